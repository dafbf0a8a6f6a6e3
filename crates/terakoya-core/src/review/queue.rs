//! The review cards of a library: one per ticked summary point that still
//! exists, replayed from the point's log (`progress::history`).

use crate::model::{Course, Lesson, Library, SummaryPoint};
use crate::progress::{LessonKey, Progress, history};

use super::{Card, Scheduler};

/// A ticked point's card, with where the point is.
#[derive(Debug, Clone, PartialEq)]
pub struct DueCard<'a> {
    pub course: &'a Course,
    pub lesson: &'a Lesson,
    pub point: &'a SummaryPoint,
    pub card: Card,
}

impl DueCard<'_> {
    pub fn key(&self) -> LessonKey {
        LessonKey::new(self.course.id.as_str(), self.lesson.id.as_str())
    }
}

/// Every card of the library, soonest due first (ties: library order).
/// A point ticked without a known time (progress from before logs) counts
/// as ticked at the epoch: its card is due at once.
pub fn cards<'a>(
    library: &'a Library,
    progress: &Progress,
    scheduler: &Scheduler,
) -> Vec<DueCard<'a>> {
    let mut cards = Vec::new();
    for course in &library.courses {
        for lesson in &course.lessons {
            let key = LessonKey::new(course.id.as_str(), lesson.id.as_str());
            let Some(saved) = progress.lesson(&key) else {
                continue;
            };
            for point in &lesson.summary {
                if !saved.ticked.contains(&point.id) {
                    continue;
                }
                let log = saved.log.get(&point.id);
                let ticked_at = log.and_then(history::ticked_at).unwrap_or(0);
                let reviews = log.map(history::reviews).unwrap_or_default();
                cards.push(DueCard {
                    course,
                    lesson,
                    point,
                    card: scheduler.replay(ticked_at, &reviews),
                });
            }
        }
    }
    // Stable: library order among cards due at the same time.
    cards.sort_by_key(|c| c.card.due);
    cards
}

/// The cards due by `until` (seconds since the epoch), soonest first.
pub fn due_by<'a>(cards: &[DueCard<'a>], until: u64) -> Vec<DueCard<'a>> {
    cards
        .iter()
        .filter(|c| c.card.due <= until)
        .cloned()
        .collect()
}
