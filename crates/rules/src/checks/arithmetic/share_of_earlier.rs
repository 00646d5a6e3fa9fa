//! `percent-of-earlier`: a share of a base the story gave in an earlier sentence.
//!
//! "The council employs 480 staff. … 120 of them, or 30%, work nights" and "… 30% of its staff,
//! some 120 people": the part over the earlier base (480) against the percentage. The base is
//! found by what it counts: "of its staff" names the noun, and the base is the only count the
//! story gave before for that noun; "of them" and "of those" point back one sentence, whose one
//! count is the base. A sentence that gives a count of its own before the part ("it has 200
//! drivers, and 120 of them …") or narrows the group ("of those who replied") is left alone.

use super::sentence::Scan;
use super::{Story, approximate, number_span, rounding, show};
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::{Claim, ClaimKind, Definiteness, Frame, Place, Qualifier, Role, Unit, singular};
use rustc_hash::FxHashMap;

/// Distinct earlier bases kept per noun: with two the base is unclear, and more change nothing.
const MAX_BASES: usize = 2;

/// How far an approximate percentage or part ("about 30%", "some 120") may stray, in points.
const LOOSE: f64 = 2.5;

/// A part of an earlier base: the part's claim, the percentage, and what the base is named by.
struct Share<'a> {
    part: &'a Claim,
    percent: &'a Claim,
    base: BaseRef,
    /// The claim index of the part, for its frame.
    part_index: usize,
}

/// How a share names its base.
enum BaseRef {
    /// "of its staff": the noun, singular.
    Noun(String),
    /// "of them", "of those": the previous sentence's count.
    Previous,
}

pub(super) fn run(scan: &Scan, story: &Story, out: &mut Vec<Finding>) {
    let (doc, claims, frames) = (story.doc, story.claims, story.frames());
    let mut bases: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    // The sentence before and its candidate bases.
    let mut previous: Option<(usize, Vec<usize>)> = None;
    for s in story.sentences() {
        let sentence = doc.sentence_of(s.first);
        for (offset, window) in s.claims.windows(2).enumerate() {
            let Some(share) = share(scan, &s.claims[..offset], window, s.start + offset) else { continue };
            let base = match &share.base {
                BaseRef::Noun(noun) => match bases.get(noun.as_str()).map(Vec::as_slice) {
                    Some(&[one]) => one,
                    _ => continue,
                },
                BaseRef::Previous => match &previous {
                    Some((at, candidates)) if at + 1 == sentence => match candidates.as_slice() {
                        &[one] => one,
                        _ => continue,
                    },
                    _ => continue,
                },
            };
            check(scan, (&claims[base], &frames[base]), &share, &frames[share.part_index], out);
        }
        let here: Vec<usize> =
            (s.start..s.start + s.claims.len()).filter(|&i| is_base(&claims[i], &frames[i])).collect();
        for &i in &here {
            let Some(head) = frames[i].head.as_deref() else { continue };
            let earlier = bases.entry(head).or_default();
            if earlier.len() < MAX_BASES && !earlier.iter().any(|&e| claims[e].value == claims[i].value) {
                earlier.push(i);
            }
        }
        previous = Some((sentence, here));
    }
}

/// Whether a claim can be a base: a count of something, as a level or a total.
fn is_base(claim: &Claim, frame: &Frame) -> bool {
    claim.kind == ClaimKind::Count
        && claim.unit.is_none()
        && claim.value.is_some_and(|v| v >= 2.0)
        && frame.head.is_some()
        && matches!(frame.role, Role::Level | Role::Total)
        && frame.definiteness != Definiteness::Additional
        && frame.place != Place::Headline
}

