//! `check` and `list` on bundles built at run time: huge, deep, looping,
//! BOM + CRLF, a lone lesson file, stray files.

use crate::support;

use std::fs;
use std::path::Path;

const COURSE: &str = "title = \"講座\"\n";
const LESSON: &str =
    "title = \"講義\"\n\n[[sections]]\nheading = \"はじめに\"\nbody = \"本文。\"\n";

/// Runs terakoya on `lessons`; returns (stdout, stderr, exit code).
fn run(lessons: &Path, args: &[&str]) -> (String, String, i32) {
    let output = support::run(lessons, args);
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap(),
    )
}

/// A lessons root with one course `c` holding the given files.
fn course(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    fs::create_dir(root.path().join("c")).unwrap();
    fs::write(root.path().join("c/course.toml"), COURSE).unwrap();
    for (name, bytes) in files {
        fs::write(root.path().join("c").join(name), bytes).unwrap();
    }
    root
}

#[test]
fn nesting_100000_deep_is_refused_without_overflowing_the_stack() {
    let deep = format!(
        "title = \"x\"\na = {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let dotted = format!("title = \"x\"\n{} = 1\n", vec!["a"; 100_000].join("."));
    let inline = format!(
        "title = \"x\"\na = {}{}\n",
        "{b=".repeat(100_000),
        "}".repeat(100_000)
    );
    let root = course(&[
        ("a.toml", deep.as_bytes()),
        ("b.toml", dotted.as_bytes()),
        ("c.toml", inline.as_bytes()),
    ]);
    let (stdout, _, code) = run(root.path(), &["check"]);
    assert_eq!(code, 1, "{stdout}");
    for name in ["a", "b", "c"] {
        assert!(
            stdout
                .lines()
                .any(|l| l.contains(&format!("c/{name}.toml:"))
                    && l.contains("error: nested too deeply")),
            "{stdout}"
        );
    }
}

#[test]
fn files_over_64_mb_are_refused() {
    let root = course(&[("ok.toml", LESSON.as_bytes())]);
    let big = fs::File::create(root.path().join("c/big.toml")).unwrap();
    big.set_len(64 * 1024 * 1024 + 1).unwrap(); // sparse: no disk used
    let (stdout, _, code) = run(root.path(), &["check"]);
    assert_eq!(code, 1);
    let big_path = root.path().join("c/big.toml");
    let expected = format!(
        "{}: error: file is larger than 64 MB; terakoya does not read it",
        big_path.display()
    );
    assert!(stdout.lines().any(|l| l == expected), "{stdout}");
    assert!(
        stdout.ends_with("1 error in 1 file (3 files checked)\n"),
        "{stdout}"
    );
}

