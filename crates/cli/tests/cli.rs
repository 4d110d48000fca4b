//! The `doorgroei` command as a user runs it: exit codes, stdout and stderr.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pathways(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../pathways")
        .join(name)
}

fn doorgroei(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_doorgroei"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("doorgroei-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn check_accepts_the_examples() {
    let a = pathways("welzijn-groeit.yaml");
    let b = pathways("welzijn-vlak.yaml");
    let out = doorgroei(&[
        "check",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("welzijn-groeit.yaml: ok (19 roles, 26 transitions)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("welzijn-vlak.yaml: ok (4 roles, 5 transitions)"),
        "{stdout}"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn check_reports_every_problem_as_file_line_col() {
    let bad = temp_file(
        "bad.yaml",
        "schema: doorgroei/ladder@1\norganisation: X\nroles:\n  - id: a\n    name: {nl: A, en: A}\n    level: midior\n    mix: {practice: 100}\n    scale: {min: 8, max: 8}\n    education: hbo\n  - id: b\n    name: {nl: B, en: B}\n    level: senior\n    mix: {practice: 100}\n    scale: {min: 9, max: 8}\n    education: hbo\ntransitions:\n  - {from: b, to: bb, kind: lateral}\n",
    );
    let good = pathways("welzijn-vlak.yaml");
    let out = doorgroei(&[
        "check",
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let name = bad.display().to_string();
    let expected = [
        format!("{name}:6:12: unknown level 'midior'; expected one of junior, medior, senior, lead; did you mean 'medior'?"),
        format!("{name}:14:12: scale: minimum 9 is above maximum 8"),
        format!("{name}:17:19: unknown role 'bb'; did you mean 'b'?"),
    ];
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        expected.iter().map(String::as_str).collect::<Vec<_>>()
    );
    // The good file is still checked and reported.
    assert!(text(&out.stdout).contains("welzijn-vlak.yaml: ok"));
}

#[test]
fn check_speaks_dutch_by_default() {
    let bad = temp_file("syntax.yaml", "schema: doorgroei/ladder@1\nroles: [\n");
    let out = doorgroei(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!("{}:3:1: ongeldige YAML:", bad.display())),
        "{stderr}"
    );
}

/// Files the operating system refuses, or that are not UTF-8, are reported in
/// our own words in the chosen language, with the file's name (and, for the
/// encoding, the line and column).
#[test]
fn unreadable_files_are_reported_in_our_own_words() {
    let folder = std::env::temp_dir();
    let folder = folder.to_str().unwrap();
    let latin1 = temp_file("latin1.yaml", "schema: x\n");
    std::fs::write(&latin1, b"schema: x\nname: caf\xe9\n").unwrap();
    let latin1 = latin1.to_str().unwrap();
    let ladder = pathways("welzijn-groeit.yaml");
    let ladder = ladder.to_str().unwrap();
    let roster = pathways("rooster-welzijn-groeit.csv");
    let roster = roster.to_str().unwrap();
    let pairs = temp_file("pairs.json", "[{\"mentee\": \"j1\",\n");
    let pairs = pairs.to_str().unwrap();
    let schedule = |lang| {
        [
            "schedule",
            "--lang",
            lang,
            ladder,
            roster,
            "--start",
            "2026-01-05",
            "--pairs",
            pairs,
        ]
    };
    let (nl, en) = (schedule("nl"), schedule("en"));
    let cases: [(&[&str], String); 8] = [
        (
            &["check", "--lang", "nl", "/no/such.yaml"],
            "/no/such.yaml: dit bestand bestaat niet".into(),
        ),
        (
            &["check", "--lang", "en", "/no/such.yaml"],
            "/no/such.yaml: there is no such file".into(),
        ),
        (
            &["check", "--lang", "nl", folder],
            format!("{folder}: dit is een map, geen bestand"),
        ),
        (
            &["match", "--lang", "en", ladder, folder],
            format!("{folder}: this is a folder, not a file"),
        ),
        (
            &["check", "--lang", "nl", latin1],
            format!("{latin1}:2:10: hier staat iets dat geen UTF-8-tekst is; sla het bestand op als UTF-8"),
        ),
        (
            &["check", "--lang", "en", latin1],
            format!("{latin1}:2:10: this is not UTF-8 text; save the file as UTF-8"),
        ),
        (
            &nl,
            format!("{pairs}:2:1: ongeldige JSON: het bestand houdt op voordat alles is afgesloten (de regels tussen {{ }})"),
        ),
        (
            &en,
            format!("{pairs}:2:1: invalid JSON: the file ends before everything is closed (the mapping in {{ }})"),
        ),
    ];
    for (args, expected) in cases {
        let out = doorgroei(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(text(&out.stderr).trim_end(), expected, "{args:?}");
    }
}

#[test]
fn unreadable_files_and_usage_errors_have_their_own_exit_codes() {
    let out = doorgroei(&["check", "/no/such/ladder.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "/no/such/ladder.yaml: dit bestand bestaat niet\n"
    );

    let out = doorgroei(&["chek", "x.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = doorgroei(&["graph", "x.yaml", "--format", "png"]);
    assert_eq!(out.status.code(), Some(2));
    let out = doorgroei(&["check"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn scan_json_lists_findings_in_the_chosen_language() {
    let flat = pathways("welzijn-vlak.yaml");
    let out = doorgroei(&[
        "scan",
        flat.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["organisation"], "Stichting Welzijn Gelijkvloers");
    let findings = json["findings"].as_array().unwrap();
    let first = &findings[0];
    assert_eq!(first["severity"], "problem");
    assert_eq!(first["check"], "management-only");
    assert_eq!(
        first["roles"],
        serde_json::json!(["sociaal-werker-mbo", "sociaal-werker-hbo", "jongerenwerker"])
    );
    assert!(first["message"]
        .as_str()
        .unwrap()
        .contains("only be reached through a management role"));
}

#[test]
fn scan_text_names_severity_and_roles() {
    let flat = pathways("welzijn-vlak.yaml");
    let out = doorgroei(&["scan", flat.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("Stichting Welzijn Gelijkvloers\n"));
    assert!(stdout.contains("[knelpunt] Vanuit Sociaal werker (MBO), Sociaal werker (HBO) en Jongerenwerker is seniorniveau alleen bereikbaar via een leidinggevende functie."), "{stdout}");
    assert!(stdout.contains("    functies: sociaal-werker-mbo, sociaal-werker-hbo, jongerenwerker"));
}

#[test]
fn graph_writes_dot_and_svg() {
    let ladder = pathways("welzijn-groeit.yaml");
    let out = doorgroei(&["graph", ladder.to_str().unwrap(), "--format", "dot"]);
    assert_eq!(out.status.code(), Some(0));
    let dot = text(&out.stdout);
    assert!(dot.starts_with("digraph ladder {"));
    assert!(dot.contains("\"sw-hbo-senior\" -> \"praktijkopleider\" [style=dotted, label=\"combinatiefunctie\"];"), "{dot}");
    assert_eq!(dot.matches(" -> ").count(), 26);

    let svg_path = std::env::temp_dir().join(format!("doorgroei-{}.svg", std::process::id()));
    let out = doorgroei(&[
        "graph",
        ladder.to_str().unwrap(),
        "--format",
        "svg",
        "--lang",
        "en",
        "-o",
        svg_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(svg.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""
    ));
    assert_eq!(svg.matches("data-role=").count(), 19);
    assert!(
        svg.contains("<style>"),
        "a standalone SVG carries its styles"
    );
    assert!(svg.contains(">Practice trainer <"));
}

#[test]
fn paths_shows_routes_with_checklists_and_explains_blocked_goals() {
    let ladder = pathways("welzijn-groeit.yaml");
    let profile = pathways("profiel-sanne.yaml");
    let out = doorgroei(&[
        "paths",
        ladder.to_str().unwrap(),
        "--profile",
        profile.to_str().unwrap(),
        "--today",
        "2026-11-22",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("Vanaf Sociaal werker HBO vakbekwaam (2 jaar in functie)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("    → Praktijkopleider (combinatiefunctie), vanaf 22 oktober 2028 · schaal 9–10 · € 3.490 – € 4.830\n"), "{stdout}");
    assert!(stdout.contains("        ✗ training: Kopopleiding coaching\n"));
    // The target role's competencies against Sanne's own rating.
    assert!(stdout.contains("        competenties: ✗ Coachen: basis, gevraagd voldoende; ✗ Begeleiden van stagiairs: basis, gevraagd sterk; ✓ Intervisie begeleiden: voldoende, gevraagd voldoende\n"), "{stdout}");
    assert!(stdout.contains("  Gerangschikt op je wensen:"), "{stdout}");
    assert!(stdout.contains("Teamleider is niet bereikbaar met je wensen 'geen leidinggeven' en 'minstens 40% uitvoering'."));
}

#[test]
fn paths_json_without_a_profile() {
    let ladder = pathways("welzijn-vlak.yaml");
    let out = doorgroei(&[
        "paths",
        ladder.to_str().unwrap(),
        "--from",
        "sociaal-werker-mbo",
        "--years",
        "1",
        "--no-management",
        "--to",
        "teamleider",
        "--format",
        "json",
        "--today",
        "2026-01-01",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let goal = &json["goals"][0];
    assert_eq!(goal["goal"], "teamleider");
    assert_eq!(goal["routes"], serde_json::json!([]));
    assert_eq!(
        goal["blocked"]["wishes"],
        serde_json::json!([{"wish": "no-management"}])
    );
    assert_eq!(
        goal["blocked"]["message"],
        "Team leader cannot be reached with your wish 'no managing people'."
    );

    let out = doorgroei(&[
        "paths",
        ladder.to_str().unwrap(),
        "--from",
        "sociaal-werker-mbo",
        "--to",
        "teamleider",
        "--format",
        "json",
        "--today",
        "2026-01-01",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let step = &json["goals"][0]["routes"][0]["steps"][0];
    assert_eq!(step["to"], "teamleider");
    assert_eq!(step["earliest"], "2031-01-01");
    assert_eq!(step["missing"], serde_json::json!([{"education": "hbo"}]));
}

#[test]
fn paths_counts_a_study_once_and_gives_a_role_the_same_months_everywhere() {
    let ladder = pathways("welzijn-groeit.yaml");
    let out = doorgroei(&[
        "paths",
        ladder.to_str().unwrap(),
        "--from",
        "sw-mbo-start",
        "--to",
        "sw-hbo-senior",
        "--today",
        "2026-01-01",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let routes: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("  Route"))
        .collect();
    assert_eq!(
        routes,
        [
            "  Route 1 — 108 maanden",
            "  Route 2 — 108 maanden",
            "  Route 3 — 108 maanden"
        ]
    );
    // The third route studies HBO on its first step; after that it is met.
    let third =
        &stdout[stdout.find("  Route 3").unwrap()..stdout.find("\nVolgende stappen").unwrap()];
    let hbo: Vec<&str> = third
        .lines()
        .filter(|l| l.contains("opleiding: hbo"))
        .map(str::trim)
        .collect();
    assert_eq!(
        hbo,
        [
            "✗ opleiding: hbo",
            "✓ opleiding: hbo",
            "✓ competentie: Complexe casuïstiek; opleiding: hbo"
        ]
    );

    // Sanne: the next steps give the months of the best routes.
    let profile = pathways("profiel-sanne.yaml");
    let out = doorgroei(&[
        "paths",
        ladder.to_str().unwrap(),
        "--profile",
        profile.to_str().unwrap(),
        "--today",
        "2026-01-01",
    ]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("  Route 1 — 23 maanden\n"), "{stdout}");
    for next in [
        "Praktijkadviseur sociaal domein (gemeente) (23 mnd)",
        "Praktijkopleider (23 mnd)",
    ] {
        assert!(stdout.contains(next), "{next}: {stdout}");
    }
    assert!(stdout.contains("  Praktijkopleider — past 100%, schaal +1, 23 maanden\n"));
}

#[test]
fn paths_shows_part_time_stretching_and_its_cap() {
    let ladder = pathways("welzijn-groeit.yaml");
    let sanne = std::fs::read_to_string(pathways("profiel-sanne.yaml")).unwrap();
    // (hours a week, language, the line under "Vanaf …", JSON factor and cap)
    let cases = [
        ("28", "nl", Some("Deeltijd (28 van 36 uur): minimumjaren duren 1,29 keer zo lang."), Some((36.0 / 28.0, false))),
        ("12", "en", Some("Part-time (12 of 36 hours): minimum years take 3 times as long."), Some((3.0, false))),
        ("8", "nl", Some("Deeltijd (8 van 36 uur): minimumjaren duren 3 keer zo lang. Dat is het maximum: naar rato zou het 4,5 keer zijn."), Some((3.0, true))),
        ("7.5", "en", Some("Part-time (7.5 of 36 hours): minimum years take 3 times as long. That is the maximum: in proportion it would be 4.8 times."), Some((3.0, true))),
        ("36", "nl", None, None),
    ];
    for (hours, lang, line, json) in cases {
        let profile = temp_file(
            &format!("uren-{hours}.yaml"),
            &sanne.replace("hours_per_week: 28", &format!("hours_per_week: {hours}")),
        );
        let args = [
            "paths",
            ladder.to_str().unwrap(),
            "--profile",
            profile.to_str().unwrap(),
            "--lang",
            lang,
        ];
        let out = doorgroei(&args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert_eq!(
            stdout.lines().nth(1).filter(|l| !l.is_empty()),
            line,
            "{hours} hours"
        );
        let out = doorgroei(&[&args[..], &["--format", "json"]].concat());
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let stretch = &value["stretch"];
        let got = stretch["factor"].as_f64().zip(stretch["capped"].as_bool());
        assert_eq!(got, json, "{hours} hours");
    }
}

#[test]
fn paths_refuses_numbers_outside_their_limits() {
    let ladder = pathways("welzijn-groeit.yaml");
    // (option and value, language, the message on stderr); exit code 2 (usage).
    let cases = [
        (
            "--years=-1e9",
            "nl",
            "--years: ongeldige waarde -1e9; verwacht een aantal jaren van 0 tot en met 60",
        ),
        (
            "--years=NaN",
            "en",
            "--years: invalid value NaN; expected a number of years from 0 to 60",
        ),
        (
            "--years=inf",
            "nl",
            "--years: ongeldige waarde inf; verwacht een aantal jaren van 0 tot en met 60",
        ),
        (
            "--years=-1",
            "en",
            "--years: invalid value -1; expected a number of years from 0 to 60",
        ),
        (
            "--years=60.5",
            "en",
            "--years: invalid value 60.5; expected a number of years from 0 to 60",
        ),
        (
            "--years=twee",
            "nl",
            "--years: ongeldige waarde twee; verwacht een aantal jaren van 0 tot en met 60",
        ),
        (
            "--k=0",
            "nl",
            "--k: ongeldige waarde 0; verwacht een aantal routes van 1 tot en met 20",
        ),
        (
            "--k=21",
            "en",
            "--k: invalid value 21; expected a number of routes from 1 to 20",
        ),
        (
            "--k=2.5",
            "en",
            "--k: invalid value 2.5; expected a number of routes from 1 to 20",
        ),
        (
            "--k=-3",
            "nl",
            "--k: ongeldige waarde -3; verwacht een aantal routes van 1 tot en met 20",
        ),
    ];
    for (option, lang, message) in cases {
        let out = doorgroei(&[
            "paths",
            ladder.to_str().unwrap(),
            "--from",
            "sw-hbo-vak",
            option,
            "--lang",
            lang,
        ]);
        assert_eq!(out.status.code(), Some(2), "{option}");
        assert_eq!(text(&out.stderr), format!("{message}\n"));
        assert!(out.stdout.is_empty());
    }
    // The bounds and a decimal comma are fine.
    for option in ["--years=0", "--years=60", "--years=2,5", "--k=1", "--k=20"] {
        let out = doorgroei(&[
            "paths",
            ladder.to_str().unwrap(),
            "--from",
            "sw-hbo-vak",
            option,
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{option}: {}",
            text(&out.stderr)
        );
    }
    let out = doorgroei(&[
        "paths",
        ladder.to_str().unwrap(),
        "--from",
        "sw-hbo-vak",
        "--years",
        "2,5",
    ]);
    assert!(text(&out.stdout)
        .starts_with("Vanaf Sociaal werker HBO vakbekwaam (2,5 jaar in functie)\n"));
    // A profile file with such numbers is refused by its loader (exit code 1).
    let sanne = std::fs::read_to_string(pathways("profiel-sanne.yaml")).unwrap();
    let profile = temp_file(
        "jaren.yaml",
        &sanne.replace("years_in_role: 2", "years_in_role: .nan"),
    );
    let out = doorgroei(&[
        "paths",
        ladder.to_str().unwrap(),
        "--profile",
        profile.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "{}:7:16: years_in_role: invalid value .nan; expected a number of years from 0 to 60\n",
            profile.display()
        )
    );
}

#[test]
fn paths_rejects_unknown_roles_with_a_suggestion() {
    let ladder = pathways("welzijn-vlak.yaml");
    let out = doorgroei(&[
        "paths",
        ladder.to_str().unwrap(),
        "--from",
        "teamleidr",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).ends_with("unknown role 'teamleidr'; did you mean 'teamleider'?\n"),
        "{}",
        text(&out.stderr)
    );
    let out = doorgroei(&["paths", ladder.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "--profile or --from is required"
    );
}

#[test]
fn match_json_has_the_documented_shape_and_dump_scores_the_problem() {
    let ladder = pathways("welzijn-groeit.yaml");
    let roster = pathways("rooster-welzijn-groeit.csv");
    let dump = std::env::temp_dir().join(format!("doorgroei-scores-{}.json", std::process::id()));
    let out = doorgroei(&[
        "match",
        ladder.to_str().unwrap(),
        roster.to_str().unwrap(),
        "--format",
        "json",
        "--dump-scores",
        dump.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pairs = json["pairs"].as_array().unwrap();
    assert_eq!(json["matched"].as_u64().unwrap() as usize, pairs.len());
    assert_eq!(
        pairs.len() + json["unmatched"].as_array().unwrap().len(),
        18
    );
    let total: i64 = pairs.iter().map(|p| p["score"].as_i64().unwrap()).sum();
    assert_eq!(json["total_score"].as_i64().unwrap(), total);
    for p in pairs {
        assert!(p["locked"].is_boolean() && !p["reasons"].as_array().unwrap().is_empty());
    }
    let problem: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&dump).unwrap()).unwrap();
    assert_eq!(problem["capacity"].as_object().unwrap().len(), 12);
    for p in pairs {
        let listed = problem["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["mentee"] == p["mentee"] && c["mentor"] == p["mentor"]);
        assert!(listed, "every new pair is an eligible candidate: {p}");
    }
}

#[test]
fn match_reports_bad_roster_rows() {
    let ladder = pathways("welzijn-groeit.yaml");
    let bad = temp_file("rooster.csv", "id;name;role;days\nj1;Jan;sw-hbo-strat;ma\n");
    let out = doorgroei(&[
        "match",
        ladder.to_str().unwrap(),
        bad.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "{}:2:3: unknown role 'sw-hbo-strat'; did you mean 'sw-hbo-start'?\n",
            bad.display()
        )
    );
}

/// `doorgroei match --format json` into a file, for `schedule --pairs`.
fn matched_pairs() -> PathBuf {
    let ladder = pathways("welzijn-groeit.yaml");
    let roster = pathways("rooster-welzijn-groeit.csv");
    let out = doorgroei(&[
        "match",
        ladder.to_str().unwrap(),
        roster.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    temp_file("pairs.json", &text(&out.stdout))
}

#[test]
fn schedule_writes_calendars_per_person_that_an_independent_parser_reads() {
    let ladder = pathways("welzijn-groeit.yaml");
    let roster = pathways("rooster-welzijn-groeit.csv");
    let pairs = matched_pairs();
    let dir = std::env::temp_dir().join(format!("doorgroei-ics-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = doorgroei(&[
        "schedule",
        ladder.to_str().unwrap(),
        roster.to_str().unwrap(),
        "--pairs",
        pairs.to_str().unwrap(),
        "--start",
        "2027-01-04",
        "--months",
        "36",
        "--ics-dir",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reviews = json["reviews"].as_array().unwrap();
    let unplaced = json["unplaced"].as_array().unwrap();
    // 18 pairs, reviews every 4 weeks for 36 months (1,096 days) from a
    // first review in the first four weeks: 39 or 40 each, all placed or
    // reported.
    let mut per_pair: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for r in reviews.iter().chain(unplaced) {
        let key = (r["mentor"].to_string(), r["mentee"].to_string());
        *per_pair.entry(key).or_default() += 1;
    }
    assert_eq!(per_pair.len(), 18);
    assert!(
        per_pair.values().all(|&n| n == 39 || n == 40),
        "{per_pair:?}"
    );
    assert!(reviews.len() > 18 * 36);
    for u in unplaced {
        assert!(!u["reason"].as_str().unwrap().is_empty());
    }
    for key in [
        "date",
        "start",
        "end",
        "mentor",
        "mentee",
        "review",
        "ideal_date",
    ] {
        assert!(reviews[0].get(key).is_some(), "{key}");
    }
    let all = std::fs::read_to_string(dir.join("alle-besprekingen.ics")).unwrap();
    assert_eq!(all.matches("BEGIN:VEVENT").count(), reviews.len());
    // One file per person: a mentee's file holds exactly their reviews.
    let mentee = reviews[0]["mentee"].as_str().unwrap();
    let own = std::fs::read_to_string(dir.join(format!("{mentee}.ics"))).unwrap();
    let theirs = reviews.iter().filter(|r| r["mentee"] == mentee).count();
    assert_eq!(own.matches("BEGIN:VEVENT").count(), theirs);
    assert!(own.contains("ATTENDEE;CN="));

    // Python's `icalendar` (installed by `cargo xtask test`) must read every file.
    let Ok(python) = std::env::var("DOORGROEI_PYTHON") else {
        eprintln!("DOORGROEI_PYTHON not set: the independent iCalendar parser is skipped (cargo xtask test runs it)");
        return;
    };
    let script = r#"
import sys, pathlib, icalendar
total = 0
for path in sorted(pathlib.Path(sys.argv[1]).glob('*.ics')):
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    events = [e for e in cal.walk('VEVENT')]
    for e in events:
        assert e.decoded('dtstart').tzinfo is not None, path
        assert e.decoded('dtend') > e.decoded('dtstart'), path
        assert str(e['uid']).endswith('@doorgroei'), path
    print(path.name, len(events))
"#;
    let out = Command::new(python)
        .args(["-c", script, dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "icalendar failed: {}",
        text(&out.stderr)
    );
    let counts: std::collections::BTreeMap<String, usize> = text(&out.stdout)
        .lines()
        .map(|l| {
            let (name, n) = l.rsplit_once(' ').unwrap();
            (name.to_string(), n.parse().unwrap())
        })
        .collect();
    assert_eq!(counts["alle-besprekingen.ics"], reviews.len());
    assert_eq!(counts[&format!("{mentee}.ics")], theirs);
    assert!(counts.len() > 20, "{counts:?}");
}

#[test]
fn schedule_without_pairs_matches_first_and_speaks_english_csv() {
    let ladder = pathways("welzijn-groeit.yaml");
    let roster = pathways("rooster-welzijn-groeit.yaml");
    let out = doorgroei(&[
        "schedule",
        ladder.to_str().unwrap(),
        roster.to_str().unwrap(),
        "--start",
        "2027-01-04",
        "--cadence-weeks",
        "6",
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("date;start;end;mentor;mentor_name;mentee;mentee_name;review;ideal_date")
    );
    let first: Vec<&str> = lines.next().unwrap().split(';').collect();
    assert_eq!(first[0], "2027-01-04");
    assert_eq!(first[7], "1");
    // Every six weeks: the second review of a pair is ideally on 15 February.
    assert!(csv.contains(";2;2027-02-15"), "{csv}");
}

#[test]
fn schedule_reports_bad_pairs_and_bad_settings() {
    let ladder = pathways("welzijn-groeit.yaml");
    let roster = pathways("rooster-welzijn-groeit.csv");
    let bad = temp_file(
        "bad-pairs.json",
        "{\"pairs\": [\n  {\"mentee\": \"j0000\"}\n",
    );
    let out = doorgroei(&[
        "schedule",
        ladder.to_str().unwrap(),
        roster.to_str().unwrap(),
        "--pairs",
        bad.to_str().unwrap(),
        "--start",
        "2027-01-04",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("bad-pairs.json:3:"),
        "{}",
        text(&out.stderr)
    );
    let settings = temp_file(
        "planning.yaml",
        "schema: doorgroei/schedule@1\nmax_per_day: 0\n",
    );
    let out = doorgroei(&[
        "schedule",
        ladder.to_str().unwrap(),
        roster.to_str().unwrap(),
        "--start",
        "2027-01-04",
        "--config",
        settings.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("planning.yaml:2:14"),
        "{}",
        text(&out.stderr)
    );
    let out = doorgroei(&[
        "schedule",
        ladder.to_str().unwrap(),
        roster.to_str().unwrap(),
        "--start",
        "2027-02-30",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

/// Runs the command with its standard output going to `/dev/full`, where
/// every write fails with "no space left on device".
fn doorgroei_to_full(args: &[&str]) -> Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    Command::new(env!("CARGO_BIN_EXE_doorgroei"))
        .args(args)
        .stdout(full)
        .output()
        .unwrap()
}

#[test]
fn a_failed_write_is_an_error_for_every_command() {
    let ladder = pathways("welzijn-groeit.yaml");
    let roster = pathways("rooster-welzijn-groeit.csv");
    let profile = pathways("profiel-sanne.yaml");
    let (l, r, p) = (
        ladder.to_str().unwrap(),
        roster.to_str().unwrap(),
        profile.to_str().unwrap(),
    );
    let not_a_folder = temp_file("not-a-folder", "");
    let inside = not_a_folder.join("ics");
    let schedule = ["schedule", l, r, "--start", "2027-01-04"];
    // (arguments, where the output goes: stdout through /dev/full, or a path)
    #[rustfmt::skip]
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["check", l], "standaarduitvoer"),
        (vec!["scan", l], "standaarduitvoer"),
        (vec!["scan", l, "--format", "json"], "standaarduitvoer"),
        (vec!["paths", l, "--profile", p, "--today", "2026-11-22"], "standaarduitvoer"),
        (vec!["paths", l, "--from", "sw-hbo-start", "--format", "json", "--today", "2026-11-22"], "standaarduitvoer"),
        (vec!["match", l, r], "standaarduitvoer"),
        (vec!["match", l, r, "--format", "json"], "standaarduitvoer"),
        (vec!["match", l, r, "--format", "csv"], "standaarduitvoer"),
        ([&schedule[..], &["--format", "text"]].concat(), "standaarduitvoer"),
        ([&schedule[..], &["--format", "json"]].concat(), "standaarduitvoer"),
        ([&schedule[..], &["--format", "csv"]].concat(), "standaarduitvoer"),
        (vec!["graph", l, "--format", "dot"], "standaarduitvoer"),
        (vec!["graph", l, "--format", "svg"], "standaarduitvoer"),
        (vec!["fmt", "--check", l], "standaarduitvoer"),
        (vec!["intervisie", l, r], "standaarduitvoer"),
        (vec!["intervisie", l, r, "--format", "json"], "standaarduitvoer"),
        (vec!["intervisie", l, r, "--supervision", "--format", "csv"], "standaarduitvoer"),
        // Files: the same message with the file's name.
        (vec!["graph", l, "--format", "svg", "-o", "/dev/full"], "/dev/full"),
        (vec!["match", l, r, "--dump-scores", "/dev/full"], "/dev/full"),
        ([&schedule[..], &["--ics", "/dev/full"]].concat(), "/dev/full"),
        (vec!["intervisie", l, r, "--dump-problem", "/dev/full"], "/dev/full"),
    ];
    for (args, what) in cases {
        let out = doorgroei_to_full(&args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).ends_with(&format!(
                "{what}: kan niet schrijven: de schijf is vol (systeemfout 28)\n"
            )),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    // diff cannot say whether they differ: trouble, as diff(1) says.
    let out = doorgroei_to_full(&["diff", l, l]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "standaarduitvoer: kan niet schrijven: de schijf is vol (systeemfout 28)\n"
    );
    // In English, and a calendar folder that cannot be made.
    let out = doorgroei_to_full(&["scan", l, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "standard output: cannot write: the disk is full (system error 28)\n"
    );
    let out = doorgroei(
        &[
            &schedule[..],
            &["--ics-dir", inside.to_str().unwrap(), "--lang", "en"],
        ]
        .concat(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with(&format!(
            "{}: cannot create the folder: part of the path is a file, not a folder",
            inside.display()
        )),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_reader_that_stops_reading_ends_the_output_quietly() {
    // `doorgroei schedule … | head`: far more output than a pipe holds, and
    // the reader gone before it is written.
    let ladder = pathways("welzijn-groeit.yaml");
    let roster = pathways("rooster-welzijn-groeit.csv");
    let mut child = Command::new(env!("CARGO_BIN_EXE_doorgroei"))
        .args([
            "schedule",
            ladder.to_str().unwrap(),
            roster.to_str().unwrap(),
            "--start",
            "2027-01-04",
            "--months",
            "36",
            "--format",
            "json",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
}

/// A roster of one mentor and three mentees, two of whose ids give the same
/// file name and one who starts in March 2030; with its pairs.
fn clashing_roster() -> (PathBuf, PathBuf) {
    let roster = temp_file(
        "clash.csv",
        "id;name;role;days;start;capacity\n\
         s1;Sanne Smit;sw-hbo-senior;ma|di|wo|do|vr;;3\n\
         j/1;Jan Jansen;sw-hbo-start;ma|di|wo|do|vr;;\n\
         j_1;Joke de Wit;sw-hbo-start;ma|di|wo|do|vr;;\n\
         k;Kees Bos;sw-hbo-start;ma|di|wo|do|vr;2030-03-04;\n",
    );
    let pairs = temp_file(
        "clash-pairs.json",
        r#"[{"mentee": "j/1", "mentor": "s1"}, {"mentee": "j_1", "mentor": "s1"}, {"mentee": "k", "mentor": "s1"}]"#,
    );
    (roster, pairs)
}

#[test]
fn calendar_files_get_a_name_of_their_own_and_a_clash_is_reported() {
    let ladder = pathways("welzijn-groeit.yaml");
    let (roster, pairs) = clashing_roster();
    let dir = std::env::temp_dir().join(format!("doorgroei-clash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = doorgroei(&[
        "schedule",
        ladder.to_str().unwrap(),
        roster.to_str().unwrap(),
        "--pairs",
        pairs.to_str().unwrap(),
        "--start",
        "2027-01-04",
        "--months",
        "2",
        "--ics-dir",
        dir.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "note: the calendar of 'j/1' is named j_1-2.ics, as j_1.ics is already another file's name\n"
    );
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["all-reviews.ics", "j_1-2.ics", "j_1.ics", "k.ics", "s1.ics"]
    );
    // Each file holds its own person's reviews: Jan's and Joke's are apart.
    for (file, who) in [("j_1-2.ics", "Jan Jansen"), ("j_1.ics", "Joke de Wit")] {
        // (Folded lines joined again.)
        let ics = std::fs::read_to_string(dir.join(file))
            .unwrap()
            .replace("\r\n ", "");
        assert!(
            ics.contains(&format!("X-WR-CALNAME:Case reviews — {who}")),
            "{file}"
        );
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3, "{file}");
        assert_eq!(ics.matches(who).count(), 1 + 3 * 2, "{file}: {ics}");
    }
}

/// `doorgroei schedule` on the clashing roster from 4 January 2027: exit
/// code, stdout and stderr.
fn schedule_text(extra: &[&str]) -> (Option<i32>, String, String) {
    let ladder = pathways("welzijn-groeit.yaml");
    let (roster, pairs) = clashing_roster();
    let out = doorgroei(
        &[
            &[
                "schedule",
                ladder.to_str().unwrap(),
                roster.to_str().unwrap(),
                "--pairs",
                pairs.to_str().unwrap(),
            ][..],
            extra,
        ]
        .concat(),
    );
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

#[test]
fn the_schedule_says_what_is_true() {
    // (arguments, the summary on stdout, stderr)
    #[rustfmt::skip]
    let cases: &[(&[&str], &str, &str)] = &[
        // Kees starts in March 2030: the dates listed run into 2030, and why.
        (&["--start", "2027-01-04", "--months", "1"],
         "6 besprekingen gepland voor 3 koppelingen van 4-1-2027 tot en met 1-4-2030; 0 niet te plaatsen.\n\
          Elke 4 weken, 1 maand per koppeling vanaf 4-1-2027.\n\
          1 mentee begint later: de periode van 1 maand loopt voor die mentee vanaf 4-3-2030.\n", ""),
        (&["--start", "2027-01-04", "--months", "1", "--cadence-weeks", "6", "--lang", "en"],
         "3 reviews planned for 3 pairs from 2027-01-04 to 2030-03-04; 0 could not be placed.\n\
          Every 6 weeks, 1 month per pair from 2027-01-04.\n\
          1 mentee starts later: their period of 1 month runs from 2030-03-04.\n", ""),
        // Nothing falls in the period: said on stderr, and why per pair.
        (&["--start", "9999-12-31", "--lang", "en"],
         "0 reviews planned for 3 pairs; 3 could not be placed.\n\
          Every 4 weeks, 12 months per pair from 9999-12-31.\n\
          \n\
          Could not be placed:\n\
          \x20 Sanne Smit · Jan Jansen: the period of 12 months from 9999-12-31 runs past 9999-12-31, the last date the calendar knows\n\
          \x20 Sanne Smit · Joke de Wit: the period of 12 months from 9999-12-31 runs past 9999-12-31, the last date the calendar knows\n\
          \x20 Sanne Smit · Kees Bos: the period of 12 months from 9999-12-31 runs past 9999-12-31, the last date the calendar knows\n",
         "warning: No review falls in this period; the pairs that could not be placed say why.\n"),
        (&["--start", "9999-12-31"], "0 besprekingen gepland voor 3 koppelingen; 3 niet te plaatsen.\n",
         "let op: Er valt geen enkele bespreking in deze periode; bij de koppelingen die niet te plaatsen zijn staat waarom.\n"),
    ];
    for &(args, stdout, stderr) in cases {
        let (code, out, err) = schedule_text(args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(out.starts_with(stdout), "{args:?}:\n{out}");
        assert_eq!(err, stderr, "{args:?}");
    }
}

#[test]
fn calendar_files_name_the_cadence() {
    let dir = std::env::temp_dir().join(format!("doorgroei-cadence-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (weeks, lang, expected) in [
        (
            "4",
            "nl",
            "DESCRIPTION:Vierwekelijkse casusbespreking nummer 1",
        ),
        (
            "5",
            "nl",
            "DESCRIPTION:Vijfwekelijkse casusbespreking nummer 1",
        ),
        (
            "6",
            "nl",
            "DESCRIPTION:Zeswekelijkse casusbespreking nummer 1",
        ),
        (
            "6",
            "en",
            "DESCRIPTION:Case review number 1\\, every six weeks",
        ),
    ] {
        let file = dir.join(format!("{weeks}-{lang}.ics"));
        let (code, _, err) = schedule_text(&[
            "--start",
            "2027-01-04",
            "--cadence-weeks",
            weeks,
            "--lang",
            lang,
            "--ics",
            file.to_str().unwrap(),
        ]);
        assert_eq!(code, Some(0), "{err}");
        let ics = std::fs::read_to_string(&file).unwrap().replace("\r\n ", "");
        assert!(ics.contains(expected), "{weeks} {lang}: {ics}");
    }
}

/// The tester's roster: four existing pairs, each breaking a rule (same
/// team; locked with the mentee's own manager; no shared day; an avoided
/// mentor), and a mentor who fits everyone.
fn broken_pairs_roster() -> PathBuf {
    temp_file(
        "broken-pairs.csv",
        "id;name;role;team;days;capacity;manager;avoids;mentor;locked\n\
         s1;Sara Smit;sw-hbo-senior;Noord;ma|di;2;;;;\n\
         s2;Siem Sol;sw-hbo-senior;Oost;wo;2;;;;\n\
         s3;Stan Stam;sw-hbo-senior;West;ma|di|wo|do|vr;4;;;;\n\
         j1;Jan Jansen;sw-hbo-start;Noord;ma|di;;;;s1;nee\n\
         j2;Joke de Wit;sw-hbo-start;Zuid;ma|di;;s1;;s1;ja\n\
         j3;Kees Bos;sw-hbo-start;Zuid;ma;;;;s2;nee\n\
         j4;Lot Lam;sw-hbo-start;Zuid;ma|di|wo;;;s2;s2;nee\n",
    )
}

#[test]
fn existing_pairs_that_break_a_rule_end_or_are_flagged() {
    let ladder = pathways("welzijn-groeit.yaml");
    let roster = broken_pairs_roster();
    let args = ["match", ladder.to_str().unwrap(), roster.to_str().unwrap()];
    let out = doorgroei(&args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for line in [
        "4 van de 4 mentees hebben een mentor",
        "  Joke de Wit (j2) → Sara Smit (s1) 🔒",
        "      ⚠ vastgezet, maar breekt een regel: de mentor staat in de leidinggevende lijn van de mentee",
        "Beëindigd (breekt een regel en was niet vastgezet, iemand is vertrokken of de einddatum is bereikt):",
        "  Jan Jansen (j1) → Sara Smit (s1): mentor en mentee zitten in hetzelfde team",
        "  Kees Bos (j3) → Siem Sol (s2): mentor en mentee hebben geen werkdag gemeen",
        "  Lot Lam (j4) → Siem Sol (s2): de mentee wil deze mentor vermijden",
        "  Jan Jansen (j1) → Stan Stam (s3)",
        "  Kees Bos (j3) → Sara Smit (s1)",
        "  Lot Lam (j4) → Stan Stam (s3)",
    ] {
        assert!(stdout.contains(line), "{line:?} not in\n{stdout}");
    }
    let json = doorgroei(&[&args[..], &["--format", "json", "--lang", "en"]].concat());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let flagged: Vec<(&str, &str)> = value["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| {
            p["problems"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |c| (p["mentee"].as_str().unwrap(), c["rule"].as_str().unwrap()))
        })
        .collect();
    assert_eq!(flagged, [("j2", "management-line")]);
    let ended: Vec<&str> = value["ended"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["problems"][0]["rule"].as_str().unwrap())
        .collect();
    assert_eq!(ended, ["same-team", "shared-day", "avoided"]);

    // The schedule books no ended pair, and says which pair it keeps although it breaks a rule.
    let out = doorgroei(&[
        "schedule",
        ladder.to_str().unwrap(),
        roster.to_str().unwrap(),
        "--start",
        "2027-01-04",
        "--months",
        "2",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(!stdout.contains("Siem Sol ·"), "{stdout}");
    assert!(
        stdout.contains(
            "  ⚠ Sara Smit · Joke de Wit: de mentor staat in de leidinggevende lijn van de mentee"
        ),
        "{stdout}"
    );
    assert_eq!(
        text(&out.stderr),
        "let op: de koppeling Sara Smit · Joke de Wit breekt een regel: de mentor staat in de leidinggevende lijn van de mentee\n"
    );
}

#[test]
fn a_pairs_file_is_checked_like_any_file() {
    let ladder = pathways("welzijn-groeit.yaml");
    let roster = broken_pairs_roster();
    // (pairs file, exit code, stderr)
    #[rustfmt::skip]
    let cases: &[(&str, i32, &str)] = &[
        (r#"[{"mentee": "j1", "mentor": "zz"}]"#, 1,
         "p.json:1:29: onbekende persoon 'zz'\n"),
        (r#"[{"mentee": "j1", "mentor": "j1"}]"#, 1,
         "p.json:1:29: 'j1' is aan zichzelf gekoppeld; mentor en mentee moeten twee mensen zijn\n"),
        (r#"[{"mentee": "j1", "mentor": "s3"}, {"mentee": "j1", "mentor": "s3"}]"#, 1,
         "p.json:1:47: 'j1' heeft al een mentor in een eerdere koppeling (eerder op regel 1)\n"),
        (r#"[{"mentee": "j1", "mentor": "s3"}, {"mentee": "j3", "mentor": "s2"}]"#, 0,
         "let op: de koppeling Siem Sol · Kees Bos breekt een regel: mentor en mentee hebben geen werkdag gemeen\n"),
    ];
    let dir = std::env::temp_dir().join(format!("doorgroei-pairs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (pairs, code, stderr) in cases {
        let path = dir.join("p.json");
        std::fs::write(&path, pairs).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_doorgroei"))
            .current_dir(&dir)
            .args([
                "schedule",
                ladder.to_str().unwrap(),
                roster.to_str().unwrap(),
                "--pairs",
                "p.json",
                "--start",
                "2027-01-04",
            ])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(*code),
            "{pairs}: {}",
            text(&out.stderr)
        );
        assert_eq!(text(&out.stderr), *stderr, "{pairs}");
    }
    // Past the size limit: refused before it is read as JSON.
    let big = format!(
        "[{}]",
        r#"{"mentee": "j1", "mentor": "s3"},"#.repeat(210_000)
    );
    std::fs::write(dir.join("big.json"), big).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_doorgroei"))
        .current_dir(&dir)
        .args([
            "schedule",
            ladder.to_str().unwrap(),
            roster.to_str().unwrap(),
            "--pairs",
            "big.json",
            "--start",
            "2027-01-04",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with("big.json: bestand is te groot"),
        "{}",
        text(&out.stderr)
    );
}

/// Standard output of a run that must succeed.
fn stdout_of(args: &[&str]) -> String {
    let out = doorgroei(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// `doorgroei COMMAND welzijn-groeit.yaml ROSTER EXTRA…`, which must
/// succeed: its standard output.
fn with_roster(command: &str, roster: &Path, extra: &[&str]) -> String {
    let ladder = pathways("welzijn-groeit.yaml");
    let args = [command, ladder.to_str().unwrap(), roster.to_str().unwrap()];
    stdout_of(&[&args[..], extra].concat())
}

/// A ladder of `roles` roles (one promotion between each two) whose pay
/// scale 7 is listed `1 + duplicates` times: a warning per duplicate.
fn ladder_with(roles: usize, duplicates: usize) -> String {
    let mut text = String::from("schema: doorgroei/ladder@1\norganisation: Test\npay_scales:\n");
    for _ in 0..=duplicates {
        text.push_str("  - {scale: 7, min: 3026, max: 3774}\n");
    }
    text.push_str("roles:\n");
    for i in 0..roles {
        text.push_str(&format!("  - {{id: r{i}, name: {{nl: R{i}, en: R{i}}}, level: junior, mix: {{practice: 100}}, scale: {{min: 7, max: 7}}, education: hbo}}\n"));
    }
    text.push_str("transitions:\n");
    for i in 1..roles {
        text.push_str(&format!(
            "  - {{from: r{}, to: r{i}, kind: lateral}}\n",
            i - 1
        ));
    }
    if roles < 2 {
        text.push_str("  []\n");
    }
    text
}

#[test]
fn check_counts_roles_transitions_and_warnings_in_both_languages() {
    // (roles, duplicated pay scales, Dutch, English)
    #[rustfmt::skip]
    let cases = [
        (1, 0, "in orde (1 functie, 0 overgangen)", "ok (1 role, 0 transitions)"),
        (2, 1, "in orde (2 functies, 1 overgang), met 1 waarschuwing", "ok (2 roles, 1 transition), with 1 warning"),
        (3, 2, "in orde (3 functies, 2 overgangen), met 2 waarschuwingen", "ok (3 roles, 2 transitions), with 2 warnings"),
    ];
    for (roles, duplicates, nl, en) in cases {
        let file = temp_file(&format!("w{roles}.yaml"), &ladder_with(roles, duplicates));
        let path = file.to_str().unwrap();
        for (lang, expected) in [("nl", nl), ("en", en)] {
            let out = doorgroei(&["check", path, "--lang", lang]);
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            assert_eq!(text(&out.stdout), format!("{path}: {expected}\n"));
            assert_eq!(text(&out.stderr).lines().count(), duplicates, "{lang}");
        }
    }
}

#[test]
fn paths_text_counts_years_and_months_in_both_languages() {
    let ladder = pathways("welzijn-groeit.yaml");
    // (--years, language, lines that must be in the output)
    #[rustfmt::skip]
    let cases: [(&str, &str, &[&str]); 4] = [
        ("1", "en", &["From Domestic violence code officer (1 year in the role)\n", "\nNext steps:\n", "\nBest-fitting destinations:\n"]),
        ("0,92", "en", &["From Domestic violence code officer (0.92 years in the role)\n", "  Route 1 — 1 month\n"]),
        ("0", "nl", &["Vanaf Aandachtsfunctionaris meldcode (0 jaar in functie)\n", "  Route 1 — 12 maanden\n", "\nVolgende stappen:\n"]),
        ("0,92", "nl", &["Vanaf Aandachtsfunctionaris meldcode (0,92 jaar in functie)\n", "  Route 1 — 1 maand\n", "\nBest passende bestemmingen:\n"]),
    ];
    for (years, lang, lines) in cases {
        let stdout = stdout_of(&[
            "paths",
            ladder.to_str().unwrap(),
            "--from",
            "aandachtsfunctionaris",
            "--years",
            years,
            "--to",
            "praktijkadviseur-gemeente",
            "--today",
            "2026-03-01",
            "--lang",
            lang,
        ]);
        for line in lines {
            assert!(stdout.contains(line), "{line:?} not in\n{stdout}");
        }
    }
}

/// Two mentors with one place each: Sara has two locked mentees, Siem one
/// free place that Lot takes; Kees works on Saturdays only.
fn occupancy_roster() -> PathBuf {
    temp_file(
        "occupancy.csv",
        "id;name;role;team;days;capacity;mentor;locked\n\
         s1;Sara Smit;sw-hbo-senior;Noord;ma|di;1;;\n\
         s2;Siem Sol;sw-hbo-senior;Oost;ma|di;1;;\n\
         j1;Jan Jansen;sw-hbo-start;Zuid;ma|di;;s1;ja\n\
         j2;Joke de Wit;sw-hbo-start;Zuid;ma|di;;s1;ja\n\
         j3;Kees Bos;sw-hbo-start;Zuid;za;;;\n\
         j4;Lot Lam;sw-hbo-start;Zuid;ma;;;\n",
    )
}

#[test]
fn match_text_says_how_full_each_mentor_is_and_who_has_none() {
    let roster = occupancy_roster();
    // (language, lines that must be in the output)
    #[rustfmt::skip]
    let cases: [(&str, &[&str]); 2] = [
        ("nl", &[
            "3 van de 4 mentees hebben een mentor; totale score ",
            "      ⚠ vastgezet, maar breekt een regel: de mentor heeft meer mentees dan de capaciteit\n",
            "\nZonder mentor:\n  Kees Bos (j3): ",
            "\nMentees per mentor (bezetting):\n  Sara Smit (s1): 2 / 1 (te vol)\n  Siem Sol (s2): 1 / 1 (vol)\n",
        ]),
        ("en", &[
            "3 of 4 mentees have a mentor; total score ",
            "      ⚠ locked, but breaks a rule: the mentor has more mentees than the capacity\n",
            "\nWithout a mentor:\n  Kees Bos (j3): ",
            "\nMentees per mentor (load):\n  Sara Smit (s1): 2 / 1 (over capacity)\n  Siem Sol (s2): 1 / 1 (full)\n",
        ]),
    ];
    for (lang, lines) in cases {
        let stdout = with_roster("match", &roster, &["--lang", lang]);
        for line in lines {
            assert!(stdout.contains(line), "{line:?} not in\n{stdout}");
        }
    }
}

#[test]
fn the_match_summary_agrees_with_its_numbers() {
    let one = temp_file(
        "one.csv",
        "id;name;role;days;capacity\ns1;Sara Smit;sw-hbo-senior;ma;2\nj1;Jan Jansen;sw-hbo-start;ma;\n",
    );
    let none = temp_file(
        "none.csv",
        "id;name;role;days;capacity\ns1;Sara Smit;sw-hbo-senior;ma;2\nj1;Jan Jansen;sw-hbo-start;za;\n",
    );
    // (roster, language, first line)
    #[rustfmt::skip]
    let cases = [
        (&one, "nl", "1 van 1 mentee heeft een mentor; totale score "),
        (&one, "en", "1 of 1 mentee has a mentor; total score "),
        (&none, "nl", "de mentee heeft geen mentor; totale score 0"),
        (&none, "en", "the mentee has no mentor; total score 0"),
    ];
    for (roster, lang, first) in cases {
        let stdout = with_roster("match", roster, &["--lang", lang]);
        assert!(stdout.starts_with(first), "{first:?}\n{stdout}");
    }
}

#[test]
fn a_rematch_ends_no_pair_and_keeps_the_locked_ones() {
    let roster = broken_pairs_roster();
    let stdout = with_roster("match", &roster, &["--rematch"]);
    assert!(!stdout.contains("Beëindigd"), "{stdout}");
    assert!(
        stdout.contains("  Joke de Wit (j2) → Sara Smit (s1) 🔒"),
        "{stdout}"
    );
}

#[test]
fn schedule_json_has_the_documented_shape() {
    let roster = broken_pairs_roster();
    let stdout = with_roster(
        "schedule",
        &roster,
        &[
            "--start",
            "2027-01-04",
            "--months",
            "2",
            "--format",
            "json",
            "--lang",
            "en",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        json["pair_problems"],
        serde_json::json!([{
            "mentor": "s1",
            "mentee": "j2",
            "problems": [{
                "rule": "management-line",
                "message": "the mentor is in the mentee's management line",
            }],
        }])
    );
    let review = &json["reviews"][0];
    let keys: Vec<&str> = review
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(
        keys,
        [
            "date",
            "end",
            "ideal_date",
            "mentee",
            "mentor",
            "review",
            "start"
        ]
    );
    for (key, length) in [("date", 10), ("ideal_date", 10), ("start", 5), ("end", 5)] {
        assert_eq!(review[key].as_str().unwrap().len(), length, "{review}");
    }
    assert_eq!(review["review"], 1);
    assert!(json["unplaced"].is_array());
}

fn corpus(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/corpus")
        .join(path)
}

#[test]
fn columns_writes_the_recognised_columns_as_a_file_that_match_reads() {
    // (export, language, what stdout holds, exit code, what stderr holds)
    let cases = [
        (
            "afas/export-1252.csv",
            "nl",
            vec![
                "schema: doorgroei/columns@1\n",
                "id: \"Personeelsnummer\"\n",
                "start: \"Datum in dienst\"\n",
                "# niet gebruikt (worden niet gelezen): BSN, Geboortedatum\n",
            ],
            0,
            "",
        ),
        (
            "nmbrs/export.xlsx",
            "en",
            vec![
                "first_name: \"First name\"\n",
                "fte: \"FTE\"\n",
                "# not used (not read): Salary\n",
            ],
            0,
            "",
        ),
    ];
    for (file, lang, stdout, code, stderr) in cases {
        let path = corpus(file);
        let out = doorgroei(&["columns", path.to_str().unwrap(), "--lang", lang]);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{file}: {}",
            text(&out.stderr)
        );
        let shown = text(&out.stdout);
        for part in stdout {
            assert!(shown.contains(part), "{file}: {shown}");
        }
        assert_eq!(text(&out.stderr), stderr, "{file}");
    }

    // A file without the columns a roster needs: the file so far, and on
    // stderr what is missing, in the chosen language.
    let bare = temp_file("kaal.csv", "Naam;Functie;BSN\nJan;teamleider;123\n");
    let out = doorgroei(&["columns", bare.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "schema: doorgroei/columns@1\nname: \"Naam\"\nrole: \"Functie\"\n# niet gebruikt (worden niet gelezen): BSN\n"
    );
    assert!(
        text(&out.stderr).ends_with(
            "kaal.csv: geen kolom gevonden voor personeelsnummer, werkdagen; vul ze aan in het kolommenbestand en geef het mee met --columns\n"
        ),
        "{}",
        text(&out.stderr)
    );
    // No header row at all: said so, and no cell of the first row (it may
    // be someone's data) is written or quoted.
    let headless = temp_file("zonder-kop.csv", "1001;Tineke;teamleider;ma;123456782\n");
    let out = doorgroei(&["columns", headless.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "");
    assert!(text(&out.stderr).contains("zonder-kop.csv:1:1: geen kopregel gevonden"));
    assert!(!text(&out.stderr).contains("123456782"));

    // No column recognised: a columns file to fill in, every header in it
    // (a field recognised already filled in), exit 1 and on stderr why.
    // (file text, language, stdout, the end of stderr)
    let cases = [
        (
            "Nr;Wie;Wat;Wanneer;BSN\n1;Tineke;teamleider;ma;123456782\n",
            "nl",
            "schema: doorgroei/columns@1\n\
             # De kolommen hieronder zijn niet herkend. Zet bij elke die een veld van het\n\
             # rooster bevat dat veld in plaats van 'veld' en haal '# ' weg; laat de andere\n\
             # staan. Verplicht zijn id, name, role en days.\n\
             # Velden: id, name, first_name, infix, last_name, role, team, location, manager, specialisms, languages, days, hours, fte, career_switcher, start, needs_mentor, capacity, coaching, prefers, avoids, email, absent, intervisie, last_supervision, leaves, earlier_mentors, registered, mentor, locked\n\
             # veld: \"Nr\"\n# veld: \"Wie\"\n# veld: \"Wat\"\n# veld: \"Wanneer\"\n# veld: \"BSN\"\n",
            "onbekend.csv: geen kolom herkend; vul het kolommenbestand in en geef het mee met --columns\n",
        ),
        (
            "Overzicht 2027\nNaam;Wie;\"Wat\nprecies\"\nJan;x;y\n",
            "en",
            "schema: doorgroei/columns@1\nname: \"Naam\"\n\
             # The columns below are not recognised. For each that holds a roster field,\n\
             # put that field in place of 'field' and remove '# '; leave the others.\n\
             # Required are id, name, role and days.\n\
             # Fields: id, name, first_name, infix, last_name, role, team, location, manager, specialisms, languages, days, hours, fte, career_switcher, start, needs_mentor, capacity, coaching, prefers, avoids, email, absent, intervisie, last_supervision, leaves, earlier_mentors, registered, mentor, locked\n\
             # field: \"Wie\"\n# field: \"Wat precies\"\n",
            "onbekend.csv: no column found for employee id, role, working days; add them to the columns file and pass it with --columns\n",
        ),
    ];
    for (file, lang, stdout, stderr) in cases {
        let path = temp_file("onbekend.csv", file);
        let out = doorgroei(&["columns", path.to_str().unwrap(), "--lang", lang]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert_eq!(text(&out.stdout), stdout, "{file}");
        assert!(text(&out.stderr).ends_with(stderr), "{}", text(&out.stderr));
    }

    // The columns file, corrected by hand, read by match with --columns.
    let export = temp_file(
        "eigen.csv",
        "Nr;Wie;Wat;Wanneer\n1;Tineke Bakker;Teamleider;ma di\n2;Zeynep Öztürk;Sociaal werker HBO startbekwaam;di\n",
    );
    let columns = temp_file(
        "kolommen.yaml",
        "schema: doorgroei/columns@1\nid: Nr\nname: Wie\nrole: Wat\ndays: Wanneer\n",
    );
    let ladder = pathways("welzijn-groeit.yaml");
    let out = doorgroei(&[
        "match",
        ladder.to_str().unwrap(),
        export.to_str().unwrap(),
        "--columns",
        columns.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // No capacity column: the team leader (lead) takes the default 1.
    assert_eq!(json["pairs"][0]["mentee"], "2", "{json}");
    assert_eq!(json["pairs"][0]["mentor"], "1", "{json}");
    // Without it, those headers mean nothing.
    let out = doorgroei(&["match", ladder.to_str().unwrap(), export.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("geen kopregel gevonden"));
    // A columns file naming a header the export does not have.
    let wrong = temp_file(
        "fout.yaml",
        "schema: doorgroei/columns@1\nid: Nummer\nname: Wie\nrole: Wat\ndays: Wanneer\n",
    );
    let out = doorgroei(&[
        "match",
        ladder.to_str().unwrap(),
        export.to_str().unwrap(),
        "--columns",
        wrong.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .contains("eigen.csv:1:1: the column 'Nummer' (for employee id) is not in the file"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn match_reads_a_workbook_and_names_its_sheet() {
    let ladder = pathways("welzijn-groeit.yaml");
    let book = corpus("coordinator/export.xlsx");
    let out = doorgroei(&[
        "match",
        ladder.to_str().unwrap(),
        book.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("niet gebruikt: Opmerkingen"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pairs = json["pairs"].as_array().unwrap();
    assert!(
        pairs
            .iter()
            .any(|p| p["mentee"] == "1004" && p["mentor"] == "1002" && p["locked"] == true),
        "{json}"
    );
    // A sheet that is not there.
    let out = doorgroei(&[
        "match",
        ladder.to_str().unwrap(),
        book.to_str().unwrap(),
        "--sheet",
        "Blad2",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(
            "export.xlsx: er is geen blad 'Blad2'; de bladen zijn: Blad1; bedoel je 'Blad1'?"
        ),
        "{}",
        text(&out.stderr)
    );
    // Mistakes at their cell.
    let faulty = corpus("fouten/export.xlsx");
    let out = doorgroei(&[
        "match",
        ladder.to_str().unwrap(),
        faulty.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .contains("export.xlsx: Personeel!E5: Datum in dienst: invalid value '4-1-27'"),
        "{}",
        text(&out.stderr)
    );
}

/// welzijn-vlak with `from` replaced by `to`, as a file of its own.
fn vlak_with(name: &str, from: &str, to: &str) -> PathBuf {
    let text = std::fs::read_to_string(pathways("welzijn-vlak.yaml")).unwrap();
    assert!(text.contains(from), "{from}");
    temp_file(name, &text.replacen(from, to, 1))
}

#[test]
fn diff_says_what_changed_and_exits_as_diff_does() {
    let old = pathways("welzijn-vlak.yaml");
    let old = old.to_str().unwrap();
    let new = vlak_with(
        "vlak-nieuw.yaml",
        "  - {from: sociaal-werker-hbo, to: teamleider, kind: promotion, min_years: 3}\n",
        "  - {from: sociaal-werker-hbo, to: teamleider, kind: promotion, min_years: 2}\n  - {from: sociaal-werker-hbo, to: jongerenwerker, kind: lateral}\n",
    );
    let new = new.to_str().unwrap();
    let broken = vlak_with("vlak-kapot.yaml", "level: lead", "level: leader");
    let broken = broken.to_str().unwrap();
    // (old, new, language, exit code, stdout)
    #[rustfmt::skip]
    let cases: [(&str, &str, &str, i32, String); 5] = [
        (old, old, "nl", 0, format!("{old} → {old}: geen verschillen\n")),
        (old, old, "en", 0, format!("{old} → {old}: no differences\n")),
        (old, new, "nl", 1, format!("{old} → {new}: 2 veranderingen\n- Overgang Sociaal werker (HBO) → Teamleider: minimaal 3 jaar → 2 jaar.\n- Overgang toegevoegd: Sociaal werker (HBO) → Jongerenwerker (zijstap).\n")),
        (old, new, "en", 1, format!("{old} → {new}: 2 changes\n- Transition Social worker (HBO) → Team leader: at least 3 years → 2 years.\n- Transition added: Social worker (HBO) → Youth worker (lateral move).\n")),
        (new, old, "en", 1, format!("{new} → {old}: 2 changes\n- Transition removed: Social worker (HBO) → Youth worker (was lateral move).\n- Transition Social worker (HBO) → Team leader: at least 2 years → 3 years.\n")),
    ];
    for (a, b, lang, code, expected) in cases {
        let out = doorgroei(&["diff", a, b, "--lang", lang]);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{a} {b}: {}",
            text(&out.stderr)
        );
        assert_eq!(text(&out.stdout), expected);
        assert!(out.stderr.is_empty());
    }
    // Files that cannot be compared: their problems on stderr, exit 2.
    #[rustfmt::skip]
    let troubles: [(&[&str], &str); 3] = [
        (&["diff", old, "/no/such.yaml"], "/no/such.yaml: dit bestand bestaat niet"),
        (&["diff", broken, old, "--lang", "en"], "unknown level 'leader'; expected one of junior, medior, senior, lead; did you mean 'lead'?"),
        (&["diff", old], "required arguments were not provided"),
    ];
    for (args, said) in troubles {
        let out = doorgroei(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            text(&out.stderr).contains(said),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn diff_json_has_the_documented_shape() {
    let old = pathways("welzijn-vlak.yaml");
    let new = vlak_with(
        "vlak-json.yaml",
        "    scale: {min: 10, max: 10}",
        "    scale: {min: 10, max: 11}",
    );
    let out = doorgroei(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["old"], old.to_str().unwrap());
    assert_eq!(json["new"], new.to_str().unwrap());
    assert_eq!(json["equal"], false);
    assert_eq!(json["summary"], "1 verandering");
    assert_eq!(
        json["changes"],
        serde_json::json!([{
            "change": "role_changed",
            "id": "teamleider",
            "name": {"nl": "Teamleider", "en": "Team leader"},
            "old": {"field": "scale", "value": {"min": 10, "max": 10}},
            "new": {"field": "scale", "value": {"min": 10, "max": 11}},
            "text": "Teamleider (teamleider): schaal 10 → 10–11."
        }])
    );
    let same = doorgroei(&[
        "diff",
        old.to_str().unwrap(),
        old.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(same.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&same.stdout).unwrap();
    assert_eq!(json["equal"], true);
    assert_eq!(json["summary"], "no differences");
    assert_eq!(json["changes"], serde_json::json!([]));
}

#[test]
fn fmt_writes_the_canonical_layout_and_keeps_comments_unless_forced() {
    let example = std::fs::read_to_string(pathways("welzijn-groeit.yaml")).unwrap();
    let without_comments: String = example
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    let plain = temp_file("fmt-plain.yaml", &without_comments);
    let commented = temp_file("fmt-commented.yaml", &example);
    let broken = temp_file(
        "fmt-broken.yaml",
        "schema: doorgroei/ladder@1\norganisation: X\nroles: []\n",
    );
    let (plain, commented, broken) = (
        plain.to_str().unwrap(),
        commented.to_str().unwrap(),
        broken.to_str().unwrap(),
    );

    // --check changes nothing and lists what would change.
    let out = doorgroei(&["fmt", "--check", plain, commented, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), format!("{plain}\n{commented}\n"));
    assert_eq!(
        text(&out.stderr),
        format!("{commented}: note: rewriting it would remove its comments (lines with #)\n")
    );
    assert_eq!(std::fs::read_to_string(plain).unwrap(), without_comments);

    // Without --force, a file with comments is left alone.
    let out = doorgroei(&["fmt", plain, commented, broken]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        format!("{plain}: herschreven in de vaste opmaak\n")
    );
    let stderr = text(&out.stderr);
    assert!(stderr.contains(&format!("{commented}: niet herschreven: de opmerkingen (regels met #) zouden verloren gaan; gebruik --force om het toch te doen\n")), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{broken}:3:8: het functiehuis bevat geen functies"
        )),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(commented).unwrap(), example);
    let written = std::fs::read_to_string(plain).unwrap();
    assert!(written.starts_with(
        "# yaml-language-server: $schema=./schema/ladder.schema.json\nschema: doorgroei/ladder@1\n"
    ));

    // The written file is the same ladder, and already canonical.
    let example_path = pathways("welzijn-groeit.yaml");
    let same = doorgroei(&["diff", example_path.to_str().unwrap(), plain]);
    assert_eq!(same.status.code(), Some(0), "{}", text(&same.stdout));
    let out = doorgroei(&["fmt", "--check", plain]);
    assert_eq!(
        (out.status.code(), text(&out.stdout)),
        (Some(0), String::new())
    );
    let out = doorgroei(&["fmt", plain]);
    assert_eq!(
        (out.status.code(), text(&out.stdout)),
        (Some(0), String::new())
    );

    // --force rewrites it anyway, and says what was lost.
    let out = doorgroei(&["fmt", "--force", commented, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        format!("{commented}: note: its comments (lines with #) were not kept\n")
    );
    assert_eq!(std::fs::read_to_string(commented).unwrap(), written);
}

#[test]
fn version_and_shell_completions() {
    let out = doorgroei(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        text(&out.stdout).trim(),
        format!("doorgroei {}", env!("CARGO_PKG_VERSION"))
    );
    let commands = [
        "check", "scan", "paths", "match", "schedule", "graph", "columns", "diff", "fmt",
    ];
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = doorgroei(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", text(&out.stderr));
        let script = text(&out.stdout);
        let missing: Vec<&str> = commands
            .iter()
            .copied()
            .filter(|c| !script.contains(c))
            .collect();
        assert!(missing.is_empty(), "{shell} completes no {missing:?}");
        // Options too (fish writes them without dashes: `-l lang`).
        assert!(
            script.contains("lang") && script.contains("ics-dir"),
            "{shell}"
        );
    }
    // The bash script is valid bash.
    let bash = text(&doorgroei(&["completions", "bash"]).stdout);
    let path = temp_file("doorgroei.bash", &bash);
    let checked = Command::new("bash").arg("-n").arg(&path).output().unwrap();
    assert!(checked.status.success(), "{}", text(&checked.stderr));
    // An unknown shell is a usage error that lists the known ones.
    let out = doorgroei(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("bash, elvish, fish, powershell, zsh"));
}

/// A review not on its ideal day says from which day and why, in the text
/// of either language (dates as the language writes them) and in JSON.
#[test]
fn schedule_says_why_a_review_moved() {
    let ladder = pathways("welzijn-groeit.yaml");
    let roster = pathways("rooster-welzijn-groeit.csv");
    let pairs = matched_pairs();
    let run = |extra: &[&str]| {
        let mut args = vec![
            "schedule",
            ladder.to_str().unwrap(),
            roster.to_str().unwrap(),
            "--pairs",
            pairs.to_str().unwrap(),
            "--start",
            "2027-01-04",
        ];
        args.extend_from_slice(extra);
        let out = doorgroei(&args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    let moved: Vec<&serde_json::Value> = json["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["date"] != r["ideal_date"])
        .collect();
    assert!(!moved.is_empty());
    for r in json["reviews"].as_array().unwrap() {
        let on_its_day = r["date"] == r["ideal_date"];
        assert_eq!(
            r["moved"].as_str().is_some_and(|s| s.len() > 3),
            !on_its_day,
            "{r}"
        );
    }
    let iso = |s: &str| {
        s.as_bytes().windows(10).any(|w| {
            w[4] == b'-'
                && w[7] == b'-'
                && w.iter()
                    .enumerate()
                    .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        })
    };
    let nl = run(&["--lang", "nl"]);
    let said: Vec<&str> = nl
        .lines()
        .filter(|l| l.contains("(verschoven van "))
        .collect();
    assert_eq!(said.len(), moved.len(), "{nl}");
    for line in &said {
        assert!(!iso(line), "an ISO date in Dutch: {line}");
        let why = line.split("(verschoven van ").nth(1).unwrap();
        assert!(
            why.split_once(": ").is_some_and(|(_, r)| r.len() > 3),
            "{line}"
        );
    }
    let en = run(&["--lang", "en"]);
    let said: Vec<&str> = en.lines().filter(|l| l.contains("(moved from ")).collect();
    assert_eq!(said.len(), moved.len(), "{en}");
    assert!(said.iter().all(|l| iso(l) && l.contains(": ")), "{en}");
}

#[test]
fn compare_puts_two_roles_side_by_side_in_both_languages() {
    let ladder = pathways("welzijn-groeit.yaml");
    let l = ladder.to_str().unwrap();
    // By id and by name (either language, any case).
    let nl = stdout_of(&["compare", l, "sw-hbo-senior", "praktijkopleider"]);
    let by_name = stdout_of(&[
        "compare",
        l,
        "Senior sociaal werker HBO",
        "Practice trainer",
    ]);
    assert_eq!(nl, by_name);
    assert!(
        nl.starts_with("Senior sociaal werker HBO  ↔  Praktijkopleider\n"),
        "{nl}"
    );
    assert!(
        nl.contains(
            "  werkverdeling              100% uitvoering    |  50% uitvoering, 50% opleiden\n"
        ),
        "{nl}"
    );
    assert!(
        nl.contains("  salaris (bruto per maand)  € 3.490 – € 4.830  |  € 3.490 – € 4.830\n"),
        "{nl}"
    );
    assert!(
        nl.contains("Competenties in beide:\n  Intervisie begeleiden (voldoende)\n"),
        "{nl}"
    );
    assert!(nl.contains("Alleen in Senior sociaal werker HBO:\n  Complexe casuïstiek (sterk), Netwerkregie (voldoende)\n"), "{nl}");
    assert!(
        nl.contains("  Praktijkopleider → Senior sociaal werker HBO: geen route\n"),
        "{nl}"
    );
    let en = stdout_of(&[
        "compare",
        l,
        "sw-hbo-senior",
        "praktijkopleider",
        "--lang",
        "en",
    ]);
    assert!(
        en.contains("  pay (gross a month)  €3,490 – €4,830  |  €3,490 – €4,830\n"),
        "{en}"
    );
    assert!(en.contains("Only in Practice trainer:\n  Coachen (sufficient), Begeleiden van stagiairs (strong)\n"), "{en}");
    assert!(
        en.contains("  Practice trainer → Senior social worker (HBO): no route\n"),
        "{en}"
    );
}

#[test]
fn compare_json_has_the_documented_shape() {
    let ladder = pathways("welzijn-groeit.yaml");
    let out = stdout_of(&[
        "compare",
        ladder.to_str().unwrap(),
        "sw-hbo-vak",
        "sw-hbo-senior",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["a"], "sw-hbo-vak");
    assert_eq!(v["b"], "sw-hbo-senior");
    let fields: Vec<&str> = v["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "level",
            "mix",
            "scale",
            "pay",
            "education",
            "manages_people"
        ]
    );
    assert_eq!(v["fields"][0]["a"], "medior");
    assert_eq!(v["fields"][0]["b"], "senior");
    assert_eq!(v["fields"][1]["a"]["practice"], 100);
    assert_eq!(v["fields"][2]["b"]["max"], 10);
    assert_eq!(v["fields"][5]["b"], false);
    assert_eq!(
        v["competencies"]["shared"],
        serde_json::json!([{"name": "Complexe casuïstiek", "a": "voldoende", "b": "sterk"}])
    );
    assert_eq!(
        v["competencies"]["only_b"][1],
        serde_json::json!({"name": "Netwerkregie", "level": "voldoende"})
    );
    // A promotion after at least a few years one way, none back.
    assert!(v["routes"]["a_to_b"].as_u64().unwrap() > 0);
    assert!(v["routes"]["b_to_a"].is_null());
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 5);
}

#[test]
fn compare_refuses_an_unknown_role_with_the_closest_names() {
    let ladder = pathways("welzijn-groeit.yaml");
    for (lang, expected) in [
        (
            "nl",
            "onbekende functie 'teamleidr'; bedoel je 'teamleider'?",
        ),
        ("en", "unknown role 'teamleidr'; did you mean 'teamleider'?"),
    ] {
        let out = doorgroei(&[
            "compare",
            ladder.to_str().unwrap(),
            "teamleidr",
            "sw-hbo-vak",
            "--lang",
            lang,
        ]);
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty());
        assert!(
            text(&out.stderr).contains(expected),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn paths_warns_about_rated_competencies_the_ladder_does_not_know() {
    let ladder = pathways("welzijn-groeit.yaml");
    let sanne = std::fs::read_to_string(pathways("profiel-sanne.yaml")).unwrap();
    let profile = temp_file(
        "onbekend.yaml",
        &sanne.replace("  Netwerkregie: basis", "  Netwerkregi: basis"),
    );
    let out = doorgroei(&[
        "paths",
        ladder.to_str().unwrap(),
        "--profile",
        profile.to_str().unwrap(),
        "--today",
        "2026-11-22",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("de competentie 'Netwerkregi'; je oordeel wordt bewaard maar telt nergens mee; bedoel je 'Netwerkregie'?\n"),
        "{stderr}"
    );
    // A profile without a current role: said so, nothing planned.
    let first = temp_file(
        "eerste.yaml",
        "schema: doorgroei/profile@1\neducation: hbo\n",
    );
    for (lang, expected) in [
        ("nl", "noemt geen huidige functie"),
        ("en", "names no current role"),
    ] {
        let out = doorgroei(&[
            "paths",
            ladder.to_str().unwrap(),
            "--profile",
            first.to_str().unwrap(),
            "--lang",
            lang,
        ]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            text(&out.stderr).contains(expected),
            "{}",
            text(&out.stderr)
        );
    }
}
