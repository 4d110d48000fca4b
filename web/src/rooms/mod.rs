//! The workspaces, one room each: its own state, actions and reducer
//! (`state.rs`, tested there) and its views. A room imports the session and
//! the shared pieces, never another room; `store.rs` forwards what one room
//! changed for the others.

pub mod besprekingen;
pub mod functiehuis;
pub mod groeipad;
pub mod mentorkoppeling;
