//! A small library built in code, for tests and benchmarks that must not
//! depend on lesson files: one Japanese lesson with every kind of block.
//! (Original text, written for terakoya.)

use std::path::PathBuf;

use terakoya_core::model::{
    Block, BlockKind, Course, Lecturer, Lesson, Library, Section, SummaryPoint, Text,
};

fn para(text: &str) -> Block {
    Block {
        kind: BlockKind::Paragraph,
        text: text.to_owned(),
        ..Default::default()
    }
}

fn item(text: &str) -> Block {
    Block {
        kind: BlockKind::ListItem,
        text: text.to_owned(),
        ..Default::default()
    }
}

fn section(id: &str, heading: &str, blocks: Vec<Block>) -> Section {
    Section {
        id: id.to_owned(),
        heading: heading.to_owned(),
        body: Text { blocks },
    }
}

fn point(id: &str, text: &str) -> SummaryPoint {
    SummaryPoint {
        id: id.to_owned(),
        text: text.to_owned(),
        ..Default::default()
    }
}

/// 「当直明けの学び方」: four sections, a list, five summary points.
pub fn study_lesson() -> Lesson {
    Lesson {
        id: "01-after-night-shift".to_owned(),
        label: Some("第1回 〔1時限〕".to_owned()),
        title: "当直明けの学び方".to_owned(),
        lecturer: Some(Lecturer {
            name: "山田 花子".to_owned(),
            bio: Some(Text {
                blocks: vec![para("総合内科医。研修医の教育に十年以上かかわる。")],
            }),
        }),
        intro: Some(Text {
            blocks: vec![para(
                "疲れた頭でも続けられる小さな学習の型を、今日は一緒に考えます。完璧を目指さず、明日につながる一歩を選びましょう。",
            )],
        }),
        sections: vec![
            section(
                "rest",
                "まず眠る",
                vec![
                    para(
                        "当直明けにいちばん効く勉強法は、実は睡眠です。記憶は眠っている間に整理されるので、無理に机に向かうより、短くても深く眠るほうが翌日の理解は進みます。",
                    ),
                    para(
                        "帰り道に「今日の一例」だけを思い出しておくと、眠りの前の短い復習になります。",
                    ),
                ],
            ),
            section(
                "one-case",
                "一例を書き残す",
                vec![
                    para("起きたら、前夜に診た患者さんのうち一例だけを選び、三行で書き残します。"),
                    item("何が起きたか（主訴と経過）"),
                    item("何を考えたか（鑑別と判断の理由）"),
                    item("次にどうするか（調べること、上級医に聞くこと）"),
                    para("三行なら五分で終わります。続けることが何より大切です。"),
                ],
            ),
            section(
                "ask",
                "聞く力を育てる",
                vec![para(
                    "わからなかったことは、その日のうちに上級医へ短く質問しましょう。「結論から言うと」で始めると、忙しい相手にも伝わりやすくなります。",
                )],
            ),
            section(
                "review",
                "週に一度の見直し",
                vec![para(
                    "週末に一週間分の記録を読み返し、繰り返し出てきたテーマを一つ選んで教科書で確かめます。Review once a week, and the notes become a map of what you need to learn.",
                )],
            ),
        ],
        summary: vec![
            point("sleep", "当直明けは、まず眠ることが最良の学習になる"),
            point("three-lines", "一例を三行で書き残す習慣をつくる"),
            point("ask-same-day", "疑問はその日のうちに、結論から短く質問する"),
            point("weekly", "週に一度、記録を読み返してテーマを選ぶ"),
            point("small-steps", "完璧より継続。小さな一歩を毎日積み重ねる"),
        ],
        path: PathBuf::from("<sample>/study/01-after-night-shift.toml"),
        ..Default::default()
    }
}

/// A second, short lesson without a lecturer, in English.
pub fn short_lesson() -> Lesson {
    Lesson {
        id: "02-short".to_owned(),
        label: None,
        title: "A short lesson".to_owned(),
        lecturer: None,
        intro: None,
        sections: vec![section(
            "only",
            "The only section",
            vec![para("Short and sweet.")],
        )],
        summary: vec![point("one", "Short lessons are fine.")],
        path: PathBuf::from("<sample>/study/02-short.toml"),
        ..Default::default()
    }
}

pub fn library() -> Library {
    Library {
        courses: vec![Course {
            id: "study".to_owned(),
            title: "研修医の学び方".to_owned(),
            description: None,
            lessons: vec![study_lesson(), short_lesson()],
            path: PathBuf::from("<sample>/study"),
        }],
    }
}
