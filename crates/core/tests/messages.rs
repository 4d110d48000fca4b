//! Every message about the user's input, in both languages: each error kind
//! triggered by a real input (YAML, CSV, JSON forms, files the system
//! refuses), rendered in Dutch and English, and checked for words of the
//! other language. A new `ErrorKind` variant without a case here fails
//! `every_error_kind_has_a_case`.

use doorgroei::error::{
    Construct, Context, Counted, ErrorKind, Expected, Found, LoadError, LoadErrors, Pos,
    ReadProblem, SyntaxProblem, TextFormat, Token,
};
use doorgroei::format::{
    check_person, load_columns, load_earlier, load_intervisie_config, load_ladder,
    load_ladder_checked, load_log, load_match_config, load_pairs, load_profile,
    load_profile_checked, load_roster, load_roster_checked, load_roster_json, load_roster_with,
    load_schedule_config, ReadOptions, CSV_COLUMNS, PERSON_FIELDS,
};
use doorgroei::yaml::{io_error, utf8_text, MAX_FILE_BYTES};
use doorgroei::{Ladder, Lang};

#[cfg(feature = "xlsx")]
mod workbooks;

/// Words that are English and never Dutch: none may appear in a Dutch message.
const ENGLISH: &[&str] = &[
    "a",
    "an",
    "the",
    "or",
    "and",
    "to",
    "from",
    "at",
    "expected",
    "found",
    "invalid",
    "while",
    "line",
    "column",
    "missing",
    "unknown",
    "number",
    "mapping",
    "value",
    "values",
    "not",
    "file",
    "with",
    "text",
    "list",
    "key",
    "field",
    "parsing",
    "scanning",
    "did",
    "could",
    "you",
    "mean",
    "must",
    "here",
    "there",
    "this",
    "that",
    "no",
    "cannot",
    "limit",
    "exceeded",
    "recursion",
    "repetition",
    "directory",
    "folder",
    "os",
    "error",
    "permission",
    "denied",
    "such",
    "duplicate",
    "type",
    "boolean",
    "integer",
    "string",
    "sequence",
    "struct",
    "eof",
    "indentation",
    "character",
    "characters",
    "too",
    "many",
    "large",
    "used",
    "twice",
    "whole",
    "nothing",
    "empty",
    "years",
    "date",
    "time",
    "cell",
    "cells",
    "header",
    "appears",
    "quote",
    "unclosed",
    "ends",
    "before",
    "after",
    "least",
    "most",
    "more",
    "than",
    "problem",
    "problems",
    "allowed",
    "only",
    "same",
    "which",
    "one",
    "ambiguous",
];

