//! Edits to a ladder file: each one does what it says, its inverse undoes
//! it exactly, and one that cannot apply changes nothing and says why.

use std::collections::BTreeMap;

use doorgroei::edit::{
    add_new_role, apply, apply_in_place, empty_ladder, new_role, remove_role, role_id, slug,
    transitions_of, Edit, EditError, Item, LadderField, Placed, RoleField, TransitionField,
};
use doorgroei::format::{
    LadderFile, PartTimeFile, PayScaleFile, RoleFile, ScaleFile, TransitionFile,
};
use doorgroei::ladder::{Education, Level, Requirement, Track, TransitionKind};
use doorgroei::{Bilingual, Lang};
use proptest::prelude::*;

mod common;
use common::{base, groeit, make, seed, start};

/// Applies `edit` to the base file: the outcome must be the base file
/// changed by `expected`, and the inverse must give the base file back.
fn check(edit: Edit, expected: impl FnOnce(&mut LadderFile)) {
    let before = base();
    let mut wanted = before.clone();
    expected(&mut wanted);
    let (after, inverse) = match apply(&before, &edit) {
        Ok(done) => done,
        Err(e) => panic!("{edit:?} refused: {e}"),
    };
    assert_eq!(after, wanted, "{edit:?}");
    let (undone, redo) = apply(&after, &inverse).unwrap();
    assert_eq!(undone, before, "undo of {edit:?}");
    assert_eq!(apply(&undone, &redo).unwrap().0, after, "redo of {edit:?}");
}

/// `edit` is refused with these messages, and the file is unchanged.
fn refused(edit: Edit, nl: &str, en: &str) {
    let mut file = base();
    let err = apply_in_place(&mut file, &edit).expect_err("should be refused");
    assert_eq!(file, base(), "{edit:?} changed the file");
    assert_eq!(err.message(Lang::Nl), nl);
    assert_eq!(err.message(Lang::En), en);
}

fn set_role(id: &str, field: RoleField) -> Edit {
    Edit::SetRole {
        id: id.into(),
        field,
    }
}

fn role(id: &str) -> RoleFile {
    RoleFile {
        id: id.into(),
        name: Bilingual::new("Nieuw", "New"),
        level: Level::Medior,
        mix: BTreeMap::from([(Track::Practice, 100)]),
        scale: ScaleFile { min: 9, max: 9 },
        education: Education::Hbo,
        manages_people: false,
        competencies: Vec::new(),
        description: None,
        entry: None,
    }
}

fn step(from: &str, to: &str) -> TransitionFile {
    TransitionFile {
        from: from.into(),
        to: to.into(),
        kind: TransitionKind::Lateral,
        min_years: 1.0,
        requirements: vec![Requirement::Training("Intervisie".into())],
    }
}

/// A field's new value and what it does to the item.
type Case<F, T> = (F, fn(&mut T));
/// What an edit should do to the file.
type Expected = Box<dyn Fn(&mut LadderFile)>;

#[test]
fn role_edits() {
    check(
        Edit::AddRole {
            index: 1,
            role: role("x"),
            transitions: Vec::new(),
        },
        |f| f.roles.insert(1, role("x")),
    );
    check(
        Edit::AddRole {
            index: 4,
            role: role("x"),
            transitions: vec![
                Placed {
                    index: 0,
                    transition: step("x", "teamleider"),
                },
                Placed {
                    index: 6,
                    transition: step("jongerenwerker", "x"),
                },
            ],
        },
        |f| {
            f.roles.push(role("x"));
            f.transitions.insert(0, step("x", "teamleider"));
            f.transitions.push(step("jongerenwerker", "x"));
        },
    );
    check(remove_role(&base(), "jongerenwerker"), |f| {
        f.roles.remove(2);
        f.transitions
            .retain(|t| t.from != "jongerenwerker" && t.to != "jongerenwerker");
    });
    check(remove_role(&base(), "sociaal-werker-hbo"), |f| {
        f.roles.remove(1);
        f.transitions.remove(1);
    });
    // Without its transitions: they stay, pointing at nothing.
    check(
        Edit::RemoveRole {
            id: "teamleider".into(),
            transitions: Vec::new(),
        },
        |f| {
            f.roles.remove(3);
        },
    );
    check(
        Edit::DuplicateRole {
            id: "teamleider".into(),
        },
        |f| {
            let mut copy = f.roles[3].clone();
            copy.id = "teamleider-2".into();
            copy.name = Bilingual::new("Teamleider (kopie)", "Team leader (copy)");
            f.roles.push(copy);
        },
    );
    check(
        Edit::RenameRole {
            id: "jongerenwerker".into(),
            new_id: "jongerenwerker-wijk".into(),
        },
        |f| {
            f.roles[2].id = "jongerenwerker-wijk".into();
            for t in &mut f.transitions {
                for end in [&mut t.from, &mut t.to] {
                    if end == "jongerenwerker" {
                        *end = "jongerenwerker-wijk".into();
                    }
                }
            }
        },
    );
    check(
        Edit::RenameRole {
            id: "teamleider".into(),
            new_id: "teamleider".into(),
        },
        |_| {},
    );
}

