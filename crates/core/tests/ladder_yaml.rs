//! The canonical YAML writer: what it writes loads back into the same file,
//! whatever the text in it, and looks like the examples.

use doorgroei::format::{
    ladder_file_to_yaml, load_ladder_file, loses_comments, LadderFile, LADDER_SCHEMA_COMMENT,
};
use doorgroei::ladder::{Competency, Proficiency};
use doorgroei::synth;
use proptest::prelude::*;

const EXAMPLES: [(&str, &str); 2] = [
    (
        "welzijn-groeit.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    ),
    (
        "welzijn-vlak.yaml",
        include_str!("../../../pathways/welzijn-vlak.yaml"),
    ),
];

fn file_of(name: &str, text: &str) -> LadderFile {
    match load_ladder_file(name, text) {
        Ok((_, file)) => file,
        Err(e) => panic!("{name} does not load: {e}\n--- text ---\n{text}"),
    }
}

/// Writes `file`, reads it back and compares; also checks that writing is
/// stable (the written file written again is the same text).
fn round_trip(file: &LadderFile) {
    let text = ladder_file_to_yaml(file);
    let back = file_of("written.yaml", &text);
    assert_eq!(&back, file, "\n--- written ---\n{text}");
    assert_eq!(ladder_file_to_yaml(&back), text);
}

#[test]
fn the_examples_read_back_into_the_same_file() {
    for (name, text) in EXAMPLES {
        let file = file_of(name, text);
        round_trip(&file);
        let written = ladder_file_to_yaml(&file);
        assert!(written.starts_with(&format!(
            "{LADDER_SCHEMA_COMMENT}\nschema: doorgroei/ladder@1\n"
        )));
    }
}

#[test]
fn the_layout_is_the_examples_layout() {
    let file = file_of(EXAMPLES[0].0, EXAMPLES[0].1);
    let written = ladder_file_to_yaml(&file);
    // Pieces of the example as it is written by hand, found as they are.
    for piece in [
        "organisation: Stichting Welzijn Groeit\ndescription:\n  nl: Voorbeeld van een functiehuis waarin je kunt doorgroeien zonder leidinggevende te worden.\n",
        "pay_reference: >-\n  CAO Sociaal Werk, bruto per maand bij 36 uur, per 1 juli 2024 (minimum = begin\n  van de schaal, maximum = trede 8). Vervang door de eigen bedragen.\n",
        "pay_scales:\n  - {scale: 6, min: 2774, max: 3485}\n  - {scale: 7, min: 3026, max: 3774}\n",
        "part_time: {full_time_hours: 36, stretch_min_years: true}\n\nroles:\n  - id: ervaringsdeskundige\n",
        "  - id: werkbegeleider\n    name: {nl: Werkbegeleider MBO, en: Work supervisor (MBO)}\n    level: senior\n    mix: {practice: 80, teaching: 20}\n    scale: {min: 8, max: 9}\n    education: mbo4\n    competencies: [Methodisch werken, Begeleiden van stagiairs]\n    description:\n      nl: Sociaal werker die stagiairs en nieuwe collega's op de werkvloer begeleidt.\n",
        "      en: Social worker who supervises interns and new colleagues on the job.\n\n  - id: sw-hbo-start\n",
        "    mix: {research: 60, practice: 40}\n",
        "    education: hbo\n    manages_people: true\n    competencies: [Leidinggeven, {name: Regie en coördinatie, level: sterk}]\n\ntransitions:\n",
        "  - {from: ervaringsdeskundige, to: sw-mbo-vak, kind: promotion, min_years: 2,\n     requirements: [{education: mbo4}, {training: Opleiding ervaringsdeskundigheid}]}\n",
        "  - {from: aandachtsfunctionaris, to: praktijkadviseur-gemeente, kind: hybrid, min_years: 1}\n",
    ] {
        assert!(written.contains(piece), "missing:\n{piece}\n--- written ---\n{written}");
    }
}

#[test]
fn an_empty_ladder_and_missing_optional_fields() {
    let mut file = file_of(EXAMPLES[1].0, EXAMPLES[1].1);
    file.transitions.clear();
    file.description = None;
    file.pay_reference = None;
    file.pay_scales.clear();
    let text = ladder_file_to_yaml(&file);
    assert!(
        text.contains("organisation: Stichting Welzijn Gelijkvloers\n\nroles:\n"),
        "{text}"
    );
    assert!(text.ends_with("\ntransitions: []\n"), "{text}");
    round_trip(&file);
    file.roles.clear();
    let text = ladder_file_to_yaml(&file);
    assert!(text.contains("\nroles: []\n\ntransitions: []\n"), "{text}");
}

/// A small ladder with `text` in every free-text field and as the second
/// role's id; it must read back as the same file.
fn check_text(text: &str) {
    let mut file = file_of(EXAMPLES[1].0, EXAMPLES[1].1);
    file.organisation = text.into();
    file.pay_reference = Some(text.into());
    file.description = Some(doorgroei::Bilingual::new(text, format!("en {text}")));
    let role = &mut file.roles[0];
    role.name.nl = text.into();
    role.name.en = format!("{text} en");
    // A plain name (voldoende) and the mapping form (the other levels).
    role.competencies = vec![
        Competency::new(text),
        Competency {
            name: "gewoon".into(),
            level: Proficiency::Strong,
        },
        Competency {
            name: text.into(),
            level: Proficiency::Basic,
        },
    ];
    role.description = Some(doorgroei::Bilingual::new(text, text));
    if !text.trim().is_empty() {
        let old = std::mem::replace(&mut file.roles[1].id, text.into());
        for t in &mut file.transitions {
            for end in [&mut t.from, &mut t.to] {
                if *end == old {
                    *end = text.into();
                }
            }
        }
    }
    file.transitions[0].requirements = vec![
        doorgroei::ladder::Requirement::Training(text.into()),
        doorgroei::ladder::Requirement::Competency(text.into()),
        doorgroei::ladder::Requirement::Qualification(text.into()),
    ];
    round_trip(&file);
}

#[test]
fn text_that_needs_quotes_reads_back_the_same() {
    let long = "CAO Sociaal Werk: bedragen per 1 juli 2024 # niet een opmerking, \"aanhalingstekens\" en 'apostrofs', [haken] {accolades} en heel veel woorden erachter";
    for text in [
        "",
        " ",
        "a: b",
        "a:b",
        "eind:",
        "#x",
        "a #b",
        "a#b",
        " voorloop",
        "achter ",
        "a  b",
        "yes",
        "Yes",
        "NO",
        "no",
        "y",
        "N",
        "on",
        "Off",
        "true",
        "False",
        "null",
        "Null",
        "~",
        "123",
        "0123",
        "1.5",
        "-1",
        "+1",
        ".5",
        "1e3",
        "0x1F",
        "0o17",
        "1_000",
        "12:30",
        "2024-07-01",
        ".inf",
        "-.inf",
        ".NaN",
        "nan",
        "inf",
        "<<",
        "=",
        "---",
        "...",
        "é ñ ü ï",
        "中文",
        "🙂 smile",
        "Coördinator",
        "collega's",
        "'quoted'",
        "\"dq\"",
        "[list]",
        "{map}",
        "a, b",
        "a,b",
        "- dash",
        "-dash",
        "? q",
        "?q",
        "! tag",
        "&anchor",
        "*alias",
        "| pipe",
        "> fold",
        "%pct",
        "@at",
        "`tick",
        "tab\there",
        "line\nbreak",
        "cr\rlf",
        "back\\slash",
        "nul\0byte",
        "\u{1}",
        "\u{7f}",
        "\u{85}",
        "\u{a0}nbsp",
        "\u{2028}",
        "\u{2029}",
        "\u{feff}bom",
        "\u{fffe}",
        "\u{10ffff}",
        "a\u{301}",
        long,
    ] {
        check_text(text);
    }
}

#[test]
fn numbers_read_back_the_same() {
    for years in [
        0.0,
        1.0,
        1.5,
        0.1,
        1e-7,
        33.333_333_333_333_336,
        49.99,
        2.5e-3,
    ] {
        let mut file = file_of(EXAMPLES[1].0, EXAMPLES[1].1);
        file.transitions[0].min_years = years;
        file.part_time = Some(doorgroei::format::PartTimeFile {
            full_time_hours: 1.0 + years,
            stretch_min_years: false,
        });
        round_trip(&file);
    }
}

#[test]
fn comments_are_noticed_and_values_with_a_hash_are_not_comments() {
    let check = |original: &str, expected: bool| {
        let file = file_of("t.yaml", original);
        let canonical = ladder_file_to_yaml(&file);
        assert_eq!(loses_comments(original, &canonical), expected, "{original}");
    };
    for (_, text) in EXAMPLES {
        check(text, true);
        check(&ladder_file_to_yaml(&file_of("t.yaml", text)), false);
    }
    let small = |organisation: &str, after: &str| {
        format!(
            "schema: doorgroei/ladder@1\norganisation: {organisation}\nroles:\n  - {{id: a, name: {{nl: A, en: A}}, level: junior, mix: {{practice: 100}}, scale: {{min: 8, max: 8}}, education: hbo}}{after}\n"
        )
    };
    check(&small("\"Stichting #1\"", ""), false);
    check(&small("'Stichting #1 # 2'", ""), false);
    check(&small("Stichting", "  # de enige functie"), true);
    check(
        &format!("{LADDER_SCHEMA_COMMENT}\n{}", small("Stichting", "")),
        false,
    );
    check(
        &format!("# Ons functiehuis\n{}", small("Stichting", "")),
        true,
    );
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,12}",
        prop::sample::select(vec!["yes", "no", "on", "~", "1.0", "a: b", " x", "#", ""])
            .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Generated ladders, with arbitrary text in their names, read back
    /// into the same file.
    #[test]
    fn generated_ladders_read_back_the_same(
        n in 1usize..40,
        seed in any::<u64>(),
        texts in prop::collection::vec(arbitrary_text(), 1..8),
        years in prop::collection::vec(0.0f64..50.0, 1..4),
    ) {
        let mut file = file_of("synth.yaml", &synth::ladder_yaml(n, seed));
        for (i, text) in texts.iter().enumerate() {
            let role = &mut file.roles[i % n];
            match i % 4 {
                0 => role.name.nl = text.clone(),
                1 => role.competencies.push(Competency {
                    name: text.clone(),
                    level: Proficiency::ALL[1 + (i / 4) % 3],
                }),
                2 => role.description = Some(doorgroei::Bilingual::new(text, text)),
                _ => file.organisation = text.clone(),
            }
        }
        let count = file.transitions.len();
        for (i, &y) in years.iter().enumerate() {
            if count > 0 {
                file.transitions[i % count].min_years = y;
            }
        }
        let text = ladder_file_to_yaml(&file);
        let back = load_ladder_file("written.yaml", &text).map(|(_, f)| f);
        prop_assert_eq!(back.as_ref().ok(), Some(&file), "{}", text);
    }
}
