//! `balance`: quotation marks and brackets that open and never close, or close what never
//! opened, checked per paragraph.
//!
//! News style lets a quotation run over several paragraphs: a paragraph that ends inside a
//! quotation has no closing mark, and the next paragraph reopens it. Such a paragraph passes
//! when the next one begins with an opening quote. A second opening quote inside an open
//! quotation (where a single quote belongs) is blamed when the paragraph ends unbalanced.

use super::punctuation::is_stray_quote_stop;
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::{Document, Paragraph, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BalanceCheck {
    Quotes,
    Brackets,
}

impl BalanceCheck {
    pub const NAMES: &'static [&'static str] = &["quotes", "brackets"];

    pub fn from_name(name: &str) -> BalanceCheck {
        if name == "brackets" { BalanceCheck::Brackets } else { BalanceCheck::Quotes }
    }

    pub fn run(self, rule: &Rule, doc: &Document, out: &mut Vec<Finding>) {
        let paragraphs = doc.paragraphs();
        for (k, paragraph) in paragraphs.iter().enumerate() {
            match self {
                BalanceCheck::Quotes => quotes(rule, doc, paragraph, paragraphs.get(k + 1), out),
                BalanceCheck::Brackets => brackets(rule, doc, paragraph, out),
            }
        }
    }
}

/// Double quotation marks. Single marks are left alone: ’ is also an apostrophe, so single
/// quotes cannot be balanced reliably.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    OpenDouble,
    CloseDouble,
    /// A straight quote with space on both sides: it closes what is open, else it opens.
    Either,
    /// A straight quote glued to a number: it closes what is open ("a “50/50" chance"), else it
    /// is an inch mark (5' 10").
    AfterNumber,
    Other,
}

fn mark(doc: &Document, i: usize) -> Mark {
    match doc.token_text(i) {
        "“" | "„" | "«" => Mark::OpenDouble,
        "”" | "»" => Mark::CloseDouble,
        "\"" => {
            if i > 0 && doc.adjacent(i - 1) && doc.token_kind(i - 1) == Some(TokenKind::Number) {
                return Mark::AfterNumber;
            }
            // A straight quote opens before a word and closes after one; one with space on both
            // sides ("France, " he said; could be " very important) goes either way.
            let after_space = i == 0 || !doc.adjacent(i - 1) || opens_before(doc, i - 1);
            let before_space = !doc.adjacent(i);
            match (after_space, before_space) {
                (true, false) => Mark::OpenDouble,
                (true, true) => Mark::Either,
                _ => Mark::CloseDouble,
            }
        }
        _ => Mark::Other,
    }
}

/// Whether a straight double quote glued after token `k` opens: after an opening bracket or
/// dash, an opening single quote, or a colon (`read:"We want`), but not after a single quote
/// that closes (`a 'has been'".`).
fn opens_before(doc: &Document, k: usize) -> bool {
    match doc.token_text(k) {
        "(" | "[" | "—" | "–" | "-" | "‘" | ":" => true,
        "'" => k == 0 || !doc.adjacent(k - 1),
        _ => false,
    }
}

