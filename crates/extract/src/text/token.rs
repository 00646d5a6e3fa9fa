//! Tokens: words, numbers, punctuation and quote marks, with their byte spans.
//!
//! Every later stage (sentences, claims, rules) works on tokens rather than rescanning the text,
//! so tokenising is the one full pass over the bytes and has an ASCII fast path. Whitespace is
//! not stored: two tokens are adjacent exactly when one's span ends where the next begins.
//! Web addresses and e-mail addresses are not prose and produce no tokens.

use crate::text::span::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with apostrophes inside ("don’t", "Moscow’s") and digits after the first letter
    /// ("G7").
    Word,
    /// Digits with inner separators ("100,000", "4.7"), possibly followed by letters glued to
    /// them ("3bn", "21st", "5km", "1990s"), or a vulgar fraction ("½").
    Number,
    /// Any other single visible character, or a run of dots ("...").
    Punct,
    /// A quotation mark, straight or curly, double or single; also an apostrophe that is not
    /// inside a word ("allies’").
    Quote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// A word written in lower-case ASCII (digits and apostrophes allowed), so that it is its
    /// own folded form: most words are, and they need no copy to be compared.
    pub lowercase: bool,
}

/// What an ASCII byte is to the tokeniser, as bits: one table look-up a byte instead of a chain
/// of range tests, on the one pass that reads every byte of a story.
mod ascii {
    /// A letter or a digit: continues a word.
    pub const ALPHANUMERIC: u8 = 1;
    pub const UPPER: u8 = 2;
    pub const LETTER: u8 = 4;
    /// What `u8::is_ascii_whitespace` accepts.
    pub const SPACE: u8 = 8;
    /// A lower-case letter or a digit: what most of a word is made of.
    pub const PLAIN: u8 = 16;

    /// The bits of every byte; bytes beyond ASCII have none.
    pub static CLASS: [u8; 256] = {
        let mut table = [0u8; 256];
        let mut b = 0;
        while b < 128 {
            let byte = b as u8;
            let mut bits = 0;
            if byte.is_ascii_alphanumeric() {
                bits |= ALPHANUMERIC;
            }
            if byte.is_ascii_uppercase() {
                bits |= UPPER;
            }
            if byte.is_ascii_alphabetic() {
                bits |= LETTER;
            }
            if byte.is_ascii_whitespace() {
                bits |= SPACE;
            }
            if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
                bits |= PLAIN;
            }
            table[b] = bits;
            b += 1;
        }
        table
    };
}

/// Appends the tokens of `text[range]` to `out`.
pub fn tokenize(text: &str, range: Span, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let end = range.end as usize;
    let mut i = range.start as usize;
    while i < end {
        let b = bytes[i];
        let class = ascii::CLASS[b as usize];
        if class & ascii::SPACE != 0 {
            i += 1;
            continue;
        }
        let (c, width) = if b < 0x80 { (b as char, 1) } else { decode(text, i) };
        let start = i;
        let kind;
        let mut lowercase = false;
        if class & ascii::LETTER != 0 || (b >= 0x80 && c.is_alphabetic()) {
            let (word_end, plain) = scan_word(text, i + width, end);
            lowercase = plain && class & ascii::UPPER == 0 && b < 0x80;
            // Addresses continue a word with ':' ("https:"), '.' ("www.") or '@'; only then is
            // the longer test worth running.
            if word_end < end
                && matches!(bytes[word_end], b':' | b'.' | b'@')
                && let Some(skip) = address_length(&text[i..end])
            {
                i += skip;
                continue;
            }
            i = word_end;
            kind = TokenKind::Word;
        } else if c.is_ascii_digit() {
            i = scan_number(bytes, i + 1, end);
            kind = TokenKind::Number;
        } else if is_vulgar_fraction(c) {
            i += width;
            kind = TokenKind::Number;
        } else if c.is_whitespace() || is_invisible(c) {
            i += width;
            continue;
        } else if is_quote(c) {
            i += width;
            kind = TokenKind::Quote;
        } else if c == '.' {
            i += 1;
            while i < end && bytes[i] == b'.' {
                i += 1;
            }
            kind = TokenKind::Punct;
        } else {
            i += width;
            kind = TokenKind::Punct;
        }
        out.push(Token { span: Span::from_range(start..i), kind, lowercase });
    }
}

fn decode(text: &str, at: usize) -> (char, usize) {
    let c = text[at..].chars().next().unwrap_or('\u{FFFD}');
    (c, c.len_utf8())
}

