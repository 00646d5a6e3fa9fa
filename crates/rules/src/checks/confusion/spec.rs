//! How a `confusion` rule is written: its sets of words that are typed for one another, how
//! much likelier an alternative must be before it is reported, and the stand-ins the shipped
//! model reads for words it has no counts of.

use serde::Deserialize;
use std::collections::BTreeMap;

/// Words typed for one another: a list (`[then, than]`, every direction with the rule's
/// `factor`), or a mapping with its own `factor`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ConfusionSet {
    Words(Vec<String>),
    Detailed(DetailedSet),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DetailedSet {
    pub words: Vec<String>,
    #[serde(default)]
    pub factor: Option<Factor>,
}

/// How many times likelier an alternative must be: one figure for every direction, or one per
/// direction written `found>intended` (directions left out are not reported).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Factor {
    Every(f64),
    Directions(BTreeMap<String, f64>),
}

impl ConfusionSet {
    pub fn words(&self) -> &[String] {
        match self {
            ConfusionSet::Words(words) => words,
            ConfusionSet::Detailed(detailed) => &detailed.words,
        }
    }

    /// Every direction this set reports, `(found, intended, factor)`, with `default` where the
    /// set gives no factor. Errors name a direction whose words are not in the set.
    pub fn directions(&self, default: f64) -> Result<Vec<(String, String, f64)>, String> {
        let words = self.words();
        if words.len() < 2 {
            return Err(format!("a confusion set needs two words or more, found {words:?}"));
        }
        let every = |factor: f64| {
            let mut out = Vec::new();
            for found in words {
                for intended in words.iter().filter(|w| *w != found) {
                    out.push((found.clone(), intended.clone(), factor));
                }
            }
            out
        };
        match self {
            ConfusionSet::Words(_) | ConfusionSet::Detailed(DetailedSet { factor: None, .. }) => {
                Ok(every(default))
            }
            ConfusionSet::Detailed(DetailedSet { factor: Some(Factor::Every(factor)), .. }) => {
                Ok(every(*factor))
            }
            ConfusionSet::Detailed(DetailedSet { factor: Some(Factor::Directions(map)), .. }) => map
                .iter()
                .map(|(direction, factor)| match direction.split_once('>') {
                    Some((found, intended))
                        if words.iter().any(|w| w == found.trim())
                            && words.iter().any(|w| w == intended.trim()) =>
                    {
                        Ok((found.trim().to_string(), intended.trim().to_string(), *factor))
                    }
                    _ => Err(format!(
                        "`{direction}` is not `found>intended` with two words of the set {words:?}"
                    )),
                })
                .collect(),
        }
    }
}
