//! The progress file's text written directly from the model, without
//! building a `toml` document: toml's serialiser copies its buffer once per
//! table (quadratic: seconds for 10,000 lessons). The bytes are exactly
//! those of toml's serialiser of the same table (a test compares them), with
//! strings and keys encoded by `toml_writer`, as toml itself does. A
//! document with unknown fields goes through toml (see `file::body`).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use toml_writer::TomlWrite as _;

use super::file::{Document, IDS, VERSION};
use super::history;
use super::time::to_datetime;
use super::{LessonKey, LessonProgress};

/// The body of a document without unknown fields (`doc.extras` empty).
pub(super) fn known_body(doc: &Document) -> String {
    let mut out = String::with_capacity(256 * (doc.progress.lessons.len() + 1));
    // Writing to a String cannot fail; the results are ignored.
    let _ = write_body(doc, &mut out);
    out
}

fn write_body(doc: &Document, out: &mut String) -> std::fmt::Result {
    writeln!(out, "version = {VERSION}")?;
    writeln!(out, "ids = {}", doc.ids.max(IDS))?;
    if let Some(key) = &doc.progress.last_opened {
        out.push_str("last_opened = ");
        out.value(key.to_string().as_str())?;
        out.push('\n');
    }
    if doc.progress.lessons.is_empty() {
        out.push_str("\n[lessons]\n");
        return Ok(());
    }
    let mut path = String::new();
    for (key, lesson) in &doc.progress.lessons {
        path.clear();
        lesson_path(key, &mut path)?;
        write_lesson(&path, lesson, out)?;
    }
    Ok(())
}

/// `lessons."course/lesson"`, the header path of a lesson's table.
fn lesson_path(key: &LessonKey, path: &mut String) -> std::fmt::Result {
    path.push_str("lessons.");
    path.key(key.to_string().as_str())
}

fn write_lesson(path: &str, lesson: &LessonProgress, out: &mut String) -> std::fmt::Result {
    header(path, None, out);
    out.push_str("ticked = ");
    strings(&lesson.ticked, out)?;
    out.push_str("sections_read = ");
    strings(&lesson.sections_read, out)?;
    for (name, at) in [
        ("last_opened", lesson.last_opened),
        ("completed", lesson.completed),
    ] {
        if let Some(at) = at {
            writeln!(out, "{name} = {}", to_datetime(at))?;
        }
    }
    if !lesson.read_at.is_empty() {
        header(path, Some("read_at"), out);
        for (section, at) in &lesson.read_at {
            out.key(section.as_str())?;
            writeln!(out, " = {}", to_datetime(*at))?;
        }
    }
    if !lesson.log.is_empty() {
        header(path, Some("log"), out);
        for (point, events) in &lesson.log {
            out.key(point.as_str())?;
            out.push_str(" = [");
            for (n, event) in events.iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                out.value(history::encode_event(event).as_str())?;
            }
            out.push_str("]\n");
        }
    }
    if let Some(anchor) = &lesson.position {
        header(path, Some("position"), out);
        if let Some(section) = &anchor.section {
            out.push_str("section = ");
            out.value(section.as_str())?;
            out.push('\n');
        }
        writeln!(out, "block = {}", anchor.block)?;
        writeln!(out, "offset = {}", anchor.offset)?;
    }
    Ok(())
}

/// A blank line and `[path]` or `[path.name]`.
fn header(path: &str, name: Option<&str>, out: &mut String) {
    out.push_str("\n[");
    out.push_str(path);
    if let Some(name) = name {
        out.push('.');
        out.push_str(name);
    }
    out.push_str("]\n");
}

/// `["a", "b"]` and a line end.
fn strings(set: &BTreeSet<String>, out: &mut String) -> std::fmt::Result {
    out.push('[');
    for (n, item) in set.iter().enumerate() {
        if n > 0 {
            out.push_str(", ");
        }
        out.value(item.as_str())?;
    }
    out.push_str("]\n");
    Ok(())
}
