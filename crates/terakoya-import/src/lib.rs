//! Authoring helpers for terakoya: `import` turns an article (an HTML page
//! saved from a browser, a Markdown file or plain text) into a lesson file
//! of bundle format 2, and [`scaffold`] writes the skeletons of `new`.
//!
//! Like the core, this crate builds no user-facing sentence: it returns
//! types (what was mapped where, what was dropped, typed errors) and the
//! front end words them.
//!
//! The pipeline: [`decode`] bytes to text → a reader per format turns the
//! text into [`Block`]s of format-2 markup (`html`, `markdown`, `plain`) →
//! `map` finds title, label, lecturer, intro, sections and summary → `emit`
//! writes the TOML.

// Tests may unwrap: a panic there is a failed test.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod block;
pub mod course_file;
pub mod decode;
mod emit;
mod html;
pub mod ids;
mod map;
mod markdown;
mod plain;
pub mod scaffold;
mod shape;

pub use block::Block;
pub use emit::{multiline_string, one_line_string, to_toml};

use decode::DecodeError;

/// The kinds of article `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Html,
    Markdown,
    Text,
}

impl SourceKind {
    /// The kind of a file by its extension (`html`, `htm`, `xhtml`, `md`,
    /// `markdown`, `txt`), else by its first bytes: markup that starts like
    /// a web page (`<!DOCTYPE html`, `<html`, a `<meta` or `<head>` near the
    /// start) is HTML; a line starting with `# ` is Markdown; anything else
    /// is plain text.
    pub fn sniff(extension: Option<&str>, bytes: &[u8]) -> SourceKind {
        match extension.map(str::to_ascii_lowercase).as_deref() {
            Some("html" | "htm" | "xhtml" | "shtml") => return SourceKind::Html,
            Some("md" | "markdown" | "mdown" | "mkd") => return SourceKind::Markdown,
            Some("txt" | "text") => return SourceKind::Text,
            _ => {}
        }
        let head = &bytes[..bytes.len().min(1024)];
        let head = String::from_utf8_lossy(head).to_ascii_lowercase();
        let trimmed = head.trim_start_matches('\u{feff}').trim_start();
        if trimmed.starts_with("<!doctype html")
            || trimmed.starts_with("<html")
            || head.contains("<head>")
            || head.contains("<meta ")
            || head.contains("<body")
        {
            SourceKind::Html
        } else if trimmed.starts_with("# ") || head.contains("\n# ") || head.contains("\n## ") {
            SourceKind::Markdown
        } else {
            SourceKind::Text
        }
    }
}

/// A lesson as `import` found it: every text already format-2 markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lesson {
    pub label: Option<String>,
    pub title: String,
    pub intro: String,
    pub lecturer: Option<Lecturer>,
    pub sections: Vec<Section>,
    pub summary: Vec<Point>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lecturer {
    pub name: String,
    pub bio: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// Set only where the derived id would clash (two equal headings).
    pub id: Option<String>,
    pub heading: String,
    pub body: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Point {
    /// Set only where the derived id would clash (two equal points).
    pub id: Option<String>,
    pub text: String,
}

/// What `import` left out of the lesson, for the author to review.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dropped {
    /// Site chrome: headers, navigation, breadcrumbs, footers, sidebars,
    /// share buttons, related-article lists.
    pub navigation: usize,
    /// Scripts, styles, embedded frames and tracking pixels.
    pub scripts: usize,
    /// Forms and sign-up boxes.
    pub forms: usize,
    /// Pictures, videos and other media (a lesson holds text only).
    pub media: usize,
    /// Text outside the article that might have belonged to it, quoted
    /// briefly (at most [`UNSURE_QUOTE_CHARS`] characters each).
    pub unsure: Vec<String>,
}

/// How much of a dropped text block [`Dropped::unsure`] quotes.
pub const UNSURE_QUOTE_CHARS: usize = 24;

/// The result of importing one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub lesson: Lesson,
    pub dropped: Dropped,
}

/// Why an article could not be imported.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// Nothing readable was left (an empty file, or a page of chrome only).
    #[error("no article text found")]
    Empty,
}

/// Imports one article. `fallback_title` (say the file name) is the title
/// when the article has none.
pub fn import(
    bytes: &[u8],
    kind: SourceKind,
    fallback_title: &str,
) -> Result<Imported, ImportError> {
    let (blocks, doc_title, dropped) = match kind {
        SourceKind::Html => {
            let text = decode::decode_html(bytes)?;
            let page = html::read(&text);
            (page.blocks, page.title, page.dropped)
        }
        SourceKind::Markdown => (
            markdown::read(&decode::decode_utf8(bytes)?),
            None,
            Dropped::default(),
        ),
        SourceKind::Text => (
            plain::read(&decode::decode_utf8(bytes)?),
            None,
            Dropped::default(),
        ),
    };
    if blocks.is_empty() {
        return Err(ImportError::Empty);
    }
    let fallback = doc_title.unwrap_or_else(|| block::escape_inline(fallback_title));
    let lesson = map::lesson(blocks, &fallback);
    Ok(Imported { lesson, dropped })
}
