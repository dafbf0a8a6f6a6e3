//! The end of a lesson: a lesson that fits on one screen still has its
//! section current after `]`, the end says so and where the summary is,
//! and a finished lesson offers the next one.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::{App, Focus};
use super::msg::{Action, Msg};
use super::tests::{act, app};
use super::update::update;
use super::{position, view};

fn rows(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    terminal.draw(|frame| view::draw(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect()
}

/// The app with the short lesson (one section, one point) open.
fn short(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    act(&mut app, Action::ScrollDown);
    act(&mut app, Action::Open);
    assert_eq!(app.lesson.as_ref().unwrap().at.lesson, 1);
    app
}

fn current(app: &App) -> Option<usize> {
    let state = app.lesson.as_ref().unwrap();
    position::current_section(&state.layout, state.top)
}

#[test]
fn in_a_lesson_that_fits_on_one_screen_a_section_jump_makes_it_current() {
    let mut app = short(80, 24);
    assert_eq!(current(&app), None);
    act(&mut app, Action::NextSection);
    assert_eq!(current(&app), Some(0));
    let screen = rows(&app);
    assert!(screen[0].starts_with("1/1 The only section"), "{screen:#?}");
    assert!(screen[1].contains("The only section"), "{screen:#?}");
    act(&mut app, Action::PrevSection);
    assert_eq!(current(&app), None);
}

#[test]
fn the_end_says_so_and_where_the_summary_is_when_it_is_hidden() {
    let mut app = short(80, 24);
    let screen = rows(&app);
    assert!(
        screen
            .iter()
            .any(|r| r.contains("The end · Summary: press Tab")),
        "{screen:#?}"
    );
    // Beside the text, the summary needs no pointer.
    let _ = update(
        &mut app,
        Msg::Resize {
            width: 120,
            height: 30,
        },
    );
    let screen = rows(&app);
    assert!(screen.iter().any(|r| r.contains("— End of the lesson —")));
    assert!(!screen.iter().any(|r| r.contains("press Tab")));
}

#[test]
fn a_finished_lesson_offers_the_next_one_at_its_end() {
    let mut app = app(80, 24);
    act(&mut app, Action::Open);
    let total = app.open_lesson().unwrap().1.summary.len();
    act(&mut app, Action::ToggleFocus);
    for _ in 0..total {
        act(&mut app, Action::ToggleTick);
        act(&mut app, Action::ScrollDown);
    }
    act(&mut app, Action::ToggleFocus);
    assert_eq!(app.focus(), Focus::Content);
    // Not at the end yet: Enter does nothing.
    act(&mut app, Action::Open);
    assert_eq!(app.lesson.as_ref().unwrap().at.lesson, 0);
    act(&mut app, Action::Bottom);
    let screen = rows(&app);
    assert!(
        screen
            .iter()
            .any(|r| r.contains("All points ticked · Enter: next lesson, A short lesson")),
        "{screen:#?}"
    );
    act(&mut app, Action::NextSection);
    assert_eq!(app.lesson.as_ref().unwrap().at.lesson, 1, "] opened it");
}

#[test]
fn the_heading_has_a_marker_and_the_biography_no_dim() {
    use ratatui::style::Modifier;
    let mut app = app(80, 24);
    act(&mut app, Action::Open);
    act(&mut app, Action::NextSection);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| view::draw(&app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer[(0, 1)].symbol(), "┃", "a marker left of the heading");
    assert!(buffer[(1, 1)].modifier.contains(Modifier::BOLD));
    act(&mut app, Action::Top);
    terminal.draw(|frame| view::draw(&app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let row = (0..24)
        .find(|&y| {
            let text: String = (0..80).map(|x| buffer[(x, y)].symbol()).collect();
            text.contains("総")
        })
        .expect("the biography shows");
    let cell = &buffer[(1, row)];
    assert!(!cell.modifier.contains(Modifier::DIM), "{cell:?}");
    assert!(cell.modifier.contains(Modifier::ITALIC), "{cell:?}");
}
