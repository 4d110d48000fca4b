//! `cargo xtask fuzz --seconds N [--seed S]`: throws mutated files at every
//! loader, and whatever loads at the analyses, matcher, scheduler and
//! intervisie groups (small rosters), for N
//! seconds on stable Rust (a debug build, so overflow checks are on). Any
//! panic is a failure: the input is written to `target/fuzz/crashes/` and
//! the run exits non-zero. Found crashes become regression tests in
//! `crates/core/tests/robustness.rs`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use doorgroei::format::{
    ladder_file_to_json, ladder_from_json, load_ladder, load_ladder_file, load_match_config,
    load_pairs, load_profile, load_roster, load_roster_json, load_schedule_config, roster_to_json,
    schedule_to_ics,
};
use doorgroei::intervisie;
use doorgroei::matching::{assign, pair_problems, MatchConfig};
use doorgroei::paths::{plan, Config, Profile};
use doorgroei::render::{ladder_svg, DrawOptions};
use doorgroei::roster::Roster;
use doorgroei::scan::scan;
use doorgroei::schedule::{schedule, PairRef, ScheduleConfig};
use doorgroei::{Ladder, Lang};

use crate::{root, Result};

/// xorshift64*: deterministic for a seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that matter to YAML and CSV parsers and to our own checks.
const TOKENS: &[&str] = &[
    ":",
    ": ",
    "- ",
    "-",
    "{",
    "}",
    "[",
    "]",
    ",",
    "\n",
    "\n  ",
    "  ",
    "'",
    "\"",
    "#",
    "&a ",
    "*a",
    "!!binary ",
    "!!str ",
    "|",
    ";",
    "\t",
    "\r\n",
    "\u{feff}",
    "é",
    "ü",
    "0",
    "-1",
    "999999999999999999999",
    "1e308",
    "-1e9",
    "NaN",
    ".nan",
    ".inf",
    "-.inf",
    "1e-320",
    ".5",
    "null",
    "~",
    "true",
    "ja",
    "nee",
    "..",
    "2027-02-30",
    "2027-12-31",
    "9999-12-31",
    "ma|di",
    "zo",
    "junior",
    "senior",
    "lead",
    "hybrid",
    "practice: 100",
    "policy: 101",
    "from: ",
    "to: ",
    "id: ",
    "<b>",
    "=1+1",
];

/// Numbers at and past every bound, and ones that are no number at all.
const EXTREMES: &[&str] = &[
    "0", "-0", "-1", "0.5", "1", "59.99", "60", "60.01", "61", "79.5", "80", "81", "100", "101",
    "255", "256", "1e9", "-1e9", "1e300", "-1e300", "1e-320", ".nan", ".NaN", ".inf", "-.inf",
    "NaN", "inf", "0x10", "1_000",
];

/// Fields whose numbers have limits (profiles, ladders, rosters, settings).
const NUMBER_FIELDS: &[&str] = &[
    "years_in_role:",
    "years_in_profession:",
    "hours_per_week:",
    "min_practice:",
    "min_years:",
    "full_time_hours:",
    "hours:",
    "capacity:",
    "months:",
];

/// Gives one number field of the text an extreme value.
fn extreme_number(rng: &mut Rng, data: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(data);
    let spots: Vec<(usize, usize)> = NUMBER_FIELDS
        .iter()
        .flat_map(|field| text.match_indices(field).map(|(at, f)| (at, f.len())))
        .collect();
    let Some(&(at, len)) = spots.get(rng.below(spots.len())) else {
        return data.to_vec();
    };
    let start = at + len;
    let end = text[start..]
        .find(['\n', ',', '}'])
        .map_or(text.len(), |i| start + i);
    let value = EXTREMES[rng.below(EXTREMES.len())];
    format!("{} {value}{}", &text[..start], &text[end..]).into_bytes()
}

/// A profile with extreme numbers, straight to the routes (the loader
/// refuses them, but `paths` is a public API and must not panic either).
fn extreme_profile(rng: &mut Rng, ladder: &Ladder) {
    let numbers = [
        0.0,
        -0.0,
        -1.0,
        0.5,
        60.0,
        80.0,
        1e9,
        -1e9,
        1e300,
        f64::MIN_POSITIVE,
        f64::MAX,
        f64::MIN,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    let Some((_, role)) = ladder.roles().nth(rng.below(ladder.len())) else {
        return;
    };
    let mut pick = || numbers[rng.below(numbers.len())];
    let mut profile = Profile::in_role(&role.id);
    profile.years_in_role = pick();
    profile.years_in_profession = pick();
    profile.hours_per_week = pick();
    if let Some((_, goal)) = ladder.roles().nth(rng.below(ladder.len())) {
        profile.goals = vec![goal.id.clone()];
    }
    let _ = plan(
        ladder,
        &profile,
        Config::default(),
        jiff::civil::date(2026, 11, 22),
    );
}

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(data.len() + 1);
        match rng.below(7) {
            5 => data = extreme_number(rng, &data),
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 if !data.is_empty() => {
                let len = rng.below(40).min(data.len() - at.min(data.len()));
                data.drain(at.min(data.len())..at.min(data.len()) + len);
            }
            2 if !data.is_empty() => {
                let from = rng.below(data.len());
                let len = rng.below(200).min(data.len() - from);
                let piece = data[from..from + len].to_vec();
                data.splice(at..at, piece);
            }
            3 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                data.splice(at..at, token.iter().copied());
            }
            4 => data.truncate(at),
            _ => {
                // Replace a line with another line of the file.
                let text = String::from_utf8_lossy(&data).into_owned();
                let lines: Vec<&str> = text.lines().collect();
                if lines.len() > 1 {
                    let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                    let mut out: Vec<&str> = lines.clone();
                    out[a] = lines[b];
                    data = out.join("\n").into_bytes();
                }
            }
        }
    }
    data
}

