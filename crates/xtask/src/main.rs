//! Build, serve and test automation: `cargo xtask <command>`.
//!
//! Needs nothing but cargo to start. Whatever else a command needs (the
//! wasm32 target, the wasm-bindgen-cli that matches our pinned wasm-bindgen,
//! Debian's Chromium, the npm packages of the browser tests) it installs when
//! missing, and says so.

mod fuzz;
mod serve;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

const USAGE: &str = "\
cargo xtask <command>

Commands:
  serve [--port N]   build the web app (release) and serve it on http://127.0.0.1:8080
  dist               write the static web app to target/dist/ and print the .wasm size
  bench              run the benchmarks (native and in headless Chromium) and print one
                     table of every figure (DOORGROEI_BENCH_SIZES=all adds matching at
                     10,000×5,000, 20,000×9,000 and 34,000×16,000: a few minutes more)
  fuzz [--seconds N] [--seed S]
                     throw mutated example files at every loader, the matcher and the
                     scheduler for N seconds (default 60); any panic fails
  gen-roster --juniors N --mentors M --seed S [--format csv|yaml]
                     write a synthetic roster for the example ladder to standard output
  test               run every test: fmt, clippy, unit/integration/CLI tests, wasm build, browser tests
  test-browser       build the web app and run only its browser tests
  help               show this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => port_arg(&args[1..]).and_then(serve_cmd),
        Some("dist") => dist().map(|_| ()),
        Some("test") => test(),
        Some("test-browser") => dist().and_then(|dist| browser_tests(&dist)),
        Some("bench") => bench(),
        Some("gen-roster") => gen_roster(&args[1..]),
        Some("fuzz") => fuzz::fuzz(&args[1..]),
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => {
            eprintln!("unknown command '{other}'\n\n{USAGE}");
            return ExitCode::from(2);
        }
        None => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

type Result<T> = std::result::Result<T, String>;

fn port_arg(args: &[String]) -> Result<u16> {
    match args {
        [] => Ok(8080),
        [flag, port] if flag == "--port" => port
            .parse()
            .map_err(|_| format!("--port needs a number, got '{port}'")),
        _ => Err(format!(
            "unexpected arguments: {}\n\n{USAGE}",
            args.join(" ")
        )),
    }
}

/// The workspace root (the parent of `crates/xtask`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("crates/xtask sits two levels below the workspace root")
        .to_path_buf()
}

/// Runs a command (in the workspace root unless it names a directory),
/// streaming its output; fails on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result<()> {
    let shown = announce(cmd);
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    finished(&shown, status)
}

/// Prints the command about to run and makes the workspace root its
/// directory unless it names one; returns the command as shown.
fn announce(cmd: &mut Command) -> String {
    let shown = format!("{cmd:?}").replace('"', "");
    println!("$ {shown}");
    if cmd.get_current_dir().is_none() {
        cmd.current_dir(root());
    }
    shown
}

