//! Every diagnostic kind worded, in one place, and the rustc-style
//! rendering: the headline, the quoted line under a line-number gutter,
//! carets under the span, and `= help:`. The core gives each problem as
//! data ([`DiagnosticKind`]); the words come from the `[check]` tables of
//! the language catalog (src/i18n/en.toml).

use std::fmt::Write as _;
use std::path::Path;

use terakoya_core::bundle::kind::{
    DiagnosticKind as K, DuplicateFix, Encoding, Entry, Expected, IdProblem, MissingLesson, Place,
    TomlType,
};
use terakoya_core::bundle::{Diagnostic, Location, Severity, visible};

use crate::t;

/// What the problem is: the text after `error:` or `warning:`.
pub fn message(kind: &K) -> String {
    match kind {
        K::UnknownSectionRef { id, .. } => t!("check.message.unknown_section_ref", id = id),
        K::CannotRead { error } => t!("check.message.cannot_read", error = error),
        K::NotFileOrDirectory => t!("check.message.not_file_or_directory").to_owned(),
        K::CannotReadFile { error } => t!("check.message.cannot_read_file", error = error),
        K::CannotReadDirectory { error } => {
            t!("check.message.cannot_read_directory", error = error)
        }
        K::NotARegularFile => t!("check.message.not_a_regular_file").to_owned(),
        K::TooBig { max_megabytes } => t!("check.message.too_big", max = max_megabytes),
        K::Binary => t!("check.message.binary").to_owned(),
        K::NotUtf8 {
            byte,
            encoding_guess,
            ..
        } => {
            let byte = format!("{byte:02X}");
            match encoding_guess {
                Some(guess) => t!(
                    "check.message.not_utf8_guess",
                    byte = byte,
                    encoding = encoding(*guess)
                ),
                None => t!("check.message.not_utf8", byte = byte),
            }
        }
        K::NoCourses => t!("check.message.no_courses").to_owned(),
        K::NotInCourse { dir } => t!("check.message.not_in_course", dir = dir.display()),
        K::BadCourseDirectoryName { name, problem } => t!(
            "check.message.bad_course_directory",
            name = name,
            problem = id_problem(*problem)
        ),
        K::DirectoryTooDeep { max_depth } => {
            t!("check.message.directory_too_deep", max = max_depth)
        }
        K::TooManyDirectories { max } => t!("check.message.too_many_directories", max = max),
        K::SymlinkLoop => t!("check.message.symlink_loop").to_owned(),
        K::NestedTooDeeply { max } => t!("check.message.nested_too_deeply", max = max),
        K::InvalidToml { message } => t!("check.message.invalid_toml", message = message),
        K::UnclosedString { runs_to_line, .. } => {
            t!("check.message.unclosed_string", line = runs_to_line)
        }
        K::LookAlikeCharacter { found, expected } => t!(
            "check.message.look_alike_character",
            found = found,
            code = format!("U+{:04X}", u32::from(*found)),
            expected = expected_char(*expected)
        ),
        K::MoreProblems { count } => t!("check.message.more_problems", count = count),
        K::UnknownKey { key, place: at, .. } => {
            t!("check.message.unknown_key", key = key, place = place(*at))
        }
        K::MissingKey { key, place: at } => {
            t!("check.message.missing_key", key = key, place = place(*at))
        }
        K::WrongType {
            key,
            expected,
            found,
        } => t!(
            "check.message.wrong_type",
            key = key,
            expected = expected_type(*expected),
            found = toml_type(*found)
        ),
        K::EntryNotTable { key, found } => t!(
            "check.message.entry_not_table",
            key = key,
            found = toml_type(*found)
        ),
        K::EmptyField { key } => t!("check.message.empty_field", key = key),
        K::InvisibleField { key } => t!("check.message.invisible_field", key = key),
        K::NoSections => t!("check.message.no_sections").to_owned(),
        K::TabInLine { key } => t!("check.message.tab_in_line", key = key),
        K::PastedBullet { bullet } => t!("check.message.pasted_bullet", bullet = bullet),
        K::DecoratedHeading { mark } => t!("check.message.decorated_heading", mark = mark),
        K::SummaryAsSection { heading } => {
            t!("check.message.summary_as_section", heading = heading)
        }
        K::HeadingInText => t!("check.message.heading_in_text").to_owned(),
        K::LinkNotWeb { url } => t!("check.message.link_not_web", url = url),
        K::EmptyRubyReading => t!("check.message.empty_ruby_reading").to_owned(),
        K::RaggedTableRow { header, found } => t!(
            "check.message.ragged_table_row",
            found = found,
            header = header
        ),
        K::BadLessonId { id, problem } => t!(
            "check.message.bad_lesson_id",
            id = id,
            problem = id_problem(*problem)
        ),
        K::BadFileStem { stem, problem } => t!(
            "check.message.bad_file_stem",
            stem = stem,
            problem = id_problem(*problem)
        ),
        K::BadEntryId { entry, id, problem } => t!(
            "check.message.bad_entry_id",
            entry = entry_name(*entry),
            id = id,
            problem = id_problem(*problem)
        ),
        K::DuplicateEntryId {
            entry,
            id,
            first_line,
            same_text: false,
            ..
        } => t!(
            "check.message.duplicate_entry_id",
            entry = entry_name(*entry),
            id = id,
            line = first_line
        ),
        K::DuplicateEntryId {
            entry,
            id,
            first_line,
            same_text: true,
            ..
        } => t!(
            "check.message.same_entry_text",
            entry = entry_name(*entry),
            text_key = entry_text_key(*entry),
            line = first_line,
            id = id
        ),
        K::NewerFormat { found, supported } => t!(
            "check.message.newer_format",
            found = found,
            supported = supported
        ),
        K::BadFormat { supported } => t!("check.message.bad_format", supported = supported),
        K::LessonsNotArray { found } => {
            t!("check.message.lessons_not_array", found = toml_type(*found))
        }
        K::LessonsEntryNotString { found } => t!(
            "check.message.lessons_entry_not_string",
            found = toml_type(*found)
        ),
        K::TooManyListed { max } => t!("check.message.too_many_listed", max = max),
        K::DuplicateLessonId { id, first, .. } => t!(
            "check.message.duplicate_lesson_id",
            id = id,
            first = first.display()
        ),
        K::LookAlikeLessonIds {
            id,
            other_id,
            first,
            ..
        } => t!(
            "check.message.look_alike_ids",
            id = id,
            other_id = other_id,
            first = first.display()
        ),
        K::ListedTwice { id } => t!("check.message.listed_twice", id = id),
        K::NoSuchLesson { id, .. } => t!("check.message.no_such_lesson", id = id),
        K::NotListed { id } => t!("check.message.not_listed", id = id),
        K::DuplicateCourseId { id, other } => t!(
            "check.message.duplicate_course_id",
            id = id,
            other = other.display()
        ),
    }
}

