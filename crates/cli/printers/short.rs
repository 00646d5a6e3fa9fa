//! `--format short`: `path:line:col: severity [rule] message`, one line each, for editors'
//! quickfix lists and grep. A control character in a story's name is escaped.

use crate::records::Location;
use crate::report::FileReport;
use std::fmt::Write;

pub fn render(report: &FileReport, out: &mut String) {
    for finding in &report.findings {
        let at = Location::of(&report.doc, finding.span);
        let _ = writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            super::one_line(&report.name),
            at.line,
            at.column,
            finding.severity,
            finding.rule,
            finding.message.replace('\n', " ")
        );
    }
}
