//! Times in news copy: full dates in AP and British styles, weekdays, months, seasons, quarters
//! and year ranges, holidays, relative dates ("yesterday", "last week", "two weeks ago", "three
//! days after Christmas"), clock times and deadlines ("by early February", "no later than
//! Friday"), resolved to calendar dates against the reference date.
//!
//! A weekday alone names the nearest such day before or after the reference date; which one
//! depends on the tense around it ("will meet on Tuesday" looks ahead, "met on Tuesday" back).
//!
//! The scanner runs over every token of the copy, so it rejects cheaply: a word is looked up in
//! a table of lead words (month and weekday names, "last", "by", "the"…) built at compile time,
//! a number is looked at only when the token after it could continue a time, and words are
//! folded on the stack rather than allocated.

mod calendar;
mod clock;
mod deadline;
mod holiday;
mod period;
mod range;
mod relative;
mod resolve;
mod tense;
#[cfg(test)]
mod tests;
mod words;

pub(crate) use calendar::written_at;
pub use words::weekday_name;

use crate::claims::claim::{Claim, ClaimKind, DateParts, DateValue, Detail};
use crate::text::lexicon::ends_subject;
use crate::text::token::TokenKind;
use crate::text::window::Window;
use jiff::civil::{Date, Weekday};
use serde::Serialize;
use words::Lead;

/// Whether a sentence looks back or ahead from the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// A date as the copy writes it, before resolution: the parts that were given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Written {
    pub year: Option<i16>,
    pub month: Option<i8>,
    pub day: Option<i8>,
    #[serde(serialize_with = "serialize_weekday")]
    pub weekday: Option<Weekday>,
}

fn serialize_weekday<S: serde::Serializer>(
    weekday: &Option<Weekday>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match weekday {
        Some(w) => serializer.serialize_str(weekday_name(*w)),
        None => serializer.serialize_none(),
    }
}

/// A temporal claim and the tokens it covers.
pub(crate) struct Found {
    pub first: usize,
    pub end: usize,
    pub claim: Claim,
}

/// What a time resolves against: the reference date, and the tense to assume where the copy
/// shows none (a deadline looks ahead).
#[derive(Clone, Copy)]
struct Context {
    reference: Option<Date>,
    lean: Tense,
}

impl Context {
    /// The tense around token `at`, or the lean where the copy shows none.
    fn tense(&self, w: &Window, at: usize) -> Tense {
        match tense::tense(w, at) {
            Tense::Unknown => self.lean,
            tense => tense,
        }
    }
}

/// Scans for times starting at tokens `w.first..scan_end`. The window may run on past
/// `scan_end` (to the end of the paragraph) so that a phrase broken by stray punctuation ("by
/// early”. February”) is still read whole.
pub(crate) fn scan(w: &Window, scan_end: usize, reference: Option<Date>, out: &mut Vec<Found>) {
    let cx = Context { reference, lean: Tense::Unknown };
    let mut i = w.first;
    while i < scan_end {
        match found_at(w, i, &cx) {
            Some(found) => {
                i = found.end.max(i + 1);
                out.push(found);
            }
            None => i += 1,
        }
    }
}

/// The time expression starting at token `i` (or just before it, for a modifier such as "early"
/// or "last" that only the word after it makes temporal).
fn found_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    match w.kind(i)? {
        TokenKind::Number => number_led(w, i, cx),
        TokenKind::Word => {
            let text = w.text(i);
            match words::lead_of_text(text) {
                Some(lead) => word_led(w, i, lead, cx),
                // "Dec31", "mar4": a month with the day glued on.
                None if text.as_bytes().last().is_some_and(u8::is_ascii_digit) => calendar::date_at(w, i, cx),
                None => None,
            }
        }
        _ => None,
    }
}

/// The time expression at `k`, or the one whose look-behind takes in the word at `k` ("next" in
/// "next Friday"): what a deadline or an offset points at.
fn found_from(w: &Window, k: usize, cx: &Context) -> Option<Found> {
    found_at(w, k, cx).or_else(|| found_at(w, k + 1, cx).filter(|f| f.first == k))
}

// Kept out of line, as is `word_led`: `found_at` runs on every token and nearly always rejects
// it, and it rejects cheapest as a small function.
#[inline(never)]
fn number_led(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    if !number_may_lead(w, i) {
        return None;
    }
    calendar::date_at(w, i, cx)
        .or_else(|| calendar::day_range_at(w, i, cx))
        .or_else(|| range::year_range_at(w, i))
        .or_else(|| period::quarter_at(w, i, cx))
        .or_else(|| clock::clock_at(w, i))
        .or_else(|| relative::offset_at(w, i, cx))
}

