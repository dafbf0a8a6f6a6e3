//! A lesson file's table → [`Lesson`], reporting every problem.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use super::ahead::Ahead;
use super::course::given_format;
use super::diag::{Location, shorten};
use super::id_rules::{is_invisible, normalize_id};
use super::kind::{DiagnosticKind, DuplicateFix, Entry, Expected, Place};
use super::walk::{FileCheck, Str, check_keys, opt_str, opt_table, req_str, tables};
use super::{fields, ids, lint};
use crate::model::{InlineMarks, Lecturer, Lesson, Section, Span, SummaryPoint, Text};

pub(super) const LESSON_KEYS: &[&str] = &[
    "format", "id", "label", "title", "intro", "lecturer", "sections", "summary",
];
const LECTURER_KEYS: &[&str] = &["name", "bio"];
const SECTION_KEYS: &[&str] = &["id", "heading", "body"];
pub(super) const SUMMARY_KEYS: &[&str] = &["id", "text"];
/// Format 2 adds the front of a review card and the sections a point sums up.
const SUMMARY_KEYS_2: &[&str] = &["id", "text", "question", "sections"];

/// What a lesson file yielded: its id (even when the lesson has errors, so
/// that course-level checks still know it) and the lesson itself.
#[derive(Debug)]
pub struct ParsedLesson {
    pub id: String,
    /// Where the id is written, or the start of the file for a file-stem id.
    pub id_at: Location,
    pub lesson: Lesson,
}

/// Reads the lesson in `root`; `stem` is the file stem, the default id;
/// `course_format` the format of its course, used unless the lesson sets
/// one; `ahead` holds text fields parsed while toml parsed the file.
pub fn lesson(
    check: &mut FileCheck<'_>,
    root: &DeTable<'_>,
    stem: &str,
    course_format: i64,
    mut ahead: Ahead,
) -> ParsedLesson {
    check_keys(check, root, LESSON_KEYS, Place::Lesson);
    // A lesson newer than this terakoya is reported and read as the newest.
    let format =
        given_format(check, root).map_or(super::course::FORMAT, |f| f.unwrap_or(course_format));
    let mut marks = InlineMarks::default();
    let (id, id_at) = lesson_id(check, root, stem);
    let title = req_str(check, root, "title", 0..0, Place::Lesson);
    let title = non_empty_line(check, title, "title", format);
    let title = match title {
        Some((title, spans)) => {
            marks.title = spans;
            title
        }
        None => id.clone(),
    };
    let label = opt_str(check, root, "label").map(|s| {
        lint::tab_in_line(check, &s, "label");
        let (label, spans) = fields::line_field(check, &s, format);
        marks.label = spans;
        label
    });
    let intro = opt_str(check, root, "intro").map(|s| {
        lint::pasted_bullets(check, &s);
        text_field(check, &s, format, &mut ahead)
    });
    let lecturer = opt_table(check, root, "lecturer")
        .map(|(t, at)| lecturer(check, t, at, format, &mut ahead));
    let (sections, heading_spans) = sections(check, root, format, &mut marks.headings, ahead);
    let section_ids: Vec<&str> = sections.iter().map(|s| s.id.as_str()).collect();
    let summary = summary(check, root, format, &section_ids, &mut marks.points);
    let has_summary = root.get("summary").is_some();
    lint::summary_as_section(check, &sections, &heading_spans, has_summary);
    ParsedLesson {
        id: id.clone(),
        id_at,
        lesson: Lesson {
            id,
            label: label.filter(|l| !l.is_empty()),
            title,
            lecturer,
            intro: intro.filter(|t| !t.is_empty()),
            sections,
            summary,
            path: check.src.path.to_owned(),
            inline: marks,
        },
    }
}

