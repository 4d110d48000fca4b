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
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeIndexable, NodeIndexable};
use serde::{Deserialize, Serialize};

use crate::i18n::{Bilingual, Lang};
use crate::ladder::{
    same_name, Education, Ladder, PartTime, PayRange, Proficiency, Requirement, Role, ScaleRange,
    Track, TransitionKind,
};
use crate::sort;

mod describe;

pub use describe::{GoalText, NextText, RouteText, StepText, TargetText, BEST_TARGETS};

/// A person's situation and wishes (see `format::ProfileFile` for the file).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// The person's name, for the printed plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The role the person has now; empty when not known yet (a first
    /// visit): then nothing is planned ([`RankedBy::NoCurrentRole`]).
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
    /// The person's own rating of competencies, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub self_assessment: BTreeMap<String, Proficiency>,
    /// What the person and their manager agreed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<Agreement>,
}

/// Something agreed in the yearly conversation: an action, by when, done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// What will be done, in the person's words.
    pub action: String,
    /// By when (none: no date agreed).
    #[serde(
        default,
        with = "crate::dates::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub by: Option<Date>,
    /// Whether it is done.
    #[serde(default)]
    pub done: bool,
}

impl Agreement {
    /// Not done and its date has passed (`today` is the day it is now).
    pub fn overdue(&self, today: Date) -> bool {
        !self.done && self.by.is_some_and(|by| by < today)
    }
}

/// A competency a role asks against the person's own rating: the gap
/// shown per step ("Netwerkregie: basis, gevraagd voldoende").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyGap {
    /// The competency, as the role names it.
    pub name: String,
    /// The person's own rating; none when not rated.
    pub own: Option<Proficiency>,
    /// The level the role asks.
    pub asked: Proficiency,
    /// Whether the person meets it: rated at least at the asked level, or
    /// listed under the profile's `competencies`.
    pub met: bool,
}

impl CompetencyGap {
    /// `Netwerkregie: basis, gevraagd voldoende` / `Netwerkregie: basic,
    /// asked sufficient`; `aangetoond` / `shown` for a competency listed
    /// without a rating, `niet beoordeeld` / `not rated` otherwise.
    pub fn describe(&self, lang: Lang) -> String {
        let own = match (self.own, self.met, lang) {
            (Some(own), _, lang) => own.label(lang),
            (None, true, Lang::Nl) => "aangetoond",
            (None, true, Lang::En) => "shown",
            (None, false, Lang::Nl) => "niet beoordeeld",
            (None, false, Lang::En) => "not rated",
        };
        let asked = match lang {
            Lang::Nl => "gevraagd",
            Lang::En => "asked",
        };
        format!("{}: {own}, {asked} {}", self.name, self.asked.label(lang))
    }
}

impl Profile {
    /// The person's own rating of `competency` (names match ignoring case
    /// and surrounding spaces).
    pub fn rating(&self, competency: &str) -> Option<Proficiency> {
        self.self_assessment
            .iter()
            .find(|(name, _)| same_name(name, competency))
            .map(|(_, &level)| level)
    }

    /// Whether the person meets `competency` at `level`: listed under
    /// `competencies`, or rated at least at that level.
    pub fn meets(&self, competency: &str, level: Proficiency) -> bool {
        has(&self.competencies, competency) || self.rating(competency).is_some_and(|r| r >= level)
    }

    /// Every competency `role` asks, against the person's rating.
    pub fn gaps(&self, role: &Role) -> Vec<CompetencyGap> {
        role.competencies
            .iter()
            .map(|c| CompetencyGap {
                name: c.name.clone(),
                own: self.rating(&c.name),
                asked: c.level,
                met: self.meets(&c.name, c.level),
            })
            .collect()
    }

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
            name: None,
            self_assessment: BTreeMap::new(),
            agreements: Vec::new(),
        }
    }

    /// A profile in `role` with nothing else known (see
    /// [`Profile::in_role`]) but the education the role asks for: whoever
    /// holds a role has it.
    pub fn in_role_of(ladder: &Ladder, role: &str) -> Profile {
        let mut p = Profile::in_role(role);
        if let Some(r) = ladder.role(role) {
            p.education = r.education;
        }
        p
    }

    /// Raises the education to what the current role asks for, when it is
    /// lower: whoever holds a role has at least that.
    pub fn meet_role_education(&mut self, ladder: &Ladder) {
        if let Some(r) = ladder.role(&self.current_role) {
            self.education = self.education.max(r.education);
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Next steps are the roles whose best route takes at most this many moves.
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// The target role's own competencies against the person's rating.
    #[serde(default)]
    pub competencies: Vec<CompetencyGap>,
    /// Scale range after the step.
    pub scale: ScaleRange,
    /// Gross monthly pay range after the step, when the ladder lists it.
    pub pay: Option<PayRange>,
}

/// A route from the current role to a goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Route {
    /// Role ids from the current role to the goal.
    pub roles: Vec<String>,
    /// The steps.
    pub steps: Vec<RouteStep>,
    /// Search cost: the months plus 3 per move (lower is better); routes are ordered by it.
    pub cost: u32,
    /// Months from now until the goal.
    pub months: u32,
}

/// Why a goal cannot be reached, and what comes closest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Blocked {
    /// The wishes that block the goal; empty when the ladder has no route at all.
    pub wishes: Vec<Wish>,
    /// The nearest role that can be reached within the wishes.
    pub alternative: Option<String>,
    /// The explanation.
    pub message: Bilingual,
}

/// The answer for one goal: routes, or why there are none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalRoutes {
    /// The goal's role id.
    pub goal: String,
    /// The best routes, best first.
    pub routes: Vec<Route>,
    /// Set when there is no route.
    pub blocked: Option<Blocked>,
}

