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
        // A value like `--output=FILE` would be an option to git, not a revision.
        if base.is_empty() || base.starts_with('-') {
            bail!("--diff-base `{base}` is not a revision: a revision does not start with `-`");
        }
        let root = git(&["rev-parse", "--show-toplevel"]).context("--diff-base needs a git work tree")?;
        let root = path_from_bytes(root.strip_suffix(b"\n").unwrap_or(&root));
        // The user's configuration must not change the format read here: no prefixes
        // (`diff.noprefix`), paths relative to a subdirectory (`diff.relative`), or quoted names
        // (`core.quotepath`; names with a tab, a newline, a quote or a backslash are still quoted).
        let diff = git(&[
            "-c",
            "core.quotepath=off",
            "diff",
            "--unified=0",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            "--no-renames",
            "--no-relative",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            "--end-of-options",
            base,
            "--",
        ])
        .with_context(|| format!("git diff against `{base}` failed"))?;
        let untracked = git(&["ls-files", "-z", "--others", "--exclude-standard", "--full-name"])?;
        let canonical = |path: PathBuf| std::fs::canonicalize(&path).unwrap_or(path);
        Ok(ChangedLines {
            root: canonical(root.clone()),
            files: parse_unified_diff(&diff)
                .into_iter()
                .map(|(path, lines)| (canonical(root.join(path)), lines))
                .collect(),
            untracked: untracked
                .split(|&b| b == 0)
                .filter(|name| !name.is_empty())
                .map(|name| canonical(root.join(path_from_bytes(name))))
                .collect(),
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

fn git(args: &[&str]) -> Result<Vec<u8>> {
    let output = Command::new("git").args(args).output().context("cannot run git")?;
    if !output.status.success() {
        bail!("{}", String::from_utf8_lossy(&output.stderr).trim());
    }
    Ok(output.stdout)
}

/// A path as git wrote it: bytes, which on Unix need not be UTF-8.
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        PathBuf::from(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// The new-side line ranges of each file in a `--unified=0` diff.
fn parse_unified_diff(diff: &[u8]) -> HashMap<PathBuf, Vec<(u32, u32)>> {
    let mut files: HashMap<PathBuf, Vec<(u32, u32)>> = HashMap::new();
    let mut current: Option<PathBuf> = None;
    for line in diff.split(|&b| b == b'\n') {
        if let Some(name) = line.strip_prefix(b"+++ ") {
            current = new_side_name(name).map(|name| path_from_bytes(&name));
        } else if let (Some(path), Some(hunk)) = (&current, line.strip_prefix(b"@@ ")) {
            // "@@ -12,3 +14,2 @@": the new side starts at 14 and runs 2 lines.
            let hunk = String::from_utf8_lossy(hunk);
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

/// The path on a `+++ ` line, without its `b/`: written as is (with a tab after it when it holds
/// a space), or C-quoted when it holds a tab, a newline, a quote or a backslash. `None` for
/// `/dev/null`, a deleted file.
fn new_side_name(name: &[u8]) -> Option<Vec<u8>> {
    let name = match name.strip_prefix(b"\"") {
        Some(quoted) => unquote(quoted)?,
        None => name.strip_suffix(b"\t").unwrap_or(name).to_vec(),
    };
    name.strip_prefix(b"b/").map(<[u8]>::to_vec)
}

/// Undoes git's C-style quoting of a name (the part after the opening quote); `None` when the
/// closing quote is missing.
fn unquote(quoted: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(quoted.len());
    let mut bytes = quoted.iter().copied();
    while let Some(byte) = bytes.next() {
        match byte {
            b'"' => return Some(out),
            b'\\' => {
                let escaped = bytes.next()?;
                out.push(match escaped {
                    b'n' => b'\n',
                    b't' => b'\t',
                    b'r' => b'\r',
                    b'a' => 0x07,
                    b'b' => 0x08,
                    b'f' => 0x0c,
                    b'v' => 0x0b,
                    b'0'..=b'3' => {
                        // Three octal digits: one byte of a name that is not plain ASCII.
                        let (second, third) = (bytes.next()?, bytes.next()?);
                        let digit = |d: u8| (b'0'..=b'7').contains(&d).then(|| d - b'0');
                        (escaped - b'0') << 6 | digit(second)? << 3 | digit(third)?
                    }
                    other => other,
                });
            }
            other => out.push(other),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_new_line_ranges() {
        let diff = "diff --git a/s.md b/s.md\n--- a/s.md\n+++ b/s.md\n@@ -3 +3 @@\n-a\n+b\n@@ -10,0 +11,2 @@\n+c\n+d\n@@ -20,2 +21,0 @@\n-e\n-f\n";
        let files = parse_unified_diff(diff.as_bytes());
        assert_eq!(files[Path::new("s.md")], vec![(3, 3), (11, 12)]);
    }

    #[test]
    fn names_are_read_as_git_writes_them() {
        assert_eq!(new_side_name(b"b/plain.md").unwrap(), b"plain.md");
        assert_eq!(new_side_name(b"b/with space.md\t").unwrap(), b"with space.md");
        assert_eq!(new_side_name("b/café.md".as_bytes()).unwrap(), "café.md".as_bytes());
        assert_eq!(new_side_name(br#""b/caf\303\251.md""#).unwrap(), "café.md".as_bytes());
        assert_eq!(new_side_name(br#""b/new\nline \"quoted\".md""#).unwrap(), b"new\nline \"quoted\".md");
        assert_eq!(new_side_name(b"/dev/null"), None);
        assert_eq!(new_side_name(br#""b/unterminated"#), None);
    }
}
