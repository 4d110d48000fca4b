//! The review log (`doorgroei/log@1`): YAML and CSV, good and bad inputs,
//! every problem at its line and column in both languages.

use doorgroei::format::{
    load_ladder, load_log, load_roster, log_to_csv, log_to_yaml, MAX_LOG_ENTRIES,
};
use doorgroei::programme::{LogEntry, Outcome, Reason};
use doorgroei::roster::Roster;
use doorgroei::Lang;
use jiff::civil::{date, Date};
use proptest::prelude::*;

fn roster() -> Roster {
    let ladder = load_ladder(
        "l.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap();
    let csv = "id;name;role;days\nm1;Mila;sw-hbo-senior;ma di wo do vr\nj1;Jan;sw-hbo-start;ma di\nj2;Jet;sw-hbo-start;wo\n";
    load_roster("r.csv", csv.as_bytes(), &ladder).unwrap()
}

/// One entry, short: `2027-01-04 m1 j1 held 60`.
fn short(e: &LogEntry) -> String {
    let status = match e.status {
        Outcome::Held => "held".to_string(),
        Outcome::Moved(to) => format!("moved {to}"),
        Outcome::Cancelled(r) => format!("cancelled {r:?}"),
    };
    format!(
        "{} {} {} {status} {}",
        e.date, e.mentor, e.mentee, e.minutes
    )
}

/// Reads `text` as the file `name` (slot length 45): the entries, or the
/// problems rendered in `lang`.
fn read(name: &str, text: &[u8], lang: Lang) -> Result<Vec<String>, String> {
    load_log(name, text, &roster(), 45)
        .map(|entries| entries.iter().map(short).collect())
        .map_err(|e| e.render(lang))
}

fn check_ok(name: &str, text: &str, expected: &[&str]) {
    assert_eq!(
        read(name, text.as_bytes(), Lang::En),
        Ok(expected.iter().map(|s| s.to_string()).collect()),
        "{name}: {text}"
    );
}

fn check_err(name: &str, text: &str, nl: &str, en: &str) {
    assert_eq!(
        read(name, text.as_bytes(), Lang::Nl),
        Err(nl.to_string()),
        "{text}"
    );
    assert_eq!(
        read(name, text.as_bytes(), Lang::En),
        Err(en.to_string()),
        "{text}"
    );
}

const YAML: &str = "schema: doorgroei/log@1\nreviews:\n";

#[test]
fn good_logs() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("l.yaml", "schema: doorgroei/log@1\n", &[]),
        ("l.yaml", "schema: doorgroei/log@1\nreviews: []\n", &[]),
        (
            "l.yaml",
            "schema: doorgroei/log@1\nreviews:\n- {date: 2027-01-04, mentor: m1, mentee: j1, status: held}\n- {date: 1-2-2027, mentor: m1, mentee: j1, status: verzet, new_date: 3-2-2027}\n- {date: 2027-03-01, mentor: m1, mentee: j1, status: cancelled, reason: ziek, minutes: 30}\n- {date: 2027-03-29, mentor: m1, mentee: j2, status: Gehouden, minutes: 90}\n",
            &[
                "2027-01-04 m1 j1 held 45",
                "2027-02-01 m1 j1 moved 2027-02-03 45",
                "2027-03-01 m1 j1 cancelled Sick 30",
                "2027-03-29 m1 j2 held 90",
            ],
        ),
        (
            "l.csv",
            "datum;mentor;mentee;status;nieuwe datum;reden;minuten\n4-1-2027;m1;j1;gehouden;;;\n01-02-2027;m1;j1;verzet;03-02-2027;;\n1.3.2027;m1;j1;vervallen;;werkdruk;30\n",
            &[
                "2027-01-04 m1 j1 held 45",
                "2027-02-01 m1 j1 moved 2027-02-03 45",
                "2027-03-01 m1 j1 cancelled Workload 30",
            ],
        ),
        // English headers, commas, CRLF, a title row, blank rows, headers in any order.
        (
            "l.csv",
            "Review log 2027\r\n\r\nMentee,Mentor,Date,Status,Reason,Minutes\r\nj1,m1,2027-01-04,held,,60\r\n,,,,,\r\nj2,m1,2027-01-06,cancelled,leave,\r\n",
            &["2027-01-04 m1 j1 held 60", "2027-01-06 m1 j2 cancelled Leave 45"],
        ),
        // Excel's trailing delimiter: empty headers with empty cells.
        (
            "l.csv",
            "datum;mentor;mentee;status;\n4-1-2027;m1;j1;gehouden;\n",
            &["2027-01-04 m1 j1 held 45"],
        ),
        // Minutes at their bounds.
        (
            "l.csv",
            "datum;mentor;mentee;status;minuten\n4-1-2027;m1;j1;gehouden;1\n5-1-2027;m1;j1;gehouden;480\n",
            &["2027-01-04 m1 j1 held 1", "2027-01-05 m1 j1 held 480"],
        ),
        ("l.csv", "", &[]),
        ("l.csv", "datum;mentor;mentee;status\n", &[]),
    ];
    for (name, text, expected) in cases {
        check_ok(name, text, expected);
    }
}

