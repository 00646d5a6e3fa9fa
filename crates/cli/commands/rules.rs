//! `factlint rules list|test|explain`: the rules themselves, and their examples as tests.

use crate::Outcome;
use crate::cli::{RuleArgs, RulesCommand, TableFormat};
use crate::input::DEFAULT_SETTINGS_LIMIT;
use crate::pipeline::{add_rule_file, rule_file};
use anyhow::{Result, bail};
use factlint_rules::examples::run_examples;
use factlint_rules::schema::Example;
use factlint_rules::{Rule, RuleSet};
use serde::Serialize;
use std::io::Write;

pub fn run(command: &RulesCommand) -> Result<Outcome> {
    match command {
        RulesCommand::List { format, rules } => list(&all_rules(rules)?, *format),
        RulesCommand::Test { files } => test(files),
        RulesCommand::Explain { id, rules } => explain(&all_rules(rules)?, id),
    }
}

/// The built-in packs and the given rule files.
fn all_rules(args: &RuleArgs) -> Result<RuleSet> {
    let mut rules = RuleSet::builtin().map_err(|e| anyhow::anyhow!("built-in rules: {e}"))?;
    for file in &args.rule_files {
        add_rule_file(&mut rules, file, DEFAULT_SETTINGS_LIMIT)?;
    }
    Ok(rules)
}

/// A rule as `rules list --format json` prints it.
#[derive(Serialize)]
struct RuleRecord<'a> {
    id: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    check: Option<&'a str>,
    severity: &'static str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<&'a str>,
    origin: &'a str,
    examples: ExamplesRecord<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    swap: Option<&'a std::collections::BTreeMap<String, String>>,
}

#[derive(Serialize)]
struct ExamplesRecord<'a> {
    flag: Vec<&'a str>,
    pass: Vec<&'a str>,
}

impl<'a> RuleRecord<'a> {
    fn new(rule: &'a Rule) -> RuleRecord<'a> {
        let spec = &rule.spec;
        let texts = |examples: &'a [Example]| examples.iter().map(Example::text).collect();
        RuleRecord {
            id: &spec.id,
            kind: spec.kind.as_str(),
            check: spec.check.as_deref(),
            severity: spec.severity.as_str(),
            message: &spec.message,
            description: spec.description.as_deref(),
            link: spec.link.as_deref(),
            origin: &rule.origin,
            examples: ExamplesRecord { flag: texts(&spec.examples.flag), pass: texts(&spec.examples.pass) },
            swap: spec.swap.as_ref(),
        }
    }
}

fn list(rules: &RuleSet, format: TableFormat) -> Result<Outcome> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        TableFormat::Json => {
            let records: Vec<RuleRecord> = rules.rules().iter().map(RuleRecord::new).collect();
            serde_json::to_writer_pretty(&mut out, &records)?;
            writeln!(out)?;
        }
        TableFormat::Table => {
            let width = rules.rules().iter().map(|r| r.id().len()).max().unwrap_or(0);
            for rule in rules.rules() {
                writeln!(
                    out,
                    "{:width$}  {:7}  {}",
                    rule.id(),
                    rule.severity().as_str(),
                    rule.kind().as_str()
                )?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

fn test(files: &[std::path::PathBuf]) -> Result<Outcome> {
    let sets: Vec<RuleSet> = if files.is_empty() {
        vec![RuleSet::builtin().map_err(|e| anyhow::anyhow!("built-in rules: {e}"))?]
    } else {
        files.iter().map(|f| rule_file(f, DEFAULT_SETTINGS_LIMIT)).collect::<Result<_>>()?
    };
    let (mut rules, mut examples, mut failures) = (0, 0, Vec::new());
    for set in &sets {
        for rule in set.rules() {
            rules += 1;
            examples += rule.spec.examples.flag.len() + rule.spec.examples.pass.len();
            failures.extend(run_examples(rule));
        }
    }
    for failure in &failures {
        println!("FAIL {failure}");
    }
    println!("{rules} rules, {examples} examples, {} failures", failures.len());
    Ok(if failures.is_empty() { Outcome::Clean } else { Outcome::Findings })
}

fn explain(rules: &RuleSet, id: &str) -> Result<Outcome> {
    let Some(rule) = rules.get(id) else {
        let ids: Vec<&str> = rules.rules().iter().map(Rule::id).collect();
        match factlint_rules::nearest(id, &ids) {
            Some(near) => bail!("no rule `{id}`; did you mean `{near}`?"),
            None => bail!("no rule `{id}`; `factlint rules list` shows them all"),
        }
    };
    let spec = &rule.spec;
    let mut out = String::new();
    out.push_str(&format!(
        "{} ({} {}, from {})\n\n",
        spec.id,
        spec.severity.as_str(),
        spec.kind.as_str(),
        rule.origin
    ));
    if let Some(description) = &spec.description {
        out.push_str(description.trim());
        out.push_str("\n\n");
    }
    out.push_str(&format!("Message: {}\n", spec.message));
    if let Some(link) = &spec.link {
        out.push_str(&format!("See: {link}\n"));
    }
    out.push_str("\nFlags:\n");
    for example in &spec.examples.flag {
        out.push_str(&format!("  - {}\n", example.text()));
        if let Some(fixed) = example.fixed() {
            out.push_str(&format!("    fixed: {fixed}\n"));
        }
    }
    out.push_str("\nPasses:\n");
    for example in &spec.examples.pass {
        out.push_str(&format!("  - {}\n", example.text()));
    }
    print!("{out}");
    Ok(Outcome::Clean)
}
