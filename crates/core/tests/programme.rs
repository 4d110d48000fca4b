//! Programme status and hours: a table of small cases against the
//! definitions in docs/formats.md, and property tests that compare with a
//! plain recomputation of those definitions.

use doorgroei::dates::{parse_date, Iso};
use doorgroei::programme::{hours, per_month, status, LogEntry, Outcome, Reason, State};
use doorgroei::roster::{Person, Roster};
use doorgroei::schedule::{PairRef, Review, Schedule};
use jiff::civil::{date, Date, Time};
use proptest::prelude::*;

fn pair(mentee: &str, mentor: &str) -> PairRef {
    PairRef {
        mentee: mentee.into(),
        mentor: mentor.into(),
    }
}

/// A four-weekly plan for (j1, m1) on these dates.
fn plan(dates: &[Date]) -> Schedule {
    Schedule {
        reviews: dates
            .iter()
            .enumerate()
            .map(|(i, &d)| Review {
                mentee: "j1".into(),
                mentor: "m1".into(),
                number: i as u32 + 1,
                ideal: d,
                date: d,
                start: Time::constant(9, 0, 0, 0),
                end: Time::constant(10, 0, 0, 0),
                moved: None,
            })
            .collect(),
        cadence_weeks: 4,
        months: 4,
        ..Schedule::default()
    }
}

fn entry(d: Date, status: Outcome) -> LogEntry {
    LogEntry {
        date: d,
        mentor: "m1".into(),
        mentee: "j1".into(),
        status,
        minutes: 60,
    }
}

fn held(m: i8, d: i8) -> LogEntry {
    entry(date(2027, m, d), Outcome::Held)
}

fn moved(m: i8, d: i8, to_m: i8, to_d: i8) -> LogEntry {
    entry(date(2027, m, d), Outcome::Moved(date(2027, to_m, to_d)))
}

fn cancelled(m: i8, d: i8) -> LogEntry {
    entry(date(2027, m, d), Outcome::Cancelled(Reason::Sick))
}

/// (state, planned, held, on_time, last_held) of (j1, m1) on `today`.
type Seen = (State, usize, usize, usize, Option<Date>);

fn check(today: (i8, i8), log: Vec<LogEntry>, expected: Seen) {
    // Mondays four weeks apart: 4 Jan, 1 Feb, 1 Mar, 29 Mar, 26 Apr.
    let dates: Vec<Date> = [(1, 4), (2, 1), (3, 1), (3, 29), (4, 26)]
        .iter()
        .map(|&(m, d)| date(2027, m, d))
        .collect();
    let today = date(2027, today.0, today.1);
    let result = status(&plan(&dates), &[pair("j1", "m1")], &log, today);
    let p = &result.pairs[0];
    assert_eq!(
        (p.state, p.planned, p.held, p.on_time, p.last_held),
        expected,
        "today {today}, log {log:?}"
    );
}

#[test]
fn states_follow_the_definitions() {
    use State::*;
    let d = |m, day| Some(date(2027, m, day));
    check((1, 3), vec![], (OnTrack, 0, 0, 0, None));
    check((1, 4), vec![], (Behind, 1, 0, 0, None));
    check((1, 4), vec![held(1, 4)], (OnTrack, 1, 1, 1, d(1, 4)));
    check((2, 2), vec![held(1, 4)], (Behind, 2, 1, 1, d(1, 4)));
    // Seven working days late: held, not on time.
    check(
        (2, 10),
        vec![held(1, 4), held(2, 10)],
        (OnTrack, 2, 2, 1, d(2, 10)),
    );
    // Five working days late: on time.
    check(
        (2, 8),
        vec![held(1, 4), held(2, 8)],
        (OnTrack, 2, 2, 2, d(2, 8)),
    );
    // A moved review counts on its new date.
    check(
        (2, 10),
        vec![held(1, 4), moved(2, 1, 2, 15)],
        (OnTrack, 1, 1, 1, d(1, 4)),
    );
    check(
        (2, 16),
        vec![held(1, 4), moved(2, 1, 2, 15), held(2, 15)],
        (OnTrack, 2, 2, 2, d(2, 15)),
    );
    check(
        (2, 16),
        vec![held(1, 4), moved(2, 1, 2, 15)],
        (Behind, 2, 1, 1, d(1, 4)),
    );
    // Moved twice.
    check(
        (2, 23),
        vec![
            held(1, 4),
            moved(2, 1, 2, 15),
            moved(2, 15, 2, 22),
            held(2, 22),
        ],
        (OnTrack, 2, 2, 2, d(2, 22)),
    );
    // A cancelled review stays planned and not held.
    check(
        (2, 2),
        vec![held(1, 4), cancelled(2, 1)],
        (Behind, 2, 1, 1, d(1, 4)),
    );
    // Held between two planned reviews: it takes the nearer one.
    check((1, 21), vec![held(1, 20)], (Behind, 1, 1, 0, d(1, 20)));
    // Nothing held for two cadences while running: lapsed.
    check((2, 28), vec![held(1, 4)], (Behind, 2, 1, 1, d(1, 4)));
    check((3, 1), vec![held(1, 4)], (Lapsed, 3, 1, 1, d(1, 4)));
    check((3, 2), vec![], (Lapsed, 3, 0, 0, None));
    // One cadence after the last planned review: ended.
    check((5, 23), vec![], (Lapsed, 5, 0, 0, None));
    check((5, 24), vec![], (Ended, 5, 0, 0, None));
    // Entries after today are not read.
    check(
        (1, 4),
        vec![held(1, 4), held(2, 1)],
        (OnTrack, 1, 1, 1, d(1, 4)),
    );
}

