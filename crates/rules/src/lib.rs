//! factlint-rules: consistency rules for news copy, written in YAML, and the engine that runs
//! them over a story's tokens and claims.
//!
//! A rule file is a list of rules from a closed set of kinds ([`schema::Kind`]): substitutions
//! for real-word typos, token patterns for grammar, punctuation and balance checks, and checks
//! over the extracted claims (consistency, arithmetic, dates, reference facts). Every rule
//! carries examples of what it flags and what it passes, and the examples are tests. Rules are
//! compiled once ([`RuleSet`]) and run per story in one pass over its tokens.

pub mod builtin;
mod checks;
mod engine;
pub mod examples;
mod facts;
mod finding;
mod load;
mod rule;
pub mod schema;
mod text;

pub use checks::Input;
/// The n-gram tables behind `confusion` rules: the shipped one, and the format `factlint learn`
/// writes.
pub mod ngrams {
    pub use crate::checks::confusion::learn::{BYTES_PER_NGRAM, NgramCounter};
    pub use crate::checks::confusion::model::{ModelError, NgramModel, hash, write_table};
    pub use crate::checks::confusion::shipped;
}

pub use checks::mentions::{Link, Signal, chains};
pub use engine::RuleSet;
pub use facts::{Fact, parse_facts};
pub use finding::{Applicability, Edit, Finding, Fix, Related, Severity};
pub use load::{LoadError, nearest, parse_located, parse_rules};
pub use rule::Rule;
