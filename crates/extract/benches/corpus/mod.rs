//! The BBC News corpus in `../shared`, the benchmarks' workload: 2,225 real stories of ordinary
//! length, so throughput reflects the copy factlint is meant for rather than a synthetic text.
//! The extra copies listed in `DUPLICATES.txt` are left out so no story is timed twice. Shared by
//! the extraction and the rules benchmarks so both time exactly the same stories.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Where the corpus sits: `../shared` beside the checkout. Both benchmark crates are two levels
/// below the workspace root, so the same relative path serves both.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/bbc")
}

/// Every story's text, in a fixed order (topic, then file name); `None` when the corpus is absent.
pub fn load() -> Option<Vec<String>> {
    let root = root();
    if !root.is_dir() {
        return None;
    }
    let duplicates = fs::read_to_string(root.join("DUPLICATES.txt")).unwrap_or_default();
    // Each line names copies of one story; the first is kept.
    let extra: HashSet<&str> = duplicates.lines().flat_map(|line| line.split_whitespace().skip(1)).collect();
    let mut files = Vec::new();
    for topic in sorted_entries(&root).into_iter().filter(|p| p.is_dir()) {
        for file in sorted_entries(&topic) {
            let name = format!("{}/{}", file_name(&topic), file_name(&file));
            if name.ends_with(".txt") && !extra.contains(name.as_str()) {
                files.push(file);
            }
        }
    }
    let stories: Vec<String> = files
        .iter()
        .map(|f| fs::read_to_string(f).unwrap_or_else(|e| panic!("cannot read {}: {e}", f.display())))
        .collect();
    Some(stories)
}

/// Total size in bytes, for throughput.
pub fn bytes(stories: &[String]) -> u64 {
    stories.iter().map(|s| s.len() as u64).sum()
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>().unwrap();
    paths.sort();
    paths
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
