//! The progress file and the progress commands under hostile conditions:
//! symlinks to things that are not files, FIFOs, endless input, exports
//! that fail, and arguments full of escape sequences.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use tempfile::TempDir;

use crate::hostile_support::assert_printable;
use crate::support::mkfifo;

const COURSE: &str = "format = 1\ntitle = \"講座\"\n";
const LESSON: &str = "title = \"半角\"\n[[summary]]\nid = \"p1\"\ntext = \"一つ目。\"\n";
const TICKED: &str = "version = 1\n[lessons.\"c/ｶﾞ\"]\nticked = [\"p1\"]\n";

/// A data directory, a library with one lesson (`c/ｶﾞ`, a half-width id)
/// and a scratch directory.
struct World {
    data: TempDir,
    lessons: TempDir,
    scratch: TempDir,
}

impl World {
    fn new() -> World {
        let lessons = tempfile::tempdir().unwrap();
        let course = lessons.path().join("c");
        fs::create_dir(&course).unwrap();
        fs::write(course.join("course.toml"), COURSE).unwrap();
        fs::write(course.join("ｶﾞ.toml"), LESSON).unwrap();
        World {
            data: tempfile::tempdir().unwrap(),
            lessons,
            scratch: tempfile::tempdir().unwrap(),
        }
    }

