//! `arithmetic`: figures that do not add up. Each check fires only when the sentence states
//! every number it needs, in a shape that leaves no doubt what is compared.
//!
//! - `percent-of`: "120 of 480, or 30%" (it is 25%).
//! - `product`: "64 percent of 2.5 million voters, or 1.9 million" (it is 1.6 million).
//! - `percent-change`: "rose 76% to $1.13bn from $639m".
//! - `direction`: "fell to 71 from 62" — the words and the figures disagree.
//! - `shares`: shares of one whole that sum past 100%.
//! - `parts`: "the 40 victims included 25 men and 20 women" — parts past their stated total.
//! - `conversion`: "12 miles (25 km)" — a conversion in brackets that is off.

use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::Lower;
use factlint_extract::units::convert;
use factlint_extract::{Claim, ClaimKind, Document, Qualifier, Span, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArithmeticCheck {
    PercentOf,
    Product,
    PercentChange,
    Direction,
    Shares,
    Parts,
    Conversion,
}

impl ArithmeticCheck {
    pub const NAMES: &'static [&'static str] =
        &["percent-of", "product", "percent-change", "direction", "shares", "parts", "conversion"];

    pub fn from_name(name: &str) -> ArithmeticCheck {
        match name {
            "product" => ArithmeticCheck::Product,
            "percent-change" => ArithmeticCheck::PercentChange,
            "direction" => ArithmeticCheck::Direction,
            "shares" => ArithmeticCheck::Shares,
            "parts" => ArithmeticCheck::Parts,
            "conversion" => ArithmeticCheck::Conversion,
            _ => ArithmeticCheck::PercentOf,
        }
    }

    /// Runs on a story's claims grouped by sentence ([`sentences`], computed once for all the
    /// arithmetic rules).
    pub fn run(self, rule: &Rule, doc: &Document, sentences: &[SentenceClaims], out: &mut Vec<Finding>) {
        let scan = Scan { rule, doc, tolerance: rule.spec.tolerance };
        for sentence in sentences {
            match self {
                ArithmeticCheck::PercentOf => scan.percent_of(sentence, out),
                ArithmeticCheck::Product => scan.product(sentence, out),
                ArithmeticCheck::PercentChange => scan.percent_change(sentence, out),
                ArithmeticCheck::Direction => scan.direction(sentence, out),
                ArithmeticCheck::Shares => scan.shares(sentence, out),
                ArithmeticCheck::Parts => scan.parts(sentence, out),
                ArithmeticCheck::Conversion => scan.conversion(sentence, out),
            }
        }
    }
}

/// The claims of one sentence, with their token ranges.
pub(crate) struct SentenceClaims<'a> {
    claims: Vec<(&'a Claim, usize, usize)>,
    first: usize,
    end: usize,
}

pub(crate) fn sentences<'a>(doc: &Document, claims: &'a [Claim]) -> Vec<SentenceClaims<'a>> {
    let mut out: Vec<SentenceClaims> = Vec::new();
    for claim in claims {
        let first = doc.token_at(claim.span.start);
        let end = doc.token_at(claim.span.end);
        let sentence = doc.sentences()[doc.sentence_of(first)];
        match out.last_mut() {
            Some(last) if last.first == sentence.first_token as usize => {
                last.claims.push((claim, first, end))
            }
            _ => out.push(SentenceClaims {
                claims: vec![(claim, first, end)],
                first: sentence.first_token as usize,
                end: sentence.end_token as usize,
            }),
        }
    }
    out
}

struct Scan<'a> {
    rule: &'a Rule,
    doc: &'a Document,
    tolerance: Option<f64>,
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

/// The decimals a figure was written with ("30" → 0, "4.7" → 1), for rounding tolerance.
fn decimals(doc: &Document, claim: &Claim) -> i32 {
    let figure = doc.slice(claim.figure);
    let digits: String = figure
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    digits.split_once('.').map_or(0, |(_, d)| d.len() as i32)
}

