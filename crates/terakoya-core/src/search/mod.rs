//! Search a lesson and a library the way a Japanese reader types: both the
//! text and the query are folded (see [`fold`]), matched as plain substrings
//! of the folded text, and every match is reported on the original
//! characters of one field of the lesson.
//!
//! A lesson's folded text is prepared once ([`LessonIndex::new`]) and
//! searched with `memchr::memmem` on every keystroke; a library's indexes are
//! prepared in parallel ([`LibraryIndex::new`]).

mod excerpt;
pub mod fold;
mod library;
mod once;
mod prefilter;

use std::ops::Range;

use memchr::memmem;

use crate::model::{Lesson, Span, Text};

pub use excerpt::excerpt;
pub use fold::{Folded, fold};
pub use library::{LessonHits, LibraryIndex};
pub use prefilter::Prefilter;

/// Where in a lesson a match is: every piece of text a reader sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Label,
    Title,
    LecturerName,
    /// A block of the lecturer's biography.
    LecturerBio(usize),
    Intro(usize),
    Heading(usize),
    Body {
        section: usize,
        block: usize,
    },
    Summary(usize),
}

/// The kind of a [`Field`], as named in `search --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldKind {
    Title,
    Label,
    Lecturer,
    Intro,
    Heading,
    Body,
    Summary,
}

impl FieldKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FieldKind::Title => "title",
            FieldKind::Label => "label",
            FieldKind::Lecturer => "lecturer",
            FieldKind::Intro => "intro",
            FieldKind::Heading => "heading",
            FieldKind::Body => "body",
            FieldKind::Summary => "summary",
        }
    }

    /// How strongly a match here says "this is the lesson you want": the
    /// title and headings name what a lesson is about, the body mentions.
    pub fn rank(self) -> u8 {
        match self {
            FieldKind::Title | FieldKind::Label => 0,
            FieldKind::Heading => 1,
            FieldKind::Summary | FieldKind::Lecturer => 2,
            FieldKind::Intro | FieldKind::Body => 3,
        }
    }
}

impl Field {
    pub fn kind(self) -> FieldKind {
        match self {
            Field::Label => FieldKind::Label,
            Field::Title => FieldKind::Title,
            Field::LecturerName | Field::LecturerBio(_) => FieldKind::Lecturer,
            Field::Intro(_) => FieldKind::Intro,
            Field::Heading(_) => FieldKind::Heading,
            Field::Body { .. } => FieldKind::Body,
            Field::Summary(_) => FieldKind::Summary,
        }
    }

    /// The section the field belongs to, if any.
    pub fn section(self) -> Option<usize> {
        match self {
            Field::Heading(section) | Field::Body { section, .. } => Some(section),
            _ => None,
        }
    }

    /// The field's text in `lesson` (empty if the lesson has no such field).
    pub fn text(self, lesson: &Lesson) -> &str {
        match self {
            Field::Label => lesson.label.as_deref().unwrap_or(""),
            Field::Title => &lesson.title,
            Field::LecturerName => lesson.lecturer.as_ref().map_or("", |l| l.name.as_str()),
            Field::LecturerBio(at) => {
                block(lesson.lecturer.as_ref().and_then(|l| l.bio.as_ref()), at)
            }
            Field::Intro(at) => block(lesson.intro.as_ref(), at),
            Field::Heading(s) => lesson.sections.get(s).map_or("", |s| s.heading.as_str()),
            Field::Body { section, block: at } => {
                block(lesson.sections.get(section).map(|s| &s.body), at)
            }
            Field::Summary(p) => lesson.summary.get(p).map_or("", |p| p.text.as_str()),
        }
    }
}

impl Field {
    /// The field's inline spans in `lesson` (format 2; empty otherwise).
    pub fn spans(self, lesson: &Lesson) -> &[Span] {
        fn block(text: Option<&Text>, at: usize) -> &[Span] {
            text.and_then(|t| t.blocks.get(at))
                .map_or(&[], |b| b.spans.as_slice())
        }
        match self {
            Field::Label => &lesson.inline.label,
            Field::Title => &lesson.inline.title,
            Field::LecturerName => &[],
            Field::LecturerBio(at) => {
                block(lesson.lecturer.as_ref().and_then(|l| l.bio.as_ref()), at)
            }
            Field::Intro(at) => block(lesson.intro.as_ref(), at),
            Field::Heading(s) => lesson.inline.heading(s),
            Field::Body { section, block: at } => {
                block(lesson.sections.get(section).map(|s| &s.body), at)
            }
            Field::Summary(p) => lesson.inline.point(p),
        }
    }
}

