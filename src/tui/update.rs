//! The pure update: state + message → new state + effects. No I/O, no clock.

use ratatui::layout::Rect;

use super::app::{App, Screen, Status};
use super::geometry;
use super::listing::{self, Item};
use super::msg::{Action, Effect, Mouse, MouseKind, Msg};
use super::{help, reading, reload, results, review, scroll, search, stats, strings, toc};

/// Lines the mouse wheel scrolls per notch.
pub const WHEEL_LINES: isize = 3;

#[must_use = "the effects must be carried out (see run::dispatch)"]
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let mut effects = update_only(app, msg);
    with_position(app, &mut effects);
    effects
}

/// Every save also carries the reading position when it moved, so that
/// whatever is written (a tick, a section read) leaves the file current.
fn with_position(app: &mut App, effects: &mut [Effect]) {
    let Some(Effect::Save(changes)) = effects.iter_mut().find(|e| matches!(e, Effect::Save(_)))
    else {
        return;
    };
    for effect in reading::save_position(app) {
        if let Effect::Save(more) = effect {
            changes.extend(more);
        }
    }
}

fn update_only(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Action(action) => {
            app.status = Status::after_key(app.status.take());
            on_action(app, action)
        }
        Msg::Resize { width, height } => {
            app.area = Rect::new(0, 0, width, height);
            keep_selection_visible(app);
            results::keep_selection_visible(app);
            toc::follow(app);
            reading::relayout(app);
            clamp_help(app);
            reading::saves(reading::mark_read(app))
        }
        Msg::Mouse(mouse) => on_mouse(app, mouse),
        Msg::Prompt(key) => {
            app.status = Status::after_key(app.status.take());
            search::prompt_key(app, key)
        }
        Msg::Settled => reading::save_position(app),
        Msg::Saved { progress, warning } | Msg::Synced { progress, warning } => {
            let selected = selected_item(app);
            app.progress = progress;
            review::drop_unticked(app);
            if app.screen == Screen::List {
                review::refresh_due(app);
            }
            reselect(app, selected);
            if let Some(warning) = warning {
                app.status = Status::warning(warning);
            }
            Vec::new()
        }
        Msg::SaveFailed(problem) => {
            app.status = Status::warning(problem);
            Vec::new()
        }
        Msg::Reloaded(reload) => reload::apply(app, reload),
    }
}

fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
    // Both leave the screen: the position is saved first, as on any exit.
    let leave = match action {
        Action::Quit => Some(Effect::Quit),
        Action::Suspend => Some(Effect::Suspend),
        _ => None,
    };
    if let Some(leave) = leave {
        let mut effects = reading::save_position(app);
        effects.push(leave);
        return effects;
    }
    if app.help.is_some() {
        help_action(app, action);
        return Vec::new();
    }
    if app.search.contents.is_some() {
        return toc::action(app, action);
    }
    match app.screen {
        Screen::List => list_action(app, action),
        Screen::Lesson => reading::action(app, action),
        Screen::Results => results::action(app, action),
        Screen::Review => {
            let (lines, height) = review::body_size(app);
            review::action(app, action, lines, height)
        }
        Screen::Stats => {
            stats::action(app, action);
            Vec::new()
        }
    }
}

/// The help's row count and visible height at the current size.
fn help_size(app: &App) -> (usize, usize) {
    let (_, inner, rows) = help::layout(app.area, &app.keymap);
    (rows.len(), usize::from(inner.height))
}

fn help_action(app: &mut App, action: Action) {
    let (len, height) = help_size(app);
    let top = app.help.unwrap_or(0);
    let delta = match action {
        Action::ToggleHelp | Action::Back => {
            app.help = None;
            return;
        }
        Action::ScrollDown => 1,
        Action::ScrollUp => -1,
        Action::PageDown => scroll::page(height) as isize,
        Action::PageUp => -(scroll::page(height) as isize),
        Action::HalfPageDown => (height / 2).max(1) as isize,
        Action::HalfPageUp => -((height / 2).max(1) as isize),
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => 0,
    };
    app.help = Some(scroll::scroll_by(top, delta, len, height));
}

