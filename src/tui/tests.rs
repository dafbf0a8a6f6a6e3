//! Unit tests of update (and keys) on the in-code sample library: pure, no
//! terminal.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Focus, Screen};
use super::listing::{self, Item};
use super::msg::{Action, Effect, Mouse, MouseKind, Msg};
use super::update::update;
use super::{geometry, keys, position, sample};
use terakoya_core::progress::{Anchor, Change, LessonKey, Progress};

pub(super) fn app(width: u16, height: u16) -> App {
    let mut app = App::new(sample::library(), Progress::default(), width, height);
    app.now = 1_700_000_000;
    app
}

fn key() -> LessonKey {
    LessonKey::new("study", "01-after-night-shift")
}

pub(super) fn act(app: &mut App, action: Action) -> Vec<Change> {
    changes(update(app, Msg::Action(action)))
}

pub(super) fn changes(effects: Vec<Effect>) -> Vec<Change> {
    effects
        .into_iter()
        .flat_map(|e| match e {
            Effect::Save(changes) => changes,
            Effect::Quit | Effect::Suspend => Vec::new(),
        })
        .collect()
}

fn top(app: &App) -> usize {
    app.lesson.as_ref().map_or(0, |l| l.top)
}

#[test]
fn opening_a_lesson_records_the_time() {
    let mut app = app(80, 24);
    let saved = act(&mut app, Action::Open);
    assert_eq!(app.screen, Screen::Lesson);
    assert_eq!(
        saved[0],
        Change::Opened {
            key: key(),
            at: 1_700_000_000
        }
    );
    assert_eq!(app.progress.last_opened, Some(key()));
}

#[test]
fn scrolling_stops_at_the_end_and_marks_sections_read_once() {
    let mut app = app(80, 12);
    act(&mut app, Action::Open);
    act(&mut app, Action::ScrollDown);
    assert_eq!(top(&app), 1);
    let saved = act(&mut app, Action::Bottom);
    let max = top(&app);
    assert!(max > 1);
    assert!(
        saved
            .iter()
            .any(|c| matches!(c, Change::SectionRead { section, .. } if section == "review"))
    );
    act(&mut app, Action::PageDown);
    assert_eq!(top(&app), max, "no scrolling past the end");
    // The end of the last section was seen already: not recorded again.
    let again = act(&mut app, Action::ScrollUp);
    assert!(
        !again
            .iter()
            .any(|c| matches!(c, Change::SectionRead { .. }))
    );
}

#[test]
fn a_section_is_read_only_once_its_end_has_shown() {
    let mut app = app(80, 12);
    act(&mut app, Action::Open);
    assert!(!app.is_section_read(&key(), "rest"));
    let mut read = false;
    for _ in 0..40 {
        let saved = act(&mut app, Action::ScrollDown);
        if saved
            .iter()
            .any(|c| matches!(c, Change::SectionRead { section, .. } if section == "rest"))
        {
            read = true;
            break;
        }
    }
    assert!(read);
    let state = app.lesson.as_ref().unwrap();
    let end = position::section_lines(&state.layout, 0).end - 1;
    let height = usize::from(geometry::content_text_area(app.area, app.reading_width).height);
    assert_eq!(
        state.top + height - 1,
        end,
        "read exactly when its last line came into view"
    );
}

#[test]
fn ticking_every_point_completes_the_lesson_and_unticking_reopens_it() {
    let mut app = app(80, 24);
    act(&mut app, Action::Open);
    act(&mut app, Action::ToggleFocus);
    assert_eq!(app.focus(), Focus::Checklist);
    let first = act(&mut app, Action::ToggleTick);
    assert_eq!(
        first,
        [Change::Tick {
            key: key(),
            point: "sleep".into(),
            ticked: true,
            at: 1_700_000_000,
        }]
    );
    let mut last = Vec::new();
    for _ in 0..4 {
        act(&mut app, Action::ScrollDown);
        last = act(&mut app, Action::ToggleTick);
    }
    assert!(last.contains(&Change::Completed {
        key: key(),
        at: Some(1_700_000_000)
    }));
    assert!(app.status.is_some());
    let undone = act(&mut app, Action::ToggleTick);
    assert_eq!(
        undone[0],
        Change::Tick {
            key: key(),
            point: "small-steps".into(),
            ticked: false,
            at: 1_700_000_000,
        }
    );
    assert!(undone.contains(&Change::Completed {
        key: key(),
        at: None
    }));
}

