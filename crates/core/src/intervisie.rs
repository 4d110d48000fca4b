//! Intervisie: peer-consultation groups across teams, when they meet, and
//! who is due for supervision.
//!
//! # The model
//!
//! Everyone in the roster whose role manages no people takes part, unless
//! their `intervisie` field says otherwise ([`takes_part`]). They are put
//! in groups of `min_size` to `max_size` members under hard rules:
//!
//! - all members of a group share at least one working day, which becomes
//!   the group's meeting day;
//! - nobody is in a group with someone in their management line (their
//!   manager, their manager's manager, …: the same line matching uses);
//! - nobody is in a group with someone they avoid, or who avoids them.
//!
//! As many people as possible are placed; among the groupings that place
//! that many, the one with the highest total counts. The total is the sum
//! over groups of the sum over each pair of members of the pair's score,
//! an integer (every pair's is in [`problem`]'s `pair_scores`):
//!
//! ```text
//! team × [different teams] + level × [same level] + education × [different education]
//!   + location × [same location] + specialism × (shared specialisms)
//!   − earlier × [in a group together before]
//! ```
//!
//! Teams, locations and specialisms are compared ignoring case and
//! surrounding spaces; an empty team or location is never "different" nor
//! "the same". Level and education are those of the person's role in the
//! ladder. At most 64 specialisms of a person count (which keeps every
//! total far from overflow). [`problem`] writes the whole problem out (the
//! CLI's `--dump-problem`), so that another solver can check a result.
//!
//! # The solver
//!
//! [`solver`] is an iterated local search: groups built per shared day from
//! a seeded order, improved by moves and swaps until none helps, then
//! perturbed and improved again many times, in several runs from different
//! seeds; the best run wins. It is deterministic (seeds from a fixed
//! generator, work counted and not timed). Its answer comes with an upper
//! bound ([`Grouping::upper_bound`]): every person's best `max_size − 1`
//! positive scores, summed and halved. Rosters of more than 1,000 people
//! taking part are grouped in blocks of at most 1,000 (people with the
//! same working days together), each solved on its own.
//!
//! A person who cannot be placed is left out with the reason, naming them:
//! too few take part, no working day shared with enough colleagues they may
//! be grouped with, or every group they could join full or holding someone
//! they may not be with.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::i18n::{join_list, Bilingual, Lang, Noun};
use crate::ladder::{Education, Ladder, Level};
use crate::matching::Lines;
use crate::roster::{Day, Days, Person, Roster};
use crate::sort;

mod by_hand;
mod meetings;
mod solver;

pub use by_hand::{arrange, move_person, reform, Held};
pub use meetings::{meetings, Meeting, Meetings, NotHeld};

use solver::{Instance, FORBIDDEN};

/// Weights of a pair's score (whole numbers 0–1,000).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Weights {
    /// The two are in different teams.
    pub team: i64,
    /// Their roles are at the same level.
    pub level: i64,
    /// Their roles ask a different education.
    pub education: i64,
    /// They work at the same location.
    pub location: i64,
    /// Per specialism they share.
    pub specialism: i64,
    /// Taken off when they were in a group together before.
    pub earlier: i64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            team: 10,
            level: 6,
            education: 3,
            location: 2,
            specialism: 1,
            earlier: 20,
        }
    }
}

/// Intervisie settings (file: `schema: doorgroei/intervisie@1`; sent to
/// the Intervisie room as they were read, `exchange::IntervisieReply`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntervisieConfig {
    /// Fewest members of a group (3–10).
    pub min_size: u8,
    /// Most members of a group (3–10, at least `min_size`).
    pub max_size: u8,
    /// Weeks between a group's meetings.
    pub cadence_weeks: u8,
    /// Minutes per meeting.
    pub minutes: u16,
    /// Seniors are due for supervision when their last one is longer ago
    /// than this many years.
    pub supervision_years: u8,
    /// The weights of the score.
    pub weights: Weights,
}

