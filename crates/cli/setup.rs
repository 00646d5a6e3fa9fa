//! Loading what a run checks with: the rule packs, extra rule files and reference figures.
//! Any problem here is a configuration error (exit 2) that names the file.

use crate::cli::RuleArgs;
use anyhow::{Context, Result};
use factlint_rules::{Fact, RuleSet, parse_facts};
use std::path::Path;

/// The built-in packs plus the user's rule files.
pub fn rules(args: &RuleArgs) -> Result<RuleSet> {
    let mut rules = RuleSet::builtin().map_err(|e| anyhow::anyhow!("built-in rules: {e}"))?;
    for file in &args.rule_files {
        rules.extend(rule_file(file)?)?;
    }
    Ok(rules)
}

/// One user rule file on its own.
pub fn rule_file(file: &Path) -> Result<RuleSet> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read rule file {}", file.display()))?;
    let name = file.display().to_string();
    Ok(RuleSet::from_sources([(name.as_str(), text.as_str())])?)
}

/// The reference figures, if a facts file was given.
pub fn facts(args: &RuleArgs) -> Result<Vec<Fact>> {
    let Some(file) = &args.facts else { return Ok(Vec::new()) };
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read facts file {}", file.display()))?;
    Ok(parse_facts(&file.display().to_string(), &text)?)
}
