//! Mention chains: which earlier figure a later one restates.
//!
//! A copy editor reads "the 8,200 evacuated households" as the households counted earlier, and
//! "sued 52 lenders" as the lenders the bank "has sued" two paragraphs up. This module links each
//! claim to that antecedent when the claims' frames agree, and says by which signal:
//!
//! - **back-reference**: a definite figure ("the", "those", "all", "its") for a head noun that
//!   has exactly one earlier figure;
//! - **same event**: the same verb lemma with the same head noun, the same agent or none, and
//!   exactly one earlier figure;
//! - **headline**: a headline figure that no figure in the body agrees with (rounded to the
//!   headline's precision, or summed from the lead's figures one after another), linked to the
//!   first body figure with its noun and verb, or else to the lead's first figure in its unit;
//! - **total**: a total ("a total of", "in all", "the death toll of") restating the only earlier
//!   total for its noun, or the only earlier figure (which it may exceed, never fall short of);
//! - **direction**: the same figure for the same indicator in the same period said to move
//!   again ("exports rose 5 pct" … "the 5 pct fall in exports");
//! - **age**: "the 67-year-old" after one person, and only one, has been given an age, or
//!   "Lind, 63," after Lind was given one;
//! - **body size**: "its 11 members" or "the nine-member panel" after one size, and only one,
//!   has been given for a body of that name (or for a body not named).
//!
//! Linking never needs to agree with the figures: a chain is also how an editor sees that two
//! mentions match. What stays unlinked is as deliberate: additions and further acts ("will also
//! offer"), parts, changes, plans against deeds, other periods or named sources, other agents or
//! modifiers, nouns with several earlier figures, sentences that compare figures, prices and
//! rates, durations, and numbers that belong to names ("Boeing 737-200"). Claims are indexed by key, so a story is read once, whatever its length.

use crate::text::{WordList, word_list};
use factlint_extract::{
    Claim, ClaimKind, Definiteness, Direction, Document, Frame, Place, Qualifier, Role, Span, TokenKind, Unit,
};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Why a later figure restates an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Signal {
    BackReference,
    SameEvent,
    Headline,
    Total,
    Direction,
    Age,
    BodySize,
}

impl Signal {
    pub fn as_str(self) -> &'static str {
        match self {
            Signal::BackReference => "back-reference",
            Signal::SameEvent => "same-event",
            Signal::Headline => "headline",
            Signal::Total => "total",
            Signal::Direction => "direction",
            Signal::Age => "age",
            Signal::BodySize => "body-size",
        }
    }
}

/// A claim's antecedent: the index of the earlier claim it restates, and the signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub antecedent: usize,
    pub signal: Signal,
}

/// Earlier figures are kept per key only while they could still be "the only earlier figure":
/// a key with more distinct figures than this links nothing more.
const MAX_GROUPS: usize = 2;

/// The antecedent of every claim, in the order of `claims`.
pub fn chains(doc: &Document, claims: &[Claim], frames: &[Frame]) -> Vec<Option<Link>> {
    let mut links = vec![None; claims.len()];
    let eligible: Vec<bool> =
        claims.iter().zip(frames).map(|(claim, frame)| linkable(doc, claim, frame)).collect();
    let counted = |claim: &Claim, frame: &Frame| claim.value.is_some() && frame.head.is_some();
    let mut by_noun: FxHashMap<NounKey, Vec<usize>> = FxHashMap::default();
    let mut by_event: FxHashMap<EventKey, Vec<usize>> = FxHashMap::default();
    let mut totals: FxHashMap<NounKey, Vec<usize>> = FxHashMap::default();
    for (i, (claim, frame)) in claims.iter().zip(frames).enumerate() {
        // "sold 1.4 mln of its 4.6 mln shares": the part counts the whole's noun too, so a
        // later "the 1.4 mln shares" may be either.
        if let Some(whole) = whole_of(doc, claims, frames, i) {
            remember(by_noun.entry(NounKey::of(&claims[whole], &frames[whole])).or_default(), i, claims);
            continue;
        }
        if !counted(claim, frame) {
            continue;
        }
        let noun = NounKey::of(claim, frame);
        let event = frame.verb.map(|verb| (noun.clone(), verb));
        let definite = frame.definiteness == Definiteness::Definite;
        if eligible[i] && frame.role == Role::Total {
            // The only earlier total for the noun, or else the only earlier figure.
            let earlier = totals.get(&noun).filter(|t| !t.is_empty()).or_else(|| by_noun.get(&noun));
            links[i] = earlier
                .and_then(|e| only(e))
                .filter(|&a| eligible[a] && total_agrees(&frames[a], frame))
                .map(|antecedent| Link { antecedent, signal: Signal::Total });
        }
        if eligible[i]
            && links[i].is_none()
            && definite
            && let Some(earlier) = by_noun.get(&noun)
        {
            let referring = said_of(doc, claim, frame);
            links[i] = only(earlier)
                .filter(|&a| eligible[a] && back_reference_agrees(&frames[a], &referring))
                .map(|antecedent| Link { antecedent, signal: Signal::BackReference });
        }
        if eligible[i]
            && links[i].is_none()
            && let Some(earlier) = event.as_ref().and_then(|key| by_event.get(key))
        {
            links[i] = only(earlier)
                .filter(|&a| eligible[a] && same_event_agrees(&frames[a], frame))
                .map(|antecedent| Link { antecedent, signal: Signal::SameEvent });
        }
        if frame.role == Role::Total {
            remember(totals.entry(noun.clone()).or_default(), i, claims);
        }
        // A headline is restated by the story as a whole: see `link_headlines`.
        if frame.place == Place::Headline {
            continue;
        }
        remember(by_noun.entry(noun).or_default(), i, claims);
        if let Some(key) = event {
            remember(by_event.entry(key).or_default(), i, claims);
        }
    }
    link_headlines(doc, claims, frames, &mut links);
    link_directions(claims, frames, &mut links);
    link_ages(doc, claims, frames, &mut links);
    link_body_sizes(doc, claims, &mut links);
    // A restatement stands in another sentence: figures side by side in one sentence are a
    // list ("X employs 1,076 people; Y employs 3,479 people").
    let sentence = |c: &Claim| doc.sentence_of(doc.token_at(c.figure.start));
    for (i, link) in links.iter_mut().enumerate() {
        if link.is_some_and(|l| sentence(&claims[l.antecedent]) == sentence(&claims[i])) {
            *link = None;
        }
    }
    links
}