/// A reachable role, ranked for this person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Role id.
    pub role: String,
    /// Share of the role's work in the person's wished tracks (0–100);
    /// without wished tracks, in the tracks of the current role.
    pub fit: u8,
    /// Change in the top of the scale compared with now.
    pub scale_gain: i32,
    /// Months until the role, by the best route.
    pub months: u32,
    /// The ranking score, higher first: by wishes fit × 3 + scale gain ×
    /// 20 − months ÷ 2; by closeness minus the months (ties as
    /// [`RankedBy::Closeness`] says).
    pub score: i64,
}

/// What the targets ("Wat past bij mij") are ranked by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RankedBy {
    /// The wished tracks: their share of the work, then pay, then time.
    Wishes,
    /// No wished tracks yet: closeness to the current role. Soonest
    /// first, then one level up before the same level, two up or down,
    /// then the current role's track first.
    Closeness,
    /// No current role known: nothing is ranked (or planned) until the
    /// person says which role they have.
    NoCurrentRole,
}

impl RankedBy {
    /// How the targets of `profile` are ranked.
    pub fn of(profile: &Profile) -> RankedBy {
        if profile.current_role.trim().is_empty() {
            RankedBy::NoCurrentRole
        } else if profile.wished_tracks.is_empty() {
            RankedBy::Closeness
        } else {
            RankedBy::Wishes
        }
    }

    /// The ranking in words, to show above it.
    pub fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RankedBy::Wishes, Lang::Nl) => "Gerangschikt op je wensen: eerst het deel van het werk in de sporen die je kiest, dan salaris, dan tijd.",
            (RankedBy::Wishes, Lang::En) => "Ranked by your wishes: first the share of the work in the tracks you chose, then pay, then time.",
            (RankedBy::Closeness, Lang::Nl) => "Gerangschikt op nabijheid, want je hebt nog geen sporen gekozen: eerst wat het snelst kan, dan één niveau hoger, dan je eigen spoor.",
            (RankedBy::Closeness, Lang::En) => "Ranked by closeness, as you have not chosen tracks yet: soonest first, then one level up, then your own track.",
            (RankedBy::NoCurrentRole, Lang::Nl) => "Nog niets te rangschikken: kies eerst je huidige functie.",
            (RankedBy::NoCurrentRole, Lang::En) => "Nothing to rank yet: choose your current role first.",
        }
    }
}

/// A role within a few moves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NextStep {
    /// Role id.
    pub role: String,
    /// Moves of the route.
    pub moves: usize,
    /// The best route to the role (the same as the target's and the goal's).
    pub route: Route,
}

/// Next steps of one track.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NextGroup {
    /// The track (the roles' largest share).
    pub track: Track,
    /// Roles in that track, nearest first.
    pub steps: Vec<NextStep>,
}

/// How minimum years count for this person: stretched for part-time, when
/// the ladder says so (`part_time.stretch_min_years`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stretch {
    /// The person's contract hours a week.
    pub hours: f64,
    /// The ladder's full-time hours.
    pub full_time_hours: f64,
    /// How much longer minimum years take: full-time hours ÷ hours, at most
    /// [`PartTime::MAX_STRETCH`].
    pub factor: f64,
    /// True when the cap applies: in proportion it would be
    /// `full_time_hours / hours`, more than the cap.
    pub capped: bool,
}

impl Stretch {
    /// The stretch for `hours` a week under `part_time`; `None` when
    /// minimum years count as years (full-time, or a ladder that does not stretch).
    pub fn of(part_time: PartTime, hours: f64) -> Option<Stretch> {
        let factor = part_time.stretch(hours);
        (factor > 1.0).then(|| Stretch {
            hours,
            full_time_hours: part_time.full_time_hours,
            factor,
            capped: part_time.full_time_hours / hours > PartTime::MAX_STRETCH,
        })
    }
}

/// Everything the growth-path view and the printed development plan
/// (*ontwikkelplan*) show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The person's name, when the profile gives it.
    pub name: Option<String>,
    /// The current role's id; empty when not known (then nothing else is
    /// planned: `ranked_by` is [`RankedBy::NoCurrentRole`]).
    pub current_role: String,
    /// The first goal, when there is one.
    pub goal: Option<String>,
    /// The hard wishes.
    pub wishes: Vec<Wish>,
    /// The tracks the person would like to work in.
    pub wished_tracks: Vec<Track>,
    /// How minimum years stretch for this person, when they do.
    pub stretch: Option<Stretch>,
    /// What `targets` are ranked by.
    pub ranked_by: RankedBy,
    /// Reachable roles, best first.
    pub targets: Vec<Target>,
    /// Roles whose best route takes at most `next_moves` moves, by track.
    pub next: Vec<NextGroup>,
    /// Routes per goal in the profile.
    pub goals: Vec<GoalRoutes>,
    /// The first goal's competencies against the person's rating (empty
    /// without a goal).
    pub assessment: Vec<CompetencyGap>,
    /// The agreements, in the profile's order, with whether they are overdue.
    pub agreements: Vec<AgreementStatus>,
}

/// An agreement as of a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementStatus {
    /// What will be done.
    pub action: String,
    /// By when.
    #[serde(default, with = "crate::dates::optional")]
    pub by: Option<Date>,
    /// Whether it is done.
    pub done: bool,
    /// Not done and its date has passed.
    pub overdue: bool,
}

