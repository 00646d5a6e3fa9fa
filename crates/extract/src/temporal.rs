//! Times in news copy: full dates in AP and British styles, weekdays, months and years, relative
//! dates ("yesterday", "last week", "two weeks ago"), clock times and deadlines ("by early
//! February", "no later than Friday"), resolved to calendar dates against the reference date.
//!
//! A weekday alone names the nearest such day before or after the reference date; which one
//! depends on the tense around it ("will meet on Tuesday" looks ahead, "met on Tuesday" back).

use crate::claim::{Claim, ClaimKind, ClockTime, DateValue, Qualifier};
use crate::numbers::{self, Form, Lower};
use crate::token::TokenKind;
use crate::window::Window;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::Serialize;

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

pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// A temporal claim and the tokens it covers.
pub(crate) struct Found {
    pub first: usize,
    pub end: usize,
    pub claim: Claim,
}

/// Scans for times starting at tokens `w.first..scan_end`. The window may run on past
/// `scan_end` (to the end of the paragraph) so that a phrase broken by stray punctuation ("by
/// early”. February”) is still read whole.
pub(crate) fn scan(w: &Window, scan_end: usize, reference: Option<Date>, out: &mut Vec<Found>) {
    let mut i = w.first;
    while i < scan_end {
        let found = deadline_at(w, i, reference)
            .or_else(|| date_at(w, i, reference))
            .or_else(|| clock_at(w, i))
            .or_else(|| relative_at(w, i, reference));
        match found {
            Some(found) => {
                i = found.end.max(i + 1);
                out.push(found);
            }
            None => i += 1,
        }
    }
}

fn month_number(word: &str) -> Option<(i8, bool)> {
    // (month, whether the word is also a common English word)
    Some(match word {
        "january" | "jan" => (1, false),
        "february" | "feb" => (2, false),
        "march" => (3, true),
        "mar" => (3, false),
        "april" | "apr" => (4, false),
        "may" => (5, true),
        "june" | "jun" => (6, false),
        "july" | "jul" => (7, false),
        "august" | "aug" => (8, false),
        "september" | "sept" | "sep" => (9, false),
        "october" | "oct" => (10, false),
        "november" | "nov" => (11, false),
        "december" | "dec" => (12, false),
        _ => return None,
    })
}

fn weekday_of(word: &str) -> Option<Weekday> {
    let word = word.strip_suffix("'s").unwrap_or(word);
    Some(match word {
        "monday" | "mon" => Weekday::Monday,
        "tuesday" | "tue" | "tues" => Weekday::Tuesday,
        "wednesday" | "wed" => Weekday::Wednesday,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thursday,
        "friday" | "fri" => Weekday::Friday,
        "saturday" | "sat" => Weekday::Saturday,
        "sunday" | "sun" => Weekday::Sunday,
        _ => return None,
    })
}

/// A month name at `i` (capitalised; "Jan." with its stop). Returns the month and the next token.
fn month_at(w: &Window, i: usize) -> Option<(i8, usize, bool)> {
    if !w.capitalised(i) {
        return None;
    }
    let word = w.word(i)?;
    let (month, ambiguous) = month_number(word.as_str())?;
    let abbreviated = word.as_str().len() <= 4 && !matches!(word.as_str(), "may" | "june" | "july");
    let mut end = i + 1;
    if abbreviated && w.text_is(end, ".") && w.adjacent(i) {
        end += 1;
    }
    Some((month, end, ambiguous || abbreviated))
}

