//! Mentor matching: every junior a senior for four-weekly case reviews.
//!
//! Hard constraints are never violated; among the pairs that satisfy them the
//! assignment is optimal: first the number of mentees matched, then the total
//! score. It is solved exactly as a min-cost flow over the eligible pairs
//! (source → mentee → mentor → slot → sink); the pairs are worked out a
//! mentee at a time and never all kept, so memory grows with the people,
//! not with the pairs. Slots of one
//! mentor carry a decreasing load bonus, so the flow prefers spreading
//! mentees over mentors (the cost is convex, so the flow stays exact).
//! Everything is integer and deterministic: the same roster gives the same
//! pairs on every platform.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap};
use std::hash::BuildHasherDefault;

use serde::{Deserialize, Serialize};

use crate::i18n::{join_list, Bilingual, Lang};
use crate::ladder::{Ladder, Level};
use crate::roster::{Pair, Person, Roster};
use jiff::civil::Date;

mod pairs;
mod solver;

use crate::sort;
use pairs::Pairs;
pub use solver::Tuning;
use solver::{Rows, Slots};

/// Weights of the score terms (integers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Weights {
    /// Per shared specialism.
    pub specialism: i64,
    /// Same work location.
    pub location: i64,
    /// Per shared working day.
    pub shared_day: i64,
    /// Mentor holds a coaching qualification.
    pub coaching: i64,
    /// The mentee named this mentor as preferred.
    pub preference: i64,
    /// Load spread: a mentor's k-th mentee (from 0) adds `load × (K − k)`,
    /// K being the largest capacity, so mentors with fewer mentees win.
    pub load: i64,
    /// Per week a mentee to be matched has waited without a mentor (since
    /// their last pair ended, else since their `start`, up to
    /// [`MatchConfig::today`]): those who waited longest come first.
    pub waiting: i64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            specialism: 10,
            location: 5,
            shared_day: 2,
            coaching: 8,
            preference: 15,
            load: 3,
            waiting: 1,
        }
    }
}

/// Matching settings (file: `schema: doorgroei/matching@1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatchConfig {
    /// Lowest level a mentor may have.
    pub mentor_min_level: Level,
    /// Never a mentor from the mentee's own team.
    pub not_same_team: bool,
    /// Score weights.
    pub weights: Weights,
    /// Match everyone again, keeping only locked pairs.
    pub rematch: bool,
    /// How many mentees a person of each level (junior, medior, senior,
    /// lead) takes when the roster leaves their capacity empty (0: does
    /// not mentor). See [`MatchConfig::default_capacity`].
    pub default_capacities: [u32; 4],
    /// Never pair two people who were paired before (a pair that has
    /// ended, a mentor in the mentee's `earlier_mentors`).
    pub no_repeat: bool,
    /// The day the matching looks from (no setting of the file: the CLI's
    /// `--today`). On it, a pair whose mentor or mentee has left (`leaves`
    /// on or before it) or whose `ended` day has come has ended, and who
    /// has left is neither mentor nor mentee; mentees to match score
    /// [`Weights::waiting`] per week waited. `None`: nobody leaves, a pair
    /// with an `ended` day is history, and nobody waits.
    pub today: Option<jiff::civil::Date>,
}

/// The default capacities: seniors 2, leads 1, the others none.
pub const DEFAULT_CAPACITIES: [u32; 4] = [0, 0, 2, 1];

impl Default for MatchConfig {
    fn default() -> Self {
        MatchConfig {
            mentor_min_level: Level::Senior,
            not_same_team: true,
            weights: Weights::default(),
            rematch: false,
            default_capacities: DEFAULT_CAPACITIES,
            no_repeat: true,
            today: None,
        }
    }
}

impl MatchConfig {
    /// How many mentees a person at `level` takes when the roster does not
    /// say.
    pub fn default_capacity(&self, level: Level) -> u32 {
        self.default_capacities
            .get(level as usize)
            .copied()
            .unwrap_or(0)
    }
}

/// The roster with every capacity the file left empty set to the
/// settings' default for the person's level (a person whose role is not in
/// the ladder gets none). Borrowed as it is when there is nothing to set.
/// Every matching entry point reads the roster through this; shells call it
/// (or [`Roster::apply_default_capacities`]) to show the same numbers.
pub fn with_default_capacities<'a>(
    ladder: &Ladder,
    roster: &'a Roster,
    config: &MatchConfig,
) -> std::borrow::Cow<'a, Roster> {
    let stale = roster.people.iter().any(|p| {
        p.capacity_default
            && p.capacity != level(ladder, p).map_or(0, |l| config.default_capacity(l))
    });
    if stale {
        let mut owned = roster.clone();
        owned.apply_default_capacities(ladder, config);
        std::borrow::Cow::Owned(owned)
    } else {
        std::borrow::Cow::Borrowed(roster)
    }
}

/// A person's capacity as shown: `2`, or `2, standaard voor senior` /
/// `2, default for senior` when it is the settings' default for the level.
pub fn capacity_text(ladder: &Ladder, p: &Person, lang: Lang) -> String {
    match level(ladder, p).filter(|_| p.capacity_default) {
        Some(l) => match lang {
            Lang::Nl => format!("{}, standaard voor {}", p.capacity, l.label(lang)),
            Lang::En => format!("{}, default for {}", p.capacity, l.label(lang)),
        },
        None => p.capacity.to_string(),
    }
}

impl Roster {
    /// Sets every capacity the file left empty to the settings' default
    /// for the person's level.
    pub fn apply_default_capacities(&mut self, ladder: &Ladder, config: &MatchConfig) {
        for p in &mut self.people {
            if p.capacity_default {
                p.capacity = level(ladder, p).map_or(0, |l| config.default_capacity(l));
            }
        }
    }
}

/// A hard constraint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Constraint {
    /// The mentor has no free capacity.
    Capacity,
    /// A person cannot mentor themselves.
    Oneself,
    /// The mentor is in the mentee's management line.
    ManagementLine,
    /// Mentor and mentee are in the same team.
    SameTeam,
    /// They share no working day.
    SharedDay,
    /// They share no language.
    Language,
    /// The mentee asked not to get this mentor.
    Avoided,
    /// The mentor is below the level a mentor must have.
    MentorLevel,
    /// The mentee does not need a mentor (senior level, not flagged).
    NotMentee,
    /// They were paired before (a pair that ended, an earlier mentor).
    Repeat,
}

impl Constraint {
    /// Every constraint, in order.
    pub const ALL: [Constraint; 10] = [
        Constraint::Capacity,
        Constraint::Oneself,
        Constraint::ManagementLine,
        Constraint::SameTeam,
        Constraint::SharedDay,
        Constraint::Language,
        Constraint::Avoided,
        Constraint::MentorLevel,
        Constraint::NotMentee,
        Constraint::Repeat,
    ];

