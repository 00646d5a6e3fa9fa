//! Where a word-level rule applies: words directly before or after, words near it, and words
//! that rule it out. Shared by `substitution` and `pattern` rules.

use super::Bounds;
use crate::schema::Context;
use crate::text::{Phrase, phrases};
use factlint_extract::Document;

const DEFAULT_WITHIN: usize = 4;

#[derive(Debug, Clone, Default)]
pub(crate) struct CompiledContext {
    before: Vec<Phrase>,
    after: Vec<Phrase>,
    near: Vec<Phrase>,
    within: usize,
    unless: Vec<Phrase>,
    unless_before: Vec<Phrase>,
    unless_after: Vec<Phrase>,
}

impl CompiledContext {
    pub fn new(context: Option<&Context>) -> CompiledContext {
        let Some(context) = context else {
            return CompiledContext { within: DEFAULT_WITHIN, ..Default::default() };
        };
        CompiledContext {
            before: phrases(&context.before),
            after: phrases(&context.after),
            near: phrases(&context.near),
            within: context.within.unwrap_or(DEFAULT_WITHIN),
            unless: phrases(&context.unless),
            unless_before: phrases(&context.unless_before),
            unless_after: phrases(&context.unless_after),
        }
    }

    /// Whether the words at tokens `first..end` stand in this context.
    pub fn allows(&self, doc: &Document, first: usize, end: usize, bounds: Bounds) -> bool {
        let before =
            |list: &[Phrase]| list.iter().any(|p| p.match_before(doc, first, bounds.first).is_some());
        let after = |list: &[Phrase]| list.iter().any(|p| p.match_at(doc, end, bounds.end).is_some());
        let window_start = first.saturating_sub(self.within).max(bounds.first);
        let window_end = (end + self.within).min(bounds.end);
        let near = |list: &[Phrase]| {
            (window_start..window_end)
                .filter(|&k| k < first || k >= end)
                .any(|k| list.iter().any(|p| p.match_at(doc, k, bounds.end).is_some()))
        };
        (self.before.is_empty() || before(&self.before))
            && (self.after.is_empty() || after(&self.after))
            && (self.near.is_empty() || near(&self.near))
            && !before(&self.unless_before)
            && !after(&self.unless_after)
            && (self.unless.is_empty() || !near(&self.unless))
    }
}
