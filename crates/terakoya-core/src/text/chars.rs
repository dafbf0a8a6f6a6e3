//! Which code points are kana, CJK ideographs, East Asian text and the
//! few special characters the text layer treats specially: the one place
//! these tables live. Width ([`crate::text::width`]), kinsoku
//! ([`crate::text::kinsoku`]), line breaking and the markup all ask here.

/// Hiragana letters, ぁ (U+3041) to ゖ (U+3096): two columns each.
pub const HIRAGANA: std::ops::RangeInclusive<char> = '\u{3041}'..='\u{3096}';
/// Full-width katakana letters, ァ (U+30A1) to ヺ (U+30FA): two columns each.
pub const KATAKANA: std::ops::RangeInclusive<char> = '\u{30A1}'..='\u{30FA}';
/// CJK Unified Ideographs (the main block): two columns each.
pub const CJK_IDEOGRAPHS: std::ops::RangeInclusive<char> = '\u{4E00}'..='\u{9FFF}';
/// Half-width katakana and punctuation, ｡ (U+FF61) to ﾟ (U+FF9F).
pub const HALFWIDTH_KATAKANA: std::ops::RangeInclusive<char> = '\u{FF61}'..='\u{FF9F}';
/// The half-width voiced sound mark ﾞ: a spacing character of its own.
pub const HALFWIDTH_VOICED_MARK: char = '\u{FF9E}';
/// The half-width semi-voiced sound mark ﾟ.
pub const HALFWIDTH_SEMI_VOICED_MARK: char = '\u{FF9F}';
/// The ideographic (full-width) space: two columns, a break space.
pub const IDEOGRAPHIC_SPACE: char = '\u{3000}';
/// SOFT HYPHEN: a hyphenation hint; terminals draw it as a visible hyphen.
pub const SOFT_HYPHEN: char = '\u{AD}';
/// LINE SEPARATOR: a line break, though not a newline.
pub const LINE_SEPARATOR: char = '\u{2028}';
/// PARAGRAPH SEPARATOR: a paragraph break, though not a newline.
pub const PARAGRAPH_SEPARATOR: char = '\u{2029}';

/// Hiragana, full-width katakana or a main-block ideograph: the bulk of
/// Japanese text, two columns each.
#[inline]
pub fn is_common_wide(c: char) -> bool {
    HIRAGANA.contains(&c) || KATAKANA.contains(&c) || CJK_IDEOGRAPHS.contains(&c)
}

/// The small kana (捨て仮名), which may not begin a line.
#[inline]
pub fn is_small_kana(c: char) -> bool {
    matches!(
        c,
        'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' | 'っ' | 'ゃ' | 'ゅ' | 'ょ' | 'ゎ' | 'ゕ' | 'ゖ'
        | 'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ' | 'ッ' | 'ャ' | 'ュ' | 'ョ' | 'ヮ' | 'ヵ' | 'ヶ'
        // Katakana Phonetic Extensions (small ㇰ..ㇿ, for Ainu)
        | '\u{31F0}'..='\u{31FF}'
    )
}

/// Chars of UAX #14 class ID (ideographs, and kana other than the small
/// ones): between two of them a break is always allowed (LB31), kinsoku
/// allows it too, and the line-break state after one does not depend on
/// what came before.
#[inline]
pub fn is_ideographic(c: char) -> bool {
    CJK_IDEOGRAPHS.contains(&c)
        || ((HIRAGANA.contains(&c) || KATAKANA.contains(&c)) && !is_small_kana(c))
}

/// Whether a character belongs to East Asian text, where a soft line break
/// joins without a space.
#[inline]
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

    #[test]
    fn the_tables_nest_as_documented() {
        for c in HIRAGANA.chain(KATAKANA).chain(CJK_IDEOGRAPHS) {
            assert!(is_common_wide(c) && is_cjk(c), "{c:?}");
        }
        for c in HALFWIDTH_KATAKANA {
            assert!(is_cjk(c) && !is_common_wide(c), "{c:?}");
        }
        assert!(is_small_kana('ゃ') && !is_ideographic('ゃ'));
        assert!(is_ideographic('や') && is_ideographic('医'));
        assert!(!is_cjk('a') && !is_cjk(SOFT_HYPHEN));
    }
}
