//! Watching files and directories for changes, for whoever needs it (the
//! reader's live reload, `check --watch`, and anything else that follows a
//! folder): [`spawn`] gathers file events over a short delay and hands
//! each batch's paths to a function whose result goes down a channel.
//!
//! Editors save in different ways: in place, or by writing a new file and
//! renaming it over the old one. A file is therefore never watched itself
//! (its inode goes with the rename) but through its directory.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use terakoya_core::bundle::LessonsSource;
use terakoya_core::progress::sync::MERGED_DIR;

use notify_debouncer_full::notify::event::ModifyKind;
use notify_debouncer_full::notify::{self, EventKind, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, RecommendedCache, new_debouncer, notify::RecommendedWatcher,
};

/// How long events are gathered before they are handed on: an editor's
/// save (a temporary file, a rename, a change of mode) comes as one batch,
/// and the change still shows well within a second.
pub const DELAY: Duration = Duration::from_millis(150);

/// The file of a course directory that holds its title and lesson list.
const COURSE_FILE: &str = "course.toml";

/// A running watch; it stops when dropped.
pub struct Watch {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
}

/// Watches `paths` (directories recursively; a file through its directory,
/// for its own changes only). After each batch of changes, `map` gets the
/// changed paths; what it returns (if anything) is sent on `tx`. Reads
/// (opening a file, as `map` itself may do) and changes of metadata alone
/// are not changes. `map` runs on the watch's own thread, so slow work
/// there (loading what changed) does not hold the receiver up.
pub fn spawn<T: Send + 'static>(
    paths: &[PathBuf],
    tx: Sender<T>,
    mut map: impl FnMut(Vec<PathBuf>) -> Option<T> + Send + 'static,
) -> notify::Result<Watch> {
    let targets: Vec<Target> = paths.iter().map(|path| Target::of(path)).collect();
    let filter = targets.clone();
    let mut debouncer = new_debouncer(DELAY, None, move |result: DebounceEventResult| {
        // Errors (a watch limit reached, a directory gone) leave nothing to
        // act on; the next change that does arrive is handled as usual.
        let Ok(events) = result else { return };
        let mut changed: Vec<PathBuf> = events
            .iter()
            .filter(|event| is_change(&event.kind))
            .flat_map(|event| event.paths.iter())
            .filter(|path| filter.iter().any(|target| target.covers(path)))
            .cloned()
            .collect();
        changed.sort();
        changed.dedup();
        if changed.is_empty() {
            return;
        }
        if let Some(value) = map(changed) {
            // The receiver gone means the program is ending.
            let _ = tx.send(value);
        }
    })?;
    for target in &targets {
        let mode = if target.only.is_some() {
            RecursiveMode::NonRecursive
        } else {
            RecursiveMode::Recursive
        };
        debouncer.watch(&target.dir, mode)?;
    }
    Ok(Watch {
        _debouncer: debouncer,
    })
}

/// Whether an event changed something: not a read, not metadata alone.
fn is_change(kind: &EventKind) -> bool {
    !matches!(
        kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
    )
}

/// What is watched: a directory, whole or for one file in it.
#[derive(Debug, Clone)]
struct Target {
    dir: PathBuf,
    only: Option<PathBuf>,
}

impl Target {
    fn of(path: &Path) -> Target {
        if path.is_dir() {
            return Target {
                dir: path.to_path_buf(),
                only: None,
            };
        }
        let dir = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Target {
            dir,
            only: path.file_name().map(PathBuf::from),
        }
    }

    /// Whether an event's path (absolute, as the watcher reports it) is
    /// one this target watches.
    fn covers(&self, path: &Path) -> bool {
        match &self.only {
            None => true,
            Some(name) => path.file_name() == Some(name.as_os_str()),
        }
    }
}

/// Watches the lessons of `source` (nothing for the embedded samples):
/// after each change that can matter to them, `on_change` runs and what it
/// returns is sent on `tx`. For a lone lesson file, its course's
/// course.toml is watched too.
pub fn lessons<T: Send + 'static>(
    source: &LessonsSource,
    tx: Sender<T>,
    mut on_change: impl FnMut() -> T + Send + 'static,
) -> Option<(PathBuf, notify::Result<Watch>)> {
    let LessonsSource::Path(path) = source else {
        return None;
    };
    let mut paths = vec![path.clone()];
    if !path.is_dir() {
        paths.push(Target::of(path).dir.join(COURSE_FILE));
    }
    let watch = spawn(&paths, tx, move |changed| {
        changed
            .iter()
            .any(|path| matters_to_lessons(path))
            .then(&mut on_change)
    });
    Some((path.clone(), watch))
}

