//! `check --fix` killed at random moments: the acceptance run for writing fixes back.
//!
//! A directory of stories (made here from the sentences below, some with slips `--fix`
//! corrects) is copied, and `factlint check --fix` runs on the copy and is killed (SIGKILL) at
//! a random moment; meanwhile an editor appends a line to one story. After each kill every story
//! must be either as it was or wholly fixed, and the edited story must hold the edit. Then
//! `--fix` runs again to the end: every story must be fixed, the edit still there, and no
//! temporary file left in the directory.
//!
//! ```text
//! cargo bench --bench fix_kill -- [--runs 50] [--stories 2000] [--seed N]
//! ```
//!
//! Exits 1 if any story was damaged, any edit lost or any temporary file left after the next
//! run; prints the figures either way.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Sentences that need no fix.
const CLEAN: &[&str] = &[
    "The council met on Tuesday to discuss the budget for the coming year.",
    "Officials said the road would reopen to traffic next month.",
    "About 300 people attended the meeting at the town hall.",
    "The mayor declined to comment on the report.",
    "Residents have complained about the noise from the depot for years.",
    "The plan includes a new cycle lane along the high street.",
    "A spokesman said the work was on schedule and within budget.",
    "The library will stay open until eight in the evening on weekdays.",
    "Volunteers planted 40 trees in the park on Saturday.",
    "The ferry service runs every half hour in the summer.",
];

/// Sentences with a slip that `--fix` corrects (a doubled word, a misspelling, a missing space).
const SLIPS: &[&str] = &[
    "The council approved the the plan after a long debate.",
    "Residents will recieve a letter about the changes next week.",
    "The bridge closed at noon.Traffic was sent through the town centre.",
    "The school said the the new hall would open in the spring.",
    "Shoppers will recieve a voucher with every purchase this month.",
];

/// The line the editor adds while a fix runs.
const EDIT: &str = "Editor's note: this story was updated after publication.\n";

struct Options {
    runs: usize,
    stories: usize,
    seed: u64,
}

fn options() -> Options {
    let mut options = Options { runs: 50, stories: 2000, seed: 0x5eed_f1c5 };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let value = || args.get(i + 1).and_then(|v| v.parse::<u64>().ok());
        match args[i].as_str() {
            "--runs" => options.runs = value().expect("--runs N") as usize,
            "--stories" => options.stories = value().expect("--stories N") as usize,
            "--seed" => options.seed = value().expect("--seed N"),
            // `cargo bench` passes `--bench`.
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    options
}

/// xorshift64*: enough randomness for choosing moments and sentences, repeatable by seed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn fraction(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Story `i`: a headline and three paragraphs, one to three of the sentences with a slip.
fn story(random: &mut Random, i: usize) -> String {
    let mut text = format!("Story {i} from the news desk\n\n");
    let slips = 1 + random.below(3);
    let mut paragraphs: Vec<Vec<&str>> = (0..3).map(|_| Vec::new()).collect();
    for _ in 0..6 {
        paragraphs[random.below(3)].push(CLEAN[random.below(CLEAN.len())]);
    }
    for _ in 0..slips {
        paragraphs[random.below(3)].push(SLIPS[random.below(SLIPS.len())]);
    }
    for paragraph in paragraphs.iter().filter(|p| !p.is_empty()) {
        text.push_str(&paragraph.join(" "));
        text.push_str("\n\n");
    }
    text
}

fn factlint() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_factlint"));
    command.args(["check", "--fix", "--format", "short"]).stdout(Stdio::null()).stderr(Stdio::null());
    command
}

fn story_names(count: usize) -> Vec<String> {
    (0..count).map(|i| format!("s{i:05}.txt")).collect()
}

fn copy_dir(from: &Path, to: &Path, names: &[String]) {
    std::fs::create_dir_all(to).expect("directory");
    for name in names {
        std::fs::copy(from.join(name), to.join(name)).expect("copy");
    }
}

fn temporary_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .expect("directory")
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.starts_with(".factlint-fix-") || name.starts_with(".tmp")
        })
        .count()
}

#[derive(Default)]
struct Figures {
    damaged: usize,
    lost_edits: usize,
    temporary_after_kill: usize,
    runs_with_temporary_after_kill: usize,
    temporary_after_next_run: usize,
    unfixed_after_next_run: usize,
    fixed_at_kill: Vec<usize>,
    kills_after_the_end: usize,
}

