//! Stories whose date comes from their dateline, one pair per news style and per date check under
//! `tests/fixtures/datelines/`: a story with date errors that only the story's date reveals (a
//! wrong weekday for a date written without a year, a deadline already passed, a past tense for
//! a date still to come, a dateline that does not fit the date the story was given), and its
//! quiet twin where every date fits.
//!
//! Each story is checked whole with `factlint check --format json`; the findings are kept as a
//! YAML snapshot and compared with the rules each story should trip.

mod common;

use common::run;
use serde_json::Value;

/// A configuration that changes nothing, so that no `.factlint.yaml` above the repository does.
const NEUTRAL: &str = "tests/fixtures/neutral.factlint.yaml";

/// A fixture, the date a caller gives with it (a Reuters dateline has no year, so the story's
/// date comes from `--date` or a batch record's `published`), and the rules it should trip, in
/// order.
const STORIES: &[(&str, Option<&str>, &[&str])] = &[
    ("ap.txt", None, &["dates.weekday", "dates.deadline-passed", "dates.tense"]),
    ("ap-quiet.txt", None, &[]),
    ("british.txt", None, &["dates.weekday", "dates.deadline-passed"]),
    ("british-quiet.txt", None, &[]),
    ("reuters.txt", Some("2025-09-24"), &["dates.weekday"]),
    ("reuters-quiet.txt", Some("2025-09-24"), &[]),
    // Published a day before its Tokyo dateline, the story speaks from the dateline's day.
    ("wire-pinned.txt", Some("2025-03-18"), &["dates.tense"]),
    ("wire-pinned-quiet.txt", Some("2025-03-18"), &[]),
    // The same with the date in the front matter, late in the evening of March 18 (UTC).
    ("wire-front-matter.md", None, &["dates.tense"]),
    ("wire-front-matter-quiet.md", None, &[]),
    ("wire-dateline.txt", Some("2025-03-18"), &["dates.dateline"]),
    ("wire-dateline-quiet.txt", Some("2025-03-18"), &[]),
    ("ap-yearless.txt", Some("2025-10-02"), &["dates.weekday"]),
    ("ap-yearless-quiet.txt", Some("2025-10-02"), &[]),
    ("weekday.txt", Some("2025-03-12"), &["dates.weekday", "dates.weekday"]),
    ("weekday-quiet.txt", Some("2025-03-12"), &[]),
    ("year-end.txt", Some("2025-12-30"), &["dates.weekday"]),
    ("year-end-quiet.txt", Some("2025-12-30"), &[]),
    (
        "deadlines.txt",
        Some("2025-06-09"),
        &["dates.deadline-passed", "dates.deadline-passed", "dates.deadline-passed", "dates.impossible"],
    ),
    ("deadlines-quiet.txt", Some("2025-06-09"), &[]),
    ("tenses.txt", Some("2025-03-10"), &["dates.tense"; 6]),
    ("tenses-quiet.txt", Some("2025-03-10"), &[]),
];

fn findings(file: &str, date: Option<&str>) -> Vec<Value> {
    let path = format!("tests/fixtures/datelines/{file}");
    let mut args = vec!["check", "--format", "json", "--config", NEUTRAL];
    if let Some(date) = date {
        args.extend(["--date", date]);
    }
    args.push(&path);
    let out = run(&args);
    assert!(out.code == 0 || out.code == 1, "{file}: exit code {}\n{}", out.code, out.stderr);
    out.json().as_array().expect("an array").clone()
}

fn story(file: &str) -> &'static (&'static str, Option<&'static str>, &'static [&'static str]) {
    STORIES.iter().find(|(name, ..)| *name == file).unwrap_or_else(|| panic!("{file} is not listed"))
}

#[test]
fn every_fixture_is_listed() {
    let mut files: Vec<String> = std::fs::read_dir(common::fixture("datelines"))
        .expect("the fixture directory")
        .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<String> = STORIES.iter().map(|(file, ..)| file.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed);
}

#[test]
fn findings_snapshots() {
    insta::glob!("fixtures/datelines/*", |path| {
        let file = path.file_name().and_then(|f| f.to_str()).expect("a file name");
        let (_, date, _) = story(file);
        insta::assert_yaml_snapshot!(Value::Array(findings(file, *date)));
    });
}

#[test]
fn each_story_trips_its_rules_and_each_twin_stays_quiet() {
    for (file, date, rules) in STORIES {
        let found: Vec<String> = findings(file, *date)
            .iter()
            .map(|f| f["rule"].as_str().unwrap_or_default().to_string())
            .collect();
        assert_eq!(found, *rules, "{file}");
    }
}

#[test]
fn the_dateline_gives_the_date_the_checks_need() {
    // Without its dateline's date, the AP story's yearless dates go unchecked.
    let text = common::fixture_text("datelines/ap.txt");
    let undated = text.replacen("MIAMI, Fla., Tuesday, Oct. 7, 2025 —", "MIAMI, Fla. (AP) —", 1);
    assert_ne!(text, undated);
    let out = common::run_with(
        common::factlint().args(["check", "--format", "json", "--config", NEUTRAL, "-"]),
        Some(undated.as_bytes()),
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
}
