//! What changed between two ladder files: each kind of change in plain
//! sentences in both languages, and, for random edits, the diff lists
//! exactly what was done.

use std::collections::BTreeMap;

use doorgroei::diff::{count, diff, Change, Ends};
use doorgroei::edit::{
    add_new_role, apply, apply_in_place, remove_role, role_field, Edit, LadderField, RoleField,
    TransitionField,
};
use doorgroei::format::{LadderFile, PartTimeFile, PayScaleFile, ScaleFile, TransitionFile};
use doorgroei::ladder::{Education, Level, Requirement, Track, TransitionKind};
use doorgroei::{Bilingual, Lang};
use proptest::prelude::*;

mod common;
use common::{base, make, seed, start};

/// The base file after `edits`, described: one Dutch and one English
/// sentence per change.
fn check(edits: &[Edit], nl: &[&str], en: &[&str]) {
    let old = base();
    let mut new = old.clone();
    for e in edits {
        apply_in_place(&mut new, e).unwrap();
    }
    let changes = diff(&old, &new);
    let said = |lang| -> Vec<String> { changes.iter().map(|c| c.describe(lang)).collect() };
    assert_eq!(said(Lang::Nl), nl, "{edits:?}");
    assert_eq!(said(Lang::En), en, "{edits:?}");
}

fn set_role(id: &str, field: RoleField) -> Edit {
    Edit::SetRole {
        id: id.into(),
        field,
    }
}

fn set_transition(index: usize, field: TransitionField) -> Edit {
    Edit::SetTransition { index, field }
}

fn set_ladder(field: LadderField) -> Edit {
    Edit::SetLadder { field }
}

#[test]
fn roles_added_removed_and_renamed() {
    check(
        &[add_new_role(&base())],
        &["Functie toegevoegd: Nieuwe functie (nieuwe-functie): junior, schaal 8, hbo, 100% uitvoering."],
        &["Role added: New role (nieuwe-functie): junior, scale 8, bachelor (HBO), 100% practice."],
    );
    check(
        &[Edit::DuplicateRole {
            id: "teamleider".into(),
        }],
        &["Functie toegevoegd: Teamleider (kopie) (teamleider-2): leidend, schaal 10, hbo, 100% leidinggeven, leidinggevend."],
        &["Role added: Team leader (copy) (teamleider-2): lead, scale 10, bachelor (HBO), 100% management, manages people."],
    );
    check(
        &[remove_role(&base(), "jongerenwerker")],
        &[
            "Functie verwijderd: Jongerenwerker (jongerenwerker).",
            "Overgang verwijderd: Jongerenwerker → Teamleider (was promotie, na minstens 5 jaar).",
            "Overgang verwijderd: Sociaal werker (MBO) → Jongerenwerker (was zijstap).",
            "Overgang verwijderd: Jongerenwerker → Sociaal werker (MBO) (was zijstap).",
        ],
        &[
            "Role removed: Youth worker (jongerenwerker).",
            "Transition removed: Youth worker → Team leader (was promotion, after at least 5 years).",
            "Transition removed: Social worker (MBO) → Youth worker (was lateral move).",
            "Transition removed: Youth worker → Social worker (MBO) (was lateral move).",
        ],
    );
    // A new id: one change, and the transitions that follow are not listed.
    check(
        &[Edit::RenameRole {
            id: "teamleider".into(),
            new_id: "tl".into(),
        }],
        &["Teamleider: functie-id teamleider → tl."],
        &["Team leader: role id teamleider → tl."],
    );
    // A new id and something else: still the same role, found by its names.
    check(
        &[
            Edit::RenameRole {
                id: "teamleider".into(),
                new_id: "leider".into(),
            },
            set_role("leider", RoleField::Level(Level::Senior)),
        ],
        &[
            "Teamleider: functie-id teamleider → leider.",
            "Teamleider (leider): niveau leidend → senior.",
        ],
        &[
            "Team leader: role id teamleider → leider.",
            "Team leader (leider): level lead → senior.",
        ],
    );
    // A new id and new names: nothing says it is the same role.
    check(
        &[
            Edit::RenameRole {
                id: "jongerenwerker".into(),
                new_id: "buurtwerker".into(),
            },
            set_role(
                "buurtwerker",
                RoleField::Name(Bilingual::new("Buurtwerker", "Community worker")),
            ),
            Edit::RemoveTransition { index: 4 },
            Edit::RemoveTransition { index: 3 },
            Edit::RemoveTransition { index: 2 },
        ],
        &[
            "Functie verwijderd: Jongerenwerker (jongerenwerker).",
            "Functie toegevoegd: Buurtwerker (buurtwerker): junior, schaal 8, mbo 4, 100% uitvoering.",
            "Overgang verwijderd: Jongerenwerker → Teamleider (was promotie, na minstens 5 jaar).",
            "Overgang verwijderd: Sociaal werker (MBO) → Jongerenwerker (was zijstap).",
            "Overgang verwijderd: Jongerenwerker → Sociaal werker (MBO) (was zijstap).",
        ],
        &[
            "Role removed: Youth worker (jongerenwerker).",
            "Role added: Community worker (buurtwerker): junior, scale 8, MBO level 4, 100% practice.",
            "Transition removed: Youth worker → Team leader (was promotion, after at least 5 years).",
            "Transition removed: Social worker (MBO) → Youth worker (was lateral move).",
            "Transition removed: Youth worker → Social worker (MBO) (was lateral move).",
        ],
    );
}

