//! `consistency`: one story giving the same thing incompatible figures.
//!
//! - `figures`: the same subject counted twice with figures that cannot both be true and that
//!   look like a slip of the keys: two digits swapped ("about 25,000 residents" … "about 52,000
//!   residents"). Qualifiers are respected through the claims' intervals
//!   ("more than 100,000" agrees with 110,000), additions ("another 5,000") are skipped, and
//!   figures that merely differ are left alone: a story may count different groups of troops.
//! - `ages`: one person given two ages.
//! - `back-reference`, `same-event`, `headline`, `age-reference`, `body-size`: a later mention
//!   of one thing whose figure cannot be the earlier one's, linked by the signal of that name
//!   (see [`mentions`]): "the 8,200 households", "sued 52 lenders", the headline's figure, "the
//!   67-year-old", "its nine members" … "the seven-member board". The rule's `tolerance` is the
//!   relative slack allowed for rounding, its `minimum` the smallest figure it compares.
//! - `lower-bound`: a lower bound ("at least 23 people died") that a later exact total
//!   ("the death toll of 31") overtakes with no word that the figure rose: not impossible, but
//!   one of the two is out of date, and it is what a copy editor asks about.
//!
//! The finding points at the later figure; `related` points at the earlier one.

use super::mentions::{self, Link, Signal};
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::{Claim, ClaimKind, Detail, Document, Frame, Qualifier, Role, Unit};
use rustc_hash::FxHashMap;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConsistencyCheck {
    Figures,
    Ages,
    Restated(Signal),
    LowerBound,
}

/// The frames and mention chains of one story, computed once for all the rules that read them
/// (the story checks share the frames without copying them).
pub(crate) type Chains = Option<(Rc<Vec<Frame>>, Vec<Option<Link>>)>;

impl ConsistencyCheck {
    pub const NAMES: &'static [&'static str] = &[
        "figures",
        "ages",
        "body-size",
        "age-reference",
        "total",
        "direction",
        "back-reference",
        "same-event",
        "headline",
        "lower-bound",
    ];

    pub fn from_name(name: &str) -> ConsistencyCheck {
        match name {
            "ages" => ConsistencyCheck::Ages,
            "body-size" => ConsistencyCheck::Restated(Signal::BodySize),
            "age-reference" => ConsistencyCheck::Restated(Signal::Age),
            "total" => ConsistencyCheck::Restated(Signal::Total),
            "direction" => ConsistencyCheck::Restated(Signal::Direction),
            "back-reference" => ConsistencyCheck::Restated(Signal::BackReference),
            "same-event" => ConsistencyCheck::Restated(Signal::SameEvent),
            "headline" => ConsistencyCheck::Restated(Signal::Headline),
            "lower-bound" => ConsistencyCheck::LowerBound,
            _ => ConsistencyCheck::Figures,
        }
    }

    pub fn run(
        self,
        rule: &Rule,
        doc: &Document,
        claims: &[Claim],
        chains: &mut Chains,
        out: &mut Vec<Finding>,
    ) {
        if matches!(self, ConsistencyCheck::Restated(_) | ConsistencyCheck::LowerBound) {
            let (frames, links) = chains.get_or_insert_with(|| {
                let frames = factlint_extract::frames(doc, claims);
                let links = mentions::chains(doc, claims, &frames);
                let frames = Rc::new(frames);
                (frames, links)
            });
            match self {
                ConsistencyCheck::Restated(signal) => restated(rule, signal, doc, claims, frames, links, out),
                _ => overtaken(rule, doc, claims, frames, links, out),
            }
            return;
        }
        let same: fn(&Claim, &Claim) -> bool = match self {
            ConsistencyCheck::Ages => same_person,
            _ => same_figure,
        };
        let key: fn(&Claim) -> Option<String> = match self {
            ConsistencyCheck::Ages => person_key,
            _ => figure_key,
        };
        // Claims that can be the same thing share a key, so each claim is compared with its
        // own kind only: a long story (or a whole archive in one file) stays linear.
        let mut earlier_by_key: FxHashMap<String, Vec<&Claim>> = FxHashMap::default();
        let candidates =
            claims.iter().filter(|c| self.applies(c) && !(self == Self::Figures && compares(doc, c)));
        for later in candidates {
            let Some(key) = key(later) else { continue };
            let earlier_ones = earlier_by_key.entry(key).or_default();
            // The nearest earlier claim of the same thing that contradicts this one.
            let earlier = earlier_ones
                .iter()
                .rev()
                .find(|earlier| same(earlier, later) && !earlier.overlaps(later))
                .copied();
            // An earlier claim just like this one can no longer be the nearest: drop it, so a
            // figure repeated all through a story is compared once.
            earlier_ones.retain(|earlier| !alike(earlier, later));
            earlier_ones.push(later);
            if let Some(earlier) = earlier {
                let first = doc.slice(earlier.span).to_string();
                let finding =
                    rule.finding(later.figure, &[("found", doc.slice(later.span)), ("first", &first)], None);
                out.push(Rule::with_related(
                    finding,
                    earlier.figure,
                    format!("first given as “{first}” here"),
                ));
            }
        }
    }

    fn applies(self, claim: &Claim) -> bool {
        match self {
            ConsistencyCheck::Figures => {
                matches!(claim.kind, ClaimKind::Count | ClaimKind::Money)
                    && claim.subject.is_some()
                    && !claim.additive
                    && claim.value.is_some_and(|v| v >= 100.0)
                    && !matches!(claim.qualifier, Qualifier::Vague | Qualifier::Range)
                    && claim.unit != Some(Unit::FRACTION)
            }
            ConsistencyCheck::Ages => matches!(claim.detail, Detail::Age { person: Some(_) }),
            ConsistencyCheck::Restated(_) | ConsistencyCheck::LowerBound => true,
        }
    }
}

