//! Plain-text articles: paragraphs separated by blank lines (or started by
//! a `　` indent), headings by shape (`■ …`), list lines (`・…`, `1. …`),
//! and a title on the first line.

use crate::block::{Block, escape_block_start, escape_inline, strip_controls, width};
use crate::shape;

/// A first line wider than this is prose, not a title.
const TITLE_MAX_WIDTH: usize = 80;

pub fn read(text: &str) -> Vec<Block> {
    let text = strip_controls(&text.replace("\r\n", "\n").replace('\r', "\n"));
    let mut blocks = Vec::new();
    let mut chunks = text
        .split("\n\n")
        .map(str::trim_end)
        .filter(|c| !c.trim().is_empty())
        .peekable();
    if let Some(first) = chunks.peek()
        && let Some(head) = title_chunk(first)
    {
        blocks.extend(head);
        chunks.next();
    }
    for chunk in chunks {
        read_chunk(chunk, &mut blocks);
    }
    blocks
}

/// The first chunk as a title (with a label line or two) when it is a few
/// short lines, none of them a sentence.
fn title_chunk(chunk: &str) -> Option<Vec<Block>> {
    let lines: Vec<&str> = chunk
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() > 3
        || lines
            .iter()
            .any(|l| width(l) > TITLE_MAX_WIDTH || l.ends_with('。'))
    {
        return None;
    }
    let mut blocks = Vec::new();
    let mut titled = false;
    for line in lines {
        if shape::label(line).is_some() || titled {
            blocks.push(Block::Para(escape_block_start(&escape_inline(line))));
        } else {
            blocks.push(Block::Heading {
                level: 1,
                text: escape_inline(line),
            });
            titled = true;
        }
    }
    titled.then_some(blocks)
}

fn read_chunk(chunk: &str, blocks: &mut Vec<Block>) {
    let mut para: Vec<String> = Vec::new();
    let mut list: Option<(bool, Vec<String>)> = None;
    let flush_para = |para: &mut Vec<String>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Para(para.join("\n")));
            para.clear();
        }
    };
    let flush_list = |list: &mut Option<(bool, Vec<String>)>, blocks: &mut Vec<Block>| {
        if let Some((ordered, items)) = list.take() {
            blocks.push(Block::List { ordered, items });
        }
    };
    for raw in chunk.lines() {
        let line = raw.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        if let Some(heading) = shape::shape_heading(line) {
            flush_para(&mut para, blocks);
            flush_list(&mut list, blocks);
            blocks.push(Block::Heading {
                level: 2,
                text: escape_inline(&heading),
            });
            continue;
        }
        if let Some((item, ordered)) = shape::list_line(line) {
            flush_para(&mut para, blocks);
            match &mut list {
                Some((o, items)) if *o == ordered => {
                    items.push(escape_block_start(&escape_inline(&item)))
                }
                _ => {
                    flush_list(&mut list, blocks);
                    list = Some((ordered, vec![escape_block_start(&escape_inline(&item))]));
                }
            }
            continue;
        }
        flush_list(&mut list, blocks);
        if line.starts_with('　') {
            flush_para(&mut para, blocks);
            let rest = line.trim_start_matches('　').trim();
            para.push(format!("　{}", escape_inline(rest)));
        } else {
            para.push(escape_block_start(&escape_inline(line.trim())));
        }
    }
    flush_para(&mut para, blocks);
    flush_list(&mut list, blocks);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_article_has_title_label_headings_lists_and_indented_paragraphs() {
        let text = "【第3回】\n医師と睡眠\n\n　夜勤明けの判断は鈍ります。\n自覚がないのが問題です。\n　次の段落。\n\n■ 眠気の正体\n本文に*星*があります。\n\n■ まとめ\n・寝る\n・休む\n";
        let blocks = read(text);
        assert_eq!(
            blocks,
            vec![
                Block::Para("【第3回】".into()),
                Block::Heading {
                    level: 1,
                    text: "医師と睡眠".into()
                },
                Block::Para("　夜勤明けの判断は鈍ります。\n自覚がないのが問題です。".into()),
                Block::Para("　次の段落。".into()),
                Block::Heading {
                    level: 2,
                    text: "眠気の正体".into()
                },
                Block::Para("本文に\\*星\\*があります。".into()),
                Block::Heading {
                    level: 2,
                    text: "まとめ".into()
                },
                Block::List {
                    ordered: false,
                    items: vec!["寝る".into(), "休む".into()]
                },
            ]
        );
    }

    #[test]
    fn a_first_paragraph_of_prose_is_no_title() {
        let blocks = read("これは本文です。\n\n二段落目。");
        assert!(blocks.iter().all(|b| matches!(b, Block::Para(_))));
    }
}
