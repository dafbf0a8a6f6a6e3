//! The article's elements to blocks of format-2 markup: headings,
//! paragraphs, lists, quotes, code, tables; inline emphasis, links, code
//! and ruby (`<ruby>漢字<rt>かんじ</rt></ruby>` → `｜漢字《かんじ》`).

use std::collections::HashSet;

use ego_tree::NodeId;
use scraper::{ElementRef, Node};

use super::chrome::{self, Chrome};
use crate::Dropped;
use crate::block::{Block, escape_block_start, escape_inline, is_wide, join};

/// A `<br>` until the paragraph is finished.
const BREAK: char = '\u{E000}';
/// Whitespace holding a line break, until the paragraph is finished (it
/// joins CJK text with nothing, as browsers render it).
const NEWLINE: char = '\u{E001}';

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "dd",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

pub struct Converter<'a> {
    kept: &'a HashSet<NodeId>,
    profile: Option<NodeId>,
    dropped: &'a mut Dropped,
    blocks: Vec<Block>,
    inline: String,
}

impl<'a> Converter<'a> {
    pub fn new(
        kept: &'a HashSet<NodeId>,
        profile: Option<NodeId>,
        dropped: &'a mut Dropped,
    ) -> Self {
        Converter {
            kept,
            profile,
            dropped,
            blocks: Vec::new(),
            inline: String::new(),
        }
    }

