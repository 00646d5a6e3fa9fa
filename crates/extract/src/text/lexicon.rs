//! Word lists the extractor shares: words that cannot be part of what a figure counts, words
//! that look like verbs, and a small singulariser for head nouns.

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
