//! Growth routes measured inside headless Chromium (run by `cargo xtask bench`).
//! The figures go to the console, where the runner prints them.
#![cfg(target_arch = "wasm32")]

use doorgroei::format::load_ladder;
use doorgroei::paths::{routes, Profile};
use doorgroei::synth;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[wasm_bindgen_test]
fn paths_on_a_500_role_ladder() {
    let ladder = load_ladder("generated.yaml", &synth::ladder_yaml(500, 2026)).unwrap();
    let today = jiff::civil::date(2026, 11, 22);
    let pairs = synth::route_queries(500, 100, 7);
    // Warm up, then time 3 rounds of 100 queries, as the native benchmark does.
    for (from, goal) in &pairs {
        routes(&ladder, &Profile::in_role(from), goal, 3, today);
    }
    let mut found = 0;
    let start = now_ms();
    for round in 0..3 {
        for (i, (from, goal)) in pairs.iter().enumerate() {
            let mut p = Profile::in_role(from);
            p.no_management = (i + round) % 2 == 0;
            found += routes(&ladder, &p, goal, 3, today).routes.len();
        }
    }
    let per_query = (now_ms() - start) / 300.0;
    console_log!("BENCH paths (500 roles) k=3 routes, one query, in the browser: {per_query:.2} ms ({found} routes found)");
    console_log!(
        "FIGURE|paths (500 roles) / k=3 routes, one query|browser|{per_query:.3} ms|< 10 ms"
    );
    assert!(found > 0, "the generated ladder has routes");
}

/// Matching at the sizes of the issue, in the browser. 10,000 × 5,000 only
/// natively: its eligible pairs alone need about 500 MB.
#[wasm_bindgen_test]
fn matching_in_the_browser() {
    use doorgroei::matching::{assign, MatchConfig};
    let ladder = load_ladder(
        "welzijn-groeit.yaml",
        include_str!("../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap();
    for (juniors, mentors) in [(200, 100), (2_000, 1_000)] {
        let roster = synth::roster(juniors, mentors, 42);
        let start = now_ms();
        let result = assign(&ladder, &roster, &MatchConfig::default());
        let seconds = (now_ms() - start) / 1000.0;
        let memory = wasm_memory();
        let target = if juniors == 2_000 { "< 1.5 s" } else { "—" };
        console_log!(
            "FIGURE|matching {juniors}×{mentors}: time, wasm memory (the module's peak so far)|browser|{seconds:.3} s, {:.0} MiB|{target}",
            memory as f64 / 1048576.0
        );
        console_log!(
            "BENCH matching {juniors}×{mentors} in the browser: {seconds:.3} s, {} matched, total score {}, wasm memory {:.0} MiB",
            result.matched,
            result.total_score,
            memory as f64 / 1048576.0
        );
        assert!(result.matched > 0);
    }
}

/// The module's linear memory now: it only grows, so this is its peak.
fn wasm_memory() -> u32 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map(|b| b.byte_length())
                .unwrap_or(0)
        })
        .unwrap_or(0)
}

/// Scheduling 2,000 pairs over 36 months, as the native benchmark does.
#[wasm_bindgen_test]
fn scheduling_in_the_browser() {
    use doorgroei::schedule::schedule;
    let ladder = load_ladder(
        "welzijn-groeit.yaml",
        include_str!("../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap();
    let (roster, pairs, config, start) = synth::scheduling_case(&ladder);
    let mut times = Vec::new();
    let mut placed = 0;
    for _ in 0..5 {
        let t = now_ms();
        placed = schedule(&roster, &pairs, start, &config).reviews.len();
        times.push((now_ms() - t) / 1000.0);
    }
    times.sort_unstable_by(f64::total_cmp);
    console_log!(
        "FIGURE|scheduling {} pairs × 36 months (median of 5): time, wasm memory (the module's peak so far)|browser|{:.3} s, {:.0} MiB|—",
        pairs.len(),
        times[2],
        wasm_memory() as f64 / 1048576.0
    );
    assert!(placed > 0, "reviews are placed");
}
