//! Shared by the binary tests (`mod support;`): running terakoya on a
//! lessons directory with a fresh data directory of its own, so that no
//! test touches the user's progress.

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;

/// The terakoya binary, speaking English whatever the developer's locale:
/// the tests compare its English messages (tests of the Japanese interface
/// set the language themselves).
pub fn terakoya() -> Command {
    let mut command = Command::cargo_bin("terakoya").unwrap();
    command.env("LC_ALL", "C.UTF-8");
    command
}

/// Runs terakoya with `--lessons lessons`, a fresh data directory and `args`.
pub fn run(lessons: &Path, args: &[&str]) -> Output {
    run_limited(lessons, args, None)
}

/// As `run`, but kills the program after `limit`: for input that could make
/// it hang (the exit status then has no code).
pub fn run_within(lessons: &Path, args: &[&str], limit: Duration) -> Output {
    run_limited(lessons, args, Some(limit))
}

fn run_limited(lessons: &Path, args: &[&str], limit: Option<Duration>) -> Output {
    let data = tempfile::tempdir().unwrap();
    let mut terakoya = crate::support::terakoya();
    terakoya
        .env_remove("TERAKOYA_DATA_DIR")
        .arg("--data-dir")
        .arg(data.path())
        .arg("--lessons")
        .arg(lessons)
        .args(args);
    if let Some(limit) = limit {
        terakoya.timeout(limit);
    }
    terakoya.output().unwrap()
}

/// Makes a FIFO at `path` with the system's `mkfifo`.
pub fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}
