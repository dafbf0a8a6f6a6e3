//! The help overlay, generated from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::{put, row_of, theme, truncate};
use crate::text::width::str_width;
use crate::tui::geometry;
use crate::tui::keys::{self, HelpLine};
use crate::tui::strings;

pub fn draw(top: usize, area: Rect, buf: &mut Buffer) {
    let lines = keys::help_lines();
    let keys_w = lines
        .iter()
        .map(|l| match l {
            HelpLine::Key { keys, .. } => str_width(keys),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let text_w = lines
        .iter()
        .map(|l| match l {
            HelpLine::Key { what, .. } => keys_w + 4 + str_width(what),
            HelpLine::Heading(h) => str_width(h),
            HelpLine::Blank => 0,
        })
        .max()
        .unwrap_or(0);
    let (outer, inner) = geometry::help_box(area, lines.len(), text_w);
    Clear.render(outer, buf);
    if outer != inner {
        Block::new()
            .borders(Borders::ALL)
            .title(strings::HELP_TITLE)
            .title_bottom(strings::HELP_CLOSE_HINT)
            .render(outer, buf);
    }
    for (row, line) in lines.iter().skip(top).enumerate() {
        let Some(rect) = row_of(inner, row) else {
            break;
        };
        let width = usize::from(rect.width);
        match line {
            HelpLine::Heading(h) => {
                put(buf, rect, rect.x, &truncate(h, width), theme::heading());
            }
            HelpLine::Key { keys, what } => {
                let padded = format!("  {keys:<keys_w$}  {what}");
                put(
                    buf,
                    rect,
                    rect.x,
                    &truncate(&padded, width),
                    ratatui::style::Style::new(),
                );
            }
            HelpLine::Blank => {}
        }
    }
}