/// The figure a part without a noun of its own is a part of: "1.4 mln of its 4.6 mln shares",
/// "35 billion of 61 billion schillings", the next figure in the sentence when "of" follows.
fn whole_of(doc: &Document, claims: &[Claim], frames: &[Frame], i: usize) -> Option<usize> {
    let (claim, next) = (&claims[i], claims.get(i + 1)?);
    if frames[i].head.is_some() || claim.value.is_none() || frames[i + 1].head.is_none() {
        return None;
    }
    let after = doc.token_at(claim.span.end);
    let sentence = |c: &Claim| doc.sentence_of(doc.token_at(c.span.start));
    (doc.folded_word(after) == Some("of") && sentence(claim) == sentence(next) && next.kind == claim.kind)
        .then_some(i + 1)
}

/// A movement restated: the same figure, unit, indicator and period, linked to its first
/// mention whichever way each says it went.
fn link_directions(claims: &[Claim], frames: &[Frame], links: &mut [Option<Link>]) {
    type MoveKey<'a> = (u64, Option<Unit>, &'a str, Option<&'a str>);
    let mut first: FxHashMap<MoveKey, usize> = FxHashMap::default();
    for (i, (claim, frame)) in claims.iter().zip(frames).enumerate() {
        let (Some(value), Some(_), Some(indicator)) =
            (claim.value, frame.direction, frame.indicator.as_deref())
        else {
            continue;
        };
        let key = (value.to_bits(), claim.unit, indicator, frame.time.as_deref());
        match first.get(&key) {
            Some(&antecedent) if links[i].is_none() => {
                links[i] = Some(Link { antecedent, signal: Signal::Direction });
            }
            Some(_) => {}
            None => {
                first.insert(key, i);
            }
        }
    }
}

/// "the 67-year-old" refers to the one person given an age so far; with two people aged, it
/// could be either.
/// "Lind, 63, told reporters" is Lind's age again when Lind was given one before.
fn link_ages(doc: &Document, claims: &[Claim], frames: &[Frame], links: &mut [Option<Link>]) {
    let mut aged: Option<(&str, usize)> = None;
    let mut several = false;
    // Each surname given an age, with the claim that first gave it; a bounded few.
    let mut surnames: Vec<(&str, usize)> = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        if claim.kind == ClaimKind::Count {
            if let Some(surname) = apposed_surname(doc, claim)
                && let Some(&(_, antecedent)) = surnames.iter().find(|(known, _)| *known == surname)
                && links[i].is_none()
            {
                links[i] = Some(Link { antecedent, signal: Signal::Age });
            }
            continue;
        }
        if claim.kind != ClaimKind::Age {
            continue;
        }
        match claim.person().and_then(|p| p.split_whitespace().last()) {
            Some(surname) => {
                if surnames.len() < MAX_AGED && !surnames.iter().any(|(known, _)| *known == surname) {
                    surnames.push((surname, i));
                }
                match aged {
                    Some((known, _)) if known != surname => several = true,
                    _ => aged = Some((surname, i)),
                }
            }
            None => {
                let year_old = doc.slice(claim.span).contains("year-old");
                if let Some((surname, antecedent)) = aged.filter(|_| year_old && !several)
                    && frames[i].definiteness == Definiteness::Definite
                    && (!names_someone_else(doc, &claims[antecedent..=i], surname)
                        || named_last(doc, &claims[antecedent..=i], surname))
                {
                    links[i] = Some(Link { antecedent, signal: Signal::Age });
                }
            }
        }
    }
}

/// How many people given an age a story's later "Lind, 63" is looked up among.
const MAX_AGED: usize = 8;

