//! One indicator's direction given twice: the later one is reversed.

use super::{PERIODS, Plant, Signal, repeated};
use crate::change;
use crate::story::{Kind, Story};

/// "exports rose 5 pct" and later "the 5 pct rise in exports": the later direction is flipped.
pub fn plants(story: &Story) -> Vec<Plant> {
    struct Moved {
        value: f64,
        up: bool,
        word: usize,
        number: usize,
    }
    let tokens = &story.tokens;
    let mut moves = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Kind::Number(value) = token.kind else { continue };
        if !matches!(story.word(i + 1), "pct" | "percent") {
            continue;
        }
        // rose (by) 5 pct
        let before =
            if story.word(i.wrapping_sub(1)) == "by" { i.wrapping_sub(2) } else { i.wrapping_sub(1) };
        // a 5 pct rise
        let after = i + 2;
        for word in [before, after] {
            if let Some(up) = change::direction(story.word(word)) {
                moves.push(Moved { value, up, word, number: i });
                break;
            }
        }
    }
    let mut plants = Vec::new();
    for (k, a) in moves.iter().enumerate() {
        for b in &moves[k + 1..] {
            if a.value != b.value || a.up != b.up || tokens[a.number].sentence == tokens[b.number].sentence {
                continue;
            }
            let (wa, wb) = (indicator(story, a.word, a.number), indicator(story, b.word, b.number));
            if !wa.iter().any(|w| wb.contains(w)) {
                continue;
            }
            let same_period = |m: &Moved| {
                let mut p: Vec<&str> = tokens
                    .iter()
                    .filter(|t| t.sentence == tokens[m.number].sentence)
                    .map(|t| t.lower.as_str())
                    .filter(|w| PERIODS.contains(w) || w.len() == 4 && w.starts_with("19"))
                    .collect();
                p.sort();
                p.dedup();
                p
            };
            if same_period(a) != same_period(b) || repeated(story, a.number, b.number) {
                continue;
            }
            let word = &tokens[b.word];
            let Some(replacement) = change::opposite(story.raw(b.word)) else { continue };
            let span = |m: &Moved| (tokens[m.word.min(m.number)].start, tokens[m.word.max(m.number + 1)].end);
            plants.push(Plant {
                signal: Signal::Direction,
                start: word.start,
                end: word.end,
                replacement,
                mention: span(b),
                antecedent: span(a),
            });
        }
    }
    plants
}

/// What a direction is said of: the words before the verb ("U.S. housing starts rose 2.6 pct"),
/// or after the noun ("a 2.6 pct rise in housing starts"). Empty when neither is there.
fn indicator<'a>(story: &'a Story, word: usize, number: usize) -> Vec<&'a str> {
    const AUXILIARIES: &[&str] =
        &["were", "was", "is", "are", "had", "has", "have", "been", "be", "will", "would"];
    let content = |i: &usize| {
        let token = &story.tokens[*i];
        token.kind == Kind::Word
            && token.sentence == story.tokens[word].sentence
            && !NOT_INDICATORS.contains(&token.lower.as_str())
            && !PERIODS.contains(&token.lower.as_str())
    };
    let mut found = Vec::new();
    if word < number {
        let mut i = word;
        while i > 0 && AUXILIARIES.contains(&story.word(i - 1)) {
            i -= 1;
        }
        found.extend((i.saturating_sub(3)..i).rev().take_while(content).map(|i| story.word(i)));
    } else if story.word(word + 1) == "in" {
        found.extend(
            (word + 2..(word + 4).min(story.tokens.len())).take_while(content).map(|i| story.word(i)),
        );
    }
    found
}

/// Words that do not say what moved: periods, function words.
const NOT_INDICATORS: &[&str] = &[
    "the", "a", "an", "in", "of", "and", "after", "before", "from", "to", "by", "on", "at", "for", "with",
    "said", "that", "this", "its", "their", "which", "while", "but", "also", "u", "s",
];
