//! `terakoya progress reset` asks on a terminal: answered in a pseudo-terminal
//! as a person would (type the answer, press Enter).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const SAVED: &str =
    "version = 1\n\n[lessons.\"career/06-sns\"]\nticked = [\"p1\", \"p2\"]\nsections_read = []\n";

/// Runs `terakoya progress reset --all` in a terminal, waits for the
/// question, answers `answer`, and returns everything the terminal showed.
fn answer_reset(data: &Path, answer: &str) -> String {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_terakoya"));
    cmd.args(["progress", "reset", "--all", "--data-dir"]);
    cmd.arg(data);
    cmd.env_remove("TERAKOYA_DATA_DIR");
    cmd.env("HOME", data);
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);

    let mut reader = pair.master.try_clone_reader().unwrap();
    let (sender, output) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 1024];
        while let Ok(n @ 1..) = reader.read(&mut buf) {
            let _ = sender.send(buf[..n].to_vec());
        }
    });
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !String::from_utf8_lossy(&seen).contains("[y/N] ") {
        assert!(Instant::now() < deadline, "no question: {seen:?}");
        if let Ok(chunk) = output.recv_timeout(Duration::from_millis(100)) {
            seen.extend(chunk);
        }
    }
    let mut writer = pair.master.take_writer().unwrap();
    writer.write_all(format!("{answer}\r").as_bytes()).unwrap();
    writer.flush().unwrap();
    assert!(child.wait().unwrap().success());
    // Until the reading thread ends (end of output once the child is gone),
    // not until a quiet moment, which a busy machine may give too early.
    while let Ok(chunk) = output.recv_timeout(Duration::from_secs(20)) {
        seen.extend(chunk);
    }
    String::from_utf8_lossy(&seen).into_owned()
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
    assert!(left.contains("version = 1"), "{left}");
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
