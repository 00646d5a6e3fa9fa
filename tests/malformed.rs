//! A corpus of malformed input, written for factlint: broken rule files
//! (`tests/malformed/rules`), broken configurations (`tests/malformed/config`, with the files
//! they point to in `parts/`) and hostile stories (`tests/malformed/stories`). Every broken rule
//! or configuration file must stop the run with one error naming the file, line and column, and
//! the field at fault; every story must be checked or refused with a reason; nothing may panic.
//! The exact messages are in the snapshots.
//!
//! A file's name says what is wrong with it. `syntax-` and `shape-` files are wrong as YAML or
//! as a whole (no one field is at fault); `read-` files cannot be read at all (a device, a
//! directory, UTF-16), so their error names the file and the reason, with no line.
//!
//! Time and memory per file are measured by `tests/malformed/measure.sh`, not here.

mod common;

use common::{root, run, run_in, temp_dir};
use std::path::Path;

/// A story with no findings, to check with a broken rule file or configuration.
const CLEAN: &str = "tests/fixtures/packs/clean.txt";

/// The name of a corpus file.
fn name(path: &Path) -> &str {
    path.file_name().and_then(|n| n.to_str()).expect("a corpus file has a UTF-8 name")
}

/// `path` relative to the repository root, as the messages print it.
fn relative(path: &Path) -> String {
    path.strip_prefix(root()).expect("the corpus is in the repository").display().to_string()
}

/// Asserts the shape of an error for a broken settings file: one line, `factlint: ` and a
/// location in a YAML file, and the field unless the file is wrong as a whole.
fn assert_located_error(file: &str, code: i32, stderr: &str) {
    assert_eq!(code, 2, "{file}: {stderr}");
    assert!(!stderr.contains("panicked"), "{file}: {stderr}");
    let message = stderr.strip_prefix("factlint: ").unwrap_or_else(|| panic!("{file}: {stderr}"));
    if file.starts_with("read-") {
        assert!(message.starts_with("cannot read "), "{file}: {stderr}");
        return;
    }
    let (place, rest) =
        message.split_once(".yaml:").unwrap_or_else(|| panic!("{file}: no location: {stderr}"));
    assert!(!place.contains(' '), "{file}: {stderr}");
    let mut numbers = rest.splitn(3, ':');
    for part in ["line", "column"] {
        let number = numbers.next().unwrap_or_default();
        assert!(number.parse::<u32>().is_ok_and(|n| n > 0), "{file}: no {part}: {stderr}");
    }
    if !(file.starts_with("syntax-") || file.starts_with("shape-")) {
        assert!(rest.contains("field `"), "{file}: no field: {stderr}");
    }
}

#[test]
fn every_broken_rule_file_is_a_located_error() {
    insta::glob!("malformed/rules/*.yaml", |path| {
        let file = relative(path);
        let out = run(&["check", "--rules", &file, CLEAN]);
        assert_located_error(name(path), out.code, &out.stderr);
        insta::assert_snapshot!(out.stderr);
    });
}

#[test]
fn every_broken_configuration_is_a_located_error() {
    insta::glob!("malformed/config/*.yaml", |path| {
        let file = relative(path);
        let out = run(&["check", "--config", &file, CLEAN]);
        assert_located_error(name(path), out.code, &out.stderr);
        insta::assert_snapshot!(out.stderr);
    });
}

/// The stories that cannot be read as UTF-8 text: refused with the reason, exit 2.
const REFUSED: &[&str] = &["binary.txt", "not-utf8.txt", "utf16.txt"];

#[test]
fn every_hostile_story_is_checked_or_refused_with_a_reason() {
    insta::glob!("malformed/stories/*", |path| {
        let file = relative(path);
        let out = run(&["check", "--format", "short", &file]);
        assert!(!out.stderr.contains("panicked"), "{file}: {}", out.stderr);
        if REFUSED.contains(&name(path)) {
            assert_eq!(out.code, 2, "{file}: {}", out.stderr);
            assert!(out.stderr.starts_with(&format!("factlint: skipping {file}: ")), "{}", out.stderr);
        } else {
            assert!(out.code == 0 || out.code == 1, "{file} ended with {}: {}", out.code, out.stderr);
            assert!(out.stderr.is_empty(), "{file}: {}", out.stderr);
        }
        // Some stories give thousands of findings: the first ten and the count are kept.
        let lines: Vec<&str> = out.stdout.lines().collect();
        let shown = lines.iter().take(10).copied().collect::<Vec<_>>().join("\n");
        insta::assert_snapshot!(format!(
            "exit {}\n{} lines of output\n{shown}\n--- stderr\n{}",
            out.code,
            lines.len(),
            out.stderr
        ));
    });
}

