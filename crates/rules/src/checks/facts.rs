//! `facts`: a figure that contradicts the newsroom's reference sheet ("the EU's 25 member
//! states" when the sheet says 27), citing the sheet's source.
//!
//! A claim is about a fact when it counts the fact's subject ("member states", or the head noun
//! of one of its aliases: "EU members" → "members") and names the entity: as owner ("the EU's"),
//! as a modifier ("25 EU member states"), or after it ("members of the EU").

use crate::facts::Fact;
use crate::finding::Finding;
use crate::rule::Rule;
use factlint_extract::Lower;
use factlint_extract::{Claim, ClaimKind, Document, TokenKind, singular};

pub(crate) fn run(rule: &Rule, doc: &Document, claims: &[Claim], facts: &[Fact], out: &mut Vec<Finding>) {
    if facts.is_empty() {
        return;
    }
    let reference = doc.reference_date();
    let keyed: Vec<(&Fact, Key)> =
        facts.iter().filter(|f| f.valid_on(reference)).map(|f| (f, Key::of(f))).collect();
    for claim in claims.iter().filter(|c| c.kind == ClaimKind::Count && !c.additive) {
        let Some(head) = claim.head() else { continue };
        for (fact, key) in &keyed {
            if !key.heads.iter().any(|h| h == head) || !names_entity(doc, claim, key) {
                continue;
            }
            let contradicts = claim.low.is_some_and(|low| low > fact.value)
                || claim.high.is_some_and(|high| high < fact.value);
            if contradicts {
                let value = format_value(fact.value);
                out.push(rule.finding(
                    claim.figure,
                    &[
                        ("found", doc.slice(claim.span)),
                        ("entity", &fact.entity),
                        ("subject", &fact.subject),
                        ("value", &value),
                        ("source", &fact.source),
                    ],
                    Some(value.clone()),
                ));
            }
        }
    }
}

/// How a fact is recognised in copy.
struct Key {
    /// Singular head nouns of the subject: "state", and "member" from the alias "EU members".
    heads: Vec<String>,
    /// Names of the entity, folded: "european union", "eu".
    names: Vec<String>,
}

impl Key {
    fn of(fact: &Fact) -> Key {
        let fold = |s: &str| Lower::new(s).as_str().to_string();
        let head = |phrase: &str| phrase.split_whitespace().last().map(|w| singular(&fold(w)));
        let subject_words: Vec<String> = fact.subject.split_whitespace().map(fold).collect();
        let mut heads: Vec<String> = head(&fact.subject).into_iter().collect();
        let mut names = vec![fold(fact.entity.trim_start_matches("the ").trim_start_matches("The "))];
        for alias in &fact.aliases {
            // "the alliance" is named "alliance" after "the" or a possessive's determiner.
            let words: Vec<String> = alias.split_whitespace().map(fold).skip_while(|w| w == "the").collect();
            match words.iter().position(|w| w == "of") {
                // "members of the EU": the head before "of", the entity after.
                Some(of) => {
                    heads.extend(words[..of].last().map(|w| singular(w)));
                    let entity: Vec<&String> = words[of + 1..].iter().filter(|w| *w != "the").collect();
                    names.push(entity.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(" "));
                }
                None if words.len() > 1 => {
                    // "EU members": the entity, then the subject's head.
                    let last = singular(&words[words.len() - 1]);
                    if subject_words.iter().any(|w| singular(w) == last) || heads.contains(&last) {
                        heads.push(last);
                        names.push(words[..words.len() - 1].join(" "));
                    } else {
                        names.push(words.join(" "));
                    }
                }
                None => names.extend(words),
            }
        }
        heads.sort();
        heads.dedup();
        names.sort();
        names.dedup();
        Key { heads, names }
    }
}

/// Whether the claim names the entity: as owner ("the EU's", "the Norwegian parliament's"), as a
/// modifier ("25 EU member states"), or after it ("the 25 members of the EU"). After it, the
/// figure must be the whole ("the", "all" or "its" before it): "26 members of the EU signed"
/// counts some of them.
fn names_entity(doc: &Document, claim: &Claim, key: &Key) -> bool {
    let is_name = |words: &[String]| key.names.iter().any(|n| *n == words.join(" "));
    // The figure's first token: an owner stands right before it, as does "the" or "all".
    let start = doc.token_at(claim.figure.start);
    if claim.owner.is_some() && start > 0 {
        // The owner and up to three words before it: a possessive may end a longer name.
        let mut words: Vec<String> = Vec::new();
        let owner = start - 1;
        for k in (owner.saturating_sub(3)..=owner).rev() {
            if doc.token_kind(k) != Some(TokenKind::Word) {
                break;
            }
            let text = doc.token_text(k);
            let bare = if k == owner { text.trim_end_matches("'s").trim_end_matches("’s") } else { text };
            words.insert(0, Lower::new(bare).as_str().to_string());
            if is_name(&words) {
                return true;
            }
        }
    }
    if let Some(subject) = &claim.subject
        && subject.text.split_whitespace().any(|w| key.names.iter().any(|n| n == w))
    {
        return true;
    }
    let whole = start > 0
        && matches!(Lower::new(doc.token_text(start - 1)).as_str(), "the" | "all" | "its" | "their");
    let mut k = doc.token_at(claim.span.end);
    if !whole || !doc.is_word(k, "of") {
        return false;
    }
    k += 1;
    if doc.is_word(k, "the") {
        k += 1;
    }
    let mut words = Vec::new();
    while words.len() < 4 && doc.token_kind(k) == Some(TokenKind::Word) {
        words.push(Lower::new(doc.token_text(k)).as_str().to_string());
        if is_name(&words) {
            return true;
        }
        k += 1;
    }
    false
}

fn format_value(value: f64) -> String {
    if value.fract() == 0.0 { format!("{}", value as i64) } else { value.to_string() }
}