/// The surname a bare whole number between commas is set beside, as an age: "Lind, 63, told
/// reporters".
fn apposed_surname<'d>(doc: &'d Document, claim: &Claim) -> Option<&'d str> {
    let value = claim.value?;
    if claim.subject.is_some() || value.fract() != 0.0 || !(10.0..=110.0).contains(&value) {
        return None;
    }
    let figure = doc.token_at(claim.figure.start);
    let name = figure.checked_sub(2)?;
    let text = doc.token_text(name);
    (doc.is_text(name + 1, ",")
        && doc.is_text(figure + 1, ",")
        && doc.token_kind(name) == Some(TokenKind::Word)
        && text.starts_with(|c: char| c.is_uppercase()))
    .then_some(text)
}

/// Whether a name other than `surname` stands between the first and the last of `between`,
/// or they are paragraphs apart: "the 30-year-old" after "Sol Campbell" means Campbell,
/// whoever was aged before. Capitalised dates ("on Thursday") are not names.
fn names_someone_else(doc: &Document, between: &[Claim], surname: &str) -> bool {
    let (Some(from), Some(to)) = (between.first(), between.last()) else { return false };
    let (first, end) = (doc.token_at(from.span.end), doc.token_at(to.span.start));
    if doc.paragraph_of(end).saturating_sub(doc.paragraph_of(first)) > 1 {
        return true;
    }
    other_name_between(doc, between, surname, first, end)
}

/// Whether `surname` is the last name before the last of `between`, in its sentence or the one
/// before: "Okafor will take over in January. The 67-year-old said…" means Okafor, however far
/// back her age was given.
fn named_last(doc: &Document, between: &[Claim], surname: &str) -> bool {
    let Some(to) = between.last() else { return false };
    let end = doc.token_at(to.span.start);
    let sentence = doc.sentence_of(end);
    let from = (doc.sentences()[sentence.saturating_sub(1)].first_token as usize)
        .max(end.saturating_sub(NAME_WINDOW));
    let Some(named) = (from..end).rev().find(|&k| doc.token_text(k).eq_ignore_ascii_case(surname)) else {
        return false;
    };
    !other_name_between(doc, between, surname, named + 1, end)
}

/// How many words before "the 67-year-old" its person's name is looked for in.
const NAME_WINDOW: usize = 80;

/// Whether a capitalised word other than `surname`, a date or a sentence's first word stands
/// between tokens `first` and `end`.
fn other_name_between(doc: &Document, between: &[Claim], surname: &str, first: usize, end: usize) -> bool {
    let dates: Vec<_> = between.iter().filter(|c| c.kind.is_temporal()).map(|c| c.span).collect();
    let sentence_starts = |k: usize| doc.sentences()[doc.sentence_of(k)].first_token as usize == k;
    (first..end).any(|k| {
        let token = doc.tokens()[k];
        token.kind == TokenKind::Word
            && !sentence_starts(k)
            && doc.token_text(k).starts_with(|c: char| c.is_uppercase())
            && !doc.token_text(k).eq_ignore_ascii_case(surname)
            && !dates.iter().any(|d| d.start <= token.span.start && token.span.end <= d.end)
    })
}

/// Whether `noun` counts a body's members ("members", "judges", "seats"): shared by the
/// body-size link and the vote tally check.
pub(crate) fn is_body_member(noun: &str) -> bool {
    BODY_MEMBERS.contains(noun)
}

/// Head nouns that count a body's members, from `data/body_members.txt`.
static BODY_MEMBERS: LazyLock<WordList> =
    LazyLock::new(|| word_list(include_str!("../../data/body_members.txt")));

/// A body's size given again: each later size links to the only earlier size given for a body
/// of the same name, or for any body when either is unnamed ("its", "their").
fn link_body_sizes(doc: &Document, claims: &[Claim], links: &mut [Option<Link>]) {
    // One entry per distinct size and body name, and a bounded number of them.
    let mut sizes: Vec<(usize, Option<String>)> = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        let Some(body) = body_size(claim) else { continue };
        // An unnamed size ("its 37 seats") is of the body named in its sentence or the one
        // before, whichever of the two mentions is the unnamed one.
        let compatible = |e: usize, earlier: &Option<String>| match (earlier, &body) {
            (Some(x), Some(y)) => x == y,
            (None, Some(name)) => named_near(doc, &claims[e], name),
            (Some(name), None) => named_near(doc, claim, name),
            (None, None) => true,
        };
        let earlier: Vec<usize> = sizes.iter().filter(|(e, b)| compatible(*e, b)).map(|&(e, _)| e).collect();
        if let [first, rest @ ..] = earlier.as_slice()
            && rest.iter().all(|&e| claims[e].overlaps(&claims[*first]))
            // A body's size is the more telling signal than a back-reference to its members.
            && links[i].is_none_or(|l| matches!(l.signal, Signal::BackReference | Signal::SameEvent))
        {
            links[i] = Some(Link { antecedent: *first, signal: Signal::BodySize });
        }
        if sizes.len() <= 2 * MAX_GROUPS
            && !sizes.iter().any(|(e, b)| b == &body && claims[*e].overlaps(claim))
        {
            sizes.push((i, body));
        }
    }
}