/// Everything one input goes through. Returns what loaded, for counting.
fn exercise(name: &str, bytes: &[u8], example: &Ladder, roster: &Roster) -> usize {
    let text = String::from_utf8_lossy(bytes);
    let mut loaded = 0;
    // A pairs file for `doorgroei schedule --pairs`, against the example roster.
    if let Ok(pairs) = load_pairs(name, &text, roster) {
        loaded += 1;
        for p in &pairs {
            let _ = pair_problems(
                example,
                roster,
                &MatchConfig::default(),
                &p.mentee,
                &p.mentor,
            );
        }
        let pairs: Vec<PairRef> = pairs
            .iter()
            .map(|p| PairRef {
                mentee: p.mentee.clone(),
                mentor: p.mentor.clone(),
            })
            .collect();
        let config = ScheduleConfig {
            months: 2,
            ..ScheduleConfig::default()
        };
        let _ = schedule(roster, &pairs, jiff::civil::date(2027, 1, 4), &config);
    }
    if let Ok(ladder) = load_ladder(name, &text) {
        loaded += 1;
        let _ = scan(&ladder);
        let _ = ladder_svg(
            &ladder,
            &DrawOptions {
                lang: Lang::Nl,
                selected: None,
                highlighted: Default::default(),
                standalone: true,
            },
        )
        .to_svg();
        if let Some((_, role)) = ladder.roles().next() {
            let profile = Profile::in_role(&role.id);
            let _ = plan(
                &ladder,
                &profile,
                Config::default(),
                jiff::civil::date(2026, 11, 22),
            );
        }
    }
    // The JSON forms the web page reads itself (its saves, its worker's answers).
    if let Some(ladder) = ladder_from_json(&text) {
        loaded += 1;
        let _ = scan(&ladder);
    }
    if let Ok(roster) = load_roster_json(name, &text, example) {
        loaded += 1;
        if roster.people.len() <= 400 {
            let _ = assign(example, &roster, &MatchConfig::default());
        }
    }
    if let Ok(profile) = load_profile(name, &text, example) {
        loaded += 1;
        let _ = plan(
            example,
            &profile,
            Config::default(),
            jiff::civil::date(2026, 11, 22),
        );
    }
    let _ = load_match_config(name, &text).map(|_| loaded += 1);
    let _ = load_schedule_config(name, &text).map(|_| loaded += 1);
    let _ = doorgroei::format::load_intervisie_config(name, &text).map(|_| loaded += 1);
    let _ = doorgroei::format::load_earlier(&format!("{name}.csv"), bytes).map(|_| loaded += 1);
    let _ = doorgroei::format::load_earlier(name, bytes).map(|_| loaded += 1);
    for file in [
        format!("{name}.csv"),
        format!("{name}.yaml"),
        format!("{name}.xlsx"),
    ] {
        if let Ok(roster) = load_roster(&file, bytes, example) {
            loaded += 1;
            if roster.people.len() <= 400 {
                let result = assign(example, &roster, &MatchConfig::default());
                let pairs: Vec<PairRef> = result.pairs.iter().map(PairRef::from).collect();
                let config = ScheduleConfig {
                    months: 3,
                    ..ScheduleConfig::default()
                };
                let plan = schedule(&roster, &pairs, jiff::civil::date(2027, 1, 4), &config);
                let stamp = jiff::Timestamp::UNIX_EPOCH;
                let _ = schedule_to_ics(&plan, &roster, Lang::En, stamp, None);
                let _ = intervisie::supervision_due(
                    example,
                    &roster,
                    &Default::default(),
                    config_start(),
                );
            }
            // Intervisie on small rosters only: a debug build's search
            // would take the fuzzing's time.
            if intervisie::participants(example, &roster).len() <= 16 {
                let settings = intervisie::IntervisieConfig::default();
                let earlier = intervisie::Earlier::default();
                let grouping = intervisie::form_groups(example, &roster, &settings, &earlier);
                let start = config_start();
                let plan = intervisie::meetings(
                    &roster,
                    &grouping.groups,
                    start,
                    3,
                    &settings,
                    &ScheduleConfig::default(),
                );
                let stamp = jiff::Timestamp::UNIX_EPOCH;
                let _ = doorgroei::format::meetings_to_ics(
                    &plan,
                    &grouping.groups,
                    &roster,
                    Lang::Nl,
                    stamp,
                    None,
                );
            }
        }
    }
    loaded
}

