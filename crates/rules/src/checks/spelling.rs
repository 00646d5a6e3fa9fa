//! `spelling`: known misspellings with their corrections, from the `typos` project's dictionary.
//! Only what can be corrected is flagged, so names and rare words never fire. Words with a capital
//! letter are left alone: in news copy they are mostly names ("Winn-Dixie") and acronyms.

use crate::text::{WordFilter, WordPattern, word_hash};
use factlint_extract::Document;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The dictionary as a plain hash table of lower-case keys, behind a Bloom filter. The crate's
/// own table hashes keys case-insensitively character by character; factlint only looks up
/// lower-case words, and a fast hash of the bytes makes the lookup on every word of every story
/// a fraction of the cost. Nearly every word looked up is spelled right, and the table is too
/// large to stay in the cache, so a filter small enough to stay there answers "not in the
/// dictionary" for most words before the table is touched. Building both takes a few
/// milliseconds, once.
struct Misspellings {
    table: FxHashMap<&'static str, &'static [&'static str]>,
    filter: WordFilter,
}

impl Misspellings {
    fn get(&self, word: &str, hash: u64) -> Option<&'static [&'static str]> {
        if !self.filter.may_hold(hash) {
            return None;
        }
        self.table.get(word).copied()
    }
}

/// Whether the dictionary may list the word whose [`word_hash`] is `hash`: its filter alone,
/// which turns away nearly every word. The word pass asks this of every word before anything
/// else about spelling, so it is kept small enough to be inlined there.
#[inline]
pub(crate) fn may_be_listed(hash: u64) -> bool {
    dictionary().filter.may_hold(hash)
}

#[inline]
fn dictionary() -> &'static Misspellings {
    static TABLE: OnceLock<Misspellings> = OnceLock::new();
    TABLE.get_or_init(|| {
        let entries = typos_dict::WORD.map.entries();
        let mut table = FxHashMap::with_capacity_and_hasher(typos_dict::WORD.map.len(), Default::default());
        table.extend(entries.map(|(key, corrections)| (key.into_inner(), *corrections)));
        // Ten bits a word: a 64 KiB filter for the dictionary's 49,000 words, which lets about
        // three correct words in a hundred through to the table.
        let filter = WordFilter::with_keys(table.keys().copied(), 10);
        Misspellings { table, filter }
    })
}

/// Whether the dictionary lists `folded` (lower-case) as a misspelling, whatever the rules allow.
pub(crate) fn is_misspelling(folded: &str) -> bool {
    dictionary().get(folded, word_hash(folded)).is_some()
}

/// Builds the table ahead of the first look-up.
pub(crate) fn warm_up() {
    dictionary();
}

#[derive(Debug, Clone)]
pub(crate) struct Spelling {
    allow: Vec<WordPattern>,
}

impl Spelling {
    pub fn new(allow: &[String]) -> Spelling {
        Spelling { allow: allow.iter().map(|w| WordPattern::new(w)).collect() }
    }

    /// The corrections for `word` (as written), if it is a known misspelling worth reporting;
    /// `hash` is the [`word_hash`] of its lower-case form `folded`.
    pub fn corrections(&self, word: &str, folded: &str, hash: u64) -> Option<&'static [&'static str]> {
        // The dictionary first. The word pass has already asked its filter ([`may_be_listed`]) of
        // every word and sends only the few it lets through; asking again here costs those few a
        // memory read and keeps this check whole on its own.
        let corrections = dictionary().get(folded, hash)?;
        if folded.len() < 3 || has_digit_or_capital(word) {
            return None;
        }
        if corrections.is_empty() || self.allow.iter().any(|a| a.matches(folded)) {
            return None;
        }
        Some(corrections)
    }
}

/// Whether word `i` is glued to a hyphen ("mis-selling", "pre-empted") or to an entity written
/// out ("caf&#233;"): a piece of a longer word, which the dictionary of whole words cannot judge.
pub(crate) fn is_word_piece(doc: &Document, i: usize) -> bool {
    let glued_before = i > 0 && doc.adjacent(i - 1) && doc.token_text(i - 1) == "-";
    let glued_after = doc.adjacent(i) && matches!(doc.token_text(i + 1), "-" | "&");
    glued_before || glued_after
}

/// Whether `word` holds a digit or an upper-case letter, in one pass for the usual ASCII word.
fn has_digit_or_capital(word: &str) -> bool {
    if word.is_ascii() {
        word.bytes().any(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
    } else {
        word.chars().any(|c| c.is_ascii_digit() || c.is_uppercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_have_corrections_and_names_do_not() {
        let spelling = Spelling::new(&[]);
        assert_eq!(spelling.corrections("recieve", "recieve", word_hash("recieve")), Some(&["receive"][..]));
        assert!(spelling.corrections("Nebenzia", "nebenzia", word_hash("nebenzia")).is_none());
        assert!(spelling.corrections("receive", "receive", word_hash("receive")).is_none());
    }

    #[test]
    fn the_filter_holds_every_dictionary_word() {
        let misspellings = dictionary();
        assert!(misspellings.table.keys().all(|word| misspellings.filter.may_hold(word_hash(word))));
        let passed = ["receive", "government", "minister", "people", "market", "because"]
            .iter()
            .filter(|word| misspellings.filter.may_hold(word_hash(word)))
            .count();
        assert!(passed <= 1, "{passed} of 6 correct words passed the filter");
    }
}