fn clamp_help(app: &mut App) {
    if let Some(top) = app.help {
        let (len, height) = help_size(app);
        app.help = Some(scroll::clamp_top(top, len, height));
    }
}

fn list_height(app: &App) -> usize {
    usize::from(geometry::list_panes(app.area).list.body.height)
}

fn list_action(app: &mut App, action: Action) -> Vec<Effect> {
    let count = listing::selectable(&listing::rows(app)).len();
    let height = list_height(app);
    // A lesson takes two lines: a page of lines is half as many lessons.
    let page = (scroll::page(height) / 2).max(1) as isize;
    let half_page = (height / 4).max(1) as isize;
    let selected = app.list.selected;
    app.list.selected = match action {
        Action::ScrollDown => scroll::move_cursor(selected, 1, count),
        Action::ScrollUp => scroll::move_cursor(selected, -1, count),
        Action::PageDown => scroll::move_cursor(selected, page, count),
        Action::PageUp => scroll::move_cursor(selected, -page, count),
        Action::HalfPageDown => scroll::move_cursor(selected, half_page, count),
        Action::HalfPageUp => scroll::move_cursor(selected, -half_page, count),
        Action::Top => 0,
        Action::Bottom => count.saturating_sub(1),
        Action::Open => return open_selected(app),
        Action::Search => return search::start(app),
        Action::OpenReview => return review::open(app),
        Action::OpenStats => {
            stats::open(app);
            return Vec::new();
        }
        Action::Resume => match listing::last_opened(app) {
            Some(at) => return reading::open(app, at),
            None => {
                app.status = Status::info(strings::nothing_to_continue());
                selected
            }
        },
        Action::ToggleHelp => {
            app.help = Some(0);
            selected
        }
        _ => selected,
    };
    keep_selection_visible(app);
    Vec::new()
}

fn open_selected(app: &mut App) -> Vec<Effect> {
    let selectable = listing::selectable(&listing::rows(app));
    let item = selectable.get(app.list.selected).map(|r| r.item);
    if item == Some(Item::Review) {
        return review::open(app);
    }
    match item.and_then(Item::lesson) {
        Some(at) => reading::open(app, at),
        None => Vec::new(),
    }
}

/// The list row selected now.
fn selected_item(app: &App) -> Option<Item> {
    let rows = listing::rows(app);
    listing::selectable(&rows)
        .get(app.list.selected)
        .map(|row| row.item)
}

/// Selects `item` again after the rows changed under it (a save's reply can
/// add the "continue" row, or point it at another lesson), so that the
/// selection never jumps to a neighbour.
fn reselect(app: &mut App, item: Option<Item>) {
    let Some(item) = item else {
        return;
    };
    let rows = listing::rows(app);
    let same = |row: &listing::Row| match (row.item, item) {
        (Item::Continue(_), Item::Continue(_)) => true,
        (now, before) => now == before,
    };
    if let Some(index) = listing::selectable(&rows).iter().position(same) {
        app.list.selected = index;
    }
    keep_selection_visible(app);
}

/// Scrolls the list so that the selected row shows (with its course
/// heading when it is the course's first lesson).
pub fn keep_selection_visible(app: &mut App) {
    let rows = listing::rows(app);
    let selectable = listing::selectable(&rows);
    app.list.selected = app.list.selected.min(selectable.len().saturating_sub(1));
    let height = list_height(app);
    let Some(row) = selectable.get(app.list.selected) else {
        app.list.top = 0;
        return;
    };
    let index = rows.iter().position(|r| r == row).unwrap_or(0);
    let start = match index.checked_sub(1).and_then(|i| rows.get(i)) {
        Some(prev) if matches!(prev.item, Item::Course(_)) => prev.start,
        _ => row.start,
    };
    let top = scroll::keep_visible(app.list.top, start, row.start + row.height, height);
    app.list.top = scroll::clamp_top(top, listing::total_lines(&rows), height);
}

