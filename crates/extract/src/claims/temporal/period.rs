//! Periods counted from the reference date and parts of them: "last week", "this quarter",
//! "next year's", "the past year", "earlier in the week", "the end of next month", "the
//! weekend", "this summer", "Q3 2024", "the first half of 2019", and days of a month written
//! with "the" ("the 5th of May", "the 15th day of next month").
//!
//! "Last year" is the calendar year before the reference year, but "the last year" and "the
//! coming year" are the twelve months up to and from the reference date. "The previous year" and
//! "the following week" count from a time the story gave, so they stay unresolved.

use super::calendar;
use super::resolve::{self, Part};
use super::words::{self, Lead, Modifier, ModifierWord, Unit};
use super::{Context, Found, Tense, Written, date_claim, folded, year_after, year_at};
use crate::claims::claim::{ClaimKind, DateValue};
use crate::numbers::{self, Form};
use crate::text::token::TokenKind;
use crate::text::window::Window;
use jiff::ToSpan;
use jiff::civil::Date;

/// The modifier at `i` and the token after it; "this past" reads as "past".
fn modifier_at(w: &Window, i: usize) -> Option<(Modifier, usize)> {
    let the = i > w.first && w.is(i - 1, "the");
    let modifier = words::modifier_of(folded(w, i)?.as_str(), the)?;
    if modifier == Modifier::This && w.is(i + 1, "past") {
        return Some((Modifier::Past, i + 2));
    }
    Some((modifier, i + 1))
}

/// A period unit at `k`, one word or two ("working week", "calendar year"); `None` inside for a
/// year whose calendar the copy does not give ("fiscal year").
fn unit_at(w: &Window, k: usize) -> Option<(Option<Unit>, usize)> {
    let word = folded(w, k)?;
    let two_word = |unit: Option<Unit>, second: &str| w.is(k + 1, second).then_some((unit, k + 2));
    match word.as_str() {
        "working" | "work" => two_word(Some(Unit::Week), "week"),
        "calendar" => two_word(Some(Unit::Year), "year"),
        "fiscal" | "financial" | "school" | "academic" | "tax" => two_word(None, "year"),
        other => Some((Some(words::unit_of(other)?), k + 1)),
    }
}

/// "last week", "this quarter", "next year's", "the past month", "last night", "this summer",
/// "next week on Tuesday", with "earlier"/"later" before ("earlier this week").
pub(super) fn period_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    let (modifier, k) = modifier_at(w, i)?;
    let word = folded(w, k)?;
    let first = if i > w.first && (w.is(i - 1, "earlier") || w.is(i - 1, "later")) { i - 1 } else { i };
    let claim = |end: usize, date: Option<DateValue>| date_claim(w, first, end, date, cx.tense(w, first));
    if words::is_part_of_day(word.as_str()) {
        let days = part_of_day(word.as_str(), modifier)?;
        return Some(claim(k + 1, cx.reference.map(|r| DateValue::Day(r.saturating_add(days.days())))));
    }
    if let Some(start) = words::season_start(word.as_str()) {
        // "this fall from 2.1%" is a drop; "this fall." and "this Fall" are the season.
        if word.as_str() == "fall" && !w.capitalised(k) && w.kind(k + 1) == Some(TokenKind::Word) {
            return None;
        }
        return Some(claim(k + 1, cx.reference.and_then(|r| season_by_modifier(r, start, modifier))));
    }
    let (unit, end) = unit_at(w, k)?;
    // "the last week of March" is part of March, not a week before the reference date.
    // "The past quarter of a century" is not a quarter.
    let of_month = matches!(words::lead_of_text(w.text(end + 1)), Some(Lead::Month(_) | Lead::Article));
    if w.is(end, "of") && (of_month || year_at(w, end + 1).is_some()) {
        return None;
    }
    let rolling = i > w.first && w.is(i - 1, "the");
    let date = match (unit, cx.reference) {
        (Some(unit), Some(reference)) if modifier != Modifier::Anaphoric => {
            if rolling {
                rolling_period(reference, unit, modifier)
            } else {
                resolve::period(reference, unit, modifier.step())
            }
        }
        _ => None,
    };
    if unit == Some(Unit::Week)
        && let Some((weekday, after)) = weekday_after_week(w, end)
    {
        return Some(claim(
            after,
            date.map(|week| DateValue::Day(resolve::weekday_in_week(week.first(), weekday))),
        ));
    }
    Some(claim(end, date))
}

