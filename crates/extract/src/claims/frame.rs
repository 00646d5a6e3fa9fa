//! The frame of a claim: what a reader needs to tell whether two figures count the same thing.
//!
//! A figure alone says little: "2,800 households" and "the 8,200 evacuated households" are the
//! same households only because the second is a definite back-reference with the same head noun,
//! the same act (evacuate) and no other period or source. A [`Frame`] records those signals for
//! one claim, read from the words around it: the head noun and its modifiers, the verb that
//! governs the figure (as a lemma), the agent, a time anchor, how definite the figure is, where
//! in the story it stands and who it is attributed to, and whether it is a part or a change
//! rather than a level.
//!
//! Frames are computed once per story by [`frames`], in one pass over the claims, and never
//! decide anything: linking mentions is the rules' job. The word lists live under
//! `data/frame/`, one list per file.

use crate::claims::claim::Claim;
use crate::text::document::Document;
use crate::text::markup::Format;
use crate::text::token::TokenKind;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::cell::OnceCell;
use std::sync::LazyLock;

/// How definite a figure is, read from the word before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Definiteness {
    /// No determiner: "2,800 households were evacuated".
    Bare,
    /// "a 300-strong force".
    Indefinite,
    /// "the 8,200 households", "those 300 jobs", "its 11 members", "Moscow's 40 tanks".
    Definite,
    /// "another 5,000", "a further 300": an addition to an earlier figure.
    Additional,
}

/// Where in the story a claim stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Place {
    /// The title: a plain-text first line without a full stop, a Markdown `# ` heading or
    /// front matter `title:`, an HTML `<h1>` or `<title>`.
    Headline,
    /// The first paragraph of the story proper.
    Lead,
    Body,
    /// Inside quotation marks.
    Quotation,
}

/// What a figure is to the thing it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The count itself: "44,000 jobs".
    Level,
    /// A part of a larger group: "including 12 children", "20 of the 300 workers".
    Part,
    /// A change in a level: "rose by 4,000", "up 3%".
    Change,
    /// A total over parts given elsewhere: "in all, 75 people", "a total of 300 jobs".
    Total,
}

/// Which way a figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Up,
    Down,
}

/// The signals around one claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Frame {
    /// The head noun, singular and lower-cased: "household".
    pub head: Option<String>,
    /// The subject's other words, lower-cased: ["evacuated"].
    pub modifiers: Vec<String>,
    /// The lemma of the verb that governs the figure: "evacuate".
    pub verb: Option<&'static str>,
    /// Whose act or figure it is, when named: "Ford", "EU".
    pub agent: Option<String>,
    /// A period the figure is anchored to, other than the story's own time: "last year",
    /// "1986", "may", "year earlier".
    pub time: Option<String>,
    pub definiteness: Definiteness,
    /// The noun is narrowed right after it ("the 14 seats where…", "the cafes in the
    /// country"), so a definite figure is defined where it stands rather than referring back.
    pub restricted: bool,
    pub place: Place,
    /// The named source of the figure: "police" in "police said".
    pub attribution: Option<String>,
    pub role: Role,
    /// The act is planned, expected or possible rather than done: "will cut", "aims to export".
    pub planned: bool,
    /// Which way the figure moved, when it is a movement: "rose 5 pct", "the 5 pct fall".
    pub direction: Option<Direction>,
    /// What moved, singular: "export" in "exports rose 5 pct" and "the 5 pct fall in exports".
    pub indicator: Option<String>,
}

/// The frame of every claim, in the order of `claims`.
///
/// What a frame reads from its whole sentence (capitals, attribution, totals, time anchors) is
/// worked out once per sentence and shared by the claims in it, so a story written as one long
/// sentence still frames in linear time.
pub fn frames(doc: &Document, claims: &[Claim]) -> Vec<Frame> {
    let layout = Layout::of(doc);
    let mut words: Option<(usize, Words)> = None;
    claims
        .iter()
        .map(|claim| {
            let figure = doc.token_at(claim.figure.start);
            let sentence = doc.sentence_of(figure);
            if words.as_ref().is_none_or(|(at, _)| *at != sentence) {
                words = Some((sentence, Words::of_sentence(doc, sentence)));
            }
            let (_, words) = words.as_ref().expect("set just above");
            frame(doc, &layout, words, claim, figure)
        })
        .collect()
}