#[test]
fn every_field_of_a_role() {
    let cases: Vec<Case<RoleField, RoleFile>> = vec![
        (RoleField::Name(Bilingual::new("Leider", "Leader")), |r| {
            r.name = Bilingual::new("Leider", "Leader")
        }),
        (RoleField::Level(Level::Senior), |r| r.level = Level::Senior),
        (
            RoleField::Mix(BTreeMap::from([
                (Track::Management, 80),
                (Track::Policy, 20),
            ])),
            |r| r.mix = BTreeMap::from([(Track::Management, 80), (Track::Policy, 20)]),
        ),
        // While typing: a mix that does not add up is still an edit.
        (
            RoleField::Mix(BTreeMap::from([(Track::Management, 8)])),
            |r| r.mix = BTreeMap::from([(Track::Management, 8)]),
        ),
        (RoleField::Scale(ScaleFile { min: 10, max: 12 }), |r| {
            r.scale = ScaleFile { min: 10, max: 12 }
        }),
        (RoleField::Education(Education::Master), |r| {
            r.education = Education::Master
        }),
        (RoleField::ManagesPeople(false), |r| {
            r.manages_people = false
        }),
        (
            RoleField::Competencies(vec!["Leidinggeven".into(), "Coachen".into()]),
            |r| r.competencies = vec!["Leidinggeven".into(), "Coachen".into()],
        ),
        (
            RoleField::Description(Some(Bilingual::new("Geeft leiding.", "Leads."))),
            |r| r.description = Some(Bilingual::new("Geeft leiding.", "Leads.")),
        ),
        (RoleField::Entry(Some(true)), |r| r.entry = Some(true)),
    ];
    for (field, expected) in cases {
        check(set_role("teamleider", field), |f| expected(&mut f.roles[3]));
    }
}

#[test]
fn transition_edits() {
    check(
        Edit::AddTransition {
            index: 2,
            transition: step("sociaal-werker-hbo", "jongerenwerker"),
        },
        |f| {
            f.transitions
                .insert(2, step("sociaal-werker-hbo", "jongerenwerker"))
        },
    );
    check(Edit::RemoveTransition { index: 4 }, |f| {
        f.transitions.remove(4);
    });
    let cases: Vec<Case<TransitionField, TransitionFile>> = vec![
        (TransitionField::From("jongerenwerker".into()), |t| {
            t.from = "jongerenwerker".into()
        }),
        (TransitionField::To("sociaal-werker-hbo".into()), |t| {
            t.to = "sociaal-werker-hbo".into()
        }),
        (TransitionField::Kind(TransitionKind::Hybrid), |t| {
            t.kind = TransitionKind::Hybrid
        }),
        (TransitionField::MinYears(2.5), |t| t.min_years = 2.5),
        (
            TransitionField::Requirements(vec![Requirement::Education(Education::Hbo)]),
            |t| t.requirements = vec![Requirement::Education(Education::Hbo)],
        ),
    ];
    for (field, expected) in cases {
        check(Edit::SetTransition { index: 0, field }, |f| {
            expected(&mut f.transitions[0])
        });
    }
}

