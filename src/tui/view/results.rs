//! The library's search results (see `tui::results`): per lesson a
//! heading `course › lesson`, then each match as where it is (the section,
//! or the part of the lesson) and the text around it, the match
//! highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use terakoya_core::model::Lesson;
use terakoya_core::search::{Field, FieldKind, Match, excerpt};

use super::search::match_style;
use super::{put, put_both, row_of, status, truncate};
use crate::cli::echo;
use crate::tui::app::App;
use crate::tui::results::{MATCH_LINES, Results, Row};
use crate::tui::{geometry, highlight, strings};

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let panes = geometry::list_panes(area);
    if let Some(results) = &app.search.results {
        let title = crate::t!(
            "search_ui.results_title",
            query = echo::shown(&results.typed)
        );
        let count = crate::t!(
            "search_ui.results_count",
            matches = results.match_count(),
            lessons = results.hits.len()
        );
        put_both(buf, panes.list.title, &title, &count, app.styles.title);
        draw_rows(app, results, panes.list.body, buf);
    }
    status::draw(app, panes.status, buf);
}

fn draw_rows(app: &App, results: &Results, body: Rect, buf: &mut Buffer) {
    if results.hits.is_empty() {
        if let Some(row) = row_of(body, 0) {
            let text = crate::t!("search_ui.no_results", query = echo::shown(&results.typed));
            put(
                buf,
                row,
                row.x,
                &truncate(&text, usize::from(row.width)),
                app.styles.dim,
            );
        }
        return;
    }
    let bottom = results.top + usize::from(body.height);
    let mut selectable = 0;
    for (start, row) in results.rows() {
        let is_match = matches!(row, Row::Match { .. });
        let selected = is_match && selectable == results.selected;
        selectable += usize::from(is_match);
        if start >= bottom {
            break;
        }
        let height = match row {
            Row::Match { .. } => MATCH_LINES,
            Row::Lesson { hit } => 1 + usize::from(hit > 0),
        };
        if start + height <= results.top {
            continue;
        }
        let line = |n: usize| {
            (start + n)
                .checked_sub(results.top)
                .and_then(|l| row_of(body, l))
        };
        match row {
            Row::Lesson { hit } => {
                if let Some(rect) = line(height - 1) {
                    let text = lesson_heading(app, results, hit);
                    put(
                        buf,
                        rect,
                        rect.x,
                        &truncate(&text, usize::from(rect.width)),
                        app.styles.heading,
                    );
                }
            }
            Row::Match { hit, found } => {
                draw_match(
                    app,
                    results,
                    (hit, found),
                    [line(0), line(1)],
                    selected,
                    buf,
                );
            }
        }
    }
}

/// "course › lesson": where a group of matches is.
fn lesson_heading(app: &App, results: &Results, hit: usize) -> String {
    let Some(hits) = results.hits.get(hit) else {
        return String::new();
    };
    let Some(course) = app.library.courses.get(hits.course) else {
        return String::new();
    };
    let Some(lesson) = course.lessons.get(hits.lesson) else {
        return String::new();
    };
    let sep = crate::t!("search_ui.path_separator");
    let title = strings::full_title(lesson.label.as_deref(), &lesson.title);
    format!("{}{sep}{title}", course.title)
}

/// The match's two lines: "  › section" and the text around the match.
fn draw_match(
    app: &App,
    results: &Results,
    (hit, found): (usize, usize),
    rows: [Option<Rect>; 2],
    selected: bool,
    buf: &mut Buffer,
) {
    let Some(hits) = results.hits.get(hit) else {
        return;
    };
    let Some(lesson) = app
        .library
        .courses
        .get(hits.course)
        .and_then(|c| c.lessons.get(hits.lesson))
    else {
        return;
    };
    let Some(m) = hits.matches.get(found) else {
        return;
    };
    let base = if selected {
        app.styles.selected
    } else {
        Style::new()
    };
    if let Some(rect) = rows[0] {
        if selected {
            buf.set_style(rect, base);
        }
        let sep = crate::t!("search_ui.path_separator");
        let text = format!("  {}{}", sep.trim_start(), place(lesson, m));
        put(
            buf,
            rect,
            rect.x,
            &truncate(&text, usize::from(rect.width)),
            base.patch(app.styles.dim),
        );
    }
    if let Some(rect) = rows[1] {
        if selected {
            buf.set_style(rect, base);
        }
        let indent = CONTEXT_INDENT.min(rect.width / 4);
        let room = usize::from(rect.width.saturating_sub(indent));
        let (text, matched) = excerpt(
            m.field.text(lesson),
            m.range.clone(),
            room,
            strings::ELLIPSIS,
        );
        let x = rect.x + indent;
        put(buf, rect, x, &text, base);
        for (cx, width) in highlight::cells(&text, &[matched], x, rect.right()) {
            for dx in 0..width {
                let at = Position::new(cx + dx, rect.y);
                if buf.area.contains(at) {
                    buf[at].set_style(match_style(&app.styles));
                }
            }
        }
    }
}

/// Columns before the text around a match.
const CONTEXT_INDENT: u16 = 4;

/// Where a match is, in words: its section's heading, or the part of the
/// lesson ("[title]", "[summary]", …).
fn place(lesson: &Lesson, m: &Match) -> String {
    if let Some(section) = m.field.section().and_then(|s| lesson.sections.get(s)) {
        return section.heading.clone();
    }
    let name = match m.field.kind() {
        FieldKind::Title => crate::t!("search.fields.title"),
        FieldKind::Label => crate::t!("search.fields.label"),
        FieldKind::Lecturer => crate::t!("search.fields.lecturer"),
        FieldKind::Intro => crate::t!("search.fields.intro"),
        FieldKind::Summary => crate::t!("search.fields.summary"),
        FieldKind::Heading => crate::t!("search.fields.heading"),
        FieldKind::Body => crate::t!("search.fields.body"),
    };
    let point = match m.field {
        Field::Summary(p) => format!(" {}", p + 1),
        _ => String::new(),
    };
    format!("{}{point}", crate::t!("search.field", field = name))
}
