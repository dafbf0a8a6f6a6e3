use std::fs;

use super::*;
use crate::progress::Anchor;

fn key(lesson: &str) -> LessonKey {
    LessonKey::new("career", lesson)
}

fn tick(lesson: &str, point: &str, ticked: bool) -> Change {
    Change::Tick {
        key: key(lesson),
        point: point.into(),
        ticked,
        at: 1_795_598_644,
    }
}

fn open(dir: &Path) -> Opened {
    Store::open(Some(dir))
}

fn bad_files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "bad"))
        .collect();
    found.sort();
    found
}

#[test]
fn a_fresh_directory_opens_quietly_and_saves_every_change() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("new/data");
    let opened = open(&dir);
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    assert_eq!(opened.progress, Progress::default());
    let mut store = opened.store;
    let anchor = Anchor {
        section: Some("s2".into()),
        block: 4,
        offset: 17,
    };
    let saved = store
        .apply(&[
            tick("06", "p1", true),
            Change::Position {
                key: key("06"),
                anchor: anchor.clone(),
            },
            Change::Opened {
                key: key("06"),
                at: 1_795_598_644,
            },
        ])
        .unwrap();
    let reopened = open(&dir);
    assert!(reopened.warnings.is_empty(), "{:?}", reopened.warnings);
    assert_eq!(reopened.progress, saved);
    assert!(reopened.progress.is_ticked(&key("06"), "p1"));
    assert_eq!(reopened.progress.lessons[&key("06")].position, Some(anchor));
    assert_eq!(reopened.progress.last_opened, Some(key("06")));
    let text = fs::read_to_string(dir.join(FILE_NAME)).unwrap();
    assert!(
        text.contains("last_opened = 2026-11-25T09:24:04Z"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn the_progress_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    open(dir.path())
        .store
        .apply(&[tick("06", "p1", true)])
        .unwrap();
    let mode = fs::metadata(dir.path().join(FILE_NAME))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[cfg(unix)]
#[test]
fn a_symlinked_progress_file_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("mine.toml");
    fs::write(&target, "version = 1\n").unwrap();
    std::os::unix::fs::symlink(&target, dir.path().join(FILE_NAME)).unwrap();
    open(dir.path())
        .store
        .apply(&[tick("06", "p1", true)])
        .unwrap();
    let link = fs::symlink_metadata(dir.path().join(FILE_NAME)).unwrap();
    assert!(link.file_type().is_symlink());
    assert!(fs::read_to_string(&target).unwrap().contains("\"p1\""));
}

#[test]
fn two_stores_keep_each_others_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = open(dir.path()).store;
    let mut second = open(dir.path()).store;
    first.apply(&[tick("06", "p1", true)]).unwrap();
    let merged = second.apply(&[tick("06", "p2", true)]).unwrap();
    assert!(merged.is_ticked(&key("06"), "p1"));
    assert!(merged.is_ticked(&key("06"), "p2"));
    // An untick is a change too, and travels the same way.
    let merged = first.apply(&[tick("06", "p2", false)]).unwrap();
    assert!(merged.is_ticked(&key("06"), "p1"));
    assert!(!merged.is_ticked(&key("06"), "p2"));
}

#[test]
fn unreadable_files_are_set_aside_with_their_bytes() {
    let truncated = b"version = 1\n[lessons.\"career/06\"]\nticked = [\"p1\", \"p".to_vec();
    let cases: [(&str, Vec<u8>); 4] = [
        ("garbage", vec![0xff, 0xfe, 0x00, 0x42, 0x13]),
        ("truncated", truncated),
        (
            "wrong shape",
            b"version = 1\nlessons = [\"career/06\"]\n".to_vec(),
        ),
        (
            "no version",
            b"[lessons.\"career/06\"]\nticked = [\"p1\"]\n".to_vec(),
        ),
    ];
    for (name, bytes) in cases {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE_NAME), &bytes).unwrap();
        let opened = open(dir.path());
        let bad = bad_files(dir.path());
        assert_eq!(bad.len(), 1, "{name}");
        assert_eq!(fs::read(&bad[0]).unwrap(), bytes, "{name}");
        let [StoreWarning::SetAside { moved, then, .. }] = opened.warnings.as_slice() else {
            panic!("{name}: {:?}", opened.warnings);
        };
        assert_eq!(moved, &bad[0], "{name}");
        assert_eq!(then, &AfterSetAside::StartedAfresh, "{name}");
        assert_eq!(opened.progress, Progress::default(), "{name}");
        assert!(!dir.path().join(FILE_NAME).exists(), "{name}");
        // Saving works again, and the set-aside file is left alone.
        let mut store = opened.store;
        store.apply(&[tick("06", "p9", true)]).unwrap();
        assert!(open(dir.path()).progress.is_ticked(&key("06"), "p9"));
        assert_eq!(fs::read(&bad[0]).unwrap(), bytes, "{name}");
    }
}

