//! From what the copy wrote to calendar dates, against the reference date.
//!
//! News copy leaves most of a date out and lets the publication date fill it in: "on Tuesday",
//! "in March", "last week". A missing year is the one that puts the date nearest the reference
//! date, leaning the way the sentence's tense points; a bare weekday is the nearest such day
//! before or after it. "Last Tuesday" and "next Tuesday" count in calendar weeks (Monday to
//! Sunday): the Tuesday of the week before, or of the week after, the reference week.

use super::Tense;
use super::words::{Modifier, Step, Unit};
use crate::claims::claim::DateValue;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// Which part of a period: "early", "mid", "late", "the end of".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Whole,
    Early,
    Middle,
    Late,
    End,
}

/// Days a date in the wrong direction for the tense counts as further away: enough to prefer
/// last December over next December in "sales fell in December" written in January.
const AGAINST_TENSE_PENALTY: i64 = 120;

/// Picks, among the dates `candidate` gives for the years around the reference date, the one
/// nearest the reference date, leaning with the tense.
pub(super) fn nearest(
    reference: Date,
    tense: Tense,
    candidate: impl Fn(i16) -> Option<Date>,
) -> Option<Date> {
    let year = reference.year();
    [year - 1, year, year + 1]
        .into_iter()
        .filter_map(|y| {
            let date = candidate(y)?;
            let days = i64::from((date - reference).get_days());
            let penalty = match tense {
                Tense::Future if days < 0 => AGAINST_TENSE_PENALTY,
                Tense::Past if days > 0 => AGAINST_TENSE_PENALTY,
                _ => 0,
            };
            Some((days.abs() + penalty, date))
        })
        .min()
        .map(|(_, date)| date)
}

/// The year that puts `month`/`day` nearest the reference date, leaning with the tense.
pub(super) fn nearest_year(reference: Date, month: i8, day: i8, tense: Tense) -> Option<i16> {
    // Feb. 29 exists only in leap years; fall back to Feb. 28 for the distance.
    let date =
        nearest(reference, tense, |y| Date::new(y, month, day).or_else(|_| Date::new(y, month, 28)).ok())?;
    Some(date.year())
}

/// The year of a month written without one: "last March", "next May", "in June".
pub(super) fn month_year(
    reference: Date,
    month: i8,
    modifier: Option<Modifier>,
    tense: Tense,
) -> Option<i16> {
    let year = reference.year();
    let current = reference.month();
    Some(match modifier {
        Some(Modifier::Anaphoric) => return None,
        Some(Modifier::Last | Modifier::Past) if month >= current => year - 1,
        Some(Modifier::Next | Modifier::Coming) if month <= current => year + 1,
        Some(_) => year,
        None => match tense {
            Tense::Future if month < current => year + 1,
            Tense::Past if month > current => year - 1,
            _ => year,
        },
    })
}

/// The latest `weekday` on or before the reference date (strictly before unless `same_day`).
pub(super) fn previous_weekday(reference: Date, weekday: Weekday, same_day: bool) -> Date {
    let back = (reference.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset()).rem_euclid(7);
    let back = if back == 0 && !same_day { 7 } else { back };
    reference.saturating_sub(i64::from(back).days())
}

/// The first `weekday` on or after the reference date (strictly after unless `same_day`).
pub(super) fn next_weekday(reference: Date, weekday: Weekday, same_day: bool) -> Date {
    let ahead = (weekday.to_monday_zero_offset() - reference.weekday().to_monday_zero_offset()).rem_euclid(7);
    let ahead = if ahead == 0 && !same_day { 7 } else { ahead };
    reference.saturating_add(i64::from(ahead).days())
}

/// The Monday of the week `step` weeks from the reference week.
pub(super) fn week_monday(reference: Date, step: i64) -> Date {
    let monday = reference.saturating_sub(i64::from(reference.weekday().to_monday_zero_offset()).days());
    monday.saturating_add((7 * step).days())
}

/// `weekday` in the week that starts on `monday`.
pub(super) fn weekday_in_week(monday: Date, weekday: Weekday) -> Date {
    monday.saturating_add(i64::from(weekday.to_monday_zero_offset()).days())
}

