//! Reading rule files, with errors a writer can act on: every error names the file, line and
//! column, the rule and the field, and suggests the nearest valid name for a typo ("unknown
//! field `sevrity`, did you mean `severity`?").

use crate::schema::RuleSpec;
use std::fmt;

mod shape;

/// A rule file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The id of the rule at fault, when known.
    pub rule: Option<String>,
    /// The field at fault (`severity`, `context.near`), when known.
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        f.write_str(": ")?;
        if let Some(rule) = &self.rule {
            write!(f, "rule `{rule}`: ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for LoadError {}

/// Parses the rules of one YAML file.
pub fn parse_rules(file: &str, text: &str) -> Result<Vec<RuleSpec>, LoadError> {
    parse_yaml(file, text, rule_ids)
}

/// Parses a YAML document (a configuration, a facts sheet) into `T`, with located errors and
/// "did you mean" hints for misspelt keys.
pub fn parse_located<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    parse_yaml(file, text, |_| Vec::new())
}

/// Parses any YAML document into `T`, turning serde errors into located [`LoadError`]s;
/// `ids` names the item at a top-level index for messages.
pub(crate) fn parse_yaml<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
    ids: fn(&str) -> Vec<Option<String>>,
) -> Result<T, LoadError> {
    shape::check(text).map_err(|error| LoadError {
        file: file.to_string(),
        line: Some(error.line),
        column: Some(error.column),
        rule: None,
        field: None,
        message: error.message,
    })?;
    let deserializer = serde_yaml::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = FieldPath::of(error.path());
        let rule = path.item.and_then(|i| ids(text).get(i).cloned().flatten());
        // Inside a named item (a rule, a fact) the field is the item's own; elsewhere the whole
        // path names it (`accept.reason`).
        let field = if rule.is_some() { path.within_item() } else { path.whole() };
        let yaml = error.inner();
        let location = yaml.location();
        let detail = message_only(&yaml.to_string());
        let (field, detail) = refine_unknown(field, explain_untagged(detail));
        let (field, detail) = (name_missing(field, &detail), plain_types(detail));
        LoadError {
            file: file.to_string(),
            line: location.as_ref().map(|l| l.line() as u32),
            column: location.as_ref().map(|l| l.column() as u32),
            rule,
            field,
            message: detail,
        }
    })
}

/// Where an error lies, from the structured path serde recorded while reading: the first list
/// index is the item at fault (a rule, a fact), and the mapping keys name the field.
#[derive(Debug, Default, PartialEq, Eq)]
struct FieldPath {
    item: Option<usize>,
    /// Keys before the item's index (`facts`).
    outer: Vec<String>,
    /// Keys inside the item (`context`, `near`).
    inner: Vec<String>,
}

impl FieldPath {
    fn of(path: &serde_path_to_error::Path) -> FieldPath {
        use serde_path_to_error::Segment;
        let mut found = FieldPath::default();
        for segment in path.iter() {
            match segment {
                Segment::Seq { index } if found.item.is_none() => found.item = Some(*index),
                Segment::Map { key } if found.item.is_none() => found.outer.push(key.clone()),
                Segment::Map { key } => found.inner.push(key.clone()),
                Segment::Seq { .. } | Segment::Enum { .. } | Segment::Unknown => {}
            }
        }
        found
    }

    /// `context.near` in a rule.
    fn within_item(&self) -> Option<String> {
        (!self.inner.is_empty()).then(|| self.inner.join("."))
    }

    /// `facts.source`, `accept.reason`.
    fn whole(&self) -> Option<String> {
        let keys: Vec<&str> = self.outer.iter().chain(&self.inner).map(String::as_str).collect();
        (!keys.is_empty()).then(|| keys.join("."))
    }
}

/// The YAML library's message without the path and position it prints into it: both are
/// taken from their structured forms instead.
fn message_only(shown: &str) -> String {
    let mut message = shown;
    if let Some(at) = message.rfind(" at line ") {
        message = &message[..at];
    }
    match message.split_once(": ") {
        Some((path, rest)) if !path.is_empty() && !path.contains([' ', '`', '"', '\'']) => rest.to_string(),
        _ => message.to_string(),
    }
}

