//! A pairs file for `doorgroei schedule --pairs`: the JSON that `doorgroei
//! match --format json` writes (`{"pairs": [...], ...}`), or a plain list of
//! `{"mentee": …, "mentor": …}`. Other fields of the items (score, reasons)
//! are ignored. Read with the YAML reader, which reads JSON as YAML 1.2 and
//! says where each problem is.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_yaml::Value;

use crate::error::{ErrorKind, Expected, LoadErrors};
use crate::roster::{Pair, Roster};
use crate::suggest::closest;
use crate::yaml::{check_size, decode, describe, json_error, Document, Path, Problem};

/// One item of the list: only who with whom.
#[derive(Deserialize)]
struct PairItem {
    mentee: String,
    mentor: String,
    #[serde(default)]
    locked: bool,
}

/// Reads a pairs file against `roster`: every id must be a person in it
/// (with the closest id suggested), nobody is paired with themselves and
/// every mentee is in one pair only. All problems are reported together.
/// Whether a pair meets the matching's rules is not checked here: see
/// [`crate::matching::pair_problems`].
pub fn load_pairs(file: &str, text: &str, roster: &Roster) -> Result<Vec<Pair>, LoadErrors> {
    check_size(file, text.len())?;
    // It is JSON: say so when it is not (the YAML reader would call it YAML).
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        if e.is_syntax() || e.is_eof() {
            return Err(json_error(file, &e));
        }
    }
    let doc = Document::parse(file, text)?;
    let (list, base) = match doc.root() {
        Value::Sequence(items) => (items, Path::default()),
        Value::Mapping(_) => match doc.root().get("pairs") {
            Some(Value::Sequence(items)) => (items, Path::default().field("pairs")),
            Some(other) => {
                return Err(doc.errors(vec![Problem::new(
                    Path::default().field("pairs"),
                    ErrorKind::InvalidType {
                        expected: Expected::List,
                        found: describe(other),
                    },
                )]))
            }
            None => {
                return Err(doc.errors(vec![Problem::new(
                    Path::default(),
                    ErrorKind::MissingField("pairs".into()),
                )]))
            }
        },
        other => {
            return Err(doc.errors(vec![Problem::new(
                Path::default(),
                ErrorKind::InvalidType {
                    expected: Expected::List,
                    found: describe(other),
                },
            )]))
        }
    };
    let ids: Vec<&str> = roster.people.iter().map(|p| p.id.as_str()).collect();
    let known = roster.by_id();
    let mut problems = Vec::new();
    let mut pairs = Vec::new();
    let mut first: BTreeMap<String, Path> = BTreeMap::new();
    for (i, item) in list.iter().enumerate() {
        let path = base.index(i);
        let pair = match decode::<PairItem>(item, &path) {
            Ok(p) => p,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let mut ok = true;
        for (field, id) in [("mentee", &pair.mentee), ("mentor", &pair.mentor)] {
            if !known.contains_key(id.as_str()) {
                ok = false;
                problems.push(Problem::new(
                    path.field(field),
                    ErrorKind::UnknownPerson {
                        id: id.clone(),
                        suggestion: closest(id, ids.iter().copied()).map(str::to_string),
                    },
                ));
            }
        }
        if pair.mentee == pair.mentor {
            ok = false;
            problems.push(Problem::new(
                path.field("mentor"),
                ErrorKind::SelfPair(pair.mentee.clone()),
            ));
        }
        if let Some(earlier) = first.get(&pair.mentee) {
            ok = false;
            problems.push(Problem::new(
                path.field("mentee"),
                ErrorKind::DuplicatePair {
                    mentee: pair.mentee.clone(),
                    first: doc.locate(&earlier.field("mentee")),
                },
            ));
        } else {
            first.insert(pair.mentee.clone(), path.clone());
        }
        if ok {
            pairs.push(Pair {
                mentee: pair.mentee,
                mentor: pair.mentor,
                locked: pair.locked,
            });
        }
    }
    if problems.is_empty() {
        Ok(pairs)
    } else {
        Err(doc.errors(problems))
    }
}
