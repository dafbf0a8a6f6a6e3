//! The candidate of issue 9: textwrap's line fillers
//! (`textwrap::wrap_algorithms`) over the fragments of terakoya's
//! Japanese-aware segmentation, measured against terakoya's own fused
//! first-fit breaker (`text::linebreak`).
//!
//! The segmenter cuts a text where the breaker may break: a UAX #14
//! opportunity (skipped between two ideographic chars, where it always is,
//! as the breaker does) that kinsoku allows, judged by the last non-space
//! char before and the char after. Break spaces after a fragment are its
//! whitespace; a space where no break is allowed stays inside the word. A
//! run wider than the line is cut into pieces of the line's width (the
//! breaker moves such a cut earlier to a kinsoku-clean boundary; the bench
//! text has no such run at its width, and a test checks that the lines are
//! the breaker's there). Paragraph indents and mandatory breaks are not
//! handled: the bench text has neither.

use std::ops::Range;

use terakoya_core::text::chars::is_ideographic;
use terakoya_core::text::kinsoku::may_break;
use terakoya_core::text::linebreak::is_space;
use terakoya_core::text::width::{char_width, grapheme_width, is_simple};
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};
use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;

/// A word of the segmentation: `word` columns of text, then `space`
/// columns of break spaces; `end` is where the word's text ends.
#[derive(Debug, Clone, Copy)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub word: usize,
    pub space: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.word as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// The pieces of `text` for lines of `width` columns, into `out`.
pub fn segment(text: &str, width: usize, out: &mut Vec<Piece>) {
    out.clear();
    let mut segmenter = Segmenter {
        text,
        width,
        out,
        restart: opportunities_from,
        opportunities: None,
        previous: None,
        before: None,
        current: None,
    };
    if text.chars().all(is_simple) {
        for (at, c) in text.char_indices() {
            segmenter.unit(at, at + c.len_utf8(), char_width(c), c);
        }
    } else {
        for (at, g) in text.grapheme_indices(true) {
            let c = g.chars().find(|&c| !is_space(c)).unwrap_or(' ');
            segmenter.unit(at, at + g.len(), grapheme_width(g), c);
        }
    }
    if let Some(piece) = segmenter.current {
        segmenter.out.push(piece);
    }
}

/// UAX #14 opportunities in `text` from byte `from` on, as offsets into
/// `text` (a restart is exact after an ideographic char).
fn opportunities_from(
    text: &str,
    from: usize,
) -> impl Iterator<Item = (usize, BreakOpportunity)> + '_ {
    let rest = text.get(from..).unwrap_or("");
    linebreaks(rest).map(move |(at, kind)| (at + from, kind))
}

struct Segmenter<'a, 'o, I: Iterator<Item = (usize, BreakOpportunity)>> {
    text: &'a str,
    width: usize,
    out: &'o mut Vec<Piece>,
    restart: fn(&'a str, usize) -> I,
    /// UAX #14 opportunities; `None` after a pair of ideographic chars.
    opportunities: Option<std::iter::Peekable<I>>,
    previous: Option<(usize, char)>,
    /// The last non-space char.
    before: Option<char>,
    current: Option<Piece>,
}

impl<'a, I: Iterator<Item = (usize, BreakOpportunity)>> Segmenter<'a, '_, I> {
    fn unit(&mut self, start: usize, end: usize, width: usize, c: char) {
        let previous = self.previous.replace((start, c));
        if is_space(c) {
            self.stale_opportunities(previous);
            if let Some(piece) = &mut self.current {
                piece.space += width;
            }
            return;
        }
        let allowed = self.opportunity(start, c, previous)
            && self.before.is_none_or(|before| may_break(before, c));
        self.before = Some(c);
        let Some(piece) = &mut self.current else {
            self.current = Some(Piece {
                start,
                end,
                word: width,
                space: 0,
            });
            return;
        };
        let overlong = piece.word + piece.space + width > self.width;
        if allowed || overlong {
            let done = std::mem::replace(
                piece,
                Piece {
                    start,
                    end,
                    word: width,
                    space: 0,
                },
            );
            self.out.push(done);
        } else {
            // A space where no break is allowed is part of the word.
            piece.word += piece.space + width;
            piece.space = 0;
            piece.end = end;
        }
    }

    fn opportunity(&mut self, start: usize, c: char, previous: Option<(usize, char)>) -> bool {
        let ideographs = previous
            .is_some_and(|(at, p)| is_ideographic(p) && start - at == p.len_utf8())
            && is_ideographic(c);
        if ideographs {
            self.opportunities = None;
            return true;
        }
        let opportunities = self.stale_opportunities(previous);
        while opportunities.next_if(|&(at, _)| at < start).is_some() {}
        opportunities.peek().is_some_and(|&(at, _)| at == start)
    }

    fn stale_opportunities(
        &mut self,
        previous: Option<(usize, char)>,
    ) -> &mut std::iter::Peekable<I> {
        let (restart, text) = (self.restart, self.text);
        self.opportunities.get_or_insert_with(|| {
            let from = previous.map_or(0, |(at, _)| at);
            restart(text, from).peekable()
        })
    }
}

/// The lines of `text` at `width`, filled by textwrap's first fit over the
/// pieces (`pieces` is scratch space).
pub fn first_fit_lines(text: &str, width: usize, pieces: &mut Vec<Piece>) -> Vec<Range<usize>> {
    segment(text, width, pieces);
    if pieces.is_empty() {
        return std::iter::once(0..0).collect();
    }
    wrap_first_fit(pieces, &[width as f64])
        .into_iter()
        .map(line_range)
        .collect()
}

/// As [`first_fit_lines`], with textwrap's optimal fit (minimum raggedness).
pub fn optimal_fit_lines(text: &str, width: usize, pieces: &mut Vec<Piece>) -> Vec<Range<usize>> {
    segment(text, width, pieces);
    if pieces.is_empty() {
        return std::iter::once(0..0).collect();
    }
    match wrap_optimal_fit(pieces, &[width as f64], &Penalties::new()) {
        Ok(lines) => lines.into_iter().map(line_range).collect(),
        Err(_) => first_fit_lines(text, width, pieces),
    }
}

fn line_range(line: &[Piece]) -> Range<usize> {
    match (line.first(), line.last()) {
        (Some(first), Some(last)) => first.start..last.end,
        _ => 0..0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use terakoya_core::text::linebreak::wrap;

    #[test]
    fn first_fit_over_the_pieces_gives_the_breakers_lines_on_the_bench_text() {
        let lesson = crate::big_lesson(200 << 10);
        let mut pieces = Vec::new();
        let mut count = 0;
        for width in [20, 40, 80] {
            for text in crate::blocks(&lesson) {
                assert_eq!(
                    first_fit_lines(text, width, &mut pieces),
                    wrap(text, width),
                    "{text}"
                );
                count += 1;
            }
        }
        assert!(count > 100);
    }

    #[test]
    fn latin_words_and_kinsoku_are_kept() {
        let mut pieces = Vec::new();
        let text = "Evidence-based medicine is a habit.「研修」は続く。";
        assert_eq!(first_fit_lines(text, 12, &mut pieces), wrap(text, 12));
        let lines = optimal_fit_lines(crate::LATIN, 30, &mut pieces);
        assert!(lines.iter().all(|l| l.len() <= 30));
    }
}
