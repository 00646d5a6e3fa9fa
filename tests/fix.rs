//! `check --fix`, `--unsafe-fixes` and `--diff` on temporary copies of a fixture story: which
//! fixes apply, that permissions are kept and no temporary file is left behind, that a second
//! run changes nothing, that `--diff` writes nothing, that unreadable files are never written,
//! and that a story fixed from standard input goes to standard output.

mod common;

use common::{copy_fixture, entries, factlint, run_in, run_with, temp_dir};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// The lines of the fixture story that fixes touch, before any fix.
const PERCENT: &str = "or 30%, during an inspection";
const MASSAGE: &str = "plans to massage its crews";
const DOUBLED: &str = "hopes to finish the the\nwork";
const SPACE: &str = "while it is shut.The detour";
const SPELLING: &str = "will recieve text alerts";
const WEEKDAY: &str = "reopen on Monday, May 10.";

/// A temporary directory holding a copy of the fixture story as `story.md`, mode 0640.
fn story_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = temp_dir();
    let path = copy_fixture("story.md", dir.path(), "story.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    (dir, path)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn fix_applies_the_safe_fixes_only() {
    let (dir, path) = story_copy();
    let before = read(&path);
    let out = run_in(dir.path(), &["check", "--fix", "story.md"]);
    // Errors without safe fixes remain.
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("fixed 3 problems in 1 file"), "{}", out.stderr);
    let after = read(&path);
    // Safe: the doubled word, the missing space, the misspelling.
    assert!(after.contains("hopes to finish the\nwork"), "{after}");
    assert!(after.contains("while it is shut. The detour"));
    assert!(after.contains("will receive text alerts"));
    // Unsafe: left for a person.
    for unsafe_text in [PERCENT, MASSAGE, WEEKDAY] {
        assert!(after.contains(unsafe_text), "{unsafe_text:?} was changed");
    }
    // Nothing else moved: the fixed story is the original with exactly these three edits.
    let expected = before
        .replace(DOUBLED, "hopes to finish the\nwork")
        .replace(SPACE, "while it is shut. The detour")
        .replace(SPELLING, "will receive text alerts");
    assert_eq!(after, expected);
    // What is printed is what is left.
    let rules: Vec<&str> = out.stdout.lines().filter_map(|l| l.split(['[', ']']).nth(1)).collect();
    assert!(
        !rules.contains(&"grammar.doubled-word") && !rules.contains(&"spelling.misspelling"),
        "{rules:?}"
    );
    assert!(rules.contains(&"dates.weekday"), "{rules:?}");
    assert_eq!(mode(&path), 0o640, "permissions are kept");
    assert_eq!(entries(dir.path()), ["story.md"], "no temporary file is left");
}

#[test]
fn unsafe_fixes_apply_the_others_too() {
    let (dir, path) = story_copy();
    let out = run_in(dir.path(), &["check", "--fix", "--unsafe-fixes", "--format", "short", "story.md"]);
    assert_eq!(out.code, 1, "the contradiction, the open quote and the tense have no fix");
    let after = read(&path);
    assert!(after.contains("or 25%, during an inspection"));
    assert!(after.contains("plans to mass its crews"));
    assert!(after.contains("reopen on Saturday, May 10."));
    assert!(after.contains("hopes to finish the\nwork"));
    assert!(after.contains("will receive text alerts"));
    let left: Vec<&str> = out.stdout.lines().map(|l| l.split(['[', ']']).nth(1).unwrap()).collect();
    assert_eq!(left, ["punctuation.unbalanced-quotes", "consistency.figures", "dates.tense"]);
    assert_eq!(mode(&path), 0o640);
    assert_eq!(entries(dir.path()), ["story.md"]);
}

#[test]
fn fixing_converges() {
    for unsafe_fixes in [false, true] {
        let (dir, path) = story_copy();
        let mut args = vec!["check", "--fix", "story.md"];
        if unsafe_fixes {
            args.push("--unsafe-fixes");
        }
        let first = run_in(dir.path(), &args);
        assert!(first.stderr.contains("; fixed "), "{}", first.stderr);
        let once = std::fs::read(&path).unwrap();
        let second = run_in(dir.path(), &args);
        assert_eq!(std::fs::read(&path).unwrap(), once, "a second --fix changed the file");
        assert!(!second.stderr.contains("fixed"), "a second --fix reported fixes: {}", second.stderr);
        assert_eq!(second.stdout, first.stdout, "the same findings are left");
        assert_eq!(entries(dir.path()), ["story.md"]);
    }
}

