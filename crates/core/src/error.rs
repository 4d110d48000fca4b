//! Errors in input files: where (file, line, column, path) and what.
//!
//! Every problem is a [`LoadError`]; a file with several problems yields a
//! [`LoadErrors`] with all of them, sorted by position. Messages exist in
//! Dutch and English ([`LoadError::message`]); `Display` is English, in the
//! `file:line:col: message` form that editors and CI logs understand.
//!
//! A message is entirely in one language. Nothing here holds a library's
//! English sentence to be shown as it is: what serde, the YAML, JSON and CSV
//! readers and the operating system report is turned into the typed
//! descriptions below ([`Expected`], [`Found`], [`SyntaxProblem`],
//! [`Construct`], [`ReadProblem`]) where it happens (`yaml.rs`,
//! `format/roster.rs`), and each of those has its words in both languages
//! here. The only raw text left is in the `Other` fallbacks, which show it in
//! English and only a general sentence in Dutch. Text taken from the file
//! (a value, a key, an id) is cut to [`MAX_QUOTED`] characters, so no
//! message echoes a whole file.
//!
//! # Adding an error kind
//!
//! 1. Add the variant to [`ErrorKind`], with a doc comment, holding typed
//!    data (names, numbers, positions, one of the enums here), never a
//!    sentence.
//! 2. Add its message in both languages to [`LoadError::message`] (the
//!    compiler asks for it: the match has no catch-all). Quote text from the
//!    file with `quoted`, so it is cut to a sensible length; plurals right in
//!    both languages.
//! 3. Add a case to `crates/core/tests/messages.rs`: a real input that gives
//!    the new kind. That test reads the variants from this file and fails
//!    while one of them has no case; it renders every case in both languages
//!    and fails on an English word in Dutch text and the reverse.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{decimal, Bilingual, Lang};

/// Longest text from the file (in characters) that a message quotes; longer
/// text is cut and ends in `…`.
pub const MAX_QUOTED: usize = 60;

/// A position in a text file, both 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Pos {
    /// Line, counting from 1.
    pub line: usize,
    /// Column, counting from 1.
    pub column: usize,
}

/// One problem in an input file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LoadError {
    /// The file's name as the caller gave it.
    pub file: String,
    /// Where in the file, when known.
    pub pos: Option<Pos>,
    /// The path to the offending value, such as `roles[3].level`; empty for the whole file.
    pub path: String,
    /// The sheet of a spreadsheet: the position is then shown as a cell,
    /// `Blad1!C7` (`pos.line` the row, `pos.column` the column).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// What is wrong.
    pub kind: ErrorKind,
}

/// What is wrong with an input file. See the module's documentation for how
/// to add a kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read as text (the operating system refused it,
    /// or its bytes are not text in an encoding we read).
    Unreadable(ReadProblem),
    /// The file is larger than the loader accepts.
    TooLarge {
        /// Size in bytes.
        size: usize,
        /// Accepted maximum in bytes.
        limit: usize,
    },
    /// A spreadsheet cell with a formula whose computed value the file does
    /// not hold.
    FormulaWithoutValue,
    /// A workbook (a zip archive) that unpacks to more than a reader
    /// takes: one part (`part`, its name in the archive) or all of them
    /// together (`part` is `None`) beyond `limit` bytes.
    TooLargeUnpacked {
        /// The part that is too large, or `None` for the whole workbook.
        part: Option<String>,
        /// The limit in bytes.
        limit: u64,
    },
    /// The YAML, JSON or CSV reader could not read the text (syntax, nesting
    /// too deep, alias bombs). The error's position is where the reader
    /// stopped; `context` says what it was reading and where that began.
    Syntax {
        /// Which kind of text.
        format: TextFormat,
        /// What the reader found wrong.
        problem: SyntaxProblem,
        /// What the reader was in the middle of, and where that began.
        context: Option<Context>,
    },
    /// A value has the wrong type.
    InvalidType {
        /// What the format expects here.
        expected: Expected,
        /// What the file has.
        found: Found,
    },
    /// A value is of the right type but out of range or malformed.
    InvalidValue {
        /// What the format expects here.
        expected: Expected,
        /// What the file has.
        found: Found,
    },
    /// A required field is absent.
    MissingField(String),
    /// A field a person must have is left empty in the app's person form
    /// (the field's file word, `id`; the message names it as the form
    /// does: *personeelsnummer* / *employee id*).
    EmptyField(String),
    /// A field the format does not know (often a typo).
    UnknownField {
        /// The field as written.
        field: String,
        /// The fields allowed here.
        expected: Vec<String>,
        /// The closest allowed field, if one is close.
        suggestion: Option<String>,
    },
    /// A CSV header names the same column twice (which of the two counts
    /// would be a guess). The error is at the second one.
    DuplicateColumn {
        /// The column's name.
        name: String,
        /// The first column with that name, counting from 1.
        first: usize,
    },
    /// A name from a fixed list (level, track, kind, education) is not on it.
    UnknownName {
        /// The name as written.
        found: String,
        /// The allowed names.
        expected: Vec<String>,
        /// The closest allowed name, if one is close.
        suggestion: Option<String>,
    },
    /// The `schema:` line names a format or version this build cannot read.
    UnsupportedSchema {
        /// The schema as written.
        found: String,
        /// The schema this loader reads.
        supported: String,
    },
    /// Two roles (or people, or pairs for one mentee) share an id.
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Where the first one is.
        first: Option<Pos>,
    },
    /// A role that does not exist (in a transition, a profile, a roster).
    UnknownRole {
        /// The id (or name) as written.
        id: String,
        /// The closest existing ids or names, at most three, best first
        /// (see [`crate::suggest::closest_few`]); none when nothing is close.
        suggestions: Vec<String>,
    },
    /// A competency in a profile's self-assessment that no role asks for
    /// and no transition requires (a warning: the rating is kept).
    UnknownCompetency {
        /// The name as written.
        name: String,
        /// The closest competencies of the ladder, at most three.
        suggestions: Vec<String>,
    },
    /// A reference to a person who is not in the roster.
    UnknownPerson {
        /// The id as written.
        id: String,
        /// The closest existing id, if one is close.
        suggestion: Option<String>,
    },
    /// A transition from a role to itself.
    SelfLoop(String),
    /// The same transition (from, to) is listed twice.
    DuplicateTransition {
        /// Source role id.
        from: String,
        /// Target role id.
        to: String,
    },
    /// A role's track percentages do not add up to 100.
    MixSum(u32),
    /// A range whose minimum is above its maximum.
    InvertedRange {
        /// The range's minimum.
        min: String,
        /// The range's maximum.
        max: String,
    },
    /// Promotions that lead back to where they started.
    PromotionCycle(Vec<String>),
    /// The ladder has no roles.
    NoRoles,
    /// Two people in a roster share an id.
    DuplicatePerson {
        /// The repeated id.
        id: String,
        /// Where the first one is.
        first: Option<Pos>,
    },
    /// A mentee is in two pairs.
    DuplicatePair {
        /// The mentee's id.
        mentee: String,
        /// Where the first pair is.
        first: Option<Pos>,
    },
    /// A person is paired with themselves.
    SelfPair(String),
    /// Warning: managers that lead back to where they started.
    ManagerCycle(Vec<String>),
    /// Warning: a person is their own manager.
    OwnManager(String),
    /// A roster field a roster needs has no column (by its file word:
    /// `role`), with the file's headers.
    MissingColumn {
        /// The field's file word.
        field: String,
        /// The headers the file has.
        headers: Vec<String>,
    },
    /// A table of earlier intervisie groups (`doorgroei intervisie
    /// --earlier`) without its `groep`/`group` or `id` column, with the
    /// headers it has.
    NoGroupColumns(Vec<String>),
    /// No row among the first ones of a table names two roster fields:
    /// there is no header row (the cells of the first row are not quoted:
    /// they may be someone's data).
    NoHeaderRow,
    /// A row has more cells than its header row (a delimiter inside a
    /// cell, most often); the row is not read and its cells not quoted.
    TooManyCells {
        /// The row's cells.
        cells: usize,
        /// The header row's cells.
        header: usize,
    },
    /// A columns file names a header the roster file does not have.
    ColumnNotFound {
        /// The field's file word.
        field: String,
        /// The header as the columns file writes it.
        header: String,
    },
    /// A spreadsheet has no sheet by the name asked for.
    UnknownSheet {
        /// The name asked for.
        found: String,
        /// The sheets it has.
        sheets: Vec<String>,
        /// The closest sheet name, if one is close.
        suggestion: Option<String>,
    },
    /// Warning: columns that hold no roster field; their values are not
    /// read.
    UnusedColumns {
        /// The headers, in file order.
        headers: Vec<String>,
        /// Those close to a name of a field no column holds: (header, the
        /// field's file word).
        near: Vec<(String, String)>,
        /// Whether a columns file said which column holds which field: a
        /// near header then belongs in that file (renaming it does nothing).
        by_columns_file: bool,
    },
    /// Columns with data in them but no name in the header row (by number,
    /// from 1): not read.
    UnnamedColumns(Vec<usize>),
    /// A name that more than one person in the roster has.
    AmbiguousPerson {
        /// The name as written.
        name: String,
        /// The ids of the people with that name.
        ids: Vec<String>,
    },
    /// Warning: a `promotion` to a lower level.
    DownwardPromotion {
        /// Source role id.
        from: String,
        /// Target role id.
        to: String,
        /// The source role's level, in file words (`medior`).
        from_level: String,
        /// The target role's level, in file words (`junior`).
        to_level: String,
    },
    /// Warning: a pay scale listed twice; the first is used.
    DuplicatePayScale {
        /// The scale.
        scale: u32,
        /// Where the first one is.
        first: Option<Pos>,
    },
    /// More items than the loader accepts.
    TooMany {
        /// What is counted.
        what: Counted,
        /// How many the file has.
        count: usize,
        /// The accepted maximum.
        limit: usize,
    },
    /// A word of a review log's fixed list (a status, a reason) that is not
    /// on it. The words are given in both languages, `(nl, en)`; a message
    /// names those of its own language.
    UnknownWord {
        /// The field's file word (`status`, `reason`), `column`, or
        /// `rating` (a self-assessment's value).
        field: &'static str,
        /// The word as written.
        found: String,
        /// The allowed words, `(nl, en)`.
        expected: Vec<(&'static str, &'static str)>,
        /// The closest allowed word (its place in `expected`), if one is close.
        suggestion: Option<u8>,
    },
    /// A review log has two entries for one pair on one day.
    DuplicateReview {
        /// The mentor's id.
        mentor: String,
        /// The mentee's id.
        mentee: String,
        /// The day.
        #[serde(with = "crate::dates::date")]
        date: jiff::civil::Date,
        /// The line of the first one.
        first_line: Option<usize>,
    },
    /// A number outside its limits (`NaN` and infinities included).
    OutOfRange {
        /// The number as written.
        found: String,
        /// What is allowed.
        limit: Limit,
    },
}

