//! A compiled rule: what was written in YAML, checked against its kind, and turned into the
//! matcher the engine runs.

use crate::checks::{
    Check, arithmetic::ArithmeticCheck, balance::BalanceCheck, confusion::Confusion,
    consistency::ConsistencyCheck, dates::DateCheck, pattern::Pattern, punctuation::PunctuationCheck,
    regex::RegexCheck, repetition::Repetition, spelling::Spelling, substitution::Substitution,
};
use crate::finding::{Applicability, Finding, Fix, Related, Severity};
use crate::load::{LoadError, locate, nearest};
use crate::schema::{Kind, RuleSpec};
use factlint_extract::Span;

mod validate;

/// A rule ready to run.
#[derive(Debug, Clone)]
pub struct Rule {
    pub spec: RuleSpec,
    /// The file the rule came from.
    pub origin: String,
    pub(crate) check: Check,
}

impl Rule {
    pub fn id(&self) -> &str {
        &self.spec.id
    }

    pub fn kind(&self) -> Kind {
        self.spec.kind
    }

    pub fn severity(&self) -> Severity {
        self.spec.severity
    }

    /// Compiles one rule read from `file` (whose text is `text`, for locating errors).
    pub fn compile(spec: RuleSpec, file: &str, text: &str) -> Result<Rule, LoadError> {
        let error = |field: Option<&str>, message: String| {
            let (line, column) = locate(text, &spec.id, field);
            LoadError {
                file: file.to_string(),
                line,
                column,
                // An id with control characters is shown escaped, never printed raw.
                rule: (!spec.id.is_empty()).then(|| spec.id.escape_debug().to_string()),
                field: field.map(str::to_string),
                message,
            }
        };
        validate::validate(&spec).map_err(|(field, message)| error(Some(field), message))?;
        let allowed = allowed_fields(spec.kind);
        for (field, present) in [
            ("swap", spec.swap.is_some()),
            ("context", spec.context.is_some()),
            ("pattern", spec.pattern.is_some()),
            ("replace", spec.replace.is_some()),
            ("regex", spec.regex.is_some()),
            ("allow", spec.allow.is_some()),
            ("tolerance", spec.tolerance.is_some()),
            ("minimum", spec.minimum.is_some()),
            ("check", spec.check.is_some()),
            ("sets", spec.sets.is_some()),
            ("factor", spec.factor.is_some()),
            ("stand-ins", spec.stand_ins.is_some()),
        ] {
            if present && !allowed.contains(&field) {
                return Err(error(
                    Some(field),
                    format!(
                        "kind `{}` does not take `{field}`; it takes: {}",
                        spec.kind.as_str(),
                        list(allowed)
                    ),
                ));
            }
        }
        let check_name = || -> Result<&str, LoadError> {
            let names = check_names(spec.kind);
            let name = spec.check.as_deref().ok_or_else(|| {
                error(
                    Some("check"),
                    format!("kind `{}` needs `check`, one of: {}", spec.kind.as_str(), list(names)),
                )
            })?;
            if names.contains(&name) {
                Ok(name)
            } else {
                let hint = nearest(name, names).map(|n| format!("; did you mean `{n}`?")).unwrap_or_default();
                Err(error(
                    Some("check"),
                    format!("unknown check `{name}`, expected one of: {}{hint}", list(names)),
                ))
            }
        };
        let check = match spec.kind {
            Kind::Substitution => {
                let swap = spec
                    .swap
                    .as_ref()
                    .ok_or_else(|| error(Some("swap"), "kind `substitution` needs `swap`".into()))?;
                Check::Substitution(Substitution::new(swap, spec.context.as_ref()))
            }
            Kind::Pattern => {
                let pattern = spec
                    .pattern
                    .as_ref()
                    .ok_or_else(|| error(Some("pattern"), "kind `pattern` needs `pattern`".into()))?;
                Check::Pattern(
                    Pattern::new(pattern, spec.replace.as_deref(), spec.context.as_ref())
                        .map_err(|(field, message)| error(Some(field), message))?,
                )
            }
            Kind::Regex => {
                let pattern = spec
                    .regex
                    .as_deref()
                    .ok_or_else(|| error(Some("regex"), "kind `regex` needs `regex`".into()))?;
                let check = RegexCheck::new(pattern, spec.replace.as_deref())
                    .map_err(|message| error(Some("regex"), message))?;
                if let Some(replace) = &spec.replace {
                    let names: Vec<&str> = check.regex.capture_names().flatten().collect();
                    validate::regex_replacement(replace, check.regex.captures_len(), &names)
                        .map_err(|message| error(Some("replace"), message))?;
                }
                Check::Regex(check)
            }
            Kind::Repetition => Check::Repetition(Repetition::new(spec.allow.as_deref().unwrap_or_default())),
            Kind::Articles => Check::Articles,
            Kind::Spelling => Check::Spelling(Spelling::new(spec.allow.as_deref().unwrap_or_default())),
            Kind::Balance => Check::Balance(BalanceCheck::from_name(check_name()?)),
            Kind::Punctuation => Check::Punctuation(PunctuationCheck::from_name(check_name()?)),
            Kind::Consistency => Check::Consistency(ConsistencyCheck::from_name(check_name()?)),
            Kind::Arithmetic => Check::Arithmetic(ArithmeticCheck::from_name(check_name()?)),
            Kind::Dates => Check::Dates(DateCheck::from_name(check_name()?)),
            Kind::Facts => Check::Facts,
            Kind::Confusion => {
                let sets = spec
                    .sets
                    .as_deref()
                    .ok_or_else(|| error(None, "kind `confusion` needs `sets`".into()))?;
                Check::Confusion(
                    Confusion::new(sets, spec.factor, spec.stand_ins.as_ref())
                        .map_err(|message| error(Some("sets"), message))?,
                )
            }
        };
        Ok(Rule { spec, origin: file.to_string(), check })
    }

