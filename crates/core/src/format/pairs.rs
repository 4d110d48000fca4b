//! The pairs file: what `doorgroei match --format json` writes
//! ([`PairsFile`]: the pairs and the rest of a matching's outcome, in one
//! language) and `doorgroei schedule --pairs` reads (of that, only the
//! pairs' mentee, mentor and `locked`; a plain list of
//! `{"mentee": …, "mentor": …}` will do too). Read with the YAML reader,
//! which reads JSON as YAML 1.2 and says where each problem is.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_yaml::Value;

use crate::error::{ErrorKind, Expected, LoadErrors};
use crate::i18n::Lang;
use crate::matching::{Assignment, Blocked, Change, Constraint, Ending};
use crate::roster::{Pair, Roster};
use crate::suggest::closest;
use crate::yaml::{check_size, decode, describe, json_error, Document, Path, Problem};

/// A matching's outcome as a file, its words in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairsFile {
    /// Every pair, existing and new, in mentee order.
    pub pairs: Vec<PairEntry>,
    /// Mentees left without a mentor.
    pub unmatched: Vec<UnmatchedEntry>,
    /// Existing pairs that ended: they break a rule, someone left, or
    /// their `ended` day came.
    pub ended: Vec<EndedEntry>,
    /// Mentees per mentor (every mentor, also those with none).
    pub mentor_load: BTreeMap<String, u32>,
    /// Number of mentees with a mentor.
    pub matched: usize,
    /// Sum of the pairs' scores.
    pub total_score: i64,
}

/// One pair of the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairEntry {
    /// The mentee's id.
    pub mentee: String,
    /// The mentor's id.
    pub mentor: String,
    /// The pair's score, load bonus included.
    pub score: i64,
    /// Kept even in a full re-match.
    pub locked: bool,
    /// The pair existed before the matching.
    pub existing: bool,
    /// The score's terms in words.
    pub reasons: Vec<String>,
    /// The rules the pair breaks (only a locked pair can break any).
    pub problems: Vec<BrokenRule>,
}

/// A rule a pair breaks: its name and, in words, what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrokenRule {
    /// The rule.
    pub rule: Constraint,
    /// What is wrong, in words.
    pub message: String,
}

/// A mentee without a mentor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnmatchedEntry {
    /// The mentee's id.
    pub mentee: String,
    /// Why, in words (and the suggestion, when there is one).
    pub reason: String,
    /// Every rule that rules out a mentor, with how many mentors fail it.
    pub blocked: Vec<Blocked>,
    /// A change that is certain to get this mentee a mentor.
    pub suggestion: Option<Change>,
}

/// An existing pair that ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EndedEntry {
    /// The mentee's id.
    pub mentee: String,
    /// The former mentor's id.
    pub mentor: String,
    /// The rules the pair broke.
    pub problems: Vec<BrokenRule>,
    /// Why it ended: `rules`, `left` (who, which day) or `ended` (which day).
    #[serde(default)]
    pub ending: Ending,
    /// Why it ended, in words.
    #[serde(default)]
    pub reason: String,
}

impl PairsFile {
    /// The file of a matching's `outcome`, its words in `lang`.
    pub fn new(outcome: &Assignment, lang: Lang) -> PairsFile {
        PairsFile {
            pairs: outcome
                .pairs
                .iter()
                .map(|p| PairEntry {
                    mentee: p.mentee.clone(),
                    mentor: p.mentor.clone(),
                    score: p.score,
                    locked: p.locked,
                    existing: p.existing,
                    reasons: p.reasons.iter().map(|r| r.get(lang).to_string()).collect(),
                    problems: BrokenRule::list(&p.problems, lang),
                })
                .collect(),
            unmatched: outcome
                .unmatched
                .iter()
                .map(|u| UnmatchedEntry {
                    mentee: u.mentee.clone(),
                    reason: u.reason.get(lang).to_string(),
                    blocked: u.blocked.clone(),
                    suggestion: u.suggestion.clone(),
                })
                .collect(),
            ended: outcome
                .ended
                .iter()
                .map(|e| EndedEntry {
                    mentee: e.mentee.clone(),
                    mentor: e.mentor.clone(),
                    problems: BrokenRule::list(&e.problems, lang),
                    ending: e.ending.clone(),
                    reason: e.reason.get(lang).to_string(),
                })
                .collect(),
            mentor_load: outcome.mentor_load.clone(),
            matched: outcome.matched,
            total_score: outcome.total_score,
        }
    }
}

impl PairEntry {
    /// Who with whom, as the schedule reads it.
    pub fn pair(&self) -> Pair {
        Pair {
            mentee: self.mentee.clone(),
            mentor: self.mentor.clone(),
            locked: self.locked,
            ..Default::default()
        }
    }
}

impl BrokenRule {
    /// Each of `problems` with its words in `lang`.
    pub fn list(problems: &[Constraint], lang: Lang) -> Vec<BrokenRule> {
        problems
            .iter()
            .map(|&rule| BrokenRule {
                rule,
                message: rule.broken(lang).to_string(),
            })
            .collect()
    }
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
        let pair = match decode::<Pair>(item, &path) {
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
            pairs.push(pair);
        }
    }
    if problems.is_empty() {
        Ok(pairs)
    } else {
        Err(doc.errors(problems))
    }
}