/// The numbers a field allows: finite, from `min` to `max` inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Limit {
    /// The lowest value allowed.
    pub min: f64,
    /// The highest value allowed.
    pub max: f64,
    /// What the number counts, for messages.
    pub unit: Unit,
}

/// What a limited number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// Years (in a role, in the profession).
    Years,
    /// Contract hours a week.
    HoursPerWeek,
    /// A percentage.
    Percent,
    /// A whole number of routes.
    Routes,
}

impl Limit {
    /// Whether `value` is a finite number within the limit (and a whole
    /// number where the unit counts whole things).
    pub fn allows(&self, value: f64) -> bool {
        let whole = self.unit != Unit::Routes || value.fract() == 0.0;
        value.is_finite() && self.min <= value && value <= self.max && whole
    }

    /// What is allowed, in words: `een aantal jaren van 0 tot en met 60` /
    /// `a number of years from 0 to 60`.
    pub fn describe(&self, lang: Lang) -> String {
        let (min, max) = (decimal(self.min, lang), decimal(self.max, lang));
        match (self.unit, lang) {
            (Unit::Years, Lang::Nl) => format!("een aantal jaren van {min} tot en met {max}"),
            (Unit::Years, Lang::En) => format!("a number of years from {min} to {max}"),
            (Unit::HoursPerWeek, Lang::Nl) => {
                format!("een aantal uren per week van {min} tot en met {max}")
            }
            (Unit::HoursPerWeek, Lang::En) => {
                format!("a number of hours a week from {min} to {max}")
            }
            (Unit::Percent, Lang::Nl) => format!("een percentage van {min} tot en met {max}"),
            (Unit::Percent, Lang::En) => format!("a percentage from {min} to {max}"),
            (Unit::Routes, Lang::Nl) => format!("een aantal routes van {min} tot en met {max}"),
            (Unit::Routes, Lang::En) => format!("a number of routes from {min} to {max}"),
        }
    }

    /// The message for `found` in the field or option `what`, which this
    /// limit does not allow: `what: ongeldige waarde …; verwacht …`.
    pub fn refusal(&self, what: &str, found: &str, lang: Lang) -> String {
        match lang {
            Lang::Nl => format!(
                "{what}: ongeldige waarde {found}; verwacht {}",
                self.describe(lang)
            ),
            Lang::En => format!(
                "{what}: invalid value {found}; expected {}",
                self.describe(lang)
            ),
        }
    }
}

/// Why a file could not be read as text: the operating system's answer
/// (`std::io::ErrorKind`, see [`ReadProblem::from_io`]) or its encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum ReadProblem {
    /// There is no file by that name.
    NotFound,
    /// The name is a folder.
    IsDirectory,
    /// The user may not read it.
    PermissionDenied,
    /// The bytes are not UTF-8 text; the error's position is the first byte
    /// that is not.
    NotUtf8,
    /// The operating system refused for another reason.
    Other,
    /// A spreadsheet this build has no reader for (a build without the
    /// `xlsx` feature), or an older kind (`.xls`, `.ods`).
    SpreadsheetKind,
    /// A spreadsheet (`.xlsx`) that cannot be read: damaged, or not one.
    BadSpreadsheet,
    /// A spreadsheet locked with a password.
    Password,
    /// An OpenDocument spreadsheet (`.ods`), which is not read.
    Ods,
    /// UTF-8 text with bytes in it that are not (one character saved in
    /// another encoding); the error's position is the first such byte.
    MixedEncoding,
}

impl ReadProblem {
    /// The problem the operating system's error describes.
    pub fn from_io(err: &std::io::Error) -> ReadProblem {
        match err.kind() {
            std::io::ErrorKind::NotFound => ReadProblem::NotFound,
            std::io::ErrorKind::IsADirectory => ReadProblem::IsDirectory,
            std::io::ErrorKind::PermissionDenied => ReadProblem::PermissionDenied,
            std::io::ErrorKind::InvalidData => ReadProblem::NotUtf8,
            _ => ReadProblem::Other,
        }
    }
}

/// What a [`ErrorKind::TooMany`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum Counted {
    /// A ladder's roles.
    Roles,
    /// A ladder's transitions.
    Transitions,
    /// A roster's people.
    People,
    /// The cells of a spreadsheet's sheet (empty ones to the left of a
    /// value included).
    Cells,
    /// A log's reviews.
    Reviews,
}

/// The kind of text a [`ErrorKind::Syntax`] problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum TextFormat {
    /// YAML (every file a person writes but a roster in CSV).
    Yaml,
    /// JSON (the forms the web app saves and sends).
    Json,
    /// CSV (rosters from a spreadsheet).
    Csv,
}

