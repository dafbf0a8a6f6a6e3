//! Snapshots of the reader's main screens at 80x24, 40x12 and 120x40,
//! drawn on ratatui's TestBackend.

use crate::reader_support;

use reader_support::{act, app, draw, screen, sns_app};
use terakoya::tui::msg::Action::{self, *};

/// A screen after `actions`, from the list with 第6回 selected (the
/// Japanese lesson is the normal case).
fn snapshot(name: &str, width: u16, height: u16, actions: &[Action]) {
    let mut app = sns_app(width, height);
    act(&mut app, actions);
    let terminal = draw(&app);
    insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen(&terminal));
}

const SIZES: [(u16, u16); 3] = [(80, 24), (40, 12), (120, 40)];

/// The list as a new user first sees it: the tour preselected.
#[test]
fn lesson_list() {
    for (w, h) in SIZES {
        let app = app(w, h);
        insta::assert_snapshot!(format!("list_{w}x{h}"), screen(&draw(&app)));
    }
}

#[test]
fn list_with_progress_and_continue_line() {
    for (w, h) in SIZES {
        snapshot(
            "list_continue",
            w,
            h,
            &[Open, ToggleFocus, ToggleTick, Back],
        );
    }
}

#[test]
fn lesson_top() {
    for (w, h) in SIZES {
        snapshot("lesson_top", w, h, &[Open]);
    }
}

#[test]
fn lesson_scrolled() {
    for (w, h) in SIZES {
        snapshot(
            "lesson_scrolled",
            w,
            h,
            &[Open, NextSection, NextSection, ScrollDown],
        );
    }
}

#[test]
fn lesson_end() {
    for (w, h) in SIZES {
        snapshot("lesson_end", w, h, &[Open, Bottom]);
    }
}

#[test]
fn checklist_focused_with_ticks() {
    let ticks = [
        Open,
        ToggleFocus,
        ToggleTick,
        ScrollDown,
        ScrollDown,
        ToggleTick,
        ScrollDown,
    ];
    for (w, h) in SIZES {
        snapshot("checklist", w, h, &ticks);
    }
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        snapshot("help", w, h, &[Open, ToggleHelp]);
    }
}

/// The help over the Japanese list: wide characters under the box's left
/// edge must not eat its border.
#[test]
fn help_over_the_list() {
    for (w, h) in SIZES {
        snapshot("help_list", w, h, &[ToggleHelp]);
    }
}

/// List bullets follow the item's script, as in `terakoya show`: `- ` for
/// the tour's English items, `・` for the Japanese lesson's.
#[test]
fn bullets_match_show() {
    let rows = |app: &terakoya::tui::app::App| -> Vec<String> {
        let terminal = draw(app);
        let buffer = terminal.backend().buffer();
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect()
            })
            .collect()
    };
    let mut tour = app(80, 24);
    act(&mut tour, &[Open, NextSection, NextSection]);
    let screen = rows(&tour);
    assert!(
        screen
            .iter()
            .any(|r| r.trim_start().starts_with("- Space or PgDn")),
        "{screen:#?}"
    );
    let mut sns = sns_app(80, 24);
    act(&mut sns, &[Open, NextSection, NextSection]);
    let screen = rows(&sns);
    assert!(
        screen.iter().any(|r| r.trim_start().starts_with("・")),
        "{screen:#?}"
    );
}
