//! Reading positions: between screen lines and content anchors, and which
//! sections the view is in or has shown the end of. Pure.

use std::ops::Range;

use terakoya_core::model::Lesson;
use terakoya_core::progress::Anchor;
use terakoya_core::text::layout::{LessonLayout, LineKind, SourcePos, head_blocks};

use super::app::LessonState;
use super::scroll;
use terakoya_core::text::to_u32;

/// Where the reader is reading, independent of the width: the source
/// position of the top line when the user last scrolled, and which of the
/// lines sharing that position it was (a heading that wraps, the blank line
/// above it), counted from the line [`LessonLayout::line_of`] gives.
///
/// Set only when the user scrolls; a resize derives the top line from it,
/// so going to another width and back returns to exactly the same line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ViewAnchor {
    pub pos: SourcePos,
    pub delta: isize,
}

/// The anchor of a view whose top line is `top`.
pub fn view_anchor(layout: &LessonLayout, top: usize) -> ViewAnchor {
    let Some(pos) = layout.lines.get(top).map(|l| l.pos) else {
        return ViewAnchor::default();
    };
    let base = layout.line_of(pos);
    ViewAnchor {
        pos,
        delta: top as isize - base as isize,
    }
}

/// The top line for `anchor` in `layout` (before clamping to the view): the
/// line showing its position, moved by its delta within the lines that
/// share that position.
pub fn top_of(layout: &LessonLayout, anchor: ViewAnchor) -> usize {
    let base = layout.line_of(anchor.pos);
    if layout.lines.get(base).map(|l| l.pos) != Some(anchor.pos) {
        return base;
    }
    let first = layout.lines.partition_point(|l| l.pos < anchor.pos);
    let end = layout.lines.partition_point(|l| l.pos <= anchor.pos);
    base.saturating_add_signed(anchor.delta)
        .clamp(first, end.saturating_sub(1).max(first))
}

/// The content anchor of the reading place (see [`ViewAnchor`]).
pub fn anchor_at(state: &LessonState, lesson: &Lesson) -> Anchor {
    let pos = state.anchor.pos;
    Anchor {
        section: pos
            .section
            .and_then(|i| lesson.sections.get(i as usize))
            .map(|s| s.id.clone()),
        block: pos.block,
        offset: pos.offset,
    }
}

/// The source position of a saved anchor in `lesson`. An anchor whose
/// section is gone falls back to the lesson's start, one whose block is
/// gone to its section's start (in the head, blocks count as described at
/// [`SourcePos`]).
pub fn pos_of_anchor(lesson: &Lesson, anchor: &Anchor) -> SourcePos {
    let section = match &anchor.section {
        None => None,
        Some(id) => match lesson.sections.iter().position(|s| &s.id == id) {
            Some(index) => Some(to_u32(index)),
            None => return SourcePos::default(),
        },
    };
    let blocks = section.map_or_else(
        || head_blocks(lesson),
        |i| {
            lesson
                .sections
                .get(i as usize)
                .map_or(0, |s| to_u32(s.body.blocks.len()))
        },
    );
    let (block, offset) = if anchor.block < blocks.max(1) {
        (anchor.block, anchor.offset)
    } else {
        (0, 0)
    };
    SourcePos {
        section,
        block,
        offset,
    }
}

/// The line to show first for a saved anchor, at the layout's width.
pub fn line_of_anchor(layout: &LessonLayout, lesson: &Lesson, anchor: &Anchor) -> usize {
    layout.line_of(pos_of_anchor(lesson, anchor))
}

/// The section the reader is in: that of the first text line. (The view
/// may stand past the end of the lesson, so that every section, however
/// short, can be on top: see [`furthest_top`].)
pub fn current_section(layout: &LessonLayout, top: usize) -> Option<usize> {
    layout.section_at(top)
}

/// Lines drawn after the lesson's last one: a blank line, then the line
/// that says the lesson ends here.
pub const END_LINES: usize = 2;

/// The lines the text view scrolls over: the lesson's and the end's.
pub fn text_len(layout: &LessonLayout) -> usize {
    if layout.lines.is_empty() {
        0
    } else {
        layout.lines.len() + END_LINES
    }
}

/// Where scrolling stops: the end line on the last row, or the lesson's
/// last line on top when the view is shorter than the end lines.
pub fn end_top(layout: &LessonLayout, height: usize) -> usize {
    scroll::max_top(text_len(layout), height).min(layout.lines.len().saturating_sub(1))
}

/// The furthest the view may stand: past [`end_top`] when the last
/// section's heading needs it to be the first text line, leaving the rows
/// below the lesson empty (as less does). Only section jumps go there.
pub fn furthest_top(layout: &LessonLayout, height: usize) -> usize {
    let last = layout.section_starts.last().copied().unwrap_or(0);
    end_top(layout, height).max(last)
}

/// `top` kept within the text: past [`end_top`] only with a section's
/// heading on top (where a jump put it, kept across a resize).
pub fn clamp_text_top(layout: &LessonLayout, top: usize, height: usize) -> usize {
    let end = end_top(layout, height);
    if top <= end || (top <= furthest_top(layout, height) && layout.section_starts.contains(&top)) {
        top
    } else {
        end
    }
}

/// Scrolls the text by `delta` lines: down to [`end_top`] at most, and
/// never back up when the view already stands further (after a jump).
pub fn scroll_text(layout: &LessonLayout, top: usize, delta: isize, height: usize) -> usize {
    if delta >= 0 {
        let end = end_top(layout, height);
        top.saturating_add_signed(delta).min(end).max(top)
    } else {
        top.saturating_add_signed(delta)
    }
}

/// Whether the view shows the line that says the lesson ends.
pub fn end_in_view(layout: &LessonLayout, top: usize, height: usize) -> bool {
    height > 0 && top + height >= text_len(layout)
}

/// The lines of section `index`: from its heading to its last non-blank line.
pub fn section_lines(layout: &LessonLayout, index: usize) -> Range<usize> {
    let Some(&start) = layout.section_starts.get(index) else {
        return 0..0;
    };
    let next = layout
        .section_starts
        .get(index + 1)
        .copied()
        .unwrap_or(layout.lines.len());
    let mut end = next;
    while end > start + 1 && layout.lines.get(end - 1).map(|l| l.kind) == Some(LineKind::Blank) {
        end -= 1;
    }
    start..end
}

/// The sections whose last line is within the visible lines.
pub fn sections_ending_in(layout: &LessonLayout, visible: Range<usize>) -> Vec<usize> {
    (0..layout.section_starts.len())
        .filter(|&i| {
            let lines = section_lines(layout, i);
            lines.end > 0 && visible.contains(&(lines.end - 1))
        })
        .collect()
}

/// Where `]` goes: the next section's heading after the current one.
pub fn next_section_top(layout: &LessonLayout, top: usize) -> Option<usize> {
    let next = current_section(layout, top).map_or(0, |s| s + 1);
    layout.section_starts.get(next).copied()
}

/// Where `[` goes: the current section's start, or the previous one's when
/// already there, or the lesson's top from the first section.
pub fn prev_section_top(layout: &LessonLayout, top: usize) -> usize {
    let Some(current) = current_section(layout, top) else {
        return 0;
    };
    let start = layout.section_starts.get(current).copied().unwrap_or(0);
    if top > start {
        return start;
    }
    match current.checked_sub(1) {
        Some(prev) => layout.section_starts.get(prev).copied().unwrap_or(0),
        None => 0,
    }
}