#[test]
fn every_field_of_a_role_in_words() {
    let t = "Teamleider (teamleider): ";
    let e = "Team leader (teamleider): ";
    let cases: [(RoleField, &str, &str); 14] = [
        (
            RoleField::Name(Bilingual::new("Leider", "Team leader")),
            "naam “Teamleider” → “Leider”.",
            "Dutch name “Teamleider” → “Leider”.",
        ),
        (
            RoleField::Level(Level::Senior),
            "niveau leidend → senior.",
            "level lead → senior.",
        ),
        (
            RoleField::Mix(BTreeMap::from([
                (Track::Management, 60),
                (Track::Practice, 40),
            ])),
            "werkverdeling 100% leidinggeven → 60% leidinggeven, 40% uitvoering.",
            "work mix 100% management → 60% management, 40% practice.",
        ),
        (
            RoleField::Mix(BTreeMap::new()),
            "werkverdeling 100% leidinggeven → geen.",
            "work mix 100% management → none.",
        ),
        (
            RoleField::Scale(ScaleFile { min: 10, max: 11 }),
            "schaal 10 → 10–11.",
            "scale 10 → 10–11.",
        ),
        (
            RoleField::Education(Education::Master),
            "opleiding hbo → master.",
            "education bachelor (HBO) → master.",
        ),
        (
            RoleField::ManagesPeople(false),
            "geeft geen leiding meer.",
            "no longer manages people.",
        ),
        (
            RoleField::Competencies(vec!["Leidinggeven".into()]),
            "competentie toegevoegd: “Leidinggeven”.",
            "competency added: “Leidinggeven”.",
        ),
        (
            RoleField::Competencies(vec!["Coachen".into(), "Leidinggeven".into()]),
            "competenties toegevoegd: “Coachen” en “Leidinggeven”.",
            "competencies added: “Coachen” and “Leidinggeven”.",
        ),
        (
            RoleField::Description(Some(Bilingual::new("Geeft leiding.", "Leads."))),
            "beschrijving toegevoegd: “Geeft leiding.”; Engelse beschrijving toegevoegd: “Leads.”",
            "Dutch description added: “Geeft leiding.”; description added: “Leads.”",
        ),
        (
            RoleField::Entry(Some(false)),
            "instroomfunctie volgens niveau (ja voor junior) → nee.",
            "entry role by level (yes for junior roles) → no.",
        ),
        (
            RoleField::Entry(Some(true)),
            "instroomfunctie volgens niveau (ja voor junior) → ja.",
            "entry role by level (yes for junior roles) → yes.",
        ),
        (RoleField::Level(Level::Lead), "", ""),
        (RoleField::ManagesPeople(true), "", ""),
    ];
    for (field, nl, en) in cases {
        let (nl, en) = match nl {
            "" => (vec![], vec![]),
            _ => (vec![format!("{t}{nl}")], vec![format!("{e}{en}")]),
        };
        let nl: Vec<&str> = nl.iter().map(String::as_str).collect();
        let en: Vec<&str> = en.iter().map(String::as_str).collect();
        check(&[set_role("teamleider", field)], &nl, &en);
    }
    // Taken away, and only the order changed.
    let mut two = base();
    two.roles[0].competencies = vec!["A".into(), "B".into(), "C".into()];
    let check_list = |list: &[&str], nl: &str, en: &str| {
        let mut changed = two.clone();
        changed.roles[0].competencies = doorgroei::edit::parse_competencies(&list.join("\n"));
        let changes = diff(&two, &changed);
        assert_eq!(changes.len(), 1);
        assert_eq!(
            changes[0].describe(Lang::Nl),
            format!("Sociaal werker (MBO) (sociaal-werker-mbo): {nl}")
        );
        assert_eq!(
            changes[0].describe(Lang::En),
            format!("Social worker (MBO) (sociaal-werker-mbo): {en}")
        );
    };
    check_list(
        &["A"],
        "competenties vervallen: “B” en “C”.",
        "competencies removed: “B” and “C”.",
    );
    check_list(
        &["A", "D", "C"],
        "competentie toegevoegd: “D”; competentie vervallen: “B”.",
        "competency added: “D”; competency removed: “B”.",
    );
    check_list(
        &["C", "B", "A"],
        "volgorde van de competenties veranderd.",
        "order of the competencies changed.",
    );
    // A level changed, with and without another change.
    check_list(
        &["A", "B: sterk", "C"],
        "“B” voldoende → sterk.",
        "“B” sufficient → strong.",
    );
    check_list(
        &["A: basic", "B"],
        "“A” voldoende → basis; competentie vervallen: “C”.",
        "“A” sufficient → basic; competency removed: “C”.",
    );
}

