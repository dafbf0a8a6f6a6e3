//! The progress store: finds the data directory, loads the progress file,
//! and applies changes under a lock with an atomic write.
//!
//! Every change goes through [`Store::modify`]: lock the data directory,
//! re-read the file, apply the change to what is on disk (so another
//! reader's changes survive), write atomically, unlock. The store never
//! overwrites a file it could not read: a file that does not parse is moved
//! aside first; one from a newer terakoya, or one it cannot open, is left
//! alone and saving fails with a [`StoreError`] the reader can show.

use std::path::{Path, PathBuf};

use super::disk::{self, FILE_NAME, LOCK_NAME, Lock};
use super::file::{self, Document, FormatError};
use super::{Change, LessonKey, Progress, time};

/// Why the store could not do something. Each message is complete: it
/// includes the OS error (`cause`), which is therefore not also exposed as
/// `source()` — otherwise anyhow's `{:#}` would print it twice, and the
/// reader's status line (which shows the message alone) would lose it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "no data directory to keep progress in (no home directory?); pass --data-dir DIR or set TERAKOYA_DATA_DIR"
    )]
    NoDataDir,
    #[error("cannot save progress: cannot create {}: {cause}", path.display())]
    CreateDir {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("cannot save progress: cannot lock {}: {cause}", path.display())]
    Lock {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("cannot save progress: cannot read {}: {cause}", path.display())]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("cannot save progress: {} is unreadable ({reason}) and could not be moved aside: {cause}", path.display())]
    SetAside {
        path: PathBuf,
        reason: FormatError,
        cause: std::io::Error,
    },
    #[error(
        "not saving progress: {} was written by a newer terakoya (format version {version}); upgrade terakoya",
        path.display()
    )]
    Newer { path: PathBuf, version: i64 },
    #[error("cannot save progress in {}: {cause}", path.display())]
    Write {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("cannot write the progress as TOML: {0}")]
    Encode(toml::ser::Error),
    #[error("cannot export the progress: cannot read {}: {reason}", path.display())]
    ExportRead { path: PathBuf, reason: String },
    #[error("cannot export to {}: {cause}", path.display())]
    Export {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("cannot import {}: {reason}", path.display())]
    Import { path: PathBuf, reason: String },
}

// Not `#[from]`, which would also make the error the `source()` that the
// message already includes.
impl From<toml::ser::Error> for StoreError {
    fn from(error: toml::ser::Error) -> Self {
        StoreError::Encode(error)
    }
}

/// An open store, and what it found on opening.
#[derive(Debug)]
pub struct Opened {
    pub store: Store,
    pub progress: Progress,
    /// Said once in the reader's status line (a bad file set aside, a data
    /// directory that cannot be written, ...).
    pub warning: Option<String>,
}

/// What `progress reset` clears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reset {
    Lesson(LessonKey),
    All,
}

#[derive(Debug)]
pub struct Store {
    /// `None` when no data directory could be found (no home directory).
    dir: Option<PathBuf>,
    /// The progress last read or written: the base for the next change if
    /// the file has become unreadable in between.
    last_good: Progress,
    /// Raised by a save that had to set a bad file aside.
    warning: Option<String>,
}

impl Store {
    /// Opens the store in `data_dir` (`--data-dir` or `TERAKOYA_DATA_DIR`),
    /// else in the platform data directory. Never fails: problems become a
    /// warning and a store that still reads.
    pub fn open(data_dir: Option<&Path>) -> Opened {
        let dir = resolve_dir(data_dir);
        let (progress, warnings) = match &dir {
            Some(dir) => load_on_open(dir),
            None => (Progress::default(), vec![StoreError::NoDataDir.to_string()]),
        };
        let store = Store {
            dir,
            last_good: progress.clone(),
            warning: None,
        };
        Opened {
            store,
            progress,
            warning: (!warnings.is_empty()).then(|| warnings.join("; ")),
        }
    }

    /// The saved progress for a command that only reads it (`progress`,
    /// `show`): nothing is created, locked or moved. An unreadable file is
    /// reported and left where it is, for the reader to set aside when it
    /// next saves.
    pub fn peek(data_dir: Option<&Path>) -> Opened {
        let dir = resolve_dir(data_dir);
        let (progress, warning) = match &dir {
            Some(dir) => read_on_open(&dir.join(FILE_NAME), false),
            None => (Progress::default(), Some(StoreError::NoDataDir.to_string())),
        };
        Opened {
            store: Store {
                dir,
                last_good: progress.clone(),
                warning: None,
            },
            progress,
            warning,
        }
    }

