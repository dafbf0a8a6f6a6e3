//! The table of contents popup (`t` in a lesson): the sections with their
//! read marks, the current one selected; j/k, g/G move, Enter or a click
//! jumps, Esc closes. Works at any width, also where the outline pane does
//! not show.

use ratatui::layout::Rect;

use terakoya_core::model::Lesson;
use terakoya_core::text::width::str_width;

use super::app::{App, Focus};
use super::msg::{Action, Effect, Mouse, MouseKind};
use super::reading::{self, saves};
use super::{geometry, position, scroll, strings};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Toc {
    /// The selected section.
    pub selected: usize,
    /// The first section shown.
    pub top: usize,
}

/// Opens the popup on the section the reader is in.
pub fn open(app: &mut App) -> Vec<Effect> {
    let Some((state, lesson)) = app.open_lesson() else {
        return Vec::new();
    };
    if lesson.sections.is_empty() {
        return Vec::new();
    }
    let selected = position::current_section(&state.layout, state.top).unwrap_or(0);
    app.search.contents = Some(Toc { selected, top: 0 });
    follow(app);
    Vec::new()
}

/// The popup's box and the area inside its border, for a terminal of this
/// size: as wide as the longest entry allows, centred, above the status line.
pub fn layout(area: Rect, lesson: &Lesson) -> (Rect, Rect) {
    let area = if area.height >= 3 {
        Rect::new(area.x, area.y, area.width, area.height - 1)
    } else {
        area
    };
    let widest = lesson
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| str_width(&entry(i, &s.heading, false)))
        .chain([str_width(crate::t!("search_ui.contents_title")) + 2])
        .max()
        .unwrap_or(0);
    geometry::help_box(area, lesson.sections.len(), widest)
}

/// One entry: "✓ 3. heading" (a space for sections not read yet).
pub fn entry(index: usize, heading: &str, read: bool) -> String {
    let mark = if read { strings::READ_MARK } else { " " };
    strings::outline_entry(mark, index + 1, heading)
}

fn height(app: &App) -> usize {
    app.open_lesson().map_or(0, |(_, lesson)| {
        usize::from(layout(app.area, lesson).1.height)
    })
}

/// Keeps the selected entry in view.
pub fn follow(app: &mut App) {
    let height = height(app);
    let count = app.open_lesson().map_or(0, |(_, l)| l.sections.len());
    if let Some(toc) = app.search.contents.as_mut() {
        toc.top = scroll::keep_visible(toc.top, toc.selected, toc.selected + 1, height);
        toc.top = scroll::clamp_top(toc.top, count, height);
    }
}

pub fn action(app: &mut App, action: Action) -> Vec<Effect> {
    let count = app.open_lesson().map_or(0, |(_, l)| l.sections.len());
    let page = scroll::page(height(app)).max(1) as isize;
    let Some(toc) = app.search.contents.as_mut() else {
        return Vec::new();
    };
    let selected = toc.selected;
    toc.selected = match action {
        Action::ScrollDown => scroll::move_cursor(selected, 1, count),
        Action::ScrollUp => scroll::move_cursor(selected, -1, count),
        Action::PageDown | Action::HalfPageDown => scroll::move_cursor(selected, page, count),
        Action::PageUp | Action::HalfPageUp => scroll::move_cursor(selected, -page, count),
        Action::Top => 0,
        Action::Bottom => count.saturating_sub(1),
        Action::Open => return jump(app, selected),
        Action::Back | Action::Contents => {
            app.search.contents = None;
            return Vec::new();
        }
        Action::ToggleHelp => {
            app.help = Some(0);
            selected
        }
        _ => selected,
    };
    follow(app);
    Vec::new()
}

/// Closes the popup and puts section `section`'s heading on top.
fn jump(app: &mut App, section: usize) -> Vec<Effect> {
    app.search.contents = None;
    reading::set_focus(app, Focus::Content);
    let height = reading::text_height(app);
    let Some(state) = app.lesson.as_mut() else {
        return Vec::new();
    };
    if let Some(&start) = state.layout.section_starts.get(section) {
        let old_top = state.top;
        state.top = position::clamp_text_top(&state.layout, start, height);
        reading::anchor_if_moved(state, old_top);
    }
    saves(reading::mark_read(app))
}

/// The popup's rows as drawn: each row and the section it shows.
pub fn rows(app: &App) -> Vec<(Rect, usize)> {
    let (Some(toc), Some((_, lesson))) = (app.search.contents, app.open_lesson()) else {
        return Vec::new();
    };
    let (_, inner) = layout(app.area, lesson);
    inner.rows().zip(toc.top..lesson.sections.len()).collect()
}

/// A click on an entry jumps there, elsewhere closes the popup; the wheel
/// moves the selection.
pub fn mouse(app: &mut App, mouse: Mouse) -> Vec<Effect> {
    match mouse.kind {
        MouseKind::WheelDown => action(app, Action::ScrollDown),
        MouseKind::WheelUp => action(app, Action::ScrollUp),
        MouseKind::Click => {
            let hit = rows(app)
                .into_iter()
                .find(|(row, _)| row.contains(mouse.position()));
            match hit {
                Some((_, section)) => jump(app, section),
                None => {
                    app.search.contents = None;
                    Vec::new()
                }
            }
        }
    }
}
