//! The built-in rule packs end to end: one fixture story per pack under `tests/fixtures/packs/`
//! (and one clean story), each checked whole with `factlint check --format json`.
//!
//! Every fixture's findings are kept as a YAML snapshot, and are also checked against the list
//! below: each planted error must be flagged at its phrase, nothing else may be flagged, and
//! the correct uses named for each story must stay quiet.

mod common;

use common::{fixture_text, run};
use serde_json::Value;

/// The reference sheet the facts fixture is checked against.
const FACTS: &str = "tests/fixtures/facts.yaml";
/// A configuration that changes nothing, so that no `.factlint.yaml` above the repository does.
const NEUTRAL: &str = "tests/fixtures/neutral.factlint.yaml";

/// What a fixture should produce: each flagged error as (rule, a phrase of the story that holds
/// the flagged text), and phrases holding correct uses that must not be flagged.
struct Expected {
    file: &'static str,
    flagged: &'static [(&'static str, &'static str)],
    quiet: &'static [&'static str],
}

const EXPECTED: &[Expected] = &[
    Expected {
        file: "confusables.txt",
        flagged: &[
            ("confusable.massage-mass", "begun to massage troops"),
            ("confusable.massage-mass", "be massaging tanks"),
            ("confusable.massage-mass", "had massaged soldiers"),
            ("confusable.massage-mass", "could massage thousands of reservists"),
        ],
        quiet: &[
            "small massage parlour",
            "want a massage and a hot meal",
            "two massage therapists",
            "a sports massage to the volunteer firefighters",
        ],
    },
    Expected {
        file: "spelling.txt",
        flagged: &[
            ("spelling.misspelling", "to recieve in full"),
            ("spelling.misspelling", "delay had occured"),
            ("spelling.misspelling", "planned to accomodate"),
            ("spelling.misspelling", "building untill the work"),
            ("spelling.misspelling", "said the goverment should"),
            ("spelling.misspelling", "They will definately want"),
        ],
        quiet: &[
            "has separate rooms",
            "Marguerite Okonjo-Haldane",
            "Brennock Vale Construction",
            "would receive the final inspection report",
            "modernise maternity care",
        ],
    },
    Expected {
        file: "grammar.txt",
        flagged: &[
            ("grammar.to-ing", "plans to building a second"),
            ("grammar.to-ing", "intends to starting consultation"),
            ("grammar.doubled-word", "that the the city"),
            ("grammar.make-room", "would have to room for the new berths"),
            ("grammar.subject-verb", "the mayor say the project"),
            ("grammar.article", "that a 8% rise"),
            ("grammar.article", "need a hour-long shuttle"),
        ],
        quiet: &[
            "look forward to hearing",
            "committed to finding the crews",
            "agreed to make room for them",
            "An independent study",
            "An FBI-trained security consultant",
            "and a union representing",
            "She had had enough",
            "Critics of the authority say",
            "She wanted to see it finished",
            "is going to publish",
            "hopes to open the terminal",
        ],
    },
    Expected {
        file: "punctuation.txt",
        flagged: &[
            ("punctuation.missing-space", "on Saturday.The first"),
            ("punctuation.unbalanced-quotes", "\"We hope the company"),
            ("punctuation.stray-quote-stop", "until late”. March.”"),
            ("punctuation.unbalanced-brackets", "(up from 20 minutes"),
            ("punctuation.stop-before-lowercase", "on Friday. after the deal"),
            ("punctuation.missing-space", "freight backlog,and said"),
        ],
        quiet: &[
            "Northline Rail Inc. reached",
            "began at 7 p.m. on Thursday",
            "ran past 3 a.m., ended",
            "a 4.5% rise",
            "Gov. appointee Ruth Callan",
            "at 5:40 a.m., she said",
            "\"This is a fair deal, and our members have earned it,\" Morrow told reporters",
            "\"People lost shifts, and some lost jobs,\" said Hal Brady",
            "Commuters' Alliance",
            "Shoppers at Amazon.com",
        ],
    },
    Expected {
        file: "consistency.txt",
        flagged: &[
            ("consistency.figures", "about 41,000 residents had been moved"),
            ("consistency.ages", "Tomas Heller, 55,"),
            ("consistency.body-size", "the nine-member committee would meet"),
        ],
        quiet: &[
            "Another 150 firefighters",
            "The county has 210,000 residents",
            "Harlow, has 120,000 people",
            "more than 600 firefighters were now on the line",
            "1,300 people remained",
            "Ines Obi, 47,",
            "Tomas Heller, 52,",
        ],
    },
    Expected {
        file: "mentions.txt",
        flagged: &[
            ("consistency.headline", "up to 2,600 jobs at its European plants"),
            ("consistency.back-reference", "the 8,200 evacuated households"),
            ("consistency.same-event", "the bank sued 52 lenders"),
            ("consistency.age-reference", "The 63-year-old said"),
            ("consistency.total", "the death toll of 19 would"),
            ("consistency.body-size", "Its nine members voted"),
        ],
        quiet: &["up to 40 million euros"],
    },
    Expected {
        file: "mentions-quiet.txt",
        flagged: &[],
        quiet: &[
            "the 10,000 people who marched",
            "Another 7,000 residents",
            "a further 1,500 residents",
            "including 40 staff",
            "120 staff are part-time",
            "rose by 4,000 to 44,000 visits last year",
            "40,000 visits this year",
            "58,500 people had used one",
            "It sold 6 libraries a year earlier",
            "Station Lane 389 books",
            "Nearly 5,000 readers",
            "More than 30,000 readers",
            "The 12-member council cabinet",
        ],
    },
    Expected {
        file: "arithmetic.txt",
        flagged: &[
            ("arithmetic.percent-of", "150 of the 600 flats inspected, or 30%"),
            ("arithmetic.product", "or 1.6 million people"),
            ("arithmetic.percent-change", "rose 40% to 3,150 from 2,700"),
            ("arithmetic.direction", "fell to 34 from 28"),
            ("arithmetic.shares", "and 25% lived in housing association homes"),
            ("arithmetic.parts", "30 families and 20 pensioners"),
            ("arithmetic.conversion", "3 miles (8 km)"),
        ],
        quiet: &[
            "90 of the 600 flats, or 15%",
            "fell 20% to 1,600 from 2,000",
            "52% rented privately, 33% rented council flats and 15% lived in association homes",
            "found 70 homes with damp and 60 with mould",
            "80 inspections found 30 homes with damp and 20 with broken heating",
            "2 feet (0.6 meters)",
            "77 °F (25 °C)",
            "rose 5% to $1,260 a month from $1,200",
            "fell from 9% to 7%",
        ],
    },
    Expected {
        file: "dates.txt",
        flagged: &[
            ("dates.impossible", "until Sept. 31"),
            ("dates.weekday", "on Friday, Sept. 25"),
            ("dates.tense", "will be sent to parents on September 10"),
            ("dates.tense", "met on Sept. 30 to draft"),
            ("dates.tense", "approved the district budget on Sept. 29"),
            // One slip, two rules: the deadline has passed, and the sentence is in the future.
            ("dates.deadline-passed", "by August 30"),
            ("dates.weekday", "on Tuesday, June 12, 2026"),
        ],
        quiet: &[
            "LAKEFORD, Wednesday, September 17, 2025",
            "on Tuesday, September 16, 2025",
            "on Monday, Sept. 15",
            "on Friday, Sept. 12",
            "on Wednesday, Aug. 19, 2026",
            "voted on the proposal on September 8",
            "adopted on Feb. 29, 2024",
            "run from Dec. 21 to Jan. 2",
            "comments on the new plan is Oct. 3",
        ],
    },
    Expected {
        file: "dates-frontmatter.md",
        flagged: &[
            ("dates.weekday", "on Thursday, March 15"),
            ("dates.impossible", "on Feb. 30 if"),
            ("dates.tense", "will meet on Feb. 20"),
        ],
        quiet: &[
            "on Saturday, March 2",
            "on Thursday, Feb. 22",
            "on Friday, Feb. 23",
            "on Saturday, March 9",
            "on Wednesday, March 13",
            "on Friday, March 1",
            "switched on by Feb. 1",
            "connected by April 30",
            "closed on Sept. 29 last year",
        ],
    },
    Expected {
        file: "facts.txt",
        flagged: &[
            ("facts.reference", "the EU's 25 member states"),
            ("facts.reference", "all 30 NATO members"),
            ("facts.reference", "the Storting's 196 seats"),
            // The same slip of the keys against "the 169 seats" earlier in the story.
            ("consistency.figures", "the Storting's 196 seats"),
            // The planted 25 also contradicts the story's own later "all 27 member states".
            ("consistency.back-reference", "all 27 member states had signed"),
        ],
        quiet: &[
            "the 169 seats of the Storting",
            "when the EU had 28 member states",
            "the club's 25 members",
            "and 27 separate ideas",
        ],
    },
    Expected { file: "clean.txt", flagged: &[], quiet: &[] },
];

