//! The worker's growth module: a WebAssembly module of its own, loaded by
//! `worker.js` the first time the page asks for a ladder's scan, reads a
//! profile file or wants a growth plan. It holds the routes' search and the
//! profile's reader; the planner keeps the matching and the schedule (it
//! had no room left for both). Glue only: each request
//! ([`doorgroei::exchange::Request`] as JSON) is answered by the core
//! ([`doorgroei::exchange::answer_growth_json`]), tested there.

use wasm_bindgen::prelude::wasm_bindgen;

/// Answers one request (JSON text) with a
/// [`doorgroei::exchange::Reply`] (JSON text).
#[wasm_bindgen]
pub fn answer(request: &str) -> String {
    doorgroei::exchange::answer_growth_json(request)
}
