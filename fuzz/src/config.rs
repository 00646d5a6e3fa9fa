//! `.factlint.yaml`: loading it, and asking it about every built-in rule, paths and accepted
//! words, as a run does for each story.

use crate::spans::{a_finding_on_every_token, assert_finding};
use factlint::config::Config;
use factlint::suppress::apply;
use factlint_extract::{Document, Format, Options};
use factlint_rules::RuleSet;
use std::path::Path;
use std::sync::LazyLock;

static BUILTIN: LazyLock<RuleSet> = LazyLock::new(|| {
    RuleSet::builtin().unwrap_or_else(|error| panic!("the built-in packs do not load: {error}"))
});

/// The story accepted words are looked for in, with a finding on every word.
const STORY: &str = "Winn-Dixie’s İzmir store sold 1,200 crates — “the the most ever”, the \
                     manager said. Straße works reopened; ǅemal Dizdar, 47, said so.\n";

/// Paths that overrides may match.
const PATHS: &[&str] = &["story.md", "archive/2024/story.md", "news/Straße.html", "a/b/c/d.txt", ""];

pub fn config(data: &[u8]) {
    let text = crate::text(data);
    let config = match Config::parse(Path::new("news/.factlint.yaml"), &text) {
        Ok(config) => config,
        Err(error) => {
            let _ = format!("{error:#}");
            return;
        }
    };
    let _ = (config.extra_rules(), config.facts());
    for rule in BUILTIN.rules() {
        config.runs(rule);
        for path in PATHS {
            config.severity_for(rule, Path::new(path));
        }
    }
    for path in PATHS {
        config.fail_on_for(Path::new(path));
    }

    let options = Options { format: Format::Markdown, ..Options::default() };
    let doc = Document::parse(STORY, &options).expect("a fixed story parses");
    let mut findings = a_finding_on_every_token(&doc, usize::MAX, |_| "spelling.misspelling".to_string());
    apply(&doc, &mut findings, &config.file.accept);
    for finding in &findings {
        assert_finding(&doc, finding);
    }
}
