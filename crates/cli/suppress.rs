//! Suppressions: `<!-- factlint-disable-next-line RULE -->`, `<!-- factlint-disable RULE -->` …
//! `<!-- factlint-enable -->` in Markdown and HTML, and the configuration's accepted words. A
//! comment that suppresses nothing is itself reported, so stale ones get cleaned up.

use crate::config::Accepted;
use factlint_extract::{Document, Span};
use factlint_rules::{Finding, Severity};

pub const UNUSED: &str = "factlint.unused-suppression";

/// One comment's reach.
#[derive(Debug, Clone)]
struct Suppression {
    /// The comment itself (source offsets).
    comment: Span,
    /// Rule ids or pack prefixes; empty for every rule.
    rules: Vec<String>,
    /// Source lines covered, inclusive.
    first_line: u32,
    last_line: u32,
    used: bool,
}

impl Suppression {
    fn covers(&self, rule: &str, line: u32) -> bool {
        (self.first_line..=self.last_line).contains(&line)
            && (self.rules.is_empty()
                || self.rules.iter().any(|r| {
                    r == rule
                        || r == "*"
                        || rule.strip_prefix(r.as_str()).is_some_and(|rest| rest.starts_with('.'))
                }))
    }
}

/// Drops suppressed findings; adds an info finding for each comment that suppressed nothing.
pub fn apply(doc: &Document, findings: &mut Vec<Finding>, accepted: &[Accepted]) {
    let mut suppressions = comments(doc);
    let accepted_spans = accepted_spans(doc, accepted);
    findings.retain(|finding| {
        let source = doc.to_source(finding.span);
        let line = doc.line_col(source.start).line;
        let mut keep = true;
        for suppression in suppressions.iter_mut().filter(|s| s.covers(&finding.rule, line)) {
            suppression.used = true;
            keep = false;
        }
        let accepted = accepted_spans.iter().any(|(span, rules)| {
            span.start <= source.start
                && source.end <= span.end
                && (rules.is_empty() || rules.iter().any(|r| r == &finding.rule))
        });
        keep && !accepted
    });
    for suppression in suppressions.into_iter().filter(|s| !s.used) {
        findings.push(Finding {
            rule: UNUSED.into(),
            severity: Severity::Info,
            span: doc.from_source(suppression.comment),
            message: "This suppression comment suppresses nothing".into(),
            fixes: Vec::new(),
            related: Vec::new(),
        });
    }
    findings.sort_by_key(|f| (f.span.start, f.span.end));
}

/// The suppression comments of a Markdown or HTML source.
fn comments(doc: &Document) -> Vec<Suppression> {
    if doc.format() == factlint_extract::Format::Text {
        return Vec::new();
    }
    let source = doc.source();
    let mut out: Vec<Suppression> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut at = 0;
    while let Some(start) = source[at..].find("<!--").map(|i| at + i) {
        // The body starts after "<!--", so "<!-->" and "<!--->" are not closed by their own dashes.
        let body_start = start + 4;
        let Some(end) = source[body_start..].find("-->").map(|i| body_start + i + 3) else { break };
        at = end;
        let body = source[body_start..end - 3].trim();
        let Some(directive) = body.strip_prefix("factlint-") else { continue };
        let (command, rest) = directive.split_once(char::is_whitespace).unwrap_or((directive, ""));
        let rules: Vec<String> =
            rest.split([' ', ',']).filter(|r| !r.is_empty()).map(str::to_string).collect();
        let comment = Span::new(start as u32, end as u32);
        let line = doc.line_col(end as u32).line;
        match command {
            "disable-next-line" => {
                let target = next_content_line(source, end, line);
                out.push(Suppression { comment, rules, first_line: target, last_line: target, used: false });
            }
            "disable" => {
                open.push(out.len());
                out.push(Suppression { comment, rules, first_line: line, last_line: u32::MAX, used: false });
            }
            "enable" => {
                // Closes the open regions for these rules (all, when none are named).
                open.retain(|&k| {
                    let closes = rules.is_empty() || out[k].rules.iter().any(|r| rules.contains(r));
                    if closes {
                        out[k].last_line = line;
                    }
                    !closes
                });
            }
            _ => {}
        }
    }
    out
}

/// The first line after `offset` with text on it.
fn next_content_line(source: &str, offset: usize, line: u32) -> u32 {
    let mut current = line;
    for (k, text) in source[offset..].split('\n').enumerate() {
        if k > 0 && !text.trim().is_empty() {
            return current;
        }
        if k > 0 || text.trim().is_empty() {
            current += 1;
        }
    }
    current
}

/// Where accepted words and phrases occur (source offsets), with the rules they silence.
fn accepted_spans<'a>(doc: &Document, accepted: &'a [Accepted]) -> Vec<(Span, &'a [String])> {
    let mut spans = Vec::new();
    if accepted.is_empty() {
        // Most newsrooms accept nothing: no story needs a lower-case copy.
        return spans;
    }
    let source = doc.source();
    let lower = source.to_lowercase();
    if lower.len() != source.len() {
        // Case folding changed lengths (rare scripts): match exactly instead.
        for item in accepted {
            for (at, _) in source.match_indices(item.text.as_str()) {
                spans.push((Span::from_range(at..at + item.text.len()), item.rules.as_slice()));
            }
        }
        return spans;
    }
    for item in accepted {
        let needle = item.text.to_lowercase();
        for (at, _) in lower.match_indices(needle.as_str()) {
            spans.push((Span::from_range(at..at + needle.len()), item.rules.as_slice()));
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use factlint_extract::{Format, Options};

    fn finding(rule: &str, span: Span) -> Finding {
        Finding {
            rule: rule.into(),
            severity: Severity::Error,
            span,
            message: String::new(),
            fixes: Vec::new(),
            related: Vec::new(),
        }
    }

    fn markdown(text: &str) -> Document {
        Document::parse(text, &Options { format: Format::Markdown, ..Options::default() }).unwrap()
    }

    #[test]
    fn next_line_comments_suppress_their_line_only() {
        let text = "<!-- factlint-disable-next-line spelling -->\nA recieve here.\n\nA recieve there.\n";
        let doc = markdown(text);
        let first = text.find("recieve").unwrap();
        let second = text.rfind("recieve").unwrap();
        let mut findings = vec![
            finding("spelling.misspelling", Span::from_range(first..first + 7)),
            finding("spelling.misspelling", Span::from_range(second..second + 7)),
        ];
        apply(&doc, &mut findings, &[]);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].span.start as usize, second);
    }

    #[test]
    fn regions_and_unused_comments() {
        let text = "<!-- factlint-disable -->\nA recieve.\n<!-- factlint-enable -->\nB.\n<!-- factlint-disable-next-line grammar -->\nC.\n";
        let doc = markdown(text);
        let at = text.find("recieve").unwrap();
        let mut findings = vec![finding("spelling.misspelling", Span::from_range(at..at + 7))];
        apply(&doc, &mut findings, &[]);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].rule, UNUSED);
        assert_eq!(findings[0].severity, Severity::Info);
    }

    #[test]
    fn accepted_words_silence_findings_inside_them() {
        let text = "Winn Dixie opened.";
        let doc = Document::from_text(text);
        let mut findings = vec![finding("spelling.misspelling", Span::new(0, 4))];
        let accepted = [Accepted { text: "Winn Dixie".into(), reason: "a company".into(), rules: vec![] }];
        apply(&doc, &mut findings, &accepted);
        assert!(findings.is_empty());
    }
}
