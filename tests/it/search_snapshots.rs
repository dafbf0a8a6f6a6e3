//! Snapshots of search on screen at 80x24 and 40x12: the prompt over the
//! Japanese lesson with its highlighted match, the library's results, and
//! the table of contents.

use crate::reader_support;

use reader_support::{act, app, draw, screen, sns_app};
use terakoya::tui::app::App;
use terakoya::tui::msg::Action::{self, *};
use terakoya::tui::msg::{Msg, PromptKey};
use terakoya::tui::update::update;

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        let _ = update(app, Msg::Prompt(PromptKey::Char(c)));
    }
}

fn shot(name: &str, app: &App) {
    let (w, h) = (app.area.width, app.area.height);
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&draw(app)));
}

/// Highlights are styles, not text: the reversed cells, row by row.
fn reversed(app: &App) -> Vec<String> {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| &buffer[(x, y)])
                .filter(|cell| cell.modifier.contains(ratatui::style::Modifier::REVERSED))
                .map(|cell| cell.symbol())
                .collect::<String>()
        })
        .filter(|row| !row.is_empty())
        .collect()
}

#[test]
fn search_prompt_in_a_lesson() {
    for (w, h) in SIZES {
        let mut app = sns_app(w, h);
        act(&mut app, &[Open, Action::Search]);
        type_in(&mut app, "ｽﾏｰﾄﾌｫﾝ");
        shot("search_prompt", &app);
        let lit: String = reversed(&app).concat();
        assert!(lit.contains("スマートフォン"), "{lit}");
    }
}

#[test]
fn library_results() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        act(&mut app, &[Action::Search]);
        type_in(&mut app, "投稿");
        let _ = update(&mut app, Msg::Prompt(PromptKey::Accept));
        shot("search_results", &app);
    }
}

#[test]
fn table_of_contents() {
    for (w, h) in SIZES {
        let mut app = sns_app(w, h);
        act(&mut app, &[Open, NextSection, NextSection, Contents]);
        shot("contents", &app);
    }
}
