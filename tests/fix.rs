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

// ---------------------------------------------------------------------------------------------
// Fixes and markup: words change, tags, entities and emphasis markers do not.

#[test]
fn fixes_never_cross_or_delete_html_markup() {
    let dir = temp_dir();
    let story = concat!(
        "<p>Drivers who sign up will <em>recieve</em> text alerts.</p>\n",
        "<p>The department hopes to finish the <a href=\"/works\">the work</a> by May.</p>\n",
        "<p>Buses will run every ten minutes from the ferry terminal &amp; the the station.</p>\n",
    );
    let path = dir.path().join("bridge.html");
    std::fs::write(&path, story).unwrap();
    let out = run_in(dir.path(), &["check", "--fix", "bridge.html"]);
    let after = read(&path);
    // The misspelling inside <em> is fixed and the tag stays whole; the doubled word whose
    // deletion would take the link's opening tag with it is left and reported.
    let expected = story
        .replace("<em>recieve</em>", "<em>receive</em>")
        .replace("&amp; the the station", "&amp; the station");
    assert_eq!(after, expected, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "factlint: bridge.html:2:38: [grammar.doubled-word] fix not applied: it would change markup"
        ),
        "{}",
        out.stderr
    );
    // Only what was written is counted; the doubled word is still reported.
    assert!(out.stderr.contains("fixed 2 problems in 1 file"), "{}", out.stderr);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("grammar.doubled-word"), "{}", out.stdout);
}

#[test]
fn fixes_never_cross_or_delete_markdown_markup() {
    let dir = temp_dir();
    let story = concat!(
        "Drivers who sign up will *recieve* text alerts.\n\n",
        "The department hopes to finish *the* the work by May.\n\n",
        "Buses will leave the <span>the</span> ferry terminal every ten minutes.\n",
    );
    let path = dir.path().join("bridge.md");
    std::fs::write(&path, story).unwrap();
    let out = run_in(dir.path(), &["check", "--diff", "bridge.md"]);
    assert_eq!(read(&path), story, "--diff wrote the file");
    assert!(out.stdout.contains("\n+Drivers who sign up will *receive* text alerts.\n"), "{}", out.stdout);
    let changed: Vec<&str> =
        out.stdout.lines().filter(|l| l.starts_with('+') && !l.starts_with("+++")).collect();
    assert_eq!(changed.len(), 1, "only the misspelling is fixed: {changed:?}");
    let dropped: Vec<&str> = out.stderr.lines().filter(|l| l.contains("fix not applied")).collect();
    assert_eq!(
        dropped,
        [
            "factlint: bridge.md:3:36: [grammar.doubled-word] fix not applied: it would change markup",
            "factlint: bridge.md:5:21: [grammar.doubled-word] fix not applied: it would change markup",
        ],
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("would fix 1 problem in 1 file"), "{}", out.stderr);
}

// ---------------------------------------------------------------------------------------------
// Fixes and the file system.

fn write_story(dir: &Path, name: &str) -> std::path::PathBuf {
    copy_fixture("packs/spelling.txt", dir, name)
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

#[test]
fn hard_links_and_read_only_stories_are_left_alone() {
    use std::os::unix::fs::MetadataExt;
    let dir = temp_dir();
    let linked = write_story(dir.path(), "linked.txt");
    std::fs::hard_link(&linked, dir.path().join("other-name.txt")).unwrap();
    let read_only = write_story(dir.path(), "read-only.txt");
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o444)).unwrap();
    let plain = write_story(dir.path(), "plain.txt");
    let original = common::fixture_text("packs/spelling.txt");

    let out = run_in(
        dir.path(),
        &["check", "--fix", "--format", "short", "linked.txt", "read-only.txt", "plain.txt"],
    );
    assert_eq!(out.code, 2, "a story that was not written is an error: {}", out.stderr);
    assert!(
        out.stderr
            .contains("factlint: linked.txt: not fixed: the file has 2 hard links, which a fix would split"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("factlint: read-only.txt: not fixed: the file is read-only"),
        "{}",
        out.stderr
    );
    assert_eq!(read(&linked), original);
    assert_eq!(std::fs::metadata(&linked).unwrap().nlink(), 2, "the hard link is kept");
    assert_eq!(read(&read_only), original);
    assert_eq!(mode(&read_only), 0o444);
    assert!(!read(&plain).contains("recieve"), "the writable story is fixed");
    // The stories left alone still have their findings reported; the fixed one has none left.
    assert!(out.stdout.contains("linked.txt:") && out.stdout.contains("read-only.txt:"), "{}", out.stdout);
    assert!(!out.stdout.contains("plain.txt:"), "{}", out.stdout);
}

