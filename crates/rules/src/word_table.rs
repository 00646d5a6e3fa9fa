//! A table from words to values that the word pass asks about every word of every story.
//!
//! Nearly every word is at most 16 bytes long. Such a word is packed into two integers, which are
//! its key: hashing them takes two multiplications, and comparing a slot with them two integer
//! comparisons, where a general hash map hashes the bytes one run at a time and then compares the
//! text it finds through a pointer. The rare longer word goes to an ordinary map beside.

use rustc_hash::FxHashMap;

/// A word of 1 to 16 bytes packed into two little-endian integers, zero-padded. The padding
/// tells its length, since a word with a key does not end in a zero byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordKey {
    low: u64,
    high: u64,
}

impl WordKey {
    /// The key of `word`, or `None` when it is empty, longer than 16 bytes or ends in a zero
    /// byte (which the padding could not tell apart).
    #[inline]
    pub(crate) fn of(word: &str) -> Option<WordKey> {
        let bytes = word.as_bytes();
        let n = bytes.len();
        if bytes.last().is_none_or(|&last| last == 0) {
            return None;
        }
        // Loads that may overlap, each of a fixed width, put every byte in its place without a
        // loop: overlapping bytes are the same byte, so joining them with `|` is harmless.
        let (low, high) = match n {
            1..=3 => {
                let (first, middle, last) = (bytes[0], bytes[n / 2], bytes[n - 1]);
                (u64::from(first) | u64::from(middle) << (8 * (n / 2)) | u64::from(last) << (8 * (n - 1)), 0)
            }
            4..=7 => {
                let head = u64::from(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]));
                let tail =
                    u64::from(u32::from_le_bytes([bytes[n - 4], bytes[n - 3], bytes[n - 2], bytes[n - 1]]));
                (head | tail << (8 * (n - 4)), 0)
            }
            8..=16 => {
                let low = read_u64(&bytes[..8]);
                // The last eight bytes, shifted so that byte 8 lands lowest.
                let high = if n == 8 { 0 } else { read_u64(&bytes[n - 8..]) >> (8 * (16 - n)) };
                (low, high)
            }
            _ => return None,
        };
        Some(WordKey { low, high })
    }

    /// A 64-bit hash with every bit well spread (the table takes its top bits, a Bloom filter
    /// its low ones): the two halves multiplied apart, then MurmurHash3's finaliser.
    #[inline]
    pub(crate) fn hash(self) -> u64 {
        let mut hash =
            self.low.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ self.high.wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        hash ^ hash >> 33
    }
}

fn read_u64(bytes: &[u8]) -> u64 {
    let mut eight = [0u8; 8];
    eight.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(eight)
}

/// Words to values: short words in an open-addressing table of packed keys, long ones in a map.
#[derive(Debug, Clone)]
pub(crate) struct WordTable<T> {
    /// Each slot's key, [`EMPTY`] when the slot is free: only keys are read while probing.
    slots: Vec<WordKey>,
    /// The index in `values` of each slot's word.
    indices: Vec<u32>,
    bits: u32,
    filled: usize,
    long: FxHashMap<String, u32>,
    values: Vec<T>,
}

/// No word's key: a word that has one has a byte that is not zero.
const EMPTY: WordKey = WordKey { low: 0, high: 0 };

impl<T> Default for WordTable<T> {
    fn default() -> Self {
        WordTable {
            slots: Vec::new(),
            indices: Vec::new(),
            bits: 0,
            filled: 0,
            long: FxHashMap::default(),
            values: Vec::new(),
        }
    }
}

impl<T: Default> WordTable<T> {
    /// The value for `word`, added as `T::default()` when the word is not in the table yet.
    pub(crate) fn entry(&mut self, word: &str) -> &mut T {
        let index = match self.index_of(word) {
            Some(index) => index,
            None => {
                let index = self.values.len() as u32;
                self.values.push(T::default());
                match WordKey::of(word) {
                    Some(key) => self.insert(key, index),
                    None => {
                        self.long.insert(word.to_string(), index);
                    }
                }
                index
            }
        };
        &mut self.values[index as usize]
    }
}

