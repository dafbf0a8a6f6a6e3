//! Issue 10: the Unicode LINE SEPARATOR U+2028 and PARAGRAPH SEPARATOR
//! U+2029 never reach the output raw. In text fields they break lines and
//! paragraphs; in one-line fields (title, label, heading, point) they are
//! spaces; a diagnostic quoting a source line shows them by code point.

use crate::support;

use std::fs;

const LS: char = '\u{2028}';
const PS: char = '\u{2029}';

/// A lesson written with both separators in every kind of field.
fn separated_lesson() -> String {
    format!(
        "title = \"当直明けの{LS}学び方\"\nlabel = \"第3回{PS}夜間\"\n\
         intro = \"\"\"\n申し送りは短く。{LS}要点から話す。{PS}質問は後で。\n\"\"\"\n\n\
         [[sections]]\nheading = \"まとめ{LS}方\"\nbody = \"一行目。{LS}二行目。\"\n\n\
         [[summary]]\ntext = \"要点から{PS}話す。\"\n"
    )
}

fn lessons_with(lesson: &str) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    fs::create_dir(root.path().join("c")).unwrap();
    fs::write(root.path().join("c/course.toml"), "title = \"講座\"\n").unwrap();
    fs::write(root.path().join("c/a.toml"), lesson).unwrap();
    root
}

fn stdout_of(lessons: &std::path::Path, args: &[&str]) -> String {
    let output = support::run(lessons, args);
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn show_breaks_text_fields_at_separators_and_keeps_one_line_fields_whole() {
    let root = lessons_with(&separated_lesson());
    let out = stdout_of(root.path(), &["show", "c/a", "--width", "60"]);
    assert!(!out.contains([LS, PS]), "{out:?}");
    let lines: Vec<&str> = out.lines().collect();
    // One-line fields: one line each, the separator a space.
    assert!(lines.contains(&"第3回 夜間"), "{out}");
    assert!(lines.contains(&"当直明けの 学び方"), "{out}");
    assert!(lines.iter().any(|l| l.contains("まとめ 方")), "{out}");
    assert!(lines.iter().any(|l| l.contains("要点から 話す。")), "{out}");
    // Text fields: U+2028 a line break (a soft break, joined without a
    // space in Japanese), U+2029 a paragraph break (a blank line).
    let intro = lines
        .iter()
        .position(|l| *l == "申し送りは短く。要点から話す。")
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(lines[intro + 1], "");
    assert_eq!(lines[intro + 2], "質問は後で。");
    assert!(lines.contains(&"一行目。二行目。"), "{out}");
}

#[test]
fn list_json_holds_no_separator() {
    let root = lessons_with(&separated_lesson());
    let out = stdout_of(root.path(), &["list", "--json"]);
    assert!(!out.contains([LS, PS]), "{out:?}");
    // serde_json would write them raw: the title holds a space instead.
    assert!(out.contains("当直明けの 学び方"), "{out}");
}

#[test]
fn a_diagnostic_quotes_a_separator_by_its_code_point() {
    // A syntax error on the line holding the separators.
    let root = lessons_with(&format!("title = \"a{LS}b{PS}c\" oops\n"));
    let output = support::run(root.path(), &["check"]);
    let text = String::from_utf8([output.stdout, output.stderr].concat()).unwrap();
    assert!(!text.contains([LS, PS]), "{text:?}");
    assert!(
        text.contains("<U+2028>") && text.contains("<U+2029>"),
        "{text}"
    );
}