    /// A finding of this rule at `span`: the message template filled with `vars`, and a fix
    /// replacing the span when the rule allows one and a replacement is known.
    pub(crate) fn finding(&self, span: Span, vars: &[(&str, &str)], replacement: Option<String>) -> Finding {
        let fixes = match (replacement, self.spec.fix.applicability()) {
            (Some(text), Some(applicability)) => vec![Fix::replace(span, text, applicability)],
            _ => Vec::new(),
        };
        Finding {
            rule: self.spec.id.clone(),
            severity: self.spec.severity,
            span,
            message: fill(&self.spec.message, vars),
            fixes,
            related: Vec::new(),
        }
    }

    /// Like [`Rule::finding`], with several alternative replacements, the first `preferred`.
    pub(crate) fn finding_with_choices(
        &self,
        span: Span,
        vars: &[(&str, &str)],
        replacements: &[String],
        preferred: Applicability,
    ) -> Finding {
        let mut finding = self.finding(span, vars, None);
        if let Some(rule_applicability) = self.spec.fix.applicability() {
            let applicability = preferred.max(rule_applicability);
            finding.fixes =
                replacements.iter().map(|r| Fix::replace(span, r.clone(), applicability)).collect();
        }
        finding
    }

    /// Adds a related place to a finding.
    pub(crate) fn with_related(mut finding: Finding, span: Span, message: String) -> Finding {
        finding.related.push(Related { span, message });
        finding
    }
}

/// Fills `{name}` placeholders; unknown names stay as written.
pub(crate) fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match vars.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn list(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// The kind-specific fields each kind takes.
fn allowed_fields(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Substitution => &["swap", "context"],
        Kind::Pattern => &["pattern", "replace", "context"],
        Kind::Regex => &["regex", "replace"],
        Kind::Repetition | Kind::Spelling => &["allow"],
        Kind::Articles | Kind::Facts => &[],
        Kind::Balance | Kind::Punctuation => &["check"],
        Kind::Dates => &["check", "tolerance"],
        Kind::Consistency => &["check", "tolerance", "minimum"],
        Kind::Arithmetic => &["check", "tolerance"],
        Kind::Confusion => &["sets", "factor", "stand-ins"],
    }
}

/// The built-in checks of each kind that has several.
pub(crate) fn check_names(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Balance => BalanceCheck::NAMES,
        Kind::Punctuation => PunctuationCheck::NAMES,
        Kind::Consistency => ConsistencyCheck::NAMES,
        Kind::Arithmetic => ArithmeticCheck::NAMES,
        Kind::Dates => DateCheck::NAMES,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_rules;

    fn compile(text: &str) -> Result<Rule, LoadError> {
        let spec = parse_rules("x.yaml", text)?.remove(0);
        Rule::compile(spec, "x.yaml", text)
    }

    #[test]
    fn templates_fill_known_names() {
        assert_eq!(
            fill("“{found}” for “{replacement}” {x}", &[("found", "a"), ("replacement", "b")]),
            "“a” for “b” {x}"
        );
    }

    #[test]
    fn a_field_of_another_kind_is_located() {
        let error = compile("- id: r\n  kind: repetition\n  message: m\n  swap: {a: b}\n").unwrap_err();
        assert_eq!((error.line, error.field.as_deref()), (Some(4), Some("swap")));
        assert!(error.message.contains("does not take `swap`"), "{error}");
    }

    #[test]
    fn an_unknown_check_suggests_the_nearest() {
        let error = compile("- id: r\n  kind: dates\n  check: weekdya\n  message: m\n").unwrap_err();
        assert!(error.message.contains("did you mean `weekday`?"), "{error}");
        assert_eq!(error.line, Some(3));
    }

    #[test]
    fn a_broken_regex_is_located() {
        let error = compile("- id: r\n  kind: regex\n  message: m\n  regex: \"(unclosed\"\n").unwrap_err();
        assert_eq!((error.line, error.field.as_deref()), (Some(4), Some("regex")));
    }

    #[test]
    fn a_kind_without_its_required_field_is_an_error() {
        let error = compile("- id: r\n  kind: substitution\n  message: m\n").unwrap_err();
        assert!(error.message.contains("needs `swap`"));
    }
}
