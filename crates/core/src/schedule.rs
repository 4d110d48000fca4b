//! Four-weekly case reviews: a date and a time for every review of every
//! pair, on days both people work, never on a Dutch public holiday, a
//! closing day or during an absence, and never more than a mentor can take
//! on one day.
//!
//! The rules, in order:
//! - Review `n` (from 1) of a pair is ideally on `start + offset + (n − 1) ×
//!   cadence`, where `start` is the latest of the schedule's start, the
//!   mentee's start date and the day the pair `started` (the roster's pair
//!   of the same two), for as long as `start + months` and until the pair's
//!   end (not on it): the first of the day it `ended` and the days its
//!   mentor and mentee leave. Ideal dates never
//!   move: a review that had to shift does not shift the ones after it (no
//!   drift).
//! - The offset spreads the pairs' first reviews over the first cadence
//!   period ([`stagger`]): each pair's first review goes to an open day of
//!   that period on a weekday both work (pairs with the fewest such days
//!   choose first): below an even share plus one if it can, the one with
//!   the fewest of its mentor's first reviews, then the least busy; and each pair prefers a time of its
//!   own, spread over the day, which its later reviews try first. With `stagger` off the offset is 0 and every
//!   pair takes the first free slot.
//! - Planned again with an earlier schedule's rhythms
//!   ([`schedule_keeping`]), the pairs still there keep their first
//!   review's phase and their time; only new pairs are spread. A pair that
//!   shares nobody with a pair that ended or began keeps every review.
//! - When the ideal day is not possible, the review goes to the nearest
//!   possible day at most `max_shift` working days away (working days: Monday
//!   to Friday, not a holiday or closing day); on equal distance the later
//!   day first, and never before the pair's start or on or before the pair's
//!   previous review.
//! - A day is possible when both work that weekday, neither is absent, the
//!   mentor has fewer than `max_per_day` reviews that day, and there is a
//!   time slot (from `day_start`, `slot_minutes` long, ending by `day_end`)
//!   in which both are free.
//! - Reviews are placed week by week, by the week (Monday to Sunday) of their
//!   ideal date, so earlier reviews get the first choice of days. Within a
//!   week, the pair that has missed more reviews so far goes first, then the
//!   pair whose last review is longest ago (one with no review yet first),
//!   then the earlier ideal date, then pair order. When a mentor's daily
//!   limit leaves reviews unplaced, who loses out therefore rotates: mentees
//!   of one mentor with the same days, start and absences end up with
//!   numbers of reviews that differ by at most one.
//! - A review that cannot be placed is reported with the reason; so is a
//!   pair whose period runs past the last date the calendar knows.
//!
//! No clock: the start date is a parameter.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::dates::{add_days, add_minutes, add_months, NlDate};
use jiff::civil::{Date, Time, Weekday};
use serde::{Deserialize, Serialize};

use crate::i18n::{Bilingual, Lang};
use crate::matching::Matched;
use crate::programme::day_number;
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
    /// Spread the pairs' first reviews over the first cadence period and
    /// their times over the day ([`stagger`]); off: every pair's first
    /// review is ideally on its start day, at the first free slot.
    pub stagger: bool,
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
            stagger: true,
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

/// Where a pair's rhythm lies: the ideal date of its first review and its
/// own time of day. Every schedule gives one per pair it plans
/// ([`Schedule::rhythms`]); handed back to [`schedule_keeping`] with a
/// changed roster, they keep the pairs that are still there on their days
/// and times, so that a mentor leaving moves only the reviews of the people
/// concerned, not everyone's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rhythm {
    /// The mentee's id.
    pub mentee: String,
    /// The mentor's id.
    pub mentor: String,
    /// The ideal date of the pair's first review: its later ones are a
    /// whole number of cadences from it.
    #[serde(with = "crate::dates::date")]
    pub first: Date,
    /// The pair's own start time, which its reviews try first.
    #[serde(
        serialize_with = "crate::dates::time",
        deserialize_with = "crate::dates::read_time"
    )]
    pub time: Time,
}

/// One placed review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    #[serde(
        serialize_with = "crate::dates::time",
        deserialize_with = "crate::dates::read_time"
    )]
    pub start: Time,
    /// End time (Europe/Amsterdam).
    #[serde(
        serialize_with = "crate::dates::time",
        deserialize_with = "crate::dates::read_time"
    )]
    pub end: Time,
    /// Why it is not on its ideal date, when it is not: "Tweede
    /// Kerstdag", "Kees Jansen (mentor) werkt niet op dinsdag", …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved: Option<Bilingual>,
}

/// A review that could not be placed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// A mentee whose reviews begin after the schedule's start, because they
/// start in the organisation later or their pair `started` later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LaterStart {
    /// The mentee's id.
    pub mentee: String,
    /// Their (or their pair's) start date: their reviews count from here.
    #[serde(with = "crate::dates::date")]
    pub start: Date,
}

