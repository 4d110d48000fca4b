//! Review scheduling: Dutch holidays, the placement rules, and the files.

// jiff's spans are fine in native tests: the clippy.toml rule against them
// is about what the web build carries.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeSet;

use doorgroei::format::{load_schedule_config, schedule_to_csv, schedule_to_ics, uid};
use doorgroei::i18n::Lang;
use doorgroei::roster::{Day, Days, Person, Roster};
use doorgroei::schedule::{
    easter, holidays, schedule, HolidayRules, Liberation, PairRef, ScheduleConfig,
};
use jiff::civil::{date, Date, Weekday};
use jiff::ToSpan;
use proptest::prelude::*;

#[test]
fn easter_from_2024_to_2035() {
    // Published dates of Easter Sunday.
    let known = [
        (2024, 3, 31),
        (2025, 4, 20),
        (2026, 4, 5),
        (2027, 3, 28),
        (2028, 4, 16),
        (2029, 4, 1),
        (2030, 4, 21),
        (2031, 4, 13),
        (2032, 3, 28),
        (2033, 4, 17),
        (2034, 4, 9),
        (2035, 3, 25),
    ];
    for (y, m, d) in known {
        assert_eq!(easter(y), date(y, m, d), "{y}");
    }
}

fn names(year: i16, rules: HolidayRules) -> Vec<(Date, String)> {
    holidays(year, rules)
        .into_iter()
        .map(|(d, n)| (d, n.nl))
        .collect()
}

#[test]
fn the_dutch_holidays_of_2025_and_2027() {
    let rules = HolidayRules::default();
    // 2025: Koningsdag on Saturday 26 April (27 April is a Sunday); a lustrum
    // year, so Bevrijdingsdag too.
    assert_eq!(
        names(2025, rules),
        vec![
            (date(2025, 1, 1), "Nieuwjaarsdag".to_string()),
            (date(2025, 4, 20), "Eerste Paasdag".into()),
            (date(2025, 4, 21), "Tweede Paasdag".into()),
            (date(2025, 4, 26), "Koningsdag".into()),
            (date(2025, 5, 5), "Bevrijdingsdag".into()),
            (date(2025, 5, 29), "Hemelvaartsdag".into()),
            (date(2025, 6, 8), "Eerste Pinksterdag".into()),
            (date(2025, 6, 9), "Tweede Pinksterdag".into()),
            (date(2025, 12, 25), "Eerste Kerstdag".into()),
            (date(2025, 12, 26), "Tweede Kerstdag".into()),
        ]
    );
    let all = HolidayRules {
        good_friday: true,
        liberation: Liberation::EveryYear,
    };
    let days: Vec<Date> = holidays(2027, all).into_iter().map(|(d, _)| d).collect();
    for d in [
        date(2027, 3, 26), // Goede Vrijdag
        date(2027, 3, 29), // Tweede Paasdag
        date(2027, 4, 27), // Koningsdag (a Tuesday)
        date(2027, 5, 5),  // Bevrijdingsdag, every year
        date(2027, 5, 6),  // Hemelvaartsdag
        date(2027, 5, 17), // Tweede Pinksterdag
    ] {
        assert!(days.contains(&d), "{d} in {days:?}");
    }
    assert_eq!(days.len(), 11);
}

#[test]
fn liberation_day_only_in_lustrum_years_by_default() {
    let rules = HolidayRules::default();
    let has = |y: i16| holidays(y, rules).iter().any(|(d, _)| *d == date(y, 5, 5));
    assert!(has(2025));
    assert!(has(2030));
    assert!(!has(2026));
    assert!(!has(2031));
}

#[test]
fn every_year_has_its_easter_based_days_in_order() {
    for year in 2024..=2035 {
        let e = easter(year);
        assert_eq!(e.weekday(), Weekday::Sunday);
        let days: Vec<Date> = holidays(year, HolidayRules::default())
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        for offset in [1, 39, 49, 50] {
            assert!(days.contains(&(e + offset.days())), "{year} +{offset}");
        }
        assert_eq!((e + 39.days()).weekday(), Weekday::Thursday);
        let kings = if date(year, 4, 27).weekday() == Weekday::Sunday {
            date(year, 4, 26)
        } else {
            date(year, 4, 27)
        };
        assert!(days.contains(&kings));
        assert!(days.windows(2).all(|w| w[0] < w[1]));
    }
}

