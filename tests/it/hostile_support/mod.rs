//! Shared by the hostile-input tests: the escape-sequence fixture and what
//! "nothing reached the terminal" means (running the binary is in
//! `tests/support`).

use std::process::Output;

/// The fixture course whose every field carries escape sequences.
pub const ESCAPES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile/escapes");

/// Text found only inside the fixture's escape sequences: none of it may
/// ever be printed or drawn.
pub const PAYLOADS: &[&str] = &[
    "]0;",
    "]2;",
    "]8;",
    "]52;",
    "owned-title",
    "label-title",
    "summary-title",
    "c1-title",
    "evil.example",
    "/etc/passwd",
    "payload",
    "never-shown",
    "Y3VybCBl",
    "aGVhZGluZw",
    "544e",
];

/// The first character in `bytes` a terminal could act on (other than a
/// newline), or a decoding problem.
pub fn first_unsafe(bytes: &[u8]) -> Option<String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => return Some(format!("not UTF-8: {err}")),
    };
    let (at, c) = text.char_indices().find(|&(_, c)| is_unsafe(c))?;
    let before: String = text[..at].chars().rev().take(40).collect();
    let before: String = before.chars().rev().collect();
    Some(format!("{c:?} at byte {at}, after {before:?}"))
}

/// C0 controls but LF, DEL, C1 controls and bidirectional formatting.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\0'..='\u{9}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{200E}' | '\u{200F}' | '\u{061C}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Asserts that both streams of `output` hold only printable text.
pub fn assert_printable(what: &str, output: &Output) {
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        if let Some(problem) = first_unsafe(bytes) {
            panic!("{what}: {stream} holds {problem}");
        }
    }
}

/// Asserts that no payload of an escape sequence shows in `output`.
pub fn assert_no_payload(what: &str, output: &Output) {
    let text = [&output.stdout[..], &output.stderr[..]].concat();
    let text = String::from_utf8_lossy(&text);
    for payload in PAYLOADS {
        assert!(
            !text.contains(payload),
            "{what}: shows {payload:?}:\n{text}"
        );
    }
}
