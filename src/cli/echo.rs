//! The user's own values (arguments, paths, environment variables) as they
//! are echoed in messages: with the same visible escaping as lesson text
//! (`text::sanitize::clean`: escape sequences dropped whole, other controls
//! shown as pictures such as `␛` and `␇`, bidi overrides removed), and line
//! breaks shown as `␊`, so that nothing echoed can act on the terminal or
//! break a one-line message.

use std::borrow::Cow;
use std::path::Path;

use terakoya_core::text::sanitize::clean;

/// `value` safe to print inside a one-line message.
pub fn shown(value: &str) -> Cow<'_, str> {
    match clean(value) {
        Cow::Borrowed(text) if !text.contains('\n') => Cow::Borrowed(text),
        cleaned => Cow::Owned(cleaned.replace('\n', "\u{240A}")),
    }
}

/// A path safe to print inside a one-line message (bytes that are not
/// UTF-8 show as `�`).
pub fn shown_path(path: &Path) -> String {
    shown(&path.to_string_lossy()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_and_sequences_go() {
        assert_eq!(shown("plain/06-sns"), "plain/06-sns");
        assert_eq!(shown("\u{1b}]0;pwned\u{7}/x"), "/x");
        assert_eq!(shown("a\u{7}b\u{1b}"), "a\u{2407}b\u{241B}");
        assert_eq!(shown("one\ntwo\r\nthree"), "one\u{240A}two\u{240A}three");
        assert_eq!(shown("abc\u{202e}txt"), "abctxt");
        assert_eq!(shown_path(Path::new("/tmp/\u{1b}[31mred")), "/tmp/red");
    }
}
