//! `terakoya show` (not yet implemented).

use std::process::ExitCode;

use super::Cli;

#[allow(unused_variables, clippy::unnecessary_wraps)]
pub fn run(cli: &Cli, lesson: &str, width: Option<u16>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`show` is not implemented yet")
}
