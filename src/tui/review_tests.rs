//! The review screen's update: rating, undo, leaving, unticking.

use terakoya_core::progress::history::EventKind;
use terakoya_core::progress::{Change, LessonKey};
use terakoya_core::review::{DAY, Rating};

use super::app::Screen;
use super::listing::{self, Item};
use super::msg::{Action, Msg};
use super::tests::{act, app};
use super::update::update;

fn key() -> LessonKey {
    LessonKey::new("study", "01-after-night-shift")
}

/// An app with the first three points of the sample lesson ticked at
/// `app.now`, then the clock moved 30 days on.
fn app_with_due_cards() -> super::app::App {
    let mut app = app(80, 24);
    let points: Vec<String> = app.library.courses[0].lessons[0]
        .summary
        .iter()
        .take(3)
        .map(|p| p.id.clone())
        .collect();
    for point in points {
        app.progress.apply(&Change::Tick {
            key: key(),
            point,
            ticked: true,
            at: app.now,
        });
    }
    app.now += 30 * DAY;
    super::review::refresh_due(&mut app);
    app
}

fn rated(app: &super::app::App) -> Vec<Rating> {
    let lesson = &app.progress.lessons[&key()];
    let mut ratings: Vec<(u64, Rating)> = lesson
        .log
        .values()
        .flatten()
        .filter_map(|e| match e.kind {
            EventKind::Review(rating) => Some((e.at, rating)),
            _ => None,
        })
        .collect();
    ratings.sort();
    ratings.into_iter().map(|(_, r)| r).collect()
}

#[test]
fn the_list_offers_the_due_cards_and_r_opens_them() {
    let mut app = app_with_due_cards();
    assert_eq!(app.review_due, 3);
    assert_eq!(listing::rows(&app)[0].item, Item::Review);
    act(&mut app, Action::OpenReview);
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.review.as_ref().unwrap().queue.len(), 3);
}

#[test]
fn ratings_are_saved_one_by_one_and_undo_takes_the_last_back() {
    let mut app = app_with_due_cards();
    act(&mut app, Action::OpenReview);
    act(&mut app, Action::ShowAnswer);
    assert!(app.review.as_ref().unwrap().revealed);
    let saved = act(&mut app, Action::RateGood);
    assert!(matches!(
        saved.as_slice(),
        [Change::Review {
            rating: Rating::Good,
            ..
        }]
    ));
    assert!(
        !app.review.as_ref().unwrap().revealed,
        "the next card starts hidden"
    );
    app.now += 60;
    act(&mut app, Action::RateHard);
    assert_eq!(rated(&app), [Rating::Good, Rating::Hard]);
    let undone = act(&mut app, Action::UndoRating);
    assert!(matches!(undone.as_slice(), [Change::Unreview { .. }]));
    assert_eq!(rated(&app), [Rating::Good]);
    assert_eq!(app.review.as_ref().unwrap().queue.len(), 2);
    // Leaving keeps what was rated; the list counts what is left.
    act(&mut app, Action::Back);
    assert_eq!(app.screen, Screen::List);
    assert_eq!(rated(&app), [Rating::Good]);
    assert_eq!(app.review_due, 2);
}

#[test]
fn unticking_a_point_removes_its_card() {
    let mut app = app_with_due_cards();
    act(&mut app, Action::OpenReview);
    let first = app.review.as_ref().unwrap().queue[0].point.clone();
    let mut progress = app.progress.clone();
    progress.apply(&Change::Tick {
        key: key(),
        point: first.clone(),
        ticked: false,
        at: app.now,
    });
    let _ = update(
        &mut app,
        Msg::Saved {
            progress,
            warning: None,
        },
    );
    let queue = &app.review.as_ref().unwrap().queue;
    assert_eq!(queue.len(), 2);
    assert!(queue.iter().all(|c| c.point != first));
    // Its history stays.
    assert_eq!(app.progress.lessons[&key()].log[&first].len(), 2);
}

