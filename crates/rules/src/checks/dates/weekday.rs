//! `weekday`: the weekday written with a date is not that date's weekday.
//!
//! A date with its year is checked as written. Without one ("on Friday, March 6"), the year is
//! the one the sentence points to from the story's date: in a past clause ("was held on"), the
//! latest such day up to the story's date; in a future one ("will meet on"), the first from it;
//! otherwise the nearest either side, so that "Friday, Jan. 2" in a story of Dec. 30 is next
//! year's. The story's date may be a day off the date where the event happened (time zones), so
//! each side takes in a day more. With no weekday fitting, the date the copy most likely meant is
//! the one reported.

use super::long_date;
use super::tense::stated_tense;
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::jiff::ToSpan;
use factlint_extract::jiff::civil::Date;
use factlint_extract::{Claim, DateValue, Document, TIME_ZONE_DAYS, weekday_name};

pub(super) fn weekday(rule: &Rule, doc: &Document, claim: &Claim) -> Option<Finding> {
    let written = claim.written()?;
    let stated = written.weekday?;
    let (month, day) = (written.month?, written.day?);
    let date = match written.year {
        Some(_) => match claim.date() {
            Some(DateValue::Day(date)) => date,
            _ => return None,
        },
        None => {
            let reference = doc.reference_date()?;
            // Only the strict tense: the extractor's leans on any verb in "-ed" in the sentence
            // ("rescheduled its meeting to Monday, May 11").
            let candidates = yearless_candidates(reference, month, day, stated_tense(doc, claim));
            if candidates.iter().any(|date| date.weekday() == stated) {
                return None;
            }
            *candidates.first()?
        }
    };
    let actual = date.weekday();
    if actual == stated {
        return None;
    }
    // The weekday is the first word of the date as written.
    let weekday_token = doc.token_at(claim.figure.start);
    let span = doc.tokens()[weekday_token].span;
    let written_day = doc.slice(span);
    let replacement = if written_day.len() > 4 {
        weekday_name(actual).to_string()
    } else {
        weekday_name(actual)[..3].to_string()
    };
    Some(rule.finding(
        span,
        &[("date", &long_date(date)), ("written", weekday_name(stated)), ("actual", weekday_name(actual))],
        Some(replacement),
    ))
}

/// The dates a yearless month and day may stand for around the story's date, the likeliest
/// first: the latest up to the story's date in a past clause (`future` false), the first from it
/// in a future one, the nearest either side otherwise; then any other within the time-zone day.
fn yearless_candidates(reference: Date, month: i8, day: i8, future: Option<bool>) -> Vec<Date> {
    let slack = i64::from(TIME_ZONE_DAYS).days();
    let around: Vec<Date> = [reference.year() - 1, reference.year(), reference.year() + 1]
        .into_iter()
        .filter_map(|year| Date::new(year, month, day).ok())
        .collect();
    let fits_tense = |date: &Date| match future {
        Some(false) => *date <= reference.saturating_add(slack),
        Some(true) => *date >= reference.saturating_sub(slack),
        None => true,
    };
    let distance = |date: &Date| (*date - reference).get_days().abs();
    let likeliest = around.iter().copied().filter(fits_tense).min_by_key(distance);
    let near = around.into_iter().filter(|date| distance(date) <= TIME_ZONE_DAYS && Some(*date) != likeliest);
    likeliest.into_iter().chain(near).collect()
}
