//! Figures restated for the same words: the headline and the body, a definite back-reference,
//! the same verb and object, a total.

use super::{PERIODS, Plant, Signal, repeated};
use crate::change::{self, Rng};
use crate::story::{Kind, Mention, Story};

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

/// The first restatement of each figure signal, its later mention changed.
pub fn plants<'a>(story: &'a Story, id: u64) -> impl Iterator<Item = Plant> + 'a {
    story.mentions.iter().enumerate().flat_map(move |(k, b)| {
        story.mentions[..k].iter().filter_map(move |a| {
            figure_signal(story, a, b).and_then(|signal| figure_plant(story, id, signal, a, b))
        })
    })
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
    // The same verb, object and agent: "it sued 38 lenders" ... "it sued 38 lenders".
    if let (Some((x, i)), Some((y, j))) = (verb(story, a), verb(story, b))
        && x == y
        && agent(story, i) == agent(story, j)
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

fn total(story: &Story, m: &Mention) -> bool {
    (1..=3).any(|k| m.number.checked_sub(k).is_some_and(|i| TOTAL.contains(&story.word(i))))
}

/// The verb before a figure, past its qualifiers, as a lemma.
fn verb(story: &Story, m: &Mention) -> Option<(&'static str, usize)> {
    let mut i = m.number;
    while i > 0 {
        i -= 1;
        let word = story.word(i);
        if QUALIFIERS.contains(&word) {
            continue;
        }
        return VERBS.iter().find(|(_, forms)| forms.contains(&word)).map(|(lemma, _)| (*lemma, i));
    }
    None
}

/// Who does what the verb at `verb` says: the word before it, past auxiliaries and adverbs.
fn agent<'a>(story: &'a Story, verb: usize) -> &'a str {
    const BETWEEN: &[&str] = &[
        "now",
        "also",
        "has",
        "have",
        "had",
        "already",
        "will",
        "would",
        "recently",
        "previously",
        "currently",
        "is",
        "was",
        "to",
        "plans",
        "expects",
        "agreed",
        "said",
    ];
    (0..verb).rev().map(|i| story.word(i)).find(|w| !BETWEEN.contains(w)).unwrap_or("")
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
