//! `factlint check`: every finding in the given stories, printed in the chosen format, with
//! fixes applied or shown on request.

use crate::cli::{CheckArgs, CheckFormat, InputFormat};
use crate::gitdiff::ChangedLines;
use crate::input::{self, Origin};
use crate::pipeline::{Setup, Setups};
use crate::printers::{self, Fragment};
use crate::records::Location;
use crate::report::{Catalog, Tally};
use crate::rewrite::{self, NotWritten};
use crate::walk::{self, Source};
use crate::{Outcome, batch, fix};
use anyhow::Result;
use factlint_rules::RuleSet;
use indicatif::{ProgressBar, ProgressDrawTarget};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Batches shorter than this get no progress bar.
const PROGRESS_FROM: usize = 200;

/// What happened to one input. A checked story is already rendered: its document is gone.
enum Outcomes {
    Checked(Box<Checked>),
    Unreadable(String),
    /// factlint failed on this story (a bug): reported, and the run exits 2.
    Failed(String),
}

/// A story after checking, ready to print.
struct Checked {
    name: String,
    fragment: Fragment,
    /// The findings shown, by severity.
    tally: Tally,
    /// Whether a finding reached the fail level.
    failing: bool,
    path: Option<PathBuf>,
    fixed: Option<FixResult>,
}

struct FixResult {
    before: String,
    after: String,
    edits: usize,
    /// Fixes left out because they would change markup, as reported.
    dropped: Vec<String>,
    /// Why the fixed story was not written back, when it was not.
    not_written: Option<NotWritten>,
}