impl Default for IntervisieConfig {
    fn default() -> Self {
        IntervisieConfig {
            min_size: 5,
            max_size: 7,
            cadence_weeks: 6,
            minutes: 90,
            supervision_years: 5,
            weights: Weights::default(),
        }
    }
}

/// Most specialisms of one person that count in a score.
pub const MAX_SPECIALISMS: usize = 64;

/// The largest pair score [`solve_problem`] takes from a file (and the
/// lowest, negated): a roster's scores are at most 68,000.
pub const MAX_PLAIN_SCORE: i64 = 1_000_000;

/// Most people taking part that are grouped in one go; more are grouped in
/// blocks of at most this many.
pub const BLOCK: usize = 1_000;

/// The weights as they count: each within 0–1,000, as the settings file
/// allows (settings made in code are held to the same limits).
fn within_limits(w: Weights) -> Weights {
    let limit = |x: i64| x.clamp(0, crate::format::MAX_WEIGHT);
    Weights {
        team: limit(w.team),
        level: limit(w.level),
        education: limit(w.education),
        location: limit(w.location),
        specialism: limit(w.specialism),
        earlier: limit(w.earlier),
    }
}

/// Whether a person takes part in intervisie: as their `intervisie` field
/// says, and without one when their role manages no people.
pub fn takes_part(ladder: &Ladder, p: &Person) -> bool {
    p.intervisie
        .unwrap_or_else(|| ladder.role(&p.role).is_none_or(|r| !r.manages_people))
}

/// Pairs of people who were in a group together before (last year's
/// groups, `--earlier`), by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Earlier(BTreeSet<(String, String)>);

impl Earlier {
    /// Every pair of members of each group.
    pub fn from_groups<S: AsRef<str>>(groups: &[Vec<S>]) -> Earlier {
        let mut pairs = BTreeSet::new();
        for g in groups {
            for (i, a) in g.iter().enumerate() {
                for b in &g[i + 1..] {
                    pairs.insert(ordered(a.as_ref(), b.as_ref()));
                }
            }
        }
        Earlier(pairs)
    }

    /// Whether `a` and `b` were in a group together.
    pub fn contains(&self, a: &str, b: &str) -> bool {
        a != b && self.0.contains(&ordered(a, b))
    }

    /// How many pairs.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True for no pairs.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn ordered(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// A word as compared: trimmed and in lower case.
fn key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// What decides a pair's score and whether it is allowed, for the people
/// taking part, interned as small numbers.
struct Features<'a> {
    people: Vec<&'a Person>,
    /// Team and location as numbers, 0 when not given.
    team: Vec<u32>,
    location: Vec<u32>,
    level: Vec<Option<Level>>,
    education: Vec<Option<Education>>,
    /// Sorted, at most [`MAX_SPECIALISMS`].
    specialisms: Vec<Vec<u32>>,
    days: Vec<u8>,
    /// Sorted indices of those each was with before.
    earlier: Vec<Vec<u32>>,
    /// Sorted indices of those each avoids or is avoided by.
    avoids: Vec<Vec<u32>>,
    lines: Lines<'a>,
}

fn bits(days: Days) -> u8 {
    Day::ALL
        .iter()
        .enumerate()
        .filter(|(_, &d)| days.contains(d))
        .fold(0, |m, (i, _)| m | 1 << i)
}

