//! Doorgroei's Intervisie room (peer-consultation groups and who is due
//! for supervision): a yew app of its own, in a WebAssembly module of its
//! own, which the page loads the first time the room is opened
//! (`web/calendar.js`), so neither the page nor Besprekingen grows with it.
//!
//! Shown like Besprekingen (`web/calendar/src/host.rs`, taken in here):
//! the page hands it the language, the ladder and the roster in their JSON
//! forms ([`show`]); the room asks the worker for the groups. The pieces
//! the rooms share are the page's own source files, taken in with
//! `#[path]`.

#[path = "../../src/widgets/apart.rs"]
mod apart;
#[path = "../../calendar/src/host.rs"]
pub mod host;
#[path = "../../src/i18n.rs"]
pub mod i18n;
#[path = "../../src/session.rs"]
pub mod session;
#[path = "../../src/shared/mod.rs"]
pub mod shared;
#[path = "../../src/widgets/views.rs"]
pub mod widgets;

pub mod room;

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

pub use crate::host::RoomProps;
use crate::host::Shown;
use crate::room::Intervisie;

thread_local! {
    static SHOWN: RefCell<Option<Shown<Intervisie>>> = const { RefCell::new(None) };
}

/// Shows the room in `host` (see [`host::show`]).
#[wasm_bindgen]
pub fn show(
    host: web_sys::Element,
    lang: String,
    ladder_json: String,
    ladder_name: String,
    roster_json: Option<String>,
    roster_name: Option<String>,
) {
    host::show(
        &SHOWN,
        host,
        lang,
        ladder_json,
        ladder_name,
        roster_json,
        roster_name,
    );
}

/// The browser's clock in milliseconds since 1970 (the calendar files'
/// DTSTAMP, which the worker writes).
pub fn now() -> i64 {
    js_sys::Date::now() as i64
}
