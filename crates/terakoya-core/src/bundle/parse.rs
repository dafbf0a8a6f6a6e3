//! One file: read, decode, parse with toml's recoverable parser (every
//! syntax error, each with a span), then hand the table to a walker.
//! Embedded and on-disk files take the same path.

use std::path::Path;

use toml::de::DeTable;

use super::diag::{Diagnostic, SourceText, line_index_for};
use super::kind::DiagnosticKind;
use super::scan::FileRef;
use super::walk::FileCheck;
use super::{source, syntax_hints};

/// What checking one file produced.
pub struct FileResult<T> {
    /// `None` when the file could not be read or decoded.
    pub value: Option<T>,
    /// Whether any error was found (the value is then not used).
    pub has_errors: bool,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and parses `file`, then runs `walk` over its top-level table.
pub fn check_file<T>(
    file: &FileRef,
    walk: impl FnOnce(&mut FileCheck<'_>, &DeTable<'_>) -> T,
) -> FileResult<T> {
    check_file_ahead(file, |_| (), |check, root, ()| walk(check, root))
}

/// As [`check_file`], running `ahead` over the decoded text on the thread
/// pool while toml parses it; `walk` gets its result.
pub fn check_file_ahead<A: Send, T>(
    file: &FileRef,
    ahead: impl FnOnce(&str) -> A + Send,
    walk: impl FnOnce(&mut FileCheck<'_>, &DeTable<'_>, A) -> T,
) -> FileResult<T> {
    let read;
    let bytes: &[u8] = match file {
        FileRef::Embedded { text, .. } => text.as_bytes(),
        FileRef::Disk(path) => match source::read(path) {
            Ok(bytes) => {
                read = bytes;
                &read
            }
            Err(diagnostic) => return failed(*diagnostic),
        },
    };
    check_bytes_ahead(file.shown(), bytes, ahead, walk)
}

/// Decodes and parses `bytes` (the contents of `path`), then runs `walk`
/// over its top-level table.
pub fn check_bytes<T>(
    path: &Path,
    bytes: &[u8],
    walk: impl FnOnce(&mut FileCheck<'_>, &DeTable<'_>) -> T,
) -> FileResult<T> {
    check_bytes_ahead(path, bytes, |_| (), |check, root, ()| walk(check, root))
}

/// As [`check_bytes`], with `ahead` run as [`check_file_ahead`] says.
pub fn check_bytes_ahead<A: Send, T>(
    path: &Path,
    bytes: &[u8],
    ahead: impl FnOnce(&str) -> A + Send,
    walk: impl FnOnce(&mut FileCheck<'_>, &DeTable<'_>, A) -> T,
) -> FileResult<T> {
    let text = match source::decode(path, bytes) {
        Ok(text) => text,
        Err(diagnostic) => return failed(*diagnostic),
    };
    // The line index first: the guesses' parse only has to end with toml's.
    let ((table, syntax_errors), (line_index, ahead)) = rayon::join(
        || DeTable::parse_recoverable(text),
        || (line_index_for(text), ahead(text)),
    );
    let source = SourceText::new(path, text).with_line_index(line_index);
    let mut check = FileCheck::new(source);
    if !syntax_errors.is_empty()
        && let Some(diagnostic) = source::binary_check(path, text)
    {
        return failed(diagnostic);
    }
    if !syntax_errors.is_empty() {
        check.mark_syntax_errors();
        // An open multi-line string makes every later line an error: one
        // error where it opens says what to fix; the rest is noise.
        if let Some((span, kind)) = syntax_hints::swallowing_string(text) {
            let diagnostic = check.src.error(span, kind);
            check.push_syntax(diagnostic);
            return FileResult {
                value: None,
                has_errors: true,
                diagnostics: check.finish(),
            };
        }
    }
    let mut last_line = 0;
    for error in &syntax_errors {
        if check.is_full() {
            check.count_dropped();
            continue;
        }
        // One error per line: toml often reports a second, consequent one
        // for the same mistake (`a = = 1`).
        let line = check.src.line_of(error.span().map_or(0, |s| s.start));
        if line != last_line {
            report_syntax_error(&mut check, error);
            last_line = line;
        }
    }
    let value = walk(&mut check, table.get_ref(), ahead);
    let has_errors = check.has_errors();
    FileResult {
        value: Some(value),
        has_errors,
        diagnostics: check.finish(),
    }
}

fn failed<T>(diagnostic: Diagnostic) -> FileResult<T> {
    FileResult {
        value: None,
        has_errors: true,
        diagnostics: vec![diagnostic],
    }
}

/// toml's parser refuses nesting deeper than this many levels.
pub const MAX_NESTING: usize = 80;

fn report_syntax_error(check: &mut FileCheck<'_>, error: &toml::de::Error) {
    let span = error.span().unwrap_or(0..0);
    if let Some((span, kind)) = syntax_hints::look_alike(check.src.text, span.start) {
        let diagnostic = check.src.error(span, kind);
        check.push_syntax(diagnostic);
        return;
    }
    let message = error.message().trim();
    // toml's text for this case names its recursion limit; it is matched
    // to say instead what the author can change.
    let kind = if message.contains("recurs") {
        DiagnosticKind::NestedTooDeeply { max: MAX_NESTING }
    } else {
        DiagnosticKind::InvalidToml {
            message: message.to_owned(),
        }
    };
    let diagnostic = check.src.error(span, kind);
    check.push_syntax(diagnostic);
}