/// The frame of `claim`, whose figure starts at token `figure`.
fn frame(doc: &Document, layout: &Layout, words: &Words, claim: &Claim, figure: usize) -> Frame {
    let first = doc.token_at(claim.span.start);
    let after = doc.token_at(claim.span.end);
    let place = layout.place(doc, figure);
    let numeric = claim.value.is_some() && !claim.kind.is_temporal();
    let (head, modifiers) = match &claim.subject {
        // "the death toll of 32": a toll counts deaths.
        None if toll_before(doc, first) => (Some("death".to_string()), Vec::new()),
        // "a profit of 36 million pounds in the year to March": a period after a preposition
        // dates the figure; it is not what the figure counts.
        Some(subject)
            if PERIOD_UNITS.contains(subject.head.as_str())
                && doc.token_at(subject.span.start) > doc.token_at(claim.figure.end) =>
        {
            (None, Vec::new())
        }
        Some(subject) => {
            // "a 200 mln dlr eurobond due 1992": the noun is the word before "due".
            let mut words: Vec<&str> = subject.text.split_whitespace().collect();
            let mut head = subject.head.clone();
            if MATURITY.contains(head.as_str()) && words.len() > 1 {
                words.pop();
                head = words.last().map_or(head, |w| crate::text::lexicon::singular(w).to_string());
            }
            let modifiers = words
                .into_iter()
                .filter(|w| crate::text::lexicon::singular(w) != head && *w != head)
                .map(str::to_string)
                .collect();
            (Some(head), modifiers)
        }
        None => (None, Vec::new()),
    };
    if !numeric {
        // "the May fall in exports": a period named as the time of a movement with no figure.
        return Frame {
            head,
            modifiers,
            verb: None,
            agent: None,
            time: None,
            definiteness: Definiteness::Bare,
            restricted: false,
            place,
            attribution: None,
            role: Role::Level,
            planned: false,
            direction: None,
            indicator: None,
        };
    }
    let verb_at = governing_verb(words, first, after, &modifiers);
    let (planned, also) = verb_at.map_or((false, false), |(_, at)| words.mood(at, after));
    let (direction, indicator) = movement(words, first, after, head.as_deref()).unzip();
    let shouting = place == Place::Headline || words.all_capitals();
    Frame {
        verb: verb_at.map(|(lemma, _)| lemma),
        agent: claim.owner.clone().filter(|o| !is_unnamed(&o.to_lowercase()) && day_of(o).is_none()).or_else(
            || {
                let (_, at) = verb_at?;
                if shouting { None } else { words.agent_before(at) }
            },
        ),
        // "yesterday's 137 contracts": a day as the owner dates the figure.
        time: claim
            .owner
            .as_deref()
            .and_then(day_of)
            .map(str::to_string)
            .or_else(|| words.time_anchor(figure)),
        // "It will also offer a 500 dlr rebate": another act of the kind, not the first again.
        definiteness: match definiteness(words, first, claim) {
            Definiteness::Bare | Definiteness::Indefinite if also => Definiteness::Additional,
            definiteness => definiteness,
        },
        // "the 3.06 mln shares held by Trump": a participle with its agent narrows the noun too.
        restricted: words.is_in(after, class::RESTRICTIVE)
            || (words.is_in(after, class::VERB)
                && words.word(after).is_some_and(is_participle)
                && words.word(after + 1) == Some("by"))
            // "the 14.1 mln dlr loan to Rwanda": a name after a preposition narrows it too.
            || (words.word(after).is_some_and(|w| matches!(w, "to" | "for" | "from" | "at"))
                && words.capitalised(after + 1)
                && !words.is_in(after + 1, class::MONTH | class::WEEKDAY)
                && !shouting),
        place,
        attribution: words.attribution().clone(),
        role: role(words, first, figure, after),
        planned,
        direction,
        indicator: indicator.flatten(),
        head,
        modifiers,
    }
}

/// The day a possessive owner names: "yesterday's", "Monday's".
fn day_of(owner: &str) -> Option<&'static str> {
    let owner = owner.to_lowercase();
    let day = owner.trim_end_matches("'s").trim_end_matches("’s");
    ["yesterday", "today", "tomorrow"].into_iter().chain(WEEKDAYS.iter().copied()).find(|d| *d == day)
}

/// Whether a death toll's figure follows: "the toll of 32", "the death toll at 32".
fn toll_before(doc: &Document, first: usize) -> bool {
    let word = |back: usize| first.checked_sub(back).and_then(|i| doc.folded_word(i));
    matches!(word(1), Some("of" | "at" | "to")) && word(2) == Some("toll")
}

/// A list of words from a data file: one entry a line, `#` starts a comment.
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn word_set(text: &'static str) -> FxHashSet<&'static str> {
    entries(text).collect()
}

/// Whether the two words `first second` are an entry of `set`. Frames ask this of every word of
/// a sentence, so the phrase is joined on the stack rather than allocated.
fn has_phrase(set: &FxHashSet<&str>, first: &str, second: &str) -> bool {
    let mut buffer = [0u8; 48];
    let len = first.len() + 1 + second.len();
    let Some(joined) = buffer.get_mut(..len) else {
        return set.contains(format!("{first} {second}").as_str());
    };
    joined[..first.len()].copy_from_slice(first.as_bytes());
    joined[first.len()] = b' ';
    joined[first.len() + 1..].copy_from_slice(second.as_bytes());
    // Two strings joined by a space are still UTF-8.
    std::str::from_utf8(joined).is_ok_and(|phrase| set.contains(phrase))
}

/// The lines of `verbs.txt`: a lemma, its past participle, its other forms.
fn verb_lines() -> impl Iterator<Item = Vec<&'static str>> {
    entries(include_str!("../../data/frame/verbs.txt")).map(|line| line.split_whitespace().collect())
}

/// Every form of a verb in `verbs.txt` mapped to its lemma, the first word of its line.
static VERBS: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut forms = FxHashMap::default();
    for words in verb_lines() {
        for &form in &words {
            forms.insert(form, words[0]);
        }
    }
    forms
});

/// Each lemma's past participle, the second word of its line.
static PARTICIPLES: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    verb_lines().filter(|words| words.len() > 1).map(|words| (words[0], words[1])).collect()
});

/// The lemma of a verb form in the frame's list: "sued" → "sue".
pub fn verb_lemma(word: &str) -> Option<&'static str> {
    VERBS.get(word).copied()
}

/// Whether a word is the past participle of a verb in the frame's list: "held", "sued".
fn is_participle(word: &str) -> bool {
    VERBS.get(word).and_then(|lemma| PARTICIPLES.get(lemma)).is_some_and(|&p| p == word)
}

/// The past participle of a verb lemma in the frame's list: "sue" → "sued".
pub fn participle(lemma: &str) -> Option<&'static str> {
    PARTICIPLES.get(lemma).copied()
}

/// Month names and abbreviations mapped to the month's full name.
static MONTHS: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut months = FxHashMap::default();
    for line in entries(include_str!("../../data/frame/months.txt")) {
        let mut words = line.split_whitespace();
        let Some(name) = words.next() else { continue };
        months.insert(name, name);
        for short in words {
            months.insert(short, name);
        }
    }
    months
});

