//! `doorgroei schedule`: case reviews every few weeks for every pair.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use doorgroei::dates::HourMinute;
use doorgroei::format::{
    calendar_file_names, load_pairs, load_schedule_config, schedule_to_csv, schedule_to_ics,
};
use doorgroei::matching::{assign, pair_problems, Constraint, MatchConfig};
use doorgroei::roster::Roster;
use doorgroei::schedule::{schedule, summary, PairRef, Schedule, ScheduleConfig};
use doorgroei::Lang;
use serde_json::{json, Value};

use super::{load, load_file, load_roster_file, output, Failed};

/// The options of `doorgroei schedule`.
pub struct ScheduleQuery {
    pub pairs: Option<PathBuf>,
    pub start: jiff::civil::Date,
    pub months: Option<u8>,
    pub cadence_weeks: Option<u8>,
    pub config: Option<PathBuf>,
    pub ics: Option<PathBuf>,
    pub ics_dir: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ScheduleFormat {
    Text,
    Json,
    Csv,
}

pub fn schedule_cmd(
    ladder_file: &Path,
    roster_file: &Path,
    query: &ScheduleQuery,
    lang: Lang,
    format: ScheduleFormat,
) -> Result<(), Failed> {
    let ladder = load(ladder_file, lang)?;
    let roster: Roster = load_roster_file(roster_file, &ladder, lang)?;
    let mut config = match &query.config {
        Some(path) => load_file(path, lang, load_schedule_config)?,
        None => ScheduleConfig::default(),
    };
    if let Some(m) = query.months {
        config.months = m;
    }
    if let Some(c) = query.cadence_weeks {
        config.cadence_weeks = c;
    }
    // Each pair with the hard rules it breaks: the coordinator's own pairs
    // (a pairs file, or locked pairs) are scheduled as given, and flagged.
    let match_config = MatchConfig::default();
    let checked: Vec<(PairRef, Vec<Constraint>)> = match &query.pairs {
        Some(path) => {
            let pairs = load_file(path, lang, |name, text| load_pairs(name, text, &roster))?;
            let people = roster.by_id();
            let mut load: BTreeMap<&str, u32> = BTreeMap::new();
            pairs
                .iter()
                .map(|p| {
                    let mut problems =
                        pair_problems(&ladder, &roster, &match_config, &p.mentee, &p.mentor);
                    let used = load.entry(p.mentor.as_str()).or_default();
                    *used += 1;
                    let capacity = people.get(p.mentor.as_str()).map_or(0, |m| m.capacity);
                    if *used > capacity && !problems.contains(&Constraint::MentorLevel) {
                        problems.push(Constraint::Capacity);
                        problems.sort();
                    }
                    let pair = PairRef {
                        mentee: p.mentee.clone(),
                        mentor: p.mentor.clone(),
                    };
                    (pair, problems)
                })
                .collect()
        }
        // No pairs given: the roster's pairs, and a matching for the rest.
        None => assign(&ladder, &roster, &match_config)
            .pairs
            .iter()
            .map(|p| (PairRef::from(p), p.problems.clone()))
            .collect(),
    };
    let pairs: Vec<PairRef> = checked.iter().map(|(p, _)| p.clone()).collect();
    let names = roster.names();
    let name = |id: &str| names.get(id).copied().unwrap_or(id).to_string();
    let flagged: Vec<&(PairRef, Vec<Constraint>)> =
        checked.iter().filter(|(_, c)| !c.is_empty()).collect();
    for (pair, problems) in &flagged {
        let (who, rules) = (
            format!("{} · {}", name(&pair.mentor), name(&pair.mentee)),
            crate::broken_text(problems, lang),
        );
        match lang {
            Lang::Nl => eprintln!("let op: de koppeling {who} breekt een regel: {rules}"),
            Lang::En => eprintln!("warning: the pair {who} breaks a rule: {rules}"),
        }
    }
    let plan = schedule(&roster, &pairs, query.start, &config);
    let stamp = jiff::Timestamp::now();
    if let Some(path) = &query.ics {
        output::file(
            path,
            &schedule_to_ics(&plan, &roster, lang, stamp, None),
            lang,
        )?;
    }
    if let Some(dir) = &query.ics_dir {
        write_calendars(dir, &plan, &roster, &pairs, lang, stamp)?;
    }
    let about = summary(&plan, pairs.len(), query.start);
    for w in &about.warnings {
        match lang {
            Lang::Nl => eprintln!("let op: {}", w.get(lang)),
            Lang::En => eprintln!("warning: {}", w.get(lang)),
        }
    }
    let hm = |t| HourMinute(t).to_string();
    let mut out = String::new();
    match format {
        ScheduleFormat::Json => {
            let reviews: Vec<Value> = plan
                .reviews
                .iter()
                .map(|r| {
                    json!({
                        "date": r.date.to_string(), "start": hm(r.start), "end": hm(r.end),
                        "mentor": r.mentor, "mentee": r.mentee, "review": r.number,
                        "ideal_date": r.ideal.to_string(),
                    })
                })
                .collect();
            let unplaced: Vec<Value> = plan
                .unplaced
                .iter()
                .map(|u| {
                    json!({
                        "mentor": u.mentor, "mentee": u.mentee, "review": u.number,
                        "ideal_date": u.ideal.to_string(), "reason": u.reason.get(lang),
                    })
                })
                .collect();
            let problems: Vec<Value> = flagged
                .iter()
                .map(|(pair, problems)| {
                    json!({
                        "mentor": pair.mentor, "mentee": pair.mentee,
                        "problems": crate::problems_json(problems, lang),
                    })
                })
                .collect();
            let doc = json!({"reviews": reviews, "unplaced": unplaced, "pair_problems": problems});
            outln!(
                out,
                "{}",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            );
        }
        ScheduleFormat::Csv => out!(out, "{}", schedule_to_csv(&plan, &roster, lang)),
        ScheduleFormat::Text => {
            let nl = lang == Lang::Nl;
            for line in &about.lines {
                outln!(out, "{}", line.get(lang));
            }
            if !flagged.is_empty() {
                outln!(
                    out,
                    "\n{}",
                    if nl {
                        "Koppelingen die een regel breken (toch ingepland):"
                    } else {
                        "Pairs that break a rule (scheduled all the same):"
                    }
                );
                for (pair, problems) in &flagged {
                    outln!(
                        out,
                        "  ⚠ {} · {}: {}",
                        name(&pair.mentor),
                        name(&pair.mentee),
                        crate::broken_text(problems, lang)
                    );
                }
            }
            if !plan.reviews.is_empty() {
                outln!(out);
            }
            for r in &plan.reviews {
                let moved = if r.date != r.ideal {
                    if nl {
                        format!("  (verschoven van {})", r.ideal)
                    } else {
                        format!("  (moved from {})", r.ideal)
                    }
                } else {
                    String::new()
                };
                outln!(
                    out,
                    "{} {}–{}  {} · {} ({}){moved}",
                    r.date,
                    hm(r.start),
                    hm(r.end),
                    name(&r.mentor),
                    name(&r.mentee),
                    r.number
                );
            }
            if !plan.unplaced.is_empty() {
                outln!(
                    out,
                    "\n{}",
                    if nl {
                        "Niet te plaatsen:"
                    } else {
                        "Could not be placed:"
                    }
                );
                for u in &plan.unplaced {
                    // Number 0: the whole pair (someone not in the roster, a
                    // period past the calendar's end).
                    let which = if u.number == 0 {
                        String::new()
                    } else {
                        format!(" ({}, {})", u.number, u.ideal)
                    };
                    outln!(
                        out,
                        "  {} · {}{which}: {}",
                        name(&u.mentor),
                        name(&u.mentee),
                        u.reason.get(lang)
                    );
                }
            }
        }
    }
    output::stdout(&out, lang)
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
    output::folder(dir, lang)?;
    let all = match lang {
        Lang::Nl => "alle-besprekingen.ics",
        Lang::En => "all-reviews.ics",
    };
    output::file(
        &dir.join(all),
        &schedule_to_ics(plan, roster, lang, stamp, None),
        lang,
    )?;
    let mut people: Vec<&str> = pairs
        .iter()
        .flat_map(|p| [p.mentee.as_str(), p.mentor.as_str()])
        .filter(|id| roster.people.iter().any(|p| p.id == *id))
        .collect();
    people.sort_unstable();
    people.dedup();
    for file in calendar_file_names(&people, &[all]) {
        if let Some(wanted) = &file.wanted {
            match lang {
                Lang::Nl => eprintln!(
                    "let op: de agenda van '{}' heet {}, want {wanted} is al de naam van een ander bestand",
                    file.person, file.name
                ),
                Lang::En => eprintln!(
                    "note: the calendar of '{}' is named {}, as {wanted} is already another file's name",
                    file.person, file.name
                ),
            }
        }
        output::file(
            &dir.join(&file.name),
            &schedule_to_ics(plan, roster, lang, stamp, Some(&file.person)),
            lang,
        )?;
    }
    Ok(())
}
