//! The engine: a set of compiled rules, indexed so that one pass over a story's tokens runs
//! every word rule, followed by the paragraph and claim checks.

use crate::checks::{Bounds, Check, Input, arithmetic, articles, facts, spelling};
use crate::finding::{Applicability, Finding};
use crate::load::{LoadError, parse_rules};
use crate::rule::Rule;
use crate::schema::RuleSpec;
use crate::text::match_case;
use factlint_extract::{Lower, TokenKind};
use rustc_hash::FxHashMap;
use std::sync::Mutex;

/// Packs parsed ahead by [`RuleSet::warm_up_packs`], waiting for [`RuleSet::builtin`].
static WARMED: Mutex<Option<Result<RuleSet, LoadError>>> = Mutex::new(None);

/// What a word in the index sets off.
#[derive(Debug, Clone, Copy)]
enum Trigger {
    Swap { rule: usize, swap: usize },
    Pattern { rule: usize },
}

/// Compiled rules, ready to check any number of stories.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    triggers: FxHashMap<String, Vec<Trigger>>,
    spelling: Vec<usize>,
    repetition: Vec<usize>,
    articles: Vec<usize>,
    whole_document: Vec<usize>,
    /// Regex rules, and one set of all their expressions to skip paragraphs none can match.
    regexes: Vec<usize>,
    regex_set: Option<regex::RegexSet>,
}

impl RuleSet {
    pub fn new(rules: Vec<Rule>) -> RuleSet {
        let mut set = RuleSet { rules, ..RuleSet::default() };
        set.index();
        set
    }

    /// Rules from YAML sources: `(file name, text)` pairs. Rule ids must be unique.
    pub fn from_sources<'a>(
        sources: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<RuleSet, LoadError> {
        RuleSet::assemble(sources.into_iter().map(|(file, text)| ((file, text), parse_rules(file, text))))
    }

