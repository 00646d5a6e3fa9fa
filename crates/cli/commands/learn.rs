//! `factlint learn`: counts how the newsroom's own archive uses the words of every confusion
//! set and writes the counts as an n-gram model that `check --model` (or `model:` in
//! `.factlint.yaml`) reads beside the shipped one. Stories are read as `check` reads them
//! (files, directories, or JSON Lines records) and counted on every core; each thread keeps its
//! own counts and they are added up at the end, so the work scales with the cores.

use crate::Outcome;
use crate::cli::{InputFormat, LearnArgs, ReadingArgs};
use crate::input::{DEFAULT_STORY_LIMIT, read};
use crate::pipeline::Setups;
use crate::walk::{Source, expand};
use anyhow::{Context, Result, bail};
use factlint_extract::{Document, Format, Options};
use factlint_rules::RuleSet;
use factlint_rules::ngrams::{BYTES_PER_NGRAM, NgramCounter};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::time::Instant;

/// JSON Lines records counted together.
const BLOCK: usize = 4096;

#[derive(serde::Deserialize)]
struct Record {
    text: String,
}

pub fn run(args: &LearnArgs) -> Result<Outcome> {
    let started = Instant::now();
    let reading =
        ReadingArgs { date: None, stdin_filename: None, config: args.config.clone(), max_size: None };
    let mut setups = Setups::new(&reading, &args.rules);
    let setup = setups.for_path(None)?;
    // Every built-in confusion set is learned, on or off in the configuration (the `confusion`
    // pack is opt-in), with the user's own confusion rules.
    let builtin = RuleSet::builtin().map_err(|e| anyhow::anyhow!("built-in rules: {e}"))?;
    let mut targets: FxHashSet<String> = setup.rules.confusion_words();
    targets.extend(builtin.confusion_words());
    if targets.is_empty() {
        bail!("no confusion rule is on, so there is nothing to learn");
    }
    let max_ngrams = (args.max_size * 1_000_000.0 / BYTES_PER_NGRAM as f64) as usize;
    let progress = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    progress.set_style(
        ProgressStyle::with_template("{spinner} {pos} stories, {per_sec}, {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let (counter, stories) = match args.input_format {
        InputFormat::Files => learn_files(&args.paths, &targets, &progress)?,
        InputFormat::Jsonl => learn_jsonl(&args.paths, &targets, &progress)?,
    };
    progress.finish_and_clear();
    let counted = counter.len();
    let table = counter.into_table(max_ngrams);
    std::fs::write(&args.output, &table)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!(
        "factlint: learned from {stories} stories in {:.1}s: {} n-grams kept of {counted}, {:.1} MB written to {}",
        started.elapsed().as_secs_f64(),
        counted.min(max_ngrams),
        table.len() as f64 / 1e6,
        args.output.display()
    );
    Ok(Outcome::Clean)
}

fn count(text: &str, name: &str, targets: &FxHashSet<String>, counter: &mut NgramCounter) {
    let options = Options { format: Format::from_path(name), ..Options::default() };
    if let Ok(doc) = Document::parse(text, &options) {
        counter.add(&doc, targets);
    }
}

fn learn_files(
    paths: &[PathBuf],
    targets: &FxHashSet<String>,
    progress: &ProgressBar,
) -> Result<(NgramCounter, usize)> {
    let files: Vec<PathBuf> = expand(paths, &[], &[])?
        .into_iter()
        .map(|source| match source {
            Source::File(path) => Ok(path),
            Source::Stdin => bail!("learn reads files and directories, not standard input"),
        })
        .collect::<Result<_>>()?;
    let counter = files
        .par_iter()
        .fold(NgramCounter::new, |mut counter, path| {
            match read(path, None, DEFAULT_STORY_LIMIT) {
                Ok(story) => count(&story.text, &path.display().to_string(), targets, &mut counter),
                Err((origin, error)) => {
                    progress.suspend(|| eprintln!("factlint: {}: {error}", origin.display_name()))
                }
            }
            progress.inc(1);
            counter
        })
        .reduce(NgramCounter::new, |mut a, b| {
            a.merge(b);
            a
        });
    Ok((counter, files.len()))
}

fn learn_jsonl(
    paths: &[PathBuf],
    targets: &FxHashSet<String>,
    progress: &ProgressBar,
) -> Result<(NgramCounter, usize)> {
    let mut total = NgramCounter::new();
    let mut stories = 0;
    for path in paths {
        let name = path.display().to_string();
        let reader: Box<dyn Read> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin())
        } else {
            Box::new(std::fs::File::open(path).with_context(|| format!("cannot read {name}"))?)
        };
        let mut lines = BufReader::new(reader).split(b'\n').enumerate();
        loop {
            let block: Vec<(usize, Vec<u8>)> = lines
                .by_ref()
                .take(BLOCK)
                .map(|(number, line)| line.map(|line| (number + 1, line)))
                .collect::<Result<_, _>>()
                .with_context(|| format!("cannot read {name}"))?;
            if block.is_empty() {
                break;
            }
            let counter = block
                .par_iter()
                .fold(NgramCounter::new, |mut counter, (number, line)| {
                    if line.iter().all(u8::is_ascii_whitespace) {
                        return counter;
                    }
                    match serde_json::from_slice::<Record>(line) {
                        Ok(record) => count(&record.text, "", targets, &mut counter),
                        Err(error) => progress
                            .suspend(|| eprintln!("factlint: {name}:{number}: not a story record: {error}")),
                    }
                    counter
                })
                .reduce(NgramCounter::new, |mut a, b| {
                    a.merge(b);
                    a
                });
            total.merge(counter);
            stories += block.len();
            progress.inc(block.len() as u64);
        }
    }
    Ok((total, stories))
}
