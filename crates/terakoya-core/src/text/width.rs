//! Display widths in terminal columns, measured the way ratatui draws.
//!
//! ratatui (0.30) splits a line into extended grapheme clusters, skips the
//! ones that are zero columns wide, and gives each of the others
//! `unicode_width::UnicodeWidthStr::width(cluster)` columns (plus one per
//! half-width sound mark, which the sanitiser has already composed away).
//! [`grapheme_width`] mirrors that, so what the layout measures is what the
//! reader draws; `tests/text_render.rs` checks it against a ratatui buffer.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns a character takes; control characters count as zero
/// (the loader has removed them before anything is measured).
pub fn char_width(c: char) -> usize {
    match c {
        // The bulk of lesson text, answered without a table lookup.
        ' '..='~' => 1,
        '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{4E00}'..='\u{9FFF}' => 2,
        _ => c.width().unwrap_or(0),
    }
}

/// Columns one extended grapheme cluster takes when ratatui draws it.
pub fn grapheme_width(g: &str) -> usize {
    if g.len() == 1 {
        return usize::from(!g.as_bytes()[0].is_ascii_control());
    }
    let sound_marks = g
        .chars()
        .filter(|&c| c == '\u{FF9E}' || c == '\u{FF9F}')
        .count();
    g.width() + sound_marks
}

/// Columns a string takes, grapheme by grapheme.
pub fn str_width(s: &str) -> usize {
    if s.chars().all(is_simple) {
        return s.chars().map(char_width).sum();
    }
    use unicode_segmentation::UnicodeSegmentation;
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

/// Whether a character belongs to East Asian text, where a soft line break
/// joins without a space.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF      // Hangul Jamo
        | 0x2E80..=0x303F    // CJK radicals, symbols and punctuation
        | 0x3040..=0x30FF    // Hiragana, Katakana
        | 0x3100..=0x31FF    // Bopomofo, Katakana extensions
        | 0x3200..=0x4DBF    // enclosed CJK, compatibility, extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFE30..=0xFE4F    // compatibility forms
        | 0xFF00..=0xFFEF    // half- and full-width forms
        | 0x20000..=0x3FFFF) // extensions B and later
}

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
            assert_eq!(char_width(c), c.width().unwrap_or(0), "{c:?}");
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
