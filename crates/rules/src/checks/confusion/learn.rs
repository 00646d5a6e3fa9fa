//! Counting a newsroom's own usage into an n-gram table (`factlint learn`): for every word of
//! a confusion set met in the archive, the word itself and each 2- and 3-gram that spans it,
//! within a sentence and between words only (a number or a dash ends the run). Counts from
//! several threads merge; the table is pruned to the most frequent n-grams that fit the size
//! asked for.

use super::model::{hash, write_table};
use factlint_extract::Document;
use rustc_hash::{FxHashMap, FxHashSet};

/// Bytes per n-gram in a written table (see `model`).
pub const BYTES_PER_NGRAM: usize = 10;

/// N-gram counts around confusion words.
#[derive(Debug, Clone, Default)]
pub struct NgramCounter {
    /// Key → (count, order).
    counts: FxHashMap<u64, (u64, u8)>,
    /// Words counted in all, confusion words or not.
    words: u64,
}

impl NgramCounter {
    pub fn new() -> NgramCounter {
        NgramCounter::default()
    }

    /// Counts the n-grams spanning each word of `targets` in one story.
    pub fn add(&mut self, doc: &Document, targets: &FxHashSet<String>) {
        let mut run: Vec<&str> = Vec::new();
        for sentence in doc.sentences() {
            run.clear();
            for i in sentence.first_token as usize..sentence.end_token as usize {
                match doc.folded_word(i) {
                    Some(word) => run.push(word),
                    None => {
                        self.add_run(&run, targets);
                        run.clear();
                    }
                }
            }
            self.add_run(&run, targets);
        }
    }

    fn add_run(&mut self, run: &[&str], targets: &FxHashSet<String>) {
        self.words += run.len() as u64;
        for (i, word) in run.iter().enumerate() {
            if !targets.contains(*word) {
                continue;
            }
            self.bump(&run[i..=i]);
            if i >= 1 {
                self.bump(&run[i - 1..=i]);
            }
            if i + 1 < run.len() {
                self.bump(&run[i..=i + 1]);
            }
            if i >= 2 {
                self.bump(&run[i - 2..=i]);
            }
            if i >= 1 && i + 1 < run.len() {
                self.bump(&run[i - 1..=i + 1]);
            }
            if i + 2 < run.len() {
                self.bump(&run[i..=i + 2]);
            }
        }
    }

    fn bump(&mut self, words: &[&str]) {
        let entry = self.counts.entry(hash(words)).or_insert((0, words.len() as u8));
        entry.0 += 1;
    }

    /// Adds another counter's counts (from another thread).
    pub fn merge(&mut self, other: NgramCounter) {
        self.words += other.words;
        for (key, (count, order)) in other.counts {
            self.counts.entry(key).or_insert((0, order)).0 += count;
        }
    }

    /// How many distinct n-grams were counted.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The table, keeping the `max_ngrams` most frequent n-grams (ties broken by key, so the
    /// output depends only on the counts).
    pub fn into_table(self, max_ngrams: usize) -> Vec<u8> {
        let mut entries: Vec<(u64, u64, usize)> =
            self.counts.into_iter().map(|(key, (count, order))| (key, count, order as usize)).collect();
        if entries.len() > max_ngrams {
            entries.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            entries.truncate(max_ngrams);
        }
        write_table(entries, self.words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::confusion::model::NgramModel;

    #[test]
    fn ngrams_spanning_a_target_are_counted_and_others_not() {
        let targets: FxHashSet<String> = ["its".to_string(), "it's".to_string()].into_iter().collect();
        let mut counter = NgramCounter::new();
        counter.add(&Document::from_text("The firm said its profits fell. It’s a record, 12 its."), &targets);
        let model = NgramModel::from_bytes(counter.into_table(usize::MAX)).expect("a table");
        let count = |words: &[&str]| model.ln_count(words).map(|ln| ln.exp().round() as u64);
        assert_eq!(count(&["said", "its", "profits"]), Some(1));
        assert_eq!(count(&["firm", "said", "its"]), Some(1));
        assert_eq!(count(&["its"]), Some(2));
        assert_eq!(count(&["it's", "a", "record"]), Some(1), "curly apostrophes are read as straight ones");
        assert_eq!(count(&["the", "firm"]), None);
        assert_eq!(count(&["12", "its"]), None, "a number ends the run");
    }

    #[test]
    fn pruning_keeps_the_commonest() {
        let targets: FxHashSet<String> = ["then".to_string()].into_iter().collect();
        let mut counter = NgramCounter::new();
        for _ in 0..3 {
            counter.add(&Document::from_text("and then"), &targets);
        }
        counter.add(&Document::from_text("but then"), &targets);
        let model = NgramModel::from_bytes(counter.into_table(2)).expect("a table");
        assert_eq!(model.len(), 2);
        assert!(model.ln_count(&["and", "then"]).is_some());
        assert!(model.ln_count(&["but", "then"]).is_none());
    }
}
