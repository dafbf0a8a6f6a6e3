//! The one function from the terminal size to the panes' rectangles, used
//! both to draw and to hit-test the mouse, so the two always agree.

use ratatui::layout::{Constraint, Margin, Rect};

use super::app::Focus;

/// From this width on, the text and the checklist sit side by side.
pub const SIDE_BY_SIDE_MIN: u16 = 96;
/// From this width on, the outline of sections shows too.
pub const OUTLINE_MIN: u16 = 120;
/// The outline gets 4/15 of the width (32 columns at 120, 40 from 150 on),
/// enough to recognise a Japanese heading, and so does the checklist beside
/// it, which leaves the text at least 50 columns.
const OUTLINE_MIN_WIDTH: u16 = 32;
const OUTLINE_MAX_WIDTH: u16 = 40;
const CHECKLIST_MIN: u16 = 30;
const CHECKLIST_MAX: u16 = 44;
/// Text panes narrower than this get no side margins.
const MARGIN_MIN: u16 = 20;

/// A pane: one title row and a body under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pane {
    pub title: Rect,
    pub body: Rect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LessonPanes {
    pub outline: Option<Pane>,
    /// `None` when the terminal is narrow and the checklist has the focus.
    pub content: Option<Pane>,
    pub checklist: Option<Pane>,
    pub status: Rect,
    /// Whether the text and the checklist share the screen.
    pub side_by_side: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListPanes {
    pub list: Pane,
    pub status: Rect,
}

/// Splits off the status line (the last row) when there is room for both.
fn split_status(area: Rect) -> (Rect, Rect) {
    if area.height < 2 {
        return (area, Rect::new(area.x, area.bottom(), area.width, 0));
    }
    let main = Rect::new(area.x, area.y, area.width, area.height - 1);
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    (main, status)
}

fn pane(rect: Rect) -> Pane {
    let title = Rect::new(rect.x, rect.y, rect.width, rect.height.min(1));
    let body = Rect::new(
        rect.x,
        rect.y.saturating_add(title.height),
        rect.width,
        rect.height - title.height,
    );
    Pane { title, body }
}

pub fn list_panes(area: Rect) -> ListPanes {
    let (main, status) = split_status(area);
    ListPanes {
        list: pane(main),
        status,
    }
}

/// The lesson screen's panes; `focus` picks the one pane shown when narrow.
pub fn lesson_panes(area: Rect, focus: Focus) -> LessonPanes {
    let (main, status) = split_status(area);
    if main.width < SIDE_BY_SIDE_MIN {
        let only = Some(pane(main));
        let (content, checklist) = match focus {
            Focus::Content => (only, None),
            Focus::Checklist => (None, only),
        };
        return LessonPanes {
            outline: None,
            content,
            checklist,
            status,
            side_by_side: false,
        };
    }
    let with_outline = main.width >= OUTLINE_MIN;
    let share = if with_outline {
        u16::try_from(u32::from(main.width) * 4 / 15).unwrap_or(u16::MAX)
    } else {
        main.width / 3
    };
    let checklist_w = share.clamp(CHECKLIST_MIN, CHECKLIST_MAX);
    let outline_w = if with_outline {
        share.clamp(OUTLINE_MIN_WIDTH, OUTLINE_MAX_WIDTH)
    } else {
        0
    };
    // One column of border after the outline and before the checklist.
    let outline_gap = if outline_w > 0 { outline_w + 1 } else { 0 };
    let content_w = main.width - outline_gap - checklist_w - 1;
    let column = |x: u16, w: u16| Rect::new(main.x + x, main.y, w, main.height);
    LessonPanes {
        outline: (outline_w > 0).then(|| pane(column(0, outline_w))),
        content: Some(pane(column(outline_gap, content_w))),
        checklist: Some(pane(column(outline_gap + content_w + 1, checklist_w))),
        status,
        side_by_side: true,
    }
}

/// Where the lesson text goes inside the content pane's body: when there is
/// room, one column of margin on the left, and on the right one column of
/// gap before the scrollbar in the last column.
pub fn text_area(body: Rect) -> Rect {
    if body.width < MARGIN_MIN {
        return body;
    }
    Rect::new(body.x + 1, body.y, body.width - 3, body.height)
}

/// The text area of the content pane for a terminal of this size, whatever
/// the focus (the text keeps its width when narrow and the checklist shows):
/// at most `reading_width` columns, centred in the pane when it is wider
/// (long lines are hard to follow; books set Japanese 35–40 characters to
/// a line).
pub fn content_text_area(area: Rect, reading_width: u16) -> Rect {
    let text = lesson_panes(area, Focus::Content)
        .content
        .map(|p| text_area(p.body))
        .unwrap_or_default();
    let reading_width = reading_width.max(1);
    if text.width <= reading_width {
        return text;
    }
    let spare = text.width - reading_width;
    Rect::new(text.x + spare / 2, text.y, reading_width, text.height)
}

/// The checklist's body for a terminal of this size.
pub fn checklist_body(area: Rect) -> Rect {
    lesson_panes(area, Focus::Checklist)
        .checklist
        .map(|p| p.body)
        .unwrap_or_default()
}

/// The help overlay: a box centred in the terminal, with a border when
/// there is room; returns the box and the area inside it.
pub fn help_box(area: Rect, lines: usize, width: usize) -> (Rect, Rect) {
    let want_w = u16::try_from(width.saturating_add(4)).unwrap_or(u16::MAX);
    let want_h = u16::try_from(lines.saturating_add(2)).unwrap_or(u16::MAX);
    let w = want_w.min(area.width);
    let h = want_h.min(area.height);
    let outer = area.centered(Constraint::Length(w), Constraint::Length(h));
    if w < 4 || h < 3 {
        return (outer, outer);
    }
    // A border and a column of padding each side.
    (outer, outer.inner(Margin::new(2, 1)))
}

/// The first visible row of a list of `count` rows, `height` high, that
/// keeps `current` in view (used by the outline).
pub fn follow(current: usize, count: usize, height: usize) -> usize {
    if height == 0 {
        return 0;
    }
    current
        .saturating_add(1)
        .saturating_sub(height)
        .min(count.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(w: u16, h: u16) -> Rect {
        Rect::new(0, 0, w, h)
    }

    #[test]
    fn narrow_shows_only_the_focused_pane() {
        let panes = lesson_panes(area(80, 24), Focus::Checklist);
        assert!(!panes.side_by_side);
        assert!(panes.content.is_none());
        assert_eq!(
            panes.checklist.map(|p| p.body),
            Some(Rect::new(0, 1, 80, 22))
        );
        assert_eq!(panes.status, Rect::new(0, 23, 80, 1));
    }

    #[test]
    fn wide_panes_tile_the_width_without_overlap() {
        for width in [SIDE_BY_SIDE_MIN, 100, OUTLINE_MIN, 200, 300] {
            let panes = lesson_panes(area(width, 40), Focus::Content);
            let content = panes.content.map(|p| p.body).unwrap_or_default();
            let checklist = panes.checklist.map(|p| p.body).unwrap_or_default();
            let outline_w = panes.outline.map_or(0, |p| p.body.width + 1);
            assert_eq!(outline_w + content.width + 1 + checklist.width, width);
            assert_eq!(content.right() + 1, checklist.x);
            assert_eq!(panes.outline.is_some(), width >= OUTLINE_MIN);
            if let Some(outline) = panes.outline {
                assert!(outline.body.width >= 32, "{width}: {outline:?}");
                assert!(text_area(content).width >= 50, "{width}: {content:?}");
            }
        }
    }

    #[test]
    fn the_outline_grows_with_the_width() {
        let outline = |w| {
            lesson_panes(area(w, 40), Focus::Content)
                .outline
                .map(|p| p.body.width)
        };
        assert_eq!(outline(120), Some(32));
        assert_eq!(outline(160), Some(40));
        assert!(outline(135) > outline(120));
    }

    #[test]
    fn wide_text_is_cut_to_the_reading_width_and_centred() {
        for (width, focus_w) in [(80, 80), (200, 80), (300, 40), (160, 200)] {
            let text = content_text_area(area(width, 40), focus_w);
            let body = lesson_panes(area(width, 40), Focus::Content)
                .content
                .map(|p| p.body)
                .unwrap_or_default();
            assert!(text.width <= focus_w, "{width}: {text:?}");
            assert!(text.x >= body.x && text.right() <= body.right());
            if text.width == focus_w && text_area(body).width > focus_w {
                let left = text.x - body.x;
                let right = body.right() - text.right();
                assert!(left.abs_diff(right) <= 3, "{width}: centred {left} {right}");
            }
        }
        // Narrower than the reading width: the whole pane, as before.
        assert_eq!(content_text_area(area(80, 24), 80).width, 77);
        assert_eq!(content_text_area(area(200, 40), 80).width, 80);
    }

    #[test]
    fn tiny_terminals_get_empty_but_valid_rects() {
        for (w, h) in [(1, 1), (0, 0), (1, 2), (3, 1)] {
            let panes = lesson_panes(area(w, h), Focus::Content);
            let body = panes.content.map(|p| p.body).unwrap_or_default();
            assert!(body.bottom() <= h && body.right() <= w);
            assert!(panes.status.bottom() <= h.max(panes.status.y));
        }
    }
}