/// What a reader (YAML, JSON, CSV) found wrong. The YAML reader's messages
/// (libyaml's scanner and parser, `yaml_serde`), serde_json's and csv's are
/// a finite set; `yaml.rs` and `format/roster.rs` map them here.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub enum SyntaxProblem {
    /// The reader needed this here and did not find it (`did not find
    /// expected ',' or ']'`, serde_json's `expected value`).
    Missing(Token),
    /// The text ended inside something still open.
    UnexpectedEnd,
    /// `key: value` where no mapping may start, often a missing space after
    /// `:` elsewhere or a wrong indentation.
    MappingValueHere,
    /// A `? key` where no mapping may start.
    MappingKeyHere,
    /// A `- item` where no list may start (usually a wrong indentation).
    ListItemHere,
    /// A tab used for indentation (YAML indents with spaces).
    Tab,
    /// A character no YAML construct starts with (such as `@` or `` ` ``).
    BadCharacter,
    /// `---` or `...` inside a document.
    DocumentMarker,
    /// More than one document (`---`) in one file.
    SeveralDocuments,
    /// An escape (`\x`, `\u…`) the format does not know.
    BadEscape,
    /// A `*name` with no `&name` before it.
    UnknownAlias,
    /// Two anchors (`&name`) with one name.
    DuplicateAnchor,
    /// A tag (`!name`, `!!str`) that cannot be read.
    BadTag,
    /// A `%YAML` or `%TAG` line that cannot be read.
    BadDirective,
    /// A merge key (`<<`) with something that is not a mapping.
    BadMerge,
    /// Bytes that are not text: invalid UTF-8 or UTF-16, control characters.
    Encoding,
    /// Nested more deeply than the reader allows (128 levels).
    TooDeep,
    /// Aliases (`*name`) that repeat so much that the document would be huge.
    TooManyAliases,
    /// The same key twice in one mapping (or one JSON object).
    DuplicateKey(String),
    /// A number too large (or too small) to be read.
    NumberTooLarge(String),
    /// A number that is malformed (JSON).
    BadNumber,
    /// A mapping key that is not text (JSON).
    KeyNotText,
    /// A comma before a closing bracket (JSON).
    TrailingComma,
    /// More text after the end of the value (JSON).
    TrailingCharacters,
    /// A quoted CSV field whose closing `"` is missing; the error is at the
    /// opening one.
    UnclosedQuote,
    /// Anything else, with the reader's own English words; messages in Dutch
    /// give a general sentence instead.
    Other(String),
}

/// Something a reader was looking for ([`SyntaxProblem::Missing`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum Token {
    /// `,` or `]`, to go on with or close a `[ ]` list.
    CommaOrBracket,
    /// `,` or `}`, to go on with or close a `{ }` mapping.
    CommaOrBrace,
    /// `:` after a key.
    Colon,
    /// `"`, to close or open a text.
    Quote,
    /// A key.
    Key,
    /// A value.
    Value,
    /// `- ` for a list item.
    Dash,
    /// A line break (or a comment) after the value.
    LineEnd,
    /// A space.
    Space,
    /// The start of a document (`---`).
    DocumentStart,
}

/// What a reader was reading when it stopped, and where that began: libyaml's
/// `while parsing a flow sequence at line 5 column 11`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Context {
    /// What was being read.
    pub construct: Construct,
    /// Where it began, when the reader says.
    pub at: Option<Pos>,
}

/// A piece of YAML (or JSON) a reader can be in the middle of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum Construct {
    /// A `[ ]` list.
    FlowSequence,
    /// A `{ }` mapping.
    FlowMapping,
    /// Indented `key: value` lines.
    BlockMapping,
    /// An indented block (`key: value` lines or `- item` lines).
    BlockCollection,
    /// A value (YAML's node).
    Value,
    /// A text in quotes.
    QuotedText,
    /// A text without quotes.
    PlainText,
    /// A `|` or `>` block of text.
    BlockText,
    /// A key.
    Key,
    /// A tag (`!name`).
    Tag,
    /// An anchor (`&name`) or alias (`*name`).
    Anchor,
    /// A `%YAML` or `%TAG` line.
    Directive,
}

/// What a value should have been, in words the messages say in either
/// language. Produced where the loader knows it: our own deserializer in
/// `yaml.rs` (from serde's expectations) and the format's own checks.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub enum Expected {
    /// `key: value` lines (a YAML mapping, a JSON object).
    Mapping,
    /// A list.
    List,
    /// Text.
    Text,
    /// `true` or `false`.
    Bool,
    /// Nothing (an empty value).
    Nothing,
    /// A whole number, within bounds when given.
    WholeNumber {
        /// The smallest allowed.
        min: Option<i64>,
        /// The largest allowed.
        max: Option<i64>,
    },
    /// A number (fractions allowed), within bounds when given.
    Number {
        /// The smallest allowed.
        min: Option<i64>,
        /// The largest allowed.
        max: Option<i64>,
    },
    /// A number of years from `min` to `max`.
    Years {
        /// The fewest.
        min: u32,
        /// The most.
        max: u32,
    },
    /// Hours per week from `min` to `max`.
    Hours {
        /// The fewest.
        min: u32,
        /// The most.
        max: u32,
    },
    /// An fte from `min` to `max`, for a full-time week of `full_time`
    /// hours, each in hundredths (`3` is 0.03).
    Fte {
        /// The smallest.
        min: u32,
        /// The largest.
        max: u32,
        /// Hours of a full-time week.
        full_time: u32,
    },
    /// A percentage from `min` to `max`.
    Percentage {
        /// The smallest.
        min: u32,
        /// The largest.
        max: u32,
    },
    /// A date as `YYYY-MM-DD`.
    Date,
    /// A date in a table, day first or `YYYY-MM-DD`.
    DateDayFirst,
    /// A date or period in a table, day first or `YYYY-MM-DD`.
    PeriodDayFirst,
    /// A date, or a period `YYYY-MM-DD..YYYY-MM-DD`.
    DateOrPeriod,
    /// A time as `HH:MM`.
    Time,
    /// A time after the one in the named field.
    TimeAfter(String),
    /// An id that is not empty.
    NonEmptyId,
    /// At least one working day.
    WorkingDays,
    /// A day in a table: `ma` … `zo`, `Mon` … `Sun` or a full Dutch or
    /// English name.
    Day,
    /// `ja` or `nee` (a CSV yes/no cell).
    YesNo,
    /// An e-mail address (`naam@organisatie.nl`).
    Email,
    /// A number a spreadsheet keeps exactly (at most 15 digits): an id
    /// stored as a number.
    ExactNumber,
    /// No more cells in a CSV row than the header has.
    Cells(usize),
    /// The level a role asks of a competency: `basis`, `voldoende` or `sterk`.
    AskedLevel,
    /// A competency: a name, or a mapping with `name` and `level`.
    Competency,
    /// Anything else, in serde's English words; messages in Dutch say
    /// "another value" instead.
    Other(String),
}

/// What the file has where a value was expected, described in words the
/// messages say in either language.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub enum Found {
    /// Nothing (YAML `null`, `~` or an empty value).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A text.
    Text(String),
    /// A list.
    List,
    /// A list with no items.
    EmptyList,
    /// `key: value` lines.
    Mapping,
    /// A value with a tag (`!name`).
    Tagged(String),
    /// A spreadsheet's yes/no cell (`WAAR`, `TRUE`).
    YesNoCell(bool),
    /// Anything else, in serde's English words; messages in Dutch say
    /// "something else" instead.
    Other(String),
}

/// `text` cut to [`MAX_QUOTED`] characters (with `…`), with line breaks and
/// tabs shown as `\n`, `\r`, `\t` so a message stays one line.
pub fn quoted(text: &str) -> String {
    cut(text, MAX_QUOTED)
}

/// `text` cut to `max` characters, as [`quoted`] does.
fn cut(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push('�'),
            c => out.push(c),
        }
    }
    out
}

