//! Turning raw TOML strings into model text: every string is sanitised
//! once here, so the layers above can trust the model.

use rayon::prelude::*;

use super::kind::DiagnosticKind;
use super::lint::find_in;
use super::walk::{FileCheck, Str};
use crate::model::{Span, Text};
use crate::text::markdown::{self, Problem, ProblemKind};
use crate::text::width::is_cjk;
use crate::text::{markup, sanitize};

/// A text field of a file in `format`: the light markup (1) or CommonMark
/// (2), whose problems are reported.
pub fn text_field(check: &mut FileCheck<'_>, field: &Str<'_>, format: i64) -> Text {
    reported(check, field, parse_text(field.value, format))
}

/// A text field parsed apart from its file's check: the model text and
/// the format-2 problems still to report.
pub struct ParsedText {
    text: Text,
    problems: Vec<Problem>,
}

/// Parses a text field's raw value in `format`. Pure, so it may run on
/// any thread; [`reported`] then reports its problems in file order.
pub fn parse_text(raw: &str, format: i64) -> ParsedText {
    if format < 2 {
        return ParsedText {
            text: text(raw),
            problems: Vec::new(),
        };
    }
    let (text, problems) = markdown::parse(&sanitize::clean(raw));
    ParsedText { text, problems }
}

/// Parses text fields on the thread pool, each result in its place. A big
/// lesson is one file, so the files' parallelism does not help it: its
/// sections are what can be spread over the cores.
pub fn parse_texts(raws: &[Option<&str>], format: i64) -> Vec<Option<ParsedText>> {
    raws.par_iter()
        .map(|raw| raw.map(|raw| parse_text(raw, format)))
        .collect()
}

/// The text of `field` parsed earlier (by [`parse_text`]), its problems
/// reported now.
pub fn reported(check: &mut FileCheck<'_>, field: &Str<'_>, parsed: ParsedText) -> Text {
    report(check, field, parsed.problems);
    parsed.text
}

/// A one-line field of a file in `format`: in format 2 with its emphasis,
/// ruby and links as spans.
pub fn line_field(check: &mut FileCheck<'_>, field: &Str<'_>, format: i64) -> (String, Vec<Span>) {
    let line = one_line(field.value);
    if format < 2 {
        return (line, Vec::new());
    }
    let (line, spans, problems) = markdown::parse_line(&line);
    report(check, field, problems);
    (line, spans)
}

/// Reports the problems of a format-2 field, each where its source is in
/// the file (or at the field when it is written with escapes).
fn report(check: &mut FileCheck<'_>, field: &Str<'_>, problems: Vec<Problem>) {
    for problem in problems {
        let span = find_in(check, &field.span, &problem.source).unwrap_or(field.span.clone());
        match problem.kind {
            ProblemKind::Heading => check.error(span, DiagnosticKind::HeadingInText),
            ProblemKind::LinkUrl { url } => {
                let url = super::diag::shorten(&url, 60);
                check.warning(span, DiagnosticKind::LinkNotWeb { url });
            }
            ProblemKind::EmptyReading => check.warning(span, DiagnosticKind::EmptyRubyReading),
            ProblemKind::RaggedRow { header, found } => {
                check.warning(span, DiagnosticKind::RaggedTableRow { header, found });
            }
        }
    }
}

/// A text field (intro, body, bio, description): sanitised, then parsed as
/// the light markup.
pub fn text(raw: &str) -> Text {
    markup::parse(&sanitize::clean(raw))
}

/// A single-line field (title, label, heading, name, point text):
/// sanitised, with internal line breaks joined as soft breaks (a space
/// between Latin words, nothing where either side is CJK) and runs of
/// blank lines dropped.
pub fn one_line(raw: &str) -> String {
    let clean = sanitize::clean_line(raw);
    if !clean.contains('\n') {
        // One line (most titles and points): only trimmed. Clean text
        // holds no CR, so this is what the loop below would give.
        return markup::trim(&clean).to_owned();
    }
    join_lines(&clean)
}

/// The lines of `clean`, trimmed, blank ones dropped, joined as soft breaks.
fn join_lines(clean: &str) -> String {
    let mut out = String::with_capacity(clean.len());
    for line in clean.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let before = out.chars().next_back();
        let after = line.chars().next();
        let cjk = before.is_some_and(is_cjk) || after.is_some_and(is_cjk);
        if before.is_some() && !cjk {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_joins_like_soft_breaks() {
        assert_eq!(one_line("  Getting\r\naround  "), "Getting around");
        assert_eq!(one_line("医師の\n\nSNS活用"), "医師のSNS活用");
        assert_eq!(one_line("- not a list"), "- not a list");
        assert_eq!(one_line("\n\n"), "");
        assert_eq!(one_line(" \u{3000}第6回 〔2時限〕\t"), "第6回 〔2時限〕");
        assert_eq!(one_line("\r"), "");
    }

    proptest::proptest! {
        #[test]
        fn one_line_fast_path_agrees_with_the_line_loop(
            raw in "[ \t\r\u{3000}\u{A0}\u{1b}a医。ｶﾞ\u{202E}\u{2028}\u{2029}]{0,12}"
        ) {
            proptest::prop_assert_eq!(one_line(&raw), join_lines(&sanitize::clean_line(&raw)));
        }
    }
}
