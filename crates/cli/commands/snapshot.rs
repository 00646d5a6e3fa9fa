//! `factlint snapshot`: readable YAML snapshots of each story's claims and findings, kept under
//! `.factlint/snapshots/` mirroring the stories' paths. `--check` fails with a unified diff where
//! a story's claims or findings moved; `--accept` takes the new ones. Positions are left out so
//! that an edit above a figure does not change every line after it.

use crate::Outcome;
use crate::cli::SnapshotArgs;
use crate::input;
use crate::pipeline::{Checked, Setups};
use crate::records::Figure;
use crate::walk::{self, Source};
use anyhow::{Context, Result, bail};
use factlint_extract::Claim;
use serde::Serialize;
use std::path::{Component, Path, PathBuf};

#[derive(Serialize)]
struct Snapshot<'a> {
    story: &'a str,
    claims: Vec<String>,
    findings: Vec<String>,
}

/// One claim as a line a desk can read: kind, qualifier, figure or date, unit, subject, text.
fn describe(claim: &Claim, text: &str) -> String {
    let mut parts: Vec<String> = vec![claim.kind.as_str().to_string(), claim.qualifier.as_str().to_string()];
    let figure = |v: f64| serde_json::to_string(&Figure(v)).unwrap_or_default();
    match (claim.low, claim.high, claim.value) {
        (Some(low), Some(high), _) if low != high => parts.push(format!("{}–{}", figure(low), figure(high))),
        (_, _, Some(value)) => parts.push(figure(value)),
        _ => {}
    }
    if let Some(date) = claim.date() {
        parts.push(serde_json::to_string(&date).unwrap_or_default().replace('"', ""));
    }
    if let Some(unit) = claim.unit {
        parts.push(unit.to_string());
    }
    if let Some(subject) = &claim.subject {
        parts.push(subject.text.clone());
    }
    format!("{} “{}”", parts.join(" "), text.replace('\n', " "))
}

fn render(checked: &Checked) -> Result<String> {
    let report = &checked.report;
    let doc = &report.doc;
    let slice = |span| {
        let source = doc.to_source(span);
        &doc.source()[source.range()]
    };
    let snapshot = Snapshot {
        story: &report.name,
        claims: checked.claims.iter().map(|c| describe(c, slice(c.span))).collect(),
        findings: report
            .findings
            .iter()
            .map(|f| {
                format!("{} {} “{}”: {}", f.severity, f.rule, slice(f.span).replace('\n', " "), f.message)
            })
            .collect(),
    };
    Ok(format!(
        "# factlint snapshot: the claims and findings of {}\n{}",
        report.name,
        serde_yaml::to_string(&snapshot)?
    ))
}

/// Where a story's snapshot lives: `dir`, then the story's path without its root.
fn snapshot_path(dir: &Path, story: &Path) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    let relative = story.strip_prefix(&cwd).unwrap_or(story);
    let mut path = dir.to_path_buf();
    for component in relative.components() {
        if let Component::Normal(part) = component {
            path.push(part);
        }
    }
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".yaml");
    path.set_file_name(name);
    path
}

pub fn run(args: &SnapshotArgs) -> Result<Outcome> {
    let mut setups = Setups::new(&args.reading, &args.rules);
    let (mut written, mut changed, mut missing, mut matching) = (0, 0, 0, 0);
    for source in walk::expand(&args.paths, &[], &[])? {
        let Source::File(path) = source else { bail!("snapshots need files, not standard input") };
        let setup = setups.for_path(Some(&path))?;
        let story = match input::read(&path, None, args.reading.limits().story) {
            Ok(story) => story,
            Err((origin, error)) => {
                eprintln!("factlint: skipping {}: {error}", origin.display_name());
                continue;
            }
        };
        let checked = setup.check(story.origin.display_name(), Some(&path), story.text, None)?;
        let current = render(&checked)?;
        let stored_path = snapshot_path(&args.dir, &path);
        let stored = std::fs::read_to_string(&stored_path).ok();
        match stored {
            Some(stored) if stored == current => matching += 1,
            Some(stored) => {
                changed += 1;
                if args.accept {
                    write(&stored_path, &current)?;
                    written += 1;
                } else {
                    let name = stored_path.display().to_string();
                    print!(
                        "{}",
                        similar::TextDiff::from_lines(&stored, &current)
                            .unified_diff()
                            .header(&format!("{name} (stored)"), &format!("{name} (now)"))
                    );
                }
            }
            None => {
                missing += 1;
                if args.check {
                    eprintln!("factlint: no snapshot for {} at {}", path.display(), stored_path.display());
                } else {
                    write(&stored_path, &current)?;
                    written += 1;
                }
            }
        }
    }
    eprintln!("{matching} matching, {changed} changed, {missing} new; {written} written");
    let failed = (changed > 0 && !args.accept) || (missing > 0 && args.check);
    Ok(if failed { Outcome::Findings } else { Outcome::Clean })
}

fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshots_mirror_story_paths() {
        let dir = Path::new(".factlint/snapshots");
        assert_eq!(
            snapshot_path(dir, Path::new("stories/a.md")),
            Path::new(".factlint/snapshots/stories/a.md.yaml")
        );
        assert_eq!(snapshot_path(dir, Path::new("./b.txt")), Path::new(".factlint/snapshots/b.txt.yaml"));
    }
}