pub fn run(args: &CheckArgs) -> Result<Outcome> {
    if args.input_format == InputFormat::Jsonl {
        return batch::run(args);
    }
    // The rule packs and the spelling table take a few milliseconds each to build: build them
    // while the directories are walked.
    let packs = std::thread::spawn(RuleSet::warm_up_packs);
    let spelling = std::thread::spawn(RuleSet::warm_up_spelling);
    let sources = walk::expand(&args.paths, &args.globs, &args.exclude)?;
    // A panic there would come back when the rules are first asked for.
    let _ = (packs.join(), spelling.join());
    let mut setups = Setups::new(&args.reading, &args.rules);
    let stdin_dir = args.reading.stdin_filename.as_deref().map(PathBuf::from);
    let mut jobs: Vec<(Source, Arc<Setup>)> = Vec::with_capacity(sources.len());
    for source in sources {
        let setup = match &source {
            Source::Stdin => setups.for_path(stdin_dir.as_deref())?,
            Source::File(path) => setups.for_path(Some(path))?,
        };
        jobs.push((source, setup));
    }
    let changed = args.diff_base.as_deref().map(ChangedLines::since).transpose()?;
    if args.fix && !args.diff {
        remove_leftovers(&jobs);
    }

    let progress = if jobs.len() >= PROGRESS_FROM {
        ProgressBar::with_draw_target(Some(jobs.len() as u64), ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    let catalog = setups.catalog();
    let outcomes: Vec<Outcomes> = jobs
        .par_iter()
        .map(|(source, setup)| {
            let outcome = check_one(args, source, setup, changed.as_ref(), &catalog);
            progress.inc(1);
            outcome
        })
        .collect();
    progress.finish_and_clear();

    let (mut failing, mut unreadable, mut failed, mut unwritten) = (false, 0, 0, 0);
    let (mut fixed_edits, mut fixed_files) = (0, 0);
    let (mut fragments, mut tallies) = (Vec::new(), Vec::new());
    let mut fixed_stdin = false;
    // Colour codes are dropped unless standard output is a terminal (and NO_COLOR is unset).
    let mut out = std::io::BufWriter::new(anstream::stdout().lock());
    for outcome in outcomes {
        match outcome {
            Outcomes::Unreadable(message) => {
                unreadable += 1;
                eprintln!("factlint: skipping {message}");
            }
            Outcomes::Failed(message) => {
                failed += 1;
                eprintln!("factlint: {message}");
            }
            Outcomes::Checked(checked) => {
                let Checked { name, fragment, tally, failing: fails, path, fixed } = *checked;
                for message in fixed.iter().flat_map(|f| &f.dropped) {
                    eprintln!("factlint: {message}");
                }
                if let Some(fixed) = fixed.filter(|f| f.edits > 0) {
                    if let Some(why) = &fixed.not_written {
                        unwritten += 1;
                        eprintln!("factlint: {name}: {why}");
                    } else {
                        fixed_edits += fixed.edits;
                        fixed_files += 1;
                    }
                    if args.diff {
                        write!(out, "{}", fix::unified_diff(&name, &fixed.before, &fixed.after))?;
                    } else if path.is_some() {
                        // Written by its worker as soon as it was fixed.
                    } else {
                        // Standard input: the fixed story goes to standard output.
                        write!(out, "{}", fixed.after)?;
                        fixed_stdin = true;
                    }
                }
                failing |= fails;
                fragments.push(fragment);
                tallies.push(tally);
            }
        }
    }
    if tallies.is_empty() && unreadable + failed > 0 {
        out.flush()?;
        return Ok(Outcome::Error);
    }
    // With --diff the diffs are the output; a story fixed from standard input goes to standard
    // output itself. Otherwise the (remaining) findings are printed.
    if !(args.diff || fixed_stdin) {
        printers::finish(args.format(), fragments, &catalog, &mut out)?;
    }
    out.flush()?;
    summary(args, &tallies, unreadable + failed, unwritten, (fixed_edits, fixed_files));
    Ok(if failed + unwritten > 0 {
        Outcome::Error
    } else if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// Reads, checks and (when asked) fixes one input. A story fixed in place is written here, as
/// soon as it is fixed, so that the time between reading and writing it stays short.
fn check_one(
    args: &CheckArgs,
    source: &Source,
    setup: &Setup,
    changed: Option<&ChangedLines>,
    catalog: &Catalog,
) -> Outcomes {
    let path = match source {
        Source::Stdin => PathBuf::from("-"),
        Source::File(path) => path.clone(),
    };
    let in_place = args.fix && !args.diff && matches!(source, Source::File(_));
    // What the file was before it was read, to tell later whether it changed.
    let snapshot = in_place.then(|| rewrite::Snapshot::take(&path));
    let story = match input::read(&path, args.reading.stdin_filename.as_deref(), args.reading.limits().story)
    {
        Ok(story) => story,
        Err((origin, error)) => return Outcomes::Unreadable(format!("{}: {error}", origin.display_name())),
    };
    let file = match &story.origin {
        Origin::File(path) => Some(path.clone()),
        Origin::Stdin { .. } => None,
    };
    let name = story.origin.display_name();
    let mut fixed = if args.fix || args.diff {
        match fix::fix(setup, &name, file.as_deref(), &story.text, None, args.unsafe_fixes) {
            Ok(result) => Some(FixResult {
                before: story.text.clone(),
                after: result.text,
                edits: result.edits,
                dropped: result.dropped.iter().map(|dropped| dropped.message(&name)).collect(),
                not_written: None,
            }),
            Err(error) => return Outcomes::Failed(format!("{name}: {error}")),
        }
    } else {
        None
    };
    if let (Some(snapshot), Some(fixed)) = (snapshot, fixed.as_mut().filter(|f| f.edits > 0)) {
        let written = snapshot
            .map_err(NotWritten::Io)
            .and_then(|snapshot| rewrite::replace(&path, &snapshot, &fixed.before, &fixed.after));
        fixed.not_written = written.err();
    }
    // After fixing, report what is left in the file: the fixed text once it is written.
    let text = match &fixed {
        Some(fixed) if in_place && fixed.not_written.is_none() => fixed.after.clone(),
        _ => story.text,
    };
    let mut checked = match setup.check(name.clone(), file.as_deref(), text, None) {
        Ok(checked) => checked,
        Err(error) if error.is_internal() => return Outcomes::Failed(format!("{name}: {error}")),
        Err(error) => return Outcomes::Unreadable(format!("{name}: {error}")),
    };
    if let (Some(changed), Some(path)) = (changed, &file) {
        let doc = &checked.report.doc;
        checked.report.findings.retain(|finding| {
            std::iter::once(finding.span).chain(finding.related.iter().map(|related| related.span)).any(
                |span| {
                    let at = Location::of(doc, span);
                    changed.touches(path, at.line, at.end_line)
                },
            )
        });
    }
    let mut report = checked.report;
    let fail_on = setup.fail_on(args.fail_on, file.as_deref()).severity();
    let failing = report.findings.iter().any(|f| f.severity >= fail_on);
    let shown = setup.min_severity(args.min_severity).severity();
    report.findings.retain(|f| f.severity >= shown);
    Outcomes::Checked(Box::new(Checked {
        fragment: printers::render(args.format(), &report, catalog),
        tally: Tally::of(&report.findings),
        name: report.name,
        failing,
        path: file,
        fixed,
    }))
}

/// Removes the temporary files an interrupted `--fix` left beside the stories about to be fixed.
fn remove_leftovers(jobs: &[(Source, Arc<Setup>)]) {
    let dirs: BTreeSet<PathBuf> = jobs
        .iter()
        .filter_map(|(source, _)| match source {
            Source::File(path) => std::fs::canonicalize(path).ok()?.parent().map(Path::to_path_buf),
            Source::Stdin => None,
        })
        .collect();
    let removed: usize = dirs.iter().map(|dir| rewrite::remove_leftovers(dir)).sum();
    if removed > 0 {
        let plural = if removed == 1 { "" } else { "s" };
        eprintln!("factlint: removed {removed} temporary file{plural} left by an interrupted --fix");
    }
}

/// The summary line on standard error, for people (human format only).
/// `fixed` is how many problems were fixed in how many files; `unwritten`, how many fixed
/// stories could not be written back.
fn summary(args: &CheckArgs, tallies: &[Tally], unreadable: usize, unwritten: usize, fixed: (usize, usize)) {
    let (fixed_edits, fixed_files) = fixed;
    if args.format() != CheckFormat::Human {
        return;
    }
    let tally = tallies.iter().fold(Tally::default(), |sum, t| Tally {
        errors: sum.errors + t.errors,
        warnings: sum.warnings + t.warnings,
        infos: sum.infos + t.infos,
    });
    let files = tallies.len();
    let with = tallies.iter().filter(|t| t.total() > 0).count();
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut line = if tally.total() == 0 {
        format!("No findings in {}", plural(files, "story", "stories"))
    } else {
        format!(
            "{} ({}, {}, {} info) in {} of {}",
            plural(tally.total(), "finding", "findings"),
            plural(tally.errors, "error", "errors"),
            plural(tally.warnings, "warning", "warnings"),
            tally.infos,
            with,
            plural(files, "story", "stories")
        )
    };
    if unreadable > 0 {
        line.push_str(&format!("; {} skipped", plural(unreadable, "file", "files")));
    }
    if fixed_edits > 0 {
        let verb = if args.diff { "would fix" } else { "fixed" };
        line.push_str(&format!(
            "; {verb} {} in {}",
            plural(fixed_edits, "problem", "problems"),
            plural(fixed_files, "file", "files")
        ));
    }
    if unwritten > 0 {
        line.push_str(&format!("; {} not written", plural(unwritten, "fixed file", "fixed files")));
    }
    eprintln!("{line}");
}
