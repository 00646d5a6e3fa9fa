//! Holidays as dates: "Christmas Day", "Easter 2018", "last Easter", "Boxing Day", "Thanksgiving",
//! "St Patrick's Day", "Labor Day weekend".
//!
//! Only names that fix one date are read: "Thanksgiving", "Memorial Day" and "Labor Day" (spelled
//! the American way) as in the US, "Bonfire Night" and "Remembrance Sunday" as in Britain, while
//! "Independence Day" and "Labour Day" name different days in different countries and are left
//! alone, as are Eid and Diwali, which follow calendars this module does not compute. One-word
//! names ("Christmas", "Easter") are also adjectives ("Christmas shopping"), so alone they count
//! only after a time word or before a year.

use super::calendar::modifier_before;
use super::resolve;
use super::words::{self, Modifier};
use super::{Context, Found, Written, date_claim, folded, follows_name, year_after};
use crate::claims::claim::DateValue;
use crate::text::token::TokenKind;
use crate::text::window::Window;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// How a holiday's date is found in a given year.
#[derive(Clone, Copy)]
enum Rule {
    /// The same month and day every year.
    Fixed(i8, i8),
    /// The `nth` `weekday` of a month (-1 for the last).
    Nth(i8, Weekday, i8),
    /// Days from Easter Sunday.
    Easter(i16),
    /// Days from the fourth Thursday of November (US Thanksgiving).
    Thanksgiving(i16),
}

/// When a name counts as a holiday.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Use {
    /// Always: "Boxing Day".
    Always,
    /// Only capitalised, or with a year: "Good Friday" but not "a good Friday".
    Capitalised,
    /// After a time word or before a year: "at Christmas" but not "Christmas shopping".
    Cued,
    /// Only as what an offset counts from: "five days before new year".
    Anchor,
}

struct Holiday {
    words: &'static [&'static str],
    rule: Rule,
    usage: Use,
}

const fn holiday(words: &'static [&'static str], rule: Rule, usage: Use) -> Holiday {
    Holiday { words, rule, usage }
}

