//! The progress file format (version 2, documented in docs/progress.md):
//! TOML text ↔ [`Document`]. Pure: no I/O here. Version 1 files (without
//! logs) are read and migrated (see [`history::migrate_v1`]).
//!
//! Fields this version does not know are kept in [`Extras`] and written back,
//! so a hand edit or a newer terakoya's addition is never silently dropped.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use toml::value::Datetime;
use toml::{Table, Value};

use super::history;
use super::time::{from_datetime, to_datetime};
use super::write::{self, Reuse, Written, body_through_toml};
use super::{Anchor, LessonKey, LessonProgress, Progress};

/// The format version this build reads and writes.
pub const VERSION: i64 = 2;

/// Which derivation of section and point ids (`bundle::ids`) keyed the
/// ticks and positions in the file: written as `ids = 1`; a file without it
/// is read as 1. A future derivation bumps it, so that it can migrate a
/// file's keys instead of orphaning them (docs/progress.md).
pub const IDS: i64 = 1;

const HEADER: &str = "# terakoya reading progress (format: docs/progress.md in terakoya's sources).\n\
                      # Written on every change; safe to read, best not edited while terakoya runs.\n\n";
const TOP_FIELDS: [&str; 4] = ["version", "ids", "last_opened", "lessons"];
const LESSON_FIELDS: [&str; 7] = [
    "ticked",
    "sections_read",
    "read_at",
    "log",
    "position",
    "last_opened",
    "completed",
];

/// A parsed progress file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// The file's format version; above [`VERSION`] it came from a newer
    /// terakoya, and only the fields this build knows were read.
    pub version: i64,
    /// The id derivation of the file's keys (see [`IDS`]).
    pub ids: i64,
    pub progress: Progress,
    pub extras: Extras,
}

/// Unknown fields, at the top level and per lesson.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extras {
    pub top: Table,
    pub lessons: BTreeMap<LessonKey, Table>,
}

/// Why a progress file could not be read. Data only: the front end words
/// it (`src/progress_words.rs` in terakoya).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// The bytes are not UTF-8; the first bad one is at `offset`.
    NotUtf8 { offset: usize },
    /// Not TOML: toml's own message, on one line ("line 3, column 5: …").
    Syntax(String),
    /// TOML, but not of the progress file's shape.
    Shape(Shape),
}

/// How a progress file's TOML is not what terakoya writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// There is no `version` field.
    NoVersion,
    /// `version` is not a whole number from 1 up; `found` is its TOML.
    BadVersion { found: String },
    /// `field` (a dotted path such as `lessons."c/l".completed`) is not
    /// what it must be.
    Field { field: String, expected: Expected },
    /// An entry of `lessons` whose fields do not read: `name` is its key,
    /// quoted, and `message` the TOML reader's own words, on one line.
    Lesson { name: String, message: String },
}

/// What a field of the progress file must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A whole number from 1 up.
    WholeNumber,
    /// A `"course/lesson"` string.
    LessonKeyString,
    /// A `"course/lesson"` key.
    LessonKey,
    Table,
    /// A date and time such as 2026-11-25T09:24:04Z.
    DateTime,
    /// A list of events such as "2026-11-25T09:24:04Z tick".
    EventList,
}

/// Technical, for logs and tests: people read the front end's wording.
impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for FormatError {}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct LessonFields {
    ticked: BTreeSet<String>,
    sections_read: BTreeSet<String>,
    read_at: BTreeMap<String, Datetime>,
    log: BTreeMap<String, Vec<String>>,
    position: Option<PositionFields>,
    last_opened: Option<Datetime>,
    completed: Option<Datetime>,
}

/// Unknown fields inside `position` are not kept (documented).
#[derive(Deserialize, Default)]
#[serde(default)]
struct PositionFields {
    section: Option<String>,
    block: u32,
    offset: u32,
}