#[test]
fn transitions_in_words() {
    let step = TransitionFile {
        from: "sociaal-werker-hbo".into(),
        to: "jongerenwerker".into(),
        kind: TransitionKind::Lateral,
        min_years: 1.0,
        requirements: vec![
            Requirement::Training("Jongerenwerk".into()),
            Requirement::Education(Education::Hbo),
        ],
    };
    check(
        &[Edit::AddTransition {
            index: 0,
            transition: step,
        }],
        &["Overgang toegevoegd: Sociaal werker (HBO) → Jongerenwerker (zijstap, na minstens 1 jaar; vraagt training “Jongerenwerk” en opleiding hbo)."],
        &["Transition added: Social worker (HBO) → Youth worker (lateral move, after at least 1 year; asks training “Jongerenwerk” and education bachelor (HBO))."],
    );
    check(
        &[Edit::RemoveTransition { index: 0 }],
        &["Overgang verwijderd: Sociaal werker (MBO) → Teamleider (was promotie, na minstens 5 jaar)."],
        &["Transition removed: Social worker (MBO) → Team leader (was promotion, after at least 5 years)."],
    );
    let route = (
        "Overgang Sociaal werker (MBO) → Teamleider: ",
        "Transition Social worker (MBO) → Team leader: ",
    );
    for (field, nl, en) in [
        (
            TransitionField::Kind(TransitionKind::Lateral),
            "soort promotie → zijstap.",
            "kind promotion → lateral move.",
        ),
        (
            TransitionField::MinYears(1.0),
            "minimaal 5 jaar → 1 jaar.",
            "at least 5 years → 1 year.",
        ),
        (
            TransitionField::MinYears(1.5),
            "minimaal 5 jaar → 1,5 jaar.",
            "at least 5 years → 1.5 years.",
        ),
        (
            TransitionField::Requirements(vec![Requirement::Qualification(
                "Registratie SKJ".into(),
            )]),
            "eis toegevoegd: kwalificatie “Registratie SKJ”.",
            "requirement added: qualification “Registratie SKJ”.",
        ),
        (
            TransitionField::Requirements(vec![
                Requirement::Competency("Coachen".into()),
                Requirement::Education(Education::Master),
            ]),
            "eisen toegevoegd: competentie “Coachen” en opleiding master.",
            "requirements added: competency “Coachen” and education master.",
        ),
    ] {
        check(
            &[set_transition(0, field)],
            &[&format!("{}{nl}", route.0)],
            &[&format!("{}{en}", route.1)],
        );
    }
    // Other ends make another transition.
    check(
        &[set_transition(1, TransitionField::To("jongerenwerker".into()))],
        &[
            "Overgang verwijderd: Sociaal werker (HBO) → Teamleider (was promotie, na minstens 3 jaar).",
            "Overgang toegevoegd: Sociaal werker (HBO) → Jongerenwerker (promotie, na minstens 3 jaar).",
        ],
        &[
            "Transition removed: Social worker (HBO) → Team leader (was promotion, after at least 3 years).",
            "Transition added: Social worker (HBO) → Youth worker (promotion, after at least 3 years).",
        ],
    );
}

