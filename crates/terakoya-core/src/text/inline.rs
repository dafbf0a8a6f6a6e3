//! The inline text of one format-2 block (or table cell, or one-line
//! field) as it is built from pulldown-cmark's events: text, the spans on
//! it, and the two Japanese fixes applied when it is finished:
//!
//! - Emphasis CommonMark refused. Its flanking rules judge `**` by the
//!   characters around it, and a delimiter between a kana and a bracket
//!   (`これは**「重要」**です`) is neither opening nor closing, so it stays
//!   literal text. Such literal runs of `*` (not escaped) are paired here,
//!   left to right, runs of equal length: `**` strong, `*` emphasis.
//! - Ruby in Aozora notation: `｜base《reading》`, or `漢字《かんじ》` whose
//!   base is the run of kanji before `《`. The text becomes
//!   `base（reading）`, a [`SpanStyle::Ruby`] span over it all and a
//!   [`SpanStyle::Reading`] span over the bracketed reading.

use std::ops::Range;

use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::model::{Span, SpanStyle};
use crate::text::chars::is_cjk;
use crate::text::to_u32;

/// An inline text being built.
#[derive(Debug, Default)]
pub struct Inline {
    pub text: String,
    pub spans: Vec<Span>,
    /// Spans opened and not yet closed, with where they start.
    open: Vec<(SpanStyle, u32)>,
    /// Byte offsets in `text` of literal `*` left by the parser.
    loose: Vec<u32>,
    /// A soft break waits to be joined to the next text.
    soft_break: bool,
}

/// What went wrong in a piece of inline text, for `check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InlineProblem {
    /// `base《》`: a ruby group without a reading.
    EmptyReading,
}

