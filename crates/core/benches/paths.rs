//! Growth routes on a generated 500-role ladder: time per query.
//!
//! Run with `cargo xtask bench` (or `cargo bench -p doorgroei --bench paths`).
//! Target (issue 3): under 10 ms per query natively.

use criterion::{criterion_group, criterion_main, Criterion};
use doorgroei::format::load_ladder;
use doorgroei::paths::{plan, routes, Config, Profile};
use doorgroei::synth;
use jiff::civil::date;

fn bench(c: &mut Criterion) {
    let ladder = load_ladder("generated.yaml", &synth::ladder_yaml(500, 2026))
        .expect("the generated ladder is valid");
    let today = date(2026, 11, 22);
    // 100 (role, goal) pairs spread over the ladder: starts in the lower half, goals above.
    let pairs = synth::route_queries(500, 100, 7);
    let mut group = c.benchmark_group("paths (500 roles)");
    group.bench_function("k=3 routes, one query", |b| {
        let mut i = 0;
        b.iter(|| {
            let (from, goal) = &pairs[i % pairs.len()];
            i += 1;
            let mut p = Profile::in_role(from);
            p.no_management = i % 2 == 0;
            routes(&ladder, &p, goal, 3, today)
        })
    });
    group.bench_function("whole plan (targets, next steps, one goal)", |b| {
        let mut i = 0;
        b.iter(|| {
            let (from, goal) = &pairs[i % pairs.len()];
            i += 1;
            let mut p = Profile::in_role(from);
            p.goals = vec![goal.clone()];
            plan(&ladder, &p, Config::default(), today)
        })
    });
    // The same ladder with a third of the steps without minimum years: there
    // trainings and competencies decide how long a step takes, so what a
    // route gained on the way counts and the search keeps several routes per role.
    let gains = load_ladder(
        "generated-gains.yaml",
        &synth::ladder_yaml(500, 2026).replace("min_years: 1,", "min_years: 0,"),
    )
    .expect("the generated ladder is valid");
    group.bench_function("k=3 routes where gains count, one query", |b| {
        let mut i = 0;
        b.iter(|| {
            let (from, goal) = &pairs[i % pairs.len()];
            i += 1;
            let p = Profile::in_role(from);
            routes(&gains, &p, goal, 3, today)
        })
    });
    group.bench_function("whole plan where gains count", |b| {
        let mut i = 0;
        b.iter(|| {
            let (from, goal) = &pairs[i % pairs.len()];
            i += 1;
            let mut p = Profile::in_role(from);
            p.goals = vec![goal.clone()];
            plan(&gains, &p, Config::default(), today)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
