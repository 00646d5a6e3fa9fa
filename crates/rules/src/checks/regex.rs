//! `regex`: a regular expression over each paragraph's analysis text, for house style that word
//! patterns cannot express (doubled punctuation, spacing). All regex rules share one `RegexSet`,
//! so a paragraph that none of them can match is passed over after one scan.
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

impl RegexCheck {
    pub fn new(pattern: &str, replace: Option<&str>) -> Result<RegexCheck, String> {
        let regex =
            regex::RegexBuilder::new(pattern).size_limit(SIZE_LIMIT).build().map_err(|e| e.to_string())?;
        Ok(RegexCheck { regex, replace: replace.map(str::to_string) })
    }

    /// Runs on one paragraph of `doc`.
    pub fn run_paragraph(&self, rule: &Rule, doc: &Document, paragraph: Span, out: &mut Vec<Finding>) {
        let text = doc.slice(paragraph);
        for captures in self.regex.captures_iter(text) {
            let Some(whole) = captures.get(0) else { continue };
            let marked = captures.name("mark").unwrap_or(whole);
            if marked.is_empty() {
                continue;
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
}
