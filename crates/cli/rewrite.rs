//! Writing a fixed story back without ever damaging it, as `sed -i` and ruff do.
//!
//! The fixed text goes to a temporary file in the story's directory, which is renamed over the
//! story: a reader, or a kill at any moment, sees the old story or the new one, never half of
//! either. Where the system has `O_TMPFILE` the temporary file has no name until the moment
//! before the rename, so a killed run leaves nothing behind; elsewhere it is named
//! `.factlint-fix-<pid>-<n>.tmp`, and the next run removes those whose process is gone.
//!
//! Just before the rename the story is compared with what was read: an edit saved meanwhile is
//! kept and the fix skipped. Owner and permissions are carried over (the owner where the system
//! allows it). A story with other hard links, or with no write permission, is left alone:
//! replacing it would split the links or override the protection.

use std::fmt;
use std::fs::{File, Metadata};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// How the temporary files of an interrupted fix begin; they end in [`TEMPORARY_SUFFIX`].
pub const TEMPORARY_PREFIX: &str = ".factlint-fix-";
pub const TEMPORARY_SUFFIX: &str = ".tmp";

/// Numbers this process's temporary names.
static NEXT_NAME: AtomicU64 = AtomicU64::new(0);

/// What a story was when it was read, taken before reading it.
#[derive(Debug)]
pub struct Snapshot {
    metadata: Metadata,
}

/// Why a fixed story was left as it was.
#[derive(Debug)]
pub enum NotWritten {
    /// Other names share this file: replacing it would split them.
    HardLinks(u64),
    /// No one may write the file (its permission bits), whoever runs the fix.
    ReadOnly,
    /// The file changed after it was read; the fix was made on the old text.
    Changed,
    /// No new file can be made beside the story (its directory is not writable, say).
    Directory(io::Error),
    Io(io::Error),
}

impl fmt::Display for NotWritten {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotWritten::HardLinks(links) => {
                write!(f, "not fixed: the file has {links} hard links, which a fix would split")
            }
            NotWritten::ReadOnly => f.write_str("not fixed: the file is read-only"),
            NotWritten::Changed => {
                f.write_str("not fixed: the file changed while it was being fixed; run again to fix it")
            }
            NotWritten::Directory(error) => {
                write!(f, "cannot write the fix: cannot create a file in its directory: {error}")
            }
            NotWritten::Io(error) => write!(f, "cannot write the fix: {error}"),
        }
    }
}

impl From<io::Error> for NotWritten {
    fn from(error: io::Error) -> NotWritten {
        NotWritten::Io(error)
    }
}

impl Snapshot {
    /// The metadata of the file `path` names (through a symbolic link).
    pub fn take(path: &Path) -> io::Result<Snapshot> {
        Ok(Snapshot { metadata: std::fs::metadata(path)? })
    }

    /// Whether the story at `path` may be replaced at all. Its permission bits decide, not
    /// whether a write would succeed: root may write anything.
    fn replaceable(&self, path: &Path) -> Result<(), NotWritten> {
        let links = hard_links(&self.metadata);
        if links > 1 {
            return Err(NotWritten::HardLinks(links));
        }
        if self.metadata.permissions().readonly() || !may_write(path) {
            return Err(NotWritten::ReadOnly);
        }
        Ok(())
    }

    /// Whether the file at `path` is no longer the one read as `before`.
    fn changed(&self, path: &Path, before: &str) -> io::Result<bool> {
        let mut file = File::open(path)?;
        let now = file.metadata()?;
        if !same_file_and_time(&self.metadata, &now) || now.len() != before.len() as u64 {
            return Ok(true);
        }
        // Timestamps are coarse: a quick edit of the same length can keep them. Compare the text.
        let mut current = Vec::with_capacity(before.len());
        Read::take(&mut file, before.len() as u64 + 1).read_to_end(&mut current)?;
        Ok(current != before.as_bytes())
    }
}

