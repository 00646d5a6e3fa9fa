//! What a figure counts and whose it is: the noun phrase after it ("30,000 troops"), an owner
//! before it ("the EU's 27 member states"), "another" or "more" making it an addition, and for
//! ages the person ("Dana Ortiz, 47,").

use super::*;

/// "another 5,000", "an additional 5,000", "a further 5,000".
pub(super) fn additive_before(s: &Window, start: usize) -> bool {
    (start > s.first && s.is(start - 1, "another"))
        || (start >= s.first + 2
            && (s.is(start - 2, "a") || s.is(start - 2, "an"))
            && s.word(start - 1).is_some_and(|w| matches!(w.as_str(), "further" | "additional" | "extra")))
}

/// "the EU's 27 member states" → "EU"; "its nine members" → "its".
pub(super) fn owner_before(s: &Window, start: usize) -> Option<String> {
    if start <= s.first {
        return None;
    }
    let doc = s.doc;
    let previous = start - 1;
    if doc.token_kind(previous) != Some(TokenKind::Word) {
        return None;
    }
    let word = doc.token_text(previous);
    if let Some(owner) = strip_possessive(word) {
        return Some(owner.to_string());
    }
    ["its", "their", "his", "her", "our"]
        .into_iter()
        .any(|pronoun| word.eq_ignore_ascii_case(pronoun))
        .then(|| word.to_ascii_lowercase())
}

/// What the figure counts: the noun phrase after it ("Russian troops", "member states"), after
/// "of" for amounts and shares ("tens of thousands of soldiers", "64 percent of voters").
/// Returns the subject, where it ends, and whether "more" marked the figure as an addition.
pub(super) fn subject_after(s: &Window, at: usize, claim: &Claim) -> Option<(Subject, usize, bool)> {
    let doc = s.doc;
    let mut k = at;
    let mut additive = false;
    let allows_of = claim.qualifier == Qualifier::Vague
        || matches!(claim.kind, ClaimKind::Percent | ClaimKind::Measure | ClaimKind::Money)
        || claim.unit == Some(Unit::FRACTION)
        || claim.value.is_some_and(|v| v >= 1e6);
    if s.word(k).is_some_and(|w| matches!(w.as_str(), "more" | "additional" | "extra" | "further"))
        && !s.is(k + 1, "than")
    {
        additive = true;
        k += 1;
    }
    if s.is(k, "of") || (claim.kind == ClaimKind::Money && (s.is(k, "in") || s.is(k, "for"))) {
        if !allows_of && !s.is(k + 1, "the") && !s.is(k + 1, "them") {
            return None;
        }
        k += 1;
        if s.word(k).is_some_and(|w| matches!(w.as_str(), "the" | "its" | "their" | "his" | "her" | "our")) {
            k += 1;
        }
    }
    if matches!(claim.kind, ClaimKind::Duration | ClaimKind::Age) {
        return None;
    }
    let mut words: Vec<usize> = Vec::new();
    while k < s.end && words.len() < 3 {
        let Some(word) = s.word(k) else { break };
        let w = word.as_str();
        let text = doc.token_text(k);
        let capital = text.chars().next().is_some_and(char::is_uppercase);
        // A number word starts another figure ("twenty thirty", "five of the three-ton"), unless
        // it is part of a name ("the $22bn Three Gorges dam").
        if ends_subject(w)
            || starts_qualifier(w)
            || w.ends_with("ly") && w.len() > 4
            || numbers::may_start_number(text)
                && (!words.is_empty() || numbers::is_cardinal_word(w) && !capital)
        {
            break;
        }
        if capital && !words.is_empty() && !text.chars().all(|c| c.is_uppercase()) {
            break;
        }
        if strip_possessive(text).is_some() || !words.is_empty() && looks_like_verb(w) {
            break;
        }
        words.push(k);
        k += 1;
        // A plural noun is the head: "residents live there" stops at "residents".
        if is_plural_noun(w) {
            break;
        }
        // A hyphenated modifier: "Belarus-based", "long-range missiles".
        if s.text_is(k, "-")
            && doc.adjacent(k - 1)
            && doc.adjacent(k)
            && s.kind(k + 1) == Some(TokenKind::Word)
        {
            k += 1;
        }
    }
    // A trailing verb is not part of the noun phrase: "30 people died" keeps "people".
    while let Some(&last) = words.last() {
        let w = Lower::folded(doc.folded_word(last).unwrap_or_default());
        if words.len() > 1 && looks_like_verb(w.as_str())
            || words.len() == 1 && looks_like_verb(w.as_str()) && !w.as_str().ends_with('s')
        {
            words.pop();
        } else {
            break;
        }
    }
    let (&first_word, &last_word) = (words.first()?, words.last()?);
    let span = s.span(first_word, last_word + 1);
    let text = fold_phrase(doc.slice(span));
    let head_word = Lower::folded(doc.folded_word(last_word).unwrap_or_default());
    let head = singular(head_word.as_str());
    if claim.kind == ClaimKind::Count && claim.unit.is_none() && is_time_word(&head) {
        return None;
    }
    Some((Subject { span, text, head }, last_word + 1, additive))
}

