//! How a room in a module of its own is shown on the page: the page hands
//! it the language, the ladder and the roster in their JSON forms whenever
//! one of them changes ([`show`]); the room's app is made the first time
//! and updated after. Shared by the rooms' modules (`web/calendar`,
//! `web/intervisie`: this file is taken in with `#[path]`), each with its
//! own [`Slot`].

use std::cell::RefCell;
use std::thread::LocalKey;

use doorgroei::matching::Assignment;
use doorgroei::Lang;
use yew::prelude::*;

use crate::apart;
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

/// What the room was last shown: its app, and the ladder and roster as
/// given (their JSON forms), so that an unchanged one keeps its identity
/// and is not asked about again.
pub struct Shown<C: BaseComponent<Properties = RoomProps>> {
    app: yew::AppHandle<C>,
    lang: Lang,
    ladder: (String, Shared<LadderInUse>),
    roster: Option<(String, Shared<RosterInUse>)>,
    /// A roster given and not yet read (its JSON form and file name): it
    /// is read in a task of its own, so that opening the room with 3,000
    /// people does not hold the page up for the whole of it.
    pending: Option<(String, Option<String>)>,
    /// How many rosters were given to be read: a read finished after
    /// another was given is dropped.
    given: u64,
    /// The `given` count of the last roster decoded.
    decoded: u64,
}

/// Where a module keeps its room's [`Shown`] (a `thread_local!`).
pub type Slot<C> = LocalKey<RefCell<Option<Shown<C>>>>;

/// Shows the room in `host` (emptied the first time), for the ladder
/// (`ladder_json`, the JSON form the page keeps, from the file
/// `ladder_name`) and the roster (`roster_json`, `None` when there is
/// none; from the file `roster_name`, if any), in `lang` (`nl` or `en`).
/// Later calls update what is shown. A ladder or roster the page could
/// read but this module cannot (which only a bug would cause) shows as no
/// roster.
pub fn show<C: BaseComponent<Properties = RoomProps>>(
    slot: &'static Slot<C>,
    host: web_sys::Element,
    lang: String,
    ladder_json: String,
    ladder_name: String,
    roster_json: Option<String>,
    roster_name: Option<String>,
) {
    let lang = Lang::from_code(&lang).unwrap_or_default();
    let read_later = slot.with(|shown| {
        let mut shown = shown.borrow_mut();
        let before = shown.take();
        let ladder =
            LadderInUse::kept_or_read(before.as_ref().map(|b| &b.ladder), ladder_json, ladder_name);
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
        // (The roster being read given again: its read goes on.)
        let again = same_ladder
            && pending.is_some()
            && before
                .as_ref()
                .and_then(|b| b.pending.as_ref())
                .map(|p| &p.0)
                == pending.as_ref().map(|p| &p.0);
        let read_later = pending.is_some() && !again;
        let given = before.as_ref().map_or(0, |b| b.given) + u64::from(read_later);
        let before_decoded = before.as_ref().map_or(0, |b| b.decoded);
        let app = match before {
            Some(mut b) => {
                b.app.update(props);
                b.app
            }
            None => {
                apart::leave_page_trees();
                host.set_inner_html("");
                yew::Renderer::<C>::with_root_and_props(host, props).render()
            }
        };
        *shown = Some(Shown {
            app,
            lang,
            ladder,
            roster,
            pending,
            given,
            decoded: before_decoded,
        });
        read_later
    });
    if read_later {
        crate::shared::worker::later(move || read_roster(slot));
    }
}

/// Reads the roster given last, if it is still waiting, and shows it: its
/// JSON text is decoded in this task and checked against the ladder in the
/// next (with 3,000 people each takes tens of milliseconds; together they
/// held the page up for a tenth of a second).
fn read_roster<C: BaseComponent<Properties = RoomProps>>(slot: &'static Slot<C>) {
    let decoded = slot.with(|shown| {
        let mut shown = shown.borrow_mut();
        let shown = shown.as_mut()?;
        // (Two rosters given before the first read: the last is read once.)
        if shown.decoded == shown.given {
            return None;
        }
        shown.decoded = shown.given;
        let (json, _) = shown.pending.as_ref()?;
        Some((shown.given, doorgroei::format::roster_file_from_json(json)))
    });
    if let Some((given, file)) = decoded {
        crate::shared::worker::later(move || take_roster(slot, given, file));
    }
}

/// Takes the roster given `given`-th, decoded (`file`; `None` when it
/// could not be), if it is still the one waiting, and shows it.
fn take_roster<C: BaseComponent<Properties = RoomProps>>(
    slot: &'static Slot<C>,
    given: u64,
    file: Option<doorgroei::format::RosterFile>,
) {
    slot.with(|shown| {
        let mut shown = shown.borrow_mut();
        // (A roster or ladder given meanwhile is read in tasks of its own.)
        let Some(shown) = shown.as_mut().filter(|s| s.given == given) else {
            return;
        };
        let Some((json, name)) = shown.pending.take() else {
            return;
        };
        let roster = file
            .and_then(|file| doorgroei::format::roster_from_file(file, &shown.ladder.1.ladder))
            .map(|roster| {
                // The room shows the people, not why pairs were made.
                let in_use = RosterInUse::new(name, roster, Assignment::default())
                    .with_json(json.as_str().into());
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
