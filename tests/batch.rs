//! `check --input-format jsonl`: archives as JSON Lines records (`id`, `text`, an optional
//! `published` date), findings out as JSON Lines carrying each record's `id` in input order,
//! yearless and relative dates resolved against `published`, bad lines skipped and named.

mod common;

use common::{factlint, run_in, run_with, temp_dir};
use serde_json::{Value, json};

/// The archive: the same copy with and without a publication date, a weekday that is right in
/// one year and wrong in the next, a deadline passed, a dateline two months off its publication
/// date, a clean story, and a blank line.
const ARCHIVE: &str = r#"{"id": "council-0910", "published": "2025-09-10T08:00:00Z", "text": "The planning committee will meet on Sept. 3 to review the plan. Members said they would recieve the report first."}
{"id": "council-undated", "text": "The planning committee will meet on Sept. 3 to review the plan. Members said they would recieve the report first."}
{"id": 4417, "published": "2024-08-30", "text": "The final vote is on Tuesday, Sept. 3, the clerk said."}

{"id": "vote-2025", "published": "2025-08-30", "text": "The final vote is on Tuesday, Sept. 3, the clerk said."}
{"id": "works-0609", "published": "2025-06-09", "text": "The contractor said the work will be finished by May 1, weeks late."}
{"id": "tokyo-0318", "published": "2025-03-18", "text": "TOKYO, May 18 (Reuters) - Japan's exports rose for a third month in February."}
{"id": "clean", "published": "2025-06-09", "text": "The ferry left on time on Monday with 112 passengers on board."}
"#;

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn ids_and_rules(records: &[Value]) -> Vec<(Value, String)> {
    records.iter().map(|r| (r["id"].clone(), r["rule"].as_str().unwrap().to_string())).collect()
}

#[test]
fn findings_come_out_as_json_lines_with_their_record_ids() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("archive.jsonl"), ARCHIVE).unwrap();
    let out = run_in(dir.path(), &["check", "--input-format", "jsonl", "archive.jsonl"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.stderr, "", "no record was skipped");
    let records = lines(&out.stdout);
    assert_eq!(
        ids_and_rules(&records),
        [
            // Dated September 10: "will meet on Sept. 3" is in the past.
            (json!("council-0910"), "dates.tense".to_string()),
            (json!("council-0910"), "spelling.misspelling".to_string()),
            // Undated: Sept. 3 cannot be placed, only the misspelling is left.
            (json!("council-undated"), "spelling.misspelling".to_string()),
            // Published in 2024, Sept. 3 is a Tuesday; in 2025, a Wednesday.
            (json!("vote-2025"), "dates.weekday".to_string()),
            // Published on June 9, "will be finished by May 1" has passed (and is past tense).
            // One slip, one finding: the deadline check reports it, not the tense check too.
            (json!("works-0609"), "dates.deadline-passed".to_string()),
            // Published on March 18 under a dateline of May 18.
            (json!("tokyo-0318"), "dates.dateline".to_string()),
        ]
    );
    let tense = &records[0];
    assert_eq!(
        tense["message"],
        "September 3, 2025 is already past on the story's date (September 10, 2025); the sentence wants the past tense"
    );
    assert_eq!(tense["text"], "Sept. 3");
    assert_eq!((tense["line"].as_u64(), tense["column"].as_u64()), (Some(1), Some(37)));
    assert_eq!(records[3]["message"], "September 3, 2025 is a Wednesday, not a Tuesday");
    assert_eq!(records[3]["suggestions"], json!(["Wednesday"]));
    for record in &records {
        assert!(record.get("path").is_none(), "a batch finding has no path: {record}");
        for key in ["rule", "severity", "message", "start", "end", "line", "column", "text", "suggestions"] {
            assert!(record.get(key).is_some(), "no `{key}` in {record}");
        }
    }
}

