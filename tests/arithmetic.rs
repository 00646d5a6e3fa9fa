//! Arithmetic over a whole story, end to end: the stories under `tests/fixtures/arithmetic/`,
//! each checked whole with `factlint check --format json`.
//!
//! `flag/<story>.txt` holds one error for one arithmetic check (listed below), and
//! `quiet/<story>.txt` its twin: the same shapes with figures that add up, or figures that only
//! look like parts of one total (parts picked from it, additions to it, another period, a score
//! rather than a vote). A flag story must draw exactly one arithmetic finding, from its check,
//! at the figure named below and related to the other figures it was summed with; a quiet story
//! none. Every story's findings are also kept as a snapshot.

mod common;

use common::{fixture, fixture_text, locate, run};
use serde_json::Value;

const NEUTRAL: &str = "tests/fixtures/neutral.factlint.yaml";

/// A planted error: the story, the check it is for, the phrase the finding must point into, and a
/// phrase each related place must fall in, one for each.
struct Flag {
    story: &'static str,
    check: &'static str,
    at: &'static str,
    related: &'static [&'static str],
}

const FLAGS: &[Flag] = &[
    Flag {
        story: "story-parts",
        check: "story-parts",
        at: "eight in the other",
        related: &["At least 21 people", "Eleven died"],
    },
    Flag {
        story: "story-parts-group",
        check: "story-parts",
        at: "six children",
        related: &["Thirty people", "Fourteen men", "twelve women"],
    },
    Flag {
        story: "list-total",
        check: "list-total",
        at: "five buildings",
        related: &["three schools", "two clinics"],
    },
    Flag { story: "fraction", check: "fraction", at: "or 52%", related: &["Nearly half"] },
    Flag { story: "fraction-across", check: "fraction", at: "that 62%", related: &["Nearly half"] },
    Flag {
        story: "change-from-earlier",
        check: "change-from-earlier",
        at: "rose 10%",
        related: &["$400 million", "$460 million"],
    },
    Flag {
        story: "percent-of-earlier",
        check: "percent-of-earlier",
        at: "or 30%",
        related: &["480 staff", "120 of them"],
    },
    Flag {
        story: "percent-of-earlier-share",
        check: "percent-of-earlier",
        at: "cut 15%",
        related: &["1,600 staff", "some 320 jobs"],
    },
    Flag { story: "vote-size", check: "vote-size", at: "voted 6-4", related: &["nine-member"] },
    Flag { story: "unanimous", check: "unanimous", at: "7-2", related: &["unanimously"] },
    Flag {
        story: "unit-price",
        check: "unit-price",
        at: "raising $40,000",
        related: &["2,000 tickets", "$15 each"],
    },
    Flag {
        story: "per-head",
        check: "per-head",
        at: "$4,000 each",
        related: &["$1.2 million", "400 families"],
    },
];

fn findings(relative: &str) -> Vec<Value> {
    let path = format!("tests/fixtures/arithmetic/{relative}");
    let out = run(&["check", "--format", "json", "--config", NEUTRAL, &path]);
    assert!(out.code == 0 || out.code == 1, "{relative}: exit code {}\n{}", out.code, out.stderr);
    out.json().as_array().expect("an array").clone()
}

fn arithmetic(findings: &[Value]) -> Vec<&Value> {
    findings.iter().filter(|f| f["rule"].as_str().is_some_and(|r| r.starts_with("arithmetic."))).collect()
}

fn inside(place: &Value, (from, to): (u64, u64)) -> bool {
    let (Some(start), Some(end)) = (place["start"].as_u64(), place["end"].as_u64()) else { return false };
    from <= start && end <= to
}

#[test]
fn every_story_has_a_flag_and_a_quiet_twin() {
    let mut declared: Vec<String> = FLAGS.iter().map(|f| format!("{}.txt", f.story)).collect();
    declared.sort_unstable();
    assert_eq!(common::entries(&fixture("arithmetic/flag")), declared);
    assert_eq!(common::entries(&fixture("arithmetic/quiet")), declared);
}

#[test]
fn each_flag_story_draws_its_one_finding() {
    for flag in FLAGS {
        let file = format!("flag/{}.txt", flag.story);
        let text = fixture_text(&format!("arithmetic/{file}"));
        let found = findings(&file);
        let found = arithmetic(&found);
        assert_eq!(found.len(), 1, "{file}: {found:#?}");
        let finding = found[0];
        assert_eq!(finding["rule"], format!("arithmetic.{}", flag.check), "{file}");
        assert!(inside(finding, locate(&text, flag.at, &file)), "{file}: finding at {:?}", finding["text"]);
        let related = finding["related"].as_array().expect("related places");
        assert_eq!(related.len(), flag.related.len(), "{file}: {related:#?}");
        for phrase in flag.related {
            let range = locate(&text, phrase, &file);
            assert!(related.iter().any(|r| inside(r, range)), "{file}: nothing related in {phrase:?}");
        }
    }
}

#[test]
fn quiet_twins_draw_no_arithmetic_finding() {
    for flag in FLAGS {
        let file = format!("quiet/{}.txt", flag.story);
        let found = findings(&file);
        assert!(arithmetic(&found).is_empty(), "{file}: {:#?}", arithmetic(&found));
    }
}

#[test]
fn findings_snapshots() {
    insta::glob!("fixtures/arithmetic/*/*", |path| {
        let dir = path.parent().and_then(|p| p.file_name()).and_then(|n| n.to_str()).expect("a directory");
        let file = path.file_name().and_then(|n| n.to_str()).expect("a file name");
        let findings = Value::Array(findings(&format!("{dir}/{file}")));
        insta::assert_yaml_snapshot!(findings);
    });
}