fn lesson_id(check: &mut FileCheck<'_>, root: &DeTable<'_>, stem: &str) -> (String, Location) {
    if let Some(id) = opt_str(check, root, "id") {
        if let Some(problem) = ids::id_problem(id.value) {
            let kind = DiagnosticKind::BadLessonId {
                id: shorten(id.value, 40),
                problem,
            };
            check.error(id.span.clone(), kind);
        }
        return (normalize_id(id.value), check.src.locate(id.span));
    }
    if let Some(problem) = ids::id_problem(stem) {
        let kind = DiagnosticKind::BadFileStem {
            stem: stem.to_owned(),
            problem,
        };
        check.error(0..0, kind);
    }
    (normalize_id(stem), check.src.locate(0..0))
}

/// A required single-line field, reported when it is empty after cleaning;
/// with its spans in format 2.
fn non_empty_line(
    check: &mut FileCheck<'_>,
    field: Option<Str<'_>>,
    key: &'static str,
    format: i64,
) -> Option<(String, Vec<Span>)> {
    let field = field?;
    lint::tab_in_line(check, &field, key);
    let (line, spans) = fields::line_field(check, &field, format);
    if line.is_empty() {
        check.error(field.span, DiagnosticKind::EmptyField { key });
        return None;
    }
    if line.chars().all(|c| is_invisible(c) || c.is_whitespace()) {
        check.error(field.span, DiagnosticKind::InvisibleField { key });
        return None;
    }
    Some((line, spans))
}

/// A text field, parsed ahead if it was guessed right.
fn text_field(check: &mut FileCheck<'_>, field: &Str<'_>, format: i64, ahead: &mut Ahead) -> Text {
    match ahead.take(check.src.text, field, format) {
        Some(parsed) => fields::reported(check, field, parsed),
        None => fields::text_field(check, field, format),
    }
}

fn lecturer(
    check: &mut FileCheck<'_>,
    table: &DeTable<'_>,
    at: Range<usize>,
    format: i64,
    ahead: &mut Ahead,
) -> Lecturer {
    check_keys(check, table, LECTURER_KEYS, Place::Lecturer);
    let name = req_str(check, table, "name", at, Place::Lecturer);
    // A name is shown as written: no markup.
    Lecturer {
        name: non_empty_line(check, name, "name", 1).map_or_else(String::new, |(name, _)| name),
        bio: opt_str(check, table, "bio")
            .map(|s| {
                lint::pasted_bullets(check, &s);
                text_field(check, &s, format, ahead)
            })
            .filter(|t| !t.is_empty()),
    }
}

/// The sections, and where each heading is (for later checks).
fn sections(
    check: &mut FileCheck<'_>,
    root: &DeTable<'_>,
    format: i64,
    marks: &mut Vec<Vec<Span>>,
    mut ahead: Ahead,
) -> (Vec<Section>, Vec<Range<usize>>) {
    let Some(entries) = tables(check, root, "sections") else {
        if !check.may_have_lost_keys() {
            check.warning(0..0, DiagnosticKind::NoSections);
        }
        return (Vec::new(), Vec::new());
    };
    let mut bodies = section_bodies(check.src.text, root, format, &mut ahead).into_iter();
    let mut seen = Ids::default();
    let mut out = Vec::with_capacity(entries.len());
    let mut heading_spans = Vec::with_capacity(entries.len());
    for (table, at) in entries {
        let parsed = bodies.next().flatten();
        check_keys(check, table, SECTION_KEYS, Place::Sections);
        let heading = req_str(check, table, "heading", at.clone(), Place::Sections);
        let heading_at = heading.as_ref().map_or(at.clone(), |h| h.span.clone());
        let heading = non_empty_line(check, heading, "heading", format).map(|(heading, spans)| {
            if !spans.is_empty() {
                marks.resize(out.len(), Vec::new());
                marks.push(spans);
            }
            heading
        });
        if let Some(heading) = &heading {
            lint::decorated_heading(check, heading, heading_at.clone());
        }
        heading_spans.push(heading_at.clone());
        let body = req_str(check, table, "body", at, Place::Sections);
        let body = body
            .map(|b| {
                lint::pasted_bullets(check, &b);
                match parsed {
                    Some(parsed) => fields::reported(check, &b, parsed),
                    None => fields::text_field(check, &b, format),
                }
            })
            .unwrap_or_default();
        let id = entry_id(
            check,
            table,
            heading.as_deref(),
            heading_at,
            &SECTION,
            &mut seen,
        );
        let heading = heading.unwrap_or_default();
        out.push(Section { id, heading, body });
    }
    (out, heading_spans)
}