/// Direction words mapped to their direction, from `directions.txt`.
static DIRECTIONS: LazyLock<FxHashMap<&'static str, Direction>> = LazyLock::new(|| {
    let mut words = FxHashMap::default();
    for line in entries(include_str!("../../data/frame/directions.txt")) {
        let mut forms = line.split_whitespace();
        let direction = match forms.next() {
            Some("up") => Direction::Up,
            _ => Direction::Down,
        };
        words.extend(forms.map(|form| (form, direction)));
    }
    words
});

static DEFINITE: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/frame/definite.txt")));
static ADDITIONAL: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/frame/additional.txt")));
static PARTITIVE: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/frame/partitive.txt")));
static CHANGE: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/frame/change.txt")));
static PERIODS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/frame/periods.txt")));
static PERIOD_UNITS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/frame/period_units.txt")));
static ATTRIBUTION: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/frame/attribution.txt")));
static RESTRICTIVE: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/frame/restrictive.txt")));
static TOTALS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/frame/totals.txt")));
static UNNAMED: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/frame/pronouns.txt")));
static MATURITY: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/frame/maturity.txt")));
static WEEKDAYS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/frame/weekdays.txt")));
static PLANNED: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/frame/planned.txt")));
/// Auxiliaries and modals between a verb and its figure or its agent: "has sued", "would cut",
/// "were evacuated".
static AUXILIARIES: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/frame/auxiliaries.txt")));

/// The frame's word lists, as bits of one look-up per word: a sentence's words are looked up
/// once, and every question a frame asks of a word in it (a total? a month? an auxiliary? a
/// determiner?) is then a bit test rather than a look-up in each list.
mod class {
    /// In `totals.txt`.
    pub const TOTAL: u32 = 1;
    /// The first word of a two-word entry of `totals.txt` ("in all").
    pub const TOTAL_PHRASE_START: u32 = 1 << 1;
    /// A month name or abbreviation.
    pub const MONTH: u32 = 1 << 2;
    /// In `periods.txt`.
    pub const PERIOD: u32 = 1 << 3;
    /// In `period_units.txt`.
    pub const PERIOD_UNIT: u32 = 1 << 4;
    /// In `attribution.txt`.
    pub const ATTRIBUTION: u32 = 1 << 5;
    /// In `definite.txt`.
    pub const DEFINITE: u32 = 1 << 6;
    /// In `additional.txt`.
    pub const ADDITIONAL: u32 = 1 << 7;
    /// In `partitive.txt`.
    pub const PARTITIVE: u32 = 1 << 8;
    /// The first word of a two-word entry of `partitive.txt` ("of whom").
    pub const PARTITIVE_PHRASE_START: u32 = 1 << 9;
    /// In `change.txt`.
    pub const CHANGE: u32 = 1 << 10;
    /// In `restrictive.txt`.
    pub const RESTRICTIVE: u32 = 1 << 11;
    /// In `pronouns.txt`: a source or agent left unnamed.
    pub const UNNAMED: u32 = 1 << 12;
    /// In `maturity.txt`.
    pub const MATURITY: u32 = 1 << 13;
    /// In `weekdays.txt`.
    pub const WEEKDAY: u32 = 1 << 14;
    /// In `planned.txt`.
    pub const PLANNED: u32 = 1 << 15;
    /// In `auxiliaries.txt`.
    pub const AUXILIARY: u32 = 1 << 16;
    /// A form of a verb in `verbs.txt`.
    pub const VERB: u32 = 1 << 17;
    /// A movement word in `directions.txt`.
    pub const DIRECTION: u32 = 1 << 18;
}

/// Each word of the lists in [`class`] mapped to the bits of the lists it is in.
static CLASSES: LazyLock<FxHashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut classes: FxHashMap<&'static str, u32> = FxHashMap::default();
    let phrases = [
        (&TOTALS, class::TOTAL, class::TOTAL_PHRASE_START),
        (&PARTITIVE, class::PARTITIVE, class::PARTITIVE_PHRASE_START),
    ];
    for (list, bit, phrase_start) in phrases {
        for &entry in list.iter() {
            *classes.entry(entry).or_default() |= bit;
            if let Some((first, _)) = entry.split_once(' ') {
                *classes.entry(first).or_default() |= phrase_start;
            }
        }
    }
    let lists: [(&FxHashSet<&'static str>, u32); 12] = [
        (&PERIODS, class::PERIOD),
        (&PERIOD_UNITS, class::PERIOD_UNIT),
        (&ATTRIBUTION, class::ATTRIBUTION),
        (&DEFINITE, class::DEFINITE),
        (&ADDITIONAL, class::ADDITIONAL),
        (&CHANGE, class::CHANGE),
        (&RESTRICTIVE, class::RESTRICTIVE),
        (&UNNAMED, class::UNNAMED),
        (&MATURITY, class::MATURITY),
        (&WEEKDAYS, class::WEEKDAY),
        (&PLANNED, class::PLANNED),
        (&AUXILIARIES, class::AUXILIARY),
    ];
    for (list, bit) in lists {
        for &word in list.iter() {
            *classes.entry(word).or_default() |= bit;
        }
    }
    let keys = [
        (MONTHS.keys().collect::<Vec<_>>(), class::MONTH),
        (VERBS.keys().collect(), class::VERB),
        (DIRECTIONS.keys().collect(), class::DIRECTION),
    ];
    for (words, bit) in keys {
        for &word in words {
            *classes.entry(word).or_default() |= bit;
        }
    }
    classes
});

/// Whether a noun names a stretch of time ("12 mths", "two years"): a duration, not a number
/// of things a story counts.
pub fn is_period_unit(noun: &str) -> bool {
    PERIOD_UNITS.contains(noun)
}

/// Particles and determiners between a verb and its figure: "laid off 300", "cut a total of 300",
/// "sold its 40 stores".
const BETWEEN_VERB_AND_FIGURE: &[&str] = &["up", "off", "down", "out", "about", "a", "an", "total", "of"];

fn is_unnamed(word: &str) -> bool {
    UNNAMED.contains(word)
}

