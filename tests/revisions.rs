//! Reviewing revisions: `factlint diff` on two versions of a story (a changed figure, date and
//! qualifier among prose edits; prose edits alone), `factlint snapshot` written, checked and
//! accepted in a temporary directory, and `check --diff-base` in a temporary git repository.

mod common;

use common::{copy_fixture, run, run_in, temp_dir};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const V1: &str = "tests/fixtures/diff/v1.txt";
const V2: &str = "tests/fixtures/diff/v2.txt";

// ---------------------------------------------------------------------------------------------
// factlint diff

#[test]
fn diff_reports_the_changed_figure_date_and_qualifier() {
    let out = run(&["diff", "--format", "json", V1, V2]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let diff = out.json();
    assert_eq!(
        diff["summary"],
        serde_json::json!({"changed": 3, "added": 0, "removed": 0, "new_findings": 0})
    );
    assert_eq!(diff["added"], serde_json::json!([]));
    assert_eq!(diff["removed"], serde_json::json!([]));
    let changed = diff["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 3);
    let pair = |k: usize| (&changed[k]["old"], &changed[k]["new"]);

    // The date.
    let (old, new) = pair(0);
    assert_eq!((old["kind"].as_str(), new["kind"].as_str()), (Some("date"), Some("date")));
    assert_eq!((old["date"].as_str(), new["date"].as_str()), (Some("2025-03-04"), Some("2025-03-05")));
    assert_eq!(new["text"], "Wednesday, March 5, 2025");
    assert_eq!((old["path"].as_str(), new["path"].as_str()), (Some(V1), Some(V2)));

    // The qualifier: same figure, different qualifier.
    let (old, new) = pair(1);
    assert_eq!(old["value"], 250);
    assert_eq!(new["value"], 250);
    assert_eq!((old["qualifier"].as_str(), new["qualifier"].as_str()), (Some("about"), Some("more-than")));
    assert_eq!(new["subject"], "residents");

    // The figure.
    let (old, new) = pair(2);
    assert_eq!((old["value"].as_i64(), new["value"].as_i64()), (Some(14), Some(16)));
    assert_eq!(new["subject"], "gates");
    assert_eq!(new["line"], 9);

    assert!(out.stderr.contains("3 figures changed, 0 added, 0 removed; 0 new findings"), "{}", out.stderr);
}

#[test]
fn diff_of_prose_edits_reports_nothing() {
    let out = run(&["diff", "tests/fixtures/diff/v1-prose.txt", "tests/fixtures/diff/v2-prose.txt"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("0 figures changed, 0 added, 0 removed; 0 new findings"), "{}", out.stderr);
    let out = run(&[
        "diff",
        "--format",
        "json",
        "tests/fixtures/diff/v1-prose.txt",
        "tests/fixtures/diff/v2-prose.txt",
    ]);
    assert_eq!(out.code, 0);
    let diff = out.json();
    for key in ["changed", "added", "removed", "new_findings"] {
        assert_eq!(diff[key], serde_json::json!([]), "{key}");
    }
}

#[test]
fn diff_lists_added_removed_and_new_findings() {
    let dir = temp_dir();
    let old = "The board approved the budget on Tuesday, March 4, 2025. It has 14 gates.\n";
    let new = "The board approved the budget on Tuesday, March 4, 2025. It has 14 gates and 3 runways.\n\
               The mayor said it would recieve more money.\n";
    std::fs::write(dir.path().join("old.txt"), old).unwrap();
    std::fs::write(dir.path().join("new.txt"), new).unwrap();
    let out = run_in(dir.path(), &["diff", "--format", "json", "old.txt", "new.txt"]);
    assert_eq!(out.code, 1);
    let diff = out.json();
    assert_eq!(
        diff["summary"],
        serde_json::json!({"changed": 0, "added": 1, "removed": 0, "new_findings": 1})
    );
    assert_eq!(diff["added"][0]["text"], "3 runways");
    assert_eq!(diff["new_findings"][0]["rule"], "spelling.misspelling");
    assert_eq!(diff["new_findings"][0]["path"], "new.txt");

    let out = run_in(dir.path(), &["diff", "new.txt", "old.txt"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "removed  new.txt:1:78  “3 runways”\n");
}

#[test]
fn diff_of_a_missing_version_exits_2() {
    let out = run(&["diff", V1, "tests/fixtures/diff/no-such-version.txt"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("cannot read tests/fixtures/diff/no-such-version.txt"), "{}", out.stderr);
}

/// "61 spoke against the plan" rewritten as "61 of them spoke against the plan" keeps the
/// figure, but the claim's subject changes, and the two are then reported as a changed figure.
#[test]
fn diff_does_not_report_an_unchanged_figure_whose_subject_moved() {
    let dir = temp_dir();
    std::fs::write(
        dir.path().join("old.txt"),
        "About 250 residents attended, and 61 spoke against the plan.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("new.txt"),
        "About 250 residents attended, and 61 of them spoke against the plan.\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["diff", "--format", "json", "old.txt", "new.txt"]);
    let diff = out.json();
    assert_eq!(diff["changed"], serde_json::json!([]), "{:#}", diff["changed"]);
    assert_eq!(out.code, 0);
}

// ---------------------------------------------------------------------------------------------
// factlint snapshot

#[test]
fn snapshots_are_written_checked_and_accepted() {
    let dir = temp_dir();
    let story = copy_fixture("diff/v1.txt", dir.path(), "stories/airport.txt");
    let stored = dir.path().join(".factlint/snapshots/stories/airport.txt.yaml");

    // First run: the snapshot is written.
    let out = run_in(dir.path(), &["snapshot", "stories"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("0 matching, 0 changed, 1 new; 1 written"), "{}", out.stderr);
    let first = std::fs::read_to_string(&stored).expect("the snapshot is written");
    assert!(first.starts_with("# factlint snapshot: the claims and findings of stories/airport.txt\n"));
    assert!(first.contains("- count exact 14 gates “14 gates”\n"), "{first}");
    assert!(first.contains("findings: []"), "{first}");
    let parsed: serde_json::Value = serde_yaml::from_str(&first).expect("the snapshot is YAML");
    assert_eq!(parsed["story"], "stories/airport.txt");

    // Unchanged: --check passes.
    let out = run_in(dir.path(), &["snapshot", "--check", "stories"]);
    assert_eq!(out.code, 0);
    assert!(out.stderr.contains("1 matching, 0 changed, 0 new; 0 written"), "{}", out.stderr);

    // A figure is edited: --check fails with a readable diff and writes nothing.
    let text = std::fs::read_to_string(&story).unwrap();
    std::fs::write(&story, text.replace("would have 14 gates", "would have 16 gates")).unwrap();
    let out = run_in(dir.path(), &["snapshot", "--check", "stories"]);
    assert_eq!(out.code, 1);
    let name = ".factlint/snapshots/stories/airport.txt.yaml";
    assert!(out.stdout.starts_with(&format!("--- {name} (stored)\n+++ {name} (now)\n@@ ")), "{}", out.stdout);
    let removed: Vec<&str> =
        out.stdout.lines().filter(|l| l.starts_with('-') && !l.starts_with("---")).collect();
    let added: Vec<&str> =
        out.stdout.lines().filter(|l| l.starts_with('+') && !l.starts_with("+++")).collect();
    assert_eq!(removed, ["-- count exact 14 gates “14 gates”"]);
    assert_eq!(added, ["+- count exact 16 gates “16 gates”"]);
    assert_eq!(std::fs::read_to_string(&stored).unwrap(), first, "--check wrote the snapshot");

    // Without --check or --accept, a changed snapshot still fails and is kept.
    let out = run_in(dir.path(), &["snapshot", "stories"]);
    assert_eq!(out.code, 1);
    assert_eq!(std::fs::read_to_string(&stored).unwrap(), first);

    // --accept takes the new claims; --check passes again.
    let out = run_in(dir.path(), &["snapshot", "--accept", "stories"]);
    assert_eq!(out.code, 0);
    assert!(out.stderr.contains("0 matching, 1 changed, 0 new; 1 written"), "{}", out.stderr);
    assert!(std::fs::read_to_string(&stored).unwrap().contains("- count exact 16 gates “16 gates”\n"));
    let out = run_in(dir.path(), &["snapshot", "--check", "stories"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(out.stdout, "");
}

#[test]
fn snapshots_record_findings_and_check_fails_on_a_missing_snapshot() {
    let dir = temp_dir();
    copy_fixture("packs/spelling.txt", dir.path(), "hospital.txt");
    let out = run_in(dir.path(), &["snapshot", "--check", "hospital.txt"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("no snapshot for hospital.txt at .factlint/snapshots/hospital.txt.yaml"),
        "{}",
        out.stderr
    );
    assert!(!dir.path().join(".factlint").exists(), "--check wrote a snapshot");

    let out = run_in(dir.path(), &["snapshot", "hospital.txt"]);
    assert_eq!(out.code, 0);
    let stored = std::fs::read_to_string(dir.path().join(".factlint/snapshots/hospital.txt.yaml")).unwrap();
    let parsed: serde_json::Value = serde_yaml::from_str(&stored).expect("the snapshot is YAML");
    let findings = parsed["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 6);
    assert_eq!(
        findings[0],
        "warning spelling.misspelling “recieve”: “recieve” is a misspelling of “receive”"
    );
}

// ---------------------------------------------------------------------------------------------
// check --diff-base

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=Test Desk",
            "-c",
            "user.email=desk@example.com",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?} failed");
}

/// A git repository with the spelling fixture committed; then one paragraph edited to add a
/// misspelling of its own.
fn repository() -> tempfile::TempDir {
    let dir = temp_dir();
    git(dir.path(), &["init", "--quiet"]);
    copy_fixture("packs/spelling.txt", dir.path(), "news/hospital.txt");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "First draft"]);
    let path = dir.path().join("news/hospital.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replace(
        "Local councillor Dara Whitcombe said",
        "Local councillor Dara Whitcombe, who has recieved dozens of letters, said",
    );
    assert_ne!(edited, text);
    std::fs::write(&path, edited).unwrap();
    dir
}

fn lines_of(findings: &Value) -> Vec<(u64, String)> {
    findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["line"].as_u64().unwrap(), f["text"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn diff_base_reports_only_findings_on_changed_lines() {
    let repo = repository();
    // Without --diff-base: every misspelling, old and new.
    let all = run_in(repo.path(), &["check", "--format", "json", "news/hospital.txt"]);
    assert_eq!(all.json().as_array().unwrap().len(), 7);

    let out = run_in(repo.path(), &["check", "--format", "json", "--diff-base", "HEAD", "news/hospital.txt"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    // Line 11 is the edited paragraph: its new misspelling and the two it already had.
    assert_eq!(
        lines_of(&out.json()),
        [(11, "recieved".to_string()), (11, "goverment".to_string()), (11, "definately".to_string())]
    );

    // Walking the directory gives the same, and an untracked story counts as wholly changed.
    copy_fixture("packs/grammar.txt", repo.path(), "news/port.txt");
    let out = run_in(repo.path(), &["check", "--format", "json", "--diff-base", "HEAD", "news"]);
    let findings = out.json();
    let paths: Vec<&str> = findings.as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths.iter().filter(|p| p.ends_with("hospital.txt")).count(), 3);
    assert_eq!(paths.iter().filter(|p| p.ends_with("port.txt")).count(), 7);

    // Once committed, nothing has changed since HEAD.
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "--quiet", "-m", "Second draft"]);
    let out = run_in(repo.path(), &["check", "--format", "json", "--diff-base", "HEAD", "news"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout.trim(), "[]");
    // ...and against the first commit, only the edited line and the new story.
    let out = run_in(repo.path(), &["check", "--format", "json", "--diff-base", "HEAD~1", "news"]);
    assert_eq!(out.json().as_array().unwrap().len(), 10);
}

#[test]
fn diff_base_outside_a_git_work_tree_exits_2() {
    let dir = temp_dir();
    copy_fixture("packs/spelling.txt", dir.path(), "hospital.txt");
    let out = run_in(dir.path(), &["check", "--diff-base", "HEAD", "hospital.txt"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--diff-base needs a git work tree"), "{}", out.stderr);
    let repo = repository();
    let out = run_in(repo.path(), &["check", "--diff-base", "no-such-revision", "news"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("git diff against `no-such-revision` failed"), "{}", out.stderr);
}

/// With the current directory inside one repository and the story outside it, the story is
/// neither in the diff nor untracked there, so every finding is dropped and the run passes.
/// Git does not track the file, and the documented rule is that such files count as wholly
/// changed.
#[test]
fn diff_base_does_not_silently_pass_a_story_outside_the_work_tree() {
    let repo = repository();
    let elsewhere = temp_dir();
    let story = copy_fixture("packs/spelling.txt", elsewhere.path(), "hospital.txt");
    let out =
        run_in(repo.path(), &["check", "--format", "json", "--diff-base", "HEAD", story.to_str().unwrap()]);
    assert!(
        out.code == 2 || out.json().as_array().unwrap().len() == 6,
        "exit {} with {}",
        out.code,
        out.stdout
    );
}

#[test]
fn diff_base_is_never_an_option_to_git() {
    let repo = repository();
    let written = repo.path().join("written-by-git.txt");
    let value = format!("--diff-base=--output={}", written.display());
    for args in [vec!["check", value.as_str(), "news"], vec!["check", "--diff-base=-p", "news"]] {
        let out = run_in(repo.path(), &args);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(
            out.stderr.contains("is not a revision: a revision does not start with `-`"),
            "{}",
            out.stderr
        );
    }
    assert!(!written.exists(), "git was given --output");
}

/// Names git writes quoted (non-ASCII, a space, a quote) keep the findings on their changed lines.
#[test]
fn diff_base_keeps_findings_in_files_with_any_name() {
    let dir = temp_dir();
    git(dir.path(), &["init", "--quiet"]);
    let names = ["café.txt", "with space.txt", "quote\"d.txt", "plain.txt"];
    for name in names {
        copy_fixture("packs/spelling.txt", dir.path(), name);
    }
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "First draft"]);
    for name in names {
        let path = dir.path().join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replace(
                "Local councillor Dara Whitcombe said",
                "Dara Whitcombe, who has recieved letters, said",
            ),
        )
        .unwrap();
    }
    let out = run_in(dir.path(), &["check", "--format", "json", "--diff-base", "HEAD", "."]);
    let findings = out.json();
    for name in names {
        let on_line_11 = findings
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["path"].as_str().unwrap().ends_with(name) && f["line"] == 11)
            .count();
        assert_eq!(on_line_11, 3, "{name}: {}", out.stdout);
    }
    assert_eq!(findings.as_array().unwrap().len(), 12, "{}", out.stdout);
}

/// A contradiction an edit introduced is flagged at its later mention, on a line the edit did
/// not touch; its earlier mention, the one edited, keeps it.
#[test]
fn diff_base_keeps_a_finding_whose_related_place_changed() {
    let dir = temp_dir();
    git(dir.path(), &["init", "--quiet"]);
    let story = dir.path().join("bridge.txt");
    let draft = concat!(
        "About 18,000 drivers cross the bridge each day, the department said.\n\n",
        "The bridge will close to traffic on Friday for three weeks of repairs.\n\n",
        "About 18,000 drivers will need another route while it is shut.\n",
    );
    std::fs::write(&story, draft).unwrap();
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "First draft"]);
    std::fs::write(&story, draft.replacen("18,000", "81,000", 1)).unwrap();
    let out = run_in(dir.path(), &["check", "--format", "json", "--diff-base", "HEAD", "bridge.txt"]);
    let findings = out.json();
    let findings = findings.as_array().unwrap();
    assert_eq!(findings.len(), 1, "{}", out.stdout);
    assert_eq!(findings[0]["rule"], "consistency.figures");
    assert_eq!(findings[0]["line"], 5, "flagged on the line the edit did not touch");
    assert_eq!(findings[0]["related"][0]["line"], 1, "related to the line it did");
}