/// Whether an unnamed size ("its nine members") is of the body `name`: the name stands in its
/// sentence or the one before ("The board met. Its nine members voted.").
fn named_near(doc: &Document, claim: &Claim, name: &str) -> bool {
    let sentence = doc.sentence_of(doc.token_at(claim.span.start));
    let from = sentence.saturating_sub(1);
    doc.sentences()[from..=sentence].iter().flat_map(|s| s.tokens()).any(|k| doc.folded_word(k) == Some(name))
}

/// Whether a claim gives a body's size, and the body's name when the copy gives one: "the
/// nine-member panel" (panel), "the EU's 27 member states" (eu), "its 11 members" (none).
fn body_size(claim: &Claim) -> Option<Option<String>> {
    let head = claim.head()?;
    if claim.kind != ClaimKind::Count || !BODY_MEMBERS.contains(head) || claim.qualifier != Qualifier::Exact {
        return None;
    }
    let owner = claim.owner.as_deref()?.to_lowercase();
    Some((!matches!(owner.as_str(), "its" | "their" | "the")).then_some(owner))
}

/// What a figure counts: kind, unit and head noun.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct NounKey {
    kind: ClaimKind,
    unit: Option<Unit>,
    head: String,
}

impl NounKey {
    /// People who died or were killed are counted as deaths, so a death toll restates them.
    fn of(claim: &Claim, frame: &Frame) -> NounKey {
        let died = matches!(frame.verb, Some("die" | "kill"))
            && matches!(frame.head.as_deref(), Some("person" | "civilian" | "soldier" | "resident"));
        let head = if died { "death".to_string() } else { frame.head.clone().unwrap_or_default() };
        NounKey { kind: claim.kind, unit: claim.unit, head }
    }
}

