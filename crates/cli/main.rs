//! factlint: fact-checks the figures, dates and claims in news copy.
//!
//! The binary parses the command line, runs the command and turns its outcome into an exit code;
//! everything else is in the library beside it (`lib.rs`).

use clap::{CommandFactory, Parser};
use factlint::{Outcome, cli, commands};
use std::process::ExitCode;

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
        cli::Command::Learn(args) => commands::learn::run(&args),
        cli::Command::Rules(command) => commands::rules::run(&command),
        cli::Command::Lsp => factlint::lsp::run(),
        cli::Command::Serve(args) => factlint::serve::run(&args),
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
