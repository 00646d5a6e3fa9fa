//! One story through the pipeline: text → document → claims → findings.

use factlint_extract::jiff::civil::Date;
use factlint_extract::{Document, Format, Options, TooLarge, extract};
use factlint_rules::{Fact, Finding, Input, RuleSet};

/// A story and everything found in it.
pub struct Analysis {
    pub name: String,
    pub doc: Document,
    pub findings: Vec<Finding>,
}

/// What every story is checked with.
pub struct Checker {
    pub rules: RuleSet,
    pub facts: Vec<Fact>,
    pub date: Option<Date>,
}

impl Checker {
    /// Analyses one story; `name` picks the format by its extension.
    pub fn analyze(&self, name: String, text: String, date: Option<Date>) -> Result<Analysis, TooLarge> {
        let options = Options { format: Format::from_path(&name), reference_date: date.or(self.date) };
        let doc = Document::parse(text, &options)?;
        let claims = extract(&doc);
        let findings = self.rules.check(&Input { doc: &doc, claims: &claims, facts: &self.facts });
        Ok(Analysis { name, doc, findings })
    }
}
