//! `unit-price` and `per-head`: a price or a share per head against the total it makes.
//!
//! - `unit-price`: "2,000 tickets at $15 each, raising $40,000" and "400 families will get
//!   $4,000 each, a total of $1.2 million": the count times the price each against the total.
//! - `per-head`: "$1.2 million shared among 400 families, or $4,000 each" and "an average of
//!   $4,000": the total over the count against the share each.
//!
//! The figure each must say it is one each ("each", "apiece", "a share", "per head"), and the
//! total must say it is one ("raising", "a total of", "worth"); net sums (after fees) are left
//! alone.

use super::sentence::Scan;
use super::{SentenceClaims, WordList, format_figure, rounding, token_text, word_list};
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::{Claim, ClaimKind, Qualifier, TokenKind};
use std::sync::LazyLock;

/// Words right before a total: "raising $40,000", "a total of $1.2 million", "worth $30,000".
static TOTAL_BEFORE: LazyLock<WordList> =
    LazyLock::new(|| word_list(include_str!("../../../data/total_before.txt")));

/// Words that make a sum something other than count times price.
static NOT_GROSS: LazyLock<WordList> =
    LazyLock::new(|| word_list(include_str!("../../../data/net_sum_words.txt")));

/// The most tokens between a count and its price "at": "2.55 mln common shares from the family
/// yesterday at 30 dlrs a share".
const MAX_GAP: usize = 12;

/// How far the total may be off before it is reported, relative to it, beyond the rounding of
/// the figures as written.
const SLACK: f64 = 0.01;

pub(super) fn unit_price(scan: &Scan, s: &SentenceClaims, out: &mut Vec<Finding>) {
    for (k, &(p, p_first, p_end)) in s.claims.iter().enumerate() {
        if !is_money(p) || !each_after(scan, p_end) {
            continue;
        }
        // The count: the nearest figure before the price that is not a time ("on May 28 and 29").
        let count = (0..k).rev().find(|&j| !s.claims[j].0.kind.is_temporal() && !date_tail(scan, s, j));
        let Some(&(n, n_first, n_end)) = count.map(|j| &s.claims[j]) else { continue };
        // "2,000 tickets at $15 each", "400 families will get $4,000 each": a count of its own
        // (not "of the 3.06 million shares"), the price "at" it or a few lower-case words on.
        let own = n_first == 0 || !matches!(scan.word(n_first - 1).as_str(), "the" | "of");
        let lower_case = |k: usize| {
            scan.doc.token_kind(k) == Some(TokenKind::Word)
                && token_text(scan.doc, k).starts_with(char::is_lowercase)
        };
        let at = p_first > n_end && scan.word(p_first - 1).as_str() == "at" && p_first - n_end <= MAX_GAP;
        let near = p_first - n_end <= 4 && (n_end..p_first).all(lower_case);
        if !is_count(n) || !own || !(at || near) {
            continue;
        }
        // The total: the next sum of money, said to be one ("…, raising $40,000"), and the only
        // other sum in the sentence ("30 million of bonds and 2.7 million shares at $11 each, for a
        // total of $59.7 million" sums more than the shares).
        let sums = s.claims.iter().filter(|(c, _, _)| c.kind == ClaimKind::Money).count();
        let Some(&(t, t_first, _)) = s.claims[k + 1..].iter().find(|(c, _, _)| c.kind == ClaimKind::Money)
        else {
            continue;
        };
        if sums != 2 || !is_money(t) || p.unit != t.unit || !total_before(scan, t_first) {
            continue;
        }
        let (Some(count), Some(price), Some(stated)) = (n.value, p.value, t.value) else { continue };
        let actual = count * price;
        let allowed = rounding(scan.doc, t) + rounding(scan.doc, p) * count + stated.abs() * SLACK;
        if (actual - stated).abs() > allowed && !not_gross(scan, s) {
            let (doc, actual) = (scan.doc, money(scan, t, actual));
            let sum = format!("{} × {} = {actual}", doc.slice(n.figure), doc.slice(p.figure));
            report(scan, t, &sum, &[n, p], out);
        }
    }
}

