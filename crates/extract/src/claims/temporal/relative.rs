//! Days counted from the reference date or from another date: "yesterday", "right now", "two
//! weeks ago", "in three days", "three days from now", "three weeks from tomorrow", "two weeks
//! before Christmas", "more than two weeks after May 13".
//!
//! "Three weeks later" and "the next day" count from a time the story already gave, which the
//! extractor does not track, so they are left to the figures as durations.

use super::words::{self, Step};
use super::{Context, Found, date_claim, folded, holiday};
use crate::claims::claim::{ClaimKind, DateValue, Qualifier};
use crate::numbers::{self, Form};
use crate::text::token::TokenKind;
use crate::text::window::Window;
use jiff::ToSpan;
use jiff::civil::Date;

/// "today", "tonight", "yesterday", "tomorrow", "right now", "at present", "at the moment", "at
/// the minute", with a part of the day after ("yesterday morning").
pub(super) fn simple_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    let word = folded(w, i)?;
    let (days, end) = match word.as_str() {
        // Bare "now" marks the present tense more than it names a date; "right now" names it.
        "today" | "tonight" => (0, i + 1),
        "yesterday" => (-1, i + 1),
        "tomorrow" => (1, i + 1),
        "right" if w.is(i + 1, "now") => (0, i + 2),
        "at" if w.is(i + 1, "present") => (0, i + 2),
        "at" if w.phrase_at(i + 1, &["the", "present", "time"]) => (0, i + 4),
        // "at the moment of impact" is another moment; "at the minute" is British for now.
        "at" if (w.phrase_at(i + 1, &["the", "moment"]) || w.phrase_at(i + 1, &["the", "minute"]))
            && !w.is(i + 3, "of")
            && !w.is(i + 3, "when") =>
        {
            (0, i + 3)
        }
        _ => return None,
    };
    let end = if matches!(word.as_str(), "yesterday" | "tomorrow" | "today")
        && folded(w, end).is_some_and(|p| words::is_part_of_day(p.as_str()))
    {
        end + 1
    } else {
        end
    };
    let date = cx.reference.map(|r| DateValue::Day(r.saturating_add(days.days())));
    Some(date_claim(w, i, end, date, cx.tense(w, i)))
}

/// A length of time in whole months and days: "2 weeks and 2 days", "two years".
#[derive(Clone, Copy, Default)]
struct Offset {
    months: i64,
    days: i64,
}

impl Offset {
    fn add(&mut self, step: Step, count: i64) {
        match step {
            Step::Days(days) => self.days += days * count,
            Step::Months(months) => self.months += months * count,
        }
    }

    /// `date` moved by the offset, forwards or (`sign` -1) backwards.
    fn apply(self, date: Date, sign: i64) -> Date {
        date.saturating_add((sign * self.months).months()).saturating_add((sign * self.days).days())
    }
}

/// The most units an offset may count: beyond this a figure is not a date.
const MAX_COUNT: i64 = 1000;

/// A whole count at `i`: digits, number words, or "a"/"an" before a unit ("a week ago").
fn count_at(w: &Window, i: usize) -> Option<(i64, usize)> {
    match w.kind(i)? {
        TokenKind::Number => {
            let text = w.text(i);
            let count = text.bytes().all(|b| b.is_ascii_digit()).then(|| text.parse::<i64>().ok())??;
            (count <= MAX_COUNT).then_some((count, i + 1))
        }
        TokenKind::Word => {
            let word = folded(w, i)?;
            if matches!(word.as_str(), "a" | "an") {
                return Some((1, i + 1));
            }
            if !words::is_number_word(word.as_str()) {
                return None;
            }
            let number = numbers::parse_at(w.doc, i, w.end)?;
            let whole = number.form == Form::Cardinal
                && number.vague.is_none()
                && number.value.fract() == 0.0
                && number.value <= MAX_COUNT as f64;
            whole.then_some((number.value as i64, number.end))
        }
        _ => None,
    }
}

/// A length of time at `i`: one or more counts of days, weeks, months or years ("2 years 1
/// month 21 days", "two weeks and two days").
fn length_at(w: &Window, i: usize) -> Option<(Offset, usize)> {
    // Cheap first: a unit of time follows within the three tokens a count takes ("twenty - one").
    if !(1..=3).any(|d| folded(w, i + d).is_some_and(|unit| words::step_of(unit.as_str()).is_some())) {
        return None;
    }
    let (count, k) = count_at(w, i)?;
    let step = words::step_of(folded(w, k)?.as_str())?;
    let mut offset = Offset::default();
    offset.add(step, count);
    let mut end = k + 1;
    for _ in 0..3 {
        let at = if w.is(end, "and") || w.text_is(end, ",") { end + 1 } else { end };
        let Some((count, k)) = count_at(w, at) else { break };
        let Some(step) = folded(w, k).and_then(|unit| words::step_of(unit.as_str())) else { break };
        offset.add(step, count);
        end = k + 1;
    }
    Some((offset, end))
}

