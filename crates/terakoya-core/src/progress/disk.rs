//! File-system primitives of the store: the private data directory, the
//! lock, atomic replacement, and setting an unreadable file aside.
//!
//! Every file is opened without blocking and checked to be a regular file
//! before it is read or replaced: a FIFO, a device or a directory at a
//! store path (or a symlink to one) is an error, never a hang or a file
//! written over it. Reads stop at [`MAX_FILE_BYTES`].

use std::fs::{self, File, TryLockError};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::problem::{FileError, FileKind};

/// The progress file, in the data directory.
pub const FILE_NAME: &str = "progress.toml";
/// Locked (exclusively) around every read-modify-write of the progress file.
/// A separate file, because the progress file itself is replaced by rename.
pub const LOCK_NAME: &str = "progress.lock";

/// The largest progress file (or import) read: 16 MiB. A heavy real file is
/// about 230 bytes a lesson (10,000 lessons: 2.3 MB), so this leaves room
/// for 70,000 lessons while a runaway input (`/dev/zero`, a wrong file) is
/// refused before parsing, which takes about 20 times the text in memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Creates `dir` and its missing parents, mode 0700 on Unix (as the XDG
/// base directory spec asks of data directories).
pub fn create_private_dir(dir: &Path) -> Result<(), FileError> {
    // DirBuilder would say "File exists", which hides what is wrong.
    if let Ok(meta) = fs::metadata(dir)
        && !meta.is_dir()
    {
        return Err(FileError::Io(io::ErrorKind::NotADirectory.into()));
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    Ok(builder.create(dir)?)
}

/// Checks that files can be created in `dir`: creates and removes a
/// temporary file.
pub fn probe_writable(dir: &Path) -> Result<(), FileError> {
    let (file, temp) = create_temporary(&dir.join(FILE_NAME))?;
    drop(file);
    Ok(fs::remove_file(temp)?)
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
    pub fn acquire(dir: &Path) -> Result<Lock, FileError> {
        Self::acquire_within(dir, LOCK_WAIT)
    }

    /// Takes the lock, retrying until `wait` has passed.
    pub fn acquire_within(dir: &Path, wait: Duration) -> Result<Lock, FileError> {
        let mut options = fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = open_regular(&options, &dir.join(LOCK_NAME))?;
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Lock(file)),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(TryLockError::WouldBlock) => return Err(FileError::Busy),
                // A file system without locks (some network or FUSE mounts):
                // saving unlocked beats not saving; each write is still atomic.
                Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                    return Ok(Lock(file));
                }
                Err(TryLockError::Error(e)) => return Err(e.into()),
            }
        }
    }
}

/// Opens `path` without blocking (a FIFO would otherwise wait for a writer
/// or reader forever) and refuses anything but a regular file.
fn open_regular(options: &fs::OpenOptions, path: &Path) -> Result<File, FileError> {
    let mut options = options.clone();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = match options.open(path) {
        Ok(file) => file,
        // Opening a FIFO for writing without a reader fails with ENXIO;
        // a socket with ENXIO too: say what it is rather than the errno.
        Err(e) => {
            return Err(match fs::metadata(path) {
                Ok(meta) if !meta.is_file() => FileError::NotRegular(kind_of(&meta)),
                _ => FileError::Io(e),
            });
        }
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(FileError::NotRegular(kind_of(&meta)));
    }
    Ok(file)
}

/// What `meta` describes, for a message about a path that is not a regular
/// file.
pub fn kind_of(meta: &fs::Metadata) -> FileKind {
    let kind = meta.file_type();
    if kind.is_dir() {
        return FileKind::Directory;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return FileKind::Fifo;
        } else if kind.is_socket() {
            return FileKind::Socket;
        } else if kind.is_char_device() {
            return FileKind::CharDevice;
        } else if kind.is_block_device() {
            return FileKind::BlockDevice;
        }
    }
    FileKind::Other
}

/// Replaces `path` with `bytes`: written to a temporary file in the same
/// directory, fsynced, renamed over `path`, and the directory fsynced. A crash
/// at any moment leaves the old file or the new one, never a torn one; a
/// failure leaves the old file and no temporary file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// Where to write `path` so that it is replaced but never something else:
/// the regular file a symlink points to (so that a progress file kept
/// elsewhere, say by a dotfiles manager, stays linked; a dangling link's
/// target is created), else `path` itself. Anything that is not a regular
/// file, at `path` or at the end of its links, is refused.
pub fn write_target(path: &Path) -> Result<PathBuf, FileError> {
    let mut target = path.to_path_buf();
    // As many links as Linux follows (MAXSYMLINKS) before ELOOP.
    for _ in 0..40 {
        let meta = match fs::symlink_metadata(&target) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(target),
            Err(e) => return Err(e.into()),
            Ok(meta) => meta,
        };
        if meta.is_file() {
            return Ok(target);
        }
        if !meta.file_type().is_symlink() {
            return Err(FileError::NotRegular(kind_of(&meta)));
        }
        let link = fs::read_link(&target)?;
        target = match target.parent() {
            Some(dir) => dir.join(link),
            None => link,
        };
    }
    Err(FileError::NotRegular(FileKind::Other))
}

