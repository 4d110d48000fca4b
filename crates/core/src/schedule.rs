//! Four-weekly case reviews: a date and a time for every review of every
//! pair, on days both people work, never on a Dutch public holiday, a
//! closing day or during an absence, and never more than a mentor can take
//! on one day.
//!
//! The rules, in order:
//! - Review `n` (from 1) of a pair is ideally on `start + (n − 1) × cadence`,
//!   where `start` is the later of the schedule's start and the mentee's start
//!   date, for as long as `start + months`. Ideal dates never move: a review
//!   that had to shift does not shift the ones after it (no drift).
//! - When the ideal day is not possible, the review goes to the nearest
//!   possible day at most `max_shift` working days away (working days: Monday
//!   to Friday, not a holiday or closing day); on equal distance the later
//!   day first, and never before the pair's start or on or before the pair's
//!   previous review.
//! - A day is possible when both work that weekday, neither is absent, the
//!   mentor has fewer than `max_per_day` reviews that day, and there is a
//!   time slot (from `day_start`, `slot_minutes` long, ending by `day_end`)
//!   in which both are free.
//! - Reviews are placed in order of their ideal date (ties: pair order), so
//!   earlier reviews get the first choice of slots.
//! - A review that cannot be placed is reported with the reason.
//!
//! No clock: the start date is a parameter.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::dates::{add_days, add_minutes, add_months};
use jiff::civil::{Date, Time, Weekday};
use serde::Serialize;

use crate::i18n::Bilingual;
use crate::matching::Matched;
use crate::roster::{Day, Pair, Person, Roster};
use crate::sort;

/// When Bevrijdingsdag (5 May) is a day off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Liberation {
    /// Every year.
    EveryYear,
    /// Only in lustrum years (divisible by 5), as in many collective agreements.
    #[default]
    Lustrum,
}

/// Which public holidays the organisation observes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HolidayRules {
    /// Goede Vrijdag is a day off (not by default).
    pub good_friday: bool,
    /// When Bevrijdingsdag is a day off.
    pub liberation: Liberation,
}

impl Default for HolidayRules {
    fn default() -> Self {
        HolidayRules {
            good_friday: false,
            liberation: Liberation::Lustrum,
        }
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of
/// Meeus, Jones and Butcher).
pub fn easter(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // March 22 to April 25: always a real date.
    Date::new(year, month as i8, day as i8)
        .unwrap_or_else(|_| unreachable!("Easter is a real date"))
}

/// The Dutch public holidays of `year` with their names, in date order.
/// Koningsdag is 27 April, or 26 April when the 27th is a Sunday (the rule
/// since 2014).
pub fn holidays(year: i16, rules: HolidayRules) -> Vec<(Date, Bilingual)> {
    let easter = easter(year);
    // (`unreachable!` rather than `expect`: formatting jiff's error would add
    // all of its messages to the web build.)
    let plus = |days: i64| {
        add_days(easter, days)
            .unwrap_or_else(|| unreachable!("days near Easter are in the same year"))
    };
    let date = |m: i8, d: i8| {
        Date::new(year, m, d).unwrap_or_else(|_| unreachable!("a fixed holiday is a real date"))
    };
    let kings = if date(4, 27).weekday() == Weekday::Sunday {
        date(4, 26)
    } else {
        date(4, 27)
    };
    let mut out = vec![
        (
            date(1, 1),
            Bilingual::new("Nieuwjaarsdag", "New Year's Day"),
        ),
        (easter, Bilingual::new("Eerste Paasdag", "Easter Sunday")),
        (plus(1), Bilingual::new("Tweede Paasdag", "Easter Monday")),
        (kings, Bilingual::new("Koningsdag", "King's Day")),
        (plus(39), Bilingual::new("Hemelvaartsdag", "Ascension Day")),
        (
            plus(49),
            Bilingual::new("Eerste Pinksterdag", "Whit Sunday"),
        ),
        (
            plus(50),
            Bilingual::new("Tweede Pinksterdag", "Whit Monday"),
        ),
        (
            date(12, 25),
            Bilingual::new("Eerste Kerstdag", "Christmas Day"),
        ),
        (
            date(12, 26),
            Bilingual::new("Tweede Kerstdag", "Boxing Day"),
        ),
    ];
    if rules.good_friday {
        out.push((plus(-2), Bilingual::new("Goede Vrijdag", "Good Friday")));
    }
    if rules.liberation == Liberation::EveryYear || year % 5 == 0 {
        out.push((
            date(5, 5),
            Bilingual::new("Bevrijdingsdag", "Liberation Day"),
        ));
    }
    sort::sort_by_key(&mut out, |(d, _)| *d);
    out
}

/// Scheduling settings (file: `schema: doorgroei/schedule@1`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleConfig {
    /// Weeks between reviews, 4 to 6.
    pub cadence_weeks: u8,
    /// How long the reviews go on, 1 to 36 months.
    pub months: u8,
    /// How many working days a review may move from its ideal date.
    pub max_shift: u8,
    /// Reviews a mentor has at most on one day.
    pub max_per_day: u8,
    /// Length of a review.
    pub slot_minutes: u16,
    /// First start time of a day.
    pub day_start: Time,
    /// Reviews end by then.
    pub day_end: Time,
    /// Public holidays observed.
    pub holidays: HolidayRules,
    /// The organisation's own closing days.
    pub closing_days: BTreeSet<Date>,
}

impl Default for ScheduleConfig {
    fn default() -> Self {
        ScheduleConfig {
            cadence_weeks: 4,
            months: 12,
            max_shift: 5,
            max_per_day: 2,
            slot_minutes: 60,
            day_start: Time::constant(9, 0, 0, 0),
            day_end: Time::constant(17, 0, 0, 0),
            holidays: HolidayRules::default(),
            closing_days: BTreeSet::new(),
        }
    }
}

impl ScheduleConfig {
    /// Start times of the day's slots.
    pub fn slots(&self) -> Vec<Time> {
        let mut out = Vec::new();
        let step = i64::from(self.slot_minutes.max(1));
        let mut at = self.day_start;
        while out.len() < 64 {
            let Some(end) = add_minutes(at, step) else {
                break;
            };
            if end > self.day_end || end <= at {
                break;
            }
            out.push(at);
            at = end;
        }
        out
    }
}

/// A pair to schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PairRef {
    /// The mentee's id.
    pub mentee: String,
    /// The mentor's id.
    pub mentor: String,
}

