//! The document model: one story's source, its analysis text, paragraphs, sentences and tokens,
//! and the reference date that relative dates resolve against.
//!
//! Building it reads markup and splits text; it extracts no claims. The one thing a document
//! needs from the claims layer, a date read from its dateline, is a separate step
//! ([`crate::reference`]) that [`Document::parse`] runs after [`Document::parse_text`].

use crate::text::lower::Lower;
use crate::text::markup::{self, Format, OffsetMap};
use crate::text::sentence::{self, Sentence};
use crate::text::span::{LineCol, LineIndex, Span};
use crate::text::token::{self, Token, TokenKind};
use jiff::civil::Date;
use std::ops::Range;

/// A date at the start of `text`: "2025-05-08", "2025-05-08T10:00:00Z".
fn parse_iso_prefix(text: &str) -> Option<Date> {
    text.get(..10)?.parse().ok()
}

/// How to read a document.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub format: Format,
    /// The date the story speaks from; when `None`, front matter or a dateline may supply it.
    pub reference_date: Option<Date>,
    /// Never take the reference date from the story itself (front matter, dateline).
    pub ignore_story_date: bool,
}

/// Where the reference date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceOrigin {
    /// Given by the caller (`--date`, a batch record's publication date).
    Given,
    /// The `date:` of the front matter.
    FrontMatter,
    /// The dateline at the top of the story ("WARSAW, Thursday, May 8, 2025 —").
    Dateline,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferenceDate {
    pub date: Date,
    pub origin: ReferenceOrigin,
}

/// The date of the story's dateline as written: wire datelines often leave the year out
/// ("BRUSSELS, Oct. 2 (Reuters) -"), so only the month and day are certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dateline {
    /// The date in the dateline, without the place.
    pub span: Span,
    pub year: Option<i16>,
    pub month: i8,
    pub day: i8,
}

impl Dateline {
    /// The dateline's date: its own year, or the one that puts it nearest `near`.
    pub fn date_near(&self, near: Date) -> Option<Date> {
        if let Some(year) = self.year {
            return Date::new(year, self.month, self.day).ok();
        }
        [near.year() - 1, near.year(), near.year() + 1]
            .into_iter()
            .filter_map(|year| Date::new(year, self.month, self.day).ok())
            .min_by_key(|date| (*date - near).get_days().abs())
    }
}

/// A paragraph (or heading, or list item): its span and its sentences and tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub first_sentence: u32,
    pub end_sentence: u32,
    pub first_token: u32,
    pub end_token: u32,
}

impl Paragraph {
    pub fn sentences(&self) -> Range<usize> {
        self.first_sentence as usize..self.end_sentence as usize
    }

    #[inline]
    pub fn tokens(&self) -> Range<usize> {
        self.first_token as usize..self.end_token as usize
    }
}

/// The source is larger than byte offsets can address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    pub bytes: usize,
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} bytes is more than the 4 GiB a document may hold", self.bytes)
    }
}

impl std::error::Error for TooLarge {}

/// One story, ready for extraction and rules. All spans in it are *analysis* offsets; use
/// [`Document::to_source`] to point into the file as written.
#[derive(Debug, Clone)]
pub struct Document {
    source: String,
    analysis: Option<String>,
    map: OffsetMap,
    format: Format,
    lines: LineIndex,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    paragraphs: Vec<Paragraph>,
    reference: Option<ReferenceDate>,
    dateline: Option<Dateline>,
    /// Every word lower-cased once (see [`Document::folded_word`]): the text with its ASCII
    /// letters lowered in place, then the words beyond ASCII folded and appended.
    folded: String,
    /// Each token's range in `folded`, [`NOT_A_WORD`] for a token that is no word.
    folded_ranges: Vec<(u32, u32)>,
}

/// The folded range of a token that is no word: one `str::get` refuses, so that looking a
/// token up needs no other test.
const NOT_A_WORD: (u32, u32) = (1, 0);

