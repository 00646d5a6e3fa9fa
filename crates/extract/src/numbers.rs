//! Reading one number as news copy writes it: digits ("100,000", "4.7"), words ("forty-two",
//! "two hundred and five"), magnitudes ("1.2 million", "3bn", "$5m"), fractions ("half", "a
//! third", "two-thirds", "1 1/2"), ordinals ("third", "21st") and vague amounts ("dozens", "tens of
//! thousands", "several thousand"), which read as intervals.
//!
//! This module knows nothing about what is counted; `quantity` decides that from the tokens
//! around the number.

use crate::document::Document;
use crate::span::Span;
use crate::token::TokenKind;

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
        "zero" | "nought" | "nil" => 0.0,
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
        _ => return tens(word),
    })
}

fn tens(word: &str) -> Option<f64> {
    Some(match word {
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

/// Scale words: multiply what comes before.
pub(crate) fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mln" | "mn" => 1e6,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Ordinal words and their numbers.
fn ordinal_word(word: &str) -> Option<f64> {
    Some(match word {
        "first" => 1.0,
        "second" => 2.0,
        "third" | "thirds" => 3.0,
        "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
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
        "hundredth" | "hundredths" => 100.0,
        "thousandth" | "thousandths" => 1000.0,
        "millionth" | "millionths" => 1e6,
        _ => return None,
    })
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

/// Words that may start a number: a cheap test before parsing.
pub(crate) fn may_start_number(word: &str) -> bool {
    let lower = Lower::new(word);
    let w = lower.as_str();
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

/// A lower-cased copy of a short word without allocating.
pub(crate) struct Lower {
    buf: [u8; 24],
    len: usize,
    fallback: Option<String>,
}

impl Lower {
    pub(crate) fn new(word: &str) -> Lower {
        let mut buf = [0u8; 24];
        if word.len() <= buf.len() && word.is_ascii() {
            for (slot, b) in buf.iter_mut().zip(word.bytes()) {
                *slot = b.to_ascii_lowercase();
            }
            Lower { buf, len: word.len(), fallback: None }
        } else {
            Lower { buf, len: 0, fallback: Some(word.to_lowercase().replace('’', "'")) }
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match &self.fallback {
            Some(s) => s,
            // Lower-casing ASCII keeps it ASCII.
            None => std::str::from_utf8(&self.buf[..self.len]).unwrap_or(""),
        }
    }
}

/// Reads the number starting at token `i`, not reading past token `limit`.
pub(crate) fn parse_at(doc: &Document, i: usize, limit: usize) -> Option<Number> {
    let tokens = doc.tokens();
    let token = tokens.get(i)?;
    match token.kind {
        TokenKind::Number => parse_digits(doc, i, limit),
        TokenKind::Word => parse_words(doc, i, limit),
        _ => None,
    }
}

fn lower(doc: &Document, i: usize) -> Lower {
    Lower::new(doc.token_text(i))
}

fn word_at(doc: &Document, i: usize, limit: usize) -> Option<Lower> {
    (i < limit && doc.token_kind(i) == Some(TokenKind::Word)).then(|| lower(doc, i))
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

/// The value of a digits token's numeric part ("100,000" → 100000; "4.7" → 4.7).
fn digits_value(digits: &str) -> Option<f64> {
    if digits.bytes().filter(|&b| b == b'.').count() > 1 {
        return None;
    }
    let mut groups = digits.split(',');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let thousands = rest.iter().enumerate().all(|(k, g)| {
        let int_part = if k + 1 == rest.len() { g.split('.').next().unwrap_or(g) } else { g };
        int_part.len() == 3
    });
    if rest.is_empty() || thousands {
        let joined: String = digits.chars().filter(|&c| c != ',').collect();
        return joined.parse().ok();
    }
    // "1,5": a decimal comma.
    if rest.len() == 1 && !first.contains('.') && !rest[0].contains('.') {
        return format!("{first}.{}", rest[0]).parse().ok();
    }
    None
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

fn parse_digits(doc: &Document, i: usize, limit: usize) -> Option<Number> {
    let tokens = doc.tokens();
    let text = doc.token_text(i);
    if let Some(fraction) = vulgar_fraction(text) {
        return Some(number_result(doc, fraction, i, i + 1, Form::Fraction, false));
    }
    let digits_end = text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(text.len());
    let (digits, suffix) = text.split_at(digits_end);
    let mut value = digits_value(digits)?;
    let mut number = number_result(doc, value, i, i + 1, Form::Cardinal, false);
    number.year_like = digits.len() == 4 && !digits.contains([',', '.']) && (1000.0..3000.0).contains(&value);
    let suffix_span = Span::new(tokens[i].span.start + digits_end as u32, tokens[i].span.end);

    let lower_suffix = suffix.to_ascii_lowercase();
    match lower_suffix.as_str() {
        "" => {}
        "st" | "nd" | "rd" | "th" => number.form = Form::Ordinal,
        "s" if digits.len() == 4 || digits.len() == 2 => {
            if value % 10.0 == 0.0 {
                number.form = Form::Decade;
            } else {
                number.suffix = Some(suffix_span);
            }
        }
        "k" => {
            value *= 1e3;
            number.magnitude = true;
            number.scale = 1e3;
        }
        // "m" is million after a currency sign but metres in "the 100m"; `quantity` decides.
        "bn" | "b" | "tn" | "trn" | "mn" | "mln" | "bln" => {
            let factor = scale(&lower_suffix).unwrap_or(1e9);
            value *= factor;
            number.magnitude = true;
            number.scale = factor;
        }
        _ => number.suffix = Some(suffix_span),
    }
    let mut end = i + 1;

    // "1 1/2", "1/2", "2½"
    if number.form == Form::Cardinal
        && suffix.is_empty()
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

    // Magnitude words: "1.2 million", "3 billion", "200 hundred" (rare) — only one scale.
    if number.suffix.is_none()
        && !number.magnitude
        && number.form == Form::Cardinal
        && let Some(word) = word_at(doc, end, limit)
        && let Some(s) = scale(word.as_str())
        && (word.as_str() != "hundred" || value.fract() == 0.0)
    {
        value *= s;
        end += 1;
        number.magnitude = true;
        number.scale = s;
        // "1.2 million" may continue with another scale: "2 hundred thousand".
        if let Some(next) = word_at(doc, end, limit).and_then(|w| scale(w.as_str()))
            && next > s
        {
            value *= next;
            end += 1;
            number.scale = s * next;
        }
    }
    number.value = value;
    number.end = end;
    number.span = tokens[i].span.cover(tokens[end - 1].span);
    if number.suffix.is_some() && end > i + 1 {
        number.suffix = None;
    }
    Some(number)
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

/// Spelled-out numbers, fractions, ordinals and vague amounts.
fn parse_words(doc: &Document, i: usize, limit: usize) -> Option<Number> {
    let first_word = lower(doc, i);
    let w = first_word.as_str();

    if let Some(number) = vague_amount(doc, i, limit, w) {
        return Some(number);
    }

    // "a" / "an" only before a scale, "dozen", "half", "quarter", "third"…
    let mut j = i;
    let mut leading_article = false;
    if w == "a" || w == "an" {
        let next = word_at(doc, i + 1, limit)?;
        let n = next.as_str();
        let allowed = scale(n).is_some() && n != "mn" && n != "bn" && n != "mln"
            || matches!(n, "dozen" | "half" | "quarter" | "couple")
            || (ordinal_word(n).is_some() && n != "first" && n != "second");
        if !allowed {
            return None;
        }
        leading_article = true;
        j = i + 1;
    }

    let mut total = 0.0;
    let mut current = 0.0;
    let mut seen_any = false;
    let mut end = j;
    let mut last_was_scale = false;
    let mut form = Form::Cardinal;
    if leading_article {
        current = 1.0;
        seen_any = true;
    }

    while end < limit {
        let Some(word) = word_at(doc, end, limit) else {
            break;
        };
        let w = word.as_str();
        if let Some(v) = small_number(w) {
            // "twenty-two" or "twenty two": units after tens.
            let after_tens = current % 100.0 >= 20.0 && current % 10.0 == 0.0 && v < 10.0 && !last_was_scale;
            if seen_any && !last_was_scale && !after_tens {
                break;
            }
            if seen_any && !last_was_scale && after_tens && v == 0.0 {
                break;
            }
            current += v;
            seen_any = true;
            last_was_scale = false;
            end += 1;
            // Hyphen: "forty-two", "one-third".
            if doc.is_text(end, "-")
                && doc.adjacent(end - 1)
                && doc.adjacent(end)
                && let Some(next) = word_at(doc, end + 1, limit)
            {
                let n = next.as_str();
                let unit_after_tens = v >= 20.0
                    && (small_number(n).is_some_and(|u| u < 10.0)
                        || ordinal_word(n).is_some_and(|u| u < 10.0));
                let fraction = ordinal_word(n).is_some() && !matches!(n, "first" | "second")
                    || matches!(n, "half" | "quarter" | "quarters");
                if unit_after_tens || fraction {
                    end += 1;
                    continue;
                }
            }
            continue;
        }
        if let Some(s) = scale(w) {
            if matches!(w, "mn" | "bn" | "mln" | "tn" | "trn") && !seen_any {
                break;
            }
            if !seen_any {
                // "hundred", "million" alone.
                current = 1.0;
            }
            if s == 100.0 {
                current = if current == 0.0 { 100.0 } else { current * 100.0 };
            } else {
                total += if current == 0.0 { s } else { current * s };
                current = 0.0;
            }
            seen_any = true;
            last_was_scale = true;
            end += 1;
            continue;
        }
        if w == "dozen" && seen_any {
            current = if current == 0.0 { 12.0 } else { current * 12.0 };
            last_was_scale = true;
            end += 1;
            continue;
        }
        if w == "dozen" && !seen_any {
            break;
        }
        if w == "and" && seen_any && last_was_scale {
            // "one hundred and five", "a million and a half"
            if let Some(next) = word_at(doc, end + 1, limit)
                && small_number(next.as_str()).is_some()
            {
                end += 1;
                last_was_scale = true;
                continue;
            }
            break;
        }
        if w == "and" && seen_any && !last_was_scale && current < 100.0 && total == 0.0 {
            // "one and a half", "two and a third"
            if (doc.is_word(end + 1, "a") || doc.is_word(end + 1, "an"))
                && let Some(part) = word_at(doc, end + 2, limit).and_then(|p| fraction_part(p.as_str()))
            {
                current += part;
                end += 3;
                // "two and a half million"
                if let Some(s) = word_at(doc, end, limit).and_then(|n| scale(n.as_str())) {
                    total += current * s;
                    current = 0.0;
                    end += 1;
                }
                break;
            }
            break;
        }
        if w == "half" {
            if !seen_any || leading_article {
                // "half a million", "a half"
                if !seen_any
                    && (doc.is_word(end + 1, "a") || doc.is_word(end + 1, "an"))
                    && let Some(s) = word_at(doc, end + 2, limit)
                        .and_then(|n| scale(n.as_str()).or((n.as_str() == "dozen").then_some(12.0)))
                {
                    total += 0.5 * s;
                    end += 3;
                    seen_any = true;
                    form = Form::Cardinal;
                    break;
                }
                current = 0.5;
                seen_any = true;
                form = Form::Fraction;
                end += 1;
                break;
            }
            break;
        }
        if let Some(denominator) =
            ordinal_word(w).or_else(|| matches!(w, "quarter" | "quarters").then_some(4.0))
        {
            let numerator = current;
            let hyphenated = end > i && doc.is_text(end - 1, "-");
            if hyphenated && current >= 20.0 && current % 10.0 == 0.0 && denominator < 10.0 && total == 0.0 {
                // "twenty-first"
                current += denominator;
                form = Form::Ordinal;
                end += 1;
                break;
            }
            if seen_any && !last_was_scale && numerator > 0.0 && total == 0.0 && w != "first" && w != "second"
            {
                // "two thirds", "a third", "one-quarter", "three quarters"
                current = numerator / denominator;
                form = Form::Fraction;
                end += 1;
                break;
            }
            if !seen_any && w != "quarter" && w != "quarters" && !w.ends_with('s') {
                current = denominator;
                seen_any = true;
                form = Form::Ordinal;
                end += 1;
                break;
            }
            break;
        }
        break;
    }
    if !seen_any || end == j && !leading_article {
        return None;
    }
    if leading_article && end == i + 1 {
        return None;
    }
    let value = total + current;
    let mut number = number_result(doc, value, i, end, form, true);
    if form == Form::Cardinal {
        number.scale =
            (i..end).filter_map(|k| scale(lower(doc, k).as_str())).filter(|&s| s >= 1e3).fold(1.0, f64::max);
        number.magnitude = number.scale > 1.0;
    }
    Some(number)
}

fn fraction_part(word: &str) -> Option<f64> {
    Some(match word {
        "half" => 0.5,
        "third" => 1.0 / 3.0,
        "quarter" => 0.25,
        _ => return None,
    })
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
    let unit = scale(next.as_str()).or((next.as_str() == "dozen").then_some(12.0))?;
    if matches!(next.as_str(), "mn" | "bn" | "mln" | "tn") {
        return None;
    }
    vague(low_factor * unit, high_factor * unit, i + skip + 1)
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

    #[test]
    fn digits_with_separators() {
        assert_eq!(value("100,000 troops"), 100_000.0);
        assert_eq!(value("4.7 percent"), 4.7);
        assert_eq!(value("1,674,200.5"), 1_674_200.5);
        assert!(read("192.168.1.2").is_none());
    }

    #[test]
    fn magnitudes() {
        assert_eq!(value("1.2 million people"), 1_200_000.0);
        assert_eq!(value("3bn"), 3e9);
        assert_eq!(value("2.5 trillion"), 2.5e12);
        assert_eq!(value("300k"), 300_000.0);
        assert_eq!(value("155 mln"), 155e6);
    }

    #[test]
    fn words() {
        assert_eq!(value("forty-two"), 42.0);
        assert_eq!(value("a dozen eggs"), 12.0);
        assert_eq!(value("two hundred"), 200.0);
        assert_eq!(value("one hundred and sixteen"), 116.0);
        assert_eq!(value("three million two hundred thousand"), 3_200_000.0);
        assert_eq!(value("twenty two"), 22.0);
        assert_eq!(value("a million"), 1e6);
        assert_eq!(value("half a million"), 5e5);
        assert_eq!(value("two and a half million"), 2.5e6);
    }

    #[test]
    fn words_do_not_run_together() {
        assert_eq!(read("one two").map(|(_, s, _)| s).as_deref(), Some("one"));
        assert!(read("a car").is_none());
        assert!(read("an apple").is_none());
    }

    #[test]
    fn fractions() {
        assert_eq!(value("half"), 0.5);
        assert_eq!(value("a third"), 1.0 / 3.0);
        assert_eq!(value("three-quarters"), 0.75);
        assert_eq!(value("two thirds"), 2.0 / 3.0);
        assert_eq!(value("one and a half"), 1.5);
        assert_eq!(value("1 1/2 miles"), 1.5);
        assert_eq!(value("3/4"), 0.75);
        assert_eq!(value("2½"), 2.5);
    }

    #[test]
    fn ordinals() {
        assert_eq!(read("third"), Some((3.0, "third".into(), Form::Ordinal)));
        assert_eq!(read("21st"), Some((21.0, "21st".into(), Form::Ordinal)));
        assert_eq!(read("twenty-first"), Some((21.0, "twenty-first".into(), Form::Ordinal)));
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