fn on_mouse(app: &mut App, mouse: Mouse) -> Vec<Effect> {
    if app.help.is_some() {
        let action = match mouse.kind {
            MouseKind::WheelDown => Action::ScrollDown,
            MouseKind::WheelUp => Action::ScrollUp,
            MouseKind::Click => Action::ToggleHelp,
        };
        help_action(app, action);
        return Vec::new();
    }
    if app.search.contents.is_some() {
        return toc::mouse(app, mouse);
    }
    match app.screen {
        Screen::List => list_mouse(app, mouse),
        Screen::Lesson => reading::mouse(app, mouse),
        Screen::Results => results::mouse(app, mouse),
        Screen::Review | Screen::Stats => Vec::new(),
    }
}

/// A click selects a lesson; a click on the selected one opens it. The
/// wheel moves the selection.
fn list_mouse(app: &mut App, mouse: Mouse) -> Vec<Effect> {
    let body = geometry::list_panes(app.area).list.body;
    if !body.contains(mouse.position()) {
        return Vec::new();
    }
    match mouse.kind {
        MouseKind::WheelDown => list_action(app, Action::ScrollDown),
        MouseKind::WheelUp => list_action(app, Action::ScrollUp),
        MouseKind::Click => {
            let line = app.list.top + usize::from(mouse.row - body.y);
            let selectable = listing::selectable(&listing::rows(app));
            let Some(index) = selectable
                .iter()
                .position(|r| (r.start..r.start + r.height).contains(&line))
            else {
                return Vec::new();
            };
            if index == app.list.selected {
                return open_selected(app);
            }
            app.list.selected = index;
            keep_selection_visible(app);
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::sample;
    use terakoya_core::model::Lesson;
    use terakoya_core::progress::Progress;

    fn act(app: &mut App, action: Action) {
        let _ = update(app, Msg::Action(action));
    }

    #[test]
    fn a_save_reply_that_adds_the_continue_row_keeps_the_selection() {
        let mut app = App::new(sample::library(), Progress::default(), 80, 24);
        act(&mut app, Action::ScrollDown);
        let before = selected_item(&app);
        assert!(matches!(before, Some(Item::Lesson(at)) if at.lesson == 1));
        let first = crate::tui::app::LessonRef {
            course: 0,
            lesson: 0,
        };
        let saved = Progress {
            last_opened: app.key_of(first),
            ..Progress::default()
        };
        let _ = update(
            &mut app,
            Msg::Saved {
                progress: saved,
                warning: None,
            },
        );
        let rows = listing::rows(&app);
        assert!(
            matches!(rows[0].item, Item::Continue(_)),
            "the row is there"
        );
        assert_eq!(selected_item(&app), before);
        assert_eq!(app.list.selected, 2);
    }

    #[test]
    fn list_pages_move_a_page_of_lessons_and_half_pages_half_as_far() {
        let mut library = sample::library();
        let lesson = sample::short_lesson();
        library.courses[0].lessons = (0..40)
            .map(|n| Lesson {
                id: format!("l{n}"),
                ..lesson.clone()
            })
            .collect();
        let mut app = App::new(library, Progress::default(), 80, 24);
        // 22 lines of list: a page keeps one for context, a lesson takes two.
        act(&mut app, Action::PageDown);
        assert_eq!(app.list.selected, 10);
        act(&mut app, Action::PageUp);
        assert_eq!(app.list.selected, 0);
        act(&mut app, Action::HalfPageDown);
        assert_eq!(app.list.selected, 5);
        act(&mut app, Action::PageDown);
        let rows = listing::rows(&app);
        let row = listing::selectable(&rows)[app.list.selected];
        assert!(
            row.start >= app.list.top && row.start + row.height <= app.list.top + 22,
            "the selected lesson shows"
        );
    }
}