    /// terakoya with this world's lessons and data directory, stopped
    /// after 10 s (a hang fails the test instead of stopping the suite).
    fn terakoya(&self) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("terakoya"));
        cmd.env("LC_ALL", "C.UTF-8")
            .env_remove("TERAKOYA_DATA_DIR")
            .env("HOME", self.data.path())
            .env("XDG_DATA_HOME", self.data.path())
            .arg("--lessons")
            .arg(self.lessons.path())
            .arg("--data-dir")
            .arg(self.data.path())
            .timeout(Duration::from_secs(10));
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.terakoya().args(args).output().unwrap()
    }

    fn progress_file(&self) -> PathBuf {
        self.data.path().join("progress.toml")
    }

    fn scratch(&self, name: &str) -> PathBuf {
        self.scratch.path().join(name)
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_symlinked_progress_file_stays_a_symlink() {
    let world = World::new();
    let real = world.scratch("kept-elsewhere.toml");
    fs::write(&real, TICKED).unwrap();
    std::os::unix::fs::symlink(&real, world.progress_file()).unwrap();
    let import = world.scratch("more.toml");
    fs::write(
        &import,
        "version = 1\n[lessons.\"c/other\"]\nticked = [\"x\"]\n",
    )
    .unwrap();
    let out = world.run(&["progress", "import", import.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let link = fs::symlink_metadata(world.progress_file()).unwrap();
    assert!(link.file_type().is_symlink());
    assert!(fs::read_to_string(&real).unwrap().contains("c/other"));
}

#[test]
fn a_symlink_to_a_fifo_is_refused_never_replaced_nor_waited_on() {
    let world = World::new();
    let fifo = world.scratch("fifo");
    mkfifo(&fifo);
    std::os::unix::fs::symlink(&fifo, world.progress_file()).unwrap();
    let import = world.scratch("in.toml");
    fs::write(&import, TICKED).unwrap();
    let started = Instant::now();
    let out = world.run(&["progress", "import", import.to_str().unwrap()]);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("not a regular file (a FIFO)"), "{err}");
    let kind = fs::metadata(&fifo).unwrap().file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kind));
    assert!(
        fs::symlink_metadata(world.progress_file())
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_fifo_as_the_progress_file_or_the_lock_does_not_hang() {
    for name in ["progress.toml", "progress.lock"] {
        let world = World::new();
        mkfifo(&world.data.path().join(name));
        let started = Instant::now();
        let table = world.run(&["progress"]);
        let import = world.scratch("in.toml");
        fs::write(&import, TICKED).unwrap();
        let imported = world.run(&["progress", "import", import.to_str().unwrap()]);
        assert!(started.elapsed() < Duration::from_secs(8), "{name}");
        assert_eq!(imported.status.code(), Some(1), "{name}");
        let err = text(&imported.stderr);
        assert!(err.contains("not a regular file (a FIFO)"), "{name}: {err}");
        if name == "progress.toml" {
            assert!(table.status.success(), "{name}");
            let warning = text(&table.stderr);
            assert!(warning.contains("not a regular file (a FIFO)"), "{warning}");
        }
    }
}

#[test]
fn endless_or_huge_input_is_refused_at_the_limit() {
    let world = World::new();
    let started = Instant::now();
    let out = world.run(&["progress", "import", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert_eq!(
        err,
        "terakoya: error: cannot read /dev/zero: larger than 16 MB; not read\n"
    );
    // A progress file past the limit is reported, not read.
    let big = format!("version = 1\n# {}\n", "x".repeat(17 * 1024 * 1024));
    fs::write(world.progress_file(), big).unwrap();
    let out = world.run(&["progress"]);
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("cannot read progress.toml: larger than 16 MB; not read"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(8));
}

#[test]
fn a_failed_export_to_a_directory_leaves_nothing_behind() {
    let world = World::new();
    fs::write(world.progress_file(), TICKED).unwrap();
    let target = world.scratch("dir");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("inside"), "x").unwrap();
    let out = world.run(&["progress", "export", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "terakoya: error: cannot export to {}: not a regular file (a directory); left as it is\n",
            target.display()
        )
    );
    assert_eq!(names(world.scratch.path()), ["dir"]);
    assert_eq!(names(&target), ["inside"]);
}

#[test]
fn export_through_a_symlink_keeps_the_link_and_dev_stdout_is_stdout() {
    let world = World::new();
    fs::write(world.progress_file(), TICKED).unwrap();
    let real = world.scratch("real.toml");
    fs::write(&real, "old").unwrap();
    let link = world.scratch("link.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = world.run(&["progress", "export", link.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&real).unwrap().contains("c/ｶﾞ"));
    for stdout in ["-", "/dev/stdout"] {
        let out = world.run(&["progress", "export", stdout]);
        assert!(out.status.success(), "{stdout}: {}", text(&out.stderr));
        assert!(text(&out.stdout).contains("[lessons.\"c/ｶﾞ\"]"), "{stdout}");
    }
}

#[test]
fn echoed_arguments_paths_and_settings_print_no_controls() {
    let world = World::new();
    fs::write(world.progress_file(), TICKED).unwrap();
    let evil = "\u{1b}]0;pwned\u{7}/x\u{7}";
    let outputs = [
        world.run(&["show", evil]),
        world.run(&["progress", "reset", "--yes", evil]),
        world.run(&["progress", "import", &format!("/nonexistent/{evil}")]),
        world.run(&["progress", "export", &format!("/nonexistent/{evil}")]),
        world
            .terakoya()
            .args(["progress", "--data-dir", &format!("/proc/{evil}")])
            .output()
            .unwrap(),
        world
            .terakoya()
            .args(["--lessons", &format!("/nonexistent/{evil}"), "progress"])
            .output()
            .unwrap(),
    ];
    for (n, out) in outputs.iter().enumerate() {
        assert_printable(&format!("case {n}"), out);
        assert!(!text(&out.stderr).contains("pwned"), "case {n}");
    }
    let cmd = Command::new(assert_cmd::cargo::cargo_bin!("terakoya"))
        .env("LC_ALL", "C.UTF-8")
        .env("TERAKOYA_DATA_DIR", format!("/proc/{evil}"))
        .env("HOME", world.data.path())
        .args([
            "--lessons",
            world.lessons.path().to_str().unwrap(),
            "progress",
        ])
        .output()
        .unwrap();
    assert_printable("TERAKOYA_DATA_DIR", &cmd);
    let stdout = text(&cmd.stdout);
    assert!(
        stdout.contains("Progress file: /proc//x␇/progress.toml"),
        "{stdout}"
    );
}

#[test]
fn tables_align_a_half_width_id_by_its_terminal_width() {
    let world = World::new();
    fs::write(world.progress_file(), TICKED).unwrap();
    let table = text(&world.run(&["progress"]).stdout);
    // `ｶﾞ` is two columns on a terminal, like `LESSON`'s first two.
    assert!(
        table.starts_with(
            "COURSE  LESSON  POINTS  SECTIONS  LAST OPENED  TITLE\n\
             c       ｶﾞ         1/1       0/0  -            半角\n"
        ),
        "{table}"
    );
    let list = text(&world.run(&["list"]).stdout);
    assert!(
        list.ends_with("\nc/ｶﾞ           半角          0       1\n"),
        "{list}"
    );
}

#[test]
fn dates_are_days_in_the_local_time_zone() {
    let world = World::new();
    let file = "version = 1\n[lessons.\"c/ｶﾞ\"]\nlast_opened = 2024-11-30T20:00:00Z\n";
    fs::write(world.progress_file(), file).unwrap();
    let day = |tz: &str| {
        let out = world
            .terakoya()
            .env("TZ", tz)
            .arg("progress")
            .output()
            .unwrap();
        let table = text(&out.stdout);
        table.lines().nth(1).unwrap_or_default().to_owned()
    };
    // 20:00 UTC is 05:00 the next morning in Japan.
    assert!(
        day("Asia/Tokyo").contains(" 2024-12-01 "),
        "{}",
        day("Asia/Tokyo")
    );
    assert!(day("UTC").contains(" 2024-11-30 "), "{}", day("UTC"));
}
