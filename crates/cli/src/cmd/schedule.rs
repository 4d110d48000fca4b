//! `doorgroei schedule`: case reviews every few weeks for every pair.

use std::path::Path;

use doorgroei::dates::{HourMinute, Iso};
use doorgroei::format::{
    calendar_file_names, load_pairs, load_schedule_config, schedule_to_csv, schedule_to_ics,
    BrokenRule,
};
use doorgroei::matching::{assign, given_pair_problems, Constraint, MatchConfig};
use doorgroei::roster::{Lookup, Roster};
use doorgroei::schedule::{schedule, summary, PairRef, Schedule};
use doorgroei::{Ladder, Lang};
use serde::Serialize;

use crate::args::{ScheduleArgs, TableFormat};
use crate::io::{self, To};
use crate::messages;
use crate::out::{json, outln};
use crate::Failed;

/// `--format json`.
#[derive(Serialize)]
struct Report<'a> {
    reviews: Vec<ReviewOut<'a>>,
    unplaced: Vec<UnplacedOut<'a>>,
    pair_problems: Vec<PairProblems<'a>>,
}

#[derive(Serialize)]
struct ReviewOut<'a> {
    date: Iso,
    start: HourMinute,
    end: HourMinute,
    mentor: &'a str,
    mentee: &'a str,
    review: u32,
    ideal_date: Iso,
    /// Why it is not on its ideal date (in the output's language).
    #[serde(skip_serializing_if = "Option::is_none")]
    moved: Option<&'a str>,
}

#[derive(Serialize)]
struct UnplacedOut<'a> {
    mentor: &'a str,
    mentee: &'a str,
    review: u32,
    ideal_date: Iso,
    reason: &'a str,
}

/// A pair scheduled although it breaks rules.
#[derive(Serialize)]
struct PairProblems<'a> {
    mentor: &'a str,
    mentee: &'a str,
    problems: Vec<BrokenRule>,
}

pub fn run(args: ScheduleArgs, lang: Lang) -> Result<(), Failed> {
    let (ladder, _) = io::ladder(&args.ladder, lang)?;
    let roster = io::roster(&args.roster, &args.table, &ladder, lang)?;
    let mut config = io::settings(args.config.as_deref(), lang, load_schedule_config)?;
    if let Some(m) = args.months {
        config.months = m;
    }
    if let Some(c) = args.cadence_weeks {
        config.cadence_weeks = c;
    }
    let checked = pairs_for(args.pairs.as_deref(), &ladder, &roster, lang)?;
    let pairs: Vec<PairRef> = checked.iter().map(|(p, _)| p.clone()).collect();
    let flagged: Vec<&Flagged> = checked.iter().filter(|(_, c)| !c.is_empty()).collect();
    let people = roster.lookup();
    for (pair, problems) in &flagged {
        let rules = messages::both(|lang| Constraint::broken_list(problems, lang));
        let who = names(&people, pair);
        io::say(messages::pair_breaks(&who, &rules).get(lang));
    }
    let plan = schedule(&roster, &pairs, args.start, &config);
    let stamp = jiff::Timestamp::now();
    if let Some(path) = &args.ics {
        let ics = schedule_to_ics(&plan, &roster, lang, stamp, None);
        io::write(To::File(path), &ics, lang)?;
    }
    if let Some(dir) = &args.ics_dir {
        write_calendars(dir, &plan, &roster, &pairs, lang, stamp)?;
    }
    let about = summary(&plan, pairs.len(), args.start);
    for w in &about.warnings {
        io::say(messages::warning(w).get(lang));
    }
    let text = match args.format {
        TableFormat::Json => json(&report(&plan, &flagged, lang)),
        TableFormat::Csv => schedule_to_csv(&plan, &roster, lang),
        TableFormat::Text => {
            let mut out = String::new();
            for line in &about.lines {
                outln!(out, "{}", line.get(lang));
            }
            out + &text(&plan, &flagged, &people, lang)
        }
    };
    io::write(To::Stdout, &text, lang)
}

/// A pair with the rules it breaks.
pub type Flagged = (PairRef, Vec<Constraint>);

/// The pairs to schedule, each with the hard rules it breaks: the
/// coordinator's own pairs (a pairs file, or locked pairs) are scheduled
/// as given, and flagged. Without a pairs file: the roster's pairs, and a
/// matching for the rest.
pub fn pairs_for(
    pairs: Option<&Path>,
    ladder: &Ladder,
    roster: &Roster,
    lang: Lang,
) -> Result<Vec<Flagged>, Failed> {
    Ok(match pairs {
        Some(path) => {
            let pairs = io::load(path, lang, |name, text| load_pairs(name, text, roster))?;
            let config = MatchConfig::default();
            let problems = given_pair_problems(ladder, roster, &config, &pairs);
            pairs.iter().map(PairRef::from).zip(problems).collect()
        }
        None => assign(ladder, roster, &MatchConfig::default())
            .pairs
            .iter()
            .map(|p| (PairRef::from(p), p.problems.clone()))
            .collect(),
    })
}

