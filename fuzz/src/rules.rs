//! A user's rule file: loading it (every error must be a located error, not a panic), running
//! each rule's own examples, and checking a few stories with the rules.

use crate::spans::assert_finding;
use factlint_extract::jiff::civil::date;
use factlint_extract::{Document, Format, Options, extract};
use factlint_rules::examples::run_examples;
use factlint_rules::{Input, RuleSet};

/// Stories the loaded rules run over, in each format.
const STORIES: &[(&str, Format)] = &[
    (
        "WARSAW, Thursday, May 8, 2025 — The the minister said more than 100,000 troops had \
         massed by Friday, up from 25,000 in March. Turnout rose to 61.5% from 58%; \
         “We will recieve them,” she said.",
        Format::Text,
    ),
    (
        "# Budget\n\nThe council approved **£4.2m** for 12 schools — 3 more than in 2024.\n\n\
         <!-- factlint-disable-next-line spelling -->\nA seperate vote is due on Tuesday, June 10.\n",
        Format::Markdown,
    ),
    (
        "<p>The <em>seven</em>-member board met at 9 a.m.&nbsp;on Monday.</p>\
         <p>Its nine members voted 5&ndash;4 to spend $1.2bn.</p>",
        Format::Html,
    ),
];

/// Loads the input as a rule file; if it loads, runs its examples and checks the stories.
pub fn rule_file(data: &[u8]) {
    let text = crate::text(data);
    let rules = match RuleSet::from_sources([("fuzz.yaml", text.as_ref())]) {
        Ok(rules) => rules,
        Err(error) => {
            // The message is what a writer sees: building it must not fail either.
            let _ = error.to_string();
            return;
        }
    };
    for rule in rules.rules() {
        for failure in run_examples(rule) {
            let _ = failure.to_string();
        }
    }
    for &(story, format) in STORIES {
        let options = Options { format, reference_date: Some(date(2025, 5, 8)), ..Options::default() };
        let doc = Document::parse(story, &options).expect("a fixed story parses");
        let claims = extract(&doc);
        for finding in rules.check(&Input { doc: &doc, claims: &claims, facts: &[] }) {
            assert_finding(&doc, &finding);
        }
    }
}