/// Flags each mention linked by `signal` whose figure cannot be its antecedent's, allowing the
/// rule's `tolerance` for rounding.
fn restated(
    rule: &Rule,
    signal: Signal,
    doc: &Document,
    claims: &[Claim],
    frames: &[Frame],
    links: &[Option<Link>],
    out: &mut Vec<Finding>,
) {
    let tolerance = rule.spec.tolerance.unwrap_or(0.0);
    let minimum = rule.spec.minimum.unwrap_or(0.0);
    if signal == Signal::Direction {
        for movement in mentions::named_movements(doc, claims, frames) {
            let (earlier, frame) = (&claims[movement.antecedent], &frames[movement.antecedent]);
            if frame.direction == Some(movement.direction) {
                continue;
            }
            let first = doc.slice(earlier.span).to_string();
            let why = format!("both give the move in {}", frame.indicator.as_deref().unwrap_or("it"));
            let vars =
                [("found", doc.slice(movement.span)), ("first", first.as_str()), ("why", why.as_str())];
            let finding = rule.finding(movement.span, &vars, None);
            out.push(Rule::with_related(finding, earlier.figure, format!("first given as “{first}” here")));
        }
    }
    for (i, link) in links.iter().enumerate() {
        let Some(link) = link.filter(|l| l.signal == signal) else { continue };
        let (earlier, later) = (&claims[link.antecedent], &claims[i]);
        let small = |c: &Claim| c.value.is_none_or(|v| v.abs() < minimum);
        if signal == Signal::Direction {
            if frames[i].direction != frames[link.antecedent].direction {
                let first = doc.slice(earlier.span).to_string();
                let why = format!("both give the move in {}", frames[i].indicator.as_deref().unwrap_or("it"));
                let vars =
                    [("found", doc.slice(later.span)), ("first", first.as_str()), ("why", why.as_str())];
                let finding = rule.finding(later.figure, &vars, None);
                out.push(Rule::with_related(
                    finding,
                    earlier.figure,
                    format!("first given as “{first}” here"),
                ));
            }
            continue;
        }
        if small(earlier) || small(later) || overlaps_within(earlier, later, tolerance) {
            continue;
        }
        // A total over one figure given before may exceed it: only a smaller one contradicts.
        let sums_up = signal == Signal::Total && frames[link.antecedent].role != Role::Total;
        if sums_up
            && later.high.is_none_or(|high| earlier.low.is_none_or(|low| high * (1.0 + tolerance) >= low))
        {
            continue;
        }
        let first = doc.slice(earlier.span).to_string();
        let why = same_thing(doc, earlier, &frames[link.antecedent]);
        let vars = [("found", doc.slice(later.span)), ("first", first.as_str()), ("why", why.as_str())];
        let finding = rule.finding(later.figure, &vars, None);
        out.push(Rule::with_related(finding, earlier.figure, format!("first given as “{first}” here")));
    }
}

