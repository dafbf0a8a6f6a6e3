//! Property tests: any bytes as a lesson file give a model or diagnostics,
//! never a panic, and diagnostics never carry raw control characters.

use proptest::prelude::*;
use terakoya_core::bundle::{self, LessonsSource, Loaded};

fn load_lesson(bytes: &[u8]) -> Loaded {
    let root = tempfile::tempdir().unwrap();
    let course = root.path().join("c");
    std::fs::create_dir(&course).unwrap();
    std::fs::write(course.join("course.toml"), "title = \"講座\"\n").unwrap();
    std::fs::write(course.join("x.toml"), bytes).unwrap();
    bundle::load(&LessonsSource::Path(root.path().to_owned()))
}

fn check_invariants(loaded: &Loaded) {
    for diagnostic in &loaded.diagnostics {
        let shown = terakoya::cli::diagnostic::render_plain(diagnostic);
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "raw control character in {shown:?}"
        );
        if let Some(at) = &diagnostic.location {
            assert!(at.line >= 1 && at.column >= 1);
            assert!(at.snippet.caret_width >= 1);
        }
    }
    let lessons: usize = loaded.library.courses.iter().map(|c| c.lessons.len()).sum();
    let lesson_errors = loaded
        .diagnostics
        .iter()
        .any(|d| d.is_error() && d.path.ends_with("x.toml"));
    assert_eq!(
        lessons,
        usize::from(!lesson_errors),
        "{:?}",
        loaded.diagnostics
    );
}

/// Lines that look like lesson files, right or wrong.
fn toml_ish_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("title = \"医師とSNS\"".to_owned()),
        Just("[[sections]]".to_owned()),
        Just("[[summary]]".to_owned()),
        Just("[lecturer]".to_owned()),
        Just("heading = \"はじめに\"".to_owned()),
        Just("body = \"\"\"\n一行目\n\n- 項目\n\"\"\"".to_owned()),
        Just("text = \"要点。\"".to_owned()),
        Just("id = \"p-1\"".to_owned()),
        Just("format = 2".to_owned()),
        Just("heding = 1".to_owned()),
        Just("name = [1, \"a\", {b = 2}]".to_owned()),
        Just("x = = \"".to_owned()),
        Just("\u{1b}]52;c;YQ==\u{7}".to_owned()),
        "[a-z]{1,8} = \"[^\"\\\\]{0,20}\"",
        "[\\PC]{0,30}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_load_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check_invariants(&load_lesson(&bytes));
    }

    #[test]
    fn toml_like_files_load_without_panicking(
        lines in proptest::collection::vec(toml_ish_line(), 0..25),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let mut text = lines.join("\n");
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        if bom {
            text.insert(0, '\u{feff}');
        }
        check_invariants(&load_lesson(text.as_bytes()));
    }
}
