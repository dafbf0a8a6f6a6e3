//! The update of the lesson screen: opening, scrolling, sections, the
//! checklist, reading positions. Pure, like the rest of update.

use std::sync::Arc;
use terakoya_core::progress::Change;

use terakoya_core::text::layout::{LessonLayout, layout_lesson_with};
use terakoya_core::text::styled::DisplayOptions;

use super::app::{App, Focus, LessonRef, LessonState, Screen, Status};
use super::geometry;
use super::msg::{Action, Effect, Mouse, MouseKind};
use super::screen::{self, LessonScreen};
use super::update::{WHEEL_LINES, keep_selection_visible};
use super::{checklist, listing, position, scroll, search, strings, toc};

/// Wraps changes in a save effect (none when there is nothing to save).
pub fn saves(changes: Vec<Change>) -> Vec<Effect> {
    if changes.is_empty() {
        Vec::new()
    } else {
        vec![Effect::Save(changes)]
    }
}

/// Applies changes to the app's progress at once (so the screen shows them
/// before the store answers) and returns them for saving.
fn record(app: &mut App, changes: Vec<Change>) -> Vec<Change> {
    for change in &changes {
        app.progress.apply(change);
    }
    changes
}

fn text_width(app: &App) -> u16 {
    geometry::content_text_area(app.area, app.reading_width)
        .width
        .max(1)
}

pub(super) fn text_height(app: &App) -> usize {
    app.lesson.as_ref().map_or(0, |s| s.screen.text_height())
}

/// Opens a lesson at its saved position.
pub fn open(app: &mut App, at: LessonRef) -> Vec<Effect> {
    let width = text_width(app);
    let (Some(key), Some(layout)) = (app.key_of(at), layout_for(app, at, width)) else {
        return Vec::new();
    };
    let Some(lesson) = app.lesson_at(at) else {
        return Vec::new();
    };
    let anchor = app
        .progress
        .lesson(&key)
        .and_then(|p| p.position.as_ref())
        .map_or_else(
            || position::view_anchor(&layout, 0),
            |a| position::ViewAnchor {
                pos: position::pos_of_anchor(lesson, a),
                delta: 0,
            },
        );
    let cursor = lesson
        .summary
        .iter()
        .position(|p| !app.progress.is_ticked(&key, &p.id))
        .unwrap_or(0);
    let screen = LessonScreen::new(
        app.area,
        Focus::Content,
        lesson,
        app.reading_width,
        app.ruby,
    );
    let top = position::top_of(&layout, anchor);
    let top = position::clamp_text_top(&layout, top, screen.text_height());
    app.lesson = Some(LessonState {
        at,
        key: key.clone(),
        layout,
        top,
        anchor,
        focus: Focus::Content,
        cursor,
        checklist_top: 0,
        saved_anchor: None,
        screen,
    });
    app.screen = Screen::Lesson;
    app.search.lesson = None;
    app.search.contents = None;
    // Where the reader starts is where it is: nothing to save until it moves.
    if let Some((state, lesson)) = app.open_lesson() {
        let anchor = position::anchor_at(state, lesson);
        if let Some(state) = app.lesson.as_mut() {
            state.saved_anchor = Some(anchor);
        }
    }
    keep_cursor_visible(app);
    let mut changes = record(app, vec![Change::Opened { key, at: app.now }]);
    changes.extend(mark_read(app));
    saves(changes)
}

/// Lays the open lesson out again when the text width changed, and puts
/// the reading anchor back on top (the anchor itself does not move, so a
/// resize and back returns to the same line).
pub fn relayout(app: &mut App) {
    app.refresh_screen();
    let width = text_width(app);
    let height = text_height(app);
    let Some((at, old_width)) = app.lesson.as_ref().map(|s| (s.at, s.layout.width)) else {
        return;
    };
    let layout = if old_width == width {
        None
    } else {
        layout_for(app, at, width)
    };
    let Some(state) = app.lesson.as_mut() else {
        return;
    };
    if let Some(layout) = layout {
        state.layout = layout;
    }
    state.top = position::top_of(&state.layout, state.anchor);
    state.top = position::clamp_text_top(&state.layout, state.top, height);
    keep_cursor_visible(app);
}

