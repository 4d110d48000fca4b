//! Reading YAML with every problem located.
//!
//! `yaml_serde` parses the text (syntax, nesting and alias limits are its
//! job). We then decode its [`Value`] tree with our own serde
//! [`Deserializer`], which tracks the path to every value and returns
//! structured errors (so they can be translated and offer suggestions).
//! Lists of items (roles, transitions, people) are decoded one item at a time,
//! so one bad item does not hide the problems in the next.
//!
//! Positions: a `Value` has none, so [`locate`] asks `yaml_serde` for the
//! position of a path by walking the text again with a seed that stops at that
//! path; the parser attaches the line and column of the event it stopped at.

use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IgnoredAny, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde_yaml::Value;

use crate::error::{
    Construct, Context, ErrorKind, Expected, Found, LoadError, LoadErrors, Pos, ReadProblem,
    SyntaxProblem, TextFormat, Token,
};
use crate::sort;
use crate::suggest::closest;

/// Largest file the loaders accept, in bytes.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// One step in a path into a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    /// The value under a mapping key.
    Field(String),
    /// The mapping key itself (used to point at unknown fields).
    Key(String),
    /// An item of a sequence.
    Index(usize),
}

/// A path into a document, such as `roles[3].level`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Seg>);

impl Path {
    /// `self` extended by one segment.
    pub fn join(&self, seg: Seg) -> Path {
        let mut segs = self.0.clone();
        segs.push(seg);
        Path(segs)
    }

    /// Shorthand for `join(Seg::Field(name))`.
    pub fn field(&self, name: &str) -> Path {
        self.join(Seg::Field(name.to_string()))
    }

    /// Shorthand for `join(Seg::Index(i))`.
    pub fn index(&self, i: usize) -> Path {
        self.join(Seg::Index(i))
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Field(name) | Seg::Key(name) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(name)?;
                }
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A problem found while decoding, before it has a file name and position.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where in the document.
    pub path: Path,
    /// What is wrong.
    pub kind: ErrorKind,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: Path, kind: ErrorKind) -> Self {
        Problem { path, kind }
    }
}

/// A parsed YAML document together with its text, so problems can be located.
pub struct Document<'a> {
    file: &'a str,
    text: &'a str,
    root: Value,
}

impl<'a> Document<'a> {
    /// Parses `text`, which came from the file called `file`.
    pub fn parse(file: &'a str, text: &'a str) -> Result<Document<'a>, LoadErrors> {
        check_size(file, text.len())?;
        match serde_yaml::from_str::<Value>(text) {
            Ok(root) => Ok(Document { file, text, root }),
            Err(err) => Err(yaml_error(file, &err)),
        }
    }

    /// The document's root value.
    pub fn root(&self) -> &Value {
        &self.root
    }

    /// Turns problems into located, sorted errors.
    pub fn errors(&self, problems: Vec<Problem>) -> LoadErrors {
        errors_at(self.file, problems, |path| locate(self.text, path))
    }

    /// The position of `path` in the text, if it exists there.
    pub fn locate(&self, path: &Path) -> Option<Pos> {
        locate(self.text, path)
    }
}

/// One error about a whole file (no path into it).
pub fn file_error(file: &str, pos: Option<Pos>, kind: ErrorKind) -> LoadErrors {
    LoadErrors(vec![LoadError {
        file: file.to_string(),
        pos,
        path: String::new(),
        kind,
        sheet: None,
    }])
}

/// The operating system's refusal to read `file` (a folder, no such file,
/// no permission), in our own words: the CLI reads files, the core only
/// describes why it could not.
pub fn io_error(file: &str, err: &std::io::Error) -> LoadErrors {
    file_error(file, None, ErrorKind::Unreadable(ReadProblem::from_io(err)))
}

/// `bytes` as UTF-8 text, or an error at the line and column of the first
/// byte that is not UTF-8 (the file is in another encoding).
pub fn utf8_text(file: &str, bytes: Vec<u8>) -> Result<String, LoadErrors> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = std::str::from_utf8(valid).unwrap_or_default();
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        file_error(
            file,
            Some(Pos { line, column }),
            ErrorKind::Unreadable(ReadProblem::NotUtf8),
        )
    })
}

/// [`MAX_FILE_BYTES`], checked before anything is parsed.
pub fn check_size(file: &str, len: usize) -> Result<(), LoadErrors> {
    check_limit(file, len, MAX_FILE_BYTES)
}

/// A file of `len` bytes refused when over `limit`.
pub fn check_limit(file: &str, len: usize, limit: usize) -> Result<(), LoadErrors> {
    if len > limit {
        return Err(file_error(
            file,
            None,
            ErrorKind::TooLarge { size: len, limit },
        ));
    }
    Ok(())
}

/// yaml_serde's error in our own words: what the reader found wrong, where
/// it stopped (the error's position) and what it was reading and where that
/// began (libyaml's `while parsing a flow sequence at line 5 column 11`).
/// yaml_serde gives the reader's message only as English text; its set of
/// messages is finite (libyaml's scanner and parser, yaml_serde's own), and
/// [`yaml_problem`] knows them all. Anything new falls back to
/// [`SyntaxProblem::Other`].
pub fn yaml_error(file: &str, err: &serde_yaml::Error) -> LoadErrors {
    let pos = err.location().map(|l| Pos {
        line: l.line(),
        column: l.column(),
    });
    let (problem, context) = yaml_problem(&err.to_string(), pos);
    file_error(
        file,
        pos,
        ErrorKind::Syntax {
            format: TextFormat::Yaml,
            problem,
            context,
        },
    )
}

