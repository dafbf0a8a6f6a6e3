//! Warnings for characters and shapes an author never meant: a tab in
//! one-line text, a list pasted from a web page, a heading decorated with
//! a mark, a summary written as a section. The lesson still loads.

use std::ops::Range;

use super::kind::DiagnosticKind;
use super::walk::{FileCheck, Str};
use crate::model::Section;

/// A tab in a one-line field (title, heading, point, …): the reader turns
/// it into spaces, which is never what was meant.
pub fn tab_in_line(check: &mut FileCheck<'_>, field: &Str<'_>, key: &'static str) {
    if field.value.contains('\t') {
        let span = find_in(check, &field.span, "\t").unwrap_or(field.span.clone());
        check.warning(span, DiagnosticKind::TabInLine { key });
    }
}

/// Bullets of web pages and word processors, as they arrive when pasted.
const PASTED_BULLETS: &[char] = &['•', '●', '◦'];

/// A line of a text field starting with a bullet and a no-break space: a
/// list copied from a web page, which would be one paragraph.
pub fn pasted_bullets(check: &mut FileCheck<'_>, field: &Str<'_>) {
    // Every pasted bullet is followed by a no-break space: a field without
    // one (nearly all) is not walked line by line.
    if memchr::memmem::find(field.value.as_bytes(), "\u{a0}".as_bytes()).is_none() {
        return;
    }
    let found = field.value.lines().find_map(|line| {
        let mut chars = line.trim_start_matches([' ', '\t']).chars();
        let bullet = chars.next().filter(|c| PASTED_BULLETS.contains(c))?;
        (chars.next() == Some('\u{a0}')).then_some(bullet)
    });
    if let Some(bullet) = found {
        let needle = format!("{bullet}\u{a0}");
        let span = find_in(check, &field.span, &needle).unwrap_or(field.span.clone());
        check.warning(span, DiagnosticKind::PastedBullet { bullet });
    }
}

/// Marks authors put before headings to make them stand out.
const HEADING_MARKS: &[char] = &['■', '□', '●', '○', '◆', '◇', '★', '☆', '▼', '▶'];

pub fn decorated_heading(check: &mut FileCheck<'_>, heading: &str, span: Range<usize>) {
    if let Some(mark) = heading.chars().next().filter(|c| HEADING_MARKS.contains(c)) {
        let span = find_in(check, &span, &mark.to_string()).unwrap_or(span);
        check.warning(span, DiagnosticKind::DecoratedHeading { mark });
    }
}

/// Headings that name a lesson's summary.
const SUMMARY_HEADINGS: &[&str] = &["まとめ", "summary", "ポイント"];

/// A section headed like a summary whose body is a list, in a lesson
/// without `[[summary]]`: its points cannot be ticked.
pub fn summary_as_section(
    check: &mut FileCheck<'_>,
    sections: &[Section],
    heading_spans: &[Range<usize>],
    has_summary: bool,
) {
    if has_summary {
        return;
    }
    for (section, span) in sections.iter().zip(heading_spans) {
        let heading = section.heading.trim_start_matches(HEADING_MARKS).trim();
        let named = SUMMARY_HEADINGS
            .iter()
            .any(|name| heading.eq_ignore_ascii_case(name));
        let list = section
            .body
            .blocks
            .iter()
            .any(|block| block.kind.is_list_item());
        if named && list {
            let kind = DiagnosticKind::SummaryAsSection {
                heading: section.heading.clone(),
            };
            check.warning(span.clone(), kind);
        }
    }
}

/// Where `needle` is in the file's text within `span` (when the source
/// spells it as is, not as an escape).
pub(super) fn find_in(
    check: &FileCheck<'_>,
    span: &Range<usize>,
    needle: &str,
) -> Option<Range<usize>> {
    let text = check.src.text.get(span.clone())?;
    let at = span.start + text.find(needle)?;
    Some(at..at + needle.len())
}
