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

fn values(fragments: Vec<Fragment>) -> Vec<Value> {
    fragments
        .into_iter()
        .flat_map(|f| match f {
            Fragment::Values(values) => values,
            _ => Vec::new(),
        })
        .collect()
}
