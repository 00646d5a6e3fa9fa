//! A smoke run of every fuzz target on the stable toolchain: each seed as written, then a few
//! thousand deterministic mutations of the seeds (bytes flipped, inserted and deleted, pieces of
//! markup and figures dropped in, seeds spliced together). It finds far less than a fuzzer, but
//! it keeps the targets building and running, and it fails on any panic a target raises.
//!
//! `FACTLINT_SMOKE_INPUTS=<count>` changes the number of mutated inputs per target.

use factlint_fuzz::{TARGETS, Target};
use std::path::{Path, PathBuf};

/// Mutated inputs per target when `FACTLINT_SMOKE_INPUTS` is not set.
const DEFAULT_INPUTS: usize = 2_000;

/// `check_fix` checks each input three times and prints it six ways: fewer inputs keep its
/// debug-build run near half a minute.
const CHECK_FIX_INPUTS: usize = 800;

/// Pieces that matter to one target or another: markup, comments, YAML, figures, odd characters.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "<!--", "-->", "<!-->", "factlint-disable", "factlint-enable", "-next-line", " spelling", "*",
    "<p>", "</p>", "<em>", "</em>", "<a href=\"x\">", "</a>", "&amp;", "&#8217;", "&#x;", "&", "<", ">",
    "# ", "**", "`", "```", "> ", "- ", "1. ", "|", "---\n", "[[", "]]", "[x](y)",
    "\n", "\n\n", "\r\n", "\t", " ", ",", ".", ";", ":", "—", "–", "“", "”", "’", "é", "İ", "ǅ", "ß", "😀",
    "\u{feff}", "\u{a0}", "0", "1,000", "25,000", "3.5", "%", "£", "$", "more than ", " and", "about ",
    "May 8, 2025", "Friday", "last week", "9 a.m.", "the the", "recieve", "an car",
    "id: ", "kind: ", "regex: ", "replace: ", "$1", "${mark}", "{found}", "[", "]", "{", "}", "&a ", "*a",
    "- ", "  ", "paths: ", "rules: ", "off", "accept:", "text: ", "reason: ", "**/", "{a,b}",
];

/// A small, fixed-seed generator: the run is the same every time.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

/// One to four edits of `input`, some drawn from `others`.
fn mutate(rng: &mut Rng, input: &mut Vec<u8>, others: &[Vec<u8>]) {
    for _ in 0..=rng.below(4) {
        let at = rng.below(input.len() + 1);
        match rng.below(7) {
            0 if !input.is_empty() => {
                let k = rng.below(input.len());
                input[k] ^= 1 << rng.below(8);
            }
            1 => input.insert(at, rng.next() as u8),
            2 => {
                let piece = PIECES[rng.below(PIECES.len())].as_bytes();
                input.splice(at..at, piece.iter().copied());
            }
            3 => {
                let end = (at + rng.below(16)).min(input.len());
                input.drain(at..end);
            }
            4 => {
                let end = (at + rng.below(32)).min(input.len());
                let copy = input[at..end].to_vec();
                let to = rng.below(input.len() + 1);
                input.splice(to..to, copy);
            }
            5 => {
                let other = &others[rng.below(others.len())];
                let from = rng.below(other.len() + 1);
                let end = (from + rng.below(64)).min(other.len());
                input.splice(at..at, other[from..end].iter().copied());
            }
            _ => input.truncate(at),
        }
    }
}

fn seeds_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds").join(target)
}

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = seeds_dir(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("a readable seed directory").path())
        .collect();
    files.sort();
    let seeds: Vec<Vec<u8>> =
        files.iter().map(|f| std::fs::read(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()))).collect();
    assert!(!seeds.is_empty(), "{} has no seeds", dir.display());
    seeds
}

fn inputs(default: usize) -> usize {
    match std::env::var("FACTLINT_SMOKE_INPUTS") {
        Ok(count) => count.parse().unwrap_or_else(|_| panic!("FACTLINT_SMOKE_INPUTS={count} is not a count")),
        Err(_) => default,
    }
}

/// Runs `target` on its seeds and on mutations of them; a panic names the input.
fn smoke(name: &str, default_inputs: usize) {
    let target: Target = TARGETS.iter().find(|(n, _)| *n == name).map(|&(_, t)| t).expect("a listed target");
    let seeds = seeds(name);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ name.len() as u64);
    let run = |input: &[u8]| {
        if let Err(panic) = std::panic::catch_unwind(|| target(input)) {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("a panic");
            panic!("{name} failed on {:?}: {message}", String::from_utf8_lossy(input));
        }
    };
    for seed in &seeds {
        run(seed);
    }
    for _ in 0..inputs(default_inputs) {
        let mut input = seeds[rng.below(seeds.len())].clone();
        mutate(&mut rng, &mut input, &seeds);
        run(&input);
    }
}

#[test]
fn extract_text() {
    smoke("extract_text", DEFAULT_INPUTS);
}

#[test]
fn extract_markdown() {
    smoke("extract_markdown", DEFAULT_INPUTS);
}

#[test]
fn extract_html() {
    smoke("extract_html", DEFAULT_INPUTS);
}

#[test]
fn check_fix() {
    smoke("check_fix", CHECK_FIX_INPUTS);
}

#[test]
fn suppressions() {
    smoke("suppressions", DEFAULT_INPUTS);
}

#[test]
fn rule_file() {
    smoke("rule_file", DEFAULT_INPUTS);
}

#[test]
fn config() {
    smoke("config", DEFAULT_INPUTS);
}

/// Every libFuzzer binary has a target here and seeds, and every target has a binary.
#[test]
fn every_target_has_a_binary_and_seeds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz_targets");
    let mut binaries: Vec<String> = std::fs::read_dir(&dir)
        .expect("fuzz_targets/")
        .map(|entry| entry.expect("a readable directory").path())
        .filter_map(|path| Some(path.file_stem()?.to_str()?.to_string()))
        .collect();
    binaries.sort();
    let mut names: Vec<String> = TARGETS.iter().map(|(name, _)| name.to_string()).collect();
    names.sort();
    assert_eq!(binaries, names);
    for name in &names {
        assert!(seeds_dir(name).is_dir(), "no seeds for {name}");
    }
}
