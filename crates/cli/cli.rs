//! The command line: commands, options and their help.

use clap::{Args, Parser, Subcommand, ValueEnum};
use factlint_extract::jiff::civil::Date;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "factlint",
    version,
    about = "Fact-checks the figures, dates and claims in news copy",
    after_help = TOP_EXAMPLES
)]
pub struct Cli {
    /// When to colour the output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

const TOP_EXAMPLES: &str = "\
Examples:
  factlint check story.md                  check a draft
  factlint check stories/                  check every story under a directory
  factlint check --fix story.md            apply the safe fixes
  factlint claims story.txt                list the figures and dates in a story
  factlint diff old.txt new.txt            what changed between two versions
  factlint rules explain dates.weekday     what a rule checks, with examples";

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check stories for contradictions, wrong arithmetic and dates, reference-figure errors and
    /// typos
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// List every figure and time in the copy, with its value, qualifier, unit, subject and date
    #[command(after_help = CLAIMS_EXAMPLES)]
    Claims(ClaimsArgs),
    /// Compare two versions of a story: figures, dates and qualifiers that changed, and new
    /// findings
    #[command(after_help = DIFF_EXAMPLES)]
    Diff(DiffArgs),
    /// Write, check or accept readable snapshots of each story's claims and findings
    #[command(after_help = SNAPSHOT_EXAMPLES)]
    Snapshot(SnapshotArgs),
    /// Learn a model of the archive's own usage for the confusion rules
    #[command(after_help = LEARN_EXAMPLES)]
    Learn(LearnArgs),
    /// List, test or explain rules
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Run the language server on standard input and output (for editors)
    #[command(after_help = LSP_HELP)]
    Lsp,
    /// Serve the checking page on this machine, for pasting stories into a browser
    #[command(after_help = SERVE_HELP)]
    Serve(ServeArgs),
    /// Write a commented starter .factlint.yaml in the current directory
    Init {
        /// Replace an existing .factlint.yaml
        #[arg(long)]
        force: bool,
    },
    /// Print shell completions
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    Man,
}

const LSP_HELP: &str = "\
Editors start it themselves; see the README for Neovim, Helix and VS Code. Documents are
checked as you type, with fixes, \"accept this word\" and \"disable this rule here\" as code
actions and what factlint read on hover. The nearest .factlint.yaml applies and is reloaded
when it changes.";

const SERVE_HELP: &str = "\
Examples:
  factlint serve                         http://127.0.0.1:7171/
  factlint serve --port 0                any free port (printed)
  factlint serve --address 0.0.0.0       also reachable from other machines

The page works offline. Stories are checked in memory: nothing is read from or written to disk.";

/// Where `factlint serve` listens.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The address to listen on; loopback unless you choose otherwise
    #[arg(long, default_value = "127.0.0.1")]
    pub address: std::net::IpAddr,

    /// The port (0 picks a free one)
    #[arg(long, default_value_t = 7171)]
    pub port: u16,
}

const CHECK_EXAMPLES: &str = "\
Examples:
  factlint check story.txt
  factlint check --format json --date 2025-06-09 story.md
  factlint check --facts newsroom-facts.yaml stories/
  factlint check --fix --diff story.md
  factlint check --select dates,consistency --ignore dates.tense stories/
  factlint check --diff-base origin/main --format github stories/
  cat story.txt | factlint check -
  factlint check --input-format jsonl archive.jsonl > findings.jsonl

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage, configuration or input error.";

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or directories to check; `-` reads standard input
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Output format [default: human; json (one finding a line) with --input-format jsonl]
    #[arg(long, value_enum)]
    pub format: Option<CheckFormat>,

    #[command(flatten)]
    pub reading: ReadingArgs,

    #[command(flatten)]
    pub rules: RuleArgs,

    /// Exit with 1 when a finding is at or above this severity [default: warning]
    #[arg(long, value_enum)]
    pub fail_on: Option<Level>,

    /// Show only findings at or above this severity [default: info]
    #[arg(long, value_enum)]
    pub min_severity: Option<Level>,

    /// Files to check inside directories (repeatable; replaces the default *.txt, *.md,
    /// *.markdown, *.html, *.htm)
    #[arg(long = "glob", value_name = "GLOB")]
    pub globs: Vec<String>,

    /// Files to leave out (repeatable)
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Apply safe fixes to the files (atomically)
    #[arg(long)]
    pub fix: bool,

    /// With --fix or --diff, apply unsafe fixes too
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print the fixes as a unified diff instead of writing them
    #[arg(long)]
    pub diff: bool,

    /// Report only findings on lines changed since this git revision
    #[arg(long, value_name = "REV")]
    pub diff_base: Option<String>,

    /// Read stories as files, or as JSON Lines records (`id`, `text`, optional `published`)
    #[arg(long, value_enum, default_value_t = InputFormat::Files)]
    pub input_format: InputFormat,
}

