use std::borrow::Cow;

use super::*;

fn cleaned(raw: &str) -> String {
    clean(raw).into_owned()
}

#[test]
fn clean_text_is_borrowed_unchanged() {
    let text = "医師は学び続ける。\nRead the lesson — twice.「括弧」（注）";
    assert!(matches!(clean(text), Cow::Borrowed(t) if t == text));
}

#[test]
fn line_endings_become_lf() {
    assert_eq!(cleaned("a\r\nb\rc\n\r\nd"), "a\nb\nc\n\nd");
}

#[test]
fn csi_sequences_are_dropped_whole() {
    assert_eq!(cleaned("red \x1b[31;1mtext\x1b[0m end"), "red text end");
    assert_eq!(cleaned("clear\x1b[2J\x1b[?25l!"), "clear!");
}

#[test]
fn osc_sequences_are_dropped_whole_with_either_terminator() {
    // Title change, clipboard write and hyperlink, ended by BEL or ST.
    assert_eq!(cleaned("a\x1b]0;pwned\x07b"), "ab");
    assert_eq!(cleaned("a\x1b]52;c;ZXZpbA==\x1b\\b"), "ab");
    assert_eq!(
        cleaned("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\"),
        "link"
    );
}

#[test]
fn dcs_apc_pm_sos_strings_are_dropped_whole() {
    for intro in ['P', 'X', '^', '_'] {
        let raw = format!("x\x1b{intro}payload;1;2\x07still\x1b\\y");
        assert_eq!(cleaned(&raw), "xy", "ESC {intro}");
    }
}

#[test]
fn unterminated_string_runs_to_the_end() {
    assert_eq!(cleaned("keep\x1b]52;c;forever"), "keep");
}

#[test]
fn short_escapes_are_dropped_and_a_lone_esc_is_shown() {
    assert_eq!(cleaned("a\x1bcb"), "ab"); // RIS: reset
    assert_eq!(cleaned("a\x1b(Bb"), "ab"); // charset designation
    assert_eq!(cleaned("end\x1b"), "end␛");
    assert_eq!(cleaned("a\x1b\nb"), "a␛\nb");
}

#[test]
fn eight_bit_c1_sequences_are_dropped_whole() {
    assert_eq!(cleaned("a\u{9B}31mb"), "ab"); // CSI
    assert_eq!(cleaned("a\u{9D}0;title\u{9C}b"), "ab"); // OSC … ST
    assert_eq!(cleaned("a\u{9D}0;title\x07b"), "ab"); // OSC … BEL
    assert_eq!(cleaned("a\u{90}q#1\u{9C}b"), "ab"); // DCS
    assert_eq!(cleaned("a\u{9F}apc\x1b\\b"), "ab"); // APC … ESC \
}

#[test]
fn other_controls_are_shown_as_pictures() {
    assert_eq!(cleaned("a\0b\x07c\x08d"), "a␀b␇c␈d");
    assert_eq!(cleaned("del\x7f"), "del␡");
    assert_eq!(
        cleaned("nel\u{85}x\u{93}q\u{94}"),
        "nel\u{FFFD}x\u{FFFD}q\u{FFFD}"
    );
}

#[test]
fn bidi_controls_are_removed() {
    let raw = "a\u{202E}gnp.exe\u{202C} \u{2066}b\u{2069}\u{200F}\u{200E}\u{061C}c";
    assert_eq!(cleaned(raw), "agnp.exe bc");
}

#[test]
fn tabs_expand_to_the_next_stop_from_the_line_start() {
    assert_eq!(cleaned("\tx"), "    x");
    assert_eq!(cleaned("ab\tx"), "ab  x");
    assert_eq!(cleaned("abcd\tx"), "abcd    x");
    // Wide characters count two columns; a newline restarts the count.
    assert_eq!(cleaned("あ\tx\nb\ty"), "あ  x\nb   y");
    // The count includes text before the first change.
    assert_eq!(cleaned("abc\x07\tx"), "abc␇    x");
}

#[test]
fn half_width_katakana_is_widened_and_composed() {
    assert_eq!(cleaned("ｶﾞｯｺｳ"), "ガッコウ");
    assert_eq!(cleaned("ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ ﾊﾞ ｳﾞ ﾂﾞ ﾜﾞ ｦﾞ"), "パピプペポ バ ヴ ヅ ヷ ヺ");
    assert_eq!(cleaned("｡｢ﾃｽﾄ｣､･ｰ"), "。「テスト」、・ー");
    // Marks that cannot compose stay visible as spacing marks.
    assert_eq!(cleaned("ｱﾞﾟ a ﾟ"), "ア゛゜ a ゜");
}

#[test]
fn unicode_separators_break_lines_in_text_fields() {
    assert_eq!(
        cleaned("SNSは便利。\u{2028}注意も必要。"),
        "SNSは便利。\n注意も必要。"
    );
    assert_eq!(
        cleaned("一段落目。\u{2029}二段落目。"),
        "一段落目。\n\n二段落目。"
    );
    // A tab after one counts its columns from the new line.
    assert_eq!(cleaned("abc\u{2028}a\tb"), "abc\na   b");
}

#[test]
fn unicode_separators_are_spaces_in_one_line_fields() {
    assert_eq!(clean_line("当直明け\u{2028}の学び方"), "当直明け の学び方");
    assert_eq!(clean_line("Part\u{2029}two\r\nthree"), "Part two\nthree");
    let title = "当直明けの学び方";
    assert!(matches!(clean_line(title), Cow::Borrowed(t) if t == title));
}

#[test]
fn no_separator_survives_either_cleaning() {
    let raw = "a\u{2028}\u{2029}b\u{2028}";
    for out in [clean(raw), clean_line(raw)] {
        assert!(!out.contains(['\u{2028}', '\u{2029}']), "{out:?}");
    }
}

#[test]
fn soft_hyphens_are_removed() {
    assert_eq!(cleaned("Anti\u{AD}biotic"), "Antibiotic");
    assert_eq!(clean_line("\u{AD}co\u{AD}op\u{AD}"), "coop");
}

#[test]
fn result_never_holds_a_control_other_than_lf() {
    let mut raw = String::new();
    for code in (0u32..0x20).chain(0x7F..0xA0) {
        raw.push('x');
        raw.extend(char::from_u32(code));
    }
    raw.push_str("\u{1b}[1m\u{1b}]2;t\u{7}\u{9b}2J");
    let out = cleaned(&raw);
    assert!(out.chars().all(|c| c == '\n' || !c.is_control()), "{out:?}");
    assert!(!out.contains('\u{1b}'));
}

/// The first char to change, found one char at a time: what the chunked
/// scan of [`first_change`] must agree with.
fn first_change_slowly(raw: &str) -> Option<usize> {
    raw.char_indices()
        .find(|&(_, c)| needs_work(c))
        .map(|(at, _)| at)
}

#[test]
fn candidates_cover_every_char_that_needs_work() {
    // Every char whose first two bytes are not a candidate must be left
    // alone: the chunked scan skips it without decoding.
    for code in 0..=0x10FFFF_u32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let mut buf = [0; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        let next = bytes.get(1).copied().unwrap_or(b'a');
        if needs_work(c) {
            assert!(is_candidate(bytes[0], next), "U+{code:04X}");
        }
        if is_candidate(bytes[0], next) {
            assert!(is_lead(bytes[0]), "U+{code:04X}");
        }
    }
}

#[test]
fn chunked_scan_finds_changes_at_every_offset() {
    // A change at each position of two chunks, after CJK, Latin and
    // full-width text that the scan must skip.
    for filler in ["あ", "a", "（", "—", "ｘ"] {
        for change in [
            "\u{202E}", "\r", "\u{85}", "ｶ", "\u{61C}", "\x7f", "\u{2028}", "\u{2029}", "\u{AD}",
        ] {
            for count in 0..40 {
                let raw = format!("{}{change}{}", filler.repeat(count), filler.repeat(3));
                assert_eq!(first_change(&raw), Some(filler.len() * count), "{raw:?}");
            }
        }
        let clean_text = filler.repeat(50);
        assert_eq!(first_change(&clean_text), None);
    }
}

mod props {
    use proptest::prelude::*;

    use super::*;

    /// Text near the edges of the fast path: candidates that need no work
    /// (`—`, `～`, `ａ`, `Â`), ones that do, CJK, ASCII and newlines.
    fn tricky() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "あ", "学", "a", " ", "\n", "\r\n", "\t", "（", "—", "…", "～", "ａ", "Â", "\u{A0}",
            "\u{200B}", "\u{200E}", "\u{202A}", "\u{2069}", "\u{2070}", "\u{61C}", "\u{61B}",
            "\u{85}", "\u{9B}", "\x1b[1m", "\x7f", "\0", "ｶ", "ﾞ", "ｿ", "\u{FF60}", "\u{FFA0}",
            "\u{E000}", "\u{2028}", "\u{2029}", "\u{AD}", "\u{AC}", "\u{AE}",
        ]);
        prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn chunked_scan_agrees_with_the_char_by_char_one(raw in tricky()) {
            prop_assert_eq!(first_change(&raw), first_change_slowly(&raw));
        }

        #[test]
        fn chunked_scan_agrees_on_any_text(raw in any::<String>()) {
            prop_assert_eq!(first_change(&raw), first_change_slowly(&raw));
        }
    }
}
