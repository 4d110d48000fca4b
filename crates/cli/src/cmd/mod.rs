//! One module per command, each with `run(args, lang)`.

pub mod check;
pub mod columns;
pub mod compare;
pub mod diff;
pub mod fmt;
pub mod graph;
pub mod hours;
pub mod intervisie;
pub mod matching;
pub mod paths;
pub mod scan;
pub mod schedule;
pub mod status;
