//! The status line: a message when there is one, else the key hints that
//! matter in the current focus (generated from the key table).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{put, theme, truncate};
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
    put(
        buf,
        area,
        area.x,
        &truncate(&hints(app), width),
        theme::dim(),
    );
}

fn hints(app: &App) -> String {
    keys::hint_actions(app)
        .iter()
        .filter_map(|&action| {
            let mut key = keys::first_label(app, action)?;
            // One hint for both directions: "j/k move".
            if action == Action::ScrollDown
                && let Some(up) = keys::first_label(app, Action::ScrollUp)
            {
                key = format!("{key}/{up}");
            }
            Some(format!("{key} {}", hint_word(app, action)))
        })
        .collect::<Vec<_>>()
        .join("  ")
}

/// Tab's hint names the pane it goes to.
fn hint_word(app: &App, action: Action) -> &'static str {
    match (action, app.screen, app.focus()) {
        (Action::ToggleFocus, Screen::Lesson, Focus::Content) => strings::SUMMARY,
        (Action::ToggleFocus, Screen::Lesson, Focus::Checklist) => strings::TEXT,
        _ => strings::action_hint(action),
    }
}
