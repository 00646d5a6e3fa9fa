//! HTML: prose is the text between tags, outside `<script>`, `<style>` and the like, with
//! entities decoded. Block-level tags become paragraph breaks. Decoding shortens the text, so the
//! analysis text carries an anchor map back to the bytes of the file as written.
//!
//! A small scanner is enough here: prose extraction needs tags, comments, raw-text elements and
//! entities, not a DOM, and scanning keeps every offset exact.

use super::{OffsetMap, Prepared, split_paragraphs};

/// Elements whose content is not prose.
const RAW_TEXT: &[&str] = &["script", "style", "noscript", "template", "svg", "math", "head", "code", "pre"];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "body",
    "html",
    "title",
];

pub(crate) fn prepare(source: &str) -> Prepared {
    let mut scanner = Scanner { source, text: String::with_capacity(source.len()), anchors: vec![(0, 0)] };
    scanner.run();
    let mut blocks = Vec::new();
    split_paragraphs(&scanner.text, false, &mut blocks);
    Prepared {
        text: Some(scanner.text),
        map: OffsetMap::Anchors(scanner.anchors),
        blocks,
        front_matter_date: None,
    }
}

struct Scanner<'a> {
    source: &'a str,
    text: String,
    anchors: Vec<(u32, u32)>,
}

impl Scanner<'_> {
    fn run(&mut self) {
        let bytes = self.source.as_bytes();
        let mut i = 0;
        let mut copied_from = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'<' => {
                    self.copy(copied_from, i);
                    let (next, replacement) = self.markup(i);
                    self.replace(i, next, replacement);
                    i = next;
                    copied_from = i;
                }
                b'&' => match decode_entity(&self.source[i..]) {
                    Some((decoded, length)) => {
                        self.copy(copied_from, i);
                        self.replace(i, i + length, decoded.encode_utf8(&mut [0; 4]));
                        i += length;
                        copied_from = i;
                    }
                    None => i += 1,
                },
                // Line breaks in HTML source are spaces (same length, so no anchor is needed);
                // paragraphs come from block tags.
                b'\n' | b'\r' => {
                    self.copy(copied_from, i);
                    self.text.push(' ');
                    i += 1;
                    copied_from = i;
                }
                _ => i += 1,
            }
        }
        self.copy(copied_from, bytes.len());
    }

    /// Copies source bytes verbatim: text and source offsets advance together.
    fn copy(&mut self, from: usize, to: usize) {
        self.text.push_str(&self.source[from..to]);
    }

    /// Writes `replacement` for the source bytes `from..to`, anchoring both ends.
    fn replace(&mut self, from: usize, to: usize, replacement: &str) {
        self.anchors.push((self.text.len() as u32, from as u32));
        self.text.push_str(replacement);
        self.anchors.push((self.text.len() as u32, to as u32));
    }

    /// Skips the tag, comment or raw-text element at `at`; returns where prose resumes and what
    /// stands in for the markup.
    fn markup(&self, at: usize) -> (usize, &'static str) {
        let rest = &self.source[at..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(self.source.len(), |i| at + i + 3);
            return (end, "");
        }
        let end = tag_end(rest).map_or(self.source.len(), |i| at + i);
        let name = tag_name(rest);
        if !rest.starts_with("</") && RAW_TEXT.iter().any(|raw| name.eq_ignore_ascii_case(raw)) {
            let close_at = find_closing_tag(&self.source[end..], name).map_or(self.source.len(), |i| end + i);
            let close_end = tag_end(&self.source[close_at..]).map_or(self.source.len(), |i| close_at + i);
            return (close_end, "\n\n");
        }
        if BLOCKS.iter().any(|block| name.eq_ignore_ascii_case(block)) { (end, "\n\n") } else { (end, "") }
    }
}

/// Where `</name` first appears in `html`, ignoring case.
fn find_closing_tag(html: &str, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    memchr::memmem::find_iter(bytes, b"</").find(|&i| {
        bytes
            .get(i + 2..i + 2 + name.len())
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()))
    })
}

/// The byte just past the `>` closing the tag that starts `tag`, honouring quoted attributes.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote = None;
    for (i, b) in tag.bytes().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

fn tag_name(tag: &str) -> &str {
    let name = tag.trim_start_matches('<').trim_start_matches('/');
    let end = name.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(name.len());
    &name[..end]
}

/// Decodes the character reference at the start of `s` (`&amp;`, `&#8217;`, `&#x2019;`).
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let end = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let body = &s[1..end];
    let c = if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        named_entity(body)?
    };
    Some((c, end + 1))
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "pound" => '£',
        "euro" => '€',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "times" => '×',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "szlig" => 'ß',
        "shy" => '\u{ad}',
        "thinsp" => '\u{2009}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_scripts_are_removed_and_entities_decoded() {
        let source = "<html><head><title>x</title></head><body><p>Don&rsquo;t pay <b>$5</b>&nbsp;now.</p>\n<script>var a = 1;</script><p>Second &amp; last.</p></body></html>";
        let prepared = prepare(source);
        let text = prepared.text.as_deref().unwrap();
        let blocks: Vec<_> = prepared.blocks.iter().map(|b| &text[b.range()]).collect();
        assert_eq!(blocks, vec!["Don’t pay $5\u{a0}now.", "Second & last."]);
        // Offsets map back to the file as written.
        let at = text.find("pay").unwrap() as u32;
        let source_at = prepared.map.to_source(at) as usize;
        assert_eq!(&source[source_at..source_at + 3], "pay");
        let last = text.find("last").unwrap() as u32;
        let source_last = prepared.map.to_source(last) as usize;
        assert_eq!(&source[source_last..source_last + 4], "last");
    }
}
