//! Walking parsed TOML tables by hand, so that every problem in a file is
//! reported (serde derive would stop at the first).

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::diag::{Diagnostic, SourceText, shorten};
use super::kind::{DiagnosticKind, Expected, Place, TomlType};

/// At most this many diagnostics are kept per file; the rest are counted.
pub const MAX_DIAGNOSTICS_PER_FILE: usize = 30;

/// The state of checking one file: its text and the problems found so far.
pub struct FileCheck<'a> {
    pub src: SourceText<'a>,
    pub diagnostics: Vec<Diagnostic>,
    dropped: usize,
    /// Lines with a syntax error: other problems spanning text there are
    /// most likely consequences of it, so they are not reported.
    syntax_lines: Vec<usize>,
    /// Whether the file has any syntax error: toml's recovery may then
    /// have dropped keys or whole tables (an unclosed string runs to the
    /// end of the file), so "missing" problems are not reported.
    syntax_errors: bool,
}

impl<'a> FileCheck<'a> {
    pub fn new(src: SourceText<'a>) -> Self {
        FileCheck {
            src,
            diagnostics: Vec::new(),
            dropped: 0,
            syntax_lines: Vec::new(),
            syntax_errors: false,
        }
    }

    /// Notes that the file has syntax errors (reported or not).
    pub fn mark_syntax_errors(&mut self) {
        self.syntax_errors = true;
    }

    /// Whether keys or tables may be missing only because a syntax error
    /// swallowed them: then their absence is not reported.
    pub fn may_have_lost_keys(&self) -> bool {
        self.syntax_errors
    }

    /// Records a syntax error (reported even on a line that already has one).
    pub fn push_syntax(&mut self, diagnostic: Diagnostic) {
        self.syntax_errors = true;
        if let Some(at) = &diagnostic.location {
            self.syntax_lines.push(at.line);
        }
        self.keep(diagnostic);
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        let on_syntax_line = diagnostic
            .location
            .as_ref()
            .is_some_and(|at| !at.span.is_empty() && self.syntax_lines.contains(&at.line));
        if !on_syntax_line {
            self.keep(diagnostic);
        }
    }

    fn keep(&mut self, diagnostic: Diagnostic) {
        if !self.is_full() {
            self.diagnostics.push(diagnostic);
        } else {
            self.dropped += 1;
        }
    }

    pub fn error(&mut self, span: Range<usize>, kind: DiagnosticKind) {
        if self.is_full() {
            self.dropped += 1;
            return;
        }
        let diagnostic = self.src.error(span, kind);
        self.push(diagnostic);
    }

    pub fn warning(&mut self, span: Range<usize>, kind: DiagnosticKind) {
        if self.is_full() {
            self.dropped += 1;
            return;
        }
        let diagnostic = self.src.error(span, kind).warning();
        self.push(diagnostic);
    }

    /// Whether further problems are only counted, not kept.
    pub fn is_full(&self) -> bool {
        self.diagnostics.len() >= MAX_DIAGNOSTICS_PER_FILE
    }

    /// Counts a problem that is not kept.
    pub fn count_dropped(&mut self) {
        self.dropped += 1;
    }

    pub fn has_errors(&self) -> bool {
        self.dropped > 0 || self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The diagnostics, sorted by position, plus a note of any dropped.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        self.diagnostics
            .sort_by_key(|d| d.location.as_ref().map_or(0, |at| at.span.start));
        if self.dropped > 0 {
            let end = self.src.text.len();
            let note = self.src.error(
                end..end,
                DiagnosticKind::MoreProblems {
                    count: self.dropped,
                },
            );
            self.diagnostics.push(note);
        }
        self.diagnostics
    }
}

/// The TOML type of a value, for "must be a string, found ..." errors.
pub fn type_of(value: &DeValue<'_>) -> TomlType {
    match value {
        DeValue::String(_) => TomlType::String,
        DeValue::Integer(_) => TomlType::Integer,
        DeValue::Float(_) => TomlType::Float,
        DeValue::Boolean(_) => TomlType::Boolean,
        DeValue::Datetime(_) => TomlType::Datetime,
        DeValue::Array(_) => TomlType::Array,
        DeValue::Table(_) => TomlType::Table,
    }
}

/// Reports every key of `table` not in `known`, with the closest known key
/// when it looks like a typo.
pub fn check_keys(
    check: &mut FileCheck<'_>,
    table: &DeTable<'_>,
    known: &'static [&'static str],
    place: Place,
) {
    for key in table.keys() {
        let name = key.get_ref().as_ref();
        if known.contains(&name) {
            continue;
        }
        if check.is_full() {
            // Not shown: skip the hint's cost (a file may hold a million keys).
            check.count_dropped();
            continue;
        }
        let kind = DiagnosticKind::UnknownKey {
            key: shorten(name, 40),
            place,
            suggestion: did_you_mean(name, known),
            allowed: known,
        };
        check.error(key.span(), kind);
    }
}

