//! `arithmetic`: figures that do not add up.
//!
//! Sentence checks ([`sentence`]) fire only when one sentence states every number they need, in
//! a shape that leaves no doubt what is compared:
//!
//! - `percent-of`: "120 of 480, or 30%" (it is 25%).
//! - `product`: "64 percent of 2.5 million voters, or 1.9 million" (it is 1.6 million).
//! - `percent-change`: "rose 76% to $1.13bn from $639m".
//! - `direction`: "fell to 71 from 62" — the words and the figures disagree.
//! - `shares`: shares of one whole that sum past 100%.
//! - `parts`: "the 40 victims included 25 men and 20 women" — parts past their stated total.
//! - `conversion`: "12 miles (25 km)" — a conversion in brackets that is off.
//! - `list-total`: "three schools, two clinics and a library — five buildings" ([`list`]).
//! - `fraction`: "one in four voters (40%)" — a fraction word and a percentage for one share
//!   ([`fraction`]).
//! - `unit-price` and `per-head`: "2,000 tickets at $15 each, raising $40,000", "$1.2 million
//!   among 400 families, or $4,000 each" ([`per_unit`]).
//!
//! Story checks read figures from several sentences, linked by the claim frames:
//!
//! - `story-parts`: parts in one sentence against a total stated earlier ([`story_parts`]).
//! - `change-from-earlier`: "rose 10% to $460m" against the level given earlier ([`base`]).
//! - `percent-of-earlier`: "120 of them, or 30%" against the 480 staff given earlier
//!   ([`share_of_earlier`]).
//! - `fraction` across sentences: "nearly half of the staff voted to strike" against "62% of
//!   staff voted to strike" further on ([`fraction`]).
//! - `vote-size` and `unanimous`: a tally against the body's size or "unanimously" ([`votes`]).
//!
//! Every check walks the story once; the story checks keep what they remember per key.

mod base;
mod fraction;
mod list;
mod per_unit;
mod sentence;
mod share_of_earlier;
mod story_parts;
mod votes;

use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::{Claim, Document, Frame, Qualifier, Span};
use sentence::Scan;
use std::cell::OnceCell;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArithmeticCheck {
    PercentOf,
    Product,
    PercentChange,
    Direction,
    Shares,
    Parts,
    Conversion,
    ListTotal,
    Fraction,
    UnitPrice,
    PerHead,
    StoryParts,
    ChangeFromEarlier,
    PercentOfEarlier,
    VoteSize,
    Unanimous,
}

impl ArithmeticCheck {
    pub const NAMES: &'static [&'static str] = &[
        "percent-of",
        "product",
        "percent-change",
        "direction",
        "shares",
        "parts",
        "conversion",
        "list-total",
        "fraction",
        "unit-price",
        "per-head",
        "story-parts",
        "change-from-earlier",
        "percent-of-earlier",
        "vote-size",
        "unanimous",
    ];

    pub fn from_name(name: &str) -> ArithmeticCheck {
        match name {
            "product" => ArithmeticCheck::Product,
            "percent-change" => ArithmeticCheck::PercentChange,
            "direction" => ArithmeticCheck::Direction,
            "shares" => ArithmeticCheck::Shares,
            "parts" => ArithmeticCheck::Parts,
            "conversion" => ArithmeticCheck::Conversion,
            "list-total" => ArithmeticCheck::ListTotal,
            "fraction" => ArithmeticCheck::Fraction,
            "unit-price" => ArithmeticCheck::UnitPrice,
            "per-head" => ArithmeticCheck::PerHead,
            "story-parts" => ArithmeticCheck::StoryParts,
            "change-from-earlier" => ArithmeticCheck::ChangeFromEarlier,
            "percent-of-earlier" => ArithmeticCheck::PercentOfEarlier,
            "vote-size" => ArithmeticCheck::VoteSize,
            "unanimous" => ArithmeticCheck::Unanimous,
            _ => ArithmeticCheck::PercentOf,
        }
    }

    /// Runs on a story's claims ([`Story`], built once for all the arithmetic rules).
    pub fn run(self, rule: &Rule, story: &Story, out: &mut Vec<Finding>) {
        let scan = Scan { rule, doc: story.doc, tolerance: rule.spec.tolerance };
        match self {
            ArithmeticCheck::StoryParts => return story_parts::run(rule, story, out),
            ArithmeticCheck::ChangeFromEarlier => return base::run(rule, story, out),
            ArithmeticCheck::PercentOfEarlier => return share_of_earlier::run(&scan, story, out),
            ArithmeticCheck::Fraction => fraction::across(&scan, story, out),
            ArithmeticCheck::VoteSize => return votes::size(rule, story, out),
            ArithmeticCheck::Unanimous => return votes::unanimous(rule, story, out),
            _ => {}
        }
        for sentence in story.sentences() {
            let sentence = &sentence;
            match self {
                ArithmeticCheck::PercentOf => scan.percent_of(sentence, out),
                ArithmeticCheck::Product => scan.product(sentence, out),
                ArithmeticCheck::PercentChange => scan.percent_change(sentence, out),
                ArithmeticCheck::Direction => scan.direction(sentence, out),
                ArithmeticCheck::Shares => scan.shares(sentence, out),
                ArithmeticCheck::Parts => scan.parts(sentence, out),
                ArithmeticCheck::Conversion => scan.conversion(sentence, out),
                ArithmeticCheck::ListTotal => list::run(&scan, sentence, out),
                ArithmeticCheck::Fraction => fraction::run(&scan, sentence, out),
                ArithmeticCheck::UnitPrice => per_unit::unit_price(&scan, sentence, out),
                ArithmeticCheck::PerHead => per_unit::per_head(&scan, sentence, out),
                ArithmeticCheck::StoryParts
                | ArithmeticCheck::ChangeFromEarlier
                | ArithmeticCheck::PercentOfEarlier
                | ArithmeticCheck::VoteSize
                | ArithmeticCheck::Unanimous => {}
            }
        }
    }
}

