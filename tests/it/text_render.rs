//! The career sample's text, broken at every width, checked block by block
//! (width, kinsoku, nothing lost), and drawn by ratatui exactly as the
//! layout measured it.

use crate::text_check;

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use terakoya_core::bundle::{self, LessonsSource};
use terakoya_core::model::{Library, Text};
use terakoya_core::text::layout::{LIST_INDENT, layout_lesson};
use terakoya_core::text::width::str_width;
use text_check::check_wrap;

fn samples() -> Library {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let loaded = bundle::load(&LessonsSource::Path(dir));
    assert_eq!(loaded.error_count(), 0);
    loaded.library
}

fn add<'a>(out: &mut Vec<(&'a str, u16)>, text: &'a Text) {
    for block in &text.blocks {
        let list = block.kind.is_list_item();
        out.push((block.text.as_str(), if list { LIST_INDENT } else { 0 }));
    }
}

/// Every text the samples hold, with the indent it is laid out under.
fn texts(library: &Library) -> Vec<(&str, u16)> {
    let mut out = Vec::new();
    let lessons = library.courses.iter().flat_map(|c| &c.lessons);
    for lesson in lessons.clone() {
        if let Some(bio) = lesson.lecturer.as_ref().and_then(|l| l.bio.as_ref()) {
            add(&mut out, bio);
        }
        if let Some(intro) = &lesson.intro {
            add(&mut out, intro);
        }
        for section in &lesson.sections {
            add(&mut out, &section.body);
        }
    }
    for lesson in lessons {
        out.push((lesson.title.as_str(), 0));
        out.extend(lesson.sections.iter().map(|s| (s.heading.as_str(), 0)));
        out.extend(lesson.summary.iter().map(|p| (p.text.as_str(), 4)));
    }
    out
}

#[test]
fn every_sample_block_breaks_correctly_at_every_width() {
    let library = samples();
    let texts = texts(&library);
    assert!(texts.len() > 50);
    for (text, indent) in texts {
        for width in 1..=120u16 {
            let available = if indent + 2 <= width {
                width - indent
            } else {
                width
            };
            check_wrap(text, usize::from(available));
        }
    }
}

#[test]
fn ratatui_draws_every_layout_line_whole_within_the_area() {
    let library = samples();
    let (_, lesson) = library.find_lesson("career/06-sns").unwrap();
    for (width, height) in [(80u16, 24u16), (40, 12), (13, 5)] {
        let layout = layout_lesson(lesson, width);
        for top in (0..layout.lines.len()).step_by(usize::from(height)) {
            // A fresh backend per page: TestBackend does not emulate a wide
            // glyph covering the cell after it, so stale cells would linger.
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            let rows: Vec<String> = (top..layout.lines.len())
                .take(usize::from(height))
                .map(|i| {
                    format!(
                        "{:indent$}{}",
                        "",
                        layout.line_text(i),
                        indent = usize::from(layout.lines[i].indent)
                    )
                })
                .collect();
            let lines: Vec<Line> = rows.iter().map(|r| Line::raw(r.as_str())).collect();
            terminal
                .draw(|frame| frame.render_widget(Paragraph::new(lines), frame.area()))
                .unwrap();
            let buffer = terminal.backend().buffer();
            for (y, row) in rows.iter().enumerate() {
                let mut drawn = String::new();
                let mut skip = 0;
                for x in 0..width {
                    let symbol = buffer[(x, y as u16)].symbol();
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    skip = str_width(symbol).saturating_sub(1);
                    drawn.push_str(symbol);
                }
                assert!(str_width(row) <= usize::from(width));
                assert_eq!(drawn.trim_end(), row.trim_end(), "width {width}, row {y}");
            }
        }
    }
}

/// The sanitiser widens half-width kana; ratatui must draw the result in
/// exactly the columns our width tables measure.
#[test]
fn widened_kana_measures_the_same_in_unicode_width_and_ratatui() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use unicode_width::UnicodeWidthStr;
    let text = terakoya_core::text::sanitize::clean("ｶﾞｯｺｳﾃﾞﾊﾟﾝｦﾀﾍﾞﾙﾞ").into_owned();
    let mut buffer = Buffer::empty(Rect::new(0, 0, 40, 1));
    let (end, _) = buffer.set_stringn(0, 0, &text, 40, ratatui::style::Style::default());
    assert_eq!(usize::from(end), text.width());
    assert_eq!(text.width(), str_width(&text));
}