    /// The rule in words, as a heading (`niet uit het eigen team`).
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Constraint::Capacity, Lang::Nl) => "vrije capaciteit bij de mentor",
            (Constraint::Capacity, Lang::En) => "free capacity with the mentor",
            (Constraint::Oneself, Lang::Nl) => "niet zichzelf",
            (Constraint::Oneself, Lang::En) => "not oneself",
            (Constraint::ManagementLine, Lang::Nl) => "niemand uit de eigen leidinggevende lijn",
            (Constraint::ManagementLine, Lang::En) => "nobody in one's own management line",
            (Constraint::SameTeam, Lang::Nl) => "niet uit het eigen team",
            (Constraint::SameTeam, Lang::En) => "not from one's own team",
            (Constraint::SharedDay, Lang::Nl) => "een gedeelde werkdag",
            (Constraint::SharedDay, Lang::En) => "a shared working day",
            (Constraint::Language, Lang::Nl) => "een gedeelde taal",
            (Constraint::Language, Lang::En) => "a shared language",
            (Constraint::Avoided, Lang::Nl) => "geen mentor die de mentee wil vermijden",
            (Constraint::Avoided, Lang::En) => "no mentor the mentee wants to avoid",
            (Constraint::MentorLevel, Lang::Nl) => "mentor op het vereiste niveau",
            (Constraint::MentorLevel, Lang::En) => "a mentor at the required level",
            (Constraint::NotMentee, Lang::Nl) => "alleen wie een mentor nodig heeft",
            (Constraint::NotMentee, Lang::En) => "only someone who needs a mentor",
            (Constraint::Repeat, Lang::Nl) => "niemand die eerder de mentor was",
            (Constraint::Repeat, Lang::En) => "nobody who was the mentor before",
        }
    }

    /// What is wrong with one pair that breaks the rule, as a sentence part
    /// (`mentor en mentee zitten in hetzelfde team`).
    pub fn broken(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Constraint::Capacity, Lang::Nl) => "de mentor heeft meer mentees dan de capaciteit",
            (Constraint::Capacity, Lang::En) => "the mentor has more mentees than the capacity",
            (Constraint::Oneself, Lang::Nl) => "mentor en mentee zijn dezelfde persoon",
            (Constraint::Oneself, Lang::En) => "mentor and mentee are the same person",
            (Constraint::ManagementLine, Lang::Nl) => {
                "de mentor staat in de leidinggevende lijn van de mentee"
            }
            (Constraint::ManagementLine, Lang::En) => {
                "the mentor is in the mentee's management line"
            }
            (Constraint::SameTeam, Lang::Nl) => "mentor en mentee zitten in hetzelfde team",
            (Constraint::SameTeam, Lang::En) => "mentor and mentee are in the same team",
            (Constraint::SharedDay, Lang::Nl) => "mentor en mentee hebben geen werkdag gemeen",
            (Constraint::SharedDay, Lang::En) => "mentor and mentee share no working day",
            (Constraint::Language, Lang::Nl) => {
                "mentor en mentee spreken geen gemeenschappelijke taal"
            }
            (Constraint::Language, Lang::En) => "mentor and mentee share no language",
            (Constraint::Avoided, Lang::Nl) => "de mentee wil deze mentor vermijden",
            (Constraint::Avoided, Lang::En) => "the mentee asked to avoid this mentor",
            (Constraint::MentorLevel, Lang::Nl) => {
                "de mentor is geen mentor (niveau te laag of geen capaciteit)"
            }
            (Constraint::MentorLevel, Lang::En) => {
                "the mentor is not a mentor (level too low or no capacity)"
            }
            (Constraint::NotMentee, Lang::Nl) => "de mentee heeft geen mentor nodig",
            (Constraint::NotMentee, Lang::En) => "the mentee does not need a mentor",
            (Constraint::Repeat, Lang::Nl) => "mentor en mentee waren al eerder gekoppeld",
            (Constraint::Repeat, Lang::En) => "mentor and mentee were paired before",
        }
    }

    /// Every rule a pair breaks, in words, one after another:
    /// `mentor en mentee zitten in hetzelfde team; …`.
    pub fn broken_list(problems: &[Constraint], lang: Lang) -> String {
        let words: Vec<&str> = problems.iter().map(|c| c.broken(lang)).collect();
        words.join("; ")
    }

    /// How `n` mentors fail this rule for one mentee, with the verb agreeing
    /// (`1 zit in hetzelfde team`, `4 zitten in hetzelfde team`).
    fn counted(self, n: usize, lang: Lang) -> String {
        let one = n == 1;
        let words = match (self, lang) {
            (Constraint::Capacity, Lang::Nl) => ["is vol", "zijn vol"],
            (Constraint::Capacity, Lang::En) => ["is full", "are full"],
            (Constraint::Oneself, Lang::Nl) => ["is de persoon zelf", "zijn de persoon zelf"],
            (Constraint::Oneself, Lang::En) => {
                ["is the person themselves", "are the person themselves"]
            }
            (Constraint::ManagementLine, Lang::Nl) => [
                "staat in de eigen leidinggevende lijn",
                "staan in de eigen leidinggevende lijn",
            ],
            (Constraint::ManagementLine, Lang::En) => [
                "is in the person's management line",
                "are in the person's management line",
            ],
            (Constraint::SameTeam, Lang::Nl) => {
                ["zit in hetzelfde team", "zitten in hetzelfde team"]
            }
            (Constraint::SameTeam, Lang::En) => ["is in the same team", "are in the same team"],
            (Constraint::SharedDay, Lang::Nl) => {
                ["heeft geen werkdag gemeen", "hebben geen werkdag gemeen"]
            }
            (Constraint::SharedDay, Lang::En) => ["shares no working day", "share no working day"],
            (Constraint::Language, Lang::Nl) => [
                "spreekt geen gemeenschappelijke taal",
                "spreken geen gemeenschappelijke taal",
            ],
            (Constraint::Language, Lang::En) => ["shares no language", "share no language"],
            (Constraint::Avoided, Lang::Nl) => [
                "wordt door de mentee vermeden",
                "worden door de mentee vermeden",
            ],
            (Constraint::Avoided, Lang::En) => {
                ["is avoided by the mentee", "are avoided by the mentee"]
            }
            (Constraint::MentorLevel, Lang::Nl) => ["is geen mentor", "zijn geen mentor"],
            (Constraint::MentorLevel, Lang::En) => ["is not a mentor", "are not mentors"],
            (Constraint::NotMentee, Lang::Nl) => {
                ["heeft geen mentor nodig", "hebben geen mentor nodig"]
            }
            (Constraint::NotMentee, Lang::En) => ["needs no mentor", "need no mentor"],
            (Constraint::Repeat, Lang::Nl) => [
                "was eerder zijn of haar mentor",
                "waren eerder zijn of haar mentor",
            ],
            (Constraint::Repeat, Lang::En) => {
                ["was their mentor before", "were their mentor before"]
            }
        };
        format!("{n} {}", words[usize::from(!one)])
    }
}

/// A small set of constraints (one bit each).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Rules(u16);

impl Rules {
    fn with(self, c: Constraint) -> Rules {
        Rules(self.0 | 1 << c as u16)
    }
    fn has(self, c: Constraint) -> bool {
        self.0 & (1 << c as u16) != 0
    }
    fn is_empty(self) -> bool {
        self.0 == 0
    }
    fn list(self) -> Vec<Constraint> {
        Constraint::ALL
            .into_iter()
            .filter(|&c| self.has(c))
            .collect()
    }
}

/// A matched pair with its explanation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Matched {
    /// Mentee id.
    pub mentee: String,
    /// Mentor id.
    pub mentor: String,
    /// The pair's score, load bonus included.
    pub score: i64,
    /// Locked pairs are kept even in a full re-match.
    pub locked: bool,
    /// The pair existed before this run.
    pub existing: bool,
    /// The score terms in words.
    pub reasons: Vec<Bilingual>,
    /// Hard constraints the pair breaks. Only a locked pair can have any:
    /// the coordinator decided to keep it, so it is kept and flagged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Constraint>,
}

impl Matched {
    /// A hash of everything the pair says (64 bits, [`Hash64`]: the same on
    /// every platform and in every build), so that the page and the worker
    /// can tell which pairs of a matching the page already has
    /// ([`crate::exchange::Request::Match`]'s `known`) without sending them.
    pub fn fingerprint(&self) -> u64 {
        let mut h = Hash64::default();
        h.text(&self.mentee);
        h.text(&self.mentor);
        h.bytes(&self.score.to_le_bytes());
        h.bytes(&[u8::from(self.locked), u8::from(self.existing)]);
        for reason in &self.reasons {
            h.text(&reason.nl);
            h.text(&reason.en);
        }
        for problem in &self.problems {
            h.bytes(&[*problem as u8]);
        }
        h.0
    }
}

/// A 64-bit hash, the same on every platform and in every build. (It was
/// FNV-1a, a byte at a time, which took a tenth of a re-match in the
/// browser; this one takes 8 bytes at a time and mixes them with a
/// multiply and a rotation.) Not for anything an adversary picks: it tells
/// changes apart, and keys maps.
pub(crate) struct Hash64(u64);

impl Default for Hash64 {
    fn default() -> Hash64 {
        Hash64(0xcbf2_9ce4_8422_2325)
    }
}

impl Hash64 {
    fn word(&mut self, word: u64) {
        self.0 = (self.0 ^ word)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }

    fn bytes(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(w);
            self.word(u64::from_le_bytes(eight));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut eight = [0u8; 8];
            eight[..rest.len()].copy_from_slice(rest);
            // (The length apart, so that `a` and `a\0` differ.)
            self.word(u64::from_le_bytes(eight) ^ ((rest.len() as u64) << 59));
        }
    }

    /// A text and its end (so that `ab`+`c` and `a`+`bc` differ).
    fn text(&mut self, text: &str) {
        self.bytes(text.as_bytes());
        self.word(0xff ^ ((text.len() as u64) << 8));
    }
}

impl std::hash::Hasher for Hash64 {
    fn write(&mut self, bytes: &[u8]) {
        self.bytes(bytes);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map by id for lookups only (never walked: its order is the hash's),
/// with a fixed hash, so that nothing in the core depends on chance. The
/// matching looks ids up tens of thousands of times; in a `BTreeMap` each
/// lookup compares a dozen ids that mostly share their first letters.
pub(crate) type Ids<'a, V> = HashMap<&'a str, V, BuildHasherDefault<Hash64>>;

/// The same hash of a text alone: the key of a roster's JSON form
/// ([`crate::exchange::roster_key`]).
pub(crate) fn hash64(text: &str) -> u64 {
    let mut h = Hash64::default();
    h.bytes(text.as_bytes());
    h.0
}

/// A matching's pair as a roster keeps it (who with whom, locked or not).
impl From<&Matched> for Pair {
    fn from(p: &Matched) -> Pair {
        Pair {
            mentee: p.mentee.clone(),
            mentor: p.mentor.clone(),
            locked: p.locked,
            ..Default::default()
        }
    }
}

/// An existing pair that was not kept: it breaks a hard constraint and
/// was not locked, or (with [`MatchConfig::today`]) its mentor or mentee
/// has left or its `ended` day has come. Its mentee is matched again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ended {
    /// Mentee id.
    pub mentee: String,
    /// The former mentor's id.
    pub mentor: String,
    /// The constraints the pair broke (none when it ended by a date).
    pub problems: Vec<Constraint>,
    /// Why it ended.
    #[serde(default)]
    pub ending: Ending,
    /// Why it ended, in words: the rules broken, or who left when, or
    /// the day it ended.
    #[serde(default)]
    pub reason: Bilingual,
}

/// Why an existing pair ended.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Ending {
    /// It breaks the hard constraints of [`Ended::problems`].
    #[default]
    Rules,
    /// Its mentor or mentee left (`leaves`) on `date`.
    Left {
        /// Who left.
        person: String,
        /// The day they left.
        #[serde(with = "crate::dates::date")]
        date: jiff::civil::Date,
    },
    /// Its `ended` day came.
    Ended {
        /// The day it ended.
        #[serde(with = "crate::dates::date")]
        date: jiff::civil::Date,
    },
}

/// How many mentors fail one rule for an unmatched mentee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blocked {
    /// The rule.
    pub rule: Constraint,
    /// How many mentors fail it (a mentor may fail several rules).
    pub mentors: usize,
}

