//! The grouping solver: people into groups of `min..=max` members who all
//! share a working day and hold no forbidden pair, as many people placed as
//! possible and then the highest total of the pairs' scores.
//!
//! An iterated local search: each run builds groups per shared day from a
//! seeded order, then improves them with moves (one person to another
//! group) and swaps (two people trade groups, a person left out among
//! them) until none helps, and then, many times over, makes a few random
//! swaps and improves again, keeping the result when it is no worse. The
//! runs differ in their seeds and in how many groups a day starts with;
//! the best run wins. Everything is integer, and the seeds come from a
//! fixed generator over the run's number, so the same problem gives the
//! same groups on every platform.
//!
//! Work is counted, never timed: the number of runs and rounds follows from
//! the number of people, so a result never depends on the machine.

use std::collections::BTreeMap;

/// A forbidden pair's score: far below anything real, so that a group with
/// one is never better than one without, and a move that makes one is
/// recognised by its score alone.
pub(crate) const FORBIDDEN: i64 = -(1 << 52);

/// What a person left out costs: more than any total of real scores can
/// make up (a pair's score is at most 68,000 and a person has at most 9
/// partners), so placing one more person always comes first.
pub(crate) const LEFT_OUT: i64 = 1 << 44;

/// A problem as the solver sees it: people `0..n`, their working days as
/// bit sets, and every pair's score (forbidden pairs [`FORBIDDEN`]).
#[derive(Clone, Debug)]
pub(crate) struct Instance {
    /// How many people.
    pub n: usize,
    /// Fewest members of a group.
    pub min: usize,
    /// Most members of a group.
    pub max: usize,
    /// Each person's working days (bit `d` for day `d`, Monday 0).
    pub days: Vec<u8>,
    /// `n × n`, symmetric, zero on the diagonal.
    pub score: Vec<i64>,
}

impl Instance {
    fn s(&self, p: usize, q: usize) -> i64 {
        self.score[p * self.n + q]
    }

    /// Whether `p` and `q` may be in one group (as far as the two of them go).
    pub(crate) fn allowed(&self, p: usize, q: usize) -> bool {
        self.s(p, q) > FORBIDDEN / 2
    }

    /// The total of a grouping (groups' pairs only), and whether it is
    /// valid: sizes, a shared day, no forbidden pair, everyone at most once.
    pub(crate) fn total(&self, groups: &[Vec<usize>]) -> (i64, bool) {
        let mut seen = vec![false; self.n];
        let mut valid = true;
        let mut total = 0;
        for g in groups {
            valid &= (self.min..=self.max).contains(&g.len());
            valid &= g.iter().fold(0x7f, |m, &p| m & self.days[p]) != 0;
            for (i, &p) in g.iter().enumerate() {
                valid &= p < self.n && !std::mem::replace(&mut seen[p], true);
                for &q in &g[i + 1..] {
                    valid &= self.allowed(p, q);
                    total += self.s(p, q);
                }
            }
        }
        (total, valid)
    }
}

/// The solver's answer: the groups (people in increasing order, groups by
/// their first member) and who is left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Solution {
    pub groups: Vec<Vec<usize>>,
    pub left_out: Vec<usize>,
}

/// How hard to search: runs, and rounds of perturbation per run.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Effort {
    pub runs: usize,
    pub rounds: usize,
}

impl Effort {
    /// The effort for `n` people: many rounds on small problems (where
    /// they are cheap and the last points count), fewer on large ones,
    /// where a round costs more and gains less (at 500 people, 300 rounds
    /// a run come within 0.2 % of 6,000).
    pub(crate) fn for_people(n: usize) -> Effort {
        Effort {
            runs: match n {
                0..=200 => 10,
                201..=600 => 6,
                _ => 3,
            },
            rounds: if n <= 100 {
                (n * 40).clamp(300, 2_000)
            } else {
                (150_000 / n).clamp(200, 2_000)
            },
        }
    }
}

/// SplitMix64: the fixed generator the seeded orders come from.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Puts `items` in a seeded order (Fisher–Yates).
fn shuffle<T>(items: &mut [T], rng: &mut Mix) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

/// Solves `inst` with the effort its size calls for.
pub(crate) fn solve(inst: &Instance) -> Solution {
    solve_with(inst, Effort::for_people(inst.n))
}

