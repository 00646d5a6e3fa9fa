//! What a rule reports: a [`Finding`] with its span, message, fixes and related places.

use factlint_extract::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    #[default]
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied without a person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Cannot change the meaning: `--fix` applies it.
    Safe,
    /// Probably right but worth a look: only `--fix --unsafe-fixes` applies it.
    Unsafe,
}

/// Replace `span` (analysis offsets) with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// One way to resolve a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

impl Fix {
    /// A fix that replaces one span.
    pub fn replace(span: Span, replacement: impl Into<String>, applicability: Applicability) -> Fix {
        Fix { edits: vec![Edit { span, replacement: replacement.into() }], applicability }
    }
}

/// Another place a finding depends on: "first given as 25,000 here".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// One problem in the copy. Spans are analysis offsets of the document that was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    /// Best first.
    pub fixes: Vec<Fix>,
    pub related: Vec<Related>,
}

impl Finding {
    /// Replacement texts for exactly this finding's span, best first (the JSON `suggestions`).
    pub fn suggestions(&self) -> impl Iterator<Item = &str> {
        self.fixes.iter().filter_map(|fix| match fix.edits.as_slice() {
            [edit] if edit.span == self.span => Some(edit.replacement.as_str()),
            _ => None,
        })
    }
}
