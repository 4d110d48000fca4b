//! Growth routes measured inside headless Chromium (run by `cargo xtask bench`).
//! The figures go to the console, where the runner prints them.
#![cfg(target_arch = "wasm32")]

use doorgroei::format::load_ladder;
use doorgroei::paths::{routes, Profile};
use doorgroei::synth;
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
    assert!(found > 0, "the generated ladder has routes");
}
