//! People come and go: the roster's `leaves`, `earlier_mentors` and pair
//! history; matching on a day (pairs end, only mentees without a mentor
//! are matched, never with someone they were paired with, those who
//! waited longest first); the schedule stopping and starting with pairs.

use std::collections::{BTreeMap, BTreeSet};

use doorgroei::format::{load_roster, roster_to_csv, roster_to_json, roster_to_yaml};
use doorgroei::matching::{
    assign, assign_tuned, pairs_after, problem, review, Assignment, Constraint, Ending,
    MatchConfig, Tuning, RECENT_DAYS,
};
use doorgroei::roster::{Day, Days, Pair, Person, Roster};
use doorgroei::schedule::{schedule, PairRef, ScheduleConfig};
use doorgroei::{Ladder, Lang};
use jiff::civil::{date, Date};
use proptest::prelude::*;

fn ladder() -> Ladder {
    doorgroei::format::load_ladder(
        "welzijn-groeit.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap()
}

// ---------------------------------------------------------------------------
// The roster's fields.

/// A junior's leave day and earlier mentors, or the first problem.
type Fields = Result<(Option<String>, Vec<String>), String>;

/// A roster of two seniors and a junior, `extra` added to the junior's
/// row (CSV: after the header's `extra_header`; YAML: in the flow map),
/// read: the junior's leave day and earlier mentors, or the first problem
/// in English.
fn junior_fields(name: &str, text: &str) -> Fields {
    load_roster(name, text.as_bytes(), &ladder())
        .map(|r| {
            let j = &r.people[2];
            (j.leaves.map(|d| d.to_string()), j.earlier_mentors.clone())
        })
        .map_err(|e| e.0[0].render(Lang::En))
}

fn csv(header: &str, cells: &str) -> String {
    format!(
        "id;name;role;days;{header}\n\
         s1;Sanne de Vries;sw-hbo-senior;ma;;\n\
         s2;Bram Jansen;sw-hbo-senior;ma;;\n\
         j1;Jan Bos;sw-hbo-start;ma;{cells}\n"
    )
}

fn yaml(fields: &str) -> String {
    format!(
        "schema: doorgroei/roster@1\npeople:\n\
         - {{id: s1, name: Sanne de Vries, role: sw-hbo-senior, days: [ma]}}\n\
         - {{id: s2, name: Bram Jansen, role: sw-hbo-senior, days: [ma]}}\n\
         - {{id: j1, name: Jan Bos, role: sw-hbo-start, days: [ma]{fields}}}\n"
    )
}

#[test]
fn leaves_and_earlier_mentors_are_read_in_every_form() {
    let ok = |d: Option<&str>, m: &[&str]| {
        Ok((
            d.map(str::to_string),
            m.iter().map(|s| s.to_string()).collect(),
        ))
    };
    let cases: Vec<(String, String, Fields)> = vec![
        (
            "r.csv".into(),
            csv("uit dienst;eerdere mentoren", "4-1-2027;s1|s2"),
            ok(Some("2027-01-04"), &["s1", "s2"]),
        ),
        (
            "r.csv".into(),
            csv("Vertrekdatum;Eerdere mentoren", "2027-01-04;Bram Jansen"),
            ok(Some("2027-01-04"), &["s2"]),
        ),
        (
            "r.csv".into(),
            csv("leaves;earlier_mentors", ";"),
            ok(None, &[]),
        ),
        (
            "r.yaml".into(),
            yaml(", leaves: 2027-01-04, earlier_mentors: [s2]"),
            ok(Some("2027-01-04"), &["s2"]),
        ),
        (
            "r.csv".into(),
            csv("uit dienst;eerdere mentoren", "31-2-2027;"),
            Err("r.csv:4:5: uit dienst: invalid value '31-2-2027'; expected a date such as 4-1-2027, 04-01-2027 or 2027-01-04 (day first, a four-digit year)".into()),
        ),
        (
            "r.csv".into(),
            csv("uit dienst;eerdere mentoren", ";s1|s3"),
            Err("r.csv:4:6: unknown person 's3'; did you mean 's1'?".into()),
        ),
        (
            "r.yaml".into(),
            yaml(", earlier_mentors: [s1, sx]"),
            Err("r.yaml:5:81: unknown person 'sx'; did you mean 's1'?".into()),
        ),
        (
            "r.yaml".into(),
            yaml(", leaves: 2027-02-30"),
            Err("r.yaml:5:67: leaves: invalid value '2027-02-30'; expected a date as YYYY-MM-DD".into()),
        ),
    ];
    for (name, text, expected) in cases {
        assert_eq!(junior_fields(&name, &text), expected, "{text}");
    }
}

/// The pairs of a YAML roster with `pairs` (flow maps, one a line), or the
/// first problem in English.
fn pairs_of(pairs: &[&str]) -> Result<Vec<Pair>, String> {
    let mut text = yaml("");
    text.push_str("pairs:\n");
    for p in pairs {
        text.push_str(&format!("- {p}\n"));
    }
    load_roster("r.yaml", text.as_bytes(), &ladder())
        .map(|r| r.pairs)
        .map_err(|e| e.0[0].render(Lang::En))
}

#[test]
fn pairs_carry_their_days_and_a_mentee_may_have_many_ended_ones() {
    let pair = |mentor: &str, started: Option<Date>, ended: Option<Date>| Pair {
        mentee: "j1".into(),
        mentor: mentor.into(),
        locked: false,
        started,
        ended,
    };
    type Case<'a> = (Vec<&'a str>, Result<Vec<Pair>, String>);
    let cases: Vec<Case> = vec![
        (
            vec!["{mentee: j1, mentor: s1, started: 2026-01-05, ended: 2026-06-30}"],
            Ok(vec![pair(
                "s1",
                Some(date(2026, 1, 5)),
                Some(date(2026, 6, 30)),
            )]),
        ),
        // History: two ended pairs and the running one.
        (
            vec![
                "{mentee: j1, mentor: s1, ended: 2026-06-30}",
                "{mentee: j1, mentor: s2, ended: 2026-09-30}",
                "{mentee: j1, mentor: s1, started: 2026-10-01}",
            ],
            Ok(vec![
                pair("s1", None, Some(date(2026, 6, 30))),
                pair("s2", None, Some(date(2026, 9, 30))),
                pair("s1", Some(date(2026, 10, 1)), None),
            ]),
        ),
        // Two running pairs of one mentee: refused as before.
        (
            vec!["{mentee: j1, mentor: s1}", "{mentee: j1, mentor: s2}"],
            Err(
                "r.yaml:8:3: 'j1' already has a mentor in an earlier pair (first on line 7)".into(),
            ),
        ),
        (
            vec!["{mentee: j1, mentor: s1, ended: 2026-13-01}"],
            Err(
                "r.yaml:7:35: ended: invalid value '2026-13-01'; expected a date as YYYY-MM-DD"
                    .into(),
            ),
        ),
    ];
    for (pairs, expected) in cases {
        assert_eq!(pairs_of(&pairs), expected, "{pairs:?}");
    }
}

