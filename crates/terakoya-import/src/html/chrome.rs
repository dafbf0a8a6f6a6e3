//! What is site chrome, what is the article: element classification by
//! tag, ARIA role, `class` and `id` words, and a Readability-style score.
//!
//! Readability counts commas to find prose; Japanese prose uses `、` and
//! `。` and no spaces, so here `、` `，` `,` count as commas, `。` `．`
//! as sentence ends (worth as much as a comma), and length is measured in
//! display columns, where a kanji or kana counts twice: a Japanese
//! sentence has about half the characters of its English translation, so
//! counting characters would rank Japanese prose below English menus.

use scraper::ElementRef;

use crate::block::width;

/// Why an element is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chrome {
    Navigation,
    Script,
    Form,
    Media,
}

const SCRIPT_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "link", "meta", "base",
];
const FORM_TAGS: &[&str] = &["form", "button", "input", "select", "textarea", "fieldset"];
const MEDIA_TAGS: &[&str] = &[
    "img", "picture", "video", "audio", "svg", "canvas", "map", "source", "track",
];
const NAV_TAGS: &[&str] = &["nav", "menu"];
/// Dropped by tag, unless they hold the title or the lecturer's profile.
const LANDMARK_TAGS: &[&str] = &["header", "footer", "aside"];

/// Class/id words that mark chrome wherever they appear.
const STRONG_NAV_WORDS: &[&str] = &[
    "breadcrumb",
    "breadcrumbs",
    "topicpath",
    "pankuzu",
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "ranking",
    "popular",
    "pagination",
    "pager",
    "comment",
    "comments",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "promo",
    "sponsor",
    "sponsored",
    "cookie",
    "consent",
    "skip",
    "globalnav",
    "gnav",
];
/// Class/id words that mark chrome outside the article, and count against
/// an element when scoring.
const WEAK_NAV_WORDS: &[&str] = &[
    "nav",
    "navi",
    "navbar",
    "navigation",
    "menu",
    "header",
    "masthead",
    "footer",
    "sidebar",
    "side",
    "widget",
    "tags",
    "logo",
];
const FORM_WORDS: &[&str] = &[
    "signup",
    "subscribe",
    "subscription",
    "newsletter",
    "register",
    "registration",
    "cta",
    "mailmag",
    "merumaga",
    "login",
];
const PROFILE_WORDS: &[&str] = &[
    "profile",
    "author",
    "lecturer",
    "speaker",
    "writer",
    "bio",
    "biography",
    "instructor",
];
const POSITIVE_WORDS: &[&str] = &[
    "article", "content", "entry", "main", "post", "body", "text", "lesson", "story", "honbun",
    "blog", "column",
];

/// The lower-case words of an element's `class` and `id`, split at `-`,
/// `_` and spaces (`site-header` → `site`, `header`).
pub fn words(el: ElementRef) -> Vec<String> {
    let value = el.value();
    let mut out = Vec::new();
    for source in [value.attr("class"), value.attr("id")]
        .into_iter()
        .flatten()
    {
        for word in source.split(|c: char| c.is_whitespace() || c == '-' || c == '_') {
            if !word.is_empty() {
                out.push(word.to_ascii_lowercase());
            }
        }
        // `sign-up` and `mail-magazine` are one word each.
        let joined: String = source
            .to_ascii_lowercase()
            .chars()
            .filter(|c| *c != '-' && *c != '_')
            .collect();
        out.extend(joined.split_whitespace().map(str::to_owned));
    }
    out
}

fn has_word(words: &[String], list: &[&str]) -> bool {
    words.iter().any(|w| list.contains(&w.as_str()))
}

/// Left out whatever its place: scripts, hidden elements, tracking
/// pixels, forms, media, navigation by tag or ARIA role.
pub fn always_dropped(el: ElementRef) -> Option<Chrome> {
    let value = el.value();
    let tag = value.name();
    if SCRIPT_TAGS.contains(&tag) || is_hidden(el) {
        return Some(Chrome::Script);
    }
    if tag == "img"
        && ["width", "height"]
            .iter()
            .any(|a| matches!(value.attr(a), Some("0" | "1" | "0px" | "1px")))
    {
        return Some(Chrome::Script);
    }
    if MEDIA_TAGS.contains(&tag) {
        return Some(Chrome::Media);
    }
    if FORM_TAGS.contains(&tag) {
        return Some(Chrome::Form);
    }
    if NAV_TAGS.contains(&tag) {
        return Some(Chrome::Navigation);
    }
    if let Some(
        "navigation" | "banner" | "contentinfo" | "search" | "complementary" | "menu" | "menubar",
    ) = value.attr("role")
    {
        return Some(Chrome::Navigation);
    }
    if value
        .attr("aria-label")
        .is_some_and(|l| l.to_ascii_lowercase().contains("breadcrumb"))
    {
        return Some(Chrome::Navigation);
    }
    let words = words(el);
    if has_word(&words, PROFILE_WORDS) {
        return None;
    }
    if has_word(&words, FORM_WORDS) {
        return Some(Chrome::Form);
    }
    if has_word(&words, STRONG_NAV_WORDS) {
        return Some(Chrome::Navigation);
    }
    None
}