/// Picks the text in `lang`.
fn pick(lang: Lang, nl: String, en: String) -> String {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// `from a to b` / `van a tot en met b`, or open at one end.
fn bounds(lang: Lang, min: Option<i64>, max: Option<i64>) -> String {
    match (lang, min, max) {
        (_, None, None) => String::new(),
        (Lang::Nl, Some(a), Some(b)) => format!(" van {a} tot en met {b}"),
        (Lang::En, Some(a), Some(b)) => format!(" from {a} to {b}"),
        (Lang::Nl, Some(a), None) => format!(" van {a} of meer"),
        (Lang::En, Some(a), None) => format!(" of {a} or more"),
        (Lang::Nl, None, Some(b)) => format!(" tot en met {b}"),
        (Lang::En, None, Some(b)) => format!(" of at most {b}"),
    }
}

impl Expected {
    /// In words, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let at = |nl: &str, en: &str| pick(lang, nl.to_string(), en.to_string());
        match self {
            Expected::Mapping => at("regels 'sleutel: waarde'", "a mapping (key: value lines)"),
            Expected::List => at("een lijst", "a list"),
            Expected::Text => at("tekst", "text"),
            Expected::Bool => at("true of false", "true or false"),
            Expected::Nothing => at("niets", "nothing"),
            Expected::WholeNumber { min, max } => {
                at("een geheel getal", "a whole number") + &bounds(lang, *min, *max)
            }
            Expected::Number { min, max } => {
                at("een getal", "a number") + &bounds(lang, *min, *max)
            }
            Expected::Years { min, max } => pick(
                lang,
                format!("een aantal jaren van {min} tot en met {max}"),
                format!("a number of years from {min} to {max}"),
            ),
            Expected::Hours { min, max } => pick(
                lang,
                format!("uren van {min} tot en met {max}"),
                format!("hours from {min} to {max}"),
            ),
            Expected::Fte {
                min,
                max,
                full_time,
            } => {
                let [min, max, hours] = [min, max, full_time].map(|&n| {
                    let text = format!("{}.{:02}", n / 100, n % 100);
                    number(lang, text.trim_end_matches('0').trim_end_matches('.'))
                });
                let unit = if *full_time == 100 { ("uur", "hour") } else { ("uur", "hours") };
                pick(
                    lang,
                    format!("een fte van {min} tot en met {max} (1 fte is {hours} {} per week; minstens 1 uur)", unit.0),
                    format!("an fte from {min} to {max} (1 fte is {hours} {} a week; at least 1 hour)", unit.1),
                )
            }
            Expected::Percentage { min, max } => pick(
                lang,
                format!("een percentage van {min} tot en met {max}"),
                format!("a percentage from {min} to {max}"),
            ),
            Expected::Date => at("een datum als JJJJ-MM-DD", "a date as YYYY-MM-DD"),
            Expected::DateDayFirst => at(
                "een datum als 4-1-2027, 04-01-2027 of 2027-01-04 (dag eerst, jaar in vier cijfers)",
                "a date such as 4-1-2027, 04-01-2027 or 2027-01-04 (day first, a four-digit year)",
            ),
            Expected::PeriodDayFirst => at(
                "een datum als 4-1-2027 of een periode als 4-1-2027..8-1-2027 (of 4-1-2027 t/m 8-1-2027)",
                "a date such as 4-1-2027 or a period such as 4-1-2027..8-1-2027 (day first)",
            ),
            Expected::DateOrPeriod => at(
                "een datum JJJJ-MM-DD of een periode JJJJ-MM-DD..JJJJ-MM-DD",
                "a date YYYY-MM-DD or a period YYYY-MM-DD..YYYY-MM-DD",
            ),
            Expected::Time => at("een tijd als UU:MM", "a time as HH:MM"),
            Expected::TimeAfter(field) => pick(
                lang,
                format!("een tijd na {}", quoted(field)),
                format!("a time after {}", quoted(field)),
            ),
            Expected::NonEmptyId => at("een id dat niet leeg is", "a non-empty id"),
            Expected::WorkingDays => at(
                "minstens één werkdag (ma di wo do vr za zo)",
                "at least one working day (ma di wo do vr za zo)",
            ),
            Expected::Day => at(
                "een werkdag: ma, di, wo, do, vr, za, zo of de volle naam (maandag)",
                "a working day: Mon, Tue, Wed, Thu, Fri, Sat, Sun or the full name (Monday), in English or Dutch (ma, maandag)",
            ),
            Expected::YesNo => at("ja of nee", "ja or nee (yes or no)"),
            Expected::ExactNumber => at(
                "een nummer van hoogstens 15 cijfers: een spreadsheet bewaart een langer getal niet precies (de laatste cijfers gaan verloren); maak de kolom Tekst en vul de nummers opnieuw in",
                "a number of at most 15 digits: a spreadsheet does not keep a longer number exactly (its last digits are lost); format the column as Text and enter the numbers again",
            ),
            Expected::Email => at(
                "een e-mailadres als naam@organisatie.nl (één @, geen spaties, regeleinden of <>()[],;:\"\\)",
                "an e-mail address such as name@organisation.nl (one @, no spaces, line breaks or <>()[],;:\"\\)",
            ),
            Expected::Cells(n) => pick(
                lang,
                match n {
                    1 => "hoogstens 1 cel, zoals in de kopregel".to_string(),
                    n => format!("hoogstens {n} cellen, zoals in de kopregel"),
                },
                match n {
                    1 => "at most 1 cell, as in the header".to_string(),
                    n => format!("at most {n} cells, as in the header"),
                },
            ),
            Expected::AskedLevel => at(
                "een niveau dat een functie vraagt: basis, voldoende of sterk",
                "a level a role asks: basis, voldoende or sterk (basic, sufficient or strong)",
            ),
            Expected::Competency => at(
                "een competentie: een naam, of {name: …, level: basis|voldoende|sterk}",
                "a competency: a name, or {name: …, level: basis|voldoende|sterk}",
            ),
            Expected::Other(text) => pick(lang, "een andere waarde".into(), quoted(text)),
        }
    }
}

/// `; bedoel je 'a' of 'b'?` / `; did you mean 'a' or 'b'?`, or that
/// `none` (`geen functie` / `no role`) comes close.
fn did_you_mean(suggestions: &[String], none: (&str, &str)) -> (String, String) {
    let names: Vec<String> = suggestions
        .iter()
        .map(|s| format!("'{}'", quoted(s)))
        .collect();
    match names.split_last() {
        None => (
            format!("; {} lijkt erop", none.0),
            format!("; {} comes close", none.1),
        ),
        Some((last, [])) => (
            format!("; bedoel je {last}?"),
            format!("; did you mean {last}?"),
        ),
        Some((last, rest)) => {
            let rest = rest.join(", ");
            (
                format!("; bedoel je {rest} of {last}?"),
                format!("; did you mean {rest} or {last}?"),
            )
        }
    }
}

/// A number as written, with a decimal comma in Dutch (`32,5`); anything
/// that is not a plain decimal number is left as it is.
fn number(lang: Lang, n: &str) -> String {
    let plain = n.strip_prefix('-').unwrap_or(n);
    let decimal = plain.split_once('.').is_some_and(|(a, b)| {
        !a.is_empty() && !b.is_empty() && (a.bytes().chain(b.bytes())).all(|c| c.is_ascii_digit())
    });
    match lang {
        Lang::Nl if decimal => quoted(&n.replace('.', ",")),
        _ => quoted(n),
    }
}

impl Found {
    /// The value itself where it can be shown (`-1`, `'abc'`), else in words.
    pub fn value(&self, lang: Lang) -> String {
        match self {
            Found::Number(n) => number(lang, n),
            Found::Text(s) => format!("'{}'", quoted(s)),
            Found::EmptyList => pick(lang, "(leeg)".into(), "(empty)".into()),
            other => other.describe(lang),
        }
    }

    /// In words, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let at = |nl: &str, en: &str| pick(lang, nl.to_string(), en.to_string());
        match self {
            Found::Null => at("niets (null)", "nothing (null)"),
            Found::Bool(b) => pick(
                lang,
                format!("de waarheidswaarde {b}"),
                format!("boolean {b}"),
            ),
            Found::Number(n) => pick(
                lang,
                format!("het getal {}", number(lang, n)),
                format!("number {}", number(lang, n)),
            ),
            Found::Text(s) => pick(
                lang,
                format!("de tekst '{}'", quoted(s)),
                format!("text '{}'", quoted(s)),
            ),
            Found::List => at("een lijst", "a list"),
            Found::EmptyList => at("een lege lijst", "an empty list"),
            Found::Mapping => at("regels 'sleutel: waarde'", "a mapping"),
            Found::Tagged(tag) => pick(
                lang,
                format!("een waarde met tag {}", quoted(tag)),
                format!("tagged value {}", quoted(tag)),
            ),
            Found::YesNoCell(true) => at("een ja/nee-cel (WAAR)", "a yes/no cell (TRUE)"),
            Found::YesNoCell(false) => at("een ja/nee-cel (ONWAAR)", "a yes/no cell (FALSE)"),
            Found::Other(text) if text.is_empty() => at("iets anders", "something else"),
            Found::Other(text) => pick(lang, "iets anders".into(), quoted(text)),
        }
    }
}

