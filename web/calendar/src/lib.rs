//! Doorgroei's Besprekingen room (the pairs' four-weekly case reviews): a
//! yew app of its own, in a WebAssembly module of its own, which the page
//! loads the first time the room is opened (`web/calendar.js`), so the
//! page's download does not grow with the calendar.
//!
//! The page hands it the language, the ladder and the roster in their JSON
//! forms ([`show`]) whenever one of them changes; the room asks the worker
//! for the schedule itself. The pieces the rooms share are the page's own
//! source files, taken in with `#[path]`: the texts (`i18n`), the worker's
//! client and downloads (`shared`), the session's types and the small views.

#[path = "../../src/widgets/apart.rs"]
mod apart;
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

use doorgroei::exchange::TextFile;
use doorgroei::matching::Assignment;
use doorgroei::Lang;
use wasm_bindgen::prelude::*;

use crate::rooms::besprekingen::{Calendar, RoomProps};
use crate::session::{LadderInUse, RosterInUse};
use crate::shared::Shared;

/// What the room was last shown: its app, and the ladder and roster as
/// given (their JSON forms), so that an unchanged one keeps its identity
/// and is not planned again.
struct Shown {
    app: yew::AppHandle<Calendar>,
    ladder: (String, Shared<LadderInUse>),
    roster: Option<(String, Shared<RosterInUse>)>,
}

thread_local! {
    static SHOWN: RefCell<Option<Shown>> = const { RefCell::new(None) };
}

/// Shows the room in `host` (emptied the first time), for the ladder
/// (`ladder_json`, the JSON form the page keeps, from the file
/// `ladder_name`) and the roster (`roster_json`, `None` when there is
/// none; from the file `roster_name`, if any), in `lang` (`nl` or `en`).
/// Later calls update what is shown. A ladder or roster the page could
/// read but this module cannot (which only a bug would cause) shows as no
/// roster.
#[wasm_bindgen]
pub fn show(
    host: web_sys::Element,
    lang: String,
    ladder_json: String,
    ladder_name: String,
    roster_json: Option<String>,
    roster_name: Option<String>,
) {
    SHOWN.with(|shown| {
        let mut shown = shown.borrow_mut();
        let before = shown.take();
        let ladder = match &before {
            Some(b) if b.ladder.0 == ladder_json => b.ladder.clone(),
            _ => {
                let file = TextFile {
                    name: ladder_name,
                    text: ladder_json.clone(),
                };
                let read = LadderInUse::read(file).unwrap_or_else(LadderInUse::example);
                (ladder_json, Shared::new(read))
            }
        };
        let kept = before
            .as_ref()
            .and_then(|b| b.roster.clone())
            .filter(|(json, _)| Some(json) == roster_json.as_ref());
        let roster = kept.or_else(|| {
            let json = roster_json?;
            let roster = doorgroei::format::roster_from_json(&json, &ladder.1.ladder)?;
            let in_use = RosterInUse {
                name: roster_name,
                roster,
                // The room shows the pairs, not why they were made.
                outcome: Assignment::default(),
            };
            Some((json, Shared::new(in_use)))
        });
        let props = RoomProps {
            lang: Lang::from_code(&lang).unwrap_or_default(),
            ladder: ladder.1.clone(),
            roster: roster.as_ref().map(|r| r.1.clone()),
        };
        let app = match before {
            Some(mut b) => {
                b.app.update(props);
                b.app
            }
            None => {
                apart::leave_page_trees();
                host.set_inner_html("");
                yew::Renderer::<Calendar>::with_root_and_props(host, props).render()
            }
        };
        *shown = Some(Shown {
            app,
            ladder,
            roster,
        });
    });
}

/// The browser's clock in milliseconds since 1970 (the calendar files'
/// DTSTAMP, which the worker writes).
pub fn now() -> i64 {
    js_sys::Date::now() as i64
}
