//! Live reload end to end: `check --watch` on a pipe, and the reader in a
//! pseudo-terminal following edits saved the way editors save (a new file
//! renamed over the old one).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crate::pty_support::Reader;

const COURSE: &str = "title = \"見守り講座\"\n";

/// A lesson with two sections; the second starts with `marker`.
fn lesson(title: &str, marker: &str) -> String {
    let long = "長い本文の行です。".repeat(40);
    format!(
        "title = \"{title}\"\n\n[[sections]]\nheading = \"第一の節\"\nbody = \"\"\"\n{long}\n\n{long}\n\"\"\"\n\n\
         [[sections]]\nheading = \"第二の節\"\nbody = \"\"\"\n{marker}\n\n{long}\n\"\"\"\n\n\
         [[summary]]\ntext = \"まとめの一点目\"\n"
    )
}

/// Saves as many editors do: a new file, renamed over the old one.
fn save_by_rename(path: &Path, text: &str) {
    let temp = path.with_extension("toml.saving");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

fn lessons_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("watched");
    std::fs::create_dir_all(&course).unwrap();
    std::fs::write(course.join("course.toml"), COURSE).unwrap();
    std::fs::write(
        course.join("01-first.toml"),
        lesson("最初のレッスン", "二節目のはじまり"),
    )
    .unwrap();
    dir
}

/// Lines of a child's stdout, as they come.
fn lines_of(child: &mut Child) -> Receiver<String> {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    rx
}

/// Every line up to and including the first that contains `text`.
fn lines_until(rx: &Receiver<String>, text: &str) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => {
                let done = line.contains(text);
                seen.push(line);
                if done {
                    return seen;
                }
            }
            Err(_) => panic!("no line with {text:?}; got:\n{}", seen.join("\n")),
        }
    }
}

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn check_watch_checks_again_after_each_change() {
    let dir = lessons_dir();
    let file = dir.path().join("watched/01-first.toml");
    let mut child = Command::new(env!("CARGO_BIN_EXE_terakoya"))
        .args(["-L", dir.path().to_str().unwrap(), "check", "--watch"])
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let rx = lines_of(&mut child);
    let mut child = Killed(child);
    let first = lines_until(&rx, "Watching for changes");
    assert!(
        first.iter().any(|l| l.starts_with("ok: 2 files checked")),
        "{first:?}"
    );

    save_by_rename(&file, "title = 1\n");
    let second = lines_until(&rx, "Watching for changes");
    assert!(
        second[0].contains("checking again"),
        "a separator first: {second:?}"
    );
    let error = format!("{}:1:9: error: `title` must be a string", file.display());
    assert!(second.iter().any(|l| l.starts_with(&error)), "{second:?}");
    assert!(
        second.iter().any(|l| l.starts_with("1 error in 1 file")),
        "{second:?}"
    );

    save_by_rename(&file, &lesson("直した", "二節目"));
    let third = lines_until(&rx, "Watching for changes");
    assert!(
        third.iter().any(|l| l.starts_with("ok: 2 files checked")),
        "{third:?}"
    );
    assert!(child.0.try_wait().unwrap().is_none(), "still watching");
}

#[test]
fn the_reader_follows_edits_keeping_the_place_and_shows_a_broken_save() {
    let dir = lessons_dir();
    let course = dir.path().join("watched");
    let file = course.join("01-first.toml");
    let mut reader = Reader::start_private(
        &["--lessons", dir.path().to_str().unwrap()],
        &[("LANG", "C"), ("LC_ALL", "C")],
    );
    reader.wait_for_text("最初のレッスン");
    reader.send("\r");
    reader.wait_for_text("第一の節");
    // To the second section: its heading on top.
    reader.send("]");
    reader.send("]");
    let screen = reader.wait_for("the second section on top", |s| {
        s.lines().nth(1).is_some_and(|l| l.contains("第二の節"))
    });
    assert!(screen.contains("二節目のはじまり"));

    // A paragraph added at the end of the second section's first part.
    let added = lesson("最初のレッスン", "二節目のはじまり\n\n書き足した一文です。");
    save_by_rename(&file, &added);
    let screen = reader.wait_for_text("書き足した一文です。");
    assert!(
        screen
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("第二の節")),
        "the place is kept:\n{screen}"
    );

    // Broken: the old text stays and the status line says where and why.
    save_by_rename(
        &file,
        &added.replace("heading = \"第二の節\"", "heading = 第二の節\""),
    );
    let screen = reader.wait_for_text("01-first.toml:12:11: error: invalid TOML");
    assert!(screen.contains("書き足した一文です。"), "{screen}");
    assert!(
        screen
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("第二の節"))
    );

    // Fixed: the error goes, the key hints are back.
    save_by_rename(&file, &added);
    let screen = reader.wait_for("the error gone", |s| !s.contains("error:"));
    assert!(screen.contains("書き足した一文です。"));

    // A new lesson file appears in the list.
    reader.send("h");
    reader.wait_for_text("Enter open");
    std::fs::write(
        course.join("02-second.toml"),
        lesson("二つ目のレッスン", "x"),
    )
    .unwrap();
    let screen = reader.wait_for_text("二つ目のレッスン");
    assert!(screen.contains("最初のレッスン"));
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}