/// `text` without a trailing ` at line L column C` / ` at position N`, and
/// that position when it is a line and column.
fn split_position(text: &str) -> (&str, Option<Pos>) {
    let Some(cut) = text.rfind(" at ") else {
        return (text, None);
    };
    let (head, tail) = (&text[..cut], &text[cut + 4..]);
    let words: Vec<&str> = tail.split(' ').collect();
    match words.as_slice() {
        ["line", line, "column", column] => match (line.parse(), column.parse()) {
            (Ok(line), Ok(column)) => (head, Some(Pos { line, column })),
            _ => (text, None),
        },
        ["position", n] if n.parse::<usize>().is_ok() => (head, None),
        _ => (text, None),
    }
}

/// The YAML reader's messages, by a piece of their text, most specific
/// first. From libyaml-rs (`scanner.rs`, `parser.rs`, `reader.rs`) and
/// yaml_serde (`error.rs`, `de.rs`, `mapping.rs`).
const YAML_PROBLEMS: &[(&str, SyntaxProblem)] = &[
    (
        "expected ',' or ']'",
        SyntaxProblem::Missing(Token::CommaOrBracket),
    ),
    (
        "expected ',' or '}'",
        SyntaxProblem::Missing(Token::CommaOrBrace),
    ),
    ("find expected ':'", SyntaxProblem::Missing(Token::Colon)),
    ("find expected key", SyntaxProblem::Missing(Token::Key)),
    (
        "find expected node content",
        SyntaxProblem::Missing(Token::Value),
    ),
    (
        "find expected '-' indicator",
        SyntaxProblem::Missing(Token::Dash),
    ),
    (
        "find expected <document start>",
        SyntaxProblem::Missing(Token::DocumentStart),
    ),
    ("or line break", SyntaxProblem::Missing(Token::LineEnd)),
    (
        "find expected whitespace",
        SyntaxProblem::Missing(Token::Space),
    ),
    ("URI", SyntaxProblem::BadTag),
    ("merg", SyntaxProblem::BadMerge),
    ("escape", SyntaxProblem::BadEscape),
    ("hexadecimal", SyntaxProblem::BadEscape),
    ("tag", SyntaxProblem::BadTag),
    ("expected '!'", SyntaxProblem::BadTag),
    ("expected '>'", SyntaxProblem::BadTag),
    ("directive", SyntaxProblem::BadDirective),
    ("version number", SyntaxProblem::BadDirective),
    ("digit or '.'", SyntaxProblem::BadDirective),
    ("incompatible YAML document", SyntaxProblem::BadDirective),
    ("non-alphabetical", SyntaxProblem::BadDirective),
    (
        "mapping values are not allowed",
        SyntaxProblem::MappingValueHere,
    ),
    ("found unexpected ':'", SyntaxProblem::MappingValueHere),
    (
        "mapping keys are not allowed",
        SyntaxProblem::MappingKeyHere,
    ),
    (
        "block sequence entries are not allowed",
        SyntaxProblem::ListItemHere,
    ),
    ("tab character", SyntaxProblem::Tab),
    ("cannot start any token", SyntaxProblem::BadCharacter),
    ("alphabetic or numeric", SyntaxProblem::BadCharacter),
    ("indentation indicator", SyntaxProblem::BadCharacter),
    ("unexpected end of stream", SyntaxProblem::UnexpectedEnd),
    ("EOF while parsing", SyntaxProblem::UnexpectedEnd),
    ("document indicator", SyntaxProblem::DocumentMarker),
    ("more than one document", SyntaxProblem::SeveralDocuments),
    ("undefined alias", SyntaxProblem::UnknownAlias),
    ("unknown anchor", SyntaxProblem::UnknownAlias),
    ("duplicate anchor", SyntaxProblem::DuplicateAnchor),
    ("UTF-", SyntaxProblem::Encoding),
    ("surrogate", SyntaxProblem::Encoding),
    ("Unicode", SyntaxProblem::Encoding),
    ("control characters", SyntaxProblem::Encoding),
    ("input error", SyntaxProblem::Encoding),
    ("recursion limit", SyntaxProblem::TooDeep),
    ("repetition limit", SyntaxProblem::TooManyAliases),
    ("failed to parse YAML number", SyntaxProblem::BadNumber),
];

/// What libyaml says it was reading (`while parsing a flow sequence`).
const YAML_CONTEXTS: &[(&str, Construct)] = &[
    ("flow sequence", Construct::FlowSequence),
    ("flow mapping", Construct::FlowMapping),
    ("block mapping", Construct::BlockMapping),
    ("block collection", Construct::BlockCollection),
    ("node", Construct::Value),
    ("quoted scalar", Construct::QuotedText),
    ("plain scalar", Construct::PlainText),
    ("block scalar", Construct::BlockText),
    ("simple key", Construct::Key),
    ("tag", Construct::Tag),
    ("anchor", Construct::Anchor),
    ("alias", Construct::Anchor),
    ("directive", Construct::Directive),
];

