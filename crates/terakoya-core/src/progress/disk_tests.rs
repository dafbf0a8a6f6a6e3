use super::*;

#[test]
fn a_failing_write_leaves_the_old_file_and_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    write_atomically(&path, b"old contents\n").unwrap();
    let result = write_atomically_with(&path, |file| {
        file.write_all(b"half of the new")?;
        Err(io::Error::other("disk full"))
    });
    assert!(matches!(result, Err(FileError::Io(e)) if e.to_string() == "disk full"));
    assert_eq!(fs::read(&path).unwrap(), b"old contents\n");
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "a temporary file was left: {names:?}");
}

#[test]
fn a_write_replaces_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    write_atomically(&path, b"one").unwrap();
    write_atomically(&path, b"two").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"two");
}

#[cfg(unix)]
#[test]
fn files_and_directories_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("a/b");
    create_private_dir(&dir).unwrap();
    let path = dir.join(FILE_NAME);
    // An existing world-readable file becomes private on the next write.
    fs::write(&path, "x").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    write_atomically(&path, b"y").unwrap();
    drop(Lock::acquire(&dir).unwrap());
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&root.path().join("a")), 0o700);
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&dir.join(LOCK_NAME)), 0o600);
}

#[test]
fn setting_aside_never_overwrites_an_earlier_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    fs::write(&path, "first").unwrap();
    let first = set_aside(&path, "S").unwrap();
    fs::write(&path, "second").unwrap();
    let second = set_aside(&path, "S").unwrap();
    assert_eq!(first, dir.path().join("progress.S.bad"));
    assert_eq!(second, dir.path().join("progress.S-2.bad"));
    assert_eq!(fs::read_to_string(first).unwrap(), "first");
    assert_eq!(fs::read_to_string(second).unwrap(), "second");
    assert!(!path.exists());
}

#[test]
fn the_lock_is_exclusive_between_handles() {
    let dir = tempfile::tempdir().unwrap();
    let held = Lock::acquire(dir.path()).unwrap();
    let other = File::options()
        .write(true)
        .open(dir.path().join(LOCK_NAME))
        .unwrap();
    assert!(matches!(
        other.try_lock(),
        Err(fs::TryLockError::WouldBlock)
    ));
    drop(held);
    other.try_lock().unwrap();
}

#[test]
fn a_lock_held_too_long_gives_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let held = Lock::acquire(dir.path()).unwrap();
    let err = Lock::acquire_within(dir.path(), Duration::from_millis(50)).unwrap_err();
    assert!(matches!(err, FileError::Busy), "{err:?}");
    drop(held);
    assert!(Lock::acquire_within(dir.path(), Duration::from_millis(50)).is_ok());
}

#[test]
fn a_data_dir_that_is_a_file_is_named_as_such() {
    let root = tempfile::tempdir().unwrap();
    let file = root.path().join("file");
    fs::write(&file, "").unwrap();
    let err = create_private_dir(&file).unwrap_err();
    assert!(
        matches!(&err, FileError::Io(e) if e.kind() == io::ErrorKind::NotADirectory),
        "{err:?}"
    );
}

/// Names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_write_follows_a_symlink_to_a_regular_file_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("elsewhere.toml");
    fs::write(&real, "old").unwrap();
    let link = dir.path().join(FILE_NAME);
    std::os::unix::fs::symlink("elsewhere.toml", &link).unwrap();
    write_atomically(&write_target(&link).unwrap(), b"new").unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&real).unwrap(), b"new");
    // A dangling link's target is created, and the link stays.
    fs::remove_file(&real).unwrap();
    write_atomically(&write_target(&link).unwrap(), b"again").unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&real).unwrap(), b"again");
}

#[cfg(target_os = "linux")]
#[test]
fn a_symlink_to_a_device_or_a_directory_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join(FILE_NAME);
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let err = write_target(&link).unwrap_err();
    assert!(
        matches!(err, FileError::NotRegular(FileKind::CharDevice)),
        "{err:?}"
    );
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    let err = write_atomically(&sub, b"x").unwrap_err();
    assert!(
        matches!(err, FileError::NotRegular(FileKind::Directory)),
        "{err:?}"
    );
    assert!(sub.is_dir());
    assert_eq!(
        names(dir.path()),
        [FILE_NAME, "sub"],
        "a temporary file was left"
    );
}

#[test]
fn a_failed_rename_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join("inside"), "x").unwrap();
    // Past the up-front check (as in a race), the rename fails.
    let result = replace(&sub, |file| file.write_all(b"progress"));
    assert!(matches!(result, Err(FileError::Io(_))), "{result:?}");
    assert_eq!(names(dir.path()), ["sub"]);
    assert_eq!(names(&sub), ["inside"]);
}

#[cfg(unix)]
#[test]
fn fifos_are_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    for name in [FILE_NAME, LOCK_NAME] {
        let status = std::process::Command::new("mkfifo")
            .arg(dir.path().join(name))
            .status()
            .unwrap();
        assert!(status.success());
    }
    let started = Instant::now();
    let read = read_if_exists(&dir.path().join(FILE_NAME)).unwrap_err();
    assert!(
        matches!(read, FileError::NotRegular(FileKind::Fifo)),
        "{read:?}"
    );
    let lock = Lock::acquire(dir.path()).unwrap_err();
    assert!(
        matches!(lock, FileError::NotRegular(FileKind::Fifo)),
        "{lock:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn reads_stop_past_the_limit() {
    let exact = read_limited(io::repeat(b'a').take(MAX_FILE_BYTES)).unwrap();
    assert_eq!(exact.len() as u64, MAX_FILE_BYTES);
    // An endless source ends one byte past the limit, as an error.
    let err = read_limited(io::repeat(0)).unwrap_err();
    assert!(
        matches!(
            err,
            FileError::TooLarge {
                limit: MAX_FILE_BYTES
            }
        ),
        "{err:?}"
    );
}
