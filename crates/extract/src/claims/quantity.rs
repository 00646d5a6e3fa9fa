//! Figures: counts, money, percentages, measures, ordinals, ages and scores.
//!
//! For each number in a sentence this module reads the words around it: a sign ("minus",
//! "-10"), a qualifier before ("more than", "nearly", ">") or after ("or more", "and over"), a
//! second number making a range ("10-20", "between 10 and 20", "44 mg to 50 mg"), a currency, a
//! percent sign or a unit (with a smaller one completing it: "6ft 2in"), and what the figure
//! counts (the noun phrase after it: "30,000 troops", "tens of thousands of soldiers"). Two bounds
//! joined by "and" become one range ("more than 10 and less than 40"). Dates and times are taken
//! first by `temporal`; their tokens are skipped here.

use crate::claims::claim::{Claim, ClaimKind, DateValue, Detail, Qualifier, Subject};
use crate::claims::qualifier_words::{QUALIFIERS_AFTER, QUALIFIERS_BEFORE, starts_qualifier};
use crate::claims::word_lists;
use crate::numbers::units::{self, Unit};
use crate::numbers::{self, Form, Number};
use crate::text::lexicon::{ends_subject, looks_like_verb, singular, strip_possessive};
use crate::text::lower::Lower;
use crate::text::token::TokenKind;
use crate::text::window::Window;
use jiff::civil::Date;

