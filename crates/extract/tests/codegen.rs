//! The word lists under `data/` are the source; the Rust look-ups made from them are checked in
//! beside the code that uses them, so extraction matches words with compiled `match` tables and
//! the build runs no generator. This test regenerates each table and fails when the checked-in
//! file differs: after editing a list, run it with `FACTLINT_BLESS=1` to write the tables.
//!
//! A `.txt` list (one word a line) becomes `fn name(word: &str) -> bool`; a `.tsv` list (word, tab,
//! value) becomes `fn name(word: &str) -> Option<&'static str>`. Lines starting with `#` at the top
//! are the function's documentation; blank lines and later `#` lines are ignored.

use std::fmt::Write as _;
use std::path::Path;

/// Each generated file and the lists it is made from.
const TABLES: &[(&str, &[&str])] = &[
    (
        "src/text/word_lists.rs",
        &[
            "ends_subject.txt",
            "ed_adjectives.txt",
            "verbs_after_figure.txt",
            "irregular_plurals.tsv",
            "is_us_state_abbreviation.txt",
        ],
    ),
    ("src/numbers/unit_words.rs", &["unit_word.tsv", "currency_word.tsv", "dollar_country.tsv"]),
    ("src/numbers/word_lists.rs", &["is_ing_noun.txt", "is_comparative.txt"]),
    (
        "src/claims/word_lists.rs",
        &[
            "is_score_word.txt",
            "is_future_marker.txt",
            "is_reporting_verb.txt",
            "is_past_word.txt",
            "is_planned_participle.txt",
        ],
    ),
];

struct List {
    name: String,
    doc: Vec<String>,
    /// The words, each with its value for a `.tsv` list.
    entries: Vec<(String, Option<String>)>,
}

fn read_list(dir: &Path, file: &str) -> List {
    let text = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("data/{file}: {e}"));
    let tsv = file.ends_with(".tsv");
    let mut doc = Vec::new();
    let mut entries: Vec<(String, Option<String>)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if let Some(comment) = line.strip_prefix('#') {
            if entries.is_empty() {
                doc.push(comment.trim().to_string());
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let entry = if tsv {
            let (word, value) =
                line.split_once('\t').unwrap_or_else(|| panic!("data/{file}:{}: no tab", number + 1));
            (word.to_string(), Some(value.to_string()))
        } else {
            (line.to_string(), None)
        };
        assert!(
            entry.0 == entry.0.trim() && !entry.0.is_empty() && entry.0 == entry.0.to_lowercase(),
            "data/{file}:{}: a word is lower case with no spaces around it: {:?}",
            number + 1,
            entry.0
        );
        assert!(
            !entries.iter().any(|(w, _)| *w == entry.0),
            "data/{file}:{}: {:?} twice",
            number + 1,
            entry.0
        );
        entries.push(entry);
    }
    assert!(!doc.is_empty(), "data/{file} starts with `#` lines saying what the list is for");
    let name = file.rsplit_once('.').map_or(file, |(stem, _)| stem).to_string();
    List { name, doc, entries }
}

fn quoted(word: &str) -> String {
    format!("{word:?}")
}

fn generate(list: &List, out: &mut String) {
    for line in &list.doc {
        if line.is_empty() {
            out.push_str("///\n");
        } else {
            let _ = writeln!(out, "/// {line}");
        }
    }
    if list.entries.iter().all(|(_, value)| value.is_none()) {
        let _ = writeln!(out, "pub(crate) fn {}(word: &str) -> bool {{", list.name);
        out.push_str("    matches!(\n        word,\n");
        for (i, (word, _)) in list.entries.iter().enumerate() {
            let bar = if i == 0 { "        " } else { "            | " };
            let _ = writeln!(out, "{bar}{}", quoted(word));
        }
        out.push_str("    )\n}\n");
        return;
    }
    // Words with the same value share an arm, in the order the values first appear.
    let mut arms: Vec<(&str, Vec<&str>)> = Vec::new();
    for (word, value) in &list.entries {
        let value = value.as_deref().unwrap_or_default();
        match arms.iter_mut().find(|(v, _)| *v == value) {
            Some((_, words)) => words.push(word),
            None => arms.push((value, vec![word])),
        }
    }
    let _ = writeln!(out, "pub(crate) fn {}(word: &str) -> Option<&'static str> {{", list.name);
    out.push_str("    Some(match word {\n");
    for (value, words) in arms {
        let words: Vec<String> = words.iter().map(|w| quoted(w)).collect();
        let _ = writeln!(out, "        {} => {},", words.join(" | "), quoted(value));
    }
    out.push_str("        _ => return None,\n    })\n}\n");
}

fn generated(dir: &Path, lists: &[&str]) -> String {
    let mut out = String::from(
        "// @generated from crates/extract/data by crates/extract/tests/codegen.rs: edit the lists there,\n\
         // then run `FACTLINT_BLESS=1 cargo test -p factlint-extract --test codegen`.\n",
    );
    for file in lists {
        out.push('\n');
        generate(&read_list(dir, file), &mut out);
    }
    out
}

#[test]
fn generated_word_tables_match_their_lists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("data");
    let bless = std::env::var_os("FACTLINT_BLESS").is_some();
    let mut stale = Vec::new();
    for (target, lists) in TABLES {
        let want = generated(&data, lists);
        let path = root.join(target);
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        if have != want {
            if bless {
                std::fs::write(&path, want).expect("the generated file is writable");
            } else {
                stale.push(*target);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "generated word tables out of date: {stale:?}; run FACTLINT_BLESS=1 cargo test -p factlint-extract --test codegen"
    );
}

#[test]
fn every_list_under_data_is_generated() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for entry in std::fs::read_dir(&data).expect("data/ is readable") {
        let entry = entry.expect("a directory entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() {
            // The claim frame's lists are sets read whole at first use, not generated tables.
            continue;
        }
        assert!(
            TABLES.iter().any(|(_, lists)| lists.contains(&name.as_str())),
            "data/{name} is in no generated table"
        );
    }
}

#[test]
fn every_frame_list_is_read() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let frame = std::fs::read_to_string(root.join("src/claims/frame.rs")).expect("frame.rs is readable");
    for entry in std::fs::read_dir(root.join("data/frame")).expect("data/frame/ is readable") {
        let name = entry.expect("a directory entry").file_name().to_string_lossy().into_owned();
        assert!(frame.contains(&format!("data/frame/{name}")), "data/frame/{name} is read by nothing");
    }
}
