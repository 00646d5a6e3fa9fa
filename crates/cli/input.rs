//! Reading stories: files and standard input, with binary and non-UTF-8 files reported and
//! skipped rather than fatal.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

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

/// Why a story could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    Binary,
    NotUtf8,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::Binary => f.write_str("binary file"),
            ReadError::NotUtf8 => f.write_str("not UTF-8 text"),
        }
    }
}

/// Reads one path, or stdin for `-`.
pub fn read(path: &Path, stdin_name: Option<&str>) -> Result<Story, (Origin, ReadError)> {
    if path.as_os_str() == "-" {
        let origin = Origin::Stdin { name: stdin_name.map(str::to_string) };
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
            return Err((origin, ReadError::Io(e)));
        }
        return decode(bytes).map(|text| Story { origin: origin.clone(), text }).map_err(|e| (origin, e));
    }
    let origin = Origin::File(path.to_path_buf());
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return Err((origin, ReadError::Io(e))),
    };
    decode(bytes).map(|text| Story { origin: origin.clone(), text }).map_err(|e| (origin, e))
}

/// Text from bytes: a NUL in the first 8 KiB means binary (as git and ripgrep decide). A
/// byte-order mark stays, so that offsets and fixes match the file; the tokenizer skips it.
pub fn decode(bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(ReadError::Binary);
    }
    String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_and_invalid_utf8_are_refused() {
        assert!(matches!(decode(vec![0x89, b'P', b'N', b'G', 0, 0]), Err(ReadError::Binary)));
        assert!(matches!(decode(vec![b'a', 0xff, b'b']), Err(ReadError::NotUtf8)));
        assert_eq!(decode(b"plain".to_vec()).unwrap(), "plain");
        assert_eq!(decode(Vec::new()).unwrap(), "");
    }
}
