//! Growth routes on the example ladders and on small hand-made ones.

use doorgroei::format::{load_ladder, load_profile};
use doorgroei::ladder::{Requirement, Track};
use doorgroei::paths::{next_steps, plan, ranked_targets, routes, Config, Profile, Wish};
use doorgroei::Ladder;
use jiff::civil::date;
use proptest::prelude::*;

const GROEIT: &str = include_str!("../../../pathways/welzijn-groeit.yaml");
const VLAK: &str = include_str!("../../../pathways/welzijn-vlak.yaml");
const SANNE: &str = include_str!("../../../pathways/profiel-sanne.yaml");

fn groeit() -> Ladder {
    load_ladder("welzijn-groeit.yaml", GROEIT).unwrap()
}

/// Route ids of the k best routes, each as `a>b>c`.
fn check_routes(ladder: &Ladder, profile: &Profile, goal: &str, k: usize, expected: &[&str]) {
    let answer = routes(ladder, profile, goal, k, date(2026, 11, 22));
    let got: Vec<String> = answer.routes.iter().map(|r| r.roles.join(">")).collect();
    assert_eq!(got, expected, "{:?}", answer.blocked);
}

#[test]
fn routes_on_the_growth_ladder() {
    let ladder = groeit();
    let start = Profile::in_role("sw-hbo-vak");
    // Via the youth specialism: 2 years + 1 (42 months with the move costs)
    // beats 3 years to senior + 1 (54 months).
    check_routes(
        &ladder,
        &start,
        "praktijkopleider",
        3,
        &[
            "sw-hbo-vak>specialist-jeugd>praktijkopleider",
            "sw-hbo-vak>sw-hbo-senior>praktijkopleider",
        ],
    );
    check_routes(
        &ladder,
        &start,
        "beleidsmedewerker",
        3,
        &[
            "sw-hbo-vak>aandachtsfunctionaris>praktijkadviseur-gemeente>beleidsmedewerker",
            "sw-hbo-vak>sw-hbo-senior>praktijkadviseur-gemeente>beleidsmedewerker",
        ],
    );
    check_routes(
        &ladder,
        &start,
        "coordinator-leren",
        2,
        &[
            "sw-hbo-vak>specialist-jeugd>praktijkopleider>coordinator-leren",
            "sw-hbo-vak>sw-hbo-senior>praktijkopleider>coordinator-leren",
        ],
    );
    // The third is as costly as the second; equal costs go by ladder order.
    check_routes(
        &ladder,
        &start,
        "coordinator-leren",
        3,
        &[
            "sw-hbo-vak>specialist-jeugd>praktijkopleider>coordinator-leren",
            "sw-hbo-vak>sw-hbo-senior>praktijkopleider>coordinator-leren",
            "sw-hbo-vak>sw-hbo-senior>hybride-docent>coordinator-leren",
        ],
    );
    // Nothing leads back down.
    check_routes(
        &ladder,
        &Profile::in_role("teamleider"),
        "sw-hbo-start",
        3,
        &[],
    );
}

#[test]
fn a_step_lists_what_is_met_and_missing_and_when() {
    let ladder = groeit();
    let profile = load_profile("sanne.yaml", SANNE, &ladder).unwrap();
    let answer = routes(&ladder, &profile, "sw-hbo-senior", 1, date(2026, 11, 22));
    let step = &answer.routes[0].steps[0];
    assert_eq!(step.from, "sw-hbo-vak");
    assert_eq!(
        step.met,
        vec![
            Requirement::Competency("Complexe casuïstiek".into()),
            Requirement::Training("Supervisie (10 sessies)".into()),
            Requirement::Education(doorgroei::ladder::Education::Hbo),
        ]
    );
    assert!(step.missing.is_empty());
    // 3 minimum years at 28 of 36 hours take 3 × 36/28 = 3.86 years; 2 are served:
    // 1.86 years still to go, rounded up to 23 months.
    assert!((step.min_years - 3.0 * 36.0 / 28.0).abs() < 1e-9);
    assert_eq!(step.wait_months, 23);
    assert_eq!(step.earliest, date(2028, 10, 22));
    assert_eq!(step.pay.map(|p| (p.min, p.max)), Some((3490, 4830)));
}

#[test]
fn gaps_take_time_even_without_a_minimum() {
    let ladder = groeit();
    let mut p = Profile::in_role("sw-mbo-start");
    p.education = doorgroei::ladder::Education::Mbo4;
    // mbo → hbo start: no minimum years, but an HBO study of about four years.
    let answer = routes(&ladder, &p, "sw-hbo-start", 1, date(2026, 1, 1));
    let step = &answer.routes[0].steps[0];
    assert_eq!(
        step.missing,
        vec![Requirement::Education(doorgroei::ladder::Education::Hbo)]
    );
    assert_eq!(
        (step.wait_months, step.gap_months, step.months_from_now),
        (0, 48, 48)
    );
    assert_eq!(step.earliest, date(2030, 1, 1));
}

