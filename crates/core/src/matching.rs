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
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};

use serde::{Deserialize, Serialize};

use crate::i18n::{join_list, Bilingual, Lang};
use crate::ladder::{Ladder, Level};
use crate::roster::{Person, Roster};

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
}

impl Default for MatchConfig {
    fn default() -> Self {
        MatchConfig {
            mentor_min_level: Level::Senior,
            not_same_team: true,
            weights: Weights::default(),
            rematch: false,
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
}

impl Constraint {
    /// The constraint in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Constraint::Capacity, Lang::Nl) => "vrije capaciteit",
            (Constraint::Capacity, Lang::En) => "free capacity",
            (Constraint::Oneself, Lang::Nl) => "niet zichzelf",
            (Constraint::Oneself, Lang::En) => "not oneself",
            (Constraint::ManagementLine, Lang::Nl) => "niet de eigen leidinggevende",
            (Constraint::ManagementLine, Lang::En) => "not one's own manager",
            (Constraint::SameTeam, Lang::Nl) => "niet uit het eigen team",
            (Constraint::SameTeam, Lang::En) => "not from one's own team",
            (Constraint::SharedDay, Lang::Nl) => "een gedeelde werkdag",
            (Constraint::SharedDay, Lang::En) => "a shared working day",
            (Constraint::Language, Lang::Nl) => "een gedeelde taal",
            (Constraint::Language, Lang::En) => "a shared language",
            (Constraint::Avoided, Lang::Nl) => "niet een vermeden mentor",
            (Constraint::Avoided, Lang::En) => "not an avoided mentor",
        }
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
}

/// A mentee without a mentor, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unmatched {
    /// Mentee id.
    pub mentee: String,
    /// The constraint that would have to relax.
    pub relax: Constraint,
    /// The reason in words.
    pub reason: Bilingual,
}

/// The outcome of a matching run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// All pairs, existing and new, in mentee order.
    pub pairs: Vec<Matched>,
    /// Mentees left without a mentor.
    pub unmatched: Vec<Unmatched>,
    /// Mentees per mentor (every mentor, also those with none).
    pub mentor_load: BTreeMap<String, u32>,
    /// Number of mentees with a mentor.
    pub matched: usize,
    /// Sum of the pairs' scores.
    pub total_score: i64,
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

/// The ids in a person's management line (manager, their manager, …).
fn management_line<'a>(people: &BTreeMap<&str, &'a Person>, p: &Person) -> BTreeSet<&'a str> {
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

fn shared<'a>(a: &'a [String], b: &[String]) -> Vec<&'a String> {
    a.iter()
        .filter(|x| b.iter().any(|y| y.trim().eq_ignore_ascii_case(x.trim())))
        .collect()
}

/// The first hard constraint a pair breaks (capacity aside), if any.
fn violation(
    mentee: &Person,
    mentor: &Person,
    line: &BTreeSet<&str>,
    config: &MatchConfig,
) -> Option<Constraint> {
    if mentee.id == mentor.id {
        return Some(Constraint::Oneself);
    }
    if line.contains(mentor.id.as_str()) {
        return Some(Constraint::ManagementLine);
    }
    if mentee.avoids.contains(&mentor.id) {
        return Some(Constraint::Avoided);
    }
    if config.not_same_team
        && !mentee.team.trim().is_empty()
        && mentee.team.trim().eq_ignore_ascii_case(mentor.team.trim())
    {
        return Some(Constraint::SameTeam);
    }
    if mentee.days.both(mentor.days).is_empty() {
        return Some(Constraint::SharedDay);
    }
    if !mentee.languages.is_empty()
        && !mentor.languages.is_empty()
        && shared(&mentee.languages, &mentor.languages).is_empty()
    {
        return Some(Constraint::Language);
    }
    None
}

