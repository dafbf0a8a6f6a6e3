//! Better syntax errors for two mistakes toml reports badly: a multi-line
//! string left open (toml then reports a cascade of errors further down and
//! none where the string opens) and characters that look like TOML's but
//! are not (a full-width `＝`, an ideographic space, curly quotes), typed
//! with a Japanese input method or pasted from a word processor.

use std::ops::Range;

use super::kind::DiagnosticKind;

/// A multi-line string that swallows lines looking like keys or table
/// headers: where it opens, its delimiter, and the 1-based line where it
/// ends (the next delimiter, or the end of the file).
pub fn swallowing_string(text: &str) -> Option<(Range<usize>, DiagnosticKind)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'#' => at = line_end(text, at),
            quote @ (b'"' | b'\'') if bytes[at..].starts_with(triple(quote).as_bytes()) => {
                let delimiter = triple(quote);
                let body_start = at + 3;
                let close = find_close(text, body_start, quote);
                let body = text.get(body_start..close.unwrap_or(text.len()));
                let body = body.unwrap_or_default();
                if swallows_keys(body) {
                    // To the end of the file: its last line with text.
                    let end = close.unwrap_or(text.trim_end().len());
                    let runs_to_line = text[..end].matches('\n').count() + 1;
                    let kind = DiagnosticKind::UnclosedString {
                        runs_to_line,
                        quotes: delimiter,
                    };
                    return Some((at..at + 3, kind));
                }
                at = close.map_or(text.len(), |c| c + 3);
            }
            quote @ (b'"' | b'\'') => at = one_line_string_end(bytes, at + 1, quote),
            _ => at += 1,
        }
    }
    None
}

fn triple(quote: u8) -> &'static str {
    if quote == b'"' { "\"\"\"" } else { "'''" }
}

fn line_end(text: &str, from: usize) -> usize {
    text[from..].find('\n').map_or(text.len(), |n| from + n)
}

/// Where the multi-line string whose body starts at `from` closes (the
/// byte of its closing delimiter), skipping escaped quotes in basic ones.
fn find_close(text: &str, from: usize, quote: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        if quote == b'"' && bytes[at] == b'\\' {
            at += 2;
            continue;
        }
        if bytes[at..].starts_with(triple(quote).as_bytes()) {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// The byte after a one-line string that starts at `from` (after its
/// quote): its closing quote, or the end of the line when unclosed.
fn one_line_string_end(bytes: &[u8], from: usize, quote: u8) -> usize {
    let mut at = from;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'\\' if quote == b'"' => at += 2,
            b'\n' => return at,
            b if b == quote => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// Whether a string's body holds lines that look like TOML: a table
/// header (`[[sections]]`, `[lecturer]`) or a key given a quoted value.
fn swallows_keys(body: &str) -> bool {
    body.lines().skip(1).any(|line| {
        let line = line.trim_start();
        let header = line.strip_prefix('[').is_some_and(|rest| {
            let rest = rest.strip_prefix('[').unwrap_or(rest);
            rest.starts_with(|c: char| c.is_ascii_alphabetic()) && rest.trim_end().ends_with(']')
        });
        let key = line.split_once('=').is_some_and(|(key, value)| {
            let key = key.trim_end();
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                && value.trim_start().starts_with(['"', '\''])
        });
        header || key
    })
}

/// Characters typed where TOML expects another, each with what it expects.
const LOOK_ALIKES: &[(char, char)] = &[
    ('＝', '='),
    ('\u{3000}', ' '),
    ('“', '"'),
    ('”', '"'),
    ('‘', '\''),
    ('’', '\''),
    ('［', '['),
    ('］', ']'),
];

/// A look-alike character on the line holding byte `offset`, outside any
/// string (before the line's first quote or comment): its span and kind.
pub fn look_alike(text: &str, offset: usize) -> Option<(Range<usize>, DiagnosticKind)> {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
    let line = &text[start..line_end(text, start)];
    for (at, c) in line.char_indices() {
        if matches!(c, '"' | '\'' | '#') {
            return None;
        }
        if let Some(&(found, expected)) = LOOK_ALIKES.iter().find(|(l, _)| *l == c) {
            let from = start + at;
            let kind = DiagnosticKind::LookAlikeCharacter { found, expected };
            return Some((from..from + c.len_utf8(), kind));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_string_swallowing_a_section_is_found_where_it_opens() {
        let text = "title = \"t\"\n[[sections]]\nheading = \"a\"\nbody = \"\"\"\nfirst\n\n[[sections]]\nheading = \"b\"\nbody = \"\"\"\nsecond\n\"\"\"\n";
        let (span, kind) = swallowing_string(text).unwrap();
        assert_eq!(&text[span.clone()], "\"\"\"");
        assert_eq!(span.start, text.find("\"\"\"").unwrap());
        assert_eq!(
            kind,
            DiagnosticKind::UnclosedString {
                runs_to_line: 9,
                quotes: "\"\"\""
            }
        );
    }

    #[test]
    fn closed_strings_and_prose_with_equals_signs_are_left_alone() {
        let ok =
            "body = \"\"\"\na = b\n\"\"\"\n[[sections]]\nheading = \"x # y\"\nbody = '''\nc\n'''\n";
        assert_eq!(swallowing_string(ok), None);
    }

    #[test]
    fn look_alikes_outside_strings_only() {
        let text = "title ＝ \"t\"\n";
        let (span, kind) = look_alike(text, 3).unwrap();
        assert_eq!(&text[span], "＝");
        assert_eq!(
            kind,
            DiagnosticKind::LookAlikeCharacter {
                found: '＝',
                expected: '='
            }
        );
        assert!(look_alike("title = \"＝\"\n", 9).is_none());
        let curly = "title = “はじめに”\n";
        assert!(matches!(
            look_alike(curly, 8),
            Some((_, DiagnosticKind::LookAlikeCharacter { found: '“', .. }))
        ));
    }
}
