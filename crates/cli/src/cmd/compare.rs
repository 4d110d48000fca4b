//! `doorgroei compare`: two roles side by side.

use doorgroei::compare::{compare, Comparison};
use doorgroei::error::ErrorKind;
use doorgroei::i18n::Noun;
use doorgroei::yaml::file_error;
use doorgroei::{Ladder, Lang};

use crate::args::{CompareArgs, TextOrJson};
use crate::io::{self, To};
use crate::messages;
use crate::out::{json, outln};
use crate::Failed;

pub fn run(args: CompareArgs, lang: Lang) -> Result<(), Failed> {
    let (ladder, _) = io::ladder(&args.ladder, lang)?;
    let mut ids = Vec::new();
    for text in [&args.role_a, &args.role_b] {
        match ladder.find_role(text) {
            Some(role) => ids.push(role.id.clone()),
            None => {
                let kind = ErrorKind::UnknownRole {
                    id: text.clone(),
                    suggestions: ladder.closest_roles(text),
                };
                let file = args.ladder.display().to_string();
                io::say(&file_error(&file, None, kind).render(lang));
                return Err(Failed::Input);
            }
        }
    }
    // Both ids are the ladder's own: there is always a comparison.
    let Some(comparison) = compare(&ladder, &ids[0], &ids[1]) else {
        return Err(Failed::Input);
    };
    let text = match args.format {
        TextOrJson::Json => json(&comparison),
        TextOrJson::Text => text(&ladder, &comparison, lang),
    };
    io::write(To::Stdout, &text, lang)
}

fn text(ladder: &Ladder, c: &Comparison, lang: Lang) -> String {
    let name = |id: &str| ladder.role_name(id, lang).to_string();
    let (a, b) = (name(&c.a), name(&c.b));
    let mut out = String::new();
    outln!(out, "{a}  ↔  {b}\n");
    let width = c
        .fields
        .iter()
        .map(|f| f.field.label(lang).chars().count())
        .max()
        .unwrap_or(0);
    let values: Vec<(String, String)> = c
        .fields
        .iter()
        .map(|row| (row.a.describe(lang), row.b.describe(lang)))
        .collect();
    let a_width = values
        .iter()
        .map(|(a, _)| a.chars().count())
        .max()
        .unwrap_or(0);
    for (row, (va, vb)) in c.fields.iter().zip(&values) {
        let label = row.field.label(lang);
        let pad = " ".repeat(width - label.chars().count());
        let a_pad = " ".repeat(a_width - va.chars().count());
        outln!(out, "  {label}{pad}  {va}{a_pad}  |  {vb}");
    }
    let none = messages::none();
    let list = |items: Vec<String>| {
        if items.is_empty() {
            none.get(lang).to_string()
        } else {
            items.join(", ")
        }
    };
    let shared = c
        .competencies
        .shared
        .iter()
        .map(|s| {
            if s.a == s.b {
                format!("{} ({})", s.name, s.a.label(lang))
            } else {
                format!("{} ({} | {})", s.name, s.a.label(lang), s.b.label(lang))
            }
        })
        .collect();
    let only = |items: &[doorgroei::compare::Asked]| {
        list(
            items
                .iter()
                .map(|x| format!("{} ({})", x.name, x.level.label(lang)))
                .collect(),
        )
    };
    let both = |id: &str| messages::both(|lang| ladder.role_name(id, lang).to_string());
    outln!(out, "\n{}", messages::shared_competencies().get(lang));
    outln!(out, "  {}", list(shared));
    outln!(out, "{}", messages::only_in(&both(&c.a)).get(lang));
    outln!(out, "  {}", only(&c.competencies.only_a));
    outln!(out, "{}", messages::only_in(&both(&c.b)).get(lang));
    outln!(out, "  {}", only(&c.competencies.only_b));
    let months = |m: Option<u32>| match m {
        Some(m) => Noun::MONTH.count(u64::from(m), lang),
        None => messages::no_route().get(lang).to_string(),
    };
    outln!(out, "\n{}", messages::route_times().get(lang));
    outln!(out, "  {a} → {b}: {}", months(c.routes.a_to_b));
    outln!(out, "  {b} → {a}: {}", months(c.routes.b_to_a));
    out
}
