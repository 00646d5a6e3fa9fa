//! `articles`: "a" before a vowel sound and "an" before a consonant sound ("a hour", "an
//! university", "a 18-year-old"). Letters mislead, so the check works on sounds: silent h,
//! "you"-sounding u, and how figures are read aloud ("an 8", "an 11", "an 1800s").

use factlint_extract::{Lower, TokenKind};

/// The article the next word wants, or `None` when it cannot be sure (acronyms, "historic").
pub(crate) fn wanted(next: &str, kind: TokenKind) -> Option<&'static str> {
    match kind {
        TokenKind::Number => for_figure(next),
        TokenKind::Word => for_word(next),
        _ => None,
    }
}

fn for_figure(figure: &str) -> Option<&'static str> {
    let mut digits = figure.bytes().take_while(|b| b.is_ascii_digit() || *b == b',').filter(|b| *b != b',');
    let first = digits.next()?;
    let second = digits.next();
    let count = 1 + usize::from(second.is_some()) + digits.count();
    let eleven_or_eighteen = first == b'1' && matches!(second, Some(b'1' | b'8'));
    let read_as_eleven = eleven_or_eighteen && (count % 3 == 2 || count == 4);
    Some(if first == b'8' || read_as_eleven { "an" } else { "a" })
}

/// Beginnings of words spelt with a vowel that start with a consonant sound ("union",
/// "unitary", "useful", "European", "eurozone").
const CONSONANT_SOUND: &[&str] = &[
    "unicorn",
    "unif",
    "unilateral",
    "union",
    "unique",
    "unison",
    "unit",
    "univers",
    "unanim",
    "usa",
    "use",
    "usi",
    "usu",
    "uten",
    "uter",
    "util",
    "utop",
    "uran",
    "urin",
    "eu",
    "ewe",
    "once",
    "ubiq",
    "ufo",
    "ugand",
    "ukrain",
    "ukulele",
    "usurp",
    "uruguay",
    "uzbek",
    "uefa",
];

/// Beginnings of words spelt with an h that start with a vowel sound ("hour", "honorary").
const SILENT_H: &[&str] = &["hour", "honest", "honor", "honour", "heir"];

/// Words where either article is in use.
const EITHER: &[&str] = &["historic", "hotel", "herb", "heroic", "hypothes", "habitual"];

fn starts_like(word: &str, list: &[&str]) -> bool {
    list.iter().any(|stem| word.starts_with(stem))
}

/// "one", "one-off", "ones": but not "onerous".
fn is_one(word: &str) -> bool {
    word == "one" || word == "ones" || word.starts_with("one-")
}

fn for_word(word: &str) -> Option<&'static str> {
    let first = word.chars().next()?;
    // Capitals and acronyms are read as letters or as words; either may be right.
    if word.chars().filter(|c| c.is_alphabetic()).count() > 1 && word.chars().all(|c| !c.is_lowercase()) {
        return None;
    }
    if first.is_uppercase() && word.chars().count() == 1 {
        return None;
    }
    // Names and technical words spelt with digits or inner capitals ("mp3", "mDNS", "OneDrive")
    // are read in ways spelling does not show.
    if word.chars().any(|c| c.is_ascii_digit()) || word.chars().skip(1).any(char::is_uppercase) {
        return None;
    }
    let lower = Lower::new(word);
    let lower = lower.as_str();
    // A word with no vowel ("npm", "ssh", "km") is read as its letters or as the word it
    // stands for, and either may be right.
    if !lower.bytes().any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')) {
        return None;
    }
    // A name in Eu- may be read either way ("an Euler", "a European").
    if first.is_uppercase() && lower.starts_with("eu") && !lower.starts_with("euro") {
        return None;
    }
    if starts_like(lower, EITHER) {
        return None;
    }
    if starts_like(lower, SILENT_H) {
        return Some("an");
    }
    if starts_like(lower, CONSONANT_SOUND) || is_one(lower) {
        return Some("a");
    }
    Some(if matches!(first.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u') { "an" } else { "a" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_follow_the_sound() {
        for (next, article) in [
            ("hour", "an"),
            ("honest", "an"),
            ("university", "a"),
            ("union", "a"),
            ("unidentified", "an"),
            ("apple", "an"),
            ("one-off", "a"),
            ("European", "a"),
            ("urgent", "an"),
            ("house", "a"),
            ("uses", "a"),
            ("eurozone", "a"),
            ("honorary", "an"),
            ("onerous", "an"),
            ("unusual", "an"),
            ("unified", "a"),
        ] {
            assert_eq!(wanted(next, TokenKind::Word), Some(article), "{next}");
        }
        assert_eq!(wanted("FBI", TokenKind::Word), None);
        assert_eq!(wanted("historic", TokenKind::Word), None);
        for word in ["mp3", "mDNS", "OneDrive", "Euler", "npm", "km"] {
            assert_eq!(wanted(word, TokenKind::Word), None, "{word}");
        }
        assert_eq!(wanted("European", TokenKind::Word), Some("a"));
    }

    #[test]
    fn figures_as_read_aloud() {
        for (next, article) in [
            ("8", "an"),
            ("11", "an"),
            ("18", "an"),
            ("80", "an"),
            ("11,000", "an"),
            ("1800s", "an"),
            ("110", "a"),
            ("1", "a"),
            ("2,000", "a"),
            ("180", "a"),
        ] {
            assert_eq!(wanted(next, TokenKind::Number), Some(article), "{next}");
        }
    }
}
