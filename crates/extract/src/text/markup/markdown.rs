//! Markdown: prose is what pulldown-cmark reports as text outside code, HTML, autolinks, image
//! descriptions and front matter. Everything else is blanked to spaces, keeping line breaks, so
//! analysis offsets stay source offsets.

use super::{OffsetMap, Prepared, front_matter_date};
use crate::text::span::Span;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

pub(crate) fn prepare(source: &str) -> Prepared {
    let mut text: Vec<u8> = source.bytes().map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' }).collect();
    let mut blocks = Vec::new();
    let mut front_matter = None;
    let mut block: Option<Range<usize>> = None;
    let mut hidden_depth = 0usize;
    // Whether each open link hid its text (autolinks and e-mail addresses do).
    let mut open_links: Vec<bool> = Vec::new();
    let mut in_metadata = false;

    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Text(_) if in_metadata => {
                // The front matter's `title:` is the story's headline: its value is prose.
                if let Some(title) = front_matter_title(source, range.clone()) {
                    text[title.clone()].copy_from_slice(&source.as_bytes()[title.clone()]);
                    blocks.push(Span::from_range(title));
                }
                front_matter = Some(range);
            }
            Event::Text(_) if hidden_depth == 0 => {
                text[range.clone()].copy_from_slice(&source.as_bytes()[range.clone()]);
                block = Some(match block {
                    Some(open) => open.start..range.end,
                    None => range,
                });
            }
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. }) => hidden_depth += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Image) => hidden_depth -= 1,
            Event::Start(Tag::Link { link_type, .. }) => {
                let hidden = matches!(link_type, LinkType::Autolink | LinkType::Email);
                hidden_depth += usize::from(hidden);
                open_links.push(hidden);
            }
            // Only an autolink's end closes what its start hid: a link inside an image's
            // description must not end the image's hiding.
            Event::End(TagEnd::Link) => hidden_depth -= usize::from(open_links.pop() == Some(true)),
            Event::Start(tag) if is_block(&tag) => flush(&mut block, &mut blocks),
            Event::End(end) if is_block_end(end) => flush(&mut block, &mut blocks),
            Event::Rule => flush(&mut block, &mut blocks),
            _ => {}
        }
    }
    flush(&mut block, &mut blocks);

    // Only whole characters were copied over spaces, so the bytes are valid UTF-8.
    let text = String::from_utf8(text).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Prepared {
        text: Some(text),
        map: OffsetMap::Identity,
        blocks,
        front_matter_date: front_matter.and_then(|range| front_matter_date(&source[range])),
    }
}

/// Where the value of the `title:` line of the front matter at `range` stands in `source`,
/// without its quotation marks.
fn front_matter_title(source: &str, range: Range<usize>) -> Option<Range<usize>> {
    let mut line_start = range.start;
    for line in source[range].split_inclusive('\n') {
        if let Some(value) = line.strip_prefix("title:") {
            let trimmed = value.trim().trim_matches(['"', '\'']);
            let start = line_start + line.len() - value.len() + value.find(trimmed)?;
            return (!trimmed.is_empty()).then(|| start..start + trimmed.len());
        }
        line_start += line.len();
    }
    None
}

fn flush(block: &mut Option<Range<usize>>, blocks: &mut Vec<Span>) {
    if let Some(range) = block.take() {
        blocks.push(Span::from_range(range));
    }
}

fn is_block(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
    )
}

fn is_block_end(end: TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_front_matter_and_autolinks_are_blanked() {
        let source = "---\ndate: 2025-05-08\n---\n# Budget vote\n\nThe council met `code 12`.\n\n```\nlet x = 5;\n```\n\n- See <https://example.com> now\n";
        let prepared = prepare(source);
        let text = prepared.text.unwrap();
        assert_eq!(text.len(), source.len());
        assert!(!text.contains("code 12"));
        assert!(!text.contains("let x"));
        assert!(!text.contains("example.com"));
        assert!(!text.contains("date:"));
        assert_eq!(prepared.front_matter_date.as_deref(), Some("2025-05-08"));
        let blocks: Vec<_> = prepared.blocks.iter().map(|b| text[b.range()].trim_end()).collect();
        assert_eq!(
            blocks,
            vec!["Budget vote", "The council met          .", "See                       now"]
        );
        // The front matter's title is the headline's prose.
        let titled = prepare("---\ntitle: \"Budget vote\"\n---\nThe council met.\n");
        let text = titled.text.as_deref().unwrap_or_default();
        let blocks: Vec<_> = titled.blocks.iter().map(|b| text[b.range()].trim_end()).collect();
        assert_eq!(blocks, vec!["Budget vote", "The council met."]);
    }
}
