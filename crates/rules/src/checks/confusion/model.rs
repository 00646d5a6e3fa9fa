//! The n-gram table a confusion rule reads: how often each short run of words was seen.
//!
//! One format serves the model factlint ships and the ones `factlint learn` writes, so that a
//! table can be read straight from the bytes it is stored in, with no parsing and no
//! allocation: the shipped table is compiled into the binary and costs nothing until a
//! confusion word first appears. Each n-gram is a 64-bit FNV-1a hash of its words joined by one
//! space (lower-case, apostrophes as `'`), so a table holds no text; the counts are stored as
//! natural logarithms in thousandths, which is all a ratio of likelihoods needs.
//!
//! Layout, little-endian:
//!
//! ```text
//! magic     8 bytes   "FLNGRAM1"
//! total     u64       the number of words counted
//! floors    3 × u64   the smallest count kept for 1-, 2- and 3-grams (what pruning cut below)
//! entries   u64       n
//! keys      n × u64   n-gram hashes, ascending
//! values    n × u16   round(1000 × ln(count))
//! ```

use std::fmt;

const MAGIC: &[u8; 8] = b"FLNGRAM1";
const HEADER: usize = 8 + 8 + 3 * 8 + 8;
/// Values are logarithms in thousandths.
const SCALE: f64 = 1000.0;

/// Why bytes are not a model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ModelError {}

/// A read-only n-gram table over borrowed or owned bytes.
#[derive(Clone)]
pub struct NgramModel {
    bytes: Bytes,
    total: u64,
    floors: [u64; 3],
    entries: usize,
}

#[derive(Clone)]
enum Bytes {
    Static(&'static [u8]),
    Owned(std::sync::Arc<[u8]>),
}

impl fmt::Debug for NgramModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NgramModel").field("total", &self.total).field("entries", &self.entries).finish()
    }
}

impl NgramModel {
    /// A model over bytes that live as long as the program (the shipped table).
    pub fn from_static(bytes: &'static [u8]) -> Result<NgramModel, ModelError> {
        NgramModel::new(Bytes::Static(bytes))
    }

    /// A model over bytes read from a file.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<NgramModel, ModelError> {
        NgramModel::new(Bytes::Owned(bytes.into()))
    }

    fn new(bytes: Bytes) -> Result<NgramModel, ModelError> {
        let data = match &bytes {
            Bytes::Static(data) => *data,
            Bytes::Owned(data) => data,
        };
        if data.len() < HEADER || &data[..8] != MAGIC {
            return Err(ModelError("not a factlint n-gram model (no FLNGRAM1 header)".into()));
        }
        let word = |at: usize| u64::from_le_bytes(data[at..at + 8].try_into().unwrap_or_default());
        let total = word(8);
        let floors = [word(16), word(24), word(32)];
        let entries =
            usize::try_from(word(40)).map_err(|_| ModelError("the entry count is too large".into()))?;
        let expected = entries.checked_mul(10).and_then(|body| body.checked_add(HEADER));
        if expected != Some(data.len()) {
            return Err(ModelError(format!(
                "the model is cut short or padded: {} bytes for {entries} entries",
                data.len()
            )));
        }
        Ok(NgramModel { bytes, total, floors, entries })
    }

    fn data(&self) -> &[u8] {
        match &self.bytes {
            Bytes::Static(data) => data,
            Bytes::Owned(data) => data,
        }
    }

    /// The number of words the counts were taken from.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// How many n-grams the table holds.
    pub fn len(&self) -> usize {
        self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// The smallest count kept for n-grams of `order` words: an n-gram missing from the table
    /// was seen fewer times than this.
    pub fn floor(&self, order: usize) -> u64 {
        self.floors.get(order.wrapping_sub(1)).copied().unwrap_or(1).max(1)
    }

    /// The natural logarithm of the count of `words`, if the table has them.
    pub fn ln_count(&self, words: &[&str]) -> Option<f64> {
        let index = self.find(hash(words))?;
        let data = self.data();
        let at = HEADER + 8 * self.entries + 2 * index;
        Some(f64::from(u16::from_le_bytes([data[at], data[at + 1]])) / SCALE)
    }

    fn key_at(&self, index: usize) -> u64 {
        let at = HEADER + 8 * index;
        u64::from_le_bytes(self.data()[at..at + 8].try_into().unwrap_or_default())
    }

    /// Where `key` is among the sorted keys. The keys are hashes, spread evenly over the
    /// 64-bit range, so a key's rank is close to `key / 2^64 × entries`: the search starts
    /// there and widens by doubling steps, a few probes where a binary search over the whole
    /// table would take twenty cache misses.
    fn find(&self, key: u64) -> Option<usize> {
        let entries = self.entries;
        if entries == 0 {
            return None;
        }
        let guess = (((u128::from(key) * entries as u128) >> 64) as usize).min(entries - 1);
        let at_guess = self.key_at(guess);
        let (mut low, mut high) = match at_guess.cmp(&key) {
            std::cmp::Ordering::Equal => return Some(guess),
            std::cmp::Ordering::Less => {
                let (mut low, mut step) = (guess + 1, 1);
                loop {
                    let probe = guess + step;
                    if probe >= entries {
                        break (low, entries);
                    }
                    if self.key_at(probe) >= key {
                        break (low, probe + 1);
                    }
                    low = probe + 1;
                    step *= 2;
                }
            }
            std::cmp::Ordering::Greater => {
                let (mut high, mut step) = (guess, 1);
                loop {
                    if step > guess {
                        break (0, high);
                    }
                    let probe = guess - step;
                    if self.key_at(probe) <= key {
                        break (probe, high);
                    }
                    high = probe;
                    step *= 2;
                }
            }
        };
        while low < high {
            let middle = low + (high - low) / 2;
            match self.key_at(middle).cmp(&key) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Some(middle),
            }
        }
        None
    }
}