/// The lemma of the verb that governs the figure, and where it stands: before the figure ("cut
/// 6,200 jobs", "has sued 38 lenders"), after its subject ("2,800 households were evacuated",
/// "23 people died"), or inside it ("the 8,200 evacuated households").
fn governing_verb(
    words: &Words,
    first: usize,
    after: usize,
    modifiers: &[String],
) -> Option<(&'static str, usize)> {
    let before = (first.saturating_sub(5).max(words.first)..first).rev();
    for i in before {
        if words.doc.token_kind(i) != Some(TokenKind::Word) {
            break;
        }
        let (word, bits) = words.entry(i);
        let word = word?;
        // "Offering of 3.6 mln shares": a noun naming the act, with no agent in its clause.
        let nominal = word.ends_with("ing") && words.word(i + 1) == Some("of");
        if bits & class::VERB != 0
            && !nominal
            && let Some(&lemma) = VERBS.get(word)
        {
            return Some((lemma, i));
        }
        if bits & (class::AUXILIARY | class::DEFINITE) == 0 && !BETWEEN_VERB_AND_FIGURE.contains(&word) {
            break;
        }
    }
    if let Some(lemma) = modifiers.iter().find_map(|m| VERBS.get(m.as_str()).copied()) {
        return Some((lemma, first));
    }
    for i in after..(after + 3).min(words.end) {
        let (word, bits) = words.entry(i);
        let word = word?;
        if bits & class::VERB != 0
            && let Some(&lemma) = VERBS.get(word)
        {
            return Some((lemma, first));
        }
        if bits & class::AUXILIARY == 0 {
            break;
        }
    }
    None
}

/// A movement and what moved: "exports rose 5 pct" (the word before the direction, past
/// auxiliaries) or "the 5 pct fall in exports" (the noun after "in").
fn movement(
    words: &Words,
    first: usize,
    after: usize,
    head: Option<&str>,
) -> Option<(Direction, Option<String>)> {
    let named = |i: usize| {
        let (word, bits) = words.entry(i);
        let word = word?;
        (bits & (class::UNNAMED | class::DEFINITE) == 0 && !["a", "an", "and"].contains(&word))
            .then(|| crate::text::lexicon::singular(word))
    };
    // "the 5 pct fall in exports": the direction as the figure's noun, or right after it.
    let noun = match head {
        Some(head) => Some((head, after)),
        None => words.word(after).map(|w| (w, after + 1)),
    };
    if let Some((&direction, next)) = noun.and_then(|(w, next)| Some((DIRECTIONS.get(w)?, next))) {
        let indicator = (words.word(next) == Some("in")).then(|| named(next + 1)).flatten();
        return Some((direction, indicator));
    }
    let mut i = first.checked_sub(1)?;
    if words.word(i) == Some("by") {
        i = i.checked_sub(1)?;
    }
    let direction = *DIRECTIONS.get(words.word(i)?)?;
    let mut subject = i.checked_sub(1)?;
    while words.is_in(subject, class::AUXILIARY) {
        subject = subject.checked_sub(1)?;
    }
    Some((direction, named(subject)))
}

/// Which way a movement word says a figure went: "fall" → down.
pub fn direction_of(word: &str) -> Option<Direction> {
    DIRECTIONS.get(word).copied()
}

/// A month's full name, lower-cased, from its name or abbreviation: "sept" → "september".
pub fn month_name(word: &str) -> Option<&'static str> {
    MONTHS.get(word).copied()
}

fn definiteness(words: &Words, first: usize, claim: &Claim) -> Definiteness {
    if claim.additive {
        return Definiteness::Additional;
    }
    let Some(before) = first.checked_sub(1).filter(|&i| i >= words.first) else {
        return Definiteness::Bare;
    };
    let (Some(word), bits) = words.entry(before) else { return Definiteness::Bare };
    if bits & class::ADDITIONAL != 0 {
        Definiteness::Additional
    } else if bits & class::DEFINITE != 0 || word.ends_with("'s") || word.ends_with("’s") {
        Definiteness::Definite
    } else if matches!(word, "a" | "an") {
        Definiteness::Indefinite
    } else {
        Definiteness::Bare
    }
}

fn role(words: &Words, first: usize, figure: usize, after: usize) -> Role {
    let back = |n: usize| first.checked_sub(n).map_or((None, 0), |i| words.entry(i));
    let ((before, before_bits), (two_before, two_before_bits)) = (back(1), back(2));
    // "among the 100,000 complaints": a partitive word before the determiner.
    let beyond_determiner = if before_bits & class::DEFINITE != 0 { two_before_bits } else { before_bits };
    let part = before_bits & class::PARTITIVE != 0
        || beyond_determiner & class::PARTITIVE != 0
        || (two_before_bits & class::PARTITIVE_PHRASE_START != 0
            && two_before.zip(before).is_some_and(|(a, b)| has_phrase(&PARTITIVE, a, b)))
        || words.word(figure + 1) == Some("of")
        || (words.word(after) == Some("of") && words.is_in(after + 1, class::DEFINITE));
    if part {
        Role::Part
    } else if before_bits & class::CHANGE != 0
        || (before == Some("of") && two_before_bits & class::CHANGE != 0)
    {
        Role::Change
    } else if words.says_total(figure) {
        Role::Total
    } else {
        Role::Level
    }
}

/// Where a sentence speaks of a total: a phrase that totals any figure in it, and the first
/// word of the "total" family, which totals only the figures before it.
struct Totals {
    anywhere: bool,
    first_totalling: Option<usize>,
}

/// One sentence's words, folded, and what is read from the sentence as a whole, kept once
/// worked out.
struct Words<'a> {
    doc: &'a Document,
    first: usize,
    end: usize,
    capitals: OnceCell<bool>,
    total: OnceCell<Totals>,
    attribution: OnceCell<Option<String>>,
    anchors: OnceCell<Vec<(usize, String)>>,
    /// Each token's folded word and its [`class`] bits.
    entries: OnceCell<Vec<(Option<&'a str>, u32)>>,
}