#[test]
fn pairs_only_in_the_log_have_ended() {
    let mut log = vec![held(1, 4)];
    log.push(LogEntry {
        mentee: "j2".into(),
        ..held(1, 6)
    });
    let result = status(
        &plan(&[date(2027, 1, 4)]),
        &[pair("j1", "m1")],
        &log,
        date(2027, 1, 7),
    );
    let p = &result.pairs[1];
    assert_eq!(
        (p.mentee.as_str(), p.state, p.planned, p.held, p.last_held),
        ("j2", State::Ended, 0, 1, Some(date(2027, 1, 6)))
    );
    let t = result.totals;
    assert_eq!(
        (t.pairs, t.on_track, t.ended, t.planned, t.held),
        (2, 1, 1, 1, 2)
    );
}

#[test]
fn hours_per_person_and_year() {
    let log = vec![
        LogEntry {
            minutes: 45,
            ..held(12, 30)
        },
        held(1, 4),
        LogEntry {
            date: date(2028, 1, 3),
            ..held(1, 1)
        },
        cancelled(2, 1),
    ];
    let rows = hours(&Roster::default(), &log, None, None);
    let seen: Vec<(String, i16, u64, u64)> = rows
        .iter()
        .map(|h| {
            (
                h.id.clone(),
                h.period_start.year(),
                h.minutes_as_mentor,
                h.minutes_as_mentee,
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            ("j1".into(), 2027, 0, 105),
            ("j1".into(), 2028, 0, 60),
            ("m1".into(), 2027, 105, 0),
            ("m1".into(), 2028, 60, 0),
        ]
    );
    let cut = hours(
        &Roster::default(),
        &log,
        Some(date(2027, 6, 1)),
        Some(date(2028, 1, 2)),
    );
    assert_eq!(cut.len(), 2);
    assert_eq!(
        (
            cut[0].period_start,
            cut[0].period_end,
            cut[0].minutes_as_mentee
        ),
        (date(2027, 6, 1), date(2027, 12, 31), 45)
    );
}

/// A roster of `a`, `b` and `c`, with the `registered` days given.
fn registered(days: &[(&str, &str)]) -> Roster {
    Roster {
        people: ["a", "b", "c"]
            .iter()
            .map(|&id| Person {
                registered: days
                    .iter()
                    .find(|d| d.0 == id)
                    .map(|d| parse_date(d.1).unwrap()),
                ..Person::new(id, id, "sw-hbo-start")
            })
            .collect(),
        pairs: Vec::new(),
    }
}

/// The hours of held reviews (day, mentor, mentee, minutes) with the
/// people registered on these days, from and to these days, one line a
/// row: `id first..last minutes-as-mentor/minutes-as-mentee`.
fn check_hours(
    days: &[(&str, &str)],
    reviews: &[(&str, &str, &str, u16)],
    window: (Option<&str>, Option<&str>),
    expected: &[&str],
) {
    let log: Vec<LogEntry> = reviews
        .iter()
        .map(|&(day, mentor, mentee, minutes)| LogEntry {
            date: parse_date(day).unwrap(),
            mentor: mentor.into(),
            mentee: mentee.into(),
            status: Outcome::Held,
            minutes,
        })
        .collect();
    let day = |d: Option<&str>| d.map(|d| parse_date(d).unwrap());
    let rows = hours(&registered(days), &log, day(window.0), day(window.1));
    let seen: Vec<String> = rows
        .iter()
        .map(|h| {
            format!(
                "{} {}..{} {}/{}",
                h.id,
                Iso(h.period_start),
                Iso(h.period_end),
                h.minutes_as_mentor,
                h.minutes_as_mentee
            )
        })
        .collect();
    assert_eq!(seen, expected, "{days:?} {reviews:?} {window:?}");
}

#[test]
fn hours_per_registration_period_or_calendar_year() {
    let none = (None, None);
    // Without `registered`: calendar years.
    check_hours(
        &[],
        &[("2026-12-30", "a", "b", 45), ("2027-01-04", "a", "b", 60)],
        none,
        &[
            "a 2026-01-01..2026-12-31 45/0",
            "a 2027-01-01..2027-12-31 60/0",
            "b 2026-01-01..2026-12-31 0/45",
            "b 2027-01-01..2027-12-31 0/60",
        ],
    );
    // With it: five-year periods from that day, each to the day before
    // the next; the mentor without it keeps calendar years.
    check_hours(
        &[("b", "2022-03-01")],
        &[("2026-12-30", "a", "b", 45), ("2027-01-04", "a", "b", 60)],
        none,
        &[
            "a 2026-01-01..2026-12-31 45/0",
            "a 2027-01-01..2027-12-31 60/0",
            "b 2022-03-01..2027-02-28 0/105",
        ],
    );
    // A boundary on the day: the last day of one period, the first of the next.
    check_hours(
        &[("a", "2025-06-15")],
        &[("2030-06-14", "a", "b", 60), ("2030-06-15", "a", "c", 90)],
        none,
        &[
            "a 2025-06-15..2030-06-14 60/0",
            "a 2030-06-15..2035-06-14 90/0",
            "b 2030-01-01..2030-12-31 0/60",
            "c 2030-01-01..2030-12-31 0/90",
        ],
    );
    // As mentor and as mentee in one period.
    check_hours(
        &[("b", "2025-06-15"), ("c", "2020-01-01")],
        &[("2026-01-05", "a", "b", 60), ("2026-02-02", "b", "c", 30)],
        none,
        &[
            "a 2026-01-01..2026-12-31 60/0",
            "b 2025-06-15..2030-06-14 30/60",
            "c 2025-01-01..2029-12-31 0/30",
        ],
    );
    // Registered on 29 February: in other years a period starts on 28
    // February; in leap years on the 29th again.
    check_hours(
        &[("a", "2024-02-29")],
        &[
            ("2024-02-28", "a", "b", 15),
            ("2024-02-29", "a", "b", 20),
            ("2029-02-27", "a", "b", 30),
            ("2029-02-28", "a", "b", 40),
            ("2044-02-28", "a", "b", 50),
            ("2044-02-29", "a", "b", 60),
        ],
        (None, Some("2044-12-31")),
        &[
            "a 2019-02-28..2024-02-28 15/0",
            "a 2024-02-29..2029-02-27 50/0",
            "a 2029-02-28..2034-02-27 40/0",
            "a 2039-02-28..2044-02-28 50/0",
            "a 2044-02-29..2044-12-31 60/0",
            "b 2024-01-01..2024-12-31 0/35",
            "b 2029-01-01..2029-12-31 0/70",
            "b 2044-01-01..2044-12-31 0/110",
        ],
    );
    // Registered after a review: periods run backwards too, so the review
    // is in the period before the registration.
    check_hours(
        &[("a", "2027-01-01")],
        &[("2026-06-01", "a", "b", 60), ("2027-01-01", "a", "b", 60)],
        none,
        &[
            "a 2022-01-01..2026-12-31 60/0",
            "a 2027-01-01..2031-12-31 60/0",
            "b 2026-01-01..2026-12-31 0/60",
            "b 2027-01-01..2027-12-31 0/60",
        ],
    );
    // --from and --to: only reviews between them count and periods are cut
    // to them; every registration period that overlaps them is listed,
    // with 0 hours where nothing was held (c has no review at all);
    // calendar years only with a review.
    let reviews = [
        ("2026-12-31", "a", "b", 60),
        ("2027-06-01", "a", "b", 60),
        ("2029-01-01", "a", "b", 30),
        ("2031-01-01", "a", "b", 60),
    ];
    check_hours(
        &[("a", "2025-03-01"), ("c", "2028-07-01")],
        &reviews,
        (Some("2027-01-01"), Some("2030-12-31")),
        &[
            "a 2027-01-01..2030-02-28 90/0",
            "a 2030-03-01..2030-12-31 0/0",
            "b 2027-01-01..2027-12-31 0/60",
            "b 2029-01-01..2029-12-31 0/30",
            "c 2027-01-01..2028-06-30 0/0",
            "c 2028-07-01..2030-12-31 0/0",
        ],
    );
    // With one of them: only the periods that hold a review.
    check_hours(
        &[("a", "2025-03-01"), ("c", "2028-07-01")],
        &reviews,
        (Some("2027-01-01"), None),
        &[
            "a 2027-01-01..2030-02-28 90/0",
            "a 2030-03-01..2035-02-28 60/0",
            "b 2027-01-01..2027-12-31 0/60",
            "b 2029-01-01..2029-12-31 0/30",
            "b 2031-01-01..2031-12-31 0/60",
        ],
    );
    check_hours(
        &[("a", "2025-03-01")],
        &reviews,
        (None, Some("2027-06-01")),
        &[
            "a 2025-03-01..2027-06-01 120/0",
            "b 2026-01-01..2026-12-31 0/60",
            "b 2027-01-01..2027-06-01 0/60",
        ],
    );
    // A window inside one period, on its boundary days.
    check_hours(
        &[("a", "2025-03-01")],
        &reviews,
        (Some("2030-02-28"), Some("2030-03-01")),
        &[
            "a 2030-02-28..2030-02-28 0/0",
            "a 2030-03-01..2030-03-01 0/0",
        ],
    );
    check_hours(&[("a", "2025-03-01")], &[], none, &[]);
}

// ---- Property tests: a plain recomputation of the definitions. ----

fn days(d: Date) -> i64 {
    // Days since 2000-01-01 by counting: slow and obviously right.
    let mut n = 0;
    let mut at = date(2000, 1, 1);
    while at < d {
        at = at.tomorrow().unwrap();
        n += 1;
    }
    n
}

fn working_days(a: Date, b: Date) -> i64 {
    let (mut at, to) = if a <= b { (a, b) } else { (b, a) };
    let mut n = 0;
    while at < to {
        at = at.tomorrow().unwrap();
        if at.weekday().to_monday_zero_offset() < 5 {
            n += 1;
        }
    }
    n
}

fn plain(planned: &[Date], log: &[LogEntry], today: Date, cadence: i64) -> Seen {
    let mut planned: Vec<Date> = planned.to_vec();
    doorgroei::sort::sort(&mut planned);
    let first = planned.first().copied();
    let mut log: Vec<&LogEntry> = log.iter().filter(|e| e.date <= today).collect();
    doorgroei::sort::sort_by_key(&mut log, |e| e.date);
    let near = |planned: &[Date], at: Date, free: &dyn Fn(usize) -> bool| {
        let mut best: Option<(i64, Date, usize)> = None;
        for (i, &p) in planned.iter().enumerate() {
            let gap = (days(at) - days(p)).abs();
            if free(i) && gap < cadence && best.is_none_or(|b| (gap, p, i) < b) {
                best = Some((gap, p, i));
            }
        }
        best.map(|b| b.2)
    };
    for e in &log {
        if let Outcome::Moved(to) = e.status {
            if let Some(i) = near(&planned, e.date, &|_| true) {
                planned[i] = to;
            }
        }
    }
    let mut taken = vec![None; planned.len()];
    let held: Vec<Date> = log
        .iter()
        .filter(|e| e.status == Outcome::Held)
        .map(|e| e.date)
        .collect();
    for &h in &held {
        let t = taken.clone();
        if let Some(i) = near(&planned, h, &|i| t[i].is_none()) {
            taken[i] = Some(h);
        }
    }
    let due: Vec<usize> = (0..planned.len())
        .filter(|&i| planned[i] <= today)
        .collect();
    let on_time = (0..planned.len())
        .filter(|&i| taken[i].is_some_and(|h| working_days(planned[i], h) <= 5))
        .count();
    let last_held = held.iter().max().copied();
    let state = if planned.is_empty() {
        State::OnTrack
    } else if days(today) >= days(*planned.iter().max().unwrap()) + cadence {
        State::Ended
    } else if days(today) - days(first.unwrap()) >= 2 * cadence
        && !held.iter().any(|&h| days(today) - days(h) < 2 * cadence)
    {
        State::Lapsed
    } else if due
        .iter()
        .copied()
        .max_by_key(|&i| (planned[i], i))
        .is_some_and(|i| taken[i].is_none())
    {
        State::Behind
    } else {
        State::OnTrack
    };
    (state, due.len(), held.len(), on_time, last_held)
}

/// Cadence weeks, planned days from the start, log entries (day, kind,
/// days moved) and today.
type Case = (u8, Vec<i64>, Vec<(i64, u8, i64)>, i64);

fn arb_case() -> impl Strategy<Value = Case> {
    (
        4u8..=6,
        prop::collection::vec(0i64..400, 0..12),
        prop::collection::vec((0i64..420, 0u8..3, -10i64..30), 0..20),
        0i64..460,
    )
}

proptest! {
    #[test]
    fn states_agree_with_a_plain_recomputation(
        (weeks, offsets, entries, today) in arb_case()
    ) {
        let start = date(2027, 1, 4);
        let at = |n: i64| doorgroei::dates::add_days(start, n).unwrap();
        let mut dates: Vec<Date> = offsets.iter().map(|&n| at(n)).collect();
        doorgroei::sort::sort(&mut dates);
        dates.dedup();
        let mut schedule = plan(&dates);
        schedule.cadence_weeks = weeks;
        let mut log: Vec<LogEntry> = Vec::new();
        for &(n, kind, shift) in &entries {
            let d = at(n);
            if log.iter().any(|e| e.date == d) {
                continue;
            }
            let status = match kind {
                0 => Outcome::Held,
                1 => Outcome::Moved(at(n + shift)),
                _ => Outcome::Cancelled(Reason::Other),
            };
            log.push(entry(d, status));
        }
        let today = at(today);
        let result = status(&schedule, &[pair("j1", "m1")], &log, today);
        let p = &result.pairs[0];
        let expected = plain(&dates, &log, today, i64::from(weeks) * 7);
        prop_assert_eq!((p.state, p.planned, p.held, p.on_time, p.last_held), expected);
        let t = result.totals;
        prop_assert_eq!((t.planned, t.held), (p.planned, p.held));
    }

    #[test]
    fn hours_are_the_held_minutes_over_sixty(
        entries in prop::collection::vec((0i64..900, 0u8..3, 0u8..3, 0u8..3, 1u16..=480), 0..40)
    ) {
        let start = date(2026, 11, 2);
        let ids = ["a", "b", "c"];
        let log: Vec<LogEntry> = entries
            .iter()
            .filter(|e| e.2 != e.3)
            .map(|&(n, kind, mentor, mentee, minutes)| LogEntry {
                date: doorgroei::dates::add_days(start, n).unwrap(),
                mentor: ids[usize::from(mentor)].into(),
                mentee: ids[usize::from(mentee)].into(),
                status: if kind == 0 { Outcome::Cancelled(Reason::Leave) } else { Outcome::Held },
                minutes,
            })
            .collect();
        let rows = hours(&Roster::default(), &log, None, None);
        for id in ids {
            for year in 2026..=2029i16 {
                let minutes = |as_mentor: bool| -> u64 {
                    log.iter()
                        .filter(|e| e.status == Outcome::Held && e.date.year() == year)
                        .filter(|e| if as_mentor { e.mentor == id } else { e.mentee == id })
                        .map(|e| u64::from(e.minutes))
                        .sum()
                };
                let row = rows.iter().find(|h| h.id == id && h.period_start.year() == year);
                let (mentor, mentee) = (minutes(true), minutes(false));
                match row {
                    Some(h) => {
                        prop_assert_eq!(h.hours_as_mentor(), mentor as f64 / 60.0);
                        prop_assert_eq!(h.hours_as_mentee(), mentee as f64 / 60.0);
                        prop_assert!(mentor + mentee > 0);
                    }
                    None => prop_assert_eq!(mentor + mentee, 0),
                }
            }
        }
    }
}

/// The first day of registration period `k` from `registered`, by jiff's
/// own year arithmetic (a 29 February falls on the 28th in other years).
fn plain_period_start(registered: Date, k: i64) -> Date {
    registered
        .checked_add(jiff::Span::new().try_years(5 * k).unwrap())
        .unwrap()
}

/// The registration period holding `day`, found by walking the periods.
fn plain_period(registered: Date, day: Date) -> (i64, Date, Date) {
    let k = (-10..20)
        .find(|&k| plain_period_start(registered, k + 1) > day)
        .unwrap();
    let next = plain_period_start(registered, k + 1);
    (
        k,
        plain_period_start(registered, k),
        next.yesterday().unwrap(),
    )
}

fn arb_registered() -> impl Strategy<Value = Option<Date>> {
    let base = date(2008, 1, 1);
    prop_oneof![
        Just(None),
        (0i64..9000).prop_map(move |n| doorgroei::dates::add_days(base, n)),
        // Leap days, and the days around them.
        (0usize..5, -1i64..=1).prop_map(|(y, shift)| {
            let leap = date(2012 + 4 * y as i16, 2, 29);
            doorgroei::dates::add_days(leap, shift)
        }),
    ]
}

/// Held and other log entries over 16 years among a, b, c: (day, kind,
/// mentor, mentee, minutes).
type Entries = Vec<(i64, u8, u8, u8, u16)>;

proptest! {
    #[test]
    fn each_held_review_is_in_exactly_one_period_and_the_periods_add_up(
        entries in prop::collection::vec((0i64..5800, 0u8..3, 0u8..3, 0u8..3, 1u16..=480), 0..40),
        days in prop::collection::vec(arb_registered(), 3),
        window in (prop::option::of(0i64..5800), prop::option::of(0i64..5800)),
    ) {
        let entries: Entries = entries;
        let start = date(2012, 1, 1);
        let at = |n: i64| doorgroei::dates::add_days(start, n).unwrap();
        let ids = ["a", "b", "c"];
        let roster = Roster {
            people: ids
                .iter()
                .zip(&days)
                .map(|(&id, &registered)| Person { registered, ..Person::new(id, id, "sw-hbo-start") })
                .collect(),
            pairs: Vec::new(),
        };
        let log: Vec<LogEntry> = entries
            .iter()
            .filter(|e| e.2 != e.3)
            .map(|&(n, kind, mentor, mentee, minutes)| LogEntry {
                date: at(n),
                mentor: ids[usize::from(mentor)].into(),
                mentee: ids[usize::from(mentee)].into(),
                status: if kind == 0 { Outcome::Cancelled(Reason::Workload) } else { Outcome::Held },
                minutes,
            })
            .collect();
        let (from, to) = (window.0.map(at), window.1.map(at));
        prop_assume!(!matches!((from, to), (Some(f), Some(t)) if f > t));
        let rows = hours(&roster, &log, from, to);
        let counted: Vec<&LogEntry> = log
            .iter()
            .filter(|e| e.status == Outcome::Held)
            .filter(|e| from.is_none_or(|f| e.date >= f) && to.is_none_or(|t| e.date <= t))
            .collect();
        for (id, registered) in ids.iter().zip(&days) {
            let mine: Vec<_> = rows.iter().filter(|h| h.id == *id).collect();
            // Sorted by start, apart, within the window.
            for pair in mine.windows(2) {
                prop_assert!(pair[0].period_end < pair[1].period_start, "{:?}", pair);
            }
            for h in &mine {
                prop_assert!(h.period_start <= h.period_end);
                prop_assert!(from.is_none_or(|f| h.period_start >= f) && to.is_none_or(|t| h.period_end <= t));
            }
            // Every held review in exactly one of the person's periods,
            // the right one; the periods' sums are the held minutes.
            for as_mentor in [true, false] {
                let theirs: Vec<&&LogEntry> = counted
                    .iter()
                    .filter(|e| if as_mentor { e.mentor == *id } else { e.mentee == *id })
                    .collect();
                for e in &theirs {
                    let holding: Vec<_> = mine
                        .iter()
                        .filter(|h| h.period_start <= e.date && e.date <= h.period_end)
                        .collect();
                    prop_assert_eq!(holding.len(), 1, "{:?} in {:?}", e, mine);
                    let (first, last) = match registered {
                        Some(r) => {
                            let (_, s, e2) = plain_period(*r, e.date);
                            (s, e2)
                        }
                        None => (date(e.date.year(), 1, 1), date(e.date.year(), 12, 31)),
                    };
                    let h = holding[0];
                    prop_assert_eq!(
                        (h.period_start, h.period_end),
                        (from.map_or(first, |f| f.max(first)), to.map_or(last, |t| t.min(last)))
                    );
                }
                let minutes: u64 = theirs.iter().map(|e| u64::from(e.minutes)).sum();
                let (sum, hours_sum) = if as_mentor {
                    (mine.iter().map(|h| h.minutes_as_mentor).sum::<u64>(), mine.iter().map(|h| h.hours_as_mentor()).sum::<f64>())
                } else {
                    (mine.iter().map(|h| h.minutes_as_mentee).sum::<u64>(), mine.iter().map(|h| h.hours_as_mentee()).sum::<f64>())
                };
                prop_assert_eq!(sum, minutes);
                prop_assert!((hours_sum - minutes as f64 / 60.0).abs() < 1e-9);
            }
            // Lines without hours: only the registration periods a window
            // with both ends overlaps, and all of those are there.
            let empty = mine.iter().filter(|h| h.minutes_as_mentor + h.minutes_as_mentee == 0).count();
            match (registered, from, to) {
                (Some(r), Some(f), Some(t)) => {
                    let periods = plain_period(*r, t).0 - plain_period(*r, f).0 + 1;
                    prop_assert_eq!(mine.len() as i64, periods);
                }
                _ => prop_assert_eq!(empty, 0),
            }
        }
    }
}

#[test]
fn reviews_planned_and_held_per_month_for_the_chart() {
    let dates = [
        date(2027, 1, 4),
        date(2027, 2, 1),
        date(2027, 3, 1),
        date(2027, 3, 29),
        date(2027, 4, 26),
    ];
    let seen = |log: Vec<LogEntry>, today: Date| -> String {
        per_month(&plan(&dates), &log, today)
            .iter()
            .map(|m| format!("{}-{:02} {}/{}", m.year, m.month, m.held, m.planned))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let cases: Vec<(Vec<LogEntry>, Date, &str)> = vec![
        // Up to today's month, every month even without reviews held.
        (
            vec![],
            date(2027, 3, 15),
            "2027-01 0/1, 2027-02 0/1, 2027-03 0/2",
        ),
        (
            vec![held(1, 4), held(2, 2)],
            date(2027, 6, 1),
            "2027-01 1/1, 2027-02 1/1, 2027-03 0/2, 2027-04 0/1",
        ),
        // A review moved into the next month counts there; one cancelled is still planned.
        (
            vec![moved(3, 29, 4, 2), cancelled(3, 1)],
            date(2027, 6, 1),
            "2027-01 0/1, 2027-02 0/1, 2027-03 0/1, 2027-04 0/2",
        ),
        // Held after today does not count yet.
        (
            vec![held(1, 4), held(2, 1)],
            date(2027, 1, 31),
            "2027-01 1/1",
        ),
        // Before the schedule's first month: nothing yet.
        (vec![], date(2026, 12, 1), "2027-01 0/1"),
    ];
    for (log, today, expected) in cases {
        assert_eq!(seen(log, today), expected, "today {today}");
    }
    assert!(per_month(&Schedule::default(), &[held(1, 4)], date(2027, 6, 1)).is_empty());
}

#[test]
fn a_log_entry_crosses_to_the_worker_and_back_as_json() {
    let entries = vec![held(1, 4), moved(2, 1, 2, 3), cancelled(3, 1)];
    let json = serde_json::to_string(&entries).unwrap();
    assert_eq!(
        json,
        r#"[{"date":"2027-01-04","mentor":"m1","mentee":"j1","status":"held","minutes":60},{"date":"2027-02-01","mentor":"m1","mentee":"j1","status":{"moved":"2027-02-03"},"minutes":60},{"date":"2027-03-01","mentor":"m1","mentee":"j1","status":{"cancelled":"sick"},"minutes":60}]"#
    );
    assert_eq!(
        serde_json::from_str::<Vec<LogEntry>>(&json).unwrap(),
        entries
    );
    assert!(serde_json::from_str::<Vec<LogEntry>>(r#"[{"date":"2027-01-04","mentor":"m1","mentee":"j1","status":"held","minutes":60,"note":"x"}]"#).is_err());
}
