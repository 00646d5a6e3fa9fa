//! Suppressions and configuration end to end: `factlint-disable-next-line` and
//! `factlint-disable` … `factlint-enable` comments in Markdown, unused suppressions reported as
//! info; `.factlint.yaml` turning rules and packs off, changing severities, overriding by path
//! glob, accepting words, setting the fail and display levels; the nearest configuration
//! winning; `--config`; and `factlint init`.

mod common;

use common::{copy_fixture, run, run_in, temp_dir};
use serde_json::Value;

fn findings(out: &common::Run) -> Vec<Value> {
    out.json().as_array().unwrap().clone()
}

fn summary(findings: &[Value]) -> Vec<(u64, String, String)> {
    findings
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn triple(line: u64, rule: &str, severity: &str) -> (u64, String, String) {
    (line, rule.to_string(), severity.to_string())
}

// ---------------------------------------------------------------------------------------------
// Suppression comments

#[test]
fn suppression_comments_silence_their_findings() {
    let out = run(&["check", "--format", "json", "tests/fixtures/suppressions.md"]);
    assert_eq!(out.code, 1);
    let found = findings(&out);
    assert_eq!(
        summary(&found),
        [
            // Before any comment.
            triple(9, "spelling.misspelling", "warning"),
            // "seperate" on line 12 is silenced by the comment above it.
            // The comment on line 14 names a rule with nothing to silence on line 15.
            triple(14, "factlint.unused-suppression", "info"),
            // Its doubled word is two lines further down, out of its reach.
            triple(17, "grammar.doubled-word", "error"),
            // "early.It" on line 20 is inside a disabled region; line 23 is after it.
            triple(23, "punctuation.missing-space", "error"),
        ]
    );
    let unused = &found[1];
    assert_eq!(unused["text"], "<!-- factlint-disable-next-line grammar.doubled-word -->");
    assert_eq!(unused["message"], "This suppression comment suppresses nothing");
    assert_eq!(unused["column"], 1);

    // Without the comments, the silenced findings come back.
    let text = common::fixture_text("suppressions.md");
    let bare: String = text.lines().filter(|l| !l.starts_with("<!--")).map(|l| format!("{l}\n")).collect();
    let out = common::run_with(
        common::factlint().args(["check", "--format", "json", "--stdin-filename", "bare.md", "-"]),
        Some(bare.as_bytes()),
    );
    let texts: Vec<String> = common::rule_and_text(&out.json()).into_iter().map(|(_, t)| t).collect();
    assert!(texts.contains(&"seperate".to_string()), "{texts:?}");
    assert_eq!(texts.iter().filter(|t| t.as_str() == ".").count(), 2, "{texts:?}");
}

#[test]
fn an_unused_suppression_alone_does_not_fail_the_run() {
    let dir = temp_dir();
    std::fs::write(
        dir.path().join("note.md"),
        "# Notes\n\n<!-- factlint-disable-next-line spelling -->\nThe council met on Monday.\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "--format", "short", "note.md"]);
    assert_eq!(out.code, 0, "an info finding is below the default fail level");
    assert_eq!(
        out.stdout,
        "note.md:3:1: info [factlint.unused-suppression] This suppression comment suppresses nothing\n"
    );
    let out = run_in(dir.path(), &["check", "--fail-on", "info", "note.md"]);
    assert_eq!(out.code, 1);
    let out = run_in(dir.path(), &["check", "--format", "short", "--min-severity", "warning", "note.md"]);
    assert_eq!(out.stdout, "");
}

#[test]
fn comments_in_plain_text_are_not_suppressions() {
    let dir = temp_dir();
    std::fs::write(
        dir.path().join("note.txt"),
        "<!-- factlint-disable-next-line spelling -->\nThe council will recieve the report.\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "--format", "json", "note.txt"]);
    assert_eq!(summary(&findings(&out)), [triple(2, "spelling.misspelling", "warning")]);
}

// ---------------------------------------------------------------------------------------------
// .factlint.yaml

/// A newsroom tree: the grammar fixture under news/ and archive/, the spelling one under news/.
fn newsroom(config: &str) -> tempfile::TempDir {
    let dir = temp_dir();
    copy_fixture("packs/grammar.txt", dir.path(), "news/port.txt");
    copy_fixture("packs/grammar.txt", dir.path(), "archive/2019/port.txt");
    copy_fixture("packs/spelling.txt", dir.path(), "news/hospital.txt");
    std::fs::write(dir.path().join(".factlint.yaml"), config).unwrap();
    dir
}

fn rules_in(findings: &[Value], path: &str) -> Vec<(String, String)> {
    findings
        .iter()
        .filter(|f| f["path"] == path)
        .map(|f| (f["rule"].as_str().unwrap().to_string(), f["severity"].as_str().unwrap().to_string()))
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn configuration_turns_rules_off_changes_severities_and_overrides_paths() {
    let dir = newsroom(
        "rules:\n  grammar.doubled-word: off\n  grammar.article: error\n\
         overrides:\n  - paths: [\"archive/**\"]\n    rules:\n      grammar: off\n      grammar.to-ing: info\n",
    );
    let out = run_in(dir.path(), &["check", "--format", "json", "news", "archive"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let found = findings(&out);
    // news/: the doubled word is off, the articles are errors, the rest as built in.
    assert_eq!(
        rules_in(&found, "news/port.txt"),
        pairs(&[
            ("grammar.to-ing", "error"),
            ("grammar.to-ing", "error"),
            ("grammar.make-room", "error"),
            ("grammar.subject-verb", "warning"),
            ("grammar.article", "error"),
            ("grammar.article", "error"),
        ])
    );
    // archive/: the grammar pack is off there, except the one rule set to info.
    assert_eq!(
        rules_in(&found, "archive/2019/port.txt"),
        pairs(&[("grammar.to-ing", "info"), ("grammar.to-ing", "info")])
    );
    assert_eq!(rules_in(&found, "news/hospital.txt").len(), 6);
}

#[test]
fn configuration_sets_fail_levels_overall_and_by_path() {
    let config = "fail_on: error\noverrides:\n  - paths: [\"news/**\"]\n    fail_on: warning\n";
    let dir = newsroom(config);
    std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
    copy_fixture("packs/spelling.txt", dir.path(), "drafts/hospital.txt");
    // Warnings only: they fail under news/ (override) but not under drafts/ (fail_on: error).
    assert_eq!(run_in(dir.path(), &["check", "drafts"]).code, 0);
    assert_eq!(run_in(dir.path(), &["check", "news/hospital.txt"]).code, 1);
    // The command line wins over both.
    assert_eq!(run_in(dir.path(), &["check", "--fail-on", "error", "news/hospital.txt"]).code, 0);
    assert_eq!(run_in(dir.path(), &["check", "--fail-on", "warning", "drafts"]).code, 1);
}

#[test]
fn configuration_min_severity_hides_lower_findings() {
    let dir = newsroom("min_severity: error\n");
    let out = run_in(dir.path(), &["check", "--format", "json", "news"]);
    let found = findings(&out);
    assert!(!found.is_empty());
    assert!(found.iter().all(|f| f["severity"] == "error"), "{found:?}");
    let out = run_in(dir.path(), &["check", "--format", "json", "--min-severity", "warning", "news"]);
    assert!(findings(&out).iter().any(|f| f["severity"] == "warning"));
}

#[test]
fn configuration_turns_packs_off() {
    let dir = newsroom("packs:\n  spelling: false\n  grammar: false\n");
    let out = run_in(dir.path(), &["check", "--format", "json", "news"]);
    assert_eq!(out.code, 0);
    assert_eq!(findings(&out), Vec::<Value>::new());
}

#[test]
fn accepted_words_are_silenced() {
    let dir = newsroom(
        "accept:\n  - text: \"definately\"\n    reason: \"quoted from the councillor's letter as written\"\n\
         \x20 - text: \"Untill\"\n    reason: \"the contractor's trading name\"\n    rules: [spelling.misspelling]\n\
         \x20 - text: \"recieve\"\n    reason: \"only for the grammar rules\"\n    rules: [grammar.to-ing]\n",
    );
    let out = run_in(dir.path(), &["check", "--format", "json", "news/hospital.txt"]);
    let texts: Vec<String> = common::rule_and_text(&out.json()).into_iter().map(|(_, t)| t).collect();
    // "definately" (any rule) and "untill" (matched case-insensitively, for spelling) are
    // accepted; "recieve" is accepted only for another rule and is still flagged.
    assert_eq!(texts, ["recieve", "occured", "accomodate", "goverment"]);
}

#[test]
fn an_accepted_word_needs_a_reason() {
    let dir = newsroom("accept:\n  - text: \"definately\"\n    reason: \"  \"\n");
    let out = run_in(dir.path(), &["check", "news"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("accepted `definately` needs a reason"), "{}", out.stderr);
}

#[test]
fn the_nearest_configuration_wins_and_config_replaces_it() {
    let dir = newsroom("rules:\n  spelling: off\n");
    std::fs::write(dir.path().join("news/.factlint.yaml"), "rules:\n  grammar: off\n").unwrap();
    // news/ has its own: grammar off, spelling on.
    let out = run_in(dir.path(), &["check", "--format", "json", "news", "archive"]);
    let found = findings(&out);
    assert_eq!(rules_in(&found, "news/hospital.txt").len(), 6);
    assert!(rules_in(&found, "news/port.txt").is_empty());
    // archive/ has the root one: spelling off, grammar on.
    assert_eq!(rules_in(&found, "archive/2019/port.txt").len(), 7);

    // --config applies one file to everything.
    std::fs::write(dir.path().join("strict.yaml"), "rules:\n  grammar.subject-verb: error\n").unwrap();
    let out = run_in(dir.path(), &["check", "--format", "json", "--config", "strict.yaml", "news"]);
    let found = findings(&out);
    assert_eq!(rules_in(&found, "news/hospital.txt").len(), 6);
    assert!(rules_in(&found, "news/port.txt").contains(&("grammar.subject-verb".into(), "error".into())));
}

#[test]
fn facts_and_rules_named_in_the_configuration_are_relative_to_it() {
    let dir = temp_dir();
    copy_fixture("packs/facts.txt", dir.path(), "desk/stories/grid.txt");
    copy_fixture("facts.yaml", dir.path(), "desk/reference/facts.yaml");
    std::fs::write(
        dir.path().join("desk/reference/house.yaml"),
        "- id: house.bloc\n  kind: substitution\n  severity: info\n  message: \"House style: “{found}” is “{replacement}”\"\n\
         \x20 swap: { bloc: union }\n  fix: safe\n  examples:\n    flag:\n      - \"Norway is not in the [[bloc]].\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("desk/.factlint.yaml"),
        "facts: reference/facts.yaml\nextra_rules: [reference/house.yaml]\n",
    )
    .unwrap();
    let out = run_in(&dir.path().join("desk/stories"), &["check", "--format", "json", "grid.txt"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let rules: Vec<String> = common::rule_and_text(&out.json()).into_iter().map(|(r, _)| r).collect();
    assert_eq!(rules.iter().filter(|r| r.as_str() == "facts.reference").count(), 3, "{rules:?}");
    assert!(rules.contains(&"house.bloc".to_string()), "{rules:?}");
}

// ---------------------------------------------------------------------------------------------
// factlint init

#[test]
fn init_writes_a_starter_configuration_that_loads() {
    let dir = temp_dir();
    let out = run_in(dir.path(), &["init"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let path = dir.path().join(".factlint.yaml");
    let starter = std::fs::read_to_string(&path).unwrap();
    assert!(starter.starts_with("# factlint configuration."));
    assert!(starter.contains("fail_on: warning"));

    // It is used by the next check, and its override turns spelling off under archive/.
    copy_fixture("packs/spelling.txt", dir.path(), "archive/hospital.txt");
    copy_fixture("packs/spelling.txt", dir.path(), "hospital.txt");
    let out = run_in(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let found = findings(&out);
    assert_eq!(rules_in(&found, "./hospital.txt").len(), 6);
    assert!(rules_in(&found, "./archive/hospital.txt").is_empty());

    // A second init keeps the file unless forced.
    std::fs::write(&path, "fail_on: error\n").unwrap();
    let out = run_in(dir.path(), &["init"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains(".factlint.yaml already exists; use --force to replace it"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "fail_on: error\n");
    let out = run_in(dir.path(), &["init", "--force"]);
    assert_eq!(out.code, 0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), starter);
    assert_eq!(common::entries(dir.path()), [".factlint.yaml", "archive", "hospital.txt"]);
}
