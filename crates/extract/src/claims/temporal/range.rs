//! Ranges of years, and ranges of days or months opened by "between" or "from": "between 2010
//! and 2018", "from 2010 to 2018", "2013-14", "2000/01", "between June 1 and 5", "from May to
//! July". Each is one claim whose date is the whole span.

use super::{Context, Found, Written, calendar, date_claim, year_at};
use crate::claims::claim::{DateValue, Qualifier};
use crate::text::token::TokenKind;
use crate::text::window::Window;
use jiff::civil::Date;

/// A range opened by "between" or "from" at `i`.
pub(super) fn range_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    let found = years_at(w, i + 1, true)
        .or_else(|| calendar::date_at(w, i + 1, cx).filter(|f| f.claim.qualifier == Qualifier::Range))?;
    let mut found = found;
    found.first = i;
    found.claim.span = w.span(i, found.end);
    Some(found)
}

/// "2013-14", "2010-2018", "2010 to 2018" at `i`: a season, a fiscal year or a run of years.
pub(super) fn year_range_at(w: &Window, i: usize) -> Option<Found> {
    years_at(w, i, false)
}

/// Two years at `i` joined by a dash, "to", "through", "until", or "and" after "between"
/// (`opened`).
fn years_at(w: &Window, i: usize, opened: bool) -> Option<Found> {
    let (first_year, k) = year_at(w, i)?;
    let glued = w.adjacent(k - 1) && w.adjacent(k);
    let dash = matches!(w.text(k), "-" | "–");
    // "2000/01", "2001/2": a season or a fiscal year.
    let slash = glued && w.text_is(k, "/");
    let joined = dash
        || slash
        || w.is(k, "to")
        || w.is(k, "through")
        || w.is(k, "until")
        || (opened && i > w.first && w.is(k, "and") && w.is(i - 1, "between"));
    if !joined {
        return None;
    }
    let (last_year, end) = second_year(w, k + 1, first_year, (dash || slash) && glued)?;
    // "from 1130 to 1215 GMT" is a span of the clock.
    if ["GMT", "BST", "UTC", "hrs", "hours"].iter().any(|zone| w.text_is(end, zone)) {
        return None;
    }
    let date = Date::new(first_year, 1, 1).ok().zip(Date::new(last_year, 12, 31).ok());
    let mut found =
        date_claim(w, i, end, date.map(|(from, to)| DateValue::span(from, to)), super::Tense::Unknown);
    found.claim.qualifier = Qualifier::Range;
    found.claim.date_parts_mut().written = Some(Written { year: Some(first_year), ..Written::default() });
    Some(found)
}

/// The year that closes a range after `first`: four digits within a century after it, or one or
/// two glued to a dash or slash ("2013-14", "1999-00", "2001/2").
fn second_year(w: &Window, k: usize, first: i16, glued: bool) -> Option<(i16, usize)> {
    if let Some((year, end)) = year_at(w, k) {
        return (year > first && year - first <= 100).then_some((year, end));
    }
    let text = w.text(k);
    if !glued
        || w.kind(k) != Some(TokenKind::Number)
        || text.len() > 2
        || !text.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let short: i16 = text.parse().ok()?;
    let century = first - first % 100;
    // "1999-00" turns the century; "1995-01" is a month, not a run of years.
    let year = match (first % 100, text.len()) {
        (99, 2) if short == 0 => century + 100,
        (_, 2) => century + short,
        // "2001/2": the last digit.
        _ => first - first % 10 + short,
    };
    (year > first && year - first < 10).then_some((year, k + 1))
}
