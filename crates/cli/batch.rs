//! `--input-format jsonl`: archives as JSON Lines, one story a line (`id`, `text`, an optional
//! `published` date that becomes the story's reference date). Findings go out as JSON Lines
//! with the story's `id` (`--format json`, the default here), or in any other `--format` with
//! the `id` as the story's name. Lines are read in blocks and checked in parallel; output keeps
//! input order, and memory stays flat however long the archive is (SARIF and JUnit, whose
//! documents close at the end, hold the rendered findings until then).

use crate::Outcome;
use crate::cli::{CheckArgs, CheckFormat};
use crate::input;
use crate::pipeline::Setups;
use crate::printers::{self, Fragment};
use crate::records::FindingRecord;
use anyhow::{Context, Result};
use factlint_extract::jiff::civil::Date;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::io::{BufReader, Read, Write};

/// Stories checked together; large enough to keep every core busy, small enough to bound memory.
const BLOCK: usize = 512;

#[derive(Deserialize)]
struct Record {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    published: Option<String>,
}

/// A line that gave no findings: bad input (skipped), or factlint failing on the story (an
/// internal error, which makes the run exit 2 once every other line is checked).
struct Skipped {
    message: String,
    internal: bool,
}

impl Skipped {
    fn input(message: String) -> Skipped {
        Skipped { message, internal: false }
    }
}

/// One story's findings, rendered.
enum Rendered {
    /// JSON Lines.
    Lines(Vec<String>),
    /// Any other format.
    Fragment(Fragment),
}

#[derive(Serialize)]
struct Line<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    finding: FindingRecord<'a>,
}

pub fn run(args: &CheckArgs) -> Result<Outcome> {
    let mut setups = Setups::new(&args.reading, &args.rules);
    let setup = setups.for_path(None)?;
    let format = args.format();
    let catalog = setups.catalog();
    let mut held: Vec<Fragment> = Vec::new();
    let fail_on = setup.fail_on(args.fail_on, None).severity();
    let shown = setup.min_severity(args.min_severity).severity();
    let progress = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    progress.set_style(
        ProgressStyle::with_template("{spinner} {pos} stories, {per_sec}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut failing, mut bad_lines, mut failed, mut stories) = (false, 0usize, 0usize, 0usize);
    for path in &args.paths {
        let reader: Box<dyn Read> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin())
        } else {
            Box::new(input::open_archive(path).with_context(|| format!("cannot read {}", path.display()))?)
        };
        let name = path.display().to_string();
        // Lines are read as bytes: one line that is not UTF-8, or longer than a story may be, is
        // skipped, not the archive.
        let limit = args.reading.limits().story;
        let mut lines = input::BoundedLines::new(BufReader::new(reader), limit).enumerate();
        loop {
            let mut block: Vec<(usize, Result<String, String>)> = Vec::with_capacity(BLOCK);
            for (number, line) in lines.by_ref().take(BLOCK) {
                let line = line.with_context(|| format!("cannot read {name}"))?;
                let text = line
                    .map_err(|length| {
                        format!(
                            "{name}:{}: {length} bytes, {}",
                            number + 1,
                            input::ReadError::TooLarge { limit }
                        )
                    })
                    .and_then(|line| {
                        String::from_utf8(line).map_err(|e| {
                            format!(
                                "{name}:{}: not UTF-8 (byte {})",
                                number + 1,
                                e.utf8_error().valid_up_to()
                            )
                        })
                    });
                block.push((number + 1, text));
            }
            if block.is_empty() {
                break;
            }
            let results: Vec<Result<(Rendered, bool), Skipped>> = block
                .par_iter()
                .filter(|(_, line)| line.as_ref().map_or(true, |l| !l.trim().is_empty()))
                .map(|(number, line)| {
                    let line = line.as_ref().map_err(|message| Skipped::input(message.clone()))?;
                    let record: Record = serde_json::from_str(line)
                        .map_err(|e| Skipped::input(format!("{name}:{number}: not a story record: {e}")))?;
                    let date = match record.published.as_deref() {
                        None => None,
                        Some(published) => Some(
                            published.get(..10).and_then(|p| p.parse::<Date>().ok()).ok_or_else(|| {
                                Skipped::input(format!(
                                    "{name}:{number}: `published` is not a YYYY-MM-DD date: {published}"
                                ))
                            })?,
                        ),
                    };
                    let label = match &record.id {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    let checked = setup.check(label, None, record.text, date).map_err(|e| Skipped {
                        message: format!("{name}:{number}: {e}"),
                        internal: e.is_internal(),
                    })?;
                    let mut report = checked.report;
                    let fails = report.findings.iter().any(|f| f.severity >= fail_on);
                    report.findings.retain(|f| f.severity >= shown);
                    if format != CheckFormat::Json {
                        return Ok((Rendered::Fragment(printers::render(format, &report, &catalog)), fails));
                    }
                    let mut rendered = Vec::new();
                    for finding in &report.findings {
                        let mut record_line = FindingRecord::new(&report.name, &report.doc, finding);
                        record_line.path = None;
                        let line = Line { id: &record.id, finding: record_line };
                        rendered.push(
                            serde_json::to_string(&line)
                                .map_err(|e| Skipped { message: e.to_string(), internal: true })?,
                        );
                    }
                    Ok((Rendered::Lines(rendered), fails))
                })
                .collect();
            for result in results {
                match result {
                    Ok((rendered, fails)) => {
                        stories += 1;
                        failing |= fails;
                        match rendered {
                            Rendered::Lines(lines) => {
                                for line in lines {
                                    writeln!(out, "{line}")?;
                                }
                            }
                            Rendered::Fragment(Fragment::Text(text)) => out.write_all(text.as_bytes())?,
                            Rendered::Fragment(fragment) => held.push(fragment),
                        }
                    }
                    Err(Skipped { message, internal }) => {
                        if internal {
                            failed += 1;
                        } else {
                            bad_lines += 1;
                        }
                        progress.suspend(|| eprintln!("factlint: skipping {message}"));
                    }
                }
            }
            progress.set_position(stories as u64);
        }
    }
    if format != CheckFormat::Json {
        printers::finish(format, held, &catalog, &mut out)?;
    }
    out.flush()?;
    progress.finish_and_clear();
    Ok(if failed > 0 || stories == 0 && bad_lines > 0 {
        Outcome::Error
    } else if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
