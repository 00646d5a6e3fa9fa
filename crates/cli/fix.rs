//! Applying fixes: safe ones with `--fix`, unsafe ones too with `--unsafe-fixes`, until checking
//! the result finds nothing more to fix. Files are replaced atomically (a temporary file in the
//! same directory, renamed over the original, permissions kept).

use crate::pipeline::{CheckError, Setup};
use factlint_extract::Span;
use factlint_extract::jiff::civil::Date;
use factlint_rules::Applicability;
use std::io::Write;
use std::path::Path;

/// How many rounds of fixing before giving up on convergence.
const MAX_ROUNDS: usize = 10;

/// The text after fixing, and how many edits were made.
pub struct Fixed {
    pub text: String,
    pub edits: usize,
}

/// Fixes `text` (the story `name`), re-checking after each round. A story too large to check is
/// left as it is; factlint failing on it is an error, so no half-fixed story is written.
pub fn fix(
    setup: &Setup,
    name: &str,
    path: Option<&Path>,
    text: &str,
    date: Option<Date>,
    unsafe_fixes: bool,
) -> Result<Fixed, CheckError> {
    let mut current = text.to_string();
    let mut edits = 0;
    for _ in 0..MAX_ROUNDS {
        let checked = match setup.check(name.to_string(), path, current.clone(), date) {
            Ok(checked) => checked,
            Err(CheckError::TooLarge(_)) => break,
            Err(error) => return Err(error),
        };
        let doc = &checked.report.doc;
        let mut planned: Vec<(Span, String)> = checked
            .report
            .findings
            .iter()
            .filter_map(|finding| {
                finding.fixes.iter().find(|fix| unsafe_fixes || fix.applicability == Applicability::Safe)
            })
            .flat_map(|fix| fix.edits.iter().map(|edit| (doc.to_source(edit.span), edit.replacement.clone())))
            .collect();
        planned.sort_by_key(|(span, _)| (span.start, span.end));
        let applied = apply(&mut current, &planned);
        if applied == 0 {
            break;
        }
        edits += applied;
    }
    Ok(Fixed { text: current, edits })
}

/// Applies non-overlapping edits (sorted by position) to `text`; returns how many were applied.
fn apply(text: &mut String, edits: &[(Span, String)]) -> usize {
    let mut out = String::with_capacity(text.len());
    let mut at = 0usize;
    let mut applied = 0;
    for (span, replacement) in edits {
        let range = span.range();
        if range.start < at || range.end > text.len() || text[range.clone()] == *replacement {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(replacement);
        at = range.end;
        applied += 1;
    }
    out.push_str(&text[at..]);
    *text = out;
    applied
}

/// Replaces `path`'s contents atomically, keeping its permissions. A symbolic link is followed,
/// so the story it points to is the one rewritten and the link stays a link.
pub fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let path = target.as_path();
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(path)?.permissions();
    let mut temporary = tempfile::NamedTempFile::new_in(dir)?;
    temporary.write_all(contents.as_bytes())?;
    temporary.as_file().sync_all()?;
    temporary.as_file().set_permissions(permissions)?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A unified diff of a fix, for `--diff`.
pub fn unified_diff(name: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_edits_apply_once() {
        let mut text = "the the cat".to_string();
        let edits = vec![(Span::new(3, 7), String::new()), (Span::new(4, 7), "dog".to_string())];
        assert_eq!(apply(&mut text, &edits), 1);
        assert_eq!(text, "the cat");
    }

    #[test]
    fn atomic_writes_keep_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
