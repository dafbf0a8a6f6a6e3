//! `new lesson` and `import` add the new lesson's id to the course's
//! `lessons = [...]` list when it has one, keeping the rest of the file,
//! so that `check` does not warn that the lesson is not listed.

use crate::import_support::{check_course, fixture, stderr, stdout, terakoya};

const COURSE: &str = r#"# 並び順を決める講座
format = 1
title = "並び順のある講座"   # 題名

# 読む順番
lessons = [
    "01-first",
]
"#;

fn course_with_list() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("ordered");
    std::fs::create_dir_all(&course).unwrap();
    std::fs::write(course.join("course.toml"), COURSE).unwrap();
    let out = terakoya(
        dir.path(),
        &[
            "new",
            "lesson",
            course.join("01-first").to_str().unwrap(),
            "--title",
            "一つ目",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, course)
}

#[test]
fn new_lesson_appends_its_id_to_the_list() {
    let (dir, course) = course_with_list();
    let listed = std::fs::read_to_string(course.join("course.toml")).unwrap();
    assert_eq!(listed, COURSE, "listed already: unchanged");
    let out = terakoya(
        dir.path(),
        &[
            "new",
            "lesson",
            course.join("02-second").to_str().unwrap(),
            "--title",
            "二つ目",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("added `02-second`"),
        "{}",
        stdout(&out)
    );
    let text = std::fs::read_to_string(course.join("course.toml")).unwrap();
    assert_eq!(
        text,
        COURSE.replace("\"01-first\",\n", "\"01-first\",\n    \"02-second\",\n")
    );
    let ok = check_course(&course);
    assert!(!ok.contains("warning"), "{ok}");
    assert!(ok.contains("2 lessons"), "{ok}");
}

#[test]
fn import_appends_its_id_to_the_list() {
    let (dir, course) = course_with_list();
    let article = fixture("night-shift.md");
    let out = terakoya(
        dir.path(),
        &[
            "import",
            article.to_str().unwrap(),
            "--course",
            course.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(course.join("course.toml")).unwrap();
    let added: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("lessons = ["))
        .skip(2)
        .take_while(|l| *l != "]")
        .collect();
    assert_eq!(added.len(), 1, "{text}");
    let id = added[0].trim().trim_end_matches(',').trim_matches('"');
    assert!(course.join(format!("{id}.toml")).is_file(), "{text}");
    let ok = check_course(&course);
    assert!(!ok.contains("warning"), "{ok}");
}

#[test]
fn a_list_that_cannot_be_edited_is_left_alone_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("odd");
    std::fs::create_dir_all(&course).unwrap();
    let odd = "title = \"講座\"\nlessons = \"01-first\"\n";
    std::fs::write(course.join("course.toml"), odd).unwrap();
    let out = terakoya(
        dir.path(),
        &[
            "new",
            "lesson",
            course.join("01-first").to_str().unwrap(),
            "--title",
            "一つ目",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("could not add `01-first`"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(course.join("course.toml")).unwrap(),
        odd
    );
}