/// The day the fuzzed schedules and groups start.
fn config_start() -> jiff::civil::Date {
    jiff::civil::date(2027, 1, 4)
}

pub fn fuzz(args: &[String]) -> Result<()> {
    let mut seconds = 60u64;
    let mut seed = 2026u64;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let value = it.next().ok_or(format!("{arg} needs a value"))?;
        match arg.as_str() {
            "--seconds" => seconds = value.parse().map_err(|_| "--seconds takes a number")?,
            "--seed" => seed = value.parse().map_err(|_| "--seed takes a number")?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    let pathways = root().join("pathways");
    let mut seeds: Vec<(String, Vec<u8>)> = Vec::new();
    let mut dirs = vec![pathways.clone(), pathways.join("schema")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if matches!(ext, "yaml" | "csv") {
                let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
                seeds.push((
                    path.file_stem()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into(),
                    bytes,
                ));
            }
        }
    }
    // HR exports: CSV in two encodings and workbooks (.xlsx).
    let corpus = root().join("tests/corpus");
    for entry in std::fs::read_dir(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))? {
        let dir = entry.map_err(|e| e.to_string())?.path();
        for file in ["export-1252.csv", "export-utf8.csv", "export.xlsx"] {
            if let Ok(bytes) = std::fs::read(dir.join(file)) {
                let name = dir.file_name().unwrap_or_default().to_string_lossy();
                seeds.push((format!("{name}-{file}"), bytes));
            }
        }
    }
    seeds.sort();
    let example_text =
        std::fs::read_to_string(pathways.join("welzijn-groeit.yaml")).map_err(|e| e.to_string())?;
    let (example, file) =
        load_ladder_file("welzijn-groeit.yaml", &example_text).map_err(|e| e.to_string())?;
    // The JSON forms of the example ladder and roster seed the page's readers.
    seeds.push((
        "ladder-json".into(),
        ladder_file_to_json(&file).into_bytes(),
    ));
    let csv =
        std::fs::read(pathways.join("rooster-welzijn-groeit.csv")).map_err(|e| e.to_string())?;
    let roster = load_roster("rooster.csv", &csv, &example).map_err(|e| e.to_string())?;
    seeds.push(("roster-json".into(), roster_to_json(&roster).into_bytes()));
    // A pairs file as `doorgroei match --format json` writes it (the fields
    // the reader uses), and a plain list.
    let matched = assign(&example, &roster, &MatchConfig::default());
    let list: Vec<serde_json::Value> = matched
        .pairs
        .iter()
        .map(|p| serde_json::json!({"mentee": p.mentee, "mentor": p.mentor, "locked": p.locked, "score": p.score}))
        .collect();
    let pairs_json = serde_json::json!({"pairs": list, "matched": matched.matched});
    seeds.push((
        "pairs-json".into(),
        serde_json::to_string_pretty(&pairs_json)
            .map_err(|e| e.to_string())?
            .into_bytes(),
    ));
    seeds.push((
        "pairs-list".into(),
        serde_json::to_string(&list)
            .map_err(|e| e.to_string())?
            .into_bytes(),
    ));
    // Panics are caught and counted; keep their messages off the screen.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let crashes_dir: PathBuf = root().join("target/fuzz/crashes");
    let mut rng = Rng(seed | 1);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut loaded, mut crashes) = (0u64, 0usize, Vec::new());
    while Instant::now() < deadline {
        let (name, seed_bytes) = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, seed_bytes);
        runs += 1;
        let mut numbers = Rng(rng.next() | 1);
        let run = || {
            extreme_profile(&mut numbers, &example);
            exercise(name, &input, &example, &roster)
        };
        match catch_unwind(AssertUnwindSafe(run)) {
            Ok(n) => loaded += n,
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                std::fs::create_dir_all(&crashes_dir).map_err(|e| e.to_string())?;
                let file = crashes_dir.join(format!("{name}-{runs}.bin"));
                std::fs::write(&file, &input).map_err(|e| e.to_string())?;
                crashes.push(format!("{}: {message}", file.display()));
            }
        }
    }
    std::panic::set_hook(default_hook);
    println!(
        "xtask fuzz: {runs} inputs in {seconds} s (seed {seed}) from {} seed files; {loaded} loads succeeded; {} crashes",
        seeds.len(),
        crashes.len()
    );
    if crashes.is_empty() {
        Ok(())
    } else {
        for c in &crashes {
            eprintln!("crash: {c}");
        }
        Err(format!("{} inputs made the core panic", crashes.len()))
    }
}
