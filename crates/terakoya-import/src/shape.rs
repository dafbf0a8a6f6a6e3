//! Recognising parts of an article by their shape and wording: series
//! labels (第6回, 〔2時限〕, 【第6回】), headings written as paragraphs
//! (■ …, ● …, 【…】), list lines (・…, 1. …, ①…), and the headings of a
//! lecturer profile or a summary.

use crate::block::{plain, width};

/// The widest a label may be, in columns.
const LABEL_MAX_WIDTH: usize = 32;
/// The widest a paragraph may be to count as a heading by its shape.
const SHAPE_HEADING_MAX_WIDTH: usize = 60;

const KANJI_NUMERALS: &str = "〇一二三四五六七八九十百";
const COUNTERS: &[&str] = &["時限", "回", "講", "章", "課", "部", "日", "週", "限", "節"];
const LATIN_SERIES: &[&str] = &[
    "lesson", "lecture", "session", "part", "chapter", "unit", "week", "day", "vol.", "vol", "no.",
    "#",
];

/// The label when all of `text` is a series label: one or more tokens such
/// as `第6回`, `〔2時限〕`, `【第6回】`, `(2時限)`, `Lesson 6`. 【】 around a
/// token are dropped (they are decoration); other brackets are kept.
pub fn label(text: &str) -> Option<String> {
    let text = plain(text);
    if text.is_empty() || width(&text) > LABEL_MAX_WIDTH {
        return None;
    }
    let (tokens, rest) = label_tokens(&text);
    (rest.trim().is_empty() && !tokens.is_empty()).then(|| tokens.join(" "))
}

/// A title that starts with a label: `【第6回】医師とSNS` → (`第6回`,
/// `医師とSNS`); `第6回 〔2時限〕 医師とSNS` → (`第6回 〔2時限〕`, …).
pub fn split_label_prefix(title: &str) -> Option<(String, String)> {
    let (tokens, rest) = label_tokens(title);
    let rest = rest.trim_start_matches([' ', '　', ':', '：', '・', '|', '｜', '-', '–', '—']);
    (!tokens.is_empty() && !rest.trim().is_empty())
        .then(|| (tokens.join(" "), rest.trim().to_owned()))
}

/// Label tokens at the start of `text`, and the text after them.
fn label_tokens(text: &str) -> (Vec<String>, &str) {
    let mut tokens = Vec::new();
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start_matches([' ', '　']);
        match label_token(trimmed) {
            Some((token, after)) => {
                tokens.push(token);
                rest = after;
            }
            None => return (tokens, rest),
        }
    }
}

fn label_token(text: &str) -> Option<(String, &str)> {
    for (open, close, keep) in [
        ('【', '】', false),
        ('〔', '〕', true),
        ('（', '）', true),
        ('(', ')', true),
        ('［', '］', true),
        ('[', ']', true),
    ] {
        if let Some(inner) = text.strip_prefix(open) {
            let end = inner.find(close)?;
            let content = &inner[..end];
            let after = &inner[end + close.len_utf8()..];
            if !is_series_word(content) {
                return None;
            }
            let token = if keep {
                format!("{open}{content}{close}")
            } else {
                content.to_owned()
            };
            return Some((token, after));
        }
    }
    let len = series_word_len(text)?;
    Some((text[..len].to_owned(), &text[len..]))
}

/// True when all of `text` is one series word (`第6回`, `2時限`, `Lesson 6`).
fn is_series_word(text: &str) -> bool {
    let text = text.trim();
    let (tokens, rest) = label_tokens(text);
    (series_word_len(text) == Some(text.len())) || (!tokens.is_empty() && rest.trim().is_empty())
}

