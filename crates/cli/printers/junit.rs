//! `--format junit`: JUnit XML for CI dashboards: one test case per story, one failure per
//! finding. Written by hand because a test case here may hold several failures.

use crate::records::Location;
use crate::report::FileReport;
use std::fmt::Write as _;
use std::io::{self, Write};

/// One story as a test case, and whether it failed.
pub fn test_case(report: &FileReport) -> (String, bool) {
    let name = escape(&super::one_line(&report.name));
    if report.findings.is_empty() {
        return (format!("    <testcase name=\"{name}\" classname=\"factlint\"/>\n"), false);
    }
    let mut xml = format!("    <testcase name=\"{name}\" classname=\"factlint\">\n");
    for finding in &report.findings {
        let at = Location::of(&report.doc, finding.span);
        let _ = writeln!(
            xml,
            r#"      <failure type="{}" message="{}">{}:{}:{}: {} [{}] {}</failure>"#,
            escape(&finding.rule),
            escape(&finding.message),
            name,
            at.line,
            at.column,
            finding.severity,
            escape(&finding.rule),
            escape(&finding.message)
        );
    }
    xml.push_str("    </testcase>\n");
    (xml, true)
}

/// The report around the test cases.
pub fn write(cases: &[(String, bool)], out: &mut dyn Write) -> io::Result<()> {
    let failures = cases.iter().filter(|(_, failed)| *failed).count();
    let tests = cases.len();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="factlint" tests="{tests}" failures="{failures}">"#)?;
    writeln!(out, r#"  <testsuite name="factlint" tests="{tests}" failures="{failures}" errors="0">"#)?;
    for (xml, _) in cases {
        out.write_all(xml.as_bytes())?;
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