impl<T> WordTable<T> {
    pub(crate) fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub(crate) fn clear(&mut self) {
        *self = WordTable::default();
    }

    /// The value for `word`, whose key (when it has one) is `key`.
    #[inline]
    pub(crate) fn get_keyed(&self, word: &str, key: Option<WordKey>) -> Option<&T> {
        let index = match key {
            Some(key) => self.find(key)?,
            None => *self.long.get(word)?,
        };
        Some(&self.values[index as usize])
    }

    fn index_of(&self, word: &str) -> Option<u32> {
        match WordKey::of(word) {
            Some(key) => self.find(key),
            None => self.long.get(word).copied(),
        }
    }

    #[inline]
    fn find(&self, key: WordKey) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut slot = (key.hash() >> (64 - self.bits)) as usize;
        loop {
            let held = self.slots[slot];
            if held == key {
                return Some(self.indices[slot]);
            }
            if held == EMPTY {
                return None;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Adds a key not in the table, growing it to keep at most one slot in two filled.
    fn insert(&mut self, key: WordKey, index: u32) {
        self.filled += 1;
        if self.filled * 2 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            let old_indices = std::mem::take(&mut self.indices);
            let capacity = (self.filled * 2).next_power_of_two().max(16);
            self.slots = vec![EMPTY; capacity];
            self.indices = vec![0; capacity];
            self.bits = capacity.trailing_zeros();
            for (held, index) in old.into_iter().zip(old_indices).filter(|&(held, _)| held != EMPTY) {
                self.place(held, index);
            }
        }
        self.place(key, index);
    }

    fn place(&mut self, key: WordKey, index: u32) {
        let mask = self.slots.len() - 1;
        let mut slot = (key.hash() >> (64 - self.bits)) as usize;
        while self.slots[slot] != EMPTY {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = key;
        self.indices[slot] = index;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_hold_every_byte_in_place() {
        for word in
            ["a", "an", "the", "from", "their", "there's", "governor", "governors", "responsibilities"]
        {
            let key = WordKey::of(word).unwrap();
            let mut bytes = key.low.to_le_bytes().to_vec();
            bytes.extend(key.high.to_le_bytes());
            assert_eq!(&bytes[..word.len()], word.as_bytes(), "{word}");
            assert!(bytes[word.len()..].iter().all(|&b| b == 0), "{word}");
        }
        assert_eq!(WordKey::of(""), None);
        assert_eq!(WordKey::of("internationalisation"), None);
        assert_eq!(WordKey::of("ab\0"), None);
    }

    #[test]
    fn words_of_every_length_are_found_and_others_are_not() {
        let words: Vec<String> = (1..=24).map(|n| "abcdefghijklmnopqrstuvwxyz"[..n].to_string()).collect();
        let mut table: WordTable<usize> = WordTable::default();
        for (k, word) in words.iter().enumerate() {
            *table.entry(word) = k;
        }
        *table.entry("naïve") = 99;
        for (k, word) in words.iter().enumerate() {
            assert_eq!(table.get_keyed(word, WordKey::of(word)), Some(&k), "{word}");
            let other = format!("{word}s");
            if !words.contains(&other) {
                assert_eq!(table.get_keyed(&other, WordKey::of(&other)), None, "{other}");
            }
        }
        assert_eq!(table.get_keyed("naïve", WordKey::of("naïve")), Some(&99));
        assert_eq!(table.get_keyed("b", WordKey::of("b")), None);
        // Adding a word again reaches its value rather than adding another.
        *table.entry("abc") += 100;
        assert_eq!(table.get_keyed("abc", WordKey::of("abc")), Some(&102));
    }
}
