//! `schema: doorgroei/roster@1` — staff for mentoring, as YAML or as CSV.
//!
//! CSV rows become the same YAML values the YAML format has, and are decoded
//! by the same code, so both formats accept and reject the same things. A CSV
//! problem points at the row's line and the column (by number and name).

use std::collections::{BTreeMap, BTreeSet};

use crate::matching::Ids;

use jiff::civil::Date;

use super::columns::{header_row, near_field, normalise, recognise, ColumnMap, ColumnsFile, Field};
use super::table::{Cell, Row, Table};
use super::values::{is_email, read_bool, read_date, read_days, read_number, read_period};
use crate::dates::{parse_date, Iso};
use serde::{Deserialize, Serialize};
use serde_yaml::{Mapping, Value};

use crate::error::{
    Counted, ErrorKind, Expected, Found, LoadError, LoadErrors, Pos, SyntaxProblem, TextFormat,
};
use crate::i18n::Lang;
use crate::ladder::Ladder;
use crate::matching::Assignment;
use crate::roster::{Day, Days, Pair, Person, Roster};
use crate::sort;
use crate::suggest::{closest, closest_few};
use crate::yaml::{
    check_limit, check_size, decode, decode_items, errors_at, json_error, without_fields, Document,
    Path, Problem,
};

/// The `schema:` value of YAML rosters.
pub const ROSTER_SCHEMA: &str = "doorgroei/roster@1";
/// Most people a roster may have.
pub const MAX_PEOPLE: usize = 50_000;
/// Largest roster in its JSON form (Doorgroei's own form: the web app's
/// save, what its page and worker send each other). Field names repeat for
/// every person, so the JSON of a roster read from a 5 MiB CSV file is up
/// to about three times as large; the people limit bounds it.
pub const MAX_JSON_FORM_BYTES: usize = 24 * 1024 * 1024;
/// Most mentees one mentor may take (`capacity`).
pub const MAX_CAPACITY: u32 = 50;

/// What a loader read, with the warnings it has about it: things that are
/// allowed but probably a mistake (a circle of managers). Warnings are
/// shown, never dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    /// What was read.
    pub value: T,
    /// The warnings, located like errors (empty: none).
    pub warnings: LoadErrors,
}

/// A roster file (YAML).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterFile {
    /// Always [`ROSTER_SCHEMA`].
    pub schema: String,
    /// The staff.
    #[serde(default)]
    pub people: Vec<PersonFile>,
    /// Existing mentor pairs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pairs: Vec<Pair>,
}

/// A person in the file. CSV columns have the same names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonFile {
    /// Unique id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Role id from the ladder.
    pub role: String,
    /// Team.
    #[serde(default)]
    pub team: String,
    /// Work location.
    #[serde(default)]
    pub location: String,
    /// Line manager's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager: Option<String>,
    /// Specialisms or domains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub specialisms: Vec<String>,
    /// Languages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Working days: ma di wo do vr za zo.
    pub days: Vec<Day>,
    /// Contract hours per week.
    #[serde(default = "full_time")]
    pub hours: f64,
    /// Career switcher (zij-instromer).
    #[serde(default)]
    pub career_switcher: bool,
    /// Start date, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Needs a mentor whatever the level.
    #[serde(default)]
    pub needs_mentor: bool,
    /// How many mentees this person can take; empty: the matching
    /// settings' default for the person's level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    /// Holds a coaching qualification.
    #[serde(default)]
    pub coaching: bool,
    /// Preferred mentors (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prefers: Vec<String>,
    /// Mentors to avoid (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub avoids: Vec<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Absence periods: `YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD` (both days included).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<String>,
    /// Takes part in intervisie; empty: everyone whose role manages no people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intervisie: Option<bool>,
    /// The day of the last supervision, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_supervision: Option<String>,
    /// The day they leave or stop mentoring, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leaves: Option<String>,
    /// Mentors they had before (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_mentors: Vec<String>,
    /// The day they were (re-)registered in the Registerplein, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registered: Option<String>,
}

fn full_time() -> f64 {
    36.0
}

/// Reads a roster: CSV when the name ends in `.csv` or `.txt`, YAML otherwise.
/// Its warnings are dropped: programs that show a roster to a person use
/// [`load_roster_checked`].
pub fn load_roster(file: &str, bytes: &[u8], ladder: &Ladder) -> Result<Roster, LoadErrors> {
    load_roster_checked(file, bytes, ladder).map(|l| l.value)
}

/// Reads a roster (CSV when the name ends in `.csv` or `.txt` and the text
/// does not start with `{`, YAML otherwise) with its warnings.
pub fn load_roster_checked(
    file: &str,
    bytes: &[u8],
    ladder: &Ladder,
) -> Result<Loaded<Roster>, LoadErrors> {
    load_roster_with(file, bytes, ladder, &ReadOptions::default())
}

/// Reads a roster with its warnings, a CSV file's columns as `options`
/// say. A spreadsheet (`.xlsx`) is read when this build has the `xlsx`
/// feature; without it, it is refused with a message that says so.
pub fn load_roster_with(
    file: &str,
    bytes: &[u8],
    ladder: &Ladder,
    options: &ReadOptions,
) -> Result<Loaded<Roster>, LoadErrors> {
    if super::spreadsheet::is_spreadsheet(file, bytes) {
        let table = super::spreadsheet::sheet_table(file, bytes, options.sheet.as_deref())?;
        load_table(file, &table, options.columns.as_ref(), ladder, Vec::new())
    } else if is_csv(file, bytes) {
        load_roster_csv_checked(file, bytes, ladder, options)
    } else {
        if is_json(bytes) {
            check_limit(file, bytes.len(), MAX_JSON_FORM_BYTES)?;
        } else {
            check_size(file, bytes.len())?;
        }
        let text = decode_roster_text(file, bytes)?;
        load_roster_yaml_checked(file, &text, ladder)
    }
}

/// Whether a roster file is a roster in its JSON form (the web app's saved
/// roster), which is read as such whatever its name says.
fn is_json(bytes: &[u8]) -> bool {
    bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        == Some(&b'{')
}

/// Whether a roster file (not a spreadsheet) is read as CSV: its name ends
/// in `.csv` or `.txt` and it is not a roster in its JSON form.
pub fn is_csv(file: &str, bytes: &[u8]) -> bool {
    let lower = file.to_lowercase();
    (lower.ends_with(".csv") || lower.ends_with(".txt")) && !is_json(bytes)
}

/// Reads a YAML roster.
pub fn load_roster_yaml(file: &str, text: &str, ladder: &Ladder) -> Result<Roster, LoadErrors> {
    load_roster_yaml_checked(file, text, ladder).map(|l| l.value)
}

fn load_roster_yaml_checked(
    file: &str,
    text: &str,
    ladder: &Ladder,
) -> Result<Loaded<Roster>, LoadErrors> {
    if let Some(loaded) = valid_json_form(file, text, ladder) {
        return Ok(loaded);
    }
    let doc = Document::parse(file, text)?;
    if let Some(schema) = doc.root().get("schema").and_then(|s| s.as_str()) {
        super::check_schema(schema, ROSTER_SCHEMA).map_err(|p| doc.errors(vec![p]))?;
    }
    let mut problems = Vec::new();
    let head = decode::<RosterFile>(&without_fields(doc.root(), &["people"]), &Path::default());
    if !doc.root().is_mapping() {
        return Err(doc.errors(head.err().into_iter().collect()));
    }
    let pairs = match head {
        Ok(f) => f.pairs,
        Err(p) => {
            problems.push(p);
            Vec::new()
        }
    };
    let (people, person_problems) = decode_items::<PersonFile>(doc.root(), "people");
    problems.extend(person_problems);
    let people_path = Path::default().field("people");
    let located: Vec<(Path, PersonFile)> = people
        .into_iter()
        .map(|(i, p)| (people_path.index(i), p))
        .collect();
    let pair_paths: Vec<Path> = (0..pairs.len())
        .map(|i| Path::default().field("pairs").index(i))
        .collect();
    let mut warnings = Vec::new();
    let input = Input {
        people: located,
        pairs,
        pair_paths: &pair_paths,
        locate: &|path| doc.locate(path),
    };
    match build::<true>(input, ladder, &mut problems, &mut warnings) {
        Some(roster) if problems.is_empty() => Ok(Loaded {
            value: roster,
            warnings: doc.errors(warnings),
        }),
        _ => Err(doc.errors(problems)),
    }
}

