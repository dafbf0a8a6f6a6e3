//! What can go wrong with the progress store, as data: the front end words
//! each variant (in its own language, with its own command-line spelling),
//! so nothing here is a sentence. Paths are whole; the front end decides
//! which part is essential (the file's name) and which is detail (its
//! directory).

use std::fmt;
use std::io;
use std::path::PathBuf;

use super::file::FormatError;

/// Why a file of the store (or a file given to import or export) could not
/// be read, written or locked.
#[derive(Debug)]
pub enum FileError {
    /// The operating system's error.
    Io(io::Error),
    /// The path names something other than a regular file (or a symlink to
    /// one): it is never read, replaced or waited on.
    NotRegular(FileKind),
    /// The file is larger than `limit` bytes (see
    /// [`MAX_FILE_BYTES`](super::disk::MAX_FILE_BYTES)).
    TooLarge { limit: u64 },
    /// Another terakoya has held the lock longer than a save takes (stopped
    /// with Ctrl-Z, or hung).
    Busy,
    /// Every name for a copy set aside is taken.
    TooManyCopies,
}

impl From<io::Error> for FileError {
    fn from(error: io::Error) -> Self {
        FileError::Io(error)
    }
}

/// What a path names when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    Fifo,
    Socket,
    CharDevice,
    BlockDevice,
    /// Anything else (a symlink loop, an unknown type).
    Other,
}

/// Advice the front end adds to a message, in its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Choose another data directory (its option or environment variable).
    OtherDataDir,
    /// A newer terakoya wrote the file: install a newer one.
    Upgrade,
}

/// How the store went on after setting an unreadable file aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterSetAside {
    /// On opening: no progress is shown; the next save starts a new file.
    StartedAfresh,
    /// While saving: the progress on screen was saved in its place.
    SavedOnScreen,
}

/// What the store did with a progress file some of whose entries are
/// unreadable (its readable part is shown in every case).
#[derive(Debug)]
pub enum Salvage {
    /// Copied aside to `copy`, then replaced by its readable part.
    Kept {
        copy: PathBuf,
        lessons: usize,
        left_out: usize,
    },
    /// Copied aside to `copy`, but the readable part could not be written:
    /// the file is not changed yet.
    NotWritten {
        copy: PathBuf,
        lessons: usize,
        cause: FileError,
    },
    /// Could not be copied aside, so it is not changed.
    NotCopied { cause: FileError },
    /// Only read (a command that changes nothing): not changed.
    ReadOnly,
}

/// Something the store found on opening or while saving that the reader
/// should say once (it still works, perhaps without saving).
#[derive(Debug)]
pub enum StoreWarning {
    /// No data directory could be found; nothing will be saved.
    NoDataDir,
    /// The data directory cannot be written in; nothing will be saved.
    CannotWrite { dir: PathBuf, cause: FileError },
    /// The progress file cannot be read; no progress is shown.
    CannotRead { path: PathBuf, cause: FileError },
    /// A newer terakoya wrote the file: shown as far as understood, never
    /// overwritten.
    Newer { path: PathBuf, version: i64 },
    /// The file was unreadable and was moved to `moved`.
    SetAside {
        path: PathBuf,
        reason: FormatError,
        moved: PathBuf,
        then: AfterSetAside,
    },
    /// The file is unreadable and could not be moved aside: nothing will be
    /// saved.
    SetAsideFailed {
        path: PathBuf,
        reason: FormatError,
        cause: FileError,
    },
    /// A file of the sync directory could not be merged, or this machine's
    /// file there could not be written (never fatal).
    Sync(super::sync::SyncProblem),
    /// The file is unreadable and a read-only command left it as it is
    /// (the reader's next save moves it aside).
    UnreadableLeft { path: PathBuf, reason: FormatError },
    /// Some entries of the file are unreadable; the rest is shown.
    EntriesLeftOut {
        path: PathBuf,
        reason: FormatError,
        salvage: Salvage,
    },
}

impl StoreWarning {
    pub fn hint(&self) -> Option<Hint> {
        match self {
            StoreWarning::NoDataDir | StoreWarning::CannotWrite { .. } => Some(Hint::OtherDataDir),
            StoreWarning::Newer { .. } => Some(Hint::Upgrade),
            _ => None,
        }
    }
}

/// Why the store could not do something.
#[derive(Debug)]
pub enum StoreError {
    /// No data directory could be found (no home directory).
    NoDataDir,
    CreateDir {
        path: PathBuf,
        cause: FileError,
    },
    Lock {
        path: PathBuf,
        cause: FileError,
    },
    Read {
        path: PathBuf,
        cause: FileError,
    },
    /// The file is unreadable and could not be moved aside to save.
    SetAside {
        path: PathBuf,
        reason: FormatError,
        cause: FileError,
    },
    /// A newer terakoya wrote the file: it is never overwritten.
    Newer {
        path: PathBuf,
        version: i64,
    },
    Write {
        path: PathBuf,
        cause: FileError,
    },
    Encode(toml::ser::Error),
    /// Export: the progress file cannot be read.
    ExportRead {
        path: PathBuf,
        cause: FileError,
    },
    /// Export: the progress file does not parse.
    ExportUnreadable {
        path: PathBuf,
        reason: FormatError,
    },
    /// Export: the destination cannot be written.
    Export {
        path: PathBuf,
        cause: FileError,
    },
    /// Import: the file cannot be read.
    ImportRead {
        path: PathBuf,
        cause: FileError,
    },
    /// Import: the file does not parse.
    ImportUnreadable {
        path: PathBuf,
        reason: FormatError,
    },
    /// Import: the file is from a newer terakoya.
    ImportNewer {
        path: PathBuf,
        version: i64,
    },
}

impl StoreError {
    pub fn hint(&self) -> Option<Hint> {
        match self {
            StoreError::NoDataDir => Some(Hint::OtherDataDir),
            StoreError::Newer { .. } | StoreError::ImportNewer { .. } => Some(Hint::Upgrade),
            _ => None,
        }
    }
}

// Not `#[from]`-style through thiserror: the front end words the error,
// so the core's Display is only a technical fallback.
impl From<toml::ser::Error> for StoreError {
    fn from(error: toml::ser::Error) -> Self {
        StoreError::Encode(error)
    }
}

/// Technical, for logs and tests: the front end words the error for people
/// (`src/progress_words.rs` in terakoya).
impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for StoreError {}
