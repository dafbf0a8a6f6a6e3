//! `terakoya progress` (not yet implemented).

use std::process::ExitCode;

use super::Cli;

#[allow(unused_variables, clippy::unnecessary_wraps)]
pub fn run(cli: &Cli, args: &super::ProgressArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`progress` is not implemented yet")
}