/// Flags each total linked to an earlier lower bound ("at least 23 people died") that it
/// overtakes ("the death toll of 31") when its sentence does not say the figure rose.
fn overtaken(
    rule: &Rule,
    doc: &Document,
    claims: &[Claim],
    frames: &[Frame],
    links: &[Option<Link>],
    out: &mut Vec<Finding>,
) {
    let tolerance = rule.spec.tolerance.unwrap_or(0.0);
    let minimum = rule.spec.minimum.unwrap_or(0.0);
    for (i, link) in links.iter().enumerate() {
        let Some(link) = link.filter(|l| l.signal == Signal::Total) else { continue };
        let (earlier, later) = (&claims[link.antecedent], &claims[i]);
        let bound = matches!(earlier.qualifier, Qualifier::AtLeast | Qualifier::MoreThan);
        let (Some(low), Some(value)) = (earlier.low, later.value) else { continue };
        if !bound
            || later.qualifier != Qualifier::Exact
            || low < minimum
            || value <= low * (1.0 + tolerance)
            || says_it_rose(doc, later)
        {
            continue;
        }
        let first = doc.slice(earlier.span).to_string();
        let why = same_thing(doc, earlier, &frames[link.antecedent]);
        let vars = [("found", doc.slice(later.span)), ("first", first.as_str()), ("why", why.as_str())];
        let finding = rule.finding(later.figure, &vars, None);
        out.push(Rule::with_related(finding, earlier.figure, format!("first given as “{first}” here")));
    }
}

/// Whether the words before a figure in its sentence say it rose to it: "the toll rose to 31",
/// "had climbed to 31".
fn says_it_rose(doc: &Document, claim: &Claim) -> bool {
    let figure = doc.token_at(claim.span.start);
    let from = doc.sentences()[doc.sentence_of(figure)].first_token as usize;
    (from..figure).any(|k| {
        doc.folded_word(k).is_some_and(|w| RISES.contains(&w)) && doc.folded_word(k + 1) == Some("to")
    })
}

/// Verbs that say a total grew to a new figure.
const RISES: &[&str] =
    &["rose", "risen", "climbed", "jumped", "increased", "grew", "grown", "reached", "hit"];

/// Whether two claims' intervals, each widened by `tolerance` of its bounds, meet.
fn overlaps_within(a: &Claim, b: &Claim, tolerance: f64) -> bool {
    let widen = |c: &Claim| {
        let low = c.low.map_or(f64::NEG_INFINITY, |l| l - l.abs() * tolerance);
        let high = c.high.map_or(f64::INFINITY, |h| h + h.abs() * tolerance);
        (low, high)
    };
    let ((a_low, a_high), (b_low, b_high)) = (widen(a), widen(b));
    a_low <= b_high && b_low <= a_high
}

/// Why two mentions are one thing, in the words of the first: "both count the households
/// evacuated".
fn same_thing(doc: &Document, claim: &Claim, frame: &Frame) -> String {
    if matches!(frame.verb, Some("die" | "kill")) || frame.head.as_deref() == Some("death") {
        return "both count the deaths".to_string();
    }
    let noun =
        claim.subject.as_ref().map_or_else(|| frame.head.clone().unwrap_or_default(), |s| s.text.clone());
    let participle = frame.verb.and_then(factlint_extract::participle).filter(|p| !noun.contains(p));
    let noun = if noun.is_empty() { doc.slice(claim.span).to_lowercase() } else { noun };
    match participle {
        Some(participle) => format!("both count the {noun} {participle}"),
        None => format!("both count the {noun}"),
    }
}

/// Whether the claim's sentence compares figures of different times or things ("234 cwts per
/// acre, vs 243 cwts last year"): such figures are meant to differ.
pub(crate) fn compares(doc: &Document, claim: &Claim) -> bool {
    let sentence = doc.sentences()[doc.sentence_of(doc.token_at(claim.span.start))];
    let word = |k: usize| doc.folded_word(k).unwrap_or_default();
    sentence.tokens().any(|k| {
        let w = word(k);
        matches!(
            w,
            "vs" | "versus"
                | "against"
                | "compared"
                | "ago"
                | "earlier"
                | "previous"
                | "previously"
                | "instead"
                | "ranged"
                | "estimates"
                | "estimated"
                | "forecast"
        ) || (w == "last" && matches!(word(k + 1), "year" | "week" | "month" | "quarter" | "season" | "time"))
            || (matches!(w, "rose" | "fell" | "increase" | "decrease") && moves_a_figure(doc, k))
    })
}

