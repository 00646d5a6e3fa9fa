//! `vote-size` and `unanimous`: a vote's tally against the body that cast it.
//!
//! - `vote-size`: "the nine-member board voted 6-4" — more votes than members. The size is the
//!   one given in the tally's sentence, or else the only size the story gives before it, when
//!   the tally's sentence names the body ("the board") or follows the size's sentence.
//! - `unanimous`: "the committee voted unanimously, 7-2" — a unanimous vote has no votes
//!   against.
//!
//! A tally counts only in a sentence about a vote ("voted", "approved", "ruled"), so "won 6-4"
//! is a score.

use super::{Story, WordList, number_span, word_list};
use crate::checks::mentions::is_body_member;
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::{Claim, ClaimKind, Document, Qualifier};
use std::sync::LazyLock;

/// Words that make a tally a vote.
static VOTE_WORDS: LazyLock<WordList> =
    LazyLock::new(|| word_list(include_str!("../../../data/vote_words.txt")));

/// A body's size: its claim, and the noun after it ("board" in "the nine-member board").
struct Size<'a> {
    claim: &'a Claim,
    body: Option<&'a str>,
    sentence: usize,
}

pub(super) fn size(rule: &Rule, story: &Story, out: &mut Vec<Finding>) {
    let doc = story.doc;
    let mut sizes: Vec<Size> = Vec::new();
    for (index, s) in story.sentences().enumerate() {
        let sentence_sizes = s.claims.iter().filter_map(|&(c, _, end)| body_size(doc, c, end));
        let here: Vec<Size> =
            sentence_sizes.map(|(claim, body)| Size { claim, body, sentence: index }).collect();
        // Only a sentence with a tally is read for vote words.
        let vote = s.claims.iter().any(|(c, _, _)| c.score().is_some()) && is_vote(doc, s.first, s.end);
        for &(tally, _, _) in s.claims.iter().filter(|_| vote) {
            let Some((yes, no)) = tally.score() else { continue };
            let size = match here.as_slice() {
                [one] => Some(one),
                [] => earlier_size(doc, &sizes, index, s.first, s.end),
                _ => None,
            };
            let Some(size) = size else { continue };
            let Some(members) = size.claim.value else { continue };
            if yes + no > members {
                let sum = format!(
                    "{} + {} = {} votes",
                    format_votes(yes),
                    format_votes(no),
                    format_votes(yes + no)
                );
                let finding = rule.finding(
                    number_span(doc, tally),
                    &[("sum", &sum), ("total", &super::format_figure(members))],
                    None,
                );
                out.push(Rule::with_related(finding, size.claim.figure, "the body's size".to_string()));
            }
        }
        for size in here {
            if sizes.len() < 4
                && !sizes.iter().any(|s| s.claim.value == size.claim.value && s.body == size.body)
            {
                sizes.push(size);
            }
        }
    }
}

/// The only size given before, when the tally's sentence names its body or follows it.
fn earlier_size<'s, 'a>(
    doc: &Document,
    sizes: &'s [Size<'a>],
    sentence: usize,
    first: usize,
    end: usize,
) -> Option<&'s Size<'a>> {
    let [size] = sizes else { return None };
    let named = size.body.is_some_and(|body| (first..end).any(|k| doc.folded_word(k) == Some(body)));
    (named || size.sentence + 1 == sentence).then_some(size)
}

pub(super) fn unanimous(rule: &Rule, story: &Story, out: &mut Vec<Finding>) {
    let doc = story.doc;
    for s in story.sentences() {
        if !s.claims.iter().any(|(c, _, _)| c.score().is_some()) {
            continue;
        }
        let said =
            (s.first..s.end).find(|&k| matches!(doc.folded_word(k), Some("unanimous" | "unanimously")));
        let Some(said) = said else { continue };
        if !is_vote(doc, s.first, s.end) {
            continue;
        }
        for &(tally, _, _) in s.claims {
            let Some((yes, no)) = tally.score() else { continue };
            if yes > 0.0 && no > 0.0 {
                let finding =
                    rule.finding(number_span(doc, tally), &[("stated", doc.slice(tally.figure))], None);
                out.push(Rule::with_related(
                    finding,
                    doc.tokens()[said].span,
                    "said to be unanimous".to_string(),
                ));
            }
        }
    }
}

fn is_vote(doc: &Document, first: usize, end: usize) -> bool {
    (first..end).any(|k| doc.folded_word(k).is_some_and(|w| VOTE_WORDS.contains(w)))
}

/// Whether a claim gives a body's size ("the nine-member board", "its 11 members"), and the
/// noun after it.
fn body_size<'a>(doc: &'a Document, claim: &'a Claim, end: usize) -> Option<(&'a Claim, Option<&'a str>)> {
    let head = claim.head()?;
    if claim.kind != ClaimKind::Count || claim.qualifier != Qualifier::Exact || !is_body_member(head) {
        return None;
    }
    Some((claim, doc.folded_word(end).filter(|w| w.chars().all(char::is_alphabetic))))
}

fn format_votes(votes: f64) -> String {
    super::format_figure(votes)
}