/// A hand edit gone wrong in one lesson's entry, beside two good ones.
const ONE_BAD_ENTRY: &str = "version = 1\nlast_opened = \"career/06\"\n\
    [lessons.\"career/06\"]\nticked = [\"p1\", \"p2\"]\nnote = \"mine\"\n\
    [lessons.\"career/07\"]\nticked = \"p3\"\n\
    [lessons.\"career/08\"]\nsections_read = [\"s1\"]\n";

#[test]
fn a_file_with_a_bad_entry_keeps_the_rest_and_sets_the_original_aside() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(FILE_NAME), ONE_BAD_ENTRY).unwrap();
    let opened = open(dir.path());
    let [
        StoreWarning::EntriesLeftOut {
            reason, salvage, ..
        },
    ] = opened.warnings.as_slice()
    else {
        panic!("{:?}", opened.warnings);
    };
    assert!(
        matches!(
            salvage,
            Salvage::Kept {
                lessons: 2,
                left_out: 1,
                ..
            }
        ),
        "{salvage:?}"
    );
    assert!(reason.to_string().contains("career/07"), "{reason}");
    let progress = &opened.progress;
    assert!(progress.is_ticked(&key("06"), "p1") && progress.is_ticked(&key("06"), "p2"));
    assert!(!progress.lessons.contains_key(&key("07")));
    assert!(progress.lessons[&key("08")].sections_read.contains("s1"));
    assert_eq!(progress.last_opened, Some(key("06")));
    // The original, byte for byte, and a readable file with the rest
    // (unknown fields included) in its place.
    let bad = bad_files(dir.path());
    assert_eq!(bad.len(), 1);
    assert_eq!(fs::read_to_string(&bad[0]).unwrap(), ONE_BAD_ENTRY);
    let text = fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
    assert!(text.contains("note = \"mine\""), "{text}");
    let reopened = open(dir.path());
    assert!(reopened.warnings.is_empty(), "{:?}", reopened.warnings);
    assert_eq!(&reopened.progress, progress);
    assert_eq!(bad_files(dir.path()).len(), 1);
}

#[test]
fn a_save_over_a_file_with_a_bad_entry_keeps_what_reads_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path()).store;
    // Another reader saved 06 and 08, then the file was spoilt in 07.
    fs::write(dir.path().join(FILE_NAME), ONE_BAD_ENTRY).unwrap();
    let progress = store.apply(&[tick("09", "p9", true)]).unwrap();
    assert!(progress.is_ticked(&key("06"), "p1"));
    assert!(progress.lessons.contains_key(&key("08")));
    assert!(progress.is_ticked(&key("09"), "p9"));
    assert_eq!(open(dir.path()).progress, progress);
    let bad = bad_files(dir.path());
    assert_eq!(fs::read_to_string(&bad[0]).unwrap(), ONE_BAD_ENTRY);
    assert!(matches!(
        store.take_warning(),
        Some(StoreWarning::SetAside {
            then: AfterSetAside::SavedOnScreen,
            ..
        })
    ));
}

#[test]
fn one_bad_field_leaves_the_rest_of_its_lesson() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "version = 1\n[lessons.\"career/06\"]\nticked = [\"p1\"]\ncompleted = \"yesterday\"\n";
    fs::write(dir.path().join(FILE_NAME), text).unwrap();
    let opened = open(dir.path());
    assert!(opened.progress.is_ticked(&key("06"), "p1"));
    assert_eq!(opened.progress.lessons[&key("06")].completed, None);
    let [StoreWarning::EntriesLeftOut { reason, .. }] = opened.warnings.as_slice() else {
        panic!("{:?}", opened.warnings);
    };
    assert!(reason.to_string().contains("completed"), "{reason}");
    assert_eq!(fs::read_to_string(&bad_files(dir.path())[0]).unwrap(), text);
    assert!(open(dir.path()).warnings.is_empty());
}

