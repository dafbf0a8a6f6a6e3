//! What `import` writes passes `check`, holds every paragraph of the
//! article and none of the site around it. (Comparing `show`'s output is
//! for when format 2 loads: see `FORMAT_2_LOADS`; today the emitted
//! TOML's text is compared.)

use std::path::Path;

use crate::import_support::{check_course, fixture, stderr, terakoya};

/// All strings of a lesson file, with format-2 inline markup and line
/// breaks taken out, so that article sentences can be looked up in it.
fn lesson_text(path: &Path) -> String {
    fn strings(value: &toml::Value, out: &mut String) {
        match value {
            toml::Value::String(s) => out.push_str(s),
            toml::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            toml::Value::Table(table) => table.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let table: toml::Value = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut raw = String::new();
    strings(&table, &mut raw);
    let mut out = String::new();
    let mut in_reading = false;
    for c in raw.chars() {
        match c {
            '《' => in_reading = true,
            '》' => in_reading = false,
            '*' | '｜' | '\n' | '\\' => {}
            _ if in_reading => {}
            _ => out.push(c),
        }
    }
    out
}

fn import_all() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("shift-work");
    let files: Vec<String> = ["course-page.html", "night-shift.md", "handoff.txt"]
        .iter()
        .map(|name| fixture(name).to_str().unwrap().to_owned())
        .collect();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--course", course.to_str().unwrap()]);
    let out = terakoya(dir.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, course)
}

#[test]
fn imported_lessons_and_their_new_course_pass_check() {
    let (_dir, course) = import_all();
    let mut names: Vec<String> = std::fs::read_dir(&course)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "course-page.toml",
            "course.toml",
            "handoff.toml",
            "sleep-after-night-shifts.toml"
        ]
    );
    let ok = check_course(&course);
    assert!(ok.contains("3 lessons"), "{ok}");
}

#[test]
fn the_html_lesson_holds_every_paragraph_and_no_chrome() {
    let (_dir, course) = import_all();
    let text = lesson_text(&course.join("course-page.toml"));
    let article = [
        "当直が明けた朝、カルテを見返して「こんな指示を出したかな」と首をかしげた経験はありませんか。",
        "眠気は、本人が思っている以上に判断を鈍らせます。",
        "この時限では、睡眠不足が臨床判断に与える影響と、自分と患者さんを守るための工夫を、明日から使える形で整理します。",
        "眠気は自覚より先にやってくる",
        "徹夜に近い勤務のあとでは、反応の速さも注意の持続も、お酒を飲んだときと同じくらい落ちるといわれます。",
        "困ったことに、本人は「まだ大丈夫」と感じていることがほとんどです。",
        "　だからこそ、感覚ではなく仕組みで自分を守る必要があります。",
        "睡眠負債は週末の寝だめでは返しきれません。",
        "申し送りを「型」にする",
        "疲れているときほど、記憶に頼った申し送りは抜け漏れが増えます。",
        "次の順番で伝えると、聞く側も確認しやすくなります。",
        "患者さんの名前と病室",
        "いま一番気になっていること",
        "夜のあいだに起きたことと、行った対応",
        "詳しい型は[院内の申し送りガイド](https://example.org/handoff)にまとめてあります。",
        "帰り道までが勤務です",
        "仮眠をとってから。難しければ公共交通機関で",
        "信号待ちでの居眠りに注意",
        "当直明けの事故は、本人だけでなく病院全体の問題として扱われます。",
        "眠気は自覚より先に判断力を奪う。",
        "申し送りは型にそって、記憶に頼らない。",
        "帰り道の安全までを勤務と考える。",
        "潮見 遼",
        "救急科専門医。",
        "趣味は早朝の釣り。",
        "第4回 〔3時限〕",
        "夜勤明けの判断力を守る",
    ];
    for sentence in article {
        assert!(text.contains(sentence), "missing {sentence:?} in\n{text}");
    }
    let chrome = [
        "みなと医学塾オンライン",
        "講座一覧",
        "よくある質問",
        "ホーム",
        "最新の講座情報",
        "登録する",
        "ポストする",
        "人気の講座",
        "プライバシーポリシー",
        "gtag",
        "pixel",
        "講師プロフィール",
        "border",
    ];
    for junk in chrome {
        assert!(!text.contains(junk), "kept {junk:?} in\n{text}");
    }
}

#[test]
fn the_text_lesson_holds_every_line_of_the_article() {
    let (_dir, course) = import_all();
    let text = lesson_text(&course.join("handoff.toml"));
    let source = std::fs::read_to_string(fixture("handoff.txt")).unwrap();
    // `■ まとめ` heads the summary points; it is no text of its own.
    for line in source
        .lines()
        .filter(|l| !l.trim().is_empty() && *l != "■ まとめ")
    {
        let line = line
            .trim_start_matches(['■', '・', '【', ' '])
            .trim_end_matches('】')
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .trim_start_matches("講師：")
            .replace('*', "");
        assert!(
            text.contains(line.trim_start_matches(' ')),
            "missing {line:?} in\n{text}"
        );
    }
}
