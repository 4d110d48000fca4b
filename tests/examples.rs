//! The example files in `pathways/`: valid for the loader, valid against the
//! JSON Schema editors use, and scanned as the research predicts.

use std::path::{Path, PathBuf};

use doorgroei::format::load_ladder;
use doorgroei::scan::{scan, Check, Severity};

fn pathways() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../pathways")
}

fn ladder_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(pathways())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .filter(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains("schema: doorgroei/ladder@1")
        })
        .collect();
    files.sort();
    files
}

fn load(name: &str) -> doorgroei::Ladder {
    let text = std::fs::read_to_string(pathways().join(name)).unwrap();
    load_ladder(name, &text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_example_ladder_loads_and_matches_the_json_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(pathways().join("schema/ladder.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema itself is valid");
    let files = ladder_files();
    assert!(files.len() >= 2, "found {files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema=./schema/ladder.schema.json"),
            "{} must point editors at the schema on its first line",
            file.display()
        );
        load_ladder(&file.display().to_string(), &text).unwrap_or_else(|e| panic!("{e}"));
        let value: serde_json::Value = serde_yaml::from_str(&text).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}

/// What the editor downloads and `doorgroei fmt` writes matches the JSON
/// Schema too (a starter ladder and both examples).
#[test]
fn ladders_in_the_canonical_layout_match_the_json_schema() {
    let validator = validator("ladder.schema.json");
    let mut files: Vec<doorgroei::format::LadderFile> = ladder_files()
        .iter()
        .map(|file| {
            let text = std::fs::read_to_string(file).unwrap();
            doorgroei::format::load_ladder_file("x.yaml", &text)
                .unwrap()
                .1
        })
        .collect();
    files.push(doorgroei::edit::starter_ladder());
    for file in files {
        let text = doorgroei::format::ladder_file_to_yaml(&file);
        let value: serde_json::Value = serde_yaml::from_str(&text).unwrap();
        assert_eq!(
            schema_errors(&validator, &value),
            Vec::<String>::new(),
            "{text}"
        );
    }
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(pathways().join("schema/ladder.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let good = std::fs::read_to_string(pathways().join("welzijn-vlak.yaml")).unwrap();
    for (from, to) in [
        ("level: junior", "level: midior"),
        ("kind: lateral", "kind: sideways"),
        ("schema: doorgroei/ladder@1", "schema: doorgroei/ladder@2"),
        ("education: hbo", "educaton: hbo"),
        ("mix: {practice: 100}", "mix: {practise: 100}"),
    ] {
        let bad = good.replacen(from, to, 1);
        assert_ne!(bad, good, "{from} occurs in the example");
        let value: serde_json::Value = serde_yaml::from_str(&bad).unwrap();
        assert!(!validator.is_valid(&value), "schema accepted {to}");
        assert!(load_ladder("x.yaml", &bad).is_err(), "loader accepted {to}");
    }
}

#[test]
fn the_growth_ladder_has_no_blocking_problem() {
    let ladder = load("welzijn-groeit.yaml");
    assert!(ladder.len() >= 14);
    let findings = scan(&ladder);
    let blocking: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Problem)
        .collect();
    assert!(blocking.is_empty(), "{blocking:#?}");
    let hybrids: Vec<_> = findings
        .iter()
        .filter(|f| f.check == Check::Hybrid)
        .collect();
    assert_eq!(hybrids.len(), 2);
    assert!(hybrids
        .iter()
        .all(|f| f.severity == Severity::Info && !f.roles.is_empty()));
}

#[test]
fn the_flat_ladder_is_flagged_for_the_reasons_leavers_gave() {
    let findings = scan(&load("welzijn-vlak.yaml"));
    let checks = |severity: Severity| -> Vec<Check> {
        findings
            .iter()
            .filter(|f| f.severity == severity)
            .map(|f| f.check)
            .collect()
    };
    assert_eq!(checks(Severity::Problem), vec![Check::ManagementOnly]);
    assert_eq!(
        checks(Severity::Warning),
        vec![
            Check::Hybrid,
            Check::Hybrid,
            Check::FlatPay,
            Check::SameWork,
            Check::NoLevels
        ]
    );
}

#[test]
fn the_example_profile_loads_and_matches_its_json_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(pathways().join("schema/profile.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema itself is valid");
    let ladder = load("welzijn-groeit.yaml");
    let text = std::fs::read_to_string(pathways().join("profiel-sanne.yaml")).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=./schema/profile.schema.json"));
    doorgroei::format::load_profile("profiel-sanne.yaml", &text, &ladder)
        .unwrap_or_else(|e| panic!("{e}"));
    let value: serde_json::Value = serde_yaml::from_str(&text).unwrap();
    assert!(
        validator.is_valid(&value),
        "{:?}",
        validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    let bad: serde_json::Value =
        serde_yaml::from_str(&text.replace("education: hbo", "education: wo")).unwrap();
    assert!(!validator.is_valid(&bad));
}

fn validator(name: &str) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(pathways().join("schema").join(name)).unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).expect("the schema itself is valid")
}

fn schema_errors(validator: &jsonschema::Validator, value: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn the_example_rosters_load_alike_and_the_yaml_matches_its_json_schema() {
    let validator = validator("roster.schema.json");
    let ladder = load("welzijn-groeit.yaml");
    let yaml = std::fs::read_to_string(pathways().join("rooster-welzijn-groeit.yaml")).unwrap();
    let csv = std::fs::read(pathways().join("rooster-welzijn-groeit.csv")).unwrap();
    assert!(yaml.starts_with("# yaml-language-server: $schema=./schema/roster.schema.json"));
    let from_yaml =
        doorgroei::format::load_roster("rooster-welzijn-groeit.yaml", yaml.as_bytes(), &ladder)
            .unwrap_or_else(|e| panic!("{e}"));
    let from_csv = doorgroei::format::load_roster("rooster-welzijn-groeit.csv", &csv, &ladder)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        from_yaml, from_csv,
        "the CSV and YAML examples hold the same roster"
    );
    assert!(from_yaml.people.iter().any(|p| !p.absent.is_empty()));
    let value: serde_json::Value = serde_yaml::from_str(&yaml).unwrap();
    assert_eq!(schema_errors(&validator, &value), Vec::<String>::new());
    // What the loader refuses, the schema refuses too.
    for (from, to) in [
        ("  - ma\n", "  - maandagochtend\n"),
        ("capacity: 0", "capacity: -1"),
        ("schema: doorgroei/roster@1", "schema: doorgroei/roster@2"),
    ] {
        let bad = yaml.replacen(from, to, 1);
        assert_ne!(bad, yaml, "{from} occurs in the example");
        assert!(doorgroei::format::load_roster("bad.yaml", bad.as_bytes(), &ladder).is_err());
        let value: serde_json::Value = serde_yaml::from_str(&bad).unwrap();
        assert!(!validator.is_valid(&value), "schema accepts {to}");
    }
}

#[test]
fn the_example_matching_settings_load_and_match_their_json_schema() {
    let validator = validator("matching.schema.json");
    let text = std::fs::read_to_string(pathways().join("koppeling.yaml")).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=./schema/matching.schema.json"));
    let config = doorgroei::format::load_match_config("koppeling.yaml", &text)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config.weights.preference, 20);
    let value: serde_json::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(schema_errors(&validator, &value), Vec::<String>::new());
    for (from, to) in [
        ("preference: 20", "preference: -5"),
        ("load: 3", "load: 100000"),
        ("mentor_min_level: senior", "mentor_min_level: expert"),
        ("not_same_team: true", "not_same_team: true\nextra: 1"),
    ] {
        let bad = text.replacen(from, to, 1);
        assert_ne!(bad, text);
        let err = doorgroei::format::load_match_config("bad.yaml", &bad);
        assert!(err.is_err(), "loader accepts {to}");
        let value: serde_json::Value = serde_yaml::from_str(&bad).unwrap();
        assert!(!validator.is_valid(&value), "schema accepts {to}");
    }
    let err = doorgroei::format::load_match_config(
        "bad.yaml",
        &text.replace("preference: 20", "preference: -5"),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("bad.yaml:12:15:"), "{err}");
}