/// The day a weekday names: "last Tuesday" is the Tuesday of last week, "next Tuesday" that of
/// next week, "this Tuesday" the latest one when the sentence looks back and else the next; a
/// bare weekday follows the tense, and the reference weekday itself is the reference date.
pub(super) fn weekday_date(
    reference: Date,
    weekday: Weekday,
    modifier: Option<Modifier>,
    tense: Tense,
) -> Option<Date> {
    Some(match modifier {
        Some(Modifier::Anaphoric) => return None,
        Some(Modifier::Last) => weekday_in_week(week_monday(reference, -1), weekday),
        Some(Modifier::Next) => weekday_in_week(week_monday(reference, 1), weekday),
        Some(Modifier::Past) => previous_weekday(reference, weekday, false),
        Some(Modifier::Coming) => next_weekday(reference, weekday, false),
        Some(Modifier::This) if tense == Tense::Past => previous_weekday(reference, weekday, true),
        Some(Modifier::This) => next_weekday(reference, weekday, true),
        None => match tense {
            Tense::Future => next_weekday(reference, weekday, true),
            Tense::Past | Tense::Unknown => previous_weekday(reference, weekday, true),
        },
    })
}

/// The period `step` units from the one holding the reference date: "last week", "this
/// quarter", "next year". A fortnight is counted from the reference date, not a calendar.
pub(super) fn period(reference: Date, unit: Unit, step: i64) -> Option<DateValue> {
    Some(match unit {
        Unit::Week => {
            let monday = week_monday(reference, step);
            DateValue::span(monday, monday.saturating_add(6.days()))
        }
        Unit::Weekend => weekend(reference, step),
        Unit::Fortnight => match step {
            -1 => DateValue::span(reference.saturating_sub(14.days()), reference.saturating_sub(1.days())),
            0 => DateValue::span(reference, reference.saturating_add(13.days())),
            _ => DateValue::span(reference.saturating_add(1.days()), reference.saturating_add(14.days())),
        },
        Unit::Month => {
            let first = reference.first_of_month().saturating_add(step.months());
            DateValue::span(first, first.last_of_month())
        }
        Unit::Quarter => {
            let first_month = (reference.month() - 1) / 3 * 3 + 1;
            let first = Date::new(reference.year(), first_month, 1).ok()?.saturating_add((3 * step).months());
            quarter(first.year(), (first.month() - 1) / 3 + 1)?
        }
        Unit::Year => year_part(reference.year() + step as i16, Part::Whole)?,
        Unit::Decade => {
            let first = reference.year() - reference.year() % 10 + 10 * step as i16;
            DateValue::span(Date::new(first, 1, 1).ok()?, Date::new(first + 9, 12, 31).ok()?)
        }
    })
}

/// Saturday and Sunday: this weekend (the one under way on a Sunday), the next, or the last.
fn weekend(reference: Date, step: i64) -> DateValue {
    let this_saturday = if reference.weekday() == Weekday::Sunday {
        reference.saturating_sub(1.days())
    } else {
        next_weekday(reference, Weekday::Saturday, true)
    };
    let saturday = match step {
        -1 => previous_weekday(reference, Weekday::Saturday, false),
        0 => this_saturday,
        _ if matches!(reference.weekday(), Weekday::Saturday | Weekday::Sunday) => {
            this_saturday.saturating_add(7.days())
        }
        _ => this_saturday,
    };
    DateValue::span(saturday, saturday.saturating_add(1.days()))
}

/// Quarter `q` (1 to 4) of `year`.
pub(super) fn quarter(year: i16, q: i8) -> Option<DateValue> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let first = Date::new(year, 3 * q - 2, 1).ok()?;
    Some(DateValue::span(first, first.saturating_add(2.months()).last_of_month()))
}

/// A season as three months from its first, in the northern hemisphere: winter runs from
/// December into the next year.
pub(super) fn season(year: i16, start_month: i8) -> Option<DateValue> {
    let first = Date::new(year, start_month, 1).ok()?;
    Some(DateValue::span(first, first.saturating_add(2.months()).last_of_month()))
}

