//! The table of contents popup, over the lesson (see `tui::toc`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::{help, put, truncate};
use crate::tui::app::App;
use crate::tui::{position, toc};

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let (Some(state), Some((_, lesson)), Some(selected)) = (
        app.lesson.as_ref(),
        app.open_lesson(),
        app.search.contents.map(|t| t.selected),
    ) else {
        return;
    };
    let (outer, inner) = toc::layout(area, lesson);
    help::clear_straddling(outer, buf);
    Clear.render(outer, buf);
    if outer != inner {
        Block::new()
            .borders(Borders::ALL)
            .title(crate::t!("search_ui.contents_title"))
            .render(outer, buf);
    }
    let current = position::current_section(&state.layout, state.top);
    for (rect, index) in toc::rows(app) {
        let Some(section) = lesson.sections.get(index) else {
            continue;
        };
        let read = app.is_section_read(&state.key, &section.id);
        let mut style = if read { app.styles.done } else { Style::new() };
        if Some(index) == current {
            style = style.add_modifier(Modifier::BOLD);
        }
        if index == selected {
            style = style.patch(app.styles.selected);
            buf.set_style(rect, style);
        }
        let text = toc::entry(index, &section.heading, read);
        put(
            buf,
            rect,
            rect.x,
            &truncate(&text, usize::from(rect.width)),
            style,
        );
    }
}
