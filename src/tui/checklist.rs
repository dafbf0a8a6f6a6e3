//! The summary checklist's lines: each point wrapped under a "[x] " box with
//! a hanging indent. Pure; shared by update (cursor, mouse) and view.

use std::ops::Range;

use crate::model::Lesson;
use crate::text::layout::wrap;
use crate::text::width::str_width;

use super::strings;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckLine {
    /// Index of the summary point.
    pub point: usize,
    /// Whether this line carries the box (the point's first line).
    pub first: bool,
    /// Byte range in the point's text.
    pub text: Range<usize>,
}

/// Columns of the "[x] " box, also the hanging indent.
pub fn box_width() -> usize {
    str_width(strings::TICKED)
}

/// The checklist laid out for `width` columns.
pub fn lines(lesson: &Lesson, width: u16) -> Vec<CheckLine> {
    let text_width = usize::from(width).saturating_sub(box_width()).max(1);
    let mut out = Vec::new();
    for (point, summary) in lesson.summary.iter().enumerate() {
        for (n, range) in wrap(&summary.text, text_width).into_iter().enumerate() {
            out.push(CheckLine {
                point,
                first: n == 0,
                text: range,
            });
        }
    }
    out
}

/// The lines of `point`.
pub fn point_lines(lines: &[CheckLine], point: usize) -> Range<usize> {
    let start = lines.partition_point(|l| l.point < point);
    let end = lines.partition_point(|l| l.point <= point);
    start..end
}
