//! Word lists the extractor shares: words that end a subject (cannot be part of what a figure
//! counts), words that look like verbs, and a small singulariser for head nouns. The lists
//! themselves are data (`crates/extract/data/`), compiled into `word_lists`.

use super::word_lists;

pub(crate) use super::word_lists::{ends_subject, is_us_state_abbreviation};

/// Verbs that commonly follow a bare figure ("30 died", "5,000 marched"): the figure counts
/// whoever did it. A word in "-ed" is taken for one unless it describes people ("30 injured").
pub(crate) fn looks_like_verb(w: &str) -> bool {
    (w.ends_with("ed") && w.len() > 4 && !word_lists::ed_adjectives(w)) || word_lists::verbs_after_figure(w)
}

/// The singular of a lower-cased head noun: good enough to match "troops" with "troop",
/// "casualties" with "casualty" and "people" with itself.
pub fn singular(word: &str) -> String {
    let irregular = word_lists::irregular_plurals(word);
    if let Some(s) = irregular {
        return s.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies")
        && stem.len() > 1
    {
        return format!("{stem}y");
    }
    for ending in ["ches", "shes", "sses", "xes", "zes"] {
        if word.ends_with(ending) {
            return word[..word.len() - 2].to_string();
        }
    }
    if word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && word.len() > 3
    {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// The word without a possessive ending ("EU’s" → "EU", "allies'" stays).
pub(crate) fn strip_possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singulars() {
        for (plural, one) in [
            ("troops", "troop"),
            ("casualties", "casualty"),
            ("people", "person"),
            ("vehicles", "vehicle"),
            ("states", "state"),
            ("churches", "church"),
            ("status", "status"),
            ("aircraft", "aircraft"),
        ] {
            assert_eq!(singular(plural), one);
        }
    }
}
