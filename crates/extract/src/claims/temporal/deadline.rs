//! Deadlines: "by early February", "before July 1", "no later than Friday", "by the end of
//! March", "by 2030", "by Christmas", "has until May 30". A deadline looks ahead unless the copy
//! says otherwise.

use super::resolve::{self, Part};
use super::{Context, Found, Tense, Written, folded, found_from, year_at};
use crate::claims::claim::{Claim, ClaimKind, Qualifier};
use crate::text::lexicon::ends_subject;
use crate::text::token::TokenKind;
use crate::text::window::Window;

pub(super) fn deadline_at(w: &Window, i: usize, cx: &Context) -> Option<Found> {
    let (qualifier, after) = if w.is(i, "by") {
        (Qualifier::AtMost, i + 1)
    } else if w.is(i, "before") {
        (Qualifier::LessThan, i + 1)
    } else if w.phrase_at(i, &["no", "later", "than"]) || w.phrase_at(i, &["not", "later", "than"]) {
        (Qualifier::AtMost, i + 3)
    } else if w.is(i, "until") && i > w.first && is_given_time(w, i - 1) {
        // "Bidders have until May 30": the time left to act, not how long something lasts.
        (Qualifier::AtMost, i + 1)
    } else {
        return None;
    };
    let (part, k) = part_at(w, after);
    let ahead = Context { lean: Tense::Future, ..*cx };
    let mut found = target_at(w, after, k, part, &ahead)?;
    found.first = i;
    found.claim.kind = ClaimKind::Deadline;
    found.claim.qualifier = qualifier;
    found.claim.span = w.span(i, found.end);
    found.claim.date_parts_mut().tense = Some(super::tense::tense(w, i));
    Some(found)
}

/// Whether the word at `k` gives time to act: "has until", "had until", "were given until".
fn is_given_time(w: &Window, k: usize) -> bool {
    folded(w, k)
        .is_some_and(|word| matches!(word.as_str(), "has" | "have" | "had" | "given" | "gives" | "give"))
}

/// A part-of-period modifier at `k` ("the end of", "early", "mid-") and the token after it,
/// past stray quotes or a stop inside the phrase ("by early”. February"), which the punctuation
/// rules report.
fn part_at(w: &Window, k: usize) -> (Part, usize) {
    let mut part = Part::Whole;
    let mut k = k;
    for (words, modifier) in [
        (&["the", "end", "of"][..], Part::End),
        (&["the", "middle", "of"], Part::Middle),
        (&["the", "beginning", "of"], Part::Early),
        (&["the", "start", "of"], Part::Early),
        (&["end", "of"], Part::End),
    ] {
        if w.phrase_at(k, words) {
            return (modifier, k + words.len());
        }
    }
    if w.is(k, "early") {
        part = Part::Early;
        k += 1;
    } else if w.is(k, "late") {
        part = Part::Late;
        k += 1;
    } else if w.is(k, "mid") {
        part = Part::Middle;
        k += if w.text_is(k + 1, "-") { 2 } else { 1 };
    }
    if part != Part::Whole {
        let mut skip = k;
        while skip < k + 3 && matches!(w.text(skip), "”" | "’" | "\"" | "." | ",") {
            skip += 1;
        }
        if skip > k && w.capitalised(skip) {
            k = skip;
        }
    }
    (part, k)
}

/// Whether the date describes a noun after it, making "by" an agent rather than a deadline:
/// "heartened by today's judgement", "delayed by the 11 September attacks".
fn attributive(w: &Window, found: &Found) -> bool {
    let last = found.end - 1;
    if folded(w, last).is_some_and(|word| word.possessive) {
        return true;
    }
    let day = found.claim.written().is_some_and(|written| written.day.is_some());
    day && w.is(found.first, "the")
        && w.kind(found.end) == Some(TokenKind::Word)
        && !w.capitalised(found.end)
        && folded(w, found.end).is_some_and(|next| !ends_subject(next.as_str()))
}

/// The date a deadline names at `k`, with the part-of-period modifier from `after` to `k`.
fn target_at(w: &Window, after: usize, k: usize, part: Part, cx: &Context) -> Option<Found> {
    if let Some(mut found) =
        found_from(w, k, cx).filter(|f| f.claim.kind == ClaimKind::Date && f.first >= after)
    {
        if attributive(w, &found) {
            return None;
        }
        // A month takes the modifier itself ("early February"); a period needs it applied.
        if found.first == k && part != Part::Whole {
            found.claim.date_parts_mut().date = found.claim.date().map(|date| resolve::part_of(date, part));
            found.first = after;
        }
        return Some(found);
    }
    // "by 2030", "by the end of 2025", "by mid-2026"
    let (year, end) = year_at(w, k)?;
    let mut claim = Claim::new(ClaimKind::Deadline, w.span(after, end));
    claim.figure = w.span(k, end);
    claim.date_parts_mut().date = resolve::year_part(year, part);
    claim.date_parts_mut().written = Some(Written { year: Some(year), ..Written::default() });
    Some(Found { first: after, end, claim })
}
