//! `--format junit`: JUnit XML for CI dashboards. Each finding is its own failing test case, so
//! dashboards that show one failure per case show them all; a story without findings is one
//! passing case, so clean stories are counted too. Written by hand: the format is small.

use crate::records::Location;
use crate::report::FileReport;
use std::fmt::Write as _;
use std::io::{self, Write};

/// A story's test cases: their XML, how many there are and how many fail.
pub struct Cases {
    pub xml: String,
    pub tests: usize,
    pub failures: usize,
}

/// One story's test cases: one per finding, or one passing case when it has none.
pub fn test_cases(report: &FileReport) -> Cases {
    let name = escape(&super::one_line(&report.name));
    if report.findings.is_empty() {
        let xml = format!("    <testcase name=\"{name}\" classname=\"{name}\" file=\"{name}\"/>\n");
        return Cases { xml, tests: 1, failures: 0 };
    }
    let mut xml = String::new();
    for finding in &report.findings {
        let at = Location::of(&report.doc, finding.span);
        let rule = escape(&finding.rule);
        let message = escape(&finding.message);
        let _ = writeln!(
            xml,
            r#"    <testcase name="{rule} at {line}:{column}" classname="{name}" file="{name}" line="{line}">"#,
            line = at.line,
            column = at.column,
        );
        let _ = writeln!(
            xml,
            r#"      <failure type="{rule}" message="{message}">{name}:{}:{}: {} [{rule}] {message}</failure>"#,
            at.line, at.column, finding.severity,
        );
        xml.push_str("    </testcase>\n");
    }
    Cases { xml, tests: report.findings.len(), failures: report.findings.len() }
}

/// The report around the test cases.
pub fn write(cases: &[Cases], out: &mut dyn Write) -> io::Result<()> {
    let failures: usize = cases.iter().map(|c| c.failures).sum();
    let tests: usize = cases.iter().map(|c| c.tests).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="factlint" tests="{tests}" failures="{failures}">"#)?;
    writeln!(out, r#"  <testsuite name="factlint" tests="{tests}" failures="{failures}" errors="0">"#)?;
    for case in cases {
        out.write_all(case.xml.as_bytes())?;
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