/// Names folded to lower case without possessives ("New Year's Day" is "new year day"), longer
/// names before their prefixes.
const HOLIDAYS: &[Holiday] = &[
    holiday(&["new", "year", "day"], Rule::Fixed(1, 1), Use::Always),
    holiday(&["new", "years", "day"], Rule::Fixed(1, 1), Use::Always),
    holiday(&["new", "year", "eve"], Rule::Fixed(12, 31), Use::Always),
    holiday(&["new", "years", "eve"], Rule::Fixed(12, 31), Use::Always),
    holiday(&["new", "year"], Rule::Fixed(1, 1), Use::Anchor),
    holiday(&["christmas", "day"], Rule::Fixed(12, 25), Use::Always),
    holiday(&["christmas", "eve"], Rule::Fixed(12, 24), Use::Always),
    holiday(&["christmas"], Rule::Fixed(12, 25), Use::Cued),
    holiday(&["boxing", "day"], Rule::Fixed(12, 26), Use::Always),
    holiday(&["valentine", "day"], Rule::Fixed(2, 14), Use::Always),
    holiday(&["st", "valentine", "day"], Rule::Fixed(2, 14), Use::Always),
    holiday(&["st", "patrick", "day"], Rule::Fixed(3, 17), Use::Always),
    holiday(&["saint", "patrick", "day"], Rule::Fixed(3, 17), Use::Always),
    holiday(&["saint", "patrick"], Rule::Fixed(3, 17), Use::Cued),
    holiday(&["st", "george", "day"], Rule::Fixed(4, 23), Use::Always),
    holiday(&["st", "andrew", "day"], Rule::Fixed(11, 30), Use::Always),
    holiday(&["st", "david", "day"], Rule::Fixed(3, 1), Use::Always),
    holiday(&["burns", "night"], Rule::Fixed(1, 25), Use::Capitalised),
    holiday(&["groundhog", "day"], Rule::Fixed(2, 2), Use::Always),
    holiday(&["international", "women", "day"], Rule::Fixed(3, 8), Use::Always),
    holiday(&["earth", "day"], Rule::Fixed(4, 22), Use::Always),
    holiday(&["may", "day"], Rule::Fixed(5, 1), Use::Capitalised),
    holiday(&["international", "workers", "day"], Rule::Fixed(5, 1), Use::Always),
    holiday(&["juneteenth"], Rule::Fixed(6, 19), Use::Cued),
    holiday(&["halloween"], Rule::Fixed(10, 31), Use::Cued),
    holiday(&["hallowe'en"], Rule::Fixed(10, 31), Use::Cued),
    holiday(&["bonfire", "night"], Rule::Fixed(11, 5), Use::Capitalised),
    holiday(&["guy", "fawkes", "night"], Rule::Fixed(11, 5), Use::Always),
    holiday(&["armistice", "day"], Rule::Fixed(11, 11), Use::Always),
    holiday(&["remembrance", "day"], Rule::Fixed(11, 11), Use::Always),
    holiday(&["veterans", "day"], Rule::Fixed(11, 11), Use::Always),
    holiday(&["hogmanay"], Rule::Fixed(12, 31), Use::Cued),
    holiday(&["remembrance", "sunday"], Rule::Nth(11, Weekday::Sunday, 2), Use::Always),
    holiday(&["martin", "luther", "king", "day"], Rule::Nth(1, Weekday::Monday, 3), Use::Always),
    holiday(&["martin", "luther", "king", "jr", "day"], Rule::Nth(1, Weekday::Monday, 3), Use::Always),
    holiday(&["mlk", "day"], Rule::Nth(1, Weekday::Monday, 3), Use::Always),
    holiday(&["presidents", "day"], Rule::Nth(2, Weekday::Monday, 3), Use::Capitalised),
    holiday(&["memorial", "day"], Rule::Nth(5, Weekday::Monday, -1), Use::Capitalised),
    holiday(&["holocaust", "memorial", "day"], Rule::Fixed(1, 27), Use::Always),
    holiday(&["father", "day"], Rule::Nth(6, Weekday::Sunday, 3), Use::Always),
    holiday(&["labor", "day"], Rule::Nth(9, Weekday::Monday, 1), Use::Capitalised),
    holiday(&["columbus", "day"], Rule::Nth(10, Weekday::Monday, 2), Use::Always),
    holiday(&["thanksgiving", "day"], Rule::Thanksgiving(0), Use::Capitalised),
    holiday(&["thanksgiving"], Rule::Thanksgiving(0), Use::Cued),
    holiday(&["black", "friday"], Rule::Thanksgiving(1), Use::Capitalised),
    holiday(&["cyber", "monday"], Rule::Thanksgiving(4), Use::Always),
    holiday(&["shrove", "tuesday"], Rule::Easter(-47), Use::Always),
    holiday(&["pancake", "day"], Rule::Easter(-47), Use::Always),
    holiday(&["ash", "wednesday"], Rule::Easter(-46), Use::Always),
    holiday(&["mothering", "sunday"], Rule::Easter(-21), Use::Always),
    holiday(&["palm", "sunday"], Rule::Easter(-7), Use::Always),
    holiday(&["maundy", "thursday"], Rule::Easter(-3), Use::Always),
    holiday(&["good", "friday"], Rule::Easter(-2), Use::Capitalised),
    holiday(&["easter", "sunday"], Rule::Easter(0), Use::Always),
    holiday(&["easter", "day"], Rule::Easter(0), Use::Always),
    holiday(&["easter", "monday"], Rule::Easter(1), Use::Always),
    holiday(&["easter"], Rule::Easter(0), Use::Cued),
    holiday(&["ascension", "day"], Rule::Easter(39), Use::Always),
    holiday(&["whit", "sunday"], Rule::Easter(49), Use::Always),
    holiday(&["pentecost"], Rule::Easter(49), Use::Cued),
];

/// A holiday named at `i`, resolved against the reference date.
pub(super) fn holiday_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    holiday_claim(w, i, cx, false)
}

/// A holiday at `i` as what an offset counts from ("two weeks before Christmas"), where the
/// offset is cue enough.
pub(super) fn anchored_holiday_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    holiday_claim(w, i, cx, true)
}

fn holiday_claim(w: &Window, i: usize, cx: &Context, anchored: bool) -> Option<Found> {
    let word = folded(w, i)?;
    let word = word.as_str();
    let (holiday, end) = HOLIDAYS
        .iter()
        .filter(|h| h.words[0] == word)
        .find_map(|h| name_end(w, i, h.words).map(|end| (h, end)))?;
    // "Easter Island", "Christmas Island" are places.
    if w.is(end, "island") {
        return None;
    }
    let year = year_after(w, end);
    let allowed = year.is_some()
        || match holiday.usage {
            Use::Always => true,
            Use::Capitalised => w.capitalised(i),
            Use::Cued => anchored || has_cue(w, i),
            Use::Anchor => anchored,
        };
    if !allowed {
        return None;
    }
    let (modifier, first) = match modifier_before(w, i) {
        Some((modifier, at)) if year.is_none() => (Some(modifier), at),
        _ => (None, i),
    };
    // "Holocaust Memorial Day": part of a longer name ("Celtic's Boxing Day" is not).
    if follows_name(w, first) {
        return None;
    }
    let mut end = year.map_or(end, |(_, after)| after);
    let tense = cx.tense(w, first);
    let day = match year {
        Some((year, _)) => holiday.rule.date(year),
        None => cx.reference.and_then(|r| resolve_year(r, holiday.rule, modifier, tense)),
    };
    let mut date = day.map(DateValue::Day);
    // "Easter weekend", "Labor Day weekend": the weekend the holiday falls in or next to.
    if w.is(end, "weekend") {
        date = day.map(weekend_around);
        end += 1;
    }
    let mut found = date_claim(w, first, end, date, tense);
    found.claim.date_parts_mut().written = Some(Written { year: year.map(|(y, _)| y), ..Written::default() });
    Some(found)
}