#[test]
fn organisation_edits() {
    let scales = vec![PayScaleFile {
        scale: 9,
        min: 3490,
        max: 4371,
    }];
    let part_time = PartTimeFile {
        full_time_hours: 36.0,
        stretch_min_years: true,
    };
    let cases: Vec<(LadderField, Expected)> = vec![
        (
            LadderField::Organisation("Stichting Anders".into()),
            Box::new(|f| f.organisation = "Stichting Anders".into()),
        ),
        (
            LadderField::Description(None),
            Box::new(|f| f.description = None),
        ),
        (
            LadderField::PayReference(Some("CAO 2025".into())),
            Box::new(|f| f.pay_reference = Some("CAO 2025".into())),
        ),
        (
            LadderField::PayScales(scales.clone()),
            Box::new(move |f| f.pay_scales = scales.clone()),
        ),
        (
            LadderField::PartTime(Some(part_time.clone())),
            Box::new(move |f| f.part_time = Some(part_time.clone())),
        ),
    ];
    for (field, expected) in cases {
        check(Edit::SetLadder { field }, expected);
    }
}

#[test]
fn a_group_is_one_step() {
    check(
        Edit::Group {
            edits: vec![
                set_role(
                    "teamleider",
                    RoleField::Name(Bilingual::new("Manager", "Manager")),
                ),
                Edit::RenameRole {
                    id: "teamleider".into(),
                    new_id: "manager".into(),
                },
                Edit::RemoveTransition { index: 0 },
            ],
        },
        |f| {
            f.roles[3].name = Bilingual::new("Manager", "Manager");
            f.roles[3].id = "manager".into();
            f.transitions.remove(0);
            for t in &mut f.transitions {
                if t.to == "teamleider" {
                    t.to = "manager".into();
                }
            }
        },
    );
    // The third cannot apply, so neither do the first two.
    refused(
        Edit::Group {
            edits: vec![
                set_role("teamleider", RoleField::Level(Level::Senior)),
                Edit::RemoveTransition { index: 0 },
                Edit::RemoveTransition { index: 9 },
            ],
        },
        "er is geen plaats 10: er zijn 4 overgangen",
        "there is no place 10: there are 4 transitions",
    );
}

#[test]
fn edits_that_cannot_apply_change_nothing() {
    refused(
        set_role("directeur", RoleField::Level(Level::Lead)),
        "er is geen functie met id 'directeur'",
        "there is no role with id 'directeur'",
    );
    refused(
        Edit::RenameRole {
            id: "jongerenwerker".into(),
            new_id: "teamleider".into(),
        },
        "de id 'teamleider' is al in gebruik; kies een andere",
        "the id 'teamleider' is already in use; choose another",
    );
    refused(
        Edit::AddRole {
            index: 0,
            role: role("teamleider"),
            transitions: Vec::new(),
        },
        "de id 'teamleider' is al in gebruik; kies een andere",
        "the id 'teamleider' is already in use; choose another",
    );
    refused(
        Edit::AddRole {
            index: 5,
            role: role("x"),
            transitions: Vec::new(),
        },
        "er is geen plaats 6: er zijn 4 functies",
        "there is no place 6: there are 4 roles",
    );
    refused(
        Edit::AddRole {
            index: 0,
            role: role("x"),
            transitions: vec![
                Placed {
                    index: 1,
                    transition: step("x", "teamleider"),
                },
                Placed {
                    index: 1,
                    transition: step("teamleider", "x"),
                },
            ],
        },
        "er is geen plaats 2: er zijn 6 overgangen",
        "there is no place 2: there are 6 transitions",
    );
    refused(
        Edit::RemoveRole {
            id: "teamleider".into(),
            transitions: vec![2, 1],
        },
        "er is geen plaats 2: er zijn 5 overgangen",
        "there is no place 2: there are 5 transitions",
    );
    refused(
        Edit::RemoveTransition { index: 5 },
        "er is geen plaats 6: er zijn 5 overgangen",
        "there is no place 6: there are 5 transitions",
    );
    refused(
        Edit::SetTransition {
            index: 7,
            field: TransitionField::MinYears(1.0),
        },
        "er is geen plaats 8: er zijn 5 overgangen",
        "there is no place 8: there are 5 transitions",
    );
    let one = EditError::NoPlace {
        what: Item::Role,
        index: 3,
        count: 1,
    };
    assert_eq!(
        one.message(Lang::Nl),
        "er is geen plaats 4: er is 1 functie"
    );
    assert_eq!(
        one.message(Lang::En),
        "there is no place 4: there is 1 role"
    );
}

