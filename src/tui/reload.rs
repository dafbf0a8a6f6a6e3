//! Live reload: the lessons changed on disk and were loaded again (by the
//! watch thread, see `run`); [`apply`] puts the new library in place and
//! keeps what the user was doing: the open lesson at its reading place,
//! the pane and the checklist's cursor, the list's selection (by ids, as
//! positions shift when lessons come and go). Ticks are keyed by ids and
//! stay as they are. Pure, like the rest of update.
//!
//! A file saved broken keeps its last good version on screen (see
//! [`merge`]) while the status line shows its first error, worded as
//! `check` words it, until a later save fixes it.

use std::path::{Path, PathBuf};

use terakoya_core::bundle::Loaded;
use terakoya_core::model::Library;
use terakoya_core::progress::{Anchor, LessonKey};

use super::app::{App, LessonRef, Message, Screen, Status};
use super::listing::{self, Item};
use super::msg::Effect;
use super::position::{self, ViewAnchor};
use super::screen::LessonScreen;
use super::{reading, update};
use crate::t;

/// The file of a course directory that holds its title and lesson list.
const COURSE_FILE: &str = "course.toml";

/// The lessons as loaded again, for update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reload {
    pub library: Library,
    /// The files with errors: what they held before stays.
    pub broken: Vec<PathBuf>,
    /// The first error, worded as `check` words it; `None` when there is
    /// none.
    pub problem: Option<Message>,
}

impl Reload {
    pub fn from_loaded(loaded: Loaded) -> Reload {
        let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
        let mut broken: Vec<PathBuf> = errors.iter().map(|d| d.path.clone()).collect();
        broken.sort();
        broken.dedup();
        let problem = errors.first().map(|first| {
            let headline = crate::cli::diagnostic::headline(first);
            match errors.len() - 1 {
                0 => Message::new(headline),
                1 => Message::with_detail(headline, t!("watch.one_more_error")),
                more => Message::with_detail(headline, t!("watch.more_errors", count = more)),
            }
        });
        Reload {
            library: loaded.library,
            broken,
            problem,
        }
    }
}

/// `new`, with the last good version of every broken file from `old`: a
/// course whose course.toml is broken stays as it was, and a lesson whose
/// file is broken (so is missing from `new`) stays at its old place.
pub fn merge(old: &Library, mut new: Library, broken: &[PathBuf]) -> Library {
    let is_broken = |path: &Path| broken.iter().any(|b| b == path);
    for (index, old_course) in old.courses.iter().enumerate() {
        let found = new.courses.iter().position(|c| c.id == old_course.id);
        if is_broken(&old_course.path.join(COURSE_FILE)) {
            match found {
                Some(at) => new.courses[at] = old_course.clone(),
                None => {
                    let at = index.min(new.courses.len());
                    new.courses.insert(at, old_course.clone());
                }
            }
            continue;
        }
        let Some(course) = found.and_then(|at| new.courses.get_mut(at)) else {
            continue;
        };
        for (index, lesson) in old_course.lessons.iter().enumerate() {
            if is_broken(&lesson.path) && course.lesson(&lesson.id).is_none() {
                let at = index.min(course.lessons.len());
                course.lessons.insert(at, lesson.clone());
            }
        }
    }
    new
}

/// Puts the reloaded lessons in place (see the module's comment).
pub fn apply(app: &mut App, reload: Reload) -> Vec<Effect> {
    let selected = selected_key(app);
    let open = app.open_lesson().map(|(state, lesson)| OpenPlace {
        key: state.key.clone(),
        anchor: position::anchor_at(state, lesson),
        delta: state.anchor.delta,
        point: lesson.summary.get(state.cursor).map(|p| p.id.clone()),
    });
    let library = merge(&app.library, reload.library, &reload.broken);
    let unchanged = library == app.library;
    app.library = library;
    if reload.problem.is_some() && app.status.as_ref().is_some_and(|s| !s.warning) {
        app.status = None;
    }
    app.problem = reload.problem;
    if unchanged {
        return Vec::new();
    }
    // Layouts are cached by ids and width: the text under them changed.
    app.layouts.clear();
    if let Some(open) = open {
        match find(&app.library, &open.key) {
            Some(at) => reopen(app, at, &open),
            None => {
                app.lesson = None;
                app.screen = Screen::List;
                app.status = Status::info(t!("watch.lesson_gone"));
            }
        }
    }
    reselect(app, selected);
    reading::saves(reading::mark_read(app))
}

/// What is kept of the open lesson across a reload.
struct OpenPlace {
    key: LessonKey,
    /// The reading place by section id (sections may have come or gone
    /// before it), and which of the lines at that place was on top.
    anchor: Anchor,
    delta: isize,
    /// The summary point under the cursor.
    point: Option<String>,
}

/// The open lesson's state again, for its text as reloaded (now at `at`).
fn reopen(app: &mut App, at: LessonRef, open: &OpenPlace) {
    let width = app.lesson.as_ref().map_or(0, |s| s.layout.width);
    let area = app.area;
    let Some(layout) = reading::layout_for(app, at, width) else {
        return;
    };
    let Some(lesson) = app.lesson_at(at) else {
        return;
    };
    let anchor = ViewAnchor {
        pos: position::pos_of_anchor(lesson, &open.anchor),
        delta: open.delta,
    };
    let point = open
        .point
        .as_ref()
        .and_then(|id| lesson.summary.iter().position(|p| &p.id == id));
    let points = lesson.summary.len();
    let screen = LessonScreen::new(area, app.focus(), lesson, app.reading_width, app.ruby);
    let Some(state) = app.lesson.as_mut() else {
        return;
    };
    let top = position::top_of(&layout, anchor);
    state.top = position::clamp_text_top(&layout, top, screen.text_height());
    state.at = at;
    state.layout = layout;
    state.anchor = anchor;
    state.screen = screen;
    state.cursor = point.unwrap_or(state.cursor.min(points.saturating_sub(1)));
    reading::keep_cursor_visible(app);
}

/// Where the lesson with `key` is in `library`.
fn find(library: &Library, key: &LessonKey) -> Option<LessonRef> {
    let course = library.courses.iter().position(|c| c.id == key.course)?;
    let lesson = library.courses[course]
        .lessons
        .iter()
        .position(|l| l.id == key.lesson)?;
    Some(LessonRef { course, lesson })
}

/// The list's selection by ids: the "continue" row, or a lesson.
enum Selected {
    Continue,
    Lesson(LessonKey),
}

fn selected_key(app: &App) -> Option<Selected> {
    let rows = listing::rows(app);
    match listing::selectable(&rows).get(app.list.selected)?.item {
        Item::Continue(_) => Some(Selected::Continue),
        Item::Lesson(at) => app.key_of(at).map(Selected::Lesson),
        Item::Course(_) | Item::Review => None,
    }
}

/// Selects the same row as before the reload, wherever it is now; when it
/// is gone, the row now at its place.
fn reselect(app: &mut App, selected: Option<Selected>) {
    let rows = listing::rows(app);
    let same = |row: &listing::Row| match (&selected, row.item) {
        (Some(Selected::Continue), Item::Continue(_)) => true,
        (Some(Selected::Lesson(key)), Item::Lesson(at)) => app.key_of(at).as_ref() == Some(key),
        _ => false,
    };
    if let Some(index) = listing::selectable(&rows).iter().position(same) {
        app.list.selected = index;
    }
    update::keep_selection_visible(app);
}
