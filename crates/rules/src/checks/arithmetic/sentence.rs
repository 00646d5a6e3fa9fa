//! The checks that read one sentence: every number they compare stands in it.

use super::{SentenceClaims, approximate, decimals, format_figure, rounding, show};
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::Lower;
use factlint_extract::units::convert;
use factlint_extract::{Claim, ClaimKind, Document, Qualifier, Span, Unit};

pub(super) struct Scan<'a> {
    pub(super) rule: &'a Rule,
    pub(super) doc: &'a Document,
    pub(super) tolerance: Option<f64>,
}

/// Change verbs, by direction.
fn direction_of(word: &str) -> Option<bool> {
    match word {
        "rose" | "risen" | "rise" | "rises" | "rising" | "increased" | "increase" | "increases" | "grew"
        | "grown" | "grow" | "grows" | "climbed" | "climb" | "jumped" | "gained" | "soared" | "surged"
        | "up" | "higher" | "expanded" | "swelled" | "doubled" | "tripled" => Some(true),
        "fell" | "fallen" | "fall" | "falls" | "falling" | "dropped" | "drop" | "declined" | "decline"
        | "decreased" | "decrease" | "slipped" | "slid" | "plunged" | "slumped" | "tumbled" | "down"
        | "lower" | "shrank" | "shrunk" | "eased" | "sank" | "dipped" | "cut" => Some(false),
        _ => None,
    }
}