/// `Mentor · Mentee`.
fn names(people: &Lookup<'_>, pair: &PairRef) -> String {
    let (mentor, mentee) = (people.name(&pair.mentor), people.name(&pair.mentee));
    format!("{mentor} · {mentee}")
}

fn report<'a>(plan: &'a Schedule, flagged: &[&'a Flagged], lang: Lang) -> Report<'a> {
    Report {
        reviews: plan
            .reviews
            .iter()
            .map(|r| ReviewOut {
                date: Iso(r.date),
                start: HourMinute(r.start),
                end: HourMinute(r.end),
                mentor: &r.mentor,
                mentee: &r.mentee,
                review: r.number,
                ideal_date: Iso(r.ideal),
                moved: r.moved.as_ref().map(|m| m.get(lang)),
            })
            .collect(),
        unplaced: plan
            .unplaced
            .iter()
            .map(|u| UnplacedOut {
                mentor: &u.mentor,
                mentee: &u.mentee,
                review: u.number,
                ideal_date: Iso(u.ideal),
                reason: u.reason.get(lang),
            })
            .collect(),
        pair_problems: flagged
            .iter()
            .map(|(pair, problems)| PairProblems {
                mentor: &pair.mentor,
                mentee: &pair.mentee,
                problems: BrokenRule::list(problems, lang),
            })
            .collect(),
    }
}

/// The text after the summary: flagged pairs, reviews, what was not placed.
fn text(plan: &Schedule, flagged: &[&Flagged], people: &Lookup<'_>, lang: Lang) -> String {
    let mut out = String::new();
    if !flagged.is_empty() {
        outln!(out, "\n{}", messages::scheduled_all_the_same().get(lang));
        for (pair, problems) in flagged {
            let rules = Constraint::broken_list(problems, lang);
            outln!(out, "  ⚠ {}: {rules}", names(people, pair));
        }
    }
    if !plan.reviews.is_empty() {
        outln!(out);
    }
    for r in &plan.reviews {
        let moved = if r.date != r.ideal {
            messages::moved_from(r.ideal, r.moved.as_ref())
                .get(lang)
                .to_string()
        } else {
            String::new()
        };
        let (start, end) = (HourMinute(r.start), HourMinute(r.end));
        let (mentor, mentee) = (people.name(&r.mentor), people.name(&r.mentee));
        outln!(
            out,
            "{} {start}–{end}  {mentor} · {mentee} ({}){moved}",
            doorgroei::dates::written(r.date, lang),
            r.number
        );
    }
    if !plan.unplaced.is_empty() {
        outln!(out, "\n{}", messages::unplaced().get(lang));
        for u in &plan.unplaced {
            // Number 0: the whole pair (someone not in the roster, a
            // period past the calendar's end).
            let which = if u.number == 0 {
                String::new()
            } else {
                format!(
                    " ({}, {})",
                    u.number,
                    doorgroei::dates::written(u.ideal, lang)
                )
            };
            let (mentor, mentee) = (people.name(&u.mentor), people.name(&u.mentee));
            outln!(out, "  {mentor} · {mentee}{which}: {}", u.reason.get(lang));
        }
    }
    out
}

/// `--ics-dir`: the file with every review and one per person, each person's
/// file under a name no other file has (a clash gets a suffix and is said).
fn write_calendars(
    dir: &Path,
    plan: &Schedule,
    roster: &Roster,
    pairs: &[PairRef],
    lang: Lang,
    stamp: jiff::Timestamp,
) -> Result<(), Failed> {
    io::folder(dir, lang)?;
    let all = messages::all_reviews_file();
    let all = all.get(lang);
    let ics = schedule_to_ics(plan, roster, lang, stamp, None);
    io::write(To::File(&dir.join(all)), &ics, lang)?;
    let people = roster.lookup();
    let mut ids: Vec<&str> = pairs
        .iter()
        .flat_map(|p| [p.mentee.as_str(), p.mentor.as_str()])
        .filter(|id| people.person(id).is_some())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    for file in calendar_file_names(&ids, &[all]) {
        if let Some(wanted) = &file.wanted {
            io::say(messages::calendar_renamed(&file.person, &file.name, wanted).get(lang));
        }
        let ics = schedule_to_ics(plan, roster, lang, stamp, Some(&file.person));
        io::write(To::File(&dir.join(&file.name)), &ics, lang)?;
    }
    Ok(())
}
