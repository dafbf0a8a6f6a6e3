//! The review screen's state and its pure update: one due card at a time;
//! the learner recalls, shows the lesson's supporting text (`Space`), then
//! rates 1–4; `u` takes the last rating back. Every rating is saved at once,
//! so leaving mid-review keeps what was rated.
//!
//! Cards are the ticked points due by the end of the local day
//! (`crate::schedule`), fixed when the screen opens: a card rated "again"
//! comes back in a later session, not this one.

use jiff::tz::TimeZone;
use terakoya_core::model::Span;
use terakoya_core::progress::{Change, LessonKey, history};
use terakoya_core::review::{Card, Rating, Scheduler};
use terakoya_core::text::linebreak::{break_lines_keeping, shown};
use terakoya_core::text::styled::{DisplayOptions, display, kept_ranges};

use super::app::{App, LessonRef, Screen, Status};
use super::msg::{Action, Effect};
use super::scroll;
use crate::schedule;

/// One card of the session, by position (valid for this run) and by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardRef {
    pub at: LessonRef,
    pub key: LessonKey,
    pub point: String,
}

/// A rating given in this session (for undo).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rated {
    pub card: CardRef,
    pub rating: Rating,
    pub at: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewState {
    /// Cards still to rate; the first is shown.
    pub queue: Vec<CardRef>,
    pub rated: Vec<Rated>,
    /// Whether the supporting text shows.
    pub revealed: bool,
    /// First visible line of the supporting text.
    pub top: usize,
}

/// The review settings the runtime hands the reader.
#[derive(Debug, Clone)]
pub struct ReviewSettings {
    pub retention: Option<f32>,
    /// The user's time zone, for "due today".
    pub zone: TimeZone,
}

impl Default for ReviewSettings {
    fn default() -> Self {
        ReviewSettings {
            retention: None,
            zone: TimeZone::UTC,
        }
    }
}

pub fn scheduler(app: &App) -> Option<Scheduler> {
    schedule::scheduler(app.review_settings.retention)
}

/// The cards due by the end of today, soonest first.
pub fn due_cards(app: &App) -> Vec<CardRef> {
    let Some(scheduler) = scheduler(app) else {
        return Vec::new();
    };
    let outlook = schedule::outlook(
        &app.library,
        &app.progress,
        &scheduler,
        app.now,
        &app.review_settings.zone,
        0,
    );
    outlook
        .due
        .iter()
        .filter_map(|due| {
            let course = app
                .library
                .courses
                .iter()
                .position(|c| c.id == due.course.id)?;
            let lesson = app.library.courses[course]
                .lessons
                .iter()
                .position(|l| l.id == due.lesson.id)?;
            Some(CardRef {
                at: LessonRef { course, lesson },
                key: due.key(),
                point: due.point.id.clone(),
            })
        })
        .collect()
}

/// Counts the due cards again (for the list's "Review: N due" row).
pub fn refresh_due(app: &mut App) {
    app.review_due = due_cards(app).len();
}

/// Opens the review screen (`r` in the list).
pub fn open(app: &mut App) -> Vec<Effect> {
    let queue = due_cards(app);
    app.review_due = queue.len();
    if queue.is_empty() {
        app.status = Status::info(crate::t!("review.nothing_due"));
        return Vec::new();
    }
    app.review = Some(ReviewState {
        queue,
        ..ReviewState::default()
    });
    app.screen = Screen::Review;
    Vec::new()
}

/// The card a point's log gives now (its tick and reviews replayed).
pub fn card_of(app: &App, card: &CardRef, scheduler: &Scheduler) -> Option<Card> {
    let log = app.progress.lesson(&card.key)?.log.get(&card.point);
    let ticked_at = log.and_then(history::ticked_at).unwrap_or(0);
    let reviews = log.map(history::reviews).unwrap_or_default();
    Some(scheduler.replay(ticked_at, &reviews))
}