/// The problem and context in a yaml_serde message (`{problem} at line L
/// column C, {context} at line L2 column C2`; the context's position is left
/// out when it is the problem's). `pos` is the problem's position.
fn yaml_problem(text: &str, pos: Option<Pos>) -> (SyntaxProblem, Option<Context>) {
    let (head, context) = match text.find(", while ") {
        Some(cut) => (&text[..cut], Some(&text[cut + 2..])),
        None => (text, None),
    };
    let (head, _) = split_position(head);
    let context = context.and_then(|c| {
        let (words, at) = split_position(c);
        let construct = YAML_CONTEXTS
            .iter()
            .find(|(piece, _)| words.contains(piece))
            .map(|(_, k)| *k)?;
        // A context where the problem is says nothing the position does not.
        (at.is_some() && at != pos).then_some(Context { construct, at })
    });
    let problem = if let Some(cut) = head.find("duplicate entry ") {
        let key = head[cut + "duplicate entry ".len()..]
            .trim_start_matches("with key ")
            .trim_start_matches("with ")
            .trim_matches(|c| c == '"' || c == '`');
        SyntaxProblem::DuplicateKey(key.to_string())
    } else if head.contains(" as u128") || head.contains(" as i128") {
        // A whole number beyond 64 bits: serde's "invalid type: integer `N`
        // as u128, expected any YAML value".
        let number = head.split('`').nth(1).unwrap_or_default();
        SyntaxProblem::NumberTooLarge(number.to_string())
    } else {
        YAML_PROBLEMS
            .iter()
            .find(|(piece, _)| head.contains(piece))
            .map_or_else(
                || SyntaxProblem::Other(head.to_string()),
                |(_, p)| p.clone(),
            )
    };
    (problem, context)
}

/// serde_json's error in our own words, at its line and column. Syntax
/// errors map by serde_json's message (a finite set); data errors by
/// serde's standard messages (`missing field`, `unknown field`, `invalid
/// type`, …) into the same kinds our YAML decoder gives.
pub fn json_error(file: &str, err: &serde_json::Error) -> LoadErrors {
    // serde_json counts columns from 1, but says 0 right after a line break.
    let pos = (err.line() > 0).then(|| Pos {
        line: err.line(),
        column: err.column().max(1),
    });
    let text = err.to_string();
    let (text, _) = split_position(&text);
    let syntax = |problem, context: Option<Construct>| ErrorKind::Syntax {
        format: TextFormat::Json,
        problem,
        context: context.map(|construct| Context {
            construct,
            at: None,
        }),
    };
    let kind = if err.classify() == serde_json::error::Category::Data {
        serde_message(text).unwrap_or_else(|| syntax(SyntaxProblem::Other(text.to_string()), None))
    } else if let Some(what) = text.strip_prefix("EOF while parsing ") {
        let construct = match what {
            "a list" => Some(Construct::FlowSequence),
            "an object" => Some(Construct::FlowMapping),
            "a string" => Some(Construct::QuotedText),
            _ => None,
        };
        syntax(SyntaxProblem::UnexpectedEnd, construct)
    } else {
        let problem = match text {
            "expected `:`" => SyntaxProblem::Missing(Token::Colon),
            "expected `,` or `]`" => SyntaxProblem::Missing(Token::CommaOrBracket),
            "expected `,` or `}`" => SyntaxProblem::Missing(Token::CommaOrBrace),
            "expected `\"`" => SyntaxProblem::Missing(Token::Quote),
            "expected ident" | "expected value" => SyntaxProblem::Missing(Token::Value),
            "invalid escape" | "unexpected end of hex escape" => SyntaxProblem::BadEscape,
            "invalid number" => SyntaxProblem::BadNumber,
            "number out of range" => SyntaxProblem::NumberTooLarge(String::new()),
            "key must be a string" | "invalid value: expected key to be a number in quotes" => {
                SyntaxProblem::KeyNotText
            }
            "trailing comma" => SyntaxProblem::TrailingComma,
            "trailing characters" => SyntaxProblem::TrailingCharacters,
            "recursion limit exceeded" => SyntaxProblem::TooDeep,
            t if t.contains("control character")
                || t.contains("unicode")
                || t.contains("surrogate") =>
            {
                SyntaxProblem::Encoding
            }
            t => SyntaxProblem::Other(t.to_string()),
        };
        syntax(problem, None)
    };
    file_error(file, pos, kind)
}

/// The `name` in "… `name` …".
fn ticked(text: &str) -> Option<&str> {
    text.split('`').nth(1)
}

