//! Plain-text tables aligned by display width (a Japanese title takes two
//! columns a character), shared by `list` and `progress`.

use terakoya_core::text::width::str_width;

/// Columns a cell takes on a terminal (`str_width` measures as terminals
/// draw, half-width sound marks included: ids such as `ｶﾞ` keep them).
fn cell_width(cell: &str) -> usize {
    str_width(cell)
}

/// The rows as lines: every cell padded to its column's widest, columns two
/// spaces apart, those in `right_aligned` flush right (counts); no trailing
/// spaces.
pub fn aligned<const N: usize>(rows: &[[String; N]], right_aligned: &[usize]) -> String {
    let widths: Vec<usize> = (0..N)
        .map(|col| rows.iter().map(|r| cell_width(&r[col])).max().unwrap_or(0))
        .collect();
    rows.iter()
        .map(|row| line(row, &widths, right_aligned))
        .collect()
}

fn line(row: &[String], widths: &[usize], right_aligned: &[usize]) -> String {
    let mut line = String::new();
    for (col, (cell, width)) in row.iter().zip(widths).enumerate() {
        let gap = " ".repeat(width.saturating_sub(cell_width(cell)));
        if right_aligned.contains(&col) {
            line.push_str(&gap);
            line.push_str(cell);
        } else {
            line.push_str(cell);
            line.push_str(&gap);
        }
        line.push_str("  ");
    }
    format!("{}\n", line.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_width_kana_take_their_terminal_width() {
        assert_eq!(cell_width("ｶﾞ"), 2);
        assert_eq!(cell_width("ﾊﾟﾝ"), 3);
        assert_eq!(cell_width("医師"), 4);
        let rows = [["ｶﾞ", "x"].map(String::from), ["ab", "y"].map(String::from)];
        assert_eq!(aligned(&rows, &[]), "ｶﾞ  x\nab  y\n");
    }
}
