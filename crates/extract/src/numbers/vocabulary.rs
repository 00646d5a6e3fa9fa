//! The words numbers are made of and their values: "forty", "million", "third", "dozens", and
//! the compile-time prefix table that turns most words of a story away before any look-up.

use super::*;

/// Numbers below twenty and the tens, as words.
pub(super) fn small_number(word: &str) -> Option<f64> {
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
pub(super) fn is_scale_abbreviation(word: &str) -> bool {
    matches!(word, "mn" | "mln" | "bn" | "bln" | "tn" | "trn" | "tln")
}

/// "dozen" and its abbreviations, which multiply by twelve after a number.
pub(super) fn is_dozen(word: &str) -> bool {
    matches!(word, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs")
}

/// Ordinal words (singular) and their numbers.
pub(super) fn ordinal_stem(word: &str) -> Option<f64> {
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
pub(super) fn ordinal_word(word: &str) -> Option<(f64, bool)> {
    if let Some(value) = ordinal_stem(word) {
        return Some((value, false));
    }
    word.strip_suffix('s').and_then(ordinal_stem).map(|value| (value, true))
}

/// Words that can end a fraction: ordinals, and "half" and "quarter" with their plurals.
pub(super) fn denominator_word(word: &str) -> Option<(f64, bool)> {
    match word {
        "half" => Some((2.0, false)),
        "halves" => Some((2.0, true)),
        "quarter" => Some((4.0, false)),
        "quarters" => Some((4.0, true)),
        _ => ordinal_word(word),
    }
}

/// Vague plural amounts and the interval each allows.
pub(super) fn vague_plural(word: &str) -> Option<(f64, f64)> {
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
pub(super) fn starts_number(w: &str) -> bool {
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
    let letter = |i: usize| bytes.get(i).map_or(END, |&b| LETTER_OF_BYTE[b as usize] as usize);
    let (first, second, third) = (letter(0), letter(1), letter(2));
    if first > END || second > END || third > END {
        return false;
    }
    let bit = prefix_bit(first, second, third);
    (NUMBER_PREFIXES[bit / 64] >> (bit % 64)) & 1 == 1
}

/// Every word that can start a number or a fraction's denominator: the words `small_number`,
/// `scale`, `is_dozen`, `ordinal_stem`, `denominator_word`, `vague_plural` and `starts_number`
/// accept. A word added to one of those must be added here, or the cheap test rejects it.
pub(super) const NUMBER_WORDS: &[&str] = &[
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
pub(super) const END: usize = 26;

/// 0–25 for a lower-case ASCII letter; nothing for any other byte, which no number word has.
pub(super) const fn letter_index(byte: u8) -> Option<usize> {
    if byte.is_ascii_lowercase() { Some((byte - b'a') as usize) } else { None }
}

/// Marks a byte that is no ASCII letter in [`LETTER_OF_BYTE`]: above [`END`].
const NOT_A_LETTER: u8 = END as u8 + 1;

/// Each byte's [`letter_index`] in either case, or [`NOT_A_LETTER`]: one load a letter in the
/// prefix test, which runs on every word.
static LETTER_OF_BYTE: [u8; 256] = {
    let mut table = [NOT_A_LETTER; 256];
    let mut b = 0;
    while b < 256 {
        if let Some(index) = letter_index((b as u8).to_ascii_lowercase()) {
            table[b] = index as u8;
        }
        b += 1;
    }
    table
};

pub(super) const fn prefix_bit(first: usize, second: usize, third: usize) -> usize {
    (first * 27 + second) * 27 + third
}

/// One bit for every three-letter prefix of [`NUMBER_WORDS`].
pub(super) const NUMBER_PREFIXES: [u64; 27 * 27 * 27 / 64 + 1] = {
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