/// The interval in days each rating would give the shown card now.
pub fn intervals(app: &App) -> Option<[u64; 4]> {
    let state = app.review.as_ref()?;
    let card = state.queue.first()?;
    let scheduler = scheduler(app)?;
    let now_card = card_of(app, card, &scheduler)?;
    Some(scheduler.preview(&now_card, app.now))
}

pub fn action(app: &mut App, action: Action, text_lines: usize, height: usize) -> Vec<Effect> {
    let rating = match action {
        Action::RateAgain => Some(Rating::Again),
        Action::RateHard => Some(Rating::Hard),
        Action::RateGood => Some(Rating::Good),
        Action::RateEasy => Some(Rating::Easy),
        _ => None,
    };
    if let Some(rating) = rating {
        return rate(app, rating);
    }
    let Some(state) = app.review.as_mut() else {
        return Vec::new();
    };
    let delta = match action {
        Action::Back => {
            leave(app);
            return Vec::new();
        }
        Action::ShowAnswer => {
            state.revealed = !state.revealed;
            state.top = 0;
            return Vec::new();
        }
        Action::UndoRating => return undo(app),
        Action::ToggleHelp => {
            app.help = Some(0);
            return Vec::new();
        }
        Action::ScrollDown => 1,
        Action::ScrollUp => -1,
        Action::PageDown => scroll::page(height) as isize,
        Action::PageUp => -(scroll::page(height) as isize),
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => 0,
    };
    state.top = scroll::scroll_by(state.top, delta, text_lines, height);
    Vec::new()
}

fn rate(app: &mut App, rating: Rating) -> Vec<Effect> {
    let Some(state) = app.review.as_mut() else {
        return Vec::new();
    };
    if state.queue.is_empty() {
        return Vec::new();
    }
    let card = state.queue.remove(0);
    let change = Change::Review {
        key: card.key.clone(),
        point: card.point.clone(),
        rating,
        at: app.now,
    };
    state.rated.push(Rated {
        card,
        rating,
        at: app.now,
    });
    state.revealed = false;
    state.top = 0;
    let finished = state.queue.is_empty();
    app.progress.apply(&change);
    app.review_due = app.review_due.saturating_sub(1);
    if finished {
        app.status = Status::info(crate::t!("review.finished"));
    }
    vec![Effect::Save(vec![change])]
}

fn undo(app: &mut App) -> Vec<Effect> {
    let Some(state) = app.review.as_mut() else {
        return Vec::new();
    };
    let Some(last) = state.rated.pop() else {
        app.status = Status::info(crate::t!("review.nothing_to_undo"));
        return Vec::new();
    };
    let change = Change::Unreview {
        key: last.card.key.clone(),
        point: last.card.point.clone(),
        rating: last.rating,
        at: last.at,
    };
    state.queue.insert(0, last.card);
    state.revealed = false;
    state.top = 0;
    app.progress.apply(&change);
    app.review_due += 1;
    vec![Effect::Save(vec![change])]
}

/// Back to the list; the ratings given are already saved.
pub fn leave(app: &mut App) {
    app.review = None;
    app.screen = Screen::List;
    refresh_due(app);
}

/// Drops cards whose point was unticked meanwhile (another window, a sync):
/// unticking removes a point's card.
pub fn drop_unticked(app: &mut App) {
    let progress = &app.progress;
    if let Some(state) = app.review.as_mut() {
        state
            .queue
            .retain(|card| progress.is_ticked(&card.key, &card.point));
    }
}

/// What a line of the review body is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The lesson the point sums up.
    Lesson,
    Point,
    Heading,
    Text,
    /// A hint ("Space: show the lesson's text").
    Hint,
    Blank,
}

