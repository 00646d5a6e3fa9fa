//! The YAML rule format, as written. Every rule is one flat mapping: the fields every rule has
//! (`id`, `kind`, `severity`, `message`, `examples`, …) and the fields of its kind. Unknown fields
//! are errors, so a typo such as `sevrity` is caught with its location; which fields a kind takes
//! is checked when the rule is compiled (`compile`).

pub use crate::checks::confusion::spec::{ConfusionSet, DetailedSet, Factor};
use crate::facts::Fact;
use crate::finding::{Applicability, Severity};
use factlint_extract::jiff::civil::Date;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The closed set of rule kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A word or phrase that reads as a typo for another, in a given context (`swap`, `context`).
    Substitution,
    /// A sequence of tokens with a replacement (`pattern`, `replace`).
    Pattern,
    /// A regular expression over each paragraph's text (`regex`, `replace`), for house style
    /// that words alone cannot express.
    Regex,
    /// A word written twice where it cannot be right (`allow`).
    Repetition,
    /// "a" and "an" before the sound that follows.
    Articles,
    /// Known misspellings with a correction (`allow`).
    Spelling,
    /// Quotation marks and brackets that open and never close, or close what was never opened.
    Balance,
    /// Full stops, quotes and spaces in the wrong place (`check`).
    Punctuation,
    /// The same thing given incompatible figures in one story (`check`).
    Consistency,
    /// Percentages, sums, changes and conversions that do not add up (`check`, `tolerance`).
    Arithmetic,
    /// Weekdays, tenses, impossible dates and datelines (`check`, `tolerance`).
    Dates,
    /// Figures that contradict the newsroom's reference sheet.
    Facts,
    /// Real words typed for one another, decided by an n-gram model (`sets`, `factor`,
    /// `stand-ins`).
    Confusion,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Substitution => "substitution",
            Kind::Pattern => "pattern",
            Kind::Regex => "regex",
            Kind::Repetition => "repetition",
            Kind::Articles => "articles",
            Kind::Spelling => "spelling",
            Kind::Balance => "balance",
            Kind::Punctuation => "punctuation",
            Kind::Consistency => "consistency",
            Kind::Arithmetic => "arithmetic",
            Kind::Dates => "dates",
            Kind::Facts => "facts",
            Kind::Confusion => "confusion",
        }
    }
}

/// Whether a rule's fix is applied by `--fix`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FixMode {
    Safe,
    #[default]
    Unsafe,
    /// Suggest nothing.
    None,
}

impl FixMode {
    pub fn applicability(self) -> Option<Applicability> {
        match self {
            FixMode::Safe => Some(Applicability::Safe),
            FixMode::Unsafe => Some(Applicability::Unsafe),
            FixMode::None => None,
        }
    }
}

/// One rule as written in YAML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: String,
    pub kind: Kind,
    #[serde(default)]
    pub severity: Severity,
    pub message: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub link: Option<String>,
    #[serde(default)]
    pub fix: FixMode,
    #[serde(default)]
    pub examples: Examples,
    /// For kinds with several built-in checks: which one.
    #[serde(default)]
    pub check: Option<String>,
    /// `substitution`: found → replacement.
    #[serde(default)]
    pub swap: Option<BTreeMap<String, String>>,
    /// `substitution`: where the swap applies.
    #[serde(default)]
    pub context: Option<Context>,
    /// `pattern`: the token sequence.
    #[serde(default)]
    pub pattern: Option<Vec<Element>>,
    /// `pattern`: the replacement for the marked tokens, with `{capture}` and
    /// `{capture:base}`, `{capture:s}` forms; `regex`: the replacement for the match (or its
    /// `mark` group), with `$1`-style references.
    #[serde(default)]
    pub replace: Option<String>,
    /// `regex`: the expression. A group named `mark` narrows the reported span.
    #[serde(default)]
    pub regex: Option<String>,
    /// `repetition`, `spelling`: words never to report.
    #[serde(default)]
    pub allow: Option<Vec<String>>,
    /// `arithmetic`: how far off a stated figure may be, in percentage points or relative;
    /// `dates` (`dateline`): how many days a dateline may lag the date the story was given.
    #[serde(default)]
    pub tolerance: Option<f64>,
    /// `confusion`: the sets of words typed for one another.
    #[serde(default)]
    pub sets: Option<Vec<ConfusionSet>>,
    /// `confusion`: how many times likelier an alternative must be, where a set gives no factor.
    #[serde(default)]
    pub factor: Option<f64>,
    /// `confusion`: the words the shipped model reads for a word it has no counts of.
    #[serde(default, rename = "stand-ins")]
    pub stand_ins: Option<BTreeMap<String, String>>,
    /// `consistency`: the smallest figure the rule compares.
    #[serde(default)]
    pub minimum: Option<f64>,
}

