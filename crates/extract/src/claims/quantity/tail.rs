//! What follows the number and says what kind of figure it is: a percent sign, a currency, a
//! unit of measure ("5 miles", "10-mile", "98.6 degrees Fahrenheit"), or a year.

use super::*;
use crate::text::span::Span;

/// Reads a percent sign, currency, or unit after the figure.
pub(super) fn tail_after(s: &Window, n: &Number, money: Option<&'static str>) -> Tail {
    let at = n.end;
    if let Some(suffix) = n.suffix {
        return glued_tail(s, suffix, at);
    }
    if let Some(tail) = percent_after(s, at) {
        return tail;
    }
    if money.is_some() {
        return Tail { end: at, ..Tail::default() };
    }
    currency_after(s, at).unwrap_or_else(|| unit_after(s, at))
}

/// Letters glued to the digits: a unit ("5km", "6ft", "5km/h") or "pc" for percent.
fn glued_tail(s: &Window, suffix: Span, at: usize) -> Tail {
    let doc = s.doc;
    let mut tail = Tail { end: at, ..Tail::default() };
    let lower = Lower::new(doc.slice(suffix));
    let word = lower.as_str();
    if let Some(code) = units::unit_word(word).or_else(|| glued_unit(word)) {
        set_unit(&mut tail, code, at);
        // "5km/h"
        if code == "km" && s.text_is(at, "/") && s.is(at + 1, "h") {
            set_unit(&mut tail, "km/h", at + 2);
        }
        return tail;
    }
    if word == "pc" {
        tail.unit = Some("%");
        tail.kind = Some(ClaimKind::Percent);
    }
    tail
}

/// A percent sign or word after the figure: "5%", "5 percent", "5 per cent", "2 percentage
/// points", "50 basis points".
fn percent_after(s: &Window, at: usize) -> Option<Tail> {
    let mut tail = Tail { end: at, ..Tail::default() };
    if s.text_is(at, "%") {
        tail.unit = Some("%");
        tail.kind = Some(ClaimKind::Percent);
        tail.end = at + 1;
        return Some(tail);
    }
    let w = s.word(at);
    let w = w.as_ref().map(|w| w.as_str()).unwrap_or("");
    let percent = match w {
        "percent" | "pct" | "percentage" if s.is(at + 1, "points") || s.is(at + 1, "point") => {
            Some(("pp", at + 2))
        }
        "percent" | "pct" | "percentage" => Some(("%", at + 1)),
        "per" if s.is(at + 1, "cent") => Some(("%", at + 2)),
        "pp" | "ppt" | "ppts" => Some(("pp", at + 1)),
        "basis" if s.is(at + 1, "points") || s.is(at + 1, "point") => Some(("bp", at + 2)),
        _ => None,
    };
    if let Some((unit, end)) = percent {
        // "5 per cent points" is rare; "percentage points" was handled above.
        let (unit, end) = if unit == "%" && (s.is(end, "points") || s.is(end, "point")) && w == "per" {
            ("pp", end + 1)
        } else {
            (unit, end)
        };
        tail.unit = Some(unit);
        tail.kind = Some(ClaimKind::Percent);
        tail.end = end;
        return Some(tail);
    }
    None
}

/// A currency written after the figure.
fn currency_after(s: &Window, at: usize) -> Option<Tail> {
    let doc = s.doc;
    let mut tail = Tail { end: at, ..Tail::default() };
    // Currency after: "5 million dollars", "155 mln dlrs", "10 Hong Kong dollars", "a one-yen
    // bid".
    let hyphen = s.text_is(at, "-") && doc.adjacent(at) && doc.adjacent(at - 1);
    if hyphen && let Some(code) = s.word(at + 1).and_then(|w| units::currency_word(w.as_str())) {
        tail.unit = Some(code);
        tail.kind = Some(ClaimKind::Money);
        tail.end = at + 2;
        return Some(tail);
    }
    let mut k = at;
    let mut country = None;
    while k < at + 2 {
        match s.word(k).and_then(|w| units::dollar_country(w.as_str())) {
            Some(code) => {
                country = Some(code);
                k += 1;
            }
            None => break,
        }
        if s.is(k - 1, "hong") || s.is(k - 1, "new") {
            continue;
        }
    }
    if s.is(at, "hong") && s.is(at + 1, "kong") {
        country = Some("HKD");
        k = at + 2;
    }
    if let Some(code) = s.word(k).and_then(|w| units::currency_word(w.as_str())) {
        tail.unit = Some(if code == "USD" { country.unwrap_or(code) } else { code });
        tail.kind = Some(ClaimKind::Money);
        tail.end = k + 1;
        return Some(tail);
    }
    // "75 USD", "75 USD million", "30 MUSD"
    if let Some((code, factor)) =
        s.kind(at).filter(|&k| k == TokenKind::Word).and_then(|_| units::currency_code(doc.token_text(at)))
    {
        tail.unit = Some(code);
        tail.kind = Some(ClaimKind::Money);
        tail.end = at + 1;
        let written = s.word(at + 1).and_then(|w| numbers::scale(w.as_str())).filter(|&f| f >= 1e3);
        if written.is_some() {
            tail.end += 1;
        }
        let total = factor * written.unwrap_or(1.0);
        tail.scale = (total != 1.0).then_some(total);
        return Some(tail);
    }
    None
}

