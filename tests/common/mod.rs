//! Shared by the end-to-end tests: running the `factlint` binary, fixture paths and temporary
//! copies of fixture stories.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository root; tests run the binary from here so that paths in the output are the
/// short relative ones (`tests/fixtures/story.md`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture file, as an absolute path.
pub fn fixture(relative: &str) -> PathBuf {
    root().join("tests/fixtures").join(relative)
}

/// The text of a fixture file.
pub fn fixture_text(relative: &str) -> String {
    std::fs::read_to_string(fixture(relative)).expect("fixture is readable")
}

/// `factlint` run from the repository root, without colour and with a fixed terminal width.
pub fn factlint() -> Command {
    let mut command = Command::new(insta_cmd::get_cargo_bin("factlint"));
    command.current_dir(root()).env("NO_COLOR", "1").env("COLUMNS", "100").env_remove("CLICOLOR_FORCE");
    command
}

/// `factlint` run from `dir`.
pub fn factlint_in(dir: &Path) -> Command {
    let mut command = factlint();
    command.current_dir(dir);
    command
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Standard output parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!("stdout is not JSON ({e}):\n{}\nstderr:\n{}", self.stdout, self.stderr)
        })
    }
}

/// Runs a command to completion, feeding `stdin` when given.
pub fn run_with(command: &mut Command, stdin: Option<&[u8]>) -> Run {
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    command.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    let mut child = command.spawn().expect("factlint starts");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(bytes).expect("stdin is written");
    }
    let output = child.wait_with_output().expect("factlint finishes");
    Run {
        code: output.status.code().expect("factlint exits with a code, not a signal"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs `factlint ARGS` from the repository root.
pub fn run(args: &[&str]) -> Run {
    run_with(factlint().args(args), None)
}

/// Runs `factlint ARGS` from `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    run_with(factlint_in(dir).args(args), None)
}

/// A fresh temporary directory.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("factlint-test-").tempdir().expect("temporary directory")
}

/// Copies a fixture into `dir` under `name`; returns the new path.
pub fn copy_fixture(relative: &str, dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).expect("directory is created");
    }
    std::fs::copy(fixture(relative), &to).expect("fixture is copied");
    to
}

/// The names of the entries of a directory, sorted.
pub fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("directory is readable")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The findings of a JSON report as (rule, flagged text) pairs, in order.
pub fn rule_and_text(findings: &serde_json::Value) -> Vec<(String, String)> {
    findings
        .as_array()
        .expect("findings are an array")
        .iter()
        .map(|f| (f["rule"].as_str().unwrap().to_string(), f["text"].as_str().unwrap().to_string()))
        .collect()
}

/// The byte range of `phrase` in a fixture story's `text` (named `file` in messages), which
/// must hold it exactly once.
pub fn locate(text: &str, phrase: &str, file: &str) -> (u64, u64) {
    let mut hits = text.match_indices(phrase);
    let (at, _) = hits.next().unwrap_or_else(|| panic!("{file}: phrase {phrase:?} is not in the story"));
    assert!(hits.next().is_none(), "{file}: phrase {phrase:?} occurs more than once");
    (at as u64, (at + phrase.len()) as u64)
}
