//! What makes an id (explicit, a file stem or a directory name) unusable,
//! and the normalisation ids go through: ids appear in progress keys
//! (`course/lesson`) and on the command line, so two ids that look the same
//! must be the same id, and an id must be visible.

use unicode_normalization::UnicodeNormalization;

use super::kind::IdProblem;
use crate::text::sanitize::is_bidi_control;

/// Longest id accepted, in characters.
pub const MAX_ID_CHARS: usize = 100;

/// Why `id` cannot be used, if it cannot.
pub fn id_problem(id: &str) -> Option<IdProblem> {
    if id.is_empty() {
        Some(IdProblem::Empty)
    } else if id.chars().count() > MAX_ID_CHARS {
        Some(IdProblem::TooLong { max: MAX_ID_CHARS })
    } else if id.contains('/') {
        Some(IdProblem::Slash)
    } else if id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Some(IdProblem::SpaceOrControl)
    } else if id.chars().any(is_bidi_control) {
        Some(IdProblem::Bidi)
    } else if id.chars().any(is_invisible) {
        Some(IdProblem::Invisible)
    } else if id.chars().all(|c| c == '.') {
        Some(IdProblem::OnlyDots)
    } else {
        None
    }
}

/// Characters that take no space and show nothing: zero-width spaces and
/// joiners, the word joiner and invisible operators, variation selectors,
/// the soft hyphen, the BOM, Hangul fillers, tags.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{34F}'
            | '\u{61C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// `id` in NFC: `é` typed as one character or as `e` and a combining
/// accent is one id. Ids already in NFC (every ASCII id) are unchanged.
pub fn normalize_id(id: &str) -> String {
    if unicode_normalization::is_nfc_quick(id.chars()) == unicode_normalization::IsNormalized::Yes {
        return id.to_owned();
    }
    id.nfc().collect()
}

/// The form under which two ids look alike: NFKC (`ｶﾞ` is `ガ`, `ｅ` is
/// `e`).
pub fn look_alike_key(id: &str) -> String {
    id.nfkc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_rules() {
        assert_eq!(id_problem("06-sns"), None);
        assert_eq!(id_problem("第6回"), None);
        assert_eq!(id_problem("a.b"), None);
        assert_eq!(id_problem(""), Some(IdProblem::Empty));
        assert_eq!(id_problem("a/b"), Some(IdProblem::Slash));
        assert_eq!(id_problem("a b"), Some(IdProblem::SpaceOrControl));
        assert_eq!(
            id_problem(&"x".repeat(101)),
            Some(IdProblem::TooLong { max: 100 })
        );
        assert_eq!(id_problem("x\u{1b}[31m"), Some(IdProblem::SpaceOrControl));
        assert_eq!(id_problem("abc\u{202e}txt"), Some(IdProblem::Bidi));
        assert_eq!(id_problem("a\u{2066}b"), Some(IdProblem::Bidi));
        assert_eq!(id_problem("a\u{200d}b"), Some(IdProblem::Invisible));
        assert_eq!(id_problem("\u{200b}"), Some(IdProblem::Invisible));
        assert_eq!(id_problem("."), Some(IdProblem::OnlyDots));
        assert_eq!(id_problem(".."), Some(IdProblem::OnlyDots));
    }

    #[test]
    fn ids_are_nfc_and_look_alikes_share_a_key() {
        assert_eq!(normalize_id("e\u{301}"), "\u{e9}");
        assert_eq!(normalize_id("06-sns"), "06-sns");
        assert_eq!(look_alike_key("ｶﾞ"), look_alike_key("ガ"));
        assert_ne!(look_alike_key("カ"), look_alike_key("ガ"));
    }
}