impl Scan<'_> {
    pub(super) fn word(&self, i: usize) -> Lower<'_> {
        Lower::new(super::token_text(self.doc, i))
    }

    /// Whether the tokens `from..to` are exactly these words and marks (case-insensitive).
    pub(super) fn tokens_are(&self, from: usize, to: usize, expected: &[&str]) -> bool {
        to.checked_sub(from) == Some(expected.len())
            && expected.iter().enumerate().all(|(k, e)| self.word(from + k).as_str() == *e)
    }

    /// Whether the figure is written in digits: "one clear upside" is not a count to add up.
    fn in_digits(&self, claim: &Claim) -> bool {
        self.doc.slice(claim.figure).starts_with(|c: char| c.is_ascii_digit())
    }

    /// Words that make "up from six to five" a ranking, where a fall in number is a rise.
    fn is_ranking(&self, s: &SentenceClaims) -> bool {
        (s.first..s.end).any(|k| {
            matches!(
                self.word(k).as_str(),
                "chart"
                    | "charts"
                    | "place"
                    | "position"
                    | "spot"
                    | "rank"
                    | "ranked"
                    | "ranking"
                    | "rankings"
                    | "seed"
                    | "seeded"
                    | "table"
                    | "league"
                    | "no"
            )
        })
    }

    fn number_span(&self, claim: &Claim) -> Span {
        super::number_span(self.doc, claim)
    }

    /// "A of [the] B, or P%".
    pub(super) fn percent_of(&self, s: &SentenceClaims, out: &mut Vec<Finding>) {
        for window in s.claims.windows(3) {
            let [(a, _, a_end), (b, b_first, b_end), (p, p_first, _)] = window else { continue };
            if p.kind != ClaimKind::Percent
                || p.unit != Some(Unit::PERCENT)
                || b.kind != a.kind
                || a.kind != ClaimKind::Count
            {
                continue;
            }
            let of = self.tokens_are(*a_end, *b_first, &["of"])
                || self.tokens_are(*a_end, *b_first, &["of", "the"]);
            if !of || !self.or_between(*b_end, *p_first) {
                continue;
            }
            let (Some(part), Some(whole), Some(stated)) = (a.value, b.value, p.value) else { continue };
            if whole == 0.0 || a.qualifier != Qualifier::Exact || b.qualifier != Qualifier::Exact {
                continue;
            }
            let actual = part / whole * 100.0;
            let allowed = self.tolerance.unwrap_or(0.0)
                + rounding(self.doc, p)
                + if approximate(p) { 2.5 } else { 0.0 };
            if (actual - stated).abs() > allowed + 1e-9 {
                let places = decimals(self.doc, p);
                let actual_text = show(actual, places);
                out.push(self.rule.finding(
                    self.number_span(p),
                    &[
                        ("part", self.doc.slice(a.figure)),
                        ("whole", self.doc.slice(b.figure)),
                        ("actual", &format!("{actual_text}%")),
                        ("stated", self.doc.slice(p.figure)),
                    ],
                    Some(actual_text),
                ));
            }
        }
    }

    /// ", or" (with up to three words before it) or "(" between two claims.
    pub(super) fn or_between(&self, from: usize, to: usize) -> bool {
        (from..to.min(from + 6)).any(|k| {
            (self.word(k).as_str() == "," && self.tokens_are(k, to, &[",", "or"]))
                || self.tokens_are(k, to, &[",", "or", "about"])
                || self.tokens_are(k, to, &["("])
        }) && (from..to).all(|k| !matches!(self.doc.token_text(k), "." | ";" | "and"))
    }

    /// "P percent of B, or C".
    pub(super) fn product(&self, s: &SentenceClaims, out: &mut Vec<Finding>) {
        for window in s.claims.windows(3) {
            let [(p, _, p_end), (b, b_first, b_end), (c, c_first, _)] = window else { continue };
            if p.kind != ClaimKind::Percent
                || p.unit != Some(Unit::PERCENT)
                || b.kind != ClaimKind::Count
                || c.kind != ClaimKind::Count
            {
                continue;
            }
            if !(self.tokens_are(*p_end, *b_first, &["of"])
                || self.tokens_are(*p_end, *b_first, &["of", "the"]))
            {
                continue;
            }
            if !self.or_between(*b_end, *c_first) {
                continue;
            }
            let (Some(share), Some(whole), Some(stated)) = (p.value, b.value, c.value) else { continue };
            let actual = share / 100.0 * whole;
            let allowed = rounding(self.doc, c) + rounding(self.doc, p) / 100.0 * whole + stated.abs() * 0.01;
            if (actual - stated).abs() > allowed {
                out.push(self.rule.finding(
                    c.figure,
                    &[
                        ("share", self.doc.slice(p.figure)),
                        ("whole", self.doc.slice(b.figure)),
                        ("actual", &format_figure(actual)),
                        ("stated", self.doc.slice(c.figure)),
                    ],
                    None,
                ));
            }
        }
    }

    /// The change verb nearest before token `at` in the sentence, and its direction.
    fn change_before(&self, s: &SentenceClaims, at: usize) -> Option<(usize, bool)> {
        (s.first.max(at.saturating_sub(6))..at)
            .rev()
            .find_map(|k| direction_of(self.word(k).as_str()).map(|d| (k, d)))
    }

    /// "to X from Y" or "from Y to X" after a change verb: (new, old) with their claims.
    fn change_pair<'c>(&self, s: &SentenceClaims<'c>) -> Vec<(&'c Claim, &'c Claim, bool, usize)> {
        let mut pairs = Vec::new();
        for window in s.claims.windows(2) {
            let [(x, x_first, x_end), (y, y_first, _)] = window else { continue };
            if x.kind != y.kind
                || x.unit != y.unit
                || !matches!(
                    x.kind,
                    ClaimKind::Count | ClaimKind::Money | ClaimKind::Percent | ClaimKind::Measure
                )
            {
                continue;
            }
            let before = |k: usize, w: &str| k > s.first && self.word(k - 1).as_str() == w;
            let between = |w: &str| self.tokens_are(*x_end, *y_first, &[w]);
            let (new, old) = if before(*x_first, "to") && between("from") {
                (*x, *y)
            } else if before(*x_first, "from") && between("to") {
                (*y, *x)
            } else {
                continue;
            };
            let verb_at = x_first.saturating_sub(1);
            if let Some((_, up)) = self.change_before(s, verb_at) {
                pairs.push((new, old, up, *x_first));
            }
        }
        pairs
    }

    pub(super) fn direction(&self, s: &SentenceClaims, out: &mut Vec<Finding>) {
        let pairs = self.change_pair(s);
        // The sentence is read for ranking words only when it has a change to check.
        if pairs.is_empty() || self.is_ranking(s) {
            return;
        }
        for (new, old, up, _) in pairs {
            let (Some(new_value), Some(old_value)) = (new.value, old.value) else { continue };
            if new_value == old_value || (new_value > old_value) == up || approximate(new) || approximate(old)
            {
                continue;
            }
            let finding = self.rule.finding(
                new.figure,
                &[
                    ("direction", if up { "a rise" } else { "a fall" }),
                    ("new", self.doc.slice(new.figure)),
                    ("old", self.doc.slice(old.figure)),
                ],
                None,
            );
            out.push(Rule::with_related(finding, old.figure, "the earlier figure".to_string()));
        }
    }

    /// "rose 5% to X from Y": the percentage against the two amounts.
    pub(super) fn percent_change(&self, s: &SentenceClaims, out: &mut Vec<Finding>) {
        for (new, old, up, x_first) in self.change_pair(s) {
            if new.kind == ClaimKind::Percent {
                continue;
            }
            // The percentage stands between the verb and the pair: "rose 5% to".
            let Some(&(p, _, p_end)) =
                s.claims.iter().rev().find(|(c, _, end)| *end <= x_first && c.kind == ClaimKind::Percent)
            else {
                continue;
            };
            if p.unit != Some(Unit::PERCENT) || p_end + 1 != x_first {
                continue;
            }
            let (Some(new_value), Some(old_value), Some(stated)) = (new.value, old.value, p.value) else {
                continue;
            };
            if old_value == 0.0 || approximate(new) || approximate(old) {
                continue;
            }
            let actual = (new_value - old_value) / old_value * 100.0;
            let stated_signed = if up { stated } else { -stated };
            // The amounts are rounded too: allow for the rounding of both.
            let slack = (rounding(self.doc, new) / new_value.abs()
                + rounding(self.doc, old) / old_value.abs())
                * 100.0
                * (1.0 + actual.abs() / 100.0);
            let allowed = self.tolerance.unwrap_or(1.0)
                + rounding(self.doc, p)
                + slack
                + if approximate(p) { 2.5 } else { 0.0 };
            if (actual - stated_signed).abs() > allowed {
                out.push(self.rule.finding(
                    p.figure,
                    &[
                        ("stated", self.doc.slice(p.figure)),
                        ("actual", &format!("{:.1}%", actual.abs())),
                        ("old", self.doc.slice(old.figure)),
                        ("new", self.doc.slice(new.figure)),
                    ],
                    None,
                ));
            }
        }
    }

    /// Three or more shares in one sentence with no change words: one whole split up. Their sum
    /// may not pass 100%.
    pub(super) fn shares(&self, s: &SentenceClaims, out: &mut Vec<Finding>) {
        let shares: Vec<&Claim> = s
            .claims
            .iter()
            .filter(|(c, _, _)| c.kind == ClaimKind::Percent && c.unit == Some(Unit::PERCENT))
            .map(|(c, _, _)| *c)
            .collect();
        if shares.len() < 3 || shares.iter().any(|c| c.qualifier != Qualifier::Exact) {
            return;
        }
        // A share "of" something names its own whole; one in brackets restates another.
        let own_whole = s.claims.iter().any(|&(c, first, _)| {
            let after_figure = self.doc.token_at(c.figure.end);
            c.kind == ClaimKind::Percent
                && (self.doc.is_word(after_figure, "of")
                    || (first > s.first && self.doc.is_text(first - 1, "(")))
        });
        if own_whole {
            return;
        }
        // Shares of one whole: no words of change, comparison or price.
        for k in s.first..s.end {
            let w = self.word(k);
            let w = w.as_str();
            if direction_of(w).is_some()
                || matches!(
                    w,
                    "compared"
                        | "versus"
                        | "vs"
                        | "than"
                        | "respectively"
                        | "each"
                        | "per"
                        | "yield"
                        | "price"
                        | "priced"
                        | "coupon"
                        | "rate"
                        | "rates"
                        | "interest"
                        | "inflation"
                        | "growth"
                        | "stake"
                        | "owns"
                        | "holds"
                        | "margin"
                        | "against"
                )
            {
                return;
            }
        }
        let total: f64 = shares.iter().filter_map(|c| c.value).sum();
        let allowed = 100.0 + self.tolerance.unwrap_or(1.0);
        if total > allowed
            && let Some(last) = shares.last()
        {
            out.push(self.rule.finding(last.figure, &[("total", &format_figure(total))], None));
        }
    }

    /// "The 40 victims included 25 men and 20 women": parts past their total.
    pub(super) fn parts(&self, s: &SentenceClaims, out: &mut Vec<Finding>) {
        for (k, &(total, _, total_end)) in s.claims.iter().enumerate() {
            if total.kind != ClaimKind::Count
                || total.subject.is_none()
                || total.qualifier != Qualifier::Exact
                || !self.in_digits(total)
            {
                continue;
            }
            let introduces = (total_end..(total_end + 6).min(s.end)).any(|t| {
                matches!(
                    self.word(t).as_str(),
                    "included" | "including" | "includes" | "include" | ":" | "comprising"
                )
            });
            if !introduces {
                continue;
            }
            let parts: Vec<&Claim> = s.claims[k + 1..]
                .iter()
                .map(|(c, _, _)| *c)
                .take_while(|c| {
                    c.kind == ClaimKind::Count
                        && c.qualifier == Qualifier::Exact
                        && c.subject.is_some()
                        && self.in_digits(c)
                })
                .collect();
            if parts.len() < 2 {
                continue;
            }
            let (Some(whole), sum) = (total.value, parts.iter().filter_map(|c| c.value).sum::<f64>()) else {
                continue;
            };
            if sum > whole
                && let Some(last) = parts.last()
            {
                let finding = self.rule.finding(
                    last.figure,
                    &[("sum", &format_figure(sum)), ("total", self.doc.slice(total.span))],
                    None,
                );
                out.push(Rule::with_related(finding, total.figure, "the stated total".to_string()));
            }
        }
    }

    /// "12 miles (19 km)": the figure in brackets converted back.
    pub(super) fn conversion(&self, s: &SentenceClaims, out: &mut Vec<Finding>) {
        for window in s.claims.windows(2) {
            let [(a, _, a_end), (b, b_first, b_end)] = window else { continue };
            if a.kind != ClaimKind::Measure || b.kind != ClaimKind::Measure {
                continue;
            }
            let bracketed = self.tokens_are(*a_end, *b_first, &["("]) && self.doc.is_text(*b_end, ")");
            if !bracketed {
                continue;
            }
            let (Some(from), Some(to), Some(value), Some(stated)) = (a.unit, b.unit, a.value, b.value) else {
                continue;
            };
            let Some(converted) = convert(value, from, to) else { continue };
            // Both figures are rounded: allow for the rounding of each, and 3% for copy that
            // rounds conversions loosely.
            let from_rounding =
                convert(value + rounding(self.doc, a), from, to).map_or(0.0, |c| (c - converted).abs());
            let allowed = rounding(self.doc, b)
                + from_rounding
                + converted.abs() * 0.03
                + self.tolerance.unwrap_or(0.0);
            if (converted - stated).abs() > allowed {
                let places = decimals(self.doc, b);
                let actual = show(converted, places);
                out.push(self.rule.finding(
                    self.number_span(b),
                    &[
                        ("from", self.doc.slice(a.figure)),
                        ("actual", &format!("{actual} {to}")),
                        ("stated", self.doc.slice(b.figure)),
                    ],
                    Some(actual),
                ));
            }
        }
    }
}
