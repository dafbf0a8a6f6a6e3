//! The real reader in a pseudo-terminal on the hostile course: the bytes it
//! writes hold none of the injected sequences, only its own escape codes;
//! and it starts, draws and quits cleanly with NO_COLOR and TERM=dumb.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod hostile_support;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 24;
const COLS: u16 = 80;
const WAIT: Duration = Duration::from_secs(20);

/// The reader running in a pty, with everything it wrote.
struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    _master: Box<dyn MasterPty + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    _data: tempfile::TempDir,
}

impl Pty {
    /// Starts terakoya on `lessons` with a fresh data directory and `env`.
    fn start(lessons: &str, env: &[(&str, &str)]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let data = tempfile::tempdir().unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_terakoya"));
        cmd.arg("--data-dir");
        cmd.arg(data.path());
        cmd.args(["--lessons", lessons]);
        cmd.env_remove("TERAKOYA_DATA_DIR");
        cmd.env_remove("NO_COLOR");
        cmd.env("TERM", "xterm-256color");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        let mut reader = pair.master.try_clone_reader().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            child,
            writer: pair.master.take_writer().unwrap(),
            _master: pair.master,
            output,
            _data: data,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// The screen as a terminal shows it after everything written so far.
    fn parser(&self) -> vt100::Parser {
        let size = |n: u16| std::num::NonZero::new(n).unwrap();
        let mut parser = vt100::Parser::new(size(ROWS), size(COLS), 0);
        parser.process(&self.bytes());
        parser
    }

    fn wait_for(&self, text: &str) -> vt100::Parser {
        self.wait_until(text, |screen| screen.contents().contains(text))
    }

    /// Waits until the screen satisfies `ready` (output may still be in
    /// flight after the program exits).
    fn wait_until(&self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) -> vt100::Parser {
        let start = Instant::now();
        loop {
            let parser = self.parser();
            if ready(parser.screen()) {
                return parser;
            }
            let screen = parser.screen().contents();
            assert!(start.elapsed() < WAIT, "no {what:?} on screen:\n{screen}");
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(start.elapsed() < WAIT, "the reader did not exit");
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// Opens the hostile lesson, scrolls through it and its checklist, quits.
/// Waits only for the reader's own hints, so that a sanitiser failure shows
/// up in the byte checks rather than as a missing text.
fn read_the_hostile_lesson(pty: &mut Pty) {
    pty.wait_for("Enter open");
    pty.send("\r");
    pty.wait_for("Esc list");
    for keys in [
        "j", "j", "j", " ", "G", "g", "]", "\t", "j", " ", "\t", "?", "?", "G",
    ] {
        pty.send(keys);
    }
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

/// Every escape sequence in `bytes`, as text from ESC (or a C1 control) to
/// its end, for the assertion messages.
fn sequences(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = Vec::new();
    for (at, _) in text.match_indices('\u{1b}') {
        let tail: String = text[at..].chars().take(12).collect();
        out.push(tail);
    }
    out
}

#[test]
fn the_reader_writes_none_of_the_injected_sequences() {
    let mut pty = Pty::start(hostile_support::ESCAPES, &[]);
    read_the_hostile_lesson(&mut pty);
    pty.wait_until("the main screen", |screen| !screen.alternate_screen());
    let bytes = pty.bytes();
    let text = String::from_utf8(bytes.clone()).expect("the reader writes UTF-8");
    // Only the reader's own codes: CSI sequences and none of the string
    // sequences (OSC, DCS, APC, SOS, PM), 7-bit or 8-bit.
    for (at, _) in text.match_indices('\u{1b}') {
        let next = text[at + 1..].chars().next();
        assert!(
            matches!(next, Some('[' | '7' | '8' | '=' | '>')),
            "unexpected escape {:?}",
            &text[at..text.len().min(at + 16)]
        );
    }
    let bad = text.chars().find(|&c| {
        matches!(c, '\0' | '\u{7}' | '\u{8}' | '\u{7f}' | '\u{80}'..='\u{9f}')
            || (c != '\u{1b}' && c != '\n' && c != '\r' && hostile_support::is_unsafe(c))
    });
    assert_eq!(bad, None, "{:?}", sequences(&bytes));
    for payload in hostile_support::PAYLOADS {
        assert!(!text.contains(payload), "wrote {payload:?}");
    }
    // Injected CSI codes the reader itself never writes (it sets colours
    // as `38;5;N` and never blinks).
    for injected in ["\x1b[5m", "\x1b[31m", "\x1b[1m\x1b[22m"] {
        assert!(!text.contains(injected), "wrote {injected:?}");
    }
}

#[test]
fn the_hostile_lesson_shows_its_visible_text() {
    let mut pty = Pty::start(hostile_support::ESCAPES, &[]);
    pty.wait_for("Hostile red courseevil");
    pty.send("\r");
    let parser = pty.wait_for("Heading one");
    let screen = parser.screen().contents();
    for shown in [
        "Escapes click here everywhere␇␈␈",
        "Dr Bold Name",
        "Intro with a DCS, an APC, an SOS and a PM.",
        "Body text coloured and a link.",
        "日本語の本文です。ガイド    終わり。",
    ] {
        assert!(screen.contains(shown), "no {shown:?} in:\n{screen}");
    }
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

/// Whether any cell of the screen has a colour.
fn coloured_cells(screen: &vt100::Screen) -> Vec<(u16, u16, String)> {
    let mut found = Vec::new();
    for row in 0..ROWS {
        for col in 0..COLS {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            if cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default {
                found.push((row, col, cell.contents().to_owned()));
            }
        }
    }
    found
}

/// Whether some cell of `row` is drawn in reverse video.
fn row_is_reversed(screen: &vt100::Screen, row: u16) -> bool {
    (0..COLS).any(|col| screen.cell(row, col).is_some_and(vt100::Cell::inverse))
}

#[test]
fn no_color_draws_without_colour_and_keeps_the_selection_visible() {
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/lessons");
    let mut pty = Pty::start(samples, &[("NO_COLOR", "1")]);
    let parser = pty.wait_for("Enter open");
    let screen = parser.screen();
    assert_eq!(coloured_cells(screen), vec![], "{}", screen.contents());
    assert!(
        (0..ROWS).any(|row| row_is_reversed(screen, row)),
        "no selected row visible:\n{}",
        screen.contents()
    );
    pty.send("\r");
    let parser = pty.wait_for("Summary 0/");
    assert_eq!(coloured_cells(parser.screen()), vec![]);
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    // Without NO_COLOR the same screens do have colour: the check can fail.
    let mut pty = Pty::start(samples, &[]);
    let parser = pty.wait_for("Enter open");
    assert_ne!(coloured_cells(parser.screen()), vec![]);
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_dumb_terminal_still_starts_reads_and_quits() {
    let mut pty = Pty::start(hostile_support::ESCAPES, &[("TERM", "dumb")]);
    read_the_hostile_lesson(&mut pty);
    pty.wait_until("the main screen with the cursor shown", |screen| {
        !screen.alternate_screen() && !screen.hide_cursor()
    });
}

#[test]
fn sigint_restores_the_terminal() {
    // Ctrl-C in raw mode is a key; `kill -INT` (a shell's job control, a
    // supervisor) is a signal, and must restore the terminal like TERM/HUP.
    let mut pty = Pty::start(hostile_support::ESCAPES, &[]);
    pty.wait_for("Enter open");
    let pid = pty.child.process_id().unwrap();
    let killed = std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(pty.wait_exit(), 128 + 2, "exits as killed by SIGINT would");
    pty.wait_until("the main screen with the cursor shown", |screen| {
        !screen.alternate_screen() && !screen.hide_cursor()
    });
    let text = String::from_utf8_lossy(&pty.bytes()).into_owned();
    assert!(mouse_left_off(&text), "mouse capture left on");
}

/// Whether mouse tracking was turned off after it was last turned on.
fn mouse_left_off(text: &str) -> bool {
    let on = text.rfind("\x1b[?1000h");
    let off = text.rfind("\x1b[?1000l");
    matches!((on, off), (Some(on), Some(off)) if off > on)
}
