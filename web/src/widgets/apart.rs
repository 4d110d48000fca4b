//! Keeping a room's app apart from the page's (the Besprekingen room and
//! the ladder editor take this file in with `#[path]`). Yew numbers the event trees
//! of the apps it mounts from 1, separately in every WebAssembly module; the
//! page's app (tree 1) encloses the rooms in modules of their own, and
//! handles every event in the capture phase at its root. Were a room's tree
//! also number 1, the page would take the room's clicks for its own and run
//! whichever of its handlers has the same number. A room made in a module
//! of its own therefore first makes (and drops) a few empty apps, so that
//! its own tree has a number the page does not use (the page makes one
//! tree, and no portals).

use yew::prelude::*;

/// How many tree numbers a room's module leaves to the page.
const PAGE_TREES: usize = 16;

#[function_component(Nothing)]
fn nothing() -> Html {
    html! {}
}

/// Uses up the tree numbers the page may have (call before a module's
/// first `Renderer`; once is enough).
pub fn leave_page_trees() {
    let Some(document) = gloo::utils::window().document() else {
        return;
    };
    for _ in 0..PAGE_TREES {
        if let Ok(host) = document.create_element("div") {
            yew::Renderer::<Nothing>::with_root(host).render().destroy();
        }
    }
}
