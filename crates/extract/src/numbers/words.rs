//! Numbers spelled out in words: "two hundred and five", "two point five", "a third", "one and a
//! half", "one hundred twenty-fifth", and vague amounts ("tens of thousands", "several thousand").

use super::*;

/// What the last word read added to a spelled-out number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Last {
    Nothing,
    /// "a" or "an" before a scale or a fraction: "a million", "a third".
    Article,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
}

/// A spelled-out cardinal read word by word: `total` holds finished scale groups ("two
/// million"), `current` the group under way ("three hundred and five").
#[derive(Debug, Clone, Copy)]
pub(super) struct Words {
    total: f64,
    current: f64,
    /// The units and tens since the last "hundred" or scale: what "dozen" multiplies in "three
    /// hundred and two dozen", and the tens that "thirty-fifths" takes into its denominator.
    tail: f64,
    /// The largest scale applied (1 when none).
    top_scale: f64,
    /// The last scale read (1 when none): "five billion and three quarters" is a fraction of it.
    last_scale: f64,
    /// The tail came after "and": "one hundred and thirty fifths" is 130/5, where "one hundred
    /// thirty fifths" is 100/35.
    after_and: bool,
    last: Last,
}

impl Words {
    fn new() -> Words {
        Words {
            total: 0.0,
            current: 0.0,
            tail: 0.0,
            top_scale: 1.0,
            last_scale: 1.0,
            after_and: false,
            last: Last::Nothing,
        }
    }

    fn value(&self) -> f64 {
        self.total + self.current
    }

    fn has_number(&self) -> bool {
        !matches!(self.last, Last::Nothing | Last::Article)
    }

    /// Just the word "one": "one fifth" is a fraction where "two fifth" is not.
    fn is_one(&self) -> bool {
        self.last == Last::Unit && self.total == 0.0 && self.current == 1.0
    }

    /// Adds a word below a hundred; false when it cannot follow what was read ("two three").
    fn add_small(&mut self, v: f64) -> bool {
        let fits = match self.last {
            Last::Nothing | Last::Hundred | Last::Scale => true,
            Last::Tens => v > 0.0 && v < 10.0,
            Last::Article | Last::Unit | Last::Teen => false,
        };
        if fits {
            self.current += v;
            self.tail += v;
            self.last = match v {
                v if v >= 20.0 => Last::Tens,
                v if v >= 10.0 => Last::Teen,
                _ => Last::Unit,
            };
        }
        fits
    }

    /// "hundred": multiplies a group below a hundred ("nineteen hundred", "fifty hundred").
    fn add_hundred(&mut self) -> bool {
        match self.last {
            Last::Nothing => self.current = 100.0,
            Last::Article => self.current *= 100.0,
            Last::Unit | Last::Teen | Last::Tens if self.current < 100.0 => self.current *= 100.0,
            _ => return false,
        }
        self.tail = 0.0;
        self.after_and = false;
        self.last = Last::Hundred;
        true
    }

    /// "thousand", "million", "crore": closes the group under way. A larger scale after a
    /// smaller one multiplies everything ("a hundred thousand", "three lakh crore").
    fn add_scale(&mut self, s: f64) -> bool {
        match self.last {
            Last::Nothing => self.current = 1.0,
            Last::Scale if s <= self.top_scale => return false,
            _ => {}
        }
        if s > self.top_scale {
            self.total = (self.total + self.current) * s;
        } else {
            self.total += self.current * s;
        }
        self.current = 0.0;
        self.tail = 0.0;
        self.after_and = false;
        self.top_scale = s;
        self.last_scale = s;
        self.last = Last::Scale;
        true
    }

    /// "dozen" after a number multiplies the units and tens before it.
    fn add_dozen(&mut self) -> bool {
        if matches!(self.last, Last::Nothing | Last::Scale) {
            return false;
        }
        let base = if self.tail > 0.0 { self.tail } else { self.current };
        self.current += base * 11.0;
        true
    }

