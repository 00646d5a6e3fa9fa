//! `repetition`: a word written twice in a row ("the the"), where the doubling cannot be right.
//! Capitalised pairs are names ("Baden Baden") and pass, as do words in the rule's `allow` list
//! ("had had", "that that").

use crate::text::WordPattern;

#[derive(Debug, Clone)]
pub(crate) struct Repetition {
    allow: Vec<WordPattern>,
}

impl Repetition {
    pub fn new(allow: &[String]) -> Repetition {
        Repetition { allow: allow.iter().map(|w| WordPattern::new(w)).collect() }
    }

    /// Whether `word` (folded) written twice, as `first` then `second`, is a slip.
    pub fn is_slip(&self, word: &str, first: &str, second: &str) -> bool {
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let name = capitalised(first) && capitalised(second);
        !name && !self.allow.iter().any(|a| a.matches(word))
    }
}
