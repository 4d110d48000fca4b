//! Review scheduling: Dutch holidays, the placement rules, and the files.

// jiff's spans are fine in native tests: the clippy.toml rule against them
// is about what the web build carries.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeSet;

use doorgroei::format::{
    calendar_file_names, load_schedule_config, schedule_config_to_yaml, schedule_to_csv,
    schedule_to_ics, uid, ScheduleFile,
};
use doorgroei::i18n::Lang;
use doorgroei::roster::{Day, Days, Person, Roster};
use doorgroei::schedule::{
    easter, holidays, per_pair, schedule, schedule_keeping, stagger, summary, HolidayRules,
    Liberation, PairRef, Review, ScheduleConfig, Unplaced,
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
    let out = schedule(&roster, &[pair("j", "s")], date(2027, 1, 4), &unstaggered());
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

/// A review that is not on its ideal day says why, in both languages, and
/// the calendar file says it with the weekday it was meant for.
#[test]
fn a_moved_review_says_why() {
    let mut absent = person("j", &WEEK);
    absent.absent = vec![(date(2027, 1, 4), date(2027, 1, 5))];
    // (people, pairs, start, reviews per mentor per day, the reason in
    // Dutch and English, the calendar file's line)
    type Case = (
        Vec<Person>,
        Vec<PairRef>,
        Date,
        u8,
        &'static str,
        &'static str,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        // Koningsdag, Tuesday 27 April 2027.
        (
            vec![person("j", &WEEK), person("s", &WEEK)],
            vec![pair("j", "s")],
            date(2027, 4, 27),
            2,
            "Koningsdag",
            "King's Day",
            "Verschoven van dinsdag 27-4-2027: Koningsdag.",
        ),
        (
            vec![person("j", &WEEK), person("s", &[Day::Mon, Day::Wed])],
            vec![pair("j", "s")],
            date(2027, 1, 5),
            2,
            "Naam s (mentor) werkt niet op dinsdag",
            "Naam s (mentor) does not work on Tuesdays",
            "Verschoven van dinsdag 5-1-2027: Naam s (mentor) werkt niet op dinsdag.",
        ),
        (
            vec![absent, person("s", &WEEK)],
            vec![pair("j", "s")],
            date(2027, 1, 4),
            2,
            "Naam j (mentee) is afwezig",
            "Naam j (mentee) is absent",
            "Verschoven van maandag 4-1-2027: Naam j (mentee) is afwezig.",
        ),
        (
            vec![person("j", &WEEK), person("k", &WEEK), person("s", &WEEK)],
            vec![pair("j", "s"), pair("k", "s")],
            date(2027, 1, 4),
            1,
            "Naam s (mentor) heeft die dag al 1 bespreking",
            "Naam s (mentor) already has 1 review that day",
            "Verschoven van maandag 4-1-2027: Naam s (mentor) heeft die dag al 1 bespreking.",
        ),
    ];
    // Without the spread, a start on a Saturday: its ideal day is in the weekend.
    let weekend = (
        vec![person("j", &WEEK), person("s", &WEEK)],
        vec![pair("j", "s")],
        date(2027, 1, 2),
        2,
        "weekend",
        "weekend",
        "Verschoven van zaterdag 2-1-2027: weekend.",
    );
    for (people, pairs, start, per_day, nl, en, ics) in cases.into_iter().chain([weekend]) {
        let roster = Roster {
            people,
            pairs: Vec::new(),
        };
        let config = ScheduleConfig {
            months: 1,
            max_per_day: per_day,
            ..unstaggered()
        };
        let out = schedule(&roster, &pairs, start, &config);
        let moved: Vec<_> = out.reviews.iter().filter(|r| r.date != r.ideal).collect();
        assert!(!moved.is_empty(), "{nl}: {:#?}", out.reviews);
        let why = moved[0].moved.clone().expect("a reason");
        assert_eq!((why.nl.as_str(), why.en.as_str()), (nl, en));
        // Reviews on their day have none.
        assert!(out
            .reviews
            .iter()
            .filter(|r| r.date == r.ideal)
            .all(|r| r.moved.is_none()));
        let file = schedule_to_ics(&out, &roster, Lang::Nl, jiff::Timestamp::UNIX_EPOCH, None);
        let unfolded = file.replace("\r\n ", "");
        assert!(
            unfolded.contains(&ics.replace(',', "\\,")),
            "{ics}\n{unfolded}"
        );
    }
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
    let out = schedule(&roster, &[pair("j", "s")], date(2027, 1, 4), &unstaggered());
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
        ..unstaggered()
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
    let out = schedule(&roster, &pairs, date(2027, 1, 4), &unstaggered());
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
        "schema: doorgroei/schedule@1\nmonths: 1\nclosing_days: [2027-03-01]\nday_start: '08:30'\nstagger: false\n";
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
        ..unstaggered()
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
        stagger in any::<bool>(),
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
            stagger,
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
        // Each pair's first review within its first cadence period; none
        // without stagger. (A pair given twice has one offset.)
        let (offsets, _) = stagger(&roster, &pairs, start, &config);
        let cadence = i64::from(config.cadence_weeks) * 7;
        for &o in &offsets {
            prop_assert!((0..cadence).contains(&o), "offset {o}");
            prop_assert!(config.stagger || o == 0, "offset {o} without stagger");
        }
        let offsets_of = |mentee: &str, mentor: &str| -> Vec<i64> {
            pairs.iter().zip(&offsets).filter(|(p, _)| p.mentee == mentee && p.mentor == mentor).map(|(_, &o)| o).collect()
        };
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
            // Cadence kept from the ideal dates, from the pair's offset.
            let first = people[r.mentee.as_str()].start.map_or(start, |s| s.max(start));
            let ideal = |o: i64| first + (o + cadence * i64::from(r.number - 1)).days();
            prop_assert!(offsets_of(&r.mentee, &r.mentor).into_iter().any(|o| r.ideal == ideal(o)), "ideal {}", r.ideal);
            prop_assert!(r.date >= first);
            prop_assert!((r.date - r.ideal).get_days().abs() <= 7 + 2 * i32::from(config.max_shift) + 10);
        }
        // Nothing silently dropped: every ideal review is placed or reported.
        let expected: usize = pairs.iter().enumerate().map(|(i, p)| {
            let first = people[p.mentee.as_str()].start.map_or(start, |s| s.max(start));
            let end = first + i64::from(config.months).months();
            (0..).take_while(|k| first + (offsets[i] + cadence * k).days() < end).count()
        }).sum();
        prop_assert_eq!(out.reviews.len() + out.unplaced.len(), expected);
        // Each pair's reviews, as a search of all of them finds them (for
        // pairs given once each, as a roster's are).
        let grouped = per_pair(&out, &pairs);
        prop_assert_eq!(grouped.len(), pairs.len());
        let distinct: BTreeSet<(&str, &str)> =
            pairs.iter().map(|p| (p.mentee.as_str(), p.mentor.as_str())).collect();
        for (p, found) in pairs.iter().zip(&grouped).filter(|_| distinct.len() == pairs.len()) {
            let all: Vec<usize> = (0..out.reviews.len())
                .filter(|&i| out.reviews[i].mentee == p.mentee && out.reviews[i].mentor == p.mentor)
                .collect();
            prop_assert_eq!(found, &all, "{} · {}", p.mentor, p.mentee);
        }
    }
}

