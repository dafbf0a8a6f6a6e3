//! The blocks of format 2 that are not running text: code blocks (cut,
//! never wrapped by the Japanese rules), thematic breaks and tables (laid
//! out by display width, cells wrapped like text, one block per row when
//! too wide).

use std::ops::Range;

use super::part::{Margin, Part};
use super::{CODE_CONTINUES, LineKind, PLACEHOLDER, SourcePos, TABLE_SEPARATOR};
use crate::model::{Block, BlockKind, Cell, Span, SpanStyle, Table};
use crate::text::linebreak::break_lines_keeping;
use crate::text::styled::{display, kept_ranges};
use crate::text::to_u32;
use crate::text::width::{cut, str_width};

/// The narrowest a table column is made before the table falls back to a
/// block per row.
const MIN_COLUMN: usize = 6;

/// Between a row's header and value when a table is shown a row at a time.
const ROW_LABEL: &str = ": ";

/// A cell as displayed: text and spans after the display options.
struct Shown {
    text: String,
    spans: Vec<Span>,
}

impl Part {
    pub(super) fn push_block(&mut self, block: &Block, margin: Margin, pos: SourcePos, width: u16) {
        let available = usize::from(width - margin.indent);
        match block.kind {
            BlockKind::Code => self.push_code(&block.text, margin, pos, available),
            BlockKind::Rule => {
                let rule = "─".repeat(available);
                self.push_line(LineKind::Rule, &rule, margin, pos);
            }
            BlockKind::Table => {
                if let Some(table) = &block.table {
                    self.push_table(table, margin, pos, available);
                }
            }
            _ => {}
        }
    }

    /// Each line of the code as is; a line too wide is cut into pieces
    /// ending with [`CODE_CONTINUES`] (none when the width leaves no room
    /// for it). Leading spaces are kept.
    fn push_code(&mut self, code: &str, margin: Margin, pos: SourcePos, available: usize) {
        let mut line_offset = pos.offset;
        for line in code.split('\n') {
            let mut rest = line;
            loop {
                let offset = line_offset + consumed(line, rest);
                let at = SourcePos { offset, ..pos };
                if str_width(rest) <= available {
                    self.push_line(LineKind::Code, rest, margin, at);
                    break;
                }
                let room = if available >= 2 {
                    available - 1
                } else {
                    available
                };
                let (piece, _) = cut(rest, room);
                if piece.is_empty() {
                    // A grapheme wider than the whole line.
                    let skip = rest.chars().next().map_or(rest.len(), char::len_utf8);
                    self.push_line(LineKind::Code, PLACEHOLDER, margin, at);
                    rest = rest.get(skip..).unwrap_or("");
                    if rest.is_empty() {
                        break;
                    }
                    continue;
                }
                if room < available {
                    let shown = format!("{piece}{CODE_CONTINUES}");
                    self.push_line(LineKind::Code, &shown, margin, at);
                } else {
                    self.push_line(LineKind::Code, piece, margin, at);
                }
                rest = rest.get(piece.len()..).unwrap_or("");
            }
            line_offset += to_u32(line.chars().count()) + 1;
        }
    }

    fn push_table(&mut self, table: &Table, margin: Margin, pos: SourcePos, available: usize) {
        let columns = table.rows.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 {
            return;
        }
        let rows: Vec<Vec<Shown>> = table
            .rows
            .iter()
            .map(|row| (0..columns).map(|c| self.shown(row.get(c))).collect())
            .collect();
        match column_widths(&rows, columns, available) {
            Some(widths) => self.push_grid(&rows, &widths, margin, pos),
            None => self.push_rows(&rows, margin, pos, available),
        }
    }

    fn shown(&self, cell: Option<&Cell>) -> Shown {
        let Some(cell) = cell else {
            return Shown {
                text: String::new(),
                spans: Vec::new(),
            };
        };
        let (text, spans) = display(&cell.text, &cell.spans, self.options);
        Shown {
            text: text.into_owned(),
            spans: spans.into_owned(),
        }
    }

    fn push_grid(&mut self, rows: &[Vec<Shown>], widths: &[usize], margin: Margin, pos: SourcePos) {
        for (index, row) in rows.iter().enumerate() {
            let kind = if index == 0 {
                LineKind::TableHeader
            } else {
                LineKind::TableRow
            };
            let cells: Vec<Vec<Range<usize>>> = row
                .iter()
                .zip(widths)
                .map(|(cell, &width)| wrap_cell(cell, width))
                .collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            for line in 0..height {
                self.push_grid_line(kind, row, &cells, widths, line, margin, pos);
            }
            if index == 0 {
                let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
                let rule = rule.join("─┼─");
                self.push_line(LineKind::TableRule, &rule, margin, pos);
            }
        }
    }