impl<'a> Words<'a> {
    fn of_sentence(doc: &'a Document, sentence: usize) -> Words<'a> {
        let tokens = doc.sentences().get(sentence).map_or(0..0, |s| s.tokens());
        Words {
            doc,
            first: tokens.start,
            end: tokens.end,
            capitals: OnceCell::new(),
            total: OnceCell::new(),
            attribution: OnceCell::new(),
            anchors: OnceCell::new(),
            entries: OnceCell::new(),
        }
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        if i < self.first || i >= self.end {
            return None;
        }
        self.doc.folded_word(i)
    }

    /// The folded word at `i` and the [`class`] bits of the lists it is in.
    fn entry(&self, i: usize) -> (Option<&'a str>, u32) {
        let entries = self.entries.get_or_init(|| {
            (self.first..self.end)
                .map(|i| {
                    let word = self.doc.folded_word(i);
                    (word, word.and_then(|w| CLASSES.get(w).copied()).unwrap_or(0))
                })
                .collect()
        });
        i.checked_sub(self.first).and_then(|k| entries.get(k)).copied().unwrap_or((None, 0))
    }

    /// Whether the word at `i` is in any of the lists of `bits`.
    fn is_in(&self, i: usize, bits: u32) -> bool {
        self.entry(i).1 & bits != 0
    }

    fn capitalised(&self, i: usize) -> bool {
        self.word(i).is_some() && self.doc.token_text(i).starts_with(|c: char| c.is_uppercase())
    }

    /// Whether the sentence is written in capitals, as wire headlines are.
    fn all_capitals(&self) -> bool {
        *self.capitals.get_or_init(|| self.written_in_capitals())
    }

    fn written_in_capitals(&self) -> bool {
        let mut letters = (self.first..self.end)
            .filter(|&i| self.entry(i).0.is_some())
            .map(|i| self.doc.token_text(i))
            .peekable();
        letters.peek().is_some() && letters.all(|w| !w.chars().any(char::is_lowercase))
    }

    /// The named agent before a verb: the nearest run of capitalised words ("Ford", "Bank of
    /// England" stays "england") that is not the sentence's first word alone.
    fn agent_before(&self, verb: usize) -> Option<String> {
        let mut i = verb;
        while i > self.first {
            i -= 1;
            let (word, bits) = self.entry(i);
            let word = word?;
            if self.capitalised(i) && bits & (class::UNNAMED | class::MONTH | class::WEEKDAY) == 0 {
                let function_word = ["the", "a", "an", "but", "and", "in", "on", "at", "as", "its", "their"];
                return (!function_word.contains(&word)).then(|| word.to_string());
            }
            // "The Bass Group, which holds 24.9 pct": the agent stands before the comma.
            if matches!(word, "which" | "who") && i > self.first && self.doc.is_text(i - 1, ",") {
                i -= 1;
                continue;
            }
            if bits & class::UNNAMED != 0 || bits & class::AUXILIARY == 0 {
                return None;
            }
        }
        None
    }

    /// Whether the sentence speaks of a total ("in all", "a total of", "so far") that may be
    /// the figure at `figure`: "two loans totalling 250 mln dlrs" totals the money, not the
    /// loans, and "combined with the five mln shares it holds" adds to a figure.
    fn says_total(&self, figure: usize) -> bool {
        let totals = self.total.get_or_init(|| self.totals());
        totals.anywhere || totals.first_totalling.is_some_and(|at| at <= figure)
    }

    /// Where the sentence speaks of a total, worked out once for all its figures.
    fn totals(&self) -> Totals {
        let mut totals = Totals { anywhere: false, first_totalling: None };
        for i in self.first..self.end {
            let (Some(w), bits) = self.entry(i) else { continue };
            let adds = w == "combined" && self.entry(i + 1).0 == Some("with");
            let phrase = bits & class::TOTAL_PHRASE_START != 0
                && self.entry(i + 1).0.is_some_and(|next| has_phrase(&TOTALS, w, next));
            let total = bits & class::TOTAL != 0;
            if phrase || (total && !adds && !w.starts_with("total")) {
                totals.anywhere = true;
            } else if total && !adds && totals.first_totalling.is_none() {
                // "totalling", "totalled": a total of the figures before it, not after.
                totals.first_totalling = Some(i);
            }
        }
        totals
    }

    /// Whether the act of the verb at `verb` is planned rather than done ("will cut", "aims to
    /// export"), and whether it is said to be another ("will also offer"): read from the
    /// auxiliaries before the verb, or between the figure's noun and a verb after it.
    fn mood(&self, verb: usize, after: usize) -> (bool, bool) {
        let (mut planned, mut also) = (false, false);
        // An auxiliary or a word of plan: the words a verb's mood is read from.
        let mood_word = |i: usize| match self.entry(i) {
            (Some(word), bits) if bits & (class::AUXILIARY | class::PLANNED) != 0 => Some((word, bits)),
            _ => None,
        };
        let mut look = |(word, bits): (&str, u32)| {
            planned |= bits & class::PLANNED != 0;
            also |= word == "also";
        };
        let mut i = verb;
        while i > self.first {
            i -= 1;
            match mood_word(i) {
                Some(word) => look(word),
                None => break,
            }
        }
        let mut i = after;
        while let Some(word) = mood_word(i) {
            look(word);
            i += 1;
        }
        // "In addition, it bought 98 mln stg": the sentence adds another act.
        also |=
            (self.first..verb).any(|k| self.word(k) == Some("in") && self.word(k + 1) == Some("addition"));
        (planned, also)
    }

    /// The period anchor nearest the figure: "last year", "a year earlier", "1986", "May".
    /// The nearer of two anchors at the same distance is the earlier one.
    fn time_anchor(&self, figure: usize) -> Option<String> {
        let anchors = self.anchors.get_or_init(|| self.time_anchors());
        let next = anchors.partition_point(|(at, _)| *at < figure);
        let before = next.checked_sub(1).map(|i| &anchors[i]);
        let nearest = match (before, anchors.get(next)) {
            (Some(b), Some(a)) => Some(if a.0 - figure < figure - b.0 { a } else { b }),
            (b, a) => b.or(a),
        };
        nearest.map(|(_, anchor)| anchor.clone())
    }

    /// Every period anchor in the sentence, in order.
    fn time_anchors(&self) -> Vec<(usize, String)> {
        let mut anchors = Vec::new();
        let mut consider = |at: usize, anchor: String| anchors.push((at, anchor));
        for i in self.first..self.end {
            match self.doc.token_kind(i) {
                Some(TokenKind::Number) => {
                    let text = self.doc.token_text(i);
                    let year = text.get(..4).and_then(|y| y.parse::<u32>().ok());
                    if let Some(year) = year.filter(|y| (1900..=2100).contains(y))
                        && text.len() == 4
                        && !self.ends_a_term(i)
                    {
                        consider(i, year.to_string());
                    }
                }
                Some(TokenKind::Word) => {
                    let (Some(word), bits) = self.entry(i) else { continue };
                    // A month with a day is a date ("May 4"), not a period.
                    if bits & class::MONTH != 0
                        && let Some(&month) = MONTHS.get(word)
                        && self.capitalised(i)
                        && self.doc.token_kind(i + 1) != Some(TokenKind::Number)
                        && (word != "may" || !self.is_in(i + 1, class::VERB))
                    {
                        consider(i, month.to_string());
                    } else if bits & class::PERIOD != 0
                        && self.next_word(i).is_some_and(|w| PERIOD_UNITS.contains(w))
                    {
                        let unit = self.next_word(i).unwrap_or_default();
                        consider(i, format!("{word} {}", crate::text::lexicon::singular(unit)));
                    } else if bits & class::PERIOD_UNIT != 0
                        && self
                            .next_word(i)
                            .is_some_and(|w| matches!(w, "earlier" | "ago" | "before" | "later"))
                    {
                        let when = self.next_word(i).unwrap_or_default();
                        consider(i, format!("{} {when}", crate::text::lexicon::singular(word)));
                    }
                }
                _ => {}
            }
        }
        anchors
    }

    /// Whether the year at `year` dates when something ends rather than a period: it follows a
    /// maturity word ("due April 15, 1992", "maturing in 1997") within a few date tokens.
    fn ends_a_term(&self, year: usize) -> bool {
        let from = year.saturating_sub(5).max(self.first);
        for i in (from..year).rev() {
            match self.doc.token_kind(i) {
                Some(TokenKind::Word) => {
                    let (Some(word), bits) = self.entry(i) else { return false };
                    if bits & class::MATURITY != 0 {
                        return true;
                    }
                    if bits & class::MONTH == 0 && !matches!(word, "in" | "on" | "by") {
                        return false;
                    }
                }
                Some(TokenKind::Number) => {}
                _ if self.doc.is_text(i, ",") => {}
                _ => return false,
            }
        }
        false
    }

    /// The next word after `i`, skipping a hyphen ("year-ago").
    fn next_word(&self, i: usize) -> Option<&'a str> {
        let next = if self.doc.is_text(i + 1, "-") { i + 2 } else { i + 1 };
        self.word(next)
    }