/// The names in "expected one of `a`, `b`" / "expected `a`".
fn ticked_list(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// serde's standard error messages (as serde_json shows them) as our kinds.
fn serde_message(text: &str) -> Option<ErrorKind> {
    let (head, tail) = text.split_once(", expected ").unwrap_or((text, ""));
    if let Some(field) = text.strip_prefix("missing field ") {
        return Some(ErrorKind::MissingField(ticked(field)?.to_string()));
    }
    if let Some(field) = text.strip_prefix("duplicate field ") {
        return Some(ErrorKind::Syntax {
            format: TextFormat::Json,
            problem: SyntaxProblem::DuplicateKey(ticked(field)?.to_string()),
            context: None,
        });
    }
    if let Some(field) = head.strip_prefix("unknown field ") {
        let field = ticked(field)?.to_string();
        let expected = ticked_list(tail);
        let suggestion = closest(&field, expected.iter().map(String::as_str)).map(str::to_string);
        return Some(ErrorKind::UnknownField {
            field,
            expected,
            suggestion,
        });
    }
    if let Some(name) = head.strip_prefix("unknown variant ") {
        let found = ticked(name)?.to_string();
        let expected = ticked_list(tail);
        let suggestion = closest(&found, expected.iter().map(String::as_str)).map(str::to_string);
        return Some(ErrorKind::UnknownName {
            found,
            expected,
            suggestion,
        });
    }
    if let Some(found) = head.strip_prefix("invalid type: ") {
        return Some(ErrorKind::InvalidType {
            expected: expected_from_serde(tail),
            found: found_from_serde(found),
        });
    }
    if let Some(found) = head.strip_prefix("invalid value: ") {
        return Some(ErrorKind::InvalidValue {
            expected: expected_from_serde(tail),
            found: found_from_serde(found),
        });
    }
    if head.starts_with("invalid length ") {
        return Some(ErrorKind::InvalidValue {
            expected: expected_from_serde(tail),
            found: Found::List,
        });
    }
    None
}

/// serde's `Unexpected` as serde_json writes it (`integer `5``, `string
/// "abc"`, `null`, `map`, …).
fn found_from_serde(text: &str) -> Found {
    let tick = || ticked(text).unwrap_or_default().to_string();
    if let Some(s) = text.strip_prefix("string ") {
        Found::Text(s.trim_matches('"').to_string())
    } else if text.starts_with("integer ") || text.starts_with("floating point ") {
        Found::Number(tick())
    } else if text.starts_with("boolean ") {
        Found::Bool(tick() == "true")
    } else {
        match text {
            "null" | "unit value" => Found::Null,
            "sequence" => Found::List,
            "map" => Found::Mapping,
            other => Found::Other(other.to_string()),
        }
    }
}

/// serde's expectation (a type name such as `u32`, `a boolean`, `struct
/// RoleFile`, or a format's own words such as `a date as YYYY-MM-DD`) in
/// our own terms.
pub fn expected_from_serde(text: &str) -> Expected {
    let whole = |min: i64, max: Option<i64>| Expected::WholeNumber {
        min: Some(min),
        max,
    };
    match text {
        "u8" => whole(0, Some(u8::MAX.into())),
        "u16" => whole(0, Some(u16::MAX.into())),
        "u32" | "u64" | "u128" | "usize" => whole(0, None),
        "i8" => whole(i8::MIN.into(), Some(i8::MAX.into())),
        "i16" => whole(i16::MIN.into(), Some(i16::MAX.into())),
        "i32" | "i64" | "i128" | "isize" => Expected::WholeNumber {
            min: None,
            max: None,
        },
        "f32" | "f64" => Expected::Number {
            min: None,
            max: None,
        },
        "a boolean" | "bool" => Expected::Bool,
        "a string" | "string" | "a borrowed string" | "a character" | "char" => Expected::Text,
        "a sequence" | "sequence" => Expected::List,
        "a map" | "map" => Expected::Mapping,
        "unit" | "nothing" => Expected::Nothing,
        "a date as YYYY-MM-DD" => Expected::Date,
        "a competency" => Expected::Competency,
        t if t.starts_with("struct ") || t.starts_with("a map") => Expected::Mapping,
        t if t.starts_with("a sequence") || t.starts_with("tuple") || t.starts_with("an array") => {
            Expected::List
        }
        // Our enums are names written as text (`level: medior`).
        t if t.starts_with("enum ") || t.starts_with("variant") => Expected::Text,
        t => Expected::Other(t.to_string()),
    }
}

/// A self-assessment's rating is one of four words, said in the message's
/// language (not serde's list with its aliases). Apart from
/// [`errors_at`], which is built once per caller.
#[inline(never)]
fn rating_as_word(p: &mut Problem) {
    let [.., Seg::Field(map), Seg::Field(_)] = p.path.0.as_slice() else {
        return;
    };
    let ErrorKind::UnknownName { found, .. } = &p.kind else {
        return;
    };
    if map != "self_assessment" {
        return;
    }
    let words = crate::ladder::Proficiency::FILE_WORDS;
    let all: Vec<&str> = words.iter().flat_map(|w| [w.0, w.1]).collect();
    let suggestion = closest(found, all.iter().copied())
        .and_then(|w| all.iter().position(|x| *x == w))
        .and_then(|i| u8::try_from(i / 2).ok());
    p.kind = ErrorKind::UnknownWord {
        field: "rating",
        found: found.clone(),
        expected: words.to_vec(),
        suggestion,
    };
}

/// Turns problems into errors of `file`, each at the position `locate`
/// finds for its path (none for a text that is not YAML the user wrote, such
/// as the web app's JSON forms), sorted by position.
pub fn errors_at(
    file: &str,
    problems: Vec<Problem>,
    locate: impl Fn(&Path) -> Option<Pos>,
) -> LoadErrors {
    let mut errors: Vec<LoadError> = problems
        .into_iter()
        .map(|mut p| {
            rating_as_word(&mut p);
            // A name from a fixed list used as a mapping key (a track in
            // `mix`) reads best as an unknown key.
            if let (
                Some(Seg::Key(_)),
                ErrorKind::UnknownName {
                    found,
                    expected,
                    suggestion,
                },
            ) = (p.path.0.last(), &p.kind)
            {
                p.kind = ErrorKind::UnknownField {
                    field: found.clone(),
                    expected: expected.clone(),
                    suggestion: suggestion.clone(),
                };
            }
            LoadError {
                file: file.to_string(),
                pos: locate(&p.path),
                path: p.path.to_string(),
                kind: p.kind,
                sheet: None,
            }
        })
        .collect();
    // Unknown positions sort last; the sort is stable, so equal positions keep their order.
    sort::sort_by_key(&mut errors, |e| {
        e.pos
            .map_or((usize::MAX, usize::MAX), |p| (p.line, p.column))
    });
    LoadErrors(errors)
}

/// Decodes `value` (found at `path`) as a `T`.
pub fn decode<T: DeserializeOwned>(value: &Value, path: &Path) -> Result<T, Problem> {
    T::deserialize(Node { value, path }).map_err(|e| Problem {
        path: e.path.unwrap_or_else(|| path.clone()),
        kind: e.kind,
    })
}

/// Decodes `value` and reports every problem, not only the first: after
/// each, the entry it is about is left out (a field left out takes its
/// default) and the rest decoded again, until the rest decodes or the
/// problem is about no entry that can be left out (a missing field, an
/// item of a list). The value comes back when the rest decoded, for the
/// checks that follow decoding.
pub fn decode_all<T: DeserializeOwned>(value: &Value, path: &Path) -> (Option<T>, Vec<Problem>) {
    let mut rest = value.clone();
    let mut problems: Vec<Problem> = Vec::new();
    loop {
        match decode(&rest, path) {
            Ok(t) => return (Some(t), problems),
            Err(p) => {
                let left_out = p
                    .path
                    .0
                    .strip_prefix(path.0.as_slice())
                    .is_some_and(|segs| leave_out(&mut rest, segs));
                problems.push(p);
                if !left_out {
                    return (None, problems);
                }
            }
        }
    }
}

/// Removes the mapping entry at `segs` from `value`; whether there was one.
fn leave_out(value: &mut Value, segs: &[Seg]) -> bool {
    let Some((last, parents)) = segs.split_last() else {
        return false;
    };
    let mut at = value;
    for seg in parents {
        let next = match (seg, at) {
            (Seg::Field(name) | Seg::Key(name), Value::Mapping(map)) => map.get_mut(name.as_str()),
            _ => None,
        };
        match next {
            Some(v) => at = v,
            None => return false,
        }
    }
    match (last, at) {
        (Seg::Field(name) | Seg::Key(name), Value::Mapping(map)) => {
            map.remove(name.as_str()).is_some()
        }
        _ => false,
    }
}

/// A copy of a top-level mapping with `fields` left out, so the rest of the
/// document can be decoded while those fields are decoded item by item
/// ([`decode_items`]). A value that is not a mapping is returned as it is.
pub fn without_fields(root: &Value, fields: &[&str]) -> Value {
    match root {
        Value::Mapping(map) => Value::Mapping(
            map.iter()
                .filter(|(k, _)| !k.as_str().is_some_and(|k| fields.contains(&k)))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Decodes the list under the top-level `field` one item at a time: every bad
/// item is reported and every good one kept, so one typo does not hide the
/// problems in the next item. An absent or empty field is an empty list.
/// Good items come with their index in the file, for locating later problems.
pub fn decode_items<T: DeserializeOwned>(
    root: &Value,
    field: &str,
) -> (Vec<(usize, T)>, Vec<Problem>) {
    let path = Path::default().field(field);
    let seq = match root.get(field) {
        None | Some(Value::Null) => return (Vec::new(), Vec::new()),
        Some(Value::Sequence(seq)) => seq,
        Some(other) => {
            let problem = Problem::new(
                path,
                ErrorKind::InvalidType {
                    expected: Expected::List,
                    found: describe(other),
                },
            );
            return (Vec::new(), vec![problem]);
        }
    };
    let mut good = Vec::with_capacity(seq.len());
    let mut problems = Vec::new();
    for (i, item) in seq.iter().enumerate() {
        match decode::<T>(item, &path.index(i)) {
            Ok(v) => good.push((i, v)),
            Err(p) => problems.push(p),
        }
    }
    (good, problems)
}

/// How a value looks, for "found …" in messages.
pub fn describe(value: &Value) -> Found {
    match value {
        Value::Null => Found::Null,
        Value::Bool(b) => Found::Bool(*b),
        Value::Number(n) => Found::Number(n.to_string()),
        Value::String(s) => Found::Text(s.clone()),
        Value::Sequence(s) if s.is_empty() => Found::EmptyList,
        Value::Sequence(_) => Found::List,
        Value::Mapping(_) => Found::Mapping,
        Value::Tagged(t) => Found::Tagged(t.tag.to_string()),
    }
}

// ---------------------------------------------------------------------------
// The deserializer over a Value that knows its path.

#[derive(Debug)]
struct DeError {
    path: Option<Path>,
    kind: ErrorKind,
}

impl DeError {
    fn at(mut self, path: &Path) -> Self {
        if self.path.is_none() {
            self.path = Some(path.clone());
        }
        self
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.kind)
    }
}

impl std::error::Error for DeError {}

fn unexpected(u: Unexpected<'_>) -> Found {
    match u {
        Unexpected::Str(s) => Found::Text(s.to_string()),
        Unexpected::Unsigned(n) => Found::Number(n.to_string()),
        Unexpected::Signed(n) => Found::Number(n.to_string()),
        Unexpected::Float(n) => Found::Number(n.to_string()),
        Unexpected::Bool(b) => Found::Bool(b),
        Unexpected::Unit => Found::Null,
        Unexpected::Seq => Found::List,
        Unexpected::Map => Found::Mapping,
        Unexpected::Char(c) => Found::Text(c.to_string()),
        other => Found::Other(other.to_string()),
    }
}

/// serde's expectation in our own terms.
fn expectation(exp: &dyn de::Expected) -> Expected {
    expected_from_serde(&exp.to_string())
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        // serde's own messages that have no method of their own
        // (`duplicate field`, `invalid length`) come through here.
        let text = msg.to_string();
        let kind = serde_message(&text).unwrap_or(ErrorKind::InvalidValue {
            expected: Expected::Other(text),
            found: Found::Other(String::new()),
        });
        DeError { path: None, kind }
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        DeError {
            path: None,
            kind: ErrorKind::InvalidType {
                expected: expectation(exp),
                found: unexpected(unexp),
            },
        }
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        DeError {
            path: None,
            kind: ErrorKind::InvalidValue {
                expected: expectation(exp),
                found: unexpected(unexp),
            },
        }
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        DeError {
            path: None,
            kind: ErrorKind::UnknownName {
                found: variant.to_string(),
                expected: expected.iter().map(|s| s.to_string()).collect(),
                suggestion: closest(variant, expected.iter().copied()).map(str::to_string),
            },
        }
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        DeError {
            path: None,
            kind: ErrorKind::UnknownField {
                field: field.to_string(),
                expected: expected.iter().map(|s| s.to_string()).collect(),
                suggestion: closest(field, expected.iter().copied()).map(str::to_string),
            },
        }
    }

    fn missing_field(field: &'static str) -> Self {
        DeError {
            path: None,
            kind: ErrorKind::MissingField(field.to_string()),
        }
    }
}

#[derive(Clone, Copy)]
struct Node<'v, 'p> {
    value: &'v Value,
    path: &'p Path,
}

impl Node<'_, '_> {
    fn invalid(&self, exp: &dyn de::Expected) -> DeError {
        DeError {
            path: Some(self.path.clone()),
            kind: ErrorKind::InvalidType {
                expected: expectation(exp),
                found: describe(self.value),
            },
        }
    }
}

macro_rules! forward_to_any {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
                self.deserialize_any(visitor)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for Node<'_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => visitor.visit_str(s),
            Value::Sequence(seq) => visitor.visit_seq(Seq {
                iter: seq.iter().enumerate(),
                path: self.path,
            }),
            Value::Mapping(map) => visitor.visit_map(Map {
                iter: map.iter(),
                pending: None,
                path: self.path,
            }),
            Value::Tagged(_) => return Err(self.invalid(&visitor)),
        };
        result.map_err(|e| e.at(self.path))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
        .map_err(|e| e.at(self.path))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor
            .visit_newtype_struct(self)
            .map_err(|e| e.at(self.path))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let result = match self.value {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Mapping(map) if map.len() == 1 => {
                let (key, value) = map.iter().next().expect("one entry");
                let Some(variant) = key.as_str() else {
                    return Err(self.invalid(&visitor));
                };
                visitor.visit_enum(Enum {
                    variant,
                    value,
                    path: self.path.field(variant),
                    key_path: self.path.join(Seg::Key(variant.to_string())),
                })
            }
            _ => return Err(self.invalid(&visitor)),
        };
        result.map_err(|e| e.at(self.path))
    }

    forward_to_any! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32
        deserialize_f64 deserialize_char deserialize_str deserialize_string deserialize_bytes
        deserialize_byte_buf deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        // serde would also fill a struct from a list, by position; our formats
        // only ever mean a mapping.
        match self.value {
            Value::Mapping(_) => self.deserialize_any(visitor),
            _ => Err(self.invalid(&visitor)),
        }
    }
}