impl Token {
    /// In words, in `lang`.
    pub fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Token::CommaOrBracket, Lang::Nl) => "',' of ']'",
            (Token::CommaOrBracket, Lang::En) => "',' or ']'",
            (Token::CommaOrBrace, Lang::Nl) => "',' of '}'",
            (Token::CommaOrBrace, Lang::En) => "',' or '}'",
            (Token::Colon, _) => "':'",
            (Token::Quote, _) => "'\"'",
            (Token::Key, Lang::Nl) => "een sleutel",
            (Token::Key, Lang::En) => "a key",
            (Token::Value, Lang::Nl) => "een waarde",
            (Token::Value, Lang::En) => "a value",
            (Token::Dash, Lang::Nl) => "'-' (een lijstitem)",
            (Token::Dash, Lang::En) => "'-' (a list item)",
            (Token::LineEnd, Lang::Nl) => "het einde van de regel",
            (Token::LineEnd, Lang::En) => "the end of the line",
            (Token::Space, Lang::Nl) => "een spatie",
            (Token::Space, Lang::En) => "a space",
            (Token::DocumentStart, Lang::Nl) => "'---' (het begin van een document)",
            (Token::DocumentStart, Lang::En) => "'---' (the start of a document)",
        }
    }
}

impl Construct {
    /// In words, in `lang`, with an article: "the list in [ ]".
    pub fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Construct::FlowSequence, Lang::Nl) => "de lijst tussen [ ]",
            (Construct::FlowSequence, Lang::En) => "the list in [ ]",
            (Construct::FlowMapping, Lang::Nl) => "de regels tussen { }",
            (Construct::FlowMapping, Lang::En) => "the mapping in { }",
            (Construct::BlockMapping, Lang::Nl) => "de ingesprongen regels 'sleutel: waarde'",
            (Construct::BlockMapping, Lang::En) => "the indented key: value lines",
            (Construct::BlockCollection, Lang::Nl) => "het ingesprongen blok",
            (Construct::BlockCollection, Lang::En) => "the indented block",
            (Construct::Value, Lang::Nl) => "de waarde",
            (Construct::Value, Lang::En) => "the value",
            (Construct::QuotedText, Lang::Nl) => "de tekst tussen aanhalingstekens",
            (Construct::QuotedText, Lang::En) => "the quoted text",
            (Construct::PlainText, Lang::Nl) => "de tekst",
            (Construct::PlainText, Lang::En) => "the text",
            (Construct::BlockText, Lang::Nl) => "het tekstblok (| of >)",
            (Construct::BlockText, Lang::En) => "the block of text (| or >)",
            (Construct::Key, Lang::Nl) => "de sleutel",
            (Construct::Key, Lang::En) => "the key",
            (Construct::Tag, Lang::Nl) => "de tag (!)",
            (Construct::Tag, Lang::En) => "the tag (!)",
            (Construct::Anchor, Lang::Nl) => "het anker (& of *)",
            (Construct::Anchor, Lang::En) => "the anchor (& or *)",
            (Construct::Directive, Lang::Nl) => "de %-regel",
            (Construct::Directive, Lang::En) => "the % line",
        }
    }
}

impl SyntaxProblem {
    /// In words, in `lang`, for a text in `format`.
    pub fn describe(&self, format: TextFormat, lang: Lang) -> String {
        let at = |nl: &str, en: &str| pick(lang, nl.to_string(), en.to_string());
        let name = match format {
            TextFormat::Yaml => "YAML",
            TextFormat::Json => "JSON",
            TextFormat::Csv => "CSV",
        };
        match self {
            SyntaxProblem::Missing(token) => pick(
                lang,
                format!("hier hoort {}", token.describe(lang)),
                format!("expected {} here", token.describe(lang)),
            ),
            SyntaxProblem::UnexpectedEnd => at(
                "het bestand houdt op voordat alles is afgesloten",
                "the file ends before everything is closed",
            ),
            SyntaxProblem::MappingValueHere => at(
                "hier mag geen 'sleutel: waarde' beginnen (staat er een ':' in een tekst zonder aanhalingstekens, of klopt het inspringen niet?)",
                "no key: value may start here (is there a ':' in text without quotes, or is the indentation wrong?)",
            ),
            SyntaxProblem::MappingKeyHere => at(
                "hier mag geen sleutel ('?') beginnen",
                "no key ('?') may start here",
            ),
            SyntaxProblem::ListItemHere => at(
                "hier mag geen lijstitem ('-') beginnen (klopt het inspringen?)",
                "no list item ('-') may start here (is the indentation right?)",
            ),
            SyntaxProblem::Tab => at(
                "een tab waar ingesprongen moet worden met spaties",
                "a tab where the indentation must be spaces",
            ),
            SyntaxProblem::BadCharacter => at(
                "met dit teken kan hier niets beginnen (zet de tekst tussen aanhalingstekens)",
                "nothing can start with this character here (put the text in quotes)",
            ),
            SyntaxProblem::DocumentMarker => at(
                "'---' of '...' midden in het document",
                "'---' or '...' inside the document",
            ),
            SyntaxProblem::SeveralDocuments => at(
                "het bestand bevat meer dan één document ('---'); dat wordt niet ondersteund",
                "the file holds more than one document ('---'); that is not supported",
            ),
            SyntaxProblem::BadEscape => at(
                "onbekende escape met '\\' in de tekst (gebruik enkele aanhalingstekens of '\\\\')",
                "unknown escape with '\\' in the text (use single quotes or '\\\\')",
            ),
            SyntaxProblem::UnknownAlias => at(
                "verwijzing '*' naar een anker '&' dat niet bestaat",
                "alias '*' to an anchor '&' that does not exist",
            ),
            SyntaxProblem::DuplicateAnchor => at(
                "twee ankers '&' met dezelfde naam",
                "two anchors '&' with the same name",
            ),
            SyntaxProblem::BadTag => at("deze tag ('!') is niet te lezen", "this tag ('!') cannot be read"),
            SyntaxProblem::BadDirective => at(
                "deze %-regel is niet te lezen",
                "this % line cannot be read",
            ),
            SyntaxProblem::BadMerge => at(
                "'<<' mag alleen regels 'sleutel: waarde' samenvoegen",
                "'<<' can only merge key: value lines",
            ),
            SyntaxProblem::Encoding => pick(
                lang,
                format!("tekens die geen {name}-tekst kunnen zijn (de codering of een stuurteken)"),
                format!("characters that cannot be {name} text (the encoding or a control character)"),
            ),
            SyntaxProblem::TooDeep => at(
                "te diep genest (meer dan 128 niveaus)",
                "nested too deeply (more than 128 levels)",
            ),
            SyntaxProblem::TooManyAliases => at(
                "de verwijzingen ('*') herhalen zo vaak dat het document te groot wordt",
                "the aliases ('*') repeat so often that the document gets too large",
            ),
            SyntaxProblem::DuplicateKey(key) => pick(
                lang,
                format!("de sleutel '{}' staat twee keer in hetzelfde blok", quoted(key)),
                format!("the key '{}' appears twice in the same mapping", quoted(key)),
            ),
            SyntaxProblem::NumberTooLarge(n) => pick(
                lang,
                format!("het getal {} is te groot", quoted(n)),
                format!("the number {} is too large", quoted(n)),
            ),
            SyntaxProblem::BadNumber => at("dit getal is niet te lezen", "this number cannot be read"),
            SyntaxProblem::KeyNotText => at(
                "een sleutel moet tekst tussen aanhalingstekens zijn",
                "a key must be text in quotes",
            ),
            SyntaxProblem::TrailingComma => at(
                "een komma voor het sluithaakje",
                "a comma before the closing bracket",
            ),
            SyntaxProblem::TrailingCharacters => pick(
                lang,
                format!("er staat nog tekst na het einde van de {name}-waarde"),
                format!("there is more text after the end of the {name} value"),
            ),
            SyntaxProblem::UnclosedQuote => at(
                "niet afgesloten aanhalingsteken: de cel begint met '\"' maar het sluitende '\"' ontbreekt",
                "unclosed quote: the cell starts with '\"' but the closing '\"' is missing",
            ),
            SyntaxProblem::Other(raw) => pick(
                lang,
                format!("de {name}-lezer kon dit niet lezen"),
                cut(raw, 3 * MAX_QUOTED),
            ),
        }
    }
}

