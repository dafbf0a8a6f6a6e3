//! `terakoya check`: load the lessons and print every problem, rustc-style
//! (in colour as `output` decides).

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc;

use anyhow::bail;

use super::diagnostic::{Part, render};
use super::output::{self, paint, styles};
use super::{Cli, EXIT_FAILURE};
use crate::t;
use terakoya_core::bundle::{self, LessonsSource, Loaded, Severity};

pub fn run(cli: &Cli, watch: bool) -> anyhow::Result<ExitCode> {
    let source = super::command::resolve(cli.lessons.as_deref());
    if watch {
        return watch_and_check(&source);
    }
    check_once(&source, None)
}

/// Loads and reports once; `note` is a line to print after the summary.
fn check_once(source: &LessonsSource, note: Option<&str>) -> anyhow::Result<ExitCode> {
    let loaded = bundle::load(source);
    let code = if loaded.error_count() > 0 {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    };
    let stdout = io::stdout();
    let color = output::colour(&stdout);
    let mut out = BufWriter::new(stdout.lock());
    let written = write_report(&mut out, &loaded, color)
        .and_then(|()| note.map_or(Ok(()), |note| writeln!(out, "{note}")))
        .and_then(|()| out.flush());
    output::ignore_broken_pipe(written)?;
    Ok(code)
}

/// `check --watch`: checks, then again after every change to the lesson
/// files, until Ctrl-C (whose default action ends the process: there is
/// nothing to save or restore). On a terminal each check replaces the last
/// on a cleared screen; otherwise a separator line goes between them.
fn watch_and_check(source: &LessonsSource) -> anyhow::Result<ExitCode> {
    let (tx, rx) = mpsc::channel();
    let watch = match crate::watch::lessons(source, tx, || ()) {
        None => {
            let example = super::command::command(Some(Path::new("lessons")), "check --watch");
            bail!(t!("watch.embedded", example = example))
        }
        Some((path, watch)) => watch.map_err(|err| {
            let error = err.to_string();
            anyhow::anyhow!(t!(
                "watch.cannot_watch",
                path = path.display(),
                error = error
            ))
        })?,
    };
    let terminal = io::stdout().is_terminal();
    let watching = t!("watch.watching");
    let mut code = check_once(source, Some(watching))?;
    // Every batch of changes, and those that came while checking, once.
    while rx.recv().is_ok() {
        while rx.try_recv().is_ok() {}
        let start = if terminal {
            CLEAR_SCREEN.to_owned()
        } else {
            format!("{}\n", t!("watch.separator"))
        };
        let written = io::stdout()
            .lock()
            .write_all(start.as_bytes())
            .and_then(|()| io::stdout().flush());
        output::ignore_broken_pipe(written)?;
        code = check_once(source, Some(watching))?;
    }
    drop(watch);
    Ok(code)
}

/// Erase the screen and its scrollback, cursor to the top left (as `clear`).
const CLEAR_SCREEN: &str = "\x1b[H\x1b[2J\x1b[3J";

fn write_report(out: &mut impl Write, loaded: &Loaded, color: bool) -> io::Result<()> {
    let style = if color { colored } else { plain };
    for diagnostic in &loaded.diagnostics {
        writeln!(out, "{}", render(diagnostic, &style))?;
    }
    writeln!(out, "{}", summary(loaded))
}

pub(super) fn plain(_: Part, text: &str) -> String {
    text.to_owned()
}

/// rustc's colours: bold red errors, bold yellow warnings, bold blue gutter.
pub(super) fn colored(part: Part, text: &str) -> String {
    let style = match part {
        Part::Path | Part::Message | Part::Help => styles::BOLD,
        Part::Severity(Severity::Error) | Part::Carets(Severity::Error) => styles::ERROR,
        Part::Severity(Severity::Warning) | Part::Carets(Severity::Warning) => styles::WARNING,
        Part::Gutter => styles::GUTTER,
    };
    paint(style, text)
}

/// `n` with the singular wording for 1, else the plural one.
macro_rules! count {
    ($n:expr, $one:literal, $many:literal) => {{
        let n: usize = $n;
        if n == 1 {
            t!($one, n = n)
        } else {
            t!($many, n = n)
        }
    }};
}

/// `2 errors in 1 file (3 files checked)` or
/// `ok: 5 files checked, 2 courses, 3 lessons`.
pub fn summary(loaded: &Loaded) -> String {
    let errors = loaded.error_count();
    let warnings = loaded.warning_count();
    let files = count!(
        loaded.files_checked,
        "check.count.file",
        "check.count.files"
    );
    let warnings_part = if warnings > 0 {
        let n = count!(warnings, "check.count.warning", "check.count.warnings");
        t!("check.and_warnings", warnings = n)
    } else {
        String::new()
    };
    if errors > 0 {
        let bad = loaded.files_with(Severity::Error);
        return t!(
            "check.failed",
            errors = count!(errors, "check.count.error", "check.count.errors"),
            bad_files = count!(bad, "check.count.file", "check.count.files"),
            warnings = warnings_part,
            files = files
        );
    }
    let courses = &loaded.library.courses;
    let lessons: usize = courses.iter().map(|c| c.lessons.len()).sum();
    t!(
        "check.ok",
        files = files,
        courses = count!(courses.len(), "check.count.course", "check.count.courses"),
        lessons = count!(lessons, "check.count.lesson", "check.count.lessons"),
        warnings = warnings_part
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_wraps_each_part_and_plain_has_no_escapes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("c")).unwrap();
        std::fs::write(dir.path().join("c/course.toml"), "title = 1\n").unwrap();
        let loaded = bundle::load(&LessonsSource::Path(dir.path().to_owned()));
        let mut plain_out = Vec::new();
        write_report(&mut plain_out, &loaded, false).unwrap();
        let mut color_out = Vec::new();
        write_report(&mut color_out, &loaded, true).unwrap();
        let plain_text = String::from_utf8(plain_out).unwrap();
        let color_text = String::from_utf8(color_out).unwrap();
        assert!(!plain_text.contains('\x1b'));
        let error = paint(styles::ERROR, "error");
        let message = paint(styles::BOLD, "`title` must be a string, found an integer");
        assert!(
            color_text.contains(&format!("{error}: {message}")),
            "{color_text:?}"
        );
        let mut stripped = color_text;
        for code in ["\x1b[0m", "\x1b[1m", "\x1b[31m", "\x1b[34m"] {
            stripped = stripped.replace(code, "");
        }
        assert_eq!(stripped, plain_text);
    }
}
