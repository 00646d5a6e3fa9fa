//! `--format human` (the default): rustc-style reports with the flagged words underlined, the
//! related place shown, and the suggestion. Colour comes from the output stream, which drops it
//! when not writing to a terminal or when `NO_COLOR` is set.

use crate::records::Location;
use crate::report::FileReport;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet, renderer::DecorStyle};
use factlint_extract::{Document, Span};
use factlint_rules::{Finding, Severity};

/// How wide a line may be before it is trimmed around the flagged words.
const WIDTH: usize = 100;

pub fn render(report: &FileReport, out: &mut String) {
    let renderer = Renderer::styled().decor_style(DecorStyle::Ascii).term_width(WIDTH);
    for finding in &report.findings {
        out.push_str(&render_finding(&renderer, report, finding));
        out.push_str("\n\n");
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// The whole lines around a source span: their text, first line number, and byte offset.
fn lines_around(doc: &Document, source: Span) -> (&str, usize, usize) {
    let text = doc.source();
    let start = text[..source.start as usize].rfind('\n').map_or(0, |i| i + 1);
    let end = text[source.end as usize..].find('\n').map_or(text.len(), |i| source.end as usize + i);
    let line = doc.line_col(source.start).line as usize;
    (&text[start..end], line, start)
}

fn render_finding(renderer: &Renderer, report: &FileReport, finding: &Finding) -> String {
    let doc = &report.doc;
    let name = super::one_line(&report.name);
    let primary = doc.to_source(finding.span);
    let (lines, line_start, offset) = lines_around(doc, primary);
    let relative = |span: Span| (span.start as usize - offset)..(span.end as usize - offset);
    let mut snippet = Snippet::source(lines)
        .line_start(line_start)
        .path(&name)
        .annotation(AnnotationKind::Primary.span(relative(primary)));
    let mut elsewhere = Vec::new();
    for related in &finding.related {
        let span = doc.to_source(related.span);
        if span.start as usize >= offset && (span.end as usize) <= offset + lines.len() {
            snippet = snippet
                .annotation(AnnotationKind::Context.span(relative(span)).label(related.message.as_str()));
        } else {
            elsewhere.push((span, related.message.as_str()));
        }
    }
    let mut title = level(finding.severity)
        .primary_title(finding.message.as_str())
        .id(finding.rule.as_str())
        .element(snippet);
    for (span, message) in elsewhere {
        let (lines, line_start, offset) = lines_around(doc, span);
        let range = (span.start as usize - offset)..(span.end as usize - offset);
        title = title.element(
            Snippet::source(lines)
                .line_start(line_start)
                .path(&name)
                .annotation(AnnotationKind::Context.span(range).label(message)),
        );
    }
    let mut groups: Vec<Group> = vec![title];
    if let Some(suggestion) = finding.suggestions().next() {
        let at = Location::of(doc, finding.span);
        let found = &doc.source()[at.start as usize..at.end as usize];
        let help = match suggestion {
            "" => format!("delete “{found}”"),
            s => format!("replace “{found}” with “{s}”"),
        };
        groups.push(Group::with_title(Level::HELP.secondary_title(help)));
    }
    renderer.render(&groups)
}