/// The ICS text with its folded lines joined again (RFC 5545 §3.1).
fn unfolded(ics: &str) -> String {
    ics.replace("\r\n ", "")
}

fn two(people: Vec<Person>) -> Roster {
    Roster {
        people,
        pairs: Vec::new(),
    }
}

/// Roster, pairs, start, settings, language; the lines and warnings expected.
type SummaryCase<'a> = (
    &'a Roster,
    Vec<PairRef>,
    Date,
    ScheduleConfig,
    Lang,
    &'a [&'a str],
    &'a [&'a str],
);

/// The summary's lines and warnings in one language.
fn summary_of(
    roster: &Roster,
    pairs: &[PairRef],
    start: Date,
    config: &ScheduleConfig,
    lang: Lang,
) -> (Vec<String>, Vec<String>) {
    let plan = schedule(roster, pairs, start, config);
    let about = summary(&plan, pairs.len(), start);
    let text =
        |v: &[doorgroei::i18n::Bilingual]| v.iter().map(|b| b.get(lang).to_string()).collect();
    (text(&about.lines), text(&about.warnings))
}

#[test]
fn the_summary_covers_the_dates_it_lists() {
    let one = two(vec![person("j", &WEEK), person("s", &WEEK)]);
    let mut late = person("k", &WEEK);
    late.start = Some(date(2030, 3, 4));
    let mut later = person("l", &WEEK);
    later.start = Some(date(2031, 6, 2));
    let with_late = two(vec![person("j", &WEEK), late.clone(), person("s", &WEEK)]);
    let with_two_late = two(vec![person("j", &WEEK), late, later, person("s", &WEEK)]);
    let none_shared = two(vec![person("j", &[Day::Mon]), person("s", &[Day::Fri])]);
    let months = |m: u8, cadence: u8| ScheduleConfig {
        months: m,
        cadence_weeks: cadence,
        max_shift: 2,
        ..unstaggered()
    };
    let d = date(2027, 1, 4);
    #[rustfmt::skip]
    let cases: Vec<SummaryCase> = vec![
        // A year from Monday 4 January 2027: 14 Mondays, the last on 3 January 2028.
        (&one, vec![pair("j", "s")], d, months(12, 4), Lang::Nl,
         &["14 besprekingen gepland voor 1 koppeling van 4-1-2027 tot en met 3-1-2028; 0 niet te plaatsen.",
           "Elke 4 weken, 12 maanden per koppeling vanaf 4-1-2027."], &[]),
        // One review (the next would be 5 weeks on, after the one month): singulars.
        (&one, vec![pair("j", "s")], d, months(1, 5), Lang::En,
         &["1 review planned for 1 pair from 2027-01-04 to 2027-01-04; 0 could not be placed.",
           "Every 5 weeks, 1 month per pair from 2027-01-04."], &[]),
        // A mentee who starts in March 2030 pushes the dates listed into 2030.
        (&with_late, vec![pair("j", "s"), pair("k", "s")], d, months(1, 6), Lang::Nl,
         &["2 besprekingen gepland voor 2 koppelingen van 4-1-2027 tot en met 4-3-2030; 0 niet te plaatsen.",
           "Elke 6 weken, 1 maand per koppeling vanaf 4-1-2027.",
           "1 mentee begint later: de periode van 1 maand loopt voor die mentee vanaf 4-3-2030."], &[]),
        (&with_two_late, vec![pair("j", "s"), pair("k", "s"), pair("l", "s")], d, months(2, 6), Lang::En,
         &["6 reviews planned for 3 pairs from 2027-01-04 to 2031-07-14; 0 could not be placed.",
           "Every 6 weeks, 2 months per pair from 2027-01-04.",
           "2 mentees start later: their period of 2 months runs from their own start date (the last 2031-06-02)."], &[]),
        // Nothing falls in the period: past the last date the calendar knows.
        (&one, vec![pair("j", "s")], date(9999, 12, 31), months(12, 4), Lang::Nl,
         &["0 besprekingen gepland voor 1 koppeling; 1 niet te plaatsen.",
           "Elke 4 weken, 12 maanden per koppeling vanaf 31-12-9999."],
         &["Er valt geen enkele bespreking in deze periode; bij de koppelingen die niet te plaatsen zijn staat waarom."]),
        (&one, vec![], d, months(12, 4), Lang::En,
         &["0 reviews planned for 0 pairs; 0 could not be placed.",
           "Every 4 weeks, 12 months per pair from 2027-01-04."],
         &["There are no pairs to plan reviews for."]),
        // Reviews in the period, none placed: from 4 January, with 2 February in the month.
        (&none_shared, vec![pair("j", "s")], d, months(1, 4), Lang::En,
         &["0 reviews planned for 1 pair from 2027-01-04 to 2027-02-01; 2 could not be placed.",
           "Every 4 weeks, 1 month per pair from 2027-01-04."],
         &["Not a single review could be placed."]),
    ];
    for (roster, pairs, start, config, lang, lines, warnings) in cases {
        let (got_lines, got_warnings) = summary_of(roster, &pairs, start, &config, lang);
        assert_eq!(got_lines, lines, "{pairs:?} from {start}");
        assert_eq!(got_warnings, warnings, "{pairs:?} from {start}");
    }
}

