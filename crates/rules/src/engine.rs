//! The engine: a set of compiled rules, indexed so that one pass over a story's tokens runs
//! every word rule, followed by the paragraph and claim checks.

use crate::checks::confusion::Site;
use crate::checks::punctuation::PunctuationCheck;
use crate::checks::{Bounds, Check, Input, arithmetic, articles, facts, spelling};
use crate::finding::{Applicability, Finding};
use crate::load::{LoadError, parse_rules};
use crate::rule::Rule;
use crate::schema::RuleSpec;
use crate::text::{match_case, word_hash};
use factlint_extract::{Lower, TokenKind};
use hashbrown::HashTable;
use rustc_hash::FxHashMap;
use std::sync::{Mutex, OnceLock};

/// Packs parsed ahead by [`RuleSet::warm_up_packs`], waiting for [`RuleSet::builtin`].
static WARMED: Mutex<Option<Result<RuleSet, LoadError>>> = Mutex::new(None);

/// What a word in the index sets off.
#[derive(Debug, Clone, Copy)]
enum Trigger {
    Swap {
        rule: usize,
        swap: usize,
    },
    Pattern {
        rule: usize,
    },
    /// `found` is the word's number in the rule.
    Confusion {
        rule: usize,
        found: usize,
    },
}

/// The rules a word in the index sets off.
#[derive(Debug, Clone, Default)]
struct Triggers {
    triggers: Vec<Trigger>,
    /// Whether the spelling dictionary lists the word as a misspelling, asked on first meeting
    /// it: the indexed words are nearly all real words ("the", "from"), which then skip the
    /// spelling check.
    misspelling: OnceLock<bool>,
}

/// Compiled rules, ready to check any number of stories.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    /// The words rules are triggered by, found by their [`word_hash`], which the word pass
    /// computes once a word for this table and the spelling filter alike.
    triggers: HashTable<(Box<str>, Triggers)>,
    spelling: Vec<usize>,
    repetition: Vec<usize>,
    articles: Vec<usize>,
    /// The `punctuation` rules, run together in one pass over the tokens.
    punctuation: Vec<usize>,
    whole_document: Vec<usize>,
    /// Regex rules, and one set of all their expressions to skip paragraphs none can match.
    regexes: Vec<usize>,
    regex_set: Option<regex::RegexSet>,
    /// A model learned from the newsroom's archive, read by `confusion` rules beside the
    /// shipped one.
    learned: Option<std::sync::Arc<crate::ngrams::NgramModel>>,
    /// Why the expressions did not compile as one set (too large together), when they did not.
    regex_set_error: Option<String>,
    /// Each rule's index by id.
    ids: FxHashMap<String, usize>,
}

/// The confusion words a story's word pass met, by rule, each rule's in story order: a story
/// meets the words of a few rules, so a rule's list is found by a short search.
#[derive(Default)]
struct ConfusionSites {
    by_rule: Vec<(usize, Vec<Site>)>,
}

impl ConfusionSites {
    fn push(&mut self, rule: usize, site: Site) {
        match self.by_rule.iter_mut().find(|(listed, _)| *listed == rule) {
            Some((_, sites)) => sites.push(site),
            None => self.by_rule.push((rule, vec![site])),
        }
    }
}

/// How large the regex rules' combined set may grow when compiled: each expression alone is
/// limited to 1 MiB, and the set holds them all.
const REGEX_SET_SIZE_LIMIT: usize = 64 << 20;

/// Compiles parsed rules in file order after `rules`, checking that ids are unique (`ids` holds
/// the ids already in `rules`). `text` is each file's source, for locating errors.
fn append<'a>(
    rules: &mut Vec<Rule>,
    ids: &mut FxHashMap<String, usize>,
    parsed: impl IntoIterator<Item = ((&'a str, &'a str), Result<Vec<RuleSpec>, LoadError>)>,
) -> Result<(), LoadError> {
    for ((file, text), specs) in parsed {
        for (index, spec) in specs?.into_iter().enumerate() {
            if let Some(&existing) = ids.get(&spec.id) {
                let (line, column) = crate::load::locate(text, &spec.id, None);
                return Err(LoadError {
                    file: file.to_string(),
                    line,
                    column,
                    rule: Some(spec.id.clone()),
                    field: Some("id".into()),
                    message: format!("the id is already used by a rule in {}", rules[existing].origin),
                });
            }
            ids.insert(spec.id.clone(), rules.len());
            let rule = Rule::compile(spec, file, text).map_err(|mut error| {
                if error.line.is_none() {
                    (error.line, error.column) = crate::load::locate_item(text, index);
                }
                error
            })?;
            rules.push(rule);
        }
    }
    Ok(())
}

