//! `story-parts`: parts given in one sentence against a total given earlier in the story.
//!
//! "At least 21 people died in two counties. … Eleven died in one and eight in the other." The
//! parts link to the total by what they count: the same head noun ("people"), or, when the parts
//! name no noun ("eleven died"), the same act ("die"). The total must be the only one given for
//! that noun or act, in the same period and by the same agent, and no narrower than its parts
//! ("two new options" is not the total of "45 equity options and two currency options"). Parts past the total are always
//! wrong; parts short of it only when the sentence says it has named them all ("eight in the
//! other", or one part for each of the "two counties" the total was split into).
//!
//! Parts may count different members of one group (`data/group_members.txt`): "Thirty people
//! died. … Fourteen men, twelve women and six children died." Such parts split the group's total
//! only when they name its act, so "14 men and 12 women were injured" leaves the dead alone.
//!
//! A sentence that adds to the total or picks from it ("another", "a further", "others", "of
//! whom", "including") or gives its own total is not a split of the earlier one.

use super::{Story, WordList, data_lines, number_span, qualified, sum_text, word_in, word_list};
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::{Claim, ClaimKind, Definiteness, Document, Frame, Place, Qualifier, Role};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// What a total counts: a head noun, or an act when the parts name no noun.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Noun(String),
    Act(&'static str),
}

/// Acts counted the same way: the killed are the dead.
fn act(lemma: &'static str) -> &'static str {
    match lemma {
        "kill" => "die",
        other => other,
    }
}

/// Words that make a sentence's figures something other than a split of an earlier total.
static NOT_A_SPLIT: LazyLock<WordList> =
    LazyLock::new(|| word_list(include_str!("../../../data/not_a_split.txt")));

/// Prepositions before a figure that names a place or group, not a part: "in one".
static PREPOSITIONS: LazyLock<WordList> =
    LazyLock::new(|| word_list(include_str!("../../../data/place_prepositions.txt")));

/// Head nouns that count how often or how long, not things a total is split into.
static NOT_THINGS: LazyLock<WordList> =
    LazyLock::new(|| word_list(include_str!("../../../data/not_things.txt")));

/// Member nouns and the group they make up: "man" → "person", so that "14 men, 12 women and six
/// children" split a total of people.
static GROUPS: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    data_lines(include_str!("../../../data/group_members.txt"))
        .filter_map(|line| line.split_once(' '))
        .map(|(member, group)| (member, group.trim()))
        .collect()
});

fn group_of(head: &str) -> Option<&'static str> {
    GROUPS.get(head).copied()
}

/// The parts one sentence splits a total into.
struct Split {
    key: Key,
    parts: Vec<usize>,
    /// The parts count different members of one group ("men", "women"): they split a total of
    /// the group only when they share its act.
    grouped: bool,
}

/// Distinct earlier totals kept per key: a key with two is ambiguous, and more change nothing.
const MAX_TOTALS: usize = 2;

pub(super) fn run(rule: &Rule, story: &Story, out: &mut Vec<Finding>) {
    let doc = story.doc;
    let frames = story.frames();
    let mut totals: FxHashMap<Key, Vec<usize>> = FxHashMap::default();
    for sentence in story.sentences() {
        let indices = sentence.start..sentence.start + sentence.claims.len();
        let split = split(doc, story.claims, frames, sentence.first, sentence.end, indices.clone());
        if let Some(split) = &split
            && let Some(earlier) = totals.get(&split.key)
            && let [total] = earlier.as_slice()
        {
            check(rule, story, *total, split, indices.clone(), out);
        }
        for i in indices {
            if split.as_ref().is_some_and(|split| split.parts.contains(&i)) {
                continue;
            }
            for key in total_keys(&story.claims[i], &frames[i]) {
                let earlier = totals.entry(key).or_default();
                let value = story.claims[i].value;
                if earlier.len() < MAX_TOTALS && !earlier.iter().any(|&e| story.claims[e].value == value) {
                    earlier.push(i);
                }
            }
        }
    }
}

