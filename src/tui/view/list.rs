//! The lesson list: a "continue" row, then courses with their lessons and
//! each lesson's progress.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{put, put_both, row_of, status, truncate};
use crate::tui::app::{App, LessonRef};
use crate::tui::geometry;
use crate::tui::listing::{self, Item, Row};
use crate::tui::strings;
use terakoya_core::model::Lesson;
use terakoya_core::reading_time::minutes;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let st = &app.styles;
    let panes = geometry::list_panes(area);
    let lessons: usize = app.library.courses.iter().map(|c| c.lessons.len()).sum();
    let done = count_done(app);
    let right = strings::lessons_done(done, lessons);
    put_both(buf, panes.list.title, strings::APP_TITLE, &right, st.title);
    draw_rows(app, panes.list.body, buf);
    status::draw(app, panes.status, buf);
}

fn count_done(app: &App) -> usize {
    app.library
        .courses
        .iter()
        .enumerate()
        .flat_map(|(course, c)| {
            (0..c.lessons.len()).map(move |lesson| LessonRef { course, lesson })
        })
        .filter(|&at| {
            app.key_of(at)
                .zip(app.lesson_at(at))
                .is_some_and(|(key, l)| app.is_complete(&key, l))
        })
        .count()
}

fn draw_rows(app: &App, body: Rect, buf: &mut Buffer) {
    let st = &app.styles;
    let rows = listing::rows(app);
    if rows.is_empty() {
        if let Some(row) = row_of(body, 0) {
            put(
                buf,
                row,
                row.x,
                &truncate(strings::no_lessons(), usize::from(row.width)),
                st.dim,
            );
        }
        return;
    }
    let selected = listing::selectable(&rows).get(app.list.selected).copied();
    let bottom = app.list.top + usize::from(body.height);
    for row in rows
        .iter()
        .filter(|r| r.start + r.height > app.list.top && r.start < bottom)
    {
        let is_selected = Some(*row) == selected;
        for (n, (text, style)) in row_lines(app, row).into_iter().enumerate() {
            let Some(line) = (row.start + n).checked_sub(app.list.top) else {
                continue;
            };
            let Some(rect) = row_of(body, line) else {
                continue;
            };
            let style = if is_selected {
                style.patch(st.selected)
            } else {
                style
            };
            if is_selected {
                buf.set_style(rect, st.selected);
            }
            put(
                buf,
                rect,
                rect.x,
                &truncate(&text, usize::from(rect.width)),
                style,
            );
        }
    }
}

/// The lines of one row, with their styles.
fn row_lines(app: &App, row: &Row) -> Vec<(String, Style)> {
    let st = &app.styles;
    match row.item {
        Item::Review => vec![(crate::t!("review.list_row", n = app.review_due), st.status)],
        Item::Continue(at) => {
            let title = app.lesson_at(at).map(full_title).unwrap_or_default();
            vec![(strings::continue_line(&title), st.status)]
        }
        Item::Course(index) => {
            let title = app
                .library
                .courses
                .get(index)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            let mut lines = vec![(String::new(), st.text); row.height - 1];
            lines.push((title, st.heading));
            lines
        }
        Item::Lesson(at) => lesson_lines(app, at),
    }
}

fn full_title(lesson: &Lesson) -> String {
    strings::full_title(lesson.label.as_deref(), &lesson.title)
}

fn lesson_lines(app: &App, at: LessonRef) -> Vec<(String, Style)> {
    let st = &app.styles;
    let (Some(key), Some(lesson)) = (app.key_of(at), app.lesson_at(at)) else {
        return Vec::new();
    };
    let complete = app.is_complete(&key, lesson);
    let mark = if complete { strings::DONE_MARK } else { " " };
    let stats = strings::lesson_stats(
        app.ticked_count(&key, lesson),
        lesson.summary.len(),
        app.read_count(&key, lesson),
        lesson.sections.len(),
    );
    let lecturer = lesson.lecturer.as_ref().map(|l| l.name.as_str());
    let second = strings::lesson_detail(lecturer, &stats);
    let second = match app.time_of(at).map(|t| minutes(t.total())) {
        Some(m) if m > 0 => crate::t!(
            "search_ui.with_time",
            detail = second,
            time = crate::t!("search_ui.reading_time", minutes = m)
        ),
        _ => second,
    };
    let first_style = if complete { st.done } else { st.text };
    vec![
        (strings::lesson_line(mark, &full_title(lesson)), first_style),
        (second, st.dim),
    ]
}
