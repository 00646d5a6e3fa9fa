//! Numbers written in digits: grouping ("100,000", "12,34,567", "1 000"), decimals, glued
//! magnitudes ("3bn", "$5m"), exponents ("1.3e6", "2 x 10^6") and digit fractions ("1 1/2", "½").

use super::*;

/// The value of a digits token's numeric part: "100,000" → 100000, "4.7" → 4.7, "12,34,567"
/// → 1234567 (Indian grouping), "1,5" → 1.5 (a decimal comma).
pub(super) fn digits_value(digits: &str) -> Option<f64> {
    if digits.bytes().filter(|&b| b == b'.').count() > 1 {
        return None;
    }
    if !digits.contains(',') {
        return digits.parse().ok();
    }
    let (whole, decimals) = digits.split_once('.').unwrap_or((digits, ""));
    let mut groups = whole.split(',');
    let first = groups.next()?;
    // The lengths of the groups after the first: all three ("100,000"), or twos then a three
    // ("12,34,567").
    let (mut count, mut last, mut threes, mut middle_twos) = (0, 0, true, true);
    for group in groups {
        if count > 0 {
            middle_twos &= last == 2;
        }
        threes &= group.len() == 3;
        last = group.len();
        count += 1;
    }
    let indian = (1..=2).contains(&first.len()) && count >= 2 && middle_twos && last == 3;
    if threes || indian {
        let mut value = 0.0;
        for digit in whole.bytes().filter(u8::is_ascii_digit) {
            value = value * 10.0 + f64::from(digit - b'0');
        }
        return Some(value + decimal_part(decimals)?);
    }
    // "1,5": a decimal comma.
    let (integer, fraction) = whole.split_once(',')?;
    if count == 1 && decimals.is_empty() {
        return Some(integer.parse::<f64>().ok()? + decimal_part(fraction)?);
    }
    None
}

/// The value of the digits after a decimal point: "05" → 0.05.
pub(super) fn decimal_part(decimals: &str) -> Option<f64> {
    if decimals.is_empty() {
        return Some(0.0);
    }
    let digits: f64 = decimals.parse().ok()?;
    Some(digits / 10f64.powi(decimals.len() as i32))
}

