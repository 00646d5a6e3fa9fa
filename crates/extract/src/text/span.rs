//! Byte spans and the line index.
//!
//! Every position factlint reports is a half-open byte range. Printers need 1-based lines and
//! columns counted in characters (what editors show), so the [`LineIndex`] converts on demand
//! instead of every stage carrying line numbers around.

use serde::Serialize;
use std::ops::Range;

/// A half-open byte range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }

    /// Builds a span from `usize` offsets. Documents are limited to `u32::MAX` bytes when they
    /// are built, so the conversion cannot truncate.
    pub fn from_range(range: Range<usize>) -> Self {
        Span { start: range.start as u32, end: range.end as u32 }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// Turns byte offsets of one text into 1-based lines and character columns.
///
/// A column is a count of characters from the start of the line. Counting them afresh for
/// every position is quadratic on a story written on one long line, so past a short distance
/// the count comes from a table of characters before every [`CHAR_BLOCK`] bytes, built the
/// first time it is needed: each look-up then counts at most one block.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    chars_before_block: std::sync::OnceLock<Vec<u32>>,
}

/// The bytes between two entries of the character-count table.
const CHAR_BLOCK: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i as u32 + 1));
        LineIndex { line_starts, chars_before_block: std::sync::OnceLock::new() }
    }

    /// The characters in `text[..offset]`, `offset` on a character boundary.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let table = self.chars_before_block.get_or_init(|| {
            let mut total = 0u32;
            let mut table = vec![0];
            for block in text.as_bytes().chunks(CHAR_BLOCK) {
                total += count_chars(block) as u32;
                table.push(total);
            }
            table
        });
        let block = offset / CHAR_BLOCK;
        table[block] as usize + count_chars(&text.as_bytes()[block * CHAR_BLOCK..offset])
    }

    /// Line and column of `offset` in `text` (the text this index was built from). Offsets past
    /// the end are clamped; an offset inside a character counts as that character.
    pub fn line_col(&self, text: &str, offset: u32) -> LineCol {
        let offset = offset.min(text.len() as u32);
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let line_start = self.line_starts[line] as usize;
        let mut end = offset as usize;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        // A byte-order mark at the start of the file is not a column an editor shows.
        let line_start = if line == 0 && text.starts_with('\u{feff}') { line_start + 3 } else { line_start };
        let column = if end <= line_start {
            0
        } else if end - line_start <= CHAR_BLOCK {
            count_chars(&text.as_bytes()[line_start..end])
        } else {
            self.chars_before(text, end) - self.chars_before(text, line_start)
        } as u32
            + 1;
        LineCol { line: line as u32 + 1, column }
    }

    /// The byte range of 1-based `line`, without its line break.
    pub fn line_span(&self, text: &str, line: u32) -> Option<Span> {
        let index = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(index)?;
        let end = self.line_starts.get(index + 1).map_or(text.len() as u32, |&next| next - 1);
        let end = if end > start && text.as_bytes()[end as usize - 1] == b'\r' { end - 1 } else { end };
        Some(Span::new(start, end))
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

/// The characters in UTF-8 `bytes`: the bytes that do not continue a character.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&byte| byte & 0xc0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "“Hi,” she said.\nNext line";
        let index = LineIndex::new(text);
        let said = text.find("said").unwrap() as u32;
        assert_eq!(index.line_col(text, said), LineCol { line: 1, column: 11 });
        let next = text.find("Next").unwrap() as u32;
        assert_eq!(index.line_col(text, next), LineCol { line: 2, column: 1 });
        assert_eq!(index.line_span(text, 2), Some(Span::new(next, text.len() as u32)));
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let text = "\u{feff}Budget talks";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 3), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(text, 10), LineCol { line: 1, column: 8 });
    }

    #[test]
    fn columns_on_a_long_line_count_characters() {
        let text = "é".repeat(3 * CHAR_BLOCK) + "x\n" + &"ab".repeat(CHAR_BLOCK);
        let index = LineIndex::new(&text);
        for chars in [0, 1, 2047, 2048, 2049, 3 * CHAR_BLOCK - 1, 3 * CHAR_BLOCK] {
            let expected = LineCol { line: 1, column: chars as u32 + 1 };
            assert_eq!(index.line_col(&text, (2 * chars) as u32), expected, "{chars}");
        }
        let second = text.find('\n').unwrap() + 1;
        for bytes in [0, 1, CHAR_BLOCK, CHAR_BLOCK + 3, 2 * CHAR_BLOCK] {
            let expected = LineCol { line: 2, column: bytes as u32 + 1 };
            assert_eq!(index.line_col(&text, (second + bytes) as u32), expected, "{bytes}");
        }
        // Inside a character: that character.
        assert_eq!(index.line_col(&text, 2 * 5000 + 1), LineCol { line: 1, column: 5001 });
    }

    #[test]
    fn end_of_text_is_a_valid_position() {
        let text = "ab\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 3), LineCol { line: 2, column: 1 });
        assert_eq!(index.line_col(text, 99), LineCol { line: 2, column: 1 });
    }
}