    /// Reads an ordinal's number as if it were the cardinal word: "fifth" after "twenty" as
    /// "five", "hundredth" after "two" as "hundred".
    fn add_ordinal(&mut self, d: f64) -> bool {
        match d {
            d if d < 100.0 => self.add_small(d),
            100.0 => self.add_hundred(),
            d => self.add_scale(d),
        }
    }
}

/// How a spelled-out number goes on at a word.
pub(super) enum Step {
    /// Read on from this token.
    Next(usize),
    /// The number ends here: value, form, scale, end.
    Done(f64, Form, f64, usize),
    /// The number ended before this word.
    Stop,
    /// The words are not a number after all ("a third term" is an ordinal, read from "third").
    Reject,
}

/// Spelled-out numbers, fractions, ordinals and vague amounts.
pub(super) fn parse_words(doc: &Document, i: usize, limit: usize) -> Option<Number> {
    let text = doc.token_text(i);
    if !may_be_number_word(text) {
        return None;
    }
    let first_word = Lower::new(text);
    let w = first_word.as_str();
    if !starts_number(w) {
        return None;
    }
    if let Some(number) = vague_amount(doc, i, limit, w) {
        return Some(number);
    }
    if w == "half" {
        return half(doc, i, limit);
    }

    let mut words = Words::new();
    let mut end = i;
    if w == "a" || w == "an" {
        words.current = 1.0;
        words.last = Last::Article;
        end = after_hyphen(doc, i + 1, limit, &words);
        // Only a number word makes an article a number ("a million", "a third"): the common
        // "a" before anything else is turned away by the cheap test, without reading on.
        if end >= limit || !may_be_number_word(doc.token_text(end)) {
            return None;
        }
    }
    let (value, form, scale, end) = loop {
        let step = match word_at(doc, end, limit) {
            Some(word) => word_step(doc, i, end, limit, &mut words, word.as_str()),
            None => Step::Stop,
        };
        match step {
            Step::Next(next) => end = next,
            Step::Done(value, form, scale, next) => break (value, form, scale, next),
            Step::Reject => return None,
            Step::Stop => match split_fraction(doc, end, limit, &words) {
                Some(Step::Done(value, form, scale, next)) => break (value, form, scale, next),
                Some(_) => return None,
                None if words.has_number() => break (words.value(), Form::Cardinal, words.top_scale, end),
                None => return None,
            },
        }
    };
    let mut number = number_result(doc, value, i, end, form, true);
    if form == Form::Fraction
        && let Some((factor, next)) = scaled_fraction(doc, end, limit)
    {
        // "a quarter million", "two thirds of a million"
        number = number_result(doc, value * factor, i, next, Form::Cardinal, true);
        number.scale = factor;
    } else if form == Form::Cardinal {
        number.scale = scale;
    }
    number.magnitude = number.scale >= 1e3;
    if number.scale < 1e3 {
        number.scale = 1.0;
    }
    Some(number)
}

/// Reads word `w` at token `at` of the number that started at token `first`.
pub(super) fn word_step(
    doc: &Document,
    first: usize,
    at: usize,
    limit: usize,
    words: &mut Words,
    w: &str,
) -> Step {
    if let Some(v) = small_number(w) {
        return if words.add_small(v) {
            Step::Next(after_hyphen(doc, at + 1, limit, words))
        } else {
            Step::Stop
        };
    }
    if w == "hundred" {
        return if words.add_hundred() {
            Step::Next(after_hyphen(doc, at + 1, limit, words))
        } else {
            Step::Stop
        };
    }
    if let Some(s) = scale(w) {
        let allowed = !is_scale_abbreviation(w) || words.has_number();
        return if allowed && words.add_scale(s) { Step::Next(at + 1) } else { Step::Stop };
    }
    if is_dozen(w) {
        return if words.add_dozen() {
            Step::Done(words.value(), Form::Cardinal, words.top_scale, at + 1)
        } else {
            Step::Stop
        };
    }
    match w {
        "and" if words.has_number() => and_step(doc, at, limit, words),
        "point"
            if words.has_number()
                && words.top_scale == 1.0
                && !(first > 0 && doc.is_word(first - 1, "at")) =>
        {
            point_step(doc, at, limit, words)
        }
        _ => match denominator_word(w) {
            Some((d, plural)) => {
                let the_before = first > 0 && doc.is_word(first - 1, "the");
                denominator_step(doc, at, limit, words, w, (d, plural), the_before)
            }
            None => Step::Stop,
        },
    }
}

