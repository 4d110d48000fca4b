//! Reading files at the documented limits (docs/formats.md): the largest
//! ladder (2,000 roles, 20,000 transitions), the largest roster (50,000
//! people) as CSV, YAML and the web app's JSON form, a pairs file for all of
//! them, and a file just past 5 MiB (refused). Prints one FIGURE line each
//! for `cargo xtask bench`. Median of 3 runs.

use std::time::Instant;

use doorgroei::format::{
    load_ladder, load_pairs, load_roster, roster_to_csv, roster_to_json, roster_to_yaml,
    MAX_JSON_FORM_BYTES, MAX_PEOPLE, MAX_ROLES, MAX_TRANSITIONS,
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
        // The JSON form (the web app's own) may be up to 24 MiB.
        let limit = if name.ends_with(".json") {
            MAX_JSON_FORM_BYTES
        } else {
            MAX_FILE_BYTES
        };
        if text.len() > limit {
            println!(
                "{name}: {} people are {:.2} MiB, past the file limit: refused",
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

    hr_exports(&example, &roster);

    let over = "#".repeat(MAX_FILE_BYTES + 1);
    let (t, _) = median(|| load_ladder("l.yaml", &over).is_err());
    println!("FIGURE|refuse a file 1 byte past 5 MiB|native|{t:.6} s|—");
}

/// An HR system's export of `roster`: Dutch headers, a BSN column that is
/// not read, roles by their Dutch name, dates day first.
fn hr_rows(ladder: &doorgroei::Ladder, roster: &doorgroei::roster::Roster) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "Personeelsnummer",
        "Naam",
        "Functie",
        "Afdeling",
        "Standplaats",
        "Leidinggevende",
        "Werkdagen",
        "Uren per week",
        "Datum in dienst",
        "BSN",
    ]
    .map(str::to_string)
    .to_vec()];
    for (i, p) in roster.people.iter().enumerate() {
        let role = ladder
            .role(&p.role)
            .map_or(p.role.clone(), |r| r.name.nl.clone());
        let days: Vec<&str> = p.days.days().iter().map(|d| d.code()).collect();
        let start = p
            .start
            .map(|d| format!("{}-{}-{}", d.day(), d.month(), d.year()))
            .unwrap_or_default();
        rows.push(vec![
            p.id.clone(),
            p.name.clone(),
            role,
            p.team.clone(),
            p.location.clone(),
            p.manager.clone().unwrap_or_default(),
            days.join(", "),
            p.hours.to_string().replace('.', ","),
            start,
            format!("{:09}", 100_000_000 + i),
        ]);
    }
    rows
}

/// Reading HR exports at the limits: the most people whose `;` CSV export
/// fits in 5 MiB, and a workbook (.xlsx) of 50,000 people.
fn hr_exports(ladder: &doorgroei::Ladder, fits: &doorgroei::roster::Roster) {
    use doorgroei::format::load_roster_checked;
    let rows = hr_rows(ladder, fits);
    let mut csv = String::new();
    for row in &rows {
        csv.push_str(&row.join(";"));
        csv.push_str("\r\n");
    }
    if csv.len() <= MAX_FILE_BYTES {
        let (t, loaded) =
            median(|| load_roster_checked("export.csv", csv.as_bytes(), ladder).unwrap());
        assert_eq!(loaded.value.people.len(), fits.people.len());
        figure(
            &format!(
                "an HR export of {} people (CSV, Dutch headers, BSN column not read)",
                fits.people.len()
            ),
            t,
            csv.len(),
        );
    }
    let all = doorgroei::synth::roster(MAX_PEOPLE * 2 / 3, MAX_PEOPLE - MAX_PEOPLE * 2 / 3, 2026);
    let mut rows = hr_rows(ladder, &all);
    // The team leaders come first: the header and 50,000 people.
    rows.truncate(MAX_PEOPLE + 1);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            let _ = match cell.parse::<f64>() {
                Ok(n) if c == 0 || c == 9 => sheet.write_number(r, c, n),
                _ => sheet.write_string(r, c, cell),
            };
        }
    }
    let bytes = book.save_to_buffer().expect("the workbook is written");
    let (t, loaded) =
        median(|| load_roster_checked("export.xlsx", &bytes, ladder).map(|l| l.value.people.len()));
    match loaded {
        Ok(n) => {
            assert_eq!(n, MAX_PEOPLE);
            figure(
                &format!("an HR export of {n} people (.xlsx, BSN column not read)"),
                t,
                bytes.len(),
            );
        }
        Err(e) => println!("export.xlsx: {}", e.render(doorgroei::Lang::En)),
    }
}