/// Replaces the story at `path`, read as `before` after `snapshot` was taken, with `after`.
/// A symbolic link is followed: the story it points to is rewritten and the link stays a link.
pub fn replace(path: &Path, snapshot: &Snapshot, before: &str, after: &str) -> Result<(), NotWritten> {
    snapshot.replaceable(path)?;
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temporary = Temporary::create(dir).map_err(NotWritten::Directory)?;
    temporary.file.write_all(after.as_bytes())?;
    keep_owner(&temporary.file, &snapshot.metadata)?;
    temporary.file.set_permissions(snapshot.metadata.permissions())?;
    temporary.file.sync_all()?;
    if snapshot.changed(&target, before)? {
        return Err(NotWritten::Changed);
    }
    temporary.rename_to(&target)?;
    Ok(())
}

/// Removes the temporary files in `dir` left by fixes whose process no longer runs; returns how
/// many. Another run's files, still being written, are left alone.
pub fn remove_leftovers(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let owner = name.to_str().and_then(temporary_owner);
            owner.is_some_and(|pid| !process_runs(pid)) && std::fs::remove_file(entry.path()).is_ok()
        })
        .count()
}

/// The process that made a temporary file named `name`, if it is one of ours.
fn temporary_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMPORARY_PREFIX)?.strip_suffix(TEMPORARY_SUFFIX)?;
    let (pid, number) = rest.split_once('-')?;
    number.parse::<u64>().ok()?;
    pid.parse().ok()
}

fn temporary_name(number: u64) -> String {
    format!("{TEMPORARY_PREFIX}{}-{number}{TEMPORARY_SUFFIX}", std::process::id())
}

/// A temporary file beside a story, removed unless renamed over it.
struct Temporary {
    file: File,
    /// Its name, once it has one.
    path: Option<PathBuf>,
    dir: PathBuf,
}

impl Temporary {
    fn create(dir: &Path) -> io::Result<Temporary> {
        if let Some(file) = unnamed_file(dir)? {
            return Ok(Temporary { file, path: None, dir: dir.to_path_buf() });
        }
        loop {
            let path = dir.join(temporary_name(NEXT_NAME.fetch_add(1, Ordering::Relaxed)));
            match private_file(&path) {
                Ok(file) => return Ok(Temporary { file, path: Some(path), dir: dir.to_path_buf() }),
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(error) => return Err(error),
            }
        }
    }

