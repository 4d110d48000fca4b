//! Rosters as HR systems and Excel export them, and as Doorgroei writes them.

use doorgroei::format::{
    csv_cell, load_columns, load_roster, load_roster_checked, load_roster_csv, load_roster_with,
    roster_to_csv, roster_to_json, roster_to_yaml, ReadOptions,
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
            "r.csv:5:9: days: invalid value 'maandagg'; expected a working day: Mon, Tue, Wed, Thu, Fri, Sat, Sun or the full name (Monday), in English or Dutch (ma, maandag)",
            "r.csv:6:10: hours: expected a number, found text 'veel'",
            "r.csv:7:11: career_switcher: invalid value 'misschien'; expected ja or nee (yes or no)",
            "r.csv:7:15: unknown person 's9'; did you mean 's1'?",
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
    assert_eq!(
        warnings,
        ["r.csv:1:1: not used: coachnig, BSN (not needed for matching; these columns are not read); is 'coachnig' the column for coaching qualification? Then name it so"]
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
    roster.people[3].intervisie = Some(false);
    roster.people[4].intervisie = Some(true);
    roster.people[7].last_supervision = Some(jiff::civil::date(2021, 2, 3));
    roster.people[8].registered = Some(jiff::civil::date(2024, 2, 29));
    roster.pairs.push(doorgroei::roster::Pair {
        mentee: "j0001".into(),
        mentor: "m0002".into(),
        locked: true,
        ..Default::default()
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

/// The intervisie fields of a roster's one person, or its first problem.
type Read = Result<(Option<bool>, Option<String>), String>;

/// One senior read from a CSV table with `header` over the cells `a` and
/// `b`, and from YAML with `yaml` added: the intervisie fields, or the
/// problem in English.
fn intervisie_fields(table: (&str, &str, &str), yaml: &str) -> [Read; 2] {
    let (header, a, b) = table;
    let csv = format!("id;name;role;days;{header}\np1;Piet;sw-hbo-senior;ma;{a};{b}\n");
    let yaml = format!(
        "schema: doorgroei/roster@1\npeople:\n- {{id: p1, name: Piet, role: sw-hbo-senior, days: [ma]{yaml}}}\n"
    );
    [("r.csv", csv), ("r.yaml", yaml)].map(|(name, text)| {
        load_roster(name, text.as_bytes(), &ladder())
            .map(|r| {
                let p = &r.people[0];
                (p.intervisie, p.last_supervision.map(|d| d.to_string()))
            })
            .map_err(|e| e.0[0].render(Lang::En))
    })
}

#[test]
fn intervisie_and_the_last_supervision_are_read_in_every_form() {
    let ok = |i: Option<bool>, d: Option<&str>| Ok((i, d.map(str::to_string)));
    let cases = [
        (
            ("intervisie;laatste supervisie", "ja", "3-2-2021"),
            ", intervisie: true, last_supervision: 2021-02-03",
            [ok(Some(true), Some("2021-02-03")), ok(Some(true), Some("2021-02-03"))],
        ),
        (
            ("Doet mee aan intervisie;Datum laatste supervisie", "nee", "2021-02-03"),
            ", intervisie: false",
            [ok(Some(false), Some("2021-02-03")), ok(Some(false), None)],
        ),
        (
            ("Peer consultation;Last supervision", "", ""),
            "",
            [ok(None, None), ok(None, None)],
        ),
        (
            ("intervisie;laatste supervisie", "misschien", "31-4-2021"),
            ", last_supervision: 2021-04-31",
            [
                Err("r.csv:2:5: intervisie: invalid value 'misschien'; expected ja or nee (yes or no)".to_string()),
                Err("r.yaml:3:75: last_supervision: invalid value '2021-04-31'; expected a date as YYYY-MM-DD".to_string()),
            ],
        ),
    ];
    for (table, yaml, expected) in cases {
        assert_eq!(intervisie_fields(table, yaml), expected, "{table:?} {yaml}");
    }
}

/// The `registered` day of one senior read from a CSV table with `header`
/// over `cell`, and from YAML with `yaml` added: the day, or the first
/// problem in English.
fn registered_day(table: (&str, &str), yaml: &str) -> [Result<Option<String>, String>; 2] {
    let (header, cell) = table;
    let csv = format!("id;name;role;days;{header}\np1;Piet;sw-hbo-senior;ma;{cell}\n");
    let yaml = format!(
        "schema: doorgroei/roster@1\npeople:\n- {{id: p1, name: Piet, role: sw-hbo-senior, days: [ma]{yaml}}}\n"
    );
    [("r.csv", csv), ("r.yaml", yaml)].map(|(name, text)| {
        load_roster(name, text.as_bytes(), &ladder())
            .map(|r| r.people[0].registered.map(|d| d.to_string()))
            .map_err(|e| e.0[0].render(Lang::En))
    })
}

#[test]
fn the_registration_day_is_read_in_every_form() {
    let day = |d: &str| Ok(Some(d.to_string()));
    let cases = [
        (
            ("registratiedatum", "29-2-2024"),
            ", registered: 2024-02-29",
            [day("2024-02-29"), day("2024-02-29")],
        ),
        (
            ("Geregistreerd sinds", "2022-03-01"),
            ", registered: 2022-03-01",
            [day("2022-03-01"), day("2022-03-01")],
        ),
        (("Datum registratie", "01/03/2022"), "", [day("2022-03-01"), Ok(None)]),
        (("Registerplein", "1.3.2022"), "", [day("2022-03-01"), Ok(None)]),
        (("Registration date", ""), "", [Ok(None), Ok(None)]),
        (
            ("registered", "29-2-2023"),
            ", registered: 2023-02-29",
            [
                Err("r.csv:2:5: registered: invalid value '29-2-2023'; expected a date such as 4-1-2027, 04-01-2027 or 2027-01-04 (day first, a four-digit year)".to_string()),
                Err("r.yaml:3:69: registered: invalid value '2023-02-29'; expected a date as YYYY-MM-DD".to_string()),
            ],
        ),
        (
            ("Registratiedatum", "1-3-22"),
            ", registered: 1-3-2022",
            [
                Err("r.csv:2:5: Registratiedatum: invalid value '1-3-22'; expected a date such as 4-1-2027, 04-01-2027 or 2027-01-04 (day first, a four-digit year)".to_string()),
                Err("r.yaml:3:69: registered: invalid value '1-3-2022'; expected a date as YYYY-MM-DD".to_string()),
            ],
        ),
    ];
    for (table, yaml, expected) in cases {
        assert_eq!(registered_day(table, yaml), expected, "{table:?} {yaml}");
    }
}

#[test]
fn the_json_schema_has_the_person_fields_of_the_file() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../../pathways/schema/roster.schema.json")).unwrap();
    let fields: Vec<&str> = schema["properties"]["people"]["items"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut columns = doorgroei::format::CSV_COLUMNS[..doorgroei::format::PERSON_FIELDS].to_vec();
    let mut fields = fields;
    columns.sort_unstable();
    fields.sort_unstable();
    assert_eq!(fields, columns);
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

/// Reads a roster whose one person has `email` (a CSV cell, quoted) and
/// gives the problems in Dutch and English, or the address read.
fn read_email(email: &str) -> Result<Option<String>, [String; 2]> {
    let text = format!(
        "id;name;role;days;email\nj1;Jan;sw-hbo-start;ma;\"{}\"\n",
        email.replace('"', "\"\"")
    );
    match load_roster("r.csv", text.as_bytes(), &ladder()) {
        Ok(roster) => Ok(roster.people[0].email.clone()),
        Err(e) => Err([e.render(Lang::Nl), e.render(Lang::En)]),
    }
}

#[test]
fn e_mail_addresses_are_checked_where_they_are() {
    let bad_nl = |found: &str| {
        format!("r.csv:2:5: email: ongeldige waarde '{found}'; verwacht een e-mailadres als naam@organisatie.nl (één @, geen spaties, regeleinden of <>()[],;:\"\\)")
    };
    let bad_en = |found: &str| {
        format!("r.csv:2:5: email: invalid value '{found}'; expected an e-mail address such as name@organisation.nl (one @, no spaces, line breaks or <>()[],;:\"\\)")
    };
    let cases: [(&str, Result<Option<&str>, &str>); 9] = [
        ("tess@welzijn.nl", Ok(Some("tess@welzijn.nl"))),
        (" tess@welzijn.nl ", Ok(Some("tess@welzijn.nl"))),
        ("", Ok(None)),
        ("geen e-mail", Err("geen e-mail")),
        (
            "tess@welzijn.nl\nATTENDEE:mailto:x@y.nl",
            Err("tess@welzijn.nl\\nATTENDEE:mailto:x@y.nl"),
        ),
        ("tess@welzijn", Err("tess@welzijn")),
        ("Tess <tess@welzijn.nl>", Err("Tess <tess@welzijn.nl>")),
        (
            "tess@welzijn.nl; piet@welzijn.nl",
            Err("tess@welzijn.nl; piet@welzijn.nl"),
        ),
        ("@welzijn.nl", Err("@welzijn.nl")),
    ];
    for (email, expected) in cases {
        let expected = expected
            .map(|e| e.map(str::to_string))
            .map_err(|found| [bad_nl(found), bad_en(found)]);
        assert_eq!(read_email(email), expected, "{email:?}");
    }
    // A YAML roster is held to the same rule, at the value's line.
    let yaml = "schema: doorgroei/roster@1\npeople:\n  - {id: j1, name: Jan, role: sw-hbo-start, days: [ma], email: 'geen e-mail'}\n";
    let e = load_roster("r.yaml", yaml.as_bytes(), &ladder()).unwrap_err();
    assert!(e.to_string().starts_with("r.yaml:3:"), "{e}");
    assert!(e.to_string().contains("invalid value 'geen e-mail'"), "{e}");
}

#[test]
fn columns_with_data_but_no_name_are_named_by_their_place() {
    let check = |text: &str, expected: &[&str]| {
        let loaded = load_roster_checked("r.csv", text.as_bytes(), &ladder()).unwrap();
        let warnings: Vec<String> = loaded
            .warnings
            .0
            .iter()
            .map(|e| e.render(Lang::Nl))
            .collect();
        assert_eq!(warnings, expected, "{text}");
    };
    check("id;name;role;days;\nj1;Jan;sw-hbo-start;ma;geheim\n", &["r.csv:1:5: waarschuwing: kolom 5 heeft gegevens maar geen naam in de kopregel en wordt niet gelezen; geef de kolom een naam als hij nodig is"]);
    check("id;;name;role;days;;\nj1;;Jan;sw-hbo-start;ma;;\nj2;x;Piet;sw-hbo-start;ma;;y\n", &["r.csv:1:2: waarschuwing: de kolommen 2, 7 hebben gegevens maar geen naam in de kopregel en worden niet gelezen; geef ze een naam als ze nodig zijn"]);
    // Blank headers over empty columns say nothing.
    check("id;name;;role;days;\nj1;Jan;;sw-hbo-start;ma;\n", &[]);
}

#[test]
fn a_utf8_file_with_a_byte_of_another_encoding_is_refused_at_that_byte() {
    let check = |bytes: &[u8], expected: Result<&str, &str>| {
        let got = load_roster("r.csv", bytes, &ladder())
            .map(|r| {
                r.people
                    .iter()
                    .map(|p| p.name.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .map_err(|e| e.render(Lang::En));
        assert_eq!(
            got,
            expected.map(str::to_string).map_err(str::to_string),
            "{bytes:?}"
        );
    };
    let mixed = |at: &str| {
        format!("r.csv:{at}: here is a character that is not UTF-8, in a file that is UTF-8 otherwise (typed or pasted in another program?); correct it or save the file as UTF-8 again")
    };
    // UTF-8 throughout, Windows-1252 throughout: both read.
    check(
        "id;name;role;days\nj1;Zeynep Öztürk;sw-hbo-start;ma\n".as_bytes(),
        Ok("Zeynep Öztürk"),
    );
    check(
        b"id;name;role;days\nj1;Zeynep \xD6zt\xFCrk;sw-hbo-start;ma\n",
        Ok("Zeynep Öztürk"),
    );
    check(
        b"\xEF\xBB\xBFid;name;role;days\nj1;Ren\xC3\xA9;sw-hbo-start;ma\n",
        Ok("René"),
    );
    // UTF-8 with one é of Windows-1252: an error at that byte.
    check(
        b"id;name;role;days\nj1;Zeynep \xC3\x96zt\xC3\xBCrk;sw-hbo-start;ma\nj2;Ren\xE9;sw-hbo-start;ma\n",
        Err(&mixed("3:7")),
    );
    check(
        b"\xEF\xBB\xBFid;name;role;days\r\nj1;Ren\xE9;sw-hbo-start;ma\r\n",
        Err(&mixed("2:7")),
    );
}

#[test]
fn a_misspelt_header_is_named_with_the_field_it_probably_is() {
    let check = |header: &str, expected: [&str; 2]| {
        let text = format!("id;name;role;days;{header}\nj1;Jan;sw-hbo-start;ma;x\n");
        let loaded = load_roster_checked("r.csv", text.as_bytes(), &ladder()).unwrap();
        let shown: Vec<String> = Lang::ALL
            .iter()
            .flat_map(|&l| loaded.warnings.0.iter().map(move |e| e.render(l)))
            .collect();
        assert_eq!(shown, expected, "{header}");
    };
    check("Leidinggevnde", [
        "r.csv:1:1: niet gebruikt: Leidinggevnde (geen gegevens voor de koppeling; deze kolommen worden niet gelezen); is 'Leidinggevnde' de kolom voor leidinggevende? Noem hem dan zo",
        "r.csv:1:1: not used: Leidinggevnde (not needed for matching; these columns are not read); is 'Leidinggevnde' the column for manager? Then name it so",
    ]);
    check("Startdatim", [
        "r.csv:1:1: niet gebruikt: Startdatim (geen gegevens voor de koppeling; deze kolommen worden niet gelezen); is 'Startdatim' de kolom voor startdatum? Noem hem dan zo",
        "r.csv:1:1: not used: Startdatim (not needed for matching; these columns are not read); is 'Startdatim' the column for start date? Then name it so",
    ]);
    check("BSN", [
        "r.csv:1:1: niet gebruikt: BSN (geen gegevens voor de koppeling; deze kolommen worden niet gelezen)",
        "r.csv:1:1: not used: BSN (not needed for matching; these columns are not read)",
    ]);
}

#[test]
fn dutch_messages_say_ja_of_nee_and_write_decimal_commas() {
    let check = |row: &str, expected: [&str; 2]| {
        let text = format!("id;naam;functie;werkdagen;uren;zij-instromer\n{row}\n");
        let e = load_roster("r.csv", text.as_bytes(), &ladder()).unwrap_err();
        assert_eq!([e.render(Lang::Nl), e.render(Lang::En)], expected, "{row}");
    };
    check(
        "j1;Jan;sw-hbo-start;ma;36;misschien",
        [
            "r.csv:2:6: zij-instromer: ongeldige waarde 'misschien'; verwacht ja of nee",
            "r.csv:2:6: zij-instromer: invalid value 'misschien'; expected ja or nee (yes or no)",
        ],
    );
    check(
        "j1;Jan;sw-hbo-start;ma;80,5;ja",
        [
            "r.csv:2:5: uren: ongeldige waarde 80,5; verwacht uren van 1 tot en met 80",
            "r.csv:2:5: uren: invalid value 80.5; expected hours from 1 to 80",
        ],
    );
    // Each word that is no day, in the words of the language.
    check(
        "j1;Jan;sw-hbo-start;ma, maandagg;36;ja",
        [
            "r.csv:2:4: werkdagen: ongeldige waarde 'maandagg'; verwacht een werkdag: ma, di, wo, do, vr, za, zo of de volle naam (maandag)",
            "r.csv:2:4: werkdagen: invalid value 'maandagg'; expected a working day: Mon, Tue, Wed, Thu, Fri, Sat, Sun or the full name (Monday), in English or Dutch (ma, maandag)",
        ],
    );
    check(
        "j1;Jan;sw-hbo-start;Mo Tu;36;ja",
        [
            "r.csv:2:4: werkdagen: ongeldige waarde 'Mo'; verwacht een werkdag: ma, di, wo, do, vr, za, zo of de volle naam (maandag)\n\
             r.csv:2:4: werkdagen: ongeldige waarde 'Tu'; verwacht een werkdag: ma, di, wo, do, vr, za, zo of de volle naam (maandag)",
            "r.csv:2:4: werkdagen: invalid value 'Mo'; expected a working day: Mon, Tue, Wed, Thu, Fri, Sat, Sun or the full name (Monday), in English or Dutch (ma, maandag)\n\
             r.csv:2:4: werkdagen: invalid value 'Tu'; expected a working day: Mon, Tue, Wed, Thu, Fri, Sat, Sun or the full name (Monday), in English or Dutch (ma, maandag)",
        ],
    );
    check(
        "j1;Jan;sw-hbo-start;ma;0,25;ja",
        [
            "r.csv:2:5: uren: ongeldige waarde 0,25; verwacht uren van 1 tot en met 80",
            "r.csv:2:5: uren: invalid value 0.25; expected hours from 1 to 80",
        ],
    );
}

#[test]
fn an_unknown_role_names_the_closest_roles_in_both_languages() {
    let check = |role: &str, expected: [&str; 2]| {
        let text = format!("Personeelsnummer;Naam;Functie;Werkdagen\n1001;Jan;{role};ma\n");
        let e = load_roster("r.csv", text.as_bytes(), &ladder()).unwrap_err();
        assert_eq!([e.render(Lang::Nl), e.render(Lang::En)], expected, "{role}");
    };
    check(
        "Sociaal werker HBO",
        [
            "r.csv:2:3: onbekende functie 'Sociaal werker HBO'; bedoel je 'Sociaal werker HBO startbekwaam', 'Sociaal werker HBO vakbekwaam' of 'Senior sociaal werker HBO'?",
            "r.csv:2:3: unknown role 'Sociaal werker HBO'; did you mean 'Sociaal werker HBO startbekwaam', 'Sociaal werker HBO vakbekwaam' or 'Senior sociaal werker HBO'?",
        ],
    );
    check(
        "Sociaal werker",
        [
            "r.csv:2:3: onbekende functie 'Sociaal werker'; bedoel je 'Sociaal werker MBO startbekwaam', 'Sociaal werker MBO vakbekwaam' of 'Sociaal werker MBO vakvolwassen'?",
            "r.csv:2:3: unknown role 'Sociaal werker'; did you mean 'Sociaal werker MBO startbekwaam', 'Sociaal werker MBO vakbekwaam' or 'Sociaal werker MBO vakvolwassen'?",
        ],
    );
    check(
        "Jongerenwerker",
        [
            "r.csv:2:3: onbekende functie 'Jongerenwerker'; bedoel je 'Sociaal werker MBO startbekwaam', 'Sociaal werker MBO vakbekwaam' of 'Sociaal werker MBO vakvolwassen'?",
            "r.csv:2:3: unknown role 'Jongerenwerker'; did you mean 'Sociaal werker MBO startbekwaam', 'Sociaal werker MBO vakbekwaam' or 'Sociaal werker MBO vakvolwassen'?",
        ],
    );
    check(
        "Maatschappelijk werker",
        [
            "r.csv:2:3: onbekende functie 'Maatschappelijk werker'; bedoel je 'Sociaal werker MBO startbekwaam', 'Sociaal werker MBO vakbekwaam' of 'Sociaal werker MBO vakvolwassen'?",
            "r.csv:2:3: unknown role 'Maatschappelijk werker'; did you mean 'Sociaal werker MBO startbekwaam', 'Sociaal werker MBO vakbekwaam' or 'Sociaal werker MBO vakvolwassen'?",
        ],
    );
    // In English, English names; accents and case ignored.
    check(
        "social worker hbo",
        [
            "r.csv:2:3: onbekende functie 'social worker hbo'; bedoel je 'Social worker (HBO) starting', 'Social worker (HBO) competent' of 'Senior social worker (HBO)'?",
            "r.csv:2:3: unknown role 'social worker hbo'; did you mean 'Social worker (HBO) starting', 'Social worker (HBO) competent' or 'Senior social worker (HBO)'?",
        ],
    );
    check(
        "COORDINATOR",
        [
            "r.csv:2:3: onbekende functie 'COORDINATOR'; bedoel je 'Coördinator leren en ontwikkelen' of 'Inhoudelijk coördinator wijkteam'?",
            "r.csv:2:3: unknown role 'COORDINATOR'; did you mean 'Coördinator leren en ontwikkelen' or 'Inhoudelijk coördinator wijkteam'?",
        ],
    );
    // A name cut short is within a typo of the id.
    check(
        "coördinator wijk",
        [
            "r.csv:2:3: onbekende functie 'coördinator wijk'; bedoel je 'coordinator-wijkteam'?",
            "r.csv:2:3: unknown role 'coördinator wijk'; did you mean 'coordinator-wijkteam'?",
        ],
    );
    // A typo: the one it is.
    check(
        "Teamleidr",
        [
            "r.csv:2:3: onbekende functie 'Teamleidr'; bedoel je 'Teamleider'?",
            "r.csv:2:3: unknown role 'Teamleidr'; did you mean 'Teamleider'?",
        ],
    );
    // Nothing close.
    check(
        "Stagiair",
        [
            "r.csv:2:3: onbekende functie 'Stagiair'; geen functie lijkt erop",
            "r.csv:2:3: unknown role 'Stagiair'; no role comes close",
        ],
    );
}

#[test]
fn an_fte_is_read_as_hours_and_refused_in_fte_terms() {
    // (the FTE cell, the hours read or the messages in Dutch and English)
    let cases: [(&str, Result<f64, [&str; 2]>); 9] = [
        ("1", Ok(36.0)),
        ("0,8889", Ok(32.0)),
        ("0.5", Ok(18.0)),
        ("0,03", Ok(1.1)),
        ("2", Ok(72.0)),
        (
            "0,01",
            Err([
                "r.csv:2:5: FTE: ongeldige waarde '0,01'; verwacht een fte van 0,03 tot en met 2 (1 fte is 36 uur per week; minstens 1 uur)",
                "r.csv:2:5: FTE: invalid value '0,01'; expected an fte from 0.03 to 2 (1 fte is 36 hours a week; at least 1 hour)",
            ]),
        ),
        (
            "0",
            Err([
                "r.csv:2:5: FTE: ongeldige waarde '0'; verwacht een fte van 0,03 tot en met 2 (1 fte is 36 uur per week; minstens 1 uur)",
                "r.csv:2:5: FTE: invalid value '0'; expected an fte from 0.03 to 2 (1 fte is 36 hours a week; at least 1 hour)",
            ]),
        ),
        (
            "2,5",
            Err([
                "r.csv:2:5: FTE: ongeldige waarde '2,5'; verwacht een fte van 0,03 tot en met 2 (1 fte is 36 uur per week; minstens 1 uur)",
                "r.csv:2:5: FTE: invalid value '2,5'; expected an fte from 0.03 to 2 (1 fte is 36 hours a week; at least 1 hour)",
            ]),
        ),
        (
            "80%",
            Err([
                "r.csv:2:5: FTE: ongeldige waarde '80%'; verwacht een fte van 0,03 tot en met 2 (1 fte is 36 uur per week; minstens 1 uur)",
                "r.csv:2:5: FTE: invalid value '80%'; expected an fte from 0.03 to 2 (1 fte is 36 hours a week; at least 1 hour)",
            ]),
        ),
    ];
    for (cell, expected) in cases {
        let text =
            format!("Personeelsnummer;Naam;Functie;Werkdagen;FTE\n1001;Jan;teamleider;ma;{cell}\n");
        let got = match load_roster("r.csv", text.as_bytes(), &ladder()) {
            Ok(r) => Ok(r.people[0].hours),
            Err(e) => Err([e.render(Lang::Nl), e.render(Lang::En)]),
        };
        assert_eq!(got, expected.map_err(|e| e.map(String::from)), "{cell}");
    }
}

#[test]
fn a_column_a_columns_file_leaves_out_is_not_hinted_to_be_renamed() {
    // (the columns file's extra lines, the extra header, the warning in
    // Dutch and English)
    let check = |columns: &str, header: &str, expected: [&str; 2]| {
        let columns = format!(
            "schema: doorgroei/columns@1\nid: Personeelsnummer\nname: Naam\nrole: Functie\ndays: Werkdagen\n{columns}"
        );
        let options = ReadOptions {
            columns: Some(load_columns("k.yaml", &columns).unwrap()),
            sheet: None,
        };
        let text =
            format!("Personeelsnummer;Naam;Functie;Werkdagen;{header}\n1;Jan;teamleider;ma;x\n");
        let loaded = load_roster_with("r.csv", text.as_bytes(), &ladder(), &options).unwrap();
        let shown: Vec<String> = Lang::ALL
            .iter()
            .flat_map(|&l| loaded.warnings.0.iter().map(move |e| e.render(l)))
            .collect();
        assert_eq!(shown, expected, "{header}");
    };
    // Recognised as it is: left out on purpose.
    check("", "Werklocatie", [
        "r.csv:1:1: niet gebruikt: Werklocatie (geen gegevens voor de koppeling; deze kolommen worden niet gelezen)",
        "r.csv:1:1: not used: Werklocatie (not needed for matching; these columns are not read)",
    ]);
    // Close to a field's name: it goes in the columns file.
    check("", "Werklokatie", [
        "r.csv:1:1: niet gebruikt: Werklokatie (geen gegevens voor de koppeling; deze kolommen worden niet gelezen); is 'Werklokatie' de kolom voor locatie? Zet dan location: \"Werklokatie\" in het kolommenbestand",
        "r.csv:1:1: not used: Werklokatie (not needed for matching; these columns are not read); is 'Werklokatie' the column for location? Then put location: \"Werklokatie\" in the columns file",
    ]);
    // The field taken by another column: no hint.
    check("location: Vestiging\n", "Vestiging;Werklokatie", [
        "r.csv:1:1: niet gebruikt: Werklokatie (geen gegevens voor de koppeling; deze kolommen worden niet gelezen)",
        "r.csv:1:1: not used: Werklokatie (not needed for matching; these columns are not read)",
    ]);
}
