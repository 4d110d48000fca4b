//! `doorgroei intervisie` as a user runs it: the documented JSON shapes,
//! the problem dump checked against the groups, earlier groups read back,
//! calendars, the supervision list, and refusals with their exit codes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn pathways(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../pathways")
        .join(name)
        .display()
        .to_string()
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

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("doorgroei-intervisie-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// `doorgroei intervisie` on the example ladder and roster with `extra`;
/// stdout, after checking it succeeded without a word on stderr.
fn run(extra: &[&str]) -> String {
    let (ladder, roster) = (
        pathways("welzijn-groeit.yaml"),
        pathways("rooster-welzijn-groeit.csv"),
    );
    let args = [&["intervisie", ladder.as_str(), roster.as_str()], extra].concat();
    let out = doorgroei(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        text(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn the_json_has_the_documented_shape_and_agrees_with_the_dumped_problem() {
    let dump = temp("problem.json");
    let out = run(&["--format", "json", "--dump-problem", dump.to_str().unwrap()]);
    let json: Value = serde_json::from_str(&out).unwrap();
    let problem: Value = serde_json::from_str(&std::fs::read_to_string(&dump).unwrap()).unwrap();
    // The problem: the documented keys, the example's sizes.
    for key in [
        "people",
        "min_size",
        "max_size",
        "days",
        "forbidden",
        "pair_scores",
    ] {
        assert!(problem.get(key).is_some(), "{key}");
    }
    assert_eq!(
        (problem["min_size"].as_u64(), problem["max_size"].as_u64()),
        (Some(5), Some(7))
    );
    let people: Vec<&str> = problem["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(people.len(), 30);
    let mut score: BTreeMap<(&str, &str), i64> = BTreeMap::new();
    for entry in problem["pair_scores"].as_array().unwrap() {
        let (a, b, s) = (
            entry[0].as_str().unwrap(),
            entry[1].as_str().unwrap(),
            entry[2].as_i64().unwrap(),
        );
        assert_ne!(s, 0, "only pairs whose score is not 0");
        score.insert((a, b), s);
        score.insert((b, a), s);
    }
    let forbidden: BTreeSet<(&str, &str)> = problem["forbidden"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            let (a, b) = (f[0].as_str().unwrap(), f[1].as_str().unwrap());
            [(a, b), (b, a)]
        })
        .collect();
    // The groups: the documented keys; each valid in the problem's terms,
    // its score the sum of its pairs', the total the sum of the groups'.
    let groups = json["groups"].as_array().unwrap();
    assert!(json["left_out"].as_array().unwrap().is_empty());
    let mut total = 0;
    let mut seen = BTreeSet::new();
    for g in groups {
        let members: Vec<&str> = g["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap())
            .collect();
        assert!((5..=7).contains(&members.len()));
        let day = g["day"].as_str().unwrap();
        assert!(["ma", "di", "wo", "do", "vr"].contains(&day), "{day}");
        let mut sum = 0;
        for (i, a) in members.iter().enumerate() {
            assert!(seen.insert(*a));
            let days: Vec<&str> = problem["days"][a]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap())
                .collect();
            assert!(days.contains(&day), "{a} does not work on {day}");
            for b in &members[i + 1..] {
                assert!(!forbidden.contains(&(*a, *b)));
                sum += score.get(&(*a, *b)).copied().unwrap_or(0);
            }
        }
        assert_eq!(g["score"].as_i64(), Some(sum));
        assert!(!g["reason"].as_str().unwrap().is_empty());
        total += sum;
    }
    assert_eq!(seen.len(), people.len());
    assert_eq!(json["total_score"].as_i64(), Some(total));
    assert!(json["upper_bound"].as_i64().unwrap() >= total);
    // Without --start there are no meetings in it.
    assert!(json.get("meetings").is_none());
}

#[test]
fn the_text_speaks_the_chosen_language() {
    let nl = run(&[]);
    let en = run(&["--lang", "en"]);
    let first = |t: &str| t.lines().next().unwrap().to_string();
    assert!(
        first(&nl).starts_with("5 groepen voor 30 deelnemers, iedereen ingedeeld; totale score "),
        "{nl}"
    );
    assert!(
        first(&en).starts_with("5 groups for 30 people taking part, everyone placed; total score "),
        "{en}"
    );
    assert!(nl.contains("\nGroep 1 · "), "{nl}");
    assert!(en.contains("\nGroup 1 · "), "{en}");
    assert!(nl.contains("  waarom: ") && en.contains("  why: "));
    assert!(!en.contains("iedereen werkt op") && nl.contains("iedereen werkt op"));
}

/// How many pairs of `groups` (a JSON output) are pairs of `before`.
fn repeated(groups: &Value, before: &Value) -> usize {
    let pairs = |v: &Value| -> BTreeSet<(String, String)> {
        v["groups"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| {
                let m: Vec<String> = g["members"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_str().unwrap().to_string())
                    .collect();
                (0..m.len())
                    .flat_map(|i| (i + 1..m.len()).map(move |j| (i, j)))
                    .map(|(i, j)| {
                        (
                            m[i].clone().min(m[j].clone()),
                            m[i].clone().max(m[j].clone()),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    pairs(groups).intersection(&pairs(before)).count()
}

#[test]
fn earlier_groups_are_read_from_the_json_or_csv_this_command_writes() {
    let json = temp("vorig-jaar.json");
    std::fs::write(&json, run(&["--format", "json"])).unwrap();
    let csv = temp("last-year.csv");
    std::fs::write(&csv, run(&["--format", "csv", "--lang", "en"])).unwrap();
    let before: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let all = repeated(&before, &before);
    assert!(all > 40, "{all}");
    for file in [&json, &csv] {
        let again: Value = serde_json::from_str(&run(&[
            "--format",
            "json",
            "--earlier",
            file.to_str().unwrap(),
        ]))
        .unwrap();
        let same = repeated(&again, &before);
        assert!(
            same * 5 < all,
            "{same} of {all} pairs again with {}",
            file.display()
        );
    }
    // The CSV: a row per member with the group's number, day and score.
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("group;day;id;name;team;role;group_score;reason\n1;"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 31);
}

#[test]
fn meetings_go_into_calendars_per_group_that_an_independent_parser_reads() {
    let dir = temp("agenda");
    let _ = std::fs::remove_dir_all(&dir);
    let out = run(&[
        "--start",
        "2027-01-04",
        "--months",
        "6",
        "--schedule",
        &pathways("planning.yaml"),
        "--ics-dir",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json: Value = serde_json::from_str(&out).unwrap();
    let meetings = json["meetings"].as_array().unwrap();
    let groups = json["groups"].as_array().unwrap().len();
    // Every six weeks for six months: five meetings a group, each held or
    // said why not.
    let not_held = json["not_held"].as_array().unwrap();
    assert_eq!(meetings.len() + not_held.len(), groups * 5, "{json}");
    for key in [
        "group",
        "meeting",
        "date",
        "start",
        "end",
        "ideal_date",
        "absent",
    ] {
        assert!(meetings[0].get(key).is_some(), "{key}");
    }
    let count = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .matches("BEGIN:VEVENT")
            .count()
    };
    assert_eq!(count("intervisie-alle-groepen.ics"), meetings.len());
    for k in 1..=groups {
        let mine = meetings.iter().filter(|m| m["group"] == k).count();
        assert_eq!(count(&format!("intervisie-groep-{k}.ics")), mine);
    }
    let Ok(python) = std::env::var("DOORGROEI_PYTHON") else {
        eprintln!("DOORGROEI_PYTHON not set: the independent iCalendar parser is skipped (cargo xtask test runs it)");
        return;
    };
    let script = r#"
import sys, pathlib, icalendar
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
    assert_eq!(text(&out.stdout).lines().count(), groups + 1);
}

#[test]
fn supervision_lists_the_seniors_who_are_due_longest_ago_first() {
    let roster = temp("supervisie.yaml");
    std::fs::write(
        &roster,
        "schema: doorgroei/roster@1
people:
- {id: s1, name: Sanne, role: sw-hbo-senior, days: [ma], last_supervision: 2020-05-01}
- {id: s2, name: Bram, role: specialist-jeugd, days: [ma], last_supervision: 2025-05-01}
- {id: s3, name: Noor, role: teamleider, days: [ma]}
- {id: s4, name: Eva, role: sw-hbo-senior, days: [ma], last_supervision: 2012-09-30}
- {id: j1, name: Jan, role: sw-hbo-start, days: [ma]}
",
    )
    .unwrap();
    let ladder = pathways("welzijn-groeit.yaml");
    let supervision = |extra: &[&str]| {
        let args = [
            &[
                "intervisie",
                ladder.as_str(),
                roster.to_str().unwrap(),
                "--supervision",
                "--start",
                "2027-01-04",
            ],
            extra,
        ]
        .concat();
        let out = doorgroei(&args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    assert_eq!(
        supervision(&["--lang", "en"]),
        "3 seniors are due for supervision on 2027-01-04 (last one longer than 5 years ago, or not known):
  Noor (s3), Team leader: last supervision not known
  Eva (s4), Senior social worker (HBO): last supervision 2012-09-30 (14 years ago)
  Sanne (s1), Senior social worker (HBO): last supervision 2020-05-01 (6 years ago)
"
    );
    assert_eq!(
        supervision(&["--format", "csv"]),
        "id;naam;functie;team;laatste_supervisie;jaren_geleden
s3;Noor;Teamleider;;;
s4;Eva;Senior sociaal werker HBO;;2012-09-30;14
s1;Sanne;Senior sociaal werker HBO;;2020-05-01;6
"
    );
    let json: Value = serde_json::from_str(&supervision(&["--format", "json"])).unwrap();
    assert_eq!(json["date"], "2027-01-04");
    assert_eq!(json["supervision_years"], 5);
    assert_eq!(json["due"][0]["last_supervision"], Value::Null);
    assert_eq!(json["due"][1]["years_ago"], 14);
}

#[test]
fn bad_input_is_refused_with_its_exit_code() {
    let ladder = pathways("welzijn-groeit.yaml");
    let roster = pathways("rooster-welzijn-groeit.csv");
    let config = temp("intervisie.yaml");
    std::fs::write(
        &config,
        "schema: doorgroei/intervisie@1\nmin_size: 6\nmax_size: 4\n",
    )
    .unwrap();
    let earlier = temp("vorig.csv");
    std::fs::write(&earlier, "team;naam\nNoord;Jan\n").unwrap();
    let base = ["intervisie", ladder.as_str(), roster.as_str()];
    // (extra arguments, exit code, what stderr starts with)
    let cases: Vec<(Vec<&str>, i32, String)> = vec![
        (
            vec!["--config", config.to_str().unwrap(), "--lang", "en"],
            1,
            format!(
                "{}:3:11: max_size: minimum 6 is above maximum 4",
                config.display()
            ),
        ),
        (
            vec!["--earlier", earlier.to_str().unwrap()],
            1,
            format!(
                "{}:1:1: geen kolommen groep en id gevonden",
                earlier.display()
            ),
        ),
        (
            vec!["--months", "6"],
            2,
            "error: the following required arguments".into(),
        ),
        (
            vec!["--start", "2027-01-04", "--months", "37"],
            2,
            "error: invalid value '37'".into(),
        ),
        (
            vec!["--supervision", "--earlier", "x.json"],
            2,
            "error: the argument".into(),
        ),
    ];
    for (extra, code, start) in cases {
        let out = doorgroei(&[&base[..], &extra].concat());
        assert_eq!(
            out.status.code(),
            Some(code),
            "{extra:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).starts_with(&start),
            "{extra:?}: {}",
            text(&out.stderr)
        );
    }
}
