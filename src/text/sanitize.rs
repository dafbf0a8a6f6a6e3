//! Sanitising untrusted lesson text before anything measures or draws it
//! (FIRST VERSION: newlines only; the real one strips escape sequences,
//! control and bidi characters, expands tabs and widens half-width kana).

use std::borrow::Cow;

/// Cleans one text field as loaded from a file: CRLF and CR become LF.
pub fn clean(raw: &str) -> Cow<'_, str> {
    if raw.contains('\r') {
        Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(raw)
    }
}