impl Document {
    /// An empty document of the current version.
    pub fn new() -> Self {
        Self {
            version: VERSION,
            ids: IDS,
            ..Self::default()
        }
    }

    pub fn is_newer(&self) -> bool {
        self.version > VERSION
    }

    /// Merges another document: progress by [`Progress::merge`]; unknown
    /// fields are added where this document lacks them.
    pub fn merge(&mut self, other: &Document) {
        self.progress.merge(&other.progress);
        add_missing(&mut self.extras.top, &other.extras.top);
        for (key, table) in &other.extras.lessons {
            add_missing(self.extras.lessons.entry(key.clone()).or_default(), table);
        }
    }

    /// Removes a lesson's progress (and its unknown fields).
    pub fn remove_lesson(&mut self, key: &LessonKey) {
        self.progress.lessons.remove(key);
        self.extras.lessons.remove(key);
        if self.progress.last_opened.as_ref() == Some(key) {
            self.progress.last_opened = None;
        }
    }
}

pub(super) fn add_missing(into: &mut Table, from: &Table) {
    for (name, value) in from {
        into.entry(name.clone()).or_insert_with(|| value.clone());
    }
}

/// Parses a progress file. A file with a higher version is read as far as
/// this build understands it (`Document::version` says so); never an error.
pub fn parse(text: &str) -> Result<Document, FormatError> {
    let mut table: Table = text
        .parse()
        .map_err(|e: toml::de::Error| FormatError::Syntax(one_line(&e.to_string())))?;
    let version = take_version(&mut table)?;
    let ids = take_ids(&table);
    match ids.and_then(|ids| Ok((ids, decode(table)?))) {
        Ok((ids, (mut progress, extras))) => {
            if version < 2 {
                history::migrate_v1(&mut progress);
            }
            Ok(Document {
                version,
                ids,
                progress,
                extras,
            })
        }
        Err(_) if version > VERSION => Ok(Document {
            version,
            ids: IDS,
            ..Document::default()
        }),
        Err(e) => Err(e),
    }
}

/// The file text of a document, always at the current [`VERSION`]. An
/// error (none is known for these plain values) is returned, never an empty
/// text that would be saved over the user's progress.
pub fn to_text(doc: &Document) -> Result<String, toml::ser::Error> {
    text(HEADER, doc)
}

/// The text of an export made at `now` (seconds since the epoch): the same
/// fields as the live file, under a comment saying what the file is, when
/// it was made and how to bring it in.
pub fn to_export_text(doc: &Document, now: u64) -> Result<String, toml::ser::Error> {
    let head = format!(
        "# terakoya reading progress, exported {} (format: docs/progress.md in terakoya's sources).
\
         # To add it to the progress on another machine: terakoya progress import FILE
\
         # (import merges: a tick made on either machine is kept; nothing is replaced).

",
        to_datetime(now),
    );
    text(&head, doc)
}

/// `head` and the body (see [`body`]), in one buffer: the file of a large
/// library is megabytes.
fn text(head: &str, doc: &Document) -> Result<String, toml::ser::Error> {
    written(head, doc, None).map(|written| written.text)
}

/// [`to_text`], reusing the lessons of `old` (a text of the same document
/// before a change) that `changed` says did not change; see
/// [`write::known_text`].
pub(super) fn to_written(doc: &Document, old: Reuse<'_>) -> Result<Written, toml::ser::Error> {
    written(HEADER, doc, old)
}

fn written(head: &str, doc: &Document, old: Reuse<'_>) -> Result<Written, toml::ser::Error> {
    if has_no_extras(doc) {
        return Ok(write::known_text(head, doc, old));
    }
    let text = format!("{head}{}", body_through_toml(doc)?);
    Ok(Written::opaque(text))
}

fn has_no_extras(doc: &Document) -> bool {
    doc.extras.top.is_empty() && doc.extras.lessons.values().all(Table::is_empty)
}