/// A matching's pair, to schedule.
impl From<&Matched> for PairRef {
    fn from(p: &Matched) -> PairRef {
        PairRef {
            mentee: p.mentee.clone(),
            mentor: p.mentor.clone(),
        }
    }
}

/// A roster's pair, to schedule.
impl From<&Pair> for PairRef {
    fn from(p: &Pair) -> PairRef {
        PairRef {
            mentee: p.mentee.clone(),
            mentor: p.mentor.clone(),
        }
    }
}

/// One placed review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Review {
    /// The mentee's id.
    pub mentee: String,
    /// The mentor's id.
    pub mentor: String,
    /// Which review of the pair, from 1.
    pub number: u32,
    /// Where the cadence puts it.
    #[serde(with = "crate::dates::date")]
    pub ideal: Date,
    /// Where it is.
    #[serde(with = "crate::dates::date")]
    pub date: Date,
    /// Start time (Europe/Amsterdam).
    #[serde(serialize_with = "crate::dates::time")]
    pub start: Time,
    /// End time (Europe/Amsterdam).
    #[serde(serialize_with = "crate::dates::time")]
    pub end: Time,
}

/// A review that could not be placed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unplaced {
    /// The mentee's id.
    pub mentee: String,
    /// The mentor's id.
    pub mentor: String,
    /// Which review of the pair, from 1.
    pub number: u32,
    /// Where the cadence puts it.
    #[serde(with = "crate::dates::date")]
    pub ideal: Date,
    /// Why it could not be placed.
    pub reason: Bilingual,
}

/// The outcome: reviews in date order, and what could not be placed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Schedule {
    /// Placed reviews, by date, start time, then pair order.
    pub reviews: Vec<Review>,
    /// Reviews that could not be placed, by ideal date.
    pub unplaced: Vec<Unplaced>,
}

/// Why one candidate day does not work, in the order the checks run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Obstacle {
    NotWorking,
    Absent,
    MentorFull,
    NoSlot,
}

/// The days no review happens: holidays and closing days.
struct Calendar {
    closed: BTreeSet<Date>,
}

impl Calendar {
    fn new(config: &ScheduleConfig, from: Date, to: Date) -> Calendar {
        let mut closed: BTreeSet<Date> = config.closing_days.clone();
        for year in from.year()..=to.year() {
            closed.extend(holidays(year, config.holidays).into_iter().map(|(d, _)| d));
        }
        Calendar { closed }
    }

