//! Where a story restates a figure, and which restatement to change.
//!
//! A restatement is two mentions of one quantity in different sentences, found by the signals a
//! copy editor links them by: the headline and the body, a definite back-reference ("the 1,500
//! jobs"), the same verb and object ("sold 38 lenders" twice), a total restated, one person's age,
//! a body's size, a direction said twice ("rose 5 pct" and "the 5 pct rise"), or simply the same
//! figure counting the same words. Only unambiguous quantities are used: every figure the story
//! gives for those words is the same, neither mention is an addition, a part, a comparison or a
//! table row, and both belong to the same period. The later mention is changed (for the
//! headline, the first mention in the body).

use crate::change::{self, Rng};
use crate::story::{Kind, Mention, Story};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Signal {
    BackReference,
    Headline,
    SameEvent,
    Age,
    BodySize,
    Total,
    Direction,
}

impl Signal {
    pub const ALL: [Signal; 7] = [
        Signal::BackReference,
        Signal::Headline,
        Signal::SameEvent,
        Signal::Age,
        Signal::BodySize,
        Signal::Total,
        Signal::Direction,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Signal::BackReference => "back-reference",
            Signal::Headline => "headline",
            Signal::SameEvent => "same-event",
            Signal::Age => "age",
            Signal::BodySize => "body-size",
            Signal::Total => "total",
            Signal::Direction => "direction",
        }
    }
}

/// One change to plant: replace `start..end` of the story with `replacement`.
#[derive(Debug, Clone, Serialize)]
pub struct Plant {
    pub signal: Signal,
    pub start: usize,
    pub end: usize,
    pub replacement: String,
    /// The changed mention (the number with the words it counts, or the direction word with
    /// its figure), in the original story's offsets.
    pub mention: (usize, usize),
    /// The mention it restates, in the original story's offsets (always before `mention`).
    pub antecedent: (usize, usize),
}

impl Plant {
    /// The changed mention's place in the planted copy.
    pub fn mention_in_copy(&self) -> (usize, usize) {
        let end = self.mention.1 + self.replacement.len() - (self.end - self.start);
        (self.mention.0, end)
    }

    pub fn apply(&self, text: &str) -> String {
        format!("{}{}{}", &text[..self.start], self.replacement, &text[self.end..])
    }
}

/// Tables and results lists: figures there are rows, not restatements.
pub fn is_table(story: &Story) -> bool {
    let comparisons =
        story.tokens.iter().filter(|t| matches!(t.lower.as_str(), "vs" | "shr" | "shrs" | "revs")).count();
    let columns = story
        .text
        .lines()
        .filter(|line| {
            let line = line.trim();
            line.contains("   ") || line.contains('\t') || line.ends_with("...")
        })
        .count();
    comparisons > 0 || columns >= 2
}

/// Words before a figure that make it something else than a restatement: an addition, a part,
/// a share, another group.
const NOT_THE_SAME: &[&str] = &[
    "another",
    "further",
    "additional",
    "extra",
    "other",
    "more",
    "including",
    "included",
    "among",
    "whom",
    "which",
    "remaining",
    "first",
    "last",
    "next",
    "latest",
    "previous",
    "new",
    "only",
    "each",
    "every",
    "per",
    "between",
    "from",
    "to",
];

/// Words that make the figure near them part of a comparison.
const COMPARISON: &[&str] = &["vs", "versus", "against", "compared", "from", "to"];

/// Words a figure may be qualified with between its verb and the number.
const QUALIFIERS: &[&str] = &[
    "about",
    "nearly",
    "some",
    "around",
    "approximately",
    "almost",
    "roughly",
    "over",
    "more",
    "than",
    "up",
    "to",
    "at",
    "least",
    "an",
    "estimated",
    "a",
    "by",
    "only",
    "just",
    "less",
    "under",
    "below",
    "above",
];

const DETERMINERS: &[&str] = &["the", "those", "these", "all", "its", "their", "his", "her", "our", "both"];

const TOTAL: &[&str] =
    &["total", "totalling", "totaling", "totalled", "totaled", "toll", "aggregate", "overall", "combined"];

