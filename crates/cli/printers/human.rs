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

/// Lines longer than this many bytes are cut to the flagged words and [`WIDTH`] bytes either
/// side before they are laid out: laying out a whole line for every finding on it would make
/// a story written on one long line quadratic to print.
const LONG_LINE: usize = 8 * WIDTH;

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

/// The text shown around a source span: the whole lines it stands on, or on a long line an
/// excerpt around it, with its first line number and byte offset.
struct Excerpt<'a> {
    text: &'a str,
    line: usize,
    offset: usize,
    /// Whether the excerpt starts inside its line, so the column must be given apart.
    cut: bool,
}

fn excerpt(doc: &Document, source: Span) -> Excerpt<'_> {
    let text = doc.source();
    let lines = doc.line_index();
    let first = doc.line_col(source.start).line;
    let last = doc.line_col(source.end).line;
    let start = lines.line_span(text, first).map_or(0, |line| line.start as usize);
    let end =
        lines.line_span(text, last).map_or(text.len(), |line| line.end as usize).max(source.end as usize);
    let (start, end, cut) = if end - start > LONG_LINE {
        let from = floor_boundary(text, (source.start as usize).saturating_sub(WIDTH).max(start));
        let to = ceil_boundary(text, (source.end as usize + WIDTH).min(end));
        (from, to, from > start)
    } else {
        (start, end, false)
    };
    Excerpt { text: &text[start..end], line: first as usize, offset: start, cut }
}

impl Excerpt<'_> {
    /// For an excerpt cut from its line, the "line:column" of `at` as the layout will print it
    /// and as it stands in the story.
    fn column_fix(&self, doc: &Document, at: Span) -> Option<(String, String)> {
        if !self.cut {
            return None;
        }
        let within = self.text[..at.start as usize - self.offset].chars().count() + 1;
        let column = doc.line_col(at.start).column;
        Some((format!("{}:{within}", self.line), format!("{}:{column}", self.line)))
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn render_finding(renderer: &Renderer, report: &FileReport, finding: &Finding) -> String {
    let doc = &report.doc;
    let name = super::one_line(&report.name);
    let primary = doc.to_source(finding.span);
    let shown = excerpt(doc, primary);
    let relative = |span: Span| (span.start as usize - shown.offset)..(span.end as usize - shown.offset);
    let mut cause = Snippet::source(shown.text)
        .line_start(shown.line)
        .annotation(AnnotationKind::Primary.span(relative(primary)));
    let mut elsewhere = Vec::new();
    for related in &finding.related {
        let span = doc.to_source(related.span);
        if span.start as usize >= shown.offset && (span.end as usize) <= shown.offset + shown.text.len() {
            cause = cause
                .annotation(AnnotationKind::Context.span(relative(span)).label(related.message.as_str()));
        } else {
            elsewhere.push((span, related.message.as_str()));
        }
    }
    let mut columns = vec![shown.column_fix(doc, primary)];
    let mut title = level(finding.severity)
        .primary_title(finding.message.as_str())
        .id(finding.rule.as_str())
        .element(cause.path(&name));
    for (span, message) in elsewhere {
        let shown = excerpt(doc, span);
        let range = (span.start as usize - shown.offset)..(span.end as usize - shown.offset);
        columns.push(shown.column_fix(doc, span));
        title = title.element(
            Snippet::source(shown.text)
                .line_start(shown.line)
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
    let mut rendered = renderer.render(&groups);
    // The layout counts columns from the start of an excerpt; a cut excerpt's must count from
    // the start of its line.
    for (from, to) in columns.into_iter().flatten() {
        let (from, to) = (format!("{name}:{from}"), format!("{name}:{to}"));
        if let Some(at) = rendered.find(&from) {
            rendered.replace_range(at..at + from.len(), &to);
        }
    }
    rendered
}
