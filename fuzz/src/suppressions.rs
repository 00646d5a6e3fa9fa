//! Suppression comments and accepted words: a finding on every word of the story, then the
//! story's `<!-- factlint-… -->` comments and a configuration's accepted words applied to them.

use crate::spans::{a_finding_on_every_token, assert_finding};
use factlint::config::Accepted;
use factlint::suppress::{UNUSED, apply};
use factlint_extract::{Document, Format, Options};

/// Rule ids the comments may name, whole or by pack.
const RULES: &[&str] = &["spelling.misspelling", "grammar.article", "consistency.figures", "dates.weekday"];

/// At most this many findings per story: the comments matter, not the number of words.
const MAX_FINDINGS: usize = 256;

/// The input as Markdown and as HTML (plain text has no comments).
pub fn suppressions(data: &[u8]) {
    let source = crate::text(data);
    let accepted = accepted();
    for format in [Format::Markdown, Format::Html] {
        let options = Options { format, ..Options::default() };
        let doc = Document::parse(source.as_ref(), &options).expect("a fuzz input is far below 4 GiB");
        let mut findings =
            a_finding_on_every_token(&doc, MAX_FINDINGS, |k| RULES[k % RULES.len()].to_string());
        let before = findings.len();
        apply(&doc, &mut findings, &accepted);
        let kept = findings.iter().filter(|f| f.rule != UNUSED).count();
        assert!(kept <= before, "suppressions added findings: {kept} from {before}");
        for finding in &findings {
            assert_finding(&doc, finding);
            doc.line_col(doc.to_source(finding.span).start);
        }
    }
}

/// Accepted words, one whose lower case is longer than itself.
fn accepted() -> Vec<Accepted> {
    let accept = |text: &str, rules: &[&str]| Accepted {
        text: text.to_string(),
        reason: "a name".to_string(),
        rules: rules.iter().map(|r| r.to_string()).collect(),
    };
    vec![accept("Winn Dixie", &[]), accept("İzmir", &["spelling.misspelling"]), accept("the the", &[])]
}
