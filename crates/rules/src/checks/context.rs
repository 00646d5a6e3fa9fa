//! Where a word-level rule applies: words directly before or after, words near it, and words
//! that rule it out. Shared by `substitution` and `pattern` rules.

use super::Bounds;
use crate::schema::Context;
use crate::text::{Phrase, phrases};
use factlint_extract::Document;
use rustc_hash::FxHashSet;

const DEFAULT_WITHIN: usize = 4;

/// Phrases to look for, with the exact first words in a set so that a window position whose
/// word starts none of them is passed over with one look-up. Rules on common words ("its",
/// "then") check their context at every occurrence, so this matters.
#[derive(Debug, Clone, Default)]
struct PhraseList {
    phrases: Vec<Phrase>,
    first_words: FxHashSet<String>,
    /// Some phrase starts with a prefix pattern ("troop*"): the set cannot rule a word out.
    any_prefix: bool,
    /// The same for the phrases' last words, for looking back from a position.
    last_words: FxHashSet<String>,
    any_prefix_last: bool,
}

impl PhraseList {
    fn new(written: &[String]) -> PhraseList {
        let phrases = phrases(written);
        let first_words = phrases.iter().filter_map(|p| p.first_word().map(str::to_string)).collect();
        let any_prefix = phrases.iter().any(|p| p.first_word().is_none());
        let last_words = phrases.iter().filter_map(|p| p.last_word().map(str::to_string)).collect();
        let any_prefix_last = phrases.iter().any(|p| p.last_word().is_none());
        PhraseList { phrases, first_words, any_prefix, last_words, any_prefix_last }
    }

    fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Whether one of the phrases starts at token `k`.
    fn starts_at(&self, doc: &Document, k: usize, end: usize) -> bool {
        let Some(word) = doc.folded_word(k) else { return false };
        (self.any_prefix || self.first_words.contains(word))
            && self.phrases.iter().any(|p| p.match_at(doc, k, end).is_some())
    }

    /// Whether one of the phrases ends just before token `i`.
    fn ends_before(&self, doc: &Document, i: usize, first: usize) -> bool {
        if self.phrases.is_empty() {
            return false;
        }
        let Some(word) = i.checked_sub(1).and_then(|k| doc.folded_word(k)) else { return false };
        (self.any_prefix_last || self.last_words.contains(word))
            && self.phrases.iter().any(|p| p.match_before(doc, i, first).is_some())
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct CompiledContext {
    before: PhraseList,
    after: PhraseList,
    near: PhraseList,
    within: usize,
    unless: PhraseList,
    unless_before: PhraseList,
    unless_after: PhraseList,
}

impl CompiledContext {
    pub fn new(context: Option<&Context>) -> CompiledContext {
        let Some(context) = context else {
            return CompiledContext { within: DEFAULT_WITHIN, ..Default::default() };
        };
        CompiledContext {
            before: PhraseList::new(&context.before),
            after: PhraseList::new(&context.after),
            near: PhraseList::new(&context.near),
            within: context.within.unwrap_or(DEFAULT_WITHIN),
            unless: PhraseList::new(&context.unless),
            unless_before: PhraseList::new(&context.unless_before),
            unless_after: PhraseList::new(&context.unless_after),
        }
    }

    /// Whether the words at tokens `first..end` stand in this context. The conditions on the
    /// neighbouring words come first: they are one look-up each.
    pub fn allows(&self, doc: &Document, first: usize, end: usize, bounds: Bounds) -> bool {
        let window_start = first.saturating_sub(self.within).max(bounds.first);
        let window_end = end.saturating_add(self.within).min(bounds.end);
        let near = |list: &PhraseList| {
            (window_start..window_end)
                .filter(|&k| k < first || k >= end)
                .any(|k| list.starts_at(doc, k, bounds.end))
        };
        (self.before.is_empty() || self.before.ends_before(doc, first, bounds.first))
            && (self.after.is_empty() || self.after.starts_at(doc, end, bounds.end))
            && !self.unless_before.ends_before(doc, first, bounds.first)
            && !self.unless_after.starts_at(doc, end, bounds.end)
            && (self.near.is_empty() || near(&self.near))
            && (self.unless.is_empty() || !near(&self.unless))
    }
}
