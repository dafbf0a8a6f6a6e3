//! Diagnostics: a problem in a lesson file, located by line and display
//! column, with the quoted source line and where its carets go. What the
//! problem is comes as data ([`DiagnosticKind`]); the front end words it.

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::kind::DiagnosticKind;
use crate::text::sanitize::{is_bidi_control, is_separator};
use crate::text::width::str_width;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found while loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file (or directory) as shown to the user.
    pub path: PathBuf,
    /// Where in the file; `None` for problems with the file as a whole
    /// (unreadable, a symlink loop).
    pub location: Option<Location>,
    /// What the problem is, with its data.
    pub kind: DiagnosticKind,
}

/// A position in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based display column (a CJK character takes two) in the line as
    /// rendered in [`Snippet::line`].
    pub column: usize,
    /// Byte range in the file's text (after a BOM, if any).
    pub span: Range<usize>,
    pub snippet: Snippet,
}

/// The quoted source line, made safe to print, and where the carets go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The line with control characters rendered visibly and tabs expanded.
    pub line: String,
    /// Display columns before the first caret.
    pub caret_start: usize,
    /// Number of carets (at least 1).
    pub caret_width: usize,
}

impl Diagnostic {
    /// A problem with a file or directory as a whole.
    pub fn whole(path: &Path, kind: DiagnosticKind) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_owned(),
            location: None,
            kind,
        }
    }

    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `text` cut to `max` characters (with `…`), for quoting file content in
/// a message.
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// A file's text with a lazily built line index, to locate byte spans.
pub struct SourceText<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    line_starts: std::cell::OnceCell<Vec<usize>>,
    /// The last column computed, as (line start, byte in line, column):
    /// locating spans left to right along one line (a `lessons` list, a
    /// hostile megabyte-long line) then measures the line once, not once
    /// per span.
    last_column: std::cell::Cell<(usize, usize, usize)>,
}

/// Files larger than this always use the line index: without it, each
/// lookup scans the text before the span and the rest of its line, and
/// thousands of lookups in a big file would cost the square of its size.
const INDEX_ABOVE_BYTES: usize = 64 * 1024;

/// The line index of `text` when [`SourceText`] would build it anyway (a
/// big file, whose id is located through it): the loader builds it on
/// another core while toml parses the file.
pub fn line_index_for(text: &str) -> Option<Vec<usize>> {
    (text.len() > INDEX_ABOVE_BYTES).then(|| line_starts_of(text))
}

/// Where each line of `text` starts. memchr's SIMD search: std's
/// `match_indices` took a few ms on a 10 MB lesson.
fn line_starts_of(text: &str) -> Vec<usize> {
    let newlines = memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1);
    std::iter::once(0).chain(newlines).collect()
}

impl<'a> SourceText<'a> {
    pub fn new(path: &'a Path, text: &'a str) -> Self {
        SourceText {
            path,
            text,
            line_starts: std::cell::OnceCell::new(),
            last_column: std::cell::Cell::new((usize::MAX, 0, 0)),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| line_starts_of(self.text))
    }

    /// With the line index built elsewhere (see [`line_index_for`]).
    pub fn with_line_index(self, starts: Option<Vec<usize>>) -> Self {
        if let Some(starts) = starts {
            let _ = self.line_starts.set(starts);
        }
        self
    }

    /// An error at `span` (a byte range of the text; clamped to it).
    pub fn error(&self, span: Range<usize>, kind: DiagnosticKind) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            path: self.path.to_owned(),
            location: Some(self.locate(span)),
            kind,
        }
    }

    /// Line, display column and snippet of a byte span.
    pub fn locate(&self, span: Range<usize>) -> Location {
        let start = floor_char_boundary(self.text, span.start.min(self.text.len()));
        let end = floor_char_boundary(self.text, span.end.clamp(start, self.text.len()));
        let (index, line_start) = self.line_index_and_start(start);
        let line_end = self.line_end(index, start);
        let line_text = self.text[line_start..line_end].trim_end_matches('\r');
        let in_line = (start - line_start).min(line_text.len());
        let under_end = (end.min(line_start + line_text.len())).max(start) - line_start;
        Location {
            line: index + 1,
            column: self.column(line_start, line_text, in_line) + 1,
            span: start..end,
            snippet: snippet(line_text, in_line, under_end.max(in_line)),
        }
    }

    /// The 1-based line of byte `offset`, through the line index (built on
    /// first use: worth it when a file has many problems).
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts().partition_point(|&s| s <= offset).max(1)
    }

    /// The 0-based line of `offset` and where that line starts. Uses the
    /// index when built; else scans the text before `offset`, which costs
    /// less for the one or two lookups most files need.
    fn line_index_and_start(&self, offset: usize) -> (usize, usize) {
        if self.text.len() > INDEX_ABOVE_BYTES {
            self.line_starts();
        }
        if let Some(starts) = self.line_starts.get() {
            let index = starts.partition_point(|&s| s <= offset).saturating_sub(1);
            return (index, starts.get(index).copied().unwrap_or(0));
        }
        let before = &self.text.as_bytes()[..offset];
        let index = before.iter().filter(|&&b| b == b'\n').count();
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        (index, start)
    }
}

