//! Checks shared by the fuzz targets: what "safe to print" means.

/// The first character a terminal could act on, other than a newline:
/// C0 controls, DEL, C1 controls, and bidirectional formatting characters.
pub fn unsafe_char(text: &str) -> Option<char> {
    text.chars().find(|&c| c != '\n' && is_unsafe(c))
}

pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{200E}' | '\u{200F}' | '\u{061C}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Panics (a fuzz finding) when `text` holds a character from [`is_unsafe`].
pub fn assert_printable(what: &str, text: &str) {
    if let Some(c) = unsafe_char(text) {
        panic!("{what} holds {c:?}: {text:?}");
    }
}
