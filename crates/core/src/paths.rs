//! Growth paths: where a person can go from their role, what each step asks,
//! how long it takes and what it pays.
//!
//! Routes are searched over the ladder graph with integer costs in months, so
//! results are exact and the same on every platform. The cost of a step is
//! the longer of the minimum time in the role (stretched for part-timers when
//! the ladder says so) and the time to fill its gaps (see [`gap_months`]),
//! plus a small fixed cost per move so that, all else equal, fewer moves win.
//! The k best routes to a goal are found with Yen's algorithm (loop-free).
//!
//! Hard wishes are hard: with `no_management` no route passes through a role
//! that manages people; with `min_practice` no step goes below that share of
//! practice. When a goal cannot be reached within them the answer says which
//! wish blocks it and what the nearest reachable alternative is.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, VecDeque};

use jiff::civil::Date;
use petgraph::stable_graph::NodeIndex;
use serde::{Deserialize, Serialize};

use crate::i18n::{Bilingual, Lang};
use crate::ladder::{
    Education, Ladder, PayRange, Requirement, Role, ScaleRange, Track, TransitionKind,
};
use crate::sort;

/// A person's situation and wishes (see `format::ProfileFile` for the file).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// The role the person has now.
    pub current_role: String,
    /// Years in the current role.
    pub years_in_role: f64,
    /// Years in the profession.
    pub years_in_profession: f64,
    /// Highest completed education.
    pub education: Education,
    /// Qualifications and registrations held.
    pub qualifications: Vec<String>,
    /// Completed trainings.
    pub trainings: Vec<String>,
    /// Competencies shown.
    pub competencies: Vec<String>,
    /// Tracks the person would like to work in.
    pub wished_tracks: Vec<Track>,
    /// Hard wish: never manage people.
    pub no_management: bool,
    /// Hard wish: at least this percentage of practice in every role.
    pub min_practice: Option<u8>,
    /// Contract hours per week.
    pub hours_per_week: f64,
    /// Roles aimed for.
    pub goals: Vec<String>,
}

impl Profile {
    /// A profile with only a role and defaults otherwise (full-time, HBO, no wishes).
    pub fn in_role(role: &str) -> Profile {
        Profile {
            current_role: role.to_string(),
            years_in_role: 0.0,
            years_in_profession: 0.0,
            education: Education::Hbo,
            qualifications: Vec::new(),
            trainings: Vec::new(),
            competencies: Vec::new(),
            wished_tracks: Vec::new(),
            no_management: false,
            min_practice: None,
            hours_per_week: 36.0,
            goals: Vec::new(),
        }
    }

    fn allows(&self, role: &Role) -> bool {
        !(self.no_management && role.manages_people)
            && self
                .min_practice
                .is_none_or(|min| role.mix.share(Track::Practice) >= min)
    }

    fn wishes(&self) -> Vec<Wish> {
        let mut wishes = Vec::new();
        if self.no_management {
            wishes.push(Wish::NoManagement);
        }
        if let Some(min) = self.min_practice.filter(|&m| m > 0) {
            wishes.push(Wish::MinPractice(min));
        }
        wishes
    }

    fn without(&self, wish: Wish) -> Profile {
        let mut p = self.clone();
        match wish {
            Wish::NoManagement => p.no_management = false,
            Wish::MinPractice(_) => p.min_practice = None,
        }
        p
    }
}

/// A hard wish.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "wish", content = "percent")]
pub enum Wish {
    /// Never a role that manages people.
    NoManagement,
    /// At least this percentage of practice.
    MinPractice(u8),
}

impl Wish {
    /// The wish in words.
    pub fn label(self, lang: Lang) -> String {
        match (self, lang) {
            (Wish::NoManagement, Lang::Nl) => "geen leidinggeven".into(),
            (Wish::NoManagement, Lang::En) => "no managing people".into(),
            (Wish::MinPractice(p), Lang::Nl) => format!("minstens {p}% uitvoering"),
            (Wish::MinPractice(p), Lang::En) => format!("at least {p}% practice"),
        }
    }
}

/// Search settings.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// How many routes per goal.
    pub k: usize,
    /// How many moves "next steps" look ahead.
    pub next_moves: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            k: 3,
            next_moves: 2,
        }
    }
}

