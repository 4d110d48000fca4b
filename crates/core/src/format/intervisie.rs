//! `schema: doorgroei/intervisie@1` — intervisie settings: group sizes,
//! how often groups meet, and the weights of the grouping's score. Also the
//! grouping as a file (JSON and CSV, which `--earlier` reads back) and the
//! supervision list as CSV.

use serde::{Deserialize, Serialize};

use crate::dates::Iso;
use crate::error::{ErrorKind, Expected, Found, LoadError, LoadErrors, Pos};
use crate::i18n::Lang;
use crate::intervisie::{Due, Earlier, Grouping, IntervisieConfig, Weights};
use crate::ladder::Ladder;
use crate::roster::Roster;
use crate::yaml::{check_size, decode, json_error, Document, Path, Problem};

use super::columns::normalise;
use super::roster::{csv_line, csv_table};
use super::table::Cell;
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

/// A grouping as `doorgroei intervisie --format json` writes it, texts
/// in one language: `{"groups": [{"members", "day", "score", "reason"}],
/// "left_out": [{"id", "reason"}], "total_score", "upper_bound"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupsFile {
    /// The groups.
    pub groups: Vec<GroupEntry>,
    /// People taking part who are in no group.
    pub left_out: Vec<LeftOutEntry>,
    /// The sum of the groups' scores.
    pub total_score: i64,
    /// No grouping that places as many people scores more.
    pub upper_bound: i64,
}

/// One group in a [`GroupsFile`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupEntry {
    /// The members' ids.
    pub members: Vec<String>,
    /// The meeting day: `ma`, `di`, …
    pub day: crate::roster::Day,
    /// The sum of its pairs' scores.
    pub score: i64,
    /// Why this group.
    pub reason: String,
}

/// A person left out in a [`GroupsFile`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOutEntry {
    /// Their id.
    pub id: String,
    /// Why.
    pub reason: String,
}

impl GroupsFile {
    /// The grouping with its texts in `lang`.
    pub fn new(grouping: &Grouping, lang: Lang) -> GroupsFile {
        GroupsFile {
            groups: grouping
                .groups
                .iter()
                .map(|g| GroupEntry {
                    members: g.members.clone(),
                    day: g.day,
                    score: g.score,
                    reason: g.reason.get(lang).to_string(),
                })
                .collect(),
            left_out: grouping
                .left_out
                .iter()
                .map(|l| LeftOutEntry {
                    id: l.id.clone(),
                    reason: l.reason.get(lang).to_string(),
                })
                .collect(),
            total_score: grouping.total_score,
            upper_bound: grouping.upper_bound,
        }
    }
}

/// What `--earlier` reads of a JSON grouping: the members of each group.
#[derive(Deserialize)]
struct EarlierJson {
    groups: Vec<EarlierGroup>,
}

#[derive(Deserialize)]
struct EarlierGroup {
    members: Vec<String>,
}

/// Reads earlier groups (`doorgroei intervisie --earlier`): the JSON or
/// the CSV that `doorgroei intervisie` writes, in either language. Of the
/// JSON only each group's `members` are read; of the CSV the `groep` (or
/// `group`) and `id` columns, rows with the same group together and rows
/// without a group (people left out) skipped. Ids that are not in the
/// roster are kept: they simply meet nobody (people leave).
pub fn load_earlier(file: &str, bytes: &[u8]) -> Result<Earlier, LoadErrors> {
    check_size(file, bytes.len())?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        let text = super::decode_text(body);
        let read: EarlierJson = serde_json::from_str(&text).map_err(|e| json_error(file, &e))?;
        let groups: Vec<Vec<String>> = read.groups.into_iter().map(|g| g.members).collect();
        return Ok(Earlier::from_groups(&groups));
    }
    let (table, errors) = csv_table(file, bytes)?;
    if !errors.is_empty() {
        return Err(LoadErrors(errors));
    }
    let Some(header) = table.rows.first() else {
        return Ok(Earlier::default());
    };
    let headers: Vec<String> = header.cells.iter().map(Cell::text).collect();
    let find = |names: &[&str]| {
        headers
            .iter()
            .position(|h| names.contains(&normalise(h).as_str()))
    };
    let (Some(group), Some(id)) = (find(&["groep", "group"]), find(&["id"])) else {
        return Err(LoadErrors(vec![LoadError {
            file: file.to_string(),
            pos: Some(Pos {
                line: header.at,
                column: 1,
            }),
            path: String::new(),
            kind: ErrorKind::NoGroupColumns(
                headers.into_iter().filter(|h| !h.is_empty()).collect(),
            ),
            sheet: None,
        }]));
    };
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for row in &table.rows[1..] {
        let cell = |c: usize| row.cells.get(c).map(Cell::text).unwrap_or_default();
        let (g, who) = (cell(group).trim().to_string(), cell(id).trim().to_string());
        if g.is_empty() || who.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|(name, _)| *name == g) {
            Some((_, members)) => members.push(who),
            None => groups.push((g, vec![who])),
        }
    }
    let groups: Vec<Vec<String>> = groups.into_iter().map(|(_, m)| m).collect();
    Ok(Earlier::from_groups(&groups))
}

