//! The summary checklist's lines: each point wrapped under a "[x] " box with
//! a hanging indent. Pure; shared by update (cursor, mouse) and view.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::layout::Rect;

use terakoya_core::model::{Lesson, Span};
use terakoya_core::text::linebreak::break_lines_keeping;
use terakoya_core::text::styled::{DisplayOptions, RubyMode, display, kept_ranges};
use terakoya_core::text::width::str_width;

use super::{scroll, strings};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckLine {
    /// Index of the summary point.
    pub point: usize,
    /// Whether this line carries the box (the point's first line).
    pub first: bool,
    /// Byte range in the point's text as shown (see [`point_text`]).
    pub text: Range<usize>,
}

/// Columns of the "[x] " box, also the hanging indent.
pub fn box_width() -> usize {
    str_width(strings::TICKED)
}

/// Summary point `point`'s text and spans as the checklist shows them:
/// with ruby hidden, without the readings, as in the text.
pub fn point_text(
    lesson: &Lesson,
    point: usize,
    ruby: RubyMode,
) -> (Cow<'_, str>, Cow<'_, [Span]>) {
    let text = lesson.summary.get(point).map_or("", |p| p.text.as_str());
    let options = DisplayOptions {
        ruby,
        ..DisplayOptions::default()
    };
    display(text, lesson.inline.point(point), options)
}

/// The checklist laid out for `width` columns; a ruby group is not split
/// across lines when a line can hold it.
pub fn lines(lesson: &Lesson, width: u16, ruby: RubyMode) -> Vec<CheckLine> {
    let text_width = usize::from(width).saturating_sub(box_width()).max(1);
    let mut out = Vec::new();
    for point in 0..lesson.summary.len() {
        let (text, spans) = point_text(lesson, point, ruby);
        let mut first = true;
        break_lines_keeping(&text, text_width, &kept_ranges(&spans), |range, _| {
            out.push(CheckLine {
                point,
                first,
                text: range,
            });
            first = false;
        });
    }
    out
}

/// The checklist laid out in its pane's body, with the area its text uses:
/// all of the body when every point fits, else all but the last column,
/// which then holds the scrollbar.
pub fn fit(lesson: &Lesson, body: Rect, ruby: RubyMode) -> (Vec<CheckLine>, Rect) {
    let all = lines(lesson, body.width, ruby);
    if all.len() <= usize::from(body.height) || body.width < SCROLLBAR_MIN {
        return (all, body);
    }
    // The text keeps a column free before the scrollbar, as the lesson's does.
    let text = Rect {
        width: body.width - 2,
        ..body
    };
    (lines(lesson, text.width, ruby), text)
}

/// Narrower checklists have no room to spare for a scrollbar.
const SCROLLBAR_MIN: u16 = 20;

/// One step of j/k (`down` or up) from the focused point `cursor` of
/// `count`, with the view at `top`: a line of the focused point when it is
/// taller than the view, shown, and its rest is hidden that way, else the
/// next point. Returns the new top and cursor.
pub fn step(
    lines: &[CheckLine],
    (top, cursor): (usize, usize),
    count: usize,
    height: usize,
    down: bool,
) -> (usize, usize) {
    let span = point_lines(lines, cursor);
    // Only inside a point taller than the view, with the view on it: a
    // point scrolled away by the wheel is brought back at once instead.
    let inside = span.len() > height && span.contains(&top);
    if inside && down && span.end > top + height {
        return (top + 1, cursor);
    }
    if inside && !down && span.start < top {
        return (top - 1, cursor);
    }
    let cursor = scroll::move_cursor(cursor, if down { 1 } else { -1 }, count);
    (top_for_cursor(lines, top, cursor, height), cursor)
}

/// The lines of `point`.
pub fn point_lines(lines: &[CheckLine], point: usize) -> Range<usize> {
    let start = lines.partition_point(|l| l.point < point);
    let end = lines.partition_point(|l| l.point <= point);
    start..end
}

