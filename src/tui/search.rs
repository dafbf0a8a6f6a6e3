//! Searching from the reader, as in less and vim: `/` opens a prompt on the
//! status line and every key typed searches again (incremental); in a
//! lesson the view jumps to the first match at or after where it was, in
//! the list the library's results show (see `results`). Enter keeps the
//! search, Esc puts everything back as it was; `n`/`N` step through the
//! matches and wrap around.
//!
//! Matching itself is the core's (`terakoya_core::search`): text and query
//! folded alike, so ｶﾞ finds ガ and ＳＮＳ finds SNS. The library's folded
//! text is prepared once, on the first search, and kept in the app.

use std::sync::Arc;

use terakoya_core::search::{Field, LibraryIndex, Match, Query};

use super::app::{App, Focus, LessonRef, Screen, Status};
use super::msg::{Action, Effect, PromptKey};
use super::position::{self, ViewAnchor};
use super::reading::{self, saves};
use super::results::Results;
use super::toc::Toc;
use super::{highlight, keys};
use crate::cli::echo;

/// The reader's search and navigation state, kept in the app.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// The library folded for searching, made on the first search.
    pub index: Option<Arc<LibraryIndex>>,
    /// The prompt, while it is open.
    pub prompt: Option<Prompt>,
    /// The search kept in the open lesson.
    pub lesson: Option<LessonSearch>,
    /// The library's results, while they are shown or can be returned to.
    pub results: Option<Results>,
    /// The table of contents popup, while it is open.
    pub contents: Option<Toc>,
}

/// What is being typed, and what Esc puts back.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub text: String,
    pub target: Target,
    restore: Restore,
}

/// Where a prompt searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Lesson,
    Library,
}

#[derive(Debug, Clone)]
struct Restore {
    screen: Screen,
    view: Option<View>,
    lesson: Option<LessonSearch>,
    results: Option<Results>,
}

/// The open lesson's view, as it was when the prompt opened.
#[derive(Debug, Clone, Copy)]
struct View {
    top: usize,
    anchor: ViewAnchor,
    focus: Focus,
    cursor: usize,
    checklist_top: usize,
}

/// A search kept in a lesson: its matches, in reading order, and the one
/// shown (`n`/`N` move from it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonSearch {
    pub at: LessonRef,
    pub typed: String,
    pub matches: Vec<Match>,
    pub current: usize,
}

impl SearchState {
    /// The kept search of the lesson at `at`, if it has matches.
    pub fn in_lesson(&self, at: LessonRef) -> Option<&LessonSearch> {
        self.lesson
            .as_ref()
            .filter(|s| s.at == at && !s.matches.is_empty())
    }
}

/// The library's folded text, made once.
pub fn index(app: &mut App) -> Arc<LibraryIndex> {
    let library = &app.library;
    Arc::clone(
        app.search
            .index
            .get_or_insert_with(|| Arc::new(LibraryIndex::new(library))),
    )
}

/// `/`: opens the prompt, in a lesson for it, elsewhere for the library.
pub fn start(app: &mut App) -> Vec<Effect> {
    let (target, view) = match app.screen {
        Screen::Lesson => (Target::Lesson, snapshot(app)),
        Screen::List | Screen::Results => (Target::Library, None),
        // Not bound there; nothing to search.
        Screen::Review | Screen::Stats => return Vec::new(),
    };
    // Editing the results' query starts from it, as typed.
    let text = match (target, &app.search.results) {
        (Target::Library, Some(results)) if app.screen == Screen::Results => results.typed.clone(),
        _ => String::new(),
    };
    app.search.prompt = Some(Prompt {
        text,
        target,
        restore: Restore {
            screen: app.screen,
            view,
            lesson: app.search.lesson.clone(),
            results: app.search.results.clone(),
        },
    });
    Vec::new()
}

fn snapshot(app: &App) -> Option<View> {
    let state = app.lesson.as_ref()?;
    Some(View {
        top: state.top,
        anchor: state.anchor,
        focus: state.focus,
        cursor: state.cursor,
        checklist_top: state.checklist_top,
    })
}