/// Days from the reference date for "last night", "this morning".
fn part_of_day(word: &str, modifier: Modifier) -> Option<i64> {
    match (modifier, word) {
        (Modifier::Last, "night" | "evening") => Some(-1),
        (Modifier::This, _) => Some(0),
        _ => None,
    }
}

/// "the past year", "the last month", "the coming year": the span up to or from the reference
/// date.
fn rolling_period(reference: Date, unit: Unit, modifier: Modifier) -> Option<DateValue> {
    let step = match unit {
        Unit::Week => words::Step::Days(7),
        Unit::Fortnight => words::Step::Days(14),
        Unit::Month => words::Step::Months(1),
        Unit::Quarter => words::Step::Months(3),
        Unit::Year => words::Step::Months(12),
        Unit::Decade => words::Step::Months(120),
        Unit::Weekend => return resolve::period(reference, unit, modifier.step()),
    };
    match modifier {
        Modifier::Last | Modifier::Past => {
            let from = resolve::shift(reference, step, -1).saturating_add(1.days());
            Some(DateValue::span(from, reference))
        }
        Modifier::Next | Modifier::Coming => {
            let to = resolve::shift(reference, step, 1).saturating_sub(1.days());
            Some(DateValue::span(reference, to))
        }
        Modifier::This => resolve::period(reference, unit, 0),
        Modifier::Anaphoric => None,
    }
}

/// "next week on Tuesday", "next week Wednesday", "previous week - Monday": a weekday after a
/// week.
fn weekday_after_week(w: &Window, k: usize) -> Option<(jiff::civil::Weekday, usize)> {
    let at = if w.is(k, "on") || matches!(w.text(k), "," | "-" | "–") { k + 1 } else { k };
    let word = folded(w, at)?;
    let (weekday, short) = words::weekday_of(word.as_str())?;
    // Short forms ("Mon", "Wed") only capitalised, which a week before them makes safe.
    (!short || w.capitalised(at)).then_some((weekday, at + 1))
}

/// A season by its modifier: "this summer" is the nearest, "last winter" the latest to have
/// ended, "next spring" the first to start after the reference date.
fn season_by_modifier(reference: Date, start_month: i8, modifier: Modifier) -> Option<DateValue> {
    let start = |year: i16| Date::new(year, start_month, 1).ok();
    let year = reference.year();
    let starts = [year - 2, year - 1, year, year + 1].map(start);
    let chosen = match modifier {
        Modifier::This => resolve::nearest(reference, Tense::Unknown, start)?,
        Modifier::Last | Modifier::Past => {
            starts.into_iter().flatten().filter(|s| s.saturating_add(3.months()) <= reference).max()?
        }
        Modifier::Next | Modifier::Coming => starts.into_iter().flatten().find(|s| *s > reference)?,
        Modifier::Anaphoric => return None,
    };
    resolve::season(chosen.year(), start_month)
}

/// "summer 2019", "the summer of 2019", "in the summer", "during winter", "early spring":
/// a season named with a year, or after a word that makes it a time.
pub(super) fn season_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    let word = folded(w, i)?;
    let start_month = words::season_start(word.as_str())?;
    let (part, part_first) = calendar::part_before(w, i);
    let mut first = part_first;
    if first > w.first && w.is(first - 1, "the") && part == Part::Whole {
        first -= 1;
    }
    if let Some((year, end)) = year_after(w, i + 1) {
        let date = resolve::season(year, start_month).map(|s| resolve::part_of(s, part));
        let mut found = date_claim(w, first, end, date, cx.tense(w, first));
        found.claim.date_parts_mut().written = Some(Written { year: Some(year), ..Written::default() });
        return Some(found);
    }
    // "fall" and "spring" are common words; alone they need a cue, and "fall" a year. A
    // capitalised season alone is more often a name ("a free kick by Winter").
    if word.as_str() == "fall" || w.capitalised(i) && first == i {
        return None;
    }
    let cue = part != Part::Whole
        || first > w.first
            && folded(w, first - 1).is_some_and(|p| {
                matches!(
                    p.as_str(),
                    "in" | "during"
                        | "over"
                        | "until"
                        | "till"
                        | "since"
                        | "by"
                        | "through"
                        | "throughout"
                        | "whole"
                        | "entire"
                )
            });
    if !cue {
        return None;
    }
    let tense = cx.tense(w, first);
    let date = cx
        .reference
        .and_then(|r| resolve::nearest(r, tense, |y| Date::new(y, start_month, 1).ok()))
        .and_then(|start| resolve::season(start.year(), start_month))
        .map(|s| resolve::part_of(s, part));
    Some(date_claim(w, first, i + 1, date, tense))
}

