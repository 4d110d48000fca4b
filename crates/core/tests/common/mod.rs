//! What the edit and diff tests share: the example ladders and random
//! edits that mostly apply.

#![allow(dead_code)]

use std::collections::BTreeMap;

use doorgroei::edit::{
    add_new_role, empty_ladder, new_role, remove_role, Edit, LadderField, RoleField,
    TransitionField,
};
use doorgroei::format::{
    load_ladder_file, LadderFile, PartTimeFile, PayScaleFile, RoleFile, ScaleFile, TransitionFile,
};
use doorgroei::ladder::{
    Competency, Education, Level, Proficiency, Requirement, Track, TransitionKind,
};
use doorgroei::{synth, Bilingual};
use proptest::prelude::*;

pub const VLAK: &str = include_str!("../../../../pathways/welzijn-vlak.yaml");
pub const GROEIT: &str = include_str!("../../../../pathways/welzijn-groeit.yaml");

/// welzijn-vlak: roles sociaal-werker-mbo, sociaal-werker-hbo,
/// jongerenwerker, teamleider; transitions mbo→tl, hbo→tl, jw→tl, mbo→jw,
/// jw→mbo.
pub fn base() -> LadderFile {
    load_ladder_file("vlak.yaml", VLAK).unwrap().1
}

/// welzijn-groeit: 19 roles, 26 transitions.
pub fn groeit() -> LadderFile {
    load_ladder_file("groeit.yaml", GROEIT).unwrap().1
}

/// What a random edit is made from; [`make`] turns it into an edit on the
/// file as it is then, mostly one that applies.
#[derive(Clone, Debug)]
pub struct Seed {
    pub kind: u8,
    pub a: usize,
    pub b: usize,
    pub c: usize,
    pub text: String,
}

pub fn seed() -> impl Strategy<Value = Seed> {
    (
        any::<u8>(),
        any::<usize>(),
        any::<usize>(),
        any::<usize>(),
        prop_oneof![
            "[a-z]{1,3}",
            any::<String>(),
            Just(String::new()),
            Just("r1".to_string())
        ],
    )
        .prop_map(|(kind, a, b, c, text)| Seed {
            kind,
            a,
            b,
            c,
            text,
        })
}

pub fn make(file: &LadderFile, s: &Seed) -> Edit {
    let roles = file.roles.len();
    let transitions = file.transitions.len();
    let role = |k: usize| {
        file.roles
            .get(k % roles.max(1))
            .map_or_else(|| "niemand".to_string(), |r| r.id.clone())
    };
    let bilingual = Bilingual::new(s.text.clone(), format!("{} en", s.text));
    let field = match s.b % 9 {
        0 => RoleField::Name(bilingual.clone()),
        1 => RoleField::Level(Level::ALL[s.c % 4]),
        2 => RoleField::Mix(BTreeMap::from([(Track::ALL[s.c % 6], (s.c % 120) as u8)])),
        3 => RoleField::Scale(ScaleFile {
            min: (s.c % 15) as u8,
            max: (s.a % 15) as u8,
        }),
        4 => RoleField::Education(Education::ALL[s.c % 3]),
        5 => RoleField::ManagesPeople(s.c % 2 == 0),
        6 => RoleField::Competencies(vec![
            Competency {
                name: s.text.clone(),
                level: Proficiency::ALL[s.a % 4],
            };
            s.c % 3
        ]),
        7 => RoleField::Description((s.c % 2 == 0).then(|| bilingual.clone())),
        _ => RoleField::Entry([None, Some(true), Some(false)][s.c % 3]),
    };
    let transition = TransitionFile {
        from: role(s.b),
        to: role(s.c),
        kind: TransitionKind::ALL[s.a % 4],
        min_years: (s.c % 100) as f64 / 2.0,
        requirements: vec![Requirement::Competency(s.text.clone()); s.b % 2],
    };
    let transition_field = match s.b % 5 {
        0 => TransitionField::From(role(s.c)),
        1 => TransitionField::To(if s.c % 7 == 0 {
            s.text.clone()
        } else {
            role(s.c)
        }),
        2 => TransitionField::Kind(TransitionKind::ALL[s.c % 4]),
        3 => TransitionField::MinYears((s.c % 120) as f64 / 4.0),
        _ => TransitionField::Requirements(vec![Requirement::Training(s.text.clone())]),
    };
    let ladder_field = match s.b % 5 {
        0 => LadderField::Organisation(s.text.clone()),
        1 => LadderField::Description((s.c % 2 == 0).then(|| bilingual.clone())),
        2 => LadderField::PayReference((s.c % 2 == 0).then(|| s.text.clone())),
        3 => LadderField::PayScales(
            (0..s.c % 4)
                .map(|k| PayScaleFile {
                    scale: (6 + k + s.a % 3) as u8,
                    min: 3000 + 100 * k as u32,
                    max: 4000 + (s.b % 500) as u32,
                })
                .collect(),
        ),
        _ => LadderField::PartTime((s.c % 2 == 0).then_some(PartTimeFile {
            full_time_hours: (s.c % 80) as f64,
            stretch_min_years: s.a % 2 == 0,
        })),
    };
    match s.kind % 16 {
        0 => add_new_role(file),
        1 => Edit::AddRole {
            index: s.a % (roles + 2),
            role: RoleFile {
                id: s.text.clone(),
                ..new_role(file)
            },
            transitions: Vec::new(),
        },
        2 => remove_role(file, &role(s.a)),
        3 => Edit::DuplicateRole { id: role(s.a) },
        4 => Edit::RenameRole {
            id: role(s.a),
            new_id: s.text.clone(),
        },
        5..=7 => Edit::SetRole {
            id: role(s.a),
            field,
        },
        8 => Edit::AddTransition {
            index: s.a % (transitions + 2),
            transition,
        },
        9 => Edit::RemoveTransition {
            index: s.a % (transitions + 1),
        },
        10 | 11 => Edit::SetTransition {
            index: s.a % (transitions + 1),
            field: transition_field,
        },
        12 => Edit::SetLadder {
            field: ladder_field,
        },
        13 => Edit::RemoveRole {
            id: role(s.a),
            transitions: vec![s.b % (transitions + 1)],
        },
        14 => {
            let id = role(s.a);
            let count = file
                .roles
                .iter()
                .find(|r| r.id == id)
                .map_or(0, |r| r.competencies.len());
            Edit::SetCompetencyLevel {
                id,
                index: s.b % (count + 1),
                level: Proficiency::ALL[s.c % 4],
            }
        }
        _ => {
            let other = Seed {
                kind: s.kind / 16,
                a: s.b,
                b: s.c,
                c: s.a,
                text: s.text.clone(),
            };
            Edit::Group {
                edits: vec![remove_role(file, &role(s.c)), make(file, &other)],
            }
        }
    }
}

/// A ladder to start from: an example or a generated one.
pub fn start() -> impl Strategy<Value = LadderFile> {
    prop_oneof![
        Just(base()),
        Just(groeit()),
        (1usize..15, any::<u64>()).prop_map(|(n, seed)| load_ladder_file(
            "synth.yaml",
            &synth::ladder_yaml(n, seed)
        )
        .unwrap()
        .1),
        Just(empty_ladder()),
    ]
}
