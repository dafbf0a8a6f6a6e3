//! Markdown articles: pulldown-cmark finds the blocks; each block's text is
//! taken from the source as written (Markdown is already format-2 markup,
//! so emphasis, links, ruby, tables and code carry over unchanged).

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::block::{Block, strip_controls};

pub fn read(text: &str) -> Vec<Block> {
    let text = strip_controls(&text.replace("\r\n", "\n").replace('\r', "\n"));
    let text = strip_front_matter(&text);
    let mut blocks = Vec::new();
    let mut events = Parser::new_ext(text, Options::ENABLE_TABLES)
        .into_offset_iter()
        .peekable();
    while let Some((event, range)) = events.next() {
        let Event::Start(tag) = event else {
            continue;
        };
        // The events inside this block, up to its end.
        let mut inner: Vec<(Event, Range<usize>)> = Vec::new();
        let mut depth = 1;
        for (event, range) in events.by_ref() {
            match &event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                break;
            }
            inner.push((event, range));
        }
        let source = text[range.clone()].trim_end();
        match tag {
            Tag::Heading { level, .. } => {
                let inline = inline_source(text, &inner);
                if !inline.is_empty() {
                    blocks.push(Block::Heading {
                        level: level as u8,
                        text: inline,
                    });
                }
            }
            Tag::Paragraph => blocks.push(Block::Para(trim_lines(source))),
            Tag::List(start) => blocks.push(Block::List {
                ordered: start.is_some(),
                items: list_items(text, &inner),
            }),
            Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::Table(_) => {
                blocks.push(Block::Raw(source.to_owned()))
            }
            // Raw HTML and anything else is left out.
            _ => {}
        }
    }
    // A rule is an event of its own, not a start tag; it only separates
    // parts of an article, which sections already do.
    blocks
}

/// A YAML front matter block (`---` … `---` at the very start) is metadata.
fn strip_front_matter(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix("---\n")
        && let Some(end) = rest.find("\n---\n")
    {
        return &rest[end + 5..];
    }
    text
}

/// The source of a heading's inline content, without `#` marks or a
/// setext underline.
fn inline_source(text: &str, inner: &[(Event, Range<usize>)]) -> String {
    let start = inner.iter().map(|(_, r)| r.start).min();
    let end = inner.iter().map(|(_, r)| r.end).max();
    match (start, end) {
        (Some(start), Some(end)) => trim_lines(&text[start..end]).replace('\n', " "),
        _ => String::new(),
    }
}

/// Each top-level item's source without its marker, continuation lines
/// dedented to the item's content.
fn list_items(text: &str, inner: &[(Event, Range<usize>)]) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0;
    for (event, range) in inner {
        match event {
            Event::Start(Tag::Item) if depth == 0 => {
                items.push(item_content(&text[range.clone()]));
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(TagEnd::Item) if depth == 1 => depth -= 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
    items
}

fn item_content(source: &str) -> String {
    let source = source.trim_end();
    let first = source.lines().next().unwrap_or_default();
    let after_marker = first
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['-', '*', '+', '.', ')']);
    let content_at = first.len() - after_marker.trim_start().len();
    let mut out = String::new();
    for (n, line) in source.lines().enumerate() {
        if n == 0 {
            out.push_str(&line[content_at.min(line.len())..]);
        } else {
            out.push('\n');
            let indent = line.len() - line.trim_start_matches(' ').len();
            out.push_str(&line[indent.min(content_at)..]);
        }
    }
    out
}

fn trim_lines(text: &str) -> String {
    text.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_their_markup() {
        let md = "---\ntitle: x\n---\n# 医師と**睡眠**\n\n第2回\n\n本文の｜漢字《かんじ》と[リンク](https://example.com)。\n\n## 眠気\n\n- 一つ目\n  続き\n- 二つ目\n\n> 引用\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>html</div>\n";
        let blocks = read(md);
        assert_eq!(
            blocks,
            vec![
                Block::Heading {
                    level: 1,
                    text: "医師と**睡眠**".into()
                },
                Block::Para("第2回".into()),
                Block::Para("本文の｜漢字《かんじ》と[リンク](https://example.com)。".into()),
                Block::Heading {
                    level: 2,
                    text: "眠気".into()
                },
                Block::List {
                    ordered: false,
                    items: vec!["一つ目\n続き".into(), "二つ目".into()]
                },
                Block::Raw("> 引用".into()),
                Block::Raw("| a | b |\n|---|---|\n| 1 | 2 |".into()),
            ]
        );
    }

    #[test]
    fn ordered_items_lose_their_numbers() {
        let blocks = read("1. 一\n2. 二\n");
        assert_eq!(
            blocks,
            vec![Block::List {
                ordered: true,
                items: vec!["一".into(), "二".into()]
            }]
        );
    }
}
