//! HTML articles (a page saved from a browser): find the article, drop the
//! site around it, and turn what is left into blocks of format-2 markup.

mod chrome;
mod convert;

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use crate::block::{Block, escape_inline, quote};
use crate::{Dropped, UNSURE_QUOTE_CHARS};
use chrome::Chrome;

/// What a page gave.
pub struct Page {
    pub blocks: Vec<Block>,
    /// The document's `<title>` (its first part, before ` | Site`), for a
    /// page without a heading.
    pub title: Option<String>,
    pub dropped: Dropped,
}

pub fn read(text: &str) -> Page {
    let html = Html::parse_document(text);
    let root = html.root_element();
    let scripts = root
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|el| chrome::always_dropped(*el) == Some(Chrome::Script))
        .filter(|el| !matches!(el.value().name(), "link" | "meta" | "base"))
        .filter(|el| {
            !el.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| chrome::always_dropped(a) == Some(Chrome::Script))
        })
        .count();
    let mut dropped = Dropped {
        scripts,
        ..Dropped::default()
    };
    let body = root
        .children()
        .filter_map(ElementRef::wrap)
        .find(|el| el.value().name() == "body")
        .unwrap_or(root);

    let article = best_candidates(body);
    let inside = |el: ElementRef| {
        article
            .iter()
            .any(|a| el.id() == *a || el.ancestors().any(|x| x.id() == *a))
    };
    let title_h1 = body
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|el| el.value().name() == "h1")
        .find(|el| {
            inside(*el)
                || !el
                    .ancestors()
                    .filter_map(ElementRef::wrap)
                    .any(|a| chrome::dropped_outside(a).is_some())
        });
    let profile = body.descendants().filter_map(ElementRef::wrap).find(|el| {
        chrome::is_profile(*el)
            && !el
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(chrome::is_profile)
    });

    let mut kept: HashSet<NodeId> = HashSet::new();
    for anchor in [title_h1, profile].into_iter().flatten() {
        kept.insert(anchor.id());
        kept.extend(anchor.ancestors().map(|a| a.id()));
    }

    let mut converter = convert::Converter::new(&kept, profile.map(|p| p.id()), &mut dropped);
    let mut blocks = Vec::new();
    if let Some(h1) = title_h1.filter(|h1| !inside(*h1)) {
        blocks.extend(converter.title_with_labels(h1));
    }
    for id in &article {
        if let Some(el) = html.tree.get(*id).and_then(ElementRef::wrap) {
            converter.container(el);
        }
    }
    blocks.extend(converter.finish());
    if let Some(profile) = profile.filter(|p| !inside(*p)) {
        let mut sub = convert::Converter::new(&kept, None, &mut dropped);
        sub.container(profile);
        blocks.push(Block::Profile(sub.finish()));
    }

    let skip: HashSet<NodeId> = article
        .iter()
        .copied()
        .chain(title_h1.map(|h| h.id()))
        .chain(profile.map(|p| p.id()))
        .collect();
    count_outside(body, &skip, &kept, &article, &mut dropped);

    Page {
        blocks,
        title: document_title(&html),
        dropped,
    }
}

