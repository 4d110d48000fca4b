//! `doorgroei status`: each pair's reviews planned against held (the
//! review log), and who needs attention.

use doorgroei::dates::Iso;
use doorgroei::format::{csv_cell, load_log, load_schedule_config};
use doorgroei::programme::{status, LogEntry, PairStatus, State, Status, Totals};
use doorgroei::roster::Lookup;
use doorgroei::schedule::{schedule, PairRef};
use doorgroei::Lang;
use serde::Serialize;

use crate::args::{StatusArgs, TableFormat};
use crate::io::{self, To};
use crate::messages;
use crate::out::{json, outln};
use crate::Failed;

/// `--format json`, exactly as issue 17 gives it.
#[derive(Serialize)]
struct Report<'a> {
    today: Iso,
    pairs: Vec<PairOut<'a>>,
    totals: Totals,
}

#[derive(Serialize)]
struct PairOut<'a> {
    mentor: &'a str,
    mentee: &'a str,
    state: State,
    planned: usize,
    held: usize,
    on_time: usize,
    last_held: Option<Iso>,
}

pub fn run(args: StatusArgs, lang: Lang) -> Result<(), Failed> {
    let (ladder, _) = io::ladder(&args.ladder, lang)?;
    let roster = io::roster(&args.roster, &args.table, &ladder, lang)?;
    let config = io::settings(args.config.as_deref(), lang, load_schedule_config)?;
    let log = read_log(&args.log, &roster, config.slot_minutes, lang)?;
    let pairs: Vec<PairRef> =
        super::schedule::pairs_for(args.pairs.as_deref(), &ladder, &roster, lang)?
            .into_iter()
            .map(|(p, _)| p)
            .collect();
    let start = match args.start {
        Some(start) => start,
        None => match log.iter().map(|e| e.date).min() {
            Some(first) => first,
            None => {
                io::say(messages::start_is_today().get(lang));
                args.today
            }
        },
    };
    let plan = schedule(&roster, &pairs, start, &config);
    let result = status(&plan, &pairs, &log, args.today);
    let people = roster.lookup();
    let text = match args.format {
        TableFormat::Json => json(&report(&result)),
        TableFormat::Csv => csv(&result, &people, lang),
        TableFormat::Text => text(&result, &people, lang),
    };
    io::write(To::Stdout, &text, lang)
}

/// A log file (YAML or CSV) checked against the roster.
pub fn read_log(
    path: &std::path::Path,
    roster: &doorgroei::roster::Roster,
    slot_minutes: u16,
    lang: Lang,
) -> Result<Vec<LogEntry>, Failed> {
    let bytes = io::read(path, lang)?;
    load_log(&path.display().to_string(), &bytes, roster, slot_minutes)
        .map_err(|e| io::report(&e, lang))
}

fn report(result: &Status) -> Report<'_> {
    Report {
        today: Iso(result.today),
        pairs: result
            .pairs
            .iter()
            .map(|p| PairOut {
                mentor: &p.mentor,
                mentee: &p.mentee,
                state: p.state,
                planned: p.planned,
                held: p.held,
                on_time: p.on_time,
                last_held: p.last_held.map(Iso),
            })
            .collect(),
        totals: result.totals,
    }
}

/// One line per pair, with names; Dutch headers by default.
fn csv(result: &Status, people: &Lookup<'_>, lang: Lang) -> String {
    let header = match lang {
        Lang::Nl => [
            "mentor",
            "naam_mentor",
            "mentee",
            "naam_mentee",
            "stand",
            "gepland",
            "gehouden",
            "op_tijd",
            "laatst_gehouden",
            "maanden",
        ],
        Lang::En => [
            "mentor",
            "mentor_name",
            "mentee",
            "mentee_name",
            "state",
            "planned",
            "held",
            "on_time",
            "last_held",
            "months",
        ],
    };
    let mut out = String::new();
    let line = |cells: Vec<String>, out: &mut String| {
        let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        outln!(out, "{}", cells.join(";"));
    };
    line(header.iter().map(|h| h.to_string()).collect(), &mut out);
    for p in &result.pairs {
        line(
            vec![
                p.mentor.clone(),
                people.name(&p.mentor).to_string(),
                p.mentee.clone(),
                people.name(&p.mentee).to_string(),
                p.state.name(lang).to_string(),
                p.planned.to_string(),
                p.held.to_string(),
                p.on_time.to_string(),
                p.last_held.map(|d| Iso(d).to_string()).unwrap_or_default(),
                p.months.to_string(),
            ],
            &mut out,
        );
    }
    out
}

/// The pairs that need attention first (lapsed, then behind), then the
/// others, then the totals.
fn text(result: &Status, people: &Lookup<'_>, lang: Lang) -> String {
    let mut out = String::new();
    outln!(
        out,
        "{}",
        messages::status_on(&doorgroei::dates::written(result.today, lang)).get(lang)
    );
    let mut order: Vec<&PairStatus> = result.pairs.iter().collect();
    order.sort_by_key(|p| p.state);
    let (attention, rest): (Vec<&PairStatus>, Vec<&PairStatus>) =
        order.into_iter().partition(|p| p.state.needs_attention());
    for (heading, list) in [
        (messages::needs_attention(), attention),
        (messages::other_pairs(), rest),
    ] {
        if list.is_empty() {
            continue;
        }
        outln!(out, "\n{}", heading.get(lang));
        for p in list {
            let last = match p.last_held {
                Some(d) => doorgroei::dates::written(d, lang),
                None => messages::never().get(lang).to_string(),
            };
            let about = messages::pair_line(p.planned, p.held, p.on_time, &last, p.months);
            outln!(
                out,
                "  {} · {} — {}: {}",
                people.name(&p.mentor),
                people.name(&p.mentee),
                p.state.name(lang),
                about.get(lang)
            );
        }
    }
    let t = result.totals;
    let totals = messages::status_totals(
        t.pairs, t.on_track, t.behind, t.lapsed, t.ended, t.planned, t.held,
    );
    outln!(out, "\n{}", totals.get(lang));
    out
}
