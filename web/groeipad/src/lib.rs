//! Doorgroei's Mijn groeipad room (a social worker's profile, routes and
//! next steps on the ladder): a yew app of its own, in a WebAssembly
//! module of its own, which the page loads the first time the room is
//! opened (`web/calendar.js`), so that the page's download does not grow
//! with it.
//!
//! The page keeps the profile (it is saved with the page's record in this
//! browser's localStorage, and "Al mijn gegevens wissen" removes it) and
//! hands it to the room with the language and the ladder ([`show`]); the
//! room hands every change back (`on_profile`, the profile file's JSON
//! form), asks the worker for the plan itself, and draws the ladder with
//! the route itself. The pieces the rooms share are the page's own source
//! files, taken in with `#[path]`.

#[path = "../../src/widgets/apart.rs"]
mod apart;
#[path = "../../src/i18n.rs"]
pub mod i18n;
#[path = "../../src/session.rs"]
pub mod session;
#[path = "../../src/shared/mod.rs"]
pub mod shared;
pub mod widgets;

pub mod rooms {
    //! The room this module holds.
    pub mod groeipad;
}
pub mod room;
pub mod texts;

use std::cell::RefCell;

use doorgroei::format::ProfileFile;
use doorgroei::Lang;
use wasm_bindgen::prelude::*;

use crate::room::{GrowthRoom, RoomProps};
use crate::session::LadderInUse;
use crate::shared::Shared;

/// What the room was last shown: its app, and the ladder as given (its
/// JSON form), so that an unchanged one keeps its identity.
struct Shown {
    app: yew::AppHandle<GrowthRoom>,
    ladder: (String, Shared<LadderInUse>),
}

thread_local! {
    static SHOWN: RefCell<Option<Shown>> = const { RefCell::new(None) };
}

/// Shows the room in `host` (emptied the first time), for the ladder
/// (`ladder_json`, the JSON form the page keeps, from the file
/// `ladder_name`) and the profile the page keeps (`profile_json`, a
/// profile file's JSON form; none on a first visit), in `lang` (`nl` or
/// `en`). `on_profile` is called with the profile file's JSON form
/// whenever the room changes the profile. Later calls update what is
/// shown.
#[wasm_bindgen]
pub fn show(
    host: web_sys::Element,
    lang: String,
    ladder_json: String,
    ladder_name: String,
    profile_json: Option<String>,
    on_profile: js_sys::Function,
) {
    let lang = Lang::from_code(&lang).unwrap_or_default();
    // A profile the page kept but this module cannot read (only a bug
    // would cause it) is no profile.
    let profile = profile_json
        .and_then(|json| serde_json::from_str::<ProfileFile>(&json).ok())
        .map(Shared::new);
    SHOWN.with(|shown| {
        let mut shown = shown.borrow_mut();
        let before = shown.take();
        let ladder =
            LadderInUse::kept_or_read(before.as_ref().map(|b| &b.ladder), ladder_json, ladder_name);
        let on_profile = yew::Callback::from(move |json: String| {
            let _ = on_profile.call1(&JsValue::NULL, &JsValue::from(json));
        });
        let props = RoomProps {
            lang,
            ladder: ladder.1.clone(),
            profile,
            on_profile,
        };
        let app = match before {
            Some(mut b) => {
                b.app.update(props);
                b.app
            }
            None => {
                apart::leave_page_trees();
                host.set_inner_html("");
                yew::Renderer::<GrowthRoom>::with_root_and_props(host, props).render()
            }
        };
        *shown = Some(Shown { app, ladder });
    });
}
