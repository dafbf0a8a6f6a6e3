//! The files `terakoya new` writes: a course's `course.toml` and a lesson
//! skeleton with a commented example of every field. Both pass `check` as
//! written.

use crate::emit::{FORMAT, one_line_string};

/// The format `course.toml` is written in. Its only text field is the
/// (commented) description, plain text in either format; format 1 keeps a
/// new course readable by a terakoya without the format-2 loader.
pub const COURSE_FORMAT: u32 = 1;

/// `course.toml` for a new course.
pub fn course_toml(title: &str) -> String {
    format!(
        r#"# A terakoya course: its id is this directory's name. Every other .toml
# file here is a lesson; lessons are read in file-name order (number them:
# 01-…, 02-…) unless `lessons` below lists their ids. See docs/format.md.
format = {COURSE_FORMAT}
title = {title}

# What the course is about, shown in the course list.
# description = """
# 研修医と医学生のための連続講座です。
# """

# The reading order, by lesson id (the file name without .toml).
# lessons = ["01-introduction", "02-next-steps"]
"#,
        title = one_line_string(title),
    )
}

/// A new lesson (format 2).
pub fn lesson_toml(title: &str) -> String {
    format!(
        r#"# A terakoya lesson (bundle format {FORMAT}). Lines starting with `#` are
# comments: remove the `#` to use an example. See docs/format.md and
# docs/authoring.md.
format = {FORMAT}

# The lesson id is this file's name without .toml; `id` fixes another one.
# id = "01-introduction"

# A series label, shown with the title.
# label = "第1回 〔1時限〕"

title = {title}

# Text before the first section. Text fields are Markdown with Japanese
# conventions: a blank line between paragraphs, a line starting with `　`
# starts an indented paragraph, `・` starts a list item, **strong**,
# *emphasis*, [links](https://example.com), ruby as 漢字《かんじ》 or
# ｜文字《もじ》. Headings (#) are not allowed: use [[sections]].
# intro = """
# この回では、次の三つを学びます。
#
# ・一つ目のテーマ
# ・二つ目のテーマ
# """

# The lecturer (the table needs a name; the biography is optional).
# [lecturer]
# name = "山田 花子"
# bio = """
# 総合内科医。研修医の教育を担当している。
# """

# Sections, in reading order: each has a heading and a body.
[[sections]]
heading = "はじめに"
body = """
ここに本文を書きます。空行で段落を分けます。
"""

# [[sections]]
# id = "next-steps"  # optional: keeps the reader's progress when the heading changes
# heading = "次の見出し"
# body = """
# > 引用や、表、コードも書けます。
# """

# The summary (まとめ): points the reader ticks off.
# [[summary]]
# text = "覚えておきたい一文。"
"#,
        title = one_line_string(title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeletons_are_toml_with_the_title_and_every_field_commented() {
        let title = r#"医師と"SNS" \ 入門"#;
        let course: toml::Table = course_toml(title).parse().unwrap();
        assert_eq!(course["title"].as_str(), Some(title));
        let lesson_text = lesson_toml(title);
        let lesson: toml::Table = lesson_text.parse().unwrap();
        assert_eq!(lesson["title"].as_str(), Some(title));
        assert_eq!(lesson["format"].as_integer(), Some(2));
        for field in [
            "id =",
            "label =",
            "intro =",
            "[lecturer]",
            "name =",
            "bio =",
            "[[summary]]",
            "text =",
        ] {
            assert!(lesson_text.contains(&format!("# {field}")), "{field}");
        }
    }
}
