//! Format-2 text fields: CommonMark with GitHub tables, parsed by
//! pulldown-cmark, into the same [`Text`] model as format 1 with spans,
//! nesting, numbered items, code, rules and tables.
//!
//! Kept from format 1: a soft break joins with nothing between CJK
//! characters, a line starting with U+3000 starts an indented paragraph
//! (字下げ) and a line starting with `・` a list item. Raw HTML is text.
//! A heading is rendered as a strong paragraph and reported (`check` asks
//! for a new section instead). See [`crate::text::inline`] for emphasis
//! next to Japanese punctuation and for ruby.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::model::{Block, BlockKind, Cell, Nest, Span, SpanStyle, Table, Text};
use crate::text::chars::IDEOGRAPHIC_SPACE;
use crate::text::inline::{Inline, InlineProblem};
use crate::text::{to_u16, to_u32};

/// A problem in a format-2 field, with the source text to point at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The first line of the offending source, to find in the file.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// A `#` heading inside a body: belongs in a new section.
    Heading,
    /// A link whose URL is empty or not http, https or mailto.
    LinkUrl { url: String },
    /// Ruby with an empty reading.
    EmptyReading,
    /// A table row with a different number of cells than the header.
    RaggedRow { header: usize, found: usize },
}

/// Whether a link URL may be opened: http, https or mailto.
pub fn is_web_url(url: &str) -> bool {
    let scheme = ["https://", "http://", "mailto:"]
        .into_iter()
        .find(|scheme| {
            url.get(..scheme.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(scheme))
        });
    scheme.is_some_and(|scheme| url.len() > scheme.len())
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// Parses a sanitised text field.
pub fn parse(clean: &str) -> (Text, Vec<Problem>) {
    let mut walker = Walker::new(clean, true);
    walker.run();
    walker.finish_inline();
    (
        Text {
            blocks: walker.blocks,
        },
        walker.problems,
    )
}

/// Parses a sanitised one-line field: inline markup only (a title such
/// as `1. はじめに` stays as written).
pub fn parse_line(clean: &str) -> (String, Vec<Span>, Vec<Problem>) {
    // After U+3000 (kept as text, counting as whitespace for emphasis) no
    // block construct can start.
    let source = format!("{IDEOGRAPHIC_SPACE}{clean}");
    let mut walker = Walker::new(&source, false);
    walker.run();
    walker.finish_inline();
    let problems = walker.problems;
    match walker.blocks.as_mut_slice() {
        [block] if block.text.starts_with(IDEOGRAPHIC_SPACE) => {
            let skip = to_u32(IDEOGRAPHIC_SPACE.len_utf8());
            let text = block.text.split_off(skip as usize);
            let spans = std::mem::take(&mut block.spans)
                .into_iter()
                .map(|s| Span {
                    start: s.start.saturating_sub(skip),
                    end: s.end.saturating_sub(skip),
                    ..s
                })
                .filter(|s| s.end > s.start)
                .collect();
            (text, spans, problems)
        }
        _ => (clean.to_owned(), Vec::new(), problems),
    }
}

struct List {
    /// The next item's number, for a numbered list.
    next: Option<u64>,
    /// Columns of the current item's marker.
    marker: u16,
}

struct Walker<'a> {
    source: &'a str,
    /// Whether line-start rules (字下げ, `・`) apply: not in one-line fields.
    rules: bool,
    blocks: Vec<Block>,
    problems: Vec<Problem>,
    inline: Option<(Inline, BlockKind)>,
    quote: u8,
    lists: Vec<List>,
    /// The kind of the item whose first block comes next.
    item: Option<BlockKind>,
    code: Option<String>,
    table: Option<Vec<Vec<Cell>>>,
    /// The header's cell count and the source of the current row.
    header_cells: usize,
    cell: Option<Inline>,
    /// Links open, with their URL (to show it when the text is empty).
    links: Vec<String>,
    /// The source length of the paragraph just started: its text is at
    /// most about as long, so it is reserved at once instead of doubling.
    reserve: usize,
}

impl<'a> Walker<'a> {
    fn new(source: &'a str, rules: bool) -> Self {
        Walker {
            source,
            rules,
            blocks: Vec::new(),
            problems: Vec::new(),
            inline: None,
            quote: 0,
            lists: Vec::new(),
            item: None,
            code: None,
            table: None,
            header_cells: 0,
            cell: None,
            links: Vec::new(),
            reserve: 0,
        }
    }

    fn run(&mut self) {
        let source = self.source;
        let parser = Parser::new_ext(source, Options::ENABLE_TABLES).into_offset_iter();
        for (event, range) in parser {
            self.event(event, range);
        }
    }

