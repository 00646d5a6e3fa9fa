//! One module per command.

pub mod claims;
