//! Real words typed for other real words, decided by how often the words around them are
//! seen with each word of a confusion set (Bergsma, Lin and Goebel, 2009): "more then the
//! forecast" is reported because "more than" and "than the" are far commoner than "more then"
//! and "then the" are likely to be here. A hand-written context rule is precise but sees only
//! the contexts it lists; this one reads any context the model has counts for, and stays quiet
//! where it has none.
//!
//! Two models are read. The shipped one ([`shipped`]) has counts of words and word pairs, lower-
//! case and without apostrophes, so a rule names stand-ins for the words it cannot tell apart
//! ("it's" is read as "it is"). A model learned from a newsroom's own archive (`factlint
//! learn`) has pairs and triples with apostrophes kept; when one is loaded, its evidence is
//! added to the shipped model's.
//!
//! What it does not do: it never reports a word written with a capital inside a sentence (a
//! name: "Lead Belly", "Seen Inc."), a word with no word beside it, or a word whose
//! alternatives the model has never seen in this context.

pub mod learn;
pub mod model;
pub(crate) mod spec;

use super::Bounds;
use factlint_extract::{Document, Lower};
use model::NgramModel;
use rustc_hash::FxHashMap;
use spec::ConfusionSet;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The n-gram table factlint ships (see `tools/ngrams/`).
static SHIPPED_BYTES: &[u8] = include_bytes!("../../../data/ngrams.bin");

/// The shipped model, read on first use.
pub fn shipped() -> &'static NgramModel {
    static MODEL: OnceLock<NgramModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        NgramModel::from_static(SHIPPED_BYTES)
            .unwrap_or_else(|error| panic!("the shipped n-gram table: {error}"))
    })
}

/// The factor when a rule gives none.
pub const DEFAULT_FACTOR: f64 = 50.0;

/// A compiled `confusion` rule. Its words are numbered, so that the rule set's word look-up
/// hands a confusion word over by number and judging it looks nothing up by its text again.
#[derive(Debug, Clone, Default)]
pub(crate) struct Confusion {
    /// Every word of the sets, folded; a word's place here is its number.
    words: Vec<String>,
    /// By number, the words it may have been typed for, each with its factor (none for a word
    /// only ever intended).
    alternatives: Vec<Vec<(usize, f64)>>,
    /// Word → the words the shipped model reads for it.
    stand_ins: FxHashMap<String, Vec<String>>,
    /// What the shipped model says of each word on its own, by number, worked out on first use.
    readings: OnceLock<Vec<Reading>>,
}

/// A word of a confusion set met in a story: token `i`, the set's word number `found`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Site {
    pub i: usize,
    pub found: usize,
    pub bounds: Bounds,
}

/// A word of a set as the shipped model reads it (through its stand-ins, if it has them): the
/// hashes a pair with a neighbour starts from or ends with, and the counts that do not depend on
/// the neighbours. Worked out once, so that judging a word costs only the look-ups of its pairs
/// with the words around it.
#[derive(Debug, Clone)]
struct Reading {
    /// The first word read, which a pair with the word on the left ends with.
    first: String,
    /// The hash of the last word read, which a pair with the word on the right starts from.
    last: u64,
    /// ln count of the first and of the last word read.
    first_ln: f64,
    last_ln: f64,
    /// ln P(stand-in chain | its first word): the pairs inside a reading of several words.
    chain_ln: f64,
}

/// A reported slip.
pub(crate) struct Slip {
    pub replacement: String,
    pub evidence: String,
}

/// The words either side of a position, nearest first: up to two each side.
struct Around<'a> {
    left: [&'a str; 2],
    left_len: usize,
    right: [&'a str; 2],
    right_len: usize,
}

impl<'a> Around<'a> {
    fn left(&self) -> &[&'a str] {
        &self.left[..self.left_len]
    }

    fn right(&self) -> &[&'a str] {
        &self.right[..self.right_len]
    }
}

/// What the shipped model says of the nearest word either side, looked up at most once per
/// position.
struct Neighbours<'a> {
    /// The word on the left, with its hash, which every pair with it starts from.
    left: Option<(Neighbour<'a>, u64)>,
    right: Neighbour<'a>,
}

struct Neighbour<'a> {
    word: &'a str,
    /// ln count, looked up only when a pair with it is missing.
    ln: std::cell::Cell<Option<f64>>,
}