/// Everything for a profile: ranked targets, next steps, routes to its
/// goals, and for the printed plan the goal's competencies against the
/// self-assessment and the agreements (overdue as of `today`, the date the
/// estimates count from too). Returns `None` when the profile's role is
/// not in the ladder; a profile without a current role gets a plan that
/// says so ([`RankedBy::NoCurrentRole`]) and plans nothing.
///
/// One search serves all three: a role's months are the same as a target,
/// as a next step and as the first route to it as a goal.
pub fn plan(ladder: &Ladder, profile: &Profile, config: Config, today: Date) -> Option<Plan> {
    let goal = profile.goals.first().cloned();
    let mut plan = Plan {
        name: profile.name.clone(),
        current_role: profile.current_role.clone(),
        assessment: goal
            .as_deref()
            .and_then(|g| ladder.role(g))
            .map(|g| profile.gaps(g))
            .unwrap_or_default(),
        goal,
        wishes: profile.wishes(),
        wished_tracks: profile.wished_tracks.clone(),
        stretch: Stretch::of(ladder.part_time(), profile.hours_per_week),
        ranked_by: RankedBy::of(profile),
        targets: Vec::new(),
        next: Vec::new(),
        goals: Vec::new(),
        agreements: profile
            .agreements
            .iter()
            .map(|a| AgreementStatus {
                action: a.action.clone(),
                by: a.by,
                done: a.done,
                overdue: a.overdue(today),
            })
            .collect(),
    };
    if plan.ranked_by == RankedBy::NoCurrentRole {
        return Some(plan);
    }
    let from = ladder.node(&profile.current_role)?;
    let model = Model::new(ladder, profile);
    let tree = model.reachable(from);
    let best = model.best_routes(&tree, from, today);
    plan.targets = targets(&model, from, &best);
    plan.next = next_groups(ladder, &best, config.next_moves);
    plan.goals = profile
        .goals
        .iter()
        .map(|g| model.goal_routes(from, g, config.k, Some(&tree), today))
        .collect();
    Some(plan)
}

// ---------------------------------------------------------------------------
// Requirements and time.

fn has(list: &[String], item: &str) -> bool {
    list.iter().any(|x| same_name(x, item))
}

/// Months of study from the education one has to the one asked: HBO after
/// MBO about 4 years (part-time), a master after HBO 2, both 6; nothing
/// when it is already there.
fn study_months(have: Education, want: Education) -> u32 {
    match (have, want) {
        (have, want) if have >= want => 0,
        (Education::Mbo4, Education::Hbo) => 48,
        (Education::Hbo, Education::Master) => 24,
        _ => 72,
    }
}

/// Estimated months to fill a gap for someone with `education`. These are
/// planning figures, not promises: a training or qualification about half a
/// year, a competency a year on the job, and education by the length of the
/// study (see [`study_months`]).
pub fn gap_months(education: Education, req: &Requirement) -> u32 {
    match req {
        Requirement::Training(_) | Requirement::Qualification(_) => 6,
        Requirement::Competency(_) => 12,
        Requirement::Education(want) => study_months(education, *want),
    }
}

/// A step's requirements, plus the target role's education when the
/// transition does not already ask for it.
fn requirements(to: &Role, listed: &[Requirement]) -> Vec<Requirement> {
    let mut reqs = listed.to_vec();
    reqs.extend(implied_education(to, listed));
    reqs
}

/// The target role's education, when the transition does not ask for it
/// (or more).
fn implied_education(to: &Role, listed: &[Requirement]) -> Option<Requirement> {
    let asks_education = listed
        .iter()
        .any(|r| matches!(r, Requirement::Education(e) if *e >= to.education));
    (!asks_education).then_some(Requirement::Education(to.education))
}

/// A name as matched: without surrounding spaces, ignoring ASCII case.
fn normal(name: &str) -> std::borrow::Cow<'_, str> {
    let name = name.trim();
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        name.to_ascii_lowercase().into()
    } else {
        name.into()
    }
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

/// The most routes the search carries on from one role (see [`Model::search`]).
const LABELS_PER_ROLE: usize = 8;

fn add_months(today: Date, months: u32) -> Date {
    crate::dates::add_months(today, i64::from(months.min(12 * 200))).unwrap_or(today)
}

// ---------------------------------------------------------------------------
// What a route has achieved.

/// A requirement as the search sees it.
#[derive(Clone, Copy, Debug)]
enum Need {
    /// The profile meets it, whatever the route.
    Met,
    /// A training, qualification or competency the profile lacks (by number).
    Item(u32),
    /// An education above the profile's.
    Education(Education),
}

/// A set of item numbers: the first 128 in place (no allocation for the
/// ladders people write), more on the heap.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Bits {
    low: [u64; 2],
    high: Vec<u64>,
}

impl Bits {
    fn words(&self) -> usize {
        self.low.len() + self.high.len()
    }

    fn word(&self, i: usize) -> u64 {
        match i.checked_sub(self.low.len()) {
            None => self.low.get(i).copied().unwrap_or(0),
            Some(j) => self.high.get(j).copied().unwrap_or(0),
        }
    }

    fn word_mut(&mut self, i: usize) -> Option<&mut u64> {
        match i.checked_sub(self.low.len()) {
            None => self.low.get_mut(i),
            Some(j) => {
                if self.high.len() <= j {
                    self.high.resize(j + 1, 0);
                }
                self.high.get_mut(j)
            }
        }
    }
}

/// What a route has achieved so far: the education reached, and the items
/// gained on its steps or held with its roles. Only names that transitions
/// of the ladder ask for, and that the profile does not already have, are
/// items.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Achieved {
    education: Education,
    items: Bits,
}

impl Achieved {
    fn has(&self, item: u32) -> bool {
        self.items.word(item as usize / 64) >> (item % 64) & 1 == 1
    }

    fn add(&mut self, item: u32) {
        if let Some(word) = self.items.word_mut(item as usize / 64) {
            *word |= 1 << (item % 64);
        }
    }

    /// Adds the items `other` has.
    fn join(&mut self, other: &Achieved) {
        for i in 0..other.items.words() {
            let more = other.items.word(i);
            if more != 0 {
                if let Some(word) = self.items.word_mut(i) {
                    *word |= more;
                }
            }
        }
    }

    /// Calls `f` with every item this has and `other` has not, until it
    /// returns false.
    fn beyond(&self, other: &Achieved, mut f: impl FnMut(u32) -> bool) {
        for i in 0..self.items.words() {
            let mut rest = self.items.word(i) & !other.items.word(i);
            while rest != 0 {
                let bit = rest.trailing_zeros();
                rest &= rest - 1;
                if !f(i as u32 * 64 + bit) {
                    return;
                }
            }
        }
    }
}

