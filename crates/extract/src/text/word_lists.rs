// @generated from crates/extract/data by crates/extract/tests/codegen.rs: edit the lists there,
// then run `FACTLINT_BLESS=1 cargo test -p factlint-extract --test codegen`.

/// Words that end the search for what a figure counts: articles, pronouns, prepositions,
/// conjunctions, auxiliaries and adverbs ("30,000 troops *at* the border").
pub(crate) fn ends_subject(word: &str) -> bool {
    matches!(
        word,
        "a"
            | "an"
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

/// Words ending in "-ed" that describe people rather than say what they did: "30 injured",
/// "5,000 displaced" count the injured and the displaced.
pub(crate) fn ed_adjectives(word: &str) -> bool {
    matches!(
        word,
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
    )
}

/// Verbs, not ending in "-ed", that commonly follow a bare figure ("30 died", "5,000 fled"):
/// the figure counts whoever did it, and the verb is not what it counts.
pub(crate) fn verbs_after_figure(word: &str) -> bool {
    matches!(
        word,
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

/// Plurals the suffix rules get wrong, and their singular; nouns whose plural is the word
/// itself ("aircraft", "staff") map to themselves.
pub(crate) fn irregular_plurals(word: &str) -> Option<&'static str> {
    Some(match word {
        "people" | "persons" => "person",
        "children" => "child",
        "men" => "man",
        "women" => "woman",
        "lives" => "life",
        "wives" => "wife",
        "feet" => "foot",
        "teeth" => "tooth",
        "mice" => "mouse",
        "geese" => "goose",
        "police" => "police",
        "staff" => "staff",
        "news" => "news",
        "series" => "series",
        "species" => "species",
        "aircraft" => "aircraft",
        "sheep" => "sheep",
        "fish" => "fish",
        "deer" => "deer",
        "personnel" => "personnel",
        _ => return None,
    })
}
