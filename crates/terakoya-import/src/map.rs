//! From blocks to a lesson: which block is the title, the label, the
//! lecturer, the intro, each section and the summary points.

use std::collections::HashSet;

use crate::block::{Block, is_wide, join};
use crate::shape;
use crate::{Lecturer, Lesson, Point, Section};
use terakoya_core::bundle::{point_id, section_id};

/// How many blocks after the title may still hold its label.
const LABEL_REACH: usize = 2;

pub fn lesson(blocks: Vec<Block>, fallback_title: &str) -> Lesson {
    let (title, before, after) = split_title(blocks, fallback_title);
    let (mut label, title) = match shape::split_label_prefix(&title) {
        Some((label, rest)) => (Some(label), rest),
        None => (None, title),
    };
    let mut body = Vec::with_capacity(before.len() + after.len());
    let title_at = before.len();
    for (n, block) in before.into_iter().chain(after).enumerate() {
        let near_title = n < title_at || n < title_at + LABEL_REACH;
        let near_label = match &block {
            Block::Para(text) | Block::Heading { text, .. } if near_title => shape::label(text),
            _ => None,
        };
        match near_label {
            // `Lesson 3: …` then `〔2時限〕`: one label.
            Some(more) => {
                label = Some(label.map_or(more.clone(), |first| format!("{first} {more}")))
            }
            None => body.push(block),
        }
    }
    let body = promote_shape_headings(body);
    let section_level = body
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .min()
        .unwrap_or(2);

    let mut intro = Vec::new();
    let mut parts: Vec<(String, Vec<Block>)> = Vec::new();
    let mut profiles: Vec<Vec<Block>> = Vec::new();
    for block in body {
        match block {
            Block::Heading { level, text } if level <= section_level => {
                parts.push((text, Vec::new()))
            }
            Block::Profile(inner) => profiles.push(inner),
            other => match parts.last_mut() {
                Some((_, blocks)) => blocks.push(other),
                None => intro.push(other),
            },
        }
    }
    // A section headed 講師 / Profile is a profile too.
    let mut sections = Vec::with_capacity(parts.len());
    for (heading, blocks) in parts {
        if shape::is_profile_heading(&heading) {
            let mut inner = vec![Block::Heading {
                level: section_level,
                text: heading,
            }];
            inner.extend(blocks);
            profiles.push(inner);
        } else {
            sections.push((heading, blocks));
        }
    }

    let mut lecturer = None;
    for profile in profiles {
        match lecturer
            .is_none()
            .then(|| lecturer_from(&profile))
            .flatten()
        {
            Some(found) => lecturer = Some(found),
            // Unrecognisable: kept, at the end of the intro.
            None => intro.extend(profile),
        }
    }
    if lecturer.is_none()
        && let Some(at) = intro
            .iter()
            .position(|b| matches!(b, Block::Para(t) if shape::lecturer_line(t).is_some()))
        && let Block::Para(line) = intro.remove(at)
    {
        let name = shape::lecturer_line(&line).unwrap_or_default();
        lecturer = Some(Lecturer {
            name,
            bio: String::new(),
        });
    }

    let mut summary = Vec::new();
    if let Some((heading, blocks)) = sections.last()
        && shape::is_summary_heading(heading)
    {
        let (points, rest) = summary_points(blocks);
        if !points.is_empty() {
            summary = points;
            let heading = heading.clone();
            sections.pop();
            if rest.iter().any(|b| !b.markup().trim().is_empty()) {
                sections.push((heading, rest));
            }
        }
    }

    Lesson {
        label,
        title: one_line(&title),
        intro: join(&intro),
        lecturer,
        sections: with_unique_ids(
            sections
                .into_iter()
                .map(|(heading, blocks)| Section {
                    id: None,
                    heading: one_line(&heading),
                    body: join(&blocks),
                })
                .collect(),
        ),
        summary: unique_points(summary.iter().map(|text| one_line(text)).collect()),
    }
}

/// The title (the first heading of the highest level) and the blocks
/// before and after it.
fn split_title(mut blocks: Vec<Block>, fallback: &str) -> (String, Vec<Block>, Vec<Block>) {
    let top = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .min();
    let at = top.and_then(|top| {
        blocks
            .iter()
            .position(|b| matches!(b, Block::Heading { level, .. } if *level == top))
    });
    match at {
        Some(at) => {
            let after = blocks.split_off(at + 1);
            let title = match blocks.pop() {
                Some(Block::Heading { text, .. }) => text,
                _ => fallback.to_owned(),
            };
            (title, blocks, after)
        }
        None => (fallback.to_owned(), Vec::new(), blocks),
    }
}

