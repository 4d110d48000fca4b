//! Growth routes on the example ladders and on small hand-made ones.

use std::collections::{BTreeMap, BTreeSet};

use doorgroei::exchange::profile_yaml;
use doorgroei::format::{check_profile, load_ladder, load_profile, HOURS_PER_WEEK, PERCENT, YEARS};
use doorgroei::ladder::{Education, Proficiency, Requirement, Track};
use doorgroei::paths::{next_steps, plan, ranked_targets, routes, Config, Profile, Stretch, Wish};
use doorgroei::{Ladder, Lang};
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

// ---------------------------------------------------------------------------
// What a route has achieved counts on its later steps.

/// The routes to `goal` as (roles, months), best first.
fn check_months(
    ladder: &Ladder,
    profile: &Profile,
    goal: &str,
    k: usize,
    expected: &[(&str, u32)],
) {
    let answer = routes(ladder, profile, goal, k, date(2026, 1, 1));
    let got: Vec<(String, u32)> = answer
        .routes
        .iter()
        .map(|r| (r.roles.join(">"), r.months))
        .collect();
    let expected: Vec<(String, u32)> = expected.iter().map(|&(r, m)| (r.to_string(), m)).collect();
    assert_eq!(got, expected, "{:?}", answer.blocked);
    for r in &answer.routes {
        assert_eq!(
            r.cost,
            r.months + 3 * r.steps.len() as u32,
            "cost = months + 3 per move"
        );
    }
}

/// The first route to `goal`, step by step: (to, what is missing, months from now).
fn check_steps(ladder: &Ladder, profile: &Profile, goal: &str, expected: &[(&str, &[&str], u32)]) {
    let answer = routes(ladder, profile, goal, 1, date(2026, 1, 1));
    let route = &answer.routes[0];
    let got: Vec<(String, Vec<String>, u32)> = route
        .steps
        .iter()
        .map(|s| {
            let missing = s.missing.iter().map(|r| r.describe(Lang::En)).collect();
            (s.to.clone(), missing, s.months_from_now)
        })
        .collect();
    let expected: Vec<(String, Vec<String>, u32)> = expected
        .iter()
        .map(|&(to, missing, months)| {
            (
                to.to_string(),
                missing.iter().map(|m| m.to_string()).collect(),
                months,
            )
        })
        .collect();
    assert_eq!(got, expected);
}

fn mbo_starter() -> Profile {
    let mut p = Profile::in_role("sw-mbo-start");
    p.education = Education::Mbo4;
    p
}

#[test]
fn an_hbo_study_on_the_first_step_is_not_asked_again() {
    let ladder = groeit();
    // The routes: the study is done once, on whichever step asks it first.
    check_months(
        &ladder,
        &mbo_starter(),
        "sw-hbo-senior",
        3,
        &[
            // 24 (2 years) + 36 + 48 (HBO)
            ("sw-mbo-start>sw-mbo-vak>sw-mbo-senior>sw-hbo-senior", 108),
            // 24 + 48 (HBO) + 36 (3 years; HBO met)
            ("sw-mbo-start>sw-mbo-vak>sw-hbo-vak>sw-hbo-senior", 108),
            // 48 (HBO) + 24 + 36: was 144 when every step asked HBO again
            ("sw-mbo-start>sw-hbo-start>sw-hbo-vak>sw-hbo-senior", 108),
        ],
    );
    check_steps(
        &ladder,
        &mbo_starter(),
        "sw-hbo-senior",
        &[
            (
                "sw-mbo-vak",
                &["qualification: Registratie Registerplein"],
                24,
            ),
            ("sw-mbo-senior", &["competency: Methodisch werken"], 60),
            ("sw-hbo-senior", &["education: bachelor (HBO)"], 108),
        ],
    );
    check_months(
        &ladder,
        &mbo_starter(),
        "coordinator-leren",
        3,
        &[
            (
                "sw-mbo-start>sw-mbo-vak>sw-hbo-vak>specialist-jeugd>praktijkopleider>coordinator-leren",
                132,
            ),
            (
                "sw-mbo-start>sw-hbo-start>sw-hbo-vak>specialist-jeugd>praktijkopleider>coordinator-leren",
                132,
            ),
            // 24 + 36 + 12 + 48 (HBO, asked by the step to praktijkopleider) + 24
            (
                "sw-mbo-start>sw-mbo-vak>sw-mbo-senior>werkbegeleider>praktijkopleider>coordinator-leren",
                144,
            ),
        ],
    );
    // Step by step: HBO is met from the second step on.
    let answer = routes(
        &ladder,
        &mbo_starter(),
        "sw-hbo-senior",
        3,
        date(2026, 1, 1),
    );
    let third = &answer.routes[2];
    let hbo = Requirement::Education(Education::Hbo);
    let asked: Vec<(bool, bool)> = third
        .steps
        .iter()
        .map(|s| (s.met.contains(&hbo), s.missing.contains(&hbo)))
        .collect();
    assert_eq!(asked, [(false, true), (true, false), (true, false)]);
}

