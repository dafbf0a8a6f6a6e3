use super::*;

fn h(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

fn p(text: &str) -> Block {
    Block::Para(text.into())
}

#[test]
fn title_label_intro_sections_and_summary_are_found() {
    let lesson = lesson(
        vec![
            p("【第6回】"),
            h(1, "医師とSNS"),
            p("導入の段落です。"),
            p("■ なぜ今学ぶのか"),
            p("本文です。"),
            h(3, "小見出し"),
            p("続きです。"),
            p("【まとめ】"),
            Block::List {
                ordered: false,
                items: vec!["一つ目".into(), "二つ\n目".into()],
            },
        ],
        "fallback",
    );
    assert_eq!(lesson.label.as_deref(), Some("第6回"));
    assert_eq!(lesson.title, "医師とSNS");
    assert_eq!(lesson.intro, "導入の段落です。");
    assert_eq!(lesson.sections.len(), 1);
    assert_eq!(lesson.sections[0].heading, "なぜ今学ぶのか");
    assert_eq!(
        lesson.sections[0].body,
        "本文です。\n\n**小見出し**\n\n続きです。"
    );
    let points: Vec<&str> = lesson.summary.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(points, ["一つ目", "二つ目"]);
}

#[test]
fn a_profile_section_becomes_the_lecturer_and_an_unclear_one_stays_in_the_intro() {
    let lesson = lesson(
        vec![
            h(1, "題"),
            h(2, "講師プロフィール"),
            p("**早瀬 美月**"),
            p("総合診療医。"),
            h(2, "本題"),
            p("本文。"),
        ],
        "fallback",
    );
    let lecturer = lesson.lecturer.unwrap();
    assert_eq!(lecturer.name, "早瀬 美月");
    assert_eq!(lecturer.bio, "総合診療医。");
    assert_eq!(lesson.sections.len(), 1);

    let unclear = super::lesson(
        vec![
            h(1, "題"),
            h(2, "講師"),
            p("長い紹介文が、名前なしで始まります。"),
        ],
        "x",
    );
    assert_eq!(unclear.lecturer, None);
    assert_eq!(
        unclear.intro,
        "**講師**\n\n長い紹介文が、名前なしで始まります。"
    );
}

#[test]
fn repeated_headings_and_points_get_explicit_ids() {
    let lesson = lesson(
        vec![
            h(1, "t"),
            h(2, "同じ"),
            p("a"),
            h(2, "同じ"),
            p("b"),
            h(2, "まとめ"),
            p("・同じ点\n・同じ点"),
        ],
        "x",
    );
    assert_eq!(lesson.sections[1].id.as_deref(), Some("section-2"));
    assert_eq!(lesson.summary[0].id, None);
    assert_eq!(lesson.summary[1].id.as_deref(), Some("point-2"));
}

#[test]
fn without_headings_the_fallback_is_the_title() {
    let lesson = lesson(vec![p("講師：山田 花子"), p("本文だけ。")], "ファイル名");
    assert_eq!(lesson.title, "ファイル名");
    assert_eq!(lesson.lecturer.unwrap().name, "山田 花子");
    assert_eq!(lesson.intro, "本文だけ。");
}

#[test]
fn one_line_joins_by_the_soft_break_rule() {
    assert_eq!(one_line("日本語の\n見出し"), "日本語の見出し");
    assert_eq!(one_line("Key\npoints"), "Key points");
    assert_eq!(one_line("hard\\\nbreak"), "hard break");
}
