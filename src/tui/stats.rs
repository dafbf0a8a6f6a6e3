//! The statistics screen's figures, computed from the progress logs (pure):
//! points ticked and sections read per local day over the last 8 weeks,
//! completion per course, reviews due per day for the next 4 weeks, and
//! the current streak of days with any study.

use std::collections::BTreeSet;

use jiff::civil::Date;
use terakoya_core::progress::LessonKey;
use terakoya_core::progress::history::EventKind;
use terakoya_core::review::queue;

use super::app::{App, Screen};
use super::msg::Action;
use crate::schedule::{self, Day};

/// Days looked back and ahead.
pub const PAST_DAYS: usize = 56;
pub const NEXT_DAYS: usize = 28;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stats {
    /// Oldest first, ending today.
    pub ticked: Vec<(Date, u64)>,
    pub read: Vec<(Date, u64)>,
    /// Course title, points ticked, points in all.
    pub courses: Vec<(String, usize, usize)>,
    /// Today first (today counts the overdue too).
    pub due: Vec<(Date, u64)>,
    /// Days in a row, ending today (or yesterday when nothing yet today),
    /// with a tick, a review or a section read.
    pub streak: usize,
}

pub fn open(app: &mut App) {
    app.stats_top = 0;
    app.screen = Screen::Stats;
}

pub fn action(app: &mut App, action: Action) {
    match action {
        Action::Back => {
            app.screen = Screen::List;
        }
        Action::ScrollDown => app.stats_top = app.stats_top.saturating_add(1).min(BLOCKS - 1),
        Action::ScrollUp => app.stats_top = app.stats_top.saturating_sub(1),
        Action::Top => app.stats_top = 0,
        Action::ToggleHelp => app.help = Some(0),
        _ => {}
    }
}

/// The screen's blocks (charts and gauges), scrolled by whole blocks.
pub const BLOCKS: usize = 4;

fn count_in(days: &[Day], times: impl Iterator<Item = u64>) -> Vec<(Date, u64)> {
    let mut counts = vec![0u64; days.len()];
    for at in times {
        if let Some(i) = days.iter().position(|d| (d.start..d.end).contains(&at)) {
            counts[i] += 1;
        }
    }
    days.iter().map(|d| d.date).zip(counts).collect()
}

pub fn compute(app: &App) -> Stats {
    let zone = &app.review_settings.zone;
    let past = schedule::days_until(app.now, zone, PAST_DAYS);
    let lessons = app.progress.lessons.values();
    let ticks = lessons.clone().flat_map(|l| {
        l.log
            .values()
            .flatten()
            .filter(|e| e.kind == EventKind::Tick)
            .map(|e| e.at)
    });
    let ticked = count_in(&past, ticks);
    let read = count_in(
        &past,
        lessons.clone().flat_map(|l| l.read_at.values().copied()),
    );
    let courses = app
        .library
        .courses
        .iter()
        .map(|course| {
            let (done, all) = course.lessons.iter().fold((0, 0), |(done, all), lesson| {
                let key = LessonKey::new(course.id.as_str(), lesson.id.as_str());
                (
                    done + app.ticked_count(&key, lesson),
                    all + lesson.summary.len(),
                )
            });
            (course.title.clone(), done, all)
        })
        .collect();
    let next = schedule::days_from(app.now, zone, NEXT_DAYS);
    let due = match super::review::scheduler(app) {
        Some(scheduler) => {
            let cards = queue::cards(&app.library, &app.progress, &scheduler);
            let today_start = next.first().map_or(0, |d| d.start);
            // Overdue cards count as due today.
            count_in(&next, cards.iter().map(|c| c.card.due.max(today_start)))
        }
        None => next.iter().map(|d| (d.date, 0)).collect(),
    };
    let active: BTreeSet<Date> = lessons
        .flat_map(|l| {
            l.log
                .values()
                .flatten()
                .map(|e| e.at)
                .chain(l.read_at.values().copied())
        })
        .filter_map(|at| schedule::local_date(at, zone))
        .collect();
    Stats {
        ticked,
        read,
        courses,
        due,
        streak: streak(&active, schedule::local_date(app.now, zone)),
    }
}

fn streak(active: &BTreeSet<Date>, today: Option<Date>) -> usize {
    let Some(today) = today else { return 0 };
    let mut day = if active.contains(&today) {
        today
    } else {
        match today.yesterday() {
            Ok(yesterday) => yesterday,
            Err(_) => return 0,
        }
    };
    let mut count = 0;
    while active.contains(&day) {
        count += 1;
        match day.yesterday() {
            Ok(before) => day = before,
            Err(_) => break,
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_streak_counts_back_from_today_or_yesterday() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let active: BTreeSet<Date> = [d("2026-11-20"), d("2026-11-22"), d("2026-11-23")].into();
        assert_eq!(streak(&active, Some(d("2026-11-23"))), 2);
        assert_eq!(streak(&active, Some(d("2026-11-24"))), 2);
        assert_eq!(streak(&active, Some(d("2026-11-25"))), 0);
    }
}
