//! Reading stories and settings files, with limits: every read stops at a maximum size, and
//! anything that is not a regular file (a device, a FIFO, a socket) is refused before a byte is
//! read, so `/dev/zero` or a FIFO nobody writes to can neither exhaust memory nor hang a run.
//! Binary, UTF-16 and non-UTF-8 files are reported and skipped rather than fatal.

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest story read when `--max-size` is not given.
pub const DEFAULT_STORY_LIMIT: u64 = 256 << 20;
/// The largest rule, configuration or facts file read when `--max-size` is not given.
pub const DEFAULT_SETTINGS_LIMIT: u64 = 16 << 20;

/// The most bytes read from one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub story: u64,
    /// Rule, configuration and facts files.
    pub settings: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { story: DEFAULT_STORY_LIMIT, settings: DEFAULT_SETTINGS_LIMIT }
    }
}

impl Limits {
    /// The defaults, or `max` for every kind of file when given.
    pub fn with_max(max: Option<u64>) -> Limits {
        match max {
            Some(max) => Limits { story: max, settings: max },
            None => Limits::default(),
        }
    }
}

/// Where a story came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    File(PathBuf),
    Stdin { name: Option<String> },
}

impl Origin {
    /// The name printed for this story: its path, or `-` (or `--stdin-filename`) for stdin.
    pub fn display_name(&self) -> String {
        match self {
            Origin::File(path) => path.display().to_string(),
            Origin::Stdin { name } => name.clone().unwrap_or_else(|| "-".to_string()),
        }
    }
}

/// A story that was read.
pub struct Story {
    pub origin: Origin,
    pub text: String,
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// A directory, device, FIFO or socket.
    NotAFile(&'static str),
    /// More than the limit, in bytes.
    TooLarge {
        limit: u64,
    },
    Binary,
    /// Starts with a UTF-16 byte-order mark.
    Utf16,
    NotUtf8,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::NotAFile(kind) => write!(f, "not a regular file ({kind})"),
            ReadError::TooLarge { limit } => {
                write!(f, "larger than the {} limit (change it with --max-size)", human_size(*limit))
            }
            ReadError::Binary => f.write_str("binary file"),
            ReadError::Utf16 => f.write_str("UTF-16 text; save it as UTF-8"),
            ReadError::NotUtf8 => f.write_str("not UTF-8 text"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads one story: a path, or stdin for `-`, up to `limit` bytes.
pub fn read(path: &Path, stdin_name: Option<&str>, limit: u64) -> Result<Story, (Origin, ReadError)> {
    let (origin, bytes) = if path.as_os_str() == "-" {
        let origin = Origin::Stdin { name: stdin_name.map(str::to_string) };
        let bytes = read_at_most(std::io::stdin().lock(), limit);
        (origin, bytes)
    } else {
        (Origin::File(path.to_path_buf()), read_file(path, limit))
    };
    match bytes.and_then(decode) {
        Ok(text) => Ok(Story { origin, text }),
        Err(error) => Err((origin, error)),
    }
}

/// Reads a rule, configuration or facts file as text, up to `limit` bytes.
pub fn read_settings(path: &Path, limit: u64) -> Result<String, ReadError> {
    read_file(path, limit).and_then(decode)
}

/// The bytes of a regular file, refusing anything else and anything over `limit`. The file is
/// opened without blocking, so a FIFO is refused at once instead of waiting for a writer.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_without_blocking(path).map_err(ReadError::Io)?;
    let metadata = file.metadata().map_err(ReadError::Io)?;
    if !metadata.is_file() {
        return Err(ReadError::NotAFile(file_kind(&metadata.file_type())));
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    read_at_most(file, limit)
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32).open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// Reads to the end, or fails as soon as more than `limit` bytes have come (a file that grows
/// while it is read, standard input).
fn read_at_most(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

fn file_kind(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        } else if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        } else if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() { "a directory" } else { "not a file" }
}

/// Opens a JSON Lines archive: a regular file or a FIFO (an archive may be streamed in), never
/// a device or a directory.
pub fn open_archive(path: &Path) -> Result<File, ReadError> {
    let metadata = std::fs::metadata(path).map_err(ReadError::Io)?;
    let streamed = {
        #[cfg(unix)]
        {
            std::os::unix::fs::FileTypeExt::is_fifo(&metadata.file_type())
        }
        #[cfg(not(unix))]
        {
            false
        }
    };
    if !metadata.is_file() && !streamed {
        return Err(ReadError::NotAFile(file_kind(&metadata.file_type())));
    }
    File::open(path).map_err(ReadError::Io)
}

/// The lines of an archive, each at most `limit` bytes: a longer line comes back as its length
/// and is passed over without being held in memory.
pub struct BoundedLines<R> {
    reader: R,
    limit: u64,
}

impl<R: std::io::BufRead> BoundedLines<R> {
    pub fn new(reader: R, limit: u64) -> BoundedLines<R> {
        BoundedLines { reader, limit }
    }
}

impl<R: std::io::BufRead> Iterator for BoundedLines<R> {
    /// A line without its `\n`, or the length of a line over the limit.
    type Item = std::io::Result<Result<Vec<u8>, u64>>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut line = Vec::new();
        let mut length = 0u64;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(error) => return Some(Err(error)),
            };
            if available.is_empty() {
                if length == 0 {
                    return None;
                }
                break;
            }
            let (chunk, ends) = match available.iter().position(|&b| b == b'\n') {
                Some(at) => (&available[..at], true),
                None => (available, false),
            };
            length += chunk.len() as u64;
            if length <= self.limit {
                line.extend_from_slice(chunk);
            } else {
                line = Vec::new();
            }
            let used = chunk.len() + usize::from(ends);
            self.reader.consume(used);
            if ends {
                return Some(Ok(if length > self.limit { Err(length) } else { Ok(line) }));
            }
        }
        Some(Ok(if length > self.limit { Err(length) } else { Ok(line) }))
    }
}

