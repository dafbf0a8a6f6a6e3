//! The in-memory course model: plain data, no terminal or TOML types.
//!
//! Everything here has already been sanitised and normalised by the loader
//! (`bundle`), so the layers above can trust every string: no control
//! characters, tabs expanded, soft breaks joined, half-width kana widened.

use std::path::PathBuf;

/// Every course that loaded, in display order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    pub courses: Vec<Course>,
}

/// A directory of lessons with a `course.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    /// The directory name; the first half of every progress key.
    pub id: String,
    pub title: String,
    pub description: Option<Text>,
    pub lessons: Vec<Lesson>,
    /// Where the course came from (`<embedded>/...` for the built-in samples).
    pub path: PathBuf,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lesson {
    /// The file stem unless the file sets `id`; unique within its course.
    pub id: String,
    /// A series label such as "第6回 〔2時限〕", shown with the title.
    pub label: Option<String>,
    pub title: String,
    pub lecturer: Option<Lecturer>,
    pub intro: Option<Text>,
    pub sections: Vec<Section>,
    pub summary: Vec<SummaryPoint>,
    /// The lesson file, for messages.
    pub path: PathBuf,
    /// Emphasis, ruby and links in the one-line fields (format 2; empty
    /// for format 1).
    pub inline: InlineMarks,
}

/// The spans of a format-2 lesson's one-line fields, whose text is in the
/// plain strings (`Lesson::title`, `Section::heading`, …) as displayed with
/// ruby inline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InlineMarks {
    pub label: Vec<Span>,
    pub title: Vec<Span>,
    /// Per section, in section order (may be shorter: no spans).
    pub headings: Vec<Vec<Span>>,
    /// Per summary point, in order (may be shorter: no spans).
    pub points: Vec<Vec<Span>>,
}

impl InlineMarks {
    pub fn heading(&self, section: usize) -> &[Span] {
        self.headings.get(section).map_or(&[], Vec::as_slice)
    }

    pub fn point(&self, point: usize) -> &[Span] {
        self.points.get(point).map_or(&[], Vec::as_slice)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lecturer {
    pub name: String,
    pub bio: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Given in the file, or a stable hash of the heading (as for summary
    /// points), so that "sections read" survives reordering.
    pub id: String,
    pub heading: String,
    pub body: Text,
}

/// One point of a lesson's まとめ, the unit the reader ticks off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SummaryPoint {
    /// Given in the file, or a stable hash of the text, so that progress
    /// never attaches to a different point after an edit.
    pub id: String,
    pub text: String,
    /// Format 2: the front of the point's review card (the point is then
    /// the answer).
    pub question: Option<String>,
    /// Format 2: the ids of the sections the point sums up (checked to
    /// exist); empty means the whole lesson.
    pub sections: Vec<String>,
}

/// A text field after the light markup has been parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub blocks: Vec<Block>,
}

/// A paragraph or a list item; its `text` has soft breaks already joined,
/// so it holds no newline (but for a code block, whose lines it joins).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// Styled stretches of `text` (format 2), sorted by start; they may
    /// nest (a strong word in a link) but never cross a ruby group.
    pub spans: Vec<Span>,
    /// Where the block sits in quotes and lists (format 2).
    pub nest: Nest,
    /// The cells of a [`BlockKind::Table`]; `None` for other kinds.
    pub table: Option<Box<Table>>,
}

/// The nesting of a block: quote depth, and the columns its enclosing list
/// items indent it by (not counting its own marker).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Nest {
    pub quote: u8,
    pub indent: u16,
}

/// A styled stretch `start..end` (bytes) of a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub style: SpanStyle,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SpanStyle {
    Strong,
    Emphasis,
    /// Inline code: never broken by the Japanese rules.
    Code,
    /// A link's text; the URL as written (sanitised).
    Link(Box<str>),
    /// A whole ruby group, base and reading: never split across lines.
    Ruby,
    /// The reading of a ruby group with its brackets, `（かんじ）`: the end
    /// of a [`SpanStyle::Ruby`] span; left out when ruby is hidden.
    Reading,
}

/// A table: the header row first; rows may have fewer cells than the
/// header (the rest are empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
}

