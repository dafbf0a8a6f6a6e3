//! The loader against random and absurd input, in process: any bytes give
//! a lesson or diagnostics, never a panic, a hang or a stack overflow, and
//! every rendered diagnostic is safe to print.

use crate::hostile_support;

use std::path::Path;

use proptest::prelude::*;
use terakoya_core::bundle::{Diagnostic, load_course_bytes, load_lesson_bytes};

/// Loads `bytes` as a lesson and as a course; checks every rendering.
fn load_both(bytes: &[u8]) -> Vec<Diagnostic> {
    let (lesson, mut diagnostics) = load_lesson_bytes(Path::new("c/l.toml"), bytes);
    let (_, course) = load_course_bytes(Path::new("c/course.toml"), bytes);
    diagnostics.extend(course);
    for diagnostic in &diagnostics {
        let shown = terakoya::cli::diagnostic::render_plain(diagnostic);
        let problem = hostile_support::first_unsafe(shown.as_bytes());
        assert!(problem.is_none(), "{problem:?} in {shown}");
    }
    if let Some(lesson) = lesson {
        let shown = format!("{lesson:?}");
        assert!(!shown.contains('\u{1b}'), "{shown}");
    }
    diagnostics
}

/// Pieces of TOML, good and bad, for random lesson-like files.
const FRAGMENTS: &[&str] = &[
    "title = ",
    "label = ",
    "id = ",
    "intro = ",
    "heading = ",
    "body = ",
    "text = ",
    "name = ",
    "bio = ",
    "format = ",
    "lessons = ",
    "[[sections]]",
    "[[summary]]",
    "[lecturer]",
    "[sections]",
    "[[lecturer]]",
    "[a.b.c]",
    "[[a.b]]",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    ",",
    ".",
    "=",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "#",
    "\\",
    "\\u001b",
    "\\u202e",
    "\\uD800",
    "\\U0010FFFF",
    "\\e",
    "\u{1b}[31m",
    "\u{1b}]52;c;eA==\u{7}",
    "\u{9b}",
    "\u{202e}",
    "\u{feff}",
    "\0",
    "\u{7f}",
    "\u{200e}",
    "\u{2067}",
    "\u{85}",
    "ｶﾞ",
    "日本語",
    "・",
    "- ",
    "1",
    "-0",
    "1e999",
    "nan",
    "inf",
    "true",
    "1979-05-27",
    "0x",
    "a",
    "\"x\"",
    "[1,2]",
    "{a=1}",
    "\u{FFFF}",
];

fn toml_ish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 400,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        load_both(&bytes);
    }

    #[test]
    fn random_toml_ish_text_never_panics(text in toml_ish()) {
        load_both(text.as_bytes());
    }

    #[test]
    fn random_text_in_every_field_loads_printable(
        fields in prop::collection::vec(".{0,40}", 9),
    ) {
        let quoted: Vec<String> = fields.iter().map(|f| toml::Value::from(f.as_str()).to_string()).collect();
        let lesson = format!(
            "label = {}\ntitle = {}\nintro = {}\n[lecturer]\nname = {}\nbio = {}\n\
             [[sections]]\nheading = {}\nbody = {}\n[[summary]]\ntext = {}\n[[summary]]\ntext = {}\n",
            quoted[0], quoted[1], quoted[2], quoted[3], quoted[4],
            quoted[5], quoted[6], quoted[7], quoted[8],
        );
        load_both(lesson.as_bytes());
    }
}

const DEEP: usize = 100_000;

/// Asserts that `text` is refused with a "nested too deeply" error.
fn assert_refused_as_too_deep(what: &str, text: &str) {
    let diagnostics = load_both(text.as_bytes());
    assert!(
        diagnostics.iter().any(|d| d.is_error()
            && terakoya::cli::diagnostic::message(&d.kind).starts_with("nested too deeply")),
        "{what}: {diagnostics:#?}"
    );
    let (lesson, _) = load_lesson_bytes(Path::new("c/l.toml"), text.as_bytes());
    assert!(lesson.is_none(), "{what}");
}

#[test]
fn deep_arrays_are_refused() {
    let text = format!(
        "title = \"x\"\na = {}{}\n",
        "[".repeat(DEEP),
        "]".repeat(DEEP)
    );
    assert_refused_as_too_deep("arrays", &text);
    let unclosed = format!("title = \"x\"\na = {}\n", "[".repeat(DEEP));
    assert_refused_as_too_deep("unclosed arrays", &unclosed);
}

#[test]
fn deep_inline_tables_are_refused() {
    let text = format!(
        "title = \"x\"\na = {}1{}\n",
        "{a=".repeat(DEEP),
        "}".repeat(DEEP)
    );
    assert_refused_as_too_deep("inline tables", &text);
    let mixed = format!(
        "title = \"x\"\na = {}1{}\n",
        "[{a=".repeat(DEEP),
        "}]".repeat(DEEP)
    );
    assert_refused_as_too_deep("arrays of inline tables", &mixed);
}

#[test]
fn deep_table_headers_are_refused() {
    let dotted = vec!["a"; DEEP].join(".");
    assert_refused_as_too_deep(
        "table header",
        &format!("title = \"x\"\n[{dotted}]\nb = 1\n"),
    );
    assert_refused_as_too_deep(
        "array-of-tables header",
        &format!("title = \"x\"\n[[{dotted}]]\nb = 1\n"),
    );
    assert_refused_as_too_deep("dotted key", &format!("title = \"x\"\n{dotted} = 1\n"));
}

