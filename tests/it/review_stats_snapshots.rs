//! The review and statistics screens as a learner sees them a month after
//! ticking points of 第6回: in Japanese at 80x24 and 40x12, and the
//! statistics in English at 40x12 (the charts sum days into weeks and say
//! so, headings are cut with an ellipsis, never mid-character).

use terakoya::i18n::{self, Lang};
use terakoya::tui::app::App;
use terakoya::tui::msg::Action::{self, *};
use terakoya_core::progress::{Change, LessonKey};
use terakoya_core::review::DAY;

use crate::reader_support::{act, draw, screen, sns_app};

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

/// 第6回 selected, its first four points ticked, then 30 days later.
fn a_month_later(width: u16, height: u16) -> App {
    let mut app = sns_app(width, height);
    let key = LessonKey::new("career", "06-sns");
    let lesson = app
        .library
        .courses
        .iter()
        .flat_map(|c| &c.lessons)
        .find(|l| l.id == "06-sns")
        .unwrap();
    let points: Vec<String> = lesson
        .summary
        .iter()
        .take(4)
        .map(|p| p.id.clone())
        .collect();
    for point in points {
        app.progress.apply(&Change::Tick {
            key: key.clone(),
            point,
            ticked: true,
            at: app.now,
        });
    }
    app.now += 30 * DAY;
    terakoya::tui::review::refresh_due(&mut app);
    app
}

fn drawn(lang: Lang, width: u16, height: u16, actions: &[Action]) -> String {
    i18n::with_lang(lang, || {
        let mut app = a_month_later(width, height);
        act(&mut app, actions);
        screen(&draw(&app))
    })
}

#[test]
fn the_review_screen_in_japanese() {
    for (width, height) in SIZES {
        let question = drawn(Lang::Ja, width, height, &[OpenReview]);
        assert!(question.contains("復習"), "{question}");
        insta::assert_snapshot!(format!("ja_review_{width}x{height}"), question);
        let answer = drawn(Lang::Ja, width, height, &[OpenReview, ShowAnswer]);
        insta::assert_snapshot!(format!("ja_review_answer_{width}x{height}"), answer);
    }
}

#[test]
fn the_statistics_screen_in_japanese() {
    for (width, height) in SIZES {
        let text = drawn(Lang::Ja, width, height, &[OpenStats]);
        assert!(text.contains("統計"), "{text}");
        insta::assert_snapshot!(format!("ja_stats_{width}x{height}"), text);
        let scrolled = drawn(
            Lang::Ja,
            width,
            height,
            &[OpenStats, ScrollDown, ScrollDown],
        );
        insta::assert_snapshot!(format!("ja_stats_scrolled_{width}x{height}"), scrolled);
    }
}

#[test]
fn the_statistics_screen_degrades_on_a_small_english_terminal() {
    let text = drawn(Lang::En, 40, 12, &[OpenStats]);
    // Too narrow for a bar a day: the headings say the bars are weeks.
    assert!(text.contains("weekly (8 weeks)"), "{text}");
    assert!(!text.contains("per day, last 56"), "{text}");
    insta::assert_snapshot!("en_stats_40x12", text);
    let scrolled = drawn(Lang::En, 40, 12, &[OpenStats, ScrollDown, ScrollDown]);
    insta::assert_snapshot!("en_stats_scrolled_40x12", scrolled);
}
