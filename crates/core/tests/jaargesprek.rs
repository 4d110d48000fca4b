//! The yearly conversation: competencies with a level, the self-assessment,
//! agreements, two roles side by side, the ranking before wishes, and the
//! printed plan's parts; old files still read.

use std::collections::BTreeMap;

use doorgroei::compare::{compare, Asked, Field, Shared, Value};
use doorgroei::dates::long_date;
use doorgroei::edit::{competencies_text, parse_competencies};
use doorgroei::exchange::{answer, growth_plan, PlanRequest, Reply, Request};
use doorgroei::format::{
    ladder_file_to_json, ladder_file_to_yaml, load_ladder, load_ladder_file, load_profile,
    load_profile_checked, profile_to_yaml, ProfileFile,
};
use doorgroei::i18n::money;
use doorgroei::ladder::{Competency, Level, Proficiency, Requirement};
use doorgroei::paths::{plan, ranked_targets, routes, Agreement, Config, Profile, RankedBy};
use doorgroei::{Ladder, Lang};
use jiff::civil::date;
use proptest::prelude::*;

const GROEIT: &str = include_str!("../../../pathways/welzijn-groeit.yaml");
const SANNE: &str = include_str!("../../../pathways/profiel-sanne.yaml");
/// The example ladder and profile as they were before levels, ratings and
/// agreements (`ladder@1`, `profile@1` as on main).
const OLD_GROEIT: &str = include_str!("old/welzijn-groeit-ladder1.yaml");
const OLD_SANNE: &str = include_str!("old/profiel-sanne-profile1.yaml");

fn groeit() -> Ladder {
    load_ladder("welzijn-groeit.yaml", GROEIT).unwrap()
}

// ---------------------------------------------------------------------------
// Met and missing with levels.

/// A ladder where `junior` → `senior` asks the competency `Netwerkregie`
/// and `senior` lists it at `asked` (or not at all).
fn ladder_asking(asked: Option<&str>) -> Ladder {
    let listed = match asked {
        Some(level) => format!("\n    competencies: [{{name: Netwerkregie, level: {level}}}]"),
        None => String::new(),
    };
    load_ladder(
        "l.yaml",
        &format!(
            "\
schema: doorgroei/ladder@1
organisation: T
roles:
  - id: junior
    name: {{nl: Junior, en: Junior}}
    level: junior
    mix: {{practice: 100}}
    scale: {{min: 7, max: 8}}
    education: hbo
  - id: senior
    name: {{nl: Senior, en: Senior}}
    level: senior
    mix: {{practice: 100}}
    scale: {{min: 9, max: 10}}
    education: hbo{listed}
transitions:
  - {{from: junior, to: senior, kind: promotion, min_years: 0,
     requirements: [{{competency: Netwerkregie}}]}}
"
        ),
    )
    .unwrap()
}

