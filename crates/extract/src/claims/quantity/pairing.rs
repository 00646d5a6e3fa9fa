//! A second figure that pairs with the first: a range ("10-20", "between 10 and 20", "44 mg to 50
//! mg"), a score or vote ("9-3"), or a smaller unit completing a measure ("6ft 2in", "13 dollars
//! and 45 cents").

use super::*;

pub(super) enum Pairing {
    Range,
    Score,
    /// "2013-14": a season or fiscal year, not a figure.
    YearSpan,
}

/// A second figure after token `at - 1` that pairs with `n`: a range ("10-20", "10 to 20",
/// "between 10 and 20", "20 through 100", "20~100", "8- to 16-metre", "1000 - 5000", "between
/// the tenth and the fifteenth", "-18 to -34"), a score ("won 2-1") or a season ("2013-14").
pub(super) fn second_number(s: &Window, n: &Number, start: usize, at: usize) -> Option<(Number, Pairing)> {
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
pub(super) fn repeated_unit_range(
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
pub(super) fn compound_measure(s: &Window, unit: Option<&'static str>, at: usize) -> Option<(f64, usize)> {
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
pub(super) fn bare_cents(s: &Window, whole: &Number, tail: &Tail, at: usize) -> Option<(f64, usize)> {
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
pub(super) fn smaller_unit(word: &str) -> Option<&'static str> {
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
pub(super) fn change_verb_before(s: &Window, start: usize, reach: usize) -> bool {
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
