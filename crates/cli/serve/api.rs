//! The page's three questions, answered from text the request carries: check a story, fix its
//! safe findings, compare two versions. Nothing here touches the disk: the built-in rules and
//! the default configuration apply, and each story is checked in memory.
//!
//! Offsets in answers are UTF-16 code units, the unit of the page's JavaScript strings, so the
//! page can underline and edit without converting.

use crate::commands::diff;
use crate::fix;
use crate::pipeline::{CheckError, Checked, Setup};
use crate::records::{ClaimRecord, FindingRecord};
use factlint_extract::jiff::civil::Date;
use factlint_extract::{Document, ReferenceOrigin};
use factlint_rules::Applicability;
use serde::{Deserialize, Serialize};

/// Words for what a figure counts that the figures panel puts in one group ("troops" and
/// "soldiers"), one group a line.
const ALIKE: &str = include_str!("alike.txt");

/// A story as the page sends it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub text: String,
    #[serde(default)]
    pub format: StoryFormat,
    /// `YYYY-MM-DD`; empty or absent: the story's front matter or dateline.
    #[serde(default)]
    pub date: Option<String>,
}

#[derive(Deserialize, Default, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum StoryFormat {
    #[default]
    Text,
    Markdown,
    Html,
}

impl StoryFormat {
    /// The name the story is checked under, which selects how it is read.
    fn name(self) -> &'static str {
        match self {
            StoryFormat::Text => "story.txt",
            StoryFormat::Markdown => "story.md",
            StoryFormat::Html => "story.html",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Versions {
    pub old: String,
    pub new: String,
    #[serde(default)]
    pub format: StoryFormat,
    #[serde(default)]
    pub date: Option<String>,
}

/// An answer the page shows as an error.
#[derive(Debug)]
pub struct Refusal {
    pub status: u16,
    pub message: String,
}

impl Refusal {
    pub fn bad_request(message: impl Into<String>) -> Refusal {
        Refusal { status: 400, message: message.into() }
    }
}

fn date(date: Option<&str>) -> Result<Option<Date>, Refusal> {
    match date.map(str::trim).filter(|d| !d.is_empty()) {
        None => Ok(None),
        Some(text) => text
            .parse::<Date>()
            .map(Some)
            .map_err(|_| Refusal::bad_request(format!("`date` is not a YYYY-MM-DD date: {text}"))),
    }
}

fn check(setup: &Setup, text: String, format: StoryFormat, day: Option<Date>) -> Result<Checked, Refusal> {
    setup.check(format.name().to_string(), None, text, day).map_err(|error| match error {
        CheckError::TooLarge(_) => Refusal { status: 413, message: error.to_string() },
        CheckError::Panicked(_) => Refusal { status: 500, message: error.to_string() },
    })
}

/// Byte offsets of one text as UTF-16 offsets.
struct Utf16 {
    /// The UTF-16 offset at each byte (at the start of each character; inside one, its start).
    at: Vec<u32>,
}

impl Utf16 {
    fn new(text: &str) -> Utf16 {
        let mut at = Vec::with_capacity(text.len() + 1);
        let mut units = 0u32;
        for c in text.chars() {
            at.extend(std::iter::repeat_n(units, c.len_utf8()));
            units += c.len_utf16() as u32;
        }
        at.push(units);
        Utf16 { at }
    }

    fn of(&self, byte: u32) -> u32 {
        self.at[(byte as usize).min(self.at.len() - 1)]
    }
}

#[derive(Serialize)]
struct Place {
    start: u32,
    end: u32,
    line: u32,
    message: String,
}

#[derive(Serialize)]
struct EditOut {
    start: u32,
    end: u32,
    replacement: String,
}

#[derive(Serialize)]
struct FixOut {
    title: String,
    safe: bool,
    edits: Vec<EditOut>,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    #[serde(flatten)]
    record: FindingRecord<'a>,
    /// UTF-16 offsets of the flagged text.
    from: u32,
    to: u32,
    fixes: Vec<FixOut>,
    places: Vec<Place>,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    #[serde(flatten)]
    record: ClaimRecord<'a>,
    from: u32,
    to: u32,
    /// The group in the figures panel.
    group: String,
}

#[derive(Serialize)]
struct Reference {
    date: String,
    origin: &'static str,
}

#[derive(Serialize)]
struct CheckOut<'a> {
    findings: Vec<FindingOut<'a>>,
    claims: Vec<ClaimOut<'a>>,
    reference: Option<Reference>,
}

/// `POST /api/check`: findings, with their fixes and related places, and the claims.
pub fn check_story(setup: &Setup, story: Story) -> Result<serde_json::Value, Refusal> {
    let day = date(story.date.as_deref())?;
    let checked = check(setup, story.text, story.format, day)?;
    let doc = &checked.report.doc;
    let units = Utf16::new(doc.source());
    let source_units = |span| {
        let at = doc.to_source(span);
        (units.of(at.start), units.of(at.end))
    };
    let findings = checked
        .report
        .findings
        .iter()
        .map(|finding| {
            let (from, to) = source_units(finding.span);
            let fixes = finding
                .fixes
                .iter()
                .map(|fix| FixOut {
                    title: fix_title(doc, fix),
                    safe: fix.applicability == Applicability::Safe,
                    edits: fix
                        .edits
                        .iter()
                        .map(|edit| {
                            let (start, end) = source_units(edit.span);
                            EditOut { start, end, replacement: edit.replacement.clone() }
                        })
                        .collect(),
                })
                .collect();
            let places = finding
                .related
                .iter()
                .map(|related| {
                    let (start, end) = source_units(related.span);
                    let line = doc.line_col(doc.to_source(related.span).start).line;
                    Place { start, end, line, message: related.message.clone() }
                })
                .collect();
            FindingOut { record: FindingRecord::new("", doc, finding), from, to, fixes, places }
        })
        .collect();
    let groups = Groups::new();
    let claims = checked
        .claims
        .iter()
        .map(|claim| {
            let (from, to) = source_units(claim.span);
            ClaimOut { record: ClaimRecord::new("", doc, claim), from, to, group: groups.of(claim) }
        })
        .collect();
    let out = CheckOut { findings, claims, reference: reference(doc) };
    serde_json::to_value(out).map_err(|e| Refusal { status: 500, message: e.to_string() })
}

/// `POST /api/fix`: the story with every safe fix applied, re-checked until nothing is left.
pub fn fix_story(setup: &Setup, story: Story) -> Result<serde_json::Value, Refusal> {
    let day = date(story.date.as_deref())?;
    let fixed = fix::fix(setup, story.format.name(), None, &story.text, day, false)
        .map_err(|error| Refusal { status: 500, message: error.to_string() })?;
    Ok(serde_json::json!({ "text": fixed.text, "edits": fixed.edits }))
}

/// `POST /api/compare`: the figures, dates and qualifiers that changed (`factlint diff`).
pub fn compare(setup: &Setup, versions: Versions) -> Result<serde_json::Value, Refusal> {
    let day = date(versions.date.as_deref())?;
    let old = check(setup, versions.old, versions.format, day)?;
    let new = check(setup, versions.new, versions.format, day)?;
    serde_json::to_value(diff::compare(&old, &new))
        .map_err(|e| Refusal { status: 500, message: e.to_string() })
}

fn reference(doc: &Document) -> Option<Reference> {
    doc.reference().map(|reference| Reference {
        date: reference.date.to_string(),
        origin: match reference.origin {
            ReferenceOrigin::Given => "given",
            ReferenceOrigin::FrontMatter => "front matter",
            ReferenceOrigin::Dateline => "dateline",
        },
    })
}

fn fix_title(doc: &Document, fix: &factlint_rules::Fix) -> String {
    match fix.edits.as_slice() {
        [edit] => {
            let at = doc.to_source(edit.span);
            let old = &doc.source()[at.range()];
            match (old.is_empty(), edit.replacement.is_empty()) {
                (_, true) => format!("Remove “{old}”"),
                (true, false) => format!("Insert “{}”", edit.replacement),
                _ => format!("“{old}” → “{}”", edit.replacement),
            }
        }
        edits => format!("Apply {} edits", edits.len()),
    }
}

/// The figures panel's groups: claims counting the same thing, dates, times and the rest.
struct Groups {
    alike: Vec<Vec<&'static str>>,
}

impl Groups {
    fn new() -> Groups {
        let alike = ALIKE
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split_whitespace().collect())
            .collect();
        Groups { alike }
    }

