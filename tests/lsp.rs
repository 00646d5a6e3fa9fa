//! `factlint lsp` end to end: the binary is started as an editor would start it, and the tests
//! speak JSON-RPC to it over its standard input and output.

mod common;

use serde_json::{Value, json};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

/// Long enough for a debug build on a busy machine; only reached when the server fails to answer.
const PATIENCE: Duration = Duration::from_secs(30);

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Messages read while waiting for something else.
    held: VecDeque<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &Path) -> Client {
        Client::start_with(dir, &[])
    }

    fn start_with(dir: &Path, env: &[(&str, &str)]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("lsp")
            .envs(env.iter().copied())
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("factlint lsp starts");
        let stdin = child.stdin.take().expect("stdin is piped");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let (send, incoming) = channel();
        std::thread::spawn(move || {
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("Content-Length: ") {
                        length = value.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                stdout.read_exact(&mut body).expect("a whole message");
                if send.send(serde_json::from_slice(&body).expect("JSON")).is_err() {
                    return;
                }
            }
        });
        let mut client = Client { child, stdin, incoming, held: VecDeque::new(), next_id: 1 };
        let root = url(dir);
        let result = client.request(
            "initialize",
            json!({ "processId": null, "rootUri": root, "capabilities": {}, "workspaceFolders": [{ "uri": root, "name": "w" }] }),
        );
        assert_eq!(result["serverInfo"]["name"], "factlint");
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        self.send_together(&[message]);
    }

    /// Sends messages in one write, as a client does with keystrokes that queued up.
    fn send_together(&mut self, messages: &[Value]) {
        let mut frames = String::new();
        for message in messages {
            let body = message.to_string();
            frames.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
        }
        self.stdin.write_all(frames.as_bytes()).expect("the server reads");
        self.stdin.flush().expect("the server reads");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let response = self.wait_for(|m| m["id"] == id && m.get("method").is_none());
        assert!(response.get("error").is_none(), "{method} failed: {response}");
        response["result"].clone()
    }

    /// The first message (held or new) that `wanted` accepts; the others are held.
    fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(at) = self.held.iter().position(&wanted) {
            return self.held.remove(at).expect("held message");
        }
        loop {
            match self.incoming.recv_timeout(PATIENCE) {
                Ok(message) if wanted(&message) => return message,
                Ok(message) => self.held.push_back(message),
                Err(RecvTimeoutError::Timeout) => panic!("no answer; held: {:?}", self.held),
                Err(RecvTimeoutError::Disconnected) => panic!("the server exited; held: {:?}", self.held),
            }
        }
    }

    /// The diagnostics published for `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        message["params"]["diagnostics"].as_array().expect("a list").clone()
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) -> Vec<Value> {
        let document = json!({ "uri": uri, "languageId": language, "version": 1, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": document }));
        self.diagnostics(uri, 1)
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        let message = change(uri, version, text);
        self.send(message);
    }

    fn shutdown(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().expect("the server exits");
        assert!(status.success(), "{status}");
    }
}

fn change(uri: &str, version: i64, text: &str) -> Value {
    json!({
        "jsonrpc": "2.0",
        "method": "textDocument/didChange",
        "params": { "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] },
    })
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn rules(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics.iter().map(|d| d["code"].as_str().expect("a rule id")).collect()
}

fn find<'a>(diagnostics: &'a [Value], rule: &str) -> &'a Value {
    diagnostics.iter().find(|d| d["code"] == rule).unwrap_or_else(|| panic!("no {rule} in {diagnostics:?}"))
}

/// A temporary workspace holding the fixture story.
fn workspace() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let text = common::fixture_text("story.md");
    let path = dir.path().join("story.md");
    std::fs::write(&path, &text).expect("written");
    (dir, url(&path), text)
}