/// The outcome: reviews in date order, and what could not be placed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Schedule {
    /// Placed reviews, by date, start time, then pair order.
    pub reviews: Vec<Review>,
    /// Reviews that could not be placed, by ideal date.
    pub unplaced: Vec<Unplaced>,
    /// Weeks between a pair's ideal dates, as used (the calendar texts name it).
    pub cadence_weeks: u8,
    /// Months of reviews per pair, as used.
    pub months: u8,
    /// Mentees whose reviews begin after the schedule's start, each once, in
    /// pair order.
    pub later_starts: Vec<LaterStart>,
    /// Each planned pair's rhythm, in pair order (pairs with people the
    /// roster does not have, none).
    pub rhythms: Vec<Rhythm>,
}

/// Why one candidate day does not work, in the order the checks run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Obstacle {
    /// Before the pair's start, or on or before its previous review.
    Order,
    /// A holiday or closing day (only the ideal day can be one: the other
    /// candidates are working days).
    Closed,
    NotWorking,
    Absent,
    MentorFull,
    NoSlot,
}

/// The days no review happens: holidays and closing days.
pub(crate) struct Calendar {
    closed: BTreeSet<Date>,
    /// The holidays' names (closing days have none).
    names: BTreeMap<Date, Bilingual>,
}

impl Calendar {
    pub(crate) fn new(config: &ScheduleConfig, from: Date, to: Date) -> Calendar {
        let mut closed: BTreeSet<Date> = config.closing_days.clone();
        let mut names = BTreeMap::new();
        for year in from.year()..=to.year() {
            for (d, name) in holidays(year, config.holidays) {
                closed.insert(d);
                names.insert(d, name);
            }
        }
        Calendar { closed, names }
    }

    /// Why no review is on `d`, a day that is not open: the holiday's
    /// name, a closing day, or the weekend.
    fn closed_because(&self, d: Date) -> Bilingual {
        if let Some(name) = self.names.get(&d) {
            return name.clone();
        }
        if self.closed.contains(&d) {
            return Bilingual::new("een sluitingsdag", "a closing day");
        }
        // (Only an ideal date without the spread can fall on one.)
        Bilingual::new("weekend", "weekend")
    }

    /// Monday to Friday and not closed.
    pub(crate) fn open(&self, d: Date) -> bool {
        !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) && !self.closed.contains(&d)
    }

    /// The `n`-th open day after (`forward`) or before `d`.
    pub(crate) fn step(&self, d: Date, n: u8, forward: bool) -> Option<Date> {
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

pub(crate) fn day_of(d: Date) -> Day {
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

pub(crate) fn absent(p: &Person, d: Date) -> bool {
    p.absent.iter().any(|&(from, to)| from <= d && d <= to)
}

/// Weeks between reviews and months of reviews as the scheduler uses them.
fn period(config: &ScheduleConfig) -> (u8, u8) {
    (
        config.cadence_weeks.clamp(1, 52),
        config.months.clamp(1, 120),
    )
}

/// The roster's pairs by (mentee, mentor), the last one listed when the
/// two were paired more than once: where a pair to schedule finds its
/// `started` and `ended` days.
fn pair_dates(roster: &Roster) -> BTreeMap<(&str, &str), &Pair> {
    sort::map_of(
        roster
            .pairs
            .iter()
            .map(|p| ((p.mentee.as_str(), p.mentor.as_str()), p)),
    )
}

/// The days a pair's reviews fall in: from the latest of `start`, the
/// mentee's start and the day the pair `started`, up to (not on) its end,
/// the first of the day it `ended` and the days its mentor and mentee
/// leave (`None`: no end). The pair's days are the roster's pair of the
/// same two people.
fn window(
    dates: &BTreeMap<(&str, &str), &Pair>,
    mentee: &Person,
    mentor: &Person,
    start: Date,
) -> (Date, Option<Date>) {
    let pair = dates.get(&(mentee.id.as_str(), mentor.id.as_str()));
    let first = [mentee.start, pair.and_then(|p| p.started)]
        .into_iter()
        .flatten()
        .fold(start, Date::max);
    let stop = [pair.and_then(|p| p.ended), mentee.leaves, mentor.leaves]
        .into_iter()
        .flatten()
        .min();
    (first, stop)
}

/// The Monday of `d`'s week.
fn monday(d: Date) -> Date {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset())).unwrap_or(d)
}

/// Plans the reviews of `pairs` from `start`.
pub fn schedule(
    roster: &Roster,
    pairs: &[PairRef],
    start: Date,
    config: &ScheduleConfig,
) -> Schedule {
    schedule_keeping(roster, pairs, start, config, &[])
}

