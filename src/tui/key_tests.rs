//! Keys as a user of less, lazygit or ranger expects them, and the help's
//! words for them.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{Focus, Screen};
use super::keys::{self, HelpLine};
use super::msg::Action;
use super::tests::{act, app};
use super::update::update;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Presses a key as the runtime would: through the key table.
fn key(app: &mut super::app::App, code: KeyCode) {
    if let Some(action) = keys::action_for(app, press(code)) {
        let _ = update(app, super::msg::Msg::Action(action));
    }
}

#[test]
fn h_and_left_go_back_to_the_list() {
    for code in [KeyCode::Char('h'), KeyCode::Left] {
        let mut app = app(80, 24);
        act(&mut app, Action::Open);
        key(&mut app, code);
        assert_eq!(app.screen, Screen::List, "{code:?}");
        act(&mut app, Action::Open);
        act(&mut app, Action::ToggleFocus);
        key(&mut app, code);
        assert_eq!(app.screen, Screen::List, "{code:?} from the summary");
    }
}

#[test]
fn b_pages_up_in_the_help() {
    let mut app = app(40, 12);
    act(&mut app, Action::ToggleHelp);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char(' '));
    let down = app.help.unwrap();
    assert!(down > 0);
    key(&mut app, KeyCode::Char('b'));
    assert!(app.help.unwrap() < down);
    assert!(app.help.is_some(), "b does not close the help");
}

#[test]
fn a_section_jump_from_the_narrow_summary_shows_the_text() {
    let mut app = app(80, 24);
    act(&mut app, Action::Open);
    act(&mut app, Action::ToggleFocus);
    for code in [KeyCode::Char(']'), KeyCode::Char('］')] {
        let before = app.lesson.as_ref().unwrap().top;
        key(&mut app, code);
        let state = app.lesson.as_ref().unwrap();
        assert_eq!(state.focus, Focus::Content, "{code:?}");
        assert!(state.top > before, "{code:?} jumped");
        act(&mut app, Action::ToggleFocus);
    }
    // Side by side, the text is in view: the summary keeps the focus.
    let mut wide = super::tests::app(120, 40);
    act(&mut wide, Action::Open);
    act(&mut wide, Action::ToggleFocus);
    key(&mut wide, KeyCode::Char(']'));
    let state = wide.lesson.as_ref().unwrap();
    assert_eq!(state.focus, Focus::Checklist);
    assert!(state.top > 0);
}

#[test]
fn the_help_says_which_keys_only_close_it_and_lists_the_mouse() {
    let lines = keys::help_lines(&super::keymap::Keymap::default());
    let what = |keys_wanted: &str| {
        lines.iter().find_map(|l| match l {
            HelpLine::Key { keys, what } if keys == keys_wanted => Some(*what),
            _ => None,
        })
    };
    assert_eq!(what("Esc Bksp Enter"), Some("close this help"));
    assert_eq!(what("?"), Some("show or hide this help"));
    assert_eq!(what("Esc Bksp ← h"), Some("back to the lesson list"));
    assert!(lines.contains(&HelpLine::Heading("Mouse")));
    for phrase in [
        "wheel",
        "select a lesson",
        "tick or untick a summary",
        "outline",
    ] {
        assert!(
            lines
                .iter()
                .any(|l| matches!(l, HelpLine::Key { keys, what }
                if keys.contains(phrase) || what.contains(phrase))),
            "{phrase} missing"
        );
    }
}

/// The tour teaches the reader's keys: every action is named in it by one
/// of its keys (as a word of its own), so a new key cannot go untaught.
#[test]
fn the_tour_names_a_key_for_every_action() {
    let library =
        terakoya_core::bundle::load(&terakoya_core::bundle::LessonsSource::Embedded).library;
    let tour = library
        .courses
        .iter()
        .find(|c| c.id == "basics")
        .and_then(|c| c.lessons.first())
        .unwrap();
    let mut text = String::new();
    for block in tour.intro.iter().flat_map(|t| &t.blocks) {
        text.push_str(&block.text);
        text.push(' ');
    }
    for section in &tour.sections {
        for block in &section.body.blocks {
            text.push_str(&block.text);
            text.push(' ');
        }
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || ",.;:()\"".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    for action in Action::all() {
        let taught = keys::BINDINGS
            .iter()
            .filter(|b| b.action == action)
            .map(keys::key_label)
            .any(|label| {
                let label = if label == " " { "Space".into() } else { label };
                words
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(&label) && (w.len() > 1 || *w == label))
            });
        assert!(taught, "the tour names no key for {}", action.name());
    }
}

/// With a Japanese input method on, in full-width mode, every bound letter
/// key arrives as its full-width twin and Space as U+3000.
#[test]
fn full_width_keys_act_as_their_ascii_twins() {
    let mut app = app(80, 24);
    key(&mut app, KeyCode::Char('ｊ'));
    assert_eq!(app.list.selected, 1);
    key(&mut app, KeyCode::Char('ｋ'));
    assert_eq!(app.list.selected, 0);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Lesson);
    let top = |app: &super::app::App| app.lesson.as_ref().unwrap().top;
    key(&mut app, KeyCode::Char('］'));
    let at_section = top(&app);
    assert!(at_section > 0);
    key(&mut app, KeyCode::Char('［'));
    assert!(top(&app) < at_section);
    key(&mut app, KeyCode::Char('\u{3000}'));
    assert!(top(&app) > 0, "the ideographic space pages down");
    key(&mut app, KeyCode::Char('ｇ'));
    assert_eq!(top(&app), 0);
    key(&mut app, KeyCode::Char('Ｇ'));
    assert!(top(&app) > 0);
    key(&mut app, KeyCode::Char('？'));
    assert!(app.help.is_some());
    key(&mut app, KeyCode::Char('？'));
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus(), Focus::Checklist);
    key(&mut app, KeyCode::Char('ｘ'));
    assert!(!app.progress.lessons.is_empty());
    let ticked = app
        .open_lesson()
        .map(|(s, l)| app.ticked_count(&s.key, l))
        .unwrap();
    assert_eq!(ticked, 1);
    let quit = keys::action_for(&app, press(KeyCode::Char('ｑ')));
    assert_eq!(quit, Some(Action::Quit));
}

#[test]
fn the_help_mentions_full_width_keys_once() {
    let notes = keys::help_lines(&super::keymap::Keymap::default())
        .into_iter()
        .filter(|l| matches!(l, HelpLine::Note(n) if n.contains("全角")))
        .count();
    assert_eq!(notes, 1);
}