impl<'a> Neighbour<'a> {
    fn new(word: &'a str) -> Neighbour<'a> {
        Neighbour { word, ln: std::cell::Cell::new(None) }
    }

    fn ln(&self, model: &NgramModel) -> f64 {
        match self.ln.get() {
            Some(ln) => ln,
            None => {
                let ln = unigram(model, self.word);
                self.ln.set(Some(ln));
                ln
            }
        }
    }
}

impl Confusion {
    pub fn new(
        sets: &[ConfusionSet],
        factor: Option<f64>,
        stand_ins: Option<&BTreeMap<String, String>>,
    ) -> Result<Confusion, String> {
        let mut words: Vec<String> = Vec::new();
        let mut numbers: FxHashMap<String, usize> = FxHashMap::default();
        let mut number = |word: String| {
            *numbers.entry(word).or_insert_with_key(|word| {
                words.push(word.clone());
                words.len() - 1
            })
        };
        let mut directions: Vec<(usize, usize, f64)> = Vec::new();
        for set in sets {
            for (found, intended, factor) in set.directions(factor.unwrap_or(DEFAULT_FACTOR))? {
                if factor < 1.0 {
                    return Err(format!(
                        "the factor for `{found}>{intended}` is {factor}; it must be 1 or more"
                    ));
                }
                directions.push((number(fold(&found)), number(fold(&intended)), factor));
            }
        }
        let mut alternatives: Vec<Vec<(usize, f64)>> = vec![Vec::new(); words.len()];
        for (found, intended, factor) in directions {
            let list = &mut alternatives[found];
            list.retain(|&(word, _)| word != intended);
            list.push((intended, factor));
        }
        let stand_ins = stand_ins
            .into_iter()
            .flatten()
            .map(|(word, reading)| (fold(word), reading.split_whitespace().map(fold).collect::<Vec<_>>()))
            .filter(|(_, reading)| !reading.is_empty())
            .collect();
        Ok(Confusion { words, alternatives, stand_ins, readings: OnceLock::new() })
    }

    /// The words that set this rule off, with their numbers.
    pub fn trigger_words(&self) -> impl Iterator<Item = (&str, usize)> {
        self.words
            .iter()
            .zip(&self.alternatives)
            .enumerate()
            .filter(|(_, (_, alternatives))| !alternatives.is_empty())
            .map(|(number, (word, _))| (word.as_str(), number))
    }

    /// Every word of every set.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    fn readings(&self) -> &[Reading] {
        self.readings.get_or_init(|| {
            let model = shipped();
            self.words.iter().map(|word| self.reading(model, word)).collect()
        })
    }

    fn reading(&self, model: &NgramModel, word: &str) -> Reading {
        let chain: Vec<&str> = match self.stand_ins.get(word) {
            Some(chain) => chain.iter().map(String::as_str).collect(),
            None => vec![word],
        };
        let first = chain[0];
        let last = chain[chain.len() - 1];
        let chain_ln =
            chain.windows(2).map(|link| pair(model, link[0], link[1]).0 - unigram(model, link[0])).sum();
        Reading {
            first: first.to_string(),
            last: model::hash_word(last),
            first_ln: unigram(model, first),
            last_ln: unigram(model, last),
            chain_ln,
        }
    }