type EventKey = (NounKey, &'static str);

/// Whether a claim can restate or be restated: a level of a counted thing, with a figure the
/// words pin down, in a sentence that does not compare figures.
fn linkable(doc: &Document, claim: &Claim, frame: &Frame) -> bool {
    counted_kind(claim) && linkable_figure(doc, claim, frame)
}

/// Counts, sums of money and percentages: the figures a story restates by their noun.
fn counted_kind(claim: &Claim) -> bool {
    matches!(claim.kind, ClaimKind::Count | ClaimKind::Money | ClaimKind::Percent)
}

/// A level or total the words pin down, in a sentence that does not compare figures.
fn linkable_figure(doc: &Document, claim: &Claim, frame: &Frame) -> bool {
    claim.value.is_some()
        && frame.head.is_some()
        && matches!(frame.role, Role::Level | Role::Total)
        && frame.definiteness != Definiteness::Additional
        && !claim.additive
        && !matches!(claim.qualifier, Qualifier::Vague | Qualifier::Range)
        && claim.unit != Some(Unit::FRACTION)
        && !(claim.kind == ClaimKind::Count && glued_unit(doc, claim))
        && !frame.head.as_deref().is_some_and(factlint_extract::is_period_unit)
        && !is_rate(doc, claim)
        && !compound_modifier(doc, claim)
        && !(claim.kind == ClaimKind::Count && in_a_name(doc, claim))
        // Last, as the dearest: it reads the whole sentence.
        && !super::consistency::compares(doc, claim)
}

/// A number that is part of a name or a model ("Boeing 737-200 aircraft", "DPS 7000
/// computers"): glued by a hyphen to what comes before, or after an acronym.
fn in_a_name(doc: &Document, claim: &Claim) -> bool {
    let figure = doc.token_at(claim.figure.start);
    let Some(before) = figure.checked_sub(1) else { return false };
    let hyphenated = doc.is_text(before, "-") && doc.adjacent(before);
    let text = doc.token_text(before);
    let acronym = doc.token_kind(before) == Some(TokenKind::Word)
        && text.len() >= 2
        && text.chars().all(|c| c.is_ascii_uppercase())
        && !shouting(doc, figure);
    hyphenated || acronym
}

/// Whether the sentence holding token `at` is written in capitals, as wire headlines are.
fn shouting(doc: &Document, at: usize) -> bool {
    let sentence = doc.sentences()[doc.sentence_of(at)];
    sentence
        .tokens()
        .filter(|&k| doc.token_kind(k) == Some(TokenKind::Word))
        .all(|k| !doc.token_text(k).chars().any(char::is_lowercase))
}

/// A price or rate rather than an amount: "70 dlrs a share", "5.00 dlrs each", "20 pct per
/// year". Many such figures stand in a story for one amount, and none restates it.
fn is_rate(doc: &Document, claim: &Claim) -> bool {
    let after = doc.token_at(claim.span.end);
    match doc.folded_word(after) {
        Some("per" | "each" | "apiece") => true,
        Some("a" | "an") => {
            doc.folded_word(after + 1).is_some_and(|w| w != "year" && w != "total" && w != "further")
        }
        _ => false,
    }
}

/// A count inside a compound modifier ("its 25-member board", "a 13-week bill"): it sizes or
/// measures the noun after it rather than counting it.
fn compound_modifier(doc: &Document, claim: &Claim) -> bool {
    // The figure's last token, and the hyphen touching it.
    let Some(last) = doc.token_at(claim.figure.end).checked_sub(1) else { return false };
    claim.kind == ClaimKind::Count && doc.is_text(last + 1, "-") && doc.adjacent(last)
}

/// A count written with letters glued to its digits ("the 60m hurdles", "a 4x4"): a name or
/// a measure, not a number of things.
fn glued_unit(doc: &Document, claim: &Claim) -> bool {
    let figure = doc.slice(claim.figure);
    figure.starts_with(|c: char| c.is_ascii_digit())
        && figure.split_whitespace().next().is_some_and(|first| first.chars().any(char::is_alphabetic))
}

/// Keeps one claim per distinct figure of a key, the first that gave it, and at most one more
/// than [`MAX_GROUPS`] so that a key with many figures is known to be ambiguous.
fn remember(earlier: &mut Vec<usize>, i: usize, claims: &[Claim]) {
    if earlier.len() <= MAX_GROUPS && !earlier.iter().any(|&e| claims[e].overlaps(&claims[i])) {
        earlier.push(i);
    }
}

/// The only earlier distinct figure, if there is exactly one.
fn only(earlier: &[usize]) -> Option<usize> {
    match earlier {
        [one] => Some(*one),
        _ => None,
    }
}

/// Two frames that may be one thing: the same role, no other named source, agent or verb,
/// and no modifiers of the later one's own.
fn compatible(a: &Frame, b: &Frame) -> bool {
    let differ = |x: &Option<String>, y: &Option<String>| matches!((x, y), (Some(x), Some(y)) if x != y);
    roles_agree(a, b)
        && !differ(&a.attribution, &b.attribution)
        && !differ(&a.agent, &b.agent)
        && !matches!((a.verb, b.verb), (Some(x), Some(y)) if x != y)
        && modifiers_agree(a, b)
}

/// A later mention may drop the first one's modifiers ("the 8,200 households" after "8,200
/// evacuated households"), not add its own: "the 100,000 internet auction complaints" after
/// "400,000 complaints" is a part of them. Verb forms ("evacuated") are the frame's verb and
/// compared as such.
fn modifiers_agree(earlier: &Frame, later: &Frame) -> bool {
    fn plain(f: &Frame) -> impl Iterator<Item = &str> {
        f.modifiers.iter().map(String::as_str).filter(|m| factlint_extract::verb_lemma(m).is_none())
    }
    plain(later).all(|m| plain(earlier).any(|e| e == m))
}

/// A back-reference may drop the antecedent's period ("the 2,800 households"), not change it;
/// a figure narrowed on the spot ("the 120 inspections in the oldest district") is neither
/// referred back to nor refers back.
/// The same role, or (for totals only) a total after a figure: see [`total_agrees`].
fn roles_agree(a: &Frame, b: &Frame) -> bool {
    a.role == b.role
}

/// A total restates an earlier total, or sums up the only earlier figure for its noun ("at
/// least 23 people died" … "the death toll of 32"), in the same period. Which of the two it is
/// decides what contradicts it: see the `total` check.
/// Two totals of one noun may sum up different groups ("British shows picked up a total of 48
/// nominations"), so the later one must also refer back, name the same act, or be a death toll.
fn total_agrees(antecedent: &Frame, later: &Frame) -> bool {
    let mut level = antecedent.clone();
    level.role = later.role;
    let same_act = later.verb.is_some() && later.verb == antecedent.verb;
    let anchored =
        later.definiteness == Definiteness::Definite || same_act || later.head.as_deref() == Some("death");
    anchored && compatible(&level, later) && later.time == antecedent.time
}

/// A definite figure's frame as a back-reference: a verb after its noun is what the sentence
/// says of the thing ("the £55m scheme would be paid for"), not the act that gave the figure.
fn said_of(doc: &Document, claim: &Claim, frame: &Frame) -> Frame {
    let mut referring = frame.clone();
    let after = doc.token_at(claim.span.end);
    let predicate = (after..after + 4).any(|k| {
        doc.folded_word(k).and_then(factlint_extract::verb_lemma).is_some_and(|v| Some(v) == frame.verb)
    });
    if predicate && !frame.modifiers.iter().any(|m| factlint_extract::verb_lemma(m).is_some()) {
        referring.verb = None;
    }
    referring
}

fn back_reference_agrees(antecedent: &Frame, later: &Frame) -> bool {
    compatible(antecedent, later)
        && !later.restricted
        && !antecedent.restricted
        && (later.time.is_none() || later.time == antecedent.time)
}

/// The same act in the same period, both done or both planned: "exported 80,432 cars" and
/// "aims to export 450,000 cars" are a deed and a plan. A state ("owns 26 pct", "hold 57
/// seats") is no act: holders are many and holdings change.
fn same_event_agrees(antecedent: &Frame, later: &Frame) -> bool {
    compatible(antecedent, later)
        && later.time == antecedent.time
        && later.planned == antecedent.planned
        && !later.verb.is_some_and(|verb| STATE_VERBS.contains(verb))
}

/// Verb lemmas that give a state rather than an act, from `data/state_verbs.txt`.
static STATE_VERBS: LazyLock<WordList> =
    LazyLock::new(|| word_list(include_str!("../../data/state_verbs.txt")));

/// A headline figure restated in the body: linked when no body figure with its noun and verb
/// agrees with it, to the first such figure. Headlines round, so one agreeing figure anywhere in
/// the body is enough to leave it alone.
/// Money, percentages and measures, which rarely name a noun, are counted in their unit ("HAS
/// 12.9 PCT OF EXOVIR" … "or 8.7 pct"): the headline is one figure the whole story restates.
/// When no body figure has the headline's noun and act, the lead stands in for them: a wire
/// headline sums up its lead, so the lead's first figure in the headline's unit (or, for a count,
/// for a noun the headline names) with the headline's act or none ("ISSUES 100 MLN DLR EUROBOND"
/// … "is issuing a 200 mln dlr eurobond", "PROFIT 12.5 MLN DLRS" … "net profit of 15.5 mln
/// dlrs") restates it.
fn link_headlines(doc: &Document, claims: &[Claim], frames: &[Frame], links: &mut [Option<Link>]) {
    let headline_eligible: Vec<bool> = claims
        .iter()
        .zip(frames)
        .map(|(claim, frame)| {
            let kind = counted_kind(claim) || unit_counted(claim);
            if unit_counted(claim) && frame.head.is_none() {
                let mut counted = frame.clone();
                counted.head = Some(String::new());
                kind && linkable_figure(doc, claim, &counted)
            } else {
                kind && linkable_figure(doc, claim, frame)
            }
        })
        .collect();
    let headlines: Vec<usize> = (0..claims.len())
        .take_while(|&i| frames[i].place == Place::Headline)
        .filter(|&i| headline_eligible[i])
        .collect();
    for h in headlines {
        let key = NounKey::of(&claims[h], &frames[h]);
        // A headline's act must be the body's ("to lay off 2,850 staff" is not "has 100,000
        // staff"); a headline without one ("HAS 12.9 PCT OF EXOVIR") matches any.
        let acts_agree = |f: &Frame| frames[h].verb.is_none() || f.verb == frames[h].verb;
        // A measure ("3.5 MLN BPD") is as often a rate the story compares as the act's amount:
        // it stands in only for the same act ("BUYS 5,000 TONNES" … "bought 3,000 tonnes").
        let measure = claims[h].kind == ClaimKind::Measure;
        let restates = |i: usize| {
            headline_eligible[i]
                && frames[i].place != Place::Headline
                // "growth of 13.1% in the manufacturing sector": a narrowed share.
                && !(frames[i].restricted && frames[i].head.is_none())
                && frames[i].time.as_deref().is_none_or(|t| !is_past_period(t))
        };
        let strict = |i: &usize| {
            restates(*i)
                && (!measure || (frames[h].verb.is_some() && frames[*i].verb == frames[h].verb))
                && NounKey::of(&claims[*i], &frames[*i]) == key
                && acts_agree(&frames[*i])
                && modifiers_agree(&frames[h], &frames[*i])
        };
        let in_lead = |i: &usize| {
            restates(*i)
                && frames[*i].place == Place::Lead
                && claims[*i].kind == claims[h].kind
                && claims[*i].unit == claims[h].unit
                && if measure {
                    frames[h].verb.is_some() && frames[*i].verb == frames[h].verb
                } else {
                    frames[*i].verb.is_none() || acts_agree(&frames[*i])
                }
                && counts_alike(&claims[h], &frames[h], &frames[*i])
        };
        let Some(first) = (h + 1..claims.len()).find(strict).or_else(|| (h + 1..claims.len()).find(in_lead))
        else {
            continue;
        };
        // Any figure of its kind that may count the same and agrees, whatever its frame, leaves
        // the headline alone, in any unit ("80 MLN DLRS" … "80 mln N.Z. dlrs").
        let agreeing = (h + 1..claims.len()).any(|i| {
            frames[i].place != Place::Headline
                && claims[i].kind == claims[h].kind
                && counts_alike(&claims[h], &frames[h], &frames[i])
                && (claims[i].overlaps(&claims[h]) || rounds_to(&claims[i], &claims[h]))
        });
        if links[first].is_none() && !agreeing && !sums_to(doc, claims, first, h) {
            links[first] = Some(Link { antecedent: h, signal: Signal::Headline });
        }
    }
}

/// Whether the headline's figure is the sum of the run of figures of its kind and unit that
/// starts at `first`, in that paragraph: "FILES 500 MLN DLR DEBT OFFER" over "250 mln dlrs of
/// senior notes and 250 mln dlrs of debentures". Headlines add up what the lead breaks down.
fn sums_to(doc: &Document, claims: &[Claim], first: usize, headline: usize) -> bool {
    let paragraph = |c: &Claim| doc.paragraph_of(doc.token_at(c.span.start));
    let Some(target) = claims[headline].value else { return false };
    let mut sum = 0.0;
    let parts =
        claims[first..].iter().take(MAX_PARTS).take_while(|c| paragraph(c) == paragraph(&claims[first]));
    for claim in parts {
        if claim.kind != claims[headline].kind || claim.unit != claims[headline].unit {
            continue;
        }
        let Some(value) = claim.value else { return false };
        sum += value;
        if (sum - target).abs() <= target.abs() * 1e-9 {
            return true;
        }
        if sum > target {
            return false;
        }
    }
    false
}

/// How many figures a headline's sum is looked for in.
const MAX_PARTS: usize = 8;

/// Whether a body figure, rounded or cut to the headline's precision (at least two significant
/// digits), is the headline's: "11.3 pct" for "11 PCT", "15,757,350 shares" for "15.8 MLN
/// SHARES", "228.5 mln dlrs" for "228 MLN DLRS".
fn rounds_to(body: &Claim, headline: &Claim) -> bool {
    let (Some(b), Some(h)) = (body.value, headline.value) else { return false };
    if b <= 0.0 || h <= 0.0 {
        return false;
    }
    // The headline's significant digits: the digits of its value with trailing zeros dropped.
    let digits = format!("{h}").chars().filter(char::is_ascii_digit).collect::<String>();
    let significant = digits.trim_start_matches('0').trim_end_matches('0').len().max(2) as i32;
    let step = 10f64.powi(h.log10().floor() as i32 + 1 - significant);
    let close = |x: f64| (x - h).abs() <= step * 1e-6;
    close((b / step).round() * step) || close((b / step).trunc() * step)
}

/// Whether a figure is counted in its unit rather than by a noun: money, a percentage, a
/// measure ("5,000 TONNES").
fn unit_counted(claim: &Claim) -> bool {
    matches!(claim.kind, ClaimKind::Money | ClaimKind::Percent)
        || (claim.kind == ClaimKind::Measure && claim.unit.is_some())
}

/// Whether a body figure may count what the headline's does: anything in the headline's unit,
/// for money, shares and measures; for a count, a noun the headline names ("SWISS FRANC BOND" …
/// "300 mln Swiss francs"), or no noun on either side.
fn counts_alike(headline: &Claim, head_frame: &Frame, body: &Frame) -> bool {
    if unit_counted(headline) {
        return true;
    }
    let (Some(h), Some(b)) = (head_frame.head.as_deref(), body.head.as_deref()) else { return true };
    let names =
        |frame: &Frame, noun: &str| frame.modifiers.iter().any(|m| factlint_extract::singular(m) == noun);
    h == b || names(head_frame, b) || names(body, h)
}

/// A movement named with no figure, by its period: "the May fall in exports".
pub struct NamedMovement {
    /// From the month to the indicator: "May fall in exports".
    pub span: Span,
    /// The first movement with a figure of the same indicator in the same period, before it
    /// and in another sentence.
    pub antecedent: usize,
    pub direction: Direction,
}

/// The indicator and time by which a movement with a figure can be named later ("exports rose
/// 3% in May": exports, May), if the claim is such a movement.
fn named_by<'a>(claim: &Claim, frame: &'a Frame) -> Option<(&'a str, &'a str)> {
    frame.direction?;
    claim.value?;
    Some((frame.indicator.as_deref()?, frame.time.as_deref()?))
}

