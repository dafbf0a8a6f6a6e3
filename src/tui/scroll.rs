//! Pure offset arithmetic for scrolled views: a view of `height` rows over
//! `len` lines, its first visible line `top`.

/// The largest useful `top`: the last line sits on the last row (and with
/// no rows at all, `top` still names a line).
pub fn max_top(len: usize, height: usize) -> usize {
    len.saturating_sub(height.max(1))
}

pub fn clamp_top(top: usize, len: usize, height: usize) -> usize {
    top.min(max_top(len, height))
}

/// Moves `top` by `delta` lines, clamped to the content.
pub fn scroll_by(top: usize, delta: isize, len: usize, height: usize) -> usize {
    clamp_top(top.saturating_add_signed(delta), len, height)
}

/// How far a page moves: the view's height less one line kept for context
/// (as less does with a window of overlap), at least one line.
pub fn page(height: usize) -> usize {
    height.saturating_sub(1).max(1)
}

/// The `top` that shows the lines `start..end` (a cursor item), moving as
/// little as possible; an item taller than the view shows its start.
pub fn keep_visible(top: usize, start: usize, end: usize, height: usize) -> usize {
    if height == 0 || start < top {
        return start;
    }
    let end = end.max(start + 1);
    if end > top + height {
        return (end - height).min(start);
    }
    top
}

/// How far through the content the view's bottom is, in percent.
pub fn percent(top: usize, len: usize, height: usize) -> usize {
    if len == 0 || top + height >= len {
        return 100;
    }
    (top + height) * 100 / len
}

/// Moves a cursor over `count` items by `delta`, clamped.
pub fn move_cursor(cursor: usize, delta: isize, count: usize) -> usize {
    cursor
        .saturating_add_signed(delta)
        .min(count.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stops_at_both_ends() {
        assert_eq!(scroll_by(0, -3, 100, 10), 0);
        assert_eq!(scroll_by(85, 10, 100, 10), 90);
        assert_eq!(scroll_by(5, 3, 100, 10), 8);
        // Content shorter than the view never scrolls.
        assert_eq!(scroll_by(0, 5, 4, 10), 0);
        assert_eq!(clamp_top(50, 0, 0), 0);
        assert_eq!(clamp_top(50, 10, 0), 9);
    }

    #[test]
    fn a_page_keeps_one_line_of_context() {
        assert_eq!(page(24), 23);
        assert_eq!(page(1), 1);
        assert_eq!(page(0), 1);
    }

    #[test]
    fn keep_visible_moves_the_least() {
        // Already visible: no move.
        assert_eq!(keep_visible(10, 12, 14, 10), 10);
        // Above: the item becomes the first line.
        assert_eq!(keep_visible(10, 4, 6, 10), 4);
        // Below: the item's end becomes the last line.
        assert_eq!(keep_visible(0, 12, 14, 10), 4);
        // Taller than the view: its start shows.
        assert_eq!(keep_visible(0, 12, 30, 10), 12);
        assert_eq!(keep_visible(3, 5, 6, 0), 5);
    }

    #[test]
    fn percent_reaches_100_at_the_end() {
        assert_eq!(percent(0, 100, 10), 10);
        assert_eq!(percent(90, 100, 10), 100);
        assert_eq!(percent(0, 5, 10), 100);
        assert_eq!(percent(0, 0, 0), 100);
    }

    #[test]
    fn cursor_moves_within_items() {
        assert_eq!(move_cursor(0, -1, 5), 0);
        assert_eq!(move_cursor(3, 4, 5), 4);
        assert_eq!(move_cursor(0, 1, 0), 0);
    }
}
