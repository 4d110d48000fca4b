//! Mentor matching on synthetic rosters: time, and the score a greedy pass loses.
//!
//! Run with `cargo xtask bench`. Targets (issue 4): 2,000 × 1,000 under 0.5 s
//! natively; 10,000 × 5,000 under 10 s within 2 GiB.

use std::collections::BTreeMap;
use std::time::Instant;

use doorgroei::format::load_ladder;
use doorgroei::matching::{assign, problem, MatchConfig, Problem};
use doorgroei::synth;

/// The plain greedy pass: best-scoring eligible pairs first, while capacity
/// lasts. Returns (matched, total score including load bonuses).
fn greedy(p: &Problem) -> (usize, i64) {
    let mut candidates: Vec<_> = p.candidates.iter().collect();
    candidates.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(a.mentee.cmp(&b.mentee))
            .then(a.mentor.cmp(&b.mentor))
    });
    let mut used: BTreeMap<&str, usize> = BTreeMap::new();
    let mut done = std::collections::BTreeSet::new();
    let (mut matched, mut total) = (0, 0);
    for c in candidates {
        let u = used.get(c.mentor.as_str()).copied().unwrap_or(0);
        if done.contains(c.mentee.as_str()) || u >= p.capacity[&c.mentor] as usize {
            continue;
        }
        done.insert(c.mentee.as_str());
        used.insert(c.mentor.as_str(), u + 1);
        matched += 1;
        total += c.score + p.slot_bonus[&c.mentor][u];
    }
    (matched, total)
}

fn main() {
    let ladder = load_ladder(
        "welzijn-groeit.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap();
    let config = MatchConfig::default();
    let sizes: Vec<(usize, usize)> = match std::env::var("DOORGROEI_BENCH_SIZES").ok().as_deref() {
        Some("small") => vec![(200, 100), (2_000, 1_000)],
        _ => vec![(200, 100), (2_000, 1_000), (10_000, 5_000)],
    };
    println!(
        "{:<16} {:>10} {:>12} {:>9} {:>9} {:>12} {:>12} {:>9}",
        "mentees×mentors",
        "eligible",
        "solve (s)",
        "matched",
        "greedy",
        "score",
        "greedy score",
        "lost"
    );
    for (juniors, mentors) in sizes {
        let roster = synth::roster(juniors, mentors, 42);
        let p = problem(&ladder, &roster, &config);
        let start = Instant::now();
        let result = assign(&ladder, &roster, &config);
        let seconds = start.elapsed().as_secs_f64();
        let (g_matched, g_total) = greedy(&p);
        let lost = if result.total_score > 0 {
            100.0 * (result.total_score - g_total) as f64 / result.total_score as f64
        } else {
            0.0
        };
        println!(
            "{:<16} {:>10} {:>12.3} {:>9} {:>9} {:>12} {:>12} {:>8.1}%",
            format!("{juniors}×{mentors}"),
            p.candidates.len(),
            seconds,
            result.matched,
            g_matched,
            result.total_score,
            g_total,
            lost
        );
    }
}
