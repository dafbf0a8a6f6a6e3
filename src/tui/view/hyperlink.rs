//! OSC 8 hyperlinks for the lesson text's web links.
//!
//! A link run whose URL [`is_web_url`] (http, https or mailto, no control
//! character or space) becomes a terminal hyperlink: each of its cells
//! carries `ESC ] 8 ; id=N ; URL ESC \` before its character and the
//! closing `ESC ] 8 ; ; ESC \` after it. Wrapping every cell on its own
//! keeps the hyperlink right when ratatui redraws only some of a link's
//! cells, and leaves no hyperlink open after any cell. The escape bytes
//! would count as columns, so each wrapped cell's width is forced to its
//! character's (`CellDiffOption::ForcedWidth`). This pass runs last, when
//! nothing is drawn over the text (no help or contents overlay), so no
//! later write can land on a cell whose width was forced.

use ratatui::buffer::{Buffer, CellDiffOption};
use std::num::NonZeroU16;
use terakoya_core::text::markdown::is_web_url;
use terakoya_core::text::to_u16;
use terakoya_core::text::width::str_width;

use super::lesson::run_area;
use super::row_of;
use crate::tui::app::App;

/// Marks the visible web links of the open lesson as hyperlinks, when the
/// terminal shows them (`App::hyperlinks`).
pub fn mark(app: &App, buf: &mut Buffer) {
    if !app.hyperlinks {
        return;
    }
    let Some((state, _)) = app.open_lesson() else {
        return;
    };
    // Geometry from another size: this frame is drawn again once handled.
    if state.screen.area != buf.area || state.screen.panes.content.is_none() {
        return;
    }
    let text = state.screen.text;
    let layout = &state.layout;
    for (row, index) in (state.top..layout.lines.len())
        .take(usize::from(text.height))
        .enumerate()
    {
        let Some(rect) = row_of(text, row) else {
            break;
        };
        for run in layout.line_runs(index) {
            let Some(link) = run.style.link else {
                continue;
            };
            let Some(url) = layout.links.get(link as usize) else {
                continue;
            };
            if !is_web_url(url) {
                continue;
            }
            if let Some(area) = run_area(layout, index, run, rect) {
                wrap_cells(buf, area, link, url);
            }
        }
    }
}

/// Wraps each cell of the one-row `area` in a hyperlink to `url`.
fn wrap_cells(buf: &mut Buffer, area: ratatui::layout::Rect, id: u32, url: &str) {
    let mut x = area.x;
    while x < area.right() {
        let Some(cell) = buf.cell_mut((x, area.y)) else {
            return;
        };
        let symbol = cell.symbol();
        let width = to_u16(str_width(symbol).max(1));
        let wrapped = format!("{}{symbol}{CLOSE}", open(id, url));
        cell.set_symbol(&wrapped);
        if let Some(width) = NonZeroU16::new(width) {
            cell.set_diff_option(CellDiffOption::ForcedWidth(width));
        }
        x = x.saturating_add(width);
    }
}

/// Opens a hyperlink; the id lets a terminal underline a link's cells
/// together on hover.
fn open(id: u32, url: &str) -> String {
    format!("\x1b]8;id=terakoya-{id};{url}\x1b\\")
}

/// Ends the hyperlink.
const CLOSE: &str = "\x1b]8;;\x1b\\";

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn each_cell_is_wrapped_and_keeps_its_width() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "褥a", ratatui::style::Style::new());
        wrap_cells(&mut buf, Rect::new(0, 0, 3, 1), 2, "https://a.jp");
        let open = "\x1b]8;id=terakoya-2;https://a.jp\x1b\\";
        assert_eq!(buf[(0, 0)].symbol(), format!("{open}褥{CLOSE}"));
        assert_eq!(
            buf[(0, 0)].diff_option,
            CellDiffOption::ForcedWidth(NonZeroU16::MIN.saturating_add(1))
        );
        // The wide character's second column is left for ratatui to skip.
        assert_eq!(buf[(1, 0)].symbol(), " ");
        assert_eq!(buf[(2, 0)].symbol(), format!("{open}a{CLOSE}"));
        assert_eq!(buf[(3, 0)].symbol(), " ");
    }
}
