//! Format-2 text in the reader: the `ruby` setting and the layout cache.

use terakoya_core::model::{Span, SpanStyle};
use terakoya_core::text::styled::RubyMode;

use super::app::App;
use super::msg::Action;
use super::reading;
use super::tests::{act, app};

/// The sample app with a first paragraph holding ruby.
fn app_with_ruby() -> App {
    let mut app = app(80, 24);
    let lesson = &mut app.library.courses[0].lessons[0];
    let block = &mut lesson.sections[0].body.blocks[0];
    block.text = "褥瘡（じょくそう）を防ぐ。".to_owned();
    block.spans = vec![
        Span {
            start: 0,
            end: 27,
            style: SpanStyle::Ruby,
        },
        Span {
            start: 6,
            end: 27,
            style: SpanStyle::Reading,
        },
    ];
    app
}

fn layout_text(app: &App) -> String {
    app.lesson.as_ref().unwrap().layout.text.clone()
}

#[test]
fn the_ruby_setting_hides_readings_in_the_reader() {
    let mut app = app_with_ruby();
    app.ruby = RubyMode::Hide;
    act(&mut app, Action::Open);
    let text = layout_text(&app);
    assert!(text.contains("褥瘡を防ぐ。"), "{text}");
    assert!(!text.contains("じょくそう"), "{text}");
}

#[test]
fn ruby_is_inline_by_default_and_the_cache_keys_on_the_mode() {
    let mut app = app_with_ruby();
    act(&mut app, Action::Open);
    assert!(layout_text(&app).contains("褥瘡（じょくそう）を防ぐ。"));
    let (at, width) = {
        let state = app.lesson.as_ref().unwrap();
        (state.at, state.layout.width)
    };
    app.ruby = RubyMode::Hide;
    let hidden = reading::layout_for(&mut app, at, width).unwrap();
    assert!(!hidden.text.contains("じょくそう"), "a cached inline layout was reused");
    app.ruby = RubyMode::Inline;
    let inline = reading::layout_for(&mut app, at, width).unwrap();
    assert!(inline.text.contains("じょくそう"));
}