/// One step of a route: the months still to wait in the role, the months
/// its gaps take (alongside), and what the route has achieved after it.
struct Move {
    wait: u32,
    gap: u32,
    after: Achieved,
}

impl Move {
    fn months(&self) -> u32 {
        self.wait.max(self.gap)
    }
}

/// The ladder as one profile meets it: every transition's needs, what each
/// role brings, and the strongly connected components of the ladder (a
/// route can only come back to a role it left within one of them).
struct Model<'a> {
    ladder: &'a Ladder,
    profile: &'a Profile,
    stretch: f64,
    /// Per role (by node index): the transitions out of it, in file order,
    /// to roles the profile allows.
    out: Vec<Vec<(EdgeIndex, NodeIndex)>>,
    /// Per transition (by edge index): its needs, in the order of [`requirements`].
    needs: Vec<Vec<Need>>,
    /// Per item: the months to gain it.
    item_months: Vec<u32>,
    /// Per item: whether it can ever change what a step costs: somewhere
    /// it takes longer than the wait of a step that asks for it. Others
    /// are gained alongside anyway; the search does not carry them.
    counts: Vec<bool>,
    /// Whether education can ever change what a step costs.
    education_counts: bool,
    /// Per role: the items its competencies give, all and those that count.
    brings: Vec<[Achieved; 2]>,
    /// Per role: its component, and whether that holds other roles too.
    component: Vec<(usize, bool)>,
    /// Per role: whether a transition where what a route achieved can
    /// change the cost is reachable from it. Beyond such roles the cost of a
    /// way on does not depend on the route so far.
    gains_ahead: Vec<bool>,
}

