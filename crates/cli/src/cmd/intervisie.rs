//! `doorgroei intervisie`: peer-consultation groups across teams, their
//! meetings, and who is due for supervision.

use std::path::Path;

use doorgroei::dates::{HourMinute, Iso};
use doorgroei::format::{
    grouping_to_csv, load_earlier, load_intervisie_config, load_schedule_config,
    meeting_file_names, meetings_to_ics, supervision_to_csv, GroupsFile,
};
use doorgroei::intervisie::{
    form_groups, meetings, problem, supervision_due, Due, Earlier, Grouping, IntervisieConfig,
    Meetings,
};
use doorgroei::roster::{Lookup, Roster};
use doorgroei::{Ladder, Lang};
use serde::Serialize;

use crate::args::{IntervisieArgs, TableFormat};
use crate::io::{self, To};
use crate::messages;
use crate::out::{json, outln};
use crate::Failed;

/// `--format json`: the grouping, and with `--start` the meetings.
#[derive(Serialize)]
struct Report<'a> {
    #[serde(flatten)]
    grouping: GroupsFile,
    #[serde(skip_serializing_if = "Option::is_none")]
    meetings: Option<Vec<MeetingOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    not_held: Option<Vec<NotHeldOut<'a>>>,
}

#[derive(Serialize)]
struct MeetingOut<'a> {
    /// The group, from 1 as in the text output.
    group: usize,
    meeting: u32,
    date: Iso,
    start: HourMinute,
    end: HourMinute,
    ideal_date: Iso,
    absent: &'a [String],
}

#[derive(Serialize)]
struct NotHeldOut<'a> {
    group: usize,
    meeting: u32,
    ideal_date: Iso,
    reason: &'a str,
}

/// `--supervision --format json`.
#[derive(Serialize)]
struct DueReport<'a> {
    date: Iso,
    supervision_years: u8,
    due: Vec<DueOut<'a>>,
}

#[derive(Serialize)]
struct DueOut<'a> {
    id: &'a str,
    name: &'a str,
    last_supervision: Option<Iso>,
    years_ago: Option<u32>,
}

pub fn run(args: IntervisieArgs, lang: Lang) -> Result<(), Failed> {
    let (ladder, _) = io::ladder(&args.ladder, lang)?;
    let roster = io::roster(&args.roster, &args.table, &ladder, lang)?;
    let config = io::settings(args.config.as_deref(), lang, load_intervisie_config)?;
    if args.supervision {
        let today = args
            .start
            .unwrap_or_else(|| doorgroei::dates::utc_day(jiff::Timestamp::now()));
        let due = supervision_due(&ladder, &roster, &config, today);
        let text = match args.format {
            TableFormat::Json => json(&due_report(&due, &roster, today, &config)),
            TableFormat::Csv => supervision_to_csv(&due, &roster, &ladder, lang),
            TableFormat::Text => due_text(&due, &roster, &ladder, today, &config, lang),
        };
        return io::write(To::Stdout, &text, lang);
    }
    let earlier = match &args.earlier {
        Some(path) => {
            let bytes = io::read(path, lang)?;
            load_earlier(&path.display().to_string(), &bytes).map_err(|e| io::report(&e, lang))?
        }
        None => Earlier::default(),
    };
    if let Some(path) = &args.dump_problem {
        let plain = problem(&ladder, &roster, &config, &earlier);
        io::write(To::File(path), &json(&plain), lang)?;
    }
    let grouping = form_groups(&ladder, &roster, &config, &earlier);
    let plan = match args.start {
        Some(start) => {
            let schedule = io::settings(args.schedule.as_deref(), lang, load_schedule_config)?;
            let months = args.months.unwrap_or(12);
            Some(meetings(
                &roster,
                &grouping.groups,
                start,
                months,
                &config,
                &schedule,
            ))
        }
        None => None,
    };
    if let (Some(dir), Some(plan)) = (&args.ics_dir, &plan) {
        write_calendars(dir, plan, &grouping, &roster, lang)?;
    }
    let text = match args.format {
        TableFormat::Json => json(&report(&grouping, plan.as_ref(), lang)),
        TableFormat::Csv => grouping_to_csv(&grouping, &roster, &ladder, lang),
        TableFormat::Text => text(&grouping, plan.as_ref(), &roster, &ladder, lang),
    };
    io::write(To::Stdout, &text, lang)
}

fn report<'a>(grouping: &Grouping, plan: Option<&'a Meetings>, lang: Lang) -> Report<'a> {
    Report {
        grouping: GroupsFile::new(grouping, lang),
        meetings: plan.map(|p| {
            p.meetings
                .iter()
                .map(|m| MeetingOut {
                    group: m.group + 1,
                    meeting: m.number,
                    date: Iso(m.date),
                    start: HourMinute(m.start),
                    end: HourMinute(m.end),
                    ideal_date: Iso(m.ideal),
                    absent: &m.absent,
                })
                .collect()
        }),
        not_held: plan.map(|p| {
            p.not_held
                .iter()
                .map(|n| NotHeldOut {
                    group: n.group + 1,
                    meeting: n.number,
                    ideal_date: Iso(n.ideal),
                    reason: n.reason.get(lang),
                })
                .collect()
        }),
    }
}