/// FNV-1a over the words joined by single spaces.
pub fn hash(words: &[&str]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash = OFFSET;
    for (index, word) in words.iter().enumerate() {
        if index > 0 {
            hash = (hash ^ u64::from(b' ')).wrapping_mul(PRIME);
        }
        for &byte in word.as_bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(PRIME);
        }
    }
    hash
}

/// Writes a table from counts: `(words joined by spaces, count)` pairs. Counts of the same
/// n-gram add up; `total` is the number of words counted.
pub fn write_table(counts: impl IntoIterator<Item = (u64, u64, usize)>, total: u64) -> Vec<u8> {
    let mut merged: Vec<(u64, u64)> = Vec::new();
    let mut floors = [u64::MAX; 3];
    let mut entries: Vec<(u64, u64, usize)> = counts.into_iter().filter(|&(_, count, _)| count > 0).collect();
    entries.sort_unstable_by_key(|&(key, _, _)| key);
    for (key, count, order) in entries {
        if let Some(floor) = floors.get_mut(order.wrapping_sub(1)) {
            *floor = (*floor).min(count);
        }
        match merged.last_mut() {
            Some((last, sum)) if *last == key => *sum += count,
            _ => merged.push((key, count)),
        }
    }
    let mut out = Vec::with_capacity(HEADER + 10 * merged.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&total.to_le_bytes());
    for floor in floors {
        out.extend_from_slice(&(if floor == u64::MAX { 1 } else { floor }).to_le_bytes());
    }
    out.extend_from_slice(&(merged.len() as u64).to_le_bytes());
    for (key, _) in &merged {
        out.extend_from_slice(&key.to_le_bytes());
    }
    for (_, count) in &merged {
        let value = ((*count as f64).ln() * SCALE).round().clamp(0.0, f64::from(u16::MAX)) as u16;
        out.extend_from_slice(&value.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(words: &[&str], count: u64) -> (u64, u64, usize) {
        (hash(words), count, words.len())
    }

    #[test]
    fn a_written_table_reads_back() {
        let bytes = write_table(
            [
                entry(&["more"], 50),
                entry(&["than"], 40),
                entry(&["more", "than"], 20),
                entry(&["it's", "a"], 3),
            ],
            1000,
        );
        let model = NgramModel::from_bytes(bytes).expect("a table");
        assert_eq!(model.total(), 1000);
        assert_eq!(model.len(), 4);
        let ln = model.ln_count(&["more", "than"]).expect("counted");
        assert!((ln - 20f64.ln()).abs() < 0.001);
        assert!(model.ln_count(&["more", "then"]).is_none());
        assert!(model.ln_count(&["it's", "a"]).is_some());
        assert_eq!((model.floor(1), model.floor(2), model.floor(3)), (40, 3, 1));
    }

    #[test]
    fn every_ngram_of_a_large_table_is_found() {
        let words: Vec<String> = (0..5000).map(|n| format!("w{n}")).collect();
        let model = NgramModel::from_bytes(write_table(words.iter().map(|w| entry(&[w], 2)), 10_000))
            .expect("a table");
        assert!(words.iter().all(|w| model.ln_count(&[w]).is_some()));
        assert!(model.ln_count(&["absent"]).is_none());
    }

    #[test]
    fn counts_of_one_ngram_add_up() {
        let model = NgramModel::from_bytes(write_table([entry(&["a", "b"], 2), entry(&["a", "b"], 3)], 5))
            .expect("a table");
        assert!((model.ln_count(&["a", "b"]).expect("counted") - 5f64.ln()).abs() < 0.001);
    }

    #[test]
    fn words_are_joined_not_concatenated() {
        assert_ne!(hash(&["ab", "c"]), hash(&["a", "bc"]));
        assert_eq!(hash(&["a", "b"]), hash(&["a b"]));
    }

    #[test]
    fn other_bytes_are_refused() {
        assert!(NgramModel::from_bytes(b"hello".to_vec()).is_err());
        let mut bytes = write_table([entry(&["a"], 1)], 1);
        bytes.pop();
        assert!(NgramModel::from_bytes(bytes).unwrap_err().0.contains("cut short"));
    }
}
