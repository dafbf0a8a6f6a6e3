//! Two machines (two data directories) sharing one sync directory, driven
//! as a person would: the reader in a pty, then `progress --json`. A later
//! untick on one machine wins over the earlier tick on both; a corrupt
//! file there is skipped with a warning and left alone; a conflict copy is
//! merged, then moved into `.merged/`. An open reader takes in another
//! machine's tick as soon as its file changes there.

use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::Command;

use crate::pty_support::Reader;

fn lessons_dir() -> String {
    format!("{}/lessons", env!("CARGO_MANIFEST_DIR"))
}

/// The reader on machine `machine`, at `now`.
fn reader(data: &Path, sync: &Path, machine: &str, now: &str) -> Reader {
    let lessons = lessons_dir();
    Reader::spawn(
        &[
            "--data-dir",
            data.to_str().unwrap(),
            "--sync-dir",
            sync.to_str().unwrap(),
            "--lessons",
            &lessons,
        ],
        &[("TERAKOYA_NOW", now), ("TERAKOYA_MACHINE", machine)],
    )
}

/// Opens 第6回's checklist, presses `keys`, waits for `summary`, quits.
fn tick(reader: &mut Reader, keys: &str, summary: &str) {
    reader.wait_for_text("points 0/6");
    // The last lesson (第8回), then up two: 第6回 whatever rows the list
    // starts with.
    reader.send("Gkk\r");
    reader.wait_for_text("Introduction");
    reader.send("\t");
    reader.wait_for_text("Summary ");
    reader.send(keys);
    reader.wait_for_text(summary);
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}

/// `progress --json` (with `--sync-dir` when given): the ticked points of
/// 第6回, and stderr.
fn ticked(data: &Path, sync: Option<&Path>, machine: &str) -> (Vec<String>, String) {
    let mut command = Command::cargo_bin("terakoya").unwrap();
    command
        .env_remove("TERAKOYA_DATA_DIR")
        .env_remove("TERAKOYA_SYNC_DIR")
        .env("TERAKOYA_MACHINE", machine)
        .env("TERAKOYA_CONFIG", "/nonexistent")
        .args([
            "--lessons",
            &lessons_dir(),
            "progress",
            "--json",
            "--data-dir",
        ])
        .arg(data);
    if let Some(sync) = sync {
        command.arg("--sync-dir").arg(sync);
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let lesson = json["lessons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["lesson"] == "06-sns")
        .unwrap();
    let points = lesson["ticked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    (points, String::from_utf8_lossy(&output.stderr).into_owned())
}

/// The id of 第6回's first point, from A's log.
fn first_point(data: &Path) -> String {
    let text = std::fs::read_to_string(data.join("progress.toml")).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("untick"))
        .unwrap_or_else(|| panic!("A's untick is logged:\n{text}"));
    line.split(" = ").next().unwrap().trim().to_owned()
}

#[test]
fn a_later_untick_on_one_machine_wins_on_both() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, sync) = (
        root.path().join("a"),
        root.path().join("b"),
        root.path().join("sync"),
    );
    // A ticks the first point; B (which merges A's file on start) ticks the
    // second; A, later, unticks the first.
    tick(
        &mut reader(&a, &sync, "a", "2026-11-01T09:00:00Z"),
        "x",
        "Summary 1/6",
    );
    tick(
        &mut reader(&b, &sync, "b", "2026-11-02T09:00:00Z"),
        "gjx",
        "Summary 2/6",
    );
    tick(
        &mut reader(&a, &sync, "a", "2026-11-03T09:00:00Z"),
        "gx",
        "Summary 1/6",
    );
    assert!(sync.join("a.toml").is_file() && sync.join("b.toml").is_file());

    let (on_a, _) = ticked(&a, Some(&sync), "a");
    let (on_b, _) = ticked(&b, Some(&sync), "b");
    // The checklist's cursor starts at the first unticked point, so `g`
    // first: A ticked and unticked the first point, B ticked the second.
    assert_eq!(on_a.len(), 1, "{on_a:?}");
    assert_ne!(on_a[0], first_point(&a));
    assert_eq!(on_a, on_b, "both machines agree");
    // B's own file says so too once B runs again (it merges on start).
    let mut again = reader(&b, &sync, "b", "2026-11-04T09:00:00Z");
    again.wait_for_text("points 1/6");
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
    let (b_alone, _) = ticked(&b, None, "b");
    assert_eq!(b_alone, on_a);
}

