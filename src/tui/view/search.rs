//! Search on screen: the prompt in the status line, the match counter and
//! the time left at its right, and the highlights, drawn as an overlay:
//! after the text is drawn, the cells of each match on screen are
//! restyled (see `tui::highlight` for how matches map to cells).

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use terakoya_core::model::Lesson;
use terakoya_core::reading_time::minutes;
use terakoya_core::search::Field;
use terakoya_core::text::linebreak::{PLACEHOLDER, shown};
use terakoya_core::text::width::{grapheme_width, str_width};
use unicode_segmentation::UnicodeSegmentation;

use super::put;
use crate::tui::app::{App, LessonState, Screen};
use crate::tui::search::{LessonSearch, Target};
use crate::tui::style::Styles;
use crate::tui::{checklist, highlight, screen, strings};
use terakoya_core::text::to_u16;

/// A match on screen: the theme's match style (reversed, in the match
/// colour; reversed and underlined alone with NO_COLOR).
pub fn match_style(st: &Styles) -> Style {
    st.matched
}

/// The match `n`/`N` went to: bold besides, so it stands out among the
/// others with or without colour.
pub fn current_style(st: &Styles) -> Style {
    st.matched.add_modifier(Modifier::BOLD)
}

/// Restyles the cells of every match in the visible text and checklist.
pub fn overlay(app: &App, state: &LessonState, lesson: &Lesson, buf: &mut Buffer) {
    let Some(search) = app.search.in_lesson(state.at) else {
        return;
    };
    if state.screen.panes.content.is_some() {
        overlay_text(&app.styles, search, state, lesson, buf);
    }
    overlay_checklist(&app.styles, search, state, lesson, buf);
}

fn overlay_text(
    st: &Styles,
    search: &LessonSearch,
    state: &LessonState,
    lesson: &Lesson,
    buf: &mut Buffer,
) {
    let text = state.screen.text;
    let layout = &state.layout;
    for (row, index) in (state.top..layout.lines.len())
        .take(usize::from(text.height))
        .enumerate()
    {
        let Some((field, range)) = highlight::line_source(layout, lesson, index) else {
            continue;
        };
        let found = highlight::matches_in(&search.matches, field, range.clone());
        if found.is_empty() {
            continue;
        }
        let drawn = layout.line_text(index);
        let indent = layout.lines.get(index).map_or(0, |l| l.indent);
        let y = text.y + to_u16(row);
        restyle(
            st,
            search,
            &found,
            (drawn, range),
            (text.x + indent, y, text.right()),
            buf,
        );
    }
}

fn overlay_checklist(
    st: &Styles,
    search: &LessonSearch,
    state: &LessonState,
    lesson: &Lesson,
    buf: &mut Buffer,
) {
    let box_w = checklist::box_width();
    for (rect, line) in screen::checklist_rows(state) {
        let range = line.text.clone();
        let found =
            highlight::matches_in(&search.matches, Field::Summary(line.point), range.clone());
        if found.is_empty() {
            continue;
        }
        let room = usize::from(rect.width).saturating_sub(box_w);
        let (text, _) = checklist::point_text(lesson, line.point, state.layout.options.ruby);
        let drawn = shown(&text, range.clone(), room);
        let x = if usize::from(rect.width) > box_w {
            rect.x + to_u16(box_w)
        } else {
            rect.x
        };
        restyle(
            st,
            search,
            &found,
            (drawn, range),
            (x, rect.y, rect.right()),
            buf,
        );
    }
}

/// Restyles the cells where `drawn` (standing for bytes `range` of its
/// field) shows the `found` parts, drawn from `x` to `right` on row `y`.
fn restyle(
    st: &Styles,
    search: &LessonSearch,
    found: &[(usize, Range<usize>)],
    (drawn, range): (&str, Range<usize>),
    (x, y, right): (u16, u16, u16),
    buf: &mut Buffer,
) {
    // A placeholder stands for one grapheme too wide: all or nothing.
    let stands_in = drawn == PLACEHOLDER && range.len() != PLACEHOLDER.len();
    for (index, part) in found {
        let local = if stands_in {
            0..drawn.len()
        } else {
            part.start - range.start..part.end - range.start
        };
        let style = if *index == search.current {
            current_style(st)
        } else {
            match_style(st)
        };
        for (cx, width) in highlight::cells(drawn, &[local], x, right) {
            for dx in 0..width {
                let at = Position::new(cx + dx, y);
                if buf.area.contains(at) {
                    buf[at].set_style(style);
                }
            }
        }
    }
}

/// The prompt's row: the status line, the terminal's last row.
fn status_row(area: Rect) -> Option<Rect> {
    (area.height >= 2).then(|| Rect::new(area.x, area.bottom() - 1, area.width, 1))
}