#[test]
fn the_organisation_and_the_pay_table_in_words() {
    check(
        &[set_ladder(LadderField::Organisation(
            "Stichting Anders".into(),
        ))],
        &["Naam van de organisatie: “Stichting Welzijn Gelijkvloers” → “Stichting Anders”."],
        &["Name of the organisation: “Stichting Welzijn Gelijkvloers” → “Stichting Anders”."],
    );
    check(
        &[set_ladder(LadderField::Description(Some(Bilingual::new(
            "Voorbeeld van een plat functiehuis waarin je begint in een eindfunctie.",
            "A flat ladder.",
        ))))],
        &["Engelse beschrijving van het functiehuis “An example of a flat function ladder in which you start in an end function.” → “A flat ladder.”"],
        &["Description of the ladder “An example of a flat function ladder in which you start in an end function.” → “A flat ladder.”"],
    );
    check(
        &[set_ladder(LadderField::PayReference(Some("CAO 2025".into())))],
        &["Bron van de salarisbedragen: “CAO Sociaal Werk, bruto per maand bij 36 uur, per 1 juli 2024 (minimum = begin van de schaal, maximum = trede 8).” → “CAO 2025”."],
        &["Source of the pay amounts: “CAO Sociaal Werk, bruto per maand bij 36 uur, per 1 juli 2024 (minimum = begin van de schaal, maximum = trede 8).” → “CAO 2025”."],
    );
    check(
        &[set_ladder(LadderField::PartTime(Some(PartTimeFile {
            full_time_hours: 36.0,
            stretch_min_years: true,
        })))],
        &["Deeltijd: niet opgegeven (jaren tellen als jaren) → ervaringsjaren tellen naar rato, voltijd is 36 uur."],
        &["Part-time: not given (years count as years) → years count in proportion to hours, full time is 36 hours."],
    );
    check(
        &[set_ladder(LadderField::PayScales(vec![
            PayScaleFile {
                scale: 8,
                min: 3300,
                max: 4100,
            },
            PayScaleFile {
                scale: 9,
                min: 3490,
                max: 4371,
            },
        ]))],
        &[
            "Schaal 8: € 3282 – € 4051 → € 3300 – € 4100.",
            "Schaal 9 toegevoegd aan de salaristabel: € 3490 – € 4371.",
            "Schaal 10 uit de salaristabel gehaald (was € 3802 – € 4830).",
        ],
        &[
            "Scale 8: € 3282 – € 4051 → € 3300 – € 4100.",
            "Scale 9 added to the pay table: € 3490 – € 4371.",
            "Scale 10 removed from the pay table (was € 3802 – € 4830).",
        ],
    );
}

