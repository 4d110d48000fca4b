//! Doorgroei's core: function ladders, their health, and (in later modules)
//! routes, mentor matching and review schedules.
//!
//! Everything here is a pure function over plain data: no I/O, no clock, no
//! randomness, and no panics on any input. The same code runs natively (the
//! `doorgroei` command) and in the browser (the yew app).
//!
//! ```
//! let text = include_str!("../../../pathways/welzijn-groeit.yaml");
//! let ladder = doorgroei::format::load_ladder("welzijn-groeit.yaml", text).unwrap();
//! let findings = doorgroei::scan::scan(&ladder);
//! assert!(findings.iter().all(|f| f.severity != doorgroei::scan::Severity::Problem));
//! ```
#![deny(missing_docs)]

pub mod compare;
pub mod dates;
pub mod diff;
pub mod edit;
pub mod error;
pub mod exchange;
pub mod format;
pub mod i18n;
pub mod intervisie;
pub mod ladder;
pub mod layout;
pub mod matching;
pub mod paths;
pub mod people;
pub mod programme;
pub mod render;
pub mod roster;
pub mod scan;
pub mod schedule;
pub mod sort;
pub mod suggest;
pub mod synth;
pub mod yaml;

pub use error::{LoadError, LoadErrors};
pub use i18n::{Bilingual, Lang};
pub use ladder::Ladder;
