//! `pattern`: a sequence of word tokens with a replacement, for grammar slips that no single
//! word shows ("intends to massing" → "mass", "the minister say" → "says").
//!
//! Elements match one word each. The first element with plain words anchors the rule in the
//! engine's word index, so a pattern costs nothing until its anchor word appears.

use super::Bounds;
use super::context::CompiledContext;
use crate::schema::{Context, Element, ElementSpec};
use crate::text::{WordPattern, WordSet, match_case};
use factlint_extract::{Document, Span};

#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    elements: Vec<CompiledElement>,
    /// The index of the element the engine indexes by.
    pub anchor: usize,
    replace: Option<Vec<Piece>>,
    context: CompiledContext,
}

#[derive(Debug, Clone)]
struct CompiledElement {
    words: Vec<WordPattern>,
    /// The same words, to test a word against.
    word_set: WordSet,
    suffix: Option<String>,
    not: WordSet,
    capitalised: bool,
    mark: bool,
    capture: Option<String>,
}

/// A piece of a replacement template.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(String),
    Capture { name: String, form: Form },
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Form {
    AsWritten,
    /// The base form of an -ing word: "massing" → "mass".
    Base,
    /// The third person: "say" → "says".
    ThirdPerson,
}

/// A pattern that matched.
pub(crate) struct Hit {
    pub span: Span,
    pub replacement: Option<String>,
    pub found: String,
}

impl Pattern {
    pub fn new(
        elements: &[Element],
        replace: Option<&str>,
        context: Option<&Context>,
    ) -> Result<Pattern, (&'static str, String)> {
        let elements: Vec<CompiledElement> = elements.iter().map(compile_element).collect();
        if elements.is_empty() {
            return Err(("pattern", "a pattern needs at least one element".into()));
        }
        let anchor = elements
            .iter()
            .position(|e| !e.words.is_empty() && e.words.iter().all(|w| w.exact().is_some()))
            .ok_or(("pattern", "a pattern needs one element of plain words (no `*`) to anchor it".into()))?;
        let replace = replace.map(parse_template).transpose().map_err(|message| ("replace", message))?;
        if let Some(pieces) = &replace {
            for piece in pieces {
                if let Piece::Capture { name, .. } = piece
                    && !elements.iter().any(|e| e.capture.as_deref() == Some(name))
                {
                    return Err((
                        "replace",
                        format!("the replacement uses `{{{name}}}`, but no element captures `{name}`"),
                    ));
                }
            }
        }
        Ok(Pattern { elements, anchor, replace, context: CompiledContext::new(context) })
    }

    /// The words the anchor element matches.
    pub fn anchor_words(&self) -> impl Iterator<Item = &str> {
        self.elements[self.anchor].words.iter().filter_map(WordPattern::exact)
    }

    /// Tries the pattern with its anchor at token `i`.
    pub fn try_at(&self, doc: &Document, i: usize, bounds: Bounds) -> Option<Hit> {
        let first = i.checked_sub(self.anchor)?;
        let end = first + self.elements.len();
        if first < bounds.first || end > bounds.end {
            return None;
        }
        for (k, element) in self.elements.iter().enumerate() {
            let token = first + k;
            let word = doc.folded_word(token)?;
            if !element.matches(word, doc.token_text(token)) {
                return None;
            }
        }
        if !self.context.allows(doc, first, end, bounds) {
            return None;
        }
        let marked: Vec<usize> = match self.elements.iter().any(|e| e.mark) {
            true => (0..self.elements.len()).filter(|&k| self.elements[k].mark).collect(),
            false => (0..self.elements.len()).collect(),
        };
        let (mark_first, mark_last) = (first + marked[0], first + marked[marked.len() - 1]);
        let tokens = doc.tokens();
        let span = tokens[mark_first].span.cover(tokens[mark_last].span);
        let found = doc.slice(span).to_string();
        let replacement = self.replace.as_ref().and_then(|pieces| {
            let mut out = String::new();
            for piece in pieces {
                match piece {
                    Piece::Text(text) => out.push_str(text),
                    Piece::Capture { name, form } => {
                        let k = self.elements.iter().position(|e| e.capture.as_deref() == Some(name))?;
                        out.push_str(&transform(doc.folded_word(first + k)?, *form)?);
                    }
                }
            }
            Some(match_case(&found, &out))
        });
        Some(Hit { span, replacement, found })
    }
}

impl CompiledElement {
    fn matches(&self, folded: &str, original: &str) -> bool {
        (self.words.is_empty() || self.word_set.matches(folded))
            && self.suffix.as_ref().is_none_or(|s| folded.len() > s.len() + 1 && folded.ends_with(s.as_str()))
            && !self.not.matches(folded)
            && (!self.capitalised || original.chars().next().is_some_and(char::is_uppercase))
    }
}

fn compile_element(element: &Element) -> CompiledElement {
    let words = |list: &[String]| -> Vec<WordPattern> {
        list.iter().flat_map(|w| w.split('|')).map(WordPattern::new).collect()
    };
    let mut spec = match element {
        Element::Word(word) => ElementSpec { any: vec![word.clone()], ..ElementSpec::default() },
        Element::AnyOf(list) => ElementSpec { any: list.clone(), ..ElementSpec::default() },
        Element::Spec(spec) => spec.clone(),
    };
    spec.any.extend(spec.word.take());
    let any = words(&spec.any);
    CompiledElement {
        word_set: WordSet::new(&any),
        words: any,
        suffix: spec.suffix.map(|s| s.to_lowercase()),
        not: WordSet::new(&words(&spec.not)),
        capitalised: spec.capitalised,
        mark: spec.mark,
        capture: spec.capture,
    }
}