/// Findings that are wrong today, left out of the exact comparison and checked on their own by
/// the ignored tests below: (file, rule, phrase).
const KNOWN_FALSE_ALARMS: &[(&str, &str, &str)] =
    &[("facts.txt", "facts.reference", "26 members of the EU had already set aside money")];

/// The arguments for checking one fixture.
fn check_args(file: &str) -> Vec<String> {
    let mut args =
        vec!["check".to_string(), "--format".into(), "json".into(), "--config".into(), NEUTRAL.into()];
    if file == "facts.txt" {
        args.extend(["--facts".to_string(), FACTS.to_string()]);
    }
    args.push(format!("tests/fixtures/packs/{file}"));
    args
}

fn findings(file: &str) -> Vec<Value> {
    let args = check_args(file);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args);
    assert!(out.code == 0 || out.code == 1, "{file}: exit code {}\n{}", out.code, out.stderr);
    out.json().as_array().expect("an array").clone()
}

/// The byte range of `phrase` in `text`, which must hold it exactly once.
fn locate(text: &str, phrase: &str, file: &str) -> (u64, u64) {
    let mut hits = text.match_indices(phrase);
    let (at, _) = hits.next().unwrap_or_else(|| panic!("{file}: phrase {phrase:?} is not in the story"));
    assert!(hits.next().is_none(), "{file}: phrase {phrase:?} occurs more than once");
    (at as u64, (at + phrase.len()) as u64)
}