impl Document {
    /// The text model alone: markup, paragraphs, sentences, tokens, and a reference date only
    /// when the caller gave one or the front matter has one. [`Document::parse`] adds the
    /// dateline.
    pub fn parse_text(source: impl Into<String>, options: &Options) -> Result<Document, TooLarge> {
        let source = source.into();
        if source.len() >= u32::MAX as usize {
            return Err(TooLarge { bytes: source.len() });
        }
        let prepared = markup::prepare(&source, options.format);
        let mut document = Document {
            lines: LineIndex::new(&source),
            source,
            analysis: prepared.text,
            map: prepared.map,
            format: options.format,
            tokens: Vec::new(),
            sentences: Vec::new(),
            paragraphs: Vec::new(),
            reference: None,
            dateline: None,
            folded: String::new(),
            folded_ranges: Vec::new(),
        };
        document.segment(&prepared.blocks);
        document.reference = match options.reference_date {
            Some(date) => Some(ReferenceDate { date, origin: ReferenceOrigin::Given }),
            None if options.ignore_story_date => None,
            None => prepared
                .front_matter_date
                .as_deref()
                .and_then(parse_iso_prefix)
                .map(|date| ReferenceDate { date, origin: ReferenceOrigin::FrontMatter }),
        };
        Ok(document)
    }

    /// Sets the reference date when none was given or found in the front matter.
    pub(crate) fn set_reference(&mut self, reference: ReferenceDate) {
        self.reference = Some(reference);
    }

    /// Records the dateline's date.
    pub(crate) fn set_dateline(&mut self, dateline: Dateline) {
        self.dateline = Some(dateline);
    }

    fn segment(&mut self, blocks: &[Span]) {
        let text = self.analysis.as_deref().unwrap_or(&self.source);
        // News copy runs at about one token in five bytes: reserving a little more spares
        // copying the tokens when the vector would grow.
        self.tokens.reserve(text.len() / 4 + 16);
        for &block in blocks {
            let first_token = self.tokens.len();
            token::tokenize(text, block, &mut self.tokens);
            let end_token = self.tokens.len();
            if first_token == end_token {
                continue;
            }
            let first_sentence = self.sentences.len();
            sentence::split(text, &self.tokens, first_token, end_token, &mut self.sentences);
            let span = self.tokens[first_token].span.cover(self.tokens[end_token - 1].span);
            self.paragraphs.push(Paragraph {
                span,
                first_sentence: first_sentence as u32,
                end_sentence: self.sentences.len() as u32,
                first_token: first_token as u32,
                end_token: end_token as u32,
            });
        }
        self.fold_words();
    }

    /// Lower-cases every word once: the extractor and the rules compare each word many times,
    /// and a word looked up in one buffer costs one range read. An ASCII word keeps its
    /// offsets, lowered in a copy of the text; a word beyond ASCII changes length when folded
    /// (’ becomes ', "İ" grows), so it is folded on its own and appended.
    fn fold_words(&mut self) {
        let text = self.analysis.as_deref().unwrap_or(&self.source);
        let mut folded = String::with_capacity(text.len() + text.len() / 32);
        folded.push_str(text);
        folded.make_ascii_lowercase();
        let ranges = self
            .tokens
            .iter()
            .map(|token| {
                let in_place = (token.span.start, token.span.end);
                match token.kind {
                    TokenKind::Word if token.lowercase => return in_place,
                    TokenKind::Word => {}
                    _ => return NOT_A_WORD,
                }
                let word = &text[token.span.range()];
                if word.is_ascii() {
                    return in_place;
                }
                let start = folded.len() as u32;
                folded.push_str(Lower::new(word).as_str());
                (start, folded.len() as u32)
            })
            .collect();
        self.folded = folded;
        self.folded_ranges = ranges;
    }

    /// Token `i` lower-cased (with ’ as '), if it is a word.
    #[inline]
    pub fn folded_word(&self, i: usize) -> Option<&str> {
        let &(start, end) = self.folded_ranges.get(i)?;
        self.folded.get(start as usize..end as usize)
    }

    /// The file as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The text the tokens point into: the source with non-prose blanked (and, for HTML, entities
    /// decoded).
    #[inline]
    pub fn text(&self) -> &str {
        self.analysis.as_deref().unwrap_or(&self.source)
    }

    pub fn format(&self) -> Format {
        self.format
    }

    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    pub fn reference(&self) -> Option<ReferenceDate> {
        self.reference
    }

    pub fn reference_date(&self) -> Option<Date> {
        self.reference.map(|r| r.date)
    }

    /// The date the dateline states, with or without a year.
    pub fn dateline(&self) -> Option<Dateline> {
        self.dateline
    }

    /// The text of a span of the analysis text.
    #[inline]
    pub fn slice(&self, span: Span) -> &str {
        &self.text()[span.range()]
    }

