//! "Mijn groeipad" on the page: the room itself is a WebAssembly module of
//! its own (`web/groeipad`), loaded by `web/calendar.js` the first time it
//! is opened, so a visit that never looks at a growth path does not
//! download it. Here only its place, below the ladder's toolbar: the page
//! hands the room the language, the ladder (its JSON form) and the profile
//! it keeps (a profile file's JSON form: it is saved with the page's
//! record), and takes each change of the profile back.

use std::rc::Rc;

use doorgroei::format::ProfileFile;
use doorgroei::Lang;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::session::LadderInUse;
use crate::shared::Shared;

#[wasm_bindgen]
extern "C" {
    /// Shows Mijn groeipad in `place` (`web/calendar.js`), loading its
    /// module the first time.
    #[wasm_bindgen(js_name = doorgroeiGrowth)]
    fn show_growth(
        place: &web_sys::Element,
        lang: &str,
        ladder: &str,
        ladder_name: &str,
        profile: Option<String>,
        on_profile: &js_sys::Function,
    );
}

#[derive(Properties, PartialEq)]
pub struct GrowthProps {
    pub lang: Lang,
    pub ladder: Shared<LadderInUse>,
    /// The profile the page keeps.
    pub profile: Option<Rc<ProfileFile>>,
    /// A profile the room changed.
    pub on_profile: Callback<ProfileFile>,
}

/// The room's place on the page.
#[function_component(GrowthPlace)]
pub fn growth_place(props: &GrowthProps) -> Html {
    let place = use_node_ref();
    // The function the room calls with a changed profile (its JSON form),
    // made once: the room keeps it.
    let on_profile = {
        let on = props.on_profile.clone();
        use_memo((), move |_| {
            Closure::<dyn Fn(String)>::new(move |json: String| {
                if let Ok(file) = serde_json::from_str::<ProfileFile>(&json) {
                    on.emit(file);
                }
            })
        })
    };
    {
        let place = place.clone();
        let shown = (props.lang, props.ladder.clone(), props.profile.clone());
        use_effect_with(shown, move |(lang, ladder, profile)| {
            if let Some(place) = place.cast::<web_sys::Element>() {
                show_growth(
                    &place,
                    lang.code(),
                    &ladder.file.text,
                    &ladder.file.name,
                    profile
                        .as_ref()
                        .and_then(|p| serde_json::to_string(&**p).ok()),
                    on_profile.as_ref().as_ref().unchecked_ref(),
                );
            }
        });
    }
    // Empty for the page: `web/calendar.js` puts the room's own element in it.
    html! { <div ref={place} class="room-place"></div> }
}
