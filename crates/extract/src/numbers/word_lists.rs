// @generated from crates/extract/data by crates/extract/tests/codegen.rs: edit the lists there,
// then run `FACTLINT_BLESS=1 cargo test -p factlint-extract --test codegen`.

/// Nouns ending in "-ing" that an ordinal ranks: "a third reading", "a second hearing".
pub(crate) fn is_ing_noun(word: &str) -> bool {
    matches!(
        word,
        "reading"
            | "hearing"
            | "meeting"
            | "building"
            | "wedding"
            | "ruling"
            | "sitting"
            | "offering"
            | "filing"
            | "ranking"
            | "rating"
            | "setting"
            | "outing"
            | "innings"
            | "bombing"
            | "shooting"
            | "killing"
            | "stabbing"
            | "sibling"
            | "painting"
            | "recording"
            | "showing"
            | "opening"
            | "ending"
            | "landing"
            | "finding"
            | "warning"
            | "string"
            | "spring"
            | "king"
            | "thing"
    )
}

/// Comparatives after a figure ("10 higher", "5 fewer"): the figure is a difference, and the
/// word is not what it counts.
pub(crate) fn is_comparative(word: &str) -> bool {
    matches!(
        word,
        "higher"
            | "lower"
            | "larger"
            | "smaller"
            | "bigger"
            | "greater"
            | "cheaper"
            | "dearer"
            | "faster"
            | "slower"
            | "longer"
            | "shorter"
            | "heavier"
            | "lighter"
            | "richer"
            | "poorer"
            | "wider"
            | "taller"
    )
}