    /// Renames the finished file over `target`.
    fn rename_to(mut self, target: &Path) -> io::Result<()> {
        let path = match &self.path {
            Some(path) => path.clone(),
            None => {
                let path = link_unnamed(&self.file, &self.dir)?;
                self.path = Some(path.clone());
                path
            }
        };
        std::fs::rename(&path, target)?;
        self.path = None;
        Ok(())
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if let Some(path) = &self.path {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A new file only its owner can read, at `path`.
fn private_file(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// A file with no name in `dir` (`O_TMPFILE`), or `None` where the file system has no such thing.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn unnamed_file(dir: &Path) -> io::Result<Option<File>> {
    use rustix::fs::{CWD, Mode, OFlags, openat};
    use rustix::io::Errno;
    let flags = OFlags::WRONLY | OFlags::TMPFILE | OFlags::CLOEXEC;
    match openat(CWD, dir, flags, Mode::RUSR | Mode::WUSR) {
        Ok(fd) => Ok(Some(File::from(fd))),
        // Kernels and file systems without it say so in one of these ways.
        Err(Errno::OPNOTSUPP | Errno::ISDIR | Errno::INVAL) => Ok(None),
        Err(error) => Err(error.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn unnamed_file(_dir: &Path) -> io::Result<Option<File>> {
    Ok(None)
}

/// Gives an unnamed file a temporary name in `dir`, just before it is renamed over the story.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn link_unnamed(file: &File, dir: &Path) -> io::Result<PathBuf> {
    use rustix::fs::{AtFlags, CWD, linkat};
    use rustix::io::Errno;
    use std::os::fd::AsRawFd;
    let by_proc = format!("/proc/self/fd/{}", file.as_raw_fd());
    loop {
        let path = dir.join(temporary_name(NEXT_NAME.fetch_add(1, Ordering::Relaxed)));
        // Through /proc any user may link the file; without /proc, AT_EMPTY_PATH needs privilege.
        let linked =
            linkat(CWD, by_proc.as_str(), CWD, &path, AtFlags::SYMLINK_FOLLOW).or_else(|error| match error {
                Errno::NOENT => linkat(file, "", CWD, &path, AtFlags::EMPTY_PATH),
                error => Err(error),
            });
        match linked {
            Ok(()) => return Ok(path),
            Err(Errno::EXIST) => continue,
            Err(error) => return Err(error.into()),
        }
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn link_unnamed(_file: &File, _dir: &Path) -> io::Result<PathBuf> {
    unreachable!("files are created unnamed only where the system has O_TMPFILE")
}

/// Gives `file` the story's owner and group; a user who may not (only root may give a file
/// away) keeps what they can: the group, if they belong to it, else their own.
#[cfg(unix)]
fn keep_owner(file: &File, story: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, fchown};
    let refused = |error: &io::Error| error.kind() == io::ErrorKind::PermissionDenied;
    match fchown(file, Some(story.uid()), Some(story.gid())) {
        Err(error) if refused(&error) => match fchown(file, None, Some(story.gid())) {
            Err(error) if refused(&error) => Ok(()),
            other => other,
        },
        other => other,
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _story: &Metadata) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn hard_links(metadata: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(metadata)
}

#[cfg(not(unix))]
fn hard_links(_metadata: &Metadata) -> u64 {
    1
}

/// Whether two metadata are of the same file, last changed at the same moment.
#[cfg(unix)]
fn same_file_and_time(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino(), a.mtime(), a.mtime_nsec(), a.ctime(), a.ctime_nsec())
        == (b.dev(), b.ino(), b.mtime(), b.mtime_nsec(), b.ctime(), b.ctime_nsec())
}

#[cfg(not(unix))]
fn same_file_and_time(a: &Metadata, b: &Metadata) -> bool {
    a.modified().ok() == b.modified().ok()
}

/// Whether the user running the fix may write the file in place.
#[cfg(unix)]
fn may_write(path: &Path) -> bool {
    rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_ok()
}

#[cfg(not(unix))]
fn may_write(_path: &Path) -> bool {
    true
}

/// Whether process `pid` still runs (one we may not signal runs too).
#[cfg(unix)]
fn process_runs(pid: u32) -> bool {
    use rustix::process::{Pid, test_kill_process};
    let Some(pid) = i32::try_from(pid).ok().and_then(Pid::from_raw) else { return false };
    !matches!(test_kill_process(pid), Err(rustix::io::Errno::SRCH))
}

#[cfg(not(unix))]
fn process_runs(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_carry_their_process() {
        let name = temporary_name(7);
        assert_eq!(temporary_owner(&name), Some(std::process::id()));
        assert_eq!(temporary_owner(".factlint-fix-12-3.tmp"), Some(12));
        assert_eq!(temporary_owner(".factlint-fix-12.tmp"), None);
        assert_eq!(temporary_owner("story.tmp"), None);
    }

    #[test]
    fn leftovers_of_a_finished_process_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        // A process that has exited: its pid no longer runs (reuse within the test is unlikely,
        // and would only keep the file).
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let gone = child.id();
        child.wait().unwrap();
        let stale = dir.path().join(format!("{TEMPORARY_PREFIX}{gone}-0{TEMPORARY_SUFFIX}"));
        let live = dir.path().join(temporary_name(0));
        let story = dir.path().join("story.txt");
        for path in [&stale, &live, &story] {
            std::fs::write(path, "x").unwrap();
        }
        assert_eq!(remove_leftovers(dir.path()), 1);
        assert!(!stale.exists() && live.exists() && story.exists());
    }

    #[test]
    fn replacing_keeps_permissions_and_leaves_no_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let snapshot = Snapshot::take(&path).unwrap();
        replace(&path, &snapshot, "old", "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_story_changed_after_reading_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        std::fs::write(&path, "old").unwrap();
        let snapshot = Snapshot::take(&path).unwrap();
        // Same length, written at once: only the text tells.
        std::fs::write(&path, "odd").unwrap();
        assert!(matches!(replace(&path, &snapshot, "old", "new"), Err(NotWritten::Changed)));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "odd");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file is left");
    }
}
