//! Everything a run checks stories with: the configuration that applies to each story, the
//! rules and reference figures it implies, and the per-story steps after the rules have run
//! (the configuration's severities, suppressions).

use crate::cli::{Level, ReadingArgs, RuleArgs};
use crate::config::{Config, DateSource};
use crate::input::{Limits, read_settings};
use crate::isolate::{Panicked, isolate};
use crate::report::{Catalog, FileReport};
use crate::suppress;
use anyhow::{Context, Result};
use factlint_extract::jiff::civil::Date;
use factlint_extract::{Claim, Document, Format, Options, TooLarge, extract};
use factlint_rules::{Fact, Input, Rule, RuleSet, parse_facts};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The rules and settings for the stories under one configuration.
pub struct Setup {
    pub config: Config,
    pub rules: RuleSet,
    pub facts: Vec<Fact>,
    /// `--date`, for every story.
    pub date: Option<Date>,
}

/// One story after the rules, the configuration and the suppressions.
pub struct Checked {
    pub report: FileReport,
    pub claims: Vec<Claim>,
}

impl Setup {
    /// Loads rules and facts for `config`; command-line files come after the configuration's.
    /// No file read is larger than `limit` bytes.
    pub fn new(mut config: Config, rule_args: &RuleArgs, date: Option<Date>, limit: u64) -> Result<Setup> {
        let model = rule_args.model.clone().or_else(|| config.model());
        if model.is_some() {
            // A learned model is for the opt-in `confusion` pack: giving one turns the pack on,
            // unless the configuration names it.
            config.file.packs.entry("confusion".to_string()).or_insert(true);
        }
        let mut rules = RuleSet::builtin().map_err(|e| anyhow::anyhow!("built-in rules: {e}"))?;
        for file in config.extra_rules().iter().chain(&rule_args.rule_files) {
            add_rule_file(&mut rules, file, limit)?;
        }
        config.check_rule_names(&rules)?;
        let selection = crate::select::Selection::new(&rule_args.select, &rule_args.ignore, &rules)?;
        rules.retain(|rule| config.runs(rule) && selection.runs(rule));
        if let Some(file) = model {
            // A model is data the size of a large story, not of a settings file.
            let bytes = crate::input::read_file(&file, crate::input::DEFAULT_STORY_LIMIT)
                .with_context(|| format!("cannot read the model {}", file.display()))?;
            let model = factlint_rules::ngrams::NgramModel::from_bytes(bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            rules.set_learned_model(model);
        }
        let facts_file = rule_args.facts.clone().or_else(|| config.facts());
        let facts = match facts_file {
            Some(file) => facts(&file, limit)?,
            None => Vec::new(),
        };
        Ok(Setup { config, rules, facts, date })
    }

    /// Checks one story. `path` (when it is a file) places it under the configuration's
    /// per-path overrides; `date` is a batch record's publication date. A panic inside is
    /// this story's error alone.
    pub fn check(
        &self,
        name: String,
        path: Option<&Path>,
        text: String,
        date: Option<Date>,
    ) -> Result<Checked, CheckError> {
        isolate(|| self.check_unguarded(name, path, text, date))
            .map_err(CheckError::Panicked)?
            .map_err(CheckError::TooLarge)
    }

    fn check_unguarded(
        &self,
        name: String,
        path: Option<&Path>,
        text: String,
        date: Option<Date>,
    ) -> Result<Checked, TooLarge> {
        crash_on_request(&text);
        let options = Options {
            format: Format::from_path(&name),
            reference_date: self.date.or(date),
            ignore_story_date: self.config.file.reference_date == DateSource::None,
        };
        let doc = Document::parse(text, &options)?;
        let claims = extract(&doc);
        let mut findings = self.rules.check(&Input { doc: &doc, claims: &claims, facts: &self.facts });
        let relative = path.map(|p| self.config.relative(p));
        findings.retain_mut(|finding| {
            let Some(rule) = self.rules.get(&finding.rule) else { return true };
            match self.config.severity_for(rule, relative.as_deref().unwrap_or(Path::new(""))) {
                Some(severity) => {
                    finding.severity = severity;
                    true
                }
                None => false,
            }
        });
        suppress::apply(&doc, &mut findings, &self.config.file.accept);
        Ok(Checked { report: FileReport { name, doc, findings }, claims })
    }

    /// The fail level for a story: the command line's, else the configuration's, else warning.
    pub fn fail_on(&self, cli: Option<Level>, path: Option<&Path>) -> Level {
        cli.or_else(|| path.and_then(|p| self.config.fail_on_for(&self.config.relative(p))))
            .or(self.config.file.fail_on)
            .unwrap_or(Level::Warning)
    }

    /// The lowest severity shown: the command line's, else the configuration's, else info.
    pub fn min_severity(&self, cli: Option<Level>) -> Level {
        cli.or(self.config.file.min_severity).unwrap_or(Level::Info)
    }
}

/// In debug builds only, `FACTLINT_CRASH_ON=<marker>` makes checking any story that contains the
/// marker panic, so the tests can show that one failing story does not take a batch with it.
fn crash_on_request(text: &str) {
    #[cfg(debug_assertions)]
    if let Some(marker) = std::env::var_os("FACTLINT_CRASH_ON").and_then(|m| m.into_string().ok()) {
        assert!(
            marker.is_empty() || !text.contains(&marker),
            "FACTLINT_CRASH_ON: the story contains {marker:?}"
        );
    }
    #[cfg(not(debug_assertions))]
    let _ = text;
}

/// Why a story could not be checked.
#[derive(Debug)]
pub enum CheckError {
    /// Over the size the document model can address.
    TooLarge(TooLarge),
    /// factlint itself failed on this story; other stories are unaffected.
    Panicked(Panicked),
}

impl CheckError {
    /// Whether the failure is factlint's (a bug) rather than the input's.
    pub fn is_internal(&self) -> bool {
        matches!(self, CheckError::Panicked(_))
    }
}

impl std::fmt::Display for CheckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckError::TooLarge(error) => error.fmt(f),
            CheckError::Panicked(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for CheckError {}

/// The setups of a run, one per configuration file in use.
pub struct Setups {
    forced: Option<PathBuf>,
    by_config: HashMap<Option<PathBuf>, Arc<Setup>>,
    /// The configuration file found for each directory.
    discovered: HashMap<PathBuf, Option<PathBuf>>,
    rule_args: RuleArgs,
    date: Option<Date>,
    limits: Limits,
}

impl Setups {
    pub fn new(reading: &ReadingArgs, rule_args: &RuleArgs) -> Setups {
        Setups {
            forced: reading.config.clone(),
            by_config: HashMap::new(),
            discovered: HashMap::new(),
            rule_args: rule_args.clone(),
            date: reading.date,
            limits: reading.limits(),
        }
    }

    /// The setup for a story at `path`, a file (`None`: standard input, configured from the
    /// current directory), loading its configuration the first time.
    pub fn for_path(&mut self, path: Option<&Path>) -> Result<Arc<Setup>> {
        let config_path = match &self.forced {
            Some(forced) => Some(forced.clone()),
            None => {
                // Stories in one directory share their configuration: look it up once.
                let path = path.unwrap_or(Path::new("."));
                let dir = path.parent().unwrap_or(Path::new("."));
                self.discovered.entry(dir.to_path_buf()).or_insert_with(|| Config::discover(path)).clone()
            }
        };
        if let Some(setup) = self.by_config.get(&config_path) {
            return Ok(setup.clone());
        }
        let config = match &config_path {
            Some(file) => Config::load(file, self.limits.settings)?,
            None => Config::default(),
        };
        let setup = Arc::new(Setup::new(config, &self.rule_args, self.date, self.limits.settings)?);
        self.by_config.insert(config_path, setup.clone());
        Ok(setup)
    }

    /// Every rule any setup runs, once each, for printers that describe them.
    pub fn catalog(&self) -> Catalog<'_> {
        let mut rules: Vec<&Rule> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut setups: Vec<(&Option<PathBuf>, &Arc<Setup>)> = self.by_config.iter().collect();
        setups.sort_by(|a, b| a.0.cmp(b.0));
        for (_, setup) in setups {
            rules.extend(setup.rules.rules().iter().filter(|rule| seen.insert(rule.id())));
        }
        Catalog { rules }
    }
}

/// One user rule file on its own, read up to `limit` bytes.
pub fn rule_file(file: &Path, limit: u64) -> Result<RuleSet> {
    let text =
        read_settings(file, limit).with_context(|| format!("cannot read rule file {}", file.display()))?;
    let name = file.display().to_string();
    Ok(RuleSet::from_sources([(name.as_str(), text.as_str())])?)
}

/// Adds the rules of a user's file after `rules`; an id already in use is an error located in
/// that file.
pub fn add_rule_file(rules: &mut RuleSet, file: &Path, limit: u64) -> Result<()> {
    let text =
        read_settings(file, limit).with_context(|| format!("cannot read rule file {}", file.display()))?;
    Ok(rules.add_source(&file.display().to_string(), &text)?)
}

fn facts(file: &Path, limit: u64) -> Result<Vec<Fact>> {
    let text =
        read_settings(file, limit).with_context(|| format!("cannot read facts file {}", file.display()))?;
    Ok(parse_facts(&file.display().to_string(), &text)?)
}