/// A unit of measure after the figure.
fn unit_after(s: &Window, at: usize) -> Tail {
    let doc = s.doc;
    let mut tail = Tail { end: at, ..Tail::default() };
    // Units: "10-mile", "47-year", "5 miles", "10 square miles", "98.6 degrees Fahrenheit".
    let mut k = at;
    if s.text_is(k, "-") && doc.adjacent(k - 1) && doc.adjacent(k) {
        k += 1;
    }
    let hyphenated = k > at;
    if let Some((code, end)) = unit_phrase(s, k, hyphenated) {
        if code == "lb" && money_context(s) {
            tail.unit = Some("GBP");
            tail.kind = Some(ClaimKind::Money);
            tail.end = end;
            return tail;
        }
        set_unit(&mut tail, code, end);
    }
    tail
}

/// Units written glued to digits that are not whole words: "5km" reads through `unit_word`,
/// these are the extra abbreviations ("24703m2", "100t", "5ft").
pub(super) fn glued_unit(word: &str) -> Option<&'static str> {
    Some(match word {
        "m" => "m",
        "in" => "in",
        "t" => "t",
        "g" => "g",
        "c" => "°C",
        "f" => "°F",
        "kmh" => "km/h",
        "sqm" => "m2",
        "mw" => "MW",
        "gw" => "GW",
        "kw" => "kW",
        _ => return None,
    })
}

pub(super) fn set_unit(tail: &mut Tail, code: &'static str, end: usize) {
    tail.unit = Some(code);
    tail.end = end;
    let dimension = units::measure_by_code(code).map(|u| u.dimension);
    tail.kind = Some(if dimension == Some(units::Dimension::Time) {
        ClaimKind::Duration
    } else {
        ClaimKind::Measure
    });
}

