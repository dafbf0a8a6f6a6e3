//! Properties of line breaking over generated text at every width:
//! no line wider than the width (also as ratatui draws it), no avoidable
//! kinsoku violation, nothing lost or added.

use crate::text_check;

use proptest::prelude::*;
use terakoya_core::text::sanitize::clean;
use text_check::check_wrap;

fn piece() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "あ",
        "い",
        "う",
        "学",
        "医",
        "師",
        "患",
        "者",
        "。",
        "、",
        "」",
        "』",
        "）",
        "！",
        "？",
        "ー",
        "・",
        "「",
        "『",
        "（",
        "ぁ",
        "っ",
        "ゃ",
        "ょ",
        "ッ",
        "ャ",
        "ヵ",
        "ヶ",
        "…",
        "〜",
        " ",
        "  ",
        "　",
        "word",
        "the",
        "Lorem",
        "ipsum,",
        "(see",
        "that)",
        "end.",
        "１２３",
        "ＡＢ",
        "https://example.com/a/long/path?q=1",
        "Pneumonoultramicroscopic",
        "😀",
        "👍🏽",
        "👨\u{200D}👩\u{200D}👧",
        "🇯🇵",
        "❤\u{FE0F}",
        "e\u{301}",
        "ｶﾞｯｺｳ",
        "ﾊﾟﾝ",
        "ｱﾞ",
        "\u{200B}",
        "가",
        "ｶ",
        "ﾞ",
        "\t",
        " \u{FF9E}",
        " \u{301}x",
        "。」",
        "「「",
        "」」」」」」」」」」",
    ]);
    prop_oneof![
        8 => fixed.prop_map(str::to_owned),
        1 => "[a-z]{1,30}",
        1 => "[ぁ-ゖ]{1,30}",
        1 => "[一-龠]{1,12}",
    ]
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn generated_text_breaks_correctly_at_every_width(raw in paragraph()) {
        let text = clean(&raw).into_owned();
        for width in 1..=120 {
            check_wrap(&text, width);
        }
    }

    #[test]
    fn sanitised_text_is_safe_idempotent_and_borrowed_when_clean(
        raw in prop::collection::vec(
            prop_oneof![
                any::<char>().prop_map(String::from),
                r"[\x00-\x20\x7F-\x{9F}\x{202A}-\x{202E}\x{2066}-\x{2069}\x{FF61}-\x{FF9F}\[\]\\P_^]{1,4}",
                paragraph(),
            ],
            0..12,
        ).prop_map(|parts| parts.concat())
    ) {
        let once = clean(&raw);
        let forbidden = |c: char| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{FF61}'..='\u{FF9F}')
        };
        prop_assert!(!once.chars().any(forbidden), "{:?}", once);
        prop_assert_eq!(matches!(once, std::borrow::Cow::Borrowed(_)), !raw.chars().any(forbidden));
        let twice = clean(&once).into_owned();
        prop_assert_eq!(twice.as_str(), once.as_ref());
    }

    #[test]
    fn unsanitised_text_never_overflows(raw in paragraph()) {
        // Even half-width kana and tabs left in (a half-width sound mark is
        // a column of its own on a terminal; so it is in the layout).
        for width in 1..=40 {
            check_wrap(&raw.replace('\t', " "), width);
        }
    }
}
