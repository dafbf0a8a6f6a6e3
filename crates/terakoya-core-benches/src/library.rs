//! The library of the load and search benchmarks: 500 Japanese lesson
//! files of about 20 MB in all, in ten courses, generated from sentence
//! fragments (original text of realistic shape).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub const COURSES: usize = 10;
pub const LESSONS_PER_COURSE: usize = 50;
pub const TARGET_BYTES: usize = 20 * 1024 * 1024;

// Sentence fragments, combined to make original text of realistic shape.
const SUBJECTS: &[&str] = &[
    "研修医は",
    "指導医は",
    "看護師と医師は",
    "若手の医師は",
    "外来の担当医は",
    "病棟のチームは",
    "地域の開業医は",
    "学会の発表者は",
];
const OBJECTS: &[&str] = &[
    "毎朝のカンファレンスで",
    "夜間の当直のあとに",
    "新しい論文を読むときに",
    "患者さんに説明する前に",
    "症例をまとめるときに",
    "SNSに投稿する前に",
];
const PREDICATES: &[&str] = &[
    "要点を三つに絞って確認する。",
    "疑問をメモに残して翌日に調べる。",
    "同僚と短く話し合うことを習慣にしている。",
    "守秘義務を第一に考えて言葉を選ぶ。",
    "小さな失敗を記録し、次の改善につなげる。",
    "学んだことを後輩に教えて理解を深める。",
];

pub fn sentence(seed: usize) -> String {
    // Mixes the seed so neighbouring lessons differ.
    let seed = seed.wrapping_mul(2_654_435_761) >> 7;
    let s = SUBJECTS[seed % SUBJECTS.len()];
    let o = OBJECTS[(seed / 7) % OBJECTS.len()];
    let p = PREDICATES[(seed / 11) % PREDICATES.len()];
    format!("{s}{o}{p}")
}

fn paragraph(seed: usize, sentences: usize) -> String {
    (0..sentences)
        .map(|i| sentence(seed * 31 + i) + "\n")
        .collect()
}

/// One lesson of about `bytes` bytes: label, title, intro, lecturer, six
/// sections of paragraphs and list items, and a six-point summary.
fn lesson(course: usize, n: usize, bytes: usize) -> String {
    let seed = course * 1000 + n;
    let mut text = format!(
        "label = \"第{n}回 〔{}時限〕\"\ntitle = \"キャリア講座 その{seed}\"\nintro = \"\"\"\n{}\"\"\"\n\n",
        n % 4 + 1,
        paragraph(seed, 4)
    );
    let bio = sentence(seed);
    writeln!(
        text,
        "[lecturer]\nname = \"講師 {seed}\"\nbio = \"{bio}\"\n"
    )
    .unwrap();
    let section_bytes = bytes.saturating_sub(text.len() + 1200) / 6;
    for s in 0..6 {
        let mut body = String::new();
        let mut i = 0;
        while body.len() < section_bytes {
            let line = sentence(seed * 7 + s * 100 + i);
            if i % 5 == 4 {
                writeln!(body, "- {line}\n").unwrap();
            } else {
                writeln!(body, "{line}").unwrap();
            }
            i += 1;
        }
        let heading = SUBJECTS[s % SUBJECTS.len()];
        writeln!(
            text,
            "[[sections]]\nheading = \"第{s}節 {heading}\"\nbody = \"\"\"\n{body}\"\"\"\n"
        )
        .unwrap();
    }
    for p in 0..6 {
        let point = sentence(seed + p * 13);
        writeln!(text, "[[summary]]\ntext = \"{point}（{p}）\"\n").unwrap();
    }
    text
}

/// Writes the library under `root`; returns every file path.
pub fn generate(root: &Path) -> Vec<PathBuf> {
    let per_file = TARGET_BYTES / (COURSES * LESSONS_PER_COURSE);
    let mut files = Vec::new();
    for c in 0..COURSES {
        let dir = root.join(format!("course-{c:02}"));
        std::fs::create_dir_all(&dir).unwrap();
        let course = dir.join("course.toml");
        std::fs::write(&course, format!("format = 1\ntitle = \"講座 {c}\"\n")).unwrap();
        files.push(course);
        for n in 0..LESSONS_PER_COURSE {
            let path = dir.join(format!("{n:03}-lesson.toml"));
            std::fs::write(&path, lesson(c, n, per_file)).unwrap();
            files.push(path);
        }
    }
    files
}
