//! Where search matches are on screen: between a match (a field of the
//! lesson and original bytes in its text, see `terakoya_core::search`) and
//! the laid-out lines, and from a line's bytes to the cells drawn for them.
//! Pure; the view restyles those cells over the drawn text.
//!
//! A layout line's text is a slice of its field's text (the breaker only
//! drops spaces at breaks), so every line has a byte range in its field:
//! lines of body text carry their start as a character offset
//! (`SourcePos::offset`); lines of a title or heading, which all carry
//! offset 0, are found one after the other in the field's text.
//!
//! "The field's text" is the text as the layout shows it (with ruby
//! hidden, without the readings), and so are the ranges of the matches the
//! reader keeps: see [`shown_matches`].

use std::borrow::Cow;
use std::ops::Range;

use ratatui::buffer::CellWidth;
use terakoya_core::model::Lesson;
use terakoya_core::search::{Field, Match};
use terakoya_core::text::layout::{LessonLayout, LineKind, SourcePos};
use terakoya_core::text::linebreak::PLACEHOLDER;
use terakoya_core::text::styled::{display, shown_range};
use terakoya_core::text::to_u32;
use unicode_segmentation::UnicodeSegmentation;

/// The field a layout line shows and the line's byte range in its text;
/// `None` for blank lines.
pub fn line_source(
    layout: &LessonLayout,
    lesson: &Lesson,
    line: usize,
) -> Option<(Field, Range<usize>)> {
    let l = layout.lines.get(line)?;
    let field = field_of_line(layout, lesson, line)?;
    let text = &*shown_text(layout, lesson, field);
    if advances(l.kind) {
        let start = byte_of_char(text, l.pos.offset as usize);
        return Some((
            field,
            start..start + shown_len(text, start, layout.line_text(line)),
        ));
    }
    // A title or heading: its lines from the first, found in turn.
    let first = (0..line)
        .rev()
        .take_while(|&i| layout.lines[i].kind == l.kind && layout.lines[i].pos == l.pos)
        .last()
        .unwrap_or(line);
    let mut from = 0;
    let mut range = 0..0;
    for i in first..=line {
        range = find_line(text, from, layout.line_text(i));
        from = range.end;
    }
    Some((field, range))
}

/// The text of `field` as `layout` shows it.
fn shown_text<'l>(layout: &LessonLayout, lesson: &'l Lesson, field: Field) -> Cow<'l, str> {
    display(field.text(lesson), field.spans(lesson), layout.options).0
}

/// `matches` (ranges in the lesson's text) with their ranges in the text
/// as `layout` shows it: with ruby hidden, later matches move back and a
/// match in a reading covers its base. The checklist shows summary points
/// the same way (see `checklist::point_text`). Matches that become one (two
/// in the same hidden reading) are kept once, so `n` always moves; returns
/// where match `current` went.
pub fn shown_matches(
    layout: &LessonLayout,
    lesson: &Lesson,
    matches: Vec<Match>,
    current: usize,
) -> (Vec<Match>, usize) {
    if layout.options == Default::default() {
        return (matches, current);
    }
    let mut out: Vec<Match> = Vec::with_capacity(matches.len());
    let mut moved = 0;
    for (index, mut m) in matches.into_iter().enumerate() {
        let (text, spans) = (m.field.text(lesson), m.field.spans(lesson));
        m.range = shown_range(text, spans, layout.options, m.range.clone());
        match out.last_mut() {
            Some(last) if last.field == m.field && m.range.start < last.range.end => {
                last.range.end = last.range.end.max(m.range.end);
            }
            _ => out.push(m),
        }
        if index == current {
            moved = out.len().saturating_sub(1);
        }
    }
    (out, moved)
}

/// Whether lines of `kind` carry their own offset into the text.
fn advances(kind: LineKind) -> bool {
    !matches!(
        kind,
        LineKind::Label
            | LineKind::Title
            | LineKind::Lecturer
            | LineKind::Heading
            | LineKind::Blank
    )
}

fn field_of_line(layout: &LessonLayout, lesson: &Lesson, line: usize) -> Option<Field> {
    let l = layout.lines.get(line)?;
    Some(match l.kind {
        LineKind::Blank => return None,
        LineKind::Label => Field::Label,
        LineKind::Title => Field::Title,
        LineKind::Lecturer => Field::LecturerName,
        LineKind::Heading => Field::Heading(layout.section_at(line)?),
        _ => match l.pos.section {
            Some(section) => Field::Body {
                section: section as usize,
                block: l.pos.block as usize,
            },
            None => head_field(lesson, l.pos.block as usize)?,
        },
    })
}

/// The head's text block `block` (see `SourcePos`): 1.. are the lecturer's
/// profile paragraphs, then the intro's.
fn head_field(lesson: &Lesson, block: usize) -> Option<Field> {
    let bio = bio_blocks(lesson);
    match block {
        0 => None,
        b if b <= bio => Some(Field::LecturerBio(b - 1)),
        b => Some(Field::Intro(b - 1 - bio)),
    }
}

fn bio_blocks(lesson: &Lesson) -> usize {
    lesson
        .lecturer
        .as_ref()
        .and_then(|l| l.bio.as_ref())
        .map_or(0, |t| t.blocks.len())
}

/// The byte offset of character `chars` of `text` (its end when shorter).
fn byte_of_char(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(at, _)| at)
}

