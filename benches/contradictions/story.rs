//! A wire story read the way the planter needs it: words, numbers and punctuation with their
//! byte offsets, sentence numbers, and the figures it gives ("155,221 bags", "the 50 mln dlrs
//! loan") with the words they count.
//!
//! This reading is deliberately independent of factlint's extractor: the benchmark must not
//! plant only what the system under test already sees.

use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Digits ("155,221", "5.93") or a number word ("nine").
    Number(f64),
    Word,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub sentence: usize,
    /// Lowercased text.
    pub lower: String,
}

/// One figure and what it counts.
#[derive(Debug, Clone)]
pub struct Mention {
    /// The index of the number token.
    pub number: usize,
    pub value: f64,
    /// The counted words, normalized ("mln dlr", "bag", "job").
    pub key: String,
    /// The number and its counted words, as byte offsets.
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub in_title: bool,
    /// Counted only by scale and unit words ("mln dlrs", "pct"): says little about what.
    pub weak: bool,
}

pub struct Story<'a> {
    pub text: &'a str,
    /// Where the headline ends (0 when the story has none).
    pub title_end: usize,
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
}

static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?P<word>[A-Za-z][A-Za-z']*)|(?P<punct>[^\sA-Za-z0-9])")
        .expect("the token pattern compiles")
});

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
];

pub fn number_word(value: f64) -> Option<&'static str> {
    NUMBER_WORDS.iter().find(|(_, v)| *v == value).map(|(w, _)| *w)
}

/// Words that end the counted words after a figure.
const STOP: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "as",
    "is", "was", "were", "are", "be", "been", "will", "would", "could", "should", "may", "might", "has",
    "have", "had", "said", "says", "vs", "against", "compared", "than", "this", "that", "these", "those",
    "last", "next", "per", "each", "it", "its", "their", "which", "who", "when", "while", "after", "before",
    "since", "until", "up", "down", "over", "under", "into", "about", "some", "more", "less", "earlier",
    "ago", "later", "year", "years", "month", "months", "week", "weeks", "day", "days", "quarter", "not",
    "also", "so", "if", "because", "nor", "yet", "then", "there", "here", "he", "she", "they", "we", "i",
    "you", "all", "both", "only", "just", "even", "still", "already", "now", "new", "old", "other",
];

/// Scale and unit words, as normalized.
const UNITS: &[&str] = &[
    "mln", "bln", "trillion", "thousand", "pct", "dlr", "ct", "stg", "yen", "mark", "franc", "pound",
    "pence", "lire", "guilder", "peso", "point", "pt", "basi",
];

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// Capitalized words that may open a sentence before a count ("About 2,800 households").
const LEADS: &[&str] = &[
    "about",
    "the",
    "some",
    "nearly",
    "only",
    "its",
    "their",
    "all",
    "those",
    "these",
    "more",
    "up",
    "at",
    "a",
    "an",
    "over",
    "almost",
    "around",
    "another",
    "by",
    "of",
    "for",
    "to",
    "with",
    "and",
    "but",
    "in",
    "on",
    "approximately",
    "roughly",
    "just",
    "less",
    "fewer",
    "under",
];

fn normalize(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    let mapped = match lower.as_str() {
        "million" | "mln" => "mln",
        "billion" | "bln" => "bln",
        "percent" | "pct" => "pct",
        "dollars" | "dollar" | "dlrs" | "dlr" => "dlr",
        "cts" | "cents" | "ct" | "cent" => "ct",
        "tons" | "tonnes" | "tonne" | "ton" => "tonne",
        other => other,
    };
    if mapped.len() > 3 && mapped.ends_with('s') && !mapped.ends_with("ss") {
        mapped[..mapped.len() - 1].to_string()
    } else {
        mapped.to_string()
    }
}

fn is_year(text: &str, value: f64) -> bool {
    !text.contains([',', '.']) && (1900.0..=2100.0).contains(&value)
}