    /// The text of token `i`.
    #[inline]
    pub fn token_text(&self, i: usize) -> &str {
        self.slice(self.tokens[i].span)
    }

    #[inline]
    pub fn token_kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Whether token `i` exists and is the word `word`, ignoring ASCII case.
    #[inline]
    pub fn is_word(&self, i: usize, word: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            // Comparing lengths first spares slicing the text for almost every token.
            t.kind == TokenKind::Word
                && t.span.len() == word.len()
                && self.slice(t.span).eq_ignore_ascii_case(word)
        })
    }

    /// Whether token `i` exists and is exactly `text` (any kind).
    #[inline]
    pub fn is_text(&self, i: usize, text: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| t.span.len() == text.len() && self.slice(t.span) == text)
    }

    /// Whether tokens `i` and `i + 1` touch, with no space between them.
    #[inline]
    pub fn adjacent(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    /// The index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| (s.end_token as usize) <= i)
    }

    /// The index of the paragraph holding token `i`.
    pub fn paragraph_of(&self, i: usize) -> usize {
        self.paragraphs.partition_point(|p| (p.end_token as usize) <= i)
    }

    /// The index of the first token starting at or after analysis offset `offset`.
    pub fn token_at(&self, offset: u32) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }

    /// Maps an analysis span to the bytes of the file as written.
    pub fn to_source(&self, span: Span) -> Span {
        self.map.span_to_source(span)
    }

    /// Whether the analysis span is prose exactly as written: its source bytes hold no markup,
    /// entity or blanked syntax (an HTML tag, a Markdown emphasis marker), so replacing them
    /// changes words only. A line break in HTML, read as a space, still counts as written.
    pub fn is_prose(&self, span: Span) -> bool {
        let (Some(text), Some(source)) =
            (self.text().get(span.range()), self.source.get(self.to_source(span).range()))
        else {
            return false;
        };
        text.len() == source.len()
            && text
                .bytes()
                .zip(source.bytes())
                .all(|(t, s)| t == s || (t == b' ' && matches!(s, b'\n' | b'\r')))
    }

    /// Maps a span of the file as written to analysis offsets (markup that has no analysis text
    /// maps to where it was removed).
    pub fn from_source(&self, span: Span) -> Span {
        Span::new(self.map.to_analysis(span.start), self.map.to_analysis(span.end))
    }

    /// Line and character column of a *source* offset.
    pub fn line_col(&self, source_offset: u32) -> LineCol {
        self.lines.line_col(&self.source, source_offset)
    }

    pub fn line_index(&self) -> &LineIndex {
        &self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str, format: Format) -> Document {
        Document::parse(source, &Options { format, ..Options::default() }).unwrap()
    }

    /// The analysis span of the `nth` occurrence of `word` in the analysis text.
    fn find(doc: &Document, word: &str, nth: usize) -> Span {
        let start = doc.text().match_indices(word).nth(nth).unwrap().0;
        Span::from_range(start..start + word.len())
    }

    #[test]
    fn a_word_inside_markup_maps_to_the_word_alone() {
        let doc = parse("They would <em>recieve</em> it.", Format::Html);
        let word = find(&doc, "recieve", 0);
        assert_eq!(&doc.source()[doc.to_source(word).range()], "recieve");
        assert!(doc.is_prose(word));
    }

    #[test]
    fn spans_over_markup_are_not_prose() {
        let html = parse("We read the <a href=\"/r\">the report</a>.", Format::Html);
        let first = find(&html, "the", 0);
        let both = Span::new(first.start, find(&html, "the", 1).end);
        assert!(html.is_prose(first));
        assert!(!html.is_prose(both));
        let entity = parse("Smith &amp; Sons", Format::Html);
        assert!(!entity.is_prose(find(&entity, "& ", 0)));
        let markdown = parse("*the* the end", Format::Markdown);
        let first = find(&markdown, "the", 0);
        assert!(markdown.is_prose(first));
        assert!(!markdown.is_prose(Span::new(first.start, find(&markdown, "the", 1).start)));
        let plain = parse("*the* the end", Format::Text);
        assert!(plain.is_prose(Span::new(0, 9)));
    }

    #[test]
    fn a_line_break_in_html_is_prose() {
        let doc = parse("<p>the\nthe end</p>", Format::Html);
        assert!(doc.is_prose(Span::new(find(&doc, "the", 0).start, find(&doc, "the", 1).start)));
    }
}
