//! Update tests of search in a lesson and across the library, and of the
//! table of contents: pure, on the in-code sample library.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use terakoya_core::search::Field;

use super::super::tests::{act, app};
use crate::tui::app::{App, Focus, Screen};
use crate::tui::msg::{Action, Mouse, MouseKind, Msg, PromptKey};
use crate::tui::update::update;
use crate::tui::{highlight, keys, toc};

fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        let _ = update(app, Msg::Prompt(PromptKey::Char(c)));
    }
}

fn prompt(app: &mut App, key: PromptKey) {
    let _ = update(app, Msg::Prompt(key));
}

fn top(app: &App) -> usize {
    app.lesson.as_ref().unwrap().top
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.message.whole())
        .unwrap_or_default()
}

/// The line the current match starts on.
fn current_line(app: &App) -> Option<usize> {
    let (state, lesson) = app.open_lesson().unwrap();
    let search = app.search.in_lesson(state.at)?;
    highlight::line_of_match(&state.layout, lesson, &search.matches[search.current])
}

fn opened(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    act(&mut app, Action::Open);
    app
}

#[test]
fn typing_searches_at_once_and_jumps_to_the_first_match_below() {
    let mut app = opened(80, 12);
    act(&mut app, Action::Search);
    assert!(app.search.prompt.is_some());
    // Full-width Latin finds the English sentence in the last section.
    type_in(&mut app, "ＲＥＶＩＥＷ");
    let search = app.search.lesson.as_ref().expect("a search");
    assert_eq!(search.matches.len(), 1);
    assert!(matches!(
        search.matches[0].field,
        Field::Body { section: 3, .. }
    ));
    let line = current_line(&app).unwrap();
    let height = app.lesson.as_ref().unwrap().screen.text_height();
    assert!(top(&app) > 0, "the view jumped");
    assert!(
        (top(&app)..top(&app) + height).contains(&line),
        "the match shows"
    );
    prompt(&mut app, PromptKey::Accept);
    assert!(app.search.prompt.is_none());
    assert!(
        app.search
            .in_lesson(app.lesson.as_ref().unwrap().at)
            .is_some(),
        "kept"
    );
}

#[test]
fn escape_cancels_and_returns_to_where_the_reader_was() {
    let mut app = opened(80, 12);
    act(&mut app, Action::ScrollDown);
    let before = top(&app);
    let anchor = app.lesson.as_ref().unwrap().anchor;
    act(&mut app, Action::Search);
    type_in(&mut app, "review");
    assert_ne!(top(&app), before);
    prompt(&mut app, PromptKey::Cancel);
    assert_eq!(top(&app), before);
    assert_eq!(app.lesson.as_ref().unwrap().anchor, anchor);
    assert!(app.search.lesson.is_none() && app.search.prompt.is_none());
}

#[test]
fn n_and_shift_n_step_through_matches_and_wrap_with_a_note() {
    let mut app = opened(80, 12);
    act(&mut app, Action::Search);
    // 一例: section 1's body, section 2's heading and body, a summary point.
    type_in(&mut app, "一例");
    prompt(&mut app, PromptKey::Accept);
    let search = app.search.lesson.as_ref().unwrap();
    assert_eq!(search.matches.len(), 4);
    assert_eq!(search.current, 0);
    let mut lines = vec![current_line(&app).unwrap()];
    for _ in 0..2 {
        act(&mut app, Action::SearchNext);
        lines.push(current_line(&app).unwrap());
        assert_eq!(status(&app), "");
    }
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "{lines:?}");
    // The last match is a summary point: it gets the focus.
    act(&mut app, Action::SearchNext);
    let state = app.lesson.as_ref().unwrap();
    assert_eq!((state.focus, state.cursor), (Focus::Checklist, 1));
    act(&mut app, Action::SearchNext);
    assert_eq!(app.search.lesson.as_ref().unwrap().current, 0);
    assert_eq!(status(&app), "search wrapped");
    assert_eq!(app.lesson.as_ref().unwrap().focus, Focus::Content);
    act(&mut app, Action::SearchPrev);
    assert_eq!(app.search.lesson.as_ref().unwrap().current, 3);
    assert_eq!(status(&app), "search wrapped");
    act(&mut app, Action::SearchPrev);
    assert_eq!(app.search.lesson.as_ref().unwrap().current, 2);
    assert_eq!(status(&app), "");
}

#[test]
fn no_match_says_so_and_leaves_the_view() {
    let mut app = opened(80, 12);
    act(&mut app, Action::ScrollDown);
    let before = top(&app);
    act(&mut app, Action::Search);
    type_in(&mut app, "ない\u{1b}語");
    assert_eq!(top(&app), before);
    prompt(&mut app, PromptKey::Accept);
    assert_eq!(top(&app), before);
    assert!(app.search.lesson.is_none());
    let said = status(&app);
    assert!(said.starts_with("not found: ない"), "{said}");
    assert!(
        !said.contains('\u{1b}'),
        "the escape is shown visibly: {said:?}"
    );
}

#[test]
fn an_empty_search_is_no_search_and_n_then_says_how_to_start_one() {
    let mut app = opened(80, 12);
    act(&mut app, Action::Search);
    type_in(&mut app, "一例");
    prompt(&mut app, PromptKey::Clear);
    assert!(app.search.lesson.is_none(), "cleared with the line");
    type_in(&mut app, "  ");
    prompt(&mut app, PromptKey::Accept);
    assert!(app.search.lesson.is_none());
    act(&mut app, Action::SearchNext);
    assert_eq!(status(&app), "no search yet: / starts one");
}

