//! From a file as written to the text factlint analyses.
//!
//! Rules and the extractor see an *analysis text* in which everything that is not prose (Markdown
//! code, HTML tags, front matter) is blanked out, and a list of *blocks*, the paragraphs, headings
//! and list items of the story. For plain text and Markdown the analysis text has exactly the
//! source's length, so every offset is also a source offset. HTML entities decode to fewer bytes;
//! there an [`OffsetMap`] carries analysis offsets back to the file as written.

mod html;
mod markdown;
mod plain;

use crate::text::span::Span;

/// How a source file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format a file name implies: `.md`/`.markdown`, `.html`/`.htm`, else plain text.
    pub fn from_path(path: &str) -> Format {
        let extension = path.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase());
        match extension.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Text,
        }
    }
}

/// The analysis view of a source.
pub(crate) struct Prepared {
    /// The analysis text, or `None` when it is the source itself.
    pub text: Option<String>,
    pub map: OffsetMap,
    /// Paragraph-level blocks, in analysis offsets, in order, not overlapping.
    pub blocks: Vec<Span>,
    /// The `date:` of YAML front matter, as written.
    pub front_matter_date: Option<String>,
}

pub(crate) fn prepare(source: &str, format: Format) -> Prepared {
    match format {
        Format::Text => plain::prepare(source),
        Format::Markdown => markdown::prepare(source),
        Format::Html => html::prepare(source),
    }
}

/// Maps analysis offsets to source offsets.
#[derive(Debug, Clone, Default)]
pub enum OffsetMap {
    /// Analysis and source offsets are the same.
    #[default]
    Identity,
    /// Sorted `(analysis, source)` anchors: an offset maps through the last anchor at or
    /// before it.
    Anchors(Vec<(u32, u32)>),
}

impl OffsetMap {
    pub fn to_source(&self, offset: u32) -> u32 {
        match self {
            OffsetMap::Identity => offset,
            OffsetMap::Anchors(anchors) => {
                let at = anchors.partition_point(|&(text, _)| text <= offset);
                match at.checked_sub(1).map(|i| anchors[i]) {
                    Some((text, source)) => source + (offset - text),
                    None => offset,
                }
            }
        }
    }

    /// The analysis offset of a source offset. Source bytes that have no analysis text (an
    /// HTML tag or comment) map to where that markup was removed.
    pub fn to_analysis(&self, offset: u32) -> u32 {
        match self {
            OffsetMap::Identity => offset,
            OffsetMap::Anchors(anchors) => {
                let at = anchors.partition_point(|&(_, source)| source <= offset);
                match at.checked_sub(1).map(|i| anchors[i]) {
                    Some((text, source)) => {
                        let next_text = anchors.get(at).map_or(u32::MAX, |&(t, _)| t);
                        (text + (offset - source)).min(next_text)
                    }
                    None => offset,
                }
            }
        }
    }

    /// The source offset just past analysis text that ends at `offset`. Where markup was removed
    /// at `offset`, that is before the markup: `recieve` in `<em>recieve</em>` ends before
    /// `</em>`, so a span never reaches into markup that follows it.
    fn end_to_source(&self, offset: u32) -> u32 {
        match self {
            OffsetMap::Identity => offset,
            OffsetMap::Anchors(anchors) => {
                let at = anchors.partition_point(|&(text, _)| text < offset);
                match anchors.get(at) {
                    Some(&(text, source)) if text == offset => source,
                    _ => self.to_source(offset),
                }
            }
        }
    }

    /// The source bytes of an analysis span: the start after any markup removed there, the end
    /// before it. An empty span (an insertion point) maps as its start.
    pub fn span_to_source(&self, span: Span) -> Span {
        match self {
            OffsetMap::Identity => span,
            _ if span.start == span.end => Span::new(self.to_source(span.start), self.to_source(span.start)),
            _ => Span::new(self.to_source(span.start), self.end_to_source(span.end)),
        }
    }
}

/// The value of a `date:` line in YAML front matter.
fn front_matter_date(front_matter: &str) -> Option<String> {
    front_matter.lines().find_map(|line| {
        let value = line.strip_prefix("date:")?.trim().trim_matches(['"', '\'']);
        (!value.is_empty()).then(|| value.to_string())
    })
}

/// Blank lines, and in hard-wrapped copy, indented lines, start a new block; in copy that is not
/// hard-wrapped (one paragraph per line), every line break does.
pub(crate) fn split_paragraphs(text: &str, every_line_breaks: bool, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut block_start: Option<usize> = None;
    let mut block_end = 0;
    let mut line_start = 0;
    while line_start <= bytes.len() {
        let line_end = memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        let content = line.trim();
        let indented = line.starts_with([' ', '\t']) || line.starts_with('\u{3000}');
        let breaks = content.is_empty() || every_line_breaks || indented;
        if breaks && let Some(start) = block_start.take() {
            out.push(Span::from_range(start..block_end));
        }
        if !content.is_empty() {
            let lead = line.len() - line.trim_start().len();
            if block_start.is_none() {
                block_start = Some(line_start + lead);
            }
            block_end = line_start + lead + content.len();
        }
        line_start = line_end + 1;
    }
    if let Some(start) = block_start {
        out.push(Span::from_range(start..block_end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(Format::from_path("a/story.MD"), Format::Markdown);
        assert_eq!(Format::from_path("story.htm"), Format::Html);
        assert_eq!(Format::from_path("story.txt"), Format::Text);
        assert_eq!(Format::from_path("-"), Format::Text);
    }

    #[test]
    fn anchors_map_offsets_through_the_last_anchor() {
        let map = OffsetMap::Anchors(vec![(0, 0), (3, 8), (10, 20)]);
        assert_eq!(map.to_source(2), 2);
        assert_eq!(map.to_source(3), 8);
        assert_eq!(map.to_source(5), 10);
        assert_eq!(map.to_source(12), 22);
        assert_eq!(map.to_analysis(22), 12);
        assert_eq!(map.to_analysis(9), 4);
    }

    #[test]
    fn span_ends_stop_before_removed_markup() {
        // "a <em>b</em> c": "<em>" (2..6) and "</em>" (7..12) are removed.
        let map = OffsetMap::Anchors(vec![(0, 0), (2, 2), (2, 6), (3, 7), (3, 12)]);
        assert_eq!(map.span_to_source(Span::new(2, 3)), Span::new(6, 7), "b alone");
        assert_eq!(map.span_to_source(Span::new(0, 2)), Span::new(0, 2), "a and its space");
        assert_eq!(map.span_to_source(Span::new(0, 5)), Span::new(0, 14), "a span across keeps it");
        assert_eq!(map.span_to_source(Span::new(3, 3)), Span::new(12, 12), "an insertion point");
    }

    #[test]
    fn front_matter_date_is_read() {
        assert_eq!(front_matter_date("title: x\ndate: \"2025-05-08\"\n").as_deref(), Some("2025-05-08"));
        assert_eq!(front_matter_date("title: x\n"), None);
    }
}
