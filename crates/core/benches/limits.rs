//! Reading files at the documented limits (docs/formats.md): the largest
//! ladder (2,000 roles, 20,000 transitions), the largest roster (50,000
//! people) as CSV, YAML and the web app's JSON form, a pairs file for all of
//! them, and a file just past 5 MiB (refused). Prints one FIGURE line each
//! for `cargo xtask bench`. Median of 3 runs.

use std::time::Instant;

use doorgroei::format::{
    load_ladder, load_pairs, load_roster, roster_to_csv, roster_to_json, roster_to_yaml,
    MAX_PEOPLE, MAX_ROLES, MAX_TRANSITIONS,
};
use doorgroei::paths::{plan, Config, Profile};
use doorgroei::yaml::MAX_FILE_BYTES;

fn median<T>(mut run: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..3 {
        let t = Instant::now();
        last = Some(run());
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_unstable_by(f64::total_cmp);
    (times[1], last.unwrap())
}

fn figure(what: &str, seconds: f64, bytes: usize) {
    let mib = bytes as f64 / (1024.0 * 1024.0);
    println!("{what}: {seconds:.3} s ({mib:.2} MiB)");
    println!("FIGURE|read {what} ({mib:.2} MiB), median of 3|native|{seconds:.3} s|—");
}

/// `roles` roles in a chain of promotions and laterals, `transitions` in all.
fn big_ladder(roles: usize, transitions: usize) -> String {
    let mut text = String::from("schema: doorgroei/ladder@1\norganisation: Groot\nroles:\n");
    let levels = ["junior", "medior", "senior", "lead"];
    for i in 0..roles {
        text.push_str(&format!(
            "  - {{id: r{i}, name: {{nl: Rol {i}, en: Role {i}}}, level: {}, mix: {{practice: 100}}, scale: {{min: 8, max: 9}}, education: hbo}}\n",
            levels[i * 4 / roles]
        ));
    }
    text.push_str("transitions:\n");
    let mut n = 0;
    'all: for step in 1..roles {
        for a in 0..roles - step {
            if n == transitions {
                break 'all;
            }
            text.push_str(&format!(
                "  - {{from: r{a}, to: r{}, kind: lateral, min_years: 1}}\n",
                a + step
            ));
            n += 1;
        }
    }
    text
}

fn main() {
    let text = big_ladder(MAX_ROLES, MAX_TRANSITIONS);
    let (t, ladder) = median(|| load_ladder("groot.yaml", &text).unwrap());
    figure(
        &format!("a ladder of {MAX_ROLES} roles and {MAX_TRANSITIONS} transitions (YAML)"),
        t,
        text.len(),
    );
    let profile = Profile::in_role("r0");
    let today = jiff::civil::date(2027, 1, 4);
    let (t, _) = median(|| plan(&ladder, &profile, Config::default(), today));
    println!(
        "FIGURE|growth plan on that ladder (targets, next steps), median of 3|native|{t:.3} s|—"
    );

    let example = load_ladder(
        "welzijn-groeit.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap();
    // The largest synthetic roster (1 mentor to 2 juniors) whose CSV fits in
    // 5 MiB: realistic rows (names, teams, specialisms, days) are about
    // 170 bytes, so 50,000 people do not fit; short rows follow below.
    let full = doorgroei::synth::roster(MAX_PEOPLE * 2 / 3, MAX_PEOPLE / 3, 2026);
    let per_person = roster_to_csv(&full).len() / full.people.len() + 1;
    let fits = MAX_FILE_BYTES / per_person * 97 / 100;
    let roster = doorgroei::synth::roster(fits * 2 / 3, fits / 3, 2026);
    let csv = roster_to_csv(&roster);
    let yaml = roster_to_yaml(&roster);
    let json = roster_to_json(&roster);
    for (name, text) in [("r.csv", &csv), ("r.yaml", &yaml), ("r.json", &json)] {
        if text.len() > MAX_FILE_BYTES {
            println!(
                "{name}: {} people are {:.2} MiB, past the 5 MiB file limit: refused",
                roster.people.len(),
                text.len() as f64 / 1048576.0
            );
            let (t, refused) = median(|| load_roster(name, text.as_bytes(), &example).is_err());
            assert!(refused);
            println!(
                "FIGURE|refuse a {} roster of {} people past 5 MiB ({:.2} MiB)|native|{t:.3} s|—",
                &name[2..],
                roster.people.len(),
                text.len() as f64 / 1048576.0
            );
            continue;
        }
        let (t, loaded) = median(|| load_roster(name, text.as_bytes(), &example).unwrap());
        assert_eq!(loaded.people.len(), roster.people.len());
        figure(
            &format!(
                "a roster of {} people ({})",
                roster.people.len(),
                &name[2..]
            ),
            t,
            text.len(),
        );
    }
    // The most people that fit in 5 MiB of CSV: short rows.
    let mut short = String::from("id;name;role;days\n");
    for i in 0..MAX_PEOPLE {
        short.push_str(&format!("{i};N;sw-hbo-start;ma\n"));
    }
    let (t, _) = median(|| load_roster("r.csv", short.as_bytes(), &example).unwrap());
    figure(
        &format!("a roster of {MAX_PEOPLE} people, short rows (CSV)"),
        t,
        short.len(),
    );

    // A pairs file giving every junior of that roster a mentor (who with
    // whom does not matter for reading).
    let small = &roster;
    let mentors: Vec<&str> = small
        .people
        .iter()
        .filter(|p| p.capacity > 0)
        .map(|p| p.id.as_str())
        .collect();
    let pairs: Vec<String> = small
        .people
        .iter()
        .filter(|p| p.capacity == 0)
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{{\"mentee\": \"{}\", \"mentor\": \"{}\"}}",
                p.id,
                mentors[i % mentors.len()]
            )
        })
        .collect();
    let file = format!("[{}]", pairs.join(",\n"));
    let (t, read) = median(|| load_pairs("p.json", &file, small).unwrap());
    figure(
        &format!("a pairs file of {} pairs", read.len()),
        t,
        file.len(),
    );

    let over = "#".repeat(MAX_FILE_BYTES + 1);
    let (t, _) = median(|| load_ladder("l.yaml", &over).is_err());
    println!("FIGURE|refuse a file 1 byte past 5 MiB|native|{t:.6} s|—");
}
