//! The progress file's text written directly from the model, without
//! building a `toml` document: toml's serialiser copies its buffer once per
//! table (quadratic: seconds for 10,000 lessons). The bytes are exactly
//! those of toml's serialiser of the same table (a test compares them), with
//! strings and keys encoded by `toml_writer`, as toml itself does. A
//! document with unknown fields goes through toml ([`body_through_toml`]).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::ops::Range;

use toml_writer::TomlWrite as _;

use toml::{Table, Value};

use super::file::{Document, IDS, VERSION, add_missing};
use super::history;
use super::time::to_datetime;
use super::{LessonKey, LessonProgress};

/// A file's text as written, with where each lesson's table is in it (in
/// the order of `Progress::lessons`), so that the next save can copy the
/// lessons it did not change instead of writing them again.
#[derive(Debug, Default)]
pub(super) struct Written {
    pub text: String,
    /// Empty when the text came from toml (a document with unknown fields).
    lessons: Vec<Range<usize>>,
}

impl Written {
    /// A text whose lessons cannot be reused.
    pub(super) fn opaque(text: String) -> Written {
        Written {
            text,
            lessons: Vec::new(),
        }
    }
}

/// A previous text of the document, and which lessons changed since (see
/// [`known_text`]).
pub(super) type Reuse<'a> = Option<(&'a Written, &'a dyn Fn(&LessonKey) -> bool)>;

/// `head`, then the body of a document without unknown fields
/// (`doc.extras` empty). With `reuse`, a previous text of the same document
/// and a test of which lessons changed since: the others are copied from it
/// (it must have been written from the same lessons, in the same order,
/// which holds when their number has not changed and none was added).
pub(super) fn known_text(head: &str, doc: &Document, reuse: Reuse<'_>) -> Written {
    let lessons = &doc.progress.lessons;
    let reuse = reuse.filter(|(old, _)| !lessons.is_empty() && old.lessons.len() == lessons.len());
    let capacity = reuse.map_or(1024 * (lessons.len() + 1), |(old, _)| old.text.len() + 1024);
    let mut written = Written {
        text: String::with_capacity(head.len() + capacity),
        lessons: Vec::with_capacity(lessons.len()),
    };
    written.text.push_str(head);
    // Writing to a String cannot fail; the results are ignored.
    let _ = write_body(doc, reuse, &mut written);
    written
}

fn write_body(doc: &Document, reuse: Reuse<'_>, written: &mut Written) -> std::fmt::Result {
    let out = &mut written.text;
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
    for (n, (key, lesson)) in doc.progress.lessons.iter().enumerate() {
        let start = out.len();
        let old = reuse
            .filter(|(_, changed)| !changed(key))
            .and_then(|(old, _)| old.text.get(old.lessons.get(n)?.clone()));
        match old {
            Some(old) => out.push_str(old),
            None => {
                path.clear();
                lesson_path(key, &mut path)?;
                write_lesson(&path, lesson, out)?;
            }
        }
        written.lessons.push(start..out.len());
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
            out.push_str(name);
            out.push_str(" = ");
            datetime(at, out);
            out.push('\n');
        }
    }
    if !lesson.read_at.is_empty() {
        header(path, Some("read_at"), out);
        for (section, at) in &lesson.read_at {
            key(section, out)?;
            out.push_str(" = ");
            datetime(*at, out);
            out.push('\n');
        }
    }
    if !lesson.log.is_empty() {
        header(path, Some("log"), out);
        for (point, events) in &lesson.log {
            key(point, out)?;
            out.push_str(" = [");
            for (n, event) in events.iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                // `history::encode_event`'s text, which is a plain string
                // (digits, `-:TZ`, a space and a lowercase word).
                out.push('"');
                datetime(event.at, out);
                out.push(' ');
                out.push_str(event.kind.token());
                out.push('"');
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
        value(item, out)?;
    }
    out.push_str("]\n");
    Ok(())
}