/// A ladder of roles `(id, education, competencies)` in order (junior to
/// lead by position, all practice) and transitions written as YAML.
fn small_ladder(roles: &[(&str, &str, &[&str])], transitions: &[&str]) -> Ladder {
    let levels = ["junior", "medior", "senior", "lead"];
    let mut y = String::from("schema: doorgroei/ladder@1\norganisation: Klein\nroles:\n");
    for (i, (id, education, competencies)) in roles.iter().enumerate() {
        y.push_str(&format!(
            "  - {{id: {id}, name: {{nl: {id}, en: {id}}}, level: {}, mix: {{practice: 100}}, scale: {{min: 8, max: {}}}, education: {education}, competencies: [{}]}}\n",
            levels[(i * 4 / roles.len()).min(3)],
            8 + i,
            competencies.join(", ")
        ));
    }
    y.push_str("transitions:\n");
    for t in transitions {
        y.push_str(&format!("  - {t}\n"));
    }
    load_ladder("klein.yaml", &y).unwrap()
}

/// The chain a → b → c (lateral moves, no minimum years).
fn chain(roles: &[(&str, &str, &[&str])], ab: &str, bc: &str) -> Ladder {
    small_ladder(
        roles,
        &[
            &format!("{{from: a, to: b, kind: lateral, requirements: [{ab}]}}"),
            &format!("{{from: b, to: c, kind: lateral, requirements: [{bc}]}}"),
        ],
    )
}

const HBO_ABC: &[(&str, &str, &[&str])] =
    &[("a", "hbo", &[]), ("b", "hbo", &[]), ("c", "hbo", &[])];

#[test]
fn what_one_step_gains_is_met_on_the_next() {
    // (asked on both steps, what the first step misses, its months); the
    // second step then misses nothing and takes no time.
    let cases: [(&str, &str, u32); 4] = [
        ("{training: Mediation}", "training: Mediation", 6),
        (
            "{qualification: Registratie SKJ}",
            "qualification: Registratie SKJ",
            6,
        ),
        ("{competency: Netwerkregie}", "competency: Netwerkregie", 12),
        ("{education: master}", "education: master", 24),
    ];
    for (req, missing, months) in cases {
        let ladder = chain(HBO_ABC, req, req);
        check_steps(
            &ladder,
            &Profile::in_role("a"),
            "c",
            &[("b", &[missing], months), ("c", &[], months)],
        );
    }
    // Names match ignoring case and spaces around them, as against the profile.
    let ladder = chain(HBO_ABC, "{training: Mediation}", "{training: ' mediation'}");
    check_steps(
        &ladder,
        &Profile::in_role("a"),
        "c",
        &[("b", &["training: Mediation"], 6), ("c", &[], 6)],
    );
    // A training is not a qualification of the same name.
    let ladder = chain(
        HBO_ABC,
        "{training: Mediation}",
        "{qualification: Mediation}",
    );
    check_steps(
        &ladder,
        &Profile::in_role("a"),
        "c",
        &[
            ("b", &["training: Mediation"], 6),
            ("c", &["qualification: Mediation"], 12),
        ],
    );
    // A study after MBO: HBO on the first step (48 months), a master after it (24 more).
    let roles: &[(&str, &str, &[&str])] =
        &[("a", "mbo4", &[]), ("b", "hbo", &[]), ("c", "master", &[])];
    let ladder = chain(roles, "{training: Mediation}", "{training: Mediation}");
    let mut mbo = Profile::in_role("a");
    mbo.education = Education::Mbo4;
    check_steps(
        &ladder,
        &mbo,
        "c",
        &[
            (
                "b",
                &["training: Mediation", "education: bachelor (HBO)"],
                48,
            ),
            ("c", &["education: master"], 72),
        ],
    );
}

