//! `tense`: "will meet on June 3" in a story dated June 9, or "met on" a date still ahead.
//!
//! The tense is read strictly, since the rule accuses the copy of an error: the future of "will",
//! "is to be held", "is scheduled to", "is due to", "is set to"; the simple past of "was held" or
//! "approved the budget". Reported speech ("said the vote would be held"), conditionals, plans
//! that were ("was due to"), the start of a span ("will run from Feb. 20") and the perfect say
//! nothing about when.

use super::{days_from, long_date};
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::jiff::civil::{Date, Weekday};
use factlint_extract::{Claim, ClaimKind, Document, Lower};

/// The tense of the clause a date stands in, from the nearest auxiliary or simple past verb
/// before it: `Some(true)` for the future, `Some(false)` for the past, `None` when unsure. Stricter
/// than the extractor's tense, since this one accuses the copy of an error: it stops at a clause
/// boundary and ignores words that are also participles ("stock held on March 23", "the quarter
/// ended Jan. 31") and the future in the past ("was expected by March 31").
pub(super) fn stated_tense(doc: &Document, claim: &Claim) -> Option<bool> {
    let at = doc.token_at(claim.span.start);
    let sentence = doc.sentences()[doc.sentence_of(at)];
    let first = (sentence.first_token as usize).max(at.saturating_sub(10));
    let word = |k: usize| Lower::new(doc.token_text(k));
    for k in (first..at).rev() {
        let w = word(k);
        match w.as_str() {
            "," | ";" | "(" | "and" | "but" | "or" | "while" | "which" | "who" | "that" | "between"
            | "ended" | "ending" | "ends" | "beginning" | "since" | "until" | "through" | "from" => {
                return None;
            }
            "will" | "shall" => return Some(true),
            // "the year to March 31", "postponed to June 3": the end of a span or a new date,
            // not when the clause happens.
            "to" if k + 1 == at => return None,
            "to" => {
                // "is scheduled to", but not "had been scheduled to" or "were scheduled to"; any
                // other "to" ("sent to parents") says nothing and the search goes on.
                let before = if k > first { word(k - 1) } else { return None };
                let planned = matches!(
                    before.as_str(),
                    "scheduled"
                        | "due"
                        | "set"
                        | "expected"
                        | "expects"
                        | "expect"
                        | "plans"
                        | "plan"
                        | "planned"
                        | "intends"
                        | "intend"
                        | "aims"
                        | "aim"
                        | "going"
                        | "is"
                        | "are"
                );
                if planned {
                    let earlier = (k.saturating_sub(4).max(first)..k - 1)
                        .any(|j| matches!(word(j).as_str(), "had" | "was" | "were" | "been"));
                    return (!earlier).then_some(true);
                }
            }
            // "The date was April 15": the copula states the date rather than timing an event.
            "was" | "were" if k + 1 == at => return None,
            "was" | "were" => {
                // "was expected by", "were later scheduled for": the future in the past.
                let future_in_past = (k + 1..(k + 3).min(at)).any(|j| {
                    matches!(
                        word(j).as_str(),
                        "expected" | "scheduled" | "due" | "set" | "planned" | "supposed" | "going" | "to"
                    )
                });
                return (!future_in_past).then_some(false);
            }
            _ if is_verb_with_object(&word, k, first, at) => return Some(false),
            "did" | "met" | "began" | "took" | "went" | "came" | "gave" | "fell" | "rose" | "happened"
            | "occurred" => {
                // "was to have met": the perfect leaves the time open.
                let perfect =
                    k > first && matches!(word(k - 1).as_str(), "have" | "has" | "had" | "having" | "been");
                return (!perfect).then_some(false);
            }
            _ => {}
        }
    }
    None
}