/// Left out of the article: [`always_dropped`], plus `header`, `footer`
/// and `aside` (when `kept` is false: they hold neither the title nor the
/// profile).
pub fn dropped_in_article(el: ElementRef, kept: bool) -> Option<Chrome> {
    always_dropped(el).or_else(|| {
        (!kept
            && LANDMARK_TAGS.contains(&el.value().name())
            && !has_word(&words(el), PROFILE_WORDS))
        .then_some(Chrome::Navigation)
    })
}

/// Left out around the article: also the weak words (`header`, `menu`,
/// `sidebar`, …).
pub fn dropped_outside(el: ElementRef) -> Option<Chrome> {
    dropped_in_article(el, false)
        .or_else(|| has_word(&words(el), WEAK_NAV_WORDS).then_some(Chrome::Navigation))
}

/// An element holding a lecturer's or author's profile.
pub fn is_profile(el: ElementRef) -> bool {
    const BLOCKS: &[&str] = &[
        "div", "section", "aside", "footer", "dl", "p", "address", "article", "figure", "table",
    ];
    BLOCKS.contains(&el.value().name())
        && has_word(&words(el), PROFILE_WORDS)
        && width(&text(el)) >= 4
}

fn is_hidden(el: ElementRef) -> bool {
    let value = el.value();
    value.attr("hidden").is_some()
        || value.attr("aria-hidden") == Some("true")
        || value.attr("style").is_some_and(|s| {
            let s: String = s
                .to_ascii_lowercase()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// All text of an element, whitespace collapsed.
pub fn text(el: ElementRef) -> String {
    el.text()
        .collect::<Vec<_>>()
        .join("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The share of an element's text inside links.
pub fn link_density(el: ElementRef) -> f64 {
    let all = width(&text(el));
    if all == 0 {
        return 0.0;
    }
    let linked: usize = el
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "a")
        .map(|a| width(&text(a)))
        .sum();
    linked as f64 / all as f64
}

/// A paragraph's own worth as prose (0 when too short to count): 1, plus
/// one per comma or sentence end (Latin or Japanese), plus one per 100
/// columns up to 3.
pub fn prose_score(text: &str) -> f64 {
    let columns = width(text);
    if columns < 25 {
        return 0.0;
    }
    let marks = text
        .chars()
        .filter(|c| matches!(c, ',' | '、' | '，' | '。' | '．'))
        .count();
    1.0 + marks as f64 + (columns as f64 / 100.0).min(3.0)
}

/// A container's starting score from its tag and its class/id words.
pub fn base_score(el: ElementRef) -> f64 {
    let tag_score = match el.value().name() {
        "article" => 25.0,
        "main" => 15.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let words = words(el);
    let mut class_score = 0.0;
    if has_word(&words, POSITIVE_WORDS) {
        class_score += 25.0;
    }
    if has_word(&words, STRONG_NAV_WORDS)
        || has_word(&words, WEAK_NAV_WORDS)
        || has_word(&words, FORM_WORDS)
    {
        class_score -= 25.0;
    }
    tag_score + class_score
}

/// Prose worth quoting as "unsure" when it is dropped: a sentence or more,
/// mostly not links.
pub fn is_prose(el: ElementRef) -> bool {
    let text = text(el);
    width(&text) >= 30 && text.contains(['。', '.', '、', ',']) && link_density(el) < 0.3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_commas_and_full_stops_count_as_prose() {
        let japanese =
            "研修医のうちは、患者さんの話を書きたくなります。けれども、書かないのが原則です。";
        let short = "ホーム";
        assert!(prose_score(japanese) >= 5.0, "{}", prose_score(japanese));
        assert_eq!(prose_score(short), 0.0);
    }
}
