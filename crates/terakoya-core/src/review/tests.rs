use super::*;

const T0: u64 = 1_796_000_000;

fn scheduler() -> Scheduler {
    Scheduler::new(DEFAULT_RETENTION).unwrap()
}

#[test]
fn a_new_card_follows_the_published_first_intervals() {
    // The fsrs crate's documented first states at retention 0.9: again
    // 0.212, hard 1.2931, good 2.3065, easy 8.2956 days.
    let fsrs = FSRS::new(&fsrs::DEFAULT_PARAMETERS).unwrap();
    let next = fsrs.next_states(None, 0.9, 0).unwrap();
    assert!((next.good.interval - 2.3065).abs() < 1e-3);
    assert!((next.easy.interval - 8.2956).abs() < 1e-3);
    // The tick is a first "good": due in round(2.3065) = 2 days.
    let card = scheduler().replay(T0, &[]);
    assert_eq!(card.due, T0 + 2 * DAY);
    assert_eq!(card.reviews, 0);
    assert!((card.stability - next.good.memory.stability).abs() < 1e-6);
}

#[test]
fn replay_matches_stepping_the_crate_by_hand() {
    let ratings = [Rating::Good, Rating::Again, Rating::Hard, Rating::Easy];
    let fsrs = FSRS::new(&fsrs::DEFAULT_PARAMETERS).unwrap();
    let mut memory = fsrs.next_states(None, 0.9, 0).unwrap().good.memory;
    let mut at = T0;
    let mut due = T0 + 2 * DAY;
    let mut reviews = Vec::new();
    for rating in ratings {
        let elapsed = (due - at) / DAY;
        at = due;
        let next = fsrs
            .next_states(Some(memory), 0.9, u32::try_from(elapsed).unwrap())
            .unwrap();
        let state = pick(&next, rating);
        memory = state.memory;
        due = at + (state.interval.round().max(1.0) as u64) * DAY;
        reviews.push(Review { at, rating });
    }
    let card = scheduler().replay(T0, &reviews);
    assert_eq!(card.due, due);
    assert_eq!(card.reviews, 4);
    assert!((card.stability - memory.stability).abs() < 1e-6);
    assert!((card.difficulty - memory.difficulty).abs() < 1e-6);
}

#[test]
fn better_ratings_never_give_shorter_intervals() {
    let s = scheduler();
    let card = s.replay(
        T0,
        &[Review {
            at: T0 + 2 * DAY,
            rating: Rating::Good,
        }],
    );
    let days = s.preview(&card, card.due);
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
    assert!(days[0] >= 1);
}

#[test]
fn review_order_and_reviews_before_the_tick_do_not_matter() {
    let s = scheduler();
    let a = Review {
        at: T0 + 2 * DAY,
        rating: Rating::Hard,
    };
    let b = Review {
        at: T0 + 9 * DAY,
        rating: Rating::Easy,
    };
    let old = Review {
        at: T0 - DAY,
        rating: Rating::Again,
    };
    assert_eq!(s.replay(T0, &[a, b]), s.replay(T0, &[b, old, a]));
}

#[test]
fn retention_outside_the_range_is_refused() {
    assert!(Scheduler::new(0.5).is_err());
    assert!(Scheduler::new(1.0).is_err());
    assert!(Scheduler::new(0.85).is_ok());
    assert_eq!(Rating::from_number(3), Some(Rating::Good));
    assert_eq!(Rating::from_number(0), None);
    assert_eq!(Rating::from_number(5), None);
}

mod queue_tests {
    use super::*;
    use crate::model::{Course, Lesson, Library, SummaryPoint};
    use crate::progress::{Change, LessonKey, Progress};
    use crate::review::queue::{cards, due_by};

    fn library() -> Library {
        let point = |id: &str| SummaryPoint {
            id: id.into(),
            text: format!("point {id}"),
            ..Default::default()
        };
        Library {
            courses: vec![Course {
                id: "career".into(),
                title: "Career".into(),
                description: None,
                lessons: vec![Lesson {
                    id: "one".into(),
                    label: None,
                    title: "One".into(),
                    lecturer: None,
                    intro: None,
                    sections: vec![],
                    summary: vec![point("a"), point("b"), point("c")],
                    path: Default::default(),
                    inline: Default::default(),
                }],
                path: Default::default(),
            }],
        }
    }

    #[test]
    fn ticked_points_become_cards_soonest_first_and_unticking_removes_one() {
        let library = library();
        let key = LessonKey::new(library.courses[0].id.as_str(), "one");
        let mut progress = Progress::default();
        for (point, at) in [("a", T0 + DAY), ("b", T0), ("c", T0)] {
            progress.apply(&Change::Tick {
                key: key.clone(),
                point: point.into(),
                ticked: true,
                at,
            });
        }
        let all = cards(&library, &progress, &scheduler());
        let order: Vec<&str> = all.iter().map(|c| c.point.id.as_str()).collect();
        assert_eq!(order, ["b", "c", "a"]);
        assert_eq!(due_by(&all, T0 + 2 * DAY).len(), 2);
        progress.apply(&Change::Tick {
            key: key.clone(),
            point: "b".into(),
            ticked: false,
            at: T0 + 3 * DAY,
        });
        let left = cards(&library, &progress, &scheduler());
        assert_eq!(left.len(), 2);
        // The history stays.
        assert_eq!(progress.lessons[&key].log["b"].len(), 2);
    }
}
