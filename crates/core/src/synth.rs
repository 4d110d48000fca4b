//! Synthetic data for benchmarks and tests: large ladders that look like real
//! ones. Deterministic: a seed, not randomness, decides everything.

/// A deterministic pseudo-random sequence: the same seed, the same data.
pub struct Lcg(pub u64);

impl Lcg {
    /// A number in `0..n` (0 when `n` is 0).
    pub fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// `n` roles over four levels and five tracks, each with two to four steps
/// onward (mostly up a level, some sideways), a tenth of them managers.
pub fn ladder_yaml(n: usize, seed: u64) -> String {
    let mut rng = Lcg(seed);
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

/// `count` (from, goal) role-id pairs for a ladder made by [`ladder_yaml`]
/// with `n` roles: starts in the lower half, goals in the upper half.
pub fn route_queries(n: usize, count: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Lcg(seed);
    let half = (n / 2).max(1);
    (0..count)
        .map(|_| {
            (
                format!("r{}", rng.next(half)),
                format!("r{}", half + rng.next(n - half)),
            )
        })
        .collect()
}
