use super::*;
use crate::config::parse;

#[test]
fn the_default_file_reads_back_to_the_defaults() {
    let text = default_file();
    let (config, problems) = parse(&text, &keymap::action_names());
    assert_eq!(problems, vec![]);
    let defaults = Config::default();
    assert_eq!(config.lang, defaults.lang);
    assert_eq!(config.lessons, defaults.lessons);
    assert_eq!(config.theme, defaults.theme);
    assert_eq!(config.reading_width, defaults.reading_width);
    assert_eq!(config.retention, defaults.retention);
    assert_eq!(config.sync_dir, defaults.sync_dir);
    assert_eq!(config.machine, defaults.machine);
    // Listed, commented out: sync is off and retention the scheduler's own
    // unless the user says otherwise.
    for line in ["# retention = 0.90", "# sync_dir = ", "# machine = "] {
        assert!(text.lines().any(|l| l.starts_with(line)), "{line} missing");
    }
    let (keymap, clashes) = Keymap::with_remaps(&config.keys);
    assert!(clashes.is_empty(), "{clashes:?}");
    let sorted = |k: &Keymap| {
        let mut all: Vec<String> = k.bindings().iter().map(|b| format!("{b:?}")).collect();
        all.sort();
        all
    };
    assert_eq!(sorted(&keymap), sorted(&Keymap::default()));
}

#[test]
fn the_default_file_lists_every_action() {
    let text = default_file();
    for name in keymap::action_names() {
        assert!(
            text.lines().any(|l| l.starts_with(&format!("{name} = ["))),
            "{name} missing"
        );
    }
}

#[test]
fn the_lessons_path_is_taken_from_the_config_files_directory() {
    let config = Path::new("/etc/terakoya/config.toml");
    assert_eq!(
        setting_path(Path::new("courses"), config),
        PathBuf::from("/etc/terakoya/courses")
    );
    assert_eq!(
        setting_path(Path::new("/srv/lessons"), config),
        PathBuf::from("/srv/lessons")
    );
    let home = setting_path(Path::new("~/courses"), config);
    assert!(
        home.ends_with("courses") && !home.starts_with("~"),
        "{home:?}"
    );
}

#[test]
fn a_bad_setting_becomes_a_warning_naming_the_file_and_the_first_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "theme = \"dark\"\n\nreading_widht = 60\nquit = 1\n").unwrap();
    let settings = startup(Some(&path));
    let warning = settings.warning.unwrap();
    assert_eq!(
        warning.essential,
        "config.toml:3:1: unknown setting `reading_widht`"
    );
    assert!(
        warning
            .detail
            .unwrap()
            .starts_with("1 more; see `terakoya config --check "),
        "the rest are counted"
    );
    // What was right still applies.
    assert_eq!(
        settings.config.theme.base,
        crate::config::theme::ThemeName::Dark
    );
}

#[test]
fn an_unreadable_named_file_is_a_warning_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let settings = startup(Some(&dir.path().join("missing.toml")));
    assert!(settings.warning.unwrap().essential.contains("missing.toml"));
    assert_eq!(settings.config, Config::default());
}

#[test]
fn a_relative_sync_dir_is_taken_from_the_config_files_directory() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "sync_dir = \"shared\"\nmachine = \"研究室\"\n").unwrap();
    let settings = startup(Some(&file));
    assert_eq!(settings.config.sync_dir, Some(dir.path().join("shared")));
    let sync = crate::settings::Settings::load(Some(&file));
    assert_eq!(sync.sync_dir, Some(dir.path().join("shared")));
    assert_eq!(sync.machine.as_deref(), Some("研究室"));
}
