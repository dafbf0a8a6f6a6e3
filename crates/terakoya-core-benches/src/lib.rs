//! Bench data shared by the core's benches (here) and the front end's
//! (`benches/` at the top): generated original text of realistic shape, and
//! the bare textwrap baseline the layout is compared against.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::PathBuf;

use terakoya_core::model::{Lesson, Section, Text};
use terakoya_core::text::markup::parse;
use textwrap::{Options, WordSeparator, WrapAlgorithm};

pub mod fragments;

/// Original sentences in the register of the career course.
const SENTENCES: &[&str] = &[
    "研修医の一日は、朝の申し送りから始まる。",
    "分からないことをその場で調べる習慣は、十年後の自分を助けてくれる。",
    "患者さんの話を最後まで聞くことは、診断の第一歩でもある。",
    "「忙しいから」と学ぶことをやめると、知識は思ったより早く古くなる。",
    "SNSに書いた一言は、削除しても誰かの画面に残っているかもしれない。",
    "カンファレンスで質問するのは、恥ずかしいことではない！",
    "指導医（上級医）に相談するタイミングを、あらかじめ決めておこう。",
    "睡眠・食事・運動の三つを、勤務表と同じくらい大切に扱ってほしい。",
    "論文を一本読んだら、要点を三行でまとめてみる。",
    "チーム医療では、看護師さんや薬剤師さんの視点から学ぶことが多い。",
    "Evidence-based medicine is a habit, not a single course.",
    "ガイドラインは出発点であって、目の前の患者さんに合わせて考える必要がある。",
];

/// An original English paragraph, for the Latin-only measurements.
pub const LATIN: &str = "Evidence-based medicine is a habit, not a single course. \
Read one paper a week and write its point in three lines. Ask the nurse \
what she saw overnight before you open the chart. A short question at the \
right time saves a long night later. Keep a notebook of the cases that \
surprised you, and read it again after a month.";

/// Latin-only paragraphs, `count` of them, each [`LATIN`] repeated 1 to 4
/// times.
pub fn latin_paragraphs(count: usize) -> Vec<String> {
    (0..count).map(|i| LATIN.repeat(1 + i % 4)).collect()
}

/// Sections (heading, body markup) of about `bytes` bytes in all:
/// paragraphs of 3 to 9 sentences, with a list every few paragraphs.
pub fn big_sections(bytes: usize) -> Vec<(String, String)> {
    let mut seed = 0x2545_F491_u32;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize % n
    };
    let (mut sections, mut total) = (Vec::new(), 0);
    while total < bytes {
        let mut body = String::new();
        for paragraph in 0..40 {
            for _ in 0..3 + next(7) {
                body.push_str(SENTENCES[next(SENTENCES.len())]);
            }
            body.push_str("\n\n");
            if paragraph % 7 == 6 {
                body.push_str("・手を洗う\n・記録を残す\n・分からなければ聞く\n\n");
            }
        }
        total += body.len();
        let heading = format!("第{}節 学び続けるために", sections.len() + 1);
        sections.push((heading, body));
    }
    sections
}

/// Sections (heading, Markdown body) of about `bytes` bytes in all, for
/// format 2: the paragraphs of [`big_sections`] with emphasis and ruby in
/// every sentence or two, a numbered list and a small table every few
/// paragraphs.
pub fn big_sections_format2(bytes: usize) -> Vec<(String, String)> {
    const RUBY: &[&str] = &[
        "褥瘡《じょくそう》",
        "誤嚥《ごえん》",
        "｜申し送り《もうしおくり》",
    ];
    let mut seed = 0x1234_5678_u32;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize % n
    };
    let (mut sections, mut total) = (Vec::new(), 0);
    while total < bytes {
        let mut body = String::new();
        for paragraph in 0..40 {
            for _ in 0..3 + next(7) {
                let sentence = SENTENCES[next(SENTENCES.len())];
                match next(4) {
                    0 => body.push_str(&format!("**{sentence}**")),
                    1 => body.push_str(&format!("{}は{sentence}", RUBY[next(RUBY.len())])),
                    _ => body.push_str(sentence),
                }
            }
            body.push_str("\n\n");
            if paragraph % 7 == 3 {
                body.push_str("1. 手を洗う\n2. **記録**を残す\n3. 分からなければ聞く\n\n");
            }
            if paragraph % 7 == 6 {
                body.push_str(
                    "| 項目 | 内容 |\n|---|---|\n| 褥瘡《じょくそう》 | 体位変換と皮膚の観察 |\n| 誤嚥《ごえん》 | 食事の形態を確かめる |\n\n",
                );
            }
        }
        total += body.len();
        let heading = format!("第{}節 **伝わる**申し送り", sections.len() + 1);
        sections.push((heading, body));
    }
    sections
}