#[test]
fn diagnostics_on_open_and_change_with_rule_severity_and_related_places() {
    let (dir, uri, text) = workspace();
    let mut client = Client::start(dir.path());
    let diagnostics = client.open(&uri, "markdown", &text);
    assert_eq!(
        rules(&diagnostics),
        [
            "arithmetic.percent-of",
            "confusable.massage-mass",
            "grammar.doubled-word",
            "punctuation.unbalanced-quotes",
            "consistency.figures",
            "punctuation.missing-space",
            "spelling.misspelling",
            "dates.weekday",
            "dates.tense",
        ]
    );
    let massage = find(&diagnostics, "confusable.massage-mass");
    assert_eq!(massage["severity"], 1);
    assert_eq!(massage["source"], "factlint");
    assert_eq!(
        massage["range"],
        json!({ "start": { "line": 11, "character": 24 }, "end": { "line": 11, "character": 31 } })
    );
    let spelling = find(&diagnostics, "spelling.misspelling");
    assert_eq!(spelling["severity"], 2);
    // The contradiction points at the figure it contradicts.
    let contradiction = find(&diagnostics, "consistency.figures");
    let related = &contradiction["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri);
    assert_eq!(related["location"]["range"]["start"]["line"], 17);
    assert!(!related["message"].as_str().unwrap().is_empty());

    // Fixing the typo in the editor clears its finding; nothing else changes.
    client.change(&uri, 2, &text.replace("recieve", "receive"));
    let after = client.diagnostics(&uri, 2);
    assert!(!rules(&after).contains(&"spelling.misspelling"), "{after:?}");
    assert_eq!(after.len(), diagnostics.len() - 1);

    // A burst of changes is checked once, for the last text.
    client.send_together(&[
        change(&uri, 3, &text.replace("massage", "mass")),
        change(&uri, 4, &text.replace("massage", "mass").replace("the the", "the")),
    ]);
    let last = client.diagnostics(&uri, 4);
    assert!(
        !rules(&last).contains(&"confusable.massage-mass") && !rules(&last).contains(&"grammar.doubled-word")
    );
    assert!(
        client.held.iter().all(|m| m["params"]["version"] != 3),
        "version 3 was checked: {:?}",
        client.held
    );
    client.shutdown();
}

#[test]
fn code_actions_offer_fixes_accepting_and_disabling() {
    let (dir, uri, text) = workspace();
    let mut client = Client::start(dir.path());
    client.open(&uri, "markdown", &text);
    // The line with “recieve” (line 21 of the file).
    let range = json!({ "start": { "line": 20, "character": 27 }, "end": { "line": 20, "character": 27 } });
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range, "context": { "diagnostics": [] } }),
    );
    let actions = actions.as_array().expect("a list");
    let titles: Vec<&str> = actions.iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Replace with “receive”",
            "Accept “recieve” for spelling.misspelling in .factlint.yaml",
            "Disable spelling.misspelling for this line",
        ]
    );
    let fix = &actions[0];
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["kind"], "quickfix");
    let edit = &fix["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], "receive");
    assert_eq!(edit["range"]["start"], json!({ "line": 20, "character": 25 }));

    // No configuration yet: accepting creates one at the workspace root.
    let config_uri = url(&dir.path().join(".factlint.yaml"));
    let operations = &actions[1]["edit"]["documentChanges"];
    assert_eq!(operations[0]["kind"], "create");
    assert_eq!(operations[0]["uri"], config_uri);
    let written = operations[1]["edits"][0]["newText"].as_str().unwrap();
    assert!(written.starts_with("accept:\n  - text: \"recieve\"\n"), "{written}");

    let disable = &actions[2]["edit"]["changes"][&uri][0];
    assert_eq!(disable["newText"], "<!-- factlint-disable-next-line spelling.misspelling -->\n");
    assert_eq!(disable["range"]["start"], json!({ "line": 20, "character": 0 }));

    // Applying the disable comment as the editor would silences the finding, and only it.
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let disabled = format!(
        "{}<!-- factlint-disable-next-line spelling.misspelling -->\n{}",
        lines[..20].concat(),
        lines[20..].concat()
    );
    client.change(&uri, 2, &disabled);
    let after = client.diagnostics(&uri, 2);
    assert!(!rules(&after).contains(&"spelling.misspelling"), "{after:?}");
    assert!(!rules(&after).contains(&"factlint.unused-suppression"), "{after:?}");
    client.shutdown();
}