pub(super) fn tense(rule: &Rule, doc: &Document, claim: &Claim) -> Option<Finding> {
    // A deadline that has passed is `deadline-passed`'s to report.
    if claim.kind == ClaimKind::Deadline {
        return None;
    }
    let reference = doc.reference_date()?;
    // A date used as a modifier ("a January 30 offer", "the April 23 polls") names something
    // rather than timing the verb.
    let at = doc.token_at(claim.figure.start);
    if at > 0
        && matches!(
            Lower::new(doc.token_text(at - 1)).as_str(),
            "a" | "an" | "the" | "its" | "their" | "his" | "her"
        )
    {
        return None;
    }
    let written = claim.written()?;
    // Only dates written out: a weekday alone was resolved by the tense itself.
    let (month, day) = (written.month?, written.day?);
    let future = stated_tense(doc, claim)?;
    let date = match written.year {
        Some(year) => Date::new(year, month, day).ok()?,
        None => yearless(reference, month, day, written.weekday, future)?,
    };
    let contradicts = if future { date < reference } else { date > reference };
    if !contradicts {
        return None;
    }
    let (when, wants) =
        if future { ("already past", "the past tense") } else { ("still ahead", "the future tense") };
    Some(rule.finding(
        claim.figure,
        &[("date", &long_date(date)), ("reference", &long_date(reference)), ("when", when), ("wants", wants)],
        None,
    ))
}

/// Whether word `k` is a simple past in -ed with its subject before it and a short object after
/// it, the date following with "on": "the board approved the budget on Sept. 29". A longer object,
/// or one with another preposition or verb in it, may own the date ("extended its offer to
/// April 30", "declared a dividend payable on April 21"); without an object the word may be a
/// participle ("stock held on March 23"), and after an auxiliary it is a perfect or a passive
/// ("had approved", "was approved"): none of those says when.
fn is_verb_with_object<'a>(word: &impl Fn(usize) -> Lower<'a>, k: usize, first: usize, at: usize) -> bool {
    const LONGEST_OBJECT: usize = 4;
    if k <= first || k + 2 >= at || at - k - 2 > LONGEST_OBJECT || word(at - 1).as_str() != "on" {
        return false;
    }
    let verb = word(k);
    let verb = verb.as_str();
    if verb.len() <= 4
        || !verb.ends_with("ed")
        || matches!(verb, "scheduled" | "planned" | "expected" | "proposed")
    {
        return false;
    }
    let subject_ends = !matches!(
        word(k - 1).as_str(),
        "be" | "been"
            | "being"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "having"
            | "get"
            | "got"
            | "the"
            | "a"
            | "an"
            | "to"
            | ","
            | "("
            | "—"
    );
    let object_starts =
        matches!(word(k + 1).as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this");
    let plain_object = (k + 2..at - 1).all(|j| {
        let w = word(j);
        let w = w.as_str();
        w.chars().all(char::is_alphabetic)
            && !w.ends_with("ed")
            && !w.ends_with("ing")
            && !w.ends_with("able")
            && !matches!(w, "for" | "to" | "from" | "of" | "until" | "by" | "in" | "at" | "with")
    });
    subject_ends && object_starts && plain_object
}

/// The date a yearless "June 3" means, when that is certain enough to accuse the tense: the
/// occurrence nearest the story's date, confirmed by a written weekday; without one, only when
/// the other reading is implausible: a past date up to two months back under a future verb
/// ("will meet on Sept. 3" a week after it; next year's would be far off), or a date up to a
/// month ahead under a past verb. Further ahead, "began April 30" may well mean last year's.
pub(super) fn yearless(
    reference: Date,
    month: i8,
    day: i8,
    weekday: Option<Weekday>,
    future: bool,
) -> Option<Date> {
    let nearest = [reference.year() - 1, reference.year(), reference.year() + 1]
        .into_iter()
        .filter_map(|year| Date::new(year, month, day).ok())
        .min_by_key(|date| (*date - reference).get_days().abs())?;
    match weekday {
        Some(weekday) => (nearest.weekday() == weekday).then_some(nearest),
        None => {
            let days_after = days_from(reference, nearest);
            let recent = if future {
                (-RECENT_PAST..=-1).contains(&days_after)
            } else {
                (1..=NEAR_FUTURE).contains(&days_after)
            };
            recent.then_some(nearest)
        }
    }
}

/// How far back a yearless date may lie and still be this year's under a future verb.
pub(super) const RECENT_PAST: i32 = 60;

/// How far ahead a yearless date may lie and still be this year's under a past verb.
const NEAR_FUTURE: i32 = 30;
