//! The library's search results: grouped by lesson (best-known lessons
//! first, as the core ranks them), each match on two lines, where it is
//! and the matched text in context. Enter opens the lesson at the match
//! with the search kept, so `n` goes on inside it; Esc returns to the list.

use terakoya_core::search::LessonHits;

use super::app::{App, LessonRef, Screen};
use super::msg::{Action, Effect, Mouse, MouseKind};
use super::search::{self, LessonSearch};
use super::{geometry, reading, scroll};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    /// The query as typed.
    pub typed: String,
    pub hits: Vec<LessonHits>,
    /// The selected match, counted over all lessons' matches.
    pub selected: usize,
    /// First visible line.
    pub top: usize,
}

/// A row of the results: a lesson's heading (with a blank line above it
/// but for the first), or one match (two lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Lesson { hit: usize },
    Match { hit: usize, found: usize },
}

/// Lines a match row takes: where it is, and the text around it.
pub const MATCH_LINES: usize = 2;

impl Results {
    pub fn new(typed: String, hits: Vec<LessonHits>) -> Results {
        Results {
            typed,
            hits,
            selected: 0,
            top: 0,
        }
    }

    pub fn match_count(&self) -> usize {
        self.hits.iter().map(|h| h.matches.len()).sum()
    }

    /// Every row with its first line, top to bottom.
    pub fn rows(&self) -> Vec<(usize, Row)> {
        let mut rows = Vec::with_capacity(self.hits.len() + self.match_count());
        let mut line = 0;
        for (hit, hits) in self.hits.iter().enumerate() {
            let gap = usize::from(hit > 0);
            rows.push((line, Row::Lesson { hit }));
            line += 1 + gap;
            for found in 0..hits.matches.len() {
                rows.push((line, Row::Match { hit, found }));
                line += MATCH_LINES;
            }
        }
        rows
    }

    /// Lines of all rows.
    pub fn total_lines(&self) -> usize {
        let matches = self.match_count();
        let lessons = self.hits.len();
        lessons + lessons.saturating_sub(1) + matches * MATCH_LINES
    }

    /// The selected match: its lesson's hits and its index in them.
    pub fn selected_match(&self) -> Option<(usize, usize)> {
        let mut left = self.selected;
        for (hit, hits) in self.hits.iter().enumerate() {
            if left < hits.matches.len() {
                return Some((hit, left));
            }
            left -= hits.matches.len();
        }
        None
    }

    /// The first line of the selected match's row, and of its lesson's
    /// heading when it is the lesson's first match.
    fn selected_lines(&self) -> Option<(usize, usize)> {
        let (hit, found) = self.selected_match()?;
        let rows = self.rows();
        let line_of = |wanted: Row| rows.iter().find(|(_, row)| *row == wanted).map(|r| r.0);
        let start = line_of(Row::Match { hit, found })?;
        let first = if found == 0 {
            line_of(Row::Lesson { hit })?
        } else {
            start
        };
        Some((first, start))
    }
}

/// The rows' area for a terminal of this size (as the lesson list's).
pub fn body(app: &App) -> ratatui::layout::Rect {
    geometry::list_panes(app.area).list.body
}

pub fn action(app: &mut App, action: Action) -> Vec<Effect> {
    let height = usize::from(body(app).height);
    let Some(results) = app.search.results.as_mut() else {
        app.screen = Screen::List;
        return Vec::new();
    };
    let count = results.match_count();
    let page = (scroll::page(height) / MATCH_LINES).max(1) as isize;
    let selected = results.selected;
    results.selected = match action {
        Action::ScrollDown => scroll::move_cursor(selected, 1, count),
        Action::ScrollUp => scroll::move_cursor(selected, -1, count),
        Action::PageDown => scroll::move_cursor(selected, page, count),
        Action::PageUp => scroll::move_cursor(selected, -page, count),
        Action::HalfPageDown => scroll::move_cursor(selected, (page / 2).max(1), count),
        Action::HalfPageUp => scroll::move_cursor(selected, -(page / 2).max(1), count),
        Action::Top => 0,
        Action::Bottom => count.saturating_sub(1),
        Action::Open => return open_selected(app),
        Action::Search => return search::start(app),
        Action::Back => {
            app.search.results = None;
            app.screen = Screen::List;
            return Vec::new();
        }
        Action::ToggleHelp => {
            app.help = Some(0);
            selected
        }
        _ => selected,
    };
    keep_selection_visible(app);
    Vec::new()
}

/// Scrolls the results so that the selected match shows (with its
/// lesson's heading when it is the first match of the lesson).
pub fn keep_selection_visible(app: &mut App) {
    let height = usize::from(body(app).height);
    let Some(results) = app.search.results.as_mut() else {
        return;
    };
    let total = results.total_lines();
    if let Some((first, start)) = results.selected_lines() {
        let top = scroll::keep_visible(results.top, first, start + MATCH_LINES, height);
        results.top = scroll::clamp_top(top, total, height);
    }
}

/// Opens the selected match's lesson, at the match, with the search kept.
fn open_selected(app: &mut App) -> Vec<Effect> {
    let Some(results) = app.search.results.as_ref() else {
        return Vec::new();
    };
    let Some((hit, found)) = results.selected_match() else {
        return Vec::new();
    };
    let hits = &results.hits[hit];
    let at = LessonRef {
        course: hits.course,
        lesson: hits.lesson,
    };
    let (typed, matches) = (results.typed.clone(), hits.matches.clone());
    let mut effects = reading::open(app, at);
    if let Some((state, lesson)) = app.open_lesson().filter(|(s, _)| s.at == at) {
        let (matches, found) =
            super::highlight::shown_matches(&state.layout, lesson, matches, found);
        app.search.lesson = Some(LessonSearch {
            at,
            typed,
            matches,
            current: found,
        });
        search::show_match(app, found);
        effects.extend(reading::saves(reading::mark_read(app)));
    }
    effects
}

/// A click selects a match; a click on the selected one opens it; the
/// wheel moves the selection.
pub fn mouse(app: &mut App, mouse: Mouse) -> Vec<Effect> {
    let body = body(app);
    if !body.contains(mouse.position()) {
        return Vec::new();
    }
    match mouse.kind {
        MouseKind::WheelDown => action(app, Action::ScrollDown),
        MouseKind::WheelUp => action(app, Action::ScrollUp),
        MouseKind::Click => {
            let Some(results) = app.search.results.as_mut() else {
                return Vec::new();
            };
            let line = results.top + usize::from(mouse.row - body.y);
            let index = results
                .rows()
                .into_iter()
                .filter(|(_, row)| matches!(row, Row::Match { .. }))
                .position(|(start, _)| (start..start + MATCH_LINES).contains(&line));
            match index {
                Some(index) if index == results.selected => open_selected(app),
                Some(index) => {
                    results.selected = index;
                    keep_selection_visible(app);
                    Vec::new()
                }
                None => Vec::new(),
            }
        }
    }
}
