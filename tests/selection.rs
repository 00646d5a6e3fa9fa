//! `--select` and `--ignore` on the command line: rule ids, prefixes and packs, the most specific
//! winning, and unknown names refused.

mod common;

use common::run;

const STORY: &str = "tests/fixtures/story.md";

fn rules(args: &[&str]) -> Vec<String> {
    let mut all = vec!["check", "--format", "json"];
    all.extend(args);
    all.push(STORY);
    let out = run(&all);
    assert!(out.code <= 1, "{}", out.stderr);
    out.json().as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap().to_string()).collect()
}

#[test]
fn select_and_ignore_choose_rules_by_id_prefix_and_pack() {
    let all = rules(&[]);
    assert_eq!(rules(&["--select", "dates"]), ["dates.weekday", "dates.tense"]);
    assert_eq!(rules(&["--select", "dates.weekday,spelling"]), ["spelling.misspelling", "dates.weekday"]);
    assert_eq!(rules(&["--select", "confusables"]), ["confusable.massage-mass"]);
    let ignored = rules(&["--ignore", "punctuation", "--ignore", "dates.tense"]);
    let expected: Vec<String> =
        all.iter().filter(|r| !r.starts_with("punctuation.") && *r != "dates.tense").cloned().collect();
    assert_eq!(ignored, expected);
    assert_eq!(rules(&["--ignore", "dates", "--select", "dates.weekday"]), ["dates.weekday"]);
}

#[test]
fn unknown_rule_names_are_errors() {
    let out = run(&["check", "--select", "date", STORY]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "factlint: --select: no rule or pack is called `date` (`factlint rules list` shows them)\n"
    );
}
