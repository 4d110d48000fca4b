//! The exact solver behind [`super::assign`].
//!
//! The problem is a min-cost flow: source → mentee (capacity 1) → mentor
//! (one arc per eligible pair, cost −score) → sink (one arc per free slot,
//! cost −bonus of that slot). The bonus falls as a mentor's load rises, so
//! the slot costs are convex and the cheapest free slot is always the next
//! one: a mentor's slots need no arcs of their own, only a count.
//!
//! 1. [`max_cardinality`] (Hopcroft–Karp with capacities) finds how many
//!    mentees can be matched at most: the flow value.
//! 2. [`CostScaling`] (Goldberg's cost-scaling push–relabel) finds the
//!    cheapest flow of that value. Costs are multiplied by 16 × (nodes + 1),
//!    so a flow with no reduced cost below −16 is exactly optimal.
//! 3. When most mentees could go to most mentors (256 or more eligible pairs
//!    per mentee on average), [`sparse`] runs the same phases over a subset
//!    of the pairs that grows: each mentee's and mentor's best pairs by
//!    score first, and after every phase the pairs left out whose reduced
//!    cost says that phase's flow is wrong. It stops only when no pair left
//!    out could improve the flow, so the answer is as exact as over all
//!    pairs; at 10,000 × 5,000 the subset ends at about 5% of the pairs.
//!
//! The residual network is implicit (a flag per pair, a count per mentor),
//! so memory is about 9 bytes per eligible pair (4 for the mentor, 4 for
//! the score, 1 for the flow or the subset's mark). Everything is integer and
//! processed in a fixed order: the same input gives the same pairs on every
//! platform.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// Sentinel: no mentor.
pub(super) const NONE: u32 = u32::MAX;

/// The eligible pairs in compressed rows: mentee `i`'s pairs are
/// `mentor[start[i]..start[i + 1]]` with the matching `score`s, mentors in
/// increasing order.
#[derive(Debug, Clone)]
pub(super) struct Edges {
    pub start: Vec<usize>,
    pub mentor: Vec<u32>,
    pub score: Vec<i32>,
}

impl Edges {
    pub fn mentees(&self) -> usize {
        self.start.len() - 1
    }

    pub fn of(&self, i: usize) -> impl Iterator<Item = (usize, i64)> + '_ {
        let range = self.start[i]..self.start[i + 1];
        self.mentor[range.clone()]
            .iter()
            .zip(&self.score[range])
            .map(|(&j, &s)| (j as usize, i64::from(s)))
    }

    pub fn len(&self) -> usize {
        self.mentor.len()
    }
}

/// Mentors' slots: load already taken (kept pairs), capacity, and the bonus
/// of a mentor's k-th mentee (`bonus[k]`, non-increasing in k).
#[derive(Debug)]
pub(super) struct Slots {
    pub load: Vec<u32>,
    pub capacity: Vec<u32>,
    pub bonus: Vec<i64>,
}

impl Slots {
    fn free(&self, j: usize) -> u32 {
        self.capacity[j].saturating_sub(self.load[j])
    }
}

/// For each mentee, the chosen mentor (or none): as many mentees as
/// possible, then the highest total of scores and slot bonuses.
pub(super) fn solve(edges: &Edges, slots: &Slots) -> Vec<Option<usize>> {
    let n = edges.mentees();
    let free: Vec<u32> = (0..slots.load.len()).map(|j| slots.free(j)).collect();
    let first = max_cardinality(edges, &free);
    let target = first.iter().filter(|&&j| j != NONE).count();
    if target == 0 {
        return vec![None; n];
    }
    if edges.len() < SPARSE_FROM * n {
        let mut flow = CostScaling::new(Cow::Borrowed(edges), slots, target);
        flow.run();
        return flow.mentors();
    }
    sparse(edges, slots, target, &first, Tuning::DEFAULT)
}

/// From this many eligible pairs per mentee on, [`sparse`] solves the
/// problem over a growing subset of the pairs.
const SPARSE_FROM: usize = 256;

/// How much ε falls per phase.
const ALPHA: i64 = 8;

/// The price rounding an exact answer tolerates. Costs are scaled by
/// `SLACK` × (nodes + 1), so a flow on which no residual arc has a reduced
/// cost below −`SLACK` is exact: a cycle of at most `nodes` arcs cannot gain
/// a whole unit of the original costs.
const SLACK: i64 = 16;

/// How [`sparse`] grows its subset of pairs.
#[derive(Debug, Clone, Copy)]
struct Tuning {
    /// Each mentee's best pairs by score to start with …
    per_mentee: usize,
    /// … and each mentor's, so no mentor is left out at first (its price
    /// would say it is free for everyone).
    per_mentor: usize,
    /// After each phase, at most this many of a mentee's pairs left out
    /// that the phase's prices want, the most wanted first.
    added: usize,
}

impl Tuning {
    /// Measured on the synthetic rosters (BENCHMARKS.md).
    const DEFAULT: Tuning = Tuning {
        per_mentee: 48,
        per_mentor: 16,
        added: 64,
    };
}

