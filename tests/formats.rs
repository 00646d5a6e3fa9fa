//! The machine formats read back by machines: SARIF validated against the official SARIF 2.1.0
//! schema (from `../shared/schemas/` beside the repository: ignored unless asked for) and checked by hand for
//! the structure code-scanning uploads need; JUnit XML parsed, with one failing test case per
//! finding and one passing case per clean story; GitHub annotations escaped.

mod common;

use common::{root, run};
use quick_xml::Reader;
use quick_xml::events::Event;
use serde_json::Value;

/// Stories with errors, warnings, an info finding (an unused suppression), related places and
/// fixes, and a clean one.
const STORIES: &[&str] = &[
    "tests/fixtures/story.md",
    "tests/fixtures/suppressions.md",
    "tests/fixtures/packs/consistency.txt",
    "tests/fixtures/packs/clean.txt",
];

fn check(format: &str) -> common::Run {
    let mut args = vec!["check", "--format", format];
    args.extend(STORIES);
    let out = run(&args);
    assert_eq!(out.code, 1, "{}", out.stderr);
    out
}

/// The findings of the same stories as the JSON output gives them.
fn json_findings() -> Vec<Value> {
    check("json").json().as_array().unwrap().clone()
}

// ---------------------------------------------------------------------------------------------
// SARIF

#[test]
#[ignore = "needs ../shared"]
fn sarif_validates_against_the_official_schema() {
    let path = root().join("../shared/schemas/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; this test needs ../shared", path.display()));
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    let validator = jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let log = check("sarif").json();
    let errors: Vec<String> =
        validator.iter_errors(&log).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "SARIF output does not match the schema:\n{}", errors.join("\n"));

    // The validator does catch a broken log.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    broken["runs"][0]["tool"]["driver"].as_object_mut().unwrap().remove("name");
    assert!(validator.iter_errors(&broken).count() >= 2);
}

#[test]
fn sarif_has_the_structure_code_scanning_needs() {
    let log = check("sarif").json();
    assert_eq!(
        log["$schema"],
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    );
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "factlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));

    let rules = driver["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().expect("every rule has an id")).collect();
    for rule in rules {
        assert!(rule["shortDescription"]["text"].is_string(), "{rule}");
        assert!(
            ["error", "warning", "note"].contains(&rule["defaultConfiguration"]["level"].as_str().unwrap()),
            "{rule}"
        );
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "rule ids are unique");

    let findings = json_findings();
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), findings.len(), "one result per finding");
    for (result, finding) in results.iter().zip(&findings) {
        let rule_id = result["ruleId"].as_str().expect("ruleId");
        assert_eq!(rule_id, finding["rule"]);
        let level = result["level"].as_str().expect("level");
        let expected = match finding["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "note",
        };
        assert_eq!(level, expected, "{result}");
        assert_eq!(result["message"]["text"], finding["message"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], finding["path"]);
        let region = &location["region"];
        assert_eq!(region["startLine"], finding["line"]);
        assert_eq!(region["startColumn"], finding["column"]);
        assert_eq!(region["endLine"], finding["end_line"]);
        assert_eq!(region["endColumn"], finding["end_column"]);
        assert_eq!(region["byteOffset"], finding["start"]);
        // Rules the catalogue describes are pointed at by index.
        if let Some(index) = result["ruleIndex"].as_u64() {
            assert_eq!(ids[index as usize], rule_id);
        } else {
            assert_eq!(rule_id, "factlint.unused-suppression", "only the suppression check is not a rule");
        }
        let related = result["relatedLocations"].as_array().map_or(0, Vec::len);
        assert_eq!(related, finding["related"].as_array().unwrap().len());
    }
    // Safe and unsafe fixes are carried over, with the replacement text.
    let doubled = results.iter().find(|r| r["ruleId"] == "grammar.doubled-word").unwrap();
    assert_eq!(doubled["fixes"][0]["description"]["text"], "safe fix");
    assert_eq!(doubled["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"], "");
    let weekday = results.iter().find(|r| r["ruleId"] == "dates.weekday").unwrap();
    assert_eq!(weekday["fixes"][0]["description"]["text"], "unsafe fix");
    assert_eq!(
        weekday["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "Saturday"
    );
    assert!(results.iter().any(|r| r["level"] == "note"), "the info finding is a note");
}

