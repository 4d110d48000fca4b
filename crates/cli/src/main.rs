//! `doorgroei`: check, scan and draw function ladders, plan growth routes,
//! match mentors and schedule reviews from the command line.
//!
//! Exit codes: 0 success, 1 invalid input (problems on stderr as
//! `file:line:col: message`) or output that could not be written (see
//! `io`), 2 usage errors.
//!
//! `args` holds the arguments, `cmd` one module per command, `io` the
//! reading and writing, `messages` the command line's own texts and `out`
//! the building of output.

use std::process::ExitCode;

use clap::Parser;

mod args;
mod cmd;
mod io;
mod messages;
mod out;

use args::{Cli, Command};

/// A failure that has already been explained on stderr.
pub enum Failed {
    /// Input that could not be used, or output that could not be written: exit 1.
    Input,
    /// An option's value out of bounds: exit 2, as clap's usage errors.
    Usage,
}

fn main() -> ExitCode {
    let Cli { command } = Cli::parse();
    let lang = command.lang();
    let result = match command {
        Command::Check(args) => cmd::check::run(args, lang),
        Command::Scan(args) => cmd::scan::run(args, lang),
        Command::Paths(args) => cmd::paths::run(args, lang),
        Command::Match(args) => cmd::matching::run(args, lang),
        Command::Schedule(args) => cmd::schedule::run(args, lang),
        Command::Graph(args) => cmd::graph::run(args, lang),
        Command::Columns(args) => cmd::columns::run(args, lang),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failed::Input) => ExitCode::from(1),
        Err(Failed::Usage) => ExitCode::from(2),
    }
}
