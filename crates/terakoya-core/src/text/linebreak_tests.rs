//! Exact line breaks for hand-picked paragraphs, so a reader sees the
//! rules at work. Width 20 holds ten full-width characters.

use super::*;

fn lines(text: &str, width: usize) -> Vec<&str> {
    wrap(text, width).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn japanese_fills_lines_and_pushes_a_char_down_before_closing_punctuation() {
    let text = "医師として働き始めると、学ぶ時間は自分で作らなければならない。\
                「忙しいから」と言い訳をせず、毎日十五分でも論文を読む習慣をつけよう。";
    assert_eq!(
        lines(text, 20),
        [
            "医師として働き始める",
            "と、学ぶ時間は自分で",
            // "い" would fit, but "。" may not start a line: "い" goes down.
            "作らなければならな",
            "い。「忙しいから」と",
            "言い訳をせず、毎日十",
            "五分でも論文を読む習",
            "慣をつけよう。",
        ]
    );
}

#[test]
fn brackets_and_middle_dots_stay_with_their_text() {
    let text = "SNSへの投稿は、一度公開すると取り消せないと考えたほうがよい。\
                患者さんの情報（年齢・病名・写真など）は、たとえ匿名にしたつもりでも、\
                組み合わせれば特定できてしまうことがある。";
    assert_eq!(
        lines(text, 20),
        [
            "SNSへの投稿は、一度",
            "公開すると取り消せな",
            "いと考えたほうがよ",
            // "（" may not end a line, so it opens the next one.
            "い。患者さんの情報",
            "（年齢・病名・写真な",
            "ど）は、たとえ匿名に",
            "したつもりでも、組み",
            "合わせれば特定できて",
            "しまうことがある。",
        ]
    );
}

#[test]
fn small_kana_and_opening_brackets_move_together() {
    let text = "カンファレンスで「ちょっと待ってください！」と言えるかどうか。";
    assert_eq!(
        lines(text, 20),
        [
            // "「ち" would fit, but "ょ" may not start a line and "「" may
            // not end one, so "「ちょ" starts the next line together.
            "カンファレンスで",
            "「ちょっと待ってくだ",
            "さい！」と言えるかど",
            "うか。",
        ]
    );
}

#[test]
fn latin_breaks_at_spaces_and_urls_after_slashes() {
    let text = "Read https://example.com/a/very/long/path/to/somewhere/else first, then come back.";
    assert_eq!(
        lines(text, 20),
        [
            "Read https://",
            "example.com/a/very/",
            "long/path/to/",
            "somewhere/else",
            "first, then come",
            "back.",
        ]
    );
}

#[test]
fn words_longer_than_the_line_are_cut_at_the_width() {
    assert_eq!(
        lines("Pneumonoultramicroscopic silicovolcanoconiosis", 10),
        [
            "Pneumonoul",
            "tramicrosc",
            "opic",
            "silicovolc",
            "anoconiosi",
            "s"
        ]
    );
}

#[test]
fn forced_breaks_still_avoid_kinsoku_when_the_line_allows() {
    // No UAX #14 opportunity inside "abcdef」」"; the cut at 6 columns
    // would start a line with "」", so it moves one earlier and "f" goes
    // down with the brackets.
    assert_eq!(
        lines("xy abcdef」」ghi", 6),
        ["xy", "abcde", "f」」", "ghi"]
    );
    // When every boundary in the line is forbidden, the cut is at the width.
    assert_eq!(lines("」」」」」」", 4), ["」」", "」」", "」」"]);
}

#[test]
fn spaces_at_a_break_are_dropped() {
    assert_eq!(lines("one   two    three", 5), ["one", "two", "three"]);
    assert_eq!(lines("   ", 5), [""]);
    assert_eq!(lines("", 5), [""]);
}

#[test]
fn an_ideographic_space_at_a_break_is_dropped_and_kept_inside_a_line() {
    // QA: the U+3000 after エッジケース was counted, so ス went down.
    assert_eq!(
        lines("エッジケース　テスト", 12),
        ["エッジケース", "テスト"]
    );
    assert_eq!(
        lines("エッジケース　テスト", 13),
        ["エッジケース", "テスト"]
    );
    // Inside a line it stays, two columns wide.
    assert_eq!(lines("エッジケース　テスト", 20), ["エッジケース　テスト"]);
    assert_eq!(lines("あ　い", 6), ["あ　い"]);
    assert_eq!(lines("あ　い", 5), ["あ", "い"]);
    // Several, and mixed with ASCII spaces, at a break.
    assert_eq!(lines("word　　 next", 4), ["word", "next"]);
    assert_eq!(lines("　", 4), [""]);
    // Kinsoku looks through it: 」 may not start a line after the space.
    // Kinsoku looks through it, as through an ASCII space: 」 may not
    // start a line, so い goes down with it ...
    assert_eq!(lines("あいう　」え", 8), ["あい", "う　」え"]);
    // ... unless they do not fit together: then the break is forced.
    assert_eq!(lines("あい　」う", 4), ["あ", "い", "」う"]);
    assert_eq!(lines("あい　」う", 4), lines("あい 」う", 4));
    // A U+3000 carrying a combining mark is a visible mark, not a space.
    assert_eq!(lines("ab　\u{301}cd", 2), ["ab", "　\u{301}", "cd"]);
}

#[test]
fn a_wide_char_never_splits_and_is_oversized_at_width_one() {
    assert_eq!(lines("あいう", 3), ["あ", "い", "う"]);
    let mut flags = Vec::new();
    break_lines("aあb", 1, |range, oversized| {
        flags.push((range, oversized))
    });
    assert_eq!(flags, [(0..1, false), (1..4, true), (4..5, false)]);
    assert_eq!(shown("aあb", 1..4, 1), PLACEHOLDER);
    assert_eq!(shown("aあb", 1..4, 2), "あ");
}

#[test]
fn emoji_and_combining_sequences_are_never_split() {
    let family = "👨\u{200D}👩\u{200D}👧";
    let text = format!("ab{family}cde\u{301}f");
    assert_eq!(lines(&text, 3), ["ab", family, "cde\u{301}", "f"]);
}

#[test]
fn a_space_carrying_a_combining_mark_is_text_not_a_break_space() {
    // " \u{301}" is one grapheme: a visible accent on a space.
    assert_eq!(lines("あ \u{301}。", 5), ["あ \u{301}。"]);
    assert_eq!(lines("あ \u{301}。", 4), ["あ", " \u{301}。"]);
    assert_eq!(lines("ab \u{301}", 2), ["ab", " \u{301}"]);
}

#[test]
fn ideographic_chars_are_uax14_class_id() {
    use unicode_linebreak::{BreakClass, break_property};
    let ideographic = (0..0x1_0000u32)
        .filter_map(char::from_u32)
        .filter(|&c| is_ideographic(c));
    let mut count = 0;
    for c in ideographic {
        assert_eq!(break_property(c as u32), BreakClass::Ideographic, "{c:?}");
        assert!(!crate::text::kinsoku::no_start(c) && !crate::text::kinsoku::no_end(c));
        count += 1;
    }
    assert!(count > 20_000);
}

fn lines_with(text: &str, width: usize, skip: bool) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    break_lines_with(text, width, skip, &[], |range, oversized| {
        out.push((range, oversized))
    });
    out
}