/// Claims led by "the": "the day after tomorrow", "the weekend", "the week after next", "the 5th
/// of May", "the 15th day of next month", "the first quarter of 2013", "the summer of 2019",
/// "the end of the week".
pub(super) fn the_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    let k = i + 1;
    let found = match w.kind(k)? {
        TokenKind::Number => quarter_at(w, k, cx).or_else(|| day_of_month_at(w, k, cx)),
        TokenKind::Word => match words::lead_of_text(w.text(k)) {
            Some(Lead::Season(_)) => season_at(w, k, cx),
            Some(Lead::Number | Lead::Modifier(ModifierWord::Last)) => {
                quarter_at(w, k, cx).or_else(|| day_of_month_at(w, k, cx))
            }
            Some(Lead::Month(_)) => day_of_month_at(w, k, cx),
            Some(Lead::Part) => parted_period_at(w, k, cx),
            Some(_) => None,
            None => match folded(w, k)?.as_str() {
                "day" => day_beside_today(w, i, cx),
                "weekend" => the_weekend(w, i, cx),
                "week" => week_after_next(w, i, cx),
                "rest" => parted_period_at(w, k, cx),
                "final" => quarter_at(w, k, cx),
                _ => None,
            },
        },
        _ => None,
    }?;
    let mut found = found;
    if found.first == k {
        found.first = i;
        found.claim.span = w.span(i, found.end);
    }
    Some(found)
}

/// "the day before yesterday", "the day after tomorrow".
fn day_beside_today(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    let days = if w.phrase_at(i + 1, &["day", "before", "yesterday"]) {
        -2
    } else if w.phrase_at(i + 1, &["day", "after", "tomorrow"]) {
        2
    } else {
        return None;
    };
    let date = cx.reference.map(|r| DateValue::Day(r.saturating_add(days.days())));
    Some(date_claim(w, i, i + 4, date, cx.tense(w, i)))
}

/// "the weekend", "at the weekend", "over the weekend": the last one when the sentence looks
/// back, else the coming one.
fn the_weekend(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    // "the weekend of Halloween" is that weekend, not this one.
    if w.is(i + 2, "of") || w.is(i + 2, "before") || w.is(i + 2, "after") {
        return None;
    }
    let tense = cx.tense(w, i);
    let step = if tense == Tense::Past { -1 } else { 0 };
    let date = cx.reference.and_then(|r| resolve::period(r, Unit::Weekend, step));
    Some(date_claim(w, i, i + 2, date, tense))
}

/// "the week after next".
fn week_after_next(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    if !w.phrase_at(i + 2, &["after", "next"]) {
        return None;
    }
    let date = cx.reference.and_then(|r| resolve::period(r, Unit::Week, 2));
    Some(date_claim(w, i, i + 4, date, cx.tense(w, i)))
}

/// A part of a period, read forwards: "end of the week", "the end of next month", "the rest of
/// the year", "early next year", "later in the week", "at the end of 2025".
pub(super) fn parted_period_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    let (part, k) = part_at(w, i)?;
    if let Some((year, end)) = year_at(w, k) {
        let date = match part {
            PartOf::Part(part) => resolve::year_part(year, part),
            PartOf::Rest => None,
        };
        let mut found = date_claim(w, i, end, date, cx.tense(w, i));
        found.claim.date_parts_mut().written = Some(Written { year: Some(year), ..Written::default() });
        return Some(found);
    }
    // "the week", "the year" alone only after a part: "the end of the week", "end of year".
    let bare = if w.is(k, "the") { Some(k + 1) } else { w.is(k - 1, "of").then_some(k) };
    let (period, end) = if let Some((unit, end)) = bare.and_then(|at| unit_at(w, at)) {
        (unit.and_then(|unit| current_period(cx, unit)), end)
    } else {
        let found = period_at(w, k, cx)?;
        (found.claim.date(), found.end)
    };
    let date = period.and_then(|span| match part {
        PartOf::Rest => cx.reference.map(|r| DateValue::span(r.max(span.first()), span.last())),
        PartOf::Part(part) => Some(resolve::part_of(span, part)),
    });
    Some(date_claim(w, i, end, date, cx.tense(w, i)))
}

/// The period holding the reference date.
fn current_period(cx: &Context, unit: Unit) -> Option<DateValue> {
    cx.reference.and_then(|r| resolve::period(r, unit, 0))
}

