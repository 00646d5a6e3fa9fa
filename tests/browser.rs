//! `factlint serve` in a real browser: headless Chromium, driven over WebDriver by ChromeDriver
//! (Debian's `chromium` and `chromium-driver`; `.ci/install-browser` installs them). The page
//! is loaded, a story with known errors pasted and typed into, the underlines and the figures
//! panel read back, a fix applied and two versions compared. Without Chromium the tests say so
//! and skip.
//!
//! `FACTLINT_SCREENSHOTS=DIR` saves screenshots of the page there (the README's come from it).

mod common;
#[path = "common/long_story.rs"]
mod long_story;

use long_story::long_story;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// How long to wait for the page before calling it a failure (a debug server on a busy machine).
const PATIENCE: Duration = Duration::from_secs(30);
/// WebDriver's key for an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A child process killed when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The server, the driver and one browser session on the page.
struct Browser {
    agent: ureq::Agent,
    session: String,
    driver_url: String,
    _profile: tempfile::TempDir,
    _driver: Running,
    _server: Running,
}

fn skip_without_chromium() -> bool {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return false;
    }
    println!("SKIPPED: the browser test needs {CHROMIUM} and {CHROMEDRIVER} (run .ci/install-browser)");
    eprintln!("SKIPPED: the browser test needs {CHROMIUM} and {CHROMEDRIVER} (run .ci/install-browser)");
    true
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts `factlint serve --port 0` and reads the address it prints.
fn serve() -> (Running, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["serve", "--port", "0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factlint serve starts");
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap()).read_line(&mut line).unwrap();
    let url = line
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "loopback by default: {url}");
    (Running(child), url)
}

