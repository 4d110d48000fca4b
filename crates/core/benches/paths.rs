//! Growth routes on a generated 500-role ladder: time per query.
//!
//! Run with `cargo xtask bench` (or `cargo bench -p doorgroei --bench paths`).
//! Target (issue 3): under 10 ms per query natively.

use criterion::{criterion_group, criterion_main, Criterion};
use doorgroei::format::load_ladder;
use doorgroei::paths::{plan, routes, Config, Profile};
use jiff::civil::date;

/// A deterministic pseudo-random sequence (no randomness in the product, and
/// the same ladder on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// `n` roles over four levels and five tracks, each with two to four steps
/// onward (mostly up a level, some sideways), a tenth of them managers.
fn ladder_yaml(n: usize) -> String {
    let mut rng = Lcg(2026);
    let levels = ["junior", "medior", "senior", "lead"];
    let mixes = [
        "{practice: 100}",
        "{practice: 60, teaching: 40}",
        "{practice: 50, policy: 50}",
        "{policy: 100}",
        "{research: 60, practice: 40}",
    ];
    let mut y = String::from("schema: doorgroei/ladder@1\norganisation: Groot\nroles:\n");
    let level_of = |i: usize| i * 4 / n;
    for i in 0..n {
        let level = level_of(i);
        y.push_str(&format!(
            "  - {{id: r{i}, name: {{nl: Functie {i}, en: Role {i}}}, level: {}, mix: {}, scale: {{min: {}, max: {}}}, education: hbo, manages_people: {}, competencies: [c{}]}}\n",
            levels[level],
            mixes[rng.next(mixes.len())],
            7 + level,
            8 + level,
            level >= 2 && rng.next(10) == 0,
            rng.next(20),
        ));
    }
    y.push_str("transitions:\n");
    let mut seen = std::collections::BTreeSet::new();
    for i in 0..n {
        let level = level_of(i);
        for _ in 0..2 + rng.next(3) {
            let up = level < 3 && rng.next(4) != 0;
            let band = if up { level + 1 } else { level };
            let (lo, hi) = (band * n / 4, ((band + 1) * n / 4).min(n));
            let j = lo + rng.next(hi - lo);
            if j == i || !seen.insert((i, j)) {
                continue;
            }
            let kind = if up { "promotion" } else { "lateral" };
            y.push_str(&format!(
                "  - {{from: r{i}, to: r{j}, kind: {kind}, min_years: {}, requirements: [{{competency: c{}}}, {{training: t{}}}]}}\n",
                1 + rng.next(3),
                rng.next(20),
                rng.next(10)
            ));
        }
    }
    y
}

fn bench(c: &mut Criterion) {
    let ladder =
        load_ladder("generated.yaml", &ladder_yaml(500)).expect("the generated ladder is valid");
    let today = date(2026, 11, 22);
    // 100 (role, goal) pairs spread over the ladder: starts in the lower half, goals above.
    let mut rng = Lcg(7);
    let pairs: Vec<(String, String)> = (0..100)
        .map(|_| {
            (
                format!("r{}", rng.next(250)),
                format!("r{}", 250 + rng.next(250)),
            )
        })
        .collect();
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
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
