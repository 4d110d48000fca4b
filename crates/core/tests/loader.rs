//! Loading ladder files: a table of bad inputs and the errors they must give.

use doorgroei::format::load_ladder;
use doorgroei::Lang;

/// A small valid ladder, in which the cases below change one thing.
const BASE: &str = "\
schema: doorgroei/ladder@1
organisation: Test
roles:
  - id: junior
    name: {nl: Junior, en: Junior}
    level: junior
    mix: {practice: 100}
    scale: {min: 7, max: 8}
    education: hbo
  - id: senior
    name: {nl: Senior, en: Senior}
    level: senior
    mix: {practice: 60, teaching: 40}
    scale: {min: 9, max: 10}
    education: hbo
transitions:
  - {from: junior, to: senior, kind: promotion, min_years: 3}
";

/// Loads `text` and compares the English `line:col: message` lines.
fn check(text: &str, expected: &[&str]) {
    let errors = match load_ladder("t.yaml", text) {
        Ok(_) => panic!("expected errors {expected:#?}, but the ladder loaded"),
        Err(e) => e,
    };
    let got: Vec<String> = errors
        .0
        .iter()
        .map(|e| {
            e.render(Lang::En)
                .trim_start_matches("t.yaml:")
                .trim_start()
                .to_string()
        })
        .collect();
    assert_eq!(got, expected, "\n--- input ---\n{text}");
}

fn with(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from}");
    BASE.replacen(from, to, 1)
}

#[test]
fn base_loads() {
    let ladder = load_ladder("t.yaml", BASE).unwrap();
    assert_eq!(ladder.len(), 2);
    assert!(ladder.role("senior").unwrap().mix.is_hybrid());
}

#[test]
fn syntax_errors() {
    check("schema: [\n", &["2:1: invalid YAML: expected a value here"]);
    check(
        &with("  - id: senior\n", "  - id: senior\n   bad indent: x\n"),
        &["11:4: invalid YAML: expected '-' (a list item) here (in the indented block that begins at line 4, column 3)"],
    );
    check(
        "- just\n- a list\n",
        &["1:1: expected a mapping (key: value lines), found a list"],
    );
}

#[test]
fn wrong_types_and_missing_or_unknown_fields() {
    check(
        &with("scale: {min: 7, max: 8}", "scale: {min: seven, max: 8}"),
        &["8:18: min: expected a whole number from 0 to 255, found text 'seven'"],
    );
    check(
        &with("    education: hbo\n  - id: senior", "  - id: senior"),
        &["4:5: roles[0]: missing field 'education'"],
    );
    check(&with("    level: senior\n", "    level: senior\n    colour: red\n"), &[
        "13:5: unknown field 'colour'; expected one of id, name, level, mix, scale, education, manages_people, competencies, description, entry",
    ]);
    check(&with("    education: hbo\n  - id: senior", "    educaton: hbo\n  - id: senior"), &[
        "9:5: unknown field 'educaton'; expected one of id, name, level, mix, scale, education, manages_people, competencies, description, entry; did you mean 'education'?",
    ]);
    check(
        &with("organisation: Test\n", ""),
        &["1:1: missing field 'organisation'"],
    );
    check(
        &with("min_years: 3", "min_years: drie"),
        &["17:60: min_years: expected a number, found text 'drie'"],
    );
}

#[test]
fn misspelled_names_get_suggestions() {
    check(&with("level: junior", "level: midior"), &[
        "6:12: unknown level 'midior'; expected one of junior, medior, senior, lead; did you mean 'medior'?",
    ]);
    check(&with("{practice: 60, teaching: 40}", "{practice: 60, teachin: 40}"), &[
        "13:25: unknown field 'teachin'; expected one of policy, practice, teaching, research, coordination, management; did you mean 'teaching'?",
    ]);
    check(&with("kind: promotion", "kind: promoton"), &[
        "17:38: unknown kind 'promoton'; expected one of promotion, lateral, hybrid, specialisation; did you mean 'promotion'?",
    ]);
    check(
        &with("to: senior,", "to: senoir,"),
        &["17:24: unknown role 'senoir'; did you mean 'senior'?"],
    );
}