/// "two weeks ago", "three days from now", "in three days", "two weeks before Christmas", "3 days
/// after January 12th", "more than 2 weeks before today".
pub(super) fn offset_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    let (offset, after) = length_at(w, i)?;
    // "the last 3 months", "for two weeks": a duration, not a date.
    if i > w.first
        && folded(w, i - 1).is_some_and(|p| {
            matches!(p.as_str(), "last" | "past" | "next" | "first" | "for" | "the" | "over" | "within")
        })
    {
        return None;
    }
    let (qualifier, first) = qualifier_before(w, i);
    let (sign, anchor, end) = if w.is(after, "ago") {
        (-1, cx.reference, after + 1)
    } else if w.is(after, "hence") {
        (1, cx.reference, after + 1)
    } else if let Some(sign) = direction(w, after) {
        let (anchor, end) = anchor_at(w, after + 1, cx)?;
        (sign, anchor, end)
    } else {
        return ahead_in(w, first, offset, after, cx);
    };
    let date = anchor.map(|a| DateValue::Day(offset.apply(a, sign)));
    let mut found = date_claim(w, first, end, date, cx.tense(w, first));
    found.claim.qualifier = date_qualifier(qualifier, sign);
    Some(found)
}

/// "before", "after", "from" after a length of time: the way it counts from what follows.
fn direction(w: &Window, k: usize) -> Option<i64> {
    if w.is(k, "before") {
        Some(-1)
    } else if w.is(k, "after") || w.is(k, "from") {
        Some(1)
    } else {
        None
    }
}

/// The date an offset counts from: "now", "today", "tomorrow", a date, a weekday ("next
/// Friday") or a holiday ("Christmas", "new year"). Returns it (if it resolves) and the token
/// after it.
fn anchor_at(w: &Window, k: usize, cx: &Context) -> Option<(Option<Date>, usize)> {
    if w.is(k, "now") {
        return Some((cx.reference, k + 1));
    }
    let found = holiday::anchored_holiday_at(w, k, cx).or_else(|| super::found_from(w, k, cx))?;
    if found.first != k || found.claim.kind != ClaimKind::Date {
        return None;
    }
    match found.claim.date() {
        Some(DateValue::Day(date)) => Some((Some(date), found.end)),
        None => Some((None, found.end)),
        Some(DateValue::Span { .. }) => None,
    }
}

/// "in three days", "in a fortnight's time": from the reference date, when the sentence does
/// not look back ("the lowest in five years").
fn ahead_in(w: &Window, first: usize, offset: Offset, after: usize, cx: &Context) -> Option<Found> {
    let at = first.checked_sub(1).filter(|&p| p >= w.first && w.is(p, "in"))?;
    // "in a year on year comparison"
    let year_on_year = w.is(after, "on") && w.text(after + 1).eq_ignore_ascii_case(w.text(after - 1));
    if w.is(after, "of") || year_on_year || looks_back_over(w, at) || cx.tense(w, at) == super::Tense::Past {
        return None;
    }
    let mut end = after;
    if w.is(end, "time") {
        end += 1;
    } else if w.kind(end) == Some(TokenKind::Quote) && w.is(end + 1, "time") {
        end += 2;
    }
    let date = cx.reference.map(|r| DateValue::Day(offset.apply(r, 1)));
    Some(date_claim(w, at, end, date, cx.tense(w, at)))
}

/// Whether words before `at` make "in five years" a span looked back over or counted in: "the
/// lowest in five years", "for the first time in a decade", "at any time in 17 months", "twice
/// in a week".
fn looks_back_over(w: &Window, at: usize) -> bool {
    (at.saturating_sub(6).max(w.first)..at).any(|k| {
        folded(w, k).is_some_and(|word| {
            let word = word.as_str();
            matches!(
                word,
                "first"
                    | "ever"
                    | "record"
                    | "most"
                    | "least"
                    | "best"
                    | "worst"
                    | "since"
                    | "time"
                    | "once"
                    | "twice"
                    | "times"
            ) || (word.len() > 5 && word.ends_with("est"))
        })
    })
}

/// Qualifiers that bound how long ago or how far ahead a date is.
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["more", "than"], Qualifier::MoreThan),
    (&["over"], Qualifier::MoreThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["under"], Qualifier::LessThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::UpTo),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["some"], Qualifier::About),
];

/// A qualifier ending just before `i` ("more than", "about"), and where the claim starts.
fn qualifier_before(w: &Window, i: usize) -> (Qualifier, usize) {
    QUALIFIERS
        .iter()
        .filter_map(|(phrase, qualifier)| {
            let start = i.checked_sub(phrase.len()).filter(|&s| s >= w.first)?;
            w.phrase_at(start, phrase).then_some((start, *qualifier))
        })
        .min_by_key(|&(start, _)| start)
        .map_or((Qualifier::Exact, i), |(start, qualifier)| (qualifier, start))
}

/// What a count qualifier says about the date: "more than two weeks ago" is before the date
/// two weeks ago, "less than two weeks ago" after it.
fn date_qualifier(qualifier: Qualifier, sign: i64) -> Qualifier {
    if sign > 0 {
        return qualifier;
    }
    match qualifier {
        Qualifier::MoreThan => Qualifier::LessThan,
        Qualifier::AtLeast => Qualifier::AtMost,
        Qualifier::LessThan | Qualifier::UpTo => Qualifier::MoreThan,
        Qualifier::AtMost => Qualifier::AtLeast,
        other => other,
    }
}