struct Seq<'v, 'p> {
    iter: std::iter::Enumerate<std::slice::Iter<'v, Value>>,
    path: &'p Path,
}

impl<'de> SeqAccess<'de> for Seq<'_, '_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.iter.next() {
            None => Ok(None),
            Some((i, value)) => {
                let path = self.path.index(i);
                seed.deserialize(Node { value, path: &path })
                    .map(Some)
                    .map_err(|e| e.at(&path))
            }
        }
    }
}

struct Map<'v, 'p> {
    iter: serde_yaml::mapping::Iter<'v>,
    pending: Option<(Path, &'v Value)>,
    path: &'p Path,
}

fn key_text(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "~".into(),
        Value::Sequence(_) => "[…]".into(),
        Value::Mapping(_) => "{…}".into(),
        Value::Tagged(t) => t.tag.to_string(),
    }
}

impl<'de> MapAccess<'de> for Map<'_, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match self.iter.next() {
            None => Ok(None),
            Some((key, value)) => {
                let name = key_text(key);
                let key_path = self.path.join(Seg::Key(name.clone()));
                self.pending = Some((self.path.field(&name), value));
                seed.deserialize(Node {
                    value: key,
                    path: &key_path,
                })
                .map(Some)
                .map_err(|e| e.at(&key_path))
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let (path, value) = self
            .pending
            .take()
            .expect("serde calls next_value_seed after next_key_seed");
        seed.deserialize(Node { value, path: &path })
            .map_err(|e| e.at(&path))
    }
}

