//! The reader's screens with the Japanese interface, at 80x24 and 40x12.
//! The language is set for this test's thread only (`i18n::with_lang`),
//! so the English snapshots running beside these are not affected.

use crate::reader_support;

use reader_support::{act, app, draw, screen, sns_app};
use terakoya::i18n::{self, Lang};
use terakoya::tui::msg::Action::{self, *};

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

/// A screen in Japanese after `actions`, from the list with 第6回 selected.
fn snapshot(name: &str, actions: &[Action]) {
    for (width, height) in SIZES {
        let text = i18n::with_lang(Lang::Ja, || {
            let mut app = sns_app(width, height);
            act(&mut app, actions);
            screen(&draw(&app))
        });
        insta::assert_snapshot!(format!("ja_{name}_{width}x{height}"), text);
    }
}

#[test]
fn list() {
    for (width, height) in SIZES {
        let text = i18n::with_lang(Lang::Ja, || screen(&draw(&app(width, height))));
        insta::assert_snapshot!(format!("ja_list_{width}x{height}"), text);
    }
}

#[test]
fn list_with_the_continue_line() {
    snapshot("list_continue", &[Open, ToggleFocus, ToggleTick, Back]);
}

#[test]
fn lesson_top() {
    snapshot("lesson_top", &[Open]);
}

#[test]
fn lesson_end() {
    snapshot("lesson_end", &[Open, Bottom]);
}

#[test]
fn checklist() {
    snapshot("checklist", &[Open, ToggleFocus, ToggleTick, ScrollDown]);
}

#[test]
fn help_over_the_list() {
    snapshot("help_list", &[ToggleHelp]);
}

#[test]
fn help_over_a_lesson() {
    snapshot("help", &[Open, ToggleHelp]);
}

/// The words really are Japanese, and the English screens beside them
/// are not: the same screen drawn in both languages differs.
#[test]
fn the_language_is_the_threads_own() {
    let draw_in = |lang| {
        i18n::with_lang(lang, || {
            let mut app = sns_app(80, 24);
            act(&mut app, &[Open]);
            screen(&draw(&app))
        })
    };
    let japanese = draw_in(Lang::Ja);
    let english = draw_in(Lang::En);
    assert!(japanese.contains("まとめ"), "{japanese}");
    assert!(!japanese.contains("Summary"), "{japanese}");
    assert!(english.contains("Summary"), "{english}");
}