/// "and" inside a number: "one hundred and five", or a fraction completing it ("two and a
/// half", "one hundred and three quarters", "a million and a half").
pub(super) fn and_step(doc: &Document, at: usize, limit: usize, words: &mut Words) -> Step {
    let last_scale = if words.last == Last::Scale { words.last_scale } else { 1.0 };
    let whole = Whole { value: words.value(), last_scale, top_scale: words.top_scale, digits: false };
    if let Some((value, scale, end)) = mixed_fraction(doc, at, limit, whole) {
        return Step::Done(value, Form::Cardinal, scale, end);
    }
    let continues = matches!(words.last, Last::Hundred | Last::Scale)
        && word_at(doc, at + 1, limit).is_some_and(|n| small_number(n.as_str()).is_some());
    if !continues {
        return Step::Stop;
    }
    words.after_and = true;
    Step::Next(at + 1)
}

/// "two point five", "nought point nought three": decimals read digit by digit after "point".
pub(super) fn point_step(doc: &Document, at: usize, limit: usize, words: &Words) -> Step {
    let Some((decimals, end)) = spoken_decimals(doc, at + 1, limit) else {
        return Step::Stop;
    };
    let value = words.value() + decimals;
    match scale_at(doc, end, limit).filter(|&s| s >= 1e3) {
        // "two point five million"
        Some(s) => Step::Done(value * s, Form::Cardinal, s, end + 1),
        None => Step::Done(value, Form::Cardinal, 1.0, end),
    }
}

/// The digits after a spoken "point": "five" (.5), "zero three" (.03), "seventy-one" (.71).
pub(super) fn spoken_decimals(doc: &Document, at: usize, limit: usize) -> Option<(f64, usize)> {
    let first = small_number(word_at(doc, at, limit)?.as_str())?;
    if first >= 10.0 {
        let mut group = Words::new();
        group.add_small(first);
        let mut end = at + 1;
        let next = after_hyphen(doc, end, limit, &group);
        if let Some(unit) = word_at(doc, next, limit).and_then(|w| small_number(w.as_str()))
            && group.add_small(unit)
        {
            end = next + 1;
        }
        return Some((group.value() / 100.0, end));
    }
    let (mut fraction, mut place, mut end) = (0.0, 0.1, at);
    while let Some(digit) =
        word_at(doc, end, limit).and_then(|w| small_number(w.as_str())).filter(|&d| d < 10.0)
    {
        fraction += digit * place;
        place /= 10.0;
        end += 1;
    }
    Some((fraction, end))
}

