//! Writes an n-gram table from `ngram<TAB>count` lines: the last step of
//! `tools/ngrams/build-default-model.sh`. The total is the sum of the one-word counts.
//!
//! `cargo run --release -p factlint-rules --example ngram-table -- COUNTS.tsv OUT.bin`

use factlint_rules::ngrams::{hash, write_table};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: ngram-table COUNTS.tsv OUT.bin");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(input) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{input}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut entries = Vec::new();
    let mut total = 0u64;
    for (number, line) in text.lines().enumerate() {
        let parsed =
            line.split_once('\t').and_then(|(ngram, count)| Some((ngram, count.trim().parse::<u64>().ok()?)));
        let Some((ngram, count)) = parsed else {
            eprintln!("{input}:{}: expected `ngram<TAB>count`", number + 1);
            return ExitCode::FAILURE;
        };
        let words: Vec<&str> = ngram.split(' ').collect();
        if words.len() == 1 {
            total += count;
        }
        entries.push((hash(&words), count, words.len()));
    }
    let table = write_table(entries, total);
    if let Err(error) = std::fs::write(output, &table) {
        eprintln!("{output}: {error}");
        return ExitCode::FAILURE;
    }
    println!("{output}: {} bytes", table.len());
    ExitCode::SUCCESS
}
