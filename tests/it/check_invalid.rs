//! `check` on one fixture folder per error class (tests/invalid_bundles/):
//! each problem at its exact file, line, column and message, and exit 1.

/// Runs `check` on a fixture; returns (stdout, exit code).
fn check(case: &str) -> (String, i32) {
    let data = tempfile::tempdir().unwrap();
    let output = crate::support::terakoya()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("--data-dir")
        .arg(data.path())
        .arg("--lessons")
        .arg(format!("tests/invalid_bundles/{case}"))
        .arg("check")
        .output()
        .unwrap();
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        String::from_utf8(output.stdout).unwrap(),
        output.status.code().unwrap(),
    )
}

/// Asserts the headlines (`path:line:col: severity: message`, path relative
/// to the fixture's course directory), the help lines and the summary.
fn expect(case: &str, headlines: &[&str], helps: &[&str], summary: &str) {
    let (stdout, code) = check(case);
    let prefix = format!("tests/invalid_bundles/{case}/course/");
    let found: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
        .map(|l| l.strip_prefix(prefix.as_str()).unwrap_or(l))
        .collect();
    assert_eq!(found, headlines, "{stdout}");
    let found_helps: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.split_once("= help: ").map(|(_, h)| h))
        .collect();
    assert_eq!(found_helps, helps, "{stdout}");
    assert_eq!(stdout.lines().last(), Some(summary), "{stdout}");
    assert_eq!(code, 1, "{stdout}");
}

#[test]
fn unknown_keys_suggest_the_nearest_key() {
    expect(
        "unknown_key",
        &[
            "01-typo.toml:2:1: error: unknown key `labl` in a lesson",
            "01-typo.toml:5:1: error: unknown key `heding` in [[sections]]",
        ],
        &["did you mean `label`?", "did you mean `heading`?"],
        "2 errors in 1 file (2 files checked)",
    );
}

#[test]
fn missing_title() {
    expect(
        "missing_title",
        &["01-no-title.toml:1:1: error: missing required key `title` in a lesson"],
        &["add `title = \"...\"`"],
        "1 error in 1 file (2 files checked)",
    );
}

#[test]
fn course_without_title() {
    expect(
        "course_missing_title",
        &["course.toml:1:1: error: missing required key `title` in course.toml"],
        &["add `title = \"...\"`"],
        "1 error in 1 file (2 files checked)",
    );
}

#[test]
fn lecturer_without_name_points_at_the_table_header() {
    expect(
        "lecturer_without_name",
        &["01-lecturer.toml:3:1: error: missing required key `name` in [lecturer]"],
        &["add `name = \"...\"`"],
        "1 error in 1 file (2 files checked)",
    );
}

#[test]
fn wrong_types_are_each_reported() {
    expect(
        "wrong_type",
        &[
            "01-wrong.toml:1:9: error: `title` must be a string, found an integer",
            "01-wrong.toml:2:9: error: `intro` must be a string, found an array",
            "01-wrong.toml:6:7: error: `bio` must be a string, found a table",
        ],
        &[
            "write it in quotes: title = \"...\"",
            "write it in quotes: intro = \"...\"",
            "write it in quotes: bio = \"...\"",
        ],
        "3 errors in 1 file (2 files checked)",
    );
}

#[test]
fn two_syntax_errors_in_one_file_are_both_reported() {
    expect(
        "syntax_errors",
        &[
            "01-broken.toml:2:15: error: invalid TOML: invalid basic string, expected `\"`",
            "01-broken.toml:6:11: error: invalid TOML: extra `=`, expected nothing",
            // The unclosed string swallows the rest of the file: one
            // error where it opens, no follow-on ones.
            "02-unclosed.toml:4:11: error: this string is never closed; it runs to line 8",
        ],
        &["close it with `\"\"\"` where it should end"],
        "3 errors in 2 files (3 files checked)",
    );
}

#[test]
fn carets_sit_under_the_japanese_text_they_point_at() {
    let (stdout, _) = check("syntax_errors");
    let expected = r#"tests/invalid_bundles/syntax_errors/course/01-broken.toml:2:15: error: invalid TOML: invalid basic string, expected `"`
  |
2 | label = "第1回
  |               ^

tests/invalid_bundles/syntax_errors/course/01-broken.toml:6:11: error: invalid TOML: extra `=`, expected nothing
  |
6 | heading = = "はじめに"
  |           ^

tests/invalid_bundles/syntax_errors/course/02-unclosed.toml:4:11: error: this string is never closed; it runs to line 8
  |
4 | heading = """はじめに
  |           ^^^
  = help: close it with `"""` where it should end

3 errors in 2 files (3 files checked)
"#;
    assert_eq!(stdout, expected);
    let (stdout, _) = check("duplicate_section_ids");
    assert!(
        stdout.contains("8 | heading = \"はじめに\"\n  |           ^^^^^^^^^^\n"),
        "{stdout}"
    );
}

#[test]
fn duplicate_lesson_ids() {
    expect(
        "duplicate_lesson_ids",
        &[
            "02-second.toml:1:6: error: duplicate lesson id `01-first`: `01-first.toml` already uses it",
        ],
        &["give this lesson a different `id = \"...\"`"],
        "1 error in 1 file (3 files checked)",
    );
}

