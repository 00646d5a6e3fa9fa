//! Contradictions between two mentions of one quantity, end to end: the stories under
//! `tests/fixtures/contradictions/`, each checked whole with `factlint check --format json`.
//!
//! `flag/` holds stories with one contradiction each, two mentions a copy editor would link (a
//! back-reference, the headline and the body, the same event, one person's age, a body's size, a
//! total a lower bound falls short of, a direction); the table below names both mentions.
//! `quiet/` holds stories where figures differ for good reasons (other sources, additions, parts,
//! changes and levels, a toll that rose, overlapping intervals, other periods, results lists and
//! scores, different groups and people) or agree: none of them may draw a consistency finding.
//! Every story's findings are also kept as a snapshot.

mod common;

use common::{fixture, fixture_text, locate, run};
use serde_json::Value;

const NEUTRAL: &str = "tests/fixtures/neutral.factlint.yaml";

/// A planted contradiction: the story, and a phrase holding each of the two mentions (the
/// earlier one first). A finding must point at one of them and relate it to the other.
struct Flag {
    file: &'static str,
    first: &'static str,
    second: &'static str,
}

const FLAGS: &[Flag] = &[
    Flag {
        file: "back-reference.txt",
        first: "About 2,800 households",
        second: "the 3,400 evacuated households",
    },
    Flag {
        file: "back-reference-money.md", first: "a £40m flood defence scheme", second: "the £55m scheme"
    },
    Flag { file: "headline.txt", first: "to cut 4,500 jobs", second: "up to 2,600 jobs" },
    Flag { file: "headline-front-matter.md", first: "to hire 1,200 drivers", second: "hire 800 drivers" },
    Flag {
        file: "headline-lead-money.txt",
        first: "issues 300 million euro bond",
        second: "a 200 million euro bond",
    },
    Flag {
        file: "headline-lead-profit.txt",
        first: "48 million pounds annual profit",
        second: "profit of 36 million pounds",
    },
    Flag { file: "same-event.txt", first: "has sued 38 lenders", second: "it sued 52 lenders" },
    Flag { file: "age.txt", first: "Jane Okafor, 61", second: "The 67-year-old" },
    Flag { file: "age-surname.txt", first: "Harald Lind, 58", second: "Lind, 63" },
    Flag { file: "body-size.txt", first: "The nine-member panel", second: "the panel's 11 members" },
    Flag { file: "total.txt", first: "At least 23 people died", second: "the death toll of 31" },
    Flag { file: "direction.txt", first: "exports rose 3% in May", second: "the May fall in exports" },
];

/// Quiet stories where a consistency finding at `info` is allowed, and why.
const INFO_ALLOWED: &[(&str, &str)] =
    &[("different-sources.txt", "two sources disagreeing is reported disagreement, worth at most a note")];

fn findings(relative: &str) -> Vec<Value> {
    let path = format!("tests/fixtures/contradictions/{relative}");
    let out = run(&["check", "--format", "json", "--config", NEUTRAL, &path]);
    assert!(out.code == 0 || out.code == 1, "{relative}: exit code {}\n{}", out.code, out.stderr);
    out.json().as_array().expect("an array").clone()
}

fn is_consistency(finding: &Value) -> bool {
    finding["rule"].as_str().is_some_and(|rule| rule.starts_with("consistency."))
}

/// The stories in `flag/` or `quiet/`, sorted.
fn stories(dir: &str) -> Vec<String> {
    let stories = common::entries(&fixture(&format!("contradictions/{dir}")));
    assert!(!stories.is_empty(), "no stories in contradictions/{dir}");
    stories
}

fn overlaps(place: &Value, (from, to): (u64, u64)) -> bool {
    let (Some(start), Some(end)) = (place["start"].as_u64(), place["end"].as_u64()) else { return false };
    start < to && from < end
}

/// Whether `finding` points at one mention and relates it to the other.
fn links(finding: &Value, a: (u64, u64), b: (u64, u64)) -> bool {
    let related = finding["related"].as_array().map(Vec::as_slice).unwrap_or_default();
    let links_to = |at, to| overlaps(finding, at) && related.iter().any(|r| overlaps(r, to));
    links_to(a, b) || links_to(b, a)
}

#[test]
fn every_flag_story_is_declared_once() {
    let mut declared: Vec<&str> = FLAGS.iter().map(|flag| flag.file).collect();
    declared.sort_unstable();
    assert_eq!(stories("flag"), declared);
    for flag in FLAGS {
        let text = fixture_text(&format!("contradictions/flag/{}", flag.file));
        let (first, second) = (locate(&text, flag.first, flag.file), locate(&text, flag.second, flag.file));
        assert!(first.1 <= second.0, "{}: the first mention must come first", flag.file);
    }
}

#[test]
fn quiet_stories_have_no_consistency_finding() {
    let mut problems = Vec::new();
    for file in stories("quiet") {
        let allowed_info = INFO_ALLOWED.iter().any(|(allowed, _)| *allowed == file);
        for finding in findings(&format!("quiet/{file}")).iter().filter(|f| is_consistency(f)) {
            if allowed_info && finding["severity"] == "info" {
                continue;
            }
            problems.push(format!(
                "{file}: [{}] {} at {:?}",
                finding["rule"], finding["message"], finding["text"]
            ));
        }
    }
    assert!(problems.is_empty(), "consistency findings on quiet stories:\n{}", problems.join("\n"));
}

#[test]
fn flag_stories_link_the_two_mentions() {
    let mut wrong = Vec::new();
    for flag in FLAGS {
        let text = fixture_text(&format!("contradictions/flag/{}", flag.file));
        let (first, second) = (locate(&text, flag.first, flag.file), locate(&text, flag.second, flag.file));
        let found = findings(&format!("flag/{}", flag.file));
        if !found.iter().any(|f| is_consistency(f) && links(f, first, second)) {
            wrong.push(format!("{}: {:?} … {:?}", flag.file, flag.first, flag.second));
        }
    }
    assert!(wrong.is_empty(), "flag stories whose two mentions no finding links:\n{}", wrong.join("\n"));
}

#[test]
fn findings_snapshots() {
    insta::glob!("fixtures/contradictions/*/*", |path| {
        let dir = path.parent().and_then(|p| p.file_name()).and_then(|n| n.to_str()).expect("a directory");
        let file = path.file_name().and_then(|n| n.to_str()).expect("a file name");
        let findings = Value::Array(findings(&format!("{dir}/{file}")));
        insta::assert_yaml_snapshot!(findings);
    });
}
