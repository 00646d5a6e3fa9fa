//! Extraction throughput on the BBC corpus, one thread: how many megabytes of copy per second go
//! from text to claims. Parsing (markup, tokens, sentences, paragraphs) is timed on its own as
//! well, so the difference between the two is what claim extraction costs, and so are the claim
//! frames the consistency and arithmetic rules read (`parse+extract+frames`).
//!
//! `cargo bench -p factlint-extract --bench extract`. Skips with a message when `../shared` is
//! absent. The goal is at least 50 MB/s for parse + extract (decimal megabytes, as reported).

use criterion::{Criterion, SamplingMode, Throughput};
use factlint_extract::{Document, Options, extract, frames};
use std::hint::black_box;
use std::time::Duration;

mod corpus;

fn main() {
    let Some(stories) = corpus::load() else {
        eprintln!("skipping the extraction benchmarks: ../shared/corpus/bbc is not there");
        return;
    };
    let mut criterion = Criterion::default().configure_from_args();
    let options = Options::default();
    let mut group = criterion.benchmark_group("extract");
    // One iteration is the whole corpus (about 5 MB), so a few flat samples are plenty.
    group
        .throughput(Throughput::BytesDecimal(corpus::bytes(&stories)))
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    // `Document::parse` takes the text by value, as the CLI hands over the file it read; the copy
    // made here is part of both measurements.
    group.bench_function("parse", |b| {
        b.iter(|| {
            for story in &stories {
                black_box(Document::parse(story.as_str(), &options).ok());
            }
        })
    });
    group.bench_function("parse+extract", |b| {
        b.iter(|| {
            for story in &stories {
                if let Ok(doc) = Document::parse(story.as_str(), &options) {
                    black_box(extract(&doc));
                }
            }
        })
    });
    group.bench_function("parse+extract+frames", |b| {
        b.iter(|| {
            for story in &stories {
                if let Ok(doc) = Document::parse(story.as_str(), &options) {
                    let claims = extract(&doc);
                    black_box(frames(&doc, &claims));
                }
            }
        })
    });
    group.finish();
    criterion.final_summary();
}