/// [`schedule`], where the pairs that have a rhythm in `kept` (an earlier
/// schedule's [`Schedule::rhythms`]) keep it: their first review a whole
/// number of cadences from the kept one, at the kept time, as long as both
/// people still work on that weekday; the other pairs are spread around
/// them ([`stagger_keeping`]).
pub fn schedule_keeping(
    roster: &Roster,
    pairs: &[PairRef],
    start: Date,
    config: &ScheduleConfig,
    kept: &[Rhythm],
) -> Schedule {
    let people: BTreeMap<&str, (usize, &Person)> = sort::map_of(
        roster
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), (i, p))),
    );
    let (cadence_weeks, months) = period(config);
    let cadence = i64::from(cadence_weeks) * 7;
    let mut out = Schedule {
        cadence_weeks,
        months,
        ..Schedule::default()
    };

    // Every review with its ideal date; pairs with unknown people are reported.
    struct Want<'a> {
        pair: usize,
        number: u32,
        week: Date,
        ideal: Date,
        first: Date,
        stop: Option<Date>,
        mentee: (usize, &'a Person),
        mentor: (usize, &'a Person),
    }
    let mut wants: Vec<Want> = Vec::new();
    let (offsets, preferred) = stagger_keeping(roster, pairs, start, config, kept);
    let dates = pair_dates(roster);
    let slots = config.slots();
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
        let (first, stop) = window(&dates, mentee.1, mentor.1, start);
        let offset = offsets.get(k).copied().unwrap_or(0);
        if let Some(first) = add_days(first, offset) {
            let time = preferred.get(k).and_then(|&s| slots.get(s));
            out.rhythms.push(Rhythm {
                mentee: pair.mentee.clone(),
                mentor: pair.mentor.clone(),
                first,
                time: time.copied().unwrap_or(config.day_start),
            });
        }
        if first > start && !out.later_starts.iter().any(|l| l.mentee == pair.mentee) {
            out.later_starts.push(LaterStart {
                mentee: pair.mentee.clone(),
                start: first,
            });
        }
        let Some(months_end) = add_months(first, i64::from(months)) else {
            out.unplaced.push(Unplaced {
                mentee: pair.mentee.clone(),
                mentor: pair.mentor.clone(),
                number: 0,
                ideal: first,
                reason: beyond_the_calendar(first, months),
            });
            continue;
        };
        // The pair's reviews stop at its end.
        let end = stop.map_or(months_end, |s| s.min(months_end));
        let mut n = 0u32;
        while let Some(ideal) = add_days(first, offset + cadence * i64::from(n)) {
            if ideal >= end {
                break;
            }
            n += 1;
            wants.push(Want {
                pair: k,
                number: n,
                week: monday(ideal),
                ideal,
                first,
                stop,
                mentee,
                mentor,
            });
            latest = latest.max(ideal);
        }
        earliest = earliest.min(first);
    }
    sort::sort_by_key(&mut wants, |w| (w.week, w.ideal, w.pair, w.number));

    let pad = i64::from(config.max_shift) * 3 + 14;
    let calendar = Calendar::new(
        config,
        add_days(earliest, -pad).unwrap_or(earliest),
        add_days(latest, pad).unwrap_or(latest),
    );
    let slot_len = i64::from(config.slot_minutes.max(1));
    // Busy slots per (person, date) as a bit set, reviews per (mentor, date).
    let mut busy: HashMap<(usize, Date), u64> = HashMap::new();
    let mut per_day: HashMap<(usize, Date), u8> = HashMap::new();
    // Per pair: reviews missed so far, and the day of its last review.
    let mut missed: Vec<u32> = vec![0; pairs.len()];
    let mut last: Vec<Option<Date>> = vec![None; pairs.len()];

    let mut at = 0;
    while at < wants.len() {
        // One week: who goes first is decided by how each pair fared so far.
        let week = wants[at].week;
        let end = at + wants[at..].iter().take_while(|w| w.week == week).count();
        let batch = &mut wants[at..end];
        at = end;
        sort::sort_by_key(batch, |w| {
            (Reverse(missed[w.pair]), last[w.pair], w.ideal, w.pair)
        });
        for w in batch.iter() {
            let (mi, mentee) = w.mentee;
            let (si, mentor) = w.mentor;
            // Candidates: the ideal day, then open days by distance, later first.
            let mut candidates = vec![w.ideal];
            for k in 1..=config.max_shift {
                candidates.extend(calendar.step(w.ideal, k, true));
                candidates.extend(calendar.step(w.ideal, k, false));
            }
            let after = last[w.pair];
            let mut obstacles: BTreeMap<Obstacle, usize> = BTreeMap::new();
            // Who was absent on a day that otherwise would have done.
            let mut away = (false, false);
            let mut placed = None;
            // Why the ideal day would not do (said with a moved review).
            let mut moved = None;
            for d in candidates {
                let day = day_of(d);
                let ended = w.stop.is_some_and(|s| d >= s);
                let obstacle = if d < w.first || ended || after.is_some_and(|a| d <= a) {
                    Some(Obstacle::Order)
                } else if !calendar.open(d) {
                    Some(Obstacle::Closed)
                } else if !mentee.days.contains(day) || !mentor.days.contains(day) {
                    Some(Obstacle::NotWorking)
                } else if absent(mentee, d) || absent(mentor, d) {
                    away.0 |= absent(mentee, d);
                    away.1 |= absent(mentor, d);
                    Some(Obstacle::Absent)
                } else if per_day.get(&(si, d)).copied().unwrap_or(0) >= config.max_per_day {
                    Some(Obstacle::MentorFull)
                } else {
                    let taken = busy.get(&(si, d)).copied().unwrap_or(0)
                        | busy.get(&(mi, d)).copied().unwrap_or(0);
                    // From the pair's own time on, round the day.
                    let from = preferred.get(w.pair).copied().unwrap_or(0);
                    let n = slots.len();
                    match (0..n)
                        .map(|i| (from + i) % n)
                        .find(|&s| taken & (1 << s) == 0)
                    {
                        Some(s) => {
                            placed = Some((d, s));
                            None
                        }
                        None => Some(Obstacle::NoSlot),
                    }
                };
                match obstacle {
                    Some(o) => {
                        if d == w.ideal {
                            moved = Some(moved_because(
                                o,
                                d,
                                (mentee, mentor),
                                &calendar,
                                config.max_per_day,
                                last[w.pair],
                            ));
                        }
                        *obstacles.entry(o).or_default() += 1
                    }
                    None => break,
                }
            }
            match placed {
                Some((d, s)) => {
                    *busy.entry((si, d)).or_default() |= 1 << s;
                    *busy.entry((mi, d)).or_default() |= 1 << s;
                    *per_day.entry((si, d)).or_default() += 1;
                    last[w.pair] = Some(d);
                    let start = slots[s];
                    out.reviews.push(Review {
                        mentee: mentee.id.clone(),
                        mentor: mentor.id.clone(),
                        number: w.number,
                        ideal: w.ideal,
                        date: d,
                        start,
                        end: add_minutes(start, slot_len).unwrap_or(start),
                        moved,
                    });
                }
                None => {
                    missed[w.pair] += 1;
                    out.unplaced.push(Unplaced {
                        mentee: mentee.id.clone(),
                        mentor: mentor.id.clone(),
                        number: w.number,
                        ideal: w.ideal,
                        reason: why(
                            &obstacles,
                            w.ideal,
                            config,
                            slots.is_empty(),
                            who_is_away(away, mentee, mentor),
                        ),
                    });
                }
            }
        }
    }
    let order: HashMap<(&str, &str), usize> = pairs
        .iter()
        .enumerate()
        .map(|(k, p)| ((p.mentee.as_str(), p.mentor.as_str()), k))
        .collect();
    let rank =
        |mentee: &str, mentor: &str| order.get(&(mentee, mentor)).copied().unwrap_or(usize::MAX);
    sort::sort_by_key(&mut out.reviews, |r| {
        (r.date, r.start, rank(&r.mentee, &r.mentor))
    });
    sort::sort_by_key(&mut out.unplaced, |u| {
        (u.ideal, rank(&u.mentee, &u.mentor), u.number)
    });
    out
}

