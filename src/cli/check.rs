//! `terakoya check` (not yet implemented).

use std::process::ExitCode;

use super::Cli;

#[allow(unused_variables, clippy::unnecessary_wraps)]
pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`check` is not implemented yet")
}
