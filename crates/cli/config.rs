//! `.factlint.yaml`: a newsroom's settings, found by walking up from each story (the nearest file
//! wins) or given with `--config`. Unknown keys are errors with a location and a "did you mean".

use crate::cli::Level;
use crate::input::read_settings;
use anyhow::{Context, Result};
use factlint_rules::{Rule, RuleSet, Severity, parse_located};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = ".factlint.yaml";

/// A rule setting: off, or on at a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSetting {
    Off,
    Info,
    Warning,
    Error,
}

impl RuleSetting {
    fn severity(self) -> Option<Severity> {
        match self {
            RuleSetting::Off => None,
            RuleSetting::Info => Some(Severity::Info),
            RuleSetting::Warning => Some(Severity::Warning),
            RuleSetting::Error => Some(Severity::Error),
        }
    }
}

/// Where the reference date of a story comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// Front matter, else the dateline (the default).
    #[default]
    Story,
    /// Never from the story: only `--date` (relative dates stay unresolved otherwise).
    None,
}

/// A word or phrase the newsroom accepts, and why.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    pub text: String,
    pub reason: String,
    /// Only for these rules (all rules when empty).
    #[serde(default)]
    pub rules: Vec<String>,
}

/// Settings for the stories whose paths match `paths`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub paths: Vec<String>,
    #[serde(default)]
    pub rules: BTreeMap<String, RuleSetting>,
    #[serde(default)]
    pub fail_on: Option<Level>,
}

/// The file as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Built-in packs on or off by name (`confusables: false`).
    #[serde(default)]
    pub packs: BTreeMap<String, bool>,
    /// Rules by id (or pack prefix) to `off` or a severity.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleSetting>,
    #[serde(default)]
    pub fail_on: Option<Level>,
    #[serde(default)]
    pub min_severity: Option<Level>,
    /// More rule files, relative to this file.
    #[serde(default)]
    pub extra_rules: Vec<PathBuf>,
    /// The reference figures, relative to this file.
    #[serde(default)]
    pub facts: Option<PathBuf>,
    /// A model from `factlint learn`, relative to this file.
    #[serde(default)]
    pub model: Option<PathBuf>,
    #[serde(default)]
    pub accept: Vec<Accepted>,
    #[serde(default)]
    pub overrides: Vec<Override>,
    #[serde(default)]
    pub reference_date: DateSource,
}

/// A configuration, loaded and ready: paths resolved, globs compiled.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from; `None` for the defaults.
    pub origin: Option<PathBuf>,
    pub file: ConfigFile,
    overrides: Vec<(GlobSet, Override)>,
    /// The file's text, to locate names found wrong once the rules are loaded.
    text: String,
}

impl Config {
    /// Reads (up to `limit` bytes) and checks a configuration file.
    pub fn load(path: &Path, limit: u64) -> Result<Config> {
        let text = read_settings(path, limit).with_context(|| format!("cannot read {}", path.display()))?;
        Config::parse(path, &text)
    }

