//! The planner keeps the page's roster between requests (`Request::Keep`),
//! and a matching asked with the fingerprints of the pairs the page has
//! answers with only the others (`MatchReply::Changes`): put together on
//! the page (`with_known`), it is exactly the matching of the roster sent
//! whole.

use doorgroei::exchange::{
    answer_planner, answer_planner_with, read_ladder, roster_key, with_known, Kept, LadderReply,
    MatchMode, MatchReply, Reply, Request, NEW,
};
use doorgroei::format::{ladder_from_json, roster_to_json};
use doorgroei::matching::{assign, review, Assignment, MatchConfig, Matched};
use doorgroei::roster::Roster;
use jiff::civil::{date, Date};
use proptest::prelude::*;

const TODAY: Date = date(2026, 12, 1);

fn ladder_json() -> String {
    match read_ladder(
        "welzijn-groeit.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    ) {
        LadderReply::Read { ladder, .. } => ladder,
        other => panic!("{other:?}"),
    }
}

/// A synthetic roster, matched, and then `leaving` of its mentors (by
/// their place among the pairs' mentors) leave the day before [`TODAY`]:
/// the roster as the page has it then, and its pairs as the page shows
/// them (reviewed on the page after the edit).
fn after_leaving(
    juniors: usize,
    mentors: usize,
    seed: u64,
    leaving: &[usize],
) -> (Roster, Assignment) {
    let ladder = ladder_from_json(&ladder_json()).unwrap();
    let mut roster = doorgroei::synth::roster(juniors, mentors, seed);
    let first = assign(&ladder, &roster, &MatchConfig::default());
    roster.pairs = first.pairs.iter().map(Into::into).collect();
    let mut mentors: Vec<String> = roster.pairs.iter().map(|p| p.mentor.clone()).collect();
    mentors.dedup();
    for &i in leaving {
        if let Some(id) = mentors.get(i % mentors.len().max(1)) {
            if let Some(p) = roster.people.iter_mut().find(|p| &p.id == id) {
                p.leaves = Some(date(2026, 11, 30));
            }
        }
    }
    let shown = review(&ladder, &roster, &MatchConfig::default());
    (roster, shown)
}

fn match_request(roster: &str, kept: Option<u64>, known: &[Matched], mode: MatchMode) -> Request {
    Request::Match {
        ladder: ladder_json(),
        roster: roster.to_string(),
        mode,
        settings: None,
        today: Some(TODAY),
        kept,
        known: known.iter().map(Matched::fingerprint).collect(),
    }
}

/// Through JSON, as the worker gets it and the page reads the answer.
fn crossing(kept: &mut Option<Kept>, request: Request) -> Reply {
    let request = serde_json::from_str(&serde_json::to_string(&request).unwrap()).unwrap();
    serde_json::from_str(&serde_json::to_string(&answer_planner_with(kept, request)).unwrap())
        .unwrap()
}

/// The matching of the roster sent whole, with nothing kept.
fn whole(roster: &str, mode: MatchMode) -> Assignment {
    match answer_planner(match_request(roster, None, &[], mode)) {
        Reply::Match(MatchReply::Ok(outcome)) => outcome,
        other => panic!("{other:?}"),
    }
}

