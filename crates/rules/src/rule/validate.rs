//! Checks on the values of a rule as written, before it is compiled: a value the YAML types
//! accept but the rule cannot use (an empty id, a tolerance that is not a number, a placeholder
//! its message can never fill) is an error naming the field, never a rule that silently does
//! nothing or prints its template as written.

use crate::schema::{Kind, RuleSpec};

/// The widest `context.within` window, in words either side: a sentence rarely holds more.
pub(crate) const MAX_WITHIN: usize = 50;
/// The largest `tolerance`, in percentage points (or percent of the figure).
pub(crate) const MAX_TOLERANCE: f64 = 100.0;

/// A value at fault: the field (`context.within`) and what is wrong with it.
pub(crate) type Invalid = (&'static str, String);

/// Checks every value of `spec` whose type alone does not make it valid.
pub(crate) fn validate(spec: &RuleSpec) -> Result<(), Invalid> {
    id(&spec.id).map_err(|message| ("id", message))?;
    non_empty(&spec.message).map_err(|message| ("message", message))?;
    placeholders(&spec.message, names(spec.kind)).map_err(|message| ("message", message))?;
    if let Some(description) = &spec.description {
        non_empty(description).map_err(|message| ("description", message))?;
    }
    if let Some(link) = &spec.link
        && (link.trim().is_empty() || link.chars().any(|c| c.is_whitespace() || c.is_control()))
    {
        return Err(("link", "a link is a URL, without spaces".into()));
    }
    if let Some(tolerance) = spec.tolerance
        && !(0.0..=MAX_TOLERANCE).contains(&tolerance)
    {
        let shown = if tolerance.abs() >= 1e6 { format!("{tolerance:e}") } else { tolerance.to_string() };
        return Err(("tolerance", format!("must be a number from 0 to {MAX_TOLERANCE}, not {shown}")));
    }
    if let Some(swap) = &spec.swap {
        if swap.is_empty() {
            return Err(("swap", "needs at least one `found: replacement` pair".into()));
        }
        for (found, replacement) in swap {
            words(std::slice::from_ref(found)).map_err(|message| ("swap", message))?;
            words(std::slice::from_ref(replacement)).map_err(|message| ("swap", message))?;
        }
    }
    if let Some(allow) = &spec.allow {
        words(allow).map_err(|message| ("allow", message))?;
    }
    if let Some(context) = &spec.context {
        if let Some(within) = context.within
            && !(1..=MAX_WITHIN).contains(&within)
        {
            return Err(("context.within", format!("must be from 1 to {MAX_WITHIN} words, not {within}")));
        }
        for (field, list) in [
            ("context.before", &context.before),
            ("context.after", &context.after),
            ("context.near", &context.near),
            ("context.unless", &context.unless),
            ("context.unless_before", &context.unless_before),
            ("context.unless_after", &context.unless_after),
        ] {
            words(list).map_err(|message| (field, message))?;
        }
    }
    Ok(())
}

/// A rule id: words of letters, digits, `-` and `_`, joined by single dots (`desk.house-style`).
fn id(id: &str) -> Result<(), String> {
    let fine = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    if id.is_empty() {
        return Err("the id is empty".into());
    }
    if let Some(c) = id.chars().find(|&c| !fine(c) && c != '.') {
        return Err(format!(
            "the id {:?} has the character {c:?}; an id is words of letters, digits, `-` and `_` joined by dots",
            id
        ));
    }
    if id.split('.').any(str::is_empty) {
        return Err(format!("the id {id:?} has an empty part between dots"));
    }
    Ok(())
}

fn non_empty(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("is empty".into());
    }
    if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err("has a control character".into());
    }
    Ok(())
}

/// Words and phrases to match: none empty, none with control characters.
fn words(list: &[String]) -> Result<(), String> {
    for word in list {
        if word.trim().is_empty() {
            return Err("has an empty word".into());
        }
        if word.chars().any(char::is_control) {
            return Err(format!("{word:?} has a control character"));
        }
    }
    Ok(())
}

