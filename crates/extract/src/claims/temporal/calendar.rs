//! Calendar dates as written: "Jan. 31, 2022", "31 January 2022", "the 4th of July", "Thursday,
//! May 8, 2025", "Tuesday the 11th", "2022-01-31", "1/31/2022", "05-Aug-2016", months ("in
//! March", "May 2025"), weekdays, and ranges of days or months ("June 1-5", "June-August 1992").
//!
//! Month names that are also English words ("May", "March") count alone only after a time
//! word; written in lower case they count only beside a day number.

use super::resolve::{self, Part};
use super::words::{self, Lead, Modifier, MonthWord};
use super::{Context, Found, Written, folded, follows_name, year_after, year_at};
use crate::claims::claim::{ClaimKind, DateValue, Qualifier};
use crate::numbers::{self, Form};
use crate::text::token::TokenKind;
use crate::text::window::Window;
use jiff::civil::{Date, Weekday};

/// A parsed calendar expression: what was written, the tokens it covers, and a modifier that
/// places a weekday in a week ("Tuesday of next week").
pub(super) struct Calendar {
    pub written: Written,
    pub first: usize,
    pub end: usize,
    pub modifier: Option<Modifier>,
}

impl Calendar {
    fn new(written: Written, first: usize, end: usize) -> Calendar {
        Calendar { written, first, end, modifier: None }
    }
}

/// What the calendar expression at `i` writes, and the token after it (for datelines).
pub(crate) fn written_at(w: &Window, i: usize) -> Option<(Written, usize)> {
    calendar_at(w, i).map(|c| (c.written, c.end))
}

/// The date at `i` resolved against the reference date, with a day or month range after it.
pub(super) fn date_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    let calendar = calendar_at(w, i)?;
    if let Some(found) = day_range_after(w, &calendar, cx).or_else(|| month_range_after(w, &calendar, cx)) {
        return Some(found);
    }
    Some(resolve_calendar(w, calendar, cx, ClaimKind::Date))
}

/// Full dates, month-day, day-month, month-year, numeric dates, and weekdays.
pub(super) fn calendar_at(w: &Window, i: usize) -> Option<Calendar> {
    match w.kind(i)? {
        TokenKind::Number => day_month_at(w, i).or_else(|| numeric_date_at(w, i)),
        TokenKind::Word => match words::lead_of_text(w.text(i)) {
            Some(Lead::Weekday(..)) => weekday_calendar_at(w, i),
            Some(Lead::Month(_)) => numeric_date_at(w, i).or_else(|| month_day_at(w, i)),
            Some(Lead::Number) => spelled_day_month_at(w, i),
            None => glued_month_day_at(w, i),
            Some(_) => None,
        },
        _ => None,
    }
}

/// A claim for a calendar expression, with a part-of-month modifier ("early", "the end of") or
/// a modifier ("last", "next") before it taken into the claim.
pub(super) fn resolve_calendar(w: &Window, calendar: Calendar, cx: &Context, kind: ClaimKind) -> Found {
    let written = calendar.written;
    let undated = written.day.is_none();
    let (part, mut first) = if undated && written.weekday.is_none() {
        part_before(w, calendar.first)
    } else {
        (Part::Whole, calendar.first)
    };
    let mut modifier = calendar.modifier;
    if modifier.is_none()
        && undated
        && part == Part::Whole
        && let Some((before, at)) = modifier_before(w, first)
    {
        modifier = Some(before);
        first = at;
    }
    let tense = cx.tense(w, first);
    let mut found =
        super::date_claim(w, first, calendar.end, resolve_written(written, part, modifier, tense, cx), tense);
    found.claim.kind = kind;
    found.claim.figure = w.span(calendar.first, calendar.end);
    found.claim.date_parts_mut().written = Some(written);
    found
}

