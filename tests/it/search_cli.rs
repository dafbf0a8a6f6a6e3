//! `terakoya search`: folded matching across the library, lines and JSON,
//! and grep's exit statuses.

use std::path::{Path, PathBuf};

use crate::support::run;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn half_width_katakana_finds_the_full_width_text() {
    let output = run(&samples(), &["search", "ｽｸﾘｰﾝｼｮｯﾄ"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = stdout(&output);
    assert!(text.lines().count() >= 1, "{text}");
    for line in text.lines() {
        assert!(line.starts_with("career/06-sns  "), "{line}");
        assert!(line.contains("スクリーンショット"), "{line}");
    }
}

#[test]
fn hiragana_and_full_width_latin_find_katakana_and_ascii() {
    let kana = stdout(&run(&samples(), &["search", "すくりーんしょっと"]));
    let katakana = stdout(&run(&samples(), &["search", "スクリーンショット"]));
    assert!(!kana.is_empty());
    assert_eq!(kana, katakana);
    let wide = stdout(&run(&samples(), &["search", "ＳＮＳ"]));
    let narrow = stdout(&run(&samples(), &["search", "sns"]));
    assert!(!wide.is_empty());
    assert_eq!(wide, narrow);
}

#[test]
fn title_matches_come_before_body_matches() {
    let text = stdout(&run(&samples(), &["search", "SNS"]));
    let first = text.lines().next().unwrap();
    assert!(first.contains("[title]"), "{text}");
}

#[test]
fn json_names_course_lesson_section_field_and_the_original_text() {
    let output = run(&samples(), &["search", "--json", "ｽｸﾘｰﾝｼｮｯﾄ"]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["query"], "ｽｸﾘｰﾝｼｮｯﾄ");
    let matches = json["matches"].as_array().unwrap();
    assert!(!matches.is_empty());
    for m in matches {
        assert_eq!(m["course"], "career");
        assert_eq!(m["lesson"], "06-sns");
        assert_eq!(m["text"], "スクリーンショット");
        let context = m["context"].as_str().unwrap();
        assert!(context.contains("スクリーンショット"));
        let field = m["field"].as_str().unwrap();
        assert!(
            ["intro", "body", "heading", "summary"].contains(&field),
            "{field}"
        );
        if field == "body" {
            assert!(
                m["section"].is_string() && m["section_id"].is_string(),
                "{m}"
            );
        }
    }
}

#[test]
fn nothing_found_exits_1_and_an_empty_query_finds_nothing() {
    let output = run(&samples(), &["search", "存在しない言葉ですよ"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let output = run(&samples(), &["search", "--json", "　"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["matches"].as_array().unwrap().len(), 0);
}

#[test]
fn lesson_files_with_errors_exit_2_after_searching_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("c");
    std::fs::create_dir(&course).unwrap();
    std::fs::write(course.join("course.toml"), "title = \"講座\"\n").unwrap();
    std::fs::write(
        course.join("good.toml"),
        "title = \"シチューの回\"\n\n[[sections]]\nheading = \"煮込み\"\nbody = \"弱火でことこと。\"\n",
    )
    .unwrap();
    std::fs::write(course.join("bad.toml"), "title = \n").unwrap();
    let output = run(dir.path(), &["search", "しちゅー"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(stdout(&output).starts_with("c/good  [title]: シチューの回"));
    assert!(!output.stderr.is_empty());
}