pub(crate) fn scan(window: &Window, out: &mut Vec<Claim>) {
    let mut i = window.first;
    while i < window.end {
        if let Some(end) = window.taken_end(i) {
            i = end;
            continue;
        }
        if !may_start_claim(window, i) {
            i += 1;
            continue;
        }
        match claim_at(window, i) {
            Some((claim, next)) => {
                let (claim, next) = bounded_range(window, &claim, next).unwrap_or((claim, next));
                out.push(claim);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
}

/// A cheap first look: most tokens cannot start a figure, and `claim_at` is large. A figure
/// starts at digits, at a sign or mark right before digits ("$5", "£-3", ".08"), at a word
/// before digits ("USD 5", "US$5") or at a word that may be a number ("forty", "dozens").
fn may_start_claim(s: &Window, i: usize) -> bool {
    match s.kind(i) {
        Some(TokenKind::Number) => true,
        Some(TokenKind::Punct) => {
            s.kind(i + 1) == Some(TokenKind::Number) || s.kind(i + 2) == Some(TokenKind::Number)
        }
        Some(TokenKind::Word) => {
            s.kind(i + 1) == Some(TokenKind::Number)
                || s.text_is(i + 1, "$")
                || numbers::may_be_number_word(s.text(i))
        }
        Some(TokenKind::Quote) | None => false,
    }
}

/// "more than 10 and less than 40", "at most 100 and at least 20 apples": two bounds of one
/// range. The first bound must count nothing of its own ("more than 100 people died and fewer
/// than 20 were hurt" is two figures).
fn bounded_range(s: &Window, first: &Claim, next: usize) -> Option<(Claim, usize)> {
    let lower = |q: Qualifier| matches!(q, Qualifier::MoreThan | Qualifier::AtLeast);
    let upper = |q: Qualifier| matches!(q, Qualifier::LessThan | Qualifier::AtMost | Qualifier::UpTo);
    if !(lower(first.qualifier) || upper(first.qualifier)) || first.subject.is_some() {
        return None;
    }
    let mut k = next;
    if s.text_is(k, ",") {
        k += 1;
    }
    if s.is(k, "and") || s.is(k, "but") {
        k += 1;
    }
    if k == next || k >= s.end || s.taken_end(k).is_some() {
        return None;
    }
    // The second bound's qualifier starts right after the joint: "and less than 40".
    let start = s.doc.tokens().get(k)?.span.start;
    let (second, end) =
        (k..(k + 6).min(s.end)).find_map(|j| claim_at(s, j).filter(|(c, _)| c.span.start == start))?;
    let pair = if lower(first.qualifier) && upper(second.qualifier) {
        (first, &second)
    } else if upper(first.qualifier) && lower(second.qualifier) {
        (&second, first)
    } else {
        return None;
    };
    let (low, high) = (pair.0.value?, pair.1.value?);
    // "more than 10 and less than 40 dollars": the unit after the second bound serves both.
    let bare_first = first.kind == ClaimKind::Count && first.unit.is_none();
    let agree = bare_first || first.kind == second.kind && first.unit == second.unit;
    if !agree || low >= high {
        return None;
    }
    let mut range = second.clone();
    range.span = first.span.cover(second.span);
    range.figure = first.figure.cover(second.figure);
    range.qualifier = Qualifier::Range;
    range.value = Some(low);
    range.low = Some(low);
    range.high = Some(high);
    Some((range, end))
}

/// What was read after the number.
#[derive(Default)]
struct Tail {
    unit: Option<&'static str>,
    kind: Option<ClaimKind>,
    end: usize,
    /// A scale written after the unit: "75 USD million".
    scale: Option<f64>,
}

fn claim_at(s: &Window, i: usize) -> Option<(Claim, usize)> {
    let doc = s.doc;
    let token_kind = s.kind(i)?;
    // A currency before the figure: "$5", "US$5", "£5m", "USD 5".
    let (money, number_at) = match token_kind {
        TokenKind::Punct => mark_before(s, i)?,
        TokenKind::Word
            if doc.adjacent(i) && s.text_is(i + 1, "$") && s.kind(i + 2) == Some(TokenKind::Number) =>
        {
            let code = units::currency_sign("$", Some(doc.token_text(i)))?;
            (Some(code), i + 2)
        }
        TokenKind::Word if s.kind(i + 1) == Some(TokenKind::Number) => {
            match units::currency_code(doc.token_text(i)) {
                Some((code, _)) => (Some(code), i + 1),
                None => (None, i),
            }
        }
        TokenKind::Word => {
            if !numbers::may_start_number(doc.token_text(i)) {
                return None;
            }
            (None, i)
        }
        TokenKind::Number => (None, i),
        TokenKind::Quote => return None,
    };
    if money.is_none() && is_identifier(s, number_at) {
        return None;
    }
    let mut n = numbers::parse_at(doc, number_at, s.end)?;
    if let Some(end) = s.taken_end(n.end.saturating_sub(1)) {
        // The number runs into a date ("May 2"): leave it to the date.
        if end > n.first {
            return None;
        }
    }
    let mut first = i;

    if let Some(factor) = glued_scale(s, &n, money.is_some()) {
        n.value *= factor;
        n.scale = factor;
        n.magnitude = true;
        n.suffix = None;
    }
    // "MAUD 60": millions of Australian dollars.
    if token_kind == TokenKind::Word
        && let Some((_, factor)) = units::currency_code(doc.token_text(i))
    {
        n.value *= factor;
    }

    // A sign: "-10C", "minus five", "$-99.99".
    if money.is_some() && number_at > i + 1 && matches!(doc.token_text(number_at - 1), "-" | "−") {
        n.value = -n.value;
    } else if let Some(sign_at) = negative_sign(s, first) {
        n.value = -n.value;
        first = sign_at;
    }

    let (mut qualifier_before, mut qualifier_at) = qualifier_before(s, first, n.form);
    // "exceeded 1985 profits": a verb before a year does not bound it.
    if n.year_like && qualifier_at.is_some_and(|at| s.word(at).is_some_and(|w| is_comparing_verb(w.as_str())))
    {
        (qualifier_before, qualifier_at) = (Qualifier::Exact, None);
    }
    let mut qualifier = qualifier_before;
    let mut claim_start = qualifier_at.unwrap_or(first);

    // A second number: a range or a score.
    let mut range: Option<Number> = None;
    let mut score: Option<(f64, f64)> = None;
    let mut end = n.end;
    if n.vague.is_none()
        && n.suffix.is_none()
        && let Some((second, kind)) = second_number(s, &n, claim_start, n.end)
    {
        end = second.end;
        match kind {
            Pairing::Range => {
                if second.magnitude && !n.magnitude && n.value * second.scale <= second.value {
                    n.value *= second.scale;
                }
                if range_sets_bounds(s, qualifier, claim_start) {
                    qualifier = Qualifier::Range;
                }
                range = Some(second);
            }
            Pairing::Score => score = Some((n.value, second.value)),
            Pairing::YearSpan => return None,
        }
    }
    let last = range.as_ref().unwrap_or(&n);
    let mut tail = if score.is_some() { Tail { end, ..Tail::default() } } else { tail_after(s, last, money) };
    if tail.end < end {
        tail.end = end;
    }
    // "44 mg to 50 mg", "between 5 mph and 10 mph", "-18 °C to -34 °C"
    if range.is_none()
        && score.is_none()
        && n.vague.is_none()
        && let Some((second, second_tail)) = repeated_unit_range(s, &n, &tail, claim_start, money)
    {
        if range_sets_bounds(s, qualifier, claim_start) {
            qualifier = Qualifier::Range;
        }
        range = Some(second);
        tail = second_tail;
    }
    if qualifier_before == Qualifier::Range && range.is_none() {
        // "between" without a second figure was not a range marker.
        qualifier = Qualifier::Exact;
        claim_start = first;
    }
    // "5 feet 2 inches", "7lb 8oz", "13 dollars and 45 cents"
    let mut subunits = 0.0;
    if range.is_none()
        && score.is_none()
        && let Some((extra, after)) =
            compound_measure(s, money.or(tail.unit), tail.end).or_else(|| bare_cents(s, &n, &tail, tail.end))
    {
        subunits = extra;
        tail.end = after;
    }
    if let Some(factor) = tail.scale {
        n.value *= factor;
    }
    n.value += subunits;
    let mut figure_end = tail.end;

    // Qualifiers after: "30 or more", "50-plus", "about 500 or more"; a year is no bound ("1986
    // and below").
    if matches!(qualifier, Qualifier::Exact | Qualifier::About)
        && range.is_none()
        && let Some((q, after)) = qualifier_after(s, figure_end)
        && (qualifier == Qualifier::Exact || matches!(q, Qualifier::AtLeast | Qualifier::AtMost))
        && !(n.year_like && s.is(figure_end, "and"))
    {
        qualifier = q;
        figure_end = after;
    }

    let mut kind = tail.kind.unwrap_or(ClaimKind::Count);
    if let Some(code) = money {
        kind = ClaimKind::Money;
        tail.unit = Some(code);
    }
    if score.is_some() {
        kind = ClaimKind::Score;
    } else if tail.kind.is_none() && money.is_none() {
        kind = match n.form {
            Form::Ordinal => ClaimKind::Ordinal,
            Form::Decade => ClaimKind::Date,
            Form::Fraction | Form::Cardinal => ClaimKind::Count,
        };
    }

    let mut claim = Claim::new(kind, s.span(claim_start, figure_end));
    claim.figure = s.span(first, figure_end.max(first + 1));
    claim.qualifier = qualifier;
    claim.unit = tail.unit.map(Unit::new);
    if n.form == Form::Fraction && kind == ClaimKind::Count {
        claim.unit = Some(Unit::FRACTION);
    }

    match (kind, n.vague, &range) {
        (ClaimKind::Score, ..) => {
            if let Some((a, b)) = score {
                claim.detail = Detail::Score(a, b);
            }
        }
        (ClaimKind::Date, ..) => {
            claim.date_parts_mut().date = decade(n.value);
        }
        (_, Some((low, high)), _) => {
            claim.qualifier = Qualifier::Vague;
            claim.value = Some(low);
            claim.low = Some(low);
            claim.high = Some(high);
        }
        (_, None, Some(second)) => {
            claim.value = Some(n.value);
            claim.low = Some(n.value.min(second.value));
            claim.high = Some(n.value.max(second.value));
        }
        (_, None, None) => {
            claim.value = Some(n.value);
            let (low, high) = qualifier.interval(n.value);
            claim.low = low;
            claim.high = high;
        }
    }

    // Ages: "47-year-old", "aged 47", "Dana Ortiz, 47,".
    if let Some((age_end, person)) = age(s, &n, &tail, claim_start) {
        claim.kind = ClaimKind::Age;
        claim.unit = Some(Unit::YEAR);
        claim.detail = Detail::Age { person };
        figure_end = figure_end.max(age_end);
        claim.span = s.span(claim_start, figure_end);
    }

    // A bare year: "in 2019", "the 2005 election", "1986 subsidies". Copy writes counts of a
    // thousand or more with a comma, so four plain digits in the modern range are a year even
    // before a plural noun.
    if claim.kind == ClaimKind::Count
        && n.year_like
        && money.is_none()
        && range.is_none()
        && qualifier == Qualifier::Exact
        && let Some(date) = year_span(n.value)
        && ((1900.0..=2100.0).contains(&n.value)
            || !counts_after(s, figure_end)
            || preceded_by_time_word(s, first))
    {
        let mut year = Claim::new(ClaimKind::Date, n.span);
        year.figure = n.span;
        year.date_parts_mut().date = Some(date);
        return Some((year, n.end));
    }

    if claim.kind == ClaimKind::Score || claim.kind == ClaimKind::Date {
        return Some((claim, figure_end));
    }

    claim.additive = additive_before(s, claim_start);
    claim.owner = owner_before(s, claim_start);
    if claim.owner.is_some() {
        claim.span = s.span(claim_start - 1, figure_end).cover(claim.span);
    }
    if let Some((subject, subject_end, additive)) = subject_after(s, figure_end, &claim) {
        claim.additive |= additive;
        claim.span = claim.span.cover(subject.span);
        claim.subject = Some(subject);
        figure_end = subject_end;
    }
    // "one" with nothing counted is a pronoun ("one of the", "no one said"), unless numbers
    // are listed ("one, two, three"); "for nought" and "came to naught" are idioms.
    let idiom = n.value == 0.0
        && n.first > s.first
        && (s.is(n.first - 1, "for") || s.is(n.first - 1, "to"))
        && (s.is(n.first, "nought") || s.is(n.first, "naught"));
    let pronoun = n.value == 1.0 && !listed_with_numbers(s, n.end);
    if n.words
        && n.end == n.first + 1
        && claim.subject.is_none()
        && claim.kind == ClaimKind::Count
        && (idiom || pronoun)
    {
        return None;
    }
    // "the seven-member board": a size of a body.
    if let Some((subject, owner, compound_end)) = member_compound(s, &n) {
        claim.subject = Some(subject);
        claim.owner = Some(owner);
        claim.span = claim.span.cover(s.span(claim_start, compound_end));
        figure_end = figure_end.max(compound_end);
    }
    Some((claim, figure_end))
}

/// A mark before the figure: a currency sign ("$5", "£5m", "$-99.99") or a decimal point
/// (".08"). Returns the currency and where the digits start.
fn mark_before(s: &Window, i: usize) -> Option<(Option<&'static str>, usize)> {
    let doc = s.doc;
    let text = doc.token_text(i);
    if text == "." {
        return (s.kind(i + 1) == Some(TokenKind::Number) && doc.adjacent(i)).then_some((None, i));
    }
    let code = units::currency_sign(text, None)?;
    let minus = matches!(s.text(i + 1), "-" | "−") && doc.adjacent(i + 1);
    let number_at = if minus { i + 2 } else { i + 1 };
    (s.kind(number_at) == Some(TokenKind::Number) && doc.adjacent(i)).then_some((Some(code), number_at))
}

/// A letter glued to the digits that scales them in context: "$5m" and "50m people" are
/// millions and "$2.174T" trillions, where "the 100m" is metres and "100t" tonnes.
fn glued_scale(s: &Window, n: &Number, money: bool) -> Option<f64> {
    let suffix = s.doc.slice(n.suffix?);
    if suffix.eq_ignore_ascii_case("m") && (money || counts_after(s, n.end)) {
        return Some(1e6);
    }
    (money && matches!(suffix, "t" | "T" | "tr" | "tn")).then_some(1e12)
}

/// Whether a list of spelled-out numbers goes on after token `at - 1`: "one, two, three", "one
/// and two", "one two three". Not digits: "September one, 1989" is a date.
fn listed_with_numbers(s: &Window, at: usize) -> bool {
    let next = if s.text_is(at, ",") || s.is(at, "and") { at + 1 } else { at };
    s.word(next).is_some_and(|w| numbers::is_cardinal_word(w.as_str()))
}

/// "F-16", "COVID-19", "G7", "No. 10": numbers that name rather than count.
fn is_identifier(s: &Window, i: usize) -> bool {
    let doc = s.doc;
    if i == 0 || i <= s.first {
        return false;
    }
    let previous = i - 1;
    if !doc.adjacent(previous) {
        return false;
    }
    match doc.token_kind(previous) {
        Some(TokenKind::Word) => true,
        Some(TokenKind::Punct) => {
            let mark = doc.token_text(previous);
            if matches!(mark, "#" | "." | ":" | "/") {
                return true;
            }
            if mark == "-" && previous > s.first && doc.adjacent(previous - 1) {
                let word = doc.token_text(previous - 1);
                return doc.token_kind(previous - 1) == Some(TokenKind::Word)
                    && word.chars().next().is_some_and(char::is_uppercase);
            }
            false
        }
        _ => false,
    }
}

/// The token making the figure at `first` negative: "minus five", "negative ten", "-10C",
/// "<-30". Not "tested negative" nor a hyphen joining words ("F-16").
fn negative_sign(s: &Window, first: usize) -> Option<usize> {
    let doc = s.doc;
    if first == 0 || first <= s.first {
        return None;
    }
    let before = first - 1;
    if s.is(before, "minus") {
        return Some(before);
    }
    if s.is(before, "negative") {
        let tested = before > s.first
            && s.word(before - 1)
                .is_some_and(|w| matches!(w.as_str(), "tested" | "test" | "tests" | "proved"));
        return (!tested).then_some(before);
    }
    let mark = doc.token_text(before);
    let opens = before == s.first
        || !doc.adjacent(before - 1)
        || matches!(doc.token_text(before - 1), "<" | ">" | "=" | "≤" | "≥" | "(");
    (matches!(mark, "-" | "−") && doc.adjacent(before) && opens).then_some(before)
}

/// The longest qualifier phrase ending just before token `first`; before an ordinal, "the" may
/// follow a comparison ("higher than the tenth", "between the tenth and the fifteenth", but not
/// "about the first quarter").
fn qualifier_before(s: &Window, first: usize, form: Form) -> (Qualifier, Option<usize>) {
    let compared_ordinal = form == Form::Ordinal
        && first > s.first + 1
        && s.is(first - 1, "the")
        && (s.is(first - 2, "than") || s.is(first - 2, "between"));
    let first = if compared_ordinal { first - 1 } else { first };
    if first <= s.first {
        return (Qualifier::Exact, None);
    }
    let Some(last) = s.word(first - 1) else {
        return symbol_qualifier(s, first).map_or((Qualifier::Exact, None), |(q, at)| (q, Some(at)));
    };
    let last = last.as_str();
    let mut best: Option<(usize, Qualifier)> = None;
    for (words, qualifier) in QUALIFIERS_BEFORE {
        if words.last() != Some(&last) {
            continue;
        }
        let Some(start) = first.checked_sub(words.len()) else {
            continue;
        };
        if start < s.first || !s.phrase_at(start, words) {
            continue;
        }
        if best.is_none_or(|(b, _)| start < b) {
            best = Some((start, *qualifier));
        }
    }
    if let Some((start, qualifier)) = best {
        return (qualifier, Some(start));
    }
    if last == "between" || last == "from" {
        return (Qualifier::Range, Some(first - 1));
    }
    (Qualifier::Exact, None)
}

/// A comparison sign before figures in digits: ">10", "<-30", ">= 30", "≤ 5". Returns the
/// qualifier and where the sign starts. A lone sign must touch the figure, and angle brackets
/// around a ticker are not signs ("<LTLP>1ST QTR", "<MMM> 10").
fn symbol_qualifier(s: &Window, first: usize) -> Option<(Qualifier, usize)> {
    let doc = s.doc;
    let before = first - 1;
    let digits = |k: usize| s.kind(k) == Some(TokenKind::Number);
    if !(digits(first) || s.text_is(first, "-") && digits(first + 1)) {
        return None;
    }
    if s.text_is(before, ">") && before >= s.first + 2 && s.text_is(before - 2, "<") {
        return None;
    }
    let mark = doc.token_text(before);
    if mark == "=" && before > s.first && doc.adjacent(before - 1) {
        return match doc.token_text(before - 1) {
            ">" => Some((Qualifier::AtLeast, before - 1)),
            "<" => Some((Qualifier::AtMost, before - 1)),
            _ => None,
        };
    }
    let qualifier = match mark {
        ">" => Qualifier::MoreThan,
        "<" => Qualifier::LessThan,
        "≥" => Qualifier::AtLeast,
        "≤" => Qualifier::AtMost,
        _ => return None,
    };
    (doc.adjacent(before) || matches!(mark, "≥" | "≤")).then_some((qualifier, before))
}

/// Verbs that bound a figure ("exceeded $3bn"), which before a year are just verbs.
fn is_comparing_verb(w: &str) -> bool {
    w.starts_with("exceed") || w.starts_with("surpass")
}

/// Whether a range's two figures are the claim's bounds: with no qualifier, after "about" (the
/// range is what "about 40-50" allows), or when "between"/"from" starts the claim. "Up to 2-3
/// inches" keeps its qualifier.
fn range_sets_bounds(s: &Window, qualifier: Qualifier, start: usize) -> bool {
    matches!(qualifier, Qualifier::Exact | Qualifier::About) || qualifier_is_range_marker(s, start)
}

/// Whether the claim starts with "between"/"from", which makes the pair a range even after a
/// qualifier such as "about".
fn qualifier_is_range_marker(s: &Window, start: usize) -> bool {
    s.is(start, "between") || s.is(start, "from")
}

/// A qualifier after the figure: "30 or more", "65 and over", "50-plus". Not a second
/// comparison: "equal to 5000 or less than 6000".
fn qualifier_after(s: &Window, at: usize) -> Option<(Qualifier, usize)> {
    QUALIFIERS_AFTER.iter().find_map(|(words, qualifier)| {
        // "50-plus", "30-odd" are written with a hyphen.
        let hyphen = s.text_is(at, "-") && s.doc.adjacent(at);
        let start = if hyphen { at + 1 } else { at };
        if hyphen != (words.len() == 1) || !s.phrase_at(start, words) {
            return None;
        }
        let end = start + words.len();
        let compared = s.is(end, "than") && s.kind(end + 1).is_some_and(|k| k != TokenKind::Punct);
        // "and more importantly"
        let adverb = s.word(end).is_some_and(|w| w.as_str().ends_with("ly"));
        (!compared && !adverb).then_some((*qualifier, end))
    })
}

enum Pairing {
    Range,
    Score,
    /// "2013-14": a season or fiscal year, not a figure.
    YearSpan,
}

/// A second figure after token `at - 1` that pairs with `n`: a range ("10-20", "10 to 20",
/// "between 10 and 20", "20 through 100", "20~100", "8- to 16-metre", "1000 - 5000", "between
/// the tenth and the fifteenth", "-18 to -34"), a score ("won 2-1") or a season ("2013-14").
fn second_number(s: &Window, n: &Number, start: usize, at: usize) -> Option<(Number, Pairing)> {
    let doc = s.doc;
    // "8- to 16-metre": a hyphen left hanging before the connector.
    let hanging = s.text_is(at, "-")
        && doc.adjacent(at - 1)
        && !doc.adjacent(at)
        && s.word(at + 1).is_some_and(|w| matches!(w.as_str(), "to" | "or" | "and"));
    let at = if hanging { at + 1 } else { at };
    let connector = if s.kind(at) == Some(TokenKind::Punct) { doc.token_text(at) } else { "" };
    let dash = matches!(connector, "-" | "–" | "—" | "‑");
    let word = s.word(at);
    let word = word.as_ref().map(|w| w.as_str()).unwrap_or("");
    let between = s.is(start, "between");
    let from = s.is(start, "from");
    let joins = dash
        || connector == "~"
        || matches!(word, "to" | "through" | "thru")
        || (word == "and" && between)
        || (word == "or" && !n.magnitude);
    // A hyphen is a range spaced on both sides or neither: "10-20", "1000 - 5000".
    if !joins || connector == "-" && doc.adjacent(at - 1) != doc.adjacent(at) {
        return None;
    }
    let mut second_at = at + 1;
    if between && n.form == Form::Ordinal && s.is(second_at, "the") {
        second_at += 1;
    }
    // "$5m-$10m", "£3 to £5"
    if s.kind(second_at) == Some(TokenKind::Punct)
        && units::currency_sign(doc.token_text(second_at), None).is_some()
    {
        second_at += 1;
    }
    // "-18 °C to -34 °C"
    let negative = !dash && matches!(s.text(second_at), "-" | "−") && doc.adjacent(second_at);
    if negative {
        second_at += 1;
    }
    let mut second = numbers::parse_at(doc, second_at, s.end)?;
    if negative {
        second.value = -second.value;
    }
    if second.vague.is_some() || second.form != n.form && second.form != Form::Cardinal {
        return None;
    }
    if word == "or" && (s.is(second.end, "more") || s.is(second.end, "less") || n.value > 100.0) {
        return None;
    }
    // A spaced hyphen is a range between figures written alike: "1000 - 5000", "40 - 50 years".
    // Between words, fractions or differently grouped digits it is a dash: "two thirds - 65% -
    // of them", "(1985 - 182,959)".
    let spaced = connector == "-" && !doc.adjacent(at);
    let grouped = |m: &Number| doc.token_text(m.first).contains(',');
    let plain = |m: &Number| !m.words && m.form == Form::Cardinal;
    // "frame 1 - 540-600 lbs": the second figure opens a range of its own.
    let opens_range = s.text_is(second.end, "-") && doc.adjacent(second.end - 1);
    if spaced && (opens_range || !(plain(n) && plain(&second) && grouped(n) == grouped(&second))) {
        return None;
    }
    // "the years 1981 through 1985"
    if matches!(word, "through" | "thru") && n.year_like && second.year_like {
        return Some((second, Pairing::YearSpan));
    }
    if dash && n.year_like {
        let tail = doc.token_text(second.first);
        if second.year_like || tail.len() == 2 {
            return Some((second, Pairing::YearSpan));
        }
    }
    if dash && n.value.fract() == 0.0 && second.value.fract() == 0.0 && !n.magnitude && !second.magnitude {
        let near = (start.saturating_sub(4).max(s.first)..start)
            .chain(second.end..(second.end + 2).min(s.end))
            .any(|k| s.word(k).is_some_and(|w| word_lists::is_score_word(w.as_str())));
        if near || n.value >= second.value && n.value < 200.0 {
            return Some((second, Pairing::Score));
        }
    }
    if from && word == "to" && change_verb_before(s, start, 3) {
        return None;
    }
    // Below zero a range may run downwards: "from -18 to -34".
    let descending_below_zero = n.value < 0.0 && second.value < 0.0;
    (second.value > n.value || between || descending_below_zero).then_some((second, Pairing::Range))
}

/// "44 mg to 50 mg", "between 5 mph and 10 mph": a range with its unit written after both
/// figures. Not a change ("cut from 44 mg to 30 mg", "by 400m euros to 2.5bn euros"), nor
/// percentages outside "between" ("rose 2% to 10%", "from 49% to 74%" are a level and another).
fn repeated_unit_range(
    s: &Window,
    n: &Number,
    tail: &Tail,
    start: usize,
    money: Option<&'static str>,
) -> Option<(Number, Tail)> {
    // "boost income by 400m euros to 2.5bn euros", "increase by a record 2.8 mln tonnes to 71.8
    // mln tonnes", "rose from 1985's 110.1 mln stg to 178.1 mln stg" are changes too.
    let by = (start.saturating_sub(3).max(s.first)..start).any(|k| s.is(k, "by"));
    if tail.unit.is_none() || tail.end <= n.end || by || change_verb_before(s, start, 5) {
        return None;
    }
    if tail.kind == Some(ClaimKind::Percent) && !s.is(start, "between") {
        return None;
    }
    let (second, Pairing::Range) = second_number(s, n, start, tail.end)? else {
        return None;
    };
    let second_tail = tail_after(s, &second, money);
    (second_tail.unit == tail.unit).then_some((second, second_tail))
}

/// A smaller unit after a measure that completes it: "5 feet 2 inches", "6ft 2in", "12 stone 4
/// pounds", "7lb 8oz", "13 dollars and 45 cents". Returns the amount in the larger unit and
/// where it ends.
fn compound_measure(s: &Window, unit: Option<&'static str>, at: usize) -> Option<(f64, usize)> {
    let (smaller, per) = match unit? {
        "ft" => ("in", 12.0),
        "st" => ("lb", 14.0),
        "lb" => ("oz", 16.0),
        "GBP" => ("pence", 100.0),
        "USD" | "EUR" | "AUD" | "CAD" | "NZD" | "HKD" | "SGD" => ("cent", 100.0),
        _ => return None,
    };
    let k = if s.is(at, "and") { at + 1 } else { at };
    if s.kind(k) != Some(TokenKind::Number) && !numbers::may_start_number(s.text(k)) {
        return None;
    }
    let n = numbers::parse_at(s.doc, k, s.end)?;
    if n.form != Form::Cardinal || n.vague.is_some() || !(0.0..per).contains(&n.value) {
        return None;
    }
    let (word, end) = match n.suffix {
        Some(glued) => (Lower::new(s.doc.slice(glued)), n.end),
        None => (s.word(n.end)?, n.end + 1),
    };
    (smaller_unit(word.as_str()) == Some(smaller)).then_some((n.value / per, end))
}

/// Cents written bare after a currency named in words: "15 dollars 50.", "17 USD 25 more",
/// "thirteen dollars and forty-five". Only before the end of the clause, so "5 dollars and 20
/// people" stays two figures.
fn bare_cents(s: &Window, whole: &Number, tail: &Tail, at: usize) -> Option<(f64, usize)> {
    let plain = !whole.magnitude && whole.value.fract() == 0.0;
    if !plain || tail.kind != Some(ClaimKind::Money) || !matches!(tail.unit, Some("USD" | "EUR" | "GBP")) {
        return None;
    }
    let k = if s.is(at, "and") { at + 1 } else { at };
    if s.kind(k) != Some(TokenKind::Number) && !numbers::may_start_number(s.text(k)) {
        return None;
    }
    let n = numbers::parse_at(s.doc, k, s.end)?;
    let cents = n.form == Form::Cardinal
        && n.vague.is_none()
        && n.suffix.is_none()
        && n.value.fract() == 0.0
        && (1.0..100.0).contains(&n.value);
    let closes = n.end >= s.end
        || matches!(s.text(n.end), "." | "," | ";" | ":" | ")" | "!" | "?")
        || s.word(n.end).is_some_and(|w| ends_subject(w.as_str()));
    (cents && closes).then_some((n.value / 100.0, n.end))
}

/// Units that complete a larger one: inches, pounds, ounces, cents and pence.
fn smaller_unit(word: &str) -> Option<&'static str> {
    Some(match word {
        "in" | "ins" | "inch" | "inches" => "in",
        "lb" | "lbs" | "pound" | "pounds" => "lb",
        "oz" | "ounce" | "ounces" => "oz",
        "cent" | "cents" => "cent",
        "p" | "pence" => "pence",
        _ => return None,
    })
}

/// "rose from 62 to 71" is two figures, not a range: a verb of change within `reach` tokens
/// before the claim.
fn change_verb_before(s: &Window, start: usize, reach: usize) -> bool {
    (start.saturating_sub(reach).max(s.first)..start).any(|k| {
        s.word(k).is_some_and(|w| {
            matches!(
                w.as_str(),
                "rose"
                    | "risen"
                    | "rise"
                    | "rises"
                    | "fell"
                    | "fallen"
                    | "fall"
                    | "falls"
                    | "grew"
                    | "grown"
                    | "increased"
                    | "decreased"
                    | "dropped"
                    | "climbed"
                    | "jumped"
                    | "slipped"
                    | "declined"
                    | "cut"
                    | "raised"
                    | "lowered"
                    | "reduced"
                    | "up"
                    | "down"
                    | "changed"
                    | "moved"
                    | "went"
                    | "increase"
                    | "decrease"
                    | "soared"
                    | "surged"
                    | "plunged"
                    | "slumped"
                    | "edged"
            )
        })
    })
}

/// Reads a percent sign, currency, or unit after the figure.
fn tail_after(s: &Window, n: &Number, money: Option<&'static str>) -> Tail {
    let doc = s.doc;
    let at = n.end;
    let mut tail = Tail { end: at, ..Tail::default() };

    if let Some(suffix) = n.suffix {
        let lower = Lower::new(doc.slice(suffix));
        let word = lower.as_str();
        if let Some(code) = units::unit_word(word).or_else(|| glued_unit(word)) {
            set_unit(&mut tail, code, at);
            // "5km/h"
            if code == "km" && s.text_is(at, "/") && s.is(at + 1, "h") {
                set_unit(&mut tail, "km/h", at + 2);
            }
            return tail;
        }
        if word == "pc" {
            tail.unit = Some("%");
            tail.kind = Some(ClaimKind::Percent);
            return tail;
        }
        return tail;
    }

    // Percent.
    if s.text_is(at, "%") {
        tail.unit = Some("%");
        tail.kind = Some(ClaimKind::Percent);
        tail.end = at + 1;
        return tail;
    }
    let w = s.word(at);
    let w = w.as_ref().map(|w| w.as_str()).unwrap_or("");
    let percent = match w {
        "percent" | "pct" | "percentage" if s.is(at + 1, "points") || s.is(at + 1, "point") => {
            Some(("pp", at + 2))
        }
        "percent" | "pct" | "percentage" => Some(("%", at + 1)),
        "per" if s.is(at + 1, "cent") => Some(("%", at + 2)),
        "pp" | "ppt" | "ppts" => Some(("pp", at + 1)),
        "basis" if s.is(at + 1, "points") || s.is(at + 1, "point") => Some(("bp", at + 2)),
        _ => None,
    };
    if let Some((unit, end)) = percent {
        // "5 per cent points" is rare; "percentage points" was handled above.
        let (unit, end) = if unit == "%" && (s.is(end, "points") || s.is(end, "point")) && w == "per" {
            ("pp", end + 1)
        } else {
            (unit, end)
        };
        tail.unit = Some(unit);
        tail.kind = Some(ClaimKind::Percent);
        tail.end = end;
        return tail;
    }
    if money.is_some() {
        return tail;
    }

    // Currency after: "5 million dollars", "155 mln dlrs", "10 Hong Kong dollars", "a one-yen
    // bid".
    let hyphen = s.text_is(at, "-") && doc.adjacent(at) && doc.adjacent(at - 1);
    if hyphen && let Some(code) = s.word(at + 1).and_then(|w| units::currency_word(w.as_str())) {
        tail.unit = Some(code);
        tail.kind = Some(ClaimKind::Money);
        tail.end = at + 2;
        return tail;
    }
    let mut k = at;
    let mut country = None;
    while k < at + 2 {
        match s.word(k).and_then(|w| units::dollar_country(w.as_str())) {
            Some(code) => {
                country = Some(code);
                k += 1;
            }
            None => break,
        }
        if s.is(k - 1, "hong") || s.is(k - 1, "new") {
            continue;
        }
    }
    if s.is(at, "hong") && s.is(at + 1, "kong") {
        country = Some("HKD");
        k = at + 2;
    }
    if let Some(code) = s.word(k).and_then(|w| units::currency_word(w.as_str())) {
        tail.unit = Some(if code == "USD" { country.unwrap_or(code) } else { code });
        tail.kind = Some(ClaimKind::Money);
        tail.end = k + 1;
        return tail;
    }
    // "75 USD", "75 USD million", "30 MUSD"
    if let Some((code, factor)) =
        s.kind(at).filter(|&k| k == TokenKind::Word).and_then(|_| units::currency_code(doc.token_text(at)))
    {
        tail.unit = Some(code);
        tail.kind = Some(ClaimKind::Money);
        tail.end = at + 1;
        let written = s.word(at + 1).and_then(|w| numbers::scale(w.as_str())).filter(|&f| f >= 1e3);
        if written.is_some() {
            tail.end += 1;
        }
        let total = factor * written.unwrap_or(1.0);
        tail.scale = (total != 1.0).then_some(total);
        return tail;
    }

    // Units: "10-mile", "47-year", "5 miles", "10 square miles", "98.6 degrees Fahrenheit".
    let mut k = at;
    if s.text_is(k, "-") && doc.adjacent(k - 1) && doc.adjacent(k) {
        k += 1;
    }
    let hyphenated = k > at;
    if let Some((code, end)) = unit_phrase(s, k, hyphenated) {
        if code == "lb" && money_context(s) {
            tail.unit = Some("GBP");
            tail.kind = Some(ClaimKind::Money);
            tail.end = end;
            return tail;
        }
        set_unit(&mut tail, code, end);
    }
    tail
}

/// Units written glued to digits that are not whole words: "5km" reads through `unit_word`,
/// these are the extra abbreviations ("24703m2", "100t", "5ft").
fn glued_unit(word: &str) -> Option<&'static str> {
    Some(match word {
        "m" => "m",
        "in" => "in",
        "t" => "t",
        "g" => "g",
        "c" => "°C",
        "f" => "°F",
        "kmh" => "km/h",
        "sqm" => "m2",
        "mw" => "MW",
        "gw" => "GW",
        "kw" => "kW",
        _ => return None,
    })
}

fn set_unit(tail: &mut Tail, code: &'static str, end: usize) {
    tail.unit = Some(code);
    tail.end = end;
    let dimension = units::measure_by_code(code).map(|u| u.dimension);
    tail.kind = Some(if dimension == Some(units::Dimension::Time) {
        ClaimKind::Duration
    } else {
        ClaimKind::Measure
    });
}

/// A unit written in words at `k`: one word, or "square miles", "metric tons", "degrees
/// Fahrenheit", "miles per hour", "km/h", "°C".
fn unit_phrase(s: &Window, k: usize, hyphenated: bool) -> Option<(&'static str, usize)> {
    let doc = s.doc;
    if s.kind(k) == Some(TokenKind::Punct) && matches!(doc.token_text(k), "°" | "℃" | "℉") {
        return match doc.token_text(k) {
            "℃" => Some(("°C", k + 1)),
            "℉" => Some(("°F", k + 1)),
            _ => match s.word(k + 1).filter(|_| doc.adjacent(k)).as_ref().map(|w| w.as_str()) {
                Some("c") => Some(("°C", k + 2)),
                Some("f") => Some(("°F", k + 2)),
                _ => Some(("°", k + 1)),
            },
        };
    }
    let word = s.word(k)?;
    let w = word.as_str();
    match w {
        "square" | "sq" => {
            let length = s.word(k + 1).and_then(|n| units::unit_word(n.as_str()))?;
            return units::squared(length).map(|code| (code, k + 2));
        }
        "cubic" => {
            let length = s.word(k + 1).and_then(|n| units::unit_word(n.as_str()))?;
            return match length {
                "m" => Some(("m3", k + 2)),
                "ft" => Some(("cu ft", k + 2)),
                _ => None,
            };
        }
        "metric" if s.word(k + 1).is_some_and(|n| matches!(n.as_str(), "ton" | "tons" | "tonnes")) => {
            return Some(("t", k + 2));
        }
        "degrees" | "degree" => {
            return match s.word(k + 1).as_ref().map(|n| n.as_str()) {
                Some("fahrenheit" | "f") => Some(("°F", k + 2)),
                Some("celsius" | "centigrade" | "c") => Some(("°C", k + 2)),
                Some("kelvin") => Some(("K", k + 2)),
                _ => Some(("°", k + 1)),
            };
        }
        "light" if s.is(k + 1, "years") || s.is(k + 1, "year") => return None,
        // Single letters and "in" are units only when glued to the digits.
        "m" | "t" | "g" | "l" | "in" | "c" | "f" | "st" | "mi" => {
            return (hyphenated || w == "mi" || w == "m" && next_is_break(s, k))
                .then_some(())
                .and_then(|_| units::unit_word(w).or_else(|| glued_unit(w)))
                .map(|code| (code, k + 1));
        }
        _ => {}
    }
    // "pounds" are weight here; the caller makes them sterling when the copy speaks of paying.
    let code = units::unit_word(w)?;
    // "km/h", "miles per hour", "kilometres an hour"
    if s.text_is(k + 1, "/") && s.is(k + 2, "h") && code == "km" {
        return Some(("km/h", k + 3));
    }
    if (s.is(k + 1, "per") || s.is(k + 1, "an") || s.is(k + 1, "a")) && s.is(k + 2, "hour") {
        match code {
            "mi" => return Some(("mph", k + 3)),
            "km" => return Some(("km/h", k + 3)),
            _ => {}
        }
    }
    Some((code, k + 1))
}

fn next_is_break(s: &Window, k: usize) -> bool {
    k + 1 >= s.end || matches!(s.kind(k + 1), Some(TokenKind::Punct) | None)
}

/// Whether the sentence speaks of money (so "pounds" are sterling).
fn money_context(s: &Window) -> bool {
    (s.first..s.end).any(|k| {
        s.word(k).is_some_and(|w| {
            matches!(
                w.as_str(),
                "cost"
                    | "costs"
                    | "paid"
                    | "pay"
                    | "pays"
                    | "worth"
                    | "price"
                    | "priced"
                    | "spent"
                    | "spend"
                    | "raised"
                    | "fine"
                    | "fined"
                    | "sold"
                    | "bought"
                    | "earn"
                    | "earned"
                    | "earns"
                    | "salary"
                    | "budget"
                    | "bill"
                    | "fee"
                    | "fees"
                    | "charge"
                    | "charged"
                    | "wage"
                    | "wages"
                    | "profit"
                    | "revenue"
                    | "sterling"
                    | "million"
                    | "billion"
                    | "bonus"
                    | "donated"
                    | "loan"
            )
        })
    })
}

/// After the figure, does a plural noun follow (people are being counted, not metres)?
fn counts_after(s: &Window, at: usize) -> bool {
    let mut k = at;
    if s.is(k, "of") {
        k += 1;
    }
    s.word(k).is_some_and(|w| {
        let w = w.as_str();
        !ends_subject(w)
            && units::unit_word(w).is_none()
            && (w.ends_with('s') || matches!(w, "people" | "children" | "men" | "women"))
    })
}

fn preceded_by_time_word(s: &Window, first: usize) -> bool {
    first > s.first
        && s.word(first - 1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "during"
                    | "before"
                    | "after"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "through"
                    | "throughout"
                    | "year"
                    | "season"
                    | "summer"
                    | "winter"
                    | "spring"
                    | "autumn"
                    | "fall"
            )
        })
}