/// A roster file in its JSON form ([`roster_to_json`], as the web app saves
/// it) read straight with a JSON parser, a dozen times faster than through
/// the YAML reader, when it is valid. Anything else, problems included, goes
/// the YAML way, which reads JSON as the same file and says where each
/// problem is.
fn valid_json_form(file: &str, text: &str, ladder: &Ladder) -> Option<Loaded<Roster>> {
    if !text.trim_start().starts_with('{') {
        return None;
    }
    let loaded = load_roster_json_checked(file, text, ladder).ok()?;
    // Warnings have no lines in the JSON form: read it the YAML way for
    // those, when it is small enough to be read so.
    (loaded.warnings.0.is_empty() || text.len() > crate::yaml::MAX_FILE_BYTES).then_some(loaded)
}

/// Reads a roster file in its JSON form ([`roster_to_json`]) without a YAML
/// reader: the web page reads its saved roster and its worker's answers so.
/// Problems name their path (`people[3].role`) but no line: this form is
/// written by Doorgroei, not by hand.
pub fn load_roster_json(file: &str, text: &str, ladder: &Ladder) -> Result<Roster, LoadErrors> {
    load_roster_json_checked(file, text, ladder).map(|l| l.value)
}

/// [`load_roster_json`] with the warnings (without positions).
pub fn load_roster_json_checked(
    file: &str,
    text: &str,
    ladder: &Ladder,
) -> Result<Loaded<Roster>, LoadErrors> {
    check_limit(file, text.len(), MAX_JSON_FORM_BYTES)?;
    let file_data: RosterFile = serde_json::from_str(text).map_err(|e| json_error(file, &e))?;
    super::check_schema(&file_data.schema, ROSTER_SCHEMA)
        .map_err(|p| errors_at(file, vec![p], |_| None))?;
    build_json(file, file_data, ladder)
}

/// A roster in its JSON form, or None when it is not a valid roster for
/// `ladder`: for the web page, which has the worker word the problems
/// ([`load_roster_json`]) so that no message text is in its own build.
pub fn roster_from_json(text: &str, ladder: &Ladder) -> Option<Roster> {
    roster_from_file(roster_file_from_json(text)?, ladder)
}

/// The first half of [`roster_from_json`]: the file decoded, not yet read
/// against a ladder ([`roster_from_file`]). A room's module does the two
/// halves in tasks of their own.
pub fn roster_file_from_json(text: &str) -> Option<RosterFile> {
    if text.len() > MAX_JSON_FORM_BYTES {
        return None;
    }
    serde_json::from_str(text).ok()
}

/// [`roster_from_json`] for a roster file already decoded (the worker's
/// answer to an import carries one).
pub fn roster_from_file(file_data: RosterFile, ladder: &Ladder) -> Option<Roster> {
    super::check_schema(&file_data.schema, ROSTER_SCHEMA).ok()?;
    build_json("", file_data, ladder).ok().map(|l| l.value)
}

fn build_json(
    file: &str,
    file_data: RosterFile,
    ladder: &Ladder,
) -> Result<Loaded<Roster>, LoadErrors> {
    let people_path = Path::default().field("people");
    let located: Vec<(Path, PersonFile)> = file_data
        .people
        .into_iter()
        .enumerate()
        .map(|(i, p)| (people_path.index(i), p))
        .collect();
    let pair_paths: Vec<Path> = (0..file_data.pairs.len())
        .map(|i| Path::default().field("pairs").index(i))
        .collect();
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let input = Input {
        people: located,
        pairs: file_data.pairs,
        pair_paths: &pair_paths,
        locate: &|_| None,
    };
    match build::<false>(input, ladder, &mut problems, &mut warnings) {
        Some(roster) if problems.is_empty() => Ok(Loaded {
            value: roster,
            warnings: errors_at(file, warnings, |_| None),
        }),
        _ => Err(errors_at(file, problems, |_| None)),
    }
}

/// Turns bytes into text: UTF-8 (a byte-order mark is dropped) or, when the
/// bytes are not UTF-8, Windows-1252 as older Excel versions write it.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// Turns a roster file's bytes into text as [`decode_text`] does, but
/// refuses text that is UTF-8 with a few bytes that are not (one `é`
/// typed in another program): reading the whole file as Windows-1252
/// would turn every other accent into two wrong characters. The first
/// byte that is not UTF-8 is an error at its line and column. A file with
/// no UTF-8 character beyond ASCII at all is Windows-1252.
pub fn decode_roster_text(file: &str, bytes: &[u8]) -> Result<String, LoadErrors> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Err(e) = std::str::from_utf8(body) else {
        return Ok(decode_text(bytes));
    };
    let has_bom = body.len() < bytes.len();
    let utf8_beyond_ascii = has_bom
        || body
            .utf8_chunks()
            .any(|chunk| chunk.valid().bytes().any(|b| b >= 0x80));
    if !utf8_beyond_ascii {
        return Ok(decode_text(bytes));
    }
    let before = &body[..e.valid_up_to()];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .map_or(0, |i| i + 1);
    let line = 1 + (0..before.len()).filter(|&i| line_end(before, i)).count();
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Err(LoadErrors(vec![LoadError {
        file: file.to_string(),
        pos: Some(Pos { line, column }),
        path: String::new(),
        kind: ErrorKind::Unreadable(crate::error::ReadProblem::MixedEncoding),
        sheet: None,
    }]))
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The CSV column names, in the order `roster_to_csv` writes them.
pub const CSV_COLUMNS: [&str; 26] = [
    "id",
    "name",
    "role",
    "team",
    "location",
    "manager",
    "specialisms",
    "languages",
    "days",
    "hours",
    "career_switcher",
    "start",
    "needs_mentor",
    "capacity",
    "coaching",
    "prefers",
    "avoids",
    "email",
    "absent",
    "intervisie",
    "last_supervision",
    "leaves",
    "earlier_mentors",
    "registered",
    "mentor",
    "locked",
];
/// Where a CSV text has a quoted field that is never closed: the position of
/// its opening `"`, and the byte where its row starts. The csv reader would
/// take the rest of the file into that one field and say nothing; we report
/// the quote and read the rows before it. Follows csv-core's rules: a field
/// is quoted when `"` is its first byte, `""` inside is a quote, and a row
/// ends at `\n`, `\r` or `\r\n`.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<(Pos, usize)> {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Field,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let (mut line, mut line_start, mut row_start) = (1, 0, 0);
    let mut open = (Pos { line: 1, column: 1 }, 0);
    for (i, b) in text.bytes().enumerate() {
        let end_of_row = b == b'\n' || b == b'\r';
        state = match state {
            State::Quoted if b == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::QuoteInQuoted if b == b'"' => State::Quoted,
            State::FieldStart if b == b'"' => {
                let column = text[line_start..i].chars().count() + 1;
                open = (Pos { line, column }, row_start);
                State::Quoted
            }
            _ if b == delimiter => State::FieldStart,
            _ if end_of_row => {
                row_start = i + 1;
                State::FieldStart
            }
            _ => State::Field,
        };
        if line_end(text.as_bytes(), i) {
            line += 1;
            line_start = i + 1;
        }
    }
    (state == State::Quoted).then_some(open)
}

/// A problem the csv reader reports, in our own words. Our text is valid
/// UTF-8 and the reader is flexible about row lengths, so these are all but
/// impossible; they are mapped rather than shown in the reader's English.
fn csv_problem(err: &csv::Error) -> SyntaxProblem {
    match err.kind() {
        csv::ErrorKind::Utf8 { .. } => SyntaxProblem::Encoding,
        _ => SyntaxProblem::Other(err.to_string()),
    }
}

/// Reads a CSV roster: `;` or `,` (or tab) separated, detected from the
/// header; UTF-8 with or without BOM, or Windows-1252; quoted fields may hold
/// newlines. Multi-value cells use `|`. A mentee's existing mentor goes in
/// the `mentor` column, with `locked` = ja to lock the pair. A quoted field
/// that is never closed and a column named twice in the header are errors.
pub fn load_roster_csv(file: &str, bytes: &[u8], ladder: &Ladder) -> Result<Roster, LoadErrors> {
    load_roster_csv_checked(file, bytes, ladder, &ReadOptions::default()).map(|l| l.value)
}

/// How a roster table (CSV or spreadsheet) is read: which column holds
/// which field (guessed from the headers when not given) and, for a
/// spreadsheet, which sheet (the first when not given).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadOptions {
    /// The columns, as a columns file says them.
    pub columns: Option<ColumnsFile>,
    /// The sheet of a spreadsheet.
    pub sheet: Option<String>,
}

fn load_roster_csv_checked(
    file: &str,
    bytes: &[u8],
    ladder: &Ladder,
    options: &ReadOptions,
) -> Result<Loaded<Roster>, LoadErrors> {
    let (table, errors) = csv_table(file, bytes)?;
    load_table(file, &table, options.columns.as_ref(), ladder, errors)
}