/// The keys a claim can be a total under: its noun and its act.
fn total_keys(claim: &Claim, frame: &Frame) -> Vec<Key> {
    let counted = claim.kind == ClaimKind::Count
        && claim.unit.is_none()
        && claim.value.is_some_and(|v| v >= 2.0)
        && !matches!(claim.qualifier, Qualifier::Range | Qualifier::Vague)
        && matches!(frame.role, Role::Level | Role::Total)
        && frame.definiteness != Definiteness::Additional
        && frame.place != Place::Headline;
    if !counted {
        return Vec::new();
    }
    let mut keys = Vec::with_capacity(2);
    keys.extend(frame.head.clone().map(Key::Noun));
    keys.extend(frame.verb.map(|v| Key::Act(act(v))));
    keys
}

/// Whether a claim can be one part of a split: an exact whole count, not a back-reference ("the
/// 38 million shares consist of …" restates a total).
fn is_part(claim: &Claim, frame: &Frame) -> bool {
    claim.kind == ClaimKind::Count
        && claim.unit.is_none()
        && claim.qualifier == Qualifier::Exact
        && claim.value.is_some_and(|v| v >= 1.0 && v.fract() == 0.0)
        && matches!(frame.role, Role::Level)
        && frame.definiteness == Definiteness::Bare
        && frame.place != Place::Headline
}

/// The parts one sentence splits something into, and what they count: two or more figures
/// joined by "and" or commas, the first naming the noun or the act, the others the same noun,
/// another member of its group ("12 men and ten women"), or none ("eight in the other").
fn split(
    doc: &Document,
    claims: &[Claim],
    frames: &[Frame],
    first: usize,
    end: usize,
    indices: Range<usize>,
) -> Option<Split> {
    if indices.len() < 2 || (first..end).any(|k| word_in(doc, k, &NOT_A_SPLIT) || picks_from(doc, k)) {
        return None;
    }
    let before = |claim: &Claim| doc.token_at(claim.span.start).checked_sub(1);
    let labels = |claim: &Claim| before(claim).is_some_and(|k| k >= first && word_in(doc, k, &PREPOSITIONS));
    let start = indices.clone().find(|&i| is_part(&claims[i], &frames[i]) && !labels(&claims[i]))?;
    let key = match (&frames[start].head, frames[start].verb) {
        (Some(head), _) if NOT_THINGS.contains(head.as_str()) => return None,
        (Some(head), _) => Key::Noun(head.clone()),
        (None, Some(verb)) => Key::Act(act(verb)),
        (None, None) => return None,
    };
    let verb = frames[start].verb.map(act);
    let group = frames[start].head.as_deref().and_then(group_of);
    let mut grouped = false;
    let mut parts = vec![start];
    for i in start + 1..indices.end {
        let (claim, frame) = (&claims[i], &frames[i]);
        if claim.kind != ClaimKind::Count {
            break;
        }
        let same_noun = matches!(&key, Key::Noun(head) if frame.head.as_ref() == Some(head));
        let same_group = !same_noun && group.is_some() && frame.head.as_deref().and_then(group_of) == group;
        // "and eight in the other": no noun, and a place after it.
        let elided = frame.head.is_none()
            && frame.verb.is_none_or(|v| matches!(&key, Key::Act(a) if *a == act(v)))
            && word_in(doc, doc.token_at(claim.span.end), &PREPOSITIONS);
        // "I've played it four times and won it four times": two acts, not one split.
        if frame.verb.is_some_and(|v| verb.is_some_and(|first| first != act(v))) {
            return None;
        }
        if is_part(claim, frame) && !labels(claim) && (same_noun || same_group || elided) {
            let previous = &claims[*parts.last()?];
            let joined = (doc.token_at(previous.span.end)..doc.token_at(claim.span.start))
                .any(|k| doc.is_word(k, "and") || doc.is_text(k, ",") || doc.is_text(k, ";"));
            if !joined {
                return None;
            }
            grouped |= same_group;
            parts.push(i);
        } else if frame.head.is_none() && !labels(claim) {
            // A figure that is neither a part nor a place: the sentence is about something else.
            return None;
        }
    }
    let key = match group {
        Some(group) if grouped => Key::Noun(group.to_string()),
        _ => key,
    };
    (parts.len() >= 2).then_some(Split { key, parts, grouped })
}

