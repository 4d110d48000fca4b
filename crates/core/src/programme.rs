//! The mentoring programme as it goes: the review log (which planned
//! reviews were held, moved or cancelled), each pair's status against its
//! schedule, and the hours of held reviews per person for the Registerplein.
//!
//! The log's file form is [`crate::format::load_log`] (`doorgroei/log@1`).
//! How a log entry is matched to a planned review, and what each state
//! means, is in `docs/formats.md` ("Programme status"); [`status`] is that
//! text as code.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::schedule::{PairRef, Schedule};
use crate::sort;

/// One review in the log: a fact, nothing about the case. (Its JSON form
/// is how the web app keeps its log and sends it to its worker; files are
/// `doorgroei/log@1`, [`crate::format::load_log`].)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    /// The day of the review (for a moved review: the day it was planned).
    #[serde(with = "crate::dates::date")]
    pub date: Date,
    /// The mentor's id.
    pub mentor: String,
    /// The mentee's id.
    pub mentee: String,
    /// What became of it.
    pub status: Outcome,
    /// How long it took (held) or would have taken.
    pub minutes: u16,
}

/// What became of a review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// It was held on its date.
    Held,
    /// It moved to this date.
    Moved(#[serde(with = "crate::dates::date")] Date),
    /// It did not happen.
    Cancelled(Reason),
}

/// Why a review did not happen (or moved).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// `ziek` / `sick`
    Sick,
    /// `verlof` / `leave`
    Leave,
    /// `werkdruk` / `workload`
    Workload,
    /// `anders` / `other`
    Other,
}

/// A pair's state on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Nothing held for two cadence periods while the pair runs
    /// (*stilgevallen*).
    Lapsed,
    /// The last planned review up to today is not held.
    Behind,
    /// Neither lapsed nor behind.
    OnTrack,
    /// The pair's programme is over, or the pair is only in the log.
    Ended,
}

impl State {
    /// The state in words.
    pub fn name(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::{En, Nl};
        match (self, lang) {
            (State::Lapsed, Nl) => "stilgevallen",
            (State::Lapsed, En) => "lapsed",
            (State::Behind, Nl) => "achter",
            (State::Behind, En) => "behind",
            (State::OnTrack, Nl) => "op schema",
            (State::OnTrack, En) => "on track",
            (State::Ended, Nl) => "afgelopen",
            (State::Ended, En) => "ended",
        }
    }

    /// Whether a coordinator should look at the pair.
    pub fn needs_attention(self) -> bool {
        matches!(self, State::Lapsed | State::Behind)
    }
}

/// One pair's status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairStatus {
    /// The mentor's id.
    pub mentor: String,
    /// The mentee's id.
    pub mentee: String,
    /// Its state.
    pub state: State,
    /// Planned reviews up to today (a moved one on its new date).
    pub planned: usize,
    /// Reviews held up to today.
    pub held: usize,
    /// Held reviews within five working days of their planned date.
    pub on_time: usize,
    /// The last review held up to today.
    #[serde(with = "crate::dates::optional")]
    pub last_held: Option<Date>,
    /// Whole months from the pair's first planned review to today (or to
    /// its end, when it has ended).
    pub months: u32,
}

/// The programme's totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Pairs.
    pub pairs: usize,
    /// Pairs on track.
    pub on_track: usize,
    /// Pairs behind.
    pub behind: usize,
    /// Pairs lapsed.
    pub lapsed: usize,
    /// Pairs ended.
    pub ended: usize,
    /// Reviews planned up to today.
    pub planned: usize,
    /// Reviews held up to today.
    pub held: usize,
}

/// Every pair's status on `today`, and the totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// The day it is computed for.
    pub today: Date,
    /// The pairs in the order given, then pairs only in the log (by mentee,
    /// then mentor).
    pub pairs: Vec<PairStatus>,
    /// The totals.
    pub totals: Totals,
}

/// How many working days a held review may be from its planned date and
/// still be on time.
pub const ON_TIME_DAYS: i64 = 5;