fn finished(shown: &str, status: std::process::ExitStatus) -> Result<()> {
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// Builds the web app into `target/dist` and returns that directory.
/// A WebAssembly module of the web app.
struct Module {
    /// What cargo builds (`target/wasm32-unknown-unknown/web/…`).
    crate_file: &'static str,
    /// What wasm-bindgen writes (`NAME.js`, `NAME_bg.wasm`).
    name: &'static str,
    /// What it is, for the bench table.
    what: &'static str,
    /// When a visit downloads it.
    when: &'static str,
}

/// The web app's modules: the page, and what it loads when needed.
const MODULES: &[Module] = &[
    Module {
        crate_file: "doorgroei-web.wasm",
        name: "doorgroei_web",
        what: "the page",
        when: "download before the first render",
    },
    Module {
        crate_file: "doorgroei_planner.wasm",
        name: "doorgroei_planner",
        what: "the worker's planner",
        when: "download when a roster is first matched or explained, or a schedule asked",
    },
    Module {
        crate_file: "doorgroei_growth.wasm",
        name: "doorgroei_growth",
        what: "the worker's growth module",
        when: "download when a ladder is first scanned, a profile file read or a plan asked",
    },
    Module {
        crate_file: "doorgroei_programme.wasm",
        name: "doorgroei_programme",
        what: "the worker's programme module",
        when: "download when Besprekingen first shows the progress or opens a review log",
    },
    Module {
        crate_file: "doorgroei_files.wasm",
        name: "doorgroei_files",
        what: "the worker's file reader",
        when: "download when a file is first opened or written",
    },
    Module {
        crate_file: "doorgroei_xlsx.wasm",
        name: "doorgroei_xlsx",
        what: "the spreadsheet reader",
        when: "download when a spreadsheet is first opened",
    },
    Module {
        crate_file: "doorgroei_editor.wasm",
        name: "doorgroei_editor",
        what: "the ladder editor",
        when: "download when \"Bewerken\" is first pressed",
    },
    Module {
        crate_file: "doorgroei_calendar.wasm",
        name: "doorgroei_calendar",
        what: "the Besprekingen room",
        when: "download when Besprekingen is first opened",
    },
    Module {
        crate_file: "doorgroei_intervisie.wasm",
        name: "doorgroei_intervisie",
        what: "the Intervisie room",
        when: "download when Intervisie is first opened",
    },
    Module {
        crate_file: "doorgroei_groeipad.wasm",
        name: "doorgroei_groeipad",
        what: "the Mijn groeipad room",
        when: "download when Mijn groeipad is first opened",
    },
];

fn dist() -> Result<PathBuf> {
    tools::ensure_wasm_target()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;
    let root = root();
    println!("xtask: building the web app (release, wasm32): the page and its worker…");
    run(cargo().args([
        "build",
        "--package",
        "doorgroei-web",
        "--package",
        "doorgroei-files",
        "--package",
        "doorgroei-planner",
        "--package",
        "doorgroei-growth",
        "--package",
        "doorgroei-programme",
        // A room of its own, with the page's own features.
        "--package",
        "doorgroei-calendar",
        "--package",
        "doorgroei-intervisie",
        "--package",
        "doorgroei-groeipad",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "web",
    ]))?;
    // The spreadsheet reader on its own: built with core's `xlsx` feature,
    // which must not reach the page or the worker (cargo unifies the
    // features of the packages one build selects).
    run(cargo().args([
        "build",
        "--package",
        "doorgroei-xlsx",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "web",
    ]))?;
    // The ladder editor on its own, so that its web-sys features and code
    // stay out of the page's build; the page loads it when it is opened.
    run(cargo().args([
        "build",
        "--package",
        "doorgroei-editor",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "web",
    ]))?;
    let out = root.join("target/dist");
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for &Module {
        crate_file, name, ..
    } in MODULES
    {
        let wasm = root
            .join("target/wasm32-unknown-unknown/web")
            .join(crate_file);
        run(Command::new(&wasm_bindgen)
            .args([
                "--target",
                "web",
                "--no-typescript",
                // Function names and tool versions are of no use to the app's
                // users: a sixth of the size.
                "--remove-name-section",
                "--remove-producers-section",
                "--out-name",
                name,
                "--out-dir",
            ])
            .arg(&out)
            .arg(&wasm))?;
    }
    for file in [
        "index.html",
        "boot.js",
        "editor.js",
        "calendar.js",
        "worker.js",
        "style.css",
        "manifest.webmanifest",
        "icons/doorgroei.svg",
        "icons/doorgroei-192.png",
        "icons/doorgroei-512.png",
    ] {
        if let Some(dir) = out.join(file).parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        copy(&root.join("web").join(file), &out.join(file))?;
    }
    copy(
        &root.join("crates/core/src/render/ladder.css"),
        &out.join("ladder.css"),
    )?;
    write_service_worker(&root.join("web/sw.js"), &out)?;
    for module in MODULES {
        let name = format!("{}_bg.wasm", module.name);
        let (raw, gz) = sizes(&out.join(&name))?;
        println!(
            "xtask: {name}: {} KiB raw, {} KiB gzip ({gz} bytes; budget {MODULE_BUDGET})",
            raw / 1024,
            gz / 1024
        );
    }
    println!("xtask: web app written to {}", out.display());
    Ok(out)
}

/// Writes the service worker (`sw.js`) from its template: the names of
/// every file of the build (relative to `out`, sorted) and a build id, an
/// FNV-1a hash of those names and their bytes, so that any change to any
/// file is a new build with a cache of its own.
fn write_service_worker(template: &Path, out: &Path) -> Result<()> {
    fn walk(dir: &Path, base: &Path, files: &mut Vec<String>) -> Result<()> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                walk(&path, base, files)?;
            } else if let Ok(rel) = path.strip_prefix(base) {
                let name = rel.to_string_lossy().replace('\\', "/");
                if name != "sw.js" {
                    files.push(name);
                }
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(out, out, &mut files)?;
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for name in &files {
        eat(name.as_bytes());
        eat(&[0]);
        let path = out.join(name);
        eat(&std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?);
    }
    let text = std::fs::read_to_string(template)
        .map_err(|e| format!("cannot read {}: {e}", template.display()))?;
    let list = serde_json::to_string(&files).map_err(|e| e.to_string())?;
    let text = text
        .replace("__BUILD__", &format!("{hash:016x}"))
        .replace("__FILES__", &list);
    std::fs::write(out.join("sw.js"), text).map_err(|e| format!("cannot write sw.js: {e}"))?;
    println!(
        "xtask: sw.js keeps {} files for offline use (build {hash:016x})",
        files.len()
    );
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

/// Raw and gzip-compressed size of a file in bytes: compressed by zlib at
/// level 9 (flate2's `zlib` backend), so the figure is `gzip -9`'s, the
/// measure the README and BENCHMARKS.md use; miniz_oxide and zlib-rs
/// compress the page about 1 KB worse.
fn sizes(path: &Path) -> Result<(usize, usize)> {
    use std::io::Write as _;
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&bytes).map_err(|e| e.to_string())?;
    let compressed = gz.finish().map_err(|e| e.to_string())?;
    Ok((bytes.len(), compressed.len()))
}

fn serve_cmd(port: u16) -> Result<()> {
    let dir = dist()?;
    let server = serve::Server::bind(&dir, port)?;
    println!(
        "\nDoorgroei runs at http://{}/  (Ctrl-C stops it)",
        server.addr()
    );
    server.run_forever();
    Ok(())
}

fn gen_roster(args: &[String]) -> Result<()> {
    let mut juniors = 20usize;
    let mut mentors = 10usize;
    let mut seed = 1u64;
    let mut csv = true;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n\n{USAGE}"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag} needs a number, got '{value}'"))
        };
        match flag.as_str() {
            "--juniors" => juniors = number()? as usize,
            "--mentors" => mentors = number()? as usize,
            "--seed" => seed = number()?,
            "--format" => match value.as_str() {
                "csv" => csv = true,
                "yaml" => csv = false,
                other => return Err(format!("--format is csv or yaml, not '{other}'")),
            },
            other => return Err(format!("unknown option '{other}'\n\n{USAGE}")),
        }
    }
    let roster = doorgroei::synth::roster(juniors, mentors, seed);
    let text = if csv {
        doorgroei::format::roster_to_csv(&roster)
    } else {
        doorgroei::format::roster_to_yaml(&roster)
    };
    print!("{text}");
    Ok(())
}