/// The bodies of the sections, parsed before the walk: one per table of
/// `sections`, in the order `tables` yields them (`None` where the body is
/// missing or not a string; `req_str` reports that). Those guessed right
/// were parsed already; the rest are parsed on the thread pool.
fn section_bodies(
    source: &str,
    root: &DeTable<'_>,
    format: i64,
    ahead: &mut Ahead,
) -> Vec<Option<fields::ParsedText>> {
    let Some(DeValue::Array(items)) = root.get("sections").map(|v| v.get_ref()) else {
        return Vec::new();
    };
    let bodies: Vec<Option<Str<'_>>> = items
        .iter()
        .filter_map(|item| match item.get_ref() {
            DeValue::Table(table) => Some(table.get("body").and_then(|b| match b.get_ref() {
                DeValue::String(body) => Some(Str {
                    value: body.as_ref(),
                    span: b.span(),
                }),
                _ => None,
            })),
            _ => None,
        })
        .collect();
    let done: Vec<Option<fields::ParsedText>> = bodies
        .iter()
        .map(|body| body.as_ref().and_then(|b| ahead.take(source, b, format)))
        .collect();
    let rest: Vec<Option<&str>> = bodies
        .iter()
        .zip(&done)
        .map(|(body, done)| body.as_ref().filter(|_| done.is_none()).map(|b| b.value))
        .collect();
    let parsed = fields::parse_texts(&rest, format);
    done.into_iter().zip(parsed).map(|(d, p)| d.or(p)).collect()
}

fn summary(
    check: &mut FileCheck<'_>,
    root: &DeTable<'_>,
    format: i64,
    section_ids: &[&str],
    marks: &mut Vec<Vec<Span>>,
) -> Vec<SummaryPoint> {
    let entries = tables(check, root, "summary").unwrap_or_default();
    let mut seen = Ids::default();
    let mut out = Vec::with_capacity(entries.len());
    for (table, at) in entries {
        let keys = if format >= 2 {
            SUMMARY_KEYS_2
        } else {
            SUMMARY_KEYS
        };
        check_keys(check, table, keys, Place::Summary);
        let text = req_str(check, table, "text", at.clone(), Place::Summary);
        let text_at = text.as_ref().map_or(at, |t| t.span.clone());
        let text = non_empty_line(check, text, "text", format).map(|(text, spans)| {
            if !spans.is_empty() {
                marks.resize(out.len(), Vec::new());
                marks.push(spans);
            }
            text
        });
        let id = entry_id(check, table, text.as_deref(), text_at, &POINT, &mut seen);
        let text = text.unwrap_or_default();
        let (question, sections) = if format >= 2 {
            let question = opt_str(check, table, "question")
                .and_then(|q| non_empty_line(check, Some(q), "question", format))
                .map(|(question, _)| question);
            (question, section_refs(check, table, section_ids))
        } else {
            (None, Vec::new())
        };
        out.push(SummaryPoint {
            id,
            text,
            question,
            sections,
        });
    }
    out
}

