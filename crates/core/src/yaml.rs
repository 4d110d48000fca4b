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

use crate::error::{ErrorKind, LoadError, LoadErrors, Pos};
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
            Err(err) => {
                let pos = err.location().map(|l| Pos {
                    line: l.line(),
                    column: l.column(),
                });
                Err(syntax_error(file, pos, err.to_string()))
            }
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
    }])
}

/// [`MAX_FILE_BYTES`], checked before anything is parsed.
pub fn check_size(file: &str, len: usize) -> Result<(), LoadErrors> {
    if len > MAX_FILE_BYTES {
        return Err(file_error(
            file,
            None,
            ErrorKind::TooLarge {
                size: len,
                limit: MAX_FILE_BYTES,
            },
        ));
    }
    Ok(())
}

/// A parser's (yaml_serde's or serde_json's) message as a syntax error at
/// `pos`. Both parsers append "at line X column Y"; we print the position
/// ourselves.
pub fn syntax_error(file: &str, pos: Option<Pos>, mut message: String) -> LoadErrors {
    if let Some(cut) = message.find(" at line ") {
        message.truncate(cut);
    }
    file_error(file, pos, ErrorKind::Syntax(message))
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
                    expected: "a list".into(),
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
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing (null)".into(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(n) => format!("number {n}"),
        Value::String(s) => format!("text '{s}'"),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a mapping".into(),
        Value::Tagged(t) => format!("tagged value {}", t.tag),
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

fn unexpected(u: Unexpected<'_>) -> String {
    match u {
        Unexpected::Str(s) => format!("text '{s}'"),
        Unexpected::Unsigned(n) => format!("number {n}"),
        Unexpected::Signed(n) => format!("number {n}"),
        Unexpected::Float(n) => format!("number {n}"),
        Unexpected::Bool(b) => format!("boolean {b}"),
        Unexpected::Unit => "nothing (null)".into(),
        Unexpected::Seq => "a list".into(),
        Unexpected::Map => "a mapping".into(),
        other => other.to_string(),
    }
}

/// serde's names for expectations are Rust's; say them in words.
fn expectation(exp: &dyn de::Expected) -> String {
    let text = exp.to_string();
    match text.as_str() {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" => {
            format!("a whole number ({text})")
        }
        "f32" | "f64" => "a number".into(),
        "a boolean" => "true or false".into(),
        _ if text.starts_with("struct ") => "a mapping (key: value lines)".into(),
        _ => text,
    }
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        // Our own types' validations come through here (see `format`).
        DeError {
            path: None,
            kind: ErrorKind::InvalidValue {
                expected: msg.to_string(),
                found: String::new(),
            },
        }
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
        other => describe(other),
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
                    expected: "nothing".into(),
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

    #[test]
    fn paths_display_like_jq() {
        let p = path(&[f("roles"), Seg::Index(3), f("level")]);
        assert_eq!(p.to_string(), "roles[3].level");
    }
}