fn quotes(
    rule: &Rule,
    doc: &Document,
    paragraph: &Paragraph,
    next: Option<&Paragraph>,
    out: &mut Vec<Finding>,
) {
    let tokens = doc.tokens();
    let end = paragraph.end_token as usize;
    let mut open_doubles: Vec<usize> = Vec::new();
    let mut nested: Vec<usize> = Vec::new();
    let mut last_double = Mark::Other;
    for i in paragraph.tokens().filter(|&i| tokens[i].kind == TokenKind::Quote) {
        let mark = match mark(doc, i) {
            Mark::Either if open_doubles.is_empty() => Mark::OpenDouble,
            Mark::Either => Mark::CloseDouble,
            Mark::AfterNumber if open_doubles.is_empty() => Mark::Other,
            Mark::AfterNumber => Mark::CloseDouble,
            mark => mark,
        };
        match mark {
            Mark::OpenDouble => {
                if !open_doubles.is_empty() {
                    if starts_sentence(doc, i) {
                        // A quotation running on into a new sentence of the same paragraph
                        // reopens like a new paragraph would (copy whose paragraph breaks were
                        // lost reads this way).
                        open_doubles.pop();
                    } else {
                        nested.push(i);
                    }
                }
                open_doubles.push(i);
                last_double = Mark::OpenDouble;
            }
            Mark::CloseDouble => {
                last_double = Mark::CloseDouble;
                if open_doubles.pop().is_none() {
                    // "by early”. February.”": the stray mark is the first close, reported by
                    // the punctuation rules.
                    let explained = paragraph.tokens().any(|k| k < i && is_stray_quote_stop(doc, k, end));
                    if !explained {
                        out.push(rule.finding(
                            tokens[i].span,
                            &[("problem", "closes a quotation that was never opened")],
                            None,
                        ));
                    }
                }
            }
            Mark::Either | Mark::AfterNumber | Mark::Other => {}
        }
    }
    let Some(&first_open) = open_doubles.first() else { return };
    if let Some(&second) =
        nested.last().filter(|_| open_doubles.len() == 1 && last_double == Mark::CloseDouble)
    {
        out.push(rule.finding(
            tokens[second].span,
            &[(
                "problem",
                "opens a second quotation inside one already open; a quote within a quote takes single marks",
            )],
            None,
        ));
        return;
    }
    let runs_on = last_double == Mark::OpenDouble
        && next.is_some_and(|p| matches!(mark(doc, p.first_token as usize), Mark::OpenDouble));
    if !runs_on {
        out.push(rule.finding(
            tokens[first_open].span,
            &[("problem", "opens a quotation that never closes")],
            None,
        ));
    }
}

/// Whether the quote mark at `i` begins a sentence: it follows a sentence's closing mark.
fn starts_sentence(doc: &Document, i: usize) -> bool {
    i > 0 && !doc.adjacent(i - 1) && matches!(doc.token_text(i - 1), "." | "?" | "!" | "…" | "...")
}

fn brackets(rule: &Rule, doc: &Document, paragraph: &Paragraph, out: &mut Vec<Finding>) {
    let tokens = doc.tokens();
    let mut open: Vec<(usize, &str)> = Vec::new();
    // A bracket is a one-character mark: other tokens are passed over on their kind and length.
    let is_bracket = |i: usize| {
        tokens[i].kind == TokenKind::Punct
            && tokens[i].span.len() == 1
            && matches!(doc.token_text(i), "(" | "[" | ")" | "]")
    };
    for i in paragraph.tokens().filter(|&i| is_bracket(i)) {
        match doc.token_text(i) {
            // Emoticons: ":-)", ":(".
            _ if is_emoticon(doc, i) => {}
            bracket @ ("(" | "[") => open.push((i, bracket)),
            close @ (")" | "]") => {
                let wanted = if close == ")" { "(" } else { "[" };
                match open.iter().rposition(|&(_, b)| b == wanted) {
                    Some(at) => {
                        open.truncate(at);
                    }
                    // "1)" and "a)" number items at the start of a sentence.
                    None if is_item_number(doc, i) => {}
                    None => out.push(rule.finding(
                        tokens[i].span,
                        &[("problem", "closes a bracket that was never opened")],
                        None,
                    )),
                }
            }
            _ => {}
        }
    }
    for (i, _) in open {
        out.push(rule.finding(tokens[i].span, &[("problem", "opens a bracket that never closes")], None));
    }
}

fn is_emoticon(doc: &Document, i: usize) -> bool {
    let glued_to = |k: usize| doc.adjacent(k) && matches!(doc.token_text(k), ":" | ";" | "-" | "<" | "=");
    i > 0 && glued_to(i - 1)
}

/// Whether the `)` at `i` closes an item number: "1)" or "a)" starting a sentence or following
/// a colon or semicolon ("two facts: 1) If").
fn is_item_number(doc: &Document, i: usize) -> bool {
    let Some(item) = i.checked_sub(1) else { return false };
    let starts_sentence = doc.sentences()[doc.sentence_of(item)].first_token as usize == item
        || item > 0 && !doc.adjacent(item - 1) && matches!(doc.token_text(item - 1), ":" | ";");
    let short = match doc.token_kind(item) {
        Some(TokenKind::Number) => doc.token_text(item).len() <= 2,
        Some(TokenKind::Word) => doc.token_text(item).chars().count() == 1,
        _ => false,
    };
    starts_sentence && short && doc.adjacent(item)
}
