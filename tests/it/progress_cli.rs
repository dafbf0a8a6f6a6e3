//! `terakoya progress` through the binary: the table, `--json`, export and
//! import (round trip and merge), reset, and bad input. Every test has its
//! own data directory and its own small lesson library.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

const COURSE: &str = "format = 1\ntitle = \"医師のキャリア\"\n";
const LESSON_06: &str = r#"
label = "第6回"
title = "SNSとの付き合い方"
[[sections]]
id = "s1"
heading = "はじめに"
body = "本文。"
[[sections]]
id = "s2"
heading = "実例"
body = "本文。"
[[summary]]
id = "p1"
text = "一つ目。"
[[summary]]
id = "p2"
text = "二つ目。"
[[summary]]
id = "p3"
text = "三つ目。"
"#;
const LESSON_07: &str = r#"
title = "Keep learning"
[[sections]]
id = "s1"
heading = "One"
body = "Text."
[[summary]]
id = "q1"
text = "Only point."
"#;

/// A data directory, a lessons directory, and a scratch directory.
struct World {
    data: TempDir,
    lessons: TempDir,
    scratch: TempDir,
}

impl World {
    fn new() -> World {
        let lessons = tempfile::tempdir().unwrap();
        let course = lessons.path().join("career");
        fs::create_dir(&course).unwrap();
        fs::write(course.join("course.toml"), COURSE).unwrap();
        fs::write(course.join("06-sns.toml"), LESSON_06).unwrap();
        fs::write(course.join("07-learn.toml"), LESSON_07).unwrap();
        World {
            data: tempfile::tempdir().unwrap(),
            lessons,
            scratch: tempfile::tempdir().unwrap(),
        }
    }

    fn terakoya(&self) -> Command {
        Command::from_std(self.std_terakoya())
    }

    fn std_terakoya(&self) -> std::process::Command {
        terakoya_in(self.data.path(), self.lessons.path())
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.scratch.path().join(name);
        fs::write(&path, text).unwrap();
        path
    }

    /// `terakoya progress import FILE`, which must succeed.
    fn import(&self, file: &Path) -> assert_cmd::assert::Assert {
        self.terakoya()
            .args(["progress", "import"])
            .arg(file)
            .assert()
            .success()
    }

    fn progress_file(&self) -> PathBuf {
        self.data.path().join("progress.toml")
    }

    fn json(&self) -> serde_json::Value {
        let out = self
            .terakoya()
            .args(["progress", "--json"])
            .assert()
            .success();
        serde_json::from_slice(&out.get_output().stdout).unwrap()
    }

    fn ticked(&self, lesson: usize) -> Vec<String> {
        let json = self.json();
        json["lessons"][lesson]["ticked"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    }
}

fn terakoya_in(data: &Path, lessons: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("terakoya"));
    cmd.env("LC_ALL", "C.UTF-8");
    cmd.env_remove("TERAKOYA_DATA_DIR")
        .env("HOME", data) // nothing may reach the real home directory
        .env("XDG_DATA_HOME", data)
        .arg("--data-dir")
        .arg(data)
        .arg("--lessons")
        .arg(lessons);
    cmd
}

fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

/// A version-1 progress file ticking `points` of career/06-sns.
fn ticks_file(points: &[&str], opened: &str) -> String {
    let list: Vec<String> = points.iter().map(|p| format!("{p:?}")).collect();
    format!(
        "version = 1\nlast_opened = \"career/06-sns\"\n\n[lessons.\"career/06-sns\"]\nticked = [{}]\nsections_read = [\"s2\"]\nlast_opened = {opened}\n",
        list.join(", ")
    )
}

#[test]
fn the_table_lists_every_lesson_with_its_progress() {
    let world = World::new();
    let fresh = world.terakoya().arg("progress").assert().success();
    let text = stdout(&fresh);
    assert!(
        text.starts_with("COURSE  LESSON    POINTS  SECTIONS  LAST OPENED  TITLE\n"),
        "{text}"
    );
    assert!(
        text.contains("career  06-sns       0/3       0/2  -            第6回 SNSとの付き合い方\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Progress file: {}",
            world.progress_file().display()
        )),
        "{text}"
    );

    let file = world.file(
        "in.toml",
        &ticks_file(&["p1", "p3"], "2025-01-02T03:04:05Z"),
    );
    world.import(&file);
    let text = stdout(&world.terakoya().arg("progress").assert().success());
    assert!(
        text.contains("career  06-sns       2/3       1/2  2025-01-02   第6回 SNSとの付き合い方\n"),
        "{text}"
    );
    assert!(
        text.contains("career  07-learn     0/1       0/1  -            Keep learning\n"),
        "{text}"
    );
}