#[test]
fn the_ideograph_shortcut_agrees_around_ideographic_spaces_and_joiners() {
    // Found by the property test below (its shrunk case, kept as a test).
    let pieces = [
        "学", "学", "学", "学", "学", "学", "学", "学", "学", "学", "学", "\u{3000}", ")", "）",
        "ぁ", "学", "学", "学", "学", "「", "学", "ぁ", "ぁ", "\u{200d}", "「", "学", "学",
        "\u{301}", " ", " ", "学", "学", "学", "学", "学", "「", "学", "学", "学", "学", "word",
        "学", "学", "学", "学", "学", "学", "学", "\u{200d}", "ヴ", "学", "学", "学",
    ];
    let text = pieces.concat();
    assert_eq!(lines_with(&text, 28, true), lines_with(&text, 28, false));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    #[test]
    fn the_ideograph_shortcut_changes_no_line(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "学", "習", "あ", "ア", "ぁ", "ッ", "ー", "。", "、", "「", "」", "（", "）", " ", "  ",
            "a", "word", "1", "2.5", "(", ")", "\"", "'", "-", "/", "!", "?", "%", "$", "・", "…",
            "\u{301}", "\u{200D}", "😀", "🇯", "\u{3000}", "〜", "々", "ヴ", "ゔ", "\u{200B}", "\n",
            "\u{2060}", "\u{A0}", "👍🏽", ",", ".", "9", "ーー", "〳",
        ]), 0..80),
        width in 1usize..30,
    ) {
        let text = pieces.concat();
        proptest::prop_assert_eq!(lines_with(&text, width, true), lines_with(&text, width, false));
    }
}

#[test]
fn a_paragraph_indent_stays_on_the_first_line_only() {
    let text = "\u{3000}研修医の一日は朝の回診から始まる。";
    assert_eq!(
        lines(text, 20),
        ["\u{3000}研修医の一日は朝の", "回診から始まる。"]
    );
    // A break falls before a word that does not fit, never right after the
    // indent, so the first line is never the indent alone.
    assert_eq!(
        lines("\u{3000}Supercalifragilistic", 10),
        ["\u{3000}Supercal", "ifragilist", "ic"]
    );
    assert_eq!(lines("\u{3000}」ですか", 4), ["\u{3000}」", "です", "か"]);
    // Too narrow for the indent and a character: dropped, as other leading
    // spaces are.
    assert_eq!(lines("\u{3000}学ぶ", 3), ["学", "ぶ"]);
    // It gives way rather than stand alone or break kinsoku.
    assert_eq!(lines("\u{3000}ガッコウ", 4), ["ガッ", "コウ"]);
    // Followed by another space it is no indent: all are dropped.
    assert_eq!(lines("\u{3000} abcdefghijk", 6), ["abcdef", "ghijk"]);
    assert_eq!(lines("\u{3000}\u{3000}あい", 6), ["あい"]);
    // Only at the very start: an ideographic space after a break is trimmed.
    assert_eq!(
        lines("\u{3000}あい\u{3000}\u{3000}うえ", 6),
        ["\u{3000}あい", "うえ"]
    );
}

#[test]
fn no_line_is_empty_or_too_wide_with_an_indent_at_any_width() {
    let text = "\u{3000}Read「論文」every day、SNSは控えめに。";
    for width in 1..40 {
        let got = lines(text, width);
        for line in &got {
            assert!(!line.is_empty(), "{width}: {got:?}");
            assert!(str_width(line) <= width.max(2), "{width}: {got:?}");
        }
        assert_eq!(
            got[0].starts_with('\u{3000}'),
            width >= INDENT_MIN,
            "{width}"
        );
    }
}
