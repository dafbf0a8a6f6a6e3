//! Shared checks of wrapped lines against their source text (included as a
//! module by the text tests).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use terakoya_core::text::kinsoku::{no_end, no_start};
use terakoya_core::text::linebreak::{INDENT_MIN, shown, wrap};
use terakoya_core::text::width::str_width;
use unicode_segmentation::UnicodeSegmentation;

/// Columns ratatui actually fills when drawing `line` in a row of `width`.
pub fn drawn_width(line: &str, width: usize) -> usize {
    let mut buffer = Buffer::empty(Rect::new(0, 0, width as u16 + 8, 1));
    let (end, _) = buffer.set_stringn(0, 0, line, usize::MAX, Style::default());
    usize::from(end)
}

/// Columns ratatui (ratatui-core 0.1.2) gives `line` beyond what terminals
/// draw: one per half-width sound mark (ﾞ ﾟ), which it adds on top of
/// unicode-width 0.2.3 that already counts them (`ｶﾞ` is two columns on a
/// terminal, three cells in ratatui). Lesson text never holds them (the
/// sanitiser composes them); `text::width` follows the terminal, so that
/// `show` and the tables, printed straight to the terminal, line up.
pub fn ratatui_over_count(line: &str) -> usize {
    line.chars()
        .filter(|&c| c == '\u{FF9E}' || c == '\u{FF9F}')
        .count()
}

/// Break spaces: dropped at a break (and nowhere else) by the breaker.
fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// The first char of each grapheme with its byte offset; a space carrying
/// combining marks is represented by its first mark (it is not a space).
fn units(text: &str) -> Vec<(usize, char)> {
    text.grapheme_indices(true)
        .map(|(at, g)| (at, g.chars().find(|&c| !is_space(c)).unwrap_or(' ')))
        .collect()
}

/// Whether kinsoku allows a break at the grapheme boundary `at`, judging by
/// the nearest non-space graphemes on each side.
fn clean_break(units: &[(usize, char)], at: usize) -> bool {
    let before = units.iter().rev().find(|(o, c)| *o < at && !is_space(*c));
    let after = units.iter().find(|(o, c)| *o >= at && !is_space(*c));
    match (before, after) {
        (Some(&(_, b)), Some(&(_, a))) => !no_end(b) && !no_start(a),
        _ => true,
    }
}

/// Checks every property of `wrap(text, width)`.
pub fn check_wrap(text: &str, width: usize) {
    let lines = wrap(text, width);
    check_lines(text, &lines, width);
}

pub fn check_lines(text: &str, lines: &[Range<usize>], width: usize) {
    assert!(!lines.is_empty());
    // An empty line only for a text with nothing but spaces.
    if text.chars().any(|c| !is_space(c)) {
        assert!(
            lines.iter().all(|line| !line.is_empty()),
            "an empty line at width {width} of {text:?}: {lines:?}"
        );
    }
    let units = units(text);
    let mut previous_end = 0;
    for (index, line) in lines.iter().enumerate() {
        let ctx = || format!("width {width}, line {index} of {text:?}: {lines:?}");
        // In order, and only spaces between lines: nothing lost or added.
        assert!(line.start >= previous_end, "{}", ctx());
        assert!(
            text[previous_end..line.start].chars().all(is_space),
            "lost {:?}; {}",
            &text[previous_end..line.start],
            ctx()
        );
        previous_end = line.end;
        let body = &text[line.clone()];
        let mut graphemes = body.graphemes(true);
        let (first, last) = (graphemes.next(), graphemes.next_back());
        let break_space = |g: Option<&str>| g.is_some_and(|g| g.chars().all(is_space));
        // A paragraph's indent (a lone U+3000 at the start) may stay on the
        // first line; no other line starts or ends with a space.
        let indent = line.start == 0 && first == Some("\u{3000}");
        if indent {
            assert!(width >= INDENT_MIN, "{}", ctx());
        }
        assert!(
            (indent || !break_space(first)) && !break_space(last),
            "{}",
            ctx()
        );
        // Never wider than the width; only a lone too-wide grapheme is
        // replaced, and then by a placeholder that fits.
        let shown = shown(text, line.clone(), width);
        if shown != body {
            assert_eq!(body.graphemes(true).count(), 1, "{}", ctx());
            assert!(str_width(body) > width, "{}", ctx());
        }
        assert!(str_width(shown) <= width, "{}", ctx());
        // ratatui draws as measured, but for half-width sound marks: see
        // `ratatui_over_count`.
        let drawn = drawn_width(shown, width) - ratatui_over_count(shown);
        assert!(drawn <= width, "ratatui: {}", ctx());
        assert_eq!(drawn, str_width(shown), "{}", ctx());
        // Kinsoku: a line may start with a no-start char, or the previous
        // end with a no-end char, only when no boundary inside the previous
        // line would have been a clean break (a forced break).
        if index > 0 {
            let prev = &lines[index - 1];
            let at = line.start;
            if !body.is_empty() && !clean_break(&units, at) {
                let avoidable = units
                    .iter()
                    .map(|&(o, _)| o)
                    .filter(|&o| o > prev.start && o < at)
                    .find(|&o| clean_break(&units, o));
                assert_eq!(avoidable, None, "avoidable kinsoku break; {}", ctx());
            }
        }
    }
    assert!(
        text[previous_end..].chars().all(is_space),
        "lost the tail of {text:?} at {width}"
    );
}