    /// Checks the text of a configuration file read from `path` (which places its relative
    /// paths and names it in errors).
    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        let file: ConfigFile = parse_located(&path.display().to_string(), text)?;
        if let Some(item) = file.accept.iter().find(|a| a.reason.trim().is_empty()) {
            let (line, column) = locate_text(text, &item.text);
            anyhow::bail!(
                "{}:{line}:{column}: field `accept.reason`: accepted `{}` needs a reason",
                path.display(),
                item.text
            );
        }
        let mut overrides = Vec::new();
        for item in &file.overrides {
            let mut set = GlobSetBuilder::new();
            for pattern in &item.paths {
                let glob = Glob::new(pattern).map_err(|error| {
                    let (line, column) = locate_text(text, pattern);
                    anyhow::anyhow!(
                        "{}:{line}:{column}: field `overrides.paths`: bad glob `{pattern}`: {}",
                        path.display(),
                        error.kind()
                    )
                })?;
                set.add(glob);
            }
            overrides.push((set.build()?, item.clone()));
        }
        Ok(Config { origin: Some(path.to_path_buf()), file, overrides, text: text.to_string() })
    }

    /// Checks every name under `packs:`, `rules:` and each override's `rules:` against the
    /// rules loaded (built-in and the user's): a misspelt name would otherwise change nothing,
    /// silently.
    pub fn check_rule_names(&self, rules: &RuleSet) -> Result<()> {
        let mut packs: BTreeSet<&str> = BTreeSet::new();
        let mut names: BTreeSet<&str> = BTreeSet::new();
        for rule in rules.rules() {
            packs.insert(factlint_rules::builtin::pack_name(&rule.origin));
            names.insert(rule.id());
            names.extend(rule.id().split('.').next());
        }
        let packs: Vec<&str> = packs.into_iter().collect();
        let names: Vec<&str> = names.into_iter().collect();
        let unknown = |key: &str, known: &[&str], what: &str| -> Result<()> {
            if known.contains(&key) {
                return Ok(());
            }
            let hint = factlint_rules::nearest(key, known)
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_default();
            let (line, column) = locate_key(&self.text, key);
            let origin = self.origin.as_deref().unwrap_or(Path::new("")).display();
            anyhow::bail!(
                "{origin}:{line}:{column}: field `{what}`: unknown {} `{key}`{hint}",
                if what == "packs" { "pack" } else { "rule or pack" }
            )
        };
        for key in self.file.packs.keys() {
            unknown(key, &packs, "packs")?;
        }
        for key in self.file.rules.keys() {
            unknown(key, &names, "rules")?;
        }
        for item in &self.file.overrides {
            for key in item.rules.keys() {
                unknown(key, &names, "overrides.rules")?;
            }
        }
        Ok(())
    }

    /// The directory paths in this configuration are relative to.
    pub fn base(&self) -> PathBuf {
        self.origin.as_deref().and_then(Path::parent).map(Path::to_path_buf).unwrap_or_default()
    }

    /// Extra rule files, resolved against the configuration's directory.
    pub fn extra_rules(&self) -> Vec<PathBuf> {
        self.file.extra_rules.iter().map(|p| self.base().join(p)).collect()
    }

    /// The facts file, resolved against the configuration's directory.
    pub fn facts(&self) -> Option<PathBuf> {
        self.file.facts.as_ref().map(|p| self.base().join(p))
    }

    /// The learned model, resolved against the configuration's directory.
    pub fn model(&self) -> Option<PathBuf> {
        self.file.model.as_ref().map(|p| self.base().join(p))
    }

    /// Whether a rule runs anywhere under this configuration (globally or in an override).
    pub fn runs(&self, rule: &Rule) -> bool {
        let pack = factlint_rules::builtin::pack_name(&rule.origin);
        let pack_on = self
            .file
            .packs
            .get(pack)
            .copied()
            .unwrap_or_else(|| factlint_rules::builtin::on_by_default(pack));
        let global = setting(&self.file.rules, rule.id());
        let on_globally = match global {
            Some(setting) => setting != RuleSetting::Off,
            None => pack_on,
        };
        on_globally
            || self
                .overrides
                .iter()
                .any(|(_, o)| setting(&o.rules, rule.id()).is_some_and(|s| s != RuleSetting::Off))
    }

    /// The severity a rule reports at for `path` (relative to the configuration), or `None`
    /// when it is off there.
    pub fn severity_for(&self, rule: &Rule, path: &Path) -> Option<Severity> {
        let pack = factlint_rules::builtin::pack_name(&rule.origin);
        let mut severity = if self
            .file
            .packs
            .get(pack)
            .copied()
            .unwrap_or_else(|| factlint_rules::builtin::on_by_default(pack))
        {
            Some(rule.severity())
        } else {
            None
        };
        if let Some(setting) = setting(&self.file.rules, rule.id()) {
            severity = setting.severity();
        }
        for (globs, item) in &self.overrides {
            if globs.is_match(path)
                && let Some(setting) = setting(&item.rules, rule.id())
            {
                severity = setting.severity();
            }
        }
        severity
    }

    /// The fail level for `path`: the last matching override's, else the file's.
    pub fn fail_on_for(&self, path: &Path) -> Option<Level> {
        self.overrides
            .iter()
            .rev()
            .find(|(globs, item)| item.fail_on.is_some() && globs.is_match(path))
            .and_then(|(_, item)| item.fail_on)
            .or(self.file.fail_on)
    }

    /// The configuration that applies to a story at `path`: `--config` if given, else the
    /// nearest `.factlint.yaml` above it.
    pub fn discover(path: &Path) -> Option<PathBuf> {
        let start = if path.is_dir() { path.to_path_buf() } else { path.parent()?.to_path_buf() };
        let start = if start.as_os_str().is_empty() { PathBuf::from(".") } else { start };
        let absolute = std::fs::canonicalize(&start).ok()?;
        absolute.ancestors().map(|dir| dir.join(FILE_NAME)).find(|candidate| candidate.is_file())
    }

    /// `path` relative to the configuration's directory, for override globs. Without overrides
    /// nothing needs it, and resolving paths costs system calls on every story.
    pub fn relative(&self, path: &Path) -> PathBuf {
        if self.overrides.is_empty() {
            return PathBuf::new();
        }
        let base = self.base();
        let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let base = std::fs::canonicalize(&base).unwrap_or(base);
        absolute.strip_prefix(&base).map(Path::to_path_buf).unwrap_or_else(|_| path.to_path_buf())
    }
}

