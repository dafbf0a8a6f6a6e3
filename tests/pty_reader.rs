//! End-to-end: the real binary in a pseudo-terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod pty_support;

use pty_support::Reader;

/// Mouse tracking off, as crossterm's DisableMouseCapture writes it.
const MOUSE_OFF: &str = "\x1b[?1000l";
const ENTER_ALTERNATE_SCREEN: &str = "\x1b[?1049h";
const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";

/// A signal saves the reading position and restores the terminal: the
/// alternate screen left, mouse capture off, raw mode off.
fn signal_restores_the_terminal(signal: &str, number: u32) {
    let data = tempfile::tempdir().unwrap();
    let lessons = lessons_dir();
    let mut reader = Reader::start(data.path(), &["--lessons", &lessons]);
    reader.wait_for_text("Enter open");
    reader.send("\r");
    reader.wait_for_text("Introduction");
    reader.send("]");
    reader.wait_for_text("1/6 ");
    reader.signal(signal);
    let code = reader.wait_exit();
    assert_eq!(code, 128 + number, "exits as killed by SIG{signal} would");
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
    let saved = std::fs::read_to_string(data.path().join("progress.toml")).unwrap();
    assert!(
        saved.contains("[lessons.\"career/06-sns\".position]"),
        "the position was saved on SIG{signal}:\n{saved}"
    );
}

#[test]
fn sigterm_saves_and_restores_the_terminal() {
    signal_restores_the_terminal("TERM", 15);
}

#[test]
fn sighup_saves_and_restores_the_terminal() {
    signal_restores_the_terminal("HUP", 1);
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
    // The hint to go back to the text shows only with the checklist focused.
    reader.wait_for(CHECKLIST_FOCUSED, |s| {
        s.contains(CHECKLIST_FOCUSED) && s.contains("Summary 0/6")
    });
}

const CHECKLIST_FOCUSED: &str = "Tab Text";

#[test]
fn ticks_survive_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let lessons = lessons_dir();
    let mut reader = Reader::start(data.path(), &["--lessons", &lessons]);
    open_checklist(&mut reader);
    reader.send("x");
    reader.wait_for_text("[x]");
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
    let screen = again.wait_for("the checklist", |s| {
        s.contains(CHECKLIST_FOCUSED) && s.contains("Summary 2/6")
    });
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

#[test]
fn bad_lesson_files_are_reported_and_the_good_ones_open() {
    let data = tempfile::tempdir().unwrap();
    let lessons = tempfile::tempdir().unwrap();
    let course = lessons.path().join("career");
    std::fs::create_dir(&course).unwrap();
    for file in ["course.toml", "06-sns.toml"] {
        std::fs::copy(
            format!("{}/career/{file}", lessons_dir()),
            course.join(file),
        )
        .unwrap();
    }
    std::fs::write(course.join("99-broken.toml"), "title = \n").unwrap();
    let path = lessons.path().to_str().unwrap();
    let mut reader = Reader::start(data.path(), &["--lessons", path]);
    let screen = reader.wait_for_text("1 lesson file has errors: run `terakoya check`");
    assert!(screen.contains("SNSを味方にする医師の作法"), "{screen}");
    reader.send("\r");
    reader.wait_for_text("Introduction");
}

/// An SGR mouse report (1-based cell), as terminals send them with mouse
/// capture on.
fn sgr(button: u8, column: u16, row: u16, press: bool) -> String {
    let end = if press { 'M' } else { 'm' };
    format!("\x1b[<{button};{};{}{end}", column + 1, row + 1)
}

#[test]
fn the_mouse_selects_opens_scrolls_and_ticks() {
    let data = tempfile::tempdir().unwrap();
    let lessons = lessons_dir();
    let mut reader = Reader::start(data.path(), &["--lessons", &lessons]);
    reader.wait_for_text("Enter open");
    // Row 0 is the title, row 1 the course, rows 2-3 lesson 6, rows 4-5 lesson 7.
    let click = format!("{}{}", sgr(0, 6, 4, true), sgr(0, 6, 4, false));
    reader.send(&click);
    reader.send(&click);
    reader.wait_for_text("Introduction");
    let screen = reader.screen();
    assert!(
        screen.contains("学び続ける技術"),
        "lesson 7 opened:\n{screen}"
    );
    let first_text_row = |s: &str| s.lines().nth(1).unwrap_or("").trim().to_owned();
    const LABEL: &str = "第7回 〔1時限〕";
    assert!(first_text_row(&screen).starts_with(LABEL), "{screen}");
    reader.send(&sgr(65, 10, 10, true));
    reader.wait_for("the wheel to scroll the text", |s| {
        !first_text_row(s).is_empty() && !first_text_row(s).starts_with(LABEL)
    });
    // Narrow: the checklist shows after Tab; a click on a point ticks it.
    reader.send("\t");
    reader.wait_for_text(CHECKLIST_FOCUSED);
    reader.send(&format!("{}{}", sgr(0, 8, 1, true), sgr(0, 8, 1, false)));
    let screen = reader.wait_for_text("Summary 1/6");
    assert!(first_text_row(&screen).starts_with("[x]"), "{screen}");
}

#[test]
fn resizing_rewraps_at_once() {
    let data = tempfile::tempdir().unwrap();
    let lessons = lessons_dir();
    let mut reader = Reader::start(data.path(), &["--lessons", &lessons]);
    reader.wait_for_text("Enter open");
    reader.send("\r");
    reader.wait_for_text("Introduction");
    // At 80 columns the lecturer's bio starts with one long line.
    let wide = reader.wait_for_text("早瀬 美月");
    let bio = |s: &str| {
        s.lines()
            .map(str::trim)
            .find(|l| l.starts_with("港北みなと総合病院"))
            .map(str::to_owned)
    };
    assert!(bio(&wide).is_some_and(|l| l.contains("架空")), "{wide}");
    reader.resize(12, 40);
    let narrow = reader.wait_for("the text re-wrapped to 40 columns", |s| {
        bio(s).is_some_and(|l| !l.contains("架空"))
    });
    let title = narrow.lines().next().unwrap_or("");
    assert!(title.trim_end().ends_with('%'), "the title fits: {narrow}");
}

/// A save that fails when scrolling settles says so at once, without
/// waiting for another key to redraw the screen.
#[test]
fn a_failed_position_save_is_shown_when_scrolling_settles() {
    let data = tempfile::tempdir().unwrap();
    // A newer terakoya's progress file is never overwritten: saves fail.
    std::fs::write(data.path().join("progress.toml"), "version = 99\n").unwrap();
    let lessons = lessons_dir();
    let mut reader = Reader::start(data.path(), &["--lessons", &lessons]);
    reader.wait_for_text("not saving progress");
    reader.send("\r");
    reader.wait_for_text("Progress not saved");
    // The key clears the message (and saves nothing: no section's end comes
    // into view); the position's save, a second later, brings it back.
    reader.send("]");
    reader.wait_for("the failed save of the position", |screen| {
        screen.contains("1/6 ") && screen.contains("Progress not saved")
    });
}
