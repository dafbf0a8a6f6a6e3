//! Any text through the sanitiser, the markup parser and the layout at
//! widths taken from the input: no line wider than its width, nothing a
//! terminal could act on in any line, and cleaning twice changes nothing.
#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use terakoya_core::model::{Lecturer, Lesson, Section, Text};
use terakoya_core::text::layout::{LessonLayout, layout_lesson};
use terakoya_core::text::width::str_width;
use terakoya_core::text::{markup, sanitize};
use terakoya_fuzz::assert_printable;

fuzz_target!(|data: &[u8]| {
    let Some((&seed, rest)) = data.split_first() else {
        return;
    };
    let raw = String::from_utf8_lossy(rest);
    let clean = sanitize::clean(&raw);
    assert_printable("clean", &clean.replace('\n', ""));
    assert_eq!(sanitize::clean(&clean), clean, "cleaning is not idempotent");
    let lesson = lesson(&clean);
    // One width from 1 to 120 and one narrow width, both from the input.
    let widths = [1 + u16::from(seed % 120), 1 + u16::from(seed / 120 % 8)];
    for width in widths {
        check_layout(&layout_lesson(&lesson, width));
    }
});

/// A lesson with the text as its title (one line), intro and section
/// (heading and body): each kind of line the layout makes.
fn lesson(clean: &str) -> Lesson {
    let text: Text = markup::parse(clean);
    let line = clean.replace('\n', " ");
    Lesson {
        id: "fuzz".into(),
        label: None,
        title: line.clone(),
        lecturer: Some(Lecturer {
            name: "n".into(),
            bio: None,
        }),
        intro: Some(text.clone()),
        sections: vec![Section {
            id: "s".into(),
            heading: line,
            body: text,
        }],
        summary: Vec::new(),
        path: PathBuf::from("fuzz.toml"),
    }
}

fn check_layout(layout: &LessonLayout) {
    let width = usize::from(layout.width);
    for (index, line) in layout.lines.iter().enumerate() {
        let text = layout.line_text(index);
        assert_printable("line", text);
        assert!(!text.contains('\n'), "line {index} has a newline: {text:?}");
        let used = usize::from(line.indent) + str_width(text);
        assert!(
            used <= width,
            "line {index} is {used} columns at width {width}: {text:?}"
        );
    }
}