/// One change to the roster that, made, gets an unmatched mentee a mentor.
/// Only changes that are certain to work are suggested: see
/// [`Unmatched::suggestion`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// Give the mentor one more place.
    Capacity {
        /// The mentor's id.
        mentor: String,
        /// The capacity the mentor would get.
        to: u32,
    },
    /// Take the mentor off the mentee's `avoids` list.
    Unavoid {
        /// The mentor's id.
        mentor: String,
    },
    /// The mentee also works on a day the mentor works.
    AddDay {
        /// The mentor the day is shared with.
        mentor: String,
        /// The day, in the file form (`wo`).
        day: crate::roster::Day,
    },
    /// The mentee also speaks a language the mentor speaks.
    AddLanguage {
        /// The mentor the language is shared with.
        mentor: String,
        /// The language, as the mentor's row writes it.
        language: String,
    },
}

impl Change {
    /// The mentor the change is about.
    pub fn mentor(&self) -> &str {
        match self {
            Change::Capacity { mentor, .. }
            | Change::Unavoid { mentor }
            | Change::AddDay { mentor, .. }
            | Change::AddLanguage { mentor, .. } => mentor,
        }
    }

    /// Makes the change to `roster` (for checking a suggestion).
    pub fn apply(&self, roster: &mut Roster, mentee: &str) {
        let find = |roster: &mut Roster, id: &str| roster.people.iter().position(|p| p.id == id);
        match self {
            Change::Capacity { mentor, to } => {
                if let Some(i) = find(roster, mentor) {
                    roster.people[i].capacity = *to;
                    roster.people[i].capacity_default = false;
                }
            }
            Change::Unavoid { mentor } => {
                if let Some(i) = find(roster, mentee) {
                    roster.people[i].avoids.retain(|a| a != mentor);
                }
            }
            Change::AddDay { day, .. } => {
                if let Some(i) = find(roster, mentee) {
                    let p = &mut roster.people[i];
                    p.days = crate::roster::Days::of(p.days.days().into_iter().chain([*day]));
                }
            }
            Change::AddLanguage { language, .. } => {
                if let Some(i) = find(roster, mentee) {
                    roster.people[i].languages.push(language.clone());
                }
            }
        }
    }
}

/// A mentee without a mentor, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unmatched {
    /// Mentee id.
    pub mentee: String,
    /// Every rule that rules out a mentor, with how many mentors fail it,
    /// most first (a mentor fails as many rules as it breaks).
    pub blocked: Vec<Blocked>,
    /// A change that, made, gets this mentee a mentor in a new matching:
    /// one more place for a mentor only this mentee can reach, or, for a
    /// mentor with room, taking that mentor off the avoid list, or a
    /// working day or language in common. None when no single such change is certain to work. (The
    /// number of mentees matched grows by one; who else is matched may
    /// change, as the best assignment of the new roster decides.)
    pub suggestion: Option<Change>,
    /// The reason (and the suggestion) in words.
    pub reason: Bilingual,
}

/// The outcome of a matching run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// All pairs, existing and new, in mentee order.
    pub pairs: Vec<Matched>,
    /// Mentees left without a mentor.
    pub unmatched: Vec<Unmatched>,
    /// Existing pairs that ended because they break a hard constraint.
    #[serde(default)]
    pub ended: Vec<Ended>,
    /// Mentees per mentor (every mentor, also those with none).
    pub mentor_load: BTreeMap<String, u32>,
    /// Number of mentees with a mentor.
    pub matched: usize,
    /// Sum of the pairs' scores.
    pub total_score: i64,
}

/// How full a mentor is, from the mentees they have and the places they
/// offer: with room for more, full, or over capacity (only locked pairs
/// can put a mentor there).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Occupancy {
    /// Fewer mentees than places.
    Room,
    /// As many mentees as places.
    Full,
    /// More mentees than places.
    Over,
}

impl Occupancy {
    /// The occupancy of a mentor with `load` mentees and `capacity` places.
    pub fn of(load: u32, capacity: u32) -> Occupancy {
        match load.cmp(&capacity) {
            std::cmp::Ordering::Less => Occupancy::Room,
            std::cmp::Ordering::Equal => Occupancy::Full,
            std::cmp::Ordering::Greater => Occupancy::Over,
        }
    }

    /// In words: `ruimte`, `vol`, `te vol` / `room`, `full`, `over capacity`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Occupancy::Room, Lang::Nl) => "ruimte",
            (Occupancy::Room, Lang::En) => "room",
            (Occupancy::Full, Lang::Nl) => "vol",
            (Occupancy::Full, Lang::En) => "full",
            (Occupancy::Over, Lang::Nl) => "te vol",
            (Occupancy::Over, Lang::En) => "over capacity",
        }
    }
}

/// The problem the solver saw, for checking with another solver.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    /// Free slots per mentor, after the pairs that are kept.
    pub capacity: BTreeMap<String, u32>,
    /// Eligible pairs of mentees still to match, with their score (load bonus not included).
    pub candidates: Vec<Candidate>,
    /// Per mentor, the load bonus of each free slot in order (added once per slot used).
    pub slot_bonus: BTreeMap<String, Vec<i64>>,
}

/// One eligible pair.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// Mentee id.
    pub mentee: String,
    /// Mentor id.
    pub mentor: String,
    /// Score without the load bonus.
    pub score: i64,
}

// ---------------------------------------------------------------------------
// Who, and which pairs.

fn level(ladder: &Ladder, p: &Person) -> Option<Level> {
    ladder.role(&p.role).map(|r| r.level)
}

/// Whether a person should have a mentor: juniors, career switchers below
/// senior level, and anyone flagged.
pub fn needs_mentor(ladder: &Ladder, p: &Person) -> bool {
    let level = level(ladder, p);
    p.needs_mentor
        || level == Some(Level::Junior)
        || (p.career_switcher && level.is_some_and(|l| l < Level::Senior))
}

/// Whether a person can mentor: high enough level and some capacity.
pub fn can_mentor(ladder: &Ladder, p: &Person, config: &MatchConfig) -> bool {
    p.capacity > 0 && level(ladder, p).is_some_and(|l| l >= config.mentor_min_level)
}

/// Who is in whose management line (manager, their manager, …), each
/// question answered in constant time. Managers form a forest of chains
/// that may end in a circle (warned about, allowed): a person's line is
/// their ancestors in the forest without the circles' links, and, when
/// their chain ends in a circle, everyone on it. Ancestors are found by an
/// Euler tour (entered before, left after every descendant), computed once
/// per run: walking every mentee's chain for every pair took seconds on a
/// roster of one long chain.
pub(crate) struct Lines<'a> {
    index: BTreeMap<&'a str, usize>,
    ids: Vec<&'a str>,
    parent: Vec<Option<usize>>,
    enter: Vec<u32>,
    leave: Vec<u32>,
    /// The circle each person's chain ends in (`u32::MAX`: none).
    circle: Vec<u32>,
    on_circle: Vec<bool>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(people: impl IntoIterator<Item = &'a Person>) -> Lines<'a> {
        let people: Vec<&Person> = people.into_iter().collect();
        // (A map, not [`Ids`]: the page draws a mentee's options with
        // this, and has no room for another hash map's code.)
        let index: BTreeMap<&str, usize> =
            sort::map_of(people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)));
        let n = people.len();
        let parent: Vec<Option<usize>> = people
            .iter()
            .map(|p| p.manager.as_deref().and_then(|m| index.get(m).copied()))
            .collect();
        const NONE: u32 = u32::MAX;
        // 0: not seen, 1: on the walk now, 2: done.
        let mut state = vec![0u8; n];
        let mut circle = vec![NONE; n];
        let mut on_circle = vec![false; n];
        let mut circles = 0u32;
        for start in 0..n {
            let mut walk = Vec::new();
            let mut at = Some(start);
            while let Some(i) = at {
                if state[i] != 0 {
                    break;
                }
                state[i] = 1;
                walk.push(i);
                at = parent[i];
            }
            let end = match at {
                Some(i) if state[i] == 1 => {
                    // A new circle: from i to the end of the walk.
                    let from = walk.iter().position(|&w| w == i).unwrap_or(0);
                    for &c in &walk[from..] {
                        on_circle[c] = true;
                        circle[c] = circles;
                    }
                    circles += 1;
                    circles - 1
                }
                Some(i) => circle[i],
                None => NONE,
            };
            for &w in &walk {
                if !on_circle[w] {
                    circle[w] = end;
                }
                state[w] = 2;
            }
        }
        // The forest without the circles' links, toured depth first.
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for i in 0..n {
            match parent[i] {
                Some(p) if !on_circle[i] => children[p].push(i),
                _ => roots.push(i),
            }
        }
        let (mut enter, mut leave) = (vec![0u32; n], vec![0u32; n]);
        let mut clock = 0u32;
        for root in roots {
            let mut stack = vec![(root, 0usize)];
            enter[root] = clock;
            clock += 1;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                if let Some(&child) = children[node].get(*next) {
                    *next += 1;
                    enter[child] = clock;
                    clock += 1;
                    stack.push((child, 0));
                } else {
                    leave[node] = clock;
                    clock += 1;
                    stack.pop();
                }
            }
        }
        Lines {
            ids: people.iter().map(|p| p.id.as_str()).collect(),
            parent,
            index,
            enter,
            leave,
            circle,
            on_circle,
        }
    }

    /// The ids in a person's management line, from their manager up (a
    /// circle once), in as many steps as the line is long.
    pub(crate) fn line(&self, person: &str) -> Vec<&'a str> {
        let mut out = Vec::new();
        let Some(&p) = self.index.get(person) else {
            return out;
        };
        let mut at = self.parent[p];
        let mut circle_start = None;
        while let Some(i) = at {
            if self.on_circle[i] {
                match circle_start {
                    Some(first) if first == i => break,
                    None => circle_start = Some(i),
                    Some(_) => {}
                }
            }
            out.push(self.ids[i]);
            at = self.parent[i];
        }
        out
    }

    /// Whether `manager` is in the management line of `person` (both ids).
    pub(crate) fn contains(&self, person: &str, manager: &str) -> bool {
        let (Some(&p), Some(&m)) = (self.index.get(person), self.index.get(manager)) else {
            return false;
        };
        if self.on_circle[m] {
            self.circle[p] == self.circle[m]
        } else {
            self.enter[m] < self.enter[p] && self.leave[p] <= self.leave[m]
        }
    }
}