    /// Monday to Friday and not closed.
    fn open(&self, d: Date) -> bool {
        !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) && !self.closed.contains(&d)
    }

    /// The `n`-th open day after (`forward`) or before `d`.
    fn step(&self, d: Date, n: u8, forward: bool) -> Option<Date> {
        let mut at = d;
        let mut left = n;
        let mut guard = 0;
        while left > 0 {
            at = if forward {
                at.tomorrow()
            } else {
                at.yesterday()
            }
            .ok()?;
            if self.open(at) {
                left -= 1;
            }
            guard += 1;
            if guard > 400 {
                return None;
            }
        }
        Some(at)
    }
}

fn day_of(d: Date) -> Day {
    match d.weekday() {
        Weekday::Monday => Day::Mon,
        Weekday::Tuesday => Day::Tue,
        Weekday::Wednesday => Day::Wed,
        Weekday::Thursday => Day::Thu,
        Weekday::Friday => Day::Fri,
        Weekday::Saturday => Day::Sat,
        Weekday::Sunday => Day::Sun,
    }
}

fn absent(p: &Person, d: Date) -> bool {
    p.absent.iter().any(|&(from, to)| from <= d && d <= to)
}

/// Plans the reviews of `pairs` from `start`.
pub fn schedule(
    roster: &Roster,
    pairs: &[PairRef],
    start: Date,
    config: &ScheduleConfig,
) -> Schedule {
    let people: BTreeMap<&str, (usize, &Person)> = sort::map_of(
        roster
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), (i, p))),
    );
    let cadence = i64::from(config.cadence_weeks.clamp(1, 52)) * 7;
    let months = i64::from(config.months.clamp(1, 120));
    let mut out = Schedule::default();

    // Every review with its ideal date; pairs with unknown people are reported.
    struct Want<'a> {
        pair: usize,
        number: u32,
        ideal: Date,
        first: Date,
        mentee: (usize, &'a Person),
        mentor: (usize, &'a Person),
    }
    let mut wants: Vec<Want> = Vec::new();
    let (mut earliest, mut latest) = (start, start);
    for (k, pair) in pairs.iter().enumerate() {
        let (Some(&mentee), Some(&mentor)) = (
            people.get(pair.mentee.as_str()),
            people.get(pair.mentor.as_str()),
        ) else {
            let missing = if people.contains_key(pair.mentee.as_str()) {
                &pair.mentor
            } else {
                &pair.mentee
            };
            out.unplaced.push(Unplaced {
                mentee: pair.mentee.clone(),
                mentor: pair.mentor.clone(),
                number: 0,
                ideal: start,
                reason: Bilingual::new(
                    format!("'{missing}' staat niet in het rooster"),
                    format!("'{missing}' is not in the roster"),
                ),
            });
            continue;
        };
        let first = mentee.1.start.map_or(start, |s| s.max(start));
        let Some(end) = add_months(first, months) else {
            continue;
        };
        let mut n = 0u32;
        while let Some(ideal) = add_days(first, cadence * i64::from(n)) {
            if ideal >= end {
                break;
            }
            n += 1;
            wants.push(Want {
                pair: k,
                number: n,
                ideal,
                first,
                mentee,
                mentor,
            });
            latest = latest.max(ideal);
        }
        earliest = earliest.min(first);
    }
    sort::sort_by_key(&mut wants, |w| (w.ideal, w.pair, w.number));

    let pad = i64::from(config.max_shift) * 3 + 14;
    let calendar = Calendar::new(
        config,
        add_days(earliest, -pad).unwrap_or(earliest),
        add_days(latest, pad).unwrap_or(latest),
    );
    let slots = config.slots();
    let slot_len = i64::from(config.slot_minutes.max(1));
    // Busy slots per (person, date) as a bit set, reviews per (mentor, date).
    let mut busy: HashMap<(usize, Date), u64> = HashMap::new();
    let mut per_day: HashMap<(usize, Date), u8> = HashMap::new();
    let mut last: HashMap<usize, Date> = HashMap::new();

    for w in &wants {
        let (mi, mentee) = w.mentee;
        let (si, mentor) = w.mentor;
        // Candidates: the ideal day, then open days by distance, later first.
        let mut candidates = vec![w.ideal];
        for k in 1..=config.max_shift {
            candidates.extend(calendar.step(w.ideal, k, true));
            candidates.extend(calendar.step(w.ideal, k, false));
        }
        let after = last.get(&w.pair).copied();
        let mut obstacles: BTreeMap<Obstacle, usize> = BTreeMap::new();
        let mut placed = None;
        for d in candidates {
            if d < w.first || after.is_some_and(|a| d <= a) || !calendar.open(d) {
                continue;
            }
            let day = day_of(d);
            let obstacle = if !mentee.days.contains(day) || !mentor.days.contains(day) {
                Some(Obstacle::NotWorking)
            } else if absent(mentee, d) || absent(mentor, d) {
                Some(Obstacle::Absent)
            } else if per_day.get(&(si, d)).copied().unwrap_or(0) >= config.max_per_day {
                Some(Obstacle::MentorFull)
            } else {
                let taken = busy.get(&(si, d)).copied().unwrap_or(0)
                    | busy.get(&(mi, d)).copied().unwrap_or(0);
                match (0..slots.len()).find(|&s| taken & (1 << s) == 0) {
                    Some(s) => {
                        placed = Some((d, s));
                        None
                    }
                    None => Some(Obstacle::NoSlot),
                }
            };
            match obstacle {
                Some(o) => *obstacles.entry(o).or_default() += 1,
                None => break,
            }
        }
        match placed {
            Some((d, s)) => {
                *busy.entry((si, d)).or_default() |= 1 << s;
                *busy.entry((mi, d)).or_default() |= 1 << s;
                *per_day.entry((si, d)).or_default() += 1;
                last.insert(w.pair, d);
                let start = slots[s];
                out.reviews.push(Review {
                    mentee: mentee.id.clone(),
                    mentor: mentor.id.clone(),
                    number: w.number,
                    ideal: w.ideal,
                    date: d,
                    start,
                    end: add_minutes(start, slot_len).unwrap_or(start),
                });
            }
            None => out.unplaced.push(Unplaced {
                mentee: mentee.id.clone(),
                mentor: mentor.id.clone(),
                number: w.number,
                ideal: w.ideal,
                reason: why(&obstacles, w.ideal, config, slots.is_empty()),
            }),
        }
    }
    let order: HashMap<(&str, &str), usize> = pairs
        .iter()
        .enumerate()
        .map(|(k, p)| ((p.mentee.as_str(), p.mentor.as_str()), k))
        .collect();
    let rank = |r: &Review| {
        order
            .get(&(r.mentee.as_str(), r.mentor.as_str()))
            .copied()
            .unwrap_or(usize::MAX)
    };
    sort::sort_by_key(&mut out.reviews, |r| (r.date, r.start, rank(r)));
    sort::sort_by_key(&mut out.unplaced, |u| u.ideal);
    out
}

