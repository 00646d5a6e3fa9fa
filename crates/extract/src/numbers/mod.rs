//! Reading one number as news copy writes it: digits ("100,000", "4.7", "12,34,567", ".08",
//! "1.3e6"), words ("forty-two", "two hundred and five", "two point five"), magnitudes ("1.2
//! million", "3bn", "$5m", "13 lakh"), fractions ("half", "a third", "two-thirds", "1 1/2", "one
//! and a half", "one in five"), ordinals ("third", "21st", "one hundred twenty-fifth") and vague
//! amounts ("dozens", "tens of thousands", "several thousand"), which read as intervals.
//!
//! This module knows nothing about what is counted; `quantity` decides that from the tokens
//! around the number. `temporal` uses it too ("three weeks ago"), so every word is rejected as
//! cheaply as possible: most tokens of a story are not numbers.

#[rustfmt::skip]
mod unit_words;
pub mod units;
#[rustfmt::skip]
mod word_lists;

use crate::text::document::Document;
use crate::text::lexicon::{ends_subject, looks_like_verb};
use crate::text::lower::Lower;
use crate::text::span::Span;
use crate::text::token::TokenKind;

/// A number read from tokens `first..end`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    pub value: f64,
    /// For vague amounts, the interval the words allow (high exclusive).
    pub vague: Option<(f64, f64)>,
    pub first: usize,
    pub end: usize,
    pub span: Span,
    pub form: Form,
    /// Spelled out rather than in digits.
    pub words: bool,
    /// Letters glued to the digits that the number did not use ("km" in "5km", "pm" in "3pm").
    pub suffix: Option<Span>,
    /// Written with a magnitude ("million", "bn", "k").
    pub magnitude: bool,
    /// The largest magnitude applied (1 when none): "2 to 3 million" lends it to the 2.
    pub scale: f64,
    /// Four digits and no separator: possibly a year.
    pub year_like: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Cardinal,
    Ordinal,
    Fraction,
    /// A decade ("1990s", "the '80s").
    Decade,
}

/// Numbers below twenty and the tens, as words.
fn small_number(word: &str) -> Option<f64> {
    Some(match word {
        "zero" | "nought" | "naught" | "nil" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" | "fourty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Scale words: multiply what comes before. "lakh" and "crore" are how Indian English counts
/// (a lakh is 100,000, a crore ten million).
pub(crate) fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "million" | "mln" | "mn" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" | "tn" | "trn" | "tln" => 1e12,
        _ => return None,
    })
}

/// Abbreviated scales, which follow a figure but never start one ("a bn" is not a billion).
fn is_scale_abbreviation(word: &str) -> bool {
    matches!(word, "mn" | "mln" | "bn" | "bln" | "tn" | "trn" | "tln")
}

/// "dozen" and its abbreviations, which multiply by twelve after a number.
fn is_dozen(word: &str) -> bool {
    matches!(word, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs")
}

/// Ordinal words (singular) and their numbers.
fn ordinal_stem(word: &str) -> Option<f64> {
    Some(match word {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        // "nineth" is a common misspelling.
        "ninth" | "nineth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    })
}

/// An ordinal word, and whether it is plural: a plural ordinal is a fraction's denominator
/// ("two fifths").
fn ordinal_word(word: &str) -> Option<(f64, bool)> {
    if let Some(value) = ordinal_stem(word) {
        return Some((value, false));
    }
    word.strip_suffix('s').and_then(ordinal_stem).map(|value| (value, true))
}

/// Words that can end a fraction: ordinals, and "half" and "quarter" with their plurals.
fn denominator_word(word: &str) -> Option<(f64, bool)> {
    match word {
        "half" => Some((2.0, false)),
        "halves" => Some((2.0, true)),
        "quarter" => Some((4.0, false)),
        "quarters" => Some((4.0, true)),
        _ => ordinal_word(word),
    }
}

/// Vague plural amounts and the interval each allows.
fn vague_plural(word: &str) -> Option<(f64, f64)> {
    Some(match word {
        "dozens" => (24.0, 144.0),
        "hundreds" => (200.0, 1e3),
        "thousands" => (2e3, 1e4),
        "millions" => (2e6, 1e7),
        "billions" => (2e9, 1e10),
        "trillions" => (2e12, 1e13),
        _ => return None,
    })
}

/// Whether a lower-cased word may start a number.
fn starts_number(w: &str) -> bool {
    small_number(w).is_some()
        || scale(w).is_some()
        || ordinal_word(w).is_some()
        || vague_plural(w).is_some()
        || matches!(
            w,
            "a" | "an"
                | "half"
                | "dozen"
                | "tens"
                | "several"
                | "few"
                | "couple"
                | "handful"
                | "quarter"
                | "minus"
        )
}

/// A test on the raw bytes that rejects most words before lower-casing them: a word may be a
/// number only if its first three letters (or fewer, for a shorter word) begin one of
/// [`NUMBER_WORDS`]. "the", "and", "has" and "not" fail at once; "three", "third" and
/// "thousand" pass, and so do "for" and "this", which begin like "forty" and "third". The
/// prefixes are bits in a table built at compile time, so the test does not branch on the
/// letters: it runs on every word.
pub(crate) fn may_be_number_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 11 {
        return false;
    }
    let letter = |i: usize| bytes.get(i).map_or(Some(END), |&b| letter_index(b.to_ascii_lowercase()));
    let (Some(first), Some(second), Some(third)) = (letter(0), letter(1), letter(2)) else { return false };
    let bit = prefix_bit(first, second, third);
    (NUMBER_PREFIXES[bit / 64] >> (bit % 64)) & 1 == 1
}

/// Every word that can start a number or a fraction's denominator: the words `small_number`,
/// `scale`, `is_dozen`, `ordinal_stem`, `denominator_word`, `vague_plural` and `starts_number`
/// accept. A word added to one of those must be added here, or the cheap test rejects it.
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "nought",
    "naught",
    "nil",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fourty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "lakh",
    "million",
    "mln",
    "mn",
    "crore",
    "billion",
    "bln",
    "bn",
    "trillion",
    "tn",
    "trn",
    "tln",
    "dozen",
    "dz",
    "dzs",
    "doz",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "nineth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "millionth",
    "billionth",
    "trillionth",
    "half",
    "halves",
    "quarter",
    "a",
    "an",
    "tens",
    "several",
    "few",
    "couple",
    "handful",
    "minus",
];

/// The index of "no letter here" (the word is shorter) in a prefix.
const END: usize = 26;

/// 0–25 for a lower-case ASCII letter; nothing for any other byte, which no number word has.
const fn letter_index(byte: u8) -> Option<usize> {
    if byte.is_ascii_lowercase() { Some((byte - b'a') as usize) } else { None }
}

const fn prefix_bit(first: usize, second: usize, third: usize) -> usize {
    (first * 27 + second) * 27 + third
}

/// One bit for every three-letter prefix of [`NUMBER_WORDS`].
const NUMBER_PREFIXES: [u64; 27 * 27 * 27 / 64 + 1] = {
    let mut table = [0u64; 27 * 27 * 27 / 64 + 1];
    let mut w = 0;
    while w < NUMBER_WORDS.len() {
        let word = NUMBER_WORDS[w].as_bytes();
        let mut letters = [END; 3];
        let mut k = 0;
        while k < 3 && k < word.len() {
            letters[k] = match letter_index(word[k]) {
                Some(index) => index,
                None => panic!("number words are lower-case ASCII"),
            };
            k += 1;
        }
        let bit = prefix_bit(letters[0], letters[1], letters[2]);
        table[bit / 64] |= 1 << (bit % 64);
        w += 1;
    }
    table
};

/// Whether a lower-cased word is a cardinal number word ("two", "hundred", "million").
pub(crate) fn is_cardinal_word(w: &str) -> bool {
    small_number(w).is_some() || scale(w).is_some() && !is_scale_abbreviation(w)
}

/// Words that may start a number: a cheap test before parsing.
pub(crate) fn may_start_number(word: &str) -> bool {
    may_be_number_word(word) && starts_number(Lower::new(word).as_str())
}

/// Reads the number starting at token `i`, not reading past token `limit`.
pub(crate) fn parse_at(doc: &Document, i: usize, limit: usize) -> Option<Number> {
    let token = doc.tokens().get(i)?;
    let number = match token.kind {
        TokenKind::Number => parse_digits(doc, i, limit)?,
        TokenKind::Word => parse_words(doc, i, limit)?,
        TokenKind::Punct => return leading_point(doc, i, limit),
        TokenKind::Quote => return None,
    };
    Some(ratio(doc, &number, limit).unwrap_or(number))
}

fn lower(doc: &Document, i: usize) -> Lower<'_> {
    doc.folded_word(i).map_or_else(|| Lower::new(doc.token_text(i)), Lower::folded)
}

