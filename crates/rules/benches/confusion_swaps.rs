//! The swap benchmark for `confusion` rules: correct sentences from published wire copy, each
//! checked as written and with one word of a confusion set swapped for another. A finding on
//! the written word is a false alarm; a finding on the swapped word that restores it is a
//! catch. Per set: recall (swaps caught) and precision (catches among all findings), for the
//! shipped model alone and with a model learned from the rest of the archive — the stories
//! checked are held out of what it learns (every tenth story by id is a test story).
//!
//! `cargo bench -p factlint-rules --bench confusion_swaps` (reads
//! `../shared/corpus/reuters-21578.jsonl`; skips with a message when it is absent). Set
//! `SWAPS_TABLE=1` for the table per set, `SWAPS_MISSES=N` to print N misses and false alarms.

use factlint_extract::{Document, Options};
use factlint_rules::Rule;
use factlint_rules::ngrams::{NgramCounter, NgramModel};
use factlint_rules::schema::{ConfusionSet, Kind};
use factlint_rules::{Input, RuleSet};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

#[path = "../../extract/benches/corpus/mod.rs"]
mod corpus;

/// Sentences per written word and set, so the commonest words do not swamp the run.
const PER_WORD: usize = 60;
/// A set's figures count towards the means when it had this many swaps.
const MIN_SWAPS: usize = 5;

struct Story {
    id: u64,
    text: String,
}

fn stories() -> Option<Vec<Story>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/reuters-21578.jsonl");
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|v| Some(Story { id: v["id"].as_u64()?, text: v["text"].as_str()?.to_string() }))
            .collect(),
    )
}

/// One set's tally.
#[derive(Default, Clone)]
struct Tally {
    swaps: usize,
    caught: usize,
    false_alarms: usize,
    originals: usize,
}