fn why(
    obstacles: &BTreeMap<Obstacle, usize>,
    ideal: Date,
    config: &ScheduleConfig,
    no_slots: bool,
) -> Bilingual {
    let n = config.max_shift;
    let ideal = crate::dates::Iso(ideal);
    if no_slots {
        return Bilingual::new(
            "er past geen bespreking tussen begin- en eindtijd van de dag",
            "no review fits between the day's start and end time",
        );
    }
    // The obstacle furthest along the checks names what stood in the way on
    // the days that otherwise would have done (e.g. absent on the shared days).
    let Some(&worst) = obstacles.keys().max() else {
        return Bilingual::new(
            format!("binnen {n} werkdagen van {ideal} zijn alle dagen feestdag of sluitingsdag"),
            format!("every day within {n} working days of {ideal} is a holiday or closing day"),
        );
    };
    match worst {
        Obstacle::NotWorking => Bilingual::new(
            format!("binnen {n} werkdagen van {ideal} is er geen dag waarop beiden werken"),
            format!("there is no day within {n} working days of {ideal} on which both work"),
        ),
        Obstacle::Absent => Bilingual::new(
            format!("mentor of mentee is afwezig binnen {n} werkdagen van {ideal}"),
            format!("mentor or mentee is absent within {n} working days of {ideal}"),
        ),
        Obstacle::MentorFull => Bilingual::new(
            format!(
                "de mentor heeft op elke mogelijke dag binnen {n} werkdagen van {ideal} al {} besprekingen",
                config.max_per_day
            ),
            format!(
                "the mentor already has {} reviews on every possible day within {n} working days of {ideal}",
                config.max_per_day
            ),
        ),
        Obstacle::NoSlot => Bilingual::new(
            format!("geen tijd vrij voor beiden binnen {n} werkdagen van {ideal}"),
            format!("no time free for both within {n} working days of {ideal}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_fill_the_day() {
        let config = ScheduleConfig::default();
        let slots = config.slots();
        assert_eq!(slots.len(), 8);
        assert_eq!(slots[0], Time::constant(9, 0, 0, 0));
        assert_eq!(slots[7], Time::constant(16, 0, 0, 0));
        let odd = ScheduleConfig {
            slot_minutes: 45,
            ..config
        };
        // 15:45 ends at 16:30; 16:30 would end at 17:15, after the day.
        assert_eq!(odd.slots().last(), Some(&Time::constant(15, 45, 0, 0)));
    }
}
