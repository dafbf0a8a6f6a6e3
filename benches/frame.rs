//! The reader's frame and page-down cost at 120x40, at the top and at the
//! end of a generated 10 MB Japanese lesson (original text, built from a
//! small vocabulary with a fixed seed). Both must cost the same anywhere in
//! the lesson: the layout is cached and a frame draws only visible lines.
// Benches report their figures on stderr.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use terakoya::tui::app::App;
use terakoya::tui::msg::{Action, Msg, PromptKey};
use terakoya::tui::update::update;
use terakoya::tui::{scroll, view};
use terakoya_core::model::{
    Block, BlockKind, Course, Lecturer, Lesson, Library, Section, SummaryPoint, Text,
};
use terakoya_core::progress::Progress;

const TARGET_BYTES: usize = 10 * 1024 * 1024;
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

/// Phrases written for this benchmark; joined at random into sentences.
const PHRASES: &[&str] = &[
    "朝の回診の前に",
    "検査の結果を見直して",
    "指導医と短く話し合い",
    "患者さんの言葉に耳を傾けながら",
    "記録を三行にまとめると",
    "次の一手がはっきりしてくる",
    "小さな疑問を書き留めておけば",
    "週末の振り返りが楽になる",
    "当直明けはまず眠り",
    "学会の抄録を一つだけ読んで",
    "同期と症例を教え合うことで",
    "知識は少しずつ根を張っていく",
    "SNSで見かけた話題も",
    "教科書で確かめてから使い",
    "「なぜ」を三回くり返すと",
    "見落としていた鑑別に気づく",
];
const ENDINGS: &[&str] = &["。", "。", "、そして", "――", "。（大切です）", "！"];

/// A tiny deterministic generator (no dependency, same text every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

fn paragraph(rng: &mut Lcg) -> String {
    let mut text = String::new();
    for _ in 0..4 + rng.next(6) {
        text.push_str(PHRASES[rng.next(PHRASES.len())]);
        text.push_str(PHRASES[rng.next(PHRASES.len())]);
        text.push_str(ENDINGS[rng.next(ENDINGS.len())]);
    }
    text
}

fn block(rng: &mut Lcg) -> Block {
    let kind = if rng.next(5) == 0 {
        BlockKind::ListItem
    } else {
        BlockKind::Paragraph
    };
    Block {
        kind,
        text: paragraph(rng),
        ..Default::default()
    }
}

fn big_lesson() -> Lesson {
    let mut rng = Lcg(2026);
    let mut sections = Vec::new();
    let mut bytes = 0;
    while bytes < TARGET_BYTES {
        let n = sections.len();
        let blocks: Vec<Block> = (0..200).map(|_| block(&mut rng)).collect();
        bytes += blocks.iter().map(|b| b.text.len()).sum::<usize>();
        sections.push(Section {
            id: format!("s{n}"),
            heading: format!("第{}節 {}", n + 1, PHRASES[n % PHRASES.len()]),
            body: Text { blocks },
        });
    }
    Lesson {
        id: "big".into(),
        label: Some("第99回 〔特別時限〕".into()),
        title: "とても長い講義".into(),
        lecturer: Some(Lecturer {
            name: "架空 講師".into(),
            bio: None,
        }),
        intro: None,
        sections,
        summary: (0..6)
            .map(|i| SummaryPoint {
                id: format!("p{i}"),
                text: paragraph(&mut rng),
                ..Default::default()
            })
            .collect(),
        path: PathBuf::from("<bench>/big.toml"),
        ..Default::default()
    }
}

fn app_at(lesson: &Lesson, end: bool) -> App {
    let library = Library {
        courses: vec![Course {
            id: "bench".into(),
            title: "bench".into(),
            description: None,
            lessons: vec![lesson.clone()],
            path: PathBuf::from("<bench>"),
        }],
    };
    let mut app = App::new(library, Progress::default(), WIDTH, HEIGHT);
    let _ = update(&mut app, Msg::Action(Action::Open));
    if end {
        let _ = update(&mut app, Msg::Action(Action::Bottom));
    }
    app
}

/// Where a page-down starts: the top, or two pages before the end (so that
/// it really moves).
fn start_line(app: &App, end: bool) -> usize {
    let state = app.lesson.as_ref().expect("open lesson");
    if !end {
        return 0;
    }
    let height = usize::from(HEIGHT);
    scroll::max_top(state.layout.lines.len(), height).saturating_sub(2 * height)
}

fn benches(c: &mut Criterion) {
    let lesson = big_lesson();
    let mut group = c.benchmark_group("reader_120x40");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, end) in [("top", false), ("end", true)] {
        let mut app = app_at(&lesson, end);
        let lines = app.lesson.as_ref().map_or(0, |s| s.layout.lines.len());
        eprintln!(
            "{name}: {lines} lines, top line {}",
            app.lesson.as_ref().map_or(0, |s| s.top)
        );
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("backend");
        group.bench_function(format!("frame/{name}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| view::draw(black_box(&app), frame))
                    .expect("draw");
            });
        });
        let start = start_line(&app, end);
        group.bench_function(format!("page_down/{name}"), |b| {
            b.iter(|| {
                if let Some(state) = app.lesson.as_mut() {
                    state.top = start;
                }
                black_box(update(&mut app, Msg::Action(Action::PageDown)))
            });
        });
        group.bench_function(format!("page_down_and_frame/{name}"), |b| {
            b.iter(|| {
                if let Some(state) = app.lesson.as_mut() {
                    state.top = start;
                }
                let _ = update(&mut app, Msg::Action(Action::PageDown));
                terminal
                    .draw(|frame| view::draw(&app, frame))
                    .expect("draw");
            });
        });
    }
    bench_search_keystroke(&mut group, &lesson);
    group.finish();
}

/// One keystroke of incremental search in the 10 MB lesson: "指導" is
/// typed already (the library's folded text made by then, as after the
/// first key), and the key adds "医": the search over the whole lesson,
/// the jump to the first match, and the frame with its highlights.
fn bench_search_keystroke(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    lesson: &Lesson,
) {
    let mut app = app_at(lesson, false);
    let _ = update(&mut app, Msg::Action(Action::Search));
    for c in "指導".chars() {
        let _ = update(&mut app, Msg::Prompt(PromptKey::Char(c)));
    }
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("backend");
    group.bench_function("search_keystroke_and_frame", |b| {
        b.iter_batched(
            || app.clone(),
            |mut app| {
                let _ = update(&mut app, Msg::Prompt(PromptKey::Char('医')));
                terminal
                    .draw(|frame| view::draw(&app, frame))
                    .expect("draw");
                app
            },
            criterion::BatchSize::LargeInput,
        );
    });
}

criterion_group!(frame, benches);
criterion_main!(frame);