#[test]
fn duplicate_section_ids_derived_and_explicit() {
    expect(
        "duplicate_section_ids",
        &[
            "01-sections.toml:8:11: error: this section has the same heading as the one on line 4, so the same id `s-e236570c`",
            "01-sections.toml:17:6: error: duplicate section id `more` (first used on line 12)",
        ],
        &[
            "give one of them an explicit `id = \"...\"`",
            "rename one of them",
        ],
        "2 errors in 1 file (2 files checked)",
    );
}

#[test]
fn duplicate_summary_ids_after_soft_breaks_are_joined() {
    expect(
        "duplicate_summary_ids",
        &[
            "01-summary.toml:11:8: error: this summary point has the same text as the one on line 8, so the same id `p-8de3995e`",
        ],
        &["give one of them an explicit `id = \"...\"`"],
        "1 error in 1 file (2 files checked)",
    );
}

#[test]
fn newer_format_stops_at_the_course() {
    expect(
        "newer_format",
        &[
            "course.toml:1:10: error: made for a newer terakoya (format 3); this terakoya reads formats 1 to 2",
        ],
        &["upgrade terakoya"],
        "1 error in 1 file (1 file checked)",
    );
}

#[test]
fn shift_jis_file_is_named_with_the_bad_byte() {
    expect(
        "not_utf8",
        &[
            "01-sjis.toml:1:10: error: file is not UTF-8 (byte 0x93 is invalid); it looks like Shift_JIS",
        ],
        &["save the file as UTF-8 (in most editors: \"Save with encoding\" → UTF-8)"],
        "1 error in 1 file (2 files checked)",
    );
    let (stdout, _) = check("not_utf8");
    assert!(
        stdout.contains("1 | title = \"\\x93\\xFA\\x96{"),
        "{stdout}"
    );
}

#[test]
fn empty_file() {
    expect(
        "empty_file",
        &[
            "01-empty.toml:1:1: error: missing required key `title` in a lesson",
            "01-empty.toml:1:1: warning: lesson has no [[sections]]; the reader will show only its title and intro",
        ],
        &[
            "add `title = \"...\"`",
            "add sections as [[sections]] with `heading` and `body`",
        ],
        "1 error in 1 file, 1 warning (2 files checked)",
    );
}

#[test]
fn binary_garbage() {
    expect(
        "binary_garbage",
        &[
            "01-garbage.toml:1:1: error: file is not UTF-8 (byte 0x89 is invalid); it looks like a binary file, not text",
        ],
        &["save the file as UTF-8 (in most editors: \"Save with encoding\" → UTF-8)"],
        "1 error in 1 file (2 files checked)",
    );
}

#[test]
fn deep_nesting_is_refused() {
    expect(
        "deep_nesting",
        &[
            // No "lesson has no [[sections]]": the syntax error may have
            // swallowed them.
            "01-deep.toml:2:85: error: nested too deeply (more than about 80 levels of arrays, tables or dotted keys)",
        ],
        &["lesson files need only a few levels; remove the extra nesting"],
        "1 error in 1 file (2 files checked)",
    );
}

#[test]
fn bad_entry_in_lessons_list() {
    expect(
        "bad_lessons_entry",
        &[
            "01-first.toml:1:1: warning: lesson `01-first` is not in the `lessons` list of course.toml; it comes after the listed ones",
            "course.toml:2:25: error: no lesson `01-frist` in this course",
        ],
        &[
            "add \"01-first\" to `lessons` in course.toml",
            "did you mean `01-first`?",
        ],
        "1 error in 1 file, 1 warning (3 files checked)",
    );
}

#[test]
fn lesson_id_with_a_space() {
    expect(
        "bad_id",
        &[
            "01-bad-id.toml:1:6: error: lesson id `sns lesson` contains a space or a control character",
        ],
        &["use letters, digits and `-`, e.g. `06-sns`"],
        "1 error in 1 file (2 files checked)",
    );
}

#[test]
fn every_fixture_folder_has_a_test() {
    let source = [
        include_str!("check_invalid.rs"),
        include_str!("check_authors.rs"),
    ]
    .concat();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalid_bundles");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            source.contains(&format!("\"{name}\"")),
            "no test for fixture {name}"
        );
    }
}