/// The known name closest to `name`, if it is close enough to be a typo.
pub fn did_you_mean<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    if too_long_to_suggest(name) {
        return None;
    }
    let lower = name.to_lowercase();
    known
        .iter()
        .filter(|k| !too_long_to_suggest(k))
        .map(|&k| (strsim::osa_distance(&lower, &k.to_lowercase()), k))
        .filter(|&(distance, k)| distance <= (k.chars().count() / 3).max(1))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, k)| k)
}

/// Names longer than this many characters get no did-you-mean: the
/// distance costs time and memory in the product of the two lengths, and a
/// key or id from a hostile file can be megabytes long.
const MAX_SUGGEST_CHARS: usize = 128;

fn too_long_to_suggest(name: &str) -> bool {
    name.chars().nth(MAX_SUGGEST_CHARS).is_some()
}

fn wrong_type(key: &str, expected: Expected, found: &DeValue<'_>) -> DiagnosticKind {
    DiagnosticKind::WrongType {
        key: key.to_owned(),
        expected,
        found: type_of(found),
    }
}

/// A string value with its span.
pub struct Str<'t> {
    pub value: &'t str,
    pub span: Range<usize>,
}

/// `key` as a string: `None` (and an error) when it has another type;
/// `None` silently when it is absent.
pub fn opt_str<'t>(
    check: &mut FileCheck<'_>,
    table: &'t DeTable<'_>,
    key: &str,
) -> Option<Str<'t>> {
    let value = table.get(key)?;
    match value.get_ref() {
        DeValue::String(s) => Some(Str {
            value: s.as_ref(),
            span: value.span(),
        }),
        // An empty span marks a value the parser made up to recover from a
        // syntax error, already reported.
        _ if value.span().is_empty() => None,
        other => {
            let kind = wrong_type(key, Expected::String, other);
            check.error(value.span(), kind);
            None
        }
    }
}

/// `key` as a string; an error at `missing_at` when absent (unless the
/// file has a syntax error that may have swallowed it).
pub fn req_str<'t>(
    check: &mut FileCheck<'_>,
    table: &'t DeTable<'_>,
    key: &'static str,
    missing_at: Range<usize>,
    place: Place,
) -> Option<Str<'t>> {
    if table.get(key).is_none() {
        if check.may_have_lost_keys()
            || table
                .keys()
                .any(|k| did_you_mean(k.get_ref(), &[key]).is_some())
        {
            // A misspelt key is reported as unknown, with this one
            // suggested. After a syntax error the key may have been
            // swallowed by it: the author fixes that first, and a re-check
            // tells the rest.
            return None;
        }
        check.error(missing_at, DiagnosticKind::MissingKey { key, place });
        return None;
    }
    opt_str(check, table, key)
}

/// `key` as a table (e.g. `[lecturer]`); an error when it has another type.
pub fn opt_table<'t, 'i>(
    check: &mut FileCheck<'_>,
    table: &'t DeTable<'i>,
    key: &str,
) -> Option<(&'t DeTable<'i>, Range<usize>)> {
    let value = table.get(key)?;
    match value.get_ref() {
        DeValue::Table(t) => Some((t, value.span())),
        other => {
            check.error(value.span(), wrong_type(key, Expected::Table, other));
            None
        }
    }
}

/// `key` as an array of tables (e.g. `[[sections]]`): each table with the
/// span of its header. Items that are not tables are reported and skipped.
pub fn tables<'t, 'i>(
    check: &mut FileCheck<'_>,
    table: &'t DeTable<'i>,
    key: &str,
) -> Option<Vec<(&'t DeTable<'i>, Range<usize>)>> {
    let value = table.get(key)?;
    let DeValue::Array(items) = value.get_ref() else {
        let kind = wrong_type(key, Expected::ArrayOfTables, value.get_ref());
        check.error(value.span(), kind);
        return Some(Vec::new());
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items.iter() {
        match item.get_ref() {
            DeValue::Table(t) => out.push((t, item.span())),
            other => {
                let kind = DiagnosticKind::EntryNotTable {
                    key: key.to_owned(),
                    found: type_of(other),
                };
                check.error(item.span(), kind);
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_finds_typos_only() {
        let known = ["title", "heading", "body", "id"];
        assert_eq!(did_you_mean("heding", &known), Some("heading"));
        assert_eq!(did_you_mean("Title", &known), Some("title"));
        assert_eq!(did_you_mean("tilte", &known), Some("title"));
        assert_eq!(did_you_mean("bdoy", &known), Some("body"));
        assert_eq!(did_you_mean("colour", &known), None);
        // Megabyte-long names from a hostile file: no hint, and no
        // length-product table.
        let huge = "t".repeat(1_000_000);
        assert_eq!(did_you_mean(&huge, &known), None);
        assert_eq!(did_you_mean("title", &[huge.as_str()]), None);
    }
}
