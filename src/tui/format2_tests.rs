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
    assert!(
        !hidden.text.contains("じょくそう"),
        "a cached inline layout was reused"
    );
    app.ruby = RubyMode::Inline;
    let inline = reading::layout_for(&mut app, at, width).unwrap();
    assert!(inline.text.contains("じょくそう"));
}

/// The app drawn on a test terminal: the buffer.
fn drawn(app: &App) -> ratatui::buffer::Buffer {
    let backend = ratatui::backend::TestBackend::new(app.area.width, app.area.height);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|frame| super::view::draw(app, frame))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// Where `symbol` is first drawn at or right of column `from`.
fn find(buf: &ratatui::buffer::Buffer, from: u16, symbol: &str) -> Option<(u16, u16)> {
    let area = buf.area;
    (0..area.height)
        .flat_map(|y| (from..area.width).map(move |x| (x, y)))
        .find(|&(x, y)| buf[(x, y)].symbol().contains(symbol))
}

#[test]
fn checklist_points_show_their_inline_spans() {
    let mut app = app(120, 30);
    let lesson = &mut app.library.courses[0].lessons[0];
    lesson.summary[0].text = "要点は褥瘡の予防。".to_owned();
    lesson.inline.points = vec![vec![Span {
        start: 9,
        end: 15,
        style: SpanStyle::Strong,
    }]];
    act(&mut app, Action::Open);
    let buf = drawn(&app);
    let checklist = app.lesson.as_ref().unwrap().screen.checklist_text;
    let bold = |symbol| {
        let (x, y) = find(&buf, checklist.x, symbol).unwrap();
        buf[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::BOLD)
    };
    assert!(bold("褥") && bold("瘡"));
    assert!(!bold("要") && !bold("予"));
}

#[test]
fn only_web_links_become_hyperlinks_and_only_when_enabled() {
    let mut app = app(80, 24);
    let block = &mut app.library.courses[0].lessons[0].sections[0].body.blocks[0];
    block.text = "ウェブとスクリプト".to_owned();
    block.spans = vec![
        Span {
            start: 0,
            end: 9,
            style: SpanStyle::Link("https://a.example/".into()),
        },
        Span {
            start: 12,
            end: 27,
            style: SpanStyle::Link("javascript:alert(1)".into()),
        },
    ];
    act(&mut app, Action::Open);
    let plain = drawn(&app);
    assert!(
        find(&plain, 0, "\x1b").is_none(),
        "hyperlinks are off by default"
    );
    app.hyperlinks = true;
    let buf = drawn(&app);
    let (x, y) = find(&buf, 0, "ウ").unwrap();
    let cell = &buf[(x, y)];
    assert_eq!(
        cell.symbol(),
        "\x1b]8;id=terakoya-0;https://a.example/\x1b\\ウ\x1b]8;;\x1b\\"
    );
    let (x, y) = find(&buf, 0, "ス").unwrap();
    assert_eq!(buf[(x, y)].symbol(), "ス", "a script link stays plain");
    assert!(
        buf[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::UNDERLINED)
    );
    assert!(find(&buf, 0, "javascript").is_none());
}

/// The characters drawn as search matches (reversed and underlined), in
/// reading order.
fn highlighted(buf: &ratatui::buffer::Buffer) -> String {
    use ratatui::style::Modifier;
    let area = buf.area;
    (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .map(|(x, y)| &buf[(x, y)])
        .filter(|cell| {
            cell.modifier
                .contains(Modifier::REVERSED | Modifier::UNDERLINED)
        })
        .map(|cell| cell.symbol().to_owned())
        .collect()
}

fn search_for(app: &mut App, text: &str) {
    use super::msg::{Msg, PromptKey};
    act(app, Action::Search);
    for c in text.chars() {
        let _ = super::update::update(app, Msg::Prompt(PromptKey::Char(c)));
    }
    let _ = super::update::update(app, Msg::Prompt(PromptKey::Accept));
}

#[test]
fn with_ruby_hidden_highlights_land_on_what_is_shown() {
    let mut app = app_with_ruby();
    app.ruby = RubyMode::Hide;
    act(&mut app, Action::Open);
    // The reading is not shown: searching for it highlights its base.
    search_for(&mut app, "じょくそう");
    assert_eq!(highlighted(&drawn(&app)), "褥瘡");
    // Text after a hidden reading: exactly the characters found.
    search_for(&mut app, "を防");
    assert_eq!(highlighted(&drawn(&app)), "を防");
    // Shown inline, the reading itself is highlighted.
    let mut app = app_with_ruby();
    act(&mut app, Action::Open);
    search_for(&mut app, "じょくそう");
    assert_eq!(highlighted(&drawn(&app)), "じょくそう");
}

#[test]
fn the_checklist_hides_readings_too_and_highlights_what_it_shows() {
    let mut app = app(120, 30);
    let lesson = &mut app.library.courses[0].lessons[0];
    lesson.summary[0].text = "褥瘡（じょくそう）を防ぐ。".to_owned();
    lesson.inline.points = vec![vec![
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
    ]];
    app.ruby = RubyMode::Hide;
    act(&mut app, Action::Open);
    let checklist = app.lesson.as_ref().unwrap().screen.checklist_text;
    let row = |buf: &ratatui::buffer::Buffer| -> String {
        let (_, y) = find(buf, checklist.x, "褥").unwrap();
        (checklist.x..checklist.right())
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect()
    };
    // Cells after wide characters draw as spaces.
    let shown = row(&drawn(&app)).replace(' ', "");
    assert!(shown.contains("褥瘡を防ぐ。"), "{shown}");
    assert!(!shown.contains("じょくそう"), "{shown}");
    search_for(&mut app, "じょくそう");
    assert_eq!(highlighted(&drawn(&app)), "褥瘡");
}

#[test]
fn two_matches_in_one_hidden_reading_are_one() {
    let mut app = app_with_ruby();
    let block = &mut app.library.courses[0].lessons[0].sections[0].body.blocks[0];
    // 東京 6 bytes, （とうきょう） 21: the same spans as 褥瘡（じょくそう）.
    block.text = "東京（とうきょう）へ。".to_owned();
    app.ruby = RubyMode::Hide;
    act(&mut app, Action::Open);
    // う twice in とうきょう: both are the base once the reading is hidden.
    search_for(&mut app, "う");
    let search = app.search.lesson.as_ref().unwrap();
    let in_base: Vec<_> = search
        .matches
        .iter()
        .filter(|m| m.range == (0..6))
        .collect();
    assert_eq!(in_base.len(), 1, "{:?}", search.matches);
    assert!(
        search
            .matches
            .windows(2)
            .all(|w| w[0].field != w[1].field || w[0].range.end <= w[1].range.start)
    );
}