#[test]
fn how_many_changes() {
    let some = diff(&base(), &apply(&base(), &add_new_role(&base())).unwrap().0);
    let two = [some[0].clone(), some[0].clone()];
    for (changes, nl, en) in [
        (&[][..], "geen verschillen", "no differences"),
        (&some[..], "1 verandering", "1 change"),
        (&two[..], "2 veranderingen", "2 changes"),
    ] {
        assert_eq!(count(changes, Lang::Nl), nl);
        assert_eq!(count(changes, Lang::En), en);
    }
}

#[test]
fn changes_are_json() {
    let (new, _) = apply(
        &base(),
        &set_role(
            "teamleider",
            RoleField::Scale(ScaleFile { min: 10, max: 11 }),
        ),
    )
    .unwrap();
    let changes = diff(&base(), &new);
    assert_eq!(
        serde_json::to_string(&changes).unwrap(),
        r#"[{"change":"role_changed","id":"teamleider","name":{"nl":"Teamleider","en":"Team leader"},"old":{"field":"scale","value":{"min":10,"max":10}},"new":{"field":"scale","value":{"min":10,"max":11}}}]"#
    );
    let back: Vec<Change> =
        serde_json::from_str(&serde_json::to_string(&changes).unwrap()).unwrap();
    assert_eq!(back, changes);
}

/// Words of one language that the other never uses.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "of",
    "to",
    "at",
    "least",
    "added",
    "removed",
    "role",
    "scale",
    "transition",
    "years",
    "year",
    "name",
    "yes",
    "no",
    "none",
    "changed",
    "kind",
    "level",
    "asks",
];
const DUTCH: &[&str] = &[
    "de",
    "het",
    "een",
    "en",
    "van",
    "functie",
    "overgang",
    "toegevoegd",
    "verwijderd",
    "schaal",
    "jaar",
    "naam",
    "ja",
    "nee",
    "geen",
    "niveau",
    "eis",
    "eisen",
    "vraagt",
    "minimaal",
    "soort",
];

/// Fails when `text` in `lang` has a word of the other language outside
/// its quotes (quoted text is the file's, in whatever language it is).
fn check_language(text: &str, lang: Lang) {
    let others = match lang {
        Lang::Nl => ENGLISH,
        Lang::En => DUTCH,
    };
    let mut outside = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '“' => quoted = true,
            '”' => quoted = false,
            c if !quoted => outside.push(c),
            _ => {}
        }
    }
    let found: Vec<String> = outside
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(str::to_lowercase)
        .filter(|w| others.contains(&w.as_str()))
        .collect();
    assert!(found.is_empty(), "{lang:?} has {found:?}: {text}");
}

#[test]
fn every_kind_of_change_is_in_one_language() {
    let old = base();
    let mut new = old.clone();
    let edits = [
        add_new_role(&old),
        remove_role(&old, "jongerenwerker"),
        Edit::RenameRole {
            id: "teamleider".into(),
            new_id: "tl".into(),
        },
        set_role("tl", RoleField::Level(Level::Senior)),
        set_role("tl", RoleField::Scale(ScaleFile { min: 9, max: 11 })),
        set_role("tl", RoleField::Education(Education::Master)),
        set_role("tl", RoleField::ManagesPeople(false)),
        set_role("tl", RoleField::Entry(Some(true))),
        set_role("tl", RoleField::Competencies(vec!["Coachen".into()])),
        set_role(
            "tl",
            RoleField::Description(Some(Bilingual::new("Leidt.", "Leads."))),
        ),
        set_role(
            "tl",
            RoleField::Mix(BTreeMap::from([
                (Track::Management, 50),
                (Track::Policy, 50),
            ])),
        ),
        set_role(
            "sociaal-werker-hbo",
            RoleField::Name(Bilingual::new("SW", "SW")),
        ),
        set_transition(0, TransitionField::Kind(TransitionKind::Hybrid)),
        set_transition(0, TransitionField::MinYears(1.0)),
        set_transition(
            0,
            TransitionField::Requirements(vec![Requirement::Education(Education::Hbo)]),
        ),
        set_transition(1, TransitionField::To("nieuwe-functie".into())),
        set_ladder(LadderField::Organisation("Anders".into())),
        set_ladder(LadderField::Description(None)),
        set_ladder(LadderField::PayReference(None)),
        set_ladder(LadderField::PartTime(Some(PartTimeFile {
            full_time_hours: 32.0,
            stretch_min_years: false,
        }))),
        set_ladder(LadderField::PayScales(vec![PayScaleFile {
            scale: 8,
            min: 1,
            max: 2,
        }])),
    ];
    for e in &edits {
        apply_in_place(&mut new, e).unwrap();
    }
    let changes = diff(&old, &new);
    let kinds: std::collections::BTreeSet<String> = changes
        .iter()
        .map(|c| serde_json::to_value(c).unwrap()["change"].to_string())
        .collect();
    assert_eq!(kinds.len(), 10, "{kinds:?}");
    for c in &changes {
        for lang in Lang::ALL {
            check_language(&c.describe(lang), lang);
        }
    }
}