impl<'a> Features<'a> {
    /// The features of `roster.people[i]` for each `i` in `part`.
    fn new(ladder: &Ladder, roster: &'a Roster, part: &[usize], earlier: &Earlier) -> Features<'a> {
        let people: Vec<&Person> = part.iter().map(|&i| &roster.people[i]).collect();
        let (mut teams, mut locations, mut words) =
            (Words::default(), Words::default(), Words::default());
        let team = people.iter().map(|p| teams.number(&p.team)).collect();
        let location = people
            .iter()
            .map(|p| locations.number(&p.location))
            .collect();
        let specialisms = people
            .iter()
            .map(|p| {
                // The first MAX_SPECIALISMS the person names, each once.
                let mut s: Vec<u32> = Vec::new();
                for w in p.specialisms.iter().map(|x| words.number(x)) {
                    if w != 0 && !s.contains(&w) && s.len() < MAX_SPECIALISMS {
                        s.push(w);
                    }
                }
                s.sort_unstable();
                s
            })
            .collect();
        let role = |p: &Person| ladder.role(&p.role);
        let index: BTreeMap<&str, u32> = sort::map_of(
            people
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), i as u32)),
        );
        let mut avoids: Vec<Vec<u32>> = vec![Vec::new(); people.len()];
        for (i, p) in people.iter().enumerate() {
            for other in &p.avoids {
                if let Some(&j) = index.get(other.as_str()) {
                    avoids[i].push(j);
                    avoids[j as usize].push(i as u32);
                }
            }
        }
        let mut before: Vec<Vec<u32>> = vec![Vec::new(); people.len()];
        for (a, b) in &earlier.0 {
            if let (Some(&i), Some(&j)) = (index.get(a.as_str()), index.get(b.as_str())) {
                before[i as usize].push(j);
                before[j as usize].push(i);
            }
        }
        for list in avoids.iter_mut().chain(before.iter_mut()) {
            list.sort_unstable();
            list.dedup();
        }
        Features {
            level: people.iter().map(|p| role(p).map(|r| r.level)).collect(),
            education: people
                .iter()
                .map(|p| role(p).map(|r| r.education))
                .collect(),
            days: people.iter().map(|p| bits(p.days)).collect(),
            team,
            location,
            specialisms,
            earlier: before,
            avoids,
            lines: Lines::new(&roster.people),
            people,
        }
    }

    fn len(&self) -> usize {
        self.people.len()
    }

    /// Whether `i` and `j` may be in one group.
    fn allowed(&self, i: usize, j: usize) -> bool {
        let (a, b) = (&self.people[i].id, &self.people[j].id);
        i != j
            && self.avoids[i].binary_search(&(j as u32)).is_err()
            && !self.lines.contains(a, b)
            && !self.lines.contains(b, a)
    }

    fn score(&self, i: usize, j: usize, w: &Weights) -> i64 {
        let known_differ = |x: u32, y: u32| x != 0 && y != 0 && x != y;
        let mut s = 0;
        if known_differ(self.team[i], self.team[j]) {
            s += w.team;
        }
        if self.level[i].is_some() && self.level[i] == self.level[j] {
            s += w.level;
        }
        if let (Some(x), Some(y)) = (self.education[i], self.education[j]) {
            if x != y {
                s += w.education;
            }
        }
        if self.location[i] != 0 && self.location[i] == self.location[j] {
            s += w.location;
        }
        s += w.specialism * shared(&self.specialisms[i], &self.specialisms[j]) as i64;
        if self.earlier[i].binary_search(&(j as u32)).is_ok() {
            s -= w.earlier;
        }
        s
    }

    /// The solver's view of a pair: its score, or [`FORBIDDEN`].
    fn pair(&self, i: usize, j: usize, w: &Weights) -> i64 {
        if i == j {
            0
        } else if self.allowed(i, j) {
            self.score(i, j, w)
        } else {
            FORBIDDEN
        }
    }
}

/// Words as numbers from 1, compared as [`key`] does; 0 for an empty one.
#[derive(Default)]
struct Words(BTreeMap<String, u32>);

impl Words {
    fn number(&mut self, text: &str) -> u32 {
        let k = key(text);
        if k.is_empty() {
            return 0;
        }
        let next = self.0.len() as u32 + 1;
        *self.0.entry(k).or_insert(next)
    }
}

/// How many items two sorted lists share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The grouping problem in plain form, as `doorgroei intervisie
/// --dump-problem` writes it: the people taking part, the sizes, each
/// person's working days, the pairs that may not be in one group, and
/// every pair whose score is not 0 (`[a, b, score]`, a before b in
/// `people`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Ids, in roster order.
    pub people: Vec<String>,
    /// Fewest members of a group.
    pub min_size: usize,
    /// Most members of a group.
    pub max_size: usize,
    /// Each person's working days.
    pub days: BTreeMap<String, Vec<Day>>,
    /// Pairs that may not be in one group.
    pub forbidden: Vec<(String, String)>,
    /// Every pair whose score is not 0.
    pub pair_scores: Vec<(String, String, i64)>,
}