/// Whether a changed path can matter to a lessons directory: a TOML file,
/// or a directory (a course added, removed or renamed; gone directories
/// can only be told by having no extension). Editors' swap and backup
/// files (`.lesson.toml.swp`, `lesson.toml~`) do not matter.
pub fn matters_to_lessons(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    if name.starts_with('.') || name.ends_with('~') {
        return false;
    }
    match path.extension() {
        Some(extension) => extension.eq_ignore_ascii_case("toml") || path.is_dir(),
        None => true,
    }
}

/// Watches a sync directory for the other machines' files (see
/// `terakoya_core::progress::sync`): after each change to one of them,
/// `on_change` runs and what it returns is sent on `tx`. This machine's own
/// file (`own`, a file name) is left out, or every save would wake the
/// reader that made it.
pub fn sync_dir<T: Send + 'static>(
    dir: &Path,
    own: String,
    tx: Sender<T>,
    mut on_change: impl FnMut() -> T + Send + 'static,
) -> notify::Result<Watch> {
    spawn(&[dir.to_path_buf()], tx, move |changed| {
        changed
            .iter()
            .any(|path| matters_to_sync(path, &own))
            .then(&mut on_change)
    })
}

/// Whether a changed path in a sync directory can be another machine's
/// progress: a visible `.toml` file, not `own`, not in `.merged/` (where
/// merged conflict copies go). Sync tools' temporary files
/// (`.syncthing.laptop.toml.tmp`) are hidden.
pub fn matters_to_sync(path: &Path, own: &str) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let merged = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n == MERGED_DIR);
    let is_toml = Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    is_toml && !name.starts_with('.') && name != own && !merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Instant;

    /// Waits for the next batch on `rx` that includes a path named `name`.
    fn wait_for_name(rx: &mpsc::Receiver<Vec<PathBuf>>, name: &str) -> Vec<PathBuf> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let batch = rx.recv_timeout(left).expect("a change was reported");
            if batch.iter().any(|p| p.file_name() == Some(name.as_ref())) {
                return batch;
            }
        }
    }

    #[test]
    fn a_rename_over_a_watched_file_is_reported_as_that_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("lesson.toml");
        std::fs::write(&file, "title = \"一\"\n").unwrap();
        let (tx, rx) = mpsc::channel();
        let _watch = spawn(std::slice::from_ref(&file), tx, Some).unwrap();
        // Another file of the directory is not this watch's business.
        std::fs::write(dir.path().join("other.toml"), "x = 1\n").unwrap();
        let temp = dir.path().join("lesson.toml.new");
        std::fs::write(&temp, "title = \"二\"\n").unwrap();
        std::fs::rename(&temp, &file).unwrap();
        let batch = wait_for_name(&rx, "lesson.toml");
        assert!(
            batch
                .iter()
                .all(|p| p.file_name() == Some("lesson.toml".as_ref())),
            "{batch:?}"
        );
        // And the watch goes on after the file was replaced.
        std::fs::write(&file, "title = \"三\"\n").unwrap();
        wait_for_name(&rx, "lesson.toml");
    }

    #[test]
    fn reads_are_not_changes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.toml");
        std::fs::write(&file, "x = 1\n").unwrap();
        let (tx, rx) = mpsc::channel();
        let _watch = spawn(&[dir.path().to_path_buf()], tx, Some).unwrap();
        let _ = std::fs::read(&file).unwrap();
        assert!(rx.recv_timeout(DELAY * 4).is_err(), "a read was reported");
        std::fs::write(dir.path().join("b.toml"), "x = 2\n").unwrap();
        wait_for_name(&rx, "b.toml");
    }

    #[test]
    fn only_other_machines_files_matter_to_sync() {
        assert!(matters_to_sync(Path::new("/s/laptop.toml"), "desk.toml"));
        assert!(matters_to_sync(
            Path::new("/s/desk.sync-conflict-20261101-090000-ABCDEFG.toml"),
            "desk.toml"
        ));
        assert!(!matters_to_sync(Path::new("/s/desk.toml"), "desk.toml"));
        assert!(!matters_to_sync(
            Path::new("/s/.syncthing.laptop.toml.tmp"),
            "desk.toml"
        ));
        assert!(!matters_to_sync(
            Path::new("/s/.merged/desk.sync-conflict-1.toml"),
            "desk.toml"
        ));
        assert!(!matters_to_sync(Path::new("/s/notes.txt"), "desk.toml"));
    }

    #[test]
    fn swap_and_backup_files_do_not_matter_to_lessons() {
        assert!(matters_to_lessons(Path::new("/l/c/01.toml")));
        assert!(matters_to_lessons(Path::new("/l/c/course.TOML")));
        assert!(matters_to_lessons(Path::new("/l/gone-course")));
        assert!(!matters_to_lessons(Path::new("/l/c/.01.toml.swp")));
        assert!(!matters_to_lessons(Path::new("/l/c/01.toml~")));
        assert!(!matters_to_lessons(Path::new("/l/c/notes.txt")));
    }
}
