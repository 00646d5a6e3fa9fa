//! Sentence boundaries for news copy.
//!
//! General-purpose splitters break after "Sen." or "U.S." and before a date's "Jan. 31". News copy
//! is dense with such abbreviations, so this splitter works on tokens and knows them: a full stop
//! ends a sentence only when the next token after whitespace looks like a sentence start and the
//! word before the stop is not an abbreviation that usually continues the sentence.

use crate::text::span::Span;
use crate::text::token::{Token, TokenKind};

/// One sentence: its span and the index range of its tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub first_token: u32,
    pub end_token: u32,
}

impl Sentence {
    pub fn tokens(&self) -> std::ops::Range<usize> {
        self.first_token as usize..self.end_token as usize
    }
}

/// Titles and other abbreviations that never end a sentence when a capitalised word follows.
const TITLES: &[&str] = &[
    "Adm", "Amb", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Det", "Dr", "Fr", "Gen", "Gov", "Hon", "Insp", "Lt",
    "Maj", "Messrs", "Mr", "Mrs", "Ms", "Mt", "Pfc", "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen",
    "Sens", "Sgt", "Supt", "St", "Ste", "Ft", "Gens", "Govs", "Sr", "Jr", "vs", "v", "Nos", "No", "Vol",
    "pp", "Figs", "Fig", "approx", "cf", "Ave", "Blvd", "Rd",
];

/// Abbreviations that continue the sentence before a number ("Jan. 31", "No. 10") or a
/// lower-case word, and end it before a word that usually starts one.
const CONTINUING: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Corp", "Co",
    "Ltd", "Bros", "Cos", "Dept", "Univ", "est", "etc", "al", "esp", "incl", "Assn", "Intl", "Gov't",
];

/// Capitalised words that usually begin a sentence: after "U.S." or "Inc." they mark a boundary.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "After",
    "All",
    "Also",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "During",
    "Each",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "No",
    "Now",
    "On",
    "One",
    "Only",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "To",
    "Two",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
    "Officials",
    "Police",
    "Still",
    "Then",
    "Others",
    "Such",
    "Last",
    "Next",
    "Earlier",
    "Later",
];

/// Whether `word` (written without its full stop) is an abbreviation that news copy writes with
/// one: "Sen", "Gov", "Jan", "Inc", "No".
pub fn is_abbreviation(word: &str) -> bool {
    listed(TITLES, word) || listed(CONTINUING, word)
}

/// Whether `word` is one of `list`: the lengths and first bytes are compared before the words,
/// since a list is searched at nearly every full stop and few of its words come close.
fn listed(list: &[&str], word: &str) -> bool {
    list.iter().any(|entry| {
        entry.len() == word.len() && entry.bytes().next() == word.bytes().next() && *entry == word
    })
}

/// Splits the tokens `tokens[range]` (one paragraph) into sentences.
pub fn split(text: &str, tokens: &[Token], first: usize, end: usize, out: &mut Vec<Sentence>) {
    if first == end {
        return;
    }
    let mut start = first;
    let mut i = first;
    while i < end {
        if let Some(next) = boundary_after(text, tokens, i, end) {
            push(tokens, start, next, out);
            start = next;
            i = next;
        } else {
            i += 1;
        }
    }
    if start < end {
        push(tokens, start, end, out);
    }
}

fn push(tokens: &[Token], first: usize, end: usize, out: &mut Vec<Sentence>) {
    let span = tokens[first].span.cover(tokens[end - 1].span);
    out.push(Sentence { span, first_token: first as u32, end_token: end as u32 });
}

/// If a sentence ends with the token at `i`, the index of the first token of the next one.
fn boundary_after(text: &str, tokens: &[Token], i: usize, end: usize) -> Option<usize> {
    let token = tokens[i];
    if token.kind != TokenKind::Punct {
        return None;
    }
    let mark = &text[token.span.range()];
    if !matches!(mark, "." | "!" | "?" | "..." | "…" | "...." | "?!") {
        return None;
    }
    // Closing quotes and brackets glued to the mark belong to this sentence.
    let mut last = i;
    while last + 1 < end
        && tokens[last + 1].span.start == tokens[last].span.end
        && is_closer(&text[tokens[last + 1].span.range()])
    {
        last += 1;
    }
    let next = last + 1;
    if next >= end || tokens[next].span.start == tokens[last].span.end {
        return None;
    }
    let next_text = &text[tokens[next].span.range()];
    if !starts_sentence(next_text, tokens[next].kind) {
        return None;
    }
    if mark == "."
        && i > 0
        && tokens[i - 1].span.end == token.span.start
        && tokens[i - 1].kind == TokenKind::Word
    {
        let word = &text[tokens[i - 1].span.range()];
        if continues_after_abbreviation(word, next_text, tokens[next].kind) {
            return None;
        }
    }
    Some(next)
}

fn continues_after_abbreviation(word: &str, next: &str, next_kind: TokenKind) -> bool {
    let is_starter = || listed(SENTENCE_STARTERS, next);
    if listed(TITLES, word) {
        return true;
    }
    if listed(CONTINUING, word) {
        return next_kind == TokenKind::Number || !is_starter();
    }
    // Initials ("John F. Kennedy") and dotted abbreviations ("U.S.", "a.m."): the stop ends the
    // sentence only before a word that usually starts one.
    if word.chars().count() == 1 {
        return !is_starter();
    }
    false
}

fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "’" | "\"" | "'" | ")" | "]" | "»")
}

fn starts_sentence(s: &str, kind: TokenKind) -> bool {
    match kind {
        TokenKind::Number => true,
        TokenKind::Quote => !matches!(s, "”" | "»"),
        TokenKind::Punct => matches!(s, "(" | "[" | "—" | "–" | "-" | "•" | "*"),
        TokenKind::Word => s.chars().next().is_some_and(char::is_uppercase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len() as u32), &mut tokens);
        let mut out = Vec::new();
        split(text, &tokens, 0, tokens.len(), &mut out);
        out.iter().map(|s| &text[s.span.range()]).collect()
    }

    #[test]
    fn titles_and_dates_do_not_end_sentences() {
        assert_eq!(
            sentences("Sen. Maria Lopez spoke on Jan. 31 at 3 p.m. in the U.S. Capitol. She left."),
            vec!["Sen. Maria Lopez spoke on Jan. 31 at 3 p.m. in the U.S. Capitol.", "She left."]
        );
    }

    #[test]
    fn dotted_abbreviation_before_a_starter_ends_the_sentence() {
        assert_eq!(
            sentences("The aid went to the U.S. The rest stayed home."),
            vec!["The aid went to the U.S.", "The rest stayed home."]
        );
    }

    #[test]
    fn initials_and_companies() {
        assert_eq!(
            sentences("John F. Kennedy spoke. Acme Corp. said sales fell. Shares rose."),
            vec!["John F. Kennedy spoke.", "Acme Corp. said sales fell.", "Shares rose."]
        );
    }

    #[test]
    fn quotes_close_with_their_sentence() {
        assert_eq!(
            sentences("“We will go,” she said. “Not now.” He left?! Yes."),
            vec!["“We will go,” she said.", "“Not now.”", "He left?!", "Yes."]
        );
    }

    #[test]
    fn a_stop_before_a_lower_case_word_does_not_split() {
        assert_eq!(sentences("along the border. with Ukraine."), vec!["along the border. with Ukraine."]);
    }
}
