//! The worker's planner module: a WebAssembly module of its own, loaded by
//! `worker.js` the first time the page asks for a matching or the review
//! schedule. It holds the solver, the scheduler and the calendar writers,
//! and no file reader: a visit that opens no file never downloads the
//! files module (`doorgroei_files`); the ladder's scan, a profile's reading
//! and the growth plan are the growth module's (`doorgroei_growth`).
//! Glue only: each request ([`doorgroei::exchange::Request`] as JSON) is
//! answered by the core ([`doorgroei::exchange::answer_planner_json_with`]),
//! tested there, with the roster the page handed over last, which this
//! module keeps while the worker runs.

use std::cell::RefCell;

use doorgroei::exchange::Kept;
use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

/// Answers one request (JSON text) with a
/// [`doorgroei::exchange::Reply`] (JSON text).
#[wasm_bindgen]
pub fn answer(request: &str) -> String {
    KEPT.with(|kept| doorgroei::exchange::answer_planner_json_with(&mut kept.borrow_mut(), request))
}
