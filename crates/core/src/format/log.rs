//! `schema: doorgroei/log@1` — the review log, as YAML or as a CSV table
//! (Dutch or English headers, `;` or `,`, UTF-8 or Windows-1252: the
//! roster's CSV reader makes the table). Facts only: the format has no
//! free-text field and refuses fields it does not know, so nothing about a
//! case enters Doorgroei.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_yaml::Value;

use crate::error::{Counted, ErrorKind, Expected, Found, LoadError, LoadErrors, Pos};
use crate::i18n::Lang;
use crate::programme::{LogEntry, Outcome, Reason};
use crate::roster::Roster;
use crate::sort;
use crate::suggest::closest;
use crate::yaml::{decode, describe, Document, Path, Problem};

use super::{column_letters, csv_table, normalise, read_date, Cell, Table};

/// The `schema:` value of a review log.
pub const LOG_SCHEMA: &str = "doorgroei/log@1";

/// The most entries a log may have (three years of four-weekly reviews
/// for about 7,500 pairs). The file itself is at most
/// [`crate::yaml::MAX_FILE_BYTES`], like every other file.
pub const MAX_LOG_ENTRIES: usize = 100_000;

/// The longest review, in minutes (a working day).
pub const MAX_MINUTES: u16 = 480;

/// A log entry's fields, in file (and CSV column) order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LogField {
    /// `date` / `datum`
    Date,
    /// `mentor`
    Mentor,
    /// `mentee`
    Mentee,
    /// `status`
    Status,
    /// `new_date` / `nieuwe datum`
    NewDate,
    /// `reason` / `reden`
    Reason,
    /// `minutes` / `minuten`
    Minutes,
}

/// Each field: its YAML key, its Dutch and English labels (the CSV
/// headers a log is written with), and the headers it is recognised by
/// (compared as [`normalise`] makes them), the own words first.
const FIELDS: [(LogField, &str, &str, &str, &[&str]); 7] = [
    (
        LogField::Date,
        "date",
        "datum",
        "date",
        &[
            "datum",
            "date",
            "besprekingsdatum",
            "reviewdate",
            "gepland",
            "planned",
        ],
    ),
    (
        LogField::Mentor,
        "mentor",
        "mentor",
        "mentor",
        &["mentor", "mentorid", "begeleider"],
    ),
    (
        LogField::Mentee,
        "mentee",
        "mentee",
        "mentee",
        &["mentee", "menteeid"],
    ),
    (LogField::Status, "status", "status", "status", &["status"]),
    (
        LogField::NewDate,
        "new_date",
        "nieuwe datum",
        "new date",
        &["nieuwedatum", "newdate", "verzetnaar", "movedto"],
    ),
    (
        LogField::Reason,
        "reason",
        "reden",
        "reason",
        &["reden", "reason"],
    ),
    (
        LogField::Minutes,
        "minutes",
        "minuten",
        "minutes",
        &["minuten", "minutes", "duur", "duration"],
    ),
];

impl LogField {
    /// Every field, in file order.
    pub fn all() -> impl Iterator<Item = LogField> {
        FIELDS.iter().map(|f| f.0)
    }

    fn row(
        self,
    ) -> &'static (
        LogField,
        &'static str,
        &'static str,
        &'static str,
        &'static [&'static str],
    ) {
        &FIELDS[self as usize]
    }

    /// The YAML key.
    pub fn key(self) -> &'static str {
        self.row().1
    }

    /// The CSV header in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.row().2,
            Lang::En => self.row().3,
        }
    }

    /// The field a YAML key names.
    pub fn from_key(key: &str) -> Option<LogField> {
        LogField::all().find(|f| f.key() == key)
    }

    /// The field a CSV header names.
    pub fn recognise(header: &str) -> Option<LogField> {
        let key = normalise(header);
        LogField::all().find(|f| f.row().4.contains(&key.as_str()))
    }
}

/// The status words, Dutch and English.
const STATUSES: [(&str, &str); 3] = [
    ("gehouden", "held"),
    ("verzet", "moved"),
    ("vervallen", "cancelled"),
];