fn person(id: &str, days: &[Day]) -> Person {
    Person {
        days: Days::of(days.iter().copied()),
        hours: 32.0,
        email: Some(format!("{id}@example.org")),
        ..Person::new(id, format!("Naam {id}"), "sw-hbo-start")
    }
}

fn pair(mentee: &str, mentor: &str) -> PairRef {
    PairRef {
        mentee: mentee.into(),
        mentor: mentor.into(),
    }
}

const WEEK: [Day; 5] = [Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];

#[test]
fn a_year_of_reviews_every_four_weeks_on_the_ideal_days() {
    let roster = Roster {
        people: vec![person("j", &WEEK), person("s", &WEEK)],
        pairs: Vec::new(),
    };
    // Monday 4 January 2027: 14 ideal Mondays before 4 January 2028.
    let out = schedule(
        &roster,
        &[pair("j", "s")],
        date(2027, 1, 4),
        &ScheduleConfig::default(),
    );
    assert_eq!(out.unplaced, vec![]);
    assert_eq!(out.reviews.len(), 14);
    for (k, r) in out.reviews.iter().enumerate() {
        assert_eq!(r.number, k as u32 + 1);
        assert_eq!(r.ideal, date(2027, 1, 4) + (28 * k as i64).days());
    }
    // Review 4 falls on Easter Monday, 29 March 2027.
    let fourth = &out.reviews[3];
    assert_eq!(fourth.ideal, date(2027, 3, 29));
    assert_eq!(
        fourth.date,
        date(2027, 3, 30),
        "moved to the next working day"
    );
    // No drift: the fifth is on its ideal day again.
    assert_eq!(out.reviews[4].date, date(2027, 4, 26));
    assert_eq!(out.reviews[0].start.to_string(), "09:00:00");
}

#[test]
fn only_on_shared_days_and_not_when_absent() {
    let mut j = person("j", &[Day::Mon, Day::Thu]);
    j.absent = vec![(date(2027, 1, 25), date(2027, 2, 7))];
    let s = person("s", &[Day::Wed, Day::Thu]);
    let roster = Roster {
        people: vec![j, s],
        pairs: Vec::new(),
    };
    let out = schedule(
        &roster,
        &[pair("j", "s")],
        date(2027, 1, 4),
        &ScheduleConfig::default(),
    );
    // Ideal Monday 4 January → Thursday 7 January (3 working days later).
    assert_eq!(out.reviews[0].date, date(2027, 1, 7));
    // Ideal Monday 1 February: absent from 25 January to 7 February, and the
    // next Thursday (11 February) is 8 working days away: beyond the limit of 5.
    assert!(out
        .reviews
        .iter()
        .all(|r| r.date.weekday() == Weekday::Thursday));
    let missing: Vec<Date> = out.unplaced.iter().map(|u| u.ideal).collect();
    assert_eq!(missing, vec![date(2027, 2, 1)]);
    assert!(
        out.unplaced[0].reason.en.contains("absent"),
        "{:?}",
        out.unplaced[0].reason
    );
}

#[test]
fn no_shared_day_is_reported_not_dropped() {
    let roster = Roster {
        people: vec![person("j", &[Day::Mon]), person("s", &[Day::Fri])],
        pairs: Vec::new(),
    };
    let config = ScheduleConfig {
        max_shift: 2,
        months: 2,
        ..ScheduleConfig::default()
    };
    let out = schedule(&roster, &[pair("j", "s")], date(2027, 1, 4), &config);
    assert!(out.reviews.is_empty());
    assert_eq!(out.unplaced.len(), 3);
    assert!(out.unplaced[0]
        .reason
        .nl
        .contains("geen dag waarop beiden werken"));
    // Unknown people are reported too.
    let out = schedule(&roster, &[pair("j", "niemand")], date(2027, 1, 4), &config);
    assert_eq!(out.unplaced.len(), 1);
    assert!(out.unplaced[0]
        .reason
        .en
        .contains("'niemand' is not in the roster"));
}

