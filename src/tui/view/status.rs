//! The status line: a message when there is one, else the key hints that
//! matter in the current focus (generated from the key table).

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{put, truncate};
use crate::tui::app::{App, Focus, Message, Screen};
use crate::tui::msg::Action;
use crate::tui::strings;
use crate::tui::{keys, listing};
use terakoya_core::text::width::str_width;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let st = &app.styles;
    if area.height == 0 || super::search::draw_prompt(app, area, buf) {
        return;
    }
    let area = super::search::draw_status_right(app, area, buf);
    let width = usize::from(area.width);
    if let Some(message) = &app.status {
        let style = if message.warning {
            st.warning
        } else {
            st.status
        };
        put(
            buf,
            area,
            area.x,
            &fit_message(&message.message, width),
            style,
        );
        return;
    }
    if let Some(problem) = &app.problem {
        put(buf, area, area.x, &fit_message(problem, width), st.warning);
        return;
    }
    put(buf, area, area.x, &hints(app, width), st.dim);
}

/// A message cut to `width` columns: whole when it fits, else its
/// essential part with "…" for the details, else the essential part cut.
fn fit_message(message: &Message, width: usize) -> Cow<'_, str> {
    let Some(detail) = &message.detail else {
        return truncate(&message.essential, width);
    };
    let whole = strings::with_detail(&message.essential, detail);
    if str_width(&whole) <= width {
        return Cow::Owned(whole);
    }
    let with_more = strings::with_more(&message.essential);
    if str_width(&with_more) <= width {
        return Cow::Owned(with_more);
    }
    truncate(&message.essential, width)
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
        // No "c continue" until there is something to continue.
        .filter(|&&action| action != Action::Resume || listing::last_opened(app).is_some())
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
        return strings::close();
    }
    match (action, app.screen, app.focus()) {
        (Action::ToggleFocus, Screen::Lesson, Focus::Content) => strings::summary(),
        (Action::ToggleFocus, Screen::Lesson, Focus::Checklist) => strings::text(),
        _ => strings::action_hint(action),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_go_before_the_essential_part() {
        let message = Message::with_detail(
            "unreadable progress.toml moved to x.bad; starting afresh",
            "not TOML; in /tmp",
        );
        assert_eq!(
            fit_message(&message, 200),
            "unreadable progress.toml moved to x.bad; starting afresh (not TOML; in /tmp)"
        );
        assert_eq!(
            fit_message(&message, 60),
            "unreadable progress.toml moved to x.bad; starting afresh …"
        );
        assert_eq!(
            fit_message(&message, 56),
            "unreadable progress.toml moved to x.bad; starting afresh"
        );
        assert_eq!(fit_message(&message, 20), "unreadable progress…");
    }

    #[test]
    fn a_message_without_details_is_cut_at_a_grapheme() {
        let message = Message::new("保存できません👨\u{200D}👩\u{200D}👧です");
        assert_eq!(fit_message(&message, 16), "保存できません…");
        assert_eq!(
            fit_message(&message, 17),
            "保存できません👨\u{200D}👩\u{200D}👧…"
        );
    }
}
