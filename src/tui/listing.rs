//! The lesson list's rows: a "continue" row, course headings and lessons,
//! with their heights in lines. Pure; shared by update, view and the mouse.

use super::app::{App, LessonRef};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// Open the review screen: "Review: N due" (only when any are due).
    Review,
    /// Resume the last opened lesson at its saved position.
    Continue(LessonRef),
    Course(usize),
    Lesson(LessonRef),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub item: Item,
    /// First line of the row in the list.
    pub start: usize,
    pub height: usize,
}

impl Item {
    pub fn selectable(self) -> bool {
        !matches!(self, Item::Course(_))
    }

    pub fn lesson(self) -> Option<LessonRef> {
        match self {
            Item::Continue(at) | Item::Lesson(at) => Some(at),
            Item::Course(_) | Item::Review => None,
        }
    }
}

/// The last opened lesson, if it still exists.
pub fn last_opened(app: &App) -> Option<LessonRef> {
    let key = app.progress.last_opened.as_ref()?;
    let course = app
        .library
        .courses
        .iter()
        .position(|c| c.id == key.course)?;
    let lesson = app.library.courses[course]
        .lessons
        .iter()
        .position(|l| l.id == key.lesson)?;
    Some(LessonRef { course, lesson })
}

/// Every row, top to bottom. A course heading is preceded by a blank line
/// (except at the very top), which belongs to the heading's row.
pub fn rows(app: &App) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut line = 0;
    let mut push = |item, height| {
        rows.push(Row {
            item,
            start: line,
            height,
        });
        line += height;
    };
    if app.review_due > 0 {
        push(Item::Review, 1);
    }
    let resume = last_opened(app);
    if let Some(at) = resume {
        push(Item::Continue(at), 1);
    }
    for (ci, course) in app.library.courses.iter().enumerate() {
        let gap = usize::from(ci > 0 || resume.is_some() || app.review_due > 0);
        push(Item::Course(ci), 1 + gap);
        for lesson in 0..course.lessons.len() {
            push(Item::Lesson(LessonRef { course: ci, lesson }), 2);
        }
    }
    rows
}

/// The rows that can be selected, in order.
pub fn selectable(rows: &[Row]) -> Vec<Row> {
    rows.iter()
        .copied()
        .filter(|r| r.item.selectable())
        .collect()
}

pub fn total_lines(rows: &[Row]) -> usize {
    rows.last().map_or(0, |r| r.start + r.height)
}

/// The row selected at start: the "continue" row, or when the last lesson
/// is complete, the next unfinished lesson after it (else the first one).
pub fn preselected(app: &App) -> usize {
    // The "Review: N due" row is never preselected: Enter at start opens
    // a lesson, as always.
    usize::from(app.review_due > 0) + preselected_lesson(app)
}

fn preselected_lesson(app: &App) -> usize {
    let rows: Vec<Row> = rows(app)
        .into_iter()
        .filter(|r| r.item != Item::Review)
        .collect();
    let selectable = selectable(&rows);
    let Some(last) = last_opened(app) else {
        return 0;
    };
    let complete = app
        .key_of(last)
        .zip(app.lesson_at(last))
        .is_some_and(|(key, lesson)| app.is_complete(&key, lesson));
    if !complete {
        return 0;
    }
    let unfinished = |row: &Row| match row.item {
        Item::Lesson(at) => app
            .key_of(at)
            .zip(app.lesson_at(at))
            .is_some_and(|(key, lesson)| !app.is_complete(&key, lesson)),
        _ => false,
    };
    let after = selectable
        .iter()
        .position(|r| r.item == Item::Lesson(last))
        .unwrap_or(0);
    selectable
        .iter()
        .enumerate()
        .skip(after)
        .chain(selectable.iter().enumerate().take(after))
        .find(|(_, row)| unfinished(row))
        .map_or(0, |(index, _)| index)
}