impl LoadError {
    /// The message without the position, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let at = |nl: String, en: String| pick(lang, nl, en);
        let mean = |s: &Option<String>| match s {
            Some(s) => at(
                format!("; bedoel je '{}'?", quoted(s)),
                format!("; did you mean '{}'?", quoted(s)),
            ),
            None => String::new(),
        };
        // "field: " before a message about a value; nothing for the whole file.
        let what = field_name(&self.path);
        // A review log's fields are named in the message's language.
        let shown = crate::format::LogField::from_key(what).map_or(what, |f| f.label(lang));
        let place = if what.is_empty() {
            String::new()
        } else {
            format!("{}: ", quoted(shown))
        };
        let list = |items: &[String]| {
            let items: Vec<String> = items.iter().map(|s| quoted(s)).collect();
            items.join(", ")
        };
        match &self.kind {
            ErrorKind::Unreadable(problem) => {
                match problem {
                    ReadProblem::NotFound => at(
                        "dit bestand bestaat niet".into(),
                        "there is no such file".into(),
                    ),
                    ReadProblem::IsDirectory => at(
                        "dit is een map, geen bestand".into(),
                        "this is a folder, not a file".into(),
                    ),
                    ReadProblem::PermissionDenied => at(
                        "geen toestemming om dit bestand te lezen".into(),
                        "no permission to read this file".into(),
                    ),
                    ReadProblem::NotUtf8 => at(
                        "hier staat iets dat geen UTF-8-tekst is; sla het bestand op als UTF-8".into(),
                        "this is not UTF-8 text; save the file as UTF-8".into(),
                    ),
                    ReadProblem::Other => at(
                        "het besturingssysteem weigert dit bestand te lezen".into(),
                        "the operating system refuses to read this file".into(),
                    ),
                    ReadProblem::SpreadsheetKind => at(
                        "dit soort spreadsheet kan hier niet gelezen worden; sla het op als Excel-werkmap (.xlsx) of als CSV".into(),
                        "this kind of spreadsheet cannot be read here; save it as an Excel workbook (.xlsx) or as CSV".into(),
                    ),
                    ReadProblem::BadSpreadsheet => at(
                        "dit is geen leesbare Excel-werkmap (.xlsx): het bestand is beschadigd of iets anders".into(),
                        "this is not a readable Excel workbook (.xlsx): the file is damaged or something else".into(),
                    ),
                    ReadProblem::Ods => at(
                        "dit is een OpenDocument-rekenblad (.ods), dat hier niet gelezen wordt; sla het op als Excel-werkmap (.xlsx, zonder wachtwoord) of als CSV".into(),
                        "this is an OpenDocument spreadsheet (.ods), which cannot be read here; save it as an Excel workbook (.xlsx, without a password) or as CSV".into(),
                    ),
                    ReadProblem::MixedEncoding => at(
                        "hier staat een teken dat geen UTF-8 is, in een bestand dat verder UTF-8 is (getypt of geplakt in een ander programma?); verbeter het teken of sla het bestand opnieuw op als UTF-8".into(),
                        "here is a character that is not UTF-8, in a file that is UTF-8 otherwise (typed or pasted in another program?); correct it or save the file as UTF-8 again".into(),
                    ),
                    ReadProblem::Password => at(
                        "deze werkmap is met een wachtwoord beveiligd; sla hem zonder wachtwoord op".into(),
                        "this workbook is protected with a password; save it without one".into(),
                    ),
                }
            }
            ErrorKind::FormulaWithoutValue => at(
                format!("{place}deze cel heeft een formule zonder berekende waarde in het bestand; open het in Excel of LibreOffice en sla het opnieuw op (of sla het blad op als CSV)"),
                format!("{place}this cell holds a formula without its computed value in the file; open it in Excel or LibreOffice and save it again (or save the sheet as CSV)"),
            ),
            ErrorKind::TooLargeUnpacked { part, limit } => {
                let mib = limit / (1024 * 1024);
                match part {
                    Some(part) => at(
                        format!("deze werkmap pakt uit tot te veel gegevens: het deel '{}' wordt groter dan {mib} MiB, het maximum voor één deel (een export van 50.000 personen blijft daar ver onder); is dit het goede bestand? Sla het blad anders op als CSV", quoted(part)),
                        format!("this workbook unpacks to too much data: its part '{}' grows beyond {mib} MiB, the limit for one part (an export of 50,000 people stays far below it); is this the right file? Otherwise save the sheet as CSV", quoted(part)),
                    ),
                    None => at(
                        format!("deze werkmap pakt uit tot te veel gegevens: samen meer dan {mib} MiB, het maximum (een export van 50.000 personen blijft daar ver onder); is dit het goede bestand? Sla het blad anders op als CSV"),
                        format!("this workbook unpacks to too much data: more than {mib} MiB in all, the limit (an export of 50,000 people stays far below it); is this the right file? Otherwise save the sheet as CSV"),
                    ),
                }
            }
            ErrorKind::TooLarge { size, limit } => at(
                format!("bestand is te groot ({size} bytes); het maximum is {limit} bytes"),
                format!("file is too large ({size} bytes); the limit is {limit} bytes"),
            ),
            ErrorKind::Syntax {
                format,
                problem,
                context,
            } => {
                let name = match format {
                    TextFormat::Yaml => "YAML",
                    TextFormat::Json => "JSON",
                    TextFormat::Csv => "CSV",
                };
                let problem = problem.describe(*format, lang);
                let context = match context {
                    None => String::new(),
                    Some(Context {
                        construct,
                        at: Some(Pos { line, column }),
                    }) => at(
                        format!(
                            " (in {} die begint op regel {line}, kolom {column})",
                            construct.describe(lang)
                        ),
                        format!(
                            " (in {} that begins at line {line}, column {column})",
                            construct.describe(lang)
                        ),
                    ),
                    Some(Context {
                        construct,
                        at: None,
                    }) => format!(" ({})", construct.describe(lang)),
                };
                at(
                    format!("ongeldige {name}: {problem}{context}"),
                    format!("invalid {name}: {problem}{context}"),
                )
            }
            ErrorKind::InvalidType { expected, found } => at(
                format!(
                    "{place}verwacht {}, gevonden {}",
                    expected.describe(lang),
                    found.describe(lang)
                ),
                format!(
                    "{place}expected {}, found {}",
                    expected.describe(lang),
                    found.describe(lang)
                ),
            ),
            ErrorKind::InvalidValue { expected, found } => at(
                format!(
                    "{place}ongeldige waarde {}; verwacht {}",
                    found.value(lang),
                    expected.describe(lang)
                ),
                format!(
                    "{place}invalid value {}; expected {}",
                    found.value(lang),
                    expected.describe(lang)
                ),
            ),
            ErrorKind::MissingField(field) => {
                let place = if self.path.is_empty() {
                    String::new()
                } else {
                    format!("{}: ", quoted(&self.path))
                };
                let field = quoted(field);
                at(
                    format!("{place}verplicht veld '{field}' ontbreekt"),
                    format!("{place}missing field '{field}'"),
                )
            }
            ErrorKind::EmptyField(field) => at(
                format!("verplicht veld '{}' ontbreekt", field_label(field, Lang::Nl)),
                format!("missing field '{}'", field_label(field, Lang::En)),
            ),
            ErrorKind::UnknownField {
                field,
                expected,
                suggestion,
            } => at(
                format!(
                    "onbekend veld '{}'; toegestaan: {}{}",
                    quoted(field),
                    list(expected),
                    mean(suggestion)
                ),
                format!(
                    "unknown field '{}'; expected one of {}{}",
                    quoted(field),
                    list(expected),
                    mean(suggestion)
                ),
            ),
            ErrorKind::DuplicateColumn { name, first } => at(
                format!(
                    "kolom '{}' staat twee keer in de kopregel (eerder als kolom {first}); welke telt is niet te zeggen",
                    quoted(name)
                ),
                format!(
                    "column '{}' appears twice in the header (first as column {first}); which one counts is ambiguous",
                    quoted(name)
                ),
            ),
            ErrorKind::UnknownName {
                found,
                expected,
                suggestion,
            } => {
                let what = quoted(what);
                at(
                    format!(
                        "onbekende {what} '{}'; toegestaan: {}{}",
                        quoted(found),
                        list(expected),
                        mean(suggestion)
                    ),
                    format!(
                        "unknown {what} '{}'; expected one of {}{}",
                        quoted(found),
                        list(expected),
                        mean(suggestion)
                    ),
                )
            }
            ErrorKind::UnsupportedSchema { found, supported } => at(
                format!(
                    "schema '{}' wordt niet ondersteund; verwacht '{supported}'",
                    quoted(found)
                ),
                format!(
                    "unsupported schema '{}'; expected '{supported}'",
                    quoted(found)
                ),
            ),
            ErrorKind::DuplicateId { id, first } => {
                let id = quoted(id);
                match first {
                    Some(Pos { line, .. }) => at(
                        format!("functie-id '{id}' komt twee keer voor (eerder op regel {line})"),
                        format!("role id '{id}' is used twice (first on line {line})"),
                    ),
                    None => at(
                        format!("functie-id '{id}' komt twee keer voor"),
                        format!("role id '{id}' is used twice"),
                    ),
                }
            }
            ErrorKind::DuplicatePerson { id, first } => at(
                format!("persoon '{}' staat er twee keer in{}", quoted(id), earlier(first, lang)),
                format!("person '{}' is listed twice{}", quoted(id), earlier(first, lang)),
            ),
            ErrorKind::DuplicatePair { mentee, first } => at(
                format!("'{mentee}' heeft al een mentor in een eerdere koppeling{}", earlier(first, lang)),
                format!("'{mentee}' already has a mentor in an earlier pair{}", earlier(first, lang)),
            ),
            ErrorKind::SelfPair(id) => at(
                format!("'{id}' is aan zichzelf gekoppeld; mentor en mentee moeten twee mensen zijn"),
                format!("'{id}' is paired with themselves; mentor and mentee must be two people"),
            ),
            ErrorKind::ManagerCycle(people) => {
                let mut chain = people.clone();
                if let Some(first) = people.first() {
                    chain.push(first.clone());
                }
                let chain = chain.join(" → ");
                at(
                    format!("waarschuwing: leidinggevenden vormen een kring: {chain}"),
                    format!("warning: managers form a circle: {chain}"),
                )
            }
            ErrorKind::OwnManager(id) => at(
                format!("waarschuwing: '{id}' is de eigen leidinggevende"),
                format!("warning: '{id}' is their own manager"),
            ),
            ErrorKind::DownwardPromotion {
                from,
                to,
                from_level,
                to_level,
            } => at(
                format!("waarschuwing: de promotie van '{from}' ({from_level}) naar '{to}' ({to_level}) gaat een niveau omlaag; bedoel je kind: lateral?"),
                format!("warning: the promotion from '{from}' ({from_level}) to '{to}' ({to_level}) goes down a level; did you mean kind: lateral?"),
            ),
            ErrorKind::DuplicatePayScale { scale, first } => at(
                format!("waarschuwing: schaal {scale} staat twee keer in pay_scales{}; de eerste telt", earlier(first, lang)),
                format!("warning: scale {scale} is listed twice in pay_scales{}; the first counts", earlier(first, lang)),
            ),
            ErrorKind::MissingColumn { field, headers } => {
                let label = |l| field_label(field, l);
                at(
                    format!(
                        "geen kolom voor {} gevonden; de kolommen van het bestand: {}",
                        label(Lang::Nl),
                        list(headers)
                    ),
                    format!(
                        "no column for {} found; the file's columns: {}",
                        label(Lang::En),
                        list(headers)
                    ),
                )
            }
            ErrorKind::NoGroupColumns(headers) => at(
                format!(
                    "geen kolommen groep en id gevonden, zoals doorgroei intervisie --format csv ze schrijft; de kolommen van het bestand: {}",
                    list(headers)
                ),
                format!(
                    "no group and id columns found, as doorgroei intervisie --format csv writes them; the file's columns: {}",
                    list(headers)
                ),
            ),
            ErrorKind::NoHeaderRow => at(
                "geen kopregel gevonden: geen van de eerste 20 regels noemt twee velden van een rooster (zoals Personeelsnummer, Naam, Functie, Werkdagen); zet de kolomnamen boven de gegevens of geef een kolommenbestand mee".into(),
                "no header row found: none of the first 20 rows names two roster fields (such as employee id, name, role, working days, in English or Dutch); put the column names above the data or give a columns file".into(),
            ),
            ErrorKind::TooManyCells { cells, header } => at(
                format!("deze regel heeft {cells} cellen en de kopregel {header}; staat er een scheidingsteken in een cel? De regel is niet gelezen"),
                format!("this row has {cells} cells and the header row {header}; is there a delimiter inside a cell? The row was not read"),
            ),
            ErrorKind::ColumnNotFound { field, header } => {
                let label = |l| field_label(field, l);
                at(
                    format!(
                        "de kolom '{}' (voor {}) staat niet in het bestand",
                        quoted(header),
                        label(Lang::Nl)
                    ),
                    format!(
                        "the column '{}' (for {}) is not in the file",
                        quoted(header),
                        label(Lang::En)
                    ),
                )
            }
            ErrorKind::UnknownSheet {
                found,
                sheets,
                suggestion,
            } => at(
                format!(
                    "er is geen blad '{}'; de bladen zijn: {}{}",
                    quoted(found),
                    list(sheets),
                    mean(suggestion)
                ),
                format!(
                    "there is no sheet '{}'; the sheets are: {}{}",
                    quoted(found),
                    list(sheets),
                    mean(suggestion)
                ),
            ),
            ErrorKind::UnusedColumns {
                headers,
                near,
                by_columns_file,
            } => {
                let mut nl = format!(
                    "niet gebruikt: {} (geen gegevens voor de koppeling; deze kolommen worden niet gelezen)",
                    list(headers)
                );
                let mut en = format!(
                    "not used: {} (not needed for matching; these columns are not read)",
                    list(headers)
                );
                for (header, field) in near {
                    let header = quoted(header);
                    let (label_nl, label_en) = (field_label(field, Lang::Nl), field_label(field, Lang::En));
                    if *by_columns_file {
                        nl.push_str(&format!(
                            "; is '{header}' de kolom voor {label_nl}? Zet dan {field}: \"{header}\" in het kolommenbestand"
                        ));
                        en.push_str(&format!(
                            "; is '{header}' the column for {label_en}? Then put {field}: \"{header}\" in the columns file"
                        ));
                    } else {
                        nl.push_str(&format!(
                            "; is '{header}' de kolom voor {label_nl}? Noem hem dan zo"
                        ));
                        en.push_str(&format!(
                            "; is '{header}' the column for {label_en}? Then name it so"
                        ));
                    }
                }
                at(nl, en)
            }
            ErrorKind::UnnamedColumns(columns) => {
                let names: Vec<String> = columns
                    .iter()
                    .map(|&c| match &self.sheet {
                        Some(_) => crate::format::column_letters(c.saturating_sub(1)),
                        None => c.to_string(),
                    })
                    .collect();
                let names = names.join(", ");
                match columns.len() {
                    1 => at(
                        format!("waarschuwing: kolom {names} heeft gegevens maar geen naam in de kopregel en wordt niet gelezen; geef de kolom een naam als hij nodig is"),
                        format!("warning: column {names} has data but no name in the header row and is not read; name the column if it is needed"),
                    ),
                    _ => at(
                        format!("waarschuwing: de kolommen {names} hebben gegevens maar geen naam in de kopregel en worden niet gelezen; geef ze een naam als ze nodig zijn"),
                        format!("warning: columns {names} have data but no name in the header row and are not read; name them if they are needed"),
                    ),
                }
            }
            ErrorKind::AmbiguousPerson { name, ids } => at(
                format!(
                    "'{}' is de naam van meer dan één persoon: {}; gebruik het personeelsnummer",
                    quoted(name),
                    list(ids)
                ),
                format!(
                    "'{}' is the name of more than one person: {}; use the id",
                    quoted(name),
                    list(ids)
                ),
            ),
            ErrorKind::UnknownRole { id, suggestions } => {
                let (nl, en) = did_you_mean(suggestions, ("geen functie", "no role"));
                at(
                    format!("onbekende functie '{}'{nl}", quoted(id)),
                    format!("unknown role '{}'{en}", quoted(id)),
                )
            }
            ErrorKind::UnknownCompetency { name, suggestions } => {
                let (nl, en) = did_you_mean(suggestions, ("geen competentie", "no competency"));
                at(
                    format!("waarschuwing: geen functie of overgang in het functiehuis vraagt de competentie '{}'; je oordeel wordt bewaard maar telt nergens mee{nl}", quoted(name)),
                    format!("warning: no role or transition of the ladder asks for the competency '{}'; your rating is kept but counts nowhere{en}", quoted(name)),
                )
            }
            ErrorKind::UnknownPerson { id, suggestion } => at(
                format!("onbekende persoon '{}'{}", quoted(id), mean(suggestion)),
                format!("unknown person '{}'{}", quoted(id), mean(suggestion)),
            ),
            ErrorKind::SelfLoop(id) => at(
                format!("overgang van '{}' naar zichzelf", quoted(id)),
                format!("transition from '{}' to itself", quoted(id)),
            ),
            ErrorKind::DuplicateTransition { from, to } => at(
                format!(
                    "de overgang van '{}' naar '{}' staat er twee keer in",
                    quoted(from),
                    quoted(to)
                ),
                format!(
                    "the transition from '{}' to '{}' is listed twice",
                    quoted(from),
                    quoted(to)
                ),
            ),
            ErrorKind::MixSum(sum) => at(
                format!("de verdeling over sporen telt op tot {sum}%, niet tot 100%"),
                format!("the track mix adds up to {sum}%, not 100%"),
            ),
            ErrorKind::InvertedRange { min, max } => at(
                format!(
                    "{place}minimum {} is hoger dan maximum {}",
                    quoted(min),
                    quoted(max)
                ),
                format!(
                    "{place}minimum {} is above maximum {}",
                    quoted(min),
                    quoted(max)
                ),
            ),
            ErrorKind::PromotionCycle(roles) => {
                let mut route: Vec<String> = roles.iter().map(|r| quoted(r)).collect();
                if let Some(first) = route.first() {
                    route.push(first.clone());
                }
                let route = route.join(" → ");
                at(
                    format!("promoties vormen een kringloop: {route}"),
                    format!("promotions form a cycle: {route}"),
                )
            }
            ErrorKind::NoRoles => at(
                "het functiehuis bevat geen functies".to_string(),
                "the ladder has no roles".to_string(),
            ),
            ErrorKind::TooMany { what, count, limit } => {
                let (nl, en) = match what {
                    Counted::Roles => ("functies", "roles"),
                    Counted::Transitions => ("overgangen", "transitions"),
                    Counted::People => ("personen", "people"),
                    Counted::Cells => ("cellen", "cells"),
                    Counted::Reviews => ("besprekingen", "reviews"),
                };
                at(
                    format!("te veel {nl}: {count}; het maximum is {limit}"),
                    format!("too many {en}: {count}; the limit is {limit}"),
                )
            }
            ErrorKind::UnknownWord {
                field,
                found,
                expected,
                suggestion,
            } => {
                let words: Vec<String> = expected
                    .iter()
                    .map(|&(nl, en)| pick(lang, nl.into(), en.into()))
                    .collect();
                let close = suggestion
                    .and_then(|i| words.get(usize::from(i)).cloned());
                at(
                    format!(
                        "onbekende {} '{}'; toegestaan: {}{}",
                        word_field(field, Lang::Nl),
                        quoted(found),
                        list(&words),
                        mean(&close)
                    ),
                    format!(
                        "unknown {} '{}'; expected one of {}{}",
                        word_field(field, Lang::En),
                        quoted(found),
                        list(&words),
                        mean(&close)
                    ),
                )
            }
            ErrorKind::DuplicateReview {
                mentor,
                mentee,
                date,
                first_line,
            } => {
                let first = first_line.map(|line| Pos { line, column: 1 });
                let date = crate::dates::Iso(*date);
                at(
                format!(
                    "de bespreking van mentor '{}' met mentee '{}' op {date} staat er twee keer in{}",
                    quoted(mentor),
                    quoted(mentee),
                    earlier(&first, lang)
                ),
                format!(
                    "the review of mentor '{}' with mentee '{}' on {date} is listed twice{}",
                    quoted(mentor),
                    quoted(mentee),
                    earlier(&first, lang)
                ),
                )
            }
            ErrorKind::OutOfRange { found, limit } => limit.refusal(what, found, lang),
        }
    }

    /// `file:line:col: message` (or `file: message` without a position), in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match (self.pos, &self.sheet) {
            (Some(Pos { line, column }), Some(sheet)) => format!(
                "{}: {sheet}!{}{line}: {}",
                self.file,
                crate::format::column_letters(column.saturating_sub(1)),
                self.message(lang)
            ),
            (None, Some(sheet)) => format!("{}: {sheet}: {}", self.file, self.message(lang)),
            (Some(Pos { line, column }), None) => {
                format!("{}:{line}:{column}: {}", self.file, self.message(lang))
            }
            (None, None) => format!("{}: {}", self.file, self.message(lang)),
        }
    }
}

