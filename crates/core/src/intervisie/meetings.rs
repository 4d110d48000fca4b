//! When the intervisie groups meet: every `cadence_weeks` on the group's
//! day, with the reviews' rules for holidays, closing days and absences.
//!
//! - Meeting `n` (from 1) of a group is ideally on its meeting day in the
//!   first week of the period, plus `(n − 1) × cadence_weeks` weeks, while
//!   that is before `start + months`. Ideal dates never move (no drift).
//! - A meeting is held on the ideal day when that is a working day (Monday
//!   to Friday, not a Dutch public holiday or a closing day of the
//!   scheduling settings), every member works that weekday and nobody is
//!   absent. Otherwise on the nearest day at most `max_shift` working days
//!   away (the later one first on equal distance, never on or before the
//!   group's previous meeting) where that holds.
//! - A group is not two people: when every such day has someone absent,
//!   the meeting goes to the first of them on which the fewest members are
//!   absent, as long as more than half of the group is there; the absent
//!   members are named. Without such a day the meeting is not held, with
//!   the reason.
//! - Meetings start at the settings' `day_start` and last `minutes`.

use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

use crate::dates::{add_days, add_minutes, add_months, Iso};
use crate::i18n::{join_list, Bilingual, Lang};
use crate::roster::{Person, Roster};
use crate::schedule::{absent, day_of, Calendar, ScheduleConfig};

use super::{Group, IntervisieConfig};

/// One meeting of a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// The group (its place in the grouping, from 0).
    pub group: usize,
    /// Which meeting of the group, from 1.
    pub number: u32,
    /// Where the cadence puts it.
    #[serde(with = "crate::dates::date")]
    pub ideal: Date,
    /// Where it is.
    #[serde(with = "crate::dates::date")]
    pub date: Date,
    /// Start time (Europe/Amsterdam).
    #[serde(
        serialize_with = "crate::dates::time",
        deserialize_with = "crate::dates::read_time"
    )]
    pub start: Time,
    /// End time.
    #[serde(
        serialize_with = "crate::dates::time",
        deserialize_with = "crate::dates::read_time"
    )]
    pub end: Time,
    /// Members absent that day (ids), when no day had everyone.
    pub absent: Vec<String>,
}

/// A meeting that could not be held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotHeld {
    /// The group.
    pub group: usize,
    /// Which meeting, from 1.
    pub number: u32,
    /// Where the cadence puts it.
    #[serde(with = "crate::dates::date")]
    pub ideal: Date,
    /// Why not.
    pub reason: Bilingual,
}

/// The meetings of every group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meetings {
    /// The meetings, by date and then group.
    pub meetings: Vec<Meeting>,
    /// The meetings that could not be held, by ideal date and then group.
    pub not_held: Vec<NotHeld>,
    /// Weeks between meetings.
    pub cadence_weeks: u8,
    /// Minutes per meeting.
    pub minutes: u16,
}

/// Why a candidate day does not do.
#[derive(Clone, Copy, Debug, Default)]
struct Obstacles {
    order: bool,
    closed: bool,
    not_working: bool,
    absent: bool,
}

