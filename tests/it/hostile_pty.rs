//! The real reader in a pseudo-terminal on the hostile course: the bytes it
//! writes hold none of the injected sequences, only its own escape codes;
//! and it starts, draws and quits cleanly with NO_COLOR and TERM=dumb.
#![cfg(unix)]

use crate::hostile_support;

use crate::pty_support;

use pty_support::{COLS, ROWS, Reader};

/// Starts terakoya on `lessons` with a fresh data directory and `env`.
fn start(lessons: &str, env: &[(&str, &str)]) -> Reader {
    Reader::start_private(&["--lessons", lessons], env)
}

/// Waits until `text` shows on the whole terminal, replayed from the start.
fn wait_for(pty: &Reader, text: &str) -> vt100::Parser {
    pty.wait_for_terminal(text, |screen| screen.contents().contains(text))
}

/// Opens the hostile lesson, scrolls through it and its checklist, quits.
/// Waits only for the reader's own hints, so that a sanitiser failure shows
/// up in the byte checks rather than as a missing text.
fn read_the_hostile_lesson(pty: &mut Reader) {
    wait_for(pty, "Enter open");
    pty.send("\r");
    wait_for(pty, "Esc list");
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
    let mut pty = start(hostile_support::ESCAPES, &[]);
    read_the_hostile_lesson(&mut pty);
    pty.wait_for_terminal("the main screen", |screen| !screen.alternate_screen());
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
    let mut pty = start(hostile_support::ESCAPES, &[]);
    wait_for(&pty, "Hostile red courseevil");
    pty.send("\r");
    let parser = wait_for(&pty, "Heading one");
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
    let mut pty = start(samples, &[("NO_COLOR", "1")]);
    let parser = wait_for(&pty, "Enter open");
    let screen = parser.screen();
    assert_eq!(coloured_cells(screen), vec![], "{}", screen.contents());
    assert!(
        (0..ROWS).any(|row| row_is_reversed(screen, row)),
        "no selected row visible:\n{}",
        screen.contents()
    );
    pty.send("\r");
    let parser = wait_for(&pty, "Summary 0/");
    assert_eq!(coloured_cells(parser.screen()), vec![]);
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    // Without NO_COLOR the same screens do have colour: the check can fail.
    let mut pty = start(samples, &[]);
    let parser = wait_for(&pty, "Enter open");
    assert_ne!(coloured_cells(parser.screen()), vec![]);
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_dumb_terminal_still_starts_reads_and_quits() {
    let mut pty = start(hostile_support::ESCAPES, &[("TERM", "dumb")]);
    read_the_hostile_lesson(&mut pty);
    pty.wait_for_terminal("the main screen with the cursor shown", |screen| {
        !screen.alternate_screen() && !screen.hide_cursor()
    });
}

#[test]
fn sigint_restores_the_terminal() {
    // Ctrl-C in raw mode is a key; `kill -INT` (a shell's job control, a
    // supervisor) is a signal, and must restore the terminal like TERM/HUP.
    let mut pty = start(hostile_support::ESCAPES, &[]);
    wait_for(&pty, "Enter open");
    pty.signal("INT");
    assert_eq!(pty.wait_exit(), 128 + 2, "exits as killed by SIGINT would");
    pty.wait_for_terminal("the main screen with the cursor shown", |screen| {
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

/// Format 2 on a hostile lesson: links (with escapes in their text and
/// URL, and a `javascript:` one), inline code and a code block holding
/// escapes, raw HTML in a table. The reader's only string sequences are
/// OSC 8 hyperlinks to the lesson's clean web URLs; otherwise it writes
/// only its own CSI codes.
#[test]
fn format_2_links_and_code_inject_nothing() {
    let text = read_format_2(&[]);
    let (rest, urls) = without_hyperlinks(&text);
    assert!(urls.contains("https://example.com/ok"), "{urls:?}");
    for url in &urls {
        assert!(ALLOWED_URLS.contains(&url.as_str()), "hyperlink to {url:?}");
    }
    assert_only_own_codes(&rest);
    for injected in ["\x1b[31m", "\x1b[5m", "javascript:"] {
        assert!(!rest.contains(injected), "wrote {injected:?}");
    }
}

/// A dumb terminal gets no hyperlink (and no other string sequence).
#[test]
fn a_dumb_terminal_gets_no_hyperlinks() {
    let text = read_format_2(&[("TERM", "dumb")]);
    assert!(!text.contains("\x1b]"), "wrote an OSC");
    assert_only_own_codes(&text);
}

/// The web links of tests/hostile/format2 shown on the way, as the
/// sanitiser leaves them (the escapes in their URLs cut out); never the
/// `javascript:` or `file:` ones.
const ALLOWED_URLS: &[&str] = &[
    "https://a.example/",
    "https://b.example/y",
    "https://c.example",
    "https://example.com/ok",
];

/// Everything the reader wrote while reading the hostile format-2 lesson.
fn read_format_2(env: &[(&str, &str)]) -> String {
    let lessons = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile/format2");
    let mut pty = start(lessons, env);
    read_the_hostile_lesson(&mut pty);
    pty.wait_for_terminal("the main screen", |screen| !screen.alternate_screen());
    String::from_utf8(pty.bytes()).expect("the reader writes UTF-8")
}

/// `text` without its well-formed OSC 8 sequences (`ESC ] 8 ; id=terakoya-N
/// ; URL ESC \` and the closing `ESC ] 8 ; ; ESC \`), and the URLs they
/// opened. A malformed one is left in, for the checks after to catch.
fn without_hyperlinks(text: &str) -> (String, std::collections::BTreeSet<String>) {
    let mut rest = String::new();
    let mut urls = std::collections::BTreeSet::new();
    let mut tail = text;
    while let Some(at) = tail.find("\x1b]8;") {
        rest.push_str(&tail[..at]);
        let after = &tail[at + 4..];
        let Some(end) = after.find("\x1b\\") else {
            rest.push_str(&tail[at..]);
            tail = "";
            break;
        };
        let params = &after[..end];
        let well_formed = match params.split_once(';') {
            Some(("", "")) => true,
            Some((id, url)) => {
                let id_ok = id
                    .strip_prefix("id=terakoya-")
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
                let url_ok = !url.chars().any(|c| c.is_control() || c.is_whitespace());
                if id_ok && url_ok {
                    urls.insert(url.to_owned());
                }
                id_ok && url_ok
            }
            None => false,
        };
        if !well_formed {
            rest.push_str(&tail[at..at + 4]);
            tail = after;
            continue;
        }
        tail = &after[end + 2..];
    }
    rest.push_str(tail);
    (rest, urls)
}

/// Only the reader's own codes: CSI sequences and none of the string
/// sequences (OSC, DCS, APC, SOS, PM), 7-bit or 8-bit, nor BEL or C1.
fn assert_only_own_codes(text: &str) {
    for (at, _) in text.match_indices('\u{1b}') {
        let next = text[at + 1..].chars().next();
        assert!(
            matches!(next, Some('[' | '7' | '8' | '=' | '>')),
            "unexpected escape {:?}",
            &text[at..text.len().min(at + 16)]
        );
    }
    let bad = text
        .chars()
        .find(|&c| matches!(c, '\0' | '\u{7}' | '\u{80}'..='\u{9f}'));
    assert_eq!(bad, None, "{:?}", sequences(text.as_bytes()));
}
