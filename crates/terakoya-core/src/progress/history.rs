//! Progress over time: every tick, untick and review of a summary point as
//! an append-only log of events, one log per point.
//!
//! A log is a set, so merging two machines' logs is their union; whether a
//! point is ticked is decided by the log alone (the latest tick or untick
//! by time, a tick winning a tie), and the review card is replayed from it
//! (`review::Scheduler::replay`). Both are functions of the set, so merging
//! is commutative, associative and idempotent whatever the order.
//!
//! Logs are bounded: beyond [`MAX_EVENTS`] events a point's log keeps only
//! the newest ones, and always its latest tick or untick (which decides the
//! point's state). Compaction is a function of the set too, so it keeps the
//! merge properties: the newest N of a union are the newest N of the newest
//! N of each side.

use std::collections::BTreeSet;

use super::Progress;
use super::time::{from_datetime, to_datetime};
use crate::review::{Rating, Review};

/// The most events kept per point (documented in docs/progress.md): a
/// point reviewed every day for two months, or ticked and unticked 64 times.
pub const MAX_EVENTS: usize = 64;

/// What happened to a point. The order matters: at the same second, a tick
/// is "later" than an untick (ties: tick wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    Untick,
    Tick,
    Review(Rating),
}

impl EventKind {
    /// The event's word in the progress file and in `progress --json`
    /// (a format token, not wording): `tick`, `untick`, or the rating.
    pub fn token(self) -> &'static str {
        match self {
            EventKind::Tick => "tick",
            EventKind::Untick => "untick",
            EventKind::Review(Rating::Again) => "again",
            EventKind::Review(Rating::Hard) => "hard",
            EventKind::Review(Rating::Good) => "good",
            EventKind::Review(Rating::Easy) => "easy",
        }
    }

    pub fn from_token(token: &str) -> Option<EventKind> {
        [
            EventKind::Tick,
            EventKind::Untick,
            EventKind::Review(Rating::Again),
            EventKind::Review(Rating::Hard),
            EventKind::Review(Rating::Good),
            EventKind::Review(Rating::Easy),
        ]
        .into_iter()
        .find(|kind| kind.token() == token)
    }
}

/// One event: when (seconds since the Unix epoch) and what.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Event {
    pub at: u64,
    pub kind: EventKind,
}

impl Event {
    pub fn tick(at: u64, ticked: bool) -> Event {
        let kind = if ticked {
            EventKind::Tick
        } else {
            EventKind::Untick
        };
        Event { at, kind }
    }

    pub fn review(at: u64, rating: Rating) -> Event {
        Event {
            at,
            kind: EventKind::Review(rating),
        }
    }

    /// A tick or an untick (not a review).
    pub fn is_tick_or_untick(&self) -> bool {
        matches!(self.kind, EventKind::Tick | EventKind::Untick)
    }
}

/// A point's events, oldest first.
pub type PointLog = BTreeSet<Event>;

/// The latest tick or untick of a log (ties: tick wins, by the order of
/// [`EventKind`]).
pub fn latest_tick_event(log: &PointLog) -> Option<Event> {
    log.iter().rev().find(|e| e.is_tick_or_untick()).copied()
}

/// Whether the log says the point is ticked: `None` if it has no tick or
/// untick at all.
pub fn ticked_by(log: &PointLog) -> Option<bool> {
    latest_tick_event(log).map(|e| e.kind == EventKind::Tick)
}

/// When the point was last ticked, if it is ticked now.
pub fn ticked_at(log: &PointLog) -> Option<u64> {
    latest_tick_event(log)
        .filter(|e| e.kind == EventKind::Tick)
        .map(|e| e.at)
}

/// The reviews of a log, oldest first.
pub fn reviews(log: &PointLog) -> Vec<Review> {
    log.iter()
        .filter_map(|e| match e.kind {
            EventKind::Review(rating) => Some(Review { at: e.at, rating }),
            _ => None,
        })
        .collect()
}

/// Bounds a log to [`MAX_EVENTS`]: the newest events, and the latest tick
/// or untick however old.
pub fn compact(log: &mut PointLog) {
    if log.len() <= MAX_EVENTS {
        return;
    }
    let keep = latest_tick_event(log);
    while log.len() > MAX_EVENTS {
        let Some(oldest) = log.iter().find(|e| Some(**e) != keep).copied() else {
            break;
        };
        log.remove(&oldest);
    }
}

/// An event as the file writes it: `"2026-11-25T09:24:04Z tick"` (or
/// `untick`, or a review's rating: `again`, `hard`, `good`, `easy`).
pub fn encode_event(event: &Event) -> String {
    format!("{} {}", to_datetime(event.at), event.kind.token())
}

pub fn decode_event(text: &str) -> Option<Event> {
    let (when, what) = text.trim().split_once(' ')?;
    let at = from_datetime(&when.parse().ok()?)?;
    let kind = EventKind::from_token(what.trim())?;
    Some(Event { at, kind })
}

/// Version 1 kept no times for ticks: each ticked point gets a tick at the
/// lesson's last opening (ticks are made while a lesson is open, so this is
/// the best estimate the file holds), else at its completion; a lesson with
/// neither keeps its ticks without a time (they count as older than any
/// logged untick, and their review cards as due now). Sections read get no
/// time. Nothing is dropped.
pub fn migrate_v1(progress: &mut Progress) {
    for lesson in progress.lessons.values_mut() {
        let lesson = std::sync::Arc::make_mut(lesson);
        let Some(at) = lesson.last_opened.or(lesson.completed) else {
            continue;
        };
        for point in &lesson.ticked {
            let log = lesson.log.entry(point.clone()).or_default();
            if latest_tick_event(log).is_none() {
                log.insert(Event::tick(at, true));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_tick_or_untick_decides_and_a_tie_ticks() {
        let mut log = PointLog::new();
        assert_eq!(ticked_by(&log), None);
        log.insert(Event::tick(10, true));
        log.insert(Event::review(30, Rating::Good));
        assert_eq!(ticked_by(&log), Some(true));
        log.insert(Event::tick(20, false));
        assert_eq!(ticked_by(&log), Some(false));
        assert_eq!(ticked_at(&log), None);
        log.insert(Event::tick(20, true));
        assert_eq!(ticked_by(&log), Some(true));
        assert_eq!(ticked_at(&log), Some(20));
    }

    #[test]
    fn compaction_keeps_the_newest_and_the_deciding_tick() {
        let mut log = PointLog::new();
        log.insert(Event::tick(1, true));
        for day in 0..100 {
            log.insert(Event::review(100 + day, Rating::Good));
        }
        compact(&mut log);
        assert_eq!(log.len(), MAX_EVENTS);
        assert_eq!(ticked_at(&log), Some(1));
        assert_eq!(log.iter().next_back().map(|e| e.at), Some(199));
        assert!(!log.contains(&Event::review(100, Rating::Good)));
    }
}