// ---------------------------------------------------------------------------
// Properties.

fn ends(t: &TransitionFile, first: &LadderFile, second: &LadderFile) -> Ends {
    let name = |id: &str| {
        first
            .roles
            .iter()
            .chain(&second.roles)
            .find(|r| r.id == id)
            .map_or_else(|| Bilingual::new(id, id), |r| r.name.clone())
    };
    Ends {
        from: name(&t.from),
        to: name(&t.to),
    }
}

/// What the diff should list after `edit` turned `old` into `new`, or
/// `None` when it cannot say for sure (a group; a transition whose ends
/// another one has too).
fn expected(old: &LadderFile, edit: &Edit, new: &LadderFile) -> Option<Vec<Change>> {
    let pair = |t: &TransitionFile| (t.from.clone(), t.to.clone());
    let taken = |t: &TransitionFile| old.transitions.iter().any(|u| pair(u) == pair(t));
    let role_of = |id: &str| old.roles.iter().find(|r| r.id == id);
    Some(match edit {
        Edit::AddRole { role, .. } => vec![Change::RoleAdded { role: role.clone() }],
        Edit::RemoveRole { id, transitions } => {
            let mut changes = vec![Change::RoleRemoved {
                role: role_of(id)?.clone(),
            }];
            for &i in transitions {
                let t = &old.transitions[i];
                changes.push(Change::TransitionRemoved {
                    transition: t.clone(),
                    names: ends(t, old, new),
                });
            }
            changes
        }
        Edit::DuplicateRole { id } => {
            let at = old.roles.iter().position(|r| &r.id == id)?;
            vec![Change::RoleAdded {
                role: new.roles[at + 1].clone(),
            }]
        }
        Edit::RenameRole { id, new_id } if id == new_id => vec![],
        Edit::RenameRole { id, new_id } => vec![Change::RoleRenamed {
            id: id.clone(),
            new_id: new_id.clone(),
            name: role_of(id)?.name.clone(),
        }],
        Edit::SetRole { id, field } => {
            let role = role_of(id)?;
            let was = role_field(role, field);
            if &was == field {
                vec![]
            } else {
                vec![Change::RoleChanged {
                    id: id.clone(),
                    name: role.name.clone(),
                    old: was,
                    new: field.clone(),
                }]
            }
        }
        Edit::SetCompetencyLevel { id, index, level } => {
            let role = role_of(id)?;
            if role.competencies[*index].level == *level {
                vec![]
            } else {
                let mut now = role.competencies.clone();
                now[*index].level = *level;
                vec![Change::RoleChanged {
                    id: id.clone(),
                    name: role.name.clone(),
                    old: RoleField::Competencies(role.competencies.clone()),
                    new: RoleField::Competencies(now),
                }]
            }
        }
        Edit::AddTransition { transition, .. } if taken(transition) => return None,
        Edit::AddTransition { transition, .. } => vec![Change::TransitionAdded {
            transition: transition.clone(),
            names: ends(transition, new, old),
        }],
        Edit::RemoveTransition { index } => {
            let t = &old.transitions[*index];
            vec![Change::TransitionRemoved {
                transition: t.clone(),
                names: ends(t, old, new),
            }]
        }
        Edit::SetTransition { index, field } => {
            let (was, now) = (&old.transitions[*index], &new.transitions[*index]);
            match field {
                _ if was == now => vec![],
                TransitionField::From(_) | TransitionField::To(_) if taken(now) => return None,
                TransitionField::From(_) | TransitionField::To(_) => vec![
                    Change::TransitionRemoved {
                        transition: was.clone(),
                        names: ends(was, old, new),
                    },
                    Change::TransitionAdded {
                        transition: now.clone(),
                        names: ends(now, new, old),
                    },
                ],
                _ => {
                    let mut unchanged = old.clone();
                    let back = apply_in_place(&mut unchanged, edit).ok()?;
                    let Edit::SetTransition { field: before, .. } = back else {
                        return None;
                    };
                    vec![Change::TransitionChanged {
                        from: now.from.clone(),
                        to: now.to.clone(),
                        names: ends(now, new, old),
                        old: before,
                        new: field.clone(),
                    }]
                }
            }
        }
        Edit::SetLadder {
            field: LadderField::PayScales(scales),
        } => {
            let by_scale = |list: &[PayScaleFile]| -> BTreeMap<u8, PayScaleFile> {
                list.iter().map(|p| (p.scale, p.clone())).collect()
            };
            let (a, b) = (by_scale(&old.pay_scales), by_scale(scales));
            let mut numbers: Vec<u8> = a.keys().chain(b.keys()).copied().collect();
            numbers.dedup();
            doorgroei::sort::sort(&mut numbers);
            numbers.dedup();
            numbers
                .into_iter()
                .filter_map(|n| match (a.get(&n), b.get(&n)) {
                    (Some(o), Some(p)) if o != p => Some(Change::PayScaleChanged {
                        old: o.clone(),
                        new: p.clone(),
                    }),
                    (Some(o), None) => Some(Change::PayScaleRemoved { scale: o.clone() }),
                    (None, Some(p)) => Some(Change::PayScaleAdded { scale: p.clone() }),
                    _ => None,
                })
                .collect()
        }
        Edit::SetLadder { field } => {
            let mut unchanged = old.clone();
            let Edit::SetLadder { field: before } = apply_in_place(&mut unchanged, edit).ok()?
            else {
                return None;
            };
            if &before == field {
                vec![]
            } else {
                vec![Change::Ladder {
                    old: before,
                    new: field.clone(),
                }]
            }
        }
        Edit::Group { .. } => return None,
    })
}

