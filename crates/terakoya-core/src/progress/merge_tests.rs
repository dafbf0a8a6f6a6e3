use super::super::{Anchor, Change, LessonKey};
use super::*;
use crate::review::Rating;

fn key(lesson: &str) -> LessonKey {
    LessonKey::new("career", lesson)
}

fn lesson(ticked: &[&str], opened: Option<u64>, section: &str) -> LessonProgress {
    LessonProgress {
        ticked: ticked.iter().map(|s| (*s).to_owned()).collect(),
        sections_read: [section.to_owned()].into(),
        position: Some(Anchor {
            section: Some(section.to_owned()),
            block: 1,
            offset: 2,
        }),
        last_opened: opened,
        ..LessonProgress::default()
    }
}

fn progress(entries: &[(&str, LessonProgress)], last: Option<&str>) -> Progress {
    Progress {
        lessons: entries
            .iter()
            .map(|(l, p)| (key(l), p.clone().into()))
            .collect(),
        last_opened: last.map(key),
    }
}

fn tick(lesson: &str, point: &str, ticked: bool, at: u64) -> Change {
    Change::Tick {
        key: key(lesson),
        point: point.into(),
        ticked,
        at,
    }
}

fn applied(changes: &[Change]) -> Progress {
    let mut progress = Progress::default();
    for change in changes {
        progress.apply(change);
    }
    progress
}

#[test]
fn timeless_ticks_and_sections_are_united() {
    let mut here = progress(&[("a", lesson(&["p1", "p2"], Some(10), "s1"))], None);
    let there = progress(&[("a", lesson(&["p2", "p3"], Some(5), "s2"))], None);
    here.merge(&there);
    let merged = &here.lessons[&key("a")];
    assert_eq!(merged.ticked, ["p1", "p2", "p3"].map(String::from).into());
    assert_eq!(merged.sections_read, ["s1", "s2"].map(String::from).into());
}

#[test]
fn the_latest_tick_or_untick_wins_not_the_union() {
    // Machine A ticks p1 then unticks it later; machine B ticked it between.
    let a = applied(&[tick("a", "p1", true, 100), tick("a", "p1", false, 300)]);
    let b = applied(&[tick("a", "p1", true, 200), tick("a", "p2", true, 200)]);
    for (mut here, there) in [(a.clone(), b.clone()), (b, a)] {
        here.merge(&there);
        assert!(!here.is_ticked(&key("a"), "p1"));
        assert!(here.is_ticked(&key("a"), "p2"));
        assert_eq!(here.lessons[&key("a")].log["p1"].len(), 3);
    }
    // A tie: the tick wins.
    let mut a = applied(&[tick("a", "p", false, 50)]);
    a.merge(&applied(&[tick("a", "p", true, 50)]));
    assert!(a.is_ticked(&key("a"), "p"));
}

#[test]
fn an_untick_beats_a_tick_from_before_logs() {
    let mut here = progress(&[("a", lesson(&["p1"], Some(10), "s"))], None);
    here.merge(&applied(&[tick("a", "p1", false, 20)]));
    assert!(!here.is_ticked(&key("a"), "p1"));
}

#[test]
fn reviews_merge_as_a_union() {
    let review = |at, rating| Change::Review {
        key: key("a"),
        point: "p".into(),
        rating,
        at,
    };
    let mut here = applied(&[tick("a", "p", true, 10), review(100, Rating::Good)]);
    let there = applied(&[tick("a", "p", true, 10), review(200, Rating::Hard)]);
    here.merge(&there);
    let reviews = history::reviews(&here.lessons[&key("a")].log["p"]);
    assert_eq!(reviews.len(), 2);
    assert_eq!(reviews[1].rating, Rating::Hard);
}

#[test]
fn later_visit_wins_the_position_and_the_resume_point() {
    let mut here = progress(
        &[
            ("a", lesson(&[], Some(100), "early")),
            ("b", lesson(&[], Some(150), "b-here")),
        ],
        Some("b"),
    );
    let there = progress(&[("a", lesson(&[], Some(200), "late"))], Some("a"));
    here.merge(&there);
    let a = &here.lessons[&key("a")];
    assert_eq!(
        a.position.as_ref().unwrap().section.as_deref(),
        Some("late")
    );
    assert_eq!(a.last_opened, Some(200));
    assert_eq!(here.last_opened, Some(key("a")));

    // Merging the older copy back changes nothing.
    let before = here.clone();
    here.merge(&progress(
        &[("a", lesson(&[], Some(100), "early"))],
        Some("a"),
    ));
    assert_eq!(here, before);
}

#[test]
fn our_later_resume_point_stays() {
    let mut here = progress(&[("a", lesson(&[], Some(300), "s"))], Some("a"));
    let there = progress(&[("b", lesson(&[], Some(200), "s"))], Some("b"));
    here.merge(&there);
    assert_eq!(here.last_opened, Some(key("a")));
    assert!(here.lessons.contains_key(&key("b")));
}

#[test]
fn a_position_fills_a_gap_and_ties_take_the_later_position() {
    let mut here = progress(&[("a", LessonProgress::default())], None);
    here.merge(&progress(&[("a", lesson(&[], None, "theirs"))], None));
    let anchor = here.lessons[&key("a")].position.clone().unwrap();
    assert_eq!(anchor.section.as_deref(), Some("theirs"));

    let mut here = progress(&[("a", lesson(&[], Some(7), "s1"))], None);
    here.merge(&progress(&[("a", lesson(&[], Some(7), "s2"))], None));
    let anchor = here.lessons[&key("a")].position.clone().unwrap();
    assert_eq!(anchor.section.as_deref(), Some("s2"));
}

