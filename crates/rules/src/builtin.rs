//! The built-in rule packs, embedded at build time so the binary needs no files beside it.

/// `(file name, YAML text)` for every built-in pack, one concern each. The confusables, the
/// largest pack by far, come in several files by theme.
pub const PACKS: &[(&str, &str)] = &[
    ("rules/confusables/war-and-crime.yaml", include_str!("../../../rules/confusables/war-and-crime.yaml")),
    ("rules/confusables/government.yaml", include_str!("../../../rules/confusables/government.yaml")),
    ("rules/confusables/grammar-words.yaml", include_str!("../../../rules/confusables/grammar-words.yaml")),
    ("rules/confusables/idioms.yaml", include_str!("../../../rules/confusables/idioms.yaml")),
    ("rules/confusables/sport-and-arts.yaml", include_str!("../../../rules/confusables/sport-and-arts.yaml")),
    ("rules/confusables/business.yaml", include_str!("../../../rules/confusables/business.yaml")),
    (
        "rules/confusables/health-science-travel.yaml",
        include_str!("../../../rules/confusables/health-science-travel.yaml"),
    ),
    ("rules/confusables/food-and-home.yaml", include_str!("../../../rules/confusables/food-and-home.yaml")),
    ("rules/spelling.yaml", include_str!("../../../rules/spelling.yaml")),
    ("rules/grammar.yaml", include_str!("../../../rules/grammar.yaml")),
    ("rules/punctuation.yaml", include_str!("../../../rules/punctuation.yaml")),
    ("rules/consistency.yaml", include_str!("../../../rules/consistency.yaml")),
    ("rules/arithmetic.yaml", include_str!("../../../rules/arithmetic.yaml")),
    ("rules/dates.yaml", include_str!("../../../rules/dates.yaml")),
    ("rules/facts.yaml", include_str!("../../../rules/facts.yaml")),
];

/// The pack a built-in rule file belongs to: "rules/dates.yaml" → "dates",
/// "rules/confusables/idioms.yaml" → "confusables".
pub fn pack_name(file: &str) -> &str {
    match file.strip_prefix("rules/").and_then(|rest| rest.split_once('/')) {
        Some((pack, _)) => pack,
        None => file.rsplit('/').next().unwrap_or(file).trim_end_matches(".yaml"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_are_named_by_file_or_folder() {
        assert_eq!(pack_name("rules/dates.yaml"), "dates");
        assert_eq!(pack_name("rules/confusables/idioms.yaml"), "confusables");
        assert_eq!(pack_name("desk/house.yaml"), "house");
    }
}
