//! Snapshots of the reader on the format-2 sample (career/08-handoff) at
//! 40x12 and 80x24: bold, ruby and a table. Under each row that has styled
//! cells, a row of marks: `B` bold, `d` dim, `u` underlined.

use crate::reader_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use reader_support::{act, app, draw, screen, select};
use terakoya::tui::msg::Action::{self, *};

/// The screen with a row of style marks under each row of lesson text
/// that has bold, dim or underlined cells in it.
fn styled_screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let plain = screen(terminal);
    let mut out = String::new();
    for (y, row) in plain.lines().enumerate() {
        out.push_str(row);
        out.push('\n');
        let marks: String = (0..buffer.area.width)
            .map(|x| {
                let modifier = buffer[(x, y as u16)].modifier;
                if modifier.contains(Modifier::UNDERLINED) {
                    'u'
                } else if modifier.contains(Modifier::BOLD) {
                    'B'
                } else if modifier.contains(Modifier::DIM) {
                    'd'
                } else {
                    ' '
                }
            })
            .collect();
        // The frame's title rows are styled throughout; only text marks.
        let marked = marks.chars().filter(|&c| c != ' ').count();
        if y > 0 && marked > 0 && marked < usize::from(buffer.area.width) / 2 {
            out.push_str(&format!(" {}\n", marks.trim_end()));
        }
    }
    out
}

fn snapshot(name: &str, width: u16, height: u16, actions: &[Action]) {
    let mut app = app(width, height);
    select(&mut app, "career", "08-handoff");
    act(&mut app, &[Open]);
    act(&mut app, actions);
    let terminal = draw(&app);
    insta::assert_snapshot!(format!("{name}_{width}x{height}"), styled_screen(&terminal));
}

#[test]
fn format_2_lesson_top() {
    for (w, h) in [(80, 24), (40, 12)] {
        snapshot("format2_top", w, h, &[]);
    }
}

#[test]
fn format_2_ruby_and_emphasis() {
    for (w, h) in [(80, 24), (40, 12)] {
        snapshot("format2_ruby", w, h, &[NextSection]);
    }
}

#[test]
fn format_2_table() {
    for (w, h) in [(80, 24), (40, 12)] {
        snapshot(
            "format2_table",
            w,
            h,
            &[NextSection, NextSection, NextSection],
        );
    }
}