#[test]
fn a_competency_requirement_is_met_by_a_rating_at_the_level_the_target_asks() {
    // (level the target role asks, own rating, listed under competencies, met)
    let cases = [
        (None, None, false, false),
        (None, Some(Proficiency::Basic), false, false),
        (None, Some(Proficiency::Sufficient), false, true),
        (None, Some(Proficiency::Strong), false, true),
        (Some("basis"), Some(Proficiency::NotYet), false, false),
        (Some("basis"), Some(Proficiency::Basic), false, true),
        (Some("basic"), Some(Proficiency::Basic), false, true),
        (Some("voldoende"), Some(Proficiency::Basic), false, false),
        (Some("sterk"), Some(Proficiency::Sufficient), false, false),
        (Some("strong"), Some(Proficiency::Strong), false, true),
        // Listed: met whatever the rating, as before ratings existed.
        (Some("sterk"), None, true, true),
        (Some("sterk"), Some(Proficiency::Basic), true, true),
    ];
    for (asked, rating, listed, met) in cases {
        let ladder = ladder_asking(asked);
        let mut p = Profile::in_role("junior");
        if let Some(r) = rating {
            // Names match ignoring case and spaces around them.
            p.self_assessment.insert(" netwerkregie ".into(), r);
        }
        if listed {
            p.competencies.push("Netwerkregie".into());
        }
        let answer = routes(&ladder, &p, "senior", 1, date(2026, 1, 1));
        let step = &answer.routes[0].steps[0];
        let need = Requirement::Competency("Netwerkregie".into());
        let case = format!("{asked:?} {rating:?} {listed}");
        assert_eq!(step.met.contains(&need), met, "{case}");
        assert_eq!(step.missing.contains(&need), !met, "{case}");
        // A competency missing costs a year; met, the step costs nothing.
        assert_eq!(answer.routes[0].months, if met { 0 } else { 12 }, "{case}");
        // The target's own competencies against the rating.
        match asked {
            None => assert!(step.competencies.is_empty()),
            Some(_) => {
                let gap = &step.competencies[0];
                assert_eq!(gap.name, "Netwerkregie");
                assert_eq!(gap.own, rating, "{case}");
                assert_eq!(gap.met, met, "{case}");
            }
        }
    }
}

#[test]
fn a_step_shows_the_gap_per_competency_in_words() {
    let ladder = groeit();
    let sanne = load_profile("profiel-sanne.yaml", SANNE, &ladder).unwrap();
    let answer = routes(&ladder, &sanne, "praktijkopleider", 3, date(2026, 1, 1));
    let last = answer.routes[0].steps.last().unwrap();
    assert_eq!(last.to, "praktijkopleider");
    let words: Vec<String> = last
        .competencies
        .iter()
        .map(|g| g.describe(Lang::Nl))
        .collect();
    assert_eq!(
        words,
        [
            "Coachen: basis, gevraagd voldoende",
            "Begeleiden van stagiairs: basis, gevraagd sterk",
            "Intervisie begeleiden: voldoende, gevraagd voldoende",
        ]
    );
    assert_eq!(
        last.competencies[1].describe(Lang::En),
        "Begeleiden van stagiairs: basic, asked strong"
    );
}

// ---------------------------------------------------------------------------
// Competencies with a level in the ladder.

#[test]
fn ladder_competencies_read_plain_names_and_levels_in_either_language() {
    let ladder = ladder_asking(Some("strong"));
    let senior = ladder.role("senior").unwrap();
    assert_eq!(senior.competencies[0].level, Proficiency::Strong);
    assert_eq!(senior.asks("NETWERKREGIE"), Proficiency::Strong);
    assert_eq!(senior.asks("Iets anders"), Proficiency::Sufficient);
    // The canonical writer: the Dutch word, and plain names at voldoende.
    let (_, mut file) = load_ladder_file("l.yaml", GROEIT).unwrap();
    let text = ladder_file_to_yaml(&file);
    assert!(text.contains(
        "    competencies: [Coachen, {name: Begeleiden van stagiairs, level: sterk}, Intervisie begeleiden]\n"
    ));
    assert_eq!(load_ladder_file("l.yaml", &text).unwrap().1, file);
    file.roles[0].competencies[0].level = Proficiency::Basic;
    let text = ladder_file_to_yaml(&file);
    assert_eq!(load_ladder_file("l.yaml", &text).unwrap().1, file);
    // The JSON form the page reads keeps the levels too.
    let json = ladder_file_to_json(&file);
    let back = doorgroei::format::ladder_from_json(&json).unwrap();
    assert_eq!(
        back.roles().next().unwrap().1.competencies,
        file.roles[0].competencies
    );
}

