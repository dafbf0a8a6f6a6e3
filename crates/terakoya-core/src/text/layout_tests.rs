use std::path::PathBuf;

use super::*;
use crate::model::{Lecturer, Section};
use crate::text::markup::parse;
use crate::text::width::str_width;

/// A lesson in the shape of the career course (original text).
pub(crate) fn sample_lesson() -> Lesson {
    let section = |heading: &str, body: &str| Section {
        id: heading.into(),
        heading: heading.into(),
        body: parse(body),
    };
    Lesson {
        id: "06-sns".into(),
        label: Some("第6回 〔2時限〕".into()),
        title: "医師とSNS：発信する前に考えること".into(),
        lecturer: Some(Lecturer {
            name: "山田 花子（総合診療科）".into(),
            bio: Some(parse(
                "地域の病院で十年以上、研修医の教育に携わってきた。\n週末は「医療と情報」の勉強会を開いている。",
            )),
        }),
        intro: Some(parse(
            "SNSは便利な道具だが、医師の発信には特別な重みがある。\nこの回では、投稿する前に立ち止まって考えるための視点を整理する。",
        )),
        sections: vec![
            section(
                "守秘義務はSNSでも同じ",
                "患者さんの情報（年齢・病名・写真など）は、匿名にしたつもりでも、組み合わせれば特定できてしまうことがある。\n\n・病院名や日付を書かない\n・「ちょっとした愚痴」も記録として残る\n- Screenshots travel further than the original post.",
            ),
            section(
                "Long words and URLs",
                "See https://example.com/guidelines/social-media/for-physicians/2024 and Pneumonoultramicroscopicsilicovolcanoconiosis.",
            ),
        ],
        summary: vec![],
        path: PathBuf::new(),
        ..Default::default()
    }
}

type BlockRef<'a> = (Option<u32>, u32, &'a crate::model::Block, u16);

fn add_blocks<'a>(out: &mut Vec<BlockRef<'a>>, section: Option<u32>, text: &'a Text) {
    for (index, block) in text.blocks.iter().enumerate() {
        let indent = if block.kind.is_list_item() {
            LIST_INDENT
        } else {
            0
        };
        out.push((section, index as u32, block, indent));
    }
}

/// Body blocks of sections (the head's blocks share block numbers across
/// bio and intro, so they are checked through the sections only).
fn blocks(lesson: &Lesson) -> Vec<BlockRef<'_>> {
    let mut out = Vec::new();
    for (index, section) in lesson.sections.iter().enumerate() {
        add_blocks(&mut out, Some(index as u32), &section.body);
    }
    out
}

#[test]
fn no_line_is_wider_than_the_width_at_any_width() {
    let lesson = sample_lesson();
    for width in 1..=120u16 {
        let layout = layout_lesson(&lesson, width);
        for index in 0..layout.lines.len() {
            let line = &layout.lines[index];
            let used = usize::from(line.indent) + str_width(layout.line_text(index));
            assert!(
                used <= usize::from(width),
                "width {width}: {:?}",
                layout.line_text(index)
            );
        }
    }
}

#[test]
fn body_lines_are_the_wrapped_blocks_with_char_offsets() {
    let lesson = sample_lesson();
    let intro_blocks = lesson.intro.as_ref().map_or(0, |t| t.blocks.len());
    for width in 1..=120u16 {
        let layout = layout_lesson(&lesson, width);
        for (section, block_index, block, indent) in blocks(&lesson) {
            // The list indent is dropped where it would leave under 2
            // columns; a grapheme wider than the line is the placeholder.
            let available = usize::from(if indent + 2 <= width {
                width - indent
            } else {
                width
            });
            let got: Vec<(&str, u32)> = (0..layout.lines.len())
                .filter(|&i| {
                    let line = &layout.lines[i];
                    line.pos.section == section
                        && line.pos.block == block_index
                        && !matches!(
                            line.kind,
                            LineKind::Heading | LineKind::Blank | LineKind::Intro
                        )
                })
                .map(|i| (layout.line_text(i), layout.lines[i].pos.offset))
                .collect();
            let want: Vec<(&str, u32)> = wrap(&block.text, available)
                .into_iter()
                .map(|r| {
                    (
                        crate::text::linebreak::shown(&block.text, r.clone(), available),
                        block.text[..r.start].chars().count() as u32,
                    )
                })
                .collect();
            assert_eq!(got, want, "width {width}, {section:?}/{block_index}");
        }
        assert!(intro_blocks > 0);
    }
}

