//! The web app's spreadsheet reader: a WebAssembly module of its own that
//! the worker loads only when the user opens a spreadsheet (.xlsx), so a
//! plain visit never downloads it. It turns one sheet into a
//! [`doorgroei::format::Table`] (JSON) that the worker reads like a CSV
//! file's rows; the reading itself is core's, tested natively.

use doorgroei::error::Report;
use doorgroei::format::{sheet_names, sheet_table, Table};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

/// One sheet of a workbook, or why there is none.
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum SheetReply {
    /// The sheet as a table, and the names of every sheet (for a choice).
    Read { table: Table, sheets: Vec<String> },
    /// The workbook's problems.
    Problems(Report),
}

/// The sheet `sheet` (the first when empty) of the workbook `bytes`, as
/// JSON: `{"read": {"table": …, "sheets": […]}}` or `{"problems": …}`.
#[wasm_bindgen]
pub fn read_sheet(name: &str, bytes: &[u8], sheet: &str) -> String {
    let sheet = (!sheet.is_empty()).then_some(sheet);
    let reply = match (sheet_table(name, bytes, sheet), sheet_names(name, bytes)) {
        (Ok(table), Ok(sheets)) => SheetReply::Read { table, sheets },
        (Err(e), _) | (_, Err(e)) => SheetReply::Problems(e.report()),
    };
    serde_json::to_string(&reply).unwrap_or_default()
}
