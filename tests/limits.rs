//! Every documented limit, at the limit and one past it, in every reader.
//!
//! The numeric bounds are read from the JSON Schemas editors use, so the
//! schemas and the loaders cannot disagree: each bounded field is set to its
//! minimum and maximum (the file must load) and one past each (the file must
//! be refused with a message that names the bound, in Dutch and English).
//! A field the schemas bound but no case here sets fails the test too.
//! The item limits (roles, transitions, people, file size) follow.

use std::path::{Path, PathBuf};

use doorgroei::format::{
    load_ladder, load_log, load_match_config, load_profile, load_roster, load_schedule_config,
    MAX_PEOPLE, MAX_ROLES, MAX_TRANSITIONS,
};
use doorgroei::{Ladder, Lang, LoadErrors};
use serde_json::Value;

fn pathways() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../pathways")
}

fn example() -> Ladder {
    let text = std::fs::read_to_string(pathways().join("welzijn-groeit.yaml")).unwrap();
    load_ladder("welzijn-groeit.yaml", &text).unwrap()
}

const LADDER: &str = "\
schema: doorgroei/ladder@1
organisation: Test
pay_scales: [{scale: @S, min: @A, max: 5000}, {scale: 9, min: 0, max: @B}]
part_time: {full_time_hours: @F, stretch_min_years: true}
roles:
  - {id: j, name: {nl: Jan, en: Jan}, level: junior, mix: {practice: @Q, policy: @M}, scale: {min: @L, max: 255}, education: hbo}
  - {id: s, name: {nl: Sara, en: Sara}, level: senior, mix: {practice: 100}, scale: {min: 0, max: @H}, education: hbo}
transitions:
  - {from: j, to: s, kind: promotion, min_years: @Y}
";
const PROFILE: &str = "\
schema: doorgroei/profile@1
current_role: sw-hbo-vak
years_in_role: @R
years_in_profession: @P
education: hbo
min_practice: @M
hours_per_week: @H
";
const ROSTER: &str = "\
schema: doorgroei/roster@1
people:
  - {id: a, name: Anna, role: sw-hbo-senior, days: [ma], hours: @H, capacity: @C}
";
const MATCHING: &str = "\
schema: doorgroei/matching@1
weights: {specialism: @A, location: @B, shared_day: @C, coaching: @D, preference: @E, load: @F, waiting: @K}
default_capacity: {junior: @G, medior: @H, senior: @I, lead: @J}
";
const LOG: &str = "\
schema: doorgroei/log@1
reviews:
  - {date: 2027-01-04, mentor: m0002, mentee: j0011, status: held, minutes: @A}
";
const SCHEDULE: &str = "\
schema: doorgroei/schedule@1
cadence_weeks: @A
months: @B
max_shift_days: @C
max_per_day: @D
slot_minutes: @E
";