/// Per pair: the days from its start to its first review's ideal date,
/// and the slot it prefers (see the module's rules). Pairs with unknown
/// people, and every pair when `config.stagger` is off, get 0 and 0.
///
/// The first reviews are spread over the first cadence period: each pair's
/// candidate days are the open days of `[first, first + cadence)` on a
/// weekday both people work (all open days of the period if they share
/// none: the scheduler then reports why). Pairs with the fewest candidates
/// choose first (then pair order), each a day below the cap (an even share
/// of the pairs over all candidate days, plus one) if it has one, there the
/// day with the fewest of its mentor's first reviews, then the fewest first
/// reviews, then the earliest.
/// Times: the pairs, by the day of their first review, take the slots in
/// an order that spreads them over the day (first, middle, quarters, …),
/// round and round.
pub fn stagger(
    roster: &Roster,
    pairs: &[PairRef],
    start: Date,
    config: &ScheduleConfig,
) -> (Vec<i64>, Vec<usize>) {
    stagger_keeping(roster, pairs, start, config, &[])
}

/// [`stagger`], where a pair with a rhythm in `kept` keeps it when both
/// people still work on its weekday (or share no weekday at all): its
/// offset is the kept first date's distance from its start, modulo the
/// cadence, and its time the kept one when the day still has that slot.
/// Kept pairs count in the load the other pairs choose their days by.
pub fn stagger_keeping(
    roster: &Roster,
    pairs: &[PairRef],
    start: Date,
    config: &ScheduleConfig,
    kept: &[Rhythm],
) -> (Vec<i64>, Vec<usize>) {
    let people: BTreeMap<&str, &Person> =
        sort::map_of(roster.people.iter().map(|p| (p.id.as_str(), p)));
    let (cadence_weeks, _) = period(config);
    let cadence = i64::from(cadence_weeks) * 7;
    let mut offsets = vec![0i64; pairs.len()];
    let mut preferred = vec![0usize; pairs.len()];
    if !config.stagger {
        return (offsets, preferred);
    }
    // Each known pair: its first day, its mentor and its candidate offsets.
    let dates = pair_dates(roster);
    let known: Vec<(usize, Date, &Person, &Person)> = pairs
        .iter()
        .enumerate()
        .filter_map(|(k, pair)| {
            let mentee = *people.get(pair.mentee.as_str())?;
            let mentor = *people.get(pair.mentor.as_str())?;
            Some((k, window(&dates, mentee, mentor, start).0, mentee, mentor))
        })
        .collect();
    let from = known.iter().map(|c| c.1).min().unwrap_or(start);
    let to = known.iter().map(|c| c.1).max().unwrap_or(start);
    let calendar = Calendar::new(config, from, add_days(to, cadence).unwrap_or(to));
    let rhythms: BTreeMap<(&str, &str), &Rhythm> = sort::map_of(
        kept.iter()
            .map(|r| ((r.mentee.as_str(), r.mentor.as_str()), r)),
    );
    let slots = config.slots();
    // Pairs that keep their rhythm: their first day, and whether their time
    // is kept too.
    let mut fixed: Vec<(usize, Date, &str)> = Vec::new();
    let mut timed = vec![false; pairs.len()];
    let choices: Vec<(usize, Date, &str, Vec<i64>)> = known
        .into_iter()
        .filter_map(|(k, first, mentee, mentor)| {
            let open: Vec<(i64, Date)> = (0..cadence)
                .filter_map(|o| Some((o, add_days(first, o)?)))
                .filter(|(_, d)| calendar.open(*d))
                .collect();
            let both = |d: Date| mentee.days.contains(day_of(d)) && mentor.days.contains(day_of(d));
            let shared: Vec<i64> = open
                .iter()
                .filter(|(_, d)| both(*d))
                .map(|(o, _)| *o)
                .collect();
            let rhythm = rhythms.get(&(mentee.id.as_str(), mentor.id.as_str()));
            let kept = rhythm.and_then(|r| {
                let o = (day_number(r.first) - day_number(first)).rem_euclid(cadence);
                let d = add_days(first, o)?;
                (shared.is_empty() || both(d)).then_some((o, r.time))
            });
            if let Some((o, time)) = kept {
                offsets[k] = o;
                fixed.push((k, add_days(first, o).unwrap_or(first), mentor.id.as_str()));
                if let Some(s) = slots.iter().position(|&t| t == time) {
                    preferred[k] = s;
                    timed[k] = true;
                }
                return None;
            }
            let candidates = if shared.is_empty() {
                open.iter().map(|(o, _)| *o).collect()
            } else {
                shared
            };
            Some((k, first, mentor.id.as_str(), candidates))
        })
        .collect();
    let mut order: Vec<usize> = (0..choices.len()).collect();
    sort::sort_by_key(&mut order, |&i| (choices[i].3.len(), choices[i].0));
    // A day holds at most an even share plus one while another will do.
    let days: BTreeSet<Date> = choices
        .iter()
        .flat_map(|(_, first, _, c)| c.iter().filter_map(|&o| add_days(*first, o)))
        .collect();
    let cap = (choices.len() + fixed.len()).div_ceil(days.len().max(1)) + 1;
    let mut on_day: HashMap<Date, usize> = HashMap::new();
    let mut mentor_on_day: HashMap<(&str, Date), usize> = HashMap::new();
    let mut firsts: Vec<(Date, usize)> = Vec::new();
    for &(k, d, mentor) in &fixed {
        *on_day.entry(d).or_default() += 1;
        *mentor_on_day.entry((mentor, d)).or_default() += 1;
        firsts.push((d, k));
    }
    for i in order {
        let (k, first, mentor, candidates) = &choices[i];
        let best = candidates
            .iter()
            .filter_map(|&o| Some((o, add_days(*first, o)?)))
            .min_by_key(|(_, d)| {
                let load = on_day.get(d).copied().unwrap_or(0);
                (
                    load >= cap,
                    mentor_on_day.get(&(*mentor, *d)).copied().unwrap_or(0),
                    load,
                    *d,
                )
            });
        if let Some((o, d)) = best {
            offsets[*k] = o;
            *on_day.entry(d).or_default() += 1;
            *mentor_on_day.entry((*mentor, d)).or_default() += 1;
            firsts.push((d, *k));
        }
    }
    // Times: the pairs by first day, then pair order, take the slots in a
    // spread order, round and round: pairs of one day get times far apart,
    // and all pairs together use the whole day.
    let spread = spread_order(slots.len());
    sort::sort_by_key(&mut firsts, |&(d, k)| (d, k));
    for (n, &(_, k)) in firsts.iter().enumerate() {
        if !timed[k] {
            preferred[k] = spread.get(n % spread.len().max(1)).copied().unwrap_or(0);
        }
    }
    (offsets, preferred)
}