#[test]
fn the_example_intervisie_settings_load_and_match_their_json_schema() {
    let validator = validator("intervisie.schema.json");
    let text = std::fs::read_to_string(pathways().join("intervisie.yaml")).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=./schema/intervisie.schema.json"));
    let config = doorgroei::format::load_intervisie_config("intervisie.yaml", &text)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config, doorgroei::intervisie::IntervisieConfig::default());
    let value: serde_json::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(schema_errors(&validator, &value), Vec::<String>::new());
    for (from, to) in [
        ("min_size: 5", "min_size: 2"),
        ("max_size: 7", "max_size: 11"),
        ("cadence_weeks: 6", "cadence_weeks: 13"),
        ("minutes: 90", "minutes: 20"),
        ("earlier: 20", "earlier: -20"),
        ("team: 10", "team: 1001"),
        ("supervision_years: 5", "supervision_years: 5\nextra: 1"),
    ] {
        let bad = text.replacen(from, to, 1);
        assert_ne!(bad, text);
        let err = doorgroei::format::load_intervisie_config("bad.yaml", &bad);
        assert!(err.is_err(), "loader accepts {to}");
        let value: serde_json::Value = serde_yaml::from_str(&bad).unwrap();
        assert!(!validator.is_valid(&value), "schema accepts {to}");
    }
}

