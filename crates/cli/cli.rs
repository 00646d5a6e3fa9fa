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
    /// Check stories for contradictions, wrong arithmetic and dates, reference-figure errors and
    /// typos
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// List, test or explain rules
    #[command(subcommand)]
    Rules(RulesCommand),
    /// List every figure and time in the copy, with its value, qualifier, unit, subject and date
    #[command(after_help = CLAIMS_EXAMPLES)]
    Claims(ClaimsArgs),
}

const CHECK_EXAMPLES: &str = "\
Examples:
  factlint check story.txt
  factlint check --format json --date 2025-06-09 story.md
  factlint check --facts newsroom-facts.yaml stories/
  cat story.txt | factlint check -

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage, configuration or input error.";

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files to check; `-` reads standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    #[command(flatten)]
    pub reading: ReadingArgs,

    #[command(flatten)]
    pub rules: RuleArgs,

    /// Exit with 1 when a finding is at or above this severity
    #[arg(long, value_enum, default_value_t = Level::Warning)]
    pub fail_on: Level,

    /// Show only findings at or above this severity
    #[arg(long, value_enum, default_value_t = Level::Info)]
    pub min_severity: Level,
}

/// Where rules and reference figures come from.
#[derive(Args, Debug, Clone)]
pub struct RuleArgs {
    /// Extra rule files, after the built-in packs
    #[arg(long = "rules", value_name = "FILE")]
    pub rule_files: Vec<PathBuf>,

    /// The newsroom's reference figures (YAML: `facts:` and a list)
    #[arg(long, value_name = "FILE")]
    pub facts: Option<PathBuf>,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    /// Findings for people, with the source line
    Human,
    /// A JSON array (see the output contract)
    Json,
}

/// A severity on the command line.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> factlint_rules::Severity {
        match self {
            Level::Info => factlint_rules::Severity::Info,
            Level::Warning => factlint_rules::Severity::Warning,
            Level::Error => factlint_rules::Severity::Error,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum RulesCommand {
    /// List every rule
    List {
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Table)]
        format: ClaimsFormat,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Run rules on their own examples (the built-in packs, or the given rule files alone)
    Test {
        /// Rule files to test; without any, the built-in packs
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Show a rule's description and examples
    Explain {
        /// The rule's id, e.g. `confusable.massage-mass`
        id: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
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