#[test]
fn a_new_role_is_the_issues_new_role() {
    let check = |file: &LadderFile, id: &str, scale: u8| {
        let r = new_role(file);
        assert_eq!(r.id, id);
        assert_eq!(r.name, Bilingual::new("Nieuwe functie", "New role"));
        assert_eq!(r.level, Level::Junior);
        assert_eq!(r.mix, BTreeMap::from([(Track::Practice, 100)]));
        assert_eq!(
            r.scale,
            ScaleFile {
                min: scale,
                max: scale
            }
        );
        assert_eq!(r.education, Education::Hbo);
        assert_eq!((r.manages_people, r.entry), (false, None));
    };
    check(&empty_ladder(), "nieuwe-functie", 6);
    check(&base(), "nieuwe-functie", 8);
    check(&groeit(), "nieuwe-functie", 6);
    let mut file = base();
    file.pay_scales.push(PayScaleFile {
        scale: 5,
        min: 1,
        max: 2,
    });
    check(&file, "nieuwe-functie", 5);
    let (file, _) = apply(&base(), &add_new_role(&base())).unwrap();
    assert_eq!(file.roles.last().unwrap().id, "nieuwe-functie");
    check(&file, "nieuwe-functie-2", 8);
}

#[test]
fn ids_from_names() {
    for (name, id) in [
        ("Nieuwe functie", "nieuwe-functie"),
        (
            "Coördinator leren & ontwikkelen",
            "coordinator-leren-ontwikkelen",
        ),
        ("  Sociaal werker (HBO) ", "sociaal-werker-hbo"),
        ("Coo\u{308}rdinator", "coordinator"),
        ("Ervaringsdeskundige 2", "ervaringsdeskundige-2"),
        ("Œuvre-beheer: ĳs", "oeuvre-beheer-ijs"),
        ("Straße", "strasse"),
        ("中文", "functie"),
        ("", "functie"),
    ] {
        assert_eq!(slug(name), id, "{name}");
    }
    let file = base();
    assert_eq!(role_id(&file, "Teamleider", None), "teamleider-2");
    assert_eq!(
        role_id(&file, "Teamleider", Some("teamleider")),
        "teamleider"
    );
    assert_eq!(role_id(&file, "Jongeren werker", None), "jongeren-werker");
    assert_eq!(
        transitions_of(&file, "sociaal-werker-mbo"),
        vec![0, 3, 4],
        "from and to"
    );
}

#[test]
fn edits_are_json_the_web_app_can_keep() {
    let check = |edit: Edit, json: &str| {
        assert_eq!(serde_json::to_string(&edit).unwrap(), json);
        assert_eq!(serde_json::from_str::<Edit>(json).unwrap(), edit);
    };
    check(
        set_role("tl", RoleField::Level(Level::Lead)),
        r#"{"edit":"set_role","id":"tl","field":{"field":"level","value":"lead"}}"#,
    );
    check(
        Edit::RemoveRole {
            id: "tl".into(),
            transitions: vec![0, 3],
        },
        r#"{"edit":"remove_role","id":"tl","transitions":[0,3]}"#,
    );
    check(
        Edit::SetTransition {
            index: 2,
            field: TransitionField::MinYears(1.5),
        },
        r#"{"edit":"set_transition","index":2,"field":{"field":"min_years","value":1.5}}"#,
    );
    check(
        Edit::Group {
            edits: vec![Edit::SetLadder {
                field: LadderField::PayReference(None),
            }],
        },
        r#"{"edit":"group","edits":[{"edit":"set_ladder","field":{"field":"pay_reference","value":null}}]}"#,
    );
    // Every edit of a random sequence survives JSON (see below).
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A random sequence of edits, then as many undos, gives back the
    /// original; as many redos give the edited file again. An edit that
    /// cannot apply leaves the file as it was.
    #[test]
    fn undo_gives_back_the_original_and_redo_the_edit(
        original in start(),
        seeds in prop::collection::vec(seed(), 1..40),
    ) {
        let mut file = original.clone();
        let mut done = Vec::new();
        for s in &seeds {
            let edit = make(&file, s);
            let json = serde_json::to_string(&edit).unwrap();
            prop_assert_eq!(&serde_json::from_str::<Edit>(&json).unwrap(), &edit);
            let before = file.clone();
            match apply_in_place(&mut file, &edit) {
                Ok(inverse) => done.push((edit, inverse)),
                Err(_) => prop_assert_eq!(&file, &before),
            }
        }
        let edited = file.clone();
        for (_, inverse) in done.iter().rev() {
            apply_in_place(&mut file, inverse).unwrap();
        }
        prop_assert_eq!(&file, &original);
        for (edit, _) in &done {
            apply_in_place(&mut file, edit).unwrap();
        }
        prop_assert_eq!(&file, &edited);
    }
}