impl Inline {
    /// An empty inline text with room for `bytes` of text.
    pub fn with_capacity(bytes: usize) -> Self {
        Inline {
            text: String::with_capacity(bytes),
            ..Inline::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.open.is_empty()
    }

    fn at(&self) -> u32 {
        to_u32(self.text.len())
    }

    /// Whether a soft break waits: the next text starts a source line.
    pub fn at_line_start(&self) -> bool {
        self.soft_break || self.text.is_empty()
    }

    pub fn soft_break(&mut self) {
        if !self.text.is_empty() {
            self.soft_break = true;
        }
    }

    /// Joins a waiting soft break before text starting with `next`: a
    /// space between Latin words, nothing where either side is CJK (as in
    /// format 1).
    fn join(&mut self, next: Option<char>) {
        if !std::mem::take(&mut self.soft_break) {
            return;
        }
        let before = self.text.chars().next_back();
        let cjk = before.is_some_and(is_cjk) || next.is_some_and(is_cjk);
        if !cjk && next.is_some() {
            self.text.push(' ');
        }
    }

    pub fn push_text(&mut self, text: &str) {
        self.join(text.chars().next());
        self.text.push_str(text);
    }

    /// A literal `*` the parser did not take as emphasis.
    pub fn push_loose_star(&mut self) {
        self.join(Some('*'));
        self.loose.push(self.at());
        self.text.push('*');
    }

    pub fn push_styled(&mut self, text: &str, style: SpanStyle) {
        self.join(text.chars().next());
        let start = self.at();
        self.text.push_str(text);
        let end = self.at();
        self.spans.push(Span { start, end, style });
    }

    pub fn open(&mut self, style: SpanStyle) {
        self.join(None);
        self.open.push((style, self.at()));
    }

    /// Closes the last open span; returns its text (for an empty link).
    pub fn close(&mut self) -> Option<Range<usize>> {
        let (style, start) = self.open.pop()?;
        let end = self.at();
        if end > start {
            self.spans.push(Span { start, end, style });
        }
        Some(start as usize..end as usize)
    }

    /// The text and spans, with stray emphasis paired and ruby read, and
    /// any problems found on the way.
    pub fn finish(mut self, problems: &mut Vec<InlineProblem>) -> (String, Vec<Span>) {
        while !self.open.is_empty() {
            self.close();
        }
        let mut text = self.text;
        let mut spans = self.spans;
        if !self.loose.is_empty() {
            pair_loose_stars(&mut text, &mut spans, &self.loose);
        }
        if FIND_OPEN.find(text.as_bytes()).is_some() {
            read_ruby(&mut text, &mut spans, problems);
        }
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        (text, spans)
    }
}

/// Pairs runs of adjacent literal stars of equal length left to right,
/// turning each pair into a span and removing the stars.
fn pair_loose_stars(text: &mut String, spans: &mut Vec<Span>, loose: &[u32]) {
    let mut runs: Vec<Range<u32>> = Vec::with_capacity(loose.len());
    for &at in loose {
        match runs.last_mut() {
            Some(run) if run.end == at => run.end = at + 1,
            _ => runs.push(at..at + 1),
        }
    }
    let mut removed: Vec<Range<u32>> = Vec::with_capacity(runs.len());
    let mut opener: Option<Range<u32>> = None;
    for run in runs {
        match opener.take() {
            Some(open) if open.len() == run.len() && run.start > open.end => {
                let (start, end) = (open.end, run.start);
                match run.len() {
                    1 => spans.push(Span {
                        start,
                        end,
                        style: SpanStyle::Emphasis,
                    }),
                    2 => spans.push(Span {
                        start,
                        end,
                        style: SpanStyle::Strong,
                    }),
                    _ => {
                        spans.push(Span {
                            start,
                            end,
                            style: SpanStyle::Strong,
                        });
                        spans.push(Span {
                            start,
                            end,
                            style: SpanStyle::Emphasis,
                        });
                    }
                }
                removed.push(open);
                removed.push(run);
            }
            _ => opener = Some(run),
        }
    }
    removed.sort_by_key(|r| r.start);
    remove_ranges(text, spans, &removed);
}

/// Removes the sorted, disjoint byte `ranges` from `text`, moving spans.
fn remove_ranges(text: &mut String, spans: &mut [Span], ranges: &[Range<u32>]) {
    if ranges.is_empty() {
        return;
    }
    shift_spans(spans, ranges);
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for r in ranges {
        out.push_str(text.get(from..r.start as usize).unwrap_or(""));
        from = r.end as usize;
    }
    out.push_str(text.get(from..).unwrap_or(""));
    *text = out;
}

/// Moves spans as if the sorted, disjoint byte `ranges` were removed.
fn shift_spans(spans: &mut [Span], ranges: &[Range<u32>]) {
    let shift = |at: u32| -> u32 {
        let mut gone = 0;
        for r in ranges {
            if r.end <= at {
                gone += to_u32(r.len());
            } else if r.start < at {
                gone += at - r.start;
            }
        }
        at - gone
    };
    for span in spans.iter_mut() {
        span.start = shift(span.start);
        span.end = shift(span.end);
    }
}

/// Kanji for a ruby base without `｜`: CJK ideographs and the marks that
/// live among them (々 〆 〇 ヶ).
fn is_kanji(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}' | '々' | '〆' | '〇' | 'ヶ')
}

/// Ruby's marks: the reading's brackets and the bar before a base.
const OPEN: &str = "《";
const CLOSE: &str = "》";
const BAR: &str = "｜";

/// Searchers for the marks, built once: building one for each search cost
/// more than the search in short paragraphs.
static FIND_OPEN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(OPEN));
static FIND_CLOSE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(CLOSE));

/// Where `finder`'s mark is in `text` at or after byte `from`. memmem
/// rather than `str::find`: std looks for a multi-byte character by its
/// last byte, a continuation byte that Japanese text is full of, and stops
/// at nearly every character.
fn find_from(text: &str, from: usize, finder: &Finder<'_>) -> Option<usize> {
    let rest = text.as_bytes().get(from..)?;
    finder.find(rest).map(|at| from + at)
}

/// The last `｜` in `bytes`: its lead byte (that of U+F000–U+FFFF, the
/// full-width forms among them: far rarer in Japanese text than the
/// continuation bytes) found with memrchr, then the rest checked.
fn rfind_bar(bytes: &[u8]) -> Option<usize> {
    let lead = *BAR.as_bytes().first()?;
    let mut end = bytes.len();
    while let Some(at) = memchr::memrchr(lead, bytes.get(..end)?) {
        if bytes.get(at..)?.starts_with(BAR.as_bytes()) {
            return Some(at);
        }
        end = at;
    }
    None
}

/// Rewrites Aozora ruby in `text` (outside code spans) as
/// `base（reading）` with its spans; an empty reading leaves the base.
fn read_ruby(text: &mut String, spans: &mut Vec<Span>, problems: &mut Vec<InlineProblem>) {
    let groups = ruby_groups(text, spans);
    if !groups.is_empty() {
        rewrite_ruby(text, spans, &groups, problems);
    }
}