    /// Compiles parsed rules in file order, checking that ids are unique. `text` is each file's
    /// source, for locating errors.
    fn assemble<'a>(
        parsed: impl IntoIterator<Item = ((&'a str, &'a str), Result<Vec<RuleSpec>, LoadError>)>,
    ) -> Result<RuleSet, LoadError> {
        let mut rules: Vec<Rule> = Vec::new();
        let mut origins: FxHashMap<String, String> = FxHashMap::default();
        for ((file, text), specs) in parsed {
            for spec in specs? {
                if let Some(existing) = origins.get(&spec.id) {
                    let (line, column) = crate::load::locate(text, &spec.id, None);
                    return Err(LoadError {
                        file: file.to_string(),
                        line,
                        column,
                        rule: Some(spec.id.clone()),
                        field: Some("id".into()),
                        message: format!("the id is already used by a rule in {existing}"),
                    });
                }
                origins.insert(spec.id.clone(), file.to_string());
                rules.push(Rule::compile(spec, file, text)?);
            }
        }
        Ok(RuleSet::new(rules))
    }

    /// The built-in packs: the ones [`RuleSet::warm_up_packs`] loaded ahead, else loaded now.
    pub fn builtin() -> Result<RuleSet, LoadError> {
        let warmed = WARMED.lock().ok().and_then(|mut slot| slot.take());
        warmed.unwrap_or_else(RuleSet::load_builtin)
    }

    /// Loads the built-in packs from their JSON form, falling back to the YAML (and its located
    /// errors) for a pack whose JSON is missing or does not read.
    fn load_builtin() -> Result<RuleSet, LoadError> {
        RuleSet::assemble(crate::builtin::PACKS.iter().map(|pack| {
            let specs = serde_json::from_str::<Vec<RuleSpec>>(pack.json)
                .or_else(|_| parse_rules(pack.file, pack.yaml));
            ((pack.file, pack.yaml), specs)
        }))
    }

    /// Loads the built-in packs now, for [`RuleSet::builtin`] to take: a run does this on
    /// another thread while it looks for the stories to check.
    pub fn warm_up_packs() {
        let loaded = RuleSet::load_builtin();
        if let Ok(mut slot) = WARMED.lock() {
            *slot = Some(loaded);
        }
    }

    /// Builds the spelling table now rather than at the first look-up.
    pub fn warm_up_spelling() {
        crate::checks::spelling::warm_up();
    }

    /// Adds rules (from a user's files) after the ones already here.
    pub fn extend(&mut self, other: RuleSet) -> Result<(), LoadError> {
        for rule in other.rules {
            if let Some(existing) = self.rules.iter().find(|r| r.id() == rule.id()) {
                return Err(LoadError {
                    file: rule.origin.clone(),
                    line: None,
                    column: None,
                    rule: Some(rule.id().to_string()),
                    field: Some("id".into()),
                    message: format!("the id is already used by a rule in {}", existing.origin),
                });
            }
            self.rules.push(rule);
        }
        self.index();
        Ok(())
    }

    /// Keeps the rules `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&Rule) -> bool) {
        self.rules.retain(keep);
        self.index();
    }

    /// Changes rules in place (severity overrides).
    pub fn rules_mut(&mut self) -> &mut [Rule] {
        &mut self.rules
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id() == id)
    }

    fn index(&mut self) {
        self.triggers.clear();
        self.spelling.clear();
        self.repetition.clear();
        self.articles.clear();
        self.whole_document.clear();
        self.regexes.clear();
        for (index, rule) in self.rules.iter().enumerate() {
            match &rule.check {
                Check::Substitution(substitution) => {
                    for (swap, (phrase, _)) in substitution.swaps.iter().enumerate() {
                        if let Some(word) = phrase.first_word() {
                            self.triggers
                                .entry(word.to_string())
                                .or_default()
                                .push(Trigger::Swap { rule: index, swap });
                        }
                    }
                }
                Check::Pattern(pattern) => {
                    for word in pattern.anchor_words() {
                        self.triggers
                            .entry(word.to_string())
                            .or_default()
                            .push(Trigger::Pattern { rule: index });
                    }
                }
                Check::Spelling(_) => self.spelling.push(index),
                Check::Repetition(_) => self.repetition.push(index),
                Check::Articles => self.articles.push(index),
                Check::Regex(_) => self.regexes.push(index),
                _ => self.whole_document.push(index),
            }
        }
        let expressions = self.regexes.iter().filter_map(|&index| match &self.rules[index].check {
            Check::Regex(check) => Some(check.regex.as_str().to_string()),
            _ => None,
        });
        // Each expression compiled alone above, so the set compiles too.
        self.regex_set = if self.regexes.is_empty() { None } else { regex::RegexSet::new(expressions).ok() };
    }

    /// Every finding in one story, ordered by position.
    pub fn check(&self, input: &Input) -> Vec<Finding> {
        let mut out = Vec::new();
        self.word_pass(input, &mut out);
        self.regex_pass(input, &mut out);
        let mut sentences = None;
        let mut chains = None;
        for &index in &self.whole_document {
            let rule = &self.rules[index];
            let (doc, claims) = (input.doc, input.claims);
            match &rule.check {
                Check::Balance(check) => check.run(rule, doc, &mut out),
                Check::Punctuation(check) => check.run(rule, doc, &mut out),
                Check::Consistency(check) => check.run(rule, doc, claims, &mut chains, &mut out),
                Check::Arithmetic(check) => {
                    let grouped = sentences.get_or_insert_with(|| arithmetic::sentences(doc, claims));
                    check.run(rule, doc, grouped, &mut out)
                }
                Check::Dates(check) => check.run(rule, doc, claims, &mut out),
                Check::Facts => facts::run(rule, doc, claims, input.facts, &mut out),
                _ => {}
            }
        }
        out.sort_by(|a, b| (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule)));
        out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
        out
    }

    /// One pass over the words of every sentence: substitutions, patterns, spelling, doubled
    /// words and articles.
    fn word_pass(&self, input: &Input, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let tokens = doc.tokens();
        let word_rules = !self.triggers.is_empty()
            || !self.spelling.is_empty()
            || !self.repetition.is_empty()
            || !self.articles.is_empty();
        if !word_rules {
            return;
        }
        for sentence in doc.sentences() {
            let bounds = Bounds { first: sentence.first_token as usize, end: sentence.end_token as usize };
            // The previous word, for doubled words.
            let mut previous: Option<usize> = None;
            for (i, token) in tokens.iter().enumerate().take(bounds.end).skip(bounds.first) {
                let Some(word) = doc.folded_word(i) else {
                    previous = None;
                    continue;
                };
                let text = doc.token_text(i);
                if let Some(triggers) = self.triggers.get(word) {
                    self.run_triggers(triggers, input, i, bounds, out);
                }
                for &index in &self.spelling {
                    if let Check::Spelling(spelling) = &self.rules[index].check
                        && let Some(corrections) = spelling.corrections(text, word)
                        && !spelling::is_word_piece(doc, i)
                    {
                        let choices: Vec<String> = corrections.iter().map(|c| match_case(text, c)).collect();
                        let preferred =
                            if choices.len() == 1 { Applicability::Safe } else { Applicability::Unsafe };
                        let vars = [("found", text), ("replacement", choices[0].as_str())];
                        out.push(
                            self.rules[index].finding_with_choices(token.span, &vars, &choices, preferred),
                        );
                    }
                }
                if let Some(before) = previous
                    && doc.token_text(before).eq_ignore_ascii_case(text)
                {
                    self.doubled(input, before, i, word, out);
                }
                if !self.articles.is_empty() && (word == "a" || word == "an") {
                    self.article(input, i, bounds, text, word, out);
                }
                previous = Some(i);
            }
        }
    }

    /// Regex rules, paragraph by paragraph, skipping paragraphs none of them matches.
    fn regex_pass(&self, input: &Input, out: &mut Vec<Finding>) {
        let Some(set) = &self.regex_set else { return };
        let doc = input.doc;
        for paragraph in doc.paragraphs() {
            let matching = set.matches(doc.slice(paragraph.span));
            for k in matching.iter() {
                let rule = &self.rules[self.regexes[k]];
                if let Check::Regex(check) = &rule.check {
                    check.run_paragraph(rule, doc, paragraph.span, out);
                }
            }
        }
    }

    fn run_triggers(
        &self,
        triggers: &[Trigger],
        input: &Input,

        i: usize,
        bounds: Bounds,
        out: &mut Vec<Finding>,
    ) {
        let doc = input.doc;
        for trigger in triggers {
            match *trigger {
                Trigger::Swap { rule, swap } => {
                    let Check::Substitution(substitution) = &self.rules[rule].check else { continue };
                    if let Some(hit) = substitution.try_at(doc, swap, i, bounds) {
                        let tokens = doc.tokens();
                        let span = tokens[hit.first].span.cover(tokens[hit.end - 1].span);
                        let vars = [("found", doc.slice(span)), ("replacement", hit.replacement.as_str())];
                        out.push(self.rules[rule].finding(span, &vars, Some(hit.replacement.clone())));
                    }
                }
                Trigger::Pattern { rule } => {
                    let Check::Pattern(pattern) = &self.rules[rule].check else { continue };
                    if let Some(hit) = pattern.try_at(doc, i, bounds) {
                        let replacement = hit.replacement.as_deref().unwrap_or("");
                        let vars = [("found", hit.found.as_str()), ("replacement", replacement)];
                        out.push(self.rules[rule].finding(hit.span, &vars, hit.replacement.clone()));
                    }
                }
            }
        }
    }

    fn doubled(&self, input: &Input, before: usize, i: usize, word: &str, out: &mut Vec<Finding>) {
        let doc = input.doc;
        let tokens = doc.tokens();
        for &index in &self.repetition {
            let Check::Repetition(repetition) = &self.rules[index].check else { continue };
            if repetition.is_slip(word, doc.token_text(before), doc.token_text(i)) {
                // The span runs from the end of the first word, so deleting it leaves one.
                let span = factlint_extract::Span::new(tokens[before].span.end, tokens[i].span.end);
                out.push(self.rules[index].finding(
                    span,
                    &[("found", doc.token_text(i))],
                    Some(String::new()),
                ));
            }
        }
    }

    fn article(
        &self,
        input: &Input,
        i: usize,
        bounds: Bounds,
        text: &str,
        word: &str,
        out: &mut Vec<Finding>,
    ) {
        let doc = input.doc;
        let next = i + 1;
        if next >= bounds.end || doc.adjacent(i) {
            return;
        }
        // "Plan A", "vitamin A", "type a": a letter, not an article.
        let letter = text == "A" && i > bounds.first
            || (i > bounds.first
                && doc.token_kind(i - 1) == Some(TokenKind::Word)
                && text == "a"
                && matches!(
                    Lower::new(doc.token_text(i - 1)).as_str(),
                    "plan"
                        | "type"
                        | "vitamin"
                        | "grade"
                        | "class"
                        | "section"
                        | "exhibit"
                        | "option"
                        | "item"
                        | "letter"
                        | "point"
                        | "group"
                        | "category"
                ));
        let Some(kind) = doc.token_kind(next) else { return };
        if letter
            || doc.adjacent(next)
                && doc.is_text(next + 1, "-")
                && kind == TokenKind::Word
                && doc.token_text(next).len() == 1
        {
            return;
        }
        let Some(wanted) = articles::wanted(doc.token_text(next), kind) else { return };
        if wanted != word {
            let replacement = match_case(text, wanted);
            for &index in &self.articles {
                let vars =
                    [("found", text), ("replacement", replacement.as_str()), ("next", doc.token_text(next))];
                out.push(self.rules[index].finding(doc.tokens()[i].span, &vars, Some(replacement.clone())));
            }
        }
    }
}
