//! Byte offsets to LSP positions and back. Editors count columns in UTF-16 code units (the
//! protocol's default encoding); factlint counts bytes. Stories are small, so the map is rebuilt
//! with each version of a document.

use lsp_types::{Position, Range};

/// The line starts of one text.
pub struct LineMap<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineMap<'a> {
    pub fn new(text: &'a str) -> LineMap<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineMap { text, starts }
    }

    /// The position of a byte offset (clamped to the text, moved back to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let character = self.text[self.starts[line]..offset].encode_utf16().count();
        Position { line: line as u32, character: character as u32 }
    }

    pub fn range(&self, start: usize, end: usize) -> Range {
        Range { start: self.position(start), end: self.position(end) }
    }

    /// The byte offset of a position; past the end of its line, the line's end.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else { return self.text.len() };
        let end = self.starts.get(position.line as usize + 1).map_or(self.text.len(), |&next| next - 1);
        let mut units = 0;
        for (at, c) in self.text[start..end].char_indices() {
            if units >= position.character as usize {
                return start + at;
            }
            units += c.len_utf16();
        }
        end
    }

    /// The byte offset where the line holding `offset` starts.
    pub fn line_start(&self, offset: usize) -> usize {
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        self.starts[line]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_utf16_units() {
        let text = "“Hi,” 😀 said.\nNext";
        let map = LineMap::new(text);
        let said = text.find("said").unwrap();
        // “ H i , ” space = 6 units, the emoji 2, a space 1.
        assert_eq!(map.position(said), Position { line: 0, character: 9 });
        assert_eq!(map.offset(Position { line: 0, character: 9 }), said);
        let next = text.find("Next").unwrap();
        assert_eq!(map.position(next), Position { line: 1, character: 0 });
        assert_eq!(map.offset(Position { line: 1, character: 99 }), text.len());
        assert_eq!(map.offset(Position { line: 7, character: 0 }), text.len());
        assert_eq!(map.line_start(said), 0);
    }
}
