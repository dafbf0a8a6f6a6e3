//! Lays a lesson out into screen lines for one width, once; the reader then
//! draws only the visible slice.
//!
//! Line breaking is [`crate::text::linebreak`] (UAX #14 + kinsoku, first
//! fit). The lesson is first flattened into a plan of blocks to break; big
//! lessons are broken in parallel chunks (rayon) and stitched together, so
//! the result is the same as a sequential run. All line texts live in one
//! `String`; a line is a byte range into it. A grapheme wider than the whole
//! line (a two-column character at width 1) is stored as
//! [`PLACEHOLDER`], so every line of the layout fits its width.

use std::borrow::Cow;
use std::ops::Range;

use rayon::prelude::*;

use crate::model::{Block, BlockKind, Lesson, Span, Table, Text};
use crate::text::linebreak::PLACEHOLDER;
use crate::text::styled::{DisplayOptions, Run};
use crate::text::{to_u16, to_u32};

pub use crate::text::linebreak::wrap;

/// What a line shows, so the view can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineKind {
    Label,
    Title,
    Lecturer,
    LecturerBio,
    Intro,
    Heading,
    Paragraph,
    /// The first line of a list item: the view draws the bullet in the indent.
    ListItemFirst(Bullet),
    /// A continuation line of a list item, hang-indented under its text.
    ListItemRest,
    Blank,
    /// A line of a code block (format 2), never wrapped by the Japanese
    /// rules: a line too wide is cut and ends with [`CODE_CONTINUES`].
    Code,
    /// A thematic break, drawn as its text.
    Rule,
    /// A line of a table's header row; cells are separated by
    /// [`TABLE_SEPARATOR`].
    TableHeader,
    /// The rule under a table's header.
    TableRule,
    /// A line of a table's body row.
    TableRow,
}

/// Ends a piece of a code line cut to fit, the rest following on the
/// next line (as a shell's line continuation).
pub const CODE_CONTINUES: &str = "\\";

/// Between the cells of a table line.
pub const TABLE_SEPARATOR: &str = " │ ";

/// Drawn in the indent for each level of quote, from the left.
pub const QUOTE_BAR: &str = "│";

/// Columns each level of quote indents by.
pub const QUOTE_INDENT: u16 = 2;

/// Where a line starts in the lesson source: the anchor of a reading
/// position, independent of the width.
///
/// Positions never decrease down the layout. Lines that are not part of a
/// body (label, title, lecturer name, headings) and blank lines carry the
/// position where their part starts (`block` 0, `offset` 0), so that
/// [`LessonLayout::line_of`] of a part's start shows the whole part from
/// its top: the lesson's head for `section: None`, the heading for a
/// section.
///
/// In the head, block 0 is the label, title and lecturer's name; the
/// lecturer's profile paragraphs follow as blocks 1, 2, …, then the intro's
/// paragraphs (see [`head_blocks`]), so every place in the head has a
/// position of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct SourcePos {
    /// Index into `Lesson::sections`; `None` for the head (label, title,
    /// lecturer, intro).
    pub section: Option<u32>,
    /// Block index within that part (section body, or the head's blocks as
    /// described above); 0 for headings.
    pub block: u32,
    /// Character (not byte) offset of the line's first character in the block.
    pub offset: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutLine {
    pub kind: LineKind,
    /// Byte range of the line's text in [`LessonLayout::text`].
    pub text: Range<u32>,
    /// Columns of indent before the text (bullets and quote bars are
    /// drawn inside it).
    pub indent: u16,
    /// Levels of quote: a [`QUOTE_BAR`] is drawn every [`QUOTE_INDENT`]
    /// columns from the left of the indent.
    pub quote: u8,
    /// The line's styled runs: a range of [`LessonLayout::runs`].
    pub runs: Range<u32>,
    pub pos: SourcePos,
}