/// Each bounded field: schema file, the field's pointer in it, the
/// template, the letter standing for the field, and each other letter's
/// value (at a value that always loads).
const CASES: &[(&str, &str, &str, char)] = &[
    (
        "ladder",
        "/properties/pay_scales/items/properties/scale",
        LADDER,
        'S',
    ),
    (
        "ladder",
        "/properties/pay_scales/items/properties/min",
        LADDER,
        'A',
    ),
    (
        "ladder",
        "/properties/pay_scales/items/properties/max",
        LADDER,
        'B',
    ),
    (
        "ladder",
        "/properties/part_time/properties/full_time_hours",
        LADDER,
        'F',
    ),
    (
        "ladder",
        "/$defs/role/properties/mix/additionalProperties",
        LADDER,
        'M',
    ),
    (
        "ladder",
        "/$defs/role/properties/scale/properties/min",
        LADDER,
        'L',
    ),
    (
        "ladder",
        "/$defs/role/properties/scale/properties/max",
        LADDER,
        'H',
    ),
    (
        "ladder",
        "/$defs/transition/properties/min_years",
        LADDER,
        'Y',
    ),
    ("profile", "/properties/years_in_role", PROFILE, 'R'),
    ("profile", "/properties/years_in_profession", PROFILE, 'P'),
    ("profile", "/properties/min_practice", PROFILE, 'M'),
    ("profile", "/properties/hours_per_week", PROFILE, 'H'),
    (
        "roster",
        "/properties/people/items/properties/hours",
        ROSTER,
        'H',
    ),
    (
        "roster",
        "/properties/people/items/properties/capacity",
        ROSTER,
        'C',
    ),
    (
        "matching",
        "/properties/weights/properties/specialism",
        MATCHING,
        'A',
    ),
    (
        "matching",
        "/properties/weights/properties/location",
        MATCHING,
        'B',
    ),
    (
        "matching",
        "/properties/weights/properties/shared_day",
        MATCHING,
        'C',
    ),
    (
        "matching",
        "/properties/weights/properties/coaching",
        MATCHING,
        'D',
    ),
    (
        "matching",
        "/properties/weights/properties/preference",
        MATCHING,
        'E',
    ),
    (
        "matching",
        "/properties/weights/properties/load",
        MATCHING,
        'F',
    ),
    (
        "matching",
        "/properties/weights/properties/waiting",
        MATCHING,
        'K',
    ),
    (
        "matching",
        "/properties/default_capacity/properties/junior",
        MATCHING,
        'G',
    ),
    (
        "matching",
        "/properties/default_capacity/properties/medior",
        MATCHING,
        'H',
    ),
    (
        "matching",
        "/properties/default_capacity/properties/senior",
        MATCHING,
        'I',
    ),
    (
        "matching",
        "/properties/default_capacity/properties/lead",
        MATCHING,
        'J',
    ),
    ("schedule", "/properties/cadence_weeks", SCHEDULE, 'A'),
    ("schedule", "/properties/months", SCHEDULE, 'B'),
    ("schedule", "/properties/max_shift_days", SCHEDULE, 'C'),
    ("schedule", "/properties/max_per_day", SCHEDULE, 'D'),
    ("schedule", "/properties/slot_minutes", SCHEDULE, 'E'),
    ("log", "/$defs/review/properties/minutes", LOG, 'A'),
];

/// Values that always load, for the letters a case does not set.
fn defaults(format: &str) -> &'static [(char, &'static str)] {
    match format {
        "ladder" => &[
            ('S', "8"),
            ('A', "3000"),
            ('B', "4000"),
            ('F', "36"),
            ('M', "0"),
            ('L', "7"),
            ('H', "10"),
            ('Y', "2"),
        ],
        "profile" => &[('R', "2"), ('P', "4"), ('M', "40"), ('H', "28")],
        "roster" => &[('H', "36"), ('C', "2")],
        "matching" => &[
            ('A', "10"),
            ('B', "5"),
            ('C', "2"),
            ('D', "8"),
            ('E', "15"),
            ('F', "3"),
            ('G', "0"),
            ('H', "0"),
            ('I', "2"),
            ('J', "1"),
            ('K', "1"),
        ],
        "log" => &[('A', "60")],
        _ => &[('A', "4"), ('B', "12"), ('C', "5"), ('D', "2"), ('E', "60")],
    }
}

fn load(format: &str, text: &str, ladder: &Ladder) -> Result<(), LoadErrors> {
    let file = format!("{format}.yaml");
    match format {
        "ladder" => load_ladder(&file, text).map(drop),
        "profile" => load_profile(&file, text, ladder).map(drop),
        "roster" => load_roster(&file, text.as_bytes(), ladder).map(drop),
        "matching" => load_match_config(&file, text).map(drop),
        "log" => {
            let bytes = std::fs::read(pathways().join("rooster-welzijn-groeit.yaml")).unwrap();
            let roster = load_roster("r.yaml", &bytes, ladder).unwrap();
            load_log(&file, text.as_bytes(), &roster, 60).map(drop)
        }
        _ => load_schedule_config(&file, text).map(drop),
    }
}