/// The slot indices `0..n` in an order that spreads the first few over the
/// day: the first, then the middle, then the quarters, … (bit-reversed
/// order, keeping those below `n`).
fn spread_order(n: usize) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    let bits = usize::BITS - (n - 1).leading_zeros();
    let mut out: Vec<usize> = (0..1usize << bits)
        .map(|i| {
            if bits == 0 {
                0
            } else {
                i.reverse_bits() >> (usize::BITS - bits)
            }
        })
        .filter(|&i| i < n)
        .collect();
    out.dedup();
    out
}

/// The positions in `plan.reviews` of each pair's reviews, in the order of
/// `pairs` (each pair's by date; a pair given twice gets them once):
/// reviews and pairs each put in pair order once and walked together, not
/// all reviews searched for every pair.
pub fn per_pair(plan: &Schedule, pairs: &[PairRef]) -> Vec<Vec<usize>> {
    let reviews = &plan.reviews;
    let review_key = |i: &usize| (reviews[*i].mentee.as_str(), reviews[*i].mentor.as_str());
    let pair_key = |i: &usize| (pairs[*i].mentee.as_str(), pairs[*i].mentor.as_str());
    // (Stable sorts: each pair's reviews stay by date.)
    let mut by_pair: Vec<usize> = (0..reviews.len()).collect();
    sort::sort_by_key(&mut by_pair, review_key);
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    sort::sort_by_key(&mut order, pair_key);
    let mut out = vec![Vec::new(); pairs.len()];
    let mut next = by_pair.iter().peekable();
    for p in &order {
        let key = pair_key(p);
        while next.next_if(|r| review_key(r) < key).is_some() {}
        while let Some(&r) = next.next_if(|r| review_key(r) == key) {
            out[*p].push(r);
        }
    }
    out
}

