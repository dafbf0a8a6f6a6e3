//! `terakoya show` of the format-2 sample (career/08-handoff) at every
//! width from 10 to 120: no line over the width, no kinsoku violation in
//! running text, no ruby base split from its reading where the group fits,
//! nothing lost; `--ruby hide` and link URLs.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use terakoya_core::bundle::{self, LessonsSource};
use terakoya_core::model::{Lesson, Text};
use terakoya_core::text::kinsoku::{no_end, no_start};
use terakoya_core::text::layout::Bullet;
use terakoya_core::text::width::str_width;

fn show(args: &[&str]) -> String {
    let data = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("terakoya")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("TERAKOYA_DATA_DIR")
        .arg("--data-dir")
        .arg(data.path())
        .args(["--lessons", "lessons", "show"])
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn sample(spec: &str) -> Lesson {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let loaded = bundle::load(&LessonsSource::Path(dir));
    loaded.library.find_lesson(spec).unwrap().1.clone()
}

/// Drawn around the text: quote bars, table rules and separators, heading
/// rules, checklist boxes, code continuation marks and spaces.
fn is_decoration(c: char) -> bool {
    matches!(
        c,
        ' ' | '\n' | '\u{3000}' | '│' | '─' | '┼' | '=' | '-' | '[' | ']' | '\\'
    )
}

fn count(out: &mut BTreeMap<char, usize>, text: &str) {
    for c in text.chars().filter(|&c| !is_decoration(c)) {
        *out.entry(c).or_default() += 1;
    }
}

/// `grid`: tables are drawn as grids (else a block per row, the header
/// cells before each value, with `: `).
fn count_text(out: &mut BTreeMap<char, usize>, text: &Text, grid: bool) {
    for block in &text.blocks {
        if let Some(bullet) = Bullet::of(block.kind) {
            count(out, &bullet.symbol());
        }
        count(out, &block.text);
        let Some(table) = &block.table else { continue };
        for cell in table.rows.iter().flatten() {
            count(out, &cell.text);
        }
        if !grid {
            for _ in 2..table.rows.len() {
                table.rows[0].iter().for_each(|cell| count(out, &cell.text));
            }
            for _ in 1..table.rows.len() {
                table.rows[0].iter().for_each(|_| count(out, ":"));
            }
        }
    }
}

/// Every character the lesson must show, as a multiset (tables print
/// their cells side by side, so order is not kept).
fn expected(lesson: &Lesson, grid: bool) -> BTreeMap<char, usize> {
    let mut out = BTreeMap::new();
    count(&mut out, lesson.label.as_deref().unwrap_or(""));
    count(&mut out, &lesson.title);
    if let Some(lecturer) = &lesson.lecturer {
        count(&mut out, &lecturer.name);
        lecturer
            .bio
            .iter()
            .for_each(|b| count_text(&mut out, b, grid));
    }
    lesson
        .intro
        .iter()
        .for_each(|t| count_text(&mut out, t, grid));
    for section in &lesson.sections {
        count(&mut out, &section.heading);
        count_text(&mut out, &section.body, grid);
    }
    count(&mut out, "Summary");
    for point in &lesson.summary {
        count(&mut out, &point.text);
    }
    out
}

const RUBY: [&str; 3] = ["褥瘡（じょくそう）", "誤嚥（ごえん）", "譫妄（せんもう）"];

/// The text of a line of running text (not a table line), without its
/// quote bar, indent, bullet or checkbox.
fn running_text(line: &str) -> Option<&str> {
    if line.contains(" │ ") || line.contains('┼') {
        return None;
    }
    let text = line.trim_start_matches(['│', ' ', '・']);
    let text = text.trim_start_matches("[ ] ");
    let text = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    Some(text.trim_start_matches([' ', '-']))
}

#[test]
fn format_2_sample_at_every_width_fits_keeps_kinsoku_and_ruby_and_loses_nothing() {
    let lesson = sample("career/08-handoff");
    for width in 10..=120usize {
        let out = show(&["career/08-handoff", "--width", &width.to_string()]);
        let lines: Vec<&str> = out.lines().collect();
        for line in &lines {
            assert!(str_width(line) <= width, "width {width}: {line:?}");
        }
        for pair in lines.windows(2) {
            let (Some(prev), Some(next)) = (running_text(pair[0]), running_text(pair[1])) else {
                continue;
            };
            let (Some(last), Some(first)) = (prev.chars().next_back(), next.chars().next()) else {
                continue;
            };
            assert!(
                !no_end(last) && !no_start(first),
                "width {width}: {:?} / {:?}",
                pair[0],
                pair[1]
            );
        }
        // A group that fits the narrowest place it is laid out in (a
        // summary point, a table column) is never split.
        if width >= 24 {
            for group in RUBY {
                let whole = lines
                    .iter()
                    .map(|l| l.matches(group).count())
                    .sum::<usize>();
                let bases = lines
                    .iter()
                    .map(|l| l.matches(&group[..6]).count())
                    .sum::<usize>();
                assert_eq!(whole, bases, "width {width}: {group} split\n{out}");
            }
        }
        let mut got = BTreeMap::new();
        count(&mut got, &out);
        let want = expected(&lesson, out.contains('┼'));
        assert_eq!(got, want, "width {width}\n{out}");
    }
}

#[test]
fn ruby_hide_shows_bases_only() {
    let out = show(&["career/08-handoff", "--width", "60", "--ruby", "hide"]);
    assert!(out.contains("褥瘡") && !out.contains("じょくそう"), "{out}");
    let inline = show(&["career/08-handoff", "--width", "60"]);
    assert!(inline.contains("褥瘡（じょくそう）"), "{inline}");
}

#[test]
fn links_print_their_url_and_markup_is_plain() {
    let out = show(&["basics/02-format-2", "--width", "100"]);
    assert!(
        out.contains("the CommonMark spec <https://spec.commonmark.org/>"),
        "{out}"
    );
    assert!(!out.contains('\u{1b}'), "{out}");
    assert!(!out.contains("**"), "{out}");
    assert!(out.contains("これは「重要」です。"), "{out}");
    assert!(out.contains("<b>this</b>"), "{out}");
    assert!(
        out.contains("1. Numbered lists keep their numbers."),
        "{out}"
    );
    assert!(out.contains("   - Lists can nest."), "{out}");
    assert!(out.contains("│ A quote has a bar at the left"), "{out}");
    // Too narrow for the table: one block per row.
    let narrow = show(&["basics/02-format-2", "--width", "24"]);
    assert!(narrow.contains("Term: 褥瘡"), "{narrow}");
}

#[test]
fn the_config_files_ruby_is_the_show_default_and_the_flag_wins() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "ruby = \"hide\"\n").unwrap();
    let config = config.to_str().unwrap();
    let hidden = show(&["career/08-handoff", "--width", "60", "--config", config]);
    assert!(
        hidden.contains("褥瘡") && !hidden.contains("じょくそう"),
        "{hidden}"
    );
    let flag = [
        "career/08-handoff",
        "--width",
        "60",
        "--config",
        config,
        "--ruby",
        "inline",
    ];
    let inline = show(&flag);
    assert!(inline.contains("褥瘡（じょくそう）"), "{inline}");
}
