//! `--format json`: one array of findings, as the output contract gives it.

use crate::records::FindingRecord;
use crate::report::FileReport;
use std::io::{self, Write};

pub fn print(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let records: Vec<FindingRecord> = reports
        .iter()
        .flat_map(|r| r.findings.iter().map(move |f| FindingRecord::new(&r.name, &r.doc, f)))
        .collect();
    serde_json::to_writer_pretty(&mut *out, &records)?;
    writeln!(out)
}