fn put_back(app: &mut App, view: View) {
    if let Some(state) = app.lesson.as_mut() {
        state.top = view.top;
        state.anchor = view.anchor;
        state.focus = view.focus;
        state.cursor = view.cursor;
        state.checklist_top = view.checklist_top;
    }
    app.refresh_screen();
}

/// A key typed into the prompt.
pub fn prompt_key(app: &mut App, key: PromptKey) -> Vec<Effect> {
    let Some(prompt) = app.search.prompt.as_mut() else {
        return Vec::new();
    };
    match key {
        PromptKey::Char(c) => prompt.text.push(c),
        PromptKey::Backspace if prompt.text.is_empty() => return cancel(app),
        PromptKey::Backspace => {
            prompt.text.pop();
        }
        PromptKey::Clear => prompt.text.clear(),
        PromptKey::Accept => return accept(app),
        PromptKey::Cancel => return cancel(app),
    }
    refresh(app);
    Vec::new()
}

/// Searches again for the prompt's text, from where the prompt opened.
fn refresh(app: &mut App) {
    let Some(prompt) = app.search.prompt.clone() else {
        return;
    };
    match prompt.target {
        Target::Lesson => {
            if let Some(view) = prompt.restore.view {
                put_back(app, view);
            }
            app.search.lesson = search_lesson(app, &prompt.text);
            if let Some(current) = app.search.lesson.as_ref().map(|s| s.current) {
                show_match(app, current);
            }
        }
        Target::Library => {
            let results = Query::new(&prompt.text).map(|query| {
                let hits = index(app).search(&query);
                Results::new(prompt.text.clone(), hits)
            });
            app.screen = match results {
                Some(_) => Screen::Results,
                None => prompt.restore.screen,
            };
            app.search.results = results;
        }
    }
}

/// The open lesson's matches for `typed`, the current one being the first
/// at or after the top of the view (the first of all past the last).
fn search_lesson(app: &mut App, typed: &str) -> Option<LessonSearch> {
    let query = Query::new(typed)?;
    let at = app.lesson.as_ref()?.at;
    let index = index(app);
    let matches = index.lesson(at.course, at.lesson)?.find(&query);
    let (state, lesson) = app.open_lesson()?;
    let (matches, _) = highlight::shown_matches(&state.layout, lesson, matches, 0);
    let top = state.top;
    let line = |m: &Match| highlight::line_of_match(&state.layout, lesson, m).unwrap_or(usize::MAX);
    let first = matches.partition_point(|m| line(m) < top);
    let current = if first < matches.len() { first } else { 0 };
    Some(LessonSearch {
        at,
        typed: typed.to_owned(),
        matches,
        current,
    })
}

fn accept(app: &mut App) -> Vec<Effect> {
    let Some(prompt) = app.search.prompt.take() else {
        return Vec::new();
    };
    if prompt.text.trim().is_empty() {
        // An empty search is no search: the highlights go.
        match prompt.target {
            Target::Lesson => app.search.lesson = None,
            Target::Library => {
                app.search.results = None;
                app.screen = Screen::List;
            }
        }
        return Vec::new();
    }
    let found = match prompt.target {
        Target::Lesson => app
            .search
            .lesson
            .as_ref()
            .is_some_and(|s| !s.matches.is_empty()),
        Target::Library => app
            .search
            .results
            .as_ref()
            .is_some_and(|r| !r.hits.is_empty()),
    };
    if !found {
        app.status = Status::info(not_found(&prompt.text));
        match prompt.target {
            Target::Lesson => app.search.lesson = None,
            Target::Library => {
                app.search.results = None;
                app.screen = Screen::List;
            }
        }
        return Vec::new();
    }
    match prompt.target {
        Target::Lesson => saves(reading::mark_read(app)),
        Target::Library => Vec::new(),
    }
}

fn cancel(app: &mut App) -> Vec<Effect> {
    let Some(prompt) = app.search.prompt.take() else {
        return Vec::new();
    };
    let restore = prompt.restore;
    if let Some(view) = restore.view {
        put_back(app, view);
    }
    app.search.lesson = restore.lesson;
    app.search.results = restore.results;
    app.screen = restore.screen;
    Vec::new()
}

