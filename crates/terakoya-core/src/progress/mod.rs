//! The reader's progress: ticked points, sections read, reading positions.
//!
//! This module holds the in-memory data and the pure operations on it; the
//! store (load, merge, locked atomic save) lives in `store`.

mod disk;
pub use disk::{FILE_NAME, MAX_FILE_BYTES};
mod file;
mod merge;
pub mod problem;
pub mod report;
pub mod store;
pub mod time;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Anchor {
    /// Section id; `None` for the lesson's head (title, lecturer, intro).
    pub section: Option<String>,
    /// Paragraph (block) index within the section body or intro.
    pub block: u32,
    /// Character offset within that block.
    pub offset: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LessonProgress {
    pub ticked: BTreeSet<String>,
    pub sections_read: BTreeSet<String>,
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
    pub lessons: BTreeMap<LessonKey, LessonProgress>,
    pub last_opened: Option<LessonKey>,
}

/// One change the reader makes. The store applies changes to the freshly
/// re-read file under a lock, so two readers never overwrite each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Tick {
        key: LessonKey,
        point: String,
        ticked: bool,
    },
    SectionRead {
        key: LessonKey,
        section: String,
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

impl Progress {
    pub fn lesson(&self, key: &LessonKey) -> Option<&LessonProgress> {
        self.lessons.get(key)
    }

    pub fn is_ticked(&self, key: &LessonKey, point: &str) -> bool {
        self.lesson(key).is_some_and(|p| p.ticked.contains(point))
    }

    /// Applies one change in memory.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::Tick { key, point, ticked } => {
                let ticks = &mut self.lessons.entry(key.clone()).or_default().ticked;
                if *ticked {
                    ticks.insert(point.clone());
                } else {
                    ticks.remove(point);
                }
            }
            Change::SectionRead { key, section } => {
                self.lessons
                    .entry(key.clone())
                    .or_default()
                    .sections_read
                    .insert(section.clone());
            }
            Change::Position { key, anchor } => {
                self.lessons.entry(key.clone()).or_default().position = Some(anchor.clone());
            }
            Change::Opened { key, at } => {
                self.lessons.entry(key.clone()).or_default().last_opened = Some(*at);
                self.last_opened = Some(key.clone());
            }
            Change::Completed { key, at } => {
                self.lessons.entry(key.clone()).or_default().completed = *at;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_and_untick() {
        let key = LessonKey::new("c", "l");
        let mut progress = Progress::default();
        progress.apply(&Change::Tick {
            key: key.clone(),
            point: "p".into(),
            ticked: true,
        });
        assert!(progress.is_ticked(&key, "p"));
        progress.apply(&Change::Tick {
            key: key.clone(),
            point: "p".into(),
            ticked: false,
        });
        assert!(!progress.is_ticked(&key, "p"));
    }
}