/// The body of the review screen at `width` columns: the lesson, the point,
/// and when revealed the opening paragraph of each section the point sums
/// up (all of them when it names none).
pub fn lines(app: &App, width: u16) -> Vec<(LineKind, String)> {
    let width = usize::from(width).max(1);
    let mut out = Vec::new();
    let Some(state) = app.review.as_ref() else {
        return out;
    };
    let Some(card) = state.queue.first() else {
        return out;
    };
    let Some(lesson) = app.lesson_at(card.at) else {
        return out;
    };
    // Format 2: shown as the reader shows it (ruby inline or hidden), a
    // ruby group never split across lines.
    let options = DisplayOptions {
        ruby: app.ruby,
        ..DisplayOptions::default()
    };
    let push = |out: &mut Vec<(LineKind, String)>, kind, text: &str, spans: &[Span]| {
        let (text, spans) = display(text, spans, options);
        break_lines_keeping(&text, width, &kept_ranges(&spans), |range, _| {
            out.push((kind, shown(&text, range, width).to_owned()));
        });
    };
    // The label before the title, the title's spans moved after it.
    let label = lesson.label.as_ref().map(|label| format!("{label} "));
    let shift = label
        .as_ref()
        .map_or(0, |l| terakoya_core::text::to_u32(l.len()));
    let title = format!("{}{}", label.unwrap_or_default(), lesson.title);
    let label_spans = lesson
        .label
        .as_ref()
        .map_or(&[][..], |_| &lesson.inline.label);
    let title_spans: Vec<Span> = label_spans
        .iter()
        .cloned()
        .chain(lesson.inline.title.iter().map(|s| Span {
            start: s.start + shift,
            end: s.end + shift,
            style: s.style.clone(),
        }))
        .collect();
    push(&mut out, LineKind::Lesson, &title, &title_spans);
    out.push((LineKind::Blank, String::new()));
    let at = lesson.summary.iter().position(|p| p.id == card.point);
    let point = at.and_then(|at| lesson.summary.get(at));
    let point_spans = at.map_or(&[][..], |at| lesson.inline.point(at));
    // A point with a question (format 2) is the answer to it: the question
    // shows first and the point with the supporting text.
    let question = point.and_then(|p| p.question.as_deref());
    match (question, point) {
        (Some(question), _) => push(&mut out, LineKind::Point, question, &[]),
        (None, Some(point)) => push(&mut out, LineKind::Point, &point.text, point_spans),
        (None, None) => push(&mut out, LineKind::Point, "", &[]),
    }
    out.push((LineKind::Blank, String::new()));
    if !state.revealed {
        push(&mut out, LineKind::Hint, crate::t!("review.recall"), &[]);
        return out;
    }
    if let (Some(_), Some(point)) = (question, point) {
        push(&mut out, LineKind::Point, &point.text, point_spans);
        out.push((LineKind::Blank, String::new()));
    }
    // The sections the point sums up (format 2 may name them); else the
    // lesson's opening and every section.
    let named: &[String] = point.map_or(&[], |p| p.sections.as_slice());
    if named.is_empty()
        && let Some(intro) = lesson.intro.as_ref().and_then(|t| t.blocks.first())
    {
        push(&mut out, LineKind::Text, &intro.text, &intro.spans);
        out.push((LineKind::Blank, String::new()));
    }
    for (at, section) in lesson.sections.iter().enumerate() {
        if !named.is_empty() && !named.contains(&section.id) {
            continue;
        }
        let heading_spans = lesson.inline.heading(at);
        push(&mut out, LineKind::Heading, &section.heading, heading_spans);
        if let Some(block) = section.body.blocks.first() {
            push(&mut out, LineKind::Text, &block.text, &block.spans);
        }
        out.push((LineKind::Blank, String::new()));
    }
    out
}

/// The title row, the body, and the status row (none below 3 rows).
pub fn areas(
    area: ratatui::layout::Rect,
) -> (
    ratatui::layout::Rect,
    ratatui::layout::Rect,
    Option<ratatui::layout::Rect>,
) {
    use ratatui::layout::Rect;
    let title = Rect::new(area.x, area.y, area.width, 1.min(area.height));
    if area.height < 3 {
        let body = Rect::new(
            area.x,
            area.y + title.height,
            area.width,
            area.height - title.height,
        );
        return (title, body, None);
    }
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    (title, body, Some(status))
}

/// The body's line count and height at the app's size (for scrolling).
pub fn body_size(app: &App) -> (usize, usize) {
    let (_, body, _) = areas(app.area);
    (lines(app, body.width).len(), usize::from(body.height))
}
