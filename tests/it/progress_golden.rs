//! Golden derived ids: lessons that set no id (Japanese and English, with
//! soft breaks, 字下げ and lists, and two headings whose short ids
//! collide) and a snapshot of their section ids, point ids and the anchor
//! every line of the lesson saves as a reading position. Progress is keyed
//! by these: a parser or layout change that re-keys ticks or moves saved
//! positions changes the snapshot, and must then migrate old files (see
//! `ids` in docs/progress.md) rather than be accepted as is.

use std::fmt::Write as _;
use std::path::Path;

use terakoya_core::bundle;
use terakoya_core::model::Lesson;
use terakoya_core::progress::Anchor;
use terakoya_core::text::layout::layout_lesson;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/ids");

/// The widths a position is checked at: a narrow terminal and a usual one.
const WIDTHS: [u16; 2] = [24, 60];

/// Each line's anchor as the reader saves it (section id, block, offset),
/// with the line's text to see what it points at.
fn anchors(lesson: &Lesson, width: u16, out: &mut String) {
    let layout = layout_lesson(lesson, width);
    for (index, line) in layout.lines.iter().enumerate() {
        let anchor = Anchor {
            section: line
                .pos
                .section
                .and_then(|i| lesson.sections.get(i as usize))
                .map(|s| s.id.clone()),
            block: line.pos.block,
            offset: line.pos.offset,
        };
        let section = anchor.section.as_deref().unwrap_or("-");
        let _ = writeln!(
            out,
            "  {section} {} {} | {}",
            anchor.block,
            anchor.offset,
            layout.line_text(index).trim_end()
        );
    }
}

#[test]
fn derived_ids_and_anchors_never_change() {
    let loaded = bundle::load(&bundle::LessonsSource::Path(Path::new(FIXTURE).to_owned()));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let mut out = String::new();
    for course in &loaded.library.courses {
        for lesson in &course.lessons {
            let _ = writeln!(out, "lesson {}/{}", course.id, lesson.id);
            for section in &lesson.sections {
                let _ = writeln!(out, "section {} {}", section.id, section.heading);
            }
            for point in &lesson.summary {
                let _ = writeln!(out, "point {} {}", point.id, point.text);
            }
            for width in WIDTHS {
                let _ = writeln!(out, "anchors at width {width}:");
                anchors(lesson, width, &mut out);
            }
        }
    }
    insta::assert_snapshot!(out);
}
