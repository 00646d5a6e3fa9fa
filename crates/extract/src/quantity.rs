//! Figures: counts, money, percentages, measures, ordinals, ages and scores.
//!
//! For each number in a sentence this module reads the words around it: a qualifier before
//! ("more than", "nearly") or after ("or more"), a second number making a range ("10-20",
//! "between 10 and 20"), a currency, a percent sign or a unit, and what the figure counts (the
//! noun phrase after it: "30,000 troops", "tens of thousands of soldiers"). Dates and times are
//! taken first by `temporal`; their tokens are skipped here.

use crate::claim::{Claim, ClaimKind, DateValue, Qualifier, Subject};
use crate::lexicon::{
    QUALIFIERS_AFTER, QUALIFIERS_BEFORE, is_function_word, looks_like_verb, singular, strip_possessive,
};
use crate::numbers::{self, Form, Lower, Number};
use crate::token::TokenKind;
use crate::units;
use crate::window::Window;
use jiff::civil::Date;

pub(crate) fn scan(window: &Window, out: &mut Vec<Claim>) {
    let mut i = window.first;
    while i < window.end {
        if let Some(end) = window.taken_end(i) {
            i = end;
            continue;
        }
        match claim_at(window, i) {
            Some((claim, next)) => {
                out.push(claim);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
}

/// What was read after the number.
#[derive(Default)]
struct Tail {
    unit: Option<&'static str>,
    kind: Option<ClaimKind>,
    end: usize,
}

fn claim_at(s: &Window, i: usize) -> Option<(Claim, usize)> {
    let doc = s.doc;
    let token_kind = s.kind(i)?;
    // A currency before the figure: "$5", "US$5", "£5m", "USD 5".
    let (money, number_at) = match token_kind {
        TokenKind::Punct => {
            let code = units::currency_sign(doc.token_text(i), None)?;
            (s.kind(i + 1) == Some(TokenKind::Number) && doc.adjacent(i)).then_some((Some(code), i + 1))?
        }
        TokenKind::Word
            if doc.adjacent(i) && s.text_is(i + 1, "$") && s.kind(i + 2) == Some(TokenKind::Number) =>
        {
            let code = units::currency_sign("$", Some(doc.token_text(i)))?;
            (Some(code), i + 2)
        }
        TokenKind::Word if s.kind(i + 1) == Some(TokenKind::Number) => {
            match units::currency_code(doc.token_text(i)) {
                Some(code) => (Some(code), i + 1),
                None => (None, i),
            }
        }
        TokenKind::Word => {
            if !numbers::may_start_number(doc.token_text(i)) {
                return None;
            }
            (None, i)
        }
        TokenKind::Number => (None, i),
        TokenKind::Quote => return None,
    };
    if money.is_none() && is_identifier(s, number_at) {
        return None;
    }
    let mut n = numbers::parse_at(doc, number_at, s.end)?;
    if let Some(end) = s.taken_end(n.end.saturating_sub(1)) {
        // The number runs into a date ("May 2"): leave it to the date.
        if end > n.first {
            return None;
        }
    }
    let mut first = i;

    // A glued "m": million after a currency, metres otherwise unless people are counted.
    if let Some(suffix) = n.suffix
        && doc.slice(suffix).eq_ignore_ascii_case("m")
        && (money.is_some() || counts_after(s, n.end))
    {
        n.value *= 1e6;
        n.scale = 1e6;
        n.magnitude = true;
        n.suffix = None;
    }

    // A sign: "-10C", "minus five".
    if let Some(sign_at) = negative_sign(s, first) {
        n.value = -n.value;
        first = sign_at;
    }

    let (qualifier_before, qualifier_at) = qualifier_before(s, first);
    let mut qualifier = qualifier_before;
    let mut claim_start = qualifier_at.unwrap_or(first);

    // A second number: a range or a score.
    let mut range: Option<Number> = None;
    let mut score: Option<(f64, f64)> = None;
    let mut end = n.end;
    if n.vague.is_none()
        && n.suffix.is_none()
        && let Some((second, kind)) = second_number(s, &n, claim_start)
    {
        end = second.end;
        match kind {
            Pairing::Range => {
                if second.magnitude && !n.magnitude && n.value * second.scale <= second.value {
                    n.value *= second.scale;
                }
                if qualifier == Qualifier::Exact || qualifier_is_range_marker(s, claim_start) {
                    qualifier = Qualifier::Range;
                }
                range = Some(second);
            }
            Pairing::Score => score = Some((n.value, second.value)),
            Pairing::YearSpan => return None,
        }
    }
    if qualifier_before == Qualifier::Range && range.is_none() {
        // "between" without a second figure was not a range marker.
        qualifier = Qualifier::Exact;
        claim_start = first;
    }

    let last = range.as_ref().unwrap_or(&n);
    let mut tail = if score.is_some() { Tail { end, ..Tail::default() } } else { tail_after(s, last, money) };
    if tail.end < end {
        tail.end = end;
    }
    let mut figure_end = tail.end;

    // Qualifiers after: "30 or more", "50-plus".
    if qualifier == Qualifier::Exact
        && range.is_none()
        && let Some((q, after)) = qualifier_after(s, figure_end)
    {
        qualifier = q;
        figure_end = after;
    }

    let mut kind = tail.kind.unwrap_or(ClaimKind::Count);
    if let Some(code) = money {
        kind = ClaimKind::Money;
        tail.unit = Some(code);
    }
    if score.is_some() {
        kind = ClaimKind::Score;
    } else if tail.kind.is_none() && money.is_none() {
        kind = match n.form {
            Form::Ordinal => ClaimKind::Ordinal,
            Form::Decade => ClaimKind::Date,
            Form::Fraction | Form::Cardinal => ClaimKind::Count,
        };
    }

    let mut claim = Claim::new(kind, s.span(claim_start, figure_end));
    claim.figure = s.span(first, figure_end.max(first + 1));
    claim.qualifier = qualifier;
    claim.unit = tail.unit;
    if n.form == Form::Fraction && kind == ClaimKind::Count {
        claim.unit = Some("fraction");
    }

    match (kind, n.vague, &range) {
        (ClaimKind::Score, ..) => {
            claim.score = score;
        }
        (ClaimKind::Date, ..) => {
            claim.date = decade(n.value);
        }
        (_, Some((low, high)), _) => {
            claim.qualifier = Qualifier::Vague;
            claim.value = Some(low);
            claim.low = Some(low);
            claim.high = Some(high);
        }
        (_, None, Some(second)) => {
            claim.value = Some(n.value);
            claim.low = Some(n.value.min(second.value));
            claim.high = Some(n.value.max(second.value));
        }
        (_, None, None) => {
            claim.value = Some(n.value);
            let (low, high) = qualifier.interval(n.value);
            claim.low = low;
            claim.high = high;
        }
    }

    // Ages: "47-year-old", "aged 47", "Dana Ortiz, 47,".
    if let Some((age_end, person)) = age(s, &n, &tail, claim_start) {
        claim.kind = ClaimKind::Age;
        claim.unit = Some("year");
        claim.person = person;
        figure_end = figure_end.max(age_end);
        claim.span = s.span(claim_start, figure_end);
    }

    // A bare year: "in 2019", "the 2005 election".
    if claim.kind == ClaimKind::Count
        && n.year_like
        && money.is_none()
        && range.is_none()
        && qualifier == Qualifier::Exact
        && let Some(date) = year_span(n.value)
        && (!counts_after(s, figure_end) || preceded_by_time_word(s, first))
    {
        let mut year = Claim::new(ClaimKind::Date, n.span);
        year.figure = n.span;
        year.date = Some(date);
        return Some((year, n.end));
    }

    if claim.kind == ClaimKind::Score || claim.kind == ClaimKind::Date {
        return Some((claim, figure_end));
    }

    claim.additive = additive_before(s, claim_start);
    claim.owner = owner_before(s, claim_start);
    if claim.owner.is_some() {
        claim.span = s.span(claim_start - 1, figure_end).cover(claim.span);
    }
    if let Some((subject, subject_end, additive)) = subject_after(s, figure_end, &claim) {
        claim.additive |= additive;
        claim.span = claim.span.cover(subject.span);
        claim.subject = Some(subject);
        figure_end = subject_end;
    }
    // "one" with nothing counted is a pronoun: "one of the", "no one said".
    if n.words
        && n.value == 1.0
        && n.end == n.first + 1
        && claim.subject.is_none()
        && claim.kind == ClaimKind::Count
    {
        return None;
    }
    // "the seven-member board": a size of a body.
    if let Some((subject, owner, compound_end)) = member_compound(s, &n) {
        claim.subject = Some(subject);
        claim.owner = Some(owner);
        claim.span = claim.span.cover(s.span(claim_start, compound_end));
        figure_end = figure_end.max(compound_end);
    }
    Some((claim, figure_end))
}

/// "F-16", "COVID-19", "G7", "No. 10": numbers that name rather than count.
fn is_identifier(s: &Window, i: usize) -> bool {
    let doc = s.doc;
    if i == 0 || i <= s.first {
        return false;
    }
    let previous = i - 1;
    if !doc.adjacent(previous) {
        return false;
    }
    match doc.token_kind(previous) {
        Some(TokenKind::Word) => true,
        Some(TokenKind::Punct) => {
            let mark = doc.token_text(previous);
            if matches!(mark, "#" | "." | ":" | "/") {
                return true;
            }
            if mark == "-" && previous > s.first && doc.adjacent(previous - 1) {
                let word = doc.token_text(previous - 1);
                return doc.token_kind(previous - 1) == Some(TokenKind::Word)
                    && word.chars().next().is_some_and(char::is_uppercase);
            }
            false
        }
        _ => false,
    }
}

fn negative_sign(s: &Window, first: usize) -> Option<usize> {
    let doc = s.doc;
    if first == 0 || first <= s.first {
        return None;
    }
    let before = first - 1;
    if s.is(before, "minus") {
        return Some(before);
    }
    let mark = doc.token_text(before);
    let spaced_before = before == s.first || !doc.adjacent(before - 1);
    (matches!(mark, "-" | "−") && doc.adjacent(before) && spaced_before).then_some(before)
}

/// The longest qualifier phrase ending just before token `first`.
fn qualifier_before(s: &Window, first: usize) -> (Qualifier, Option<usize>) {
    let mut best: Option<(usize, Qualifier)> = None;
    for (words, qualifier) in QUALIFIERS_BEFORE {
        let Some(start) = first.checked_sub(words.len()) else {
            continue;
        };
        if start < s.first || !s.phrase_at(start, words) {
            continue;
        }
        if best.is_none_or(|(b, _)| start < b) {
            best = Some((start, *qualifier));
        }
    }
    if let Some((start, qualifier)) = best {
        return (qualifier, Some(start));
    }
    if first > s.first && (s.is(first - 1, "between") || s.is(first - 1, "from")) {
        return (Qualifier::Range, Some(first - 1));
    }
    (Qualifier::Exact, None)
}

/// Whether the claim starts with "between"/"from", which makes the pair a range even after a
/// qualifier such as "about".
fn qualifier_is_range_marker(s: &Window, start: usize) -> bool {
    s.is(start, "between") || s.is(start, "from")
}

fn qualifier_after(s: &Window, at: usize) -> Option<(Qualifier, usize)> {
    QUALIFIERS_AFTER.iter().find_map(|(words, qualifier)| {
        // "50-plus", "30-odd" are written with a hyphen.
        let hyphen = s.text_is(at, "-") && s.doc.adjacent(at);
        let start = if hyphen { at + 1 } else { at };
        if hyphen != (words.len() == 1) {
            return None;
        }
        s.phrase_at(start, words).then_some((*qualifier, start + words.len()))
    })
}

enum Pairing {
    Range,
    Score,
    /// "2013-14": a season or fiscal year, not a figure.
    YearSpan,
}

/// Words around a pair of numbers that make it a vote or a score.
fn is_score_word(w: &str) -> bool {
    matches!(
        w,
        "vote"
            | "voted"
            | "votes"
            | "approved"
            | "passed"
            | "rejected"
            | "won"
            | "win"
            | "wins"
            | "beat"
            | "beats"
            | "lost"
            | "loss"
            | "lose"
            | "defeated"
            | "defeat"
            | "victory"
            | "draw"
            | "drew"
            | "tied"
            | "tie"
            | "lead"
            | "led"
            | "trailed"
            | "score"
            | "scored"
            | "margin"
            | "ruling"
            | "ruled"
            | "decision"
            | "majority"
            | "thrashed"
            | "edged"
            | "routed"
    )
}

fn second_number(s: &Window, n: &Number, start: usize) -> Option<(Number, Pairing)> {
    let doc = s.doc;
    let at = n.end;
    let connector = if s.kind(at) == Some(TokenKind::Punct) { doc.token_text(at) } else { "" };
    let dash = matches!(connector, "-" | "–" | "—" | "‑");
    let word = s.word(at);
    let word = word.as_ref().map(|w| w.as_str()).unwrap_or("");
    let between = s.is(start, "between");
    let from = s.is(start, "from");
    let joins = dash || word == "to" || (word == "and" && between) || (word == "or" && !n.magnitude);
    if !joins {
        return None;
    }
    let mut second_at = at + 1;
    // "$5m-$10m", "£3 to £5"
    if s.kind(second_at) == Some(TokenKind::Punct)
        && units::currency_sign(doc.token_text(second_at), None).is_some()
    {
        second_at += 1;
    }
    let second = numbers::parse_at(doc, second_at, s.end)?;
    if second.vague.is_some() || second.form != n.form && second.form != Form::Cardinal {
        return None;
    }
    if word == "or" && (s.is(second.end, "more") || s.is(second.end, "less") || n.value > 100.0) {
        return None;
    }
    if dash && (!doc.adjacent(at - 1) || !doc.adjacent(at)) && connector == "-" {
        return None;
    }
    if dash && n.year_like {
        let tail = doc.token_text(second.first);
        if second.year_like || tail.len() == 2 {
            return Some((second, Pairing::YearSpan));
        }
    }
    if dash && n.value.fract() == 0.0 && second.value.fract() == 0.0 && !n.magnitude && !second.magnitude {
        let near = (start.saturating_sub(4).max(s.first)..start)
            .chain(second.end..(second.end + 2).min(s.end))
            .any(|k| s.word(k).is_some_and(|w| is_score_word(w.as_str())));
        if near || n.value >= second.value && n.value < 200.0 {
            return Some((second, Pairing::Score));
        }
    }
    if from && word == "to" && change_verb_before(s, start) {
        return None;
    }
    (second.value > n.value || between).then_some((second, Pairing::Range))
}

/// "rose from 62 to 71" is two figures, not a range.
fn change_verb_before(s: &Window, start: usize) -> bool {
    (start.saturating_sub(3).max(s.first)..start).any(|k| {
        s.word(k).is_some_and(|w| {
            matches!(
                w.as_str(),
                "rose"
                    | "risen"
                    | "rise"
                    | "rises"
                    | "fell"
                    | "fallen"
                    | "fall"
                    | "falls"
                    | "grew"
                    | "grown"
                    | "increased"
                    | "decreased"
                    | "dropped"
                    | "climbed"
                    | "jumped"
                    | "slipped"
                    | "declined"
                    | "cut"
                    | "raised"
                    | "lowered"
                    | "reduced"
                    | "up"
                    | "down"
                    | "changed"
                    | "moved"
                    | "went"
                    | "increase"
                    | "decrease"
                    | "soared"
                    | "surged"
                    | "plunged"
                    | "slumped"
                    | "edged"
            )
        })
    })
}

/// Reads a percent sign, currency, or unit after the figure.
fn tail_after(s: &Window, n: &Number, money: Option<&'static str>) -> Tail {
    let doc = s.doc;
    let at = n.end;
    let mut tail = Tail { end: at, ..Tail::default() };

    if let Some(suffix) = n.suffix {
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
            return tail;
        }
        return tail;
    }

    // Percent.
    if s.text_is(at, "%") {
        tail.unit = Some("%");
        tail.kind = Some(ClaimKind::Percent);
        tail.end = at + 1;
        return tail;
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
        return tail;
    }
    if money.is_some() {
        return tail;
    }

    // Currency after: "5 million dollars", "155 mln dlrs", "10 Hong Kong dollars".
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
        return tail;
    }
    if let Some(code) =
        s.kind(at).filter(|&k| k == TokenKind::Word).and_then(|_| units::currency_code(doc.token_text(at)))
    {
        tail.unit = Some(code);
        tail.kind = Some(ClaimKind::Money);
        tail.end = at + 1;
        return tail;
    }

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
fn glued_unit(word: &str) -> Option<&'static str> {
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

fn set_unit(tail: &mut Tail, code: &'static str, end: usize) {
    tail.unit = Some(code);
    tail.end = end;
    let dimension = units::unit_by_code(code).map(|u| u.dimension);
    tail.kind = Some(if dimension == Some(units::Dimension::Time) {
        ClaimKind::Duration
    } else {
        ClaimKind::Measure
    });
}

/// A unit written in words at `k`: one word, or "square miles", "metric tons", "degrees
/// Fahrenheit", "miles per hour", "km/h", "°C".
fn unit_phrase(s: &Window, k: usize, hyphenated: bool) -> Option<(&'static str, usize)> {
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

fn next_is_break(s: &Window, k: usize) -> bool {
    k + 1 >= s.end || matches!(s.kind(k + 1), Some(TokenKind::Punct) | None)
}

/// Whether the sentence speaks of money (so "pounds" are sterling).
fn money_context(s: &Window) -> bool {
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
fn counts_after(s: &Window, at: usize) -> bool {
    let mut k = at;
    if s.is(k, "of") {
        k += 1;
    }
    s.word(k).is_some_and(|w| {
        let w = w.as_str();
        !is_function_word(w)
            && units::unit_word(w).is_none()
            && (w.ends_with('s') || matches!(w, "people" | "children" | "men" | "women"))
    })
}

fn preceded_by_time_word(s: &Window, first: usize) -> bool {
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
fn year_span(value: f64) -> Option<DateValue> {
    if !(1000.0..=2200.0).contains(&value) {
        return None;
    }
    let year = value as i16;
    Some(DateValue::Span { from: Date::new(year, 1, 1).ok()?, to: Date::new(year, 12, 31).ok()? })
}

fn decade(value: f64) -> Option<DateValue> {
    let year = if value < 100.0 { 1900.0 + value } else { value };
    let year = year as i16;
    Some(DateValue::Span { from: Date::new(year, 1, 1).ok()?, to: Date::new(year + 9, 12, 31).ok()? })
}

/// "another 5,000", "an additional 5,000", "a further 5,000".
fn additive_before(s: &Window, start: usize) -> bool {
    (start > s.first && s.is(start - 1, "another"))
        || (start >= s.first + 2
            && (s.is(start - 2, "a") || s.is(start - 2, "an"))
            && s.word(start - 1).is_some_and(|w| matches!(w.as_str(), "further" | "additional" | "extra")))
}

/// "the EU's 27 member states" → "EU"; "its nine members" → "its".
fn owner_before(s: &Window, start: usize) -> Option<String> {
    if start <= s.first {
        return None;
    }
    let doc = s.doc;
    let previous = start - 1;
    if doc.token_kind(previous) != Some(TokenKind::Word) {
        return None;
    }
    let word = doc.token_text(previous);
    if let Some(owner) = strip_possessive(word) {
        return Some(owner.to_string());
    }
    matches!(word.to_ascii_lowercase().as_str(), "its" | "their" | "his" | "her" | "our")
        .then(|| word.to_ascii_lowercase())
}

/// What the figure counts: the noun phrase after it ("Russian troops", "member states"), after
/// "of" for amounts and shares ("tens of thousands of soldiers", "64 percent of voters").
/// Returns the subject, where it ends, and whether "more" marked the figure as an addition.
fn subject_after(s: &Window, at: usize, claim: &Claim) -> Option<(Subject, usize, bool)> {
    let doc = s.doc;
    let mut k = at;
    let mut additive = false;
    let allows_of = claim.qualifier == Qualifier::Vague
        || matches!(claim.kind, ClaimKind::Percent | ClaimKind::Measure | ClaimKind::Money)
        || claim.unit == Some("fraction")
        || claim.value.is_some_and(|v| v >= 1e6);
    if s.word(k).is_some_and(|w| matches!(w.as_str(), "more" | "additional" | "extra" | "further"))
        && !s.is(k + 1, "than")
    {
        additive = true;
        k += 1;
    }
    if s.is(k, "of") || (claim.kind == ClaimKind::Money && (s.is(k, "in") || s.is(k, "for"))) {
        if !allows_of && !s.is(k + 1, "the") && !s.is(k + 1, "them") {
            return None;
        }
        k += 1;
        if s.word(k).is_some_and(|w| matches!(w.as_str(), "the" | "its" | "their" | "his" | "her" | "our")) {
            k += 1;
        }
    }
    if matches!(claim.kind, ClaimKind::Duration | ClaimKind::Age) {
        return None;
    }
    let mut words: Vec<usize> = Vec::new();
    while k < s.end && words.len() < 3 {
        let Some(word) = s.word(k) else { break };
        let w = word.as_str();
        let text = doc.token_text(k);
        let capital = text.chars().next().is_some_and(char::is_uppercase);
        if is_function_word(w)
            || w.ends_with("ly") && w.len() > 4
            || numbers::may_start_number(text) && !words.is_empty()
        {
            break;
        }
        if capital && !words.is_empty() && !text.chars().all(|c| c.is_uppercase()) {
            break;
        }
        if strip_possessive(text).is_some() || !words.is_empty() && looks_like_verb(w) {
            break;
        }
        words.push(k);
        k += 1;
        // A plural noun is the head: "residents live there" stops at "residents".
        if is_plural_noun(w) {
            break;
        }
        // A hyphenated modifier: "Belarus-based", "long-range missiles".
        if s.text_is(k, "-")
            && doc.adjacent(k - 1)
            && doc.adjacent(k)
            && s.kind(k + 1) == Some(TokenKind::Word)
        {
            k += 1;
        }
    }
    // A trailing verb is not part of the noun phrase: "30 people died" keeps "people".
    while let Some(&last) = words.last() {
        let w = Lower::new(doc.token_text(last));
        if words.len() > 1 && looks_like_verb(w.as_str())
            || words.len() == 1 && looks_like_verb(w.as_str()) && !w.as_str().ends_with('s')
        {
            words.pop();
        } else {
            break;
        }
    }
    let (&first_word, &last_word) = (words.first()?, words.last()?);
    let span = s.span(first_word, last_word + 1);
    let text = doc.slice(span).to_lowercase().replace('’', "'");
    let head_word = Lower::new(doc.token_text(last_word));
    let head = singular(head_word.as_str());
    if claim.kind == ClaimKind::Count && claim.unit.is_none() && is_time_word(&head) {
        return None;
    }
    Some((Subject { span, text, head }, last_word + 1, additive))
}

/// Plurals end a noun phrase: modifiers stand in the singular ("member states").
fn is_plural_noun(word: &str) -> bool {
    matches!(word, "people" | "children" | "men" | "women" | "police")
        || word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("us")
            && !word.ends_with("is")
}

fn is_time_word(head: &str) -> bool {
    matches!(head, "am" | "pm" | "a.m" | "p.m" | "gmt" | "bst" | "edt" | "est" | "utc")
}

/// "the seven-member board", "the 27-nation bloc": the size of a body.
fn member_compound(s: &Window, n: &Number) -> Option<(Subject, String, usize)> {
    let doc = s.doc;
    let at = n.end;
    if !(s.text_is(at, "-") && doc.adjacent(at - 1) && doc.adjacent(at)) {
        return None;
    }
    let member = s.word(at + 1)?;
    let member = member.as_str();
    if !matches!(member, "member" | "nation" | "country" | "state" | "seat" | "judge" | "person" | "strong") {
        return None;
    }
    let body = s.word(at + 2)?;
    if is_function_word(body.as_str()) {
        return None;
    }
    let span = s.span(at + 1, at + 2);
    let head = if member == "strong" { singular(body.as_str()) } else { member.to_string() };
    let text = if member == "strong" { body.as_str().to_string() } else { format!("{member}s") };
    Some((Subject { span, text, head }, body.as_str().to_string(), at + 3))
}

/// Ages: "the 47-year-old", "47 years old", "aged 47", and the appositive "Dana Ortiz, 47,".
fn age(s: &Window, n: &Number, tail: &Tail, start: usize) -> Option<(usize, Option<String>)> {
    let doc = s.doc;
    if n.form != Form::Cardinal || n.vague.is_some() || !(0.0..=130.0).contains(&n.value) {
        return None;
    }
    if tail.unit == Some("year")
        || tail.unit == Some("month")
        || tail.unit == Some("week")
        || tail.unit == Some("day")
    {
        let end = tail.end;
        // "47-year-old", "47 years old", "47 years of age"
        if s.text_is(end, "-") && s.is(end + 1, "old") {
            return Some((end + 2, person_after(s, end + 2)));
        }
        if s.is(end, "old") {
            return Some((end + 1, None));
        }
        if s.phrase_at(end, &["of", "age"]) {
            return Some((end + 2, None));
        }
        return None;
    }
    if tail.unit.is_some() || tail.kind.is_some() {
        return None;
    }
    if start > s.first && (s.is(start - 1, "aged") || s.is(start - 1, "age")) {
        return Some((n.end, None));
    }
    // The appositive: a name, a comma, the age, a comma or the end of the sentence.
    if n.words || n.value.fract() != 0.0 || n.first < s.first + 2 || !s.text_is(n.first - 1, ",") {
        return None;
    }
    let closes = n.end >= s.end || matches!(doc.token_text(n.end), "," | "." | ";" | ")" | "—" | "–");
    if !closes || counts_after(s, n.end) {
        return None;
    }
    let person = person_before(s, n.first - 1)?;
    Some((n.end, Some(person)))
}

/// The capitalised name ending just before token `comma`.
fn person_before(s: &Window, comma: usize) -> Option<String> {
    let doc = s.doc;
    let mut k = comma;
    while k > s.first && k + 4 > comma {
        let word = doc.token_text(k - 1);
        let capital = doc.token_kind(k - 1) == Some(TokenKind::Word)
            && word.chars().next().is_some_and(char::is_uppercase)
            && !word.chars().all(char::is_uppercase);
        if !capital {
            break;
        }
        k -= 1;
    }
    if k == comma {
        return None;
    }
    let name = doc.slice(s.span(k, comma));
    // Places and months take this shape too ("Paris, 2019"): require two words or a known
    // title before the name.
    if comma - k < 2 && !(k > s.first && is_title(doc.token_text(k - 1))) {
        return None;
    }
    Some(name.to_string())
}

fn person_after(s: &Window, at: usize) -> Option<String> {
    let doc = s.doc;
    let mut k = at;
    while k < s.end && k < at + 3 {
        let word = doc.token_text(k);
        if doc.token_kind(k) != Some(TokenKind::Word) || !word.chars().next().is_some_and(char::is_uppercase)
        {
            break;
        }
        k += 1;
    }
    (k > at).then(|| doc.slice(s.span(at, k)).to_string())
}

fn is_title(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Gov"
            | "Rep"
            | "Gen"
            | "President"
            | "Minister"
            | "Judge"
            | "Officer"
            | "Sgt"
            | "Capt"
            | "Prof"
            | "Lt"
            | "Col"
    )
}

#[cfg(test)]
mod tests {
    use crate::claim::{Claim, ClaimKind, Qualifier};
    use crate::document::Document;

    fn claims(text: &str) -> Vec<Claim> {
        crate::extract(&Document::from_text(text))
    }

    fn only(text: &str) -> (Claim, String) {
        let doc = Document::from_text(text);
        let found = crate::extract(&doc);
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        let claim = found.into_iter().next().unwrap();
        let written = doc.slice(claim.span).to_string();
        (claim, written)
    }

    #[test]
    fn counts_with_subjects_and_qualifiers() {
        let (c, text) = only("Russia has massed more than 100,000 troops along the border.");
        assert_eq!(text, "more than 100,000 troops");
        assert_eq!(
            (c.kind, c.value, c.low, c.high),
            (ClaimKind::Count, Some(100_000.0), Some(100_000.0), None)
        );
        assert_eq!(c.qualifier, Qualifier::MoreThan);
        assert_eq!(c.head(), Some("troop"));

        let (c, _) = only("It moved nearly 5,000 troops to Belarus.");
        assert_eq!((c.qualifier, c.value, c.head()), (Qualifier::Nearly, Some(5000.0), Some("troop")));

        let (c, text) = only("The army had 120 armoured vehicles.");
        assert_eq!(text, "120 armoured vehicles");
        assert_eq!(c.subject.unwrap().text, "armoured vehicles");
    }

    #[test]
    fn vague_amounts() {
        let (c, text) = only("Officials said tens of thousands of soldiers were there.");
        assert_eq!(text, "tens of thousands of soldiers");
        assert_eq!(
            (c.qualifier, c.low, c.high, c.head()),
            (Qualifier::Vague, Some(20_000.0), Some(100_000.0), Some("soldier"))
        );
    }

    #[test]
    fn each_qualifier() {
        for (text, qualifier) in [
            ("About 300 people came.", Qualifier::About),
            ("Around 300 people came.", Qualifier::About),
            ("Roughly 300 people came.", Qualifier::About),
            ("Some 300 people came.", Qualifier::About),
            ("Almost 300 people came.", Qualifier::Nearly),
            ("Over 300 people came.", Qualifier::MoreThan),
            ("At least 300 people came.", Qualifier::AtLeast),
            ("Up to 300 people came.", Qualifier::UpTo),
            ("Fewer than 300 people came.", Qualifier::LessThan),
            ("Less than 300 people came.", Qualifier::LessThan),
            ("As many as 300 people came.", Qualifier::UpTo),
            ("At most 300 people came.", Qualifier::AtMost),
            ("Between 200 and 300 people came.", Qualifier::Range),
            ("From 200 to 300 people came.", Qualifier::Range),
            ("The 200-300 people came.", Qualifier::Range),
            ("300 or more people came.", Qualifier::AtLeast),
        ] {
            let (c, _) = only(text);
            assert_eq!(c.qualifier, qualifier, "{text}");
            assert_eq!(c.head(), Some("person"), "{text}");
        }
    }

    #[test]
    fn ranges_are_intervals() {
        let (c, text) = only("Between 10 and 20 percent of voters stayed home.");
        assert_eq!(text, "Between 10 and 20 percent of voters");
        assert_eq!((c.kind, c.low, c.high), (ClaimKind::Percent, Some(10.0), Some(20.0)));
        let (c, _) = only("It costs $2 million to $3 million.");
        assert_eq!((c.kind, c.low, c.high), (ClaimKind::Money, Some(2e6), Some(3e6)));
        let (c, _) = only("Two to three million people voted.");
        assert_eq!((c.low, c.high), (Some(2e6), Some(3e6)));
    }

    #[test]
    fn money() {
        let (c, text) = only("Congress approved $7.4 billion in aid.");
        assert_eq!(text, "$7.4 billion in aid");
        assert_eq!((c.kind, c.value, c.unit), (ClaimKind::Money, Some(7.4e9), Some("USD")));
        let (c, _) = only("The club paid £5m for him.");
        assert_eq!((c.value, c.unit), (Some(5e6), Some("GBP")));
        let (c, _) = only("Profits reached €3bn.");
        assert_eq!((c.value, c.unit), (Some(3e9), Some("EUR")));
        let (c, _) = only("It earned 155 mln dlrs in all.");
        assert_eq!((c.value, c.unit), (Some(155e6), Some("USD")));
        let (c, _) = only("It sold for 20 million euros.");
        assert_eq!((c.value, c.unit), (Some(20e6), Some("EUR")));
    }

    #[test]
    fn percentages_and_points() {
        let found = claims("Unemployment rose 7 percent, or 2 percentage points, and 3 per cent after.");
        let units: Vec<_> = found.iter().map(|c| (c.kind, c.value, c.unit)).collect();
        assert_eq!(
            units,
            vec![
                (ClaimKind::Percent, Some(7.0), Some("%")),
                (ClaimKind::Percent, Some(2.0), Some("pp")),
                (ClaimKind::Percent, Some(3.0), Some("%"))
            ]
        );
    }

    #[test]
    fn measures_with_units() {
        for (text, value, unit) in [
            ("The storm hit land 40 miles south.", 40.0, "mi"),
            ("A 10-mile stretch closed.", 10.0, "mi"),
            ("It is 16 km long.", 16.0, "km"),
            ("Winds reached 90 mph.", 90.0, "mph"),
            ("Winds reached 145 km/h.", 145.0, "km/h"),
            ("The wall is 30 feet high.", 30.0, "ft"),
            ("The tower is 300 meters tall.", 300.0, "m"),
            ("The parcel weighed 2 kg.", 2.0, "kg"),
            ("The parcel weighed 5 pounds.", 5.0, "lb"),
            ("They shipped 5,000 tons of grain.", 5000.0, "ton"),
            ("Output reached 10 million barrels a day.", 1e7, "bbl"),
            ("The tank holds 50 gallons.", 50.0, "gal"),
            ("It was 98 °F outside.", 98.0, "°F"),
            ("It was 35C in Madrid.", 35.0, "°C"),
            ("The fire burned 2,000 acres.", 2000.0, "acre"),
        ] {
            let found = claims(text);
            let measure = found
                .iter()
                .find(|c| c.kind == ClaimKind::Measure)
                .unwrap_or_else(|| panic!("{text}: {found:#?}"));
            assert_eq!((measure.value, measure.unit), (Some(value), Some(unit)), "{text}");
        }
    }

    #[test]
    fn ordinals() {
        let (c, _) = only("It was the third attack.");
        assert_eq!((c.kind, c.value), (ClaimKind::Ordinal, Some(3.0)));
        let (c, _) = only("She finished 21st in the race.");
        assert_eq!((c.kind, c.value), (ClaimKind::Ordinal, Some(21.0)));
    }

    #[test]
    fn ages_with_people() {
        let (c, _) = only("Dana Ortiz, 47, was arrested.");
        assert_eq!((c.kind, c.value, c.person.as_deref()), (ClaimKind::Age, Some(47.0), Some("Dana Ortiz")));
        let (c, text) = only("Police said the 47-year-old was arrested.");
        assert_eq!((c.kind, c.value, text.as_str()), (ClaimKind::Age, Some(47.0), "47-year-old"));
        let (c, _) = only("The man, aged 62, was freed.");
        assert_eq!((c.kind, c.value), (ClaimKind::Age, Some(62.0)));
    }

    #[test]
    fn votes_and_scores() {
        let (c, _) = only("The board approved the plan 9-3.");
        assert_eq!((c.kind, c.score), (ClaimKind::Score, Some((9.0, 3.0))));
        let (c, _) = only("United won 2-1 at home.");
        assert_eq!(c.score, Some((2.0, 1.0)));
    }

    #[test]
    fn owners_and_body_sizes() {
        let (c, _) = only("It is one of the EU's 27 member states.");
        assert_eq!((c.value, c.owner.as_deref(), c.head()), (Some(27.0), Some("EU"), Some("state")));
        assert_eq!(c.subject.unwrap().text, "member states");
        let (c, _) = only("The seven-member board met.");
        assert_eq!((c.value, c.owner.as_deref(), c.head()), (Some(7.0), Some("board"), Some("member")));
    }

    #[test]
    fn additions_are_marked() {
        assert!(only("The Pentagon sent another 5,000 troops.").0.additive);
        assert!(only("The Pentagon sent 5,000 more troops.").0.additive);
        assert!(!only("The Pentagon sent 5,000 troops.").0.additive);
    }

    #[test]
    fn identifiers_are_not_figures() {
        assert!(claims("The F-16 and the G7 met over COVID-19.").is_empty());
    }

    #[test]
    fn years_are_dates() {
        let (c, _) = only("The law changed in 2019.");
        assert_eq!(c.kind, ClaimKind::Date);
        let found = claims("It was built in the 1990s.");
        assert_eq!(found[0].kind, ClaimKind::Date);
    }

    #[test]
    fn rises_are_two_figures() {
        let found = claims("The toll rose from 62 to 71.");
        assert_eq!(found.len(), 2, "{found:#?}");
    }
}
