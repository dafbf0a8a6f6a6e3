//! Searching every lesson of a library at once.

use rayon::prelude::*;

use crate::model::Library;

use super::once::find_once;
use super::{LessonIndex, Match, Prefilter, Query};

/// Every lesson of a library folded for searching, prepared in parallel.
#[derive(Debug, Clone, Default)]
pub struct LibraryIndex {
    /// (course position, lesson position, index), in library order.
    lessons: Vec<(usize, usize, LessonIndex)>,
}

/// (course position, lesson position) of every lesson, in library order.
fn positions(library: &Library) -> Vec<(usize, usize)> {
    library
        .courses
        .iter()
        .enumerate()
        .flat_map(|(c, course)| (0..course.lessons.len()).map(move |l| (c, l)))
        .collect()
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
        let positions = positions(library);
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

    /// A one-off search of `library` (as `terakoya search` makes), with the
    /// same results as [`search`](Self::search) on a new index: fields that
    /// cannot match are ruled out on their original text (see
    /// [`Prefilter`]), and the rest are folded, searched and dropped in one
    /// parallel pass, so the library's folded text is never held.
    pub fn search_once(library: &Library, query: &Query) -> Vec<LessonHits> {
        let positions = positions(library);
        let prefilter = Prefilter::new(query);
        let mut hits: Vec<LessonHits> = positions
            .into_par_iter()
            .map_init(Vec::new, |joined, (course, lesson)| {
                let lesson_ref = &library.courses[course].lessons[lesson];
                let matches = find_once(lesson_ref, query, &prefilter, joined);
                (!matches.is_empty()).then_some(LessonHits {
                    course,
                    lesson,
                    matches,
                })
            })
            .flatten()
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