/// One step of a route, for this person.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RouteStep {
    /// Source role id.
    pub from: String,
    /// Target role id.
    pub to: String,
    /// Kind of step.
    pub kind: TransitionKind,
    /// Minimum years in the source role, stretched for part-time.
    pub min_years: f64,
    /// Months still to wait in the source role before this step.
    pub wait_months: u32,
    /// Months to fill this step's gaps (done alongside the waiting).
    pub gap_months: u32,
    /// Months from now until this step can be taken.
    pub months_from_now: u32,
    /// The earliest date for this step.
    #[serde(with = "crate::dates::date")]
    pub earliest: Date,
    /// Requirements the person meets.
    pub met: Vec<Requirement>,
    /// Requirements the person still has to meet.
    pub missing: Vec<Requirement>,
    /// Scale range after the step.
    pub scale: ScaleRange,
    /// Gross monthly pay range after the step, when the ladder lists it.
    pub pay: Option<PayRange>,
}

/// A route from the current role to a goal.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Route {
    /// Role ids from the current role to the goal.
    pub roles: Vec<String>,
    /// The steps.
    pub steps: Vec<RouteStep>,
    /// Search cost in months (lower is better); routes are ordered by it.
    pub cost: u32,
    /// Months from now until the goal.
    pub months: u32,
}

/// Why a goal cannot be reached, and what comes closest.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Blocked {
    /// The wishes that block the goal; empty when the ladder has no route at all.
    pub wishes: Vec<Wish>,
    /// The nearest role that can be reached within the wishes.
    pub alternative: Option<String>,
    /// The explanation.
    pub message: Bilingual,
}

/// The answer for one goal: routes, or why there are none.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalRoutes {
    /// The goal's role id.
    pub goal: String,
    /// The best routes, best first.
    pub routes: Vec<Route>,
    /// Set when there is no route.
    pub blocked: Option<Blocked>,
}

/// A reachable role, ranked for this person.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Target {
    /// Role id.
    pub role: String,
    /// Share of the role's work in the person's wished tracks (0–100).
    pub fit: u8,
    /// Change in the top of the scale compared with now.
    pub scale_gain: i32,
    /// Months until the role, by the best route.
    pub months: u32,
    /// The ranking score: fit × 3 + scale gain × 20 − months ÷ 2.
    pub score: i64,
}

/// A role within a few moves.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NextStep {
    /// Role id.
    pub role: String,
    /// Moves needed.
    pub moves: usize,
    /// The route with the fewest moves.
    pub route: Route,
}

/// Next steps of one track.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NextGroup {
    /// The track (the roles' largest share).
    pub track: Track,
    /// Roles in that track, nearest first.
    pub steps: Vec<NextStep>,
}

/// Everything the growth-path view shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    /// Reachable roles, best first.
    pub targets: Vec<Target>,
    /// Roles within `next_moves` moves, by track.
    pub next: Vec<NextGroup>,
    /// Routes per goal in the profile.
    pub goals: Vec<GoalRoutes>,
}

/// Everything for a profile: ranked targets, next steps and routes to its goals.
/// `today` is the date the estimates count from. Returns `None` when the
/// profile's role is not in the ladder.
pub fn plan(ladder: &Ladder, profile: &Profile, config: Config, today: Date) -> Option<Plan> {
    ladder.node(&profile.current_role)?;
    Some(Plan {
        targets: ranked_targets(ladder, profile, today),
        next: next_steps(ladder, profile, config.next_moves, today),
        goals: profile
            .goals
            .iter()
            .map(|g| routes(ladder, profile, g, config.k, today))
            .collect(),
    })
}

// ---------------------------------------------------------------------------
// Requirements and time.

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

fn has(list: &[String], item: &str) -> bool {
    list.iter().any(|x| same(x, item))
}

/// Whether the person meets a requirement, given the competencies they have
/// and those of the roles they have held on the route so far.
fn meets(profile: &Profile, held: &[String], req: &Requirement) -> bool {
    match req {
        Requirement::Training(t) => has(&profile.trainings, t),
        Requirement::Qualification(q) => has(&profile.qualifications, q),
        Requirement::Competency(c) => has(&profile.competencies, c) || has(held, c),
        Requirement::Education(e) => profile.education >= *e,
    }
}

