//! Search: preparing the folded index of the 20 MB Japanese library of the
//! load benchmark (against loading it, measured in the same run), a query
//! over all of it, a one-off search of it (as `terakoya search` makes), and
//! a query in one 10 MB lesson (the reader's incremental search, one
//! keystroke).
//!
//! `cargo bench -p terakoya-core-benches --bench search`
// Benches report their figures on stderr.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use terakoya_core::bundle::{self, LessonsSource};
use terakoya_core::search::{LessonIndex, LibraryIndex, Query};
use terakoya_core_benches::big_lesson;
use terakoya_core_benches::library::generate;

fn library(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path());
    let source = LessonsSource::Path(dir.path().to_owned());
    let loaded = bundle::load(&source);
    assert_eq!(loaded.error_count(), 0);
    let index = LibraryIndex::new(&loaded.library);
    eprintln!(
        "folded text: {:.1} MB for {} lessons",
        index.folded_len() as f64 / 1e6,
        loaded
            .library
            .courses
            .iter()
            .map(|c| c.lessons.len())
            .sum::<usize>()
    );
    // Typed in hiragana; the library writes it in katakana.
    let query = Query::new("かんふぁれんす").unwrap();
    assert!(!index.search(&query).is_empty());
    let rare = Query::new("ｽﾏｰﾄﾌｫﾝ").unwrap();

    let mut group = c.benchmark_group("search_20mb_library");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
    group.bench_function("load_baseline", |b| {
        b.iter_with_large_drop(|| bundle::load(&source))
    });
    group.bench_function("prepare_index", |b| {
        b.iter_with_large_drop(|| LibraryIndex::new(&loaded.library))
    });
    group.bench_function("query_common", |b| {
        b.iter(|| black_box(index.search(&query)).len())
    });
    group.bench_function("query_absent", |b| {
        b.iter(|| black_box(index.search(&rare)).len())
    });
    // `terakoya search`'s pass: no index kept, the prefilter decides what
    // is folded (against `load_baseline` above).
    let kanji = Query::new("褥瘡").unwrap();
    for (name, query) in [("common", &query), ("absent", &rare), ("kanji", &kanji)] {
        group.bench_function(format!("search_once_{name}"), |b| {
            b.iter_with_large_drop(|| LibraryIndex::search_once(&loaded.library, query))
        });
    }
    group.finish();
}

fn lesson(c: &mut Criterion) {
    let lesson = big_lesson(10 << 20);
    let index = LessonIndex::new(&lesson);
    let mut group = c.benchmark_group("search_10mb_lesson");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    group.bench_function("prepare_index", |b| {
        b.iter_with_large_drop(|| LessonIndex::new(&lesson))
    });
    for typed in ["け", "けい", "けいか", "記録を残"] {
        let query = Query::new(typed).unwrap();
        group.bench_function(format!("keystroke_{typed}"), |b| {
            b.iter(|| black_box(index.find(&query)).len())
        });
    }
    group.finish();
}

criterion_group!(benches, library, lesson);
criterion_main!(benches);