#[test]
fn json_has_the_documented_shape() {
    let world = World::new();
    let file = world.file(
        "in.toml",
        &ticks_file(&["p3", "p1", "gone"], "2025-01-02T03:04:05Z"),
    );
    world.import(&file);
    let out = world
        .terakoya()
        .args(["progress", "--json"])
        .assert()
        .success();
    assert_eq!(
        stdout(&out),
        concat!(
            r#"{"lessons":[{"course":"career","lesson":"06-sns","ticked":["p1","p3"],"sections_read":["s2"],"points_total":3,"complete":false,"history":{"p1":[{"at":"2025-01-02T03:04:05Z","event":"tick"}],"p3":[{"at":"2025-01-02T03:04:05Z","event":"tick"}]},"sections_read_at":{}},"#,
            r#"{"course":"career","lesson":"07-learn","ticked":[],"sections_read":[],"points_total":1,"complete":false,"history":{},"sections_read_at":{}}]}"#,
            "\n"
        )
    );
    // The tick of a point no longer in the lesson is kept in the file.
    let saved = fs::read_to_string(world.progress_file()).unwrap();
    assert!(saved.contains("\"gone\""), "{saved}");
}

#[test]
fn export_then_import_elsewhere_round_trips() {
    let here = World::new();
    let file = here.file(
        "in.toml",
        &ticks_file(&["p1", "p2", "p3"], "2025-01-02T03:04:05Z"),
    );
    here.import(&file);
    let exported = here.scratch.path().join("out.toml");
    let out = here
        .terakoya()
        .args(["progress", "export"])
        .arg(&exported)
        .assert()
        .success();
    assert!(stdout(&out).contains("Exported the progress of 1 lesson(s)"));
    let to_stdout = here
        .terakoya()
        .args(["progress", "export", "-"])
        .assert()
        .success();
    // The same export, apart from the time in the header comment.
    let fields = |text: &str| -> String {
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let written = fs::read_to_string(&exported).unwrap();
    assert_eq!(fields(&stdout(&to_stdout)), fields(&written));
    assert!(written.contains("version = 2"));
    // An export's comment says what it is and how to bring it in, not the
    // live file's "written on every change".
    let header: Vec<&str> = written.lines().take_while(|l| l.starts_with('#')).collect();
    assert_eq!(header.len(), 3, "{written}");
    let stamp = header[0]
        .strip_prefix("# terakoya reading progress, exported ")
        .and_then(|rest| rest.split_once(' '))
        .map(|(stamp, _)| stamp)
        .unwrap_or_else(|| panic!("{written}"));
    assert_eq!(stamp.len(), "2026-11-25T10:50:00Z".len(), "{stamp}");
    assert!(stamp.starts_with("20") && stamp.ends_with('Z'), "{stamp}");
    assert!(
        header[1].contains("terakoya progress import FILE"),
        "{written}"
    );
    assert!(!written.contains("Written on every change"), "{written}");

    let there = World::new();
    there.import(&exported);
    assert_eq!(there.json(), here.json());
    assert_eq!(there.json()["lessons"][0]["complete"], true);
}

#[test]
fn export_to_a_missing_directory_says_the_os_error_once() {
    let world = World::new();
    let target = world.scratch.path().join("no/such/dir/x.toml");
    let out = world
        .terakoya()
        .args(["progress", "export"])
        .arg(&target)
        .assert()
        .code(1);
    let err = stderr(&out);
    let expected = format!(
        "terakoya: error: cannot export to {}: {}\n",
        target.display(),
        std::io::Error::from_raw_os_error(2)
    );
    assert_eq!(err, expected);
}

#[test]
fn import_merges_instead_of_replacing() {
    let world = World::new();
    let first = world.file("a.toml", &ticks_file(&["p1"], "2025-01-02T03:04:05Z"));
    let second = world.file("b.toml", &ticks_file(&["p2"], "2025-06-01T00:00:00Z"));
    world.import(&first);
    let out = world.import(&second);
    assert!(stdout(&out).contains("1 new tick(s)"), "{}", stdout(&out));
    assert_eq!(world.ticked(0), ["p1", "p2"]);
    // The later visit's time is kept.
    let saved = fs::read_to_string(world.progress_file()).unwrap();
    assert!(
        saved.contains("last_opened = 2025-06-01T00:00:00Z"),
        "{saved}"
    );
}

#[test]
fn processes_importing_at_once_lose_nothing() {
    let world = World::new();
    let points = ["p1", "p2", "p3"];
    let children: Vec<_> = points
        .iter()
        .map(|point| {
            let file = world.file(
                &format!("{point}.toml"),
                &ticks_file(&[point], "2025-01-02T03:04:05Z"),
            );
            world
                .std_terakoya()
                .args(["progress", "import"])
                .arg(file)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    assert_eq!(world.ticked(0), points);
}

#[test]
fn reset_asks_unless_yes_and_refuses_without_a_terminal() {
    let world = World::new();
    let file = world.file("in.toml", &ticks_file(&["p1"], "2025-01-02T03:04:05Z"));
    world.import(&file);
    let before = fs::read(world.progress_file()).unwrap();

    let refused = world
        .terakoya()
        .args(["progress", "reset", "career/06-sns"])
        .assert()
        .failure();
    assert!(
        stderr(&refused).contains("without confirmation (stdin is not a terminal); add --yes"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(fs::read(world.progress_file()).unwrap(), before);

    let unknown = world
        .terakoya()
        .args(["progress", "reset", "--yes", "career/99"])
        .assert()
        .failure();
    assert!(stderr(&unknown).contains("no saved progress for `career/99`"));

    let done = world
        .terakoya()
        .args(["progress", "reset", "--yes", "06-sns"])
        .assert()
        .success();
    assert!(
        stdout(&done).contains(
            "Cleared the progress of career/06-sns (1 point(s) ticked, 1 section(s) read)"
        ),
        "{}",
        stdout(&done)
    );
    assert!(world.ticked(0).is_empty());

    world.import(&file);
    world
        .terakoya()
        .args(["progress", "reset", "--all", "--yes"])
        .assert()
        .success();
    assert!(world.ticked(0).is_empty());
    let nothing = world
        .terakoya()
        .args(["progress", "reset", "--all"])
        .assert()
        .success();
    assert!(stdout(&nothing).contains("no saved progress to clear"));
}

#[test]
fn a_garbage_progress_file_is_reported_by_reading_and_set_aside_by_a_change() {
    let world = World::new();
    let garbage = b"\x00\x01 not toml [[[";
    fs::write(world.progress_file(), garbage).unwrap();
    let bad_files = || -> Vec<PathBuf> {
        fs::read_dir(world.data.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "bad"))
            .collect()
    };
    // Reading (the table, `show`) says so and leaves the file alone.
    for args in [
        &["progress"][..],
        &["show", "career/06-sns", "--width", "40"],
    ] {
        let out = world.terakoya().args(args).assert().success();
        let err = stderr(&out);
        assert!(err.starts_with("terakoya: warning: "), "{args:?}: {err}");
        assert!(err.contains("progress.toml is unreadable"), "{err}");
        assert!(err.contains("left as it is"), "{err}");
        assert_eq!(fs::read(world.progress_file()).unwrap(), garbage);
        assert!(bad_files().is_empty());
    }
    // A change sets it aside, byte for byte, and says where.
    let theirs = world.file("theirs.toml", "version = 1\n");
    let out = world
        .terakoya()
        .args(["progress", "import"])
        .arg(&theirs)
        .assert()
        .success();
    let err = stderr(&out);
    assert!(err.starts_with("terakoya: warning: "), "{err}");
    assert!(
        err.contains("unreadable progress.toml moved to progress."),
        "{err}"
    );
    let bad = bad_files();
    assert_eq!(bad.len(), 1);
    let name = bad[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(err.contains(&name), "{err}");
    assert!(
        err.contains(&world.data.path().display().to_string()),
        "{err}"
    );
    assert_eq!(fs::read(&bad[0]).unwrap(), garbage);
}

#[test]
fn importing_a_bad_file_changes_nothing() {
    let world = World::new();
    let good = world.file("good.toml", &ticks_file(&["p1"], "2025-01-02T03:04:05Z"));
    world.import(&good);
    let before = fs::read(world.progress_file()).unwrap();
    let bad = world.file("bad.toml", "version = 1\nlessons = \"no\"\n");
    let out = world
        .terakoya()
        .args(["progress", "import"])
        .arg(&bad)
        .assert()
        .failure();
    let err = stderr(&out);
    assert!(
        err.contains(&format!("cannot import {}", bad.display())),
        "{err}"
    );
    assert!(err.contains("`lessons` must be a table"), "{err}");
    let missing = world.scratch.path().join("missing.toml");
    let out = world
        .terakoya()
        .args(["progress", "import"])
        .arg(&missing)
        .assert()
        .failure();
    assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));
    assert_eq!(fs::read(world.progress_file()).unwrap(), before);
}

#[test]
fn json_with_an_action_is_refused() {
    let world = World::new();
    let out = world
        .terakoya()
        .args(["progress", "--json", "export", "-"])
        .assert()
        .failure();
    assert!(stderr(&out).contains("--json applies to the progress table"));
}

#[test]
fn exporting_an_unreadable_file_fails_and_leaves_it_where_it_is() {
    let world = World::new();
    let spoilt = "version = 1\nlessons = 3\n";
    fs::write(world.progress_file(), spoilt).unwrap();
    let target = world.scratch.path().join("out.toml");
    let out = world
        .terakoya()
        .args(["progress", "export"])
        .arg(&target)
        .assert()
        .failure();
    let err = stderr(&out);
    assert!(
        err.contains("cannot export the progress: cannot read")
            && err.contains("`lessons` must be a table"),
        "{err}"
    );
    assert!(!target.exists(), "no empty export was written");
    assert_eq!(fs::read_to_string(world.progress_file()).unwrap(), spoilt);
}
