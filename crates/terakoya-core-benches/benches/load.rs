//! Loading a 20 MB library of 500 Japanese lesson files: our full load (as
//! `check` does it) against bare single-threaded `toml::from_str::<Table>`
//! over the same files, read included, measured in the same run. Neither
//! side's result is dropped inside the timing (criterion's
//! `iter_with_large_drop`): deallocation is left out of both sides.
//!
//! Run: cargo bench --bench load -- --measurement-time 10
//!
//! For instruction counts, which a busy shared machine does not disturb,
//! `LOAD_BENCH_PASS=baseline` (or `load`; `format2-baseline` and
//! `format2-load` for the 10 MB format-2 lesson) makes the binary generate
//! the library and run that one side once, on one thread, instead of criterion:
//! run it under `valgrind --tool=callgrind --toggle-collect='*one_pass_*'`
//! (see BENCHMARKS.md "Loading").
// Benches report their figures on stderr.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use terakoya_core::bundle::{self, LessonsSource};
use terakoya_core_benches::library::{COURSES, LESSONS_PER_COURSE, generate};

/// The baseline: read and parse every file on one thread, keeping the
/// tables (their drop is not measured, as the library's is not).
fn baseline(files: &[PathBuf]) -> Vec<toml::Table> {
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            toml::from_str::<toml::Table>(&text).unwrap()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let files = generate(dir.path());
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    let source = LessonsSource::Path(dir.path().to_owned());
    let loaded = bundle::load(&source);
    assert_eq!(loaded.error_count(), 0, "{:?}", loaded.diagnostics[0]);
    let lessons: usize = loaded.library.courses.iter().map(|c| c.lessons.len()).sum();
    assert_eq!(lessons, COURSES * LESSONS_PER_COURSE);
    eprintln!(
        "library: {} files, {:.1} MiB",
        files.len(),
        bytes as f64 / 1_048_576.0
    );

    let mut group = c.benchmark_group("load_20mb");
    group.sample_size(10).warm_up_time(Duration::from_secs(2));
    group.bench_function("baseline_toml_from_str_table_1_thread", |b| {
        b.iter_with_large_drop(|| baseline(&files))
    });
    group.bench_function("bundle_load", |b| {
        b.iter_with_large_drop(|| bundle::load(&source))
    });
    group.finish();
    paired_ratio("", &files, &source);
    format2(c);
}

/// A 10 MB format-2 lesson (emphasis, ruby, tables): the load against bare
/// TOML parsing of the same file; the target is at most 0.6 of it.
fn format2(c: &mut Criterion) {
    let dir = terakoya_core_benches::big_lesson_dir_format2(10 << 20);
    let files = vec![dir.path().join("big/big.toml")];
    let source = LessonsSource::Path(dir.path().to_owned());
    let loaded = bundle::load(&source);
    assert_eq!(loaded.error_count(), 0, "{:?}", loaded.diagnostics.first());
    let mut group = c.benchmark_group("load_10mb_format2");
    group.sample_size(10).warm_up_time(Duration::from_secs(2));
    group.bench_function("baseline_toml_from_str_table_1_thread", |b| {
        b.iter_with_large_drop(|| baseline(&files))
    });
    group.bench_function("bundle_load", |b| {
        b.iter_with_large_drop(|| bundle::load(&source))
    });
    group.finish();
    paired_ratio(" load_10mb_format2", &files, &source);
}

