//! Harper's grammar-checker test sentences as a second opinion on the word and punctuation
//! packs. Harper (a peer linter) tests each of its rules on sentences it must flag and sentences
//! it must leave alone, normalised to JSONL in `../shared/errors/harper-examples.jsonl`. Two
//! figures come out of them, each sentence checked as its own story with every built-in pack:
//!
//! - the *false-flag share*: of the sentences Harper keeps as correct, how many factlint flags.
//!   The rules that fire on them are printed with examples, as candidates for false alarms;
//! - the *catch share*: of Harper's errors in the categories factlint's packs cover (listed in
//!   [`CATEGORIES`]), how many a rule of the matching pack flags, and how many factlint's first
//!   fixes turn into Harper's corrected sentence.
//!
//! Harper's correct sentences are correct only for the rule they test ("this is the the simple
//! case" is a correct sentence for the rule that turns "the the" into "that the"), so a flag
//! among them is a candidate, not a proven false alarm. Only a loose ceiling on the false-flag
//! share is asserted, to catch a bad regression. Ignored unless asked for, as it needs
//! `../shared`: run `cargo test -p factlint-rules --test harper -- --include-ignored --nocapture`
//! to see the figures.

use factlint_extract::{Document, Options, extract};
use factlint_rules::examples::apply_first_fixes;
use factlint_rules::{Finding, Input, RuleSet};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

/// The most of Harper's correct sentences factlint may flag before this test fails.
const FALSE_FLAG_CEILING: f64 = 0.10;

/// How many flagged correct sentences to print.
const EXAMPLES_SHOWN: usize = 20;

/// One kind of error factlint's packs look for: the Harper rules whose errors are of that kind,
/// and the factlint rule-id prefixes whose findings count as catching them.
struct Category {
    name: &'static str,
    packs: &'static [&'static str],
    harper_rules: &'static [&'static str],
}

/// Harper rules whose errors are of a kind factlint's packs cover. Deliberately narrow: a
/// Harper rule is listed only when nearly all of its errors are of that kind. Left out, among
/// others: eggcorns and idioms ("without further adieu", the phrase corrections in `tests`),
/// word choice and style (`brand_brandish`, `sneaked_snuck`, redundancy, capitalisation),
/// inflection (`be_adjective_confusions`, `did_past`, irregular plurals), split and merged words,
/// and typographic preferences (ellipses, en dashes, Oxford commas).
const CATEGORIES: &[Category] = &[
    Category {
        name: "real-word confusions",
        packs: &["confusable.", "confusion."],
        harper_rules: &[
            "then_than",
            "that_than",
            "were_where",
            "to_two_too",
            "its_contraction",
            "its_possessive",
            "TheirToThere",
            "ThereToTheir",
            "TheirToTheyre",
            "TheyreToTheir",
            "typographic_theyre_to_their",
            "over_theyre_to_there",
            "possessive_your",
            "pronoun_contraction",
            "lets_confusion",
            "theses_these",
            "noun_verb_confusion",
            "feel_fell",
            "though_thought",
            "quite_quiet",
            "thing_think",
            "hop_hope",
            "ever_every",
            "find_fine",
            "was_aloud",
            "HeartToHeard",
            "safe_to_save",
            "save_to_safe",
            "TheWhetherWeather",
            "BoarderBorder",
            "SpinalChord",
            "StrikeChord",
            "regimen_regiment",
            "tote_tout",
            "ExitedExcitedContext",
            "WokVerbTypo",
            "ColdModalTypo",
            "RelayOnForRely",
            "NowWay",
            "CantWay",
            "HowMach",
            "Them",
            "Us",
            "You",
            "After",
        ],
    },
    Category {
        name: "spelling",
        packs: &["spelling."],
        // `spell_check` also tests dialect preferences and capitalisation: see `is_dialect_or_case`.
        harper_rules: &["spell_check", "Hazzle", "Hazzled", "Hazzles", "Hazzling"],
    },
    Category { name: "a / an", packs: &["grammar."], harper_rules: &["an_a"] },
    Category {
        name: "repeated words",
        packs: &["grammar."],
        harper_rules: &["repeated_words", "the_the_to_that_the", "to_to"],
    },
    Category { name: "to + verb form", packs: &["grammar."], harper_rules: &["inflected_verb_after_to"] },
    Category {
        name: "agreement",
        packs: &["grammar."],
        harper_rules: &["pronoun_verb_agreement", "i_am_agreement", "there_is_agreement"],
    },
    Category {
        name: "punctuation and quotes",
        packs: &["punctuation."],
        harper_rules: &["missing_space", "unclosed_quotes", "quote_spacing"],
    },
];

/// Harper's spell checker tests that a word is flagged in one variety of English ("color" in
/// British English, "verandah" in American) or that a name is capitalised ("america"). Those
/// are not misspellings: factlint accepts every variety and leaves capitalisation alone.
fn is_dialect_or_case(record: &Record) -> bool {
    const MARKS: &[&str] = &[
        "dialect",
        "american",
        "british",
        "australian",
        "canadian",
        "indian",
        "_not_us",
        "_not_uk",
        "_not_au",
        "_not_ca",
        "capitalized",
    ];
    record.rule == "spell_check"
        && (record.test.starts_with("suggest_") || MARKS.iter().any(|m| record.test.contains(m)))
}

