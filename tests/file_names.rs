//! A file name with a newline in it stays on one line in line-based output (short, human,
//! JUnit, and the headers of `--diff`), so that it cannot split one finding into two records.

mod common;

use common::{copy_fixture, run_in, temp_dir};

#[test]
fn a_newline_in_a_file_name_is_escaped() {
    let dir = temp_dir();
    copy_fixture("packs/spelling.txt", dir.path(), "two\nlines.txt");
    let escaped = "two\\nlines.txt";

    let short = run_in(dir.path(), &["check", "--format", "short", "two\nlines.txt"]);
    assert_eq!(short.code, 1, "{}", short.stderr);
    assert!(!short.stdout.is_empty());
    for line in short.stdout.lines() {
        assert!(line.starts_with(&format!("{escaped}:")), "a record was split: {line:?}");
    }

    let human = run_in(dir.path(), &["check", "two\nlines.txt"]);
    let arrows: Vec<&str> = human.stdout.lines().filter(|l| l.trim_start().starts_with("-->")).collect();
    assert!(!arrows.is_empty());
    for arrow in arrows {
        assert!(arrow.trim_start().starts_with(&format!("--> {escaped}:")), "{arrow:?}");
    }
    assert!(!human.stdout.lines().any(|l| l.starts_with("lines.txt")), "{}", human.stdout);

    let junit = run_in(dir.path(), &["check", "--format", "junit", "two\nlines.txt"]);
    assert!(
        junit.stdout.contains(&format!("classname=\"{escaped}\" file=\"{escaped}\"")),
        "{}",
        junit.stdout
    );
    assert!(!junit.stdout.contains("two\nlines"), "{}", junit.stdout);

    let diff = run_in(dir.path(), &["check", "--diff", "two\nlines.txt"]);
    assert!(diff.stdout.starts_with(&format!("--- a/{escaped}\n+++ b/{escaped}\n")), "{}", diff.stdout);
}
