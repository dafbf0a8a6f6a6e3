//! `terakoya show`: the Japanese sample at every width from 10 to 120 has
//! no line over the width, no kinsoku violation and no lost or added
//! character; the checklist follows saved progress; no escape codes when
//! stdout is not a terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use assert_cmd::Command;
use terakoya::bundle::{self, LessonsSource};
use terakoya::model::{BlockKind, Lesson, Text};
use terakoya::progress::store::Store;
use terakoya::progress::{Change, LessonKey};
use terakoya::text::kinsoku::{no_end, no_start};
use terakoya::text::width::{is_cjk, str_width};
use terakoya::tui::strings::SUMMARY;

fn terakoya(data_dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("terakoya").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("TERAKOYA_DATA_DIR")
        .env_remove("NO_COLOR")
        .arg("--data-dir")
        .arg(data_dir)
        .args(["--lessons", "lessons"]);
    cmd
}

fn show(data_dir: &Path, args: &[&str]) -> String {
    let out = terakoya(data_dir).arg("show").args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn sample() -> Lesson {
    let loaded = bundle::load(&LessonsSource::Path(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons"),
    ));
    let (_, lesson) = loaded.library.find_lesson("career/06-sns").unwrap();
    lesson.clone()
}

fn push_text(out: &mut String, text: &Text) {
    for block in &text.blocks {
        if block.kind == BlockKind::ListItem {
            out.push_str(if block.text.starts_with(is_cjk) {
                "・"
            } else {
                "-"
            });
        }
        out.push_str(&block.text);
    }
}

/// Every character `show` must print, in order, spaces left out.
fn expected_chars(lesson: &Lesson, ticked: &[&str]) -> String {
    let mut out = String::new();
    out.extend(lesson.label.as_deref());
    out.push_str(&lesson.title);
    if let Some(lecturer) = &lesson.lecturer {
        out.push_str(&lecturer.name);
        lecturer.bio.iter().for_each(|bio| push_text(&mut out, bio));
    }
    lesson
        .intro
        .iter()
        .for_each(|intro| push_text(&mut out, intro));
    for section in &lesson.sections {
        out.push_str(&section.heading);
        push_text(&mut out, &section.body);
    }
    out.push_str(SUMMARY);
    for point in &lesson.summary {
        out.push_str(if ticked.contains(&point.id.as_str()) {
            "[x]"
        } else {
            "[]"
        });
        out.push_str(&point.text);
    }
    out.retain(|c| c != ' ');
    out
}

#[test]
fn japanese_sample_at_every_width_fits_keeps_kinsoku_and_loses_nothing() {
    let data = tempfile::tempdir().unwrap();
    let lesson = sample();
    let expected = expected_chars(&lesson, &[]);
    for width in 10..=120 {
        let out = show(
            data.path(),
            &["career/06-sns", "--width", &width.to_string()],
        );
        let lines: Vec<&str> = out.lines().collect();
        for (index, line) in lines.iter().enumerate() {
            assert!(str_width(line) <= width, "width {width}: {line:?}");
            let text = line
                .trim_start_matches([' ', '・'])
                .trim_start_matches("[ ] ");
            let first = text.chars().next();
            assert!(
                !first.is_some_and(no_start),
                "width {width}, starts: {line:?}"
            );
            let last = line.trim_end().chars().next_back();
            assert!(!last.is_some_and(no_end), "width {width}, ends: {line:?}");
            assert!(!line.ends_with(' '), "width {width}: {line:?}");
            let _ = index;
        }
        let mut got = out.replace('\n', "");
        got.retain(|c| c != ' ');
        assert_eq!(got, expected, "width {width}");
    }
}

#[test]
fn summary_is_a_checklist_from_saved_progress() {
    let data = tempfile::tempdir().unwrap();
    let lesson = sample();
    let point = &lesson.summary[1];
    let mut opened = Store::open(Some(data.path()));
    opened
        .store
        .apply(&[Change::Tick {
            key: LessonKey::new("career", "06-sns"),
            point: point.id.clone(),
            ticked: true,
        }])
        .unwrap();
    let out = show(data.path(), &["06-sns", "--width", "30"]);
    let checklist: Vec<&str> = out
        .lines()
        .skip_while(|l| *l != SUMMARY)
        .filter(|l| l.starts_with('['))
        .collect();
    assert_eq!(checklist.len(), lesson.summary.len());
    assert!(checklist[0].starts_with("[ ] "));
    assert!(checklist[1].starts_with("[x] "), "{checklist:?}");
    // Continuation lines hang under the text, after the marker.
    let summary: Vec<&str> = out.lines().skip_while(|l| *l != SUMMARY).skip(1).collect();
    assert!(
        summary
            .iter()
            .all(|l| l.starts_with('[') || l.starts_with("    "))
    );
    let mut got: String = out.replace('\n', "");
    got.retain(|c| c != ' ');
    assert_eq!(got, expected_chars(&lesson, &[point.id.as_str()]));
}

#[test]
fn without_a_terminal_the_width_is_80_and_there_are_no_escape_codes() {
    let data = tempfile::tempdir().unwrap();
    let out = show(data.path(), &["career/06-sns"]);
    assert!(!out.contains('\x1b'));
    assert!(out.lines().all(|l| str_width(l) <= 80));
    assert!(out.lines().any(|l| str_width(l) > 70));
    assert_eq!(out, show(data.path(), &["career/06-sns", "--width", "80"]));
}

#[test]
fn narrow_widths_never_overflow() {
    let data = tempfile::tempdir().unwrap();
    for width in 1..10 {
        let out = show(
            data.path(),
            &["career/06-sns", "--width", &width.to_string()],
        );
        for line in out.lines() {
            assert!(str_width(line) <= width, "width {width}: {line:?}");
        }
    }
}

#[test]
fn unknown_and_ambiguous_lessons_are_errors_naming_what_to_do() {
    let data = tempfile::tempdir().unwrap();
    let out = terakoya(data.path())
        .args(["show", "career/nope"])
        .assert()
        .code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("no lesson `career/nope`"), "{stderr}");
    assert!(stderr.contains("terakoya list"), "{stderr}");
}

#[test]
fn english_lesson_shows_dash_bullets_and_keeps_words_whole() {
    let data = tempfile::tempdir().unwrap();
    let out = show(data.path(), &["tour/01-getting-around", "--width", "50"]);
    assert!(out.lines().all(|l| str_width(l) <= 50));
    assert!(
        out.starts_with("Lesson 1\nGetting around terakoya\n"),
        "{out}"
    );
}
