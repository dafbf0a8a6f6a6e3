//! Sync between machines through a shared directory (Syncthing, Dropbox, a
//! network drive): each machine writes only `DIR/<machine>.toml` (its whole
//! progress, atomically, after every change) and merges every other file
//! there into its own progress (on start and before each save). Merging is
//! order-independent (`merge.rs`), so the machines converge whatever order
//! they see each other's files in.
//!
//! Conflict copies a sync tool makes of a machine's file
//! (`laptop.sync-conflict-20261125-092404-ABCDEF.toml`,
//! `laptop (conflicted copy 2026-11-25).toml`) are merged too, then moved
//! into `DIR/.merged/` so they are merged once. A file that does not read
//! (corrupt, or half-synced) is skipped with a [`SyncProblem`], never fatal,
//! never overwritten, never moved.

use std::fs;
use std::path::{Path, PathBuf};

use super::disk;
use super::file::{self, Document, FormatError};
use super::problem::FileError;
use super::store::{Opened, Store, StoreWarning, load_on_open, read_on_open, resolve_dir};
use super::{FILE_NAME, Progress};

/// Where conflict copies go once merged.
pub const MERGED_DIR: &str = ".merged";

/// A sync directory and this machine's name in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncDir {
    pub dir: PathBuf,
    /// Already a safe file name (see [`safe_machine_name`]).
    pub machine: String,
}

/// What went wrong with one file of the sync directory (never fatal).
#[derive(Debug)]
pub enum SyncProblem {
    /// Another machine's file does not read (corrupt, or still syncing):
    /// skipped this time, left as it is.
    Unreadable {
        path: PathBuf,
        reason: FormatError,
    },
    /// Written by a newer terakoya: skipped, left as it is.
    Newer {
        path: PathBuf,
        version: i64,
    },
    CannotRead {
        path: PathBuf,
        cause: FileError,
    },
    /// This machine's file could not be written.
    CannotWrite {
        path: PathBuf,
        cause: FileError,
    },
    /// A merged conflict copy could not be moved into `.merged/`.
    CannotMove {
        path: PathBuf,
        cause: FileError,
    },
}

impl SyncProblem {
    pub fn path(&self) -> &Path {
        match self {
            SyncProblem::Unreadable { path, .. }
            | SyncProblem::Newer { path, .. }
            | SyncProblem::CannotRead { path, .. }
            | SyncProblem::CannotWrite { path, .. }
            | SyncProblem::CannotMove { path, .. } => path,
        }
    }
}

/// The other machines' progress, merged, and the conflict copies in it.
#[derive(Debug, Default)]
pub struct Gathered {
    pub doc: Document,
    pub conflict_copies: Vec<PathBuf>,
    pub problems: Vec<SyncProblem>,
}

/// A machine name as a file name: letters, digits, `-`, `_` and `.` kept
/// (any script: 研究室 stays), everything else `-`, no leading dot, at
/// most 64 characters; `machine` if nothing is left.
pub fn safe_machine_name(name: &str) -> String {
    let mut safe: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .take(64)
        .collect();
    while safe.starts_with('.') {
        safe.remove(0);
    }
    if safe.is_empty() || safe.chars().all(|c| c == '-') {
        return "machine".to_owned();
    }
    safe
}

/// Whether a file name is a sync tool's conflict copy.
pub fn is_conflict_copy(name: &str) -> bool {
    name.contains(".sync-conflict-") || name.contains(" (conflicted copy ")
}

impl SyncDir {
    pub fn new(dir: PathBuf, machine: &str) -> SyncDir {
        SyncDir {
            dir,
            machine: safe_machine_name(machine),
        }
    }

    /// This machine's file: `DIR/<machine>.toml`.
    pub fn own_file(&self) -> PathBuf {
        self.dir.join(format!("{}.toml", self.machine))
    }

