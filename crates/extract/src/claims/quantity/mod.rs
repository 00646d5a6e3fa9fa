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
use crate::claims::qualifier_words::{QUALIFIERS_AFTER, qualifiers_ending_with, starts_qualifier};
use crate::claims::word_lists;
use crate::numbers::units::{self, Unit};
use crate::numbers::{self, Form, Number};
use crate::text::lexicon::{ends_subject, looks_like_verb, singular, strip_possessive};
use crate::text::lower::Lower;
use crate::text::token::TokenKind;
use crate::text::window::Window;
use jiff::civil::Date;

mod pairing;
mod qualifier;
mod subject;
mod tail;

use pairing::*;
use qualifier::*;
use subject::*;
use tail::*;

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
                || (numbers::may_be_number_word(s.text(i))
                    // "a" and "an" start a number only before a number word ("a dozen", "an
                    // eighth"), and they are one word in fifty.
                    && (!is_article(s.text(i)) || numbers::may_be_number_word(s.text(i + 1))))
        }
        Some(TokenKind::Quote) | None => false,
    }
}

fn is_article(word: &str) -> bool {
    word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an")
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

/// A figure being read: what the stages of [`claim_at`] have found so far, in reading order.
struct Draft {
    /// The currency written before the figure ("$5", "USD 5").
    money: Option<&'static str>,
    /// The number itself, its value scaled and signed as the stages go.
    n: Number,
    /// Where the figure starts: its currency or sign, else the number.
    first: usize,
    /// The qualifier written before the figure ("more than", "between").
    qualifier_before: Qualifier,
    /// The qualifier the claim ends with, after ranges and words after the figure.
    qualifier: Qualifier,
    /// Where the claim starts: its qualifier, else the figure.
    claim_start: usize,
    /// The second bound of a range ("10-20", "44 mg to 50 mg").
    range: Option<Number>,
    /// Both sides of a score or a vote ("9-3").
    score: Option<(f64, f64)>,
    /// What was read after the number: unit, kind, scale.
    tail: Tail,
    /// Where the figure ends, qualifier after it included.
    figure_end: usize,
}

/// The claim at token `i` and the token after it: a pipeline of named stages over one [`Draft`].
fn claim_at(s: &Window, i: usize) -> Option<(Claim, usize)> {
    let mut draft = Draft::number_at(s, i)?;
    draft.read_qualifier_before(s);
    let end = draft.read_second_number(s)?;
    draft.read_tail(s, end);
    draft.read_completion(s);
    let kind = draft.kind();
    let mut claim = draft.claim(s, kind);
    draft.read_age(s, &mut claim);
    if let Some(year) = draft.bare_year(s, &claim) {
        return Some((year, draft.n.end));
    }
    if claim.kind == ClaimKind::Score || claim.kind == ClaimKind::Date {
        return Some((claim, draft.figure_end));
    }
    draft.read_subject(s, claim)
}

/// A currency before the figure ("$5", "US$5", "£5m", "USD 5") and where the number starts;
/// `None` when the token at `i` cannot start a figure.
fn currency_before(s: &Window, i: usize, token_kind: TokenKind) -> Option<(Option<&'static str>, usize)> {
    let doc = s.doc;
    Some(match token_kind {
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
    })
}

impl Draft {
    /// Stage 1: the currency, the number, its glued scale and its sign.
    fn number_at(s: &Window, i: usize) -> Option<Draft> {
        let doc = s.doc;
        let token_kind = s.kind(i)?;
        let (money, number_at) = currency_before(s, i, token_kind)?;
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
        Some(Draft {
            money,
            n,
            first,
            qualifier_before: Qualifier::Exact,
            qualifier: Qualifier::Exact,
            claim_start: first,
            range: None,
            score: None,
            tail: Tail::default(),
            figure_end: first,
        })
    }

    /// Stage 2: the qualifier before the figure ("more than", "nearly", "between").
    fn read_qualifier_before(&mut self, s: &Window) {
        let (mut qualifier_before, mut qualifier_at) = qualifier_before(s, self.first, self.n.form);
        // "exceeded 1985 profits": a verb before a year does not bound it.
        if self.n.year_like
            && qualifier_at.is_some_and(|at| s.word(at).is_some_and(|w| is_comparing_verb(w.as_str())))
        {
            (qualifier_before, qualifier_at) = (Qualifier::Exact, None);
        }
        self.qualifier_before = qualifier_before;
        self.qualifier = qualifier_before;
        self.claim_start = qualifier_at.unwrap_or(self.first);
    }

    /// Stage 3: a second number making a range or a score. Returns where the pair ends, or
    /// `None` when the pair is a span of years, which the date readers own.
    fn read_second_number(&mut self, s: &Window) -> Option<usize> {
        let n = &mut self.n;
        let mut end = n.end;
        if n.vague.is_none()
            && n.suffix.is_none()
            && let Some((second, kind)) = second_number(s, n, self.claim_start, n.end)
        {
            end = second.end;
            match kind {
                Pairing::Range => {
                    if second.magnitude && !n.magnitude && n.value * second.scale <= second.value {
                        n.value *= second.scale;
                    }
                    if range_sets_bounds(s, self.qualifier, self.claim_start) {
                        self.qualifier = Qualifier::Range;
                    }
                    self.range = Some(second);
                }
                Pairing::Score => self.score = Some((n.value, second.value)),
                Pairing::YearSpan => return None,
            }
        }
        Some(end)
    }

    /// Stage 4: what follows the figure (percent, currency, unit), and a range written with
    /// the unit twice ("44 mg to 50 mg").
    fn read_tail(&mut self, s: &Window, end: usize) {
        let last = self.range.as_ref().unwrap_or(&self.n);
        self.tail = if self.score.is_some() {
            Tail { end, ..Tail::default() }
        } else {
            tail_after(s, last, self.money)
        };
        if self.tail.end < end {
            self.tail.end = end;
        }
        // "44 mg to 50 mg", "between 5 mph and 10 mph", "-18 °C to -34 °C"
        if self.range.is_none()
            && self.score.is_none()
            && self.n.vague.is_none()
            && let Some((second, second_tail)) =
                repeated_unit_range(s, &self.n, &self.tail, self.claim_start, self.money)
        {
            if range_sets_bounds(s, self.qualifier, self.claim_start) {
                self.qualifier = Qualifier::Range;
            }
            self.range = Some(second);
            self.tail = second_tail;
        }
        if self.qualifier_before == Qualifier::Range && self.range.is_none() {
            // "between" without a second figure was not a range marker.
            self.qualifier = Qualifier::Exact;
            self.claim_start = self.first;
        }
    }

    /// Stage 5: a smaller unit completing the figure, a scale written after the unit, and a
    /// qualifier after it.
    fn read_completion(&mut self, s: &Window) {
        // "5 feet 2 inches", "7lb 8oz", "13 dollars and 45 cents"
        let mut subunits = 0.0;
        if self.range.is_none()
            && self.score.is_none()
            && let Some((extra, after)) = compound_measure(s, self.money.or(self.tail.unit), self.tail.end)
                .or_else(|| bare_cents(s, &self.n, &self.tail, self.tail.end))
        {
            subunits = extra;
            self.tail.end = after;
        }
        if let Some(factor) = self.tail.scale {
            self.n.value *= factor;
        }
        self.n.value += subunits;
        self.figure_end = self.tail.end;

        // Qualifiers after: "30 or more", "50-plus", "about 500 or more"; a year is no bound
        // ("1986 and below").
        if matches!(self.qualifier, Qualifier::Exact | Qualifier::About)
            && self.range.is_none()
            && let Some((q, after)) = qualifier_after(s, self.figure_end)
            && (self.qualifier == Qualifier::Exact || matches!(q, Qualifier::AtLeast | Qualifier::AtMost))
            && !(self.n.year_like && s.is(self.figure_end, "and"))
        {
            self.qualifier = q;
            self.figure_end = after;
        }
    }

    /// Stage 6: the kind of figure; money takes the currency as its unit.
    fn kind(&mut self) -> ClaimKind {
        let mut kind = self.tail.kind.unwrap_or(ClaimKind::Count);
        if let Some(code) = self.money {
            kind = ClaimKind::Money;
            self.tail.unit = Some(code);
        }
        if self.score.is_some() {
            kind = ClaimKind::Score;
        } else if self.tail.kind.is_none() && self.money.is_none() {
            kind = match self.n.form {
                Form::Ordinal => ClaimKind::Ordinal,
                Form::Decade => ClaimKind::Date,
                Form::Fraction | Form::Cardinal => ClaimKind::Count,
            };
        }
        kind
    }

    /// Stage 7: the claim, with its unit, value and interval.
    fn claim(&self, s: &Window, kind: ClaimKind) -> Claim {
        let (n, qualifier) = (&self.n, self.qualifier);
        let mut claim = Claim::new(kind, s.span(self.claim_start, self.figure_end));
        claim.figure = s.span(self.first, self.figure_end.max(self.first + 1));
        claim.qualifier = qualifier;
        claim.unit = self.tail.unit.map(Unit::new);
        if n.form == Form::Fraction && kind == ClaimKind::Count {
            claim.unit = Some(Unit::FRACTION);
        }

        match (kind, n.vague, &self.range) {
            (ClaimKind::Score, ..) => {
                if let Some((a, b)) = self.score {
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
        claim
    }

    /// Stage 8: an age ("47-year-old", "aged 47", "Dana Ortiz, 47,") turns the claim into one.
    fn read_age(&mut self, s: &Window, claim: &mut Claim) {
        if let Some((age_end, person)) = age(s, &self.n, &self.tail, self.claim_start) {
            claim.kind = ClaimKind::Age;
            claim.unit = Some(Unit::YEAR);
            claim.detail = Detail::Age { person };
            self.figure_end = self.figure_end.max(age_end);
            claim.span = s.span(self.claim_start, self.figure_end);
        }
    }

    /// Stage 9: a bare year ("in 2019", "the 2005 election", "1986 subsidies") is a date. Copy
    /// writes counts of a thousand or more with a comma, so four plain digits in the modern
    /// range are a year even before a plural noun.
    fn bare_year(&self, s: &Window, claim: &Claim) -> Option<Claim> {
        let n = &self.n;
        if claim.kind == ClaimKind::Count
            && n.year_like
            && self.money.is_none()
            && self.range.is_none()
            && self.qualifier == Qualifier::Exact
            && let Some(date) = year_span(n.value)
            && ((1900.0..=2100.0).contains(&n.value)
                || !counts_after(s, self.figure_end)
                || preceded_by_time_word(s, self.first))
        {
            let mut year = Claim::new(ClaimKind::Date, n.span);
            year.figure = n.span;
            year.date_parts_mut().date = Some(date);
            return Some(year);
        }
        None
    }

    /// Stage 10: whose figure it is and what it counts; `None` for "one" and "nought" read as
    /// words, not figures.
    fn read_subject(&self, s: &Window, mut claim: Claim) -> Option<(Claim, usize)> {
        let (n, claim_start) = (&self.n, self.claim_start);
        let mut figure_end = self.figure_end;
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
        if let Some((subject, owner, compound_end)) = member_compound(s, n) {
            claim.subject = Some(subject);
            claim.owner = Some(owner);
            claim.span = claim.span.cover(s.span(claim_start, compound_end));
            figure_end = figure_end.max(compound_end);
        }
        Some((claim, figure_end))
    }
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

#[cfg(test)]
mod tests;
