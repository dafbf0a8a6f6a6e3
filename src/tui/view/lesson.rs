//! The lesson screen: the text (only its visible lines), the outline of
//! sections, and the summary checklist with its gauge.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{
    LineGauge, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};
use terakoya_core::text::width::str_width;

use super::{put, put_both, row_of, status, truncate};
use crate::tui::app::{App, Focus, LessonState};
use crate::tui::geometry::Pane;
use crate::tui::keys::{self, Context};
use crate::tui::msg::Action;
use crate::tui::screen::{self, LessonScreen};
use crate::tui::style::Styles;
use crate::tui::{checklist, position, reading, scroll, strings};
use terakoya_core::model::Lesson;
use terakoya_core::text::layout::{LayoutLine, LessonLayout, LineKind, QUOTE_BAR, QUOTE_INDENT};
use terakoya_core::text::linebreak::shown;
use terakoya_core::text::styled::{self, Run, RunStyle};
use terakoya_core::text::to_u16;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let st = &app.styles;
    let Some((state, lesson)) = app.open_lesson() else {
        return;
    };
    // The geometry update hit-tests with, computed for the app's size: the
    // frame's but for a resize not handled yet (drawn again once it is).
    let resized;
    let state = if state.screen.area == area {
        state
    } else {
        resized = LessonState {
            screen: LessonScreen::new(area, state.focus, lesson, app.reading_width, app.ruby),
            ..state.clone()
        };
        &resized
    };
    let panes = state.screen.panes;
    if let Some(pane) = panes.content {
        // When the checklist is hidden, its count rides in the text's title.
        let points = (!panes.side_by_side && pane.title.width >= NARROW_COUNT_MIN).then(|| {
            strings::summary_title(app.ticked_count(&state.key, lesson), lesson.summary.len())
        });
        let end = end_line(app, panes.side_by_side);
        draw_content(
            st,
            state,
            lesson,
            pane,
            panes.side_by_side,
            (points, &end),
            buf,
        );
    }
    if let Some(pane) = panes.outline {
        draw_outline(app, state, lesson, pane, buf);
        draw_border(st, pane, buf);
    }
    if let Some(pane) = panes.checklist {
        draw_checklist(app, state, lesson, pane, panes.side_by_side, buf);
        if panes.side_by_side {
            draw_border(st, pane, buf);
        }
    }
    super::search::overlay(app, state, lesson, buf);
    status::draw(app, panes.status, buf);
}

/// What the line after the lesson says: where the summary is when it is
/// not beside the text, or, once every point is ticked, the next lesson.
fn end_line(app: &App, side_by_side: bool) -> String {
    let label = |context, action| {
        keys::labels(&app.keymap, context, action)
            .into_iter()
            .next()
    };
    if reading::at_finished_end(app)
        && let Some(next) = reading::next_lesson(app).and_then(|at| app.lesson_at(at))
        && let Some(key) = label(Context::Content, Action::Open)
    {
        return strings::lesson_end_next(&key, &next.title);
    }
    let summary = (!side_by_side)
        .then(|| label(Context::Lesson, Action::ToggleFocus))
        .flatten();
    strings::lesson_end(summary.as_deref())
}

fn title_style(st: &Styles, focused: bool, side_by_side: bool) -> Style {
    match (side_by_side, focused) {
        (false, _) | (true, true) => st.focused_title,
        (true, false) => st.unfocused_title,
    }
}

/// The vertical rule between panes: the column left of the checklist, or
/// right of the outline.
fn draw_border(st: &Styles, pane: Pane, buf: &mut Buffer) {
    let full = pane.title.union(pane.body);
    let x = if full.x == 0 {
        full.right()
    } else {
        full.x - 1
    };
    let area = buf.area;
    if x >= area.right() {
        return;
    }
    for y in full.top()..full.bottom() {
        buf[(x, y)].set_symbol("│").set_style(st.dim);
    }
}

/// From this width on, a narrow layout shows the points ticked beside the
/// section indicator.
const NARROW_COUNT_MIN: u16 = 60;

