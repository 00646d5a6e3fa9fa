//! `repetition`: a word written twice in a row ("the the"), where the doubling cannot be right.
//! Only lower-case pairs count (capitalised ones are names: "Baden Baden", "law lord Lord
//! Bingham"), and words in the rule's `allow` list ("had had", "that that") pass.

use crate::text::WordPattern;

#[derive(Debug, Clone)]
pub(crate) struct Repetition {
    allow: Vec<WordPattern>,
}

impl Repetition {
    pub fn new(allow: &[String]) -> Repetition {
        Repetition { allow: allow.iter().map(|w| WordPattern::new(w)).collect() }
    }

    /// Whether `word` (folded) written twice, as `first` then `second`, is a slip. Only pairs
    /// in lower case count: "law lord Lord Bingham" and "The The" are not slips.
    pub fn is_slip(&self, word: &str, first: &str, second: &str) -> bool {
        let lower = |w: &str| !w.chars().any(char::is_uppercase);
        lower(first) && lower(second) && !self.allow.iter().any(|a| a.matches(word))
    }
}
