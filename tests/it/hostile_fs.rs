//! Filesystem hostility in a lessons directory: oversized files, FIFOs and
//! devices, symlink loops and symlinks out of the bundle, unreadable files.
//! Each is reported, none is read forever or followed forever.
#![cfg(unix)]

use crate::hostile_support;
use crate::support;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::time::{Duration, Instant};

const LESSON: &str = "title = \"t\"\n[[sections]]\nheading = \"h\"\nbody = \"b\"\n";

/// A lessons root with one course `c` holding one good lesson.
fn course() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    fs::create_dir(root.path().join("c")).unwrap();
    fs::write(root.path().join("c/course.toml"), "title = \"c\"\n").unwrap();
    fs::write(root.path().join("c/01-ok.toml"), LESSON).unwrap();
    root
}

/// `check` on `lessons`, failing the test if it takes over 30 seconds
/// (a hang); returns (stdout, exit code).
fn check(lessons: &Path) -> (String, i32) {
    let output = support::run_within(lessons, &["check"], Duration::from_secs(30));
    hostile_support::assert_printable("check", &output);
    let code = output
        .status
        .code()
        .expect("check was killed: did it hang?");
    (String::from_utf8(output.stdout).unwrap(), code)
}

fn has_line(stdout: &str, path: &Path, rest: &str) -> bool {
    let prefix = format!("{}: {rest}", path.display());
    stdout.lines().any(|l| l.starts_with(&prefix))
}

#[test]
fn a_fifo_is_refused_not_waited_on() {
    let root = course();
    let fifo = root.path().join("c/02-fifo.toml");
    support::mkfifo(&fifo);
    let (stdout, code) = check(root.path());
    assert_eq!(code, 1, "{stdout}");
    assert!(
        has_line(
            &stdout,
            &fifo,
            "error: not a regular file (a FIFO, a device or a socket); not read"
        ),
        "{stdout}"
    );
    // `--lessons FIFO` directly is refused too.
    let (stdout, code) = check(&fifo);
    assert_eq!(code, 1, "{stdout}");
}

#[test]
fn a_symlink_to_a_device_is_refused_not_read() {
    let root = course();
    let zero = root.path().join("c/02-zero.toml");
    symlink("/dev/zero", &zero).unwrap();
    let (stdout, code) = check(root.path());
    assert_eq!(code, 1, "{stdout}");
    assert!(
        has_line(&stdout, &zero, "error: not a regular file"),
        "{stdout}"
    );
}

#[test]
fn an_oversized_lone_lesson_file_is_refused_with_the_limit() {
    let root = course();
    let big = root.path().join("c/02-big.toml");
    let file = fs::File::create(&big).unwrap();
    file.set_len(terakoya_core::bundle::MAX_FILE_BYTES + 1)
        .unwrap(); // sparse
    let (stdout, code) = check(&big);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        has_line(
            &stdout,
            &big,
            "error: file is larger than 64 MB; terakoya does not read it"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("= help: split the lesson into several files"),
        "{stdout}"
    );
}

#[test]
fn file_symlink_loops_are_reported() {
    let root = course();
    let a = root.path().join("c/02-a.toml");
    let b = root.path().join("c/03-b.toml");
    symlink(&b, &a).unwrap();
    symlink(&a, &b).unwrap();
    let (stdout, code) = check(root.path());
    assert_eq!(code, 1, "{stdout}");
    for path in [&a, &b] {
        assert!(
            has_line(&stdout, path, "error: cannot read the file: "),
            "{stdout}"
        );
    }
}

#[test]
fn a_symlink_out_to_a_huge_tree_is_not_walked_forever() {
    // A bundle linking to `/` or a home directory: the scan stops after
    // MAX_SCANNED_DIRS directories, with a warning, and loads what it has.
    let root = course();
    let outside = tempfile::tempdir().unwrap();
    let max = terakoya_core::bundle::MAX_SCANNED_DIRS;
    for i in 0..max + 10 {
        fs::create_dir_all(outside.path().join(format!("d{:02}/{i}", i % 50))).unwrap();
    }
    symlink(outside.path(), root.path().join("c/everything")).unwrap();
    let started = Instant::now();
    let (stdout, code) = check(root.path());
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(code, 0, "{stdout}");
    let warning = format!(
        "warning: more than {max} directories to scan (a symlink out of the lessons?); the rest are not scanned"
    );
    assert_eq!(stdout.matches(&warning).count(), 1, "{stdout}");
    assert!(
        stdout.ends_with("ok: 2 files checked, 1 course, 1 lesson, 1 warning\n"),
        "{stdout}"
    );
}

/// Whether this process can read a file whose mode is 000 (root can).
fn reads_mode_000(path: &Path) -> bool {
    fs::read(path).is_ok()
}

#[test]
fn unreadable_files_and_directories_are_reported() {
    let root = course();
    let file = root.path().join("c/02-secret.toml");
    fs::write(&file, LESSON).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
    let dir = root.path().join("locked");
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o000)).unwrap();
    let privileged = reads_mode_000(&file);
    let (stdout, code) = check(root.path());
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    if privileged {
        // Running as root: permissions do not stop reading, so both load.
        assert_eq!(code, 0, "{stdout}");
        assert!(
            stdout.starts_with("ok: 3 files checked, 1 course, 2 lessons"),
            "{stdout}"
        );
    } else {
        assert_eq!(code, 1, "{stdout}");
        assert!(
            has_line(
                &stdout,
                &file,
                "error: cannot read the file: Permission denied"
            ),
            "{stdout}"
        );
        assert!(
            has_line(
                &stdout,
                &dir,
                "error: cannot read the directory: Permission denied"
            ),
            "{stdout}"
        );
    }
}
