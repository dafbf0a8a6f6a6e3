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

fn lessons_dir() -> String {
    format!("{}/lessons", env!("CARGO_MANIFEST_DIR"))
}

/// Opens the first lesson and moves to its checklist.
fn open_checklist(reader: &mut Reader) {
    reader.wait_for_text("Enter open");
    reader.send("\r");
    reader.wait_for_text("Introduction");
    reader.send("\t");
    reader.wait_for_text("Summary 0/6");
}

#[test]
fn ticks_survive_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let lessons = lessons_dir();
    let mut reader = Reader::start(data.path(), &["--lessons", &lessons]);
    open_checklist(&mut reader);
    reader.send("x");
    reader.wait_for_text("Summary 1/6");
    reader.send("jx");
    reader.wait_for_text("Summary 2/6");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);

    let mut again = Reader::start(data.path(), &["--lessons", &lessons]);
    let list = again.wait_for_text("points 2/6");
    assert!(list.contains("Continue"), "offers to continue:\n{list}");
    again.send("c");
    again.wait_for_text("Introduction");
    again.send("\t");
    let screen = again.wait_for_text("Summary 2/6");
    assert_eq!(
        screen.matches("[x]").count(),
        2,
        "two ticks shown:\n{screen}"
    );
    assert_eq!(
        screen.matches("[ ]").count(),
        4,
        "four points left:\n{screen}"
    );
}

#[test]
fn a_tick_on_screen_survives_sigkill() {
    let data = tempfile::tempdir().unwrap();
    let lessons = lessons_dir();
    let mut reader = Reader::start(data.path(), &["--lessons", &lessons]);
    open_checklist(&mut reader);
    reader.send("jjx");
    reader.wait_for_text("Summary 1/6");
    reader.signal("KILL");
    reader.wait_exit();

    let again = Reader::start(data.path(), &["--lessons", &lessons]);
    again.wait_for_text("points 1/6");
}