/// The article: the best-scoring element (Readability's way, counting
/// Japanese punctuation), with the siblings that score well too.
fn best_candidates(body: ElementRef) -> Vec<NodeId> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut order: Vec<NodeId> = Vec::new();
    for el in body.descendants().filter_map(ElementRef::wrap) {
        let tag = el.value().name();
        let paragraph_like = matches!(tag, "p" | "pre" | "td" | "blockquote" | "li" | "dd")
            || (tag == "div"
                && el
                    .children()
                    .any(|c| c.value().as_text().is_some_and(|t| !t.trim().is_empty())));
        if !paragraph_like
            || el
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| chrome::always_dropped(a).is_some())
        {
            continue;
        }
        let score = chrome::prose_score(&chrome::text(el));
        if score == 0.0 {
            continue;
        }
        for (level, ancestor) in el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(3)
            .enumerate()
        {
            let entry = scores.entry(ancestor.id()).or_insert_with(|| {
                order.push(ancestor.id());
                chrome::base_score(ancestor)
            });
            *entry += score / [1.0, 2.0, 3.0][level];
        }
    }
    let tree = body.tree();
    let final_score = |id: NodeId| -> f64 {
        let el = tree.get(id).and_then(ElementRef::wrap);
        scores.get(&id).copied().unwrap_or(0.0) * (1.0 - el.map_or(0.0, chrome::link_density))
    };
    // Document order breaks ties, so the result never depends on hashing.
    order.sort_by_key(|id| body.descendants().position(|n| n.id() == *id));
    let Some(top) = order
        .iter()
        .copied()
        .fold(None, |best: Option<NodeId>, id| match best {
            Some(b) if final_score(b) >= final_score(id) => Some(b),
            _ => Some(id),
        })
    else {
        return vec![body.id()];
    };
    // Readability takes siblings from a fifth of the top score; half keeps a
    // busy Latin sidebar next to a short Japanese article out.
    let threshold = (final_score(top) * 0.5).max(10.0);
    let Some(parent) = tree.get(top).and_then(|n| n.parent()) else {
        return vec![top];
    };
    parent
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|sibling| {
            sibling.id() == top
                || (chrome::always_dropped(*sibling).is_none()
                    && (final_score(sibling.id()) >= threshold
                        || (sibling.value().name() == "p"
                            && chrome::is_prose(*sibling)
                            && chrome::text(*sibling).contains('。'))))
        })
        .map(|sibling| sibling.id())
        .collect()
}

/// Counts what is dropped around the article, and quotes prose that might
/// have belonged to it.
fn count_outside(
    el: ElementRef,
    skip: &HashSet<NodeId>,
    kept: &HashSet<NodeId>,
    article: &[NodeId],
    dropped: &mut Dropped,
) {
    for child in el.children().filter_map(ElementRef::wrap) {
        if skip.contains(&child.id()) {
            continue;
        }
        let holds_kept = kept.contains(&child.id())
            || article
                .iter()
                .any(|a| child.descendants().any(|d| d.id() == *a));
        if holds_kept {
            count_outside(child, skip, kept, article, dropped);
            continue;
        }
        match chrome::dropped_outside(child) {
            Some(Chrome::Script) => {}
            Some(kind) => {
                count(dropped, kind);
                if kind == Chrome::Navigation {
                    quote_prose(child, dropped);
                }
            }
            None if matches!(
                child.value().name(),
                "p" | "li" | "blockquote" | "dd" | "td"
            ) =>
            {
                if chrome::is_prose(child) {
                    dropped
                        .unsure
                        .push(quote(&chrome::text(child), UNSURE_QUOTE_CHARS));
                }
            }
            None => count_outside(child, skip, kept, article, dropped),
        }
    }
}

/// Quotes the prose paragraphs of a dropped block (a sidebar's "about
/// this site" is chrome; a column boxed in an `<aside>` might not be).
pub(crate) fn quote_prose(el: ElementRef, dropped: &mut Dropped) {
    for p in el.descendants().filter_map(ElementRef::wrap) {
        if matches!(p.value().name(), "p" | "blockquote") && chrome::is_prose(p) {
            dropped
                .unsure
                .push(quote(&chrome::text(p), UNSURE_QUOTE_CHARS));
        }
    }
}

pub(crate) fn count(dropped: &mut Dropped, kind: Chrome) {
    match kind {
        Chrome::Navigation => dropped.navigation += 1,
        // Counted once for the whole page, in `read`.
        Chrome::Script => {}
        Chrome::Form => dropped.forms += 1,
        Chrome::Media => dropped.media += 1,
    }
}

/// `<title>`'s first part: `医師とSNS | 講座サイト` → `医師とSNS`.
fn document_title(html: &Html) -> Option<String> {
    let title = html
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|el| el.value().name() == "title")?;
    let text = chrome::text(title);
    let first = [" | ", "｜", " - ", " – ", " — ", " :: "]
        .iter()
        .filter_map(|sep| text.split_once(sep).map(|(first, _)| first))
        .min_by_key(|first| first.len())
        .unwrap_or(&text)
        .trim();
    (!first.is_empty()).then(|| escape_inline(first))
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
