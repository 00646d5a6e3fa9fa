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
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i as u32 + 1));
        LineIndex { line_starts }
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
        let column = text.get(line_start..end).map_or(0, |s| s.chars().count()) as u32 + 1;
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
    fn end_of_text_is_a_valid_position() {
        let text = "ab\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 3), LineCol { line: 2, column: 1 });
        assert_eq!(index.line_col(text, 99), LineCol { line: 2, column: 1 });
    }
}