#[test]
fn position_is_saved_once_scrolling_settles_and_on_back() {
    let mut app = app(30, 12);
    act(&mut app, Action::Open);
    assert!(!app.position_pending(), "nothing moved yet");
    // Into the profile: no section's end comes into view, so nothing is
    // saved yet.
    for _ in 0..4 {
        assert!(act(&mut app, Action::ScrollDown).is_empty());
    }
    assert!(app.position_pending());
    let saved = changes(update(&mut app, Msg::Settled));
    assert!(matches!(&saved[..], [Change::Position { anchor, .. }] if anchor.section.is_none()));
    assert!(!app.position_pending());
    assert!(
        changes(update(&mut app, Msg::Settled)).is_empty(),
        "unchanged: not saved again"
    );
    act(&mut app, Action::ScrollDown);
    act(&mut app, Action::ScrollDown);
    let back = act(&mut app, Action::Back);
    assert!(matches!(&back[..], [Change::Position { .. }]));
    assert_eq!(app.screen, Screen::List);
}

#[test]
fn quit_saves_the_position_then_quits() {
    let mut app = app(30, 12);
    act(&mut app, Action::Open);
    for _ in 0..4 {
        act(&mut app, Action::ScrollDown);
    }
    let effects = update(&mut app, Msg::Action(Action::Quit));
    assert!(
        matches!(&effects[..], [Effect::Save(c), Effect::Quit] if matches!(c[0], Change::Position { .. }))
    );
}

#[test]
fn suspend_saves_the_position_then_suspends_and_keeps_the_state() {
    let mut app = app(30, 12);
    act(&mut app, Action::Open);
    for _ in 0..4 {
        act(&mut app, Action::ScrollDown);
    }
    let before = top(&app);
    let effects = update(&mut app, Msg::Action(Action::Suspend));
    assert!(
        matches!(&effects[..], [Effect::Save(c), Effect::Suspend] if matches!(c[0], Change::Position { .. }))
    );
    assert_eq!((app.screen, top(&app)), (Screen::Lesson, before));
}

#[test]
fn resume_returns_to_the_same_text_at_another_width() {
    let mut first = app(80, 12);
    act(&mut first, Action::Open);
    act(&mut first, Action::NextSection);
    act(&mut first, Action::NextSection);
    act(&mut first, Action::Quit);
    let anchor = first
        .progress
        .lesson(&key())
        .and_then(|p| p.position.clone());
    assert_eq!(
        anchor,
        Some(Anchor {
            section: Some("one-case".into()),
            block: 0,
            offset: 0
        })
    );

    let mut again = App::new(sample::library(), first.progress.clone(), 40, 12);
    let rows = listing::rows(&again);
    assert!(matches!(
        listing::selectable(&rows)[again.list.selected].item,
        Item::Continue(_)
    ));
    act(&mut again, Action::Resume);
    let state = again.lesson.as_ref().unwrap();
    assert_eq!(state.layout.width, 37);
    assert_eq!(state.top, state.layout.section_starts[1]);
}

#[test]
fn resize_rewraps_and_keeps_the_place() {
    let mut app = app(80, 12);
    act(&mut app, Action::Open);
    act(&mut app, Action::NextSection);
    act(&mut app, Action::NextSection);
    let _ = update(
        &mut app,
        Msg::Resize {
            width: 30,
            height: 16,
        },
    );
    let state = app.lesson.as_ref().unwrap();
    assert_eq!(state.layout.width, 27);
    assert_eq!(state.top, state.layout.section_starts[1]);
    for (w, h) in [(1, 1), (0, 0), (2, 1), (300, 100)] {
        let _ = update(
            &mut app,
            Msg::Resize {
                width: w,
                height: h,
            },
        );
    }
}