#[test]
fn reading_only_shows_the_readable_entries_and_moves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(FILE_NAME), ONE_BAD_ENTRY).unwrap();
    let peeked = Store::peek(Some(dir.path()));
    assert!(peeked.progress.is_ticked(&key("06"), "p1"));
    assert_eq!(peeked.progress.lessons.len(), 2);
    assert!(
        matches!(
            peeked.warnings.as_slice(),
            [StoreWarning::EntriesLeftOut {
                salvage: Salvage::ReadOnly,
                ..
            }]
        ),
        "{:?}",
        peeked.warnings
    );
    assert_eq!(
        fs::read_to_string(dir.path().join(FILE_NAME)).unwrap(),
        ONE_BAD_ENTRY
    );
    assert!(bad_files(dir.path()).is_empty());
    // Garbage is reported, not moved, and shows no progress.
    fs::write(dir.path().join(FILE_NAME), b"\xff[[").unwrap();
    let peeked = Store::peek(Some(dir.path()));
    assert_eq!(peeked.progress, Progress::default());
    assert!(matches!(
        peeked.warnings.as_slice(),
        [StoreWarning::UnreadableLeft { .. }]
    ));
    assert!(bad_files(dir.path()).is_empty());
}

#[test]
fn a_blank_file_is_empty_progress() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(FILE_NAME), "\n  \n").unwrap();
    let opened = open(dir.path());
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    assert!(bad_files(dir.path()).is_empty());
}

#[test]
fn a_file_spoilt_while_running_is_set_aside_on_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path()).store;
    store.apply(&[tick("06", "p1", true)]).unwrap();
    fs::write(dir.path().join(FILE_NAME), "version = 1\nlessons = 3\n").unwrap();
    let saved = store.apply(&[tick("06", "p2", true)]).unwrap();
    assert!(
        saved.is_ticked(&key("06"), "p1"),
        "the progress on screen is kept"
    );
    assert!(saved.is_ticked(&key("06"), "p2"));
    assert_eq!(bad_files(dir.path()).len(), 1);
    let warning = store.take_warning();
    assert!(
        matches!(&warning, Some(StoreWarning::SetAside { moved, .. }) if moved.extension() == Some("bad".as_ref())),
        "{warning:?}"
    );
    assert!(store.take_warning().is_none());
}

#[test]
fn a_file_spoilt_while_running_is_replaced_even_by_a_change_that_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path()).store;
    store.apply(&[tick("06", "p1", true)]).unwrap();
    fs::write(dir.path().join(FILE_NAME), "version = 1\nlessons = 3\n").unwrap();
    // Ticking an already ticked point changes nothing by itself.
    store.apply(&[tick("06", "p1", true)]).unwrap();
    assert_eq!(bad_files(dir.path()).len(), 1);
    let reopened = open(dir.path());
    assert!(reopened.warnings.is_empty(), "{:?}", reopened.warnings);
    assert!(reopened.progress.is_ticked(&key("06"), "p1"));
}

#[test]
fn a_newer_file_is_read_but_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let text = "version = 3\nshiny = true\n[lessons.\"career/06\"]\nticked = [\"p1\"]\n";
    fs::write(&path, text).unwrap();
    let opened = open(dir.path());
    assert!(opened.progress.is_ticked(&key("06"), "p1"));
    assert!(
        matches!(
            opened.warnings.as_slice(),
            [StoreWarning::Newer { version: 3, .. }]
        ),
        "{:?}",
        opened.warnings
    );
    assert_eq!(opened.warnings[0].hint(), Some(Hint::Upgrade));
    let mut store = opened.store;
    let err = store.apply(&[tick("06", "p2", true)]).unwrap_err();
    assert!(matches!(err, StoreError::Newer { version: 3, .. }), "{err}");
    assert_eq!(err.hint(), Some(Hint::Upgrade));
    assert!(store.reset(&Reset::All).is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    assert_eq!(store.export().unwrap(), text);
    assert!(bad_files(dir.path()).is_empty());
}

#[test]
fn an_unwritable_data_directory_still_reads() {
    let root = tempfile::tempdir().unwrap();
    // A file where a directory should be: cannot be created, even by root.
    fs::write(root.path().join("file"), "").unwrap();
    let opened = open(&root.path().join("file/data"));
    assert!(
        matches!(
            opened.warnings.as_slice(),
            [StoreWarning::CannotWrite { .. }, ..]
        ),
        "{:?}",
        opened.warnings
    );
    assert_eq!(opened.progress, Progress::default());
    let mut store = opened.store;
    let err = store.apply(&[tick("06", "p1", true)]).unwrap_err();
    assert!(matches!(err, StoreError::CreateDir { .. }), "{err}");
}

