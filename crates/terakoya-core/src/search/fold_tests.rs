use proptest::prelude::*;

use super::*;

fn folded(text: &str) -> String {
    fold(text).text
}

/// The original text a folded range maps back to.
fn back<'a>(original: &'a str, folded: &Folded, range: Range<usize>) -> &'a str {
    &original[folded.original_range(range)]
}

/// Where `query` (folded the same way) is found in `original`, mapped back.
fn found<'a>(original: &'a str, query: &str) -> &'a str {
    let f = fold(original);
    let query = fold(query).text;
    let at = f.text.find(&query).unwrap();
    back(original, &f, at..at + query.len())
}

#[test]
fn width_case_and_kana_fold_together() {
    assert_eq!(folded("ＳＮＳ"), "sns");
    assert_eq!(folded("SNS"), "sns");
    assert_eq!(folded("ｿｰｼｬﾙ"), "ソーシャル");
    assert_eq!(folded("そーしゃる"), "ソーシャル");
    assert_eq!(folded("ソーシャル"), "ソーシャル");
    assert_eq!(folded("１２３ＡＢＣ"), "123abc");
    assert_eq!(folded("Ärztin"), "ärztin");
    assert_eq!(folded("ΣΊΣΥΦΟΣ"), "σίσυφοσ");
}

#[test]
fn squares_and_compositions_fold_to_their_words() {
    assert_eq!(folded("㌔"), "キロ");
    assert_eq!(folded("㍻"), "平成");
    assert_eq!(folded("ｶﾞｯｺｳ"), "ガッコウ");
    assert_eq!(folded("ﾊﾟﾝ"), "パン");
    // NFD input composes like NFC input.
    assert_eq!(folded("e\u{301}"), folded("é"));
    assert_eq!(folded("か\u{3099}"), "ガ");
}

#[test]
fn wave_dashes_are_one_and_the_long_vowel_mark_stays() {
    assert_eq!(folded("〜"), folded("～"));
    assert_eq!(folded("ラーメン"), "ラーメン");
    assert_eq!(folded("らーめん"), "ラーメン");
}

#[test]
fn runs_of_white_space_are_one_space() {
    assert_eq!(folded("a  b\u{3000}\u{3000}c\nd"), "a b c d");
    // A space inside a compatibility form joins the space before it
    // (found by the idempotence property: U+2000, then ´ = space + accent).
    assert_eq!(folded("\u{2000}\u{b4}"), " \u{301}");
}

#[test]
fn half_width_kana_with_a_sound_mark_maps_back_to_both_characters() {
    let original = "学校のｶﾞｯｺｳです";
    assert_eq!(found(original, "が"), "ｶﾞ");
    assert_eq!(found(original, "ッコ"), "ｯｺ");
    assert_eq!(found(original, "ガッ"), "ｶﾞｯ");
    assert_eq!(found(original, "です"), "です");
    assert_eq!(found(original, "のが"), "のｶﾞ");
}

#[test]
fn a_match_inside_a_square_highlights_the_whole_square() {
    let original = "約3㌔の道";
    assert_eq!(folded(original), "約3キロノ道");
    assert_eq!(found(original, "ロ"), "㌔");
    assert_eq!(found(original, "きろの"), "㌔の");
    assert_eq!(found(original, "の道"), "の道");
}

#[test]
fn full_width_latin_maps_back_to_full_width() {
    let original = "患者さんとＳＮＳの話";
    assert_eq!(found(original, "sns"), "ＳＮＳ");
    assert_eq!(found(original, "Sns"), "ＳＮＳ");
    assert_eq!(found(original, "の話"), "の話");
}

#[test]
fn a_collapsed_space_maps_back_to_the_whole_run() {
    assert_eq!(found("soft  \n break", "t b"), "t  \n b");
}

