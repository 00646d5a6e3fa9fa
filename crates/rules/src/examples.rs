//! Running a rule on its own examples. Every built-in rule carries text it must flag (with the
//! span marked `[[…]]` and, optionally, the text once fixed) and text it must pass; `cargo test`
//! and `factlint rules test` run them.

use crate::checks::Input;
use crate::engine::RuleSet;
use crate::finding::Finding;
use crate::rule::Rule;
use crate::schema::Example;
use factlint_extract::{Document, Options, Span, extract};
use std::fmt;

/// An example that did not behave as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    pub rule: String,
    pub example: String,
    pub problem: String,
}

impl fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}\n    example: {}", self.rule, self.problem, self.example)
    }
}

/// Strips `[[` and `]]` marks, returning the text and the marked spans.
pub fn parse_marks(marked: &str) -> (String, Vec<Span>) {
    let mut text = String::with_capacity(marked.len());
    let mut spans = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find("]]") else {
            text.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let start = text.len();
        text.push_str(&after[..close]);
        spans.push(Span::from_range(start..text.len()));
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    (text, spans)
}

/// Runs `rule` alone on `example`, returning the text checked and the findings.
pub fn check_example(rule: &Rule, example: &Example) -> (String, Vec<Finding>) {
    let (text, _) = parse_marks(example.text());
    let options = Options { reference_date: example.date(), ..Options::default() };
    let Ok(doc) = Document::parse(text.clone(), &options) else { return (text, Vec::new()) };
    let claims = extract(&doc);
    let set = RuleSet::new(vec![rule.clone()]);
    let findings = set.check(&Input { doc: &doc, claims: &claims, facts: example.facts() });
    (text, findings)
}

/// Applies the first fix of every finding, skipping fixes that overlap an earlier one.
pub fn apply_first_fixes(text: &str, findings: &[Finding]) -> String {
    let mut edits: Vec<(Span, &str)> = findings
        .iter()
        .filter_map(|f| f.fixes.first())
        .flat_map(|fix| fix.edits.iter().map(|e| (e.span, e.replacement.as_str())))
        .collect();
    edits.sort_by_key(|(span, _)| (span.start, span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0usize;
    for (span, replacement) in edits {
        let range = span.range();
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(replacement);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Runs every example of `rule`.
pub fn run_examples(rule: &Rule) -> Vec<ExampleFailure> {
    let mut failures = Vec::new();
    let fail = |example: &Example, problem: String| ExampleFailure {
        rule: rule.id().to_string(),
        example: example.text().to_string(),
        problem,
    };
    let examples = &rule.spec.examples;
    if examples.flag.is_empty() || examples.pass.is_empty() {
        failures.push(ExampleFailure {
            rule: rule.id().to_string(),
            example: String::new(),
            problem: "every rule needs at least one `flag` and one `pass` example".into(),
        });
    }
    for example in &examples.flag {
        let (_, expected) = parse_marks(example.text());
        let (text, findings) = check_example(rule, example);
        let mut found: Vec<Span> = findings.iter().map(|f| f.span).collect();
        found.dedup();
        if expected.is_empty() {
            failures
                .push(fail(example, "a `flag` example needs the expected span marked [[like this]]".into()));
            continue;
        }
        if found != expected {
            let show = |spans: &[Span]| -> Vec<String> {
                spans.iter().map(|s| format!("{:?} at {}", &text[s.range()], s.start)).collect()
            };
            let (shown, wanted) = (show(&found), show(&expected));
            failures.push(fail(example, format!("expected findings at {wanted:?}, found {shown:?}")));
            continue;
        }
        if let Some(fixed) = example.fixed() {
            let result = apply_first_fixes(&text, &findings);
            if result != fixed {
                failures.push(fail(example, format!("expected the fix to give {fixed:?}, got {result:?}")));
            }
        }
    }
    for example in &examples.pass {
        let (text, findings) = check_example(rule, example);
        if !findings.is_empty() {
            let shown: Vec<&str> = findings.iter().map(|f| &text[f.span.range()]).collect();
            failures.push(fail(example, format!("expected no finding, found {shown:?}")));
        }
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_spans() {
        let (text, spans) = parse_marks("a [[bc]] d [[e]]");
        assert_eq!(text, "a bc d e");
        assert_eq!(spans, vec![Span::new(2, 4), Span::new(7, 8)]);
    }
}