/// The ids of the rules in a file, read leniently so that a broken rule can still be named.
fn rule_ids(text: &str) -> Vec<Option<String>> {
    let values: Vec<serde_yaml::Value> = serde_yaml::from_str(text).unwrap_or_default();
    values.iter().map(|v| v.get("id").and_then(|id| id.as_str()).map(str::to_string)).collect()
}

/// serde's message for a value that fits none of a field's shapes names a Rust type; say what
/// the shapes are instead.
fn explain_untagged(detail: String) -> String {
    if detail.contains("untagged enum Element") {
        "a pattern element is a word (`to`), a list of words (`[a, an]`), or a mapping with \
         `word`, `any`, `suffix`, `not`, `capitalised`, `mark` and `capture`"
            .to_string()
    } else if detail.contains("untagged enum Example") {
        "an example is a text, or a mapping with `text` and optionally `fixed`, `date` and `facts`"
            .to_string()
    } else {
        detail
    }
}

/// "missing field `kind`" and "duplicate field `message`" are about that field.
fn name_missing(field: Option<String>, detail: &str) -> Option<String> {
    let named = detail.strip_prefix("missing field `").or_else(|| detail.strip_prefix("duplicate field `"));
    match named.and_then(|rest| rest.split('`').next()) {
        Some(name) => Some(match field {
            Some(parent) => format!("{parent}.{name}"),
            None => name.to_string(),
        }),
        None => field,
    }
}

/// serde names Rust types in its messages (`expected usize`, `expected struct RuleSpec`); say
/// what a writer of YAML would call them.
fn plain_types(detail: String) -> String {
    let mut detail = detail.replace(" as u128", "").replace(" as i128", "");
    for (rust, plain) in [
        ("expected struct RuleSpec", "expected a rule: a mapping with `id`, `kind` and `message`"),
        ("expected struct ConfigFile", "expected a mapping of settings (`rules:`, `packs:`, …)"),
        ("expected usize", "expected a whole number"),
        ("expected u32", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected a sequence", "expected a list"),
        ("expected a map", "expected a mapping"),
    ] {
        detail = detail.replace(rust, plain);
    }
    detail
}

/// For "unknown field `x`, expected one of `a`, `b`" and "unknown variant `x`, expected one of
/// …", names the offending field and adds the nearest valid name.
fn refine_unknown(field: Option<String>, detail: String) -> (Option<String>, String) {
    let unknown_field = detail.starts_with("unknown field `");
    let unknown_variant = detail.starts_with("unknown variant `");
    if !unknown_field && !unknown_variant {
        return (field, detail);
    }
    let found = detail.split('`').nth(1).unwrap_or_default().to_string();
    let expected: Vec<&str> = detail
        .split_once("expected")
        .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
        .unwrap_or_default();
    // The recorded path ends at the unknown key itself; name it when it does not.
    let field = match field {
        Some(path) if unknown_field && path.rsplit('.').next() != Some(found.as_str()) => {
            Some(format!("{path}.{found}"))
        }
        None if unknown_field => Some(found.clone()),
        field => field,
    };
    let detail = match nearest(&found, &expected) {
        Some(best) => format!("{detail}; did you mean `{best}`?"),
        None => detail,
    };
    (field, detail)
}

/// The candidate closest to `found`, if it is close enough to be a typo.
pub fn nearest<'a>(found: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(found, c), *c))
        .filter(|&(distance, candidate)| distance <= 2.max(candidate.len() / 4) && distance < candidate.len())
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, c)| c)
}