/// Words that are Dutch and never English: none may appear in an English message.
const DUTCH: &[&str] = &[
    "een",
    "het",
    "de",
    "van",
    "tot",
    "met",
    "niet",
    "geen",
    "verwacht",
    "gevonden",
    "ongeldig",
    "ongeldige",
    "regel",
    "regels",
    "kolom",
    "ontbreekt",
    "onbekend",
    "onbekende",
    "waarde",
    "bestand",
    "tekst",
    "lijst",
    "sleutel",
    "getal",
    "veld",
    "toegestaan",
    "bedoel",
    "je",
    "te",
    "op",
    "die",
    "dit",
    "hier",
    "maar",
    "naar",
    "zichzelf",
    "twee",
    "keer",
    "staat",
    "komt",
    "voor",
    "wordt",
    "kan",
    "moet",
    "mag",
    "uren",
    "jaren",
    "datum",
    "tijd",
    "bestaat",
    "toestemming",
    "lezen",
    "aanhalingsteken",
    "afgesloten",
    "kopregel",
    "cellen",
    "minstens",
    "hoogstens",
    "begint",
    "niets",
    "iets",
    "anders",
    "diep",
    "genest",
    "teken",
    "groot",
    "maximum is",
    "probleem",
    "problemen",
    "functie",
    "functies",
    "overgang",
    "persoon",
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Fails when `text` (in `lang`) has a word of the other language.
fn check_language(text: &str, lang: Lang) {
    let others = match lang {
        Lang::Nl => ENGLISH,
        Lang::En => DUTCH,
    };
    let found: Vec<String> = words(text)
        .into_iter()
        .filter(|w| others.contains(&w.as_str()))
        .collect();
    assert!(
        found.is_empty(),
        "{lang:?} message has {found:?} from the other language:\n{text}"
    );
}

fn ladder() -> Ladder {
    load_ladder(
        "l.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap()
}

/// A small valid ladder the ladder cases change one thing in.
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
    mix: {practice: 100}
    scale: {min: 9, max: 10}
    education: hbo
transitions:
  - {from: junior, to: senior, kind: promotion, min_years: 3}
";

fn with(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from}");
    BASE.replacen(from, to, 1)
}

const HEADER: &str = "id;name;role;days;hours;manager;locked";

fn csv(rows: &[&str]) -> Vec<u8> {
    let mut text = String::from(HEADER);
    for r in rows {
        text.push('\n');
        text.push_str(r);
    }
    text.push('\n');
    text.into_bytes()
}

fn many_roles(n: usize) -> String {
    let mut text = String::from("schema: doorgroei/ladder@1\norganisation: T\nroles:\n");
    for i in 0..n {
        text.push_str(&format!(
            "  - {{id: r{i}, name: {{nl: R, en: R}}, level: junior, mix: {{practice: 100}}, scale: {{min: 7, max: 8}}, education: hbo}}\n"
        ));
    }
    text
}

/// One input and the loader that reads it.
enum Input {
    Ladder(String),
    Roster(&'static str, Vec<u8>),
    RosterJson(&'static str),
    Profile(&'static str),
    Matching(&'static str),
    Schedule(&'static str),
    Io(std::io::Error),
    Bytes(Vec<u8>),
    /// A ladder that loads, and its warnings.
    LadderWarnings(String),
    /// A roster that loads, and its warnings.
    RosterWarnings(&'static str),
    /// A profile that loads, and its warnings.
    ProfileWarnings(&'static str),
    /// A pairs file for the example roster `pairs-roster.csv`.
    Pairs(&'static str),
    /// A review log (by its name, YAML or CSV) for a roster of `j1` and `j2`.
    Log(&'static str, &'static str),
    /// A columns file and a CSV roster read with it.
    RosterColumns(&'static str, &'static str),
    /// Intervisie settings.
    Intervisie(&'static str),
    /// Earlier intervisie groups (file name, text).
    Earlier(&'static str, &'static str),
    /// A workbook's bytes.
    #[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
    Workbook(Vec<u8>),
    /// A sheet of the corpus's faulty workbook.
    #[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
    Sheet(&'static str),
    /// A new person as the app's form gives them (field, text).
    PersonForm(&'static [(&'static str, &'static str)]),
}

impl Input {
    fn errors(&self) -> LoadErrors {
        self.try_errors()
            .expect("the input loaded without problems")
    }

    fn try_errors(&self) -> Option<LoadErrors> {
        let result = match self {
            Input::Ladder(text) => load_ladder("f.yaml", text).map(drop),
            Input::Roster(name, bytes) => load_roster(name, bytes, &ladder()).map(drop),
            Input::RosterJson(text) => load_roster_json("r.json", text, &ladder()).map(drop),
            Input::Profile(text) => load_profile("p.yaml", text, &ladder()).map(drop),
            Input::Matching(text) => load_match_config("k.yaml", text).map(drop),
            Input::Schedule(text) => load_schedule_config("s.yaml", text).map(drop),
            Input::Intervisie(text) => load_intervisie_config("i.yaml", text).map(drop),
            Input::Earlier(name, text) => load_earlier(name, text.as_bytes()).map(drop),
            Input::Io(err) => Err(io_error("f.yaml", err)),
            Input::PersonForm(fields) => {
                let mut cells = vec![String::new(); PERSON_FIELDS];
                for (field, text) in *fields {
                    let i = CSV_COLUMNS
                        .iter()
                        .position(|c| c == field)
                        .expect("a field");
                    cells[i] = text.to_string();
                }
                check_person(&ladder(), &Default::default(), None, &cells)
                    .map(drop)
                    .map_err(|problems| LoadErrors(problems.into_iter().map(|(_, e)| e).collect()))
            }
            Input::Bytes(bytes) => utf8_text("f.yaml", bytes.clone()).map(drop),
            Input::LadderWarnings(text) => match load_ladder_checked("f.yaml", text) {
                Ok(loaded) if !loaded.warnings.0.is_empty() => Err(loaded.warnings),
                other => other.map(drop),
            },
            Input::ProfileWarnings(text) => match load_profile_checked("p.yaml", text, &ladder()) {
                Ok(loaded) if !loaded.warnings.0.is_empty() => Err(loaded.warnings),
                other => other.map(drop),
            },
            Input::RosterWarnings(text) => {
                match load_roster_checked("r.csv", text.as_bytes(), &ladder()) {
                    Ok(loaded) if !loaded.warnings.0.is_empty() => Err(loaded.warnings),
                    other => other.map(drop),
                }
            }
            Input::RosterColumns(columns, text) => {
                let columns = load_columns("k.yaml", columns).expect("the columns file loads");
                let options = ReadOptions {
                    columns: Some(columns),
                    sheet: None,
                };
                load_roster_with("r.csv", text.as_bytes(), &ladder(), &options).map(drop)
            }
            Input::Workbook(bytes) => {
                load_roster_with("w.xlsx", bytes, &ladder(), &ReadOptions::default()).map(drop)
            }
            Input::Sheet(sheet) => {
                let path = concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../tests/corpus/fouten/export.xlsx"
                );
                let bytes = std::fs::read(path).expect("the corpus workbook");
                let options = ReadOptions {
                    columns: None,
                    sheet: Some(sheet.to_string()),
                };
                load_roster_with("fouten.xlsx", &bytes, &ladder(), &options).map(drop)
            }
            Input::Pairs(text) => {
                let roster =
                    load_roster("r.csv", &csv(&["j1;Jan;sw-hbo-start;ma;36;;"]), &ladder())
                        .expect("the roster for pairs files loads");
                load_pairs("p.json", text, &roster).map(drop)
            }
            Input::Log(name, text) => {
                let roster = load_roster(
                    "r.csv",
                    &csv(&[
                        "j1;Jan;sw-hbo-start;ma;36;;",
                        "j2;Piet;sw-hbo-start;di;36;;",
                    ]),
                    &ladder(),
                )
                .expect("the roster for logs loads");
                load_log(name, text.as_bytes(), &roster, 60).map(drop)
            }
        };
        result.err()
    }
}

/// (the `ErrorKind` variant the input must give, the input).
fn cases() -> Vec<(&'static str, Input)> {
    use Input::*;
    let folder = std::fs::read(env!("CARGO_MANIFEST_DIR")).unwrap_err();
    let nothing = std::fs::read("/no/such/folder/f.yaml").unwrap_err();
    vec![
        ("Unreadable", Io(folder)),
        ("Unreadable", Io(nothing)),
        (
            "Unreadable",
            Io(std::io::ErrorKind::PermissionDenied.into()),
        ),
        ("Unreadable", Io(std::io::ErrorKind::TimedOut.into())),
        ("Unreadable", Bytes(b"schema: x\nname: caf\xe9\n".to_vec())),
        (
            "TooLarge",
            Ladder(format!("{BASE}#{}\n", "x".repeat(MAX_FILE_BYTES))),
        ),
        ("Syntax", Ladder(with("mix: {practice: 100}\n", "mix: [1, 2\n"))),
        ("Syntax", Ladder("schema: [\n".into())),
        ("Syntax", Ladder(with("level: junior", "level: junior\n    level: medior"))),
        ("Syntax", Ladder(format!("{BASE}size: 123456789012345678901234567890\n"))),
        ("Syntax", Ladder(format!("deep: {}{}\n", "[".repeat(200), "]".repeat(200)))),
        ("Syntax", Ladder("a: *nergens\n".into())),
        ("Syntax", Ladder("a: b: c\n".into())),
        ("Syntax", Ladder("a:\n\t- b\n".into())),
        ("Syntax", Ladder("a: \"\\q\"\n".into())),
        ("Syntax", Ladder("a: 1\n---\nb: 2\n".into())),
        ("Syntax", Ladder("a: @b\n".into())),
        ("Syntax", Roster("r.csv", csv(&["j1;\"Jan;sw-hbo-start;ma;36;;"]))),
        ("Syntax", RosterJson("{\"schema\": \"doorgroei/roster@1\", \"people\": [")),
        ("Syntax", RosterJson("{\"schema\": \"doorgroei/roster@1\" \"people\": []}")),
        ("Syntax", RosterJson("{\"schema\": \"doorgroei/roster@1\"} x")),
        (
            "Syntax",
            RosterJson("{\"schema\": \"doorgroei/roster@1\", \"schema\": \"doorgroei/roster@1\"}"),
        ),
        (
            "InvalidType",
            Ladder(with("scale: {min: 7, max: 8}", "scale: {min: zeven, max: 8}")),
        ),
        ("InvalidType", Ladder("- alleen\n- een rij\n".into())),
        ("InvalidType", Ladder(with("min_years: 3", "min_years: [3]"))),
        (
            "InvalidType",
            Ladder(with(
                "education: hbo\n  - id: senior",
                "education: hbo\n    manages_people: misschien\n  - id: senior",
            )),
        ),
        (
            "InvalidType",
            RosterJson("{\"schema\": \"doorgroei/roster@1\", \"people\": 5}"),
        ),
        ("InvalidValue", Ladder(with("min_years: 3", "min_years: -1"))),
        ("InvalidValue", Roster("r.csv", csv(&["j1;Jan;sw-hbo-start;ma;90;;"]))),
        ("InvalidValue", Roster("r.csv", csv(&["j1;Jan;sw-hbo-start;ma;36;;misschien"]))),
        ("InvalidValue", Roster("r.csv", csv(&["j1;Jan;sw-hbo-start;|;36;;"]))),
        ("TooManyCells", Roster("r.csv", csv(&["j1;Jan;sw-hbo-start;ma;36;;;123456782"]))),
        ("NoHeaderRow", Roster("r.csv", b"1001;Tineke Bakker;teamleider;ma;123456782\n".to_vec())),
        ("NoGroupColumns", Earlier("vorig-jaar.csv", "team;id\nNoord;j1\n")),
        ("Syntax", Earlier("vorig-jaar.json", "{\"groups\": [{\"members\": [\"j1\"]}\n")),
        ("InvalidValue", Intervisie("schema: doorgroei/intervisie@1\nmin_size: 2\nweights: {earlier: 2000}\n")),
        ("InvertedRange", Intervisie("schema: doorgroei/intervisie@1\nmin_size: 7\nmax_size: 5\n")),
        ("OutOfRange", Profile("schema: doorgroei/profile@1\ncurrent_role: sw-hbo-start\neducation: hbo\nyears_in_role: 99\nmin_practice: 120\n")),
        ("OutOfRange", Profile("schema: doorgroei/profile@1\ncurrent_role: sw-hbo-start\neducation: hbo\nhours_per_week: .nan\n")),
        ("InvalidValue", Matching("schema: doorgroei/matching@1\nweights: {load: 5000}\n")),
        ("InvalidValue", Schedule("schema: doorgroei/schedule@1\nday_start: '25:00'\nclosing_days: [gisteren]\n")),
        ("InvalidValue", Schedule("schema: doorgroei/schedule@1\nday_start: '16:00'\nday_end: '09:00'\ncadence_weeks: 9\n")),
        ("InvalidValue", Roster("r.yaml", b"schema: doorgroei/roster@1\npeople:\n  - {id: j1, name: Jan, role: sw-hbo-start, days: [ma], start: morgen, absent: [ooit]}\n".to_vec())),
        ("MissingField", Ladder(with("    name: {nl: Junior, en: Junior}\n", ""))),
        #[cfg(feature = "xlsx")]
        ("UnknownSheet", Sheet("Personel")),
        #[cfg(feature = "xlsx")]
        (
            "TooLargeUnpacked",
            Workbook(workbooks::bomb(&[("xl/worksheets/sheet1.xml", 1_000, u32::MAX)])),
        ),
        #[cfg(feature = "xlsx")]
        (
            "FormulaWithoutValue",
            Workbook(workbooks::workbook(&[(6, workbooks::Value::Formula("=1+1"))])),
        ),
        ("MissingColumn", Roster("r.csv", b"id;name;days\nj1;Jan;ma\n".to_vec())),
        ("ColumnNotFound", RosterColumns("schema: doorgroei/columns@1\nrole: Functietitel\n", "id;name;role;days\nj1;Jan;sw-hbo-start;ma\n")),
        ("AmbiguousPerson", Roster("r.csv", b"id;name;role;days;manager\nj1;Jan;sw-hbo-start;ma;Piet\np1;Piet;teamleider;ma;\np2;Piet;teamleider;di;\n".to_vec())),
        (
            "MissingField",
            RosterJson("{\"schema\": \"doorgroei/roster@1\", \"people\": [{\"id\": \"j1\"}]}"),
        ),
        ("UnknownField", Ladder(with("education: hbo", "education: hbo\n    colour: rood"))),
        ("UnusedColumns", RosterWarnings("id;name;role;days;kleur\nj1;Jan;sw-hbo-start;ma;rood\n")),
        ("UnnamedColumns", RosterWarnings("id;name;role;days;\nj1;Jan;sw-hbo-start;ma;rood\n")),
        ("UnnamedColumns", RosterWarnings("id;;name;role;days;\nj1;x;Jan;sw-hbo-start;ma;rood\n")),
        (
            "UnknownField",
            RosterJson("{\"schema\": \"doorgroei/roster@1\", \"peeple\": []}"),
        ),
        ("DuplicateColumn", Roster("r.csv", b"id;name;role;days;ID\nj1;Jan;sw-hbo-start;ma;j2\n".to_vec())),
        ("UnknownName", Ladder(with("level: junior", "level: midior"))),
        ("UnknownName", Ladder(with("education: hbo", "education: universiteit"))),
        ("InvalidValue", Roster("r.csv", csv(&["j1;Jan;sw-hbo-start;maandagg;36;;"]))),
        ("UnsupportedSchema", Ladder(with("ladder@1", "ladder@2"))),
        ("DuplicateId", Ladder(with("id: senior", "id: junior"))),
        ("DuplicatePerson", Roster("r.csv", csv(&["j1;Jan;sw-hbo-start;ma;36;;", "j1;Piet;sw-hbo-start;di;36;;"]))),
        ("DuplicatePair", Pairs(r#"[{"mentee": "j1", "mentor": "j1"}, {"mentee": "j1", "mentor": "j1"}]"#)),
        ("SelfPair", Roster("r.csv", b"id;name;role;days;mentor\nj1;Jan;sw-hbo-start;ma;j1\n".to_vec())),
        ("ManagerCycle", RosterWarnings("id;name;role;days;manager\np1;Pim;sw-hbo-start;ma;p2\np2;Pam;teamleider;ma;p1\n")),
        ("OwnManager", RosterWarnings("id;name;role;days;manager\nb;B;teamleider;ma;b\n")),
        (
            "DownwardPromotion",
            LadderWarnings(format!(
                "{}  - {{from: senior, to: junior, kind: promotion}}\n",
                with("kind: promotion, min_years: 3", "kind: lateral, min_years: 3")
            )),
        ),
        (
            "DuplicatePayScale",
            LadderWarnings(with(
                "organisation: Test\n",
                "organisation: Test\npay_scales: [{scale: 8, min: 1, max: 2}, {scale: 8, min: 1, max: 3}]\n",
            )),
        ),
        ("UnknownCompetency", ProfileWarnings("schema: doorgroei/profile@1\ncurrent_role: sw-hbo-start\neducation: hbo\nself_assessment: {Netwerkregi: basis, Gespreksvoering: sterk}\n")),
        ("UnknownCompetency", ProfileWarnings("schema: doorgroei/profile@1\ncurrent_role: sw-hbo-start\neducation: hbo\nself_assessment: {Zwemmen: basis}\n")),
        ("InvalidValue", Ladder(with("    education: hbo\n  - id: senior", "    education: hbo\n    competencies: [{name: X, level: nog_niet}]\n  - id: senior"))),
        ("InvalidType", Ladder(with("    education: hbo\n  - id: senior", "    education: hbo\n    competencies: [[X]]\n  - id: senior"))),
        ("UnknownName", Ladder(with("    education: hbo\n  - id: senior", "    education: hbo\n    competencies: [{name: X, level: goed}]\n  - id: senior"))),
        ("UnknownWord", Profile("schema: doorgroei/profile@1\ncurrent_role: sw-hbo-start\neducation: hbo\nself_assessment: {Netwerkregie: redelijk}\n")),
        ("InvalidValue", Profile("schema: doorgroei/profile@1\ncurrent_role: sw-hbo-start\neducation: hbo\nagreements: [{action: Cursus, by: 30-11-2028}]\n")),
        ("EmptyField", PersonForm(&[("name", "Jan"), ("role", "sw-hbo-start"), ("days", "ma")])),
        ("UnknownRole", Ladder(with("to: senior", "to: senoir"))),
        ("UnknownRole", Roster("r.csv", csv(&["j1;Jan;sw-hbo-strat;ma;36;;"]))),
        ("UnknownPerson", Roster("r.csv", csv(&["j1;Jan;sw-hbo-start;ma;36;j2;"]))),
        ("SelfLoop", Ladder(with("to: senior", "to: junior"))),
        (
            "DuplicateTransition",
            Ladder(format!("{BASE}  - {{from: junior, to: senior, kind: promotion}}\n")),
        ),
        ("MixSum", Ladder(with("mix: {practice: 100}", "mix: {practice: 90}"))),
        ("InvertedRange", Ladder(with("scale: {min: 7, max: 8}", "scale: {min: 9, max: 8}"))),
        (
            "PromotionCycle",
            Ladder(format!("{BASE}  - {{from: senior, to: junior, kind: promotion}}\n")),
        ),
        ("NoRoles", Ladder("schema: doorgroei/ladder@1\norganisation: T\nroles: []\n".into())),
        ("TooMany", Ladder(many_roles(2_001))),
        ("DuplicateReview", Log("l.csv", "datum;mentor;mentee;status\n4-1-2027;j1;j2;gehouden\n04-01-2027;j1;j2;gehouden\n")),
        ("DuplicateReview", Log("l.yaml", "schema: doorgroei/log@1\nreviews:\n- {date: 2027-01-04, mentor: j1, mentee: j2, status: held}\n- {date: 2027-01-04, mentor: j1, mentee: j2, status: held}\n")),
        ("UnknownWord", Log("l.csv", "datum;mentor;mentee;status\n4-1-2027;j1;j2;gehoudn\n")),
        ("UnknownWord", Log("l.csv", "datum;mentor;mentee;status;reden\n4-1-2027;j1;j2;vervallen;griep\n")),
        ("UnknownPerson", Log("l.csv", "datum;mentor;mentee;status\n4-1-2027;j1;j3;gehouden\n")),
        ("SelfPair", Log("l.csv", "datum;mentor;mentee;status\n4-1-2027;j1;j1;gehouden\n")),
        ("MissingField", Log("l.csv", "datum;mentor;mentee;status\n4-1-2027;j1;j2;\n")),
        ("MissingField", Log("l.yaml", "schema: doorgroei/log@1\nreviews:\n- {date: 2027-01-04, mentor: j1, mentee: j2, status: cancelled}\n")),
        ("InvalidValue", Log("l.csv", "datum;mentor;mentee;status;minuten\n31-2-2027;j1;j2;gehouden;600\n")),
        ("InvalidValue", Log("l.yaml", "schema: doorgroei/log@1\nreviews:\n- {date: 2027-01-04, mentor: j1, mentee: j2, status: held, reason: ziek}\n")),
        ("UnknownWord", Log("l.csv", "datum;mentor;mentee;status;notitie\n4-1-2027;j1;j2;gehouden;x\n")),
        ("MissingColumn", Log("l.csv", "mentor;mentee;status\nj1;j2;held\n")),
        ("NoHeaderRow", Log("l.csv", "4-1-2027;j1;j2;gehouden\n")),
    ]
}

/// The variant's name, as `Debug` starts it.
fn variant(kind: &ErrorKind) -> String {
    let debug = format!("{kind:?}");
    debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The variants of `pub enum NAME` in `error.rs`, read from its source: the
/// test fails when the enum gains a variant that the tests here do not know.
fn variants_in_source(name: &str) -> Vec<String> {
    let source = include_str!("../src/error.rs");
    let start = source
        .find(&format!("pub enum {name} {{"))
        .unwrap_or_else(|| panic!("no enum {name} in error.rs"));
    let body = &source[start..];
    let body = &body[..body.find("\n}").unwrap()];
    body.lines()
        .skip(1)
        .filter(|l| l.starts_with("    ") && !l.starts_with("     "))
        .map(str::trim)
        .filter(|l| l.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(|l| {
            l.split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn every_error_kind_has_a_case() {
    let all = variants_in_source("ErrorKind");
    assert!(
        all.len() >= 20 && all.contains(&"TooMany".to_string()),
        "{all:?}"
    );
    let mut covered: Vec<&str> = cases().iter().map(|(kind, _)| *kind).collect();
    // Spreadsheets are read only with the `xlsx` feature (`cargo xtask
    // test` builds the workspace with it).
    if cfg!(not(feature = "xlsx")) {
        covered.push("UnknownSheet");
        covered.push("TooLargeUnpacked");
        covered.push("FormulaWithoutValue");
    }
    let missing: Vec<&String> = all
        .iter()
        .filter(|v| !covered.contains(&v.as_str()))
        .collect();
    assert!(missing.is_empty(), "no case gives {missing:?}");
}

#[test]
fn every_case_gives_its_kind_in_both_languages_without_the_other_language() {
    for (i, (kind, input)) in cases().into_iter().enumerate() {
        let Some(errors) = input.try_errors() else {
            panic!("case {i} ({kind}) loaded without problems");
        };
        let kinds: Vec<String> = errors.0.iter().map(|e| variant(&e.kind)).collect();
        assert!(
            kinds.iter().any(|k| k == kind),
            "expected {kind}, got {kinds:?}:\n{}",
            errors.render(Lang::En)
        );
        for lang in Lang::ALL {
            let text = errors.render(lang);
            check_language(&text, lang);
            check_language(&errors.summary(lang), lang);
            for line in text.lines() {
                assert!(line.chars().count() < 400, "too long: {line}");
            }
        }
    }
}

/// Every description the messages use, rendered in a message of its own.
fn descriptions() -> Vec<ErrorKind> {
    let syntax = |problem: SyntaxProblem| ErrorKind::Syntax {
        format: TextFormat::Yaml,
        problem,
        context: None,
    };
    let tokens = [
        Token::CommaOrBracket,
        Token::CommaOrBrace,
        Token::Colon,
        Token::Quote,
        Token::Key,
        Token::Value,
        Token::Dash,
        Token::LineEnd,
        Token::Space,
        Token::DocumentStart,
    ];
    let constructs = [
        Construct::FlowSequence,
        Construct::FlowMapping,
        Construct::BlockMapping,
        Construct::BlockCollection,
        Construct::Value,
        Construct::QuotedText,
        Construct::PlainText,
        Construct::BlockText,
        Construct::Key,
        Construct::Tag,
        Construct::Anchor,
        Construct::Directive,
    ];
    let problems = [
        SyntaxProblem::UnexpectedEnd,
        SyntaxProblem::MappingValueHere,
        SyntaxProblem::MappingKeyHere,
        SyntaxProblem::ListItemHere,
        SyntaxProblem::Tab,
        SyntaxProblem::BadCharacter,
        SyntaxProblem::DocumentMarker,
        SyntaxProblem::SeveralDocuments,
        SyntaxProblem::BadEscape,
        SyntaxProblem::UnknownAlias,
        SyntaxProblem::DuplicateAnchor,
        SyntaxProblem::BadTag,
        SyntaxProblem::BadDirective,
        SyntaxProblem::BadMerge,
        SyntaxProblem::Encoding,
        SyntaxProblem::TooDeep,
        SyntaxProblem::TooManyAliases,
        SyntaxProblem::DuplicateKey("k".into()),
        SyntaxProblem::NumberTooLarge("1e999".into()),
        SyntaxProblem::BadNumber,
        SyntaxProblem::KeyNotText,
        SyntaxProblem::TrailingComma,
        SyntaxProblem::TrailingCharacters,
        SyntaxProblem::UnclosedQuote,
        SyntaxProblem::Other("some reader's words".into()),
    ];
    let expected = [
        Expected::Mapping,
        Expected::List,
        Expected::Text,
        Expected::Bool,
        Expected::Nothing,
        Expected::WholeNumber {
            min: Some(0),
            max: None,
        },
        Expected::Number {
            min: None,
            max: Some(5),
        },
        Expected::Years { min: 0, max: 50 },
        Expected::Hours { min: 1, max: 80 },
        Expected::Fte {
            min: 3,
            max: 200,
            full_time: 3600,
        },
        Expected::Fte {
            min: 100,
            max: 200,
            full_time: 100,
        },
        Expected::Percentage { min: 0, max: 100 },
        Expected::Date,
        Expected::DateOrPeriod,
        Expected::Time,
        Expected::TimeAfter("day_start".into()),
        Expected::NonEmptyId,
        Expected::WorkingDays,
        Expected::Day,
        Expected::YesNo,
        Expected::Email,
        Expected::ExactNumber,
        Expected::DateDayFirst,
        Expected::PeriodDayFirst,
        Expected::Cells(1),
        Expected::AskedLevel,
        Expected::Competency,
        Expected::Other("a frobnicated thing".into()),
    ];
    let found = [
        Found::Null,
        Found::Bool(true),
        Found::Number("7".into()),
        Found::Text("zeven".into()),
        Found::List,
        Found::EmptyList,
        Found::Mapping,
        Found::Tagged("!x".into()),
        Found::YesNoCell(true),
        Found::YesNoCell(false),
        Found::Other("unit variant".into()),
        Found::Other(String::new()),
    ];
    let mut kinds = Vec::new();
    kinds.extend(tokens.map(|t| syntax(SyntaxProblem::Missing(t))));
    kinds.extend(constructs.map(|construct| ErrorKind::Syntax {
        format: TextFormat::Json,
        problem: SyntaxProblem::UnexpectedEnd,
        context: Some(Context {
            construct,
            at: Some(Pos { line: 2, column: 3 }),
        }),
    }));
    kinds.extend(problems.map(syntax));
    for e in expected {
        for f in &found {
            kinds.push(ErrorKind::InvalidType {
                expected: e.clone(),
                found: f.clone(),
            });
            kinds.push(ErrorKind::InvalidValue {
                expected: e.clone(),
                found: f.clone(),
            });
        }
    }
    for problem in [
        ReadProblem::NotFound,
        ReadProblem::IsDirectory,
        ReadProblem::PermissionDenied,
        ReadProblem::NotUtf8,
        ReadProblem::Other,
        ReadProblem::SpreadsheetKind,
        ReadProblem::BadSpreadsheet,
        ReadProblem::Password,
        ReadProblem::Ods,
        ReadProblem::MixedEncoding,
    ] {
        kinds.push(ErrorKind::Unreadable(problem));
    }
    for what in [
        Counted::Roles,
        Counted::Transitions,
        Counted::People,
        Counted::Cells,
        Counted::Reviews,
    ] {
        kinds.push(ErrorKind::TooMany {
            what,
            count: 3,
            limit: 2,
        });
    }
    kinds
}

#[test]
fn every_description_is_in_both_languages_without_the_other_language() {
    let kinds = descriptions();
    // Every variant of every description enum is rendered above.
    let debug = format!("{kinds:?}");
    for name in [
        "SyntaxProblem",
        "Token",
        "Construct",
        "Expected",
        "Found",
        "ReadProblem",
        "Counted",
    ] {
        for v in variants_in_source(name) {
            assert!(
                debug.contains(&format!("{v}("))
                    || debug.contains(&format!("{v} {{"))
                    || debug.contains(&format!("{v},"))
                    || debug.contains(&format!("{v})"))
                    || debug.contains(&format!("{v} }}")),
                "{name}::{v} is not rendered in this test"
            );
        }
    }
    for kind in kinds {
        let error = LoadError {
            file: "f.yaml".into(),
            pos: Some(Pos { line: 1, column: 1 }),
            path: "roles[0].scale".into(),
            kind,
            sheet: None,
        };
        for lang in Lang::ALL {
            check_language(&error.render(lang), lang);
        }
    }
}

/// English `line:col: message` lines of `input`, without the file name.
fn english(input: Input) -> Vec<String> {
    input
        .errors()
        .0
        .iter()
        .map(|e| e.render(Lang::En).split_once(':').unwrap().1.to_string())
        .collect()
}

fn dutch(input: Input) -> Vec<String> {
    input
        .errors()
        .0
        .iter()
        .map(|e| e.render(Lang::Nl).split_once(':').unwrap().1.to_string())
        .collect()
}

#[test]
fn yaml_syntax_errors_say_where_the_broken_construct_began() {
    let check = |text: &str, expected: &[&str]| {
        assert_eq!(english(Input::Ladder(text.to_string())), expected, "{text}");
    };
    check(
        "schema: doorgroei/ladder@1\nroles:\n  - id: a\n    mix: [1, 2\n",
        &["5:1: invalid YAML: expected ',' or ']' here (in the list in [ ] that begins at line 4, column 10)"],
    );
    check(
        "a: {b: 1, c: 2\n",
        &["2:1: invalid YAML: expected ',' or '}' here (in the mapping in { } that begins at line 1, column 4)"],
    );
    check(
        "a: 'open\nb: 2\n",
        &["3:1: invalid YAML: the file ends before everything is closed (in the quoted text that begins at line 1, column 4)"],
    );
    assert_eq!(
        dutch(Input::Ladder(
            "schema: doorgroei/ladder@1\nroles:\n  - id: a\n    mix: [1, 2\n".into()
        )),
        ["5:1: ongeldige YAML: hier hoort ',' of ']' (in de lijst tussen [ ] die begint op regel 4, kolom 10)"]
    );
}

#[test]
fn an_unclosed_csv_quote_is_reported_at_its_line() {
    let check = |text: &str, expected: &str| {
        let errors = dutch(Input::Roster("r.csv", text.as_bytes().to_vec()));
        assert_eq!(errors, [expected], "{text:?}");
    };
    let unclosed = "4:8: ongeldige CSV: niet afgesloten aanhalingsteken: de cel begint met '\"' maar het sluitende '\"' ontbreekt";
    let rows = "id;name;role;days\nj1;Jan;sw-hbo-start;ma\nj2;\"Piet;sw-hbo-start;di\nj3;Kees;sw-hbo-start;wo\n";
    check(rows, &unclosed.replace("4:8:", "3:4:"));
    check(
        &rows.replace('\n', "\r\n"),
        &unclosed.replace("4:8:", "3:4:"),
    );
    check(&rows.replace('\n', "\r"), &unclosed.replace("4:8:", "3:4:"));
    // A quote that closes on a later line is a cell with a line break in it,
    // and a quote inside a cell is just a character.
    let fine = "id;name;role;days\nj1;\"Jan\nJansen\";sw-hbo-start;ma\nj2;Pi\"et;sw-hbo-start;di\nj3;\"Kees \"\"K\"\"\";sw-hbo-start;wo\nj4;Wim;sw-hbo-start;\"ma|di";
    check(fine, &unclosed.replace("4:8:", "6:21:"));
}

#[test]
fn no_message_echoes_a_whole_file() {
    let line = "x".repeat(MAX_FILE_BYTES);
    let long = "x".repeat(100_000);
    let inputs = [
        Input::Ladder(line.clone()),
        Input::Roster("r.csv", line.clone().into_bytes()),
        Input::Ladder(format!("schema: {long}")),
        Input::Roster(
            "r.csv",
            format!("id;name;role;days\nj1;\"{long}").into_bytes(),
        ),
        Input::Roster(
            "r.csv",
            format!("id;name;role;days\nj1;{long};x;ma").into_bytes(),
        ),
        Input::Ladder(include_str!("../../../pathways/rooster-welzijn-groeit.csv").to_string()),
    ];
    for input in inputs {
        let start = std::time::Instant::now();
        let errors = input.errors();
        eprintln!("{:?}", start.elapsed());
        for lang in Lang::ALL {
            let text = errors.render(lang);
            for line in text.lines() {
                assert!(
                    line.chars().count() < 300,
                    "{} characters: {line}",
                    line.len()
                );
            }
        }
    }
}

#[test]
fn rows_are_numbered_right_whatever_the_line_ends() {
    // Problems on lines 3 and 6 (after a blank line and a cell with a
    // line break in it), with LF, CRLF and CR line ends.
    let rows = "id;name;role;days\nj1;Jan;sw-hbo-start;ma\nj2;Piet;sw-hbo-strat;di\n\nj3;\"Kees\nK\";sw-hbo-start;wo\nj4;Wim;sw-hbo-start;maandagg\n";
    for end in ["\n", "\r\n", "\r"] {
        let text = rows.replace('\n', end);
        let errors = dutch(Input::Roster("r.csv", text.into_bytes()));
        let places: Vec<&str> = errors
            .iter()
            .map(|e| e.split(": ").next().unwrap_or(""))
            .collect();
        assert_eq!(places, ["3:3", "7:4"], "{end:?}: {errors:?}");
    }
}

#[test]
fn cells_of_rows_that_are_not_read_are_never_quoted() {
    // A BSN in a misaligned row, and data where a header row should be.
    for (text, secret) in [
        (
            "id;name;role;days\nj1;Jan, J.;sw-hbo-start;ma;123456782\n",
            "123456782",
        ),
        ("1001;Tineke;teamleider;ma;123456782\n", "123456782"),
        ("Naam;BSN\nTineke;123456782\n", "123456782"),
    ] {
        let errors = Input::Roster("r.csv", text.as_bytes().to_vec()).errors();
        for lang in Lang::ALL {
            let shown = errors.render(lang);
            assert!(!shown.contains(secret), "{text:?}: {shown}");
        }
    }
}