impl<'a> Model<'a> {
    fn new(ladder: &'a Ladder, profile: &'a Profile) -> Model<'a> {
        let graph = ladder.graph();
        let stretch = ladder.part_time().stretch(profile.hours_per_week);
        // Item numbers by kind (training, qualification, competency) and name.
        let mut items: [BTreeMap<String, u32>; 3] = Default::default();
        let mut item_months = Vec::new();
        let mut needs = vec![Vec::new(); graph.edge_bound()];
        for step in ladder.transitions() {
            let mut list = Vec::new();
            let listed = &step.transition.requirements;
            let implied = implied_education(step.to, listed);
            for req in listed.iter().chain(&implied) {
                let (kind, name, held) = match req {
                    Requirement::Education(e) if profile.education >= *e => {
                        list.push(Need::Met);
                        continue;
                    }
                    Requirement::Education(e) => {
                        list.push(Need::Education(*e));
                        continue;
                    }
                    Requirement::Training(t) => (0, t, has(&profile.trainings, t)),
                    Requirement::Qualification(q) => (1, q, has(&profile.qualifications, q)),
                    // Met when rated at the level the target role asks
                    // (`voldoende` when it does not list it), or listed.
                    Requirement::Competency(c) => (2, c, profile.meets(c, step.to.asks(c))),
                };
                if held {
                    list.push(Need::Met);
                    continue;
                }
                let name = normal(name);
                let id = match items[kind].get(name.as_ref()) {
                    Some(&id) => id,
                    None => {
                        let id = item_months.len() as u32;
                        items[kind].insert(name.into_owned(), id);
                        item_months.push(gap_months(profile.education, req));
                        id
                    }
                };
                list.push(Need::Item(id));
            }
            if let Some(slot) = needs.get_mut(step.edge.index()) {
                *slot = list;
            }
        }
        // Which needs can change a step's cost: those that can take longer
        // than the shortest wait of a step asking them (years served count
        // on a first step, so that is the shortest).
        let mut counts = vec![false; item_months.len()];
        let mut education_counts = false;
        let mut counting = vec![false; graph.node_bound()];
        for step in ladder.transitions() {
            let min_years = step.transition.min_years * stretch;
            let wait = months(min_years).min(months(min_years - profile.years_in_role));
            for &need in needs.get(step.edge.index()).map_or(&[][..], Vec::as_slice) {
                let matters = match need {
                    Need::Met => false,
                    Need::Item(id) => {
                        let matters = item_months.get(id as usize).is_some_and(|&m| m > wait);
                        if let Some(c) = counts.get_mut(id as usize) {
                            *c |= matters;
                        }
                        matters
                    }
                    Need::Education(e) => {
                        let matters = study_months(profile.education, e) > wait;
                        education_counts |= matters;
                        matters
                    }
                };
                if let Some(c) = counting.get_mut(step.from_node.index()) {
                    *c |= matters;
                }
            }
        }
        let none = Achieved {
            education: profile.education,
            items: Bits::default(),
        };
        let mut brings = vec![[none.clone(), none]; graph.node_bound()];
        let mut out = vec![Vec::new(); graph.node_bound()];
        for step in ladder.transitions() {
            if let Some(list) = out.get_mut(step.from_node.index()) {
                if profile.allows(step.to) {
                    list.push((step.edge, step.to_node));
                }
            }
        }
        for (n, role) in ladder.roles() {
            if let Some([all, counting]) = brings.get_mut(n.index()) {
                for c in &role.competencies {
                    if let Some(&id) = items[2].get(normal(&c.name).as_ref()) {
                        all.add(id);
                        if counts.get(id as usize).copied().unwrap_or(false) {
                            counting.add(id);
                        }
                    }
                }
            }
        }
        // Roles from which a counting transition is reachable: backwards
        // from the roles such transitions leave.
        let mut gains_ahead = counting;
        let mut queue: VecDeque<NodeIndex> = ladder
            .roles()
            .map(|(n, _)| n)
            .filter(|n| gains_ahead.get(n.index()).copied().unwrap_or(false))
            .collect();
        while let Some(n) = queue.pop_front() {
            for p in graph.neighbors_directed(n, petgraph::Direction::Incoming) {
                if let Some(flag) = gains_ahead.get_mut(p.index()).filter(|f| !**f) {
                    *flag = true;
                    queue.push_back(p);
                }
            }
        }
        let mut component = vec![(0, false); graph.node_bound()];
        for (i, nodes) in petgraph::algo::kosaraju_scc(graph).iter().enumerate() {
            for n in nodes {
                if let Some(slot) = component.get_mut(n.index()) {
                    *slot = (i, nodes.len() > 1);
                }
            }
        }
        Model {
            ladder,
            profile,
            stretch,
            out,
            needs,
            item_months,
            counts,
            education_counts,
            brings,
            component,
            gains_ahead,
        }
    }

    fn needs(&self, edge: EdgeIndex) -> &[Need] {
        self.needs.get(edge.index()).map_or(&[], Vec::as_slice)
    }

    fn component(&self, n: NodeIndex) -> (usize, bool) {
        self.component
            .get(n.index())
            .copied()
            .unwrap_or((n.index(), false))
    }

    fn counts(&self, item: u32) -> bool {
        self.counts.get(item as usize).copied().unwrap_or(false)
    }

    /// What a route that starts at `node` has achieved there; `all` items,
    /// or only those that count (for the search).
    fn start(&self, node: NodeIndex, all: bool) -> Achieved {
        let mut achieved = Achieved {
            education: self.profile.education,
            items: Bits::default(),
        };
        self.bring(&mut achieved, node, all);
        achieved
    }

    /// Adds the items the competencies of the role at `node` give (`all`,
    /// or those that count).
    fn bring(&self, achieved: &mut Achieved, node: NodeIndex, all: bool) {
        let (i, held) = (node.index(), usize::from(!all));
        if let Some(brings) = self.brings.get(i).and_then(|b| b.get(held)) {
            achieved.join(brings);
        }
    }

    fn meets(&self, achieved: &Achieved, need: Need) -> bool {
        match need {
            Need::Met => true,
            Need::Item(id) => achieved.has(id),
            Need::Education(e) => achieved.education >= e,
        }
    }

    fn gap(&self, achieved: &Achieved, need: Need) -> u32 {
        match need {
            Need::Met => 0,
            Need::Item(id) if achieved.has(id) => 0,
            Need::Item(id) => self.item_months.get(id as usize).copied().unwrap_or(0),
            Need::Education(e) => study_months(achieved.education, e),
        }
    }

    /// The step along `edge` for a route that has achieved `before`. Years
    /// already served in the role count on the route's `first` step only.
    /// With `all` false only items that count are carried on (their months
    /// are the same: the others never outlast a step's wait).
    fn step(&self, before: &Achieved, edge: EdgeIndex, first: bool, all: bool) -> Move {
        let graph = self.ladder.graph();
        let min_years = graph.edge_weight(edge).map_or(0.0, |t| t.min_years) * self.stretch;
        let served = if first {
            self.profile.years_in_role
        } else {
            0.0
        };
        let mut after = before.clone();
        let mut gap = 0;
        for &need in self.needs(edge) {
            gap = gap.max(self.gap(before, need));
            match need {
                Need::Met => {}
                Need::Item(id) if all || self.counts(id) => after.add(id),
                Need::Item(_) => {}
                Need::Education(e) => after.education = after.education.max(e),
            }
        }
        if let Some((_, to)) = graph.edge_endpoints(edge) {
            self.bring(&mut after, to, all);
        }
        Move {
            wait: months(min_years - served),
            gap,
            after,
        }
    }

    /// Whether a route that has achieved `a` loses at most `budget` months,
    /// over any way on, against one that has achieved `b`: an item only `b`
    /// has costs at most its months once (the first step that asks for it
    /// gains it), a lower education at most the study between the two. (A
    /// step takes the longest of its wait and gaps, so one more gap adds at
    /// most its own months.)
    fn loses_at_most(&self, a: &Achieved, b: &Achieved, budget: u32) -> bool {
        let mut lost = if self.education_counts {
            study_months(a.education, b.education)
        } else {
            0
        };
        b.beyond(a, |id| {
            lost += self.item_months.get(id as usize).copied().unwrap_or(0);
            lost <= budget
        });
        lost <= budget
    }

    /// The cost of the route along `path` and what it has achieved at its
    /// end; `None` when two of its roles have no transition between them.
    fn walk(&self, path: &[NodeIndex]) -> Option<(u32, Achieved)> {
        let mut achieved = self.start(*path.first()?, false);
        let mut cost = 0u32;
        for (i, w) in path.windows(2).enumerate() {
            let edge = self.ladder.graph().find_edge(w[0], w[1])?;
            let step = self.step(&achieved, edge, i == 0, false);
            cost = cost.saturating_add(step.months()).saturating_add(MOVE_COST);
            achieved = step.after;
        }
        Some((cost, achieved))
    }

    /// The route along `nodes` with this person's timeline.
    fn route(&self, nodes: &[NodeIndex], today: Date) -> Route {
        let ladder = self.ladder;
        let mut achieved = nodes.first().map(|&n| self.start(n, true));
        let mut steps = Vec::new();
        let (mut elapsed, mut cost) = (0u32, 0u32);
        for (i, pair) in nodes.windows(2).enumerate() {
            let (a, b) = (pair[0], pair[1]);
            let (Some(edge), Some(before)) = (ladder.graph().find_edge(a, b), achieved.take())
            else {
                break;
            };
            let (from, to) = (ladder.role_at(a), ladder.role_at(b));
            let t = &ladder.graph()[edge];
            let step = self.step(&before, edge, i == 0, true);
            let (mut met, mut missing) = (Vec::new(), Vec::new());
            for (req, &need) in requirements(to, &t.requirements)
                .into_iter()
                .zip(self.needs(edge))
            {
                if self.meets(&before, need) {
                    met.push(req);
                } else {
                    missing.push(req);
                }
            }
            elapsed = elapsed.saturating_add(step.months());
            cost = cost.saturating_add(step.months()).saturating_add(MOVE_COST);
            let pay = ladder.role_pay(to);
            steps.push(RouteStep {
                from: from.id.clone(),
                to: to.id.clone(),
                kind: t.kind,
                min_years: t.min_years * self.stretch,
                wait_months: step.wait,
                gap_months: step.gap,
                months_from_now: elapsed,
                earliest: add_months(today, elapsed),
                met,
                missing,
                competencies: self.profile.gaps(to),
                scale: to.scale,
                pay,
            });
            achieved = Some(step.after);
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
}

// ---------------------------------------------------------------------------
// Search.

/// A route found by the search: where it is, its cost, what it has achieved,
/// and the label it came from.
struct Label {
    node: NodeIndex,
    cost: u32,
    achieved: Achieved,
    parent: Option<usize>,
    /// The route's roles in the component of `node` (sorted): the only roles
    /// it has been in that it could reach again. Empty for a component of one.
    circle: Vec<NodeIndex>,
    expanded: bool,
    dead: bool,
    /// The label made before it at the same role.
    next_here: Option<usize>,
}

/// The cheapest routes found from one role: per role the first label settled.
struct Tree {
    labels: Vec<Label>,
    best: BTreeMap<NodeIndex, usize>,
}

impl Tree {
    fn cost(&self, to: NodeIndex) -> Option<u32> {
        self.best.get(&to).map(|&l| self.labels[l].cost)
    }

    fn path_to(&self, to: NodeIndex) -> Option<Vec<NodeIndex>> {
        let mut label = self.best.get(&to).copied();
        let mut path = Vec::new();
        while let Some(l) = label {
            path.push(self.labels[l].node);
            label = self.labels[l].parent;
        }
        path.reverse();
        Some(path).filter(|p| !p.is_empty())
    }
}

/// Where a search starts: a role, what the route has achieved there, and
/// whether the next step is the route's first (years served count on it).
struct Start {
    node: NodeIndex,
    achieved: Achieved,
    first: bool,
}

impl Model<'_> {
    /// Whether label `a` makes label `b` at the same role useless: every way
    /// on from `b` is open to `a` (its circle is no larger) and costs `a` at
    /// most as much in total. Where what a route achieved no longer changes
    /// any cost ahead, the cheaper label is as good: a way on that `b` can
    /// take and `a` cannot passes a role `a` has been in, and the route of
    /// `a` up to that role, then on as `b` would, is cheaper still.
    fn dominates(&self, a: &Label, b: &Label) -> bool {
        if a.cost > b.cost {
            return false;
        }
        if !self
            .gains_ahead
            .get(b.node.index())
            .copied()
            .unwrap_or(true)
        {
            return true;
        }
        self.loses_at_most(&a.achieved, &b.achieved, b.cost - a.cost)
            && a.circle.iter().all(|n| b.circle.binary_search(n).is_ok())
    }

    /// The cheapest loop-free routes from `start` through roles the profile
    /// allows, avoiding `banned_nodes` and `banned_edges`; stops once
    /// `target` is settled, or routes cost more than `limit`.
    ///
    /// What a route has achieved changes what its next steps cost, so this is
    /// a label-setting search: a role can be reached by several routes
    /// (labels), each carried on unless another one at the role dominates it
    /// (see [`Model::dominates`]; dominance only throws away routes whose every
    /// continuation another route can match, so the answer is exact). Labels
    /// are settled in (cost, creation) order: deterministic, and a role's first
    /// settled label is its cheapest route. At most [`LABELS_PER_ROLE`] labels
    /// are carried on from one role, which only binds on ladders with many
    /// tangled cycles and keeps the search polynomial there.
    fn search(
        &self,
        start: Start,
        target: Option<NodeIndex>,
        banned_nodes: &BTreeSet<NodeIndex>,
        banned_edges: &BTreeSet<(NodeIndex, NodeIndex)>,
        limit: Option<u32>,
    ) -> Tree {
        let bound = self.out.len();
        let circle = if self.component(start.node).1 {
            vec![start.node]
        } else {
            Vec::new()
        };
        let mut tree = Tree {
            labels: vec![Label {
                node: start.node,
                cost: 0,
                achieved: start.achieved,
                parent: None,
                circle,
                expanded: false,
                dead: false,
                next_here: None,
            }],
            best: BTreeMap::new(),
        };
        // Per role: its labels still in play, and how many were carried on.
        let mut last_here: Vec<Option<usize>> = vec![None; bound];
        let mut expanded: Vec<usize> = vec![0; bound];
        let mut heap = BinaryHeap::from([Reverse((0u32, 0usize))]);
        while let Some(Reverse((cost, l))) = heap.pop() {
            if limit.is_some_and(|limit| cost > limit) {
                break;
            }
            let n = tree.labels[l].node;
            let Some(count) = expanded.get_mut(n.index()) else {
                continue;
            };
            if tree.labels[l].dead || *count >= LABELS_PER_ROLE {
                continue;
            }
            *count += 1;
            tree.labels[l].expanded = true;
            tree.best.entry(n).or_insert(l);
            if Some(n) == target {
                break;
            }
            let first = l == 0 && start.first;
            let (achieved, circle) = (
                tree.labels[l].achieved.clone(),
                tree.labels[l].circle.clone(),
            );
            let here = self.component(n).0;
            for &(edge, m) in self.out.get(n.index()).map_or(&[][..], Vec::as_slice) {
                if banned_nodes.contains(&m)
                    || banned_edges.contains(&(n, m))
                    || expanded
                        .get(m.index())
                        .is_none_or(|&c| c >= LABELS_PER_ROLE)
                {
                    continue;
                }
                let (there, big) = self.component(m);
                if there == here && circle.binary_search(&m).is_ok() {
                    continue; // back to a role the route has been in
                }
                let next_circle = if !big {
                    Vec::new()
                } else if there == here {
                    let mut c = circle.clone();
                    if let Err(at) = c.binary_search(&m) {
                        c.insert(at, m);
                    }
                    c
                } else {
                    vec![m]
                };
                let mv = self.step(&achieved, edge, first, false);
                let new = Label {
                    node: m,
                    cost: cost.saturating_add(mv.months()).saturating_add(MOVE_COST),
                    achieved: mv.after,
                    parent: Some(l),
                    circle: next_circle,
                    expanded: false,
                    dead: false,
                    next_here: None,
                };
                let Some(here) = last_here.get_mut(m.index()) else {
                    continue;
                };
                // The labels at m: is the new one dominated, or does it
                // dominate some not carried on yet?
                let mut at = *here;
                let mut dominated = false;
                while let Some(o) = at {
                    let other = &tree.labels[o];
                    if !other.dead && self.dominates(other, &new) {
                        dominated = true;
                        break;
                    }
                    at = other.next_here;
                }
                if dominated {
                    continue;
                }
                let mut at = *here;
                while let Some(o) = at {
                    let old = &tree.labels[o];
                    at = old.next_here;
                    if !old.dead && !old.expanded && self.dominates(&new, old) {
                        tree.labels[o].dead = true;
                    }
                }
                let new = Label {
                    next_here: *here,
                    ..new
                };
                *here = Some(tree.labels.len());
                heap.push(Reverse((new.cost, tree.labels.len())));
                tree.labels.push(new);
            }
        }
        tree
    }

    /// Every role reachable within the wishes, with the cheapest routes to them.
    fn reachable(&self, from: NodeIndex) -> Tree {
        let start = Start {
            node: from,
            achieved: self.start(from, false),
            first: true,
        };
        self.search(start, None, &BTreeSet::new(), &BTreeSet::new(), None)
    }

    /// Yen's algorithm: the `k` cheapest loop-free paths from the start of
    /// `first` (the cheapest) to its end, cheapest first; equal costs ordered
    /// by their node sequence. A spur search starts with what the route has
    /// achieved along its root.
    fn k_cheapest(&self, first: Vec<NodeIndex>, k: usize) -> Vec<(u32, Vec<NodeIndex>)> {
        let Some((&to, (cost, _))) = first.last().zip(self.walk(&first)) else {
            return Vec::new();
        };
        let mut found = vec![(cost, first)];
        // Candidates with the index where they leave the path they came from:
        // spurs before it were tried for that path already (Lawler).
        let mut candidates: BTreeMap<(u32, Vec<NodeIndex>), usize> = BTreeMap::new();
        let mut from_index = 0;
        while found.len() < k {
            let prev = found.last().map(|(_, p)| p.clone()).unwrap_or_default();
            for i in from_index..prev.len().saturating_sub(1) {
                let root = &prev[..=i];
                let Some((root_cost, achieved)) = self.walk(root) else {
                    continue;
                };
                // A spur dearer than the candidates that already fill the
                // remaining places cannot be among the k.
                let limit = candidates
                    .keys()
                    .nth(k - found.len() - 1)
                    .map(|(cost, _)| cost.saturating_sub(root_cost));
                let banned_edges: BTreeSet<(NodeIndex, NodeIndex)> = sort::set_of(
                    found
                        .iter()
                        .filter(|(_, p)| p.len() > i + 1 && &p[..=i] == root)
                        .map(|(_, p)| (p[i], p[i + 1])),
                );
                let banned_nodes: BTreeSet<NodeIndex> = sort::set_of(root[..i].iter().copied());
                let start = Start {
                    node: prev[i],
                    achieved,
                    first: i == 0,
                };
                let tree = self.search(start, Some(to), &banned_nodes, &banned_edges, limit);
                if let Some(spur_path) = tree.path_to(to) {
                    let mut path = root[..i].to_vec();
                    path.extend(spur_path);
                    if let Some((cost, _)) = self.walk(&path) {
                        if !found.iter().any(|(_, p)| *p == path) {
                            let index = candidates.entry((cost, path)).or_insert(i);
                            *index = (*index).min(i);
                        }
                    }
                }
            }
            match candidates.pop_first() {
                Some((next, index)) => {
                    found.push(next);
                    from_index = index;
                }
                None => break,
            }
        }
        found
    }

    /// The best route to every role reachable from `from` (but `from`).
    fn best_routes(&self, tree: &Tree, from: NodeIndex, today: Date) -> BTreeMap<NodeIndex, Route> {
        let mut best = BTreeMap::new();
        for &n in tree.best.keys() {
            if let Some(path) = tree.path_to(n).filter(|_| n != from) {
                best.insert(n, self.route(&path, today));
            }
        }
        best
    }

    /// The `k` best routes from `from` to `goal`, or why there are none. The
    /// first is the one `tree` (a search from `from`) has, when given.
    fn goal_routes(
        &self,
        from: NodeIndex,
        goal: &str,
        k: usize,
        tree: Option<&Tree>,
        today: Date,
    ) -> GoalRoutes {
        let answer = |routes, blocked| GoalRoutes {
            goal: goal.to_string(),
            routes,
            blocked,
        };
        let Some(to) = self.ladder.node(goal) else {
            return answer(Vec::new(), None);
        };
        if from == to {
            return answer(Vec::new(), None);
        }
        let first = if !self.profile.allows(self.ladder.role_at(to)) {
            None
        } else if let Some(tree) = tree {
            tree.path_to(to)
        } else {
            let start = Start {
                node: from,
                achieved: self.start(from, false),
                first: true,
            };
            self.search(start, Some(to), &BTreeSet::new(), &BTreeSet::new(), None)
                .path_to(to)
        };
        match first {
            Some(first) => {
                let routes = self
                    .k_cheapest(first, k.max(1))
                    .iter()
                    .map(|(_, p)| self.route(p, today))
                    .collect();
                answer(routes, None)
            }
            None => answer(Vec::new(), Some(blocked(self, from, to))),
        }
    }
}