/// The shared machine's load drifts between criterion's two groups of
/// samples, so also time the two sides alternately and report the median
/// of the per-pair ratios: wall clock for our load on the pool and on one
/// thread, and the CPU time of the thread doing the work (one thread on
/// both sides), which other processes on the machine barely disturb.
fn paired_ratio(label: &str, files: &[PathBuf], source: &LessonsSource) {
    const PAIRS: usize = 15;
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let mut ratios = Vec::with_capacity(PAIRS);
    let mut single = Vec::with_capacity(PAIRS);
    let mut cpu = Vec::with_capacity(PAIRS);
    let (mut base_cpu, mut our_cpu) = (Vec::new(), Vec::new());
    for _ in 0..PAIRS {
        // Each result is dropped (untimed) before the next side runs, so
        // that every side starts from the same state of the heap.
        let (base, (base_ms, tables)) = timed(|| on_cpu(|| baseline(files)));
        drop(tables);
        let (ours, loaded) = timed(|| bundle::load(source));
        drop(loaded);
        let (alone, (alone_ms, loaded_alone)) =
            timed(|| one_thread.install(|| on_cpu(|| bundle::load(source))));
        drop(loaded_alone);
        ratios.push(ours / base);
        single.push(alone / base);
        if let (Some(b), Some(a)) = (base_ms, alone_ms) {
            cpu.push(a / b);
            base_cpu.push(b);
            our_cpu.push(a);
        }
    }
    for (name, values) in [
        ("bundle_load", ratios),
        ("bundle_load on 1 thread", single),
        ("CPU time of bundle_load on 1 thread", cpu),
    ] {
        if let Some((median, min, max)) = spread(values) {
            eprintln!(
                "paired{label}: median {name} / baseline = {median:.2} over {PAIRS} alternating runs (min {min:.2}, max {max:.2})"
            );
        }
    }
    if let (Some((b, ..)), Some((a, ..))) = (spread(base_cpu), spread(our_cpu)) {
        eprintln!(
            "paired{label}: median CPU time per pass: baseline {b:.1} ms, bundle_load on 1 thread {a:.1} ms"
        );
    }
}

/// Median, min and max.
fn spread(mut values: Vec<f64>) -> Option<(f64, f64, f64)> {
    values.sort_by(f64::total_cmp);
    Some((
        *values.get(values.len() / 2)?,
        *values.first()?,
        *values.last()?,
    ))
}

/// Runs `f` and returns the CPU time the calling thread spent in it, in
/// ms (Linux: /proc/thread-self/schedstat, in ns; `None` elsewhere).
fn on_cpu<T>(f: impl FnOnce() -> T) -> (Option<f64>, T) {
    let before = thread_cpu_ns();
    let out = f();
    let spent = before
        .zip(thread_cpu_ns())
        .map(|(b, a)| a.saturating_sub(b) as f64 / 1e6);
    (spent, out)
}

fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn timed<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed().as_secs_f64(), out)
}

/// One pass of one side on one thread (for callgrind or perf); the
/// fixture generation and the drop of the result happen outside the
/// `one_pass_*` functions, so `--toggle-collect` leaves them out.
fn single_pass(side: &str) {
    // `format2-baseline` and `format2-load`: the 10 MB format-2 lesson.
    let (dir, files, side) = match side.strip_prefix("format2-") {
        Some(side) => {
            let dir = terakoya_core_benches::big_lesson_dir_format2(10 << 20);
            let files = vec![dir.path().join("big/big.toml")];
            (dir, files, side)
        }
        None => {
            let dir = tempfile::tempdir().unwrap();
            let files = generate(dir.path());
            (dir, files, side)
        }
    };
    let source = LessonsSource::Path(dir.path().to_owned());
    let passes: usize = std::env::var("LOAD_BENCH_PASSES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    for _ in 0..passes {
        // The result is dropped outside the timing, as in criterion.
        let (seconds, cpu_ms, count) = match side {
            "baseline" => {
                let (seconds, (cpu_ms, tables)) = timed(|| on_cpu(|| one_pass_baseline(&files)));
                (seconds, cpu_ms, tables.len())
            }
            "load" => {
                let (seconds, (cpu_ms, loaded)) =
                    timed(|| one_thread.install(|| on_cpu(|| one_pass_load(&source))));
                (seconds, cpu_ms, loaded.files_checked)
            }
            other => panic!(
                "LOAD_BENCH_PASS must be `baseline` or `load` (or `format2-` either), not `{other}`"
            ),
        };
        eprintln!(
            "{side}: {count} files in {:.1} ms, {:.1} ms of CPU",
            seconds * 1000.0,
            cpu_ms.unwrap_or(f64::NAN)
        );
    }
}

#[inline(never)]
fn one_pass_baseline(files: &[PathBuf]) -> Vec<toml::Table> {
    baseline(files)
}

#[inline(never)]
fn one_pass_load(source: &LessonsSource) -> bundle::Loaded {
    bundle::load(source)
}

criterion_group!(benches, bench);

fn main() {
    match std::env::var("LOAD_BENCH_PASS") {
        Ok(side) => single_pass(&side),
        Err(_) => {
            benches();
            Criterion::default().configure_from_args().final_summary();
        }
    }
}
