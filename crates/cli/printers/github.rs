//! `--format github`: GitHub Actions workflow commands, which annotate the changed files of a
//! pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.

use crate::records::Location;
use crate::report::FileReport;
use factlint_rules::Severity;
use std::fmt::Write;

pub fn render(report: &FileReport, out: &mut String) {
    for finding in &report.findings {
        let at = Location::of(&report.doc, finding.span);
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&report.name),
            at.line,
            at.column,
            at.end_line,
            at.end_column,
            escape_property(&format!("factlint {}", finding.rule)),
            escape_data(&finding.message)
        );
    }
}

/// Message text: `%`, CR and LF are escaped.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Property values: also `:` and `,`, which separate properties.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_escapes() {
        assert_eq!(escape_data("50% off\r\nnow"), "50%25 off%0D%0Anow");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