/// `Anouk de Vries (j0001)`.
fn who(people: &Lookup<'_>, id: &str) -> String {
    format!("{} ({id})", people.name(id))
}

fn text(
    grouping: &Grouping,
    plan: Option<&Meetings>,
    roster: &Roster,
    ladder: &Ladder,
    lang: Lang,
) -> String {
    let people = roster.lookup();
    let mut out = String::new();
    let placed = grouping.taking_part - grouping.left_out.len();
    let summary = messages::grouped(
        grouping.groups.len(),
        placed,
        grouping.taking_part,
        grouping.total_score,
        grouping.upper_bound,
    );
    outln!(out, "{}", summary.get(lang));
    for (k, g) in grouping.groups.iter().enumerate() {
        outln!(
            out,
            "\n{}",
            messages::group_heading(k + 1, g.day, g.score).get(lang)
        );
        for id in &g.members {
            let p = people.person(id);
            let team = p.map(|p| p.team.as_str()).unwrap_or_default();
            let role = p.map_or("", |p| ladder.role_name(&p.role, lang));
            let details: Vec<&str> = [team, role].into_iter().filter(|t| !t.is_empty()).collect();
            outln!(out, "  {}, {}", who(&people, id), details.join(", "));
        }
        outln!(
            out,
            "  {}: {}",
            messages::why_grouped().get(lang),
            g.reason.get(lang)
        );
        if let Some(plan) = plan {
            let dates: Vec<String> = plan
                .meetings
                .iter()
                .filter(|m| m.group == k)
                .map(|m| {
                    let mut date = doorgroei::dates::written(m.date, lang);
                    if m.date != m.ideal {
                        date.push(' ');
                        date += messages::moved_from(m.ideal, None).get(lang).trim_start();
                    }
                    if !m.absent.is_empty() {
                        let names: Vec<String> = m
                            .absent
                            .iter()
                            .map(|id| people.name(id).to_string())
                            .collect();
                        let names = doorgroei::i18n::join_list(&names, lang);
                        date += messages::without(&names).get(lang);
                    }
                    date
                })
                .collect();
            if let Some(first) = plan.meetings.iter().find(|m| m.group == k) {
                outln!(
                    out,
                    "  {} {}–{}: {}",
                    messages::meetings().get(lang),
                    HourMinute(first.start),
                    HourMinute(first.end),
                    dates.join(", ")
                );
            }
            for n in plan.not_held.iter().filter(|n| n.group == k) {
                let ideal = Iso(n.ideal).to_string();
                outln!(
                    out,
                    "  ⚠ {}",
                    messages::not_held(n.number, &ideal, &n.reason).get(lang)
                );
            }
        }
    }
    if !grouping.left_out.is_empty() {
        outln!(out, "\n{}", messages::not_placed().get(lang));
        for l in &grouping.left_out {
            outln!(out, "  {}", l.reason.get(lang));
        }
    }
    out
}

fn due_report<'a>(
    due: &'a [Due],
    roster: &'a Roster,
    today: jiff::civil::Date,
    config: &IntervisieConfig,
) -> DueReport<'a> {
    let people = roster.lookup();
    DueReport {
        date: Iso(today),
        supervision_years: config.supervision_years,
        due: due
            .iter()
            .map(|d| DueOut {
                id: &d.id,
                name: people.name(&d.id),
                last_supervision: d.last.map(Iso),
                years_ago: d.years_ago,
            })
            .collect(),
    }
}

fn due_text(
    due: &[Due],
    roster: &Roster,
    ladder: &Ladder,
    today: jiff::civil::Date,
    config: &IntervisieConfig,
    lang: Lang,
) -> String {
    let people = roster.lookup();
    let mut out = String::new();
    let date = Iso(today).to_string();
    let heading = messages::supervision_due(due.len(), &date, config.supervision_years);
    outln!(out, "{}", heading.get(lang));
    for d in due {
        let role = people
            .person(&d.id)
            .map_or("", |p| ladder.role_name(&p.role, lang));
        let last = d.last.map(|l| Iso(l).to_string());
        let said = messages::last_supervision(last.as_deref(), d.years_ago);
        outln!(out, "  {}, {role}: {}", who(&people, &d.id), said.get(lang));
    }
    out
}

/// `--ics-dir`: the file with every meeting and one per group.
fn write_calendars(
    dir: &Path,
    plan: &Meetings,
    grouping: &Grouping,
    roster: &Roster,
    lang: Lang,
) -> Result<(), Failed> {
    io::folder(dir, lang)?;
    let stamp = jiff::Timestamp::now();
    let (all, each) = meeting_file_names(grouping.groups.len(), lang);
    let ics = meetings_to_ics(plan, &grouping.groups, roster, lang, stamp, None);
    io::write(To::File(&dir.join(all)), &ics, lang)?;
    for (k, name) in each.iter().enumerate() {
        let ics = meetings_to_ics(plan, &grouping.groups, roster, lang, stamp, Some(k));
        io::write(To::File(&dir.join(name)), &ics, lang)?;
    }
    Ok(())
}