/// Draws the open prompt over the status line; whether there was one.
pub fn draw_prompt(app: &App, area: Rect, buf: &mut Buffer) -> bool {
    let Some((text, right)) = prompt_parts(app, usize::from(area.width)) else {
        return false;
    };
    buf.set_style(area, Style::new());
    put(buf, area, area.x, &text, Style::new());
    if let Some(right) = right {
        let x = area.right().saturating_sub(to_u16(str_width(&right)));
        put(buf, area, x, &right, app.styles.dim);
    }
    true
}

/// Where the terminal's cursor goes: after the prompt's text, so that an
/// input method shows what is being composed right there.
pub fn prompt_cursor(app: &App, area: Rect) -> Option<Position> {
    let row = status_row(area)?;
    let (text, _) = prompt_parts(app, usize::from(row.width))?;
    let x = row.x + to_u16(str_width(&text));
    (x < row.right()).then(|| Position::new(x, row.y))
}

/// The prompt as shown in `width` columns: "/query" (its end when it is
/// too long, cut between characters), and the counter for its right.
fn prompt_parts(app: &App, width: usize) -> Option<(String, Option<String>)> {
    let prompt = app.search.prompt.as_ref()?;
    let right = if prompt.text.trim().is_empty() {
        None
    } else {
        match prompt.target {
            Target::Lesson => Some(
                app.lesson
                    .as_ref()
                    .and_then(|state| counter(app, state.at))
                    .unwrap_or_else(|| crate::t!("search_ui.no_match").to_owned()),
            ),
            Target::Library => app
                .search
                .results
                .as_ref()
                .is_none_or(|r| r.hits.is_empty())
                .then(|| crate::t!("search_ui.no_match").to_owned()),
        }
    };
    let right_w = right.as_deref().map_or(0, |r| str_width(r) + 2);
    let (right, right_w) = if right_w + 4 <= width {
        (right, right_w)
    } else {
        (None, 0)
    };
    // One column for the cursor.
    let room = width.saturating_sub(right_w + 1);
    let shown = format!("/{}", prompt.text);
    Some((tail(&shown, room), right))
}

/// The end of `text` that fits `width` columns, after "…" when cut; never
/// cut inside a character cluster.
pub fn tail(text: &str, width: usize) -> String {
    if str_width(text) <= width {
        return text.to_owned();
    }
    let room = width.saturating_sub(str_width(strings::ELLIPSIS));
    let mut used = 0;
    let mut start = text.len();
    for (at, grapheme) in text.grapheme_indices(true).rev() {
        let w = grapheme_width(grapheme);
        if used + w > room {
            break;
        }
        used += w;
        start = at;
    }
    if width < str_width(strings::ELLIPSIS) {
        return text[start..].to_owned();
    }
    format!("{}{}", strings::ELLIPSIS, &text[start..])
}

/// "3/12": the current match and how many there are in the lesson.
fn counter(app: &App, at: crate::tui::app::LessonRef) -> Option<String> {
    let search = app.search.in_lesson(at)?;
    Some(crate::t!(
        "search_ui.count",
        current = search.current + 1,
        total = search.matches.len()
    ))
}

/// From this width on, the status line also shows the time left (below
/// it, the hints need the room).
const TIME_LEFT_MIN: u16 = 60;

/// What the status line shows at its right in a lesson: the match
/// counter while a search is kept, and the reading time left when `wide`.
pub fn status_right(app: &App, wide: bool) -> Option<String> {
    if app.screen != Screen::Lesson {
        return None;
    }
    let (state, lesson) = app.open_lesson()?;
    let count = counter(app, state.at);
    let left = time_left(app, state, lesson)
        .filter(|_| wide)
        .map(|m| crate::t!("search_ui.time_left", minutes = m));
    match (count, left) {
        (Some(count), Some(left)) => Some(format!("{count}  {left}")),
        (one, other) => one.or(other),
    }
}

/// Whole minutes left to read from the top of the view to the end.
fn time_left(app: &App, state: &LessonState, lesson: &Lesson) -> Option<u32> {
    let time = app.time_of(state.at)?;
    let field = (state.top..state.layout.lines.len())
        .find_map(|line| highlight::line_source(&state.layout, lesson, line))
        .map(|(field, _)| field);
    let seconds = field.map_or(0.0, |f| time.left_from(f));
    let left = minutes(seconds);
    (left > 0).then_some(left)
}

/// Draws `status_right` at the end of the status line and returns the
/// part left for the message or the hints.
pub fn draw_status_right(app: &App, area: Rect, buf: &mut Buffer) -> Rect {
    let Some(right) = status_right(app, area.width >= TIME_LEFT_MIN) else {
        return area;
    };
    let width = to_u16(str_width(&right));
    if width + 12 > area.width {
        return area;
    }
    put(buf, area, area.right() - width, &right, app.styles.dim);
    Rect::new(area.x, area.y, area.width - width - 2, area.height)
}
