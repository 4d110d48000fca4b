//! `doorgroei schedule`: four-weekly case reviews for every pair.

use std::path::{Path, PathBuf};

use doorgroei::dates::HourMinute;
use doorgroei::format::{load_schedule_config, schedule_to_csv, schedule_to_ics};
use doorgroei::matching::{assign, MatchConfig};
use doorgroei::roster::Roster;
use doorgroei::schedule::{schedule, PairRef, ScheduleConfig};
use doorgroei::yaml::json_error;
use doorgroei::Lang;
use serde_json::{json, Value};

use super::{load, load_file, load_roster_file, read, Failed};

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
        eprintln!("{}", json_error(&file.to_string(), &e).render(lang));
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

/// A file name from an id: letters, digits, `-` and `_` kept.
fn file_name(id: &str) -> String {
    let clean: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{clean}.ics")
}

fn write(path: &Path, text: &str) -> Result<(), Failed> {
    std::fs::write(path, text).map_err(|e| {
        eprintln!("{}: {e}", path.display());
        Failed
    })
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
        write(path, &schedule_to_ics(&plan, &roster, lang, stamp, None))?;
    }
    if let Some(dir) = &query.ics_dir {
        std::fs::create_dir_all(dir).map_err(|e| {
            eprintln!("{}: {e}", dir.display());
            Failed
        })?;
        let all = match lang {
            Lang::Nl => "alle-besprekingen.ics",
            Lang::En => "all-reviews.ics",
        };
        write(
            &dir.join(all),
            &schedule_to_ics(&plan, &roster, lang, stamp, None),
        )?;
        let mut people: Vec<&str> = pairs
            .iter()
            .flat_map(|p| [p.mentee.as_str(), p.mentor.as_str()])
            .filter(|id| roster.people.iter().any(|p| p.id == *id))
            .collect();
        people.sort_unstable();
        people.dedup();
        for id in people {
            write(
                &dir.join(file_name(id)),
                &schedule_to_ics(&plan, &roster, lang, stamp, Some(id)),
            )?;
        }
    }
    let names = roster.names();
    let name = |id: &str| names.get(id).copied().unwrap_or(id).to_string();
    let hm = |t| HourMinute(t).to_string();
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
            let out = json!({"reviews": reviews, "unplaced": unplaced});
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        ScheduleFormat::Csv => print!("{}", schedule_to_csv(&plan, &roster, lang)),
        ScheduleFormat::Text => {
            let nl = lang == Lang::Nl;
            if nl {
                println!(
                    "{} besprekingen gepland voor {} koppelingen, elke {} weken gedurende {} maanden vanaf {}; {} niet te plaatsen",
                    plan.reviews.len(), pairs.len(), config.cadence_weeks, config.months, query.start, plan.unplaced.len()
                );
            } else {
                println!(
                    "{} reviews planned for {} pairs, every {} weeks for {} months from {}; {} could not be placed",
                    plan.reviews.len(), pairs.len(), config.cadence_weeks, config.months, query.start, plan.unplaced.len()
                );
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
                println!(
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
                println!(
                    "\n{}",
                    if nl {
                        "Niet te plaatsen:"
                    } else {
                        "Could not be placed:"
                    }
                );
                for u in &plan.unplaced {
                    println!(
                        "  {} · {} ({}, {}): {}",
                        name(&u.mentor),
                        name(&u.mentee),
                        u.number,
                        u.ideal,
                        u.reason.get(lang)
                    );
                }
            }
        }
    }
    Ok(())
}