/// Half a unit in the last written digit of `claim`, scaled to its value: how far a rounded
/// figure may be from the exact one.
fn rounding(doc: &Document, claim: &Claim) -> f64 {
    let value = claim.value.unwrap_or(0.0).abs();
    let figure = doc.slice(claim.figure);
    let digits: String = figure
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let written: f64 = digits.parse().unwrap_or(value);
    let scale = if written > 0.0 { value / written } else { 1.0 };
    0.5 * 10f64.powi(-decimals(doc, claim)) * scale
}

fn approximate(claim: &Claim) -> bool {
    matches!(claim.qualifier, Qualifier::About | Qualifier::Nearly | Qualifier::Vague)
}

fn show(value: f64, decimals: i32) -> String {
    format!("{:.*}", decimals.max(0) as usize, value)
}

impl Scan<'_> {
    fn word(&self, i: usize) -> Lower<'_> {
        Lower::new(self.doc.token_text(i))
    }

    /// Whether the tokens `from..to` are exactly these words and marks (case-insensitive).
    fn tokens_are(&self, from: usize, to: usize, expected: &[&str]) -> bool {
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

    /// The figure's first token: what a suggestion replaces.
    fn number_span(&self, claim: &Claim) -> Span {
        let doc = self.doc;
        let mut i = doc.token_at(claim.figure.start);
        while i < doc.tokens().len()
            && doc.token_kind(i) != Some(factlint_extract::TokenKind::Number)
            && doc.tokens()[i].span.start < claim.figure.end
        {
            i += 1;
        }
        doc.tokens().get(i).map_or(claim.figure, |t| t.span)
    }

    /// "A of [the] B, or P%".
    fn percent_of(&self, s: &SentenceClaims, out: &mut Vec<Finding>) {
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
    fn or_between(&self, from: usize, to: usize) -> bool {
        (from..to.min(from + 6)).any(|k| {
            (self.word(k).as_str() == "," && self.tokens_are(k, to, &[",", "or"]))
                || self.tokens_are(k, to, &[",", "or", "about"])
                || self.tokens_are(k, to, &["("])
        }) && (from..to).all(|k| !matches!(self.doc.token_text(k), "." | ";" | "and"))
    }

    /// "P percent of B, or C".
    fn product(&self, s: &SentenceClaims, out: &mut Vec<Finding>) {
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

    fn direction(&self, s: &SentenceClaims, out: &mut Vec<Finding>) {
        if self.is_ranking(s) {
            return;
        }
        for (new, old, up, _) in self.change_pair(s) {
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
    fn percent_change(&self, s: &SentenceClaims, out: &mut Vec<Finding>) {
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
    fn shares(&self, s: &SentenceClaims, out: &mut Vec<Finding>) {
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
    fn parts(&self, s: &SentenceClaims, out: &mut Vec<Finding>) {
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
    fn conversion(&self, s: &SentenceClaims, out: &mut Vec<Finding>) {
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

/// A figure as copy writes it: 1600000 → "1.6 million", 1200 → "1,200", 25 → "25".
fn format_figure(value: f64) -> String {
    let trim = |s: String| {
        if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s }
    };
    if value.abs() >= 1e9 {
        return format!("{} billion", trim(format!("{:.2}", value / 1e9)));
    }
    if value.abs() >= 1e6 {
        return format!("{} million", trim(format!("{:.2}", value / 1e6)));
    }
    let text = trim(format!("{value:.2}"));
    let (whole, fraction) = text.split_once('.').map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let (sign, digits) = whole.strip_prefix('-').map_or(("", whole), |d| ("-", d));
    let mut grouped = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_like_copy() {
        assert_eq!(format_figure(1_600_000.0), "1.6 million");
        assert_eq!(format_figure(25.0), "25");
        assert_eq!(format_figure(2.5e9), "2.5 billion");
        assert_eq!(format_figure(105.5), "105.5");
        assert_eq!(format_figure(1200.0), "1,200");
        assert_eq!(format_figure(-25_000.0), "-25,000");
    }
}