/// Block `at` of `text`, or "" when there is none.
fn block(text: Option<&Text>, at: usize) -> &str {
    text.and_then(|t| t.blocks.get(at))
        .map_or("", |b| b.text.as_str())
}

/// Every field of `lesson`, in reading order (the order of matches).
pub fn fields(lesson: &Lesson) -> Vec<Field> {
    let blocks = |text: Option<&Text>| text.map_or(0, |t| t.blocks.len());
    let mut out = Vec::new();
    if lesson.label.is_some() {
        out.push(Field::Label);
    }
    out.push(Field::Title);
    if let Some(lecturer) = &lesson.lecturer {
        out.push(Field::LecturerName);
        out.extend((0..blocks(lecturer.bio.as_ref())).map(Field::LecturerBio));
    }
    out.extend((0..blocks(lesson.intro.as_ref())).map(Field::Intro));
    for (section, s) in lesson.sections.iter().enumerate() {
        out.push(Field::Heading(section));
        out.extend((0..s.body.blocks.len()).map(|block| Field::Body { section, block }));
    }
    out.extend((0..lesson.summary.len()).map(Field::Summary));
    out
}

/// A query, folded once. An empty (or all-space) query is no search.
#[derive(Debug, Clone)]
pub struct Query {
    folded: String,
}

impl Query {
    pub fn new(text: &str) -> Option<Query> {
        let folded = fold(text.trim()).text;
        (!folded.is_empty()).then_some(Query { folded })
    }

    /// The query as matched.
    pub fn folded(&self) -> &str {
        &self.folded
    }
}

/// A match: a field of the lesson and the original bytes in its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Match {
    pub field: Field,
    pub range: Range<usize>,
}

/// A lesson's text folded once for searching: every field's folded text
/// in one string, each followed by a newline (which no folded query holds,
/// so no match crosses fields).
#[derive(Debug, Clone, Default)]
pub struct LessonIndex {
    /// UTF-8 (see [`fold::fold_into`]).
    text: Vec<u8>,
    /// Each field, where its folded text starts in `text`, and its fold map.
    fields: Vec<(Field, usize, Folded)>,
}

impl LessonIndex {
    pub fn new(lesson: &Lesson) -> LessonIndex {
        let mut text = Vec::new();
        let mut out = Vec::new();
        for field in fields(lesson) {
            let start = text.len();
            let map = fold::fold_into(&mut text, field.text(lesson));
            text.push(b'\n');
            out.push((field, start, map));
        }
        LessonIndex { text, fields: out }
    }

    /// Bytes of folded text (a measure of the memory it takes).
    pub fn folded_len(&self) -> usize {
        self.text.len()
    }

    /// Every match of `query`, in reading order; matches do not overlap.
    pub fn find(&self, query: &Query) -> Vec<Match> {
        let finder = memmem::Finder::new(query.folded.as_bytes());
        let len = query.folded.len();
        finder
            .find_iter(&self.text)
            .filter_map(|at| self.to_match(at..at + len))
            .collect()
    }

    /// Whether `query` occurs at all (cheaper than [`find`](Self::find)).
    pub fn contains(&self, query: &Query) -> bool {
        memmem::find(&self.text, query.folded.as_bytes()).is_some()
    }

    fn to_match(&self, folded: Range<usize>) -> Option<Match> {
        let at = self
            .fields
            .partition_point(|(_, start, _)| *start <= folded.start);
        let (field, start, map) = self.fields.get(at.checked_sub(1)?)?;
        let local = folded.start - start..folded.end - start;
        Some(Match {
            field: *field,
            range: map.original_range(local),
        })
    }
}

#[cfg(test)]
mod tests;
