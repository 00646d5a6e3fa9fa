//! The words that bound a figure: "more than", "about", "up to" before it, "or more", "-odd"
//! after it. Each maps to the [`Qualifier`] a claim carries.

use crate::claims::claim::Qualifier;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// A qualifier phrase: its lower-cased words and the qualifier they mean.
type Phrase = (&'static [&'static str], Qualifier);

/// Qualifiers written before a figure, longest first within each first word. Each entry is the
/// lower-cased words and the qualifier they mean.
const QUALIFIERS_BEFORE: &[Phrase] = &[
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["higher", "than"], Qualifier::MoreThan),
    (&["larger", "than"], Qualifier::MoreThan),
    (&["bigger", "than"], Qualifier::MoreThan),
    (&["just", "over"], Qualifier::MoreThan),
    (&["well", "over"], Qualifier::MoreThan),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["upward", "of"], Qualifier::MoreThan),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["exceeding"], Qualifier::MoreThan),
    (&["exceed"], Qualifier::MoreThan),
    (&["exceeds"], Qualifier::MoreThan),
    (&["exceeded"], Qualifier::MoreThan),
    (&["surpass"], Qualifier::MoreThan),
    (&["surpasses"], Qualifier::MoreThan),
    (&["surpassed"], Qualifier::MoreThan),
    (&["surpassing"], Qualifier::MoreThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["not", "fewer", "than"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["a", "total", "of", "at", "least"], Qualifier::AtLeast),
    (&["equal", "to", "or", "more", "than"], Qualifier::AtLeast),
    (&["equal", "to", "or", "greater", "than"], Qualifier::AtLeast),
    (&["greater", "than", "or", "equal", "to"], Qualifier::AtLeast),
    (&["more", "than", "or", "equal", "to"], Qualifier::AtLeast),
    (&["at", "least", "or", "equal", "to"], Qualifier::AtLeast),
    (&["greater", "or", "equal", "than"], Qualifier::AtLeast),
    (&["higher", "or", "equal", "than"], Qualifier::AtLeast),
    (&["bigger", "or", "equal", "than"], Qualifier::AtLeast),
    (&["larger", "or", "equal", "than"], Qualifier::AtLeast),
    (&["more", "or", "equal", "than"], Qualifier::AtLeast),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["close", "to"], Qualifier::Nearly),
    (&["just", "under"], Qualifier::Nearly),
    (&["just", "shy", "of"], Qualifier::Nearly),
    (&["not", "quite"], Qualifier::Nearly),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["approx"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["an", "estimated"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["an", "approximate"], Qualifier::About),
    (&["somewhere", "around"], Qualifier::About),
    (&["up", "to"], Qualifier::UpTo),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["as", "much", "as"], Qualifier::UpTo),
    (&["as", "high", "as"], Qualifier::UpTo),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["equal", "to", "or", "less", "than"], Qualifier::AtMost),
    (&["less", "than", "or", "equal", "to"], Qualifier::AtMost),
    (&["less", "or", "equal", "than"], Qualifier::AtMost),
    (&["lower", "or", "equal", "than"], Qualifier::AtMost),
    (&["smaller", "or", "equal", "than"], Qualifier::AtMost),
    (&["fewer", "or", "equal", "than"], Qualifier::AtMost),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["lower", "than"], Qualifier::LessThan),
    (&["smaller", "than"], Qualifier::LessThan),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
];

/// Whether a qualifier phrase starts with `word` ("almost", "circa", "close"): such a word
/// begins the next figure's qualifier, not this figure's subject.
pub(crate) fn starts_qualifier(word: &str) -> bool {
    FIRST_WORDS.contains(word)
}

/// The qualifier phrases written before a figure that end with `word`: every figure asks this
/// of the word before it, so the phrases are grouped by their last word once rather than the
/// whole list being read each time.
pub(crate) fn qualifiers_ending_with(word: &str) -> &'static [Phrase] {
    BY_LAST_WORD.get(word).map_or(&[], Vec::as_slice)
}

static BY_LAST_WORD: LazyLock<FxHashMap<&'static str, Vec<Phrase>>> = LazyLock::new(|| {
    let mut phrases: FxHashMap<&'static str, Vec<Phrase>> = FxHashMap::default();
    for &(words, qualifier) in QUALIFIERS_BEFORE {
        if let Some(&last) = words.last() {
            phrases.entry(last).or_default().push((words, qualifier));
        }
    }
    phrases
});

static FIRST_WORDS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| QUALIFIERS_BEFORE.iter().filter_map(|(words, _)| words.first().copied()).collect());

/// Qualifiers written after a figure ("30 or more", "65 and over", "50-plus", "30-odd").
pub(crate) const QUALIFIERS_AFTER: &[Phrase] = &[
    (&["or", "more"], Qualifier::AtLeast),
    (&["or", "higher"], Qualifier::AtLeast),
    (&["or", "greater"], Qualifier::AtLeast),
    (&["or", "above"], Qualifier::AtLeast),
    (&["or", "over"], Qualifier::AtLeast),
    (&["or", "older"], Qualifier::AtLeast),
    (&["and", "more"], Qualifier::AtLeast),
    (&["and", "above"], Qualifier::AtLeast),
    (&["and", "over"], Qualifier::AtLeast),
    (&["and", "older"], Qualifier::AtLeast),
    (&["or", "so"], Qualifier::About),
    (&["or", "less"], Qualifier::AtMost),
    (&["or", "fewer"], Qualifier::AtMost),
    (&["or", "lower"], Qualifier::AtMost),
    (&["or", "below"], Qualifier::AtMost),
    (&["or", "under"], Qualifier::AtMost),
    (&["or", "younger"], Qualifier::AtMost),
    (&["and", "under"], Qualifier::AtMost),
    (&["and", "below"], Qualifier::AtMost),
    (&["and", "younger"], Qualifier::AtMost),
    (&["plus"], Qualifier::AtLeast),
    (&["odd"], Qualifier::About),
];