#[test]
fn the_starter_ladder_loads_without_problems() {
    use doorgroei::edit::starter_ladder;
    use doorgroei::format::{check_ladder_file, ladder_file_to_yaml, load_ladder_checked};
    use doorgroei::scan::{scan, Severity};
    let file = starter_ladder();
    let checked = check_ladder_file("start.yaml", &file);
    assert_eq!(checked.problems.0, vec![]);
    assert_eq!(checked.warnings.0, vec![]);
    let ladder = checked.ladder.unwrap();
    // Written and read like any file: the same file, no warnings.
    let loaded = load_ladder_checked("start.yaml", &ladder_file_to_yaml(&file)).unwrap();
    assert_eq!(loaded.value.1, file);
    assert!(loaded.warnings.0.is_empty());
    // Three phases for MBO and for HBO, and the two hybrid roles.
    for education in [Education::Mbo4, Education::Hbo] {
        let levels: Vec<Level> = file
            .roles
            .iter()
            .filter(|r| r.education == education && r.mix.len() == 1)
            .map(|r| r.level)
            .collect();
        assert_eq!(levels, [Level::Junior, Level::Medior, Level::Senior]);
    }
    for hybrid in ["praktijkopleider", "aandachtsfunctionaris"] {
        let role = ladder.role(hybrid).unwrap();
        assert!(role.mix.is_hybrid(), "{hybrid}");
    }
    let problems: Vec<String> = scan(&ladder)
        .iter()
        .filter(|f| f.severity == Severity::Problem)
        .map(|f| f.message.en.clone())
        .collect();
    assert_eq!(problems, Vec::<String>::new());
}

/// The Dutch name carries the id along while the id is the name's own,
/// with the transitions that use it; an id edited by hand stays.
#[test]
fn dutch_name_carries_the_id_until_it_is_edited() {
    use doorgroei::edit::set_dutch_name;
    let hand = apply(
        &base(),
        &Edit::RenameRole {
            id: "teamleider".into(),
            new_id: "tl".into(),
        },
    )
    .unwrap()
    .0;
    // (file, role, new Dutch name) → the role's id after, its transitions' ends.
    let cases: [(&LadderFile, &str, &str, Option<&str>); 5] = [
        (&base(), "teamleider", "Teamcoach", Some("teamcoach")),
        (
            &base(),
            "teamleider",
            "Jongerenwerker",
            Some("jongerenwerker-2"),
        ),
        (&base(), "teamleider", "Teamleider", Some("teamleider")),
        (&hand, "tl", "Teamcoach", Some("tl")),
        (&base(), "geen-functie", "Iets", None),
    ];
    for (file, id, nl, expected) in cases {
        let edit = set_dutch_name(file, id, nl);
        let Some(expected) = expected else {
            assert!(edit.is_none(), "{id}");
            continue;
        };
        let edit = edit.unwrap_or_else(|| panic!("{id} → {nl}: no edit"));
        let (after, inverse) = apply(file, &edit).unwrap();
        let role = after.roles.iter().find(|r| r.id == expected);
        let role = role.unwrap_or_else(|| panic!("{id} → {nl}: no role {expected}"));
        assert_eq!(role.name.nl, nl);
        let before_ends = transitions_of(file, id).len();
        assert_eq!(transitions_of(&after, expected).len(), before_ends, "{nl}");
        assert_eq!(&apply(&after, &inverse).unwrap().0, file, "one undo: {nl}");
    }
}