/// A calendar date or span for what was written.
fn resolve_written(
    written: Written,
    part: Part,
    modifier: Option<Modifier>,
    tense: super::Tense,
    cx: &Context,
) -> Option<DateValue> {
    match (written.month, written.day) {
        (Some(month), Some(day)) => {
            let year = match written.year {
                Some(year) => year,
                None => resolve::nearest_year(cx.reference?, month, day, tense)?,
            };
            Date::new(year, month, day).ok().map(DateValue::Day)
        }
        (Some(month), None) => {
            let year = match written.year {
                Some(year) => year,
                None => resolve::month_year(cx.reference?, month, modifier, tense)?,
            };
            Some(resolve::month_part(Date::new(year, month, 1).ok()?, part))
        }
        (None, Some(day)) => {
            resolve::day_of_nearby_month(cx.reference?, day, written.weekday, tense).map(DateValue::Day)
        }
        (None, None) => {
            let date = resolve::weekday_date(cx.reference?, written.weekday?, modifier, tense)?;
            Some(DateValue::Day(date))
        }
    }
}

/// A month name at `i` ("Jan." with its stop): the month, the next token, and how freely the
/// word may be read as a month.
fn month_at(w: &Window, i: usize) -> Option<(i8, usize, MonthWord)> {
    month_word_at(w, i).map(|(month, end, kind, _)| (month, end, kind))
}

/// [`month_at`], and whether the name was possessive ("December's"), which nothing follows.
fn month_word_at(w: &Window, i: usize) -> Option<(i8, usize, MonthWord, bool)> {
    let word = folded(w, i)?;
    let name = word.as_str();
    let month = words::month_number(name)?;
    let mut end = i + 1;
    if name.len() <= 4 && w.text_is(end, ".") && w.adjacent(i) && !matches!(name, "may" | "june" | "july") {
        end += 1;
    }
    Some((month, end, words::month_word(word.as_str(), w.capitalised(i)), word.possessive))
}

/// A day of the month in digits at `i`: "31", "31st".
fn day_at(w: &Window, i: usize) -> Option<(i8, usize)> {
    if w.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let text = w.text(i);
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &text[digits.len()..];
    let ordinal = suffix.eq_ignore_ascii_case("st")
        || suffix.eq_ignore_ascii_case("nd")
        || suffix.eq_ignore_ascii_case("rd")
        || suffix.eq_ignore_ascii_case("th");
    if digits.is_empty() || digits.len() > 2 || !(suffix.is_empty() || ordinal) {
        return None;
    }
    let day: i8 = digits.parse().ok()?;
    // "3:30" and "3 p.m." are times.
    if w.text_is(i + 1, ":") || !(1..=31).contains(&day) {
        return None;
    }
    Some((day, i + 1))
}

/// A day of the month as an ordinal word: "first", "twenty-first", "thirty first".
pub(super) fn spelled_day_at(w: &Window, i: usize) -> Option<(i8, usize)> {
    if w.kind(i) != Some(TokenKind::Word) || !folded(w, i).is_some_and(|f| words::is_number_word(f.as_str()))
    {
        return None;
    }
    let number = numbers::parse_at(w.doc, i, w.end)?;
    let (mut day, mut end) = (number.value, number.end);
    // "thirty first": the tens and the ordinal written apart read as two numbers.
    if number.form == Form::Cardinal && matches!(day, 20.0 | 30.0) && w.kind(end) == Some(TokenKind::Word) {
        let unit =
            numbers::parse_at(w.doc, end, w.end).filter(|n| n.form == Form::Ordinal && n.value < 10.0)?;
        (day, end) = (day + unit.value, unit.end);
    } else if number.form != Form::Ordinal {
        return None;
    }
    (day.fract() == 0.0 && (1.0..=31.0).contains(&day)).then_some((day as i8, end))
}

/// A day after a month name or a weekday: digits, or an ordinal word that ends the phrase ("May
/// first", not "March third-quarter results").
fn day_after_name(w: &Window, i: usize) -> Option<(i8, usize)> {
    if let Some(day) = day_at(w, i) {
        return Some(day);
    }
    let (day, end) = spelled_day_at(w, i)?;
    let closes = match w.kind(end) {
        Some(TokenKind::Word) => ["of", "and", "or", "to", "at"].iter().any(|word| w.is(end, word)),
        Some(TokenKind::Punct) => !matches!(w.text(end), "-" | "–"),
        _ => true,
    };
    closes.then_some((day, end))
}

