use super::*;

fn blocks(raw: &str) -> Vec<(BlockKind, String)> {
    parse(raw)
        .0
        .blocks
        .into_iter()
        .map(|b| (b.kind, b.text))
        .collect()
}

fn styled(block: &Block) -> Vec<(SpanStyle, &str)> {
    block
        .spans
        .iter()
        .map(|s| {
            (
                s.style.clone(),
                &block.text[s.start as usize..s.end as usize],
            )
        })
        .collect()
}

#[test]
fn japanese_soft_breaks_indents_and_nakaguro_items() {
    assert_eq!(
        blocks("医師は\n学び続ける。\n　二段落目。\n・項目\n\nword\nwrap"),
        vec![
            (BlockKind::Paragraph, "医師は学び続ける。".into()),
            (BlockKind::Paragraph, "　二段落目。".into()),
            (BlockKind::ListItem, "項目".into()),
            (BlockKind::Paragraph, "word wrap".into()),
        ]
    );
}

#[test]
fn emphasis_next_to_japanese_punctuation_is_strong() {
    for raw in [
        "これは**「重要」**です",
        "**重要**。",
        "「**重要**」と**言う**。",
    ] {
        let (text, _) = parse(raw);
        let block = &text.blocks[0];
        assert!(!block.text.contains('*'), "{raw}: {}", block.text);
        assert!(
            styled(block).iter().all(|(s, _)| *s == SpanStyle::Strong) && !block.spans.is_empty(),
            "{raw}"
        );
    }
    let (text, _) = parse("これは**「重要」**です");
    assert_eq!(styled(&text.blocks[0]), [(SpanStyle::Strong, "「重要」")]);
    // Escaped stars stay.
    assert_eq!(blocks(r"\*\*a\*\*")[0].1, "**a**");
}

#[test]
fn lists_quotes_code_rules_and_tables() {
    let raw = "1. 一つ目\n2. 二つ目\n   - 入れ子\n\n> 引用の\n> 文。\n\n```\n  let x = 1;\n```\n\n---\n\n| 薬 | 量 |\n|---|---|\n| **A** | 1錠 |\n";
    let (text, problems) = parse(raw);
    assert!(problems.is_empty(), "{problems:?}");
    let kinds: Vec<_> = text.blocks.iter().map(|b| (b.kind, b.nest)).collect();
    assert_eq!(
        kinds,
        [
            (BlockKind::NumberedItem(1), Nest::default()),
            (BlockKind::NumberedItem(2), Nest::default()),
            (
                BlockKind::DashListItem,
                Nest {
                    quote: 0,
                    indent: 3
                }
            ),
            (
                BlockKind::Paragraph,
                Nest {
                    quote: 1,
                    indent: 0
                }
            ),
            (BlockKind::Code, Nest::default()),
            (BlockKind::Rule, Nest::default()),
            (BlockKind::Table, Nest::default()),
        ]
    );
    assert_eq!(text.blocks[3].text, "引用の文。");
    assert_eq!(text.blocks[4].text, "  let x = 1;");
    let table = text.blocks[6].table.as_ref().unwrap();
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[1][0].text, "A");
    assert_eq!(table.rows[1][0].spans[0].style, SpanStyle::Strong);
}

#[test]
fn problems_are_reported_with_their_source() {
    let raw = "# 見出し\n\n[空](  ) と [ftp](ftp://x) と [ok](https://example.com)\n\n漢字《》\n\n|a|b|\n|-|-|\n|1|\n";
    let (_, problems) = parse(raw);
    let kinds: Vec<_> = problems.iter().map(|p| p.kind.clone()).collect();
    assert_eq!(
        kinds,
        [
            ProblemKind::Heading,
            ProblemKind::LinkUrl { url: String::new() },
            ProblemKind::LinkUrl {
                url: "ftp://x".into()
            },
            ProblemKind::EmptyReading,
            ProblemKind::RaggedRow {
                header: 2,
                found: 1
            },
        ]
    );
    assert_eq!(problems[0].source, "# 見出し");
    assert_eq!(problems[4].source, "|1|");
}

#[test]
fn links_and_html_are_text() {
    let (text, _) = parse("[厚労省](https://example.jp)の<b>資料</b>");
    let block = &text.blocks[0];
    assert_eq!(block.text, "厚労省の<b>資料</b>");
    assert_eq!(
        styled(block),
        [(SpanStyle::Link("https://example.jp".into()), "厚労省")]
    );
}

#[test]
fn one_line_fields_take_inline_markup_only() {
    let (text, spans, _) = parse_line("1. **褥瘡**《じょくそう》の予防");
    assert_eq!(text, "1. 褥瘡（じょくそう）の予防");
    assert_eq!(spans.len(), 3);
    assert_eq!(parse_line("# 見出し").0, "# 見出し");
    assert_eq!(parse_line("- 項目").0, "- 項目");
}

#[test]
fn web_urls() {
    assert!(is_web_url("https://example.com"));
    assert!(is_web_url("MAILTO:a@b"));
    assert!(!is_web_url("http://"));
    assert!(!is_web_url("javascript:alert(1)"));
    assert!(!is_web_url("https://a\u{1b}b"));
}

#[test]
fn ruby_in_a_paragraph_has_its_spans() {
    let (text, _) = parse("たとえば褥瘡《じょくそう》の\n好発部位");
    let block = &text.blocks[0];
    assert_eq!(
        styled(block),
        [
            (SpanStyle::Ruby, "褥瘡（じょくそう）"),
            (SpanStyle::Reading, "（じょくそう）")
        ]
    );
}