/// "not found: QUERY", the query shown with visible escapes.
pub fn not_found(typed: &str) -> String {
    crate::t!("search_ui.not_found", query = echo::shown(typed))
}

/// `n` (forward) or `N`: the next or previous match, wrapping around with
/// a note. From a view scrolled away from the current match, the search
/// goes on from the top of the view.
pub fn step(app: &mut App, forward: bool) -> Vec<Effect> {
    let Some(at) = app.lesson.as_ref().map(|s| s.at) else {
        return Vec::new();
    };
    let Some(search) = app.search.in_lesson(at) else {
        let key = keys::labels(&app.keymap, keys::Context::Lesson, Action::Search)
            .into_iter()
            .next()
            .unwrap_or_default();
        app.status = Status::info(crate::t!("search_ui.no_search", key = key));
        return Vec::new();
    };
    let len = search.matches.len();
    let current = search.current;
    let (next, wrapped) = if is_visible(app, current) {
        if forward {
            ((current + 1) % len, current + 1 == len)
        } else {
            ((current + len - 1) % len, current == 0)
        }
    } else {
        nearest(app, forward).unwrap_or((current, false))
    };
    if let Some(search) = app.search.lesson.as_mut() {
        search.current = next;
    }
    show_match(app, next);
    if wrapped {
        app.status = Status::info(crate::t!("search_ui.wrapped"));
    }
    saves(reading::mark_read(app))
}

/// The match to go on from when the current one is out of view: the first
/// starting in or after the view, or the last before it; and whether that
/// wrapped around the lesson.
fn nearest(app: &App, forward: bool) -> Option<(usize, bool)> {
    let (state, lesson) = app.open_lesson()?;
    let search = app.search.in_lesson(state.at)?;
    let len = search.matches.len();
    let line = |m: &Match| highlight::line_of_match(&state.layout, lesson, m).unwrap_or(usize::MAX);
    let first = search.matches.partition_point(|m| line(m) < state.top);
    Some(match (forward, first) {
        (true, f) if f < len => (f, false),
        (true, _) => (0, true),
        (false, 0) => (len - 1, true),
        (false, f) => (f - 1, false),
    })
}

/// Whether match `index` shows now: its line in the text's view, or its
/// point focused in the summary.
fn is_visible(app: &App, index: usize) -> bool {
    let Some((state, lesson)) = app.open_lesson() else {
        return false;
    };
    let Some(found) = app
        .search
        .in_lesson(state.at)
        .and_then(|s| s.matches.get(index))
    else {
        return false;
    };
    if let Field::Summary(point) = found.field {
        return state.focus == Focus::Checklist && state.cursor == point;
    }
    let height = state.screen.text_height();
    highlight::line_of_match(&state.layout, lesson, found)
        .is_some_and(|line| (state.top..state.top + height).contains(&line))
}

/// Lines kept above a match the view jumps to, for context.
const CONTEXT_LINES: usize = 2;

/// Moves the view to match `index`: a point in the summary gets the focus;
/// text scrolls only when the match is out of view, to a line with a
/// little context above.
pub fn show_match(app: &mut App, index: usize) {
    let Some((state, lesson)) = app.open_lesson() else {
        return;
    };
    let Some(found) = app
        .search
        .in_lesson(state.at)
        .and_then(|s| s.matches.get(index))
    else {
        return;
    };
    if let Field::Summary(point) = found.field {
        reading::set_focus(app, Focus::Checklist);
        if let Some(state) = app.lesson.as_mut() {
            state.cursor = point;
        }
        reading::keep_cursor_visible(app);
        return;
    }
    let Some(line) = highlight::line_of_match(&state.layout, lesson, found) else {
        return;
    };
    if state.focus == Focus::Checklist {
        reading::set_focus(app, Focus::Content);
    }
    let height = reading::text_height(app);
    let Some(state) = app.lesson.as_mut() else {
        return;
    };
    let old_top = state.top;
    if !(state.top..state.top + height).contains(&line) {
        let context = CONTEXT_LINES.min(height / 3);
        state.top = position::clamp_text_top(&state.layout, line.saturating_sub(context), height);
    }
    reading::anchor_if_moved(state, old_top);
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
