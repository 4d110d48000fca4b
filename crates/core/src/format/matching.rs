//! `schema: doorgroei/matching@1` — matching settings.

use serde::{Deserialize, Serialize};

use crate::error::{ErrorKind, Expected, Found, LoadErrors};
use crate::ladder::Level;
use crate::matching::{MatchConfig, Weights};
use crate::yaml::{decode_all, Document, Path, Problem};

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
    /// Never pair two people who were paired before (default `true`).
    #[serde(default = "yes")]
    pub no_repeat: bool,
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

impl From<&MatchConfig> for MatchConfigFile {
    fn from(c: &MatchConfig) -> MatchConfigFile {
        let [junior, medior, senior, lead] = c.default_capacities.map(i64::from);
        MatchConfigFile {
            schema: MATCHING_SCHEMA.into(),
            mentor_min_level: c.mentor_min_level,
            not_same_team: c.not_same_team,
            no_repeat: c.no_repeat,
            weights: c.weights,
            default_capacity: DefaultCapacityFile {
                junior,
                medior,
                senior,
                lead,
            },
        }
    }
}

/// Matching settings as a `doorgroei/matching@1` file with every field
/// written out (the example's layout: weights and capacities one per
/// line), which [`load_match_config`] reads back as the same settings.
/// (`rematch` and `today` are no settings of the file: a matching asks
/// for them.)
pub fn match_config_to_yaml(config: &MatchConfig) -> String {
    let w = &config.weights;
    let [junior, medior, senior, lead] = config.default_capacities;
    format!(
        "# yaml-language-server: $schema=./schema/matching.schema.json\n\
         schema: {MATCHING_SCHEMA}\n\
         mentor_min_level: {}\n\
         not_same_team: {}\n\
         no_repeat: {}\n\
         weights:\n  specialism: {}\n  location: {}\n  shared_day: {}\n  \
         coaching: {}\n  preference: {}\n  load: {}\n  waiting: {}\n\
         default_capacity:\n  junior: {junior}\n  medior: {medior}\n  senior: {senior}\n  \
         lead: {lead}\n",
        config.mentor_min_level.as_str(),
        config.not_same_team,
        config.no_repeat,
        w.specialism,
        w.location,
        w.shared_day,
        w.coaching,
        w.preference,
        w.load,
        w.waiting,
    )
}

