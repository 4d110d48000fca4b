//! Reading and writing files, with every failure explained on stderr in
//! the chosen language.
//!
//! Every write is checked. A failure (a full disk, no permission, a folder
//! that is not there, standard output closed) is explained and the command
//! ends with exit code 1: nothing is lost silently. The one exception is a
//! reader that stopped reading (`doorgroei schedule … | head`): it wanted
//! no more, so the output ends quietly, as it does for other command-line
//! tools.

use std::io::{self, ErrorKind, Write as _};
use std::path::Path;

use doorgroei::format::{
    load_columns, load_ladder_checked, load_roster_with, LadderFile, Loaded, ReadOptions,
};
use doorgroei::roster::Roster;
use doorgroei::yaml::{io_error, utf8_text};
use doorgroei::{Ladder, Lang, LoadErrors};

use crate::messages::{self, Doing};
use crate::Failed;

/// Says `text` on stderr. If stderr fails too there is nowhere left to say
/// it; the exit code still does.
pub fn say(text: &str) {
    let _ = writeln!(io::stderr(), "{text}");
}

/// A file's problems on stderr, one per line; `Failed` to pass on.
pub fn report(errors: &LoadErrors, lang: Lang) -> Failed {
    say(&errors.render(lang));
    Failed::Input
}

/// A file's bytes; when the operating system refuses (a folder, no such
/// file, no permission), our own words for why, with the file's name.
pub fn read(path: &Path, lang: Lang) -> Result<Vec<u8>, Failed> {
    std::fs::read(path).map_err(|e| report(&io_error(&path.display().to_string(), &e), lang))
}

/// Reads a UTF-8 text file and hands it to `loader` with its name; bytes in
/// another encoding and the loader's problems go to stderr.
pub fn load<T>(
    path: &Path,
    lang: Lang,
    loader: impl FnOnce(&str, &str) -> Result<T, LoadErrors>,
) -> Result<T, Failed> {
    let name = path.display().to_string();
    let text = utf8_text(&name, read(path, lang)?).map_err(|e| report(&e, lang))?;
    loader(&name, &text).map_err(|e| report(&e, lang))
}

/// A settings file through `loader`, or without one the defaults.
pub fn settings<T: Default>(
    path: Option<&Path>,
    lang: Lang,
    loader: impl FnOnce(&str, &str) -> Result<T, LoadErrors>,
) -> Result<T, Failed> {
    match path {
        Some(path) => load(path, lang, loader),
        None => Ok(T::default()),
    }
}

/// A ladder file, its warnings on stderr; also how many there were.
pub fn ladder(path: &Path, lang: Lang) -> Result<(Ladder, usize), Failed> {
    let (loaded, _) = ladder_text(path, lang)?;
    Ok((loaded.value.0, loaded.warnings.0.len()))
}

/// A ladder file as loaded, its warnings on stderr, and its text.
pub fn ladder_text(
    path: &Path,
    lang: Lang,
) -> Result<(Loaded<(Ladder, LadderFile)>, String), Failed> {
    let (loaded, text) = load(path, lang, |name, text| {
        load_ladder_checked(name, text).map(|loaded| (loaded, text.to_string()))
    })?;
    warn(&loaded.warnings, lang);
    Ok((loaded, text))
}

/// A roster file (CSV, spreadsheet or YAML, by its extension) checked
/// against `ladder`, its columns as `table` says, its warnings on stderr.
pub fn roster(
    path: &Path,
    table: &crate::args::TableArgs,
    ladder: &Ladder,
    lang: Lang,
) -> Result<Roster, Failed> {
    let columns = match &table.columns {
        Some(file) => Some(load(file, lang, load_columns)?),
        None => None,
    };
    let options = ReadOptions {
        columns,
        sheet: table.sheet.clone(),
    };
    let bytes = read(path, lang)?;
    let loaded = load_roster_with(&path.display().to_string(), &bytes, ladder, &options)
        .map_err(|e| report(&e, lang))?;
    warn(&loaded.warnings, lang);
    Ok(loaded.value)
}

/// Warnings (allowed, but probably mistakes) on stderr, one per line.
pub fn warn(warnings: &LoadErrors, lang: Lang) {
    if !warnings.0.is_empty() {
        say(&warnings.render(lang));
    }
}

/// Where output goes.
#[derive(Clone, Copy)]
pub enum To<'a> {
    Stdout,
    File(&'a Path),
}

/// Writes `text` to standard output or to a file (replacing what it held).
pub fn write(to: To<'_>, text: &str, lang: Lang) -> Result<(), Failed> {
    match to {
        To::Stdout => {
            let mut out = io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Err(e) if e.kind() != ErrorKind::BrokenPipe => {
                    let what = messages::standard_output();
                    Err(failed(what.get(lang), &e, lang, Doing::Write))
                }
                _ => Ok(()),
            }
        }
        To::File(path) => std::fs::write(path, text)
            .map_err(|e| failed(&path.display().to_string(), &e, lang, Doing::Write)),
    }
}

/// Makes the folder at `path` (and the folders above it) if it is not there.
pub fn folder(path: &Path, lang: Lang) -> Result<(), Failed> {
    std::fs::create_dir_all(path)
        .map_err(|e| failed(&path.display().to_string(), &e, lang, Doing::MakeFolder))
}

/// Says on stderr what could not be written and why, in our own words.
fn failed(what: &str, e: &io::Error, lang: Lang, doing: Doing) -> Failed {
    say(messages::not_written(what, doing, e.kind(), e.raw_os_error()).get(lang));
    Failed::Input
}