/// The delimiter of a CSV text: of `;`, `,` and tab, the one that one of
/// the first ten lines has most of (a header row has many, a title row
/// above it few); `;` on a tie.
fn csv_delimiter(text: &str) -> u8 {
    // The delimiter that makes a header row appear, the one with the most
    // roster fields; cells are split plainly (a quoted header is rare).
    let head: Vec<&str> = text.lines().take(TITLE_ROWS).collect();
    let fields = |d: u8| -> usize {
        let rows: Vec<Vec<&str>> = head
            .iter()
            .map(|l| l.split(char::from(d)).collect())
            .collect();
        match header_row(
            rows.iter().map(|r| r.iter().map(|c| c.trim_matches('"'))),
            TITLE_ROWS,
        ) {
            Some(h) => rows[h]
                .iter()
                .filter(|c| recognise(c.trim_matches('"')).is_some())
                .count(),
            None => 0,
        }
    };
    if let Some(d) = [b';', b',', b'\t']
        .into_iter()
        .filter(|&d| fields(d) > 0)
        .max_by_key(|&d| (fields(d), d == b';'))
    {
        return d;
    }
    let most = |d: u8| {
        text.lines()
            .take(10)
            .map(|l| l.bytes().filter(|&b| b == d).count())
            .max()
            .unwrap_or(0)
    };
    [b'\t', b',', b';']
        .into_iter()
        .max_by_key(|&d| most(d))
        .unwrap_or(b';')
}

/// The rows of a CSV file, each with its line: `;`, `,` or tab separated
/// ([`csv_delimiter`]); UTF-8 with or without BOM, or Windows-1252; LF,
/// CRLF or CR line ends; quoted fields may hold newlines. A quoted field
/// that is never closed is reported and the rows before it are read. The
/// problems found come back beside the table.
pub fn csv_table(file: &str, bytes: &[u8]) -> Result<(Table, Vec<LoadError>), LoadErrors> {
    check_size(file, bytes.len())?;
    let text = decode_roster_text(file, bytes)?;
    let delimiter = csv_delimiter(&text);
    let mut errors = Vec::new();
    let syntax = |problem| ErrorKind::Syntax {
        format: TextFormat::Csv,
        problem,
        context: None,
    };
    let at = |line: usize, column: usize, kind: ErrorKind| LoadError {
        file: file.to_string(),
        pos: Some(Pos { line, column }),
        path: String::new(),
        kind,
        sheet: None,
    };
    // The rows before an unclosed quote are read; its row and the rest are not.
    let mut readable = text.as_str();
    if let Some((pos, row_start)) = unclosed_quote(&text, delimiter) {
        errors.push(at(
            pos.line,
            pos.column,
            syntax(SyntaxProblem::UnclosedQuote),
        ));
        readable = &text[..row_start];
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(readable.as_bytes());
    // The csv crate counts a CRLF line end as no line at all: count the
    // line ends before each record's first byte instead.
    let mut lines_to = LineCounter::new(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| lines_to.line(p.byte()));
                let cells = record
                    .iter()
                    .map(|c| {
                        if c.trim().is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(c.to_string())
                        }
                    })
                    .collect();
                rows.push(Row { at: line, cells });
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| lines_to.line(p.byte()));
                errors.push(at(line, 1, syntax(csv_problem(&e))));
            }
        }
    }
    Ok((Table { sheet: None, rows }, errors))
}