/// Estimated months to fill a gap. These are planning figures, not promises:
/// a training or qualification about half a year, a competency a year on the
/// job, and education by the length of the study (HBO part-time 4 years,
/// master 2 years after HBO).
pub fn gap_months(profile: &Profile, req: &Requirement) -> u32 {
    match req {
        Requirement::Training(_) | Requirement::Qualification(_) => 6,
        Requirement::Competency(_) => 12,
        Requirement::Education(target) => match (profile.education, target) {
            (have, want) if have >= *want => 0,
            (Education::Mbo4, Education::Hbo) => 48,
            (Education::Hbo, Education::Master) => 24,
            _ => 72,
        },
    }
}

/// A step's requirements, plus the target role's education when the
/// transition does not already ask for it.
fn requirements(to: &Role, listed: &[Requirement]) -> Vec<Requirement> {
    let mut reqs = listed.to_vec();
    let asks_education = listed
        .iter()
        .any(|r| matches!(r, Requirement::Education(e) if *e >= to.education));
    if !asks_education {
        reqs.push(Requirement::Education(to.education));
    }
    reqs
}

fn months(years: f64) -> u32 {
    if years <= 0.0 || !years.is_finite() {
        0
    } else {
        (years * 12.0).ceil().min(f64::from(u32::MAX / 4)) as u32
    }
}

/// A fixed cost per move, so fewer moves win when time is equal.
const MOVE_COST: u32 = 3;

/// The search cost of a step, independent of where it falls on a route.
fn step_cost(ladder: &Ladder, profile: &Profile, from: NodeIndex, to: NodeIndex) -> Option<u32> {
    let edge = ladder.graph().find_edge(from, to)?;
    let t = &ladder.graph()[edge];
    let stretch = ladder.part_time().stretch(profile.hours_per_week);
    let role_from = ladder.role_at(from);
    let wait = months(t.min_years * stretch);
    let gaps = requirements(ladder.role_at(to), &t.requirements)
        .iter()
        .filter(|r| !meets(profile, &role_from.competencies, r))
        .map(|r| gap_months(profile, r))
        .max()
        .unwrap_or(0);
    Some(wait.max(gaps) + MOVE_COST)
}

fn add_months(today: Date, months: u32) -> Date {
    crate::dates::add_months(today, i64::from(months.min(12 * 200))).unwrap_or(today)
}

/// The route along `nodes` with this person's timeline.
fn route(ladder: &Ladder, profile: &Profile, nodes: &[NodeIndex], today: Date) -> Route {
    let stretch = ladder.part_time().stretch(profile.hours_per_week);
    let mut held: Vec<String> = Vec::new();
    let mut steps = Vec::new();
    let mut elapsed = 0u32;
    let mut cost = 0u32;
    for (i, pair) in nodes.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        let (from, to) = (ladder.role_at(a), ladder.role_at(b));
        held.extend(from.competencies.iter().cloned());
        cost += step_cost(ladder, profile, a, b).unwrap_or(0);
        let Some(edge) = ladder.graph().find_edge(a, b) else {
            break;
        };
        let t = &ladder.graph()[edge];
        let min_years = t.min_years * stretch;
        // Years already served count for the first step only.
        let served = if i == 0 { profile.years_in_role } else { 0.0 };
        let wait_months = months(min_years - served);
        let (met, missing): (Vec<Requirement>, Vec<Requirement>) =
            requirements(to, &t.requirements)
                .into_iter()
                .partition(|r| meets(profile, &held, r));
        let gap = missing
            .iter()
            .map(|r| gap_months(profile, r))
            .max()
            .unwrap_or(0);
        elapsed += wait_months.max(gap);
        let pay = match (ladder.pay(to.scale.min), ladder.pay(to.scale.max)) {
            (Some(lo), Some(hi)) => Some(PayRange {
                min: lo.min,
                max: hi.max,
            }),
            _ => None,
        };
        steps.push(RouteStep {
            from: from.id.clone(),
            to: to.id.clone(),
            kind: t.kind,
            min_years,
            wait_months,
            gap_months: gap,
            months_from_now: elapsed,
            earliest: add_months(today, elapsed),
            met,
            missing,
            scale: to.scale,
            pay,
        });
    }
    Route {
        roles: nodes
            .iter()
            .map(|&n| ladder.role_at(n).id.clone())
            .collect(),
        steps,
        cost,
        months: elapsed,
    }
}