/// A lesson laid out at one width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LessonLayout {
    pub width: u16,
    /// All line texts, back to back; lines index into it.
    pub text: String,
    pub lines: Vec<LayoutLine>,
    /// Line index of each section's heading, in section order.
    pub section_starts: Vec<usize>,
    /// The styled runs of all lines; lines index into it.
    pub runs: Vec<Run>,
    /// The URLs of links, which runs index into.
    pub links: Vec<Box<str>>,
    /// How ruby and links were shown: line texts are the fields' texts as
    /// [`styled::display`](crate::text::styled::display) gives them.
    pub options: DisplayOptions,
}

/// Columns a list item's text is indented by (a bullet such as "・" or
/// "- " takes two). Dropped when the width leaves less than two columns
/// for the text; the view then draws no bullet.
pub const LIST_INDENT: u16 = 2;

/// The bullet of a list's items: the marker its author wrote on the first
/// item (`・item` or `- item`), one for the whole list (mixed bullets in
/// one list look like two lists); numbered items keep their numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bullet {
    Dot,
    Dash,
    Number(u32),
}

impl Bullet {
    /// The bullet of a list item of `kind`; `None` for other blocks.
    pub fn of(kind: BlockKind) -> Option<Bullet> {
        match kind {
            BlockKind::ListItem => Some(Bullet::Dot),
            BlockKind::DashListItem => Some(Bullet::Dash),
            BlockKind::NumberedItem(n) => Some(Bullet::Number(n)),
            _ => None,
        }
    }

    /// What the reader and `show` draw: two columns for `・` and `- `
    /// (the bullet fills [`LIST_INDENT`]), `12. ` for a number.
    pub fn symbol(self) -> Cow<'static, str> {
        match self {
            Bullet::Dot => Cow::Borrowed("・"),
            Bullet::Dash => Cow::Borrowed("- "),
            Bullet::Number(n) => Cow::Owned(format!("{n}. ")),
        }
    }

    /// Columns of [`Bullet::symbol`]: the hanging indent of the item.
    pub fn width(self) -> u16 {
        match self {
            Bullet::Dot | Bullet::Dash => LIST_INDENT,
            Bullet::Number(n) => n.checked_ilog10().map_or(1, |d| to_u16(d as usize) + 1) + 2,
        }
    }
}

impl LayoutLine {
    /// The bullet to draw in the indent of this line, and its column,
    /// when the line is the first of a list item with room for it.
    pub fn bullet(&self) -> Option<(Bullet, u16)> {
        let LineKind::ListItemFirst(bullet) = self.kind else {
            return None;
        };
        let bars = u16::from(self.quote) * QUOTE_INDENT;
        let column = self.indent.checked_sub(bullet.width())?;
        (column >= bars).then_some((bullet, column))
    }
}

impl LessonLayout {
    /// The styled runs of line `index` (offsets into its text).
    pub fn line_runs(&self, index: usize) -> &[Run] {
        self.lines
            .get(index)
            .and_then(|l| self.runs.get(l.runs.start as usize..l.runs.end as usize))
            .unwrap_or(&[])
    }

    pub fn line_text(&self, index: usize) -> &str {
        self.lines
            .get(index)
            .and_then(|l| self.text.get(l.text.start as usize..l.text.end as usize))
            .unwrap_or("")
    }

    /// The section a line belongs to (`None` in the head).
    pub fn section_at(&self, line: usize) -> Option<usize> {
        let after = self.section_starts.partition_point(|&start| start <= line);
        after.checked_sub(1)
    }

    /// The line showing `pos`: the last line starting at or before it, or,
    /// when `pos` is exactly where several lines start, the first of them
    /// that is not blank (a section's heading, the lesson's label or title).
    /// A place inside the first line under a heading is that line, not the
    /// heading.
    pub fn line_of(&self, pos: SourcePos) -> usize {
        let last = self
            .lines
            .partition_point(|l| l.pos <= pos)
            .saturating_sub(1);
        let Some(at) = self.lines.get(last).map(|l| l.pos) else {
            return 0;
        };
        if at != pos {
            return last;
        }
        let first = self.lines[..last]
            .iter()
            .rposition(|l| l.pos != at)
            .map_or(0, |i| i + 1);
        (first..=last)
            .find(|&i| self.lines[i].kind != LineKind::Blank)
            .unwrap_or(last)
    }
}

