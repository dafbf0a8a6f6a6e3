//! `terakoya check`: load the lessons and print every problem, rustc-style
//! (in colour when stdout is a terminal and `NO_COLOR` is unset).

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use super::{Cli, EXIT_FAILURE};
use terakoya_core::bundle::{self, Loaded, Part, Severity};

pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let source = bundle::resolve(cli.lessons.as_deref());
    let loaded = bundle::load(&source);
    let code = if loaded.error_count() > 0 {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    };
    let stdout = io::stdout();
    let color = stdout.is_terminal() && color_allowed();
    let mut out = BufWriter::new(stdout.lock());
    match write_report(&mut out, &loaded, color).and_then(|()| out.flush()) {
        // `terakoya check | head`: the reader went away; nothing is wrong.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(code),
        Err(err) => Err(err.into()),
        Ok(()) => Ok(code),
    }
}

fn write_report(out: &mut impl Write, loaded: &Loaded, color: bool) -> io::Result<()> {
    let style = if color { paint } else { plain };
    for diagnostic in &loaded.diagnostics {
        writeln!(out, "{}", diagnostic.rendered(&style))?;
    }
    writeln!(out, "{}", summary(loaded))
}

fn plain(_: Part, text: &str) -> String {
    text.to_owned()
}

/// rustc's colours: bold red errors, bold yellow warnings, bold blue gutter.
fn paint(part: Part, text: &str) -> String {
    let sgr = match part {
        Part::Path | Part::Message | Part::Help => "1",
        Part::Severity(Severity::Error) | Part::Carets(Severity::Error) => "1;31",
        Part::Severity(Severity::Warning) | Part::Carets(Severity::Warning) => "1;33",
        Part::Gutter => "1;34",
    };
    format!("\x1b[{sgr}m{text}\x1b[0m")
}

/// <https://no-color.org>: set and not empty means no colour.
fn color_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
        && std::env::var_os("TERM").is_none_or(|term| term != "dumb")
}

/// `2 errors in 1 file (3 files checked)` or
/// `ok: 5 files checked, 2 courses, 3 lessons`.
pub fn summary(loaded: &Loaded) -> String {
    let errors = loaded.error_count();
    let warnings = loaded.warning_count();
    let files = plural(loaded.files_checked, "file");
    let warnings_part = if warnings > 0 {
        format!(", {}", plural(warnings, "warning"))
    } else {
        String::new()
    };
    if errors > 0 {
        let bad_files = plural(loaded.files_with(Severity::Error), "file");
        return format!(
            "{} in {bad_files}{warnings_part} ({files} checked)",
            plural(errors, "error")
        );
    }
    let courses = &loaded.library.courses;
    let lessons: usize = courses.iter().map(|c| c.lessons.len()).sum();
    format!(
        "ok: {files} checked, {}, {}{warnings_part}",
        plural(courses.len(), "course"),
        plural(lessons, "lesson")
    )
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use terakoya_core::bundle::LessonsSource;

    #[test]
    fn colour_wraps_each_part_and_plain_has_no_escapes() {
        let dir = std::env::temp_dir().join(format!("terakoya-check-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("c")).unwrap();
        std::fs::write(dir.join("c/course.toml"), "title = 1\n").unwrap();
        let loaded = bundle::load(&LessonsSource::Path(dir.clone()));
        let mut plain_out = Vec::new();
        write_report(&mut plain_out, &loaded, false).unwrap();
        let mut color_out = Vec::new();
        write_report(&mut color_out, &loaded, true).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let plain_text = String::from_utf8(plain_out).unwrap();
        let color_text = String::from_utf8(color_out).unwrap();
        assert!(!plain_text.contains('\x1b'));
        assert!(color_text.contains("\x1b[1;31merror\x1b[0m: \x1b[1m`title` must be a string"));
        let stripped = color_text.replace("\x1b[0m", "");
        let stripped = ["\x1b[1m", "\x1b[1;31m", "\x1b[1;34m"]
            .iter()
            .fold(stripped, |text, sgr| text.replace(sgr, ""));
        assert_eq!(stripped, plain_text);
    }
}