/// The byte length of a series word at the start of `text`.
fn series_word_len(text: &str) -> Option<usize> {
    let digits_after = |from: usize| -> usize {
        text[from..]
            .char_indices()
            .take_while(|&(_, c)| {
                c.is_ascii_digit() || ('０'..='９').contains(&c) || KANJI_NUMERALS.contains(c)
            })
            .last()
            .map_or(from, |(at, c)| from + at + c.len_utf8())
    };
    let counter_after = |from: usize| {
        COUNTERS
            .iter()
            .find(|c| text[from..].starts_with(**c))
            .map(|c| from + c.len())
    };
    if text.starts_with('第') {
        let end = digits_after('第'.len_utf8());
        if end > '第'.len_utf8() {
            return counter_after(end);
        }
        return None;
    }
    let end = digits_after(0);
    if end > 0 {
        return counter_after(end)
            .filter(|_| text[..end].chars().all(|c| !KANJI_NUMERALS.contains(c)));
    }
    let lower = text.to_ascii_lowercase();
    for word in LATIN_SERIES {
        if let Some(after) = lower.strip_prefix(word) {
            let spaces = after.len() - after.trim_start().len();
            let from = word.len() + spaces;
            let end = digits_after(from);
            if end > from
                && text[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
            {
                return Some(end);
            }
        }
    }
    None
}

/// The heading when a paragraph is one by its shape: one line, short, not
/// a sentence, led by a mark (`■ …`, `● …`, `◆ …`) or wholly in 【】.
pub fn shape_heading(text: &str) -> Option<String> {
    let text = text.trim();
    // `<p><strong>■ 見出し</strong></p>` is a heading all the same.
    let text = text
        .strip_prefix("**")
        .and_then(|t| t.strip_suffix("**"))
        .unwrap_or(text);
    if text.contains('\n') || width(text) > SHAPE_HEADING_MAX_WIDTH || text.ends_with('。') {
        return None;
    }
    let mut chars = text.chars();
    let first = chars.next()?;
    if "■□●○◆◇▼▽▶►◎★☆".contains(first) {
        let heading = chars.as_str().trim_start_matches([' ', '　']).trim();
        return (!heading.is_empty()).then(|| heading.to_owned());
    }
    if let Some(inner) = text.strip_prefix('【').and_then(|t| t.strip_suffix('】'))
        && !inner.contains(['【', '】'])
        && !inner.trim().is_empty()
    {
        return Some(inner.trim().to_owned());
    }
    None
}

/// The text of a list line (`・…`, `- …`, `1. …`, `１．…`, `①…`, `(1) …`)
/// without its marker, and whether the marker was a number.
pub fn list_line(line: &str) -> Option<(String, bool)> {
    let line = line.trim_start_matches(' ');
    for bullet in ["・", "- ", "* ", "• ", "•"] {
        if let Some(rest) = line.strip_prefix(bullet) {
            let rest = rest.trim();
            return (!rest.is_empty()).then(|| (rest.to_owned(), false));
        }
    }
    let mut chars = line.chars();
    let first = chars.next()?;
    if ('①'..='⑳').contains(&first) {
        let rest = chars.as_str().trim_start_matches([' ', '　']).trim();
        return (!rest.is_empty()).then(|| (rest.to_owned(), true));
    }
    let (inner, rest) = match line.strip_prefix(['(', '（']) {
        Some(after) => {
            let close = after.find([')', '）'])?;
            let closer = after[close..].chars().next()?;
            (&after[..close], &after[close + closer.len_utf8()..])
        }
        None => {
            let digits = line
                .char_indices()
                .take_while(|&(_, c)| c.is_ascii_digit() || ('０'..='９').contains(&c))
                .last()
                .map(|(at, c)| at + c.len_utf8())?;
            let after = &line[digits..];
            let mark = after.chars().next()?;
            if !matches!(mark, '.' | '．' | ')' | '）' | '、') {
                return None;
            }
            (&line[..digits], &after[mark.len_utf8()..])
        }
    };
    let numeric = !inner.is_empty()
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let rest = rest.trim_start_matches([' ', '　']).trim();
    (numeric && !rest.is_empty()).then(|| (rest.to_owned(), true))
}

/// Headings of a summary (まとめ) section.
pub fn is_summary_heading(heading: &str) -> bool {
    let heading = plain(heading).to_lowercase();
    let heading = heading.trim_matches(|c: char| !c.is_alphanumeric());
    [
        "まとめ",
        "ポイント",
        "要点",
        "おさらい",
        "振り返り",
        "ふりかえり",
        "summary",
        "key points",
        "key takeaways",
        "takeaways",
        "tl;dr",
        "in short",
    ]
    .iter()
    .any(|word| heading.contains(word))
        && width(heading) <= 30
}

/// Headings of a lecturer or author profile.
pub fn is_profile_heading(heading: &str) -> bool {
    let heading = plain(heading).to_lowercase();
    let heading = heading.trim_matches(|c: char| !c.is_alphanumeric());
    let exact = [
        "about the author",
        "about the lecturer",
        "author",
        "lecturer",
        "speaker",
        "profile",
        "the author",
    ];
    exact.contains(&heading)
        || (["講師", "プロフィール", "著者", "執筆者", "筆者", "講演者"]
            .iter()
            .any(|word| heading.contains(word))
            && width(heading) <= 20)
}

/// A lecturer's name written as `講師：山田 花子` (or `著者:`, `Lecturer:`).
pub fn lecturer_line(text: &str) -> Option<String> {
    let text = plain(text);
    let lower = text.to_lowercase();
    for prefix in ["講師", "著者", "執筆", "文", "lecturer", "author", "by"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let rest = &text[text.len() - rest.len()..];
            let Some(name) = rest.strip_prefix(['：', ':', '　', ' ']) else {
                continue;
            };
            let name = name.trim_start_matches([':', '：', ' ', '　']).trim();
            return is_name_like(name).then(|| name.to_owned());
        }
    }
    None
}

/// Short, one line, not a sentence: can be a person's name (with a title
/// or affiliation in brackets).
pub fn is_name_like(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && !text.contains('\n')
        && width(text) <= 40
        && !text.ends_with(['。', '.'])
        && !text.contains('、')
}

#[cfg(test)]
#[path = "shape_tests.rs"]
mod tests;
