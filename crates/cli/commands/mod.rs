//! One module per command.

pub mod check;
pub mod claims;
pub mod rules;