/// A phrase lower-cased, with ’ as ': in one copy when it is ASCII, as nearly every subject is.
fn fold_phrase(phrase: &str) -> String {
    if phrase.is_ascii() { phrase.to_ascii_lowercase() } else { phrase.to_lowercase().replace('’', "'") }
}

/// Plurals end a noun phrase: modifiers stand in the singular ("member states").
pub(super) fn is_plural_noun(word: &str) -> bool {
    matches!(word, "people" | "children" | "men" | "women" | "police")
        || word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("us")
            && !word.ends_with("is")
}

pub(super) fn is_time_word(head: &str) -> bool {
    matches!(head, "am" | "pm" | "a.m" | "p.m" | "gmt" | "bst" | "edt" | "est" | "utc")
}

/// "the seven-member board", "the 27-nation bloc": the size of a body.
pub(super) fn member_compound(s: &Window, n: &Number) -> Option<(Subject, String, usize)> {
    let doc = s.doc;
    let at = n.end;
    if !(s.text_is(at, "-") && doc.adjacent(at - 1) && doc.adjacent(at)) {
        return None;
    }
    let member = s.word(at + 1)?;
    let member = member.as_str();
    if !matches!(member, "member" | "nation" | "country" | "state" | "seat" | "judge" | "person" | "strong") {
        return None;
    }
    let body = s.word(at + 2)?;
    if ends_subject(body.as_str()) {
        return None;
    }
    let span = s.span(at + 1, at + 2);
    let head = if member == "strong" { singular(body.as_str()) } else { member.to_string() };
    let text = if member == "strong" { body.as_str().to_string() } else { format!("{member}s") };
    Some((Subject { span, text, head }, body.as_str().to_string(), at + 3))
}

/// Ages: "the 47-year-old", "47 years old", "aged 47", and the appositive "Dana Ortiz, 47,".
pub(super) fn age(s: &Window, n: &Number, tail: &Tail, start: usize) -> Option<(usize, Option<String>)> {
    let doc = s.doc;
    if n.form != Form::Cardinal || n.vague.is_some() || !(0.0..=130.0).contains(&n.value) {
        return None;
    }
    if tail.unit == Some("year")
        || tail.unit == Some("month")
        || tail.unit == Some("week")
        || tail.unit == Some("day")
    {
        let end = tail.end;
        // "47-year-old", "47 years old", "47 years of age"
        if s.text_is(end, "-") && s.is(end + 1, "old") {
            return Some((end + 2, person_after(s, end + 2)));
        }
        if s.is(end, "old") {
            return Some((end + 1, None));
        }
        if s.phrase_at(end, &["of", "age"]) {
            return Some((end + 2, None));
        }
        return None;
    }
    if tail.unit.is_some() || tail.kind.is_some() {
        return None;
    }
    if start > s.first && (s.is(start - 1, "aged") || s.is(start - 1, "age")) {
        return Some((n.end, None));
    }
    // The appositive: a name, a comma, the age, a comma or the end of the sentence.
    if n.words || n.value.fract() != 0.0 || n.first < s.first + 2 || !s.text_is(n.first - 1, ",") {
        return None;
    }
    let closes = n.end >= s.end || matches!(doc.token_text(n.end), "," | "." | ";" | ")" | "—" | "–");
    if !closes || counts_after(s, n.end) {
        return None;
    }
    let person = person_before(s, n.first - 1)?;
    Some((n.end, Some(person)))
}

/// The capitalised name ending just before token `comma`.
pub(super) fn person_before(s: &Window, comma: usize) -> Option<String> {
    let doc = s.doc;
    let mut k = comma;
    while k > s.first && k + 4 > comma {
        let word = doc.token_text(k - 1);
        let capital = doc.token_kind(k - 1) == Some(TokenKind::Word)
            && word.chars().next().is_some_and(char::is_uppercase)
            && !word.chars().all(char::is_uppercase);
        if !capital {
            break;
        }
        k -= 1;
    }
    if k == comma {
        return None;
    }
    let name = doc.slice(s.span(k, comma));
    // Places and months take this shape too ("Paris, 2019"): require two words or a known
    // title before the name.
    if comma - k < 2 && !(k > s.first && is_title(doc.token_text(k - 1))) {
        return None;
    }
    Some(name.to_string())
}

pub(super) fn person_after(s: &Window, at: usize) -> Option<String> {
    let doc = s.doc;
    let mut k = at;
    while k < s.end && k < at + 3 {
        let word = doc.token_text(k);
        if doc.token_kind(k) != Some(TokenKind::Word) || !word.chars().next().is_some_and(char::is_uppercase)
        {
            break;
        }
        k += 1;
    }
    (k > at).then(|| doc.slice(s.span(at, k)).to_string())
}

pub(super) fn is_title(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Gov"
            | "Rep"
            | "Gen"
            | "President"
            | "Minister"
            | "Judge"
            | "Officer"
            | "Sgt"
            | "Capt"
            | "Prof"
            | "Lt"
            | "Col"
    )
}
