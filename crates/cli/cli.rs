//! The command line: commands, options and their help.

use clap::{Args, Parser, Subcommand, ValueEnum};
use factlint_extract::jiff::civil::Date;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "factlint", version, about = "Fact-checks the figures, dates and claims in news copy", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List every figure and time in the copy, with its value, qualifier, unit, subject and date
    #[command(after_help = CLAIMS_EXAMPLES)]
    Claims(ClaimsArgs),
}

const CLAIMS_EXAMPLES: &str = "\
Examples:
  factlint claims story.txt
  factlint claims --date 2022-01-31 --format json story.md
  cat story.txt | factlint claims -";

#[derive(Args, Debug)]
pub struct ClaimsArgs {
    /// Files to read; `-` reads standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Table)]
    pub format: ClaimsFormat,

    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// Options shared by every command that reads stories.
#[derive(Args, Debug, Clone)]
pub struct ReadingArgs {
    /// The date the story speaks from (YYYY-MM-DD); resolves "on Tuesday" and "last week".
    /// Without it, front matter `date:` or a dateline is used when present
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,

    /// The name to report for standard input, and to pick its format by extension
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimsFormat {
    /// A table for people
    Table,
    /// A JSON array (see the output contract)
    Json,
}