/// A day of the month at `i`: "31", "31st".
fn day_at(w: &Window, i: usize) -> Option<(i8, usize)> {
    if w.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let text = w.text(i);
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &text[digits.len()..];
    if digits.len() > 2 || !matches!(suffix.to_ascii_lowercase().as_str(), "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let day: i8 = digits.parse().ok()?;
    // "3:30" and "3 p.m." are times.
    if w.text_is(i + 1, ":") || (1..=31).contains(&day).then_some(()).is_none() {
        return None;
    }
    Some((day, i + 1))
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

fn weekday_at(w: &Window, i: usize) -> Option<(Weekday, usize)> {
    if !w.capitalised(i) {
        return None;
    }
    let word = w.word(i)?;
    let weekday = weekday_of(word.as_str())?;
    // Short forms only with a stop or before a date: "Thu." is rare in prose.
    let mut end = i + 1;
    if word.as_str().len() <= 5 && !word.as_str().ends_with("day") {
        if !(w.text_is(end, ".") && w.adjacent(i)) {
            return None;
        }
        end += 1;
    }
    Some((weekday, end))
}

/// A parsed calendar expression: what was written and the tokens it covers.
struct Calendar {
    written: Written,
    first: usize,
    end: usize,
}

/// What the calendar expression at `i` writes, and the token after it (for datelines).
pub(crate) fn written_at(w: &Window, i: usize) -> Option<(Written, usize)> {
    calendar_at(w, i).map(|c| (c.written, c.end))
}

/// Full dates, month-day, day-month, month-year, ISO dates, and weekdays.
fn calendar_at(w: &Window, i: usize) -> Option<Calendar> {
    if let Some((weekday, mut end)) = weekday_at(w, i) {
        let resume = end;
        if w.text_is(end, ",") {
            end += 1;
        }
        if let Some(mut date) = month_day_at(w, end).or_else(|| day_month_at(w, end)) {
            date.written.weekday = Some(weekday);
            date.first = i;
            return Some(date);
        }
        let mut end = resume;
        // "Tuesday night", "Monday morning"
        if w.word(end).is_some_and(|p| matches!(p.as_str(), "morning" | "afternoon" | "evening" | "night")) {
            end += 1;
        }
        return Some(Calendar {
            written: Written { weekday: Some(weekday), ..Written::default() },
            first: i,
            end,
        });
    }
    month_day_at(w, i).or_else(|| day_month_at(w, i)).or_else(|| numeric_date_at(w, i))
}

/// "Jan. 31, 2022", "January 31", "May 2025", "March" (with context).
fn month_day_at(w: &Window, i: usize) -> Option<Calendar> {
    let (month, after_month, ambiguous) = month_at(w, i)?;
    let mut written = Written { month: Some(month), ..Written::default() };
    let mut end = after_month;
    if let Some((day, after_day)) = day_at(w, end) {
        // "May 5 people" is not a date; a unit or count after the number says so.
        if !w.word(after_day).is_some_and(|n| matches!(n.as_str(), "percent" | "people" | "years" | "pct")) {
            written.day = Some(day);
            end = after_day;
            let mut k = end;
            if w.text_is(k, ",") {
                k += 1;
            }
            if let Some((year, after_year)) = year_at(w, k) {
                written.year = Some(year);
                end = after_year;
            }
            return Some(Calendar { written, first: i, end });
        }
    }
    let mut k = end;
    if w.text_is(k, ",") {
        k += 1;
    }
    if let Some((year, after_year)) = year_at(w, k) {
        written.year = Some(year);
        return Some(Calendar { written, first: i, end: after_year });
    }
    // A month alone: unambiguous names anywhere, "May"/"March" after a time word.
    let cue = i > w.first
        && w.word(i - 1).is_some_and(|p| {
            matches!(
                p.as_str(),
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "of"
                    | "from"
                    | "through"
                    | "before"
                    | "after"
                    | "during"
                    | "end"
                    | "beginning"
                    | "start"
                    | "middle"
            )
        });
    (!ambiguous || cue).then_some(Calendar { written, first: i, end })
}

/// "31 January 2022", "4 June", "the 5th of May".
fn day_month_at(w: &Window, i: usize) -> Option<Calendar> {
    let (day, mut k) = day_at(w, i)?;
    if w.is(k, "of") {
        k += 1;
    }
    let (month, after_month, _) = month_at(w, k)?;
    let mut written = Written { day: Some(day), month: Some(month), ..Written::default() };
    let mut end = after_month;
    let mut y = end;
    if w.text_is(y, ",") {
        y += 1;
    }
    if let Some((year, after_year)) = year_at(w, y) {
        written.year = Some(year);
        end = after_year;
    }
    Some(Calendar { written, first: i, end })
}

/// "2022-01-31", "1/31/2022".
fn numeric_date_at(w: &Window, i: usize) -> Option<Calendar> {
    if w.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let parts: Vec<&str> = (0..5).map(|k| w.text(i + k)).collect();
    let glued = (0..4).all(|k| w.adjacent(i + k));
    if !glued || parts[1] != parts[3] || !matches!(parts[1], "-" | "/" | ".") {
        return None;
    }
    let numbers: Option<Vec<i32>> = [parts[0], parts[2], parts[4]]
        .iter()
        .map(|p| if p.bytes().all(|b| b.is_ascii_digit()) { p.parse().ok() } else { None })
        .collect();
    let numbers = numbers?;
    let (year, month, day) = if parts[0].len() == 4 {
        (numbers[0], numbers[1], numbers[2])
    } else if parts[4].len() == 4 && parts[1] == "/" {
        // American order unless the first part cannot be a month.
        if numbers[0] > 12 {
            (numbers[2], numbers[1], numbers[0])
        } else {
            (numbers[2], numbers[0], numbers[1])
        }
    } else {
        return None;
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let written =
        Written { year: Some(year as i16), month: Some(month as i8), day: Some(day as i8), weekday: None };
    Some(Calendar { written, first: i, end: i + 5 })
}

/// Which part of a month or year: "early", "mid", "late", "the end of".
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    Early,
    Middle,
    Late,
    End,
}

/// A part-of-period modifier ending just before token `i`; returns it and where it starts.
fn part_before(w: &Window, i: usize) -> (Part, usize) {
    if i > w.first {
        if let Some(word) = w.word(i - 1) {
            match word.as_str() {
                "early" => return (Part::Early, i - 1),
                "late" => return (Part::Late, i - 1),
                "mid" => return (Part::Middle, i - 1),
                _ => {}
            }
        }
        // "mid-February"
        if w.text_is(i - 1, "-") && i >= w.first + 2 && w.is(i - 2, "mid") && w.adjacent(i - 2) {
            return (Part::Middle, i - 2);
        }
    }
    for (words, part) in [
        (&["the", "end", "of"][..], Part::End),
        (&["the", "beginning", "of"][..], Part::Early),
        (&["the", "start", "of"][..], Part::Early),
        (&["the", "middle", "of"][..], Part::Middle),
        (&["end", "of"][..], Part::End),
    ] {
        if let Some(start) = i.checked_sub(words.len())
            && start >= w.first
            && w.phrase_at(start, words)
        {
            return (part, start);
        }
    }
    (Part::Whole, i)
}

fn date_at(w: &Window, i: usize, reference: Option<Date>) -> Option<Found> {
    let calendar = calendar_at(w, i)?;
    let (part, first) = if calendar.written.day.is_none() {
        part_before(w, calendar.first)
    } else {
        (Part::Whole, calendar.first)
    };
    Some(resolve_calendar(w, calendar, part, first, reference, ClaimKind::Date))
}

/// A claim for a calendar expression; `first` is where the claim starts (a part-of-month
/// modifier before the expression).
fn resolve_calendar(
    w: &Window,
    calendar: Calendar,
    part: Part,
    first: usize,
    reference: Option<Date>,
    kind: ClaimKind,
) -> Found {
    let tense = match tense(w, first) {
        // A deadline looks ahead unless the copy says otherwise.
        Tense::Unknown if kind == ClaimKind::Deadline => Tense::Future,
        tense => tense,
    };
    let date = resolve(calendar.written, part, reference, tense, w, calendar.first);
    let mut claim = Claim::new(kind, w.span(first, calendar.end));
    claim.figure = w.span(calendar.first, calendar.end);
    claim.date = date;
    claim.written = Some(calendar.written);
    claim.tense = Some(tense);
    Found { first, end: calendar.end, claim }
}

/// A calendar date or span for what was written.
fn resolve(
    written: Written,
    part: Part,
    reference: Option<Date>,
    tense: Tense,
    w: &Window,
    at: usize,
) -> Option<DateValue> {
    match (written.month, written.day) {
        (Some(month), Some(day)) => {
            let year = match written.year {
                Some(year) => year,
                None => nearest_year(reference?, month, day, tense)?,
            };
            Date::new(year, month, day).ok().map(DateValue::Day)
        }
        (Some(month), None) => {
            let year = match written.year {
                Some(year) => year,
                None => nearest_month_year(reference?, month, tense, w, at),
            };
            let first = Date::new(year, month, 1).ok()?;
            Some(month_part(first, part))
        }
        _ => {
            let weekday = written.weekday?;
            let reference = reference?;
            let modifier = at.checked_sub(1).filter(|&p| p >= w.first).and_then(|p| w.word(p));
            let date = match modifier.as_ref().map(Lower::as_str) {
                Some("last" | "past") => previous_weekday(reference, weekday, false),
                Some("next") => next_weekday(reference, weekday, false),
                Some("this") | Some("coming") => next_weekday(reference, weekday, true),
                _ => match tense {
                    Tense::Future => next_weekday(reference, weekday, true),
                    Tense::Past | Tense::Unknown => previous_weekday(reference, weekday, true),
                },
            };
            Some(DateValue::Day(date))
        }
    }
}

fn month_part(first: Date, part: Part) -> DateValue {
    let last = first.last_of_month();
    let day = |d: i8| first.with().day(d).build().unwrap_or(first);
    match part {
        Part::Whole => DateValue::span(first, last),
        Part::Early => DateValue::span(first, day(10)),
        Part::Middle => DateValue::span(day(11), day(20)),
        Part::Late => DateValue::span(day(21), last),
        Part::End => DateValue::Day(last),
    }
}

fn year_part(year: i16, part: Part) -> Option<DateValue> {
    let date = |m: i8, d: i8| Date::new(year, m, d).ok();
    Some(match part {
        Part::Whole => DateValue::span(date(1, 1)?, date(12, 31)?),
        Part::Early => DateValue::span(date(1, 1)?, date(4, 30)?),
        Part::Middle => DateValue::span(date(5, 1)?, date(8, 31)?),
        Part::Late => DateValue::span(date(9, 1)?, date(12, 31)?),
        Part::End => DateValue::Day(date(12, 31)?),
    })
}

/// The year that puts `month`/`day` nearest the reference date, leaning with the tense.
fn nearest_year(reference: Date, month: i8, day: i8, tense: Tense) -> Option<i16> {
    let candidates = [reference.year() - 1, reference.year(), reference.year() + 1];
    let distance = |year: i16| {
        // Feb. 29 exists only in leap years; fall back to Feb. 28 for distance.
        let date = Date::new(year, month, day).or_else(|_| Date::new(year, month, 28)).ok()?;
        let days = i64::from((date - reference).get_days());
        let penalty = match tense {
            Tense::Future if days < 0 => 120,
            Tense::Past if days > 0 => 120,
            _ => 0,
        };
        Some(days.abs() + penalty)
    };
    candidates.into_iter().filter_map(|y| distance(y).map(|d| (d, y))).min().map(|(_, y)| y)
}

fn nearest_month_year(reference: Date, month: i8, tense: Tense, w: &Window, at: usize) -> i16 {
    let previous = at.checked_sub(1).filter(|&p| p >= w.first).and_then(|p| w.word(p));
    let year = reference.year();
    let current = reference.month();
    match previous.as_ref().map(Lower::as_str) {
        Some("last") => {
            if month < current {
                year
            } else {
                year - 1
            }
        }
        Some("next") => {
            if month > current {
                year
            } else {
                year + 1
            }
        }
        _ => match tense {
            Tense::Future if month < current => year + 1,
            Tense::Past if month > current => year - 1,
            _ => year,
        },
    }
}

/// The latest `weekday` on or before the reference date (strictly before unless `same_day`).
fn previous_weekday(reference: Date, weekday: Weekday, same_day: bool) -> Date {
    let back = (reference.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset()).rem_euclid(7);
    let back = if back == 0 && !same_day { 7 } else { back };
    reference.saturating_sub((back as i64).days())
}

/// The first `weekday` on or after the reference date (strictly after unless `same_day`).
fn next_weekday(reference: Date, weekday: Weekday, same_day: bool) -> Date {
    let ahead = (weekday.to_monday_zero_offset() - reference.weekday().to_monday_zero_offset()).rem_euclid(7);
    let ahead = if ahead == 0 && !same_day { 7 } else { ahead };
    reference.saturating_add((ahead as i64).days())
}

/// The tense of the clause around token `at`: the nearest marker before it decides; reporting
/// verbs ("said") do not count, since they frame rather than time the event.
pub(crate) fn tense(w: &Window, at: usize) -> Tense {
    let mut k = at;
    while k > w.first {
        k -= 1;
        let Some(word) = w.word(k) else { continue };
        let word = word.as_str();
        if is_future_marker(word) || word == "to" && w.word(k + 1).is_some_and(|n| is_future_verb(n.as_str()))
        {
            return Tense::Future;
        }
        if is_past_marker(word) {
            return Tense::Past;
        }
    }
    // "Tuesday's vote will decide": look a few words ahead.
    for k in at + 1..(at + 6).min(w.end) {
        let Some(word) = w.word(k) else { continue };
        if is_future_marker(word.as_str()) {
            return Tense::Future;
        }
        if is_past_marker(word.as_str()) {
            return Tense::Past;
        }
    }
    Tense::Unknown
}

fn is_future_marker(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "shall"
            | "'ll"
            | "scheduled"
            | "planned"
            | "plans"
            | "plan"
            | "due"
            | "upcoming"
            | "ahead"
            | "expected"
            | "expects"
            | "set"
            | "slated"
            | "going"
            | "tomorrow"
            | "next"
            | "coming"
            | "intends"
            | "aims"
            | "hopes"
            | "would"
    ) || w.ends_with("'ll")
}

fn is_future_verb(w: &str) -> bool {
    matches!(
        w,
        "meet" | "vote" | "hold" | "visit" | "decide" | "announce" | "begin" | "start" | "travel" | "sign"
    )
}

fn is_past_marker(w: &str) -> bool {
    if matches!(
        w,
        "said"
            | "says"
            | "told"
            | "added"
            | "according"
            | "reported"
            | "confirmed"
            | "announced"
            | "stated"
            | "noted"
            | "explained"
            | "wrote"
            | "tweeted"
            | "claimed"
            | "argued"
    ) {
        // Reporting verbs frame the sentence; they do not time the event.
        return false;
    }
    matches!(
        w,
        "was"
            | "were"
            | "had"
            | "did"
            | "met"
            | "held"
            | "went"
            | "came"
            | "began"
            | "took"
            | "made"
            | "left"
            | "last"
            | "ago"
            | "yesterday"
            | "earlier"
            | "fell"
            | "rose"
            | "won"
            | "lost"
            | "gave"
            | "saw"
            | "spoke"
            | "died"
            | "killed"
            | "sent"
            | "got"
            | "ran"
    ) || (w.ends_with("ed")
        && w.len() > 4
        && !matches!(w, "scheduled" | "planned" | "expected" | "needed" | "proposed"))
}

/// "by early February", "before July 1", "no later than Friday", "by the end of March".
fn deadline_at(w: &Window, i: usize, reference: Option<Date>) -> Option<Found> {
    let (qualifier, after) = if w.is(i, "by") {
        (Qualifier::AtMost, i + 1)
    } else if w.is(i, "before") {
        (Qualifier::LessThan, i + 1)
    } else if w.phrase_at(i, &["no", "later", "than"]) || w.phrase_at(i, &["not", "later", "than"]) {
        (Qualifier::AtMost, i + 3)
    } else {
        return None;
    };
    // A part-of-period modifier: "the end of", "early", "mid-".
    let mut k = after;
    let mut part = Part::Whole;
    for (words, modifier) in [
        (&["the", "end", "of"][..], Part::End),
        (&["the", "middle", "of"], Part::Middle),
        (&["the", "beginning", "of"], Part::Early),
        (&["the", "start", "of"], Part::Early),
        (&["end", "of"], Part::End),
    ] {
        if w.phrase_at(k, words) {
            k += words.len();
            part = modifier;
            break;
        }
    }
    if part == Part::Whole {
        if w.is(k, "early") {
            part = Part::Early;
            k += 1;
        } else if w.is(k, "late") {
            part = Part::Late;
            k += 1;
        } else if w.is(k, "mid") {
            part = Part::Middle;
            k += if w.text_is(k + 1, "-") { 2 } else { 1 };
        }
    }
    // Stray closing quotes or a full stop inside the phrase ("by early”. February") do not hide
    // the month after them; the punctuation rules report the stray marks.
    if part != Part::Whole {
        let mut skip = k;
        while skip < k + 3 && matches!(w.text(skip), "”" | "’" | "\"" | "." | ",") {
            skip += 1;
        }
        if skip > k && month_at(w, skip).is_some() {
            k = skip;
        }
    }
    let found = if let Some(calendar) = calendar_at(w, k) {
        resolve_calendar(w, calendar, part, after, reference, ClaimKind::Deadline)
    } else if let Some((year, end)) = year_at(w, k) {
        // "by 2030", "by the end of 2025", "by mid-2026"
        let mut claim = Claim::new(ClaimKind::Deadline, w.span(after, end));
        claim.figure = w.span(k, end);
        claim.date = year_part(year, part);
        claim.written = Some(Written { year: Some(year), ..Written::default() });
        Found { first: after, end, claim }
    } else {
        return None;
    };
    if found.first < after {
        return None;
    }
    let mut found = found;
    found.first = i;
    found.claim.kind = ClaimKind::Deadline;
    found.claim.qualifier = qualifier;
    found.claim.span = w.span(i, found.end);
    found.claim.tense = Some(tense(w, i));
    Some(found)
}

/// "3 p.m.", "10:30 a.m. EST", "15:30", "noon", "midnight".
fn clock_at(w: &Window, i: usize) -> Option<Found> {
    if w.is(i, "noon") || w.is(i, "midnight") || w.is(i, "midday") {
        let hour = if w.is(i, "midnight") { 0 } else { 12 };
        return Some(time_claim(w, i, i + 1, ClockTime { hour, minute: 0 }));
    }
    if w.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let text = w.text(i);
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = text[digits.len()..].to_ascii_lowercase();
    if digits.len() > 2 || digits.contains(['.', ',']) {
        return None;
    }
    let mut hour: u8 = digits.parse().ok()?;
    let mut minute = 0u8;
    let mut end = i + 1;
    let mut has_minutes = false;
    if suffix.is_empty()
        && w.text_is(end, ":")
        && w.adjacent(i)
        && w.adjacent(end)
        && w.kind(end + 1) == Some(TokenKind::Number)
    {
        let minutes_text = w.text(end + 1);
        let minute_digits = minutes_text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if minute_digits.len() != 2 {
            return None;
        }
        minute = minute_digits.parse().ok()?;
        has_minutes = true;
        end += 2;
        let rest = minutes_text[minute_digits.len()..].to_ascii_lowercase();
        if !rest.is_empty() {
            return apply_meridiem(&rest, hour, minute).map(|t| time_claim(w, i, zone_end(w, end), t));
        }
    }
    if !suffix.is_empty() {
        let time = apply_meridiem(&suffix, hour, minute)?;
        return Some(time_claim(w, i, zone_end(w, end), time));
    }
    if let Some((meridiem, after)) = meridiem_at(w, end) {
        let time = apply_meridiem(meridiem, hour, minute)?;
        return Some(time_claim(w, i, zone_end(w, after), time));
    }
    if w.is(end, "o'clock") || w.is(end, "o’clock") {
        return (hour <= 12).then(|| time_claim(w, i, end + 1, ClockTime { hour, minute: 0 }));
    }
    if has_minutes && hour < 24 && minute < 60 {
        if hour == 24 {
            hour = 0;
        }
        return Some(time_claim(w, i, zone_end(w, end), ClockTime { hour, minute }));
    }
    None
}

fn apply_meridiem(meridiem: &str, hour: u8, minute: u8) -> Option<ClockTime> {
    if hour == 0 || hour > 12 || minute > 59 {
        return None;
    }
    let hour = match meridiem {
        "am" | "a.m" | "a.m." => hour % 12,
        "pm" | "p.m" | "p.m." => hour % 12 + 12,
        _ => return None,
    };
    Some(ClockTime { hour, minute })
}

/// "a.m." / "p.m." / "am" / "pm" written as separate tokens at `i`.
fn meridiem_at(w: &Window, i: usize) -> Option<(&'static str, usize)> {
    let word = w.word(i)?;
    match word.as_str() {
        "am" => Some(("am", i + 1)),
        "pm" => Some(("pm", i + 1)),
        "a" | "p" if w.text_is(i + 1, ".") && w.adjacent(i) && w.is(i + 2, "m") && w.adjacent(i + 1) => {
            let end = if w.text_is(i + 3, ".") && w.adjacent(i + 2) { i + 4 } else { i + 3 };
            Some((if word.as_str() == "a" { "am" } else { "pm" }, end))
        }
        _ => None,
    }
}

/// Extends a time over a time zone: "EST", "GMT", "local time".
fn zone_end(w: &Window, end: usize) -> usize {
    let zone = w.text(end);
    if matches!(
        zone,
        "GMT"
            | "UTC"
            | "BST"
            | "CET"
            | "CEST"
            | "EST"
            | "EDT"
            | "CST"
            | "CDT"
            | "MST"
            | "MDT"
            | "PST"
            | "PDT"
            | "ET"
            | "PT"
            | "CT"
            | "IST"
            | "JST"
            | "AEST"
            | "AEDT"
            | "MSK"
    ) {
        return end + 1;
    }
    if w.phrase_at(end, &["local", "time"]) {
        return end + 2;
    }
    end
}

fn time_claim(w: &Window, first: usize, end: usize, time: ClockTime) -> Found {
    let mut claim = Claim::new(ClaimKind::Time, w.span(first, end));
    claim.time = Some(time);
    Found { first, end, claim }
}

/// "yesterday", "last week", "next month", "two weeks ago", "in three days", "this year".
fn relative_at(w: &Window, i: usize, reference: Option<Date>) -> Option<Found> {
    let word = w.word(i)?;
    let day = |offset: i64| reference.map(|r| DateValue::Day(r.saturating_add(offset.days())));
    let simple = match word.as_str() {
        "today" | "tonight" => Some((i + 1, day(0))),
        "yesterday" => Some((i + 1, day(-1))),
        "tomorrow" => Some((i + 1, day(1))),
        _ => None,
    };
    if let Some((end, date)) = simple {
        // "Tomorrow's", "yesterday morning"
        let end = if w
            .word(end)
            .is_some_and(|p| matches!(p.as_str(), "morning" | "afternoon" | "evening" | "night"))
        {
            end + 1
        } else {
            end
        };
        return Some(relative_claim(w, i, end, date));
    }
    // "the day before yesterday", "the day after tomorrow"
    if w.phrase_at(i, &["the", "day", "before", "yesterday"]) {
        return Some(relative_claim(w, i, i + 4, day(-2)));
    }
    if w.phrase_at(i, &["the", "day", "after", "tomorrow"]) {
        return Some(relative_claim(w, i, i + 4, day(2)));
    }
    // "last week", "next month", "this year", "last night", "this morning"
    let step = match word.as_str() {
        "last" | "past" | "previous" => Some(-1),
        "next" | "coming" => Some(1),
        "this" => Some(0),
        _ => None,
    };
    if let Some(step) = step {
        let unit = w.word(i + 1)?;
        let date = match unit.as_str() {
            "week" => reference.and_then(|r| week_span(r, step)),
            "weekend" => reference.and_then(|r| weekend(r, step)),
            "month" => reference.and_then(|r| month_span(r, step)),
            "year" => reference.map(|r| r.year() + step as i16).and_then(|y| year_part(y, Part::Whole)),
            "night" | "evening" if step == -1 => day(-1),
            "morning" | "afternoon" | "evening" | "night" if step == 0 => day(0),
            _ => return None,
        };
        if word.as_str() == "past" && unit.as_str() == "year" {
            return None;
        }
        let (first, _) = earlier_later_before(w, i);
        return Some(relative_claim(w, first, i + 2, date));
    }
    // "two weeks ago", "a year ago", "in three days", "three days from now"
    let number =
        numbers::parse_at(w.doc, i, w.end).filter(|n| n.form == Form::Cardinal && n.vague.is_none())?;
    let unit = w.word(number.end)?;
    let days_per = match unit.as_str() {
        "day" | "days" => 1,
        "week" | "weeks" => 7,
        "month" | "months" => 30,
        "year" | "years" => 365,
        _ => return None,
    };
    let count = number.value;
    if count.fract() != 0.0 || count > 1000.0 {
        return None;
    }
    let shift = |sign: i64| {
        reference.map(|r| {
            let n = sign * count as i64;
            let date = match days_per {
                30 => r.saturating_add(n.months()),
                365 => r.saturating_add(n.years()),
                _ => r.saturating_add((n * days_per).days()),
            };
            DateValue::Day(date)
        })
    };
    let after = number.end + 1;
    if w.is(after, "ago") {
        return Some(relative_claim(w, i, after + 1, shift(-1)));
    }
    if w.phrase_at(after, &["from", "now"]) {
        return Some(relative_claim(w, i, after + 2, shift(1)));
    }
    if i > w.first && w.is(i - 1, "in") && !w.is(after, "of") {
        return Some(relative_claim(w, i - 1, after, shift(1)));
    }
    None
}

/// "earlier this month", "later this year": the claim starts at the adverb.
fn earlier_later_before(w: &Window, i: usize) -> (usize, bool) {
    if i > w.first && (w.is(i - 1, "earlier") || w.is(i - 1, "later")) {
        return (i - 1, true);
    }
    (i, false)
}

fn relative_claim(w: &Window, first: usize, end: usize, date: Option<DateValue>) -> Found {
    let mut claim = Claim::new(ClaimKind::Date, w.span(first, end));
    claim.date = date;
    claim.tense = Some(tense(w, first));
    Found { first, end, claim }
}

fn week_span(reference: Date, step: i64) -> Option<DateValue> {
    let monday = reference.saturating_sub((reference.weekday().to_monday_zero_offset() as i64).days());
    let monday = monday.saturating_add((7 * step).days());
    Some(DateValue::span(monday, monday.saturating_add(6.days())))
}

fn weekend(reference: Date, step: i64) -> Option<DateValue> {
    let saturday = next_weekday(reference, Weekday::Saturday, true);
    let saturday = match step {
        -1 => previous_weekday(reference, Weekday::Saturday, false),
        1 if reference.weekday() == Weekday::Saturday || reference.weekday() == Weekday::Sunday => {
            saturday.saturating_add(7.days())
        }
        _ => saturday,
    };
    Some(DateValue::span(saturday, saturday.saturating_add(1.days())))
}

fn month_span(reference: Date, step: i64) -> Option<DateValue> {
    let first = reference.first_of_month().saturating_add(step.months());
    Some(DateValue::span(first, first.last_of_month()))
}

#[cfg(test)]
mod tests {
    use crate::claim::{ClaimKind, DateValue, Qualifier};
    use crate::document::{Document, Options};
    use jiff::civil::{Date, date};

    fn dated(text: &str, reference: Date) -> Vec<(ClaimKind, String, Option<DateValue>)> {
        let doc = Document::parse(text, &Options { reference_date: Some(reference), ..Options::default() })
            .unwrap();
        crate::extract(&doc)
            .into_iter()
            .filter(|c| c.kind.is_temporal())
            .map(|c| (c.kind, doc.slice(c.span).to_string(), c.date))
            .collect()
    }

    fn one(text: &str, reference: Date) -> (ClaimKind, String, Option<DateValue>) {
        let found = dated(text, reference);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    const MONDAY: Date = date(2022, 1, 31);

    #[test]
    fn full_dates_in_ap_and_british_style() {
        for text in [
            "It ended on Jan. 31, 2022.",
            "It ended on 31 January 2022.",
            "It ended on 2022-01-31.",
            "It ended on January 31st, 2022.",
        ] {
            assert_eq!(one(text, MONDAY).2, Some(DateValue::Day(date(2022, 1, 31))), "{text}");
        }
        let (_, written, value) = one("It opened on Thursday, May 8, 2025.", MONDAY);
        assert_eq!(written, "Thursday, May 8, 2025");
        assert_eq!(value, Some(DateValue::Day(date(2025, 5, 8))));
    }

    #[test]
    fn weekdays_follow_the_tense() {
        assert_eq!(one("They will meet on Tuesday.", MONDAY).2, Some(DateValue::Day(date(2022, 2, 1))));
        assert_eq!(one("They met on Tuesday.", MONDAY).2, Some(DateValue::Day(date(2022, 1, 25))));
        assert_eq!(
            one("Officials confirmed on Monday that it arrived.", MONDAY).2,
            Some(DateValue::Day(MONDAY))
        );
        assert_eq!(one("After Monday's meeting, nothing changed.", MONDAY).2, Some(DateValue::Day(MONDAY)));
        assert_eq!(
            one("A call is scheduled between the two leaders on Tuesday.", MONDAY).2,
            Some(DateValue::Day(date(2022, 2, 1)))
        );
    }

    #[test]
    fn months_years_and_parts() {
        assert_eq!(
            one("Talks resume in March.", MONDAY).2,
            Some(DateValue::Span { from: date(2022, 3, 1), to: date(2022, 3, 31) })
        );
        assert_eq!(
            one("It opened in May 2025.", MONDAY).2,
            Some(DateValue::Span { from: date(2025, 5, 1), to: date(2025, 5, 31) })
        );
        assert_eq!(
            one("It will happen in early February.", MONDAY).2,
            Some(DateValue::Span { from: date(2022, 2, 1), to: date(2022, 2, 10) })
        );
        assert_eq!(
            one("It will happen in mid-February.", MONDAY).2,
            Some(DateValue::Span { from: date(2022, 2, 11), to: date(2022, 2, 20) })
        );
    }

    #[test]
    fn relative_dates() {
        assert_eq!(one("The bill passed yesterday.", MONDAY).2, Some(DateValue::Day(date(2022, 1, 30))));
        assert_eq!(
            one("It happened last week.", MONDAY).2,
            Some(DateValue::Span { from: date(2022, 1, 24), to: date(2022, 1, 30) })
        );
        assert_eq!(
            one("It will happen next month.", MONDAY).2,
            Some(DateValue::Span { from: date(2022, 2, 1), to: date(2022, 2, 28) })
        );
        assert_eq!(one("They left two weeks ago.", MONDAY).2, Some(DateValue::Day(date(2022, 1, 17))));
        assert_eq!(one("They return in two weeks.", MONDAY).2, Some(DateValue::Day(date(2022, 2, 14))));
    }

    #[test]
    fn clock_times() {
        for (text, written) in [
            ("It starts at 3 p.m. sharp.", "3 p.m."),
            ("It starts at 3pm sharp.", "3pm"),
            ("It starts at 10:30 a.m. EST today.", "10:30 a.m. EST"),
            ("It starts at 15:30 sharp.", "15:30"),
            ("It starts at noon sharp.", "noon"),
        ] {
            let found = dated(text, MONDAY);
            assert!(
                found.iter().any(|(kind, w, _)| *kind == ClaimKind::Time && w == written),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn deadlines_are_date_ranges() {
        let doc = Document::parse(
            "Troops will arrive by early February.",
            &Options { reference_date: Some(MONDAY), ..Options::default() },
        )
        .unwrap();
        let claims = crate::extract(&doc);
        let deadline = claims.iter().find(|c| c.kind == ClaimKind::Deadline).expect("a deadline");
        assert_eq!(doc.slice(deadline.span), "by early February");
        assert_eq!(deadline.qualifier, Qualifier::AtMost);
        assert_eq!(deadline.date, Some(DateValue::Span { from: date(2022, 2, 1), to: date(2022, 2, 10) }));
        assert_eq!(one("Reply by the end of March.", MONDAY).2, Some(DateValue::Day(date(2022, 3, 31))));
        assert_eq!(one("Pay before July 1.", MONDAY).0, ClaimKind::Deadline);
        assert_eq!(one("Reply no later than Friday.", MONDAY).2, Some(DateValue::Day(date(2022, 2, 4))));
    }

    #[test]
    fn durations() {
        let doc = Document::from_text("Leave within 48 hours; he served for four years.");
        let kinds: Vec<_> = crate::extract(&doc).into_iter().map(|c| (c.kind, c.value, c.unit)).collect();
        assert_eq!(
            kinds,
            vec![
                (ClaimKind::Duration, Some(48.0), Some("h")),
                (ClaimKind::Duration, Some(4.0), Some("year"))
            ]
        );
    }

    #[test]
    fn without_a_reference_relative_dates_stay_unresolved() {
        let doc = Document::from_text("They met on Tuesday and will meet again on March 3.");
        let dates: Vec<_> = crate::extract(&doc).into_iter().map(|c| c.date).collect();
        assert_eq!(dates, vec![None, None]);
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        let doc = Document::from_text("Prices may rise. May I ask? The vote is in May.");
        assert_eq!(crate::extract(&doc).len(), 1);
    }
}