/// The lesson laid out at `width`, from the cache or made now. The cache
/// keeps a few (lesson, width) layouts, so going back and forth between
/// lessons or sizes does not lay a long lesson out again.
pub fn layout_for(app: &mut App, at: LessonRef, width: u16) -> Option<Arc<LessonLayout>> {
    let key = (app.key_of(at)?, width, app.ruby);
    if let Some(layout) = app.layouts.get(&key) {
        return Some(Arc::clone(layout));
    }
    let options = DisplayOptions {
        ruby: app.ruby,
        ..DisplayOptions::default()
    };
    let layout = Arc::new(layout_lesson_with(app.lesson_at(at)?, width, options));
    if app.layouts.len() >= LAYOUT_CACHE_SIZE {
        app.layouts.clear();
    }
    app.layouts.insert(key, Arc::clone(&layout));
    Some(layout)
}

/// How many layouts the cache holds before it starts afresh.
const LAYOUT_CACHE_SIZE: usize = 4;

/// Marks read every section whose end is on screen now.
pub fn mark_read(app: &mut App) -> Vec<Change> {
    let Some((state, lesson)) = app.open_lesson() else {
        return Vec::new();
    };
    // Only the text on screen is read (not when the summary hides it).
    if state.screen.panes.content.is_none() {
        return Vec::new();
    }
    let height = state.screen.text_height();
    let now = app.now;
    let changes = position::sections_ending_in(&state.layout, state.top..state.top + height)
        .into_iter()
        .filter_map(|i| lesson.sections.get(i))
        .filter(|s| !app.is_section_read(&state.key, &s.id))
        .map(|s| Change::SectionRead {
            key: state.key.clone(),
            section: s.id.clone(),
            at: now,
        })
        .collect();
    record(app, changes)
}

/// Saves the reading position if it moved since the last save.
pub fn save_position(app: &mut App) -> Vec<Effect> {
    let Some((state, lesson)) = app.open_lesson() else {
        return Vec::new();
    };
    let anchor = position::anchor_at(state, lesson);
    if state.saved_anchor.as_ref() == Some(&anchor) {
        return Vec::new();
    }
    let change = Change::Position {
        key: state.key.clone(),
        anchor: anchor.clone(),
    };
    if let Some(state) = app.lesson.as_mut() {
        state.saved_anchor = Some(anchor);
    }
    saves(record(app, vec![change]))
}

pub fn action(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Back => back(app),
        Action::Search => search::start(app),
        Action::SearchNext | Action::SearchPrev => search::step(app, action == Action::SearchNext),
        Action::Contents => toc::open(app),
        Action::ToggleHelp => {
            app.help = Some(0);
            Vec::new()
        }
        Action::ToggleFocus => {
            let focus = match app.focus() {
                Focus::Content => Focus::Checklist,
                Focus::Checklist => Focus::Content,
            };
            set_focus(app, focus);
            keep_cursor_visible(app);
            saves(mark_read(app))
        }
        Action::NextSection | Action::PrevSection => {
            // When the summary hides the text, jumping shows the text: a
            // jump in a pane one cannot see would go unnoticed.
            if !app
                .lesson
                .as_ref()
                .is_some_and(|s| s.screen.panes.side_by_side)
            {
                set_focus(app, Focus::Content);
            }
            scroll_content(app, action)
        }
        _ if app.focus() == Focus::Checklist => checklist_action(app, action),
        _ => scroll_content(app, action),
    }
}

fn back(app: &mut App) -> Vec<Effect> {
    let effects = save_position(app);
    if let Some(state) = app.lesson.take() {
        let rows = listing::rows(app);
        let selectable = listing::selectable(&rows);
        if let Some(index) = selectable
            .iter()
            .position(|r| r.item == listing::Item::Lesson(state.at))
        {
            app.list.selected = index;
        }
    }
    app.search.lesson = None;
    // Opened from the search results: back to them.
    app.screen = if app.search.results.is_some() {
        Screen::Results
    } else {
        Screen::List
    };
    keep_selection_visible(app);
    effects
}

fn scroll_content(app: &mut App, action: Action) -> Vec<Effect> {
    let height = text_height(app);
    if matches!(action, Action::NextSection | Action::Open) && at_finished_end(app) {
        // The end of a finished lesson offers the next one: Enter or ] opens it.
        if let Some(next) = next_lesson(app) {
            let mut effects = save_position(app);
            effects.extend(open(app, next));
            return effects;
        }
    }
    let Some(state) = app.lesson.as_mut() else {
        return Vec::new();
    };
    let layout = &state.layout;
    let page = scroll::page(height) as isize;
    let top = state.top;
    let by = |delta| position::scroll_text(layout, top, delta, height);
    state.top = match action {
        Action::ScrollDown => by(1),
        Action::ScrollUp => by(-1),
        Action::PageDown => by(page),
        Action::PageUp => by(-page),
        Action::HalfPageDown => by(page / 2 + 1),
        Action::HalfPageUp => by(-(page / 2 + 1)),
        Action::Top => 0,
        Action::Bottom => position::end_top(layout, height),
        Action::NextSection => position::next_section_top(layout, top).unwrap_or(top),
        Action::PrevSection => position::prev_section_top(layout, top),
        _ => top,
    };
    state.top = position::clamp_text_top(&state.layout, state.top, height);
    anchor_if_moved(state, top);
    saves(mark_read(app))
}

