//! Parsing and extraction: the document model and every claim in it, for each format.

use crate::spans::{assert_document, assert_in_document};
use factlint_extract::jiff::civil::date;
use factlint_extract::{Document, Format, Options, extract};

/// Plain text.
pub fn extract_text(data: &[u8]) {
    parse_and_extract(data, Format::Text);
}

/// Markdown.
pub fn extract_markdown(data: &[u8]) {
    parse_and_extract(data, Format::Markdown);
}

/// HTML.
pub fn extract_html(data: &[u8]) {
    parse_and_extract(data, Format::Html);
}

/// Parses the input with and without a reference date (relative dates resolve only against
/// one) and checks every span of the document and of its claims.
fn parse_and_extract(data: &[u8], format: Format) {
    let source = crate::text(data);
    for reference_date in [None, Some(date(2025, 5, 8))] {
        let options = Options { format, reference_date, ..Options::default() };
        let doc = Document::parse(source.as_ref(), &options).expect("a fuzz input is far below 4 GiB");
        assert_document(&doc);
        for claim in extract(&doc) {
            assert_in_document(&doc, claim.span, "claim");
            assert_in_document(&doc, claim.figure, "claim figure");
            if let Some(subject) = &claim.subject {
                assert_in_document(&doc, subject.span, "claim subject");
            }
        }
    }
}