/// Lays `lesson` out for `width` columns (at least 1).
pub fn layout_lesson(lesson: &Lesson, width: u16) -> LessonLayout {
    layout_lesson_with(lesson, width, DisplayOptions::default())
}

/// [`layout_lesson`] with ruby and links shown as `options` say.
pub fn layout_lesson_with(lesson: &Lesson, width: u16, options: DisplayOptions) -> LessonLayout {
    layout_in_chunks(lesson, width, options, PARALLEL_CHUNK_BYTES)
}

fn layout_in_chunks(
    lesson: &Lesson,
    width: u16,
    options: DisplayOptions,
    chunk_bytes: usize,
) -> LessonLayout {
    let plan = plan(lesson);
    let chunks = chunks(&plan, chunk_bytes);
    let width = width.max(1);
    let parts: Vec<Part> = if chunks.len() > 1 {
        chunks
            .par_iter()
            .map(|items| Part::build(items, width, options))
            .collect()
    } else {
        chunks
            .iter()
            .map(|items| Part::build(items, width, options))
            .collect()
    };
    LessonLayout {
        options,
        ..stitch(parts, width)
    }
}

/// One step of the layout: a blank line, a section start, or a text to break.
#[derive(Debug, Clone, Copy)]
enum Item<'a> {
    Blank(SourcePos),
    SectionStart,
    Wrap {
        kind: LineKind,
        /// The kind of the first line, when it differs (list items).
        first: LineKind,
        text: &'a str,
        spans: &'a [Span],
        /// Columns before the text, quote bars included.
        indent: u16,
        quote: u8,
        pos: SourcePos,
        /// Whether line positions advance through the text (blocks of
        /// text), or all stay at `pos` (label, titles, headings).
        advance: bool,
    },
    /// A code block, a rule or a table (format 2).
    Block {
        block: &'a Block,
        indent: u16,
        quote: u8,
        pos: SourcePos,
    },
}

impl Item<'_> {
    fn text_len(&self) -> usize {
        match self {
            Item::Wrap { text, .. } => text.len(),
            Item::Block { block, .. } => {
                block.text.len() + block.table.as_ref().map_or(0, |t| table_len(t))
            }
            _ => 0,
        }
    }
}

fn table_len(table: &Table) -> usize {
    table
        .rows
        .iter()
        .flatten()
        .map(|cell| cell.text.len())
        .sum()
}

/// Below this many bytes of text a lesson is laid out on one thread.
const PARALLEL_CHUNK_BYTES: usize = 256 * 1024;

fn chunks<'p, 'a>(plan: &'p [Item<'a>], chunk_bytes: usize) -> Vec<&'p [Item<'a>]> {
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (index, item) in plan.iter().enumerate() {
        bytes += item.text_len();
        if bytes >= chunk_bytes {
            chunks.push(&plan[start..=index]);
            (start, bytes) = (index + 1, 0);
        }
    }
    if start < plan.len() || chunks.is_empty() {
        chunks.push(&plan[start..]);
    }
    chunks
}

fn head(block: u32) -> SourcePos {
    SourcePos {
        section: None,
        block,
        offset: 0,
    }
}