/// A story's claims grouped by sentence, and their frames when a story check asks for them.
pub(crate) struct Story<'a> {
    doc: &'a Document,
    claims: &'a [Claim],
    /// Every claim with its token range, in story order: one allocation for the whole story.
    entries: Vec<Entry<'a>>,
    sentences: Vec<SentenceRange>,
    frames: OnceCell<Rc<Vec<Frame>>>,
}

/// A claim and the tokens it spans, `first..end`.
type Entry<'a> = (&'a Claim, usize, usize);

/// Where one sentence's claims stand in [`Story::entries`], and its tokens.
struct SentenceRange {
    start: usize,
    len: usize,
    first: usize,
    end: usize,
}

impl<'a> Story<'a> {
    /// The story's claims, and their frames when another check has computed them already.
    pub(crate) fn new(doc: &'a Document, claims: &'a [Claim], frames: Option<Rc<Vec<Frame>>>) -> Story<'a> {
        let frames = frames.map_or_else(OnceCell::new, OnceCell::from);
        let mut entries = Vec::with_capacity(claims.len());
        let mut sentences: Vec<SentenceRange> = Vec::new();
        for (index, claim) in claims.iter().enumerate() {
            let first = doc.token_at(claim.span.start);
            let end = doc.token_at(claim.span.end);
            entries.push((claim, first, end));
            match sentences.last_mut() {
                // Claims come in text order: a claim inside the last sentence belongs to it.
                Some(last) if first < last.end => last.len += 1,
                _ => {
                    let sentence = doc.sentences()[doc.sentence_of(first)];
                    sentences.push(SentenceRange {
                        start: index,
                        len: 1,
                        first: sentence.first_token as usize,
                        end: sentence.end_token as usize,
                    });
                }
            }
        }
        Story { doc, claims, entries, sentences, frames }
    }

    /// The sentences that hold claims, in story order.
    fn sentences(&self) -> impl Iterator<Item = SentenceClaims<'_>> {
        self.sentences.iter().map(|range| SentenceClaims {
            claims: &self.entries[range.start..range.start + range.len],
            start: range.start,
            first: range.first,
            end: range.end,
        })
    }

    fn frames(&self) -> &[Frame] {
        self.frames.get_or_init(|| Rc::new(factlint_extract::frames(self.doc, self.claims)))
    }
}

/// The claims of one sentence, with their token ranges.
pub(crate) struct SentenceClaims<'a> {
    claims: &'a [Entry<'a>],
    /// The index in the story's claims of this sentence's first claim.
    start: usize,
    first: usize,
    end: usize,
}

/// The text of token `i`, or nothing past the last token: a figure may end the story.
fn token_text(doc: &Document, i: usize) -> &str {
    doc.tokens().get(i).map_or("", |t| doc.slice(t.span))
}

/// Whether the folded word at token `i` is one of `words`.
fn word_in(doc: &Document, i: usize, words: &WordList) -> bool {
    doc.folded_word(i).is_some_and(|w| words.contains(w))
}

pub(super) use crate::text::{WordList, data_lines, word_list};

