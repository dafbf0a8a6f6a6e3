//! End-to-end: the real binary in a pseudo-terminal.

use crate::pty_support;

use pty_support::Reader;

/// Mouse tracking off, as crossterm's DisableMouseCapture writes it.
const MOUSE_OFF: &str = "\x1b[?1000l";
/// From the list on a fresh data directory (the tour preselected): down to
/// the Japanese lesson 第6回 and open it.
use crate::pty_support::OPEN_SNS;
const ENTER_ALTERNATE_SCREEN: &str = "\x1b[?1049h";
const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";

/// A signal saves the reading position and restores the terminal: the
/// alternate screen left, mouse capture off, raw mode off.
fn signal_restores_the_terminal(signal: &str, number: u32) {
    let data = tempfile::tempdir().unwrap();
    let lessons = lessons_dir();
    let mut reader = Reader::start(data.path(), &["--lessons", &lessons]);
    reader.wait_for_text("Enter open");
    reader.send(OPEN_SNS);
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

/// Opens 第6回 and moves to its checklist.
fn open_checklist(reader: &mut Reader) {
    reader.wait_for_text("Enter open");
    reader.send(OPEN_SNS);
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

fn first_text_row(screen: &str) -> String {
    screen.lines().nth(1).unwrap_or("").trim().to_owned()
}

/// The tick's save carries the reading position, so a kill at once after
/// it loses neither (no waiting for scrolling to settle).
#[test]
fn the_reading_position_survives_sigkill_after_a_tick() {
    let data = tempfile::tempdir().unwrap();
    let lessons = lessons_dir();
    let mut reader = Reader::start(data.path(), &["--lessons", &lessons]);
    reader.wait_for_text("Enter open");
    reader.send(OPEN_SNS);
    reader.wait_for_text("Introduction");
    reader.send("]]");
    reader.wait_for_text("2/6 ");
    // The help opening shows that the three lines before it were handled.
    reader.send("jjj?");
    reader.wait_for_text("closes");
    reader.send("?");
    let place = reader.wait_for("the help to close", |s| {
        !s.contains("closes") && s.contains("2/6 ")
    });
    let row = first_text_row(&place);
    reader.send("\tx");
    reader.wait_for_text("Summary 1/6");
    reader.signal("KILL");
    reader.wait_exit();

    let mut again = Reader::start(data.path(), &["--lessons", &lessons]);
    again.wait_for_text("points 1/6");
    again.send("c");
    let back = again.wait_for_text("2/6 ");
    assert_eq!(first_text_row(&back), row, "{back}");
}

/// Only clicks and the wheel are reported (1000 + SGR 1006): no motion
/// tracking (1002/1003), which would flood the reader with pointer moves.
#[test]
fn only_button_and_wheel_reporting_is_enabled() {
    let data = tempfile::tempdir().unwrap();
    let lessons = lessons_dir();
    let mut reader = Reader::start(data.path(), &["--lessons", &lessons]);
    reader.wait_for_text("Enter open");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
    let output = reader.wait_for_output("mouse reporting off", |o| o.contains(MOUSE_OFF));
    assert!(output.contains("\x1b[?1000h") && output.contains("\x1b[?1006h"));
    for motion in ["\x1b[?1002h", "\x1b[?1003h"] {
        assert!(!output.contains(motion), "{motion:?} enabled");
    }
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
    // The hint repeats -L, so that running it checks these lessons.
    let hint = format!("1 lesson file has errors: run `terakoya -L {path} check`");
    let screen = reader.wait_for_text(&hint);
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
    // Row 0 is the title, row 1 the tour course, rows 2-5 its lessons, row
    // 7 the career course, rows 8-9 lesson 6, rows 10-11 lesson 7.
    let click = format!("{}{}", sgr(0, 6, 10, true), sgr(0, 6, 10, false));
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
    reader.send(OPEN_SNS);
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

/// Pointer motion (which a terminal may still send, e.g. while dragging)
/// does not count as input: the position is saved half a second after the
/// last key, however much the mouse moves.
#[test]
fn mouse_motion_does_not_put_off_the_position_save() {
    let data = tempfile::tempdir().unwrap();
    let lessons = lessons_dir();
    let mut reader = Reader::start(data.path(), &["--lessons", &lessons]);
    reader.wait_for_text("Enter open");
    reader.send(OPEN_SNS);
    reader.wait_for_text("Introduction");
    // Into the lecturer's profile: no section ends on screen, so nothing
    // but the position waits to be saved.
    reader.send("jjjjjj");
    let file = data.path().join("progress.toml");
    let saved = || std::fs::read_to_string(&file).unwrap_or_default();
    let start = std::time::Instant::now();
    let mut column = 0;
    while !saved().contains(".position]") {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "the position was never saved while the mouse moved:\n{}",
            saved()
        );
        column = (column + 1) % 70;
        // SGR motion with no button: 32 + 3.
        reader.send(&sgr(35, column, 5, true));
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}

/// A tick that could not be saved is not lost silently: after the terminal
/// is restored the reader says so on stderr and exits with status 1; the
/// warnings the status line showed are repeated there too.
#[test]
fn changes_left_unsaved_are_reported_at_exit() {
    let root = tempfile::tempdir().unwrap();
    // A data "directory" that is a file: every save fails.
    let data = root.path().join("not-a-dir");
    std::fs::write(&data, "").unwrap();
    let lessons = lessons_dir();
    let mut reader = Reader::start(&data, &["--lessons", &lessons]);
    reader.wait_for_text("progress will not be saved");
    reader.send("\r");
    reader.wait_for_text("Introduction");
    reader.send("\tx");
    reader.wait_for_text("Progress not saved");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 1);
    reader.wait_for_output("the warning after the terminal is restored", |output| {
        output.contains("terakoya: warning: changes to your progress could not be saved")
            || output.contains("terakoya: warning: 1 change to your progress could not be saved")
    });
    // The status line's warning from the start is said again, whole.
    reader.wait_for_output("the opening warning, repeated", |output| {
        output.contains("terakoya: warning: progress will not be saved: cannot write in")
    });
}

/// The reader does not open on a lessons path that does not exist.
#[test]
fn a_missing_lessons_path_is_refused_before_the_screen_opens() {
    let data = tempfile::tempdir().unwrap();
    let mut reader = Reader::start(data.path(), &["--lessons", "/nonexistent/lessons"]);
    assert_eq!(reader.wait_exit(), 1);
    reader.wait_for_output("the error", |output| {
        output.contains("/nonexistent/lessons: no such file or directory")
    });
}