/// Where a substitution applies. All given conditions must hold; words may be phrases
/// ("tens of thousands") and may end in `*` to match any ending ("troop*").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// One of these directly before the word.
    #[serde(default)]
    pub before: Vec<String>,
    /// One of these directly after the word.
    #[serde(default)]
    pub after: Vec<String>,
    /// One of these within `within` words either side, in the same sentence.
    #[serde(default)]
    pub near: Vec<String>,
    /// How far `near` and `unless` look; 4 words when not given.
    #[serde(default)]
    pub within: Option<usize>,
    /// None of these within `within` words either side.
    #[serde(default)]
    pub unless: Vec<String>,
    /// None of these directly before the word.
    #[serde(default)]
    pub unless_before: Vec<String>,
    /// None of these directly after the word.
    #[serde(default)]
    pub unless_after: Vec<String>,
}

/// One element of a `pattern`: a word (`to`, or alternatives `a|an`), a list of alternatives,
/// or a mapping.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Element {
    Word(String),
    AnyOf(Vec<String>),
    Spec(ElementSpec),
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElementSpec {
    /// This word.
    #[serde(default)]
    pub word: Option<String>,
    /// One of these words.
    #[serde(default)]
    pub any: Vec<String>,
    /// A word ending so (`ing`), longer than the ending.
    #[serde(default)]
    pub suffix: Option<String>,
    /// Not one of these words.
    #[serde(default)]
    pub not: Vec<String>,
    /// A capitalised word.
    #[serde(default)]
    pub capitalised: bool,
    /// Part of the span reported (by default every element is).
    #[serde(default)]
    pub mark: bool,
    /// A name for the replacement template.
    #[serde(default)]
    pub capture: Option<String>,
}

/// A rule's own examples: the text it must flag (the expected span marked `[[…]]`, and
/// optionally the text after its fix) and the text it must leave alone.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub flag: Vec<Example>,
    #[serde(default)]
    pub pass: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Example {
    Text(String),
    Detailed(DetailedExample),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DetailedExample {
    pub text: String,
    /// The text once the first suggestion of every finding is applied.
    #[serde(default)]
    pub fixed: Option<String>,
    /// The reference date the example is read with.
    #[serde(default)]
    pub date: Option<Date>,
    /// Reference figures the example is checked against.
    #[serde(default)]
    pub facts: Vec<Fact>,
}

impl Example {
    pub fn text(&self) -> &str {
        match self {
            Example::Text(text) => text,
            Example::Detailed(detailed) => &detailed.text,
        }
    }

    pub fn fixed(&self) -> Option<&str> {
        match self {
            Example::Text(_) => None,
            Example::Detailed(detailed) => detailed.fixed.as_deref(),
        }
    }

    pub fn date(&self) -> Option<Date> {
        match self {
            Example::Text(_) => None,
            Example::Detailed(detailed) => detailed.date,
        }
    }

    pub fn facts(&self) -> &[Fact] {
        match self {
            Example::Text(_) => &[],
            Example::Detailed(detailed) => &detailed.facts,
        }
    }
}
