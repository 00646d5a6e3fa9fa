//! The words that bound a figure, read around it: a sign ("minus", "-10"), a qualifier before
//! ("more than", "nearly", ">") or after ("or more", "and over").

use super::*;

/// The token making the figure at `first` negative: "minus five", "negative ten", "-10C",
/// "<-30". Not "tested negative" nor a hyphen joining words ("F-16").
pub(super) fn negative_sign(s: &Window, first: usize) -> Option<usize> {
    let doc = s.doc;
    if first == 0 || first <= s.first {
        return None;
    }
    let before = first - 1;
    if s.is(before, "minus") {
        return Some(before);
    }
    if s.is(before, "negative") {
        let tested = before > s.first
            && s.word(before - 1)
                .is_some_and(|w| matches!(w.as_str(), "tested" | "test" | "tests" | "proved"));
        return (!tested).then_some(before);
    }
    let mark = doc.token_text(before);
    let opens = before == s.first
        || !doc.adjacent(before - 1)
        || matches!(doc.token_text(before - 1), "<" | ">" | "=" | "≤" | "≥" | "(");
    (matches!(mark, "-" | "−") && doc.adjacent(before) && opens).then_some(before)
}

/// The longest qualifier phrase ending just before token `first`; before an ordinal, "the" may
/// follow a comparison ("higher than the tenth", "between the tenth and the fifteenth", but not
/// "about the first quarter").
pub(super) fn qualifier_before(s: &Window, first: usize, form: Form) -> (Qualifier, Option<usize>) {
    let compared_ordinal = form == Form::Ordinal
        && first > s.first + 1
        && s.is(first - 1, "the")
        && (s.is(first - 2, "than") || s.is(first - 2, "between"));
    let first = if compared_ordinal { first - 1 } else { first };
    if first <= s.first {
        return (Qualifier::Exact, None);
    }
    let Some(last) = s.word(first - 1) else {
        return symbol_qualifier(s, first).map_or((Qualifier::Exact, None), |(q, at)| (q, Some(at)));
    };
    let last = last.as_str();
    let mut best: Option<(usize, Qualifier)> = None;
    for (words, qualifier) in qualifiers_ending_with(last) {
        let Some(start) = first.checked_sub(words.len()) else {
            continue;
        };
        if start < s.first || !s.phrase_at(start, words) {
            continue;
        }
        if best.is_none_or(|(b, _)| start < b) {
            best = Some((start, *qualifier));
        }
    }
    if let Some((start, qualifier)) = best {
        return (qualifier, Some(start));
    }
    if last == "between" || last == "from" {
        return (Qualifier::Range, Some(first - 1));
    }
    (Qualifier::Exact, None)
}

/// A comparison sign before figures in digits: ">10", "<-30", ">= 30", "≤ 5". Returns the
/// qualifier and where the sign starts. A lone sign must touch the figure, and angle brackets
/// around a ticker are not signs ("<LTLP>1ST QTR", "<MMM> 10").
pub(super) fn symbol_qualifier(s: &Window, first: usize) -> Option<(Qualifier, usize)> {
    let doc = s.doc;
    let before = first - 1;
    let digits = |k: usize| s.kind(k) == Some(TokenKind::Number);
    if !(digits(first) || s.text_is(first, "-") && digits(first + 1)) {
        return None;
    }
    if s.text_is(before, ">") && before >= s.first + 2 && s.text_is(before - 2, "<") {
        return None;
    }
    let mark = doc.token_text(before);
    if mark == "=" && before > s.first && doc.adjacent(before - 1) {
        return match doc.token_text(before - 1) {
            ">" => Some((Qualifier::AtLeast, before - 1)),
            "<" => Some((Qualifier::AtMost, before - 1)),
            _ => None,
        };
    }
    let qualifier = match mark {
        ">" => Qualifier::MoreThan,
        "<" => Qualifier::LessThan,
        "≥" => Qualifier::AtLeast,
        "≤" => Qualifier::AtMost,
        _ => return None,
    };
    (doc.adjacent(before) || matches!(mark, "≥" | "≤")).then_some((qualifier, before))
}

/// Verbs that bound a figure ("exceeded $3bn"), which before a year are just verbs.
pub(super) fn is_comparing_verb(w: &str) -> bool {
    w.starts_with("exceed") || w.starts_with("surpass")
}

/// Whether a range's two figures are the claim's bounds: with no qualifier, after "about" (the
/// range is what "about 40-50" allows), or when "between"/"from" starts the claim. "Up to 2-3
/// inches" keeps its qualifier.
pub(super) fn range_sets_bounds(s: &Window, qualifier: Qualifier, start: usize) -> bool {
    matches!(qualifier, Qualifier::Exact | Qualifier::About) || qualifier_is_range_marker(s, start)
}

/// Whether the claim starts with "between"/"from", which makes the pair a range even after a
/// qualifier such as "about".
pub(super) fn qualifier_is_range_marker(s: &Window, start: usize) -> bool {
    s.is(start, "between") || s.is(start, "from")
}

/// A qualifier after the figure: "30 or more", "65 and over", "50-plus". Not a second
/// comparison: "equal to 5000 or less than 6000".
pub(super) fn qualifier_after(s: &Window, at: usize) -> Option<(Qualifier, usize)> {
    // "50-plus", "30-odd" are written with a hyphen.
    let hyphen = s.text_is(at, "-") && s.doc.adjacent(at);
    let start = if hyphen { at + 1 } else { at };
    QUALIFIERS_AFTER.iter().find_map(|(words, qualifier)| {
        if hyphen != (words.len() == 1) || !s.phrase_at(start, words) {
            return None;
        }
        let end = start + words.len();
        let compared = s.is(end, "than") && s.kind(end + 1).is_some_and(|k| k != TokenKind::Punct);
        // "and more importantly"
        let adverb = s.word(end).is_some_and(|w| w.as_str().ends_with("ly"));
        (!compared && !adverb).then_some((*qualifier, end))
    })
}