/// Cost scaling over a subset of the pairs that grows until no pair left
/// out could improve the flow, so the result is exactly [`CostScaling`]'s
/// optimum over all pairs. When most mentees could go to most mentors, the
/// optimum uses only a few percent of the pairs (about 5% at 10,000 ×
/// 5,000): each phase solves the subset, then looks at every pair once
/// and brings in the ones whose reduced cost says the phase got them
/// wrong, and finishes the phase on those.
fn sparse(
    edges: &Edges,
    slots: &Slots,
    target: usize,
    first: &[u32],
    tuning: Tuning,
) -> Vec<Option<usize>> {
    let n = edges.mentees();
    let mut keep = vec![false; edges.len()];
    let mut order: Vec<(i64, u32)> = Vec::new();
    for (i, &matched) in first.iter().enumerate() {
        let (a, b) = (edges.start[i], edges.start[i + 1]);
        if b - a <= tuning.per_mentee {
            keep[a..b].iter_mut().for_each(|k| *k = true);
        } else if tuning.per_mentee > 0 {
            order.clear();
            order.extend((a..b).map(|e| (-i64::from(edges.score[e]), e as u32)));
            order.select_nth_unstable(tuning.per_mentee - 1);
            for &(_, e) in &order[..tuning.per_mentee] {
                keep[e as usize] = true;
            }
        }
        // The maximum matching's pair: the subset can carry the target flow.
        if matched != NONE {
            let at = edges.mentor[a..b]
                .binary_search(&matched)
                .expect("a matched pair is eligible");
            keep[a + at] = true;
        }
    }
    let m = slots.load.len();
    // Per mentor, a min-heap of its best (score, earliest pair) so far.
    type Best = BinaryHeap<Reverse<(i32, Reverse<u32>)>>;
    let mut best: Vec<Best> = vec![BinaryHeap::new(); m];
    for e in 0..edges.len() {
        let heap = &mut best[edges.mentor[e] as usize];
        let item = Reverse((edges.score[e], Reverse(e as u32)));
        if heap.len() < tuning.per_mentor {
            heap.push(item);
        } else if heap.peek().is_some_and(|top| item < *top) {
            heap.pop();
            heap.push(item);
        }
    }
    for Reverse((_, Reverse(e))) in best.into_iter().flatten() {
        keep[e as usize] = true;
    }
    let subset = |keep: &[bool]| {
        let mut sub = Edges {
            start: Vec::with_capacity(n + 1),
            mentor: Vec::new(),
            score: Vec::new(),
        };
        sub.start.push(0);
        for i in 0..n {
            let row = edges.start[i]..edges.start[i + 1];
            for (e, _) in row.clone().zip(&keep[row]).filter(|&(_, &k)| k) {
                sub.mentor.push(edges.mentor[e]);
                sub.score.push(edges.score[e]);
            }
            sub.start.push(sub.mentor.len());
        }
        sub
    };
    let mut flow = CostScaling::new(Cow::Owned(subset(&keep)), slots, target);
    let mut eps = flow.initial_eps(edges);
    loop {
        eps = (eps / ALPHA).max(1);
        flow.refine(eps);
        if eps <= SLACK / 2 {
            break;
        }
        // Once per phase is enough: the next phase starts coarser anyway.
        if violations(&flow, edges, &mut keep, eps, tuning.added, &mut order) > 0 {
            flow.widen(subset(&keep));
            flow.refine_from(eps, -eps);
        }
    }
    // The subset is (SLACK/2)-optimal; the flow is exact once every pair
    // left out is within the slack too.
    while violations(&flow, edges, &mut keep, SLACK, tuning.added, &mut order) > 0 {
        flow.widen(subset(&keep));
        flow.refine_from(SLACK / 2, -SLACK / 2);
    }
    flow.mentors()
}

/// Marks in `keep`, for each mentee, up to `limit` of the pairs left out
/// whose reduced cost under the flow's prices is below −`tolerance` (the
/// most negative first); returns how many.
fn violations(
    flow: &CostScaling<'_>,
    edges: &Edges,
    keep: &mut [bool],
    tolerance: i64,
    limit: usize,
    order: &mut Vec<(i64, u32)>,
) -> usize {
    let (n, m, scale) = (flow.n, flow.m, flow.scale);
    let mentor_price = &flow.price[n..n + m];
    let mut added = 0;
    for i in 0..n {
        let pi = flow.price[i];
        order.clear();
        for e in edges.start[i]..edges.start[i + 1] {
            let value = i64::from(edges.score[e]) * scale + mentor_price[edges.mentor[e] as usize];
            if pi - value < -tolerance && !keep[e] {
                order.push((pi - value, e as u32));
            }
        }
        if order.len() > limit {
            order.select_nth_unstable(limit.max(1) - 1);
            order.truncate(limit.max(1));
        }
        for &(_, e) in order.iter() {
            keep[e as usize] = true;
        }
        added += order.len();
    }
    added
}

// ---------------------------------------------------------------------------
// Hopcroft–Karp with capacities.

