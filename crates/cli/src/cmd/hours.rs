//! `doorgroei hours`: per person and period, the hours of held reviews as
//! mentor and as mentee, for re-registration in the Registerplein: the
//! five-year registration periods from a person's `registered` day in the
//! roster, calendar years for anyone without one.

use doorgroei::dates::Iso;
use doorgroei::format::{csv_cell, load_schedule_config};
use doorgroei::i18n::decimal;
use doorgroei::programme::{hours, Hours};
use doorgroei::roster::Lookup;
use doorgroei::Lang;
use serde::Serialize;

use crate::args::{CsvOrJson, HoursArgs};
use crate::io::{self, To};
use crate::messages;
use crate::out::{json, outln};
use crate::Failed;

/// `--format json`.
#[derive(Serialize)]
struct Report<'a> {
    people: Vec<PersonOut<'a>>,
}

#[derive(Serialize)]
struct PersonOut<'a> {
    id: &'a str,
    name: &'a str,
    period_start: Iso,
    period_end: Iso,
    hours_as_mentor: f64,
    hours_as_mentee: f64,
}

/// Hours to two decimals, as written.
fn rounded(h: f64) -> f64 {
    (h * 100.0).round() / 100.0
}

pub fn run(args: HoursArgs, lang: Lang) -> Result<(), Failed> {
    if let (Some(from), Some(to)) = (args.from, args.to) {
        if from > to {
            let (from, to) = (Iso(from).to_string(), Iso(to).to_string());
            io::say(messages::from_after_to(&from, &to).get(lang));
            return Err(Failed::Usage);
        }
    }
    let (ladder, _) = io::ladder(&args.ladder, lang)?;
    let roster = io::roster(&args.roster, &args.table, &ladder, lang)?;
    let config = io::settings(args.config.as_deref(), lang, load_schedule_config)?;
    let log = super::status::read_log(&args.log, &roster, config.slot_minutes, lang)?;
    let rows = hours(&roster, &log, args.from, args.to);
    let people = roster.lookup();
    let text = match args.format {
        CsvOrJson::Json => json(&Report {
            people: rows
                .iter()
                .map(|h| PersonOut {
                    id: &h.id,
                    name: people.name(&h.id),
                    period_start: Iso(h.period_start),
                    period_end: Iso(h.period_end),
                    hours_as_mentor: rounded(h.hours_as_mentor()),
                    hours_as_mentee: rounded(h.hours_as_mentee()),
                })
                .collect(),
        }),
        CsvOrJson::Csv => csv(&rows, &people, lang),
    };
    io::write(To::Stdout, &text, lang)
}

/// `;`-separated, Dutch headers and decimal commas by default.
fn csv(rows: &[Hours], people: &Lookup<'_>, lang: Lang) -> String {
    let header = match lang {
        Lang::Nl => "id;naam;periode_begin;periode_eind;uren_als_mentor;uren_als_mentee",
        Lang::En => "id;name;period_start;period_end;hours_as_mentor;hours_as_mentee",
    };
    let mut out = String::new();
    outln!(out, "{header}");
    for h in rows {
        let cells = [
            h.id.clone(),
            people.name(&h.id).to_string(),
            Iso(h.period_start).to_string(),
            Iso(h.period_end).to_string(),
            decimal(h.hours_as_mentor(), lang),
            decimal(h.hours_as_mentee(), lang),
        ];
        let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        outln!(out, "{}", cells.join(";"));
    }
    out
}