/// A ruby group found in a text: where its base starts (the `｜`, or the
/// first kanji), whether it has a bar, and where `《` and `》` are (bytes).
type RubyGroup = (usize, bool, usize, usize);

/// The ruby groups of `text` outside the code spans of `spans`, in order.
fn ruby_groups(text: &str, spans: &[Span]) -> Vec<RubyGroup> {
    let code: Vec<Range<u32>> = spans
        .iter()
        .filter(|s| s.style == SpanStyle::Code)
        .map(|s| s.start..s.end)
        .collect();
    let in_code = |at: usize| code.iter().any(|r| r.contains(&to_u32(at)));
    // (bar, open, close) byte offsets of each group; bar is where the base
    // starts (the `｜`, or the first kanji).
    let mut groups: Vec<RubyGroup> = Vec::new();
    let mut search = 0;
    // The first `》` at or after `search`, found once for every `《`
    // before it (a text of many `《` and no `》` stays linear).
    let mut next_close: Option<usize> = None;
    while let Some(open) = find_from(text, search, &FIND_OPEN) {
        search = open + OPEN.len();
        if in_code(open) {
            continue;
        }
        if next_close.is_none_or(|close| close < search) {
            next_close = find_from(text, search, &FIND_CLOSE);
        }
        // No `》` after this `《`, so none after any later one either.
        let Some(close) = next_close else { break };
        let reading = text.as_bytes().get(search..close).unwrap_or_default();
        if FIND_OPEN.find(reading).is_some() {
            continue;
        }
        let from = groups.last().map_or(0, |g| g.3 + CLOSE.len());
        let before = text.get(..open).unwrap_or("");
        let bar = before
            .as_bytes()
            .get(from..)
            .and_then(rfind_bar)
            .map(|at| from + at)
            .filter(|&at| !in_code(at) && at + BAR.len() < open);
        let (start, has_bar) = match bar {
            Some(at) => (at, true),
            None => {
                let run: usize = before
                    .chars()
                    .rev()
                    .take_while(|&c| is_kanji(c))
                    .map(char::len_utf8)
                    .sum();
                if run == 0 || open - run < from {
                    continue;
                }
                (open - run, false)
            }
        };
        groups.push((start, has_bar, open, close));
        search = close + CLOSE.len();
    }
    groups
}

/// Rewrites the ruby `groups` of `text` as `base（reading）`, with their
/// spans; the other spans move with the text.
fn rewrite_ruby(
    text: &mut String,
    spans: &mut Vec<Span>,
    groups: &[RubyGroup],
    problems: &mut Vec<InlineProblem>,
) {
    // Rebuild the text; record removed ranges to move the old spans.
    let mut removed: Vec<Range<u32>> = Vec::with_capacity(2 * groups.len());
    let mut out = String::with_capacity(text.len());
    let mut new_spans = Vec::with_capacity(2 * groups.len());
    let mut from = 0;
    for &(start, has_bar, open, close) in groups {
        out.push_str(&text[from..start]);
        let base_from = if has_bar {
            removed.push(to_u32(start)..to_u32(start + '｜'.len_utf8()));
            start + '｜'.len_utf8()
        } else {
            start
        };
        let group_start = to_u32(out.len());
        out.push_str(&text[base_from..open]);
        let reading = &text[open + '《'.len_utf8()..close];
        if reading.trim().is_empty() {
            problems.push(InlineProblem::EmptyReading);
            removed.push(to_u32(open)..to_u32(close + '》'.len_utf8()));
        } else {
            let reading_start = to_u32(out.len());
            out.push('（');
            out.push_str(reading);
            out.push('）');
            let end = to_u32(out.len());
            new_spans.push(Span {
                start: group_start,
                end,
                style: SpanStyle::Ruby,
            });
            new_spans.push(Span {
                start: reading_start,
                end,
                style: SpanStyle::Reading,
            });
        }
        from = close + '》'.len_utf8();
    }
    out.push_str(&text[from..]);
    // `《` and `》` became brackets of the same length, so only removed
    // ranges move the old spans.
    shift_spans(spans, &removed);
    *text = out;
    spans.append(&mut new_spans);
}

#[cfg(test)]
#[path = "inline_tests.rs"]
mod tests;