/// Every movement named by a month and a movement noun ("the May fall in exports") after a
/// movement with a figure for the same indicator and month ("exports rose 3% in May"), each with
/// that first movement. One pass over the words.
pub fn named_movements(doc: &Document, claims: &[Claim], frames: &[Frame]) -> Vec<NamedMovement> {
    let mut first: FxHashMap<(&str, &str), usize> = FxHashMap::default();
    let mut claims_before = 0;
    let mut found = Vec::new();
    // Most stories have no movement that could be named again: nothing to look for.
    if !claims.iter().zip(frames).any(|(claim, frame)| named_by(claim, frame).is_some()) {
        return found;
    }
    for k in 1..doc.tokens().len().saturating_sub(2) {
        // "in" after the movement word is the cheapest test, and rules out nearly every word.
        if doc.folded_word(k + 1) != Some("in") {
            continue;
        }
        let Some(direction) = doc.folded_word(k).and_then(factlint_extract::direction_of) else { continue };
        let Some(month) = doc.folded_word(k - 1).and_then(factlint_extract::month_name) else { continue };
        let start = doc.tokens()[k - 1].span.start;
        // The movements with a figure before this one, by indicator and month.
        while let Some(claim) = claims.get(claims_before).filter(|c| c.span.end <= start) {
            if let Some(key) = named_by(claim, &frames[claims_before]) {
                first.entry(key).or_insert(claims_before);
            }
            claims_before += 1;
        }
        let capitalised = doc.token_text(k - 1).starts_with(|c: char| c.is_uppercase());
        let Some(indicator) = doc.folded_word(k + 2) else { continue };
        let indicator = factlint_extract::singular(indicator);
        let Some(&antecedent) = first.get(&(indicator.as_str(), month)).filter(|_| capitalised) else {
            continue;
        };
        let sentence = |at: usize| doc.sentence_of(at);
        if sentence(doc.token_at(claims[antecedent].span.start)) == sentence(k) {
            continue;
        }
        let span = Span { start, end: doc.tokens()[k + 2].span.end };
        found.push(NamedMovement { span, antecedent, direction });
    }
    found
}