    pub fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }

    /// The title `<h1>` found outside the article, with a label written
    /// just before or after it (`<p class="series">第6回</p>`).
    pub fn title_with_labels(&mut self, h1: ElementRef) -> Vec<Block> {
        let label_near = |el: Option<ElementRef>| {
            el.map(chrome::text)
                .filter(|t| crate::shape::label(t).is_some())
                .map(|t| Block::Para(escape_inline(&t)))
        };
        let previous = h1.prev_siblings().find_map(ElementRef::wrap);
        let next = h1.next_siblings().find_map(ElementRef::wrap);
        let mut out: Vec<Block> = label_near(previous).into_iter().collect();
        out.push(Block::Heading {
            level: 1,
            text: self.inline_of(h1).replace('\n', " "),
        });
        out.extend(label_near(next));
        out
    }

    /// Converts the children of a block container.
    pub fn container(&mut self, el: ElementRef) {
        for child in el.children() {
            match child.value() {
                Node::Text(text) => push_text(&mut self.inline, text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, el: ElementRef) {
        if Some(el.id()) == self.profile {
            self.flush();
            let mut sub = Converter::new(self.kept, None, self.dropped);
            sub.container(el);
            let inner = sub.finish();
            self.blocks.push(Block::Profile(inner));
            return;
        }
        if let Some(kind) = chrome::dropped_in_article(el, self.kept.contains(&el.id())) {
            super::count(self.dropped, kind);
            if kind == Chrome::Navigation {
                super::quote_prose(el, self.dropped);
            }
            return;
        }
        let tag = el.value().name();
        if !BLOCK_TAGS.contains(&tag) {
            let mut out = std::mem::take(&mut self.inline);
            self.inline_element(el, &mut out);
            self.inline = out;
            return;
        }
        self.flush();
        match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = tag[1..].parse().unwrap_or(2);
                let text = self.inline_of(el).replace('\n', " ");
                if !text.is_empty() {
                    self.blocks.push(Block::Heading { level, text });
                }
            }
            "p" | "dd" | "figcaption" | "summary" | "address" => {
                self.container(el);
                self.flush();
            }
            "dt" => {
                let text = self.inline_of(el);
                if !text.is_empty() {
                    self.blocks.push(Block::Para(format!("**{text}**")));
                }
            }
            "ul" | "ol" => self.list(el, tag == "ol"),
            "blockquote" => {
                let inner = self.sub_blocks(el);
                let quoted: Vec<String> = join(&inner)
                    .lines()
                    .map(|line| {
                        if line.is_empty() {
                            ">".to_owned()
                        } else {
                            format!("> {line}")
                        }
                    })
                    .collect();
                if !quoted.is_empty() {
                    self.blocks.push(Block::Raw(quoted.join("\n")));
                }
            }
            "pre" => self.blocks.push(Block::Raw(fenced(el))),
            "table" => {
                if let Some(table) = self.table(el) {
                    self.blocks.push(Block::Raw(table));
                }
            }
            "hr" => {}
            _ => {
                self.container(el);
                self.flush();
            }
        }
    }

    fn sub_blocks(&mut self, el: ElementRef) -> Vec<Block> {
        let mut sub = Converter::new(self.kept, self.profile, self.dropped);
        sub.container(el);
        sub.finish()
    }

    fn list(&mut self, el: ElementRef, ordered: bool) {
        let mut items = Vec::new();
        for li in el.children().filter_map(ElementRef::wrap) {
            if chrome::dropped_in_article(li, false).is_some() {
                continue;
            }
            let blocks = self.sub_blocks(li);
            let item = blocks
                .iter()
                .map(Block::markup)
                .collect::<Vec<_>>()
                .join("\n");
            if !item.trim().is_empty() {
                items.push(item);
            }
        }
        if !items.is_empty() {
            self.blocks.push(Block::List { ordered, items });
        }
    }

    fn table(&mut self, el: ElementRef) -> Option<String> {
        let rows: Vec<Vec<String>> = el
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| e.value().name() == "tr")
            .map(|tr| {
                tr.children()
                    .filter_map(ElementRef::wrap)
                    .filter(|c| matches!(c.value().name(), "td" | "th"))
                    .map(|cell| self.inline_of(cell).replace("\\\n", " ").replace('\n', ""))
                    .collect()
            })
            .filter(|row: &Vec<String>| !row.is_empty())
            .collect();
        let columns = rows.iter().map(Vec::len).max()?;
        let line = |row: &[String]| {
            let mut cells: Vec<&str> = row.iter().map(String::as_str).collect();
            cells.resize(columns, "");
            format!("| {} |", cells.join(" | "))
        };
        let mut out = vec![line(&rows[0]), format!("|{}", " --- |".repeat(columns))];
        out.extend(rows[1..].iter().map(|row| line(row)));
        Some(out.join("\n"))
    }

    /// The inline markup of an element's content, as one finished string.
    fn inline_of(&mut self, el: ElementRef) -> String {
        let mut out = String::new();
        for child in el.children() {
            self.inline_node(child, &mut out);
        }
        finish_inline(&out).join("\n")
    }

    fn inline_node(&mut self, node: ego_tree::NodeRef<Node>, out: &mut String) {
        match node.value() {
            Node::Text(text) => push_text(out, text),
            Node::Element(_) => {
                if let Some(el) = ElementRef::wrap(node) {
                    self.inline_element(el, out);
                }
            }
            _ => {}
        }
    }

    fn inline_element(&mut self, el: ElementRef, out: &mut String) {
        if let Some(kind) = chrome::always_dropped(el) {
            super::count(self.dropped, kind);
            return;
        }
        let tag = el.value().name();
        match tag {
            "br" => out.push(BREAK),
            "strong" | "b" => self.wrap(el, "**", out),
            "em" | "i" | "cite" | "dfn" => self.wrap(el, "*", out),
            "code" | "kbd" | "samp" | "tt" => {
                out.push_str(&code_span(&el.text().collect::<String>()))
            }
            "rt" | "rp" => {}
            "ruby" => self.ruby(el, out),
            "a" => {
                let mut inner = String::new();
                for child in el.children() {
                    self.inline_node(child, &mut inner);
                }
                let href = el.value().attr("href").map(str::trim).unwrap_or_default();
                let linkable = !href.is_empty()
                    && !href.starts_with('#')
                    && !href.to_ascii_lowercase().starts_with("javascript:");
                let text = inner.trim_matches([' ', NEWLINE]);
                if linkable && !text.is_empty() {
                    let href = href
                        .replace(' ', "%20")
                        .replace('(', "%28")
                        .replace(')', "%29");
                    out.push_str(&format!("[{text}]({href})"));
                } else {
                    out.push_str(&inner);
                }
            }
            _ => {
                for child in el.children() {
                    self.inline_node(child, out);
                }
            }
        }
    }

    fn wrap(&mut self, el: ElementRef, mark: &str, out: &mut String) {
        let mut inner = String::new();
        for child in el.children() {
            self.inline_node(child, &mut inner);
        }
        let text = inner.trim_matches([' ', NEWLINE]);
        if text.is_empty() {
            out.push_str(&inner);
        } else if text.starts_with('*') || text.ends_with('*') {
            // Already emphasised (`<b><strong>…`): once is enough.
            out.push_str(text);
        } else {
            // Spaces at the edges stay outside the marks, where CommonMark
            // wants them.
            if inner.starts_with([' ', NEWLINE]) {
                out.push(' ');
            }
            out.push_str(&format!("{mark}{text}{mark}"));
            if inner.ends_with([' ', NEWLINE]) {
                out.push(' ');
            }
        }
    }

    fn ruby(&mut self, el: ElementRef, out: &mut String) {
        let mut base = String::new();
        for child in el.children() {
            match child.value() {
                Node::Text(text) => base.push_str(&escape_inline(text.trim())),
                Node::Element(e) if e.name() == "rt" => {
                    let reading = ElementRef::wrap(child)
                        .map(chrome::text)
                        .unwrap_or_default();
                    if !base.is_empty() && !reading.is_empty() {
                        out.push_str(&format!("｜{base}《{reading}》"));
                    } else {
                        out.push_str(&base);
                    }
                    base.clear();
                }
                Node::Element(e) if e.name() == "rp" => {}
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        base.push_str(&escape_inline(&chrome::text(child)));
                    }
                }
                _ => {}
            }
        }
        out.push_str(&base);
    }

    /// Ends the paragraph being gathered (text directly in a container).
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.inline);
        for para in finish_inline(&text) {
            self.blocks.push(Block::Para(para));
        }
    }
}