/// Paragraphs that are headings by shape (`■ …`) become section headings:
/// of level 2, or of the real headings' level when that is higher (`#`).
fn promote_shape_headings(body: Vec<Block>) -> Vec<Block> {
    let level = body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .min()
        .map_or(2, |level| level.min(2));
    body.into_iter()
        .map(|block| match block {
            Block::Para(text) => match shape::shape_heading(&text) {
                Some(heading) => Block::Heading {
                    level,
                    text: heading,
                },
                None => Block::Para(text),
            },
            Block::Profile(inner) => Block::Profile(promote_shape_headings(inner)),
            other => other,
        })
        .collect()
}

/// A lecturer from a profile's blocks: a name (a heading, or a short first
/// paragraph, or `講師：name`), then the biography.
fn lecturer_from(blocks: &[Block]) -> Option<Lecturer> {
    let mut rest = blocks
        .iter()
        .skip_while(|b| matches!(b, Block::Heading { text, .. } if shape::is_profile_heading(text) || shape::is_profile_heading(&strip_brackets(text))));
    let first = rest.next()?;
    let name = match first {
        Block::Heading { text, .. } => text.clone(),
        Block::Para(text) => match shape::lecturer_line(text) {
            Some(name) => name,
            None if shape::is_name_like(text) => text.clone(),
            None => return None,
        },
        _ => return None,
    };
    let name = one_line(&strip_emphasis(&name));
    let bio: Vec<Block> = rest.cloned().collect();
    Some(Lecturer {
        name,
        bio: join(&bio),
    })
}

fn strip_brackets(text: &str) -> String {
    text.trim_matches(['【', '】', '[', ']', '■', '●', ' ', '　'])
        .to_owned()
}

/// `**山田 花子**` → `山田 花子`: a name is shown plain.
fn strip_emphasis(text: &str) -> String {
    let trimmed = text.trim();
    trimmed
        .strip_prefix("**")
        .and_then(|t| t.strip_suffix("**"))
        .unwrap_or(trimmed)
        .to_owned()
}

/// The points of a summary section: its lists' items, or its lines that
/// are list lines (`・…`, `1. …`); and the blocks that are no points.
fn summary_points(blocks: &[Block]) -> (Vec<String>, Vec<Block>) {
    let mut points = Vec::new();
    let mut rest = Vec::new();
    for block in blocks {
        match block {
            Block::List { items, .. } => points.extend(items.iter().cloned()),
            Block::Para(text) => {
                let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\\')).collect();
                let items: Option<Vec<String>> = lines
                    .iter()
                    .map(|l| shape::list_line(l).map(|(t, _)| t))
                    .collect();
                match items {
                    Some(items) if !items.is_empty() => points.extend(items),
                    _ => rest.push(block.clone()),
                }
            }
            other => rest.push(other.clone()),
        }
    }
    (points, rest)
}

/// Joins the lines of one-line markup with the soft-break rule: nothing
/// where either side is CJK, else a space. A list marker or hard break at a
/// line's end is dropped.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text
        .lines()
        .map(|l| l.trim().trim_end_matches('\\').trim())
        .filter(|l| !l.is_empty())
    {
        if let (Some(before), Some(after)) = (out.chars().last(), line.chars().next())
            && !is_wide(before)
            && !is_wide(after)
        {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Gives an explicit id to a section whose heading repeats an earlier one
/// (their derived ids would clash, an error in `check`).
fn with_unique_ids(mut sections: Vec<Section>) -> Vec<Section> {
    let mut seen = HashSet::new();
    for (n, section) in sections.iter_mut().enumerate() {
        if !seen.insert(section_id(&section.heading)) {
            section.id = Some(format!("section-{}", n + 1));
        }
    }
    sections
}

fn unique_points(texts: Vec<String>) -> Vec<Point> {
    let mut seen = HashSet::new();
    texts
        .into_iter()
        .filter(|text| !text.is_empty())
        .enumerate()
        .map(|(n, text)| {
            let id = (!seen.insert(point_id(&text))).then(|| format!("point-{}", n + 1));
            Point { id, text }
        })
        .collect()
}

#[cfg(test)]
#[path = "map_tests.rs"]
mod tests;
