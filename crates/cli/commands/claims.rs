//! `factlint claims`: every figure and time in the copy, as a table or as JSON.

use crate::Outcome;
use crate::cli::{ClaimsArgs, TableFormat};
use crate::input;
use crate::records::ClaimRecord;
use crate::walk::{self, Source};
use anyhow::Result;
use factlint_extract::{Claim, Document, Format, Frame, Options, extract, frames};
use factlint_rules::{Link, chains};
use std::io::Write;

pub fn run(args: &ClaimsArgs) -> Result<Outcome> {
    let mut stories = Vec::new();
    let mut failed = 0;
    for source in walk::expand(&args.paths, &[], &[])? {
        let path = match source {
            Source::Stdin => std::path::PathBuf::from("-"),
            Source::File(path) => path,
        };
        match input::read(&path, args.reading.stdin_filename.as_deref(), args.reading.limits().story) {
            Ok(story) => stories.push(story),
            Err((origin, error)) => {
                failed += 1;
                eprintln!("factlint: skipping {}: {error}", origin.display_name());
            }
        }
    }
    if stories.is_empty() && failed > 0 {
        return Ok(Outcome::Error);
    }

    let mut documents = Vec::new();
    for story in stories {
        let name = story.origin.display_name();
        let options = Options {
            format: Format::from_path(&name),
            reference_date: args.reading.date,
            ..Options::default()
        };
        match Document::parse(story.text, &options) {
            Ok(doc) => {
                let claims = extract(&doc);
                let frames = frames(&doc, &claims);
                let links = chains(&doc, &claims, &frames);
                documents.push(Story { name, doc, claims, frames, links });
            }
            Err(error) => eprintln!("factlint: skipping {name}: {error}"),
        }
    }
    documents.sort_by(|a, b| a.name.cmp(&b.name));

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        TableFormat::Json => {
            let records: Vec<ClaimRecord> = documents.iter().flat_map(Story::records).collect();
            serde_json::to_writer_pretty(&mut out, &records)?;
            writeln!(out)?;
        }
        TableFormat::Table => {
            for story in &documents {
                let records: Vec<ClaimRecord> = story.records().collect();
                table(&mut out, &records)?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

/// One story read: its claims, their frames and their mention chains.
struct Story {
    name: String,
    doc: Document,
    claims: Vec<Claim>,
    frames: Vec<Frame>,
    links: Vec<Option<Link>>,
}

impl Story {
    fn records(&self) -> impl Iterator<Item = ClaimRecord<'_>> {
        self.claims.iter().zip(&self.frames).zip(&self.links).map(|((claim, frame), link)| {
            ClaimRecord::new(&self.name, &self.doc, claim).with_chain(&self.doc, &self.claims, frame, *link)
        })
    }
}

/// A plain-text table: location, kind, value, qualifier, unit, subject or date, the text, and
/// the earlier claim it restates.
fn table(out: &mut impl Write, records: &[ClaimRecord]) -> std::io::Result<()> {
    let rows: Vec<[String; 6]> = records
        .iter()
        .map(|r| {
            let value = match (r.low, r.high, r.value) {
                (Some(low), Some(high), _) if low != high => {
                    format!("{}–{}", show(low.0), show(high.0))
                }
                (_, _, Some(value)) => show(value.0),
                _ => String::new(),
            };
            let meaning = match (&r.date, r.time, r.subject) {
                (Some(date), _, _) => serde_json::to_string(date).unwrap_or_default().replace('"', ""),
                (None, Some(time), _) => serde_json::to_string(&time).unwrap_or_default().replace('"', ""),
                (None, None, Some(subject)) => subject.to_string(),
                _ => String::new(),
            };
            [
                format!("{}:{}:{}", r.path, r.location.line, r.location.column),
                r.kind.to_string(),
                value,
                r.qualifier.to_string(),
                r.unit.unwrap_or("").to_string(),
                meaning,
            ]
        })
        .collect();
    let mut widths = [0usize; 6];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for (row, record) in rows.iter().zip(records) {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(widths) {
            line.push_str(cell);
            line.extend(std::iter::repeat_n(' ', width - cell.chars().count() + 2));
        }
        let chain = match record.same_as {
            Some(Some(same_as)) => {
                format!("  (same as {}:{}, {})", same_as.line, same_as.column, same_as.signal)
            }
            _ => String::new(),
        };
        writeln!(out, "{line}{}{chain}", record.text.replace('\n', " "))?;
    }
    Ok(())
}

fn show(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 { format!("{}", value as i64) } else { format!("{value}") }
}
