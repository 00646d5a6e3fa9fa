//! Converts the built-in rule packs from YAML to JSON at build time. Every run loads the packs
//! before its first story, and JSON deserializes several times faster than YAML: on a big batch
//! it hardly matters, on one draft it is most of the start-up time. The YAML stays the source
//! and is embedded too (for `rules list`, `explain` and located errors); a pack that does not
//! convert gets an empty JSON file and is read from its YAML, whose errors say where it breaks.

use std::path::{Path, PathBuf};

fn main() {
    let manifest =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let rules = manifest.join("../../rules");
    println!("cargo::rerun-if-changed={}", rules.display());
    let mut files = Vec::new();
    collect_yaml(&rules, &mut files);
    for file in files {
        let relative = file.strip_prefix(&rules).expect("found under rules/");
        let target = out.join("rules").join(relative).with_extension("json");
        std::fs::create_dir_all(target.parent().expect("a file has a parent"))
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", target.display()));
        let json = std::fs::read_to_string(&file)
            .ok()
            .and_then(|yaml| serde_yaml::from_str::<serde_json::Value>(&yaml).ok())
            .map(|value| value.to_string())
            .unwrap_or_default();
        std::fs::write(&target, json).unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
    }
}

fn collect_yaml(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_yaml(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "yaml") {
            files.push(path);
        }
    }
}