/// Reads back settings as [`match_config_to_yaml`] wrote them, without a
/// YAML reader: the web page keeps its settings as that text and has none.
/// `None` for any other text (another layout, a value out of range, a key
/// missing or twice); a file a person opens goes to [`load_match_config`],
/// which reads any layout and says what is wrong. Settings written before
/// `no_repeat` and `waiting` existed lack those two lines and read with
/// their defaults.
pub fn match_config_from_written(text: &str) -> Option<MatchConfig> {
    let mut c = MatchConfig::default();
    let mut section = "";
    let mut keys = 0;
    // The two later keys: each at most once.
    let (mut no_repeat, mut waiting) = (0, 0);
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (key, value) = line
            .split_once(": ")
            .unwrap_or((line.trim_end_matches(':'), ""));
        let number = |max: i64| value.parse::<i64>().ok().filter(|n| (0..=max).contains(n));
        let capacity = || number(i64::from(super::MAX_CAPACITY)).map(|n| n as u32);
        let w = &mut c.weights;
        let [junior, medior, senior, lead] = &mut c.default_capacities;
        match (section, key) {
            (_, "weights" | "default_capacity") if value.is_empty() => {
                section = key;
                continue;
            }
            (_, "schema") if value == MATCHING_SCHEMA => {}
            (_, "mentor_min_level") => {
                c.mentor_min_level = *Level::ALL.iter().find(|l| l.as_str() == value)?
            }
            (_, "not_same_team") => c.not_same_team = value.parse().ok()?,
            (_, "no_repeat") => {
                c.no_repeat = value.parse().ok()?;
                no_repeat += 1;
                continue;
            }
            ("weights", "  waiting") => {
                w.waiting = number(MAX_WEIGHT)?;
                waiting += 1;
                continue;
            }
            ("weights", "  specialism") => w.specialism = number(MAX_WEIGHT)?,
            ("weights", "  location") => w.location = number(MAX_WEIGHT)?,
            ("weights", "  shared_day") => w.shared_day = number(MAX_WEIGHT)?,
            ("weights", "  coaching") => w.coaching = number(MAX_WEIGHT)?,
            ("weights", "  preference") => w.preference = number(MAX_WEIGHT)?,
            ("weights", "  load") => w.load = number(MAX_WEIGHT)?,
            ("default_capacity", "  junior") => *junior = capacity()?,
            ("default_capacity", "  medior") => *medior = capacity()?,
            ("default_capacity", "  senior") => *senior = capacity()?,
            ("default_capacity", "  lead") => *lead = capacity()?,
            _ => return None,
        }
        keys += 1;
    }
    // Every key, each once (a key twice would leave another out).
    (keys == 13 && no_repeat <= 1 && waiting <= 1).then_some(c)
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
    // Every problem of the file at once, as the roster loader says them.
    let (f, mut problems) = decode_all::<MatchConfigFile>(doc.root(), &Path::default());
    let Some(f) = f else {
        return Err(doc.errors(problems));
    };
    // A section's numbers outside 0..=max, each a problem at its field.
    let out_of_range = |section: &str, values: &[(&str, i64)], max: i64| {
        values
            .iter()
            .filter(|(_, value)| !(0..=max).contains(value))
            .map(|(name, value)| {
                Problem::new(
                    Path::default().field(section).field(name),
                    ErrorKind::InvalidValue {
                        expected: Expected::WholeNumber {
                            min: Some(0),
                            max: Some(max),
                        },
                        found: Found::Number(value.to_string()),
                    },
                )
            })
            .collect::<Vec<_>>()
    };
    let w = &f.weights;
    problems.extend(out_of_range(
        "weights",
        &[
            ("specialism", w.specialism),
            ("location", w.location),
            ("shared_day", w.shared_day),
            ("coaching", w.coaching),
            ("preference", w.preference),
            ("load", w.load),
            ("waiting", w.waiting),
        ],
        MAX_WEIGHT,
    ));
    let c = &f.default_capacity;
    let capacities = [
        ("junior", c.junior),
        ("medior", c.medior),
        ("senior", c.senior),
        ("lead", c.lead),
    ];
    problems.extend(out_of_range(
        "default_capacity",
        &capacities,
        i64::from(super::MAX_CAPACITY),
    ));
    if !problems.is_empty() {
        return Err(doc.errors(problems));
    }
    Ok(MatchConfig {
        mentor_min_level: f.mentor_min_level,
        not_same_team: f.not_same_team,
        no_repeat: f.no_repeat,
        weights: f.weights,
        rematch: false,
        default_capacities: capacities.map(|(_, v)| u32::try_from(v).unwrap_or(0)),
        today: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::DEFAULT_CAPACITIES;
    use proptest::prelude::*;

    fn config(level: Level, not_same_team: bool, w: [i64; 7], c: [u32; 4]) -> MatchConfig {
        MatchConfig {
            mentor_min_level: level,
            not_same_team,
            no_repeat: w[6] % 2 == 0,
            weights: Weights {
                specialism: w[0],
                location: w[1],
                shared_day: w[2],
                coaching: w[3],
                preference: w[4],
                load: w[5],
                waiting: w[6],
            },
            rematch: false,
            default_capacities: c,
            today: None,
        }
    }

    #[test]
    fn the_default_settings_are_written_out_in_full() {
        let expected = "\
# yaml-language-server: $schema=./schema/matching.schema.json
schema: doorgroei/matching@1
mentor_min_level: senior
not_same_team: true
no_repeat: true
weights:
  specialism: 10
  location: 5
  shared_day: 2
  coaching: 8
  preference: 15
  load: 3
  waiting: 1
default_capacity:
  junior: 0
  medior: 0
  senior: 2
  lead: 1
";
        assert_eq!(match_config_to_yaml(&MatchConfig::default()), expected);
    }

    #[test]
    fn written_settings_read_back_as_the_same() {
        let cases = [
            MatchConfig::default(),
            config(Level::Junior, false, [0; 7], [0; 4]),
            config(
                Level::Lead,
                true,
                [1000, 0, 1, 999, 7, 1000, 1000],
                [50, 0, 3, 50],
            ),
            config(
                Level::Medior,
                true,
                [10, 5, 2, 8, 20, 3, 1],
                DEFAULT_CAPACITIES,
            ),
        ];
        for c in cases {
            let text = match_config_to_yaml(&c);
            assert_eq!(load_match_config("k.yaml", &text), Ok(c), "{text}");
            let file = MatchConfigFile::from(&c);
            let json = serde_json::to_string(&file).unwrap();
            let again: MatchConfigFile = serde_json::from_str(&json).unwrap();
            assert_eq!(again, file);
            assert_eq!(match_config_from_written(&text), Some(c));
        }
    }

    #[test]
    fn only_the_written_layout_is_read_back_without_a_yaml_reader() {
        let written = match_config_to_yaml(&MatchConfig::default());
        let cases: Vec<(String, bool)> = vec![
            (written.clone(), true),
            // Comments are skipped wherever they are.
            (
                written.replace("weights:\n", "weights:\n# gewichten\n"),
                true,
            ),
            (written.replace("schema: doorgroei/matching@1\n", ""), false),
            (written.replace("matching@1", "matching@2"), false),
            (written.replace("  load: 3\n", ""), false),
            (
                written.replace("  load: 3\n", "  load: 3\n  load: 4\n"),
                false,
            ),
            (written.replace("  load: 3", "  load: 1001"), false),
            (written.replace("  lead: 1", "  lead: 51"), false),
            (written.replace("  lead: 1", "  lead: -1"), false),
            (written.replace("senior\n", "stagiair\n"), false),
            (written.replace("true", "ja"), false),
            (written.replace("  load", "    load"), false),
            (written.replace("  load", "load"), false),
            // Flow style is YAML, but not the written layout.
            (
                "schema: doorgroei/matching@1\nweights: {load: 3}\n".to_string(),
                false,
            ),
            (String::new(), false),
            // Written before no_repeat and waiting: their defaults.
            (
                written
                    .replace("no_repeat: true\n", "")
                    .replace("  waiting: 1\n", ""),
                true,
            ),
            (written.replace("no_repeat: true", "no_repeat: false"), true),
            (
                written.replace("no_repeat: true\n", "no_repeat: true\nno_repeat: true\n"),
                false,
            ),
            (written.replace("  waiting: 1", "  waiting: 1001"), false),
            (
                written.replace("  waiting: 1\n", "  waiting: 1\n  waiting: 2\n"),
                false,
            ),
        ];
        for (text, read) in cases {
            let got = match_config_from_written(&text);
            assert_eq!(got.is_some(), read, "{text}");
            // What it reads, the file's loader reads the same.
            if let Some(c) = got {
                assert_eq!(load_match_config("k.yaml", &text), Ok(c));
            }
        }
    }

    #[test]
    fn every_problem_of_a_settings_file_is_reported_at_its_place() {
        let check = |text: &str, expected: &[&str]| {
            let text = format!("schema: doorgroei/matching@1\n{text}");
            let errors = load_match_config("k.yaml", &text).unwrap_err();
            let lines: Vec<String> = errors.0.iter().map(|e| e.render(crate::Lang::En)).collect();
            assert_eq!(lines, expected, "{text}");
        };
        check(
            "mentor_min_level: boss\nweights:\n  specialism: 5000\n",
            &[
                "k.yaml:2:19: unknown mentor_min_level 'boss'; expected one of junior, medior, senior, lead",
                "k.yaml:4:15: specialism: invalid value 5000; expected a whole number from 0 to 1000",
            ],
        );
        check(
            "not_same_team: misschien\nweights: {specialism: x, load: -1, locatoin: 3}\ndefault_capacity: {senior: 60}\nkleur: rood\n",
            &[
                "k.yaml:2:16: not_same_team: expected true or false, found text 'misschien'",
                "k.yaml:3:23: specialism: expected a whole number, found text 'x'",
                "k.yaml:3:32: load: invalid value -1; expected a whole number from 0 to 1000",
                "k.yaml:3:36: unknown field 'locatoin'; expected one of specialism, location, shared_day, coaching, preference, load, waiting; did you mean 'location'?",
                "k.yaml:4:28: senior: invalid value 60; expected a whole number from 0 to 50",
                "k.yaml:5:1: unknown field 'kleur'; expected one of schema, mentor_min_level, not_same_team, no_repeat, weights, default_capacity",
            ],
        );
        // One problem: one message.
        check(
            "weights: {load: 1001}\n",
            &["k.yaml:2:17: load: invalid value 1001; expected a whole number from 0 to 1000"],
        );
    }

    proptest! {
        #[test]
        fn any_settings_within_the_limits_read_back(
            level in 0usize..4,
            not_same_team: bool,
            w in proptest::array::uniform7(0..=MAX_WEIGHT),
            c in proptest::array::uniform4(0..=super::super::MAX_CAPACITY),
        ) {
            let c = config(Level::ALL[level], not_same_team, w, c);
            let text = match_config_to_yaml(&c);
            prop_assert_eq!(load_match_config("k.yaml", &text), Ok(c));
            prop_assert_eq!(match_config_from_written(&text), Some(c));
        }
    }
}
