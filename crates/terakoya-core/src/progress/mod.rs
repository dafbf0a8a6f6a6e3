//! The reader's progress: ticked points, sections read, reading positions.
//!
//! This module holds the in-memory data and the pure operations on it; the
//! store (load, merge, locked atomic save) lives in `store`.

mod disk;
pub use disk::{FILE_NAME, MAX_FILE_BYTES};
mod file;
pub mod history;
mod merge;
pub mod problem;
pub mod report;
pub mod store;
pub mod sync;
pub mod time;
mod write;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::review::Rating;
use history::{Event, PointLog};

/// Identifies a lesson by stable ids, never by list position.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LessonKey {
    pub course: String,
    pub lesson: String,
}

impl LessonKey {
    pub fn new(course: impl Into<String>, lesson: impl Into<String>) -> Self {
        Self {
            course: course.into(),
            lesson: lesson.into(),
        }
    }
}

impl std::fmt::Display for LessonKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.course, self.lesson)
    }
}

/// A reading position anchored to the content, so that it survives another
/// terminal width and small edits of the lesson.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Anchor {
    /// Section id; `None` for the lesson's head (title, lecturer, intro).
    pub section: Option<String>,
    /// Paragraph (block) index within the section body or intro.
    pub block: u32,
    /// Character offset within that block.
    pub offset: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LessonProgress {
    /// The points ticked now: decided by `log` wherever a point's log has a
    /// tick or untick (see [`LessonProgress::normalize`]).
    pub ticked: BTreeSet<String>,
    pub sections_read: BTreeSet<String>,
    /// When each section was first read (seconds since the Unix epoch);
    /// sections read before times were kept have none.
    pub read_at: BTreeMap<String, u64>,
    /// Each point's ticks, unticks and reviews (see [`history`]).
    pub log: BTreeMap<String, PointLog>,
    pub position: Option<Anchor>,
    /// Seconds since the Unix epoch.
    pub last_opened: Option<u64>,
    /// When the lesson was first completed (seconds since the Unix epoch).
    pub completed: Option<u64>,
}

/// Everything saved, keyed by stable ids. Entries for lessons or points that
/// no longer exist are kept (an author may bring them back), just not shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    /// Shared, not copied, between the store and the reader: the reader
    /// gets the saved progress back after every save, and copying ten
    /// thousand lessons' logs each time took three quarters of a tick. A
    /// change copies only the lessons it touches ([`Progress::lesson_mut`]).
    pub lessons: BTreeMap<LessonKey, Arc<LessonProgress>>,
    pub last_opened: Option<LessonKey>,
}

/// One change the reader makes. The store applies changes to the freshly
/// re-read file under a lock, so two readers never overwrite each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A point ticked (or unticked) at `at`, seconds since the epoch.
    Tick {
        key: LessonKey,
        point: String,
        ticked: bool,
        at: u64,
    },
    SectionRead {
        key: LessonKey,
        section: String,
        at: u64,
    },
    /// A review of a ticked point's card.
    Review {
        key: LessonKey,
        point: String,
        rating: Rating,
        at: u64,
    },
    /// Takes back a review (the review screen's undo): removes exactly
    /// that event from the point's log.
    Unreview {
        key: LessonKey,
        point: String,
        rating: Rating,
        at: u64,
    },
    Position {
        key: LessonKey,
        anchor: Anchor,
    },
    Opened {
        key: LessonKey,
        at: u64,
    },
    /// Set when the last point of a lesson is ticked (or cleared with `None`).
    Completed {
        key: LessonKey,
        at: Option<u64>,
    },
}

impl Change {
    /// The lesson the change is to.
    pub fn key(&self) -> &LessonKey {
        match self {
            Change::Tick { key, .. }
            | Change::SectionRead { key, .. }
            | Change::Review { key, .. }
            | Change::Unreview { key, .. }
            | Change::Position { key, .. }
            | Change::Opened { key, .. }
            | Change::Completed { key, .. } => key,
        }
    }
}

impl Progress {
    pub fn lesson(&self, key: &LessonKey) -> Option<&LessonProgress> {
        self.lessons.get(key).map(|lesson| &**lesson)
    }

    pub fn is_ticked(&self, key: &LessonKey, point: &str) -> bool {
        self.lesson(key).is_some_and(|p| p.ticked.contains(point))
    }

    /// The progress of the lesson `key`, to change (made if missing, and
    /// copied first if it is shared).
    pub fn lesson_mut(&mut self, key: &LessonKey) -> &mut LessonProgress {
        Arc::make_mut(self.lessons.entry(key.clone()).or_default())
    }