/// Text from bytes: a UTF-16 byte-order mark means UTF-16; a NUL in the first 8 KiB means
/// binary (as git and ripgrep decide). A UTF-8 byte-order mark stays, so that offsets and fixes
/// match the file; the tokenizer skips it.
pub fn decode(bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(ReadError::Utf16);
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(ReadError::Binary);
    }
    String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)
}

/// A size as `--max-size` takes it: bytes, or a number with `K`, `M` or `G` (powers of 1024).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, shift) = match text.char_indices().last() {
        Some((at, 'k' | 'K')) => (&text[..at], 10),
        Some((at, 'm' | 'M')) => (&text[..at], 20),
        Some((at, 'g' | 'G')) => (&text[..at], 30),
        _ => (text, 0),
    };
    let number: u64 =
        digits.parse().map_err(|_| format!("`{text}` is not a size (e.g. 4096, 512K, 64M, 1G)"))?;
    number.checked_mul(1 << shift).ok_or_else(|| format!("`{text}` is too large"))
}

/// A limit as people read it: "256 MiB", "512 KiB", "100 bytes".
fn human_size(bytes: u64) -> String {
    for (shift, unit) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] {
        if bytes >= 1 << shift && bytes.is_multiple_of(1 << shift) {
            return format!("{} {unit}", bytes >> shift);
        }
    }
    format!("{bytes} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_utf16_and_invalid_utf8_are_refused() {
        assert!(matches!(decode(vec![0x89, b'P', b'N', b'G', 0, 0]), Err(ReadError::Binary)));
        assert!(matches!(decode(vec![0xff, 0xfe, b'a', 0]), Err(ReadError::Utf16)));
        assert!(matches!(decode(vec![0xfe, 0xff, 0, b'a']), Err(ReadError::Utf16)));
        assert!(matches!(decode(vec![b'a', 0xff, b'b']), Err(ReadError::NotUtf8)));
        assert_eq!(decode(b"plain".to_vec()).unwrap(), "plain");
        assert_eq!(decode(Vec::new()).unwrap(), "");
    }

    #[test]
    fn reads_stop_at_the_limit() {
        assert_eq!(read_at_most(&b"12345"[..], 5).unwrap(), b"12345");
        assert!(matches!(read_at_most(&b"123456"[..], 5), Err(ReadError::TooLarge { limit: 5 })));
        assert!(matches!(read_at_most(std::io::repeat(0), 1 << 20), Err(ReadError::TooLarge { .. })));
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_directories_are_not_read() {
        assert!(matches!(read_file(Path::new("/dev/zero"), 1 << 20), Err(ReadError::NotAFile("a device"))));
        assert!(matches!(read_file(Path::new("/"), 1 << 20), Err(ReadError::NotAFile("a directory"))));
    }

    #[test]
    fn archive_lines_over_the_limit_are_passed_over() {
        let text = b"short\n0123456789abc\n\nlast";
        let lines: Vec<Result<Vec<u8>, u64>> =
            BoundedLines::new(std::io::BufReader::with_capacity(4, &text[..]), 8)
                .map(Result::unwrap)
                .collect();
        assert_eq!(lines, vec![Ok(b"short".to_vec()), Err(13), Ok(Vec::new()), Ok(b"last".to_vec())]);
    }

    #[test]
    fn sizes_read_with_units() {
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("512K"), Ok(512 << 10));
        assert_eq!(parse_size("64m"), Ok(64 << 20));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999999G").is_err());
        assert_eq!(human_size(256 << 20), "256 MiB");
        assert_eq!(human_size(1000), "1000 bytes");
    }
}
