//! Drawing: one file per screen, each drawing `&App` only. Text is written
//! cell by cell into the frame's buffer from the cached layout, so a frame
//! costs the same at any depth of a lesson.

mod help;
mod hyperlink;
mod lesson;
mod list;
mod results;
mod review;
mod search;
mod stats;
mod status;
mod toc;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use terakoya_core::text::width::str_width;

use super::app::{App, Screen};
use terakoya_core::text::to_u16;

/// The whole screen as a ratatui widget over `&App` (as ratatui's
/// `examples/concepts/state` renders `&T`): the current screen, then the
/// contents popup and the help over it.
pub struct AppView<'a>(pub &'a App);

impl Widget for &AppView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        match app.screen {
            Screen::List => list::draw(app, area, buf),
            Screen::Lesson => lesson::draw(app, area, buf),
            Screen::Results => results::draw(app, area, buf),
            Screen::Review => review::draw(app, area, buf),
            Screen::Stats => stats::draw(app, area, buf),
        }
        if app.search.contents.is_some() && app.screen == Screen::Lesson {
            toc::draw(app, area, buf);
        }
        if let Some(top) = app.help {
            help::draw(app, top, area, buf);
        }
    }
}

/// Draws `app` into the frame, and puts the terminal's cursor in the search
/// prompt when one is open (where an input method composes).
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    frame.render_widget(&AppView(app), area);
    if app.help.is_none() && app.screen == Screen::Lesson && app.search.contents.is_none() {
        hyperlink::mark(app, frame.buffer_mut());
    }
    if app.help.is_none()
        && let Some(cursor) = search::prompt_cursor(app, area)
    {
        frame.set_cursor_position(cursor);
    }
}

pub use crate::tui::columns::truncate;

/// Writes `text` at (x, y), clipped to the end of `row` (a one-row rect);
/// returns the column after it.
pub fn put(buf: &mut Buffer, row: Rect, x: u16, text: &str, style: Style) -> u16 {
    if row.height == 0 || x >= row.right() {
        return x;
    }
    let max = usize::from(row.right() - x);
    buf.set_stringn(x, row.y, text, max, style).0
}

/// Writes `left` at the start of `row` and `right` flush with its end,
/// the left part cut short to leave room for the right one.
pub fn put_both(buf: &mut Buffer, row: Rect, left: &str, right: &str, style: Style) {
    buf.set_style(row, style);
    let width = usize::from(row.width);
    let right_w = str_width(right);
    let (left_room, show_right) = if right_w + 2 <= width {
        (width - right_w - 1, true)
    } else {
        (width, false)
    };
    put(buf, row, row.x, &truncate(left, left_room), style);
    if show_right {
        let x = row.right() - to_u16(right_w);
        put(buf, row, x, right, style);
    }
}

/// One row of `area`, if it has that many.
pub fn row_of(area: Rect, index: usize) -> Option<Rect> {
    let index = u16::try_from(index).ok()?;
    (index < area.height).then(|| Rect::new(area.x, area.y + index, area.width, 1))
}
