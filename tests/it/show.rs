//! `terakoya show`: the Japanese sample at every width from 1 to 120 has
//! no line over the width, no avoidable kinsoku violation (none at all from
//! 10 up), headings set off with rules, and no lost or added character; the checklist follows saved progress; no escape codes when
//! stdout is not a terminal.

use std::path::Path;

use assert_cmd::Command;
use terakoya::tui::strings::summary;
use terakoya_core::bundle::{self, LessonsSource};
use terakoya_core::model::{BlockKind, Lesson, Text};
use terakoya_core::progress::store::Store;
use terakoya_core::progress::{Change, LessonKey};
use terakoya_core::text::kinsoku::{no_end, no_start};
use terakoya_core::text::layout::LIST_INDENT;
use terakoya_core::text::width::{char_width, str_width};

fn terakoya(data_dir: &Path) -> Command {
    let mut cmd = crate::support::terakoya();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("TERAKOYA_DATA_DIR")
        .env_remove("NO_COLOR")
        .arg("--data-dir")
        .arg(data_dir)
        .args(["--lessons", "lessons"]);
    cmd
}

fn show(data_dir: &Path, args: &[&str]) -> String {
    let out = terakoya(data_dir).arg("show").args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn sample() -> Lesson {
    let loaded = bundle::load(&LessonsSource::Path(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons"),
    ));
    let (_, lesson) = loaded.library.find_lesson("career/06-sns").unwrap();
    lesson.clone()
}

/// The blocks of `text`, list items with their bullet (drawn only where the
/// width leaves room for the list indent): one per list, the marker its
/// first item was written with.
fn push_text(out: &mut String, text: &Text, bullets: bool) {
    let mut bullet = "-";
    let mut previous: Option<BlockKind> = None;
    for block in &text.blocks {
        if block.kind.is_list_item() && !previous.is_some_and(BlockKind::is_list_item) {
            bullet = if block.kind == BlockKind::DashListItem {
                "-"
            } else {
                "・"
            };
        }
        if bullets && block.kind.is_list_item() {
            out.push_str(bullet);
        }
        out.push_str(&block.text);
        previous = Some(block.kind);
    }
}

/// Every character `show` must print at `width`, in order, spaces left
/// out (break spaces: the ASCII and the ideographic space).
fn expected_chars(lesson: &Lesson, ticked: &[&str], width: usize) -> String {
    let bullets = width >= usize::from(LIST_INDENT) + 2;
    let mut out = String::new();
    out.extend(lesson.label.as_deref());
    out.push_str(&lesson.title);
    if let Some(lecturer) = &lesson.lecturer {
        out.push_str(&lecturer.name);
        lecturer
            .bio
            .iter()
            .for_each(|bio| push_text(&mut out, bio, bullets));
    }
    lesson
        .intro
        .iter()
        .for_each(|intro| push_text(&mut out, intro, bullets));
    for section in &lesson.sections {
        out.push_str(&section.heading);
        push_text(&mut out, &section.body, bullets);
    }
    out.push_str(summary());
    for point in &lesson.summary {
        let ticked = ticked.contains(&point.id.as_str());
        out.push_str(match (ticked, width >= 3) {
            (true, true) => "[x]",
            (false, true) => "[]",
            (true, false) => "x",
            (false, false) => "-",
        });
        out.push_str(&point.text);
    }
    out.retain(|c| c != ' ' && c != '\u{3000}');
    if width < 2 {
        // A two-column character cannot be drawn in one column.
        out = out
            .chars()
            .map(|c| if char_width(c) > 1 { '?' } else { c })
            .collect();
    }
    out
}

/// A heading's rule: `=` or `-` only, and followed by a blank line (or the
/// end), which tells it from a `-` checklist marker at widths below 3.
fn is_rule(lines: &[&str], index: usize) -> bool {
    let line = lines[index];
    let marks =
        !line.is_empty() && (line.chars().all(|c| c == '=') || line.chars().all(|c| c == '-'));
    marks && lines.get(index + 1).is_none_or(|next| next.is_empty())
}

/// The text of a line without its indent, list bullet or checklist marker.
fn text_of(line: &str) -> &str {
    line.trim_start_matches([' ', '・'])
        .trim_start_matches("[ ] ")
        .trim_start_matches("[x] ")
}

/// Whether the break between two consecutive printed lines could have been
/// clean: `prev` has a boundary inside it where kinsoku allows a break.
fn had_a_clean_break(prev: &str) -> bool {
    let chars: Vec<char> = text_of(prev).chars().filter(|&c| c != ' ').collect();
    chars.windows(2).any(|w| may_break(w[0], w[1]))
}

fn may_break(before: char, after: char) -> bool {
    !no_end(before) && !no_start(after)
}

/// Every property of `show` at `width`: no line over the width, headings
/// set off by a blank line and a rule as wide as the heading, kinsoku kept
/// wherever an earlier break in the line allowed it (and always from 10
/// columns up, where the sample's unbreakable runs fit), and nothing lost
/// or added.
fn check_show(out: &str, width: usize, lesson: &Lesson, expected: &str) {
    let lines: Vec<&str> = out.lines().collect();
    let mut rules = 0;
    for (index, line) in lines.iter().enumerate() {
        assert!(str_width(line) <= width, "width {width}: {line:?}");
        assert!(!line.ends_with(' '), "width {width}: {line:?}");
        if is_rule(&lines, index) {
            rules += 1;
            // The heading is directly above, preceded by a blank line (or
            // the label, for the title).
            let above = &lines[..index];
            let heading: Vec<&str> = above
                .iter()
                .rev()
                .take_while(|l| !l.is_empty())
                .copied()
                .collect();
            let widest = heading.iter().map(|l| str_width(l)).max().unwrap_or(0);
            assert!(
                str_width(line) >= str_width(above[index - 1]),
                "width {width}: {line:?}"
            );
            assert!(str_width(line) <= widest, "width {width}: {line:?}");
            continue;
        }
        let Some(prev) = index.checked_sub(1).map(|i| lines[i]) else {
            continue;
        };
        if line.is_empty() || prev.is_empty() || is_rule(&lines, index - 1) {
            continue;
        }
        let (Some(last), Some(first)) = (
            text_of(prev).chars().next_back(),
            text_of(line).chars().next(),
        ) else {
            continue;
        };
        if !may_break(last, first) {
            assert!(width < 10, "width {width}: {prev:?} / {line:?}");
            assert!(
                !had_a_clean_break(prev),
                "avoidable at width {width}: {prev:?} / {line:?}"
            );
        }
    }
    assert_eq!(rules, lesson.sections.len() + 2, "width {width}");
    let mut got: String = lines
        .iter()
        .enumerate()
        .filter(|&(index, _)| !is_rule(&lines, index))
        .map(|(_, line)| *line)
        .collect();
    got.retain(|c| c != ' ' && c != '\u{3000}');
    assert_eq!(got, expected, "width {width}");
}

#[test]
fn japanese_sample_at_every_width_fits_keeps_kinsoku_and_loses_nothing() {
    let data = tempfile::tempdir().unwrap();
    let lesson = sample();
    for width in 1..=120 {
        let out = show(
            data.path(),
            &["career/06-sns", "--width", &width.to_string()],
        );
        // Below 3 columns the checklist markers are `-` and `x`.
        let expected = expected_chars(&lesson, &[], width);
        check_show(&out, width, &lesson, &expected);
    }
}

#[test]
fn headings_stand_out_in_plain_text() {
    let data = tempfile::tempdir().unwrap();
    let out = show(data.path(), &["career/06-sns", "--width", "40"]);
    assert!(
        out.starts_with(
            "第6回 〔2時限〕\nSNSを味方にする医師の作法\n=========================\n\n"
        ),
        "{out}"
    );
    assert!(out.contains("\n\n白衣を脱いでも、医師であることは変わらな\nい\n----------------------------------------\n\n「"), "{out}");
    assert!(out.contains("\n\nSummary\n-------\n\n[ ] "), "{out}");
    // Too narrow for the word: broken by grapheme, never a placeholder.
    let out = show(data.path(), &["career/06-sns", "--width", "4"]);
    assert!(out.contains("\n\nSumm\nary\n----\n\n"), "{out}");
    assert!(!out.contains('?'), "{out}");
}

#[test]
fn summary_is_a_checklist_from_saved_progress() {
    let data = tempfile::tempdir().unwrap();
    let lesson = sample();
    let point = &lesson.summary[1];
    let mut opened = Store::open(Some(data.path()));
    opened
        .store
        .apply(&[Change::Tick {
            key: LessonKey::new("career", "06-sns"),
            point: point.id.clone(),
            ticked: true,
            at: 1_795_598_644,
        }])
        .unwrap();
    let out = show(data.path(), &["06-sns", "--width", "30"]);
    let checklist: Vec<&str> = out
        .lines()
        .skip_while(|l| *l != summary())
        .filter(|l| l.starts_with('['))
        .collect();
    assert_eq!(checklist.len(), lesson.summary.len());
    assert!(checklist[0].starts_with("[ ] "));
    assert!(checklist[1].starts_with("[x] "), "{checklist:?}");
    // Continuation lines hang under the text, after the marker.
    let summary: Vec<&str> = out
        .lines()
        .skip_while(|l| *l != summary())
        .skip(3) // the heading, its rule and a blank line
        .collect();
    assert!(
        summary
            .iter()
            .all(|l| l.starts_with('[') || l.starts_with("    "))
    );
    let expected = expected_chars(&lesson, &[point.id.as_str()], 30);
    check_show(&out, 30, &lesson, &expected);
}

#[test]
fn without_a_terminal_the_width_is_80_and_there_are_no_escape_codes() {
    let data = tempfile::tempdir().unwrap();
    let out = show(data.path(), &["career/06-sns"]);
    assert!(!out.contains('\x1b'));
    assert!(out.lines().all(|l| str_width(l) <= 80));
    assert!(out.lines().any(|l| str_width(l) > 70));
    assert_eq!(out, show(data.path(), &["career/06-sns", "--width", "80"]));
}

#[test]
fn unknown_and_ambiguous_lessons_are_errors_naming_what_to_do() {
    let data = tempfile::tempdir().unwrap();
    let out = terakoya(data.path())
        .args(["show", "career/nope"])
        .assert()
        .code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("no lesson `career/nope`"), "{stderr}");
    assert!(
        stderr.contains("`terakoya -L lessons list` shows the lesson ids"),
        "{stderr}"
    );
}