struct Enum<'v> {
    variant: &'v str,
    value: &'v Value,
    path: Path,
    key_path: Path,
}

impl<'de, 'v> EnumAccess<'de> for Enum<'v> {
    type Error = DeError;
    type Variant = Enum<'v>;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), DeError> {
        let de: de::value::StrDeserializer<'_, DeError> = self.variant.into_deserializer();
        let v = seed.deserialize(de).map_err(|e| e.at(&self.key_path))?;
        Ok((v, self))
    }
}

impl<'de> VariantAccess<'de> for Enum<'_> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        match self.value {
            Value::Null => Ok(()),
            other => Err(DeError {
                path: Some(self.path),
                kind: ErrorKind::InvalidType {
                    expected: Expected::Nothing,
                    found: describe(other),
                },
            }),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        seed.deserialize(Node {
            value: self.value,
            path: &self.path,
        })
        .map_err(|e| e.at(&self.path))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_any(
            Node {
                value: self.value,
                path: &self.path,
            },
            visitor,
        )
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_any(
            Node {
                value: self.value,
                path: &self.path,
            },
            visitor,
        )
    }
}

// ---------------------------------------------------------------------------
// Locating a path in the text.

const PROBE: &str = "doorgroei-probe";

/// The line and column where `path` starts in `text`, found by letting
/// `yaml_serde` walk to it and stop there.
pub fn locate(text: &str, path: &Path) -> Option<Pos> {
    let err = match (Probe { rest: &path.0 }).deserialize(serde_yaml::Deserializer::from_str(text))
    {
        Ok(()) => return None,
        Err(err) => err,
    };
    if !err.to_string().contains(PROBE) {
        return None;
    }
    err.location().map(|l| Pos {
        line: l.line(),
        column: l.column(),
    })
}