#[test]
fn competencies_of_roles_held_on_the_route_count_later() {
    // b brings Netwerkregie; d asks for it two steps later.
    let ladder = small_ladder(
        &[
            ("a", "hbo", &[]),
            ("b", "hbo", &["Netwerkregie"]),
            ("c", "hbo", &[]),
            ("d", "hbo", &[]),
        ],
        &[
            "{from: a, to: b, kind: lateral}",
            "{from: b, to: c, kind: lateral}",
            "{from: c, to: d, kind: lateral, requirements: [{competency: netwerkregie}]}",
            "{from: a, to: d, kind: lateral, requirements: [{competency: Netwerkregie}]}",
        ],
    );
    check_steps(
        &ladder,
        &Profile::in_role("a"),
        "d",
        &[("b", &[], 0), ("c", &[], 0), ("d", &[], 0)],
    );
    // Via b the competency comes with the role: three moves (9) beat a year (12 + 3).
    check_months(
        &ladder,
        &Profile::in_role("a"),
        "d",
        3,
        &[("a>b>c>d", 0), ("a>d", 12)],
    );
    // The competency of the role one starts in counts too.
    let ladder = small_ladder(
        &[("a", "hbo", &["Netwerkregie"]), ("b", "hbo", &[])],
        &["{from: a, to: b, kind: lateral, requirements: [{competency: Netwerkregie}]}"],
    );
    check_months(&ladder, &Profile::in_role("a"), "b", 1, &[("a>b", 0)]);
}

#[test]
fn a_dearer_way_to_a_role_that_achieved_more_is_kept() {
    // (roles, transitions, goal, best routes with their months): the search
    // keeps a dearer way to a role while what it achieved may still pay off.
    type Case<'a> = (
        &'a [(&'a str, &'a str, &'a [&'a str])],
        &'a [&'a str],
        &'a str,
        &'a [(&'a str, u32)],
    );
    let cases: [Case; 3] = [
        // Two ways to m: straight (3) or through x (6), which brings K that
        // the step to g asks for: 9 in all instead of 3 + 12 + 3.
        (
            &[("a", "hbo", &[]), ("x", "hbo", &["K"]), ("m", "hbo", &[]), ("g", "hbo", &[])],
            &[
                "{from: a, to: m, kind: lateral}",
                "{from: a, to: x, kind: lateral}",
                "{from: x, to: m, kind: lateral}",
                "{from: m, to: g, kind: lateral, requirements: [{competency: K}]}",
            ],
            "g",
            &[("a>x>m>g", 0), ("a>m>g", 12)],
        ),
        // b and c reach each other. Via c, b is reached sooner (12 against 15)
        // with as much achieved, but that route has been in c and cannot take
        // c → g; the dearer route a → b can (b brings K, which c → g asks).
        (
            &[("a", "hbo", &[]), ("b", "hbo", &["K"]), ("c", "hbo", &[]), ("g", "hbo", &[])],
            &[
                "{from: a, to: b, kind: lateral, min_years: 1, requirements: [{training: T}]}",
                "{from: a, to: c, kind: lateral, requirements: [{training: T}]}",
                "{from: c, to: b, kind: lateral}",
                "{from: b, to: c, kind: lateral}",
                "{from: c, to: g, kind: lateral, requirements: [{competency: K}]}",
            ],
            "g",
            &[("a>b>c>g", 12), ("a>c>g", 18)],
        ),
        // The master gained on the way through x (within its two years)
        // spares the two-year study that m → g would ask: 24 + 24 + 0
        // against 24 + 24 after the straight step.
        (
            &[("a", "hbo", &[]), ("x", "hbo", &[]), ("m", "hbo", &[]), ("g", "hbo", &[])],
            &[
                "{from: a, to: m, kind: lateral, min_years: 2}",
                "{from: a, to: x, kind: lateral, min_years: 2, requirements: [{education: master}]}",
                "{from: x, to: m, kind: lateral}",
                "{from: m, to: g, kind: lateral, requirements: [{education: master}]}",
            ],
            "g",
            &[("a>x>m>g", 24), ("a>m>g", 48)],
        ),
    ];
    for (roles, transitions, goal, expected) in cases {
        let ladder = small_ladder(roles, transitions);
        check_months(&ladder, &Profile::in_role("a"), goal, 3, expected);
    }
}

#[test]
fn a_step_takes_the_longest_of_its_wait_and_its_gaps() {
    // (min_years, requirements, years in the role, months of the step)
    let cases: [(f64, &str, f64, u32); 6] = [
        (0.0, "{training: T}, {competency: K}", 0.0, 12),
        (2.0, "{training: T}", 0.0, 24),
        (2.0, "{training: T}", 1.5, 6),
        (2.0, "{training: T}", 5.0, 6),
        (0.5, "", 0.0, 6),
        (0.0, "{education: master}, {competency: K}", 0.0, 24),
    ];
    for (min_years, reqs, served, months) in cases {
        let ladder = small_ladder(
            &[("a", "hbo", &[]), ("b", "hbo", &[])],
            &[&format!(
                "{{from: a, to: b, kind: lateral, min_years: {min_years}, requirements: [{reqs}]}}"
            )],
        );
        let mut p = Profile::in_role("a");
        p.years_in_role = served;
        check_months(&ladder, &p, "b", 1, &[("a>b", months)]);
    }
}

