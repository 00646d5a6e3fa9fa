//! The newsroom's reference figures: "the EU has 27 member states", valid from a date, with the
//! source to cite when copy contradicts it.

use crate::load::{LoadError, parse_yaml};
use factlint_extract::jiff::civil::Date;
use serde::Deserialize;

/// One reference figure.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    /// Who or what the figure belongs to: "European Union".
    pub entity: String,
    /// What is counted: "member states".
    pub subject: String,
    /// Other names for the entity, or for the entity and subject together ("EU", "EU members").
    #[serde(default)]
    pub aliases: Vec<String>,
    pub value: f64,
    #[serde(default)]
    pub valid_from: Option<Date>,
    #[serde(default)]
    pub valid_until: Option<Date>,
    /// Cited in the finding.
    pub source: String,
}

impl Fact {
    /// Whether the figure holds on `date` (always, when no date is known).
    pub fn valid_on(&self, date: Option<Date>) -> bool {
        let Some(date) = date else { return self.valid_until.is_none() };
        self.valid_from.is_none_or(|from| from <= date) && self.valid_until.is_none_or(|until| date < until)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsFile {
    facts: Vec<Fact>,
}

/// Reads a facts file (`facts:` and a list of figures).
pub fn parse_facts(file: &str, text: &str) -> Result<Vec<Fact>, LoadError> {
    let parsed: FactsFile = parse_yaml(file, text, fact_ids)?;
    Ok(parsed.facts)
}

fn fact_ids(text: &str) -> Vec<Option<String>> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).unwrap_or_default();
    value
        .get("facts")
        .and_then(|facts| facts.as_sequence())
        .map(|facts| {
            facts.iter().map(|f| f.get("id").and_then(|id| id.as_str()).map(str::to_string)).collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use factlint_extract::jiff::civil::date;

    const SHEET: &str = "facts:\n  - id: eu-members\n    entity: European Union\n    subject: member states\n    aliases: [EU]\n    value: 27\n    valid_from: 2020-02-01\n    source: \"27 since 2020\"\n";

    #[test]
    fn facts_hold_from_their_date() {
        let facts = parse_facts("facts.yaml", SHEET).unwrap();
        assert_eq!(facts[0].value, 27.0);
        assert!(facts[0].valid_on(Some(date(2024, 1, 1))));
        assert!(!facts[0].valid_on(Some(date(2019, 1, 1))));
        assert!(facts[0].valid_on(None));
    }

    #[test]
    fn a_typo_in_a_facts_file_is_located() {
        let error = parse_facts("facts.yaml", &SHEET.replace("source:", "sorce:")).unwrap_err();
        assert_eq!(error.line, Some(8));
        assert_eq!(error.rule.as_deref(), Some("eu-members"));
        assert_eq!(error.field.as_deref(), Some("sorce"));
        assert!(error.message.contains("did you mean `source`?"), "{error}");
    }
}
