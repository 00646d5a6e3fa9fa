//! placeholder
use crate::cli::ServeArgs;
pub fn run(_args: &ServeArgs) -> anyhow::Result<crate::Outcome> {
    anyhow::bail!("not yet")
}
