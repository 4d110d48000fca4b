//! `doorgroei match --today` and `doorgroei schedule` when people come and
//! go: pairs end when someone leaves or their end day comes, only the
//! mentees left without a mentor are matched, never again with a mentor
//! they had, and the schedule stops and starts with the pairs.

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

/// A file of its own for each call: the tests run side by side.
fn temp_file(name: &str, contents: &str) -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("doorgroei-leavers-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_str().unwrap().to_string()
}

/// Sanne leaves on 4 January 2027; Kim's pair with Bram ended on 1
/// December 2026 and Eva was her mentor before that; Lot keeps Bram.
const ROSTER: &str = "\
schema: doorgroei/roster@1
people:
- {id: s1, name: Sanne de Vries, role: sw-hbo-senior, team: A, days: [ma, di], capacity: 2, leaves: 2027-01-04}
- {id: s2, name: Bram Jansen, role: sw-hbo-senior, team: B, days: [ma, di], capacity: 2}
- {id: s3, name: Eva Smit, role: sw-hbo-senior, team: C, days: [ma, di], capacity: 2}
- {id: j1, name: Jan Bos, role: sw-hbo-start, team: D, days: [ma], start: 2026-06-01}
- {id: j2, name: Kim Lam, role: sw-hbo-start, team: D, days: [di], start: 2026-09-01, earlier_mentors: [s3]}
- {id: j3, name: Lot Vos, role: sw-hbo-start, team: D, days: [ma, di], start: 2026-10-01}
- {id: j4, name: Mo Kaya, role: sw-hbo-start, team: D, days: [ma], start: 2026-11-02}
pairs:
- {mentee: j1, mentor: s1}
- {mentee: j2, mentor: s2, ended: 2026-12-01}
- {mentee: j3, mentor: s2, started: 2026-10-01}
";

fn run_match(rest: &[&str]) -> Output {
    let (ladder, roster) = (pathways("welzijn-groeit.yaml"), temp_file("r.yaml", ROSTER));
    let mut args = vec!["match", ladder.as_str(), roster.as_str()];
    args.extend_from_slice(rest);
    doorgroei(&args)
}

fn stdout_of(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn on_a_day_pairs_end_and_only_mentees_without_a_mentor_are_matched() {
    // The same day written the Dutch way and as ISO.
    for day in ["4-1-2027", "2027-01-04"] {
        let nl = stdout_of(&run_match(&["--today", day]));
        for line in [
            "  Lot Vos (j3) → Bram Jansen (s2), score 10: bestaande koppeling",
            "  Jan Bos (j1) → Sanne de Vries (s1): Sanne de Vries (s1) is op 4-1-2027 vertrokken",
            "  Kim Lam (j2) → Bram Jansen (s2): de koppeling is op 1-12-2026 beëindigd",
            "  Kim Lam (j2): geen van de 2 mentoren past: 2 waren eerder zijn of haar mentor",
            // Mo waited from 2 November 2026: 9 weeks.
            "wacht al 9 weken",
        ] {
            assert!(nl.contains(line), "{line:?} not in\n{nl}");
        }
        // Who has left mentors nobody.
        assert!(!nl.contains("\n  Sanne de Vries (s1): "), "{nl}");
    }
    let en = stdout_of(&run_match(&["--today", "2027-01-04", "--lang", "en"]));
    for line in [
        "  Jan Bos (j1) → Sanne de Vries (s1): Sanne de Vries (s1) left on 2027-01-04",
        "  Kim Lam (j2) → Bram Jansen (s2): the pair ended on 2026-12-01",
        "  Kim Lam (j2): none of the 2 mentors fits: 2 were their mentor before",
        "waiting for 9 weeks",
    ] {
        assert!(en.contains(line), "{line:?} not in\n{en}");
    }
    // Without the day: nobody has left, Sanne keeps Jan; the ended pair
    // and the earlier mentor still keep Kim from Bram and Eva.
    let before = stdout_of(&run_match(&[]));
    assert!(
        before.contains("  Jan Bos (j1) → Sanne de Vries (s1), score"),
        "{before}"
    );
    assert!(
        before.contains("  Kim Lam (j2) → Sanne de Vries (s1)"),
        "{before}"
    );
    assert!(!before.contains("wacht al"), "{before}");
}

#[test]
fn the_json_names_why_a_pair_ended_and_the_scores_dump_leaves_repeats_out() {
    let dump = temp_file("scores.json", "");
    let out = run_match(&[
        "--today",
        "2027-01-04",
        "--format",
        "json",
        "--lang",
        "en",
        "--dump-scores",
        &dump,
    ]);
    let v: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let ended: Vec<(String, String, String)> = v["ended"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["mentee"].as_str().unwrap().to_string(),
                e["ending"]["kind"].as_str().unwrap().to_string(),
                e["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        ended,
        [
            (
                "j1".to_string(),
                "left".to_string(),
                "Sanne de Vries (s1) left on 2027-01-04".to_string()
            ),
            (
                "j2".to_string(),
                "ended".to_string(),
                "the pair ended on 2026-12-01".to_string()
            ),
        ]
    );
    let scores: Value = serde_json::from_str(&std::fs::read_to_string(&dump).unwrap()).unwrap();
    let candidates: Vec<(String, String, i64)> = scores["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["mentee"].as_str().unwrap().to_string(),
                c["mentor"].as_str().unwrap().to_string(),
                c["score"].as_i64().unwrap(),
            )
        })
        .collect();
    // Sanne has left; Kim may not have Bram or Eva again; Mo's 9 weeks
    // of waiting are in her scores (shared day 2 + 9).
    assert_eq!(
        candidates,
        [
            ("j1".to_string(), "s2".to_string(), 2),
            ("j1".to_string(), "s3".to_string(), 2),
            ("j4".to_string(), "s2".to_string(), 11),
            ("j4".to_string(), "s3".to_string(), 11),
        ]
    );
}