/// The years a four-digit number names, if it could be a year.
fn year_span(value: f64) -> Option<DateValue> {
    if !(1000.0..=2200.0).contains(&value) {
        return None;
    }
    let year = value as i16;
    Some(DateValue::Span { from: Date::new(year, 1, 1).ok()?, to: Date::new(year, 12, 31).ok()? })
}

fn decade(value: f64) -> Option<DateValue> {
    let year = if value < 100.0 { 1900.0 + value } else { value };
    let year = year as i16;
    Some(DateValue::Span { from: Date::new(year, 1, 1).ok()?, to: Date::new(year + 9, 12, 31).ok()? })
}

/// "another 5,000", "an additional 5,000", "a further 5,000".
fn additive_before(s: &Window, start: usize) -> bool {
    (start > s.first && s.is(start - 1, "another"))
        || (start >= s.first + 2
            && (s.is(start - 2, "a") || s.is(start - 2, "an"))
            && s.word(start - 1).is_some_and(|w| matches!(w.as_str(), "further" | "additional" | "extra")))
}

/// "the EU's 27 member states" → "EU"; "its nine members" → "its".
fn owner_before(s: &Window, start: usize) -> Option<String> {
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
    matches!(word.to_ascii_lowercase().as_str(), "its" | "their" | "his" | "her" | "our")
        .then(|| word.to_ascii_lowercase())
}