/// [`write_atomically`] with the writing done by `write`; if it fails, the
/// temporary file is removed and `path` is untouched. `path` must be a
/// regular file or missing (see [`write_target`]): a rename would replace
/// a device node or an empty directory as well.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), FileError> {
    if let Ok(meta) = fs::symlink_metadata(path)
        && !meta.is_file()
    {
        return Err(FileError::NotRegular(kind_of(&meta)));
    }
    replace(path, write)
}

/// The temporary file, written and renamed over `path`; removed on failure.
fn replace(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> Result<(), FileError> {
    let (mut file, temp) = create_temporary(path)?;
    let written = write(&mut file)
        .and_then(|()| file.sync_all())
        .and_then(|()| {
            drop(file);
            fs::rename(&temp, path)
        });
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(e.into());
    }
    sync_dir(path);
    Ok(())
}

/// A new private file (0600 on Unix, whatever the old file's mode was)
/// beside `path`: `.NAME.PID-N.tmp`, never an existing file.
fn create_temporary(path: &Path) -> Result<(File, PathBuf), FileError> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    for n in 0..1000 {
        let temp = path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()));
        match options.open(&temp) {
            Ok(file) => return Ok((file, temp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e.into()),
        }
    }
    Err(FileError::TooManyCopies)
}

/// Makes a rename in `path`'s directory durable. Best effort: some file
/// systems cannot sync a directory, and the rename itself has succeeded.
fn sync_dir(path: &Path) {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

/// What identifies one version of a file: device, inode, size and
/// modification time (to the nanosecond). Every save renames a new file
/// into place, so another terakoya's save always changes the inode; a hand
/// edit changes the time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp(u64, u64, u64, i64, i64);

/// The stamp of the file `path` names (through symlinks), if it is a
/// regular file; `None` where stamps are not available.
pub fn stamp(path: &Path) -> Option<Stamp> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = fs::metadata(path).ok().filter(fs::Metadata::is_file)?;
        Some(Stamp(
            meta.dev(),
            meta.ino(),
            meta.size(),
            meta.mtime(),
            meta.mtime_nsec(),
        ))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// The file's bytes, or `None` if it does not exist. Opened without
/// blocking; anything but a regular file, or one larger than
/// [`MAX_FILE_BYTES`], is an error.
pub fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>, FileError> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    let file = match open_regular(&options, path) {
        Ok(file) => file,
        Err(FileError::Io(e)) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    read_limited(file).map(Some)
}

/// Everything `reader` gives, up to [`MAX_FILE_BYTES`]; more is an error
/// (read no further than one byte past the limit).
pub fn read_limited(reader: impl Read) -> Result<Vec<u8>, FileError> {
    let mut bytes = Vec::new();
    reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

/// Moves `path` (`progress.toml`) aside to `progress.<stamp>.bad` in the same
/// directory, or `progress.<stamp>-2.bad`, ... so that an earlier `.bad` file
/// is never overwritten. Returns the new name.
pub fn set_aside(path: &Path, stamp: &str) -> Result<PathBuf, FileError> {
    aside(path, stamp, move_without_clobbering)
}

/// [`set_aside`], but `path` stays too: the `.bad` file is a copy (a hard
/// link where the file system has them).
pub fn copy_aside(path: &Path, stamp: &str) -> Result<PathBuf, FileError> {
    aside(path, stamp, copy_without_clobbering)
}

/// A copy of `path` (`progress.toml`) as `progress.<label>.bak` (or
/// `progress.<label>-2.bak`, ...), never overwriting an earlier backup:
/// the file as it was before its format was migrated.
pub fn back_up(path: &Path, label: &str) -> Result<PathBuf, FileError> {
    copies(path, label, "bak", copy_without_clobbering)
}

fn aside(
    path: &Path,
    stamp: &str,
    place: fn(&Path, &Path) -> io::Result<()>,
) -> Result<PathBuf, FileError> {
    copies(path, stamp, "bad", place)
}

fn copies(
    path: &Path,
    stamp: &str,
    extension: &str,
    place: fn(&Path, &Path) -> io::Result<()>,
) -> Result<PathBuf, FileError> {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    for attempt in 1..=100 {
        let name = match attempt {
            1 => format!("{stem}.{stamp}.{extension}"),
            n => format!("{stem}.{stamp}-{n}.{extension}"),
        };
        let target = path.with_file_name(name);
        match place(path, &target) {
            Ok(()) => return Ok(target),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e.into()),
        }
    }
    Err(FileError::TooManyCopies)
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
#[path = "disk_tests.rs"]
mod tests;