/// Verbs by lemma and their forms, for "the same event".
const VERBS: &[(&str, &[&str])] = &[
    ("buy", &["buy", "buys", "bought", "buying"]),
    ("sell", &["sell", "sells", "sold", "selling"]),
    ("cut", &["cut", "cuts", "cutting"]),
    ("raise", &["raise", "raises", "raised", "raising"]),
    ("acquire", &["acquire", "acquires", "acquired", "acquiring"]),
    ("issue", &["issue", "issues", "issued", "issuing"]),
    ("offer", &["offer", "offers", "offered", "offering"]),
    ("pay", &["pay", "pays", "paid", "paying"]),
    ("export", &["export", "exports", "exported", "exporting"]),
    ("import", &["import", "imports", "imported", "importing"]),
    ("produce", &["produce", "produces", "produced", "producing"]),
    ("ship", &["ship", "ships", "shipped", "shipping"]),
    ("hold", &["hold", "holds", "held", "holding"]),
    ("own", &["own", "owns", "owned"]),
    ("lay", &["lay", "lays", "laid", "laying"]),
    ("eliminate", &["eliminate", "eliminates", "eliminated", "eliminating"]),
    ("hire", &["hire", "hires", "hired", "hiring"]),
    ("employ", &["employ", "employs", "employed", "employing"]),
    ("kill", &["kill", "kills", "killed", "killing"]),
    ("arrest", &["arrest", "arrests", "arrested", "arresting"]),
    ("lend", &["lend", "lends", "lent", "lending"]),
    ("borrow", &["borrow", "borrows", "borrowed", "borrowing"]),
    ("invest", &["invest", "invests", "invested", "investing"]),
    ("spend", &["spend", "spends", "spent", "spending"]),
    ("earn", &["earn", "earns", "earned", "earning"]),
    ("purchase", &["purchase", "purchases", "purchased", "purchasing"]),
    ("repurchase", &["repurchase", "repurchases", "repurchased", "repurchasing"]),
    ("receive", &["receive", "receives", "received", "receiving"]),
    ("tender", &["tender", "tenders", "tendered", "tendering"]),
    ("reduce", &["reduce", "reduces", "reduced", "reducing"]),
    ("close", &["close", "closes", "closed", "closing"]),
    ("build", &["build", "builds", "built", "building"]),
    ("seek", &["seek", "seeks", "sought", "seeking"]),
    ("sue", &["sue", "sues", "sued", "suing"]),
    ("evacuate", &["evacuate", "evacuates", "evacuated", "evacuating"]),
    ("plant", &["plant", "plants", "planted", "planting"]),
    ("harvest", &["harvest", "harvests", "harvested", "harvesting"]),
    ("load", &["load", "loads", "loaded", "loading"]),
    ("register", &["register", "registers", "registered", "registering"]),
    ("authorize", &["authorize", "authorizes", "authorized", "authorizing"]),
    ("approve", &["approve", "approves", "approved", "approving"]),
];

