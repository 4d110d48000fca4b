//! Doorgroei's Besprekingen room (the pairs' four-weekly case reviews): a
//! yew app of its own, in a WebAssembly module of its own, which the page
//! loads the first time the room is opened (`web/calendar.js`), so the
//! page's download does not grow with the calendar.
//!
//! The page hands it the language, the ladder and the roster in their JSON
//! forms ([`show`], see [`host`]) whenever one of them changes; the room
//! asks the worker for the schedule itself. The pieces the rooms share are
//! the page's own source files, taken in with `#[path]`: the texts
//! (`i18n`), the worker's client and downloads (`shared`), the session's
//! types and the small views.

#[path = "../../src/widgets/apart.rs"]
mod apart;
pub mod host;
#[path = "../../src/i18n.rs"]
pub mod i18n;
#[path = "../../src/session.rs"]
pub mod session;
#[path = "../../src/shared/mod.rs"]
pub mod shared;
#[path = "../../src/widgets/views.rs"]
pub mod widgets;

pub mod rooms {
    //! The room this module holds.
    pub mod besprekingen;
}
pub mod texts;

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

pub use crate::host::RoomProps;
use crate::host::Shown;
use crate::rooms::besprekingen::Calendar;

thread_local! {
    static SHOWN: RefCell<Option<Shown<Calendar>>> = const { RefCell::new(None) };
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