/// `old` with the `changes` made to it, each as an edit would.
fn replay(old: &LadderFile, changes: &[Change]) -> LadderFile {
    let mut file = old.clone();
    let mut renames = BTreeMap::new();
    let at = |file: &LadderFile, id: &str| file.roles.iter().position(|r| r.id == id).unwrap();
    for c in changes {
        match c {
            Change::Ladder { new, .. } => {
                apply_in_place(&mut file, &set_ladder(new.clone())).unwrap();
            }
            Change::PayScaleAdded { scale } => file.pay_scales.push(scale.clone()),
            Change::PayScaleRemoved { scale } => {
                let i = file.pay_scales.iter().position(|p| p == scale).unwrap();
                file.pay_scales.remove(i);
            }
            Change::PayScaleChanged { old, new } => {
                let i = file.pay_scales.iter().position(|p| p == old).unwrap();
                file.pay_scales[i] = new.clone();
            }
            Change::RoleAdded { role } => file.roles.push(role.clone()),
            Change::RoleRemoved { role } => {
                let i = at(&file, &role.id);
                file.roles.remove(i);
            }
            Change::RoleRenamed { id, new_id, .. } => {
                let i = at(&file, id);
                file.roles[i].id.clone_from(new_id);
                renames.insert(id.clone(), new_id.clone());
            }
            Change::RoleChanged { id, new, .. } => {
                apply_in_place(&mut file, &set_role(id, new.clone())).unwrap();
            }
            _ => {}
        }
    }
    for t in &mut file.transitions {
        for end in [&mut t.from, &mut t.to] {
            if let Some(new) = renames.get(end) {
                end.clone_from(new);
            }
        }
    }
    let renamed = |id: &String| renames.get(id).unwrap_or(id).clone();
    for c in changes {
        match c {
            Change::TransitionRemoved { transition, .. } => {
                let (from, to) = (renamed(&transition.from), renamed(&transition.to));
                let i = file
                    .transitions
                    .iter()
                    .position(|t| t.from == from && t.to == to)
                    .unwrap();
                file.transitions.remove(i);
            }
            Change::TransitionAdded { transition, .. } => file.transitions.push(transition.clone()),
            Change::TransitionChanged { from, to, new, .. } => {
                let i = file
                    .transitions
                    .iter()
                    .position(|t| &t.from == from && &t.to == to)
                    .unwrap();
                apply_in_place(&mut file, &set_transition(i, new.clone())).unwrap();
            }
            _ => {}
        }
    }
    file
}

