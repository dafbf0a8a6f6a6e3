//! A match shown in context: the text around it cut to a width (the
//! reader's library results and `terakoya search` on a terminal).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::text::width::{grapheme_width, str_width};

/// `text` cut to `columns` around the bytes `matched`: the match whole when
/// it fits, some text before it, as much after as fits, `mark` at each cut;
/// never inside a character cluster. Also where the match is in the result.
pub fn excerpt(
    text: &str,
    matched: Range<usize>,
    columns: usize,
    mark: &str,
) -> (String, Range<usize>) {
    let graphemes: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
    if str_width(text) <= columns {
        return (text.to_owned(), matched);
    }
    let first = graphemes.partition_point(|(at, _)| *at < matched.start);
    let after = graphemes.partition_point(|(at, _)| *at < matched.end);
    let room = columns.saturating_sub(2 * str_width(mark));
    let width = |range: Range<usize>| -> usize {
        graphemes[range]
            .iter()
            .map(|(_, g)| grapheme_width(g))
            .sum()
    };
    let mut used = width(first..after);
    // A third of what is left goes before the match.
    let lead = room.saturating_sub(used) / 3;
    let mut start = first;
    let mut lead_used = 0;
    while start > 0 {
        let w = grapheme_width(graphemes[start - 1].1);
        if lead_used + w > lead {
            break;
        }
        lead_used += w;
        start -= 1;
    }
    used += lead_used;
    let mut end = after;
    while end < graphemes.len() {
        let w = grapheme_width(graphemes[end].1);
        if used + w > room {
            break;
        }
        used += w;
        end += 1;
    }
    let byte = |i: usize| graphemes.get(i).map_or(text.len(), |(at, _)| *at);
    let mut out = String::new();
    if start > 0 {
        out.push_str(mark);
    }
    let shift = out.len();
    out.push_str(&text[byte(start)..byte(end)]);
    if end < graphemes.len() {
        out.push_str(mark);
    }
    let from = byte(start);
    let local =
        matched.start.max(from) - from + shift..matched.end.min(byte(end)).max(from) - from + shift;
    (out, local)
}