struct Probe<'a> {
    rest: &'a [Seg],
}

impl<'de> DeserializeSeed<'de> for Probe<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Probe<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.stop_at_scalar()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.stop_at_scalar()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.stop_at_scalar()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.stop_at_scalar()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.stop_at_scalar()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.stop_at_scalar()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.stop_at_scalar()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        match self.rest.split_first() {
            None => Err(de::Error::custom(PROBE)),
            Some((Seg::Index(n), rest)) => {
                for _ in 0..*n {
                    if seq.next_element::<IgnoredAny>()?.is_none() {
                        return Ok(());
                    }
                }
                seq.next_element_seed(Probe { rest })?;
                Ok(())
            }
            Some(_) => Ok(()),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((seg, rest)) = self.rest.split_first() else {
            return Err(de::Error::custom(PROBE));
        };
        let (target, at_key) = match seg {
            Seg::Field(name) => (name.as_str(), false),
            Seg::Key(name) => (name.as_str(), true),
            Seg::Index(_) => return Ok(()),
        };
        while let Some(found) = map.next_key_seed(KeyProbe {
            target,
            stop: at_key,
        })? {
            if found {
                return map.next_value_seed(Probe { rest });
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
}

impl Probe<'_> {
    fn stop_at_scalar<E: de::Error>(&self) -> Result<(), E> {
        if self.rest.is_empty() {
            Err(E::custom(PROBE))
        } else {
            Ok(())
        }
    }
}

/// Reads a key; says whether it is the target, or stops on it when `stop`.
struct KeyProbe<'a> {
    target: &'a str,
    stop: bool,
}

impl<'de> DeserializeSeed<'de> for KeyProbe<'_> {
    type Value = bool;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl KeyProbe<'_> {
    fn check<E: de::Error>(&self, key: &str) -> Result<bool, E> {
        let hit = key == self.target;
        if hit && self.stop {
            Err(E::custom(PROBE))
        } else {
            Ok(hit)
        }
    }
}

