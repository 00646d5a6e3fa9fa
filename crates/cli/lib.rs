//! The `factlint` command line as a library: every command, the configuration, the printers,
//! fixes and suppressions. The binary (`main.rs`) only parses arguments and maps the outcome to
//! an exit code; keeping the rest here lets fuzz targets and the language server reach it.
//!
//! This crate is the only place that reads files, walks directories and prints. The work itself
//! lives in `factlint-extract` (text → claims) and `factlint-rules` (claims → findings).

pub mod batch;
pub mod cli;
pub mod commands;
pub mod config;
pub mod fix;
pub mod gitdiff;
pub mod input;
pub mod isolate;
pub mod lsp;
pub mod pipeline;
pub mod printers;
pub mod records;
pub mod report;
pub mod rewrite;
pub mod select;
pub mod serve;
pub mod suppress;
pub mod walk;

/// How a run ended, as an exit code: 0 clean, 1 findings at or above the fail level, 2 usage,
/// configuration or input errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    Findings,
    Error,
}

impl From<Outcome> for std::process::ExitCode {
    fn from(outcome: Outcome) -> std::process::ExitCode {
        match outcome {
            Outcome::Clean => std::process::ExitCode::from(0),
            Outcome::Findings => std::process::ExitCode::from(1),
            Outcome::Error => std::process::ExitCode::from(2),
        }
    }
}