fn shared<'a>(a: &'a [String], b: &[String]) -> Vec<&'a String> {
    a.iter()
        .filter(|x| b.iter().any(|y| y.trim().eq_ignore_ascii_case(x.trim())))
        .collect()
}

/// Every hard constraint a pair breaks, capacity aside.
fn violations(mentee: &Person, mentor: &Person, lines: &Lines, config: &MatchConfig) -> Rules {
    let mut rules = Rules::default();
    if mentee.id == mentor.id {
        rules = rules.with(Constraint::Oneself);
    }
    if lines.contains(&mentee.id, &mentor.id) {
        rules = rules.with(Constraint::ManagementLine);
    }
    if mentee.avoids.contains(&mentor.id) {
        rules = rules.with(Constraint::Avoided);
    }
    if config.not_same_team
        && !mentee.team.trim().is_empty()
        && mentee.team.trim().eq_ignore_ascii_case(mentor.team.trim())
    {
        rules = rules.with(Constraint::SameTeam);
    }
    if mentee.days.both(mentor.days).is_empty() {
        rules = rules.with(Constraint::SharedDay);
    }
    if !mentee.languages.is_empty()
        && !mentor.languages.is_empty()
        && shared(&mentee.languages, &mentor.languages).is_empty()
    {
        rules = rules.with(Constraint::Language);
    }
    rules
}

/// Every hard constraint a pair of two people in `roster` breaks, capacity
/// aside (it depends on the other pairs): who is a mentor and who a mentee
/// by level, and every rule between them. Unknown ids break nothing here
/// (the loaders refuse them). For pairs from elsewhere, such as a pairs
/// file given to `doorgroei schedule`.
pub fn pair_problems(
    ladder: &Ladder,
    roster: &Roster,
    config: &MatchConfig,
    mentee: &str,
    mentor: &str,
) -> Vec<Constraint> {
    let roster = &*with_default_capacities(ladder, roster, config);
    let people = roster.by_id();
    let lines = Lines::new(&roster.people);
    match (people.get(mentee), people.get(mentor)) {
        (Some(a), Some(b)) => person_problems(ladder, &lines, a, b, config).list(),
        _ => Vec::new(),
    }
}

/// Every hard constraint each of `pairs` breaks, the pairs taken as given
/// (a pairs file for `doorgroei schedule`, scheduled whatever they break):
/// those of [`pair_problems`], and for a pair past its mentor's capacity,
/// counted in the given order, [`Constraint::Capacity`], unless the mentor
/// is no mentor at all ([`Constraint::MentorLevel`] says more). Unknown
/// ids break nothing here (the loaders refuse them).
pub fn given_pair_problems(
    ladder: &Ladder,
    roster: &Roster,
    config: &MatchConfig,
    pairs: &[Pair],
) -> Vec<Vec<Constraint>> {
    let roster = &*with_default_capacities(ladder, roster, config);
    let people = roster.by_id();
    let lines = Lines::new(&roster.people);
    let mut load: BTreeMap<&str, u32> = BTreeMap::new();
    pairs
        .iter()
        .map(|p| {
            let (mentee, mentor) = (people.get(p.mentee.as_str()), people.get(p.mentor.as_str()));
            let mut rules = match (mentee, mentor) {
                (Some(a), Some(b)) => person_problems(ladder, &lines, a, b, config),
                _ => Rules::default(),
            };
            let used = load.entry(p.mentor.as_str()).or_default();
            *used += 1;
            if let Some(m) = mentor {
                if *used > m.capacity && !rules.has(Constraint::MentorLevel) {
                    rules = rules.with(Constraint::Capacity);
                }
            }
            rules.list()
        })
        .collect()
}

fn person_problems(
    ladder: &Ladder,
    lines: &Lines,
    mentee: &Person,
    mentor: &Person,
    config: &MatchConfig,
) -> Rules {
    let mut rules = violations(mentee, mentor, lines, config);
    if !can_mentor(ladder, mentor, config) {
        rules = rules.with(Constraint::MentorLevel);
    }
    if !needs_mentor(ladder, mentee) {
        rules = rules.with(Constraint::NotMentee);
    }
    rules
}

/// The pair's score without load bonus, and its terms in words.
fn score(mentee: &Person, mentor: &Person, w: &Weights) -> (i64, Vec<Bilingual>) {
    let mut total = 0;
    let mut reasons = Vec::new();
    let common: Vec<&str> = shared(&mentee.specialisms, &mentor.specialisms)
        .into_iter()
        .map(String::as_str)
        .collect();
    if !common.is_empty() {
        total += w.specialism * common.len() as i64;
        reasons.push(Bilingual {
            nl: listing("deelt ", &common, "en"),
            en: listing("shares ", &common, "and"),
        });
    }
    let days = mentee.days.both(mentor.days).days();
    if !days.is_empty() {
        total += w.shared_day * days.len() as i64;
        let nl: Vec<&str> = days.iter().map(|d| d.code()).collect();
        let en: Vec<&str> = days.iter().map(|d| d.english()).collect();
        reasons.push(Bilingual {
            nl: listing("werken allebei op ", &nl, "en"),
            en: listing("both work on ", &en, "and"),
        });
    }
    if mentor.coaching {
        total += w.coaching;
        reasons.push(Bilingual::new(
            "coachingsgekwalificeerd",
            "coaching-qualified",
        ));
    }
    if !mentee.location.trim().is_empty()
        && mentee
            .location
            .trim()
            .eq_ignore_ascii_case(mentor.location.trim())
    {
        total += w.location;
        reasons.push(Bilingual::new(
            format!("zelfde locatie {}", mentor.location),
            format!("same location {}", mentor.location),
        ));
    }
    if mentee.prefers.contains(&mentor.id) {
        total += w.preference;
        reasons.push(Bilingual::new(
            "voorkeur van de mentee",
            "the mentee's preference",
        ));
    }
    (total, reasons)
}

/// `prefix` and then `items` as a list (`a, b en c`, as
/// [`join_list`] writes it), in one string: the matching explains every
/// pair, and each allocation counts in the browser.
fn listing(prefix: &str, items: &[&str], and: &str) -> String {
    let length = items.iter().map(|i| i.len() + 2).sum::<usize>() + and.len();
    let mut text = String::with_capacity(prefix.len() + length);
    text.push_str(prefix);
    for (k, item) in items.iter().enumerate() {
        if k + 1 == items.len() && k > 0 {
            text.push(' ');
            text.push_str(and);
            text.push(' ');
        } else if k > 0 {
            text.push_str(", ");
        }
        text.push_str(item);
    }
    text
}

// ---------------------------------------------------------------------------
// The run.

/// Everything a run needs, computed once.
struct Setup<'a> {
    people: Ids<'a, &'a Person>,
    /// Who is in whose management line.
    lines: Lines<'a>,
    /// Pairs kept as they are: (mentee, mentor, locked, problems, weeks the
    /// mentee had waited when the pair started); locked
    /// pairs first, each in roster order.
    kept: Vec<(&'a Person, &'a Person, bool, Rules, i64)>,
    /// Pairs that ended: unlocked ones that break a hard constraint, and
    /// (with a day to look from) those whose time is over.
    ended: Vec<(&'a Person, &'a Person, Rules, Ending)>,
    /// Mentees still to match, in roster order.
    mentees: Vec<&'a Person>,
    /// Per mentee still to match, the weeks waited without a mentor.
    waited: Vec<i64>,
    /// Mentors in roster order, with their load from kept pairs.
    mentors: Vec<(&'a Person, u32)>,
    /// Who was paired before, (mentee, mentor): never again (empty with
    /// `no_repeat` off).
    before: BTreeSet<(&'a str, &'a str)>,
    /// Eligible pairs, mentee by mentee, worked out when asked for.
    pairs: Option<Pairs>,
    /// Largest capacity: the load bonus horizon.
    horizon: u32,
}

/// Most weeks of waiting counted (a hundred years): the waiting term stays
/// far from the score's limits.
const MAX_WEEKS: i64 = 5_200;

/// Who was paired before, as (mentee, mentor): every pair that has ended
/// by `config.today` ([`Pair::has_ended`]) and every mentee's
/// `earlier_mentors`. Empty with `no_repeat` off.
fn paired_before<'a>(roster: &'a Roster, config: &MatchConfig) -> BTreeSet<(&'a str, &'a str)> {
    if !config.no_repeat {
        return BTreeSet::new();
    }
    let earlier = roster.people.iter().flat_map(|p| {
        p.earlier_mentors
            .iter()
            .map(move |m| (p.id.as_str(), m.as_str()))
    });
    let ended = roster
        .pairs
        .iter()
        .filter(|p| p.has_ended(config.today))
        .map(|p| (p.mentee.as_str(), p.mentor.as_str()));
    sort::set_of(earlier.chain(ended))
}

/// How many days back a pair's end is still listed ([`Assignment::ended`]):
/// a quarter of a year, so that the endings of a re-match stay in view for
/// a while (also after a reload) and older history is not listed again.
pub const RECENT_DAYS: i64 = 91;

