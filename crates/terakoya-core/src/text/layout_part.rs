//! The lines of one chunk of a lesson's layout plan ([`Part`]), and the
//! stitching of chunks into one layout.

use std::ops::Range;

use super::{Item, LayoutLine, LessonLayout, LineKind, PLACEHOLDER, SourcePos};
use crate::model::Span;
use crate::text::linebreak::break_lines_keeping;
use crate::text::styled::{DisplayOptions, Run, display, kept_ranges, line_runs};
use crate::text::to_u32;

/// The lines of one chunk of the plan, with ranges local to its text,
/// runs and links.
#[derive(Default)]
pub(super) struct Part {
    pub(super) text: String,
    pub(super) lines: Vec<LayoutLine>,
    pub(super) section_starts: Vec<usize>,
    pub(super) runs: Vec<Run>,
    pub(super) links: Vec<Box<str>>,
    pub(super) options: DisplayOptions,
}

/// Where lines go: columns of indent (quote bars included) and quotes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Margin {
    pub(super) indent: u16,
    pub(super) quote: u8,
}

impl Margin {
    /// The margin kept at `width`: none when it would leave less than two
    /// columns for the text.
    pub(super) fn at(self, width: u16) -> Margin {
        if self.indent + 2 <= width {
            self
        } else {
            Margin {
                indent: 0,
                quote: 0,
            }
        }
    }
}

impl Part {
    pub(super) fn build(items: &[Item], width: u16, options: DisplayOptions) -> Part {
        let bytes = items.iter().map(Item::text_len).sum();
        let mut part = Part {
            text: String::with_capacity(bytes),
            options,
            ..Part::default()
        };
        for item in items {
            match *item {
                Item::Blank(pos) => part.push_line(LineKind::Blank, "", Margin::at0(), pos),
                Item::SectionStart => part.section_starts.push(part.lines.len()),
                Item::Wrap {
                    kind,
                    first,
                    text,
                    spans,
                    indent,
                    quote,
                    pos,
                    advance,
                } => {
                    let margin = Margin { indent, quote }.at(width);
                    part.push_wrapped([first, kind], (text, spans), margin, (pos, advance), width);
                }
                Item::Block {
                    block,
                    indent,
                    quote,
                    pos,
                } => {
                    let margin = Margin { indent, quote }.at(width);
                    part.push_block(block, margin, pos, width);
                }
            }
        }
        part
    }

    pub(super) fn push_line(&mut self, kind: LineKind, text: &str, margin: Margin, pos: SourcePos) {
        let start = to_u32(self.text.len());
        self.text.push_str(text);
        let runs = to_u32(self.runs.len());
        self.lines.push(LayoutLine {
            kind,
            text: start..to_u32(self.text.len()),
            indent: margin.indent,
            quote: margin.quote,
            runs: runs..runs,
            pos,
        });
    }

    /// Index of `url` in the links (a new entry unless it is the last).
    pub(super) fn link(&mut self, url: &str) -> u32 {
        if self.links.last().is_none_or(|last| &**last != url) {
            self.links.push(url.into());
        }
        to_u32(self.links.len()) - 1
    }

    /// Styles the last line pushed, which shows `range` of a text with
    /// `spans`.
    pub(super) fn style_last_line(&mut self, range: Range<usize>, spans: &[Span]) {
        if spans.is_empty() {
            return;
        }
        let mut runs = std::mem::take(&mut self.runs);
        line_runs(range, spans, &mut |url| self.link(url), &mut runs);
        self.runs = runs;
        let end = to_u32(self.runs.len());
        if let Some(line) = self.lines.last_mut() {
            line.runs.end = end;
        }
    }

    /// Breaks `text`; the first line gets `kinds[0]`, the others `kinds[1]`.
    pub(super) fn push_wrapped(
        &mut self,
        kinds: [LineKind; 2],
        (text, spans): (&str, &[Span]),
        margin: Margin,
        (pos, advance): (SourcePos, bool),
        width: u16,
    ) {
        let (text, spans) = display(text, spans, self.options);
        let keep = kept_ranges(&spans);
        let mut kind = kinds[0];
        let (mut offset, mut counted_to) = (pos.offset, 0);
        let available = usize::from(width - margin.indent);
        break_lines_keeping(&text, available, &keep, |range, oversized| {
            if advance {
                offset += to_u32(
                    text.get(counted_to..range.start)
                        .map_or(0, |s| s.chars().count()),
                );
                counted_to = range.start;
            }
            let line = if oversized {
                PLACEHOLDER
            } else {
                text.get(range.clone()).unwrap_or("")
            };
            self.push_line(kind, line, margin, SourcePos { offset, ..pos });
            if !oversized {
                self.style_last_line(range, &spans);
            }
            kind = kinds[1];
        });
    }
}

impl Margin {
    pub(super) fn at0() -> Margin {
        Margin {
            indent: 0,
            quote: 0,
        }
    }
}

/// Joins the parts, shifting their ranges and line numbers.
pub(super) fn stitch(mut parts: Vec<Part>, width: u16) -> LessonLayout {
    if parts.len() == 1
        && let Some(part) = parts.pop()
    {
        return LessonLayout {
            width,
            text: part.text,
            lines: part.lines,
            section_starts: part.section_starts,
            runs: part.runs,
            links: part.links,
            options: DisplayOptions::default(),
        };
    }
    let bytes = parts.iter().map(|p| p.text.len()).sum();
    let count = parts.iter().map(|p| p.lines.len()).sum();
    let mut layout = LessonLayout {
        width,
        text: String::with_capacity(bytes),
        lines: Vec::with_capacity(count),
        section_starts: Vec::new(),
        runs: Vec::new(),
        links: Vec::new(),
        options: DisplayOptions::default(),
    };
    for part in parts {
        let shift = to_u32(layout.text.len());
        let first_line = layout.lines.len();
        let run_shift = to_u32(layout.runs.len());
        let link_shift = to_u32(layout.links.len());
        layout.text.push_str(&part.text);
        layout.links.extend(part.links);
        layout.runs.extend(part.runs.into_iter().map(|mut run| {
            run.style.link = run.style.link.map(|l| l + link_shift);
            run
        }));
        layout
            .lines
            .extend(part.lines.into_iter().map(|line| LayoutLine {
                text: line.text.start + shift..line.text.end + shift,
                runs: line.runs.start + run_shift..line.runs.end + run_shift,
                ..line
            }));
        let starts = part.section_starts.iter().map(|s| s + first_line);
        layout.section_starts.extend(starts);
    }
    layout
}