/// What part of a period a phrase takes.
enum PartOf {
    Part(Part),
    /// "the rest of": from the reference date to the period's end.
    Rest,
}

/// A part phrase at `i` and the token after it: "end of", "early", "mid-", "earlier in".
fn part_at(w: &Window, i: usize) -> Option<(PartOf, usize)> {
    let word = folded(w, i)?;
    let after_of = |part| w.is(i + 1, "of").then_some((part, i + 2));
    match word.as_str() {
        "end" => after_of(PartOf::Part(Part::End)),
        "beginning" | "start" => after_of(PartOf::Part(Part::Early)),
        "middle" => after_of(PartOf::Part(Part::Middle)),
        "rest" => after_of(PartOf::Rest),
        "early" => Some((PartOf::Part(Part::Early), i + 1)),
        "late" => Some((PartOf::Part(Part::Late), i + 1)),
        "mid" if w.text_is(i + 1, "-") => Some((PartOf::Part(Part::Middle), i + 2)),
        "mid" => Some((PartOf::Part(Part::Middle), i + 1)),
        // "earlier in the week", "later in the year": the whole period, as "earlier this week".
        "earlier" | "later" => w.is(i + 1, "in").then_some((PartOf::Part(Part::Whole), i + 2)),
        _ => None,
    }
}

/// Quarters and halves: "Q3", "Q3 2024", "the first quarter of 2013", "1st quarter of 2013",
/// "the last quarter of 2004", "the first half of the year", "H1 2019". A quarter without a
/// year ("the third quarter") may be a game's, so it needs one.
pub(super) fn quarter_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    let (part, count, k) = if let Some(word) = folded(w, i)
        && let Some((part, count)) = short_quarter(word.as_str())
    {
        (part, count, i + 1)
    } else {
        // Cheap first: the ordinal is one token, so "quarter" or "half" follows it.
        if !(w.is(i + 1, "quarter") || w.is(i + 1, "half")) {
            return None;
        }
        let (count, k) = ordinal_at(w, i)?;
        let part = match folded(w, k)?.as_str() {
            "quarter" => Split::Quarter,
            "half" => Split::Half,
            _ => return None,
        };
        (part, count, k + 1)
    };
    let parts = if part == Split::Quarter { 4 } else { 2 };
    let count = if count == LAST { parts } else { count };
    if count > parts {
        return None;
    }
    let short = k == i + 1;
    let (year, end) = match quarter_year_at(w, k, short, cx) {
        Some((year, end)) => (Some(year), end),
        // "Q3" alone is this year's or the nearest; "H1" alone may be a visa or a road.
        None if short && part == Split::Quarter => (None, k),
        None => return None,
    };
    let tense = cx.tense(w, i);
    let year = year.or_else(|| {
        let start = |y: i16| Date::new(y, (12 / parts * (count - 1) + 1) as i8, 1).ok();
        resolve::nearest(cx.reference?, tense, start).map(|d| d.year())
    });
    let date = year.and_then(|y| split_span(y, part, count));
    let mut found = date_claim(w, i, end, date, tense);
    found.claim.date_parts_mut().written = Some(Written { year, ..Written::default() });
    Some(found)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Split {
    Quarter,
    Half,
}

/// The ordinal standing for "last" or "final".
const LAST: u8 = u8::MAX;

/// "Q3", "H1".
fn short_quarter(word: &str) -> Option<(Split, u8)> {
    let (kind, digit) = word.split_at_checked(1)?;
    let count: u8 = digit.parse().ok()?;
    match kind {
        "q" if (1..=4).contains(&count) => Some((Split::Quarter, count)),
        "h" if (1..=2).contains(&count) => Some((Split::Half, count)),
        _ => None,
    }
}

/// An ordinal from first to fourth, or "last"/"final", at `i`.
fn ordinal_at(w: &Window, i: usize) -> Option<(u8, usize)> {
    if let Some(word) = folded(w, i) {
        if matches!(word.as_str(), "last" | "final") {
            return Some((LAST, i + 1));
        }
        if !words::is_number_word(word.as_str()) {
            return None;
        }
    }
    let number = numbers::parse_at(w.doc, i, w.end)?;
    (number.form == Form::Ordinal && (1.0..=4.0).contains(&number.value) && number.value.fract() == 0.0)
        .then_some((number.value as u8, number.end))
}

