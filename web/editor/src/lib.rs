//! Doorgroei's ladder editor ("Bewerken" in Functiehuis): a yew app of its
//! own, in a WebAssembly module of its own, which the page loads only when
//! the editor is opened (`web/editor.js`), so the page's download does not
//! grow with it.
//!
//! The page hands it the ladder it shows (its JSON form), the language and
//! two functions: `apply(yaml, name)` takes the draft back as a ladder
//! file that was opened, `close()` closes the editor. Every change is a
//! core edit (`doorgroei::edit`) with its exact inverse, checked at once by
//! the loader's rules (`check_ladder_file`), drawn by the core's
//! `render::ladder_svg` and scanned by `scan::scan`; the draft is kept in
//! localStorage (`doorgroei.concept`) between visits.

pub mod app;
pub mod i18n;
pub mod state;
// The drawing's element tree as yew nodes, the page's own source.
#[path = "../../src/widgets/svg.rs"]
mod svg;
// Its event tree numbered apart from the page's, which encloses it.
#[path = "../../src/widgets/apart.rs"]
mod apart;

use std::cell::RefCell;

use doorgroei::Lang;
use wasm_bindgen::prelude::*;

thread_local! {
    static MOUNTED: RefCell<Option<yew::AppHandle<app::Editor>>> = const { RefCell::new(None) };
}

/// Shows the editor in `host` (emptied first), starting from the saved
/// draft if there is one, else from `ladder_json` (the page's ladder);
/// `original` is the text of the file the page's ladder was opened from,
/// when known (to say whether a download loses its comments).
#[wasm_bindgen]
pub fn mount(
    host: web_sys::Element,
    ladder_json: String,
    name: String,
    lang: String,
    apply: js_sys::Function,
    close: js_sys::Function,
    original: Option<String>,
) {
    MOUNTED.with(|m| {
        match m.borrow_mut().take() {
            Some(old) => old.destroy(),
            None => apart::leave_page_trees(),
        }
        host.set_inner_html("");
        let props = app::EditorProps {
            page: app::Page::new(
                ladder_json,
                name,
                Lang::from_code(&lang).unwrap_or_default(),
                apply,
                close,
                original,
            ),
        };
        let handle = yew::Renderer::<app::Editor>::with_root_and_props(host, props).render();
        *m.borrow_mut() = Some(handle);
    });
}