/// An ordinal or a fraction's denominator after the number so far: "third" alone, "a third",
/// "two thirds", "twenty-first", "one hundred twenty fifth", "one hundred thirty-fifths".
pub(super) fn denominator_step(
    doc: &Document,
    at: usize,
    limit: usize,
    words: &Words,
    w: &str,
    (d, plural): (f64, bool),
    the_before: bool,
) -> Step {
    let half_or_quarter = matches!(w, "half" | "halves" | "quarter" | "quarters");
    match words.last {
        // "quarter million"
        Last::Nothing if w == "quarter" && scaled_fraction(doc, at + 1, limit).is_some() => {
            return Step::Done(0.25, Form::Fraction, 1.0, at + 1);
        }
        Last::Nothing if plural || half_or_quarter => return Step::Stop,
        Last::Nothing => return Step::Done(d, Form::Ordinal, 1.0, at + 1),
        Last::Article if plural || matches!(w, "first" | "second") => return Step::Reject,
        Last::Article if !half_or_quarter && ordinal_before_noun(doc, at + 1, limit) => return Step::Reject,
        Last::Article => return Step::Done(1.0 / d, Form::Fraction, 1.0, at + 1),
        _ => {}
    }
    let value = words.value();
    if plural {
        // "one hundred thirty-fifths" is 100/35; "twenty-three fifths" 23/5.
        if d < 10.0 && words.last == Last::Tens && value > words.tail && !words.after_and && !half_or_quarter
        {
            let denominator = words.tail + d;
            return Step::Done((value - words.tail) / denominator, Form::Fraction, 1.0, at + 1);
        }
        // "three firsts" are wins, "twenty seconds" a time, "the two halves" two parts.
        if matches!(w, "firsts" | "seconds") || w == "halves" && value <= 2.0 {
            return Step::Stop;
        }
        return Step::Done(value / d, Form::Fraction, 1.0, at + 1);
    }
    if w == "quarter" || words.is_one() && w == "half" {
        return Step::Done(value / d, Form::Fraction, 1.0, at + 1);
    }
    // "one fifth", "one hundredth" of a second, but "the one hundredth anniversary".
    let ranked = the_before && d >= 100.0;
    if words.is_one() && !half_or_quarter && !matches!(w, "first" | "second") && !ranked {
        return Step::Done(1.0 / d, Form::Fraction, 1.0, at + 1);
    }
    // "twenty-second" is 22nd, but "twenty second" is a duration; "two mln first preferred
    // shares" are first preferred shares.
    let after_scale = words.last == Last::Scale && d < 100.0;
    if half_or_quarter || after_scale || w == "second" && !doc.is_text(at.wrapping_sub(1), "-") {
        return Step::Stop;
    }
    let mut ordinal = *words;
    if ordinal.add_ordinal(d) { Step::Done(ordinal.value(), Form::Ordinal, 1.0, at + 1) } else { Step::Stop }
}

/// After the number so far stopped at a number word: a denominator written in several words,
/// "three twenty-firsts" (3/21), "twenty twenty fifths" (20/25), "one one hundred and fifth"
/// (1/105), "a twenty-first" (1/21).
pub(super) fn split_fraction(doc: &Document, at: usize, limit: usize, words: &Words) -> Option<Step> {
    if words.last == Last::Nothing || at >= limit || !may_be_number_word(doc.token_text(at)) {
        return None;
    }
    let (denominator, plural, end) = ordinal_phrase(doc, at, limit)?;
    let article = words.last == Last::Article;
    if plural && article || !plural && !article && !words.is_one() {
        return None;
    }
    // "a twenty-first-century city", "one twenty-first-century trend": ordinals.
    if !plural && ordinal_before_noun(doc, end, limit) {
        return article.then_some(Step::Reject);
    }
    Some(Step::Done(words.value() / denominator, Form::Fraction, 1.0, end))
}

/// An ordinal written in several words starting at `at`: "twenty-fifths", "one hundred and
/// fifth". Returns its number, whether it is plural, and where it ends.
pub(super) fn ordinal_phrase(doc: &Document, at: usize, limit: usize) -> Option<(f64, bool, usize)> {
    let mut words = Words::new();
    let mut k = at;
    loop {
        let word = word_at(doc, k, limit)?;
        let w = word.as_str();
        if let Some((d, plural)) = ordinal_word(w) {
            let lone_second = w.starts_with("second") && !doc.is_text(k.wrapping_sub(1), "-");
            return (words.has_number() && !lone_second && words.add_ordinal(d)).then_some((
                words.value(),
                plural,
                k + 1,
            ));
        }
        let fits = match (small_number(w), scale(w)) {
            (Some(v), _) => words.add_small(v),
            (None, Some(100.0)) => words.add_hundred(),
            (None, Some(s)) => !is_scale_abbreviation(w) && words.add_scale(s),
            (None, None) => w == "and" && matches!(words.last, Last::Hundred | Last::Scale),
        };
        if !fits {
            return None;
        }
        k = after_hyphen(doc, k + 1, limit, &words);
    }
}