/// Whether a time anchor names a period before the story's own: "last year", "year earlier".
fn is_past_period(anchor: &str) -> bool {
    let words: Vec<&str> = anchor.split(' ').collect();
    matches!(words.first(), Some(&("last" | "previous" | "prior" | "same")))
        || matches!(words.last(), Some(&("earlier" | "ago" | "before")))
        || anchor.parse::<u32>().is_ok()
        || anchor == "yesterday"
}

#[cfg(test)]
mod tests {
    use super::*;
    use factlint_extract::{extract, frames};

    fn linked(text: &str) -> Vec<(String, String, Signal)> {
        let doc = Document::from_text(text);
        let claims = extract(&doc);
        let frames = frames(&doc, &claims);
        chains(&doc, &claims, &frames)
            .iter()
            .enumerate()
            .filter_map(|(i, link)| {
                let link = (*link)?;
                Some((
                    doc.slice(claims[i].figure).to_string(),
                    doc.slice(claims[link.antecedent].figure).to_string(),
                    link.signal,
                ))
            })
            .collect()
    }

    #[test]
    fn a_definite_figure_refers_back_to_the_only_earlier_one() {
        let found = linked(
            "About 2,800 households were evacuated on Monday. Officials said the 8,200 evacuated households could return.",
        );
        assert_eq!(found, vec![("8,200".into(), "2,800".into(), Signal::BackReference)]);
    }

