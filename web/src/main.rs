//! Doorgroei in the browser: a thin yew shell over the `doorgroei` core.
//!
//! Nothing leaves the page: files are read with the browser's file picker,
//! state is kept in this browser's localStorage.
//!
//! Each workspace is a room (`rooms/`) with its own state, actions and
//! reducer; `store.rs` holds the rooms together and forwards what one
//! changed for the others; `app.rs` is the page around them. Shared pieces
//! (`shared/`, `widgets/`, `i18n.rs`, `session.rs`) import no room, and no
//! two modules import each other (`tests/modules.rs` checks it).

mod app;
mod i18n;
mod persist;
mod rooms;
mod session;
mod shared;
mod store;
mod widgets;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