/// The rows of a roster table: a spreadsheet's sheet (the first when
/// `sheet` is `None`) or a CSV file's rows, with the problems the CSV
/// reader found beside them.
pub fn roster_table(
    file: &str,
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<(Table, Vec<LoadError>), LoadErrors> {
    if super::spreadsheet::is_spreadsheet(file, bytes) {
        Ok((
            super::spreadsheet::sheet_table(file, bytes, sheet)?,
            Vec::new(),
        ))
    } else {
        csv_table(file, bytes)
    }
}

/// How many rows at the top may be titles above the header row.
const TITLE_ROWS: usize = 20;

/// The first of a table's first rows that names two roster fields or
/// more, if one does.
fn header_index(table: &Table) -> Option<usize> {
    let texts: Vec<Vec<String>> = table
        .rows
        .iter()
        .take(TITLE_ROWS)
        .map(|r| r.cells.iter().map(Cell::text).collect())
        .collect();
    header_row(
        texts.iter().map(|r| r.iter().map(String::as_str)),
        TITLE_ROWS,
    )
}

/// The header row of a table: the first of its first rows that names two
/// roster fields or more, the first row when none does.
pub fn table_header(table: &Table) -> usize {
    header_index(table).unwrap_or(0)
}

/// The header row of a table ([`table_header`]), or the problem that
/// there is none (placed at the table's first row, quoting no cell).
pub fn find_header(file: &str, table: &Table) -> Result<usize, LoadErrors> {
    header_index(table).ok_or_else(|| {
        LoadErrors(vec![LoadError {
            file: file.to_string(),
            pos: Some(Pos {
                line: table.rows.first().map_or(1, |r| r.at),
                column: 1,
            }),
            path: String::new(),
            kind: ErrorKind::NoHeaderRow,
            sheet: table.sheet.clone(),
        }])
    })
}

/// The fte a table may give for a week of `full_time` hours: from the
/// least that makes 1 hour to the most that makes 80 (both to the
/// hundredth, inwards), at most 2 (`0.03..=2` for 36 hours).
fn fte_range(full_time: f64) -> (f64, f64) {
    let min = (100.0 / full_time).ceil() / 100.0;
    let max = ((8000.0 / full_time).floor() / 100.0).min(2.0);
    (min, max)
}

/// A number of 0 to 80 in hundredths (`0.03` is 3).
fn hundredths(n: f64) -> u32 {
    (n * 100.0).round() as u32
}

/// A list cell's items: split at any of `separators`, trimmed, empty ones
/// dropped.
fn items(text: &str, separators: &[char]) -> Vec<String> {
    text.split(|c| separators.contains(&c))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn cell_bool(cell: &Cell) -> Option<bool> {
    match cell {
        Cell::Bool(b) => Some(*b),
        Cell::Number(n) if *n == 1.0 => Some(true),
        Cell::Number(n) if *n == 0.0 => Some(false),
        other => read_bool(&other.text()),
    }
}

fn cell_number(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Number(n) => Some(*n).filter(|n| n.is_finite()),
        other => read_number(&other.text()),
    }
}

fn cell_date(cell: &Cell) -> Option<Date> {
    match cell {
        Cell::Date(d) => Some(*d),
        other => read_date(&other.text()),
    }
}

/// Reads people from a table (a CSV file's rows or a sheet's): finds the
/// header row below any title rows, gives each column its field (as
/// `columns` says, or recognised from the headers), names the columns it
/// does not use once (a warning) and never reads their cells, and reads
/// each row's cells in the forms HR exports write (Dutch dates, day lists,
/// yes/no words, decimal commas). `errors` are problems the reader found
/// already. Problems are placed at the row's line and the column (a
/// spreadsheet's as `Blad1!C7`).
pub fn load_table(
    file: &str,
    table: &Table,
    columns: Option<&ColumnsFile>,
    ladder: &Ladder,
    mut errors: Vec<LoadError>,
) -> Result<Loaded<Roster>, LoadErrors> {
    let sheet = table.sheet.clone();
    let error = |line: usize, col: usize, path: &str, kind: ErrorKind| LoadError {
        file: file.to_string(),
        pos: Some(Pos {
            line,
            column: col + 1,
        }),
        path: path.to_string(),
        kind,
        sheet: sheet.clone(),
    };
    let sorted = |mut errors: Vec<LoadError>| {
        sort::sort_by_key(&mut errors, |e| {
            e.pos.map_or((usize::MAX, 0), |p| (p.line, p.column))
        });
        LoadErrors(errors)
    };
    if table.rows.is_empty() {
        return if errors.is_empty() {
            Ok(Loaded {
                value: Roster::default(),
                warnings: LoadErrors(Vec::new()),
            })
        } else {
            Err(sorted(errors))
        };
    }
    let texts = |r: &Row| -> Vec<String> { r.cells.iter().map(Cell::text).collect() };
    // With a columns file, the header row is the first that has every
    // header it names; otherwise the first that names two roster fields.
    let found = match columns {
        Some(c) => table
            .rows
            .iter()
            .take(TITLE_ROWS)
            .position(|r| c.apply(&texts(r)).is_ok()),
        None => None,
    };
    let h = match (found, columns) {
        (Some(h), _) => h,
        // The columns file's own message says which header is missing.
        (None, Some(_)) => table_header(table),
        (None, None) => match find_header(file, table) {
            Ok(h) => h,
            Err(none) => {
                errors.extend(none.0);
                return Err(sorted(errors));
            }
        },
    };
    let header = &table.rows[h];
    let headers: Vec<String> = texts(header);
    let named: Vec<String> = headers.iter().filter(|h| !h.is_empty()).cloned().collect();
    let map = match columns {
        Some(c) => match c.apply(&headers) {
            Ok(m) => m,
            Err(missing) => {
                for (field, wanted) in missing {
                    errors.push(error(
                        header.at,
                        0,
                        "",
                        ErrorKind::ColumnNotFound {
                            field: field.key().into(),
                            header: wanted,
                        },
                    ));
                }
                return Err(sorted(errors));
            }
        },
        None => ColumnMap::guess(&headers),
    };
    let missing = map.missing();
    for field in &missing {
        errors.push(error(
            header.at,
            0,
            "",
            ErrorKind::MissingColumn {
                field: field.key().into(),
                headers: named.clone(),
            },
        ));
    }
    if !missing.is_empty() {
        return Err(sorted(errors));
    }
    // Two columns that name a field equally well: which one counts would
    // be a guess.
    if columns.is_none() {
        for (c, h) in headers.iter().enumerate() {
            let Some((field, rank)) = recognise(h) else {
                continue;
            };
            let Some(&used) = map.fields.get(&field) else {
                continue;
            };
            if used < c && recognise(&headers[used]).map(|r| r.1) == Some(rank) {
                errors.push(error(
                    header.at,
                    c,
                    h,
                    ErrorKind::DuplicateColumn {
                        name: h.clone(),
                        first: used + 1,
                    },
                ));
            }
        }
    }
    // Unused columns are named together; a header close to a name of a
    // field no column holds is probably that field misspelt: the warning
    // says which.
    let mut warnings: Vec<LoadError> = Vec::new();
    let free: Vec<Field> = Field::all()
        .filter(|f| !map.fields.contains_key(f))
        .collect();
    let mut unused: Vec<String> = Vec::new();
    let mut near: Vec<(String, String)> = Vec::new();
    for &c in &map.unused {
        let Some(h) = headers.get(c).filter(|h| !h.is_empty()) else {
            continue;
        };
        // A header that names a field already was left out of a columns
        // file on purpose: nothing to hint.
        let chosen = columns.is_some() && recognise(h).is_some();
        if let Some(field) = near_field(h, &free).filter(|_| !chosen) {
            near.push((h.clone(), field.key().to_string()));
        }
        unused.push(h.clone());
    }
    if !unused.is_empty() {
        warnings.push(error(
            header.at,
            0,
            "",
            ErrorKind::UnusedColumns {
                headers: unused,
                near,
                by_columns_file: columns.is_some(),
            },
        ));
    }
    // Columns with data below a blank header: not read either, named by
    // their place (their values are never quoted).
    let data = &table.rows[h + 1..];
    let unnamed: Vec<usize> = (0..headers.len())
        .filter(|&c| headers[c].is_empty() && !map.fields.values().any(|&f| f == c))
        .filter(|&c| {
            data.iter()
                .any(|r| r.cells.get(c).is_some_and(|x| !x.is_blank()))
        })
        .collect();
    if !unnamed.is_empty() {
        warnings.push(error(
            header.at,
            unnamed[0],
            "",
            ErrorKind::UnnamedColumns(unnamed.iter().map(|c| c + 1).collect()),
        ));
    }
    let column = |f: Field| map.fields.get(&f).copied();
    let header_of = |c: usize| headers.get(c).cloned().unwrap_or_default();
    let full_time = ladder.part_time().full_time_hours;
    let mut people: Vec<(Path, PersonFile)> = Vec::new();
    let mut pairs = Vec::new();
    let mut pair_paths = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    for row in &table.rows[h + 1..] {
        let cell_at = |c: usize| row.cells.get(c).filter(|x| !x.is_blank());
        if map.fields.values().all(|&c| cell_at(c).is_none()) {
            continue;
        }
        if people.len() >= MAX_PEOPLE {
            errors.push(error(
                row.at,
                0,
                "",
                ErrorKind::TooMany {
                    what: Counted::People,
                    count: people.len() + 1,
                    limit: MAX_PEOPLE,
                },
            ));
            break;
        }
        // A row with more cells than the header is misaligned: none of its
        // cells is where its header says, so it is not read (nor quoted).
        if let Some(last) = (headers.len()..row.cells.len())
            .rev()
            .find(|&c| cell_at(c).is_some())
        {
            errors.push(error(
                row.at,
                last,
                "",
                ErrorKind::TooManyCells {
                    cells: last + 1,
                    header: headers.len(),
                },
            ));
            continue;
        }
        let mut values = Mapping::new();
        let mut put = |key: &str, value: Value| {
            values.insert(Value::String(key.into()), value);
        };
        let (mut mentor, mut locked) = (None, false);
        // Fields whose cell was refused: not also "missing".
        let mut refused: Vec<&str> = Vec::new();
        for (&field, &c) in &map.fields {
            let Some(cell) = cell_at(c) else { continue };
            let text = cell.text();
            let found = match cell {
                Cell::Number(_) => Found::Number(text.clone()),
                _ => Found::Text(text.clone()),
            };
            let bad = |expected| {
                error(
                    row.at,
                    c,
                    &header_of(c),
                    ErrorKind::InvalidValue {
                        expected,
                        found: found.clone(),
                    },
                )
            };
            // What a spreadsheet's cell may hold that the field cannot
            // read: said at the cell, never read as something else.
            let number_field = matches!(field, Field::Hours | Field::Capacity | Field::Fte);
            let text_field = !number_field
                && !matches!(
                    field,
                    Field::Start
                        | Field::LastSupervision
                        | Field::Leaves
                        | Field::Registered
                        | Field::Absent
                        | Field::CareerSwitcher
                        | Field::NeedsMentor
                        | Field::Coaching
                        | Field::Intervisie
                        | Field::Locked
                );
            let problem = match cell {
                Cell::NoValue => Some(ErrorKind::FormulaWithoutValue),
                Cell::Bool(b) if number_field => Some(ErrorKind::InvalidType {
                    expected: Expected::Number {
                        min: None,
                        max: None,
                    },
                    found: Found::YesNoCell(*b),
                }),
                // An id of 16 digits or more kept as a number has lost its
                // last digits already.
                Cell::Number(n) if text_field && n.abs() >= 1e15 => Some(ErrorKind::InvalidValue {
                    expected: Expected::ExactNumber,
                    found: found.clone(),
                }),
                _ => None,
            };
            if let Some(kind) = problem {
                errors.push(error(row.at, c, &header_of(c), kind));
                refused.push(field.key());
                continue;
            }
            match field {
                Field::FirstName | Field::Infix | Field::LastName => {}
                Field::Mentor => mentor = Some(text),
                Field::Locked => match cell_bool(cell) {
                    Some(b) => locked = b,
                    None => errors.push(bad(Expected::YesNo)),
                },
                Field::Specialisms | Field::Languages => put(
                    field.key(),
                    Value::Sequence(
                        items(&text, &['|', ',', ';'])
                            .into_iter()
                            .map(Value::String)
                            .collect(),
                    ),
                ),
                Field::Prefers | Field::Avoids | Field::EarlierMentors => put(
                    field.key(),
                    Value::Sequence(
                        items(&text, &['|', ';'])
                            .into_iter()
                            .map(Value::String)
                            .collect(),
                    ),
                ),
                Field::Days => {
                    let (mut days, mut bad) = (Vec::new(), false);
                    // A word that is no day, said with the words a table
                    // may hold (English ones in English).
                    for day in read_days(&text) {
                        match day {
                            Ok(d) => days.push(Value::String(d.code().into())),
                            Err(word) => {
                                bad = true;
                                errors.push(error(
                                    row.at,
                                    c,
                                    &header_of(c),
                                    ErrorKind::InvalidValue {
                                        expected: Expected::Day,
                                        found: Found::Text(word),
                                    },
                                ));
                            }
                        }
                    }
                    if bad {
                        refused.push(field.key());
                    } else {
                        put(field.key(), Value::Sequence(days));
                    }
                }
                Field::Hours => put(
                    field.key(),
                    cell_number(cell).map_or(Value::String(text), |n| Value::Number(n.into())),
                ),
                Field::Capacity => put(
                    field.key(),
                    match cell_number(cell) {
                        Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => {
                            Value::Number((n as u64).into())
                        }
                        Some(n) => Value::Number(n.into()),
                        None => Value::String(text),
                    },
                ),
                Field::Fte => {
                    // The hours are from the fte when no hours are given:
                    // an fte for 1 to 80 hours (to the hundredth, inwards),
                    // at most 2. Said in fte: the cell holds no hours.
                    let (min, max) = fte_range(full_time);
                    let used = column(Field::Hours).and_then(cell_at).is_none();
                    match cell_number(cell) {
                        Some(fte) if used && (min..=max).contains(&fte) => {
                            // To a tenth of an hour: an fte of 0.8889 is 32 hours.
                            let hours = (fte * full_time * 10.0).round() / 10.0;
                            put("hours", Value::Number(hours.into()));
                        }
                        Some(fte) if !used && (0.0..=2.0).contains(&fte) => {}
                        _ if used => errors.push(bad(Expected::Fte {
                            min: hundredths(min),
                            max: hundredths(max),
                            full_time: hundredths(full_time),
                        })),
                        _ => errors.push(bad(Expected::Number {
                            min: Some(0),
                            max: Some(2),
                        })),
                    }
                }
                // A table's yes/no: `ja of nee` (and the other words), not
                // YAML's true or false.
                Field::CareerSwitcher
                | Field::NeedsMentor
                | Field::Coaching
                | Field::Intervisie => match cell_bool(cell) {
                    Some(b) => put(field.key(), Value::Bool(b)),
                    None => errors.push(bad(Expected::YesNo)),
                },
                Field::Start | Field::LastSupervision | Field::Leaves | Field::Registered => {
                    match cell_date(cell) {
                        Some(d) => put(field.key(), Value::String(Iso(d).to_string())),
                        None => errors.push(bad(Expected::DateDayFirst)),
                    }
                }
                Field::Absent => {
                    let mut periods = Vec::new();
                    let list = match cell {
                        Cell::Date(d) => vec![Iso(*d).to_string()],
                        _ => items(&text, &['|', ';', ',']),
                    };
                    for item in list {
                        match read_period(&item) {
                            Some((from, to)) => {
                                periods.push(Value::String(period_text(from, to)));
                            }
                            None => errors.push(error(
                                row.at,
                                c,
                                &header_of(c),
                                ErrorKind::InvalidValue {
                                    expected: Expected::PeriodDayFirst,
                                    found: Found::Text(item),
                                },
                            )),
                        }
                    }
                    put(field.key(), Value::Sequence(periods));
                }
                Field::Id
                | Field::Name
                | Field::Role
                | Field::Team
                | Field::Location
                | Field::Manager
                | Field::Email => put(field.key(), Value::String(text)),
            }
        }
        if column(Field::Name).and_then(cell_at).is_none() {
            let parts: Vec<String> = [Field::FirstName, Field::Infix, Field::LastName]
                .into_iter()
                .filter_map(|f| column(f).and_then(cell_at).map(Cell::text))
                .collect();
            if !parts.is_empty() {
                put("name", Value::String(parts.join(" ")));
            }
        }
        let path = Path::default().field("people").index(lines.len());
        lines.push(row.at);
        match decode::<PersonFile>(&Value::Mapping(values), &path) {
            Ok(person) => {
                if let Some(mentor) = mentor {
                    pairs.push(Pair {
                        mentee: person.id.clone(),
                        mentor,
                        locked,
                        ..Default::default()
                    });
                    pair_paths.push(path.field("mentor"));
                }
                people.push((path, person));
            }
            Err(p) => {
                let said =
                    matches!(&p.kind, ErrorKind::MissingField(k) if refused.contains(&k.as_str()));
                if !said {
                    problems.push(p);
                }
            }
        }
    }
    // A problem's path names a row (people[i]) and maybe a field: point at
    // the row's line and the field's column.
    let place = |path: &Path| -> (usize, usize, String) {
        let row = match path.0.get(1) {
            Some(crate::yaml::Seg::Index(i)) => *i,
            _ => 0,
        };
        let key = match path.0.get(2) {
            Some(crate::yaml::Seg::Field(n) | crate::yaml::Seg::Key(n)) => n.as_str(),
            _ => "",
        };
        let col = Field::from_key(key).and_then(|f| {
            let stand_in = match f {
                Field::Name => Field::LastName,
                Field::Hours => Field::Fte,
                other => other,
            };
            column(f).or_else(|| column(stand_in))
        });
        let label = col.map_or_else(|| key.to_string(), header_of);
        (
            lines.get(row).copied().unwrap_or(0),
            col.unwrap_or(0),
            label,
        )
    };
    let mut found = Vec::new();
    let input = Input {
        people,
        pairs,
        pair_paths: &pair_paths,
        locate: &|path| {
            let (line, col, _) = place(path);
            Some(Pos {
                line,
                column: col + 1,
            })
        },
    };
    let roster = build::<true>(input, ladder, &mut problems, &mut found);
    for p in problems {
        let (line, col, label) = place(&p.path);
        // A field the row leaves empty: named and placed by its column.
        if let ErrorKind::MissingField(key) = &p.kind {
            if let Some(c) = Field::from_key(key).and_then(column) {
                let kind = ErrorKind::MissingField(header_of(c));
                errors.push(error(line, c, "", kind));
                continue;
            }
        }
        errors.push(error(line, col, &label, p.kind));
    }
    for w in found {
        let (line, col, label) = place(&w.path);
        warnings.push(error(line, col, &label, w.kind));
    }
    match roster {
        Some(value) if errors.is_empty() => Ok(Loaded {
            value,
            warnings: sorted(warnings),
        }),
        _ => Err(sorted(errors)),
    }
}

/// Line numbers from byte offsets, for offsets that only grow.
struct LineCounter<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a [u8]) -> Self {
        LineCounter {
            text,
            at: 0,
            line: 1,
        }
    }

    /// The line (from 1) of the record that starts at byte `offset`. (With
    /// CRLF line ends the csv crate ends a record at the CR, so the next one
    /// "starts" at the LF: line ends at the offset belong before it.)
    fn line(&mut self, offset: u64) -> usize {
        let mut offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        if offset < self.at {
            self.at = 0;
            self.line = 1;
        }
        self.line += (self.at..offset)
            .filter(|&i| line_end(self.text, i))
            .count();
        self.at = offset;
        self.line
    }
}