#[test]
fn list_items_hang_their_continuation_lines() {
    let layout = layout_lesson(&sample_lesson(), 20);
    let kinds: Vec<(LineKind, u16, &str)> = (0..layout.lines.len())
        .filter(|&i| {
            matches!(
                layout.lines[i].kind,
                LineKind::ListItemFirst(_) | LineKind::ListItemRest
            )
        })
        .map(|i| {
            (
                layout.lines[i].kind,
                layout.lines[i].indent,
                layout.line_text(i),
            )
        })
        .collect();
    use LineKind::ListItemRest as Rest;
    // One bullet for the whole list, from its first item: the English
    // third item keeps the list's `・`.
    const FIRST: LineKind = LineKind::ListItemFirst(Bullet::Dot);
    assert_eq!(
        kinds,
        [
            (FIRST, 2, "病院名や日付を書か"),
            (Rest, 2, "ない"),
            (FIRST, 2, "「ちょっとした愚"),
            (Rest, 2, "痴」も記録として残"),
            (Rest, 2, "る"),
            (FIRST, 2, "Screenshots travel"),
            (Rest, 2, "further than the"),
            (Rest, 2, "original post."),
        ]
    );
}

#[test]
fn sections_and_positions_map_both_ways() {
    let layout = layout_lesson(&sample_lesson(), 30);
    assert_eq!(layout.section_starts.len(), 2);
    for (index, &start) in layout.section_starts.iter().enumerate() {
        assert_eq!(layout.lines[start].kind, LineKind::Heading);
        assert_eq!(layout.section_at(start), Some(index));
    }
    assert_eq!(layout.section_at(0), None);
    assert!(layout.lines.windows(2).all(|w| w[0].pos <= w[1].pos));
    for width in [1, 12, 30, 80] {
        let layout = layout_lesson(&sample_lesson(), width);
        for (index, &start) in layout.section_starts.iter().enumerate() {
            let top = SourcePos {
                section: Some(index as u32),
                block: 0,
                offset: 0,
            };
            assert_eq!(layout.line_of(top), start, "width {width}");
        }
        assert_eq!(layout.line_of(SourcePos::default()), 0);
    }
    for index in 0..layout.lines.len() {
        let found = layout.line_of(layout.lines[index].pos);
        assert_eq!(layout.lines[found].pos, layout.lines[index].pos);
    }
}

#[test]
fn a_place_inside_the_first_line_under_a_heading_is_that_line() {
    for width in [12, 30, 80] {
        let layout = layout_lesson(&sample_lesson(), width);
        for (index, &heading) in layout.section_starts.iter().enumerate() {
            let inside = SourcePos {
                section: Some(index as u32),
                block: 0,
                offset: 1,
            };
            let first_body = (heading..layout.lines.len())
                .find(|&i| layout.lines[i].kind == LineKind::Paragraph);
            assert_eq!(Some(layout.line_of(inside)), first_body, "width {width}");
        }
    }
}

#[test]
fn parallel_chunks_give_the_same_layout_as_one_pass() {
    let mut lesson = sample_lesson();
    let body = lesson.sections[0].body.clone();
    for _ in 0..50 {
        lesson.sections[0]
            .body
            .blocks
            .extend(body.blocks.iter().cloned());
    }
    for width in [1, 7, 40, 80] {
        let whole = layout_in_chunks(&lesson, width, DisplayOptions::default(), usize::MAX);
        assert_eq!(
            layout_in_chunks(&lesson, width, DisplayOptions::default(), 300),
            whole
        );
        assert_eq!(
            layout_in_chunks(&lesson, width, DisplayOptions::default(), 1),
            whole
        );
    }
}

#[test]
fn every_line_of_the_head_has_a_place_of_its_own() {
    let lesson = sample_lesson();
    for width in [12, 30, 80] {
        let layout = layout_lesson(&lesson, width);
        let text_lines: Vec<SourcePos> = layout
            .lines
            .iter()
            .filter(|l| matches!(l.kind, LineKind::LecturerBio | LineKind::Intro))
            .map(|l| l.pos)
            .collect();
        assert!(text_lines.len() >= 2, "width {width}");
        assert!(
            text_lines.windows(2).all(|w| w[0] < w[1]),
            "width {width}: {text_lines:?}"
        );
        assert!(
            text_lines
                .iter()
                .all(|p| p.section.is_none() && p.block >= 1)
        );
        for pos in text_lines {
            assert_eq!(layout.lines[layout.line_of(pos)].pos, pos);
        }
        assert_eq!(head_blocks(&lesson), 1 + 1 + 1);
    }
}