/// Whether an ordinal after "a" is followed by what it ranks: "a third term", "a fifth straight
/// win", "a twenty-first-century city". Then it is an ordinal; "a third of", "a third higher",
/// "a fifth saying" and "a third." are fractions.
pub(super) fn ordinal_before_noun(doc: &Document, at: usize, limit: usize) -> bool {
    if at >= limit {
        return false;
    }
    if doc.is_text(at, "-") && doc.adjacent(at - 1) {
        return true;
    }
    word_at(doc, at, limit).is_some_and(|next| {
        let n = next.as_str();
        let participle = n.ends_with("ing") && !word_lists::is_ing_noun(n);
        !ends_subject(n) && !looks_like_verb(n) && !word_lists::is_comparative(n) && !participle
    })
}

/// Skips a hyphen at `at` when the word after it continues the number: "forty-two",
/// "twenty-first", "two-thirds", "one-half", "fifty - two". A hyphen spaced on one side only is a
/// dash and ends the number.
pub(super) fn after_hyphen(doc: &Document, at: usize, limit: usize, words: &Words) -> usize {
    if at + 1 >= limit || !doc.is_text(at, "-") || doc.adjacent(at - 1) != doc.adjacent(at) {
        return at;
    }
    let Some(next) = word_at(doc, at + 1, limit) else {
        return at;
    };
    let n = next.as_str();
    let after_tens = words.last == Last::Tens
        && (small_number(n).is_some_and(|u| u > 0.0 && u < 10.0)
            || ordinal_word(n).is_some_and(|(u, _)| u < 10.0));
    let denominator =
        denominator_word(n).is_some() && !matches!(n, "first" | "second" | "firsts" | "seconds");
    // "two-and-a-half"
    let and = n == "and" && words.has_number() && doc.is_text(at + 2, "-");
    if after_tens || denominator || and { at + 1 } else { at }
}

/// A fraction after "and" that completes a whole number: "two and a half", "one hundred and
/// three quarters", "a million and a half" (1.5 million), "one billion and a half million",
/// "two and a half million". Returns the value, its scale and where it ends.
pub(super) fn mixed_fraction(
    doc: &Document,
    and_at: usize,
    limit: usize,
    whole: Whole,
) -> Option<(f64, f64, usize)> {
    if !doc.is_word(and_at, "and") {
        return None;
    }
    // "two-and-a-half"
    let hyphenated = doc.is_text(and_at + 1, "-") && doc.adjacent(and_at) && doc.adjacent(and_at + 1);
    let part_at = if hyphenated { and_at + 2 } else { and_at + 1 };
    if part_at >= limit || !may_start_number(doc.token_text(part_at)) {
        return None;
    }
    // After digits only "a half", "a quarter": "Key Stages 3 and 4 and two-fifths of schools" is
    // a list; so is a fraction of something.
    let article = doc.is_word(part_at, "a") || doc.is_word(part_at, "an");
    if whole.digits && !article {
        return None;
    }
    let part = parse_words(doc, part_at, limit)?;
    if !article && doc.is_word(part.end, "of") {
        return None;
    }
    match part.form {
        // Only a proper fraction completes a whole: "one hundred and thirty fifths" is 130/5.
        Form::Fraction if part.value < 1.0 => {
            Some((whole.value + part.value * whole.last_scale, whole.top_scale, part.end))
        }
        // "a half million": a fraction of a scale.
        Form::Cardinal if part.magnitude && part.value < part.scale => {
            if whole.top_scale > part.scale {
                Some((whole.value + part.value, whole.top_scale, part.end))
            } else {
                Some(((whole.value + part.value / part.scale) * part.scale, part.scale, part.end))
            }
        }
        _ => None,
    }
}

/// The whole number before a fraction that may complete it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Whole {
    pub(super) value: f64,
    /// The scale that closed it (1 when none): "a million and a half" is 1.5 million.
    pub(super) last_scale: f64,
    /// Its largest scale (1 when none).
    pub(super) top_scale: f64,
    /// Written in digits.
    pub(super) digits: bool,
}