    /// Reads every other machine's file and every conflict copy, merged.
    pub fn gather(&self) -> Gathered {
        let mut gathered = Gathered {
            doc: Document::new(),
            ..Gathered::default()
        };
        let own = format!("{}.toml", self.machine);
        let Ok(entries) = fs::read_dir(&self.dir) else {
            // No directory yet (the first machine): nothing to merge.
            return gathered;
        };
        let mut paths: Vec<(PathBuf, bool)> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                let wanted = !name.starts_with('.') && name.ends_with(".toml") && name != own;
                wanted.then(|| (entry.path(), is_conflict_copy(&name)))
            })
            .collect();
        paths.sort();
        for (path, conflict) in paths {
            let bytes = match disk::read_if_exists(&path) {
                Ok(Some(bytes)) => bytes,
                // Gone since listed (a sync tool renamed it).
                Ok(None) => continue,
                Err(cause) => {
                    gathered
                        .problems
                        .push(SyncProblem::CannotRead { path, cause });
                    continue;
                }
            };
            match super::store::decode(&bytes) {
                Ok(doc) if doc.is_newer() => gathered.problems.push(SyncProblem::Newer {
                    path,
                    version: doc.version,
                }),
                Ok(doc) => {
                    gathered.doc.merge(&doc);
                    if conflict {
                        gathered.conflict_copies.push(path);
                    }
                }
                Err(reason) => gathered
                    .problems
                    .push(SyncProblem::Unreadable { path, reason }),
            }
        }
        gathered
    }

    /// Writes this machine's file (atomically, private), unless it already
    /// holds exactly `doc`'s text.
    pub fn publish(&self, doc: &Document) -> Result<(), SyncProblem> {
        let path = self.own_file();
        let cannot_write = |cause| SyncProblem::CannotWrite {
            path: path.clone(),
            cause,
        };
        let text = file::to_text(doc)
            .map_err(|e| cannot_write(FileError::Io(std::io::Error::other(e))))?;
        if disk::read_if_exists(&path).ok().flatten().as_deref() == Some(text.as_bytes()) {
            return Ok(());
        }
        disk::create_private_dir(&self.dir).map_err(cannot_write)?;
        disk::write_target(&path)
            .and_then(|target| disk::write_atomically(&target, text.as_bytes()))
            .map_err(cannot_write)
    }

    /// Moves merged conflict copies into `DIR/.merged/`, never replacing a
    /// file there (`name`, `name.2`, ...).
    pub fn retire(&self, copies: &[PathBuf]) -> Vec<SyncProblem> {
        let merged = self.dir.join(MERGED_DIR);
        let mut problems = Vec::new();
        for path in copies {
            let moved = disk::create_private_dir(&merged).and_then(|()| {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                for n in 1..=100 {
                    let target = match n {
                        1 => merged.join(name.as_ref()),
                        n => merged.join(format!("{name}.{n}")),
                    };
                    if target.exists() {
                        continue;
                    }
                    return fs::rename(path, &target).map_err(FileError::Io);
                }
                Err(FileError::TooManyCopies)
            });
            if let Err(cause) = moved {
                problems.push(SyncProblem::CannotMove {
                    path: path.clone(),
                    cause,
                });
            }
        }
        problems
    }
}

/// Opening a store with a sync directory (the store's other half).
impl Store {
    /// [`Store::open`], then with a sync directory: the other machines'
    /// files are merged in and saved, and this machine's file written.
    pub fn open_synced(data_dir: Option<&Path>, sync: Option<SyncDir>) -> Opened {
        let dir = resolve_dir(data_dir);
        let (mut progress, mut warnings) = match &dir {
            Some(dir) => load_on_open(dir),
            None => (Progress::default(), vec![StoreWarning::NoDataDir]),
        };
        let mut store = Store::new(dir, progress.clone(), sync);
        if store.sync.is_some() {
            match store.modify(|_| {}) {
                Ok(merged) => progress = merged,
                // Cannot save here: merge for the screen at least.
                Err(_) => store.merge_others(&mut progress),
            }
            warnings.extend(store.take_sync_warnings());
        }
        Opened {
            store,
            progress,
            warnings,
        }
    }

    /// [`Store::peek`] with the other machines' progress of a sync
    /// directory merged in (in memory: nothing is written).
    pub fn peek_synced(data_dir: Option<&Path>, sync: Option<SyncDir>) -> Opened {
        let dir = resolve_dir(data_dir);
        let (mut progress, warning) = match &dir {
            Some(dir) => read_on_open(&dir.join(FILE_NAME), false),
            None => (Progress::default(), Some(StoreWarning::NoDataDir)),
        };
        let mut store = Store::new(dir, progress.clone(), sync);
        store.merge_others(&mut progress);
        let mut warnings: Vec<StoreWarning> = warning.into_iter().collect();
        warnings.extend(store.take_sync_warnings());
        Opened {
            store,
            progress,
            warnings,
        }
    }

    /// Merges the other machines' progress into `progress` (in memory).
    fn merge_others(&mut self, progress: &mut Progress) {
        if let Some(sync) = &self.sync {
            let gathered = sync.gather();
            progress.merge(&gathered.doc.progress);
            self.note(gathered.problems);
        }
    }

    /// Keeps sync problems to hand out, once per file.
    pub(super) fn note(&mut self, problems: Vec<SyncProblem>) {
        for problem in problems {
            if self.warned.insert(problem.path().to_path_buf()) {
                self.sync_problems.push(problem);
            }
        }
    }

    pub(super) fn take_sync_warnings(&mut self) -> Vec<StoreWarning> {
        self.sync_problems
            .drain(..)
            .map(StoreWarning::Sync)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_names_become_safe_file_names() {
        assert_eq!(safe_machine_name("laptop"), "laptop");
        assert_eq!(safe_machine_name("my laptop/../x"), "my-laptop-..-x");
        assert_eq!(safe_machine_name("..hidden"), "hidden");
        assert_eq!(safe_machine_name("研究室のPC"), "研究室のPC");
        assert_eq!(safe_machine_name(""), "machine");
        assert_eq!(safe_machine_name("///"), "machine");
        assert_eq!(safe_machine_name(&"x".repeat(100)).len(), 64);
    }

    #[test]
    fn conflict_copies_are_recognised() {
        assert!(is_conflict_copy(
            "laptop.sync-conflict-20261125-092404-ABCDEF.toml"
        ));
        assert!(is_conflict_copy("laptop (conflicted copy 2026-11-25).toml"));
        assert!(!is_conflict_copy("laptop.toml"));
    }
}