#[test]
fn sarif_with_no_findings_is_a_valid_empty_run() {
    let out = run(&["check", "--format", "sarif", "tests/fixtures/packs/clean.txt"]);
    assert_eq!(out.code, 0);
    let log = out.json();
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert!(!log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// JUnit

#[derive(Debug, Default)]
struct Suite {
    tests: usize,
    failures: usize,
    cases: Vec<Case>,
}

#[derive(Debug, Default)]
struct Case {
    name: String,
    classname: String,
    failures: Vec<Failure>,
}

#[derive(Debug, Default)]
struct Failure {
    kind: String,
    message: String,
    text: String,
}

fn attribute(element: &quick_xml::events::BytesStart, name: &str) -> String {
    let attribute = element
        .try_get_attribute(name)
        .expect("attributes parse")
        .unwrap_or_else(|| panic!("no `{name}` attribute"));
    attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0).expect("attribute value").into_owned()
}

/// Parses factlint's JUnit report: the counts of the (single) suite, its cases and failures.
fn parse_junit(xml: &str) -> (usize, usize, Suite) {
    let mut reader = Reader::from_str(xml);
    let (mut total_tests, mut total_failures) = (0, 0);
    let mut suite = Suite::default();
    let mut in_failure = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "testsuites" => {
                total_tests = attribute(&e, "tests").parse().unwrap();
                total_failures = attribute(&e, "failures").parse().unwrap();
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "testsuite" => {
                suite.tests = attribute(&e, "tests").parse().unwrap();
                suite.failures = attribute(&e, "failures").parse().unwrap();
                assert_eq!(attribute(&e, "errors"), "0");
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "testcase" => {
                let (name, classname) = (attribute(&e, "name"), attribute(&e, "classname"));
                suite.cases.push(Case { name, classname, failures: Vec::new() });
            }
            Event::Start(e) if e.name().as_ref() == "failure" => {
                let failure = Failure {
                    kind: attribute(&e, "type"),
                    message: attribute(&e, "message"),
                    ..Default::default()
                };
                suite.cases.last_mut().expect("a failure inside a test case").failures.push(failure);
                in_failure = true;
            }
            Event::Text(t) if in_failure => {
                let failure = suite.cases.last_mut().unwrap().failures.last_mut().unwrap();
                failure.text.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if in_failure => {
                let failure = suite.cases.last_mut().unwrap().failures.last_mut().unwrap();
                match r.resolve_char_ref().expect("character reference") {
                    Some(c) => failure.text.push(c),
                    None => failure.text.push_str(
                        quick_xml::escape::resolve_predefined_entity(&r).expect("a predefined entity"),
                    ),
                }
            }
            Event::End(e) if e.name().as_ref() == "failure" => in_failure = false,
            Event::Eof => break,
            _ => {}
        }
    }
    (total_tests, total_failures, suite)
}

#[test]
fn junit_has_a_failing_test_case_per_finding_and_a_passing_one_per_clean_story() {
    let out = check("junit");
    let (total_tests, total_failures, suite) = parse_junit(&out.stdout);
    let findings = json_findings();
    let mut expected: Vec<(String, String)> = Vec::new();
    for story in STORIES {
        let mine: Vec<&Value> = findings.iter().filter(|f| f["path"] == *story).collect();
        if mine.is_empty() {
            expected.push((story.to_string(), story.to_string()));
        }
        for finding in mine {
            let name =
                format!("{} at {}:{}", finding["rule"].as_str().unwrap(), finding["line"], finding["column"]);
            expected.push((name, story.to_string()));
        }
    }
    let cases: Vec<(String, String)> =
        suite.cases.iter().map(|c| (c.name.clone(), c.classname.clone())).collect();
    assert_eq!(cases, expected, "one case per finding, one per clean story, in order");
    assert_eq!((total_tests, suite.tests), (expected.len(), expected.len()));
    assert_eq!((total_failures, suite.failures), (findings.len(), findings.len()));

    let failing: Vec<&Case> = suite.cases.iter().filter(|c| !c.failures.is_empty()).collect();
    assert_eq!(failing.len(), findings.len());
    for (case, finding) in failing.iter().zip(&findings) {
        assert_eq!(case.failures.len(), 1);
        let failure = &case.failures[0];
        assert_eq!(failure.kind, finding["rule"]);
        assert_eq!(failure.message, finding["message"]);
        let line = format!(
            "{}:{}:{}: {} [{}] {}",
            finding["path"].as_str().unwrap(),
            finding["line"],
            finding["column"],
            finding["severity"].as_str().unwrap(),
            finding["rule"].as_str().unwrap(),
            finding["message"].as_str().unwrap()
        );
        assert_eq!(failure.text, line);
    }
    assert!(suite.cases.iter().any(|c| c.name.ends_with("clean.txt") && c.failures.is_empty()));
}

#[test]
fn junit_escapes_markup_in_names_and_messages() {
    let dir = common::temp_dir();
    let name = "a&b <draft>.txt";
    std::fs::write(dir.path().join(name), "The council will recieve the \"final\" report & the plan.\n")
        .unwrap();
    let out = common::run_in(dir.path(), &["check", "--format", "junit", name]);
    assert_eq!(out.code, 1);
    let (_, _, suite) = parse_junit(&out.stdout);
    assert_eq!(suite.cases.len(), 1);
    assert_eq!(suite.cases[0].classname, name);
    assert_eq!(suite.cases[0].name, "spelling.misspelling at 1:18");
    assert_eq!(suite.cases[0].failures.len(), 1);
    assert!(
        suite.cases[0].failures[0].text.starts_with("a&b <draft>.txt:1:18: warning [spelling.misspelling]")
    );
}

// ---------------------------------------------------------------------------------------------
// GitHub annotations

#[test]
fn github_annotations_escape_their_properties_and_data() {
    let dir = common::temp_dir();
    let name = "poll, final: v2.txt";
    std::fs::write(dir.path().join(name), "Of 480 homes, 120 of the 480, or 30%, were flooded.\n").unwrap();
    let out = common::run_in(dir.path(), &["check", "--format", "github", name]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        "::error file=poll%2C final%3A v2.txt,line=1,col=34,endLine=1,endColumn=36,\
         title=factlint arithmetic.percent-of::120 of 480 is 25%25, not 30%25\n"
    );
}
