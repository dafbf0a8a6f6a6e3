//! The help overlay, generated from the key table (see `tui::help`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::{put, row_of, truncate};
use crate::tui::app::App;
use crate::tui::keymap::Keymap;
use crate::tui::keys::{Context, labels};
use crate::tui::msg::Action;
use crate::tui::{help, strings};
use terakoya_core::text::width::str_width;

pub fn draw(app: &App, top: usize, area: Rect, buf: &mut Buffer) {
    let (keymap, st) = (&app.keymap, &app.styles);
    let (outer, inner, rows) = help::layout(area, keymap);
    clear_straddling(outer, buf);
    Clear.render(outer, buf);
    if outer != inner {
        Block::new()
            .borders(Borders::ALL)
            .title(strings::help_title())
            .title_bottom(bottom_hint(keymap, rows.len() > usize::from(inner.height)))
            .render(outer, buf);
    }
    for (index, help_row) in rows.iter().skip(top).enumerate() {
        let Some(rect) = row_of(inner, index) else {
            break;
        };
        let style = if help_row.heading {
            st.heading
        } else {
            st.text
        };
        put(
            buf,
            rect,
            rect.x,
            &truncate(&help_row.text, usize::from(rect.width)),
            style,
        );
    }
}

/// Blanks every wide character of the background that starts just left of
/// `area` and so covers its first column: a terminal would otherwise keep
/// drawing it there over the overlay's left border. (Clear handles the
/// right edge: a wide character starting inside is cleared whole.)
pub(super) fn clear_straddling(area: Rect, buf: &mut Buffer) {
    let Some(x) = area.x.checked_sub(1) else {
        return;
    };
    for y in area.top()..area.bottom() {
        if buf.area.contains((x, y).into()) && str_width(buf[(x, y)].symbol()) > 1 {
            buf[(x, y)].reset();
        }
    }
}

/// The box's bottom line, with the keys from the key table: how to scroll
/// when the help does not fit, else how to close it.
fn bottom_hint(keymap: &Keymap, scrolls: bool) -> String {
    let first = |context, action| {
        labels(keymap, context, action)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    let close = first(Context::Help, Action::ToggleHelp);
    if scrolls {
        let scroll = strings::key_pair(
            &first(Context::Global, Action::ScrollDown),
            &first(Context::Global, Action::ScrollUp),
        );
        strings::help_scroll_hint(&scroll, &close)
    } else {
        strings::help_close_hint(&close, &first(Context::Global, Action::ToggleHelp))
    }
}