/// The people in `roster` taking part, by their place in it.
pub fn participants(ladder: &Ladder, roster: &Roster) -> Vec<usize> {
    (0..roster.people.len())
        .filter(|&i| takes_part(ladder, &roster.people[i]))
        .collect()
}

/// The grouping problem of `roster` (see [`Problem`]).
pub fn problem(
    ladder: &Ladder,
    roster: &Roster,
    config: &IntervisieConfig,
    earlier: &Earlier,
) -> Problem {
    let part = participants(ladder, roster);
    let f = Features::new(ladder, roster, &part, earlier);
    let w = &within_limits(config.weights);
    let mut out = Problem {
        people: f.people.iter().map(|p| p.id.clone()).collect(),
        min_size: usize::from(config.min_size),
        max_size: usize::from(config.max_size),
        days: f
            .people
            .iter()
            .map(|p| (p.id.clone(), p.days.days()))
            .collect(),
        ..Problem::default()
    };
    for i in 0..f.len() {
        for j in i + 1..f.len() {
            let (a, b) = (&f.people[i].id, &f.people[j].id);
            if !f.allowed(i, j) {
                out.forbidden.push((a.clone(), b.clone()));
            }
            let s = f.score(i, j, w);
            if s != 0 {
                out.pair_scores.push((a.clone(), b.clone(), s));
            }
        }
    }
    out
}

/// A problem's solution in ids: what [`solve_problem`] finds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Solved {
    /// The groups, members in the problem's order.
    pub groups: Vec<Vec<String>>,
    /// The people left out.
    pub left_out: Vec<String>,
    /// The sum of the groups' pair scores.
    pub total_score: i64,
    /// No grouping that places as many people scores more than this.
    pub upper_bound: i64,
}

/// Solves a problem in its plain form, as another solver would read it:
/// ids given twice count once, pairs naming someone not in `people` are
/// ignored, a person without days is left out, and a pair listed twice
/// takes its last score. So that any file is solved without overflow,
/// scores count within ±[`MAX_PLAIN_SCORE`] and sizes at most 255.
pub fn solve_problem(problem: &Problem) -> Solved {
    let mut people: Vec<&str> = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for id in &problem.people {
        if !index.contains_key(id.as_str()) {
            index.insert(id, people.len());
            people.push(id);
        }
    }
    let n = people.len();
    let days: Vec<u8> = people
        .iter()
        .map(|id| {
            problem
                .days
                .get(*id)
                .map_or(0, |d| bits(Days::of(d.iter().copied())))
        })
        .collect();
    let mut scores: BTreeMap<(usize, usize), i64> = BTreeMap::new();
    let both = |a: &str, b: &str| Some((*index.get(a)?, *index.get(b)?));
    for (a, b, s) in &problem.pair_scores {
        if let Some((i, j)) = both(a, b) {
            let s = (*s).clamp(-MAX_PLAIN_SCORE, MAX_PLAIN_SCORE);
            scores.insert((i.min(j), i.max(j)), s);
        }
    }
    for (a, b) in &problem.forbidden {
        if let Some((i, j)) = both(a, b) {
            scores.insert((i.min(j), i.max(j)), FORBIDDEN);
        }
    }
    let pair = |i: usize, j: usize| -> i64 {
        if i == j {
            0
        } else {
            scores.get(&(i.min(j), i.max(j))).copied().unwrap_or(0)
        }
    };
    let (min, max) = (problem.min_size.min(255), problem.max_size.min(255));
    let (groups, left_out) = solve_all(n, min, max, &days, &pair);
    let total_score = groups.iter().map(|g| group_score(g, &pair)).sum();
    Solved {
        groups: groups
            .iter()
            .map(|g| g.iter().map(|&p| people[p].to_string()).collect())
            .collect(),
        left_out: left_out.iter().map(|&p| people[p].to_string()).collect(),
        total_score,
        upper_bound: upper_bound(n, max, &days, &pair),
    }
}

