//! `doorgroei schedule`: case reviews every few weeks for every pair.

use std::path::{Path, PathBuf};

use doorgroei::dates::HourMinute;
use doorgroei::format::{
    calendar_file_names, load_schedule_config, schedule_to_csv, schedule_to_ics,
};
use doorgroei::matching::{assign, MatchConfig};
use doorgroei::roster::Roster;
use doorgroei::schedule::{schedule, summary, PairRef, Schedule, ScheduleConfig};
use doorgroei::Lang;
use serde_json::{json, Value};

use super::{load, load_file, load_roster_file, output, read, Failed};

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

/// Pairs from a file: the JSON of `doorgroei match --format json`, or a
/// plain list of `{"mentee": …, "mentor": …}`.
fn read_pairs(path: &Path, lang: Lang) -> Result<Vec<PairRef>, Failed> {
    let text = read(path, lang)?;
    let file = path.display();
    let value: Value = serde_json::from_str(&text).map_err(|e| {
        match lang {
            Lang::Nl => eprintln!("{file}:{}:{}: geen geldige JSON: {e}", e.line(), e.column()),
            Lang::En => eprintln!("{file}:{}:{}: not valid JSON: {e}", e.line(), e.column()),
        }
        Failed
    })?;
    let list = match &value {
        Value::Array(items) => items,
        Value::Object(map) => match map.get("pairs") {
            Some(Value::Array(items)) => items,
            _ => {
                match lang {
                    Lang::Nl => eprintln!("{file}: verwacht een lijst 'pairs' (zoals `doorgroei match --format json` schrijft)"),
                    Lang::En => eprintln!("{file}: expected a list 'pairs' (as `doorgroei match --format json` writes)"),
                }
                return Err(Failed);
            }
        },
        _ => {
            match lang {
                Lang::Nl => eprintln!("{file}: verwacht een lijst met koppelingen"),
                Lang::En => eprintln!("{file}: expected a list of pairs"),
            }
            return Err(Failed);
        }
    };
    let mut pairs = Vec::new();
    let mut failed = false;
    for (i, item) in list.iter().enumerate() {
        let field = |name: &str| item.get(name).and_then(Value::as_str).map(str::to_string);
        match (field("mentee"), field("mentor")) {
            (Some(mentee), Some(mentor)) => pairs.push(PairRef { mentee, mentor }),
            _ => {
                failed = true;
                match lang {
                    Lang::Nl => {
                        eprintln!("{file}: pairs[{i}]: verwacht tekst bij 'mentee' en 'mentor'")
                    }
                    Lang::En => {
                        eprintln!("{file}: pairs[{i}]: expected text for 'mentee' and 'mentor'")
                    }
                }
            }
        }
    }
    if failed {
        Err(Failed)
    } else {
        Ok(pairs)
    }
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
    let pairs: Vec<PairRef> = match &query.pairs {
        Some(path) => read_pairs(path, lang)?,
        // No pairs given: the roster's pairs, and a matching for the rest.
        None => assign(&ladder, &roster, &MatchConfig::default())
            .pairs
            .iter()
            .map(PairRef::from)
            .collect(),
    };
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
    let names = roster.names();
    let name = |id: &str| names.get(id).copied().unwrap_or(id).to_string();
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
            let doc = json!({"reviews": reviews, "unplaced": unplaced});
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
