//! The progress store: finds the data directory, loads the progress file,
//! and applies changes under a lock with an atomic write.
//!
//! Every change goes through [`Store::modify`]: lock the data directory,
//! re-read the file, apply the change to what is on disk (so another
//! reader's changes survive), write atomically, unlock. The store never
//! overwrites a file it could not read: a file that does not parse is moved
//! aside first; one from a newer terakoya, or one it cannot open, is left
//! alone and saving fails with a [`StoreError`] the reader can show.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::disk::{self, FILE_NAME, LOCK_NAME, Lock};
use super::file::{self, Document};
pub use super::file::{Expected, FormatError, Shape};
pub use super::problem::{
    AfterSetAside, FileError, FileKind, Hint, Salvage, StoreError, StoreWarning,
};
use super::sync::{SyncDir, SyncProblem};
use super::write::Written;
use super::{Change, LessonKey, Progress, time};

/// An open store, and what it found on opening.
#[derive(Debug)]
pub struct Opened {
    pub store: Store,
    pub progress: Progress,
    /// Said once in the reader's status line (a bad file set aside, a data
    /// directory that cannot be written, ...), in the order found.
    pub warnings: Vec<StoreWarning>,
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
    /// The document last read or written: its progress is the base for
    /// the next change if the file has become unreadable in between.
    current: Document,
    /// The file's stamp and text when this store last wrote it (as
    /// `current`): if the file still has that stamp, the next change need not
    /// re-read and re-parse it (the file of a large library takes a visible
    /// pause), and finds whether it changed anything by comparing texts
    /// instead of keeping a copy of the document.
    /// With where each lesson is in the text, so that a change to one
    /// lesson copies the others' text instead of writing it again.
    written: Option<(disk::Stamp, Written)>,
    /// Raised by a save that had to set a bad file aside.
    warning: Option<StoreWarning>,
    /// The sync directory, if any (see `sync`).
    pub(super) sync: Option<SyncDir>,
    /// Sync problems not yet handed out, and the files already warned
    /// about (a half-synced file is said once, not at every save).
    pub(super) sync_problems: Vec<SyncProblem>,
    pub(super) warned: std::collections::BTreeSet<PathBuf>,
}

impl Store {
    /// Opens the store in `data_dir` (`--data-dir` or `TERAKOYA_DATA_DIR`),
    /// else in the platform data directory. Never fails: problems become a
    /// warning and a store that still reads.
    pub fn open(data_dir: Option<&Path>) -> Opened {
        Self::open_synced(data_dir, None)
    }

    pub(super) fn new(dir: Option<PathBuf>, last_good: Progress, sync: Option<SyncDir>) -> Store {
        Store {
            dir,
            current: Document {
                progress: last_good,
                ..Document::new()
            },
            written: None,
            warning: None,
            sync,
            sync_problems: Vec::new(),
            warned: std::collections::BTreeSet::new(),
        }
    }

    /// The saved progress for a command that only reads it (`progress`,
    /// `show`): nothing is created, locked or moved. An unreadable file is
    /// reported and left where it is, for the reader to set aside when it
    /// next saves.
    pub fn peek(data_dir: Option<&Path>) -> Opened {
        Self::peek_synced(data_dir, None)
    }

