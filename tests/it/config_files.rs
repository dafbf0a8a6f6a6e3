//! The config file: `config --check` on one fixture folder per problem
//! (tests/invalid_configs/<case>/config.toml and its `expected` output;
//! tests/valid_configs/<case>/config.toml pass), `--print-default`, and the
//! reader with a config: remapped keys, NO_COLOR with a theme, the reading
//! width, a bad file reported in the status line.

use std::path::Path;

use assert_cmd::Command;
use terakoya::tui::msg::Action;

use crate::pty_support::{COLS, ROWS, Reader};
use crate::reader_support::{act, draw, screen, sns_app};

fn terakoya() -> Command {
    let mut cmd = crate::support::terakoya();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("TERAKOYA_CONFIG")
        .env_remove("CLICOLOR_FORCE")
        .env("XDG_CONFIG_HOME", "/nonexistent/terakoya-tests")
        .env("LC_ALL", "C");
    cmd
}

fn cases(folder: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut cases: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_invalid_config_prints_its_expected_problems_and_exits_1() {
    let cases = cases("tests/invalid_configs");
    assert!(cases.len() >= 9, "{cases:?}");
    for case in cases {
        let file = format!("tests/invalid_configs/{case}/config.toml");
        let expected = std::fs::read_to_string(format!(
            "{}/tests/invalid_configs/{case}/expected",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let output = terakoya()
            .args(["config", "--check", &file])
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert_eq!(stdout, expected, "{case}");
        assert_eq!(output.status.code(), Some(1), "{case}");
        assert!(output.stderr.is_empty(), "{case}");
    }
}

#[test]
fn every_valid_config_checks_clean() {
    for case in cases("tests/valid_configs") {
        let file = format!("tests/valid_configs/{case}/config.toml");
        let output = terakoya()
            .args(["config", "--check", &file])
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert_eq!(stdout, format!("ok: {file}\n"), "{case}");
        assert_eq!(output.status.code(), Some(0), "{case}");
    }
}

#[test]
fn the_printed_default_checks_clean_and_names_every_action() {
    let output = terakoya()
        .args(["config", "--print-default"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    for action in Action::all() {
        assert!(text.contains(&format!("\n{} = [", action.name())));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, &text).unwrap();
    terakoya()
        .args(["config", "--check"])
        .arg(&file)
        .assert()
        .success();
    // Without FILE, the file terakoya would read: named by the variable.
    terakoya()
        .env("TERAKOYA_CONFIG", &file)
        .args(["config", "--check"])
        .assert()
        .success()
        .stdout(format!("ok: {}\n", file.display()));
}

#[test]
fn a_missing_named_file_is_an_error_but_no_default_file_is_fine() {
    terakoya()
        .args(["config", "--check", "tests/no/such/config.toml"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("cannot read the config file"));
    terakoya().args(["config", "--check"]).assert().success();
}

#[test]
fn the_lessons_setting_is_the_default_lessons_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let lessons = format!(
        "{}/tests/invalid_bundles/unknown_key",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::write(&file, format!("lessons = {lessons:?}\n")).unwrap();
    let output = terakoya()
        .arg("--config")
        .arg(&file)
        .arg("check")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("unknown key `labl`"), "{stdout}");
}

/// At 200 columns the text is at most `reading_width` columns, centred in
/// its pane, with the checklist still beside it.
#[test]
fn wide_terminals_keep_the_text_to_the_reading_width() {
    for reading_width in [80u16, 40] {
        let mut app = sns_app(200, 40);
        app.reading_width = reading_width;
        act(&mut app, &[Action::Open]);
        let state = app.lesson.as_ref().unwrap();
        let text = state.screen.text;
        let pane = state.screen.panes.content.unwrap().body;
        assert_eq!(text.width, reading_width);
        let (left, right) = (text.x - pane.x, pane.right() - text.right());
        assert!(left.abs_diff(right) <= 3, "centred: {left} vs {right}");
        assert!(state.screen.panes.checklist.is_some());
        let layout = &app.lesson.as_ref().unwrap().layout;
        assert_eq!(layout.width, reading_width, "laid out for the column");
        let rows = screen(&draw(&app));
        // Every line drawn from the text stays inside the column.
        for index in 0..layout.lines.len().min(usize::from(text.height)) {
            let line = layout.line_text(index);
            let width = unicode_width::UnicodeWidthStr::width(line);
            let indent = layout.lines[index].indent;
            assert!(
                width + usize::from(indent) <= usize::from(reading_width),
                "{line}"
            );
        }
        assert!(rows.contains("第6回"), "{rows}");
    }
}

fn config_file(dir: &Path, text: &str) -> String {
    let file = dir.join("config.toml");
    std::fs::write(&file, text).unwrap();
    file.to_str().unwrap().to_owned()
}

fn lessons() -> String {
    format!("{}/lessons", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_remapped_key_ticks_and_the_help_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(dir.path(), "[keys]\ntoggle_tick = [\"t\"]\n");
    let lessons = lessons();
    let args = ["--config", config.as_str(), "--lessons", lessons.as_str()];
    let mut reader = Reader::start(dir.path(), &args);
    reader.wait_for_text("Enter open");
    reader.send(crate::pty_support::OPEN_SNS);
    reader.wait_for_text("Introduction");
    reader.send("\t");
    reader.wait_for_text("Summary 0/6");
    // The remapped key ticks, and so does its full-width twin.
    reader.send("t");
    reader.wait_for_text("Summary 1/6");
    reader.send("jｔ");
    reader.wait_for_text("Summary 2/6");
    // The default key no longer does (counted after a restart below).
    reader.send("jx");
    // The help, scrolled down until the checklist's keys show.
    reader.send("?");
    reader.wait_for_text("Everywhere");
    let mut help = reader.screen();
    for _ in 0..60 {
        if help.contains("tick or untick the point") {
            break;
        }
        reader.send("j");
        std::thread::sleep(std::time::Duration::from_millis(30));
        help = reader.screen();
    }
    let help = reader.wait_for_text("tick or untick the point");
    let line = help
        .lines()
        .find(|l| l.contains("tick or untick the point"))
        .unwrap();
    // The help box sits over the screen: read inside its borders.
    let inside = line
        .split('│')
        .find(|part| part.contains("tick or untick the point"))
        .unwrap();
    let keys: Vec<&str> = inside.split_whitespace().take(2).collect();
    assert!(keys.contains(&"t"), "the help shows t: {line}");
    assert!(!line.contains(" x "), "{line}");
    // `?` closes it (Esc then q would read as Alt-q).
    reader.send("?q");
    assert_eq!(reader.wait_exit(), 0);
    let again = Reader::start(dir.path(), &args);
    let list = again.wait_for_text("Enter open");
    assert!(list.contains("points 2/6"), "{list}");
}

#[test]
fn no_color_with_a_theme_has_no_colour_but_keeps_reverse_and_bold() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(
        dir.path(),
        "[theme]\nbase = \"dark\"\nheading = \"#e0a040\"\nselection = \"lightblue\"\n",
    );
    let args = ["--config", config.as_str(), "--lessons", &lessons()];
    let reader = Reader::start_private(&args, &[("NO_COLOR", "1"), ("COLORTERM", "truecolor")]);
    let parser = reader.wait_for_terminal("the list", |s| s.contents().contains("Enter open"));
    let screen = parser.screen();
    let (rows, cols) = (ROWS, COLS);
    let mut reversed = false;
    let mut bold = false;
    for row in 0..rows {
        for col in 0..cols {
            let cell = screen.cell(row, col).unwrap();
            assert_eq!(cell.fgcolor(), vt100::Color::Default, "({row}, {col})");
            assert_eq!(cell.bgcolor(), vt100::Color::Default, "({row}, {col})");
            reversed |= cell.inverse();
            bold |= cell.bold();
        }
    }
    assert!(reversed && bold, "{}", screen.contents());
    // The theme does colour without NO_COLOR: the check can fail.
    let reader = Reader::start_private(&args, &[("COLORTERM", "truecolor")]);
    let parser = reader.wait_for_terminal("the list", |s| s.contents().contains("Enter open"));
    let screen = parser.screen();
    let coloured = (0..ROWS).any(|row| {
        (0..COLS).any(|col| {
            let cell = screen.cell(row, col).unwrap();
            cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
        })
    });
    assert!(coloured);
}

#[test]
fn a_bad_config_is_named_in_the_status_line_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(dir.path(), "theme = \"dark\"\n\nreading_widht = 60\n");
    let mut reader = Reader::start_private(&["--config", &config, "--lessons", &lessons()], &[]);
    reader.wait_for_text("config.toml:3:1: unknown setting `reading_widht`");
    reader.send("j\r");
    reader.wait_for_text("Introduction");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}