/// A schedule in a few sentences (the command line's and the web app's).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// What was planned over which dates, how often and for how long, and
    /// whose reviews begin later.
    pub lines: Vec<Bilingual>,
    /// What a reader must not miss: no review in the period, or none placed.
    pub warnings: Vec<Bilingual>,
}

/// Describes `plan`, made for `pairs` pairs from `start`. The dates named are
/// those of the reviews listed (placed, or ideal when not placed), so a
/// mentee who starts later and pushes reviews past the configured months is
/// covered, and said so.
pub fn summary(plan: &Schedule, pairs: usize, start: Date) -> Summary {
    use crate::dates::Iso;
    let mut out = Summary::default();
    let placed = plan.reviews.len();
    let unplaced = plan.unplaced.len();
    let dates = plan.reviews.iter().map(|r| r.date).chain(
        plan.unplaced
            .iter()
            .filter(|u| u.number > 0)
            .map(|u| u.ideal),
    );
    let span = dates.fold(None, |span: Option<(Date, Date)>, d| match span {
        None => Some((d, d)),
        Some((a, b)) => Some((a.min(d), b.max(d))),
    });
    let (nl_span, en_span) = match span {
        Some((a, b)) => (
            format!(" van {} tot en met {}", NlDate(a), NlDate(b)),
            format!(" from {} to {}", Iso(a), Iso(b)),
        ),
        None => (String::new(), String::new()),
    };
    out.lines.push(Bilingual::new(
        format!(
            "{} gepland voor {}{nl_span}; {unplaced} niet te plaatsen.",
            count(placed, "bespreking", "besprekingen"),
            count(pairs, "koppeling", "koppelingen"),
        ),
        format!(
            "{} planned for {}{en_span}; {unplaced} could not be placed.",
            count(placed, "review", "reviews"),
            count(pairs, "pair", "pairs"),
        ),
    ));
    let months = usize::from(plan.months);
    let (nl_months, en_months) = (
        count(months, "maand", "maanden"),
        count(months, "month", "months"),
    );
    let (nl_every, en_every) = if plan.cadence_weeks == 1 {
        ("Elke week".to_string(), "Every week".to_string())
    } else {
        (
            format!("Elke {} weken", plan.cadence_weeks),
            format!("Every {} weeks", plan.cadence_weeks),
        )
    };
    let (start_nl, start) = (NlDate(start), Iso(start));
    out.lines.push(Bilingual::new(
        format!("{nl_every}, {nl_months} per koppeling vanaf {start_nl}."),
        format!("{en_every}, {en_months} per pair from {start}."),
    ));
    let later = plan.later_starts.len();
    if let Some(last) = plan.later_starts.iter().map(|l| l.start).max() {
        let (last_nl, last) = (NlDate(last), Iso(last));
        out.lines.push(if later == 1 {
            Bilingual::new(
                format!("1 mentee begint later: de periode van {nl_months} loopt voor die mentee vanaf {last_nl}."),
                format!("1 mentee starts later: their period of {en_months} runs from {last}."),
            )
        } else {
            Bilingual::new(
                format!("{later} mentees beginnen later: hun periode van {nl_months} loopt vanaf hun eigen startdatum (de laatste {last_nl})."),
                format!("{later} mentees start later: their period of {en_months} runs from their own start date (the last {last})."),
            )
        });
    }
    if pairs == 0 {
        out.warnings.push(Bilingual::new(
            "Er zijn geen koppelingen om besprekingen voor te plannen.",
            "There are no pairs to plan reviews for.",
        ));
    } else if span.is_none() {
        out.warnings.push(Bilingual::new(
            "Er valt geen enkele bespreking in deze periode; bij de koppelingen die niet te plaatsen zijn staat waarom.",
            "No review falls in this period; the pairs that could not be placed say why.",
        ));
    } else if placed == 0 {
        out.warnings.push(Bilingual::new(
            "Geen enkele bespreking kon worden geplaatst.",
            "Not a single review could be placed.",
        ));
    }
    out
}