#[test]
fn an_open_reader_shows_another_machines_tick_without_restarting() {
    let root = tempfile::tempdir().unwrap();
    let (a, b, sync) = (
        root.path().join("a"),
        root.path().join("b"),
        root.path().join("sync"),
    );
    // B opens 第6回's checklist and stays there.
    let mut open = reader(&b, &sync, "b", "2026-11-01T09:00:00Z");
    open.wait_for_text("points 0/6");
    open.send("Gkk\r");
    open.wait_for_text("Introduction");
    open.send("\t");
    open.wait_for_text("Summary 0/6");
    // A, on the other machine, ticks a point and quits.
    tick(
        &mut reader(&a, &sync, "a", "2026-11-01T09:05:00Z"),
        "x",
        "Summary 1/6",
    );
    let written = Instant::now();
    open.wait_for_text("Summary 1/6");
    let took = written.elapsed();
    assert!(took < Duration::from_secs(5), "took {took:?}");
    // B saved the merged tick too: its own progress has it after quitting.
    open.send("q");
    assert_eq!(open.wait_exit(), 0);
    let (on_b, _) = ticked(&b, None, "b");
    assert_eq!(on_b.len(), 1, "{on_b:?}");
}

#[test]
fn a_corrupt_file_is_skipped_and_a_conflict_copy_is_merged_then_moved() {
    let root = tempfile::tempdir().unwrap();
    let (a, sync) = (root.path().join("a"), root.path().join("sync"));
    std::fs::create_dir_all(&sync).unwrap();
    let half = "version = 2\n[lessons.\"career/06-sns\"]\nticked = [\"p";
    std::fs::write(sync.join("c.toml"), half).unwrap();
    // A conflict copy of A's own file, from another machine, with a tick.
    let copy = sync.join("a.sync-conflict-20261101-090000-ABCDEFG.toml");
    let point = {
        tick(
            &mut reader(&a, &sync, "a", "2026-11-01T09:00:00Z"),
            "x",
            "Summary 1/6",
        );
        let text = std::fs::read_to_string(sync.join("a.toml")).unwrap();
        assert!(text.contains("version = 2"), "{text}");
        ticked(&a, None, "a").0[0].clone()
    };
    let other = std::fs::read_to_string(sync.join("a.toml"))
        .unwrap()
        .replace(&point, "an-extra-point");
    std::fs::write(&copy, other).unwrap();

    let mut later = reader(&a, &sync, "a", "2026-11-02T09:00:00Z");
    // The status line says the half-synced file was skipped.
    later.wait_for_text("c.toml");
    later.send("q");
    assert_eq!(later.wait_exit(), 0);
    // The half-synced file is left exactly as it was.
    assert_eq!(std::fs::read_to_string(sync.join("c.toml")).unwrap(), half);
    // The copy was merged (its tick is in A's file now), then moved.
    assert!(!copy.exists());
    let moved = sync.join(".merged").join(copy.file_name().unwrap());
    assert!(moved.is_file());
    let own = std::fs::read_to_string(a.join("progress.toml")).unwrap();
    assert!(own.contains("an-extra-point"), "{own}");
    // Reading only warns about the corrupt file, and goes on.
    let (_, stderr) = ticked(&a, Some(&sync), "a");
    assert!(stderr.contains("c.toml"), "{stderr}");
}