#[test]
fn a_completed_last_lesson_preselects_the_next_unfinished_one() {
    let mut progress = Progress::default();
    progress.apply(&Change::Opened { key: key(), at: 1 });
    for point in [
        "sleep",
        "three-lines",
        "ask-same-day",
        "weekly",
        "small-steps",
    ] {
        progress.apply(&Change::Tick {
            key: key(),
            point: point.into(),
            ticked: true,
            at: 1_700_000_000,
        });
    }
    let app = App::new(sample::library(), progress, 80, 24);
    let rows = listing::rows(&app);
    let selected = listing::selectable(&rows)[app.list.selected].item;
    assert_eq!(
        selected,
        Item::Lesson(super::app::LessonRef {
            course: 0,
            lesson: 1
        })
    );
}

#[test]
fn sections_jump_forward_and_back() {
    let mut app = app(80, 12);
    act(&mut app, Action::Open);
    act(&mut app, Action::NextSection);
    let starts = app.lesson.as_ref().unwrap().layout.section_starts.clone();
    assert_eq!(top(&app), starts[0]);
    act(&mut app, Action::NextSection);
    assert_eq!(top(&app), starts[1]);
    act(&mut app, Action::ScrollDown);
    act(&mut app, Action::PrevSection);
    assert_eq!(top(&app), starts[1], "first back to this section's start");
    act(&mut app, Action::PrevSection);
    assert_eq!(top(&app), starts[0]);
    act(&mut app, Action::PrevSection);
    assert_eq!(top(&app), 0);
}

#[test]
fn mouse_clicks_select_open_and_tick() {
    let mut app = app(120, 40);
    // Row 0 is the title, row 1 the course, rows 2-3 the first lesson, 4-5 the second.
    let click = |row, column| {
        Msg::Mouse(Mouse {
            kind: MouseKind::Click,
            column,
            row,
        })
    };
    let _ = update(&mut app, click(4, 5));
    assert_eq!(app.list.selected, 1);
    assert_eq!(app.screen, Screen::List);
    let _ = update(&mut app, click(5, 5));
    assert_eq!(
        app.screen,
        Screen::Lesson,
        "a click on the selected lesson opens it"
    );
    act(&mut app, Action::Back);
    // Now a "continue" row comes first and the course heading has a gap:
    // the first lesson is on rows 4-5.
    let _ = update(&mut app, click(4, 5));
    let _ = update(&mut app, click(5, 5));
    assert_eq!(app.lesson.as_ref().map(|l| l.key.clone()), Some(key()));
    let checklist = geometry::lesson_panes(app.area, Focus::Content)
        .checklist
        .unwrap();
    let saved = changes(update(
        &mut app,
        click(checklist.body.y + 2, checklist.body.x + 2),
    ));
    // The first point takes two lines at this width: the third line is the second point.
    assert_eq!(
        saved[0],
        Change::Tick {
            key: key(),
            point: "three-lines".into(),
            ticked: true,
            at: 1_700_000_000,
        }
    );
    assert_eq!(app.focus(), Focus::Checklist);
    let before = top(&app);
    let content = geometry::lesson_panes(app.area, Focus::Content)
        .content
        .unwrap();
    let _ = update(
        &mut app,
        Msg::Mouse(Mouse {
            kind: MouseKind::WheelDown,
            column: content.body.x,
            row: content.body.y,
        }),
    );
    assert!(
        top(&app) > before,
        "the wheel scrolls the pane under the pointer"
    );
}

#[test]
fn keys_depend_on_focus_and_help() {
    let press = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let mut app = app(80, 24);
    assert_eq!(keys::action_for(&app, press(KeyCode::Char(' '))), None);
    act(&mut app, Action::Open);
    assert_eq!(
        keys::action_for(&app, press(KeyCode::Char(' '))),
        Some(Action::PageDown)
    );
    act(&mut app, Action::ToggleFocus);
    assert_eq!(
        keys::action_for(&app, press(KeyCode::Char(' '))),
        Some(Action::ToggleTick)
    );
    act(&mut app, Action::ToggleHelp);
    assert_eq!(
        keys::action_for(&app, press(KeyCode::Esc)),
        Some(Action::ToggleHelp)
    );
    assert_eq!(keys::action_for(&app, press(KeyCode::Tab)), None);
    assert_eq!(
        keys::action_for(&app, press(KeyCode::Char('q'))),
        Some(Action::Quit)
    );
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(keys::action_for(&app, ctrl_c), Some(Action::Quit));
    let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert_eq!(keys::action_for(&app, ctrl_z), Some(Action::Suspend));
    let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(keys::action_for(&app, shift_g), Some(Action::Bottom));
}