/// Whether the view shows the end of a lesson whose points are all ticked.
pub fn at_finished_end(app: &App) -> bool {
    let height = text_height(app);
    app.open_lesson().is_some_and(|(state, lesson)| {
        position::end_in_view(&state.layout, state.top, height)
            && app.is_complete(&state.key, lesson)
    })
}

/// The lesson after the open one: the next in its course, else the first
/// of the next course that has lessons.
pub fn next_lesson(app: &App) -> Option<LessonRef> {
    let at = app.lesson.as_ref()?.at;
    let courses = &app.library.courses;
    if at.lesson + 1 < courses.get(at.course)?.lessons.len() {
        return Some(LessonRef {
            lesson: at.lesson + 1,
            ..at
        });
    }
    let course = (at.course + 1..courses.len()).find(|&c| !courses[c].lessons.is_empty())?;
    Some(LessonRef { course, lesson: 0 })
}

/// After the user scrolled from `old_top`: the new top line becomes the
/// reading anchor, if the view moved at all.
pub(super) fn anchor_if_moved(state: &mut LessonState, old_top: usize) {
    if state.top != old_top {
        state.anchor = position::view_anchor(&state.layout, state.top);
    }
}

fn checklist_action(app: &mut App, action: Action) -> Vec<Effect> {
    let count = app.open_lesson().map_or(0, |(_, l)| l.summary.len());
    let Some(state) = app.lesson.as_mut() else {
        return Vec::new();
    };
    let cursor = state.cursor;
    state.cursor = match action {
        Action::ScrollDown | Action::ScrollUp => {
            step_checklist(app, action == Action::ScrollDown);
            return Vec::new();
        }
        Action::PageDown | Action::Bottom => count.saturating_sub(1),
        Action::PageUp | Action::Top => 0,
        Action::HalfPageDown => scroll::move_cursor(cursor, 2, count),
        Action::HalfPageUp => scroll::move_cursor(cursor, -2, count),
        Action::ToggleTick => return toggle_tick(app),
        _ => cursor,
    };
    keep_cursor_visible(app);
    Vec::new()
}

/// j/k in the checklist: see [`checklist::step`].
fn step_checklist(app: &mut App, down: bool) {
    let Some((lines, height, count)) = fitted_checklist(app) else {
        return;
    };
    let Some(state) = app.lesson.as_mut() else {
        return;
    };
    (state.checklist_top, state.cursor) = checklist::step(
        &lines,
        (state.checklist_top, state.cursor),
        count,
        height,
        down,
    );
}

/// The open lesson's checklist as laid out for this terminal: its lines,
/// the rows they have and the number of points.
fn fitted_checklist(app: &App) -> Option<(Vec<checklist::CheckLine>, usize, usize)> {
    let (state, lesson) = app.open_lesson()?;
    let screen = &state.screen;
    Some((
        screen.checklist.clone(),
        screen.checklist_height(),
        lesson.summary.len(),
    ))
}

/// Ticks or unticks the focused point; the lesson is completed when its
/// last point is ticked, and no longer when one is unticked.
fn toggle_tick(app: &mut App) -> Vec<Effect> {
    let Some((state, lesson)) = app.open_lesson() else {
        return Vec::new();
    };
    let Some(point) = lesson.summary.get(state.cursor) else {
        return Vec::new();
    };
    let key = state.key.clone();
    let ticked = !app.progress.is_ticked(&key, &point.id);
    let was_complete = app
        .progress
        .lesson(&key)
        .and_then(|p| p.completed)
        .is_some();
    let total = lesson.summary.len();
    let mut changes = record(
        app,
        vec![Change::Tick {
            key: key.clone(),
            point: point.id.clone(),
            ticked,
            at: app.now,
        }],
    );
    let now_complete = app
        .open_lesson()
        .is_some_and(|(_, l)| app.ticked_count(&key, l) == total);
    if now_complete && !was_complete {
        changes.extend(record(
            app,
            vec![Change::Completed {
                key,
                at: Some(app.now),
            }],
        ));
        app.status = Status::info(strings::lesson_complete());
    } else if !now_complete && was_complete {
        changes.extend(record(app, vec![Change::Completed { key, at: None }]));
    }
    saves(changes)
}