// ---------------------------------------------------------------------------
// One search, one answer: next steps, targets and goals agree.

/// For every role reachable from the profile's: its months as a target, as
/// a next step (when it is one) and as the first route to it as a goal are
/// the same, and next steps are exactly the roles whose best route has at
/// most `next_moves` moves.
fn check_one_answer(ladder: &Ladder, profile: &Profile) {
    let today = date(2026, 1, 1);
    let config = Config::default();
    let plan = plan(ladder, profile, config, today).unwrap();
    let targets: BTreeMap<&str, u32> = plan
        .targets
        .iter()
        .map(|t| (t.role.as_str(), t.months))
        .collect();
    let next: BTreeMap<&str, (usize, u32)> = plan
        .next
        .iter()
        .flat_map(|g| g.steps.iter())
        .map(|s| (s.role.as_str(), (s.moves, s.route.months)))
        .collect();
    assert_eq!(ranked_targets(ladder, profile, today), plan.targets);
    assert_eq!(
        next_steps(ladder, profile, config.next_moves, today),
        plan.next
    );
    for (role, &months) in &targets {
        let first = &routes(ladder, profile, role, 1, today).routes[0];
        assert_eq!(
            first.months, months,
            "{} → {role}: goal and target",
            profile.current_role
        );
        match next.get(role) {
            Some(&(moves, next_months)) => {
                assert_eq!(
                    next_months, months,
                    "{} → {role}: next step and target",
                    profile.current_role
                );
                assert_eq!(moves, first.steps.len());
            }
            None => assert!(
                first.steps.len() > config.next_moves,
                "{role} is a next step"
            ),
        }
    }
    assert!(next.keys().all(|r| targets.contains_key(r)));
}

#[test]
fn next_steps_targets_and_goals_agree_on_the_example_ladders() {
    let sanne_ladder = groeit();
    let sanne = load_profile("sanne.yaml", SANNE, &sanne_ladder).unwrap();
    check_one_answer(&sanne_ladder, &sanne);
    // The two roles: 23 months everywhere.
    let plan = plan(&sanne_ladder, &sanne, Config::default(), date(2026, 1, 1)).unwrap();
    for role in ["praktijkopleider", "praktijkadviseur-gemeente"] {
        let step = plan
            .next
            .iter()
            .flat_map(|g| &g.steps)
            .find(|s| s.role == role)
            .unwrap();
        assert_eq!(step.route.months, 23, "{role}");
    }
    for text in [GROEIT, VLAK] {
        let ladder = load_ladder("l.yaml", text).unwrap();
        for (_, role) in ladder.roles() {
            for (education, hours, served) in
                [(role.education, 36.0, 0.0), (Education::Mbo4, 24.0, 1.5)]
            {
                let mut p = Profile::in_role(&role.id);
                p.education = education;
                p.hours_per_week = hours;
                p.years_in_role = served;
                check_one_answer(&ladder, &p);
            }
        }
    }
}

