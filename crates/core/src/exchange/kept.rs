//! What the planner module keeps between requests: the roster the page has
//! now, read against its ladder. The page hands it over after each change
//! ([`Request::Keep`], in a task of its own after it has drawn), so that
//! the matching asked for next names it by its key ([`roster_key`])
//! instead of sending and reading 3,000 people again; and a matching
//! answers with only the pairs the page does not have yet
//! ([`MatchReply::Changes`]), not all 2,000 explained again.
//!
//! The state is a plain value that the module's glue holds ([`Kept`]); the
//! answers are pure functions of it and the request, tested natively. A
//! worker that started again has nothing kept, and says so
//! ([`MatchReply::NotKept`]): the page then sends the roster itself.

use std::collections::BTreeMap;

use super::{answer_planner, matching_with, MatchReply, Reply, Request, BAD_LADDER};
use crate::format::{ladder_from_json, load_roster_json};
use crate::ladder::Ladder;
use crate::matching::{Assignment, Matched};
use crate::roster::Roster;

/// The roster the planner keeps, read against its ladder.
pub struct Kept {
    key: u64,
    /// The ladder's JSON form as sent (a request for another ladder does
    /// not get this roster).
    ladder_text: String,
    ladder: Ladder,
    roster: Roster,
}

/// The key of a roster in its JSON form: a hash of the text (64 bits,
/// `matching::Hash64`), the same on the page, in a room's module and in the worker.
pub fn roster_key(json: &str) -> u64 {
    crate::matching::hash64(json)
}

/// A slot of [`MatchReply::Changes`] that takes the next of its pairs.
pub const NEW: u32 = u32::MAX;

/// Answers a request of the planner module with what it keeps: a roster
/// handed over is kept, and a matching of the kept roster uses it. Every
/// other request is [`answer_planner`]'s.
pub fn answer_planner_with(kept: &mut Option<Kept>, request: Request) -> Reply {
    match request {
        Request::Keep { ladder, roster } => Reply::Kept(keep(kept, ladder, &roster)),
        Request::Match {
            ladder,
            roster,
            mode,
            settings,
            today,
            kept: key,
            known,
        } => {
            let key = match key {
                Some(key) => key,
                // The roster sent along is kept for the next request.
                None => match keep(kept, ladder.clone(), &roster) {
                    Ok(key) => key,
                    Err(why) => return Reply::Match(MatchReply::Error(why)),
                },
            };
            let Some(k) = kept
                .as_ref()
                .filter(|k| k.key == key && k.ladder_text == ladder)
            else {
                return Reply::Match(MatchReply::NotKept);
            };
            Reply::Match(only_changes(
                matching_with(&k.ladder, &k.roster, mode, settings.as_deref(), today),
                &known,
            ))
        }
        other => answer_planner(other),
    }
}

/// Reads and keeps a roster (its JSON form) against a ladder (its JSON
/// form): its key, or why it cannot be read (nothing is kept then).
fn keep(kept: &mut Option<Kept>, ladder_text: String, roster: &str) -> Result<u64, String> {
    *kept = None;
    let ladder = ladder_from_json(&ladder_text).ok_or_else(|| BAD_LADDER.to_string())?;
    let read = load_roster_json("rooster.json", roster, &ladder).map_err(|e| e.to_string())?;
    let key = roster_key(roster);
    *kept = Some(Kept {
        key,
        ladder_text,
        ladder,
        roster: read,
    });
    Ok(key)
}

/// A matching's answer to a request that said which pairs the page has
/// (`known`; none: every pair, as it is).
pub(crate) fn only_changes(reply: MatchReply, known: &[u64]) -> MatchReply {
    match reply {
        MatchReply::Ok(outcome) if !known.is_empty() => changes(outcome, known),
        other => other,
    }
}

/// A matching as the pairs the page does not have yet: `known` are the
/// fingerprints of the pairs it has ([`Matched::fingerprint`]), in their
/// order.
pub fn changes(outcome: Assignment, known: &[u64]) -> MatchReply {
    let at: BTreeMap<u64, u32> = known
        .iter()
        .zip(0u32..)
        .map(|(fingerprint, i)| (*fingerprint, i))
        .collect();
    let mut slots = Vec::with_capacity(outcome.pairs.len());
    let mut new = Vec::new();
    let Assignment { pairs, .. } = &outcome;
    for pair in pairs {
        match at.get(&pair.fingerprint()) {
            Some(&i) => slots.push(i),
            None => {
                slots.push(NEW);
                new.push(pair.clone());
            }
        }
    }
    MatchReply::Changes {
        outcome: Assignment {
            pairs: new,
            ..outcome
        },
        slots,
    }
}

/// The matching a [`MatchReply::Changes`] stands for, made with the pairs
/// the page had (`known`, the ones whose fingerprints it sent); `None` when
/// the reply does not fit them (a slot it does not have, pairs left over).
pub fn with_known(known: &[Matched], outcome: Assignment, slots: &[u32]) -> Option<Assignment> {
    let Assignment { pairs: new, .. } = &outcome;
    let mut new = new.iter();
    let mut pairs = Vec::with_capacity(slots.len());
    for &slot in slots {
        pairs.push(if slot == NEW {
            new.next()?.clone()
        } else {
            known.get(slot as usize)?.clone()
        });
    }
    if new.next().is_some() {
        return None;
    }
    Some(Assignment { pairs, ..outcome })
}
