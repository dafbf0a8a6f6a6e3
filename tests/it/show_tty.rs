//! `terakoya show` with stdout on a terminal (a pseudo-terminal): it wraps
//! to the terminal's width and uses colour, unless `NO_COLOR` is set.

use std::io::Read;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use terakoya_core::text::width::str_width;

/// Runs `show` in a pty `cols` wide; returns what it wrote, CRs removed.
fn show_in_pty(cols: u16, no_color: bool) -> String {
    let data = tempfile::tempdir().unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_terakoya"));
    cmd.env("LC_ALL", "C.UTF-8");
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.args(["--lessons", "lessons", "--data-dir"]);
    cmd.arg(data.path());
    cmd.args(["show", "career/06-sns"]);
    cmd.env_remove("TERAKOYA_DATA_DIR");
    cmd.env_remove("NO_COLOR");
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut out = Vec::new();
    let mut chunk = [0u8; 1 << 16];
    // On Linux the read fails with EIO once the child has exited.
    while let Ok(n) = reader.read(&mut chunk) {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&chunk[..n]);
    }
    assert!(child.wait().unwrap().success());
    String::from_utf8(out).unwrap().replace('\r', "")
}

fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\x1b[") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 2..];
        let end = tail.find('m').unwrap();
        assert!(tail[..end].chars().all(|c| c.is_ascii_digit() || c == ';'));
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn on_a_terminal_it_uses_its_width_and_colour() {
    let out = show_in_pty(60, false);
    assert!(
        out.contains("\x1b[1mSNSを味方にする医師の作法\x1b[0m"),
        "{out}"
    );
    let plain = strip_sgr(&out);
    assert!(plain.lines().all(|l| str_width(l) <= 60));
    assert!(plain.lines().any(|l| str_width(l) > 54));
}

#[test]
fn no_color_turns_every_escape_code_off() {
    let out = show_in_pty(60, true);
    assert!(!out.contains('\x1b'), "{out}");
    assert!(out.lines().all(|l| str_width(l) <= 60));
}