#[test]
fn a_file_that_cannot_be_read_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    // A directory in the file's place: reading fails with an I/O error.
    fs::create_dir(dir.path().join(FILE_NAME)).unwrap();
    fs::write(dir.path().join(FILE_NAME).join("keep"), "mine").unwrap();
    let opened = open(dir.path());
    assert!(matches!(
        opened.warnings.as_slice(),
        [StoreWarning::CannotRead {
            cause: FileError::NotRegular(FileKind::Directory),
            ..
        }]
    ));
    let mut store = opened.store;
    let err = store.apply(&[tick("06", "p1", true)]).unwrap_err();
    assert!(matches!(err, StoreError::Read { .. }), "{err}");
    let kept = fs::read_to_string(dir.path().join(FILE_NAME).join("keep")).unwrap();
    assert_eq!(kept, "mine");
}

#[test]
fn import_merges_and_export_round_trips() {
    let here = tempfile::tempdir().unwrap();
    let there = tempfile::tempdir().unwrap();
    let mut ours = open(here.path()).store;
    let mut theirs = open(there.path()).store;
    ours.apply(&[tick("06", "p1", true), tick("07", "p1", true)])
        .unwrap();
    theirs.apply(&[tick("06", "p2", true)]).unwrap();
    let exported = theirs.export().unwrap();
    let merged = ours
        .import(exported.as_bytes(), Path::new("x.toml"))
        .unwrap();
    assert!(merged.is_ticked(&key("06"), "p1"));
    assert!(merged.is_ticked(&key("06"), "p2"));
    assert!(merged.is_ticked(&key("07"), "p1"));
    // Importing the same file again changes nothing.
    assert_eq!(
        ours.import(exported.as_bytes(), Path::new("x.toml"))
            .unwrap(),
        merged
    );
    let err = ours.import(b"version = 1\nlessons = 2", Path::new("x.toml"));
    assert!(
        matches!(&err, Err(StoreError::ImportUnreadable { path, .. }) if path == Path::new("x.toml")),
        "{err:?}"
    );
    let err = ours
        .import(b"version = 3", Path::new("y.toml"))
        .unwrap_err();
    assert!(
        matches!(err, StoreError::ImportNewer { version: 3, .. }),
        "{err}"
    );
    assert_eq!(open(here.path()).progress, merged);
}

#[test]
fn reset_clears_one_lesson_or_all() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path()).store;
    store
        .apply(&[tick("06", "p1", true), tick("07", "p1", true)])
        .unwrap();
    let left = store.reset(&Reset::Lesson(key("06"))).unwrap();
    assert!(left.lesson(&key("06")).is_none());
    assert!(left.is_ticked(&key("07"), "p1"));
    let left = store.reset(&Reset::All).unwrap();
    assert_eq!(left, Progress::default());
    assert_eq!(open(dir.path()).progress, Progress::default());
}

#[test]
fn an_empty_data_dir_setting_means_the_default() {
    // Resolved only: opening it would touch the real home directory.
    assert_eq!(resolve_dir(Some(Path::new(""))), default_dir());
    assert_eq!(
        resolve_dir(Some(Path::new("mine"))),
        Some(PathBuf::from("mine"))
    );
}

#[test]
fn the_first_save_of_a_version_1_file_keeps_it_as_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let old = "version = 1\n[lessons.\"career/06\"]\nticked = [\"p1\"]\n\
               last_opened = 2026-11-25T09:24:04Z\n";
    fs::write(&path, old).unwrap();
    let mut opened = open(dir.path());
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    let saved = opened.store.apply(&[tick("06", "p2", true)]).unwrap();
    assert!(saved.is_ticked(&key("06"), "p1"));
    assert!(saved.is_ticked(&key("06"), "p2"));
    let backup = dir.path().join("progress.v1.bak");
    assert_eq!(fs::read_to_string(&backup).unwrap(), old);
    let now = fs::read_to_string(&path).unwrap();
    assert!(now.contains("version = 2"), "{now}");
    // Later saves leave the backup alone and make no other.
    opened.store.apply(&[tick("06", "p3", true)]).unwrap();
    let reopened = open(dir.path());
    let mut store = reopened.store;
    store.apply(&[tick("06", "p4", true)]).unwrap();
    assert_eq!(fs::read_to_string(&backup).unwrap(), old);
    let backups = fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "bak")
        })
        .count();
    assert_eq!(backups, 1);
}
