//! `terakoya import`: the lessons made from the fixture articles
//! (snapshots), the report, encodings, and never replacing a file without
//! `--force`.

use crate::import_support::{fixture, stderr, stdout, terakoya};

/// The dry-run TOML of one fixture (without its `# path` header line).
fn dry_run(name: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("course");
    let file = fixture(name);
    let out = terakoya(
        dir.path(),
        &[
            "import",
            file.to_str().unwrap(),
            "--course",
            course.to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!course.exists(), "a dry run wrote {}", course.display());
    let text = stdout(&out);
    let (header, toml) = text.split_once('\n').unwrap();
    assert!(header.starts_with("# "), "{header}");
    let report = stderr(&out)
        .replace(&course.display().to_string(), "<course>")
        .replace(&file.display().to_string(), name);
    (toml.to_owned(), report)
}

#[test]
fn a_japanese_course_page_becomes_a_lesson() {
    let (toml, report) = dry_run("course-page.html");
    insta::assert_snapshot!("import_course_page_html", toml);
    insta::assert_snapshot!("import_course_page_report", report);
}

#[test]
fn a_markdown_article_becomes_a_lesson() {
    let (toml, _) = dry_run("night-shift.md");
    insta::assert_snapshot!("import_night_shift_md", toml);
}

#[test]
fn a_plain_text_article_becomes_a_lesson() {
    let (toml, _) = dry_run("handoff.txt");
    insta::assert_snapshot!("import_handoff_txt", toml);
}

#[test]
fn a_shift_jis_page_gives_the_same_lesson_as_its_utf8_original() {
    let page = std::fs::read_to_string(fixture("course-page.html")).unwrap();
    let sjis_page = page.replace("<meta charset=\"utf-8\">", "<meta charset=\"Shift_JIS\">");
    assert_ne!(page, sjis_page);
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&sjis_page);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture should need decoding"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("course-page.html");
    std::fs::write(&file, &bytes).unwrap();
    let course = dir.path().join("c");
    let out = terakoya(
        dir.path(),
        &[
            "import",
            file.to_str().unwrap(),
            "--course",
            course.to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let (expected, _) = dry_run("course-page.html");
    let got = stdout(&out);
    assert_eq!(got.split_once('\n').unwrap().1, expected);
}

#[test]
fn text_that_is_not_utf8_is_refused_with_its_place_and_a_guess() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("memo.txt");
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("申し送り\n\n本文です。");
    std::fs::write(&file, &bytes).unwrap();
    let course = dir.path().join("c");
    let out = terakoya(
        dir.path(),
        &[
            "import",
            file.to_str().unwrap(),
            "--course",
            course.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("is not UTF-8 (line 1, column 1); it looks like Shift_JIS"),
        "{err}"
    );
    assert!(!course.exists());
}

#[test]
fn an_existing_lesson_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("night");
    let file = fixture("handoff.txt");
    let args = [
        "import",
        file.to_str().unwrap(),
        "--course",
        course.to_str().unwrap(),
    ];
    let first = terakoya(dir.path(), &args);
    assert!(first.status.success(), "{}", stderr(&first));
    let lesson = course.join("handoff.toml");
    let course_toml = std::fs::read_to_string(course.join("course.toml")).unwrap();
    assert!(course_toml.contains("title = \"night\""), "{course_toml}");
    assert!(
        stdout(&first).contains("created the course"),
        "{}",
        stdout(&first)
    );

    std::fs::write(&lesson, "edited by hand").unwrap();
    let again = terakoya(dir.path(), &args);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("exists already; use --force to replace it"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read_to_string(&lesson).unwrap(), "edited by hand");

    let forced = terakoya(dir.path(), &[&args[..], &["--force"]].concat());
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(
        std::fs::read_to_string(&lesson)
            .unwrap()
            .starts_with("format = 2\n")
    );
}

#[test]
fn importing_is_deterministic() {
    assert_eq!(dry_run("course-page.html"), dry_run("course-page.html"));
}
