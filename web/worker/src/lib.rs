//! The web app's worker: a WebAssembly module of its own, loaded by
//! `worker.js` the first time the page needs it. It holds what the page
//! leaves out to stay small: the YAML and CSV readers and the matcher.
//! Glue only: each request ([`doorgroei::exchange::Request`] as JSON) is
//! answered by the core ([`doorgroei::exchange::answer_json`]), tested
//! there.

use wasm_bindgen::prelude::wasm_bindgen;

/// Answers one request (JSON text) with a
/// [`doorgroei::exchange::Reply`] (JSON text).
#[wasm_bindgen]
pub fn answer(request: &str) -> String {
    doorgroei::exchange::answer_json(request)
}
