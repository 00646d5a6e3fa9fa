//! `--format short`: `path:line:col: severity [rule] message`, one line each, for editors'
//! quickfix lists and grep.

use crate::records::Location;
use crate::report::FileReport;
use std::io::{self, Write};

pub fn print(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for report in reports {
        for finding in &report.findings {
            let at = Location::of(&report.doc, finding.span);
            writeln!(
                out,
                "{}:{}:{}: {} [{}] {}",
                report.name,
                at.line,
                at.column,
                finding.severity,
                finding.rule,
                finding.message.replace('\n', " ")
            )?;
        }
    }
    Ok(())
}