#[test]
fn next_steps_targets_and_goals_agree_on_hand_made_ladders() {
    let ladders = [
        chain(HBO_ABC, "{training: T}", "{training: T}"),
        small_ladder(
            &[
                ("a", "mbo4", &["K"]),
                ("b", "hbo", &[]),
                ("c", "hbo", &["L"]),
                ("d", "master", &[]),
            ],
            &[
                "{from: a, to: b, kind: promotion, min_years: 1}",
                "{from: a, to: c, kind: lateral, min_years: 2, requirements: [{training: T}]}",
                "{from: c, to: b, kind: lateral, requirements: [{competency: K}]}",
                "{from: b, to: c, kind: lateral, requirements: [{competency: L}]}",
                "{from: b, to: d, kind: promotion, min_years: 3, requirements: [{competency: L}, {training: T}]}",
                "{from: c, to: d, kind: promotion, min_years: 1, requirements: [{competency: K}]}",
            ],
        ),
    ];
    for ladder in &ladders {
        for education in [Education::Mbo4, Education::Hbo] {
            let mut p = Profile::in_role("a");
            p.education = education;
            check_one_answer(ladder, &p);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn next_steps_targets_and_goals_agree_on_synthetic_ladders(
        n in 8usize..60,
        seed in any::<u64>(),
        start in 0usize..60,
        no_management in any::<bool>(),
        served in prop_oneof![Just(0.0), Just(1.5)],
    ) {
        let ladder = load_ladder("s.yaml", &doorgroei::synth::ladder_yaml(n, seed)).unwrap();
        let mut p = Profile::in_role(&format!("r{}", start % n));
        p.no_management = no_management;
        p.years_in_role = served;
        check_one_answer(&ladder, &p);
    }
}

// ---------------------------------------------------------------------------
// The search against every loop-free route.

/// The rules of docs/formats.md ("How routes are computed"), written out
/// again for whole routes: the cost of `path` (months + 3 per move).
fn oracle_cost(ladder: &Ladder, profile: &Profile, path: &[&str]) -> u32 {
    let key = |kind: &str, name: &str| format!("{kind}:{}", name.trim().to_lowercase());
    let mut held: BTreeSet<String> = BTreeSet::new();
    for (kind, list) in [
        ("training", &profile.trainings),
        ("qualification", &profile.qualifications),
        ("competency", &profile.competencies),
    ] {
        held.extend(list.iter().map(|n| key(kind, n)));
    }
    let mut education = profile.education;
    let start = ladder.role(path[0]).unwrap();
    held.extend(
        start
            .competencies
            .iter()
            .map(|c| key("competency", &c.name)),
    );
    let study = |have: Education, want: Education| match (have, want) {
        _ if have >= want => 0,
        (Education::Mbo4, Education::Hbo) => 48,
        (Education::Hbo, Education::Master) => 24,
        _ => 72,
    };
    let mut cost = 0;
    for (i, w) in path.windows(2).enumerate() {
        let (a, b) = (ladder.node(w[0]).unwrap(), ladder.node(w[1]).unwrap());
        let t = &ladder.graph()[ladder.graph().find_edge(a, b).unwrap()];
        let to = ladder.role_at(b);
        let served = if i == 0 { profile.years_in_role } else { 0.0 };
        let years = t.min_years - served;
        let wait = if years > 0.0 {
            (years * 12.0).ceil() as u32
        } else {
            0
        };
        let mut reqs = t.requirements.clone();
        if !reqs
            .iter()
            .any(|r| matches!(r, Requirement::Education(e) if *e >= to.education))
        {
            reqs.push(Requirement::Education(to.education));
        }
        let mut gap = 0;
        let mut gained = Vec::new();
        for r in &reqs {
            let (k, months) = match r {
                Requirement::Training(n) => (key("training", n), 6),
                Requirement::Qualification(n) => (key("qualification", n), 6),
                // Rated at the level the target role asks (voldoende when
                // it does not list the competency): met.
                Requirement::Competency(n)
                    if profile.self_assessment.iter().any(|(name, &rating)| {
                        name.eq_ignore_ascii_case(n)
                            && rating
                                >= to
                                    .competencies
                                    .iter()
                                    .find(|c| c.name.eq_ignore_ascii_case(n))
                                    .map_or(Proficiency::Sufficient, |c| c.level)
                    }) =>
                {
                    continue
                }
                Requirement::Competency(n) => (key("competency", n), 12),
                Requirement::Education(e) => {
                    gap = gap.max(study(education, *e));
                    continue;
                }
            };
            if !held.contains(&k) {
                gap = gap.max(months);
                gained.push(k);
            }
        }
        for r in &reqs {
            if let Requirement::Education(e) = r {
                education = education.max(*e);
            }
        }
        held.extend(gained);
        held.extend(to.competencies.iter().map(|c| key("competency", &c.name)));
        cost += wait.max(gap) + 3;
    }
    cost
}

/// Every loop-free path from `from`, by depth-first search.
fn all_paths<'a>(ladder: &'a Ladder, path: &mut Vec<&'a str>, out: &mut Vec<Vec<&'a str>>) {
    out.push(path.clone());
    let node = ladder.node(path[path.len() - 1]).unwrap();
    for step in ladder.outgoing(node) {
        if !path.contains(&step.to.id.as_str()) {
            path.push(&step.to.id);
            all_paths(ladder, path, out);
            path.pop();
        }
    }
}

/// A random ladder whose steps ask for trainings and competencies from a
/// small pool, roles that bring competencies, mixed education and cycles.
fn gains_ladder(
    n: usize,
    edges: &[(usize, usize, u8, u8, u8)],
    brings: &[u8],
    educations: &[u8],
    levels: &[u8],
) -> Ladder {
    let names = ["K", "L", "M"];
    let asked = ["basis", "voldoende", "sterk"];
    let education = ["mbo4", "hbo", "master"];
    let mut y = String::from("schema: doorgroei/ladder@1\norganisation: R\nroles:\n");
    for i in 0..n {
        let b = brings[i % brings.len()];
        let comps: Vec<String> = (0..3)
            .filter(|k| b & (1 << k) != 0)
            .map(|k| {
                let level = asked[usize::from(levels[(i + k) % levels.len()] % 3)];
                format!("{{name: {}, level: {level}}}", names[k])
            })
            .collect();
        y.push_str(&format!(
            "  - {{id: r{i}, name: {{nl: R{i}, en: R{i}}}, level: medior, mix: {{practice: 100}}, scale: {{min: 8, max: 9}}, education: {}, competencies: [{}]}}\n",
            education[usize::from(educations[i % educations.len()] % 3)],
            comps.join(", ")
        ));
    }
    y.push_str("transitions:\n");
    let mut seen = BTreeSet::new();
    for &(a, b, years, reqs, edu) in edges {
        let (a, b) = (a % n, b % n);
        if a == b || !seen.insert((a, b)) {
            continue;
        }
        let mut list = Vec::new();
        for (bit, req) in [
            "{training: T}",
            "{training: U}",
            "{competency: K}",
            "{competency: L}",
            "{competency: M}",
            "{qualification: Q}",
        ]
        .iter()
        .enumerate()
        {
            if reqs & (1 << bit) != 0 {
                list.push(req.to_string());
            }
        }
        if edu % 4 == 3 {
            list.push("{education: master}".into());
        }
        y.push_str(&format!(
            "  - {{from: r{a}, to: r{b}, kind: lateral, min_years: {}, requirements: [{}]}}\n",
            f64::from(years % 4) / 2.0,
            list.join(", ")
        ));
    }
    load_ladder("r.yaml", &y).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_k_best_routes_are_the_k_cheapest_loop_free_routes(
        n in 2usize..7,
        edges in prop::collection::vec(
            (0usize..7, 0usize..7, 0u8..8, prop::sample::select(vec![0u8, 0, 1, 2, 4, 8, 16, 32, 6, 40, 255]), 0u8..8),
            0..24,
        ),
        brings in prop::collection::vec(0u8..8, 1..4),
        educations in prop::collection::vec(0u8..3, 1..4),
        education in 0u8..3,
        served in prop_oneof![Just(0.0), Just(0.5), Just(1.25)],
        held in prop::collection::vec(prop_oneof![Just("T"), Just("K"), Just("Q")], 0..2),
        k in 1usize..5,
        levels in prop::collection::vec(0u8..3, 1..4),
        ratings in prop::collection::vec(0u8..5, 3),
    ) {
        let ladder = gains_ladder(n, &edges, &brings, &educations, &levels);
        let mut p = Profile::in_role("r0");
        p.education = [Education::Mbo4, Education::Hbo, Education::Master][usize::from(education)];
        p.years_in_role = served;
        for name in held {
            match name {
                "T" => p.trainings.push("t".into()),
                "K" => p.competencies.push("K".into()),
                _ => p.qualifications.push("Q".into()),
            }
        }
        // Own ratings of K, L and M: none, nog_niet, basis, voldoende, sterk.
        for (name, &r) in ["K", "L", "M"].iter().zip(&ratings) {
            if let Some(&level) = Proficiency::ALL.get(usize::from(r).wrapping_sub(1)) {
                p.self_assessment.insert(name.to_string(), level);
            }
        }
        let mut paths = Vec::new();
        all_paths(&ladder, &mut vec!["r0"], &mut paths);
        let mut costs: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
        for path in &paths[1..] {
            costs.entry(path[path.len() - 1]).or_default().push(oracle_cost(&ladder, &p, path));
        }
        for (goal, mut expected) in costs {
            expected.sort_unstable();
            expected.truncate(k);
            let answer = routes(&ladder, &p, goal, k, date(2026, 1, 1));
            let got: Vec<u32> = answer.routes.iter().map(|r| r.cost).collect();
            prop_assert_eq!(&got, &expected, "r0 → {}", goal);
            for r in &answer.routes {
                let path: Vec<&str> = r.roles.iter().map(String::as_str).collect();
                prop_assert_eq!(r.cost, oracle_cost(&ladder, &p, &path));
                prop_assert_eq!(r.cost, r.months + 3 * r.steps.len() as u32);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Part-time stretching, cap included.

#[test]
fn part_time_stretching_is_shown_with_its_cap() {
    let groeit = groeit();
    let vlak = load_ladder("welzijn-vlak.yaml", VLAK).unwrap();
    // (ladder, role, hours a week, factor and whether the cap applies)
    type Case<'a> = (&'a Ladder, &'a str, f64, Option<(f64, bool)>);
    let cases: [Case; 8] = [
        (&groeit, "sw-hbo-vak", 36.0, None),
        (&groeit, "sw-hbo-vak", 40.0, None),
        (&groeit, "sw-hbo-vak", 28.0, Some((36.0 / 28.0, false))),
        (&groeit, "sw-hbo-vak", 18.0, Some((2.0, false))),
        (&groeit, "sw-hbo-vak", 12.0, Some((3.0, false))),
        (&groeit, "sw-hbo-vak", 8.0, Some((3.0, true))),
        (&groeit, "sw-hbo-vak", 1.0, Some((3.0, true))),
        (&vlak, "sociaal-werker-hbo", 8.0, None),
    ];
    for (ladder, role, hours, expected) in cases {
        let mut p = Profile::in_role(role);
        p.hours_per_week = hours;
        let plan = plan(ladder, &p, Config::default(), date(2026, 1, 1)).unwrap();
        assert_eq!(
            plan.stretch.map(|s| (s.factor, s.capped)),
            expected,
            "{hours} hours"
        );
        if let Some(s) = plan.stretch {
            assert_eq!((s.hours, s.full_time_hours), (hours, 36.0));
        }
        assert_eq!(Stretch::of(ladder.part_time(), hours), plan.stretch);
    }
    // The cap: 8 hours a week take as long as 12 (3 × 2 years = 72 months).
    let months = |hours: f64| {
        let mut p = Profile::in_role("sw-hbo-vak");
        p.hours_per_week = hours;
        let answer = routes(&groeit, &p, "specialist-jeugd", 1, date(2026, 1, 1));
        answer.routes[0].months
    };
    assert_eq!(
        (months(36.0), months(18.0), months(12.0), months(8.0)),
        (24, 48, 72, 72)
    );
}

// ---------------------------------------------------------------------------
// Numbers a profile may hold.

#[test]
fn profile_numbers_outside_their_limits_are_refused_naming_the_limit() {
    let ladder = groeit();
    // (line of Sanne's profile, replaced by, message in English, in Dutch)
    let cases: [(&str, &str, &str, &str); 15] = [
        ("years_in_role: 2", "years_in_role: -1", "7:16: years_in_role: invalid value -1; expected a number of years from 0 to 60", "years_in_role: ongeldige waarde -1; verwacht een aantal jaren van 0 tot en met 60"),
        ("years_in_role: 2", "years_in_role: -1e9", "7:16: years_in_role: invalid value -1e9; expected a number of years from 0 to 60", "years_in_role: ongeldige waarde -1e9; verwacht een aantal jaren van 0 tot en met 60"),
        ("years_in_role: 2", "years_in_role: 60.5", "7:16: years_in_role: invalid value 60.5; expected a number of years from 0 to 60", "years_in_role: ongeldige waarde 60.5; verwacht een aantal jaren van 0 tot en met 60"),
        ("years_in_role: 2", "years_in_role: 1e9", "7:16: years_in_role: invalid value 1e9; expected a number of years from 0 to 60", "years_in_role: ongeldige waarde 1e9; verwacht een aantal jaren van 0 tot en met 60"),
        ("years_in_role: 2", "years_in_role: .nan", "7:16: years_in_role: invalid value .nan; expected a number of years from 0 to 60", "years_in_role: ongeldige waarde .nan; verwacht een aantal jaren van 0 tot en met 60"),
        ("years_in_role: 2", "years_in_role: .inf", "7:16: years_in_role: invalid value .inf; expected a number of years from 0 to 60", "years_in_role: ongeldige waarde .inf; verwacht een aantal jaren van 0 tot en met 60"),
        ("years_in_role: 2", "years_in_role: -.Inf", "7:16: years_in_role: invalid value -.inf; expected a number of years from 0 to 60", "years_in_role: ongeldige waarde -.inf; verwacht een aantal jaren van 0 tot en met 60"),
        ("years_in_profession: 4", "years_in_profession: 1e300", "8:22: years_in_profession: invalid value 1e300; expected a number of years from 0 to 60", "years_in_profession: ongeldige waarde 1e300; verwacht een aantal jaren van 0 tot en met 60"),
        ("years_in_profession: 4", "years_in_profession: -0.5", "8:22: years_in_profession: invalid value -0.5; expected a number of years from 0 to 60", "years_in_profession: ongeldige waarde -0.5; verwacht een aantal jaren van 0 tot en met 60"),
        ("hours_per_week: 28", "hours_per_week: 0", "16:17: hours_per_week: invalid value 0; expected a number of hours a week from 1 to 80", "hours_per_week: ongeldige waarde 0; verwacht een aantal uren per week van 1 tot en met 80"),
        ("hours_per_week: 28", "hours_per_week: 0.5", "16:17: hours_per_week: invalid value 0.5; expected a number of hours a week from 1 to 80", "hours_per_week: ongeldige waarde 0.5; verwacht een aantal uren per week van 1 tot en met 80"),
        ("hours_per_week: 28", "hours_per_week: 81", "16:17: hours_per_week: invalid value 81; expected a number of hours a week from 1 to 80", "hours_per_week: ongeldige waarde 81; verwacht een aantal uren per week van 1 tot en met 80"),
        ("hours_per_week: 28", "hours_per_week: .nan", "16:17: hours_per_week: invalid value .nan; expected a number of hours a week from 1 to 80", "hours_per_week: ongeldige waarde .nan; verwacht een aantal uren per week van 1 tot en met 80"),
        ("hours_per_week: 28", "hours_per_week: -.inf", "16:17: hours_per_week: invalid value -.inf; expected a number of hours a week from 1 to 80", "hours_per_week: ongeldige waarde -.inf; verwacht een aantal uren per week van 1 tot en met 80"),
        ("min_practice: 40", "min_practice: 101", "15:15: min_practice: invalid value 101; expected a percentage from 0 to 100", "min_practice: ongeldige waarde 101; verwacht een percentage van 0 tot en met 100"),
    ];
    for (line, replaced, en, nl) in cases {
        assert!(SANNE.contains(line));
        let text = SANNE.replace(line, replaced);
        let errors = load_profile("p.yaml", &text, &ladder).unwrap_err();
        assert_eq!(errors.to_string(), format!("p.yaml:{en}"), "{replaced}");
        assert_eq!(errors.0[0].message(Lang::Nl), nl, "{replaced}");
    }
    // `NaN` without the dot is text in YAML, not a number.
    let text = SANNE.replace("years_in_role: 2", "years_in_role: NaN");
    let errors = load_profile("p.yaml", &text, &ladder).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "p.yaml:7:16: years_in_role: expected a number, found text 'NaN'"
    );
    // The bounds themselves are fine.
    for (line, replaced) in [
        ("years_in_role: 2", "years_in_role: 0"),
        ("years_in_role: 2", "years_in_role: 60"),
        ("years_in_profession: 4", "years_in_profession: 60"),
        ("hours_per_week: 28", "hours_per_week: 1"),
        ("hours_per_week: 28", "hours_per_week: 80"),
        ("min_practice: 40", "min_practice: 100"),
    ] {
        let text = SANNE.replace(line, replaced);
        assert!(load_profile("p.yaml", &text, &ladder).is_ok(), "{replaced}");
    }
}

#[test]
fn profiles_from_elsewhere_meet_the_same_limits() {
    let ladder = groeit();
    let sanne = load_profile("sanne.yaml", SANNE, &ladder).unwrap();
    assert!(check_profile("p", &sanne).is_ok());
    // (change, message) for a profile the web app saved or sends to be written
    type Change = fn(&mut Profile);
    let cases: [(Change, &str); 4] = [
        (
            |p| p.years_in_role = f64::NAN,
            "p: years_in_role: invalid value .nan; expected a number of years from 0 to 60",
        ),
        (
            |p| p.years_in_profession = 1e300,
            "p: years_in_profession: invalid value 1e300; expected a number of years from 0 to 60",
        ),
        (
            |p| p.hours_per_week = f64::INFINITY,
            "p: hours_per_week: invalid value .inf; expected a number of hours a week from 1 to 80",
        ),
        (
            |p| p.min_practice = Some(200),
            "p: min_practice: invalid value 200; expected a percentage from 0 to 100",
        ),
    ];
    for (change, message) in cases {
        let mut p = sanne.clone();
        change(&mut p);
        assert_eq!(check_profile("p", &p).unwrap_err().to_string(), message);
        // Even so, the core answers without panicking.
        assert!(plan(&ladder, &p, Config::default(), date(2026, 1, 1)).is_some());
    }
    // Writing a profile file refuses what reading it back would refuse.
    let mut p = sanne.clone();
    p.years_in_role = 1e300;
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(
        profile_yaml(&json),
        Err("profiel.yaml: years_in_role: invalid value 1e300; expected a number of years from 0 to 60".into())
    );
    assert!(profile_yaml(&serde_json::to_string(&sanne).unwrap()).is_ok());
}

#[test]
fn the_json_schema_has_the_loaders_limits() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../../pathways/schema/profile.schema.json")).unwrap();
    for (field, limit) in [
        ("years_in_role", YEARS),
        ("years_in_profession", YEARS),
        ("hours_per_week", HOURS_PER_WEEK),
        ("min_practice", PERCENT),
    ] {
        let property = &schema["properties"][field];
        let bounds = (property["minimum"].as_f64(), property["maximum"].as_f64());
        assert_eq!(bounds, (Some(limit.min), Some(limit.max)), "{field}");
    }
}
