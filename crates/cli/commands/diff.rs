//! `factlint diff OLD NEW`: revision review. The claims of two versions are aligned (by kind,
//! what they count, unit, owner and person, in order) and reported as changed, added or
//! removed; findings new in NEW are listed too. Prose-only edits report nothing.

use crate::Outcome;
use crate::cli::{DiffArgs, DiffFormat};
use crate::input;
use crate::pipeline::{Checked, Setups};
use crate::records::{ClaimRecord, FindingRecord, Location};
use anyhow::{Result, anyhow};
use factlint_extract::{Claim, Document, Unit};
use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::HashMap;
use std::io::Write;

/// What identifies a claim across versions: not its figure, which is what may change.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Identity {
    kind: &'static str,
    subject: Option<String>,
    unit: Option<&'static str>,
    owner: Option<String>,
    person: Option<String>,
}

impl Identity {
    fn of(claim: &Claim) -> Identity {
        Identity {
            kind: claim.kind.as_str(),
            subject: claim.head().map(str::to_string),
            unit: claim.unit.map(Unit::code),
            owner: claim.owner.clone(),
            person: claim.person().map(str::to_string),
        }
    }
}

/// What a claim says: if this differs between aligned claims, the claim changed.
fn statement(claim: &Claim) -> String {
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        claim.value,
        claim.low,
        claim.high,
        claim.qualifier,
        claim.date(),
        claim.time(),
        claim.score()
    )
}

fn claim(checked: &Checked, i: usize) -> ClaimRecord<'_> {
    ClaimRecord::new(&checked.report.name, &checked.report.doc, &checked.claims[i])
}

/// How two versions' claims line up.
#[derive(Default)]
struct Alignment {
    changed: Vec<(usize, usize)>,
    added: Vec<usize>,
    removed: Vec<usize>,
}

fn align(old: &[Claim], new: &[Claim]) -> Alignment {
    let old_keys: Vec<Identity> = old.iter().map(Identity::of).collect();
    let new_keys: Vec<Identity> = new.iter().map(Identity::of).collect();
    let mut alignment = Alignment::default();
    let pair = |o: usize, n: usize, alignment: &mut Alignment| {
        if statement(&old[o]) != statement(&new[n]) {
            alignment.changed.push((o, n));
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                for k in 0..len {
                    pair(old_index + k, new_index + k, &mut alignment);
                }
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                alignment.removed.extend(old_index..old_index + old_len)
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                alignment.added.extend(new_index..new_index + new_len)
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                // Claims of the same kind in the same place are one claim rewritten ("on Tuesday"
                // became "on Wednesday", "troops" became "soldiers").
                let mut new_left: Vec<usize> = (new_index..new_index + new_len).collect();
                for (o, claim) in old.iter().enumerate().skip(old_index).take(old_len) {
                    match new_left.iter().position(|&n| new[n].kind == claim.kind) {
                        Some(at) => {
                            let n = new_left.remove(at);
                            pair(o, n, &mut alignment);
                        }
                        None => alignment.removed.push(o),
                    }
                }
                alignment.added.extend(new_left);
            }
        }
    }
    // A claim that moved (a sentence reordered) is neither removed nor added; one that moved
    // and changed is changed.
    for same_statement in [true, false] {
        let removed = std::mem::take(&mut alignment.removed);
        for o in removed {
            let partner = alignment.added.iter().position(|&n| {
                old_keys[o] == new_keys[n] && (statement(&old[o]) == statement(&new[n])) == same_statement
            });
            match partner {
                Some(at) => {
                    let n = alignment.added.remove(at);
                    if !same_statement {
                        alignment.changed.push((o, n));
                    }
                }
                None => alignment.removed.push(o),
            }
        }
    }
    alignment.changed.sort();
    alignment.added.sort();
    alignment.removed.sort();
    alignment
}