// ---------------------------------------------------------------------------
// Search.

/// Cheapest costs (and the tree of cheapest paths) from `from` through roles
/// the profile allows, avoiding `banned_nodes` and `banned_edges`; stops
/// early once `target` is settled. Nodes are settled in (cost, index) order
/// and a parent only changes for a strictly lower cost: deterministic.
struct Tree {
    cost: BTreeMap<NodeIndex, u32>,
    parent: BTreeMap<NodeIndex, NodeIndex>,
}

impl Tree {
    fn path_to(&self, to: NodeIndex) -> Option<Vec<NodeIndex>> {
        self.cost.get(&to)?;
        let mut path = vec![to];
        while let Some(&p) = self.parent.get(path.last()?) {
            path.push(p);
        }
        path.reverse();
        Some(path)
    }
}

fn search(
    ladder: &Ladder,
    profile: &Profile,
    from: NodeIndex,
    target: Option<NodeIndex>,
    banned_nodes: &BTreeSet<NodeIndex>,
    banned_edges: &BTreeSet<(NodeIndex, NodeIndex)>,
) -> Tree {
    let mut tree = Tree {
        cost: sort::map_of([(from, 0)]),
        parent: BTreeMap::new(),
    };
    let mut heap = BinaryHeap::from([Reverse((0u32, from))]);
    while let Some(Reverse((cost, n))) = heap.pop() {
        if tree.cost.get(&n).is_some_and(|&b| cost > b) {
            continue;
        }
        if Some(n) == target {
            break;
        }
        for step in ladder.outgoing(n) {
            let m = step.to_node;
            if banned_nodes.contains(&m)
                || banned_edges.contains(&(n, m))
                || !profile.allows(step.to)
            {
                continue;
            }
            let Some(c) = step_cost(ladder, profile, n, m) else {
                continue;
            };
            let next = cost + c;
            if tree.cost.get(&m).is_none_or(|&b| next < b) {
                tree.cost.insert(m, next);
                tree.parent.insert(m, n);
                heap.push(Reverse((next, m)));
            }
        }
    }
    tree
}

/// The cheapest path from `from` to `to` (see [`search`]).
fn cheapest(
    ladder: &Ladder,
    profile: &Profile,
    from: NodeIndex,
    to: NodeIndex,
    banned_nodes: &BTreeSet<NodeIndex>,
    banned_edges: &BTreeSet<(NodeIndex, NodeIndex)>,
) -> Option<(u32, Vec<NodeIndex>)> {
    let tree = search(ladder, profile, from, Some(to), banned_nodes, banned_edges);
    Some((*tree.cost.get(&to)?, tree.path_to(to)?))
}

/// Yen's algorithm: the `k` cheapest loop-free paths, cheapest first; equal
/// costs ordered by their node sequence.
fn k_cheapest(
    ladder: &Ladder,
    profile: &Profile,
    from: NodeIndex,
    to: NodeIndex,
    k: usize,
) -> Vec<(u32, Vec<NodeIndex>)> {
    let none = BTreeSet::new();
    let Some(first) = cheapest(ladder, profile, from, to, &none, &BTreeSet::new()) else {
        return Vec::new();
    };
    let mut found = vec![first];
    let mut candidates: BTreeSet<(u32, Vec<NodeIndex>)> = BTreeSet::new();
    while found.len() < k {
        let prev = found.last().map(|(_, p)| p.clone()).unwrap_or_default();
        for i in 0..prev.len().saturating_sub(1) {
            let spur = prev[i];
            let root = &prev[..=i];
            let banned_edges: BTreeSet<(NodeIndex, NodeIndex)> = sort::set_of(
                found
                    .iter()
                    .filter(|(_, p)| p.len() > i + 1 && &p[..=i] == root)
                    .map(|(_, p)| (p[i], p[i + 1])),
            );
            let banned_nodes: BTreeSet<NodeIndex> = sort::set_of(root[..i].iter().copied());
            if let Some((_, spur_path)) =
                cheapest(ladder, profile, spur, to, &banned_nodes, &banned_edges)
            {
                let mut path = root[..i].to_vec();
                path.extend(spur_path);
                let cost = path_cost(ladder, profile, &path);
                if !found.iter().any(|(_, p)| *p == path) {
                    candidates.insert((cost, path));
                }
            }
        }
        match candidates.pop_first() {
            Some(next) => found.push(next),
            None => break,
        }
    }
    found
}