/// The triggers of `word` in `index`, added if the word is not there yet.
fn triggers_of<'a>(index: &'a mut HashTable<(Box<str>, Triggers)>, word: &str) -> &'a mut Vec<Trigger> {
    let hash = word_hash(word);
    let entry = index.entry(hash, |(key, _)| **key == *word, |(key, _)| word_hash(key));
    &mut entry.or_insert_with(|| (word.into(), Triggers::default())).into_mut().1.triggers
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

    /// Adds the rules of one YAML source after the ones already here. An id already in use is
    /// an error located in `text`; on any error the set is left as it was.
    pub fn add_source(&mut self, file: &str, text: &str) -> Result<(), LoadError> {
        let before = self.rules.len();
        let added = append(&mut self.rules, &mut self.ids, [((file, text), parse_rules(file, text))]);
        self.index();
        let added = added.and_then(|()| self.regex_set_result());
        if added.is_err() {
            self.rules.truncate(before);
            self.index();
        }
        added
    }

    /// Compiles parsed rules in file order, checking that ids are unique. `text` is each file's
    /// source, for locating errors.
    fn assemble<'a>(
        parsed: impl IntoIterator<Item = ((&'a str, &'a str), Result<Vec<RuleSpec>, LoadError>)>,
    ) -> Result<RuleSet, LoadError> {
        let mut rules = Vec::new();
        append(&mut rules, &mut FxHashMap::default(), parsed)?;
        let set = RuleSet::new(rules);
        set.regex_set_result()?;
        Ok(set)
    }

    /// An error when the regex rules do not compile together.
    fn regex_set_result(&self) -> Result<(), LoadError> {
        let Some(message) = &self.regex_set_error else { return Ok(()) };
        let last = self.regexes.last().map(|&index| &self.rules[index]);
        Err(LoadError {
            file: last.map_or_else(String::new, |rule| rule.origin.clone()),
            line: None,
            column: None,
            rule: None,
            field: Some("regex".into()),
            message: format!(
                "the {} regex rules are too large to compile together; use fewer or simpler \
                 expressions ({message})",
                self.regexes.len()
            ),
        })
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

    /// Adds compiled rules after the ones already here. Rules read from a file are better added
    /// with [`RuleSet::add_source`], which locates a duplicate id in the file.
    pub fn extend(&mut self, other: RuleSet) -> Result<(), LoadError> {
        if let Some(rule) = other.rules.iter().find(|rule| self.ids.contains_key(rule.id())) {
            let existing = &self.rules[self.ids[rule.id()]];
            return Err(LoadError {
                file: rule.origin.clone(),
                line: None,
                column: None,
                rule: Some(rule.id().to_string()),
                field: Some("id".into()),
                message: format!("the id is already used by a rule in {}", existing.origin),
            });
        }
        let before = self.rules.len();
        self.rules.extend(other.rules);
        self.index();
        let extended = self.regex_set_result();
        if extended.is_err() {
            self.rules.truncate(before);
            self.index();
        }
        extended
    }

    /// Reads a learned n-gram model beside the shipped one in `confusion` rules.
    pub fn set_learned_model(&mut self, model: crate::ngrams::NgramModel) {
        self.learned = Some(std::sync::Arc::new(model));
    }

    /// Every word of every `confusion` rule's sets: what `factlint learn` counts n-grams around.
    pub fn confusion_words(&self) -> rustc_hash::FxHashSet<String> {
        self.rules
            .iter()
            .filter_map(|rule| match &rule.check {
                Check::Confusion(confusion) => Some(confusion.words()),
                _ => None,
            })
            .flatten()
            .map(str::to_string)
            .collect()
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
        self.ids.get(id).map(|&index| &self.rules[index])
    }

    fn index(&mut self) {
        self.ids.clear();
        self.ids.extend(self.rules.iter().enumerate().map(|(index, rule)| (rule.id().to_string(), index)));
        self.triggers.clear();
        self.spelling.clear();
        self.repetition.clear();
        self.articles.clear();
        self.punctuation.clear();
        self.whole_document.clear();
        self.regexes.clear();
        for (index, rule) in self.rules.iter().enumerate() {
            match &rule.check {
                Check::Substitution(substitution) => {
                    for (swap, (phrase, _)) in substitution.swaps.iter().enumerate() {
                        if let Some(word) = phrase.first_word() {
                            triggers_of(&mut self.triggers, word).push(Trigger::Swap { rule: index, swap });
                        }
                    }
                }
                Check::Pattern(pattern) => {
                    for word in pattern.anchor_words() {
                        triggers_of(&mut self.triggers, word).push(Trigger::Pattern { rule: index });
                    }
                }
                Check::Confusion(confusion) => {
                    for (word, found) in confusion.trigger_words() {
                        triggers_of(&mut self.triggers, word).push(Trigger::Confusion { rule: index, found });
                    }
                }
                Check::Spelling(_) => self.spelling.push(index),
                Check::Repetition(_) => self.repetition.push(index),
                Check::Articles => self.articles.push(index),
                Check::Punctuation(_) => self.punctuation.push(index),
                Check::Regex(_) => self.regexes.push(index),
                _ => self.whole_document.push(index),
            }
        }
        let expressions = self.regexes.iter().filter_map(|&index| match &self.rules[index].check {
            Check::Regex(check) => Some(check.regex.as_str().to_string()),
            _ => None,
        });
        // Each expression compiled alone, but together they may pass the size limit. Then every
        // regex rule runs on every paragraph (slower, never silently off), and loading reports it.
        (self.regex_set, self.regex_set_error) = if self.regexes.is_empty() {
            (None, None)
        } else {
            match regex::RegexSetBuilder::new(expressions).size_limit(REGEX_SET_SIZE_LIMIT).build() {
                Ok(set) => (Some(set), None),
                Err(error) => (None, Some(error.to_string())),
            }
        };
    }

    /// Every finding in one story, ordered by position.
    pub fn check(&self, input: &Input) -> Vec<Finding> {
        let mut out = Vec::new();
        self.word_pass(input, &mut out);
        self.regex_pass(input, &mut out);
        self.punctuation_pass(input, &mut out);
        let mut story = None;
        let mut chains = None;
        for &index in &self.whole_document {
            let rule = &self.rules[index];
            let (doc, claims) = (input.doc, input.claims);
            match &rule.check {
                Check::Balance(check) => check.run(rule, doc, &mut out),
                Check::Consistency(check) => check.run(rule, doc, claims, &mut chains, &mut out),
                Check::Arithmetic(check) => {
                    // The consistency rules ran first: their frames are the story's frames.
                    let frames = || chains.as_ref().map(|(frames, _)| std::rc::Rc::clone(frames));
                    let story = story.get_or_insert_with(|| arithmetic::Story::new(doc, claims, frames()));
                    check.run(rule, story, &mut out)
                }
                Check::Dates(check) => check.run(rule, doc, claims, &mut out),
                Check::Facts => facts::run(rule, doc, claims, input.facts, &mut out),
                _ => {}
            }
        }
        out.sort_by(|a, b| (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule)));
        out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
        self.drop_confusions_said_twice(&mut out);
        out
    }

    /// A `confusion` finding on a word another rule already reports (a hand-written confusable
    /// rule, say) adds nothing: the other rule's message is the more specific.
    fn drop_confusions_said_twice(&self, out: &mut Vec<Finding>) {
        let is_confusion = |finding: &Finding| {
            self.get(&finding.rule).is_some_and(|rule| rule.kind() == crate::schema::Kind::Confusion)
        };
        let claimed: Vec<factlint_extract::Span> =
            out.iter().filter(|finding| !is_confusion(finding)).map(|finding| finding.span).collect();
        if !claimed.is_empty() {
            out.retain(|finding| !is_confusion(finding) || !claimed.contains(&finding.span));
        }
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
        // Confusion words, judged after the pass, each rule's all together.
        let mut confusions = ConfusionSites::default();
        for sentence in doc.sentences() {
            let bounds = Bounds { first: sentence.first_token as usize, end: sentence.end_token as usize };
            // The previous word, for doubled words.
            let mut previous: Option<usize> = None;
            for i in bounds.first..bounds.end {
                let token = &tokens[i];
                let Some(word) = doc.folded_word(i) else {
                    previous = None;
                    continue;
                };
                // A word in plain lower case is its own folded form.
                let text = if token.lowercase { word } else { doc.token_text(i) };
                let hash = word_hash(word);
                let indexed = self.triggers.find(hash, |(key, _)| **key == *word).map(|(_, indexed)| indexed);
                if let Some(indexed) = indexed {
                    self.run_triggers(&indexed.triggers, input, i, bounds, &mut confusions, out);
                }
                let may_be_misspelled = !self.spelling.is_empty()
                    && match indexed {
                        Some(indexed) => *indexed.misspelling.get_or_init(|| spelling::is_misspelling(word)),
                        None => spelling::may_be_listed(hash),
                    };
                for &index in &self.spelling {
                    if may_be_misspelled
                        && let Check::Spelling(spelling) = &self.rules[index].check
                        && let Some(corrections) = spelling.corrections(text, word, hash)
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
                    && tokens[before].span.len() == token.span.len()
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
        self.judge_confusions(input, confusions, out);
    }

    /// Judges the confusion words a story's word pass met, one rule at a time.
    fn judge_confusions(&self, input: &Input, mut confusions: ConfusionSites, out: &mut Vec<Finding>) {
        let doc = input.doc;
        confusions.by_rule.sort_unstable_by_key(|&(rule, _)| rule);
        for (rule, sites) in &confusions.by_rule {
            let rule = &self.rules[*rule];
            let Check::Confusion(confusion) = &rule.check else { continue };
            confusion.judge(doc, sites, self.learned.as_deref(), |site, slip| {
                let span = doc.tokens()[site.i].span;
                let found = doc.slice(span);
                let replacement = match_case(found, &slip.replacement);
                let vars = [
                    ("found", found),
                    ("replacement", replacement.as_str()),
                    ("evidence", slip.evidence.as_str()),
                ];
                out.push(rule.finding(span, &vars, Some(replacement.clone())));
            });
        }
    }

    fn punctuation_pass(&self, input: &Input, out: &mut Vec<Finding>) {
        let rules = self.punctuation.iter().filter_map(|&index| match &self.rules[index].check {
            Check::Punctuation(check) => Some((*check, &self.rules[index])),
            _ => None,
        });
        PunctuationCheck::run_all(rules, input.doc, out);
    }

    /// Regex rules, paragraph by paragraph, skipping paragraphs none of them matches.
    fn regex_pass(&self, input: &Input, out: &mut Vec<Finding>) {
        if self.regexes.is_empty() {
            return;
        }
        let doc = input.doc;
        for paragraph in doc.paragraphs() {
            let run = |k: usize, out: &mut Vec<Finding>| {
                let rule = &self.rules[self.regexes[k]];
                if let Check::Regex(check) = &rule.check {
                    check.run_paragraph(rule, doc, paragraph.span, out);
                }
            };
            match &self.regex_set {
                Some(set) => set.matches(doc.slice(paragraph.span)).iter().for_each(|k| run(k, out)),
                None => (0..self.regexes.len()).for_each(|k| run(k, out)),
            }
        }
    }

    fn run_triggers(
        &self,
        triggers: &[Trigger],
        input: &Input,

        i: usize,
        bounds: Bounds,
        confusions: &mut ConfusionSites,
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
                Trigger::Confusion { rule, found } => confusions.push(rule, Site { i, found, bounds }),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn regex_rules(prefix: &str, count: usize, expression: &str) -> String {
        (0..count)
            .map(|i| format!("- id: {prefix}.r{i}\n  kind: regex\n  message: m\n  regex: '{expression}'\n"))
            .collect()
    }

    #[test]
    fn a_duplicate_id_is_located_and_leaves_the_set_as_it_was() {
        let mut rules =
            RuleSet::from_sources([("a.yaml", "- id: desk.x\n  kind: repetition\n  message: m\n")]).unwrap();
        let error = rules
            .add_source("b.yaml", "- id: desk.y\n  kind: articles\n  message: m\n- id: desk.x\n  kind: repetition\n  message: m\n")
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "b.yaml:4:3: rule `desk.x`: field `id`: the id is already used by a rule in a.yaml"
        );
        assert_eq!(rules.rules().len(), 1);
        assert!(rules.get("desk.y").is_none());
        assert!(rules.get("desk.x").is_some());
    }

    #[test]
    fn regex_rules_too_large_to_compile_together_are_an_error() {
        let mut rules = RuleSet::default();
        rules.add_source("small.yaml", &regex_rules("small", 2, "(?-u:\\b)a+")).unwrap();
        // The longest `\w{n}` one rule may have: near the size limit of one expression.
        let fits =
            |n: usize| regex::RegexBuilder::new(&format!("\\w{{{n}}}")).size_limit(1 << 20).build().is_ok();
        let n = (1..100).take_while(|&n| fits(n)).last().unwrap();
        let large = regex_rules("large", 80, &format!("\\w{{{n}}}"));
        let error = rules.add_source("large.yaml", &large).unwrap_err();
        assert!(
            error.to_string().starts_with("large.yaml: field `regex`: the 82 regex rules are too large"),
            "{error}"
        );
        assert_eq!(rules.rules().len(), 2);
    }
}
