//! Display widths in terminal columns, measured the way terminals draw,
//! and cuts of text to a number of columns. Every width and every cut in
//! terakoya goes through here.
//!
//! Text is measured by extended grapheme clusters, each
//! `unicode_width::UnicodeWidthStr::width(cluster)` columns wide, which is
//! what ratatui (0.30) gives each cluster it draws, so what the layout
//! measures is what the reader draws (`tests/it/text_render.rs` checks it
//! against a ratatui buffer). Two clusters differ, and here follow the
//! terminal (xterm, VTE, kitty, Windows Terminal), which `show` and the
//! tables print to directly:
//! - SOFT HYPHEN U+00AD: terminals draw it as a one-column hyphen; it is
//!   one column here (unicode-width says zero and ratatui skips it, so the
//!   reader draws it one column narrower than measured, never wider).
//!   Lesson text never holds one: the sanitiser drops it.
//! - Half-width katakana with a half-width sound mark (`ｶﾞ`): two columns,
//!   one per spacing character, as unicode-width 0.2.3 and terminals say
//!   (ratatui-core 0.1.2 adds one per mark on top, three). Lesson text never
//!   holds one: the sanitiser composes it (`ガ`); ids in tables may.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::text::chars::{SOFT_HYPHEN, is_common_wide};

/// Columns a character takes alone; control characters count as zero
/// (lesson text holds none: the sanitiser has dropped escape sequences and
/// shown every other control as a visible one-column picture). Text that
/// may hold clusters of several chars is measured with [`str_width`].
pub fn char_width(c: char) -> usize {
    match c {
        // The bulk of lesson text, answered without a table lookup.
        ' '..='~' => 1,
        c if is_common_wide(c) => 2,
        SOFT_HYPHEN => 1,
        _ => c.width().unwrap_or(0),
    }
}

/// Columns one extended grapheme cluster takes on a terminal.
pub fn grapheme_width(g: &str) -> usize {
    match g.as_bytes() {
        [byte] => usize::from(!byte.is_ascii_control()),
        // A soft hyphen is always a cluster of its own (it is a Control).
        [0xC2, 0xAD] => 1,
        _ => g.width(),
    }
}

/// The longest prefix of `text` that fits in `columns` display columns,
/// and its width. Cuts fall only between grapheme clusters, so a cut never
/// leaves half of a wide character, a flag, an emoji sequence (no dangling
/// zero-width joiner) or a letter without its combining marks; zero-width
/// clusters at the cut stay with the prefix.
pub fn cut(text: &str, columns: usize) -> (&str, usize) {
    let mut used = 0;
    for (at, g) in text.grapheme_indices(true) {
        let width = grapheme_width(g);
        if used + width > columns {
            return (text.get(..at).unwrap_or(""), used);
        }
        used += width;
    }
    (text, used)
}

