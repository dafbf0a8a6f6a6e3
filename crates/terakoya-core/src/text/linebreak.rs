//! Greedy (first-fit) line breaking over Unicode line-break opportunities
//! (UAX #14, from `unicode-linebreak`) with Japanese kinsoku rules.
//!
//! The rules, in order:
//! - A line ends at the last opportunity that fits, where UAX #14 allows a
//!   break and kinsoku allows it too (the character after is not a
//!   no-start character, the last non-space one before is not a no-end
//!   character). When kinsoku forbids the break that would fit, the break
//!   moves earlier and the previous character goes down to the next line
//!   (oidashi): a line never gets wider to keep a character.
//! - A run with no opportunity that is wider than the line (a URL, a long
//!   word, a stretch of text the rules forbid breaking) is broken at the
//!   last grapheme boundary that fits, moved earlier to the nearest one that
//!   satisfies kinsoku if there is one in the line; only when no boundary in
//!   the line satisfies it (e.g. a run of closing brackets longer than the
//!   line) does a line begin with a no-start or end with a no-end character.
//! - Breaks fall only between grapheme clusters, so a wide character or an
//!   emoji sequence is never split. A single grapheme wider than the line
//!   (a two-column character at width 1) gets a line of its own, marked
//!   `oversized`; whoever draws it shows [`PLACEHOLDER`] instead.
//! - Break spaces — the space U+0020 and the ideographic (full-width)
//!   space U+3000 — at a break belong to no line: they are trimmed from the
//!   end of the line (so a trailing U+3000 never pushes a line over the
//!   width) and never start the next one. Inside a line they are kept, two
//!   columns for U+3000. A text's leading break spaces are dropped too,
//!   but for one U+3000 at the very start (字下げ, the indent of a Japanese
//!   paragraph, see [`crate::text::markup`]), which stays on the first line
//!   when the width leaves room for it and a character ([`INDENT_MIN`]);
//!   no break falls right after it. Other spaces, such as the no-break
//!   space, are text.

use std::iter::Peekable;
use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;

use crate::text::kinsoku::may_break;
use crate::text::width::{char_width, grapheme_width, is_simple, str_width};

/// Drawn instead of a grapheme too wide for the whole line: one column.
pub const PLACEHOLDER: &str = "?";

/// Calls `emit(range, oversized)` for each line of `text` broken to
/// `width` columns (at least 1), in order; always at least one line.
/// `oversized` lines are a single grapheme wider than `width`.
pub fn break_lines(text: &str, width: usize, emit: impl FnMut(Range<usize>, bool)) {
    break_lines_with(text, width, true, &[], emit);
}

/// [`break_lines`] with no break inside the `keep` ranges (sorted by
/// start): ruby groups and inline code. A kept range wider than the line
/// is still cut, as any run without an opportunity.
pub fn break_lines_keeping(
    text: &str,
    width: usize,
    keep: &[Range<usize>],
    emit: impl FnMut(Range<usize>, bool),
) {
    break_lines_with(text, width, true, keep, emit);
}

/// [`break_lines`], optionally without the ideograph shortcut (the tests
/// check that both give the same lines).
fn break_lines_with(
    text: &str,
    width: usize,
    skip_ideographs: bool,
    keep: &[Range<usize>],
    emit: impl FnMut(Range<usize>, bool),
) {
    let mut breaker = Breaker {
        skip_ideographs,
        keep,
        kept: 0,
        text,
        width: width.max(1),
        emit,
        opportunities: Some(opportunities_from(text, 0).peekable()),
        restart: opportunities_from,
        previous: None,
        line_start: 0,
        used: 0,
        last_break: None,
        before: None,
        emitted: false,
        indent_end: 0,
    };
    place_units(&mut breaker, text);
    breaker.finish();
}