/// How a pair's time is over on `today`, if it is: the first of its
/// `ended` day and the days its mentor and mentee leave, of those that
/// have come. Without a day, only an `ended` day ends it.
fn time_over(pair: &Pair, mentee: &Person, mentor: &Person, today: Option<Date>) -> Option<Ending> {
    let Some(today) = today else {
        return pair.ended.map(|date| Ending::Ended { date });
    };
    let mut first: Option<Ending> = None;
    let date_of = |e: &Ending| match e {
        Ending::Left { date, .. } | Ending::Ended { date } => Some(*date),
        Ending::Rules => None,
    };
    // (On the same day, who left says more than the end day it caused:
    // a re-match writes the leaving day as the pair's end.)
    let candidates = [
        mentor.leaves.map(|date| Ending::Left {
            person: mentor.id.clone(),
            date,
        }),
        mentee.leaves.map(|date| Ending::Left {
            person: mentee.id.clone(),
            date,
        }),
        pair.ended.map(|date| Ending::Ended { date }),
    ];
    for e in candidates.into_iter().flatten() {
        let Some(date) = date_of(&e).filter(|&d| d <= today) else {
            continue;
        };
        if first.as_ref().and_then(date_of).is_none_or(|f| date < f) {
            first = Some(e);
        }
    }
    first
}

/// Whole weeks from `since` to `today` (0 when `since` is later), at most
/// [`MAX_WEEKS`].
fn weeks_between(since: Date, today: Date) -> i64 {
    use crate::programme::day_number;
    ((day_number(today) - day_number(since)) / 7).clamp(0, MAX_WEEKS)
}

/// Everything a run needs; the eligible pairs only `with_pairs` (a review,
/// which matches nobody, needs none: the web page reviews and never
/// matches, and so carries no pair or solver code).
fn setup<'a>(
    ladder: &Ladder,
    roster: &'a Roster,
    config: &MatchConfig,
    with_pairs: bool,
) -> Setup<'a> {
    let today = config.today;
    let mut people: Ids<&Person> = Ids::default();
    for p in &roster.people {
        people.insert(p.id.as_str(), p);
    }
    let lines = Lines::new(&roster.people);
    let before = paired_before(roster, config);
    // Pairs whose time is over end (listed when that is news: see below);
    // the others are the pairs running now.
    let mut over: Vec<(&Pair, &Person, &Person, Ending)> = Vec::new();
    let mut running: Vec<(&Person, &Person, bool, Option<Date>)> = Vec::new();
    // The day each mentee's last pair ended.
    let mut last_end: Ids<Date> = Ids::default();
    for p in &roster.pairs {
        let (Some(&mentee), Some(&mentor)) =
            (people.get(p.mentee.as_str()), people.get(p.mentor.as_str()))
        else {
            continue;
        };
        match time_over(p, mentee, mentor, today) {
            Some(ending) => {
                if let Ending::Left { date, .. } | Ending::Ended { date } = ending {
                    let last = last_end.entry(mentee.id.as_str()).or_insert(date);
                    *last = (*last).max(date);
                }
                over.push((p, mentee, mentor, ending));
            }
            None if p.locked || !config.rematch => {
                running.push((mentee, mentor, p.locked, p.started))
            }
            None => {}
        }
    }
    // Locked pairs take their mentor's places first, then the others, each
    // by the day they started (none known: first) and then in roster order,
    // so that a pair a matching made after the others is explained after
    // them also when the roster is reviewed later; a pair past its mentor's
    // capacity breaks that rule.
    sort::sort_by_key(&mut running, |p| p.3);
    let mut kept = Vec::new();
    let mut ended = Vec::new();
    let mut load: Ids<u32> = Ids::default();
    let mut has_mentor: Ids<()> = Ids::default();
    for locked in [true, false] {
        for &(mentee, mentor, _, started) in running.iter().filter(|p| p.2 == locked) {
            let mut rules = person_problems(ladder, &lines, mentee, mentor, config);
            let used = load.get(mentor.id.as_str()).copied().unwrap_or(0);
            if used >= mentor.capacity && !rules.has(Constraint::MentorLevel) {
                rules = rules.with(Constraint::Capacity);
            }
            if !locked && !rules.is_empty() {
                ended.push((mentee, mentor, rules, Ending::Rules));
                continue;
            }
            *load.entry(mentor.id.as_str()).or_default() += 1;
            has_mentor.insert(mentee.id.as_str(), ());
            // How long the mentee had waited when the pair started (since
            // their last pair ended, else since their start): the score
            // the matching gave it stays when the pair is reviewed later.
            let since = last_end
                .get(mentee.id.as_str())
                .copied()
                .filter(|&end| started.is_some_and(|s| end <= s))
                .or(mentee.start);
            let waited = match (since, started) {
                (Some(since), Some(started)) => weeks_between(since, started),
                _ => 0,
            };
            kept.push((mentee, mentor, locked, rules, waited));
        }
    }
    // A pair whose time is over is news when it ends now (someone left
    // from a pair the roster has running), when it ended in the last
    // RECENT_DAYS (so that a re-match's endings are still listed after a
    // reload), or when it is the last pair of a mentee still here with no
    // other pair running. (Older history is not listed again at every
    // matching.)
    if let Some(day) = today {
        let recent = crate::dates::add_days(day, -RECENT_DAYS).unwrap_or(day);
        for (p, mentee, mentor, ending) in over {
            let news = match &ending {
                _ if p.ended.is_none() => true,
                Ending::Left { date, .. } | Ending::Ended { date } => {
                    *date >= recent
                        || (!has_mentor.contains_key(mentee.id.as_str())
                            && !mentee.has_left(today)
                            && last_end.get(mentee.id.as_str()) == Some(date))
                }
                Ending::Rules => false,
            };
            if news {
                ended.push((mentee, mentor, Rules::default(), ending));
            }
        }
    }
    let mentees: Vec<&Person> = roster
        .people
        .iter()
        .filter(|p| needs_mentor(ladder, p) && !has_mentor.contains_key(p.id.as_str()))
        .filter(|p| !p.has_left(today))
        .collect();
    let waited: Vec<i64> = mentees
        .iter()
        .map(|p| {
            let since = last_end.get(p.id.as_str()).copied().or(p.start);
            match (since, today) {
                (Some(since), Some(today)) => weeks_between(since, today),
                _ => 0,
            }
        })
        .collect();
    let mentors: Vec<(&Person, u32)> = roster
        .people
        .iter()
        .filter(|p| can_mentor(ladder, p, config) && !p.has_left(today))
        .map(|p| (p, load.get(p.id.as_str()).copied().unwrap_or(0)))
        .collect();
    let horizon = mentors.iter().map(|(p, _)| p.capacity).max().unwrap_or(0);
    let pairs = with_pairs.then(|| {
        let bonus: Vec<i64> = waited
            .iter()
            .map(|&weeks| config.weights.waiting.saturating_mul(weeks))
            .collect();
        Pairs::new(&lines, &mentees, &mentors, config, &before, &bonus)
    });
    Setup {
        people,
        lines,
        kept,
        ended,
        mentees,
        waited,
        mentors,
        before,
        pairs,
        horizon,
    }
}

impl Setup<'_> {
    /// Whether mentee and mentor were paired before (and may not be again).
    fn repeats(&self, mentee: &Person, mentor: &Person) -> bool {
        self.before
            .contains(&(mentee.id.as_str(), mentor.id.as_str()))
    }
}

fn slot_bonus(w: &Weights, horizon: u32, k: u32) -> i64 {
    w.load * i64::from(horizon.saturating_sub(k))
}

/// The problem as the solver sees it (for `--dump-scores`).
pub fn problem(ladder: &Ladder, roster: &Roster, config: &MatchConfig) -> Problem {
    let roster = &*with_default_capacities(ladder, roster, config);
    let s = setup(ladder, roster, config, true);
    Problem {
        capacity: s
            .mentors
            .iter()
            .map(|(m, load)| (m.id.clone(), m.capacity.saturating_sub(*load)))
            .collect(),
        candidates: {
            let mut buf = Vec::new();
            let mut all = Vec::new();
            for (i, mentee) in s.mentees.iter().enumerate() {
                let Some(pairs) = &s.pairs else { break };
                all.extend(pairs.row(i, &mut buf).iter().map(|p| Candidate {
                    mentee: mentee.id.clone(),
                    mentor: s.mentors[p.mentor as usize].0.id.clone(),
                    score: i64::from(p.score),
                }));
            }
            all
        },
        slot_bonus: s
            .mentors
            .iter()
            .map(|(m, load)| {
                let bonuses = (*load..m.capacity)
                    .map(|k| slot_bonus(&config.weights, s.horizon, k))
                    .collect();
                (m.id.clone(), bonuses)
            })
            .collect(),
    }
}

/// Matches the mentees of `roster` to mentors. Pairs in the roster are kept
/// (all of them, or only the locked ones with `config.rematch`).
pub fn assign(ladder: &Ladder, roster: &Roster, config: &MatchConfig) -> Assignment {
    assign_tuned(ladder, roster, config, Tuning::default())
}

/// [`assign`] with the solver's memory set by hand. The answer is the same
/// for every tuning; tests use tiny ones so that the solver reads rows
/// again as often as it can.
pub fn assign_tuned(
    ladder: &Ladder,
    roster: &Roster,
    config: &MatchConfig,
    tuning: Tuning,
) -> Assignment {
    let roster = &*with_default_capacities(ladder, roster, config);
    outcome::<true>(ladder, roster, config, tuning)
}