/// Days since 1970-01-01 (proleptic Gregorian), for day arithmetic that
/// cannot fail.
pub fn day_number(d: Date) -> i64 {
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Monday to Friday days after the earlier of `a` and `b` up to and
/// including the later one (0 for the same day).
pub fn working_days_between(a: Date, b: Date) -> i64 {
    let (from, to) = if a <= b { (a, b) } else { (b, a) };
    let (x, y) = (day_number(from), day_number(to));
    // Whole weeks have five working days; the rest is counted.
    let days = y - x;
    let mut count = days / 7 * 5;
    let start = from.weekday().to_monday_zero_offset() as i64;
    for k in 1..=days % 7 {
        if (start + k) % 7 < 5 {
            count += 1;
        }
    }
    count
}

/// Whole months from `from` to `to` (0 when `to` is before `from`).
fn months_between(from: Date, to: Date) -> u32 {
    if to <= from {
        return 0;
    }
    let months = (i32::from(to.year()) - i32::from(from.year())) * 12 + i32::from(to.month())
        - i32::from(from.month())
        - i32::from(to.day() < from.day());
    u32::try_from(months).unwrap_or(0)
}

/// The position of the planned date nearest to `date` among those `free`
/// says are free, less than `window` days away; the earlier one on a tie.
fn nearest(
    planned: &[Date],
    date: Date,
    window: i64,
    free: impl Fn(usize) -> bool,
) -> Option<usize> {
    let day = day_number(date);
    planned
        .iter()
        .enumerate()
        .filter(|&(i, _)| free(i))
        .map(|(i, &p)| ((day - day_number(p)).abs(), p, i))
        .filter(|&(gap, _, _)| gap < window)
        .min()
        .map(|(_, _, i)| i)
}

/// The status of each of `pairs` on `today`: their planned reviews from
/// `plan` (placed ones on their date, unplaced ones on their ideal date),
/// their log entries from `log` (entries after `today` are not read), and
/// the pairs that are only in the log, as ended.
pub fn status(plan: &Schedule, pairs: &[PairRef], log: &[LogEntry], today: Date) -> Status {
    let cadence = i64::from(plan.cadence_weeks.max(1)) * 7;
    let mut planned: BTreeMap<(&str, &str), Vec<Date>> = BTreeMap::new();
    for r in &plan.reviews {
        planned
            .entry((r.mentee.as_str(), r.mentor.as_str()))
            .or_default()
            .push(r.date);
    }
    for u in plan.unplaced.iter().filter(|u| u.number > 0) {
        planned
            .entry((u.mentee.as_str(), u.mentor.as_str()))
            .or_default()
            .push(u.ideal);
    }
    let mut logged: BTreeMap<(&str, &str), Vec<&LogEntry>> = BTreeMap::new();
    for e in log.iter().filter(|e| e.date <= today) {
        logged
            .entry((e.mentee.as_str(), e.mentor.as_str()))
            .or_default()
            .push(e);
    }
    for entries in logged.values_mut() {
        sort::sort_by_key(entries, |e| e.date);
    }
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for pair in pairs {
        let key = (pair.mentee.as_str(), pair.mentor.as_str());
        if !seen.insert(key) {
            continue;
        }
        let dates = planned.get(&key).cloned().unwrap_or_default();
        let entries = logged.get(&key).map_or(&[][..], Vec::as_slice);
        out.push(pair_status(pair, dates, entries, today, cadence));
    }
    for (key, entries) in &logged {
        if seen.contains(key) {
            continue;
        }
        let held: Vec<Date> = entries
            .iter()
            .filter(|e| e.status == Outcome::Held)
            .map(|e| e.date)
            .collect();
        out.push(PairStatus {
            mentor: key.1.to_string(),
            mentee: key.0.to_string(),
            state: State::Ended,
            planned: 0,
            held: held.len(),
            on_time: 0,
            last_held: held.iter().max().copied(),
            months: 0,
        });
    }
    let mut totals = Totals {
        pairs: out.len(),
        ..Totals::default()
    };
    for p in &out {
        match p.state {
            State::OnTrack => totals.on_track += 1,
            State::Behind => totals.behind += 1,
            State::Lapsed => totals.lapsed += 1,
            State::Ended => totals.ended += 1,
        }
        totals.planned += p.planned;
        totals.held += p.held;
    }
    Status {
        today,
        pairs: out,
        totals,
    }
}

/// Reviews planned and held in one month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthCount {
    /// The year.
    pub year: i16,
    /// The month, 1–12.
    pub month: i8,
    /// Reviews planned in the month: placed ones on their date, ones that
    /// could not be placed on their ideal date, moved ones on their new date.
    pub planned: usize,
    /// Reviews held in the month (log entries `held`, up to today).
    pub held: usize,
}

