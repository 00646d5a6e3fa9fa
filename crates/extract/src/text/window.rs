//! A sentence's tokens seen by the extractors: bounds-checked, case-insensitive look-ups so
//! that pattern code reads like the phrases it matches.

use crate::text::document::Document;
use crate::text::lower::Lower;
use crate::text::span::Span;
use crate::text::token::TokenKind;

/// The tokens `first..end` of one sentence, and the ranges already claimed in it.
pub(crate) struct Window<'a> {
    pub doc: &'a Document,
    pub first: usize,
    pub end: usize,
    /// Sorted token ranges taken by earlier claims.
    pub taken: &'a [(usize, usize)],
}

impl<'a> Window<'a> {
    #[inline]
    fn inside(&self, i: usize) -> bool {
        i >= self.first && i < self.end
    }

    /// The lower-cased word at `i`, if token `i` is a word of this sentence.
    #[inline]
    pub fn word(&self, i: usize) -> Option<Lower<'a>> {
        self.folded(i).map(Lower::folded)
    }

    /// The document's folded form of the word at `i`, if token `i` is a word of this sentence.
    #[inline]
    pub fn folded(&self, i: usize) -> Option<&'a str> {
        if !self.inside(i) {
            return None;
        }
        self.doc.folded_word(i)
    }

    /// Whether token `i` is the word `word`, ignoring case.
    #[inline]
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.inside(i) && self.doc.is_word(i, word)
    }

    /// Whether token `i` is exactly `text`.
    #[inline]
    pub fn text_is(&self, i: usize, text: &str) -> bool {
        self.inside(i) && self.doc.is_text(i, text)
    }

    #[inline]
    pub fn text(&self, i: usize) -> &str {
        if self.inside(i) { self.doc.token_text(i) } else { "" }
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        if self.inside(i) { self.doc.token_kind(i) } else { None }
    }

    /// Whether token `i` starts with a capital letter.
    #[inline]
    pub fn capitalised(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word) && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The span from token `first` to token `end - 1`.
    #[inline]
    pub fn span(&self, first: usize, end: usize) -> Span {
        let tokens = self.doc.tokens();
        tokens[first].span.cover(tokens[end.max(first + 1) - 1].span)
    }

    /// Whether the words `words` stand at `i..`.
    #[inline]
    pub fn phrase_at(&self, i: usize, words: &[&str]) -> bool {
        words.iter().enumerate().all(|(k, w)| self.is(i + k, w))
    }

    /// Whether tokens `i` and `i + 1` touch.
    #[inline]
    pub fn adjacent(&self, i: usize) -> bool {
        self.inside(i + 1) && self.doc.adjacent(i)
    }

    /// The end of the taken range holding token `i`.
    #[inline]
    pub fn taken_end(&self, i: usize) -> Option<usize> {
        self.taken.iter().find(|&&(a, b)| a <= i && i < b).map(|&(_, b)| b)
    }
}