#[cfg(unix)]
#[test]
fn a_device_is_refused_at_once_as_a_story_a_rule_file_or_facts() {
    let out = run(&["check", "/dev/zero"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (2, "factlint: skipping /dev/zero: not a regular file (a device)\n")
    );
    let out = run(&["check", "--rules", "/dev/zero", CLEAN]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (2, "factlint: cannot read rule file /dev/zero: not a regular file (a device)\n")
    );
    let out = run(&["check", "--facts", "/dev/zero", CLEAN]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (2, "factlint: cannot read facts file /dev/zero: not a regular file (a device)\n")
    );
    let out = run(&["check", "--input-format", "jsonl", "/dev/zero"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (2, "factlint: cannot read /dev/zero: not a regular file (a device)\n")
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let dir = temp_dir();
    for name in ["story.txt", "rules.yaml"] {
        let path = std::ffi::CString::new(dir.path().join(name).as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
    }
    std::fs::write(dir.path().join("other.txt"), "The council met on Monday.\n").unwrap();
    let out = run_in(dir.path(), &["check", "story.txt", "other.txt"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("factlint: skipping story.txt: not a regular file (a FIFO)"),
        "{}",
        out.stderr
    );
    std::fs::write(dir.path().join(".factlint.yaml"), "extra_rules: [rules.yaml]\n").unwrap();
    let out = run_in(dir.path(), &["check", "other.txt"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.ends_with("rules.yaml: not a regular file (a FIFO)\n"), "{}", out.stderr);
}

#[test]
fn max_size_refuses_larger_stories_and_settings() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("story.txt"), "The council met on Monday.\n").unwrap();
    std::fs::write(dir.path().join(".factlint.yaml"), "fail_on: error\n").unwrap();
    let out = run_in(dir.path(), &["check", "--max-size", "20", "story.txt"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "factlint: skipping story.txt: larger than the 20 bytes limit (change it with --max-size)\n"
    );
    let out = run_in(dir.path(), &["check", "--max-size", "10", "story.txt"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains(".factlint.yaml: larger than the 10 bytes limit"), "{}", out.stderr);
    let out = run_in(dir.path(), &["check", "--max-size", "1K", "story.txt"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run_in(dir.path(), &["check", "--max-size", "lots", "story.txt"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("`lots` is not a size"), "{}", out.stderr);
}

#[test]
fn an_archive_line_over_the_limit_is_skipped_alone() {
    let dir = temp_dir();
    let long = "a".repeat(3000);
    let archive = format!(
        "{{\"id\":1,\"text\":\"The council met.\"}}\n{{\"id\":2,\"text\":\"{long}\"}}\n{{\"id\":3,\"text\":\"It voted.\"}}\n"
    );
    std::fs::write(dir.path().join("a.jsonl"), archive).unwrap();
    let out = run_in(dir.path(), &["check", "--input-format", "jsonl", "--max-size", "1K", "a.jsonl"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "factlint: skipping a.jsonl:2: 3018 bytes, larger than the 1 KiB limit (change it with --max-size)\n"
    );
}

#[test]
fn a_regex_replacement_fills_the_groups_it_names() {
    // The groups it names exist, so the fix writes them; `$2x` (a group that does not exist)
    // is refused when the rule loads (see `regex-replace-group-then-letter.yaml`).
    let dir = temp_dir();
    let rules = "- id: desk.colour\n  kind: regex\n  message: \"{found}\"\n  regex: \"(?P<mark>(colo)u(r))\"\n  replace: \"${2}${3}\"\n  fix: safe\n";
    std::fs::write(dir.path().join("rules.yaml"), rules).unwrap();
    std::fs::write(dir.path().join("story.txt"), "The colour red.\n").unwrap();
    let out = run_in(dir.path(), &["check", "--rules", "rules.yaml", "--diff", "story.txt"]);
    assert!(out.stdout.contains("+The color red."), "{}\n{}", out.stdout, out.stderr);
}

#[cfg(unix)]
#[test]
fn an_unreadable_directory_is_reported_and_the_walk_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    let root_dir = dir.path();
    std::fs::set_permissions(root_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(root_dir.join("a.txt"), "The council met and passed the the budget.\n").unwrap();
    std::fs::create_dir(root_dir.join("locked")).unwrap();
    std::fs::write(root_dir.join("locked/b.txt"), "The council met.\n").unwrap();
    std::fs::write(root_dir.join("z.txt"), "The council met on Monday.\n").unwrap();
    std::fs::set_permissions(root_dir.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let binary = insta_cmd::get_cargo_bin("factlint");
    // Permissions do not bind root: run as `nobody` then.
    // SAFETY: geteuid has no preconditions.
    let mut command = if unsafe { libc::geteuid() } == 0 {
        let mut command = std::process::Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(&binary);
        command
    } else {
        std::process::Command::new(&binary)
    };
    let output = command
        .args(["check", "--format", "short"])
        .arg(root_dir)
        .output()
        .expect("setpriv or factlint runs");
    std::fs::set_permissions(root_dir.join("locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stdout.contains("a.txt:1:"), "{stdout}");
    assert!(
        stderr.contains("factlint: skipping ")
            && stderr.contains("locked")
            && stderr.contains("Permission denied"),
        "{stderr}"
    );
}