fn path_cost(ladder: &Ladder, profile: &Profile, path: &[NodeIndex]) -> u32 {
    path.windows(2)
        .map(|w| step_cost(ladder, profile, w[0], w[1]).unwrap_or(u32::MAX / 1024))
        .sum()
}

/// Every role reachable within the wishes, with the cheapest paths to them.
fn reachable(ladder: &Ladder, profile: &Profile, from: NodeIndex) -> Tree {
    search(
        ladder,
        profile,
        from,
        None,
        &BTreeSet::new(),
        &BTreeSet::new(),
    )
}

// ---------------------------------------------------------------------------
// The answers.

/// The `k` best routes from the profile's role to `goal`, or why there are none.
pub fn routes(ladder: &Ladder, profile: &Profile, goal: &str, k: usize, today: Date) -> GoalRoutes {
    let answer = |routes, blocked| GoalRoutes {
        goal: goal.to_string(),
        routes,
        blocked,
    };
    let (Some(from), Some(to)) = (ladder.node(&profile.current_role), ladder.node(goal)) else {
        return answer(Vec::new(), None);
    };
    if from == to {
        return answer(Vec::new(), None);
    }
    let goal_allowed = profile.allows(ladder.role_at(to));
    let found = if goal_allowed {
        k_cheapest(ladder, profile, from, to, k.max(1))
    } else {
        Vec::new()
    };
    if !found.is_empty() {
        let routes = found
            .iter()
            .take(k.max(1))
            .map(|(_, p)| route(ladder, profile, p, today))
            .collect();
        return answer(routes, None);
    }
    answer(Vec::new(), Some(blocked(ladder, profile, from, to)))
}

fn blocked(ladder: &Ladder, profile: &Profile, from: NodeIndex, to: NodeIndex) -> Blocked {
    let wishes = profile.wishes();
    let reaches = |p: &Profile| {
        p.allows(ladder.role_at(to)) && reachable(ladder, p, from).cost.contains_key(&to)
    };
    let mut blocking: Vec<Wish> = wishes
        .iter()
        .copied()
        .filter(|&w| reaches(&profile.without(w)))
        .collect();
    let free = Profile {
        no_management: false,
        min_practice: None,
        ..profile.clone()
    };
    if blocking.is_empty() && reaches(&free) {
        blocking = wishes;
    }
    let goal = ladder.role_at(to);
    let current = ladder.role_at(from);
    let overlap = |role: &Role| -> u32 {
        Track::ALL
            .iter()
            .map(|&t| u32::from(role.mix.share(t).min(goal.mix.share(t))))
            .sum()
    };
    // An alternative must share work with the goal or pay more than now.
    let options = reachable(ladder, profile, from).cost;
    let alternative = options
        .iter()
        .filter(|&(&n, _)| n != from)
        .filter(|&(&n, _)| {
            let role = ladder.role_at(n);
            overlap(role) > 0 || role.scale.max > current.scale.max
        })
        .max_by_key(|&(&n, &cost)| {
            let role = ladder.role_at(n);
            let scale_gap = goal.scale.max.abs_diff(role.scale.max);
            (overlap(role), Reverse(scale_gap), Reverse(cost), Reverse(n))
        })
        .map(|(&n, _)| n);
    let (g_nl, g_en) = (&goal.name.nl, &goal.name.en);
    let (mut nl, mut en) = if blocking.is_empty() {
        (
            format!(
                "Het functiehuis heeft geen route van {} naar {g_nl}.",
                ladder.role_at(from).name.nl
            ),
            format!(
                "The ladder has no route from {} to {g_en}.",
                ladder.role_at(from).name.en
            ),
        )
    } else {
        let list = |lang| {
            let labels: Vec<String> = blocking
                .iter()
                .map(|w| format!("'{}'", w.label(lang)))
                .collect();
            crate::i18n::join_list(&labels, lang)
        };
        let (wens, wish) = if blocking.len() == 1 {
            ("je wens", "your wish")
        } else {
            ("je wensen", "your wishes")
        };
        (
            format!("{g_nl} is niet bereikbaar met {wens} {}.", list(Lang::Nl)),
            format!("{g_en} cannot be reached with {wish} {}.", list(Lang::En)),
        )
    };
    if let Some(alt) = alternative {
        let role = ladder.role_at(alt);
        nl.push_str(&format!(" Wat er het dichtst bij komt: {}.", role.name.nl));
        en.push_str(&format!(" The nearest you can reach: {}.", role.name.en));
    }
    Blocked {
        wishes: blocking,
        alternative: alternative.map(|n| ladder.role_at(n).id.clone()),
        message: Bilingual::new(nl, en),
    }
}

