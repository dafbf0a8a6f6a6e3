//! Cutting text to a number of terminal columns, grapheme by grapheme, with
//! the core's widths (`text::width`), so that a cut never leaves half a
//! flag, a dangling zero-width joiner or a combining mark without its base.

use std::borrow::Cow;

use terakoya_core::text::width::{grapheme_width, str_width};
use unicode_segmentation::UnicodeSegmentation;

use super::strings;

/// The longest start of `text` made of whole graphemes that fits in
/// `width` columns.
pub fn cut(text: &str, width: usize) -> &str {
    let mut used = 0;
    for (start, grapheme) in text.grapheme_indices(true) {
        used += grapheme_width(grapheme);
        if used > width {
            return &text[..start];
        }
    }
    text
}

/// `text` cut to `width` columns, ending with "…" when cut.
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if str_width(text) <= width {
        return Cow::Borrowed(text);
    }
    let ellipsis = str_width(strings::ELLIPSIS);
    if width < ellipsis {
        return Cow::Borrowed(cut(text, width));
    }
    Cow::Owned(format!(
        "{}{}",
        cut(text, width - ellipsis),
        strings::ELLIPSIS
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAMILY: &str = "👨\u{200D}👩\u{200D}👧";
    const FLAG: &str = "🇯🇵";

    #[test]
    fn a_zwj_family_is_kept_whole_or_left_out() {
        let text = format!("a{FAMILY}b");
        assert_eq!(cut(&text, 1), "a");
        assert_eq!(cut(&text, 2), "a", "no dangling joiner");
        assert_eq!(cut(&text, 3), format!("a{FAMILY}"));
        assert_eq!(truncate(&text, 3), "a…");
    }

    #[test]
    fn flags_are_never_halved() {
        let text = format!("{FLAG}{FLAG}");
        assert_eq!(cut(&text, 1), "");
        assert_eq!(cut(&text, 3), FLAG);
        assert_eq!(truncate(&text, 3), format!("{FLAG}…"));
    }

    #[test]
    fn wide_cjk_is_not_split() {
        assert_eq!(cut("日本語", 3), "日");
        assert_eq!(cut("日本語", 4), "日本");
        assert_eq!(truncate("日本語です", 6), "日本…");
        assert_eq!(truncate("日本語", 6), "日本語");
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        let text = "e\u{301}e\u{301}e\u{301}";
        assert_eq!(cut(text, 2), "e\u{301}e\u{301}");
        assert_eq!(truncate(text, 2), "e\u{301}…");
    }

    #[test]
    fn no_room_for_the_ellipsis_cuts_bare() {
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(cut("", 5), "");
    }

    #[test]
    fn a_cut_always_fits() {
        let samples = [FAMILY, FLAG, "e\u{301}", "日本", "ab", "\u{200B}x"];
        for a in samples {
            for b in samples {
                let text = format!("{a}{b}{a}");
                for width in 0..8 {
                    assert!(str_width(cut(&text, width)) <= width, "{text:?} {width}");
                    assert!(
                        str_width(&truncate(&text, width)) <= width,
                        "{text:?} {width}"
                    );
                }
            }
        }
    }
}