/// The page's way: the roster handed over, then the matching asked by its
/// key with the pairs it shows; the answer put together, and how many
/// pairs came in full.
fn by_key(roster: &str, shown: &Assignment, mode: MatchMode) -> (Assignment, usize) {
    let mut kept = None;
    let key = match crossing(
        &mut kept,
        Request::Keep {
            ladder: ladder_json(),
            roster: roster.to_string(),
        },
    ) {
        Reply::Kept(Ok(key)) => key,
        other => panic!("{other:?}"),
    };
    assert_eq!(key, roster_key(roster));
    match crossing(&mut kept, match_request("", Some(key), &shown.pairs, mode)) {
        Reply::Match(MatchReply::Changes { outcome, slots }) => {
            let sent = outcome.pairs.len();
            (
                with_known(&shown.pairs, outcome, &slots).expect("the answer fits"),
                sent,
            )
        }
        // A page with no pairs shown gets the whole matching (nothing to
        // leave out).
        Reply::Match(MatchReply::Ok(outcome)) if shown.pairs.is_empty() => {
            let sent = outcome.pairs.len();
            (outcome, sent)
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_kept_roster_matches_as_the_roster_sent_whole_and_only_changed_pairs_cross() {
    // (juniors, mentors, seed, mentors leaving, mode)
    let cases: &[(usize, usize, u64, &[usize], MatchMode)] = &[
        (200, 100, 1, &[0], MatchMode::Unmatched),
        (200, 100, 2, &[0, 5, 9], MatchMode::Unmatched),
        (200, 100, 3, &[], MatchMode::Unmatched),
        (120, 60, 4, &[2], MatchMode::Everyone),
        (2_000, 1_000, 42, &[0], MatchMode::Unmatched),
        (200, 100, 5, &[1], MatchMode::Review),
    ];
    for &(juniors, mentors, seed, leaving, mode) in cases {
        let (roster, shown) = after_leaving(juniors, mentors, seed, leaving);
        let json = roster_to_json(&roster);
        let expected = whole(&json, mode);
        let (got, sent) = by_key(&json, &shown, mode);
        let case = format!("{juniors} × {mentors}, seed {seed}, leaving {leaving:?}, {mode:?}");
        assert_eq!(got, expected, "{case}");
        // Exactly the pairs the page did not show crossed in full.
        let new = expected
            .pairs
            .iter()
            .filter(|p| !shown.pairs.contains(p))
            .count();
        assert_eq!(sent, new, "{case}");
        if mode == MatchMode::Review {
            // Nobody new: the pairs as they stand, as `review` explains them.
            let config = MatchConfig {
                today: Some(TODAY),
                ..MatchConfig::default()
            };
            let ladder = ladder_from_json(&ladder_json()).unwrap();
            assert_eq!(got, review(&ladder, &roster, &config), "{case}");
        }
        if mode == MatchMode::Unmatched {
            assert!(
                sent <= 2 * leaving.len() * 3 + 10,
                "{case}: {sent} pairs sent"
            );
        }
    }
}

#[test]
fn a_matching_by_key_needs_that_roster_on_that_ladder_kept() {
    let (roster, _) = after_leaving(40, 20, 7, &[]);
    let json = roster_to_json(&roster);
    let (other, _) = after_leaving(40, 20, 8, &[]);
    let other_json = roster_to_json(&other);
    let flat = match read_ladder(
        "welzijn-vlak.yaml",
        include_str!("../../../pathways/welzijn-vlak.yaml"),
    ) {
        LadderReply::Read { ladder, .. } => ladder,
        other => panic!("{other:?}"),
    };
    let keep = |roster: &str| Request::Keep {
        ladder: ladder_json(),
        roster: roster.to_string(),
    };
    // (what was handed over, in order; the ladder of the matching; the
    // answer: a matching or not kept)
    let cases: Vec<(Vec<Request>, String, bool)> = vec![
        (vec![], ladder_json(), false),
        (vec![keep(&json)], ladder_json(), true),
        (vec![keep(&json), keep(&other_json)], ladder_json(), false),
        (vec![keep(&other_json), keep(&json)], ladder_json(), true),
        (vec![keep(&json)], flat, false),
        // A roster that does not read leaves nothing kept.
        (vec![keep(&json), keep("{")], ladder_json(), false),
        // A matching with the roster sent whole keeps it.
        (
            vec![match_request(&json, None, &[], MatchMode::Unmatched)],
            ladder_json(),
            true,
        ),
    ];
    for (i, (handed, ladder, matched)) in cases.into_iter().enumerate() {
        let mut kept = None;
        for request in handed {
            crossing(&mut kept, request);
        }
        let request = Request::Match {
            ladder,
            roster: String::new(),
            mode: MatchMode::Unmatched,
            settings: None,
            today: Some(TODAY),
            kept: Some(roster_key(&json)),
            known: Vec::new(),
        };
        match crossing(&mut kept, request) {
            Reply::Match(MatchReply::Ok(_)) => assert!(matched, "case {i}: matched"),
            Reply::Match(MatchReply::NotKept) => assert!(!matched, "case {i}: not kept"),
            other => panic!("case {i}: {other:?}"),
        }
    }
    // Without a kept state (the stateless answer) nothing is ever kept.
    assert_eq!(
        answer_planner(match_request(
            "",
            Some(roster_key(&json)),
            &[],
            MatchMode::Unmatched
        )),
        Reply::Match(MatchReply::NotKept)
    );
    assert!(matches!(
        crossing(&mut None, keep("{")),
        Reply::Kept(Err(why)) if why.contains("rooster.json")
    ));
}

#[test]
fn an_answer_that_does_not_fit_the_pairs_shown_is_refused() {
    let (_, shown) = after_leaving(20, 10, 3, &[]);
    let known = &shown.pairs;
    let n = known.len() as u32;
    let one_new = Assignment {
        pairs: vec![known[0].clone()],
        ..Assignment::default()
    };
    // (slots, new pairs sent, fits)
    let cases: Vec<(Vec<u32>, Assignment, bool)> = vec![
        ((0..n).collect(), Assignment::default(), true),
        (vec![NEW], one_new.clone(), true),
        (vec![n], Assignment::default(), false),
        (vec![NEW], Assignment::default(), false),
        (vec![0], one_new, false),
    ];
    for (i, (slots, outcome, fits)) in cases.into_iter().enumerate() {
        assert_eq!(
            with_known(known, outcome, &slots).is_some(),
            fits,
            "case {i}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Whatever leaves and whichever mode: the matching put together from
    /// the changes is the matching of the roster sent whole.
    #[test]
    fn changes_put_together_are_the_whole_matching(
        juniors in 1usize..60,
        mentors in 1usize..30,
        seed in 0u64..1_000,
        leaving in prop::collection::vec(0usize..40, 0..4),
        mode in prop::sample::select(vec![MatchMode::Unmatched, MatchMode::Everyone, MatchMode::Review]),
    ) {
        let (roster, shown) = after_leaving(juniors, mentors, seed, &leaving);
        let json = roster_to_json(&roster);
        prop_assert_eq!(by_key(&json, &shown, mode).0, whole(&json, mode));
    }
}