/// "of them", "among them", "of which": the figures pick from a group rather than split it.
fn picks_from(doc: &Document, k: usize) -> bool {
    doc.folded_word(k).is_some_and(|w| matches!(w, "them" | "which" | "those" | "these"))
        && k > 0
        && doc.folded_word(k - 1).is_some_and(|w| matches!(w, "of" | "among"))
}

fn check(
    rule: &Rule,
    story: &Story,
    total: usize,
    split: &Split,
    indices: Range<usize>,
    out: &mut Vec<Finding>,
) {
    let (doc, claims, frames) = (story.doc, story.claims, story.frames());
    let parts = split.parts.as_slice();
    let (whole, frame) = (&claims[total], &frames[total]);
    // "30 people died … 14 men and 12 women were injured": members of one group split its total
    // only when they name the same act.
    let parts_act = parts.iter().find_map(|&i| frames[i].verb).map(act);
    if split.grouped && (parts_act.is_none() || parts_act != frame.verb.map(act)) {
        return;
    }
    let part_frame = &frames[parts[0]];
    let other_agent = matches!((&frame.agent, &part_frame.agent), (Some(a), Some(b)) if a != b);
    // "two new equity options" is not the total of "45 equity options and two currency options".
    let narrower = frame.modifiers.iter().any(|m| !parts.iter().all(|&i| frames[i].modifiers.contains(m)));
    let other_act = matches!((frame.verb, part_frame.verb), (Some(a), Some(b)) if act(a) != act(b));
    if frame.time != part_frame.time || other_agent || narrower || other_act {
        return;
    }
    let Some(&last) = parts.last() else { return };
    let last_end = doc.token_at(claims[last].span.end);
    let values: Vec<f64> = parts.iter().filter_map(|&i| claims[i].value).collect();
    let sum: f64 = values.iter().sum();
    let (low, high) = whole.qualifier.interval(whole.value.unwrap_or(0.0));
    let past = high.is_some_and(|high| sum > high);
    let short = low.is_some_and(|low| sum < low || (whole.qualifier == Qualifier::MoreThan && sum <= low))
        && all_named(doc, claims, frames, total, parts.len(), last_end, indices);
    if !past && !short {
        return;
    }
    let finding = rule.finding(
        number_span(doc, &claims[last]),
        &[("sum", &sum_text(&values)), ("total", &qualified(whole.qualifier, doc.slice(whole.figure)))],
        None,
    );
    let mut finding = Rule::with_related(finding, whole.figure, "the total".to_string());
    for &i in &parts[..parts.len() - 1] {
        finding = Rule::with_related(finding, claims[i].figure, "a part".to_string());
    }
    out.push(finding);
}

/// Whether the parts' sentence says it names every part: the last "in the other", or as many
/// parts as the groups the total was split into ("in two counties") with a group named.
fn all_named(
    doc: &Document,
    claims: &[Claim],
    frames: &[Frame],
    total: usize,
    count: usize,
    last_end: usize,
    indices: Range<usize>,
) -> bool {
    // "… and eight in the other."
    let at = last_end + usize::from(word_in(doc, last_end, &PREPOSITIONS));
    if doc.is_word(at, "the") && doc.is_word(at + 1, "other") {
        return true;
    }
    let sentence_of = |i: usize| doc.sentence_of(doc.token_at(claims[i].span.start));
    let total_sentence = sentence_of(total);
    let groups = (total.saturating_sub(4)..(total + 5).min(claims.len()))
        .filter(|&i| i != total && sentence_of(i) == total_sentence)
        .filter(|&i| claims[i].value == Some(count as f64))
        .filter_map(|i| frames[i].head.as_deref());
    groups.into_iter().any(|group| indices.clone().any(|i| frames[i].head.as_deref() == Some(group)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_line_names_a_member_and_its_group() {
        let lines = data_lines(include_str!("../../../data/group_members.txt")).count();
        assert_eq!(GROUPS.len(), lines);
        assert_eq!(group_of("woman"), Some("person"));
    }
}
