//! The JSON forms the web page reads without a YAML reader: the ladder file
//! and the roster file as Doorgroei writes them read back to the same model.

use doorgroei::format::{
    ladder_file_to_json, ladder_from_json, load_ladder, load_ladder_file, load_roster,
    load_roster_json, roster_to_json,
};
use doorgroei::Lang;

const LADDERS: [(&str, &str); 2] = [
    (
        "welzijn-groeit.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    ),
    (
        "welzijn-vlak.yaml",
        include_str!("../../../pathways/welzijn-vlak.yaml"),
    ),
];

#[test]
fn ladder_json_form_reads_back_to_the_same_ladder() {
    for (name, text) in LADDERS {
        let (ladder, file) = load_ladder_file(name, text).unwrap();
        let json = ladder_file_to_json(&file);
        let read = ladder_from_json(&json).unwrap_or_else(|| panic!("{name}: JSON form unread"));
        assert_eq!(format!("{read:?}"), format!("{ladder:?}"), "{name}");
        // Written again, the same text: nothing is lost or added on the way.
        assert!(json.starts_with("{\"schema\":\"doorgroei/ladder@1\""));
    }
}

#[test]
fn damaged_ladder_json_is_refused_not_half_read() {
    let (name, text) = LADDERS[0];
    let json = ladder_file_to_json(&load_ladder_file(name, text).unwrap().1);
    let cut = &json[..json.len() / 2];
    assert!(ladder_from_json(cut).is_none());
    // Valid JSON, invalid ladder: a transition to a role that is not there.
    let broken = json.replacen("\"to\":\"", "\"to\":\"gone-", 1);
    assert_ne!(broken, json);
    assert!(ladder_from_json(&broken).is_none());
    let other_schema = json.replacen("doorgroei/ladder@1", "doorgroei/ladder@9", 1);
    assert!(ladder_from_json(&other_schema).is_none());
    assert!(ladder_from_json("").is_none());
    assert!(ladder_from_json("schema: doorgroei/ladder@1").is_none());
}

#[test]
fn roster_json_form_reads_back_and_names_its_problems() {
    let (name, text) = LADDERS[0];
    let ladder = load_ladder(name, text).unwrap();
    let csv = include_bytes!("../../../pathways/rooster-welzijn-groeit.csv");
    let roster = load_roster("rooster.csv", csv, &ladder).unwrap();
    let json = roster_to_json(&roster);
    assert_eq!(load_roster_json("r.json", &json, &ladder).unwrap(), roster);

    // A role the ladder does not have: the path, no line (nobody wrote this by hand).
    let first_role = &roster.people[0].role;
    let broken = json.replacen(
        &format!("\"role\":\"{first_role}\""),
        "\"role\":\"verdwenen\"",
        1,
    );
    let errors = load_roster_json("r.json", &broken, &ladder).unwrap_err();
    assert_eq!(errors.0.len(), 1, "{errors}");
    assert_eq!(errors.0[0].path, "people[0].role");
    assert_eq!(errors.0[0].pos, None);
    assert!(errors.render(Lang::En).contains("verdwenen"));

    // Not JSON at all: where the JSON reader stopped.
    let errors = load_roster_json("r.json", "{\"schema\": ", &ladder).unwrap_err();
    let pos = errors.0[0].pos.expect("a syntax error has a position");
    assert_eq!((pos.line, pos.column), (1, 11));
}

mod exchange {
    use doorgroei::exchange::{
        growth_plan, import_roster, match_roster, migrate, plan_reviews, read_ladder, read_profile,
        scan_ladder, write_calendar, CalendarFormat, CalendarRequest, Import, ImportReply,
        LadderReply, MatchMode, MatchReply, MigrateReply, PlanRequest, ProfileReply,
        ScheduleRequest,
    };
    use doorgroei::format::{ladder_from_json, roster_to_json};
    use doorgroei::roster::Roster;
    use serde::{de::DeserializeOwned, Serialize};
    use std::fmt::Debug;

    const LADDER: &str = include_str!("../../../pathways/welzijn-groeit.yaml");
    const PROFILE: &str = include_str!("../../../pathways/profiel-sanne.yaml");
    const ROSTER_CSV: &[u8] = include_bytes!("../../../pathways/rooster-welzijn-groeit.csv");
    const ROSTER_YAML: &str = include_str!("../../../pathways/rooster-welzijn-groeit.yaml");

    /// Crosses as JSON, as between the worker and the page.
    fn crossed<T: Serialize + DeserializeOwned + PartialEq + Debug>(reply: T) -> T {
        let back: T = serde_json::from_str(&serde_json::to_string(&reply).unwrap()).unwrap();
        assert_eq!(back, reply);
        back
    }

    /// A roster file read against `ladder`, its columns as recognised.
    fn import(ladder: &str, name: &str, bytes: &[u8]) -> ImportReply {
        let import = Import {
            name: name.into(),
            bytes: bytes.to_vec(),
            ladder: ladder.into(),
            columns: None,
            sheet: None,
            remembered: String::new(),
        };
        import_roster(&import, None)
    }

    fn ladder_json() -> String {
        match crossed(read_ladder("w.yaml", LADDER)) {
            LadderReply::Read {
                ladder, warnings, ..
            } => {
                assert_eq!(warnings, None);
                ladder
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_ladder_file_comes_back_in_its_json_form_or_with_located_problems() {
        assert!(ladder_from_json(&ladder_json()).is_some());
        let broken = LADDER.replacen("level: junior", "level: stagiair", 1);
        match crossed(read_ladder("w.yaml", &broken)) {
            LadderReply::Problems(report) => {
                assert_eq!(report.file, "w.yaml");
                assert!(report.lines[0].en.starts_with("w.yaml:"), "{report:?}");
                assert!(report.lines[0].en.contains("stagiair"), "{report:?}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn findings_cross_with_the_ladder_and_a_scan_of_its_json_form_gives_the_same() {
        for (name, text) in super::LADDERS {
            let expected = doorgroei::scan::scan(&super::load_ladder(name, text).unwrap());
            assert!(
                !expected.is_empty(),
                "{name}: the example ladders have findings"
            );
            let LadderReply::Read {
                ladder, findings, ..
            } = crossed(read_ladder(name, text))
            else {
                panic!("{name} does not read")
            };
            assert_eq!(findings, expected, "{name}: read");
            assert_eq!(
                crossed(scan_ladder(&ladder)),
                Ok(expected.clone()),
                "{name}: scanned"
            );
            let LadderReply::Read { findings, .. } = crossed(migrate((name, text), None)).ladder
            else {
                panic!("{name} does not migrate")
            };
            assert_eq!(findings, expected, "{name}: migrated");
        }
        assert!(scan_ladder("{").is_err());
    }

    #[test]
    fn warnings_cross_with_the_ladder_and_the_roster() {
        let twice = LADDER.replacen(
            "pay_scales:\n",
            "pay_scales:\n  - {scale: 8, min: 1, max: 2}\n",
            1,
        );
        match crossed(read_ladder("w.yaml", &twice)) {
            LadderReply::Read {
                warnings: Some(report),
                ..
            } => {
                assert_eq!(report.summary.nl, "1 waarschuwing");
                assert!(
                    report.lines[0].nl.contains("schaal 8 staat twee keer"),
                    "{report:?}"
                );
            }
            other => panic!("{other:?}"),
        }
        let circle = "id;name;role;days;manager\na;A;sw-hbo-start;ma;b\nb;B;sw-hbo-start;ma;a\n";
        match crossed(import(&ladder_json(), "r.csv", circle.as_bytes())) {
            ImportReply::Loaded {
                warnings: Some(report),
                ..
            } => assert_eq!(
                report.lines[0].nl,
                "r.csv:2:5: waarschuwing: leidinggevenden vormen een kring: a → b → a"
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn profile_roster_and_matching_answers() {
        let ladder = ladder_json();
        match crossed(read_profile("p.yaml", PROFILE, &ladder)) {
            ProfileReply::Read(profile, None) => assert!(!profile.current_role.is_empty()),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            read_profile("p.yaml", "current_role: 12", &ladder),
            ProfileReply::Problems(_)
        ));
        assert!(matches!(
            read_profile("p.yaml", PROFILE, "{}"),
            ProfileReply::Failed(_)
        ));
        let roster = match crossed(import(&ladder, "r.csv", ROSTER_CSV)) {
            ImportReply::Loaded {
                roster,
                outcome,
                warnings,
                ..
            } => {
                assert_eq!(warnings, None);
                let roster = doorgroei::format::roster_from_file(
                    roster,
                    &ladder_from_json(&ladder).unwrap(),
                )
                .unwrap();
                assert_eq!(outcome.pairs.len(), roster.pairs.len());
                roster
            }
            other => panic!("{other:?}"),
        };
        assert!(matches!(
            import(&ladder, "r.csv", b"id;naam\n"),
            ImportReply::NeedsColumns(_)
        ));
        assert!(matches!(
            import(&ladder, "r.yaml", b"people: [1]\n"),
            ImportReply::Problems { columns: None, .. }
        ));
        match crossed(match_roster(
            &ladder,
            &roster_to_json(&roster),
            MatchMode::Unmatched,
            None,
        )) {
            MatchReply::Ok(outcome) => assert!(!outcome.pairs.is_empty()),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            match_roster(&ladder, "{", MatchMode::Unmatched, None),
            MatchReply::Error(_)
        ));
    }

    /// The example ladder's JSON form and the example roster with the pairs
    /// a matching gives it.
    fn paired() -> (String, Roster) {
        let ladder = ladder_json();
        let ImportReply::Loaded { roster, .. } = import(&ladder, "r.csv", ROSTER_CSV) else {
            panic!("the example roster reads")
        };
        let mut roster = doorgroei::format::roster_from_file(
            roster,
            &ladder_from_json(&ladder).expect("the ladder's JSON form reads"),
        )
        .expect("the example roster reads against its ladder");
        let MatchReply::Ok(outcome) = match_roster(
            &ladder,
            &roster_to_json(&roster),
            MatchMode::Unmatched,
            None,
        ) else {
            panic!("the example roster matches")
        };
        roster.pairs = outcome.pairs.iter().map(Into::into).collect();
        (ladder, roster)
    }

    #[test]
    fn a_growth_plan_crosses_unchanged_and_is_the_plan_of_the_profile() {
        use doorgroei::format::ProfileFile;
        use doorgroei::paths::{plan, Config};
        let ladder = ladder_json();
        let ProfileReply::Read(sanne, _) = read_profile("p.yaml", PROFILE, &ladder) else {
            panic!("Sanne's profile reads")
        };
        let today = jiff::civil::date(2027, 1, 4);
        let mut starter = doorgroei::paths::Profile::in_role("sw-hbo-start");
        starter.goals = vec!["praktijkopleider".into()];
        let model = ladder_from_json(&ladder).unwrap();
        for profile in [(*sanne).clone(), starter] {
            let request = PlanRequest {
                ladder: ladder.clone(),
                profile: ProfileFile::from(profile.clone()),
                today,
            };
            let got = crossed(growth_plan(request)).unwrap();
            let expected = plan(&model, &profile, Config::default(), today).unwrap();
            assert_eq!(got, expected, "{}", profile.current_role);
        }
        // What crossed has every part the page shows: a part-time stretch,
        // routes, and a goal blocked by a wish (Sanne wants no management).
        let got = plan(&model, &sanne, Config::default(), today).unwrap();
        assert!(got.stretch.is_some());
        assert!(got.goals.iter().any(|g| !g.routes.is_empty()));
        assert!(got
            .goals
            .iter()
            .any(|g| g.blocked.as_ref().is_some_and(|b| !b.wishes.is_empty())));
        assert!(!got.targets.is_empty() && !got.next.is_empty());
    }

    #[test]
    fn calendar_files_are_the_core_writers_for_the_schedule_shown() {
        use doorgroei::format::{schedule_to_csv, schedule_to_ics};
        use doorgroei::schedule::{schedule, PairRef, ScheduleConfig};
        use doorgroei::Lang;
        let (ladder, roster) = paired();
        let request = ScheduleRequest {
            ladder,
            roster: roster_to_json(&roster),
            start: jiff::civil::date(2027, 1, 4),
            months: 12,
            cadence_weeks: 4,
            keep: Vec::new(),
            settings: None,
        };
        let reviews = plan_reviews(&request).unwrap();
        let millis = 1_800_000_000_123;
        let stamp = jiff::Timestamp::from_millisecond(millis).unwrap();
        let file = |format, person: Option<&str>, lang| {
            write_calendar(&CalendarRequest {
                reviews: request.clone(),
                format,
                person: person.map(str::to_string),
                lang,
                stamp: millis,
            })
            .unwrap()
        };
        // The schedule shown is the one the files are written for.
        let pairs: Vec<PairRef> = roster.pairs.iter().map(PairRef::from).collect();
        let plan = &schedule(&roster, &pairs, request.start, &ScheduleConfig::default());
        assert_eq!(reviews.reviews, plan.reviews);
        for lang in [Lang::Nl, Lang::En] {
            let ics = |person| schedule_to_ics(plan, &roster, lang, stamp, person);
            assert_eq!(file(CalendarFormat::Ics, None, lang), ics(None));
            assert_eq!(
                file(CalendarFormat::Csv, None, lang),
                schedule_to_csv(plan, &roster, lang)
            );
            for person in reviews.people.iter().step_by(7) {
                let id = Some(person.id.as_str());
                assert_eq!(
                    file(CalendarFormat::Ics, id, lang),
                    ics(id),
                    "{}",
                    person.id
                );
            }
        }
        // Everyone of the pairs once, mentors first, each group by name,
        // every file name its own.
        let people = &reviews.people;
        let mut ids: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
        let mut expected: Vec<&str> = roster
            .pairs
            .iter()
            .flat_map(|p| [p.mentor.as_str(), p.mentee.as_str()])
            .collect();
        ids.sort_unstable();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(ids, expected);
        let mentors = people.iter().take_while(|p| p.mentor).count();
        assert!(mentors > 0 && people[mentors..].iter().all(|p| !p.mentor));
        let names = roster.lookup();
        // By name as a reader looks it up (case, accents and spaces aside),
        // then by id.
        let key = |id: &str| (doorgroei::format::normalise(names.name(id)), id.to_string());
        for group in [&people[..mentors], &people[mentors..]] {
            assert!(group.windows(2).all(|w| key(&w[0].id) <= key(&w[1].id)));
        }
        assert_eq!(
            [
                doorgroei::format::normalise("Anouk de Boer")
                    < doorgroei::format::normalise("Anouk Öztürk"),
                doorgroei::format::normalise("Tess de Vries")
                    < doorgroei::format::normalise("Tess Visser"),
            ],
            [true, true]
        );
        let files: std::collections::BTreeSet<String> =
            people.iter().map(|p| p.file.to_lowercase()).collect();
        assert_eq!(files.len(), people.len());
        assert!(people.iter().all(|p| p.file.ends_with(".ics")));
    }

    #[test]
    fn a_schedule_crosses_unchanged_and_is_the_schedule_of_the_roster_s_pairs() {
        use doorgroei::schedule::{per_pair, schedule, summary, PairRef, ScheduleConfig};
        let (ladder, roster) = paired();
        let start = jiff::civil::date(2027, 1, 4);
        let mut unplaced = 0;
        for (months, cadence_weeks) in [(12, 4), (36, 6), (1, 5)] {
            let reviews = crossed(plan_reviews(&ScheduleRequest {
                ladder: ladder.clone(),
                roster: roster_to_json(&roster),
                start,
                months,
                cadence_weeks,
                keep: Vec::new(),
                settings: None,
            }))
            .unwrap();
            let pairs: Vec<PairRef> = roster.pairs.iter().map(PairRef::from).collect();
            let config = ScheduleConfig {
                months,
                cadence_weeks,
                ..ScheduleConfig::default()
            };
            let expected = schedule(&roster, &pairs, start, &config);
            assert!(!expected.reviews.is_empty());
            unplaced += expected.unplaced.len();
            assert_eq!(reviews.summary, summary(&expected, pairs.len(), start));
            assert_eq!(reviews.grouped, per_pair(&expected, &pairs));
            let shown = (&reviews.reviews, &reviews.unplaced);
            let when = format!("{months} months every {cadence_weeks} weeks");
            assert_eq!(shown, (&expected.reviews, &expected.unplaced), "{when}");
        }
        assert!(unplaced > 0, "reviews that could not be placed crossed too");
    }

    #[test]
    fn an_older_saves_files_migrate_to_json_forms() {
        let reply: MigrateReply = crossed(migrate(
            ("w.yaml", LADDER),
            Some(("rooster.yaml", ROSTER_YAML)),
        ));
        let LadderReply::Read { ladder, .. } = &reply.ladder else {
            panic!("{reply:?}")
        };
        let ladder = ladder_from_json(ladder).unwrap();
        let roster = reply.roster.unwrap().unwrap();
        let roster = doorgroei::format::load_roster_json("r", &roster, &ladder).unwrap();
        assert!(!roster.people.is_empty());

        let bad = migrate(("w.yaml", "roles: ["), Some(("rooster.yaml", ROSTER_YAML)));
        assert!(matches!(bad.ladder, LadderReply::Problems(_)));
        assert_eq!(bad.roster, None);
    }
}

#[test]
fn every_roster_reader_refuses_a_file_over_the_size_limit_before_parsing() {
    let (name, text) = LADDERS[0];
    let ladder = load_ladder(name, text).unwrap();
    let big = "x".repeat(doorgroei::yaml::MAX_FILE_BYTES + 1);
    let expected = format!(
        "big: file is too large ({} bytes); the limit is 5242880 bytes",
        big.len()
    );
    for errors in [
        load_roster("big", big.as_bytes(), &ladder).unwrap_err(),
        doorgroei::format::load_roster_csv("big", big.as_bytes(), &ladder).unwrap_err(),
    ] {
        assert_eq!(errors.render(Lang::En), expected);
    }
    // Doorgroei's own JSON form repeats field names for every person: its
    // limit is larger, and as strict.
    let limit = doorgroei::format::MAX_JSON_FORM_BYTES;
    let bigger = "x".repeat(limit + 1);
    assert_eq!(
        load_roster_json("big", &bigger, &ladder)
            .unwrap_err()
            .render(Lang::En),
        format!(
            "big: file is too large ({} bytes); the limit is {limit} bytes",
            bigger.len()
        )
    );
}