/// The top line that shows the focused point: as little scrolling as needed,
/// but a scroll never stops in the middle of a point when the point's first
/// line can be the top instead (half a point at the top reads as a stray
/// line).
pub fn top_for_cursor(lines: &[CheckLine], top: usize, cursor: usize, height: usize) -> usize {
    let span = point_lines(lines, cursor);
    let moved = scroll::keep_visible(top, span.start, span.end, height);
    let moved = scroll::clamp_top(moved, lines.len(), height);
    if moved == top || lines.get(moved).is_none_or(|line| line.first) {
        return moved;
    }
    // The first line of the next point; the cursor's own at the latest.
    lines
        .get(moved..span.start)
        .and_then(|between| between.iter().position(|line| line.first))
        .map_or(span.start, |offset| moved + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Points of the given line counts, laid out as `lines` would.
    fn layout(counts: &[usize]) -> Vec<CheckLine> {
        let mut out = Vec::new();
        for (point, &count) in counts.iter().enumerate() {
            for n in 0..count {
                out.push(CheckLine {
                    point,
                    first: n == 0,
                    text: 0..0,
                });
            }
        }
        out
    }

    #[test]
    fn scrolling_down_stops_at_a_point_start() {
        // Lines: p0 0-2, p1 3-5, p2 6-8, p3 9-11; 8 rows.
        let lines = layout(&[3, 3, 3, 3]);
        // Showing p2 needs top >= 1; the next point start is line 3.
        assert_eq!(top_for_cursor(&lines, 0, 2, 8), 3);
        // Showing p3 needs top >= 4; p2 starts at 6.
        assert_eq!(top_for_cursor(&lines, 3, 3, 8), 6);
    }

    #[test]
    fn a_visible_cursor_does_not_move_the_view() {
        let lines = layout(&[3, 3, 3, 3]);
        // A wheel left the top mid-point; the cursor is already in view.
        assert_eq!(top_for_cursor(&lines, 1, 1, 8), 1);
    }

    #[test]
    fn scrolling_up_shows_the_point_from_its_first_line() {
        let lines = layout(&[3, 3, 3, 3]);
        assert_eq!(top_for_cursor(&lines, 6, 1, 8), 3);
        assert_eq!(top_for_cursor(&lines, 6, 0, 8), 0);
    }

    #[test]
    fn a_point_taller_than_the_view_starts_at_its_first_line() {
        let lines = layout(&[2, 10, 2]);
        assert_eq!(top_for_cursor(&lines, 0, 1, 4), 2);
        assert_eq!(top_for_cursor(&lines, 2, 2, 4), 12);
    }

    #[test]
    fn j_and_k_scroll_through_a_point_taller_than_the_view() {
        // p1 is 6 lines, the view 4.
        let lines = layout(&[2, 6, 2]);
        let mut at = (0, 0);
        let mut seen = Vec::new();
        for _ in 0..6 {
            at = step(&lines, at, 3, 4, true);
            seen.push(at);
        }
        // To p1 (its first line on top), then line by line to its end, then
        // p2 (from its first line: no half point on top), where it stays.
        assert_eq!(seen, [(2, 1), (3, 1), (4, 1), (8, 2), (8, 2), (8, 2)]);
        // Up: p1 from its first line, then p0.
        assert_eq!(step(&lines, at, 3, 4, false), (2, 1));
        assert_eq!(step(&lines, (2, 1), 3, 4, false), (0, 0));
        // A view scrolled into a tall point goes back up line by line.
        assert_eq!(step(&lines, (4, 1), 3, 4, false), (3, 1));
    }

    #[test]
    fn a_point_scrolled_away_is_brought_back_by_one_key() {
        // Ten one-line points, a view of 4 wheeled back to the top while
        // the cursor is on point 5: j moves to point 6 and shows it.
        let lines = layout(&[1; 10]);
        assert_eq!(step(&lines, (0, 5), 10, 4, true), (3, 6));
        assert_eq!(step(&lines, (6, 0), 10, 4, false), (0, 0));
    }

    #[test]
    fn the_focused_point_is_always_in_view() {
        let lines = layout(&[1, 4, 2, 5, 1, 3]);
        for height in 1..12 {
            for top in 0..lines.len() {
                for cursor in 0..6 {
                    let span = point_lines(&lines, cursor);
                    let new = top_for_cursor(&lines, top, cursor, height);
                    assert!(new <= span.start, "{height} {top} {cursor}: {new}");
                    let shown_end = (new + height).min(lines.len());
                    assert!(
                        shown_end >= span.end.min(span.start + height),
                        "{height} {top} {cursor}: {new}"
                    );
                }
            }
        }
    }
}