/// Columns a string takes, grapheme by grapheme.
pub fn str_width(s: &str) -> usize {
    if s.chars().all(is_simple) {
        return s.chars().map(char_width).sum();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// Whether `c` is always a grapheme cluster of its own (whatever its
/// neighbours, as long as they are simple too) and measures the same alone
/// as in a string. Text made only of these can be measured and broken
/// char by char, which is the fast path of the layout; anything else
/// (combining marks, joiners, variation selectors, emoji modifiers,
/// regional indicators, conjoining jamo, Indic scripts...) takes the
/// grapheme path. A unit test checks the claim for every such char.
pub fn is_simple(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{2FF}'          // Latin-1, Latin extended, IPA, modifiers
        | '\u{2010}'..='\u{2027}'       // dashes, quotes, bullets, ellipsis
        | '\u{2030}'..='\u{205E}'       // per mille, primes, reference marks
        | '\u{2100}'..='\u{27BF}'       // symbols, arrows, enclosed, shapes
        | '\u{3000}'..='\u{3029}'       // CJK punctuation, before tone marks
        | '\u{3030}'..='\u{3098}'       // more punctuation, hiragana
        | '\u{309B}'..='\u{30FF}'       // spacing sound marks, katakana
        | '\u{3105}'..='\u{312F}'       // bopomofo
        | '\u{31F0}'..='\u{31FF}'       // small katakana extension
        | '\u{3200}'..='\u{9FFF}'       // enclosed, compatibility, ideographs
        | '\u{F900}'..='\u{FAFF}'       // compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}'       // CJK compatibility forms
        | '\u{FF01}'..='\u{FF60}'       // full-width forms
        | '\u{FFE0}'..='\u{FFE6}')
}

/// Kept here for callers that measure and classify together.
pub use crate::text::chars::is_cjk;

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn simple_chars() -> impl Iterator<Item = char> {
        (0..0x1_0000u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_simple(c))
    }

    #[test]
    fn simple_chars_measure_alone_as_in_a_string() {
        for c in simple_chars() {
            let s = c.to_string();
            assert_eq!(grapheme_width(&s), char_width(c), "{c:?}");
        }
    }

    #[test]
    fn simple_chars_are_always_their_own_grapheme() {
        for c in simple_chars() {
            for probe in ["a", "あ", "。", " "] {
                let before = format!("{probe}{c}");
                let after = format!("{c}{probe}");
                let doubled = format!("{c}{c}");
                for s in [&before, &after, &doubled] {
                    assert_eq!(s.graphemes(true).count(), 2, "{c:?} in {s:?}");
                }
            }
        }
    }

    #[test]
    fn the_fast_widths_agree_with_unicode_width() {
        for c in (0..0x1_0000u32).filter_map(char::from_u32) {
            let expected = if c == SOFT_HYPHEN {
                1 // see the module docs
            } else {
                c.width().unwrap_or(0)
            };
            assert_eq!(char_width(c), expected, "{c:?}");
        }
    }

    #[test]
    fn a_soft_hyphen_is_one_column_as_terminals_draw_it() {
        assert_eq!(char_width('\u{AD}'), 1);
        assert_eq!(str_width("\u{AD}"), 1);
        assert_eq!(str_width("co\u{AD}op"), 5);
        // Also on the grapheme path (a combining mark elsewhere in the text).
        assert_eq!(str_width("e\u{301}co\u{AD}op"), 6);
    }

    #[test]
    fn half_width_kana_with_a_sound_mark_is_two_columns() {
        assert_eq!(str_width("ｶﾞ"), 2);
        assert_eq!(str_width("ﾊﾟ"), 2);
        assert_eq!(str_width("ﾞ"), 1);
        assert_eq!(str_width("ｶﾞｲﾄﾞ-01"), 8);
    }

    #[test]
    fn cut_keeps_whole_graphemes_that_fit() {
        assert_eq!(cut("日本語 ok", 5), ("日本", 4));
        assert_eq!(cut("日本語 ok", 6), ("日本語", 6));
        assert_eq!(cut("abc", 0), ("", 0));
        assert_eq!(cut("abc", 9), ("abc", 3));
        assert_eq!(cut("", 3), ("", 0));
        // A wide character never halved.
        assert_eq!(cut("a日", 2), ("a", 1));
    }

    #[test]
    fn cut_never_splits_a_cluster() {
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(cut(&format!("a{family}b"), 2), ("a", 1));
        assert_eq!(
            cut(&format!("a{family}b"), 3),
            (format!("a{family}").as_str(), 3)
        );
        // A flag is two regional indicators: never one of them alone.
        assert_eq!(cut("x🇯🇵🇫🇷", 4), ("x🇯🇵", 3));
        assert_eq!(cut("x🇯🇵", 2), ("x", 1));
        // A letter keeps its combining marks; a zero-width cluster stays.
        assert_eq!(cut("e\u{301}\u{302}x", 1), ("e\u{301}\u{302}", 1));
        assert_eq!(cut("ab\u{200B}c", 2), ("ab\u{200B}", 2));
        assert_eq!(cut("ｶﾞｲ", 2), ("ｶﾞ", 2));
    }

    #[test]
    fn cut_agrees_with_str_width() {
        let text = "SNSは「便利」👨\u{200D}👩 ok e\u{301} ｶﾞ\u{AD}🇯🇵。";
        for columns in 0..=str_width(text) + 1 {
            let (prefix, width) = cut(text, columns);
            assert_eq!(str_width(prefix), width, "{columns}");
            assert!(width <= columns);
            let rest = &text[prefix.len()..];
            // Maximal: the next cluster would not have fitted.
            if let Some(next) = rest.graphemes(true).next() {
                assert!(width + grapheme_width(next) > columns, "{columns}");
            }
        }
    }

    #[test]
    fn widths_follow_graphemes() {
        assert_eq!(str_width("日本語 ok"), 9);
        assert_eq!(str_width("e\u{301}"), 1); // combining acute
        assert_eq!(str_width("👨\u{200D}👩\u{200D}👧"), 2); // ZWJ family
        assert_eq!(str_width("🇯🇵"), 2); // flag
        assert_eq!(str_width("\u{200B}"), 0); // zero-width space
    }
}
