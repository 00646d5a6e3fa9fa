//! `factlint serve`: one local page for people who do not use a terminal. Paste or drop a
//! story, see findings underlined as you type, the story's figures grouped by what they count,
//! and what changed between two versions.
//!
//! The server is `tiny_http` (small, synchronous, maintained): the page asks short questions and
//! each answer is a few milliseconds of checking, so threads and blocking reads are simpler than
//! an async stack. It listens on loopback unless told otherwise, reads and writes no files (the
//! story travels in the request and stays in memory), refuses bodies over [`BODY_LIMIT`], and
//! serves a page whose HTML, CSS and JavaScript are compiled into the binary.

mod api;

use crate::Outcome;
use crate::cli::{RuleArgs, ServeArgs};
use crate::config::Config;
use crate::input::DEFAULT_SETTINGS_LIMIT;
use crate::pipeline::Setup;
use anyhow::{Context, Result};
use api::Refusal;
use std::io::Read;
use std::sync::Arc;
use tiny_http::{Header, Method, Request, Response, Server};

/// The largest request body accepted: far above any story, small enough to refuse abuse.
pub const BODY_LIMIT: usize = 5 * 1024 * 1024;

/// Threads answering requests; checking is quick, so a few cover a newsroom's browser tabs.
const WORKERS: usize = 4;

const PAGE: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/app.js");
const STYLE: &str = include_str!("page/app.css");

pub fn run(args: &ServeArgs) -> Result<Outcome> {
    let setup = Setup::new(Config::default(), &RuleArgs::default(), None, DEFAULT_SETTINGS_LIMIT)?;
    let setup = Arc::new(setup);
    let server = Server::http((args.address, args.port))
        .map_err(|e| anyhow::anyhow!("cannot listen on {}:{}: {e}", args.address, args.port))?;
    let address = server.server_addr().to_ip().context("the server has no IP address")?;
    eprintln!("factlint serve: open http://{address}/ (Ctrl-C stops)");
    if !args.address.is_loopback() {
        eprintln!("factlint serve: listening on {} — other machines can reach this page", args.address);
    }
    let server = Arc::new(server);
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (server, setup) = (server.clone(), setup.clone());
            let loopback = args.address.is_loopback();
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    if loopback && !addressed_to_loopback(&request) {
                        let refusal =
                            Refusal { status: 403, message: "this page answers only to localhost".into() };
                        let _ = request.respond(refuse(refusal));
                        continue;
                    }
                    handle(&setup, request);
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
    Ok(Outcome::Clean)
}

/// On loopback, only requests addressed to loopback are answered, so a web page elsewhere
/// cannot reach this one through a name that resolves to 127.0.0.1 (DNS rebinding).
fn addressed_to_loopback(request: &Request) -> bool {
    request.headers().iter().find(|h| h.field.equiv("Host")).is_some_and(|h| {
        let host = h.value.as_str();
        let name = host.rsplit_once(':').map_or(host, |(name, _)| name);
        matches!(name, "127.0.0.1" | "localhost" | "[::1]")
    })
}

fn handle(setup: &Setup, mut request: Request) {
    let response = match (request.method(), request.url()) {
        (Method::Get, "/" | "/index.html") => asset(PAGE, "text/html; charset=utf-8"),
        (Method::Get, "/app.js") => asset(SCRIPT, "text/javascript; charset=utf-8"),
        (Method::Get, "/app.css") => asset(STYLE, "text/css; charset=utf-8"),
        (Method::Post, "/api/check") => answer(&mut request, |story| api::check_story(setup, story)),
        (Method::Post, "/api/fix") => answer(&mut request, |story| api::fix_story(setup, story)),
        (Method::Post, "/api/compare") => answer(&mut request, |versions| api::compare(setup, versions)),
        (_, "/" | "/index.html" | "/app.js" | "/app.css" | "/api/check" | "/api/fix" | "/api/compare") => {
            refuse(Refusal { status: 405, message: format!("{} is not allowed here", request.method()) })
        }
        (_, path) => refuse(Refusal { status: 404, message: format!("nothing at {path}") }),
    };
    // The browser may have gone away; there is no one left to tell.
    let _ = request.respond(response);
}

type Answer = Response<std::io::Cursor<Vec<u8>>>;

fn asset(body: &str, content_type: &str) -> Answer {
    // The page may load only what this server serves: no external assets, no inline code.
    Response::from_string(body)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Content-Security-Policy", "default-src 'self'"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

/// Reads a JSON body of type `T` and answers with `work`'s JSON, or a refusal.
fn answer<T: serde::de::DeserializeOwned>(
    request: &mut Request,
    work: impl FnOnce(T) -> Result<serde_json::Value, Refusal>,
) -> Answer {
    let result = body(request).and_then(|bytes| {
        let value: T = serde_json::from_slice(&bytes)
            .map_err(|e| Refusal::bad_request(format!("the request is not what the page sends: {e}")))?;
        work(value)
    });
    match result {
        Ok(value) => {
            Response::from_string(value.to_string()).with_header(header("Content-Type", "application/json"))
        }
        Err(refusal) => refuse(refusal),
    }
}

fn body(request: &mut Request) -> Result<Vec<u8>, Refusal> {
    let too_large = || Refusal {
        status: 413,
        message: format!("the story is over the {} MB limit", BODY_LIMIT / (1024 * 1024)),
    };
    if request.body_length().is_some_and(|length| length > BODY_LIMIT) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    request
        .as_reader()
        .take(BODY_LIMIT as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Refusal::bad_request(format!("cannot read the request: {e}")))?;
    if bytes.len() > BODY_LIMIT {
        return Err(too_large());
    }
    Ok(bytes)
}

fn refuse(refusal: Refusal) -> Answer {
    let body = serde_json::json!({ "error": refusal.message }).to_string();
    Response::from_string(body)
        .with_status_code(refusal.status)
        .with_header(header("Content-Type", "application/json"))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("header names and values here are ASCII")
}