#[test]
fn bom_and_crlf_load() {
    let crlf = LESSON.replace('\n', "\r\n");
    let bom_crlf = [b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat();
    let multi = "\u{feff}title = \"CRLF\"\r\n\r\n[[sections]]\r\nheading = \"h\"\r\nbody = \"\"\"\r\n一行目\r\n二行目\r\n\r\nnext\r\n\"\"\"\r\n";
    let root = course(&[("a.toml", &bom_crlf), ("b.toml", multi.as_bytes())]);
    let (stdout, _, code) = run(root.path(), &["check"]);
    assert_eq!(
        (stdout.as_str(), code),
        ("ok: 3 files checked, 1 course, 2 lessons\n", 0)
    );
    let (stdout, _, _) = run(root.path(), &["list", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["courses"][0]["lessons"][0]["title"], "講義");
    assert_eq!(json["courses"][0]["lessons"][1]["title"], "CRLF");
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_dangling_links_are_reported_not_followed() {
    let root = course(&[("ok.toml", LESSON.as_bytes())]);
    std::os::unix::fs::symlink(root.path(), root.path().join("c/loop")).unwrap();
    std::os::unix::fs::symlink("nowhere.toml", root.path().join("c/gone.toml")).unwrap();
    let (stdout, _, code) = run(root.path(), &["check"]);
    assert_eq!(code, 1, "{stdout}");
    let gone = root.path().join("c/gone.toml");
    assert!(
        stdout.lines().any(|l| l.starts_with(&format!(
            "{}: error: cannot read the file: ",
            gone.display()
        ))),
        "{stdout}"
    );
    let looped = root.path().join("c/loop");
    let expected = format!(
        "{}: warning: directory reached again through a symlink (a loop?); not scanned again",
        looped.display()
    );
    assert!(stdout.lines().any(|l| l == expected), "{stdout}");
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_lesson_is_reported_not_waited_on() {
    let root = course(&[("ok.toml", LESSON.as_bytes())]);
    let fifo = root.path().join("c/pipe.toml");
    support::mkfifo(&fifo);
    let (stdout, _, code) = run(root.path(), &["check"]);
    assert_eq!(code, 1);
    let expected = format!(
        "{}: error: not a regular file (a FIFO, a device or a socket); not read",
        fifo.display()
    );
    assert!(stdout.lines().any(|l| l == expected), "{stdout}");
}

#[test]
fn a_lone_lesson_file_loads_in_its_directory_course() {
    let root = course(&[("one.toml", LESSON.as_bytes()), ("two.toml", b"broken = ")]);
    fs::write(
        root.path().join("c/course.toml"),
        "title = \"講座\"\nlessons = [\"two\", \"one\"]\n",
    )
    .unwrap();
    let (stdout, _, code) = run(&root.path().join("c/one.toml"), &["list", "--json"]);
    assert_eq!(code, 0, "{stdout}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["courses"][0]["id"], "c");
    assert_eq!(json["courses"][0]["title"], "講座");
    assert_eq!(json["courses"][0]["lessons"].as_array().unwrap().len(), 1);
    assert_eq!(json["courses"][0]["lessons"][0]["id"], "one");
}

#[test]
fn stray_files_outside_a_course_are_warnings() {
    let root = course(&[("ok.toml", LESSON.as_bytes())]);
    fs::create_dir(root.path().join("notes")).unwrap();
    fs::write(root.path().join("notes/draft.toml"), LESSON).unwrap();
    let (stdout, _, code) = run(root.path(), &["check"]);
    assert_eq!(code, 0, "{stdout}");
    let expected = format!(
        "{}: warning: not in a course (no course.toml in `{}`); ignored",
        root.path().join("notes/draft.toml").display(),
        root.path().join("notes").display()
    );
    assert!(stdout.lines().any(|l| l == expected), "{stdout}");
    assert!(
        stdout.ends_with("ok: 2 files checked, 1 course, 1 lesson, 1 warning\n"),
        "{stdout}"
    );
}

#[test]
fn a_course_directory_name_that_cannot_be_an_id_is_reported() {
    let root = course(&[("ok.toml", LESSON.as_bytes())]);
    let spaced = root.path().join("my course");
    fs::create_dir(&spaced).unwrap();
    fs::write(spaced.join("course.toml"), COURSE).unwrap();
    fs::write(spaced.join("l.toml"), LESSON).unwrap();
    let (stdout, _, code) = run(root.path(), &["check"]);
    assert_eq!(code, 1);
    let expected = format!(
        "{}: error: the directory name `my course` cannot be a course id: it contains a space or a control character; its lessons are not loaded",
        spaced.display()
    );
    assert!(stdout.lines().any(|l| l == expected), "{stdout}");
    let (stdout, _, _) = run(root.path(), &["list", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["courses"].as_array().unwrap().len(), 1);
}

#[test]
fn a_missing_lessons_path_is_an_error() {
    let root = tempfile::tempdir().unwrap();
    let (stdout, _, code) = run(&root.path().join("nope"), &["check"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("nope: error: cannot read: "), "{stdout}");
}

#[test]
fn list_reports_problems_on_stderr_and_still_lists_the_good_lessons() {
    let root = course(&[
        ("01-good.toml", LESSON.as_bytes()),
        (
            "02-bad.toml",
            b"title = 3\n[[sections]]\nheading = \"h\"\nbody = \"b\"\n",
        ),
    ]);
    let (stdout, stderr, code) = run(root.path(), &["list"]);
    assert_eq!(code, 1);
    let bad = root.path().join("c/02-bad.toml");
    assert_eq!(
        stderr,
        format!(
            "{}:1:9: error: `title` must be a string, found an integer\nterakoya: run `terakoya -L {} check` to see these problems in context\n",
            bad.display(),
            root.path().display()
        )
    );
    assert_eq!(
        stdout,
        "LESSON     LABEL  TITLE  SECTIONS  POINTS\nc                 講座\nc/01-good         講義          1       0\n"
    );
}