/// A file with its lists in one order, to compare content.
fn sorted(file: &LadderFile) -> LadderFile {
    let mut file = file.clone();
    doorgroei::sort::sort_by_key(&mut file.roles, |r| r.id.clone());
    doorgroei::sort::sort_by_key(&mut file.transitions, |t| format!("{t:?}"));
    doorgroei::sort::sort_by_key(&mut file.pay_scales, |p| (p.scale, p.min, p.max));
    file
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_file_and_itself_have_no_differences(file in start()) {
        prop_assert_eq!(diff(&file, &file), vec![]);
    }

    /// One edit: the diff lists exactly what it did.
    #[test]
    fn the_diff_of_one_edit_is_that_edit(original in start(), s in seed()) {
        let edit = make(&original, &s);
        let Ok((new, _)) = apply(&original, &edit) else { return Ok(()); };
        if let Some(wanted) = expected(&original, &edit, &new) {
            prop_assert_eq!(diff(&original, &new), wanted, "{:?}", edit);
        }
    }

    /// Many edits: making the changes the diff lists turns the old file
    /// into the new one (nothing is missing and nothing is wrong), every
    /// change changes something, and going back lists as many changes.
    #[test]
    fn the_diff_of_many_edits_makes_the_new_file(
        original in start(),
        seeds in prop::collection::vec(seed(), 1..30),
    ) {
        let mut file = original.clone();
        for s in &seeds {
            let edit = make(&file, s);
            let _ = apply_in_place(&mut file, &edit);
        }
        let changes = diff(&original, &file);
        for c in &changes {
            let real = match c {
                Change::Ladder { old, new } => old != new,
                Change::RoleChanged { old, new, .. } => old != new,
                Change::TransitionChanged { old, new, .. } => old != new,
                Change::PayScaleChanged { old, new } => old != new,
                Change::RoleRenamed { id, new_id, .. } => id != new_id,
                _ => true,
            };
            prop_assert!(real, "{:?}", c);
        }
        // Transitions with the same ends twice cannot be told apart.
        let pairs: Vec<(String, String)> = file.transitions.iter().map(|t| (t.from.clone(), t.to.clone())).collect();
        let mut unique = pairs.clone();
        doorgroei::sort::sort(&mut unique);
        unique.dedup();
        if unique.len() == pairs.len() {
            prop_assert_eq!(sorted(&replay(&original, &changes)), sorted(&file));
        }
        prop_assert_eq!(diff(&file, &original).len(), changes.len());
        prop_assert_eq!(diff(&file, &file), vec![]);
    }
}