/// Solves `inst` with the given effort: the best of `effort.runs` runs.
pub(crate) fn solve_with(inst: &Instance, effort: Effort) -> Solution {
    let mut best: Option<(i64, Vec<usize>, usize)> = None;
    if inst.n == 0 || inst.min > inst.max || inst.min == 0 {
        return Solution {
            groups: Vec::new(),
            left_out: (0..inst.n).collect(),
        };
    }
    for run in 0..effort.runs.max(1) {
        let mut rng = Mix(0x1d7e_5b1e_u64 ^ (run as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
        let days = match run % 4 {
            0 => Homes::Busiest,
            1 => Homes::Any,
            _ => Homes::Near,
        };
        let extra = usize::from(run % 3 == 2);
        let (of, g) = construct(inst, &mut rng, days, extra);
        let mut state = State::build(inst, of, g);
        state.repair();
        let found = state.search(&mut rng, effort.rounds);
        if best.as_ref().is_none_or(|b| found.0 > b.0) {
            best = Some(found);
        }
    }
    let Some((_, of, g)) = best else {
        return Solution::default();
    };
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); g];
    let mut left_out = Vec::new();
    for (p, &k) in of.iter().enumerate() {
        if k < g {
            groups[k].push(p);
        } else {
            left_out.push(p);
        }
    }
    groups.retain(|m| !m.is_empty());
    groups.sort_unstable();
    Solution { groups, left_out }
}

/// How a run gives each person a home day among their working days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Homes {
    /// The day most others chose so far: few, full days.
    Busiest,
    /// The busiest day give or take a little seeded noise.
    Near,
    /// Any of their days, by the seed.
    Any,
}

/// The first grouping of a run: each person a home day among their
/// working days (people with fewer days first, in a seeded order; see
/// [`Homes`]), each day's people in as few groups as the sizes allow
/// (`extra` more when the day has people enough), people placed one by one
/// where they add most. Returns each person's group, where the number of
/// groups stands for "left out", and that number.
fn construct(inst: &Instance, rng: &mut Mix, homes: Homes, extra: usize) -> (Vec<usize>, usize) {
    let n = inst.n;
    let keys: Vec<u64> = (0..n).map(|_| rng.next()).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by_key(|&p| (inst.days[p].count_ones(), keys[p]));
    let mut count = [0usize; 7];
    let mut home = vec![0usize; n];
    for &p in &order {
        let d = (0..7)
            .filter(|&d| inst.days[p] & (1 << d) != 0)
            .max_by_key(|&d| {
                let jitter = match homes {
                    Homes::Busiest => 0,
                    Homes::Near => rng.below(3),
                    Homes::Any => rng.below(1 << 16),
                };
                let busy = if homes == Homes::Any { 0 } else { count[d] };
                (busy + jitter, std::cmp::Reverse(d))
            })
            .unwrap_or(0);
        home[p] = d;
        count[d] += 1;
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    for d in 0..7 {
        let people: Vec<usize> = order.iter().copied().filter(|&p| home[p] == d).collect();
        let m = people.len();
        if m < inst.min {
            pending.extend(people);
            continue;
        }
        let k = (m.div_ceil(inst.max) + extra).min(m / inst.min).max(1);
        let first = groups.len();
        groups.extend((0..k).map(|_| Vec::new()));
        let mut left = people.len();
        for p in people {
            // Room still needed to bring every group of the day to `min`.
            let short: usize = groups[first..]
                .iter()
                .map(|g| inst.min.saturating_sub(g.len()))
                .sum();
            let must_fill = left <= short;
            left -= 1;
            let best = (first..groups.len())
                .filter(|&g| groups[g].len() < inst.max)
                .filter(|&g| !must_fill || groups[g].len() < inst.min)
                .filter(|&g| groups[g].iter().all(|&q| inst.allowed(p, q)))
                .max_by_key(|&g| {
                    let gain: i64 = groups[g].iter().map(|&q| inst.s(p, q)).sum();
                    // Empty groups first, so each gets a first member.
                    (groups[g].is_empty(), gain, std::cmp::Reverse(g))
                });
            match best {
                Some(g) => groups[g].push(p),
                None => pending.push(p),
            }
        }
    }
    // Groups that stayed too small give their people back.
    for g in &mut groups {
        if g.len() < inst.min {
            pending.append(g);
        }
    }
    groups.retain(|g| !g.is_empty());
    // The others go where there is room, a shared day and no forbidden pair.
    let mut of = vec![0; n];
    for (k, g) in groups.iter().enumerate() {
        for &p in g {
            of[p] = k;
        }
    }
    let total = groups.len();
    for p in pending {
        let mask = |g: &Vec<usize>| g.iter().fold(0x7f, |m, &q| m & inst.days[q]);
        let best = (0..total)
            .filter(|&g| groups[g].len() < inst.max && mask(&groups[g]) & inst.days[p] != 0)
            .filter(|&g| groups[g].iter().all(|&q| inst.allowed(p, q)))
            .max_by_key(|&g| {
                let gain: i64 = groups[g].iter().map(|&q| inst.s(p, q)).sum();
                (gain, std::cmp::Reverse(g))
            });
        match best {
            Some(g) => {
                groups[g].push(p);
                of[p] = g;
            }
            None => of[p] = total,
        }
    }
    (of, total)
}

/// A grouping being improved: who is where, and for every person the sum
/// of their scores with each group's members, so that any move or swap is
/// judged in constant time.
struct State<'a> {
    inst: &'a Instance,
    /// Number of groups; group `g` is "left out".
    g: usize,
    /// Each person's group.
    of: Vec<usize>,
    /// Each group's members (the last: left out).
    members: Vec<Vec<usize>>,
    /// `sum[k * n + p]`: p's scores with the members of group k (by
    /// group, so that a move updates two runs of memory and a scan over
    /// people reads one).
    sum: Vec<i64>,
    /// Each person's [`State::gain`] where they are.
    own: Vec<i64>,
    /// Each group's shared days.
    mask: Vec<u8>,
    /// Each person's group's shared days without them.
    without: Vec<u8>,
    /// Total score minus [`LEFT_OUT`] per person left out.
    value: i64,
    /// Moves made since [`State::mark`] (person, group before), to undo.
    log: Vec<(usize, usize)>,
    /// People whose moves are worth looking at again.
    queue: Vec<usize>,
    queued: Vec<bool>,
}

