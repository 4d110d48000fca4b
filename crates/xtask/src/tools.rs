//! Installing what the commands need, when it is missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{root, run, Result};

const WASM_TARGET: &str = "wasm32-unknown-unknown";

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Adds the wasm32 target through rustup when it is not installed.
pub fn ensure_wasm_target() -> Result<()> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))
        .ok_or("rustup is needed to add the wasm32 target, and it did not run")?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    println!("xtask: installing the Rust target {WASM_TARGET} (once)…");
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// The wasm-bindgen version pinned in the workspace Cargo.toml.
fn pinned_wasm_bindgen() -> Result<String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).map_err(|e| e.to_string())?;
    manifest
        .lines()
        .find_map(|l| {
            let l = l.trim();
            let rest = l
                .strip_prefix("wasm-bindgen")?
                .trim_start()
                .strip_prefix('=')?
                .trim();
            rest.strip_prefix("\"=")?
                .split('"')
                .next()
                .map(str::to_string)
        })
        .ok_or_else(|| "Cargo.toml does not pin wasm-bindgen as `wasm-bindgen = \"=X.Y.Z\"`".into())
}

/// Returns a wasm-bindgen CLI of exactly the pinned version, installing it with cargo if needed.
pub fn ensure_wasm_bindgen() -> Result<PathBuf> {
    let version = pinned_wasm_bindgen()?;
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .map(|home| home.join("bin/wasm-bindgen"));
    let candidates: Vec<PathBuf> = cargo_bin
        .into_iter()
        .chain([PathBuf::from("wasm-bindgen")])
        .collect();
    let matching = || {
        candidates.iter().find(|c| {
            output(Command::new(c).arg("--version"))
                .is_some_and(|out| out.split_whitespace().nth(1) == Some(version.as_str()))
        })
    };
    if let Some(found) = matching() {
        return Ok(found.clone());
    }
    println!("xtask: installing wasm-bindgen-cli {version} to match the pinned wasm-bindgen (once, a few minutes)…");
    let locked = run(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &format!("={version}"),
        "--locked",
    ]));
    if let Err(e) = locked {
        // The lock file of a published CLI can name a dependency version that a
        // registry mirror lacks; the same CLI version still builds without it.
        println!("xtask: {e}; retrying without --locked");
        run(Command::new("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &format!("={version}"),
        ]))?;
    }
    matching().cloned().ok_or_else(|| {
        format!("wasm-bindgen {version} was installed but is not found in ~/.cargo/bin or on PATH")
    })
}

fn apt_install(packages: &[&str]) -> Result<()> {
    if output(Command::new("id").arg("-u"))
        .as_deref()
        .map(str::trim)
        != Some("0")
    {
        return Err(format!(
            "please install {} (Debian: sudo apt-get install {}) and run again",
            packages.join(", "),
            packages.join(" ")
        ));
    }
    println!(
        "xtask: installing {} with apt-get (once)…",
        packages.join(", ")
    );
    run(Command::new("apt-get").arg("update").arg("-q"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "-q", "--no-install-recommends"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Debian's Chromium for the browser tests.
pub fn ensure_chromium() -> Result<PathBuf> {
    let browser = PathBuf::from("/usr/bin/chromium");
    if !browser.exists() || !Path::new("/usr/bin/chromedriver").exists() {
        apt_install(&["chromium", "chromium-driver"])?;
    }
    if browser.exists() {
        Ok(browser)
    } else {
        Err("Chromium is still missing at /usr/bin/chromium after installing it".into())
    }
}

/// Node.js and npm, for the browser tests.
pub fn ensure_node() -> Result<PathBuf> {
    if output(Command::new("node").arg("--version")).is_none()
        || output(Command::new("npm").arg("--version")).is_none()
    {
        apt_install(&["nodejs", "npm"])?;
    }
    Ok(PathBuf::from("node"))
}

/// Installs the browser tests' npm packages (exactly as locked) when missing.
pub fn ensure_npm_packages(dir: &Path) -> Result<()> {
    let installed = ["playwright-core", "axe-core"].iter().all(|p| {
        dir.join("node_modules")
            .join(p)
            .join("package.json")
            .exists()
    });
    if installed {
        return Ok(());
    }
    println!(
        "xtask: installing the browser tests' npm packages into {} (once)…",
        dir.display()
    );
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir))
}

/// Python's `icalendar` package in a virtual environment under
/// `target/pyenv` (pinned in `tests/requirements.txt`), for checking the
/// generated calendars with an independent parser. Returns its `python`.
pub fn ensure_icalendar(root: &Path) -> Result<PathBuf> {
    let env = root.join("target/pyenv");
    let python = env.join("bin/python");
    let probe = |python: &Path| {
        Command::new(python)
            .args(["-c", "import icalendar"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if probe(&python) {
        return Ok(python);
    }
    if output(Command::new("python3").args(["-c", "import ensurepip, venv"])).is_none() {
        apt_install(&["python3", "python3-venv"])?;
    }
    println!(
        "xtask: installing Python's icalendar into {} (once)…",
        env.display()
    );
    run(Command::new("python3").arg("-m").arg("venv").arg(&env))?;
    run(Command::new(env.join("bin/pip"))
        .args(["install", "--quiet", "-r"])
        .arg(root.join("tests/requirements.txt")))?;
    if probe(&python) {
        Ok(python)
    } else {
        Err("icalendar did not install".into())
    }
}