fn span(finding: &Value) -> (u64, u64) {
    (finding["start"].as_u64().unwrap(), finding["end"].as_u64().unwrap())
}

fn describe(finding: &Value) -> String {
    format!(
        "{}:{} [{}] {:?}: {}",
        finding["line"], finding["column"], finding["rule"], finding["text"], finding["message"]
    )
}

#[test]
fn every_fixture_has_expectations() {
    let mut files: Vec<String> = std::fs::read_dir(common::fixture("packs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut expected: Vec<String> = EXPECTED.iter().map(|e| e.file.to_string()).collect();
    expected.sort();
    assert_eq!(files, expected);
}

#[test]
fn findings_snapshots() {
    insta::glob!("fixtures/packs/*", |path| {
        let file = path.file_name().unwrap().to_str().unwrap();
        let findings = Value::Array(findings(file));
        insta::assert_yaml_snapshot!(findings);
    });
}

#[test]
fn planted_errors_are_flagged_and_nothing_else() {
    let mut problems = Vec::new();
    for expected in EXPECTED {
        let file = expected.file;
        let text = fixture_text(&format!("packs/{file}"));
        let mut unmatched = findings(file);
        for &(rule, phrase) in expected.flagged {
            let (from, to) = locate(&text, phrase, file);
            let hit = unmatched.iter().position(|f| {
                let (start, end) = span(f);
                f["rule"] == rule && from <= start && end <= to
            });
            match hit {
                Some(k) => {
                    unmatched.remove(k);
                }
                None => problems.push(format!("{file}: missed [{rule}] in {phrase:?}")),
            }
        }
        for finding in unmatched {
            let known = KNOWN_FALSE_ALARMS.iter().any(|&(f, rule, phrase)| {
                let (from, to) = locate(&text, phrase, file);
                let (start, end) = span(&finding);
                f == file && finding["rule"] == rule && from <= start && end <= to
            });
            if !known {
                problems.push(format!("{file}: unexpected {}", describe(&finding)));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn correct_uses_stay_quiet() {
    let mut problems = Vec::new();
    for expected in EXPECTED {
        let file = expected.file;
        let text = fixture_text(&format!("packs/{file}"));
        let findings = findings(file);
        for phrase in expected.quiet {
            let (from, to) = locate(&text, phrase, file);
            for finding in &findings {
                let (start, end) = span(finding);
                let flagged_here = start < to && from < end;
                // A planted error may sit inside a longer quiet phrase only if it is expected.
                let planted = expected.flagged.iter().any(|&(rule, p)| {
                    let (a, b) = locate(&text, p, file);
                    finding["rule"] == rule && a <= start && end <= b
                });
                if flagged_here && !planted {
                    problems.push(format!("{file}: {phrase:?} was flagged: {}", describe(finding)));
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_clean_story_has_no_findings_and_exits_0() {
    let out = run(&["check", "--config", NEUTRAL, "tests/fixtures/packs/clean.txt"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr.trim(), "No findings in 1 story");
}

/// "26 members of the EU had already set aside money" counts some of the members, not all of
/// them, yet `facts.reference` reports it against the 27 on the reference sheet.
#[test]
fn a_count_of_some_members_is_not_a_reference_error() {
    for &(file, rule, phrase) in KNOWN_FALSE_ALARMS {
        let text = fixture_text(&format!("packs/{file}"));
        let (from, to) = locate(&text, phrase, file);
        let wrong: Vec<String> = findings(file)
            .iter()
            .filter(|f| f["rule"] == rule && span(f).0 >= from && span(f).1 <= to)
            .map(describe)
            .collect();
        assert!(wrong.is_empty(), "{file}: {wrong:?}");
    }
}

/// `dates.tense` reads a past verb in -ed from its subject and object: "the board approved the
/// district budget on Sept. 29", in a story dated September 17, puts a date still ahead in the past.
#[test]
fn a_future_date_after_any_past_tense_verb_is_flagged() {
    let text = fixture_text("packs/dates.txt");
    let (from, to) = locate(&text, "approved the district budget on Sept. 29", "dates.txt");
    let hit = findings("dates.txt")
        .iter()
        .any(|f| f["rule"] == "dates.tense" && span(f).0 >= from && span(f).1 <= to);
    assert!(hit, "no dates.tense finding for “approved the district budget on Sept. 29”");
}

/// `punctuation.missing-space` finds "children.It" but not a stop after a figure or an
/// abbreviation: "under 16.It", "$12.Children", "9 a.m.It".
#[test]
fn a_missing_space_after_a_figure_or_abbreviation_is_flagged() {
    for text in [
        "Tickets are free for children under 16.It is the first expansion since 1988.",
        "Tickets cost $12.Children go free.",
        "The cafe opens at 9 a.m.It closes an hour after the galleries.",
    ] {
        let out = common::run_with(
            common::factlint().args(["check", "--format", "json", "-"]),
            Some(text.as_bytes()),
        );
        let rules: Vec<String> = common::rule_and_text(&out.json()).into_iter().map(|(r, _)| r).collect();
        assert!(rules.contains(&"punctuation.missing-space".to_string()), "{text:?}: {rules:?}");
    }
}
