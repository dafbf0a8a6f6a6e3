//! `check`, `list` and `list --json` on lessons whose every field carries
//! escape sequences, controls and bidi overrides (tests/hostile/): they run
//! normally and print nothing a terminal could act on.

use crate::hostile_support;
use crate::support;

use std::fs;
use std::path::Path;

use hostile_support::{ESCAPES, assert_no_payload, assert_printable};
use support::run;

#[test]
fn check_on_the_hostile_course_is_clean_and_prints_nothing_raw() {
    let output = run(Path::new(ESCAPES), &["check"]);
    assert_printable("check", &output);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "ok: 2 files checked, 1 course, 1 lesson\n"
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn list_shows_the_visible_text_and_drops_every_sequence() {
    let output = run(Path::new(ESCAPES), &["list"]);
    assert_printable("list", &output);
    assert_no_payload("list", &output);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    // Sequences are dropped whole; lone controls are shown as pictures.
    assert!(stdout.contains("Hostile red courseevil"), "{stdout}");
    assert!(stdout.contains("第1回 〔1時限〕"), "{stdout}");
    assert!(
        stdout.contains("Escapes click here everywhere␇␈␈"),
        "{stdout}"
    );
}

#[test]
fn list_json_carries_no_control_characters_even_escaped() {
    let output = run(Path::new(ESCAPES), &["list", "--json"]);
    assert_printable("list --json", &output);
    assert_no_payload("list --json", &output);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let lesson = &json["courses"][0]["lessons"][0];
    assert_eq!(json["courses"][0]["title"], "Hostile red courseevil");
    assert_eq!(lesson["label"], "第1回 〔1時限〕");
    assert_eq!(lesson["title"], "Escapes click here everywhere␇␈␈");
    // serde_json would write a control character as `\u001b`: harmless to
    // a terminal, but a sign the loader let it through.
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.contains("\\u00"), "{text}");
}

#[test]
fn show_prints_the_hostile_lesson_as_plain_text_at_any_width() {
    for width in ["1", "7", "40", "80"] {
        let args = ["show", "01-escapes", "--width", width];
        let output = run(Path::new(ESCAPES), &args);
        assert_printable(&args.join(" "), &output);
        assert_no_payload(&args.join(" "), &output);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
    }
    let output = run(Path::new(ESCAPES), &["show", "01-escapes", "--width", "80"]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    for shown in [
        "Escapes click here everywhere␇␈␈",
        "Intro with a DCS, an APC, an SOS and a PM. Bidi: LRE RLE LRO RLO LRI RLI FSI",
        "Body text coloured and a link.",
        "- owt meti three",
        "日本語の本文です。ガイド    終わり。",
        "[ ] Point one␇",
        "[ ] Point two",
    ] {
        assert!(
            stdout.lines().any(|l| l == shown),
            "no line {shown:?} in:\n{stdout}"
        );
    }
}

/// A course `c` in a fresh lessons root, holding `files`.
fn course(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    fs::create_dir(root.path().join("c")).unwrap();
    fs::write(root.path().join("c/course.toml"), "title = \"c\"\n").unwrap();
    for (name, bytes) in files {
        fs::write(root.path().join("c").join(name), bytes).unwrap();
    }
    root
}

const SECTIONS: &str = "[[sections]]\nheading = \"h\"\nbody = \"b\"\n";

#[test]
fn raw_control_bytes_in_the_source_are_quoted_visibly() {
    // TOML forbids raw control characters in strings; the error quotes the
    // line, which must not carry them to the terminal.
    let raw =
        format!("title = \"a\x1b]52;c;eA==\x07b\x1b[2J\u{9b}31m\u{202e}\x08\r\x7f\"\n{SECTIONS}");
    let root = course(&[("01-raw.toml", raw.as_bytes())]);
    let output = run(root.path(), &["check"]);
    assert_printable("check", &output);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("1 | title = \"a␛]52;c;eA==␇b␛[2J<U+009B>31m<U+202E>␈␍␡\""),
        "{stdout}"
    );
    let output = run(root.path(), &["list"]);
    assert_printable("list", &output);
}

#[test]
fn keys_and_ids_quoted_in_messages_are_made_visible() {
    let lesson =
        format!("title = \"t\"\nid = \"x\\u001b[31m\"\n\"\\u001b]0;k\\u0007\" = 1\n{SECTIONS}");
    let bidi_id = format!("title = \"t\"\nid = \"gpj\\u202etxt\"\n{SECTIONS}");
    let root = course(&[
        ("01-key.toml", lesson.as_bytes()),
        ("02-bidi.toml", bidi_id.as_bytes()),
    ]);
    fs::write(
        root.path().join("c/course.toml"),
        "title = \"c\"\nlessons = [\"\\u001b]8;;x\\u001b\\\\\"]\n",
    )
    .unwrap();
    for args in [&["check"][..], &["list"], &["list", "--json"]] {
        let output = run(root.path(), args);
        assert_printable(&args.join(" "), &output);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
    }
    let stdout = String::from_utf8(run(root.path(), &["check"]).stdout).unwrap();
    for expected in [
        "error: lesson id `x␛[31m` contains a space or a control character",
        "error: unknown key `␛]0;k␇` in a lesson",
        "error: lesson id `gpj<U+202E>txt` contains a bidirectional formatting character",
        "error: no lesson `␛]8;;x␛\\` in this course",
    ] {
        assert!(stdout.contains(expected), "{expected}\n{stdout}");
    }
}

#[cfg(unix)]
#[test]
fn directory_and_file_names_with_controls_are_shown_visibly() {
    let root = course(&[(
        "01-ok.toml",
        format!("title = \"t\"\n{SECTIONS}").as_bytes(),
    )]);
    let evil = root.path().join("e\x1b]0;dir\x07\u{202e}");
    fs::create_dir(&evil).unwrap();
    fs::write(evil.join("course.toml"), "title = \"e\"\n").unwrap();
    fs::write(root.path().join("c/02-\x1b[2J.toml"), "title = 1\n").unwrap();
    for args in [&["check"][..], &["list"], &["list", "--json"]] {
        let output = run(root.path(), args);
        assert_printable(&args.join(" "), &output);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
    }
    let stdout = String::from_utf8(run(root.path(), &["check"]).stdout).unwrap();
    let expected = "e␛]0;dir␇<U+202E>: error: the directory name `e␛]0;dir␇<U+202E>` cannot be a course id: it contains a space or a control character; its lessons are not loaded";
    assert!(stdout.contains(expected), "{stdout}");
    assert!(stdout.contains("c/02-␛[2J.toml:1:1: error: "), "{stdout}");
}