/// The pair's score without load bonus, and its terms in words.
fn score(mentee: &Person, mentor: &Person, w: &Weights) -> (i64, Vec<Bilingual>) {
    let mut total = 0;
    let mut reasons = Vec::new();
    let common: Vec<String> = shared(&mentee.specialisms, &mentor.specialisms)
        .into_iter()
        .cloned()
        .collect();
    if !common.is_empty() {
        total += w.specialism * common.len() as i64;
        reasons.push(Bilingual::new(
            format!("deelt {}", join_list(&common, Lang::Nl)),
            format!("shares {}", join_list(&common, Lang::En)),
        ));
    }
    let days = mentee.days.both(mentor.days).days();
    if !days.is_empty() {
        total += w.shared_day * days.len() as i64;
        let nl: Vec<String> = days.iter().map(|d| d.code().to_string()).collect();
        let en: Vec<String> = days.iter().map(|d| d.english().to_string()).collect();
        reasons.push(Bilingual::new(
            format!("werken allebei op {}", join_list(&nl, Lang::Nl)),
            format!("both work on {}", join_list(&en, Lang::En)),
        ));
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

// ---------------------------------------------------------------------------
// The run.

/// Everything a run needs, computed once.
struct Setup<'a> {
    people: BTreeMap<&'a str, &'a Person>,
    /// Pairs kept as they are: (mentee, mentor, locked).
    kept: Vec<(&'a Person, &'a Person, bool)>,
    /// Mentees still to match, in roster order.
    mentees: Vec<&'a Person>,
    /// Mentors in roster order, with their load from kept pairs.
    mentors: Vec<(&'a Person, u32)>,
    /// Eligible pairs, mentee by mentee, worked out when asked for.
    pairs: Pairs,
    /// Largest capacity: the load bonus horizon.
    horizon: u32,
}

fn setup<'a>(ladder: &Ladder, roster: &'a Roster, config: &MatchConfig) -> Setup<'a> {
    let people = roster.by_id();
    let kept: Vec<(&Person, &Person, bool)> = roster
        .pairs
        .iter()
        .filter(|p| p.locked || !config.rematch)
        .filter_map(|p| {
            Some((
                *people.get(p.mentee.as_str())?,
                *people.get(p.mentor.as_str())?,
                p.locked,
            ))
        })
        .collect();
    let has_mentor: BTreeSet<&str> = sort::set_of(kept.iter().map(|(m, _, _)| m.id.as_str()));
    let mut load: BTreeMap<&str, u32> = BTreeMap::new();
    for (_, mentor, _) in &kept {
        *load.entry(mentor.id.as_str()).or_default() += 1;
    }
    let mentees: Vec<&Person> = roster
        .people
        .iter()
        .filter(|p| needs_mentor(ladder, p) && !has_mentor.contains(p.id.as_str()))
        .collect();
    let mentors: Vec<(&Person, u32)> = roster
        .people
        .iter()
        .filter(|p| can_mentor(ladder, p, config))
        .map(|p| (p, load.get(p.id.as_str()).copied().unwrap_or(0)))
        .collect();
    let horizon = mentors.iter().map(|(p, _)| p.capacity).max().unwrap_or(0);
    let pairs = Pairs::new(&people, &mentees, &mentors, config);
    Setup {
        people,
        kept,
        mentees,
        mentors,
        pairs,
        horizon,
    }
}

fn slot_bonus(w: &Weights, horizon: u32, k: u32) -> i64 {
    w.load * i64::from(horizon.saturating_sub(k))
}