/// A matching with as many mentees as possible (mentor per mentee or NONE).
pub(super) fn max_cardinality(edges: &Edges, free: &[u32]) -> Vec<u32> {
    let n = edges.mentees();
    let mut mentor_of = vec![NONE; n];
    let mut mentees_of: Vec<Vec<u32>> = vec![Vec::new(); free.len()];
    // Greedy start.
    for (i, mentor) in mentor_of.iter_mut().enumerate() {
        if let Some((j, _)) = edges
            .of(i)
            .find(|&(j, _)| (mentees_of[j].len() as u32) < free[j])
        {
            *mentor = j as u32;
            mentees_of[j].push(i as u32);
        }
    }
    let mut layer = vec![u32::MAX; n];
    let mut next = vec![0usize; n];
    let mut queue: Vec<u32> = Vec::new();
    loop {
        // Breadth first from the unmatched mentees, through full mentors to
        // their mentees, until mentors with room turn up.
        queue.clear();
        for i in 0..n {
            layer[i] = if mentor_of[i] == NONE {
                queue.push(i as u32);
                0
            } else {
                u32::MAX
            };
        }
        let mut found = false;
        let mut head = 0;
        while head < queue.len() {
            let i = queue[head] as usize;
            head += 1;
            for (j, _) in edges.of(i) {
                if j as u32 == mentor_of[i] {
                    continue;
                }
                if (mentees_of[j].len() as u32) < free[j] {
                    found = true;
                    continue;
                }
                for &r in &mentees_of[j] {
                    if layer[r as usize] == u32::MAX {
                        layer[r as usize] = layer[i] + 1;
                        queue.push(r);
                    }
                }
            }
        }
        if !found {
            return mentor_of;
        }
        // Depth first along the layers: vertex-disjoint shortest augmenting paths.
        next.iter_mut().for_each(|x| *x = 0);
        let mut augmented = false;
        for i in 0..n {
            if mentor_of[i] == NONE {
                augmented |= augment_layered(
                    i,
                    edges,
                    free,
                    &layer,
                    &mut next,
                    &mut mentor_of,
                    &mut mentees_of,
                );
            }
        }
        if !augmented {
            return mentor_of;
        }
    }
}

