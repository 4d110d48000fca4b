//! Rosters straight from HR systems: the corpus in `corpus/` (written by
//! `corpus/make.py`) holds eight exports with invented people, each as a
//! `;` Windows-1252 CSV file with CRLF line ends, a `,` UTF-8 CSV file with
//! a byte-order mark and an .xlsx workbook, beside the YAML roster all three
//! must read as.

use std::path::{Path, PathBuf};

use doorgroei::format::{
    load_ladder, load_roster, load_roster_checked, roster_to_json, roster_to_yaml,
};
use doorgroei::{Ladder, Lang};

fn ladder() -> Ladder {
    load_ladder(
        "welzijn-groeit.yaml",
        include_str!("../pathways/welzijn-groeit.yaml"),
    )
    .expect("the example ladder loads")
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

const EXPORTS: [&str; 8] = [
    "afas",
    "youforce",
    "nmbrs",
    "titelregels",
    "samengevoegde-kop",
    "voornaam-achternaam",
    "fte",
    "coordinator",
];

#[test]
fn every_export_reads_as_its_yaml_twin_in_every_form() {
    let ladder = ladder();
    for folder in EXPORTS {
        let dir = corpus().join(folder);
        let twin_text = std::fs::read(dir.join("roster.yaml")).expect("a twin");
        let twin = load_roster("roster.yaml", &twin_text, &ladder)
            .unwrap_or_else(|e| panic!("{folder}/roster.yaml: {e}"));
        assert_eq!(twin.people.len(), 7, "{folder}");
        let unused = lines(&dir.join("unused.txt"));
        let secrets = lines(&dir.join("secrets.txt"));
        for file in ["export-1252.csv", "export-utf8.csv", "export.xlsx"] {
            let bytes = std::fs::read(dir.join(file)).expect("an export");
            let name = format!("{folder}/{file}");
            let loaded = load_roster_checked(&name, &bytes, &ladder)
                .unwrap_or_else(|e| panic!("{name}:\n{}", e.render(Lang::Nl)));
            assert_eq!(loaded.value, twin, "{name}");
            // The columns that are no roster field are named once, all of
            // them, and nothing else is said.
            let said: Vec<String> = loaded
                .warnings
                .0
                .iter()
                .map(|w| w.render(Lang::Nl))
                .collect();
            if unused.is_empty() {
                assert!(said.is_empty(), "{name}: {said:#?}");
            } else {
                assert_eq!(said.len(), 1, "{name}: {said:#?}");
                assert!(
                    said[0].contains(&format!("niet gebruikt: {}", unused.join(", "))),
                    "{name}: {said:#?}"
                );
            }
            // Their values are nowhere in what is kept or written.
            let kept = [
                roster_to_json(&loaded.value),
                roster_to_yaml(&loaded.value),
                format!("{:?}", loaded.value),
                loaded.warnings.render(Lang::Nl),
                loaded.warnings.render(Lang::En),
            ];
            for secret in &secrets {
                for text in &kept {
                    assert!(!text.contains(secret.as_str()), "{name}: {secret}");
                }
            }
        }
    }
}

#[test]
fn mistakes_in_an_export_are_placed_at_their_cell() {
    let ladder = ladder();
    let dir = corpus().join("fouten");
    let expected_csv = [
        "fouten.csv:4:7: E-mailadres: ongeldige waarde 'geen e-mail'; verwacht een e-mailadres als naam@organisatie.nl (één @, geen spaties, regeleinden of <>()[],;:\"\\)",
        "fouten.csv:5:3: onbekende functie 'Sociaal werker HBO startbekwam'; bedoel je 'Sociaal werker HBO startbekwaam'?",
        "fouten.csv:5:5: Datum in dienst: ongeldige waarde '4-1-27'; verwacht een datum als 4-1-2027, 04-01-2027 of 2027-01-04 (dag eerst, jaar in vier cijfers)",
        "fouten.csv:5:6: 'Piet Jansen' is de naam van meer dan één persoon: 2001, 2002; gebruik het personeelsnummer",
        "fouten.csv:6:4: Werkdagen: ongeldige waarde 'maandagg'; verwacht een werkdag: ma, di, wo, do, vr, za, zo of de volle naam (maandag)",
        "fouten.csv:6:5: Datum in dienst: ongeldige waarde '31-4-2027'; verwacht een datum als 4-1-2027, 04-01-2027 of 2027-01-04 (dag eerst, jaar in vier cijfers)",
        "fouten.csv:7:7: E-mailadres: ongeldige waarde 'e.smit@welzijngroeit.nl\\nATTENDEE:mailto:x@example.org'; verwacht een e-mailadres als naam@organisatie.nl (één @, geen spaties, regeleinden of <>()[],;:\"\\)",
    ];
    let bytes = std::fs::read(dir.join("export-1252.csv")).expect("the export");
    let errors = load_roster_checked("fouten.csv", &bytes, &ladder).expect_err("mistakes");
    let shown: Vec<String> = errors.0.iter().map(|e| e.render(Lang::Nl)).collect();
    assert_eq!(shown, expected_csv, "{shown:#?}");
    // The same mistakes in a workbook: placed as Personeel!C5.
    let bytes = std::fs::read(dir.join("export.xlsx")).expect("the export");
    let errors = load_roster_checked("fouten.xlsx", &bytes, &ladder).expect_err("mistakes");
    let shown: Vec<String> = errors.0.iter().map(|e| e.render(Lang::Nl)).collect();
    let expected_xlsx: Vec<String> = expected_csv
        .iter()
        .map(|line| {
            let (place, message) = line
                .strip_prefix("fouten.csv:")
                .and_then(|rest| rest.split_once(": "))
                .expect("file:line:col: message");
            let (row, col) = place.split_once(':').expect("line:col");
            let col = doorgroei::format::column_letters(col.parse::<usize>().unwrap() - 1);
            format!("fouten.xlsx: Personeel!{col}{row}: {message}")
        })
        .collect();
    assert_eq!(shown, expected_xlsx, "{shown:#?}");
}
