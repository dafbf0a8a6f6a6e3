//! The statistics screen: bar charts of points ticked and sections read per
//! day (8 weeks), completion gauges per course, reviews due per day (4
//! weeks), the streak. Narrow screens sum the days into weeks (and say
//! so in the heading); short ones show fewer blocks (j/k scroll by block).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Bar, BarChart, Gauge, Widget};

use super::{put, put_both, row_of, truncate};
use crate::t;
use crate::tui::app::App;
use crate::tui::stats::{self, BLOCKS};
use crate::tui::style::Styles;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height < 2 || area.width < 4 {
        return;
    }
    let figures = stats::compute(app);
    let Some(title) = row_of(area, 0) else { return };
    put_both(
        buf,
        title,
        t!("stats.title"),
        &t!("stats.streak", n = figures.streak),
        app.styles.title,
    );
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    super::status::draw(app, status, buf);
    let mut body = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
    let chart_height = if body.height >= 20 { 4 } else { 3 };
    for block in app.stats_top..BLOCKS {
        if body.height < 2 {
            break;
        }
        let wanted = match block {
            2 => 1 + u16::try_from(figures.courses.len()).unwrap_or(u16::MAX),
            _ => 1 + chart_height,
        };
        let height = wanted.min(body.height);
        let area = Rect::new(body.x, body.y, body.width, height);
        let (past, next) = (stats::PAST_DAYS, stats::NEXT_DAYS);
        let weeks = |days: usize| by_week(days, area.width).then(|| days.div_ceil(7));
        match block {
            0 => {
                let heading = match weeks(past) {
                    Some(weeks) => t!("stats.ticked_weekly", weeks = weeks),
                    None => t!("stats.ticked", days = past),
                };
                chart(&app.styles, buf, area, &heading, &figures.ticked);
            }
            1 => {
                let heading = match weeks(past) {
                    Some(weeks) => t!("stats.read_weekly", weeks = weeks),
                    None => t!("stats.read", days = past),
                };
                chart(&app.styles, buf, area, &heading, &figures.read);
            }
            2 => gauges(&app.styles, buf, area, &figures.courses),
            _ => {
                let heading = match weeks(next) {
                    Some(weeks) => t!("stats.due_weekly", weeks = weeks),
                    None => t!("stats.due", days = next),
                };
                chart(&app.styles, buf, area, &heading, &figures.due);
            }
        }
        body = Rect::new(body.x, body.y + height, body.width, body.height - height);
    }
}

/// A heading row and a bar per day, or per week when the days do not fit.
fn chart(
    st: &Styles,
    buf: &mut Buffer,
    area: Rect,
    heading: &str,
    days: &[(jiff::civil::Date, u64)],
) {
    let Some(head) = row_of(area, 0) else { return };
    let total: u64 = days.iter().map(|(_, n)| n).sum();
    let right = t!("stats.total", n = total);
    put_both(buf, head, heading, &right, st.heading);
    let bars_area = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    if bars_area.height == 0 {
        return;
    }
    let values: Vec<u64> = if !by_week(days.len(), area.width) {
        days.iter().map(|(_, n)| *n).collect()
    } else {
        days.chunks(7)
            .map(|week| week.iter().map(|(_, n)| n).sum())
            .collect()
    };
    let bars: Vec<Bar> = values
        .iter()
        .map(|v| Bar::new(*v).text_value(String::new()))
        .collect();
    let width = u16::try_from(usize::from(area.width) / values.len().max(1))
        .unwrap_or(1)
        .clamp(1, 3);
    BarChart::new(bars)
        .bar_width(width)
        .bar_gap(0)
        .bar_style(st.done)
        .render(bars_area, buf);
}

/// Whether `days` bars do not fit in `width` columns, so the chart sums
/// them into weeks.
fn by_week(days: usize, width: u16) -> bool {
    days > usize::from(width)
}

/// A heading row, then a gauge per course: title, then ticked/all.
fn gauges(st: &Styles, buf: &mut Buffer, area: Rect, courses: &[(String, usize, usize)]) {
    let Some(head) = row_of(area, 0) else { return };
    put(
        buf,
        head,
        head.x,
        &truncate(t!("stats.courses"), usize::from(head.width)),
        st.heading,
    );
    for (index, (title, done, all)) in courses.iter().enumerate() {
        let Some(row) = row_of(area, index + 1) else {
            break;
        };
        let label_width = (row.width / 3).max(1);
        let label = Rect::new(row.x, row.y, label_width, 1);
        put(
            buf,
            label,
            label.x,
            &truncate(title, usize::from(label_width)),
            Style::new(),
        );
        let gauge = Rect::new(
            row.x + label_width + 1,
            row.y,
            row.width.saturating_sub(label_width + 1),
            1,
        );
        let ratio = if *all == 0 {
            0.0
        } else {
            *done as f64 / *all as f64
        };
        Gauge::default()
            .ratio(ratio.clamp(0.0, 1.0))
            .label(format!("{done}/{all}"))
            .gauge_style(st.done)
            .render(gauge, buf);
    }
}