/// Every `{name}` in a message must be one the rule's kind fills.
fn placeholders(message: &str, known: &[&str]) -> Result<(), String> {
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or_else(|| format!("an unclosed `{{` in {message:?}"))?;
        let name = &after[..close];
        if !known.contains(&name) {
            let hint = crate::load::nearest(name, known)
                .map(|n| format!("did you mean `{{{n}}}`? "))
                .unwrap_or_default();
            let list = known.iter().map(|n| format!("`{{{n}}}`")).collect::<Vec<_>>().join(", ");
            return Err(format!("unknown placeholder `{{{name}}}`; {hint}this kind fills {list}"));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

/// The placeholders each kind fills in its messages.
fn names(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Substitution | Kind::Pattern | Kind::Spelling => &["found", "replacement"],
        Kind::Regex | Kind::Repetition | Kind::Punctuation => &["found"],
        Kind::Articles => &["found", "replacement", "next"],
        Kind::Balance => &["problem"],
        Kind::Consistency => &["found", "first", "why"],
        Kind::Arithmetic => {
            &["part", "share", "whole", "actual", "stated", "direction", "old", "new", "total", "sum", "from"]
        }
        Kind::Dates => {
            &["date", "written", "actual", "reference", "when", "wants", "month", "days", "day", "side"]
        }
        Kind::Facts => &["found", "entity", "value", "subject", "source"],
        Kind::Confusion => &["found", "replacement", "evidence"],
    }
}

/// A regex rule's `replace`: `$1`, `$name` and `${name}` must name groups of the expression
/// (`groups`: how many, and their names); `$$` is a dollar sign. The regex crate would turn an
/// unknown group into nothing (so `$2x` deletes the match) and leave an unclosed `${` as
/// written.
pub(crate) fn regex_replacement(template: &str, groups: usize, names: &[&str]) -> Result<(), String> {
    let bytes = template.as_bytes();
    let mut at = 0;
    while let Some(offset) = template[at..].find('$') {
        let dollar = at + offset;
        let rest = &template[dollar + 1..];
        let (name, next) = if rest.starts_with('$') {
            at = dollar + 2;
            continue;
        } else if let Some(braced) = rest.strip_prefix('{') {
            let close = braced.find('}').ok_or_else(|| format!("an unclosed `${{` in {template:?}"))?;
            (&braced[..close], dollar + 2 + close + 1)
        } else {
            let len = rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
            (&rest[..len], dollar + 1 + len)
        };
        if name.is_empty() {
            return Err(format!(
                "a `$` with no group after it in {template:?}; write `$$` for a dollar sign"
            ));
        }
        let exists = match name.parse::<usize>() {
            Ok(index) => index < groups,
            Err(_) => names.contains(&name),
        };
        if !exists {
            let digits = name.bytes().take_while(u8::is_ascii_digit).count();
            let hint = if digits > 0 && digits < name.len() && bytes[dollar + 1] != b'{' {
                format!(
                    "; for group {} followed by `{}`, write `${{{}}}{}`",
                    &name[..digits],
                    &name[digits..],
                    &name[..digits],
                    &name[digits..]
                )
            } else {
                String::new()
            };
            return Err(format!("`{}` names no group of the expression{hint}", &template[dollar..next]));
        }
        at = next;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_words_joined_by_dots() {
        assert!(id("desk.house-style_2").is_ok());
        assert!(id("").is_err());
        assert!(id("desk.\nx").unwrap_err().contains("'\\n'"));
        assert!(id("desk..x").is_err());
        assert!(id("desk x").is_err());
    }

    #[test]
    fn placeholders_must_be_filled_by_the_kind() {
        assert!(placeholders("“{found}” for “{replacement}”", names(Kind::Substitution)).is_ok());
        let error = placeholders("{fond}", names(Kind::Substitution)).unwrap_err();
        assert!(error.contains("did you mean `{found}`?"), "{error}");
        assert!(placeholders("{found", names(Kind::Regex)).unwrap_err().contains("unclosed"));
    }

    #[test]
    fn regex_replacements_name_groups_that_exist() {
        assert!(regex_replacement("$1 and ${mark}, $$5", 2, &["mark"]).is_ok());
        let error = regex_replacement("$2x", 2, &["mark"]).unwrap_err();
        assert!(error.contains("`$2x` names no group") && error.contains("write `${2}x`"), "{error}");
        assert!(regex_replacement("${mark", 2, &["mark"]).unwrap_err().contains("unclosed"));
        assert!(regex_replacement("costs $", 1, &[]).unwrap_err().contains("`$$`"));
        assert!(regex_replacement("$2", 2, &[]).is_err());
    }
}
