//! `list-total`: a list of counts and the total it is summed up as, in one sentence.
//!
//! "three schools, two clinics and a library — five buildings" or "five buildings: three
//! schools, two clinics and a library". The list is figures with their nouns ("two clinics")
//! and single things ("a library"), joined by commas and a final "and"; the total stands after
//! a dash or before a colon. A total after a dash counts only when it ends the sentence or says
//! it is a total ("in all"), so "three schools and two clinics — 900 pupils" is left alone.

use super::sentence::Scan;
use super::{SentenceClaims, number_span, sum_text, token_text};
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::{Claim, ClaimKind, Qualifier, TokenKind};

/// Words after a total that say it sums up what came before.
const IN_ALL: &[&[&str]] = &[&["in", "all"], &["in", "total"], &["altogether"], &["all", "told"]];

/// The most words a single thing in a list may take: "a new library".
const ITEM_WORDS: usize = 3;

/// One item of a list: its value and, when it is a figure, its claim.
struct Item<'a> {
    value: f64,
    claim: Option<&'a Claim>,
}

pub(super) fn run(scan: &Scan, s: &SentenceClaims, out: &mut Vec<Finding>) {
    for (k, &(total, total_first, total_end)) in s.claims.iter().enumerate() {
        if !is_counted(total) {
            continue;
        }
        // "… and a library — five buildings."
        if total_first > s.first && is_dash(scan, total_first - 1) && sums_up(scan, s, total_end) {
            let items = items_before(scan, s, k, total_first - 1);
            report(scan, total, &items, out);
        }
        // "five buildings: three schools, two clinics and a library."
        if total_end < s.end && matches!(token_text(scan.doc, total_end), ":" | "—" | "–") {
            let items = items_after(scan, s, k, total_end + 1);
            report(scan, total, &items, out);
        }
    }
}

fn is_counted(claim: &Claim) -> bool {
    claim.kind == ClaimKind::Count
        && claim.unit.is_none()
        && claim.qualifier == Qualifier::Exact
        && claim.subject.is_some()
        && claim.value.is_some_and(|v| v >= 1.0 && v.fract() == 0.0)
}

fn is_dash(scan: &Scan, k: usize) -> bool {
    matches!(token_text(scan.doc, k), "—" | "–")
}

/// Whether the total after a dash ends the sentence or is followed by "in all".
fn sums_up(scan: &Scan, s: &SentenceClaims, total_end: usize) -> bool {
    let ends = |k: usize| k >= s.end || matches!(token_text(scan.doc, k), "." | ";" | "!" | "—" | "–" | ")");
    ends(total_end)
        || IN_ALL.iter().any(|words| {
            scan.tokens_are(total_end, total_end + words.len(), words) && ends(total_end + words.len())
        })
}

/// The list that ends at token `to` (exclusive), read backwards from the total at claim `k`.
fn items_before<'a>(scan: &Scan, s: &SentenceClaims<'a>, k: usize, to: usize) -> Vec<Item<'a>> {
    let mut items = Vec::new();
    let mut end = to;
    let mut index = k;
    let mut joined_by_and = false;
    loop {
        // The claim that ends where the item ends, if any.
        let claim = index.checked_sub(1).map(|i| s.claims[i]).filter(|&(_, _, e)| e == end);
        let start = match claim {
            Some((claim, first, _)) if is_counted(claim) => {
                items.push(Item { value: claim.value.unwrap_or(0.0), claim: Some(claim) });
                index -= 1;
                first
            }
            Some(_) => break,
            None => match single_thing_before(scan, s, end) {
                Some(first) => {
                    items.push(Item { value: 1.0, claim: None });
                    first
                }
                None => break,
            },
        };
        // The separator before the item: ", and", "and" or ",".
        let mut at = start;
        if at > s.first && scan.word(at - 1).as_str() == "and" {
            joined_by_and |= items.len() == 1;
            at -= 1;
        }
        if at > s.first && token_text(scan.doc, at - 1) == "," {
            at -= 1;
        }
        if at == start {
            break;
        }
        end = at;
    }
    items.reverse();
    if joined_by_and && items.iter().filter(|i| i.claim.is_some()).count() >= 2 { items } else { Vec::new() }
}

/// "a library", "an old mill": up to three lower-case words after "a" or "an", ending at `end`.
fn single_thing_before(scan: &Scan, s: &SentenceClaims, end: usize) -> Option<usize> {
    let words = (1..=ITEM_WORDS + 1).take_while(|&n| end >= s.first + n).find(|&n| {
        let at = end - n;
        matches!(scan.word(at).as_str(), "a" | "an")
    })?;
    let first = end - words;
    let plain = (first + 1..end).all(|k| {
        scan.doc.token_kind(k) == Some(TokenKind::Word)
            && token_text(scan.doc, k).starts_with(char::is_lowercase)
    });
    (words >= 2 && plain).then_some(first)
}

/// The list that starts at token `from`, after the total at claim `k`, and runs to the end of
/// the sentence.
fn items_after<'a>(scan: &Scan, s: &SentenceClaims<'a>, k: usize, from: usize) -> Vec<Item<'a>> {
    let mut items = Vec::new();
    let mut at = from;
    let mut index = k + 1;
    let mut last_joined_by_and = false;
    loop {
        let claim = s.claims.get(index).filter(|&&(_, first, _)| first == at);
        let end = match claim {
            Some(&(claim, _, end)) if is_counted(claim) => {
                items.push(Item { value: claim.value.unwrap_or(0.0), claim: Some(claim) });
                index += 1;
                end
            }
            Some(_) => return Vec::new(),
            None => {
                if !matches!(scan.word(at).as_str(), "a" | "an") {
                    return Vec::new();
                }
                let words = (at + 1..(at + 1 + ITEM_WORDS).min(s.end))
                    .take_while(|&e| {
                        scan.doc.token_kind(e) == Some(TokenKind::Word) && scan.word(e).as_str() != "and"
                    })
                    .last();
                let Some(last_word) = words else { return Vec::new() };
                let end = last_word + 1;
                items.push(Item { value: 1.0, claim: None });
                end
            }
        };
        at = end;
        if at >= s.end || matches!(token_text(scan.doc, at), "." | ";" | "!") {
            break;
        }
        last_joined_by_and = false;
        if token_text(scan.doc, at) == "," {
            at += 1;
        }
        if scan.word(at).as_str() == "and" {
            at += 1;
            last_joined_by_and = true;
        }
        if at == end {
            return Vec::new();
        }
    }
    if last_joined_by_and && items.iter().filter(|i| i.claim.is_some()).count() >= 2 {
        items
    } else {
        Vec::new()
    }
}

fn report(scan: &Scan, total: &Claim, items: &[Item], out: &mut Vec<Finding>) {
    let Some(whole) = total.value else { return };
    if items.len() < 2 {
        return;
    }
    let values: Vec<f64> = items.iter().map(|i| i.value).collect();
    if values.iter().sum::<f64>() == whole {
        return;
    }
    let finding = scan.rule.finding(
        number_span(scan.doc, total),
        &[("sum", &sum_text(&values)), ("total", scan.doc.slice(total.span))],
        None,
    );
    let related = items.iter().filter_map(|i| i.claim);
    out.push(related.fold(finding, |f, c| Rule::with_related(f, c.figure, "a part".to_string())));
}