/// UAX #14 break opportunities in `text` from byte `from` on, as offsets
/// into `text`. Starting at `from` gives the same answers as running from
/// the start only where the state machine forgets the past: after an
/// ideographic char (see [`is_ideographic`]).
fn opportunities_from(
    text: &str,
    from: usize,
) -> impl Iterator<Item = (usize, BreakOpportunity)> + '_ {
    let rest = text.get(from..).unwrap_or("");
    linebreaks(rest).map(move |(at, kind)| (at + from, kind))
}

/// Chars of UAX #14 class ID, between two of which the breaker skips the
/// UAX #14 state machine (the costliest part of breaking Japanese text):
/// see [`crate::text::chars::is_ideographic`].
pub use crate::text::chars::is_ideographic;

/// Feeds every grapheme of `text` to the breaker.
///
/// Fast path: char by char while the text is simple (each char its own
/// grapheme). A char is placed only once the next one is known to be simple
/// too; at the first that is not, the rest (from the char before it, a
/// grapheme boundary) goes grapheme by grapheme.
fn place_units<F, I>(breaker: &mut Breaker<'_, F, I>, text: &str)
where
    F: FnMut(Range<usize>, bool),
    I: Iterator<Item = (usize, BreakOpportunity)>,
{
    let mut pending: Option<(usize, char)> = None;
    for (at, c) in text.char_indices() {
        if !is_simple(c) {
            let from = pending.map_or(at, |(start, _)| start);
            let rest = text.get(from..).unwrap_or("");
            for (offset, g) in rest.grapheme_indices(true) {
                let start = from + offset;
                breaker.unit(start, start + g.len(), grapheme_width(g), base_char(g));
            }
            return;
        }
        if let Some((start, p)) = pending {
            breaker.unit(start, at, char_width(p), p);
        }
        pending = Some((at, c));
    }
    if let Some((start, p)) = pending {
        breaker.unit(start, text.len(), char_width(p), p);
    }
}

/// Breaks `text` into lines of at most `width` columns; returns byte ranges
/// into `text`. A range is wider than `width` only when it is one grapheme
/// wider than the whole line: draw it with [`shown`].
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    break_lines(text, width, |range, _| lines.push(range));
    lines
}

/// What to draw for the line `range` of `text` at `width`: the text, or the
/// [`PLACEHOLDER`] when it is a grapheme too wide to fit.
pub fn shown(text: &str, range: Range<usize>, width: usize) -> &str {
    let line = text.get(range).unwrap_or("");
    if str_width(line) > width.max(1) {
        PLACEHOLDER
    } else {
        line
    }
}

/// The ideographic space: two columns, a break space like U+0020.
pub use crate::text::chars::IDEOGRAPHIC_SPACE;

/// Whether `c` belongs to no line when it falls at a break.
pub fn is_space(c: char) -> bool {
    c == ' ' || c == '\n' || c == IDEOGRAPHIC_SPACE
}

/// The char that stands for a grapheme in the kinsoku rules: its first,
/// except that a space carrying combining marks is a visible mark, not a
/// space, and is represented by its first mark.
fn base_char(g: &str) -> char {
    g.chars().find(|&c| !is_space(c)).unwrap_or(' ')
}

struct Breaker<'a, F, I: Iterator<Item = (usize, BreakOpportunity)>> {
    text: &'a str,
    /// Ranges with no break inside, sorted by start; `kept` is the first
    /// that may still hold a later offset.
    keep: &'a [Range<usize>],
    kept: usize,
    width: usize,
    emit: F,
    /// UAX #14 opportunities; `None` after a pair of ideographic chars was
    /// judged without them (restarted from the last unit when needed).
    opportunities: Option<Peekable<I>>,
    restart: fn(&'a str, usize) -> I,
    skip_ideographs: bool,
    /// Start and char of the previous unit, spaces included.
    previous: Option<(usize, char)>,
    /// Byte offset where the current line starts (never at a space).
    line_start: usize,
    /// Columns from `line_start` to the current unit, spaces included.
    used: usize,
    /// The last acceptable break in this line: (offset, `used` there).
    last_break: Option<(usize, usize)>,
    /// First char of the last non-space unit.
    before: Option<char>,
    emitted: bool,
    /// End of the paragraph indent kept on the first line (0 when none).
    indent_end: usize,
}