#[test]
fn completed_keeps_the_first_completion() {
    let mut here = LessonProgress {
        completed: Some(50),
        ..LessonProgress::default()
    };
    here.merge(&LessonProgress {
        completed: Some(40),
        ..LessonProgress::default()
    });
    assert_eq!(here.completed, Some(40));
    here.merge(&LessonProgress::default());
    assert_eq!(here.completed, Some(40));
    let mut empty = LessonProgress::default();
    empty.merge(&here);
    assert_eq!(empty.completed, Some(40));
}

#[test]
fn merging_is_idempotent_and_keeps_lessons_only_on_one_side() {
    let mut here = progress(&[("a", lesson(&["p1"], Some(1), "s"))], Some("a"));
    let there = progress(&[("gone", lesson(&["x"], Some(2), "s"))], Some("gone"));
    here.merge(&there);
    let once = here.clone();
    here.merge(&there);
    assert_eq!(here, once);
    assert_eq!(here.lessons.len(), 2);
    assert_eq!(here.last_opened, Some(key("gone")));
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Progress as the reader makes it: changes applied one by one, at
    /// times that may go back (another machine's clock).
    fn change() -> impl Strategy<Value = Change> {
        let lesson = "[xyz]";
        let point = "[a-c]";
        prop_oneof![
            (lesson, point, any::<bool>(), 1u64..40)
                .prop_map(|(l, p, ticked, at)| tick(&l, &p, ticked, at)),
            (lesson, point, 1u32..=4, 1u64..40).prop_map(|(l, p, n, at)| Change::Review {
                key: key(&l),
                point: p,
                rating: Rating::from_number(n).unwrap(),
                at,
            }),
            (lesson, "[s-u]", 1u64..40).prop_map(|(l, s, at)| Change::SectionRead {
                key: key(&l),
                section: s,
                at,
            }),
            (lesson, 0u32..3).prop_map(|(l, block)| Change::Position {
                key: key(&l),
                anchor: Anchor {
                    section: None,
                    block,
                    offset: 0,
                },
            }),
            (lesson, 1u64..40).prop_map(|(l, at)| Change::Opened { key: key(&l), at }),
            (lesson, proptest::option::of(1u64..40))
                .prop_map(|(l, at)| Change::Completed { key: key(&l), at }),
        ]
    }

    fn any_progress() -> impl Strategy<Value = Progress> {
        proptest::collection::vec(change(), 0..12).prop_map(|changes| applied(&changes))
    }

    fn merged(a: &Progress, b: &Progress) -> Progress {
        let mut merged = a.clone();
        merged.merge(b);
        merged
    }

    /// The parts of progress whose merge is associative.
    fn ticks_and_logs(progress: &Progress) -> Vec<(LessonKey, LessonProgress)> {
        progress
            .lessons
            .iter()
            .map(|(key, lesson)| {
                let kept = LessonProgress {
                    ticked: lesson.ticked.clone(),
                    log: lesson.log.clone(),
                    sections_read: lesson.sections_read.clone(),
                    read_at: lesson.read_at.clone(),
                    completed: lesson.completed,
                    last_opened: lesson.last_opened,
                    position: None,
                };
                (key.clone(), kept)
            })
            .collect()
    }

    proptest! {
        #[test]
        fn merging_is_commutative_and_idempotent(a in any_progress(), b in any_progress()) {
            prop_assert_eq!(merged(&a, &b), merged(&b, &a));
            prop_assert_eq!(merged(&a, &a), a.clone());
            let once = merged(&a, &b);
            prop_assert_eq!(merged(&once, &b), once.clone());
        }

        #[test]
        fn merging_ticks_and_logs_is_associative(
            a in any_progress(),
            b in any_progress(),
            c in any_progress(),
        ) {
            let left = merged(&merged(&a, &b), &c);
            let right = merged(&a, &merged(&b, &c));
            prop_assert_eq!(ticks_and_logs(&left), ticks_and_logs(&right));
        }

        #[test]
        fn nothing_read_or_logged_on_either_side_is_lost(
            ours in any_progress(),
            theirs in any_progress(),
        ) {
            let merged = merged(&ours, &theirs);
            for side in [&ours, &theirs] {
                for (key, lesson) in &side.lessons {
                    let got = &merged.lessons[key];
                    prop_assert!(got.sections_read.is_superset(&lesson.sections_read));
                    prop_assert!(got.last_opened >= lesson.last_opened);
                    for (point, log) in &lesson.log {
                        prop_assert!(got.log[point].is_superset(log));
                    }
                }
            }
        }

        #[test]
        fn the_ticked_points_are_those_the_merged_log_says(
            ours in any_progress(),
            theirs in any_progress(),
        ) {
            let merged = merged(&ours, &theirs);
            for lesson in merged.lessons.values() {
                for (point, log) in &lesson.log {
                    if let Some(ticked) = history::ticked_by(log) {
                        prop_assert_eq!(lesson.ticked.contains(point), ticked);
                    }
                }
            }
        }
    }
}