#[test]
fn no_repeat_false_allows_an_earlier_mentor_again() {
    let config = temp_file(
        "koppeling.yaml",
        "schema: doorgroei/matching@1\nno_repeat: false\n",
    );
    let out = stdout_of(&run_match(&["--today", "2027-01-04", "--config", &config]));
    assert!(!out.contains("Zonder mentor"), "{out}");
    assert!(out.contains("  Kim Lam (j2) → "), "{out}");
}

#[test]
fn a_day_that_is_no_date_is_a_usage_error_in_the_chosen_language() {
    for (lang, said) in [
        ("nl", "--today: '31-2-2027' is geen datum"),
        ("en", "--today: '31-2-2027' is not a date"),
    ] {
        let out = run_match(&["--today", "31-2-2027", "--lang", lang]);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr).contains(said), "{}", text(&out.stderr));
    }
}

#[test]
fn the_schedule_stops_at_a_pairs_end_and_starts_at_its_start() {
    let ladder = pathways("welzijn-groeit.yaml");
    let roster = temp_file("r.yaml", ROSTER);
    let pairs = temp_file(
        "pairs.json",
        r#"[{"mentee": "j1", "mentor": "s1"}, {"mentee": "j3", "mentor": "s2"}]"#,
    );
    let out = doorgroei(&[
        "schedule",
        &ladder,
        &roster,
        "--pairs",
        &pairs,
        "--start",
        "2026-09-07",
        "--months",
        "6",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let dates = |mentee: &str| -> Vec<String> {
        v["reviews"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["mentee"] == mentee)
            .map(|r| r["date"].as_str().unwrap().to_string())
            .collect()
    };
    let (jan, lot) = (dates("j1"), dates("j3"));
    assert!(!jan.is_empty() && !lot.is_empty(), "{v}");
    // Sanne leaves on 4 January 2027: Jan's reviews stop before it.
    assert!(jan.iter().all(|d| d.as_str() < "2027-01-04"), "{jan:?}");
    // Lot's pair started on 1 October 2026: her reviews start then.
    assert!(lot.iter().all(|d| d.as_str() >= "2026-10-01"), "{lot:?}");
    assert!(lot.iter().any(|d| d.as_str() > "2027-01-04"), "{lot:?}");
}
