//! `doorgroei scan`: a ladder's health findings.

use doorgroei::scan::{scan, Check, Finding, Severity};
use doorgroei::Lang;
use serde::Serialize;

use crate::args::{ScanArgs, TextOrJson};
use crate::io::{self, To};
use crate::messages;
use crate::out::{json, outln};
use crate::Failed;

/// `--format json`.
#[derive(Serialize)]
struct Report<'a> {
    organisation: &'a str,
    roles: usize,
    transitions: usize,
    findings: Vec<FindingOut<'a>>,
}

/// A finding, its message in one language.
#[derive(Serialize)]
struct FindingOut<'a> {
    severity: Severity,
    check: Check,
    roles: &'a [String],
    message: &'a str,
}

pub fn run(args: ScanArgs, lang: Lang) -> Result<(), Failed> {
    let (ladder, _) = io::ladder(&args.file, lang)?;
    let findings = scan(&ladder);
    let text = match args.format {
        TextOrJson::Json => json(&Report {
            organisation: ladder.organisation(),
            roles: ladder.len(),
            transitions: ladder.transitions().count(),
            findings: findings
                .iter()
                .map(|f: &Finding| FindingOut {
                    severity: f.severity,
                    check: f.check,
                    roles: &f.roles,
                    message: f.message.get(lang),
                })
                .collect(),
        }),
        TextOrJson::Text => {
            let mut out = String::new();
            outln!(out, "{}", ladder.organisation());
            for f in &findings {
                outln!(
                    out,
                    "\n[{}] {}",
                    f.severity.label(lang),
                    f.message.get(lang)
                );
                if !f.roles.is_empty() {
                    let roles = messages::roles();
                    outln!(out, "    {}: {}", roles.get(lang), f.roles.join(", "));
                }
            }
            out
        }
    };
    io::write(To::Stdout, &text, lang)
}
