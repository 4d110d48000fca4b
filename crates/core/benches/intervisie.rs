//! Forming intervisie groups of 500 people (issue 18: under 2 s natively).
//! Run with `cargo bench -p doorgroei --bench intervisie` or `cargo xtask
//! bench`.

use std::time::Instant;

use doorgroei::format::load_ladder;
use doorgroei::intervisie::{form_groups, Earlier, IntervisieConfig};
use doorgroei::synth;

fn main() {
    let ladder = load_ladder(
        "welzijn-groeit.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap();
    for (juniors, mentors) in [(300, 200), (20, 14)] {
        let roster = synth::roster(juniors, mentors, 18);
        let config = IntervisieConfig::default();
        let mut times = Vec::new();
        let mut last = None;
        for _ in 0..5 {
            let t = Instant::now();
            let grouping = form_groups(&ladder, &roster, &config, &Earlier::default());
            times.push(t.elapsed().as_secs_f64());
            last = Some(grouping);
        }
        times.sort_unstable_by(f64::total_cmp);
        let g = last.unwrap();
        println!(
            "intervisie {} taking part: median {:.3} s of 5 runs ({} groups, {} left out, total {} of at most {})",
            g.taking_part,
            times[2],
            g.groups.len(),
            g.left_out.len(),
            g.total_score,
            g.upper_bound
        );
        if g.taking_part >= 500 {
            println!(
                "FIGURE|intervisie groups for {} people (median of 5)|native|{:.3} s|< 2 s",
                g.taking_part, times[2]
            );
        }
    }
}