/// Per month from the schedule's first month to today's (or the
/// schedule's last, when that is earlier): the reviews planned and held,
/// for the app's chart.
pub fn per_month(plan: &Schedule, log: &[LogEntry], today: Date) -> Vec<MonthCount> {
    let month_of = |d: Date| i32::from(d.year()) * 12 + i32::from(d.month()) - 1;
    let mut planned: BTreeMap<i32, usize> = BTreeMap::new();
    let mut moved_from: BTreeMap<(&str, &str, Date), Date> = BTreeMap::new();
    for e in log {
        if let Outcome::Moved(to) = e.status {
            moved_from.insert((e.mentee.as_str(), e.mentor.as_str(), e.date), to);
        }
    }
    let dates = plan
        .reviews
        .iter()
        .map(|r| (r.mentee.as_str(), r.mentor.as_str(), r.date))
        .chain(
            plan.unplaced
                .iter()
                .filter(|u| u.number > 0)
                .map(|u| (u.mentee.as_str(), u.mentor.as_str(), u.ideal)),
        );
    for (mentee, mentor, date) in dates {
        let on = moved_from
            .get(&(mentee, mentor, date))
            .copied()
            .unwrap_or(date);
        *planned.entry(month_of(on)).or_default() += 1;
    }
    let mut held: BTreeMap<i32, usize> = BTreeMap::new();
    for e in log
        .iter()
        .filter(|e| e.status == Outcome::Held && e.date <= today)
    {
        *held.entry(month_of(e.date)).or_default() += 1;
    }
    let (Some(&first), Some(&last)) = (planned.keys().next(), planned.keys().next_back()) else {
        return Vec::new();
    };
    let first = first.min(held.keys().next().copied().unwrap_or(first));
    let last = last.min(month_of(today)).max(first);
    (first..=last)
        .map(|m| MonthCount {
            year: m.div_euclid(12) as i16,
            month: (m.rem_euclid(12) + 1) as i8,
            planned: planned.get(&m).copied().unwrap_or(0),
            held: held.get(&m).copied().unwrap_or(0),
        })
        .collect()
}

/// One scheduled pair's status (see [`status`]).
fn pair_status(
    pair: &PairRef,
    mut planned: Vec<Date>,
    entries: &[&LogEntry],
    today: Date,
    cadence: i64,
) -> PairStatus {
    sort::sort(&mut planned);
    let first = planned.first().copied();
    // Moves, in the order of their dates: the nearest planned review takes
    // the new date.
    for e in entries {
        if let Outcome::Moved(to) = e.status {
            if let Some(i) = nearest(&planned, e.date, cadence, |_| true) {
                planned[i] = to;
            }
        }
    }
    // Held reviews, in date order: each takes the nearest planned review
    // not yet taken.
    let mut taken: Vec<Option<Date>> = vec![None; planned.len()];
    let mut held = 0;
    let mut last_held = None;
    for e in entries.iter().filter(|e| e.status == Outcome::Held) {
        held += 1;
        last_held = Some(e.date);
        if let Some(i) = nearest(&planned, e.date, cadence, |i| taken[i].is_none()) {
            taken[i] = Some(e.date);
        }
    }
    let on_time = planned
        .iter()
        .zip(&taken)
        .filter(|(&p, t)| t.is_some_and(|h| working_days_between(p, h) <= ON_TIME_DAYS))
        .count();
    let due: Vec<usize> = (0..planned.len())
        .filter(|&i| planned[i] <= today)
        .collect();
    // The last planned review due: the latest date, the later one in the
    // list on a tie.
    let last_due = due.iter().copied().max_by_key(|&i| (planned[i], i));
    let end = planned.iter().max().map(|&d| day_number(d) + cadence);
    let day = day_number(today);
    let state = match (first, end) {
        (Some(_), Some(end)) if day >= end => State::Ended,
        (Some(first), _)
            if day - day_number(first) >= 2 * cadence
                && last_held.is_none_or(|h| day - day_number(h) >= 2 * cadence) =>
        {
            State::Lapsed
        }
        _ if last_due.is_some_and(|i| taken[i].is_none()) => State::Behind,
        _ => State::OnTrack,
    };
    let until = match (state, planned.iter().max()) {
        (State::Ended, Some(&last)) => crate::dates::add_days(last, cadence).unwrap_or(today),
        _ => today,
    };
    PairStatus {
        mentor: pair.mentor.clone(),
        mentee: pair.mentee.clone(),
        state,
        planned: due.len(),
        held,
        on_time,
        last_held,
        months: first.map_or(0, |f| months_between(f, until)),
    }
}

/// One person's minutes of held reviews in one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hours {
    /// The person's id.
    pub id: String,
    /// First day of the period (a five-year registration period or a
    /// calendar year, cut to `from`).
    pub period_start: Date,
    /// Last day of the period (cut to `to`).
    pub period_end: Date,
    /// Minutes of held reviews as mentor.
    pub minutes_as_mentor: u64,
    /// Minutes of held reviews as mentee.
    pub minutes_as_mentee: u64,
}

