//! Every built-in rule's own examples, run as tests: what it must flag (exactly the marked
//! spans, and the fixed text when given) and what it must pass.

use factlint_rules::RuleSet;
use factlint_rules::examples::run_examples;

#[test]
fn every_builtin_rule_passes_its_examples() {
    let rules = RuleSet::builtin().unwrap_or_else(|error| panic!("the built-in packs do not load: {error}"));
    let failures: Vec<String> = rules.rules().iter().flat_map(run_examples).map(|f| f.to_string()).collect();
    assert!(failures.is_empty(), "{} example failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn builtin_rule_ids_name_their_pack() {
    let rules = RuleSet::builtin().unwrap_or_else(|error| panic!("{error}"));
    for rule in rules.rules() {
        let pack = factlint_rules::builtin::pack_name(&rule.origin);
        let prefix = rule.id().split('.').next().unwrap_or_default();
        assert!(
            pack.starts_with(prefix) || prefix.starts_with(pack.trim_end_matches('s')),
            "{} is in {}",
            rule.id(),
            rule.origin
        );
    }
}
