//! The complete example in docs/format.md loads cleanly and means what the
//! document says.

use terakoya_core::bundle::{self, LessonsSource};

/// The ```toml title="path"``` blocks of docs/format.md.
fn example_files() -> Vec<(String, String)> {
    let doc = include_str!("../../docs/format.md");
    let mut files = Vec::new();
    let mut rest = doc;
    while let Some(start) = rest.find("```toml title=\"") {
        let after = &rest[start + "```toml title=\"".len()..];
        let (name, after) = after.split_once("\"\n").unwrap();
        let (body, after) = after.split_once("\n```").unwrap();
        files.push((name.to_owned(), format!("{body}\n")));
        rest = after;
    }
    files
}

#[test]
fn the_documented_example_loads_without_problems() {
    let files = example_files();
    assert_eq!(files.len(), 2);
    let root = tempfile::tempdir().unwrap();
    for (name, body) in &files {
        let path = root.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    }
    let loaded = bundle::load(&LessonsSource::Path(root.path().to_owned()));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics[0]);

    let (course, lesson) = loaded.library.find_lesson("career/06-sns").unwrap();
    assert_eq!(course.title, "医師のキャリア講座");
    assert_eq!(lesson.label.as_deref(), Some("第6回 〔2時限〕"));
    let intro = lesson.intro.as_ref().unwrap();
    assert_eq!(
        intro.blocks[0].text,
        "SNSは、学会の情報を集めたり、同じ専門の仲間とつながったりするのに便利な道具です。一方で、何気ない投稿が患者さんの信頼を損ねることもあります。"
    );
    let items: Vec<&str> = intro
        .blocks
        .iter()
        .filter(|b| b.kind.is_list_item())
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "守秘義務と投稿の境界",
            "専門家としての言葉づかい",
            "困ったときの相談先"
        ]
    );
    let bio = &lesson
        .lecturer
        .as_ref()
        .unwrap()
        .bio
        .as_ref()
        .unwrap()
        .blocks[0]
        .text;
    assert!(
        bio.ends_with("担当している。Twitter and blogs since 2010."),
        "{bio}"
    );
    assert_eq!(
        lesson.sections[0].id,
        bundle::section_id("なぜ今SNSを学ぶのか")
    );
    assert_eq!(lesson.sections[1].id, "confidentiality");
    assert_eq!(lesson.summary[1].id, "p-no-cases");
    assert_eq!(bundle::point_id("foobar"), "p-72ad2699");
}