fn plan(lesson: &Lesson) -> Vec<Item<'_>> {
    let mut plan = Vec::new();
    let line = |kind, text, spans, pos| Item::Wrap {
        kind,
        first: kind,
        text,
        spans,
        indent: 0,
        quote: 0,
        pos,
        advance: false,
    };
    let marks = &lesson.inline;
    if let Some(label) = &lesson.label {
        plan.push(line(LineKind::Label, label.as_str(), &marks.label, head(0)));
    }
    plan.push(line(LineKind::Title, &lesson.title, &marks.title, head(0)));
    if let Some(lecturer) = &lesson.lecturer {
        plan.push(Item::Blank(head(0)));
        plan.push(line(LineKind::Lecturer, &lecturer.name, &[], head(0)));
        if let Some(bio) = &lecturer.bio {
            plan_text(&mut plan, LineKind::LecturerBio, bio, None, 1);
        }
    }
    if let Some(intro) = &lesson.intro {
        let first = 1 + bio_blocks(lesson);
        plan.push(Item::Blank(head(first)));
        plan_text(&mut plan, LineKind::Intro, intro, None, first);
    }
    for (index, section) in lesson.sections.iter().enumerate() {
        let pos = SourcePos {
            section: Some(to_u32(index)),
            block: 0,
            offset: 0,
        };
        plan.push(Item::Blank(pos));
        plan.push(Item::SectionStart);
        let spans = marks.heading(index);
        plan.push(line(LineKind::Heading, &section.heading, spans, pos));
        plan_text(
            &mut plan,
            LineKind::Paragraph,
            &section.body,
            pos.section,
            0,
        );
    }
    plan
}

fn bio_blocks(lesson: &Lesson) -> u32 {
    let bio = lesson.lecturer.as_ref().and_then(|l| l.bio.as_ref());
    bio.map_or(0, |t| to_u32(t.blocks.len()))
}

/// How many blocks the head of `lesson` has: block 0 (label, title,
/// lecturer's name), the profile's paragraphs and the intro's.
pub fn head_blocks(lesson: &Lesson) -> u32 {
    let intro = lesson.intro.as_ref().map_or(0, |t| to_u32(t.blocks.len()));
    1 + bio_blocks(lesson) + intro
}

/// Blocks of a text field, numbered from `first_block`; a blank line
/// between blocks, except between consecutive list items.
fn plan_text<'a>(
    plan: &mut Vec<Item<'a>>,
    kind: LineKind,
    text: &'a Text,
    section: Option<u32>,
    first_block: u32,
) {
    let mut previous: Option<&Block> = None;
    let mut bullet = Bullet::Dash;
    for (index, block) in text.blocks.iter().enumerate() {
        let pos = SourcePos {
            section,
            block: first_block + to_u32(index),
            offset: 0,
        };
        let list = block.kind.is_list_item();
        let in_list = list && previous.is_some_and(|p| p.kind.is_list_item());
        if previous.is_some() && !in_list {
            plan.push(Item::Blank(pos));
        }
        // One bullet per list (format 1), but a nested list has its own
        // and a numbered item its number.
        let same_list = in_list && previous.is_some_and(|p| p.nest == block.nest);
        if let Some(own) = Bullet::of(block.kind)
            && (!same_list || matches!(own, Bullet::Number(_)))
        {
            bullet = own;
        }
        previous = Some(block);
        let nest = block.nest;
        let mut indent = u16::from(nest.quote) * QUOTE_INDENT + nest.indent;
        if list {
            indent += bullet.width();
        }
        if matches!(
            block.kind,
            BlockKind::Code | BlockKind::Rule | BlockKind::Table
        ) {
            plan.push(Item::Block {
                block,
                indent,
                quote: nest.quote,
                pos,
            });
            continue;
        }
        plan.push(Item::Wrap {
            kind: if list { LineKind::ListItemRest } else { kind },
            first: if list {
                LineKind::ListItemFirst(bullet)
            } else {
                kind
            },
            text: &block.text,
            spans: &block.spans,
            indent,
            quote: nest.quote,
            pos,
            advance: true,
        });
    }
}

#[path = "layout_part.rs"]
mod part;

use part::{Part, stitch};

#[path = "layout_blocks.rs"]
mod blocks;

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