fn draw_content(
    st: &Styles,
    state: &LessonState,
    lesson: &Lesson,
    pane: Pane,
    side: bool,
    (points, end): (Option<String>, &str),
    buf: &mut Buffer,
) {
    let text = state.screen.text;
    let height = usize::from(text.height);
    let layout = &state.layout;
    let indicator = match position::current_section(layout, state.top) {
        Some(i) => strings::section_indicator(
            i + 1,
            lesson.sections.len(),
            lesson.sections.get(i).map_or("", |s| s.heading.as_str()),
        ),
        None => strings::head_indicator(lesson.sections.len()),
    };
    let len = position::text_len(layout);
    let mut percent = strings::percent(scroll::percent(state.top, len, height));
    if let Some(points) = points {
        percent = strings::points_and_percent(&points, &percent);
    }
    let style = title_style(st, state.focus == Focus::Content, side);
    put_both(buf, pane.title, &indicator, &percent, style);
    for (row, index) in (state.top..len).take(height).enumerate() {
        let Some(rect) = row_of(text, row) else {
            break;
        };
        let Some(line) = layout.lines.get(index) else {
            if index + 1 == len {
                let end = truncate(end, usize::from(rect.width));
                put(buf, rect, rect.x, &end, st.title);
            }
            continue;
        };
        if line.kind == LineKind::Heading && text.x > pane.body.x {
            // A marker in the margin: headings stand out without colour too.
            put(buf, rect, text.x - 1, strings::HEADING_MARK, st.heading);
        }
        draw_margin(st, line, rect, buf);
        draw_line(st, layout, index, rect, buf);
    }
    draw_scrollbar(st, state.top, len, pane.body, text, buf);
}

/// Quote bars and the bullet, in the line's indent.
fn draw_margin(st: &Styles, line: &LayoutLine, rect: Rect, buf: &mut Buffer) {
    for level in 0..u16::from(line.quote) {
        put(buf, rect, rect.x + level * QUOTE_INDENT, QUOTE_BAR, st.dim);
    }
    if let Some((bullet, column)) = line.bullet() {
        put(buf, rect, rect.x + column, &bullet.symbol(), st.dim);
    }
}

/// A line's text in the style of its kind, its styled runs on top.
fn draw_line(st: &Styles, layout: &LessonLayout, index: usize, rect: Rect, buf: &mut Buffer) {
    let Some(line) = layout.lines.get(index) else {
        return;
    };
    let text = layout.line_text(index);
    let x = rect.x + line.indent;
    put(buf, rect, x, text, line_style(st, line.kind));
    for run in layout.line_runs(index) {
        if let Some(area) = run_area(layout, index, run, rect) {
            buf.set_style(area, run_style(run.style));
        }
    }
}

/// The cells `run` of line `index` covers when the line is drawn in `rect`
/// (cut at its right edge); `None` when none shows.
pub(super) fn run_area(layout: &LessonLayout, index: usize, run: &Run, rect: Rect) -> Option<Rect> {
    let line = layout.lines.get(index)?;
    let text = layout.line_text(index);
    let (start, end) = (run.start as usize, run.end as usize);
    let before = to_u16(str_width(text.get(..start).unwrap_or("")));
    let width = to_u16(str_width(text.get(start..end).unwrap_or("")));
    let from = rect.x.saturating_add(line.indent).saturating_add(before);
    let to = from.saturating_add(width).min(rect.right());
    (from < to).then(|| Rect::new(from, rect.y, to - from, 1))
}

/// Bold, italic, dimmer readings and underlined links.
fn run_style(run: RunStyle) -> Style {
    let mut style = Style::new();
    if run.strong {
        style = style.add_modifier(Modifier::BOLD);
    }
    if run.emphasis {
        style = style.add_modifier(Modifier::ITALIC);
    }
    if run.reading {
        style = style.add_modifier(Modifier::DIM);
    }
    if run.link.is_some() {
        style = style.add_modifier(Modifier::UNDERLINED);
    }
    style
}

fn line_style(st: &Styles, kind: LineKind) -> Style {
    match kind {
        LineKind::Label => st.label,
        LineKind::Title | LineKind::Lecturer => st.title,
        LineKind::Heading => st.heading,
        LineKind::LecturerBio => st.bio,
        LineKind::TableHeader => st.text.add_modifier(Modifier::BOLD),
        LineKind::TableRule | LineKind::Rule => st.dim,
        _ => st.text,
    }
}

/// ratatui's scrollbar in the body's last column, showing where the view
/// of `len` lines starting at `top` is, when the lines overflow and the
/// column is free.
fn draw_scrollbar(st: &Styles, top: usize, len: usize, body: Rect, text: Rect, buf: &mut Buffer) {
    let height = usize::from(body.height);
    if text.right() >= body.right() || len <= height || height == 0 {
        return;
    }
    // Positions run over the tops the view can have.
    let last_top = scroll::max_top(len, height);
    let mut state = ScrollbarState::new(last_top + 1)
        .position(top.min(last_top))
        .viewport_content_length(height);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .track_style(st.dim)
        .thumb_symbol("┃")
        .render(body, buf, &mut state);
}