/// Why a pair has no reviews at all: its period runs past 9999-12-31.
fn beyond_the_calendar(first: Date, months: u8) -> Bilingual {
    let (first_nl, last_nl) = (NlDate(first), NlDate(Date::MAX));
    let (first, last) = (crate::dates::Iso(first), crate::dates::Iso(Date::MAX));
    Bilingual::new(
        format!(
            "de periode van {} vanaf {first_nl} loopt voorbij {last_nl}, de laatste datum die de agenda kent",
            count(usize::from(months), "maand", "maanden")
        ),
        format!(
            "the period of {} from {first} runs past {last}, the last date the calendar knows",
            count(usize::from(months), "month", "months")
        ),
    )
}

/// `n` with its noun, singular for one (the same rule in Dutch and English).
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Why a review is not on its ideal day `d`, whose first obstacle was `o`.
fn moved_because(
    o: Obstacle,
    d: Date,
    (mentee, mentor): (&Person, &Person),
    calendar: &Calendar,
    per_day: u8,
    previous: Option<Date>,
) -> Bilingual {
    let day = day_of(d);
    let (nl_day, en_day) = (day.name(Lang::Nl), day.name(Lang::En));
    match o {
        Obstacle::Closed => calendar.closed_because(d),
        Obstacle::NotWorking => {
            let not = |p: &Person| !p.days.contains(day);
            who(
                (not(mentee), not(mentor)),
                mentee,
                mentor,
                (
                    &format!("werkt niet op {nl_day}"),
                    &format!("does not work on {en_day}s"),
                ),
                (
                    &format!("werken niet op {nl_day}"),
                    &format!("do not work on {en_day}s"),
                ),
            )
        }
        Obstacle::Absent => {
            let away = who_is_away((absent(mentee, d), absent(mentor, d)), mentee, mentor);
            Bilingual::new(
                format!("{} afwezig", away.nl),
                format!("{} absent", away.en),
            )
        }
        Obstacle::MentorFull => Bilingual::new(
            format!(
                "{} (mentor) heeft die dag al {}",
                mentor.name,
                count(usize::from(per_day), "bespreking", "besprekingen")
            ),
            format!(
                "{} (mentor) already has {} that day",
                mentor.name,
                count(usize::from(per_day), "review", "reviews")
            ),
        ),
        Obstacle::NoSlot => Bilingual::new(
            format!(
                "{} en {} hebben die dag geen uur waarop ze allebei vrij zijn",
                mentee.name, mentor.name
            ),
            format!(
                "{} and {} have no free hour in common that day",
                mentee.name, mentor.name
            ),
        ),
        Obstacle::Order => match previous {
            Some(p) => Bilingual::new(
                format!("de vorige bespreking was pas op {}", NlDate(p)),
                format!("the previous review was only on {}", crate::dates::Iso(p)),
            ),
            None => Bilingual::new("de koppeling begint later", "the pair starts later"),
        },
    }
}

/// Who was absent, by name and part: "Tess El Amrani (mentee) is", or both.
fn who_is_away(away: (bool, bool), mentee: &Person, mentor: &Person) -> Bilingual {
    who(away, mentee, mentor, ("is", "is"), ("zijn", "are"))
}