/// A scale after a fraction: "quarter million", "two thirds of a million". Returns the scale
/// and where it ends. Not a compound: "half a billion-dollar fund".
pub(super) fn scaled_fraction(doc: &Document, at: usize, limit: usize) -> Option<(f64, usize)> {
    let article = doc.is_word(at + 1, "a") || doc.is_word(at + 1, "an");
    let scale_at = if doc.is_word(at, "of") && article { at + 2 } else { at };
    let word = word_at(doc, scale_at, limit)?;
    let s = scale(word.as_str()).filter(|&s| s >= 1e3 && !is_scale_abbreviation(word.as_str()))?;
    let compound = doc.is_text(scale_at + 1, "-") && doc.adjacent(scale_at);
    (!compound).then_some((s, scale_at + 1))
}

/// "half", "half a million", "half a dozen", "half million". Not the rugby positions
/// "fly-half" and "scrum-half".
pub(super) fn half(doc: &Document, i: usize, limit: usize) -> Option<Number> {
    if i > 0 && doc.is_text(i - 1, "-") && doc.adjacent(i - 1) {
        return None;
    }
    let article = doc.is_word(i + 1, "a") || doc.is_word(i + 1, "an");
    if article
        && let Some(s) = word_at(doc, i + 2, limit)
            .and_then(|n| scale(n.as_str()).or(is_dozen(n.as_str()).then_some(12.0)))
    {
        let mut number = number_result(doc, 0.5 * s, i, i + 3, Form::Cardinal, true);
        number.magnitude = s >= 1e3;
        number.scale = if s >= 1e3 { s } else { 1.0 };
        return Some(number);
    }
    if let Some((s, end)) = scaled_fraction(doc, i + 1, limit) {
        let mut number = number_result(doc, 0.5 * s, i, end, Form::Cardinal, true);
        number.magnitude = true;
        number.scale = s;
        return Some(number);
    }
    Some(number_result(doc, 0.5, i, i + 1, Form::Fraction, true))
}

/// "dozens", "tens of thousands", "several thousand", "a few hundred", "a handful".
pub(super) fn vague_amount(doc: &Document, i: usize, limit: usize, w: &str) -> Option<Number> {
    let vague = |low: f64, high: f64, end: usize| {
        let mut number = number_result(doc, low, i, end, Form::Cardinal, true);
        number.vague = Some((low, high));
        Some(number)
    };
    if let Some((low, high)) = vague_plural(w) {
        // "hundreds of thousands", "thousands of millions"
        if doc.is_word(i + 1, "of")
            && let Some((inner_low, _)) = word_at(doc, i + 2, limit).and_then(|n| vague_plural(n.as_str()))
            && inner_low > low
        {
            // The inner word's scale: "thousands" counts in thousands.
            let unit = inner_low / 2.0;
            return vague(low * unit, high * unit, i + 3);
        }
        return vague(low, high, i + 1);
    }
    if w == "tens" && doc.is_word(i + 1, "of") {
        let inner = word_at(doc, i + 2, limit)?;
        let (inner_low, _) = vague_plural(inner.as_str())?;
        let unit = inner_low / 2.0;
        return vague(20.0 * unit, 100.0 * unit, i + 3);
    }
    let (low_factor, high_factor, skip) = match w {
        "several" => (3.0, 10.0, 1),
        "few" => (2.0, 6.0, 1),
        "a" if doc.is_word(i + 1, "few") => (2.0, 6.0, 2),
        "a" if doc.is_word(i + 1, "couple") => (2.0, 3.0, if doc.is_word(i + 2, "of") { 3 } else { 2 }),
        "a" if doc.is_word(i + 1, "handful") => return vague(2.0, 6.0, i + 2),
        _ => return None,
    };
    let next = word_at(doc, i + skip, limit)?;
    let unit = scale(next.as_str()).or(is_dozen(next.as_str()).then_some(12.0))?;
    if is_scale_abbreviation(next.as_str()) {
        return None;
    }
    // "several hundred million"
    let (unit, end) = match magnitude_words(doc, i + skip + 1, unit, limit) {
        Some((scaled, _, end)) if unit >= 100.0 => (scaled, end),
        _ => (unit, i + skip + 1),
    };
    vague(low_factor * unit, high_factor * unit, end)
}
