//! The progress store: finds the data directory, loads the progress file,
//! and applies changes under a lock with an atomic write
//! (FIRST VERSION: in memory only; the real store is the "Progress" issue).

use std::path::{Path, PathBuf};

use super::{Change, Progress};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot save progress in {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
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

#[derive(Debug)]
pub struct Store {
    dir: Option<PathBuf>,
    memory: Progress,
}

impl Store {
    /// Opens the store in `data_dir`, or in the platform data directory.
    /// Never fails: problems become a warning and a store that still reads.
    pub fn open(data_dir: Option<&Path>) -> Opened {
        let store = Store {
            dir: data_dir.map(Path::to_path_buf),
            memory: Progress::default(),
        };
        Opened {
            progress: store.memory.clone(),
            store,
            warning: None,
        }
    }

    /// Applies `changes` to the latest saved progress (re-read under a lock,
    /// so another reader's changes survive), saves it atomically, and
    /// returns the merged result.
    pub fn apply(&mut self, changes: &[Change]) -> Result<Progress, StoreError> {
        let _ = &self.dir;
        for change in changes {
            self.memory.apply(change);
        }
        Ok(self.memory.clone())
    }
}