/// A weekday name at `i` ("Thu." with its stop): the weekday, the next token, and whether it is
/// a short form, which counts only before a date ("Thu., May 8"): "The Sun." and "Sat" are more
/// often a newspaper and a verb.
fn weekday_at(w: &Window, i: usize) -> Option<(Weekday, usize, bool)> {
    let word = folded(w, i)?;
    let (weekday, short) = words::weekday_of(word.as_str())?;
    if !short {
        return Some((weekday, i + 1, false));
    }
    if !w.capitalised(i) {
        return None;
    }
    let end = if w.text_is(i + 1, ".") && w.adjacent(i) { i + 2 } else { i + 1 };
    Some((weekday, end, true))
}

/// "Thursday, May 8, 2025", "Tuesday 11 June", "Tuesday the 11th", "Tuesday of next week",
/// "Tuesday night", "Tuesday".
fn weekday_calendar_at(w: &Window, i: usize) -> Option<Calendar> {
    let (weekday, after, needs_date) = weekday_at(w, i)?;
    let mut k = after;
    if w.text_is(k, ",") {
        k += 1;
    }
    let the = w.is(k, "the");
    let d = if the { k + 1 } else { k };
    if let Some(mut date) =
        month_day_at(w, d).or_else(|| day_month_at(w, d)).or_else(|| spelled_day_month_at(w, d))
    {
        date.written.weekday = Some(weekday);
        date.first = i;
        return Some(date);
    }
    if the && let Some((day, end)) = day_after_name(w, d) {
        let written = Written { day: Some(day), weekday: Some(weekday), ..Written::default() };
        return Some(Calendar::new(written, i, end));
    }
    // "The Sunday Times", "by Sunday Telegraph journalists", "Sheffield Wednesday": names.
    let title = w.capitalised(after) && month_at(w, after).is_none();
    let newspaper = w.text(after).starts_with("Times")
        || ["Telegraph", "Mirror", "Express", "Post", "Herald", "Independent", "Mail", "Tribune"]
            .iter()
            .any(|paper| w.text_is(after, paper));
    let named = title && (newspaper || i > w.first && w.is(i - 1, "the")) || follows_name(w, i);
    if needs_date || named {
        return None;
    }
    let written = Written { weekday: Some(weekday), ..Written::default() };
    if let Some((modifier, end)) = week_of_at(w, after) {
        return Some(Calendar { written, first: i, end, modifier: Some(modifier) });
    }
    let mut end = after;
    if folded(w, end).is_some_and(|p| words::is_part_of_day(p.as_str())) {
        end += 1;
    }
    Some(Calendar::new(written, i, end))
}

/// "of next week", "of the following week", "of last week" after a weekday: the week the
/// weekday falls in.
fn week_of_at(w: &Window, i: usize) -> Option<(Modifier, usize)> {
    if !w.is(i, "of") {
        return None;
    }
    let the = w.is(i + 1, "the");
    let k = if the { i + 2 } else { i + 1 };
    let modifier = words::modifier_of(folded(w, k)?.as_str(), the)?;
    w.is(k + 1, "week").then_some((modifier, k + 2))
}

/// "Jan. 31, 2022", "January 31", "June the 28th", "May first", "May 2025", "March" (with
/// context).
fn month_day_at(w: &Window, i: usize) -> Option<Calendar> {
    let (month, after_month, kind, possessive) = month_word_at(w, i)?;
    let mut written = Written { month: Some(month), ..Written::default() };
    // "December's 4% rise", "in May's final"; "after May's chairman" and "Ant & Dec's" are
    // people and firms.
    if possessive {
        let named = match kind {
            MonthWord::Plain => true,
            MonthWord::Capital => {
                i > w.first
                    && folded(w, i - 1).is_some_and(|p| {
                        matches!(
                            p.as_str(),
                            "in" | "since" | "last" | "next" | "this" | "early" | "late" | "mid"
                        )
                    })
            }
            MonthWord::Lower => false,
        };
        return named.then(|| Calendar::new(written, i, after_month));
    }
    let the = w.is(after_month, "the");
    let d = if the { after_month + 1 } else { after_month };
    // Lower-case "may 5", "march 5" are verbs and figures far more often than dates.
    let day_may_follow = kind != MonthWord::Lower || !matches!(w.text(i), "may" | "march");
    if day_may_follow && let Some((day, after_day)) = day_after_name(w, d) {
        // "May 5 people" is not a date; a unit or count after the number says so.
        let counted = ["percent", "people", "years", "pct"].iter().any(|unit| w.is(after_day, unit));
        if !counted {
            written.day = Some(day);
            let mut end = after_day;
            if let Some((year, after_year)) = year_after(w, end) {
                written.year = Some(year);
                end = after_year;
            }
            return Some(Calendar::new(written, i, end));
        }
    }
    if let Some((year, after_year)) = month_year_after(w, after_month) {
        written.year = Some(year);
        return Some(Calendar::new(written, i, after_year));
    }
    let alone = match kind {
        MonthWord::Plain => true,
        MonthWord::Capital => has_month_cue(w, i) || month_range_follows(w, after_month),
        MonthWord::Lower => false,
    };
    alone.then(|| Calendar::new(written, i, after_month))
}

