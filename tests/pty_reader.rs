//! End-to-end: the real binary in a pseudo-terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod pty_support;

use pty_support::Reader;

/// Mouse tracking off, as crossterm's DisableMouseCapture writes it.
const MOUSE_OFF: &str = "\x1b[?1000l";
const ENTER_ALTERNATE_SCREEN: &str = "\x1b[?1049h";
const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";

#[test]
fn sigterm_restores_the_terminal() {
    let data = tempfile::tempdir().unwrap();
    let mut reader = Reader::start(data.path(), &[]);
    reader.wait_for_text("Enter open");
    reader.send("\r");
    reader.wait_for_text("Introduction");
    reader.signal("TERM");
    let code = reader.wait_exit();
    assert_eq!(code, 128 + 15, "exits as killed by SIGTERM would");
    reader.wait_for_output(
        "the alternate screen left and mouse capture off",
        |output| {
            let entered = output
                .rfind(ENTER_ALTERNATE_SCREEN)
                .expect("entered the alternate screen");
            let tail = &output[entered..];
            tail.contains(LEAVE_ALTERNATE_SCREEN) && tail.contains(MOUSE_OFF)
        },
    );
    let stty = reader.stty();
    assert!(
        stty.split_whitespace().any(|flag| flag == "icanon")
            && stty.split_whitespace().any(|flag| flag == "echo"),
        "raw mode is off (canonical input and echo are back): {stty}"
    );
}