    /// The store in `data_dir` (found as by [`Store::open`]) without reading
    /// or changing anything yet: for an export, which must not set an
    /// unreadable file aside.
    pub fn at(data_dir: Option<&Path>) -> Store {
        Store {
            dir: resolve_dir(data_dir),
            last_good: Progress::default(),
            warning: None,
        }
    }

    /// The data directory, if there is one.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The progress file, if there is a data directory.
    pub fn file(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|dir| dir.join(FILE_NAME))
    }

    /// A warning raised since the last call (a progress file that had
    /// become unreadable was set aside while saving), for the status line.
    pub fn take_warning(&mut self) -> Option<String> {
        self.warning.take()
    }

    /// Applies `changes` to the latest saved progress (re-read under a lock,
    /// so another reader's changes survive), saves it atomically, and
    /// returns the merged result.
    pub fn apply(&mut self, changes: &[Change]) -> Result<Progress, StoreError> {
        self.modify(|doc| {
            for change in changes {
                doc.progress.apply(change);
            }
        })
    }

    /// Merges a progress file's text (as written by [`Store::export`]) into
    /// the saved progress; see `Progress::merge`. `source` names it in errors.
    pub fn import(&mut self, text: &str, source: &Path) -> Result<Progress, StoreError> {
        let import_error = |reason: String| StoreError::Import {
            path: source.to_path_buf(),
            reason,
        };
        let theirs = decode(text.as_bytes()).map_err(|e| import_error(e.to_string()))?;
        if theirs.is_newer() {
            return Err(import_error(format!(
                "it was written by a newer terakoya (format version {}); upgrade terakoya",
                theirs.version
            )));
        }
        self.modify(|doc| doc.merge(&theirs))
    }

    /// The saved progress as file text, to carry to another machine, under
    /// an export's header comment. A file from a newer terakoya is returned
    /// as it is, so nothing is lost; an unreadable one is an error (use
    /// [`Store::at`], not [`Store::open`], which would first set it aside
    /// and leave nothing to export).
    pub fn export(&self) -> Result<String, StoreError> {
        self.exported().map(|(text, _)| text)
    }

    /// Writes [`Store::export`]'s text to `path`, atomically and private;
    /// returns how many lessons it holds progress for.
    pub fn export_to(&self, path: &Path) -> Result<usize, StoreError> {
        let (text, lessons) = self.exported()?;
        disk::write_atomically(path, text.as_bytes()).map_err(|source| StoreError::Export {
            path: path.to_path_buf(),
            cause: source,
        })?;
        Ok(lessons)
    }

    /// The export's text and how many lessons it has progress for.
    fn exported(&self) -> Result<(String, usize), StoreError> {
        let dir = self.dir.as_deref().ok_or(StoreError::NoDataDir)?;
        let path = dir.join(FILE_NAME);
        let read_error = |reason: String| StoreError::ExportRead {
            path: path.clone(),
            reason,
        };
        let bytes = disk::read_if_exists(&path).map_err(|e| read_error(e.to_string()))?;
        let Some(bytes) = bytes else {
            return Ok((file::to_export_text(&Document::new(), time::now())?, 0));
        };
        let doc = decode(&bytes).map_err(|e| read_error(e.to_string()))?;
        let lessons = doc.progress.lessons.len();
        if doc.is_newer() {
            return Ok((String::from_utf8_lossy(&bytes).into_owned(), lessons));
        }
        Ok((file::to_export_text(&doc, time::now())?, lessons))
    }

    /// Clears one lesson's progress, or everything.
    pub fn reset(&mut self, scope: &Reset) -> Result<Progress, StoreError> {
        self.modify(|doc| match scope {
            Reset::Lesson(key) => doc.remove_lesson(key),
            Reset::All => *doc = Document::new(),
        })
    }

    /// Lock, re-read, change, write atomically (only if something changed),
    /// unlock.
    fn modify(&mut self, change: impl FnOnce(&mut Document)) -> Result<Progress, StoreError> {
        let dir = self.dir.clone().ok_or(StoreError::NoDataDir)?;
        disk::create_private_dir(&dir).map_err(|source| StoreError::CreateDir {
            path: dir.clone(),
            cause: source,
        })?;
        let _lock = Lock::acquire(&dir).map_err(|source| StoreError::Lock {
            path: dir.join(LOCK_NAME),
            cause: source,
        })?;
        let path = dir.join(FILE_NAME);
        let (mut doc, set_aside) = self.load_for_update(&path)?;
        let before = doc.clone();
        change(&mut doc);
        // A bad file set aside leaves no progress file: write the progress
        // on screen even when this change alone changed nothing.
        if set_aside || doc != before {
            let text = file::to_text(&doc)?;
            disk::write_atomically(&disk::write_target(&path), text.as_bytes()).map_err(
                |source| StoreError::Write {
                    path,
                    cause: source,
                },
            )?;
        }
        self.last_good = doc.progress.clone();
        Ok(doc.progress)
    }

    /// The document to change, read under the lock, and whether an
    /// unreadable file had to be set aside for it.
    fn load_for_update(&mut self, path: &Path) -> Result<(Document, bool), StoreError> {
        let bytes = disk::read_if_exists(path).map_err(|source| StoreError::Read {
            path: path.to_path_buf(),
            cause: source,
        })?;
        let Some(bytes) = bytes else {
            return Ok((Document::new(), false));
        };
        match decode(&bytes) {
            Ok(doc) if doc.is_newer() => Err(StoreError::Newer {
                path: path.to_path_buf(),
                version: doc.version,
            }),
            Ok(doc) => Ok((doc, false)),
            Err(reason) => {
                let moved = disk::set_aside(path, &time::file_stamp(time::now()));
                let moved = moved.map_err(|source| StoreError::SetAside {
                    path: path.to_path_buf(),
                    reason: reason.clone(),
                    cause: source,
                })?;
                self.warning = Some(bad_file_warning(
                    path,
                    &reason,
                    &moved,
                    "saving the progress on screen",
                ));
                // What still reads on disk stands, as on any save (another
                // reader's changes included); the progress on screen fills
                // in what does not.
                let mut doc = salvaged(&bytes).map_or_else(Document::new, |s| s.doc);
                for (key, lesson) in &self.last_good.lessons {
                    let entry = doc.progress.lessons.entry(key.clone());
                    entry.or_insert_with(|| lesson.clone());
                }
                if doc.progress.last_opened.is_none() {
                    doc.progress.last_opened = self.last_good.last_opened.clone();
                }
                Ok((doc, true))
            }
        }
    }
}