#[test]
fn no_management_on_a_ladder_where_only_managers_go_up() {
    let ladder = load_ladder("welzijn-vlak.yaml", VLAK).unwrap();
    let mut p = Profile::in_role("sociaal-werker-hbo");
    p.no_management = true;
    let answer = routes(&ladder, &p, "teamleider", 3, date(2026, 11, 22));
    assert!(answer.routes.is_empty());
    let blocked = answer
        .blocked
        .expect("an explanation, never an empty answer");
    assert_eq!(blocked.wishes, vec![Wish::NoManagement]);
    assert_eq!(blocked.alternative, None);
    assert_eq!(
        blocked.message.nl,
        "Teamleider is niet bereikbaar met je wens 'geen leidinggeven'."
    );
    assert_eq!(
        blocked.message.en,
        "Team leader cannot be reached with your wish 'no managing people'."
    );
    // Without the wish the route exists.
    p.no_management = false;
    check_routes(
        &ladder,
        &p,
        "teamleider",
        3,
        &["sociaal-werker-hbo>teamleider"],
    );
}

#[test]
fn blocked_goals_name_the_wish_and_the_nearest_alternative() {
    let ladder = groeit();
    let profile = load_profile("sanne.yaml", SANNE, &ladder).unwrap();
    let answer = routes(&ladder, &profile, "teamleider", 3, date(2026, 11, 22));
    let blocked = answer.blocked.unwrap();
    assert_eq!(
        blocked.wishes,
        vec![Wish::NoManagement, Wish::MinPractice(40)]
    );
    assert!(blocked.alternative.is_some());

    let mut p = Profile::in_role("sw-hbo-vak");
    p.min_practice = Some(60);
    let answer = routes(&ladder, &p, "beleidsmedewerker", 3, date(2026, 11, 22));
    let blocked = answer.blocked.unwrap();
    assert_eq!(blocked.wishes, vec![Wish::MinPractice(60)]);
    // Policy work with at least 60% practice: the meldcode role (70/30).
    assert_eq!(
        blocked.alternative.as_deref(),
        Some("aandachtsfunctionaris")
    );
}

#[test]
fn next_steps_are_grouped_by_track() {
    let ladder = groeit();
    let groups = next_steps(
        &ladder,
        &Profile::in_role("sw-hbo-start"),
        2,
        date(2026, 11, 22),
    );
    let got: Vec<(Track, Vec<(String, usize)>)> = groups
        .into_iter()
        .map(|g| {
            (
                g.track,
                g.steps.into_iter().map(|s| (s.role, s.moves)).collect(),
            )
        })
        .collect();
    let s = |id: &str, m: usize| (id.to_string(), m);
    assert_eq!(
        got,
        vec![(
            Track::Practice,
            vec![
                s("sw-hbo-vak", 1),
                s("specialist-jeugd", 2),
                s("aandachtsfunctionaris", 2),
                s("sw-hbo-senior", 2)
            ]
        )]
    );
}

#[test]
fn targets_rank_wished_tracks_first() {
    let ladder = groeit();
    let mut p = Profile::in_role("sw-hbo-senior");
    p.wished_tracks = vec![Track::Policy];
    let targets = ranked_targets(&ladder, &p, date(2026, 11, 22));
    assert_eq!(targets[0].role, "senior-beleidsadviseur");
    assert!(targets.windows(2).all(|w| w[0].score >= w[1].score));
    p.no_management = true;
    assert!(ranked_targets(&ladder, &p, date(2026, 11, 22))
        .iter()
        .all(|t| t.role != "teamleider"));
}

#[test]
fn the_same_input_gives_the_same_plan() {
    let ladder = groeit();
    let profile = load_profile("sanne.yaml", SANNE, &ladder).unwrap();
    let a = plan(&ladder, &profile, Config::default(), date(2026, 11, 22)).unwrap();
    let b = plan(&ladder, &profile, Config::default(), date(2026, 11, 22)).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.goals.len(), 2);
}

#[test]
fn profiles_are_checked_against_the_ladder() {
    let ladder = groeit();
    let bad = SANNE.replace("current_role: sw-hbo-vak", "current_role: sw-hbo-vk");
    let errors = load_profile("p.yaml", &bad, &ladder).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "p.yaml:6:15: unknown role 'sw-hbo-vk'; did you mean 'sw-hbo-vak'?"
    );
    let bad = SANNE.replace(
        "wished_tracks: [practice, teaching]",
        "wished_tracks: [practice, teachng]",
    );
    let errors = load_profile("p.yaml", &bad, &ladder).unwrap_err();
    assert!(
        errors.to_string().contains("did you mean 'teaching'?"),
        "{errors}"
    );
    let bad = SANNE.replace("hours_per_week: 28", "hours_per_week: 0");
    assert!(load_profile("p.yaml", &bad, &ladder).is_err());
}

