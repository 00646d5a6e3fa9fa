//! `--format json`: one array of findings, as the output contract gives it.

use crate::records::FindingRecord;
use crate::report::FileReport;
use serde_json::Value;

/// One story's findings as JSON records.
pub fn records(report: &FileReport) -> Vec<Value> {
    report
        .findings
        .iter()
        .map(|f| {
            serde_json::to_value(FindingRecord::new(&report.name, &report.doc, f)).unwrap_or(Value::Null)
        })
        .collect()
}