    /// Judges every site of a story, calling `report` for each that reads as a slip for another
    /// word of its set.
    ///
    /// An alternative is reported only when no side of the written word speaks for the written
    /// word (a side the model has seen with either word must not favour it), the written word
    /// makes at least one pair of common words that the shipped model has never seen, and the
    /// two sides together make the alternative `factor` times likelier. A word with nothing after
    /// it but punctuation ("…dial-up connections too.") has too little context to judge.
    ///
    /// The written words' own pairs are looked up first, all of a story's together, so that the
    /// table's memory reads overlap instead of waiting one for another: most words make only
    /// pairs people write, and then nothing else is looked up.
    pub fn judge(
        &self,
        doc: &Document,
        sites: &[Site],
        learned: Option<&NgramModel>,
        mut report: impl FnMut(&Site, Slip),
    ) {
        let shipped = shipped();
        let readings = self.readings();
        let mut contexts = Vec::with_capacity(sites.len());
        let mut keys = Vec::with_capacity(2 * sites.len());
        for site in sites {
            let Some(context) = context(doc, site, learned.is_some()) else { continue };
            let written = &readings[site.found];
            keys.push(right_key(written, &context.neighbours));
            keys.extend(left_key(written, &context.neighbours));
            contexts.push((site, context));
        }
        let mut counts = shipped.ln_counts_of_keys(&keys).into_iter();
        for (site, context) in &contexts {
            let right = counts.next().flatten();
            let left = if context.neighbours.left.is_some() { counts.next().flatten() } else { None };
            if let Some(slip) = self.judge_site(site, context, left, right, learned) {
                report(site, slip);
            }
        }
    }

    /// Judges one site, given the shipped table's counts of the written word's pairs with the
    /// word on its left and on its right.
    fn judge_site(
        &self,
        site: &Site,
        context: &Context,
        left_count: Option<f64>,
        right_count: Option<f64>,
        learned: Option<&NgramModel>,
    ) -> Option<Slip> {
        let (shipped, readings) = (shipped(), self.readings());
        let (around, neighbours) = (&context.around, &context.neighbours);
        let written_reading = &readings[site.found];
        let written_score = Score {
            right: right_side(shipped, written_reading, neighbours, right_count),
            left: left_side(shipped, written_reading, neighbours, left_count),
        };
        if !written_score.left.missing && !written_score.right.missing {
            return None;
        }
        let written = self.words[site.found].as_str();
        let count = |key: Option<u64>| key.and_then(|key| shipped.ln_count_of_key(key));
        let written_learned = learned.map(|model| learned_score(model, written, around));
        let mut best: Option<(f64, &str, Evidence)> = None;
        for &(alternative, factor) in &self.alternatives[site.found] {
            let reading = &readings[alternative];
            let alternative = self.words[alternative].as_str();
            let mut left = left_side(shipped, reading, neighbours, count(left_key(reading, neighbours)))
                .against(&written_score.left);
            let mut right =
                right_side(shipped, reading, neighbours, count(Some(right_key(reading, neighbours))))
                    .against(&written_score.right);
            if let (Some(model), Some(written_learned)) = (learned, &written_learned) {
                let score = learned_score(model, alternative, around);
                left = left.plus(score.left.against(&written_learned.left));
                right = right.plus(score.right.against(&written_learned.right));
            }
            // A side with evidence must not favour the written word; a side with none (a pair
            // neither word is seen in) abstains.
            let left_agrees = around.left_len == 0 || !left.informative || left.margin >= 0.0;
            let right_agrees = !right.informative || right.margin >= 0.0;
            let margin = left.margin + right.margin;
            if !left_agrees || !right_agrees || margin < factor.ln() {
                continue;
            }
            let evidence = Evidence { ratio: margin.exp(), left: around.left_len > 0, right: true };
            if best.as_ref().is_none_or(|(best_margin, _, _)| margin > *best_margin) {
                best = Some((margin, alternative, evidence));
            }
        }
        let (_, alternative, evidence) = best?;
        Some(Slip { replacement: alternative.to_string(), evidence: evidence.describe(alternative, around) })
    }
}

/// The words around a site and what the shipped model says of the nearest ones.
struct Context<'a> {
    around: Around<'a>,
    neighbours: Neighbours<'a>,
}

