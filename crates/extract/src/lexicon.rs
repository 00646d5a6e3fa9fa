//! Word lists the extractor shares: qualifiers, words that cannot be part of what a figure
//! counts, and a small singulariser for head nouns.

use crate::claim::Qualifier;

/// Qualifiers written before a figure, longest first within each first word. Each entry is the
/// lower-cased words and the qualifier they mean.
pub(crate) const QUALIFIERS_BEFORE: &[(&[&str], Qualifier)] = &[
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
    QUALIFIERS_BEFORE.iter().any(|(words, _)| words[0] == word)
}

/// Qualifiers written after a figure ("30 or more", "65 and over", "50-plus", "30-odd").
pub(crate) const QUALIFIERS_AFTER: &[(&[&str], Qualifier)] = &[
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

/// Words that end the search for what a figure counts.
pub(crate) fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "vs"
            | "versus"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "without"
            | "near"
            | "along"
            | "across"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "about"
            | "against"
            | "between"
            | "among"
            | "amid"
            | "after"
            | "before"
            | "since"
            | "during"
            | "through"
            | "throughout"
            | "until"
            | "till"
            | "per"
            | "than"
            | "as"
            | "via"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "so"
            | "yet"
            | "if"
            | "because"
            | "while"
            | "when"
            | "where"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "what"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "having"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "not"
            | "no"
            | "it"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "they"
            | "them"
            | "he"
            | "she"
            | "we"
            | "i"
            | "you"
            | "us"
            | "also"
            | "only"
            | "just"
            | "still"
            | "already"
            | "now"
            | "then"
            | "there"
            | "here"
            | "each"
            | "every"
            | "all"
            | "both"
            | "either"
            | "neither"
            | "some"
            | "any"
            | "such"
            | "said"
            | "say"
            | "says"
            | "told"
            | "according"
            | "including"
            | "like"
            | "more"
            | "most"
            | "less"
            | "fewer"
            | "least"
            | "other"
            | "another"
            | "ago"
            | "later"
            | "earlier"
            | "last"
            | "next"
            | "up"
            | "down"
            | "out"
            | "off"
            | "away"
            | "back"
            | "again"
            | "too"
            | "very"
            | "even"
            | "alone"
            | "apiece"
            | "around"
            | "toward"
            | "towards"
            | "within"
            | "beyond"
            | "behind"
            | "above"
            | "below"
            | "inside"
            | "outside"
            | "upon"
            | "unlike"
            | "despite"
            | "whether"
            | "though"
            | "although"
            | "unless"
            | "whereas"
            | "respectively"
            | "overall"
            | "total"
            | "altogether"
            | "instead"
            | "compared"
    )
}

/// Verbs that commonly follow a bare figure ("30 died", "5,000 marched").
pub(crate) fn looks_like_verb(w: &str) -> bool {
    (w.ends_with("ed")
        && w.len() > 4
        && !matches!(
            w,
            "armed"
                | "injured"
                | "wounded"
                | "displaced"
                | "registered"
                | "licensed"
                | "elected"
                | "detained"
                | "disabled"
                | "qualified"
                | "unemployed"
                | "employed"
                | "married"
                | "retired"
                | "trained"
        ))
        || matches!(
            w,
            "died"
                | "fled"
                | "fell"
                | "rose"
                | "made"
                | "went"
                | "came"
                | "left"
                | "took"
                | "gave"
                | "got"
                | "ran"
                | "won"
                | "lost"
                | "hit"
                | "saw"
                | "met"
                | "were"
                | "remain"
                | "remained"
                | "remains"
                | "say"
                | "said"
                | "held"
                | "began"
                | "became"
                | "sat"
                | "stood"
                | "grew"
                | "paid"
                | "sold"
        )
}

/// The singular of a lower-cased head noun: good enough to match "troops" with "troop",
/// "casualties" with "casualty" and "people" with itself.
pub fn singular(word: &str) -> String {
    let irregular = match word {
        "people" | "persons" => Some("person"),
        "children" => Some("child"),
        "men" => Some("man"),
        "women" => Some("woman"),
        "lives" => Some("life"),
        "wives" => Some("wife"),
        "feet" => Some("foot"),
        "teeth" => Some("tooth"),
        "mice" => Some("mouse"),
        "geese" => Some("goose"),
        "police" => Some("police"),
        "staff" => Some("staff"),
        "news" | "series" | "species" | "aircraft" | "sheep" | "fish" | "deer" | "personnel" => Some(word),
        _ => None,
    };
    if let Some(s) = irregular {
        return s.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies")
        && stem.len() > 1
    {
        return format!("{stem}y");
    }
    for ending in ["ches", "shes", "sses", "xes", "zes"] {
        if word.ends_with(ending) {
            return word[..word.len() - 2].to_string();
        }
    }
    if word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && word.len() > 3
    {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// The word without a possessive ending ("EU’s" → "EU", "allies'" stays).
pub(crate) fn strip_possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singulars() {
        for (plural, one) in [
            ("troops", "troop"),
            ("casualties", "casualty"),
            ("people", "person"),
            ("vehicles", "vehicle"),
            ("states", "state"),
            ("churches", "church"),
            ("status", "status"),
            ("aircraft", "aircraft"),
        ] {
            assert_eq!(singular(plural), one);
        }
    }
}
