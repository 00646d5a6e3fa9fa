//! Planted contradictions: how many restated figures, changed in one place, factlint's
//! consistency checks catch, and how many of their findings point at a planted change.
//!
//! From each wire story of `../shared/corpus/reuters-21578.jsonl` that restates a figure, a copy
//! is made with the restatement changed (one copy per signal the story offers: see
//! [`plant::Signal`]), and the story itself is kept as a clean copy. Stories with nothing to plant
//! are quiet controls. All three sets are checked in process, as `factlint check --input-format
//! jsonl` checks a record, and the table reports per signal the planted count, the caught count
//! (a `consistency.*` finding whose span or related span overlaps the changed mention) and
//! recall; then precision (consistency findings pointing at a planted change, over all
//! consistency findings on the planted and clean copies) and the false alarms on the clean
//! copies and the quiet controls.
//!
//! `cargo bench --bench contradictions`. It reads `../shared` at run time and skips, saying so,
//! when it is absent. It writes, for reading by hand, to `target/contradictions/`:
//! `cases.jsonl` (every planted change), `misses.jsonl`, `findings.jsonl` (every consistency
//! finding, marked as pointing at a planted change or not) and `planted.jsonl` (the planted
//! copies as story records, for `factlint check --input-format jsonl`). The planting is
//! deterministic: the same corpus gives the same copies on every run.

mod change;
mod plant;
mod score;
mod story;

use factlint_extract::jiff::civil::Date;
use plant::{Plant, Signal};
use rayon::prelude::*;
use score::{Checker, Found};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use story::Story;

#[derive(Deserialize)]
struct Record {
    id: u64,
    published: Option<String>,
    title: String,
    text: String,
}

impl Record {
    fn date(&self) -> Option<Date> {
        self.published.as_deref().and_then(|p| p.get(..10)).and_then(|p| p.parse().ok())
    }
}

/// What one copy is, and what factlint found in it.
enum Copy {
    Planted { story: usize, plant: Plant },
    Clean { story: usize },
    Quiet { story: usize },
}

impl Copy {
    fn story(&self) -> usize {
        match self {
            Copy::Planted { story, .. } | Copy::Clean { story } | Copy::Quiet { story } => *story,
        }
    }

    fn set(&self) -> &'static str {
        match self {
            Copy::Planted { .. } => "planted",
            Copy::Clean { .. } => "clean",
            Copy::Quiet { .. } => "quiet",
        }
    }

    fn label(&self, records: &[Record]) -> String {
        let id = records[self.story()].id;
        match self {
            Copy::Planted { plant, .. } => format!("{id}-{}", plant.signal.name()),
            Copy::Clean { .. } | Copy::Quiet { .. } => id.to_string(),
        }
    }

    fn text(&self, records: &[Record]) -> String {
        let text = &records[self.story()].text;
        match self {
            Copy::Planted { plant, .. } => plant.apply(text),
            Copy::Clean { .. } | Copy::Quiet { .. } => text.clone(),
        }
    }
}

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn out_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"), PathBuf::from)
        .join("contradictions")
}

fn main() {
    let archive = shared().join("corpus/reuters-21578.jsonl");
    if !archive.is_file() {
        println!("skipping the contradictions benchmark: {} is not here", archive.display());
        return;
    }
    let records = read(&archive);
    let copies = copies(&records);
    let checker = Checker::new();
    let results: Vec<Result<Vec<Found>, String>> = copies
        .par_iter()
        .map(|copy| {
            let record = &records[copy.story()];
            checker.check(&copy.label(&records), &copy.text(&records), record.date())
        })
        .collect();
    let report = Report::new(&records, &copies, &results);
    report.print();
    let dir = out_dir();
    if let Err(error) = report.write(&dir, &records, &copies, &results) {
        eprintln!("cannot write to {}: {error}", dir.display());
        std::process::exit(1);
    }
    println!("cases, misses and findings to read by hand: {}", dir.display());
}

fn read(archive: &Path) -> Vec<Record> {
    let file = File::open(archive).unwrap_or_else(|e| panic!("cannot read {}: {e}", archive.display()));
    BufReader::new(file)
        .lines()
        .enumerate()
        .map(|(number, line)| {
            let line = line.unwrap_or_else(|e| panic!("{}:{}: {e}", archive.display(), number + 1));
            serde_json::from_str(&line)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", archive.display(), number + 1))
        })
        .collect()
}

/// The planted copies, the clean copies of the stories planted into, and the quiet controls.
fn copies(records: &[Record]) -> Vec<Copy> {
    let plants: Vec<Vec<Plant>> =
        records.par_iter().map(|r| plant::plants(&Story::read(&r.text, &r.title), r.id)).collect();
    let mut copies = Vec::new();
    for (story, plants) in plants.into_iter().enumerate() {
        if plants.is_empty() {
            copies.push(Copy::Quiet { story });
            continue;
        }
        copies.push(Copy::Clean { story });
        copies.extend(plants.into_iter().map(|plant| Copy::Planted { story, plant }));
    }
    copies
}

#[derive(Default)]
struct Tally {
    planted: usize,
    caught: usize,
}

struct Report {
    by_signal: BTreeMap<Signal, Tally>,
    /// Consistency findings on planted copies that point at the planted change.
    hits: usize,
    /// All consistency findings on the planted and clean copies.
    findings: usize,
    clean: (usize, usize),
    quiet: (usize, usize),
    quiet_words: usize,
    failed: Vec<String>,
}