/// Requirements as lines of text: read in either language, written back
/// the same; a line that does not read says which and why.
#[test]
fn requirements_as_text() {
    use doorgroei::edit::{parse_requirements, requirements_text};
    use Requirement::{Competency, Education as E, Qualification, Training};
    let ok = |text: &str, expected: Vec<Requirement>| {
        let read = parse_requirements(text).unwrap_or_else(|e| panic!("{text}: {}", e.en));
        assert_eq!(read, expected, "{text}");
        for lang in [Lang::Nl, Lang::En] {
            let written = requirements_text(&read, lang);
            assert_eq!(parse_requirements(&written).unwrap(), read, "{written}");
        }
    };
    ok("", vec![]);
    ok(
        "training: Kopopleiding coaching",
        vec![Training("Kopopleiding coaching".into())],
    );
    ok(
        "Opleiding: HBO\n\n  competentie :  Groepswerk ",
        vec![E(Education::Hbo), Competency("Groepswerk".into())],
    );
    ok(
        "education: MBO 4\nqualification: Registerplein: SKJ",
        vec![
            E(Education::Mbo4),
            Qualification("Registerplein: SKJ".into()),
        ],
    );
    ok(
        "kwalificatie: Registerplein\ncompetency: x",
        vec![
            Qualification("Registerplein".into()),
            Competency("x".into()),
        ],
    );
    ok("opleiding: bachelor (HBO)", vec![E(Education::Hbo)]);
    let bad = |text: &str, nl: &str, en: &str| {
        let e = parse_requirements(text).expect_err(text);
        assert_eq!((e.nl.as_str(), e.en.as_str()), (nl, en), "{text}");
    };
    bad("training", "regel 1: schrijf de soort eis, een dubbele punt en wat er gevraagd wordt, zoals 'training: Kopopleiding coaching'", "line 1: write the kind of requirement, a colon and what is asked, like 'training: Kopopleiding coaching'");
    bad("training: a\ncursus: b", "regel 2: 'cursus' is geen soort eis; kies opleiding, training, kwalificatie of competentie", "line 2: 'cursus' is not a kind of requirement; choose education, training, qualification or competency");
    bad(
        "opleiding: havo",
        "regel 1: 'havo' is geen opleiding; kies mbo4, hbo of master",
        "line 1: 'havo' is not an education; choose mbo4, hbo or master",
    );
    bad(
        "training:  ",
        "regel 1: na 'training:' ontbreekt wat er gevraagd wordt",
        "line 1: what is asked is missing after 'training:'",
    );
    assert_eq!(
        requirements_text(&[E(Education::Hbo), Training("x".into())], Lang::Nl),
        "opleiding: hbo\ntraining: x"
    );
    assert_eq!(
        requirements_text(&[E(Education::Hbo), Training("x".into())], Lang::En),
        "education: hbo\ntraining: x"
    );
}

/// A step added from one role to another: its kind from the two roles,
/// put last, nothing asked yet.
#[test]
fn a_step_added_between_two_roles() {
    use doorgroei::edit::add_transition;
    let mut file = base();
    // A hybrid role to step into.
    file.roles[2].mix = BTreeMap::from([(Track::Practice, 60), (Track::Teaching, 40)]);
    for (from, to, kind) in [
        (
            "sociaal-werker-mbo",
            "teamleider",
            TransitionKind::Promotion,
        ),
        ("teamleider", "sociaal-werker-mbo", TransitionKind::Lateral),
        (
            "sociaal-werker-mbo",
            "sociaal-werker-hbo",
            TransitionKind::Lateral,
        ),
        (
            "sociaal-werker-mbo",
            "jongerenwerker",
            TransitionKind::Hybrid,
        ),
        ("jongerenwerker", "teamleider", TransitionKind::Promotion),
        ("onbekend", "teamleider", TransitionKind::Lateral),
    ] {
        let edit = add_transition(&file, from, to);
        let after = apply(&file, &edit).unwrap().0;
        let last = after.transitions.last().unwrap();
        assert_eq!(after.transitions.len(), file.transitions.len() + 1);
        assert_eq!(
            (last.from.as_str(), last.to.as_str(), last.kind),
            (from, to, kind),
            "{from} → {to}"
        );
        assert_eq!((last.min_years, last.requirements.len()), (0.0, 0));
    }
}
