//! Japanese line-breaking rules (kinsoku shori, after JIS X 4051): which
//! characters may not begin a line and which may not end one.
//!
//! The line breaker applies these on top of the Unicode line-breaking
//! opportunities (UAX #14), which already forbid most of these breaks; the
//! explicit lists make the Japanese rules hold whatever the Unicode tables
//! say and also govern the emergency breaks inside over-long runs. Which
//! kana are small comes from [`crate::text::chars`].

use crate::text::chars::is_small_kana;

/// Characters that may not begin a line (行頭禁則): closing brackets and
/// quotes, sentence and clause punctuation, middle dots and colons,
/// iteration marks, the prolonged sound mark, small kana, sound marks,
/// hyphens and wave dashes, and the inseparable ellipses.
pub fn no_start(c: char) -> bool {
    matches!(
        c,
        // closing brackets and quotes
        '）' | '］' | '｝' | '」' | '』' | '】' | '〕' | '〉' | '》' | '〙' | '〗' | '〛'
        | '〟' | '｠' | '’' | '”' | '»' | ')' | ']' | '}'
        // punctuation, middle dots, colons
        | '。' | '、' | '，' | '．' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉' | '・' | '：' | '；'
        | ',' | '.' | '!' | '?' | ':' | ';'
        // iteration marks, prolonged sound mark, sound marks
        | 'ヽ' | 'ヾ' | 'ゝ' | 'ゞ' | '々' | '〻' | 'ー' | '゛' | '゜'
        // hyphens, wave dash, inseparable ellipses
        | '‐' | '゠' | '–' | '〜' | '～' | '…' | '‥'
    ) || is_small_kana(c)
}

/// Characters that may not end a line (行末禁則): opening brackets and
/// quotes.
pub fn no_end(c: char) -> bool {
    matches!(
        c,
        '（' | '［'
            | '｛'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〈'
            | '《'
            | '〘'
            | '〖'
            | '〚'
            | '〝'
            | '｟'
            | '‘'
            | '“'
            | '«'
            | '('
            | '['
            | '{'
    )
}

/// Whether a line may end after `before` and the next begin with `after`
/// (the last and first non-space characters around the break).
pub fn may_break(before: char, after: char) -> bool {
    !no_end(before) && !no_start(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_lists_are_covered() {
        for c in "。、」』）！？ー・ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ".chars()
        {
            assert!(no_start(c), "{c} may not start a line");
        }
        for c in "「『（".chars() {
            assert!(no_end(c), "{c} may not end a line");
        }
        assert!(may_break('。', '「'));
        assert!(!may_break('「', 'あ'));
        assert!(may_break('あ', 'い'));
    }
}
