//! Any text through the sanitiser, the markup parsers (format 1's light
//! markup and format 2's CommonMark, chosen by the input) and the layout
//! at widths taken from the input, ruby inline or hidden, links with their
//! URL or not: no line wider than its width, nothing a terminal could act
//! on in any line, runs inside their line, and cleaning twice changes
//! nothing.
#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use terakoya_core::model::{InlineMarks, Lecturer, Lesson, Section, Text};
use terakoya_core::text::layout::{LessonLayout, layout_lesson_with};
use terakoya_core::text::styled::{DisplayOptions, LinkMode, RubyMode};
use terakoya_core::text::width::str_width;
use terakoya_core::text::{markdown, markup, sanitize};
use terakoya_fuzz::assert_printable;

fuzz_target!(|data: &[u8]| {
    let Some((&seed, rest)) = data.split_first() else {
        return;
    };
    let raw = String::from_utf8_lossy(rest);
    let clean = sanitize::clean(&raw);
    assert_printable("clean", &clean.replace('\n', ""));
    assert_eq!(sanitize::clean(&clean), clean, "cleaning is not idempotent");
    let format2 = seed & 1 == 1;
    let lesson = lesson(&clean, format2);
    let options = DisplayOptions {
        ruby: if seed & 2 == 0 { RubyMode::Inline } else { RubyMode::Hide },
        links: if seed & 4 == 0 { LinkMode::Text } else { LinkMode::WithUrl },
    };
    // One width from 1 to 120 and one narrow width, both from the input.
    let widths = [1 + u16::from(seed % 120), 1 + u16::from(seed / 120 % 8)];
    for width in widths {
        check_layout(&layout_lesson_with(&lesson, width, options));
    }
});

/// A lesson with the text as its title (one line), intro and section
/// (heading and body): each kind of line the layout makes.
fn lesson(clean: &str, format2: bool) -> Lesson {
    let text: Text = if format2 {
        markdown::parse(clean).0
    } else {
        markup::parse(clean)
    };
    let line = clean.replace('\n', " ");
    let (line, spans) = if format2 {
        let (line, spans, _) = markdown::parse_line(&line);
        (line, spans)
    } else {
        (line, Vec::new())
    };
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
        inline: InlineMarks {
            title: spans.clone(),
            headings: vec![spans],
            ..InlineMarks::default()
        },
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
        for run in layout.line_runs(index) {
            assert!(run.start < run.end && run.end as usize <= text.len());
            assert!(text.is_char_boundary(run.start as usize));
            assert!(text.is_char_boundary(run.end as usize));
        }
    }
}
