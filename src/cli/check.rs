//! `terakoya check`: load the lessons and print every problem, rustc-style.

use std::io::Write;
use std::process::ExitCode;

use super::{Cli, EXIT_FAILURE};
use crate::bundle::{self, Loaded, Severity};

pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let source = bundle::resolve(cli.lessons.as_deref());
    let loaded = bundle::load(&source);
    let mut out = std::io::stdout().lock();
    for diagnostic in &loaded.diagnostics {
        writeln!(out, "{diagnostic}")?;
    }
    writeln!(out, "{}", summary(&loaded))?;
    out.flush()?;
    Ok(if loaded.error_count() > 0 {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    })
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