#[test]
fn records_are_read_from_standard_input_and_ids_keep_their_type() {
    let out = run_with(
        factlint().args(["check", "--input-format", "jsonl", "-"]),
        Some(br#"{"id": 4418, "text": "They would recieve it."}"#),
    );
    assert_eq!(out.code, 1);
    let records = lines(&out.stdout);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["id"], json!(4418), "a numeric id stays a number");
}

#[test]
fn bad_lines_are_skipped_and_named() {
    let dir = temp_dir();
    let archive = "{\"id\": \"a\", \"text\": \"They would recieve it.\"}\nnot a record\n{\"id\": \"b\"}\n";
    std::fs::write(dir.path().join("archive.jsonl"), archive).unwrap();
    let out = run_in(dir.path(), &["check", "--input-format", "jsonl", "archive.jsonl"]);
    assert_eq!(out.code, 1);
    assert_eq!(ids_and_rules(&lines(&out.stdout)), [(json!("a"), "spelling.misspelling".to_string())]);
    assert!(out.stderr.contains("skipping archive.jsonl:2: not a story record"), "{}", out.stderr);
    assert!(out.stderr.contains("skipping archive.jsonl:3: not a story record"), "{}", out.stderr);
    assert!(out.stderr.contains("missing field `text`"), "{}", out.stderr);

    // Nothing readable at all is an input error.
    std::fs::write(dir.path().join("junk.jsonl"), "not a record\n[1, 2]\n").unwrap();
    let out = run_in(dir.path(), &["check", "--input-format", "jsonl", "junk.jsonl"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
}

#[test]
fn fail_and_display_levels_apply_to_batches() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("archive.jsonl"), ARCHIVE).unwrap();
    // Only warnings and one error (the weekday): --fail-on error still fails, on the error.
    let out =
        run_in(dir.path(), &["check", "--input-format", "jsonl", "--min-severity", "error", "archive.jsonl"]);
    assert_eq!(out.code, 1);
    assert_eq!(ids_and_rules(&lines(&out.stdout)), [(json!("vote-2025"), "dates.weekday".to_string())]);
    // Without the weekday record, warnings alone pass --fail-on error.
    let warnings_only: String =
        ARCHIVE.lines().filter(|l| !l.contains("vote-2025")).map(|l| format!("{l}\n")).collect();
    std::fs::write(dir.path().join("warnings.jsonl"), warnings_only).unwrap();
    let out =
        run_in(dir.path(), &["check", "--input-format", "jsonl", "--fail-on", "error", "warnings.jsonl"]);
    assert_eq!(out.code, 0);
    assert_eq!(lines(&out.stdout).len(), 5);
}

#[test]
fn other_formats_name_each_story_by_its_record_id() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("archive.jsonl"), ARCHIVE).unwrap();
    let short =
        run_in(dir.path(), &["check", "--input-format", "jsonl", "--format", "short", "archive.jsonl"]);
    assert_eq!(short.code, 1, "{}", short.stderr);
    let names: Vec<&str> = short.stdout.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(
        names,
        ["council-0910", "council-0910", "council-undated", "vote-2025", "works-0609", "tokyo-0318"]
    );
    assert!(short.stdout.lines().next().unwrap().contains(": warning [dates.tense] "), "{}", short.stdout);

    let junit =
        run_in(dir.path(), &["check", "--input-format", "jsonl", "--format", "junit", "archive.jsonl"]);
    assert_eq!(junit.code, 1);
    assert!(
        junit.stdout.contains(r#"<testsuites name="factlint" tests="8" failures="6">"#),
        "{}",
        junit.stdout
    );
    assert!(junit.stdout.contains(r#"classname="vote-2025""#) && junit.stdout.contains(r#"name="4417""#));

    let sarif =
        run_in(dir.path(), &["check", "--input-format", "jsonl", "--format", "sarif", "archive.jsonl"]);
    let log = sarif.json();
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 6);

    let github =
        run_in(dir.path(), &["check", "--input-format", "jsonl", "--format", "github", "archive.jsonl"]);
    assert_eq!(github.stdout.lines().count(), 6);
    assert!(github.stdout.starts_with("::warning file=council-0910,"), "{}", github.stdout);
}