#[test]
fn a_role_cannot_ask_nog_niet() {
    let text = GROEIT.replacen(
        "{name: Netwerkregie, level: sterk}",
        "{name: Netwerkregie, level: nog_niet}",
        1,
    );
    let errors = load_ladder("l.yaml", &text).unwrap_err();
    let message = errors.render(Lang::En);
    // At the level itself: line and column of `nog_niet`.
    let line = text.lines().position(|l| l.contains("nog_niet")).unwrap() + 1;
    let line_text = text.lines().nth(line - 1).unwrap();
    let column = line_text[..line_text.find("nog_niet").unwrap()]
        .chars()
        .count()
        + 1;
    assert!(
        message.starts_with(&format!(
            "l.yaml:{line}:{column}: level: invalid value 'nog_niet'"
        )),
        "{message}"
    );
    assert!(message.contains("basic, sufficient or strong"), "{message}");
}

#[test]
fn competencies_as_lines_of_text_read_back() {
    let list = vec![
        Competency::new("Gespreksvoering"),
        Competency {
            name: "Netwerkregie".into(),
            level: Proficiency::Strong,
        },
        Competency {
            name: "Didactiek".into(),
            level: Proficiency::Basic,
        },
    ];
    for lang in Lang::ALL {
        assert_eq!(parse_competencies(&competencies_text(&list, lang)), list);
    }
    assert_eq!(
        competencies_text(&list, Lang::Nl),
        "Gespreksvoering\nNetwerkregie: sterk\nDidactiek: basis"
    );
    // A colon that is not before a level belongs to the name.
    assert_eq!(
        parse_competencies("Regie: en coördinatie\n\n"),
        [Competency::new("Regie: en coördinatie")]
    );
}

// ---------------------------------------------------------------------------
// Old files.

#[test]
fn old_ladders_and_profiles_still_read() {
    let old = load_ladder("oud.yaml", OLD_GROEIT).unwrap();
    let new = groeit();
    assert_eq!(old.len(), new.len());
    for ((_, a), (_, b)) in old.roles().zip(new.roles()) {
        assert_eq!(a.id, b.id);
        let names = |r: &doorgroei::ladder::Role| -> Vec<String> {
            r.competencies.iter().map(|c| c.name.clone()).collect()
        };
        assert_eq!(names(a), names(b));
        // Plain names ask voldoende.
        assert!(a
            .competencies
            .iter()
            .all(|c| c.level == Proficiency::Sufficient));
    }
    let sanne = load_profile("oud.yaml", OLD_SANNE, &old).unwrap();
    assert_eq!(sanne.current_role, "sw-hbo-vak");
    assert_eq!(sanne.name, None);
    assert!(sanne.self_assessment.is_empty() && sanne.agreements.is_empty());
    // Without ratings, routes are what they were.
    let today = date(2026, 1, 1);
    let months = |ladder: &Ladder| routes(ladder, &sanne, "praktijkopleider", 3, today);
    let (before, after) = (months(&old), months(&new));
    let m =
        |g: &doorgroei::paths::GoalRoutes| g.routes.iter().map(|r| r.months).collect::<Vec<_>>();
    assert_eq!(m(&before), m(&after));
    // The web app's saved profiles (JSON without the new fields) read too.
    let saved = r#"{"current_role":"sw-hbo-vak","years_in_role":3.0,"years_in_profession":5.0,"education":"hbo","qualifications":[],"trainings":[],"competencies":[],"wished_tracks":[],"no_management":false,"min_practice":null,"hours_per_week":36.0,"goals":[]}"#;
    let p: Profile = serde_json::from_str(saved).unwrap();
    assert!(p.self_assessment.is_empty() && p.name.is_none());
}

// ---------------------------------------------------------------------------
// The profile: name, self-assessment, agreements.

