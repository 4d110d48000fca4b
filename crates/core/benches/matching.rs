//! Mentor matching on synthetic rosters: time, peak memory, and the score a
//! greedy pass loses.
//!
//! Run with `cargo xtask bench`. Targets (issue 4): 2,000 × 1,000 under 0.5 s
//! natively; 10,000 × 5,000 under 10 s within 2 GiB; (issue 13) 20,000 ×
//! 9,000 under 20 s within 2 GiB, and 34,000 × 16,000 (50,000 people, the
//! roster limit) measured. The three large sizes run with
//! `DOORGROEI_BENCH_SIZES=large` or `all`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use doorgroei::format::load_ladder;
use doorgroei::matching::{assign, eligible_pair_count, greedy, pairs_after, MatchConfig};
use doorgroei::synth;

/// Counts live heap bytes and remembers the peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() {
    let ladder = load_ladder(
        "welzijn-groeit.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap();
    let config = MatchConfig::default();
    let which = std::env::var("DOORGROEI_BENCH_SIZES").ok();
    management_chain(&ladder, &config);
    if which.as_deref() == Some("chain") {
        return;
    }
    one_mentor_leaves(&ladder);
    let sizes: Vec<(usize, usize)> = match which.as_deref() {
        Some("small") => vec![(200, 100), (2_000, 1_000)],
        Some("large") => vec![(10_000, 5_000), (20_000, 9_000), (34_000, 16_000)],
        _ => vec![
            (200, 100),
            (2_000, 1_000),
            (10_000, 5_000),
            (20_000, 9_000),
            (34_000, 16_000),
        ],
    };
    println!(
        "{:<16} {:>11} {:>10} {:>10} {:>8} {:>8} {:>11} {:>11} {:>6}",
        "mentees×mentors",
        "eligible",
        "solve (s)",
        "peak MiB",
        "matched",
        "greedy",
        "score",
        "greedy sc.",
        "lost"
    );
    for (juniors, mentors) in sizes {
        let roster = synth::roster(juniors, mentors, 42);
        let eligible = eligible_pair_count(&ladder, &roster, &config);
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let runs = if juniors >= 10_000 { 1 } else { 3 };
        // Best of 3 runs (1 at the largest size): the machine's noise is
        // larger than the differences being measured.
        let mut seconds = f64::INFINITY;
        let mut result = None;
        for _ in 0..runs {
            let start = Instant::now();
            let r = assign(&ladder, &roster, &config);
            seconds = seconds.min(start.elapsed().as_secs_f64());
            result = Some(r);
        }
        let result = result.expect("ran");
        let peak = PEAK.load(Ordering::Relaxed) - base;
        let (g_matched, g_total) = greedy(&ladder, &roster, &config);
        let lost = if result.total_score > 0 {
            100.0 * (result.total_score - g_total) as f64 / result.total_score as f64
        } else {
            0.0
        };
        println!(
            "{:<16} {:>11} {:>10.3} {:>10.1} {:>8} {:>8} {:>11} {:>11} {:>5.1}%",
            format!("{juniors}×{mentors}"),
            eligible,
            seconds,
            mib(peak),
            result.matched,
            g_matched,
            result.total_score,
            g_total,
            lost
        );
        // For `cargo xtask bench`'s table.
        let target = match juniors {
            2_000 => "< 0.5 s",
            10_000 => "< 10 s, < 2 GiB",
            20_000 => "< 20 s, < 2 GiB",
            _ => "—",
        };
        println!(
            "FIGURE|matching {juniors}×{mentors} ({eligible} eligible pairs): time, peak heap|native|{seconds:.3} s, {:.0} MiB|{target}",
            mib(peak)
        );
        println!("FIGURE|score a greedy pass loses, {juniors}×{mentors}|native|{lost:.1}%|—");
    }
}

/// 4,000 people in one chain of managers (each managed by the one before),
/// seniors and starters taking turns: every mentee's management line is
/// as long as the roster is deep, which the rules check for every pair.
fn management_chain(ladder: &doorgroei::Ladder, config: &MatchConfig) {
    use doorgroei::roster::{Day, Days, Person, Roster};
    let n = 4_000;
    let people: Vec<Person> = (0..n)
        .map(|i| {
            let senior = i % 2 == 0;
            let role = if senior {
                "sw-hbo-senior"
            } else {
                "sw-hbo-start"
            };
            Person {
                days: Days::of([Day::Mon, Day::Tue]),
                team: format!("T{}", i % 50),
                manager: (i > 0).then(|| (i - 1).to_string()),
                capacity: if senior { 2 } else { 0 },
                capacity_default: false,
                ..Person::new(i.to_string(), format!("P{i}"), role)
            }
        })
        .collect();
    let roster = Roster {
        people,
        pairs: Vec::new(),
    };
    let start = Instant::now();
    let result = assign(ladder, &roster, config);
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "management chain {n}: {seconds:.3} s, {} matched",
        result.matched
    );
    println!("FIGURE|matching {n} people under one chain of {n} managers|native|{seconds:.3} s|—");
}

/// The re-match of issue 17, natively: 2,000 × 1,000 matched on a day, one
/// mentor with mentees leaves the day after, and the matching on the next
/// day keeps every other pair and matches only the mentees left without a
/// mentor (the worker's share of the browser's re-match; best of 10).
fn one_mentor_leaves(ladder: &doorgroei::ladder::Ladder) {
    let day = jiff::civil::date(2026, 12, 1);
    let next = jiff::civil::date(2026, 12, 2);
    let mut roster = synth::roster(2_000, 1_000, 42);
    let config = MatchConfig {
        today: Some(day),
        ..MatchConfig::default()
    };
    let first = assign(ladder, &roster, &config);
    roster.pairs = pairs_after(&roster, &first, Some(day));
    let Some(leaver) = first.pairs.first().map(|p| p.mentor.clone()) else {
        return;
    };
    let left = first.pairs.iter().filter(|p| p.mentor == leaver).count();
    if let Some(p) = roster.people.iter_mut().find(|p| p.id == leaver) {
        p.leaves = Some(day);
    }
    let config = MatchConfig {
        today: Some(next),
        ..MatchConfig::default()
    };
    let mut seconds = f64::INFINITY;
    let mut again = None;
    for _ in 0..10 {
        let start = Instant::now();
        let r = assign(ladder, &roster, &config);
        seconds = seconds.min(start.elapsed().as_secs_f64());
        again = Some(r);
    }
    let again = again.expect("ran");
    let kept = again.pairs.iter().filter(|p| p.existing).count();
    println!(
        "re-match after one mentor leaves: {} ms ({kept} pairs kept, {} ended, {} matched again)",
        (seconds * 1000.0).round(),
        again.ended.len(),
        again.pairs.len() - kept,
    );
    assert_eq!(again.ended.len(), left, "the leaver's pairs end");
    println!(
        "FIGURE|2,000 × 1,000: re-match after one mentor leaves ({left} mentees), the matching itself|native|{:.0} ms|— (the browser's row is < 100 ms)",
        seconds * 1000.0
    );
}
