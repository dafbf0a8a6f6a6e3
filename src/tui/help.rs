//! The help overlay's layout, pure, shared by update (scrolling) and view:
//! one row per key when the box is wide enough, else the description on
//! its own row under the keys.

use ratatui::layout::Rect;

use super::geometry;
use super::keymap::Keymap;
use super::keys::{HelpLine, help_lines};
use terakoya_core::text::linebreak::wrap;
use terakoya_core::text::width::str_width;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub text: String,
    pub heading: bool,
}

/// The overlay's box, the area inside its border, and its rows.
pub fn layout(area: Rect, keymap: &Keymap) -> (Rect, Rect, Vec<HelpRow>) {
    // Leave the status line (its hints say how to close the help) visible.
    let area = if area.height >= 3 {
        Rect::new(area.x, area.y, area.width, area.height - 1)
    } else {
        area
    };
    let lines = help_lines(keymap);
    let keys_w = lines
        .iter()
        .map(|l| match l {
            HelpLine::Key { keys, .. } => str_width(keys),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let one_line = |keys: &str, what: &str| format!("  {keys}{}  {what}", pad(keys, keys_w));
    let wide = lines
        .iter()
        .map(|l| match l {
            HelpLine::Key { keys, what } => str_width(&one_line(keys, what)),
            HelpLine::Heading(h) => str_width(h),
            HelpLine::Note(_) | HelpLine::Blank => 0,
        })
        .max()
        .unwrap_or(0);
    let (_, inner) = geometry::help_box(area, usize::MAX, wide);
    let fits = usize::from(inner.width) >= wide;
    let mut rows = Vec::new();
    for line in &lines {
        match line {
            HelpLine::Heading(h) => rows.push(row(h, true)),
            HelpLine::Key { keys, what } if fits => rows.push(row(&one_line(keys, what), false)),
            HelpLine::Key { keys, what } => {
                rows.push(row(&format!("  {keys}"), false));
                // Wrapped, not cut: every word of the help can be read.
                let room = usize::from(inner.width).saturating_sub(DESCRIPTION_INDENT.len());
                for range in wrap(what, room.max(1)) {
                    let part = what.get(range).unwrap_or_default();
                    rows.push(row(&format!("{DESCRIPTION_INDENT}{part}"), false));
                }
            }
            HelpLine::Note(note) => {
                let room = usize::from(inner.width).max(1);
                for range in wrap(note, room) {
                    rows.push(row(note.get(range).unwrap_or_default(), false));
                }
            }
            HelpLine::Blank => rows.push(row("", false)),
        }
    }
    let (outer, inner) = geometry::help_box(area, rows.len(), wide);
    (outer, inner, rows)
}

/// Where a description starts under its keys when the box is narrow.
const DESCRIPTION_INDENT: &str = "      ";

fn pad(text: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(str_width(text)))
}

fn row(text: &str, heading: bool) -> HelpRow {
    HelpRow {
        text: text.to_owned(),
        heading,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_help_puts_descriptions_under_their_keys() {
        let (_, wide_inner, wide) = layout(Rect::new(0, 0, 120, 60), &Keymap::default());
        let (_, narrow_inner, narrow) = layout(Rect::new(0, 0, 40, 12), &Keymap::default());
        assert!(narrow.len() > wide.len());
        assert!(narrow_inner.width < wide_inner.width);
        assert!(
            narrow
                .iter()
                .any(|r| r.text.trim() == "tick or untick the point")
        );
        assert!(
            wide.iter()
                .any(|r| r.text.ends_with("tick or untick the point"))
        );
    }

    #[test]
    fn narrow_help_wraps_long_descriptions_instead_of_cutting_them() {
        for width in [20, 30, 40, 50] {
            let (_, inner, rows) = layout(Rect::new(0, 0, width, 12), &Keymap::default());
            let descriptions = rows
                .iter()
                .filter(|r| r.text.starts_with(DESCRIPTION_INDENT));
            for row in descriptions {
                assert!(
                    str_width(&row.text) <= usize::from(inner.width),
                    "{width}: {row:?}"
                );
            }
            let text: String = rows
                .iter()
                .map(|r| r.text.trim())
                .collect::<Vec<_>>()
                .join(" ");
            for line in help_lines(&Keymap::default()) {
                if let HelpLine::Key { what, .. } = line {
                    assert!(text.contains(what), "{width}: {what}");
                }
            }
        }
    }

    /// Japanese descriptions and headings are two columns a character: at
    /// every width each row fits the box (nothing cut mid-character, no
    /// overflow) and every description is there whole, wrapped.
    #[test]
    fn japanese_help_fits_every_width() {
        crate::i18n::with_lang(crate::i18n::Lang::Ja, || {
            let keymap = Keymap::default();
            for width in [20, 30, 40, 50, 60, 80, 120] {
                let (_, inner, rows) = layout(Rect::new(0, 0, width, 12), &keymap);
                for row in &rows {
                    assert!(
                        str_width(&row.text) <= usize::from(inner.width),
                        "{width}: {row:?}"
                    );
                }
                let text: String = rows
                    .iter()
                    .flat_map(|r| r.text.split_whitespace())
                    .collect();
                for line in help_lines(&keymap) {
                    if let HelpLine::Key { what, .. } | HelpLine::Note(what) = line {
                        let what: String = what.split_whitespace().collect();
                        assert!(text.contains(&what), "{width}: {what}");
                    }
                }
            }
        });
    }
}
