//! Progress seen through the lesson library: what `terakoya progress` shows
//! (and what a lesson list may show). Only points and sections that exist in
//! the library count; progress for removed ones stays in the file, unshown.

use crate::model::{Course, Lesson, Library};

use super::{LessonKey, LessonProgress, Progress};

/// One lesson of the library with its progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonReport<'a> {
    pub course: &'a Course,
    pub lesson: &'a Lesson,
    /// Ids of the ticked points, in the lesson's order.
    pub ticked: Vec<&'a str>,
    /// Ids of the sections read, in the lesson's order.
    pub sections_read: Vec<&'a str>,
    pub last_opened: Option<u64>,
}

impl LessonReport<'_> {
    pub fn points_total(&self) -> usize {
        self.lesson.summary.len()
    }

    pub fn sections_total(&self) -> usize {
        self.lesson.sections.len()
    }

    /// Every summary point ticked (a lesson without points is never
    /// complete: there is nothing to tick).
    pub fn complete(&self) -> bool {
        self.points_total() > 0 && self.ticked.len() == self.points_total()
    }

    /// Any saved progress at all.
    pub fn started(&self) -> bool {
        !self.ticked.is_empty() || !self.sections_read.is_empty() || self.last_opened.is_some()
    }
}

/// Every lesson of the library, in library order, with its progress.
pub fn report<'a>(library: &'a Library, progress: &Progress) -> Vec<LessonReport<'a>> {
    let empty = LessonProgress::default();
    library
        .courses
        .iter()
        .flat_map(|course| course.lessons.iter().map(move |lesson| (course, lesson)))
        .map(|(course, lesson)| {
            let key = LessonKey::new(course.id.as_str(), lesson.id.as_str());
            let saved = progress.lesson(&key).unwrap_or(&empty);
            LessonReport {
                course,
                lesson,
                ticked: lesson
                    .summary
                    .iter()
                    .filter(|p| saved.ticked.contains(&p.id))
                    .map(|p| p.id.as_str())
                    .collect(),
                sections_read: lesson
                    .sections
                    .iter()
                    .filter(|s| saved.sections_read.contains(&s.id))
                    .map(|s| s.id.as_str())
                    .collect(),
                last_opened: saved.last_opened,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::{Section, SummaryPoint, Text};
    use crate::progress::Change;

    /// A library of one course with lessons `one` (3 points, 2 sections)
    /// and `two` (no points, no sections).
    fn library() -> Library {
        let point = |id: &str| SummaryPoint {
            id: id.into(),
            text: format!("point {id}"),
            ..Default::default()
        };
        let section = |id: &str| Section {
            id: id.into(),
            heading: format!("見出し {id}"),
            body: Text::default(),
        };
        let lesson = |id: &str, title: &str, points: Vec<SummaryPoint>, sections| Lesson {
            id: id.into(),
            label: None,
            title: title.into(),
            lecturer: None,
            intro: None,
            sections,
            summary: points,
            path: PathBuf::new(),
            ..Default::default()
        };
        Library {
            courses: vec![Course {
                id: "career".into(),
                title: "医師のキャリア".into(),
                description: None,
                lessons: vec![
                    lesson(
                        "one",
                        "SNSとの付き合い方",
                        vec![point("c"), point("a"), point("b")],
                        vec![section("s1"), section("s2")],
                    ),
                    lesson("two", "Plain", vec![], vec![]),
                ],
                path: PathBuf::new(),
            }],
        }
    }

    fn tick(point: &str) -> Change {
        Change::Tick {
            key: LessonKey::new("career", "one"),
            point: point.into(),
            ticked: true,
            at: 1,
        }
    }

    #[test]
    fn counts_only_what_exists_in_lesson_order() {
        let library = library();
        let mut progress = Progress::default();
        for change in [tick("b"), tick("c"), tick("removed")] {
            progress.apply(&change);
        }
        progress.apply(&Change::SectionRead {
            key: LessonKey::new("career", "one"),
            section: "gone".into(),
            at: 2,
        });
        progress.apply(&Change::Opened {
            key: LessonKey::new("elsewhere", "one"),
            at: 5,
        });
        let rows = report(&library, &progress);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].ticked, ["c", "b"]);
        assert!(rows[0].sections_read.is_empty());
        assert_eq!((rows[0].points_total(), rows[0].sections_total()), (3, 2));
        assert!(rows[0].started() && !rows[0].complete());
        assert!(!rows[1].started() && !rows[1].complete());

        progress.apply(&tick("a"));
        assert!(report(&library, &progress)[0].complete());
    }
}