#[test]
fn a_period_past_the_calendar_is_reported_for_the_pair() {
    let roster = two(vec![person("j", &WEEK), person("s", &WEEK)]);
    let out = schedule(
        &roster,
        &[pair("j", "s")],
        date(9999, 12, 31),
        &unstaggered(),
    );
    assert!(out.reviews.is_empty());
    assert_eq!(out.unplaced.len(), 1);
    assert_eq!(out.unplaced[0].number, 0);
    assert_eq!(
        out.unplaced[0].reason.en,
        "the period of 12 months from 9999-12-31 runs past 9999-12-31, the last date the calendar knows"
    );
}

/// Roster, pairs, start, settings; the first unplaced review's reason in Dutch and English.
type ReasonCase<'a> = (
    &'a Roster,
    Vec<PairRef>,
    Date,
    ScheduleConfig,
    &'a str,
    &'a str,
);

#[test]
fn reasons_count_days_and_reviews_in_singular_and_plural() {
    // Monday 4 January 2027; the pair shares no day, or the mentor is full.
    let apart = two(vec![person("j", &[Day::Mon]), person("s", &[Day::Fri])]);
    let busy = two(vec![
        person("j", &[Day::Mon]),
        person("k", &[Day::Mon]),
        person("s", &[Day::Mon]),
    ]);
    let config = |shift: u8, per_day: u8| ScheduleConfig {
        months: 1,
        max_shift: shift,
        max_per_day: per_day,
        ..unstaggered()
    };
    #[rustfmt::skip]
    let cases: Vec<ReasonCase> = vec![
        (&apart, vec![pair("j", "s")], date(2027, 1, 4), config(0, 2),
         "mentor en mentee werken niet allebei op 4-1-2027",
         "mentor and mentee do not both work on 2027-01-04"),
        (&apart, vec![pair("j", "s")], date(2027, 1, 4), config(1, 2),
         "er is binnen 1 werkdag van 4-1-2027 geen dag waarop beiden werken",
         "there is no day within 1 working day of 2027-01-04 on which both work"),
        (&apart, vec![pair("j", "s")], date(2027, 1, 4), config(3, 2),
         "er is binnen 3 werkdagen van 4-1-2027 geen dag waarop beiden werken",
         "there is no day within 3 working days of 2027-01-04 on which both work"),
        (&busy, vec![pair("j", "s"), pair("k", "s")], date(2027, 1, 4), config(0, 1),
         "de mentor heeft op 4-1-2027 al 1 bespreking",
         "the mentor already has 1 review on 2027-01-04"),
        (&busy, vec![pair("j", "s"), pair("k", "s")], date(2027, 1, 4), config(1, 1),
         "de mentor heeft op elke mogelijke dag binnen 1 werkdag van 4-1-2027 al 1 bespreking",
         "the mentor already has 1 review on every possible day within 1 working day of 2027-01-04"),
        // Easter Monday 2027 with no room to move.
        (&busy, vec![pair("j", "s")], date(2027, 3, 29), config(0, 2),
         "29-3-2027 is een feestdag of sluitingsdag",
         "2027-03-29 is a holiday or closing day"),
    ];
    for (roster, pairs, start, config, nl, en) in cases {
        let out = schedule(roster, &pairs, start, &config);
        let first = &out.unplaced[0];
        assert_eq!((first.ideal, first.reason.nl.as_str()), (start, nl));
        assert_eq!(first.reason.en, en);
    }
}

