//! Rosters as HR systems and Excel export them, and as Doorgroei writes them.

use doorgroei::format::{
    csv_cell, load_roster, load_roster_checked, load_roster_csv, roster_to_csv, roster_to_json,
    roster_to_yaml,
};
use doorgroei::roster::{Day, Days};
use doorgroei::{Ladder, Lang};

fn ladder() -> Ladder {
    doorgroei::format::load_ladder(
        "l.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap()
}

const HEADER: &str = "id;name;role;team;location;manager;specialisms;languages;days;hours;career_switcher;start;capacity;coaching;mentor;locked";

fn rows(rows: &[&str]) -> String {
    let mut text = String::from(HEADER);
    for r in rows {
        text.push('\n');
        text.push_str(r);
    }
    text.push('\n');
    text
}

const TL: &str = "tl;Tineke Leider;teamleider;Noord;Utrecht;;;nl;ma|di|wo|do|vr;36;nee;;0;nee;;";
const SENIOR: &str = "s1;Sanne Senior;sw-hbo-senior;Oost;Utrecht;tl;jeugd|schulden;nl|en;ma|di|do;28,8;nee;2015-03-01;2;ja;;";
const JUNIOR: &str =
    "j1;Jamal Junior;sw-hbo-start;Noord;Utrecht;tl;jeugd;nl;di|do;32;ja;2026-09-01;0;nee;s1;ja";

#[test]
fn semicolons_bom_decimal_commas_and_pairs() {
    let text = format!("\u{feff}{}", rows(&[TL, SENIOR, JUNIOR]));
    let roster =
        load_roster_csv("r.csv", text.as_bytes(), &ladder()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(roster.people.len(), 3);
    let s = &roster.people[1];
    assert_eq!(s.hours, 28.8);
    assert_eq!(s.days, Days::of([Day::Mon, Day::Tue, Day::Thu]));
    assert_eq!(s.specialisms, ["jeugd", "schulden"]);
    assert!(s.coaching);
    assert_eq!(s.capacity, 2);
    assert_eq!(
        s.start.map(|d| d.to_string()).as_deref(),
        Some("2015-03-01")
    );
    assert!(roster.people[2].career_switcher);
    assert_eq!(roster.pairs.len(), 1);
    assert_eq!(
        (
            roster.pairs[0].mentee.as_str(),
            roster.pairs[0].mentor.as_str(),
            roster.pairs[0].locked
        ),
        ("j1", "s1", true)
    );
}

#[test]
fn commas_quotes_with_newlines_and_windows_1252() {
    let text = rows(&[TL, SENIOR, JUNIOR])
        .replace(';', ",")
        .replace("28,8", "\"28,8\"");
    let text = text.replace("Jamal Junior", "\"Jamal\nJunior\"");
    let roster = load_roster("r.csv", text.as_bytes(), &ladder()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(roster.people[2].name, "Jamal\nJunior");
    assert_eq!(roster.people[1].hours, 28.8);

    // "Öztürk" and "Ç" as Excel on Windows writes them.
    let mut bytes = rows(&[TL, SENIOR]).into_bytes();
    let cp1252 =
        b"j2;Zeynep \xD6zt\xFCrk;sw-hbo-start;Noord;Utrecht;tl;jeugd;nl;ma;36;nee;;0;nee;;\n";
    bytes.extend_from_slice(cp1252);
    let roster = load_roster("r.csv", &bytes, &ladder()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(roster.people[2].name, "Zeynep Öztürk");
}

#[test]
fn every_bad_row_is_reported_with_its_line_and_column() {
    let text = rows(&[
        TL,
        "x1;Een;sw-hbo-strat;Noord;Utrecht;tl;jeugd;nl;ma;36;nee;;0;nee;;",
        SENIOR,
        "x2;Twee;sw-hbo-start;Noord;Utrecht;tl;jeugd;nl;ma|maandagg;36;nee;;0;nee;;",
        "x3;Drie;sw-hbo-start;Noord;Utrecht;tl;jeugd;nl;ma;veel;nee;;0;nee;;",
        "x4;Vier;sw-hbo-start;Noord;Utrecht;tl;jeugd;nl;ma;36;misschien;1-9-2026;0;nee;s9;",
    ]);
    let errors = load_roster_csv("r.csv", text.as_bytes(), &ladder()).unwrap_err();
    let lines: Vec<String> = errors.0.iter().map(|e| e.render(Lang::En)).collect();
    assert_eq!(
        lines,
        [
            "r.csv:3:3: unknown role 'sw-hbo-strat'; did you mean 'sw-hbo-start'?",
            "r.csv:5:9: unknown days 'maandagg'; expected one of ma, di, wo, do, vr, za, zo",
            "r.csv:6:10: hours: expected a number, found text 'veel'",
            "r.csv:7:11: career_switcher: expected true or false, found text 'misschien'",
        ],
        "{lines:#?}"
    );
}

#[test]
fn unknown_columns_and_people_are_named() {
    // A misspelt field is not read: a warning says so at its header, with
    // the field it probably is; other columns are named together.
    let text = rows(&[TL, SENIOR])
        .replacen("coaching", "coachnig", 1)
        .replacen("\n", ";BSN\n", 1);
    let loaded = load_roster_checked("r.csv", text.as_bytes(), &ladder()).unwrap();
    let warnings: Vec<String> = loaded
        .warnings
        .0
        .iter()
        .map(|e| e.render(Lang::En))
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert_eq!(
        warnings[0],
        "r.csv:1:1: not used: BSN (not needed for matching; these columns are not read)"
    );
    assert!(
        warnings[1].starts_with("r.csv:1:14: unknown field 'coachnig'")
            && warnings[1].ends_with("did you mean 'coaching'?"),
        "{warnings:#?}"
    );
    assert!(!loaded.value.people[1].coaching);

    let text = rows(&[TL, SENIOR, &JUNIOR.replace(";s1;ja", ";s2;ja")]);
    let errors = load_roster_csv("r.csv", text.as_bytes(), &ladder()).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "r.csv:4:15: unknown person 's2'; did you mean 's1'?"
    );
}

#[test]
fn written_rosters_read_back_the_same() {
    let ladder = ladder();
    let mut roster = doorgroei::synth::roster(30, 12, 5);
    roster.pairs.push(doorgroei::roster::Pair {
        mentee: "j0001".into(),
        mentor: "m0002".into(),
        locked: true,
    });
    let csv = roster_to_csv(&roster);
    assert_eq!(
        load_roster("r.csv", csv.as_bytes(), &ladder).unwrap(),
        roster
    );
    let yaml = roster_to_yaml(&roster);
    assert_eq!(
        load_roster("r.yaml", yaml.as_bytes(), &ladder).unwrap(),
        roster
    );
    // The JSON form is read by the YAML loader as the same file, also with
    // text that needs escaping and words YAML 1.1 would take for booleans.
    roster.people[1].name = "Anne \"Annie\" d'Arc \\ café — 😀\u{7}".into();
    roster.people[2].team = "no".into();
    roster.people[3].location = "yes: null # ~".into();
    let json = roster_to_json(&roster);
    assert!(json.starts_with('{'), "{json}");
    assert_eq!(
        load_roster("r.yaml", json.as_bytes(), &ladder).unwrap(),
        roster
    );
    // The same text through the YAML reader (a comment first keeps it off
    // the JSON fast path) gives the same roster.
    let commented = format!("# saved by the web app\n{json}");
    assert_eq!(
        load_roster("r.yaml", commented.as_bytes(), &ladder).unwrap(),
        roster
    );
    // A problem in the JSON form is reported with its line and column.
    let broken = json.replacen(r#""role":""#, r#""role":"no-such-"#, 1);
    let errors = load_roster("r.json", broken.as_bytes(), &ladder).unwrap_err();
    let text = errors.to_string();
    assert!(text.starts_with("r.json:1:"), "{text}");
    assert!(text.contains("no-such-"), "{text}");
}

#[test]
fn cells_cannot_become_spreadsheet_formulas() {
    for (cell, safe) in [
        ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
        ("+31 6", "'+31 6"),
        ("-1", "'-1"),
        ("@SUM", "'@SUM"),
        ("Anna", "Anna"),
        ("", ""),
    ] {
        assert_eq!(csv_cell(cell), safe);
    }
    let mut roster = doorgroei::synth::roster(1, 1, 1);
    roster.people[0].name = "=cmd|' /C calc'!A0".into();
    assert!(
        roster_to_csv(&roster).contains(";'=cmd|' /C calc'!A0;")
            || roster_to_csv(&roster).contains(";\"'=cmd|' /C calc'!A0\";")
    );
}
