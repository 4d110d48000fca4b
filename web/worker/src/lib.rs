//! The web app's worker: a WebAssembly module of its own, loaded by
//! `worker.js` the first time the page needs it. It holds what the page
//! leaves out to stay small: the YAML and CSV readers and the matcher.
//! Glue only: each request ([`doorgroei::exchange::Request`] as JSON) is
//! answered by the core ([`doorgroei::exchange::answer_json`]), tested
//! there. Spreadsheets are read by a module of their own (`doorgroei_xlsx`),
//! which `worker.js` loads when the answer asks for a sheet.

use wasm_bindgen::prelude::wasm_bindgen;

/// Answers one request (JSON text) with a
/// [`doorgroei::exchange::Reply`] (JSON text).
#[wasm_bindgen]
pub fn answer(request: &str) -> String {
    doorgroei::exchange::answer_json(request)
}

/// Answers a roster import of a spreadsheet (JSON text) with the sheet the
/// spreadsheet module read for it (JSON text).
#[wasm_bindgen]
pub fn answer_with_sheet(request: &str, sheet: &str) -> String {
    doorgroei::exchange::answer_with_sheet_json(request, sheet)
}