/// Whether a movement word at `k` moves a figure: one follows within a few words, or "by",
/// "to" or "from" does ("rose 5 pct", "fell to 300"). "fell into a ravine" compares nothing.
fn moves_a_figure(doc: &Document, k: usize) -> bool {
    (k + 1..k + 5).any(|next| {
        doc.token_kind(next) == Some(factlint_extract::TokenKind::Number)
            || matches!(doc.folded_word(next), Some("by" | "to" | "from"))
    })
}

/// Whether two claims of one key answer every comparison alike: the same figure, interval and
/// owner.
fn alike(a: &Claim, b: &Claim) -> bool {
    let bits = |v: Option<f64>| v.map(f64::to_bits);
    bits(a.value) == bits(b.value)
        && bits(a.low) == bits(b.low)
        && bits(a.high) == bits(b.high)
        && a.owner == b.owner
}

/// What two figures of the same thing that may be a slip of the keys have in common: kind,
/// unit, subject, and the digits of a whole number, in any order.
fn figure_key(claim: &Claim) -> Option<String> {
    let value = claim.value.filter(|v| v.fract() == 0.0)?;
    let mut digits: Vec<u8> = (value as i64).to_string().into_bytes();
    digits.sort_unstable();
    let subject = claim.subject.as_ref().map_or("", |s| s.text.as_str());
    let digits = String::from_utf8_lossy(&digits);
    Some(format!("{:?}|{}|{subject}|{digits}", claim.kind, claim.unit.map_or("", Unit::code)))
}

fn same_figure(a: &Claim, b: &Claim) -> bool {
    fn subject(c: &Claim) -> Option<&str> {
        c.subject.as_ref().map(|s| s.text.as_str())
    }
    a.kind == b.kind
        && a.unit == b.unit
        && subject(a) == subject(b)
        && (a.owner.is_none() || b.owner.is_none() || a.owner == b.owner)
        && matches!((a.value, b.value), (Some(x), Some(y)) if looks_like_a_slip(x, y))
}

/// Two digits swapped: "25,000" and "52,000", "1,240" and "1,420". Other differences are left
/// alone: a story's tables and comparisons are full of figures one digit apart ("51.6 mln vs
/// 51.7 mln"), and figures of different lengths are different figures, not slips.
pub(crate) fn looks_like_a_slip(a: f64, b: f64) -> bool {
    if a == b || a.fract() != 0.0 || b.fract() != 0.0 {
        return false;
    }
    let (x, y) = (format!("{}", a as i64), format!("{}", b as i64));
    if x.len() != y.len() {
        return false;
    }
    let differing: Vec<usize> =
        x.bytes().zip(y.bytes()).enumerate().filter(|(_, (p, q))| p != q).map(|(i, _)| i).collect();
    matches!(differing.as_slice(), [i, j] if x.as_bytes()[*i] == y.as_bytes()[*j] && x.as_bytes()[*j] == y.as_bytes()[*i])
}

/// The key a person is known by: the surname.
fn person_key(claim: &Claim) -> Option<String> {
    claim.person()?.split_whitespace().last().map(str::to_lowercase)
}

fn same_person(a: &Claim, b: &Claim) -> bool {
    person_key(a).is_some() && person_key(a) == person_key(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_of_the_keys() {
        assert!(looks_like_a_slip(25_000.0, 52_000.0));
        assert!(looks_like_a_slip(1_240.0, 1_420.0));
        assert!(!looks_like_a_slip(1_240.0, 1_250.0));
        assert!(!looks_like_a_slip(200.0, 900.0));
        assert!(!looks_like_a_slip(700_000.0, 100_000.0));
        assert!(!looks_like_a_slip(100_000.0, 30_000.0));
        assert!(!looks_like_a_slip(5_000.0, 30_000.0));
        assert!(!looks_like_a_slip(1_234.0, 4_321.0));
    }
}
