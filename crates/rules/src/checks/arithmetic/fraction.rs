//! `fraction`: a fraction word and a percentage given for one share.
//!
//! "One in four voters (40%)", "half of the 600 staff, or 48%", "45%, or nearly half": the
//! fraction ("half", "a third", "two in five") is a share like the percentage, so the two must
//! agree. A bare fraction word is itself a rounding, so the rule's tolerance (in percentage
//! points) allows for it, with the percentage's own rounding as written; "nearly half" wants a
//! percentage just under a half, "about a third" one within five points, "more than half" one
//! above it.

use super::sentence::Scan;
use super::{SentenceClaims, Story, approximate, format_figure, number_span, qualified, rounding};
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::{Claim, ClaimKind, Document, Frame, Place, Qualifier, Unit};
use rustc_hash::FxHashMap;

/// How far "nearly" and "about" let a fraction word stray, in percentage points.
const LOOSE: f64 = 5.0;

pub(super) fn run(scan: &Scan, s: &SentenceClaims, out: &mut Vec<Finding>) {
    let claims = &s.claims;
    for (k, &(a, _, a_end)) in claims.iter().enumerate() {
        // "half of the 600 staff, or 48%": the share's own whole may stand between.
        let skip_whole = is_fraction(a)
            && claims.get(k + 1).is_some_and(|&(w, w_first, _)| {
                w.kind == ClaimKind::Count
                    && w.unit.is_none()
                    && matches!(scan.word(w_first.saturating_sub(1)).as_str(), "the" | "of")
            });
        let next = if skip_whole { k + 2 } else { k + 1 };
        let Some(&(b, b_first, _)) = claims.get(next) else { continue };
        let from = if skip_whole { claims[k + 1].2 } else { a_end };
        if !scan.or_between(from, b_first) {
            continue;
        }
        let (fraction, percent) = match (is_fraction(a), is_percent(b), is_percent(a), is_fraction(b)) {
            (true, true, _, _) => (a, b),
            (_, _, true, true) => (b, a),
            _ => continue,
        };
        check(scan, fraction, percent, out);
    }
}

/// What a share is of, for the pass across sentences: its noun and the word after it.
type Key<'a> = (&'a str, &'a str);

/// The fractions and percentages a key has had so far.
#[derive(Default)]
struct Seen {
    fractions: Vec<usize>,
    percents: usize,
}

/// A fraction word and a percentage in different sentences for the same share.
pub(super) fn across(scan: &Scan, story: &Story, out: &mut Vec<Finding>) {
    let (doc, claims) = (story.doc, story.claims);
    // Only a story with both a fraction word and a percentage needs frames.
    if !claims.iter().any(is_fraction) || !claims.iter().any(is_percent) {
        return;
    }
    let frames = story.frames();
    let mut seen: FxHashMap<Key, Seen> = FxHashMap::default();
    for s in story.sentences() {
        let indices = s.start..s.start + s.claims.len();
        for i in indices.clone() {
            let (claim, frame) = (&claims[i], &frames[i]);
            if !is_percent(claim) {
                continue;
            }
            let Some(key) = key(doc, claim, frame) else { continue };
            let earlier = seen.entry(key).or_default();
            earlier.percents += 1;
            // The fractions are those of earlier sentences: this one's are added below.
            if let (&[fraction], 1) = (earlier.fractions.as_slice(), earlier.percents)
                && same_share(&frames[fraction], frame)
            {
                check(scan, &claims[fraction], claim, out);
            }
        }
        for i in indices {
            let (claim, frame) = (&claims[i], &frames[i]);
            let Some(key) = key(doc, claim, frame) else { continue };
            let entry = seen.entry(key).or_default();
            if is_fraction(claim) && entry.fractions.len() < 2 {
                entry.fractions.push(i);
            }
        }
    }
}

/// A share's noun and the word after it: ("staff", "voted") in "half of the staff voted".
fn key<'a>(doc: &'a Document, claim: &Claim, frame: &'a Frame) -> Option<Key<'a>> {
    if frame.restricted || frame.place == Place::Headline || !(is_fraction(claim) || is_percent(claim)) {
        return None;
    }
    let head = frame.head.as_deref()?;
    let next = doc.folded_word(doc.token_at(claim.span.end))?;
    Some((head, next))
}

fn same_share(fraction: &Frame, percent: &Frame) -> bool {
    let same = |a: &Option<String>, b: &Option<String>| a.is_none() || b.is_none() || a == b;
    fraction.time == percent.time
        && same(&fraction.agent, &percent.agent)
        && fraction.verb == percent.verb
        && fraction.modifiers == percent.modifiers
}

fn is_fraction(claim: &Claim) -> bool {
    claim.unit == Some(Unit::FRACTION) && claim.value.is_some_and(|v| v > 0.0 && v < 1.0)
}

fn is_percent(claim: &Claim) -> bool {
    claim.kind == ClaimKind::Percent && claim.unit == Some(Unit::PERCENT) && claim.value.is_some()
}

fn check(scan: &Scan, fraction: &Claim, percent: &Claim, out: &mut Vec<Finding>) {
    let (Some(share), Some(stated)) = (fraction.value, percent.value) else { return };
    let share = share * 100.0;
    let slack = rounding(scan.doc, percent) + if approximate(percent) { LOOSE } else { 0.0 } + 1e-9;
    let tolerance = scan.tolerance.unwrap_or(0.0);
    let (fits, actual) = match fraction.qualifier {
        Qualifier::Nearly => (
            stated <= share + slack && stated >= share - LOOSE - slack,
            format!("just under {}%", shown(share)),
        ),
        Qualifier::About | Qualifier::Vague => {
            ((stated - share).abs() <= LOOSE + slack, format!("about {}%", shown(share)))
        }
        Qualifier::AtLeast | Qualifier::MoreThan => {
            (stated >= share - slack, format!("more than {}%", shown(share)))
        }
        Qualifier::AtMost | Qualifier::LessThan | Qualifier::UpTo => {
            (stated <= share + slack, format!("less than {}%", shown(share)))
        }
        Qualifier::Exact | Qualifier::Range => {
            ((stated - share).abs() <= tolerance + slack, format!("{}%", shown(share)))
        }
    };
    if fits {
        return;
    }
    let finding = scan.rule.finding(
        number_span(scan.doc, percent),
        &[
            ("share", &qualified(fraction.qualifier, scan.doc.slice(fraction.figure))),
            ("actual", &actual),
            ("stated", scan.doc.slice(percent.figure)),
        ],
        None,
    );
    out.push(Rule::with_related(finding, fraction.figure, "the fraction".to_string()));
}

/// A share as the message writes it: 33.3, 50, 12.5.
fn shown(share: f64) -> String {
    format_figure((share * 10.0).round() / 10.0)
}
