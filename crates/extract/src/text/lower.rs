//! Lower-casing words for comparison, without allocating for the words news copy is made of.
//! Every recogniser and rule compares words case-insensitively, so this runs on nearly every
//! token of every story.

/// A word lower-cased without allocating: borrowed when it is already lower-case ASCII (most
/// words), copied into a small buffer when it has capitals, and allocated only for long or
/// non-ASCII words (where a curly apostrophe also becomes a straight one).
pub struct Lower<'a>(LowerText<'a>);

enum LowerText<'a> {
    Borrowed(&'a str),
    Buffer([u8; 24], usize),
    Owned(String),
}

impl<'a> Lower<'a> {
    pub fn new(word: &'a str) -> Lower<'a> {
        let bytes = word.as_bytes();
        let mut capitals = false;
        for &b in bytes {
            if !b.is_ascii() {
                return Lower(LowerText::Owned(word.to_lowercase().replace('’', "'")));
            }
            capitals |= b.is_ascii_uppercase();
        }
        if !capitals {
            return Lower(LowerText::Borrowed(word));
        }
        let mut buf = [0u8; 24];
        match buf.get_mut(..bytes.len()) {
            Some(slot) => {
                slot.copy_from_slice(bytes);
                slot.make_ascii_lowercase();
                Lower(LowerText::Buffer(buf, bytes.len()))
            }
            None => Lower(LowerText::Owned(word.to_ascii_lowercase())),
        }
    }

    /// A word that is already folded (from [`crate::Document::folded_word`]).
    pub fn folded(word: &'a str) -> Lower<'a> {
        Lower(LowerText::Borrowed(word))
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            LowerText::Borrowed(s) => s,
            // Lower-casing ASCII keeps it ASCII.
            LowerText::Buffer(buf, len) => std::str::from_utf8(&buf[..*len]).unwrap_or(""),
            LowerText::Owned(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_without_losing_their_text() {
        assert_eq!(Lower::new("troops").as_str(), "troops");
        assert_eq!(Lower::new("EU").as_str(), "eu");
        assert_eq!(Lower::new("Don’t").as_str(), "don't");
        assert_eq!(Lower::new("Ångström").as_str(), "ångström");
    }
}