#[test]
fn windows_1252_csv_is_read() {
    // `Status` with an é in a title: not UTF-8.
    let mut bytes = b"Besprekingen \xe9\n".to_vec();
    bytes.extend_from_slice(b"datum;mentor;mentee;status\n4-1-2027;m1;j1;gehouden\n");
    assert_eq!(
        read("l.csv", &bytes, Lang::En),
        Ok(vec!["2027-01-04 m1 j1 held 45".to_string()])
    );
}

#[test]
fn bad_logs_are_refused_at_their_line_and_column_in_both_languages() {
    let h = "datum;mentor;mentee;status;nieuwe datum;reden;minuten\n";
    let cases: Vec<(String, &str, String, String)> = vec![
        (
            format!("{h}31-2-2027;m1;j1;gehouden;;;\n"),
            "l.csv",
            "l.csv:2:1: datum: ongeldige waarde '31-2-2027'; verwacht een datum als 4-1-2027, 04-01-2027 of 2027-01-04 (dag eerst, jaar in vier cijfers)".into(),
            "l.csv:2:1: date: invalid value '31-2-2027'; expected a date such as 4-1-2027, 04-01-2027 or 2027-01-04 (day first, a four-digit year)".into(),
        ),
        (
            format!("{h}4-1-2027;m11;j1;gehouden;;;\n"),
            "l.csv",
            "l.csv:2:2: onbekende persoon 'm11'; bedoel je 'm1'?".into(),
            "l.csv:2:2: unknown person 'm11'; did you mean 'm1'?".into(),
        ),
        (
            format!("{h}4-1-2027;m1;j1;gehoudn;;;\n"),
            "l.csv",
            "l.csv:2:4: onbekende status 'gehoudn'; toegestaan: gehouden, verzet, vervallen; bedoel je 'gehouden'?".into(),
            "l.csv:2:4: unknown status 'gehoudn'; expected one of held, moved, cancelled; did you mean 'held'?".into(),
        ),
        (
            format!("{h}4-1-2027;m1;j1;vervallen;;griep;\n"),
            "l.csv",
            "l.csv:2:6: onbekende reden 'griep'; toegestaan: ziek, verlof, werkdruk, anders".into(),
            "l.csv:2:6: unknown reason 'griep'; expected one of sick, leave, workload, other".into(),
        ),
        (
            format!("{h}4-1-2027;m1;j1;vervallen;;;\n"),
            "l.csv",
            "l.csv:2:6: verplicht veld 'reden' ontbreekt".into(),
            "l.csv:2:6: missing field 'reden'".into(),
        ),
        (
            "datum;mentor;mentee;status\n4-1-2027;m1;j1;verzet\n".into(),
            "l.csv",
            "l.csv:2:1: geen kolom voor nieuwe datum gevonden; de kolommen van het bestand: datum, mentor, mentee, status".into(),
            "l.csv:2:1: no column for new date found; the file's columns: datum, mentor, mentee, status".into(),
        ),
        (
            format!("{h}4-1-2027;m1;j1;gehouden;5-1-2027;;\n"),
            "l.csv",
            "l.csv:2:5: nieuwe datum: ongeldige waarde '5-1-2027'; verwacht niets".into(),
            "l.csv:2:5: new date: invalid value '5-1-2027'; expected nothing".into(),
        ),
        (
            format!("{h}4-1-2027;m1;j1;gehouden;;;0\n4-1-2027;m1;j2;gehouden;;;481\n"),
            "l.csv",
            "l.csv:2:7: minuten: ongeldige waarde 0; verwacht een geheel getal van 1 tot en met 480\nl.csv:3:7: minuten: ongeldige waarde 481; verwacht een geheel getal van 1 tot en met 480".into(),
            "l.csv:2:7: minutes: invalid value 0; expected a whole number from 1 to 480\nl.csv:3:7: minutes: invalid value 481; expected a whole number from 1 to 480".into(),
        ),
        (
            format!("{h}4-1-2027;m1;m1;gehouden;;;\n"),
            "l.csv",
            "l.csv:2:3: 'm1' is aan zichzelf gekoppeld; mentor en mentee moeten twee mensen zijn".into(),
            "l.csv:2:3: 'm1' is paired with themselves; mentor and mentee must be two people".into(),
        ),
        (
            format!("{h}4-1-2027;m1;j1;gehouden;;;\r\n2027-01-04;m1;j1;vervallen;;ziek;\r\n"),
            "l.csv",
            "l.csv:3:1: de bespreking van mentor 'm1' met mentee 'j1' op 2027-01-04 staat er twee keer in (eerder op regel 2)".into(),
            "l.csv:3:1: the review of mentor 'm1' with mentee 'j1' on 2027-01-04 is listed twice (first on line 2)".into(),
        ),
        (
            "datum;mentor;mentee;status;notitie\n4-1-2027;m1;j1;gehouden;zwaar gesprek\n".into(),
            "l.csv",
            "l.csv:1:5: onbekende kolom 'notitie'; toegestaan: datum, mentor, mentee, status, nieuwe datum, reden, minuten".into(),
            "l.csv:1:5: unknown column 'notitie'; expected one of date, mentor, mentee, status, new date, reason, minutes".into(),
        ),
        (
            "datum;mentor;mentee;status\n4-1-2027;m1;j1;gehouden;over de cliënt\n".into(),
            "l.csv",
            "l.csv:2:5: deze regel heeft 5 cellen en de kopregel 4; staat er een scheidingsteken in een cel? De regel is niet gelezen".into(),
            "l.csv:2:5: this row has 5 cells and the header row 4; is there a delimiter inside a cell? The row was not read".into(),
        ),
        (
            format!("{YAML}- {{date: 2027-01-04, mentor: m1, mentee: j1, status: held, note: x}}\n"),
            "l.yaml",
            "l.yaml:3:60: onbekend veld 'note'; toegestaan: date, mentor, mentee, status, new_date, reason, minutes".into(),
            "l.yaml:3:60: unknown field 'note'; expected one of date, mentor, mentee, status, new_date, reason, minutes".into(),
        ),
        (
            format!("{YAML}- date: 2027-01-04\n  mentor: m1\n  mentee: j1\n  status: cancelled\n  reason: griep\n"),
            "l.yaml",
            "l.yaml:7:11: onbekende reden 'griep'; toegestaan: ziek, verlof, werkdruk, anders".into(),
            "l.yaml:7:11: unknown reason 'griep'; expected one of sick, leave, workload, other".into(),
        ),
        (
            format!("{YAML}- {{date: 2027-01-04, mentor: m1, mentee: j1, status: moved}}\n"),
            "l.yaml",
            "l.yaml:3:3: reviews[0]: verplicht veld 'new_date' ontbreekt".into(),
            "l.yaml:3:3: reviews[0]: missing field 'new_date'".into(),
        ),
        (
            "schema: doorgroei/log@2\nreviews: []\n".into(),
            "l.yaml",
            "l.yaml:1:9: schema 'doorgroei/log@2' wordt niet ondersteund; verwacht 'doorgroei/log@1'".into(),
            "l.yaml:1:9: unsupported schema 'doorgroei/log@2'; expected 'doorgroei/log@1'".into(),
        ),
    ];
    for (text, name, nl, en) in cases {
        check_err(name, &text, &nl, &en);
    }
}

