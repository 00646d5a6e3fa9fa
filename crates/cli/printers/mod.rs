//! Printers: one per `--format`. Each story is rendered into a fragment by the worker that
//! checked it (so its document can be dropped at once and memory stays flat over an archive),
//! and the fragments are written in path order; none of this analyses anything.

mod github;
mod human;
mod json;
mod junit;
mod sarif;
mod short;

use crate::cli::CheckFormat;
use crate::report::{Catalog, FileReport};
use serde_json::Value;
use std::borrow::Cow;
use std::io::{self, Write};

/// One story's share of the output.
pub enum Fragment {
    /// Lines of text (human, short, github).
    Text(String),
    /// JSON findings (json) or SARIF results (sarif), for the enclosing array.
    Values(Vec<Value>),
    /// JUnit test cases.
    TestCases(junit::Cases),
}

/// Renders one story's findings.
pub fn render(format: CheckFormat, report: &FileReport, catalog: &Catalog) -> Fragment {
    let text = |print: fn(&FileReport, &mut String)| {
        let mut out = String::new();
        print(report, &mut out);
        Fragment::Text(out)
    };
    match format {
        CheckFormat::Human => text(human::render),
        CheckFormat::Short => text(short::render),
        CheckFormat::Github => text(github::render),
        CheckFormat::Json => Fragment::Values(json::records(report)),
        CheckFormat::Sarif => Fragment::Values(sarif::results(report, catalog)),
        CheckFormat::Junit => Fragment::TestCases(junit::test_cases(report)),
    }
}

/// Writes the fragments, in order, with whatever the format puts around them.
pub fn finish(
    format: CheckFormat,
    fragments: Vec<Fragment>,
    catalog: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        CheckFormat::Human | CheckFormat::Short | CheckFormat::Github => {
            for fragment in fragments {
                if let Fragment::Text(text) = fragment {
                    out.write_all(text.as_bytes())?;
                }
            }
            Ok(())
        }
        CheckFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &values(fragments))?;
            writeln!(out)
        }
        CheckFormat::Sarif => sarif::write(values(fragments), catalog, out),
        CheckFormat::Junit => {
            let cases: Vec<junit::Cases> = fragments
                .into_iter()
                .filter_map(|f| match f {
                    Fragment::TestCases(cases) => Some(cases),
                    _ => None,
                })
                .collect();
            junit::write(&cases, out)
        }
    }
}

/// A story's name on one line: control characters (a newline in a file name) are written as
/// escapes (`\n`), so that one finding stays one record in line-based output.
pub(crate) fn one_line(name: &str) -> Cow<'_, str> {
    if !name.chars().any(char::is_control) {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn values(fragments: Vec<Fragment>) -> Vec<Value> {
    fragments
        .into_iter()
        .flat_map(|f| match f {
            Fragment::Values(values) => values,
            _ => Vec::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_stay_on_one_line() {
        assert_eq!(one_line("news/bridge.md"), "news/bridge.md");
        assert_eq!(one_line("news/two\nlines.md"), "news/two\\nlines.md");
        assert_eq!(one_line("tab\there\r\u{1b}.md"), "tab\\there\\r\\u{1b}.md");
    }
}