const ALL_DAYS: u8 = 0x7f;

/// Up to how many people three-way exchanges are tried.
const CYCLES: usize = 150;

impl<'a> State<'a> {
    /// The state of a grouping: `of[p]` is p's group, `g` (the number of
    /// groups) for left out.
    fn build(inst: &'a Instance, of: Vec<usize>, g: usize) -> State<'a> {
        let n = inst.n;
        let mut members = vec![Vec::new(); g + 1];
        for (p, &k) in of.iter().enumerate() {
            members[k].push(p);
        }
        let width = g + 1;
        let mut sum = vec![0i64; n * width];
        for q in 0..n {
            let column = &mut sum[of[q] * n..(of[q] + 1) * n];
            for (p, total) in column.iter_mut().enumerate() {
                *total += inst.s(p, q);
            }
        }
        let mut state = State {
            inst,
            g,
            of,
            members,
            sum,
            own: vec![0; n],
            mask: vec![ALL_DAYS; width],
            without: vec![ALL_DAYS; n],
            value: 0,
            log: Vec::new(),
            queue: Vec::new(),
            queued: vec![false; n],
        };
        for k in 0..width {
            state.refresh(k);
        }
        state.value = state.recount();
        state
    }

    /// The value computed from scratch.
    fn recount(&self) -> i64 {
        let groups = &self.members[..self.g];
        let (total, _) = self.inst.total(groups);
        total - LEFT_OUT * self.members[self.g].len() as i64
    }

    fn at(&self, p: usize, k: usize) -> i64 {
        self.sum[k * self.inst.n + p]
    }

    /// What `p` adds where it is, or would add in group `k` (left out: the
    /// cost of that).
    fn gain(&self, p: usize, k: usize) -> i64 {
        if k == self.g {
            -LEFT_OUT
        } else {
            self.at(p, k)
        }
    }

    /// Recomputes a group's shared days and each member's days without them.
    fn refresh(&mut self, k: usize) {
        let list = std::mem::take(&mut self.members[k]);
        if k == self.g {
            for &p in &list {
                self.without[p] = ALL_DAYS;
                self.own[p] = -LEFT_OUT;
            }
            self.members[k] = list;
            return;
        }
        // Groups are small: each member's "without" by a pass over the others.
        let days = &self.inst.days;
        let mut all = ALL_DAYS;
        for (i, &p) in list.iter().enumerate() {
            all &= days[p];
            let others = list
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .fold(ALL_DAYS, |m, (_, &q)| m & days[q]);
            self.without[p] = others;
            self.own[p] = self.sum[k * self.inst.n + p];
        }
        self.mask[k] = all;
        self.members[k] = list;
    }

    fn push(&mut self, p: usize) {
        if !std::mem::replace(&mut self.queued[p], true) {
            self.queue.push(p);
        }
    }

    /// Moves `p` to group `to`, keeping sums, days and value exact.
    fn shift(&mut self, p: usize, to: usize) {
        let from = self.of[p];
        if from == to {
            return;
        }
        self.value += self.gain(p, to) - self.gain(p, from);
        self.log.push((p, from));
        let n = self.inst.n;
        let row = &self.inst.score[p * n..(p + 1) * n];
        for (total, &s) in self.sum[from * n..(from + 1) * n].iter_mut().zip(row) {
            *total -= s;
        }
        for (total, &s) in self.sum[to * n..(to + 1) * n].iter_mut().zip(row) {
            *total += s;
        }
        if let Some(i) = self.members[from].iter().position(|&q| q == p) {
            self.members[from].swap_remove(i);
        }
        self.members[to].push(p);
        self.of[p] = to;
        self.refresh(from);
        self.refresh(to);
    }

    /// Whether `p` may join group `k` as it is (room, a shared day; a
    /// forbidden pair shows in the score).
    fn fits(&self, p: usize, k: usize) -> bool {
        k == self.g
            || (self.members[k].len() < self.inst.max && self.mask[k] & self.inst.days[p] != 0)
    }

    /// Whether `p` may leave its group.
    fn may_leave(&self, p: usize) -> bool {
        let k = self.of[p];
        k == self.g || self.members[k].len() > self.inst.min
    }

    /// The gain of moving `p` to `k` (not checked for feasibility).
    fn move_delta(&self, p: usize, k: usize) -> i64 {
        self.gain(p, k) - self.own[p]
    }

    /// Whether `p` and `q` (in different groups) may trade places: each
    /// shares a day with the other's group without the other.
    fn may_swap(&self, p: usize, q: usize) -> bool {
        let (a, b) = (self.of[p], self.of[q]);
        let days = &self.inst.days;
        a != b
            && (b == self.g || days[p] & self.without[q] != 0)
            && (a == self.g || days[q] & self.without[p] != 0)
    }

    /// The gain of `p` and `q` trading places (not checked).
    fn swap_delta(&self, p: usize, q: usize) -> i64 {
        let (a, b) = (self.of[p], self.of[q]);
        let s = self.inst.s(p, q);
        let new_p = if b == self.g {
            -LEFT_OUT
        } else {
            self.at(p, b) - s
        };
        let new_q = if a == self.g {
            -LEFT_OUT
        } else {
            self.at(q, a) - s
        };
        new_p + new_q - self.own[p] - self.own[q]
    }

    /// After groups `touched` changed: everyone in them, and everyone who
    /// could now move into one of them with a gain, is looked at again.
    fn requeue(&mut self, touched: &[usize]) {
        for &k in touched {
            for i in 0..self.members[k].len() {
                let p = self.members[k][i];
                self.push(p);
            }
            if k < self.g && self.members[k].len() < self.inst.max {
                for p in 0..self.inst.n {
                    if self.of[p] != k
                        && self.move_delta(p, k) > 0
                        && self.fits(p, k)
                        && self.may_leave(p)
                    {
                        self.push(p);
                    }
                }
            }
        }
    }

    /// The best improving step for `p`: a move, a swap, or (left out) a
    /// swap that puts the one it replaces into a group with room.
    fn best_step(&self, p: usize) -> Option<(i64, Step)> {
        let mut best: Option<(i64, Step)> = None;
        let mut consider = |delta: i64, step: Step| {
            if delta > 0 && best.as_ref().is_none_or(|b| delta > b.0) {
                best = Some((delta, step));
            }
        };
        let a = self.of[p];
        if self.may_leave(p) {
            for k in 0..self.g {
                if k != a && self.fits(p, k) {
                    consider(self.move_delta(p, k), Step::Move(p, k));
                }
            }
        }
        // Swaps, the inner loop of the whole search: read straight from
        // p's row of scores, group a's run of sums and the own gains.
        let n = self.inst.n;
        let (days, g) = (&self.inst.days, self.g);
        let row = &self.inst.score[p * n..(p + 1) * n];
        let column = &self.sum[a * n..(a + 1) * n];
        let (mine, ours) = (days[p], self.without[p]);
        for q in 0..n {
            let b = self.of[q];
            if b == a || (b != g && mine & self.without[q] == 0) || (a != g && days[q] & ours == 0)
            {
                continue;
            }
            let s = row[q];
            let new_p = if b == g {
                -LEFT_OUT
            } else {
                self.sum[b * n + p] - s
            };
            let new_q = if a == g { -LEFT_OUT } else { column[q] - s };
            let delta = new_p + new_q - self.own[p] - self.own[q];
            if delta > 0 {
                consider(delta, Step::Swap(p, q));
            }
        }
        if a == self.g {
            // p in place of q, and q on to a group c with room.
            for q in 0..self.inst.n {
                let b = self.of[q];
                if b == self.g || self.inst.days[p] & self.without[q] == 0 {
                    continue;
                }
                let enter = self.at(p, b) - self.inst.s(p, q) - self.at(q, b) + LEFT_OUT;
                for c in 0..self.g {
                    if c != b && self.fits(q, c) {
                        consider(enter + self.at(q, c), Step::Chain(p, q, c));
                    }
                }
            }
        }
        best.filter(|(delta, _)| *delta > 0)
    }

    fn apply(&mut self, step: Step) {
        match step {
            Step::Move(p, k) => {
                let from = self.of[p];
                self.shift(p, k);
                self.requeue(&[from, k]);
            }
            Step::Swap(p, q) => {
                let (a, b) = (self.of[p], self.of[q]);
                self.shift(p, b);
                self.shift(q, a);
                self.requeue(&[a, b]);
            }
            Step::Chain(p, q, c) => {
                let b = self.of[q];
                self.shift(q, c);
                self.shift(p, b);
                self.requeue(&[b, c, self.g]);
            }
            Step::Cycle(p, q, r) => {
                let (a, b, c) = (self.of[p], self.of[q], self.of[r]);
                self.shift(p, b);
                self.shift(q, c);
                self.shift(r, a);
                self.requeue(&[a, b, c]);
            }
        }
    }

    /// Improves until no step helps the people in the queue.
    fn improve(&mut self) {
        while let Some(p) = self.queue.pop() {
            self.queued[p] = false;
            if let Some((_, step)) = self.best_step(p) {
                self.apply(step);
            }
        }
    }

    /// The best improving three-way exchange among people in groups: p
    /// takes q's place, q takes r's, r takes p's. Moves and swaps cannot
    /// make it when each of its halves breaks a rule or loses points.
    /// Looks at every triple: for small problems only.
    fn best_cycle(&self) -> Option<(i64, Step)> {
        let n = self.inst.n;
        let days = &self.inst.days;
        let s = |p: usize, q: usize| self.inst.s(p, q);
        let mut best: Option<(i64, Step)> = None;
        for p in 0..n {
            let a = self.of[p];
            if a == self.g {
                continue;
            }
            for q in 0..n {
                let b = self.of[q];
                if b == self.g || b == a || days[p] & self.without[q] == 0 {
                    continue;
                }
                let part = self.at(p, b) - s(p, q) - self.at(p, a) - self.at(q, b);
                if part <= FORBIDDEN / 2 {
                    continue;
                }
                for r in 0..n {
                    let c = self.of[r];
                    if c == self.g
                        || c == a
                        || c == b
                        || days[q] & self.without[r] == 0
                        || days[r] & self.without[p] == 0
                    {
                        continue;
                    }
                    let delta =
                        part + self.at(q, c) - s(q, r) + self.at(r, a) - s(r, p) - self.at(r, c);
                    if delta > 0 && best.as_ref().is_none_or(|b| delta > b.0) {
                        best = Some((delta, Step::Cycle(p, q, r)));
                    }
                }
            }
        }
        best
    }

    /// Improves by three-way exchanges (and the moves and swaps they
    /// open up) until none helps.
    fn polish(&mut self) {
        while let Some((_, step)) = self.best_cycle() {
            self.apply(step);
            self.improve();
        }
    }

    fn improve_all(&mut self) {
        for p in (0..self.inst.n).rev() {
            self.push(p);
        }
        self.improve();
    }

    /// Makes groups of people left out, where enough of them share a day
    /// (taking members from groups above `min` when that makes the
    /// numbers), and rebuilds the state with them.
    fn repair(&mut self) {
        self.repair_with(None);
    }

    /// [`State::repair`], trying days and first members in a seeded order
    /// when `rng` is given.
    fn repair_with(&mut self, mut rng: Option<&mut Mix>) {
        // As many new groups as there are before improving: an improvement
        // may take from those left out someone a further group needs.
        while self.add_group(rng.as_deref_mut()) {}
        loop {
            self.improve_all();
            if !self.add_group(rng.as_deref_mut()) {
                break;
            }
        }
    }

    /// Makes a new group ([`State::new_group`]) if there is one; whether
    /// there was.
    fn add_group(&mut self, rng: Option<&mut Mix>) -> bool {
        let Some(group) = self.new_group(rng) else {
            return false;
        };
        let g = self.g + 1;
        let mut of: Vec<usize> = self
            .of
            .iter()
            .map(|&k| if k == self.g { g } else { k })
            .collect();
        for &p in &group {
            of[p] = self.g;
        }
        *self = State::build(self.inst, of, g);
        true
    }

    /// A new group of people left out, and of members of groups above
    /// `min` (at most the surplus of each), who share a day and hold no
    /// forbidden pair. For each day, each person left out who works it is
    /// tried as the first member, the others added greedily (those with
    /// the fewest forbidden pairs among the candidates first); the first
    /// group that reaches `min` is taken. With `rng`, days and first
    /// members are tried in a seeded order.
    fn new_group(&self, mut rng: Option<&mut Mix>) -> Option<Vec<usize>> {
        let inst = self.inst;
        let out = &self.members[self.g];
        let mut days: Vec<usize> = (0..7).collect();
        if let Some(rng) = rng.as_deref_mut() {
            shuffle(&mut days, rng);
        }
        for d in days {
            let bit = 1u8 << d;
            let mut seeds: Vec<usize> = out
                .iter()
                .copied()
                .filter(|&p| inst.days[p] & bit != 0)
                .collect();
            if let Some(rng) = rng.as_deref_mut() {
                shuffle(&mut seeds, rng);
            }
            if seeds.is_empty() {
                continue;
            }
            // Candidates: the people left out first, then group members
            // whose group can spare them.
            let spare: Vec<usize> = (0..inst.n)
                .filter(|&p| {
                    let k = self.of[p];
                    k < self.g && inst.days[p] & bit != 0 && self.members[k].len() > inst.min
                })
                .collect();
            let mut candidates: Vec<usize> = seeds.iter().chain(&spare).copied().collect();
            let conflicts = |p: usize| candidates.iter().filter(|&&q| !inst.allowed(p, q)).count();
            let order: Vec<(usize, usize)> =
                candidates.iter().map(|&p| (conflicts(p), p)).collect();
            let rank: BTreeMap<usize, usize> = order.iter().map(|&(c, p)| (p, c)).collect();
            // With a seed, half the time in a random order instead (the
            // fewest conflicts first is not always what fits).
            let mut random = false;
            if let Some(rng) = rng.as_deref_mut() {
                if rng.below(2) == 0 {
                    shuffle(&mut candidates, rng);
                    random = true;
                }
            }
            crate::sort::sort_by_key(&mut candidates, |&p| {
                let conflicts = if random { 0 } else { rank[&p] };
                (self.of[p] != self.g, conflicts)
            });
            for &seed in &seeds {
                let mut group = vec![seed];
                let mut taken = vec![0usize; self.g];
                for &p in &candidates {
                    if group.len() >= inst.max {
                        break;
                    }
                    let k = self.of[p];
                    let free = k == self.g || self.members[k].len() - taken[k] > inst.min;
                    if p != seed && free && group.iter().all(|&q| inst.allowed(p, q)) {
                        if k < self.g {
                            taken[k] += 1;
                        }
                        group.push(p);
                    }
                }
                if group.len() >= inst.min {
                    return Some(group);
                }
            }
        }
        None
    }

    /// Breaks up one to three random groups (their members left out),
    /// makes new groups of the people left out in a seeded order and
    /// improves; goes back when that is worse. Reaches groupings that
    /// moves and swaps cannot, where groups have to give way to others.
    fn kick(&mut self, rng: &mut Mix) {
        if self.g == 0 {
            return;
        }
        let saved = (self.value, self.of.clone(), self.g);
        let mut broken = vec![false; self.g + 1];
        broken[self.g] = true;
        for _ in 0..=rng.below(self.g.min(3)) {
            broken[rng.below(self.g)] = true;
        }
        // Groups kept are numbered again from 0; the rest are left out.
        let mut number = vec![0; self.g + 1];
        let mut g = 0;
        for k in 0..self.g {
            if !broken[k] {
                number[k] = g;
                g += 1;
            }
        }
        let of: Vec<usize> = self
            .of
            .iter()
            .map(|&x| if broken[x] { g } else { number[x] })
            .collect();
        *self = State::build(self.inst, of, g);
        // Half the time the others first take in whom they have room for,
        // which can leave one group fewer; otherwise new groups first.
        if rng.below(2) == 0 {
            self.improve_all();
        }
        self.repair_with(Some(rng));
        if self.value < saved.0 {
            *self = State::build(self.inst, saved.1, saved.2);
        }
    }

    /// Starts recording moves, to keep or undo.
    fn mark(&mut self) {
        self.log.clear();
    }

    /// Undoes the moves since [`State::mark`].
    fn undo(&mut self) {
        let log = std::mem::take(&mut self.log);
        for &(p, from) in log.iter().rev() {
            self.shift(p, from);
        }
        self.log.clear();
        self.queue.clear();
        self.queued.iter_mut().for_each(|q| *q = false);
    }

    /// A few random swaps (and moves where sizes allow) regardless of
    /// their gain, never making a forbidden pair or losing a shared day.
    fn perturb(&mut self, rng: &mut Mix, steps: usize) {
        let n = self.inst.n;
        let mut done = 0;
        for _ in 0..steps * 20 {
            if done == steps {
                break;
            }
            // Now and then someone left out, who may take another's place.
            let out = &self.members[self.g];
            let p = if !out.is_empty() && rng.below(3) == 0 {
                out[rng.below(out.len())]
            } else {
                rng.below(n)
            };
            let q = rng.below(n);
            let (a, b) = (self.of[p], self.of[q]);
            if a == b || b == self.g {
                continue;
            }
            if a != self.g && rng.below(4) == 0 && self.may_leave(p) && self.fits(p, b) {
                if self.move_delta(p, b) > FORBIDDEN / 2 {
                    self.shift(p, b);
                    self.requeue(&[a, b]);
                    done += 1;
                }
            } else if self.may_swap(p, q) && self.swap_delta(p, q) > FORBIDDEN / 2 {
                self.shift(p, b);
                self.shift(q, a);
                self.requeue(&[a, b]);
                done += 1;
            }
        }
    }

    /// Improves, then perturbs and improves `rounds` times, keeping each
    /// result that is no worse; while people are left out, each round also
    /// looks for a new group among them. Returns the best value, grouping
    /// and number of groups seen.
    fn search(&mut self, rng: &mut Mix, rounds: usize) -> (i64, Vec<usize>, usize) {
        self.improve_all();
        let mut best = (self.value, self.of.clone(), self.g);
        if self.g == 0 || (self.g == 1 && self.members[self.g].is_empty()) {
            return best;
        }
        let mut since_best = 0;
        // Break-ups are dearer (the state is built again): rarer when large.
        let kicks = 6 + self.inst.n / 8;
        // Three-way exchanges look at every triple: every round on tiny
        // problems, every 64th up to CYCLES people, never beyond.
        let cycles_every = match self.inst.n {
            0..=12 => Some(1),
            n if n <= CYCLES => Some(64),
            _ => None,
        };
        for round in 0..rounds {
            if rng.below(kicks) == 0 {
                self.kick(rng);
            }
            let before = self.value;
            self.mark();
            let steps = 2 + rng.below(3);
            self.perturb(rng, steps);
            self.improve();
            if cycles_every.is_some_and(|every| round % every == 0) {
                self.polish();
            }
            if self.value < before {
                self.undo();
            } else if !self.members[self.g].is_empty() {
                self.repair();
            }
            if self.value > best.0 {
                best = (self.value, self.of.clone(), self.g);
                since_best = 0;
            } else {
                since_best += 1;
            }
            // Back to the best after a long walk without finding better.
            if since_best > rounds / 4 + 50 && self.value < best.0 {
                *self = State::build(self.inst, best.1.clone(), best.2);
                since_best = 0;
            }
        }
        debug_assert_eq!(self.value, self.recount());
        best
    }
}

/// A step of the local search.
#[derive(Clone, Copy, Debug)]
enum Step {
    /// Person to group.
    Move(usize, usize),
    /// Two people trade groups.
    Swap(usize, usize),
    /// A person left out takes the second's place, who moves to the third
    /// (a group).
    Chain(usize, usize, usize),
    /// The first takes the second's place, the second the third's, the
    /// third the first's.
    Cycle(usize, usize, usize),
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A random instance: days from Monday to Wednesday, some forbidden
    /// pairs, scores from −9 to 30.
    fn instance(n: usize, days: &[u8], scores: &[i64], min: usize, max: usize) -> Instance {
        let mut score = vec![0i64; n * n];
        let mut k = 0;
        for p in 0..n {
            for q in p + 1..n {
                let s = if scores[k] == -10 {
                    FORBIDDEN
                } else {
                    scores[k]
                };
                score[p * n + q] = s;
                score[q * n + p] = s;
                k += 1;
            }
        }
        Instance {
            n,
            min,
            max,
            days: days.to_vec(),
            score,
        }
    }

