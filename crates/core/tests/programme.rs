//! Programme status and hours: a table of small cases against the
//! definitions in docs/formats.md, and property tests that compare with a
//! plain recomputation of those definitions.

use doorgroei::programme::{hours, per_month, status, LogEntry, Outcome, Reason, State};
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
    let rows = hours(&log, None, None);
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
    let cut = hours(&log, Some(date(2027, 6, 1)), Some(date(2028, 1, 2)));
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
        let rows = hours(&log, None, None);
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
