//! What both shells show, in words: route steps, routes, goals, targets,
//! next steps, part-time stretching, pay, a mentor's occupancy, names by id
//! and the education a role implies. Each case is an input and the exact
//! text it must give, in Dutch and in English.

use doorgroei::format::{load_ladder, load_roster_csv};
use doorgroei::i18n::Noun;
use doorgroei::ladder::{
    Education, PartTime, PayRange, Proficiency, Requirement, ScaleRange, Track, TransitionKind,
};
use doorgroei::matching::{Constraint, Occupancy};
use doorgroei::paths::{
    Blocked, CompetencyGap, GoalRoutes, NextGroup, NextStep, Plan, Profile, RankedBy, Route,
    RouteStep, Stretch, Target, BEST_TARGETS,
};
use doorgroei::{Bilingual, Ladder, Lang};
use jiff::civil::date;

/// Three roles; pay is listed for scales 7 to 9 only.
const LADDER: &str = "\
schema: doorgroei/ladder@1
organisation: Test
pay_scales:
  - {scale: 7, min: 3026, max: 3774}
  - {scale: 8, min: 3282, max: 4051}
  - {scale: 9, min: 3490, max: 4371}
roles:
  - id: junior
    name: {nl: Junior werker, en: Junior worker}
    level: junior
    mix: {practice: 100}
    scale: {min: 7, max: 8}
    education: mbo4
  - id: senior
    name: {nl: Senior werker, en: Senior worker}
    level: senior
    mix: {practice: 100}
    scale: {min: 9, max: 9}
    education: hbo
  - id: lead
    name: {nl: Teamleider, en: Team leader}
    level: lead
    mix: {management: 100}
    scale: {min: 9, max: 11}
    education: master
    manages_people: true
transitions:
  - {from: junior, to: senior, kind: promotion, min_years: 1}
  - {from: senior, to: lead, kind: promotion, min_years: 1}
";

fn ladder() -> Ladder {
    load_ladder("t.yaml", LADDER).unwrap()
}

#[test]
fn counts_take_the_singular_for_exactly_one() {
    // (noun, n, Dutch, English)
    let cases = [
        (Noun::MONTH, 0, "0 maanden", "0 months"),
        (Noun::MONTH, 1, "1 maand", "1 month"),
        (Noun::MONTH, 2, "2 maanden", "2 months"),
        (Noun::MONTH, 120, "120 maanden", "120 months"),
        (Noun::MOVE, 1, "1 stap", "1 move"),
        (Noun::MOVE, 2, "2 stappen", "2 moves"),
    ];
    for (noun, n, nl, en) in cases {
        assert_eq!(noun.count(n, Lang::Nl), nl);
        assert_eq!(noun.count(n, Lang::En), en);
    }
}

#[test]
fn pay_spans_a_roles_scales_when_the_ladder_lists_them() {
    let ladder = ladder();
    // (role, pay in words)
    let cases = [
        ("junior", Some("€ 3026 – € 4051")),
        ("senior", Some("€ 3490 – € 4371")),
        // Scale 11 is not listed.
        ("lead", None),
    ];
    for (id, expected) in cases {
        let role = ladder.role(id).unwrap();
        let pay = ladder.role_pay(role).map(|p| p.to_string());
        assert_eq!(pay.as_deref(), expected, "{id}");
    }
}

#[test]
fn names_by_id_fall_back_to_the_id() {
    let ladder = ladder();
    // (id, Dutch, English)
    let roles = [
        ("junior", "Junior werker", "Junior worker"),
        ("lead", "Teamleider", "Team leader"),
        ("nobody", "nobody", "nobody"),
    ];
    for (id, nl, en) in roles {
        assert_eq!(ladder.role_name(id, Lang::Nl), nl);
        assert_eq!(ladder.role_name(id, Lang::En), en);
    }
    let roster = load_roster_csv(
        "r.csv",
        b"id;name;role;days\nj1;Jan Jansen;junior;ma\ns1;Sara Smit;senior;ma\n",
        &ladder,
    )
    .unwrap();
    let lookup = roster.lookup();
    // (id, name)
    let people = [("j1", "Jan Jansen"), ("s1", "Sara Smit"), ("zz", "zz")];
    for (id, name) in people {
        assert_eq!(roster.name(id), name);
        assert_eq!(lookup.name(id), name);
        assert_eq!(lookup.person(id).is_some(), id != "zz");
    }
}