#[test]
fn the_example_profile_reads_and_writes_back_the_same() {
    let ladder = groeit();
    let sanne = load_profile("profiel-sanne.yaml", SANNE, &ladder).unwrap();
    assert_eq!(sanne.name.as_deref(), Some("Sanne de Vries"));
    assert_eq!(sanne.rating("netwerkregie"), Some(Proficiency::Basic));
    assert_eq!(sanne.agreements.len(), 3);
    assert_eq!(sanne.agreements[1].by, Some(date(2026, 3, 1)));
    assert!(sanne.agreements[1].done);
    let written = profile_to_yaml(&sanne);
    assert_eq!(load_profile("p.yaml", &written, &ladder).unwrap(), sanne);
    // Whole years and hours are written as a person writes them.
    assert!(written.contains("\nyears_in_role: 2\n"), "{written}");
    assert!(written.contains("\nhours_per_week: 28\n"), "{written}");
    let mut half = sanne.clone();
    half.years_in_role = 2.5;
    assert!(profile_to_yaml(&half).contains("\nyears_in_role: 2.5\n"));
    // The exchange's writer keeps them too.
    let reply = answer(Request::WriteProfile(ProfileFile::from(sanne.clone())));
    let Reply::Written(Ok(text)) = reply else {
        panic!("{reply:?}")
    };
    assert_eq!(load_profile("p.yaml", &text, &ladder).unwrap(), sanne);
}

#[test]
fn ratings_read_in_english_and_unknown_competencies_are_warned_about() {
    let ladder = groeit();
    let text = "schema: doorgroei/profile@1\ncurrent_role: sw-hbo-vak\neducation: hbo\n\
        self_assessment: {Netwerkregie: strong, Coachen: not_yet, Netwerkregi: basic}\n\
        agreements: [{action: Cursus, by: 2027-02-28}]\n";
    let loaded = load_profile_checked("p.yaml", text, &ladder).unwrap();
    let p = &loaded.value;
    assert_eq!(p.rating("Netwerkregie"), Some(Proficiency::Strong));
    assert_eq!(p.rating("Coachen"), Some(Proficiency::NotYet));
    assert_eq!(
        p.agreements,
        [Agreement {
            action: "Cursus".into(),
            by: Some(date(2027, 2, 28)),
            done: false,
        }]
    );
    // Kept, but warned about, with where and what it may have meant.
    assert_eq!(p.rating("Netwerkregi"), Some(Proficiency::Basic));
    assert_eq!(loaded.warnings.0.len(), 1);
    let warning = loaded.warnings.0[0].render(Lang::Nl);
    assert!(warning.starts_with("p.yaml:4:"), "{warning}");
    assert!(warning.contains("bedoel je 'Netwerkregie'?"), "{warning}");
    // Written back in Dutch words.
    let written = profile_to_yaml(p);
    assert!(written.contains("Netwerkregie: sterk"), "{written}");
    assert!(written.contains("Coachen: nog_niet"), "{written}");
}