/// Whether byte `i` ends a line: a LF, or a CR not followed by a LF (old
/// Mac files end lines with CR alone).
fn line_end(text: &[u8], i: usize) -> bool {
    match text.get(i) {
        Some(b'\n') => true,
        Some(b'\r') => text.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// What [`build`] checks: the decoded people and pairs, where each pair
/// is, and how to find a path's position (for "first on line …").
struct Input<'a> {
    people: Vec<(Path, PersonFile)>,
    pairs: Vec<Pair>,
    pair_paths: &'a [Path],
    locate: &'a dyn Fn(&Path) -> Option<Pos>,
}

/// Checks the decoded people and pairs against each other and the ladder;
/// with `NAMES`, first puts ids for roles and people written by name (files
/// people write; Doorgroei's own JSON form has ids, and the web page, which
/// reads only that form, is built without the name lookup).
/// Problems are added to `problems`, warnings to `warnings`; the roster
/// comes back either way when it could be built (the caller decides
/// whether problems forbid it).
fn build<const NAMES: bool>(
    input: Input<'_>,
    ladder: &Ladder,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) -> Option<Roster> {
    let Input {
        mut people,
        mut pairs,
        pair_paths,
        locate,
    } = input;
    let before = problems.len();
    if NAMES {
        resolve_names(&mut people, &mut pairs, pair_paths, ladder, problems);
    }
    // Where a name was ambiguous, that is the problem: not also "unknown".
    let ambiguous: BTreeSet<String> = if NAMES {
        problems[before..]
            .iter()
            .map(|p| p.path.to_string())
            .collect()
    } else {
        BTreeSet::new()
    };
    // (Lookups in a hash map: 3,000 people are checked in the browser.)
    let ids: Ids<()> = people.iter().map(|(_, p)| (p.id.as_str(), ())).collect();
    let mut id_list: Vec<&str> = ids.keys().copied().collect();
    sort::sort(&mut id_list);
    let unknown_person = |id: &str| ErrorKind::UnknownPerson {
        id: id.to_string(),
        suggestion: closest(id, id_list.iter().copied()).map(str::to_string),
    };
    let mut first: Ids<&Path> = Ids::default();
    let mut out = Vec::with_capacity(people.len());
    for (path, p) in &people {
        if p.id.trim().is_empty() {
            problems.push(Problem::new(
                path.field("id"),
                ErrorKind::InvalidValue {
                    expected: Expected::NonEmptyId,
                    found: Found::Text(p.id.clone()),
                },
            ));
        }
        if let Some(earlier) = first.get(p.id.as_str()) {
            problems.push(Problem::new(
                path.field("id"),
                ErrorKind::DuplicatePerson {
                    id: p.id.clone(),
                    first: locate(&earlier.field("id")),
                },
            ));
        } else {
            first.insert(p.id.as_str(), path);
        }
        if let Some(capacity) = p.capacity.filter(|&c| c > MAX_CAPACITY) {
            problems.push(Problem::new(
                path.field("capacity"),
                ErrorKind::InvalidValue {
                    expected: Expected::WholeNumber {
                        min: Some(0),
                        max: Some(i64::from(MAX_CAPACITY)),
                    },
                    found: Found::Number(capacity.to_string()),
                },
            ));
        }
        // Checked here for every form (YAML, tables, the JSON form): an
        // address goes into calendar files as it is.
        if let Some(email) = p.email.as_deref().filter(|e| !is_email(e)) {
            problems.push(Problem::new(
                path.field("email"),
                ErrorKind::InvalidValue {
                    expected: Expected::Email,
                    found: Found::Text(email.to_string()),
                },
            ));
        }
        if p.manager.as_deref() == Some(p.id.as_str()) {
            warnings.push(Problem::new(
                path.field("manager"),
                ErrorKind::OwnManager(p.id.clone()),
            ));
        }
        if ladder.role(&p.role).is_none() {
            // Files people write may name a role: suggest names too (before
            // the id, which a person reads less easily).
            let names = ladder.roles().map(|(_, r)| {
                let names = [r.name.nl.as_str(), r.name.en.as_str()];
                names
                    .into_iter()
                    .filter(|_| NAMES)
                    .chain(std::iter::once(r.id.as_str()))
            });
            // (The page's builder, without names, gives the nearest id
            // only: the fuller search stays off the page.)
            let suggestions = if NAMES {
                closest_few(&p.role, names)
            } else {
                let ids = ladder.roles().map(|(_, r)| r.id.as_str());
                closest(&p.role, ids)
                    .map(str::to_string)
                    .into_iter()
                    .collect()
            };
            problems.push(Problem::new(
                path.field("role"),
                ErrorKind::UnknownRole {
                    id: p.role.clone(),
                    suggestions,
                },
            ));
        }
        for (field, list) in [
            ("prefers", &p.prefers),
            ("avoids", &p.avoids),
            ("earlier_mentors", &p.earlier_mentors),
        ] {
            for (i, id) in list.iter().enumerate() {
                let at = path.field(field).index(i);
                let said = NAMES && ambiguous.contains(&at.to_string());
                if !ids.contains_key(id.as_str()) && !said {
                    problems.push(Problem::new(at, unknown_person(id)));
                }
            }
        }
        if let Some(m) = p.manager.as_deref().filter(|m| !ids.contains_key(m)) {
            if !(NAMES && ambiguous.contains(&path.field("manager").to_string())) {
                problems.push(Problem::new(path.field("manager"), unknown_person(m)));
            }
        }
        if p.days.is_empty() {
            problems.push(Problem::new(
                path.field("days"),
                ErrorKind::InvalidValue {
                    expected: Expected::WorkingDays,
                    found: Found::EmptyList,
                },
            ));
        }
        if !(p.hours.is_finite() && (1.0..=80.0).contains(&p.hours)) {
            problems.push(Problem::new(
                path.field("hours"),
                ErrorKind::InvalidValue {
                    expected: Expected::Hours { min: 1, max: 80 },
                    found: Found::Number(p.hours.to_string()),
                },
            ));
        }
        let mut date = |field: &str, text: Option<&str>| match text {
            None => None,
            Some(text) => match crate::dates::parse_date(text) {
                Some(d) => Some(d),
                None => {
                    problems.push(Problem::new(
                        path.field(field),
                        ErrorKind::InvalidValue {
                            expected: Expected::Date,
                            found: Found::Text(text.to_string()),
                        },
                    ));
                    None
                }
            },
        };
        let start = date("start", p.start.as_deref());
        let last_supervision = date("last_supervision", p.last_supervision.as_deref());
        let leaves = date("leaves", p.leaves.as_deref());
        let registered = date("registered", p.registered.as_deref());
        let mut absent = Vec::new();
        for (k, text) in p.absent.iter().enumerate() {
            match parse_period(text) {
                Some(period) => absent.push(period),
                None => problems.push(Problem::new(
                    path.field("absent").index(k),
                    ErrorKind::InvalidValue {
                        expected: Expected::DateOrPeriod,
                        found: Found::Text(text.clone()),
                    },
                )),
            }
        }
        out.push(Person {
            absent,
            id: p.id.clone(),
            name: p.name.clone(),
            role: p.role.clone(),
            team: p.team.clone(),
            location: p.location.clone(),
            manager: p.manager.clone(),
            specialisms: p.specialisms.clone(),
            languages: p.languages.clone(),
            days: Days::of(p.days.iter().copied()),
            hours: p.hours,
            career_switcher: p.career_switcher,
            start,
            needs_mentor: p.needs_mentor,
            capacity: p.capacity.unwrap_or(0),
            capacity_default: p.capacity.is_none(),
            coaching: p.coaching,
            prefers: p.prefers.clone(),
            avoids: p.avoids.clone(),
            email: p.email.clone(),
            intervisie: p.intervisie,
            last_supervision,
            leaves,
            earlier_mentors: p.earlier_mentors.clone(),
            registered,
        });
    }
    let mut mentees: Ids<&Path> = Ids::default();
    for (pair, path) in pairs.iter().zip(pair_paths) {
        for (field, id) in [("mentee", &pair.mentee), ("mentor", &pair.mentor)] {
            if !ids.contains_key(id.as_str()) {
                let at = if path.0.last() == Some(&crate::yaml::Seg::Field("mentor".into())) {
                    path.clone()
                } else {
                    path.field(field)
                };
                if !(NAMES && ambiguous.contains(&at.to_string())) {
                    problems.push(Problem::new(at, unknown_person(id)));
                }
            }
        }
        if pair.mentee == pair.mentor {
            problems.push(Problem::new(
                path.clone(),
                ErrorKind::SelfPair(pair.mentee.clone()),
            ));
        }
        // A mentee has one running pair; pairs with an end are history,
        // as many as there were.
        if pair.ended.is_some() {
            continue;
        }
        if let Some(earlier) = mentees.get(pair.mentee.as_str()) {
            problems.push(Problem::new(
                path.clone(),
                ErrorKind::DuplicatePair {
                    mentee: pair.mentee.clone(),
                    first: locate(earlier),
                },
            ));
        } else {
            mentees.insert(pair.mentee.as_str(), path);
        }
    }
    manager_cycles(&people, warnings);
    Some(Roster { people: out, pairs })
}

/// Roles written by name and people by full name, as HR exports write
/// them, replaced by their ids: a role by its id in any case or its Dutch or
/// English name (case, accents and punctuation ignored), a person
/// (manager, prefers, avoids, a pair's mentor) by a name exactly one
/// person has. A name several people have is an error that lists their
/// ids; a name nobody has is left for the checks that follow, which call it
/// unknown.
fn resolve_names(
    people: &mut [(Path, PersonFile)],
    pairs: &mut [Pair],
    pair_paths: &[Path],
    ladder: &Ladder,
    problems: &mut Vec<Problem>,
) {
    let ids: BTreeSet<String> = people.iter().map(|(_, p)| p.id.clone()).collect();
    let mut names: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (_, p) in people.iter() {
        let key = normalise(&p.name);
        if !key.is_empty() {
            names.entry(key).or_default().push(p.id.clone());
        }
    }
    // The id a reference means, or the ids it could mean.
    let resolve = |text: &mut String, at: Path, problems: &mut Vec<Problem>| {
        if ids.contains(text.as_str()) {
            return;
        }
        match names.get(&normalise(text)).map(Vec::as_slice) {
            Some([one]) => *text = one.clone(),
            Some(many) if many.len() > 1 => problems.push(Problem::new(
                at,
                ErrorKind::AmbiguousPerson {
                    name: text.clone(),
                    ids: many.to_vec(),
                },
            )),
            _ => {}
        }
    };
    for (path, p) in people.iter_mut() {
        if let Some(found) = ladder.find_role(&p.role) {
            p.role.clone_from(&found.id);
        }
        if let Some(m) = p.manager.as_mut() {
            resolve(m, path.field("manager"), problems);
        }
        for (field, list) in [
            ("prefers", &mut p.prefers),
            ("avoids", &mut p.avoids),
            ("earlier_mentors", &mut p.earlier_mentors),
        ] {
            for (i, who) in list.iter_mut().enumerate() {
                resolve(who, path.field(field).index(i), problems);
            }
        }
    }
    for (pair, path) in pairs.iter_mut().zip(pair_paths) {
        let at = if path.0.last() == Some(&crate::yaml::Seg::Field("mentor".into())) {
            path.clone()
        } else {
            path.field("mentor")
        };
        resolve(&mut pair.mentor, at, problems);
    }
}

/// Warns about every circle of managers (a manages b manages a), once, at
/// the first person of the circle in the file.
fn manager_cycles(people: &[(Path, PersonFile)], warnings: &mut Vec<Problem>) {
    let mut index: Ids<usize> = Ids::default();
    for (i, (_, p)) in people.iter().enumerate() {
        index.insert(p.id.as_str(), i);
    }
    let next = |i: usize| {
        people[i]
            .1
            .manager
            .as_deref()
            .and_then(|m| index.get(m).copied())
    };
    // 0: not seen, 1: on the walk now, 2: done.
    let mut state = vec![0u8; people.len()];
    for start in 0..people.len() {
        let mut walk = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            if state[i] != 0 {
                break;
            }
            state[i] = 1;
            walk.push(i);
            at = next(i);
        }
        if let Some(i) = at.filter(|&i| state[i] == 1) {
            let cycle = &walk[walk.iter().position(|&w| w == i).unwrap_or(0)..];
            // A person who manages themselves has a warning of their own.
            if cycle.len() > 1 {
                let first = cycle
                    .iter()
                    .position(|&c| c == *cycle.iter().min().unwrap_or(&i));
                let mut ids: Vec<String> = cycle.iter().map(|&c| people[c].1.id.clone()).collect();
                ids.rotate_left(first.unwrap_or(0));
                let head = *cycle.iter().min().unwrap_or(&i);
                warnings.push(Problem::new(
                    people[head].0.field("manager"),
                    ErrorKind::ManagerCycle(ids),
                ));
            }
        }
        for i in walk {
            state[i] = 2;
        }
    }
}

