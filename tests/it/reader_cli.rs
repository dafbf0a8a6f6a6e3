//! The reader outside a terminal: a clear error, not a garbled screen.

use predicates::str::contains;

#[test]
fn without_a_terminal_the_reader_points_to_plain_commands() {
    let data = tempfile::tempdir().unwrap();
    crate::support::terakoya()
        .arg("--data-dir")
        .arg(data.path())
        .write_stdin("")
        .assert()
        .failure()
        .code(1)
        .stderr(contains("the reader needs a terminal"))
        .stderr(contains("terakoya show"));
    assert!(
        !data.path().join("progress.toml").exists(),
        "nothing was written"
    );
}