fn group_score(group: &[usize], pair: &dyn Fn(usize, usize) -> i64) -> i64 {
    let mut s = 0;
    for (i, &p) in group.iter().enumerate() {
        for &q in &group[i + 1..] {
            s += pair(p, q);
        }
    }
    s
}

/// An upper bound on the total of `n` people whose pairs `pair` scores:
/// every person has at most `max − 1` partners, so their share is at most
/// the sum of their best `max − 1` positive scores with people who share a
/// day with them and may be grouped with them; each pair is counted from
/// both sides, hence the half (rounded down: the total is a whole number).
fn upper_bound(n: usize, max: usize, days: &[u8], pair: &dyn Fn(usize, usize) -> i64) -> i64 {
    let mut sum = 0;
    let mut row = Vec::new();
    for p in 0..n {
        row.clear();
        row.extend(
            (0..n)
                .filter(|&q| q != p && days[p] & days[q] != 0)
                .map(|q| pair(p, q))
                .filter(|&s| s > 0),
        );
        let keep = max.saturating_sub(1).min(row.len());
        if keep < row.len() {
            row.select_nth_unstable_by(keep, |a, b| b.cmp(a));
        }
        sum += row[..keep].iter().sum::<i64>();
    }
    sum / 2
}

/// Groups `n` people whose pairs `pair` scores (in blocks of at most
/// [`BLOCK`], people with the same days together): the groups (members in
/// increasing order) and who is left out.
fn solve_all(
    n: usize,
    min: usize,
    max: usize,
    days: &[u8],
    pair: &dyn Fn(usize, usize) -> i64,
) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by_key(|&p| (days[p], p));
    let blocks = n.div_ceil(BLOCK).max(1);
    let mut groups = Vec::new();
    let mut left_out = Vec::new();
    for b in 0..blocks {
        let part = &order[b * n / blocks..(b + 1) * n / blocks];
        let m = part.len();
        let mut score = vec![0i64; m * m];
        for i in 0..m {
            for j in i + 1..m {
                let s = pair(part[i], part[j]);
                score[i * m + j] = s;
                score[j * m + i] = s;
            }
        }
        let inst = Instance {
            n: m,
            min,
            max,
            days: part.iter().map(|&p| days[p]).collect(),
            score,
        };
        let solution = solver::solve(&inst);
        for g in solution.groups {
            let mut g: Vec<usize> = g.iter().map(|&i| part[i]).collect();
            g.sort_unstable();
            groups.push(g);
        }
        left_out.extend(solution.left_out.iter().map(|&i| part[i]));
    }
    groups.sort_unstable();
    left_out.sort_unstable();
    (groups, left_out)
}

/// One intervisie group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The members' ids, in roster order.
    pub members: Vec<String>,
    /// The meeting day: one all members work.
    pub day: Day,
    /// The sum of the scores of its pairs.
    pub score: i64,
    /// Why this group: teams, levels, the shared day.
    pub reason: Bilingual,
    /// Locked by hand in the app: forming again keeps it ([`reform`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub locked: bool,
    /// What is wrong with a group kept by hand after the roster changed
    /// (see [`arrange`]); always empty for groups the solver forms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Bilingual>,
}

/// A person taking part who could not be placed, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOut {
    /// Their id.
    pub id: String,
    /// Why, naming them.
    pub reason: Bilingual,
}

/// The groups of a roster.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grouping {
    /// The groups, by meeting day and then by their first member's place
    /// in the roster.
    pub groups: Vec<Group>,
    /// People taking part who are in no group, in roster order.
    pub left_out: Vec<LeftOut>,
    /// The sum of the groups' scores.
    pub total_score: i64,
    /// No grouping that places as many people scores more than this.
    pub upper_bound: i64,
    /// How many people take part (placed or left out).
    pub taking_part: usize,
}

/// Above this many people taking part the upper bound is a coarse one
/// (each person's best imaginable pair score, `max_size − 1` times), which
/// needs no look at every pair.
const EXACT_BOUND: usize = 2_000;

