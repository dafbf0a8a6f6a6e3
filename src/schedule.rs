//! Review schedules seen in the user's local days: what is due today (by
//! the end of the local day) and how many cards fall on each coming day.
//! Shared by `terakoya review` and the reader's review and statistics
//! screens. The core schedules in UTC seconds; days are the front end's.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use terakoya_core::model::Library;
use terakoya_core::progress::Progress;
use terakoya_core::review::queue::{self, DueCard};
use terakoya_core::review::{DEFAULT_RETENTION, Scheduler};

/// One local day: its date and its start and end (seconds since the epoch,
/// end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub date: Date,
    pub start: u64,
    pub end: u64,
}

/// The local day containing `secs` and the `count - 1` days after it.
pub fn days_from(secs: u64, zone: &TimeZone, count: usize) -> Vec<Day> {
    let Some(first) = local_date(secs, zone) else {
        return Vec::new();
    };
    let mut days = Vec::with_capacity(count);
    let mut date = first;
    for _ in 0..count {
        let Ok(next) = date.tomorrow() else { break };
        let (Some(start), Some(end)) = (day_start(date, zone), day_start(next, zone)) else {
            break;
        };
        days.push(Day { date, start, end });
        date = next;
    }
    days
}

/// The local days ending with the one containing `secs`, `count` in all,
/// oldest first.
pub fn days_until(secs: u64, zone: &TimeZone, count: usize) -> Vec<Day> {
    let Some(today) = local_date(secs, zone) else {
        return Vec::new();
    };
    let back = i64::try_from(count.saturating_sub(1)).unwrap_or(0);
    let Ok(first) = today.checked_sub(jiff::Span::new().days(back)) else {
        return Vec::new();
    };
    let Some(start) = day_start(first, zone) else {
        return Vec::new();
    };
    days_from(start, zone, count)
}

pub fn local_date(secs: u64, zone: &TimeZone) -> Option<Date> {
    let stamp = Timestamp::from_second(i64::try_from(secs).ok()?).ok()?;
    Some(zone.to_datetime(stamp).date())
}

fn day_start(date: Date, zone: &TimeZone) -> Option<u64> {
    let start = zone
        .to_timestamp(date.to_datetime(jiff::civil::Time::midnight()))
        .ok()?;
    u64::try_from(start.as_second()).ok()
}

/// The scheduler at the configured retention (the default if it cannot be
/// made, which [`crate::config`] prevents by checking the range).
pub fn scheduler(retention: Option<f32>) -> Option<Scheduler> {
    retention
        .and_then(|r| Scheduler::new(r).ok())
        .or_else(|| Scheduler::new(DEFAULT_RETENTION).ok())
}

/// What `terakoya review` and the list's "Review: N due" row show.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlook<'a> {
    /// Today (local), if the zone could place `now`.
    pub today: Option<Day>,
    /// Due by the end of today, soonest first (the overdue first).
    pub due: Vec<DueCard<'a>>,
    /// The next days (tomorrow on) with how many cards fall due on each.
    pub next: Vec<(Day, usize)>,
}

pub fn outlook<'a>(
    library: &'a Library,
    progress: &Progress,
    scheduler: &Scheduler,
    now: u64,
    zone: &TimeZone,
    next_days: usize,
) -> Outlook<'a> {
    let cards = queue::cards(library, progress, scheduler);
    let days = days_from(now, zone, next_days + 1);
    let end_of_today = days.first().map_or(now, |d| d.end.saturating_sub(1));
    let due = queue::due_by(&cards, end_of_today);
    let next = days
        .iter()
        .skip(1)
        .map(|day| {
            let count = cards
                .iter()
                .filter(|c| (day.start..day.end).contains(&c.card.due))
                .count();
            (*day, count)
        })
        .collect();
    Outlook {
        today: days.first().copied(),
        due,
        next,
    }
}

impl Outlook<'_> {
    /// The due cards that were due before today began.
    pub fn overdue(&self) -> usize {
        let start = self.today.map_or(0, |d| d.start);
        self.due.iter().filter(|c| c.card.due < start).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_local_and_a_tokyo_day_starts_at_15_utc() {
        let tokyo = TimeZone::fixed(jiff::tz::offset(9));
        // 2026-11-25T09:24:04Z is 18:24 in Tokyo.
        let days = days_from(1_795_598_644, &tokyo, 2);
        assert_eq!(days[0].date.to_string(), "2026-11-25");
        assert_eq!(days[0].start, 1_795_532_400); // 2026-11-24T15:00:00Z
        assert_eq!(days[0].end, days[1].start);
        assert_eq!(days[1].end - days[1].start, 86_400);
        let back = days_until(1_795_598_644, &tokyo, 3);
        assert_eq!(back[0].date.to_string(), "2026-11-23");
        assert_eq!(back[2].date.to_string(), "2026-11-25");
    }
}