/// One table cell: one line of text with its spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum BlockKind {
    #[default]
    Paragraph,
    /// A list item written as `・item`, the marker of Japanese lists (and
    /// the kind of items built in code); the marker is not part of `text`.
    ListItem,
    /// A list item written as `- item`; the marker is not part of `text`.
    DashListItem,
    /// An item of a numbered list (format 2), with its number.
    NumberedItem(u32),
    /// A code block (format 2): lines joined by `\n`, never wrapped by the
    /// Japanese rules.
    Code,
    /// A thematic break (format 2); `text` is empty.
    Rule,
    /// A table (format 2): see [`Block::table`]; `text` is empty.
    Table,
}

impl BlockKind {
    /// Whether this is a list item, whichever marker it was written with.
    pub fn is_list_item(self) -> bool {
        matches!(
            self,
            BlockKind::ListItem | BlockKind::DashListItem | BlockKind::NumberedItem(_)
        )
    }
}

impl Block {
    /// A block of plain text (no spans, not nested).
    pub fn plain(kind: BlockKind, text: impl Into<String>) -> Block {
        Block {
            kind,
            text: text.into(),
            ..Block::default()
        }
    }
}

impl Library {
    pub fn course(&self, id: &str) -> Option<&Course> {
        self.courses.iter().find(|c| c.id == id)
    }

    /// Finds `course/lesson`, or a bare `lesson` id when exactly one course has it.
    pub fn find_lesson(&self, spec: &str) -> Result<(&Course, &Lesson), FindError> {
        if let Some((course_id, lesson_id)) = spec.split_once('/') {
            let course = self
                .course(course_id)
                .ok_or_else(|| FindError::NotFound(spec.to_owned()))?;
            let lesson = course
                .lesson(lesson_id)
                .ok_or_else(|| FindError::NotFound(spec.to_owned()))?;
            return Ok((course, lesson));
        }
        let mut hits = self
            .courses
            .iter()
            .filter_map(|c| c.lesson(spec).map(|l| (c, l)));
        match (hits.next(), hits.next()) {
            (Some(hit), None) => Ok(hit),
            (None, _) => Err(FindError::NotFound(spec.to_owned())),
            (Some(first), Some(second)) => {
                let mut ids = vec![
                    format!("{}/{}", first.0.id, spec),
                    format!("{}/{}", second.0.id, spec),
                ];
                ids.extend(hits.map(|(c, _)| format!("{}/{}", c.id, spec)));
                Err(FindError::Ambiguous {
                    spec: spec.to_owned(),
                    candidates: ids,
                })
            }
        }
    }
}

impl Course {
    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }
}

impl Text {
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }
}

/// Why [`Library::find_lesson`] found no single lesson. Data only: the
/// front end words it (and names its own command to list the ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindError {
    /// No lesson has this `course/lesson` or bare id.
    NotFound(String),
    /// A bare id several courses have: `candidates` are `course/lesson`.
    Ambiguous {
        spec: String,
        candidates: Vec<String>,
    },
}

/// Technical, for logs and tests: people read the front end's wording.
impl std::fmt::Display for FindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for FindError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson(id: &str) -> Lesson {
        Lesson {
            id: id.into(),
            label: None,
            title: id.into(),
            lecturer: None,
            intro: None,
            sections: vec![],
            summary: vec![],
            path: PathBuf::new(),
            inline: InlineMarks::default(),
        }
    }

    fn course(id: &str, lessons: &[&str]) -> Course {
        Course {
            id: id.into(),
            title: id.into(),
            description: None,
            lessons: lessons.iter().map(|l| lesson(l)).collect(),
            path: PathBuf::new(),
        }
    }

    #[test]
    fn find_lesson_by_full_and_bare_id() {
        let lib = Library {
            courses: vec![course("a", &["one", "two"]), course("b", &["two"])],
        };
        assert_eq!(
            lib.find_lesson("a/two")
                .map(|(c, l)| (c.id.as_str(), l.id.as_str())),
            Ok(("a", "two"))
        );
        assert_eq!(lib.find_lesson("one").map(|(c, _)| c.id.as_str()), Ok("a"));
        assert!(
            matches!(lib.find_lesson("two"), Err(FindError::Ambiguous { candidates, .. }) if candidates == ["a/two", "b/two"])
        );
        assert!(matches!(
            lib.find_lesson("a/zzz"),
            Err(FindError::NotFound(_))
        ));
    }
}
