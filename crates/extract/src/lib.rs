//! factlint-extract: the text model of a news story and the figures and times it states.
//!
//! Everything factlint checks is a function of the claims in a story: "more than 100,000 troops",
//! "Friday, June 5, 2025", "by early February". This crate turns text into a [`Document`]
//! (paragraphs, sentences, tokens, a reference date) and the document into [`Claim`]s, each with
//! its exact span, value interval, qualifier, unit, subject and, for times, the calendar date it
//! means. It does no I/O and no printing: callers hand it text and get data back.
//!
//! ```
//! use factlint_extract::{Document, ClaimKind, extract};
//! let doc = Document::from_text("Russia has more than 100,000 troops at the border.");
//! let claims = extract(&doc);
//! assert_eq!(claims[0].kind, ClaimKind::Count);
//! assert_eq!(claims[0].value, Some(100_000.0));
//! assert_eq!(claims[0].head(), Some("troop"));
//! ```
//!
//! The crate is a stack of layers, each reading only the ones below it (`tests/layers.rs` keeps
//! it so): `text` (span, token, sentence, markup, document), then `numbers` (one number as
//! written, and units), then `claims` (figures and times), then `reference` (the reference date
//! from the dateline). This file composes them.

mod claims;
mod numbers;
mod reference;
mod text;

pub use claims::claim::{Claim, ClaimKind, ClockTime, DateParts, DateValue, Detail, Qualifier, Subject};
pub use claims::frame::{
    Definiteness, Direction, Frame, Place, Role, direction_of, frames, is_period_unit, month_name,
    participle, verb_lemma,
};
pub use claims::temporal::{Tense, Written, weekday_name};
pub use jiff;
pub use numbers::units::{self, Unit};
pub use reference::TIME_ZONE_DAYS;
pub use text::document::{Dateline, Document, Options, Paragraph, ReferenceDate, ReferenceOrigin, TooLarge};
pub use text::lexicon::singular;
pub use text::lower::Lower;
pub use text::markup::{Format, OffsetMap};
pub use text::sentence::{Sentence, is_abbreviation};
pub use text::span::{LineCol, LineIndex, Span};
pub use text::token::{Token, TokenKind, tokenize};

use claims::{quantity, temporal};
use text::window::Window;

/// Every figure and time in the document, in text order.
pub fn extract(doc: &Document) -> Vec<Claim> {
    let reference = doc.reference_date();
    let mut claims = Vec::new();
    let mut times = Vec::new();
    let mut taken = Vec::new();
    for paragraph in doc.paragraphs() {
        let paragraph_end = paragraph.end_token as usize;
        // A time phrase may run over a stray sentence break; the next sentence resumes after it.
        let mut resume = 0;
        for sentence in &doc.sentences()[paragraph.sentences()] {
            let (first, end) = (sentence.first_token as usize, sentence.end_token as usize);
            let first = first.max(resume);
            times.clear();
            temporal::scan(
                &Window { doc, first, end: paragraph_end, taken: &[] },
                end,
                reference,
                &mut times,
            );
            taken.clear();
            taken.extend(times.iter().map(|t| (t.first, t.end)));
            resume = taken.last().map_or(0, |&(_, end)| end);
            let sentence_start = claims.len();
            claims.extend(times.drain(..).map(|t| t.claim));
            if first < end {
                quantity::scan(&Window { doc, first, end, taken: &taken }, &mut claims);
            }
            claims[sentence_start..].sort_by_key(|c| (c.span.start, c.span.end));
        }
    }
    claims
}
