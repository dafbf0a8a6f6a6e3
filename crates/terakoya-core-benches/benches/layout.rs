//! Layout of a 10 MB Japanese lesson at width 80, against the bare textwrap
//! baseline (`textwrap::wrap` with `UnicodeBreakProperties` and its default
//! algorithm) on the same paragraphs, measured in the same run.
//!
//! The project builds textwrap without its `smawk` feature, so its default
//! algorithm is FirstFit (OptimalFit needs `smawk`); that is the faster of
//! the two, so the ratios here are conservative.
//!
//! `cargo bench --bench layout`; `show` end to end is `benches/show.rs` at the top.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use terakoya_core::text::layout::layout_lesson;
use terakoya_core_benches::{big_lesson, textwrap_all};

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
    group.finish();
}

criterion_group!(benches, layout);
criterion_main!(benches);