/// One row of `cargo xtask bench`'s table: what, where, the figure, the target.
type Figure = [String; 4];

/// The benchmarks, with short measurement times so a run takes a few
/// minutes; ends with one table of every figure.
fn bench() -> Result<()> {
    let mut rows: Vec<Figure> = Vec::new();
    // Growth routes (criterion; its estimates are read back for the table).
    run(cargo().args([
        "bench",
        "--package",
        "doorgroei",
        "--bench",
        "paths",
        "--",
        "--warm-up-time",
        "1",
        "--measurement-time",
        "3",
    ]))?;
    rows.extend(criterion_figures(&root().join("target/criterion"))?);
    // Matching at 200×100 and 2,000×1,000 (and 10,000×5,000, 20,000×9,000 and
    // 34,000×16,000 with DOORGROEI_BENCH_SIZES=all).
    let which = std::env::var("DOORGROEI_BENCH_SIZES").unwrap_or_else(|_| "small".into());
    rows.extend(run_figures(
        cargo()
            .args(["bench", "--package", "doorgroei", "--bench", "matching"])
            .env("DOORGROEI_BENCH_SIZES", which),
    )?);
    // Scheduling: 2,000 pairs × 36 months.
    rows.extend(run_figures(cargo().args([
        "bench",
        "--package",
        "doorgroei",
        "--bench",
        "schedule",
    ]))?);
    // Intervisie groups for 500 people.
    rows.extend(run_figures(cargo().args([
        "bench",
        "--package",
        "doorgroei",
        "--bench",
        "intervisie",
    ]))?);
    // Reading files at the documented limits.
    rows.extend(run_figures(cargo().args([
        "bench",
        "--package",
        "doorgroei",
        "--bench",
        "limits",
        "--features",
        "xlsx",
    ]))?);
    // The same work inside headless Chromium, through wasm-bindgen's test runner.
    tools::ensure_wasm_target()?;
    let runner = tools::ensure_wasm_bindgen()?.with_file_name("wasm-bindgen-test-runner");
    let browser = tools::ensure_chromium()?;
    rows.extend(run_figures(
        cargo()
            .args([
                "test",
                "--package",
                "doorgroei-web",
                "--target",
                "wasm32-unknown-unknown",
                "--release",
                "--test",
                "bench",
                "--",
                "--nocapture",
            ])
            .current_dir(root().join("web"))
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", runner)
            .env("CHROMEDRIVER", browser.with_file_name("chromedriver")),
    )?);
    let dist = dist()?;
    // Each module, with when it is downloaded.
    for &Module {
        name: module,
        what,
        when,
        ..
    } in MODULES
    {
        let (raw, gz) = sizes(&dist.join(format!("{module}_bg.wasm")))?;
        rows.push(figure(
            &format!("{module}_bg.wasm, {what} (raw / gzip -9)"),
            when,
            format!("{} KiB / {} KiB ({} bytes gzip)", raw / 1024, gz / 1024, gz),
            "< 350 KB gzip",
        ));
    }
    // Time to first render, in the same browser.
    let node = tools::ensure_node()?;
    let dir = root().join("tests/browser");
    tools::ensure_npm_packages(&dir)?;
    let server = serve::Server::bind(&dist, 0)?;
    let url = format!("http://{}/", server.addr());
    let handle = server.spawn();
    let result = run_figures(
        Command::new(node)
            .arg(dir.join("first-render.mjs"))
            .current_dir(&dir)
            .env("DOORGROEI_URL", &url)
            .env("DOORGROEI_CHROMIUM", &browser),
    );
    rows.extend(result?);
    // The ladder editor: an edit to the redrawn drawing and findings.
    std::fs::create_dir_all(root().join("target/browser")).map_err(|e| e.to_string())?;
    let mut ladders = Vec::new();
    for n in [200, 500] {
        let path = root().join(format!("target/browser/ladder-{n}.yaml"));
        std::fs::write(&path, doorgroei::synth::ladder_yaml(n, 7)).map_err(|e| e.to_string())?;
        ladders.push(path.display().to_string());
    }
    let result = run_figures(
        Command::new(tools::ensure_node()?)
            .arg(dir.join("editor-bench.mjs"))
            .current_dir(&dir)
            .env("DOORGROEI_URL", &url)
            .env("DOORGROEI_CHROMIUM", &browser)
            .env("DOORGROEI_BENCH_LADDERS", ladders.join(",")),
    );
    // Besprekingen with 2,000 pairs: opening the room and a month step.
    let big = big_roster()?;
    let calendar = run_figures(
        Command::new(tools::ensure_node()?)
            .arg(dir.join("calendar-bench.mjs"))
            .current_dir(&dir)
            .env("DOORGROEI_URL", &url)
            .env("DOORGROEI_CHROMIUM", &browser)
            .env("DOORGROEI_BIG_ROSTER", &big),
    );
    // Intervisie with 500 people taking part: forming the groups in the worker.
    let five_hundred = root().join("target/browser/rooster-intervisie-500.csv");
    std::fs::write(
        &five_hundred,
        doorgroei::format::roster_to_csv(&doorgroei::synth::roster(300, 200, 18)),
    )
    .map_err(|e| e.to_string())?;
    let intervisie = run_figures(
        Command::new(tools::ensure_node()?)
            .arg(dir.join("intervisie-bench.mjs"))
            .current_dir(&dir)
            .env("DOORGROEI_URL", &url)
            .env("DOORGROEI_CHROMIUM", &browser)
            .env("DOORGROEI_INTERVISIE_ROSTER", &five_hundred),
    );
    drop(handle);
    rows.extend(result?);
    rows.extend(calendar?);
    rows.extend(intervisie?);
    print_table(&rows);
    Ok(())
}

