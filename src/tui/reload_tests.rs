//! The reload message: the new library in place, what the user was doing
//! kept (reading place, ticks, pane, checklist cursor, list selection).

use std::path::PathBuf;

use terakoya_core::bundle::{self, LessonsSource};
use terakoya_core::model::{Block, BlockKind, Library, SummaryPoint};
use terakoya_core::progress::LessonKey;

use super::app::{App, Focus, LessonRef, Message, Screen};
use super::listing::{self, Item};
use super::msg::{Action, Msg};
use super::reload::{Reload, merge};
use super::sample;
use super::tests::act;
use super::update::update;

fn app() -> App {
    super::tests::app(80, 24)
}

fn reload(app: &mut App, library: Library) {
    let _ = update(
        app,
        Msg::Reloaded(Reload {
            library,
            broken: Vec::new(),
            problem: None,
        }),
    );
}

fn top_text(app: &App) -> String {
    let state = app.lesson.as_ref().unwrap();
    state.layout.line_text(state.top).to_owned()
}

fn selected(app: &App) -> Option<Item> {
    let rows = listing::rows(app);
    listing::selectable(&rows)
        .get(app.list.selected)
        .map(|r| r.item)
}

fn study_key() -> LessonKey {
    LessonKey::new("study", "01-after-night-shift")
}

/// The sample library with a paragraph added to the study lesson's intro
/// (above the sections) and a point put first in its summary.
fn edited_library() -> Library {
    let mut library = sample::library();
    let lesson = &mut library.courses[0].lessons[0];
    lesson.intro.as_mut().unwrap().blocks.push(Block {
        kind: BlockKind::Paragraph,
        text: "書き足した段落です。".repeat(12),
        ..Block::default()
    });
    lesson.summary.insert(
        0,
        SummaryPoint {
            id: "new-first".into(),
            text: "新しく足した点".into(),
            ..Default::default()
        },
    );
    library
}

#[test]
fn a_reload_keeps_the_reading_place_ticks_focus_and_cursor() {
    let mut app = app();
    act(&mut app, Action::Open);
    act(&mut app, Action::NextSection);
    act(&mut app, Action::NextSection);
    act(&mut app, Action::ScrollDown);
    let before = top_text(&app);
    let top_before = app.lesson.as_ref().unwrap().top;
    act(&mut app, Action::ToggleFocus);
    act(&mut app, Action::ScrollDown);
    act(&mut app, Action::ToggleTick);
    let cursor_point = "three-lines";
    assert!(app.progress.is_ticked(&study_key(), cursor_point));

    reload(&mut app, edited_library());

    let state = app.lesson.as_ref().unwrap();
    assert_eq!(app.screen, Screen::Lesson);
    assert_eq!(top_text(&app), before, "the same line is on top");
    assert!(state.top > top_before, "the added paragraph is above it");
    assert_eq!(state.focus, Focus::Checklist);
    let (_, lesson) = app.open_lesson().unwrap();
    assert_eq!(lesson.summary[state.cursor].id, cursor_point);
    assert!(app.progress.is_ticked(&study_key(), cursor_point));
    assert!(
        lesson.intro.as_ref().unwrap().blocks.len() == 2,
        "the new text is what is shown"
    );
    assert!(
        state.layout.text.contains("書き足した段落です。"),
        "laid out again, not from the cache"
    );
}

#[test]
fn the_selection_stays_on_the_same_lesson_when_one_is_added_before_it() {
    let mut app = app();
    act(&mut app, Action::ScrollDown);
    let short = LessonRef {
        course: 0,
        lesson: 1,
    };
    assert_eq!(selected(&app), Some(Item::Lesson(short)));
    let mut library = sample::library();
    let mut added = sample::short_lesson();
    added.id = "00-welcome".into();
    added.path = PathBuf::from("<sample>/study/00-welcome.toml");
    library.courses[0].lessons.insert(0, added);

    reload(&mut app, library);

    let now = LessonRef {
        course: 0,
        lesson: 2,
    };
    assert_eq!(selected(&app), Some(Item::Lesson(now)));
    assert_eq!(app.library.courses[0].lessons.len(), 3, "it is listed");
}

