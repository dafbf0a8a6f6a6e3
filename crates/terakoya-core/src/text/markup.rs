//! The light markup of text fields: blank lines separate paragraphs, a line
//! starting with `- ` or `・` is a list item, and a single newline inside a
//! paragraph is a soft break (a space between Latin words, nothing where
//! either side is CJK). A line that starts with an ideographic space U+3000
//! (字下げ, the way Japanese prose marks a paragraph) starts a new
//! paragraph, which keeps one U+3000 at its start.

use crate::model::{Block, BlockKind, Text};
use crate::text::chars::{IDEOGRAPHIC_SPACE, is_cjk};

/// Parses a text field. The input must already be sanitised (no CR, no
/// control characters); leading and trailing whitespace of lines is dropped.
pub fn parse(raw: &str) -> Text {
    let mut blocks: Vec<Block> = Vec::new();
    // The open block: its kind and its lines, joined (into a string of the
    // right size) when a blank line, a list item or the end closes it.
    let mut open: Option<BlockKind> = None;
    // Whether the open block is an indented paragraph.
    let mut indent = false;
    let mut pieces: Vec<&str> = Vec::new();
    for raw_line in lines(raw) {
        let line = trim(raw_line);
        if line.is_empty() {
            close(&mut blocks, open.take(), &mut pieces, indent);
            continue;
        }
        if let Some((kind, item)) = list_item(line) {
            close(&mut blocks, open.replace(kind), &mut pieces, indent);
            indent = false;
            pieces.push(item);
            continue;
        }
        if is_indented(raw_line) {
            close(
                &mut blocks,
                open.replace(BlockKind::Paragraph),
                &mut pieces,
                indent,
            );
            indent = true;
        } else if open.is_none() {
            open = Some(BlockKind::Paragraph);
            indent = false;
        }
        pieces.push(line);
    }
    close(&mut blocks, open, &mut pieces, indent);
    Text { blocks }
}

/// The paragraph indent of Japanese prose.
const INDENT: &str = "\u{3000}";

/// Whether `line` starts with [`INDENT`] (after any ASCII spaces and tabs,
/// which TOML authors may use to line text up).
fn is_indented(line: &str) -> bool {
    line.trim_start_matches([' ', '\t'])
        .starts_with(IDEOGRAPHIC_SPACE)
}

/// The lines of `raw`, split at LF with memchr (a text field is mostly
/// long lines of Japanese, so the search dominates).
fn lines(raw: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', raw.as_bytes())
        .chain(std::iter::once(raw.len()))
        .map(move |end| {
            // LF is ASCII, so both ends are char boundaries.
            let line = raw.get(start..end).unwrap_or_default();
            start = end + 1;
            line
        })
}

/// `line.trim()`, answered from a look at the bytes at each end when
/// neither can be whitespace (most lines: CJK text never is, but for
/// U+3000).
pub fn trim(line: &str) -> &str {
    let bytes = line.as_bytes();
    if may_start_with_space(bytes) || may_end_with_space(bytes) {
        line.trim()
    } else {
        line
    }
}

/// Whether `bytes` may start with a char of Unicode's White_Space: ASCII
/// ones, and those led by C2 (U+0085, U+00A0), E1 (U+1680), E2
/// (U+2000..U+205F) or E3 80 80 (U+3000). A superset.
fn may_start_with_space(bytes: &[u8]) -> bool {
    match bytes {
        [] => true,
        [first, ..] if first.is_ascii() => is_ascii_space(*first),
        [0xC2 | 0xE1 | 0xE2, ..] | [0xE3, 0x80, 0x80, ..] => true,
        _ => false,
    }
}

/// [`may_start_with_space`] at the other end.
fn may_end_with_space(bytes: &[u8]) -> bool {
    match bytes {
        [] => true,
        [.., last] if last.is_ascii() => is_ascii_space(*last),
        [.., 0xC2, _] | [.., 0xE1 | 0xE2, _, _] | [.., 0xE3, 0x80, 0x80] => true,
        _ => false,
    }
}

/// ASCII White_Space: TAB, LF, VT, FF, CR and space.
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ')
}

/// Closes the open block of `kind`, if any: its lines joined by soft breaks,
/// after [`INDENT`] when `indent`.
fn close(blocks: &mut Vec<Block>, kind: Option<BlockKind>, pieces: &mut Vec<&str>, indent: bool) {
    let Some(kind) = kind else { return };
    let bytes: usize = pieces.iter().map(|p| p.len()).sum();
    let mut text = String::with_capacity(bytes + pieces.len() + INDENT.len());
    if indent {
        text.push_str(INDENT);
    }
    let mut rest = pieces.drain(..);
    text.push_str(rest.next().unwrap_or_default());
    for next in rest {
        join_soft_break(&mut text, next);
    }
    blocks.push(Block::plain(kind, text));
}

/// The kind of list item `line` is (by the marker its author wrote) and
/// its text, if it is one.
fn list_item(line: &str) -> Option<(BlockKind, &str)> {
    let (kind, rest) = match line.strip_prefix("- ") {
        Some(rest) => (BlockKind::DashListItem, rest),
        None => (BlockKind::ListItem, line.strip_prefix('・')?),
    };
    Some((kind, rest.trim_start()))
}