/// The 1-based line and column of `key` written as a mapping key (`key:`, `"key":`), for names
/// found wrong after parsing; the first line when it cannot be found.
fn locate_key(text: &str, key: &str) -> (usize, usize) {
    let forms = [format!("{key}:"), format!("\"{key}\":"), format!("'{key}':")];
    for (index, line) in text.lines().enumerate() {
        let code = line.split(" #").next().unwrap_or(line);
        let found = forms.iter().filter_map(|form| {
            code.match_indices(form.as_str())
                .find(|&(at, _)| at == 0 || matches!(code.as_bytes()[at - 1], b' ' | b'{' | b',' | b'\t'))
                .map(|(at, _)| at)
        });
        if let Some(at) = found.min() {
            return (index + 1, code[..at].chars().count() + 1);
        }
    }
    (1, 1)
}

/// The 1-based line and column where `needle` is first written, for values found wrong after
/// parsing; the first line when it cannot be found as written (an escaped string).
fn locate_text(text: &str, needle: &str) -> (usize, usize) {
    match text.find(needle) {
        Some(at) if !needle.is_empty() => {
            let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
            (text[..at].matches('\n').count() + 1, text[line_start..at].chars().count() + 1)
        }
        _ => (1, 1),
    }
}

/// A setting for a rule id: by exact id, else by its pack prefix ("confusable").
fn setting(settings: &BTreeMap<String, RuleSetting>, id: &str) -> Option<RuleSetting> {
    settings.get(id).copied().or_else(|| {
        let prefix = id.split('.').next()?;
        settings.get(prefix).copied()
    })
}

/// The starter configuration `factlint init` writes.
pub const STARTER: &str = r#"# factlint configuration. The nearest .factlint.yaml above a story applies to it.

# Built-in packs, on by default: confusables, spelling, grammar, punctuation, consistency,
# arithmetic, dates, facts. Off unless turned on: confusion (real words typed for one another,
# decided by an n-gram model; more false alarms than the others).
packs:
  spelling: true

# Rules by id or pack, to off, info, warning or error (`factlint rules list` shows them).
rules:
  grammar.article: warning
  # dates.tense: off

# Exit with 1 when a finding is at or above this level: info, warning or error.
fail_on: warning

# Show only findings at or above this level.
min_severity: info

# More rule files of your own (paths relative to this file).
extra_rules: []

# The newsroom's reference figures (see `factlint rules explain facts.reference`).
# facts: facts.yaml

# Words and phrases the desk accepts, each with the reason.
accept:
  - text: "Dementieva"
    reason: "player's name"

# Different settings for some paths.
overrides:
  - paths: ["archive/**"]
    rules:
      spelling: off
    fail_on: error

# Where a story's reference date comes from: `story` (front matter, else the dateline) or
# `none` (only --date).
reference_date: story
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_configuration_loads() {
        let file: ConfigFile = parse_located("starter", STARTER).unwrap();
        assert_eq!(file.fail_on, Some(Level::Warning));
        assert_eq!(file.overrides.len(), 1);
    }

    #[test]
    fn a_misspelt_key_is_located_with_a_suggestion() {
        let error = parse_located::<ConfigFile>("c.yaml", "packs: {}\nfial_on: error\n").unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.to_string().contains("did you mean `fail_on`?"), "{error}");
    }

    #[test]
    fn settings_match_ids_and_packs() {
        let mut settings = BTreeMap::new();
        settings.insert("spelling".to_string(), RuleSetting::Off);
        settings.insert("grammar.article".to_string(), RuleSetting::Error);
        assert_eq!(setting(&settings, "spelling.misspelling"), Some(RuleSetting::Off));
        assert_eq!(setting(&settings, "grammar.article"), Some(RuleSetting::Error));
        assert_eq!(setting(&settings, "grammar.to-ing"), None);
    }
}
