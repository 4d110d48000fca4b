//! Where the command line writes: standard output, files and folders.
//!
//! Every write is checked. A failure (a full disk, no permission, a folder
//! that is not there, standard output closed) is explained on stderr in
//! the chosen language and the command ends with exit code 1: nothing is
//! lost silently. The one exception is a reader that stopped reading
//! (`doorgroei schedule … | head`): it wanted no more, so the output ends
//! quietly, as it does for other command-line tools.

use std::io::{self, ErrorKind, Write as _};
use std::path::Path;

use doorgroei::Lang;

use super::Failed;

/// Writes `text` to standard output.
pub fn stdout(text: &str, lang: Lang) -> Result<(), Failed> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => {
            let what = match lang {
                Lang::Nl => "standaarduitvoer",
                Lang::En => "standard output",
            };
            Err(failed(what, &e, lang, Doing::Write))
        }
        _ => Ok(()),
    }
}

/// Writes `text` to the file at `path`, replacing what it held.
pub fn file(path: &Path, text: &str, lang: Lang) -> Result<(), Failed> {
    std::fs::write(path, text)
        .map_err(|e| failed(&path.display().to_string(), &e, lang, Doing::Write))
}

/// Makes the folder at `path` (and the folders above it) if it is not there.
pub fn folder(path: &Path, lang: Lang) -> Result<(), Failed> {
    std::fs::create_dir_all(path)
        .map_err(|e| failed(&path.display().to_string(), &e, lang, Doing::MakeFolder))
}

enum Doing {
    Write,
    MakeFolder,
}

/// Says on stderr what could not be written and why, in our own words.
fn failed(what: &str, e: &io::Error, lang: Lang, doing: Doing) -> Failed {
    let (nl, en) = match e.kind() {
        ErrorKind::StorageFull => ("de schijf is vol", "the disk is full"),
        ErrorKind::QuotaExceeded => (
            "de schijfruimte die je mag gebruiken is op",
            "the disk quota is used up",
        ),
        ErrorKind::PermissionDenied => ("geen toestemming", "permission denied"),
        ErrorKind::ReadOnlyFilesystem => (
            "het bestandssysteem is alleen-lezen",
            "the file system is read-only",
        ),
        ErrorKind::NotFound => ("de map bestaat niet", "the folder does not exist"),
        ErrorKind::IsADirectory => ("dat is een map", "that is a folder"),
        ErrorKind::NotADirectory | ErrorKind::AlreadyExists => (
            "een deel van het pad is een bestand, geen map",
            "part of the path is a file, not a folder",
        ),
        ErrorKind::BrokenPipe => (
            "het programma dat de uitvoer las is gestopt",
            "the program reading the output stopped",
        ),
        ErrorKind::FileTooLarge => ("het bestand wordt te groot", "the file grows too large"),
        _ => ("onbekende fout", "unknown error"),
    };
    let code = e
        .raw_os_error()
        .map(|c| match lang {
            Lang::Nl => format!(" (systeemfout {c})"),
            Lang::En => format!(" (system error {c})"),
        })
        .unwrap_or_default();
    let message = match (lang, doing) {
        (Lang::Nl, Doing::Write) => format!("{what}: kan niet schrijven: {nl}{code}"),
        (Lang::En, Doing::Write) => format!("{what}: cannot write: {en}{code}"),
        (Lang::Nl, Doing::MakeFolder) => format!("{what}: kan de map niet maken: {nl}{code}"),
        (Lang::En, Doing::MakeFolder) => format!("{what}: cannot create the folder: {en}{code}"),
    };
    // If stderr fails too there is nowhere left to say it; the exit code still does.
    let _ = writeln!(io::stderr(), "{message}");
    Failed
}
