//! The web app's worker: a WebAssembly module of its own, loaded by
//! `worker.js` the first time the page needs it. It holds what the page
//! leaves out to stay small: the YAML and CSV readers and the matcher. Each
//! entry point answers one request with a [`doorgroei::exchange`] reply as
//! JSON; the answers themselves are core functions, tested there.

use doorgroei::exchange;
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

/// A reply as JSON. (Serialising these plain-data replies cannot fail.)
fn json(reply: &impl Serialize) -> String {
    serde_json::to_string(reply).unwrap_or_default()
}

/// A ladder file (YAML): a [`exchange::LadderReply`].
#[wasm_bindgen]
pub fn read_ladder(name: &str, text: &str) -> String {
    json(&exchange::read_ladder(name, text))
}

/// A profile file (YAML) against the ladder's JSON form: a [`exchange::ProfileReply`].
#[wasm_bindgen]
pub fn read_profile(name: &str, text: &str, ladder_json: &str) -> String {
    json(&exchange::read_profile(name, text, ladder_json))
}

/// A roster file (CSV or YAML) against the ladder: an [`exchange::ImportReply`].
#[wasm_bindgen]
pub fn import_roster(ladder_json: &str, file_name: &str, bytes: &[u8]) -> String {
    json(&exchange::import_roster(ladder_json, file_name, bytes))
}

/// Matching the roster (its JSON form): an [`exchange::MatchReply`].
#[wasm_bindgen]
pub fn match_roster(ladder_json: &str, roster_json: &str, full: bool) -> String {
    json(&exchange::match_roster(ladder_json, roster_json, full))
}

/// An older save's ladder and roster (`roster_name` empty: none): an
/// [`exchange::MigrateReply`].
#[wasm_bindgen]
pub fn migrate(
    ladder_name: &str,
    ladder_text: &str,
    roster_name: &str,
    roster_text: &str,
) -> String {
    let roster = (!roster_name.is_empty()).then_some((roster_name, roster_text));
    json(&exchange::migrate((ladder_name, ladder_text), roster))
}

/// A profile (as JSON) written as a profile file: an [`exchange::WriteReply`].
#[wasm_bindgen]
pub fn profile_yaml(profile_json: &str) -> String {
    json(&exchange::profile_yaml(profile_json))
}

/// A roster file in its JSON form written as YAML: an [`exchange::WriteReply`].
#[wasm_bindgen]
pub fn roster_yaml(roster_json: &str) -> String {
    json(&exchange::roster_yaml(roster_json))
}
