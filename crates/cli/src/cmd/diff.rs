//! `doorgroei diff`: what changed between two ladder files, each change a
//! sentence for the works council. Exit 0 when they are the same, 1 when
//! they differ, 2 when they could not be compared (as diff(1)).

use doorgroei::diff::{count, diff, Change};
use doorgroei::Lang;
use serde::Serialize;

use crate::args::{DiffArgs, TextOrJson};
use crate::io::{self, To};
use crate::messages;
use crate::out::{json, outln};
use crate::Failed;

/// `--format json`.
#[derive(Serialize)]
struct Report<'a> {
    old: String,
    new: String,
    equal: bool,
    summary: String,
    changes: Vec<ChangeOut<'a>>,
}

/// A change, its data and its sentence in one language.
#[derive(Serialize)]
struct ChangeOut<'a> {
    #[serde(flatten)]
    change: &'a Change,
    text: String,
}

pub fn run(args: DiffArgs, lang: Lang) -> Result<(), Failed> {
    // A file that cannot be compared is trouble (2), not a difference (1).
    let trouble = |_| Failed::Trouble;
    let (old, _) = io::ladder_text(&args.old, lang).map_err(trouble)?;
    let (new, _) = io::ladder_text(&args.new, lang).map_err(trouble)?;
    let changes = diff(&old.value.1, &new.value.1);
    let (old_name, new_name) = (
        args.old.display().to_string(),
        args.new.display().to_string(),
    );
    let text = match args.format {
        TextOrJson::Json => json(&Report {
            equal: changes.is_empty(),
            summary: count(&changes, lang),
            changes: changes
                .iter()
                .map(|change| ChangeOut {
                    change,
                    text: change.describe(lang),
                })
                .collect(),
            old: old_name,
            new: new_name,
        }),
        TextOrJson::Text => {
            let mut out = String::new();
            let counted = messages::both(|lang| count(&changes, lang));
            let heading = messages::diff_heading(&old_name, &new_name, counted);
            outln!(out, "{}", heading.get(lang));
            for change in &changes {
                outln!(out, "- {}", change.describe(lang));
            }
            out
        }
    };
    io::write(To::Stdout, &text, lang).map_err(trouble)?;
    if changes.is_empty() {
        Ok(())
    } else {
        Err(Failed::Different)
    }
}
