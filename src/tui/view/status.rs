//! The status line: a message when there is one, else the key hints that
//! matter in the current focus (generated from the key table).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{put, theme, truncate};
use crate::text::width::str_width;
use crate::tui::app::{App, Focus, Screen};
use crate::tui::keys;
use crate::tui::msg::Action;
use crate::tui::strings;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    if let Some(message) = &app.status {
        put(
            buf,
            area,
            area.x,
            &truncate(message, width),
            theme::status(),
        );
        return;
    }
    put(buf, area, area.x, &hints(app, width), theme::dim());
}

/// As many whole hints as fit in `width` columns.
fn hints(app: &App, width: usize) -> String {
    let mut line = String::new();
    for hint in all_hints(app) {
        let sep = if line.is_empty() { "" } else { "  " };
        if str_width(&line) + str_width(sep) + str_width(&hint) > width {
            break;
        }
        line.push_str(sep);
        line.push_str(&hint);
    }
    line
}

fn all_hints(app: &App) -> Vec<String> {
    keys::hint_actions(app)
        .iter()
        .filter_map(|&action| {
            let mut key = keys::first_label(app, action)?;
            // One hint for both directions: "j/k move".
            if action == Action::ScrollDown
                && let Some(up) = keys::first_label(app, Action::ScrollUp)
            {
                key = strings::key_pair(&key, &up);
            }
            Some(strings::hint(&key, hint_word(app, action)))
        })
        .collect()
}

/// Tab's hint names the pane it goes to; in the help, `?` and Esc close it.
fn hint_word(app: &App, action: Action) -> &'static str {
    if action == Action::ToggleHelp && app.help.is_some() {
        return strings::CLOSE;
    }
    match (action, app.screen, app.focus()) {
        (Action::ToggleFocus, Screen::Lesson, Focus::Content) => strings::SUMMARY,
        (Action::ToggleFocus, Screen::Lesson, Focus::Checklist) => strings::TEXT,
        _ => strings::action_hint(action),
    }
}
