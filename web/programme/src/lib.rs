//! The worker's programme module: a WebAssembly module of its own, loaded
//! by `worker.js` the first time the Besprekingen room asks how the
//! mentoring programme goes or opens a review log. It holds the log's
//! reader (YAML and CSV) and the status of the pairs; the planner and the
//! files modules stay as they were. Glue only: each request
//! ([`doorgroei::exchange::Request`] as JSON) is answered by the core
//! ([`doorgroei::exchange::answer_programme_json`]), tested there.

use wasm_bindgen::prelude::wasm_bindgen;

/// Answers one request (JSON text) with a
/// [`doorgroei::exchange::Reply`] (JSON text).
#[wasm_bindgen]
pub fn answer(request: &str) -> String {
    doorgroei::exchange::answer_programme_json(request)
}
