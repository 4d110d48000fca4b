//! "Besprekingen" and "Intervisie" on the page: the rooms themselves are
//! WebAssembly modules of their own (`web/calendar`, `web/intervisie`),
//! loaded by `web/calendar.js` the first time one is opened, so a visit
//! that never plans reviews or groups does not download them. Here only their place: the page hands the room the language, the
//! ladder and the roster (their JSON forms) whenever one of them changes.

use doorgroei::Lang;
use wasm_bindgen::prelude::wasm_bindgen;
use yew::prelude::*;

use crate::session::{LadderInUse, RosterInUse};
use crate::shared::Shared;

#[wasm_bindgen]
extern "C" {
    /// Shows the room `room` in `place` (`web/calendar.js`), loading its
    /// module the first time.
    #[wasm_bindgen(js_name = doorgroeiRoom)]
    fn show_room(
        place: &web_sys::Element,
        room: &str,
        lang: &str,
        ladder: &str,
        ladder_name: &str,
        roster: Option<String>,
        roster_name: Option<String>,
    );
}

#[derive(Properties, PartialEq)]
pub struct RoomProps {
    /// Which room: `besprekingen` or `intervisie`.
    pub room: &'static str,
    pub lang: Lang,
    /// The ladder the roster is read against.
    pub ladder: Shared<LadderInUse>,
    /// The roster whose pairs meet.
    pub roster: Option<Shared<RosterInUse>>,
}

/// The room's place on the page (a new one for each room: `room` is its key).
#[function_component(Calendar)]
pub fn calendar(props: &RoomProps) -> Html {
    let place = use_node_ref();
    {
        let place = place.clone();
        let shown = (
            props.room,
            props.lang,
            props.ladder.clone(),
            props.roster.clone(),
        );
        use_effect_with(shown, move |(room, lang, ladder, roster)| {
            if let Some(place) = place.cast::<web_sys::Element>() {
                show_room(
                    &place,
                    room,
                    lang.code(),
                    &ladder.file.text,
                    &ladder.file.name,
                    roster.as_ref().map(|r| r.json().to_string()),
                    roster.as_ref().and_then(|r| r.name.clone()),
                );
            }
        });
    }
    // Empty for the page: `web/calendar.js` puts the room's own element in
    // it, which the page's drawing leaves alone.
    html! { <div ref={place} class="room-place"></div> }
}
