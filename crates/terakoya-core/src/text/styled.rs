//! From a text with spans to what a layout line shows: the text as the
//! display options want it (ruby inline or hidden, links with their URL or
//! not), the ranges line breaking must keep whole, and the styled runs of
//! each line.

use std::borrow::Cow;
use std::ops::Range;

use crate::model::{Span, SpanStyle};
use crate::text::to_u32;

/// How ruby (furigana) is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum RubyMode {
    /// `褥瘡（じょくそう）`: the reading in brackets after its base.
    #[default]
    Inline,
    /// The base only.
    Hide,
}

/// How links are shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum LinkMode {
    /// The text only (the reader underlines it and may make it a link).
    #[default]
    Text,
    /// `text <url>`, for plain output.
    WithUrl,
}

/// How a lesson is laid out beyond its width.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct DisplayOptions {
    pub ruby: RubyMode,
    pub links: LinkMode,
}

/// How a run of a line is styled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct RunStyle {
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
    /// A ruby reading (drawn dimmer).
    pub reading: bool,
    /// The link the run belongs to: an index into the layout's links.
    pub link: Option<u32>,
}

/// A styled stretch of one line: byte offsets into the line's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Run {
    pub start: u32,
    pub end: u32,
    pub style: RunStyle,
}

/// An edit of a text: `range` replaced by `insert`.
struct Edit {
    range: Range<u32>,
    insert: String,
}

/// `text` and `spans` as `options` show them; borrowed when unchanged.
pub fn display<'t>(
    text: &'t str,
    spans: &'t [Span],
    options: DisplayOptions,
) -> (Cow<'t, str>, Cow<'t, [Span]>) {
    let edits = edits(text, spans, options);
    if edits.is_empty() {
        return (Cow::Borrowed(text), Cow::Borrowed(spans));
    }
    let mut out = String::with_capacity(text.len() + 16 * edits.len());
    let mut from = 0;
    for edit in &edits {
        let start = (edit.range.start as usize).max(from);
        out.push_str(text.get(from..start).unwrap_or(""));
        out.push_str(&edit.insert);
        from = (edit.range.end as usize).max(from);
    }
    out.push_str(text.get(from..).unwrap_or(""));
    let moved = spans
        .iter()
        .map(|s| Span {
            start: moved_to(s.start, false, &edits),
            end: moved_to(s.end, true, &edits),
            style: s.style.clone(),
        })
        .filter(|s| s.end > s.start)
        .collect();
    (Cow::Owned(out), Cow::Owned(moved))
}

/// The edits showing `text` as `options` say makes, in order.
fn edits(text: &str, spans: &[Span], options: DisplayOptions) -> Vec<Edit> {
    let mut edits = Vec::new();
    for span in spans {
        match (&span.style, options) {
            (
                SpanStyle::Reading,
                DisplayOptions {
                    ruby: RubyMode::Hide,
                    ..
                },
            ) => edits.push(Edit {
                range: span.start..span.end,
                insert: String::new(),
            }),
            (
                SpanStyle::Link(url),
                DisplayOptions {
                    links: LinkMode::WithUrl,
                    ..
                },
            ) => {
                let shown = text.get(span.start as usize..span.end as usize);
                // A link written as its own URL is not repeated.
                if shown != Some(&**url) {
                    edits.push(Edit {
                        range: span.end..span.end,
                        insert: format!(" <{url}>"),
                    });
                }
            }
            _ => {}
        }
    }
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    edits
}

/// Where bytes `range` of `text` are once `text` is shown as `options` say
/// (see [`display`]). A range touching a hidden reading takes in its base
/// instead (a search for the reading highlights the kanji it reads).
pub fn shown_range(
    text: &str,
    spans: &[Span],
    options: DisplayOptions,
    range: Range<usize>,
) -> Range<usize> {
    let edits = edits(text, spans, options);
    if edits.is_empty() {
        return range;
    }
    let mut start = to_u32(range.start);
    let end = to_u32(range.end);
    for ruby in spans.iter().filter(|s| s.style == SpanStyle::Ruby) {
        // The ruby group's reading, hidden, and touched by the range.
        let touched = edits.iter().any(|e| {
            e.range.end == ruby.end
                && e.insert.is_empty()
                && e.range.start < end
                && start < e.range.end
        });
        if touched {
            start = start.min(ruby.start);
        }
    }
    moved_to(start, false, &edits) as usize..moved_to(end, true, &edits) as usize
}

/// Where offset `at` lands after `edits`. An insertion exactly at a span's
/// end stays outside the span.
fn moved_to(at: u32, is_end: bool, edits: &[Edit]) -> u32 {
    let mut delta: i64 = 0;
    for edit in edits {
        let (start, end) = (edit.range.start, edit.range.end);
        let inserted = edit.insert.len() as i64;
        if end < at || (end == at && (start < end || !is_end)) {
            delta += inserted - i64::from(end - start);
        } else if start < at {
            delta -= i64::from(at - start);
        } else {
            break;
        }
    }
    u32::try_from((i64::from(at) + delta).max(0)).unwrap_or(u32::MAX)
}

