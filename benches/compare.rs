//! Whole-program speed, side by side: `factlint check` against `typos` (the fastest peer, which
//! only looks words up) on the BBC corpus, and the Reuters archive through
//! `--input-format jsonl` with its wall time and peak memory. Also one story of 100 MB (this
//! repository's fixture stories over and over), through `claims` and `check`: a file that size
//! must work, and everything the rules compare across a story must stay linear in its length.
//!
//! Run with `cargo bench --bench compare`. It needs `../shared/corpus` (skipped otherwise) and
//! typos for the comparison (`pip install typos`; skipped otherwise): the binary named by the
//! `TYPOS` environment variable, else `typos` on the PATH. Name the binary itself when the PATH
//! holds a wrapper (pyenv's shims add tens of milliseconds a run). Each program runs as a user
//! would run it, on all cores, with its output discarded; the median of several runs is reported.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 15;

fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// Runs `command` once, discarding its output; the wall time, or `None` if it could not start.
fn time(command: &mut Command) -> Option<Duration> {
    let start = Instant::now();
    let status = command.stdout(Stdio::null()).stderr(Stdio::null()).status().ok()?;
    // factlint exits 1 when it finds something; typos does too.
    (status.code().is_some_and(|code| code <= 2)).then(|| start.elapsed())
}

/// The median wall times of `RUNS` runs of each command, after a warm-up run of each, the two
/// alternating so that whatever else the machine does weighs on both alike.
fn medians(
    mut first: impl FnMut() -> Command,
    mut second: impl FnMut() -> Command,
) -> (Option<Duration>, Option<Duration>) {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let (ok_a, ok_b) = (time(&mut first()).is_some(), time(&mut second()).is_some());
    for _ in 0..RUNS {
        if ok_a {
            a.extend(time(&mut first()));
        }
        if ok_b {
            b.extend(time(&mut second()));
        }
    }
    let median = |mut times: Vec<Duration>| {
        times.sort();
        (times.len() == RUNS).then(|| times[RUNS / 2])
    };
    (median(a), median(b))
}

/// The largest resident set of any child waited for so far, in bytes.
fn children_peak_memory() -> u64 {
    // SAFETY: getrusage writes into the zeroed struct we pass and reads nothing else.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    usage.ru_maxrss as u64 * 1024
}

fn factlint() -> Command {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
}

fn reuters(corpus: &Path) {
    let archive = corpus.join("reuters-21578.jsonl");
    if !archive.is_file() {
        return;
    }
    // The first child: the peak memory read below is this run's.
    let Some(wall) = time(factlint().arg("check").arg("--input-format").arg("jsonl").arg(&archive)) else {
        eprintln!("factlint failed on {}", archive.display());
        return;
    };
    let peak = children_peak_memory();
    println!(
        "reuters-21578.jsonl (19,043 stories) through --input-format jsonl: {:.2} s wall, {:.1} MB peak memory",
        wall.as_secs_f64(),
        peak as f64 / 1e6
    );
}

/// Writes a story of about 100 MB made of the fixture stories, and runs `claims` and `check` on
/// it, each once; then `check` on the same story written on one line.
fn big_story() {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs");
    let mut stories: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .map(|dir| {
            dir.flatten()
                .map(|entry| entry.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    stories.sort();
    let text: String =
        stories.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect::<Vec<_>>().join("\n\n");
    if text.is_empty() {
        return;
    }
    let Ok(dir) = tempfile::tempdir() else { return };
    let copies = 100_000_000 / text.len() + 1;
    let paragraphs = vec![text.as_str(); copies].join("\n\n");
    // The same words on one line: columns, excerpts and frames must not rescan the line.
    let one_line = paragraphs.replace('\n', " ");
    for (layout, story, commands) in
        [("in paragraphs", paragraphs, &["claims", "check"][..]), ("on one line", one_line, &["check"][..])]
    {
        let path = dir.path().join("big.txt");
        if std::fs::write(&path, story).is_err() {
            return;
        }
        for command in commands {
            let Some(wall) = time(factlint().arg(command).arg(&path)) else {
                eprintln!("factlint {command} failed on a 100 MB story {layout}");
                continue;
            };
            println!(
                "factlint {command} on one 100 MB story {layout}: {:.1} s wall; peak memory so far {:.0} MB",
                wall.as_secs_f64(),
                children_peak_memory() as f64 / 1e6
            );
        }
    }
}

fn main() {
    let corpus = corpus();
    if let Some(corpus) = &corpus {
        reuters(corpus);
    }
    big_story();
    let Some(corpus) = corpus else {
        println!("skipping: ../shared/corpus is not here");
        return;
    };
    let bbc = corpus.join("bbc");
    let typos_binary = std::env::var_os("TYPOS").unwrap_or_else(|| "typos".into());
    let (ours, theirs) = medians(
        || {
            let mut command = factlint();
            command.arg("check").arg("--format").arg("short").arg(&bbc);
            command
        },
        || {
            let mut command = Command::new(&typos_binary);
            command.arg("--format").arg("brief").arg(&bbc);
            command
        },
    );
    let Some(ours) = ours else {
        eprintln!("factlint failed on {}", bbc.display());
        return;
    };
    println!("factlint check bbc/: {:.0} ms (median of {RUNS})", ours.as_secs_f64() * 1e3);
    match theirs {
        Some(theirs) => println!(
            "typos bbc/ ({}): {:.0} ms (median of {RUNS}); factlint takes {:.2}× typos' time",
            typos_binary.to_string_lossy(),
            theirs.as_secs_f64() * 1e3,
            ours.as_secs_f64() / theirs.as_secs_f64()
        ),
        None => println!("skipping the comparison: typos is not on the PATH (pip install typos)"),
    }
}
