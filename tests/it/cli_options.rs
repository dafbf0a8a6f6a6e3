//! Options and hints of the command line: `--data-dir` only where progress
//! is used, `TERAKOYA_DATA_DIR` (empty counts as unset), and hints that
//! repeat the `-L PATH` the user gave.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

/// terakoya with a home and XDG directories inside `home`, so that nothing
/// can reach the real home directory, and no `TERAKOYA_DATA_DIR`.
fn terakoya(home: &Path) -> Command {
    let mut cmd = crate::support::terakoya();
    cmd.env_remove("TERAKOYA_DATA_DIR")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("xdg"));
    cmd
}

fn out(assert: &assert_cmd::assert::Assert) -> (String, String) {
    let output = assert.get_output();
    (
        String::from_utf8(output.stdout.clone()).unwrap(),
        String::from_utf8(output.stderr.clone()).unwrap(),
    )
}

/// A lessons directory named "my lessons" (a space: quoted in hints) with
/// one good lesson and one with an error.
fn lessons(root: &TempDir) -> std::path::PathBuf {
    let dir = root.path().join("my lessons");
    let course = dir.join("c");
    fs::create_dir_all(&course).unwrap();
    fs::write(course.join("course.toml"), "title = \"C\"\n").unwrap();
    fs::write(
        course.join("01-good.toml"),
        "title = \"Good\"\n[[sections]]\nheading = \"H\"\nbody = \"B\"\n",
    )
    .unwrap();
    fs::write(course.join("02-bad.toml"), "title = 1\n").unwrap();
    dir
}

#[test]
fn data_dir_is_offered_only_where_progress_is_used() {
    let home = tempfile::tempdir().unwrap();
    let help = |args: &[&str]| out(&terakoya(home.path()).args(args).assert().success()).0;
    for args in [&["check", "--help"][..], &["list", "--help"]] {
        assert!(!help(args).contains("--data-dir"), "{args:?}");
    }
    for args in [
        &["--help"][..],
        &["show", "--help"],
        &["progress", "--help"],
        &["progress", "export", "--help"],
    ] {
        let text = help(args);
        assert!(text.contains("--data-dir"), "{args:?}: {text}");
        assert!(text.contains("TERAKOYA_DATA_DIR"), "{args:?}: {text}");
    }
    terakoya(home.path())
        .args(["check", "--data-dir", "x"])
        .assert()
        .code(2);
}

#[test]
fn data_dir_works_before_or_after_the_subcommand() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let data = data.to_str().unwrap();
    for args in [
        &["--data-dir", data, "progress"][..],
        &["progress", "--data-dir", data],
        &["progress", "export", "-", "--data-dir", data],
    ] {
        terakoya(home.path()).args(args).assert().success();
    }
    let shown = terakoya(home.path())
        .args(["progress", "--data-dir", data])
        .assert()
        .success();
    let expected = format!("Progress file: {data}/progress.toml");
    assert!(out(&shown).0.contains(&expected), "{}", out(&shown).0);
    let shown = terakoya(home.path())
        .args(["show", "basics/01-getting-around", "--width", "40"])
        .args(["--data-dir", data])
        .assert()
        .success();
    assert!(out(&shown).0.contains("Getting around terakoya"));
}

#[test]
fn the_environment_variable_is_used_and_an_empty_one_is_unset() {
    let home = tempfile::tempdir().unwrap();
    let from_env = home.path().join("from-env");
    let shown = terakoya(home.path())
        .env("TERAKOYA_DATA_DIR", &from_env)
        .arg("progress")
        .assert()
        .success();
    let expected = format!(
        "Progress file: {}",
        from_env.join("progress.toml").display()
    );
    assert!(out(&shown).0.contains(&expected), "{}", out(&shown).0);
    // `--data-dir` wins over the variable.
    let flag = home.path().join("flag");
    let shown = terakoya(home.path())
        .env("TERAKOYA_DATA_DIR", &from_env)
        .arg("--data-dir")
        .arg(&flag)
        .arg("progress")
        .assert()
        .success();
    assert!(out(&shown).0.contains(&flag.display().to_string()));
    // Empty: the platform directory (here inside the fake XDG_DATA_HOME).
    let shown = terakoya(home.path())
        .env("TERAKOYA_DATA_DIR", "")
        .arg("progress")
        .assert()
        .success();
    let platform = home.path().join("xdg/terakoya/progress.toml");
    let expected = format!("Progress file: {}", platform.display());
    assert!(out(&shown).0.contains(&expected), "{:?}", out(&shown));
}

#[test]
fn hints_to_run_check_repeat_the_lessons_path() {
    let home = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    let dir = lessons(&root);
    let quoted = format!("'{}'", dir.display());
    let run = |args: &[&str]| {
        let assert = terakoya(home.path())
            .arg("--data-dir")
            .arg(home.path().join("data"))
            .arg("-L")
            .arg(&dir)
            .args(args)
            .assert();
        out(&assert).1
    };
    let expected =
        format!("terakoya: run `terakoya -L {quoted} check` to see these problems in context");
    assert_eq!(run(&["list"]).lines().last(), Some(expected.as_str()));
    let show = run(&["show", "c/02-bad"]);
    assert!(show.lines().any(|l| l == expected), "{show}");
    // The file exists but failed to load: said so, not "no lesson".
    assert!(
        show.contains("lesson `c/02-bad` failed to load: see the error in ")
            && show.contains("02-bad.toml:1"),
        "{show}"
    );
    let missing = run(&["show", "c/03-none"]);
    assert!(
        missing.contains(&format!(
            "no lesson `c/03-none`; `terakoya -L {quoted} list` shows the lesson ids"
        )),
        "{missing}"
    );
    let progress = run(&["progress"]);
    assert!(
        progress.contains(&format!("`terakoya -L {quoted} check` shows them")),
        "{progress}"
    );
    // The printed command, run as printed (here without a shell), checks
    // the same lessons.
    let checked = terakoya(home.path())
        .arg("-L")
        .arg(&dir)
        .arg("check")
        .assert()
        .code(1);
    assert!(out(&checked).0.contains("02-bad.toml:1:9: error"));
}