    proptest! {
        /// Moves and undo keep every sum, gain, shared day and the value
        /// what building the state from scratch gives.
        #[test]
        fn the_incremental_state_stays_exact(
            n in 4usize..14,
            seed in any::<u64>(),
            days in prop::collection::vec(1u8..8, 14),
            scores in prop::collection::vec(-10i64..30, 14 * 13 / 2),
        ) {
            let inst = instance(n, &days[..n], &scores, 2, 4);
            let mut rng = Mix(seed);
            let g = 3;
            let of: Vec<usize> = (0..n).map(|_| rng.below(g + 1)).collect();
            let mut state = State::build(&inst, of, g);
            let same = |a: &State, b: &State| {
                a.value == b.value && a.sum == b.sum && a.own == b.own && a.mask == b.mask
                    && a.without == b.without && a.of == b.of
            };
            for round in 0..40 {
                if round % 10 == 0 {
                    state.mark();
                }
                let (p, k) = (rng.below(n), rng.below(g + 1));
                state.shift(p, k);
                let fresh = State::build(&inst, state.of.clone(), g);
                prop_assert!(same(&state, &fresh), "after moving {p} to {k}");
                if round % 10 == 9 {
                    state.undo();
                    let fresh = State::build(&inst, state.of.clone(), g);
                    prop_assert!(same(&state, &fresh), "after undo");
                }
            }
        }

        /// Every solution is valid: sizes, a shared day, no forbidden pair,
        /// everyone once; and the same instance gives the same solution.
        #[test]
        fn solutions_are_valid_and_deterministic(
            n in 0usize..16,
            days in prop::collection::vec(1u8..8, 16),
            scores in prop::collection::vec(-10i64..30, 16 * 15 / 2),
            min in 2usize..4,
            extra in 0usize..3,
        ) {
            let inst = instance(n, &days[..n], &scores, min, min + extra);
            let effort = Effort { runs: 3, rounds: 100 };
            let solution = solve_with(&inst, effort);
            let (_, valid) = inst.total(&solution.groups);
            prop_assert!(valid, "{solution:?}");
            let placed: usize = solution.groups.iter().map(Vec::len).sum();
            prop_assert_eq!(placed + solution.left_out.len(), n);
            prop_assert_eq!(solve_with(&inst, effort), solution);
        }
    }
}