    fn problem(&mut self, kind: ProblemKind, range: Range<usize>) {
        let text = self.source.get(range).unwrap_or("");
        let line = text.lines().map(str::trim).find(|l| !l.is_empty());
        self.problems.push(Problem {
            kind,
            source: line.unwrap_or("").to_owned(),
        });
    }

    /// The nesting of a new block: the first block of an item is indented
    /// by the enclosing items only (its own marker hangs in the indent).
    fn nest(&self, first_of_item: bool) -> Nest {
        let count = self.lists.len() - usize::from(first_of_item && !self.lists.is_empty());
        let indent = self.lists.iter().take(count).map(|l| l.marker).sum();
        Nest {
            quote: self.quote,
            indent,
        }
    }

    /// The inline text being built (a table cell's, or a block's, opened
    /// on first use).
    fn inline(&mut self) -> &mut Inline {
        if self.table.is_some() {
            return self.cell.get_or_insert_with(Inline::default);
        }
        let item = &mut self.item;
        let reserve = &mut self.reserve;
        &mut self
            .inline
            .get_or_insert_with(|| {
                let kind = item.take().unwrap_or(BlockKind::Paragraph);
                (Inline::with_capacity(std::mem::take(reserve)), kind)
            })
            .0
    }

    fn finish_inline(&mut self) {
        let Some((inline, kind)) = self.inline.take() else {
            return;
        };
        let first_of_item = kind.is_list_item() && kind != BlockKind::ListItem;
        let nest = self.nest(first_of_item);
        let (text, spans) = self.finish_text(inline);
        if text.is_empty() && !kind.is_list_item() {
            return;
        }
        self.blocks.push(Block {
            kind,
            text,
            spans,
            nest,
            table: None,
        });
    }

    fn finish_text(&mut self, inline: Inline) -> (String, Vec<Span>) {
        let mut problems = Vec::new();
        let (text, spans) = inline.finish(&mut problems);
        for problem in problems {
            match problem {
                InlineProblem::EmptyReading => self.problems.push(Problem {
                    kind: ProblemKind::EmptyReading,
                    source: "《》".into(),
                }),
            }
        }
        (text, spans)
    }

