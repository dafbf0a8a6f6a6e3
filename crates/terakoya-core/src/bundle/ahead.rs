//! A big lesson's text fields guessed from its source, so that their
//! Markdown is parsed while toml parses the file.
//!
//! toml parses a file on one core, and the fields could only be parsed
//! after it: on a 10 MB lesson the other cores waited for a third of the
//! load. But a multi-line basic string without a backslash (`"""` …
//! `"""`, as bodies are written) is its source text between the
//! delimiters, less a newline right after the opening one, so the fields
//! can be read from the source at once. A guess is only a guess (a `"""`
//! in a comment or a literal string pairs the delimiters wrongly): it is
//! used only for a value that starts where the guess does and whose
//! decoded text is byte-equal to the guessed text, and the parse depends
//! on nothing else. A wrong guess costs time, never a different lesson.

use std::ops::Range;

use memchr::memmem;
use rayon::prelude::*;

use super::fields::{self, ParsedText};
use super::walk::Str;

/// Files up to this size are not guessed: their parse is short, and a
/// library's many small files keep the cores busy already.
const GUESS_ABOVE_BYTES: usize = 256 * 1024;

const DELIMITER: &[u8] = br#"""""#;

/// Text fields parsed from guesses, in source order.
#[derive(Default)]
pub struct Ahead {
    /// The format they were parsed in.
    format: i64,
    /// Where each guessed string starts (its opening `"""`), the byte
    /// range of its text, and the text parsed (taken when used).
    guesses: Vec<(usize, Range<usize>, Option<ParsedText>)>,
}

impl Ahead {
    /// Guesses the multi-line basic strings of `text`, a lesson of a
    /// course in `course_format`, and parses each on the thread pool.
    pub fn guess(text: &str, course_format: i64) -> Self {
        if text.len() <= GUESS_ABOVE_BYTES {
            return Self::default();
        }
        let format = declared_format(text).unwrap_or(course_format);
        let guesses = strings(text)
            .into_par_iter()
            .map(|(start, range)| {
                let parsed = text
                    .get(range.clone())
                    .map(|s| fields::parse_text(s, format));
                (start, range, parsed)
            })
            .collect();
        Ahead { format, guesses }
    }

    /// The parsed text of `field` (a value of `source`, in `format`) when
    /// it was guessed right.
    pub fn take(&mut self, source: &str, field: &Str<'_>, format: i64) -> Option<ParsedText> {
        if format != self.format {
            return None;
        }
        let at = self
            .guesses
            .binary_search_by_key(&field.span.start, |(start, ..)| *start)
            .ok()?;
        let (_, range, parsed) = self.guesses.get_mut(at)?;
        let guessed = source.get(range.clone())?;
        // A value toml did not have to decode borrows the very source
        // text: the same address and length, no need to compare bytes.
        if !std::ptr::eq(guessed, field.value) && guessed != field.value {
            return None;
        }
        parsed.take()
    }

    /// How many guesses were parsed and not taken yet.
    #[cfg(test)]
    pub fn left(&self) -> usize {
        self.guesses.iter().filter(|g| g.2.is_some()).count()
    }
}

/// The `format = N` a lesson seems to set (on a line of its own before the
/// first table), which its text fields are parsed in.
fn declared_format(text: &str) -> Option<i64> {
    // Conventionally the first line; a few lines are enough for a guess.
    text.lines()
        .take(64)
        .map(str::trim)
        .take_while(|line| !line.starts_with('['))
        .find_map(|line| {
            let (key, value) = line.split_once('=')?;
            (key.trim() == "format").then(|| value.trim().parse().ok())?
        })
}

/// Where each multi-line basic string seems to start, and the range of
/// its text: delimiters paired left to right; strings with a backslash
/// are left out (their escapes change the text).
fn strings(text: &str) -> Vec<(usize, Range<usize>)> {
    let bytes = text.as_bytes();
    let finder = memmem::Finder::new(DELIMITER);
    let find = |from: usize| Some(from + finder.find(bytes.get(from..)?)?);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = find(from) {
        let inner = open + DELIMITER.len();
        let Some(close) = find(inner) else { break };
        // Up to two quotes before the closing delimiter belong to the text.
        let quotes = bytes
            .get(close..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| b == b'"')
            .count();
        from = close + quotes;
        if quotes > DELIMITER.len() + 2 {
            continue;
        }
        let end = from - DELIMITER.len();
        // toml trims a newline right after the opening delimiter.
        let rest = bytes.get(inner..end).unwrap_or_default();
        let start = if rest.starts_with(b"\n") {
            inner + 1
        } else if rest.starts_with(b"\r\n") {
            inner + 2
        } else {
            inner
        };
        let has_escape = memchr::memchr(b'\\', bytes.get(start..end).unwrap_or_default());
        if start <= end && has_escape.is_none() {
            out.push((open, start..end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guessed(text: &str) -> Vec<&str> {
        strings(text)
            .into_iter()
            .map(|(start, range)| {
                assert_eq!(&text[start..start + 3], r#"""""#);
                &text[range]
            })
            .collect()
    }

    #[test]
    fn strings_are_read_as_toml_decodes_them() {
        let text = "a = \"\"\"\nabc\"\"\"\"\"\nb = \"\"\"\r\nx\ny\"\"\"\nc = \"\"\"\"\"\"\n";
        assert_eq!(guessed(text), ["abc\"\"", "x\ny", ""]);
        let (table, errors) = toml::de::DeTable::parse_recoverable(text);
        assert!(errors.is_empty());
        for (key, value) in [("a", "abc\"\""), ("b", "x\ny"), ("c", "")] {
            let decoded = table.get_ref().get(key).and_then(|v| v.get_ref().as_str());
            assert_eq!(decoded, Some(value));
        }
    }

    #[test]
    fn escapes_and_long_runs_of_quotes_are_not_guessed() {
        assert!(guessed("a = \"\"\"x\\ty\"\"\"\n").is_empty());
        assert!(guessed("a = \"\"\"x\"\"\"\"\"\"\n").is_empty());
    }
}