#[test]
fn a_mentor_gets_at_most_two_reviews_a_day_and_slots_do_not_overlap() {
    let mut people = vec![person("s", &WEEK)];
    let mut pairs = Vec::new();
    for i in 0..5 {
        people.push(person(&format!("j{i}"), &WEEK));
        pairs.push(pair(&format!("j{i}"), "s"));
    }
    let roster = Roster {
        people,
        pairs: Vec::new(),
    };
    let out = schedule(
        &roster,
        &pairs,
        date(2027, 1, 4),
        &ScheduleConfig::default(),
    );
    assert!(out.unplaced.is_empty());
    let first: Vec<(Date, String)> = out
        .reviews
        .iter()
        .filter(|r| r.number == 1)
        .map(|r| (r.date, r.start.to_string()))
        .collect();
    assert_eq!(
        first,
        vec![
            (date(2027, 1, 4), "09:00:00".to_string()),
            (date(2027, 1, 4), "10:00:00".into()),
            (date(2027, 1, 5), "09:00:00".into()),
            (date(2027, 1, 5), "10:00:00".into()),
            (date(2027, 1, 6), "09:00:00".into()),
        ]
    );
}

#[test]
fn the_mentees_start_date_counts_and_closing_days_are_skipped() {
    let mut j = person("j", &WEEK);
    j.start = Some(date(2027, 3, 1));
    let roster = Roster {
        people: vec![j, person("s", &WEEK)],
        pairs: Vec::new(),
    };
    let text =
        "schema: doorgroei/schedule@1\nmonths: 1\nclosing_days: [2027-03-01]\nday_start: '08:30'\n";
    let config = load_schedule_config("planning.yaml", text).unwrap();
    let out = schedule(&roster, &[pair("j", "s")], date(2027, 1, 4), &config);
    assert_eq!(out.reviews[0].ideal, date(2027, 3, 1));
    assert_eq!(out.reviews[0].date, date(2027, 3, 2));
    assert_eq!(out.reviews[0].start.to_string(), "08:30:00");
    assert_eq!(out.reviews.len(), 2); // 1 and 29 March
}

#[test]
fn bad_settings_are_reported_with_their_place() {
    let text = "schema: doorgroei/schedule@1\ncadence_weeks: 3\nday_start: '9 uur'\nclosing_days: [2027-13-01]\n";
    let err = load_schedule_config("planning.yaml", text)
        .unwrap_err()
        .to_string();
    assert!(err.contains("planning.yaml:2:16"), "{err}");
    assert!(err.contains("from 4 to 6"), "{err}");
    assert!(err.contains("planning.yaml:3:"), "{err}");
    assert!(err.contains("planning.yaml:4:"), "{err}");
}

#[test]
fn ics_is_folded_escaped_and_has_stable_uids() {
    let mut j = person("j", &WEEK);
    j.name = "Anouk de Vries; team Noord, \"jeugd\"".into();
    let roster = Roster {
        people: vec![j, person("s", &WEEK)],
        pairs: Vec::new(),
    };
    let config = ScheduleConfig {
        months: 2,
        ..ScheduleConfig::default()
    };
    let out = schedule(&roster, &[pair("j", "s")], date(2027, 3, 29), &config);
    let stamp: jiff::Timestamp = "2026-11-22T10:00:00Z".parse().unwrap();
    let ics = schedule_to_ics(&out, &roster, Lang::Nl, stamp, None);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), out.reviews.len());
    assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam"));
    assert!(ics.contains("DTSTAMP:20261122T100000Z"));
    // Easter Monday moved to Tuesday.
    assert!(ics.contains("DTSTART;TZID=Europe/Amsterdam:20270330T090000"));
    assert!(ics.contains("Anouk de Vries\\; team Noord\\, \"jeugd\""));
    assert!(ics.contains("ATTENDEE;CN=\"Anouk de Vries; team Noord, jeugd\";ROLE=REQ-PARTICIPANT"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
    }
    // The same pair and date give the same UID on every run, even after a move.
    let again = schedule(&roster, &[pair("j", "s")], date(2027, 3, 29), &config);
    assert_eq!(uid(&out.reviews[0]), uid(&again.reviews[0]));
    assert_ne!(uid(&out.reviews[0]), uid(&out.reviews[1]));
    let per_person = schedule_to_ics(&out, &roster, Lang::En, stamp, Some("s"));
    assert!(per_person.contains("SUMMARY:Case review"));
    let csv = schedule_to_csv(&out, &roster, Lang::En);
    assert!(
        csv.starts_with("date;start;end;mentor;mentor_name;mentee;mentee_name;review;ideal_date\n")
    );
    assert!(csv.contains("2027-03-30;09:00;10:00;s;Naam s;j;"));
}

