//! `spelling`: known misspellings with their corrections, from the `typos` project's dictionary.
//! Only what can be corrected is flagged, so names and rare words never fire. Words with a capital
//! letter are left alone: in news copy they are mostly names ("Winn-Dixie") and acronyms.

use crate::text::WordPattern;

#[derive(Debug, Clone)]
pub(crate) struct Spelling {
    allow: Vec<WordPattern>,
}

impl Spelling {
    pub fn new(allow: &[String]) -> Spelling {
        Spelling { allow: allow.iter().map(|w| WordPattern::new(w)).collect() }
    }

    /// The corrections for `word` (as written), if it is a known misspelling worth reporting.
    pub fn corrections(&self, word: &str, folded: &str) -> Option<&'static [&'static str]> {
        if folded.len() < 3
            || word.bytes().any(|b| b.is_ascii_digit())
            || word.chars().any(char::is_uppercase)
        {
            return None;
        }
        let corrections = typos_dict::WORD.find(&unicase::UniCase::new(folded))?;
        if corrections.is_empty() || self.allow.iter().any(|a| a.matches(folded)) {
            return None;
        }
        Some(corrections)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_have_corrections_and_names_do_not() {
        let spelling = Spelling::new(&[]);
        assert_eq!(spelling.corrections("recieve", "recieve"), Some(&["receive"][..]));
        assert!(spelling.corrections("Nebenzia", "nebenzia").is_none());
        assert!(spelling.corrections("receive", "receive").is_none());
    }
}
