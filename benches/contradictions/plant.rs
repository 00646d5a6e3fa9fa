//! Where a story restates a figure, and which restatement to change.
//!
//! A restatement is two mentions of one quantity in different sentences, linked by a signal a
//! copy editor goes by: the headline and the body, a definite back-reference ("the 1,500
//! jobs"), the same verb, object and agent ("it sued 38 lenders" twice), a total restated, one
//! person's age, a body's size, or a direction said twice ("rose 5 pct" and "the 5 pct rise").
//! The same figure for the same words with no such signal is not enough. Only unambiguous
//! quantities are used: every figure the story gives for those words is the same, neither
//! mention is an addition, a part, a comparison or a table row, the two sentences do not name
//! different periods, and the second is not a paragraph the wire repeated. The later mention is
//! changed (for the headline, the first mention in the body).

mod ages;
mod directions;
mod figures;
mod sizes;

use crate::story::{Kind, Story};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Signal {
    BackReference,
    Headline,
    SameEvent,
    Age,
    BodySize,
    Total,
    Direction,
}

impl Signal {
    pub const ALL: [Signal; 7] = [
        Signal::BackReference,
        Signal::Headline,
        Signal::SameEvent,
        Signal::Age,
        Signal::BodySize,
        Signal::Total,
        Signal::Direction,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Signal::BackReference => "back-reference",
            Signal::Headline => "headline",
            Signal::SameEvent => "same-event",
            Signal::Age => "age",
            Signal::BodySize => "body-size",
            Signal::Total => "total",
            Signal::Direction => "direction",
        }
    }
}

/// One change to plant: replace `start..end` of the story with `replacement`.
#[derive(Debug, Clone, Serialize)]
pub struct Plant {
    pub signal: Signal,
    pub start: usize,
    pub end: usize,
    pub replacement: String,
    /// The changed mention (the number with the words it counts, or the direction word with
    /// its figure), in the original story's offsets.
    pub mention: (usize, usize),
    /// The mention it restates, in the original story's offsets (always before `mention`).
    pub antecedent: (usize, usize),
}

impl Plant {
    /// The changed mention's place in the planted copy.
    pub fn mention_in_copy(&self) -> (usize, usize) {
        let end = self.mention.1 + self.replacement.len() - (self.end - self.start);
        (self.mention.0, end)
    }

    pub fn apply(&self, text: &str) -> String {
        format!("{}{}{}", &text[..self.start], self.replacement, &text[self.end..])
    }
}

/// Tables and results lists: figures there are rows, not restatements.
pub fn is_table(story: &Story) -> bool {
    let comparisons =
        story.tokens.iter().filter(|t| matches!(t.lower.as_str(), "vs" | "shr" | "shrs" | "revs")).count();
    let columns = story
        .text
        .lines()
        .filter(|line| {
            let line = line.trim();
            line.contains("   ") || line.contains('\t') || line.ends_with("...")
        })
        .count();
    comparisons > 0 || columns >= 2
}

/// Period words: two mentions with different ones count different periods.
pub(crate) const PERIODS: &[&str] = &[
    "ago",
    "earlier",
    "previous",
    "prior",
    "last",
    "year-ago",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "quarter",
    "first",
    "second",
    "third",
    "fourth",
    "half",
    "week",
    "month",
    "year",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Plants for `story`: at most one per signal, each changing one mention.
pub fn plants(story: &Story, id: u64) -> Vec<Plant> {
    if is_table(story) {
        return Vec::new();
    }
    let mut found: Vec<Plant> = Vec::new();
    let mut add = |plant: Plant| {
        if !found.iter().any(|p| p.signal == plant.signal) {
            found.push(plant);
        }
    };
    for plant in figures::plants(story, id)
        .chain(ages::plants(story, id))
        .chain(sizes::plants(story, id))
        .chain(directions::plants(story))
    {
        add(plant);
    }
    found.sort_by_key(|p| p.signal);
    found
}

/// Whether the two places sit in the same words: a paragraph the wire repeated, where changing
/// one copy plants a typo rather than a contradiction. (A lead restating its headline word for
/// word is not a repeat.)
pub(crate) fn repeated(story: &Story, a: usize, b: usize) -> bool {
    if story.tokens[a].start < story.title_end {
        return false;
    }
    let words = |i: usize| -> Vec<&str> {
        let is_word = |k: &usize| story.tokens[*k].kind == Kind::Word;
        let before = (0..i).rev().filter(is_word).take(4);
        let after = (i + 1..story.tokens.len()).filter(is_word).take(3);
        before.chain(after).map(|k| story.word(k)).collect()
    };
    words(a) == words(b)
}
