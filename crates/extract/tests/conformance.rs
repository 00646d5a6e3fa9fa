//! Scores the extractor against peers' public test suites (Microsoft Recognizers-Text and
//! quantulum3), normalised to JSONL in `../shared/conformance`. Prints span and value recall per
//! suite and holds each to a floor. Ignored unless asked for, as it needs `../shared`.
//!
//! A case is scored on its expected items: an item's *span* is found when a claim overlaps it,
//! its *value* when an overlapping claim has that value (for ranges and vague amounts, either
//! bound or the midpoint, since quantulum3 reports a range's mean). Items without a number
//! (a bare unit word, a relative ordinal such as "last") have no value to score. Cases whose
//! expectation is wrong for news copy are skipped by id in `conformance-skips.tsv`, each with
//! its reason.
//!
//! Run `cargo test -p factlint-extract --test conformance -- --include-ignored --nocapture` to see the figures.

use factlint_extract::{Claim, DateValue, Document, Options, extract, jiff::civil::Date};
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance");
    dir.is_dir().then_some(dir)
}

fn skips() -> HashMap<String, String> {
    include_str!("conformance-skips.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split_once('\t'))
        .map(|(id, reason)| (id.to_string(), reason.to_string()))
        .collect()
}

#[derive(Default, Debug)]
struct Score {
    cases: usize,
    skipped: usize,
    spans: usize,
    spans_found: usize,
    values: usize,
    values_found: usize,
    dates: usize,
    dates_found: usize,
}

impl Score {
    fn ratio(found: usize, total: usize) -> f64 {
        if total == 0 { 1.0 } else { found as f64 / total as f64 }
    }
    fn span_recall(&self) -> f64 {
        Self::ratio(self.spans_found, self.spans)
    }
    fn value_recall(&self) -> f64 {
        Self::ratio(self.values_found, self.values)
    }
    fn date_recall(&self) -> f64 {
        Self::ratio(self.dates_found, self.dates)
    }
}

/// Byte offset of code point `index` in `text`.
fn byte_offset(text: &str, index: usize) -> usize {
    text.char_indices().nth(index).map_or(text.len(), |(b, _)| b)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9_f64.max(b.abs() * 1e-6)
}

/// The numbers an item's value may match: `value_num`, a percent ("100%"), or the bounds of a
/// range ("(20,35]").
enum Expected {
    Number(f64),
    Range(Option<f64>, Option<f64>),
    Date(Date),
    Nothing,
}

fn expected_value(item: &Value) -> Expected {
    if let Some(number) = item["value_num"].as_f64() {
        return Expected::Number(number);
    }
    let value = item["value"].as_str().unwrap_or("");
    if let Some(percent) = value.strip_suffix('%').and_then(|v| v.parse().ok()) {
        return Expected::Number(percent);
    }
    if item["kind"] == "numberrange" {
        let inner = value.trim_start_matches(['(', '[']).trim_end_matches([')', ']']);
        if let Some((low, high)) = inner.split_once(',') {
            return Expected::Range(low.trim().parse().ok(), high.trim().parse().ok());
        }
    }
    if value.len() == 10
        && value.as_bytes()[4] == b'-'
        && value.as_bytes()[7] == b'-'
        && let Ok(date) = value.parse()
    {
        return Expected::Date(date);
    }
    Expected::Nothing
}

fn value_matches(claim: &Claim, expected: &Expected) -> bool {
    match *expected {
        Expected::Number(n) => {
            let bounds_count =
                claim.low != claim.high && matches!(claim.qualifier.as_str(), "range" | "vague");
            claim.value.is_some_and(|v| close(v, n))
                || bounds_count
                    && (claim.low.is_some_and(|v| close(v, n))
                        || claim.high.is_some_and(|v| close(v, n))
                        || claim.low.zip(claim.high).is_some_and(|(l, h)| close((l + h) / 2.0, n)))
        }
        Expected::Range(low, high) => {
            let same = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (Some(a), Some(b)) => close(a, b),
                (None, None) => true,
                _ => false,
            };
            same(claim.low, low) && same(claim.high, high)
        }
        Expected::Date(date) => matches!(claim.date(), Some(DateValue::Day(d)) if d == date),
        Expected::Nothing => false,
    }
}

