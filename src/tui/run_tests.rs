use super::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use terakoya_core::progress::LessonKey;

#[test]
fn every_effect_is_carried_out_and_every_reply_reaches_update() {
    let mut app = crate::tui::tests::app(80, 24);
    let key = LessonKey::new("course", "lesson");
    let tick = Change::Tick {
        key: key.clone(),
        point: "a".into(),
        ticked: true,
        at: 1,
    };
    let mut saved = Vec::new();
    let step = carry_out(
        &mut app,
        vec![Effect::Save(vec![tick.clone()]), Effect::Quit],
        |changes| {
            saved.extend(changes);
            let mut progress = terakoya_core::progress::Progress::default();
            progress.apply(&tick);
            Msg::Saved {
                progress,
                warning: Some(Message::new("moved aside")),
            }
        },
    );
    assert!(matches!(step, Step::Exit(_)));
    assert_eq!(saved, [tick]);
    assert!(app.progress.is_ticked(&key, "a"), "the reply was applied");
    assert_eq!(app.status.unwrap().message.essential, "moved aside");
}

#[test]
fn only_the_last_resize_of_a_batch_is_kept() {
    let key = || {
        Event::Term(TermEvent::Key(KeyEvent::new(
            KeyCode::Char('j'),
            KeyModifiers::NONE,
        )))
    };
    let resize = |w| Event::Term(TermEvent::Resize(w, 10));
    let kept = without_superseded_resizes(vec![resize(1), key(), resize(2), key(), resize(3)]);
    let sizes: Vec<Option<u16>> = kept
        .iter()
        .map(|e| match e {
            Event::Term(TermEvent::Resize(w, _)) => Some(*w),
            _ => None,
        })
        .collect();
    assert_eq!(sizes, [None, None, Some(3)]);
}
