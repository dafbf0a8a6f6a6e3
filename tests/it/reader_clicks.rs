//! Property test: every row the view draws in the outline or the checklist
//! means, when clicked, the section or point drawn there, at random
//! terminal sizes, focus and scroll positions.

use crate::reader_support;

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use terakoya::tui::app::{App, Focus};
use terakoya::tui::msg::Action::{self, *};
use terakoya::tui::msg::{Mouse, MouseKind, Msg};
use terakoya::tui::position;
use terakoya::tui::update::update;

fn row_text(buffer: &Buffer, rect: Rect) -> String {
    (rect.x..rect.right())
        .map(|x| buffer[(x, rect.y)].symbol())
        .collect()
}

fn click(app: &mut App, column: u16, row: u16) {
    let kind = MouseKind::Click;
    let _ = update(app, Msg::Mouse(Mouse { kind, column, row }));
}

/// The section number an outline row shows ("✓ 3. heading" → 2).
fn section_number(text: &str) -> Option<usize> {
    let digits: String = text
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse::<usize>().ok()?.checked_sub(1)
}

fn moves() -> impl Strategy<Value = Vec<Action>> {
    prop::collection::vec(
        prop::sample::select(vec![ScrollDown, PageDown, NextSection, Bottom, ToggleFocus]),
        0..12,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn clicks_hit_what_is_drawn(
        (w, h) in (20u16..=260, 3u16..=70),
        checklist_focus in any::<bool>(),
        actions in moves(),
    ) {
        let mut app = reader_support::sns_app(w, h);
        reader_support::act(&mut app, &[Open]);
        reader_support::act(&mut app, &actions);
        if checklist_focus != (app.focus() == Focus::Checklist) {
            reader_support::act(&mut app, &[ToggleFocus]);
        }
        let terminal = reader_support::draw(&app);
        let buffer = terminal.backend().buffer().clone();
        let panes = terakoya::tui::geometry::lesson_panes(app.area, app.focus());
        if let Some(outline) = panes.outline {
            for rect in outline.body.rows() {
                let Some(section) = section_number(&row_text(&buffer, rect)) else {
                    continue;
                };
                let mut clicked = app.clone();
                click(&mut clicked, rect.x + 3, rect.y);
                let state = clicked.lesson.as_ref().unwrap();
                prop_assert_eq!(
                    position::current_section(&state.layout, state.top),
                    Some(section),
                    "row {}", rect.y
                );
            }
        }
        if let Some(checklist) = panes.checklist {
            for rect in checklist.body.rows() {
                // Not the scrollbar's column, nor the gap before it.
                let text_part = Rect { width: rect.width.saturating_sub(2), ..rect };
                let text = row_text(&buffer, text_part);
                if text.trim().is_empty() {
                    continue;
                }
                let mut clicked = app.clone();
                click(&mut clicked, rect.x, rect.y);
                prop_assert_eq!(clicked.focus(), Focus::Checklist);
                // The focused point is drawn reversed: the row clicked is
                // one of its rows.
                let terminal = reader_support::draw(&clicked);
                let cell = &terminal.backend().buffer()[(rect.x, rect.y)];
                prop_assert!(
                    cell.modifier.contains(Modifier::REVERSED),
                    "row {} ({}) is not the point clicked", rect.y, text
                );
            }
        }
    }
}