/// The fix, shown as `= help: ...`, for the kinds that have one.
pub fn help(kind: &K) -> Option<String> {
    let text = match kind {
        K::UnknownSectionRef {
            suggestion: Some(name),
            ..
        } => t!("check.help.did_you_mean", name = name),
        K::UnknownSectionRef {
            suggestion: None, ..
        } => t!("check.help.section_ids").to_owned(),
        K::CannotRead { .. }
        | K::NotFileOrDirectory
        | K::CannotReadFile { .. }
        | K::CannotReadDirectory { .. }
        | K::DirectoryTooDeep { .. }
        | K::TooManyDirectories { .. }
        | K::SymlinkLoop
        | K::InvalidToml { .. }
        | K::MoreProblems { .. }
        | K::EmptyField { .. }
        | K::InvisibleField { .. }
        | K::BadEntryId { .. } => return None,
        K::NotARegularFile => t!("check.help.not_a_regular_file").to_owned(),
        K::TooBig { .. } => t!("check.help.too_big").to_owned(),
        K::Binary => t!("check.help.binary").to_owned(),
        K::NotUtf8 { .. } => t!("check.help.not_utf8").to_owned(),
        K::NoCourses => t!("check.help.no_courses").to_owned(),
        K::NotInCourse { .. } => t!("check.help.not_in_course").to_owned(),
        K::BadCourseDirectoryName { .. } => t!("check.help.rename_directory").to_owned(),
        K::NestedTooDeeply { .. } => t!("check.help.nested_too_deeply").to_owned(),
        K::UnclosedString { quotes, .. } => t!("check.help.unclosed_string", quotes = quotes),
        K::LookAlikeCharacter { expected, .. } => t!(
            "check.help.look_alike_character",
            expected = expected_char(*expected)
        ),
        K::UnknownKey {
            suggestion: Some(name),
            ..
        } => t!("check.help.did_you_mean", name = name),
        K::UnknownKey { allowed, .. } => {
            let keys: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
            t!("check.help.keys_allowed", keys = keys.join(", "))
        }
        K::MissingKey { key, .. } => t!("check.help.missing_key", key = key),
        K::WrongType {
            key,
            expected: Expected::String,
            ..
        } => t!("check.help.quote_it", key = key),
        K::WrongType {
            key,
            expected: Expected::Table,
            ..
        } => t!("check.help.table", key = key),
        K::WrongType {
            key,
            expected: Expected::ArrayOfTables,
            ..
        }
        | K::EntryNotTable { key, .. } => t!("check.help.array_of_tables", key = key),
        K::WrongType {
            key,
            expected: Expected::ArrayOfStrings,
            ..
        } => t!("check.help.array_of_strings", key = key),
        K::NoSections => t!("check.help.no_sections").to_owned(),
        K::TabInLine { .. } => t!("check.help.tab_in_line").to_owned(),
        K::PastedBullet { .. } => t!("check.help.pasted_bullet").to_owned(),
        K::DecoratedHeading { mark } => t!("check.help.decorated_heading", mark = mark),
        K::SummaryAsSection { .. } => t!("check.help.summary_as_section").to_owned(),
        K::HeadingInText => t!("check.help.heading_in_text").to_owned(),
        K::LinkNotWeb { .. } => t!("check.help.link_not_web").to_owned(),
        K::EmptyRubyReading => t!("check.help.empty_ruby_reading").to_owned(),
        K::RaggedTableRow { .. } => t!("check.help.ragged_table_row").to_owned(),
        K::BadLessonId { .. } => t!("check.help.lesson_id").to_owned(),
        K::BadFileStem { .. } => t!("check.help.file_stem").to_owned(),
        K::DuplicateEntryId {
            fix: DuplicateFix::RenameOne,
            ..
        } => t!("check.help.rename_one").to_owned(),
        K::DuplicateEntryId {
            fix: DuplicateFix::GiveExplicitId,
            ..
        } => t!("check.help.give_explicit_id").to_owned(),
        K::NewerFormat { .. } => t!("check.help.upgrade").to_owned(),
        K::BadFormat { supported } => t!("check.help.bad_format", supported = supported),
        K::LessonsNotArray { .. } | K::LessonsEntryNotString { .. } => {
            t!("check.help.lesson_order").to_owned()
        }
        K::TooManyListed { .. } => t!("check.help.split_course").to_owned(),
        K::DuplicateLessonId { .. } => t!("check.help.different_lesson_id").to_owned(),
        K::LookAlikeLessonIds { .. } => t!("check.help.look_alike_ids").to_owned(),
        K::ListedTwice { .. } => t!("check.help.remove_one").to_owned(),
        K::NoSuchLesson { hint, .. } => missing_lesson(hint),
        K::NotListed { id } => t!("check.help.add_to_lessons", id = id),
        K::DuplicateCourseId { .. } => t!("check.help.rename_directories").to_owned(),
    };
    Some(text)
}

