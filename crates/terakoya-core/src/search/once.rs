//! One-off searches (`terakoya search`): each lesson is searched once and
//! nothing is kept, so the [`Prefilter`] decides what is folded at all.

use memchr::memmem;

use crate::model::Lesson;

use super::prefilter::Hit;
use super::{Field, Match, Prefilter, Query, fields, fold};

/// Every match of `query` in `lesson`, as [`LessonIndex::find`] gives:
/// the anchor's sources are looked for in all of the lesson's text at once
/// (a call per field cost more than the search, the fields being short);
/// fields without one are skipped, fields where they fold in place are
/// matched in place, and only the rest are folded.
///
/// `joined` is a buffer for the lesson's joined text, kept by each worker
/// of a library search (a new one for every lesson showed as page faults).
///
/// [`LessonIndex::find`]: super::LessonIndex::find
pub(super) fn find_once(
    lesson: &Lesson,
    query: &Query,
    prefilter: &Prefilter,
    joined: &mut Vec<u8>,
) -> Vec<Match> {
    let fields = fields(lesson);
    joined.clear();
    let mut starts = Vec::with_capacity(fields.len());
    for field in &fields {
        starts.push(joined.len());
        joined.extend_from_slice(field.text(lesson).as_bytes());
        // No source is a newline, so none is found across two fields.
        joined.push(b'\n');
    }
    let mut search = FieldSearch::new(query);
    let Some(hits) = prefilter.hits(joined) else {
        for &field in &fields {
            search.fold_and_find(lesson, field);
        }
        return search.matches;
    };
    let mut rest = hits.as_slice();
    while let Some(first) = rest.first() {
        let at = starts
            .partition_point(|&start| start <= first.at)
            .saturating_sub(1);
        let (Some(&field), Some(&start)) = (fields.get(at), starts.get(at)) else {
            break;
        };
        let end = start + field.text(lesson).len();
        let (here, after) = rest.split_at(rest.partition_point(|hit| hit.at < end));
        rest = after;
        search.search(lesson, field, prefilter, here, start);
    }
    search.matches
}

/// The matches found so far, and what finding more needs.
struct FieldSearch<'q> {
    finder: memmem::Finder<'q>,
    len: usize,
    /// One buffer for every field folded: a new one each time showed in
    /// the profile as malloc and page faults.
    folded: Vec<u8>,
    matches: Vec<Match>,
}

impl<'q> FieldSearch<'q> {
    fn new(query: &'q Query) -> FieldSearch<'q> {
        FieldSearch {
            finder: memmem::Finder::new(query.folded.as_bytes()),
            len: query.folded.len(),
            folded: Vec::new(),
            matches: Vec::new(),
        }
    }

    /// Searches `field`, where the anchor's sources are `hits` (offsets in
    /// the joined text, where the field starts at `start`).
    fn search(
        &mut self,
        lesson: &Lesson,
        field: Field,
        prefilter: &Prefilter,
        hits: &[Hit],
        start: usize,
    ) {
        let text = field.text(lesson);
        if hits.iter().all(|hit| hit.in_place) {
            let at = hits.iter().map(|hit| hit.at - start);
            if let Some(found) = prefilter.matches_in_place(text, at) {
                let found = found.into_iter().map(|range| Match { field, range });
                self.matches.extend(found);
                return;
            }
        }
        self.fold_and_find(lesson, field);
    }

    fn fold_and_find(&mut self, lesson: &Lesson, field: Field) {
        self.folded.clear();
        let map = fold::fold_into(&mut self.folded, field.text(lesson));
        let len = self.len;
        self.matches
            .extend(self.finder.find_iter(&self.folded).map(|at| Match {
                field,
                range: map.original_range(at..at + len),
            }));
    }
}