/// Writes the 2,000-junior roster (3,000 people) the browser tests and
/// benchmarks read, and gives its path.
fn big_roster() -> Result<PathBuf> {
    let big = root().join("target/browser/rooster-2000.csv");
    std::fs::create_dir_all(root().join("target/browser")).map_err(|e| e.to_string())?;
    std::fs::write(
        &big,
        doorgroei::format::roster_to_csv(&doorgroei::synth::roster(2_000, 1_000, 42)),
    )
    .map_err(|e| e.to_string())?;
    Ok(big)
}

fn figure(what: &str, place: &str, value: String, target: &str) -> Figure {
    [what.into(), place.into(), value, target.into()]
}

/// Runs a benchmark like [`run`], echoing its output, and returns the rows
/// it printed as `FIGURE|what|where|figure|target` lines.
fn run_figures(cmd: &mut Command) -> Result<Vec<Figure>> {
    use std::io::BufRead as _;
    let shown = announce(cmd);
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut rows = Vec::new();
    for line in std::io::BufReader::new(stdout).lines() {
        let line = line.map_err(|e| format!("cannot read the output of {shown}: {e}"))?;
        println!("{line}");
        if let Some(at) = line.find("FIGURE|") {
            let parts: Vec<&str> = line[at + 7..].split('|').map(str::trim).collect();
            match parts[..] {
                [what, place, value, target] => {
                    rows.push(figure(what, place, value.into(), target));
                }
                _ => return Err(format!("{shown} printed a malformed figure: {line}")),
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("could not wait for {shown}: {e}"))?;
    finished(&shown, status).map(|()| rows)
}

/// Criterion's mean estimates under `dir` (one row per benchmark).
fn criterion_figures(dir: &Path) -> Result<Vec<Figure>> {
    let mut rows = Vec::new();
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.ends_with("new/estimates.json") {
                files.push(path);
            }
        }
    }
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let json: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not criterion's estimates: {e}", path.display()))?;
        let Some(ns) = json["mean"]["point_estimate"].as_f64() else {
            return Err(format!("{}: no mean estimate", path.display()));
        };
        // …/criterion/<group>/<benchmark>/new/estimates.json
        let name: Vec<String> = path
            .ancestors()
            .skip(2)
            .take(2)
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        let what = format!("{} / {}", name[1], name[0]);
        // Issue 3's target is for one route query.
        let target = if name[0].contains("one query") {
            "< 10 ms"
        } else {
            "—"
        };
        rows.push(figure(
            &what,
            "native",
            format!("{:.3} ms", ns / 1e6),
            target,
        ));
    }
    Ok(rows)
}

