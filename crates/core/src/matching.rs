//! Mentor matching: every junior a senior for four-weekly case reviews.
//!
//! Hard constraints are never violated; among the pairs that satisfy them the
//! assignment is optimal: first the number of mentees matched, then the total
//! score. It is solved exactly as a min-cost flow over the eligible pairs
//! only (source → mentee → mentor → slot → sink), so memory grows with the
//! number of eligible pairs, not with mentees × mentor slots. Slots of one
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unmatched {
    /// Mentee id.
    pub mentee: String,
    /// The constraint that would have to relax.
    pub relax: Constraint,
    /// The reason in words.
    pub reason: Bilingual,
}

/// The outcome of a matching run.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
        && !mentee.team.is_empty()
        && mentee.team.eq_ignore_ascii_case(&mentor.team)
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
    if !mentee.location.is_empty() && mentee.location.eq_ignore_ascii_case(&mentor.location) {
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
    /// Eligible (mentee index, mentor index, score) in mentee-then-mentor order.
    edges: Vec<(usize, usize, i64)>,
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
    let has_mentor: BTreeSet<&str> = kept.iter().map(|(m, _, _)| m.id.as_str()).collect();
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
    let mut edges = Vec::new();
    for (i, mentee) in mentees.iter().enumerate() {
        let line = management_line(&people, mentee);
        for (j, (mentor, load)) in mentors.iter().enumerate() {
            if *load < mentor.capacity && violation(mentee, mentor, &line, config).is_none() {
                edges.push((i, j, score(mentee, mentor, &config.weights).0));
            }
        }
    }
    Setup {
        people,
        kept,
        mentees,
        mentors,
        edges,
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
        candidates: s
            .edges
            .iter()
            .map(|&(i, j, score)| Candidate {
                mentee: s.mentees[i].id.clone(),
                mentor: s.mentors[j].0.id.clone(),
                score,
            })
            .collect(),
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
    let s = setup(ladder, roster, config);
    let w = &config.weights;
    let chosen = solve(&s, w);

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
    let order: BTreeMap<&str, usize> = roster
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    pairs.sort_by_key(|p| order.get(p.mentee.as_str()).copied().unwrap_or(usize::MAX));

    let unmatched = chosen
        .iter()
        .enumerate()
        .filter(|(_, j)| j.is_none())
        .map(|(i, _)| why_unmatched(&s, i, config))
        .collect();
    let mut mentor_load: BTreeMap<String, u32> =
        s.mentors.iter().map(|(m, _)| (m.id.clone(), 0)).collect();
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

fn why_unmatched(s: &Setup<'_>, i: usize, config: &MatchConfig) -> Unmatched {
    let mentee = s.mentees[i];
    let line = management_line(&s.people, mentee);
    // Which constraint rules out each mentor; capacity counts last, so the
    // reason names what stands in the way besides being busy.
    let mut counts: BTreeMap<Constraint, usize> = BTreeMap::new();
    let mut eligible = 0;
    for (mentor, load) in &s.mentors {
        match violation(mentee, mentor, &line, config) {
            Some(c) => *counts.entry(c).or_default() += 1,
            None if *load >= mentor.capacity => {
                *counts.entry(Constraint::Capacity).or_default() += 1
            }
            None => eligible += 1,
        }
    }
    let (relax, nl, en) = if s.mentors.is_empty() {
        (
            Constraint::Capacity,
            "er is geen mentor met capaciteit op het vereiste niveau".to_string(),
            "there is no mentor with capacity at the required level".to_string(),
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

// ---------------------------------------------------------------------------
// Min-cost flow (successive shortest paths with potentials; each phase
// augments along all shortest paths at once).

struct Arc {
    to: usize,
    cap: i64,
    cost: i64,
}

struct Flow {
    arcs: Vec<Arc>,
    out: Vec<Vec<usize>>,
}

impl Flow {
    fn new(nodes: usize) -> Flow {
        Flow {
            arcs: Vec::new(),
            out: vec![Vec::new(); nodes],
        }
    }

    fn add(&mut self, from: usize, to: usize, cap: i64, cost: i64) -> usize {
        let id = self.arcs.len();
        self.arcs.push(Arc { to, cap, cost });
        self.out[from].push(id);
        self.arcs.push(Arc {
            to: from,
            cap: 0,
            cost: -cost,
        });
        self.out[to].push(id + 1);
        id
    }
}

/// For each mentee, the chosen mentor index (or none).
fn solve(s: &Setup<'_>, w: &Weights) -> Vec<Option<usize>> {
    let (n, m) = (s.mentees.len(), s.mentors.len());
    if n == 0 || s.edges.is_empty() {
        return vec![None; n];
    }
    let (source, sink) = (0, n + m + 1);
    let mentee = |i: usize| 1 + i;
    let mentor = |j: usize| 1 + n + j;
    let max_score = s.edges.iter().map(|e| e.2).max().unwrap_or(0).max(0);
    let max_bonus = slot_bonus(w, s.horizon, 0).max(0);
    // Worth more than any difference in score: one more mentee always wins.
    let big = (n as i64 + 1) * (max_score + max_bonus + 1);
    let mut flow = Flow::new(n + m + 2);
    for i in 0..n {
        flow.add(source, mentee(i), 1, 0);
    }
    let mut pair_arcs = Vec::with_capacity(s.edges.len());
    for &(i, j, score) in &s.edges {
        pair_arcs.push((i, j, flow.add(mentee(i), mentor(j), 1, -(big + score))));
    }
    for (j, (p, load)) in s.mentors.iter().enumerate() {
        for k in *load..p.capacity {
            flow.add(mentor(j), sink, 1, -slot_bonus(w, s.horizon, k));
        }
    }

    // Potentials: exact shortest distances in the initial layered graph.
    let nodes = n + m + 2;
    let mut pi = vec![0i64; nodes];
    for j in 0..m {
        pi[mentor(j)] = i64::MAX;
    }
    for &(_, j, score) in &s.edges {
        pi[mentor(j)] = pi[mentor(j)].min(-(big + score));
    }
    pi[sink] = i64::MAX;
    for j in 0..m {
        if pi[mentor(j)] == i64::MAX {
            pi[mentor(j)] = 0; // no arcs in: unreachable, any value keeps reduced costs >= 0 on its out-arcs
            continue;
        }
        for &a in &flow.out[mentor(j)] {
            let arc = &flow.arcs[a];
            if arc.cap > 0 {
                pi[sink] = pi[sink].min(pi[mentor(j)] + arc.cost);
            }
        }
    }
    if pi[sink] == i64::MAX {
        return vec![None; n];
    }
    // Unreachable mentors must not create negative reduced costs into the sink.
    for j in 0..m {
        if !s.edges.iter().any(|e| e.1 == j) {
            pi[mentor(j)] = pi[sink] + w.load * i64::from(s.horizon) + 1;
        }
    }

    loop {
        // Dijkstra on reduced costs.
        let mut dist = vec![i64::MAX; nodes];
        let mut parent = vec![usize::MAX; nodes];
        dist[source] = 0;
        let mut heap = BinaryHeap::from([Reverse((0i64, source))]);
        while let Some(Reverse((d, u))) = heap.pop() {
            if d > dist[u] {
                continue;
            }
            for &a in &flow.out[u] {
                let arc = &flow.arcs[a];
                if arc.cap <= 0 {
                    continue;
                }
                let reduced = arc.cost + pi[u] - pi[arc.to];
                let nd = d + reduced;
                if nd < dist[arc.to] {
                    dist[arc.to] = nd;
                    parent[arc.to] = a;
                    heap.push(Reverse((nd, arc.to)));
                }
            }
        }
        if dist[sink] == i64::MAX {
            break;
        }
        for v in 0..nodes {
            pi[v] += dist[v].min(dist[sink]);
        }
        // Augment along every path of zero reduced cost (a blocking flow).
        let mut next = vec![0usize; nodes];
        let mut dead = vec![false; nodes];
        let mut pushed = false;
        loop {
            let mut on_path = vec![false; nodes];
            let mut path: Vec<usize> = Vec::new();
            if !dfs(
                &flow,
                &pi,
                source,
                sink,
                &mut next,
                &mut dead,
                &mut on_path,
                &mut path,
            ) {
                break;
            }
            for &a in &path {
                flow.arcs[a].cap -= 1;
                flow.arcs[a ^ 1].cap += 1;
            }
            pushed = true;
        }
        if !pushed {
            // The search can miss a path around a zero-cost cycle; the
            // shortest-path tree always has one.
            let mut v = sink;
            while v != source {
                let a = parent[v];
                flow.arcs[a].cap -= 1;
                flow.arcs[a ^ 1].cap += 1;
                v = flow.arcs[a ^ 1].to;
            }
        }
    }
    let mut chosen = vec![None; n];
    for &(i, j, a) in &pair_arcs {
        if flow.arcs[a].cap == 0 {
            chosen[i] = Some(j);
        }
    }
    chosen
}

#[allow(clippy::too_many_arguments)]
fn dfs(
    flow: &Flow,
    pi: &[i64],
    u: usize,
    sink: usize,
    next: &mut [usize],
    dead: &mut [bool],
    on_path: &mut [bool],
    path: &mut Vec<usize>,
) -> bool {
    if u == sink {
        return true;
    }
    on_path[u] = true;
    while next[u] < flow.out[u].len() {
        let a = flow.out[u][next[u]];
        let arc = &flow.arcs[a];
        let v = arc.to;
        if arc.cap > 0 && !dead[v] && !on_path[v] && arc.cost + pi[u] - pi[v] == 0 {
            path.push(a);
            if dfs(flow, pi, v, sink, next, dead, on_path, path) {
                on_path[u] = false;
                return true;
            }
            path.pop();
        }
        next[u] += 1;
    }
    on_path[u] = false;
    dead[u] = true;
    false
}
