//! Layout of a 10 MB Japanese lesson at width 80, against the bare textwrap
//! baseline (`textwrap::wrap` with `UnicodeBreakProperties` and its first
//! fit) on the same paragraphs, measured in the same run.
//!
//! Issue 9 also measures textwrap's fillers over terakoya's own
//! segmentation (`src/fragments.rs`) against terakoya's breaker, both
//! sequentially over the same blocks (the layout runs big lessons in
//! parallel chunks; the fillers are compared alone): on the Japanese lesson
//! with first fit, and on Latin-only paragraphs with first and optimal fit.
//!
//! `cargo bench --bench layout`; `show` end to end is `benches/show.rs` at the top.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use terakoya_core::text::layout::layout_lesson;
use terakoya_core::text::linebreak::break_lines;
use terakoya_core_benches::fragments::{first_fit_lines, optimal_fit_lines};
use terakoya_core_benches::{
    big_lesson, big_lesson_format2, blocks, latin_paragraphs, textwrap_all,
};

/// Lines of every text by terakoya's breaker, one after the other.
fn breaker_lines<'a>(texts: impl Iterator<Item = &'a str>, width: usize) -> usize {
    let mut count = 0;
    for text in texts {
        break_lines(text, width, |range, _| {
            black_box(range);
            count += 1;
        });
    }
    count
}

fn layout(c: &mut Criterion) {
    let lesson = big_lesson(10 << 20);
    let mut group = c.benchmark_group("layout_10mb_w80");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(12));
    group.bench_function("textwrap_baseline", |b| b.iter(|| textwrap_all(&lesson)));
    group.bench_function("terakoya_layout", |b| {
        b.iter(|| black_box(layout_lesson(&lesson, 80)).lines.len())
    });
    group.bench_function("breaker_sequential", |b| {
        b.iter(|| breaker_lines(blocks(&lesson), 80))
    });
    group.bench_function("textwrap_first_fit_over_fragments_sequential", |b| {
        let mut pieces = Vec::new();
        b.iter(|| {
            blocks(&lesson)
                .map(|text| black_box(first_fit_lines(text, 80, &mut pieces)).len())
                .sum::<usize>()
        })
    });
    group.finish();

    // Format 2 (emphasis, ruby, lists, tables): the target is at most 0.4
    // of the same baseline over its paragraphs' text.
    let lesson = big_lesson_format2(10 << 20);
    let mut group = c.benchmark_group("layout_10mb_format2_w80");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(12));
    group.bench_function("textwrap_baseline", |b| b.iter(|| textwrap_all(&lesson)));
    group.bench_function("terakoya_layout", |b| {
        b.iter(|| black_box(layout_lesson(&lesson, 80)).lines.len())
    });
    group.finish();

    let latin = latin_paragraphs(4000);
    let mut group = c.benchmark_group("latin_4000_paragraphs_w80");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6));
    group.bench_function("breaker", |b| {
        b.iter(|| breaker_lines(latin.iter().map(String::as_str), 80))
    });
    group.bench_function("textwrap_first_fit_over_fragments", |b| {
        let mut pieces = Vec::new();
        b.iter(|| {
            latin
                .iter()
                .map(|text| black_box(first_fit_lines(text, 80, &mut pieces)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("textwrap_optimal_fit_over_fragments", |b| {
        let mut pieces = Vec::new();
        b.iter(|| {
            latin
                .iter()
                .map(|text| black_box(optimal_fit_lines(text, 80, &mut pieces)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, layout);
criterion_main!(benches);