/// The fields of the file, after its header comment.
#[cfg(test)]
fn body(doc: &Document) -> Result<String, toml::ser::Error> {
    text("", doc)
}

fn take_version(table: &mut Table) -> Result<i64, FormatError> {
    match table.get("version") {
        Some(Value::Integer(v)) if *v >= 1 => Ok(*v),
        Some(other) => Err(FormatError::Shape(Shape::BadVersion {
            found: other.to_string(),
        })),
        None => Err(FormatError::Shape(Shape::NoVersion)),
    }
}

/// The `ids` field: 1 when absent (files written before it existed).
fn take_ids(table: &Table) -> Result<i64, FormatError> {
    match table.get("ids") {
        None => Ok(1),
        Some(Value::Integer(v)) if *v >= 1 => Ok(*v),
        Some(_) => Err(shape("ids", Expected::WholeNumber)),
    }
}

fn decode(table: Table) -> Result<(Progress, Extras), FormatError> {
    let (progress, extras, problems) = decode_entries(table);
    match problems.into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok((progress, extras)),
    }
}

/// What could be read of a file with unreadable entries (see [`salvage`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Salvaged {
    pub doc: Document,
    /// The entries left out, each with why.
    pub problems: Vec<FormatError>,
}

/// The readable part of a progress file that is valid TOML of this version
/// but has unreadable entries (a hand edit gone wrong, say): every lesson
/// that reads, without the ones that do not. `None` when the text is not
/// TOML, not of a version this build writes, or has nothing readable.
pub fn salvage(text: &str) -> Option<Salvaged> {
    let mut table: Table = text.parse().ok()?;
    let version = take_version(&mut table).ok()?;
    if version > VERSION {
        return None;
    }
    let ids = take_ids(&table).unwrap_or(IDS);
    let (mut progress, extras, problems) = decode_entries(table);
    if version < 2 {
        history::migrate_v1(&mut progress);
    }
    if progress.lessons.is_empty() {
        return None;
    }
    Some(Salvaged {
        doc: Document {
            version: VERSION,
            ids,
            progress,
            extras,
        },
        problems,
    })
}

/// Every entry that reads, and a problem for each one that does not.
fn decode_entries(mut table: Table) -> (Progress, Extras, Vec<FormatError>) {
    let mut problems = Vec::new();
    let last_opened = match table.remove("last_opened") {
        None => None,
        Some(Value::String(key)) => parse_key(&key, "last_opened")
            .map_err(|e| problems.push(e))
            .ok(),
        Some(_) => {
            problems.push(shape("last_opened", Expected::LessonKeyString));
            None
        }
    };
    let lessons = match table.remove("lessons") {
        None => Table::new(),
        Some(Value::Table(lessons)) => lessons,
        Some(_) => {
            problems.push(shape("lessons", Expected::Table));
            Table::new()
        }
    };
    table.retain(|name, _| !TOP_FIELDS.contains(&name));
    let mut progress = Progress {
        lessons: BTreeMap::new(),
        last_opened,
    };
    let mut extras = Extras {
        top: table,
        lessons: BTreeMap::new(),
    };
    for (name, value) in lessons {
        match decode_entry(&name, value) {
            Ok(entry) => {
                let (key, lesson, unknown) = entry.decoded;
                progress.lessons.insert(key.clone(), lesson.into());
                if !unknown.is_empty() {
                    extras.lessons.insert(key, unknown);
                }
                problems.extend(entry.problem);
            }
            Err(problem) => problems.push(problem),
        }
    }
    (progress, extras, problems)
}

/// A `lessons` entry that could be read, at least in part.
struct Entry {
    /// Its key, its progress and its unknown fields.
    decoded: (LessonKey, LessonProgress, Table),
    /// Why some of its fields were left out, if they were.
    problem: Option<FormatError>,
}