    /// The named source of the sentence: the word before "said" ("police said"), after it
    /// ("said the ministry"), or after "according to".
    fn attribution(&self) -> &Option<String> {
        self.attribution.get_or_init(|| self.named_source())
    }

    fn named_source(&self) -> Option<String> {
        let verb = (self.first..self.end).find(|&i| self.entry(i).1 & class::ATTRIBUTION != 0)?;
        let source = if self.word(verb) == Some("according") {
            self.source_after(verb + 2)
        } else {
            self.source_before(verb).or_else(|| self.source_after(verb + 1))
        };
        source.filter(|s| !is_unnamed(s))
    }

    fn source_before(&self, verb: usize) -> Option<String> {
        let word = self.word(verb.checked_sub(1)?)?;
        // "that it says": a pronoun is a source left unnamed, not a cue to look after the verb.
        (!["has", "had", "have", "also", "was", "were", "is"].contains(&word)).then(|| word.to_string())
    }

    fn source_after(&self, at: usize) -> Option<String> {
        let mut i = at;
        while self.word(i).is_some_and(|w| matches!(w, "the" | "a" | "an")) {
            i += 1;
        }
        let mut source = None;
        while let Some(word) = self.word(i) {
            if ["on", "in", "at", "that", "this", "last", "and", "who", "when", "for"].contains(&word) {
                break;
            }
            source = Some(word.to_string());
            i += 1;
            if !self.capitalised(i) {
                break;
            }
        }
        source
    }
}

/// Where the headline and the lead are, and which words stand inside quotation marks.
struct Layout {
    /// How many paragraphs the headline takes: a Markdown story may give its title both in the
    /// front matter and as a `# ` heading.
    headlines: usize,
    lead: Option<usize>,
    quoted: Vec<bool>,
}

impl Layout {
    fn of(doc: &Document) -> Layout {
        let paragraphs = doc.paragraphs();
        let most = if doc.format() == Format::Markdown { 2 } else { 1 };
        let headlines = paragraphs.iter().take(most).take_while(|p| is_headline(doc, p.span)).count();
        let body_start = headlines;
        let lead =
            (body_start..paragraphs.len().min(body_start + 3)).find(|&p| paragraphs[p].tokens().len() >= 5);
        Layout { headlines, lead, quoted: quoted_tokens(doc) }
    }

