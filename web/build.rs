//! Reads the built-in example ladder and roster (`pathways/`) at build time
//! and writes them in their JSON forms, which the page reads without a YAML
//! or CSV reader: the example draws at once, and the page's WebAssembly
//! carries no parser for it. Also the example's findings: the scan runs in
//! the worker, which a visit that only looks at the example never starts.

use std::path::{Path, PathBuf};

fn main() {
    // The repository: the page's folder or a room module's within it
    // (`web/calendar` builds with this same file).
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest
        .ancestors()
        .find(|dir| dir.join("pathways").is_dir())
        .expect("the repository holds pathways/");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let ladder_path = root.join("pathways/welzijn-groeit.yaml");
    let roster_path = root.join("pathways/rooster-welzijn-groeit.csv");
    for path in [&ladder_path, &roster_path] {
        println!("cargo::rerun-if-changed={}", path.display());
    }
    let text = std::fs::read_to_string(&ladder_path)
        .unwrap_or_else(|e| panic!("{}: {e}", ladder_path.display()));
    let (ladder, file) = doorgroei::format::load_ladder_file("welzijn-groeit.yaml", &text)
        .unwrap_or_else(|e| panic!("the built-in example ladder does not load:\n{e}"));
    let bytes =
        std::fs::read(&roster_path).unwrap_or_else(|e| panic!("{}: {e}", roster_path.display()));
    let roster = doorgroei::format::load_roster("rooster-welzijn-groeit.csv", &bytes, &ladder)
        .unwrap_or_else(|e| panic!("the built-in example roster does not load:\n{e}"));
    write(
        &out.join("example-ladder.json"),
        &doorgroei::format::ladder_file_to_json(&file),
    );
    write(
        &out.join("example-roster.json"),
        &doorgroei::format::roster_to_json(&roster),
    );
    let findings = doorgroei::scan::scan(&ladder);
    write(
        &out.join("example-findings.json"),
        &serde_json::to_string(&findings).expect("findings are plain data"),
    );
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