/// Ids are mostly plain ASCII (`p-4fd0bfc1`, `section-3`): written as they
/// are, as toml writes them, without toml_writer's scan for the best style.
fn is_plain(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A key: bare if plain, else as toml encodes it.
fn key(text: &str, out: &mut String) -> std::fmt::Result {
    if is_plain(text) {
        out.push_str(text);
        Ok(())
    } else {
        out.key(text)
    }
}

/// A string value: `"text"` if plain, else as toml encodes it.
fn value(text: &str, out: &mut String) -> std::fmt::Result {
    if is_plain(text) {
        out.push('"');
        out.push_str(text);
        out.push('"');
        Ok(())
    } else {
        out.value(text)
    }
}

/// `secs` as toml writes [`to_datetime`]'s value: `2026-11-25T09:24:04Z`.
fn datetime(secs: u64, out: &mut String) {
    let datetime = to_datetime(secs);
    let (Some(date), Some(time)) = (datetime.date, datetime.time) else {
        // Never: to_datetime always gives both.
        let _ = write!(out, "{datetime}");
        return;
    };
    push_digits(out, u32::from(date.year), 4);
    out.push('-');
    push_digits(out, u32::from(date.month), 2);
    out.push('-');
    push_digits(out, u32::from(date.day), 2);
    out.push('T');
    push_digits(out, u32::from(time.hour), 2);
    out.push(':');
    push_digits(out, u32::from(time.minute), 2);
    out.push(':');
    push_digits(out, u32::from(time.second.unwrap_or(0)), 2);
    out.push('Z');
}

/// `value` in `width` digits (at most 4), zero-padded.
fn push_digits(out: &mut String, value: u32, width: usize) {
    let mut buf = [b'0'; 4];
    let mut rest = value;
    for slot in buf[..width].iter_mut().rev() {
        *slot = b"0123456789"[(rest % 10) as usize];
        rest /= 10;
    }
    out.extend(buf[..width].iter().map(|&b| char::from(b)));
}

/// The body as toml serialises it: for documents with unknown fields, whose
/// values can be anything TOML holds (and, in tests, to check that the
/// direct writer gives the same bytes).
pub(super) fn body_through_toml(doc: &Document) -> Result<String, toml::ser::Error> {
    let mut top = Table::new();
    top.insert("version".into(), Value::Integer(VERSION));
    // A file keyed by a later derivation keeps saying so.
    top.insert("ids".into(), Value::Integer(doc.ids.max(IDS)));
    if let Some(key) = &doc.progress.last_opened {
        top.insert("last_opened".into(), Value::String(key.to_string()));
    }
    add_missing(&mut top, &doc.extras.top);
    let mut lessons = Table::new();
    for (key, lesson) in &doc.progress.lessons {
        let mut entry = encode_lesson(lesson);
        if let Some(extras) = doc.extras.lessons.get(key) {
            add_missing(&mut entry, extras);
        }
        lessons.insert(key.to_string(), Value::Table(entry));
    }
    // Unknown fields of lessons with no known progress are kept too.
    for (key, extras) in &doc.extras.lessons {
        if !doc.progress.lessons.contains_key(key) && !extras.is_empty() {
            lessons.insert(key.to_string(), Value::Table(extras.clone()));
        }
    }
    top.insert("lessons".into(), Value::Table(lessons));
    toml::to_string(&top)
}

fn encode_lesson(lesson: &LessonProgress) -> Table {
    let strings = |set: &BTreeSet<String>| {
        Value::Array(set.iter().map(|s| Value::String(s.clone())).collect())
    };
    let mut entry = Table::new();
    entry.insert("ticked".into(), strings(&lesson.ticked));
    entry.insert("sections_read".into(), strings(&lesson.sections_read));
    if !lesson.read_at.is_empty() {
        let read_at = lesson
            .read_at
            .iter()
            .map(|(section, at)| (section.clone(), Value::Datetime(to_datetime(*at))))
            .collect();
        entry.insert("read_at".into(), Value::Table(read_at));
    }
    if !lesson.log.is_empty() {
        let log = lesson
            .log
            .iter()
            .map(|(point, events)| {
                let events = events
                    .iter()
                    .map(|e| Value::String(history::encode_event(e)));
                (point.clone(), Value::Array(events.collect()))
            })
            .collect();
        entry.insert("log".into(), Value::Table(log));
    }
    for (name, at) in [
        ("last_opened", lesson.last_opened),
        ("completed", lesson.completed),
    ] {
        if let Some(at) = at {
            entry.insert(name.into(), Value::Datetime(to_datetime(at)));
        }
    }
    if let Some(anchor) = &lesson.position {
        let mut position = Table::new();
        if let Some(section) = &anchor.section {
            position.insert("section".into(), Value::String(section.clone()));
        }
        position.insert("block".into(), Value::Integer(anchor.block.into()));
        position.insert("offset".into(), Value::Integer(anchor.offset.into()));
        entry.insert("position".into(), Value::Table(position));
    }
    entry
}

#[cfg(test)]
mod tests {
    use super::super::file::{parse, to_text};
    use super::super::store::Store;
    use super::super::{Anchor, Change, LessonKey};

    fn tick(key: &LessonKey, point: &str, ticked: bool, at: u64) -> Change {
        Change::Tick {
            key: key.clone(),
            point: point.into(),
            ticked,
            at,
        }
    }

    /// A save that copies the lessons it did not change writes what a
    /// whole new text would, and the file reads back as the progress.
    #[test]
    fn saves_copying_unchanged_lessons_write_the_whole_progress() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(Some(dir.path())).store;
        let keys: Vec<LessonKey> = ["a", "b c", "日本", "z"]
            .iter()
            .map(|lesson| LessonKey::new("course", *lesson))
            .collect();
        let first: Vec<Change> = keys.iter().map(|key| tick(key, "p-1", true, 10)).collect();
        store.apply(&first).unwrap();
        let steps = [
            vec![tick(&keys[1], "p-2", true, 20)],
            vec![Change::Opened {
                key: keys[2].clone(),
                at: 30,
            }],
            vec![
                tick(&keys[1], "p-2", false, 40),
                Change::Position {
                    key: keys[3].clone(),
                    anchor: Anchor {
                        section: Some("s \"1\"".into()),
                        block: 2,
                        offset: 7,
                    },
                },
            ],
            // A new lesson, before the others in order.
            vec![tick(&LessonKey::new("a", "0"), "p", true, 50)],
            vec![tick(&keys[0], "p-1", false, 60)],
        ];
        for changes in steps {
            let progress = store.apply(&changes).unwrap();
            let text = std::fs::read_to_string(dir.path().join("progress.toml")).unwrap();
            let read = parse(&text).unwrap();
            assert_eq!(read.progress, progress, "{text}");
            assert_eq!(to_text(&read).unwrap(), text);
        }
    }
}