pub(super) fn vulgar_fraction(c: &str) -> Option<f64> {
    Some(match c {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// Letters glued to digits that scale them: "300k", "3bn", "1MM", "2mil". A single "m" or "M"
/// is left to `quantity`: million after a currency, metres (or the company 3M) otherwise.
pub(super) fn glued_magnitude(suffix: &str) -> Option<f64> {
    if suffix == "MM" {
        return Some(1e6);
    }
    match Lower::new(suffix).as_str() {
        "k" => Some(1e3),
        "mil" | "mn" | "mln" => Some(1e6),
        "b" | "bn" | "bln" => Some(1e9),
        "tn" | "trn" | "tln" => Some(1e12),
        _ => None,
    }
}

pub(super) fn parse_digits(doc: &Document, i: usize, limit: usize) -> Option<Number> {
    let text = doc.token_text(i);
    if let Some(fraction) = vulgar_fraction(text) {
        return Some(number_result(doc, fraction, i, i + 1, Form::Fraction, false));
    }
    let digits_end = text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(text.len());
    let (digits, suffix) = text.split_at(digits_end);
    let mut value = digits_value(digits)?;
    let mut number = number_result(doc, value, i, i + 1, Form::Cardinal, false);
    number.year_like = digits.len() == 4 && !digits.contains([',', '.']) && (1000.0..3000.0).contains(&value);
    let suffix_span = Span::new(doc.tokens()[i].span.start + digits_end as u32, doc.tokens()[i].span.end);
    let mut end = i + 1;

    if let Some((powered, next)) = exponent(doc, i, suffix, value, limit) {
        value = powered;
        end = next;
        number.year_like = false;
    } else if let Some(factor) = glued_magnitude(suffix) {
        value *= factor;
        number.magnitude = true;
        number.scale = factor;
    } else {
        match Lower::new(suffix).as_str() {
            "" => {}
            "st" | "nd" | "rd" | "th" => number.form = Form::Ordinal,
            "s" if digits.len() == 4 || digits.len() == 2 => {
                if value % 10.0 == 0.0 {
                    number.form = Form::Decade;
                } else {
                    number.suffix = Some(suffix_span);
                }
            }
            _ => number.suffix = Some(suffix_span),
        }
    }
    let plain = suffix.is_empty() && end == i + 1;

    // "1 234 567", "40 000" with a narrow space.
    if plain && let Some((grouped, next)) = spaced_groups(doc, i, digits, limit) {
        value = grouped;
        end = next;
        number.year_like = false;
    }

    // "1 1/2", "1/2", "2½"
    if plain
        && end == i + 1
        && let Some((fraction, next_end)) = digit_fraction(doc, end, limit)
    {
        if doc.is_text(end, "/") && doc.adjacent(i) {
            // "1/2" itself: the first digits were the numerator.
            if let Some(denominator) = digits_value(doc.token_text(end + 1)).filter(|d| *d != 0.0) {
                value /= denominator;
                end += 2;
                number.form = Form::Fraction;
            }
        } else if value.fract() == 0.0 {
            value += fraction;
            end = next_end;
        }
    }

    (value, end) = magnitude_after(doc, &mut number, value, end, limit);
    number.value = value;
    number.end = end;
    number.span = doc.tokens()[i].span.cover(doc.tokens()[end - 1].span);
    if number.suffix.is_some() && end > i + 1 {
        number.suffix = None;
    }
    Some(number)
}

/// Magnitude words after digits: "1.2 million", "3 billion", "2.12 hundred", "13 lakh crore",
/// "3 dozen", and a fraction after them ("1 million and a half"). Returns the value and the
/// token after them.
fn magnitude_after(
    doc: &Document,
    number: &mut Number,
    mut value: f64,
    mut end: usize,
    limit: usize,
) -> (f64, usize) {
    if number.suffix.is_none() && !number.magnitude && number.form == Form::Cardinal {
        if let Some((scaled, factor, next)) = magnitude_words(doc, end, value, limit) {
            value = scaled;
            end = next;
            number.magnitude = true;
            number.scale = factor;
            if let Some((added, next)) = smaller_groups(doc, end, factor, limit) {
                value += added;
                end = next;
            }
        } else if word_at(doc, end, limit).is_some_and(|w| is_dozen(w.as_str())) {
            // "3 dozen eggs"
            value *= 12.0;
            end += 1;
        }
        let last_scale = if number.scale >= 1e3 { number.scale } else { 1.0 };
        if value.fract() == 0.0
            && let Some((mixed, factor, next)) = mixed_fraction(
                doc,
                if doc.is_text(end, "-") && doc.adjacent(end - 1) { end + 1 } else { end },
                limit,
                Whole { value, last_scale, top_scale: number.scale, digits: true },
            )
        {
            value = mixed;
            end = next;
            number.magnitude = factor >= 1e3;
            number.scale = factor;
        }
    }
    (value, end)
}

/// "1.2 million", "200 hundred thousand", "13 lakh crore", "a 108-billion-dollar debt": scale
/// words after digits, each larger than the last. Returns the scaled value, the scale and where
/// the words end.
pub(super) fn magnitude_words(
    doc: &Document,
    at: usize,
    value: f64,
    limit: usize,
) -> Option<(f64, f64, usize)> {
    let hyphen = doc.is_text(at, "-") && doc.adjacent(at - 1) && doc.adjacent(at);
    let at = if hyphen { at + 1 } else { at };
    let first = scale_at(doc, at, limit)?;
    // "2.12 hundred" is 212; "2.125 hundred" is not a number anyone writes.
    if first == 100.0 && ((value * 100.0).round() - value * 100.0).abs() > 1e-9 {
        return None;
    }
    let (mut scaled, mut factor, mut end) = (value * first, first, at + 1);
    while let Some(next) = scale_at(doc, end, limit).filter(|&next| next > factor) {
        scaled *= next;
        factor *= next;
        end += 1;
    }
    Some((scaled, factor, end))
}

/// Smaller groups after a scale written with digits: "4 thousand 3 hundred and 21", "3
/// hundred and one", "6 crore and two hundred". After "and" only below a hundred or when the
/// words hold a hundred themselves: "£2 million and 500 jobs" is two figures.
pub(super) fn smaller_groups(doc: &Document, at: usize, scale: f64, limit: usize) -> Option<(f64, usize)> {
    let mut added = 0.0;
    let mut below = scale;
    let mut k = at;
    loop {
        let and = doc.is_word(k, "and");
        let j = if and { k + 1 } else { k };
        if j >= limit {
            break;
        }
        let group = match doc.token_kind(j) {
            Some(TokenKind::Number) => whole_digits(doc.token_text(j)).map(|v| (v, j + 1, false)),
            Some(TokenKind::Word) if and => parse_words(doc, j, limit)
                .filter(|n| n.form == Form::Cardinal && n.vague.is_none())
                .map(|n| (n.value, n.end, true)),
            _ => None,
        };
        let Some((value, next, words)) = group.filter(|&(v, ..)| v > 0.0 && v < below) else {
            break;
        };
        if let Some(s) = scale_at(doc, next, limit).filter(|_| !words) {
            // "3 hundred and 2 hundred" are two numbers.
            if s >= below || value * s >= below {
                break;
            }
            added += value * s;
            below = s;
            k = next + 1;
            continue;
        }
        if and && (below == 100.0 || words && value >= 100.0) {
            added += value;
            k = next;
        }
        break;
    }
    (k > at).then_some((added, k))
}

/// A digits token that is a plain whole number ("21"), not "2,000" or "5km".
pub(super) fn whole_digits(text: &str) -> Option<f64> {
    (!text.is_empty() && text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Thousands separated by spaces: "1 234 567", or "40 000" with a narrow or no-break space. A
/// single group after an ordinary space is left alone, since news copy writes "15 747s" and "36
/// 100-kilowatt" with one.
pub(super) fn spaced_groups(doc: &Document, i: usize, digits: &str, limit: usize) -> Option<(f64, usize)> {
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let tokens = doc.tokens();
    let mut value: f64 = digits.parse().ok()?;
    let mut k = i + 1;
    let mut groups = 0;
    let mut plain_spaces = true;
    while k < limit && doc.token_kind(k) == Some(TokenKind::Number) {
        let gap = doc.slice(Span::new(tokens[k - 1].span.end, tokens[k].span.start));
        let group = doc.token_text(k);
        let (whole, decimals) = group.split_once('.').unwrap_or((group, ""));
        let narrow = matches!(gap, "\u{a0}" | "\u{202f}" | "\u{2009}");
        if !(narrow || gap == " ")
            || whole.len() != 3
            || !group.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        {
            break;
        }
        plain_spaces &= !narrow;
        value = value * 1000.0 + whole.parse::<f64>().ok()?;
        groups += 1;
        k += 1;
        if !decimals.is_empty() {
            value += decimal_part(decimals)?;
            break;
        }
    }
    // "0845 8 505 505" is a telephone number.
    let in_run = |k: usize| doc.token_kind(k) == Some(TokenKind::Number);
    if plain_spaces && (i > 0 && in_run(i - 1) || k < limit && in_run(k)) {
        return None;
    }
    (groups >= 2 || groups == 1 && !plain_spaces).then_some((value, k))
}

/// A power written after a number: "1.3e6", "12.32e+14", "1.3x10^6", "2.48×10−5", "1.1^23".
/// Returns the value and where the notation ends.
pub(super) fn exponent(
    doc: &Document,
    i: usize,
    suffix: &str,
    value: f64,
    limit: usize,
) -> Option<(f64, usize)> {
    match suffix {
        // Lower case only: "7E7" names an aircraft.
        "e" => {
            let (power, end) = signed_exponent(doc, i + 1, limit)?;
            Some((value * 10f64.powi(power), end))
        }
        "x" | "X" => times_power(doc, i + 1, value, limit),
        "" if doc.adjacent(i) && doc.is_text(i + 1, "×") => times_power(doc, i + 2, value, limit),
        "" if doc.adjacent(i) && doc.is_text(i + 1, "^") => {
            let (power, end) = signed_exponent(doc, i + 2, limit)?;
            Some((value.powi(power), end))
        }
        _ => None,
    }
}

/// The "10^6" of "1.3x10^6", starting at the base's token `at`: a caret and an exponent, or for
/// a base of ten a signed exponent whose superscript was lost ("10−5").
pub(super) fn times_power(doc: &Document, at: usize, value: f64, limit: usize) -> Option<(f64, usize)> {
    if at >= limit || !doc.adjacent(at - 1) || doc.token_kind(at) != Some(TokenKind::Number) {
        return None;
    }
    let base = whole_digits(doc.token_text(at))?;
    let (power, end) = if doc.adjacent(at) && doc.is_text(at + 1, "^") {
        signed_exponent(doc, at + 2, limit)?
    } else if base == 10.0 && doc.adjacent(at) && is_sign(doc.token_text(at + 1)) {
        signed_exponent(doc, at + 1, limit)?
    } else {
        return None;
    };
    Some((value * base.powi(power), end))
}

pub(super) fn is_sign(text: &str) -> bool {
    matches!(text, "+" | "-" | "−" | "–")
}

/// An exponent glued to what precedes token `at`: signs, then up to three digits.
pub(super) fn signed_exponent(doc: &Document, mut at: usize, limit: usize) -> Option<(i32, usize)> {
    let mut negative = false;
    while at < limit && doc.adjacent(at - 1) && is_sign(doc.token_text(at)) {
        negative ^= doc.token_text(at) != "+";
        at += 1;
    }
    if at >= limit || !doc.adjacent(at - 1) || doc.token_kind(at) != Some(TokenKind::Number) {
        return None;
    }
    let power = whole_digits(doc.token_text(at))? as i32;
    Some((if negative { -power } else { power }, at + 1))
}

/// A fraction written in digits right after a whole number: "1/2" or "½" in "1 1/2", "2½".
pub(super) fn digit_fraction(doc: &Document, i: usize, limit: usize) -> Option<(f64, usize)> {
    if i >= limit {
        return None;
    }
    let text = doc.token_text(i);
    if let Some(f) = vulgar_fraction(text) {
        return Some((f, i + 1));
    }
    if doc.is_text(i, "/") && i + 1 < limit && doc.adjacent(i) {
        // Handled by the caller as a plain fraction.
        return Some((0.0, i));
    }
    if doc.token_kind(i) == Some(TokenKind::Number)
        && doc.adjacent(i)
        && doc.is_text(i + 1, "/")
        && doc.adjacent(i + 1)
        && i + 2 < limit
    {
        let numerator = digits_value(text)?;
        let denominator = digits_value(doc.token_text(i + 2))?;
        if denominator > numerator && numerator > 0.0 {
            return Some((numerator / denominator, i + 3));
        }
    }
    None
}
