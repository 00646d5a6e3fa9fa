//! The bodies of factlint's fuzz targets, as ordinary functions.
//!
//! Each function takes the bytes a fuzzer hands it and panics when factlint misbehaves on them:
//! a panic inside factlint, a span that cannot be sliced, a fix that does not settle. The
//! libFuzzer binaries under `fuzz_targets/` are one line each around these functions (built only
//! with the `libfuzzer` feature, on nightly), and `tests/smoke.rs` runs the same functions on the
//! seed corpora and deterministic mutations of them on the stable toolchain, so a broken target
//! or a regression shows up in `cargo test` without a fuzzer.
//!
//! Bytes that are not UTF-8 are read lossily: factlint skips such files, but the text around the
//! bad bytes is still worth exploring.

mod check;
mod config;
mod extract;
mod rules;
mod spans;
mod suppressions;

pub use check::check_fix;
pub use config::config;
pub use extract::{extract_html, extract_markdown, extract_text};
pub use rules::rule_file;
pub use suppressions::suppressions;

/// A fuzz target: what the libFuzzer binaries and the smoke run call.
pub type Target = fn(&[u8]);

/// Every target by name, as `cargo fuzz list` names them.
pub const TARGETS: &[(&str, Target)] = &[
    ("extract_text", extract_text),
    ("extract_markdown", extract_markdown),
    ("extract_html", extract_html),
    ("check_fix", check_fix),
    ("suppressions", suppressions),
    ("rule_file", rule_file),
    ("config", config),
];

/// The input as text, with any invalid bytes replaced.
fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}