/// The end of a holiday's name at `i`, skipping the stop in "St." and the apostrophe in
/// "Workers' Day".
fn name_end(w: &Window, i: usize, name: &[&str]) -> Option<usize> {
    let mut k = i;
    for (n, part) in name.iter().enumerate() {
        if n > 0 && (w.text_is(k, ".") || w.kind(k) == Some(TokenKind::Quote)) {
            k += 1;
        }
        if folded(w, k)?.as_str() != *part {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// A time word before a one-word holiday: "at Christmas", "over Easter", "last Thanksgiving".
fn has_cue(w: &Window, i: usize) -> bool {
    i > w.first
        && folded(w, i - 1).is_some_and(|p| {
            let p = p.as_str();
            words::modifier_of(p, false).is_some()
                || matches!(
                    p,
                    "on" | "at"
                        | "over"
                        | "by"
                        | "before"
                        | "after"
                        | "until"
                        | "till"
                        | "since"
                        | "from"
                        | "for"
                        | "during"
                        | "around"
                        | "to"
                )
        })
}

impl Rule {
    /// The holiday's date in `year`.
    fn date(self, year: i16) -> Option<Date> {
        match self {
            Rule::Fixed(month, day) => Date::new(year, month, day).ok(),
            Rule::Nth(month, weekday, nth) => nth_weekday(year, month, weekday, nth),
            Rule::Easter(days) => Some(easter(year)?.saturating_add(i64::from(days).days())),
            Rule::Thanksgiving(days) => {
                Some(nth_weekday(year, 11, Weekday::Thursday, 4)?.saturating_add(i64::from(days).days()))
            }
        }
    }
}

/// The holiday's date in the year a modifier or the tense points to: "last Easter" is the latest
/// before the reference date, "next Easter" the first after it, "this Easter" this year's.
fn resolve_year(
    reference: Date,
    rule: Rule,
    modifier: Option<Modifier>,
    tense: super::Tense,
) -> Option<Date> {
    let year = reference.year();
    let dates = [year - 1, year, year + 1].map(|y| rule.date(y));
    match modifier {
        Some(Modifier::Last | Modifier::Past) => dates.into_iter().flatten().filter(|d| *d < reference).max(),
        Some(Modifier::Next | Modifier::Coming) => dates.into_iter().flatten().find(|d| *d > reference),
        Some(Modifier::This) => rule.date(year),
        Some(Modifier::Anaphoric) => None,
        None => resolve::nearest(reference, tense, |y| rule.date(y)),
    }
}

/// The `nth` `weekday` of `month` in `year`; -1 is the last.
fn nth_weekday(year: i16, month: i8, weekday: Weekday, nth: i8) -> Option<Date> {
    let first = Date::new(year, month, 1).ok()?;
    if nth < 0 {
        return Some(resolve::previous_weekday(first.last_of_month(), weekday, true));
    }
    let first_such = resolve::next_weekday(first, weekday, true);
    Some(first_such.saturating_add((7 * i64::from(nth - 1)).days()))
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// The weekend a holiday belongs to: Saturday and Sunday of its week, taking in a Friday or
/// Monday holiday.
fn weekend_around(day: Date) -> DateValue {
    let saturday = resolve::weekday_in_week(resolve::week_monday(day, 0), Weekday::Saturday);
    match day.weekday() {
        Weekday::Friday => DateValue::span(day, saturday.saturating_add(1.days())),
        Weekday::Monday => DateValue::span(day.saturating_sub(2.days()), day),
        _ => DateValue::span(saturday, saturday.saturating_add(1.days())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn every_name_is_a_lead() {
        for holiday in HOLIDAYS {
            let lead = words::lead_of(holiday.words[0]);
            assert!(
                matches!(lead, Some(words::Lead::Holiday | words::Lead::Month(5))),
                "{:?}",
                holiday.words
            );
        }
    }

    #[test]
    fn easter_and_the_us_holidays() {
        assert_eq!(easter(2018), Some(date(2018, 4, 1)));
        assert_eq!(easter(2019), Some(date(2019, 4, 21)));
        assert_eq!(easter(2024), Some(date(2024, 3, 31)));
        assert_eq!(Rule::Thanksgiving(1).date(2010), Some(date(2010, 11, 26)));
        assert_eq!(Rule::Nth(5, Weekday::Monday, -1).date(2024), Some(date(2024, 5, 27)));
    }
}
