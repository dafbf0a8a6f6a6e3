//! Lays a lesson out into screen lines for one width, once; the reader then
//! draws only the visible slice.
//!
//! FIRST VERSION: a plain greedy character wrap, to be replaced by UAX #14
//! with Japanese kinsoku rules (issue "Text layout"). The types are the
//! contract between layout and the reader.

use std::ops::Range;

use crate::model::{Block, BlockKind, Lesson, Text};
use crate::text::width::{char_width, str_width};

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
    /// The first line of a list item: the view draws a bullet in the indent.
    ListItemFirst,
    /// A continuation line of a list item, hang-indented under its text.
    ListItemRest,
    Blank,
}

/// Where a line starts in the lesson source: the anchor of a reading
/// position, independent of the width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct SourcePos {
    /// Index into `Lesson::sections`; `None` for the head (label, title,
    /// lecturer, intro).
    pub section: Option<u32>,
    /// Block index within that part (intro or section body); 0 for headings.
    pub block: u32,
    /// Character (not byte) offset of the line's first character in the block.
    pub offset: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutLine {
    pub kind: LineKind,
    /// Byte range of the line's text in [`LessonLayout::text`].
    pub text: Range<u32>,
    /// Columns of indent before the text (bullets are drawn inside it).
    pub indent: u16,
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
}

/// Columns a list item's text is indented by ("・ " or "- " takes two).
pub const LIST_INDENT: u16 = 2;

impl LessonLayout {
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

    /// The first line at or before `pos` in reading order.
    pub fn line_of(&self, pos: SourcePos) -> usize {
        self.lines
            .partition_point(|l| l.pos <= pos)
            .saturating_sub(1)
    }
}

/// Lays `lesson` out for `width` columns (at least 1).
pub fn layout_lesson(lesson: &Lesson, width: u16) -> LessonLayout {
    let mut out = Builder {
        layout: LessonLayout {
            width,
            ..Default::default()
        },
        width: width.max(1),
    };
    let head = |block| SourcePos {
        section: None,
        block,
        offset: 0,
    };
    if let Some(label) = &lesson.label {
        out.push_wrapped(LineKind::Label, label, 0, head(0));
    }
    out.push_wrapped(LineKind::Title, &lesson.title, 0, head(0));
    if let Some(lecturer) = &lesson.lecturer {
        out.blank(head(0));
        out.push_wrapped(LineKind::Lecturer, &lecturer.name, 0, head(0));
        if let Some(bio) = &lecturer.bio {
            out.push_text(LineKind::LecturerBio, bio, None);
        }
    }
    if let Some(intro) = &lesson.intro {
        out.blank(head(0));
        out.push_text(LineKind::Intro, intro, None);
    }
    for (index, section) in lesson.sections.iter().enumerate() {
        let section_no = Some(index as u32);
        let pos = SourcePos {
            section: section_no,
            block: 0,
            offset: 0,
        };
        out.blank(pos);
        out.layout.section_starts.push(out.layout.lines.len());
        out.push_wrapped(LineKind::Heading, &section.heading, 0, pos);
        out.push_text(LineKind::Paragraph, &section.body, section_no);
    }
    out.layout
}

struct Builder {
    layout: LessonLayout,
    width: u16,
}

impl Builder {
    fn blank(&mut self, pos: SourcePos) {
        let at = self.layout.text.len() as u32;
        self.layout.lines.push(LayoutLine {
            kind: LineKind::Blank,
            text: at..at,
            indent: 0,
            pos,
        });
    }

    fn push_text(&mut self, kind: LineKind, text: &Text, section: Option<u32>) {
        for (index, block) in text.blocks.iter().enumerate() {
            if index > 0
                && !(block.kind == BlockKind::ListItem
                    && text.blocks[index - 1].kind == BlockKind::ListItem)
            {
                self.blank(SourcePos {
                    section,
                    block: index as u32,
                    offset: 0,
                });
            }
            self.push_block(kind, block, section, index as u32);
        }
    }

    fn push_block(&mut self, kind: LineKind, block: &Block, section: Option<u32>, index: u32) {
        let pos = SourcePos {
            section,
            block: index,
            offset: 0,
        };
        match block.kind {
            BlockKind::Paragraph => self.push_wrapped(kind, &block.text, 0, pos),
            BlockKind::ListItem => {
                let first = self.layout.lines.len();
                self.push_wrapped(LineKind::ListItemRest, &block.text, LIST_INDENT, pos);
                if let Some(line) = self.layout.lines.get_mut(first) {
                    line.kind = LineKind::ListItemFirst;
                }
            }
        }
    }

    fn push_wrapped(&mut self, kind: LineKind, text: &str, indent: u16, pos: SourcePos) {
        let indent = if indent < self.width { indent } else { 0 };
        let width = usize::from(self.width - indent);
        let mut chars_before = 0u32;
        for range in wrap(text, width) {
            let line = &text[range];
            let start = self.layout.text.len() as u32;
            self.layout.text.push_str(line);
            let end = self.layout.text.len() as u32;
            let pos = SourcePos {
                offset: pos.offset + chars_before,
                ..pos
            };
            self.layout.lines.push(LayoutLine {
                kind,
                text: start..end,
                indent,
                pos,
            });
            chars_before += line.chars().count() as u32;
        }
    }
}

/// Breaks `text` into lines of at most `width` columns (greedy, by
/// character); returns byte ranges. Leading spaces of continuation lines are
/// dropped. Always at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    for (at, c) in text.char_indices() {
        let w = char_width(c);
        if used + w > width && at > start {
            lines.push(start..at);
            start = at;
            used = 0;
        }
        used += w;
    }
    lines.push(start..text.len());
    debug_assert!(
        lines
            .iter()
            .all(|r| str_width(&text[r.clone()]) <= width || text[r.clone()].chars().count() == 1)
    );
    lines
}
