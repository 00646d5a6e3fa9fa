//! Turning the paths on the command line into stories to read: files as given, directories
//! walked with ripgrep's walker (honouring `.gitignore`), standard input for `-`. A directory
//! that cannot be read, or a path too long for the system, is reported and passed over: the
//! walk goes on.

use anyhow::{Context, Result};
use globset::{Glob, GlobSet, GlobSetBuilder};
use ignore::WalkBuilder;
use ignore::overrides::OverrideBuilder;
use std::path::{Path, PathBuf};

/// The files checked in a directory when `--glob` is not given.
pub const DEFAULT_GLOBS: &[&str] = &["*.txt", "*.md", "*.markdown", "*.html", "*.htm"];

/// One input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

/// Expands paths into sources, in a stable order: the order given, each directory's files
/// sorted. `globs` choose the files in directories; `exclude` drops files anywhere.
pub fn expand(paths: &[PathBuf], globs: &[String], exclude: &[String]) -> Result<Vec<Source>> {
    let excluded = glob_set(exclude)?;
    let mut sources = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if path.is_dir() {
            let mut found = walk(path, globs, exclude)?;
            found.sort();
            sources.extend(found.into_iter().map(Source::File));
        } else if !is_excluded(&excluded, path) {
            // A file named on the command line is read whatever its extension; a missing one
            // is reported when it is read.
            sources.push(Source::File(path.clone()));
        }
    }
    Ok(sources)
}

fn glob_set(patterns: &[String]) -> Result<GlobSet> {
    let mut set = GlobSetBuilder::new();
    for pattern in patterns {
        set.add(Glob::new(pattern).with_context(|| format!("bad glob `{pattern}`"))?);
    }
    Ok(set.build()?)
}

fn is_excluded(excluded: &GlobSet, path: &Path) -> bool {
    excluded.is_match(path) || path.file_name().is_some_and(|name| excluded.is_match(name))
}

fn walk(dir: &Path, globs: &[String], exclude: &[String]) -> Result<Vec<PathBuf>> {
    let mut overrides = OverrideBuilder::new(dir);
    let chosen: Vec<String> =
        if globs.is_empty() { DEFAULT_GLOBS.iter().map(|g| g.to_string()).collect() } else { globs.to_vec() };
    for glob in &chosen {
        overrides.add(glob).with_context(|| format!("bad glob `{glob}`"))?;
    }
    for glob in exclude {
        overrides.add(&format!("!{glob}")).with_context(|| format!("bad glob `{glob}`"))?;
    }
    let walker = WalkBuilder::new(dir).require_git(false).overrides(overrides.build()?).build();
    let mut files = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => files.push(entry.into_path()),
            Ok(_) => {}
            Err(error) => eprintln!("factlint: skipping {error}"),
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_walked_by_extension_and_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.md"), "x").unwrap();
        std::fs::write(root.join("b.txt"), "x").unwrap();
        std::fs::write(root.join("c.rs"), "x").unwrap();
        std::fs::create_dir(root.join("old")).unwrap();
        std::fs::write(root.join("old/d.txt"), "x").unwrap();
        std::fs::write(root.join(".gitignore"), "old/\n").unwrap();
        let found = expand(&[root.to_path_buf()], &[], &[]).unwrap();
        assert_eq!(found, vec![Source::File(root.join("a.md")), Source::File(root.join("b.txt"))]);
        let only_md = expand(&[root.to_path_buf()], &["*.md".into()], &[]).unwrap();
        assert_eq!(only_md, vec![Source::File(root.join("a.md"))]);
        let excluded = expand(&[root.to_path_buf()], &[], &["b.txt".into()]).unwrap();
        assert_eq!(excluded, vec![Source::File(root.join("a.md"))]);
    }

    #[cfg(unix)]
    #[test]
    fn a_path_longer_than_the_system_allows_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.md"), "x").unwrap();
        std::fs::write(root.join("z.md"), "x").unwrap();
        // Twenty-five folders of 200 bytes each: 5,000 bytes, past PATH_MAX (4,096). Made one
        // step at a time from an open folder, as no single path to them can be opened.
        let name = std::ffi::CString::new("d".repeat(200)).unwrap();
        let root_name = std::ffi::CString::new(root.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: plain system calls on NUL-terminated names; every descriptor is closed.
        unsafe {
            let mut fd = libc::open(root_name.as_ptr(), libc::O_DIRECTORY);
            for _ in 0..25 {
                assert_eq!(libc::mkdirat(fd, name.as_ptr(), 0o755), 0);
                let next = libc::openat(fd, name.as_ptr(), libc::O_DIRECTORY);
                libc::close(fd);
                fd = next;
                assert!(fd >= 0);
            }
            let file = libc::openat(fd, c"deep.md".as_ptr(), libc::O_CREAT | libc::O_WRONLY, 0o644);
            assert!(file >= 0);
            libc::close(file);
            libc::close(fd);
        }
        let found = expand(&[root.to_path_buf()], &[], &[]).unwrap();
        assert_eq!(found, vec![Source::File(root.join("a.md")), Source::File(root.join("z.md"))]);
    }
}