/// Whether the token after the number at `i` lets it start a time: a month ("4 June"), a
/// separator ("2022-01-31", "15:30"), a range word, a unit of time ("two weeks ago"), "quarter",
/// "a.m." or a time zone; or letters glued to it ("3pm", "21st"). Most figures fail this at once.
fn number_may_lead(w: &Window, i: usize) -> bool {
    if w.text(i).as_bytes().last().is_some_and(u8::is_ascii_alphabetic) {
        return true;
    }
    let next = i + 1;
    match w.kind(next) {
        Some(TokenKind::Punct) => matches!(w.text(next), "-" | "–" | "—" | "/" | "." | ":"),
        Some(TokenKind::Word) => {
            let text = w.text(next);
            matches!(words::lead_of_text(text), Some(Lead::Month(_) | Lead::Article))
                || folded(w, next).is_some_and(|word| {
                    let word = word.as_str();
                    words::step_of(word).is_some()
                        || matches!(
                            word,
                            "of" | "to"
                                | "through"
                                | "until"
                                | "till"
                                | "and"
                                | "quarter"
                                | "half"
                                | "am"
                                | "pm"
                                | "p"
                                | "o'clock"
                        )
                })
                || text == "o’clock"
                || clock::is_zone(text)
        }
        _ => false,
    }
}

#[inline(never)]
fn word_led(w: &Window, i: usize, lead: Lead, cx: &Context) -> Option<Found> {
    match lead {
        Lead::Deadline => deadline::deadline_at(w, i, cx),
        Lead::Range => range::range_at(w, i, cx),
        Lead::The => period::the_at(w, i, cx),
        Lead::Clock => clock::clock_at(w, i),
        Lead::Relative => relative::simple_at(w, i, cx),
        Lead::Part => period::parted_period_at(w, i, cx),
        Lead::Quarter => period::quarter_at(w, i, cx),
        Lead::Article => relative::offset_at(w, i, cx),
        Lead::Modifier(_) => period::period_at(w, i, cx).or_else(|| period::quarter_at(w, i, cx)),
        Lead::Month(_) => calendar::date_at(w, i, cx).or_else(|| holiday::holiday_at(w, i, cx)),
        Lead::Weekday(..) => calendar::date_at(w, i, cx),
        Lead::Season(_) => period::season_at(w, i, cx),
        Lead::Holiday => holiday::holiday_at(w, i, cx),
        Lead::Number => calendar::date_at(w, i, cx)
            .or_else(|| period::quarter_at(w, i, cx))
            .or_else(|| relative::offset_at(w, i, cx)),
    }
}

/// A date claim over tokens `first..end`.
fn date_claim(w: &Window, first: usize, end: usize, date: Option<DateValue>, tense: Tense) -> Found {
    let mut claim = Claim::new(ClaimKind::Date, w.span(first, end));
    claim.detail = Detail::Date(DateParts { date, written: None, tense: Some(tense) });
    Found { first, end, claim }
}

/// A four-digit year at `i`.
fn year_at(w: &Window, i: usize) -> Option<(i16, usize)> {
    if w.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let text = w.text(i);
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i16 = text.parse().ok()?;
    (1000..=2200).contains(&year).then_some((year, i + 1))
}

/// A year after a date or a period: "May 5, 2025", "4 June 2024", "the 4th of July of 1995",
/// "28 June in 2020", "summer 2019". Returns the year and the token after it.
fn year_after(w: &Window, k: usize) -> Option<(i16, usize)> {
    if (w.text_is(k, ",") || w.is(k, "of") || w.is(k, "in"))
        && let Some(found) = year_at(w, k + 1)
    {
        return Some(found);
    }
    year_at(w, k)
}

/// Whether the word before token `i` is a capitalised name word, making `i` part of a longer name
/// ("Holocaust Memorial Day", "Sheffield Wednesday"): not at the start of the sentence, not a
/// possessive ("Celtic's Boxing Day") and not a function word ("On Tuesday").
fn follows_name(w: &Window, i: usize) -> bool {
    let Some(before) = i.checked_sub(1).filter(|&b| b >= w.first && w.capitalised(b)) else {
        return false;
    };
    let opens_sentence = (w.first..before).all(|j| w.kind(j) == Some(TokenKind::Quote));
    !opens_sentence && folded(w, before).is_some_and(|word| !word.possessive && !ends_subject(word.as_str()))
}

/// The word at `i` folded, if token `i` is a word of the window.
fn folded<'a>(w: &Window<'a>, i: usize) -> Option<words::Folded<'a>> {
    w.folded(i).map(words::fold)
}