/// The meetings of `groups` (members from `roster`) from `start` for
/// `months` months (1 to 120), by the rules in the module's documentation;
/// holidays, closing days, `max_shift` and `day_start` come from
/// `schedule`.
pub fn meetings(
    roster: &Roster,
    groups: &[Group],
    start: Date,
    months: u8,
    config: &IntervisieConfig,
    schedule: &ScheduleConfig,
) -> Meetings {
    let people = roster.lookup();
    let cadence = i64::from(config.cadence_weeks.max(1)) * 7;
    let mut out = Meetings {
        cadence_weeks: config.cadence_weeks,
        minutes: config.minutes,
        ..Meetings::default()
    };
    let end = add_months(start, i64::from(months.clamp(1, 120)));
    let pad = i64::from(schedule.max_shift) * 3 + 14;
    let calendar = Calendar::new(
        schedule,
        add_days(start, -pad).unwrap_or(start),
        end.and_then(|e| add_days(e, pad)).unwrap_or(start),
    );
    let begin = schedule.day_start;
    let finish = add_minutes(begin, i64::from(config.minutes)).unwrap_or(schedule.day_end);
    for (k, group) in groups.iter().enumerate() {
        let members: Vec<&Person> = group
            .members
            .iter()
            .filter_map(|id| people.person(id))
            .collect();
        let offset = (group.day as i64 - day_of(start) as i64).rem_euclid(7);
        let (Some(first), Some(end)) = (add_days(start, offset), end) else {
            out.not_held.push(NotHeld {
                group: k,
                number: 0,
                ideal: start,
                reason: Bilingual::new(
                    "de periode loopt voorbij het einde van de kalender (9999-12-31)",
                    "the period runs past the end of the calendar (9999-12-31)",
                ),
            });
            continue;
        };
        let mut previous: Option<Date> = None;
        let mut number = 0u32;
        while let Some(ideal) = add_days(first, cadence * i64::from(number)) {
            if ideal >= end {
                break;
            }
            number += 1;
            let mut candidates = vec![ideal];
            for n in 1..=schedule.max_shift {
                candidates.extend(calendar.step(ideal, n, true));
                candidates.extend(calendar.step(ideal, n, false));
            }
            let mut seen = Obstacles::default();
            let mut fallback: Option<(usize, Date)> = None;
            let mut chosen = None;
            for d in candidates {
                if d < start {
                    // Not a candidate at all: the period starts later.
                } else if previous.is_some_and(|p| d <= p) {
                    seen.order = true;
                } else if !calendar.open(d) {
                    seen.closed = true;
                } else if members.iter().any(|p| !p.days.contains(day_of(d))) {
                    seen.not_working = true;
                } else {
                    let away = members.iter().filter(|p| absent(p, d)).count();
                    if away == 0 {
                        chosen = Some(d);
                        break;
                    }
                    seen.absent = true;
                    if 2 * (members.len() - away) > members.len()
                        && fallback.is_none_or(|(fewest, _)| away < fewest)
                    {
                        fallback = Some((away, d));
                    }
                }
            }
            match chosen.or(fallback.map(|(_, d)| d)) {
                Some(date) => {
                    previous = Some(date);
                    out.meetings.push(Meeting {
                        group: k,
                        number,
                        ideal,
                        date,
                        start: begin,
                        end: finish,
                        absent: members
                            .iter()
                            .filter(|p| absent(p, date))
                            .map(|p| p.id.clone())
                            .collect(),
                    });
                }
                None => out.not_held.push(NotHeld {
                    group: k,
                    number,
                    ideal,
                    reason: why(seen, ideal, schedule.max_shift),
                }),
            }
        }
    }
    crate::sort::sort_by_key(&mut out.meetings, |m| (m.date, m.group));
    crate::sort::sort_by_key(&mut out.not_held, |m| (m.ideal, m.group, m.number));
    out
}

fn why(seen: Obstacles, ideal: Date, max_shift: u8) -> Bilingual {
    let say = |lang: Lang| {
        let mut what: Vec<String> = Vec::new();
        let nl = lang == Lang::Nl;
        if seen.closed {
            what.push(
                if nl {
                    "feestdagen of sluitingsdagen"
                } else {
                    "holidays or closing days"
                }
                .into(),
            );
        }
        if seen.not_working {
            what.push(
                if nl {
                    "dagen die niet ieders werkdag zijn"
                } else {
                    "days not everyone works"
                }
                .into(),
            );
        }
        if seen.absent {
            what.push(
                if nl {
                    "de helft of meer afwezig"
                } else {
                    "half of the group or more absent"
                }
                .into(),
            );
        }
        if seen.order {
            what.push(
                if nl {
                    "dagen voor de vorige bijeenkomst"
                } else {
                    "days before the previous meeting"
                }
                .into(),
            );
        }
        let what = join_list(&what, lang);
        let ideal = Iso(ideal);
        match (lang, max_shift) {
            (Lang::Nl, 1) => format!("geen dag binnen 1 werkdag van {ideal} waarop de groep kan: {what}"),
            (Lang::Nl, _) => format!("geen dag binnen {max_shift} werkdagen van {ideal} waarop de groep kan: {what}"),
            (Lang::En, 1) => format!("no day within 1 working day of {ideal} on which the group can meet: {what}"),
            (Lang::En, _) => format!("no day within {max_shift} working days of {ideal} on which the group can meet: {what}"),
        }
    };
    Bilingual::new(say(Lang::Nl), say(Lang::En))
}