#[test]
fn backspace_edits_and_on_an_empty_line_cancels() {
    let mut app = opened(80, 12);
    act(&mut app, Action::Search);
    type_in(&mut app, "一例x");
    let none = app
        .search
        .lesson
        .as_ref()
        .is_none_or(|s| s.matches.is_empty());
    assert!(none, "一例x is nowhere");
    prompt(&mut app, PromptKey::Backspace);
    assert_eq!(app.search.lesson.as_ref().unwrap().matches.len(), 4);
    for _ in 0..3 {
        prompt(&mut app, PromptKey::Backspace);
    }
    assert!(app.search.prompt.is_none(), "closed");
}

#[test]
fn in_the_prompt_letters_are_typed_not_commands() {
    let mut app = opened(80, 12);
    let press = |app: &App, code| keys::msg_for(app, KeyEvent::new(code, KeyModifiers::NONE));
    assert_eq!(
        press(&app, KeyCode::Char('n')),
        Some(Msg::Action(Action::SearchNext))
    );
    act(&mut app, Action::Search);
    for c in ['q', 'n', 'ｊ', 'あ', '/'] {
        assert_eq!(
            press(&app, KeyCode::Char(c)),
            Some(Msg::Prompt(PromptKey::Char(c)))
        );
    }
    assert_eq!(
        press(&app, KeyCode::Esc),
        Some(Msg::Prompt(PromptKey::Cancel))
    );
    let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(
        keys::msg_for(&app, ctrl_u),
        Some(Msg::Prompt(PromptKey::Clear))
    );
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(keys::msg_for(&app, ctrl_c), Some(Msg::Action(Action::Quit)));
}

#[test]
fn the_library_search_lists_results_and_opens_a_lesson_at_its_match() {
    let mut app = app(80, 24);
    act(&mut app, Action::Search);
    type_in(&mut app, "一例");
    assert_eq!(app.screen, Screen::Results, "results as one types");
    prompt(&mut app, PromptKey::Accept);
    let results = app.search.results.as_ref().unwrap();
    assert_eq!(results.match_count(), 4);
    act(&mut app, Action::ScrollDown);
    act(&mut app, Action::ScrollDown);
    act(&mut app, Action::Open);
    assert_eq!(app.screen, Screen::Lesson);
    let search = app
        .search
        .lesson
        .as_ref()
        .expect("the search goes on in the lesson");
    let current = search.current;
    assert_eq!(current, 2);
    let line = current_line(&app).unwrap();
    let height = app.lesson.as_ref().unwrap().screen.text_height();
    assert!((top(&app)..top(&app) + height).contains(&line));
    act(&mut app, Action::SearchNext);
    assert_eq!(app.search.lesson.as_ref().unwrap().current, 3);
    act(&mut app, Action::Back);
    assert_eq!(app.screen, Screen::Results, "back to the results");
    act(&mut app, Action::Back);
    assert_eq!(app.screen, Screen::List);
    assert!(app.search.results.is_none());
}

#[test]
fn escape_in_the_library_prompt_returns_to_the_list() {
    let mut app = app(40, 12);
    act(&mut app, Action::Search);
    type_in(&mut app, "眠");
    assert_eq!(app.screen, Screen::Results);
    prompt(&mut app, PromptKey::Cancel);
    assert_eq!(app.screen, Screen::List);
    assert!(app.search.results.is_none());
    act(&mut app, Action::Search);
    type_in(&mut app, "見つからない語");
    prompt(&mut app, PromptKey::Accept);
    assert_eq!(app.screen, Screen::List);
    assert_eq!(status(&app), "not found: 見つからない語");
}

#[test]
fn contents_open_on_the_current_section_and_jump() {
    let mut app = opened(40, 12);
    act(&mut app, Action::NextSection);
    act(&mut app, Action::Contents);
    assert_eq!(app.search.contents.unwrap().selected, 0);
    act(&mut app, Action::ScrollDown);
    act(&mut app, Action::ScrollDown);
    act(&mut app, Action::Open);
    assert!(app.search.contents.is_none(), "closed");
    let state = app.lesson.as_ref().unwrap();
    assert_eq!(state.top, state.layout.section_starts[2]);
    act(&mut app, Action::Contents);
    assert_eq!(app.search.contents.unwrap().selected, 2);
    act(&mut app, Action::Bottom);
    assert_eq!(app.search.contents.unwrap().selected, 3);
    act(&mut app, Action::Back);
    assert!(app.search.contents.is_none());
    assert_eq!(app.screen, Screen::Lesson, "Esc closes only the popup");
}

#[test]
fn a_click_in_the_contents_jumps_and_outside_closes() {
    let mut app = opened(80, 24);
    act(&mut app, Action::Contents);
    let (row, section) = toc::rows(&app)[1];
    let click = |column, row| {
        Msg::Mouse(Mouse {
            kind: MouseKind::Click,
            column,
            row,
        })
    };
    let _ = update(&mut app, click(row.x, row.y));
    assert!(app.search.contents.is_none());
    let state = app.lesson.as_ref().unwrap();
    assert_eq!(state.top, state.layout.section_starts[section]);
    act(&mut app, Action::Contents);
    let _ = update(&mut app, click(0, 0));
    assert!(app.search.contents.is_none());
}
