//! Spaced repetition of summary points: a ticked point becomes a review
//! card, scheduled with FSRS (the scheduler Anki uses) through the `fsrs`
//! crate, which since version 5 no longer runs an ML framework to
//! schedule.
//!
//! A card's state is never stored on its own: it is replayed from the tick
//! and the review log, so that merging two machines' logs (a union of
//! events) gives the same card on both, whatever the order of merging.
//!
//! The tick counts as the first review, rated "good": ticking says "I
//! understood this", which is what a first "good" means in Anki.

use fsrs::{FSRS, MemoryState, NextStates};

pub mod queue;

/// Seconds in a day: intervals are whole days.
pub const DAY: u64 = 86_400;

/// The recall probability aimed for unless configured otherwise (Anki's
/// default).
pub const DEFAULT_RETENTION: f32 = 0.9;
/// The range of retention a user may configure: outside it FSRS's
/// intervals become absurd (years, or several reviews a day).
pub const RETENTION_RANGE: std::ops::RangeInclusive<f32> = 0.70..=0.99;

/// How well a point was recalled, as the keys 1–4 of the review screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The rating of a key's number, 1–4.
    pub fn from_number(n: u32) -> Option<Rating> {
        Rating::ALL
            .get(usize::try_from(n.checked_sub(1)?).ok()?)
            .copied()
    }

    pub fn number(self) -> u32 {
        self as u32
    }
}

/// One review: when (seconds since the Unix epoch) and the rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Review {
    pub at: u64,
    pub rating: Rating,
}

/// A card's schedule after its tick and reviews.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Card {
    pub stability: f32,
    pub difficulty: f32,
    /// When it was last reviewed (or ticked).
    pub last: u64,
    /// When it is next due.
    pub due: u64,
    /// Reviews after the tick.
    pub reviews: u32,
}

/// Why a scheduler could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReviewError {
    #[error("desired retention {0} is outside 0.70–0.99")]
    Retention(f32),
    #[error("FSRS refused its parameters: {0}")]
    Parameters(String),
}

/// FSRS with its default parameters and a desired retention.
pub struct Scheduler {
    fsrs: FSRS,
    retention: f32,
}

impl Scheduler {
    pub fn new(retention: f32) -> Result<Scheduler, ReviewError> {
        if !RETENTION_RANGE.contains(&retention) {
            return Err(ReviewError::Retention(retention));
        }
        let fsrs = FSRS::new(&fsrs::DEFAULT_PARAMETERS)
            .map_err(|e| ReviewError::Parameters(e.to_string()))?;
        Ok(Scheduler { fsrs, retention })
    }

    /// The card of a point ticked at `ticked_at` and reviewed as `reviews`
    /// say (in any order; reviews before the tick are ignored, as they
    /// belong to an earlier tick).
    pub fn replay(&self, ticked_at: u64, reviews: &[Review]) -> Card {
        let mut card = self.step(None, ticked_at, Rating::Good);
        let mut sorted: Vec<Review> = reviews
            .iter()
            .copied()
            .filter(|r| r.at >= ticked_at)
            .collect();
        sorted.sort();
        for review in sorted {
            card = self.step(Some(card), review.at, review.rating);
            card.reviews += 1;
        }
        card
    }

    /// The interval in whole days each rating would give `card` if rated
    /// at `now`, again to easy (for the "3 good → 9日" hint).
    pub fn preview(&self, card: &Card, now: u64) -> [u64; 4] {
        Rating::ALL
            .map(|rating| (self.step(Some(*card), now, rating).due - now.max(card.last)) / DAY)
    }

    fn step(&self, card: Option<Card>, at: u64, rating: Rating) -> Card {
        let at = card.map_or(at, |c| at.max(c.last));
        let memory = card.map(|c| MemoryState {
            stability: c.stability,
            difficulty: c.difficulty,
        });
        let elapsed = card.map_or(0, |c| (at - c.last) / DAY);
        let elapsed = u32::try_from(elapsed).unwrap_or(u32::MAX);
        let reviews = card.map_or(0, |c| c.reviews);
        match self.fsrs.next_states(memory, self.retention, elapsed) {
            Ok(next) => {
                let state = pick(&next, rating);
                Card {
                    stability: state.memory.stability,
                    difficulty: state.memory.difficulty,
                    last: at,
                    due: at.saturating_add(whole_days(state.interval) * DAY),
                    reviews,
                }
            }
            // FSRS refused the state (it checks for NaN and the like):
            // keep the card and show it again tomorrow.
            Err(_) => Card {
                stability: card.map_or(1.0, |c| c.stability),
                difficulty: card.map_or(5.0, |c| c.difficulty),
                last: at,
                due: at.saturating_add(DAY),
                reviews,
            },
        }
    }
}

fn pick(next: &NextStates, rating: Rating) -> &fsrs::ItemState {
    match rating {
        Rating::Again => &next.again,
        Rating::Hard => &next.hard,
        Rating::Good => &next.good,
        Rating::Easy => &next.easy,
    }
}

/// An interval in days, rounded, at least one day (as Anki schedules
/// review cards) and at most about a century.
fn whole_days(interval: f32) -> u64 {
    let days = interval.round().clamp(1.0, 36_500.0);
    // In range and whole: clamped above.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let whole = days as u64;
    whole
}

#[cfg(test)]
mod tests;