fn proficiency() -> impl Strategy<Value = Proficiency> {
    prop::sample::select(Proficiency::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Any ratings, agreements and name survive writing and reading.
    #[test]
    fn profiles_with_ratings_and_agreements_read_back(
        name in prop::option::of("[A-Za-zë' -]{1,20}"),
        ratings in prop::collection::btree_map("[A-Za-zï ]{1,12}", proficiency(), 0..5),
        agreements in prop::collection::vec(
            ("[a-z:#\"' ]{1,20}", prop::option::of((2000i16..2100, 1i8..13, 1i8..29)), any::<bool>()),
            0..4,
        ),
    ) {
        let ladder = groeit();
        let mut p = Profile::in_role("sw-hbo-vak");
        p.name = name.filter(|n| !n.trim().is_empty() && n.trim() == n);
        p.self_assessment = ratings
            .into_iter()
            .filter(|(k, _)| !k.trim().is_empty())
            .collect::<BTreeMap<_, _>>();
        p.agreements = agreements
            .into_iter()
            .map(|(action, by, done)| Agreement {
                action,
                by: by.map(|(y, m, d)| date(y, m, d)),
                done,
            })
            .collect();
        let written = profile_to_yaml(&p);
        let back = load_profile("p.yaml", &written, &ladder);
        prop_assert_eq!(back.as_ref().ok(), Some(&p), "{}", written);
    }
}

// ---------------------------------------------------------------------------
// Two roles side by side.

#[test]
fn compare_on_the_example_ladder() {
    let ladder = groeit();
    let c = compare(&ladder, "sw-hbo-vak", "sw-hbo-senior").unwrap();
    assert_eq!(
        (c.a.as_str(), c.b.as_str()),
        ("sw-hbo-vak", "sw-hbo-senior")
    );
    let fields: Vec<Field> = c.fields.iter().map(|f| f.field).collect();
    assert_eq!(fields, Field::ALL);
    assert_eq!(c.fields[0].a, Value::Level(Level::Medior));
    assert_eq!(c.fields[0].b, Value::Level(Level::Senior));
    assert_eq!(c.fields[3].b.describe(Lang::Nl), "€ 3.490 – € 4.830");
    // A scale the pay table does not list says so, not "–".
    let lead = compare(&ladder, "sw-hbo-vak", "teamleider").unwrap();
    assert_eq!(lead.fields[3].b, Value::Pay(None));
    assert_eq!(
        lead.fields[3].b.describe(Lang::Nl),
        "niet in de salaristabel"
    );
    assert_eq!(lead.fields[3].b.describe(Lang::En), "not in the pay table");
    assert_eq!(c.fields[5].a.describe(Lang::En), "no");
    assert_eq!(
        c.competencies.shared,
        [Shared {
            name: "Complexe casuïstiek".into(),
            a: Proficiency::Sufficient,
            b: Proficiency::Strong,
        }]
    );
    assert_eq!(
        c.competencies.only_a,
        [
            Asked {
                name: "Gespreksvoering".into(),
                level: Proficiency::Sufficient
            },
            Asked {
                name: "Methodisch werken".into(),
                level: Proficiency::Sufficient
            },
        ]
    );
    assert_eq!(c.competencies.only_b.len(), 2);
    // The route times are those of the shortest route for someone new in the role.
    let newcomer = Profile::in_role_of(&ladder, "sw-hbo-vak");
    let shortest = routes(&ladder, &newcomer, "sw-hbo-senior", 1, date(2026, 1, 1));
    assert_eq!(c.routes.a_to_b, Some(shortest.routes[0].months));
    assert_eq!(c.routes.b_to_a, None);
    // Both ways round: the same, mirrored.
    let back = compare(&ladder, "sw-hbo-senior", "sw-hbo-vak").unwrap();
    assert_eq!(back.routes.a_to_b, c.routes.b_to_a);
    assert_eq!(back.routes.b_to_a, c.routes.a_to_b);
    assert_eq!(back.competencies.only_a, c.competencies.only_b);
    // A role against itself: all shared, no time.
    let same = compare(&ladder, "teamleider", "teamleider").unwrap();
    assert!(same.competencies.only_a.is_empty() && same.competencies.only_b.is_empty());
    assert_eq!(same.routes.a_to_b, Some(0));
    assert!(compare(&ladder, "teamleider", "niemand").is_none());
}

#[test]
fn roles_are_found_by_id_or_by_name() {
    let ladder = groeit();
    // (text, role found)
    let cases = [
        ("teamleider", Some("teamleider")),
        ("Teamleider", Some("teamleider")),
        ("  team leader ", Some("teamleider")),
        (
            "Coördinator leren en ontwikkelen",
            Some("coordinator-leren"),
        ),
        (
            "coordinator leren en ontwikkelen",
            Some("coordinator-leren"),
        ),
        ("teamleidr", None),
    ];
    for (text, found) in cases {
        assert_eq!(
            ladder.find_role(text).map(|r| r.id.as_str()),
            found,
            "{text}"
        );
    }
    assert_eq!(ladder.closest_roles("teamleidr")[0], "teamleider");
}

// ---------------------------------------------------------------------------
// "Wat past bij mij" before wishes, and a first visit.

#[test]
fn without_wishes_targets_rank_by_closeness_to_the_current_role() {
    let ladder = groeit();
    let today = date(2026, 1, 1);
    let p = Profile::in_role_of(&ladder, "sw-hbo-vak");
    assert_eq!(RankedBy::of(&p), RankedBy::Closeness);
    let targets = ranked_targets(&ladder, &p, today);
    assert!(!targets.is_empty());
    // Soonest first; not the best paid, not everyone at 50%.
    for pair in targets.windows(2) {
        assert!(pair[0].months <= pair[1].months, "{pair:?}");
    }
    assert_ne!(targets[0].role, "teamleider");
    assert!(targets.iter().any(|t| t.fit != 50));
    // Among equally near roles, one level up comes before the rest.
    let level = |id: &str| ladder.role(id).unwrap().level;
    for pair in targets.windows(2) {
        if pair[0].months == pair[1].months && level(&pair[1].role) == Level::Senior {
            assert_eq!(level(&pair[0].role), Level::Senior, "{pair:?}");
        }
    }
    // With wished tracks: by wishes, as before.
    let mut wishing = p.clone();
    wishing.wished_tracks = vec![doorgroei::ladder::Track::Teaching];
    assert_eq!(RankedBy::of(&wishing), RankedBy::Wishes);
    let by_wishes = ranked_targets(&ladder, &wishing, today);
    assert!(by_wishes[0].fit >= by_wishes.last().unwrap().fit);
    let plan = plan(&ladder, &wishing, Config::default(), today).unwrap();
    assert_eq!(plan.ranked_by, RankedBy::Wishes);
}

#[test]
fn a_profile_without_a_current_role_plans_nothing_and_says_so() {
    let ladder = groeit();
    let text = "schema: doorgroei/profile@1\neducation: hbo\ngoals: [teamleider]\n";
    let p = load_profile("p.yaml", text, &ladder).unwrap();
    assert_eq!(p.current_role, "");
    let plan = plan(&ladder, &p, Config::default(), date(2026, 1, 1)).unwrap();
    assert_eq!(plan.ranked_by, RankedBy::NoCurrentRole);
    assert!(plan.targets.is_empty() && plan.next.is_empty() && plan.goals.is_empty());
    for lang in Lang::ALL {
        assert!(!RankedBy::NoCurrentRole.describe(lang).is_empty());
    }
    // Written back without a current_role line, and read again.
    let written = profile_to_yaml(&p);
    assert!(!written.contains("current_role"), "{written}");
    assert_eq!(load_profile("p.yaml", &written, &ladder).unwrap(), p);
}

// ---------------------------------------------------------------------------
// The printed plan.

#[test]
fn the_plan_has_what_the_printed_development_plan_needs() {
    let ladder = groeit();
    let sanne = load_profile("profiel-sanne.yaml", SANNE, &ladder).unwrap();
    let today = date(2026, 7, 1);
    let request = PlanRequest {
        ladder: ladder_file_to_json(&load_ladder_file("l.yaml", GROEIT).unwrap().1),
        profile: ProfileFile::from(sanne.clone()),
        today,
    };
    let plan = growth_plan(request).unwrap();
    assert_eq!(plan.name.as_deref(), Some("Sanne de Vries"));
    assert_eq!(plan.current_role, "sw-hbo-vak");
    assert_eq!(plan.goal.as_deref(), Some("praktijkopleider"));
    assert_eq!(plan.wished_tracks, sanne.wished_tracks);
    assert_eq!(plan.wishes.len(), 2);
    assert_eq!(plan.ranked_by, RankedBy::Wishes);
    // The goal role's competencies against the self-assessment.
    let assessment: Vec<(&str, Option<Proficiency>, Proficiency, bool)> = plan
        .assessment
        .iter()
        .map(|g| (g.name.as_str(), g.own, g.asked, g.met))
        .collect();
    assert_eq!(
        assessment,
        [
            (
                "Coachen",
                Some(Proficiency::Basic),
                Proficiency::Sufficient,
                false
            ),
            (
                "Begeleiden van stagiairs",
                Some(Proficiency::Basic),
                Proficiency::Strong,
                false
            ),
            (
                "Intervisie begeleiden",
                Some(Proficiency::Sufficient),
                Proficiency::Sufficient,
                true
            ),
        ]
    );
    // Agreements in order: the first is past its date and not done; the
    // second is past but done; the third still to come.
    let overdue: Vec<bool> = plan.agreements.iter().map(|a| a.overdue).collect();
    assert_eq!(overdue, [true, false, false]);
    assert_eq!(plan.agreements[0].by, Some(date(2026, 6, 30)));
    // The day before the date, nothing is overdue.
    let early = Agreement {
        action: "x".into(),
        by: Some(date(2026, 6, 30)),
        done: false,
    };
    assert!(!early.overdue(date(2026, 6, 30)) && early.overdue(date(2026, 7, 1)));
    assert!(!plan.goals[0].routes.is_empty());
}

#[test]
fn money_and_long_dates_in_both_languages() {
    // (euros, Dutch, English)
    let amounts = [
        (0, "€ 0", "€0"),
        (999, "€ 999", "€999"),
        (3490, "€ 3.490", "€3,490"),
        (12345, "€ 12.345", "€12,345"),
        (1_234_567, "€ 1.234.567", "€1,234,567"),
    ];
    for (euros, nl, en) in amounts {
        assert_eq!(money(euros, Lang::Nl), nl);
        assert_eq!(money(euros, Lang::En), en);
    }
    // (date, Dutch, English)
    let dates = [
        (date(2028, 11, 30), "30 november 2028", "30 November 2028"),
        (date(2027, 1, 1), "1 januari 2027", "1 January 2027"),
        (date(2026, 3, 15), "15 maart 2026", "15 March 2026"),
        (date(2026, 5, 9), "9 mei 2026", "9 May 2026"),
    ];
    for (d, nl, en) in dates {
        assert_eq!(long_date(d, Lang::Nl), nl);
        assert_eq!(long_date(d, Lang::En), en);
    }
}

proptest! {
    /// Dutch money reads back as the number: the dots only group thousands.
    #[test]
    fn money_groups_thousands(euros in any::<u32>()) {
        let nl = money(euros, Lang::Nl);
        let en = money(euros, Lang::En);
        prop_assert_eq!(nl.trim_start_matches("€ ").replace('.', ""), euros.to_string());
        prop_assert_eq!(en.trim_start_matches('€').replace(',', ""), euros.to_string());
        for group in nl.trim_start_matches("€ ").split('.').skip(1) {
            prop_assert_eq!(group.len(), 3);
        }
    }
}

#[test]
fn a_rating_that_is_no_level_is_named_with_the_four_words_of_the_messages_language() {
    let ladder = groeit();
    let text = "schema: doorgroei/profile@1\ncurrent_role: sw-hbo-vak\neducation: hbo\n\
        self_assessment:\n  Coachen: goed\n  Netwerkregie: voldoend\n";
    let errors = load_profile("p.yaml", text, &ladder).unwrap_err();
    let nl = errors.render(Lang::Nl);
    let en = errors.render(Lang::En);
    assert!(
        nl.contains("p.yaml:5:12: onbekende beoordeling 'goed'; toegestaan: nog_niet, basis, voldoende, sterk"),
        "{nl}"
    );
    assert!(
        en.contains("p.yaml:5:12: unknown rating 'goed'; expected one of not_yet, basic, sufficient, strong"),
        "{en}"
    );
    assert!(
        !nl.contains("not_yet") && !en.contains("voldoende, "),
        "{nl}\n{en}"
    );
}