    fn place(&self, doc: &Document, token: usize) -> Place {
        let paragraph = doc.paragraph_of(token);
        if paragraph < self.headlines {
            return Place::Headline;
        }
        if self.quoted.get(token).copied().unwrap_or(false) {
            return Place::Quotation;
        }
        if Some(paragraph) == self.lead { Place::Lead } else { Place::Body }
    }
}

/// Whether a story's first block is its title.
fn is_headline(doc: &Document, span: crate::text::span::Span) -> bool {
    if doc.paragraphs().len() < 2 {
        return false;
    }
    match doc.format() {
        Format::Text => {
            let text = doc.slice(span).trim_end();
            !text.contains('\n') && !text.ends_with(['.', '!', '?', ':', ',']) && text.len() <= 160
        }
        Format::Markdown => {
            let start = doc.to_source(span).start as usize;
            let line_start = doc.source()[..start].rfind('\n').map_or(0, |i| i + 1);
            let line = &doc.source()[line_start..];
            line.starts_with("# ") || (doc.source().starts_with("---") && line.starts_with("title:"))
        }
        Format::Html => {
            let start = doc.to_source(span).start as usize;
            let before = &doc.source()[..start];
            before.rfind('<').is_some_and(|tag| {
                let tag = before[tag + 1..].to_ascii_lowercase();
                tag.starts_with("h1") || tag.starts_with("title")
            })
        }
    }
}