/// Forms the intervisie groups of `roster` (see the module's documentation).
pub fn form_groups(
    ladder: &Ladder,
    roster: &Roster,
    config: &IntervisieConfig,
    earlier: &Earlier,
) -> Grouping {
    let part = participants(ladder, roster);
    let f = Features::new(ladder, roster, &part, earlier);
    let w = within_limits(config.weights);
    let (min, max) = (usize::from(config.min_size), usize::from(config.max_size));
    let pair = |i: usize, j: usize| f.pair(i, j, &w);
    let n = f.len();
    let (groups, left) = solve_all(n, min, max, &f.days, &pair);
    let upper_bound = if n <= EXACT_BOUND {
        upper_bound(n, max, &f.days, &pair)
    } else {
        (0..n)
            .map(|i| {
                let best = w.team
                    + w.level
                    + w.education
                    + w.location
                    + w.specialism * f.specialisms[i].len() as i64;
                best * max.saturating_sub(1) as i64
            })
            .sum::<i64>()
            / 2
    };
    let days = meeting_days(&groups, &f.days);
    // By day, then by the first member (members are in roster order).
    let mut keyed: Vec<((Day, usize), Group)> = groups
        .iter()
        .zip(&days)
        .map(|(g, &day)| {
            let group = Group {
                members: g.iter().map(|&i| f.people[i].id.clone()).collect(),
                day,
                score: group_score(g, &pair),
                reason: group_reason(g, &f, day),
                locked: false,
                problems: Vec::new(),
            };
            ((day, g[0]), group)
        })
        .collect();
    sort::sort_by_key(&mut keyed, |(k, _)| *k);
    let sorted: Vec<Group> = keyed.into_iter().map(|(_, g)| g).collect();
    let left_out = left
        .iter()
        .map(|&p| LeftOut {
            id: f.people[p].id.clone(),
            reason: left_out_reason(p, &groups, &f, min, max),
        })
        .collect();
    Grouping {
        total_score: sorted.iter().map(|g| g.score).sum(),
        groups: sorted,
        left_out,
        upper_bound,
        taking_part: n,
    }
}

/// Each group's meeting day among the days its members share: weekdays
/// before the weekend, and among those the day fewest groups meet on so
/// far (groups with the fewest shared days choose first), the earliest on
/// a tie. Spreads the groups over the week.
fn meeting_days(groups: &[Vec<usize>], days: &[u8]) -> Vec<Day> {
    let shared: Vec<u8> = groups
        .iter()
        .map(|g| g.iter().fold(0x7f, |m, &p| m & days[p]))
        .collect();
    let mut order: Vec<usize> = (0..groups.len()).collect();
    sort::sort_by_key(&mut order, |&k| (shared[k].count_ones(), k));
    let mut load = [0usize; 7];
    let mut out = vec![Day::Mon; groups.len()];
    for k in order {
        if let Some(d) = (0..7)
            .filter(|&d| shared[k] & (1 << d) != 0)
            .min_by_key(|&d| (d >= 5, load[d], d))
        {
            load[d] += 1;
            out[k] = Day::ALL[d];
        }
    }
    out
}

const TEAM: Noun = Noun::new(["team", "teams"], ["team", "teams"]);
const PERSON: Noun = Noun::new(["persoon", "mensen"], ["person", "people"]);
const TWOSOME: Noun = Noun::new(["tweetal", "tweetallen"], ["pair", "pairs"]);
const GROUP: Noun = Noun::new(["groep", "groepen"], ["group", "groups"]);
const COLLEAGUE: Noun = Noun::new(["collega", "collega's"], ["colleague", "colleagues"]);

