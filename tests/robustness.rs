//! Inputs that once crashed factlint or aborted a whole run, each written for this project:
//! figures cut off mid-range, empty HTML comments, a JSON Lines archive with a line that is not
//! UTF-8, and a story on which factlint itself fails, which must cost that story alone.

mod common;

use common::{factlint, run_in, run_with, temp_dir};

/// Checks `story` from standard input as `name`; returns the exit code and standard error.
fn check_stdin(name: &str, story: &str) -> (i32, String) {
    let out = run_with(factlint().args(["check", "--stdin-filename", name, "-"]), Some(story.as_bytes()));
    (out.code, out.stderr)
}

#[test]
fn figures_cut_off_at_the_end_of_a_story_do_not_crash() {
    for story in [">1,", "More than 10 and", "at most 5,", "Fewer than 3 but", "more than 10 and\n"] {
        let (code, stderr) = check_stdin("story.txt", story);
        assert!(code == 0 || code == 1, "{story:?} ended with {code}: {stderr}");
    }
}

#[test]
fn empty_comments_in_markup_do_not_crash() {
    for (name, story) in [
        ("story.md", "<!-->"),
        ("story.md", "<!--->"),
        ("story.md", "Text <!--> more <!-- factlint-disable --> text."),
        ("story.html", "<p>The <!--> council met.</p>"),
        ("story.html", "<!---->"),
    ] {
        let (code, stderr) = check_stdin(name, story);
        assert!(code == 0 || code == 1, "{name} {story:?} ended with {code}: {stderr}");
    }
}

#[test]
fn a_story_factlint_fails_on_costs_that_story_alone() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("a.txt"), "The council met on Monday and passed the the budget.\n")
        .unwrap();
    std::fs::write(dir.path().join("b.txt"), "CRASH-HERE in this story.\n").unwrap();
    std::fs::write(dir.path().join("c.txt"), "Its members voted, and the the motion passed.\n").unwrap();
    let out = run_with(
        factlint()
            .current_dir(dir.path())
            .env("FACTLINT_CRASH_ON", "CRASH-HERE")
            .args(["check", "--format", "short", "."]),
        None,
    );
    assert_eq!(out.code, 2, "an internal error exits 2: {out:?}");
    assert!(out.stdout.contains("a.txt") && out.stdout.contains("c.txt"), "the others are printed: {out:?}");
    assert!(out.stderr.contains("b.txt: internal error while checking this story"), "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "one line per failed story, no panic dump: {}", out.stderr);
}

#[test]
fn a_record_factlint_fails_on_costs_that_record_alone() {
    let archive = concat!(
        r#"{"id": 1, "text": "It was the the closest vote."}"#,
        "\n",
        r#"{"id": 2, "text": "CRASH-HERE"}"#,
        "\n",
        r#"{"id": 3, "text": "A plan to massage troops on the border."}"#,
        "\n"
    );
    let out = run_with(
        factlint().env("FACTLINT_CRASH_ON", "CRASH-HERE").args(["check", "--input-format", "jsonl", "-"]),
        Some(archive.as_bytes()),
    );
    assert_eq!(out.code, 2, "{out:?}");
    let ids: Vec<i64> = out
        .stdout
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [1, 3], "{out:?}");
    assert!(out.stderr.contains("-:2: internal error"), "{}", out.stderr);
}

#[test]
fn fixing_a_story_factlint_fails_on_leaves_it_untouched() {
    let dir = temp_dir();
    let story = "CRASH-HERE and then the the end.\n";
    std::fs::write(dir.path().join("b.txt"), story).unwrap();
    std::fs::write(dir.path().join("a.txt"), "It was the the end.\n").unwrap();
    let out = run_with(
        factlint()
            .current_dir(dir.path())
            .env("FACTLINT_CRASH_ON", "CRASH-HERE")
            .args(["check", "--fix", "."]),
        None,
    );
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(std::fs::read_to_string(dir.path().join("b.txt")).unwrap(), story);
    assert_eq!(std::fs::read_to_string(dir.path().join("a.txt")).unwrap(), "It was the end.\n");
}

#[test]
fn a_line_that_is_not_utf8_skips_that_line_alone() {
    let mut archive = Vec::new();
    archive.extend_from_slice(br#"{"id": "a", "text": "It was the the vote."}"#);
    archive.extend_from_slice(b"\n{\"id\": \"b\", \"text\": \"caf\xe9\"}\n");
    archive.extend_from_slice(br#"{"id": "c", "text": "It was the the count."}"#);
    archive.push(b'\n');
    let dir = temp_dir();
    std::fs::write(dir.path().join("archive.jsonl"), &archive).unwrap();
    let out = run_in(dir.path(), &["check", "--input-format", "jsonl", "archive.jsonl"]);
    assert_eq!(out.code, 1, "findings in the good lines decide the exit code: {out:?}");
    assert_eq!(out.stdout.lines().count(), 2, "{out:?}");
    assert!(out.stderr.contains("archive.jsonl:2: not UTF-8"), "{}", out.stderr);
}

#[test]
fn completions_into_a_closed_pipe_exit_quietly() {
    use std::process::Stdio;
    let mut child = factlint()
        .args(["completions", "bash"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factlint starts");
    // Close the reading end at once, as `| head -1` does after its line.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("factlint finishes");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_model_that_is_not_a_file_is_refused_at_once() {
    let out = run_with(factlint().args(["check", "--model", "/dev/zero", "examples/clean.txt"]), None);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("cannot read the model /dev/zero: not a regular file"), "{}", out.stderr);
}

#[test]
fn a_finding_on_a_long_line_is_shown_in_an_excerpt_with_its_true_column() {
    let opening = "The council met on Tuesday and talked about the roads. ".repeat(30);
    let story = format!("{opening}It said teh budget was fine. The council met again.\n");
    let column = opening.chars().count() + "It said ".len() + 1;
    let out = run_with(
        factlint().args(["check", "--color", "never", "--stdin-filename", "long.txt", "-"]),
        Some(story.as_bytes()),
    );
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stdout.contains(&format!("--> long.txt:1:{column}\n")), "{}", out.stdout);
    insta::assert_snapshot!(out.stdout);
    let short = run_with(
        factlint().args(["check", "--format", "short", "--stdin-filename", "long.txt", "-"]),
        Some(story.as_bytes()),
    );
    assert!(short.stdout.starts_with(&format!("long.txt:1:{column}:")), "{}", short.stdout);
}
