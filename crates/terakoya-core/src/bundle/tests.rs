//! Lesson files → model, through the same path as the loader.

use std::path::PathBuf;

use super::ahead::Ahead;
use super::kind::{DiagnosticKind as K, DuplicateFix, Expected, Place, TomlType};
use super::lesson::{ParsedLesson, lesson};
use super::parse::{FileResult, check_file_ahead};
use super::scan::FileRef;
use crate::model::{Block, BlockKind};

fn parse(text: &'static str) -> FileResult<ParsedLesson> {
    let file = FileRef::Embedded {
        shown: PathBuf::from("c/06-sns.toml"),
        text,
    };
    check_file_ahead(
        &file,
        |text| Ahead::guess(text, 1),
        |check, root, ahead| lesson(check, root, "06-sns", 1, ahead),
    )
}

/// Each diagnostic as (line, column, kind).
fn found(result: &FileResult<ParsedLesson>) -> Vec<(usize, usize, K)> {
    result
        .diagnostics
        .iter()
        .map(|d| {
            let at = d.location.as_ref().unwrap();
            (at.line, at.column, d.kind.clone())
        })
        .collect()
}

fn para(text: &str) -> Block {
    Block {
        kind: BlockKind::Paragraph,
        text: text.into(),
        ..Default::default()
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
    let unknown = |key: &str, place, suggestion, allowed| K::UnknownKey {
        key: key.to_owned(),
        place,
        suggestion,
        allowed,
    };
    assert_eq!(
        found(&result),
        [
            (1, 9, K::EmptyField { key: "title" }),
            (
                2,
                1,
                unknown("colour", Place::Lesson, None, super::lesson::LESSON_KEYS)
            ),
            (
                4,
                8,
                K::WrongType {
                    key: "name".to_owned(),
                    expected: Expected::String,
                    found: TomlType::Integer
                }
            ),
            (
                5,
                1,
                K::MissingKey {
                    key: "heading",
                    place: Place::Sections
                }
            ),
            (
                8,
                1,
                unknown(
                    "txt",
                    Place::Summary,
                    Some("text"),
                    super::lesson::SUMMARY_KEYS
                )
            ),
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
    assert!(matches!(
        result.diagnostics.last().unwrap().kind,
        K::MoreProblems { count } if count > 400
    ));
}

#[test]
fn no_missing_key_errors_after_a_syntax_error_that_may_have_eaten_them() {
    // The QA case: an unclosed string, then a section header. The section
    // looks empty only because of the syntax error.
    let result = parse("title = \"Syntax\n[[sections]]\n");
    let message = "invalid basic string, expected `\"`".to_owned();
    assert_eq!(found(&result), [(1, 16, K::InvalidToml { message })]);
    assert!(result.has_errors);
    // Without a syntax error the same section is reported.
    let result = parse("title = \"Fine\"\n[[sections]]\n");
    let missing = |key| K::MissingKey {
        key,
        place: Place::Sections,
    };
    assert_eq!(
        found(&result),
        [(2, 1, missing("heading")), (2, 1, missing("body"))]
    );
}

#[test]
fn duplicate_ids_help_renames_explicit_ids_and_adds_one_to_derived() {
    let helps = |text: &'static str| -> Vec<DuplicateFix> {
        parse(text)
            .diagnostics
            .into_iter()
            .filter_map(|d| match d.kind {
                K::DuplicateEntryId { fix, .. } => Some(fix),
                _ => None,
            })
            .collect()
    };
    let explicit_twice = "title = \"t\"\n[[sections]]\nid = \"a\"\nheading = \"h\"\nbody = \"b\"\n[[sections]]\nid = \"a\"\nheading = \"k\"\nbody = \"b\"\n";
    assert_eq!(helps(explicit_twice), [DuplicateFix::RenameOne]);
    let derived_twice = "title = \"t\"\n[[sections]]\nheading = \"h\"\nbody = \"b\"\n[[sections]]\nheading = \"h\"\nbody = \"b\"\n";
    let explicit_then_derived = "title = \"t\"\n[[sections]]\nid = \"s-e236570c\"\nheading = \"h\"\nbody = \"b\"\n[[sections]]\nheading = \"はじめに\"\nbody = \"b\"\n";
    let add_one = DuplicateFix::GiveExplicitId;
    assert_eq!(helps(derived_twice), helps(explicit_then_derived));
    assert_eq!(helps(derived_twice), [add_one]);
}

#[test]
fn different_headings_with_colliding_short_ids_both_load() {
    // Found by search: the folded 32-bit hashes of these two are equal.
    let text = "title = \"t\"\n[[sections]]\nheading = \"見出し48526\"\nbody = \"b\"\n\
                [[sections]]\nheading = \"見出し70692\"\nbody = \"b\"\n";
    assert_eq!(
        super::ids::section_id("見出し48526"),
        super::ids::section_id("見出し70692")
    );
    let result = parse(text);
    assert!(result.diagnostics.is_empty(), "{:?}", result.diagnostics);
    let sections = result.value.unwrap().lesson.sections;
    // The first keeps the id it always had; the second gets the whole hash.
    assert_eq!(sections[0].id, "s-bf68f9eb");
    assert_eq!(
        sections[1].id,
        super::ids::long_derived_id("s", "見出し70692")
    );
    assert_eq!(sections[1].id.len(), 18);
}

#[test]
fn format_2_points_carry_a_question_and_the_sections_they_sum_up() {
    let result = parse(
        "format = 2\ntitle = \"題\"\n\n[[sections]]\nid = \"why\"\nheading = \"なぜ\"\nbody = \"本文。\"\n\n\
         [[sections]]\nid = \"how\"\nheading = \"どうやって\"\nbody = \"本文。\"\n\n\
         [[summary]]\ntext = \"理由を先に伝える。\"\nquestion = \"申し送りで最初に伝えることは？\"\nsections = [\"why\"]\n\n\
         [[summary]]\ntext = \"手順を短く。\"\n",
    );
    assert_eq!(found(&result), vec![]);
    let lesson = result.value.unwrap().lesson;
    let first = &lesson.summary[0];
    assert_eq!(
        first.question.as_deref(),
        Some("申し送りで最初に伝えることは？")
    );
    assert_eq!(first.sections, vec!["why".to_owned()]);
    assert_eq!(lesson.summary[1].question, None);
    assert!(lesson.summary[1].sections.is_empty());
}

#[test]
fn a_point_naming_an_unknown_section_is_an_error_with_the_nearest_id() {
    let result = parse(
        "format = 2\ntitle = \"題\"\n\n[[sections]]\nid = \"handoff\"\nheading = \"引き継ぎ\"\nbody = \"本文。\"\n\n\
         [[summary]]\ntext = \"要点。\"\nsections = [\"handof\", 3]\n",
    );
    let kinds: Vec<K> = found(&result).into_iter().map(|(_, _, k)| k).collect();
    assert_eq!(
        kinds,
        vec![
            K::UnknownSectionRef {
                id: "handof".into(),
                suggestion: Some("handoff".into()),
            },
            K::WrongType {
                key: "sections".into(),
                expected: Expected::ArrayOfStrings,
                found: TomlType::Integer,
            },
        ]
    );
}

#[test]
fn format_1_points_take_no_question() {
    let result = parse(
        "title = \"題\"\n\n[[sections]]\nheading = \"見出し\"\nbody = \"本文。\"\n\n\
         [[summary]]\ntext = \"要点。\"\nquestion = \"問い？\"\n",
    );
    let kinds: Vec<K> = found(&result).into_iter().map(|(_, _, k)| k).collect();
    assert!(
        matches!(&kinds[..], [K::UnknownKey { key, .. }] if key == "question"),
        "{kinds:?}"
    );
}

#[test]
fn bodies_parsed_ahead_land_on_their_sections() {
    // Entries that are not tables, and bodies that are missing or not
    // strings, must not shift the bodies parsed on the pool.
    let result = parse(
        "format = 2\ntitle = \"題\"\nsections = [\n  { heading = \"一\", body = \"**甲**\" },\n  1,\n  \
         { heading = \"二\" },\n  { heading = \"三\", body = 3 },\n  { heading = \"四\", body = \"丙\" },\n  \
         { heading = \"五\", body = \"# 乙\" },\n]\n",
    );
    let sections = &result.value.as_ref().unwrap().lesson.sections;
    let bodies: Vec<(&str, Vec<&str>)> = sections
        .iter()
        .map(|s| {
            let texts = s.body.blocks.iter().map(|b| b.text.as_str()).collect();
            (s.heading.as_str(), texts)
        })
        .collect();
    assert_eq!(
        bodies,
        [
            ("一", vec!["甲"]),
            ("二", vec![]),
            ("三", vec![]),
            ("四", vec!["丙"]),
            ("五", vec!["乙"])
        ]
    );
    let kinds: Vec<K> = found(&result).into_iter().map(|(_, _, k)| k).collect();
    assert!(
        matches!(
            &kinds[..],
            [
                K::EntryNotTable { .. },
                K::MissingKey { key: "body", .. },
                K::WrongType { .. },
                K::HeadingInText
            ]
        ),
        "{kinds:?}"
    );
}

/// A lesson above the size whose text fields are guessed, with strings
/// guessed right and wrong: escapes, CRLF, a `"""` in a comment and in a
/// literal string (which pair the delimiters after them wrongly).
fn big_lesson(course_format: i64) -> String {
    let mut text = String::from("title = \"題\"\nintro = \"\"\"\n**前書き**《まえがき》\"\"\"\n");
    if course_format == 1 {
        text.insert_str(0, "format = 2\n");
    }
    let mut n = 0;
    while text.len() < 300 * 1024 {
        n += 1;
        let body = match n % 7 {
            0 => {
                "\"\"\"\n褥瘡《じょくそう》を**毎日**見る。\n\n| a | b |\n|---|---|\n| 1 |\n\"\"\""
            }
            1 => "\"\"\"\r\n*強調*と\r\n改行。\r\n\"\"\"",
            2 => "\"\"\"\nタブ\\tと\\\"\"\"引用\\\"\"\"。\"\"\"",
            3 => "'''\nリテラル \"\"\" の中。\n'''",
            4 => "\"\"\"\n# 見出し\n[リンク](ftp://x)\"\"\"\"\"",
            5 if n == 19 => "\"\"\"本文。\"\"\" # コメントの \"\"\" で対がずれる",
            _ => "\"\"\"\n｜申し送り《もうしおくり》は**「重要」**です。\n\"\"\"",
        };
        text.push_str(&format!(
            "\n[[sections]]\nheading = \"節{n}\"\nbody = {body}\n"
        ));
    }
    text
}

#[test]
fn text_fields_guessed_ahead_load_as_parsed_after() {
    for course_format in [1, 2] {
        let text = big_lesson(course_format);
        let path = std::path::Path::new("c/big.toml");
        let guessed = Ahead::guess(&text, course_format);
        assert!(guessed.left() > 100, "{}", guessed.left());
        let ahead = super::parse::check_bytes_ahead(
            path,
            text.as_bytes(),
            |text| Ahead::guess(text, course_format),
            |check, root, ahead| lesson(check, root, "big", course_format, ahead),
        );
        let after = super::parse::check_bytes(path, text.as_bytes(), |check, root| {
            lesson(check, root, "big", course_format, Ahead::default())
        });
        let ahead_lesson = ahead.value.map(|p| p.lesson);
        assert_eq!(ahead_lesson, after.value.map(|p| p.lesson));
        assert_eq!(ahead.diagnostics, after.diagnostics);
        assert!(ahead_lesson.is_some_and(|l| l.sections.len() > 1000));
    }
}
