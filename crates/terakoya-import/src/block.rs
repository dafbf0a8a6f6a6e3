//! The readers' common output: a flat list of blocks whose text is already
//! format-2 markup (CommonMark with Japanese conventions), and the helpers
//! that write such markup.

use unicode_width::UnicodeWidthChar;

/// One block of an article, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading: 1 for the page title, 2 for a section, deeper for
    /// sub-headings.
    Heading { level: u8, text: String },
    /// A paragraph (one string; hard line breaks as `\` + newline).
    Para(String),
    /// A list; `items` hold each item's markup (an item may span lines,
    /// with continuation lines already indented for its marker).
    List { ordered: bool, items: Vec<String> },
    /// A block kept as written: a quote, code, a table, a rule.
    Raw(String),
    /// A lecturer's profile box found by its markup (class `profile`,
    /// `author`, …): its own blocks.
    Profile(Vec<Block>),
}

impl Block {
    /// The block as it goes into a text field.
    pub fn markup(&self) -> String {
        match self {
            Block::Heading { text, .. } => format!("**{text}**"),
            Block::Para(text) => split_sentences(text),
            Block::List { ordered, items } => render_list(*ordered, items),
            Block::Raw(text) => text.clone(),
            Block::Profile(blocks) => join(blocks),
        }
    }
}

/// Blocks as one text field: separated by blank lines.
pub fn join(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(Block::markup)
        .filter(|text| !text.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn render_list(ordered: bool, items: &[String]) -> String {
    let mut out = String::new();
    for (n, item) in items.iter().enumerate() {
        let marker = if ordered {
            format!("{}. ", n + 1)
        } else {
            "- ".to_owned()
        };
        if n > 0 {
            out.push('\n');
        }
        let mut lines = item.lines();
        out.push_str(&marker);
        out.push_str(lines.next().unwrap_or_default());
        for line in lines {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&" ".repeat(marker.len()));
                out.push_str(line);
            }
        }
    }
    out
}

/// Puts each sentence of a Japanese paragraph on its own line, the way
/// Japanese lesson files are written: a soft break after `。` joins with
/// nothing, so the text reads the same. Only where the next sentence
/// starts with CJK text that cannot start a block (`・`, `　`), and never
/// inside a code span or a link's target.
fn split_sentences(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut in_code = false;
    let mut in_target = false;
    let mut chars = text.chars().peekable();
    let mut prev = '\0';
    while let Some(c) = chars.next() {
        out.push(c);
        match c {
            '`' => in_code = !in_code,
            '(' if prev == ']' => in_target = true,
            ')' => in_target = false,
            '。' if !in_code && !in_target => {
                if let Some(&next) = chars.peek()
                    && is_wide(next)
                    && !matches!(next, '・' | '　' | '」' | '』' | '）' | '】' | '。' | '、')
                {
                    out.push('\n');
                }
            }
            _ => {}
        }
        prev = c;
    }
    out
}

/// A character that takes two columns: CJK text and punctuation, where a
/// line break joins with nothing.
pub fn is_wide(c: char) -> bool {
    c.width() == Some(2)
}

/// Escapes text so that format 2 reads it literally: CommonMark's
/// punctuation that could start markup. Ruby's `《…》` and `｜` have no
/// escape in CommonMark; they are markup only as `漢字《よみ》` or
/// `｜base《よみ》`, rare in running text, and are left alone.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what would start a block at the beginning of a paragraph: `#`,
/// `>`, `-`/`+`/`=` followed by a space, `1.` and `1)`.
pub fn escape_block_start(text: &str) -> String {
    let first = text.chars().next();
    match first {
        Some('#' | '>' | '=') => format!("\\{text}"),
        Some('-' | '+') if text[1..].starts_with(' ') || text.len() == 1 => format!("\\{text}"),
        Some(c) if c.is_ascii_digit() => {
            let digits = text.chars().take_while(char::is_ascii_digit).count();
            match text[digits..].chars().next() {
                Some(mark @ ('.' | ')')) => {
                    format!("{}\\{mark}{}", &text[..digits], &text[digits + 1..])
                }
                _ => text.to_owned(),
            }
        }
        _ => text.to_owned(),
    }
}

/// Removes control characters (other than newline) and bidirectional
/// formatting characters: a web page's invisible junk.
pub fn strip_controls(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            c == '\n' || (!c.is_control() && !terakoya_core::text::sanitize::is_bidi_control(c))
        })
        .collect()
}

/// The text of one-line markup without its emphasis and ruby markers, to
/// compare a heading with a word list or to quote it.
pub fn plain(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut in_reading = false;
    let mut escaped = false;
    for c in markup.chars() {
        if escaped {
            out.push(c);
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '《' => in_reading = true,
            '》' => in_reading = false,
            '*' | '｜' | '`' => {}
            _ if in_reading => {}
            _ => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// Display width in columns.
pub fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The first `n` characters of `text`, with `…` when cut: how dropped text
/// is quoted in a report.
pub fn quote(text: &str, n: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= n {
        flat
    } else {
        let mut cut: String = flat.chars().take(n).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_go_on_their_own_lines_only_before_cjk_text() {
        assert_eq!(
            split_sentences("投稿は残ります。消したつもりでも。Twitter は別。"),
            "投稿は残ります。\n消したつもりでも。Twitter は別。"
        );
        assert_eq!(split_sentences("「はい。」と言う。"), "「はい。」と言う。");
        assert_eq!(split_sentences("`a。b`と[x](u。v)"), "`a。b`と[x](u。v)");
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape_inline(r"a*b_c[d]\e"), r"a\*b\_c\[d\]\\e");
        assert_eq!(escape_block_start("# 1"), r"\# 1");
        assert_eq!(escape_block_start("1. 一つ目"), r"1\. 一つ目");
        assert_eq!(escape_block_start("- x"), r"\- x");
        assert_eq!(escape_block_start("-3度"), "-3度");
        assert_eq!(escape_block_start("2024年"), "2024年");
    }

    #[test]
    fn lists_indent_continuation_lines_under_their_marker() {
        let list = Block::List {
            ordered: true,
            items: vec!["一つ目\n続き".into(), "二つ目".into()],
        };
        assert_eq!(list.markup(), "1. 一つ目\n   続き\n2. 二つ目");
    }

    #[test]
    fn plain_drops_emphasis_and_readings() {
        assert_eq!(plain("**守秘**義務と｜漢字《かんじ》"), "守秘義務と漢字");
    }
}