impl Hours {
    /// Hours as mentor.
    pub fn hours_as_mentor(&self) -> f64 {
        self.minutes_as_mentor as f64 / 60.0
    }

    /// Hours as mentee.
    pub fn hours_as_mentee(&self) -> f64 {
        self.minutes_as_mentee as f64 / 60.0
    }
}

/// How many months a Registerplein registration lasts.
pub const REGISTRATION_MONTHS: i64 = 60;

/// The first day of registration period `k` from `registered`:
/// `registered` + 5k years (k may be negative), a 29 February falling on
/// 28 February in other years; `None` outside jiff's years.
fn registration_start(registered: Date, k: i64) -> Option<Date> {
    crate::dates::add_months(registered, k.checked_mul(REGISTRATION_MONTHS)?)
}

/// The number of the five-year registration period from `registered` that
/// holds `day`: period `k` runs from `registered` + 5k years to the day
/// before `registered` + 5(k+1) years, and `k` is negative before
/// `registered`, so every day is in exactly one period.
pub fn registration_period(registered: Date, day: Date) -> i64 {
    let month = |d: Date| i64::from(d.year()) * 12 + i64::from(d.month());
    let k = (month(day) - month(registered)).div_euclid(REGISTRATION_MONTHS);
    // Period k starts in the month `day` is in or before it: only a later
    // day of that month puts `day` in the period before.
    match registration_start(registered, k) {
        Some(start) if start > day => k - 1,
        _ => k,
    }
}

/// The first and last day of registration period `k` from `registered`
/// (see [`registration_period`]; clamped to jiff's first and last day).
pub fn registration_days(registered: Date, k: i64) -> (Date, Date) {
    let start =
        registration_start(registered, k).unwrap_or(if k < 0 { Date::MIN } else { Date::MAX });
    let end = k
        .checked_add(1)
        .and_then(|next| registration_start(registered, next))
        .and_then(|next| next.yesterday().ok())
        .unwrap_or(Date::MAX);
    (start, end)
}

/// The period that holds `day` for a person with or without a
/// registration day: a five-year registration period, or the calendar year.
fn period_of(registered: Option<Date>, day: Date) -> (Date, Date) {
    match registered {
        Some(r) => registration_days(r, registration_period(r, day)),
        None => (
            Date::new(day.year(), 1, 1).unwrap_or(day),
            Date::new(day.year(), 12, 31).unwrap_or(day),
        ),
    }
}

/// Per person and per period, the minutes of the held reviews in `log`
/// from `from` to `to` (both included, when given), as mentor and as
/// mentee; by id, then period. A person whose `registered` day `roster`
/// gives has five-year registration periods from it
/// ([`registration_period`]), anyone else calendar years. Periods are cut
/// to `from` and `to`. Listed are the periods that hold a held review and,
/// when both `from` and `to` are given, every registration period of a
/// registered person that overlaps them (with 0 minutes if nothing was
/// held).
pub fn hours(
    roster: &crate::roster::Roster,
    log: &[LogEntry],
    from: Option<Date>,
    to: Option<Date>,
) -> Vec<Hours> {
    let registered: BTreeMap<&str, Date> = roster
        .people
        .iter()
        .filter_map(|p| Some((p.id.as_str(), p.registered?)))
        .collect();
    // (id, first day) → (last day, minutes as mentor, as mentee)
    let mut sums: BTreeMap<(&str, Date), (Date, u64, u64)> = BTreeMap::new();
    if let (Some(from), Some(to)) = (from, to) {
        for (&id, &r) in &registered {
            let (first, last) = (registration_period(r, from), registration_period(r, to));
            for k in first..=last {
                let (start, end) = registration_days(r, k);
                sums.insert((id, start), (end, 0, 0));
            }
        }
    }
    for e in log {
        if e.status != Outcome::Held
            || from.is_some_and(|f| e.date < f)
            || to.is_some_and(|t| e.date > t)
        {
            continue;
        }
        let minutes = u64::from(e.minutes);
        for (id, as_mentor) in [(e.mentor.as_str(), true), (e.mentee.as_str(), false)] {
            let (start, end) = period_of(registered.get(id).copied(), e.date);
            let sum = sums.entry((id, start)).or_insert((end, 0, 0));
            if as_mentor {
                sum.1 += minutes;
            } else {
                sum.2 += minutes;
            }
        }
    }
    sums.into_iter()
        .map(|((id, start), (end, mentor, mentee))| Hours {
            id: id.to_string(),
            period_start: from.map_or(start, |f| f.max(start)),
            period_end: to.map_or(end, |t| t.min(end)),
            minutes_as_mentor: mentor,
            minutes_as_mentee: mentee,
        })
        .collect()
}
