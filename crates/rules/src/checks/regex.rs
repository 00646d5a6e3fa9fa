//! `regex`: a regular expression over each paragraph's analysis text, for house style that word
//! patterns cannot express (doubled punctuation, spacing). All regex rules share one `RegexSet`,
//! so a paragraph that none of them can match is passed over after one scan.
//!
//! A search can cost time in proportion to the rest of the paragraph for every place a match
//! might start (`[a-z]*X` over a long run of letters), so a paragraph longer than [`WINDOW`]
//! bytes is searched in windows of that size which overlap by [`OVERLAP`] bytes: a match
//! longer than the overlap that crosses a window's end may be missed or cut, and the time stays
//! linear in the paragraph's length.
//!
//! Unicode `\b` makes the regex crate's fast engines give up on text with curly quotes and
//! dashes; rules should write `(?-u:\b)` for word boundaries.

use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::{Document, Span};
use regex::Regex;

#[derive(Debug, Clone)]
pub(crate) struct RegexCheck {
    pub regex: Regex,
    replace: Option<String>,
}

/// Compiled expressions are limited in size so that a rule file cannot exhaust memory.
const SIZE_LIMIT: usize = 1 << 20;

/// The longest paragraph searched in one piece, in bytes.
const WINDOW: usize = 2048;

/// How far consecutive windows overlap, in bytes: the longest match found whole wherever it
/// stands.
const OVERLAP: usize = 256;

impl RegexCheck {
    pub fn new(pattern: &str, replace: Option<&str>) -> Result<RegexCheck, String> {
        let regex =
            regex::RegexBuilder::new(pattern).size_limit(SIZE_LIMIT).build().map_err(|e| e.to_string())?;
        Ok(RegexCheck { regex, replace: replace.map(str::to_string) })
    }

    /// Runs on one paragraph of `doc`.
    pub fn run_paragraph(&self, rule: &Rule, doc: &Document, paragraph: Span, out: &mut Vec<Finding>) {
        let text = doc.slice(paragraph);
        if text.len() <= WINDOW {
            for captures in self.regex.captures_iter(text) {
                self.report(rule, paragraph, &captures, out);
            }
            return;
        }
        // The haystack always starts at the paragraph's start, so what a match looks back at is
        // the paragraph's own text; only its end is cut.
        let (mut at, mut end) = (0, floor_boundary(text, WINDOW));
        loop {
            let last = end == text.len();
            let handover = if last { end } else { floor_boundary(text, end - OVERLAP) };
            while let Some(captures) = self.regex.captures_at(&text[..end], at) {
                let Some(whole) = captures.get(0) else { break };
                if whole.start() >= handover && !last {
                    break;
                }
                self.report(rule, paragraph, &captures, out);
                at = if whole.is_empty() { next_boundary(text, whole.end()) } else { whole.end() };
                if at > end {
                    break;
                }
            }
            if last || at > text.len() {
                return;
            }
            at = at.max(handover);
            end = floor_boundary(text, (at + WINDOW).min(text.len()));
        }
    }

    fn report(&self, rule: &Rule, paragraph: Span, captures: &regex::Captures, out: &mut Vec<Finding>) {
        let Some(whole) = captures.get(0) else { return };
        let marked = captures.name("mark").unwrap_or(whole);
        if marked.is_empty() {
            return;
        }
        let start = paragraph.start + marked.start() as u32;
        let span = Span::new(start, start + marked.len() as u32);
        let replacement = self.replace.as_ref().map(|template| {
            let mut expanded = String::new();
            captures.expand(template, &mut expanded);
            expanded
        });
        out.push(rule.finding(span, &[("found", marked.as_str())], replacement));
    }
}

/// The character boundary at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The character boundary after the character at `at`; past the end when `at` is the end.
fn next_boundary(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(at + 1, |c| at + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use crate::{Input, RuleSet};
    use factlint_extract::{Document, extract};

    fn rules(regex: &str) -> RuleSet {
        let text = format!("- id: desk.rx\n  kind: regex\n  message: \"rx {{found}}\"\n  regex: '{regex}'\n");
        RuleSet::from_sources([("desk.yaml", text.as_str())]).expect("the rule loads")
    }

    /// Where the rule fires in `text`, as byte offsets.
    fn hits(rules: &RuleSet, text: &str) -> Vec<(u32, u32)> {
        let doc = Document::from_text(text);
        let claims = extract(&doc);
        rules
            .check(&Input { doc: &doc, claims: &claims, facts: &[] })
            .iter()
            .filter(|f| f.rule == "desk.rx")
            .map(|f| (f.span.start, f.span.end))
            .collect()
    }

    #[test]
    fn a_long_paragraph_is_searched_whole_across_its_windows() {
        let rules = rules("(?-u:\\b)the the(?-u:\\b)");
        let sentence = "Crews said the the bridge would reopen in May. ";
        let text = sentence.repeat(200);
        let expected: Vec<(u32, u32)> =
            text.match_indices("the the").map(|(at, m)| (at as u32, (at + m.len()) as u32)).collect();
        assert_eq!(expected.len(), 200);
        assert_eq!(hits(&rules, &text), expected);
    }

    #[test]
    fn matches_at_window_ends_are_found_once() {
        let rules = rules("xy");
        for offset in [2040, 2046, 2047, 2048, 2049, 1792, 1791] {
            let mut text = "a".repeat(5000);
            text.replace_range(offset..offset + 2, "xy");
            assert_eq!(hits(&rules, &text), vec![(offset as u32, offset as u32 + 2)], "at {offset}");
        }
    }
}