#[test]
fn written_logs_read_back_the_same() {
    let entries = vec![
        LogEntry {
            date: date(2027, 1, 4),
            mentor: "m1".into(),
            mentee: "j1".into(),
            status: Outcome::Held,
            minutes: 60,
        },
        LogEntry {
            date: date(2027, 2, 1),
            mentor: "m1".into(),
            mentee: "j1".into(),
            status: Outcome::Moved(date(2027, 2, 3)),
            minutes: 45,
        },
        LogEntry {
            date: date(2027, 3, 1),
            mentor: "m1".into(),
            mentee: "j2".into(),
            status: Outcome::Cancelled(Reason::Other),
            minutes: 45,
        },
    ];
    for lang in Lang::ALL {
        let yaml = log_to_yaml(&entries, lang);
        assert_eq!(
            load_log("l.yaml", yaml.as_bytes(), &roster(), 45),
            Ok(entries.clone()),
            "{yaml}"
        );
        let csv = log_to_csv(&entries, lang);
        assert_eq!(
            load_log("l.csv", csv.as_bytes(), &roster(), 45),
            Ok(entries.clone()),
            "{csv}"
        );
    }
}

/// A CSV log of `n` held reviews, each on its own day.
fn many(n: usize) -> String {
    let mut text = String::from("datum;mentor;mentee;status\n");
    let start = date(2000, 1, 1);
    for i in 0..n {
        let d: Date = doorgroei::dates::add_days(start, i as i64).unwrap();
        text.push_str(&format!("{d};m1;j1;gehouden\n"));
    }
    text
}

