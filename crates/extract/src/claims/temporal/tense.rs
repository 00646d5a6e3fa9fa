//! Whether a clause looks back or ahead: the nearest tense marker before a time decides, else one
//! a few words after it ("Tuesday's vote will decide").

use super::{Tense, folded};
use crate::claims::word_lists;
use crate::text::token::TokenKind;
use crate::text::window::Window;

/// The tense of the clause around token `at`: the nearest marker before it decides; reporting
/// verbs ("said") do not count, since they frame rather than time the event.
pub(super) fn tense(w: &Window, at: usize) -> Tense {
    let mut k = at;
    while k > w.first {
        k -= 1;
        if let Some(tense) = marker_at(w, k, true) {
            // A participle after "be" is passive, not past: "is due to be held", "will be
            // signed". The words before it decide.
            if tense == Tense::Past && is_passive_participle(w, k) {
                continue;
            }
            return tense;
        }
    }
    // "Tuesday's vote will decide": look a few words ahead, within the sentence.
    (at + 1..(at + 6).min(w.end))
        .take_while(|&k| !matches!(w.text(k), "." | "!" | "?" | ";"))
        .find_map(|k| marker_at(w, k, false))
        .unwrap_or(Tense::Unknown)
}

/// The tense word `k` marks, if any; "to meet" marks the future only before the time
/// (`before`).
fn marker_at(w: &Window, k: usize, before: bool) -> Option<Tense> {
    if w.kind(k) != Some(TokenKind::Word) {
        return None;
    }
    let text = w.text(k);
    // "they'll", "we’ll"
    if text.ends_with("'ll") || text.ends_with("’ll") {
        return Some(Tense::Future);
    }
    let word = folded(w, k)?;
    let word = word.as_str();
    let to_verb = before && word == "to" && folded(w, k + 1).is_some_and(|n| is_future_verb(n.as_str()));
    if word_lists::is_future_marker(word) || to_verb {
        return Some(Tense::Future);
    }
    is_past_marker(word).then_some(Tense::Past)
}

/// Whether word `k` is a participle after a form of "be" ("be held", "been signed").
fn is_passive_participle(w: &Window, k: usize) -> bool {
    let auxiliary = |i: usize| folded(w, i).is_some_and(|a| matches!(a.as_str(), "be" | "been" | "being"));
    let word = folded(w, k);
    let finite = word.as_ref().is_some_and(|x| matches!(x.as_str(), "was" | "were" | "had" | "did"));
    !finite && k > w.first && (auxiliary(k - 1) || (k > w.first + 1 && auxiliary(k - 2)))
}

fn is_past_marker(w: &str) -> bool {
    // Reporting verbs frame the sentence; they do not time the event.
    if word_lists::is_reporting_verb(w) {
        return false;
    }
    word_lists::is_past_word(w) || (w.ends_with("ed") && w.len() > 4 && !word_lists::is_planned_participle(w))
}

fn is_future_verb(w: &str) -> bool {
    matches!(
        w,
        "meet" | "vote" | "hold" | "visit" | "decide" | "announce" | "begin" | "start" | "travel" | "sign"
    )
}
