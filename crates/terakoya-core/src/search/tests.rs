use std::path::PathBuf;

use proptest::prelude::*;

use super::*;
use crate::model::{Block, BlockKind, Course, Lecturer, Library, Section, SummaryPoint};

fn text(paragraphs: &[&str]) -> Text {
    Text {
        blocks: paragraphs
            .iter()
            .map(|p| Block {
                kind: BlockKind::Paragraph,
                text: (*p).to_owned(),
                ..Default::default()
            })
            .collect(),
    }
}

fn lesson(id: &str, title: &str, sections: &[(&str, &[&str])]) -> Lesson {
    Lesson {
        id: id.into(),
        label: Some("第6回 〔2時限〕".into()),
        title: title.into(),
        lecturer: Some(Lecturer {
            name: "早瀬 美月".into(),
            bio: Some(text(&["総合診療科の医長。ＳＮＳの研修を担当。"])),
        }),
        intro: Some(text(&[
            "この時限ではソーシャルメディアとのつきあい方を考えます。",
        ])),
        sections: sections
            .iter()
            .enumerate()
            .map(|(i, (heading, body))| Section {
                id: format!("s{i}"),
                heading: (*heading).into(),
                body: text(body),
            })
            .collect(),
        summary: vec![SummaryPoint {
            id: "p1".into(),
            text: "投稿は医師の発言として読まれる。".into(),
            ..Default::default()
        }],
        path: PathBuf::new(),
        ..Default::default()
    }
}

fn sns() -> Lesson {
    lesson(
        "06",
        "SNSを味方にする",
        &[
            (
                "白衣を脱いでも",
                &[
                    "休日の投稿も、医師の投稿として読まれます。",
                    "シチューの写真は楽しい。",
                ],
            ),
            ("患者さんの話", &["個人が特定される情報は書かない。"]),
        ],
    )
}

fn found(lesson: &Lesson, query: &str) -> Vec<(Field, String)> {
    let index = LessonIndex::new(lesson);
    index
        .find(&Query::new(query).unwrap())
        .into_iter()
        .map(|m| (m.field, m.field.text(lesson)[m.range].to_owned()))
        .collect()
}

#[test]
fn matches_come_in_reading_order_over_every_field() {
    let hits = found(&sns(), "ＳＮＳ");
    assert_eq!(
        hits,
        vec![
            (Field::Title, "SNS".to_owned()),
            (Field::LecturerBio(0), "ＳＮＳ".to_owned()),
        ]
    );
    let hits = found(&sns(), "とうこう");
    assert!(hits.is_empty(), "kanji are not read as kana: {hits:?}");
    let fields: Vec<Field> = found(&sns(), "投稿").into_iter().map(|h| h.0).collect();
    assert_eq!(
        fields,
        vec![
            Field::Body {
                section: 0,
                block: 0
            },
            Field::Body {
                section: 0,
                block: 0
            },
            Field::Summary(0),
        ]
    );
}

#[test]
fn kana_and_width_fold_in_both_directions() {
    assert_eq!(found(&sns(), "しちゅー")[0].1, "シチュー");
    assert_eq!(found(&sns(), "ｿｰｼｬﾙ")[0].1, "ソーシャル");
    assert_eq!(found(&sns(), "白衣")[0].0, Field::Heading(0));
    assert_eq!(found(&sns(), "第６回")[0].0, Field::Label);
    assert_eq!(found(&sns(), "早瀬")[0].0, Field::LecturerName);
}

#[test]
fn an_empty_query_is_no_search_and_a_miss_is_empty() {
    assert!(Query::new("").is_none());
    assert!(Query::new(" \u{3000} ").is_none());
    assert!(found(&sns(), "ラーメン").is_empty());
}

#[test]
fn no_match_crosses_two_fields() {
    // The title ends with "する" and the next field starts with "早瀬".
    assert!(found(&sns(), "する早瀬").is_empty());
}

#[test]
fn library_results_put_title_and_heading_matches_first() {
    let body_only = lesson(
        "a",
        "ふつうの回",
        &[("はじめに", &["シチューを煮込む話。"])],
    );
    let in_title = lesson("b", "シチューの回", &[("はじめに", &["何もない。"])]);
    let library = Library {
        courses: vec![Course {
            id: "c".into(),
            title: "講座".into(),
            description: None,
            lessons: vec![body_only, in_title],
            path: PathBuf::new(),
        }],
    };
    let index = LibraryIndex::new(&library);
    let hits = index.search(&Query::new("しちゅー").unwrap());
    let order: Vec<usize> = hits.iter().map(|h| h.lesson).collect();
    assert_eq!(order, vec![1, 0]);
    assert!(index.search(&Query::new("カレー").unwrap()).is_empty());
    // The one-off search finds the same, in the same order.
    let query = Query::new("しちゅー").unwrap();
    assert_eq!(
        LibraryIndex::search_once(&library, &query),
        index.search(&query)
    );
}

proptest! {
    /// Every reported match's original text folds to the folded query.
    #[test]
    fn every_match_folds_to_the_query(
        body in "[あ-んア-ンｦ-ﾟａ-ｚA-Za-z㌀-㍗ 　ー]{0,40}",
        query in "[あいかがアイカガｱｲｶｶﾞaAａＡー]{1,3}",
    ) {
        let lesson = lesson("p", "題", &[("見出し", &[body.as_str()])]);
        let Some(q) = Query::new(&query) else { return Ok(()) };
        for m in LessonIndex::new(&lesson).find(&q) {
            let original = &m.field.text(&lesson)[m.range.clone()];
            // Widened to whole characters, the original may hold more than
            // the query (a square), but always the query itself.
            prop_assert!(fold(original).text.contains(q.folded()),
                "{original:?} folds to {:?}, not {:?}", fold(original).text, q.folded());
        }
    }
}
