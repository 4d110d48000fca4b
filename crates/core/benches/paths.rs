//! Growth routes on a generated 500-role ladder: time per query.
//!
//! Run with `cargo xtask bench` (or `cargo bench -p doorgroei --bench paths`).
//! Target (issue 3): under 10 ms per query natively.

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion};
use doorgroei::format::load_ladder;
use doorgroei::paths::{plan, routes, Config, Profile};
use doorgroei::synth;
use doorgroei::Ladder;
use jiff::civil::date;

/// The two queries on `ladder`, their names ending in `suffix`.
fn queries(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    ladder: &Ladder,
    suffix: &str,
) {
    let today = date(2026, 11, 22);
    // 100 (role, goal) pairs spread over the ladder: starts in the lower half, goals above.
    let pairs = synth::route_queries(500, 100, 7);
    group.bench_function(format!("k=3 routes{suffix}, one query"), |b| {
        let mut i = 0;
        b.iter(|| {
            let (from, goal) = &pairs[i % pairs.len()];
            i += 1;
            let mut p = Profile::in_role(from);
            p.no_management = i % 2 == 0;
            routes(ladder, &p, goal, 3, today)
        })
    });
    group.bench_function(
        format!("whole plan (targets, next steps, one goal){suffix}"),
        |b| {
            let mut i = 0;
            b.iter(|| {
                let (from, goal) = &pairs[i % pairs.len()];
                i += 1;
                let mut p = Profile::in_role(from);
                p.goals = vec![goal.clone()];
                plan(ladder, &p, Config::default(), today)
            })
        },
    );
}

fn bench(c: &mut Criterion) {
    let text = synth::ladder_yaml(500, 2026);
    let ladder = load_ladder("generated.yaml", &text).expect("the generated ladder is valid");
    // The same ladder with a third of the steps without minimum years: there
    // trainings and competencies decide how long a step takes, so what a
    // route gained on the way counts and the search keeps several routes per role.
    let gains = load_ladder(
        "generated-gains.yaml",
        &text.replace("min_years: 1,", "min_years: 0,"),
    )
    .expect("the generated ladder is valid");
    let mut group = c.benchmark_group("paths (500 roles)");
    queries(&mut group, &ladder, "");
    queries(&mut group, &gains, " where gains count");
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