/// A grouping as a `;`-separated CSV file (header in `lang`), cells safe
/// for spreadsheets: a row per member (group number from 1, meeting day,
/// id, name, team, role, the group's score and why), then a row per
/// person left out (no group, the reason). `--earlier` reads it back.
pub fn grouping_to_csv(
    grouping: &Grouping,
    roster: &Roster,
    ladder: &Ladder,
    lang: Lang,
) -> String {
    let people = roster.lookup();
    let header = match lang {
        Lang::Nl => [
            "groep",
            "dag",
            "id",
            "naam",
            "team",
            "functie",
            "groepsscore",
            "toelichting",
        ],
        Lang::En => [
            "group",
            "day",
            "id",
            "name",
            "team",
            "role",
            "group_score",
            "reason",
        ],
    };
    let mut out = String::new();
    csv_line(&header.map(str::to_string), &mut out);
    let person = |id: &str| {
        let p = people.person(id);
        [
            id.to_string(),
            people.name(id).to_string(),
            p.map(|p| p.team.clone()).unwrap_or_default(),
            p.map(|p| ladder.role_name(&p.role, lang).to_string())
                .unwrap_or_default(),
        ]
    };
    for (k, g) in grouping.groups.iter().enumerate() {
        let day = match lang {
            Lang::Nl => g.day.code(),
            Lang::En => g.day.english(),
        };
        for id in &g.members {
            let [id, name, team, role] = person(id);
            let cells = [
                (k + 1).to_string(),
                day.to_string(),
                id,
                name,
                team,
                role,
                g.score.to_string(),
                g.reason.get(lang).to_string(),
            ];
            csv_line(&cells, &mut out);
        }
    }
    for l in &grouping.left_out {
        let [id, name, team, role] = person(&l.id);
        let cells = [
            String::new(),
            String::new(),
            id,
            name,
            team,
            role,
            String::new(),
            l.reason.get(lang).to_string(),
        ];
        csv_line(&cells, &mut out);
    }
    out
}

/// Who is due for supervision as a `;`-separated CSV file (header in
/// `lang`): id, name, role, team, the last supervision (empty: unknown)
/// and the whole years since.
pub fn supervision_to_csv(due: &[Due], roster: &Roster, ladder: &Ladder, lang: Lang) -> String {
    let people = roster.lookup();
    let header = match lang {
        Lang::Nl => [
            "id",
            "naam",
            "functie",
            "team",
            "laatste_supervisie",
            "jaren_geleden",
        ],
        Lang::En => [
            "id",
            "name",
            "role",
            "team",
            "last_supervision",
            "years_ago",
        ],
    };
    let mut out = String::new();
    csv_line(&header.map(str::to_string), &mut out);
    for d in due {
        let p = people.person(&d.id);
        let cells = [
            d.id.clone(),
            people.name(&d.id).to_string(),
            p.map(|p| ladder.role_name(&p.role, lang).to_string())
                .unwrap_or_default(),
            p.map(|p| p.team.clone()).unwrap_or_default(),
            d.last.map(|l| Iso(l).to_string()).unwrap_or_default(),
            d.years_ago.map(|y| y.to_string()).unwrap_or_default(),
        ];
        csv_line(&cells, &mut out);
    }
    out
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