/// The year after a month name: "May 2025", "May, 2025", "May of 2025".
fn month_year_after(w: &Window, k: usize) -> Option<(i16, usize)> {
    if (w.text_is(k, ",") || w.is(k, "of"))
        && let Some(found) = year_at(w, k + 1)
    {
        return Some(found);
    }
    year_at(w, k)
}

/// A time word before a month that is also an English word: "in May", "early March".
fn has_month_cue(w: &Window, i: usize) -> bool {
    i > w.first
        && folded(w, i - 1).is_some_and(|p| {
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
                    | "between"
            )
        })
}

/// "31 January 2022", "4 June", "the 5th of May", "28 June in 2020".
fn day_month_at(w: &Window, i: usize) -> Option<Calendar> {
    let (day, mut k) = day_at(w, i)?;
    let of = w.is(k, "of");
    if of {
        k += 1;
    }
    let (month, after_month, kind) = month_at(w, k)?;
    let mut written = Written { day: Some(day), month: Some(month), ..Written::default() };
    let mut end = after_month;
    if let Some((year, after_year)) = year_after(w, end) {
        written.year = Some(year);
        end = after_year;
    }
    // "5 may" is more often a figure and a verb than a date: lower-case "may"/"march" need an
    // ordinal, an "of" or a year to be a month.
    let ordinal = w.text(i).bytes().last().is_some_and(|b| b.is_ascii_alphabetic());
    let weak = kind == MonthWord::Lower && matches!(w.text(k), "may" | "march");
    if weak && !(ordinal || of || written.year.is_some()) {
        return None;
    }
    Some(Calendar::new(written, i, end))
}

/// "the fourth of July", "first of May": an ordinal word, "of" and a month.
fn spelled_day_month_at(w: &Window, i: usize) -> Option<Calendar> {
    // Cheap first: an ordinal is at most three words ("twenty - first"), then "of".
    if !(1..=4).any(|k| w.is(i + k, "of")) {
        return None;
    }
    let (day, k) = spelled_day_at(w, i)?;
    if !w.is(k, "of") {
        return None;
    }
    let (month, after_month, _) = month_at(w, k + 1)?;
    let mut written = Written { day: Some(day), month: Some(month), ..Written::default() };
    let mut end = after_month;
    if let Some((year, after_year)) = year_after(w, end) {
        written.year = Some(year);
        end = after_year;
    }
    Some(Calendar::new(written, i, end))
}

/// One part of a numeric date: a number, or a month name ("05-Aug-2016").
enum Piece<'a> {
    Digits(&'a str),
    Month(i8),
}

fn piece_at<'a>(w: &'a Window, i: usize) -> Option<Piece<'a>> {
    match w.kind(i)? {
        TokenKind::Number => {
            let text = w.text(i);
            (text.bytes().all(|b| b.is_ascii_digit()) && text.len() <= 4).then_some(Piece::Digits(text))
        }
        TokenKind::Word => words::month_number(folded(w, i)?.as_str()).map(Piece::Month),
        _ => None,
    }
}

