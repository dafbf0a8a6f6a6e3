//! Property test: random keys, mouse events and resizes (1x1 to 300x100)
//! on the sample library never panic, in update or in drawing, and keep
//! the scroll offsets within the content.

use crate::reader_support;

use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use terakoya::tui::msg::{Mouse, MouseKind, Msg};
use terakoya::tui::update::update;
use terakoya::tui::{geometry, keys};

#[derive(Debug, Clone)]
enum Op {
    Key(KeyCode),
    Resize(u16, u16),
    Mouse(MouseKind, u16, u16),
    Settle,
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        prop::sample::select(vec![
            'j', 'k', 'g', 'G', ' ', 'b', 'd', 'u', ']', '[', 'n', 'p', 'x', 'c', 'l', '?'
        ])
        .prop_map(KeyCode::Char),
        prop::sample::select(vec![
            KeyCode::Down,
            KeyCode::Up,
            KeyCode::PageDown,
            KeyCode::PageUp,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Enter,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::Right,
        ]),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let kind = prop::sample::select(vec![
        MouseKind::Click,
        MouseKind::WheelDown,
        MouseKind::WheelUp,
    ]);
    prop_oneof![
        6 => key_code().prop_map(Op::Key),
        2 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Op::Resize(w, h)),
        2 => (kind, 0u16..300, 0u16..100).prop_map(|(k, c, r)| Op::Mouse(k, c, r)),
        1 => Just(Op::Settle),
    ]
}

fn to_msg(app: &terakoya::tui::app::App, op: &Op) -> Option<Msg> {
    match *op {
        Op::Key(code) => {
            keys::action_for(app, KeyEvent::new(code, KeyModifiers::NONE)).map(Msg::Action)
        }
        Op::Resize(width, height) => Some(Msg::Resize { width, height }),
        Op::Mouse(kind, column, row) => Some(Msg::Mouse(Mouse { kind, column, row })),
        Op::Settle => Some(Msg::Settled),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_input_never_panics(
        (w, h) in (1u16..=300, 1u16..=100),
        ops in prop::collection::vec(op(), 1..60),
    ) {
        let mut app = reader_support::app(w, h);
        for op in &ops {
            if let Some(msg) = to_msg(&app, op) {
                let _ = update(&mut app, msg);
            }
            let terminal = reader_support::draw(&app);
            // The text never spills over the rule left of the checklist
            // (unless the help overlay covers it).
            let panes = geometry::lesson_panes(app.area, app.focus());
            if let (Some(_), None, true, Some(checklist)) = (&app.lesson, app.help, panes.side_by_side, panes.checklist) {
                let buffer = terminal.backend().buffer();
                let x = checklist.title.x - 1;
                for y in checklist.title.y..checklist.body.bottom() {
                    prop_assert_eq!(buffer[(x, y)].symbol(), "│", "rule broken at ({}, {})", x, y);
                }
            }
            if let Some(state) = &app.lesson {
                // Resizes re-wrap at once: the text always fits its pane.
                let text = geometry::content_text_area(app.area, app.reading_width);
                prop_assert_eq!(state.layout.width, text.width.max(1));
                prop_assert!(state.top < state.layout.lines.len().max(1));
                prop_assert!(state.cursor < app.open_lesson().map_or(1, |(_, l)| l.summary.len().max(1)));
            }
        }
    }
}
