//! `doorgroei fmt`: ladder files in the canonical layout, so that files
//! written by hand, by the web app and by this command look alike.
//!
//! YAML readers drop comments, so rewriting a file loses them: a file with
//! comments is left alone (and says so) unless `--force`. Before a file is
//! written, its new text is read back and must give the same ladder file.
//! With `--check` nothing is written: the files not in the canonical layout
//! are listed on stdout and the exit code is 1 if there are any.

use doorgroei::format::{ladder_file_to_yaml, load_ladder_file, loses_comments};
use doorgroei::Lang;

use crate::args::FmtArgs;
use crate::io::{self, To};
use crate::messages;
use crate::out::outln;
use crate::Failed;

pub fn run(args: FmtArgs, lang: Lang) -> Result<(), Failed> {
    let mut out = String::new();
    let mut failed = false;
    for path in &args.files {
        let name = path.display().to_string();
        let Ok((loaded, text)) = io::ladder_text(path, lang) else {
            failed = true;
            continue;
        };
        let file = &loaded.value.1;
        let canonical = ladder_file_to_yaml(file);
        if canonical == text {
            continue;
        }
        let comments = loses_comments(&text, &canonical);
        if args.check {
            outln!(out, "{name}");
            if comments {
                io::say(messages::would_lose_comments(&name).get(lang));
            }
            failed = true;
            continue;
        }
        if comments && !args.force {
            io::say(messages::has_comments(&name).get(lang));
            failed = true;
            continue;
        }
        let same = load_ladder_file(&name, &canonical).is_ok_and(|(_, back)| &back == file);
        if !same {
            io::say(messages::not_the_same(&name).get(lang));
            failed = true;
            continue;
        }
        if io::write(To::File(path), &canonical, lang).is_err() {
            failed = true;
            continue;
        }
        if comments {
            io::say(messages::comments_lost(&name).get(lang));
        }
        outln!(out, "{}", messages::rewritten(&name).get(lang));
    }
    io::write(To::Stdout, &out, lang)?;
    if failed {
        Err(Failed::Input)
    } else {
        Ok(())
    }
}
