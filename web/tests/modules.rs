//! The web app's modules import each other in one direction only: no two
//! modules import each other, directly or through others; the shared pieces
//! (`shared`, `widgets`, `i18n`, `session`) import no room; a room imports no
//! other room. Read from the source files (every `crate::` path, in `use`
//! lines and inline), so it stays true as the app grows.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module's path (`rooms::functiehuis::state`) from its file's path under `src/`.
fn module_of(file: &str) -> String {
    let file = file.trim_end_matches(".rs");
    let file = file.strip_suffix("/mod").unwrap_or(file);
    if file == "main" {
        return String::new();
    }
    file.replace('/', "::")
}

/// The text without comments (doc comments mention paths too).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path that follows `crate::`, braces expanded one level
/// (`crate::a::{b, c::d}` gives `a::b` and `a::c::d`).
fn crate_paths(code: &str) -> Vec<String> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':';
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let end = rest.find(|c| !ident(c)).unwrap_or(rest.len());
        let prefix = rest[..end].trim_end_matches("::");
        if rest[end..].starts_with('{') && rest[..end].ends_with("::") {
            let close = rest[end..].find('}').map_or(rest.len(), |i| end + i);
            for item in rest[end + 1..close].split(',') {
                let item = item.split(" as ").next().unwrap_or("").trim();
                let item = item.trim_end_matches(|c: char| !ident(c));
                match item {
                    "" => {}
                    "self" => out.push(prefix.to_string()),
                    _ => out.push(format!("{prefix}::{item}")),
                }
            }
        } else {
            out.push(prefix.to_string());
        }
    }
    out
}

/// What may import what: the shared pieces and `persist` only shared
/// pieces, a room itself and shared pieces, `store` anything but `app`.
fn allowed(from: &str, to: &str) -> bool {
    let top = |m: &str| m.split("::").next().unwrap_or("").to_string();
    let room = |m: &str| {
        let mut parts = m.split("::");
        (parts.next() == Some("rooms")).then(|| parts.next().unwrap_or("").to_string())
    };
    let shared = |m: &str| matches!(top(m).as_str(), "shared" | "widgets" | "i18n" | "session");
    match top(from).as_str() {
        "shared" | "widgets" | "i18n" | "session" | "persist" => shared(to),
        "rooms" => shared(to) || (room(to).is_some() && room(to) == room(from)),
        "store" => top(to) != "app",
        _ => true,
    }
}

/// Source files: each path under `src/` and its text.
type Files = Vec<(String, String)>;

/// Everything wrong with these files.
fn problems(files: &[(String, String)]) -> Vec<String> {
    let modules: BTreeSet<String> = files.iter().map(|(f, _)| module_of(f)).collect();
    let mut out = Vec::new();
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, text) in files {
        let from = module_of(file);
        let code = code(text);
        for line in code.lines() {
            let line = line.trim();
            if (line.contains("super::") && line != "use super::*;")
                || line.starts_with("use self::")
            {
                out.push(format!("{file}: `{line}`: name modules by `crate::` paths"));
            }
        }
        for path in crate_paths(&code) {
            let segments: Vec<&str> = path.split("::").collect();
            let target = (1..=segments.len())
                .rev()
                .map(|n| segments[..n].join("::"))
                .find(|m| modules.contains(m));
            let Some(to) = target.filter(|to| *to != from && !to.is_empty()) else {
                continue;
            };
            let new = imports.entry(from.clone()).or_default().insert(to.clone());
            if new && !allowed(&from, &to) {
                out.push(format!("{file}: {from} may not import {to}"));
            }
        }
    }
    // A cycle: a module reached again from itself.
    for start in imports.keys() {
        let mut stack = vec![vec![start.clone()]];
        let mut seen = BTreeSet::new();
        while let Some(route) = stack.pop() {
            let last = route.last().cloned().unwrap_or_default();
            for next in imports.get(&last).into_iter().flatten() {
                if next == start {
                    let mut cycle = route.clone();
                    cycle.push(start.clone());
                    // Each cycle once: from its smallest module.
                    if cycle.iter().all(|m| m >= start) {
                        out.push(format!("a cycle: {}", cycle.join(" → ")));
                    }
                } else if seen.insert(next.clone()) {
                    let mut longer = route.clone();
                    longer.push(next.clone());
                    stack.push(longer);
                }
            }
        }
    }
    out
}

fn read(dir: &Path, under: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            read(&path, under, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path
                .strip_prefix(under)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn the_web_apps_modules_import_in_one_direction() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    read(&src, &src, &mut files);
    assert!(files.len() > 20, "the sources are read: {}", files.len());
    let found = problems(&files);
    assert!(found.is_empty(), "\n{}", found.join("\n"));
}

#[test]
fn the_check_finds_cycles_and_imports_across_rooms() {
    let files = |list: &[(&str, &str)]| -> Files {
        list.iter()
            .map(|(f, t)| (f.to_string(), t.to_string()))
            .collect()
    };
    let cases: Vec<(Files, Vec<&str>)> = vec![
        (
            files(&[
                ("main.rs", "mod a; mod b;"),
                ("a.rs", "use crate::b::B;"),
                ("b.rs", "fn f() { crate::a::g() }"),
            ]),
            vec!["a cycle: a → b → a"],
        ),
        (
            files(&[
                ("app.rs", "use crate::store::{Action, Store};"),
                ("store.rs", "use crate::persist::Saved;"),
                (
                    "persist.rs",
                    "// see crate::app::App\nuse crate::session::Tab;",
                ),
                ("session.rs", ""),
            ]),
            vec![],
        ),
        (
            files(&[
                ("store.rs", "use crate::app::{self, App};"),
                ("app.rs", "use crate::store::Store;"),
            ]),
            vec![
                "store.rs: store may not import app",
                "a cycle: app → store → app",
            ],
        ),
        (
            files(&[
                (
                    "rooms/a/mod.rs",
                    "pub mod state;\nuse crate::rooms::a::state::S;",
                ),
                (
                    "rooms/a/state.rs",
                    "use crate::rooms::b::state::T;\nuse crate::rooms::a::View;",
                ),
                ("rooms/b/state.rs", "use crate::shared::worker::post;"),
                ("shared/worker.rs", "use crate::rooms::a::state::S;"),
            ]),
            vec![
                "rooms/a/state.rs: rooms::a::state may not import rooms::b::state",
                "shared/worker.rs: shared::worker may not import rooms::a::state",
                "a cycle: rooms::a → rooms::a::state → rooms::a",
                "a cycle: rooms::a::state → rooms::b::state → shared::worker → rooms::a::state",
            ],
        ),
        (
            files(&[
                (
                    "a.rs",
                    "use super::b;\n#[cfg(test)]\nmod tests {\n    use super::*;\n}",
                ),
                ("b.rs", ""),
            ]),
            vec!["a.rs: `use super::b;`: name modules by `crate::` paths"],
        ),
    ];
    for (files, expected) in cases {
        assert_eq!(problems(&files), expected, "{files:?}");
    }
}
