//! `--select` and `--ignore`, by ruff's names: rule ids (`dates.weekday`), id prefixes
//! (`dates`, `confusable`) or pack names (`confusables`), or `ALL`. The most specific match
//! wins, so `--ignore dates --select dates.weekday` runs the one date rule. Both narrow what the
//! configuration runs; neither switches on a rule the configuration turned off.

use anyhow::{Result, bail};
use factlint_rules::{Rule, RuleSet};

/// The command line's choice of rules.
#[derive(Debug, Default)]
pub struct Selection {
    select: Vec<String>,
    ignore: Vec<String>,
}

impl Selection {
    /// Checks that every selector names at least one rule of `rules`.
    pub fn new(select: &[String], ignore: &[String], rules: &RuleSet) -> Result<Selection> {
        for (flag, selectors) in [("--select", select), ("--ignore", ignore)] {
            for selector in selectors {
                if !rules.rules().iter().any(|rule| specificity(selector, rule).is_some()) {
                    bail!(
                        "{flag}: no rule or pack is called `{selector}` (`factlint rules list` shows them)"
                    );
                }
            }
        }
        Ok(Selection { select: select.to_vec(), ignore: ignore.to_vec() })
    }

    /// Whether `rule` runs under this selection.
    pub fn runs(&self, rule: &Rule) -> bool {
        let best = |selectors: &[String]| selectors.iter().filter_map(|s| specificity(s, rule)).max();
        let selected = if self.select.is_empty() { Some(0) } else { best(&self.select) };
        match (selected, best(&self.ignore)) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(selected), Some(ignored)) => selected > ignored,
        }
    }
}

/// How closely `selector` names `rule`, or `None` when it does not.
fn specificity(selector: &str, rule: &Rule) -> Option<usize> {
    let id = rule.id();
    if selector == id {
        Some(usize::MAX)
    } else if id.strip_prefix(selector).is_some_and(|rest| rest.starts_with('.')) {
        Some(selector.len() + 1)
    } else if selector == factlint_rules::builtin::pack_name(&rule.origin) {
        Some(1)
    } else if selector == "ALL" {
        Some(0)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn running(select: &[&str], ignore: &[&str]) -> Vec<String> {
        let rules = RuleSet::builtin().unwrap();
        let owned = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let selection = Selection::new(&owned(select), &owned(ignore), &rules).unwrap();
        rules.rules().iter().filter(|r| selection.runs(r)).map(|r| r.id().to_string()).collect()
    }

    #[test]
    fn the_most_specific_selector_wins() {
        let dates = running(&["dates"], &[]);
        assert!(dates.len() > 1 && dates.iter().all(|id| id.starts_with("dates.")), "{dates:?}");
        assert_eq!(running(&["dates.weekday"], &[]), ["dates.weekday"]);
        assert_eq!(
            running(&["dates.weekday", "ALL"], &["dates"])
                .iter()
                .filter(|id| id.starts_with("dates."))
                .count(),
            1
        );
        let without = running(&[], &["dates.weekday"]);
        assert!(!without.contains(&"dates.weekday".to_string()) && without.len() > dates.len());
        assert!(running(&["confusables"], &[]).iter().all(|id| id.starts_with("confusable.")));
    }

    #[test]
    fn unknown_names_are_errors() {
        let rules = RuleSet::builtin().unwrap();
        let error = Selection::new(&["date".to_string()], &[], &rules).unwrap_err();
        assert_eq!(
            error.to_string(),
            "--select: no rule or pack is called `date` (`factlint rules list` shows them)"
        );
    }
}
