//! `terakoya new course` / `new lesson`: files that pass `check` at once,
//! ids from titles, and never a file replaced.

use crate::import_support::{check_course, stderr, stdout, terakoya};

#[test]
fn a_new_course_and_lessons_pass_check() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("sleep");
    let c = course.to_str().unwrap();
    let out = terakoya(
        dir.path(),
        &["new", "course", c, "--title", "夜勤と睡眠の講座"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("course.toml"), "{}", stdout(&out));

    let named = course.join("01-intro");
    let out = terakoya(
        dir.path(),
        &[
            "new",
            "lesson",
            named.to_str().unwrap(),
            "--title",
            "はじめに：眠気とは",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // A course directory as the path: the name comes from the title.
    let out = terakoya(
        dir.path(),
        &["new", "lesson", c, "--title", "Naps & Night Shifts"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = terakoya(dir.path(), &["new", "lesson", c, "--title", "仮眠のとり方"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let lesson = std::fs::read_to_string(course.join("01-intro.toml")).unwrap();
    assert!(lesson.starts_with("# A terakoya lesson"), "{lesson}");
    assert!(
        lesson.contains("\nformat = 2\n") && lesson.contains("title = \"はじめに：眠気とは\""),
        "{lesson}"
    );
    assert!(course.join("naps-night-shifts.toml").is_file());
    assert!(course.join("lesson-1.toml").is_file());

    let ok = check_course(&course);
    assert!(ok.contains("1 course") && ok.contains("3 lessons"), "{ok}");
}

#[test]
fn an_existing_file_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("c");
    let c = course.to_str().unwrap();
    assert!(
        terakoya(dir.path(), &["new", "course", c, "--title", "一"])
            .status
            .success()
    );
    let again = terakoya(dir.path(), &["new", "course", c, "--title", "二"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("exists already; nothing was written"),
        "{}",
        stderr(&again)
    );
    assert!(
        std::fs::read_to_string(course.join("course.toml"))
            .unwrap()
            .contains("\"一\"")
    );

    let lesson = course.join("01-a.toml");
    assert!(
        terakoya(
            dir.path(),
            &["new", "lesson", lesson.to_str().unwrap(), "--title", "甲"]
        )
        .status
        .success()
    );
    let again = terakoya(
        dir.path(),
        &["new", "lesson", lesson.to_str().unwrap(), "--title", "乙"],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(std::fs::read_to_string(&lesson).unwrap().contains("\"甲\""));
}

#[test]
fn a_lesson_needs_a_course_and_a_usable_name() {
    let dir = tempfile::tempdir().unwrap();
    let stray = dir.path().join("no-course/01-a");
    let out = terakoya(
        dir.path(),
        &["new", "lesson", stray.to_str().unwrap(), "--title", "甲"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is not a course (it has no course.toml)"),
        "{}",
        stderr(&out)
    );

    let course = dir.path().join("c");
    assert!(
        terakoya(
            dir.path(),
            &["new", "course", course.to_str().unwrap(), "--title", "講座"]
        )
        .status
        .success()
    );
    let spaced = course.join("first lesson");
    let out = terakoya(
        dir.path(),
        &["new", "lesson", spaced.to_str().unwrap(), "--title", "甲"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("contains a space"),
        "{}",
        stderr(&out)
    );
    assert!(!course.join("first lesson.toml").exists());
}