/// Appends `next` after a soft break: with a space unless either side is CJK.
fn join_soft_break(text: &mut String, next: &str) {
    let before = text.chars().next_back();
    let after = next.chars().next();
    let cjk = before.is_some_and(is_cjk) || after.is_some_and(is_cjk);
    if !cjk {
        text.push(' ');
    }
    text.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_and_texts(raw: &str) -> Vec<(BlockKind, String)> {
        parse(raw)
            .blocks
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn soft_breaks_join_with_space_only_between_latin_words() {
        assert_eq!(
            kinds_and_texts("Read the\nlesson.\n\n医師は学び続ける。\n毎日少しずつ。"),
            vec![
                (BlockKind::Paragraph, "Read the lesson.".into()),
                (
                    BlockKind::Paragraph,
                    "医師は学び続ける。毎日少しずつ。".into()
                ),
            ]
        );
    }

    #[test]
    fn list_items_take_dash_or_nakaguro() {
        assert_eq!(
            kinds_and_texts("Intro\n- one\n- two\n・三つ目"),
            vec![
                (BlockKind::Paragraph, "Intro".into()),
                (BlockKind::DashListItem, "one".into()),
                (BlockKind::DashListItem, "two".into()),
                (BlockKind::ListItem, "三つ目".into()),
            ]
        );
    }

    /// The parser as first written, one line and one push at a time: what
    /// [`parse`] (which sizes each block's string first) must agree with.
    fn parse_slowly(raw: &str) -> Text {
        let mut blocks: Vec<Block> = Vec::new();
        let mut open = false;
        for raw_line in raw.lines() {
            let line = raw_line.trim();
            if line.is_empty() {
                open = false;
                continue;
            }
            if let Some((kind, item)) = list_item(line) {
                blocks.push(Block {
                    kind,
                    text: item.to_owned(),
                    ..Block::default()
                });
                open = true;
                continue;
            }
            let indented = raw_line
                .trim_start_matches([' ', '\t'])
                .starts_with('\u{3000}');
            match blocks.last_mut() {
                _ if indented => blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    text: format!("\u{3000}{line}"),
                    ..Block::default()
                }),
                Some(block) if open => join_soft_break(&mut block.text, line),
                _ => blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    text: line.to_owned(),
                    ..Block::default()
                }),
            }
            open = true;
        }
        Text { blocks }
    }

    #[test]
    fn edge_cases_agree_with_the_reference() {
        for raw in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "・",
            "・\nabc",
            "- \nx",
            "-\nx",
            "a\n\n\n- b\n c \n\n",
            "  \u{3000}\n　あ　\n",
            "- a\n- b\nc\n\nd\ne",
        ] {
            assert_eq!(parse(raw), parse_slowly(raw), "{raw:?}");
        }
    }

    #[test]
    fn trim_is_str_trim_around_every_char() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            for line in [format!("{c}"), format!("{c}あ{c}"), format!("x{c}")] {
                assert_eq!(trim(&line), line.trim(), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn trim_is_str_trim() {
        for line in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{3000}あ\u{3000}",
            "あ。",
            "\u{85}x\u{A0}",
            "x\t",
        ] {
            assert_eq!(trim(line), line.trim(), "{line:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn trim_agrees_with_str_trim(line in "\\PC{0,3}[ \t\u{3000}\u{2028}\u{85}]?\\PC{0,3}") {
            proptest::prop_assert_eq!(trim(&line), line.trim());
        }

        #[test]
        fn parse_agrees_with_the_reference(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "あ", "。", "word", " ", "　", "\n", "\n\n", "- ", "・", "-", "\t", "（", "x y",
                ]),
                0..60,
            )
        ) {
            let raw = pieces.concat();
            proptest::prop_assert_eq!(parse(&raw), parse_slowly(&raw));
        }
    }

    #[test]
    fn an_ideographic_space_at_a_line_start_indents_a_new_paragraph() {
        assert_eq!(
            kinds_and_texts(
                "　研修医の一日。\n夜まで続く。\n　二段落目。\n\n  　三つ目。\n- 項目\n　四つ目。"
            ),
            vec![
                (BlockKind::Paragraph, "　研修医の一日。夜まで続く。".into()),
                (BlockKind::Paragraph, "　二段落目。".into()),
                (BlockKind::Paragraph, "　三つ目。".into()),
                (BlockKind::DashListItem, "項目".into()),
                (BlockKind::Paragraph, "　四つ目。".into()),
            ]
        );
        // More than one U+3000 is one indent; a line of spaces is blank.
        assert_eq!(
            kinds_and_texts("　　あ\n　\nい"),
            vec![
                (BlockKind::Paragraph, "　あ".into()),
                (BlockKind::Paragraph, "い".into()),
            ]
        );
    }

    #[test]
    fn mixed_cjk_and_latin_soft_break_has_no_space() {
        assert_eq!(kinds_and_texts("SNSの\nuse")[0].1, "SNSのuse");
        assert_eq!(kinds_and_texts("use\nする")[0].1, "useする");
    }
}