    /// Applies one change in memory.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::Tick {
                key,
                point,
                ticked,
                at,
            } => {
                let lesson = self.lesson_mut(key);
                let log = lesson.log.entry(point.clone()).or_default();
                // The person's latest action must decide even when another
                // machine's clock ran ahead: never before the latest one.
                let at = match history::latest_tick_event(log) {
                    Some(latest) if latest.at >= *at => latest.at + u64::from(!*ticked),
                    _ => *at,
                };
                log.insert(Event::tick(at, *ticked));
                history::compact(log);
                lesson.normalize_point(point);
            }
            Change::SectionRead { key, section, at } => {
                let lesson = self.lesson_mut(key);
                lesson.sections_read.insert(section.clone());
                let first = lesson.read_at.entry(section.clone()).or_insert(*at);
                *first = (*first).min(*at);
            }
            Change::Review {
                key,
                point,
                rating,
                at,
            } => {
                let lesson = self.lesson_mut(key);
                let log = lesson.log.entry(point.clone()).or_default();
                log.insert(Event::review(*at, *rating));
                history::compact(log);
            }
            Change::Unreview {
                key,
                point,
                rating,
                at,
            } => {
                if let Some(log) = self
                    .lessons
                    .get_mut(key)
                    .and_then(|l| Arc::make_mut(l).log.get_mut(point))
                {
                    log.remove(&Event::review(*at, *rating));
                }
            }
            Change::Position { key, anchor } => {
                self.lesson_mut(key).position = Some(anchor.clone());
            }
            Change::Opened { key, at } => {
                self.lesson_mut(key).last_opened = Some(*at);
                self.last_opened = Some(key.clone());
            }
            Change::Completed { key, at } => {
                self.lesson_mut(key).completed = *at;
            }
        }
    }
}

impl LessonProgress {
    /// Makes `ticked` agree with the logs: a point whose log has a tick or
    /// untick is ticked as its latest one says; a point without any (ticked
    /// by a hand edit, say) keeps what `ticked` says.
    pub fn normalize(&mut self) {
        let points: Vec<String> = self.log.keys().cloned().collect();
        for point in points {
            self.normalize_point(&point);
        }
        self.log.retain(|_, log| !log.is_empty());
    }

    fn normalize_point(&mut self, point: &str) {
        match self.log.get(point).and_then(history::ticked_by) {
            Some(true) => {
                self.ticked.insert(point.to_owned());
            }
            Some(false) => {
                self.ticked.remove(point);
            }
            None => {}
        }
    }

    /// When `point` was last ticked, if it is ticked now and the time is
    /// known.
    pub fn ticked_at(&self, point: &str) -> Option<u64> {
        self.log.get(point).and_then(history::ticked_at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tick(key: &LessonKey, ticked: bool, at: u64) -> Change {
        Change::Tick {
            key: key.clone(),
            point: "p".into(),
            ticked,
            at,
        }
    }

    #[test]
    fn tick_and_untick() {
        let key = LessonKey::new("c", "l");
        let mut progress = Progress::default();
        progress.apply(&tick(&key, true, 100));
        assert!(progress.is_ticked(&key, "p"));
        progress.apply(&tick(&key, false, 200));
        assert!(!progress.is_ticked(&key, "p"));
        let log = &progress.lessons[&key].log["p"];
        assert_eq!(
            log.iter().copied().collect::<Vec<_>>(),
            [Event::tick(100, true), Event::tick(200, false)]
        );
    }

    #[test]
    fn an_untick_decides_even_behind_a_clock_that_ran_ahead() {
        let key = LessonKey::new("c", "l");
        let mut progress = Progress::default();
        progress.apply(&tick(&key, true, 500));
        progress.apply(&tick(&key, false, 400));
        assert!(!progress.is_ticked(&key, "p"));
        progress.apply(&tick(&key, true, 400));
        assert!(progress.is_ticked(&key, "p"));
    }

    #[test]
    fn reviews_are_logged_and_undone() {
        let key = LessonKey::new("c", "l");
        let mut progress = Progress::default();
        progress.apply(&tick(&key, true, 100));
        let review =
            |change: fn(_) -> Change| change((key.clone(), "p".to_owned(), Rating::Hard, 300));
        progress.apply(&review(|(key, point, rating, at)| Change::Review {
            key,
            point,
            rating,
            at,
        }));
        assert_eq!(history::reviews(&progress.lessons[&key].log["p"]).len(), 1);
        progress.apply(&review(|(key, point, rating, at)| Change::Unreview {
            key,
            point,
            rating,
            at,
        }));
        assert!(history::reviews(&progress.lessons[&key].log["p"]).is_empty());
        assert!(progress.is_ticked(&key, "p"));
    }
}
