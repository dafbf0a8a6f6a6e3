//! `course.toml` → the course's title, description and lesson order, and
//! the `format` check shared with lesson files.

use toml::de::{DeTable, DeValue};

use super::diag::Location;
use super::fields;
use super::walk::{FileCheck, check_keys, opt_str, req_str, type_name};
use crate::model::Text;

/// The bundle format this terakoya reads.
pub const FORMAT: i64 = 1;

const COURSE_KEYS: &[&str] = &["format", "title", "description", "lessons"];

/// What `course.toml` says.
#[derive(Debug, Default)]
pub struct CourseHead {
    pub title: Option<String>,
    pub description: Option<Text>,
    /// `lessons = [...]`: lesson ids in reading order, with where each is.
    pub order: Option<Vec<(String, Location)>>,
    /// `format` is newer than [`FORMAT`]: the course's lessons are not read.
    pub newer_format: bool,
}

pub fn course_head(check: &mut FileCheck<'_>, root: &DeTable<'_>) -> CourseHead {
    check_keys(check, root, COURSE_KEYS, "in course.toml");
    let newer_format = check_format(check, root);
    let title = req_str(check, root, "title", 0..0, "in course.toml").and_then(|t| {
        let line = fields::one_line(t.value);
        if line.is_empty() {
            check.error(t.span, "`title` is empty");
        }
        Some(line).filter(|l| !l.is_empty())
    });
    CourseHead {
        title,
        description: opt_str(check, root, "description")
            .map(|d| fields::text(d.value))
            .filter(|t| !t.is_empty()),
        order: lesson_order(check, root),
        newer_format,
    }
}

/// At most this many entries of `lessons` are read: each is located for
/// the messages that may quote it, and a hostile list could hold millions.
pub const MAX_LESSONS_LISTED: usize = 1000;

fn lesson_order(check: &mut FileCheck<'_>, root: &DeTable<'_>) -> Option<Vec<(String, Location)>> {
    let value = root.get("lessons")?;
    let help = "write the lesson ids in reading order: lessons = [\"01-intro\", \"02-next\"]";
    let DeValue::Array(items) = value.get_ref() else {
        let message = format!(
            "`lessons` must be an array of lesson ids, found {}",
            type_name(value.get_ref())
        );
        check.error_with_help(value.span(), message, help);
        return None;
    };
    if let Some(extra) = items.get(MAX_LESSONS_LISTED) {
        let message =
            format!("`lessons` lists more than {MAX_LESSONS_LISTED} lessons; the rest are ignored");
        check.error_with_help(extra.span(), message, "split the course in several courses");
    }
    let mut order = Vec::with_capacity(items.len().min(MAX_LESSONS_LISTED));
    for item in items.iter().take(MAX_LESSONS_LISTED) {
        match item.get_ref() {
            DeValue::String(id) => order.push((id.to_string(), check.src.locate(item.span()))),
            other => {
                let message = format!(
                    "each entry of `lessons` must be a lesson id (a string), found {}",
                    type_name(other)
                );
                check.error_with_help(item.span(), message, help);
            }
        }
    }
    Some(order)
}

/// Checks `format` (absent means 1); returns whether it is newer than this
/// terakoya reads.
pub fn check_format(check: &mut FileCheck<'_>, table: &DeTable<'_>) -> bool {
    let Some(value) = table.get("format") else {
        return false;
    };
    let number = match value.get_ref() {
        DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix()).ok(),
        _ => None,
    };
    match number {
        Some(FORMAT) => false,
        Some(n) if n > FORMAT => {
            check.error_with_help(
                value.span(),
                format!(
                    "made for a newer terakoya (format {n}); this terakoya reads format {FORMAT}"
                ),
                "upgrade terakoya",
            );
            true
        }
        _ => {
            check.error_with_help(
                value.span(),
                "`format` must be 1",
                "write `format = 1` or leave it out",
            );
            false
        }
    }
}