/// Findings in `new` that `old` does not have (by rule and flagged text, counted).
fn new_findings<'a>(old: &Checked, new: &'a Checked) -> Vec<&'a factlint_rules::Finding> {
    let key = |doc: &Document, finding: &factlint_rules::Finding| {
        let at = Location::of(doc, finding.span);
        (finding.rule.clone(), doc.source()[at.start as usize..at.end as usize].to_string())
    };
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for finding in &old.report.findings {
        *seen.entry(key(&old.report.doc, finding)).or_default() += 1;
    }
    new.report
        .findings
        .iter()
        .filter(|finding| match seen.get_mut(&key(&new.report.doc, finding)) {
            Some(count) if *count > 0 => {
                *count -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

#[derive(Serialize)]
struct ChangedRecord<'a> {
    old: ClaimRecord<'a>,
    new: ClaimRecord<'a>,
}

#[derive(Serialize)]
struct Summary {
    changed: usize,
    added: usize,
    removed: usize,
    new_findings: usize,
}

/// What changed between two checked versions of a story (`factlint diff --format json`).
#[derive(Serialize)]
pub struct DiffRecord<'a> {
    changed: Vec<ChangedRecord<'a>>,
    added: Vec<ClaimRecord<'a>>,
    removed: Vec<ClaimRecord<'a>>,
    new_findings: Vec<FindingRecord<'a>>,
    summary: Summary,
}

/// Aligns the claims of two checked versions and collects what changed.
pub fn compare<'a>(old: &'a Checked, new: &'a Checked) -> DiffRecord<'a> {
    let alignment = align(&old.claims, &new.claims);
    let fresh = new_findings(old, new);
    DiffRecord {
        changed: alignment
            .changed
            .iter()
            .map(|&(o, n)| ChangedRecord { old: claim(old, o), new: claim(new, n) })
            .collect(),
        added: alignment.added.iter().map(|&n| claim(new, n)).collect(),
        removed: alignment.removed.iter().map(|&o| claim(old, o)).collect(),
        new_findings: fresh
            .iter()
            .map(|f| FindingRecord::new(&new.report.name, &new.report.doc, f))
            .collect(),
        summary: Summary {
            changed: alignment.changed.len(),
            added: alignment.added.len(),
            removed: alignment.removed.len(),
            new_findings: fresh.len(),
        },
    }
}

pub fn run(args: &DiffArgs) -> Result<Outcome> {
    let mut setups = Setups::new(&args.reading, &args.rules);
    let setup = setups.for_path(Some(&args.new))?;
    let mut versions = Vec::new();
    for path in [&args.old, &args.new] {
        let story = input::read(path, args.reading.stdin_filename.as_deref(), args.reading.limits().story)
            .map_err(|(origin, error)| anyhow!("cannot read {}: {error}", origin.display_name()))?;
        let name = story.origin.display_name();
        let checked = setup.check(name, Some(path), story.text, None)?;
        versions.push(checked);
    }
    let record = compare(&versions[0], &versions[1]);

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        DiffFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &record)?;
            writeln!(out)?;
        }
        DiffFormat::Human => human(&mut out, &record)?,
    }
    out.flush()?;
    let summary = &record.summary;
    let figures = summary.changed + summary.added + summary.removed;
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    eprintln!(
        "{} changed, {} added, {} removed; {}",
        plural(summary.changed, "figure", "figures"),
        summary.added,
        summary.removed,
        plural(summary.new_findings, "new finding", "new findings")
    );
    Ok(if figures + summary.new_findings > 0 { Outcome::Findings } else { Outcome::Clean })
}

fn human(out: &mut impl Write, record: &DiffRecord) -> std::io::Result<()> {
    let at = |c: &ClaimRecord| format!("{}:{}:{}", c.path, c.location.line, c.location.column);
    for changed in &record.changed {
        writeln!(
            out,
            "changed  {}  “{}”  →  {}  “{}”",
            at(&changed.old),
            changed.old.text,
            at(&changed.new),
            changed.new.text
        )?;
    }
    for added in &record.added {
        writeln!(out, "added    {}  “{}”", at(added), added.text)?;
    }
    for removed in &record.removed {
        writeln!(out, "removed  {}  “{}”", at(removed), removed.text)?;
    }
    for finding in &record.new_findings {
        writeln!(
            out,
            "new      {}:{}:{}: {} [{}] {}",
            finding.path.unwrap_or_default(),
            finding.location.line,
            finding.location.column,
            finding.severity,
            finding.rule,
            finding.message
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use factlint_extract::{Options, extract, jiff::civil::date};

    fn claims(text: &str) -> Vec<Claim> {
        let options = Options { reference_date: Some(date(2025, 6, 9)), ..Options::default() };
        extract(&Document::parse(text, &options).unwrap())
    }

    #[test]
    fn figures_dates_and_qualifiers_that_moved() {
        let old = claims("About 25,000 troops crossed on Tuesday. Officials counted 40 tanks.");
        let new = claims(
            "More than 25,000 troops crossed on Wednesday. Officials counted 45 tanks. Two ships sailed.",
        );
        let alignment = align(&old, &new);
        assert_eq!(alignment.changed.len(), 3, "{:?}", alignment.changed);
        assert_eq!(alignment.added.len(), 1);
        assert!(alignment.removed.is_empty());
    }

    #[test]
    fn prose_edits_change_nothing() {
        let old = claims("About 25,000 troops crossed on Tuesday.");
        let new = claims("On Tuesday, about 25,000 troops crossed the river quietly.");
        let alignment = align(&old, &new);
        assert!(alignment.changed.is_empty() && alignment.added.is_empty() && alignment.removed.is_empty());
    }
}
