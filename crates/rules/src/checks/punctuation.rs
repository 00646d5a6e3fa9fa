//! `punctuation`: full stops, quotes and spaces in the wrong place.
//!
//! - `stop-before-lowercase`: a full stop inside a sentence, before a lower-case word ("along
//!   the border. with Ukraine"); the fix deletes the stop. Abbreviations and initials pass.
//! - `missing-space`: no space after a full stop or comma ("said.The").
//! - `stray-quote-stop`: a closing quote and full stop in the middle of a phrase that the
//!   quotation closes again a few words later ("by early”. February.”").

use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::{Document, Token, TokenKind, is_abbreviation};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PunctuationCheck {
    StopBeforeLowercase,
    MissingSpace,
    StrayQuoteStop,
}

impl PunctuationCheck {
    pub const NAMES: &'static [&'static str] =
        &["stop-before-lowercase", "missing-space", "stray-quote-stop"];

    pub fn from_name(name: &str) -> PunctuationCheck {
        match name {
            "missing-space" => PunctuationCheck::MissingSpace,
            "stray-quote-stop" => PunctuationCheck::StrayQuoteStop,
            _ => PunctuationCheck::StopBeforeLowercase,
        }
    }

    /// Runs every punctuation rule in `rules` in one pass over the tokens: each token is a
    /// candidate for at most a few of them, and most tokens (words) for none.
    pub fn run_all<'a>(
        rules: impl Iterator<Item = (PunctuationCheck, &'a Rule)> + Clone,
        doc: &Document,
        out: &mut Vec<Finding>,
    ) {
        if rules.clone().next().is_none() {
            return;
        }
        let tokens = doc.tokens();
        for paragraph in doc.paragraphs() {
            let end = paragraph.end_token as usize;
            for i in paragraph.tokens() {
                if tokens[i].kind == TokenKind::Word {
                    continue;
                }
                for (check, rule) in rules.clone() {
                    if check.may_start_at(&tokens[i]) && check.found_at(doc, i, end) {
                        out.push(finding(check, rule, doc, i));
                    }
                }
            }
        }
    }

    fn found_at(self, doc: &Document, i: usize, end: usize) -> bool {
        match self {
            PunctuationCheck::StopBeforeLowercase => stop_before_lowercase(doc, i, end),
            PunctuationCheck::MissingSpace => missing_space(doc, i, end),
            PunctuationCheck::StrayQuoteStop => is_stray_quote_stop(doc, i, end),
        }
    }
}

impl PunctuationCheck {
    /// Whether a finding may start at `token`: a one-character mark (“.” or “,”) for the
    /// first two checks, a quotation mark for the third. Most tokens are words, passed over here
    /// without a look at their text.
    fn may_start_at(self, token: &Token) -> bool {
        match self {
            PunctuationCheck::StopBeforeLowercase | PunctuationCheck::MissingSpace => {
                token.kind == TokenKind::Punct && token.span.len() == 1
            }
            PunctuationCheck::StrayQuoteStop => token.kind == TokenKind::Quote,
        }
    }
}

fn finding(check: PunctuationCheck, rule: &Rule, doc: &Document, i: usize) -> Finding {
    let tokens = doc.tokens();
    match check {
        PunctuationCheck::StopBeforeLowercase => {
            let span = tokens[i].span;
            rule.finding(span, &[("found", doc.slice(span))], Some(String::new()))
        }
        PunctuationCheck::MissingSpace => {
            let span = tokens[i].span;
            let mark = doc.slice(span);
            rule.finding(span, &[("found", mark)], Some(format!("{mark} ")))
        }
        PunctuationCheck::StrayQuoteStop => {
            let span = tokens[i].span.cover(tokens[i + 1].span);
            rule.finding(span, &[("found", doc.slice(span))], Some(String::new()))
        }
    }
}

fn is_word(doc: &Document, i: usize) -> bool {
    doc.token_kind(i) == Some(TokenKind::Word)
}

/// Whether the word at `i` ends an abbreviation or initial before a stop: "Sen", "F", the "S"
/// of "U.S".
fn is_abbreviated(doc: &Document, i: usize) -> bool {
    let word = doc.token_text(i);
    word.chars().count() == 1
        || is_abbreviation(word)
        || word.chars().all(|c| !c.is_lowercase())
        || (i >= 1 && doc.is_text(i - 1, ".") && doc.adjacent(i - 1))
}

fn stop_before_lowercase(doc: &Document, i: usize, end: usize) -> bool {
    if !doc.is_text(i, ".") || i == 0 || i + 1 >= end {
        return false;
    }
    if !is_word(doc, i - 1) || !doc.adjacent(i - 1) || doc.adjacent(i) || !is_word(doc, i + 1) {
        return false;
    }
    let next = doc.token_text(i + 1);
    let mut chars = next.chars();
    let lowercase_word = chars.next().is_some_and(char::is_lowercase) && !chars.any(char::is_uppercase);
    lowercase_word && !is_abbreviated(doc, i - 1)
}

fn missing_space(doc: &Document, i: usize, end: usize) -> bool {
    let mark = doc.token_text(i);
    if !matches!(mark, "." | ",") || i == 0 || i + 1 >= end {
        return false;
    }
    let figure_before = doc.token_kind(i - 1) == Some(TokenKind::Number);
    if !(is_word(doc, i - 1) || figure_before)
        || !is_word(doc, i + 1)
        || !doc.adjacent(i - 1)
        || !doc.adjacent(i)
    {
        return false;
    }
    let (before, after) = (doc.token_text(i - 1), doc.token_text(i + 1));
    // A capitalised word with lower case after the first letter: a sentence going on ("The",
    // "Children"), not an initial or an acronym ("U.S", "Node.JS").
    let after_is_name_like = after.chars().next().is_some_and(char::is_uppercase)
        && after.chars().skip(1).any(char::is_lowercase)
        && after.chars().count() > 1;
    let ends_lower = before.chars().last().is_some_and(char::is_lowercase);
    match mark {
        // "said.The", "under 16.It", "9 a.m.It", "Mr.Smith".
        "." => (ends_lower || figure_before) && after_is_name_like,
        _ => {
            ends_lower
                && before.chars().count() > 1
                && after.chars().all(char::is_lowercase)
                && after.chars().count() > 1
        }
    }
}

/// A closing quote glued to a full stop, with the quotation closing again (".”") within four
/// words and no quote between: the first close is stray ("by early”. February.”").
pub(crate) fn is_stray_quote_stop(doc: &Document, i: usize, end: usize) -> bool {
    let closes = |k: usize| matches!(doc.token_text(k), "”" | "\"");
    if doc.token_kind(i) != Some(TokenKind::Quote) || !closes(i) || i + 2 >= end {
        return false;
    }
    if !doc.is_text(i + 1, ".") || !doc.adjacent(i) || doc.adjacent(i + 1) {
        return false;
    }
    let mut k = i + 2;
    let mut words = 0;
    while k < end && words <= 4 {
        match doc.token_kind(k) {
            Some(TokenKind::Word | TokenKind::Number) => words += 1,
            Some(TokenKind::Quote) => return false,
            Some(TokenKind::Punct) if doc.is_text(k, ".") => {
                return words > 0 && k + 1 < end && closes(k + 1) && doc.adjacent(k);
            }
            _ => {}
        }
        k += 1;
    }
    false
}