    /// Text at the start of a source line in a paragraph: `・` starts a list
    /// item and U+3000 an indented paragraph, as in format 1.
    fn line_start<'t>(&mut self, text: &'t str) -> Cow<'t, str> {
        let trimmed = text.trim_start_matches(IDEOGRAPHIC_SPACE);
        if trimmed.len() != text.len() && !trimmed.is_empty() {
            self.finish_inline();
            self.inline = Some((Inline::default(), BlockKind::Paragraph));
            return Cow::Owned(format!("{IDEOGRAPHIC_SPACE}{trimmed}"));
        }
        if let Some(item) = text.strip_prefix('・') {
            self.finish_inline();
            self.inline = Some((Inline::default(), BlockKind::ListItem));
            return Cow::Borrowed(item.trim_start());
        }
        // Most lines: no copy.
        Cow::Borrowed(text)
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        if let Some(code) = &mut self.code {
            code.push_str(text);
            return;
        }
        let stars = !text.is_empty() && text.bytes().all(|b| b == b'*');
        let escaped =
            range.start > 0 && self.source.as_bytes().get(range.start - 1) == Some(&b'\\');
        if stars && !escaped && self.source.get(range) == Some(text) {
            let inline = self.inline();
            for _ in 0..text.len() {
                inline.push_loose_star();
            }
            return;
        }
        let at_start = self.rules
            && self.table.is_none()
            && self.item.is_none()
            && self.inline.as_ref().is_none_or(|(i, k)| {
                i.at_line_start() && matches!(k, BlockKind::Paragraph | BlockKind::ListItem)
            });
        if at_start {
            let text = self.line_start(text);
            self.inline().push_text(&text);
        } else {
            self.inline().push_text(text);
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text, range),
            Event::Code(code) => self.inline().push_styled(&code, SpanStyle::Code),
            Event::InlineHtml(html) => self.inline().push_text(&html),
            Event::Html(html) => {
                // A line of an HTML block, shown as written.
                let inline = self.inline();
                inline.soft_break();
                inline.push_text(html.trim_end_matches('\n'));
            }
            Event::SoftBreak | Event::HardBreak => self.inline().soft_break(),
            Event::Rule => {
                self.finish_inline();
                let nest = self.nest(false);
                self.blocks.push(Block {
                    kind: BlockKind::Rule,
                    nest,
                    ..Block::default()
                });
            }
            Event::FootnoteReference(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.inline().push_text(&text)
            }
            Event::TaskListMarker(done) => {
                self.inline().push_text(if done { "[x] " } else { "[ ] " })
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph if self.table.is_none() => {
                self.finish_inline();
                self.reserve = range.len();
            }
            Tag::Heading { .. } => {
                self.problem(ProblemKind::Heading, range);
                self.finish_inline();
                self.inline().open(SpanStyle::Strong);
            }
            Tag::BlockQuote(_) => {
                self.finish_inline();
                self.quote = self.quote.saturating_add(1);
            }
            Tag::CodeBlock(_) => {
                self.finish_inline();
                self.code = Some(String::new());
            }
            Tag::List(first) => {
                self.finish_inline();
                self.lists.push(List {
                    next: first,
                    marker: 2,
                });
            }
            Tag::Item => {
                self.finish_inline();
                let kind = match self.lists.last_mut() {
                    Some(List {
                        next: Some(n),
                        marker,
                    }) => {
                        let number = u32::try_from(*n).unwrap_or(u32::MAX);
                        *n = n.saturating_add(1);
                        *marker = number_width(number) + 2;
                        BlockKind::NumberedItem(number)
                    }
                    _ => BlockKind::DashListItem,
                };
                self.item = Some(kind);
            }
            Tag::Table(_) => {
                self.finish_inline();
                self.table = Some(Vec::new());
            }
            Tag::TableHead | Tag::TableRow => {
                let cells = source_cells(self.source.get(range.clone()).unwrap_or(""));
                if let Some(rows) = &mut self.table {
                    if rows.is_empty() {
                        self.header_cells = cells;
                    } else if cells != self.header_cells {
                        let header = self.header_cells;
                        self.problem(
                            ProblemKind::RaggedRow {
                                header,
                                found: cells,
                            },
                            range,
                        );
                    }
                    if let Some(rows) = &mut self.table {
                        rows.push(Vec::new());
                    }
                }
            }
            Tag::TableCell => self.cell = Some(Inline::default()),
            Tag::Emphasis => self.inline().open(SpanStyle::Emphasis),
            Tag::Strong => self.inline().open(SpanStyle::Strong),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                if !is_web_url(&dest_url) {
                    let url = dest_url.to_string();
                    self.problem(ProblemKind::LinkUrl { url }, range);
                }
                self.links.push(dest_url.to_string());
                let style = SpanStyle::Link(dest_url.to_string().into_boxed_str());
                self.inline().open(style);
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph if self.table.is_none() => self.finish_inline(),
            TagEnd::Heading(_) => {
                self.inline().close();
                self.finish_inline();
            }
            TagEnd::BlockQuote(_) => {
                self.finish_inline();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::CodeBlock => {
                let code = self.code.take().unwrap_or_default();
                // A code block cannot carry an item's marker: it hangs in
                // the indent like the item's later blocks.
                self.item = None;
                let nest = self.nest(false);
                let text = code.strip_suffix('\n').unwrap_or(&code).to_owned();
                self.blocks.push(Block {
                    kind: BlockKind::Code,
                    text,
                    nest,
                    ..Block::default()
                });
            }
            TagEnd::List(_) => {
                self.finish_inline();
                self.lists.pop();
            }
            TagEnd::Item => {
                if self.item.is_some() {
                    // An empty item still shows its marker.
                    self.inline();
                }
                self.finish_inline();
            }
            TagEnd::Table => {
                let rows = self.table.take().unwrap_or_default();
                let nest = self.nest(false);
                self.blocks.push(Block {
                    kind: BlockKind::Table,
                    nest,
                    table: Some(Box::new(Table { rows })),
                    ..Block::default()
                });
            }
            TagEnd::TableCell => {
                let inline = self.cell.take().unwrap_or_default();
                let (text, spans) = self.finish_text(inline);
                if let Some(row) = self.table.as_mut().and_then(|rows| rows.last_mut()) {
                    row.push(Cell { text, spans });
                }
            }
            TagEnd::Emphasis | TagEnd::Strong => {
                self.inline().close();
            }
            TagEnd::Link | TagEnd::Image => {
                let url = self.links.pop().unwrap_or_default();
                let inline = self.inline();
                if inline.close().is_some_and(|r| r.is_empty()) {
                    inline.push_styled(&url, SpanStyle::Link(url.clone().into_boxed_str()));
                }
            }
            _ => {}
        }
    }
}

fn number_width(n: u32) -> u16 {
    n.checked_ilog10()
        .map_or(1, |digits| to_u16(digits as usize) + 1)
}

/// Cells in a table row's source line: `|` not escaped nor in code,
/// outer ones not counted.
fn source_cells(row: &str) -> usize {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = match row.strip_suffix('|') {
        Some(inner) if !inner.ends_with('\\') => inner,
        _ => row,
    };
    let (mut cells, mut escaped, mut code) = (1, false, false);
    for c in row.chars() {
        match c {
            '\\' if !escaped => {
                escaped = true;
                continue;
            }
            '`' if !escaped => code = !code,
            '|' if !escaped && !code => cells += 1,
            _ => {}
        }
        escaped = false;
    }
    cells
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
