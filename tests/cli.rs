//! The command line end to end: snapshots of every `check` format, of `claims`, `diff`,
//! `rules list`, `rules explain` and `check --help` on fixture stories; exit codes (clean,
//! findings, `--fail-on`, usage and configuration errors with their locations); standard input;
//! and directories holding binary, non-UTF-8 and empty files.

mod common;

use common::{copy_fixture, factlint, run, run_in, run_with, temp_dir};
use insta_cmd::assert_cmd_snapshot;
use std::path::Path;

const STORY: &str = "tests/fixtures/story.md";

/// Filters that keep snapshots stable: the version, and temporary directories.
fn filters() -> Vec<(String, String)> {
    let version = env!("CARGO_PKG_VERSION").replace('.', r"\.");
    vec![
        (format!(r#""version": "{version}""#), r#""version": "[VERSION]""#.to_string()),
        (format!(r"factlint {version}"), "factlint [VERSION]".to_string()),
        (r"/[^\s:]*factlint-test-[A-Za-z0-9]+".to_string(), "[TEMP]".to_string()),
    ]
}

macro_rules! snapshot {
    ($name:expr, $command:expr) => {{
        let filters = filters();
        let mut settings = insta::Settings::clone_current();
        for (pattern, replacement) in &filters {
            settings.add_filter(pattern, replacement.as_str());
        }
        settings.bind(|| assert_cmd_snapshot!($name, $command));
    }};
}

// ---------------------------------------------------------------------------------------------
// Snapshots of each output

#[test]
fn check_human() {
    snapshot!("check_human", factlint().args(["check", STORY]));
}

#[test]
fn check_short() {
    snapshot!("check_short", factlint().args(["check", "--format", "short", STORY]));
}

#[test]
fn check_json() {
    snapshot!("check_json", factlint().args(["check", "--format", "json", STORY]));
}

#[test]
fn check_sarif() {
    // The rule catalogue and each result's index into it change whenever a rule is added; they
    // are checked by hand in `formats.rs`, so the snapshot holds the results.
    let out = run(&["check", "--format", "sarif", STORY]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let mut log = out.json();
    let version = log["runs"][0]["tool"]["driver"]["version"].take();
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    let rules = log["runs"][0]["tool"]["driver"]["rules"].take();
    assert!(rules.as_array().is_some_and(|r| r.len() > 150), "the catalogue lists every rule that ran");
    for result in log["runs"][0]["results"].as_array_mut().into_iter().flatten() {
        let index = result["ruleIndex"].take();
        let id = &rules[index.as_u64().unwrap_or(u64::MAX) as usize]["id"];
        assert_eq!(*id, result["ruleId"], "ruleIndex points at the result's rule");
    }
    insta::assert_json_snapshot!("check_sarif_results", log);
}

#[test]
fn check_github() {
    snapshot!("check_github", factlint().args(["check", "--format", "github", STORY]));
}

#[test]
fn check_junit() {
    snapshot!(
        "check_junit",
        factlint().args(["check", "--format", "junit", STORY, "tests/fixtures/packs/clean.txt"])
    );
}

#[test]
fn claims_table() {
    snapshot!("claims_table", factlint().args(["claims", STORY]));
}

#[test]
fn claims_json() {
    snapshot!("claims_json", factlint().args(["claims", "--format", "json", STORY]));
}

#[test]
fn diff_human() {
    snapshot!(
        "diff_human",
        factlint().args(["diff", "tests/fixtures/diff/v1.txt", "tests/fixtures/diff/v2.txt"])
    );
}

#[test]
fn diff_json() {
    snapshot!(
        "diff_json",
        factlint().args([
            "diff",
            "--format",
            "json",
            "tests/fixtures/diff/v1.txt",
            "tests/fixtures/diff/v2.txt"
        ])
    );
}

#[test]
fn rules_list() {
    // The confusables are many and grow; the snapshot holds the other packs and a count.
    let out = run(&["rules", "list"]);
    assert_eq!(out.code, 0);
    let (confusables, others): (Vec<&str>, Vec<&str>) =
        out.stdout.lines().partition(|line| line.starts_with("confusable."));
    assert!(confusables.len() >= 150, "only {} confusable rules", confusables.len());
    insta::assert_snapshot!("rules_list_without_confusables", others.join("\n"));
}

#[test]
fn rules_explain() {
    snapshot!("rules_explain", factlint().args(["rules", "explain", "dates.weekday"]));
}

#[test]
fn rules_explain_suggests_the_nearest_rule() {
    snapshot!("rules_explain_typo", factlint().args(["rules", "explain", "dates.weekdy"]));
}

#[test]
fn check_help() {
    snapshot!("check_help", factlint().args(["check", "--help"]));
}

#[test]
fn version() {
    snapshot!("version", factlint().arg("--version"));
}

// ---------------------------------------------------------------------------------------------
// Checks by hand on the same outputs

#[test]
fn rules_list_json_describes_every_rule() {
    let out = run(&["rules", "list", "--format", "json"]);
    assert_eq!(out.code, 0);
    let rules = out.json();
    let rules = rules.as_array().unwrap();
    assert!(rules.len() >= 20, "only {} rules", rules.len());
    for pack in
        ["confusable", "spelling", "grammar", "punctuation", "consistency", "arithmetic", "dates", "facts"]
    {
        assert!(
            rules.iter().any(|r| r["id"].as_str().unwrap().starts_with(&format!("{pack}."))),
            "no rule from the {pack} pack"
        );
    }
    let weekday = rules.iter().find(|r| r["id"] == "dates.weekday").expect("dates.weekday is listed");
    assert_eq!(weekday["severity"], "error");
    assert_eq!(weekday["origin"], "rules/dates.yaml");
    assert!(!weekday["examples"]["flag"].as_array().unwrap().is_empty());
    assert!(!weekday["examples"]["pass"].as_array().unwrap().is_empty());
}

#[test]
fn rules_test_passes_on_the_built_in_packs() {
    let out = run(&["rules", "test"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.trim_end().ends_with(", 0 failures"), "{}", out.stdout);
}

#[test]
fn json_findings_follow_the_output_contract() {
    let out = run(&["check", "--format", "json", STORY]);
    assert_eq!(out.code, 1);
    let source = common::fixture_text("story.md");
    let findings = out.json();
    let findings = findings.as_array().unwrap();
    assert_eq!(findings.len(), 9);
    let mut last = 0;
    for finding in findings {
        for key in [
            "path",
            "rule",
            "severity",
            "message",
            "start",
            "end",
            "line",
            "column",
            "end_line",
            "end_column",
            "text",
            "suggestions",
            "related",
        ] {
            assert!(finding.get(key).is_some(), "no `{key}` in {finding}");
        }
        assert_eq!(finding["path"], STORY);
        assert!(["error", "warning", "info"].contains(&finding["severity"].as_str().unwrap()));
        let (start, end) =
            (finding["start"].as_u64().unwrap() as usize, finding["end"].as_u64().unwrap() as usize);
        assert_eq!(&source[start..end], finding["text"].as_str().unwrap(), "offsets point at the text");
        // Line and (character) column agree with the byte offset.
        let line = source[..start].matches('\n').count() + 1;
        let column = source[..start].rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!(finding["line"].as_u64().unwrap() as usize, line);
        assert_eq!(finding["column"].as_u64().unwrap() as usize, column);
        assert!(start >= last, "findings are in offset order");
        last = start;
    }
    let consistency = findings.iter().find(|f| f["rule"] == "consistency.figures").unwrap();
    assert_eq!(consistency["text"], "81,000");
    assert_eq!(consistency["related"][0]["line"], 18);
    let weekday = findings.iter().find(|f| f["rule"] == "dates.weekday").unwrap();
    assert_eq!(weekday["suggestions"], serde_json::json!(["Saturday"]));
}

#[test]
fn an_empty_result_is_an_empty_array() {
    let out = run(&["check", "--format", "json", "tests/fixtures/packs/clean.txt"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout.trim(), "[]");
}

// ---------------------------------------------------------------------------------------------
// Exit codes

#[test]
fn exit_0_on_a_clean_story() {
    let out = run(&["check", "tests/fixtures/packs/clean.txt"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stderr.contains("No findings in 1 story"), "{}", out.stderr);
}

#[test]
fn exit_1_on_findings_at_the_fail_level() {
    let out = run(&["check", STORY]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("9 findings (7 errors, 2 warnings, 0 info) in 1 of 1 story"),
        "{}",
        out.stderr
    );
    // Warnings fail by default, and with --fail-on warning or info.
    for fail_on in [None, Some("info"), Some("warning")] {
        let mut args = vec!["check", "--format", "short", "tests/fixtures/packs/spelling.txt"];
        if let Some(level) = fail_on {
            args.extend(["--fail-on", level]);
        }
        assert_eq!(run(&args).code, 1, "--fail-on {fail_on:?} on warnings");
    }
}

#[test]
fn fail_on_error_passes_a_story_with_warnings_only() {
    let out = run(&["check", "--format", "short", "--fail-on", "error", "tests/fixtures/packs/spelling.txt"]);
    assert_eq!(out.code, 0);
    // The warnings are still shown.
    assert_eq!(out.stdout.lines().count(), 6, "{}", out.stdout);
    assert!(out.stdout.lines().all(|l| l.contains(": warning [spelling.misspelling]")));
    // ...and fail again with errors in the run.
    let out = run(&["check", "--fail-on", "error", "tests/fixtures/packs/spelling.txt", STORY]);
    assert_eq!(out.code, 1);
}

#[test]
fn min_severity_hides_findings_but_not_the_exit_code() {
    let out =
        run(&["check", "--format", "short", "--min-severity", "error", "tests/fixtures/packs/spelling.txt"]);
    assert_eq!(out.stdout, "");
    assert_eq!(out.code, 1, "hidden warnings still fail at --fail-on warning");
}

#[test]
fn exit_2_on_a_bad_flag() {
    let out = run(&["check", "--no-such-flag", STORY]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("unexpected argument '--no-such-flag'"), "{}", out.stderr);
    assert_eq!(out.stdout, "");
    let out = run(&["check", "--format", "xml", STORY]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("invalid value 'xml' for '--format <FORMAT>'"), "{}", out.stderr);
    let out = run(&["check", "--date", "2025-02-30", STORY]);
    assert_eq!(out.code, 2, "an impossible --date is a usage error");
}

#[test]
fn exit_2_on_a_misspelt_configuration_key() {
    let dir = temp_dir();
    copy_fixture("packs/spelling.txt", dir.path(), "story.txt");
    std::fs::write(dir.path().join(".factlint.yaml"), "packs:\n  spelling: true\n\nfial_on: error\n")
        .unwrap();
    let out = run_in(dir.path(), &["check", "story.txt"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    // file:line:column, the field, and the suggestion.
    assert!(out.stderr.contains(".factlint.yaml:4:1:"), "{}", out.stderr);
    assert!(out.stderr.contains("`fial_on`"), "{}", out.stderr);
    assert!(out.stderr.contains("did you mean `fail_on`?"), "{}", out.stderr);

    // The same through --config, with a bad value instead of a bad key.
    std::fs::write(dir.path().join("other.yaml"), "fail_on: sometimes\n").unwrap();
    let out = run_in(dir.path(), &["check", "--config", "other.yaml", "story.txt"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("other.yaml:1:"), "{}", out.stderr);
}

#[test]
fn exit_2_on_a_malformed_rule_file() {
    let dir = temp_dir();
    copy_fixture("packs/spelling.txt", dir.path(), "story.txt");
    std::fs::write(
        dir.path().join("house.yaml"),
        "- id: house.councillor\n  kind: substitution\n  severty: error\n  message: \"x\"\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "--rules", "house.yaml", "story.txt"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("house.yaml:3:3:"), "{}", out.stderr);
    assert!(out.stderr.contains("house.councillor"), "{}", out.stderr);
    assert!(out.stderr.contains("did you mean `severity`?"), "{}", out.stderr);
    let out = run_in(dir.path(), &["check", "--rules", "missing-rules.yaml", "story.txt"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("missing-rules.yaml"), "{}", out.stderr);
}

#[test]
fn exit_2_on_a_missing_facts_file() {
    let out = run(&["check", "--facts", "tests/fixtures/no-such-facts.yaml", STORY]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("cannot read facts file tests/fixtures/no-such-facts.yaml"),
        "{}",
        out.stderr
    );
}

#[test]
fn exit_2_on_a_missing_story() {
    let out = run(&["check", "tests/fixtures/no-such-story.txt"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("skipping tests/fixtures/no-such-story.txt"), "{}", out.stderr);
}

// ---------------------------------------------------------------------------------------------
// Standard input

#[test]
fn check_reads_standard_input() {
    let story = common::fixture_text("packs/spelling.txt");
    let out = run_with(factlint().args(["check", "--format", "short", "-"]), Some(story.as_bytes()));
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0], "-:5:86: warning [spelling.misspelling] “recieve” is a misspelling of “receive”");
}

#[test]
fn stdin_filename_names_the_story_and_picks_its_format() {
    let story = common::fixture_text("story.md");
    // As `-`, the story is plain text: its front matter is no date, so weekdays without a year
    // and tenses cannot be checked.
    let plain = run_with(factlint().args(["check", "--format", "json", "-"]), Some(story.as_bytes()));
    let plain_rules: Vec<String> = common::rule_and_text(&plain.json()).into_iter().map(|(r, _)| r).collect();
    assert!(!plain_rules.contains(&"dates.weekday".to_string()), "{plain_rules:?}");
    assert!(plain.json().as_array().unwrap().iter().all(|f| f["path"] == "-"));

    // Named story.md, it is Markdown with a front-matter date, and reads exactly as the file.
    let named = run_with(
        factlint().args(["check", "--format", "json", "--stdin-filename", "story.md", "-"]),
        Some(story.as_bytes()),
    );
    assert_eq!(named.code, 1);
    let from_file = run(&["check", "--format", "json", STORY]);
    let strip = |value: serde_json::Value| {
        let mut value = value;
        for finding in value.as_array_mut().unwrap() {
            finding.as_object_mut().unwrap().remove("path");
        }
        value
    };
    assert!(named.json().as_array().unwrap().iter().all(|f| f["path"] == "story.md"));
    assert_eq!(strip(named.json()), strip(from_file.json()));
}

#[test]
fn claims_reads_standard_input() {
    let story = common::fixture_text("story.md");
    let out = run_with(
        factlint().args(["claims", "--format", "json", "--stdin-filename", "story.md", "-"]),
        Some(story.as_bytes()),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let claims = out.json();
    let claims = claims.as_array().unwrap();
    assert!(claims.iter().all(|c| c["path"] == "story.md"));
    let drivers = claims.iter().find(|c| c["text"] == "About 18,000 drivers").expect("the drivers figure");
    assert_eq!(drivers["kind"], "count");
    assert_eq!(drivers["value"], 18000);
    assert_eq!(drivers["qualifier"], "about");
    assert_eq!(drivers["subject"], "drivers");
    // "Monday" resolves against the front-matter date (Monday, April 14, 2025).
    let monday = claims.iter().find(|c| c["text"] == "Monday").expect("the weekday");
    assert_eq!(monday["date"], "2025-04-14");

    let table = run_with(factlint().args(["claims", "-"]), Some(story.as_bytes()));
    assert_eq!(table.code, 0);
    assert!(table.stdout.lines().any(|l| l.starts_with("-:18:1 ") && l.contains("About 18,000 drivers")));
}

#[test]
fn empty_standard_input_is_a_clean_story() {
    let out = run_with(factlint().args(["check", "--format", "json", "-"]), Some(b""));
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout.trim(), "[]");
}

#[test]
fn binary_standard_input_is_refused() {
    let out = run_with(factlint().args(["check", "-"]), Some(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("skipping -: binary file"), "{}", out.stderr);
}

// ---------------------------------------------------------------------------------------------
// Bad input in directories

fn write_bad_files(dir: &Path) {
    std::fs::write(dir.join("x.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0").unwrap();
    std::fs::write(dir.join("y.txt"), b"Caf\xe9 owners said the council would recieve the petition.\n")
        .unwrap();
    std::fs::write(dir.join("z.txt"), b"").unwrap();
}

#[test]
fn a_directory_with_bad_files_checks_the_rest() {
    let dir = temp_dir();
    write_bad_files(dir.path());
    copy_fixture("packs/spelling.txt", dir.path(), "story.txt");
    let out = run_in(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("skipping ./x.txt: binary file"), "{}", out.stderr);
    assert!(out.stderr.contains("skipping ./y.txt: not UTF-8 text"), "{}", out.stderr);
    assert!(!out.stderr.contains("z.txt"), "an empty file is a story, not an error: {}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    let findings = out.json();
    let findings = findings.as_array().unwrap();
    assert_eq!(findings.len(), 6);
    assert!(findings.iter().all(|f| f["path"] == "./story.txt"));

    // The human summary counts the skipped files and the empty story.
    let out = run_in(dir.path(), &["check", "."]);
    assert!(
        out.stderr.contains("6 findings (0 errors, 6 warnings, 0 info) in 1 of 2 stories; 2 files skipped"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_directory_of_only_bad_files_exits_2() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("x.txt"), b"GIF89a\0\0\0").unwrap();
    std::fs::write(dir.path().join("y.txt"), b"\xff\xfeN\0o\0").unwrap();
    let out = run_in(dir.path(), &["check", "."]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("./x.txt: binary file"), "{}", out.stderr);
    assert!(out.stderr.contains("./y.txt:"), "{}", out.stderr);
    assert_eq!(out.stdout, "");
}

#[test]
fn an_empty_file_alone_is_clean() {
    let dir = temp_dir();
    write_bad_files(dir.path());
    let out = run_in(dir.path(), &["check", "--format", "json", "z.txt"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.trim(), "[]");
}

#[test]
fn claims_skips_unreadable_files() {
    let dir = temp_dir();
    write_bad_files(dir.path());
    copy_fixture("story.md", dir.path(), "story.md");
    let out = run_in(dir.path(), &["claims", "--format", "json", "x.txt", "y.txt", "story.md"]);
    assert_eq!(out.code, 0);
    assert!(out.stderr.contains("skipping x.txt: binary file"), "{}", out.stderr);
    assert!(out.stderr.contains("skipping y.txt: not UTF-8 text"), "{}", out.stderr);
    assert!(out.json().as_array().unwrap().iter().all(|c| c["path"] == "story.md"));
    let out = run_in(dir.path(), &["claims", "x.txt", "y.txt"]);
    assert_eq!(out.code, 2);
}

/// "Engineers found cracks during an inspection in March. The department plans to mass its
/// crews." in a story dated April 14, 2025: the month takes its tense from the next sentence
/// ("plans") and resolves to March 2026. The fixture story's claims table shows the same.
#[test]
fn a_bare_month_takes_the_tense_of_its_own_sentence() {
    let text =
        "Engineers found cracks during an inspection in March. The department plans to mass its crews.\n";
    let out = run_with(
        factlint().args(["claims", "--format", "json", "--date", "2025-04-14", "-"]),
        Some(text.as_bytes()),
    );
    let claims = out.json();
    let march = claims.as_array().unwrap().iter().find(|c| c["text"] == "March").expect("the month");
    assert_eq!(march["date"], serde_json::json!({"from": "2025-03-01", "to": "2025-03-31"}), "{march:#}");
}