/// Whether claim `j` ends a date: "29" in "on May 28 and 29".
fn date_tail(scan: &Scan, s: &SentenceClaims, j: usize) -> bool {
    j > 0 && s.claims[j - 1].0.kind == ClaimKind::Date && {
        let (_, _, date_end) = s.claims[j - 1];
        let (_, first, _) = s.claims[j];
        first == date_end + 1 && matches!(token_text(scan.doc, date_end), "and" | "-" | "to" | "–")
    }
}

pub(super) fn per_head(scan: &Scan, s: &SentenceClaims, out: &mut Vec<Finding>) {
    for window in s.claims.windows(3) {
        let [(t, _, _), (n, n_first, n_end), (p, p_first, p_end)] = window else { continue };
        if !is_money(t) || !is_count(n) || !is_money(p) || p.unit != t.unit {
            continue;
        }
        // "$1.2 million … among 400 families, or $4,000 each".
        let shared =
            *n_first > 0 && matches!(scan.word(n_first - 1).as_str(), "among" | "between" | "across");
        let average = *p_first >= 2 && scan.tokens_are(p_first - 2, *p_first, &["average", "of"]);
        if !shared
            || !(scan.or_between(*n_end, *p_first) || average)
            || !(average || each_after(scan, *p_end))
        {
            continue;
        }
        let (Some(total), Some(count), Some(stated)) = (t.value, n.value, p.value) else { continue };
        let actual = total / count;
        let allowed = rounding(scan.doc, p) + rounding(scan.doc, t) / count + stated.abs() * SLACK;
        if (actual - stated).abs() > allowed && !not_gross(scan, s) {
            let (doc, actual) = (scan.doc, money(scan, p, actual));
            let sum = format!("{} ÷ {} = {actual}", doc.slice(t.figure), doc.slice(n.figure));
            report(scan, p, &sum, &[t, n], out);
        }
    }
}

fn is_count(claim: &Claim) -> bool {
    claim.kind == ClaimKind::Count
        && claim.unit.is_none()
        && claim.qualifier == Qualifier::Exact
        && claim.value.is_some_and(|v| v >= 2.0)
}

fn is_money(claim: &Claim) -> bool {
    claim.kind == ClaimKind::Money
        && claim.qualifier == Qualifier::Exact
        && claim.value.is_some_and(|v| v > 0.0)
}

/// "each", "apiece", "a share", "per ticket", "a head" right after the price.
fn each_after(scan: &Scan, k: usize) -> bool {
    match scan.word(k).as_str() {
        "each" | "apiece" => true,
        "a" | "per" => {
            scan.doc.token_kind(k + 1).is_some()
                && !matches!(scan.word(k + 1).as_str(), "year" | "month" | "week" | "day" | "hour" | "night")
        }
        _ => false,
    }
}

/// "raising", "a total of", "worth", ", or" right before the total.
fn total_before(scan: &Scan, k: usize) -> bool {
    k > 0 && {
        let word = scan.word(k - 1);
        let word = word.as_str();
        TOTAL_BEFORE.contains(word)
            && (word != "of" || (k >= 2 && scan.word(k - 2).as_str() == "total"))
            && (word != "or" || (k >= 2 && token_text(scan.doc, k - 2) == ","))
    }
}

/// Whether the sentence speaks of a net sum ("after fees"). Asked only of a sum that is off, so
/// most sentences are never read for it.
fn not_gross(scan: &Scan, s: &SentenceClaims) -> bool {
    (s.first..s.end).any(|k| scan.doc.folded_word(k).is_some_and(|w| NOT_GROSS.contains(w)))
}

/// A sum of money written like `like`: "$30,000" after "$40,000", "30 million USD" after "40 mln
/// dlrs".
fn money(scan: &Scan, like: &Claim, value: f64) -> String {
    let figure = scan.doc.slice(like.figure);
    let symbol: String = figure.chars().take_while(|c| !c.is_ascii_digit() && !c.is_whitespace()).collect();
    match like.unit {
        Some(unit) if symbol.is_empty() => format!("{} {unit}", format_figure(value)),
        _ => format!("{symbol}{}", format_figure(value)),
    }
}

fn report(scan: &Scan, stated: &Claim, sum: &str, related: &[&Claim], out: &mut Vec<Finding>) {
    let finding =
        scan.rule.finding(stated.figure, &[("sum", sum), ("stated", scan.doc.slice(stated.figure))], None);
    out.push(
        related
            .iter()
            .fold(finding, |f, c| Rule::with_related(f, c.figure, "a figure it is made of".to_string())),
    );
}
