//! Reads the example ladders (`pathways/`) at build time and writes them in
//! their JSON forms: the editor can start from either without a YAML reader.

use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in ["welzijn-groeit", "welzijn-vlak"] {
        let path = root.join(format!("pathways/{name}.yaml"));
        println!("cargo::rerun-if-changed={}", path.display());
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (_, file) = doorgroei::format::load_ladder_file(&format!("{name}.yaml"), &text)
            .unwrap_or_else(|e| panic!("the example ladder {name} does not load:\n{e}"));
        let json = out.join(format!("{name}.json"));
        std::fs::write(&json, doorgroei::format::ladder_file_to_json(&file))
            .unwrap_or_else(|e| panic!("{}: {e}", json.display()));
    }
}
