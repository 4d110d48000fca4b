//! The worker's planner module: a WebAssembly module of its own, loaded by
//! `worker.js` the first time the page asks for a matching, the ladder's
//! scan, a growth plan or the review schedule. It holds the solver, the
//! scheduler and the calendar writers, and no file reader: a visit that
//! opens no file never downloads the files module (`doorgroei_files`).
//! Glue only: each request ([`doorgroei::exchange::Request`] as JSON) is
//! answered by the core ([`doorgroei::exchange::answer_planner_json`]),
//! tested there.

use wasm_bindgen::prelude::wasm_bindgen;

/// Answers one request (JSON text) with a
/// [`doorgroei::exchange::Reply`] (JSON text).
#[wasm_bindgen]
pub fn answer(request: &str) -> String {
    doorgroei::exchange::answer_planner_json(request)
}