/// For every token, whether it stands inside double quotation marks; a quotation left open
/// ends with its paragraph.
fn quoted_tokens(doc: &Document) -> Vec<bool> {
    let tokens = doc.tokens();
    let mut quoted = Vec::with_capacity(tokens.len());
    for paragraph in doc.paragraphs() {
        quoted.resize(paragraph.first_token as usize, false);
        let mut open = false;
        for token in &tokens[paragraph.tokens()] {
            quoted.push(open);
            if token.kind == TokenKind::Quote {
                match doc.slice(token.span) {
                    "“" => open = true,
                    "”" => open = false,
                    "\"" => open = !open,
                    _ => {}
                }
            }
        }
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract;

    fn frame_of(text: &str, figure: &str) -> Frame {
        let doc = Document::from_text(text);
        let claims = extract(&doc);
        let frames = frames(&doc, &claims);
        let at = claims
            .iter()
            .position(|c| doc.slice(c.figure) == figure)
            .unwrap_or_else(|| panic!("no claim {figure} in {claims:?}"));
        frames[at].clone()
    }

    #[test]
    fn verb_before_the_figure_through_auxiliaries() {
        let frame = frame_of("The bank has sued 38 lenders over the loans.", "38");
        assert_eq!(frame.verb, Some("sue"));
        assert_eq!(frame.head.as_deref(), Some("lender"));
        assert_eq!(frame.definiteness, Definiteness::Bare);
    }

    #[test]
    fn passive_verb_after_the_subject() {
        let frame = frame_of("About 2,800 households were evacuated on Monday.", "2,800");
        assert_eq!(frame.verb, Some("evacuate"));
        assert_eq!(frame.head.as_deref(), Some("household"));
    }

    #[test]
    fn participle_inside_a_definite_back_reference() {
        let frame = frame_of("Officials said the 8,200 evacuated households could return.", "8,200");
        assert_eq!(frame.verb, Some("evacuate"));
        assert_eq!(frame.definiteness, Definiteness::Definite);
        assert_eq!(frame.modifiers, vec!["evacuated".to_string()]);
    }

    #[test]
    fn additions_parts_and_changes() {
        assert_eq!(
            frame_of("Another 500 workers will follow.", "500").definiteness,
            Definiteness::Additional
        );
        assert_eq!(frame_of("Many died, including 12 children.", "12").role, Role::Part);
        assert_eq!(frame_of("Among the 100,000 complaints were many.", "100,000").role, Role::Part);
        assert_eq!(frame_of("He said 10 of the directors will pay.", "10").role, Role::Part);
        assert_eq!(frame_of("The first 12,500 jobs have gone.", "12,500").role, Role::Part);
        assert!(frame_of("They named the 14 seats where students vote.", "14").restricted);
        let toll = frame_of("Officials said the death toll of 32 could rise.", "32");
        assert_eq!((toll.head.as_deref(), toll.role), (Some("death"), Role::Total));
        assert_eq!(frame_of("Employment rose by 4,000 jobs in May.", "4,000").role, Role::Change);
        assert_eq!(frame_of("The plant has 44,000 jobs.", "44,000").role, Role::Level);
        assert_eq!(frame_of("In all they arrested 75 people.", "75").role, Role::Total);
    }

    #[test]
    fn movements() {
        let frame = frame_of("Exports rose 5 pct in May.", "5 pct");
        assert_eq!((frame.direction, frame.indicator.as_deref()), (Some(Direction::Up), Some("export")));
        let frame = frame_of("Traders noted the 5 pct fall in exports.", "5 pct");
        assert_eq!((frame.direction, frame.indicator.as_deref()), (Some(Direction::Down), Some("export")));
        assert_eq!(frame_of("Exports were 5 pct of output.", "5 pct").direction, None);
        assert_eq!(
            (direction_of("fall"), direction_of("falls")),
            (Some(Direction::Down), Some(Direction::Down))
        );
        assert_eq!(month_name("sept"), Some("september"));
    }

    #[test]
    fn time_anchors() {
        assert_eq!(frame_of("It sold 300 cars last year.", "300").time.as_deref(), Some("last year"));
        assert_eq!(frame_of("It sold 300 cars a year earlier.", "300").time.as_deref(), Some("year earlier"));
        assert_eq!(frame_of("It sold 300 cars in 2019.", "300").time.as_deref(), Some("2019"));
        assert_eq!(frame_of("It sold 300 cars in May.", "300").time.as_deref(), Some("may"));
        assert_eq!(frame_of("It sold 300 cars on Tuesday.", "300").time, None);
        assert_eq!(frame_of("On May 4 it sold 300 cars.", "300").time, None);
    }

    #[test]
    fn agent_and_attribution() {
        let frame = frame_of("Ford will cut 6,200 jobs, police said.", "6,200");
        assert_eq!(frame.agent.as_deref(), Some("ford"));
        assert_eq!(frame.attribution.as_deref(), Some("police"));
        let frame = frame_of("The carmaker will cut 6,200 jobs, according to the union.", "6,200");
        assert_eq!(frame.agent, None);
        assert_eq!(frame.attribution.as_deref(), Some("union"));
        assert_eq!(frame_of("On Tuesday it said it would cut 300 jobs.", "300").agent, None);
        let frame = frame_of("The state has sued 38 lenders that it says forced owners to pay.", "38");
        assert_eq!(frame.attribution, None);
    }

    #[test]
    fn place_in_the_story() {
        let text = "Carmaker to cut 6,200 jobs\n\nThe carmaker said on Tuesday that it would cut 6,200 jobs at its plants.\n\n\"We will hire 300 workers,\" he said. It has 9,000 staff.\n";
        assert_eq!(frame_of(text, "6,200").place, Place::Headline);
        assert_eq!(frame_of(text, "300").place, Place::Quotation);
        assert_eq!(frame_of(text, "9,000").place, Place::Body);
        let doc = Document::from_text(text);
        let claims = extract(&doc);
        let places: Vec<Place> = frames(&doc, &claims).iter().map(|f| f.place).collect();
        assert!(places.contains(&Place::Lead));
    }

    #[test]
    fn markdown_title_is_the_headline() {
        let doc = Document::parse(
            "# Carmaker to cut 6,200 jobs\n\nThe carmaker will cut 2,600 jobs.\n",
            &crate::Options { format: Format::Markdown, ..Default::default() },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let claims = extract(&doc);
        let framed = frames(&doc, &claims);
        assert_eq!(framed[0].place, Place::Headline);
        assert_eq!(framed[1].place, Place::Lead);
        let doc = Document::parse(
            "---\ntitle: \"Carmaker to cut 6,200 jobs\"\ndate: 2025-05-08\n---\n\nThe carmaker will cut 2,600 jobs.\n",
            &crate::Options { format: Format::Markdown, ..Default::default() },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let claims = extract(&doc);
        let places: Vec<(&str, Place)> =
            claims.iter().zip(frames(&doc, &claims)).map(|(c, f)| (doc.slice(c.figure), f.place)).collect();
        assert_eq!(places, vec![("6,200", Place::Headline), ("2,600", Place::Lead)]);
    }

    #[test]
    fn a_maturity_dates_no_period_and_names_no_noun() {
        let frame = frame_of("It is issuing 200 bonds due April 15, 1992, the manager said.", "200");
        assert_eq!((frame.head.as_deref(), frame.time.as_deref()), (Some("bond"), None));
        let frame = frame_of("It sold 300 notes maturing in 1997.", "300");
        assert_eq!(frame.time, None);
        let frame =
            frame_of("It made a profit of 36 million pounds in the year to March.", "36 million pounds");
        assert_eq!((frame.head.as_deref(), frame.restricted), (None, false));
    }

    #[test]
    fn plans_and_further_acts() {
        assert!(frame_of("The carmaker aims to export 420,000 cars.", "420,000").planned);
        assert!(frame_of("Officials said 300 homes will be evacuated.", "300").planned);
        assert!(!frame_of("The carmaker exported 81,400 cars.", "81,400").planned);
        let also = frame_of("It will also hire 300 workers.", "300");
        assert_eq!(also.definiteness, Definiteness::Additional);
        let addition = frame_of("In addition, it sold 3,000 vans.", "3,000");
        assert_eq!(addition.definiteness, Definiteness::Additional);
    }

    #[test]
    fn agents_past_days_and_relative_clauses() {
        assert_eq!(frame_of("The council on Thursday approved 40 projects.", "40").agent, None);
        let frame = frame_of("The Dunmore Trust, which holds 14% of the mill, said no.", "14%");
        assert_eq!(frame.agent.as_deref(), Some("trust"));
        let frame = frame_of("Trading was down from yesterday's 137 contracts.", "137");
        assert_eq!((frame.agent, frame.time.as_deref()), (None, Some("yesterday")));
        assert_eq!(frame_of("Offering of 3,600 shares through a bank.", "3,600").verb, None);
    }

    #[test]
    fn totals_narrowing_and_durations() {
        assert_eq!(frame_of("It approved two loans totalling 250 mln dlrs.", "two").role, Role::Level);
        assert_eq!(
            frame_of("Combined with the 5,000 shares it holds, it has more.", "5,000").role,
            Role::Level
        );
        assert!(frame_of("He bought 2,600 of the 3,060 shares held by Trump.", "3,060").restricted);
        assert!(frame_of("The 141 loans to Rwanda will help.", "141").restricted);
        assert!(!frame_of("The 141 loans to March were late.", "141").restricted);
        assert!(is_period_unit("mths") && !is_period_unit("jobs"));
    }

    #[test]
    fn every_data_list_loads() {
        assert!(VERBS.get("sued") == Some(&"sue"));
        assert_eq!(participle("sell"), Some("sold"));
        assert!(verb_lines().all(|words| words.len() >= 2), "every verb has its participle");
        assert!(MONTHS.get("sept") == Some(&"september"));
        for set in [
            &DEFINITE,
            &ADDITIONAL,
            &PARTITIVE,
            &CHANGE,
            &PERIODS,
            &PERIOD_UNITS,
            &ATTRIBUTION,
            &UNNAMED,
            &MATURITY,
            &WEEKDAYS,
            &PLANNED,
        ] {
            assert!(!set.is_empty());
            assert!(set.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == ' ' || c == '-')));
        }
    }
}
