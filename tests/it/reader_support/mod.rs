//! Shared by the reader's tests: the sample library, an app over it, and
//! drawing an app into a TestBackend.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use terakoya::tui::app::{App, LessonRef};
use terakoya::tui::listing;
use terakoya::tui::msg::{Action, Msg};
use terakoya::tui::update::update;
use terakoya::tui::view;
use terakoya_core::bundle::{self, LessonsSource};
use terakoya_core::model::Library;
use terakoya_core::progress::Progress;

/// The sample lessons compiled into the binary (the Japanese career
/// course and the English tour, `basics`).
pub fn library() -> Library {
    let loaded = bundle::load(&LessonsSource::Embedded);
    assert_eq!(loaded.error_count(), 0, "the samples load cleanly");
    loaded.library
}

pub fn app(width: u16, height: u16) -> App {
    let mut app = App::new(library(), Progress::default(), width, height);
    app.now = 1_700_000_000;
    app
}

/// Selects `course`/`lesson` in the list (as a user moving down to it).
pub fn select(app: &mut App, course: &str, lesson: &str) {
    let course = app
        .library
        .courses
        .iter()
        .position(|c| c.id == course)
        .expect("course");
    let index = app.library.courses[course]
        .lessons
        .iter()
        .position(|l| l.id == lesson)
        .expect("lesson");
    let rows = listing::rows(app);
    let at = LessonRef {
        course,
        lesson: index,
    };
    app.list.selected = listing::selectable(&rows)
        .iter()
        .position(|r| r.item == listing::Item::Lesson(at))
        .expect("a row for the lesson");
}

/// An app with the Japanese lesson 第6回 (career/06-sns) selected.
pub fn sns_app(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    select(&mut app, "career", "06-sns");
    app
}

pub fn act(app: &mut App, actions: &[Action]) {
    for &action in actions {
        let _ = update(app, Msg::Action(action));
    }
}

/// Draws `app` into a fresh TestBackend of the app's size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("test backend");
    terminal.draw(|frame| view::draw(app, frame)).expect("draw");
    terminal
}

/// The buffer's rows as text, one line each, quoted as ratatui's own
/// snapshot does but without its "hidden by multi-width symbols" notes, so
/// a Japanese diff stays readable: a wide character's trailing cell is
/// simply skipped.
pub fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut row = String::new();
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            row.push_str(symbol);
            skip = terakoya_core::text::width::str_width(symbol).saturating_sub(1);
        }
        out.push_str(&format!("\"{row}\"\n"));
    }
    out
}
