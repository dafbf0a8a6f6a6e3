use std::path::PathBuf;

use super::*;
use terakoya_core::progress::store::Store;
use terakoya_core::text::width::str_width;

fn tokyo() -> TimeZone {
    TimeZone::get("Asia/Tokyo").unwrap()
}

/// 2026-11-30T20:00:00Z: already 2026-12-01 (05:00) in Japan.
const EVENING_UTC: u64 = 1_796_068_800;

#[test]
fn a_day_is_the_local_day() {
    assert_eq!(day(EVENING_UTC, &TimeZone::UTC), "2026-11-30");
    assert_eq!(day(EVENING_UTC, &tokyo()), "2026-12-01");
    let month_later = EVENING_UTC + 30 * 86_400;
    assert_eq!(ago_in(EVENING_UTC, month_later, &tokyo()), "2026-12-01");
    assert_eq!(
        ago_in(EVENING_UTC, month_later, &TimeZone::UTC),
        "2026-11-30"
    );
}

#[test]
fn ages_count_calendar_days_in_the_local_zone() {
    let now = EVENING_UTC;
    let zone = tokyo();
    assert_eq!(ago_in(now, now, &zone), "just now");
    assert_eq!(ago_in(now - 300, now, &zone), "5 min ago");
    assert_eq!(ago_in(now - 3 * 3600, now, &zone), "3 h ago");
    assert_eq!(ago_in(now + 10, now, &zone), "just now");
    // 05:00 on 12-01 in Tokyo; 25 h earlier is 04:00 on 11-30: yesterday.
    assert_eq!(ago_in(now - 25 * 3600, now, &zone), "yesterday");
    // 30 h earlier is 23:00 on 11-29 in Tokyo: two days ago there, but
    // 14:00 on 11-29 in UTC, where now is 20:00 on 11-30: yesterday.
    assert_eq!(ago_in(now - 30 * 3600, now, &zone), "2 days ago");
    assert_eq!(ago_in(now - 30 * 3600, now, &TimeZone::UTC), "yesterday");
    assert_eq!(ago_in(now - 3 * 86_400, now, &zone), "3 days ago");
}

#[test]
fn the_newer_file_advice_fits_the_status_line() {
    let err = StoreError::Newer {
        path: PathBuf::from("/home/someone/with/a/rather/long/data/directory/progress.toml"),
        version: 2,
    };
    let worded = error(&err);
    // The reader puts "Progress not saved: " (20 columns) before it.
    assert!(str_width(&worded.essential) + 20 <= 80, "{worded:?}");
    assert!(worded.essential.ends_with("upgrade terakoya"), "{worded:?}");
    assert!(!worded.essential.contains("not saving progress"));
    assert_eq!(
        worded.to_string(),
        "not saving progress: progress.toml is from a newer terakoya; upgrade terakoya \
         (format version 2; in /home/someone/with/a/rather/long/data/directory)"
    );
}

#[test]
fn each_error_names_its_os_error_once() {
    let path = PathBuf::from("/d/progress.toml");
    let io = || FileError::Io(std::io::Error::other("disk on fire"));
    let reason = terakoya_core::progress::store::FormatError::Syntax("bad".into());
    let all = [
        StoreError::CreateDir {
            path: path.clone(),
            cause: io(),
        },
        StoreError::Lock {
            path: path.clone(),
            cause: io(),
        },
        StoreError::Read {
            path: path.clone(),
            cause: io(),
        },
        StoreError::SetAside {
            path: path.clone(),
            reason,
            cause: io(),
        },
        StoreError::Write {
            path: path.clone(),
            cause: io(),
        },
        StoreError::ExportRead {
            path: path.clone(),
            cause: io(),
        },
        StoreError::Export {
            path: path.clone(),
            cause: io(),
        },
        StoreError::ImportRead { path, cause: io() },
    ];
    for err in all {
        let text = format!("{:#}", to_anyhow(&err));
        assert_eq!(text.matches("disk on fire").count(), 1, "{text}");
    }
}

#[test]
fn echoed_paths_print_no_controls() {
    let err = StoreError::Export {
        path: PathBuf::from("/tmp/\u{1b}]0;pwned\u{7}/x\u{7}.toml"),
        cause: FileError::NotRegular(FileKind::Directory),
    };
    let text = error(&err).to_string();
    assert_eq!(
        text,
        "cannot export to /tmp//x\u{2407}.toml: not a regular file (a directory); left as it is"
    );
}

#[test]
fn a_bad_file_set_aside_says_the_essential_first() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("progress.toml"), b"\xff garbage [[[").unwrap();
    let opened = Store::open(Some(dir.path()));
    let worded = warning(&opened.warnings[0]);
    assert!(
        worded
            .essential
            .starts_with("unreadable progress.toml moved to progress.")
            && worded.essential.ends_with(".bad; starting afresh"),
        "{worded:?}"
    );
    assert!(str_width(&worded.essential) <= 80);
    let detail = worded.detail.unwrap();
    assert!(
        detail.ends_with(&format!("; in {}", dir.path().display())),
        "{detail}"
    );
}
