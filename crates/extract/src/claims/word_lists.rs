// @generated from crates/extract/data by crates/extract/tests/codegen.rs: edit the lists there,
// then run `FACTLINT_BLESS=1 cargo test -p factlint-extract --test codegen`.

/// Words around a pair of numbers that make it a vote or a score ("approved 9-3", "won 2-1").
pub(crate) fn is_score_word(word: &str) -> bool {
    matches!(
        word,
        "vote"
            | "voted"
            | "votes"
            | "approved"
            | "passed"
            | "rejected"
            | "won"
            | "win"
            | "wins"
            | "beat"
            | "beats"
            | "lost"
            | "loss"
            | "lose"
            | "defeated"
            | "defeat"
            | "victory"
            | "draw"
            | "drew"
            | "tied"
            | "tie"
            | "lead"
            | "led"
            | "trailed"
            | "score"
            | "scored"
            | "margin"
            | "ruling"
            | "ruled"
            | "decision"
            | "majority"
            | "thrashed"
            | "edged"
            | "routed"
    )
}

/// Words that make a sentence look ahead from the reference date: "will", "scheduled", "next".
pub(crate) fn is_future_marker(word: &str) -> bool {
    matches!(
        word,
        "will"
            | "shall"
            | "'ll"
            | "scheduled"
            | "planned"
            | "plans"
            | "plan"
            | "due"
            | "upcoming"
            | "ahead"
            | "expected"
            | "expects"
            | "set"
            | "slated"
            | "going"
            | "tomorrow"
            | "next"
            | "coming"
            | "intends"
            | "aims"
            | "hopes"
            | "would"
    )
}

/// Reporting verbs ("said", "told", "according"): they frame a sentence and do not time the
/// event, so they are no sign of the past tense.
pub(crate) fn is_reporting_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "told"
            | "added"
            | "according"
            | "reported"
            | "confirmed"
            | "announced"
            | "stated"
            | "noted"
            | "explained"
            | "wrote"
            | "tweeted"
            | "claimed"
            | "argued"
    )
}

/// Words that make a sentence look back from the reference date: "was", "met", "ago". Any
/// other word in "-ed" counts too, unless it is a planned participle.
pub(crate) fn is_past_word(word: &str) -> bool {
    matches!(
        word,
        "was"
            | "were"
            | "had"
            | "did"
            | "met"
            | "held"
            | "went"
            | "came"
            | "began"
            | "took"
            | "made"
            | "left"
            | "last"
            | "ago"
            | "yesterday"
            | "earlier"
            | "fell"
            | "rose"
            | "won"
            | "lost"
            | "gave"
            | "saw"
            | "spoke"
            | "died"
            | "killed"
            | "sent"
            | "got"
            | "ran"
    )
}

/// Words in "-ed" that speak of plans, not the past ("scheduled", "expected").
pub(crate) fn is_planned_participle(word: &str) -> bool {
    matches!(
        word,
        "scheduled"
            | "planned"
            | "expected"
            | "needed"
            | "proposed"
    )
}
