//! One person's age given twice.

use super::{Plant, Signal};
use crate::change::{self, Rng};
use crate::story::{Kind, Story};

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
pub fn plants(story: &Story, id: u64) -> Vec<Plant> {
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
