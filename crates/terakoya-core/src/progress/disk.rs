//! File-system primitives of the store: the private data directory, the
//! lock, atomic replacement, and setting an unreadable file aside.

use std::fs::{self, File, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The progress file, in the data directory.
pub const FILE_NAME: &str = "progress.toml";
/// Locked (exclusively) around every read-modify-write of the progress file.
/// A separate file, because the progress file itself is replaced by rename.
pub const LOCK_NAME: &str = "progress.lock";

/// Creates `dir` and its missing parents, mode 0700 on Unix (as the XDG
/// base directory spec asks of data directories).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    // DirBuilder would say "File exists", which hides what is wrong.
    if dir.exists() && !dir.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotADirectory,
            "not a directory",
        ));
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Checks that files can be created in `dir` (an unnamed temporary file on
/// Linux, which leaves nothing behind).
pub fn probe_writable(dir: &Path) -> io::Result<()> {
    private_options().open(dir.join(FILE_NAME))?.discard()
}

/// An exclusive lock on the data directory, released when dropped (closing
/// the file releases it, also when the process is killed).
#[derive(Debug)]
pub struct Lock(#[allow(dead_code)] File);

/// How long a save waits for another terakoya's lock. A save holds it for a
/// few milliseconds; a holder that takes longer is stopped (Ctrl-Z) or hung,
/// and waiting on it forever would freeze this reader too.
pub const LOCK_WAIT: Duration = Duration::from_secs(3);

impl Lock {
    pub fn acquire(dir: &Path) -> io::Result<Lock> {
        Self::acquire_within(dir, LOCK_WAIT)
    }

    /// Takes the lock, retrying until `wait` has passed.
    pub fn acquire_within(dir: &Path, wait: Duration) -> io::Result<Lock> {
        let mut options = fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(dir.join(LOCK_NAME))?;
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Lock(file)),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(io::Error::new(
                        io::ErrorKind::WouldBlock,
                        "another terakoya has been saving for too long (is one stopped with Ctrl-Z?)",
                    ));
                }
                // A file system without locks (some network or FUSE mounts):
                // saving unlocked beats not saving; each write is still atomic.
                Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                    return Ok(Lock(file));
                }
                Err(TryLockError::Error(e)) => return Err(e),
            }
        }
    }
}

/// Replaces `path` with `bytes`: written to a temporary file in the same
/// directory, fsynced, renamed over `path`, and the directory fsynced. A crash
/// at any moment leaves the old file or the new one, never a torn one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// Where to write `path`: the file a symlink points to (so that a progress
/// file kept elsewhere, say by a dotfiles manager, stays linked), else `path`.
pub fn write_target(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// [`write_atomically`] with the writing done by `write`; if it fails, the
/// temporary file is discarded and `path` is untouched.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let mut file = private_options().open(path)?;
    write(file.as_file_mut())?;
    file.commit()
}

/// New files are private (0600 on Unix) whatever the old file's mode was.
fn private_options() -> atomic_write_file::OpenOptions {
    #[allow(unused_mut)]
    let mut options = atomic_write_file::OpenOptions::new();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        options.preserve_mode(false).mode(0o600);
    }
    options
}

/// The file's bytes, or `None` if it does not exist.
pub fn read_if_exists(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Moves `path` (`progress.toml`) aside to `progress.<stamp>.bad` in the same
/// directory, or `progress.<stamp>-2.bad`, ... so that an earlier `.bad` file
/// is never overwritten. Returns the new name.
pub fn set_aside(path: &Path, stamp: &str) -> io::Result<PathBuf> {
    aside(path, stamp, move_without_clobbering)
}

/// [`set_aside`], but `path` stays too: the `.bad` file is a copy (a hard
/// link where the file system has them).
pub fn copy_aside(path: &Path, stamp: &str) -> io::Result<PathBuf> {
    aside(path, stamp, copy_without_clobbering)
}

fn aside(
    path: &Path,
    stamp: &str,
    place: fn(&Path, &Path) -> io::Result<()>,
) -> io::Result<PathBuf> {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    for attempt in 1..=100 {
        let name = match attempt {
            1 => format!("{stem}.{stamp}.bad"),
            n => format!("{stem}.{stamp}-{n}.bad"),
        };
        let target = path.with_file_name(name);
        match place(path, &target) {
            Ok(()) => return Ok(target),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many .bad files already",
    ))
}

/// A new name for the file, never replacing an existing one.
fn copy_without_clobbering(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            let bytes = fs::read(from)?;
            let mut copy = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(to)?;
            copy.write_all(&bytes)?;
            copy.sync_all()
        }
    }
}

/// A hard link refuses to replace an existing file, unlike a rename; where
/// links are not supported, fall back to checking first (the caller holds
/// the lock, so no other terakoya races it).
fn move_without_clobbering(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) if to.exists() => Err(io::ErrorKind::AlreadyExists.into()),
        Err(_) => fs::rename(from, to),
    }
}

#[cfg(test)]
mod tests {
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
        assert_eq!(result.unwrap_err().to_string(), "disk full");
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
        assert_eq!(err.kind(), io::ErrorKind::WouldBlock);
        drop(held);
        assert!(Lock::acquire_within(dir.path(), Duration::from_millis(50)).is_ok());
    }

    #[test]
    fn a_data_dir_that_is_a_file_is_named_as_such() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("file");
        fs::write(&file, "").unwrap();
        let err = create_private_dir(&file).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotADirectory);
        assert_eq!(err.to_string(), "not a directory");
    }
}