#[test]
fn the_example_schedule_settings_load_and_match_their_json_schema() {
    let validator = validator("schedule.schema.json");
    let text = std::fs::read_to_string(pathways().join("planning.yaml")).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=./schema/schedule.schema.json"));
    let config = doorgroei::format::load_schedule_config("planning.yaml", &text)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config.months, 36);
    assert_eq!(config.closing_days.len(), 5);
    let value: serde_json::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(schema_errors(&validator, &value), Vec::<String>::new());
    for (from, to) in [
        ("cadence_weeks: 4", "cadence_weeks: 8"),
        ("day_start: \"09:00\"", "day_start: \"9 uur\""),
        ("liberation_day: lustrum", "liberation_day: sometimes"),
        ("max_per_day: 2", "max_per_day: 0"),
    ] {
        let bad = text.replacen(from, to, 1);
        assert_ne!(bad, text);
        assert!(
            doorgroei::format::load_schedule_config("bad.yaml", &bad).is_err(),
            "loader accepts {to}"
        );
        let value: serde_json::Value = serde_yaml::from_str(&bad).unwrap();
        assert!(!validator.is_valid(&value), "schema accepts {to}");
    }
}

#[test]
fn the_example_log_loads_and_matches_its_json_schema() {
    let validator = validator("log.schema.json");
    let name = "besprekingen-welzijn-groeit.yaml";
    let text = std::fs::read_to_string(pathways().join(name)).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=./schema/log.schema.json"));
    let ladder = load("welzijn-groeit.yaml");
    let roster_bytes = std::fs::read(pathways().join("rooster-welzijn-groeit.yaml")).unwrap();
    let roster = doorgroei::format::load_roster("r.yaml", &roster_bytes, &ladder).unwrap();
    let log = doorgroei::format::load_log(name, text.as_bytes(), &roster, 60)
        .unwrap_or_else(|e| panic!("{e}"));
    let value: serde_json::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(schema_errors(&validator, &value), Vec::<String>::new());
    // What doorgroei writes matches it too, in either language.
    for lang in doorgroei::Lang::ALL {
        let written = doorgroei::format::log_to_yaml(&log, lang);
        let value: serde_json::Value = serde_yaml::from_str(&written).unwrap();
        assert_eq!(schema_errors(&validator, &value), Vec::<String>::new());
    }
    // The schema refuses what the loader refuses.
    let first = "status: gehouden}";
    for to in [
        "status: gehouden, note: x}",
        "status: vervallen}",
        "status: verzet}",
        "status: gehouden, reason: ziek}",
        "status: gehouden, minutes: 481}",
        "status: misschien}",
    ] {
        let bad = text.replacen(first, to, 1);
        assert_ne!(bad, text);
        assert!(
            doorgroei::format::load_log("bad.yaml", bad.as_bytes(), &roster, 60).is_err(),
            "loader accepts {to}"
        );
        let value: serde_json::Value = serde_yaml::from_str(&bad).unwrap();
        assert!(!validator.is_valid(&value), "schema accepts {to}");
    }
}

#[test]
fn leavers_pair_history_and_their_settings_match_the_json_schemas() {
    let roster = "\
schema: doorgroei/roster@1
people:
- {id: s1, name: Sanne, role: sw-hbo-senior, days: [ma], capacity: 2, leaves: 2027-01-04}
- {id: s2, name: Bram, role: sw-hbo-senior, days: [ma], capacity: 2}
- {id: j1, name: Jan, role: sw-hbo-start, days: [ma], earlier_mentors: [s2]}
pairs:
- {mentee: j1, mentor: s2, started: 2025-01-06, ended: 2026-01-05}
- {mentee: j1, mentor: s1, started: 2026-01-06}
";
    let ladder = load("welzijn-groeit.yaml");
    let read = doorgroei::format::load_roster("r.yaml", roster.as_bytes(), &ladder)
        .unwrap_or_else(|e| panic!("{e}"));
    let written = doorgroei::format::roster_to_yaml(&read);
    let roster_schema = validator("roster.schema.json");
    for text in [roster, written.as_str()] {
        let value: serde_json::Value = serde_yaml::from_str(text).unwrap();
        assert_eq!(
            schema_errors(&roster_schema, &value),
            Vec::<String>::new(),
            "{text}"
        );
    }
    // A date the loader refuses, the schema refuses too.
    let bad = roster.replace("leaves: 2027-01-04", "leaves: 4 januari");
    assert!(doorgroei::format::load_roster("bad.yaml", bad.as_bytes(), &ladder).is_err());
    let value: serde_json::Value = serde_yaml::from_str(&bad).unwrap();
    assert!(!roster_schema.is_valid(&value));
    let settings = doorgroei::format::match_config_to_yaml(&doorgroei::matching::MatchConfig {
        no_repeat: false,
        ..Default::default()
    });
    let settings_schema = validator("matching.schema.json");
    let value: serde_json::Value = serde_yaml::from_str(&settings).unwrap();
    assert_eq!(
        schema_errors(&settings_schema, &value),
        Vec::<String>::new()
    );
    let bad: serde_json::Value =
        serde_yaml::from_str(&settings.replace("  waiting: 1", "  waiting: 1001")).unwrap();
    assert!(!settings_schema.is_valid(&bad));
}
