//! `factlint serve` over HTTP, without a browser: where it listens, what it answers, what it
//! refuses, and that it leaves the disk alone.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

struct Server {
    child: Child,
    url: String,
    agent: ureq::Agent,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(dir: &std::path::Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(["serve", "--port", "0"])
            .current_dir(dir)
            .stderr(Stdio::piped())
            .spawn()
            .expect("factlint serve starts");
        let mut line = String::new();
        BufReader::new(child.stderr.take().unwrap()).read_line(&mut line).unwrap();
        let url = line.split_whitespace().find(|w| w.starts_with("http://")).expect("an address").to_string();
        let agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
        Server { child, url, agent }
    }

    fn post(&self, path: &str, body: &str) -> (u16, Value) {
        let mut response = self
            .agent
            .post(&format!("{}{}", self.url.trim_end_matches('/'), path))
            .header("Content-Type", "application/json")
            .send(body)
            .expect("an answer");
        let status = response.status().as_u16();
        let text = response.body_mut().with_config().limit(64 << 20).read_to_string().unwrap();
        (status, serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}")))
    }

    fn get(&self, path: &str) -> (u16, String, String) {
        let mut response =
            self.agent.get(&format!("{}{}", self.url.trim_end_matches('/'), path)).call().unwrap();
        let kind = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        (response.status().as_u16(), kind, response.body_mut().read_to_string().unwrap())
    }
}

#[test]
fn it_listens_on_loopback_and_serves_the_page_without_external_assets() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    assert!(server.url.starts_with("http://127.0.0.1:"), "{}", server.url);
    let (status, kind, page) = server.get("/");
    assert_eq!((status, kind.as_str()), (200, "text/html; charset=utf-8"));
    for asset in ["/app.js", "/app.css"] {
        assert!(page.contains(&format!("\"{asset}\"")), "the page loads {asset}");
        assert_eq!(server.get(asset).0, 200);
    }
    let (_, _, script) = server.get("/app.js");
    for text in [&page, &script] {
        assert!(!text.contains("https://") && !text.contains("http://"), "no external address");
    }
    assert_eq!(server.get("/nowhere").0, 404);
    // A page reached through another name (DNS rebinding) is refused.
    let response = server.agent.get(&server.url).header("Host", "rebound.example:80").call().unwrap();
    assert_eq!(response.status().as_u16(), 403);
}

#[test]
fn findings_fixes_and_comparisons_come_back_as_json_with_utf16_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let (status, answer) = server
        .post("/api/check", &json!({ "text": "“Yes,” they will recieve it.", "format": "text" }).to_string());
    assert_eq!(status, 200, "{answer}");
    let finding = &answer["findings"][0];
    assert_eq!(finding["rule"], "spelling.misspelling");
    // “ and ” are one UTF-16 unit each (three bytes each in UTF-8).
    assert_eq!((finding["from"].as_u64(), finding["to"].as_u64()), (Some(17), Some(24)));
    assert_eq!(finding["fixes"][0]["edits"][0], json!({ "start": 17, "end": 24, "replacement": "receive" }));
    assert_eq!(finding["fixes"][0]["safe"], true);

    let (status, fixed) =
        server.post("/api/fix", &json!({ "text": "They will recieve the the alerts." }).to_string());
    assert_eq!(status, 200);
    assert_eq!(fixed, json!({ "text": "They will receive the alerts.", "edits": 2 }));

    let versions = json!({
        "old": "About 25,000 troops crossed on Tuesday.",
        "new": "More than 25,000 troops crossed on Tuesday.",
        "date": "2025-06-09",
    });
    let (status, compared) = server.post("/api/compare", &versions.to_string());
    assert_eq!(status, 200);
    assert_eq!(compared["summary"]["changed"], 1);
    assert_eq!(compared["changed"][0]["new"]["qualifier"], "more-than");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "nothing written where it runs");
}

#[test]
fn bad_requests_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let refused = |path: &str, body: &str| {
        let (status, answer) = server.post(path, body);
        (status, answer["error"].as_str().unwrap_or_default().to_string())
    };
    let (status, error) = refused("/api/check", &json!({ "text": "x", "date": "31/01/2022" }).to_string());
    assert_eq!((status, error.as_str()), (400, "`date` is not a YYYY-MM-DD date: 31/01/2022"));
    let (status, error) = refused("/api/check", "{\"txt\": \"x\"}");
    assert_eq!(status, 400);
    assert!(error.contains("unknown field `txt`"), "{error}");
    let (status, error) = refused("/api/check", "not json");
    assert_eq!(status, 400, "{error}");
    let big = json!({ "text": "a".repeat(5 * 1024 * 1024) }).to_string();
    let (status, error) = refused("/api/check", &big);
    assert_eq!((status, error.as_str()), (413, "the story is over the 5 MB limit"));
    let (status, _) = refused("/api/nothing", "{}");
    assert_eq!(status, 404);
    assert_eq!(server.get("/api/check").0, 405);
}