/// "2022-01-31", "1/31/2022", "31/12/2022", and with a month name in any position:
/// "05-Aug-2016", "Sep-23-2020", "2020/Sep/23"; a month and a year or a day: "Dec-2018",
/// "Oct/2".
fn numeric_date_at(w: &Window, i: usize) -> Option<Calendar> {
    let first = piece_at(w, i)?;
    let separator = w.text(i + 1);
    if !matches!(separator, "-" | "/" | ".") || !w.adjacent(i) || !w.adjacent(i + 1) {
        return None;
    }
    let second = piece_at(w, i + 2)?;
    let third = (w.text_is(i + 3, separator) && w.adjacent(i + 2) && w.adjacent(i + 3))
        .then(|| piece_at(w, i + 4))
        .flatten();
    let Some(third) = third else {
        // A month name stands with a year or a day: "Dec-2018", "Dec/2018", "Oct/2".
        let (Piece::Month(month), Piece::Digits(digits)) = (first, second) else {
            return None;
        };
        let written = match (four_digit_year(digits), digits.parse::<i8>()) {
            (Some(year), _) => Written { year: Some(year), month: Some(month), ..Written::default() },
            (None, Ok(day)) if digits.len() <= 2 && (1..=31).contains(&day) => {
                Written { month: Some(month), day: Some(day), ..Written::default() }
            }
            _ => return None,
        };
        return Some(Calendar::new(written, i, i + 3));
    };
    let (year, month, day) = order_date(&[first, second, third], separator)?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let written = Written { year: Some(year), month: Some(month), day: Some(day), weekday: None };
    Some(Calendar::new(written, i, i + 5))
}

fn four_digit_year(text: &str) -> Option<i16> {
    if text.len() != 4 {
        return None;
    }
    text.parse().ok().filter(|y| (1000..=2200).contains(y))
}

/// Year, month and day from three pieces: with a month name, the four-digit piece is the year
/// and the other the day; in digits, ISO order, else American order unless the first part
/// cannot be a month.
fn order_date(pieces: &[Piece; 3], separator: &str) -> Option<(i16, i8, i8)> {
    let named = pieces.iter().find_map(|p| match p {
        Piece::Month(m) => Some(*m),
        Piece::Digits(_) => None,
    });
    let digits: Vec<&str> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Digits(d) => Some(*d),
            Piece::Month(_) => None,
        })
        .collect();
    if let Some(month) = named {
        let [a, b] = digits[..] else { return None };
        let (year, day) = if a.len() == 4 { (a, b) } else { (b, a) };
        return Some((four_digit_year(year)?, month, day.parse().ok().filter(|_| day.len() <= 2)?));
    }
    let [a, b, c] = digits[..] else { return None };
    let number = |s: &str| s.parse::<i8>().ok().filter(|_| s.len() <= 2);
    if a.len() == 4 {
        return Some((four_digit_year(a)?, number(b)?, number(c)?));
    }
    if c.len() != 4 || separator != "/" {
        return None;
    }
    let (first, second) = (number(a)?, number(b)?);
    let year = four_digit_year(c)?;
    Some(if first > 12 { (year, second, first) } else { (year, first, second) })
}

/// "Dec31", "mar4": a month abbreviation with the day glued on.
fn glued_month_day_at(w: &Window, i: usize) -> Option<Calendar> {
    let word = folded(w, i)?;
    let word = word.as_str();
    let split = word.find(|c: char| c.is_ascii_digit())?;
    let (name, digits) = word.split_at(split);
    let month = words::month_number(name)?;
    let day: i8 = digits.parse().ok().filter(|d| (1..=31).contains(d) && digits.len() <= 2)?;
    let mut written = Written { month: Some(month), day: Some(day), ..Written::default() };
    let mut end = i + 1;
    if let Some((year, after_year)) = year_after(w, end) {
        written.year = Some(year);
        end = after_year;
    }
    Some(Calendar::new(written, i, end))
}

