//! The reader's saving: the store, and the changes it could not save yet.

use terakoya_core::progress::Change;
use terakoya_core::progress::store::Store;

use super::app::Message;
use super::msg::Msg;
use super::strings;

/// The store, and the changes it could not save yet. They go again with
/// the next save: the store answers a save with the progress on disk, which
/// would otherwise take back what the screen showed (a tick made while the
/// disk was full would vanish at the next tick, unsaved).
pub(super) struct Saver {
    pub(super) store: Store,
    pub(super) unsaved: Vec<Change>,
    /// Why the last save failed, while `unsaved` is not empty.
    pub(super) failure: Option<String>,
    /// The warnings shown in the status line about the lessons and the
    /// progress file, to repeat on exit.
    pub(super) warnings: Vec<Message>,
}

impl Saver {
    pub(super) fn new(store: Store) -> Saver {
        Saver {
            store,
            unsaved: Vec::new(),
            failure: None,
            warnings: Vec::new(),
        }
    }

    /// Saves `changes` after any still unsaved; the reply for update.
    pub(super) fn save(&mut self, changes: Vec<Change>) -> Msg {
        self.unsaved.extend(changes);
        match self.store.apply(&self.unsaved) {
            Ok(progress) => {
                self.unsaved.clear();
                self.failure = None;
                let warning = self
                    .store
                    .take_warning()
                    .map(|w| strings::store_warning(&w));
                self.warnings.extend(warning.clone());
                Msg::Saved { progress, warning }
            }
            Err(err) => {
                self.failure = Some(err.to_string());
                Msg::SaveFailed(strings::save_failed(&err))
            }
        }
    }

    /// Merges the other machines' progress (and saves it, with any changes
    /// still unsaved); the reply for update.
    pub(super) fn sync(&mut self) -> Msg {
        match self.save(Vec::new()) {
            Msg::Saved { progress, warning } => Msg::Synced { progress, warning },
            failed => failed,
        }
    }

    /// Why changes are still unsaved, if they are.
    pub(super) fn unsaved_reason(&self) -> Option<&str> {
        self.failure.as_deref().filter(|_| !self.unsaved.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use terakoya_core::progress::LessonKey;

    #[test]
    fn changes_of_a_failed_save_go_with_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let mut saver = Saver::new(Store::open(Some(dir.path())).store);
        let file = saver.store.file().unwrap();
        // A newer terakoya's file is never overwritten: saving fails.
        std::fs::write(&file, "version = 3\n").unwrap();
        let key = LessonKey::new("course", "lesson");
        let tick = |point: &str| Change::Tick {
            key: key.clone(),
            point: point.into(),
            ticked: true,
            at: 1,
        };
        assert!(matches!(saver.save(vec![tick("a")]), Msg::SaveFailed(_)));
        std::fs::remove_file(&file).unwrap();
        let Msg::Saved { progress, .. } = saver.save(vec![tick("b")]) else {
            panic!("the second save failed");
        };
        assert!(progress.is_ticked(&key, "a") && progress.is_ticked(&key, "b"));
        let reopened = Store::open(Some(dir.path())).progress;
        assert!(reopened.is_ticked(&key, "a") && reopened.is_ticked(&key, "b"));
        assert!(saver.unsaved.is_empty());
    }
}