/// Whether `to` can be reached from `from` through roles `profile` allows.
fn reaches(ladder: &Ladder, profile: &Profile, from: NodeIndex, to: NodeIndex) -> bool {
    if !profile.allows(ladder.role_at(to)) {
        return false;
    }
    let mut seen = sort::set_of([from]);
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        for step in ladder.outgoing(n) {
            if profile.allows(step.to) && seen.insert(step.to_node) {
                queue.push_back(step.to_node);
            }
        }
    }
    seen.contains(&to)
}

// ---------------------------------------------------------------------------
// The answers.

/// The `k` best routes from the profile's role to `goal`, or why there are none.
pub fn routes(ladder: &Ladder, profile: &Profile, goal: &str, k: usize, today: Date) -> GoalRoutes {
    let Some(from) = ladder.node(&profile.current_role) else {
        return GoalRoutes {
            goal: goal.to_string(),
            routes: Vec::new(),
            blocked: None,
        };
    };
    Model::new(ladder, profile).goal_routes(from, goal, k, None, today)
}

fn blocked(model: &Model<'_>, from: NodeIndex, to: NodeIndex) -> Blocked {
    let (ladder, profile) = (model.ladder, model.profile);
    let wishes = profile.wishes();
    let mut blocking: Vec<Wish> = wishes
        .iter()
        .copied()
        .filter(|&w| reaches(ladder, &profile.without(w), from, to))
        .collect();
    let free = Profile {
        no_management: false,
        min_practice: None,
        ..profile.clone()
    };
    if blocking.is_empty() && reaches(ladder, &free, from, to) {
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
    let tree = model.reachable(from);
    let alternative = tree
        .best
        .keys()
        .filter_map(|&n| Some((n, tree.cost(n)?)))
        .filter(|&(n, _)| n != from)
        .filter(|&(n, _)| {
            let role = ladder.role_at(n);
            overlap(role) > 0 || role.scale.max > current.scale.max
        })
        .max_by_key(|&(n, cost)| {
            let role = ladder.role_at(n);
            let scale_gap = goal.scale.max.abs_diff(role.scale.max);
            (overlap(role), Reverse(scale_gap), Reverse(cost), Reverse(n))
        })
        .map(|(n, _)| n);
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

/// Every role reachable within the wishes, ranked as [`RankedBy::of`] the
/// profile says: with wished tracks by fit with them, then pay, then
/// effort; without, by closeness to the current role.
pub fn ranked_targets(ladder: &Ladder, profile: &Profile, today: Date) -> Vec<Target> {
    let Some(from) = ladder.node(&profile.current_role) else {
        return Vec::new();
    };
    let model = Model::new(ladder, profile);
    let best = model.best_routes(&model.reachable(from), from, today);
    targets(&model, from, &best)
}

/// Where a level step ranks by closeness: one up first, then the same
/// level, then two or more up, then down.
fn level_rank(from: crate::ladder::Level, to: crate::ladder::Level) -> u8 {
    match to as i8 - from as i8 {
        1 => 0,
        0 => 1,
        d if d > 1 => 2,
        _ => 3,
    }
}

fn targets(model: &Model<'_>, from: NodeIndex, best: &BTreeMap<NodeIndex, Route>) -> Vec<Target> {
    let (ladder, profile) = (model.ladder, model.profile);
    let current = ladder.role_at(from);
    let wished: BTreeSet<Track> = sort::set_of(profile.wished_tracks.iter().copied());
    let by_wishes = !wished.is_empty();
    let mut targets: Vec<(Target, NodeIndex)> = best
        .iter()
        .map(|(&n, route)| {
            let role = ladder.role_at(n);
            let fit: u32 = if by_wishes {
                wished
                    .iter()
                    .map(|&t| u32::from(role.mix.share(t)))
                    .sum::<u32>()
                    .min(100)
            } else {
                Track::ALL
                    .iter()
                    .map(|&t| u32::from(role.mix.share(t).min(current.mix.share(t))))
                    .sum::<u32>()
                    .min(100)
            };
            let scale_gain = i32::from(role.scale.max) - i32::from(current.scale.max);
            let score = if by_wishes {
                i64::from(fit) * 3 + i64::from(scale_gain) * 20 - i64::from(route.months) / 2
            } else {
                -i64::from(route.months)
            };
            let target = Target {
                role: role.id.clone(),
                fit: fit as u8,
                scale_gain,
                months: route.months,
                score,
            };
            (target, n)
        })
        .collect();
    let closeness = |n: NodeIndex| {
        let role = ladder.role_at(n);
        (
            level_rank(current.level, role.level),
            role.mix.primary() != current.mix.primary(),
        )
    };
    sort::sort_by(&mut targets, |(a, an), (b, bn)| {
        let order = b.score.cmp(&a.score);
        let order = if by_wishes {
            order
        } else {
            order.then_with(|| closeness(*an).cmp(&closeness(*bn)))
        };
        order.then(an.cmp(bn))
    });
    targets.into_iter().map(|(t, _)| t).collect()
}

/// Roles whose best route (the one [`ranked_targets`] and [`routes`] give)
/// takes at most `moves` moves, within the wishes, grouped by their largest
/// track (tracks in lane order), nearest first.
pub fn next_steps(ladder: &Ladder, profile: &Profile, moves: usize, today: Date) -> Vec<NextGroup> {
    let Some(from) = ladder.node(&profile.current_role) else {
        return Vec::new();
    };
    let model = Model::new(ladder, profile);
    let best = model.best_routes(&model.reachable(from), from, today);
    next_groups(ladder, &best, moves)
}

fn next_groups(ladder: &Ladder, best: &BTreeMap<NodeIndex, Route>, moves: usize) -> Vec<NextGroup> {
    let mut groups: BTreeMap<Track, Vec<NextStep>> = BTreeMap::new();
    for (&n, route) in best {
        if route.steps.len() > moves {
            continue;
        }
        let role = ladder.role_at(n);
        groups
            .entry(role.mix.primary())
            .or_default()
            .push(NextStep {
                role: role.id.clone(),
                moves: route.steps.len(),
                route: route.clone(),
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
