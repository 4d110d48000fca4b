//! Checking a ladder file that is a value (the editor's draft): the same
//! rules and messages as loading its text, each at the path of its field.

use doorgroei::format::{
    check_ladder_file, ladder_file_to_yaml, load_ladder_checked, load_ladder_file, LadderFile,
};
use doorgroei::ladder::{Level, Track, TransitionKind};
use doorgroei::{synth, Lang};
use proptest::prelude::*;

const BASE: &str = include_str!("../../../pathways/welzijn-vlak.yaml");

fn base() -> LadderFile {
    load_ladder_file("vlak.yaml", BASE).unwrap().1
}

/// Checks `file` after `change` and compares `path: message` (English)
/// of the problems and then of the warnings.
fn check(change: impl FnOnce(&mut LadderFile), problems: &[&str], warnings: &[&str]) {
    let mut file = base();
    change(&mut file);
    let checked = check_ladder_file("concept", &file);
    let lines = |errors: &doorgroei::LoadErrors| -> Vec<String> {
        errors
            .0
            .iter()
            .map(|e| {
                assert_eq!(e.pos, None);
                assert_eq!(e.file, "concept");
                format!("{}: {}", e.path, e.message(Lang::En))
            })
            .collect()
    };
    assert_eq!(lines(&checked.problems), problems);
    assert_eq!(lines(&checked.warnings), warnings);
    assert_eq!(checked.ladder.is_some(), problems.is_empty());
}

#[test]
fn problems_and_warnings_at_their_fields() {
    check(|_| {}, &[], &[]);
    check(
        |f| {
            f.roles[1].mix.insert(Track::Policy, 10);
        },
        &["roles[1].mix: the track mix adds up to 110%, not 100%"],
        &[],
    );
    check(
        |f| f.roles[3].scale.min = 11,
        &["roles[3].scale: scale: minimum 11 is above maximum 10"],
        &[],
    );
    check(
        |f| f.roles[2].id = "sociaal-werker-mbo".into(),
        &[
            "roles[2].id: role id 'sociaal-werker-mbo' is used twice",
            "transitions[2].from: unknown role 'jongerenwerker'; did you mean 'sociaal-werker-hbo' or 'sociaal-werker-mbo'?",
            "transitions[3].to: unknown role 'jongerenwerker'; did you mean 'sociaal-werker-hbo' or 'sociaal-werker-mbo'?",
            "transitions[4].from: unknown role 'jongerenwerker'; did you mean 'sociaal-werker-hbo' or 'sociaal-werker-mbo'?",
        ],
        &[],
    );
    check(
        |f| f.roles[0].id = " ".into(),
        &[
            "roles[0].id: id: invalid value ' '; expected a non-empty id",
            "transitions[0].from: unknown role 'sociaal-werker-mbo'; did you mean 'sociaal-werker-hbo'?",
            "transitions[3].from: unknown role 'sociaal-werker-mbo'; did you mean 'sociaal-werker-hbo'?",
            "transitions[4].to: unknown role 'sociaal-werker-mbo'; did you mean 'sociaal-werker-hbo'?",
        ],
        &[],
    );
    check(
        |f| f.transitions[0].min_years = 51.0,
        &["transitions[0].min_years: min_years: invalid value 51; expected a number of years from 0 to 50"],
        &[],
    );
    check(
        |f| f.transitions[0].to = "sociaal-werker-mbo".into(),
        &["transitions[0].to: transition from 'sociaal-werker-mbo' to itself"],
        &[],
    );
    check(|f| f.roles[3].level = Level::Junior, &[], &[]);
    check(
        |f| {
            f.roles[3].level = Level::Junior;
            f.roles[0].level = Level::Senior;
        },
        &[],
        &["transitions[0].kind: warning: the promotion from 'sociaal-werker-mbo' (senior) to 'teamleider' (junior) goes down a level; did you mean kind: lateral?"],
    );
    check(
        |f| f.pay_scales.push(f.pay_scales[0].clone()),
        &[],
        &["pay_scales[2].scale: warning: scale 8 is listed twice in pay_scales; the first counts"],
    );
    check(
        |f| f.roles.clear(),
        &["roles: the ladder has no roles"],
        &[],
    );
    check(
        |f| f.schema = "doorgroei/ladder@2".into(),
        &["schema: unsupported schema 'doorgroei/ladder@2'; expected 'doorgroei/ladder@1'"],
        &[],
    );
    check(
        |f| {
            f.transitions[3].kind = TransitionKind::Promotion;
            f.transitions[4].kind = TransitionKind::Promotion;
        },
        &["transitions[4]: promotions form a cycle: sociaal-werker-mbo → jongerenwerker → sociaal-werker-mbo"],
        &[],
    );
}

/// `path: message` lines, sorted: the loader sorts by position, a value
/// has none.
fn messages(errors: &doorgroei::LoadErrors) -> Vec<String> {
    let mut lines: Vec<String> = errors
        .0
        .iter()
        .map(|e| {
            // Where a duplicate was first is a line, which a value has not.
            let message = e.message(Lang::Nl);
            let message = match message.find(" (eerder op regel ") {
                Some(at) => {
                    let end = message[at..]
                        .find(')')
                        .map_or(message.len(), |e| at + e + 1);
                    format!("{}{}", &message[..at], &message[end..])
                }
                None => message,
            };
            format!("{}: {message}", e.path)
        })
        .collect();
    doorgroei::sort::sort(&mut lines);
    lines
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever is wrong with a file, checking it as a value says what
    /// loading its text says (in the same words, at the same paths).
    #[test]
    fn checking_a_value_says_what_loading_its_text_says(
        n in 1usize..20,
        seed in any::<u64>(),
        breaks in prop::collection::vec((0usize..8, any::<u16>()), 0..5),
    ) {
        let mut file = load_ladder_file("synth.yaml", &synth::ladder_yaml(n, seed)).unwrap().1;
        for (what, k) in breaks {
            let k = usize::from(k);
            let roles = file.roles.len().max(1);
            let transitions = file.transitions.len().max(1);
            match what {
                0 if !file.roles.is_empty() => { file.roles[k % roles].mix.insert(Track::Research, (k % 50) as u8); }
                1 if !file.roles.is_empty() => file.roles[k % roles].scale.min = (k % 20) as u8,
                2 if file.roles.len() > 1 => file.roles[k % roles].id = file.roles[(k + 1) % roles].id.clone(),
                3 if !file.transitions.is_empty() => file.transitions[k % transitions].to = format!("r{}", k % (n + 3)),
                4 if !file.transitions.is_empty() => file.transitions[k % transitions].min_years = (k % 70) as f64,
                5 if !file.transitions.is_empty() => file.transitions[k % transitions].kind = TransitionKind::Promotion,
                6 if !file.roles.is_empty() => file.roles[k % roles].level = Level::ALL[k % 4],
                7 => file.pay_scales.push(doorgroei::format::PayScaleFile { scale: (k % 3) as u8, min: 10, max: (k % 20) as u32 }),
                _ => {}
            }
        }
        let checked = check_ladder_file("synth.yaml", &file);
        let text = ladder_file_to_yaml(&file);
        match load_ladder_checked("synth.yaml", &text) {
            Ok(loaded) => {
                prop_assert!(checked.ladder.is_some());
                prop_assert!(checked.problems.0.is_empty());
                prop_assert_eq!(messages(&checked.warnings), messages(&loaded.warnings));
            }
            Err(errors) => {
                prop_assert!(checked.ladder.is_none());
                prop_assert_eq!(messages(&checked.problems), messages(&errors));
            }
        }
    }
}