/// Period words: two mentions with different ones count different periods.
const PERIODS: &[&str] = &[
    "ago",
    "earlier",
    "previous",
    "prior",
    "last",
    "year-ago",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "quarter",
    "first",
    "second",
    "third",
    "fourth",
    "half",
    "week",
    "month",
    "year",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Plants for `story`: at most one per signal, each changing one mention.
pub fn plants(story: &Story, id: u64) -> Vec<Plant> {
    if is_table(story) {
        return Vec::new();
    }
    let mut found: Vec<Plant> = Vec::new();
    let mut add = |plant: Option<Plant>| {
        if let Some(plant) = plant
            && !found.iter().any(|p| p.signal == plant.signal)
        {
            found.push(plant);
        }
    };
    for (b_index, b) in story.mentions.iter().enumerate() {
        for a in &story.mentions[..b_index] {
            if let Some(signal) = figure_signal(story, a, b) {
                add(figure_plant(story, id, signal, a, b));
            }
        }
    }
    for plant in ages(story, id) {
        add(Some(plant));
    }
    for plant in sizes(story, id) {
        add(Some(plant));
    }
    for plant in directions(story) {
        add(Some(plant));
    }
    found.sort_by_key(|p| p.signal);
    found
}

fn figure_plant(story: &Story, id: u64, signal: Signal, a: &Mention, b: &Mention) -> Option<Plant> {
    let number = &story.tokens[b.number];
    let original = &story.text[number.start..number.end];
    let mut rng = Rng::new(id, number.start);
    let replacement = change::figure(original, b.value, &mut rng)?;
    // Not "all two points" nor "both three sides".
    let two = replacement == "two" || replacement == "2";
    match b.number.checked_sub(1).map(|i| story.word(i)) {
        Some("all") if two => return None,
        Some("both") if !two => return None,
        _ => {}
    }
    // The new figure must not be one the story gives elsewhere for the same words.
    let taken = story.mentions.iter().any(|m| m.key == b.key && story.raw(m.number) == replacement);
    if taken {
        return None;
    }
    Some(Plant {
        signal,
        start: number.start,
        end: number.end,
        replacement,
        mention: (b.start, b.end),
        antecedent: (a.start, a.end),
    })
}

/// Whether `a` and the later `b` are two mentions of one quantity, and by which signal.
fn figure_signal(story: &Story, a: &Mention, b: &Mention) -> Option<Signal> {
    if a.value != b.value || a.sentence == b.sentence || b.in_title {
        return None;
    }
    let headline = a.in_title && !b.in_title;
    let same_words = a.key == b.key || (headline && prefix_of(&a.key, &b.key));
    if !same_words {
        return None;
    }
    if headline {
        // The first mention in the body, and only that one, restates the headline.
        let first_in_body = story.mentions.iter().find(|m| !m.in_title && keys_match(&a.key, &m.key));
        if first_in_body.is_none_or(|m| m.number != b.number) {
            return None;
        }
    }
    // One quantity: every figure given for these words is this one.
    let single = story
        .mentions
        .iter()
        .filter(|m| keys_match(&m.key, &b.key) || keys_match(&m.key, &a.key))
        .all(|m| m.value == b.value);
    if !single
        || !plain(story, a)
        || !plain(story, b)
        || different_periods(&periods(story, a), &periods(story, b))
        || repeated(story, a.number, b.number)
    {
        return None;
    }
    if headline {
        return Some(Signal::Headline);
    }
    if (total(story, a) || total(story, b)) && !a.weak {
        return Some(Signal::Total);
    }
    if b.number > 0 && DETERMINERS.contains(&story.word(b.number - 1)) {
        return Some(Signal::BackReference);
    }
    if let (Some(x), Some(y)) = (verb(story, a), verb(story, b))
        && x == y
    {
        return Some(Signal::SameEvent);
    }
    // The same figure for the same words and nothing else linking them is too often two things
    // (two bonds each carrying two warrants, two purchases of 25,000 tonnes): not planted.
    None
}

fn prefix_of(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long == short || long.starts_with(&format!("{short} "))
}

fn keys_match(a: &str, b: &str) -> bool {
    prefix_of(a, b)
}

/// Neither an addition, a part, a share nor a comparison.
fn plain(story: &Story, m: &Mention) -> bool {
    let before = |k: usize| m.number.checked_sub(k).map_or("", |i| story.word(i));
    let after_end = story.tokens.iter().position(|t| t.start >= m.end).unwrap_or(story.tokens.len());
    let after = |k: usize| story.word(after_end + k);
    if NOT_THE_SAME.contains(&before(1)) || NOT_THE_SAME.contains(&before(2)) {
        return false;
    }
    if (before(2) == "out" && before(1) == "of")
        || after(0) == "more"
        || (after(0) == "of" && matches!(after(1), "whom" | "which" | "them"))
    {
        return false;
    }
    let near = (1..=3).map(before).chain((0..3).map(after));
    !near.into_iter().any(|w| COMPARISON.contains(&w))
}

/// Whether the two places sit in the same words: a paragraph the wire repeated, where changing
/// one copy plants a typo rather than a contradiction. (A lead restating its headline word for
/// word is not a repeat.)
fn repeated(story: &Story, a: usize, b: usize) -> bool {
    if story.tokens[a].start < story.title_end {
        return false;
    }
    let words = |i: usize| -> Vec<&str> {
        let is_word = |k: &usize| story.tokens[*k].kind == Kind::Word;
        let before = (0..i).rev().filter(is_word).take(4);
        let after = (i + 1..story.tokens.len()).filter(is_word).take(3);
        before.chain(after).map(|k| story.word(k)).collect()
    };
    words(a) == words(b)
}

fn total(story: &Story, m: &Mention) -> bool {
    (1..=3).any(|k| m.number.checked_sub(k).is_some_and(|i| TOTAL.contains(&story.word(i))))
}

/// The verb before a figure, past its qualifiers, as a lemma.
fn verb(story: &Story, m: &Mention) -> Option<&'static str> {
    let mut i = m.number;
    while i > 0 {
        i -= 1;
        let word = story.word(i);
        if QUALIFIERS.contains(&word) {
            continue;
        }
        return VERBS.iter().find(|(_, forms)| forms.contains(&word)).map(|(lemma, _)| *lemma);
    }
    None
}

/// Two sentences that both name a period and name different ones count different periods; a
/// sentence that names none restates the other's.
fn different_periods(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && !b.is_empty() && a != b
}