#[test]
fn a_role_implies_its_education() {
    let ladder = ladder();
    // (role, education assumed without a profile, after raising from MBO 4, after raising from master)
    let cases = [
        (
            "junior",
            Education::Mbo4,
            Education::Mbo4,
            Education::Master,
        ),
        ("senior", Education::Hbo, Education::Hbo, Education::Master),
        (
            "lead",
            Education::Master,
            Education::Master,
            Education::Master,
        ),
        // A role the ladder does not have implies nothing: the defaults stay.
        ("nobody", Education::Hbo, Education::Mbo4, Education::Master),
    ];
    for (role, assumed, from_mbo, from_master) in cases {
        assert_eq!(
            Profile::in_role_of(&ladder, role).education,
            assumed,
            "{role}"
        );
        for (start, expected) in [
            (Education::Mbo4, from_mbo),
            (Education::Master, from_master),
        ] {
            let mut p = Profile::in_role(role);
            p.education = start;
            p.meet_role_education(&ladder);
            assert_eq!(p.education, expected, "{role} from {start:?}");
        }
    }
}

#[test]
fn occupancy_compares_load_and_capacity() {
    // (load, capacity, Dutch, English)
    let cases = [
        (0, 2, "ruimte", "room"),
        (1, 2, "ruimte", "room"),
        (2, 2, "vol", "full"),
        (0, 0, "vol", "full"),
        (3, 2, "te vol", "over capacity"),
    ];
    for (load, capacity, nl, en) in cases {
        let occupancy = Occupancy::of(load, capacity);
        assert_eq!(occupancy.label(Lang::Nl), nl, "{load}/{capacity}");
        assert_eq!(occupancy.label(Lang::En), en, "{load}/{capacity}");
    }
}

#[test]
fn broken_rules_are_listed_one_after_another() {
    // (rules, Dutch, English)
    let cases: [(&[Constraint], &str, &str); 3] = [
        (&[], "", ""),
        (
            &[Constraint::SameTeam],
            "mentor en mentee zitten in hetzelfde team",
            "mentor and mentee are in the same team",
        ),
        (
            &[Constraint::SameTeam, Constraint::Avoided],
            "mentor en mentee zitten in hetzelfde team; de mentee wil deze mentor vermijden",
            "mentor and mentee are in the same team; the mentee asked to avoid this mentor",
        ),
    ];
    for (rules, nl, en) in cases {
        assert_eq!(Constraint::broken_list(rules, Lang::Nl), nl);
        assert_eq!(Constraint::broken_list(rules, Lang::En), en);
    }
}

/// A step into `to` on 2027-01-01 with one requirement met and one missing.
fn step(to: &str, pay: Option<PayRange>) -> RouteStep {
    RouteStep {
        from: "junior".into(),
        to: to.into(),
        kind: TransitionKind::Promotion,
        min_years: 1.0,
        wait_months: 12,
        gap_months: 6,
        months_from_now: 12,
        earliest: date(2027, 1, 1),
        met: vec![Requirement::Education(Education::Hbo)],
        missing: vec![
            Requirement::Training("Coaching".into()),
            Requirement::Qualification("SKJ".into()),
        ],
        competencies: vec![
            CompetencyGap {
                name: "Netwerkregie".into(),
                own: Some(Proficiency::Basic),
                asked: Proficiency::Sufficient,
                met: false,
            },
            CompetencyGap {
                name: "Gespreksvoering".into(),
                own: None,
                asked: Proficiency::Strong,
                met: true,
            },
            CompetencyGap {
                name: "Didactiek".into(),
                own: None,
                asked: Proficiency::Basic,
                met: false,
            },
        ],
        scale: ScaleRange { min: 9, max: 10 },
        pay,
    }
}

