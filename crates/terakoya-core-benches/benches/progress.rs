//! The cost of saving progress. Every tick in the reader is one
//! `Store::apply`: lock, re-read, parse, apply, serialise, write a temporary
//! file, fsync, rename, fsync the directory. The baseline is the part no
//! store can avoid: writing the same bytes to a file and fsyncing it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::io::Write;

use criterion::{Criterion, criterion_group, criterion_main};
use terakoya_core::progress::store::Store;
use terakoya_core::progress::{Anchor, Change, LessonKey};

/// A heavy user: 40 lessons, each with 6 points ticked, 6 sections read,
/// a position and both times.
fn heavy_changes() -> Vec<Change> {
    changes_for(40)
}

/// `lessons` lessons of a heavy user (see [`heavy_changes`]).
fn changes_for(lessons: usize) -> Vec<Change> {
    let mut changes = Vec::new();
    for n in 0..lessons {
        let key = LessonKey::new("career", format!("{n:05}-lesson"));
        for p in 0..6 {
            changes.push(Change::Tick {
                key: key.clone(),
                point: format!("{:016x}", n * 1000 + p),
                ticked: true,
                at: 1_795_598_644,
            });
            changes.push(Change::SectionRead {
                key: key.clone(),
                section: format!("section-{p}"),
                at: 1_795_598_644,
            });
        }
        changes.push(Change::Position {
            key: key.clone(),
            anchor: Anchor {
                section: Some("section-3".into()),
                block: 4,
                offset: 120,
            },
        });
        changes.push(Change::Opened {
            key: key.clone(),
            at: 1_795_598_644,
        });
        changes.push(Change::Completed {
            key,
            at: Some(1_795_599_000),
        });
    }
    changes
}

fn save(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(Some(dir.path())).store;
    store.apply(&heavy_changes()).unwrap();
    let bytes = std::fs::read(dir.path().join("progress.toml")).unwrap();
    let key = LessonKey::new("career", "00000-lesson");

    let mut group = c.benchmark_group("progress");
    group.sample_size(30);
    let mut ticked = false;
    group.bench_function("apply one tick (40 lessons saved)", |b| {
        b.iter(|| {
            ticked = !ticked;
            let change = Change::Tick {
                key: key.clone(),
                point: "extra".into(),
                ticked,
                at: 1_795_598_644,
            };
            black_box(store.apply(&[change]).unwrap());
        });
    });
    group.bench_function("baseline: write + fsync the same bytes", |b| {
        let path = dir.path().join("baseline.toml");
        b.iter(|| {
            let mut file = std::fs::File::create(&path).unwrap();
            file.write_all(black_box(&bytes)).unwrap();
            file.sync_all().unwrap();
        });
    });
    group.bench_function("read + parse + serialise, no write (export)", |b| {
        b.iter(|| black_box(store.export().unwrap()));
    });
    group.finish();
}

/// A library of 10,000 lessons of a heavy user (a 2.3 MB file): one tick
/// must still save without a visible pause. Its baseline, in the same run,
/// is writing and fsyncing the same bytes.
fn save_large(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(Some(dir.path())).store;
    store.apply(&changes_for(10_000)).unwrap();
    let bytes = std::fs::read(dir.path().join("progress.toml")).unwrap();
    let key = LessonKey::new("career", "05000-lesson");

    let mut group = c.benchmark_group("progress, 10,000 lessons");
    group.sample_size(10);
    let mut ticked = false;
    group.bench_function("apply one tick", |b| {
        b.iter(|| {
            ticked = !ticked;
            let change = Change::Tick {
                key: key.clone(),
                point: "extra".into(),
                ticked,
                at: 1_795_598_644,
            };
            black_box(store.apply(&[change]).unwrap());
        });
    });
    group.bench_function("baseline: write + fsync the same bytes", |b| {
        let path = dir.path().join("baseline.toml");
        b.iter(|| {
            let mut file = std::fs::File::create(&path).unwrap();
            file.write_all(black_box(&bytes)).unwrap();
            file.sync_all().unwrap();
        });
    });
    group.finish();
}

criterion_group!(benches, save, save_large);
criterion_main!(benches);
