use super::keys::Key;
use super::theme::Colour;
use super::*;

const ACTIONS: &[&str] = &["toggle_tick", "page_down", "quit", "next_section"];

fn problems(source: &str) -> Vec<ProblemKind> {
    parse(source, ACTIONS)
        .1
        .into_iter()
        .map(|p| p.kind)
        .collect()
}

#[test]
fn an_empty_file_is_the_defaults() {
    assert_eq!(parse("", ACTIONS), (Config::default(), vec![]));
}

#[test]
fn every_setting_is_read() {
    let source = r##"
lang = "ja"
lessons = "~/courses"
reading_width = 40
theme = "dark"

[keys]
toggle_tick = ["t", "space"]
page_down = "ctrl-f"
"##;
    let (config, problems) = parse(source, ACTIONS);
    assert_eq!(problems, vec![]);
    assert_eq!(config.lang, Some(Lang::Ja));
    assert_eq!(config.lessons, Some(PathBuf::from("~/courses")));
    assert_eq!(config.reading_width, 40);
    assert_eq!(config.theme.base, ThemeName::Dark);
    let keys: Vec<(&str, &[KeySpec])> = config
        .keys
        .iter()
        .map(|(a, k, _)| (a.as_str(), k.as_slice()))
        .collect();
    assert_eq!(
        keys,
        vec![
            (
                "toggle_tick",
                &[
                    KeySpec::plain(Key::Char('t')),
                    KeySpec::plain(Key::Char(' '))
                ][..]
            ),
            ("page_down", &[KeySpec::ctrl('f')][..]),
        ]
    );
}

#[test]
fn a_theme_table_overrides_roles() {
    let source = "[theme]\nbase = \"light\"\nheading = \"#ff8800\"\nmatch = \"208\"\n";
    let (config, problems) = parse(source, ACTIONS);
    assert_eq!(problems, vec![]);
    assert_eq!(config.theme.base, ThemeName::Light);
    assert_eq!(config.theme.colour(Role::Heading), Colour::Rgb(255, 136, 0));
    assert_eq!(config.theme.colour(Role::Match), Colour::Indexed(208));
}

#[test]
fn mistakes_are_named_with_a_suggestion_and_their_place() {
    let source =
        "reading_widht = 60\ntheme = \"drak\"\n[keys]\ntogle_tick = \"t\"\nquit = \"ctrl-\"\n";
    let (config, found) = parse(source, ACTIONS);
    assert_eq!(config, Config::default());
    let kinds: Vec<&ProblemKind> = found.iter().map(|p| &p.kind).collect();
    assert_eq!(
        kinds,
        vec![
            &ProblemKind::UnknownSetting {
                name: "reading_widht".into(),
                suggestion: Some("reading_width".into())
            },
            &ProblemKind::UnknownTheme {
                value: "drak".into(),
                suggestion: Some("dark".into())
            },
            &ProblemKind::UnknownAction {
                name: "togle_tick".into(),
                suggestion: Some("toggle_tick".into())
            },
            &ProblemKind::BadKey {
                value: "ctrl-".into(),
                suggestion: Some("ctrl-".into())
            },
        ]
    );
    // Spans point at the offending text.
    assert_eq!(&source[found[0].span.clone()], "reading_widht");
    assert_eq!(&source[found[1].span.clone()], "\"drak\"");
    assert_eq!(&source[found[2].span.clone()], "togle_tick");
}

#[test]
fn wrong_types_and_ranges_are_problems_not_panics() {
    assert_eq!(
        problems("reading_width = \"wide\""),
        vec![ProblemKind::WrongType {
            setting: "reading_width".into(),
            expected: "integer"
        }]
    );
    assert_eq!(
        problems("reading_width = 5"),
        vec![ProblemKind::ReadingWidth { value: 5 }]
    );
    assert_eq!(
        problems("reading_width = 99999999999"),
        vec![ProblemKind::ReadingWidth {
            value: 99_999_999_999
        }]
    );
    assert_eq!(
        problems("lang = \"fr\""),
        vec![ProblemKind::UnknownLang { value: "fr".into() }]
    );
    assert_eq!(
        problems("[theme]\nheadng = \"red\"\ntext = \"purple\""),
        vec![
            ProblemKind::UnknownRole {
                name: "headng".into(),
                suggestion: Some("heading".into())
            },
            ProblemKind::BadColour {
                value: "purple".into()
            }
        ]
    );
    assert!(matches!(problems("lang = ")[..], [ProblemKind::Syntax(_)]));
}

#[test]
fn a_missing_default_file_is_no_error_but_a_named_one_is() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("config.toml");
    let loaded = load(&missing, false, ACTIONS).unwrap();
    assert_eq!(loaded.config, Config::default());
    assert!(load(&missing, true, ACTIONS).is_err());
    assert!(
        load(dir.path(), true, ACTIONS).is_err(),
        "a directory is not a config file"
    );
}

#[test]
fn locate_prefers_the_option_then_the_environment() {
    let option = Path::new("/a/config.toml");
    assert_eq!(
        locate(Some(option), Some("/b".into())),
        Some(option.to_owned())
    );
    assert_eq!(locate(None, Some("/b".into())), Some(PathBuf::from("/b")));
    assert_eq!(locate(None, Some(PathBuf::new())), default_path());
}

#[test]
fn ruby_is_inline_or_hide_with_a_suggestion_for_a_slip() {
    let (config, found) = parse("ruby = \"hide\"", ACTIONS);
    assert_eq!(found, vec![]);
    assert_eq!(config.ruby, RubyMode::Hide);
    assert_eq!(Config::default().ruby, RubyMode::Inline);
    assert_eq!(
        problems("ruby = \"hid\""),
        vec![ProblemKind::UnknownRuby {
            value: "hid".into(),
            suggestion: Some("hide".into())
        }]
    );
    assert_eq!(
        problems("ruby = \"furigana\""),
        vec![ProblemKind::UnknownRuby {
            value: "furigana".into(),
            suggestion: None
        }]
    );
    assert_eq!(
        problems("ruby = true"),
        vec![ProblemKind::WrongType {
            setting: "ruby".into(),
            expected: "string"
        }]
    );
}
