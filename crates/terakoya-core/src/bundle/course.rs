//! `course.toml` → the course's title, description and lesson order, and
//! the `format` check shared with lesson files.

use toml::de::{DeTable, DeValue};

use super::diag::Location;
use super::fields;
use super::id_rules::normalize_id;
use super::kind::{DiagnosticKind, Place};
use super::walk::{FileCheck, check_keys, opt_str, req_str, type_of};
use crate::model::Text;

/// The newest bundle format this terakoya reads: 1, the light markup, and
/// 2, CommonMark text fields (see docs/format.md).
pub const FORMAT: i64 = 2;

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
    /// The course's format (1 when not given), its lessons' unless they
    /// say otherwise.
    pub format: i64,
}

pub fn course_head(check: &mut FileCheck<'_>, root: &DeTable<'_>) -> CourseHead {
    check_keys(check, root, COURSE_KEYS, Place::CourseFile);
    let format = check_format(check, root);
    let newer_format = format.is_none();
    let title = req_str(check, root, "title", 0..0, Place::CourseFile).and_then(|t| {
        let line = fields::one_line(t.value);
        if line.is_empty() {
            check.error(t.span, DiagnosticKind::EmptyField { key: "title" });
        }
        Some(line).filter(|l| !l.is_empty())
    });
    let format = format.unwrap_or(FORMAT);
    CourseHead {
        title,
        description: opt_str(check, root, "description")
            .map(|d| fields::text_field(check, &d, format))
            .filter(|t| !t.is_empty()),
        order: lesson_order(check, root),
        newer_format,
        format,
    }
}

/// At most this many entries of `lessons` are read: each is located for
/// the messages that may quote it, and a hostile list could hold millions.
pub const MAX_LESSONS_LISTED: usize = 1000;

fn lesson_order(check: &mut FileCheck<'_>, root: &DeTable<'_>) -> Option<Vec<(String, Location)>> {
    let value = root.get("lessons")?;
    let DeValue::Array(items) = value.get_ref() else {
        let found = type_of(value.get_ref());
        check.error(value.span(), DiagnosticKind::LessonsNotArray { found });
        return None;
    };
    if let Some(extra) = items.get(MAX_LESSONS_LISTED) {
        let max = MAX_LESSONS_LISTED;
        check.error(extra.span(), DiagnosticKind::TooManyListed { max });
    }
    let mut order = Vec::with_capacity(items.len().min(MAX_LESSONS_LISTED));
    for item in items.iter().take(MAX_LESSONS_LISTED) {
        match item.get_ref() {
            DeValue::String(id) => order.push((normalize_id(id), check.src.locate(item.span()))),
            other => {
                let found = type_of(other);
                check.error(item.span(), DiagnosticKind::LessonsEntryNotString { found });
            }
        }
    }
    Some(order)
}

/// Checks `format`; returns it (1 when absent or invalid, reported), or
/// `None` when it is newer than this terakoya reads.
pub fn check_format(check: &mut FileCheck<'_>, table: &DeTable<'_>) -> Option<i64> {
    given_format(check, table).map(|f| f.unwrap_or(1))
}

/// [`check_format`], with `Some(None)` when `format` is absent or invalid.
pub fn given_format(check: &mut FileCheck<'_>, table: &DeTable<'_>) -> Option<Option<i64>> {
    let Some(value) = table.get("format") else {
        return Some(None);
    };
    let number = match value.get_ref() {
        DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix()).ok(),
        _ => None,
    };
    match number {
        Some(n @ 1..=FORMAT) => Some(Some(n)),
        Some(n) if n > FORMAT => {
            let kind = DiagnosticKind::NewerFormat {
                found: n,
                supported: FORMAT,
            };
            check.error(value.span(), kind);
            None
        }
        _ => {
            let kind = DiagnosticKind::BadFormat { supported: FORMAT };
            check.error(value.span(), kind);
            Some(None)
        }
    }
}
