//! The review screen: a title row with the cards left, the card (lesson,
//! point, and the supporting text once shown), and a status row with the
//! interval each rating would give ("3 good → 9日").

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{put, row_of, truncate};
use crate::t;
use crate::tui::app::App;
use crate::tui::review::{self, LineKind};
use terakoya_core::text::width::str_width;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(state) = app.review.as_ref() else {
        return;
    };
    if area.height == 0 {
        return;
    }
    let (title, body, status) = review::areas(area);
    let left = state.queue.len();
    put(
        buf,
        title,
        title.x,
        &truncate(&t!("review.title", left = left), usize::from(title.width)),
        app.styles.title,
    );
    let lines = review::lines(app, body.width);
    for (index, (kind, text)) in lines.iter().skip(state.top).enumerate() {
        let Some(row) = row_of(body, index) else {
            break;
        };
        let style = match kind {
            LineKind::Lesson => app.styles.label,
            LineKind::Point => app.styles.title,
            LineKind::Heading => app.styles.heading,
            LineKind::Hint => app.styles.dim,
            LineKind::Text | LineKind::Blank => ratatui::style::Style::new(),
        };
        put(buf, row, row.x, text, style);
    }
    if let Some(status_row) = status {
        if app.status.is_some() {
            super::status::draw(app, status_row, buf);
        } else {
            let line = hint_line(app, usize::from(status_row.width));
            put(buf, status_row, status_row.x, &line, app.styles.dim);
        }
    }
}

/// "2 left  1 again → 1日  2 hard → 3日  …", as many parts as fit; on a
/// narrow screen the short form "1→1日 2→3日 …" so that all four show.
fn hint_line(app: &App, width: usize) -> String {
    let left = app.review.as_ref().map_or(0, |s| s.queue.len());
    let days = review::intervals(app);
    let names = [
        t!("review.again"),
        t!("review.hard"),
        t!("review.good"),
        t!("review.easy"),
    ];
    let long: Vec<String> = days
        .iter()
        .flatten()
        .zip(names)
        .enumerate()
        .map(|(n, (days, name))| {
            t!(
                "review.rating_hint",
                key = n + 1,
                name = name,
                interval = t!("review.days", n = days)
            )
        })
        .collect();
    let short: Vec<String> = days
        .iter()
        .flatten()
        .enumerate()
        .map(|(n, days)| format!("{}→{}", n + 1, t!("review.days_short", n = days)))
        .collect();
    let left = t!("review.left", n = left);
    let with = |ratings: &[String], sep: &str| {
        let mut parts = vec![left.clone()];
        parts.push(ratings.join(sep));
        parts.push(t!("review.keys_hint").to_owned());
        fit(&parts, width)
    };
    let line = with(&long, "  ");
    if long.is_empty() || line.contains(long.last().map_or("", String::as_str)) {
        return line;
    }
    with(&short, " ")
}

/// As many whole parts as fit in `width`, two spaces apart.
fn fit(parts: &[String], width: usize) -> String {
    let mut line = String::new();
    for part in parts {
        let sep = if line.is_empty() { "" } else { "  " };
        if str_width(&line) + str_width(sep) + str_width(part) > width {
            break;
        }
        line.push_str(sep);
        line.push_str(part);
    }
    line
}
