//! The changed values planted into a copy: a different plausible figure (15 to 60 per cent away,
//! rounded as the original was rounded, never the same digits reordered, which is a different
//! check), another age, another size, or the opposite direction word.
//!
//! Every draw comes from a generator seeded by the benchmark's seed, the story and the place in
//! it, so a run plants exactly what the previous run planted, and adding stories changes nothing
//! already planted.

use crate::story::number_word;

pub const SEED: u64 = 0x0fac_71d7_2026_0010;

/// splitmix64: small, fast and good enough to pick plausible values.
pub struct Rng(u64);

impl Rng {
    pub fn new(story: u64, offset: usize) -> Rng {
        Rng(SEED ^ story.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (offset as u64).rotate_left(32))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A float in `[low, high)`.
    fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn coin(&mut self) -> bool {
        self.next() & 1 == 1
    }
}

fn sorted_digits(text: &str) -> Vec<char> {
    let mut digits: Vec<char> = text.chars().filter(char::is_ascii_digit).collect();
    digits.sort_unstable();
    digits
}

fn with_commas(integer: u64) -> String {
    let digits = integer.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Writes `value` the way `original` was written: its decimals, its thousands separators.
fn written_like(original: &str, value: f64) -> String {
    match original.split_once('.') {
        Some((_, decimals)) => format!("{value:.*}", decimals.len()),
        None => {
            let integer = value.round() as u64;
            let plain = original.replace(',', "");
            if integer >= 1000 && (original.contains(',') || plain.len() < 4) {
                with_commas(integer)
            } else {
                integer.to_string()
            }
        }
    }
}

/// A different figure for a count or amount written as `original` (digits or a number word).
pub fn figure(original: &str, value: f64, rng: &mut Rng) -> Option<String> {
    if original.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return small_count(original, value, rng, 2.0, 20.0);
    }
    let decimals = original.split_once('.').map_or(0, |(_, d)| d.len());
    let trailing_zeros = if decimals > 0 {
        0
    } else {
        original.replace(',', "").bytes().rev().take_while(|&b| b == b'0').count()
    };
    for attempt in 0..24 {
        // Round as the original was rounded; after a few misses, one place finer.
        let places = trailing_zeros as i32 - attempt / 8;
        let step = if decimals > 0 { 10f64.powi(-(decimals as i32)) } else { 10f64.powi(places.max(0)) };
        let factor = rng.between(0.15, 0.60);
        let up = value * (1.0 - factor) <= step || rng.coin();
        let raw = if up { value * (1.0 + factor) } else { value * (1.0 - factor) };
        let candidate = (raw / step).round() * step;
        let text = written_like(original, candidate);
        if candidate > 0.0 && text != original && sorted_digits(&text) != sorted_digits(original) {
            return Some(text);
        }
    }
    None
}

/// A different small whole number (an age, a body's size), written as the original was.
pub fn small_count(original: &str, value: f64, rng: &mut Rng, low: f64, high: f64) -> Option<String> {
    let as_word = original.starts_with(|c: char| c.is_ascii_alphabetic());
    for _ in 0..24 {
        let shift = (value * rng.between(0.15, 0.60)).round().max(1.0);
        let candidate = if rng.coin() { value + shift } else { value - shift };
        if candidate < low || candidate > high || candidate == value {
            continue;
        }
        let text = if as_word {
            let word = number_word(candidate)?.to_string();
            match original.chars().next() {
                Some(c) if c.is_ascii_uppercase() => capitalize(&word),
                _ => word,
            }
        } else {
            format!("{candidate}")
        };
        if sorted_digits(&text) != sorted_digits(original) || as_word {
            return Some(text);
        }
    }
    None
}

/// Another age for a person: three to twelve years off.
pub fn age(original: &str, value: f64, rng: &mut Rng) -> Option<String> {
    for _ in 0..24 {
        let shift = rng.between(3.0, 13.0).floor();
        let candidate = if rng.coin() { value + shift } else { value - shift };
        let text = format!("{candidate}");
        if (18.0..=99.0).contains(&candidate) && sorted_digits(&text) != sorted_digits(original) {
            return Some(text);
        }
    }
    None
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// Words that say a figure went up, and the word for down in the same form.
const OPPOSITES: &[(&str, &str)] = &[
    ("rose", "fell"),
    ("rise", "fall"),
    ("rises", "falls"),
    ("rising", "falling"),
    ("risen", "fallen"),
    ("increased", "decreased"),
    ("increase", "decrease"),
    ("increases", "decreases"),
    ("increasing", "decreasing"),
    ("climbed", "dropped"),
    ("jumped", "dropped"),
    ("gained", "lost"),
    ("gain", "drop"),
    ("gains", "drops"),
    ("up", "down"),
    ("higher", "lower"),
    ("grew", "shrank"),
    ("growth", "decline"),
];

const DOWN_ONLY: &[(&str, &str)] = &[
    ("declined", "rose"),
    ("decline", "rise"),
    ("declines", "rises"),
    ("dropped", "rose"),
    ("drop", "rise"),
    ("slipped", "rose"),
    ("eased", "rose"),
    ("lost", "gained"),
    ("loss", "gain"),
    ("dipped", "rose"),
];

/// Whether `word` says up (`Some(true)`), down (`Some(false)`) or neither.
pub fn direction(word: &str) -> Option<bool> {
    if OPPOSITES.iter().any(|(up, _)| *up == word) {
        Some(true)
    } else if OPPOSITES.iter().any(|(_, down)| *down == word) || DOWN_ONLY.iter().any(|(d, _)| *d == word) {
        Some(false)
    } else {
        None
    }
}

/// The opposite direction word, in the same case as `original`.
pub fn opposite(original: &str) -> Option<String> {
    let lower = original.to_ascii_lowercase();
    let flipped = OPPOSITES
        .iter()
        .find_map(|(up, down)| (*up == lower).then_some(*down).or((*down == lower).then_some(*up)))
        .or_else(|| DOWN_ONLY.iter().find_map(|(down, up)| (*down == lower).then_some(*up)))?;
    Some(if original.starts_with(|c: char| c.is_ascii_uppercase()) {
        capitalize(flipped)
    } else {
        flipped.to_string()
    })
}