/// The roster's pairs after a matching `outcome` of it on `today`, the
/// history kept: pairs that had ended stay as they were; a pair that
/// ended in this matching gets its `ended` day (the day someone left or
/// its own; `today` for one that breaks a rule, which without a day is
/// dropped as before); the outcome's pairs follow, an existing one as the
/// roster had it, a new one `started` today. Without history and a day
/// this is the outcome's pairs, as a roster keeps them.
pub fn pairs_after(roster: &Roster, outcome: &Assignment, today: Option<Date>) -> Vec<Pair> {
    let people = roster.by_id();
    let mut out: Vec<Pair> = Vec::new();
    // History stays; a pair whose time is over gets its end.
    for p in &roster.pairs {
        let over = match (people.get(p.mentee.as_str()), people.get(p.mentor.as_str())) {
            (Some(a), Some(b)) => time_over(p, a, b, today),
            _ => None,
        };
        match over {
            _ if p.has_ended(today) => out.push(p.clone()),
            Some(Ending::Left { date, .. } | Ending::Ended { date }) => out.push(Pair {
                ended: Some(date),
                ..p.clone()
            }),
            _ => {}
        }
    }
    // The pairs running, by mentee and mentor (a stable sort: the first of
    // equals comes first), looked up by halving (2,000 pairs: not 4 million
    // comparisons).
    fn key(p: &Pair) -> (&str, &str) {
        (p.mentee.as_str(), p.mentor.as_str())
    }
    let mut by_pair: Vec<&Pair> = roster
        .pairs
        .iter()
        .filter(|p| !p.has_ended(today))
        .collect();
    crate::sort::sort_by(&mut by_pair, |a, b| key(a).cmp(&key(b)));
    let running = |mentee: &str, mentor: &str| {
        let at = by_pair.partition_point(|p| key(p) < (mentee, mentor));
        by_pair
            .get(at)
            .copied()
            .filter(|p| key(p) == (mentee, mentor))
    };
    // A pair that breaks a rule ends today (without a day it is dropped).
    for e in outcome.ended.iter().filter(|e| e.ending == Ending::Rules) {
        if let (Some(pair), Some(end)) = (running(&e.mentee, &e.mentor), today) {
            out.push(Pair {
                ended: Some(end),
                ..pair.clone()
            });
        }
    }
    for m in &outcome.pairs {
        out.push(match running(&m.mentee, &m.mentor).filter(|_| m.existing) {
            Some(pair) => Pair {
                locked: m.locked,
                ..pair.clone()
            },
            None => Pair {
                started: today,
                ..Pair::from(m)
            },
        });
    }
    out
}

/// The roster's pairs as they stand, explained, and every mentee without a
/// mentor with the reason; nobody new is matched. For showing a roster
/// after a pair was locked or changed by hand.
pub fn review(ladder: &Ladder, roster: &Roster, config: &MatchConfig) -> Assignment {
    let config = MatchConfig {
        rematch: false,
        ..*config
    };
    let roster = &*with_default_capacities(ladder, roster, &config);
    outcome::<false>(ladder, roster, &config, Tuning::default())
}

/// The run's pairs explained: solved with `tuning`, or (`None`) only the
/// pairs that are kept (`SOLVE` false: a review). A constant, so that a
/// review, which the web page runs, is compiled without pairs or solver.
fn outcome<const SOLVE: bool>(
    ladder: &Ladder,
    roster: &Roster,
    config: &MatchConfig,
    tuning: Tuning,
) -> Assignment {
    let s = setup(ladder, roster, config, SOLVE);
    let w = &config.weights;
    let chosen = if SOLVE {
        solve(&s, w, tuning)
    } else {
        vec![None; s.mentees.len()]
    };

    let mut load: Vec<u32> = s.mentors.iter().map(|(_, l)| *l).collect();
    let mut pairs: Vec<Matched> = Vec::new();
    let bonus_reason = |k: u32, bonus: i64| match k {
        1 => Bilingual::new(
            format!("mentor heeft er 1 andere mentee (spreiding +{bonus})"),
            format!("mentor has 1 other mentee (spread +{bonus})"),
        ),
        _ => Bilingual::new(
            format!("mentor heeft er {k} andere mentees (spreiding +{bonus})"),
            format!("mentor has {k} other mentees (spread +{bonus})"),
        ),
    };
    let mut kept_load: Ids<u32> = Ids::default();
    for (mentee, mentor, locked, problems, waited) in &s.kept {
        let (mut score, mut reasons) = score(mentee, mentor, w);
        if *waited > 0 && w.waiting > 0 {
            score = score.saturating_add(w.waiting.saturating_mul(*waited));
            reasons.push(waited_reason(*waited));
        }
        reasons.insert(
            0,
            if *locked {
                Bilingual::new("vastgezette koppeling", "locked pair")
            } else {
                Bilingual::new("bestaande koppeling", "existing pair")
            },
        );
        // Kept pairs take the first slots of their mentor.
        let used = kept_load.entry(mentor.id.as_str()).or_default();
        let k = *used;
        *used += 1;
        let bonus = slot_bonus(w, s.horizon, k);
        score += bonus;
        reasons.push(bonus_reason(k, bonus));
        pairs.push(Matched {
            mentee: mentee.id.clone(),
            mentor: mentor.id.clone(),
            score,
            locked: *locked,
            existing: true,
            reasons,
            problems: problems.list(),
        });
    }
    for (i, j) in chosen
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.map(|j| (i, j)))
    {
        let (mentee, mentor) = (s.mentees[i], s.mentors[j].0);
        let (mut score, mut reasons) = score(mentee, mentor, w);
        let weeks = s.waited.get(i).copied().unwrap_or(0);
        if weeks > 0 && w.waiting > 0 {
            score = score.saturating_add(w.waiting.saturating_mul(weeks));
            reasons.push(waiting_reason(weeks));
        }
        let k = load[j];
        load[j] += 1;
        let bonus = slot_bonus(w, s.horizon, k);
        score += bonus;
        reasons.push(bonus_reason(k, bonus));
        pairs.push(Matched {
            mentee: mentee.id.clone(),
            mentor: mentor.id.clone(),
            score,
            locked: false,
            existing: false,
            reasons,
            problems: Vec::new(),
        });
    }
    // In roster order: each pair's place looked up once, not at every
    // comparison.
    let mut order: Ids<usize> = Ids::default();
    for (i, p) in roster.people.iter().enumerate() {
        order.insert(p.id.as_str(), i);
    }
    let mut placed: Vec<(usize, Matched)> = pairs
        .into_iter()
        .map(|p| {
            let at = order.get(p.mentee.as_str()).copied().unwrap_or(usize::MAX);
            (at, p)
        })
        .collect();
    sort::sort_by_key(&mut placed, |(at, _)| *at);
    let pairs: Vec<Matched> = placed.into_iter().map(|(_, p)| p).collect();

    let unmatched = unmatched::<SOLVE>(&s, &chosen, config);
    let ended = s
        .ended
        .iter()
        .map(|(mentee, mentor, rules, ending)| Ended {
            mentee: mentee.id.clone(),
            mentor: mentor.id.clone(),
            problems: rules.list(),
            reason: ending_reason(&s.people, ending, &rules.list()),
            ending: ending.clone(),
        })
        .collect();
    let mut mentor_load: BTreeMap<String, u32> =
        sort::map_of(s.mentors.iter().map(|(m, _)| (m.id.clone(), 0)));
    for p in &pairs {
        *mentor_load.entry(p.mentor.clone()).or_default() += 1;
    }
    Assignment {
        matched: pairs.len(),
        total_score: pairs.iter().map(|p| p.score).sum(),
        pairs,
        unmatched,
        ended,
        mentor_load,
    }
}

/// `wachtte 9 weken op een mentor` / `had waited 9 weeks for a mentor`:
/// a kept pair's waiting, when it started.
fn waited_reason(weeks: i64) -> Bilingual {
    if weeks == 1 {
        Bilingual::new(
            "wachtte 1 week op een mentor",
            "had waited 1 week for a mentor",
        )
    } else {
        Bilingual::new(
            format!("wachtte {weeks} weken op een mentor"),
            format!("had waited {weeks} weeks for a mentor"),
        )
    }
}

/// `wacht al 9 weken` / `waiting for 9 weeks`.
fn waiting_reason(weeks: i64) -> Bilingual {
    if weeks == 1 {
        Bilingual::new("wacht al 1 week", "waiting for 1 week")
    } else {
        Bilingual::new(
            format!("wacht al {weeks} weken"),
            format!("waiting for {weeks} weeks"),
        )
    }
}

/// Why a pair ended, in words: the rules it breaks, who left on which day,
/// or the day it ended.
fn ending_reason(people: &Ids<&Person>, ending: &Ending, problems: &[Constraint]) -> Bilingual {
    use crate::dates::{Iso, NlDate};
    match ending {
        Ending::Rules => Bilingual::new(
            Constraint::broken_list(problems, Lang::Nl),
            Constraint::broken_list(problems, Lang::En),
        ),
        Ending::Left { person, date } => {
            let who = people
                .get(person.as_str())
                .map_or(person.clone(), |p| format!("{} ({person})", p.name));
            Bilingual::new(
                format!("{who} is op {} vertrokken", NlDate(*date)),
                format!("{who} left on {}", Iso(*date)),
            )
        }
        Ending::Ended { date } => Bilingual::new(
            format!("de koppeling is op {} beëindigd", NlDate(*date)),
            format!("the pair ended on {}", Iso(*date)),
        ),
    }
}

/// A mentor the coordinator may choose by hand for one mentee.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MentorOption {
    /// Mentor id.
    pub mentor: String,
    /// The pair's score without load bonus.
    pub score: i64,
    /// The score terms in words.
    pub reasons: Vec<Bilingual>,
    /// Mentees the mentor has now (the mentee's own pair not counted).
    pub load: u32,
    /// The mentor's capacity.
    pub capacity: u32,
}

