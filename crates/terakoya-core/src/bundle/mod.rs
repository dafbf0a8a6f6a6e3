//! Loading lesson bundles: TOML → model, with spanned diagnostics.
//!
//! [`load`] scans a lessons directory (or the embedded samples), parses
//! every file in parallel with toml's recoverable parser, walks the spanned
//! tables by hand into the model and collects every problem it finds. A bad
//! file never hides the good ones: lessons with errors are left out of the
//! library and reported in [`Loaded::diagnostics`]. The format is documented
//! in docs/format.md.

use std::path::{Path, PathBuf};

use crate::model::{Lesson, Library};

mod ahead;
mod assemble;
mod course;
mod diag;
pub mod embedded;
mod fields;
mod id_rules;
mod ids;
pub mod kind;
mod lesson;
mod lint;
mod parse;
mod scan;
mod source;
mod syntax_hints;
mod walk;

pub use course::FORMAT;
pub use diag::{
    Diagnostic, Location, Severity, Snippet, SourceText, shorten, visible, visible_width,
};
pub use id_rules::{MAX_ID_CHARS, is_invisible, normalize_id};
pub use ids::{fnv1a64, point_id, section_id};
pub use kind::DiagnosticKind;
pub use scan::MAX_DIRS as MAX_SCANNED_DIRS;
pub use source::MAX_FILE_BYTES;

/// Where lessons come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LessonsSource {
    /// A lessons directory, a course directory or one lesson file.
    Path(PathBuf),
    /// The sample lessons compiled into the binary.
    Embedded,
}

/// What loading produced: every course that could be loaded, plus a
/// diagnostic for every problem. A bad file never hides the good ones.
#[derive(Debug, Default)]
pub struct Loaded {
    pub library: Library,
    /// Sorted by path, then position.
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read (course files and lesson files).
    pub files_checked: usize,
}

impl Loaded {
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }

    /// How many distinct files have at least one diagnostic of `severity`.
    pub fn files_with(&self, severity: Severity) -> usize {
        let mut paths: Vec<&Path> = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .map(|d| d.path.as_path())
            .collect();
        paths.sort();
        paths.dedup();
        paths.len()
    }
}

/// Loads every course from `source`.
pub fn load(source: &LessonsSource) -> Loaded {
    let plan = scan::scan(source);
    let mut loaded = assemble::load_plan(plan);
    loaded.diagnostics.sort_by(|a, b| {
        let position = |d: &Diagnostic| d.location.as_ref().map_or(0, |at| at.span.start);
        a.path.cmp(&b.path).then(position(a).cmp(&position(b)))
    });
    loaded
}

/// Checks one lesson file's contents as if read from `path` (whose stem is
/// the default id), through the same path as [`load`]: the lesson when it
/// has no errors, and every diagnostic. For fuzzing and tests.
pub fn load_lesson_bytes(path: &Path, bytes: &[u8]) -> (Option<Lesson>, Vec<Diagnostic>) {
    let stem = lesson::stem(path);
    let result = parse::check_bytes_ahead(
        path,
        bytes,
        |text| ahead::Ahead::guess(text, 1),
        |check, root, ahead| lesson::lesson(check, root, &stem, 1, ahead),
    );
    let lesson = result.value.filter(|_| !result.has_errors);
    (lesson.map(|parsed| parsed.lesson), result.diagnostics)
}

/// Checks one `course.toml`'s contents as if read from `path`: its title
/// when it has no errors, and every diagnostic. For fuzzing and tests.
pub fn load_course_bytes(path: &Path, bytes: &[u8]) -> (Option<String>, Vec<Diagnostic>) {
    let result = parse::check_bytes(path, bytes, course::course_head);
    let title = result.value.filter(|_| !result.has_errors);
    (title.and_then(|head| head.title), result.diagnostics)
}

#[cfg(test)]
mod tests;
