//! Applying fixes: safe ones with `--fix`, unsafe ones too with `--unsafe-fixes`, until checking
//! the result finds nothing more to fix. A fix whose edits would cross or delete markup is left
//! out and reported. Writing the result back is `rewrite`'s job.

use crate::pipeline::{CheckError, Setup};
use crate::printers::one_line;
use crate::records::Location;
use factlint_extract::Span;
use factlint_extract::jiff::civil::Date;
use factlint_rules::Applicability;
use std::path::Path;

/// How many rounds of fixing before giving up on convergence.
const MAX_ROUNDS: usize = 10;

/// The text after fixing, how many edits were made, and the fixes left out because they would
/// have changed markup.
pub struct Fixed {
    pub text: String,
    pub edits: usize,
    pub dropped: Vec<Dropped>,
}

/// A fix not applied because one of its edits would cross or delete markup (an HTML tag, a
/// Markdown emphasis marker, an entity): words may change, the page's structure may not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub rule: String,
    pub line: u32,
    pub column: u32,
}

impl Dropped {
    /// The line reported for it, after the story's name.
    pub fn message(&self, name: &str) -> String {
        format!(
            "{name}:{}:{}: [{}] fix not applied: it would change markup",
            self.line, self.column, self.rule
        )
    }
}

/// Fixes `text` (the story `name`), re-checking after each round. A story too large to check is
/// left as it is; factlint failing on it is an error, so no half-fixed story is written.
pub fn fix(
    setup: &Setup,
    name: &str,
    path: Option<&Path>,
    text: &str,
    date: Option<Date>,
    unsafe_fixes: bool,
) -> Result<Fixed, CheckError> {
    let mut current = text.to_string();
    let mut edits = 0;
    let mut dropped = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let checked = match setup.check(name.to_string(), path, current.clone(), date) {
            Ok(checked) => checked,
            Err(CheckError::TooLarge(_)) => break,
            Err(error) => return Err(error),
        };
        let doc = &checked.report.doc;
        let mut planned: Vec<(Span, String)> = Vec::new();
        // Only the last round's are reported: their places are in the text as it ends.
        dropped.clear();
        for finding in &checked.report.findings {
            let Some(fix) =
                finding.fixes.iter().find(|fix| unsafe_fixes || fix.applicability == Applicability::Safe)
            else {
                continue;
            };
            if fix.edits.iter().all(|edit| doc.is_prose(edit.span)) {
                planned.extend(
                    fix.edits.iter().map(|edit| (doc.to_source(edit.span), edit.replacement.clone())),
                );
            } else {
                let at = Location::of(doc, finding.span);
                dropped.push(Dropped { rule: finding.rule.clone(), line: at.line, column: at.column });
            }
        }
        planned.sort_by_key(|(span, _)| (span.start, span.end));
        let applied = apply(&mut current, &planned);
        if applied == 0 {
            break;
        }
        edits += applied;
    }
    Ok(Fixed { text: current, edits, dropped })
}

/// Applies non-overlapping edits (sorted by position) to `text`; returns how many were applied.
fn apply(text: &mut String, edits: &[(Span, String)]) -> usize {
    let mut out = String::with_capacity(text.len());
    let mut at = 0usize;
    let mut applied = 0;
    for (span, replacement) in edits {
        let range = span.range();
        if range.start < at || range.end > text.len() || text[range.clone()] == *replacement {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(replacement);
        at = range.end;
        applied += 1;
    }
    out.push_str(&text[at..]);
    *text = out;
    applied
}

/// A unified diff of a fix, for `--diff`.
pub fn unified_diff(name: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{}", one_line(name)), &format!("b/{}", one_line(name)))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_edits_apply_once() {
        let mut text = "the the cat".to_string();
        let edits = vec![(Span::new(3, 7), String::new()), (Span::new(4, 7), "dog".to_string())];
        assert_eq!(apply(&mut text, &edits), 1);
        assert_eq!(text, "the cat");
    }
}