#[test]
fn a_profile_survives_a_round_trip_through_its_file() {
    let ladder = groeit();
    let profile = load_profile("sanne.yaml", SANNE, &ladder).unwrap();
    let text = doorgroei::format::profile_to_yaml(&profile);
    assert_eq!(load_profile("again.yaml", &text, &ladder).unwrap(), profile);
}

// ---------------------------------------------------------------------------
// Properties on random ladders.

/// A random ladder of `n` roles with random transitions (promotions only upward
/// in index, so there is never a promotion cycle).
fn random_ladder(
    n: usize,
    edges: &[(usize, usize, u8, u8)],
    managers: &[bool],
    practice: &[u8],
) -> String {
    let levels = ["junior", "medior", "senior", "lead"];
    let mut y = String::from("schema: doorgroei/ladder@1\norganisation: R\nroles:\n");
    for i in 0..n {
        let p = practice[i % practice.len()].min(100);
        let mix = if p == 100 {
            "{practice: 100}".to_string()
        } else if p == 0 {
            "{policy: 100}".to_string()
        } else {
            format!("{{practice: {p}, policy: {}}}", 100 - p)
        };
        y.push_str(&format!(
            "  - {{id: r{i}, name: {{nl: R{i}, en: R{i}}}, level: {}, mix: {mix}, scale: {{min: 8, max: {}}}, education: hbo, manages_people: {}}}\n",
            levels[(i * 4 / n).min(3)],
            8 + i % 4,
            managers[i % managers.len()]
        ));
    }
    y.push_str("transitions:\n");
    let mut seen = std::collections::BTreeSet::new();
    for &(a, b, years, kind) in edges {
        let (a, b) = (a % n, b % n);
        if a == b || !seen.insert((a, b)) {
            continue;
        }
        let kind = if a < b && kind % 2 == 0 {
            "promotion"
        } else {
            "lateral"
        };
        y.push_str(&format!(
            "  - {{from: r{a}, to: r{b}, kind: {kind}, min_years: {}}}\n",
            years % 4
        ));
    }
    y
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn routes_are_real_loop_free_within_wishes_and_ordered(
        n in 2usize..12,
        edges in prop::collection::vec((0usize..12, 0usize..12, 0u8..8, 0u8..4), 0..40),
        managers in prop::collection::vec(prop::bool::weighted(0.2), 1..6),
        practice in prop::collection::vec(prop_oneof![Just(0u8), Just(40), Just(70), Just(100)], 1..6),
        no_management in any::<bool>(),
        min_practice in prop_oneof![Just(None), Just(Some(50u8))],
        k in 1usize..5,
        goal in 0usize..12,
    ) {
        let ladder = load_ladder("r.yaml", &random_ladder(n, &edges, &managers, &practice)).unwrap();
        let mut p = Profile::in_role("r0");
        p.no_management = no_management;
        p.min_practice = min_practice;
        let goal = format!("r{}", goal % n);
        let answer = routes(&ladder, &p, &goal, k, date(2026, 1, 1));
        prop_assert!(answer.routes.len() <= k);
        for r in &answer.routes {
            prop_assert_eq!(r.roles.first().map(String::as_str), Some("r0"));
            prop_assert_eq!(r.roles.last(), Some(&goal));
            let unique: std::collections::BTreeSet<&String> = r.roles.iter().collect();
            prop_assert_eq!(unique.len(), r.roles.len(), "no repeated role");
            for w in r.roles.windows(2) {
                let (a, b) = (ladder.node(&w[0]).unwrap(), ladder.node(&w[1]).unwrap());
                prop_assert!(ladder.graph().find_edge(a, b).is_some(), "{} → {} is a transition", w[0], w[1]);
            }
            for id in &r.roles[1..] {
                let role = ladder.role(id).unwrap();
                prop_assert!(!(no_management && role.manages_people));
                if let Some(min) = min_practice {
                    prop_assert!(role.mix.share(Track::Practice) >= min);
                }
            }
        }
        prop_assert!(answer.routes.windows(2).all(|w| w[0].cost <= w[1].cost), "ordered by score");
        let distinct: std::collections::BTreeSet<&Vec<String>> = answer.routes.iter().map(|r| &r.roles).collect();
        prop_assert_eq!(distinct.len(), answer.routes.len());
        // Never an empty answer: no routes means an explanation (unless the goal is where one stands).
        if answer.routes.is_empty() && goal != "r0" {
            prop_assert!(answer.blocked.is_some());
        }
    }
}
