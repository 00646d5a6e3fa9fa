//! The n-gram table a confusion rule reads: how often each short run of words was seen.
//!
//! One format serves the model factlint ships and the ones `factlint learn` writes. The shipped
//! table is compiled into the binary and costs nothing until a confusion word first appears;
//! then its keys and values are packed into an open-addressing hash table (a few milliseconds),
//! since a confusion rule looks up several n-grams for each word of a set it meets and a
//! look-up that reads one cache line is what keeps the rules cheap. Each n-gram is a 64-bit FNV-1a hash of its words joined by one
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
    /// The natural logarithms of `total` and of half the smallest unigram count (what a word
    /// the table lacks is taken to have been seen), and of each order's floor: a confusion
    /// rule reads them for most words it judges, and a logarithm costs more than the rest.
    ln_total: f64,
    ln_unseen_word: f64,
    ln_floors: [f64; 3],
    entries: usize,
    /// The commonest n-grams, in a table small enough to stay in a core's cache: the pairs of
    /// function words a confusion rule asks for most ("of the", "to be") are among them.
    hot: std::sync::Arc<Slots>,
    /// The other n-grams.
    cold: std::sync::Arc<Slots>,
}

/// How many of the commonest n-grams go in the small table (512 KB of slots).
const HOT: usize = 32_768;

/// N-grams in an open-addressing hash table with linear probing, built when a table is read (one
/// pass, a few milliseconds for the shipped table): each slot packs what is left of a key once
/// its home slot is known with its value, so that a look-up reads one cache line where a search
/// of the sorted keys reads several, and then the values apart.
#[derive(Debug, Default)]
struct Slots {
    slots: Box<[u64]>,
    bits: u32,
}

/// An empty slot. A filled one has the [`FILLED`] bit set.
const EMPTY: u64 = 0;
const FILLED: u64 = 1 << 63;
/// The bits of a key a slot keeps: its low 47 bits. Two n-grams are taken for one only when
/// their hashes agree on these and fall in the same run of slots.
const KEPT: u64 = (1 << 47) - 1;

impl Slots {
    /// A table for `entries` n-grams, with at most two for every three slots.
    fn with_room_for(entries: usize) -> Slots {
        let capacity = (entries + entries / 2).max(2).next_power_of_two();
        Slots { slots: vec![EMPTY; capacity].into(), bits: capacity.trailing_zeros() }
    }

    fn insert(&mut self, key: u64, value: u16) {
        let mask = self.slots.len() - 1;
        let mut slot = self.home(key);
        while self.slots[slot] != EMPTY {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = FILLED | (key & KEPT) << 16 | u64::from(value);
    }

    /// The slot a key's run starts from: the top bits of its hash, which are spread evenly, and
    /// follow the order of the sorted keys, so that a table is filled front to back.
    fn home(&self, key: u64) -> usize {
        (key >> (64 - self.bits)) as usize
    }

    fn get(&self, key: u64) -> Option<u16> {
        let mask = self.slots.len().checked_sub(1)?;
        let wanted = FILLED | (key & KEPT) << 16;
        let mut slot = self.home(key);
        loop {
            let packed = self.slots[slot];
            if packed == EMPTY {
                return None;
            }
            if packed & !0xffff == wanted {
                return Some(packed as u16);
            }
            slot = (slot + 1) & mask;
        }
    }
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
        let floor = |order: usize| floors[order - 1].max(1) as f64;
        let mut model = NgramModel {
            bytes,
            total,
            floors,
            ln_total: (total.max(1) as f64).ln(),
            ln_unseen_word: (floor(1) / 2.0).ln(),
            ln_floors: [1, 2, 3].map(|order| floor(order).ln()),
            entries,
            hot: Default::default(),
            cold: Default::default(),
        };
        model.index();
        Ok(model)
    }

    /// Fills the hash tables: about the [`HOT`] commonest n-grams in one (every n-gram whose
    /// count is at least the count of the `HOT`-th, short of going over), the rest in the other.
    fn index(&mut self) {
        let mut histogram = vec![0usize; usize::from(u16::MAX) + 1];
        for index in 0..self.entries {
            histogram[usize::from(self.value_at(index))] += 1;
        }
        let (mut threshold, mut hot) = (usize::from(u16::MAX) + 1, 0);
        while threshold > 0 && hot + histogram[threshold - 1] <= HOT {
            threshold -= 1;
            hot += histogram[threshold];
        }
        let mut hot_slots = Slots::with_room_for(hot);
        let mut cold_slots = Slots::with_room_for(self.entries - hot);
        for index in 0..self.entries {
            let (key, value) = (self.key_at(index), self.value_at(index));
            if usize::from(value) >= threshold {
                hot_slots.insert(key, value);
            } else {
                cold_slots.insert(key, value);
            }
        }
        self.hot = hot_slots.into();
        self.cold = cold_slots.into();
    }