/// Scrolls the checklist so that the focused point shows.
pub fn keep_cursor_visible(app: &mut App) {
    let Some((lines, height, _)) = fitted_checklist(app) else {
        return;
    };
    let Some(state) = app.lesson.as_mut() else {
        return;
    };
    state.checklist_top =
        checklist::top_for_cursor(&lines, state.checklist_top, state.cursor, height);
}

pub fn mouse(app: &mut App, mouse: Mouse) -> Vec<Effect> {
    let Some(panes) = app.lesson.as_ref().map(|s| s.screen.panes) else {
        return Vec::new();
    };
    let at = |pane: Option<geometry::Pane>| {
        pane.is_some_and(|p| p.title.union(p.body).contains(mouse.position()))
    };
    if at(panes.checklist) {
        return checklist_mouse(app, mouse);
    }
    if at(panes.outline) {
        return outline_mouse(app, mouse);
    }
    if at(panes.content) {
        return content_mouse(app, mouse);
    }
    Vec::new()
}

pub(super) fn set_focus(app: &mut App, focus: Focus) {
    if let Some(state) = app.lesson.as_mut() {
        state.focus = focus;
    }
    app.refresh_screen();
}

fn content_mouse(app: &mut App, mouse: Mouse) -> Vec<Effect> {
    let height = text_height(app);
    let Some(state) = app.lesson.as_mut() else {
        return Vec::new();
    };
    let old_top = state.top;
    let by = |delta| position::scroll_text(&state.layout, old_top, delta, height);
    match mouse.kind {
        MouseKind::WheelDown => state.top = by(WHEEL_LINES),
        MouseKind::WheelUp => state.top = by(-WHEEL_LINES),
        MouseKind::Click => {
            set_focus(app, Focus::Content);
            return saves(mark_read(app));
        }
    }
    anchor_if_moved(state, old_top);
    saves(mark_read(app))
}

/// A click on a section in the outline jumps there; the wheel scrolls the text.
fn outline_mouse(app: &mut App, mouse: Mouse) -> Vec<Effect> {
    if mouse.kind != MouseKind::Click {
        return content_mouse(app, mouse);
    }
    let height = text_height(app);
    let Some(state) = app.lesson.as_mut() else {
        return Vec::new();
    };
    let section = screen::outline_rows(state)
        .into_iter()
        .find(|(row, _)| row.contains(mouse.position()))
        .map(|(_, section)| section);
    if let Some(&start) = section.and_then(|s| state.layout.section_starts.get(s)) {
        let old_top = state.top;
        state.top = position::clamp_text_top(&state.layout, start, height);
        anchor_if_moved(state, old_top);
    }
    saves(mark_read(app))
}

/// A click on a point ticks it; the wheel scrolls the checklist.
fn checklist_mouse(app: &mut App, mouse: Mouse) -> Vec<Effect> {
    set_focus(app, Focus::Checklist);
    let Some(state) = app.lesson.as_mut() else {
        return Vec::new();
    };
    let lines = state.screen.checklist.len();
    let height = usize::from(state.screen.checklist_body.height);
    match mouse.kind {
        MouseKind::WheelDown | MouseKind::WheelUp => {
            let delta = if mouse.kind == MouseKind::WheelDown {
                WHEEL_LINES
            } else {
                -WHEEL_LINES
            };
            let top = scroll::scroll_by(state.checklist_top, delta, lines, height);
            // The view may stand past the usual end (a point's first line on
            // top): the wheel down never moves it back up.
            state.checklist_top = if delta > 0 {
                top.max(state.checklist_top)
            } else {
                top
            };
            Vec::new()
        }
        // Only the text's rows tick: not the scrollbar's column (nor the
        // gap before it).
        MouseKind::Click => {
            let point = screen::checklist_rows(state)
                .into_iter()
                .find(|(row, _)| row.contains(mouse.position()))
                .map(|(_, line)| line.point);
            match point {
                Some(point) => {
                    state.cursor = point;
                    toggle_tick(app)
                }
                None => Vec::new(),
            }
        }
    }
}
