//! `substitution`: a real word that reads as a typo for another in context ("plans to massage
//! troops" → "mass"). Precision comes from the context: the swap fires only where its `context`
//! holds, so the correct use of the word stays quiet.

use super::Bounds;
use super::context::CompiledContext;
use crate::schema::Context;
use crate::text::{Phrase, match_case};
use factlint_extract::Document;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub(crate) struct Substitution {
    /// Each found phrase and its replacement.
    pub swaps: Vec<(Phrase, String)>,
    context: CompiledContext,
}

/// A substitution that matched: the token range and the replacement with the original's case.
pub(crate) struct Hit {
    pub first: usize,
    pub end: usize,
    pub replacement: String,
}

impl Substitution {
    pub fn new(swap: &BTreeMap<String, String>, context: Option<&Context>) -> Substitution {
        Substitution {
            swaps: swap
                .iter()
                .map(|(found, replacement)| (Phrase::new(found), replacement.clone()))
                .collect(),
            context: CompiledContext::new(context),
        }
    }

    /// Tries swap `index` at token `i`.
    pub fn try_at(&self, doc: &Document, index: usize, i: usize, bounds: Bounds) -> Option<Hit> {
        let (found, replacement) = &self.swaps[index];
        let end = found.match_at(doc, i, bounds.end)?;
        if !self.context.allows(doc, i, end, bounds) {
            return None;
        }
        let tokens = doc.tokens();
        let original = doc.slice(tokens[i].span.cover(tokens[end - 1].span));
        Some(Hit { first: i, end, replacement: match_case(original, replacement) })
    }
}
