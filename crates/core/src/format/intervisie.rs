//! `schema: doorgroei/intervisie@1` — intervisie settings: group sizes,
//! how often groups meet, and the weights of the grouping's score.

use serde::{Deserialize, Serialize};

use crate::error::{ErrorKind, Expected, Found, LoadErrors};
use crate::intervisie::{IntervisieConfig, Weights};
use crate::yaml::{decode, Document, Path, Problem};

use super::MAX_WEIGHT;

/// The `schema:` value of intervisie settings.
pub const INTERVISIE_SCHEMA: &str = "doorgroei/intervisie@1";

/// Group sizes a settings file may ask for (`min_size`, `max_size`).
pub const GROUP_SIZES: (i64, i64) = (3, 10);

/// An intervisie settings file; every field but `schema` is optional.
/// Numbers are read as any whole number, so that one out of range is
/// refused with its limits rather than as the wrong type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntervisieFile {
    /// Always [`INTERVISIE_SCHEMA`].
    pub schema: String,
    /// Fewest members of a group, 3 to 10 (default 5).
    #[serde(default)]
    pub min_size: Option<i64>,
    /// Most members of a group, 3 to 10 and at least `min_size` (default 7).
    #[serde(default)]
    pub max_size: Option<i64>,
    /// Weeks between meetings, 2 to 12 (default 6).
    #[serde(default)]
    pub cadence_weeks: Option<i64>,
    /// Minutes per meeting, 30 to 480 (default 90).
    #[serde(default)]
    pub minutes: Option<i64>,
    /// Years after which a senior is due for supervision again, 1 to 20
    /// (default 5).
    #[serde(default)]
    pub supervision_years: Option<i64>,
    /// The weights of the score; missing ones keep their defaults.
    #[serde(default)]
    pub weights: Weights,
}

