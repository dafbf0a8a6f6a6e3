//! The status line's messages: warnings outlast a key, information does
//! not, and the essential part comes first and fits 80 columns.

use super::app::{Message, Status};
use super::msg::{Action, Msg};
use super::tests::{act, app};
use super::update::update;
use terakoya_core::progress::store::Store;
use terakoya_core::text::width::str_width;

#[test]
fn information_goes_with_the_next_key() {
    let mut app = app(80, 24);
    app.status = Status::info("hello");
    act(&mut app, Action::ScrollDown);
    assert_eq!(app.status, None);
}

#[test]
fn a_warning_stays_for_several_keys() {
    let mut app = app(80, 24);
    app.status = Status::warning("progress will not be saved");
    for _ in 0..Status::WARNING_KEYS {
        act(&mut app, Action::ScrollDown);
        assert!(app.status.as_ref().is_some_and(|s| s.warning));
    }
    act(&mut app, Action::ScrollDown);
    assert_eq!(app.status, None);
}

#[test]
fn a_save_failure_is_a_warning() {
    let mut app = app(80, 24);
    let _ = update(
        &mut app,
        Msg::SaveFailed(Message::with_detail("Progress not saved", "disk full")),
    );
    let status = app.status.unwrap();
    assert!(status.warning);
    assert_eq!(status.message.essential, "Progress not saved");
}

#[test]
fn the_bad_progress_file_message_says_the_essential_first() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("progress.toml"), b"\xff garbage [[[").unwrap();
    let warnings = Store::open(Some(dir.path())).warnings;
    let message = super::strings::store_warning(&warnings[0]);
    let (essential, detail) = (message.essential, message.detail.unwrap());
    assert!(
        essential.starts_with("unreadable progress.toml moved to progress.")
            && essential.ends_with(".bad; starting afresh"),
        "{essential}"
    );
    assert!(str_width(&essential) <= 80, "{essential}");
    assert!(detail.contains(&dir.path().display().to_string()));
}