/// A word not on `words`, `(nl, en)`, with the closest one in either
/// language.
fn unknown_word(field: LogField, found: &str, words: &[(&'static str, &'static str)]) -> ErrorKind {
    let lower = found.to_lowercase();
    let close = closest(&lower, words.iter().flat_map(|w| [w.0, w.1]))
        .and_then(|c| words.iter().position(|w| w.0 == c || w.1 == c));
    ErrorKind::UnknownWord {
        field: field.key(),
        found: found.to_string(),
        expected: words.to_vec(),
        suggestion: close.and_then(|i| u8::try_from(i).ok()),
    }
}

/// The reason words, Dutch and English.
const REASONS: [(&str, &str, Reason); 4] = [
    ("ziek", "sick", Reason::Sick),
    ("verlof", "leave", Reason::Leave),
    ("werkdruk", "workload", Reason::Workload),
    ("anders", "other", Reason::Other),
];

impl Reason {
    /// The reason as the file writes it in `lang`.
    pub fn word(self, lang: Lang) -> &'static str {
        let row = REASONS.iter().find(|r| r.2 == self).unwrap_or(&REASONS[3]);
        match lang {
            Lang::Nl => row.0,
            Lang::En => row.1,
        }
    }
}

/// A YAML log.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LogFile {
    /// Checked before decoding, with its own message.
    #[serde(rename = "schema")]
    _schema: String,
    #[serde(default)]
    reviews: Value,
}

/// A YAML entry, before its values are checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFile {
    date: String,
    mentor: String,
    mentee: String,
    status: String,
    #[serde(default)]
    new_date: Option<String>,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    minutes: Option<Value>,
}

/// An entry's values as text, by field (absent or empty: `None`).
type Raw = BTreeMap<LogField, String>;

/// Reads a review log, YAML or CSV (by its name: `.csv` or `.txt`), against
/// `roster` (every mentor and mentee must be in it); entries without
/// `minutes` take `slot_minutes`. Every problem is reported, each at its
/// line and column.
pub fn load_log(
    file: &str,
    bytes: &[u8],
    roster: &Roster,
    slot_minutes: u16,
) -> Result<Vec<LogEntry>, LoadErrors> {
    let lower = file.to_lowercase();
    if lower.ends_with(".csv") || lower.ends_with(".txt") {
        load_log_csv(file, bytes, roster, slot_minutes)
    } else {
        let text = crate::yaml::utf8_text(file, bytes.to_vec())?;
        load_log_yaml(file, &text, roster, slot_minutes)
    }
}

