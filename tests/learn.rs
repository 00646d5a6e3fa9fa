//! `factlint learn`: a model of an archive's own usage, written from files, directories or JSON
//! Lines, and read by `check --model` or `model:` in `.factlint.yaml` beside the shipped one.

mod common;

use common::{run_in, temp_dir};

/// A desk's archive that writes "they're going to" often and never "there going".
fn archive_story(n: usize) -> String {
    format!(
        "Story {n}. Officials said they're going to decide soon. Fans said they're going to travel. \
         Workers said they're going to strike.\n"
    )
}

const DRAFT: &str = "Officials said there going to decide on Friday.\n";

fn confusion_rules(stdout: &str) -> Vec<&str> {
    stdout.lines().filter(|line| line.contains("[confusion.")).collect()
}

#[test]
fn a_learned_model_adds_the_archives_evidence() {
    let dir = temp_dir();
    let archive = dir.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    for n in 0..20 {
        std::fs::write(archive.join(format!("{n}.txt")), archive_story(n)).unwrap();
    }
    std::fs::write(dir.path().join("draft.txt"), DRAFT).unwrap();

    let learned = run_in(dir.path(), &["learn", "--output", "house.model", "archive"]);
    assert_eq!(learned.code, 0, "{}", learned.stderr);
    assert!(learned.stderr.contains("learned from 20 stories"), "{}", learned.stderr);

    let without = run_in(dir.path(), &["check", "--format", "short", "draft.txt"]);
    assert!(confusion_rules(&without.stdout).is_empty(), "{}", without.stdout);
    let with = run_in(dir.path(), &["check", "--format", "short", "--model", "house.model", "draft.txt"]);
    let found = confusion_rules(&with.stdout);
    assert_eq!(found.len(), 1, "{}", with.stdout);
    assert!(found[0].contains("“they're”"), "{}", found[0]);

    std::fs::write(dir.path().join(".factlint.yaml"), "model: house.model\n").unwrap();
    let configured = run_in(dir.path(), &["check", "--format", "short", "draft.txt"]);
    assert_eq!(confusion_rules(&configured.stdout), found, "`model:` in the configuration is read");
}

#[test]
fn json_lines_archives_learn_the_same_as_files() {
    let dir = temp_dir();
    let records: String = (0..20)
        .map(|n| serde_json::json!({ "id": n, "text": archive_story(n) }).to_string() + "\n")
        .collect();
    std::fs::write(dir.path().join("archive.jsonl"), records).unwrap();
    std::fs::create_dir(dir.path().join("files")).unwrap();
    for n in 0..20 {
        std::fs::write(dir.path().join("files").join(format!("{n}.txt")), archive_story(n)).unwrap();
    }
    let from_lines =
        run_in(dir.path(), &["learn", "-o", "lines.model", "--input-format", "jsonl", "archive.jsonl"]);
    assert_eq!(from_lines.code, 0, "{}", from_lines.stderr);
    let from_files = run_in(dir.path(), &["learn", "-o", "files.model", "files"]);
    assert_eq!(from_files.code, 0, "{}", from_files.stderr);
    let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
    assert_eq!(read("lines.model"), read("files.model"));
}

#[test]
fn a_file_that_is_not_a_model_is_an_error_naming_it() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("draft.txt"), DRAFT).unwrap();
    std::fs::write(dir.path().join("notes.model"), "not a model").unwrap();
    let out = run_in(dir.path(), &["check", "--model", "notes.model", "draft.txt"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("notes.model") && out.stderr.contains("not a factlint n-gram model"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_model_too_small_to_hold_anything_is_still_written() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("story.txt"), archive_story(1)).unwrap();
    let out = run_in(dir.path(), &["learn", "-o", "tiny.model", "--max-size", "0", "story.txt"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("0 n-grams kept"), "{}", out.stderr);
}