/// The model of a format-2 lesson of about `bytes` bytes.
pub fn big_lesson_format2(bytes: usize) -> Lesson {
    let mut lesson = big_lesson(0);
    lesson.sections = big_sections_format2(bytes)
        .into_iter()
        .enumerate()
        .map(|(index, (heading, body))| Section {
            id: format!("s{index}"),
            heading,
            body: terakoya_core::text::markdown::parse(&body).0,
        })
        .collect();
    lesson
}

/// A lessons directory holding `big/big.toml`, a format-2 lesson of about
/// `bytes` bytes.
pub fn big_lesson_dir_format2(bytes: usize) -> tempfile::TempDir {
    write_big_lesson(
        "format = 2\ntitle = \"大きな講座\"\n",
        "format = 2\ntitle = \"大きな**レッスン**\"\n",
        big_sections_format2(bytes),
        &["褥瘡《じょくそう》を**毎日**見る。"],
    )
}

/// A lessons directory `big/` with `course.toml` and `big.toml`: the
/// lesson's `head`, then the sections and summary points.
fn write_big_lesson(
    course_toml: &str,
    head: &str,
    sections: Vec<(String, String)>,
    points: &[&str],
) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("big");
    std::fs::create_dir(&course).unwrap();
    std::fs::write(course.join("course.toml"), course_toml).unwrap();
    let mut toml = String::from(head);
    for (heading, body) in sections {
        toml.push_str(&format!(
            "\n[[sections]]\nheading = \"{heading}\"\nbody = \"\"\"\n{body}\"\"\"\n"
        ));
    }
    for point in points {
        toml.push_str(&format!("\n[[summary]]\ntext = \"{point}\"\n"));
    }
    std::fs::write(course.join("big.toml"), toml).unwrap();
    dir
}

/// The model of a lesson of about `bytes` bytes.
pub fn big_lesson(bytes: usize) -> Lesson {
    let sections = big_sections(bytes)
        .into_iter()
        .enumerate()
        .map(|(index, (heading, body))| Section {
            id: format!("s{index}"),
            heading,
            body: parse(&body),
        })
        .collect();
    Lesson {
        id: "big".into(),
        label: Some("第6回 〔2時限〕".into()),
        title: "大きなレッスン".into(),
        lecturer: None,
        intro: Some(Text::default()),
        sections,
        summary: vec![],
        path: PathBuf::new(),
        ..Default::default()
    }
}

/// A lessons directory holding `big/big.toml` of about `bytes` bytes.
pub fn big_lesson_dir(bytes: usize) -> tempfile::TempDir {
    write_big_lesson(
        "format = 1\ntitle = \"大きな講座\"\n",
        "title = \"大きなレッスン\"\nlabel = \"第6回 〔2時限〕\"\n",
        big_sections(bytes),
        &["毎日少しずつ学ぶ。", "分からなければ聞く。", "記録を残す。"],
    )
}

pub fn blocks(lesson: &Lesson) -> impl Iterator<Item = &str> {
    lesson
        .sections
        .iter()
        .flat_map(|s| s.body.blocks.iter().map(|b| b.text.as_str()))
}

/// The bare baseline: `textwrap::wrap` on every paragraph at width 80 with
/// its first fit (the default without the `smawk` feature, which this crate
/// now enables for [`fragments`]: the algorithm is named to keep the
/// baseline as before).
pub fn textwrap_all(lesson: &Lesson) -> usize {
    let options = Options::new(80)
        .word_separator(WordSeparator::UnicodeBreakProperties)
        .wrap_algorithm(WrapAlgorithm::FirstFit);
    blocks(lesson)
        .map(|text| black_box(textwrap::wrap(text, &options)).len())
        .sum()
}

pub mod library;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_2_bench_lesson_loads_cleanly_with_its_features() {
        let dir = big_lesson_dir_format2(64 << 10);
        let source = terakoya_core::bundle::LessonsSource::Path(dir.path().to_owned());
        let loaded = terakoya_core::bundle::load(&source);
        assert_eq!(loaded.error_count(), 0, "{:?}", loaded.diagnostics.first());
        let lesson = &loaded.library.courses[0].lessons[0];
        let blocks = lesson.sections.iter().flat_map(|s| &s.body.blocks);
        assert!(blocks.clone().any(|b| b.table.is_some()));
        assert!(blocks.clone().any(|b| !b.spans.is_empty()));
    }
}
