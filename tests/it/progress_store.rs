//! The store across processes: several processes saving at once through the
//! lock, and a process killed with SIGKILL while saving in a loop.
//!
//! Each test re-runs its own test binary as the child processes (the
//! `TERAKOYA_TEST_ROLE` variable selects the child's part), so the children
//! call `Store::apply` exactly as the reader does.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use terakoya_core::progress::store::Store;
use terakoya_core::progress::{Change, LessonKey};

const ROLE: &str = "TERAKOYA_TEST_ROLE";
const DATA_DIR: &str = "TERAKOYA_TEST_DATA_DIR";

fn key() -> LessonKey {
    LessonKey::new("career", "06")
}

fn tick(point: String) -> Change {
    Change::Tick {
        key: key(),
        point,
        ticked: true,
        at: 1_795_598_644,
    }
}

fn child_dir() -> std::path::PathBuf {
    std::env::var_os(DATA_DIR).unwrap().into()
}

/// Runs this test binary's test `name` as a child in role `role`.
fn spawn_child(name: &str, role: &str, dir: &Path) -> Child {
    // Tests are named by their path inside the binary: `progress_store::…`.
    let module = module_path!().split_once("::").map_or("", |(_, m)| m);
    let full_name = format!("{module}::{name}");
    Command::new(std::env::current_exe().unwrap())
        .args([
            full_name.as_str(),
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(ROLE, role)
        .env(DATA_DIR, dir)
        .env("HOME", dir) // in case anything looked there
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

fn ticked(dir: &Path) -> BTreeSet<String> {
    let opened = Store::open(Some(dir));
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    opened
        .progress
        .lesson(&key())
        .map(|l| l.ticked.clone())
        .unwrap_or_default()
}

const WRITERS: usize = 4;
const TICKS_EACH: usize = 25;

#[test]
fn processes_saving_at_once_keep_every_tick() {
    if let Ok(role) = std::env::var(ROLE) {
        // Child: tick its own points one save at a time.
        let mut store = Store::open(Some(&child_dir())).store;
        for n in 0..TICKS_EACH {
            store.apply(&[tick(format!("{role}-{n:02}"))]).unwrap();
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let children: Vec<Child> = (0..WRITERS)
        .map(|n| {
            spawn_child(
                "processes_saving_at_once_keep_every_tick",
                &format!("w{n}"),
                dir.path(),
            )
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "a writer failed: {output:?}");
    }
    let expected: BTreeSet<String> = (0..WRITERS)
        .flat_map(|w| (0..TICKS_EACH).map(move |n| format!("w{w}-{n:02}")))
        .collect();
    assert_eq!(ticked(dir.path()), expected);
}

#[test]
fn sigkill_while_saving_leaves_a_whole_file_with_every_saved_tick() {
    if std::env::var(ROLE).is_ok() {
        // Child: tick p00000, p00001, ... continuing from what is saved,
        // and report each save once `apply` has returned.
        let mut opened = Store::open(Some(&child_dir()));
        let start = opened.progress.lesson(&key()).map_or(0, |l| l.ticked.len());
        for n in start..start + 100_000 {
            opened.store.apply(&[tick(format!("p{n:05}"))]).unwrap();
            println!("saved {}", n + 1);
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for delay_ms in [0, 3, 17, 40, 75, 120, 160, 200] {
        let mut child = spawn_child(
            "sigkill_while_saving_leaves_a_whole_file_with_every_saved_tick",
            "hammer",
            dir.path(),
        );
        let reported = watch_saves(&mut child);
        // Kill it mid-stream: once it is saving, after a varying delay.
        let first = reported.recv_timeout(Duration::from_secs(30));
        assert!(first.is_ok(), "the child never saved");
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let last_reported = reported.iter().chain(first).max().unwrap_or(0);

        let ticks = ticked(dir.path());
        let prefix: BTreeSet<String> = (0..ticks.len()).map(|n| format!("p{n:05}")).collect();
        assert_eq!(ticks, prefix, "the saved ticks are not p00000..");
        assert!(
            ticks.len() >= last_reported,
            "{last_reported} saves reported, only {} ticks on disk",
            ticks.len()
        );
    }
    // No save ever found a torn file to set aside.
    let set_aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".bad"))
        .collect();
    assert!(set_aside.is_empty(), "files set aside: {set_aside:?}");
}

/// Collects the child's "saved N" reports on a thread until it exits.
fn watch_saves(child: &mut Child) -> mpsc::Receiver<usize> {
    let stdout = child.stdout.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("saved ") {
                let _ = sender.send(n.parse().unwrap());
            }
        }
    });
    receiver
}