/// "5 mensen uit 4 teams; niveaus: 3 × senior, 2 × medior; iedereen werkt
/// op dinsdag", and how many pairs were together before.
fn group_reason(g: &[usize], f: &Features, day: Day) -> Bilingual {
    let teams: BTreeSet<u32> = g.iter().map(|&i| f.team[i]).filter(|&t| t != 0).collect();
    let mut levels: BTreeMap<Level, usize> = BTreeMap::new();
    for &i in g {
        if let Some(l) = f.level[i] {
            *levels.entry(l).or_default() += 1;
        }
    }
    let mut before = 0;
    for (x, &i) in g.iter().enumerate() {
        for &j in &g[x + 1..] {
            before += usize::from(f.earlier[i].binary_search(&(j as u32)).is_ok());
        }
    }
    let say = |lang: Lang| {
        let people = PERSON.count(g.len() as u64, lang);
        let teams = TEAM.count(teams.len() as u64, lang);
        let levels: Vec<String> = levels
            .iter()
            .rev()
            .map(|(l, n)| format!("{n} × {}", l.label(lang)))
            .collect();
        let levels = join_list(&levels, lang);
        let day = day.name(lang);
        let mut text = match lang {
            Lang::Nl => format!("{people} uit {teams}; niveaus: {levels}; iedereen werkt op {day}"),
            Lang::En => format!("{people} from {teams}; levels: {levels}; everyone works on {day}"),
        };
        if before > 0 {
            let pairs = TWOSOME.count(before as u64, lang);
            text += &match (lang, before) {
                (Lang::Nl, 1) => format!("; {pairs} zat al eerder samen in een groep"),
                (Lang::Nl, _) => format!("; {pairs} zaten al eerder samen in een groep"),
                (Lang::En, 1) => format!("; {pairs} was in a group together before"),
                (Lang::En, _) => format!("; {pairs} were in a group together before"),
            };
        }
        text
    };
    Bilingual::new(say(Lang::Nl), say(Lang::En))
}

/// Why person `p` (left out) is in no group.
fn left_out_reason(
    p: usize,
    groups: &[Vec<usize>],
    f: &Features,
    min: usize,
    max: usize,
) -> Bilingual {
    let person = f.people[p];
    let who = format!("{} ({})", person.name, person.id);
    let n = f.len();
    if n < min {
        let says = |lang: Lang| {
            let group = match lang {
                Lang::Nl => format!("een groep heeft er minstens {min}"),
                Lang::En => format!("a group needs at least {min}"),
            };
            match (lang, n) {
                (Lang::Nl, 1) => format!("{who}: te weinig deelnemers: 1 doet mee, {group}"),
                (Lang::Nl, _) => format!("{who}: te weinig deelnemers: {n} doen mee, {group}"),
                (Lang::En, 1) => format!("{who}: too few take part: 1 does, {group}"),
                (Lang::En, _) => format!("{who}: too few take part: {n} do, {group}"),
            }
        };
        return Bilingual::new(says(Lang::Nl), says(Lang::En));
    }
    // Colleagues they may be grouped with, per working day.
    let per_day: Vec<(Day, usize)> = (0..7)
        .filter(|&d| f.days[p] & (1 << d) != 0)
        .map(|d| {
            let count = (0..n)
                .filter(|&q| f.days[q] & (1 << d) != 0 && f.allowed(p, q))
                .count();
            (Day::ALL[d], count)
        })
        .collect();
    if per_day.iter().all(|&(_, c)| c + 1 < min) {
        let needed = min - 1;
        let says = |lang: Lang| {
            let list: Vec<String> = per_day
                .iter()
                .map(|(d, c)| format!("{} {c}", d.name(lang)))
                .collect();
            let list = list.join(", ");
            let is = if needed == 1 { "is" } else { "zijn" };
            let needed = COLLEAGUE.count(needed as u64, lang);
            match lang {
                Lang::Nl => format!(
                    "{who} werkt op geen dag met genoeg collega's met wie een groep kan: nodig {is} {needed}; op {list}"
                ),
                Lang::En => format!(
                    "{who} shares no working day with enough colleagues they may be grouped with: {needed} needed; on {list}"
                ),
            }
        };
        return Bilingual::new(says(Lang::Nl), says(Lang::En));
    }
    let (mut no_day, mut conflict, mut full) = (0, 0, 0);
    for g in groups {
        let mask = g.iter().fold(0x7f, |m, &q| m & f.days[q]);
        if mask & f.days[p] == 0 {
            no_day += 1;
        } else if g.iter().any(|&q| !f.allowed(p, q)) {
            conflict += 1;
        } else if g.len() >= max {
            full += 1;
        }
    }
    let says = |lang: Lang| {
        let mut parts = Vec::new();
        let count = |n: usize| GROUP.count(n as u64, lang);
        if full > 0 {
            parts.push(match lang {
                Lang::Nl => format!("{} vol ({max})", count(full)),
                Lang::En => format!("{} full ({max})", count(full)),
            });
        }
        if conflict > 0 {
            parts.push(match lang {
                Lang::Nl => format!(
                    "{} met iemand uit de eigen leidinggevende lijn of iemand die vermeden wordt",
                    count(conflict)
                ),
                Lang::En => format!(
                    "{} with someone in their management line or someone avoided",
                    count(conflict)
                ),
            });
        }
        if no_day > 0 {
            parts.push(match lang {
                Lang::Nl => format!("{} zonder gezamenlijke werkdag", count(no_day)),
                Lang::En => format!("{} without a shared working day", count(no_day)),
            });
        }
        let parts = join_list(&parts, lang);
        match (lang, parts.is_empty()) {
            (Lang::Nl, false) => format!(
                "{who} past in geen groep: {parts}; voor een nieuwe groep zijn te weinig mensen over die een dag delen"
            ),
            (Lang::En, false) => format!(
                "{who} fits no group: {parts}; too few people who share a day are left for a new group"
            ),
            (Lang::Nl, true) => format!(
                "{who}: met de collega's die een werkdag delen is geen groep van {min} tot {max} te maken zonder iemand uit de eigen leidinggevende lijn of iemand die vermeden wordt"
            ),
            (Lang::En, true) => format!(
                "{who}: no group of {min} to {max} can be made with the colleagues who share a working day without someone in their management line or someone avoided"
            ),
        }
    };
    Bilingual::new(says(Lang::Nl), says(Lang::En))
}