/// The period words and years in a mention's sentence.
fn periods(story: &Story, m: &Mention) -> Vec<String> {
    let mut found: Vec<String> = story
        .tokens
        .iter()
        .filter(|t| t.sentence == m.sentence)
        .filter_map(|t| match t.kind {
            Kind::Number(v)
                if (1900.0..=2100.0).contains(&v) && !story.text[t.start..t.end].contains(',') =>
            {
                Some(t.lower.clone())
            }
            Kind::Word if PERIODS.contains(&t.lower.as_str()) => Some(t.lower.clone()),
            _ => None,
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

const MONTHS_AND_DAYS: &[&str] = &[
    "jan",
    "feb",
    "march",
    "april",
    "may",
    "june",
    "july",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// "Name Surname, 54," and later "Surname, 54" or "the 54-year-old": one person's age twice.
fn ages(story: &Story, id: u64) -> Vec<Plant> {
    struct Given {
        surname: String,
        value: f64,
        number: usize,
    }
    let tokens = &story.tokens;
    let is_name = |i: usize| {
        let raw = story.raw(i);
        tokens[i].kind == Kind::Word
            && raw.starts_with(|c: char| c.is_ascii_uppercase())
            && raw.chars().skip(1).any(|c| c.is_ascii_lowercase())
            && !MONTHS_AND_DAYS.contains(&tokens[i].lower.as_str())
    };
    let age_at = |i: usize| match tokens.get(i).map(|t| t.kind) {
        Some(Kind::Number(v))
            if (18.0..=99.0).contains(&v) && v.fract() == 0.0 && story.raw(i).len() == 2 =>
        {
            Some(v)
        }
        _ => None,
    };
    let mut given = Vec::new();
    let mut year_olds = Vec::new();
    for i in 2..tokens.len() {
        // Surname , NN ,|was|who|is
        if story.word(i - 1) == ","
            && is_name(i - 2)
            && is_name(i.saturating_sub(3))
            && let Some(value) = age_at(i)
            && matches!(story.word(i + 1), "," | "was" | "who" | "is" | "has" | "will" | "and")
        {
            given.push(Given { surname: tokens[i - 2].lower.clone(), value, number: i });
        }
        // NN-year-old
        if let Some(value) = age_at(i)
            && story.word(i + 1) == "-"
            && story.word(i + 2) == "year"
            && story.word(i + 4) == "old"
        {
            year_olds.push((value, i));
        }
    }
    let mut plants = Vec::new();
    let people: Vec<&str> = given.iter().map(|g| g.surname.as_str()).collect();
    let one_person = people.windows(2).all(|w| w[0] == w[1]);
    for (k, first) in given.iter().enumerate() {
        let again = given[k + 1..]
            .iter()
            .find(|g| g.surname == first.surname && g.value == first.value)
            .map(|g| g.number);
        let year_old = if one_person {
            year_olds.iter().find(|(v, i)| *v == first.value && *i > first.number).map(|(_, i)| *i)
        } else {
            None
        };
        for later in again.into_iter().chain(year_old) {
            if tokens[later].sentence == tokens[first.number].sentence {
                continue;
            }
            let token = &tokens[later];
            let original = story.raw(later);
            if let Some(replacement) = change::age(original, first.value, &mut Rng::new(id, token.start)) {
                let first_token = &tokens[first.number];
                plants.push(Plant {
                    signal: Signal::Age,
                    start: token.start,
                    end: token.end,
                    replacement,
                    mention: (token.start, token.end),
                    antecedent: (tokens[first.number - 2].start, first_token.end),
                });
            }
        }
    }
    plants
}

/// Words a body's size is counted in: "13-nation", "its 13 members".
const MEMBERS: &[&str] = &[
    "member",
    "members",
    "nation",
    "nations",
    "country",
    "countries",
    "seat",
    "seats",
    "man",
    "strong",
    "state",
    "states",
];

/// "the 13-nation group" and "its 13 members": one body's size twice.
fn sizes(story: &Story, id: u64) -> Vec<Plant> {
    let tokens = &story.tokens;
    let mut sizes: Vec<(f64, usize, usize)> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Kind::Number(value) = token.kind else { continue };
        if value.fract() != 0.0 || !(2.0..=500.0).contains(&value) {
            continue;
        }
        let hyphenated = story.word(i + 1) == "-" && MEMBERS.contains(&story.word(i + 2));
        let counted = matches!(story.word(i + 1), "members" | "member")
            && matches!(story.word(i.wrapping_sub(1)), "its" | "their" | "the" | "s" | "all");
        if hyphenated {
            sizes.push((value, i, tokens[i + 2].end));
        } else if counted {
            sizes.push((value, i, tokens[i + 1].end));
        }
    }
    let mut plants = Vec::new();
    // One size only: a story giving two sizes is about two bodies, or already wrong.
    if sizes.windows(2).any(|w| w[0].0 != w[1].0) {
        return plants;
    }
    for pair in sizes.windows(2) {
        let ((value, a, a_end), (_, b, b_end)) = (pair[0], pair[1]);
        if tokens[a].sentence == tokens[b].sentence {
            continue;
        }
        let token = &tokens[b];
        let original = story.raw(b);
        if let Some(replacement) =
            change::small_count(original, value, &mut Rng::new(id, token.start), 2.0, 500.0)
        {
            plants.push(Plant {
                signal: Signal::BodySize,
                start: token.start,
                end: token.end,
                replacement,
                mention: (token.start, b_end),
                antecedent: (tokens[a].start, a_end),
            });
        }
    }
    plants
}

/// "exports rose 5 pct" and later "the 5 pct rise in exports": the later direction is flipped.
fn directions(story: &Story) -> Vec<Plant> {
    struct Moved {
        value: f64,
        up: bool,
        word: usize,
        number: usize,
    }
    let tokens = &story.tokens;
    let mut moves = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Kind::Number(value) = token.kind else { continue };
        if !matches!(story.word(i + 1), "pct" | "percent") {
            continue;
        }
        // rose (by) 5 pct
        let before =
            if story.word(i.wrapping_sub(1)) == "by" { i.wrapping_sub(2) } else { i.wrapping_sub(1) };
        // a 5 pct rise
        let after = i + 2;
        for word in [before, after] {
            if let Some(up) = change::direction(story.word(word)) {
                moves.push(Moved { value, up, word, number: i });
                break;
            }
        }
    }
    let mut plants = Vec::new();
    for (k, a) in moves.iter().enumerate() {
        for b in &moves[k + 1..] {
            if a.value != b.value || a.up != b.up || tokens[a.number].sentence == tokens[b.number].sentence {
                continue;
            }
            let (wa, wb) = (indicator(story, a.word, a.number), indicator(story, b.word, b.number));
            if !wa.iter().any(|w| wb.contains(w)) {
                continue;
            }
            let same_period = |m: &Moved| {
                let mut p: Vec<&str> = tokens
                    .iter()
                    .filter(|t| t.sentence == tokens[m.number].sentence)
                    .map(|t| t.lower.as_str())
                    .filter(|w| PERIODS.contains(w) || w.len() == 4 && w.starts_with("19"))
                    .collect();
                p.sort();
                p.dedup();
                p
            };
            if same_period(a) != same_period(b) || repeated(story, a.number, b.number) {
                continue;
            }
            let word = &tokens[b.word];
            let Some(replacement) = change::opposite(story.raw(b.word)) else { continue };
            let span = |m: &Moved| (tokens[m.word.min(m.number)].start, tokens[m.word.max(m.number + 1)].end);
            plants.push(Plant {
                signal: Signal::Direction,
                start: word.start,
                end: word.end,
                replacement,
                mention: span(b),
                antecedent: span(a),
            });
        }
    }
    plants
}

/// What a direction is said of: the words before the verb ("U.S. housing starts rose 2.6 pct"),
/// or after the noun ("a 2.6 pct rise in housing starts"). Empty when neither is there.
fn indicator<'a>(story: &'a Story, word: usize, number: usize) -> Vec<&'a str> {
    const AUXILIARIES: &[&str] =
        &["were", "was", "is", "are", "had", "has", "have", "been", "be", "will", "would"];
    let content = |i: &usize| {
        let token = &story.tokens[*i];
        token.kind == Kind::Word
            && token.sentence == story.tokens[word].sentence
            && !NOT_INDICATORS.contains(&token.lower.as_str())
            && !PERIODS.contains(&token.lower.as_str())
    };
    let mut found = Vec::new();
    if word < number {
        let mut i = word;
        while i > 0 && AUXILIARIES.contains(&story.word(i - 1)) {
            i -= 1;
        }
        found.extend((i.saturating_sub(3)..i).rev().take_while(content).map(|i| story.word(i)));
    } else if story.word(word + 1) == "in" {
        found.extend(
            (word + 2..(word + 4).min(story.tokens.len())).take_while(content).map(|i| story.word(i)),
        );
    }
    found
}

/// Words that do not say what moved: periods, function words.
const NOT_INDICATORS: &[&str] = &[
    "the", "a", "an", "in", "of", "and", "after", "before", "from", "to", "by", "on", "at", "for", "with",
    "said", "that", "this", "its", "their", "which", "while", "but", "also", "u", "s",
];
