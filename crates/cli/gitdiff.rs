//! `--diff-base REV`: the lines of each file changed since a git revision, so CI on a large
//! archive reports only what a change introduced. Files git does not track yet count as wholly
//! changed.

use anyhow::{Context, Result, bail};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Changed line ranges (1-based, inclusive) by canonical path.
pub struct ChangedLines {
    root: PathBuf,
    files: HashMap<PathBuf, Vec<(u32, u32)>>,
    untracked: HashSet<PathBuf>,
}

impl ChangedLines {
    /// Asks git for the changes since `base` in the work tree around the current directory.
    pub fn since(base: &str) -> Result<ChangedLines> {
        let root = git(&["rev-parse", "--show-toplevel"]).context("--diff-base needs a git work tree")?;
        let root = PathBuf::from(root.trim());
        let diff = git(&["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames", base, "--"])
            .with_context(|| format!("git diff against `{base}` failed"))?;
        let untracked = git(&["ls-files", "--others", "--exclude-standard", "--full-name"])?;
        let canonical = |path: PathBuf| std::fs::canonicalize(&path).unwrap_or(path);
        Ok(ChangedLines {
            root: canonical(root.clone()),
            files: parse_unified_diff(&diff)
                .into_iter()
                .map(|(path, lines)| (canonical(root.join(path)), lines))
                .collect(),
            untracked: untracked.lines().map(|line| canonical(root.join(line))).collect(),
        })
    }

    /// Whether the span of lines `first..=last` of `path` was touched. A file outside the work
    /// tree has no history here, so all of it counts as changed.
    pub fn touches(&self, path: &Path, first: u32, last: u32) -> bool {
        let Ok(absolute) = std::fs::canonicalize(path) else { return true };
        !absolute.starts_with(&self.root)
            || self.untracked.contains(&absolute)
            || self
                .files
                .get(&absolute)
                .is_some_and(|ranges| ranges.iter().any(|&(a, b)| a <= last && first <= b))
    }
}

fn git(args: &[&str]) -> Result<String> {
    let output = Command::new("git").args(args).output().context("cannot run git")?;
    if !output.status.success() {
        bail!("{}", String::from_utf8_lossy(&output.stderr).trim());
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The new-side line ranges of each file in a `--unified=0` diff.
fn parse_unified_diff(diff: &str) -> HashMap<String, Vec<(u32, u32)>> {
    let mut files: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
    let mut current: Option<String> = None;
    for line in diff.lines() {
        if let Some(path) = line.strip_prefix("+++ ") {
            current = path.strip_prefix("b/").map(str::to_string);
        } else if let (Some(path), Some(hunk)) = (&current, line.strip_prefix("@@ ")) {
            // "@@ -12,3 +14,2 @@": the new side starts at 14 and runs 2 lines.
            let Some(new) = hunk.split_whitespace().find(|part| part.starts_with('+')) else { continue };
            let (start, count) = new[1..].split_once(',').unwrap_or((&new[1..], "1"));
            let (Ok(start), Ok(count)) = (start.parse::<u32>(), count.parse::<u32>()) else { continue };
            if count > 0 {
                files.entry(path.clone()).or_default().push((start, start + count - 1));
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_new_line_ranges() {
        let diff = "diff --git a/s.md b/s.md\n--- a/s.md\n+++ b/s.md\n@@ -3 +3 @@\n-a\n+b\n@@ -10,0 +11,2 @@\n+c\n+d\n@@ -20,2 +21,0 @@\n-e\n-f\n";
        let files = parse_unified_diff(diff);
        assert_eq!(files["s.md"], vec![(3, 3), (11, 12)]);
    }
}
