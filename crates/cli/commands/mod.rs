//! One module per command; the small ones live here.

pub mod check;
pub mod claims;
pub mod diff;
pub mod learn;
pub mod rules;
pub mod snapshot;

use crate::Outcome;
use crate::config::{FILE_NAME, STARTER};
use anyhow::{Context, Result, bail};
use clap::CommandFactory;
use std::path::Path;

/// `factlint init`: a commented starter configuration; an existing one is kept unless `force`.
pub fn init(force: bool) -> Result<Outcome> {
    let path = Path::new(FILE_NAME);
    if path.exists() && !force {
        bail!("{FILE_NAME} already exists; use --force to replace it");
    }
    std::fs::write(path, STARTER).with_context(|| format!("cannot write {FILE_NAME}"))?;
    eprintln!("factlint: wrote {FILE_NAME}");
    Ok(Outcome::Clean)
}

/// `factlint man`: the man page in roff.
pub fn man() -> Result<Outcome> {
    clap_mangen::Man::new(crate::cli::Cli::command()).render(&mut std::io::stdout())?;
    Ok(Outcome::Clean)
}
