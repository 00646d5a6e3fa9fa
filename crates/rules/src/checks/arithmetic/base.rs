//! `change-from-earlier`: "rose 10% to $460 million" against the level given earlier.
//!
//! "Sales were $400 million in 2019. … Sales rose 10% to $460 million in 2020." The change names
//! what moved (its frame's indicator, "sale") and the new level; the old level is the only
//! earlier figure of the same kind and unit that the story gives for that indicator ("sales
//! were", "sales of"), in a sentence that gives no change of its own; either both figures name
//! their period and the periods differ, or neither names one. A change that says where it came from
//! ("to X from Y") is the sentence check `percent-change`'s.

use super::{Story, approximate, rounding};
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::{Claim, ClaimKind, Direction, Document, Frame, Unit, singular};
use rustc_hash::FxHashMap;

/// Words between an indicator and its level: "sales were", "sales of", "revenue totalled".
const LINKS: &[&str] =
    &["of", "were", "was", "are", "is", "totalled", "totaled", "reached", "stood", "at", "hit"];

/// Distinct earlier levels kept per indicator: with two the base is unclear, and more change
/// nothing.
const MAX_LEVELS: usize = 2;

pub(super) fn run(rule: &Rule, story: &Story, out: &mut Vec<Finding>) {
    let (doc, claims, frames) = (story.doc, story.claims, story.frames());
    let mut levels: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for s in story.sentences() {
        for (offset, window) in s.claims.windows(2).enumerate() {
            let [(p, _, p_end), (x, x_first, x_end)] = window else { continue };
            let i = s.start + offset;
            let frame = &frames[i];
            // "to $460 million from $418 million" is the sentence check's.
            if doc.is_word(*x_end, "from")
                || p.unit != Some(Unit::PERCENT)
                || frame.direction.is_none()
                || !matches!(x.kind, ClaimKind::Money | ClaimKind::Count)
                || !(p_end + 1 == *x_first && doc.is_word(*p_end, "to"))
            {
                continue;
            }
            let (Some(indicator), Some(direction)) = (frame.indicator.as_deref(), frame.direction) else {
                continue;
            };
            let Some([base]) = levels.get(indicator).map(Vec::as_slice) else { continue };
            check(rule, doc, (&claims[*base], &frames[*base]), (x, &frames[i + 1]), (p, direction), out);
        }
        // A level named for an indicator, and every figure like it in its sentence: "sales were
        // $400 million in 2019 and $420 million in 2020" leaves the base unclear.
        let named = s
            .claims
            .iter()
            .find_map(|&(claim, first, _)| Some((claim, indicator_before(doc, first, s.first)?)));
        let Some((level, indicator)) = named else { continue };
        let earlier = levels.entry(indicator).or_default();
        for (offset, &(claim, _, _)) in s.claims.iter().enumerate() {
            let like = claim.kind == level.kind && claim.unit == level.unit;
            if like && earlier.len() < MAX_LEVELS && !earlier.iter().any(|&e| claims[e].value == claim.value)
            {
                earlier.push(s.start + offset);
            }
        }
    }
}

/// The indicator a level is given for: "sales" in "sales were $400 million" or "sales of $400
/// million".
fn indicator_before(doc: &Document, first: usize, sentence_first: usize) -> Option<String> {
    let mut k = first.checked_sub(1)?;
    let mut linked = false;
    while k > sentence_first && doc.folded_word(k).is_some_and(|w| LINKS.contains(&w)) {
        k -= 1;
        linked = true;
    }
    let word = doc.folded_word(k)?;
    linked.then(|| singular(word).to_string())
}

fn check(
    rule: &Rule,
    doc: &Document,
    (old, old_frame): (&Claim, &Frame),
    (new, new_frame): (&Claim, &Frame),
    (percent, direction): (&Claim, Direction),
    out: &mut Vec<Finding>,
) {
    // Two periods named, and not the same; or none named at all.
    let periods = match (&old_frame.time, &new_frame.time) {
        (Some(old), Some(new)) => old != new,
        (None, None) => true,
        _ => false,
    };
    if old.kind != new.kind || old.unit != new.unit || !periods || approximate(old) || approximate(new) {
        return;
    }
    let (Some(old_value), Some(new_value), Some(stated)) = (old.value, new.value, percent.value) else {
        return;
    };
    if old_value <= 0.0 || new_value == old_value {
        return;
    }
    let actual = (new_value - old_value) / old_value * 100.0;
    let stated_signed = if direction == Direction::Up { stated } else { -stated };
    // The amounts are rounded too: allow for the rounding of both.
    let slack = (rounding(doc, new) / new_value.abs() + rounding(doc, old) / old_value.abs())
        * 100.0
        * (1.0 + actual.abs() / 100.0);
    let allowed = rule.spec.tolerance.unwrap_or(1.0)
        + rounding(doc, percent)
        + slack
        + if approximate(percent) { 2.5 } else { 0.0 };
    if (actual - stated_signed).abs() <= allowed {
        return;
    }
    let finding = rule.finding(
        percent.figure,
        &[
            ("stated", doc.slice(percent.figure)),
            ("actual", &format!("{:.1}%", actual.abs())),
            ("old", doc.slice(old.figure)),
            ("new", doc.slice(new.figure)),
        ],
        None,
    );
    let finding = Rule::with_related(finding, old.figure, "the earlier level".to_string());
    out.push(Rule::with_related(finding, new.figure, "the new level".to_string()));
}