#[test]
fn many_shallow_sections_load() {
    // Wide is fine, only deep is refused: 20,000 sections in one file.
    let mut text = String::from("title = \"wide\"\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "[[sections]]\nid = \"s{i}\"\nheading = \"h{i}\"\nbody = \"b\"\n"
        ));
    }
    let (lesson, diagnostics) = load_lesson_bytes(Path::new("c/l.toml"), text.as_bytes());
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    assert_eq!(lesson.unwrap().sections.len(), 20_000);
}

/// Inputs that made a fuzz target fail, kept as they were found.
const FUZZ_REGRESSIONS: &[(&str, &[u8])] = &[(
    // A Shift_JIS-looking line with LRM (U+200E): the quoted line of the
    // "not UTF-8" error showed RLO visibly but passed LRM through raw.
    "load_course-lrm-in-quoted-line",
    include_bytes!("../hostile/fuzz_regressions/load_course-lrm-in-quoted-line.bin"),
)];

#[test]
fn fuzz_findings_stay_fixed() {
    for (name, bytes) in FUZZ_REGRESSIONS {
        let diagnostics = load_both(bytes);
        assert!(!diagnostics.is_empty(), "{name}");
    }
    let (_, diagnostics) = load_course_bytes(Path::new("c/course.toml"), FUZZ_REGRESSIONS[0].1);
    let shown = terakoya::cli::diagnostic::render_plain(&diagnostics[0]);
    assert!(shown.contains("te<U+200E>tA\\xAE"), "{shown}");
}

#[test]
fn megabyte_keys_and_ids_get_no_typo_hint_and_cost_little() {
    // The did-you-mean distance is quadratic in memory: a 256 KB listed id
    // against a 256 KB lesson id would take 512 GB (and a 64 MB key against
    // the known keys, 6 GB).
    let key = "k".repeat(1 << 20);
    let text = format!("title = \"t\"\n{key} = 1\n");
    let diagnostics = load_both(text.as_bytes());
    assert!(
        diagnostics
            .iter()
            .any(|d| terakoya::cli::diagnostic::message(&d.kind).starts_with("unknown key `kkk"))
    );

    let root = tempfile::tempdir().unwrap();
    let course = root.path().join("c");
    std::fs::create_dir(&course).unwrap();
    let listed = "x".repeat(256 << 10);
    let course_toml = format!("title = \"c\"\nlessons = [\"{listed}\"]\n");
    std::fs::write(course.join("course.toml"), course_toml).unwrap();
    let lesson = format!("id = \"{listed}y\"\ntitle = \"t\"\n");
    std::fs::write(course.join("l.toml"), lesson).unwrap();
    let loaded = terakoya_core::bundle::load(&terakoya_core::bundle::LessonsSource::Path(
        root.path().into(),
    ));
    let unknown = loaded
        .diagnostics
        .iter()
        .find(|d| terakoya::cli::diagnostic::message(&d.kind).starts_with("no lesson `xxx"))
        .expect("the listed id is reported");
    assert!(
        !terakoya::cli::diagnostic::help(&unknown.kind)
            .unwrap_or_default()
            .contains("did you mean")
    );
}

/// Loads a lessons root holding course `c` with this course.toml and no
/// lesson files; returns the headlines of the diagnostics.
fn course_headlines(course_toml: &str) -> Vec<String> {
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir(root.path().join("c")).unwrap();
    std::fs::write(root.path().join("c/course.toml"), course_toml).unwrap();
    let source = terakoya_core::bundle::LessonsSource::Path(root.path().into());
    let prefix = format!("{}/", root.path().display());
    terakoya_core::bundle::load(&source)
        .diagnostics
        .iter()
        .map(|d| terakoya::cli::diagnostic::headline(d).replace(&prefix, ""))
        .collect()
}

#[test]
fn a_lessons_list_of_100_000_entries_is_cut_at_1000() {
    let ids: Vec<String> = (0..100_000).map(|i| format!("\"n{i}\"")).collect();
    let headlines = course_headlines(&format!("title = \"c\"\nlessons = [{}]\n", ids.join(",")));
    let unknown = headlines
        .iter()
        .filter(|h| h.contains(": error: no lesson `n"))
        .count();
    assert_eq!(unknown, 1000);
    let cut = "c/course.toml:2:"; // at the 1001st entry
    assert!(
        headlines.iter().any(|h| h.starts_with(cut)
            && h.ends_with("error: `lessons` lists more than 1000 lessons; the rest are ignored")),
        "{:?}",
        &headlines[..3]
    );
}

#[test]
fn columns_along_one_line_are_exact_in_small_and_big_files() {
    let list = "lessons = [\"日本\", \"b\", \"日本\"]\n";
    // Over 64 KB, locating goes through the line index.
    let padding = format!("# {}\n", "x".repeat(70 * 1024));
    for (head, line) in [("", 2), (padding.as_str(), 3)] {
        let headlines = course_headlines(&format!("title = \"c\"\n{head}{list}"));
        assert_eq!(
            headlines,
            [
                format!("c/course.toml:{line}:12: error: no lesson `日本` in this course"),
                format!("c/course.toml:{line}:20: error: no lesson `b` in this course"),
                format!(
                    "c/course.toml:{line}:25: error: lesson `日本` is listed twice in `lessons`"
                ),
            ]
        );
    }
}

#[test]
fn unknown_keys_by_the_hundred_thousand_keep_30_diagnostics_and_a_count() {
    let mut text = String::from("title = \"t\"\n");
    for i in 0..200_000 {
        text.push_str(&format!("k{i} = 1\n"));
    }
    let (lesson, diagnostics) = load_lesson_bytes(Path::new("c/l.toml"), text.as_bytes());
    assert!(lesson.is_none());
    assert_eq!(diagnostics.len(), 31, "30 kept and a note");
    let note = &terakoya::cli::diagnostic::message(&diagnostics[30].kind);
    assert!(note.starts_with("199971 more problems"), "{note}");
}
