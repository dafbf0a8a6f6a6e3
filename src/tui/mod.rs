//! The interactive reader (not yet implemented).

use std::process::ExitCode;

use crate::cli::Cli;

#[allow(unused_variables, clippy::unnecessary_wraps)]
pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the reader is not implemented yet")
}