#[test]
fn diff_prints_the_fixes_and_writes_nothing() {
    let (dir, path) = story_copy();
    let before = std::fs::read(&path).unwrap();
    let out = run_in(dir.path(), &["check", "--diff", "story.md"]);
    assert_eq!(std::fs::read(&path).unwrap(), before, "--diff changed the file");
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("would fix 3 problems in 1 file"), "{}", out.stderr);
    let diff = &out.stdout;
    assert!(diff.starts_with("--- a/story.md\n+++ b/story.md\n@@ "), "{diff}");
    assert!(diff.contains("\n-The department plans to massage its crews at both ends of the bridge and hopes to finish the the\n"));
    assert!(diff.contains(
        "\n+The department plans to massage its crews at both ends of the bridge and hopes to finish the\n"
    ));
    assert!(
        diff.contains("\n-another route while it is shut.The detour adds 4 miles (6 km) to the journey.\n")
    );
    assert!(
        diff.contains("\n+another route while it is shut. The detour adds 4 miles (6 km) to the journey.\n")
    );
    assert!(diff.contains(
        "\n+Drivers who sign up will receive text alerts, and the bridge will reopen on Monday, May 10.\n"
    ));
    assert!(!diff.contains("Saturday"), "an unsafe fix in a safe diff");
    assert!(!diff.contains("error["), "findings are not printed with --diff");
    let changed = diff.lines().filter(|l| l.starts_with('+') && !l.starts_with("+++")).count();
    assert_eq!(changed, 3);

    let out = run_in(dir.path(), &["check", "--diff", "--unsafe-fixes", "story.md"]);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(out.stdout.contains(
        "\n+Drivers who sign up will receive text alerts, and the bridge will reopen on Saturday, May 10.\n"
    ));
    assert!(out.stdout.contains(
        "\n+Engineers found cracks in 40 of the 160 steel bearings, or 25%, during an inspection in March.\n"
    ));
    assert_eq!(entries(dir.path()), ["story.md"]);
}

#[test]
fn diff_with_nothing_to_fix_prints_nothing() {
    let dir = temp_dir();
    let path = copy_fixture("packs/clean.txt", dir.path(), "clean.txt");
    let before = std::fs::read(&path).unwrap();
    let out = run_in(dir.path(), &["check", "--diff", "clean.txt"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, "");
    let out = run_in(dir.path(), &["check", "--fix", "clean.txt"]);
    assert_eq!(out.code, 0);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!out.stderr.contains("fixed"));
}

#[test]
fn unreadable_files_are_never_written() {
    let dir = temp_dir();
    // Latin-1 text with a misspelling that would be fixed if it were read as text.
    let latin1: &[u8] = b"The caf\xe9 owners said they would recieve the the report.\n";
    let binary: &[u8] = b"recieve\0the the\0";
    std::fs::write(dir.path().join("latin1.txt"), latin1).unwrap();
    std::fs::write(dir.path().join("binary.txt"), binary).unwrap();
    copy_fixture("packs/spelling.txt", dir.path(), "good.txt");
    let out = run_in(dir.path(), &["check", "--fix", "--unsafe-fixes", "."]);
    assert_eq!(out.code, 0, "the good story is fixed clean: {}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("skipping ./latin1.txt: not UTF-8 text"), "{}", out.stderr);
    assert!(out.stderr.contains("skipping ./binary.txt: binary file"), "{}", out.stderr);
    assert_eq!(std::fs::read(dir.path().join("latin1.txt")).unwrap(), latin1);
    assert_eq!(std::fs::read(dir.path().join("binary.txt")).unwrap(), binary);
    assert!(read(&dir.path().join("good.txt")).contains("expects to receive in full"));
    assert_eq!(entries(dir.path()), ["binary.txt", "good.txt", "latin1.txt"]);

    // Named alone, the file is an input error and stays as it was.
    let out = run_in(dir.path(), &["check", "--fix", "latin1.txt"]);
    assert_eq!(out.code, 2);
    assert_eq!(std::fs::read(dir.path().join("latin1.txt")).unwrap(), latin1);
}

#[test]
fn a_story_fixed_from_standard_input_goes_to_standard_output() {
    let story = common::fixture_text("story.md");
    let out = run_with(
        factlint().args(["check", "--fix", "--stdin-filename", "story.md", "-"]),
        Some(story.as_bytes()),
    );
    let expected = story
        .replace(DOUBLED, "hopes to finish the\nwork")
        .replace(SPACE, "while it is shut. The detour")
        .replace(SPELLING, "will receive text alerts");
    assert_eq!(out.stdout, expected);
    assert!(out.stderr.contains("fixed 3 problems"), "{}", out.stderr);
}

/// `--fix` renames its temporary file over the path it was given, so a symbolic link is
/// replaced by a regular file holding the fixed text, and the story it pointed at keeps its
/// errors.
#[test]
fn fixing_through_a_symbolic_link_edits_the_target() {
    let dir = temp_dir();
    let target = copy_fixture("packs/spelling.txt", dir.path(), "real.txt");
    std::os::unix::fs::symlink("real.txt", dir.path().join("link.txt")).unwrap();
    let out = run_in(dir.path(), &["check", "--fix", "link.txt"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let link = std::fs::symlink_metadata(dir.path().join("link.txt")).unwrap();
    assert!(link.file_type().is_symlink(), "link.txt is no longer a symbolic link");
    assert!(!read(&target).contains("recieve"), "the story behind the link was not fixed");
}