#[test]
fn model_rules() {
    check(
        &with("  - id: senior", "  - id: junior"),
        &[
            "10:9: role id 'junior' is used twice (first on line 4)",
            // Only one role is called 'senior' now, and it is gone.
            "17:24: unknown role 'senior'; did you mean 'junior'?",
        ],
    );
    check(
        &with("to: senior,", "to: junior,"),
        &["17:24: transition from 'junior' to itself"],
    );
    check(
        &with(
            "{practice: 60, teaching: 40}",
            "{practice: 60, teaching: 30}",
        ),
        &["13:10: the track mix adds up to 90%, not 100%"],
    );
    check(
        &with("scale: {min: 9, max: 10}", "scale: {min: 10, max: 9}"),
        &["14:12: scale: minimum 10 is above maximum 9"],
    );
    check(
        &with("schema: doorgroei/ladder@1", "schema: doorgroei/ladder@2"),
        &["1:9: unsupported schema 'doorgroei/ladder@2'; expected 'doorgroei/ladder@1'"],
    );
    check(
        &format!("{BASE}  - {{from: junior, to: senior, kind: lateral}}\n"),
        &["18:5: the transition from 'junior' to 'senior' is listed twice"],
    );
    check(
        &format!("{BASE}  - {{from: senior, to: junior, kind: promotion}}\n"),
        &["18:5: promotions form a cycle: junior → senior → junior"],
    );
    check(
        &with("min_years: 3", "min_years: -1"),
        &["17:60: min_years: invalid value -1; expected a number of years from 0 to 50"],
    );
    check(
        "schema: doorgroei/ladder@1\norganisation: Leeg\nroles: []\n",
        &["3:8: the ladder has no roles"],
    );
}

#[test]
fn all_problems_are_reported_at_once_without_follow_up_noise() {
    let text = with("level: junior", "level: midior");
    let text = text.replacen("scale: {min: 9, max: 10}", "scale: {min: 10, max: 9}", 1);
    let text = format!("{text}  - {{from: senior, to: nobody, kind: lateral}}\n");
    // The transition from 'junior' is not reported: that role is there, it only failed to decode.
    check(&text, &[
        "6:12: unknown level 'midior'; expected one of junior, medior, senior, lead; did you mean 'medior'?",
        "14:12: scale: minimum 10 is above maximum 9",
        "18:24: unknown role 'nobody'; no role comes close",
    ]);
}

#[test]
fn hostile_inputs_fail_cleanly() {
    let big = format!("{BASE}#{}\n", "x".repeat(doorgroei::yaml::MAX_FILE_BYTES));
    let message = format!(
        "file is too large ({} bytes); the limit is 5242880 bytes",
        big.len()
    );
    check(&big, &[message.as_str()]);

    let deep = format!(
        "schema: doorgroei/ladder@1\norganisation: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let errors = load_ladder("t.yaml", &deep).unwrap_err();
    assert!(errors.to_string().contains("nested too deeply"), "{errors}");

    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        bomb.push_str(&format!(
            "{}: &{} [*{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}]\n",
            (b'a' + i) as char,
            (b'a' + i) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char,
            (b'a' + i - 1) as char
        ));
    }
    let errors = load_ladder("t.yaml", &bomb).unwrap_err();
    assert!(
        errors
            .to_string()
            .contains("the aliases ('*') repeat so often"),
        "{errors}"
    );

    for text in [
        "",
        "~",
        "42",
        "\"just text\"",
        "schema: 5",
        "---\n---\n",
        "roles: {a: 1}",
        "\u{feff}schema: x",
    ] {
        assert!(load_ladder("t.yaml", text).is_err(), "{text:?}");
    }
}

#[test]
fn messages_exist_in_dutch() {
    let errors = load_ladder("t.yaml", &with("level: junior", "level: midior")).unwrap_err();
    assert_eq!(
        errors.render(Lang::Nl),
        "t.yaml:6:12: onbekende level 'midior'; toegestaan: junior, medior, senior, lead; bedoel je 'medior'?"
    );
}
