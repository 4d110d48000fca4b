//! `doorgroei match`: every mentee with a mentor, optimally, explained.

use doorgroei::format::{load_match_config, pairs_to_csv, read_date, PairsFile};
use doorgroei::matching::{assign, capacity_text, problem, Assignment, Constraint, Occupancy};
use doorgroei::roster::Roster;
use doorgroei::{Ladder, Lang};

use crate::args::{MatchArgs, TableFormat};
use crate::io::{self, To};
use crate::messages;
use crate::out::{json, outln};
use crate::Failed;

pub fn run(args: MatchArgs, lang: Lang) -> Result<(), Failed> {
    let today = match args.today.as_deref() {
        None => None,
        Some(text) => match read_date(text) {
            Some(day) => Some(day),
            None => {
                io::say(messages::not_a_day("--today", text).get(lang));
                return Err(Failed::Usage);
            }
        },
    };
    let (ladder, _) = io::ladder(&args.ladder, lang)?;
    let mut roster = io::roster(&args.roster, &args.table, &ladder, lang)?;
    let mut config = io::settings(args.config.as_deref(), lang, load_match_config)?;
    roster.apply_default_capacities(&ladder, &config);
    config.rematch = args.rematch;
    config.today = today;
    if let Some(path) = &args.dump_scores {
        io::write(
            To::File(path),
            &json(&problem(&ladder, &roster, &config)),
            lang,
        )?;
    }
    let outcome = assign(&ladder, &roster, &config);
    let text = match args.format {
        TableFormat::Json => json(&PairsFile::new(&outcome, lang)),
        TableFormat::Csv => pairs_to_csv(&outcome, &roster, lang),
        TableFormat::Text => text(&ladder, &outcome, &roster, lang),
    };
    io::write(To::Stdout, &text, lang)
}

fn text(ladder: &Ladder, outcome: &Assignment, roster: &Roster, lang: Lang) -> String {
    let people = roster.lookup();
    let who = |id: &str| format!("{} ({id})", people.name(id));
    let broken = |rules: &[Constraint]| Constraint::broken_list(rules, lang);
    let mut out = String::new();
    let mentees = outcome.matched + outcome.unmatched.len();
    let summary = messages::matched(outcome.matched, mentees, outcome.total_score);
    outln!(out, "{}", summary.get(lang));
    outln!(out, "\n{}", messages::pairs().get(lang));
    for p in &outcome.pairs {
        let lock = if p.locked { " 🔒" } else { "" };
        let reasons: Vec<&str> = p.reasons.iter().map(|r| r.get(lang)).collect();
        outln!(
            out,
            "  {} → {}{lock}, score {}: {}",
            who(&p.mentee),
            who(&p.mentor),
            p.score,
            reasons.join("; ")
        );
        if !p.problems.is_empty() {
            let locked = messages::locked_but_broken();
            outln!(out, "      ⚠ {}: {}", locked.get(lang), broken(&p.problems));
        }
    }
    if !outcome.ended.is_empty() {
        outln!(out, "\n{}", messages::ended().get(lang));
        for e in &outcome.ended {
            let (mentee, mentor) = (who(&e.mentee), who(&e.mentor));
            outln!(out, "  {mentee} → {mentor}: {}", e.reason.get(lang));
        }
    }
    if !outcome.unmatched.is_empty() {
        outln!(out, "\n{}", messages::unmatched().get(lang));
        for u in &outcome.unmatched {
            outln!(out, "  {}: {}", who(&u.mentee), u.reason.get(lang));
        }
    }
    outln!(out, "\n{}", messages::mentor_load().get(lang));
    for (id, &load) in &outcome.mentor_load {
        let person = people.person(id);
        let capacity = person.map_or(0, |p| p.capacity);
        let shown = person.map_or_else(|| "0".into(), |p| capacity_text(ladder, p, lang));
        let full = match Occupancy::of(load, capacity) {
            Occupancy::Room => String::new(),
            other => format!(" ({})", other.label(lang)),
        };
        outln!(out, "  {}: {load} / {shown}{full}", who(id));
    }
    out
}