#[test]
fn the_entry_limit_holds_at_the_limit() {
    let text = many(MAX_LOG_ENTRIES);
    assert!(
        text.len() <= doorgroei::yaml::MAX_FILE_BYTES,
        "{}",
        text.len()
    );
    let entries = load_log("l.csv", text.as_bytes(), &roster(), 60).unwrap();
    assert_eq!(entries.len(), MAX_LOG_ENTRIES);
    let over = many(MAX_LOG_ENTRIES + 1);
    let errors = load_log("l.csv", over.as_bytes(), &roster(), 60).unwrap_err();
    assert_eq!(
        errors.render(Lang::Nl),
        "l.csv:1:1: te veel besprekingen: 100001; het maximum is 100000"
    );
}

#[test]
fn files_over_the_size_limit_are_refused() {
    let limit = doorgroei::yaml::MAX_FILE_BYTES;
    for name in ["l.csv", "l.yaml"] {
        let text = format!("{}{}", "#".repeat(limit), "\n");
        let errors = load_log(name, text.as_bytes(), &roster(), 60).unwrap_err();
        assert_eq!(
            errors.render(Lang::En),
            format!(
                "{name}: file is too large ({} bytes); the limit is {limit} bytes",
                limit + 1
            )
        );
    }
}

#[test]
fn the_example_logs_load_and_agree() {
    let ladder = load_ladder(
        "l.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap();
    let roster = load_roster(
        "rooster-welzijn-groeit.yaml",
        include_bytes!("../../../pathways/rooster-welzijn-groeit.yaml"),
        &ladder,
    )
    .unwrap();
    let yaml = load_log(
        "besprekingen-welzijn-groeit.yaml",
        include_bytes!("../../../pathways/besprekingen-welzijn-groeit.yaml"),
        &roster,
        60,
    )
    .unwrap();
    let csv = load_log(
        "besprekingen-welzijn-groeit.csv",
        include_bytes!("../../../pathways/besprekingen-welzijn-groeit.csv"),
        &roster,
        60,
    )
    .unwrap();
    assert_eq!(yaml, csv);
    let count = |f: fn(&Outcome) -> bool| yaml.iter().filter(|e| f(&e.status)).count();
    assert!(count(|s| *s == Outcome::Held) > 100, "{}", yaml.len());
    assert!(count(|s| matches!(s, Outcome::Moved(_))) > 0);
    assert!(count(|s| matches!(s, Outcome::Cancelled(_))) > 0);
}

/// The example roster, loaded once.
static EXAMPLE_ROSTER: std::sync::LazyLock<Roster> = std::sync::LazyLock::new(|| {
    let ladder = load_ladder(
        "l.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap();
    load_roster(
        "r.yaml",
        include_bytes!("../../../pathways/rooster-welzijn-groeit.yaml"),
        &ladder,
    )
    .unwrap()
});

const EXAMPLE_YAML: &str = include_str!("../../../pathways/besprekingen-welzijn-groeit.yaml");
const EXAMPLE_CSV: &str = include_str!("../../../pathways/besprekingen-welzijn-groeit.csv");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Cutting an example log anywhere and splicing in junk never panics;
    /// every error it gives points inside the text and has words in both
    /// languages.
    #[test]
    fn damaged_logs_give_located_errors(
        csv in any::<bool>(),
        cut in 0usize..4_000,
        junk in "[ -~\n\t:;,{}\\[\\]&*!|>-]{0,12}",
    ) {
        let (name, example) = if csv { ("l.csv", EXAMPLE_CSV) } else { ("l.yaml", EXAMPLE_YAML) };
        let mut cut = cut.min(example.len());
        while !example.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = format!("{}{}{}", &example[..cut], junk, &example[cut..]);
        if let Err(errors) = load_log(name, text.as_bytes(), &EXAMPLE_ROSTER, 60) {
            prop_assert!(!errors.0.is_empty());
            let lines = text.lines().count() + 1;
            for e in &errors.0 {
                if let Some(pos) = e.pos {
                    prop_assert!(pos.line >= 1 && pos.line <= lines, "{e} (file has {lines} lines)");
                }
                prop_assert!(!e.message(Lang::Nl).is_empty());
                prop_assert!(!e.message(Lang::En).is_empty());
            }
        }
    }
}
