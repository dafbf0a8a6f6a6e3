//! `check` on authors' mistakes (issue 10): each new diagnostic with its
//! exact output (file:line:col, message, quoted line, help).

/// Runs terakoya with `-L path` and `args`; returns (stdout, stderr, code).
fn run(path: &str, args: &[&str]) -> (String, String, i32) {
    let data = tempfile::tempdir().unwrap();
    let output = crate::support::terakoya()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TERAKOYA_DATA_DIR", data.path())
        .env("NO_COLOR", "1")
        .arg("-L")
        .arg(path)
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap(),
    )
}

fn check(case: &str) -> (String, i32) {
    let (stdout, stderr, code) = run(&format!("tests/invalid_bundles/{case}"), &["check"]);
    assert!(stderr.is_empty(), "{stderr}");
    let prefix = format!("tests/invalid_bundles/{case}/course/");
    (stdout.replace(&prefix, ""), code)
}

#[test]
fn an_unclosed_multi_line_string_is_one_error_where_it_opens() {
    let (out, code) = check("unclosed_string");
    assert_eq!(
        out,
        "01-open.toml:5:8: error: this string is never closed; it runs to line 10\n  |\n5 | body = \"\"\"\n  |        ^^^\n  = help: close it with `\"\"\"` where it should end\n\n1 error in 1 file (2 files checked)\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn look_alike_characters_are_named_with_what_toml_expects() {
    let (out, code) = check("look_alike_chars");
    let help = "instead: TOML reads only the half-width (ASCII) character";
    assert_eq!(
        out,
        format!(
            "01-fullwidth.toml:1:7: error: `＝` (U+FF1D) where TOML expects `=`\n  |\n1 | title ＝ \"全角の等号\"\n  |       ^^\n  = help: write `=` {help}\n\n\
             02-curly.toml:1:9: error: `“` (U+201C) where TOML expects `\"`\n  |\n1 | title = “曲がった引用符”\n  |         ^\n  = help: write `\"` {help}\n\n\
             02-curly.toml:4:8: error: `\u{3000}` (U+3000) where TOML expects a space\n  |\n4 | heading\u{3000}= \"見出し\"\n  |        ^^\n  = help: write a space {help}\n\n\
             3 errors in 2 files (3 files checked)\n"
        )
    );
    assert_eq!(code, 1);
}

#[test]
fn pasted_text_gets_warnings_and_still_loads() {
    let (out, code) = check("pasted_text");
    let headlines: Vec<&str> = out.lines().filter(|l| l.contains(": warning: ")).collect();
    assert_eq!(
        headlines,
        [
            "01-pasted.toml:1:14: warning: `title` contains a tab; the reader shows it as spaces",
            "01-pasted.toml:4:12: warning: the heading starts with `■`",
            "01-pasted.toml:6:1: warning: a line starts with `•` and a no-break space (a list pasted from a web page); it is not a list item",
            "01-pasted.toml:11:11: warning: the section `まとめ` looks like a summary, but this lesson has no [[summary]]",
        ],
        "{out}"
    );
    let helps: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_once("= help: ").map(|(_, h)| h))
        .collect();
    assert_eq!(
        helps,
        [
            "replace the tab with a space",
            "the reader draws headings itself; remove the `■`",
            "start each item with `- ` on a line of its own",
            "write its points as [[summary]] entries with `text`, so readers can tick them",
        ]
    );
    assert_eq!(
        out.lines().last(),
        Some("ok: 2 files checked, 1 course, 1 lesson, 4 warnings")
    );
    assert_eq!(code, 0);
}

#[test]
fn ids_that_look_alike_or_are_invisible_are_refused() {
    let (out, code) = check("look_alike_ids");
    let headlines: Vec<&str> = out.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(
        headlines,
        [
            "02-nfd.toml:1:6: error: duplicate lesson id `caf\u{e9}`: `01-nfc.toml` already uses it",
            "04-halfwidth-ga.toml:1:6: error: lesson id `ｶﾞ` looks the same as `ガ` of `03-ga.toml`",
            "05-zwj.toml:1:6: error: lesson id `a\u{200d}b` contains an invisible character (a zero-width space or joiner)",
            "06-dots.toml:1:6: error: lesson id `..` is only dots",
            "07-empty-title.toml:1:9: error: `title` holds only invisible characters",
        ],
        "{out}"
    );
    assert_eq!(
        out.lines().last(),
        Some("5 errors in 5 files (8 files checked)")
    );
    assert_eq!(code, 1);
}

#[test]
fn a_device_as_lessons_is_not_a_file_or_directory() {
    let (out, _, code) = run("/dev/zero", &["check"]);
    assert_eq!(
        out,
        "/dev/zero: error: not a regular file or directory\n\n1 error in 1 file (0 files checked)\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn show_says_a_lesson_failed_to_load_and_where() {
    let (_, err, code) = run(
        "tests/invalid_bundles/not_utf8",
        &["show", "course/01-sjis"],
    );
    assert_eq!(
        err.lines().last(),
        Some(
            "terakoya: error: lesson `course/01-sjis` failed to load: see the error in tests/invalid_bundles/not_utf8/course/01-sjis.toml:1"
        ),
        "{err}"
    );
    assert!(!err.contains("no lesson"), "{err}");
    assert_eq!(code, 1);
}

#[test]
fn a_listed_lesson_that_failed_to_load_points_at_its_error_and_ids_are_listed_once() {
    let root = tempfile::tempdir().unwrap();
    let course = root.path().join("c");
    std::fs::create_dir(&course).unwrap();
    let listed = "title = \"c\"\nlessons = [\"01-sjis\", \"zz\"]\n";
    std::fs::write(course.join("course.toml"), listed).unwrap();
    std::fs::write(
        course.join("01-sjis.toml"),
        b"title = \"\x93\xfa\x96\x7b\"\n",
    )
    .unwrap();
    let lesson = "title = \"t\"\n[[sections]]\nheading = \"h\"\nbody = \"b\"\n";
    std::fs::write(course.join("02-a.toml"), lesson).unwrap();
    std::fs::write(course.join("03-b.toml"), format!("id = \"02-a\"\n{lesson}")).unwrap();
    let (out, _, _) = run(root.path().to_str().unwrap(), &["check"]);
    let helps: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_once("= help: ").map(|(_, h)| h))
        .collect();
    let sjis = course.join("01-sjis.toml");
    assert!(
        helps.contains(
            &format!(
                "`01-sjis.toml` failed to load; see its error at {}:1",
                sjis.display()
            )
            .as_str()
        ),
        "{out}"
    );
    assert!(helps.contains(&"the lessons here are: 02-a"), "{out}");
}