/// The figure's first number token, or the figure when it is written in words: what a finding
/// points at and a suggestion replaces.
fn number_span(doc: &Document, claim: &Claim) -> Span {
    let from = doc.token_at(claim.figure.start);
    (from..doc.tokens().len())
        .take_while(|&i| doc.tokens()[i].span.start < claim.figure.end)
        .find(|&i| doc.token_kind(i) == Some(factlint_extract::TokenKind::Number))
        .map_or(claim.figure, |i| doc.tokens()[i].span)
}

/// A sum as the message writes it: "11 + 8 = 19".
fn sum_text(values: &[f64]) -> String {
    let parts: Vec<String> = values.iter().map(|v| format_figure(*v)).collect();
    format!("{} = {}", parts.join(" + "), format_figure(values.iter().sum()))
}

/// A qualifier as copy writes it before a total: "at least 21"; a figure in words that opened its
/// sentence is lower-cased ("Thirty" → "thirty").
fn qualified(qualifier: Qualifier, figure: &str) -> String {
    let figure = if figure.starts_with(|c: char| c.is_alphabetic()) {
        figure.to_lowercase()
    } else {
        figure.to_string()
    };
    let word = match qualifier {
        Qualifier::About => "about ",
        Qualifier::Nearly => "nearly ",
        Qualifier::AtLeast => "at least ",
        Qualifier::MoreThan => "more than ",
        Qualifier::AtMost => "at most ",
        Qualifier::LessThan => "fewer than ",
        Qualifier::UpTo => "up to ",
        Qualifier::Exact | Qualifier::Range | Qualifier::Vague => "",
    };
    format!("{word}{figure}")
}

/// The decimals a figure was written with ("30" → 0, "4.7" → 1), for rounding tolerance.
pub(super) fn decimals(doc: &Document, claim: &Claim) -> i32 {
    let figure = doc.slice(claim.figure);
    let digits: String = figure
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    digits.split_once('.').map_or(0, |(_, d)| d.len() as i32)
}

/// Half a unit in the last written digit of `claim`, scaled to its value: how far a rounded
/// figure may be from the exact one.
pub(super) fn rounding(doc: &Document, claim: &Claim) -> f64 {
    let value = claim.value.unwrap_or(0.0).abs();
    let figure = doc.slice(claim.figure);
    let digits: String = figure
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let written: f64 = digits.parse().unwrap_or(value);
    let scale = if written > 0.0 { value / written } else { 1.0 };
    0.5 * 10f64.powi(-decimals(doc, claim)) * scale
}

pub(super) fn approximate(claim: &Claim) -> bool {
    matches!(claim.qualifier, Qualifier::About | Qualifier::Nearly | Qualifier::Vague)
}

pub(super) fn show(value: f64, decimals: i32) -> String {
    format!("{:.*}", decimals.max(0) as usize, value)
}

/// A figure as copy writes it: 1600000 → "1.6 million", 1200 → "1,200", 25 → "25".
pub(super) fn format_figure(value: f64) -> String {
    let trim = |s: String| {
        if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s }
    };
    if value.abs() >= 1e9 {
        return format!("{} billion", trim(format!("{:.2}", value / 1e9)));
    }
    if value.abs() >= 1e6 {
        return format!("{} million", trim(format!("{:.2}", value / 1e6)));
    }
    let text = trim(format!("{value:.2}"));
    let (whole, fraction) = text.split_once('.').map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let (sign, digits) = whole.strip_prefix('-').map_or(("", whole), |d| ("-", d));
    let mut grouped = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleSet;
    use crate::checks::Input;

    #[test]
    fn a_figure_at_the_very_end_does_not_panic() {
        let rules = RuleSet::builtin().unwrap_or_else(|error| panic!("{error}"));
        for source in
            ["£5m ", "£5m", "It sold 20 tickets at $5", "The 9-member board voted 5-4", "five buildings:"]
        {
            let doc = Document::from_text(source);
            let claims = factlint_extract::extract(&doc);
            rules.check(&Input { doc: &doc, claims: &claims, facts: &[] });
        }
    }

    #[test]
    fn figures_read_like_copy() {
        assert_eq!(format_figure(1_600_000.0), "1.6 million");
        assert_eq!(format_figure(25.0), "25");
        assert_eq!(format_figure(2.5e9), "2.5 billion");
        assert_eq!(format_figure(105.5), "105.5");
        assert_eq!(format_figure(1200.0), "1,200");
        assert_eq!(format_figure(-25_000.0), "-25,000");
    }
}