/// The 1-based line and column of `field` (`context.within`: `within:` under `context:`) in
/// the rule `rule` of a YAML text, for errors found after parsing (a field the rule's kind does
/// not take, a value out of range). The rule's `id:` when the field cannot be found.
pub(crate) fn locate(text: &str, rule: &str, field: Option<&str>) -> (Option<u32>, Option<u32>) {
    let lines: Vec<&str> = text.lines().collect();
    let id_line = lines.iter().position(|line| {
        let trimmed = line.trim_start().trim_start_matches("- ").trim_start();
        trimmed.strip_prefix("id:").is_some_and(|v| v.trim().trim_matches(['"', '\'']) == rule)
    });
    let Some(id_index) = id_line else { return (None, None) };
    let column_of = |line: &str, at: usize| line[..at].chars().count() as u32 + 1;
    let mut found = (id_index, lines[id_index].find("id:").map_or(1, |at| column_of(lines[id_index], at)));
    let Some(field) = field.filter(|&f| f != "id") else {
        return (Some(found.0 as u32 + 1), Some(found.1));
    };
    let item_end = lines
        .iter()
        .enumerate()
        .skip(id_index + 1)
        .find(|(_, line)| line.trim_start().starts_with("- id:"))
        .map_or(lines.len(), |(index, _)| index);
    let mut from = id_index;
    for key in field.split('.') {
        let key = format!("{key}:");
        let hit = (from..item_end).find_map(|index| key_at(lines[index], &key).map(|at| (index, at)));
        match hit {
            Some((index, at)) => {
                found = (index, column_of(lines[index], at));
                from = index;
            }
            None => break,
        }
    }
    (Some(found.0 as u32 + 1), Some(found.1))
}

/// Where `key` (with its colon) stands as a mapping key on `line`.
fn key_at(line: &str, key: &str) -> Option<usize> {
    line.match_indices(key)
        .map(|(at, _)| at)
        .find(|&at| at == 0 || matches!(line.as_bytes()[at - 1], b' ' | b'{' | b',' | b'-'))
}

/// The 1-based line and column of the `index`-th item of a top-level YAML list, for a rule
/// whose id cannot be found in the text as written (an escaped or empty id).
pub(crate) fn locate_item(text: &str, index: usize) -> (Option<u32>, Option<u32>) {
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.starts_with("- ") || *line == "-")
        .nth(index)
        .map_or((None, None), |(line, _)| (Some(line as u32 + 1), Some(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_field_is_located_and_corrected() {
        let text = "- id: a.b\n  kind: repetition\n  message: doubled\n  sevrity: error\n";
        let error = parse_rules("x.yaml", text).unwrap_err();
        assert_eq!((error.line, error.column), (Some(4), Some(3)));
        assert_eq!(error.rule.as_deref(), Some("a.b"));
        assert_eq!(error.field.as_deref(), Some("sevrity"));
        assert!(error.message.ends_with("did you mean `severity`?"), "{error}");
    }

    #[test]
    fn a_bad_value_names_its_field_and_line() {
        let text = "- id: a.b\n  kind: repetition\n  message: m\n- id: c.d\n  kind: repetition\n  severity: fatal\n  message: m\n";
        let error = parse_rules("x.yaml", text).unwrap_err();
        assert_eq!((error.line, error.column), (Some(6), Some(13)));
        assert_eq!(error.rule.as_deref(), Some("c.d"));
        assert_eq!(error.field.as_deref(), Some("severity"));
        let shown = error.to_string();
        assert!(
            shown.starts_with("x.yaml:6:13: rule `c.d`: field `severity`: unknown variant `fatal`"),
            "{shown}"
        );
    }

    #[test]
    fn broken_yaml_is_located() {
        let error = parse_rules("x.yaml", "- id: [unclosed\n").unwrap_err();
        assert!(error.line.is_some());
    }

    #[test]
    fn paths_name_fields() {
        let error = parse_rules(
            "x.yaml",
            "- id: a\n  kind: repetition\n  message: m\n  context: {near: [x], within: -1}\n",
        )
        .unwrap_err();
        assert_eq!(error.rule.as_deref(), Some("a"));
        assert_eq!(error.field.as_deref(), Some("context.within"), "{error}");
        let unnamed =
            parse_rules("x.yaml", "- kind: repetition\n  message: m\n  severity: loud\n").unwrap_err();
        assert_eq!((unnamed.rule, unnamed.field.as_deref()), (None, Some("severity")));
    }

    #[test]
    fn fields_are_found_in_their_rule() {
        let text = "- id: a\n  kind: x\n- id: b\n  kind: y\n  swap: {}\n";
        assert_eq!(locate(text, "b", Some("swap")), (Some(5), Some(3)));
        assert_eq!(locate(text, "a", Some("swap")), (Some(1), Some(3)));
        let nested = "- id: a\n  context:\n    near: [x]\n    within: 0\n";
        assert_eq!(locate(nested, "a", Some("context.within")), (Some(4), Some(5)));
        assert_eq!(locate_item(nested, 0), (Some(1), Some(1)));
    }
}