/// Appends a text node: escaped, whitespace runs folded to one space (or
/// to [`NEWLINE`] when they hold a line break).
fn push_text(out: &mut String, text: &str) {
    let escaped = escape_inline(text);
    let mut run: Option<bool> = None;
    for c in escaped.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            let newline = matches!(c, '\n' | '\r');
            run = Some(run.unwrap_or(false) || newline);
            continue;
        }
        if let Some(newline) = run.take() {
            out.push(if newline { NEWLINE } else { ' ' });
        }
        out.push(c);
    }
    if let Some(newline) = run {
        out.push(if newline { NEWLINE } else { ' ' });
    }
}

/// Finishes gathered inline text into paragraphs: folds whitespace (a line
/// break between CJK characters joins with nothing), turns `<br>` into a
/// hard break and two `<br>` in a row into a new paragraph, and escapes
/// what would start a block at a line's start.
fn finish_inline(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut folded = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' || c == NEWLINE {
            let start = i;
            while i < chars.len() && (chars[i] == ' ' || chars[i] == NEWLINE) {
                i += 1;
            }
            let had_newline = chars[start..i].contains(&NEWLINE);
            let before = folded.chars().last();
            let after = chars.get(i).copied();
            let joins = had_newline && (before.is_some_and(is_wide) || after.is_some_and(is_wide));
            let at_edge = before.is_none_or(|b| b == BREAK) || after.is_none_or(|a| a == BREAK);
            if !joins && !at_edge {
                folded.push(' ');
            }
            continue;
        }
        folded.push(c);
        i += 1;
    }
    let mut paras = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for piece in folded.split(BREAK) {
        // Not `trim`: a leading `　` is a paragraph indent (字下げ) to keep.
        let piece = piece.trim_matches(' ');
        if piece.is_empty() {
            if !lines.is_empty() {
                paras.push(lines.join("\\\n"));
                lines.clear();
            }
            continue;
        }
        lines.push(escape_block_start(piece));
    }
    if !lines.is_empty() {
        paras.push(lines.join("\\\n"));
    }
    paras
}

/// An inline code span whose fence is longer than any backtick run inside.
fn code_span(code: &str) -> String {
    let code = code.replace('\n', " ");
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{code}{pad}{fence}")
}

/// A fenced code block, with the language of `<code class="language-x">`.
fn fenced(pre: ElementRef) -> String {
    let code: String = pre.text().collect();
    let language = pre
        .descendants()
        .filter_map(ElementRef::wrap)
        .chain(std::iter::once(pre))
        .find_map(|el| {
            el.value()
                .classes()
                .find_map(|c| c.strip_prefix("language-").map(str::to_owned))
        })
        .unwrap_or_default();
    let fence = "`".repeat(longest_run(&code, '`').max(2) + 1);
    format!(
        "{fence}{language}\n{}\n{fence}",
        code.trim_end_matches('\n')
    )
}

fn longest_run(text: &str, c: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}
