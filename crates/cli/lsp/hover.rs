//! Hover on a figure or a date: what factlint read there (value or interval, qualifier, unit,
//! what it counts, the calendar date it resolved to and from which reference date), the other
//! mentions of the same thing, and the findings that link this claim to another place.

use crate::pipeline::Checked;
use crate::records::ClaimRecord;
use factlint_extract::{Claim, Document, ReferenceOrigin};
use std::fmt::Write;

/// The Markdown shown for the claim at source byte `offset`, if one is there.
pub fn describe(checked: &Checked, offset: usize) -> Option<(usize, usize, String)> {
    let doc = &checked.report.doc;
    let (index, claim) = checked.claims.iter().enumerate().find(|(_, claim)| {
        let span = doc.to_source(claim.span);
        span.start as usize <= offset && offset <= span.end as usize
    })?;
    let record = ClaimRecord::new(&checked.report.name, doc, claim);
    let mut out = String::new();
    let _ = writeln!(out, "**factlint read** “{}” as a **{}**\n", record.text, record.kind);
    let mut row = |label: &str, value: String| {
        let _ = writeln!(out, "- {label}: {value}");
    };
    match (claim.low, claim.high, claim.value) {
        (Some(low), Some(high), value) if low != high => {
            let stated = value.map(|v| format!("{}, ", figure(v))).unwrap_or_default();
            row("value", format!("{stated}between {} and {}", figure(low), figure(high)))
        }
        (_, _, Some(value)) => row("value", figure(value)),
        _ => {}
    }
    row("qualifier", record.qualifier.to_string());
    if let Some(unit) = record.unit {
        row("unit", unit.to_string());
    }
    if let Some(subject) = record.subject {
        row("counts", subject.to_string());
    }
    if let Some(date) = record.date {
        row("date", json_text(&date));
        row("reference date", reference(doc));
    }
    if let Some(time) = record.time {
        row("time", json_text(&time));
    }
    if let Some(owner) = record.owner {
        row("whose", owner.to_string());
    }
    if let Some(person) = record.person {
        row("person", person.to_string());
    }
    let mentions = same_thing(doc, &checked.claims, index);
    if !mentions.is_empty() {
        let _ = writeln!(out, "\n**Other mentions of the same thing**\n");
        for line in mentions {
            let _ = writeln!(out, "- {line}");
        }
    }
    let span = doc.to_source(claim.span);
    let linked: Vec<String> = checked
        .report
        .findings
        .iter()
        .filter(|f| {
            std::iter::once(f.span).chain(f.related.iter().map(|r| r.span)).any(|s| s.overlaps(claim.span))
                && !f.related.is_empty()
        })
        .map(|f| format!("`{}` {}", f.rule, f.message))
        .collect();
    if !linked.is_empty() {
        let _ = writeln!(out, "\n**Linked by findings**\n");
        for line in linked {
            let _ = writeln!(out, "- {line}");
        }
    }
    Some((span.start as usize, span.end as usize, out))
}

/// Claims of the same kind counting the same thing (the same head noun, unit and owner).
fn same_thing(doc: &Document, claims: &[Claim], index: usize) -> Vec<String> {
    let this = &claims[index];
    if this.head().is_none() && this.unit.is_none() {
        return Vec::new();
    }
    claims
        .iter()
        .enumerate()
        .filter(|(k, other)| {
            *k != index
                && other.kind == this.kind
                && other.head() == this.head()
                && other.unit == this.unit
                && other.owner == this.owner
        })
        .map(|(_, other)| {
            let record = ClaimRecord::new("", doc, other);
            format!("line {}: “{}” ({})", record.location.line, record.text, record.qualifier)
        })
        .collect()
}

fn reference(doc: &Document) -> String {
    match doc.reference() {
        Some(reference) => {
            let origin = match reference.origin {
                ReferenceOrigin::Given => "given",
                ReferenceOrigin::FrontMatter => "from the front matter",
                ReferenceOrigin::Dateline => "from the dateline",
            };
            format!("{} ({origin})", reference.date)
        }
        None => "none (relative dates stay unresolved)".to_string(),
    }
}

fn json_text(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default().replace('"', "")
}

fn figure(value: f64) -> String {
    json_text(&crate::records::Figure(value))
}