impl From<&Person> for PersonFile {
    fn from(p: &Person) -> PersonFile {
        PersonFile {
            id: p.id.clone(),
            name: p.name.clone(),
            role: p.role.clone(),
            team: p.team.clone(),
            location: p.location.clone(),
            manager: p.manager.clone(),
            specialisms: p.specialisms.clone(),
            languages: p.languages.clone(),
            days: p.days.days(),
            hours: p.hours,
            career_switcher: p.career_switcher,
            start: p.start.map(|d| Iso(d).to_string()),
            needs_mentor: p.needs_mentor,
            capacity: (!p.capacity_default).then_some(p.capacity),
            coaching: p.coaching,
            prefers: p.prefers.clone(),
            avoids: p.avoids.clone(),
            email: p.email.clone(),
            absent: p
                .absent
                .iter()
                .map(|&(from, to)| period_text(from, to))
                .collect(),
            intervisie: p.intervisie,
            last_supervision: p.last_supervision.map(|d| Iso(d).to_string()),
            leaves: p.leaves.map(|d| Iso(d).to_string()),
            earlier_mentors: p.earlier_mentors.clone(),
            registered: p.registered.map(|d| Iso(d).to_string()),
        }
    }
}

/// `YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD` (from <= to) as a period.
fn parse_period(text: &str) -> Option<(Date, Date)> {
    let text = text.trim();
    let (from, to) = text.split_once("..").unwrap_or((text, text));
    let (from, to) = (parse_date(from)?, parse_date(to)?);
    (from <= to).then_some((from, to))
}