/// One `lessons` entry. When a field does not read, the fields that do are
/// kept (with the problem), so that one bad date does not lose the ticks.
fn decode_entry(name: &str, value: Value) -> Result<Entry, FormatError> {
    let key = parse_key(name, &format!("lessons.{name:?}"))?;
    let Value::Table(mut fields) = value else {
        return Err(shape(&format!("lessons.{name:?}"), Expected::Table));
    };
    let unknown: Table = fields
        .iter()
        .filter(|(field, _)| !LESSON_FIELDS.contains(&field.as_str()))
        .map(|(field, value)| (field.clone(), value.clone()))
        .collect();
    fields.retain(|field, _| LESSON_FIELDS.contains(&field));
    let (lesson, problem) = match decode_lesson(name, fields.clone()) {
        Ok(lesson) => (lesson, None),
        Err(problem) => {
            let readable: Table = fields
                .into_iter()
                .filter(|(field, value)| {
                    let one = Table::from_iter([(field.clone(), value.clone())]);
                    decode_lesson(name, one).is_ok()
                })
                .collect();
            if readable.is_empty() {
                return Err(problem);
            }
            (decode_lesson(name, readable)?, Some(problem))
        }
    };
    Ok(Entry {
        decoded: (key, lesson, unknown),
        problem,
    })
}

fn decode_lesson(name: &str, fields: Table) -> Result<LessonProgress, FormatError> {
    let fields: LessonFields = Value::Table(fields)
        .try_into()
        .map_err(|e: toml::de::Error| {
            FormatError::Shape(Shape::Lesson {
                name: format!("{name:?}"),
                message: one_line(&e.to_string()),
            })
        })?;
    let time = |field: &str, value: Option<Datetime>| match value {
        None => Ok(None),
        Some(datetime) => from_datetime(&datetime)
            .map(Some)
            .ok_or_else(|| shape(&format!("lessons.{name:?}.{field}"), Expected::DateTime)),
    };
    let mut read_at = BTreeMap::new();
    for (section, datetime) in fields.read_at {
        let at = time(&format!("read_at.{section:?}"), Some(datetime))?;
        read_at.insert(section, at.unwrap_or_default());
    }
    let mut log = BTreeMap::new();
    for (point, events) in fields.log {
        let mut decoded = history::PointLog::new();
        for event in &events {
            decoded.insert(history::decode_event(event).ok_or_else(|| {
                shape(
                    &format!("lessons.{name:?}.log.{point:?}"),
                    Expected::EventList,
                )
            })?);
        }
        history::compact(&mut decoded);
        log.insert(point, decoded);
    }
    let mut lesson = LessonProgress {
        ticked: fields.ticked,
        sections_read: fields.sections_read,
        read_at,
        log,
        position: fields.position.map(|p| Anchor {
            section: p.section,
            block: p.block,
            offset: p.offset,
        }),
        last_opened: time("last_opened", fields.last_opened)?,
        completed: time("completed", fields.completed)?,
    };
    lesson.normalize();
    Ok(lesson)
}

fn parse_key(text: &str, field: &str) -> Result<LessonKey, FormatError> {
    // Course ids are directory names, so the first '/' ends the course id.
    // Anything the writer writes must read back, even empty parts.
    match text.split_once('/') {
        Some((course, lesson)) => Ok(LessonKey::new(course, lesson)),
        None => Err(shape(field, Expected::LessonKey)),
    }
}

fn shape(field: &str, expected: Expected) -> FormatError {
    FormatError::Shape(Shape::Field {
        field: field.to_owned(),
        expected,
    })
}

/// toml's messages span several lines (position, source excerpt, caret,
/// message); the status line has room for one: "line 3, column 5: message".
fn one_line(message: &str) -> String {
    let mut lines = message.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or_default();
    let place = first.strip_prefix("TOML parse error at ").unwrap_or(first);
    match lines.next_back() {
        Some(last) if last != first => format!("{place}: {last}"),
        _ => place.to_owned(),
    }
}

#[cfg(test)]
#[path = "file_tests.rs"]
mod tests;