/// A character TOML expects, quoted; a space by name.
fn expected_char(expected: char) -> String {
    if expected == ' ' {
        t!("check.space").to_owned()
    } else {
        format!("`{expected}`")
    }
}

fn missing_lesson(hint: &MissingLesson) -> String {
    match hint {
        MissingLesson::DidYouMean(name) => t!("check.help.did_you_mean", name = name),
        MissingLesson::NoLessonFiles => t!("check.help.no_lesson_files").to_owned(),
        MissingLesson::Available(ids) => t!("check.help.lessons_here", ids = ids.join(", ")),
        MissingLesson::FailedToLoad { file, line } => t!(
            "check.help.failed_to_load",
            file = file_name(file),
            place = file_and_line(file, *line)
        ),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// `path:line`, or the path alone.
pub fn file_and_line(path: &Path, line: Option<usize>) -> String {
    match line {
        Some(line) => format!("{}:{line}", path.display()),
        None => path.display().to_string(),
    }
}

fn place(place: Place) -> &'static str {
    match place {
        Place::Lesson => t!("check.place.lesson"),
        Place::CourseFile => t!("check.place.course_file"),
        Place::Lecturer => t!("check.place.lecturer"),
        Place::Sections => t!("check.place.sections"),
        Place::Summary => t!("check.place.summary"),
    }
}

fn toml_type(found: TomlType) -> &'static str {
    match found {
        TomlType::String => t!("check.type.string"),
        TomlType::Integer => t!("check.type.integer"),
        TomlType::Float => t!("check.type.float"),
        TomlType::Boolean => t!("check.type.boolean"),
        TomlType::Datetime => t!("check.type.datetime"),
        TomlType::Array => t!("check.type.array"),
        TomlType::Table => t!("check.type.table"),
    }
}

fn expected_type(expected: Expected) -> &'static str {
    match expected {
        Expected::String => t!("check.type.string"),
        Expected::Table => t!("check.type.table"),
        Expected::ArrayOfTables => t!("check.type.array_of_tables"),
        Expected::ArrayOfStrings => t!("check.type.array_of_strings"),
    }
}

fn encoding(guess: Encoding) -> &'static str {
    match guess {
        Encoding::Utf16 => t!("check.encoding.utf16"),
        Encoding::Binary => t!("check.encoding.binary"),
        Encoding::EucJp => t!("check.encoding.euc_jp"),
        Encoding::ShiftJis => t!("check.encoding.shift_jis"),
    }
}

