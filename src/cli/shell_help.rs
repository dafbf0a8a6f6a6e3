//! `terakoya completions SHELL` and `terakoya man`: generated from the same
//! clap definition as the parser, so they cannot drift from it.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::CommandFactory;

use super::Cli;

pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "terakoya", &mut out);
    write_out(&out)
}

pub fn man() -> anyhow::Result<ExitCode> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    write_out(&out)
}

/// Writes to stdout; a reader that went away (`| head`) is no error.
fn write_out(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => Err(err.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