/// The one table `cargo xtask bench` ends with (Markdown, for BENCHMARKS.md).
fn print_table(rows: &[Figure]) {
    let read = |file: &str, key: &str| {
        std::fs::read_to_string(file)
            .ok()
            .and_then(|t| {
                t.lines()
                    .find(|l| l.starts_with(key))
                    .and_then(|l| l.split(':').nth(1).map(|v| v.trim().to_string()))
            })
            .unwrap_or_else(|| "unknown".into())
    };
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "\n## Doorgroei benchmarks\n\nMachine: {} × {}, {} memory; {}.\n",
        cores,
        read("/proc/cpuinfo", "model name"),
        read("/proc/meminfo", "MemTotal")
            .trim_end_matches(" kB")
            .parse::<f64>()
            .map_or("unknown".into(), |kb| format!("{:.0} GiB", kb / 1048576.0)),
        jiff::Timestamp::now().strftime("%Y-%m-%d %H:%M UTC")
    );
    let header: Figure = [
        "what".into(),
        "where".into(),
        "figure".into(),
        "target".into(),
    ];
    let mut width = [0usize; 4];
    for row in std::iter::once(&header).chain(rows) {
        for (w, cell) in width.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |row: &Figure| {
        let cells: Vec<String> = row
            .iter()
            .zip(width)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        println!("| {} |", cells.join(" | "));
    };
    line(&header);
    println!(
        "|{}|",
        width
            .iter()
            .map(|w| "-".repeat(w + 2))
            .collect::<Vec<_>>()
            .join("|")
    );
    for row in rows {
        line(row);
    }
}

/// One step of `cargo xtask test`.
struct Step {
    name: &'static str,
    result: Result<()>,
    seconds: f64,
}