impl Tally {
    fn recall(&self) -> f64 {
        ratio(self.caught, self.swaps)
    }
    fn precision(&self) -> Option<f64> {
        (self.caught + self.false_alarms > 0).then(|| ratio(self.caught, self.caught + self.false_alarms))
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn main() {
    let Some(stories) = stories() else {
        eprintln!("skipping the swap benchmark: ../shared/corpus/reuters-21578.jsonl is not there");
        return;
    };
    let mut rules =
        RuleSet::builtin().unwrap_or_else(|error| panic!("the built-in packs do not load: {error}"));
    rules.retain(|rule| rule.kind() == Kind::Confusion);
    // Set name → its words; word → the sets it is in, with the alternatives.
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    let mut swaps_of: FxHashMap<String, Vec<(usize, String)>> = FxHashMap::default();
    for rule in rules.rules() {
        for set in rule.spec.sets.iter().flatten() {
            let index = sets.len();
            let words: Vec<String> = set.words().iter().map(|w| w.to_lowercase()).collect();
            sets.push((
                format!("{}: {}", rule.id().trim_start_matches("confusion."), words.join("/")),
                words.clone(),
            ));
            // A swap written → typed is caught if the rule reports typed → written.
            let directions = set.directions(1.0).unwrap_or_else(|e| panic!("{e}"));
            for (typed, written, _) in directions {
                swaps_of.entry(written.to_lowercase()).or_default().push((index, typed.to_lowercase()));
            }
        }
    }
    let targets: FxHashSet<String> = rules.confusion_words().into_iter().collect();
    // Test stories end in 0, development stories (for choosing factors) in 5; the model learns
    // from the rest.
    let test: Vec<&Story> = stories.iter().filter(|s| s.id % 10 == 0).collect();
    let train: Vec<&Story> = stories.iter().filter(|s| s.id % 10 != 0 && s.id % 10 != 5).collect();
    let bbc = corpus::load();

    let started = Instant::now();
    let mut counter = NgramCounter::new();
    for story in &train {
        if let Ok(doc) = Document::parse(story.text.as_str(), &Options::default()) {
            counter.add(&doc, &targets);
        }
    }
    let table = counter.into_table(usize::MAX);
    let learned_table = table.clone();
    eprintln!(
        "learned from {} stories in {:.1}s: {} bytes",
        train.len(),
        started.elapsed().as_secs_f64(),
        table.len()
    );
    let mut learned_rules = rules.clone();
    learned_rules.set_learned_model(NgramModel::from_bytes(table).expect("a learned table"));

    if let Ok(sweep) = std::env::var("SWAPS_SWEEP") {
        // Every set at one factor, for each factor listed, on the development stories (ids
        // ending in 5), which the figures above never use.
        let dev: Vec<&Story> = stories.iter().filter(|s| s.id % 10 == 5).collect();
        for factor in sweep.split(',').filter_map(|f| f.trim().parse::<f64>().ok()) {
            for (name, base) in [("shipped", &rules), ("learned", &learned_rules)] {
                let mut swept = at_factor(base, factor);
                if name == "learned" {
                    swept.set_learned_model(NgramModel::from_bytes(learned_table.clone()).expect("a table"));
                }
                let tallies = run(&swept, &dev, &sets, &swaps_of, 0, 0);
                summary(&format!("factor {factor} {name}"), &tallies);
                if let Some(bbc) = &bbc {
                    clean_copy(&swept, bbc, 0);
                }
            }
        }
        return;
    }
    let misses_shown: usize = std::env::var("SWAPS_MISSES").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let false_alarms_shown: usize =
        std::env::var("SWAPS_FALSE_ALARMS").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut results = Vec::new();
    for (name, rules) in [("shipped model", &rules), ("shipped + learned", &learned_rules)] {
        let started = Instant::now();
        let tallies = run(rules, &test, &sets, &swaps_of, misses_shown, false_alarms_shown);
        eprintln!("{name}: checked in {:.1}s", started.elapsed().as_secs_f64());
        results.push((name, tallies));
    }
    report(&sets, &results);
    match &bbc {
        Some(bbc) => {
            let shown = std::env::var("SWAPS_BBC").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
            clean_copy(&rules, bbc, shown);
        }
        None => eprintln!("skipping the clean-copy count: ../shared/corpus/bbc is not there"),
    }
}

/// The rules with every set at `factor`.
fn at_factor(rules: &RuleSet, factor: f64) -> RuleSet {
    let compiled = rules
        .rules()
        .iter()
        .map(|rule| {
            let mut spec = rule.spec.clone();
            spec.factor = Some(factor);
            for set in spec.sets.iter_mut().flatten() {
                if let ConfusionSet::Detailed(detailed) = set {
                    detailed.factor = None;
                }
            }
            Rule::compile(spec, &rule.origin, "").unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    RuleSet::new(compiled)
}

/// Findings on clean published copy (the BBC corpus), per 1,000 words: every one is a false
/// alarm or an error the editors missed. Prints the first `shown`.
fn clean_copy(rules: &RuleSet, stories: &[String], shown: usize) {
    let (mut findings, mut words, mut printed) = (0usize, 0usize, 0usize);
    for (index, story) in stories.iter().enumerate() {
        let Ok(doc) = Document::parse(story.as_str(), &Options::default()) else { continue };
        words += (0..doc.tokens().len()).filter(|&i| doc.folded_word(i).is_some()).count();
        for finding in rules.check(&Input { doc: &doc, claims: &[], facts: &[] }) {
            findings += 1;
            if printed < shown {
                printed += 1;
                let sentence = &doc.sentences()[doc.sentence_of(doc.token_at(finding.span.start))];
                println!(
                    "BBC {index}: «{}» {} | {}",
                    doc.slice(finding.span),
                    finding.message,
                    doc.slice(sentence.span).replace('\n', " ")
                );
            }
        }
    }
    println!(
        "  clean copy: {findings} findings in {words} words, {:.1} MB ({:.3} per 1,000 words)",
        corpus::bytes(stories) as f64 / 1e6,
        1000.0 * ratio(findings, words)
    );
}

fn check(rules: &RuleSet, text: &str) -> Vec<factlint_rules::Finding> {
    let Ok(doc) = Document::parse(text, &Options::default()) else { return Vec::new() };
    rules.check(&Input { doc: &doc, claims: &[], facts: &[] })
}

fn run(
    rules: &RuleSet,
    test: &[&Story],
    sets: &[(String, Vec<String>)],
    swaps_of: &FxHashMap<String, Vec<(usize, String)>>,
    misses_shown: usize,
    mut false_alarms_shown: usize,
) -> Vec<Tally> {
    let mut tallies = vec![Tally::default(); sets.len()];
    let mut used: FxHashMap<(usize, String), usize> = FxHashMap::default();
    let mut shown = 0;
    for story in test {
        let Ok(doc) = Document::parse(story.text.as_str(), &Options::default()) else { continue };
        for sentence in doc.sentences() {
            let text = doc.slice(sentence.span);
            let offset = sentence.span.start as usize;
            let mut findings: Option<Vec<factlint_rules::Finding>> = None;
            for i in sentence.tokens() {
                let Some(word) = doc.folded_word(i) else { continue };
                let Some(swaps) = swaps_of.get(word) else { continue };
                let token = doc.tokens()[i].span;
                let written = doc.slice(token);
                if written.chars().any(char::is_uppercase) {
                    continue;
                }
                let range = token.start as usize - offset..token.end as usize - offset;
                let mut set_seen = FxHashSet::default();
                for (set, typed) in swaps {
                    let quota = used.entry((*set, word.to_string())).or_default();
                    if *quota >= PER_WORD * (sets[*set].1.len() - 1) {
                        continue;
                    }
                    *quota += 1;
                    let tally = &mut tallies[*set];
                    if set_seen.insert(*set) {
                        tally.originals += 1;
                        let findings = findings.get_or_insert_with(|| check(rules, text));
                        let false_alarm = findings.iter().any(|f| f.span.range() == range);
                        if false_alarm {
                            tally.false_alarms += 1;
                            if false_alarms_shown > 0 {
                                false_alarms_shown -= 1;
                                eprintln!("FALSE ALARM [{}] {}", sets[*set].0, text.replace('\n', " "));
                            }
                        }
                    }
                    let swapped = format!("{}{}{}", &text[..range.start], typed, &text[range.end..]);
                    let swapped_range = range.start..range.start + typed.len();
                    let caught = check(rules, &swapped).iter().any(|f| {
                        f.span.range() == swapped_range
                            && f.fixes
                                .first()
                                .and_then(|fix| fix.edits.first())
                                .is_some_and(|e| e.replacement.to_lowercase() == word)
                    });
                    tally.swaps += 1;
                    if caught {
                        tally.caught += 1;
                    } else if shown < misses_shown {
                        shown += 1;
                        eprintln!(
                            "MISS [{}] {written}→{typed}: {}",
                            sets[*set].0,
                            swapped.replace('\n', " ")
                        );
                    }
                }
            }
        }
    }
    tallies
}

fn report(sets: &[(String, Vec<String>)], results: &[(&str, Vec<Tally>)]) {
    let table = std::env::var_os("SWAPS_TABLE").is_some();
    if table {
        println!(
            "| set | swaps | caught (shipped) | false alarms | recall | precision | caught (+learned) | false alarms | recall | precision |"
        );
        println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        let rows: BTreeMap<&str, usize> =
            sets.iter().enumerate().map(|(i, (name, _))| (name.as_str(), i)).collect();
        for (name, i) in rows {
            let cells: Vec<String> = results
                .iter()
                .map(|(_, tallies)| {
                    let t = &tallies[i];
                    let precision = t.precision().map_or("–".to_string(), |p| format!("{p:.2}"));
                    format!("{} | {} | {:.2} | {precision}", t.caught, t.false_alarms, t.recall())
                })
                .collect();
            println!("| {name} | {} | {} |", results[0].1[i].swaps, cells.join(" | "));
        }
    }
    for (name, tallies) in results {
        summary(name, tallies);
    }
}

fn summary(name: &str, tallies: &[Tally]) {
    {
        let measured: Vec<&Tally> = tallies.iter().filter(|t| t.swaps >= MIN_SWAPS).collect();
        let with_findings: Vec<f64> = measured.iter().filter_map(|t| t.precision()).collect();
        let mean_recall = measured.iter().map(|t| t.recall()).sum::<f64>() / measured.len().max(1) as f64;
        let mean_precision = with_findings.iter().sum::<f64>() / with_findings.len().max(1) as f64;
        let (swaps, caught, false_alarms, originals) = tallies.iter().fold((0, 0, 0, 0), |acc, t| {
            (acc.0 + t.swaps, acc.1 + t.caught, acc.2 + t.false_alarms, acc.3 + t.originals)
        });
        println!(
            "{name}: {} sets with ≥{MIN_SWAPS} swaps; mean recall {mean_recall:.3}, mean precision {mean_precision:.3} \
             (over {} sets with findings); pooled: {caught}/{swaps} swaps caught ({:.3}), {false_alarms} false alarms \
             on {originals} correct sentences ({:.4}), precision {:.3}",
            measured.len(),
            with_findings.len(),
            ratio(caught, swaps),
            ratio(false_alarms, originals),
            ratio(caught, caught + false_alarms),
        );
    }
}