#[test]
fn accepting_a_word_edits_the_existing_configuration_which_is_reloaded() {
    let (dir, uri, text) = workspace();
    let config = dir.path().join(".factlint.yaml");
    std::fs::write(&config, "fail_on: error\naccept:\n  - text: \"Osei\"\n    reason: a name\n").unwrap();
    let mut client = Client::start(dir.path());
    let before = client.open(&uri, "markdown", &text);
    assert!(rules(&before).contains(&"spelling.misspelling"));
    let range = json!({ "start": { "line": 20, "character": 27 }, "end": { "line": 20, "character": 27 } });
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range, "context": { "diagnostics": [] } }),
    );
    let accept = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Accept"))
        .expect("an accept action");
    let edit = &accept["edit"]["changes"][url(&config)][0];
    assert_eq!(edit["range"]["start"], json!({ "line": 2, "character": 0 }));
    // Apply it as the editor would, save, and tell the server the file changed.
    let mut yaml = std::fs::read_to_string(&config).unwrap();
    let inserted = edit["newText"].as_str().unwrap();
    let at = yaml.find("  - text: \"Osei\"").unwrap();
    yaml.insert_str(at, inserted);
    std::fs::write(&config, &yaml).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": url(&config), "type": 2 }] }),
    );
    let after = client.diagnostics(&uri, 1);
    assert!(!rules(&after).contains(&"spelling.misspelling"), "{after:?}\n{yaml}");
    assert_eq!(after.len(), before.len() - 1);

    // A rule switched off in the configuration goes away at the next check, even unannounced.
    std::fs::write(&config, format!("{yaml}rules:\n  dates.tense: off\n")).unwrap();
    client.change(&uri, 2, &text);
    let off = client.diagnostics(&uri, 2);
    assert!(!rules(&off).contains(&"dates.tense"), "{off:?}");

    // A broken configuration is said, not ignored.
    std::fs::write(&config, "fial_on: error\n").unwrap();
    client.change(&uri, 3, &text);
    let broken = client.diagnostics(&uri, 3);
    assert_eq!(broken.len(), 1);
    let message = broken[0]["message"].as_str().unwrap();
    assert!(message.contains("configuration error") && message.contains("fail_on"), "{message}");
    client.shutdown();
}

#[test]
fn hover_shows_what_was_read_and_the_reference_date_from_the_front_matter() {
    let (dir, uri, text) = workspace();
    let mut client = Client::start(dir.path());
    client.open(&uri, "markdown", &text);
    let hover = |client: &mut Client, line: u32, character: u32| {
        client.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        )
    };
    // “About 18,000 drivers” on line 18.
    let drivers = hover(&mut client, 17, 8);
    let value = drivers["contents"]["value"].as_str().unwrap();
    assert!(value.contains("as a **count**"), "{value}");
    assert!(value.contains("- value: 18000"), "{value}");
    assert!(value.contains("- qualifier: about"), "{value}");
    assert!(value.contains("- counts: drivers"), "{value}");
    assert!(value.contains("“about 81,000 drivers” (about)"), "the other mention: {value}");
    assert!(value.contains("consistency.figures"), "the finding linking them: {value}");
    // “Friday, April 18, 2025” on line 8, against the front matter's date.
    let friday = hover(&mut client, 7, 60);
    let value = friday["contents"]["value"].as_str().unwrap();
    assert!(value.contains("- date: 2025-04-18"), "{value}");
    assert!(value.contains("- reference date: 2025-04-14 (from the front matter)"), "{value}");
    // Nothing to say between figures.
    assert_eq!(hover(&mut client, 5, 3), Value::Null);
    client.shutdown();
}

#[test]
fn plain_text_and_html_documents_are_checked_in_their_formats() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path());
    let html_uri = url(&dir.path().join("story.html"));
    let html = "<p>Drivers will <b>recieve</b> alerts.</p>\n<!-- factlint-disable-next-line spelling -->\n<p>They recieve them.</p>\n";
    let diagnostics = client.open(&html_uri, "html", html);
    assert_eq!(rules(&diagnostics), ["spelling.misspelling"]);
    assert_eq!(diagnostics[0]["range"]["start"], json!({ "line": 0, "character": 19 }));
    let text_uri = "untitled:Untitled-1";
    let diagnostics = client.open(text_uri, "plaintext", "The council will recieve it.");
    assert_eq!(rules(&diagnostics), ["spelling.misspelling"]);
    // Plain text has no comments, so no "disable" action.
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": text_uri }, "range": diagnostics[0]["range"], "context": { "diagnostics": [] } }),
    );
    let titles: Vec<&str> =
        actions.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.iter().all(|t| !t.starts_with("Disable")), "{titles:?}");
    assert_eq!(titles[0], "Replace with “receive”");
    client.shutdown();
}

#[test]
fn a_story_that_crashes_the_checker_is_reported_and_the_server_stays_up() {
    let dir = tempfile::tempdir().unwrap();
    let uri = url(&dir.path().join("a.txt"));
    // Debug builds (the ones tests run) panic on a story holding this marker.
    let mut client = Client::start_with(dir.path(), &[("FACTLINT_CRASH_ON", "CRASH-HERE")]);
    let crashed = client.open(&uri, "plaintext", "CRASH-HERE and they recieve it.");
    assert_eq!(crashed.len(), 1);
    assert!(crashed[0]["message"].as_str().unwrap().contains("could not check this story"), "{crashed:?}");
    let shown = client.wait_for(|m| m["method"] == "window/showMessage");
    assert_eq!(shown["params"]["type"], 1);
    client.change(&uri, 2, "Now they recieve it.");
    assert_eq!(rules(&client.diagnostics(&uri, 2)), ["spelling.misspelling"]);
    client.shutdown();
}
