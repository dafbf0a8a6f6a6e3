//! Searching every lesson of a library at once.

use rayon::prelude::*;

use crate::model::Library;

use super::{LessonIndex, Match, Query};

/// Every lesson of a library folded for searching, prepared in parallel.
#[derive(Debug, Clone, Default)]
pub struct LibraryIndex {
    /// (course position, lesson position, index), in library order.
    lessons: Vec<(usize, usize, LessonIndex)>,
}

/// The matches in one lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonHits {
    /// Positions in `Library::courses` and in that course's lessons.
    pub course: usize,
    pub lesson: usize,
    /// In reading order.
    pub matches: Vec<Match>,
}

impl LessonHits {
    /// The best rank of a field with a match (see `FieldKind::rank`).
    pub fn best_rank(&self) -> u8 {
        self.matches
            .iter()
            .map(|m| m.field.kind().rank())
            .min()
            .unwrap_or(u8::MAX)
    }
}

impl LibraryIndex {
    pub fn new(library: &Library) -> LibraryIndex {
        let positions: Vec<(usize, usize)> = library
            .courses
            .iter()
            .enumerate()
            .flat_map(|(c, course)| (0..course.lessons.len()).map(move |l| (c, l)))
            .collect();
        let lessons = positions
            .into_par_iter()
            .map(|(c, l)| (c, l, LessonIndex::new(&library.courses[c].lessons[l])))
            .collect();
        LibraryIndex { lessons }
    }

    /// Bytes of folded text held.
    pub fn folded_len(&self) -> usize {
        self.lessons.iter().map(|(_, _, i)| i.folded_len()).sum()
    }

    /// The lessons where `query` matches, grouped by lesson: lessons whose
    /// title or headings match first (then summary, then body), each group
    /// in library order; matches within a lesson in reading order.
    pub fn search(&self, query: &Query) -> Vec<LessonHits> {
        let mut hits: Vec<LessonHits> = self
            .lessons
            .par_iter()
            .filter_map(|(course, lesson, index)| {
                let matches = index.find(query);
                (!matches.is_empty()).then_some(LessonHits {
                    course: *course,
                    lesson: *lesson,
                    matches,
                })
            })
            .collect();
        // Stable: library order within a rank.
        hits.sort_by_key(LessonHits::best_rank);
        hits
    }

    /// A one-off search of `library` (as `terakoya search` makes): each
    /// lesson is folded, searched and its folded text dropped in one
    /// parallel pass, so the whole library's folded text is never held.
    pub fn search_once(library: &Library, query: &Query) -> Vec<LessonHits> {
        let positions: Vec<(usize, usize)> = library
            .courses
            .iter()
            .enumerate()
            .flat_map(|(c, course)| (0..course.lessons.len()).map(move |l| (c, l)))
            .collect();
        let mut hits: Vec<LessonHits> = positions
            .into_par_iter()
            .filter_map(|(course, lesson)| {
                let index = LessonIndex::new(&library.courses[course].lessons[lesson]);
                let matches = index.find(query);
                (!matches.is_empty()).then_some(LessonHits {
                    course,
                    lesson,
                    matches,
                })
            })
            .collect();
        hits.sort_by_key(LessonHits::best_rank);
        hits
    }

    /// The index of one lesson, by position.
    pub fn lesson(&self, course: usize, lesson: usize) -> Option<&LessonIndex> {
        self.lessons
            .iter()
            .find(|(c, l, _)| (*c, *l) == (course, lesson))
            .map(|(_, _, index)| index)
    }
}