/// Continues a word from `i`: letters, digits, combining marks, and an apostrophe only when a
/// letter follows it directly. Returns where the word ends and whether this part of it has no
/// capital and no character beyond ASCII.
fn scan_word(text: &str, mut i: usize, end: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut plain = true;
    while i < end {
        // Runs of lower-case letters and digits, most of every word, in the tightest loop.
        let Some(run) = bytes[i..end].iter().position(|&b| ascii::CLASS[b as usize] & ascii::PLAIN == 0)
        else {
            i = end;
            break;
        };
        i += run;
        let b = bytes[i];
        let class = ascii::CLASS[b as usize];
        if class & ascii::ALPHANUMERIC != 0 {
            plain &= class & ascii::UPPER == 0;
            i += 1;
            continue;
        }
        if b < 0x80 {
            if b == b'\'' && i + 1 < end && ascii::CLASS[bytes[i + 1] as usize] & ascii::LETTER != 0 {
                i += 1;
                continue;
            }
            break;
        }
        let (c, width) = decode(text, i);
        let apostrophe = c == '’' && i + width < end && starts_with_letter(&text[i + width..end]);
        if c.is_alphanumeric() || is_combining(c) || apostrophe {
            plain = false;
            i += width;
        } else {
            break;
        }
    }
    (i, plain)
}

/// Continues a number from `i`: digits, a `,` or `.` between digits, then any letters glued on.
fn scan_number(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i < end {
        let b = bytes[i];
        if b.is_ascii_digit() {
            i += 1;
        } else if (b == b',' || b == b'.') && i + 1 < end && bytes[i + 1].is_ascii_digit() {
            i += 2;
        } else {
            break;
        }
    }
    while i < end && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

fn starts_with_letter(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphabetic)
}

/// The length of a web or e-mail address starting at the beginning of `s`, if there is one.
fn address_length(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let is_web = b.len() > 4
        && (b[..4].eq_ignore_ascii_case(b"www.")
            || (b.len() > 7 && b[..7].eq_ignore_ascii_case(b"http://"))
            || (b.len() > 8 && b[..8].eq_ignore_ascii_case(b"https://")));
    let run = s
        .find(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '<' | '>' | ')'))
        .unwrap_or(s.len());
    let word = &s[..run];
    let is_email =
        !is_web && word.contains('@') && word.rsplit('@').next().is_some_and(|host| host.contains('.'));
    if !is_web && !is_email {
        return None;
    }
    // A sentence's closing punctuation is not part of the address.
    let trimmed = word.trim_end_matches(['.', ',', ';', ':', '!', '?', '’', '\'']);
    Some(trimmed.len())
}

pub fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›')
}

fn is_vulgar_fraction(c: char) -> bool {
    matches!(c, '½' | '⅓' | '⅔' | '¼' | '¾' | '⅕' | '⅖' | '⅗' | '⅘' | '⅙' | '⅚' | '⅛' | '⅜' | '⅝' | '⅞')
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len() as u32), &mut out);
        out.iter().map(|t| (&text[t.span.range()], t.kind)).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_split_hyphens() {
        use TokenKind::*;
        assert_eq!(
            kinds("Moscow’s forty-two don't allies’"),
            vec![
                ("Moscow’s", Word),
                ("forty", Word),
                ("-", Punct),
                ("two", Word),
                ("don't", Word),
                ("allies", Word),
                ("’", Quote)
            ]
        );
    }

    #[test]
    fn numbers_keep_separators_and_glued_suffixes() {
        use TokenKind::*;
        assert_eq!(
            kinds("$3bn, 100,000 and 4.7% on 21st."),
            vec![
                ("$", Punct),
                ("3bn", Number),
                (",", Punct),
                ("100,000", Number),
                ("and", Word),
                ("4.7", Number),
                ("%", Punct),
                ("on", Word),
                ("21st", Number),
                (".", Punct)
            ]
        );
    }

    #[test]
    fn addresses_are_not_prose() {
        let words: Vec<_> = kinds("See https://example.com/a?b=1. Mail desk@example.org now")
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(words, vec!["See", ".", "Mail", "now"]);
    }

    #[test]
    fn ellipses_and_quotes() {
        use TokenKind::*;
        assert_eq!(
            kinds("“Wait...” it"),
            vec![("“", Quote), ("Wait", Word), ("...", Punct), ("”", Quote), ("it", Word)]
        );
    }
}