    fn of(&self, claim: &factlint_extract::Claim) -> String {
        if claim.kind.is_temporal() {
            return "dates and times".to_string();
        }
        let Some(head) = claim.head() else {
            return match claim.unit {
                Some(unit) => format!("{} ({unit})", claim.kind.as_str()),
                None => format!("{} figures", claim.kind.as_str()),
            };
        };
        let head = self.alike.iter().find(|group| group.contains(&head)).map_or(head, |group| group[0]);
        let owner = claim.owner.as_deref().map(|o| format!(" ({o})")).unwrap_or_default();
        format!("{head}{owner}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs_twice() {
        let units = Utf16::new("a“😀b");
        assert_eq!(units.of(0), 0);
        assert_eq!(units.of(1), 1);
        assert_eq!(units.of(4), 2);
        assert_eq!(units.of(8), 4);
        assert_eq!(units.of(9), 5);
        assert_eq!(units.of(99), 5);
    }

    #[test]
    fn troops_and_soldiers_count_the_same_thing() {
        let doc = Document::from_text("Some 300 soldiers and 200 troops and 40 tanks.");
        let claims = factlint_extract::extract(&doc);
        let groups = Groups::new();
        let names: Vec<String> = claims.iter().map(|c| groups.of(c)).collect();
        assert_eq!(names, ["troop", "troop", "tank"]);
    }
}