#[test]
fn calendar_texts_name_the_cadence() {
    let roster = two(vec![person("j", &WEEK), person("s", &WEEK)]);
    let stamp: jiff::Timestamp = "2026-11-22T10:00:00Z".parse().unwrap();
    let cases = [
        (
            4,
            Lang::Nl,
            "Vierwekelijkse casusbespreking nummer 1: Naam s (mentor)",
        ),
        (
            5,
            Lang::Nl,
            "Vijfwekelijkse casusbespreking nummer 1: Naam s (mentor)",
        ),
        (
            6,
            Lang::Nl,
            "Zeswekelijkse casusbespreking nummer 1: Naam s (mentor)",
        ),
        // (A comma in a TEXT value is escaped.)
        (
            4,
            Lang::En,
            "Case review number 1\\, every four weeks: Naam s (mentor)",
        ),
        (
            6,
            Lang::En,
            "Case review number 1\\, every six weeks: Naam s (mentor)",
        ),
        (
            9,
            Lang::Nl,
            "Casusbespreking (elke 9 weken) nummer 1: Naam s (mentor)",
        ),
        (
            9,
            Lang::En,
            "Case review number 1\\, every 9 weeks: Naam s (mentor)",
        ),
    ];
    for (cadence, lang, expected) in cases {
        let config = ScheduleConfig {
            cadence_weeks: cadence,
            months: 1,
            ..unstaggered()
        };
        let out = schedule(&roster, &[pair("j", "s")], date(2027, 1, 4), &config);
        let ics = unfolded(&schedule_to_ics(&out, &roster, lang, stamp, None));
        assert!(
            ics.contains(&format!("DESCRIPTION:{}", expected)),
            "{cadence} weeks: {ics}"
        );
        if cadence != 4 {
            assert!(!ics.contains("Vierwekelijks") && !ics.contains("four weeks"));
        }
    }
}

/// Ids, names already taken; each person's file name and the name it wanted.
type NameCase<'a> = (
    &'a [&'a str],
    &'a [&'a str],
    &'a [(&'a str, Option<&'a str>)],
);

#[test]
fn calendar_file_names_are_unique_per_person() {
    #[rustfmt::skip]
    let cases: &[NameCase] = &[
        // The id that is a file name already keeps it; the other gets a suffix.
        (&["j/1", "j_1"], &[], &[("j_1-2.ics", Some("j_1.ics")), ("j_1.ics", None)]),
        (&["j_1", "j/1", "j 1"], &[], &[("j_1.ics", None), ("j_1-2.ics", Some("j_1.ics")), ("j_1-3.ics", Some("j_1.ics"))]),
        // Case does not make two files on Windows or macOS.
        (&["J1", "j1"], &[], &[("J1.ics", None), ("j1-2.ics", Some("j1.ics"))]),
        // A suffixed name is not another person's own name.
        (&["a b", "a_b", "a_b-2"], &[], &[("a_b-3.ics", Some("a_b.ics")), ("a_b.ics", None), ("a_b-2.ics", None)]),
        // The file with every review, and Windows' device names, are taken.
        (&["alle-besprekingen"], &["alle-besprekingen.ics"], &[("alle-besprekingen-2.ics", Some("alle-besprekingen.ics"))]),
        (&["con", "Nul", "j0001"], &[], &[("con-2.ics", Some("con.ics")), ("Nul-2.ics", Some("Nul.ics")), ("j0001.ics", None)]),
        (&["", "Zoë", "../x"], &[], &[("_.ics", None), ("Zoë.ics", None), ("___x.ics", None)]),
    ];
    for &(ids, reserved, expected) in cases {
        let got: Vec<(String, Option<String>)> = calendar_file_names(ids, reserved)
            .into_iter()
            .zip(ids)
            .map(|(f, id)| {
                assert_eq!(f.person, *id);
                (f.name, f.wanted)
            })
            .collect();
        let expected: Vec<(String, Option<String>)> = expected
            .iter()
            .map(|(n, w)| (n.to_string(), w.map(str::to_string)))
            .collect();
        assert_eq!(got, expected, "{ids:?}");
    }
}

proptest! {
    #[test]
    fn calendar_file_names_never_clash(ids in prop::collection::btree_set("[aA/_ .1-]{0,4}", 0..30)) {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let files = calendar_file_names(&ids, &["all-reviews.ics"]);
        let mut seen = BTreeSet::new();
        for f in &files {
            prop_assert!(f.name.ends_with(".ics"));
            prop_assert!(!f.name.contains(['/', '\\', ' ']), "{}", f.name);
            prop_assert!(seen.insert(f.name.to_lowercase()), "{} twice", f.name);
            prop_assert_ne!(f.name.to_lowercase(), "all-reviews.ics");
        }
    }
}

/// Placed reviews per mentee, in the order of `mentees`.
fn held(out: &doorgroei::schedule::Schedule, mentees: &[String]) -> Vec<usize> {
    mentees
        .iter()
        .map(|m| out.reviews.iter().filter(|r| &r.mentee == m).count())
        .collect()
}

