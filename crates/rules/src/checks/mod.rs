//! The checks behind each rule kind. Word checks are triggered from the engine's single pass
//! over tokens; paragraph checks walk paragraphs; claim checks read the extracted claims.

pub(crate) mod arithmetic;
pub(crate) mod articles;
pub(crate) mod balance;
pub(crate) mod confusion;
pub(crate) mod consistency;
pub(crate) mod context;
pub(crate) mod dates;
pub(crate) mod facts;
pub(crate) mod mentions;
pub(crate) mod pattern;
pub(crate) mod punctuation;
pub(crate) mod regex;
pub(crate) mod repetition;
pub(crate) mod spelling;
pub(crate) mod substitution;

use crate::facts::Fact;
use factlint_extract::{Claim, Document};

/// What one rule does, by kind.
#[derive(Debug, Clone)]
pub(crate) enum Check {
    Substitution(substitution::Substitution),
    Pattern(pattern::Pattern),
    Regex(regex::RegexCheck),
    Repetition(repetition::Repetition),
    Articles,
    Spelling(spelling::Spelling),
    Balance(balance::BalanceCheck),
    Punctuation(punctuation::PunctuationCheck),
    Consistency(consistency::ConsistencyCheck),
    Arithmetic(arithmetic::ArithmeticCheck),
    Dates(dates::DateCheck),
    Facts,
    Confusion(confusion::Confusion),
}

/// Everything a check may read.
pub struct Input<'a> {
    pub doc: &'a Document,
    pub claims: &'a [Claim],
    pub facts: &'a [Fact],
}

/// The bounds of the sentence being scanned, for checks triggered on one token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    pub first: usize,
    pub end: usize,
}