    #[test]
    fn the_same_act_on_the_same_thing() {
        let found = linked("The bank has sued 38 lenders. A year on, the bank sued 52 lenders.");
        assert_eq!(found, vec![("52".into(), "38".into(), Signal::SameEvent)]);
    }

    #[test]
    fn a_headline_no_body_figure_agrees_with() {
        let found = linked(
            "Carmaker to cut 6,200 jobs\n\nThe carmaker said it could cut up to 2,600 jobs in Europe.",
        );
        assert_eq!(found, vec![("2,600".into(), "6,200".into(), Signal::Headline)]);
    }

    #[test]
    fn a_headline_restated_in_its_lead_by_unit() {
        let found = linked(
            "Tessaly Bank issues 300 million euro bond\n\nTessaly Bank is issuing a 200 million euro bond due 2031.",
        );
        assert_eq!(found, vec![("200 million euro".into(), "300 million euro".into(), Signal::Headline)]);
        // Rounded, or the sum of the lead's figures: the headline agrees.
        assert!(
            linked("Firm reports 48 million pounds profit\n\nIt made a profit of 47.6 million pounds.")
                .is_empty()
        );
        assert!(
            linked("Port sells 90 million pounds of bonds\n\nIt sold 50 million pounds of bonds and 40 million pounds of notes.")
                .is_empty()
        );
        // A price is not the amount: "5 dollars each".
        assert!(linked("Firm raises 60 million dollars\n\nIt sold shares at 5 dollars each.").is_empty());
    }

    #[test]
    fn a_surname_beside_a_number_is_an_age_again() {
        let found = linked("Harald Lind, 58, was appointed. Lind, 63, told reporters he was pleased.");
        assert_eq!(found, vec![("63".into(), "58".into(), Signal::Age)]);
        assert!(linked("Harald Lind, 58, was appointed. Oslo, 63, is a list entry.").is_empty());
    }

    #[test]
    fn no_same_event_between_two_holdings() {
        assert!(
            linked(
                "Warburg already owns 26 pct of Symbion. After the offer Warburg will own 59 pct of Symbion."
            )
            .is_empty()
        );
        assert!(linked("The Social Democrats hold 57 seats. The Conservatives hold 44 seats.").is_empty());
    }

    #[test]
    fn no_link_between_a_plan_and_a_deed_or_a_further_act() {
        assert!(linked("The firm exported 81,400 cars. The firm aims to export 420,000 cars.").is_empty());
        assert!(
            linked("It will offer a 700 dollar rebate. It will also offer a 500 dollar rebate.").is_empty()
        );
        assert!(
            linked("It sold 1.2 million of its 4.8 million shares. The 1.2 million shares went fast.")
                .is_empty()
        );
    }

    #[test]
    fn no_link_across_sources_periods_additions_parts_or_several_figures() {
        assert!(
            linked("Police said 2,000 people marched. Organisers said the 10,000 people sang.").is_empty()
        );
        assert!(linked("It sold 300 cars last year. It sold 500 cars this year.").is_empty());
        assert!(linked("About 5,000 people fled. Another 7,000 people fled later.").is_empty());
        assert!(linked("About 300 people were hurt, including 40 people in the square.").is_empty());
        assert!(
            linked("The city has 300 Russian troops and 500 Ukrainian troops. The 400 troops left.")
                .is_empty()
        );
    }
}