impl Browser {
    fn open() -> Browser {
        let (server, url) = serve();
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver = Running(driver);
        let driver_url = format!("http://127.0.0.1:{port}");
        let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
        let started = Instant::now();
        while agent.get(&format!("{driver_url}/status")).call().is_err() {
            assert!(started.elapsed() < PATIENCE, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        // The flags that keep Chromium from reaching for the network at start.
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1440,1000",
            &format!("--user-data-dir={}", profile.path().display()),
        ];
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
        } } });
        let created = call(&agent, "POST", &format!("{driver_url}/session"), Some(capabilities));
        let session = created["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_string();
        let browser =
            Browser { agent, session, driver_url, _profile: profile, _driver: driver, _server: server };
        browser.command("POST", "url", Some(json!({ "url": url })));
        browser.wait_until("document.body.dataset.checked === '1'");
        browser
    }

    fn command(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/session/{}/{path}", self.driver_url, self.session);
        let answer = call(&self.agent, method, &url, body);
        assert!(answer["value"].get("error").is_none(), "{method} {path}: {answer}");
        answer["value"].clone()
    }

    fn script(&self, script: &str, args: Value) -> Value {
        self.command("POST", "execute/sync", Some(json!({ "script": script, "args": args })))
    }

    fn wait_until(&self, condition: &str) {
        let started = Instant::now();
        while self.script(&format!("return Boolean({condition});"), json!([])) != json!(true) {
            assert!(started.elapsed() < PATIENCE, "the page never reached: {condition}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn checks(&self) -> u64 {
        self.script("return Number(document.body.dataset.checked || 0);", json!([])).as_u64().unwrap()
    }

    /// Puts `text` in the story box as a paste does, and waits for its findings.
    fn paste(&self, text: &str) {
        let before = self.checks();
        self.script(
            "const box = document.getElementById('story'); box.value = arguments[0];
             box.dispatchEvent(new Event('input', { bubbles: true }));",
            json!([text]),
        );
        self.wait_until(&format!("Number(document.body.dataset.checked) > {before}"));
    }

    fn set(&self, id: &str, value: &str) {
        let before = self.checks();
        self.script(
            "const field = document.getElementById(arguments[0]); field.value = arguments[1];
             field.dispatchEvent(new Event('change', { bubbles: true }));",
            json!([id, value]),
        );
        self.wait_until(&format!("Number(document.body.dataset.checked) > {before}"));
    }

    fn element(&self, css: &str) -> String {
        let found = self.command("POST", "element", Some(json!({ "using": "css selector", "value": css })));
        found[ELEMENT].as_str().unwrap_or_else(|| panic!("no {css}: {found}")).to_string()
    }

    fn click(&self, css: &str) {
        let element = self.element(css);
        self.command("POST", &format!("element/{element}/click"), Some(json!({})));
    }

    /// Types at the end of the story with real key events, and waits for the findings; returns
    /// the page's own measure of typing stopped to findings shown, in milliseconds.
    fn type_at_end(&self, keys: &str) -> f64 {
        let before = self.checks();
        self.script("const box = document.getElementById('story'); box.focus(); box.setSelectionRange(box.value.length, box.value.length);", json!([]));
        let element = self.element("#story");
        self.command("POST", &format!("element/{element}/value"), Some(json!({ "text": keys })));
        self.wait_until(&format!("Number(document.body.dataset.checked) > {before} && !document.querySelector('#status').textContent.startsWith('Checking')"));
        self.script("return window.factlintTimings[window.factlintTimings.length - 1].ms;", json!([]))
            .as_f64()
            .unwrap()
    }

    /// The underlined spans: rule and text of each mark.
    fn marks(&self) -> Vec<(String, String)> {
        let marks = self.script(
            "return [...document.querySelectorAll('#backdrop mark')].map(m => [m.dataset.rule, m.textContent]);",
            json!([]),
        );
        serde_json::from_value(marks).unwrap()
    }

    fn story(&self) -> String {
        self.script("return document.getElementById('story').value;", json!([])).as_str().unwrap().to_string()
    }

    fn screenshot(&self, name: &str) {
        let Some(dir) = std::env::var_os("FACTLINT_SCREENSHOTS") else { return };
        let encoded = self.command("GET", "screenshot", None);
        let png = decode_base64(encoded.as_str().unwrap());
        let path = PathBuf::from(dir).join(name);
        std::fs::write(&path, png).unwrap();
        println!("screenshot: {}", path.display());
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let url = format!("{}/session/{}", self.driver_url, self.session);
        let _ = self.agent.delete(&url).call();
    }
}

fn call(agent: &ureq::Agent, method: &str, url: &str, body: Option<Value>) -> Value {
    let response = match (method, body) {
        ("GET", _) => agent.get(url).call(),
        ("DELETE", _) => agent.delete(url).call(),
        (_, body) => agent
            .post(url)
            .header("Content-Type", "application/json")
            .send(body.unwrap_or(json!({})).to_string()),
    };
    let mut response = response.unwrap_or_else(|e| panic!("{method} {url}: {e}"));
    let text = response.body_mut().with_config().limit(64 << 20).read_to_string().unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{method} {url}: {e}: {text}"))
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let bytes: Vec<u8> = text.bytes().filter(|&c| c != b'=' && !c.is_ascii_whitespace()).map(value).collect();
    bytes
        .chunks(4)
        .flat_map(|chunk| {
            let n = chunk.iter().enumerate().fold(0u32, |n, (k, &v)| n | (u32::from(v) << (18 - 6 * k)));
            let out = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            out.into_iter().take(chunk.len() - 1)
        })
        .collect()
}

#[test]
fn the_page_underlines_findings_applies_fixes_and_compares_versions() {
    if skip_without_chromium() {
        return;
    }
    let browser = Browser::open();
    let story = common::fixture_text("story.md");
    browser.set("format", "markdown");
    browser.paste(&story);
    let marks = browser.marks();
    let expected = [
        ("arithmetic.percent-of", "30"),
        ("confusable.massage-mass", "massage"),
        ("grammar.doubled-word", " the"),
        ("punctuation.unbalanced-quotes", "“"),
        ("consistency.figures", "81,000"),
        ("punctuation.missing-space", "."),
        ("spelling.misspelling", "recieve"),
        ("dates.weekday", "Monday"),
        ("dates.tense", "April 9"),
    ];
    let expected: Vec<(String, String)> =
        expected.iter().map(|(r, t)| (r.to_string(), t.to_string())).collect();
    assert_eq!(marks, expected);
    // The figures panel links the contradiction's two places.
    let linked = browser.script(
        "return [...document.querySelectorAll('.linked')].map(l => [...l.querySelectorAll('a')].map(a => a.textContent));",
        json!([]),
    );
    assert_eq!(linked, json!([["“81,000” (line 18)", "“18,000” (line 18)"]]));
    browser.script("document.getElementById('figures').scrollIntoView();", json!([]));
    browser.screenshot("serve-figures.png");
    browser.script("document.querySelector('aside').scrollTop = 0;", json!([]));

    // Hovering an underline shows its message.
    let tooltip = browser.script(
        "const mark = document.querySelector('#backdrop mark[data-rule=\"confusable.massage-mass\"]');
         const box = mark.getBoundingClientRect();
         document.getElementById('story').dispatchEvent(new MouseEvent('mousemove',
           { bubbles: true, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 }));
         const tip = document.getElementById('tooltip');
         return tip.hidden ? null : tip.textContent;",
        json!([]),
    );
    let tooltip = tooltip.as_str().unwrap_or_default();
    assert!(tooltip.starts_with("confusable.massage-mass“massage” next to troop words"), "{tooltip}");

    // Clicking in a finding shows its message and fix; the fix is applied.
    let at = story.find("recieve").unwrap() + 2;
    let units = story[..at].encode_utf16().count();
    browser.script(
        "const box = document.getElementById('story'); box.focus(); box.setSelectionRange(arguments[0], arguments[0]);
         box.dispatchEvent(new MouseEvent('click', { bubbles: true }));",
        json!([units]),
    );
    let details = browser.script("return document.getElementById('details').textContent;", json!([]));
    assert!(details.as_str().unwrap().contains("spelling.misspelling"), "{details}");
    browser.screenshot("serve-check.png");
    let before = browser.checks();
    browser.click("#details .fixes button");
    browser.wait_until(&format!("Number(document.body.dataset.checked) > {before}"));
    assert_eq!(browser.story(), story.replace("recieve", "receive"));
    assert!(browser.marks().iter().all(|(rule, _)| rule != "spelling.misspelling"));

    // Typing a new mistake underlines it.
    browser.type_at_end("\nThey will recieve it.");
    assert!(browser.marks().contains(&("spelling.misspelling".to_string(), "recieve".to_string())));

    // All safe fixes at once.
    let before = browser.checks();
    browser.click("#fix-all");
    browser.wait_until(&format!("Number(document.body.dataset.checked) > {before}"));
    let fixed = browser.story();
    assert!(
        !fixed.contains("recieve") && !fixed.contains("the the") && fixed.contains("shut. The"),
        "{fixed}"
    );

    // The compare view lists what changed; the story date resolves the weekdays.
    browser.set("date", "2025-06-09");
    browser.click("#tab-compare");
    browser.script(
        "document.getElementById('old').value = arguments[0]; document.getElementById('new').value = arguments[1];",
        json!([
            "About 25,000 troops crossed on Tuesday. Officials counted 40 tanks.",
            "More than 25,000 troops crossed on Wednesday. Officials counted 45 tanks. Two ships sailed."
        ]),
    );
    browser.click("#compare");
    browser.wait_until("document.querySelector('#changed')");
    let changed = browser.script(
        "return [...document.querySelectorAll('#changed tr')].slice(1).map(r => [r.cells[0].textContent, r.cells[4].textContent]);",
        json!([]),
    );
    assert_eq!(
        changed,
        json!([
            ["“About 25,000 troops”", "“More than 25,000 troops”"],
            ["“Tuesday”", "“Wednesday”"],
            ["“40 tanks”", "“45 tanks”"]
        ])
    );
    browser.screenshot("serve-compare.png");

    // A dropped file replaces the story, and its extension picks the format.
    browser.click("#tab-check");
    let before = browser.checks();
    browser.script(
        "const files = new DataTransfer();
         files.items.add(new File(['<p>They will <b>not</b> recieve it.</p>'], 'dropped.html', { type: 'text/html' }));
         document.getElementById('story').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: files }));",
        json!([]),
    );
    browser.wait_until(&format!("Number(document.body.dataset.checked) > {before}"));
    assert_eq!(browser.story(), "<p>They will <b>not</b> recieve it.</p>");
    assert_eq!(browser.script("return document.getElementById('format').value;", json!([])), json!("html"));
    assert_eq!(browser.marks(), [("spelling.misspelling".to_string(), "recieve".to_string())]);

    // Typing stopped to findings shown, on a story of 2,000 words (reported, not asserted).
    browser.set("format", "text");
    browser.paste(&long_story(
        2_000,
        "Residents were told to expect delays for several weeks while crews work at both ends.",
    ));
    let mut timings: Vec<f64> = (0..7).map(|_| browser.type_at_end(" x")).collect();
    timings.sort_by(f64::total_cmp);
    println!(
        "typing stopped to findings shown, 2,000-word story: median {:.0} ms, best {:.0} ms, worst {:.0} ms (7 runs, debug build, pause {} ms included)",
        timings[3], timings[0], timings[6], 40
    );
}

#[test]
fn the_seed_article_shows_its_findings_and_troop_figures() {
    if skip_without_chromium() {
        return;
    }
    let seed = common::root().join("../shared/seed/article.txt");
    let Ok(article) = std::fs::read_to_string(&seed) else {
        println!("SKIPPED: {} is absent (it lives beside the project)", seed.display());
        eprintln!("SKIPPED: {} is absent (it lives beside the project)", seed.display());
        return;
    };
    let browser = Browser::open();
    browser.set("date", "2022-01-31");
    browser.paste(&article);
    let findings =
        browser.script("return document.querySelectorAll('#findings .finding').length;", json!([]));
    assert_eq!(findings, json!(7));
    assert_eq!(browser.marks().len(), 7);
    let troops = browser.script(
        "return [...document.querySelectorAll('table[data-group=\"troop\"] tr.claim')].map(r => [r.cells[0].textContent, r.cells[2].textContent]);",
        json!([]),
    );
    let troops: Vec<(String, String)> = serde_json::from_value(troops).unwrap();
    let qualifiers: Vec<&str> = troops.iter().map(|(_, q)| q.as_str()).collect();
    assert_eq!(qualifiers, ["vague", "more-than", "nearly", "more-than"], "{troops:?}");
}