/// One augmenting path from mentee `start` along increasing layers
/// (iterative, so long paths cannot overflow the stack).
fn augment_layered(
    start: usize,
    edges: &Edges,
    free: &[u32],
    layer: &[u32],
    next: &mut [usize],
    mentor_of: &mut [u32],
    mentees_of: &mut [Vec<u32>],
) -> bool {
    const DEAD: usize = usize::MAX / 2;
    let degree = |i: usize| edges.start[i + 1] - edges.start[i];
    // (mentee, mentor it moves to) along the path so far.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut i = start;
    loop {
        let mut step = None;
        while next[i] < degree(i) {
            let j = edges.mentor[edges.start[i] + next[i]] as usize;
            next[i] += 1;
            if j as u32 == mentor_of[i] {
                continue;
            }
            if (mentees_of[j].len() as u32) < free[j] {
                step = Some((j, None));
                break;
            }
            let deeper = mentees_of[j].iter().copied().find(|&r| {
                let r = r as usize;
                layer[r] == layer[i].wrapping_add(1) && next[r] < degree(r)
            });
            if let Some(r) = deeper {
                // Come back to this mentor: another of its mentees may lead on.
                next[i] -= 1;
                step = Some((j, Some(r as usize)));
                break;
            }
        }
        match step {
            Some((j, None)) => {
                stack.push((i, j));
                for &(u, j) in stack.iter().rev() {
                    let old = mentor_of[u];
                    if old != NONE {
                        let list = &mut mentees_of[old as usize];
                        let at = list.iter().position(|&x| x as usize == u);
                        list.swap_remove(at.expect("a mentee is listed with its mentor"));
                    }
                    mentor_of[u] = j as u32;
                    mentees_of[j].push(u as u32);
                }
                return true;
            }
            Some((j, Some(r))) => {
                stack.push((i, j));
                i = r;
            }
            None => {
                next[i] = DEAD;
                match stack.pop() {
                    Some((u, _)) => i = u,
                    None => return false,
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Cost scaling.

/// A residual arc out of the node being discharged.
#[derive(Clone, Copy)]
enum Arc {
    /// Mentee → mentor along pair `e` (forward) or back (mentor → mentee).
    Pair {
        e: usize,
        i: usize,
        j: usize,
        forward: bool,
    },
    /// Source → mentee (forward) or back.
    Source { i: usize, forward: bool },
    /// Mentor → sink into the next free slot (forward) or back out of the last used one.
    Slot { j: usize, forward: bool },
}

/// Goldberg's cost-scaling push–relabel over the implicit network.
struct CostScaling<'a> {
    edges: Cow<'a, Edges>,
    slots: &'a Slots,
    n: usize,
    m: usize,
    /// Costs are multiplied by this (`SLACK` × (nodes + 1)), so any flow
    /// that is `SLACK`-optimal is exact: a cycle of at most `nodes` arcs
    /// cannot gain `scale`, the smallest real gain.
    scale: i64,
    /// Flow on each pair arc.
    used: Vec<bool>,
    /// Flow on each source arc.
    supplied: Vec<bool>,
    /// Slots in use per mentor (beyond its load).
    taken: Vec<u32>,
    /// Pairs with flow, per mentor: (mentee, pair).
    incoming: Vec<Vec<(u32, u32)>>,
    excess: Vec<i64>,
    price: Vec<i64>,
    /// Where the search for an admissible arc resumes (mentees, source, sink).
    current: Vec<usize>,
    queue: VecDeque<u32>,
    queued: Vec<bool>,
    /// Per mentee, its best residual arcs at its last full scan …
    cache: Vec<Vec<u32>>,
    /// … and the best value among the arcs it did not keep then.
    cache_bound: Vec<i64>,
    scratch: Vec<(i64, u32)>,
    picks: Vec<usize>,
}

impl<'a> CostScaling<'a> {
    fn new(edges: Cow<'a, Edges>, slots: &'a Slots, target: usize) -> Self {
        let (n, m) = (edges.mentees(), slots.load.len());
        let nodes = n + m + 2;
        let scale = SLACK * (nodes as i64 + 1);
        let mut excess = vec![0i64; nodes];
        excess[n + m] = target as i64;
        excess[n + m + 1] = -(target as i64);
        // Prices under which the empty flow has no negative reduced cost:
        // mentors at 0, each mentee at its best pair, the sink below every
        // slot, the source above every mentee.
        let mut price = vec![0i64; nodes];
        for (i, p) in price.iter_mut().enumerate().take(n) {
            *p = edges
                .of(i)
                .map(|(_, s)| s * scale)
                .max()
                .unwrap_or(0)
                .max(0);
        }
        price[n + m] = price[..n].iter().copied().max().unwrap_or(0);
        price[n + m + 1] = -slots.bonus.iter().copied().max().unwrap_or(0).max(0) * scale;
        CostScaling {
            used: vec![false; edges.len()],
            edges,
            slots,
            n,
            m,
            scale,
            supplied: vec![false; n],
            taken: vec![0; m],
            incoming: vec![Vec::new(); m],
            excess,
            price,
            current: vec![0; nodes],
            queue: VecDeque::new(),
            queued: vec![false; nodes],
            cache: vec![Vec::new(); n],
            cache_bound: vec![i64::MAX; n],
            scratch: Vec::new(),
            picks: Vec::new(),
        }
    }

    fn source(&self) -> usize {
        self.n + self.m
    }

    fn sink(&self) -> usize {
        self.n + self.m + 1
    }

    /// Cost of mentor `j`'s next free slot, if any.
    fn next_slot(&self, j: usize) -> Option<i64> {
        let k = self.slots.load[j] + self.taken[j];
        (k < self.slots.capacity[j]).then(|| -self.slots.bonus[k as usize] * self.scale)
    }

    /// Cost of mentor `j`'s last used slot, if any.
    fn last_slot(&self, j: usize) -> Option<i64> {
        (self.taken[j] > 0).then(|| {
            let k = self.slots.load[j] + self.taken[j] - 1;
            -self.slots.bonus[k as usize] * self.scale
        })
    }

    /// (from, to, cost) of a residual arc.
    fn ends(&self, arc: Arc) -> (usize, usize, i64) {
        let (n, s, t) = (self.n, self.source(), self.sink());
        match arc {
            Arc::Pair { e, i, j, forward } => {
                let c = -i64::from(self.edges.score[e]) * self.scale;
                if forward {
                    (i, n + j, c)
                } else {
                    (n + j, i, -c)
                }
            }
            Arc::Source { i, forward: true } => (s, i, 0),
            Arc::Source { i, forward: false } => (i, s, 0),
            Arc::Slot { j, forward: true } => (n + j, t, self.next_slot(j).expect("a free slot")),
            Arc::Slot { j, forward: false } => (t, n + j, -self.last_slot(j).expect("a used slot")),
        }
    }

    fn reduced(&self, arc: Arc) -> i64 {
        let (v, w, c) = self.ends(arc);
        c + self.price[v] - self.price[w]
    }

    /// Sends one unit along `arc`.
    fn push(&mut self, arc: Arc) {
        let (v, w, _) = self.ends(arc);
        match arc {
            Arc::Pair { e, i, j, forward } => {
                self.used[e] = forward;
                if forward {
                    self.incoming[j].push((i as u32, e as u32));
                } else {
                    let list = &mut self.incoming[j];
                    let at = list.iter().position(|&(_, x)| x as usize == e);
                    list.swap_remove(at.expect("a used pair is listed"));
                    // Residual again: its value may beat the mentee's bound.
                    if !self.cache[i].contains(&(e as u32)) {
                        self.cache[i].push(e as u32);
                    }
                }
            }
            Arc::Source { i, forward } => self.supplied[i] = forward,
            Arc::Slot { j, forward: true } => self.taken[j] += 1,
            Arc::Slot { j, forward: false } => self.taken[j] -= 1,
        }
        self.excess[v] -= 1;
        self.excess[w] += 1;
        if self.excess[w] > 0 && !self.queued[w] {
            self.queued[w] = true;
            self.queue.push_back(w as u32);
        }
    }

    /// Residual arc number `k` out of a node that is not a mentee:
    /// `Ok(Some)` residual, `Ok(None)` saturated, `Err` past the end.
    fn arc(&self, v: usize, k: usize) -> Result<Option<Arc>, ()> {
        let (n, m) = (self.n, self.m);
        if v < n + m {
            let j = v - n;
            if let Some(&(i, e)) = self.incoming[j].get(k) {
                return Ok(Some(Arc::Pair {
                    e: e as usize,
                    i: i as usize,
                    j,
                    forward: false,
                }));
            }
            if k == self.incoming[j].len() {
                return Ok(self.next_slot(j).map(|_| Arc::Slot { j, forward: true }));
            }
            Err(())
        } else if v == self.source() {
            if k < n {
                return Ok((!self.supplied[k]).then_some(Arc::Source {
                    i: k,
                    forward: true,
                }));
            }
            Err(())
        } else if k < m {
            Ok(self.last_slot(k).map(|_| Arc::Slot {
                j: k,
                forward: false,
            }))
        } else {
            Err(())
        }
    }

    /// A mentee's discharge (Goldberg–Kennedy's double push): find its best
    /// and second-best residual arcs, relabel if needed, push along the
    /// best, and lower the price to just below the second best, which is
    /// where the next relabel would put it anyway.
    ///
    /// Mentor prices only ever fall, so an arc's value (mentor price plus
    /// score) only falls too. Each mentee therefore remembers its few best
    /// arcs from its last full scan and the value of the best one it did not
    /// remember: while two remembered arcs are still at least that good,
    /// they are the true best two and the other arcs need no look.
    fn discharge_mentee(&mut self, i: usize, eps: i64) {
        while self.excess[i] > 0 {
            let (mut best, mut second, mut arg) = self.best_two(i, false);
            if second < self.cache_bound[i] {
                (best, second, arg) = self.best_two(i, true);
            }
            if self.supplied[i] {
                let value = self.price[self.source()];
                if value > best {
                    second = best;
                    best = value;
                    arg = Some(Arc::Source { i, forward: false });
                } else if value > second {
                    second = value;
                }
            }
            let arc = arg.expect("a node with excess has a residual arc");
            if self.price[i] >= best {
                self.price[i] = best - eps;
            }
            self.push(arc);
            if self.excess[i] == 0 && second > i64::MIN {
                self.price[i] = self.price[i].min(second - eps);
            }
        }
    }

    /// The best and second-best values among mentee `i`'s residual pair
    /// arcs, and the best arc: from its remembered arcs, or (`rescan`) from
    /// all of them, remembering the best few anew.
    fn best_two(&mut self, i: usize, rescan: bool) -> (i64, i64, Option<Arc>) {
        let (n, m, scale) = (self.n, self.m, self.scale);
        let (start, end) = (self.edges.start[i], self.edges.start[i + 1]);
        // Remember more of a long list: a rescan costs its whole length.
        let remember = ((end - start) / 16).clamp(64, 1024);
        let mentors = &self.price[n..n + m];
        let value = |e: usize| {
            mentors[self.edges.mentor[e] as usize] + i64::from(self.edges.score[e]) * scale
        };
        if rescan {
            let mut all = std::mem::take(&mut self.scratch);
            all.clear();
            all.reserve(end - start);
            for e in start..end {
                if !self.used[e] {
                    all.push((value(e), e as u32));
                }
            }
            let bound = if all.len() > remember {
                all.select_nth_unstable_by(remember, |a, b| b.cmp(a));
                all[remember].0
            } else {
                i64::MIN
            };
            let keep = all.len().min(remember);
            self.cache[i].clear();
            self.cache[i].extend(all[..keep].iter().map(|&(_, e)| e));
            self.cache_bound[i] = bound;
            self.scratch = all;
        }
        let (mut best, mut second, mut arg) = (i64::MIN, i64::MIN, None);
        for &e in &self.cache[i] {
            let e = e as usize;
            if self.used[e] {
                continue;
            }
            let v = value(e);
            if v > best || (v == best && arg.is_some_and(|a| e < a)) {
                second = best;
                best = v;
                arg = Some(e);
            } else if v > second {
                second = v;
            }
        }
        let arc = arg.map(|e| Arc::Pair {
            e,
            i,
            j: self.edges.mentor[e] as usize,
            forward: true,
        });
        (best, second, arc)
    }

    fn discharge(&mut self, v: usize, eps: i64) {
        let (n, m) = (self.n, self.m);
        if v < n {
            return self.discharge_mentee(v, eps);
        }
        if v < n + m {
            return self.discharge_mentor(v - n, eps);
        }
        while self.excess[v] > 0 {
            let mut k = self.current[v];
            let mut admissible = None;
            while let Ok(arc) = self.arc(v, k) {
                if let Some(arc) = arc.filter(|&a| self.reduced(a) < 0) {
                    admissible = Some(arc);
                    break;
                }
                k += 1;
            }
            self.current[v] = k;
            match admissible {
                Some(arc) => self.push(arc),
                None => self.relabel(v, eps),
            }
        }
    }

    /// A mentor's discharge: into its next free slots first, then back to
    /// as many of its mentees as it has excess, all found in one scan of its
    /// list (which may be long while the flow is rough).
    fn discharge_mentor(&mut self, j: usize, eps: i64) {
        let v = self.n + j;
        while self.excess[v] > 0 {
            let mut pushed = false;
            while self.excess[v] > 0
                && self.next_slot(j).is_some()
                && self.reduced(Arc::Slot { j, forward: true }) < 0
            {
                self.push(Arc::Slot { j, forward: true });
                pushed = true;
            }
            let want = self.excess[v].max(0) as usize;
            let mut picks = std::mem::take(&mut self.picks);
            picks.clear();
            if want > 0 {
                let pj = self.price[v];
                for (k, &(i, e)) in self.incoming[j].iter().enumerate() {
                    if i64::from(self.edges.score[e as usize]) * self.scale + pj
                        - self.price[i as usize]
                        < 0
                    {
                        picks.push(k);
                        if picks.len() == want {
                            break;
                        }
                    }
                }
            }
            // From the back, so the positions still to come stay valid.
            for &k in picks.iter().rev() {
                let (i, e) = self.incoming[j].swap_remove(k);
                let (i, e) = (i as usize, e as usize);
                self.used[e] = false;
                if !self.cache[i].contains(&(e as u32)) {
                    self.cache[i].push(e as u32);
                }
                self.excess[v] -= 1;
                self.excess[i] += 1;
                if self.excess[i] > 0 && !self.queued[i] {
                    self.queued[i] = true;
                    self.queue.push_back(i as u32);
                }
                pushed = true;
            }
            self.picks = picks;
            if !pushed {
                self.relabel(v, eps);
            }
        }
    }

    /// Lowers `v`'s price just enough to make one residual arc admissible.
    fn relabel(&mut self, v: usize, eps: i64) {
        let mut best = i64::MIN;
        if v < self.n {
            let mentors = &self.price[self.n..self.n + self.m];
            for e in self.edges.start[v]..self.edges.start[v + 1] {
                if !self.used[e] {
                    let j = self.edges.mentor[e] as usize;
                    best = best.max(mentors[j] + i64::from(self.edges.score[e]) * self.scale);
                }
            }
            if self.supplied[v] {
                best = best.max(self.price[self.source()]);
            }
        } else {
            let mut k = 0;
            while let Ok(arc) = self.arc(v, k) {
                if let Some(arc) = arc {
                    let (_, w, c) = self.ends(arc);
                    best = best.max(self.price[w] - c);
                }
                k += 1;
            }
        }
        debug_assert!(best > i64::MIN, "a node with excess has a residual arc");
        self.price[v] = best - eps;
        self.current[v] = 0;
    }

    /// Makes the flow ε-optimal: saturate every arc with negative reduced
    /// cost, then push the excess down admissible arcs.
    fn refine(&mut self, eps: i64) {
        self.refine_from(eps, 0);
    }

    /// [`Self::refine`] from a flow that is already ε-optimal on most arcs:
    /// only arcs with a reduced cost below `threshold` (0, or −ε when
    /// warm) are saturated first.
    fn refine_from(&mut self, eps: i64, threshold: i64) {
        let (n, m) = (self.n, self.m);
        for i in 0..n {
            // The hot loop: the reduced cost in place, the rare push through `Arc`.
            let (start, end) = (self.edges.start[i], self.edges.start[i + 1]);
            for e in start..end {
                let j = self.edges.mentor[e] as usize;
                let forward =
                    self.price[i] - i64::from(self.edges.score[e]) * self.scale - self.price[n + j];
                let negative = if self.used[e] {
                    -forward < threshold
                } else {
                    forward < threshold
                };
                if negative {
                    self.push(Arc::Pair {
                        e,
                        i,
                        j,
                        forward: !self.used[e],
                    });
                }
            }
            let arc = Arc::Source {
                i,
                forward: !self.supplied[i],
            };
            if self.reduced(arc) < threshold {
                self.push(arc);
            }
        }
        for j in 0..m {
            while self.next_slot(j).is_some()
                && self.reduced(Arc::Slot { j, forward: true }) < threshold
            {
                self.push(Arc::Slot { j, forward: true });
            }
            while self.last_slot(j).is_some()
                && self.reduced(Arc::Slot { j, forward: false }) < threshold
            {
                self.push(Arc::Slot { j, forward: false });
            }
        }
        self.current.iter_mut().for_each(|c| *c = 0);
        for v in 0..self.excess.len() {
            if self.excess[v] > 0 && !self.queued[v] {
                self.queued[v] = true;
                self.queue.push_back(v as u32);
            }
        }
        while let Some(v) = self.queue.pop_front() {
            let v = v as usize;
            self.queued[v] = false;
            self.discharge(v, eps);
        }
    }

    /// The first ε: the largest cost, scaled.
    fn initial_eps(&self, edges: &Edges) -> i64 {
        let largest = edges
            .score
            .iter()
            .map(|&s| i64::from(s).abs())
            .chain(self.slots.bonus.iter().map(|b| b.abs()))
            .max()
            .unwrap_or(0);
        (largest * self.scale).max(1)
    }

    /// ε-scaling down to ε = 1.
    fn run(&mut self) {
        let mut eps = self.initial_eps(&self.edges);
        loop {
            eps = (eps / ALPHA).max(1);
            self.refine(eps);
            if eps == 1 {
                break;
            }
        }
    }

    /// Carries the flow and prices over to `wider`, a superset of the pairs
    /// (rows sorted by mentor like every `Edges`), then restores
    /// 1-optimality by ε-scaling from `violation`, the most negative reduced
    /// cost among the new pairs.
    fn widen(&mut self, wider: Edges) {
        let mut used = vec![false; wider.len()];
        for list in &mut self.incoming {
            list.clear();
        }
        for (i, cache) in self.cache.iter_mut().enumerate() {
            cache.clear();
            self.cache_bound[i] = i64::MAX;
            let mut old = self.edges.start[i];
            let row = wider.start[i]..wider.start[i + 1];
            let flags = used[row.clone()].iter_mut().zip(&wider.mentor[row.clone()]);
            for (e, (flag, &j)) in row.zip(flags) {
                if old < self.edges.start[i + 1] && self.edges.mentor[old] == j {
                    if self.used[old] {
                        *flag = true;
                        self.incoming[j as usize].push((i as u32, e as u32));
                    }
                    old += 1;
                }
            }
        }
        self.used = used;
        self.edges = Cow::Owned(wider);
    }

    fn mentors(&self) -> Vec<Option<usize>> {
        (0..self.n)
            .map(|i| {
                let mut chosen = (self.edges.start[i]..self.edges.start[i + 1])
                    .filter(|&e| self.used[e])
                    .map(|e| self.edges.mentor[e] as usize);
                let first = chosen.next();
                debug_assert!(chosen.next().is_none(), "a mentee has one mentor");
                debug_assert_eq!(first.is_some(), self.supplied[i]);
                first
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    //! The cost-scaling solver against an independent exact method:
    //! successive shortest paths (Dijkstra with potentials) with a big-M
    //! "stay unmatched" arc per mentee.
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;

    use proptest::prelude::*;

    use super::*;

    struct Solver<'e> {
        edges: &'e Edges,
        n: usize,
        /// Current mentor of each mentee (NONE: unmatched) and that pair's score.
        mentor_of: Vec<u32>,
        score_of: Vec<i64>,
        /// Current mentees of each mentor.
        mentees_of: Vec<Vec<u32>>,
        /// Load (kept pairs included) and capacity per mentor.
        load: Vec<u32>,
        capacity: Vec<u32>,
        /// Bonus per load: `bonus[k]` for a mentor's k-th mentee.
        bonus: Vec<i64>,
        big: i64,
        /// Potentials: mentees 0..n, mentors n..n+m, the sink last.
        pi: Vec<i64>,
        // Dijkstra's scratch, reused between mentees.
        dist: Vec<i64>,
        parent: Vec<u32>,
        settled: Vec<bool>,
        touched: Vec<u32>,
        heap: BinaryHeap<Reverse<(i64, u32)>>,
    }

    impl Solver<'_> {
        fn sink(&self) -> usize {
            self.pi.len() - 1
        }

        fn slot_cost(&self, j: usize) -> Option<i64> {
            (self.load[j] < self.capacity[j]).then(|| -self.bonus[self.load[j] as usize])
        }

        fn relax(&mut self, from: usize, to: usize, d: i64, cost: i64) {
            let reduced = cost + self.pi[from] - self.pi[to];
            debug_assert!(reduced >= 0, "negative reduced cost {reduced}");
            let nd = d + reduced;
            if nd < self.dist[to] {
                if self.dist[to] == i64::MAX {
                    self.touched.push(to as u32);
                }
                self.dist[to] = nd;
                self.parent[to] = from as u32;
                self.heap.push(Reverse((nd, to as u32)));
            }
        }

        /// Sends mentee `s`'s unit to the sink along a shortest path.
        fn augment(&mut self, s: usize) {
            let (n, sink) = (self.n, self.sink());
            self.dist[s] = 0;
            self.touched.push(s as u32);
            self.heap.push(Reverse((0, s as u32)));
            let mut reached = i64::MAX;
            while let Some(Reverse((d, u))) = self.heap.pop() {
                let u = u as usize;
                // Nothing left is nearer than the sink: its path is the shortest.
                if d >= self.dist[sink] {
                    reached = self.dist[sink];
                    break;
                }
                if self.settled[u] || d > self.dist[u] {
                    continue;
                }
                self.settled[u] = true;
                if u < n {
                    let current = self.mentor_of[u];
                    let range = self.edges.start[u]..self.edges.start[u + 1];
                    for e in range {
                        let j = self.edges.mentor[e];
                        if j != current {
                            self.relax(u, n + j as usize, d, -i64::from(self.edges.score[e]));
                        }
                    }
                    self.relax(u, sink, d, self.big);
                } else {
                    let j = u - n;
                    for k in 0..self.mentees_of[j].len() {
                        let r = self.mentees_of[j][k] as usize;
                        self.relax(u, r, d, self.score_of[r]);
                    }
                    if let Some(cost) = self.slot_cost(j) {
                        self.relax(u, sink, d, cost);
                    }
                }
            }
            if reached == i64::MAX {
                reached = self.dist[sink];
            }
            debug_assert!(
                reached < i64::MAX,
                "the unmatched arc always reaches the sink"
            );
            // New potentials for the settled nodes; the rest keep theirs.
            for &v in &self.touched {
                let v = v as usize;
                if self.dist[v] < reached {
                    self.pi[v] += self.dist[v] - reached;
                }
            }
            // Walk the path back from the sink and flip it: each mentor on it
            // takes the mentee before it, each mentee after the start leaves the
            // mentor before it.
            let mut v = self.parent[sink] as usize;
            if v >= n {
                self.load[v - n] += 1;
            } else if v == s {
                v = usize::MAX; // `s` stays unmatched
            } else {
                // Ends in an unmatched arc: `v` gives its mentor to the mentee before it.
                let old = self.mentor_of[v] as usize;
                self.leave(v, old);
                v = n + old;
            }
            while v != usize::MAX {
                let j = v - n;
                let u = self.parent[v] as usize;
                let old = self.mentor_of[u];
                if old != NONE {
                    self.leave(u, old as usize);
                }
                let row = &self.edges.mentor[self.edges.start[u]..self.edges.start[u + 1]];
                let e = self.edges.start[u]
                    + row
                        .binary_search(&(j as u32))
                        .expect("the path uses an eligible pair");
                self.mentor_of[u] = j as u32;
                self.score_of[u] = i64::from(self.edges.score[e]);
                self.mentees_of[j].push(u as u32);
                v = if u == s { usize::MAX } else { n + old as usize };
            }
            for &v in &self.touched {
                let v = v as usize;
                self.dist[v] = i64::MAX;
                self.settled[v] = false;
            }
            self.touched.clear();
            self.heap.clear();
        }

        fn leave(&mut self, u: usize, j: usize) {
            let list = &mut self.mentees_of[j];
            let at = list.iter().position(|&x| x as usize == u).expect("listed");
            list.remove(at);
            self.mentor_of[u] = NONE;
        }
    }

    /// (matched, total score with bonuses) by successive shortest paths.
    fn reference(edges: &Edges, slots: &Slots) -> (usize, i64) {
        let (n, m) = (edges.mentees(), slots.load.len());
        let bonus = slots.bonus.clone();
        let max_score = edges.score.iter().copied().max().unwrap_or(0).max(0) as i64;
        let min_score = edges.score.iter().copied().min().unwrap_or(0).min(0) as i64;
        let big = (n as i64 + 1) * (max_score - min_score + bonus[0].abs() + 1);
        let nodes = n + m + 1;
        let mut pi = vec![0i64; nodes];
        for j in 0..m {
            if slots.load[j] < slots.capacity[j] {
                pi[n + j] = bonus[slots.load[j] as usize];
            }
        }
        for i in 0..n {
            pi[i] = edges
                .of(i)
                .map(|(j, s)| pi[n + j] + s)
                .max()
                .unwrap_or(0)
                .max(0);
        }
        let mut solver = Solver {
            edges,
            n,
            mentor_of: vec![NONE; n],
            score_of: vec![0; n],
            mentees_of: vec![Vec::new(); m],
            load: slots.load.clone(),
            capacity: slots.capacity.clone(),
            bonus,
            big,
            pi,
            dist: vec![i64::MAX; nodes],
            parent: vec![u32::MAX; nodes],
            settled: vec![false; nodes],
            touched: Vec::new(),
            heap: BinaryHeap::new(),
        };
        for i in 0..n {
            solver.augment(i);
        }
        total(
            edges,
            slots,
            &solver
                .mentor_of
                .iter()
                .map(|&j| (j != NONE).then_some(j as usize))
                .collect::<Vec<_>>(),
        )
    }

    /// (matched, total score with bonuses) of an assignment; panics when it
    /// breaks a capacity or uses a pair that is not eligible.
    fn total(edges: &Edges, slots: &Slots, chosen: &[Option<usize>]) -> (usize, i64) {
        let mut load = slots.load.clone();
        let (mut matched, mut sum) = (0, 0);
        for (i, j) in chosen.iter().enumerate() {
            let Some(j) = *j else { continue };
            let (_, score) = edges
                .of(i)
                .find(|&(x, _)| x == j)
                .expect("an eligible pair");
            assert!(load[j] < slots.capacity[j], "capacity of mentor {j}");
            sum += score + slots.bonus[load[j] as usize];
            load[j] += 1;
            matched += 1;
        }
        (matched, sum)
    }

    prop_compose! {
        fn instance()(n in 1usize..40, m in 1usize..20, seed in any::<u64>(), density in 1u64..10)
            -> (Edges, Slots) {
            let mut x = seed | 1;
            let mut next = move |k: u64| { x ^= x << 13; x ^= x >> 7; x ^= x << 17; x % k };
            let mut edges = Edges { start: vec![0], mentor: Vec::new(), score: Vec::new() };
            for _ in 0..n {
                for j in 0..m {
                    if next(10) < density {
                        edges.mentor.push(j as u32);
                        edges.score.push(next(40) as i32);
                    }
                }
                edges.start.push(edges.mentor.len());
            }
            let capacity: Vec<u32> = (0..m).map(|_| 1 + next(3) as u32).collect();
            let load: Vec<u32> = capacity.iter().map(|&c| if next(4) == 0 { c - 1 } else { 0 }).collect();
            let horizon = 3;
            let bonus = (0..=horizon).map(|k| 3 * (horizon - k) as i64).collect();
            (edges, Slots { load, capacity, bonus })
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn cost_scaling_equals_shortest_paths((edges, slots) in instance()) {
            let chosen = solve(&edges, &slots);
            prop_assert_eq!(total(&edges, &slots, &chosen), reference(&edges, &slots));
            prop_assert_eq!(solve(&edges, &slots), chosen);
        }

        /// The growing subset with starting sets far too small to hold the
        /// optimum: it must still end exactly there.
        #[test]
        fn the_growing_subset_is_exact_too(
            (edges, slots) in instance(),
            per_mentee in 0usize..4,
            per_mentor in 0usize..3,
            added in 1usize..4,
        ) {
            let chosen = sparse_solve(&edges, &slots, Tuning { per_mentee, per_mentor, added });
            prop_assert_eq!(total(&edges, &slots, &chosen), reference(&edges, &slots));
        }
    }

    /// [`solve`], but always through [`sparse`] with the given tuning.
    fn sparse_solve(edges: &Edges, slots: &Slots, tuning: Tuning) -> Vec<Option<usize>> {
        let free: Vec<u32> = (0..slots.load.len()).map(|j| slots.free(j)).collect();
        let first = max_cardinality(edges, &free);
        let target = first.iter().filter(|&&j| j != NONE).count();
        if target == 0 {
            return vec![None; edges.mentees()];
        }
        sparse(edges, slots, target, &first, tuning)
    }

    #[test]
    fn a_larger_instance_agrees_too() {
        let mut x = 2026u64;
        let mut next = move |k: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % k
        };
        let (n, m) = (300, 150);
        let mut edges = Edges {
            start: vec![0],
            mentor: Vec::new(),
            score: Vec::new(),
        };
        for _ in 0..n {
            for j in 0..m {
                if next(10) < 6 {
                    edges.mentor.push(j as u32);
                    edges
                        .score
                        .push(10 * next(3) as i32 + 2 * next(4) as i32 + 8 * next(2) as i32);
                }
            }
            edges.start.push(edges.mentor.len());
        }
        let capacity: Vec<u32> = (0..m).map(|_| 1 + next(3) as u32).collect();
        let slots = Slots {
            load: vec![0; m],
            capacity,
            bonus: vec![9, 6, 3, 0],
        };
        let chosen = solve(&edges, &slots);
        let expected = reference(&edges, &slots);
        assert_eq!(total(&edges, &slots, &chosen), expected);
        // Many ties and a dense instance: the subset has to grow a lot.
        for tuning in [
            Tuning::DEFAULT,
            Tuning {
                per_mentee: 2,
                per_mentor: 0,
                added: 1,
            },
            Tuning {
                per_mentee: 8,
                per_mentor: 2,
                added: 4,
            },
        ] {
            let chosen = sparse_solve(&edges, &slots, tuning);
            assert_eq!(total(&edges, &slots, &chosen), expected, "{tuning:?}");
        }
    }
}
