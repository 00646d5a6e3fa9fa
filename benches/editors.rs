//! How quickly the language server answers an edit: a 2,000-word story is opened, then changed
//! one character at a time; each change is timed from the moment it is written to the server
//! until the diagnostics for that version arrive. The server waits 20 ms of quiet input before
//! checking, and that pause is part of every figure.
//!
//! `cargo bench --bench editors`

#[path = "../tests/common/long_story.rs"]
mod long_story;

use long_story::long_story;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EDITS: usize = 40;

fn frame(message: &Value) -> Vec<u8> {
    let body = message.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn read(reader: &mut impl BufRead) -> Value {
    let mut length = 0;
    loop {
        let mut line = String::new();
        assert!(reader.read_line(&mut line).expect("the server writes") > 0, "the server exited");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse().expect("a length");
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).expect("a whole message");
    serde_json::from_slice(&body).expect("JSON")
}

fn main() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("factlint lsp starts");
    let mut input = child.stdin.take().unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap());
    let uri = "file:///tmp/factlint-bench/story.txt";
    // A misspelling in every paragraph, so that each check publishes diagnostics.
    let story = long_story(
        2_000,
        "Residents were told they would recieve alerts about delays while crews work at both ends.",
    );
    let mut send = |message: Value| input.write_all(&frame(&message)).and_then(|()| input.flush()).unwrap();
    send(
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "processId": null, "rootUri": null, "capabilities": {} } }),
    );
    read(&mut output);
    send(json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
    send(
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": { "uri": uri, "languageId": "plaintext", "version": 0, "text": story } } }),
    );
    let opened = read(&mut output);
    let findings = opened["params"]["diagnostics"].as_array().map_or(0, Vec::len);
    let mut times: Vec<Duration> = Vec::with_capacity(EDITS);
    let mut text = story.clone();
    for version in 1..=EDITS as i64 {
        text.push(if version % 2 == 0 { '.' } else { ' ' });
        let change = json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] } });
        let started = Instant::now();
        send(change);
        loop {
            let message = read(&mut output);
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["version"] == version
            {
                break;
            }
        }
        times.push(started.elapsed());
    }
    send(json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null }));
    read(&mut output);
    send(json!({ "jsonrpc": "2.0", "method": "exit", "params": null }));
    child.wait().unwrap();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "lsp didChange -> diagnostics, {}-word story ({} findings), {EDITS} edits: median {:.1} ms, p90 {:.1} ms, max {:.1} ms (20 ms quiet pause included)",
        story.split_whitespace().count(),
        findings,
        ms(times[EDITS / 2]),
        ms(times[EDITS * 9 / 10]),
        ms(times[EDITS - 1]),
    );
}
