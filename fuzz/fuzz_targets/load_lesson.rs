//! Any bytes as a lesson file: a lesson or diagnostics, never a panic; the
//! rendered diagnostics (which quote source lines) and every string of the
//! lesson are safe to print.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use terakoya_core::bundle::load_lesson_bytes;
use terakoya_core::model::{Lesson, Text};
use terakoya_fuzz::assert_printable;

fuzz_target!(|data: &[u8]| {
    let (lesson, diagnostics) = load_lesson_bytes(Path::new("course/fuzz.toml"), data);
    for diagnostic in &diagnostics {
        assert_printable("diagnostic", &terakoya::cli::diagnostic::render_plain(diagnostic));
    }
    if let Some(lesson) = lesson {
        check_lesson(&lesson);
        for width in [1, 7, 80] {
            let layout = terakoya_core::text::layout::layout_lesson(&lesson, width);
            assert_printable("layout", &layout.text);
        }
    }
});

fn check_lesson(lesson: &Lesson) {
    let lines = [&lesson.id, &lesson.title]
        .into_iter()
        .chain(lesson.label.as_ref())
        .chain(lesson.lecturer.as_ref().map(|l| &l.name))
        .chain(lesson.sections.iter().map(|s| &s.heading))
        .chain(lesson.summary.iter().map(|p| &p.text));
    for line in lines {
        assert_printable("field", line);
        assert!(
            !line.contains('\n'),
            "one-line field with a newline: {line:?}"
        );
    }
    let texts = lesson
        .intro
        .iter()
        .chain(lesson.lecturer.iter().filter_map(|l| l.bio.as_ref()))
        .chain(lesson.sections.iter().map(|s| &s.body));
    texts.for_each(check_text);
}

fn check_text(text: &Text) {
    for block in &text.blocks {
        assert_printable("block", &block.text);
        assert!(
            !block.text.contains('\n'),
            "block with a newline: {:?}",
            block.text
        );
    }
}
