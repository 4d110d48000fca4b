//! Small views the rooms share: problem boxes, "busy" lines, paging, and
//! the ladder drawing ([`ladder`]).
//!
//! Views without hooks that would redraw with their parent anyway are plain
//! functions rather than components: each component type costs about 2 KB
//! of wasm in yew's machinery, and they gain nothing from it.

pub mod ladder;
pub mod svg;
mod views;

pub use views::*;

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(module = "/src/widgets/ladder.js")]
extern "C" {
    /// Called on every draw of the drawing ([`ladder`]): once it is on the
    /// page, `ladder.js` listens on it, and brings roles newly highlighted
    /// into view (a finding's roles).
    pub(crate) fn drawn();
}