/// Reads the progress on opening; returns it with the warnings to show.
fn load_on_open(dir: &Path) -> (Progress, Vec<String>) {
    let lock = disk::create_private_dir(dir)
        .and_then(|()| disk::probe_writable(dir))
        .and_then(|()| Lock::acquire(dir));
    let mut warnings: Vec<String> = lock
        .as_ref()
        .err()
        .map(|e| {
            format!(
                "progress will not be saved: cannot write in {}: {e}",
                dir.display()
            )
        })
        .into_iter()
        .collect();
    let (progress, warning) = read_on_open(&dir.join(FILE_NAME), lock.is_ok());
    warnings.extend(warning);
    (progress, warnings)
}

/// The saved progress and what to say about it. An unreadable file is set
/// aside if `locked` (only under the lock, so two readers opening at once do
/// not both move it).
fn read_on_open(path: &Path, locked: bool) -> (Progress, Option<String>) {
    let bytes = match disk::read_if_exists(path) {
        Ok(None) => return (Progress::default(), None),
        Ok(Some(bytes)) => bytes,
        Err(e) => {
            let warning = format!("cannot read {}: {e}", path.display());
            return (Progress::default(), Some(warning));
        }
    };
    let warning = match decode(&bytes) {
        Ok(doc) if doc.is_newer() => {
            let version = doc.version;
            let path = path.to_path_buf();
            return (
                doc.progress,
                Some(StoreError::Newer { path, version }.to_string()),
            );
        }
        Ok(doc) => return (doc.progress, None),
        Err(reason) if locked => {
            let stamp = time::file_stamp(time::now());
            if let Some(salvaged) = salvaged(&bytes) {
                return keep_salvaged(path, salvaged, &reason, &stamp);
            }
            match disk::set_aside(path, &stamp) {
                Ok(moved) => bad_file_warning(path, &reason, &moved, "starting afresh"),
                Err(e) => format!(
                    "progress will not be saved: {} is unreadable and could not be moved aside ({reason}; {e}; in {})",
                    file_name(path),
                    dir_of(path)
                ),
            }
        }
        Err(reason) => match salvaged(&bytes) {
            Some(salvaged) => {
                let warning = entries_left_out(path, "the file is not changed", &reason);
                return (salvaged.doc.progress, Some(warning));
            }
            None => format!(
                "{} is unreadable, so no progress is shown ({reason}; in {}); it is left as it is until the reader next saves, which moves it aside",
                file_name(path),
                dir_of(path)
            ),
        },
    };
    (Progress::default(), Some(warning))
}

