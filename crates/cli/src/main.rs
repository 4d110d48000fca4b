//! `doorgroei`: check, scan and draw function ladders, plan growth routes,
//! match mentors, schedule reviews and form intervisie groups from the
//! command line.
//!
//! Exit codes: 0 success, 1 invalid input (problems on stderr as
//! `file:line:col: message`) or output that could not be written (see
//! `io`), 2 usage errors. `diff` answers as diff(1) does: 0 the same, 1
//! different, 2 could not compare (a file that cannot be read or has
//! problems, which are on stderr; or output that could not be written).
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
use io::To;

/// A failure that has already been explained on stderr.
pub enum Failed {
    /// Input that could not be used, or output that could not be written: exit 1.
    Input,
    /// An option's value out of bounds: exit 2, as clap's usage errors.
    Usage,
    /// `diff`: the files differ, exit 1.
    Different,
    /// `diff`: the files could not be compared, exit 2.
    Trouble,
}

fn main() -> ExitCode {
    let Cli { command } = Cli::parse();
    let lang = command.lang();
    let result = match command {
        Command::Check(args) => cmd::check::run(args, lang),
        Command::Scan(args) => cmd::scan::run(args, lang),
        Command::Paths(args) => cmd::paths::run(args, lang),
        Command::Compare(args) => cmd::compare::run(args, lang),
        Command::Match(args) => cmd::matching::run(args, lang),
        Command::Schedule(args) => cmd::schedule::run(args, lang),
        Command::Status(args) => cmd::status::run(args, lang),
        Command::Hours(args) => cmd::hours::run(args, lang),
        Command::Intervisie(args) => cmd::intervisie::run(args, lang),
        Command::Graph(args) => cmd::graph::run(args, lang),
        Command::Columns(args) => cmd::columns::run(args, lang),
        Command::Diff(args) => cmd::diff::run(args, lang),
        Command::Fmt(args) => cmd::fmt::run(args, lang),
        Command::Completions(args) => {
            // The completions of every command and option, from the same
            // definitions clap parses with.
            let mut cli = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut cli, "doorgroei", &mut script);
            io::write(To::Stdout, &String::from_utf8_lossy(&script), lang)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failed::Input | Failed::Different) => ExitCode::from(1),
        Err(Failed::Usage | Failed::Trouble) => ExitCode::from(2),
    }
}