#[test]
fn a_route_step_in_words() {
    let ladder = ladder();
    let pay = Some(PayRange {
        min: 3490,
        max: 4830,
    });
    // (step, language, role, kind, facts, met, missing)
    let cases = [
        (
            step("senior", pay),
            Lang::Nl,
            "Senior werker",
            "promotie",
            "vanaf 1 januari 2027 · schaal 9–10 · € 3.490 – € 4.830",
            &["opleiding: hbo"][..],
            &["training: Coaching", "kwalificatie: SKJ"][..],
        ),
        (
            step("senior", pay),
            Lang::En,
            "Senior worker",
            "promotion",
            "from 1 January 2027 · scale 9–10 · €3,490 – €4,830",
            &["education: bachelor (HBO)"][..],
            &["training: Coaching", "qualification: SKJ"][..],
        ),
        (
            step("lead", None),
            Lang::Nl,
            "Teamleider",
            "promotie",
            "vanaf 1 januari 2027 · schaal 9–10",
            &["opleiding: hbo"][..],
            &["training: Coaching", "kwalificatie: SKJ"][..],
        ),
    ];
    for (step, lang, role, kind, facts, met, missing) in cases {
        let text = step.describe(&ladder, lang);
        assert_eq!(
            (text.role, text.kind, text.facts.as_str()),
            (role, kind, facts)
        );
        assert_eq!(text.met, met);
        assert_eq!(text.missing, missing);
        let gaps: Vec<(bool, &str)> = text
            .competencies
            .iter()
            .map(|(met, t)| (*met, t.as_str()))
            .collect();
        let expected = match lang {
            Lang::Nl => [
                (false, "Netwerkregie: basis, gevraagd voldoende"),
                (true, "Gespreksvoering: aangetoond, gevraagd sterk"),
                (false, "Didactiek: niet beoordeeld, gevraagd basis"),
            ],
            Lang::En => [
                (false, "Netwerkregie: basic, asked sufficient"),
                (true, "Gespreksvoering: shown, asked strong"),
                (false, "Didactiek: not rated, asked basic"),
            ],
        };
        assert_eq!(gaps, expected);
    }
}

fn route(months: u32) -> Route {
    Route {
        roles: vec!["junior".into(), "senior".into()],
        steps: vec![step("senior", None)],
        cost: months + 3,
        months,
    }
}

#[test]
fn routes_and_goals_in_words() {
    let ladder = ladder();
    let reached = GoalRoutes {
        goal: "senior".into(),
        routes: vec![route(1), route(23)],
        blocked: None,
    };
    let blocked = GoalRoutes {
        goal: "lead".into(),
        routes: Vec::new(),
        blocked: Some(Blocked {
            wishes: Vec::new(),
            alternative: None,
            message: Bilingual::new("Geen route.", "No route."),
        }),
    };
    // (goal, language, name, blocked, the routes' months)
    let cases = [
        (
            &reached,
            Lang::Nl,
            "Senior werker",
            None,
            &["1 maand", "23 maanden"][..],
        ),
        (
            &reached,
            Lang::En,
            "Senior worker",
            None,
            &["1 month", "23 months"][..],
        ),
        (
            &blocked,
            Lang::Nl,
            "Teamleider",
            Some("Geen route."),
            &[][..],
        ),
        (
            &blocked,
            Lang::En,
            "Team leader",
            Some("No route."),
            &[][..],
        ),
    ];
    for (goal, lang, name, why, months) in cases {
        let text = goal.describe(&ladder, lang);
        assert_eq!((text.goal, text.blocked), (name, why));
        let got: Vec<&str> = text.routes.iter().map(|r| r.months.as_str()).collect();
        assert_eq!(got, months);
        for (route, words) in goal.routes.iter().zip(&text.routes) {
            assert_eq!(words.steps, [route.steps[0].describe(&ladder, lang)]);
        }
    }
}

fn target(role: &str, fit: u8, scale_gain: i32, months: u32) -> Target {
    Target {
        role: role.into(),
        fit,
        scale_gain,
        months,
        score: 0,
    }
}