fn period_text(from: Date, to: Date) -> String {
    if from == to {
        Iso(from).to_string()
    } else {
        format!("{}..{}", Iso(from), Iso(to))
    }
}

/// The roster (with `pairs`, e.g. a matching's result) as a YAML roster file.
pub fn roster_to_yaml(roster: &Roster) -> String {
    roster_file_to_yaml(&RosterFile {
        schema: ROSTER_SCHEMA.into(),
        people: roster.people.iter().map(PersonFile::from).collect(),
        pairs: roster.pairs.clone(),
    })
}

/// A roster file as YAML.
pub fn roster_file_to_yaml(file: &RosterFile) -> String {
    let body = serde_yaml::to_string(file).unwrap_or_default();
    format!("# yaml-language-server: $schema=./schema/roster.schema.json\n{body}")
}

/// The roster file of [`roster_to_yaml`] written as JSON, which every YAML
/// 1.2 reader (ours included: [`load_roster_yaml`]) reads as the same file.
/// About ten times faster to write than YAML: the web app keeps its saved
/// roster this way and sends it to its worker so.
pub fn roster_to_json(roster: &Roster) -> String {
    serde_json::to_string(&roster_to_file(roster))
        .unwrap_or_else(|_| unreachable!("a roster file is plain data: strings, numbers, lists"))
}

/// A roster as a roster file (what its JSON form writes).
pub fn roster_to_file(roster: &Roster) -> RosterFile {
    RosterFile {
        schema: ROSTER_SCHEMA.into(),
        people: roster.people.iter().map(PersonFile::from).collect(),
        pairs: roster.pairs.clone(),
    }
}

/// A cell safe for spreadsheets: a leading `=`, `+`, `-`, `@`, tab or CR
/// would make Excel or LibreOffice run it as a formula, so it gets a `'`.
pub fn csv_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// One `;`-separated CSV line, every cell safe for spreadsheets
/// ([`csv_cell`]) and quoted when it must be, as the csv crate's writer
/// does (a test compares the two): written by hand because the web page
/// writes these files and the csv writer would add to its download.
pub(crate) fn csv_line(cells: &[String], out: &mut String) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        let safe = csv_cell(cell);
        if safe.contains([';', '"', '\n', '\r']) || (cells.len() == 1 && safe.is_empty()) {
            out.push('"');
            out.push_str(&safe.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&safe);
        }
    }
    out.push('\n');
}

/// How many of the [`CSV_COLUMNS`] are a person's own fields (all but a
/// pair's `mentor` and `locked`): the app's form keeps one text for each
/// (it shows 20 of them, `leaves` among them; the intervisie fields,
/// `earlier_mentors` and `registered` pass through unchanged).
pub const PERSON_FIELDS: usize = 24;

/// A person's fields as the texts of a roster table's cells, in
/// [`CSV_COLUMNS`] order (the first [`PERSON_FIELDS`]): in Dutch what
/// [`roster_to_csv`] writes (`ja`, `ma|di`); in English yes/no and the
/// English day names (`yes`, `Mon|Tue`), which a table may hold as well.
/// The app's form starts from these. Read back as a row, they give the same
/// person.
pub fn person_cells(p: &Person, lang: Lang) -> Vec<String> {
    let en = lang == Lang::En;
    let yes_no = |b: bool| {
        match (b, en) {
            (true, false) => "ja",
            (false, false) => "nee",
            (true, true) => "yes",
            (false, true) => "no",
        }
        .to_string()
    };
    vec![
        p.id.clone(),
        p.name.clone(),
        p.role.clone(),
        p.team.clone(),
        p.location.clone(),
        p.manager.clone().unwrap_or_default(),
        p.specialisms.join("|"),
        p.languages.join("|"),
        p.days
            .days()
            .iter()
            .map(|d| if en { d.english() } else { d.code() })
            .collect::<Vec<_>>()
            .join("|"),
        p.hours.to_string(),
        yes_no(p.career_switcher),
        p.start.map(|d| Iso(d).to_string()).unwrap_or_default(),
        yes_no(p.needs_mentor),
        if p.capacity_default {
            String::new()
        } else {
            p.capacity.to_string()
        },
        yes_no(p.coaching),
        p.prefers.join("|"),
        p.avoids.join("|"),
        p.email.clone().unwrap_or_default(),
        p.absent
            .iter()
            .map(|&(from, to)| period_text(from, to))
            .collect::<Vec<_>>()
            .join("|"),
        p.intervisie.map(yes_no).unwrap_or_default(),
        p.last_supervision
            .map(|d| Iso(d).to_string())
            .unwrap_or_default(),
        p.leaves.map(|d| Iso(d).to_string()).unwrap_or_default(),
        p.earlier_mentors.join("|"),
        p.registered.map(|d| Iso(d).to_string()).unwrap_or_default(),
    ]
}

/// [`person_cells`] as the app's person form shows them: dates the way a
/// person types them (`4-1-2027`, periods `4-1-2027..8-1-2027`) and, in
/// Dutch, hours with a decimal comma (`28,8`). Read back as a row, they
/// give the same person.
pub fn person_form_cells(p: &Person, lang: Lang) -> Vec<String> {
    let dmy = |d: Date| format!("{}-{}-{}", d.day(), d.month(), d.year());
    let day = |d: Option<Date>| d.map(dmy).unwrap_or_default();
    let mut cells = person_cells(p, lang);
    if lang == Lang::Nl {
        cells[9] = cells[9].replace('.', ",");
    }
    cells[11] = day(p.start);
    cells[18] = p
        .absent
        .iter()
        .map(|&(from, to)| match from == to {
            true => dmy(from),
            false => format!("{}..{}", dmy(from), dmy(to)),
        })
        .collect::<Vec<_>>()
        .join("|");
    cells[20] = day(p.last_supervision);
    cells[21] = day(p.leaves);
    cells[23] = day(p.registered);
    cells
}

/// The cells of a mentee's pair (`mentor`, `locked`), empty without one.
fn pair_cells(pair: Option<&&Pair>) -> [String; 2] {
    match pair {
        Some(x) => [x.mentor.clone(), if x.locked { "ja" } else { "nee" }.into()],
        None => Default::default(),
    }
}