/// The context of a site, or `None` when it cannot be judged: a capital marks a name or a
/// heading, or no word follows.
fn context<'a>(doc: &'a Document, site: &Site, learned: bool) -> Option<Context<'a>> {
    let i = site.i;
    let lowercase = doc.tokens()[i].lowercase;
    if !lowercase && !plain_case(doc.token_text(i), i == site.bounds.first) {
        return None;
    }
    let around = around(doc, i, site.bounds, if learned { 2 } else { 1 });
    let right = *around.right().first()?;
    let neighbours = Neighbours {
        left: around.left().first().map(|word| (Neighbour::new(word), model::hash_word(word))),
        right: Neighbour::new(right),
    };
    Some(Context { around, neighbours })
}

/// The hash of the pair a reading makes with the word on its left, if there is one.
fn left_key(reading: &Reading, neighbours: &Neighbours) -> Option<u64> {
    neighbours.left.as_ref().map(|(_, hash)| model::hash_then(*hash, &reading.first))
}

/// The hash of the pair a reading makes with the word on its right.
fn right_key(reading: &Reading, neighbours: &Neighbours) -> u64 {
    model::hash_then(reading.last, neighbours.right.word)
}

/// The log-likelihood the word on the left gives a word under the shipped model, read as a
/// chain of word pairs: P(word | left), through the word's stand-ins when it has them. `count`
/// is the table's count of the pair ([`left_key`]).
fn left_side(model: &NgramModel, reading: &Reading, neighbours: &Neighbours, count: Option<f64>) -> Side {
    let mut side = match &neighbours.left {
        Some((left, _)) => {
            let (ln, known) = pair_of_count(model, count, || left.ln(model), || reading.first_ln);
            Side { ln, seen: known == Known::Seen, missing: known == Known::Missing }
        }
        None => Side { ln: reading.first_ln, ..Side::default() },
    };
    side.ln += reading.chain_ln;
    side
}

/// The log-likelihood a word gives the word on its right under the shipped model:
/// P(right | word). `count` is the table's count of the pair ([`right_key`]).
fn right_side(model: &NgramModel, reading: &Reading, neighbours: &Neighbours, count: Option<f64>) -> Side {
    let right = &neighbours.right;
    let (ln, known) = pair_of_count(model, count, || reading.last_ln, || right.ln(model));
    Side { ln: ln - reading.last_ln, seen: known == Known::Seen, missing: known == Known::Missing }
}

/// A candidate's log-likelihood, split by side.
#[derive(Debug, Default)]
struct Score {
    left: Side,
    right: Side,
}

/// The log-likelihood one side's words give a candidate.
#[derive(Debug, Default, Clone, Copy)]
struct Side {
    ln: f64,
    /// The n-grams were in the table (not estimated).
    seen: bool,
    /// They were not, though common enough words would have made them (see [`Known`]).
    missing: bool,
}

impl Side {
    fn against(self, written: &Side) -> Comparison {
        Comparison { margin: self.ln - written.ln, informative: self.seen || written.seen }
    }
}

/// How an alternative compares with the written word on one side.
#[derive(Debug, Clone, Copy)]
struct Comparison {
    margin: f64,
    /// Either word was seen in this context, so the margin is not a guess.
    informative: bool,
}

impl Comparison {
    fn plus(self, other: Comparison) -> Comparison {
        Comparison { margin: self.margin + other.margin, informative: self.informative || other.informative }
    }
}

/// Why an alternative won.
struct Evidence {
    ratio: f64,
    left: bool,
    right: bool,
}

impl Evidence {
    fn describe(&self, alternative: &str, around: &Around) -> String {
        let ratio =
            if self.ratio >= 1000.0 { "over 1,000".to_string() } else { format!("{:.0}", self.ratio) };
        let sides = match (
            self.left.then(|| around.left().first()).flatten(),
            self.right.then(|| around.right().first()).flatten(),
        ) {
            (Some(left), Some(right)) => format!(" between “{left}” and “{right}”"),
            (Some(left), None) => format!(" after “{left}”"),
            (None, Some(right)) => format!(" before “{right}”"),
            (None, None) => String::new(),
        };
        format!("“{alternative}” is {ratio} times likelier{sides}")
    }
}