#[test]
fn who_loses_out_rotates_when_a_mentor_is_full() {
    // One mentor, mentees who all work the same days: more reviews than the
    // mentor's days hold. Every mentee then holds as many reviews as the
    // others, give or take one, and nobody waits much longer than the
    // others for the next one.
    #[rustfmt::skip]
    let cases: &[(&str, &[Day], usize, u8, Date)] = &[
        // The tester's case: Wednesdays, 10 mentees, 2 a day, from a Monday.
        ("wednesdays from a monday", &[Day::Wed], 10, 2, date(2027, 1, 4)),
        ("wednesdays from a wednesday", &[Day::Wed], 10, 2, date(2027, 1, 6)),
        ("two days, one a day", &[Day::Tue, Day::Thu], 7, 1, date(2027, 2, 1)),
        ("the whole week, 3 a day", &WEEK, 40, 3, date(2027, 5, 3)),
    ];
    for &(name, days, n, per_day, start) in cases {
        let mentees: Vec<String> = (0..n).map(|i| format!("j{i}")).collect();
        let mut people: Vec<Person> = mentees.iter().map(|m| person(m, days)).collect();
        people.push(person("s", days));
        let pairs: Vec<PairRef> = mentees.iter().map(|m| pair(m, "s")).collect();
        let config = ScheduleConfig {
            months: 36,
            max_per_day: per_day,
            ..unstaggered()
        };
        let out = schedule(&two(people), &pairs, start, &config);
        let counts = held(&out, &mentees);
        let (low, high) = (*counts.iter().min().unwrap(), *counts.iter().max().unwrap());
        assert!(low > 0, "{name}: {counts:?}");
        assert!(high - low <= 1, "{name}: {counts:?}");
        // Nobody waits much longer than the others: with a share `placed /
        // wanted` of the reviews placed, a turn comes every `wanted / placed`
        // cadence periods, rounded up; one period more for the weeks with a
        // holiday (fewer days), and two weeks for the moves.
        let wanted = out.reviews.len() + out.unplaced.len();
        let turns = wanted.div_ceil(out.reviews.len()) as i32 + 1;
        let longest = mentees
            .iter()
            .flat_map(|m| {
                let dates: Vec<Date> = out
                    .reviews
                    .iter()
                    .filter(|r| &r.mentee == m)
                    .map(|r| r.date)
                    .collect();
                dates
                    .windows(2)
                    .map(|w| (w[1] - w[0]).get_days())
                    .collect::<Vec<_>>()
            })
            .max()
            .unwrap();
        assert!(
            longest <= turns * 28 + 14,
            "{name}: a wait of {longest} days, {turns} turns ({counts:?})"
        );
    }
}