/// The year of a quarter: "of 2013", ", 2013", "2013" (after "Q3"), "of the year", "of this
/// year", "of next year".
fn quarter_year_at(w: &Window, k: usize, short: bool, cx: &Context) -> Option<(i16, usize)> {
    if let Some(found) = year_after(w, k) {
        return Some(found);
    }
    if short && w.text_is(k, "-") && w.adjacent(k - 1) {
        return year_at(w, k + 1);
    }
    if !w.is(k, "of") {
        return None;
    }
    let reference = cx.reference?;
    if w.phrase_at(k + 1, &["the", "year"]) {
        return Some((reference.year(), k + 3));
    }
    let (modifier, after) = modifier_at(w, k + 1)?;
    if !w.is(after, "year") || modifier == Modifier::Anaphoric {
        return None;
    }
    Some((reference.year() + modifier.step() as i16, after + 1))
}

fn split_span(year: i16, split: Split, count: u8) -> Option<DateValue> {
    match split {
        Split::Quarter => resolve::quarter(year, count as i8),
        Split::Half => {
            let first = Date::new(year, if count == 1 { 1 } else { 7 }, 1).ok()?;
            Some(DateValue::span(first, first.saturating_add(5.months()).last_of_month()))
        }
    }
}

/// Days written with "the" at `i` (after it): "the 5th of May", "the fourth of July", "the 15th
/// day of next month", "the 21st this month", "the thirty-first day of the month", and "the
/// 5th" alone after "on", "by", "until" and the like.
fn day_of_month_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    if let Some(calendar) = calendar::calendar_at(w, i).filter(|c| c.written.month.is_some()) {
        return Some(calendar::resolve_calendar(w, calendar, cx, ClaimKind::Date));
    }
    // Cheap first: an ordinal in words needs a month after it ("the fifth day of next month").
    if w.kind(i) == Some(TokenKind::Word)
        && !(1..=4).any(|d| ["of", "day", "this", "next", "last"].iter().any(|word| w.is(i + d, word)))
    {
        return None;
    }
    let (day, mut k) = ordinal_day_at(w, i)?;
    if w.is(k, "day") {
        k += 1;
    }
    if let Some(found) = day_of_named_month(w, i, day, k, cx) {
        return Some(found);
    }
    // "the 5th" alone: in figures, after a word that makes it a date, and not "the 5th hole".
    let cue = i >= w.first + 2
        && w.kind(i) == Some(TokenKind::Number)
        && folded(w, i - 2).is_some_and(|p| {
            matches!(p.as_str(), "on" | "by" | "until" | "till" | "since" | "before" | "after")
        });
    let open = match w.kind(k) {
        Some(TokenKind::Word) => ["and", "or", "to", "at"].iter().any(|word| w.is(k, word)),
        _ => !w.text_is(k, "-"),
    };
    if !cue || !open || k != i + 1 {
        return None;
    }
    let tense = cx.tense(w, i);
    let date =
        cx.reference.and_then(|r| resolve::day_of_nearby_month(r, day, None, tense)).map(DateValue::Day);
    let mut found = date_claim(w, i, k, date, tense);
    found.claim.date_parts_mut().written = Some(Written { day: Some(day), ..Written::default() });
    Some(found)
}

/// An ordinal day in digits or words at `i`: "5th", "fifth", "thirty first".
fn ordinal_day_at(w: &Window, i: usize) -> Option<(i8, usize)> {
    if w.kind(i) == Some(TokenKind::Word) {
        return calendar::spelled_day_at(w, i);
    }
    let number = numbers::parse_at(w.doc, i, w.end)?;
    let day = number.value;
    (number.form == Form::Ordinal && day.fract() == 0.0 && (1.0..=31.0).contains(&day))
        .then_some((day as i8, number.end))
}

/// "of next month", "this month", "of the month" after a day: that day of the month.
fn day_of_named_month(w: &Window, i: usize, day: i8, k: usize, cx: &Context) -> Option<Found> {
    let at = if w.is(k, "of") { k + 1 } else { k };
    let (step, end) = if w.phrase_at(at, &["the", "month"]) {
        (0, at + 2)
    } else {
        let (modifier, after) = modifier_at(w, at)?;
        if !w.is(after, "month") || modifier == Modifier::Anaphoric {
            return None;
        }
        (modifier.step(), after + 1)
    };
    let tense = cx.tense(w, i);
    let date = cx.reference.and_then(|r| {
        let first = r.first_of_month().saturating_add(step.months());
        first.with().day(day).build().ok()
    });
    let mut found = date_claim(w, i, end, date.map(DateValue::Day), tense);
    found.claim.date_parts_mut().written = Some(Written { day: Some(day), ..Written::default() });
    Some(found)
}
