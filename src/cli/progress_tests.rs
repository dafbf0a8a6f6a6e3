use super::*;
use std::path::PathBuf;
use terakoya_core::progress::Change;

use terakoya_core::model::{Course, Lesson, Library, Section, SummaryPoint, Text};

// The same fixture as the core's report tests (tests of one crate cannot
// reach another's `cfg(test)` code).
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

const NOW: u64 = 1_795_598_644;

fn progress() -> Progress {
    let key = LessonKey::new("career", "one");
    let mut progress = Progress::default();
    for change in [
        Change::Tick {
            key: key.clone(),
            point: "b".into(),
            ticked: true,
            at: NOW,
        },
        Change::SectionRead {
            key: key.clone(),
            section: "s2".into(),
            at: NOW,
        },
        Change::Opened {
            key,
            at: NOW - 7200,
        },
    ] {
        progress.apply(&change);
    }
    progress
}

#[test]
fn the_table_aligns_by_display_width() {
    let library = library();
    let text = table(&report(&library, &progress()), NOW);
    let expected = "\
COURSE  LESSON  POINTS  SECTIONS  LAST OPENED  TITLE
career  one        1/3       1/2  2 h ago      SNSとの付き合い方
career  two        0/0       0/0  -            Plain
";
    assert_eq!(text, expected);
}

#[test]
fn json_lists_every_lesson_in_the_documented_shape() {
    let library = library();
    let progress = progress();
    let json = serde_json::to_string(&to_json(&report(&library, &progress), &progress)).unwrap();
    assert_eq!(
        json,
        r#"{"lessons":[{"course":"career","lesson":"one","ticked":["b"],"sections_read":["s2"],"points_total":3,"complete":false,"history":{"b":[{"at":"2026-11-25T09:24:04Z","event":"tick"}]},"sections_read_at":{"s2":"2026-11-25T09:24:04Z"}},{"course":"career","lesson":"two","ticked":[],"sections_read":[],"points_total":0,"complete":false,"history":{},"sections_read_at":{}}]}"#
    );
}

#[test]
fn saved_lessons_are_found_by_full_or_bare_id() {
    let mut progress = progress();
    progress.apply(&Change::Opened {
        key: LessonKey::new("other", "one"),
        at: 1,
    });
    progress.apply(&Change::Opened {
        key: LessonKey::new("gone", "old"),
        at: 1,
    });
    assert_eq!(
        find_saved(&progress, "career/one").unwrap(),
        LessonKey::new("career", "one")
    );
    assert_eq!(
        find_saved(&progress, "old").unwrap(),
        LessonKey::new("gone", "old")
    );
    let err = find_saved(&progress, "one").unwrap_err().to_string();
    assert!(err.contains("career/one, other/one"), "{err}");
    let err = find_saved(&progress, "career/zzz").unwrap_err().to_string();
    assert!(err.contains("no saved progress for `career/zzz`"), "{err}");
}