/// The bytes of `text` from `start` that a line drawing `shown` stands for:
/// its own length, or the one grapheme a placeholder replaces.
fn shown_len(text: &str, start: usize, shown: &str) -> usize {
    let rest = text.get(start..).unwrap_or("");
    if rest.starts_with(shown) || shown != PLACEHOLDER {
        return shown.len().min(rest.len());
    }
    rest.graphemes(true).next().map_or(0, str::len)
}

/// Where the line `shown` is in `text`, searching from byte `from`.
fn find_line(text: &str, from: usize, shown: &str) -> Range<usize> {
    let rest = text.get(from..).unwrap_or("");
    match rest.find(shown) {
        Some(at) => from + at..from + at + shown.len(),
        // A placeholder for one grapheme too wide: the next one.
        None => {
            let skipped = rest.len() - rest.trim_start().len();
            let start = from + skipped;
            start..start + shown_len(text, start, shown)
        }
    }
}

/// A field's place in reading order (the order of [`terakoya_core::search::fields`]).
fn order(field: Field) -> (u8, usize, usize) {
    match field {
        Field::Label => (0, 0, 0),
        Field::Title => (1, 0, 0),
        Field::LecturerName => (2, 0, 0),
        Field::LecturerBio(b) => (3, b, 0),
        Field::Intro(b) => (4, b, 0),
        Field::Heading(s) => (5, s, 0),
        Field::Body { section, block } => (5, section, block + 1),
        Field::Summary(p) => (6, p, 0),
    }
}

/// The matches (by index into `matches`, in reading order) that touch
/// bytes `range` of `field`, each with the part of the range it covers.
pub fn matches_in(
    matches: &[Match],
    field: Field,
    range: Range<usize>,
) -> Vec<(usize, Range<usize>)> {
    let key = order(field);
    let first = matches.partition_point(|m| {
        let k = order(m.field);
        k < key || (k == key && m.range.end <= range.start)
    });
    matches[first..]
        .iter()
        .enumerate()
        .take_while(|(_, m)| order(m.field) == key && m.range.start < range.end)
        .filter(|(_, m)| m.range.end > range.start)
        .map(|(i, m)| {
            (
                first + i,
                m.range.start.max(range.start)..m.range.end.min(range.end),
            )
        })
        .collect()
}

/// The first layout line of a field's text, and the run of lines that
/// shows it (for titles and headings, which carry no offsets).
fn field_start(layout: &LessonLayout, lesson: &Lesson, field: Field) -> Option<usize> {
    let kind_line = |kind| layout.lines.iter().position(|l| l.kind == kind);
    match field {
        Field::Label => kind_line(LineKind::Label),
        Field::Title => kind_line(LineKind::Title),
        Field::LecturerName => kind_line(LineKind::Lecturer),
        Field::Heading(s) => layout.section_starts.get(s).copied(),
        Field::Summary(_) => None,
        Field::LecturerBio(b) => Some(layout.line_of(head_pos(b + 1, 0))),
        Field::Intro(b) => Some(layout.line_of(head_pos(1 + bio_blocks(lesson) + b, 0))),
        Field::Body { section, block } => Some(layout.line_of(SourcePos {
            section: Some(to_u32(section)),
            block: to_u32(block),
            offset: 0,
        })),
    }
}

fn head_pos(block: usize, offset: usize) -> SourcePos {
    SourcePos {
        section: None,
        block: to_u32(block),
        offset: to_u32(offset),
    }
}

/// The layout line where `found` starts; `None` for a summary point (not
/// in the text) or a field the layout does not show.
pub fn line_of_match(layout: &LessonLayout, lesson: &Lesson, found: &Match) -> Option<usize> {
    let mut line = field_start(layout, lesson, found.field)?;
    if let Some(chars) = char_offset(layout, lesson, found) {
        // Body text: straight to the line holding the match's start.
        let pos = layout.lines.get(line)?.pos;
        line = layout.line_of(SourcePos {
            offset: to_u32(chars),
            ..pos
        });
        return Some(line);
    }
    // A title or heading: walk its few lines.
    while let Some((field, range)) = line_source(layout, lesson, line) {
        let next_same = line_source(layout, lesson, line + 1).is_some_and(|(f, _)| f == field);
        if field != found.field || range.end > found.range.start || !next_same {
            break;
        }
        line += 1;
    }
    Some(line)
}

/// The character offset of a match in body text (fields whose lines carry
/// offsets); `None` for titles, headings and points.
fn char_offset(layout: &LessonLayout, lesson: &Lesson, found: &Match) -> Option<usize> {
    match found.field {
        Field::LecturerBio(_) | Field::Intro(_) | Field::Body { .. } => {
            let text = shown_text(layout, lesson, found.field);
            Some(text.get(..found.range.start)?.chars().count())
        }
        _ => None,
    }
}

/// The cells (column, width) that the bytes `parts` of a line occupy once
/// `text` is drawn from column `x` up to column `right`, walking the
/// graphemes as ratatui's `Buffer::set_stringn` places them (control and
/// zero-width clusters take no cell). `parts` are byte ranges in `text`; a
/// grapheme partly inside one is highlighted whole.
pub fn cells(text: &str, parts: &[Range<usize>], x: u16, right: u16) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    let mut x = x;
    for (at, grapheme) in text.grapheme_indices(true) {
        if grapheme.contains(char::is_control) {
            continue;
        }
        let width = grapheme.cell_width();
        if width == 0 {
            continue;
        }
        if x.saturating_add(width) > right {
            break;
        }
        let end = at + grapheme.len();
        if parts.iter().any(|p| p.start < end && p.end > at) {
            out.push((x, width));
        }
        x += width;
    }
    out
}

#[cfg(test)]
#[path = "highlight_tests.rs"]
mod tests;