fn test() -> Result<()> {
    let mut steps: Vec<Step> = Vec::new();
    let mut step = |name: &'static str, f: &mut dyn FnMut() -> Result<()>| {
        println!("\n=== xtask test: {name} ===");
        let start = Instant::now();
        let result = f();
        if let Err(e) = &result {
            eprintln!("xtask test: {name} FAILED: {e}");
        }
        steps.push(Step {
            name,
            result,
            seconds: start.elapsed().as_secs_f64(),
        });
    };
    step("formatting (cargo fmt --check)", &mut || {
        run(cargo().args(["fmt", "--all", "--check"]))
    });
    step("lints (cargo clippy, warnings denied)", &mut || {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    });
    step("unit, integration and CLI tests (cargo test)", &mut || {
        // The calendars are also read by Python's icalendar package.
        let python = tools::ensure_icalendar(&root())?;
        run(cargo()
            .args(["test", "--workspace"])
            .env("DOORGROEI_PYTHON", python))
    });
    step(
        "fuzzing the loaders, matcher and scheduler (20 s)",
        &mut || fuzz::fuzz(&["--seconds".into(), "20".into()]),
    );
    let mut dist_dir = None;
    step(
        "web app build (wasm32 + wasm-bindgen), every module within 350,000 bytes gzip",
        &mut || {
            let dir = dist()?;
            dist_dir = Some(dir.clone());
            within_budget(&dir)
        },
    );
    step(
        "browser tests (headless Chromium)",
        &mut || match &dist_dir {
            Some(dir) => browser_tests(dir),
            None => Err("skipped: the web app did not build".into()),
        },
    );

    println!("\n=== xtask test: summary ===");
    for s in &steps {
        let mark = if s.result.is_ok() { "ok    " } else { "FAILED" };
        println!("{mark} {:>6.1}s  {}", s.seconds, s.name);
    }
    let failed = steps.iter().filter(|s| s.result.is_err()).count();
    let passed = steps.len() - failed;
    println!("steps: {passed} passed, {failed} failed");
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} of {} steps failed", steps.len()))
    }
}

/// The most a WebAssembly module of the app may weigh, gzip -9: the page
/// is downloaded by every visit, and each of the worker's modules by the
/// first request that needs it.
const MODULE_BUDGET: usize = 350_000;

/// Every WebAssembly module in `dist` within [`MODULE_BUDGET`]; the error
/// names each one over it.
fn within_budget(dist: &Path) -> Result<()> {
    let mut over = Vec::new();
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".wasm"))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(format!("no WebAssembly module in {}", dist.display()));
    }
    for name in names {
        let (_, gz) = sizes(&dist.join(&name))?;
        println!("xtask: {name}: {gz} bytes gzip (budget {MODULE_BUDGET})");
        if gz > MODULE_BUDGET {
            over.push(format!("{name} is {gz} bytes gzip"));
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "over the {MODULE_BUDGET}-byte budget: {}",
            over.join(", ")
        ))
    }
}

fn browser_tests(dist: &Path) -> Result<()> {
    let browser = tools::ensure_chromium()?;
    let node = tools::ensure_node()?;
    let dir = root().join("tests/browser");
    tools::ensure_npm_packages(&dir)?;
    // The browser's results are compared with the command line's.
    run(cargo().args(["build", "--quiet", "--package", "doorgroei-cli"]))?;
    let cli = root().join("target/debug/doorgroei");
    // A large roster, to see the page stay responsive while it is matched.
    let big = big_roster()?;
    let server = serve::Server::bind(dist, 0)?;
    let url = format!("http://{}/", server.addr());
    let handle = server.spawn();
    let result = run(Command::new(node)
        .arg("--test")
        .arg("--test-concurrency=1")
        .arg(dir.join("app.test.mjs"))
        .arg(dir.join("editor.test.mjs"))
        .arg(dir.join("groeipad.test.mjs"))
        .env("DOORGROEI_URL", &url)
        .env("DOORGROEI_CHROMIUM", &browser)
        .env("DOORGROEI_ARTIFACTS", root().join("target/browser"))
        .env("DOORGROEI_PATHWAYS", root().join("pathways"))
        .env("DOORGROEI_CLI", cli)
        .env("DOORGROEI_BIG_ROSTER", big)
        // The offline tests serve a copy of the build of their own.
        .env("DOORGROEI_DIST", dist));
    drop(handle);
    result
}