    /// The store in `data_dir` (found as by [`Store::open`]) without reading
    /// or changing anything yet: for an export, which must not set an
    /// unreadable file aside.
    pub fn at(data_dir: Option<&Path>) -> Store {
        Store::new(resolve_dir(data_dir), Progress::default(), None)
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
    pub fn take_warning(&mut self) -> Option<StoreWarning> {
        self.warning.take().or_else(|| {
            (!self.sync_problems.is_empty())
                .then(|| StoreWarning::Sync(self.sync_problems.remove(0)))
        })
    }

    /// Applies `changes` to the latest saved progress (re-read under a lock,
    /// so another reader's changes survive), saves it atomically, and
    /// returns the merged result.
    pub fn apply(&mut self, changes: &[Change]) -> Result<Progress, StoreError> {
        let touched: BTreeSet<&LessonKey> = changes.iter().map(Change::key).collect();
        self.modify_lessons(Some(&touched), |doc| {
            for change in changes {
                doc.progress.apply(change);
            }
        })
    }

    /// Merges a progress file's bytes (as written by [`Store::export`]) into
    /// the saved progress; see `Progress::merge`. `source` names it in errors.
    pub fn import(&mut self, bytes: &[u8], source: &Path) -> Result<Progress, StoreError> {
        let theirs = decode(bytes).map_err(|reason| StoreError::ImportUnreadable {
            path: source.to_path_buf(),
            reason,
        })?;
        if theirs.is_newer() {
            return Err(StoreError::ImportNewer {
                path: source.to_path_buf(),
                version: theirs.version,
            });
        }
        self.modify(|doc| doc.merge(&theirs))
    }

    /// The bytes of a file to import: all of `reader` up to
    /// [`MAX_FILE_BYTES`](super::disk::MAX_FILE_BYTES). `source` names it
    /// in errors.
    pub fn read_import(reader: impl std::io::Read, source: &Path) -> Result<Vec<u8>, StoreError> {
        disk::read_limited(reader).map_err(|cause| StoreError::ImportRead {
            path: source.to_path_buf(),
            cause,
        })
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
    /// returns how many lessons it holds progress for. A symlink at `path`
    /// stays: the regular file it points to is replaced. Anything else that
    /// is not a regular file (a directory, a device) is refused before the
    /// progress is read, and a failure leaves no temporary file.
    pub fn export_to(&self, path: &Path) -> Result<usize, StoreError> {
        let export_error = |cause| StoreError::Export {
            path: path.to_path_buf(),
            cause,
        };
        let target = disk::write_target(path).map_err(export_error)?;
        let (text, lessons) = self.exported()?;
        disk::write_atomically(&target, text.as_bytes()).map_err(export_error)?;
        Ok(lessons)
    }

    /// The export's text and how many lessons it has progress for.
    fn exported(&self) -> Result<(String, usize), StoreError> {
        let dir = self.dir.as_deref().ok_or(StoreError::NoDataDir)?;
        let path = dir.join(FILE_NAME);
        let bytes = disk::read_if_exists(&path).map_err(|cause| StoreError::ExportRead {
            path: path.clone(),
            cause,
        })?;
        let Some(bytes) = bytes else {
            return Ok((file::to_export_text(&Document::new(), time::now())?, 0));
        };
        let doc = decode(&bytes).map_err(|reason| StoreError::ExportUnreadable {
            path: path.clone(),
            reason,
        })?;
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
    pub(super) fn modify(
        &mut self,
        change: impl FnOnce(&mut Document),
    ) -> Result<Progress, StoreError> {
        self.modify_lessons(None, change)
    }

    /// [`Store::modify`] for a change to the lessons in `touched` (and to
    /// the top fields) only, if known: the other lessons' text is copied
    /// from the file last written, not written again.
    fn modify_lessons(
        &mut self,
        touched: Option<&BTreeSet<&LessonKey>>,
        change: impl FnOnce(&mut Document),
    ) -> Result<Progress, StoreError> {
        let dir = self.dir.clone().ok_or(StoreError::NoDataDir)?;
        disk::create_private_dir(&dir).map_err(|cause| StoreError::CreateDir {
            path: dir.clone(),
            cause,
        })?;
        let _lock = Lock::acquire(&dir).map_err(|cause| StoreError::Lock {
            path: dir.join(LOCK_NAME),
            cause,
        })?;
        let path = dir.join(FILE_NAME);
        let unchanged = self
            .written
            .take()
            .filter(|(stamp, _)| disk::stamp(&path).as_ref() == Some(stamp));
        let cached = unchanged.is_some();
        let (mut doc, before, set_aside) = match unchanged {
            Some((_, written)) => (std::mem::take(&mut self.current), written, false),
            None => {
                let (doc, set_aside) = self.load_for_update(&path)?;
                let written = file::to_written(&doc, None)?;
                (doc, written, set_aside)
            }
        };
        // Before each save, what the other machines did is merged in.
        let gathered = self.sync.as_ref().map(SyncDir::gather);
        if let Some(gathered) = &gathered {
            doc.merge(&gathered.doc);
        }
        // Reused only for lessons that were there before the change (and so
        // in the same order in the text) and, with sync, only if nothing
        // came in from the other machines.
        let reusable = touched.filter(|touched| {
            gathered.is_none()
                && touched
                    .iter()
                    .all(|key| doc.progress.lessons.contains_key(*key))
        });
        change(&mut doc);
        let changed = |key: &LessonKey| reusable.is_some_and(|touched| touched.contains(key));
        let reuse = reusable.map(|_| (&before, &changed as &dyn Fn(&LessonKey) -> bool));
        let written = file::to_written(&doc, reuse)?;
        let text = &written.text;
        // Equal texts are equal documents (the file reads back as written);
        // a bad file set aside leaves no progress file: write the progress
        // on screen even when this change alone changed nothing.
        if set_aside || *text != before.text {
            let written = disk::write_target(&path)
                .and_then(|target| disk::write_atomically(&target, text.as_bytes()));
            if let Err(cause) = written {
                // The base stays what was last read or written (taken
                // above if the file was unchanged: read back from its text).
                if cached && let Ok(last) = file::parse(&before.text) {
                    self.current.progress = last.progress;
                }
                return Err(StoreError::Write { path, cause });
            }
        }
        if let (Some(sync), Some(gathered)) = (&self.sync, gathered) {
            let mut problems = gathered.problems;
            problems.extend(sync.publish(&doc).err());
            // Only once saved here are the conflict copies out of the way.
            problems.extend(sync.retire(&gathered.conflict_copies));
            self.note(problems);
        }
        let progress = doc.progress.clone();
        self.current = doc;
        self.written = disk::stamp(&path).map(|stamp| (stamp, written));
        Ok(progress)
    }

    /// The document to change, read under the lock, and whether an
    /// unreadable file had to be set aside for it.
    fn load_for_update(&mut self, path: &Path) -> Result<(Document, bool), StoreError> {
        let bytes = disk::read_if_exists(path).map_err(|cause| StoreError::Read {
            path: path.to_path_buf(),
            cause,
        })?;
        let Some(bytes) = bytes else {
            return Ok((Document::new(), false));
        };
        match decode(&bytes) {
            Ok(doc) if doc.is_newer() => Err(StoreError::Newer {
                path: path.to_path_buf(),
                version: doc.version,
            }),
            Ok(mut doc) if doc.version < file::VERSION => {
                // The first rewrite in a new format keeps the old file
                // whole beside it (`progress.v1.bak`), in case the user
                // goes back to an older terakoya.
                disk::back_up(path, &format!("v{}", doc.version)).map_err(|cause| {
                    StoreError::Write {
                        path: path.with_file_name(format!("progress.v{}.bak", doc.version)),
                        cause,
                    }
                })?;
                doc.version = file::VERSION;
                Ok((doc, false))
            }
            Ok(doc) => Ok((doc, false)),
            Err(reason) => {
                let moved = disk::set_aside(path, &time::file_stamp(time::now()));
                let moved = moved.map_err(|cause| StoreError::SetAside {
                    path: path.to_path_buf(),
                    reason: reason.clone(),
                    cause,
                })?;
                self.warning = Some(StoreWarning::SetAside {
                    path: path.to_path_buf(),
                    reason,
                    moved,
                    then: AfterSetAside::SavedOnScreen,
                });
                // What still reads on disk stands, as on any save (another
                // reader's changes included); the progress on screen fills
                // in what does not.
                let mut doc = salvaged(&bytes).map_or_else(Document::new, |s| s.doc);
                let last_good = &self.current.progress;
                for (key, lesson) in &last_good.lessons {
                    let entry = doc.progress.lessons.entry(key.clone());
                    entry.or_insert_with(|| lesson.clone());
                }
                if doc.progress.last_opened.is_none() {
                    doc.progress.last_opened = last_good.last_opened.clone();
                }
                Ok((doc, true))
            }
        }
    }
}

/// Reads the progress on opening; returns it with the warnings to show.
pub(super) fn load_on_open(dir: &Path) -> (Progress, Vec<StoreWarning>) {
    let lock = disk::create_private_dir(dir)
        .and_then(|()| disk::probe_writable(dir))
        .and_then(|()| Lock::acquire(dir));
    let (locked, mut warnings) = match lock {
        Ok(lock) => (Some(lock), Vec::new()),
        Err(cause) => {
            let dir = dir.to_path_buf();
            (None, vec![StoreWarning::CannotWrite { dir, cause }])
        }
    };
    let (progress, warning) = read_on_open(&dir.join(FILE_NAME), locked.is_some());
    warnings.extend(warning);
    (progress, warnings)
}

/// The saved progress and what to say about it. An unreadable file is set
/// aside if `locked` (only under the lock, so two readers opening at once do
/// not both move it).
pub(super) fn read_on_open(path: &Path, locked: bool) -> (Progress, Option<StoreWarning>) {
    let bytes = match disk::read_if_exists(path) {
        Ok(None) => return (Progress::default(), None),
        Ok(Some(bytes)) => bytes,
        Err(cause) => {
            let path = path.to_path_buf();
            let warning = StoreWarning::CannotRead { path, cause };
            return (Progress::default(), Some(warning));
        }
    };
    let path_buf = path.to_path_buf();
    let warning = match decode(&bytes) {
        Ok(doc) if doc.is_newer() => {
            let version = doc.version;
            let warning = StoreWarning::Newer {
                path: path_buf,
                version,
            };
            return (doc.progress, Some(warning));
        }
        Ok(doc) => return (doc.progress, None),
        Err(reason) if locked => {
            let stamp = time::file_stamp(time::now());
            if let Some(salvaged) = salvaged(&bytes) {
                return keep_salvaged(path, salvaged, reason, &stamp);
            }
            match disk::set_aside(path, &stamp) {
                Ok(moved) => StoreWarning::SetAside {
                    path: path_buf,
                    reason,
                    moved,
                    then: AfterSetAside::StartedAfresh,
                },
                Err(cause) => StoreWarning::SetAsideFailed {
                    path: path_buf,
                    reason,
                    cause,
                },
            }
        }
        Err(reason) => match salvaged(&bytes) {
            Some(salvaged) => {
                let warning = StoreWarning::EntriesLeftOut {
                    path: path_buf,
                    reason,
                    salvage: Salvage::ReadOnly,
                };
                return (salvaged.doc.progress, Some(warning));
            }
            None => StoreWarning::UnreadableLeft {
                path: path_buf,
                reason,
            },
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
    reason: FormatError,
    stamp: &str,
) -> (Progress, Option<StoreWarning>) {
    let lessons = salvaged.doc.progress.lessons.len();
    let left_out = salvaged.problems.len();
    let salvage = match disk::copy_aside(path, stamp) {
        Err(cause) => Salvage::NotCopied { cause },
        Ok(copy) => {
            let kept = file::to_text(&salvaged.doc)
                .map_err(|e| FileError::Io(std::io::Error::other(e)))
                .and_then(|text| {
                    disk::write_target(path)
                        .and_then(|target| disk::write_atomically(&target, text.as_bytes()))
                });
            match kept {
                Ok(()) => Salvage::Kept {
                    copy,
                    lessons,
                    left_out,
                },
                Err(cause) => Salvage::NotWritten {
                    copy,
                    lessons,
                    cause,
                },
            }
        }
    };
    let warning = StoreWarning::EntriesLeftOut {
        path: path.to_path_buf(),
        reason,
        salvage,
    };
    (salvaged.doc.progress, Some(warning))
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
pub(super) fn decode(bytes: &[u8]) -> Result<Document, FormatError> {
    let text = std::str::from_utf8(bytes).map_err(|e| FormatError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Ok(Document::new());
    }
    file::parse(text)
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