/// Of mentee and mentor, those for whom (`mentee_too`, `mentor_too`)
/// holds, named with their part and followed by what is said of them (`one`
/// or, for both, `both`, each as Dutch and English): "Tess El Amrani
/// (mentee) werkt niet op dinsdag", "… en … (mentor) zijn".
fn who(
    (mentee_too, mentor_too): (bool, bool),
    mentee: &Person,
    mentor: &Person,
    one: (&str, &str),
    both: (&str, &str),
) -> Bilingual {
    let (a, b) = (mentee.name.as_str(), mentor.name.as_str());
    match (mentee_too, mentor_too) {
        (true, true) => Bilingual::new(
            format!("{a} (mentee) en {b} (mentor) {}", both.0),
            format!("{a} (mentee) and {b} (mentor) {}", both.1),
        ),
        (true, false) => Bilingual::new(
            format!("{a} (mentee) {}", one.0),
            format!("{a} (mentee) {}", one.1),
        ),
        (false, true) => Bilingual::new(
            format!("{b} (mentor) {}", one.0),
            format!("{b} (mentor) {}", one.1),
        ),
        (false, false) => Bilingual::new(
            format!("mentor of mentee {}", one.0),
            format!("mentor or mentee {}", one.1),
        ),
    }
}

fn why(
    obstacles: &BTreeMap<Obstacle, usize>,
    ideal: Date,
    config: &ScheduleConfig,
    no_slots: bool,
    away: Bilingual,
) -> Bilingual {
    if no_slots {
        return Bilingual::new(
            "er past geen bespreking tussen begin- en eindtijd van de dag",
            "no review fits between the day's start and end time",
        );
    }
    let (d, i) = (NlDate(ideal), crate::dates::Iso(ideal));
    let n = usize::from(config.max_shift);
    let (nl_days, en_days) = (
        count(n, "werkdag", "werkdagen"),
        count(n, "working day", "working days"),
    );
    let full = config.max_per_day;
    let (nl_full, en_full) = (
        count(usize::from(full), "bespreking", "besprekingen"),
        count(usize::from(full), "review", "reviews"),
    );
    // With no room to move (`max_shift` 0) only the ideal day counts, and the
    // sentences say so.
    let text = |fixed: (String, String), moving: (String, String)| {
        let (nl, en) = if n == 0 { fixed } else { moving };
        Bilingual::new(nl, en)
    };
    // The obstacle furthest along the checks names what stood in the way on
    // the days that otherwise would have done (e.g. absent on the shared days).
    match obstacles.keys().max() {
        None | Some(Obstacle::Closed) => text(
            (
                format!("{d} is een feestdag of sluitingsdag"),
                format!("{i} is a holiday or closing day"),
            ),
            (
                format!("binnen {nl_days} van {d} is elke dag een feestdag of sluitingsdag"),
                format!("every day within {en_days} of {i} is a holiday or closing day"),
            ),
        ),
        Some(Obstacle::Order) => text(
            (
                format!("{d} valt niet na de vorige bespreking van deze koppeling"),
                format!("{i} is not after the pair's previous review"),
            ),
            (
                format!("er is binnen {nl_days} van {d} geen dag na de vorige bespreking van deze koppeling"),
                format!("there is no day within {en_days} of {i} after the pair's previous review"),
            ),
        ),
        Some(Obstacle::NotWorking) => text(
            (
                format!("mentor en mentee werken niet allebei op {d}"),
                format!("mentor and mentee do not both work on {i}"),
            ),
            (
                format!("er is binnen {nl_days} van {d} geen dag waarop beiden werken"),
                format!("there is no day within {en_days} of {i} on which both work"),
            ),
        ),
        Some(Obstacle::Absent) => text(
            (
                format!("{} afwezig op {d}", away.nl),
                format!("{} absent on {i}", away.en),
            ),
            (
                format!("{} afwezig binnen {nl_days} van {d}", away.nl),
                format!("{} absent within {en_days} of {i}", away.en),
            ),
        ),
        Some(Obstacle::MentorFull) => text(
            (
                format!("de mentor heeft op {d} al {nl_full}"),
                format!("the mentor already has {en_full} on {i}"),
            ),
            (
                format!("de mentor heeft op elke mogelijke dag binnen {nl_days} van {d} al {nl_full}"),
                format!("the mentor already has {en_full} on every possible day within {en_days} of {i}"),
            ),
        ),
        Some(Obstacle::NoSlot) => text(
            (
                format!("geen tijd vrij voor beiden op {d}"),
                format!("no time free for both on {i}"),
            ),
            (
                format!("geen tijd vrij voor beiden binnen {nl_days} van {d}"),
                format!("no time free for both within {en_days} of {i}"),
            ),
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
