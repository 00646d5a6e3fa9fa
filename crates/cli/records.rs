//! The JSON records scripts rely on: one per claim and one per finding, with byte offsets into
//! the file as written and 1-based line and character columns.

use factlint_extract::{Claim, Document, Frame, Span, Unit};
use factlint_rules::{Finding, Link};
use serde::{Serialize, Serializer};

/// A number as JSON: whole numbers without a fractional part (`100000`, not `100000.0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure(pub f64);

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = self.0;
        if value.fract() == 0.0 && value.abs() < 9.0e15 {
            serializer.serialize_i64(value as i64)
        } else {
            serializer.serialize_f64(value)
        }
    }
}

fn figure(value: Option<f64>) -> Option<Figure> {
    value.map(Figure)
}

/// A span located in the source: offsets, and line/column of both ends.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Location {
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Location {
    /// Locates an analysis span of `doc` in its source.
    pub fn of(doc: &Document, span: Span) -> Location {
        let source = doc.to_source(span);
        let start = doc.line_col(source.start);
        let end = doc.line_col(source.end);
        Location {
            start: source.start,
            end: source.end,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

/// One claim, as `factlint claims --format json` prints it.
#[derive(Debug, Serialize)]
pub struct ClaimRecord<'a> {
    pub path: &'a str,
    pub kind: &'static str,
    pub text: &'a str,
    #[serde(flatten)]
    pub location: Location,
    pub value: Option<Figure>,
    pub low: Option<Figure>,
    pub high: Option<Figure>,
    pub qualifier: &'static str,
    pub unit: Option<&'static str>,
    pub subject: Option<&'a str>,
    pub date: Option<factlint_extract::DateValue>,
    pub time: Option<factlint_extract::ClockTime>,
    pub owner: Option<&'a str>,
    pub person: Option<&'a str>,
    pub additive: bool,
    pub score: Option<[Figure; 2]>,
    pub written: Option<factlint_extract::Written>,
    pub tense: Option<factlint_extract::Tense>,
    /// What the words around the figure say about it (`factlint claims` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frame: Option<&'a Frame>,
    /// The earlier claim this one restates, and why (`factlint claims` only; `null` when none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub same_as: Option<Option<SameAs>>,
}

/// The antecedent of a claim in its mention chain.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct SameAs {
    pub start: u32,
    pub line: u32,
    pub column: u32,
    /// back-reference | same-event | headline
    pub signal: &'static str,
}

impl<'a> ClaimRecord<'a> {
    pub fn new(path: &'a str, doc: &'a Document, claim: &'a Claim) -> ClaimRecord<'a> {
        let location = Location::of(doc, claim.span);
        ClaimRecord {
            path,
            kind: claim.kind.as_str(),
            text: &doc.source()[location.start as usize..location.end as usize],
            location,
            value: figure(claim.value),
            low: figure(claim.low),
            high: figure(claim.high),
            qualifier: claim.qualifier.as_str(),
            unit: claim.unit.map(Unit::code),
            subject: claim.subject.as_ref().map(|s| s.text.as_str()),
            date: claim.date(),
            time: claim.time(),
            owner: claim.owner.as_deref(),
            person: claim.person(),
            additive: claim.additive,
            score: claim.score().map(|(a, b)| [Figure(a), Figure(b)]),
            written: claim.written(),
            tense: claim.tense(),
            frame: None,
            same_as: None,
        }
    }

    /// Adds the claim's frame and its place in a mention chain of `claims`.
    pub fn with_chain(
        mut self,
        doc: &Document,
        claims: &[Claim],
        frame: &'a Frame,
        link: Option<Link>,
    ) -> Self {
        self.frame = Some(frame);
        self.same_as = Some(link.map(|link| {
            let at = Location::of(doc, claims[link.antecedent].span);
            SameAs { start: at.start, line: at.line, column: at.column, signal: link.signal.as_str() }
        }));
        self
    }
}

/// A place a finding depends on.
#[derive(Debug, Serialize)]
pub struct RelatedRecord<'a> {
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub column: u32,
    pub message: &'a str,
}

/// One finding, as `factlint check --format json` prints it.
#[derive(Debug, Serialize)]
pub struct FindingRecord<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<&'a str>,
    pub rule: &'a str,
    pub severity: &'static str,
    pub message: &'a str,
    #[serde(flatten)]
    pub location: Location,
    pub text: &'a str,
    pub suggestions: Vec<&'a str>,
    pub related: Vec<RelatedRecord<'a>>,
}

impl<'a> FindingRecord<'a> {
    pub fn new(path: &'a str, doc: &'a Document, finding: &'a Finding) -> FindingRecord<'a> {
        let location = Location::of(doc, finding.span);
        FindingRecord {
            path: Some(path),
            rule: &finding.rule,
            severity: finding.severity.as_str(),
            message: &finding.message,
            text: &doc.source()[location.start as usize..location.end as usize],
            location,
            suggestions: finding.suggestions().collect(),
            related: finding
                .related
                .iter()
                .map(|related| {
                    let at = Location::of(doc, related.span);
                    RelatedRecord {
                        start: at.start,
                        end: at.end,
                        line: at.line,
                        column: at.column,
                        message: &related.message,
                    }
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_figures_print_without_a_fraction() {
        assert_eq!(serde_json::to_string(&Figure(100_000.0)).unwrap(), "100000");
        assert_eq!(serde_json::to_string(&Figure(4.7)).unwrap(), "4.7");
        assert_eq!(serde_json::to_string(&Figure(-3.0)).unwrap(), "-3");
    }
}
