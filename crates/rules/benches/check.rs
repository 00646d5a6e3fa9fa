//! Checking throughput on the BBC corpus, one thread: the whole pipeline a story goes through in
//! `factlint check` (parse, extract, every built-in pack: `pipeline`; only the packs that run
//! unless a configuration turns more on: `pipeline-default-packs`; the `confusion` pack alone
//! over parsed stories: `confusion-pack-only`), and, apart, the one-off cost of compiling the
//! built-in packs that every run pays before its first story, and of reading the shipped n-gram
//! table, which a run pays when it meets its first confusion word.
//!
//! `cargo bench -p factlint-rules --bench check`. Skips the pipeline with a message when
//! `../shared` is absent. The goal is at least 20 MB/s for the pipeline (decimal megabytes, as
//! reported).

use criterion::{Criterion, SamplingMode, Throughput};
use factlint_extract::{Document, Options, extract};
use factlint_rules::ngrams::NgramModel;
use factlint_rules::{Input, RuleSet, builtin};
use std::hint::black_box;
use std::time::Duration;

#[path = "../../extract/benches/corpus/mod.rs"]
mod corpus;

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    loading(&mut criterion);
    match corpus::load() {
        Some(stories) => pipeline(&mut criterion, &stories),
        None => eprintln!("skipping the pipeline benchmark: ../shared/corpus/bbc is not there"),
    }
    criterion.final_summary();
}

fn loading(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("rules");
    group.sample_size(50).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    group.bench_function("builtin", |b| b.iter(|| black_box(RuleSet::builtin().ok())));
    // What the first confusion word of a run costs: reading the shipped n-gram table into its
    // hash tables.
    let table = include_bytes!("../data/ngrams.bin");
    group.bench_function("shipped-ngram-model", |b| {
        b.iter(|| black_box(NgramModel::from_bytes(table.to_vec()).map(|model| model.len()).ok()))
    });
    group.finish();
}

fn pipeline(criterion: &mut Criterion, stories: &[String]) {
    let every_pack =
        RuleSet::builtin().unwrap_or_else(|error| panic!("the built-in packs do not load: {error}"));
    let mut default_packs = every_pack.clone();
    default_packs.retain(|rule| builtin::on_by_default(builtin::pack_name(&rule.origin)));
    let options = Options::default();
    let mut group = criterion.benchmark_group("check");
    // One iteration is the whole corpus (about 5 MB), so a few flat samples are plenty.
    group
        .throughput(Throughput::BytesDecimal(corpus::bytes(stories)))
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    for (name, rules) in [("pipeline", &every_pack), ("pipeline-default-packs", &default_packs)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                for story in stories {
                    if let Ok(doc) = Document::parse(story.as_str(), &options) {
                        let claims = extract(&doc);
                        black_box(rules.check(&Input { doc: &doc, claims: &claims, facts: &[] }));
                    }
                }
            })
        });
    }
    // The confusion pack alone, over stories parsed beforehand: what turning it on costs.
    let mut confusion = every_pack.clone();
    confusion.retain(|rule| builtin::pack_name(&rule.origin) == "confusion");
    let parsed: Vec<Document> =
        stories.iter().filter_map(|story| Document::parse(story.as_str(), &options).ok()).collect();
    group.bench_function("confusion-pack-only", |b| {
        b.iter(|| {
            for doc in &parsed {
                black_box(confusion.check(&Input { doc, claims: &[], facts: &[] }));
            }
        })
    });
    group.finish();
}