#[test]
fn the_new_fields_survive_every_written_form() {
    let mut roster = doorgroei::synth::roster(3, 2, 7);
    roster.people[0].leaves = Some(date(2027, 1, 4));
    let mentor = roster.people[1].id.clone();
    roster.people[2].earlier_mentors = vec![mentor.clone()];
    let mentee = roster.people[2].id.clone();
    roster.pairs = vec![Pair {
        mentee,
        mentor,
        locked: false,
        started: Some(date(2025, 1, 6)),
        ended: Some(date(2026, 1, 5)),
    }];
    let ladder = ladder();
    let yaml = roster_to_yaml(&roster);
    assert_eq!(
        load_roster("r.yaml", yaml.as_bytes(), &ladder),
        Ok(roster.clone())
    );
    let json = roster_to_json(&roster);
    assert_eq!(
        load_roster("r.json", json.as_bytes(), &ladder),
        Ok(roster.clone())
    );
    // CSV keeps the people's fields (a pair's days are YAML's).
    let csv = roster_to_csv(&roster);
    let back = load_roster("r.csv", csv.as_bytes(), &ladder).unwrap();
    assert_eq!(back.people, roster.people);
}

// ---------------------------------------------------------------------------
// Matching on a day.

fn person(id: &str, role: &str, team: &str) -> Person {
    Person {
        team: team.into(),
        days: Days::of([Day::Mon, Day::Tue]),
        ..Person::new(id, id.to_uppercase(), role)
    }
}

fn senior(id: &str, capacity: u32) -> Person {
    Person {
        capacity,
        ..person(id, "sw-hbo-senior", id)
    }
}

fn junior(id: &str) -> Person {
    person(id, "sw-hbo-start", "juniors")
}

fn on(today: Option<Date>) -> MatchConfig {
    MatchConfig {
        today,
        ..MatchConfig::default()
    }
}

fn pairs(result: &Assignment) -> Vec<(String, String)> {
    result
        .pairs
        .iter()
        .map(|p| (p.mentee.clone(), p.mentor.clone()))
        .collect()
}

