//! One body's size given twice.

use super::{Plant, Signal};
use crate::change::{self, Rng};
use crate::story::{Kind, Story};

/// Words a body's size is counted in: "13-nation", "its 13 members".
const MEMBERS: &[&str] = &[
    "member",
    "members",
    "nation",
    "nations",
    "country",
    "countries",
    "seat",
    "seats",
    "man",
    "strong",
    "state",
    "states",
];

/// "the 13-nation group" and "its 13 members": one body's size twice.
pub fn plants(story: &Story, id: u64) -> Vec<Plant> {
    let tokens = &story.tokens;
    let mut sizes: Vec<(f64, usize, usize)> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Kind::Number(value) = token.kind else { continue };
        if value.fract() != 0.0 || !(2.0..=500.0).contains(&value) {
            continue;
        }
        let hyphenated = story.word(i + 1) == "-" && MEMBERS.contains(&story.word(i + 2));
        let counted = matches!(story.word(i + 1), "members" | "member")
            && matches!(story.word(i.wrapping_sub(1)), "its" | "their" | "the" | "s" | "all");
        if hyphenated {
            sizes.push((value, i, tokens[i + 2].end));
        } else if counted {
            sizes.push((value, i, tokens[i + 1].end));
        }
    }
    let mut plants = Vec::new();
    // One size only: a story giving two sizes is about two bodies, or already wrong.
    if sizes.windows(2).any(|w| w[0].0 != w[1].0) {
        return plants;
    }
    for pair in sizes.windows(2) {
        let ((value, a, a_end), (_, b, b_end)) = (pair[0], pair[1]);
        if tokens[a].sentence == tokens[b].sentence {
            continue;
        }
        let token = &tokens[b];
        let original = story.raw(b);
        if let Some(replacement) =
            change::small_count(original, value, &mut Rng::new(id, token.start), 2.0, 500.0)
        {
            plants.push(Plant {
                signal: Signal::BodySize,
                start: token.start,
                end: token.end,
                replacement,
                mention: (token.start, b_end),
                antecedent: (tokens[a].start, a_end),
            });
        }
    }
    plants
}