/// A roster field as a person calls it (`startdatum` / `start date`), by
/// its file word.
fn field_label(field: &str, lang: Lang) -> &str {
    match crate::format::Field::from_key(field) {
        Some(f) => f.label(lang),
        None => crate::format::LogField::from_key(field).map_or(field, |f| f.label(lang)),
    }
}

/// What an [`ErrorKind::UnknownWord`] is: a log field, or a CSV `column`.
fn word_field(field: &str, lang: Lang) -> &str {
    match (field, lang) {
        ("column", Lang::Nl) => "kolom",
        ("rating", Lang::Nl) => "beoordeling",
        _ => field_label(field, lang),
    }
}

/// ` (eerder op regel 4)` / ` (first on line 4)`, or nothing without a position.
fn earlier(first: &Option<Pos>, lang: Lang) -> String {
    match (first, lang) {
        (None, _) => String::new(),
        (Some(p), Lang::Nl) => format!(" (eerder op regel {})", p.line),
        (Some(p), Lang::En) => format!(" (first on line {})", p.line),
    }
}

/// The last named segment of a path (`roles[3].level` → `level`), for
/// messages; empty for the whole file.
fn field_name(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last)
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// All problems found in one or more files, sorted by file and position.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LoadErrors(pub Vec<LoadError>);