fn owned(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// `a` has `s1`, who leaves on `leaves`; on `today`, who is with whom, and
/// what ended how.
fn check_leaving(leaves: Date, today: Option<Date>, expected: &[(&str, &str)], ended: &[Ending]) {
    let mut s1 = senior("s1", 2);
    s1.leaves = Some(leaves);
    let roster = Roster {
        people: vec![s1, senior("s2", 2), junior("a"), junior("b")],
        pairs: vec![Pair::new("a", "s1", true), Pair::new("b", "s2", false)],
    };
    let result = assign(&ladder(), &roster, &on(today));
    assert_eq!(pairs(&result), owned(expected), "{today:?} {result:#?}");
    let endings: Vec<Ending> = result.ended.iter().map(|e| e.ending.clone()).collect();
    assert_eq!(endings, ended, "{today:?}");
}

#[test]
fn a_mentor_who_leaves_ends_their_pairs_from_that_day_locked_or_not() {
    let left = Ending::Left {
        person: "s1".into(),
        date: date(2027, 1, 4),
    };
    // Before the day, on it, after it, and without a day.
    check_leaving(
        date(2027, 1, 4),
        Some(date(2027, 1, 3)),
        &[("a", "s1"), ("b", "s2")],
        &[],
    );
    check_leaving(
        date(2027, 1, 4),
        Some(date(2027, 1, 4)),
        &[("a", "s2"), ("b", "s2")],
        std::slice::from_ref(&left),
    );
    check_leaving(
        date(2027, 1, 4),
        Some(date(2027, 3, 1)),
        &[("a", "s2"), ("b", "s2")],
        &[left],
    );
    check_leaving(date(2027, 1, 4), None, &[("a", "s1"), ("b", "s2")], &[]);
}

#[test]
fn after_a_matching_the_roster_keeps_its_history() {
    let today = date(2027, 1, 4);
    let mut s1 = senior("s1", 2);
    s1.leaves = Some(today);
    let roster = Roster {
        people: vec![s1, senior("s2", 3), junior("a"), junior("b"), junior("c")],
        pairs: vec![
            Pair {
                ended: Some(date(2026, 6, 1)),
                ..Pair::new("c", "s1", false)
            },
            Pair::new("a", "s1", true),
            Pair {
                started: Some(date(2026, 3, 2)),
                ..Pair::new("b", "s2", false)
            },
        ],
    };
    let outcome = assign(&ladder(), &roster, &on(Some(today)));
    let after = pairs_after(&roster, &outcome, Some(today));
    assert_eq!(
        after,
        [
            Pair {
                ended: Some(date(2026, 6, 1)),
                ..Pair::new("c", "s1", false)
            },
            Pair {
                ended: Some(today),
                ..Pair::new("a", "s1", true)
            },
            Pair {
                started: Some(today),
                ..Pair::new("a", "s2", false)
            },
            Pair {
                started: Some(date(2026, 3, 2)),
                ..Pair::new("b", "s2", false)
            },
            Pair {
                started: Some(today),
                ..Pair::new("c", "s2", false)
            },
        ]
    );
    // Matched again on the same day with that roster: nothing changes.
    let roster = Roster {
        pairs: after,
        ..roster
    };
    let again = assign(&ladder(), &roster, &on(Some(today)));
    assert_eq!(pairs(&again), pairs(&outcome));
    assert!(again.pairs.iter().all(|p| p.existing), "{again:#?}");
}

/// A re-match's endings are listed with the roster it leaves behind,
/// also when that roster is only reviewed later (the app after a reload),
/// for RECENT_DAYS after the day; then they are history and not listed.
#[test]
fn a_rematchs_endings_are_listed_for_a_quarter_and_then_not() {
    let today = date(2027, 1, 4);
    let mut s1 = senior("s1", 2);
    s1.leaves = Some(today);
    let roster = Roster {
        people: vec![s1, senior("s2", 3), junior("a"), junior("b")],
        pairs: vec![Pair::new("a", "s1", false), Pair::new("b", "s2", false)],
    };
    let outcome = assign(&ladder(), &roster, &on(Some(today)));
    let ended = |result: &Assignment| -> Vec<(String, String)> {
        result
            .ended
            .iter()
            .map(|e| (e.mentee.clone(), e.mentor.clone()))
            .collect()
    };
    assert_eq!(ended(&outcome), owned(&[("a", "s1")]));
    let after = Roster {
        pairs: pairs_after(&roster, &outcome, Some(today)),
        ..roster
    };
    let last = doorgroei::dates::add_days(today, RECENT_DAYS).unwrap();
    for (day, listed) in [
        (today, true),
        (date(2027, 2, 1), true),
        (last, true),
        (last.tomorrow().unwrap(), false),
    ] {
        let reviewed = review(&ladder(), &after, &on(Some(day)));
        assert_eq!(
            ended(&reviewed),
            if listed {
                owned(&[("a", "s1")])
            } else {
                vec![]
            },
            "on {day}"
        );
        // Said as who left, also when the pair's end day is that day.
        assert!(
            reviewed.ended.iter().all(|e| e.ending
                == Ending::Left {
                    person: "s1".into(),
                    date: today
                }),
            "on {day}: {:?}",
            reviewed.ended
        );
        // (Still with s2 whatever is listed.)
        assert_eq!(
            pairs(&reviewed),
            owned(&[("a", "s2"), ("b", "s2")]),
            "on {day}"
        );
    }
}

#[test]
fn an_ended_pair_is_never_made_again_and_its_mentee_is_matched_elsewhere() {
    let roster = Roster {
        people: vec![senior("s1", 2), senior("s2", 1), junior("a")],
        pairs: vec![Pair {
            ended: Some(date(2026, 12, 1)),
            ..Pair::new("a", "s1", false)
        }],
    };
    for today in [None, Some(date(2027, 1, 4))] {
        let result = assign(&ladder(), &roster, &on(today));
        assert_eq!(pairs(&result), owned(&[("a", "s2")]), "{today:?}");
    }
    // Its end still to come: the pair runs.
    let result = assign(&ladder(), &roster, &on(Some(date(2026, 11, 30))));
    assert_eq!(pairs(&result), owned(&[("a", "s1")]));
    assert!(result.pairs[0].existing);
    // no_repeat off: s1 is a mentor like any other again.
    let config = MatchConfig {
        no_repeat: false,
        ..on(Some(date(2027, 1, 4)))
    };
    let result = assign(&ladder(), &roster, &config);
    assert_eq!(pairs(&result), owned(&[("a", "s1")]));
}

/// Mentee `a` (earlier mentors as given) and three seniors of capacity
/// 1, of whom `taken` mentor someone else: the reason `a` stays without a
/// mentor, in both languages, or the mentor `a` gets.
fn check_reason(earlier: &[&str], taken: &[&str], expected: Result<&str, (&str, &str)>) {
    let mut a = junior("a");
    a.earlier_mentors = earlier.iter().map(|s| s.to_string()).collect();
    let mut people = vec![senior("s1", 1), senior("s2", 1), senior("s3", 1), a];
    let mut roster_pairs = Vec::new();
    for (k, mentor) in taken.iter().enumerate() {
        let id = format!("x{k}");
        people.push(junior(&id));
        roster_pairs.push(Pair::new(id, *mentor, true));
    }
    let roster = Roster {
        people,
        pairs: roster_pairs,
    };
    let result = assign(&ladder(), &roster, &MatchConfig::default());
    let mine = result.pairs.iter().find(|p| p.mentee == "a");
    match (expected, mine, result.unmatched.first()) {
        (Ok(mentor), Some(p), _) => assert_eq!(p.mentor, mentor),
        (Err((nl, en)), None, Some(u)) => {
            assert_eq!((u.reason.nl.as_str(), u.reason.en.as_str()), (nl, en));
            assert!(u.blocked.iter().any(|b| b.rule == Constraint::Repeat));
        }
        _ => panic!("{earlier:?} {taken:?}: {result:#?}"),
    }
}

#[test]
fn an_unmatched_mentees_reason_counts_earlier_mentors_like_any_rule() {
    check_reason(&["s1", "s2"], &[], Ok("s3"));
    check_reason(
        &["s1", "s2", "s3"],
        &[],
        Err((
            "geen van de 3 mentoren past: 3 waren eerder zijn of haar mentor",
            "none of the 3 mentors fits: 3 were their mentor before",
        )),
    );
    check_reason(
        &["s1"],
        &["s2", "s3"],
        Err((
            "geen van de 3 mentoren past: 2 zijn vol en 1 was eerder zijn of haar mentor; \
             voorstel: geef S2 (s2) één plaats meer (capaciteit 2)",
            "none of the 3 mentors fits: 2 are full and 1 was their mentor before; \
             suggestion: give S2 (s2) one more place (capacity 2)",
        )),
    );
}

#[test]
fn those_who_waited_longest_come_first_and_the_explanation_says_so() {
    // One place, two mentees alike but for how long they waited.
    let mut a = junior("a");
    a.start = Some(date(2026, 11, 2));
    let mut b = junior("b");
    b.start = Some(date(2026, 9, 7));
    let roster = Roster {
        people: vec![senior("s1", 1), a, b],
        pairs: Vec::new(),
    };
    let today = date(2027, 1, 4);
    let result = assign(&ladder(), &roster, &on(Some(today)));
    assert_eq!(pairs(&result), owned(&[("b", "s1")]));
    let reasons: Vec<&str> = result.pairs[0]
        .reasons
        .iter()
        .map(|r| r.nl.as_str())
        .collect();
    assert!(reasons.contains(&"wacht al 17 weken"), "{reasons:?}");
    let en: Vec<&str> = result.pairs[0]
        .reasons
        .iter()
        .map(|r| r.en.as_str())
        .collect();
    assert!(en.contains(&"waiting for 17 weeks"), "{en:?}");
    // 2 shared days × 2 + load 3 + 17 weeks × 1.
    assert_eq!(result.pairs[0].score, 4 + 3 + 17);
    // One week is one week (a starts later: no waiting).
    let one = assign(&ladder(), &roster, &on(Some(date(2026, 9, 14))));
    assert_eq!(pairs(&one), owned(&[("b", "s1")]));
    assert!(
        one.pairs[0]
            .reasons
            .iter()
            .any(|r| r.en == "waiting for 1 week"),
        "{one:#?}"
    );
    // Since the last pair ended, not since the start.
    let mut roster = roster;
    roster.pairs = vec![Pair {
        ended: Some(date(2026, 12, 28)),
        ..Pair::new("b", "s9", false)
    }];
    roster.people.push(senior("s9", 0));
    let result = assign(&ladder(), &roster, &on(Some(today)));
    assert_eq!(pairs(&result), owned(&[("a", "s1")]));
    assert!(result.pairs[0]
        .reasons
        .iter()
        .any(|r| r.nl == "wacht al 9 weken"));
    // A weight of 0: no term, no words.
    let config = MatchConfig {
        weights: doorgroei::matching::Weights {
            waiting: 0,
            ..Default::default()
        },
        ..on(Some(today))
    };
    let result = assign(&ladder(), &roster, &config);
    assert!(result.pairs[0]
        .reasons
        .iter()
        .all(|r| !r.nl.starts_with("wacht")));
}

#[test]
fn a_pair_keeps_the_score_its_matching_gave_it_when_it_is_reviewed_later() {
    // b waited 17 weeks when matched; the pair, kept with its start day,
    // says so (in the past tense) at every later review, on any day.
    let mut b = junior("b");
    b.start = Some(date(2026, 9, 7));
    let roster = Roster {
        people: vec![senior("s1", 1), b],
        pairs: Vec::new(),
    };
    let today = date(2027, 1, 4);
    let matched = assign(&ladder(), &roster, &on(Some(today)));
    let roster = Roster {
        pairs: doorgroei::matching::pairs_after(&roster, &matched, Some(today)),
        ..roster
    };
    assert_eq!(roster.pairs[0].started, Some(today));
    for later in [None, Some(today), Some(date(2027, 6, 1))] {
        let reviewed = doorgroei::matching::review(&ladder(), &roster, &on(later));
        assert_eq!(reviewed.pairs[0].score, matched.pairs[0].score, "{later:?}");
        let said: Vec<(&str, &str)> = reviewed.pairs[0]
            .reasons
            .iter()
            .map(|r| (r.nl.as_str(), r.en.as_str()))
            .collect();
        assert!(
            said.contains(&(
                "wachtte 17 weken op een mentor",
                "had waited 17 weeks for a mentor"
            )),
            "{said:?}"
        );
    }
    // Without a start day the pair has no waiting to say.
    let mut roster = roster;
    roster.pairs[0].started = None;
    let reviewed = doorgroei::matching::review(&ladder(), &roster, &on(Some(today)));
    assert_eq!(reviewed.pairs[0].score, matched.pairs[0].score - 17);
}

/// After a re-match the roster lists the new pair before an older one of
/// the same mentor (pairs are in mentee order); reviewed later that day,
/// every pair is explained as the matching explained it (the older pair
/// keeps the mentor's first place, the new one the next).
#[test]
fn a_rematch_is_explained_the_same_when_its_roster_is_reviewed() {
    let today = date(2027, 1, 4);
    let mut s1 = senior("s1", 2);
    s1.leaves = Some(today);
    for started in [None, Some(date(2026, 3, 2))] {
        let roster = Roster {
            people: vec![s1.clone(), senior("s2", 3), junior("a"), junior("z")],
            pairs: vec![
                Pair::new("a", "s1", false),
                Pair {
                    started,
                    ..Pair::new("z", "s2", false)
                },
            ],
        };
        let matched = assign(&ladder(), &roster, &on(Some(today)));
        assert_eq!(pairs(&matched), owned(&[("a", "s2"), ("z", "s2")]));
        let after = Roster {
            pairs: pairs_after(&roster, &matched, Some(today)),
            ..roster
        };
        let reviewed = review(&ladder(), &after, &on(Some(today)));
        let explained = |r: &Assignment| -> Vec<(String, i64, Vec<String>)> {
            r.pairs
                .iter()
                .map(|p| {
                    let reasons = p.reasons.iter().map(|r| r.en.clone()).collect();
                    (p.mentee.clone(), p.score, reasons)
                })
                .collect()
        };
        let mut matched_said = explained(&matched);
        // (The matching calls a's pair new; the review, existing.)
        for (_, _, reasons) in &mut matched_said {
            reasons.retain(|r| r != "existing pair");
        }
        let mut reviewed_said = explained(&reviewed);
        for (_, _, reasons) in &mut reviewed_said {
            reasons.retain(|r| r != "existing pair");
        }
        assert_eq!(reviewed_said, matched_said, "started {started:?}");
    }
}

// ---------------------------------------------------------------------------
// The schedule.

#[test]
fn the_schedule_stops_at_the_end_and_starts_at_the_start() {
    let mut s1 = senior("s1", 2);
    s1.leaves = Some(date(2027, 3, 1));
    let roster = Roster {
        people: vec![s1, senior("s2", 2), junior("a"), junior("b"), junior("c")],
        pairs: vec![
            Pair::new("a", "s1", false),
            Pair {
                started: Some(date(2027, 2, 1)),
                ..Pair::new("b", "s2", false)
            },
            Pair {
                ended: Some(date(2027, 4, 1)),
                ..Pair::new("c", "s2", false)
            },
        ],
    };
    let refs: Vec<PairRef> = roster.pairs.iter().map(PairRef::from).collect();
    let config = ScheduleConfig {
        months: 6,
        ..ScheduleConfig::default()
    };
    let plan = schedule(&roster, &refs, date(2027, 1, 4), &config);
    let dates = |who: &str| -> Vec<Date> {
        plan.reviews
            .iter()
            .filter(|r| r.mentee == who)
            .map(|r| r.date)
            .collect()
    };
    let (a, b, c) = (dates("a"), dates("b"), dates("c"));
    assert!(
        a.iter().all(|&d| d < date(2027, 3, 1)) && a.len() == 2,
        "{a:?}"
    );
    assert!(
        b.iter().all(|&d| d >= date(2027, 2, 1)) && b.len() >= 5,
        "{b:?}"
    );
    assert!(
        c.iter().all(|&d| d < date(2027, 4, 1)) && c.len() == 4,
        "{c:?}"
    );
    // Nothing unplaced for it: the reviews after the end are not planned.
    assert!(plan.unplaced.is_empty(), "{:#?}", plan.unplaced);
}

// ---------------------------------------------------------------------------
// Properties.

prop_compose! {
    /// Up to 7 juniors and 4 seniors: days, teams, capacities, start days,
    /// earlier mentors, ended pairs and running pairs at random.
    fn roster_with_history()(
        juniors in prop::collection::vec((1u8..8, 0u8..3, 0u16..400, 0u8..16), 1..=7),
        seniors in prop::collection::vec((1u8..8, 0u8..3, 1u32..=3), 1..=4),
        history in prop::collection::vec((0usize..7, 0usize..4, 0u16..400), 0..6),
        running in prop::collection::vec((0usize..7, 0usize..4), 0..4),
    ) -> Roster {
        let mut people = Vec::new();
        let n = seniors.len();
        for (i, &(days, team, start, earlier)) in juniors.iter().enumerate() {
            let mut p = junior(&format!("j{i}"));
            p.days = Days::of(Day::ALL.into_iter().take(3).filter(|d| days & (1 << *d as u8) != 0));
            p.team = format!("t{team}");
            p.start = Some(day(start));
            p.earlier_mentors = (0..n).filter(|k| earlier & (1 << k) != 0).map(|k| format!("s{k}")).collect();
            people.push(p);
        }
        for (i, &(days, team, capacity)) in seniors.iter().enumerate() {
            let mut p = senior(&format!("s{i}"), capacity);
            p.days = Days::of(Day::ALL.into_iter().take(3).filter(|d| days & (1 << *d as u8) != 0));
            p.team = format!("t{team}");
            people.push(p);
        }
        let nj = juniors.len();
        let mut pairs: Vec<Pair> = history
            .iter()
            .filter(|&&(j, s, _)| j < nj && s < n)
            .map(|&(j, s, end)| Pair {
                ended: Some(day(end)),
                ..Pair::new(format!("j{j}"), format!("s{s}"), false)
            })
            .collect();
        let mut with = BTreeSet::new();
        for &(j, s) in &running {
            if j < nj && s < n && with.insert(j) {
                pairs.push(Pair::new(format!("j{j}"), format!("s{s}"), false));
            }
        }
        Roster { people, pairs }
    }
}

/// Day `n` from 1 January 2026.
fn day(n: u16) -> Date {
    doorgroei::dates::add_days(date(2026, 1, 1), i64::from(n)).unwrap()
}

/// Best (matched, total) by trying every assignment of the dumped problem.
fn brute_force(p: &doorgroei::matching::Problem) -> (usize, i64) {
    let mut by_mentee: BTreeMap<&str, Vec<(&str, i64)>> = BTreeMap::new();
    for c in &p.candidates {
        by_mentee
            .entry(&c.mentee)
            .or_default()
            .push((&c.mentor, c.score));
    }
    let rows: Vec<&Vec<(&str, i64)>> = by_mentee.values().collect();
    fn go(
        i: usize,
        rows: &[&Vec<(&str, i64)>],
        used: &mut BTreeMap<String, usize>,
        p: &doorgroei::matching::Problem,
        at: (usize, i64),
        best: &mut (usize, i64),
    ) {
        if i == rows.len() {
            *best = (*best).max(at);
            return;
        }
        go(i + 1, rows, used, p, at, best);
        for &(mentor, score) in rows[i] {
            let u = used.get(mentor).copied().unwrap_or(0);
            if u < p.capacity[mentor] as usize {
                used.insert(mentor.to_string(), u + 1);
                let next = (at.0 + 1, at.1 + score + p.slot_bonus[mentor][u]);
                go(i + 1, rows, used, p, next, best);
                used.insert(mentor.to_string(), u);
            }
        }
    }
    let mut best = (0, 0);
    go(0, &rows, &mut BTreeMap::new(), p, (0, 0), &mut best);
    best
}

/// Who was paired before in `roster` on `today`, worked out here from
/// the words: ended pairs and earlier mentors.
fn paired_before(roster: &Roster, today: Option<Date>) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for p in &roster.people {
        for m in &p.earlier_mentors {
            out.insert((p.id.clone(), m.clone()));
        }
    }
    for p in &roster.pairs {
        if p.ended.is_some_and(|e| today.is_none_or(|t| e <= t)) {
            out.insert((p.mentee.clone(), p.mentor.clone()));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The exact optimum over what is left: the solver's answer is the
    /// brute force's over the dumped problem, in which no pair repeats,
    /// nobody who left takes part, and every score holds the waiting term.
    #[test]
    fn optimal_with_history_and_no_pair_repeats(
        roster in roster_with_history(),
        today in 0u16..500,
        leaver in prop::option::of((0usize..11, 0u16..500)),
    ) {
        let mut roster = roster;
        if let Some((who, when)) = leaver {
            if let Some(p) = roster.people.get_mut(who) {
                p.leaves = Some(day(when));
            }
        }
        let ladder = ladder();
        let today = Some(day(today));
        let config = on(today);
        let result = assign(&ladder, &roster, &config);
        let dumped = problem(&ladder, &roster, &config);
        prop_assert_eq!((result.matched - kept(&result), result.total_score - kept_score(&result)), brute_force(&dumped));
        let before = paired_before(&roster, today);
        let people = roster.by_id();
        let left = |id: &str| people[id].leaves.is_some_and(|l| Some(l) <= today);
        for c in &dumped.candidates {
            prop_assert!(!before.contains(&(c.mentee.clone(), c.mentor.clone())), "{c:?}");
            prop_assert!(!left(&c.mentee) && !left(&c.mentor), "{c:?}");
        }
        for p in result.pairs.iter().filter(|p| !p.existing) {
            prop_assert!(!before.contains(&(p.mentee.clone(), p.mentor.clone())), "{p:?}");
        }
        for p in &result.pairs {
            prop_assert!(!left(&p.mentee) && !left(&p.mentor), "{p:?}");
        }
        // Deterministic, and the same with a solver that remembers
        // almost nothing and must read rows (waiting terms and all) again.
        prop_assert_eq!(&assign(&ladder, &roster, &config), &result);
        let tiny = Tuning { near: 1, far_min: 1, far_max: 1, spread: 0 };
        let again = assign_tuned(&ladder, &roster, &config, tiny);
        prop_assert_eq!((again.matched, again.total_score), (result.matched, result.total_score));
    }

    /// One person leaves: every pair without them stays as it was; only
    /// their mentees, and mentees who had none, get a new mentor.
    #[test]
    fn a_departure_changes_only_the_pairs_of_who_left(
        roster in roster_with_history(),
        who in 0usize..11,
    ) {
        let ladder = ladder();
        let today = date(2027, 6, 1);
        let config = on(Some(today));
        let first = assign(&ladder, &roster, &config);
        let mut roster = roster;
        roster.pairs.retain(|p| p.ended.is_some());
        roster.pairs.extend(first.pairs.iter().map(Pair::from));
        let who = who % roster.people.len();
        let id = roster.people[who].id.clone();
        roster.people[who].leaves = Some(date(2027, 5, 1));
        let after = assign(&ladder, &roster, &config);
        let was: BTreeMap<&str, &str> =
            first.pairs.iter().map(|p| (p.mentee.as_str(), p.mentor.as_str())).collect();
        let now: BTreeMap<&str, &str> =
            after.pairs.iter().map(|p| (p.mentee.as_str(), p.mentor.as_str())).collect();
        for (mentee, mentor) in &was {
            if *mentee != id && *mentor != id {
                prop_assert_eq!(now.get(mentee), Some(mentor), "{} lost {}", mentee, mentor);
            }
        }
        for (mentee, mentor) in &now {
            prop_assert!(*mentee != id && *mentor != id);
            if was.get(mentee) != Some(mentor) {
                prop_assert!(was.get(mentee).is_none_or(|m| *m == id), "{} moved", mentee);
            }
        }
        // The roster after it, matched again on the day: the same pairs,
        // all of them existing, none repeating an ended one.
        let next = Roster { pairs: pairs_after(&roster, &after, Some(today)), ..roster.clone() };
        let again = assign(&ladder, &next, &config);
        prop_assert_eq!(pairs(&again), pairs(&after));
        prop_assert!(again.pairs.iter().all(|p| p.existing));
    }

    /// With no history and no day, the new rules change nothing: the
    /// result is the one with no_repeat off and no waiting weight, and the
    /// one on a day when nobody leaves or has a start day.
    #[test]
    fn without_history_or_a_day_nothing_changes(roster in roster_with_history(), today in 0u16..500) {
        let mut roster = roster;
        roster.pairs.retain(|p| p.ended.is_none());
        for p in &mut roster.people {
            p.earlier_mentors.clear();
        }
        let ladder = ladder();
        let plain = assign(&ladder, &roster, &MatchConfig::default());
        // The roster after it: the outcome's pairs, as before.
        let kept: Vec<Pair> = plain.pairs.iter().map(Pair::from).collect();
        prop_assert_eq!(pairs_after(&roster, &plain, None), kept);
        let old = MatchConfig {
            no_repeat: false,
            weights: doorgroei::matching::Weights { waiting: 0, ..Default::default() },
            ..MatchConfig::default()
        };
        prop_assert_eq!(&assign(&ladder, &roster, &old), &plain);
        for p in &mut roster.people {
            p.start = None;
        }
        let plain = assign(&ladder, &roster, &MatchConfig::default());
        prop_assert_eq!(&assign(&ladder, &roster, &on(Some(day(today)))), &plain);
    }
}

/// Pairs kept from the roster (not in the solver's problem).
fn kept(result: &Assignment) -> usize {
    result.pairs.iter().filter(|p| p.existing).count()
}

fn kept_score(result: &Assignment) -> i64 {
    result
        .pairs
        .iter()
        .filter(|p| p.existing)
        .map(|p| p.score)
        .sum()
}

/// A workbook's date cell and id list, read like the CSV's cells.
#[cfg(feature = "xlsx")]
#[test]
fn a_workbook_holds_the_leave_day_as_a_date_cell_and_earlier_mentors_as_text() {
    use doorgroei::format::{load_roster_with, ReadOptions};
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let day = rust_xlsxwriter::Format::new().set_num_format("dd-mm-yyyy");
    let rows: [[&str; 4]; 3] = [
        ["s1", "Sanne de Vries", "sw-hbo-senior", "ma"],
        ["s2", "Bram Jansen", "sw-hbo-senior", "ma"],
        ["j1", "Jan Bos", "sw-hbo-start", "ma"],
    ];
    let header = [
        "Personeelsnummer",
        "Naam",
        "Functie",
        "Werkdagen",
        "Datum uit dienst",
        "Eerdere mentoren",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    // 4 January 2027 as a date cell; Sanne by name, Bram by id.
    let serial = 46_391.0;
    sheet.write_number_with_format(3, 4, serial, &day).unwrap();
    sheet.write_string(3, 5, "Sanne de Vries|s2").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let roster = load_roster_with("r.xlsx", &bytes, &ladder(), &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .value;
    let j = &roster.people[2];
    assert_eq!(j.leaves, Some(date(2027, 1, 4)));
    assert_eq!(j.earlier_mentors, ["s1", "s2"]);
}

/// A schedule from a day plans the pairs running then: not those that
/// ended by then, nor those of someone who left by then; a pair that ends
/// or a person who leaves later is planned (up to that day).
#[test]
fn a_schedule_plans_only_the_pairs_that_run_from_its_start() {
    use doorgroei::exchange::scheduled_pairs;
    let start = date(2027, 1, 4);
    let person = |id: &str, leaves: Option<Date>| Person {
        leaves,
        ..Person::new(id, id, "sw-hbo-senior")
    };
    let pair = |mentee: &str, mentor: &str, ended: Option<Date>| Pair {
        mentee: mentee.into(),
        mentor: mentor.into(),
        ended,
        ..Default::default()
    };
    let roster = Roster {
        people: vec![
            person("m1", None),
            person("m2", Some(date(2027, 1, 4))),
            person("m3", Some(date(2027, 3, 1))),
            person("j1", None),
            person("j2", None),
            person("j3", None),
            person("j4", None),
            person("j5", Some(date(2026, 12, 31))),
        ],
        pairs: vec![
            pair("j1", "m1", None),
            pair("j2", "m1", Some(date(2027, 1, 4))),
            pair("j2", "m3", Some(date(2027, 2, 1))),
            pair("j3", "m2", None),
            pair("j4", "m3", None),
            pair("j5", "m1", None),
        ],
    };
    let planned: Vec<(String, String)> = scheduled_pairs(&roster, start)
        .into_iter()
        .map(|p| (p.mentee, p.mentor))
        .collect();
    let expected =
        [("j1", "m1"), ("j2", "m3"), ("j4", "m3")].map(|(a, b)| (a.to_string(), b.to_string()));
    assert_eq!(planned, expected);
}