fn word_at(doc: &Document, i: usize, limit: usize) -> Option<Lower<'_>> {
    (i < limit && doc.token_kind(i) == Some(TokenKind::Word)).then(|| lower(doc, i))
}

/// The scale word at `i`, if any, that may follow a figure to multiply it.
fn scale_at(doc: &Document, i: usize, limit: usize) -> Option<f64> {
    word_at(doc, i, limit).and_then(|w| scale(w.as_str()))
}

fn number_result(doc: &Document, value: f64, first: usize, end: usize, form: Form, words: bool) -> Number {
    let tokens = doc.tokens();
    Number {
        value,
        vague: None,
        first,
        end,
        span: tokens[first].span.cover(tokens[end - 1].span),
        form,
        words,
        suffix: None,
        magnitude: false,
        scale: 1.0,
        year_like: false,
    }
}

/// "one in five", "nine out of ten", "one over three": a share written as two whole numbers.
/// Not when the second counts time or a unit ("2 in 10 minutes", "one over par").
fn ratio(doc: &Document, n: &Number, limit: usize) -> Option<Number> {
    let plain = n.form == Form::Cardinal
        && n.vague.is_none()
        && !n.magnitude
        && n.suffix.is_none()
        && !n.year_like
        && n.value > 0.0
        && n.value.fract() == 0.0;
    if !plain {
        return None;
    }
    let word = word_at(doc, n.end, limit)?;
    let (over, denominator_at) = match word.as_str() {
        "in" => (false, n.end + 1),
        "over" => (true, n.end + 1),
        "out" if doc.is_word(n.end + 1, "of") => (false, n.end + 2),
        _ => return None,
    };
    let denominator = match doc.token_kind(denominator_at) {
        Some(TokenKind::Number) if denominator_at < limit => parse_digits(doc, denominator_at, limit)?,
        Some(TokenKind::Word) if denominator_at < limit => parse_words(doc, denominator_at, limit)?,
        _ => return None,
    };
    let whole = denominator.form == Form::Cardinal
        && denominator.vague.is_none()
        && denominator.suffix.is_none()
        && !denominator.year_like
        && denominator.value.fract() == 0.0
        && denominator.value > 0.0;
    if !whole || !over && denominator.value <= n.value || measured_after(doc, denominator.end, limit) {
        return None;
    }
    // "over 300 people" after a figure is a second figure with its qualifier.
    if over && word_at(doc, denominator.end, limit).is_some_and(|w| !ends_subject(w.as_str())) {
        return None;
    }
    let mut share =
        number_result(doc, n.value / denominator.value, n.first, denominator.end, Form::Fraction, n.words);
    share.words = n.words && denominator.words;
    Some(share)
}

/// Whether a unit, a time or a percent follows token `at - 1`: "10 minutes", "3 over par",
/// "10-year".
fn measured_after(doc: &Document, at: usize, limit: usize) -> bool {
    if at >= limit {
        return false;
    }
    if matches!(doc.token_text(at), "-" | "%") {
        return true;
    }
    word_at(doc, at, limit).is_some_and(|w| {
        let w = w.as_str();
        units::unit_word(w).is_some()
            || units::currency_word(w).is_some()
            || matches!(w, "par" | "percent" | "per" | "pct" | "under" | "over")
    })
}

/// ".08", "a .22 rifle": a decimal written without its leading zero.
fn leading_point(doc: &Document, i: usize, limit: usize) -> Option<Number> {
    if doc.token_text(i) != "." || i + 1 >= limit || !doc.adjacent(i) {
        return None;
    }
    let after_word = i > 0
        && doc.adjacent(i - 1)
        && matches!(doc.token_kind(i - 1), Some(TokenKind::Word | TokenKind::Number));
    let digits = doc.token_text(i + 1);
    if after_word || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(number_result(doc, decimal_part(digits)?, i, i + 2, Form::Cardinal, false))
}