/// A part-of-period modifier ending just before token `i`; returns it and where it starts.
pub(super) fn part_before(w: &Window, i: usize) -> (Part, usize) {
    if i > w.first {
        match folded(w, i - 1).as_ref().map(words::Folded::as_str) {
            Some("early") => return (Part::Early, i - 1),
            Some("late") => return (Part::Late, i - 1),
            Some("mid") => return (Part::Middle, i - 1),
            _ => {}
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

/// A modifier just before token `i` ("last", "next", "this past"); returns it and where it
/// starts.
pub(super) fn modifier_before(w: &Window, i: usize) -> Option<(Modifier, usize)> {
    let at = i.checked_sub(1).filter(|&p| p >= w.first)?;
    let the = at > w.first && w.is(at - 1, "the");
    let modifier = words::modifier_of(folded(w, at)?.as_str(), the)?;
    if modifier == Modifier::Past && at > w.first && w.is(at - 1, "this") {
        return Some((Modifier::Past, at - 1));
    }
    Some((modifier, at))
}

/// A word or dash between the two ends of a range at `k`; "and" only after "between".
fn range_word_at(w: &Window, k: usize, start: usize) -> bool {
    matches!(w.text(k), "-" | "–" | "—")
        || ["to", "through", "until", "till"].iter().any(|word| w.is(k, word))
        || (w.is(k, "and") && start > w.first && w.is(start - 1, "between"))
}

/// "June 1-5", "June 1 to 5", "between June 1 and 5": one span of days.
fn day_range_after(w: &Window, calendar: &Calendar, cx: &Context) -> Option<Found> {
    let written = calendar.written;
    let (month, first_day) = (written.month?, written.day?);
    if written.year.is_some() || !range_word_at(w, calendar.end, calendar.first) {
        return None;
    }
    let (last_day, mut end) = day_at(w, calendar.end + 1)?;
    if last_day <= first_day || month_at(w, end).is_some() || w.kind(end) == Some(TokenKind::Number) {
        return None;
    }
    let mut year = None;
    if let Some((y, after_year)) = year_after(w, end) {
        year = Some(y);
        end = after_year;
    }
    Some(day_span(w, calendar.first, end, (year, month, first_day, last_day), written, cx))
}

/// "1-5 June", "1 to 5 June 2024": a span of days written before the month.
pub(super) fn day_range_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    let (first_day, k) = day_at(w, i)?;
    if !range_word_at(w, k, i) {
        return None;
    }
    let second = day_month_at(w, k + 1)?;
    let written = second.written;
    let last_day = written.day?;
    if last_day <= first_day {
        return None;
    }
    let key = (written.year, written.month?, first_day, last_day);
    Some(day_span(w, i, second.end, key, Written { day: Some(first_day), ..written }, cx))
}

/// A claim for days `first_day..=last_day` of `month` (of `year`, else the nearest).
fn day_span(
    w: &Window,
    first: usize,
    end: usize,
    (year, month, first_day, last_day): (Option<i16>, i8, i8, i8),
    written: Written,
    cx: &Context,
) -> Found {
    let tense = cx.tense(w, first);
    let year = year.or_else(|| resolve::nearest_year(cx.reference?, month, first_day, tense));
    let date = year.and_then(|y| {
        Some(DateValue::span(Date::new(y, month, first_day).ok()?, Date::new(y, month, last_day).ok()?))
    });
    let mut found = super::date_claim(w, first, end, date, tense);
    found.claim.qualifier = Qualifier::Range;
    found.claim.date_parts_mut().written = Some(Written { year, ..written });
    found
}

/// Whether a month range continues after a month name ending at `k`: "May to March".
fn month_range_follows(w: &Window, k: usize) -> bool {
    range_word_at(w, k, k) && month_at(w, k + 1).is_some_and(|(_, _, kind)| kind != MonthWord::Lower)
}

/// "June-August 1992", "between August and October", "from May to July": one span of months.
fn month_range_after(w: &Window, calendar: &Calendar, cx: &Context) -> Option<Found> {
    let written = calendar.written;
    let first_month = written.month?;
    if written.day.is_some() || written.weekday.is_some() || written.year.is_some() {
        return None;
    }
    if !range_word_at(w, calendar.end, calendar.first) {
        return None;
    }
    let (last_month, mut end, kind) = month_at(w, calendar.end + 1)?;
    if kind == MonthWord::Lower || day_at(w, end).is_some() {
        return None;
    }
    let tense = cx.tense(w, calendar.first);
    let years = if let Some((year, after_year)) = month_year_after(w, end) {
        end = after_year;
        Some((if first_month <= last_month { year } else { year - 1 }, year))
    } else {
        cx.reference.and_then(|r| {
            let year = resolve::month_year(r, first_month, None, tense)?;
            Some((year, if last_month >= first_month { year } else { year + 1 }))
        })
    };
    let date = years.and_then(|(from, to)| {
        let first = Date::new(from, first_month, 1).ok()?;
        let last = Date::new(to, last_month, 1).ok()?.last_of_month();
        Some(DateValue::span(first, last))
    });
    let mut found = super::date_claim(w, calendar.first, end, date, tense);
    found.claim.qualifier = Qualifier::Range;
    found.claim.date_parts_mut().written = Some(Written { year: years.map(|(from, _)| from), ..written });
    Some(found)
}
