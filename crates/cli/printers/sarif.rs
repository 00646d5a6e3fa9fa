//! `--format sarif`: SARIF 2.1.0, for code-scanning uploads. The rules that ran are described in
//! `tool.driver.rules`; columns count Unicode code points, as factlint's do, and regions carry
//! exact byte offsets too.

use crate::records::Location;
use crate::report::{Catalog, FileReport};
use factlint_rules::{Finding, Severity};
use serde_json::{Value, json};
use std::io::{self, Write};

pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// One story's findings as SARIF results.
pub fn results(report: &FileReport, catalog: &Catalog) -> Vec<Value> {
    report.findings.iter().map(|finding| result(report, finding, catalog)).collect()
}

/// The log: the rules that ran, and every story's results.
pub fn write(results: Vec<Value>, catalog: &Catalog, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = catalog
        .rules
        .iter()
        .map(|rule| {
            let spec = &rule.spec;
            let full = match spec.description.as_deref() {
                Some(description) => description.trim().to_string(),
                None => without_placeholders(&spec.message),
            };
            let full = full.as_str();
            let mut described = json!({
                "id": spec.id,
                "shortDescription": { "text": first_sentence(full) },
                "fullDescription": { "text": full },
                "defaultConfiguration": { "level": level(spec.severity) },
                "properties": { "kind": spec.kind.as_str() },
            });
            if let Some(link) = &spec.link {
                described["helpUri"] = json!(link);
            }
            described
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "factlint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// The first sentence of a description, with its line breaks folded: a rule's one-line summary.
/// (A message template would show its `{placeholders}`.)
fn first_sentence(text: &str) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.find(". ") {
        Some(end) => folded[..=end].to_string(),
        None => folded,
    }
}

/// A message template read as prose: "“{found}” reads as a typo" → "“…” reads as a typo".
fn without_placeholders(template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => {
                out.push('…');
                rest = &rest[open + close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference.
fn uri(name: &str) -> String {
    let name = name.replace('\\', "/");
    let name = name.strip_prefix("./").unwrap_or(&name);
    name.replace('%', "%25").replace(' ', "%20")
}

fn region(at: &Location) -> Value {
    json!({
        "startLine": at.line,
        "startColumn": at.column,
        "endLine": at.end_line,
        "endColumn": at.end_column,
        "byteOffset": at.start,
        "byteLength": at.end - at.start,
    })
}

fn result(report: &FileReport, finding: &Finding, catalog: &Catalog) -> Value {
    let at = Location::of(&report.doc, finding.span);
    let artifact = json!({ "uri": uri(&report.name) });
    let mut result = json!({
        "ruleId": finding.rule,
        "level": level(finding.severity),
        "message": { "text": finding.message },
        "locations": [{ "physicalLocation": { "artifactLocation": artifact, "region": region(&at) } }],
    });
    if let Some(index) = catalog.index_of(&finding.rule) {
        result["ruleIndex"] = json!(index);
    }
    if !finding.related.is_empty() {
        let related: Vec<Value> = finding
            .related
            .iter()
            .enumerate()
            .map(|(id, related)| {
                let at = Location::of(&report.doc, related.span);
                json!({
                    "id": id,
                    "message": { "text": related.message },
                    "physicalLocation": { "artifactLocation": artifact, "region": region(&at) },
                })
            })
            .collect();
        result["relatedLocations"] = json!(related);
    }
    if !finding.fixes.is_empty() {
        let fixes: Vec<Value> = finding
            .fixes
            .iter()
            .map(|fix| {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|edit| {
                        let at = Location::of(&report.doc, edit.span);
                        json!({ "deletedRegion": region(&at), "insertedContent": { "text": edit.replacement } })
                    })
                    .collect();
                json!({
                    "description": { "text": format!("{:?} fix", fix.applicability).to_lowercase() },
                    "artifactChanges": [{ "artifactLocation": artifact, "replacements": replacements }],
                })
            })
            .collect();
        result["fixes"] = json!(fixes);
    }
    result
}
