//! The command line's one colour policy and its writing helpers.
//!
//! Colour is decided once per stream, in this order: `NO_COLOR` set and not
//! empty → never (<https://no-color.org>); `CLICOLOR_FORCE` set and not
//! empty → always; `CLICOLOR=0` → never; not a terminal → never;
//! `TERM=dumb` → never; else colour. (Unlike anstream's own choice, an
//! unset `TERM` does not turn colour off: terminals started without one,
//! as some IDEs and `portable-pty` do, still show it.) Styles come from
//! anstyle, so every command paints with the same codes.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};

pub use anstream::ColorChoice;
use anstyle::{AnsiColor, Style};

/// Whether to colour what goes to `stream` (stdout or stderr).
pub fn choice(stream: &impl IsTerminal) -> ColorChoice {
    match ColorChoice::global() {
        ColorChoice::Auto => decide(|name| std::env::var_os(name), stream.is_terminal()),
        forced => forced,
    }
}

/// Whether `choice` means colour.
pub fn colour(stream: &impl IsTerminal) -> bool {
    choice(stream) != ColorChoice::Never
}

/// The policy, over an environment lookup and whether the stream is a
/// terminal (apart, to be testable).
pub fn decide(env: impl Fn(&str) -> Option<OsString>, terminal: bool) -> ColorChoice {
    let set = |name: &str| env(name).is_some_and(|value| !value.is_empty());
    if set("NO_COLOR") {
        ColorChoice::Never
    } else if set("CLICOLOR_FORCE") {
        ColorChoice::Always
    } else if env("CLICOLOR").is_some_and(|value| value == "0")
        || !terminal
        || env("TERM").is_some_and(|term| term == "dumb")
    {
        ColorChoice::Never
    } else {
        ColorChoice::Always
    }
}

/// rustc's colours for diagnostics and bold for emphasis; cyan headings and
/// dim labels in `show`.
pub mod styles {
    use super::{AnsiColor, Style};

    pub const BOLD: Style = Style::new().bold();
    pub const ERROR: Style = AnsiColor::Red.on_default().bold();
    pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
    pub const GUTTER: Style = AnsiColor::Blue.on_default().bold();
    pub const HEADING: Style = AnsiColor::Cyan.on_default().bold();
    pub const BULLET: Style = AnsiColor::Cyan.on_default();
    pub const DIM: Style = Style::new().dimmed();
}

/// `text` between `style`'s codes and a reset.
pub fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// A line to stderr; never panics when stderr is closed (`eprintln!`
/// would), since what failed to print cannot be reported anyway.
pub fn eprint_line(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

/// Text to stdout as it is (no newline added). A closed stdout is not a
/// panic (`print!` would be one), and nothing can be reported about it.
pub fn print_text(text: &str) {
    let mut out = io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// A line to stdout; see [`print_text`].
pub fn print_line(line: &str) {
    print_text(&format!("{line}\n"));
}

/// Text to stderr as it is (a prompt awaiting an answer on the same line).
pub fn eprint_text(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}

/// Maps a closed pipe on stdout (`terakoya check | head`) to success: the
/// reader went away and nothing is wrong.
pub fn ignore_broken_pipe(result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)], terminal: bool) -> ColorChoice {
        let lookup = |name: &str| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        };
        decide(lookup, terminal)
    }

    #[test]
    fn the_policy_in_order() {
        use ColorChoice::{Always, Never};
        assert_eq!(with(&[], true), Always);
        assert_eq!(with(&[], false), Never);
        assert_eq!(with(&[("NO_COLOR", "1")], true), Never);
        assert_eq!(with(&[("NO_COLOR", "")], true), Always);
        assert_eq!(
            with(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")], true),
            Never
        );
        assert_eq!(with(&[("CLICOLOR_FORCE", "1")], false), Always);
        assert_eq!(with(&[("CLICOLOR_FORCE", "")], false), Never);
        assert_eq!(with(&[("CLICOLOR", "0")], true), Never);
        assert_eq!(with(&[("CLICOLOR", "1")], true), Always);
        assert_eq!(with(&[("TERM", "dumb")], true), Never);
        assert_eq!(
            with(&[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")], true),
            Always
        );
        assert_eq!(with(&[("TERM", "xterm")], true), Always);
    }

    #[test]
    fn styles_render_as_sgr_codes() {
        assert_eq!(paint(styles::BOLD, "x"), "\x1b[1mx\x1b[0m");
        assert!(paint(styles::ERROR, "e").contains("\x1b[31m"));
    }
}
