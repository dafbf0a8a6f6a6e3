//! The light markup of text fields: blank lines separate paragraphs, a line
//! starting with `- ` or `・` is a list item, and a single newline inside a
//! paragraph is a soft break (a space between Latin words, nothing where
//! either side is CJK).

use crate::model::{Block, BlockKind, Text};
use crate::text::width::is_cjk;

/// Parses a text field. The input must already be sanitised (no CR, no
/// control characters); leading and trailing whitespace of lines is dropped.
pub fn parse(raw: &str) -> Text {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false; // whether the last block may take a soft break
    for line in raw.lines() {
        let line = line.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        if let Some(item) = list_item(line) {
            blocks.push(Block {
                kind: BlockKind::ListItem,
                text: item.to_owned(),
            });
            open = true;
            continue;
        }
        match blocks.last_mut() {
            Some(block) if open => join_soft_break(&mut block.text, line),
            _ => blocks.push(Block {
                kind: BlockKind::Paragraph,
                text: line.to_owned(),
            }),
        }
        open = true;
    }
    Text { blocks }
}

fn list_item(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix('・'))?;
    Some(rest.trim_start())
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
                (BlockKind::ListItem, "one".into()),
                (BlockKind::ListItem, "two".into()),
                (BlockKind::ListItem, "三つ目".into()),
            ]
        );
    }

    #[test]
    fn mixed_cjk_and_latin_soft_break_has_no_space() {
        assert_eq!(kinds_and_texts("SNSの\nuse")[0].1, "SNSのuse");
        assert_eq!(kinds_and_texts("use\nする")[0].1, "useする");
    }
}