fn parse_template(template: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            pieces.push(Piece::Text(rest[..open].to_string()));
        }
        let close = rest[open..].find('}').ok_or_else(|| format!("unclosed `{{` in `{template}`"))? + open;
        let inner = &rest[open + 1..close];
        let (name, form) = match inner.split_once(':') {
            Some((name, "base")) => (name, Form::Base),
            Some((name, "s")) => (name, Form::ThirdPerson),
            Some((_, other)) => {
                return Err(format!("unknown form `{other}` in `{template}`; use `base` or `s`"));
            }
            None => (inner, Form::AsWritten),
        };
        pieces.push(Piece::Capture { name: name.to_string(), form });
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    Ok(pieces)
}

fn transform(word: &str, form: Form) -> Option<String> {
    match form {
        Form::AsWritten => Some(word.to_string()),
        Form::Base => base_form(word),
        Form::ThirdPerson => Some(third_person(word)),
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The base form of an -ing word, when the spelling rules make it certain enough to suggest:
/// "massing" → "mass", "stopping" → "stop", "making" → "make". `None` when unsure.
pub(crate) fn base_form(word: &str) -> Option<String> {
    let stem = word.strip_suffix("ing")?;
    let b = stem.as_bytes();
    if b.len() < 2 || !stem.is_ascii() {
        return None;
    }
    let n = b.len();
    let last = b[n - 1];
    // A doubled consonant after a single short vowel: "stopping" → "stop", "planning" → "plan".
    if n >= 4
        && last == b[n - 2]
        && matches!(last, b'b' | b'd' | b'g' | b'm' | b'n' | b'p' | b'r' | b't')
        && is_vowel(b[n - 3])
        && !is_vowel(b[n - 4])
    {
        return Some(stem[..n - 1].to_string());
    }
    let vowel_groups = stem.as_bytes().windows(2).filter(|w| !is_vowel(w[0]) && is_vowel(w[1])).count()
        + usize::from(is_vowel(b[0]));
    // Endings that always had an "e": "moving", "judging", "producing", "realizing".
    if last == b'v' || stem.ends_with("dg") || stem.ends_with("rg") || last == b'c' || last == b'z' {
        return Some(format!("{stem}e"));
    }
    // "negotiating" → "negotiate", "stating" → "state", but "floating" → "float"; "creating" and
    // "treating" look alike, so an "eat" ending is unsure.
    if n > 3 && stem.ends_with("at") {
        return match b[n - 3] {
            b'e' => None,
            b'o' | b'a' => Some(stem.to_string()),
            _ => Some(format!("{stem}e")),
        };
    }
    // "computing" → "compute", but "shouting" → "shout".
    if n > 3 && stem.ends_with("ut") && !is_vowel(b[n - 3]) {
        return Some(format!("{stem}e"));
    }
    let single_vowel_then_consonant = !is_vowel(last) && is_vowel(b[n - 2]) && (n < 3 || !is_vowel(b[n - 3]));
    if single_vowel_then_consonant && !matches!(last, b'w' | b'x' | b'y') {
        // One syllable: "making" → "make", "using" → "use"; longer words are unsure
        // ("visiting", "deciding").
        return (vowel_groups == 1).then(|| format!("{stem}e"));
    }
    Some(stem.to_string())
}

/// The third person singular: "say" → "says", "push" → "pushes", "try" → "tries".
fn third_person(word: &str) -> String {
    match word {
        "have" => return "has".into(),
        "be" => return "is".into(),
        "do" => return "does".into(),
        "go" => return "goes".into(),
        _ => {}
    }
    let b = word.as_bytes();
    if word.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        return format!("{}ies", &word[..word.len() - 1]);
    }
    if ["s", "sh", "ch", "x", "z", "o"].iter().any(|e| word.ends_with(e)) {
        return format!("{word}es");
    }
    format!("{word}s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_forms_of_ing_words() {
        for (ing, base) in [
            ("massing", Some("mass")),
            ("starting", Some("start")),
            ("stopping", Some("stop")),
            ("planning", Some("plan")),
            ("adding", Some("add")),
            ("making", Some("make")),
            ("using", Some("use")),
            ("moving", Some("move")),
            ("negotiating", Some("negotiate")),
            ("calling", Some("call")),
            ("visiting", None),
            ("meeting", Some("meet")),
            ("sending", Some("send")),
        ] {
            assert_eq!(base_form(ing).as_deref(), base, "{ing}");
        }
    }

    #[test]
    fn third_persons() {
        assert_eq!(third_person("say"), "says");
        assert_eq!(third_person("push"), "pushes");
        assert_eq!(third_person("try"), "tries");
        assert_eq!(third_person("have"), "has");
    }

    #[test]
    fn templates_need_their_captures() {
        let elements = vec![Element::Word("to".into())];
        assert!(Pattern::new(&elements, Some("{verb:base}"), None).is_err());
        assert!(Pattern::new(&elements, Some("{verb:past}"), None).is_err());
    }
}