/// The problem as the solver sees it (for `--dump-scores`).
pub fn problem(ladder: &Ladder, roster: &Roster, config: &MatchConfig) -> Problem {
    let s = setup(ladder, roster, config);
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
                all.extend(s.pairs.row(i, &mut buf).iter().map(|p| Candidate {
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
    outcome(ladder, roster, config, Some(tuning))
}

/// The roster's pairs as they stand, explained, and every mentee without a
/// mentor with the reason; nobody new is matched. For showing a roster
/// after a pair was locked or changed by hand.
pub fn review(ladder: &Ladder, roster: &Roster, config: &MatchConfig) -> Assignment {
    let config = MatchConfig {
        rematch: false,
        ..*config
    };
    outcome(ladder, roster, &config, None)
}

/// The run's pairs explained: solved with `tuning`, or (`None`) only the
/// pairs that are kept.
fn outcome(
    ladder: &Ladder,
    roster: &Roster,
    config: &MatchConfig,
    tuning: Option<Tuning>,
) -> Assignment {
    let s = setup(ladder, roster, config);
    let w = &config.weights;
    let solved = tuning.is_some();
    let chosen = match tuning {
        Some(tuning) => solve(&s, w, tuning),
        None => vec![None; s.mentees.len()],
    };

    let mut load: Vec<u32> = s.mentors.iter().map(|(_, l)| *l).collect();
    let mut pairs: Vec<Matched> = Vec::new();
    let bonus_reason = |k: u32, bonus: i64| {
        Bilingual::new(
            format!("mentor heeft er {k} andere mentee(s) (spreiding +{bonus})"),
            format!("mentor has {k} other mentee(s) (spread +{bonus})"),
        )
    };
    for (mentee, mentor, locked) in &s.kept {
        let (mut score, mut reasons) = score(mentee, mentor, w);
        reasons.insert(
            0,
            if *locked {
                Bilingual::new("vastgezette koppeling", "locked pair")
            } else {
                Bilingual::new("bestaande koppeling", "existing pair")
            },
        );
        // Kept pairs take the first slots of their mentor.
        let k = pairs.iter().filter(|p| p.mentor == mentor.id).count() as u32;
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
        });
    }
    for (i, j) in chosen
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.map(|j| (i, j)))
    {
        let (mentee, mentor) = (s.mentees[i], s.mentors[j].0);
        let (mut score, mut reasons) = score(mentee, mentor, w);
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
        });
    }
    let order: BTreeMap<&str, usize> = sort::map_of(
        roster
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i)),
    );
    sort::sort_by_key(&mut pairs, |p| {
        order.get(p.mentee.as_str()).copied().unwrap_or(usize::MAX)
    });

    let unmatched = chosen
        .iter()
        .enumerate()
        .filter(|(_, j)| j.is_none())
        .map(|(i, _)| why_unmatched(&s, i, config, solved))
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
        mentor_load,
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
/// constraint met and room left with the roster's other pairs. Best score
/// first, then roster order.
pub fn options(
    ladder: &Ladder,
    roster: &Roster,
    config: &MatchConfig,
    mentee: &str,
) -> Vec<MentorOption> {
    let people = roster.by_id();
    let Some(person) = people.get(mentee).copied() else {
        return Vec::new();
    };
    let line = management_line(&people, person);
    let mut load: BTreeMap<&str, u32> = BTreeMap::new();
    for p in roster.pairs.iter().filter(|p| p.mentee != mentee) {
        *load.entry(p.mentor.as_str()).or_default() += 1;
    }
    let mut out: Vec<MentorOption> = roster
        .people
        .iter()
        .filter(|m| can_mentor(ladder, m, config))
        .filter(|m| violation(person, m, &line, config).is_none())
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
    let s = setup(ladder, roster, config);
    let mut load: Vec<u32> = s.mentors.iter().map(|(_, l)| *l).collect();
    let mut buf = Vec::new();
    let mut heap: BinaryHeap<(i32, Reverse<u32>)> = BinaryHeap::new();
    for i in 0..s.mentees.len() {
        if let Some(best) = s.pairs.row(i, &mut buf).iter().map(|p| p.score).max() {
            heap.push((best, Reverse(i as u32)));
        }
    }
    let (mut matched, mut total) = (0, 0);
    while let Some((score, Reverse(i))) = heap.pop() {
        let row = s.pairs.row(i as usize, &mut buf);
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
    let s = setup(ladder, roster, config);
    (0..s.mentees.len()).map(|i| s.pairs.count(i)).sum()
}

fn why_unmatched(s: &Setup<'_>, i: usize, config: &MatchConfig, solved: bool) -> Unmatched {
    let mentee = s.mentees[i];
    // The eligible mentors with room are this mentee's pairs.
    let eligible = s.pairs.count(i);
    // Without any: which constraint rules out each mentor; capacity counts
    // last, so the reason names what stands in the way besides being busy.
    let mut counts: BTreeMap<Constraint, usize> = BTreeMap::new();
    if eligible == 0 {
        let line = management_line(&s.people, mentee);
        for (mentor, load) in &s.mentors {
            match violation(mentee, mentor, &line, config) {
                Some(c) => *counts.entry(c).or_default() += 1,
                None if *load >= mentor.capacity => {
                    *counts.entry(Constraint::Capacity).or_default() += 1
                }
                // An eligible mentor with room is a pair, so there are none.
                None => debug_assert!(false, "pairs and constraints disagree"),
            }
        }
    }
    let (relax, nl, en) = if s.mentors.is_empty() {
        (
            Constraint::Capacity,
            "er is geen mentor met capaciteit op het vereiste niveau".to_string(),
            "there is no mentor with capacity at the required level".to_string(),
        )
    } else if eligible > 0 && !solved {
        (
            Constraint::Capacity,
            format!("nog niet gekoppeld: {eligible} passende mentoren hebben ruimte"),
            format!("not matched yet: {eligible} suitable mentors have room"),
        )
    } else if eligible > 0 {
        (
            Constraint::Capacity,
            format!("alle {eligible} passende mentoren zijn vol met mentees die niemand anders konden krijgen of beter bij hen passen"),
            format!("all {eligible} suitable mentors are full with mentees who had no other option or fit them better"),
        )
    } else {
        let (&c, _) = counts
            .iter()
            .max_by_key(|(c, n)| (**n, Reverse(**c)))
            .expect("there are mentors");
        (
            c,
            format!(
                "geen senior met vrije capaciteit voldoet aan '{}' voor deze persoon ({} van de {} mentoren vallen daarop af)",
                c.label(Lang::Nl),
                counts[&c],
                s.mentors.len()
            ),
            format!(
                "no senior with free capacity meets '{}' for this person ({} of the {} mentors fail on it)",
                c.label(Lang::En),
                counts[&c],
                s.mentors.len()
            ),
        )
    };
    Unmatched {
        mentee: mentee.id.clone(),
        relax,
        reason: Bilingual::new(nl, en),
    }
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
    solver::solve(&s.pairs, &slots, tuning)
}