fn score_suite(file: &str) -> Option<Score> {
    let path = shared()?.join(file);
    let text = std::fs::read_to_string(&path).ok()?;
    let skips = skips();
    let mut score = Score::default();
    for line in text.lines() {
        let case: Value = serde_json::from_str(line).expect("conformance JSONL");
        let id = case["id"].as_str().unwrap_or_default();
        if skips.contains_key(id) {
            score.skipped += 1;
            continue;
        }
        score.cases += 1;
        let input = case["text"].as_str().unwrap_or_default();
        let reference = case["reference_datetime"].as_str().and_then(|r| r.get(..10)?.parse().ok());
        let doc = Document::parse(input, &Options { reference_date: reference, ..Options::default() })
            .expect("small input");
        let claims = extract(&doc);
        let located: Vec<(std::ops::Range<usize>, &Claim)> =
            claims.iter().map(|c| (doc.to_source(c.span).range(), c)).collect();
        for item in case["expected"].as_array().into_iter().flatten() {
            let span = item["span_ok"].as_bool().filter(|&ok| ok).map(|_| {
                let start = byte_offset(input, item["start"].as_u64().unwrap_or(0) as usize);
                let end = byte_offset(input, item["end"].as_u64().unwrap_or(0) as usize);
                start..end
            });
            let overlapping: Vec<&Claim> = located
                .iter()
                .filter(|(range, _)| span.as_ref().is_none_or(|s| range.start < s.end && s.start < range.end))
                .map(|(_, claim)| *claim)
                .collect();
            if span.is_some() {
                score.spans += 1;
                score.spans_found += usize::from(!overlapping.is_empty());
            }
            let expected = expected_value(item);
            match expected {
                Expected::Nothing => {}
                Expected::Date(_) => {
                    score.dates += 1;
                    score.dates_found += usize::from(overlapping.iter().any(|c| value_matches(c, &expected)));
                }
                _ => {
                    score.values += 1;
                    score.values_found +=
                        usize::from(overlapping.iter().any(|c| value_matches(c, &expected)));
                }
            }
        }
    }
    println!(
        "{file}: {} cases ({} skipped); span recall {:.3} ({}/{}); value recall {:.3} ({}/{}); date recall {:.3} ({}/{})",
        score.cases,
        score.skipped,
        score.span_recall(),
        score.spans_found,
        score.spans,
        score.value_recall(),
        score.values_found,
        score.values,
        score.date_recall(),
        score.dates_found,
        score.dates
    );
    Some(score)
}

macro_rules! suite {
    ($name:ident, $file:literal, |$score:ident| $check:expr) => {
        #[test]
        #[ignore = "needs ../shared"]
        fn $name() {
            let Some($score) = score_suite($file) else {
                panic!("../shared/conformance/{} is not here: this test needs it", $file);
            };
            assert!($check, "{}: below the floor: {:?}", $file, $score);
        }
    };
}

suite!(recognizers_number, "recognizers-number.jsonl", |s| s.value_recall() >= 0.85);
suite!(recognizers_units, "recognizers-units.jsonl", |s| s.value_recall() >= 0.75);
suite!(quantulum3, "quantulum3.jsonl", |s| s.value_recall() >= 0.75);
suite!(recognizers_datetime, "recognizers-datetime.jsonl", |s| s.span_recall() >= 0.80
    && s.date_recall() >= 0.60);

#[test]
fn every_skip_names_a_case_and_a_reason() {
    for (id, reason) in skips() {
        assert!(id.contains('#'), "skip id {id} is not a case id");
        assert!(reason.trim().len() > 10, "skip {id} needs a reason");
    }
}