/// Every role reachable within the wishes, ranked: fit with the wished
/// tracks, then pay, then effort. Without wished tracks every role fits 50%.
pub fn ranked_targets(ladder: &Ladder, profile: &Profile, today: Date) -> Vec<Target> {
    let Some(from) = ladder.node(&profile.current_role) else {
        return Vec::new();
    };
    let current = ladder.role_at(from);
    let tree = reachable(ladder, profile, from);
    let wished: BTreeSet<Track> = sort::set_of(profile.wished_tracks.iter().copied());
    let mut targets: Vec<(Target, NodeIndex)> = tree
        .cost
        .keys()
        .filter(|&&n| n != from)
        .filter_map(|&n| {
            let role = ladder.role_at(n);
            let fit: u32 = if wished.is_empty() {
                50
            } else {
                wished
                    .iter()
                    .map(|&t| u32::from(role.mix.share(t)))
                    .sum::<u32>()
                    .min(100)
            };
            let months = route(ladder, profile, &tree.path_to(n)?, today).months;
            let scale_gain = i32::from(role.scale.max) - i32::from(current.scale.max);
            let score = i64::from(fit) * 3 + i64::from(scale_gain) * 20 - i64::from(months) / 2;
            let target = Target {
                role: role.id.clone(),
                fit: fit as u8,
                scale_gain,
                months,
                score,
            };
            Some((target, n))
        })
        .collect();
    sort::sort_by(&mut targets, |(a, an), (b, bn)| {
        b.score.cmp(&a.score).then(an.cmp(bn))
    });
    targets.into_iter().map(|(t, _)| t).collect()
}

/// Roles within `moves` moves, within the wishes, grouped by their largest
/// track (tracks in lane order), nearest first.
pub fn next_steps(ladder: &Ladder, profile: &Profile, moves: usize, today: Date) -> Vec<NextGroup> {
    let Some(from) = ladder.node(&profile.current_role) else {
        return Vec::new();
    };
    let mut depth: BTreeMap<NodeIndex, usize> = sort::map_of([(from, 0)]);
    let mut parent: BTreeMap<NodeIndex, NodeIndex> = BTreeMap::new();
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        let d = depth[&n];
        if d == moves {
            continue;
        }
        for step in ladder.outgoing(n) {
            if profile.allows(step.to) && !depth.contains_key(&step.to_node) {
                depth.insert(step.to_node, d + 1);
                parent.insert(step.to_node, n);
                queue.push_back(step.to_node);
            }
        }
    }
    let mut groups: BTreeMap<Track, Vec<NextStep>> = BTreeMap::new();
    for (&n, &d) in &depth {
        if n == from {
            continue;
        }
        let mut path = vec![n];
        while let Some(&p) = parent.get(path.last().unwrap_or(&n)) {
            path.push(p);
        }
        path.reverse();
        let role = ladder.role_at(n);
        groups
            .entry(role.mix.primary())
            .or_default()
            .push(NextStep {
                role: role.id.clone(),
                moves: d,
                route: route(ladder, profile, &path, today),
            });
    }
    groups
        .into_iter()
        .map(|(track, mut steps)| {
            sort::sort_by(&mut steps, |a, b| {
                a.moves
                    .cmp(&b.moves)
                    .then(a.route.months.cmp(&b.route.months))
            });
            NextGroup { track, steps }
        })
        .collect()
}