/// The mentors `mentee` may get instead of the current one: every hard
/// constraint met (nobody they were paired with before, with `no_repeat`;
/// nobody who has left by `config.today`) and room left with the roster's
/// other running pairs. Best score first, then roster order.
pub fn options(
    ladder: &Ladder,
    roster: &Roster,
    config: &MatchConfig,
    mentee: &str,
) -> Vec<MentorOption> {
    let roster = &*with_default_capacities(ladder, roster, config);
    let people = roster.by_id();
    let Some(person) = people.get(mentee).copied() else {
        return Vec::new();
    };
    let lines = Lines::new(&roster.people);
    let before = paired_before(roster, config);
    let mut load: BTreeMap<&str, u32> = BTreeMap::new();
    for p in roster.pairs.iter().filter(|p| p.mentee != mentee) {
        let (Some(a), Some(b)) = (people.get(p.mentee.as_str()), people.get(p.mentor.as_str()))
        else {
            continue;
        };
        if time_over(p, a, b, config.today).is_none() {
            *load.entry(p.mentor.as_str()).or_default() += 1;
        }
    }
    let mut out: Vec<MentorOption> = roster
        .people
        .iter()
        .filter(|m| can_mentor(ladder, m, config) && !m.has_left(config.today))
        .filter(|m| violations(person, m, &lines, config).is_empty())
        .filter(|m| !before.contains(&(mentee, m.id.as_str())))
        .filter_map(|m| {
            let used = load.get(m.id.as_str()).copied().unwrap_or(0);
            (used < m.capacity).then(|| {
                let (score, reasons) = score(person, m, &config.weights);
                MentorOption {
                    mentor: m.id.clone(),
                    score,
                    reasons,
                    load: used,
                    capacity: m.capacity,
                }
            })
        })
        .collect();
    sort::sort_by_key(&mut out, |o| Reverse(o.score));
    out
}

/// The plain greedy pass the benchmarks compare with: eligible pairs by
/// falling score (ties: roster order), taken while the mentee is free and
/// the mentor has room. Returns (mentees matched, total score with load
/// bonuses) for the same problem [`assign`] solves exactly.
///
/// The pairs are not sorted all at once (there may be hundreds of millions):
/// a heap holds each mentee's best score not yet tried, and the mentee on
/// top takes the first mentor in its row at that score with room, or waits
/// at its next lower score. That is the same order.
pub fn greedy(ladder: &Ladder, roster: &Roster, config: &MatchConfig) -> (usize, i64) {
    let roster = &*with_default_capacities(ladder, roster, config);
    let s = setup(ladder, roster, config, true);
    let Some(pairs) = &s.pairs else {
        return (0, 0);
    };
    let mut load: Vec<u32> = s.mentors.iter().map(|(_, l)| *l).collect();
    let mut buf = Vec::new();
    let mut heap: BinaryHeap<(i32, Reverse<u32>)> = BinaryHeap::new();
    for i in 0..s.mentees.len() {
        if let Some(best) = pairs.row(i, &mut buf).iter().map(|p| p.score).max() {
            heap.push((best, Reverse(i as u32)));
        }
    }
    let (mut matched, mut total) = (0, 0);
    while let Some((score, Reverse(i))) = heap.pop() {
        let row = pairs.row(i as usize, &mut buf);
        let room = |j: usize| load[j] < s.mentors[j].0.capacity;
        match row
            .iter()
            .find(|p| p.score == score && room(p.mentor as usize))
        {
            Some(p) => {
                let j = p.mentor as usize;
                total += i64::from(score) + slot_bonus(&config.weights, s.horizon, load[j]);
                load[j] += 1;
                matched += 1;
            }
            None => {
                let lower = row.iter().map(|p| p.score).filter(|&x| x < score).max();
                if let Some(next) = lower {
                    heap.push((next, Reverse(i)));
                }
            }
        }
    }
    (matched, total)
}

/// How many eligible pairs the solver works on (for benchmarks).
pub fn eligible_pair_count(ladder: &Ladder, roster: &Roster, config: &MatchConfig) -> usize {
    let roster = &*with_default_capacities(ladder, roster, config);
    let s = setup(ladder, roster, config, true);
    let Some(pairs) = &s.pairs else { return 0 };
    (0..s.mentees.len()).map(|i| pairs.count(i)).sum()
}

/// Why each mentee left without a mentor is so, and a change that is
/// certain to get them one, if there is such a change.
fn unmatched<const SOLVED: bool>(
    s: &Setup<'_>,
    chosen: &[Option<usize>],
    config: &MatchConfig,
) -> Vec<Unmatched> {
    let mut load: Vec<u32> = s.mentors.iter().map(|(_, l)| *l).collect();
    for j in chosen.iter().flatten() {
        load[*j] += 1;
    }
    let mut reach = Reach::new(s, chosen);
    chosen
        .iter()
        .enumerate()
        .filter(|(_, j)| j.is_none())
        .map(|(i, _)| why_unmatched::<SOLVED>(s, i, &load, &mut reach, config))
        .collect()
}

/// Most eligible pairs for which one-more-place suggestions are looked for
/// (the table of pairs by mentor takes 4 bytes a pair).
const REACH_PAIRS: usize = 4_000_000;

/// Which unmatched mentees could take a new place of a mentor by moving
/// matched mentees along (alternating paths of the best assignment), with a
/// budget of work so a huge roster does not pay for it many times over.
struct Reach<'s, 'a> {
    s: &'s Setup<'a>,
    chosen: &'s [Option<usize>],
    /// Per mentor, the mentees with an eligible pair to them: worked out
    /// on first need, and only for rosters of at most [`REACH_PAIRS`]
    /// pairs (an empty table otherwise: no such suggestions then).
    to_mentor: Option<Vec<Vec<u32>>>,
    /// Per mentor index, the answer once known: the only unmatched mentee
    /// that can reach it (None: none or several).
    known: BTreeMap<usize, Option<usize>>,
    /// Pairs that may still be looked at.
    budget: usize,
}

impl<'s, 'a> Reach<'s, 'a> {
    fn new(s: &'s Setup<'a>, chosen: &'s [Option<usize>]) -> Reach<'s, 'a> {
        Reach {
            s,
            chosen,
            to_mentor: None,
            known: BTreeMap::new(),
            budget: 0,
        }
    }

    /// The pairs by mentor, worked out once (empty past [`REACH_PAIRS`]).
    fn table(&mut self) -> &[Vec<u32>] {
        let s = self.s;
        let budget = &mut self.budget;
        self.to_mentor.get_or_insert_with(|| {
            let Some(pairs) = &s.pairs else {
                return Vec::new();
            };
            let mut to_mentor = vec![Vec::new(); s.mentors.len()];
            let mut buf = Vec::new();
            let mut total = 0;
            for i in 0..s.mentees.len() {
                for p in pairs.row(i, &mut buf) {
                    to_mentor[p.mentor as usize].push(i as u32);
                }
                total += buf.len();
                if total > REACH_PAIRS {
                    return Vec::new();
                }
            }
            *budget = 4 * total + 100_000;
            to_mentor
        })
    }

    /// The only unmatched mentee that a new place at mentor `j` can go to
    /// (directly, or by moving matched mentees along), if exactly one can
    /// and the budget allows finding out.
    fn only(&mut self, j: usize, config: &MatchConfig) -> Option<usize> {
        if let Some(&known) = self.known.get(&j) {
            return known;
        }
        let s = self.s;
        let (mentor, kept) = s.mentors[j];
        if self.table().is_empty() {
            return None;
        }
        // A mentor full from kept pairs alone has no pairs in the edges:
        // find who could take a new place directly.
        let direct: Vec<u32> = if kept < mentor.capacity {
            self.table()[j].clone()
        } else if self.budget < s.mentees.len() {
            return None;
        } else {
            self.budget -= s.mentees.len();
            let mut v = Vec::new();
            for (k, other) in s.mentees.iter().enumerate() {
                if violations(other, mentor, &s.lines, config).is_empty()
                    && !s.repeats(other, mentor)
                {
                    v.push(k as u32);
                }
            }
            v
        };
        let answer = self.search(j, &direct);
        self.known.insert(j, answer);
        answer
    }

    fn search(&mut self, j: usize, direct: &[u32]) -> Option<usize> {
        let s = self.s;
        let mut seen_mentor = vec![false; s.mentors.len()];
        let mut seen_mentee = vec![false; s.mentees.len()];
        let mut found: Option<usize> = None;
        let mut queue: Vec<usize> = vec![j];
        seen_mentor[j] = true;
        let mut first = true;
        while let Some(m) = queue.pop() {
            let table = self.to_mentor.as_deref().unwrap_or_default();
            let list: &[u32] = if first { direct } else { &table[m] };
            first = false;
            for &i in list {
                if self.budget == 0 {
                    return None;
                }
                self.budget -= 1;
                let i = i as usize;
                if std::mem::replace(&mut seen_mentee[i], true) {
                    continue;
                }
                match self.chosen[i] {
                    None if found.is_some() => return None,
                    None => found = Some(i),
                    Some(k) if !seen_mentor[k] => {
                        seen_mentor[k] = true;
                        queue.push(k);
                    }
                    Some(_) => {}
                }
            }
        }
        found
    }
}