#[test]
fn english_lesson_shows_dash_bullets_and_keeps_words_whole() {
    let data = tempfile::tempdir().unwrap();
    let out = show(data.path(), &["basics/01-getting-around", "--width", "50"]);
    assert!(out.lines().all(|l| str_width(l) <= 50));
    assert!(
        out.starts_with("Lesson 1\nGetting around terakoya\n"),
        "{out}"
    );
}

/// A lesson whose paragraphs are marked the Japanese way, by a U+3000
/// indent at the start of a line, with no blank line between them.
const INDENTED: &str = r#"title = "字下げの段落"
intro = """
　研修医の一日は長い。朝の回診から始まり、夜の申し送りまで、考える暇もなく過ぎていく。
　それでも、十五分だけ論文を読む時間を作る。続けるうちに、それが一日の支えになる。
"""

[[sections]]
heading = "続けるための工夫"
body = """
　時間を決める。場所を決める。読む量は少なくてよい。
　「今日は一段落だけ」と決めた日も、読んだことに変わりはない。
"""

[[summary]]
text = "毎日十五分、論文を読む時間を作る。"
"#;

#[test]
fn indented_paragraphs_keep_their_indent_on_the_first_line_only() {
    let data = tempfile::tempdir().unwrap();
    let lessons = tempfile::tempdir().unwrap();
    let course = lessons.path().join("c");
    std::fs::create_dir(&course).unwrap();
    std::fs::write(course.join("course.toml"), "title = \"C\"\n").unwrap();
    std::fs::write(course.join("a.toml"), INDENTED).unwrap();
    let loaded = bundle::load(&LessonsSource::Path(lessons.path().to_path_buf()));
    let (_, lesson) = loaded.library.find_lesson("c/a").unwrap();
    let paragraphs = lesson.intro.iter().chain([&lesson.sections[0].body]);
    let firsts: Vec<String> = paragraphs
        .flat_map(|text| &text.blocks)
        .map(|block| block.text.chars().take(3).collect())
        .collect();
    assert_eq!(
        firsts,
        [
            "\u{3000}研修",
            "\u{3000}それ",
            "\u{3000}時間",
            "\u{3000}「今"
        ]
    );
    for width in 10..=120 {
        let out = crate::support::terakoya()
            .arg("--data-dir")
            .arg(data.path())
            .arg("--lessons")
            .arg(lessons.path())
            .args(["show", "c/a", "--width", &width.to_string()])
            .assert()
            .success();
        let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        check_show(&out, width, lesson, &expected_chars(lesson, &[], width));
        let indented: Vec<&str> = out.lines().filter(|l| l.starts_with('\u{3000}')).collect();
        assert_eq!(indented.len(), 4, "width {width}:\n{out}");
        for first in firsts.iter() {
            let body = first.trim_start_matches('\u{3000}');
            assert!(
                indented.iter().any(|l| l[3..].starts_with(body)),
                "width {width}: {first}\n{out}"
            );
        }
    }
}

