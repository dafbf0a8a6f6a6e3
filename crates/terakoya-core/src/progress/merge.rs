//! Merging two copies of progress (`progress import`): nothing a person did
//! on either machine is lost. The rules are documented in docs/progress.md.

use super::{LessonProgress, Progress};

impl Progress {
    /// Merges `other` into `self`:
    /// - ticks and sections read: the union (a tick made on either side
    ///   survives; an untick does not travel, since a missing tick cannot be
    ///   told apart from one never made);
    /// - reading position: the one from the side that opened the lesson
    ///   later (ties keep `self`'s);
    /// - a lesson's last opened: the later; completed: the earlier (the first
    ///   time the lesson was finished);
    /// - the global last opened lesson: the one opened later.
    pub fn merge(&mut self, other: &Progress) {
        // Compared before the lessons merge, which may raise our resume
        // lesson's time to theirs.
        let ours = self.last_opened_time();
        let theirs = other.last_opened_time();
        for (key, lesson) in &other.lessons {
            self.lessons.entry(key.clone()).or_default().merge(lesson);
        }
        if other.last_opened.is_some() && (self.last_opened.is_none() || theirs > ours) {
            self.last_opened.clone_from(&other.last_opened);
        }
    }

    /// When the global last opened lesson was opened, if known.
    fn last_opened_time(&self) -> Option<u64> {
        let key = self.last_opened.as_ref()?;
        self.lessons.get(key)?.last_opened
    }
}

impl LessonProgress {
    /// Merges one lesson's progress; see [`Progress::merge`].
    pub fn merge(&mut self, other: &LessonProgress) {
        self.ticked.extend(other.ticked.iter().cloned());
        self.sections_read
            .extend(other.sections_read.iter().cloned());
        if other.position.is_some()
            && (self.position.is_none() || other.last_opened > self.last_opened)
        {
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
mod tests {
    use super::super::{Anchor, LessonKey};
    use super::*;

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
            completed: None,
        }
    }

    fn progress(entries: &[(&str, LessonProgress)], last: Option<&str>) -> Progress {
        Progress {
            lessons: entries.iter().map(|(l, p)| (key(l), p.clone())).collect(),
            last_opened: last.map(key),
        }
    }

    #[test]
    fn ticks_and_sections_are_united() {
        let mut here = progress(&[("a", lesson(&["p1", "p2"], Some(10), "s1"))], None);
        let there = progress(&[("a", lesson(&["p2", "p3"], Some(5), "s2"))], None);
        here.merge(&there);
        let merged = &here.lessons[&key("a")];
        assert_eq!(merged.ticked, ["p1", "p2", "p3"].map(String::from).into());
        assert_eq!(merged.sections_read, ["s1", "s2"].map(String::from).into());
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
    fn a_position_fills_a_gap_and_ties_keep_ours() {
        let mut here = progress(&[("a", LessonProgress::default())], None);
        here.merge(&progress(&[("a", lesson(&[], None, "theirs"))], None));
        let anchor = here.lessons[&key("a")].position.clone().unwrap();
        assert_eq!(anchor.section.as_deref(), Some("theirs"));

        let mut here = progress(&[("a", lesson(&[], Some(7), "ours"))], None);
        here.merge(&progress(&[("a", lesson(&[], Some(7), "theirs"))], None));
        let anchor = here.lessons[&key("a")].position.clone().unwrap();
        assert_eq!(anchor.section.as_deref(), Some("ours"));
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
        use proptest::collection::{btree_map, btree_set};
        use proptest::prelude::*;

        use super::*;

        fn lesson_progress() -> impl Strategy<Value = LessonProgress> {
            (
                btree_set("[a-e]", 0..5),
                btree_set("[s-u]", 0..3),
                proptest::option::of(0u64..5),
                proptest::option::of(0u64..5),
                proptest::option::of(0u32..3),
            )
                .prop_map(|(ticked, sections_read, last_opened, completed, block)| {
                    LessonProgress {
                        ticked,
                        sections_read,
                        position: block.map(|block| Anchor {
                            section: None,
                            block,
                            offset: 0,
                        }),
                        last_opened,
                        completed,
                    }
                })
        }

        fn any_progress() -> impl Strategy<Value = Progress> {
            (
                btree_map("[xyz]", lesson_progress(), 0..3),
                proptest::option::of("[xyz]"),
            )
                .prop_map(|(lessons, last)| Progress {
                    lessons: lessons.into_iter().map(|(l, p)| (key(&l), p)).collect(),
                    last_opened: last.map(|l| key(&l)),
                })
        }

        proptest! {
            #[test]
            fn nothing_ticked_or_read_on_either_side_is_lost(
                ours in any_progress(),
                theirs in any_progress(),
            ) {
                let mut merged = ours.clone();
                merged.merge(&theirs);
                for side in [&ours, &theirs] {
                    for (key, lesson) in &side.lessons {
                        let got = &merged.lessons[key];
                        prop_assert!(got.ticked.is_superset(&lesson.ticked));
                        prop_assert!(got.sections_read.is_superset(&lesson.sections_read));
                        prop_assert!(got.last_opened >= lesson.last_opened);
                    }
                }
                // Merging again changes nothing, in either order of ticks.
                let once = merged.clone();
                merged.merge(&theirs);
                prop_assert_eq!(&merged, &once);
                let mut other_way = theirs.clone();
                other_way.merge(&ours);
                for (key, lesson) in &other_way.lessons {
                    prop_assert_eq!(&lesson.ticked, &once.lessons[key].ticked);
                    prop_assert_eq!(lesson.completed, once.lessons[key].completed);
                }
            }
        }
    }
}