#[test]
fn layouts_are_cached_per_lesson_and_width() {
    let mut app = app(80, 24);
    act(&mut app, Action::Open);
    let first = app.lesson.as_ref().unwrap().layout.clone();
    act(&mut app, Action::Back);
    act(&mut app, Action::Open);
    let again = app.lesson.as_ref().unwrap().layout.clone();
    assert!(
        std::sync::Arc::ptr_eq(&first, &again),
        "reopening reuses the layout"
    );
    let _ = update(
        &mut app,
        Msg::Resize {
            width: 50,
            height: 24,
        },
    );
    assert_eq!(app.lesson.as_ref().unwrap().layout.width, 47);
    let _ = update(
        &mut app,
        Msg::Resize {
            width: 80,
            height: 24,
        },
    );
    let back = app.lesson.as_ref().unwrap().layout.clone();
    assert!(
        std::sync::Arc::ptr_eq(&first, &back),
        "resizing back reuses it too"
    );
}

#[test]
fn the_layout_cache_is_keyed_by_lesson_id_not_by_position() {
    let mut app = app(80, 24);
    act(&mut app, Action::Open);
    let study = app.lesson.as_ref().unwrap().layout.clone();
    act(&mut app, Action::Back);
    // Another lesson now sits where the first one was.
    app.library.courses[0].lessons.swap(0, 1);
    let first = super::app::LessonRef {
        course: 0,
        lesson: 0,
    };
    let _ = super::reading::open(&mut app, first);
    let state = app.lesson.as_ref().unwrap();
    assert_eq!(state.key, LessonKey::new("study", "02-short"));
    assert!(!std::sync::Arc::ptr_eq(&study, &state.layout));
    assert!(state.layout.lines.len() < study.lines.len());
}

#[test]
fn a_click_in_the_outline_jumps_to_that_section() {
    let mut app = app(130, 10);
    act(&mut app, Action::Open);
    let outline = geometry::lesson_panes(app.area, Focus::Content)
        .outline
        .unwrap();
    let click = Mouse {
        kind: MouseKind::Click,
        column: outline.body.x + 1,
        row: outline.body.y + 1,
    };
    let _ = update(&mut app, Msg::Mouse(click));
    let state = app.lesson.as_ref().unwrap();
    assert_eq!(state.top, state.layout.section_starts[1]);
    assert_eq!(
        position::current_section(&state.layout, state.top),
        Some(1),
        "the second section is current"
    );
}

#[test]
fn a_stale_anchor_falls_back_to_its_section_then_the_lesson() {
    let open_at = |section: &str, block: u32| {
        let anchor = Anchor {
            section: Some(section.into()),
            block,
            offset: 0,
        };
        let mut progress = Progress::default();
        progress.apply(&Change::Position { key: key(), anchor });
        let mut app = App::new(sample::library(), progress, 80, 12);
        act(&mut app, Action::Open);
        let state = app.lesson.clone().unwrap();
        let pos = state.layout.lines[state.top].pos;
        (state.top, state.layout.section_starts.clone(), pos)
    };
    let (top, _, _) = open_at("gone", 3);
    assert_eq!(
        top, 0,
        "a section that no longer exists: the lesson's start"
    );
    let (top, starts, _) = open_at("one-case", 99);
    assert_eq!(
        top, starts[1],
        "a block that no longer exists: its section's start"
    );
    let (_, _, pos) = open_at("one-case", 1);
    let exact = terakoya_core::text::layout::SourcePos {
        section: Some(1),
        block: 1,
        offset: 0,
    };
    assert_eq!(pos, exact, "an anchor that exists is restored exactly");
}

#[test]
fn half_pages_move_half_as_far_as_pages() {
    let mut app = app(80, 12);
    act(&mut app, Action::Open);
    act(&mut app, Action::PageDown);
    let page = top(&app);
    act(&mut app, Action::Top);
    act(&mut app, Action::HalfPageDown);
    assert_eq!(top(&app), page / 2 + 1);
    act(&mut app, Action::HalfPageUp);
    assert_eq!(top(&app), 0);
}