/// Reads intervisie settings. Every problem is reported with its line and
/// column: a number out of its range, `min_size` above `max_size`, a
/// weight outside 0–1,000, a field the format does not know.
pub fn load_intervisie_config(file: &str, text: &str) -> Result<IntervisieConfig, LoadErrors> {
    let doc = Document::parse(file, text)?;
    if let Some(schema) = doc.root().get("schema").and_then(|s| s.as_str()) {
        super::check_schema(schema, INTERVISIE_SCHEMA).map_err(|p| doc.errors(vec![p]))?;
    }
    let f: IntervisieFile =
        decode(doc.root(), &Path::default()).map_err(|p| doc.errors(vec![p]))?;
    let mut problems = Vec::new();
    let mut config = IntervisieConfig::default();
    let mut range = |path: Path, value: Option<i64>, low: i64, high: i64| -> Option<i64> {
        let v = value?;
        if (low..=high).contains(&v) {
            return Some(v);
        }
        problems.push(Problem::new(
            path,
            ErrorKind::InvalidValue {
                expected: Expected::WholeNumber {
                    min: Some(low),
                    max: Some(high),
                },
                found: Found::Number(v.to_string()),
            },
        ));
        None
    };
    let field = |name: &str| Path::default().field(name);
    let (low, high) = GROUP_SIZES;
    // (The ranges fit the fields' types: the casts cannot cut.)
    if let Some(v) = range(field("min_size"), f.min_size, low, high) {
        config.min_size = v as u8;
    }
    if let Some(v) = range(field("max_size"), f.max_size, low, high) {
        config.max_size = v as u8;
    }
    if let Some(v) = range(field("cadence_weeks"), f.cadence_weeks, 2, 12) {
        config.cadence_weeks = v as u8;
    }
    if let Some(v) = range(field("minutes"), f.minutes, 30, 480) {
        config.minutes = v as u16;
    }
    if let Some(v) = range(field("supervision_years"), f.supervision_years, 1, 20) {
        config.supervision_years = v as u8;
    }
    let w = &f.weights;
    for (name, value) in [
        ("team", w.team),
        ("level", w.level),
        ("education", w.education),
        ("location", w.location),
        ("specialism", w.specialism),
        ("earlier", w.earlier),
    ] {
        range(
            Path::default().field("weights").field(name),
            Some(value),
            0,
            MAX_WEIGHT,
        );
    }
    if problems.is_empty() && config.min_size > config.max_size {
        // Said where the file is wrong: at the size it gives (or at
        // `max_size` when it gives both or neither).
        let at = if f.max_size.is_none() && f.min_size.is_some() {
            "min_size"
        } else {
            "max_size"
        };
        problems.push(Problem::new(
            field(at),
            ErrorKind::InvertedRange {
                min: config.min_size.to_string(),
                max: config.max_size.to_string(),
            },
        ));
    }
    if !problems.is_empty() {
        return Err(doc.errors(problems));
    }
    config.weights = f.weights;
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// A settings text read: the settings, or every problem in both languages.
    fn check(text: &str, expected: Result<IntervisieConfig, &[[&str; 2]]>) {
        let got = load_intervisie_config("intervisie.yaml", text);
        match expected {
            Ok(config) => assert_eq!(got, Ok(config), "{text}"),
            Err(messages) => {
                let errors = got.expect_err(text);
                let shown: Vec<[String; 2]> = errors
                    .0
                    .iter()
                    .map(|e| [e.render(Lang::Nl), e.render(Lang::En)])
                    .collect();
                assert_eq!(shown, messages, "{text}");
            }
        }
    }

    const HEAD: &str = "schema: doorgroei/intervisie@1\n";

    #[test]
    fn settings_are_read_with_their_defaults() {
        let with = |change: &dyn Fn(&mut IntervisieConfig)| {
            let mut c = IntervisieConfig::default();
            change(&mut c);
            c
        };
        let cases: Vec<(String, IntervisieConfig)> = vec![
            (HEAD.into(), IntervisieConfig::default()),
            (
                format!("{HEAD}min_size: 3\nmax_size: 10\n"),
                with(&|c| {
                    c.min_size = 3;
                    c.max_size = 10;
                }),
            ),
            (
                format!("{HEAD}min_size: 6\nmax_size: 6\ncadence_weeks: 8\nminutes: 120\nsupervision_years: 7\n"),
                with(&|c| {
                    (c.min_size, c.max_size, c.cadence_weeks) = (6, 6, 8);
                    (c.minutes, c.supervision_years) = (120, 7);
                }),
            ),
            (
                format!("{HEAD}weights: {{team: 0, earlier: 1000}}\n"),
                with(&|c| {
                    c.weights.team = 0;
                    c.weights.earlier = 1000;
                }),
            ),
        ];
        for (text, config) in cases {
            check(&text, Ok(config));
        }
        assert_eq!(
            IntervisieConfig::default().weights,
            Weights {
                team: 10,
                level: 6,
                education: 3,
                location: 2,
                specialism: 1,
                earlier: 20
            }
        );
    }

    #[test]
    fn bad_settings_are_refused_where_they_are() {
        let cases: Vec<(String, Vec<[&str; 2]>)> = vec![
            (
                format!("{HEAD}min_size: 2\n"),
                vec![[
                    "intervisie.yaml:2:11: min_size: ongeldige waarde 2; verwacht een geheel getal van 3 tot en met 10",
                    "intervisie.yaml:2:11: min_size: invalid value 2; expected a whole number from 3 to 10",
                ]],
            ),
            (
                format!("{HEAD}min_size: 8\n"),
                vec![[
                    "intervisie.yaml:2:11: min_size: minimum 8 is hoger dan maximum 7",
                    "intervisie.yaml:2:11: min_size: minimum 8 is above maximum 7",
                ]],
            ),
            (
                format!("{HEAD}min_size: 6\nmax_size: 5\n"),
                vec![[
                    "intervisie.yaml:3:11: max_size: minimum 6 is hoger dan maximum 5",
                    "intervisie.yaml:3:11: max_size: minimum 6 is above maximum 5",
                ]],
            ),
            (
                format!("{HEAD}max_size: 11\nminutes: 10\nweights:\n  earlier: -1\n  level: 1001\n"),
                vec![
                    [
                        "intervisie.yaml:2:11: max_size: ongeldige waarde 11; verwacht een geheel getal van 3 tot en met 10",
                        "intervisie.yaml:2:11: max_size: invalid value 11; expected a whole number from 3 to 10",
                    ],
                    [
                        "intervisie.yaml:3:10: minuten: ongeldige waarde 10; verwacht een geheel getal van 30 tot en met 480",
                        "intervisie.yaml:3:10: minutes: invalid value 10; expected a whole number from 30 to 480",
                    ],
                    [
                        "intervisie.yaml:5:12: earlier: ongeldige waarde -1; verwacht een geheel getal van 0 tot en met 1000",
                        "intervisie.yaml:5:12: earlier: invalid value -1; expected a whole number from 0 to 1000",
                    ],
                    [
                        "intervisie.yaml:6:10: level: ongeldige waarde 1001; verwacht een geheel getal van 0 tot en met 1000",
                        "intervisie.yaml:6:10: level: invalid value 1001; expected a whole number from 0 to 1000",
                    ],
                ],
            ),
            (
                format!("{HEAD}max_sise: 7\n"),
                vec![[
                    "intervisie.yaml:2:1: onbekend veld 'max_sise'; toegestaan: schema, min_size, max_size, cadence_weeks, minutes, supervision_years, weights; bedoel je 'max_size'?",
                    "intervisie.yaml:2:1: unknown field 'max_sise'; expected one of schema, min_size, max_size, cadence_weeks, minutes, supervision_years, weights; did you mean 'max_size'?",
                ]],
            ),
            (
                "schema: doorgroei/intervisie@2\n".into(),
                vec![[
                    "intervisie.yaml:1:9: schema 'doorgroei/intervisie@2' wordt niet ondersteund; verwacht 'doorgroei/intervisie@1'",
                    "intervisie.yaml:1:9: unsupported schema 'doorgroei/intervisie@2'; expected 'doorgroei/intervisie@1'",
                ]],
            ),
        ];
        for (text, messages) in cases {
            check(&text, Err(&messages));
        }
    }
}
