//! Plain text: the whole file is prose.

use super::{OffsetMap, Prepared, split_paragraphs};

/// Lines longer than this are not hard-wrapped copy.
const WRAP_WIDTH: usize = 100;

pub(crate) fn prepare(source: &str) -> Prepared {
    let mut blocks = Vec::new();
    split_paragraphs(source, !is_hard_wrapped(source), &mut blocks);
    Prepared { text: None, map: OffsetMap::Identity, blocks, front_matter_date: None }
}

/// Hard-wrapped copy (wire stories, e-mail) breaks lines inside paragraphs; other copy puts one
/// paragraph on a line. Wrapped copy has no long lines and has consecutive full lines.
fn is_hard_wrapped(source: &str) -> bool {
    let mut full_runs = 0;
    let mut previous_full = false;
    for line in source.lines() {
        let width = line.trim_end().len();
        if width > WRAP_WIDTH {
            return false;
        }
        let full = width >= WRAP_WIDTH / 2;
        if full && previous_full {
            full_runs += 1;
        }
        previous_full = full;
    }
    full_runs >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(source: &str) -> Vec<&str> {
        prepare(source).blocks.iter().map(|b| &source[b.range()]).collect()
    }

    #[test]
    fn one_paragraph_per_line() {
        assert_eq!(
            blocks("Headline\nFirst paragraph.\n\nSecond."),
            vec!["Headline", "First paragraph.", "Second."]
        );
    }

    #[test]
    fn hard_wrapped_copy_joins_lines_until_a_blank_or_indented_line() {
        let source = "The council voted on Tuesday to approve the new budget, which\n\
                      raises spending on roads and schools by a total of four\n\
                      percent over last year's plan, the clerk said after the vote.\n    \
                      The mayor said she would sign it on Friday after a final\n\
                      reading of the full text by the members of the council.\n";
        let found = blocks(source);
        assert_eq!(found.len(), 2);
        assert!(found[0].ends_with("the vote."));
        assert!(found[1].starts_with("The mayor"));
    }
}