prop_compose! {
    /// One mentor and mentees alike in days, start and absences; the mentor
    /// has days off of their own.
    fn crowded()(
        mentor_days in 1u8..32,
        extra in 0u8..32,
        n in 2usize..12,
        per_day in 1u8..=3,
        cadence in 4u8..=6,
        shift in 0u8..=5,
        start in 0u16..400,
        mentee_start in prop::option::of(0u16..200),
        mentee_absent in prop::option::of((0u16..900, 0u16..60)),
        mentor_absent in prop::option::of((0u16..900, 0u16..60)),
        closing in prop::collection::vec(0u16..1200, 0..4),
    ) -> (Roster, Vec<String>, Date, ScheduleConfig) {
        let base = date(2026, 1, 1);
        let on = |bits: u8| WEEK.into_iter().filter(move |d| bits & (1 << *d as u8) != 0);
        let period = |(from, len): (u16, u16)| {
            let from = base + i64::from(from).days();
            (from, from + i64::from(len).days())
        };
        let mentees: Vec<String> = (0..n).map(|i| format!("j{i}")).collect();
        let mut people: Vec<Person> = mentees.iter().map(|m| {
            let mut p = person(m, &[]);
            p.days = Days::of(on(mentor_days | extra));
            p.start = mentee_start.map(|s| base + i64::from(s).days());
            p.absent = mentee_absent.map(period).into_iter().collect();
            p
        }).collect();
        let mut mentor = person("s", &[]);
        mentor.days = Days::of(on(mentor_days));
        mentor.absent = mentor_absent.map(period).into_iter().collect();
        people.push(mentor);
        let config = ScheduleConfig {
            cadence_weeks: cadence,
            months: 36,
            max_shift: shift,
            max_per_day: per_day,
            closing_days: closing.iter().map(|&c| base + i64::from(c).days()).collect(),
            ..unstaggered()
        };
        (two(people), mentees, base + i64::from(start).days(), config)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// "At most one cadence period's worth": mentees of one mentor with the
    /// same days, start and absences have the same ideal dates, so each
    /// cadence period offers them the same days; over 36 months the numbers
    /// of reviews they hold differ by at most one (one period's review).
    /// This holds while the days a review may move to do not reach into the
    /// next period's (a shift of up to 5 working days, 4 to 6 weeks apart).
    #[test]
    fn alike_mentees_of_one_mentor_hold_reviews_within_one((roster, mentees, start, config) in crowded()) {
        let pairs: Vec<PairRef> = mentees.iter().map(|m| pair(m, "s")).collect();
        let out = schedule(&roster, &pairs, start, &config);
        let counts = held(&out, &mentees);
        let (low, high) = (*counts.iter().min().unwrap(), *counts.iter().max().unwrap());
        prop_assert!(high - low <= 1, "{:?}", counts);
    }
}

/// The scheduling settings with the first reviews not spread: the tests of
/// the placement rules read simplest from ideal dates on the start day.
fn unstaggered() -> ScheduleConfig {
    ScheduleConfig {
        stagger: false,
        ..ScheduleConfig::default()
    }
}

/// The example roster and the pairs a matching gives it.
fn example_pairs() -> (Roster, Vec<PairRef>) {
    let ladder = doorgroei::format::load_ladder(
        "welzijn-groeit.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap();
    let roster = doorgroei::format::load_roster_yaml(
        "rooster-welzijn-groeit.yaml",
        include_str!("../../../pathways/rooster-welzijn-groeit.yaml"),
        &ladder,
    )
    .unwrap();
    let matched = doorgroei::matching::assign(&ladder, &roster, &Default::default());
    let pairs: Vec<PairRef> = matched.pairs.iter().map(PairRef::from).collect();
    (roster, pairs)
}

/// First reviews per day, the open working days of the first period, and
/// the distinct times of all reviews, for the example roster's matching.
fn example_load(config: &ScheduleConfig, start: Date) -> (usize, usize, usize, usize) {
    let (roster, pairs) = example_pairs();
    let out = schedule(&roster, &pairs, start, config);
    let mut per_day: std::collections::BTreeMap<Date, usize> = Default::default();
    for r in out.reviews.iter().filter(|r| r.number == 1) {
        *per_day.entry(r.date).or_default() += 1;
    }
    let closed: BTreeSet<Date> = holidays(start.year(), config.holidays)
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    let days = (0..i64::from(config.cadence_weeks) * 7)
        .map(|k| start + k.days())
        .filter(|d| {
            !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) && !closed.contains(d)
        })
        .count();
    let times: BTreeSet<String> = out.reviews.iter().map(|r| r.start.to_string()).collect();
    (
        pairs.len(),
        days,
        per_day.values().copied().max().unwrap_or(0),
        times.len(),
    )
}

#[test]
fn the_example_rosters_first_reviews_are_spread_over_the_first_four_weeks_and_the_day() {
    for start in [date(2027, 1, 4), date(2027, 4, 19), date(2026, 11, 30)] {
        let (pairs, days, most, times) = example_load(&ScheduleConfig::default(), start);
        assert!(pairs >= 10, "{pairs} pairs");
        let bound = pairs.div_ceil(days) + 1;
        assert!(most <= bound, "from {start}: {most} first reviews on one day, bound {bound} ({pairs} pairs, {days} days)");
        assert!(
            times >= 6,
            "from {start}: reviews at only {times} different times"
        );
        // Without the spread they pile up, as the issue found.
        let (_, _, unspread, few) = example_load(&unstaggered(), start);
        assert!(
            unspread > bound && few <= 3,
            "without stagger: {unspread} on one day, {few} times"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// When everyone works every weekday, the first reviews of a period are
    /// spread to within one of an even share per open day, and a mentor's
    /// pairs (no more of them than open days) each get a day of their own.
    #[test]
    fn first_reviews_spread_evenly_when_everyone_works_every_day(
        mentors in 1usize..12,
        links in prop::collection::vec(0usize..100, 1..60),
        start in 0u16..700,
        cadence in 4u8..=6,
    ) {
        let base = date(2026, 1, 1);
        let start = base + i64::from(start).days();
        let mut people: Vec<Person> = (0..mentors).map(|i| person(&format!("m{i}"), &WEEK)).collect();
        people.extend((0..links.len()).map(|i| person(&format!("j{i}"), &WEEK)));
        let roster = Roster { people, pairs: Vec::new() };
        let pairs: Vec<PairRef> = links
            .iter()
            .enumerate()
            .map(|(i, &m)| pair(&format!("j{i}"), &format!("m{}", m % mentors)))
            .collect();
        let config = ScheduleConfig { cadence_weeks: cadence, ..ScheduleConfig::default() };
        let (offsets, _) = stagger(&roster, &pairs, start, &config);
        let firsts: Vec<Date> = offsets.iter().map(|&o| start + o.days()).collect();
        let closed: BTreeSet<Date> = (start.year()..=start.year() + 1)
            .flat_map(|y| holidays(y, config.holidays))
            .map(|(d, _)| d)
            .collect();
        let open = |d: &Date| !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) && !closed.contains(d);
        let days = (0..i64::from(cadence) * 7).map(|k| start + k.days()).filter(open).count();
        prop_assert!(firsts.iter().all(open), "a first review on a closed day");
        let mut per_day: std::collections::BTreeMap<Date, usize> = Default::default();
        let mut per_mentor_day: std::collections::BTreeMap<(&str, Date), usize> = Default::default();
        for (p, d) in pairs.iter().zip(&firsts) {
            *per_day.entry(*d).or_default() += 1;
            *per_mentor_day.entry((p.mentor.as_str(), *d)).or_default() += 1;
        }
        let most = per_day.values().copied().max().unwrap_or(0);
        prop_assert!(most <= pairs.len().div_ceil(days) + 1, "{most} on one day for {} pairs over {days} days", pairs.len());
        for m in 0..mentors {
            let id = format!("m{m}");
            let theirs = pairs.iter().filter(|p| p.mentor == id).count();
            let worst = per_mentor_day.iter().filter(|((x, _), _)| *x == id).map(|(_, &n)| n).max().unwrap_or(0);
            prop_assert!(worst <= theirs.div_ceil(days).max(1), "{id}: {worst} of {theirs} on one day");
        }
    }
}

#[test]
fn an_unplaced_review_names_who_is_absent() {
    let away = |p: &mut Person| p.absent = vec![(date(2027, 1, 1), date(2027, 1, 31))];
    // Who is away → the first review's reason, in Dutch and in English.
    let cases: [(bool, bool, &str, &str); 3] = [
        (
            true,
            false,
            "Naam j (mentee) is afwezig binnen 5 werkdagen van 4-1-2027",
            "Naam j (mentee) is absent within 5 working days of 2027-01-04",
        ),
        (
            false,
            true,
            "Naam s (mentor) is afwezig binnen 5 werkdagen van 4-1-2027",
            "Naam s (mentor) is absent within 5 working days of 2027-01-04",
        ),
        (
            true,
            true,
            "Naam j (mentee) en Naam s (mentor) zijn afwezig binnen 5 werkdagen van 4-1-2027",
            "Naam j (mentee) and Naam s (mentor) are absent within 5 working days of 2027-01-04",
        ),
    ];
    for (mentee_away, mentor_away, nl, en) in cases {
        let (mut j, mut s) = (person("j", &WEEK), person("s", &WEEK));
        if mentee_away {
            away(&mut j);
        }
        if mentor_away {
            away(&mut s);
        }
        let out = schedule(
            &two(vec![j, s]),
            &[pair("j", "s")],
            date(2027, 1, 4),
            &unstaggered(),
        );
        let first = out
            .unplaced
            .iter()
            .find(|u| u.number == 1)
            .expect("review 1 unplaced");
        assert_eq!(
            (first.reason.nl.as_str(), first.reason.en.as_str()),
            (nl, en)
        );
    }
}

/// Any scheduling settings within their limits.
fn any_settings() -> impl Strategy<Value = ScheduleConfig> {
    (
        (4u8..=6, 1u8..=36, 0u8..=10, 1u8..=8, 15u16..=240),
        (
            0u16..(24 * 60 - 1),
            1u16..(24 * 60),
            any::<bool>(),
            any::<bool>(),
        ),
        (
            any::<bool>(),
            prop::collection::btree_set(0i32..3_000, 0..6),
        ),
    )
        .prop_map(
            |(
                (cadence, months, shift, per_day, slot),
                (from, length, friday, every),
                (stagger, closing),
            )| {
                let to = (from + length).min(24 * 60 - 1);
                let time =
                    |m: u16| jiff::civil::Time::constant((m / 60) as i8, (m % 60) as i8, 0, 0);
                let first = date(2026, 1, 1);
                ScheduleConfig {
                    cadence_weeks: cadence,
                    months,
                    max_shift: shift,
                    max_per_day: per_day,
                    slot_minutes: slot,
                    day_start: time(from),
                    day_end: time(to.max(from + 1)),
                    holidays: HolidayRules {
                        good_friday: friday,
                        liberation: if every {
                            Liberation::EveryYear
                        } else {
                            Liberation::Lustrum
                        },
                    },
                    closing_days: closing
                        .into_iter()
                        .map(|d| first.checked_add(d.days()).unwrap())
                        .collect(),
                    stagger,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The settings file the app downloads reads back as the same
    /// settings, and so does the form the app keeps and sends them in.
    #[test]
    fn written_settings_read_back_the_same(config in any_settings()) {
        let text = schedule_config_to_yaml(&config);
        let read = load_schedule_config("planning.yaml", &text);
        prop_assert_eq!(read.as_ref().ok(), Some(&config), "{}", text);
        prop_assert_eq!(ScheduleFile::from(&config).config(), Some(config));
    }
}

#[test]
fn the_written_settings_file_spells_out_every_field() {
    let example = include_str!("../../../pathways/planning.yaml");
    let config = load_schedule_config("planning.yaml", example).unwrap();
    let written = schedule_config_to_yaml(&config);
    let expected = "# yaml-language-server: $schema=./schema/schedule.schema.json
schema: doorgroei/schedule@1
cadence_weeks: 4
months: 36
max_shift_days: 5
max_per_day: 2
slot_minutes: 60
day_start: \"09:00\"
day_end: \"17:00\"
good_friday: false
liberation_day: lustrum
closing_days: [2027-12-27, 2027-12-28, 2027-12-29, 2027-12-30, 2027-12-31]
stagger: true
";
    assert_eq!(written, expected);
    // A file with a field out of its limits gives no settings.
    let wrong = |f: fn(&mut ScheduleFile)| {
        let mut file = ScheduleFile::from(&config);
        f(&mut file);
        file.config()
    };
    assert_eq!(wrong(|f| f.max_per_day = Some(9)), None);
    assert_eq!(wrong(|f| f.day_end = Some("08:00".into())), None);
    assert_eq!(wrong(|f| f.closing_days.push("31-12-2027".into())), None);
}

/// Each pair once, in order.
fn each_once(pairs: Vec<PairRef>) -> Vec<PairRef> {
    let mut seen = BTreeSet::new();
    pairs
        .into_iter()
        .filter(|p| seen.insert((p.mentee.clone(), p.mentor.clone())))
        .collect()
}

/// What a schedule plans for the pair `mentee`–`mentor`: its reviews
/// (number, day, time) and the numbers of those not placed.
fn plan_of(
    reviews: &[Review],
    unplaced: &[Unplaced],
    mentee: &str,
    mentor: &str,
) -> (Vec<(u32, Date, jiff::civil::Time)>, Vec<u32>) {
    (
        reviews
            .iter()
            .filter(|r| r.mentee == mentee && r.mentor == mentor)
            .map(|r| (r.number, r.date, r.start))
            .collect(),
        unplaced
            .iter()
            .filter(|u| u.mentee == mentee && u.mentor == mentor)
            .map(|u| u.number)
            .collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// A schedule planned again with its own rhythms is the same schedule.
    #[test]
    fn keeping_its_own_rhythms_changes_nothing((roster, pairs, start, config) in setup()) {
        let pairs = each_once(pairs);
        let plan = schedule(&roster, &pairs, start, &config);
        let again = schedule_keeping(&roster, &pairs, start, &config, &plan.rhythms);
        prop_assert_eq!(&again.reviews, &plan.reviews);
        prop_assert_eq!(&again.unplaced, &plan.unplaced);
        prop_assert_eq!(&again.rhythms, &plan.rhythms);
    }

    /// A mentor leaves and their mentees get other mentors: planned again
    /// with the rhythms of before, every pair that shares nobody with a
    /// pair that ended or began (nor with a pair that does, and so on: in
    /// these rosters anyone may be mentor and mentee) keeps every review on
    /// its day and time.
    #[test]
    fn a_departure_moves_only_the_reviews_of_the_people_concerned(
        (roster, pairs, start, config) in setup(),
        leaver in 0usize..100,
        others in prop::collection::vec(0usize..100, 1..8),
    ) {
        let pairs = each_once(pairs);
        prop_assume!(!pairs.is_empty());
        let before = schedule(&roster, &pairs, start, &config);
        let leaver = pairs[leaver % pairs.len()].mentor.clone();
        let n = roster.people.len();
        let mut after: Vec<PairRef> = pairs.iter().filter(|p| p.mentor != leaver).cloned().collect();
        let mut concerned: BTreeSet<String> = BTreeSet::from([leaver.clone()]);
        for (k, p) in pairs.iter().filter(|p| p.mentor == leaver).enumerate() {
            let other = format!("p{}", others[k % others.len()] % n);
            concerned.insert(p.mentee.clone());
            if other != p.mentee && other != leaver && !after.iter().any(|q| q.mentee == p.mentee && q.mentor == other) {
                concerned.insert(other.clone());
                after.push(pair(&p.mentee, &other));
            }
        }
        // Whoever shares a pair with someone concerned is concerned too (their
        // reviews compete for the same people's days and times).
        loop {
            let more: Vec<String> = pairs.iter().chain(&after)
                .filter(|p| concerned.contains(&p.mentee) != concerned.contains(&p.mentor))
                .flat_map(|p| [p.mentee.clone(), p.mentor.clone()])
                .collect();
            if more.iter().all(|id| concerned.contains(id)) {
                break;
            }
            concerned.extend(more);
        }
        let plan = schedule_keeping(&roster, &after, start, &config, &before.rhythms);
        for p in pairs.iter().filter(|p| !concerned.contains(&p.mentee) && !concerned.contains(&p.mentor)) {
            prop_assert_eq!(
                plan_of(&plan.reviews, &plan.unplaced, &p.mentee, &p.mentor),
                plan_of(&before.reviews, &before.unplaced, &p.mentee, &p.mentor),
                "{}–{} moved", p.mentee, p.mentor
            );
        }
    }
}

/// The example roster's pairs: the mentor with the most mentees leaves and
/// another mentor takes them on. Planned afresh, pairs that have nothing
/// to do with it move (the stagger spreads all pairs anew); planned with
/// the rhythms of before, none of them does.
#[test]
fn a_departure_in_the_example_keeps_everyone_elses_reviews() {
    let (roster, pairs) = example_pairs();
    let start = date(2027, 1, 4);
    let config = ScheduleConfig::default();
    let before = schedule(&roster, &pairs, start, &config);
    let mentors: BTreeSet<&str> = pairs.iter().map(|p| p.mentor.as_str()).collect();
    let count = |m: &str| pairs.iter().filter(|p| p.mentor == m).count();
    let leaver = *mentors.iter().max_by_key(|m| count(m)).unwrap();
    let heir = *mentors.iter().find(|&&m| m != leaver).unwrap();
    let mut after: Vec<PairRef> = pairs
        .iter()
        .filter(|p| p.mentor != leaver)
        .cloned()
        .collect();
    let moved: Vec<&PairRef> = pairs.iter().filter(|p| p.mentor == leaver).collect();
    after.extend(moved.iter().map(|p| pair(&p.mentee, heir)));
    let unrelated: Vec<&PairRef> = pairs
        .iter()
        .filter(|p| p.mentor != leaver && p.mentor != heir)
        .collect();
    assert!(unrelated.len() >= 5, "{} unrelated pairs", unrelated.len());
    let changed = |plan: &doorgroei::schedule::Schedule| {
        unrelated
            .iter()
            .filter(|p| {
                plan_of(&plan.reviews, &plan.unplaced, &p.mentee, &p.mentor)
                    != plan_of(&before.reviews, &before.unplaced, &p.mentee, &p.mentor)
            })
            .count()
    };
    let afresh = schedule(&roster, &after, start, &config);
    assert!(changed(&afresh) > 0, "planned afresh, nothing moved");
    let kept = schedule_keeping(&roster, &after, start, &config, &before.rhythms);
    assert_eq!(changed(&kept), 0);
    // The heir's new mentees were planned too.
    for p in &moved {
        let (reviews, _) = plan_of(&kept.reviews, &kept.unplaced, &p.mentee, heir);
        assert!(
            !reviews.is_empty(),
            "{} has no reviews with {heir}",
            p.mentee
        );
    }
}
