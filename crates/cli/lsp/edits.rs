//! The text edits behind the code actions that are not a rule's own fix: adding a word to the
//! configuration's `accept:` list, and the comment that switches a rule off for the next line.
//! Both are plain text edits, so the user sees them in the editor and can undo them.

/// The reason written beside a word accepted from the editor; the desk can reword it.
pub const ACCEPT_REASON: &str = "accepted in the editor";

/// An insertion or replacement in a text: `[start, end)` becomes `text`.
#[derive(Debug, PartialEq, Eq)]
pub struct Splice {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Adds `word` (accepted for `rule`) to the `accept:` list of a configuration's text. `None`
/// when the list is written in flow style with items (`accept: [..]`), which this does not
/// rewrite.
pub fn accept_word(config: &str, word: &str, rule: &str) -> Option<Splice> {
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let entry = |indent: &str| {
        format!(
            "{indent}- text: {}\n{indent}  reason: {}\n{indent}  rules: [{}]\n",
            quoted(word),
            quoted(ACCEPT_REASON),
            quoted(rule)
        )
    };
    let mut offset = 0;
    for line in config.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let Some(rest) = line.strip_prefix("accept:") else { continue };
        let value = rest.split('#').next().unwrap_or("").trim();
        let line_end = if line.ends_with('\n') { offset } else { config.len() };
        return match value {
            "" => {
                let after = &config[line_end..];
                let indent = after
                    .lines()
                    .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                    .filter(|l| l.starts_with([' ', '-']))
                    .map(|l| &l[..l.len() - l.trim_start().len()])
                    .unwrap_or("  ");
                let newline = if line.ends_with('\n') { "" } else { "\n" };
                Some(Splice { start: line_end, end: line_end, text: format!("{newline}{}", entry(indent)) })
            }
            "[]" => Some(Splice { start, end: line_end, text: format!("accept:\n{}", entry("  ")) }),
            _ => None,
        };
    }
    let newline = if config.is_empty() || config.ends_with('\n') { "" } else { "\n" };
    Some(Splice {
        start: config.len(),
        end: config.len(),
        text: format!("{newline}accept:\n{}", entry("  ")),
    })
}

/// The Markdown and HTML comment that switches `rule` off for the line after it.
pub fn disable_next_line(rule: &str) -> String {
    format!("<!-- factlint-disable-next-line {rule} -->\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ConfigFile;

    fn accepted(config: &str) -> ConfigFile {
        let splice = accept_word(config, "Westhaven", "spelling.misspelling").unwrap();
        let mut text = config.to_string();
        text.replace_range(splice.start..splice.end, &splice.text);
        factlint_rules::parse_located("c.yaml", &text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    #[test]
    fn a_word_joins_an_existing_list_in_its_indentation() {
        let file = accepted(
            "fail_on: error\naccept:\n    - text: \"Osei\"\n      reason: a name\nmin_severity: info\n",
        );
        let words: Vec<&str> = file.accept.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(words, ["Westhaven", "Osei"]);
        assert_eq!(file.accept[0].rules, ["spelling.misspelling"]);
        assert_eq!(file.accept[0].reason, ACCEPT_REASON);
    }

    #[test]
    fn an_empty_or_missing_list_is_written() {
        assert_eq!(accepted("accept: []\nfail_on: error\n").accept.len(), 1);
        assert_eq!(accepted("fail_on: error").accept.len(), 1);
        assert_eq!(accepted("").accept.len(), 1);
        assert_eq!(accepted("accept:   # words the desk allows\n").accept.len(), 1);
    }

    #[test]
    fn flow_lists_with_items_are_left_alone() {
        assert_eq!(accept_word("accept: [{text: a, reason: b}]\n", "w", "r"), None);
    }
}