/// The ranges line breaking keeps whole: ruby groups and inline code.
pub fn kept_ranges(spans: &[Span]) -> Vec<Range<usize>> {
    let mut keep: Vec<Range<usize>> = spans
        .iter()
        .filter(|s| matches!(s.style, SpanStyle::Ruby | SpanStyle::Code))
        .map(|s| s.start as usize..s.end as usize)
        .collect();
    keep.sort_by_key(|r| r.start);
    keep
}

/// The runs of the line `line` (byte range of the text) under `spans`:
/// disjoint, in order, relative to the line's start; unstyled stretches
/// are left out. `link_index` turns a link's URL into an index.
pub fn line_runs(
    line: Range<usize>,
    spans: &[Span],
    link_index: &mut dyn FnMut(&str) -> u32,
    out: &mut Vec<Run>,
) {
    let (start, end) = (to_u32(line.start), to_u32(line.end));
    let live: Vec<&Span> = spans
        .iter()
        .filter(|s| s.start < end && s.end > start)
        .collect();
    if live.is_empty() {
        return;
    }
    let mut cuts: Vec<u32> = vec![start, end];
    for s in &live {
        cuts.push(s.start.clamp(start, end));
        cuts.push(s.end.clamp(start, end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let mut style = RunStyle::default();
        for s in live.iter().filter(|s| s.start <= from && s.end >= to) {
            match &s.style {
                SpanStyle::Strong => style.strong = true,
                SpanStyle::Emphasis => style.emphasis = true,
                SpanStyle::Code => style.code = true,
                SpanStyle::Reading => style.reading = true,
                SpanStyle::Link(url) => style.link = Some(link_index(url)),
                SpanStyle::Ruby => {}
            }
        }
        if style != RunStyle::default() {
            out.push(Run {
                start: from - start,
                end: to - start,
                style,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: u32, end: u32, style: SpanStyle) -> Span {
        Span { start, end, style }
    }

    #[test]
    fn hidden_ruby_and_shown_urls() {
        let text = "褥瘡（じょくそう）とlink。";
        let spans = [
            span(0, 27, SpanStyle::Ruby),
            span(6, 27, SpanStyle::Reading),
            span(30, 34, SpanStyle::Link("https://a.jp".into())),
        ];
        let options = DisplayOptions {
            ruby: RubyMode::Hide,
            links: LinkMode::WithUrl,
        };
        let (shown, moved) = display(text, &spans, options);
        assert_eq!(shown, "褥瘡とlink <https://a.jp>。");
        assert_eq!(moved[0], span(0, 6, SpanStyle::Ruby));
        assert_eq!(moved[1].start, 9);
        assert_eq!(&shown[9..13], "link");
        let (same, _) = display(text, &spans, DisplayOptions::default());
        assert!(matches!(same, Cow::Borrowed(_)));
    }

    #[test]
    fn ranges_move_with_hidden_readings_and_a_reading_takes_its_base() {
        let text = "褥瘡（じょくそう）とlink。";
        let spans = [
            span(0, 27, SpanStyle::Ruby),
            span(6, 27, SpanStyle::Reading),
            span(30, 34, SpanStyle::Link("https://a.jp".into())),
        ];
        let hide = DisplayOptions {
            ruby: RubyMode::Hide,
            ..DisplayOptions::default()
        };
        let (shown, _) = display(text, &spans, hide);
        let at = |found: &str| {
            let start = text.find(found).unwrap();
            &shown[shown_range(text, &spans, hide, start..start + found.len())]
        };
        assert_eq!(at("じょくそう"), "褥瘡");
        assert_eq!(at("そう）と"), "褥瘡と");
        assert_eq!(at("瘡"), "瘡");
        assert_eq!(at("とlink"), "とlink");
        // Nothing hidden: ranges stay.
        let inline = DisplayOptions::default();
        assert_eq!(shown_range(text, &spans, inline, 9..24), 9..24);
    }

    #[test]
    fn runs_split_where_styles_change() {
        let spans = [
            span(0, 6, SpanStyle::Strong),
            span(3, 9, SpanStyle::Emphasis),
        ];
        let mut runs = Vec::new();
        line_runs(2..8, &spans, &mut |_| 0, &mut runs);
        let styles: Vec<_> = runs
            .iter()
            .map(|r| (r.start, r.end, r.style.strong, r.style.emphasis))
            .collect();
        assert_eq!(
            styles,
            [(0, 1, true, false), (1, 4, true, true), (4, 6, false, true)]
        );
    }
}