    /// Line `line` of a grid row: each cell's line padded to its column.
    #[allow(clippy::too_many_arguments)]
    fn push_grid_line(
        &mut self,
        kind: LineKind,
        row: &[Shown],
        cells: &[Vec<Range<usize>>],
        widths: &[usize],
        line: usize,
        margin: Margin,
        pos: SourcePos,
    ) {
        let mut text = String::new();
        let mut spans = Vec::new();
        let last = cells.len() - 1;
        for (column, (cell, ranges)) in row.iter().zip(cells).enumerate() {
            if column > 0 {
                text.push_str(TABLE_SEPARATOR);
            }
            let range = ranges.get(line).cloned().unwrap_or(0..0);
            let piece = cell.text.get(range.clone()).unwrap_or("");
            let at = to_u32(text.len());
            for span in &cell.spans {
                let (start, end) = (span.start as usize, span.end as usize);
                if start < range.end && end > range.start {
                    spans.push(Span {
                        start: at + to_u32(start.max(range.start) - range.start),
                        end: at + to_u32(end.min(range.end) - range.start),
                        style: span.style.clone(),
                    });
                }
            }
            text.push_str(piece);
            if column < last {
                let pad = widths[column].saturating_sub(str_width(piece));
                text.extend(std::iter::repeat_n(' ', pad));
            }
        }
        let shown = text.trim_end_matches(' ');
        self.push_line(kind, shown, margin, pos);
        self.style_last_line(0..shown.len(), &spans);
    }

    /// A table too wide: each body row as lines of `header: value`, a
    /// blank line between rows.
    fn push_rows(&mut self, rows: &[Vec<Shown>], margin: Margin, pos: SourcePos, available: usize) {
        let Some((header, body)) = rows.split_first() else {
            return;
        };
        for (index, row) in body.iter().enumerate() {
            if index > 0 {
                self.push_line(LineKind::Blank, "", Margin::at0(), pos);
            }
            for (name, value) in header.iter().zip(row) {
                let mut text = name.text.clone();
                let mut spans = name.spans.clone();
                if !text.is_empty() {
                    spans.push(Span {
                        start: 0,
                        end: to_u32(text.len()),
                        style: SpanStyle::Strong,
                    });
                    text.push_str(ROW_LABEL);
                }
                let shift = to_u32(text.len());
                text.push_str(&value.text);
                spans.extend(value.spans.iter().map(|s| Span {
                    start: s.start + shift,
                    end: s.end + shift,
                    style: s.style.clone(),
                }));
                spans.sort_by_key(|s| s.start);
                let shown = Shown { text, spans };
                for range in wrap_cell(&shown, available) {
                    let line = shown.text.get(range.clone()).unwrap_or(PLACEHOLDER);
                    let line = if str_width(line) > available {
                        PLACEHOLDER
                    } else {
                        line
                    };
                    self.push_line(LineKind::TableRow, line, margin, pos);
                    if line != PLACEHOLDER {
                        self.style_last_line(range, &shown.spans);
                    }
                }
            }
        }
    }
}

/// Columns of the widest run of text without a space or a CJK character
/// (where lines may break).
fn widest_latin_word(text: &str) -> usize {
    let (mut widest, mut run) = (0, 0);
    for c in text.chars() {
        if c.is_whitespace() || crate::text::chars::is_cjk(c) {
            run = 0;
        } else {
            run += crate::text::width::char_width(c);
            widest = widest.max(run);
        }
    }
    widest
}

/// Chars of `line` consumed when `rest` (a suffix) is what is left of it.
fn consumed(line: &str, rest: &str) -> u32 {
    to_u32(
        line.get(..line.len() - rest.len())
            .map_or(0, |done| done.chars().count()),
    )
}

/// The lines of a cell broken to `width`; an empty cell has one empty
/// line. Lines wider than `width` (a grapheme wider than the column)
/// cannot happen: columns are at least two wide.
fn wrap_cell(cell: &Shown, width: usize) -> Vec<Range<usize>> {
    let keep = kept_ranges(&cell.spans);
    let mut lines = Vec::new();
    break_lines_keeping(&cell.text, width, &keep, |range, _| lines.push(range));
    lines
}

/// Column widths that fit `available` with separators: natural widths
/// when they fit, else each column at least [`MIN_COLUMN`] (or its natural
/// width) with the room left shared out; `None` when even that is too
/// wide.
fn column_widths(rows: &[Vec<Shown>], columns: usize, available: usize) -> Option<Vec<usize>> {
    let natural: Vec<usize> = (0..columns)
        .map(|c| {
            let widest = rows.iter().map(|r| str_width(&r[c].text)).max();
            widest.unwrap_or(0).max(1)
        })
        .collect();
    let separators = str_width(TABLE_SEPARATOR) * (columns - 1);
    let room = available.checked_sub(separators)?;
    if natural.iter().sum::<usize>() <= room {
        return Some(natural);
    }
    // A ruby group or inline code is not cut when the column can hold it.
    let widest_kept = |c: usize| {
        let kept = rows.iter().flat_map(|r| {
            let cell = &r[c];
            kept_ranges(&cell.spans)
                .into_iter()
                .map(|k| str_width(cell.text.get(k).unwrap_or("")))
        });
        kept.max().unwrap_or(0)
    };
    // Nor is a Latin word.
    let widest_word = |c: usize| {
        let words = rows.iter().map(|r| widest_latin_word(&r[c].text));
        words.max().unwrap_or(0)
    };
    let mut widths: Vec<usize> = natural
        .iter()
        .enumerate()
        .map(|(c, &n)| n.min(MIN_COLUMN.max(widest_kept(c)).max(widest_word(c))))
        .collect();
    let mut left = room.checked_sub(widths.iter().sum())?;
    while left > 0 {
        let wanting = (0..columns)
            .filter(|&c| widths[c] < natural[c])
            .max_by_key(|&c| natural[c] - widths[c]);
        let Some(column) = wanting else { break };
        widths[column] += 1;
        left -= 1;
    }
    Some(widths)
}
