//! The extractor's modules form a stack: `text` at the bottom, then `numbers`, then `claims`,
//! then `reference`, with `lib.rs` composing them. A module may name (`crate::…`) only its own
//! layer or one below it; this test reads every source file and fails on any path that points up.
//! Unit tests (a file's `#[cfg(test)] mod tests { … }`, or a `tests.rs`) may run the whole stack.

use std::path::{Path, PathBuf};

/// The layers from the bottom up: each is a directory (or file) under `src/`.
const LAYERS: &[&str] = &["text", "numbers", "claims", "reference"];

fn layer_of(name: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| *layer == name)
}

/// The layers a source text names through `crate::<layer>`, with the line each is on.
fn named_layers(source: &str) -> Vec<(usize, &str)> {
    let mut named = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let name = rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or_default();
            named.push((number + 1, name));
        }
        if code.contains("super::super") {
            named.push((number + 1, "super::super"));
        }
    }
    named
}

/// The source before its unit tests.
fn without_tests(source: &str) -> &str {
    let mut offset = 0;
    let mut lines = source.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]" && lines.peek().is_some_and(|next| next.trim() == "mod tests {") {
            return &source[..offset];
        }
        offset += line.len() + 1;
    }
    source
}

/// Every path in `source`, a file of layer `layer`, that reaches above it.
fn upward_paths(layer: usize, source: &str) -> Vec<String> {
    named_layers(without_tests(source))
        .into_iter()
        .filter(|&(_, name)| layer_of(name).is_none_or(|named| named > layer))
        .map(|(line, name)| format!("line {line} names `{name}`"))
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("the source directory is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_names_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut seen = [0; 4];
    let mut problems = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&src).expect("under src");
        let top = relative.components().next().expect("a path").as_os_str().to_string_lossy();
        let top = top.trim_end_matches(".rs");
        if top == "lib" || file.file_name().is_some_and(|name| name == "tests.rs") {
            continue;
        }
        let layer = layer_of(top)
            .unwrap_or_else(|| panic!("{} is in no layer: add it to LAYERS", relative.display()));
        seen[layer] += 1;
        let source = std::fs::read_to_string(&file).expect("a readable source file");
        for problem in upward_paths(layer, &source) {
            problems.push(format!("{}: {problem}", relative.display()));
        }
    }
    assert!(seen.iter().all(|&n| n > 0), "every layer has files: {seen:?}");
    assert!(problems.is_empty(), "modules reaching above their layer:\n{}", problems.join("\n"));
}

#[test]
fn the_check_sees_an_upward_path() {
    let text = "use crate::text::span::Span;\nuse crate::claims::claim::Claim; // upward\n";
    assert_eq!(upward_paths(0, text), ["line 2 names `claims`"]);
    assert_eq!(upward_paths(2, text), Vec::<String>::new());
    assert_eq!(upward_paths(1, "use super::super::x;"), ["line 1 names `super::super`"]);
    // A path in a comment is prose, not an import.
    assert_eq!(upward_paths(0, "// see crate::claims"), Vec::<String>::new());
    // Unit tests may run the whole stack; the code above them may not.
    let tested = "use crate::extract;\n#[cfg(test)]\nmod tests {\n    use crate::extract;\n}\n";
    assert_eq!(upward_paths(2, tested), ["line 1 names `extract`"]);
}
