//! `doorgroei check`: is each ladder file valid, and how large.

use doorgroei::Lang;

use crate::args::CheckArgs;
use crate::io::{self, To};
use crate::messages;
use crate::out::outln;
use crate::Failed;

pub fn run(args: CheckArgs, lang: Lang) -> Result<(), Failed> {
    let mut out = String::new();
    let mut failed = false;
    for file in &args.files {
        match io::ladder(file, lang) {
            Ok((ladder, warnings)) => {
                let (roles, transitions) = (ladder.len(), ladder.transitions().count());
                let ok = messages::checked(roles, transitions, warnings);
                outln!(out, "{}: {}", file.display(), ok.get(lang));
            }
            Err(_) => failed = true,
        }
    }
    io::write(To::Stdout, &out, lang)?;
    if failed {
        Err(Failed::Input)
    } else {
        Ok(())
    }
}
