//! `terakoya progress reset` asks on a terminal: answered in a pseudo-terminal
//! as a person would (type the answer, press Enter).

use crate::pty_support;

use std::path::Path;

use pty_support::Reader;

const SAVED: &str =
    "version = 1\n\n[lessons.\"career/06-sns\"]\nticked = [\"p1\", \"p2\"]\nsections_read = []\n";

/// Runs `terakoya progress reset --all` in a terminal, waits for the
/// question, answers `answer`, and returns everything the terminal showed.
fn answer_reset(data: &Path, answer: &str) -> String {
    let data = data.to_str().unwrap();
    let args = ["progress", "reset", "--all", "--data-dir", data];
    let mut terminal = Reader::spawn(&args, &[("HOME", data)]);
    terminal.wait_for_output("the question", |seen| seen.contains("[y/N] "));
    terminal.send(&format!("{answer}\r"));
    assert_eq!(terminal.wait_exit(), 0, "exits successfully");
    terminal.output_to_end()
}

#[test]
fn yes_clears_everything() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("progress.toml");
    std::fs::write(&file, SAVED).unwrap();
    let shown = answer_reset(data.path(), "y");
    assert!(
        shown.contains("Clear all saved progress (1 lesson(s))? [y/N] "),
        "{shown}"
    );
    assert!(shown.contains("Cleared all saved progress"), "{shown}");
    let left = std::fs::read_to_string(&file).unwrap();
    assert!(!left.contains("p1"), "{left}");
    assert!(left.contains("version = 2"), "{left}");
    // The version 1 file was kept whole before its first rewrite.
    let backup = std::fs::read_to_string(data.path().join("progress.v1.bak")).unwrap();
    assert_eq!(backup, SAVED);
}

#[test]
fn anything_but_yes_keeps_everything() {
    for answer in ["n", "", "maybe"] {
        let data = tempfile::tempdir().unwrap();
        let file = data.path().join("progress.toml");
        std::fs::write(&file, SAVED).unwrap();
        let shown = answer_reset(data.path(), answer);
        assert!(shown.contains("Nothing cleared."), "{answer:?}: {shown}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), SAVED);
    }
}