/// A share in two neighbouring claims: "120 of them, or 30%" or "30% of its staff, some 120
/// people". `before` are the sentence's claims before the window.
fn share<'a>(
    scan: &Scan,
    before: &[(&'a Claim, usize, usize)],
    window: &[(&'a Claim, usize, usize)],
    index: usize,
) -> Option<Share<'a>> {
    let &[(a, _, a_end), (b, b_first, _)] = window else { return None };
    // "120 of them, or 30%".
    if is_part(a) && is_percent(b) {
        // The part's span may take in its noun: "120 of the staff".
        let (base, noun_end) = base_after_of(scan, scan.doc.token_at(a.figure.end))?;
        if noun_end < a_end {
            return None;
        }
        let own_count = before.iter().any(|(c, _, _)| c.kind == ClaimKind::Count && c.unit.is_none());
        if matches!(base, BaseRef::Previous) && own_count {
            return None;
        }
        let restated =
            scan.tokens_are(noun_end, b_first, &[",", "or"]) || scan.tokens_are(noun_end, b_first, &["("]);
        return restated.then_some(Share { part: a, percent: b, base, part_index: index });
    }
    // "30% of its staff, some 120 people".
    if is_percent(a) && is_part(b) {
        let of = scan.doc.token_at(a.figure.end);
        if !scan.doc.is_word(of, "of") || a_end != noun_end_after(scan, of)? {
            return None;
        }
        let (base, _) = base_after_of(scan, of)?;
        let restated =
            scan.tokens_are(a_end, b_first, &[","]) || scan.tokens_are(a_end, b_first, &[",", "or"]);
        let whom = scan.doc.is_word(scan.doc.token_at(b.span.end), "of");
        return (restated && !whom && matches!(base, BaseRef::Noun(_))).then_some(Share {
            part: b,
            percent: a,
            base,
            part_index: index + 1,
        });
    }
    None
}

/// The base named at token `k` ("of them", "of its staff") and the token after it.
fn base_after_of(scan: &Scan, k: usize) -> Option<(BaseRef, usize)> {
    if !scan.doc.is_word(k, "of") {
        return None;
    }
    let next = scan.doc.folded_word(k + 1)?;
    if matches!(next, "them" | "those") {
        return Some((BaseRef::Previous, k + 2));
    }
    let end = noun_end_after(scan, k)?;
    let noun = scan.doc.folded_word(end - 1)?;
    Some((BaseRef::Noun(singular(noun)), end))
}

/// "of the staff", "of its staff", "of staff": the token after the noun.
fn noun_end_after(scan: &Scan, of: usize) -> Option<usize> {
    let determiner = scan.doc.folded_word(of + 1).is_some_and(|w| matches!(w, "the" | "its" | "their"));
    let noun = of + 1 + usize::from(determiner);
    scan.doc.folded_word(noun)?;
    Some(noun + 1)
}

fn is_part(claim: &Claim) -> bool {
    claim.kind == ClaimKind::Count
        && claim.unit.is_none()
        && matches!(claim.qualifier, Qualifier::Exact | Qualifier::About)
        && claim.value.is_some_and(|v| v >= 1.0)
}

fn is_percent(claim: &Claim) -> bool {
    claim.kind == ClaimKind::Percent
        && claim.unit == Some(Unit::PERCENT)
        && matches!(claim.qualifier, Qualifier::Exact | Qualifier::About)
        && claim.value.is_some()
}

fn check(
    scan: &Scan,
    (base, base_frame): (&Claim, &Frame),
    share: &Share,
    part_frame: &Frame,
    out: &mut Vec<Finding>,
) {
    let doc = scan.doc;
    let other_time = base_frame.time.is_some() && base_frame.time != part_frame.time;
    let other_agent = matches!((&base_frame.agent, &part_frame.agent), (Some(a), Some(b)) if a != b);
    if base.qualifier != Qualifier::Exact || other_time || other_agent {
        return;
    }
    let (Some(whole), Some(part), Some(stated)) = (base.value, share.part.value, share.percent.value) else {
        return;
    };
    if part > whole {
        return;
    }
    let actual = part / whole * 100.0;
    let loose = |c: &Claim| if approximate(c) { LOOSE } else { 0.0 };
    let allowed = scan.tolerance.unwrap_or(0.0)
        + rounding(doc, share.percent)
        + loose(share.percent)
        + loose(share.part);
    if (actual - stated).abs() <= allowed + 1e-9 {
        return;
    }
    let actual_text = show(actual, super::decimals(doc, share.percent));
    let finding = scan.rule.finding(
        number_span(doc, share.percent),
        &[
            ("part", doc.slice(share.part.figure)),
            ("whole", doc.slice(base.span)),
            ("actual", &format!("{actual_text}%")),
            ("stated", doc.slice(share.percent.figure)),
        ],
        None,
    );
    let finding = Rule::with_related(finding, base.figure, "the earlier base".to_string());
    out.push(Rule::with_related(finding, share.part.figure, "the part".to_string()));
}
