//! `factlint check`: every finding in the given stories.

use crate::Outcome;
use crate::analysis::{Analysis, Checker};
use crate::cli::{CheckArgs, CheckFormat};
use crate::input;
use crate::records::FindingRecord;
use crate::setup;
use anyhow::Result;
use std::io::Write;

pub fn run(args: &CheckArgs) -> Result<Outcome> {
    let checker = Checker {
        rules: setup::rules(&args.rules)?,
        facts: setup::facts(&args.rules)?,
        date: args.reading.date,
    };
    let mut analyses = Vec::new();
    let mut failed = 0;
    for path in &args.paths {
        let story = match input::read(path, args.reading.stdin_filename.as_deref()) {
            Ok(story) => story,
            Err((origin, error)) => {
                failed += 1;
                eprintln!("factlint: skipping {}: {error}", origin.display_name());
                continue;
            }
        };
        let name = story.origin.display_name();
        match checker.analyze(name.clone(), story.text, None) {
            Ok(analysis) => analyses.push(analysis),
            Err(error) => {
                failed += 1;
                eprintln!("factlint: skipping {name}: {error}");
            }
        }
    }
    if analyses.is_empty() && failed > 0 {
        return Ok(Outcome::Error);
    }
    analyses.sort_by(|a, b| a.name.cmp(&b.name));
    let shown = args.min_severity.severity();
    for analysis in &mut analyses {
        analysis.findings.retain(|f| f.severity >= shown);
    }

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        CheckFormat::Json => {
            let records: Vec<FindingRecord> = analyses
                .iter()
                .flat_map(|a| a.findings.iter().map(move |f| FindingRecord::new(&a.name, &a.doc, f)))
                .collect();
            serde_json::to_writer_pretty(&mut out, &records)?;
            writeln!(out)?;
        }
        CheckFormat::Human => {
            for analysis in &analyses {
                human(&mut out, analysis)?;
            }
        }
    }
    out.flush()?;
    let fail = args.fail_on.severity();
    let failing = analyses.iter().any(|a| a.findings.iter().any(|f| f.severity >= fail));
    Ok(if failing { Outcome::Findings } else { Outcome::Clean })
}

fn human(out: &mut impl Write, analysis: &Analysis) -> std::io::Result<()> {
    for finding in &analysis.findings {
        let record = FindingRecord::new(&analysis.name, &analysis.doc, finding);
        writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            record.path,
            record.location.line,
            record.location.column,
            record.severity,
            record.rule,
            record.message
        )?;
        if let Some(suggestion) = record.suggestions.first() {
            writeln!(out, "    suggestion: replace “{}” with “{}”", record.text, suggestion)?;
        }
    }
    Ok(())
}
