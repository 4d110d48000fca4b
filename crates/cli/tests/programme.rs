//! `doorgroei status` and `doorgroei hours` on the example files: output,
//! languages and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn pathways(name: &str) -> String {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../pathways")
        .join(name);
    path.to_str().unwrap().to_string()
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

fn temp_file(name: &str, contents: &str) -> String {
    let dir = std::env::temp_dir().join(format!("doorgroei-programme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_str().unwrap().to_string()
}

/// `doorgroei <command> ladder roster --log LOG <rest>` on the examples.
fn run(command: &str, log: &str, rest: &[&str]) -> Output {
    let (ladder, roster) = (
        pathways("welzijn-groeit.yaml"),
        pathways("rooster-welzijn-groeit.yaml"),
    );
    let mut args = vec![command, &ladder, &roster, "--log", log];
    args.extend_from_slice(rest);
    doorgroei(&args)
}

fn json_of(out: &Output) -> Value {
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn status_json_has_exactly_the_issues_fields() {
    let log = pathways("besprekingen-welzijn-groeit.yaml");
    let v = json_of(&run(
        "status",
        &log,
        &["--today", "2027-07-01", "--format", "json"],
    ));
    let keys = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&v), ["pairs", "today", "totals"]);
    assert_eq!(v["today"], "2027-07-01");
    let pairs = v["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 18);
    assert_eq!(
        keys(&pairs[0]),
        [
            "held",
            "last_held",
            "mentee",
            "mentor",
            "on_time",
            "planned",
            "state"
        ]
    );
    assert_eq!(
        keys(&v["totals"]),
        ["behind", "ended", "held", "lapsed", "on_track", "pairs", "planned"]
    );
    // The totals are the pairs' sums.
    let sum = |f: &str| pairs.iter().map(|p| p[f].as_u64().unwrap()).sum::<u64>();
    let count = |s: &str| pairs.iter().filter(|p| p["state"] == s).count() as u64;
    let t = &v["totals"];
    assert_eq!(t["pairs"], 18);
    assert_eq!(t["planned"], sum("planned"));
    assert_eq!(t["held"], sum("held"));
    for s in ["on_track", "behind", "lapsed", "ended"] {
        assert_eq!(t[s], count(s), "{s}");
    }
    // The example log's stories: one pair went quiet after February, one
    // cancelled its June review for workload.
    let state = |mentor: &str, mentee: &str| {
        pairs
            .iter()
            .find(|p| p["mentor"] == mentor && p["mentee"] == mentee)
            .map(|p| p["state"].clone())
    };
    assert_eq!(state("m0002", "j0008"), Some("lapsed".into()));
    assert_eq!(state("m0004", "j0017"), Some("behind".into()));
    // On 1 April the quiet pair's last review was held in February.
    let april = json_of(&run(
        "status",
        &log,
        &["--today", "2027-04-01", "--format", "json"],
    ));
    let p = april["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["mentee"] == "j0008")
        .unwrap()
        .clone();
    assert_eq!(p["last_held"], "2027-02-18");
}

#[test]
fn status_reads_the_csv_log_as_the_yaml_one() {
    let args = [
        "--today",
        "2027-07-01",
        "--format",
        "json",
        "--start",
        "2027-01-04",
    ];
    let yaml = run(
        "status",
        &pathways("besprekingen-welzijn-groeit.yaml"),
        &args,
    );
    let csv = run(
        "status",
        &pathways("besprekingen-welzijn-groeit.csv"),
        &args,
    );
    assert_eq!(json_of(&yaml), json_of(&csv));
}

#[test]
fn status_text_puts_the_pairs_needing_attention_first_in_either_language() {
    let log = pathways("besprekingen-welzijn-groeit.yaml");
    for (lang, attention, rest, lapsed, totals) in [
        (
            "nl",
            "Aandacht nodig:",
            "Overige koppelingen:",
            "stilgevallen",
            "18 koppelingen: ",
        ),
        (
            "en",
            "Needs attention:",
            "Other pairs:",
            "lapsed",
            "18 pairs: ",
        ),
    ] {
        let out = run("status", &log, &["--today", "2027-07-01", "--lang", lang]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        let lines: Vec<&str> = stdout.lines().collect();
        let a = lines.iter().position(|l| *l == attention).expect(&stdout);
        let r = lines.iter().position(|l| *l == rest).expect(&stdout);
        assert!(a < r, "{stdout}");
        assert!(lines[a + 1].contains(lapsed), "{stdout}");
        assert!(lines.iter().any(|l| l.starts_with(totals)), "{stdout}");
        // Dates as the language writes them: 1-7-2027, 2027-07-01.
        let (day, other) = match lang {
            "nl" => ("1-7-2027", "2027-07-01"),
            _ => ("2027-07-01", "1-7-2027"),
        };
        assert!(lines[0].contains(day), "{stdout}");
        assert!(!stdout.contains(other), "{stdout}");
    }
}

#[test]
fn status_csv_has_dutch_headers_by_default() {
    let log = pathways("besprekingen-welzijn-groeit.yaml");
    let out = run(
        "status",
        &log,
        &["--today", "2027-07-01", "--format", "csv"],
    );
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout.lines().next(),
        Some("mentor;naam_mentor;mentee;naam_mentee;stand;gepland;gehouden;op_tijd;laatst_gehouden;maanden")
    );
    assert_eq!(stdout.lines().count(), 19);
}

#[test]
fn a_bad_log_is_refused_with_exit_code_1_at_its_line_and_column() {
    let log = temp_file(
        "log.csv",
        "datum;mentor;mentee;status\n4-1-2027;m0002;j0011;gehouden\n5-1-2027;m0002;j0011;gehoudn\n",
    );
    let out = run("status", &log, &["--today", "2027-07-01"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("log.csv:3:4: onbekende status 'gehoudn'; toegestaan: gehouden, verzet, vervallen; bedoel je 'gehouden'?"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn usage_errors_exit_with_2() {
    let log = pathways("besprekingen-welzijn-groeit.yaml");
    assert_eq!(run("status", &log, &[]).status.code(), Some(2));
    assert_eq!(
        run("status", &log, &["--today", "1-7-2027x"]).status.code(),
        Some(2)
    );
    let out = run(
        "hours",
        &log,
        &["--from", "2027-07-01", "--to", "2027-01-01", "--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--from (2027-07-01) is after --to (2027-01-01)"));
}

#[test]
fn hours_are_the_held_minutes_over_sixty() {
    let log = pathways("besprekingen-welzijn-groeit.yaml");
    let v = json_of(&run("hours", &log, &["--format", "json"]));
    let people = v["people"].as_array().unwrap();
    let keys: Vec<String> = people[0].as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "hours_as_mentee",
            "hours_as_mentor",
            "id",
            "name",
            "period_end",
            "period_start"
        ]
    );
    // Every held review counts once for its mentor and once for its mentee.
    let sum = |f: &str| people.iter().map(|p| p[f].as_f64().unwrap()).sum::<f64>();
    assert!((sum("hours_as_mentor") - sum("hours_as_mentee")).abs() < 0.01);
    // The held minutes, read from the log itself.
    let text_log = std::fs::read_to_string(&log).unwrap();
    let minutes: u64 = text_log
        .lines()
        .filter(|l| l.contains("status: gehouden"))
        .map(|l| {
            l.split("minutes: ")
                .nth(1)
                .map_or(60, |m| m.trim_end_matches('}').parse().unwrap())
        })
        .sum();
    assert!(
        (sum("hours_as_mentor") - minutes as f64 / 60.0).abs() < 0.01 * people.len() as f64,
        "{} vs {minutes} minutes",
        sum("hours_as_mentor")
    );
    // CSV: Dutch headers and decimal commas by default; English on request.
    let csv = text(&run("hours", &log, &[]).stdout);
    assert_eq!(
        csv.lines().next(),
        Some("id;naam;periode_begin;periode_eind;uren_als_mentor;uren_als_mentee")
    );
    assert_eq!(csv.lines().count(), people.len() + 1);
    assert!(
        csv.contains(",25") || csv.contains(",5") || csv.contains(",75"),
        "{csv}"
    );
    let en = text(&run("hours", &log, &["--lang", "en", "--from", "2027-03-01"]).stdout);
    assert_eq!(
        en.lines().next(),
        Some("id;name;period_start;period_end;hours_as_mentor;hours_as_mentee")
    );
    assert!(
        en.lines()
            .skip(1)
            .all(|l| l.contains(";2027-03-01;2027-12-31;")),
        "{en}"
    );
}

/// Two mentors and two mentees, three of them registered in the
/// Registerplein (one on a leap day, one who held no review), and their
/// log: each case is the arguments after the files and the output.
#[test]
fn hours_per_registration_period_from_the_rosters_registered_day() {
    let roster = temp_file(
        "registered.csv",
        "id;naam;functie;werkdagen;registratiedatum\n\
         s1;Sanne de Vries;sw-hbo-senior;ma|di;29-2-2024\n\
         s2;Bram Jansen;sw-hbo-senior;ma;\n\
         s3;Eva Smit;sw-hbo-senior;ma;1-5-2020\n\
         j1;Jan Bos;sw-hbo-start;ma;1-3-2022\n\
         j2;Kim Lam;sw-hbo-start;ma;\n",
    );
    let log = temp_file(
        "registered-log.csv",
        "datum;mentor;mentee;status;nieuwe datum;reden;minuten\n\
         28-2-2029;s1;j1;gehouden;;;90\n\
         27-2-2029;s1;j2;gehouden;;;\n\
         1-3-2027;s2;j1;gehouden;;;45\n\
         28-2-2027;s2;j1;gehouden;;;30\n\
         5-3-2027;s2;j2;vervallen;;ziek;\n",
    );
    let ladder = pathways("welzijn-groeit.yaml");
    let cases: &[(&[&str], &str)] = &[
        // Registration periods from the day, to the day before five years
        // on (from 29 February: 28 February in other years); calendar
        // years without a day; only periods with hours.
        (
            &[],
            "id;naam;periode_begin;periode_eind;uren_als_mentor;uren_als_mentee\n\
             j1;Jan Bos;2022-03-01;2027-02-28;0;0,5\n\
             j1;Jan Bos;2027-03-01;2032-02-29;0;2,25\n\
             j2;Kim Lam;2029-01-01;2029-12-31;0;1\n\
             s1;Sanne de Vries;2024-02-29;2029-02-27;1;0\n\
             s1;Sanne de Vries;2029-02-28;2034-02-27;1,5;0\n\
             s2;Bram Jansen;2027-01-01;2027-12-31;1,25;0\n",
        ),
        // --from and --to cut the periods; every registration period they
        // overlap is listed, also without hours (Eva).
        (
            &["--from", "2027-01-01", "--to", "2029-12-31", "--lang", "en"],
            "id;name;period_start;period_end;hours_as_mentor;hours_as_mentee\n\
             j1;Jan Bos;2027-01-01;2027-02-28;0;0.5\n\
             j1;Jan Bos;2027-03-01;2029-12-31;0;2.25\n\
             j2;Kim Lam;2029-01-01;2029-12-31;0;1\n\
             s1;Sanne de Vries;2027-01-01;2029-02-27;1;0\n\
             s1;Sanne de Vries;2029-02-28;2029-12-31;1.5;0\n\
             s2;Bram Jansen;2027-01-01;2027-12-31;1.25;0\n\
             s3;Eva Smit;2027-01-01;2029-12-31;0;0\n",
        ),
        // With only one of them, only periods with hours.
        (
            &["--from", "2027-03-01", "--lang", "en"],
            "id;name;period_start;period_end;hours_as_mentor;hours_as_mentee\n\
             j1;Jan Bos;2027-03-01;2032-02-29;0;2.25\n\
             j2;Kim Lam;2029-01-01;2029-12-31;0;1\n\
             s1;Sanne de Vries;2027-03-01;2029-02-27;1;0\n\
             s1;Sanne de Vries;2029-02-28;2034-02-27;1.5;0\n\
             s2;Bram Jansen;2027-03-01;2027-12-31;0.75;0\n",
        ),
        (
            &["--to", "2027-02-28", "--format", "json"],
            r#"{
  "people": [
    {
      "id": "j1",
      "name": "Jan Bos",
      "period_start": "2022-03-01",
      "period_end": "2027-02-28",
      "hours_as_mentor": 0.0,
      "hours_as_mentee": 0.5
    },
    {
      "id": "s2",
      "name": "Bram Jansen",
      "period_start": "2027-01-01",
      "period_end": "2027-02-28",
      "hours_as_mentor": 0.5,
      "hours_as_mentee": 0.0
    }
  ]
}
"#,
        ),
    ];
    for (rest, expected) in cases {
        let mut args = vec!["hours", &ladder, &roster, "--log", &log];
        args.extend_from_slice(rest);
        let out = doorgroei(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{rest:?}: {}",
            text(&out.stderr)
        );
        assert_eq!(text(&out.stdout), *expected, "{rest:?}");
    }
}
