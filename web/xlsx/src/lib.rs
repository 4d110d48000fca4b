//! The web app's spreadsheet reader: a WebAssembly module of its own that
//! the worker loads (`worker.js`, a dynamic `import()`) only when the user
//! opens a spreadsheet (.xlsx), so a plain visit never downloads it. It
//! reads the sheet a roster import asks for into a
//! [`doorgroei::format::Table`], which the worker then reads like a CSV
//! file's rows; the reading itself is core's
//! ([`doorgroei::exchange::read_sheet_json`]), tested natively.

use wasm_bindgen::prelude::wasm_bindgen;

/// The sheet a roster import (a `doorgroei::exchange::Request` as JSON
/// text) asks for, the first when it names none: `{"Ok": {"table": …,
/// "sheets": […]}}` or `{"Err": Report}` as JSON text.
#[wasm_bindgen]
pub fn read_sheet(request: &str) -> String {
    doorgroei::exchange::read_sheet_json(request)
}