impl LoadErrors {
    /// One line per problem, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let lines: Vec<String> = self.0.iter().map(|e| e.render(lang)).collect();
        lines.join("\n")
    }

    /// A one-line summary, such as `3 problems`.
    pub fn summary(&self, lang: Lang) -> String {
        let n = self.0.len();
        match (lang, n) {
            (Lang::Nl, 1) => "1 probleem".into(),
            (Lang::Nl, n) => format!("{n} problemen"),
            (Lang::En, 1) => "1 problem".into(),
            (Lang::En, n) => format!("{n} problems"),
        }
    }
}

impl LoadErrors {
    /// These as warnings, as a person reads them (`2 waarschuwingen`), or
    /// None when there are none.
    pub fn warnings_report(&self) -> Option<Report> {
        if self.0.is_empty() {
            return None;
        }
        let n = self.0.len();
        let mut report = self.report();
        report.summary = match n {
            1 => Bilingual::new("1 waarschuwing", "1 warning"),
            n => Bilingual::new(format!("{n} waarschuwingen"), format!("{n} warnings")),
        };
        Some(report)
    }

    /// The problems as a person reads them, in both languages.
    pub fn report(&self) -> Report {
        let both = |f: &dyn Fn(Lang) -> String| Bilingual::new(f(Lang::Nl), f(Lang::En));
        Report {
            file: self.0.first().map(|e| e.file.clone()).unwrap_or_default(),
            summary: both(&|lang| self.summary(lang)),
            lines: self
                .0
                .iter()
                .map(|e| both(&|lang| e.render(lang)))
                .collect(),
        }
    }
}

/// Load problems as shown to a person: the file, a summary and one
/// `file:line:col: message` line per problem, each in both languages. The web
/// app keeps and shows these; its worker sends them to the page. (Only the
/// text crosses: nothing deserialises an [`ErrorKind`], which keeps a typed
/// error decoder (30 KB of wasm, 6 KiB gzip) out of the web build.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The (first) file with problems.
    pub file: String,
    /// `3 problemen` / `3 problems`.
    pub summary: Bilingual,
    /// One line per problem.
    pub lines: Vec<Bilingual>,
}

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for LoadErrors {}
