//! The span checks every target shares: whatever factlint hands back must slice the text it
//! points into, because printers, fixes and the JSON output all slice with it.

use factlint_extract::{Document, Span};
use factlint_rules::Finding;

/// Panics unless `span` lies within `text`, in order, on character boundaries.
pub fn assert_sliceable(text: &str, span: Span, what: &str) {
    let (start, end) = (span.start as usize, span.end as usize);
    assert!(start <= end && end <= text.len(), "{what} {span:?} is out of order or past {}", text.len());
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} {span:?} is not on character boundaries of {text:?}"
    );
}

/// `span` (analysis offsets) slices the analysis text, and its image slices the source.
pub fn assert_in_document(doc: &Document, span: Span, what: &str) {
    assert_sliceable(doc.text(), span, what);
    assert_sliceable(doc.source(), doc.to_source(span), &format!("{what} in the source"));
}

/// Every part of the document model can be sliced.
pub fn assert_document(doc: &Document) {
    for token in doc.tokens() {
        assert_in_document(doc, token.span, "token");
    }
    for sentence in doc.sentences() {
        assert_in_document(doc, sentence.span, "sentence");
    }
    for paragraph in doc.paragraphs() {
        assert_in_document(doc, paragraph.span, "paragraph");
    }
}

/// A finding's span, its fixes' edits and its related places can all be sliced.
pub fn assert_finding(doc: &Document, finding: &Finding) {
    let what = format!("{} finding", finding.rule);
    assert_in_document(doc, finding.span, &what);
    for edit in finding.fixes.iter().flat_map(|fix| &fix.edits) {
        assert_in_document(doc, edit.span, &format!("{what}'s fix"));
    }
    for related in &finding.related {
        assert_in_document(doc, related.span, &format!("{what}'s related place"));
    }
}

/// A finding on each of the first `most` words of `doc`, the rule of the `k`-th named by
/// `rule(k)`: what suppression comments and accepted words are applied to.
pub fn a_finding_on_every_token(doc: &Document, most: usize, rule: impl Fn(usize) -> String) -> Vec<Finding> {
    doc.tokens()
        .iter()
        .take(most)
        .enumerate()
        .map(|(k, token)| Finding {
            rule: rule(k),
            severity: factlint_rules::Severity::Warning,
            span: token.span,
            message: String::new(),
            fixes: Vec::new(),
            related: Vec::new(),
        })
        .collect()
}
