//! Lesson files → model, through the same path as the loader.

use std::path::PathBuf;

use super::lesson::{ParsedLesson, lesson};
use super::parse::{FileResult, check_file};
use super::scan::FileRef;
use crate::model::{Block, BlockKind};

fn parse(text: &'static str) -> FileResult<ParsedLesson> {
    let file = FileRef::Embedded {
        shown: PathBuf::from("c/06-sns.toml"),
        text,
    };
    check_file(&file, |check, root| lesson(check, root, "06-sns"))
}

fn para(text: &str) -> Block {
    Block {
        kind: BlockKind::Paragraph,
        text: text.into(),
    }
}

const FULL: &str = r#"
label = "第6回 〔2時限〕"
title = """
医師のための
SNS入門"""
intro = """
SNSは便利です。
しかし注意も必要です。

- 守秘義務
・ 品位"""

[lecturer]
name = "山田 花子"
bio = "内科医。"

[[sections]]
heading = "はじめに"
body = "Doctors use\nsocial media."

[[sections]]
id = "risks"
heading = "リスク"
body = "炎上に注意。"

[[summary]]
text = "発信の前に一呼吸。"

[[summary]]
id = "p-own"
text = "患者の情報は書かない。"
"#;

#[test]
fn a_full_lesson_becomes_the_model() {
    let result = parse(FULL);
    assert!(!result.has_errors, "{:?}", result.diagnostics);
    assert!(result.diagnostics.is_empty());
    let parsed = result.value.unwrap();
    let lesson = parsed.lesson;
    assert_eq!(lesson.id, "06-sns");
    assert_eq!(lesson.label.as_deref(), Some("第6回 〔2時限〕"));
    assert_eq!(lesson.title, "医師のためのSNS入門");
    let intro = lesson.intro.unwrap();
    assert_eq!(
        intro.blocks[0],
        para("SNSは便利です。しかし注意も必要です。")
    );
    assert_eq!(intro.blocks[1].kind, BlockKind::DashListItem);
    assert_eq!(intro.blocks[2].kind, BlockKind::ListItem);
    assert_eq!(intro.blocks[2].text, "品位");
    let lecturer = lesson.lecturer.unwrap();
    assert_eq!(lecturer.name, "山田 花子");
    assert_eq!(lecturer.bio.unwrap().blocks, [para("内科医。")]);
    assert_eq!(lesson.sections[0].id, super::ids::section_id("はじめに"));
    assert_eq!(
        lesson.sections[0].body.blocks,
        [para("Doctors use social media.")]
    );
    assert_eq!(lesson.sections[1].id, "risks");
    assert_eq!(
        lesson.summary[0].id,
        super::ids::point_id("発信の前に一呼吸。")
    );
    assert_eq!(lesson.summary[1].id, "p-own");
}

#[test]
fn explicit_lesson_id_wins_over_the_file_stem() {
    let parsed =
        parse("id = \"sns\"\ntitle = \"t\"\n[[sections]]\nheading = \"h\"\nbody = \"b\"\n");
    assert_eq!(parsed.value.unwrap().id, "sns");
}

#[test]
fn every_problem_in_a_file_is_reported() {
    let result = parse(
        "title = \"\"\ncolour = 1\n[lecturer]\nname = 2\n[[sections]]\nbody = \"b\"\n[[summary]]\ntxt = \"x\"\n",
    );
    assert!(result.has_errors);
    let messages: Vec<String> = result.diagnostics.iter().map(|d| d.headline()).collect();
    assert_eq!(
        messages,
        [
            "c/06-sns.toml:1:9: error: `title` is empty",
            "c/06-sns.toml:2:1: error: unknown key `colour` in a lesson",
            "c/06-sns.toml:4:8: error: `name` must be a string, found an integer",
            "c/06-sns.toml:5:1: error: missing required key `heading` in [[sections]]",
            "c/06-sns.toml:8:1: error: unknown key `txt` in [[summary]]",
        ]
    );
}

#[test]
fn a_file_with_hundreds_of_problems_reports_a_bounded_number() {
    let text: &'static str = Box::leak(
        (0..500)
            .map(|i| format!("k{i} = 1\n"))
            .collect::<String>()
            .into_boxed_str(),
    );
    let result = parse(text);
    assert_eq!(
        result.diagnostics.len(),
        super::walk::MAX_DIAGNOSTICS_PER_FILE + 1
    );
    assert!(
        result
            .diagnostics
            .last()
            .unwrap()
            .message
            .contains("more problems in this file")
    );
}

#[test]
fn no_missing_key_errors_after_a_syntax_error_that_may_have_eaten_them() {
    // The QA case: an unclosed string, then a section header. The section
    // looks empty only because of the syntax error.
    let result = parse("title = \"Syntax\n[[sections]]\n");
    let messages: Vec<String> = result.diagnostics.iter().map(|d| d.headline()).collect();
    assert_eq!(
        messages,
        ["c/06-sns.toml:1:16: error: invalid TOML: invalid basic string, expected `\"`"]
    );
    assert!(result.has_errors);
    // Without a syntax error the same section is reported.
    let result = parse("title = \"Fine\"\n[[sections]]\n");
    let messages: Vec<String> = result.diagnostics.iter().map(|d| d.headline()).collect();
    assert_eq!(
        messages,
        [
            "c/06-sns.toml:2:1: error: missing required key `heading` in [[sections]]",
            "c/06-sns.toml:2:1: error: missing required key `body` in [[sections]]",
        ]
    );
}

#[test]
fn duplicate_ids_help_renames_explicit_ids_and_adds_one_to_derived() {
    let helps = |text: &'static str| -> Vec<Option<String>> {
        parse(text)
            .diagnostics
            .into_iter()
            .map(|d| d.help)
            .collect()
    };
    let explicit_twice = "title = \"t\"\n[[sections]]\nid = \"a\"\nheading = \"h\"\nbody = \"b\"\n[[sections]]\nid = \"a\"\nheading = \"k\"\nbody = \"b\"\n";
    assert_eq!(
        helps(explicit_twice),
        [Some("rename one of them".to_owned())]
    );
    let derived_twice = "title = \"t\"\n[[sections]]\nheading = \"h\"\nbody = \"b\"\n[[sections]]\nheading = \"h\"\nbody = \"b\"\n";
    let explicit_then_derived = "title = \"t\"\n[[sections]]\nid = \"s-e236570c\"\nheading = \"h\"\nbody = \"b\"\n[[sections]]\nheading = \"はじめに\"\nbody = \"b\"\n";
    let add_one = Some("give one of them an explicit `id = \"...\"`".to_owned());
    assert_eq!(helps(derived_twice), helps(explicit_then_derived));
    assert_eq!(helps(derived_twice), [add_one]);
}
