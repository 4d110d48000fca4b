//! Scheduling four-weekly reviews for 2,000 pairs over 36 months (issue 5:
//! under 1 s natively). Run with `cargo xtask bench`.

use std::time::Instant;

use doorgroei::format::load_ladder;
use doorgroei::schedule::schedule;
use doorgroei::synth;

fn main() {
    let ladder = load_ladder(
        "welzijn-groeit.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap();
    let (roster, pairs, config, start) = synth::scheduling_case(&ladder);
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let t = Instant::now();
        let plan = schedule(&roster, &pairs, start, &config);
        times.push(t.elapsed().as_secs_f64());
        last = Some(plan);
    }
    times.sort_unstable_by(f64::total_cmp);
    let plan = last.unwrap();
    println!(
        "schedule {} pairs × 36 months: median {:.3} s of 5 runs ({} reviews placed, {} reported unplaced)",
        pairs.len(),
        times[2],
        plan.reviews.len(),
        plan.unplaced.len()
    );
    println!(
        "FIGURE|scheduling {} pairs × 36 months (median of 5)|native|{:.3} s|< 1 s",
        pairs.len(),
        times[2]
    );
}