/// Checks one entry's values; every problem goes to `report` with the
/// field it is about (`None`: the entry as a whole).
fn check_entry(
    raw: &Raw,
    roster: &Known<'_>,
    slot_minutes: u16,
    report: &mut dyn FnMut(Option<LogField>, ErrorKind),
) -> Option<LogEntry> {
    let mut ok = true;
    let mut fail = |field: Option<LogField>, kind: ErrorKind, ok: &mut bool| {
        *ok = false;
        report(field, kind);
    };
    let get = |f: LogField| raw.get(&f).map(|s| s.trim()).filter(|s| !s.is_empty());
    for f in [
        LogField::Date,
        LogField::Mentor,
        LogField::Mentee,
        LogField::Status,
    ] {
        if get(f).is_none() {
            fail(Some(f), ErrorKind::MissingField(f.key().into()), &mut ok);
        }
    }
    let date_of = |f: LogField,
                   ok: &mut bool,
                   fail: &mut dyn FnMut(Option<LogField>, ErrorKind, &mut bool)| {
        let text = get(f)?;
        let date = read_date(text);
        if date.is_none() {
            fail(
                Some(f),
                ErrorKind::InvalidValue {
                    expected: Expected::DateDayFirst,
                    found: Found::Text(text.to_string()),
                },
                ok,
            );
        }
        date
    };
    let date = date_of(LogField::Date, &mut ok, &mut fail);
    let new_date = date_of(LogField::NewDate, &mut ok, &mut fail);
    for f in [LogField::Mentor, LogField::Mentee] {
        if let Some(id) = get(f) {
            if !roster.ids.contains_key(id) {
                fail(
                    Some(f),
                    ErrorKind::UnknownPerson {
                        id: id.to_string(),
                        suggestion: closest(id, roster.ids.keys().copied()).map(str::to_string),
                    },
                    &mut ok,
                );
            }
        }
    }
    if let (Some(a), Some(b)) = (get(LogField::Mentor), get(LogField::Mentee)) {
        if a == b {
            fail(
                Some(LogField::Mentee),
                ErrorKind::SelfPair(a.to_string()),
                &mut ok,
            );
        }
    }
    let reason = get(LogField::Reason).and_then(|text| {
        let word = text.to_lowercase();
        let found = REASONS
            .iter()
            .find(|r| r.0 == word || r.1 == word)
            .map(|r| r.2);
        if found.is_none() {
            let words: Vec<(&'static str, &'static str)> =
                REASONS.iter().map(|r| (r.0, r.1)).collect();
            fail(
                Some(LogField::Reason),
                unknown_word(LogField::Reason, text, &words),
                &mut ok,
            );
        }
        found
    });
    let minutes = match get(LogField::Minutes) {
        None => Some(slot_minutes),
        Some(text) => {
            let m = text
                .parse::<u16>()
                .ok()
                .filter(|m| (1..=MAX_MINUTES).contains(m));
            if m.is_none() {
                let found = if text.parse::<f64>().is_ok() {
                    Found::Number(text.to_string())
                } else {
                    Found::Text(text.to_string())
                };
                fail(
                    Some(LogField::Minutes),
                    ErrorKind::InvalidValue {
                        expected: Expected::WholeNumber {
                            min: Some(1),
                            max: Some(i64::from(MAX_MINUTES)),
                        },
                        found,
                    },
                    &mut ok,
                );
            }
            m
        }
    };
    // What the status allows beside it: a new date only when moved, a
    // reason only when moved or cancelled (and then it is required).
    let not_here = |f: LogField| ErrorKind::InvalidValue {
        expected: Expected::Nothing,
        found: Found::Text(get(f).unwrap_or_default().to_string()),
    };
    let status = get(LogField::Status).and_then(|text| {
        let word = text.to_lowercase();
        let status = match word.as_str() {
            "held" | "gehouden" => Some(Outcome::Held),
            "moved" | "verzet" => new_date.map(Outcome::Moved),
            "cancelled" | "vervallen" => reason.map(Outcome::Cancelled),
            _ => {
                fail(
                    Some(LogField::Status),
                    unknown_word(LogField::Status, text, &STATUSES),
                    &mut ok,
                );
                return None;
            }
        };
        let moved = matches!(word.as_str(), "moved" | "verzet");
        let cancelled = matches!(word.as_str(), "cancelled" | "vervallen");
        if moved && get(LogField::NewDate).is_none() {
            fail(
                Some(LogField::NewDate),
                ErrorKind::MissingField(LogField::NewDate.key().into()),
                &mut ok,
            );
        }
        if !moved && get(LogField::NewDate).is_some() {
            fail(
                Some(LogField::NewDate),
                not_here(LogField::NewDate),
                &mut ok,
            );
        }
        if cancelled && get(LogField::Reason).is_none() {
            fail(
                Some(LogField::Reason),
                ErrorKind::MissingField(LogField::Reason.key().into()),
                &mut ok,
            );
        }
        if !moved && !cancelled && get(LogField::Reason).is_some() {
            fail(Some(LogField::Reason), not_here(LogField::Reason), &mut ok);
        }
        status
    });
    if !ok {
        return None;
    }
    Some(LogEntry {
        date: date?,
        mentor: get(LogField::Mentor)?.to_string(),
        mentee: get(LogField::Mentee)?.to_string(),
        status: status?,
        minutes: minutes?,
    })
}

/// The roster's ids, to check names against.
struct Known<'a> {
    ids: BTreeMap<&'a str, ()>,
}