proptest! {
    /// Every folded range on character boundaries maps back to whole
    /// original characters, and the original text there folds to the
    /// folded text of the range (widened to its groups).
    #[test]
    fn folded_ranges_map_back_to_char_boundaries(
        original in "[a-zA-Zａ-ｚＡ-Ｚあ-んア-ンｦ-ﾟ㌀-㍗〜～ー  \\n]{0,24}",
        a in 0usize..64,
        b in 0usize..64,
    ) {
        let f = fold(&original);
        let bounds: Vec<usize> = f.text.char_indices().map(|(i, _)| i).chain([f.text.len()]).collect();
        let (mut a, mut b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        let range = f.original_range(a..b);
        prop_assert!(range.start <= range.end && range.end <= original.len());
        prop_assert!(original.is_char_boundary(range.start) && original.is_char_boundary(range.end));
        prop_assert!(fold(&original[range.clone()]).text.contains(f.text[a..b].trim()),
            "{:?} → {:?} does not hold {:?}", &original[range.clone()], fold(&original[range]).text, &f.text[a..b]);
    }

    /// Folding is idempotent: folded text folds to itself.
    #[test]
    fn folding_twice_changes_nothing(original in "\\PC{0,40}") {
        let once = folded(&original);
        prop_assert_eq!(folded(&once), once);
    }
}

/// The fast path for common Japanese characters gives what NFKC, then the
/// kana and case folding, would: for every character it takes.
#[test]
fn the_fast_path_agrees_with_the_tables() {
    use unicode_normalization::UnicodeNormalization;
    let mut taken = 0;
    for code in 0x3000..=0x9FFF_u32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let Some(fast) = fold_common_cjk(c) else {
            continue;
        };
        taken += 1;
        let nfkc: String = c.to_string().nfkc().collect();
        let mut slow = Vec::new();
        for d in nfkc.chars() {
            push_folded(&mut slow, d);
        }
        assert_eq!(slow, fast.to_string().into_bytes(), "U+{code:04X}");
    }
    assert!(taken > 20_000, "{taken}");
}

/// The byte loop that folds runs of common characters takes exactly the
/// characters the per-character fast path takes, and folds them the same
/// (checked against the normalisation tables by the test above).
#[test]
fn the_byte_loop_folds_as_the_fast_path_does() {
    for code in (0x21..0x7F).chain(0x3000..=0x9FFF_u32) {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let expected = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            match fold_common_cjk(c) {
                Some(folded) => folded,
                None => continue,
            }
        };
        let text = format!("あ{c}漢");
        assert_eq!(fold(&text).text, format!("ア{expected}漢"), "U+{code:04X}");
        // A run maps back one to one.
        let f = fold(&text);
        assert_eq!(
            f.original_range(3..3 + expected.len_utf8()),
            3..3 + c.len_utf8()
        );
    }
}

/// The in-place patch turns exactly the hiragana the fast path folds into
/// their katakana and ASCII upper case into lower case, and leaves every
/// other character as it is.
#[test]
fn the_byte_patch_changes_only_kana_and_ascii_case() {
    for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
        let expected = match c {
            'ぁ'..='ゖ' | 'ゝ' | 'ゞ' => fold_common_cjk(c).unwrap_or(c),
            c => c.to_ascii_lowercase(),
        };
        let mut bytes = format!("x{c}y").into_bytes();
        kana_and_ascii_case(&mut bytes);
        assert_eq!(
            bytes,
            format!("x{expected}y").into_bytes(),
            "U+{:04X}",
            u32::from(c)
        );
    }
}

/// The prefilter skips the case tables for anchors no lower-casing gives.
#[test]
fn only_lower_case_letters_and_the_dot_above_come_from_case() {
    for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
        for lower in c.to_lowercase().filter(|&lower| lower != c) {
            assert!(
                may_come_from_case(lower),
                "U+{:04X} from U+{:04X}",
                u32::from(lower),
                u32::from(c)
            );
        }
    }
}

/// A mark after a character copied as it is (upper case, hiragana)
/// composes with what that character folds to.
#[test]
fn marks_compose_with_the_folded_character() {
    assert_eq!(fold("H\u{331}").text, fold("h\u{331}").text);
    assert_eq!(fold("h\u{331}").text, "ẖ");
    assert_eq!(fold("J\u{30C}").text, "ǰ");
    assert_eq!(fold("わ\u{3099}").text, "ヷ");
    assert_eq!(fold("わ\u{3099}").text, fold("ワ\u{3099}").text);
    // And the map still covers both original characters.
    let f = fold("xわ\u{3099}y");
    assert_eq!(f.original_range(1..4), 1..7);
}