/// A unit written in words at `k`: one word, or "square miles", "metric tons", "degrees
/// Fahrenheit", "miles per hour", "km/h", "°C".
pub(super) fn unit_phrase(s: &Window, k: usize, hyphenated: bool) -> Option<(&'static str, usize)> {
    let doc = s.doc;
    if s.kind(k) == Some(TokenKind::Punct) && matches!(doc.token_text(k), "°" | "℃" | "℉") {
        return match doc.token_text(k) {
            "℃" => Some(("°C", k + 1)),
            "℉" => Some(("°F", k + 1)),
            _ => match s.word(k + 1).filter(|_| doc.adjacent(k)).as_ref().map(|w| w.as_str()) {
                Some("c") => Some(("°C", k + 2)),
                Some("f") => Some(("°F", k + 2)),
                _ => Some(("°", k + 1)),
            },
        };
    }
    let word = s.word(k)?;
    let w = word.as_str();
    match w {
        "square" | "sq" => {
            let length = s.word(k + 1).and_then(|n| units::unit_word(n.as_str()))?;
            return units::squared(length).map(|code| (code, k + 2));
        }
        "cubic" => {
            let length = s.word(k + 1).and_then(|n| units::unit_word(n.as_str()))?;
            return match length {
                "m" => Some(("m3", k + 2)),
                "ft" => Some(("cu ft", k + 2)),
                _ => None,
            };
        }
        "metric" if s.word(k + 1).is_some_and(|n| matches!(n.as_str(), "ton" | "tons" | "tonnes")) => {
            return Some(("t", k + 2));
        }
        "degrees" | "degree" => {
            return match s.word(k + 1).as_ref().map(|n| n.as_str()) {
                Some("fahrenheit" | "f") => Some(("°F", k + 2)),
                Some("celsius" | "centigrade" | "c") => Some(("°C", k + 2)),
                Some("kelvin") => Some(("K", k + 2)),
                _ => Some(("°", k + 1)),
            };
        }
        "light" if s.is(k + 1, "years") || s.is(k + 1, "year") => return None,
        // Single letters and "in" are units only when glued to the digits.
        "m" | "t" | "g" | "l" | "in" | "c" | "f" | "st" | "mi" => {
            return (hyphenated || w == "mi" || w == "m" && next_is_break(s, k))
                .then_some(())
                .and_then(|_| units::unit_word(w).or_else(|| glued_unit(w)))
                .map(|code| (code, k + 1));
        }
        _ => {}
    }
    // "pounds" are weight here; the caller makes them sterling when the copy speaks of paying.
    let code = units::unit_word(w)?;
    // "km/h", "miles per hour", "kilometres an hour"
    if s.text_is(k + 1, "/") && s.is(k + 2, "h") && code == "km" {
        return Some(("km/h", k + 3));
    }
    if (s.is(k + 1, "per") || s.is(k + 1, "an") || s.is(k + 1, "a")) && s.is(k + 2, "hour") {
        match code {
            "mi" => return Some(("mph", k + 3)),
            "km" => return Some(("km/h", k + 3)),
            _ => {}
        }
    }
    Some((code, k + 1))
}

pub(super) fn next_is_break(s: &Window, k: usize) -> bool {
    k + 1 >= s.end || matches!(s.kind(k + 1), Some(TokenKind::Punct) | None)
}

/// Whether the sentence speaks of money (so "pounds" are sterling).
pub(super) fn money_context(s: &Window) -> bool {
    (s.first..s.end).any(|k| {
        s.word(k).is_some_and(|w| {
            matches!(
                w.as_str(),
                "cost"
                    | "costs"
                    | "paid"
                    | "pay"
                    | "pays"
                    | "worth"
                    | "price"
                    | "priced"
                    | "spent"
                    | "spend"
                    | "raised"
                    | "fine"
                    | "fined"
                    | "sold"
                    | "bought"
                    | "earn"
                    | "earned"
                    | "earns"
                    | "salary"
                    | "budget"
                    | "bill"
                    | "fee"
                    | "fees"
                    | "charge"
                    | "charged"
                    | "wage"
                    | "wages"
                    | "profit"
                    | "revenue"
                    | "sterling"
                    | "million"
                    | "billion"
                    | "bonus"
                    | "donated"
                    | "loan"
            )
        })
    })
}

/// After the figure, does a plural noun follow (people are being counted, not metres)?
pub(super) fn counts_after(s: &Window, at: usize) -> bool {
    let mut k = at;
    if s.is(k, "of") {
        k += 1;
    }
    s.word(k).is_some_and(|w| {
        let w = w.as_str();
        !ends_subject(w)
            && units::unit_word(w).is_none()
            && (w.ends_with('s') || matches!(w, "people" | "children" | "men" | "women"))
    })
}

pub(super) fn preceded_by_time_word(s: &Window, first: usize) -> bool {
    first > s.first
        && s.word(first - 1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "during"
                    | "before"
                    | "after"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "through"
                    | "throughout"
                    | "year"
                    | "season"
                    | "summer"
                    | "winter"
                    | "spring"
                    | "autumn"
                    | "fall"
            )
        })
}

/// The years a four-digit number names, if it could be a year.
pub(super) fn year_span(value: f64) -> Option<DateValue> {
    if !(1000.0..=2200.0).contains(&value) {
        return None;
    }
    let year = value as i16;
    Some(DateValue::Span { from: Date::new(year, 1, 1).ok()?, to: Date::new(year, 12, 31).ok()? })
}

pub(super) fn decade(value: f64) -> Option<DateValue> {
    let year = if value < 100.0 { 1900.0 + value } else { value };
    let year = year as i16;
    Some(DateValue::Span { from: Date::new(year, 1, 1).ok()?, to: Date::new(year + 9, 12, 31).ok()? })
}