#[test]
fn targets_in_words() {
    let ladder = ladder();
    // (target, language, name, facts)
    let cases = [
        (
            target("senior", 50, 1, 12),
            Lang::Nl,
            "Senior werker",
            "past 50%, schaal +1, 12 maanden",
        ),
        (
            target("senior", 50, 1, 12),
            Lang::En,
            "Senior worker",
            "fit 50%, scale +1, 12 months",
        ),
        (
            target("lead", 100, 0, 1),
            Lang::Nl,
            "Teamleider",
            "past 100%, schaal +0, 1 maand",
        ),
        (
            target("lead", 0, -2, 1),
            Lang::En,
            "Team leader",
            "fit 0%, scale -2, 1 month",
        ),
    ];
    for (target, lang, role, facts) in cases {
        let text = target.describe(&ladder, lang);
        assert_eq!((text.role, text.facts.as_str()), (role, facts));
    }
}

#[test]
fn the_best_targets_are_the_first_five() {
    // (targets ranked, how many are the best)
    for (n, best) in [(0, 0), (3, 3), (5, 5), (8, BEST_TARGETS)] {
        let plan = Plan {
            name: None,
            current_role: "junior".into(),
            goal: None,
            wishes: Vec::new(),
            wished_tracks: Vec::new(),
            stretch: None,
            ranked_by: RankedBy::Closeness,
            targets: (0..n).map(|i| target("senior", i, 0, 1)).collect(),
            next: Vec::new(),
            goals: Vec::new(),
            assessment: Vec::new(),
            agreements: Vec::new(),
        };
        let fits: Vec<u8> = plan.best_targets().iter().map(|t| t.fit).collect();
        assert_eq!(fits, (0..best as u8).collect::<Vec<_>>());
    }
}

#[test]
fn next_steps_in_words() {
    let ladder = ladder();
    let next = NextGroup {
        track: Track::Practice,
        steps: vec![
            NextStep {
                role: "senior".into(),
                moves: 1,
                route: route(1),
            },
            NextStep {
                role: "lead".into(),
                moves: 2,
                route: Route {
                    steps: Vec::new(),
                    ..route(24)
                },
            },
        ],
    };
    // (step, language, name, moves, months, missing)
    let cases = [
        (
            0,
            Lang::Nl,
            "Senior werker",
            "1 stap",
            "1 maand",
            &["training: Coaching", "kwalificatie: SKJ"][..],
        ),
        (
            0,
            Lang::En,
            "Senior worker",
            "1 move",
            "1 month",
            &["training: Coaching", "qualification: SKJ"][..],
        ),
        (
            1,
            Lang::Nl,
            "Teamleider",
            "2 stappen",
            "24 maanden",
            &[][..],
        ),
        (1, Lang::En, "Team leader", "2 moves", "24 months", &[][..]),
    ];
    for (i, lang, role, moves, months, missing) in cases {
        let text = next.steps[i].describe(&ladder, lang);
        assert_eq!(
            (text.role, text.moves.as_str(), text.months.as_str()),
            (role, moves, months)
        );
        assert_eq!(text.missing, missing);
    }
}

#[test]
fn the_stretch_note_names_the_cap_when_it_applies() {
    let part_time = PartTime {
        full_time_hours: 36.0,
        stretch_min_years: true,
    };
    // (hours a week, language, note)
    let cases = [
        (28.0, Lang::Nl, "Deeltijd (28 van 36 uur): minimumjaren duren 1,29 keer zo lang."),
        (18.0, Lang::En, "Part-time (18 of 36 hours): minimum years take 2 times as long."),
        (8.0, Lang::Nl, "Deeltijd (8 van 36 uur): minimumjaren duren 3 keer zo lang. Dat is het maximum: naar rato zou het 4,5 keer zijn."),
        (8.0, Lang::En, "Part-time (8 of 36 hours): minimum years take 3 times as long. That is the maximum: in proportion it would be 4.5 times."),
    ];
    for (hours, lang, note) in cases {
        let stretch = Stretch::of(part_time, hours).unwrap();
        assert_eq!(stretch.describe(lang), note);
    }
}