impl Report {
    fn new(records: &[Record], copies: &[Copy], results: &[Result<Vec<Found>, String>]) -> Report {
        let mut report = Report {
            by_signal: BTreeMap::new(),
            hits: 0,
            findings: 0,
            clean: (0, 0),
            quiet: (0, 0),
            quiet_words: 0,
            failed: Vec::new(),
        };
        for (copy, result) in copies.iter().zip(results) {
            let found = match result {
                Ok(found) => found,
                Err(error) => {
                    report.failed.push(format!("{}: {error}", copy.label(records)));
                    continue;
                }
            };
            let consistency = found.iter().filter(|f| f.is_consistency());
            match copy {
                Copy::Planted { plant, .. } => {
                    let mention = plant.mention_in_copy();
                    let hits = consistency.clone().filter(|f| f.points_at(mention)).count();
                    let tally = report.by_signal.entry(plant.signal).or_default();
                    tally.planted += 1;
                    tally.caught += usize::from(hits > 0);
                    report.hits += hits;
                    report.findings += consistency.count();
                }
                Copy::Clean { .. } => {
                    let n = consistency.count();
                    report.findings += n;
                    report.clean.0 += 1;
                    report.clean.1 += n;
                }
                Copy::Quiet { story } => {
                    report.quiet.0 += 1;
                    report.quiet.1 += consistency.count();
                    report.quiet_words += records[*story].text.split_whitespace().count();
                }
            }
        }
        report
    }

    fn print(&self) {
        println!("planted contradictions in the Reuters archive (seed {:#x})", change::SEED);
        println!("{:<16} {:>8} {:>8} {:>8}", "signal", "planted", "caught", "recall");
        let (mut planted, mut caught, mut recalls) = (0, 0, Vec::new());
        for signal in Signal::ALL {
            let tally = self.by_signal.get(&signal);
            let (p, c) = tally.map_or((0, 0), |t| (t.planted, t.caught));
            planted += p;
            caught += c;
            if p > 0 {
                recalls.push(c as f64 / p as f64);
            }
            println!("{:<16} {:>8} {:>8} {:>8}", signal.name(), p, c, ratio(c, p));
        }
        println!("{:<16} {:>8} {:>8} {:>8}", "all", planted, caught, ratio(caught, planted));
        // The headline signal outnumbers the others: the mean over signals weighs each alike.
        if !recalls.is_empty() {
            let mean = recalls.iter().sum::<f64>() / recalls.len() as f64;
            println!("{:<16} {:>8} {:>8} {:>8.3}", "mean of signals", "", "", mean);
        }
        println!(
            "precision: {} of {} consistency findings on the planted and clean copies point at a planted change ({})",
            self.hits,
            self.findings,
            ratio(self.hits, self.findings)
        );
        println!("false alarms: {} consistency findings on {} clean copies", self.clean.1, self.clean.0);
        println!(
            "quiet controls: {} consistency findings on {} unplanted stories ({:.3} per 1,000 words)",
            self.quiet.1,
            self.quiet.0,
            self.quiet.1 as f64 * 1000.0 / self.quiet_words.max(1) as f64
        );
        for failure in &self.failed {
            println!("failed: {failure}");
        }
    }

    fn write(
        &self,
        dir: &Path,
        records: &[Record],
        copies: &[Copy],
        results: &[Result<Vec<Found>, String>],
    ) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let mut cases = Writer::create(&dir.join("cases.jsonl"))?;
        let mut misses = Writer::create(&dir.join("misses.jsonl"))?;
        let mut findings = Writer::create(&dir.join("findings.jsonl"))?;
        let mut planted = Writer::create(&dir.join("planted.jsonl"))?;
        for (copy, result) in copies.iter().zip(results) {
            let record = &records[copy.story()];
            let text = copy.text(records);
            let copy_story = Story::read(&text, &record.title);
            let found: &[Found] = result.as_deref().unwrap_or(&[]);
            let label = copy.label(records);
            let plant = match copy {
                Copy::Planted { plant, .. } => Some(plant),
                _ => None,
            };
            for finding in found.iter().filter(|f| f.is_consistency()) {
                findings.line(&json!({
                    "set": copy.set(),
                    "id": label,
                    "rule": finding.rule,
                    "points_at_plant": plant.is_some_and(|p| finding.points_at(p.mention_in_copy())),
                    "message": finding.message,
                    "at": copy_story.context(finding.start, finding.end),
                    "related": finding.related.iter().map(|&(s, e)| copy_story.context(s, e)).collect::<Vec<_>>(),
                }))?;
            }
            let Some(plant) = plant else { continue };
            let original = Story::read(&record.text, &record.title);
            let (start, end) = plant.mention_in_copy();
            let caught = found.iter().any(|f| f.is_consistency() && f.points_at((start, end)));
            let case = json!({
                "id": label,
                "signal": plant.signal,
                "was": &record.text[plant.start..plant.end],
                "now": plant.replacement,
                "caught": caught,
                "antecedent": original.context(plant.antecedent.0, plant.antecedent.1),
                "changed": copy_story.context(start, end),
                "findings": found.iter().map(|f| json!({"rule": f.rule, "message": f.message})).collect::<Vec<_>>(),
            });
            cases.line(&case)?;
            if !caught {
                misses.line(&case)?;
            }
            planted.line(&json!({"id": label, "published": record.published, "text": text}))?;
        }
        cases.finish()?;
        misses.finish()?;
        findings.finish()?;
        planted.finish()
    }
}

fn ratio(part: usize, whole: usize) -> String {
    if whole == 0 { "-".to_string() } else { format!("{:.3}", part as f64 / whole as f64) }
}

/// A JSON Lines file.
struct Writer(BufWriter<File>);

impl Writer {
    fn create(path: &Path) -> std::io::Result<Writer> {
        Ok(Writer(BufWriter::new(File::create(path)?)))
    }

    fn line(&mut self, value: &impl Serialize) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.0, value)?;
        self.0.write_all(b"\n")
    }

    fn finish(mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}