/// A senior (or above) due for supervision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Due {
    /// Their id.
    pub id: String,
    /// Their last supervision, when the roster says.
    #[serde(with = "crate::dates::optional")]
    pub last: Option<Date>,
    /// Whole years since then, on the day asked about.
    pub years_ago: Option<u32>,
}

/// Who is due for supervision on `today`: people whose role is senior or
/// above and whose last supervision is longer ago than
/// `supervision_years` (a supervision exactly that many years ago is not
/// yet due), or unknown. Unknown first (in roster order: nobody knows how
/// long ago theirs was, so they go to the top of the list to be asked),
/// then the longest ago first.
pub fn supervision_due(
    ladder: &Ladder,
    roster: &Roster,
    config: &IntervisieConfig,
    today: Date,
) -> Vec<Due> {
    let years = i64::from(config.supervision_years);
    let cutoff = crate::dates::add_months(today, -12 * years);
    let mut due: Vec<(usize, Due)> = roster
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            ladder
                .role(&p.role)
                .is_some_and(|r| r.level >= Level::Senior)
        })
        .filter(|(_, p)| match (p.last_supervision, cutoff) {
            (None, _) => true,
            (Some(last), Some(cutoff)) => last < cutoff,
            (Some(_), None) => false,
        })
        .map(|(i, p)| {
            (
                i,
                Due {
                    id: p.id.clone(),
                    last: p.last_supervision,
                    years_ago: p.last_supervision.map(|d| whole_years(d, today)),
                },
            )
        })
        .collect();
    sort::sort_by_key(&mut due, |(i, d)| (d.last.is_some(), d.last, *i));
    due.into_iter().map(|(_, d)| d).collect()
}

/// Whole years from `from` to `to` (0 when `to` is earlier).
fn whole_years(from: Date, to: Date) -> u32 {
    let years = i32::from(to.year())
        - i32::from(from.year())
        - i32::from((to.month(), to.day()) < (from.month(), from.day()));
    u32::try_from(years).unwrap_or(0)
}