/// The narrowest width that keeps a paragraph's indent: the indent and one
/// character of any width.
pub const INDENT_MIN: usize = 4;

impl<F, I> Breaker<'_, F, I>
where
    F: FnMut(Range<usize>, bool),
    I: Iterator<Item = (usize, BreakOpportunity)>,
{
    /// Places one grapheme (`start..end`, `width` columns, first char `c`).
    fn unit(&mut self, start: usize, end: usize, width: usize, c: char) {
        let previous = self.previous.replace((start, c));
        if is_space(c) {
            // The state machine must see the space: restart it at the
            // ideographic char before, while that is still known.
            self.restart_if_stale(previous);
            if start == 0 && self.is_indent(end) && self.width >= INDENT_MIN {
                self.indent_end = end;
                self.used += width;
            } else if start == self.line_start {
                self.line_start = end; // a line never starts with a space
            } else {
                self.used += width;
            }
            return;
        }
        self.note_opportunity(start, c, previous);
        while self.used + width > self.width && start > self.line_start {
            match self.last_break.take() {
                Some((at, used)) => {
                    self.end_line(at, false);
                    self.used -= used;
                }
                None => self.force_break(start, c),
            }
        }
        if width > self.width {
            self.end_line(end, true);
            self.before = None;
            return;
        }
        self.used += width;
        self.before = Some(c);
    }

    /// Whether the first unit, ending at `end`, is a paragraph indent: a lone
    /// U+3000 (the grapheme path represents spaces by U+0020) with text, not
    /// another space, after it.
    fn is_indent(&self, end: usize) -> bool {
        let lone = self.text.get(..end).is_some_and(|unit| {
            let mut chars = unit.chars();
            chars.next() == Some(IDEOGRAPHIC_SPACE) && chars.next().is_none()
        });
        let next = self.text.get(end..).and_then(|rest| rest.chars().next());
        lone && next.is_some_and(|c| !is_space(c))
    }

    /// Records a break before `start` if UAX #14 and kinsoku both allow it.
    fn note_opportunity(&mut self, start: usize, c: char, previous: Option<(usize, char)>) {
        // The previous unit must be the ideograph alone: one with a joiner
        // or marks attached is in another UAX #14 state.
        let ideographs = self.skip_ideographs
            && previous.is_some_and(|(at, p)| is_ideographic(p) && start - at == p.len_utf8())
            && is_ideographic(c);
        let kind = if ideographs {
            self.opportunities = None;
            Some(BreakOpportunity::Allowed)
        } else {
            self.uax14_at(start, previous)
        };
        let Some(kind) = kind else { return };
        if start == self.line_start || start == self.indent_end || self.is_kept(start) {
            return;
        }
        if kind == BreakOpportunity::Mandatory {
            self.end_line(start, false);
            self.used = 0;
        } else if self.before.is_none_or(|before| may_break(before, c)) {
            self.last_break = Some((start, self.used));
        }
    }

    /// Whether `start` is strictly inside a range to keep whole.
    fn is_kept(&mut self, start: usize) -> bool {
        while self.keep.get(self.kept).is_some_and(|r| r.end <= start) {
            self.kept += 1;
        }
        self.keep[self.kept..]
            .iter()
            .take_while(|r| r.start < start)
            .any(|r| r.end > start)
    }

    /// The UAX #14 opportunity before `start`, if any.
    fn uax14_at(
        &mut self,
        start: usize,
        previous: Option<(usize, char)>,
    ) -> Option<BreakOpportunity> {
        let opportunities = self.restart_if_stale(previous);
        while opportunities.next_if(|&(at, _)| at < start).is_some() {}
        match opportunities.peek() {
            Some(&(at, kind)) if at == start => Some(kind),
            _ => None,
        }
    }

    /// The UAX #14 iterator, restarted at the `previous` unit if it was
    /// skipped (it was then ideographic, where a restart is exact).
    fn restart_if_stale(&mut self, previous: Option<(usize, char)>) -> &mut Peekable<I> {
        let (restart, text) = (self.restart, self.text);
        self.opportunities.get_or_insert_with(|| {
            let from = previous.map_or(0, |(at, _)| at);
            restart(text, from).peekable()
        })
    }

    /// Breaks a line that has no acceptable opportunity before `start`,
    /// where the unit starting with `next` does not fit.
    fn force_break(&mut self, start: usize, next: char) {
        let clean_here = self.before.is_none_or(|before| may_break(before, next));
        let at = if clean_here {
            Some(start)
        } else {
            self.last_clean_boundary(start, next, true)
                .or_else(|| self.last_clean_boundary(start, next, false))
        };
        // The indent gives way before a line would hold it alone or break
        // the kinsoku rules (only on absurdly narrow lines).
        if self.line_start == 0 && self.indent_end > 0 && at.is_none_or(|at| at <= self.indent_end)
        {
            self.line_start = self.skip_spaces(self.indent_end);
            self.used = str_width(self.text.get(self.line_start..start).unwrap_or(""));
            return;
        }
        self.end_line(at.unwrap_or(start), false);
        let rest = self.text.get(self.line_start..start).unwrap_or("");
        self.used = str_width(rest);
    }

    /// The last grapheme boundary inside the current line, before `start`
    /// (where the unit beginning with `next` waits), at which kinsoku
    /// allows a break, judging by the non-space characters around it.
    /// With `outside_kept`, only boundaries outside the ranges to keep.
    fn last_clean_boundary(&self, start: usize, next: char, outside_kept: bool) -> Option<usize> {
        if outside_kept && self.keep.is_empty() {
            return None;
        }
        let line = self.text.get(self.line_start..start)?;
        let units: Vec<(usize, char)> = line
            .grapheme_indices(true)
            .map(|(at, g)| (self.line_start + at, base_char(g)))
            .collect();
        let mut solid_before = Vec::with_capacity(units.len());
        let mut last = None;
        for &(_, c) in &units {
            solid_before.push(last);
            if !is_space(c) {
                last = Some(c);
            }
        }
        let mut solid_after = next;
        for (index, &(at, c)) in units.iter().enumerate().skip(1).rev() {
            if !is_space(c) {
                solid_after = c;
            }
            let before = solid_before.get(index).copied().flatten();
            let kept = outside_kept && self.keep.iter().any(|r| r.start < at && at < r.end);
            if !kept && before.is_some_and(|before| may_break(before, solid_after)) {
                return Some(at);
            }
        }
        None
    }

    /// Emits the current line up to `end` (trailing spaces trimmed) and
    /// starts the next one there (leading spaces skipped).
    fn end_line(&mut self, end: usize, oversized: bool) {
        let line = self.text.get(self.line_start..end).unwrap_or("");
        let trimmed = line.trim_end_matches(is_space);
        (self.emit)(self.line_start..self.line_start + trimmed.len(), oversized);
        self.emitted = true;
        self.line_start = self.skip_spaces(end);
        self.last_break = None;
    }

    /// The first offset at or after `at` that is not a space grapheme.
    fn skip_spaces(&self, at: usize) -> usize {
        let rest = self.text.get(at..).unwrap_or("");
        let solid = rest.trim_start_matches(is_space);
        let start = at + rest.len() - solid.len();
        if start == at || solid.chars().next().is_none_or(is_simple) {
            return start;
        }
        // The last space may carry combining marks that follow it.
        let space_len = self
            .text
            .get(..start)
            .and_then(|before| before.chars().next_back())
            .map_or(1, char::len_utf8);
        let last_space = self.text.get(start - space_len..).unwrap_or("");
        match last_space.graphemes(true).next() {
            Some(g) if g.len() > space_len => start - space_len,
            _ => start,
        }
    }

    fn finish(mut self) {
        if self.line_start < self.text.len() || !self.emitted {
            self.end_line(self.text.len(), false);
        }
    }
}

#[cfg(test)]
#[path = "linebreak_tests.rs"]
mod tests;