fn draw_outline(app: &App, state: &LessonState, lesson: &Lesson, pane: Pane, buf: &mut Buffer) {
    let st = &app.styles;
    put_both(buf, pane.title, strings::sections(), "", st.unfocused_title);
    let current = position::current_section(&state.layout, state.top);
    for (rect, index) in screen::outline_rows(state) {
        let Some(section) = lesson.sections.get(index) else {
            continue;
        };
        let read = app.is_section_read(&state.key, &section.id);
        let mark = if read { strings::READ_MARK } else { " " };
        let text = strings::outline_entry(mark, index + 1, &section.heading);
        let style = if Some(index) == current {
            st.selected
        } else {
            st.text
        };
        let style = if read && Some(index) != current {
            style.patch(st.done)
        } else {
            style
        };
        if Some(index) == current {
            buf.set_style(rect, style);
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

fn draw_checklist(
    app: &App,
    state: &LessonState,
    lesson: &Lesson,
    pane: Pane,
    side: bool,
    buf: &mut Buffer,
) {
    let st = &app.styles;
    let ticked = app.ticked_count(&state.key, lesson);
    let total = lesson.summary.len();
    let style = title_style(st, state.focus == Focus::Checklist, side);
    let title = strings::summary_title(ticked, total);
    put_both(buf, pane.title, &title, "", style);
    draw_gauge(st, pane.title, &title, ticked, total, buf);
    if total == 0 {
        if let Some(rect) = row_of(pane.body, 0) {
            put(
                buf,
                rect,
                rect.x,
                &truncate(strings::no_summary(), usize::from(rect.width)),
                st.dim,
            );
        }
        return;
    }
    let focused = state.focus == Focus::Checklist;
    let box_w = to_u16(checklist::box_width());
    for (rect, line) in screen::checklist_rows(state) {
        let Some(point) = lesson.summary.get(line.point) else {
            continue;
        };
        let is_ticked = app.progress.is_ticked(&state.key, &point.id);
        let mut style = if is_ticked { st.done } else { st.text };
        if focused && line.point == state.cursor {
            style = style.patch(st.selected);
            buf.set_style(rect, style);
        }
        if line.first {
            let mark = if is_ticked {
                strings::TICKED
            } else {
                strings::UNTICKED
            };
            put(buf, rect, rect.x, mark, style);
        }
        let room = usize::from(rect.width).saturating_sub(checklist::box_width());
        let (point_text, spans) = checklist::point_text(lesson, line.point, app.ruby);
        let text = shown(&point_text, line.text.clone(), room);
        let x = if usize::from(rect.width) > checklist::box_width() {
            rect.x + box_w
        } else {
            rect.x
        };
        put(buf, rect, x, text, style);
        // Format 2: the point's emphasis, readings and links, as in the text.
        if text.len() == line.text.len() {
            let mut runs = Vec::new();
            styled::line_runs(line.text.clone(), &spans, &mut |_| 0, &mut runs);
            for run in &runs {
                let (start, end) = (run.start as usize, run.end as usize);
                let before = to_u16(str_width(text.get(..start).unwrap_or("")));
                let width = to_u16(str_width(text.get(start..end).unwrap_or("")));
                let from = x.saturating_add(before);
                let to = from.saturating_add(width).min(rect.right());
                if from < to {
                    buf.set_style(Rect::new(from, rect.y, to - from, 1), run_style(run.style));
                }
            }
        }
    }
    let lines = state.screen.checklist.len();
    draw_scrollbar(
        st,
        state.checklist_top,
        lines,
        pane.body,
        state.screen.checklist_text,
        buf,
    );
}

/// The progress gauge, right of the checklist's title when there is room:
/// ratatui's line gauge, which reads without colour too.
fn draw_gauge(st: &Styles, row: Rect, title: &str, ticked: usize, total: usize, buf: &mut Buffer) {
    let used = to_u16(str_width(title)) + 2;
    let width = row.width.saturating_sub(used).min(20);
    if width < 4 || total == 0 || row.height == 0 {
        return;
    }
    let area = Rect::new(row.right() - width, row.y, width, 1);
    LineGauge::default()
        .ratio(ticked as f64 / total as f64)
        .label("")
        .filled_symbol("━")
        .unfilled_symbol("─")
        .filled_style(st.done)
        .unfilled_style(st.text)
        .render(area, buf);
}