/// The natural log of a word's count, or of the count below which the table prunes.
fn unigram(model: &NgramModel, word: &str) -> f64 {
    unigram_of_key(model, model::hash_word(word))
}

fn unigram_of_key(model: &NgramModel, key: u64) -> f64 {
    model.ln_count_of_key(key).unwrap_or_else(|| model.ln_unseen_word())
}

/// The natural log of a pair's count, and how the table knows it.
fn pair(model: &NgramModel, first: &str, second: &str) -> (f64, Known) {
    let count = model.ln_count(&[first, second]);
    pair_of_count(model, count, || unigram(model, first), || unigram(model, second))
}

/// The natural log of a pair's count given the table's (`count`), and how the table knows it.
/// A pair it lacks was seen fewer times than the table keeps: its count is taken as what the
/// two words' frequencies (asked for only then) predict, held below that floor.
fn pair_of_count(
    model: &NgramModel,
    count: Option<f64>,
    first_ln: impl FnOnce() -> f64,
    second_ln: impl FnOnce() -> f64,
) -> (f64, Known) {
    match count {
        Some(ln) => (ln, Known::Seen),
        None => {
            let independent = first_ln() + second_ln() - model.ln_total();
            let floor = model.ln_floor(2);
            let known =
                if independent >= floor + TELLING_SHARE.ln() { Known::Missing } else { Known::TooRare };
            (independent.min(floor - std::f64::consts::LN_2), known)
        }
    }
}

/// A missing pair says no one writes it when its words' frequencies predict at least this share
/// of the smallest count kept: measured on published copy (`benches/confusion_swaps.rs`), lower
/// shares let rare words' pairs (“five prizes at”) pass for slips.
const TELLING_SHARE: f64 = 0.05;

/// How the shipped table knows a pair.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Known {
    /// Counted.
    Seen,
    /// Not kept, though the two words are common enough that it would be if people wrote it:
    /// a pair no one writes.
    Missing,
    /// Not kept, and the words are too rare for that to say anything.
    #[default]
    TooRare,
}

/// The sum of the log counts (plus one) of every 2- and 3-gram spanning `word` in a learned
/// model: Bergsma, Lin and Goebel's SUMLM over the orders the model has. The trigram across the
/// word counts to the left side.
fn learned_score(model: &NgramModel, word: &str, around: &Around) -> Score {
    let mut score = Score::default();
    let l = around.left();
    let r = around.right();
    let add = |side: &mut Side, words: &[&str]| {
        if let Some(ln) = model.ln_count(words) {
            side.seen = true;
            side.ln += (ln.exp() + 1.0).ln();
        }
    };
    if let Some(&l1) = l.first() {
        add(&mut score.left, &[l1, word]);
        if let Some(&l2) = l.get(1) {
            add(&mut score.left, &[l2, l1, word]);
        }
        if let Some(&r1) = r.first() {
            add(&mut score.left, &[l1, word, r1]);
        }
    }
    if let Some(&r1) = r.first() {
        add(&mut score.right, &[word, r1]);
        if let Some(&r2) = r.get(1) {
            add(&mut score.right, &[word, r1, r2]);
        }
    }
    score
}

/// Up to `reach` (at most two) words either side of token `i`, stopping at the sentence's edge
/// and at anything that is not a word (a number, a dash, a quotation mark).
fn around(doc: &Document, i: usize, bounds: Bounds, reach: usize) -> Around<'_> {
    let reach = reach.min(2);
    let mut around = Around { left: [""; 2], left_len: 0, right: [""; 2], right_len: 0 };
    let mut k = i;
    while around.left_len < reach && k > bounds.first {
        k -= 1;
        let Some(word) = doc.folded_word(k) else { break };
        around.left[around.left_len] = word;
        around.left_len += 1;
    }
    let mut k = i + 1;
    while around.right_len < reach && k < bounds.end {
        let Some(word) = doc.folded_word(k) else { break };
        around.right[around.right_len] = word;
        around.right_len += 1;
        k += 1;
    }
    around
}