/// What can be read of a progress file with unreadable entries.
fn salvaged(bytes: &[u8]) -> Option<file::Salvaged> {
    file::salvage(std::str::from_utf8(bytes).ok()?)
}

/// Under the lock, for a file with unreadable entries: keeps a copy of it
/// (`progress.<stamp>.bad`), then replaces it with its readable part, so
/// that nothing readable is lost and the original stays whole somewhere.
/// If the copy cannot be made, the file is not replaced; if the write
/// fails, the original stays in place (and the next save sets it aside and
/// writes the progress on screen, which includes the readable part).
fn keep_salvaged(
    path: &Path,
    salvaged: file::Salvaged,
    reason: &FormatError,
    stamp: &str,
) -> (Progress, Option<String>) {
    let lessons = salvaged.doc.progress.lessons.len();
    let left_out = salvaged.problems.len();
    let copy = match disk::copy_aside(path, stamp) {
        Ok(copy) => copy,
        Err(e) => {
            let outcome = format!("it could not be copied aside ({e}), so it is not changed");
            let warning = entries_left_out(path, &outcome, reason);
            return (salvaged.doc.progress, Some(warning));
        }
    };
    let kept = file::to_text(&salvaged.doc)
        .map_err(|e| e.to_string())
        .and_then(|text| {
            disk::write_atomically(&disk::write_target(path), text.as_bytes())
                .map_err(|e| e.to_string())
        });
    let entries = if left_out == 1 { "entry" } else { "entries" };
    let outcome = match kept {
        Ok(()) => {
            format!("kept the {lessons} lesson(s) it could read, left out {left_out} {entries}")
        }
        Err(e) => format!(
            "showing the {lessons} lesson(s) it could read; the file is not changed yet ({e})"
        ),
    };
    (
        salvaged.doc.progress,
        Some(bad_file_warning(path, reason, &copy, &outcome)),
    )
}

/// The data directory to use: the given one (an empty setting counts as
/// none, as usual for environment variables), else the platform's.
pub fn resolve_dir(data_dir: Option<&Path>) -> Option<PathBuf> {
    data_dir
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .or_else(default_dir)
}

/// The platform data directory (`$XDG_DATA_HOME/terakoya` on Linux).
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "terakoya").map(|dirs| dirs.data_dir().to_path_buf())
}

/// Parses file bytes; an empty (or blank) file is empty progress.
fn decode(bytes: &[u8]) -> Result<Document, FormatError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| FormatError::Syntax(format!("not UTF-8 text ({e})")))?;
    if text.trim().is_empty() {
        return Ok(Document::new());
    }
    file::parse(text)
}

/// For a file whose readable part is shown but which stays as it is.
fn entries_left_out(path: &Path, outcome: &str, reason: &FormatError) -> String {
    format!(
        "{} has unreadable entries, left out here; {outcome} ({reason}; in {})",
        file_name(path),
        dir_of(path)
    )
}

/// The essential part first and short (it must fit a status line of 80
/// columns): which file, where it went, what happens now; then the details.
fn bad_file_warning(path: &Path, reason: &FormatError, moved: &Path, outcome: &str) -> String {
    format!(
        "unreadable {} moved to {}; {outcome} ({reason}; in {})",
        file_name(path),
        file_name(moved),
        dir_of(path)
    )
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn dir_of(path: &Path) -> String {
    path.parent()
        .map_or_else(String::new, |dir| dir.display().to_string())
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