fn id_problem(problem: IdProblem) -> String {
    match problem {
        IdProblem::Empty => t!("check.id_problem.empty").to_owned(),
        IdProblem::TooLong { max } => t!("check.id_problem.too_long", max = max),
        IdProblem::Slash => t!("check.id_problem.slash").to_owned(),
        IdProblem::SpaceOrControl => t!("check.id_problem.space_or_control").to_owned(),
        IdProblem::Bidi => t!("check.id_problem.bidi").to_owned(),
        IdProblem::Invisible => t!("check.id_problem.invisible").to_owned(),
        IdProblem::OnlyDots => t!("check.id_problem.only_dots").to_owned(),
    }
}

fn entry_name(entry: Entry) -> &'static str {
    match entry {
        Entry::Section => t!("check.entry.section"),
        Entry::SummaryPoint => t!("check.entry.summary_point"),
    }
}

/// The key whose text a derived id comes from (a key, not a word: it is
/// the same in every language).
fn entry_text_key(entry: Entry) -> &'static str {
    match entry {
        Entry::Section => "heading",
        Entry::SummaryPoint => "text",
    }
}

/// The parts of a rendering a caller may style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `path:line:col:`
    Path,
    /// The word `error` or `warning`.
    Severity(Severity),
    /// The message after the severity.
    Message,
    /// The line-number gutter and its `|` and `=`.
    Gutter,
    /// The carets under the span.
    Carets(Severity),
    /// The word `help`.
    Help,
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => t!("check.error"),
        Severity::Warning => t!("check.warning"),
    }
}

/// The first line of the rendering: `path:line:col: error: message`.
/// File names and messages (which quote keys and ids from the file) are
/// made safe to print, like quoted source lines.
pub fn headline(d: &Diagnostic) -> String {
    let path = visible(&d.path.display().to_string());
    let severity = severity_word(d.severity);
    let message = visible(&message(&d.kind));
    match &d.location {
        Some(at) => format!("{path}:{}:{}: {severity}: {message}", at.line, at.column),
        None => format!("{path}: {severity}: {message}"),
    }
}

/// The full rendering, without styling.
pub fn render_plain(d: &Diagnostic) -> String {
    render(d, &|_, text| text.to_owned())
}

/// The full rendering (ending in a newline) with `paint` applied to each
/// part, e.g. to colour it.
pub fn render(d: &Diagnostic, paint: &dyn Fn(Part, &str) -> String) -> String {
    render_report(
        &Report {
            path: &d.path,
            severity: d.severity,
            location: d.location.as_ref(),
            message: message(&d.kind),
            help: help(&d.kind),
        },
        paint,
    )
}

/// A problem in any file (a lesson, the config file), worded: rendered
/// exactly as lesson diagnostics are.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    pub path: &'a Path,
    pub severity: Severity,
    pub location: Option<&'a Location>,
    pub message: String,
    pub help: Option<String>,
}

/// The rustc-style rendering of a [`Report`] (ending in a newline).
pub fn render_report(r: &Report<'_>, paint: &dyn Fn(Part, &str) -> String) -> String {
    let mut out = String::new();
    let path = visible(&r.path.display().to_string());
    let place = match r.location {
        Some(at) => format!("{path}:{}:{}:", at.line, at.column),
        None => format!("{path}:"),
    };
    let _ = writeln!(
        out,
        "{} {}: {}",
        paint(Part::Path, &place),
        paint(Part::Severity(r.severity), severity_word(r.severity)),
        paint(Part::Message, &visible(&r.message))
    );
    let gutter = r.location.map_or(1, |at| at.line.to_string().len());
    let pad = " ".repeat(gutter);
    if let Some(at) = r.location {
        let snippet = &at.snippet;
        let bar = paint(Part::Gutter, &format!("{pad} |"));
        let _ = writeln!(out, "{bar}");
        let numbered = paint(Part::Gutter, &format!("{} |", at.line));
        let space = if snippet.line.is_empty() { "" } else { " " };
        let _ = writeln!(out, "{numbered}{space}{}", snippet.line);
        let carets = paint(Part::Carets(r.severity), &"^".repeat(snippet.caret_width));
        let _ = writeln!(out, "{bar} {}{carets}", " ".repeat(snippet.caret_start));
    }
    if let Some(help) = &r.help {
        let equals = paint(Part::Gutter, &format!("{pad} ="));
        let _ = writeln!(
            out,
            "{equals} {}: {}",
            paint(Part::Help, t!("check.help_label")),
            visible(help)
        );
    }
    out
}

#[cfg(test)]
#[path = "diagnostic_tests.rs"]
mod tests;