/// A word as a confusion can be judged: lower-case, or capitalised only at the start of its
/// sentence. A capital elsewhere marks a name; all capitals mark a heading or an acronym.
fn plain_case(text: &str, starts_sentence: bool) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else { return false };
    let rest_lower = chars.all(|c| !c.is_uppercase());
    rest_lower
        && (first.is_lowercase() || (starts_sentence && text.chars().count() > 1) || !first.is_alphabetic())
}

fn fold(word: &str) -> String {
    Lower::new(word.trim()).as_str().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use factlint_extract::Document;

    fn confusion(sets: &[&[&str]]) -> Confusion {
        let sets: Vec<ConfusionSet> = sets
            .iter()
            .map(|words| ConfusionSet::Words(words.iter().map(|w| w.to_string()).collect()))
            .collect();
        Confusion::new(&sets, Some(10.0), None).expect("sets compile")
    }

    fn first_slip(rule: &Confusion, text: &str, at: &str) -> Option<String> {
        let doc = Document::from_text(text);
        let sentence = doc.sentences()[0];
        let bounds = Bounds { first: sentence.first_token as usize, end: sentence.end_token as usize };
        let i = (bounds.first..bounds.end).find(|&i| doc.token_text(i) == at)?;
        let found = rule.words.iter().position(|word| *word == at.to_lowercase())?;
        let mut slips = Vec::new();
        rule.judge(&doc, &[Site { i, found, bounds }], None, |_, slip| {
            slips.push(format!("{} ({})", slip.replacement, slip.evidence))
        });
        slips.pop()
    }

    fn alternatives_of<'a>(rule: &'a Confusion, word: &str) -> Vec<(&'a str, f64)> {
        let found = rule.words.iter().position(|w| w == word).expect("a word of the rule");
        rule.alternatives[found].iter().map(|&(word, factor)| (rule.words[word].as_str(), factor)).collect()
    }

    #[test]
    fn the_shipped_model_reads() {
        let model = shipped();
        assert!(model.len() > 100_000, "{model:?}");
        assert!(model.ln_count(&["more", "than"]).is_some());
    }

    #[test]
    fn a_likelier_alternative_is_reported_with_its_context() {
        let rule = confusion(&[&["then", "than"]]);
        let slip = first_slip(&rule, "Sales rose more then expected.", "then").expect("a slip");
        assert!(slip.starts_with("than (“than” is"), "{slip}");
        assert!(slip.contains("“more”"), "{slip}");
        assert_eq!(first_slip(&rule, "Sales rose more than expected.", "than"), None);
        assert_eq!(first_slip(&rule, "Sales rose, and then fell.", "then"), None);
    }

    #[test]
    fn names_are_left_alone() {
        let rule = confusion(&[&["then", "than"]]);
        assert_eq!(first_slip(&rule, "Sales rose more Then expected.", "Then"), None);
    }

    #[test]
    fn directions_take_their_own_factor() {
        let set: ConfusionSet =
            serde_yaml::from_str("{ words: [lead, led], factor: { 'lead>led': 20 } }").expect("a set");
        let rule = Confusion::new(&[set], None, None).expect("compiles");
        assert_eq!(alternatives_of(&rule, "lead"), vec![("led", 20.0)]);
        assert!(alternatives_of(&rule, "led").is_empty());
        let bad: ConfusionSet =
            serde_yaml::from_str("{ words: [lead, led], factor: { 'lead>lad': 20 } }").expect("a set");
        assert!(Confusion::new(&[bad], None, None).is_err());
    }
}