impl SourceText<'_> {
    /// Where line `index` (which holds byte `offset`) ends, before its `\n`.
    fn line_end(&self, index: usize, offset: usize) -> usize {
        let next = match self.line_starts.get() {
            Some(starts) => starts.get(index + 1).copied(),
            None => self.text[offset..].find('\n').map(|at| offset + at + 1),
        };
        next.map_or(self.text.len(), |next| next - 1)
    }

    /// Display columns before byte `in_line` of the line starting at byte
    /// `line_start`, continuing from the last column computed when it is
    /// on the same line and not further right.
    fn column(&self, line_start: usize, line_text: &str, in_line: usize) -> usize {
        let (last_line, last_at, last_column) = self.last_column.get();
        let column = if last_line == line_start && last_at <= in_line {
            last_column + visible_width(&line_text[last_at..in_line])
        } else {
            visible_width(&line_text[..in_line])
        };
        self.last_column.set((line_start, in_line, column));
        column
    }
}

/// Bytes of a long line quoted before and after the caret.
const SNIPPET_BEFORE: usize = 60;
const SNIPPET_AFTER: usize = 120;

/// The quoted line for a span `start..end` (byte offsets in `line`); long
/// lines are cut to a window around the span, marked with `...`.
fn snippet(line: &str, start: usize, end: usize) -> Snippet {
    let from = floor_char_boundary(line, start.saturating_sub(SNIPPET_BEFORE));
    let to = floor_char_boundary(line, (start + SNIPPET_AFTER).min(line.len())).max(start);
    let end = end.min(to);
    let lead = if from > 0 { "..." } else { "" };
    let trail = if to < line.len() { "..." } else { "" };
    let caret_start = lead.len() + visible_width(&line[from..start]);
    Snippet {
        line: format!("{lead}{}{trail}", visible(&line[from..to])),
        caret_start,
        caret_width: visible_width(&line[start..end]).max(1),
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// How a character of a quoted source line is printed: control,
/// bidirectional-override and Unicode line/paragraph separator characters
/// become visible (they must never reach the terminal raw), tabs become
/// four spaces.
fn visible_char(c: char, out: &mut String) {
    match c {
        '\t' => out.push_str("    "),
        '\0'..='\x1f' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
        '\x7f' => out.push('␡'),
        c if ('\u{80}'..='\u{9f}').contains(&c) || is_bidi_control(c) || is_separator(c) => {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        }
        _ => out.push(c),
    }
}

/// A source line made safe to print.
pub fn visible(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    line.chars().for_each(|c| visible_char(c, &mut out));
    out
}

/// Display width of `text` once made visible (grapheme by grapheme, as
/// terminals draw it: see [`crate::text::width`]).
pub fn visible_width(text: &str) -> usize {
    str_width(&visible(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_display_column_count_cjk_as_two() {
        let text = "title = \"x\"\nheding = \"日本語の見出し\"\n";
        let src = SourceText::new(Path::new("l.toml"), text);
        let at = text.find("見出し").unwrap();
        let loc = src.locate(at..at + "見出し".len());
        assert_eq!((loc.line, loc.column), (2, 19));
        assert_eq!(loc.snippet.caret_width, 6);
    }

    #[test]
    fn crlf_bom_less_and_spans_past_the_end_are_clamped() {
        let text = "a = 1\r\nb = 2\r\n";
        let src = SourceText::new(Path::new("l.toml"), text);
        let loc = src.locate(7..100);
        assert_eq!((loc.line, loc.column), (2, 1));
        assert_eq!(loc.snippet.line, "b = 2");
        assert_eq!(loc.snippet.caret_width, 5);
        let empty = SourceText::new(Path::new("e.toml"), "");
        assert_eq!(empty.locate(0..0).line, 1);
    }

    #[test]
    fn control_characters_are_shown_visibly() {
        let text = "t = \"\x1b]52;c;x\x07\u{202e}\"";
        let loc = SourceText::new(Path::new("l.toml"), text).locate(0..1);
        assert_eq!(loc.snippet.line, "t = \"␛]52;c;x␇<U+202E>\"");
        assert!(!loc.snippet.line.chars().any(|c| c.is_control()));
    }

    #[test]
    fn long_lines_are_quoted_around_the_span() {
        let text = format!("x = {}{}", "[".repeat(1000), "]".repeat(1000));
        let loc = SourceText::new(Path::new("l.toml"), &text).locate(500..501);
        assert_eq!(loc.column, 501);
        assert_eq!(loc.snippet.line.len(), 3 + 60 + 120 + 3);
        assert_eq!(loc.snippet.caret_start, 63);
        let short = SourceText::new(Path::new("l.toml"), "日本語").locate(3..6);
        assert_eq!(
            (short.snippet.caret_start, short.snippet.caret_width),
            (2, 2)
        );
    }

    #[test]
    fn shorten_cuts_at_characters() {
        assert_eq!(shorten("一二三四", 2), "一二…");
        assert_eq!(shorten("ab", 2), "ab");
        assert_eq!(visible("a\x1b[2J"), "a␛[2J");
        assert_eq!(visible("\u{9b}"), "<U+009B>");
    }

    #[test]
    fn column_after_a_tab_and_a_control_character() {
        let text = "\t\x01x";
        let loc = SourceText::new(Path::new("l.toml"), text).locate(2..3);
        assert_eq!(loc.column, 6);
    }
}
