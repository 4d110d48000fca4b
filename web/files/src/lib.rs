//! The worker's files module: a WebAssembly module of its own, loaded by
//! `worker.js` the first time the page asks for a file to be read or
//! written. It holds the YAML, CSV and roster readers and the YAML writers.
//! Glue only: each request ([`doorgroei::exchange::Request`] as JSON) is
//! answered by the core ([`doorgroei::exchange::answer_files_json`]),
//! tested there. Spreadsheets are read by a module of their own
//! (`doorgroei_xlsx`), which `worker.js` loads when the answer asks for a
//! sheet; matching and scheduling are the planner module's
//! (`doorgroei_planner`), growth plans the growth module's
//! (`doorgroei_growth`).

use wasm_bindgen::prelude::wasm_bindgen;

/// Answers one request (JSON text) with a
/// [`doorgroei::exchange::Reply`] (JSON text).
#[wasm_bindgen]
pub fn answer(request: &str) -> String {
    doorgroei::exchange::answer_files_json(request)
}

/// Answers a roster import of a spreadsheet (JSON text) with the sheet the
/// spreadsheet module read for it (JSON text).
#[wasm_bindgen]
pub fn answer_with_sheet(request: &str, sheet: &str) -> String {
    doorgroei::exchange::answer_with_sheet_json(request, sheet)
}
