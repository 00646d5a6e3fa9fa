//! The built-in rule packs, embedded at build time so the binary needs no files beside it.

/// `(file name, YAML text)` for every built-in pack, one concern each.
pub const PACKS: &[(&str, &str)] = &[
    ("rules/confusables.yaml", include_str!("../../../rules/confusables.yaml")),
    ("rules/spelling.yaml", include_str!("../../../rules/spelling.yaml")),
    ("rules/grammar.yaml", include_str!("../../../rules/grammar.yaml")),
    ("rules/punctuation.yaml", include_str!("../../../rules/punctuation.yaml")),
    ("rules/consistency.yaml", include_str!("../../../rules/consistency.yaml")),
    ("rules/arithmetic.yaml", include_str!("../../../rules/arithmetic.yaml")),
    ("rules/dates.yaml", include_str!("../../../rules/dates.yaml")),
    ("rules/facts.yaml", include_str!("../../../rules/facts.yaml")),
];

/// The pack a built-in rule file belongs to: "rules/dates.yaml" → "dates".
pub fn pack_name(file: &str) -> &str {
    file.rsplit('/').next().unwrap_or(file).trim_end_matches(".yaml")
}