impl<'de> Visitor<'de> for KeyProbe<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        self.check(v)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(segs: &[Seg]) -> Path {
        Path(segs.to_vec())
    }

    fn f(s: &str) -> Seg {
        Seg::Field(s.into())
    }

    #[test]
    fn locates_paths() {
        let text = "a: 1\nlist:\n  - x: 2\n    y: [3, 4]\n  - {x: 5}\n";
        let check = |p: Path, line: usize, column: usize| {
            assert_eq!(locate(text, &p), Some(Pos { line, column }), "{p}");
        };
        check(path(&[f("a")]), 1, 4);
        check(path(&[Seg::Key("a".into())]), 1, 1);
        check(path(&[f("list"), Seg::Index(0), f("x")]), 3, 8);
        check(
            path(&[f("list"), Seg::Index(0), f("y"), Seg::Index(1)]),
            4,
            12,
        );
        check(path(&[f("list"), Seg::Index(1)]), 5, 5);
        check(
            path(&[f("list"), Seg::Index(1), Seg::Key("x".into())]),
            5,
            6,
        );
        assert_eq!(locate(text, &path(&[f("missing")])), None);
        assert_eq!(locate(text, &path(&[f("list"), Seg::Index(7)])), None);
    }

    /// Every message libyaml-rs 0.3 (scanner, parser, reader) and
    /// yaml_serde 0.10 can give, as they show it, and our words for it.
    #[test]
    fn every_yaml_reader_message_has_our_own_words() {
        use SyntaxProblem::*;
        let cases: &[(&str, SyntaxProblem)] = &[
            ("did not find expected ',' or ']' at line 6 column 1, while parsing a flow sequence at line 5 column 11", Missing(Token::CommaOrBracket)),
            ("did not find expected ',' or '}'", Missing(Token::CommaOrBrace)),
            ("could not find expected ':'", Missing(Token::Colon)),
            ("did not find expected key", Missing(Token::Key)),
            ("did not find expected node content", Missing(Token::Value)),
            ("did not find expected '-' indicator", Missing(Token::Dash)),
            ("did not find expected <document start>", Missing(Token::DocumentStart)),
            ("did not find expected comment or line break", Missing(Token::LineEnd)),
            ("did not find expected whitespace or line break", Missing(Token::LineEnd)),
            ("did not find expected whitespace", Missing(Token::Space)),
            ("found unknown escape character", BadEscape),
            ("found invalid Unicode character escape code", BadEscape),
            ("did not find expected hexadecimal number", BadEscape),
            ("found undefined tag handle", BadTag),
            ("did not find expected tag URI", BadTag),
            ("did not find URI escaped octet", BadTag),
            ("did not find expected '!'", BadTag),
            ("did not find the expected '>'", BadTag),
            ("empty YAML tag is not allowed", BadTag),
            ("found duplicate %YAML directive", BadDirective),
            ("found duplicate %TAG directive", BadDirective),
            ("found unknown directive name", BadDirective),
            ("could not find expected directive name", BadDirective),
            ("did not find expected version number", BadDirective),
            ("did not find expected digit or '.' character", BadDirective),
            ("found extremely long version number", BadDirective),
            ("found incompatible YAML document", BadDirective),
            ("found unexpected non-alphabetical character", BadDirective),
            ("mapping values are not allowed in this context", MappingValueHere),
            ("found unexpected ':'", MappingValueHere),
            ("mapping keys are not allowed in this context", MappingKeyHere),
            ("block sequence entries are not allowed in this context", ListItemHere),
            ("found a tab character that violates indentation", Tab),
            ("found a tab character where an indentation space is expected", Tab),
            ("found character that cannot start any token", BadCharacter),
            ("did not find expected alphabetic or numeric character", BadCharacter),
            ("found an indentation indicator equal to 0", BadCharacter),
            ("found unexpected end of stream", UnexpectedEnd),
            ("EOF while parsing a value", UnexpectedEnd),
            ("found unexpected document indicator", DocumentMarker),
            ("deserializing from YAML containing more than one document is not supported", SeveralDocuments),
            ("found undefined alias", UnknownAlias),
            ("unknown anchor", UnknownAlias),
            ("found duplicate anchor; first occurrence, second occurrence", DuplicateAnchor),
            ("expected a mapping or list of mappings for merging, but found scalar", BadMerge),
            ("unexpected tagged value in merge", BadMerge),
            ("expected a mapping for merging, but found sequence", BadMerge),
            ("invalid leading UTF-8 octet", Encoding),
            ("invalid trailing UTF-8 octet", Encoding),
            ("invalid length of a UTF-8 sequence", Encoding),
            ("incomplete UTF-8 octet sequence", Encoding),
            ("found an incorrect leading UTF-8 octet", Encoding),
            ("incomplete UTF-16 character", Encoding),
            ("incomplete UTF-16 surrogate pair", Encoding),
            ("unexpected low surrogate area", Encoding),
            ("expected low surrogate area", Encoding),
            ("invalid Unicode character", Encoding),
            ("control characters are not allowed", Encoding),
            ("input error", Encoding),
            ("recursion limit exceeded", TooDeep),
            ("repetition limit exceeded", TooManyAliases),
            ("failed to parse YAML number", BadNumber),
            ("people[0]: duplicate entry with key \"id\"", DuplicateKey("id".into())),
            ("duplicate entry with key 3", DuplicateKey("3".into())),
            ("invalid type: integer `123456789012345678901` as u128, expected any YAML value", NumberTooLarge("123456789012345678901".into())),
            // Cannot happen below 5 MiB of UTF-8 text: the fallback.
            ("input is too long", Other("input is too long".into())),
        ];
        for (message, expected) in cases {
            let text = format!("{message} at line 2 column 3");
            assert_eq!(&yaml_problem(&text, None).0, expected, "{message}");
        }
        let pos = |line, column| Some(Pos { line, column });
        assert_eq!(
            yaml_problem(cases[0].0, pos(6, 1)).1,
            Some(Context {
                construct: Construct::FlowSequence,
                at: pos(5, 11)
            })
        );
    }

    /// serde_json's messages, from real texts, and our words for them.
    #[test]
    fn every_json_reader_message_has_our_own_words() {
        use SyntaxProblem::*;
        let check = |text: &str, problem: SyntaxProblem, construct: Option<Construct>| {
            let err = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            let errors = json_error("f.json", &err);
            let ErrorKind::Syntax {
                problem: got,
                context,
                ..
            } = &errors.0[0].kind
            else {
                panic!("{text}: {:?}", errors.0[0].kind);
            };
            assert_eq!(
                (got, context.map(|c| c.construct)),
                (&problem, construct),
                "{text}"
            );
        };
        check("[1, 2", UnexpectedEnd, Some(Construct::FlowSequence));
        check("{\"a\": 1", UnexpectedEnd, Some(Construct::FlowMapping));
        check("\"abc", UnexpectedEnd, Some(Construct::QuotedText));
        check("", UnexpectedEnd, None);
        check("{\"a\" 1}", Missing(Token::Colon), None);
        check("[1 2]", Missing(Token::CommaOrBracket), None);
        check("{\"a\": 1 \"b\": 2}", Missing(Token::CommaOrBrace), None);
        check("[tru]", Missing(Token::Value), None);
        check("[@]", Missing(Token::Value), None);
        check("\"a\\qb\"", BadEscape, None);
        check("[01]", BadNumber, None);
        check("1e999999", NumberTooLarge(String::new()), None);
        check("{1: 2}", KeyNotText, None);
        check("[1, 2,]", TrailingComma, None);
        check("[1] [2]", TrailingCharacters, None);
        check("\"a\u{1}b\"", Encoding, None);
        check(&"[".repeat(200), TooDeep, None);
    }

    #[test]
    fn paths_display_like_jq() {
        let p = path(&[f("roles"), Seg::Index(3), f("level")]);
        assert_eq!(p.to_string(), "roles[3].level");
    }
}
