//! Unit tests of reading positions on the Japanese sample lesson: resizes
//! keep the reading anchor, and every place (the head included) is saved
//! and restored.

use super::app::App;
use super::msg::{Action, Msg};
use super::tests::{act, changes};
use super::update::update;
use terakoya_core::bundle::{self, LessonsSource};
use terakoya_core::progress::{Change, LessonKey, Progress};

fn sns_key() -> LessonKey {
    LessonKey::new("career", "06-sns")
}

/// The reader at `width`x`height` on the embedded samples, with
/// `career/06-sns` selected.
fn sns(width: u16, height: u16, progress: Progress) -> App {
    let library = bundle::load(&LessonsSource::Embedded).library;
    let mut app = App::new(library, progress, width, height);
    app.now = 1_700_000_000;
    let course = app
        .library
        .courses
        .iter()
        .position(|c| c.id == "career")
        .unwrap();
    let rows = super::listing::rows(&app);
    app.list.selected = super::listing::selectable(&rows)
        .iter()
        .position(|r| {
            r.item == super::listing::Item::Lesson(super::app::LessonRef { course, lesson: 0 })
        })
        .unwrap();
    app
}

fn top_line(app: &App) -> (usize, String) {
    let state = app.lesson.as_ref().unwrap();
    (state.top, state.layout.line_text(state.top).to_owned())
}

fn resize(app: &mut App, width: u16, height: u16) {
    let _ = update(app, Msg::Resize { width, height });
}

#[test]
fn resizing_there_and_back_returns_to_the_same_line() {
    let mut app = sns(80, 24, Progress::default());
    act(&mut app, Action::Open);
    for _ in 0..3 {
        act(&mut app, Action::NextSection);
    }
    for _ in 0..12 {
        act(&mut app, Action::ScrollDown);
    }
    let before = top_line(&app);
    let pos = app.lesson.as_ref().unwrap().layout.lines[before.0].pos;
    assert!(pos.offset > 0, "mid-paragraph: {before:?}");
    for _ in 0..5 {
        resize(&mut app, 50, 15);
        resize(&mut app, 80, 24);
        assert_eq!(top_line(&app), before);
    }
    // Dragging the edge a column at a time, down to 70 and back.
    for width in (70..80).rev().chain(71..=80) {
        resize(&mut app, width, 24);
    }
    assert_eq!(top_line(&app), before);
    // A resize is not a move: nothing new to save.
    assert!(
        changes(update(&mut app, Msg::Settled))
            .iter()
            .all(|c| !matches!(c, Change::Position { anchor, .. } if anchor.offset != pos.offset))
    );
}

#[test]
fn a_short_terminal_and_back_keeps_the_place_at_the_end() {
    let mut app = sns(80, 24, Progress::default());
    act(&mut app, Action::Open);
    act(&mut app, Action::Bottom);
    act(&mut app, Action::PageUp);
    let before = top_line(&app);
    resize(&mut app, 80, 100);
    resize(&mut app, 80, 24);
    assert_eq!(top_line(&app), before);
}

/// Scrolls `lines` down from the top, quits, reopens at another width and
/// again at the first: the same text is on top.
fn head_place_round_trips(lines: usize) {
    let mut app = sns(80, 24, Progress::default());
    act(&mut app, Action::Open);
    for _ in 0..lines {
        act(&mut app, Action::ScrollDown);
    }
    let before = top_line(&app);
    let saved = act(&mut app, Action::Quit);
    let anchor = saved
        .iter()
        .find_map(|c| match c {
            Change::Position { anchor, .. } => Some(anchor.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("position {before:?} saved"));
    assert_eq!(anchor.section, None, "in the head");
    let progress = app.progress.clone();
    assert_eq!(
        progress.lesson(&sns_key()).and_then(|p| p.position.clone()),
        Some(anchor)
    );
    let mut again = sns(80, 24, progress);
    act(&mut again, Action::Resume);
    assert_eq!(top_line(&again), before);
}

#[test]
fn a_place_in_the_lecturers_profile_is_saved_and_restored() {
    // At 80 columns, line 10 is the profile's second paragraph.
    head_place_round_trips(10);
}

#[test]
fn a_place_in_the_intro_is_saved_and_restored() {
    // Line 12 is the intro's first line, line 13 its second.
    head_place_round_trips(12);
    head_place_round_trips(13);
}

#[test]
fn every_save_carries_a_moved_position() {
    let mut app = sns(80, 24, Progress::default());
    act(&mut app, Action::Open);
    act(&mut app, Action::NextSection);
    act(&mut app, Action::ScrollDown);
    // Read markers may be saved on the way; what matters is the tick.
    act(&mut app, Action::ToggleFocus);
    let saved = act(&mut app, Action::ToggleTick);
    assert!(saved.iter().any(|c| matches!(c, Change::Tick { .. })));
    assert!(
        saved
            .iter()
            .any(|c| matches!(c, Change::Position { anchor, .. } if anchor.section.is_some())),
        "the tick's save carries the position: {saved:?}"
    );
    assert!(!app.position_pending());
}

/// A new user lands on the tour (the `basics` course sorts first), and `c`
/// with nothing to continue says so rather than doing nothing.
#[test]
fn a_fresh_start_selects_the_tour_and_c_explains_itself() {
    let library = bundle::load(&LessonsSource::Embedded).library;
    let mut app = App::new(library, Progress::default(), 80, 24);
    let rows = super::listing::rows(&app);
    let selected = super::listing::selectable(&rows)[app.list.selected].item;
    let at = selected.lesson().unwrap();
    assert_eq!(app.library.courses[at.course].id, "basics");
    assert_eq!(at.lesson, 0);
    act(&mut app, Action::Resume);
    assert_eq!(app.screen, super::app::Screen::List);
    assert_eq!(
        app.status.map(|s| s.message.essential).as_deref(),
        Some(super::strings::nothing_to_continue())
    );
}