    fn value_at(&self, index: usize) -> u16 {
        let at = HEADER + 8 * self.entries + 2 * index;
        let data = self.data();
        u16::from_le_bytes([data[at], data[at + 1]])
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

    /// The natural logarithm of [`floor`](Self::floor)`(order)`.
    pub fn ln_floor(&self, order: usize) -> f64 {
        self.ln_floors.get(order.wrapping_sub(1)).copied().unwrap_or(0.0)
    }

    /// The natural logarithm of [`total`](Self::total), at least 1.
    pub fn ln_total(&self) -> f64 {
        self.ln_total
    }

    /// The natural logarithm of the count a word the table lacks is taken to have: half the
    /// smallest unigram count kept.
    pub fn ln_unseen_word(&self) -> f64 {
        self.ln_unseen_word
    }

    /// The natural logarithm of the count of `words`, if the table has them.
    pub fn ln_count(&self, words: &[&str]) -> Option<f64> {
        self.ln_count_of_key(hash(words))
    }

    /// The natural logarithm of the count of the n-gram whose [`hash`] is `key`.
    pub fn ln_count_of_key(&self, key: u64) -> Option<f64> {
        let value = self.hot.get(key).or_else(|| self.cold.get(key))?;
        Some(f64::from(value) / SCALE)
    }

    /// [`ln_count_of_key`](Self::ln_count_of_key) for many keys, in order. A story's
    /// look-ups made together cost far less than made one at a time among other work: the
    /// table's memory reads of one key do not wait for those of the key before.
    pub fn ln_counts_of_keys(&self, keys: &[u64]) -> Vec<Option<f64>> {
        let mut values: Vec<Option<u16>> = keys.iter().map(|&key| self.hot.get(key)).collect();
        for (value, &key) in values.iter_mut().zip(keys) {
            if value.is_none() {
                *value = self.cold.get(key);
            }
        }
        values.into_iter().map(|value| value.map(|value| f64::from(value) / SCALE)).collect()
    }

    fn key_at(&self, index: usize) -> u64 {
        let at = HEADER + 8 * index;
        u64::from_le_bytes(self.data()[at..at + 8].try_into().unwrap_or_default())
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a over the words joined by single spaces.
pub fn hash(words: &[&str]) -> u64 {
    let mut words = words.iter();
    let Some(first) = words.next() else { return FNV_OFFSET };
    words.fold(hash_word(first), |hash, word| hash_then(hash, word))
}

/// [`hash`] of one word.
pub fn hash_word(word: &str) -> u64 {
    fnv(FNV_OFFSET, word.as_bytes())
}

/// [`hash`] of the words hashed to `prefix` followed by `word`: the hash of a word pair costs
/// only its second word when the first word's hash is known.
pub fn hash_then(prefix: u64, word: &str) -> u64 {
    fnv(fnv(prefix, b" "), word.as_bytes())
}

fn fnv(mut hash: u64, bytes: &[u8]) -> u64 {
    for &byte in bytes {
        hash = (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
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
        let words: Vec<String> = (0..3 * HOT).map(|n| format!("w{n}")).collect();
        let model = NgramModel::from_bytes(write_table(
            words.iter().enumerate().map(|(n, w)| entry(&[w], 2 + n as u64)),
            1 << 40,
        ))
        .expect("a table");
        for (n, word) in words.iter().enumerate() {
            let ln = model.ln_count(&[word]).unwrap_or_else(|| panic!("{word} is not found"));
            assert!((ln - (2.0 + n as f64).ln()).abs() < 0.001, "{word}: {ln}");
        }
        assert!(model.ln_count(&["absent"]).is_none());
    }

    #[test]
    fn counts_of_one_ngram_add_up() {
        let model = NgramModel::from_bytes(write_table([entry(&["a", "b"], 2), entry(&["a", "b"], 3)], 5))
            .expect("a table");
        assert!((model.ln_count(&["a", "b"]).expect("counted") - 5f64.ln()).abs() < 0.001);
    }

    #[test]
    fn a_pair_hashes_the_same_from_its_first_word_hash() {
        assert_eq!(hash_then(hash_word("more"), "than"), hash(&["more", "than"]));
        assert_eq!(hash_then(hash(&["a", "b"]), "c"), hash(&["a", "b", "c"]));
    }

    #[test]
    fn an_unsorted_table_misses_but_does_not_panic() {
        let mut bytes = write_table([entry(&["a"], 1), entry(&["b"], 2), entry(&["c"], 3)], 6);
        let keys = HEADER..HEADER + 24;
        let mut reversed: Vec<u8> = bytes[keys.clone()].chunks(8).rev().flatten().copied().collect();
        bytes[keys].swap_with_slice(&mut reversed);
        let model = NgramModel::from_bytes(bytes).expect("a table");
        for word in ["a", "b", "c", "d"] {
            let _ = model.ln_count(&[word]);
        }
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
