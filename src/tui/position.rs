//! Reading positions: between screen lines and content anchors, and which
//! sections the view is in or has shown the end of. Pure.

use std::ops::Range;

use crate::model::Lesson;
use crate::progress::Anchor;
use crate::text::layout::{LessonLayout, LineKind, SourcePos};

use super::app::LessonState;
use super::scroll;

/// The content anchor of the top line of the view.
pub fn anchor_at(state: &LessonState, lesson: &Lesson) -> Anchor {
    let pos = state
        .layout
        .lines
        .get(state.top)
        .map(|l| l.pos)
        .unwrap_or_default();
    Anchor {
        section: pos
            .section
            .and_then(|i| lesson.sections.get(i as usize))
            .map(|s| s.id.clone()),
        block: pos.block,
        offset: pos.offset,
    }
}

/// The line to show first for a saved anchor, at the layout's width. An
/// anchor whose section is gone falls back to the lesson's start, one whose
/// block is gone to its section's start.
pub fn line_of_anchor(layout: &LessonLayout, lesson: &Lesson, anchor: &Anchor) -> usize {
    let section = match &anchor.section {
        None => None,
        Some(id) => match lesson.sections.iter().position(|s| &s.id == id) {
            Some(index) => Some(index),
            None => return 0,
        },
    };
    let blocks = section.map_or_else(
        || lesson.intro.as_ref().map_or(0, |t| t.blocks.len()),
        |i| lesson.sections.get(i).map_or(0, |s| s.body.blocks.len()),
    );
    let (block, offset) = if (anchor.block as usize) < blocks.max(1) {
        (anchor.block, anchor.offset)
    } else {
        (0, 0)
    };
    first_line_at(
        layout,
        SourcePos {
            section: section.map(|i| i as u32),
            block,
            offset,
        },
    )
}

/// The line showing `pos` (a heading rather than the blank line above it).
pub fn first_line_at(layout: &LessonLayout, pos: SourcePos) -> usize {
    layout.line_of(pos)
}

/// The section the reader is in: that of the top line, except at the very
/// end of the lesson, where it is the last section that has come into view
/// (so the last, short section can become current).
pub fn current_section(layout: &LessonLayout, top: usize, height: usize) -> Option<usize> {
    let len = layout.lines.len();
    if top > 0 && top >= scroll::max_top(len, height) {
        let bottom = (top + height).min(len).saturating_sub(1);
        return layout.section_at(bottom);
    }
    layout.section_at(top)
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
pub fn next_section_top(layout: &LessonLayout, top: usize, height: usize) -> usize {
    let next = current_section(layout, top, height).map_or(0, |s| s + 1);
    layout.section_starts.get(next).copied().unwrap_or(top)
}

/// Where `[` goes: the current section's start, or the previous one's when
/// already there, or the lesson's top from the first section.
pub fn prev_section_top(layout: &LessonLayout, top: usize, height: usize) -> usize {
    let Some(current) = current_section(layout, top, height) else {
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