/// What the figure counts: the noun phrase after it ("Russian troops", "member states"), after
/// "of" for amounts and shares ("tens of thousands of soldiers", "64 percent of voters").
/// Returns the subject, where it ends, and whether "more" marked the figure as an addition.
fn subject_after(s: &Window, at: usize, claim: &Claim) -> Option<(Subject, usize, bool)> {
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
    let text = doc.slice(span).to_lowercase().replace('’', "'");
    let head_word = Lower::folded(doc.folded_word(last_word).unwrap_or_default());
    let head = singular(head_word.as_str());
    if claim.kind == ClaimKind::Count && claim.unit.is_none() && is_time_word(&head) {
        return None;
    }
    Some((Subject { span, text, head }, last_word + 1, additive))
}

/// Plurals end a noun phrase: modifiers stand in the singular ("member states").
fn is_plural_noun(word: &str) -> bool {
    matches!(word, "people" | "children" | "men" | "women" | "police")
        || word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("us")
            && !word.ends_with("is")
}

fn is_time_word(head: &str) -> bool {
    matches!(head, "am" | "pm" | "a.m" | "p.m" | "gmt" | "bst" | "edt" | "est" | "utc")
}

/// "the seven-member board", "the 27-nation bloc": the size of a body.
fn member_compound(s: &Window, n: &Number) -> Option<(Subject, String, usize)> {
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
fn age(s: &Window, n: &Number, tail: &Tail, start: usize) -> Option<(usize, Option<String>)> {
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
fn person_before(s: &Window, comma: usize) -> Option<String> {
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

fn person_after(s: &Window, at: usize) -> Option<String> {
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

fn is_title(word: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use crate::claims::claim::{Claim, ClaimKind, Qualifier};
    use crate::numbers::units::Unit;
    use crate::text::document::Document;

    fn claims(text: &str) -> Vec<Claim> {
        crate::extract(&Document::from_text(text))
    }

    fn only(text: &str) -> (Claim, String) {
        let doc = Document::from_text(text);
        let found = crate::extract(&doc);
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        let claim = found.into_iter().next().unwrap();
        let written = doc.slice(claim.span).to_string();
        (claim, written)
    }

    #[test]
    fn counts_with_subjects_and_qualifiers() {
        let (c, text) = only("Russia has massed more than 100,000 troops along the border.");
        assert_eq!(text, "more than 100,000 troops");
        assert_eq!(
            (c.kind, c.value, c.low, c.high),
            (ClaimKind::Count, Some(100_000.0), Some(100_000.0), None)
        );
        assert_eq!(c.qualifier, Qualifier::MoreThan);
        assert_eq!(c.head(), Some("troop"));

        let (c, _) = only("It moved nearly 5,000 troops to Belarus.");
        assert_eq!((c.qualifier, c.value, c.head()), (Qualifier::Nearly, Some(5000.0), Some("troop")));

        let (c, text) = only("The army had 120 armoured vehicles.");
        assert_eq!(text, "120 armoured vehicles");
        assert_eq!(c.subject.unwrap().text, "armoured vehicles");
    }

    #[test]
    fn vague_amounts() {
        let (c, text) = only("Officials said tens of thousands of soldiers were there.");
        assert_eq!(text, "tens of thousands of soldiers");
        assert_eq!(
            (c.qualifier, c.low, c.high, c.head()),
            (Qualifier::Vague, Some(20_000.0), Some(100_000.0), Some("soldier"))
        );
    }

    #[test]
    fn each_qualifier() {
        for (text, qualifier) in [
            ("About 300 people came.", Qualifier::About),
            ("Around 300 people came.", Qualifier::About),
            ("Roughly 300 people came.", Qualifier::About),
            ("Some 300 people came.", Qualifier::About),
            ("Almost 300 people came.", Qualifier::Nearly),
            ("Over 300 people came.", Qualifier::MoreThan),
            ("At least 300 people came.", Qualifier::AtLeast),
            ("Up to 300 people came.", Qualifier::UpTo),
            ("Fewer than 300 people came.", Qualifier::LessThan),
            ("Less than 300 people came.", Qualifier::LessThan),
            ("As many as 300 people came.", Qualifier::UpTo),
            ("At most 300 people came.", Qualifier::AtMost),
            ("Between 200 and 300 people came.", Qualifier::Range),
            ("From 200 to 300 people came.", Qualifier::Range),
            ("The 200-300 people came.", Qualifier::Range),
            ("300 or more people came.", Qualifier::AtLeast),
        ] {
            let (c, _) = only(text);
            assert_eq!(c.qualifier, qualifier, "{text}");
            assert_eq!(c.head(), Some("person"), "{text}");
        }
    }

    #[test]
    fn ranges_are_intervals() {
        let (c, text) = only("Between 10 and 20 percent of voters stayed home.");
        assert_eq!(text, "Between 10 and 20 percent of voters");
        assert_eq!((c.kind, c.low, c.high), (ClaimKind::Percent, Some(10.0), Some(20.0)));
        let (c, _) = only("It costs $2 million to $3 million.");
        assert_eq!((c.kind, c.low, c.high), (ClaimKind::Money, Some(2e6), Some(3e6)));
        let (c, _) = only("Two to three million people voted.");
        assert_eq!((c.low, c.high), (Some(2e6), Some(3e6)));
    }

    #[test]
    fn money() {
        let (c, text) = only("Congress approved $7.4 billion in aid.");
        assert_eq!(text, "$7.4 billion in aid");
        assert_eq!((c.kind, c.value, c.unit.map(Unit::code)), (ClaimKind::Money, Some(7.4e9), Some("USD")));
        let (c, _) = only("The club paid £5m for him.");
        assert_eq!((c.value, c.unit.map(Unit::code)), (Some(5e6), Some("GBP")));
        let (c, _) = only("Profits reached €3bn.");
        assert_eq!((c.value, c.unit.map(Unit::code)), (Some(3e9), Some("EUR")));
        let (c, _) = only("It earned 155 mln dlrs in all.");
        assert_eq!((c.value, c.unit.map(Unit::code)), (Some(155e6), Some("USD")));
        let (c, _) = only("It sold for 20 million euros.");
        assert_eq!((c.value, c.unit.map(Unit::code)), (Some(20e6), Some("EUR")));
    }

    #[test]
    fn percentages_and_points() {
        let found = claims("Unemployment rose 7 percent, or 2 percentage points, and 3 per cent after.");
        let units: Vec<_> = found.iter().map(|c| (c.kind, c.value, c.unit.map(Unit::code))).collect();
        assert_eq!(
            units,
            vec![
                (ClaimKind::Percent, Some(7.0), Some("%")),
                (ClaimKind::Percent, Some(2.0), Some("pp")),
                (ClaimKind::Percent, Some(3.0), Some("%"))
            ]
        );
    }

    #[test]
    fn measures_with_units() {
        for (text, value, unit) in [
            ("The storm hit land 40 miles south.", 40.0, "mi"),
            ("A 10-mile stretch closed.", 10.0, "mi"),
            ("It is 16 km long.", 16.0, "km"),
            ("Winds reached 90 mph.", 90.0, "mph"),
            ("Winds reached 145 km/h.", 145.0, "km/h"),
            ("The wall is 30 feet high.", 30.0, "ft"),
            ("The tower is 300 meters tall.", 300.0, "m"),
            ("The parcel weighed 2 kg.", 2.0, "kg"),
            ("The parcel weighed 5 pounds.", 5.0, "lb"),
            ("They shipped 5,000 tons of grain.", 5000.0, "ton"),
            ("Output reached 10 million barrels a day.", 1e7, "bbl"),
            ("The tank holds 50 gallons.", 50.0, "gal"),
            ("It was 98 °F outside.", 98.0, "°F"),
            ("It was 35C in Madrid.", 35.0, "°C"),
            ("The fire burned 2,000 acres.", 2000.0, "acre"),
        ] {
            let found = claims(text);
            let measure = found
                .iter()
                .find(|c| c.kind == ClaimKind::Measure)
                .unwrap_or_else(|| panic!("{text}: {found:#?}"));
            assert_eq!((measure.value, measure.unit.map(Unit::code)), (Some(value), Some(unit)), "{text}");
        }
    }

    #[test]
    fn ordinals() {
        let (c, _) = only("It was the third attack.");
        assert_eq!((c.kind, c.value), (ClaimKind::Ordinal, Some(3.0)));
        let (c, _) = only("She finished 21st in the race.");
        assert_eq!((c.kind, c.value), (ClaimKind::Ordinal, Some(21.0)));
    }

    #[test]
    fn ages_with_people() {
        let (c, _) = only("Dana Ortiz, 47, was arrested.");
        assert_eq!((c.kind, c.value, c.person()), (ClaimKind::Age, Some(47.0), Some("Dana Ortiz")));
        let (c, text) = only("Police said the 47-year-old was arrested.");
        assert_eq!((c.kind, c.value, text.as_str()), (ClaimKind::Age, Some(47.0), "47-year-old"));
        let (c, _) = only("The man, aged 62, was freed.");
        assert_eq!((c.kind, c.value), (ClaimKind::Age, Some(62.0)));
    }

    #[test]
    fn votes_and_scores() {
        let (c, _) = only("The board approved the plan 9-3.");
        assert_eq!((c.kind, c.score()), (ClaimKind::Score, Some((9.0, 3.0))));
        let (c, _) = only("United won 2-1 at home.");
        assert_eq!(c.score(), Some((2.0, 1.0)));
    }

    #[test]
    fn owners_and_body_sizes() {
        let (c, _) = only("It is one of the EU's 27 member states.");
        assert_eq!((c.value, c.owner.as_deref(), c.head()), (Some(27.0), Some("EU"), Some("state")));
        assert_eq!(c.subject.unwrap().text, "member states");
        let (c, _) = only("The seven-member board met.");
        assert_eq!((c.value, c.owner.as_deref(), c.head()), (Some(7.0), Some("board"), Some("member")));
    }

    #[test]
    fn additions_are_marked() {
        assert!(only("The Pentagon sent another 5,000 troops.").0.additive);
        assert!(only("The Pentagon sent 5,000 more troops.").0.additive);
        assert!(!only("The Pentagon sent 5,000 troops.").0.additive);
    }

    #[test]
    fn identifiers_are_not_figures() {
        assert!(claims("The F-16 and the G7 met over COVID-19.").is_empty());
    }

    #[test]
    fn years_are_dates() {
        let (c, _) = only("The law changed in 2019.");
        assert_eq!(c.kind, ClaimKind::Date);
        let found = claims("It was built in the 1990s.");
        assert_eq!(found[0].kind, ClaimKind::Date);
        let (c, _) = only("Parliament approved 1987 subsidies of its own.");
        assert_eq!(c.kind, ClaimKind::Date);
        let found = claims("Revenue was 41 mln vs 39 mln.");
        assert_eq!(found[0].subject, None);
    }

    #[test]
    fn rises_are_two_figures() {
        let found = claims("The toll rose from 62 to 71.");
        assert_eq!(found.len(), 2, "{found:#?}");
        let found = claims("The firm boosted profit by 400m euros to 2.5bn euros.");
        assert_eq!(found.len(), 2, "{found:#?}");
        let found = claims("Unemployment rose 2% to 10%.");
        assert_eq!(found.len(), 2, "{found:#?}");
        let found = claims("Profit rose from 1985's 110.1 mln stg to 178.1 mln stg.");
        assert!(found.iter().all(|c| c.qualifier != Qualifier::Range), "{found:#?}");
    }

    #[test]
    fn a_range_does_not_swallow_the_figure_before_it() {
        let found = values("Steers of frame 1 - 540-600 lbs sold well.");
        assert_eq!(found.last().map(|c| (c.2, c.3)), Some((Some(540.0), Some(600.0))), "{found:#?}");
        assert_eq!(found.len(), 2, "{found:#?}");
    }

    #[test]
    fn years_after_verbs_stay_years() {
        let (c, _) = only("Sales exceeded 1985 levels.");
        assert_eq!(c.qualifier, Qualifier::Exact);
        let (c, _) = only("It earned 17 cts a share.");
        assert_eq!((c.kind, c.unit.map(Unit::code)), (ClaimKind::Money, Some("USC")));
    }

    /// Kind, value, low, high and qualifier of one claim.
    type Reading = (ClaimKind, Option<f64>, Option<f64>, Option<f64>, Qualifier);

    fn values(text: &str) -> Vec<Reading> {
        claims(text).iter().map(|c| (c.kind, c.value, c.low, c.high, c.qualifier)).collect()
    }

    #[test]
    fn signs_and_points() {
        let (c, text) = only("The legal limit is .08 in most states.");
        assert_eq!((c.value, text.as_str()), (Some(0.08), ".08"));
        let (c, _) = only("Temperatures fell to negative 10 degrees.");
        assert_eq!(c.value, Some(-10.0));
        assert!(claims("Two of them tested negative three times.").iter().all(|c| c.value > Some(0.0)));
        let (c, _) = only("The fund lost $-2.5m on paper.");
        assert_eq!((c.kind, c.value), (ClaimKind::Money, Some(-2.5e6)));
    }

    #[test]
    fn comparison_signs() {
        let (c, _) = only("Only sites with >50 visitors were counted.");
        assert_eq!((c.qualifier, c.value), (Qualifier::MoreThan, Some(50.0)));
        let (c, _) = only("Readings of <= -30 were discarded.");
        assert_eq!((c.qualifier, c.value), (Qualifier::AtMost, Some(-30.0)));
        // Angle brackets around a ticker are not comparisons.
        let found = claims("Shares of <MMM> 10 pct higher.");
        assert_eq!(found[0].qualifier, Qualifier::Exact, "{found:#?}");
    }

    #[test]
    fn more_qualifiers() {
        let (c, _) = only("Costs exceeded $3bn in all.");
        assert_eq!(c.qualifier, Qualifier::MoreThan);
        let (c, text) = only("Pensioners aged 65 and over were exempt.");
        assert_eq!((c.qualifier, text.as_str()), (Qualifier::AtLeast, "65 and over"));
        let (c, _) = only("About 500 or more people marched.");
        assert_eq!((c.qualifier, c.low, c.high), (Qualifier::AtLeast, Some(500.0), None));
        // A second comparison is not a qualifier of the first figure.
        let found = values("The score was equal to 5000 or less than 6000.");
        assert_eq!(found[0].4, Qualifier::Exact, "{found:#?}");
    }

    #[test]
    fn more_ranges() {
        for (text, low, high) in [
            ("Grades 6 through 12 took part.", 6.0, 12.0),
            ("Crowds of 20~100 gathered.", 20.0, 100.0),
            ("The number ranged between 1000 - 5000.", 1000.0, 5000.0),
            ("They planned 8- to 16-metre telescopes.", 8.0, 16.0),
            ("Patients were given between 44 mg and 50 mg daily.", 44.0, 50.0),
            ("Temperatures ranged from -18 °C to -34 °C overnight.", -34.0, -18.0),
            ("He ranks between the tenth and the fifteenth.", 10.0, 15.0),
            ("Officials expect about 40 - 50 people.", 40.0, 50.0),
        ] {
            let (c, _) = only(text);
            assert_eq!((c.low, c.high, c.qualifier), (Some(low), Some(high), Qualifier::Range), "{text}");
        }
        // A spaced hyphen between differently written figures is a dash.
        assert_eq!(claims("Exports rose (1985 - 182,959) in all.").len(), 2);
    }

    #[test]
    fn two_bounds_make_one_range() {
        let (c, text) = only("It will cost more than 10 and less than 40 dollars.");
        assert_eq!((c.low, c.high, c.qualifier), (Some(10.0), Some(40.0), Qualifier::Range));
        assert_eq!(text, "more than 10 and less than 40 dollars");
        let (c, _) = only("They seized at most 100 and at least 20 rifles.");
        assert_eq!((c.low, c.high, c.head()), (Some(20.0), Some(100.0), Some("rifle")));
        // Each bound counts something of its own: two figures.
        assert_eq!(claims("More than 100 people died and fewer than 20 were hurt.").len(), 2);
    }

    #[test]
    fn compound_measures() {
        let (c, _) = only("The suspect is 6ft 2in tall.");
        assert_eq!(
            (c.unit.map(Unit::code), c.value.map(|v| (v * 1000.0).round())),
            (Some("ft"), Some(6167.0))
        );
        let (c, _) = only("The baby weighed 7lb 8oz at birth.");
        assert_eq!((c.unit.map(Unit::code), c.value), (Some("lb"), Some(7.5)));
        let (c, _) = only("A ticket cost thirteen dollars and forty-five cents.");
        assert_eq!((c.kind, c.value), (ClaimKind::Money, Some(13.45)));
        let (c, _) = only("A pint costs 3 pounds 50 pence in the city.");
        assert_eq!((c.unit.map(Unit::code), c.value), (Some("GBP"), Some(3.5)));
        let (c, _) = only("It costs 15 dollars 50.");
        assert_eq!(c.value, Some(15.5));
        // Cents only close a currency named in words, before the end of the clause.
        assert_eq!(claims("He paid 5 dollars and 20 people watched.").len(), 2);
    }

    #[test]
    fn currency_codes_and_compounds() {
        let (c, _) = only("They lost 75 USD million on the deal.");
        assert_eq!((c.unit.map(Unit::code), c.value), (Some("USD"), Some(75e6)));
        let (c, _) = only("Losses topped 30 MUSD in total.");
        assert_eq!((c.unit.map(Unit::code), c.value), (Some("USD"), Some(30e6)));
        let (c, _) = only("It costs half a million usd.");
        assert_eq!((c.kind, c.value, c.unit.map(Unit::code)), (ClaimKind::Money, Some(5e5), Some("USD")));
        let (c, _) = only("The firm withdrew its one-yen bid.");
        assert_eq!((c.kind, c.value, c.unit.map(Unit::code)), (ClaimKind::Money, Some(1.0), Some("JPY")));
        let (c, _) = only("Italy's GDP is $2.174T.");
        assert_eq!(c.value, Some(2.174e12));
        let (c, _) = only("It faces a 4bn-euro hole.");
        assert_eq!((c.kind, c.value, c.unit.map(Unit::code)), (ClaimKind::Money, Some(4e9), Some("EUR")));
    }

    #[test]
    fn number_words_start_their_own_figures() {
        let found = values("He listed twenty thirty fifty hundred.");
        let listed: Vec<_> = found.iter().map(|c| c.1).collect();
        assert_eq!(listed, vec![Some(20.0), Some(30.0), Some(5000.0)]);
        let found = claims("Five of the three-ton satellites failed.");
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!((found[1].unit.map(Unit::code), found[1].value), (Some("ton"), Some(3.0)));
        // A capitalised number word inside a name stays in the subject.
        assert_eq!(claims("Work began on the $22bn Three Gorges dam.").len(), 1);
    }

    #[test]
    fn lists_of_words_and_idioms() {
        let listed: Vec<_> = claims("Count one, two, three.").iter().map(|c| c.value).collect();
        assert_eq!(listed, vec![Some(1.0), Some(2.0), Some(3.0)]);
        assert!(claims("It was all for nought.").is_empty());
        assert!(claims("He was freed on September one, 1989.").iter().all(|c| c.kind == ClaimKind::Date));
    }

    #[test]
    fn shares_and_ordinals_before_nouns() {
        let (c, text) = only("One in five adults said no.");
        assert_eq!(
            (c.value, c.unit.map(Unit::code), text.as_str()),
            (Some(0.2), Some("fraction"), "One in five adults")
        );
        let (c, _) = only("Labour won a third term.");
        assert_eq!((c.kind, c.value), (ClaimKind::Ordinal, Some(3.0)));
        let (c, _) = only("Nearly a third of voters stayed home.");
        assert_eq!((c.qualifier, c.high), (Qualifier::Nearly, Some(1.0 / 3.0)));
    }
}