struct Record {
    rule: String,
    test: String,
    sentence: String,
    correction: Option<String>,
    is_error: bool,
}

fn records() -> Option<Vec<Record>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/errors/harper-examples.jsonl");
    let text = std::fs::read_to_string(&path).ok()?;
    let field = |value: &Value, name: &str| value[name].as_str().unwrap_or_default().to_string();
    let records = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let value: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            Record {
                rule: field(&value, "rule_id"),
                test: field(&value, "test_fn"),
                sentence: field(&value, "sentence"),
                correction: value["correction"].as_str().map(str::to_string),
                is_error: value["is_error"].as_bool().unwrap_or_else(|| panic!("no is_error: {line}")),
            }
        })
        .collect();
    Some(records)
}

fn check(rules: &RuleSet, sentence: &str) -> Vec<Finding> {
    let Ok(doc) = Document::parse(sentence, &Options::default()) else { return Vec::new() };
    let claims = extract(&doc);
    rules.check(&Input { doc: &doc, claims: &claims, facts: &[] })
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

/// One line of the catch table.
fn line(name: &str, caught: usize, cases: usize, fixed: usize, fixable: usize) {
    let percent = 100.0 * share(caught, cases);
    let caught = format!("{caught:>4} of {cases:>4} caught ({percent:>5.1}%)");
    println!("  {name:<24} {caught}, {fixed:>4} of {fixable:>4} fixed as Harper does");
}

#[test]
#[ignore = "needs ../shared"]
fn harper_sentences() {
    let Some(records) = records() else {
        panic!("../shared/errors/harper-examples.jsonl is not there: this test needs it");
    };
    let rules = RuleSet::builtin().unwrap_or_else(|error| panic!("the built-in packs do not load: {error}"));
    let errors: HashSet<&str> = records.iter().filter(|r| r.is_error).map(|r| r.sentence.as_str()).collect();

    // Correct sentences, each once, leaving out those Harper also lists as an error elsewhere.
    let mut seen = HashSet::new();
    let correct: Vec<&str> = records
        .iter()
        .filter(|r| !r.is_error && !errors.contains(r.sentence.as_str()))
        .map(|r| r.sentence.as_str())
        .filter(|s| seen.insert(*s))
        .collect();
    let mut flagged = 0;
    let mut by_rule: BTreeMap<String, Vec<(&str, String)>> = BTreeMap::new();
    for sentence in &correct {
        let findings = check(&rules, sentence);
        if !findings.is_empty() {
            flagged += 1;
        }
        for finding in findings {
            let found = sentence.get(finding.span.range()).unwrap_or_default().to_string();
            by_rule.entry(finding.rule).or_default().push((sentence, found));
        }
    }
    let false_flags = share(flagged, correct.len());
    println!(
        "Harper's correct sentences: {} checked, {flagged} flagged ({:.1}%)",
        correct.len(),
        100.0 * false_flags
    );
    let mut ranked: Vec<_> = by_rule.into_iter().collect();
    ranked.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    for (rule, hits) in &ranked {
        println!("  {:>4}  {rule}", hits.len());
    }
    println!("False-alarm candidates (up to {EXAMPLES_SHOWN}, most frequent rules first):");
    let mut shown = 0;
    // Round-robin over the rules so every rule that fires gets an example.
    for round in 0.. {
        let mut any = false;
        for (rule, hits) in &ranked {
            if let Some((sentence, found)) = hits.get(round) {
                any = true;
                if shown < EXAMPLES_SHOWN {
                    println!("  {rule}: «{found}» in {sentence:?}");
                    shown += 1;
                }
            }
        }
        if !any || shown >= EXAMPLES_SHOWN {
            break;
        }
    }

    // Errors in factlint's categories, each sentence once per category.
    println!("Harper's errors in factlint's categories:");
    let (mut total, mut total_caught, mut total_fixable, mut total_fixed) = (0, 0, 0, 0);
    for category in CATEGORIES {
        let mut seen = HashSet::new();
        let cases: Vec<&Record> = records
            .iter()
            .filter(|r| r.is_error && category.harper_rules.contains(&r.rule.as_str()))
            .filter(|r| !is_dialect_or_case(r))
            .filter(|r| seen.insert(r.sentence.as_str()))
            .collect();
        let (mut caught, mut fixable, mut fixed) = (0, 0, 0);
        for record in &cases {
            let findings: Vec<Finding> = check(&rules, &record.sentence)
                .into_iter()
                .filter(|f| category.packs.iter().any(|p| f.rule.starts_with(p)))
                .collect();
            if !findings.is_empty() {
                caught += 1;
            }
            if let Some(correction) = record.correction.as_deref().filter(|c| !c.is_empty()) {
                fixable += 1;
                if apply_first_fixes(&record.sentence, &findings) == correction {
                    fixed += 1;
                }
            }
        }
        line(category.name, caught, cases.len(), fixed, fixable);
        total += cases.len();
        total_caught += caught;
        total_fixable += fixable;
        total_fixed += fixed;
    }
    line("all", total_caught, total, total_fixed, total_fixable);

    assert!(
        false_flags <= FALSE_FLAG_CEILING,
        "factlint flags {:.1}% of Harper's correct sentences, more than the {:.0}% ceiling",
        100.0 * false_flags,
        100.0 * FALSE_FLAG_CEILING
    );
}
