//! `schema: doorgroei/matching@1` — matching settings.

use serde::{Deserialize, Serialize};

use crate::error::{ErrorKind, Expected, Found, LoadErrors};
use crate::ladder::Level;
use crate::matching::{MatchConfig, Weights};
use crate::yaml::{decode, Document, Path, Problem};

/// The largest weight a settings file may give (scores stay far from overflow).
pub const MAX_WEIGHT: i64 = 1000;

/// The `schema:` value of matching settings.
pub const MATCHING_SCHEMA: &str = "doorgroei/matching@1";

/// A matching settings file; every field but `schema` is optional.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchConfigFile {
    /// Always [`MATCHING_SCHEMA`].
    pub schema: String,
    /// Lowest level a mentor may have (default `senior`).
    #[serde(default = "senior")]
    pub mentor_min_level: Level,
    /// Never a mentor from the mentee's own team (default `true`).
    #[serde(default = "yes")]
    pub not_same_team: bool,
    /// Score weights; missing ones keep their defaults.
    #[serde(default)]
    pub weights: Weights,
    /// How many mentees a person of each level takes when the roster
    /// leaves their capacity empty; missing levels keep their defaults.
    #[serde(default)]
    pub default_capacity: DefaultCapacityFile,
}

/// `default_capacity:` per level (whole numbers 0–50; 0: does not mentor).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DefaultCapacityFile {
    /// Juniors (default 0).
    pub junior: i64,
    /// Mediors (default 0).
    pub medior: i64,
    /// Seniors (default 2).
    pub senior: i64,
    /// Leads (default 1).
    pub lead: i64,
}

impl Default for DefaultCapacityFile {
    fn default() -> Self {
        let [junior, medior, senior, lead] = crate::matching::DEFAULT_CAPACITIES.map(i64::from);
        DefaultCapacityFile {
            junior,
            medior,
            senior,
            lead,
        }
    }
}

fn senior() -> Level {
    Level::Senior
}

fn yes() -> bool {
    true
}

/// Reads matching settings.
pub fn load_match_config(file: &str, text: &str) -> Result<MatchConfig, LoadErrors> {
    let doc = Document::parse(file, text)?;
    if let Some(schema) = doc.root().get("schema").and_then(|s| s.as_str()) {
        super::check_schema(schema, MATCHING_SCHEMA).map_err(|p| doc.errors(vec![p]))?;
    }
    let f: MatchConfigFile =
        decode(doc.root(), &Path::default()).map_err(|p| doc.errors(vec![p]))?;
    let w = &f.weights;
    let problems: Vec<Problem> = [
        ("specialism", w.specialism),
        ("location", w.location),
        ("shared_day", w.shared_day),
        ("coaching", w.coaching),
        ("preference", w.preference),
        ("load", w.load),
    ]
    .into_iter()
    .filter(|(_, value)| !(0..=MAX_WEIGHT).contains(value))
    .map(|(name, value)| {
        Problem::new(
            Path::default().field("weights").field(name),
            ErrorKind::InvalidValue {
                expected: Expected::WholeNumber {
                    min: Some(0),
                    max: Some(MAX_WEIGHT),
                },
                found: Found::Number(value.to_string()),
            },
        )
    })
    .collect();
    let c = &f.default_capacity;
    let capacities = [
        ("junior", c.junior),
        ("medior", c.medior),
        ("senior", c.senior),
        ("lead", c.lead),
    ];
    let max = i64::from(super::MAX_CAPACITY);
    let mut problems = problems;
    problems.extend(
        capacities
            .iter()
            .filter(|(_, value)| !(0..=max).contains(value))
            .map(|(name, value)| {
                Problem::new(
                    Path::default().field("default_capacity").field(name),
                    ErrorKind::InvalidValue {
                        expected: Expected::WholeNumber {
                            min: Some(0),
                            max: Some(max),
                        },
                        found: Found::Number(value.to_string()),
                    },
                )
            }),
    );
    if !problems.is_empty() {
        return Err(doc.errors(problems));
    }
    Ok(MatchConfig {
        mentor_min_level: f.mentor_min_level,
        not_same_team: f.not_same_team,
        weights: f.weights,
        rematch: false,
        default_capacities: capacities.map(|(_, v)| u32::try_from(v).unwrap_or(0)),
    })
}