fn why_unmatched<const SOLVED: bool>(
    s: &Setup<'_>,
    i: usize,
    load: &[u32],
    reach: &mut Reach<'_, '_>,
    config: &MatchConfig,
) -> Unmatched {
    let solved = SOLVED;
    let mentee = s.mentees[i];
    let names = |id: &str| {
        s.people
            .get(id)
            .map_or(id.to_string(), |p| format!("{} ({id})", p.name))
    };
    // Every rule each mentor breaks for this mentee, capacity included.
    let rules: Vec<Rules> = s
        .mentors
        .iter()
        .zip(load)
        .map(|((mentor, _), &used)| {
            let mut r = violations(mentee, mentor, &s.lines, config);
            if s.repeats(mentee, mentor) {
                r = r.with(Constraint::Repeat);
            }
            if used >= mentor.capacity {
                r.with(Constraint::Capacity)
            } else {
                r
            }
        })
        .collect();
    let mut blocked: Vec<Blocked> = Constraint::ALL
        .into_iter()
        .map(|rule| Blocked {
            rule,
            mentors: rules.iter().filter(|r| r.has(rule)).count(),
        })
        .filter(|b| b.mentors > 0)
        .collect();
    sort::sort_by_key(&mut blocked, |b| Reverse(b.mentors));
    let suggestion = if solved {
        suggest(s, i, &rules, reach, config)
    } else {
        None
    };
    // The eligible mentors with room: those that break no rule, capacity
    // included (the mentee's pairs, without working them out).
    let eligible = rules.iter().filter(|r| r.is_empty()).count();
    let count = |lang: Lang| -> String {
        let parts: Vec<String> = blocked
            .iter()
            .map(|b| b.rule.counted(b.mentors, lang))
            .collect();
        join_list(&parts, lang)
    };
    let (nl, en) = if s.mentors.is_empty() {
        let level = config.mentor_min_level;
        (
            format!(
                "er is geen mentor: niemand op niveau {} of hoger heeft capaciteit",
                level.label(Lang::Nl)
            ),
            format!(
                "there is no mentor: nobody at level {} or higher has capacity",
                level.label(Lang::En)
            ),
        )
    } else if eligible > 0 && !solved {
        match eligible {
            1 => (
                "nog niet gekoppeld: 1 passende mentor heeft ruimte".to_string(),
                "not matched yet: 1 suitable mentor has room".to_string(),
            ),
            n => (
                format!("nog niet gekoppeld: {n} passende mentoren hebben ruimte"),
                format!("not matched yet: {n} suitable mentors have room"),
            ),
        }
    } else {
        let n = s.mentors.len();
        let (of_nl, of_en) = match n {
            1 => (
                "de enige mentor past niet".to_string(),
                "the only mentor does not fit".to_string(),
            ),
            n => (
                format!("geen van de {n} mentoren past"),
                format!("none of the {n} mentors fits"),
            ),
        };
        (
            format!("{of_nl}: {}", count(Lang::Nl)),
            format!("{of_en}: {}", count(Lang::En)),
        )
    };
    let (nl, en) = match &suggestion {
        None => (nl, en),
        Some(change) => {
            let who = names(change.mentor());
            let (snl, sen) = match change {
                Change::Capacity { to, .. } => (
                    format!("geef {who} één plaats meer (capaciteit {to})"),
                    format!("give {who} one more place (capacity {to})"),
                ),
                Change::Unavoid { .. } => (
                    format!("haal {who} van de lijst te vermijden mentoren"),
                    format!("take {who} off the list of mentors to avoid"),
                ),
                Change::AddDay { day, .. } => (
                    format!(
                        "met een werkdag op {} kan {who} mentor worden",
                        day.name(Lang::Nl)
                    ),
                    format!(
                        "with a working day on {} {who} can be the mentor",
                        day.name(Lang::En)
                    ),
                ),
                Change::AddLanguage { language, .. } => (
                    format!("met {language} als gemeenschappelijke taal kan {who} mentor worden"),
                    format!("with {language} as a shared language {who} can be the mentor"),
                ),
            };
            (
                format!("{nl}; voorstel: {snl}"),
                format!("{en}; suggestion: {sen}"),
            )
        }
    };
    Unmatched {
        mentee: mentee.id.clone(),
        blocked,
        suggestion,
        reason: Bilingual::new(nl, en),
    }
}

/// A change certain to get mentee `i` a mentor (see [`Unmatched::suggestion`]).
///
/// Why each kind is certain, for the best assignment M of the roster now:
/// - A mentor with a free place in M, kept from this mentee only by rules
///   that concern this mentee alone (the avoid list, a shared day or
///   language): the change adds pairs of this mentee only, and M plus the
///   pair is larger than M. Any assignment as large that left this mentee
///   out would have been possible before, and M was as large as possible:
///   so every largest assignment, the best one too, includes this mentee.
/// - A full mentor kept away only by capacity: one more place makes an
///   assignment one larger. If this mentee is the only unmatched one that
///   can reach the new place (directly or by moving matched mentees along),
///   every larger assignment must use such a path from this mentee.
fn suggest(
    s: &Setup<'_>,
    i: usize,
    rules: &[Rules],
    reach: &mut Reach<'_, '_>,
    config: &MatchConfig,
) -> Option<Change> {
    // One more place: mentors kept away only by being full.
    let full = Rules::default().with(Constraint::Capacity);
    for (j, _) in rules.iter().enumerate().filter(|(_, r)| **r == full) {
        if reach.only(j, config) == Some(i) {
            let mentor = s.mentors[j].0;
            return Some(Change::Capacity {
                mentor: mentor.id.clone(),
                to: mentor.capacity.saturating_add(1),
            });
        }
    }
    // A mentor with room, kept away by one rule about this mentee alone.
    rules.iter().enumerate().find_map(|(j, r)| {
        let mentor = s.mentors[j].0;
        match r.list().as_slice() {
            [Constraint::Avoided] => Some(Change::Unavoid {
                mentor: mentor.id.clone(),
            }),
            [Constraint::SharedDay] => Some(Change::AddDay {
                mentor: mentor.id.clone(),
                day: *mentor.days.days().first()?,
            }),
            [Constraint::Language] => Some(Change::AddLanguage {
                mentor: mentor.id.clone(),
                language: mentor.languages.first()?.clone(),
            }),
            _ => None,
        }
    })
}

/// For each mentee, the chosen mentor index (or none).
fn solve(s: &Setup<'_>, w: &Weights, tuning: Tuning) -> Vec<Option<usize>> {
    let slots = Slots {
        load: s.mentors.iter().map(|(_, l)| *l).collect(),
        capacity: s.mentors.iter().map(|(p, _)| p.capacity).collect(),
        bonus: (0..=s.horizon)
            .map(|k| slot_bonus(w, s.horizon, k))
            .collect(),
    };
    match &s.pairs {
        Some(pairs) => solver::solve(pairs, &slots, tuning),
        None => vec![None; s.mentees.len()],
    }
}

#[cfg(test)]
mod line_tests {
    use super::*;
    use proptest::prelude::*;

    /// The management line as a walk up the chain would give it: the
    /// oracle for [`Lines`].
    fn walked<'a>(people: &BTreeMap<&str, &'a Person>, p: &Person) -> BTreeSet<&'a str> {
        let mut line = BTreeSet::new();
        let mut at = p.manager.as_deref();
        while let Some(id) = at {
            let Some(manager) = people.get(id) else { break };
            if !line.insert(manager.id.as_str()) {
                break;
            }
            at = manager.manager.as_deref();
        }
        line
    }

    fn roster(managers: &[Option<usize>]) -> Roster {
        let people = managers
            .iter()
            .enumerate()
            .map(|(i, m)| Person {
                manager: m.map(|m| format!("p{m}")),
                ..Person::new(format!("p{i}"), "P", "r")
            })
            .collect();
        Roster {
            people,
            pairs: Vec::new(),
        }
    }

    fn check(managers: &[Option<usize>]) {
        let roster = roster(managers);
        let people = roster.by_id();
        let lines = Lines::new(&roster.people);
        for p in &roster.people {
            let expected = walked(&people, p);
            let listed: BTreeSet<&str> = lines.line(&p.id).into_iter().collect();
            assert_eq!(listed, expected, "{managers:?} {}", p.id);
            assert_eq!(lines.line(&p.id).len(), expected.len(), "{managers:?}");
            for m in &roster.people {
                assert_eq!(
                    lines.contains(&p.id, &m.id),
                    expected.contains(m.id.as_str()),
                    "{managers:?}: is {} in {}'s line?",
                    m.id,
                    p.id
                );
            }
        }
    }

    #[test]
    fn lines_of_chains_trees_and_circles() {
        let cases: [&[Option<usize>]; 8] = [
            &[],
            &[None],
            &[Some(0)],
            &[None, Some(0), Some(1), Some(2)],
            &[None, Some(0), Some(0), Some(1), Some(1), Some(2)],
            &[Some(1), Some(0), Some(0), Some(2)],
            &[Some(2), Some(0), Some(1), Some(2), Some(3), None, Some(5)],
            // A manager who is not in the roster ends the line.
            &[Some(9), Some(0)],
        ];
        for managers in cases {
            check(managers);
        }
    }

    proptest! {
        #[test]
        fn lines_agree_with_walking_up_the_chain(
            managers in prop::collection::vec(prop::option::of(0usize..12), 0..12)
        ) {
            check(&managers);
        }
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The matching's own list writer says what `join_list` says.
        #[test]
        fn listing_is_join_list(items in proptest::collection::vec("[a-zé ]{0,9}", 0..6), prefix in "[a-z ]{0,7}") {
            let owned: Vec<String> = items.clone();
            let borrowed: Vec<&str> = items.iter().map(String::as_str).collect();
            for (lang, and) in [(Lang::Nl, "en"), (Lang::En, "and")] {
                prop_assert_eq!(
                    listing(&prefix, &borrowed, and),
                    format!("{prefix}{}", join_list(&owned, lang))
                );
            }
        }

        /// Texts that differ hash apart, also where one is the other with
        /// a zero byte or a split moved (a fingerprint is a sequence of texts).
        #[test]
        fn hash_tells_texts_apart(a in "[a-c\u{0}]{0,17}", b in "[a-c\u{0}]{0,17}", c in "[a-c]{0,9}") {
            let of = |parts: &[&str]| {
                let mut h = Hash64::default();
                for p in parts {
                    h.text(p);
                }
                h.0
            };
            if a != b {
                prop_assert_ne!(of(&[&a]), of(&[&b]));
                prop_assert_ne!(hash64(&a), hash64(&b));
            }
            let (ab, split) = (format!("{a}{c}"), (a.as_str(), c.as_str()));
            if !c.is_empty() {
                prop_assert_ne!(of(&[&ab]), of(&[split.0, split.1]));
            }
        }
    }
}