/// The template with `letter` set to `value` and every other letter to its default.
fn fill(format: &str, template: &str, letter: char, value: &str) -> String {
    let mut text = template.to_string();
    for &(c, default) in defaults(format) {
        let v = if c == letter { value } else { default };
        text = text.replace(&format!("@{c}"), v);
        // The other track of a mix makes up the rest of 100%.
        if c == 'M' {
            let rest = 100 - v.parse::<i64>().unwrap_or(0).clamp(0, 100);
            text = text.replace("@Q", &rest.to_string());
        }
    }
    text
}

fn schema(format: &str) -> Value {
    let path = pathways().join(format!("schema/{format}.schema.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every pointer in `schema` to a value with a numeric bound.
fn bounded(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if map.contains_key("minimum") || map.contains_key("maximum") {
                out.push(at.clone());
            }
            for (k, v) in map {
                bounded(v, format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                bounded(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_bound_in_the_schemas_is_a_case() {
    for format in ["ladder", "profile", "roster", "matching", "schedule", "log"] {
        let mut pointers = Vec::new();
        bounded(&schema(format), String::new(), &mut pointers);
        for p in pointers {
            assert!(
                CASES.iter().any(|(f, q, _, _)| *f == format && *q == p),
                "{format}.schema.json{p} has a bound that no case checks"
            );
        }
    }
}

#[test]
fn the_loaders_keep_the_schemas_bounds() {
    let ladder = example();
    let mut wrong = Vec::new();
    for &(format, pointer, template, letter) in CASES {
        let node = schema(format).pointer(pointer).cloned().unwrap();
        let whole = node["type"] == "integer";
        let number = |v: f64| {
            if whole {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            }
        };
        let step = if whole { 1.0 } else { 0.5 };
        for (bound, past) in [("minimum", -step), ("maximum", step)] {
            let Some(limit) = node.get(bound).and_then(Value::as_f64) else {
                continue;
            };
            let at = fill(format, template, letter, &number(limit));
            if let Err(e) = load(format, &at, &ladder) {
                wrong.push(format!(
                    "{format} {pointer} = {limit} (the {bound}) is refused: {e}"
                ));
            }
            let beyond = number(limit + past);
            let text = fill(format, template, letter, &beyond);
            let Err(errors) = load(format, &text, &ladder) else {
                wrong.push(format!("{format} {pointer} = {beyond} loads"));
                continue;
            };
            for lang in [Lang::Nl, Lang::En] {
                let message = errors.render(lang);
                if !message.contains(&number(limit)) {
                    wrong.push(format!(
                        "{format} {pointer} = {beyond}: the message does not name the {bound} {}: {message}",
                        number(limit)
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// `count` roles `r0`, `r1`, … and `transitions` transitions between them.
fn big_ladder(roles: usize, transitions: usize) -> String {
    let mut text = String::from("schema: doorgroei/ladder@1\norganisation: Groot\nroles:\n");
    for i in 0..roles {
        text.push_str(&format!(
            "  - {{id: r{i}, name: {{nl: R{i}, en: R{i}}}, level: senior, mix: {{practice: 100}}, scale: {{min: 8, max: 8}}, education: hbo}}\n"
        ));
    }
    text.push_str("transitions:\n");
    let mut n = 0;
    'all: for a in 0..roles {
        for b in 0..roles {
            if n == transitions {
                break 'all;
            }
            if a != b {
                text.push_str(&format!("  - {{from: r{a}, to: r{b}, kind: lateral}}\n"));
                n += 1;
            }
        }
    }
    assert_eq!(n, transitions);
    text
}

fn check_refused(errors: LoadErrors, limit: usize) {
    let limit = limit.to_string();
    for lang in [Lang::Nl, Lang::En] {
        let message = errors.render(lang);
        assert!(message.contains(&limit), "{message}");
    }
}

#[test]
fn roles_and_transitions_up_to_their_limits() {
    let at = big_ladder(MAX_ROLES, 1);
    assert_eq!(load_ladder("l.yaml", &at).unwrap().len(), MAX_ROLES);
    check_refused(
        load_ladder("l.yaml", &big_ladder(MAX_ROLES + 1, 1)).unwrap_err(),
        MAX_ROLES,
    );
    let at = big_ladder(200, MAX_TRANSITIONS);
    assert_eq!(
        load_ladder("l.yaml", &at).unwrap().transitions().count(),
        MAX_TRANSITIONS
    );
    check_refused(
        load_ladder("l.yaml", &big_ladder(200, MAX_TRANSITIONS + 1)).unwrap_err(),
        MAX_TRANSITIONS,
    );
}

/// A CSV roster of `n` people in as few bytes as the format allows.
fn big_roster(n: usize) -> String {
    let mut text = String::from("id;name;role;days\n");
    for i in 0..n {
        text.push_str(&format!("{i};N;sw-hbo-start;ma\n"));
    }
    text
}

#[test]
fn people_and_file_size_up_to_their_limits() {
    let ladder = example();
    let at = big_roster(MAX_PEOPLE);
    assert!(at.len() <= doorgroei::yaml::MAX_FILE_BYTES);
    let roster = load_roster("r.csv", at.as_bytes(), &ladder).unwrap();
    assert_eq!(roster.people.len(), MAX_PEOPLE);
    check_refused(
        load_roster("r.csv", big_roster(MAX_PEOPLE + 1).as_bytes(), &ladder).unwrap_err(),
        MAX_PEOPLE,
    );
    // A file of exactly the limit is read; one byte more is refused, for every reader.
    let limit = doorgroei::yaml::MAX_FILE_BYTES;
    let mut exact = big_roster(20);
    exact.push_str(&" ".repeat(limit - exact.len()));
    assert!(load_roster("r.csv", exact.as_bytes(), &ladder).is_ok());
    let over = format!("{exact} ");
    check_refused(
        load_roster("r.csv", over.as_bytes(), &ladder).unwrap_err(),
        limit,
    );
    check_refused(
        load_roster("r.yaml", over.as_bytes(), &ladder).unwrap_err(),
        limit,
    );
    check_refused(load_ladder("l.yaml", &over).unwrap_err(), limit);
    check_refused(load_profile("p.yaml", &over, &ladder).unwrap_err(), limit);
    check_refused(load_match_config("m.yaml", &over).unwrap_err(), limit);
    check_refused(load_schedule_config("s.yaml", &over).unwrap_err(), limit);
}

/// A roster read from a CSV file just under 5 MiB is about twice as large
/// in its JSON form (field names repeat for every person): the web app saves
/// it, its page reads it back and sends it to its worker so, and all of
/// those take it.
#[test]
fn a_roster_from_a_full_csv_file_crosses_in_its_json_form() {
    let ladder = example();
    let full = doorgroei::synth::roster(20_000, 10_000, 2026);
    let csv = doorgroei::format::roster_to_csv(&full);
    assert!(csv.len() > 4 * 1024 * 1024 && csv.len() <= doorgroei::yaml::MAX_FILE_BYTES);
    let roster = load_roster("r.csv", csv.as_bytes(), &ladder).unwrap();
    let json = doorgroei::format::roster_to_json(&roster);
    assert!(
        json.len() > doorgroei::yaml::MAX_FILE_BYTES,
        "{}",
        json.len()
    );
    assert!(json.len() <= doorgroei::format::MAX_JSON_FORM_BYTES);
    let back = doorgroei::format::roster_from_json(&json, &ladder).expect("the page reads it");
    assert_eq!(back.people.len(), roster.people.len());
    let read = doorgroei::format::load_roster_json("r.json", &json, &ladder).unwrap();
    assert_eq!(read, back);
    // Named as the CSV it came from, the worker still reads it as JSON.
    let again = load_roster("r.csv", json.as_bytes(), &ladder).unwrap();
    assert_eq!(again, back);
}
