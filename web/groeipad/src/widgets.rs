//! The page's small views and its ladder drawing, taken in with `#[path]`
//! (see `web/src/widgets/mod.rs`), with this module's own copy of the
//! drawing's `ladder.js`.

#[path = "../../src/widgets/ladder.rs"]
pub mod ladder;
#[path = "../../src/widgets/svg.rs"]
pub mod svg;
#[path = "../../src/widgets/views.rs"]
mod views;

pub use views::*;

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(module = "/../src/widgets/ladder.js")]
extern "C" {
    /// Called on every draw of the drawing ([`ladder`]): once it is on the
    /// page, `ladder.js` listens on it, and brings the chosen route into
    /// view.
    pub(crate) fn drawn();
}