/// A summary point's `sections = ["id", …]`: each must name a section of
/// the lesson (an error with the nearest id otherwise; the rest are kept).
fn section_refs(check: &mut FileCheck<'_>, table: &DeTable<'_>, known: &[&str]) -> Vec<String> {
    let Some(value) = table.get("sections") else {
        return Vec::new();
    };
    let DeValue::Array(items) = value.get_ref() else {
        let kind = DiagnosticKind::WrongType {
            key: "sections".to_owned(),
            expected: Expected::ArrayOfStrings,
            found: super::walk::type_of(value.get_ref()),
        };
        check.error(value.span(), kind);
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let DeValue::String(id) = item.get_ref() else {
            let kind = DiagnosticKind::WrongType {
                key: "sections".to_owned(),
                expected: Expected::ArrayOfStrings,
                found: super::walk::type_of(item.get_ref()),
            };
            check.error(item.span(), kind);
            continue;
        };
        let id = normalize_id(id.as_ref());
        if known.contains(&id.as_str()) {
            out.push(id);
        } else {
            let suggestion = super::walk::did_you_mean(&id, known).map(str::to_owned);
            check.error(
                item.span(),
                DiagnosticKind::UnknownSectionRef { id, suggestion },
            );
        }
    }
    out
}

/// Ids already used in one list (sections or summary), with the byte
/// offset where each was first used, whether it was given explicitly, and
/// for a derived one the 64-bit hash of its text.
type Ids = HashMap<String, (usize, bool, u64)>;

/// Sections and summary points: named in messages, with ids derived from
/// their heading or text.
struct EntryKind {
    entry: Entry,
    derive: fn(&str) -> String,
}

const SECTION: EntryKind = EntryKind {
    entry: Entry::Section,
    derive: ids::section_id,
};

const POINT: EntryKind = EntryKind {
    entry: Entry::SummaryPoint,
    derive: ids::point_id,
};

/// The explicit `id` of a section or summary point, or one derived from its
/// text (pointed at by `text_at`); a duplicate is an error telling the
/// author to set an `id`. Without text (already reported), no id is checked.
fn entry_id(
    check: &mut FileCheck<'_>,
    table: &DeTable<'_>,
    text: Option<&str>,
    text_at: Range<usize>,
    entry: &EntryKind,
    seen: &mut Ids,
) -> String {
    let explicit = opt_str(check, table, "id");
    let (id, span, hash) = match (&explicit, text) {
        (Some(id), _) => (id.value.to_owned(), id.span.clone(), 0),
        (None, Some(text)) => {
            let hash = ids::fnv1a64(text.as_bytes());
            let mut id = (entry.derive)(text);
            // Two different texts with the same short id: the second gets
            // the whole hash (see `ids::long_derived_id`).
            if let Some(&(_, false, first_hash)) = seen.get(&id)
                && first_hash != hash
            {
                id = ids::long_derived_id(&id[..1], text);
            }
            (id, text_at, hash)
        }
        (None, None) => return (entry.derive)(""),
    };
    // Derived ids are always well-formed; only explicit ones are checked.
    if let Some((given, problem)) = explicit
        .as_ref()
        .and_then(|given| Some((given, ids::id_problem(&id)?)))
    {
        let kind = DiagnosticKind::BadEntryId {
            entry: entry.entry,
            id: shorten(&id, 40),
            problem,
        };
        check.error(given.span.clone(), kind);
    }
    if let Some(&(first, first_explicit, first_hash)) = seen.get(&id) {
        let first = check.src.locate(first..first).line;
        // Two explicit ids: one must change. Otherwise the derived one can
        // be given an id of its own.
        let fix = if first_explicit && explicit.is_some() {
            DuplicateFix::RenameOne
        } else {
            DuplicateFix::GiveExplicitId
        };
        // The same text makes the same id; an id equal to another's by
        // chance (an explicit one, or a collision of whole hashes) is a
        // duplicate id, not the same text.
        let same_text = explicit.is_none() && !first_explicit && first_hash == hash;
        let kind = DiagnosticKind::DuplicateEntryId {
            entry: entry.entry,
            id: id.clone(),
            first_line: first,
            same_text,
            fix,
        };
        check.error(span, kind);
    } else {
        seen.insert(id.clone(), (span.start, explicit.is_some(), hash));
    }
    id
}

/// The file stem of a lesson path: its default id.
pub fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