pub(super) fn month_part(first: Date, part: Part) -> DateValue {
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

pub(super) fn year_part(year: i16, part: Part) -> Option<DateValue> {
    let date = |m: i8, d: i8| Date::new(year, m, d).ok();
    Some(match part {
        Part::Whole => DateValue::span(date(1, 1)?, date(12, 31)?),
        Part::Early => DateValue::span(date(1, 1)?, date(4, 30)?),
        Part::Middle => DateValue::span(date(5, 1)?, date(8, 31)?),
        Part::Late => DateValue::span(date(9, 1)?, date(12, 31)?),
        Part::End => DateValue::Day(date(12, 31)?),
    })
}

/// A part of a span of days: of a calendar month or year as [`month_part`] and [`year_part`]
/// cut them, of anything else by thirds ("early next week", "the end of the quarter").
pub(super) fn part_of(value: DateValue, part: Part) -> DateValue {
    let (from, to) = (value.first(), value.last());
    if from.day() == 1 && to == from.last_of_month() {
        return month_part(from, part);
    }
    if (from.month(), from.day(), to.month(), to.day()) == (1, 1, 12, 31)
        && from.year() == to.year()
        && let Some(year) = year_part(from.year(), part)
    {
        return year;
    }
    let days = i64::from((to - from).get_days());
    let at = |k: i64| from.saturating_add((days * k / 3).days());
    match part {
        Part::Whole => value,
        Part::End => DateValue::Day(to),
        // A day or a weekend has no thirds.
        _ if days < 3 => value,
        Part::Early => DateValue::span(from, at(1)),
        Part::Middle => DateValue::span(at(1).saturating_add(1.days()), at(2)),
        Part::Late => DateValue::span(at(2).saturating_add(1.days()), to),
    }
}

/// A date moved by `count` steps (negative for earlier).
pub(super) fn shift(date: Date, step: Step, count: i64) -> Date {
    match step {
        Step::Days(days) => date.saturating_add((days * count).days()),
        Step::Months(months) => date.saturating_add((months * count).months()),
    }
}

/// Day `day` of the month nearest the reference date, leaning with the tense; with a weekday
/// ("Tuesday the 11th") the month where that day is that weekday wins.
pub(super) fn day_of_nearby_month(
    reference: Date,
    day: i8,
    weekday: Option<Weekday>,
    tense: Tense,
) -> Option<Date> {
    let first = reference.first_of_month();
    let candidates = [-1i64, 0, 1].map(|k| first.saturating_add(k.months()).with().day(day).build().ok());
    if let Some(weekday) = weekday
        && let Some(date) = candidates.into_iter().flatten().find(|d| d.weekday() == weekday)
    {
        return Some(date);
    }
    candidates
        .into_iter()
        .flatten()
        .map(|date| {
            let days = i64::from((date - reference).get_days());
            let against = matches!((tense, days.signum()), (Tense::Future, -1) | (Tense::Past, 1));
            (days.abs() + if against { AGAINST_TENSE_PENALTY } else { 0 }, date)
        })
        .min()
        .map(|(_, date)| date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const THURSDAY: Date = date(2019, 1, 31);

    #[test]
    fn last_and_next_weekdays_count_in_calendar_weeks() {
        let last = |w| weekday_date(THURSDAY, w, Some(Modifier::Last), Tense::Past).unwrap();
        assert_eq!(last(Weekday::Wednesday), date(2019, 1, 23));
        assert_eq!(last(Weekday::Friday), date(2019, 1, 25));
        let next = |w| weekday_date(THURSDAY, w, Some(Modifier::Next), Tense::Future).unwrap();
        assert_eq!(next(Weekday::Friday), date(2019, 2, 8));
        assert_eq!(next(Weekday::Monday), date(2019, 2, 4));
        assert_eq!(
            weekday_date(THURSDAY, Weekday::Thursday, Some(Modifier::Coming), Tense::Unknown),
            Some(date(2019, 2, 7))
        );
        assert_eq!(weekday_date(THURSDAY, Weekday::Thursday, None, Tense::Future), Some(THURSDAY));
        assert_eq!(weekday_date(THURSDAY, Weekday::Friday, Some(Modifier::Anaphoric), Tense::Past), None);
    }

    #[test]
    fn quarters_and_weekends() {
        assert_eq!(
            period(date(2019, 7, 4), Unit::Quarter, -1),
            Some(DateValue::Span { from: date(2019, 4, 1), to: date(2019, 6, 30) })
        );
        assert_eq!(
            period(date(2019, 12, 28), Unit::Quarter, 1),
            Some(DateValue::Span { from: date(2020, 1, 1), to: date(2020, 3, 31) })
        );
        let sunday = date(2019, 2, 3);
        assert_eq!(
            period(sunday, Unit::Weekend, 0),
            Some(DateValue::Span { from: date(2019, 2, 2), to: sunday })
        );
    }

    #[test]
    fn a_day_of_the_month_with_its_weekday() {
        let monday = date(2019, 6, 10);
        assert_eq!(
            day_of_nearby_month(monday, 11, Some(Weekday::Tuesday), Tense::Unknown),
            Some(date(2019, 6, 11))
        );
        assert_eq!(day_of_nearby_month(monday, 30, None, Tense::Past), Some(date(2019, 5, 30)));
    }
}