/// Issue 10: lists of Japanese text whose items start with Latin letters,
/// and `- ` lists of Japanese text, each written with the other marker
/// than their first letters would suggest.
const BULLETS: &str = r#"title = "箇条書き"
intro = """
・SNSは便利な道具である。
・CTで確かめてから伝える。

間の段落。

- 手を洗う
- 記録を残す
"""

[[sections]]
heading = "はじめに"
body = "本文。"
"#;

#[test]
fn each_list_keeps_the_marker_its_author_wrote() {
    let data = tempfile::tempdir().unwrap();
    let lessons = tempfile::tempdir().unwrap();
    let course = lessons.path().join("c");
    std::fs::create_dir(&course).unwrap();
    std::fs::write(course.join("course.toml"), "title = \"C\"\n").unwrap();
    std::fs::write(course.join("a.toml"), BULLETS).unwrap();
    let out = crate::support::terakoya()
        .arg("--data-dir")
        .arg(data.path())
        .arg("--lessons")
        .arg(lessons.path())
        .args(["show", "c/a", "--width", "40"])
        .assert()
        .success();
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let items: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with('・') || l.starts_with("- "))
        .collect();
    assert_eq!(
        items,
        [
            "・SNSは便利な道具である。",
            "・CTで確かめてから伝える。",
            "- 手を洗う",
            "- 記録を残す"
        ],
        "{out}"
    );
}
