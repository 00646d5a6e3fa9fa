//! factlint: fact-checks the figures, dates and claims in news copy.
//!
//! This binary is the only place that reads files, walks directories and prints. The work
//! itself lives in `factlint-extract` (text → claims) and `factlint-rules` (claims → findings).

mod batch;
mod cli;
mod commands;
mod config;
mod fix;
mod gitdiff;
mod input;
mod isolate;
mod pipeline;
mod printers;
mod records;
mod report;
mod suppress;
mod walk;

use clap::{CommandFactory, Parser};
use std::process::ExitCode;

/// How a run ended, as an exit code: 0 clean, 1 findings at or above the fail level, 2 usage,
/// configuration or input errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    Findings,
    Error,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        match outcome {
            Outcome::Clean => ExitCode::from(0),
            Outcome::Findings => ExitCode::from(1),
            Outcome::Error => ExitCode::from(2),
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let choice = match args.color {
        cli::ColorChoice::Auto => anstream::ColorChoice::Auto,
        cli::ColorChoice::Always => anstream::ColorChoice::Always,
        cli::ColorChoice::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
    let outcome = match args.command {
        cli::Command::Check(args) => commands::check::run(&args),
        cli::Command::Claims(args) => commands::claims::run(&args),
        cli::Command::Diff(args) => commands::diff::run(&args),
        cli::Command::Snapshot(args) => commands::snapshot::run(&args),
        cli::Command::Rules(command) => commands::rules::run(&command),
        cli::Command::Init { force } => commands::init(force),
        cli::Command::Completions { shell } => {
            // Written to a buffer first: the generator panics when standard output is closed
            // early (`factlint completions bash | head -1`); a buffered write reports it instead.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cli::Cli::command(), "factlint", &mut script);
            std::io::Write::write_all(&mut std::io::stdout().lock(), &script)
                .map(|()| Outcome::Clean)
                .map_err(anyhow::Error::from)
        }
        cli::Command::Man => commands::man(),
    };
    match outcome {
        Ok(outcome) => outcome.into(),
        // The reader went away (`factlint check | head`): stop quietly, as grep and ripgrep do.
        Err(error) if is_broken_pipe(&error) => Outcome::Clean.into(),
        Err(error) => {
            eprintln!("factlint: {error:#}");
            Outcome::Error.into()
        }
    }
}
