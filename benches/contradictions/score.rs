//! Runs factlint on each copy as `factlint check --input-format jsonl` would (the default
//! configuration, the record's publication date), and decides which consistency findings point
//! at a planted change.

use factlint::cli::RuleArgs;
use factlint::config::Config;
use factlint::input::DEFAULT_SETTINGS_LIMIT;
use factlint::pipeline::Setup;
use factlint_extract::jiff::civil::Date;
use serde::Serialize;

/// A finding, located in the text that was checked.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    pub rule: String,
    pub message: String,
    pub start: usize,
    pub end: usize,
    pub related: Vec<(usize, usize)>,
}

impl Found {
    pub fn is_consistency(&self) -> bool {
        self.rule.starts_with("consistency.")
    }

    /// Whether the finding or one of its related places overlaps `start..end`.
    pub fn points_at(&self, (start, end): (usize, usize)) -> bool {
        let overlaps = |(s, e): (usize, usize)| s < end && start < e;
        overlaps((self.start, self.end)) || self.related.iter().copied().any(overlaps)
    }
}

pub struct Checker {
    setup: Setup,
}

impl Checker {
    pub fn new() -> Checker {
        let setup = Setup::new(Config::default(), &RuleArgs::default(), None, DEFAULT_SETTINGS_LIMIT)
            .unwrap_or_else(|error| panic!("the built-in packs do not load: {error}"));
        Checker { setup }
    }

    /// Every finding on `text`, with byte offsets into `text`.
    pub fn check(&self, label: &str, text: &str, published: Option<Date>) -> Result<Vec<Found>, String> {
        let checked = self
            .setup
            .check(label.to_string(), None, text.to_string(), published)
            .map_err(|e| e.to_string())?;
        let doc = &checked.report.doc;
        let place = |span| {
            let source = doc.to_source(span);
            (source.start as usize, source.end as usize)
        };
        Ok(checked
            .report
            .findings
            .iter()
            .map(|finding| {
                let (start, end) = place(finding.span);
                Found {
                    rule: finding.rule.clone(),
                    message: finding.message.clone(),
                    start,
                    end,
                    related: finding.related.iter().map(|r| place(r.span)).collect(),
                }
            })
            .collect())
    }
}
