//! Merging two copies of progress (`progress import`, sync): nothing a
//! person did on either machine is lost, and the result does not depend on
//! the order of merging. The rules are documented in docs/progress.md.

use std::collections::BTreeSet;

use super::{LessonKey, LessonProgress, Progress, history};

impl Progress {
    /// Merges `other` into `self`:
    /// - each point's log: the union of events (bounded, see
    ///   [`history::compact`]); the point is ticked as the latest tick or
    ///   untick of the merged log says (ties: tick wins); a point with no
    ///   tick or untick logged (progress from before logs) stays ticked if
    ///   either side ticked it;
    /// - sections read: the union; when first read: the earlier;
    /// - reading position: the one from the side that opened the lesson
    ///   later (ties: the later position);
    /// - a lesson's last opened: the later; completed: the earlier (the first
    ///   time the lesson was finished);
    /// - the global last opened lesson: the one opened later (ties: the
    ///   greater key).
    ///
    /// Merging is commutative and idempotent; on ticks, logs and sections
    /// it is associative too (tested by properties below).
    pub fn merge(&mut self, other: &Progress) {
        let candidates = [self.last_opened.clone(), other.last_opened.clone()];
        for (key, lesson) in &other.lessons {
            // Merging an equal lesson changes nothing: no copy of a shared one.
            if self.lessons.get(key).is_some_and(|mine| mine == lesson) {
                continue;
            }
            self.lesson_mut(key).merge(lesson);
        }
        if candidates[0] != candidates[1] {
            self.last_opened = candidates
                .into_iter()
                .flatten()
                .max_by_key(|key| (self.opened_at(key), key.clone()));
        }
    }

    /// When a lesson was last opened, if known.
    fn opened_at(&self, key: &LessonKey) -> Option<u64> {
        self.lessons.get(key)?.last_opened
    }
}

impl LessonProgress {
    /// Merges one lesson's progress; see [`Progress::merge`].
    pub fn merge(&mut self, other: &LessonProgress) {
        let timeless: BTreeSet<String> = self
            .ticked
            .union(&other.ticked)
            .filter(|p| {
                let logged = |side: &LessonProgress| {
                    side.log
                        .get(*p)
                        .and_then(history::latest_tick_event)
                        .is_some()
                };
                !logged(self) && !logged(other)
            })
            .cloned()
            .collect();
        for (point, events) in &other.log {
            let log = self.log.entry(point.clone()).or_default();
            log.extend(events.iter().copied());
            history::compact(log);
        }
        self.ticked.extend(timeless);
        self.normalize();
        self.sections_read
            .extend(other.sections_read.iter().cloned());
        for (section, at) in &other.read_at {
            let first = self.read_at.entry(section.clone()).or_insert(*at);
            *first = (*first).min(*at);
        }
        let ours = (self.last_opened, self.position.clone());
        let theirs = (other.last_opened, other.position.clone());
        if other.position.is_some() && (self.position.is_none() || theirs > ours) {
            self.position.clone_from(&other.position);
        }
        self.last_opened = self.last_opened.max(other.last_opened);
        self.completed = match (self.completed, other.completed) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