fn main() {
    let options = options();
    let mut random = Random(options.seed | 1);
    let work = tempfile::Builder::new().prefix("factlint-fix-kill-").tempdir().expect("temporary directory");
    let names = story_names(options.stories);
    let template = work.path().join("template");
    std::fs::create_dir_all(&template).expect("directory");
    let originals: Vec<String> = (0..options.stories).map(|i| story(&mut random, i)).collect();
    for (name, text) in names.iter().zip(&originals) {
        std::fs::write(template.join(name), text).expect("story");
    }

    // The stories as a run to the end fixes them, and how long that takes.
    let reference = work.path().join("reference");
    copy_dir(&template, &reference, &names);
    let started = Instant::now();
    let status = factlint().arg(&reference).status().expect("factlint runs");
    let full_run = started.elapsed();
    assert!(status.code().is_some_and(|c| c <= 1), "the reference run failed: {status}");
    let fixed: Vec<String> =
        names.iter().map(|name| std::fs::read_to_string(reference.join(name)).expect("story")).collect();
    let changed = originals.iter().zip(&fixed).filter(|(a, b)| a != b).count();
    println!(
        "{} stories, {} changed by --fix; a whole run takes {:.2} s",
        options.stories,
        changed,
        full_run.as_secs_f64()
    );

    let mut figures = Figures::default();
    for run in 0..options.runs {
        let dir: PathBuf = work.path().join(format!("run{run:02}"));
        copy_dir(&template, &dir, &names);
        // Kill anywhere from the start to a little past the usual end; edit before the kill.
        let kill_at = full_run.mul_f64(1.1 * random.fraction());
        let edit_at = kill_at.mul_f64(random.fraction());
        let edited = random.below(names.len());
        let mut child = factlint().arg(&dir).spawn().expect("factlint runs");
        let started = Instant::now();
        std::thread::sleep(edit_at);
        {
            use std::io::Write;
            let mut file =
                std::fs::OpenOptions::new().append(true).open(dir.join(&names[edited])).expect("story opens");
            file.write_all(EDIT.as_bytes()).expect("edit is saved");
        }
        std::thread::sleep(kill_at.saturating_sub(started.elapsed()));
        if child.try_wait().expect("status").is_some() {
            figures.kills_after_the_end += 1;
        }
        let _ = child.kill();
        let _ = child.wait();

        // Right after the kill: each story as it was or wholly fixed; the edit kept.
        let mut fixed_now = 0;
        for (i, name) in names.iter().enumerate() {
            let text = std::fs::read_to_string(dir.join(name)).expect("story");
            let (before, after) = if i == edited {
                if !text.contains(EDIT) {
                    figures.lost_edits += 1;
                    println!("run {run}: the edit to {name} was lost");
                }
                (format!("{}{EDIT}", originals[i]), format!("{}{EDIT}", fixed[i]))
            } else {
                (originals[i].clone(), fixed[i].clone())
            };
            if text == after && after != before {
                fixed_now += 1;
            } else if text != before && text != after {
                figures.damaged += 1;
                println!("run {run}: {name} is neither the story nor the fixed story:\n{text}");
            }
        }
        figures.fixed_at_kill.push(fixed_now);
        let left = temporary_files(&dir);
        figures.temporary_after_kill += left;
        figures.runs_with_temporary_after_kill += usize::from(left > 0);

        // The next run finishes the job and removes what the killed one left.
        let status = factlint().arg(&dir).status().expect("factlint runs");
        assert!(status.code().is_some_and(|c| c <= 1), "run {run}: the next run failed: {status}");
        figures.temporary_after_next_run += temporary_files(&dir);
        for (i, name) in names.iter().enumerate() {
            let text = std::fs::read_to_string(dir.join(name)).expect("story");
            let expected = if i == edited { format!("{}{EDIT}", fixed[i]) } else { fixed[i].clone() };
            if text != expected {
                figures.unfixed_after_next_run += 1;
                println!("run {run}: after the next run {name} is not the fixed story:\n{text}");
            }
        }
        std::fs::remove_dir_all(&dir).expect("clean up");
    }

    let mut at_kill = figures.fixed_at_kill.clone();
    at_kill.sort_unstable();
    let median = at_kill.get(at_kill.len() / 2).copied().unwrap_or(0);
    println!(
        "{} runs killed (SIGKILL) between 0 and {:.2} s ({} after the run had ended)",
        options.runs,
        full_run.mul_f64(1.1).as_secs_f64(),
        figures.kills_after_the_end
    );
    println!(
        "stories already fixed at the kill: min {}, median {median}, max {} of {changed}",
        at_kill.first().copied().unwrap_or(0),
        at_kill.last().copied().unwrap_or(0)
    );
    println!("stories truncated or half-written: {}", figures.damaged);
    println!("edits saved during the run and lost: {} of {}", figures.lost_edits, options.runs);
    println!(
        "temporary files right after the kill: {} (in {} runs); after the next run: {}",
        figures.temporary_after_kill,
        figures.runs_with_temporary_after_kill,
        figures.temporary_after_next_run
    );
    println!("stories not fixed after the next run: {}", figures.unfixed_after_next_run);
    let failed = figures.damaged
        + figures.lost_edits
        + figures.temporary_after_next_run
        + figures.unfixed_after_next_run;
    if failed > 0 {
        std::process::exit(1);
    }
}
