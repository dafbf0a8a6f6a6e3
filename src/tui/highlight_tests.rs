//! The mapping from matches to layout lines and cells.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use terakoya_core::model::{Block, BlockKind, Lesson, Section, SummaryPoint, Text};
use terakoya_core::search::{LessonIndex, Query};
use terakoya_core::text::layout::layout_lesson;

use super::*;

fn lesson(heading: &str, body: &str) -> Lesson {
    Lesson {
        id: "l".into(),
        label: Some("第1回".into()),
        title: "見出しの長いタイトルです".into(),
        lecturer: None,
        intro: None,
        sections: vec![Section {
            id: "s".into(),
            heading: heading.into(),
            body: Text {
                blocks: vec![Block {
                    kind: BlockKind::Paragraph,
                    text: body.into(),
                    ..Block::default()
                }],
            },
        }],
        summary: vec![SummaryPoint {
            id: "p".into(),
            text: "ﾃﾞｰﾀを守る".into(),
            ..Default::default()
        }],
        path: PathBuf::new(),
        inline: Default::default(),
    }
}

/// The highlighted cells of every visible line, as the text they cover:
/// what a reader sees reversed, line by line.
fn highlighted(lesson: &Lesson, width: u16, query: &str) -> Vec<(usize, String)> {
    let layout = layout_lesson(lesson, width);
    let matches = LessonIndex::new(lesson).find(&Query::new(query).unwrap());
    let mut out = Vec::new();
    for line in 0..layout.lines.len() {
        let Some((field, range)) = line_source(&layout, lesson, line) else {
            continue;
        };
        let drawn = layout.line_text(line);
        let parts: Vec<_> = matches_in(&matches, field, range.clone())
            .into_iter()
            .map(|(_, p)| p.start - range.start..p.end - range.start)
            .collect();
        if parts.is_empty() {
            continue;
        }
        // Draw as the view does, then read back the highlighted cells.
        let area = Rect::new(0, 0, width, 1);
        let mut buf = Buffer::empty(area);
        buf.set_stringn(0, 0, drawn, usize::from(width), Style::new());
        let text: String = cells(drawn, &parts, 0, width)
            .into_iter()
            .map(|(x, _)| buf[(x, 0)].symbol().to_owned())
            .collect();
        out.push((line, text));
    }
    out
}

#[test]
fn half_width_katakana_with_dakuten_is_highlighted_whole() {
    // ﾃﾞｰﾀ is four characters, five bytes apart from データ's three.
    let lesson = lesson("記録", "患者のﾃﾞｰﾀは院内で扱い、ﾃﾞｰﾀを外へ出さない。");
    let found = highlighted(&lesson, 60, "データ");
    let texts: Vec<&str> = found.iter().map(|(_, t)| t.as_str()).collect();
    // Two in the body, one in the summary (not in the layout).
    assert_eq!(texts, ["ﾃﾞｰﾀﾃﾞｰﾀ"], "{found:?}");
    // The cells: ﾃﾞ is one cluster two columns wide, drawn in one cell.
    let layout = layout_lesson(&lesson, 60);
    let line = layout
        .lines
        .iter()
        .position(|l| l.kind == LineKind::Paragraph)
        .unwrap();
    let drawn = layout.line_text(line);
    let (_, range) = line_source(&layout, &lesson, line).unwrap();
    let matches = LessonIndex::new(&lesson).find(&Query::new("ﾃﾞｰﾀ").unwrap());
    let parts: Vec<_> = matches_in(
        &matches,
        Field::Body {
            section: 0,
            block: 0,
        },
        range,
    )
    .into_iter()
    .map(|(_, p)| p)
    .collect();
    let first = cells(drawn, &parts[..1], 0, 60);
    // Drawn by ratatui: the cells it put ﾃﾞ, ｰ and ﾀ in (ﾃﾞ one cluster in
    // one cell), right after 患者の (6 columns), and は right after them.
    let mut buf = Buffer::empty(Rect::new(0, 0, 60, 1));
    buf.set_stringn(0, 0, drawn, 60, Style::new());
    let symbols: Vec<&str> = first.iter().map(|&(x, _)| buf[(x, 0)].symbol()).collect();
    assert_eq!(symbols, ["ﾃﾞ", "ｰ", "ﾀ"]);
    assert_eq!(first[0].0, 6);
    let (x, w) = first[2];
    assert_eq!(buf[(x + w, 0)].symbol(), "は");
}

#[test]
fn a_match_across_a_wrapped_line_is_highlighted_on_both_lines() {
    let body = "あいうえおかきくけこさしすせそ";
    let lesson = lesson("記録", body);
    // 10 columns: five characters a line; "おかき" spans lines 1 and 2.
    let found = highlighted(&lesson, 10, "オカキ");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].1, "お");
    assert_eq!(found[1].1, "かき");
    assert_eq!(found[1].0, found[0].0 + 1, "consecutive lines");
}

#[test]
fn a_wrapped_heading_and_title_map_each_line() {
    let lesson = lesson("とても長い見出しの節です", "本文。");
    // 8 columns: the heading wraps; 節 is on its second line.
    let found = highlighted(&lesson, 8, "節");
    let layout = layout_lesson(&lesson, 8);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(layout.lines[found[0].0].kind, LineKind::Heading);
    assert!(
        found[0].0 > layout.section_starts[0],
        "not the heading's first line"
    );
    let title = highlighted(&lesson, 8, "タイトル");
    assert_eq!(
        title.iter().map(|(_, t)| t.as_str()).collect::<String>(),
        "タイトル"
    );
}

#[test]
fn the_line_of_a_match_is_where_it_starts() {
    let lesson = lesson("記録", "あいうえおかきくけこさしすせそ");
    let layout = layout_lesson(&lesson, 10);
    let matches = LessonIndex::new(&lesson).find(&Query::new("さし").unwrap());
    let line = line_of_match(&layout, &lesson, &matches[0]).unwrap();
    assert!(
        layout.line_text(line).starts_with("さし"),
        "{}",
        layout.line_text(line)
    );
    let heading = LessonIndex::new(&lesson).find(&Query::new("記録").unwrap());
    assert_eq!(
        line_of_match(&layout, &lesson, &heading[0]),
        Some(layout.section_starts[0])
    );
    let point = LessonIndex::new(&lesson).find(&Query::new("守る").unwrap());
    assert_eq!(
        line_of_match(&layout, &lesson, &point[0]),
        None,
        "points are not in the text"
    );
}
