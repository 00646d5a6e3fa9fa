//! `--format junit`: JUnit XML for CI dashboards: one test case per story, one failure per
//! finding. Written by hand because a test case here may hold several failures.

use crate::records::Location;
use crate::report::FileReport;
use std::io::{self, Write};

pub fn print(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let failures: usize = reports.iter().filter(|r| !r.findings.is_empty()).count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="factlint" tests="{}" failures="{failures}">"#, reports.len())?;
    writeln!(
        out,
        r#"  <testsuite name="factlint" tests="{}" failures="{failures}" errors="0">"#,
        reports.len()
    )?;
    for report in reports {
        let name = escape(&report.name);
        if report.findings.is_empty() {
            writeln!(out, r#"    <testcase name="{name}" classname="factlint"/>"#)?;
            continue;
        }
        writeln!(out, r#"    <testcase name="{name}" classname="factlint">"#)?;
        for finding in &report.findings {
            let at = Location::of(&report.doc, finding.span);
            writeln!(
                out,
                r#"      <failure type="{}" message="{}">{}:{}:{}: {} [{}] {}</failure>"#,
                escape(&finding.rule),
                escape(&finding.message),
                name,
                at.line,
                at.column,
                finding.severity,
                escape(&finding.rule),
                escape(&finding.message)
            )?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// XML text and attribute escaping; characters XML 1.0 cannot hold are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
