//! The whole check, the printers and `--fix`: every finding and fix can be sliced, every
//! printer renders, and fixing converges (fixing the fixed text changes nothing).

use crate::spans::{assert_document, assert_finding};
use factlint::cli::CheckFormat;
use factlint::config::Config;
use factlint::fix::fix;
use factlint::pipeline::{CheckError, Setup};
use factlint::printers::{finish, render};
use factlint::report::Catalog;
use factlint_extract::jiff::civil::date;
use factlint_rules::{RuleSet, parse_facts};
use std::sync::LazyLock;

/// The built-in rules and a few reference figures, as a run without a configuration has them.
static SETUP: LazyLock<Setup> = LazyLock::new(|| Setup {
    config: Config::default(),
    rules: RuleSet::builtin().unwrap_or_else(|error| panic!("the built-in packs do not load: {error}")),
    facts: parse_facts("facts.yaml", FACTS).unwrap_or_else(|error| panic!("the fuzz facts: {error}")),
    date: None,
});

/// Reference figures for the `facts` rules to compare against.
const FACTS: &str = "facts:
  - id: eu-members
    entity: European Union
    subject: member states
    aliases: [EU]
    value: 27
    valid_from: 2020-02-01
    source: \"27 since February 2020\"
  - id: harbour-bridge
    entity: Harbour Bridge
    subject: metres
    value: 1149
    source: \"the city's survey\"
";

const FORMATS: [CheckFormat; 6] = [
    CheckFormat::Human,
    CheckFormat::Short,
    CheckFormat::Github,
    CheckFormat::Json,
    CheckFormat::Sarif,
    CheckFormat::Junit,
];

/// The first byte, when it is below 16, chooses how the rest is checked: bits 0-1 the format
/// (plain text, Markdown, HTML), bit 2 a reference date, bit 3 unsafe fixes too. Any other
/// first byte is part of a plain-text story checked with safe fixes.
pub fn check_fix(data: &[u8]) {
    let (options, story) = match data.split_first() {
        Some((&first, rest)) if first < 16 => (first, rest),
        _ => (0, data),
    };
    let name = match options & 3 {
        1 => "story.md",
        2 | 3 => "story.html",
        _ => "story.txt",
    };
    let reference = (options & 4 != 0).then(|| date(2025, 5, 8));
    let unsafe_fixes = options & 8 != 0;
    check_story(name, &crate::text(story), reference, unsafe_fixes);
}

/// Checks `text` as the story `name`, prints it in every format and fixes it.
pub fn check_story(
    name: &str,
    text: &str,
    reference: Option<factlint_extract::jiff::civil::Date>,
    unsafe_fixes: bool,
) {
    let setup = &*SETUP;
    let checked = match setup.check(name.to_string(), None, text.to_string(), reference) {
        Ok(checked) => checked,
        Err(CheckError::TooLarge(_)) => return,
        Err(error @ CheckError::Panicked(_)) => panic!("{error}"),
    };
    let report = &checked.report;
    assert_document(&report.doc);
    for finding in &report.findings {
        assert_finding(&report.doc, finding);
    }

    let catalog = Catalog { rules: setup.rules.rules().iter().collect() };
    for format in FORMATS {
        let fragment = render(format, report, &catalog);
        let mut out = Vec::new();
        finish(format, vec![fragment], &catalog, &mut out)
            .unwrap_or_else(|error| panic!("{format:?} output into memory failed: {error}"));
        assert!(std::str::from_utf8(&out).is_ok(), "{format:?} output is not UTF-8");
    }

    let fixed =
        fix(setup, name, None, text, reference, unsafe_fixes).unwrap_or_else(|error| panic!("{error}"));
    if fixed.edits > 0 {
        let again = fix(setup, name, None, &fixed.text, reference, unsafe_fixes)
            .unwrap_or_else(|error| panic!("fixing the fixed text: {error}"));
        assert_eq!(
            again.edits, 0,
            "fixes do not converge: {text:?} became {:?}, then {:?}",
            fixed.text, again.text
        );
    }
}