#[test]
fn the_owner_of_a_fixed_story_is_kept() {
    use std::os::unix::fs::MetadataExt;
    if !is_root() {
        eprintln!("skipped: giving a story to another owner needs root");
        return;
    }
    let dir = temp_dir();
    let story = write_story(dir.path(), "story.txt");
    std::os::unix::fs::chown(&story, Some(65534), Some(65534)).unwrap();
    std::fs::set_permissions(&story, std::fs::Permissions::from_mode(0o664)).unwrap();
    let out = run_in(dir.path(), &["check", "--fix", "story.txt"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let after = std::fs::metadata(&story).unwrap();
    assert_eq!((after.uid(), after.gid()), (65534, 65534));
    assert_eq!(mode(&story), 0o664);
    assert!(!read(&story).contains("recieve"));
}

#[test]
fn an_unwritable_directory_is_reported_and_the_others_are_fixed() {
    use std::os::unix::process::CommandExt;
    let dir = temp_dir();
    for sub in ["a", "b", "c"] {
        write_story(&dir.path().join(sub), "story.txt");
    }
    let mut command = common::factlint_in(dir.path());
    command.args(["check", "--fix", "--format", "short", "a", "b", "c"]);
    if is_root() {
        // Root may write anywhere: run as nobody, who owns the stories but not b's directory.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        for path in ["a", "a/story.txt", "b/story.txt", "c", "c/story.txt"] {
            std::os::unix::fs::chown(dir.path().join(path), Some(65534), Some(65534)).unwrap();
        }
        command.uid(65534).gid(65534);
    }
    std::fs::set_permissions(dir.path().join("b"), std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = run_with(&mut command, None);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "factlint: b/story.txt: cannot write the fix: cannot create a file in its directory: Permission denied"
        ),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains(".tmp"), "the temporary file is not what is named: {}", out.stderr);
    assert!(!read(&dir.path().join("a/story.txt")).contains("recieve"));
    assert!(read(&dir.path().join("b/story.txt")).contains("recieve"));
    assert!(!read(&dir.path().join("c/story.txt")).contains("recieve"));
    // b's findings are printed; a's and c's were fixed.
    let paths: Vec<&str> = out.stdout.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert!(!paths.is_empty() && paths.iter().all(|p| *p == "b/story.txt"), "{}", out.stdout);
    assert_eq!(entries(&dir.path().join("b")), ["story.txt"]);
}

#[test]
fn temporary_files_of_an_interrupted_fix_are_removed_by_the_next() {
    let dir = temp_dir();
    let story = write_story(dir.path(), "story.txt");
    // One left by a process that has ended, one by a process that still runs (this test).
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let ended = child.id();
    child.wait().unwrap();
    let left = format!(".factlint-fix-{ended}-0.tmp");
    let running = format!(".factlint-fix-{}-0.tmp", std::process::id());
    std::fs::write(dir.path().join(&left), "half a sto").unwrap();
    std::fs::write(dir.path().join(&running), "being writ").unwrap();
    let out = run_in(dir.path(), &["check", "--fix", "story.txt"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("factlint: removed 1 temporary file left by an interrupted --fix"),
        "{}",
        out.stderr
    );
    assert_eq!(entries(dir.path()), [running.as_str(), "story.txt"]);
    assert!(!read(&story).contains("recieve"));
}