impl<'a> Story<'a> {
    /// Reads `text`, whose first line is the headline `title`.
    pub fn read(text: &'a str, title: &str) -> Story<'a> {
        let title_end = if text.starts_with(title) { title.len() } else { 0 };
        let mut tokens = Vec::new();
        let mut sentence = 0;
        for captures in TOKEN.captures_iter(text) {
            let (kind, m) = if let Some(m) = captures.name("num") {
                let value = m.as_str().replace(',', "").parse::<f64>().unwrap_or(f64::NAN);
                (Kind::Number(value), m)
            } else if let Some(m) = captures.name("word") {
                let lower = m.as_str().to_ascii_lowercase();
                match NUMBER_WORDS.iter().find(|(w, _)| *w == lower) {
                    Some((_, value)) => (Kind::Number(*value), m),
                    None => (Kind::Word, m),
                }
            } else if let Some(m) = captures.name("punct") {
                (Kind::Punct, m)
            } else {
                continue;
            };
            // A new sentence after the headline, after a paragraph break, and after a full
            // stop followed by a capital.
            if let Some(last) = tokens.last() {
                let last: &Token = last;
                let gap = &text[last.end..m.start()];
                let ends = matches!(last.lower.as_str(), "." | "!" | "?")
                    && m.as_str().starts_with(|c: char| c.is_ascii_uppercase());
                if (last.end <= title_end && m.start() >= title_end) || gap.contains("\n    ") || ends {
                    sentence += 1;
                }
            }
            tokens.push(Token {
                start: m.start(),
                end: m.end(),
                kind,
                sentence,
                lower: m.as_str().to_ascii_lowercase(),
            });
        }
        let mut story = Story { text, title_end, tokens, mentions: Vec::new() };
        story.mentions = (0..story.tokens.len()).filter_map(|i| story.mention(i, title_end)).collect();
        story
    }

    /// The figure at token `i` and the words it counts, if it counts any.
    fn mention(&self, i: usize, title_end: usize) -> Option<Mention> {
        let token = &self.tokens[i];
        let Kind::Number(value) = token.kind else { return None };
        let text = &self.text[token.start..token.end];
        // Years, and model numbers written without separators ("80386").
        if !value.is_finite()
            || is_year(text, value)
            || value == 0.0
            || text.len() > 4 && !text.contains([',', '.'])
        {
            return None;
        }
        // Part of a larger figure, a code or a compound: "1986/87", "$5", "10:30", "10b-13",
        // "61-year-old" and "nine-member" (those two are read apart, as ages and sizes).
        let glued = |t: &Token, marks: &[&str]| marks.contains(&t.lower.as_str());
        if let Some(prev) = i.checked_sub(1).map(|p| &self.tokens[p])
            && prev.end == token.start
            && glued(prev, &["/", "$", "#", ".", ":", "-", "+"])
        {
            return None;
        }
        if let Some(next) = self.tokens.get(i + 1)
            && next.start == token.end
            && (glued(next, &["/", ":", "-"]) || next.kind == Kind::Word)
        {
            return None;
        }
        // A name or a date rather than a count: "March 5 hearing", "S and P 500 futures".
        if let Some(prev) = i.checked_sub(1).map(|p| &self.tokens[p])
            && prev.kind == Kind::Word
        {
            let raw = &self.text[prev.start..prev.end];
            let capitalized = raw.starts_with(|c: char| c.is_ascii_uppercase()) && prev.end > title_end;
            if MONTHS.contains(&prev.lower.as_str()) || (capitalized && !LEADS.contains(&prev.lower.as_str()))
            {
                return None;
            }
        }
        let mut words = Vec::new();
        let mut end = token.end;
        let mut j = i + 1;
        while let Some(next) = self.tokens.get(j) {
            if next.kind != Kind::Word || words.len() == 3 || next.sentence != token.sentence {
                break;
            }
            let raw = &self.text[next.start..next.end];
            let in_title = next.start < title_end;
            // Names are not what a figure counts ("5 Tuesday", "50 Reuters").
            if STOP.contains(&next.lower.as_str())
                || (!in_title && raw.starts_with(|c: char| c.is_ascii_uppercase()))
            {
                break;
            }
            words.push(normalize(raw));
            end = next.end;
            j += 1;
        }
        if words.is_empty() {
            return None;
        }
        Some(Mention {
            number: i,
            value,
            key: words.join(" "),
            start: token.start,
            end,
            sentence: token.sentence,
            in_title: token.start < title_end,
            weak: words.iter().all(|w| UNITS.contains(&w.as_str())),
        })
    }

    pub fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.lower.as_str())
    }

    pub fn raw(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// The text around a byte range, on one line, for reading by hand.
    pub fn context(&self, start: usize, end: usize) -> String {
        let from = floor_char(self.text, start.saturating_sub(140));
        let to = floor_char(self.text, (end + 140).min(self.text.len()));
        format!("{}[[{}]]{}", &self.text[from..start], &self.text[start..end], &self.text[end..to])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