#[test]
fn a_deleted_lesson_leaves_the_list_and_the_open_one_goes_back_to_it() {
    let mut app = app();
    act(&mut app, Action::Open);
    let mut library = sample::library();
    library.courses[0].lessons.remove(0);

    reload(&mut app, library);

    assert_eq!(app.screen, Screen::List);
    assert!(app.lesson.is_none());
    assert_eq!(app.library.courses[0].lessons.len(), 1);
    assert!(app.status.is_some(), "the status line says why");
}

fn broken_reload(library: Library, broken: &str) -> Reload {
    Reload {
        library,
        broken: vec![PathBuf::from(broken)],
        problem: Some(Message::new("01.toml:3:9: error: something")),
    }
}

#[test]
fn a_broken_file_keeps_its_last_good_text_and_shows_its_error_until_fixed() {
    let mut app = app();
    act(&mut app, Action::Open);
    act(&mut app, Action::NextSection);
    let before = top_text(&app);
    // A broken file's lesson is missing from what loaded.
    let mut without = sample::library();
    without.courses[0].lessons.remove(0);
    let broken = broken_reload(without, "<sample>/study/01-after-night-shift.toml");
    let _ = update(&mut app, Msg::Reloaded(broken));

    assert_eq!(app.screen, Screen::Lesson);
    assert_eq!(top_text(&app), before);
    assert_eq!(app.library, sample::library(), "the old lesson stays");
    assert!(app.problem.is_some());
    // Keys do not make the error go.
    for _ in 0..10 {
        act(&mut app, Action::ScrollDown);
    }
    assert!(app.problem.is_some());

    reload(&mut app, edited_library());
    assert_eq!(app.problem, None, "fixed: the error is gone");
    assert_eq!(app.library, edited_library());
}

#[test]
fn a_broken_course_file_keeps_the_whole_course() {
    let old = sample::library();
    let mut new = sample::library();
    new.courses[0].title = "study".into();
    new.courses[0].lessons.truncate(1);
    let merged = merge(
        &old,
        new.clone(),
        &[PathBuf::from("<sample>/study/course.toml")],
    );
    assert_eq!(merged, old);
    // A lesson that is gone without an error is gone.
    assert_eq!(merge(&old, new.clone(), &[]), new);
}

#[test]
fn a_reload_from_disk_words_the_first_error_as_check_does() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("c");
    std::fs::create_dir_all(&course).unwrap();
    std::fs::write(course.join("course.toml"), "title = \"講座\"\n").unwrap();
    let lesson = "title = \"第1回\"\n[[sections]]\nheading = 見出し\"\nbody = \"本文\"\n";
    std::fs::write(course.join("01.toml"), lesson).unwrap();
    std::fs::write(course.join("02.toml"), "title = 2\n").unwrap();
    let loaded = bundle::load(&LessonsSource::Path(dir.path().to_owned()));
    let first = crate::cli::diagnostic::headline(&loaded.diagnostics[0]);

    let reload = Reload::from_loaded(loaded);

    let problem = reload.problem.unwrap();
    assert_eq!(problem.essential, first);
    assert!(
        problem
            .essential
            .starts_with(&format!("{}:3:", course.join("01.toml").display())),
        "{}",
        problem.essential
    );
    assert!(problem.detail.is_some(), "the other error is counted");
    assert_eq!(reload.broken.len(), 2);
    assert!(reload.library.courses[0].lessons.is_empty());
}

#[test]
fn the_error_shows_in_the_status_line() {
    let mut app = app();
    let problem = "01.toml:3:9: error: something is wrong";
    let _ = update(
        &mut app,
        Msg::Reloaded(Reload {
            library: sample::library(),
            broken: Vec::new(),
            problem: Some(Message::new(problem)),
        }),
    );
    let backend = ratatui::backend::TestBackend::new(80, 24);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|frame| super::view::draw(&app, frame))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let last: String = (0..80)
        .map(|x| buffer[(x, 23)].symbol().to_owned())
        .collect();
    assert!(last.starts_with(problem), "{last:?}");
}