/// The roster as a `;`-separated CSV file with the documented columns; a
/// mentee's pair goes in `mentor` / `locked`.
pub fn roster_to_csv(roster: &Roster) -> String {
    let pairs: BTreeMap<&str, &Pair> =
        sort::map_of(roster.pairs.iter().map(|p| (p.mentee.as_str(), p)));
    let mut out = String::new();
    csv_line(&CSV_COLUMNS.map(str::to_string), &mut out);
    for p in &roster.people {
        let mut cells = person_cells(p, Lang::Nl);
        cells.extend(pair_cells(pairs.get(p.id.as_str())));
        csv_line(&cells, &mut out);
    }
    out
}

/// Checks one person as the app's form gives them, by every rule a roster
/// file is read with: `cells` are the texts of their fields (as
/// [`person_cells`] orders them, in any form a table may hold, such as
/// `4-1-2027` or `ma, di`), put in the place of the person at `at` (`None`:
/// added at the end) in `roster`, which is then read as a table. A changed
/// id is carried into every reference to the old one first, as
/// [`crate::people::change_person`] does. Returns the person as read (ids
/// for names, dates and days parsed; an empty capacity the settings'
/// default), or the problems: each with the field it is about (its index
/// in `cells`), or `None` for the rest of the roster. A field's problem has
/// no file, position or field name: it is shown at the field.
pub fn check_person(
    ladder: &Ladder,
    roster: &Roster,
    at: Option<usize>,
    cells: &[String],
) -> Result<Person, Vec<(Option<usize>, LoadError)>> {
    let mut candidate = roster.clone();
    let mut cells = cells.to_vec();
    cells.resize(PERSON_FIELDS, String::new());
    let row = match at {
        Some(i) if i < candidate.people.len() => {
            let new_id = cells[0].trim();
            if candidate.people[i].id != new_id && !new_id.is_empty() {
                let mut p = candidate.people[i].clone();
                p.id = new_id.to_string();
                if crate::people::change_person(&mut candidate, i, p).is_none() {
                    // Another person has that id (the table would say so
                    // at whichever row comes last).
                    let twice = ErrorKind::DuplicatePerson {
                        id: new_id.to_string(),
                        first: None,
                    };
                    let e = LoadError {
                        file: String::new(),
                        pos: None,
                        path: String::new(),
                        kind: twice,
                        sheet: None,
                    };
                    return Err(vec![(Some(0), e)]);
                }
            }
            i
        }
        _ => candidate.people.len(),
    };
    let pairs: BTreeMap<&str, &Pair> =
        sort::map_of(candidate.pairs.iter().map(|p| (p.mentee.as_str(), p)));
    let text_row = |at: usize, texts: Vec<String>| Row {
        at,
        cells: texts.into_iter().map(Cell::Text).collect(),
    };
    let mut rows = vec![text_row(1, CSV_COLUMNS.map(str::to_string).to_vec())];
    let mut line = 2;
    for (i, p) in candidate.people.iter().enumerate() {
        let mut texts = if i == row {
            cells.clone()
        } else {
            person_cells(p, Lang::Nl)
        };
        texts.extend(pair_cells(pairs.get(p.id.as_str())));
        rows.push(text_row(line, texts));
        line += 1;
    }
    if row == candidate.people.len() {
        let mut texts = cells.clone();
        texts.extend(pair_cells(None));
        rows.push(text_row(line, texts));
    }
    let table = Table { sheet: None, rows };
    let line = row + 2;
    match load_table("", &table, None, ladder, Vec::new()) {
        Ok(loaded) => loaded.value.people.get(row).cloned().ok_or_else(Vec::new),
        Err(errors) => {
            let field_of = |e: &LoadError| {
                if let ErrorKind::MissingField(name) = &e.kind {
                    return CSV_COLUMNS[..PERSON_FIELDS].iter().position(|c| c == name);
                }
                e.pos
                    .filter(|p| p.column <= PERSON_FIELDS)
                    .map(|p| p.column.saturating_sub(1))
            };
            let mine = |e: &LoadError| e.pos.is_some_and(|p| p.line == line);
            // Problems elsewhere while this person has some follow from
            // theirs (a pair naming an id the row no longer has).
            let theirs = errors.0.iter().any(mine);
            Err(errors
                .0
                .into_iter()
                .filter(|e| !theirs || mine(e))
                .map(|mut e| {
                    let field = if theirs { field_of(&e) } else { None };
                    if let Some(f) = field {
                        e.path.clear();
                        e.pos = None;
                        // Named as the form names it, not by the table's
                        // header (the file word).
                        if let ErrorKind::MissingField(_) = e.kind {
                            e.kind = ErrorKind::EmptyField(CSV_COLUMNS[f].to_string());
                        }
                        if let ErrorKind::DuplicatePerson { first, .. } = &mut e.kind {
                            *first = None;
                        }
                    }
                    (field, e)
                })
                .collect())
        }
    }
}

/// A matching's pairs as a `;`-separated CSV file (header in `lang`), every
/// cell safe for spreadsheets: mentee and mentor with their names, score,
/// locked, existing, and the reasons joined by `; `.
pub fn pairs_to_csv(result: &Assignment, roster: &Roster, lang: Lang) -> String {
    let people = roster.by_id();
    let name = |id: &str| people.get(id).map(|p| p.name.clone()).unwrap_or_default();
    let header = match lang {
        Lang::Nl => [
            "mentee",
            "naam_mentee",
            "mentor",
            "naam_mentor",
            "score",
            "vast",
            "bestaand",
            "toelichting",
        ],
        Lang::En => [
            "mentee",
            "mentee_name",
            "mentor",
            "mentor_name",
            "score",
            "locked",
            "existing",
            "reasons",
        ],
    };
    let yes_no = |b: bool| {
        match (b, lang) {
            (true, Lang::Nl) => "ja",
            (false, Lang::Nl) => "nee",
            (true, Lang::En) => "yes",
            (false, Lang::En) => "no",
        }
        .to_string()
    };
    let mut out = String::new();
    csv_line(&header.map(str::to_string), &mut out);
    for p in &result.pairs {
        let reasons: Vec<&str> = p.reasons.iter().map(|r| r.get(lang)).collect();
        csv_line(
            &[
                p.mentee.clone(),
                name(&p.mentee),
                p.mentor.clone(),
                name(&p.mentor),
                p.score.to_string(),
                yes_no(p.locked),
                yes_no(p.existing),
                reasons.join("; "),
            ],
            &mut out,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    fn by_the_csv_crate(cells: &[String]) -> String {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(Vec::new());
        let safe: Vec<String> = cells.iter().map(|c| super::csv_cell(c)).collect();
        writer.write_record(&safe).expect("written");
        String::from_utf8(writer.into_inner().expect("flushed")).expect("text")
    }

    #[test]
    fn the_fte_range_makes_1_to_80_hours() {
        let cases = [
            (36.0, (0.03, 2.0)),
            (40.0, (0.03, 2.0)),
            (38.0, (0.03, 2.0)),
            (50.0, (0.02, 1.6)),
            (80.0, (0.02, 1.0)),
            (1.0, (1.0, 2.0)),
            (32.5, (0.04, 2.0)),
        ];
        for (full_time, expected) in cases {
            let (min, max) = super::fte_range(full_time);
            assert_eq!((min, max), expected, "{full_time}");
            // Read as the table reads an fte: to a tenth of an hour.
            let hours = |fte: f64| (fte * full_time * 10.0).round() / 10.0;
            assert!(hours(min) >= 1.0 && hours(max) <= 80.0, "{full_time}");
            // A hundredth less is less than an hour (before rounding).
            assert!((min - 0.01) * full_time < 1.0, "{full_time}");
        }
    }

    #[test]
    fn lines_as_the_csv_crate_writes_them() {
        let cases: [&[&str]; 7] = [
            &["a", "b"],
            &[""],
            &["", ""],
            &["a;b", "c\"d", "e\nf", "g\rh"],
            &["=1+1", "-3", "@x", " spaced "],
            &["Zeynep Öztürk", "€ 3.000"],
            &["\"", ";", "\r\n"],
        ];
        for cells in cases {
            let cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
            let mut line = String::new();
            super::csv_line(&cells, &mut line);
            assert_eq!(line, by_the_csv_crate(&cells), "{cells:?}");
        }
    }

    proptest! {
        #[test]
        fn any_cells_are_written_as_the_csv_crate_writes_them(cells in prop::collection::vec("[a-c;\"\n\r =+@ é-]{0,6}", 1..5)) {
            let mut line = String::new();
            super::csv_line(&cells, &mut line);
            prop_assert_eq!(line, by_the_csv_crate(&cells));
        }
    }
}