impl CheckArgs {
    /// The output format: as given, else for people, or JSON Lines for a JSON Lines archive.
    pub fn format(&self) -> CheckFormat {
        self.format.unwrap_or(match self.input_format {
            InputFormat::Files => CheckFormat::Human,
            InputFormat::Jsonl => CheckFormat::Json,
        })
    }
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

    /// Use this configuration instead of the nearest .factlint.yaml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Refuse stories, rule, configuration and facts files larger than this (bytes, or with K, M
    /// or G) [default: 256M for stories, 16M for the others]
    #[arg(long, value_name = "SIZE", value_parser = crate::input::parse_size)]
    pub max_size: Option<u64>,
}

impl ReadingArgs {
    /// The most bytes read from each input.
    pub fn limits(&self) -> crate::input::Limits {
        crate::input::Limits::with_max(self.max_size)
    }
}

/// Where rules and reference figures come from, besides the configuration.
#[derive(Args, Debug, Clone, Default)]
pub struct RuleArgs {
    /// Extra rule files, after the built-in packs (repeatable)
    #[arg(long = "rules", value_name = "FILE")]
    pub rule_files: Vec<PathBuf>,

    /// The newsroom's reference figures (YAML: `facts:` and a list)
    #[arg(long, value_name = "FILE")]
    pub facts: Option<PathBuf>,

    /// A model written by `factlint learn`, read by the confusion rules beside the shipped one
    #[arg(long, value_name = "MODEL")]
    pub model: Option<PathBuf>,

    /// Run only these rules: ids, id prefixes or pack names, or ALL (comma-separated,
    /// repeatable), within what the configuration runs
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Vec<String>,

    /// Leave out these rules: ids, id prefixes or pack names (comma-separated, repeatable); the
    /// more specific of --select and --ignore wins
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Vec<String>,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    /// Findings for people, with the source line underlined
    Human,
    /// path:line:col: severity [rule] message
    Short,
    /// A JSON array (see the output contract)
    Json,
    /// SARIF 2.1.0, for code-scanning uploads
    Sarif,
    /// GitHub Actions annotations
    Github,
    /// JUnit XML
    Junit,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Each path is a story (directories are walked)
    Files,
    /// Each line is a JSON object with `id`, `text` and an optional `published` date
    Jsonl,
}

/// A severity on the command line and in the configuration.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
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
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
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
    /// Files or directories to read; `-` reads standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,

    #[command(flatten)]
    pub reading: ReadingArgs,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// A table for people
    Table,
    /// JSON
    Json,
}

const DIFF_EXAMPLES: &str = "\
Examples:
  factlint diff story-v1.txt story-v2.txt
  factlint diff --format json --date 2025-06-09 old.md new.md

Exit codes: 0 when no figure, date or qualifier changed and no finding is new; 1 otherwise;
2 on errors.";

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The earlier version
    pub old: PathBuf,
    /// The later version
    pub new: PathBuf,

    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,

    #[command(flatten)]
    pub reading: ReadingArgs,

    #[command(flatten)]
    pub rules: RuleArgs,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffFormat {
    Human,
    Json,
}

const SNAPSHOT_EXAMPLES: &str = "\
Examples:
  factlint snapshot stories/              write snapshots for stories that have none
  factlint snapshot --check stories/      fail with a diff where claims or findings changed
  factlint snapshot --accept stories/     update the snapshots

Snapshots live in .factlint/snapshots/, mirroring the stories' paths.";

#[derive(Args, Debug)]
pub struct SnapshotArgs {
    /// Files or directories
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Only compare; exit 1 with a diff for every story whose snapshot no longer matches
    #[arg(long, conflicts_with = "accept")]
    pub check: bool,

    /// Write every snapshot, replacing those that changed
    #[arg(long)]
    pub accept: bool,

    /// Where snapshots are kept
    #[arg(long, value_name = "DIR", default_value = ".factlint/snapshots")]
    pub dir: PathBuf,

    #[command(flatten)]
    pub reading: ReadingArgs,

    #[command(flatten)]
    pub rules: RuleArgs,
}

const LEARN_EXAMPLES: &str = "\
Examples:
  factlint learn --output house.model archive/
  factlint learn --output house.model --input-format jsonl stories.jsonl
  factlint check --model house.model story.txt

Or name the model in .factlint.yaml: `model: house.model`.";

#[derive(Args, Debug)]
pub struct LearnArgs {
    /// Files, directories or (with --input-format jsonl) JSON Lines archives to learn from
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Where to write the model
    #[arg(long, short, value_name = "MODEL")]
    pub output: PathBuf,

    /// The largest model to write, in megabytes; the rarest n-grams are left out to fit
    #[arg(long, value_name = "MB", default_value_t = 20.0)]
    pub max_size: f64,

    /// Read stories as files, or as JSON Lines records (`id`, `text`)
    #[arg(long, value_enum, default_value_t = InputFormat::Files)]
    pub input_format: InputFormat,

    /// Use this configuration instead of the nearest .factlint.yaml (for its rules)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(flatten)]
    pub rules: RuleArgs,
}
