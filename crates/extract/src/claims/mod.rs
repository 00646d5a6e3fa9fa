//! Claims, the third layer: the figures ([`quantity`]) and times ([`temporal`]) a story states,
//! each with its span, qualifier, interval and what it counts or means. Reads the text model and
//! the numbers layer; knows nothing of the reference date's origin or of rules.

pub(crate) mod claim;
pub(crate) mod frame;
pub(crate) mod qualifier_words;
pub(crate) mod quantity;
pub(crate) mod temporal;
#[rustfmt::skip]
mod word_lists;