/// The value of a digits token's numeric part: "100,000" → 100000, "4.7" → 4.7, "12,34,567"
/// → 1234567 (Indian grouping), "1,5" → 1.5 (a decimal comma).
fn digits_value(digits: &str) -> Option<f64> {
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
fn decimal_part(decimals: &str) -> Option<f64> {
    if decimals.is_empty() {
        return Some(0.0);
    }
    let digits: f64 = decimals.parse().ok()?;
    Some(digits / 10f64.powi(decimals.len() as i32))
}

fn vulgar_fraction(c: &str) -> Option<f64> {
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
fn glued_magnitude(suffix: &str) -> Option<f64> {
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

fn parse_digits(doc: &Document, i: usize, limit: usize) -> Option<Number> {
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

    // Magnitude words: "1.2 million", "3 billion", "2.12 hundred", "13 lakh crore".
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
    number.value = value;
    number.end = end;
    number.span = doc.tokens()[i].span.cover(doc.tokens()[end - 1].span);
    if number.suffix.is_some() && end > i + 1 {
        number.suffix = None;
    }
    Some(number)
}

/// "1.2 million", "200 hundred thousand", "13 lakh crore", "a 108-billion-dollar debt": scale
/// words after digits, each larger than the last. Returns the scaled value, the scale and where
/// the words end.
fn magnitude_words(doc: &Document, at: usize, value: f64, limit: usize) -> Option<(f64, f64, usize)> {
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
fn smaller_groups(doc: &Document, at: usize, scale: f64, limit: usize) -> Option<(f64, usize)> {
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
fn whole_digits(text: &str) -> Option<f64> {
    (!text.is_empty() && text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Thousands separated by spaces: "1 234 567", or "40 000" with a narrow or no-break space. A
/// single group after an ordinary space is left alone, since news copy writes "15 747s" and "36
/// 100-kilowatt" with one.
fn spaced_groups(doc: &Document, i: usize, digits: &str, limit: usize) -> Option<(f64, usize)> {
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
fn exponent(doc: &Document, i: usize, suffix: &str, value: f64, limit: usize) -> Option<(f64, usize)> {
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
fn times_power(doc: &Document, at: usize, value: f64, limit: usize) -> Option<(f64, usize)> {
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

fn is_sign(text: &str) -> bool {
    matches!(text, "+" | "-" | "−" | "–")
}

/// An exponent glued to what precedes token `at`: signs, then up to three digits.
fn signed_exponent(doc: &Document, mut at: usize, limit: usize) -> Option<(i32, usize)> {
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
fn digit_fraction(doc: &Document, i: usize, limit: usize) -> Option<(f64, usize)> {
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

/// What the last word read added to a spelled-out number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    /// "a" or "an" before a scale or a fraction: "a million", "a third".
    Article,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
}

/// A spelled-out cardinal read word by word: `total` holds finished scale groups ("two
/// million"), `current` the group under way ("three hundred and five").
#[derive(Debug, Clone, Copy)]
struct Words {
    total: f64,
    current: f64,
    /// The units and tens since the last "hundred" or scale: what "dozen" multiplies in "three
    /// hundred and two dozen", and the tens that "thirty-fifths" takes into its denominator.
    tail: f64,
    /// The largest scale applied (1 when none).
    top_scale: f64,
    /// The last scale read (1 when none): "five billion and three quarters" is a fraction of it.
    last_scale: f64,
    /// The tail came after "and": "one hundred and thirty fifths" is 130/5, where "one hundred
    /// thirty fifths" is 100/35.
    after_and: bool,
    last: Last,
}

impl Words {
    fn new() -> Words {
        Words {
            total: 0.0,
            current: 0.0,
            tail: 0.0,
            top_scale: 1.0,
            last_scale: 1.0,
            after_and: false,
            last: Last::Nothing,
        }
    }

    fn value(&self) -> f64 {
        self.total + self.current
    }

    fn has_number(&self) -> bool {
        !matches!(self.last, Last::Nothing | Last::Article)
    }

    /// Just the word "one": "one fifth" is a fraction where "two fifth" is not.
    fn is_one(&self) -> bool {
        self.last == Last::Unit && self.total == 0.0 && self.current == 1.0
    }

    /// Adds a word below a hundred; false when it cannot follow what was read ("two three").
    fn add_small(&mut self, v: f64) -> bool {
        let fits = match self.last {
            Last::Nothing | Last::Hundred | Last::Scale => true,
            Last::Tens => v > 0.0 && v < 10.0,
            Last::Article | Last::Unit | Last::Teen => false,
        };
        if fits {
            self.current += v;
            self.tail += v;
            self.last = match v {
                v if v >= 20.0 => Last::Tens,
                v if v >= 10.0 => Last::Teen,
                _ => Last::Unit,
            };
        }
        fits
    }

    /// "hundred": multiplies a group below a hundred ("nineteen hundred", "fifty hundred").
    fn add_hundred(&mut self) -> bool {
        match self.last {
            Last::Nothing => self.current = 100.0,
            Last::Article => self.current *= 100.0,
            Last::Unit | Last::Teen | Last::Tens if self.current < 100.0 => self.current *= 100.0,
            _ => return false,
        }
        self.tail = 0.0;
        self.after_and = false;
        self.last = Last::Hundred;
        true
    }

    /// "thousand", "million", "crore": closes the group under way. A larger scale after a
    /// smaller one multiplies everything ("a hundred thousand", "three lakh crore").
    fn add_scale(&mut self, s: f64) -> bool {
        match self.last {
            Last::Nothing => self.current = 1.0,
            Last::Scale if s <= self.top_scale => return false,
            _ => {}
        }
        if s > self.top_scale {
            self.total = (self.total + self.current) * s;
        } else {
            self.total += self.current * s;
        }
        self.current = 0.0;
        self.tail = 0.0;
        self.after_and = false;
        self.top_scale = s;
        self.last_scale = s;
        self.last = Last::Scale;
        true
    }

    /// "dozen" after a number multiplies the units and tens before it.
    fn add_dozen(&mut self) -> bool {
        if matches!(self.last, Last::Nothing | Last::Scale) {
            return false;
        }
        let base = if self.tail > 0.0 { self.tail } else { self.current };
        self.current += base * 11.0;
        true
    }

    /// Reads an ordinal's number as if it were the cardinal word: "fifth" after "twenty" as
    /// "five", "hundredth" after "two" as "hundred".
    fn add_ordinal(&mut self, d: f64) -> bool {
        match d {
            d if d < 100.0 => self.add_small(d),
            100.0 => self.add_hundred(),
            d => self.add_scale(d),
        }
    }
}

/// How a spelled-out number goes on at a word.
enum Step {
    /// Read on from this token.
    Next(usize),
    /// The number ends here: value, form, scale, end.
    Done(f64, Form, f64, usize),
    /// The number ended before this word.
    Stop,
    /// The words are not a number after all ("a third term" is an ordinal, read from "third").
    Reject,
}

/// Spelled-out numbers, fractions, ordinals and vague amounts.
fn parse_words(doc: &Document, i: usize, limit: usize) -> Option<Number> {
    let text = doc.token_text(i);
    if !may_be_number_word(text) {
        return None;
    }
    let first_word = Lower::new(text);
    let w = first_word.as_str();
    if !starts_number(w) {
        return None;
    }
    if let Some(number) = vague_amount(doc, i, limit, w) {
        return Some(number);
    }
    if w == "half" {
        return half(doc, i, limit);
    }

    let mut words = Words::new();
    let mut end = i;
    if w == "a" || w == "an" {
        words.current = 1.0;
        words.last = Last::Article;
        end = after_hyphen(doc, i + 1, limit, &words);
    }
    let (value, form, scale, end) = loop {
        let step = match word_at(doc, end, limit) {
            Some(word) => word_step(doc, i, end, limit, &mut words, word.as_str()),
            None => Step::Stop,
        };
        match step {
            Step::Next(next) => end = next,
            Step::Done(value, form, scale, next) => break (value, form, scale, next),
            Step::Reject => return None,
            Step::Stop => match split_fraction(doc, end, limit, &words) {
                Some(Step::Done(value, form, scale, next)) => break (value, form, scale, next),
                Some(_) => return None,
                None if words.has_number() => break (words.value(), Form::Cardinal, words.top_scale, end),
                None => return None,
            },
        }
    };
    let mut number = number_result(doc, value, i, end, form, true);
    if form == Form::Fraction
        && let Some((factor, next)) = scaled_fraction(doc, end, limit)
    {
        // "a quarter million", "two thirds of a million"
        number = number_result(doc, value * factor, i, next, Form::Cardinal, true);
        number.scale = factor;
    } else if form == Form::Cardinal {
        number.scale = scale;
    }
    number.magnitude = number.scale >= 1e3;
    if number.scale < 1e3 {
        number.scale = 1.0;
    }
    Some(number)
}

/// Reads word `w` at token `at` of the number that started at token `first`.
fn word_step(doc: &Document, first: usize, at: usize, limit: usize, words: &mut Words, w: &str) -> Step {
    if let Some(v) = small_number(w) {
        return if words.add_small(v) {
            Step::Next(after_hyphen(doc, at + 1, limit, words))
        } else {
            Step::Stop
        };
    }
    if w == "hundred" {
        return if words.add_hundred() {
            Step::Next(after_hyphen(doc, at + 1, limit, words))
        } else {
            Step::Stop
        };
    }
    if let Some(s) = scale(w) {
        let allowed = !is_scale_abbreviation(w) || words.has_number();
        return if allowed && words.add_scale(s) { Step::Next(at + 1) } else { Step::Stop };
    }
    if is_dozen(w) {
        return if words.add_dozen() {
            Step::Done(words.value(), Form::Cardinal, words.top_scale, at + 1)
        } else {
            Step::Stop
        };
    }
    match w {
        "and" if words.has_number() => and_step(doc, at, limit, words),
        "point"
            if words.has_number()
                && words.top_scale == 1.0
                && !(first > 0 && doc.is_word(first - 1, "at")) =>
        {
            point_step(doc, at, limit, words)
        }
        _ => match denominator_word(w) {
            Some((d, plural)) => {
                let the_before = first > 0 && doc.is_word(first - 1, "the");
                denominator_step(doc, at, limit, words, w, (d, plural), the_before)
            }
            None => Step::Stop,
        },
    }
}

/// "and" inside a number: "one hundred and five", or a fraction completing it ("two and a
/// half", "one hundred and three quarters", "a million and a half").
fn and_step(doc: &Document, at: usize, limit: usize, words: &mut Words) -> Step {
    let last_scale = if words.last == Last::Scale { words.last_scale } else { 1.0 };
    let whole = Whole { value: words.value(), last_scale, top_scale: words.top_scale, digits: false };
    if let Some((value, scale, end)) = mixed_fraction(doc, at, limit, whole) {
        return Step::Done(value, Form::Cardinal, scale, end);
    }
    let continues = matches!(words.last, Last::Hundred | Last::Scale)
        && word_at(doc, at + 1, limit).is_some_and(|n| small_number(n.as_str()).is_some());
    if !continues {
        return Step::Stop;
    }
    words.after_and = true;
    Step::Next(at + 1)
}

/// "two point five", "nought point nought three": decimals read digit by digit after "point".
fn point_step(doc: &Document, at: usize, limit: usize, words: &Words) -> Step {
    let Some((decimals, end)) = spoken_decimals(doc, at + 1, limit) else {
        return Step::Stop;
    };
    let value = words.value() + decimals;
    match scale_at(doc, end, limit).filter(|&s| s >= 1e3) {
        // "two point five million"
        Some(s) => Step::Done(value * s, Form::Cardinal, s, end + 1),
        None => Step::Done(value, Form::Cardinal, 1.0, end),
    }
}

/// The digits after a spoken "point": "five" (.5), "zero three" (.03), "seventy-one" (.71).
fn spoken_decimals(doc: &Document, at: usize, limit: usize) -> Option<(f64, usize)> {
    let first = small_number(word_at(doc, at, limit)?.as_str())?;
    if first >= 10.0 {
        let mut group = Words::new();
        group.add_small(first);
        let mut end = at + 1;
        let next = after_hyphen(doc, end, limit, &group);
        if let Some(unit) = word_at(doc, next, limit).and_then(|w| small_number(w.as_str()))
            && group.add_small(unit)
        {
            end = next + 1;
        }
        return Some((group.value() / 100.0, end));
    }
    let (mut fraction, mut place, mut end) = (0.0, 0.1, at);
    while let Some(digit) =
        word_at(doc, end, limit).and_then(|w| small_number(w.as_str())).filter(|&d| d < 10.0)
    {
        fraction += digit * place;
        place /= 10.0;
        end += 1;
    }
    Some((fraction, end))
}

/// An ordinal or a fraction's denominator after the number so far: "third" alone, "a third",
/// "two thirds", "twenty-first", "one hundred twenty fifth", "one hundred thirty-fifths".
fn denominator_step(
    doc: &Document,
    at: usize,
    limit: usize,
    words: &Words,
    w: &str,
    (d, plural): (f64, bool),
    the_before: bool,
) -> Step {
    let half_or_quarter = matches!(w, "half" | "halves" | "quarter" | "quarters");
    match words.last {
        // "quarter million"
        Last::Nothing if w == "quarter" && scaled_fraction(doc, at + 1, limit).is_some() => {
            return Step::Done(0.25, Form::Fraction, 1.0, at + 1);
        }
        Last::Nothing if plural || half_or_quarter => return Step::Stop,
        Last::Nothing => return Step::Done(d, Form::Ordinal, 1.0, at + 1),
        Last::Article if plural || matches!(w, "first" | "second") => return Step::Reject,
        Last::Article if !half_or_quarter && ordinal_before_noun(doc, at + 1, limit) => return Step::Reject,
        Last::Article => return Step::Done(1.0 / d, Form::Fraction, 1.0, at + 1),
        _ => {}
    }
    let value = words.value();
    if plural {
        // "one hundred thirty-fifths" is 100/35; "twenty-three fifths" 23/5.
        if d < 10.0 && words.last == Last::Tens && value > words.tail && !words.after_and && !half_or_quarter
        {
            let denominator = words.tail + d;
            return Step::Done((value - words.tail) / denominator, Form::Fraction, 1.0, at + 1);
        }
        // "three firsts" are wins, "twenty seconds" a time, "the two halves" two parts.
        if matches!(w, "firsts" | "seconds") || w == "halves" && value <= 2.0 {
            return Step::Stop;
        }
        return Step::Done(value / d, Form::Fraction, 1.0, at + 1);
    }
    if w == "quarter" || words.is_one() && w == "half" {
        return Step::Done(value / d, Form::Fraction, 1.0, at + 1);
    }
    // "one fifth", "one hundredth" of a second, but "the one hundredth anniversary".
    let ranked = the_before && d >= 100.0;
    if words.is_one() && !half_or_quarter && !matches!(w, "first" | "second") && !ranked {
        return Step::Done(1.0 / d, Form::Fraction, 1.0, at + 1);
    }
    // "twenty-second" is 22nd, but "twenty second" is a duration; "two mln first preferred
    // shares" are first preferred shares.
    let after_scale = words.last == Last::Scale && d < 100.0;
    if half_or_quarter || after_scale || w == "second" && !doc.is_text(at.wrapping_sub(1), "-") {
        return Step::Stop;
    }
    let mut ordinal = *words;
    if ordinal.add_ordinal(d) { Step::Done(ordinal.value(), Form::Ordinal, 1.0, at + 1) } else { Step::Stop }
}

/// After the number so far stopped at a number word: a denominator written in several words,
/// "three twenty-firsts" (3/21), "twenty twenty fifths" (20/25), "one one hundred and fifth"
/// (1/105), "a twenty-first" (1/21).
fn split_fraction(doc: &Document, at: usize, limit: usize, words: &Words) -> Option<Step> {
    if words.last == Last::Nothing || at >= limit || !may_be_number_word(doc.token_text(at)) {
        return None;
    }
    let (denominator, plural, end) = ordinal_phrase(doc, at, limit)?;
    let article = words.last == Last::Article;
    if plural && article || !plural && !article && !words.is_one() {
        return None;
    }
    // "a twenty-first-century city", "one twenty-first-century trend": ordinals.
    if !plural && ordinal_before_noun(doc, end, limit) {
        return article.then_some(Step::Reject);
    }
    Some(Step::Done(words.value() / denominator, Form::Fraction, 1.0, end))
}

/// An ordinal written in several words starting at `at`: "twenty-fifths", "one hundred and
/// fifth". Returns its number, whether it is plural, and where it ends.
fn ordinal_phrase(doc: &Document, at: usize, limit: usize) -> Option<(f64, bool, usize)> {
    let mut words = Words::new();
    let mut k = at;
    loop {
        let word = word_at(doc, k, limit)?;
        let w = word.as_str();
        if let Some((d, plural)) = ordinal_word(w) {
            let lone_second = w.starts_with("second") && !doc.is_text(k.wrapping_sub(1), "-");
            return (words.has_number() && !lone_second && words.add_ordinal(d)).then_some((
                words.value(),
                plural,
                k + 1,
            ));
        }
        let fits = match (small_number(w), scale(w)) {
            (Some(v), _) => words.add_small(v),
            (None, Some(100.0)) => words.add_hundred(),
            (None, Some(s)) => !is_scale_abbreviation(w) && words.add_scale(s),
            (None, None) => w == "and" && matches!(words.last, Last::Hundred | Last::Scale),
        };
        if !fits {
            return None;
        }
        k = after_hyphen(doc, k + 1, limit, &words);
    }
}

/// Whether an ordinal after "a" is followed by what it ranks: "a third term", "a fifth straight
/// win", "a twenty-first-century city". Then it is an ordinal; "a third of", "a third higher",
/// "a fifth saying" and "a third." are fractions.
fn ordinal_before_noun(doc: &Document, at: usize, limit: usize) -> bool {
    if at >= limit {
        return false;
    }
    if doc.is_text(at, "-") && doc.adjacent(at - 1) {
        return true;
    }
    word_at(doc, at, limit).is_some_and(|next| {
        let n = next.as_str();
        let participle = n.ends_with("ing") && !word_lists::is_ing_noun(n);
        !ends_subject(n) && !looks_like_verb(n) && !word_lists::is_comparative(n) && !participle
    })
}

/// Skips a hyphen at `at` when the word after it continues the number: "forty-two",
/// "twenty-first", "two-thirds", "one-half", "fifty - two". A hyphen spaced on one side only is a
/// dash and ends the number.
fn after_hyphen(doc: &Document, at: usize, limit: usize, words: &Words) -> usize {
    if at + 1 >= limit || !doc.is_text(at, "-") || doc.adjacent(at - 1) != doc.adjacent(at) {
        return at;
    }
    let Some(next) = word_at(doc, at + 1, limit) else {
        return at;
    };
    let n = next.as_str();
    let after_tens = words.last == Last::Tens
        && (small_number(n).is_some_and(|u| u > 0.0 && u < 10.0)
            || ordinal_word(n).is_some_and(|(u, _)| u < 10.0));
    let denominator =
        denominator_word(n).is_some() && !matches!(n, "first" | "second" | "firsts" | "seconds");
    // "two-and-a-half"
    let and = n == "and" && words.has_number() && doc.is_text(at + 2, "-");
    if after_tens || denominator || and { at + 1 } else { at }
}

/// A fraction after "and" that completes a whole number: "two and a half", "one hundred and
/// three quarters", "a million and a half" (1.5 million), "one billion and a half million",
/// "two and a half million". Returns the value, its scale and where it ends.
fn mixed_fraction(doc: &Document, and_at: usize, limit: usize, whole: Whole) -> Option<(f64, f64, usize)> {
    if !doc.is_word(and_at, "and") {
        return None;
    }
    // "two-and-a-half"
    let hyphenated = doc.is_text(and_at + 1, "-") && doc.adjacent(and_at) && doc.adjacent(and_at + 1);
    let part_at = if hyphenated { and_at + 2 } else { and_at + 1 };
    if part_at >= limit || !may_start_number(doc.token_text(part_at)) {
        return None;
    }
    // After digits only "a half", "a quarter": "Key Stages 3 and 4 and two-fifths of schools" is
    // a list; so is a fraction of something.
    let article = doc.is_word(part_at, "a") || doc.is_word(part_at, "an");
    if whole.digits && !article {
        return None;
    }
    let part = parse_words(doc, part_at, limit)?;
    if !article && doc.is_word(part.end, "of") {
        return None;
    }
    match part.form {
        // Only a proper fraction completes a whole: "one hundred and thirty fifths" is 130/5.
        Form::Fraction if part.value < 1.0 => {
            Some((whole.value + part.value * whole.last_scale, whole.top_scale, part.end))
        }
        // "a half million": a fraction of a scale.
        Form::Cardinal if part.magnitude && part.value < part.scale => {
            if whole.top_scale > part.scale {
                Some((whole.value + part.value, whole.top_scale, part.end))
            } else {
                Some(((whole.value + part.value / part.scale) * part.scale, part.scale, part.end))
            }
        }
        _ => None,
    }
}

/// The whole number before a fraction that may complete it.
#[derive(Debug, Clone, Copy)]
struct Whole {
    value: f64,
    /// The scale that closed it (1 when none): "a million and a half" is 1.5 million.
    last_scale: f64,
    /// Its largest scale (1 when none).
    top_scale: f64,
    /// Written in digits.
    digits: bool,
}

/// A scale after a fraction: "quarter million", "two thirds of a million". Returns the scale
/// and where it ends. Not a compound: "half a billion-dollar fund".
fn scaled_fraction(doc: &Document, at: usize, limit: usize) -> Option<(f64, usize)> {
    let article = doc.is_word(at + 1, "a") || doc.is_word(at + 1, "an");
    let scale_at = if doc.is_word(at, "of") && article { at + 2 } else { at };
    let word = word_at(doc, scale_at, limit)?;
    let s = scale(word.as_str()).filter(|&s| s >= 1e3 && !is_scale_abbreviation(word.as_str()))?;
    let compound = doc.is_text(scale_at + 1, "-") && doc.adjacent(scale_at);
    (!compound).then_some((s, scale_at + 1))
}

/// "half", "half a million", "half a dozen", "half million". Not the rugby positions
/// "fly-half" and "scrum-half".
fn half(doc: &Document, i: usize, limit: usize) -> Option<Number> {
    if i > 0 && doc.is_text(i - 1, "-") && doc.adjacent(i - 1) {
        return None;
    }
    let article = doc.is_word(i + 1, "a") || doc.is_word(i + 1, "an");
    if article
        && let Some(s) = word_at(doc, i + 2, limit)
            .and_then(|n| scale(n.as_str()).or(is_dozen(n.as_str()).then_some(12.0)))
    {
        let mut number = number_result(doc, 0.5 * s, i, i + 3, Form::Cardinal, true);
        number.magnitude = s >= 1e3;
        number.scale = if s >= 1e3 { s } else { 1.0 };
        return Some(number);
    }
    if let Some((s, end)) = scaled_fraction(doc, i + 1, limit) {
        let mut number = number_result(doc, 0.5 * s, i, end, Form::Cardinal, true);
        number.magnitude = true;
        number.scale = s;
        return Some(number);
    }
    Some(number_result(doc, 0.5, i, i + 1, Form::Fraction, true))
}

/// "dozens", "tens of thousands", "several thousand", "a few hundred", "a handful".
fn vague_amount(doc: &Document, i: usize, limit: usize, w: &str) -> Option<Number> {
    let vague = |low: f64, high: f64, end: usize| {
        let mut number = number_result(doc, low, i, end, Form::Cardinal, true);
        number.vague = Some((low, high));
        Some(number)
    };
    if let Some((low, high)) = vague_plural(w) {
        // "hundreds of thousands", "thousands of millions"
        if doc.is_word(i + 1, "of")
            && let Some((inner_low, _)) = word_at(doc, i + 2, limit).and_then(|n| vague_plural(n.as_str()))
            && inner_low > low
        {
            // The inner word's scale: "thousands" counts in thousands.
            let unit = inner_low / 2.0;
            return vague(low * unit, high * unit, i + 3);
        }
        return vague(low, high, i + 1);
    }
    if w == "tens" && doc.is_word(i + 1, "of") {
        let inner = word_at(doc, i + 2, limit)?;
        let (inner_low, _) = vague_plural(inner.as_str())?;
        let unit = inner_low / 2.0;
        return vague(20.0 * unit, 100.0 * unit, i + 3);
    }
    let (low_factor, high_factor, skip) = match w {
        "several" => (3.0, 10.0, 1),
        "few" => (2.0, 6.0, 1),
        "a" if doc.is_word(i + 1, "few") => (2.0, 6.0, 2),
        "a" if doc.is_word(i + 1, "couple") => (2.0, 3.0, if doc.is_word(i + 2, "of") { 3 } else { 2 }),
        "a" if doc.is_word(i + 1, "handful") => return vague(2.0, 6.0, i + 2),
        _ => return None,
    };
    let next = word_at(doc, i + skip, limit)?;
    let unit = scale(next.as_str()).or(is_dozen(next.as_str()).then_some(12.0))?;
    if is_scale_abbreviation(next.as_str()) {
        return None;
    }
    // "several hundred million"
    let (unit, end) = match magnitude_words(doc, i + skip + 1, unit, limit) {
        Some((scaled, _, end)) if unit >= 100.0 => (scaled, end),
        _ => (unit, i + skip + 1),
    };
    vague(low_factor * unit, high_factor * unit, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(f64, String, Form)> {
        let doc = Document::from_text(text);
        let n = parse_at(&doc, 0, doc.tokens().len())?;
        Some((n.value, doc.slice(n.span).to_string(), n.form))
    }

    fn value(text: &str) -> f64 {
        read(text).map(|(v, _, _)| v).unwrap_or(f64::NAN)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[track_caller]
    fn assert_reads(text: &str, expected: f64) {
        let got = value(text);
        assert!(close(got, expected), "{text}: read {got}, expected {expected}");
    }

    #[test]
    fn the_number_words_behind_the_first_letters_test_are_number_words() {
        for word in NUMBER_WORDS {
            let known = starts_number(word) || denominator_word(word).is_some() || is_dozen(word);
            assert!(known, "{word} is listed as a number word but none of the number tables has it");
        }
    }

    #[test]
    fn every_number_word_passes_the_first_letters_test() {
        let variants =
            ["Thousands", "HUNDREDTHS", "trillionths", "dozens", "dozs", "lakhs", "crores", "quarters"];
        for word in NUMBER_WORDS.iter().chain(&variants) {
            assert!(may_be_number_word(word), "{word}");
        }
        for word in ["the", "that", "said", "and", "on", "has", "have", "not", "now", "only", "any"] {
            assert!(!may_be_number_word(word), "{word}");
        }
    }

    #[test]
    fn digits_with_separators() {
        assert_eq!(value("100,000 troops"), 100_000.0);
        assert_eq!(value("4.7 percent"), 4.7);
        assert_eq!(value("1,674,200.5"), 1_674_200.5);
        assert!(read("192.168.1.2").is_none());
        assert_eq!(value("1,5"), 1.5);
        assert_eq!(value("4000,000 dlrs"), 4e6);
        assert!(read("22,24,26,31").is_none());
    }

    #[test]
    fn indian_grouping_and_scales() {
        assert_eq!(value("12,34,567 voters"), 1_234_567.0);
        assert_reads("1,00,000.50 rupees", 100_000.5);
        assert_eq!(value("13 lakh people"), 1_300_000.0);
        assert_eq!(value("2 crore"), 20_000_000.0);
        assert_eq!(value("three lakh crore"), 3e12);
        assert_eq!(value("1.5 lakh crore"), 1.5e12);
    }

    #[test]
    fn leading_decimal_point() {
        assert_eq!(read(".08 limit").map(|(v, s, _)| (v, s)), Some((0.08, ".08".into())));
        let doc = Document::from_text("He carried a .22 rifle.");
        assert_eq!(parse_at(&doc, 3, doc.tokens().len()).map(|n| n.value), Some(0.22));
    }

    #[test]
    fn spaced_thousands() {
        assert_eq!(value("1 234 567"), 1_234_567.0);
        assert_eq!(value("40\u{202f}000 fans"), 40_000.0);
        assert_eq!(value("40\u{a0}000.5"), 40_000.5);
        // One group after a plain space is two figures: "15 747s".
        assert_eq!(value("15 747s"), 15.0);
        let doc = Document::from_text("Call 0845 8 505 505 now.");
        assert_eq!(parse_at(&doc, 2, doc.tokens().len()).map(|n| n.value), Some(8.0));
    }

    #[test]
    fn powers() {
        assert_eq!(value("1.3e6"), 1.3e6);
        assert_reads("12.32e+14", 12.32e14);
        assert_reads("6.23x10^-4", 6.23e-4);
        assert_reads("2.48×10−5 seconds", 2.48e-5);
        assert_reads("1.3x10^6", 1.3e6);
        assert_eq!(value("10^6"), 1e6);
        assert_reads("1.1^23", 1.1f64.powi(23));
        // Not powers: a size and a cable category.
        assert_eq!(read("4x4").map(|(v, s, _)| (v, s)), Some((4.0, "4x".into())));
        assert_eq!(value("5e cable"), 5.0);
        assert_eq!(value("7E7 jets"), 7.0);
    }

    #[test]
    fn magnitudes() {
        assert_eq!(value("1.2 million people"), 1_200_000.0);
        assert_eq!(value("3bn"), 3e9);
        assert_eq!(value("2.5 trillion"), 2.5e12);
        assert_eq!(value("300k"), 300_000.0);
        assert_eq!(value("155 mln"), 155e6);
        assert_eq!(value("1MM"), 1e6);
        assert_eq!(value("2mil"), 2e6);
        assert_eq!(value("10 tln"), 1e13);
        assert_eq!(value("2.12 hundred"), 212.0);
        assert_eq!(value("108-billion-dollar debt"), 108e9);
    }

    #[test]
    fn digits_and_words_together() {
        assert_eq!(value("3 hundred and 21"), 321.0);
        assert_eq!(value("4 thousand 3 hundred and 21"), 4321.0);
        assert_eq!(value("3 hundred and one"), 301.0);
        assert_eq!(value("6 crore and two hundred"), 60_000_200.0);
        // "and" after a larger scale joins two figures.
        assert_eq!(value("2 million and 500 jobs"), 2e6);
        assert_eq!(value("5 million 18-24-year-olds"), 5e6);
        assert_eq!(value("3 hundred and 2 hundred"), 300.0);
        assert_eq!(value("3 million and a half"), 3.5e6);
        assert_eq!(value("2 and a half years"), 2.5);
    }

    #[test]
    fn dozens() {
        assert_eq!(value("3 dozen eggs"), 36.0);
        assert_eq!(value("three dozens"), 36.0);
        assert_eq!(value("5 dzs"), 60.0);
        assert_eq!(value("three hundred and two dozen"), 324.0);
        assert_eq!(value("a dozen eggs"), 12.0);
    }

    #[test]
    fn words() {
        assert_eq!(value("forty-two"), 42.0);
        assert_eq!(value("fifty - two"), 52.0);
        assert_eq!(value("two hundred"), 200.0);
        assert_eq!(value("one hundred and sixteen"), 116.0);
        assert_eq!(value("three million two hundred thousand"), 3_200_000.0);
        assert_eq!(value("one million two thousand"), 1_002_000.0);
        assert_eq!(value("twenty two"), 22.0);
        assert_eq!(value("a million"), 1e6);
        assert_eq!(value("nineteen hundred"), 1900.0);
        assert_eq!(value("a hundred thousand"), 1e5);
    }

    #[test]
    fn words_do_not_run_together() {
        assert_eq!(read("one two").map(|(_, s, _)| s).as_deref(), Some("one"));
        assert_eq!(read("twenty thirty").map(|(_, s, _)| s).as_deref(), Some("twenty"));
        assert_eq!(read("hundred and five hundred").map(|(_, s, _)| s).as_deref(), Some("hundred and five"));
        assert!(read("a car").is_none());
        assert!(read("an apple").is_none());
    }

    #[test]
    fn spoken_decimals() {
        assert_reads("two point five", 2.5);
        assert_reads("two hundred point zero three", 200.03);
        assert_reads("two hundred point seventy-one", 200.71);
        assert_reads("nought point nought three", 0.03);
        assert_reads("naught point five", 0.5);
        assert_reads("two point five million", 2.5e6);
        // "at one point" is an idiom, and "point" needs digits after it.
        let doc = Document::from_text("At one point two men left.");
        assert_eq!(parse_at(&doc, 1, doc.tokens().len()).map(|n| n.value), Some(1.0));
        assert_eq!(read("one point of order").map(|(_, s, _)| s).as_deref(), Some("one"));
    }

    #[test]
    fn fractions() {
        assert_eq!(value("half"), 0.5);
        assert_eq!(value("a third"), 1.0 / 3.0);
        assert_eq!(value("three-quarters"), 0.75);
        assert_eq!(value("two thirds"), 2.0 / 3.0);
        assert_eq!(value("one-half mile"), 0.5);
        assert_eq!(value("three halves"), 1.5);
        assert_reads("twenty-three fifths", 23.0 / 5.0);
        assert_reads("five - eighths", 0.625);
        assert_eq!(value("1 1/2 miles"), 1.5);
        assert_eq!(value("3/4"), 0.75);
        assert_eq!(value("2½"), 2.5);
        assert_eq!(value("a trillionth"), 1e-12);
        assert_reads("a hundred trillionths", 1e-10);
        assert_reads("one twenty-fifth", 0.04);
        assert_reads("three twenty-firsts", 3.0 / 21.0);
        assert_reads("one hundred thirty-fifths", 100.0 / 35.0);
        assert_reads("one one hundred and fifth", 1.0 / 105.0);
        // After "and" the whole group is the numerator.
        assert_eq!(value("one hundred and thirty fifths"), 26.0);
        assert_reads("one hundred and thirty-two fifths", 26.4);
    }

    #[test]
    fn mixed_numbers() {
        assert_eq!(value("one and a half"), 1.5);
        assert_eq!(value("two and a half million"), 2.5e6);
        assert_eq!(value("a million and a half"), 1.5e6);
        assert_eq!(value("five billion and three quarters"), 5.75e9);
        assert_eq!(value("one hundred and three quarters"), 100.75);
        assert_reads("one hundred and three and two thirds", 103.0 + 2.0 / 3.0);
        assert_reads("two and fifty-four hundredths", 2.54);
        assert_eq!(value("one billion and a half million"), 1_000_500_000.0);
        assert_eq!(value("three and one fourth"), 3.25);
        assert_eq!(value("two-and-a-half years"), 2.5);
        assert_eq!(value("15-and-a-half miles"), 15.5);
        assert_eq!(value("one-and-a-half million"), 1.5e6);
        // Lists and shares of something are not mixed numbers.
        assert_eq!(value("4 and two-fifths of schools"), 4.0);
        assert_eq!(value("two and three quarters of voters"), 2.0);
    }

    #[test]
    fn fractions_of_scales() {
        assert_eq!(value("half a million"), 5e5);
        assert_eq!(value("half million"), 5e5);
        assert_eq!(value("a quarter million"), 250_000.0);
        assert_eq!(value("quarter million"), 250_000.0);
        assert!(read("quarter").is_none());
        assert_eq!(value("three quarters billion"), 7.5e8);
        assert_reads("two thirds of a million", 2e6 / 3.0);
        assert_eq!(value("half a dozen"), 6.0);
    }

    #[test]
    fn shares() {
        assert_eq!(read("one in five adults"), Some((0.2, "one in five".into(), Form::Fraction)));
        assert_eq!(value("nine out of ten"), 0.9);
        assert_reads("one over three", 1.0 / 3.0);
        assert_reads("2 in 5", 0.4);
        // Time, units and years after the second number keep two figures.
        assert_eq!(value("2 in 10 minutes"), 2.0);
        assert_eq!(value("one over par"), 1.0);
        assert_eq!(value("5 in 2019"), 5.0);
        assert_eq!(value("3 over 10 years"), 3.0);
        assert_eq!(value("20 over 300 people"), 20.0);
    }

    #[test]
    fn ordinals() {
        assert_eq!(read("third"), Some((3.0, "third".into(), Form::Ordinal)));
        assert_eq!(read("21st"), Some((21.0, "21st".into(), Form::Ordinal)));
        assert_eq!(read("twenty-first"), Some((21.0, "twenty-first".into(), Form::Ordinal)));
        assert_eq!(read("one hundred twenty fifth").map(|(v, _, f)| (v, f)), Some((125.0, Form::Ordinal)));
        assert_eq!(read("two hundredth").map(|(v, _, f)| (v, f)), Some((200.0, Form::Ordinal)));
        assert_eq!(read("trillionth").map(|(v, _, f)| (v, f)), Some((1e12, Form::Ordinal)));
        assert_eq!(read("Nineth").map(|(v, _, f)| (v, f)), Some((9.0, Form::Ordinal)));
        let doc = Document::from_text("the one hundredth anniversary");
        let n = parse_at(&doc, 1, doc.tokens().len()).unwrap();
        assert_eq!((n.value, n.form), (100.0, Form::Ordinal));
        let doc = Document::from_text("the one third reduction");
        assert_eq!(parse_at(&doc, 1, doc.tokens().len()).map(|n| n.value), Some(1.0 / 3.0));
    }

    #[test]
    fn an_ordinal_before_what_it_ranks_is_not_a_fraction() {
        assert!(read("a third term").is_none());
        assert!(read("a fifth straight win").is_none());
        assert!(read("a twenty-first century city").is_none());
        assert_eq!(value("a third of voters"), 1.0 / 3.0);
        assert_eq!(value("a third higher"), 1.0 / 3.0);
        assert_eq!(value("a fifth."), 0.2);
        assert_eq!(value("a fifth saying"), 0.2);
        assert!(read("a third reading").is_none());
        // "twenty seconds" is a time, "three firsts" are wins.
        assert_eq!(value("twenty seconds"), 20.0);
        assert_eq!(value("three firsts"), 3.0);
        assert_eq!(value("two halves of the country"), 2.0);
        assert_eq!(value("two mln first preferred shares"), 2e6);
    }

    #[test]
    fn rugby_positions_are_not_halves() {
        let doc = Document::from_text("The fly-half kicked.");
        assert!(parse_at(&doc, 3, doc.tokens().len()).is_none());
    }

    #[test]
    fn vague_amounts_are_intervals() {
        let vague = |text: &str| {
            let doc = Document::from_text(text);
            let n = parse_at(&doc, 0, doc.tokens().len()).unwrap();
            (n.vague, doc.slice(n.span).to_string())
        };
        assert_eq!(
            vague("tens of thousands of soldiers"),
            (Some((20_000.0, 100_000.0)), "tens of thousands".into())
        );
        assert_eq!(vague("dozens of homes"), (Some((24.0, 144.0)), "dozens".into()));
        assert_eq!(vague("several thousand people"), (Some((3_000.0, 10_000.0)), "several thousand".into()));
        assert_eq!(vague("a few hundred"), (Some((200.0, 600.0)), "a few hundred".into()));
        assert_eq!(vague("several hundred million"), (Some((3e8, 1e9)), "several hundred million".into()));
        assert_eq!(
            vague("hundreds of thousands"),
            (Some((200_000.0, 1_000_000.0)), "hundreds of thousands".into())
        );
    }

    #[test]
    fn decades_and_years() {
        let doc = Document::from_text("the 1990s and 2019");
        let decade = parse_at(&doc, 1, doc.tokens().len()).unwrap();
        assert_eq!(decade.form, Form::Decade);
        let year = parse_at(&doc, 3, doc.tokens().len()).unwrap();
        assert!(year.year_like);
    }
}
