//! Reading one number as news copy writes it: digits ("100,000", "4.7", "12,34,567", ".08",
//! "1.3e6"), words ("forty-two", "two hundred and five", "two point five"), magnitudes ("1.2
//! million", "3bn", "$5m", "13 lakh"), fractions ("half", "a third", "two-thirds", "1 1/2", "one
//! and a half", "one in five"), ordinals ("third", "21st", "one hundred twenty-fifth") and vague
//! amounts ("dozens", "tens of thousands", "several thousand"), which read as intervals.
//!
//! This module knows nothing about what is counted; `quantity` decides that from the tokens
//! around the number. `temporal` uses it too ("three weeks ago"), so every word is rejected as
//! cheaply as possible: most tokens of a story are not numbers.

#[rustfmt::skip]
mod unit_words;
pub mod units;
#[rustfmt::skip]
mod word_lists;

use crate::text::document::Document;
use crate::text::lexicon::{ends_subject, looks_like_verb};
use crate::text::lower::Lower;
use crate::text::span::Span;
use crate::text::token::TokenKind;

mod digits;
mod vocabulary;
mod words;

use digits::*;
use vocabulary::*;

pub(crate) use vocabulary::{is_cardinal_word, may_be_number_word, may_start_number, scale};
use words::*;

/// A number read from tokens `first..end`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    pub value: f64,
    /// For vague amounts, the interval the words allow (high exclusive).
    pub vague: Option<(f64, f64)>,
    pub first: usize,
    pub end: usize,
    pub span: Span,
    pub form: Form,
    /// Spelled out rather than in digits.
    pub words: bool,
    /// Letters glued to the digits that the number did not use ("km" in "5km", "pm" in "3pm").
    pub suffix: Option<Span>,
    /// Written with a magnitude ("million", "bn", "k").
    pub magnitude: bool,
    /// The largest magnitude applied (1 when none): "2 to 3 million" lends it to the 2.
    pub scale: f64,
    /// Four digits and no separator: possibly a year.
    pub year_like: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Cardinal,
    Ordinal,
    Fraction,
    /// A decade ("1990s", "the '80s").
    Decade,
}

/// Reads the number starting at token `i`, not reading past token `limit`.
pub(crate) fn parse_at(doc: &Document, i: usize, limit: usize) -> Option<Number> {
    let token = doc.tokens().get(i)?;
    let number = match token.kind {
        TokenKind::Number => parse_digits(doc, i, limit)?,
        TokenKind::Word => parse_words(doc, i, limit)?,
        TokenKind::Punct => return leading_point(doc, i, limit),
        TokenKind::Quote => return None,
    };
    Some(ratio(doc, &number, limit).unwrap_or(number))
}

fn lower(doc: &Document, i: usize) -> Lower<'_> {
    doc.folded_word(i).map_or_else(|| Lower::new(doc.token_text(i)), Lower::folded)
}

fn word_at(doc: &Document, i: usize, limit: usize) -> Option<Lower<'_>> {
    (i < limit && doc.token_kind(i) == Some(TokenKind::Word)).then(|| lower(doc, i))
}

/// The scale word at `i`, if any, that may follow a figure to multiply it.
fn scale_at(doc: &Document, i: usize, limit: usize) -> Option<f64> {
    word_at(doc, i, limit).and_then(|w| scale(w.as_str()))
}

fn number_result(doc: &Document, value: f64, first: usize, end: usize, form: Form, words: bool) -> Number {
    let tokens = doc.tokens();
    Number {
        value,
        vague: None,
        first,
        end,
        span: tokens[first].span.cover(tokens[end - 1].span),
        form,
        words,
        suffix: None,
        magnitude: false,
        scale: 1.0,
        year_like: false,
    }
}

/// "one in five", "nine out of ten", "one over three": a share written as two whole numbers.
/// Not when the second counts time or a unit ("2 in 10 minutes", "one over par").
fn ratio(doc: &Document, n: &Number, limit: usize) -> Option<Number> {
    let plain = n.form == Form::Cardinal
        && n.vague.is_none()
        && !n.magnitude
        && n.suffix.is_none()
        && !n.year_like
        && n.value > 0.0
        && n.value.fract() == 0.0;
    if !plain {
        return None;
    }
    let word = word_at(doc, n.end, limit)?;
    let (over, denominator_at) = match word.as_str() {
        "in" => (false, n.end + 1),
        "over" => (true, n.end + 1),
        "out" if doc.is_word(n.end + 1, "of") => (false, n.end + 2),
        _ => return None,
    };
    let denominator = match doc.token_kind(denominator_at) {
        Some(TokenKind::Number) if denominator_at < limit => parse_digits(doc, denominator_at, limit)?,
        Some(TokenKind::Word) if denominator_at < limit => parse_words(doc, denominator_at, limit)?,
        _ => return None,
    };
    let whole = denominator.form == Form::Cardinal
        && denominator.vague.is_none()
        && denominator.suffix.is_none()
        && !denominator.year_like
        && denominator.value.fract() == 0.0
        && denominator.value > 0.0;
    if !whole || !over && denominator.value <= n.value || measured_after(doc, denominator.end, limit) {
        return None;
    }
    // "over 300 people" after a figure is a second figure with its qualifier.
    if over && word_at(doc, denominator.end, limit).is_some_and(|w| !ends_subject(w.as_str())) {
        return None;
    }
    let mut share =
        number_result(doc, n.value / denominator.value, n.first, denominator.end, Form::Fraction, n.words);
    share.words = n.words && denominator.words;
    Some(share)
}

/// Whether a unit, a time or a percent follows token `at - 1`: "10 minutes", "3 over par",
/// "10-year".
fn measured_after(doc: &Document, at: usize, limit: usize) -> bool {
    if at >= limit {
        return false;
    }
    if matches!(doc.token_text(at), "-" | "%") {
        return true;
    }
    word_at(doc, at, limit).is_some_and(|w| {
        let w = w.as_str();
        units::unit_word(w).is_some()
            || units::currency_word(w).is_some()
            || matches!(w, "par" | "percent" | "per" | "pct" | "under" | "over")
    })
}

/// ".08", "a .22 rifle": a decimal written without its leading zero.
fn leading_point(doc: &Document, i: usize, limit: usize) -> Option<Number> {
    if doc.token_text(i) != "." || i + 1 >= limit || !doc.adjacent(i) {
        return None;
    }
    let after_word = i > 0
        && doc.adjacent(i - 1)
        && matches!(doc.token_kind(i - 1), Some(TokenKind::Word | TokenKind::Number));
    let digits = doc.token_text(i + 1);
    if after_word || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(number_result(doc, decimal_part(digits)?, i, i + 2, Form::Cardinal, false))
}

#[cfg(test)]
mod tests;