prop_compose! {
    fn setup()(
        people in prop::collection::vec((1u8..32, prop::option::of((0u16..300, 0u16..20))), 2..10),
        links in prop::collection::vec((0usize..10, 0usize..10), 1..12),
        start in 0u16..700,
        cadence in 4u8..=6,
        per_day in 1u8..=3,
        closing in prop::collection::vec(0u16..800, 0..6),
    ) -> (Roster, Vec<PairRef>, Date, ScheduleConfig) {
        let base = date(2026, 1, 1);
        let roster = Roster {
            people: people.iter().enumerate().map(|(i, &(days, absent))| {
                let mut p = person(&format!("p{i}"), &[]);
                p.days = Days::of(WEEK.into_iter().filter(|d| days & (1 << *d as u8) != 0));
                if let Some((from, len)) = absent {
                    let from = base + i64::from(from).days();
                    p.absent = vec![(from, from + i64::from(len).days())];
                }
                p
            }).collect(),
            pairs: Vec::new(),
        };
        let n = people.len();
        let pairs: Vec<PairRef> = links.iter()
            .map(|&(a, b)| (a % n, b % n))
            .filter(|(a, b)| a != b)
            .map(|(a, b)| pair(&format!("p{a}"), &format!("p{b}")))
            .collect();
        let config = ScheduleConfig {
            cadence_weeks: cadence,
            months: 8,
            max_per_day: per_day,
            closing_days: closing.iter().map(|&c| base + i64::from(c).days()).collect(),
            ..ScheduleConfig::default()
        };
        (roster, pairs, base + i64::from(start).days(), config)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_rule_holds((roster, pairs, start, config) in setup()) {
        let out = schedule(&roster, &pairs, start, &config);
        let people = roster.by_id();
        let mut closed: BTreeSet<Date> = config.closing_days.clone();
        for y in 2025..=2030 {
            closed.extend(holidays(y, config.holidays).into_iter().map(|(d, _)| d));
        }
        let day = |d: Date| WEEK.get(d.weekday().to_monday_zero_offset() as usize).copied();
        let mut per_day: std::collections::BTreeMap<(&str, Date), u8> = Default::default();
        let mut busy: BTreeSet<(&str, Date, jiff::civil::Time)> = BTreeSet::new();
        for r in &out.reviews {
            prop_assert!(!closed.contains(&r.date), "holiday or closing day {}", r.date);
            let d = day(r.date);
            prop_assert!(d.is_some(), "weekend {}", r.date);
            for id in [&r.mentee, &r.mentor] {
                let p = people[id.as_str()];
                prop_assert!(p.days.contains(d.unwrap()), "{id} does not work on {}", r.date);
                prop_assert!(!p.absent.iter().any(|&(a, b)| a <= r.date && r.date <= b));
                prop_assert!(busy.insert((id.as_str(), r.date, r.start)), "{id} twice at {} {}", r.date, r.start);
            }
            let n = per_day.entry((r.mentor.as_str(), r.date)).or_default();
            *n += 1;
            prop_assert!(*n <= config.max_per_day);
            // Cadence kept from the ideal dates.
            let first = people[r.mentee.as_str()].start.map_or(start, |s| s.max(start));
            prop_assert_eq!(r.ideal, first + (i64::from(config.cadence_weeks) * 7 * i64::from(r.number - 1)).days());
            prop_assert!(r.date >= first);
            prop_assert!((r.date - r.ideal).get_days().abs() <= 7 + 2 * i32::from(config.max_shift) + 10);
        }
        // Nothing silently dropped: every ideal review is placed or reported.
        let expected: usize = pairs.iter().map(|p| {
            let first = people[p.mentee.as_str()].start.map_or(start, |s| s.max(start));
            let end = first + i64::from(config.months).months();
            (0..).take_while(|k| first + (i64::from(config.cadence_weeks) * 7 * k).days() < end).count()
        }).sum();
        prop_assert_eq!(out.reviews.len() + out.unplaced.len(), expected);
    }
}
