//! Errors in input files: where (file, line, column, path) and what.
//!
//! Every problem is a [`LoadError`]; a file with several problems yields a
//! [`LoadErrors`] with all of them, sorted by position. Messages exist in
//! Dutch and English ([`LoadError::message`]); `Display` is English, in the
//! `file:line:col: message` form that editors and CI logs understand.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{decimal, Bilingual, Lang};

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
    /// What is wrong.
    pub kind: ErrorKind,
}

/// What is wrong with an input file.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file is larger than the loader accepts.
    TooLarge {
        /// Size in bytes.
        size: usize,
        /// Accepted maximum in bytes.
        limit: usize,
    },
    /// The YAML parser rejected the text (syntax, nesting too deep, alias bombs).
    Syntax(String),
    /// A value has the wrong type.
    InvalidType {
        /// What the format expects here.
        expected: String,
        /// What the file has.
        found: String,
    },
    /// A value is of the right type but out of range or malformed.
    InvalidValue {
        /// What the format expects here.
        expected: String,
        /// What the file has.
        found: String,
    },
    /// A required field is absent.
    MissingField(String),
    /// A field the format does not know (often a typo).
    UnknownField {
        /// The field as written.
        field: String,
        /// The fields allowed here.
        expected: Vec<String>,
        /// The closest allowed field, if one is close.
        suggestion: Option<String>,
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
    /// Two roles share an id.
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Where the first one is.
        first: Option<Pos>,
    },
    /// A transition names a role that does not exist.
    UnknownRole {
        /// The id as written.
        id: String,
        /// The closest existing id, if one is close.
        suggestion: Option<String>,
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
    /// More items than the loader accepts.
    TooMany {
        /// What is counted (`roles`, `transitions`).
        what: String,
        /// How many the file has.
        count: usize,
        /// The accepted maximum.
        limit: usize,
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

impl LoadError {
    /// The message without the position, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let at = |nl: String, en: String| match lang {
            Lang::Nl => nl,
            Lang::En => en,
        };
        let path = &self.path;
        let mean = |s: &Option<String>| match s {
            Some(s) => at(
                format!("; bedoel je '{s}'?"),
                format!("; did you mean '{s}'?"),
            ),
            None => String::new(),
        };
        let what = field_name(path);
        match &self.kind {
            ErrorKind::TooLarge { size, limit } => at(
                format!("bestand is te groot ({size} bytes); het maximum is {limit} bytes"),
                format!("file is too large ({size} bytes); the limit is {limit} bytes"),
            ),
            ErrorKind::Syntax(problem) => at(
                format!("ongeldige YAML: {problem}"),
                format!("invalid YAML: {problem}"),
            ),
            ErrorKind::InvalidType { expected, found } => at(
                format!("{what}: verwacht {expected}, gevonden {found}"),
                format!("{what}: expected {expected}, found {found}"),
            ),
            ErrorKind::InvalidValue { expected, found } => at(
                format!("{what}: ongeldige waarde {found}; verwacht {expected}"),
                format!("{what}: invalid value {found}; expected {expected}"),
            ),
            ErrorKind::MissingField(field) => {
                let place = if path.is_empty() {
                    String::new()
                } else {
                    format!("{path}: ")
                };
                at(
                    format!("{place}verplicht veld '{field}' ontbreekt"),
                    format!("{place}missing field '{field}'"),
                )
            }
            ErrorKind::UnknownField {
                field,
                expected,
                suggestion,
            } => at(
                format!(
                    "onbekend veld '{field}'; toegestaan: {}{}",
                    expected.join(", "),
                    mean(suggestion)
                ),
                format!(
                    "unknown field '{field}'; expected one of {}{}",
                    expected.join(", "),
                    mean(suggestion)
                ),
            ),
            ErrorKind::UnknownName {
                found,
                expected,
                suggestion,
            } => at(
                format!(
                    "onbekende {what} '{found}'; toegestaan: {}{}",
                    expected.join(", "),
                    mean(suggestion)
                ),
                format!(
                    "unknown {what} '{found}'; expected one of {}{}",
                    expected.join(", "),
                    mean(suggestion)
                ),
            ),
            ErrorKind::UnsupportedSchema { found, supported } => at(
                format!("schema '{found}' wordt niet ondersteund; verwacht '{supported}'"),
                format!("unsupported schema '{found}'; expected '{supported}'"),
            ),
            ErrorKind::DuplicateId { id, first } => {
                let line = first.map(|p| p.line.to_string()).unwrap_or_default();
                at(
                    format!("functie-id '{id}' komt twee keer voor (eerder op regel {line})"),
                    format!("role id '{id}' is used twice (first on line {line})"),
                )
            }
            ErrorKind::UnknownRole { id, suggestion } => at(
                format!("onbekende functie '{id}'{}", mean(suggestion)),
                format!("unknown role '{id}'{}", mean(suggestion)),
            ),
            ErrorKind::UnknownPerson { id, suggestion } => at(
                format!("onbekende persoon '{id}'{}", mean(suggestion)),
                format!("unknown person '{id}'{}", mean(suggestion)),
            ),
            ErrorKind::SelfLoop(id) => at(
                format!("overgang van '{id}' naar zichzelf"),
                format!("transition from '{id}' to itself"),
            ),
            ErrorKind::DuplicateTransition { from, to } => at(
                format!("de overgang van '{from}' naar '{to}' staat er twee keer in"),
                format!("the transition from '{from}' to '{to}' is listed twice"),
            ),
            ErrorKind::MixSum(sum) => at(
                format!("de verdeling over sporen telt op tot {sum}%, niet tot 100%"),
                format!("the track mix adds up to {sum}%, not 100%"),
            ),
            ErrorKind::InvertedRange { min, max } => at(
                format!("{what}: minimum {min} is hoger dan maximum {max}"),
                format!("{what}: minimum {min} is above maximum {max}"),
            ),
            ErrorKind::PromotionCycle(roles) => {
                let mut route = roles.clone();
                if let Some(first) = roles.first() {
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
            ErrorKind::TooMany { what, count, limit } => at(
                format!("te veel {what}: {count}; het maximum is {limit}"),
                format!("too many {what}: {count}; the limit is {limit}"),
            ),
            ErrorKind::OutOfRange { found, limit } => limit.refusal(what, found, lang),
        }
    }

    /// `file:line:col: message` (or `file: message` without a position), in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self.pos {
            Some(Pos { line, column }) => {
                format!("{}:{line}:{column}: {}", self.file, self.message(lang))
            }
            None => format!("{}: {}", self.file, self.message(lang)),
        }
    }
}

/// The last named segment of a path (`roles[3].level` → `level`), for messages.
fn field_name(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    let name = last.split('[').next().unwrap_or(last);
    if name.is_empty() {
        "value"
    } else {
        name
    }
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
