//! `terakoya list` (not yet implemented).

use std::process::ExitCode;

use super::Cli;

#[allow(unused_variables, clippy::unnecessary_wraps)]
pub fn run(cli: &Cli, json: bool) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`list` is not implemented yet")
}