#[test]
fn bullets_fill_the_indent() {
    for bullet in [Bullet::Dot, Bullet::Dash] {
        assert_eq!(str_width(&bullet.symbol()), usize::from(LIST_INDENT));
    }
}

/// The bullet and text of each list item's first line in the lesson's intro.
fn intro_bullets(intro: &str) -> Vec<(Bullet, String)> {
    let mut lesson = sample_lesson();
    lesson.intro = Some(parse(intro));
    let layout = layout_lesson(&lesson, 40);
    (0..layout.lines.len())
        .filter_map(|i| match layout.lines[i].kind {
            LineKind::ListItemFirst(bullet) if layout.lines[i].pos.section.is_none() => {
                Some((bullet, layout.line_text(i).to_owned()))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_list_keeps_the_marker_its_author_wrote() {
    // Issue 10: Japanese items that start with Latin letters, and `- `
    // lists of Japanese text.
    assert_eq!(
        intro_bullets("・SNSは便利。\n・CTで確かめる。\n\n間の段落。\n\n- 手を洗う\n- 記録を残す"),
        [
            (Bullet::Dot, "SNSは便利。".to_owned()),
            (Bullet::Dot, "CTで確かめる。".to_owned()),
            (Bullet::Dash, "手を洗う".to_owned()),
            (Bullet::Dash, "記録を残す".to_owned()),
        ]
    );
}

#[test]
fn each_list_has_one_bullet_and_a_paragraph_starts_a_new_list() {
    let mut lesson = sample_lesson();
    lesson.intro = Some(parse(
        "- Plain item\n・日本語の項目\n\nBetween.\n\n・日本語で始まる\n- then English",
    ));
    let layout = layout_lesson(&lesson, 40);
    let bullets: Vec<(Bullet, &str)> = (0..layout.lines.len())
        .filter_map(|i| match layout.lines[i].kind {
            LineKind::ListItemFirst(bullet) if layout.lines[i].pos.section.is_none() => {
                Some((bullet, layout.line_text(i)))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        bullets,
        [
            (Bullet::Dash, "Plain item"),
            (Bullet::Dash, "日本語の項目"),
            (Bullet::Dot, "日本語で始まる"),
            (Bullet::Dot, "then English"),
        ]
    );
}

#[test]
fn a_soft_hyphen_counts_as_the_column_terminals_draw() {
    // Text that skipped the sanitiser (which drops soft hyphens): at width
    // 10 no line may take 11 terminal columns, the hyphen drawn as one.
    let mut lesson = sample_lesson();
    lesson.intro = Some(parse("abcdefghi\u{AD}jklmnop qrstuvw\u{AD}xyz"));
    let layout = layout_lesson(&lesson, 10);
    let intro: Vec<&str> = (0..layout.lines.len())
        .filter(|&i| layout.lines[i].kind == LineKind::Intro)
        .map(|i| layout.line_text(i))
        .collect();
    // ASCII and the soft hyphen: one terminal column per char.
    for line in &intro {
        assert!(line.chars().count() <= 10, "{line:?} in {intro:?}");
    }
    assert_eq!(
        intro.concat().replace(' ', ""),
        "abcdefghi\u{AD}jklmnopqrstuvw\u{AD}xyz"
    );
}

#[test]
fn format_2_runs_carry_strong_and_readings() {
    let (body, _) = crate::text::markdown::parse("たとえば**褥瘡**《じょくそう》の好発部位");
    let lesson = Lesson {
        title: "t".into(),
        sections: vec![Section {
            id: "s".into(),
            heading: "h".into(),
            body,
        }],
        ..Lesson::default()
    };
    let layout = layout_lesson(&lesson, 80);
    let index = layout
        .lines
        .iter()
        .position(|l| l.kind == LineKind::Paragraph)
        .unwrap();
    let text = layout.line_text(index);
    let runs: Vec<(&str, bool, bool)> = layout
        .line_runs(index)
        .iter()
        .map(|r| {
            (
                &text[r.start as usize..r.end as usize],
                r.style.strong,
                r.style.reading,
            )
        })
        .collect();
    assert_eq!(
        runs,
        [("褥瘡", true, false), ("（じょくそう）", false, true)]
    );
}
