//! Section jumps on the Japanese sample lesson (第6回, six sections, the
//! last ones shorter than a screen): `]` and `[` step through every
//! section in order, with its heading on the first text line, and the
//! indicator and the outline name it.

use crate::reader_support;

use reader_support::{act, draw, screen, sns_app};
use terakoya::tui::app::App;
use terakoya::tui::msg::Action::{NextSection, Open, PrevSection};
use terakoya::tui::msg::{Mouse, MouseKind, Msg};
use terakoya::tui::update::update;
use terakoya::tui::{geometry, position};

const SIZES: [(u16, u16); 4] = [(80, 24), (40, 12), (120, 40), (200, 60)];

/// The title row's section indicator and the first text line, as drawn.
fn header_and_first_line(app: &App) -> (String, String) {
    let terminal = draw(app);
    let text = screen(&terminal);
    let rows: Vec<&str> = text.lines().collect();
    let text_area = geometry::content_text_area(app.area, app.reading_width);
    let title = geometry::lesson_panes(app.area, app.focus())
        .content
        .unwrap()
        .title;
    // Columns to characters: every row left of the text is made of
    // one-column characters (the outline's are cut to its width, then a rule).
    let from = |row: &str, x: u16| -> String {
        let mut column = 0;
        row.trim_matches('"')
            .chars()
            .skip_while(|&c| {
                let skip = column < usize::from(x);
                column += terakoya_core::text::width::char_width(c);
                skip
            })
            .collect()
    };
    (
        from(rows[0], title.x),
        from(rows[usize::from(text_area.y)], text_area.x),
    )
}

fn headings(app: &App) -> Vec<String> {
    let (_, lesson) = app.open_lesson().unwrap();
    lesson.sections.iter().map(|s| s.heading.clone()).collect()
}

fn assert_at_section(app: &App, index: usize, size: (u16, u16)) {
    let headings = headings(app);
    let (header, first) = header_and_first_line(app);
    let number = format!("{}/{} ", index + 1, headings.len());
    assert!(header.starts_with(&number), "{size:?}: {header}");
    // The heading may wrap: its start is on the first text line.
    let start: String = headings[index].chars().take(4).collect();
    assert!(first.starts_with(&start), "{size:?} {index}: {first:?}");
    let state = app.lesson.as_ref().unwrap();
    assert_eq!(
        position::current_section(&state.layout, state.top),
        Some(index)
    );
}

#[test]
fn next_and_previous_step_through_every_section() {
    for size in SIZES {
        let mut app = sns_app(size.0, size.1);
        act(&mut app, &[Open]);
        let count = headings(&app).len();
        for index in 0..count {
            act(&mut app, &[NextSection]);
            assert_at_section(&app, index, size);
        }
        for index in (0..count - 1).rev() {
            act(&mut app, &[PrevSection]);
            assert_at_section(&app, index, size);
        }
    }
}

#[test]
fn a_click_on_a_late_section_in_the_outline_makes_it_current() {
    for size in [(120, 40), (160, 50)] {
        let mut app = sns_app(size.0, size.1);
        act(&mut app, &[Open]);
        let count = headings(&app).len();
        for index in (0..count).rev() {
            let panes = geometry::lesson_panes(app.area, app.focus());
            let body = panes.outline.unwrap().body;
            let state = app.lesson.as_ref().unwrap();
            let current = position::current_section(&state.layout, state.top).unwrap_or(0);
            let first = geometry::follow(current, count, usize::from(body.height));
            let row = body.y + u16::try_from(index - first).unwrap();
            let click = Mouse {
                kind: MouseKind::Click,
                column: body.x + 2,
                row,
            };
            let _ = update(&mut app, Msg::Mouse(click));
            assert_at_section(&app, index, size);
        }
    }
}