/// A format-2 point with a question shows the question first; revealed, the
/// point (the answer) and only the sections it names.
#[test]
fn a_question_comes_first_and_named_sections_support_it() {
    use super::review::{LineKind, lines};
    let mut app = app_with_due_cards();
    act(&mut app, Action::OpenReview);
    let card = app.review.as_ref().unwrap().queue[0].clone();
    let first = card.point.clone();
    let lesson = &mut app.library.courses[card.at.course].lessons[card.at.lesson];
    let named = lesson.sections[1].id.clone();
    let point = lesson.summary.iter_mut().find(|p| p.id == first).unwrap();
    point.question = Some("夜勤明けに最初にすることは？".into());
    point.sections = vec![named];
    let (other_heading, named_heading) = (
        lesson.sections[0].heading.clone(),
        lesson.sections[1].heading.clone(),
    );
    let answer = point.text.clone();
    let text = |app: &super::app::App, kind: LineKind| -> String {
        lines(app, 200)
            .into_iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(text(&app, LineKind::Point), "夜勤明けに最初にすることは？");
    assert!(text(&app, LineKind::Heading).is_empty());
    act(&mut app, Action::ShowAnswer);
    assert!(text(&app, LineKind::Point).contains(&answer));
    let headings = text(&app, LineKind::Heading);
    assert!(headings.contains(&named_heading), "{headings}");
    assert!(!headings.contains(&other_heading), "{headings}");
}

#[test]
fn review_shows_ruby_as_the_reader_does() {
    use super::review::{LineKind, lines};
    use terakoya_core::model::{Span, SpanStyle};
    use terakoya_core::text::styled::RubyMode;
    let mut app = app_with_due_cards();
    act(&mut app, Action::OpenReview);
    let card = app.review.as_ref().unwrap().queue[0].clone();
    let lesson = &mut app.library.courses[card.at.course].lessons[card.at.lesson];
    let at = lesson
        .summary
        .iter()
        .position(|p| p.id == card.point)
        .unwrap();
    lesson.summary[at].text = "まず褥瘡（じょくそう）を防ぐ。".into();
    let mut points = vec![Vec::new(); at + 1];
    points[at] = vec![
        Span {
            start: 6,
            end: 33,
            style: SpanStyle::Ruby,
        },
        Span {
            start: 12,
            end: 33,
            style: SpanStyle::Reading,
        },
    ];
    lesson.inline.points = points;
    let point = |app: &super::app::App, width| -> Vec<String> {
        lines(app, width)
            .into_iter()
            .filter(|(k, _)| *k == LineKind::Point)
            .map(|(_, t)| t)
            .collect()
    };
    assert_eq!(point(&app, 80), ["まず褥瘡（じょくそう）を防ぐ。"]);
    // Narrow: the base and its reading stay on one line (at 20 columns the
    // plain breaker would cut after じょくそ).
    let narrow = point(&app, 20);
    assert!(
        narrow.iter().any(|l| l.contains("褥瘡（じょくそう）")),
        "{narrow:?}"
    );
    app.ruby = RubyMode::Hide;
    assert_eq!(point(&app, 80), ["まず褥瘡を防ぐ。"]);
    // The label's ruby too (its spans come before the title's).
    let lesson = &mut app.library.courses[card.at.course].lessons[card.at.lesson];
    lesson.label = Some("第（だい）6回".into());
    lesson.inline.label = vec![
        Span {
            start: 0,
            end: 15,
            style: SpanStyle::Ruby,
        },
        Span {
            start: 3,
            end: 15,
            style: SpanStyle::Reading,
        },
    ];
    let title = lesson.title.clone();
    let heading: Vec<String> = lines(&app, 200)
        .into_iter()
        .filter(|(k, _)| *k == LineKind::Lesson)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(heading, [format!("第6回 {title}")]);
}
