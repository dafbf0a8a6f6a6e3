//! The lesson screen's geometry, computed once per (terminal size, focus,
//! lesson) and kept in the lesson's state: the panes, the text's area, the
//! checklist as laid out, and which row shows which section or point. The
//! update (keys, mouse hit-testing) and the view read the same value, so
//! what is drawn where is what a click there means.

use ratatui::layout::Rect;

use terakoya_core::model::Lesson;
use terakoya_core::text::styled::RubyMode;

use super::app::{Focus, LessonState};
use super::checklist::{self, CheckLine};
use super::geometry::{self, LessonPanes};
use super::position;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LessonScreen {
    pub area: Rect,
    pub focus: Focus,
    pub panes: LessonPanes,
    /// Where the text goes (its width is the layout's), whatever the focus.
    pub text: Rect,
    /// The checklist's body (also when a narrow screen hides it), its lines
    /// and the part of the body its text uses (the rest: the scrollbar).
    pub checklist_body: Rect,
    pub checklist: Vec<CheckLine>,
    pub checklist_text: Rect,
}

impl LessonScreen {
    /// `reading_width`: the widest the text gets (see
    /// [`geometry::content_text_area`]).
    pub fn new(
        area: Rect,
        focus: Focus,
        lesson: &Lesson,
        reading_width: u16,
        ruby: RubyMode,
    ) -> LessonScreen {
        let checklist_body = geometry::checklist_body(area);
        let (checklist, checklist_text) = checklist::fit(lesson, checklist_body, ruby);
        LessonScreen {
            area,
            focus,
            panes: geometry::lesson_panes(area, focus),
            text: geometry::content_text_area(area, reading_width),
            checklist_body,
            checklist,
            checklist_text,
        }
    }

    pub fn is_for(&self, area: Rect, focus: Focus) -> bool {
        self.area == area && self.focus == focus
    }

    pub fn text_height(&self) -> usize {
        usize::from(self.text.height)
    }

    pub fn checklist_height(&self) -> usize {
        usize::from(self.checklist_text.height)
    }
}

/// The outline's rows as drawn: each row and the section it shows.
pub fn outline_rows(state: &LessonState) -> Vec<(Rect, usize)> {
    let Some(pane) = state.screen.panes.outline else {
        return Vec::new();
    };
    let count = state.layout.section_starts.len();
    let current = position::current_section(&state.layout, state.top).unwrap_or(0);
    let first = geometry::follow(current, count, usize::from(pane.body.height));
    pane.body.rows().zip(first..count).collect()
}

/// The checklist's rows as drawn: each row (its text part) and the line
/// of the checklist it shows.
pub fn checklist_rows(state: &LessonState) -> Vec<(Rect, &CheckLine)> {
    if state.screen.panes.checklist.is_none() {
        return Vec::new();
    }
    state
        .screen
        .checklist_text
        .rows()
        .zip(state.screen.checklist.iter().skip(state.checklist_top))
        .collect()
}