impl<'a> Known<'a> {
    fn new(roster: &'a Roster) -> Known<'a> {
        Known {
            ids: sort::map_of(roster.people.iter().map(|p| (p.id.as_str(), ()))),
        }
    }
}

/// A column whose header names no log field (or a column without a
/// header, by its letters).
fn unknown_column(header: &str) -> ErrorKind {
    let lower = header.to_lowercase();
    let words: Vec<(&'static str, &'static str)> = LogField::all()
        .map(|f| (f.label(Lang::Nl), f.label(Lang::En)))
        .collect();
    let mut kind = unknown_word(LogField::Date, &lower, &words);
    if let ErrorKind::UnknownWord { field, found, .. } = &mut kind {
        *field = "column";
        *found = header.to_string();
    }
    kind
}

/// Two entries of one pair on one day: the second is refused.
fn duplicate(entry: &LogEntry, first: Option<Pos>) -> ErrorKind {
    ErrorKind::DuplicateReview {
        mentor: entry.mentor.clone(),
        mentee: entry.mentee.clone(),
        date: entry.date,
        first_line: first.map(|p| p.line),
    }
}

fn too_many(count: usize) -> ErrorKind {
    ErrorKind::TooMany {
        what: Counted::Reviews,
        count,
        limit: MAX_LOG_ENTRIES,
    }
}

/// Reads a YAML log (`schema: doorgroei/log@1`, the entries under
/// `reviews`).
pub fn load_log_yaml(
    file: &str,
    text: &str,
    roster: &Roster,
    slot_minutes: u16,
) -> Result<Vec<LogEntry>, LoadErrors> {
    let doc = Document::parse(file, text)?;
    if let Some(schema) = doc.root().get("schema").and_then(|s| s.as_str()) {
        super::check_schema(schema, LOG_SCHEMA).map_err(|p| doc.errors(vec![p]))?;
    }
    let top: LogFile = decode(doc.root(), &Path::default()).map_err(|p| doc.errors(vec![p]))?;
    let base = Path::default().field("reviews");
    let items = match &top.reviews {
        Value::Null => return Ok(Vec::new()),
        Value::Sequence(items) => items,
        other => {
            return Err(doc.errors(vec![Problem::new(
                base,
                ErrorKind::InvalidType {
                    expected: Expected::List,
                    found: describe(other),
                },
            )]))
        }
    };
    if items.len() > MAX_LOG_ENTRIES {
        return Err(doc.errors(vec![Problem::new(base, too_many(items.len()))]));
    }
    let known = Known::new(roster);
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    let mut first: BTreeMap<(String, String, jiff::civil::Date), Path> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        let path = base.index(i);
        let e: EntryFile = match decode(item, &path) {
            Ok(e) => e,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let mut raw = Raw::new();
        raw.insert(LogField::Date, e.date);
        raw.insert(LogField::Mentor, e.mentor);
        raw.insert(LogField::Mentee, e.mentee);
        raw.insert(LogField::Status, e.status);
        if let Some(d) = e.new_date {
            raw.insert(LogField::NewDate, d);
        }
        if let Some(r) = e.reason {
            raw.insert(LogField::Reason, r);
        }
        match e.minutes {
            None | Some(Value::Null) => {}
            Some(Value::Number(n)) => {
                raw.insert(LogField::Minutes, n.to_string());
            }
            Some(other) => {
                problems.push(Problem::new(
                    path.field("minutes"),
                    ErrorKind::InvalidType {
                        expected: Expected::WholeNumber {
                            min: Some(1),
                            max: Some(i64::from(MAX_MINUTES)),
                        },
                        found: describe(&other),
                    },
                ));
                continue;
            }
        }
        let mut report = |f: Option<LogField>, kind: ErrorKind| {
            let at = match f {
                Some(f) if item.get(f.key()).is_some() => path.field(f.key()),
                _ => path.clone(),
            };
            problems.push(Problem::new(at, kind));
        };
        let Some(entry) = check_entry(&raw, &known, slot_minutes, &mut report) else {
            continue;
        };
        let key = (entry.mentor.clone(), entry.mentee.clone(), entry.date);
        if let Some(earlier) = first.get(&key) {
            let pos = doc.locate(&earlier.field("date"));
            problems.push(Problem::new(path.field("date"), duplicate(&entry, pos)));
            continue;
        }
        first.insert(key, path);
        entries.push(entry);
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(doc.errors(problems))
    }
}

/// How many rows at the top may be titles above the header row.
const TITLE_ROWS: usize = 20;

/// Reads a CSV log: a header row (the first of the first rows naming two
/// log fields or more), then one entry per row; blank rows are skipped.
pub fn load_log_csv(
    file: &str,
    bytes: &[u8],
    roster: &Roster,
    slot_minutes: u16,
) -> Result<Vec<LogEntry>, LoadErrors> {
    let (table, mut errors) = csv_table(file, bytes)?;
    let entries = log_table(file, &table, roster, slot_minutes, &mut errors);
    if errors.is_empty() {
        Ok(entries)
    } else {
        sort::sort_by_key(&mut errors, |e| {
            e.pos.map_or((usize::MAX, 0), |p| (p.line, p.column))
        });
        Err(LoadErrors(errors))
    }
}

/// The entries of a log table; its problems go to `errors`.
fn log_table(
    file: &str,
    table: &Table,
    roster: &Roster,
    slot_minutes: u16,
    errors: &mut Vec<LoadError>,
) -> Vec<LogEntry> {
    let error = |line: usize, col: usize, path: &str, kind: ErrorKind| LoadError {
        file: file.to_string(),
        pos: Some(Pos {
            line,
            column: col + 1,
        }),
        path: path.to_string(),
        kind,
        sheet: table.sheet.clone(),
    };
    let texts = |cells: &[Cell]| -> Vec<String> { cells.iter().map(Cell::text).collect() };
    let Some(h) = table.rows.iter().take(TITLE_ROWS).position(|r| {
        r.cells
            .iter()
            .filter(|c| LogField::recognise(&c.text()).is_some())
            .count()
            >= 2
    }) else {
        if let Some(first) = table.rows.first() {
            errors.push(error(first.at, 0, "", ErrorKind::NoHeaderRow));
        }
        return Vec::new();
    };
    let header = &table.rows[h];
    let headers = texts(&header.cells);
    let mut columns: BTreeMap<LogField, usize> = BTreeMap::new();
    let mut header_ok = true;
    for (c, text) in headers.iter().enumerate() {
        if text.is_empty() {
            continue;
        }
        match LogField::recognise(text) {
            Some(f) => {
                if let Some(&first) = columns.get(&f) {
                    header_ok = false;
                    errors.push(error(
                        header.at,
                        c,
                        text,
                        ErrorKind::DuplicateColumn {
                            name: text.clone(),
                            first: first + 1,
                        },
                    ));
                } else {
                    columns.insert(f, c);
                }
            }
            None => {
                header_ok = false;
                errors.push(error(header.at, c, "", unknown_column(text)));
            }
        }
    }
    let named: Vec<String> = headers.iter().filter(|h| !h.is_empty()).cloned().collect();
    for f in [
        LogField::Date,
        LogField::Mentor,
        LogField::Mentee,
        LogField::Status,
    ] {
        if !columns.contains_key(&f) {
            header_ok = false;
            errors.push(error(
                header.at,
                0,
                "",
                ErrorKind::MissingColumn {
                    field: f.key().into(),
                    headers: named.clone(),
                },
            ));
        }
    }
    if !header_ok {
        return Vec::new();
    }
    let rows: Vec<_> = table.rows[h + 1..]
        .iter()
        .filter(|r| !r.cells.iter().all(Cell::is_blank))
        .collect();
    if rows.len() > MAX_LOG_ENTRIES {
        errors.push(error(header.at, 0, "", too_many(rows.len())));
        return Vec::new();
    }
    let known = Known::new(roster);
    let mut entries = Vec::new();
    let mut first: BTreeMap<(String, String, jiff::civil::Date), Pos> = BTreeMap::new();
    for row in rows {
        // A value under no header: a delimiter in a cell, or a column
        // without a name.
        let stray = row
            .cells
            .iter()
            .enumerate()
            .find(|(c, cell)| !cell.is_blank() && headers.get(*c).is_none_or(|h| h.is_empty()));
        if let Some((c, _)) = stray {
            let kind = if c >= headers.len() {
                ErrorKind::TooManyCells {
                    cells: row.cells.len(),
                    header: headers.len(),
                }
            } else {
                unknown_column(&column_letters(c))
            };
            errors.push(error(row.at, c, "", kind));
            continue;
        }
        let raw: Raw = columns
            .iter()
            .filter_map(|(&f, &c)| {
                let text = row.cells.get(c)?.text();
                (!text.is_empty()).then_some((f, text))
            })
            .collect();
        let mut report = |f: Option<LogField>, kind: ErrorKind| {
            let c = f.and_then(|f| columns.get(&f).copied());
            // A wrong value is placed under its header, named by its field.
            // An empty cell is named by its header as the file writes it;
            // a value the row needs without a column for it, by the field.
            let path = match (&kind, f) {
                (ErrorKind::MissingField(_), _) | (_, None) => "",
                (_, Some(f)) => f.key(),
            };
            let kind = match (kind, c) {
                (ErrorKind::MissingField(_), Some(c)) => {
                    ErrorKind::MissingField(headers.get(c).cloned().unwrap_or_default())
                }
                (ErrorKind::MissingField(key), None) => ErrorKind::MissingColumn {
                    field: key,
                    headers: named.clone(),
                },
                (other, _) => other,
            };
            errors.push(error(row.at, c.unwrap_or(0), path, kind));
        };
        let Some(entry) = check_entry(&raw, &known, slot_minutes, &mut report) else {
            continue;
        };
        let key = (entry.mentor.clone(), entry.mentee.clone(), entry.date);
        let column = columns.get(&LogField::Date).copied().unwrap_or(0);
        if let Some(&earlier) = first.get(&key) {
            errors.push(error(row.at, column, "", duplicate(&entry, Some(earlier))));
            continue;
        }
        first.insert(
            key,
            Pos {
                line: row.at,
                column: column + 1,
            },
        );
        entries.push(entry);
    }
    entries
}

/// A log as YAML (`doorgroei/log@1`), the words in `lang`.
pub fn log_to_yaml(entries: &[LogEntry], lang: Lang) -> String {
    use std::fmt::Write as _;
    let iso = |d| crate::dates::Iso(d).to_string();
    let mut out = format!("schema: {LOG_SCHEMA}\nreviews:\n");
    for e in entries {
        let _ = writeln!(
            out,
            "- date: {}\n  mentor: {}\n  mentee: {}\n  status: {}",
            iso(e.date),
            quote(&e.mentor),
            quote(&e.mentee),
            status_word(e.status, lang)
        );
        match e.status {
            Outcome::Held => {}
            Outcome::Moved(to) => {
                let _ = writeln!(out, "  new_date: {}", iso(to));
            }
            Outcome::Cancelled(r) => {
                let _ = writeln!(out, "  reason: {}", r.word(lang));
            }
        }
        let _ = writeln!(out, "  minutes: {}", e.minutes);
    }
    out
}

/// `text` in single quotes, as YAML reads it back whatever it holds.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The status word of `status` in `lang`.
pub fn status_word(status: Outcome, lang: Lang) -> &'static str {
    match (status, lang) {
        (Outcome::Held, Lang::Nl) => "gehouden",
        (Outcome::Held, Lang::En) => "held",
        (Outcome::Moved(_), Lang::Nl) => "verzet",
        (Outcome::Moved(_), Lang::En) => "moved",
        (Outcome::Cancelled(_), Lang::Nl) => "vervallen",
        (Outcome::Cancelled(_), Lang::En) => "cancelled",
    }
}

/// A log as CSV (`;`, headers in `lang`), as [`load_log_csv`] reads it.
pub fn log_to_csv(entries: &[LogEntry], lang: Lang) -> String {
    let mut out = String::new();
    let header: Vec<String> = LogField::all().map(|f| f.label(lang).to_string()).collect();
    super::roster::csv_line(&header, &mut out);
    for e in entries {
        let (new_date, reason) = match e.status {
            Outcome::Held => (String::new(), String::new()),
            Outcome::Moved(to) => (crate::dates::Iso(to).to_string(), String::new()),
            Outcome::Cancelled(r) => (String::new(), r.word(lang).to_string()),
        };
        let cells = [
            crate::dates::Iso(e.date).to_string(),
            e.mentor.clone(),
            e.mentee.clone(),
            status_word(e.status, lang).to_string(),
            new_date,
            reason,
            e.minutes.to_string(),
        ];
        super::roster::csv_line(&cells, &mut out);
    }
    out
}
