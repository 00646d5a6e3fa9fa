//! Matching words and phrases on tokens, ignoring case and apostrophe style.

use factlint_extract::{Document, Lower};
use rustc_hash::FxHashSet;

/// One word of a phrase: exact, or a prefix when written with a trailing `*`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordPattern {
    text: String,
    prefix: bool,
}

impl WordPattern {
    pub fn new(written: &str) -> WordPattern {
        let folded = Lower::new(written.trim()).as_str().to_string();
        match folded.strip_suffix('*') {
            Some(stem) => WordPattern { text: stem.to_string(), prefix: true },
            None => WordPattern { text: folded, prefix: false },
        }
    }

    pub fn matches(&self, folded: &str) -> bool {
        if self.prefix { folded.starts_with(&self.text) } else { folded == self.text }
    }

    /// The exact word, if this is not a prefix pattern: used to index rules by word.
    pub fn exact(&self) -> Option<&str> {
        (!self.prefix).then_some(self.text.as_str())
    }
}

/// A Bloom filter over words: two bits a word, both in the one 64-bit block the word's hash
/// picks, so that a look-up reads the filter once. It says
/// "not there" for most words outside a large list without touching the list's own table,
/// and is small enough to stay in the cache.
#[derive(Debug, Clone)]
pub(crate) struct WordFilter {
    bits: Vec<u64>,
    mask: u64,
}

impl WordFilter {
    /// A filter of `bits_per_key` bits for each of `keys` words (rounded up to a power of two).
    pub(crate) fn with_keys<'a>(
        keys: impl ExactSizeIterator<Item = &'a str>,
        bits_per_key: usize,
    ) -> WordFilter {
        let bits = (keys.len() * bits_per_key).next_power_of_two().max(64);
        let mut filter = WordFilter { bits: vec![0; bits / 64], mask: bits as u64 - 1 };
        for key in keys {
            for bit in WordFilter::bits_of(word_hash(key), filter.mask) {
                filter.bits[(bit / 64) as usize] |= 1 << (bit % 64);
            }
        }
        filter
    }

    fn bits_of(word_hash: u64, mask: u64) -> [u64; 2] {
        // FxHash's low bits are weak; a finaliser spreads the high ones over all 64.
        let mut hash = word_hash;
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
        hash ^= hash >> 33;
        // Both bits in one 64-bit word, so that a look-up reads the filter once.
        let word = (hash >> 12) & (mask / 64);
        [word * 64 + (hash & 63), word * 64 + ((hash >> 6) & 63)]
    }

    /// Whether the filter may hold the word whose [`word_hash`] is `hash`.
    #[inline]
    pub(crate) fn may_hold(&self, hash: u64) -> bool {
        WordFilter::bits_of(hash, self.mask)
            .iter()
            .all(|&bit| self.bits[(bit / 64) as usize] & (1 << (bit % 64)) != 0)
    }
}

/// The hash a word is looked up by in the word pass's tables: computed once a word, it serves
/// the index of rule words and the spelling dictionary's filter alike.
pub(crate) fn word_hash(word: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(word.as_bytes());
    hasher.finish()
}

/// Word patterns a word is tested against all at once: a long list of exact words is looked up
/// in a hash set rather than compared word by word ("minister", "president", … before "say").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordSet {
    exact: Vec<String>,
    /// The exact words again, when there are enough of them that hashing a word beats comparing.
    index: Option<FxHashSet<String>>,
    prefixes: Vec<String>,
}

/// How many exact words a [`WordSet`] compares one by one before it indexes them.
const LINEAR_WORDS: usize = 8;

impl WordSet {
    pub fn new(patterns: &[WordPattern]) -> WordSet {
        let exact: Vec<String> = patterns.iter().filter_map(|p| p.exact().map(str::to_string)).collect();
        let prefixes = patterns.iter().filter(|p| p.prefix).map(|p| p.text.clone()).collect();
        let index = (exact.len() > LINEAR_WORDS).then(|| exact.iter().cloned().collect());
        WordSet { exact, index, prefixes }
    }

    /// Whether one of the patterns matches `folded`.
    pub fn matches(&self, folded: &str) -> bool {
        let exact = match &self.index {
            Some(index) => index.contains(folded),
            None => self.exact.iter().any(|word| word == folded),
        };
        exact || self.prefixes.iter().any(|prefix| folded.starts_with(prefix.as_str()))
    }
}

/// A sequence of words ("tens of thousands"), matched on consecutive word tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub words: Vec<WordPattern>,
}

impl Phrase {
    pub fn new(written: &str) -> Phrase {
        Phrase { words: written.split_whitespace().map(WordPattern::new).collect() }
    }

    pub fn first_word(&self) -> Option<&str> {
        self.words.first().and_then(WordPattern::exact)
    }

    /// The exact last word, if the phrase does not end with a prefix pattern.
    pub fn last_word(&self) -> Option<&str> {
        self.words.last().and_then(WordPattern::exact)
    }

    /// If the phrase starts at token `i` (within `end`), the token after it.
    pub fn match_at(&self, doc: &Document, i: usize, end: usize) -> Option<usize> {
        if self.words.is_empty() || i + self.words.len() > end {
            return None;
        }
        for (k, word) in self.words.iter().enumerate() {
            if !doc.folded_word(i + k).is_some_and(|folded| word.matches(folded)) {
                return None;
            }
        }
        Some(i + self.words.len())
    }

    /// If the phrase ends just before token `i` (and starts at or after `first`), where it
    /// starts.
    pub fn match_before(&self, doc: &Document, i: usize, first: usize) -> Option<usize> {
        let start = i.checked_sub(self.words.len())?;
        (start >= first && self.match_at(doc, start, i).is_some()).then_some(start)
    }
}

/// Phrases compiled from a rule's list.
pub fn phrases(written: &[String]) -> Vec<Phrase> {
    written.iter().map(|w| Phrase::new(w)).filter(|p| !p.words.is_empty()).collect()
}

/// Gives `replacement` the capitalisation of `original`: "Massage" → "Mass", "MASSAGE" → "MASS".
pub fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = replacement.chars();
        return match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
    }
    replacement.to_string()
}

/// A list of lower-case words from a file under `crates/rules/data/`.
pub(crate) type WordList = FxHashSet<&'static str>;

/// The words of a data file: one a line, with `#` comments and blank lines skipped.
pub(crate) fn word_list(text: &'static str) -> WordList {
    data_lines(text).collect()
}

/// A data file's lines, trimmed, without comments and blank lines.
pub(crate) fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_on_tokens_ignoring_case() {
        let doc = Document::from_text("Tens of thousands of troops arrived.");
        let phrase = Phrase::new("tens of thousands");
        assert_eq!(phrase.match_at(&doc, 0, doc.tokens().len()), Some(3));
        assert_eq!(Phrase::new("troop*").match_at(&doc, 4, doc.tokens().len()), Some(5));
        assert_eq!(Phrase::new("of troops").match_before(&doc, 5, 0), Some(3));
        assert_eq!(doc.folded_word(6), None, "the full stop is not a word");
    }

    #[test]
    fn replacements_keep_the_case_of_the_original() {
        assert_eq!(match_case("Massage", "mass"), "Mass");
        assert_eq!(match_case("MASSAGE", "mass"), "MASS");
        assert_eq!(match_case("massage", "mass"), "mass");
    }
}
