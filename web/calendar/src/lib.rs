//! The mentoring programme's rooms: Besprekingen (the pairs' four-weekly
//! case reviews) and Intervisie (peer-consultation groups and who is due
//! for supervision), each a yew app of its own, in a WebAssembly module of
//! their own, which the page loads the first time one is opened
//! (`web/calendar.js`), so the page's download does not grow with them.
//!
//! The page hands a room the language, the ladder and the roster in their
//! JSON forms ([`show`]) whenever one of them changes; the room asks the
//! worker for the schedule or the groups itself. The pieces the rooms share are the page's own
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
    //! The rooms this module holds.
    pub mod besprekingen;
    pub mod intervisie;
}
pub mod texts;

use std::cell::RefCell;

use doorgroei::exchange::TextFile;
use doorgroei::matching::Assignment;
use doorgroei::Lang;
use wasm_bindgen::prelude::*;

use yew::prelude::*;

use crate::rooms::besprekingen::Calendar;
use crate::rooms::intervisie::Intervisie;
use crate::session::{LadderInUse, RosterInUse};
use crate::shared::Shared;

/// What a room is given.
#[derive(Properties, PartialEq)]
pub struct RoomProps {
    pub lang: Lang,
    /// The ladder the roster is read against (the worker reads both).
    pub ladder: Shared<LadderInUse>,
    /// The roster of the pairs or the groups.
    pub roster: Option<Shared<RosterInUse>>,
    /// A (new) roster is being read: it comes in a moment.
    #[prop_or_default]
    pub reading: bool,
}

/// A room's app.
enum App {
    Besprekingen(yew::AppHandle<Calendar>),
    Intervisie(yew::AppHandle<Intervisie>),
}

impl App {
    fn start(room: &str, host: web_sys::Element, props: RoomProps) -> App {
        match room {
            "intervisie" => App::Intervisie(
                yew::Renderer::<Intervisie>::with_root_and_props(host, props).render(),
            ),
            _ => App::Besprekingen(
                yew::Renderer::<Calendar>::with_root_and_props(host, props).render(),
            ),
        }
    }

    fn update(&mut self, props: RoomProps) {
        match self {
            App::Besprekingen(app) => app.update(props),
            App::Intervisie(app) => app.update(props),
        }
    }
}

/// What a room was last shown: its app, and the ladder and roster as
/// given (their JSON forms), so that an unchanged one keeps its identity
/// and is not planned again.
struct Shown {
    app: App,
    lang: Lang,
    ladder: (String, Shared<LadderInUse>),
    roster: Option<(String, Shared<RosterInUse>)>,
    /// A roster given and not yet read (its JSON form and file name): it
    /// is read in a task of its own, so that opening the room with 3,000
    /// people does not hold the page up for the whole of it.
    pending: Option<(String, Option<String>)>,
}

thread_local! {
    /// Each room's, by name.
    static SHOWN: RefCell<std::collections::BTreeMap<String, Shown>> =
        const { RefCell::new(std::collections::BTreeMap::new()) };
}

/// The JSON form the page gave of `roster`, when it is a roster shown:
/// the schedule is asked for with it rather than with the roster written
/// again (some 25 ms for 3,000 people).
pub fn given_json(roster: &Shared<RosterInUse>) -> Option<String> {
    SHOWN.with(|shown| {
        let shown = shown.try_borrow().ok()?;
        shown.values().find_map(|s| {
            let (json, shown) = s.roster.as_ref()?;
            (shown == roster).then(|| json.clone())
        })
    })
}

/// Shows the room `room` (`besprekingen` or `intervisie`) in `host`
/// (emptied the first time), for the ladder
/// (`ladder_json`, the JSON form the page keeps, from the file
/// `ladder_name`) and the roster (`roster_json`, `None` when there is
/// none; from the file `roster_name`, if any), in `lang` (`nl` or `en`).
/// Later calls update what is shown. A ladder or roster the page could
/// read but this module cannot (which only a bug would cause) shows as no
/// roster.
#[wasm_bindgen]
pub fn show(
    room: String,
    host: web_sys::Element,
    lang: String,
    ladder_json: String,
    ladder_name: String,
    roster_json: Option<String>,
    roster_name: Option<String>,
) {
    let lang = Lang::from_code(&lang).unwrap_or_default();
    let read_later = SHOWN.with(|shown| {
        let mut shown = shown.borrow_mut();
        let before = shown.remove(&room);
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
        let same_ladder = before.as_ref().is_some_and(|b| b.ladder.1 == ladder.1);
        let previous = before.as_ref().and_then(|b| b.roster.clone());
        let kept = previous
            .clone()
            .filter(|(json, _)| same_ladder && Some(json) == roster_json.as_ref());
        // A new roster is read after this task; meanwhile the room shows the
        // one it had (read against the same ladder), or says it is reading.
        let (roster, pending) = match (kept, roster_json) {
            (Some(kept), _) => (Some(kept), None),
            (None, None) => (None, None),
            (None, Some(json)) => (previous.filter(|_| same_ladder), Some((json, roster_name))),
        };
        let props = RoomProps {
            lang,
            ladder: ladder.1.clone(),
            roster: roster.as_ref().map(|r| r.1.clone()),
            reading: pending.is_some(),
        };
        let app = match before {
            Some(mut b) => {
                b.app.update(props);
                b.app
            }
            None => {
                apart::leave_page_trees();
                host.set_inner_html("");
                App::start(&room, host, props)
            }
        };
        let read_later = pending.is_some();
        shown.insert(
            room.clone(),
            Shown {
                app,
                lang,
                ladder,
                roster,
                pending,
            },
        );
        read_later
    });
    if read_later {
        shared::worker::later(move || read_roster(&room));
    }
}

/// Reads the roster given last to `room`, if it is still waiting, and
/// shows it.
fn read_roster(room: &str) {
    SHOWN.with(|shown| {
        let mut shown = shown.borrow_mut();
        let Some(shown) = shown.get_mut(room) else {
            return;
        };
        let Some((json, name)) = shown.pending.take() else {
            return;
        };
        let roster =
            doorgroei::format::roster_from_json(&json, &shown.ladder.1.ladder).map(|roster| {
                let in_use = RosterInUse {
                    name,
                    roster,
                    // The room shows the pairs, not why they were made.
                    outcome: Assignment::default(),
                };
                (json, Shared::new(in_use))
            });
        shown.roster = roster;
        shown.app.update(RoomProps {
            lang: shown.lang,
            ladder: shown.ladder.1.clone(),
            roster: shown.roster.as_ref().map(|r| r.1.clone()),
            reading: false,
        });
    });
}

/// The browser's clock in milliseconds since 1970 (the calendar files'
/// DTSTAMP, which the worker writes).
pub fn now() -> i64 {
    js_sys::Date::now() as i64
}
