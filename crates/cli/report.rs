//! What a check run produced for one story, as the printers see it.

use factlint_extract::Document;
use factlint_rules::{Finding, Rule, Severity};

/// One story's findings, with the document they point into.
pub struct FileReport {
    /// The name printed for the story: its path, `-`, or a batch record's id.
    pub name: String,
    pub doc: Document,
    pub findings: Vec<Finding>,
}

/// Counts by severity, for summaries.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Tally {
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Tally {
        let mut tally = Tally::default();
        for finding in findings {
            match finding.severity {
                Severity::Error => tally.errors += 1,
                Severity::Warning => tally.warnings += 1,
                Severity::Info => tally.infos += 1,
            }
        }
        tally
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// The rules a run used, for printers that describe them (SARIF).
pub struct Catalog<'a> {
    pub rules: Vec<&'a Rule>,
}

impl<'a> Catalog<'a> {
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.id() == id)
    }
}
